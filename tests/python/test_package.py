"""The package: version, public names, stubs, the command's version and bare usage, the C++ package."""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

import pytest

import pledgetrack as pt
from pledgetrack import _core
from pledgetrack.__main__ import main

from conftest import REPO


def test_the_version_is_the_headers():
    header = (REPO / "include" / "pledgetrack" / "version.hpp").read_text(encoding="utf-8")
    (version,) = re.findall(r'inline constexpr std::string_view version = "([^"]+)"', header)
    assert pt.__version__ == version
    assert importlib.metadata.version("pledgetrack") == version


@pytest.mark.parametrize("module", [pt, _core], ids=["pledgetrack", "_core"])
def test_every_public_name_is_documented(module):
    for name in dir(module):
        value = getattr(module, name)
        if name.startswith("_") or name == "Dimension" or isinstance(value, type(pt)):
            continue
        assert (value.__doc__ or "").strip(), name
        if isinstance(value, type) and name not in {"Status", "PledgeError"}:
            for attr, member in vars(value).items():
                if (attr.startswith("_") and attr != "__init__") or not callable(getattr(member, "__get__", None)):
                    continue
                assert (getattr(member, "__doc__", None) or "").strip(), f"{name}.{attr}"


def test_pledge_error_is_a_value_error():
    assert issubclass(pt.PledgeError, ValueError)
    assert pt.PledgeError is _core.PledgeError


def test_the_stub_covers_the_extension():
    stub = ast.parse((REPO / "python" / "pledgetrack" / "_core.pyi").read_text(encoding="utf-8"))
    stubbed = {node.name: node for node in stub.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    runtime = {name for name in dir(_core) if not name.startswith("_")}
    assert runtime == set(stubbed)
    for name, node in stubbed.items():
        if not isinstance(node, ast.ClassDef) or name in {"PledgeError", "WriteError"}:  # exceptions: their members are the builtins'
            continue
        members = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        members |= {t.id for n in node.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
        public = {a for a in dir(getattr(_core, name)) if not a.startswith("_")}
        if name == "Status":
            public -= {"name", "value"}
        assert public <= members, f"{name}: {sorted(public - members)}"


def test_the_installed_package_is_typed():
    # The installed package, not the source tree: the wheel must ship the PEP 561 marker.
    files = importlib.metadata.files("pledgetrack") or []
    assert "pledgetrack/py.typed" in {f.as_posix() for f in files}
    assert (Path(pt.__file__).parent / "py.typed").is_file()


def test_the_command_prints_its_version_and_a_bare_call_is_a_usage_error(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"pledgetrack {pt.__version__}\n"
    assert main([]) == 2
    assert "usage: pledgetrack" in capsys.readouterr().err


def test_the_wheel_ships_the_cpp_package():
    assert (pt.include_dir() / "pledgetrack" / "pledgetrack.hpp").is_file()
    assert (pt.cmake_dir() / "pledgetrackConfig.cmake").is_file()
    assert (pt.cmake_dir() / "pledgetrackConfigVersion.cmake").is_file()


@pytest.mark.parametrize(
    "name",
    [
        "Snapshot", "Project", "Rate", "Criteria", "Status", "PledgeError",
        "read_csv", "read_many", "read_snapshots", "load_example",
        "compare", "Comparison", "Transition", "History", "required_pace", "Pace", "Projection", "Adjustment",
        "AdjustmentList", "plot_rate_trend", "plot_status_by_field", "plot_transitions",
    ],
)
def test_the_contracts_names_are_exported(name):
    assert name in pt.__all__
    assert hasattr(pt, name)
