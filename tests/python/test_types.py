"""Wrong types at the Python boundary: a TypeError naming the function, the parameter and
what it takes, before anything is read or written (not an AttributeError from inside)."""

from __future__ import annotations

import re

import pytest

import pledgetrack as pt


def _says(function: str, parameter: str, takes: str, got: str) -> str:
    return "^" + re.escape(f"{function}(): '{parameter}' takes {takes}, not {got}") + "$"


PATH = "a file path (str or os.PathLike)"
SNAPSHOT = "a pledgetrack.Snapshot"


def test_write_csv_with_its_arguments_swapped_names_path(tmp_path, example):
    with pytest.raises(TypeError, match=_says("write_csv", "path", PATH, "list")):
        pt.write_csv(example, tmp_path / "out.csv")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_write_csv_names_the_snapshot_that_is_not_one(tmp_path, q1):
    with pytest.raises(TypeError, match=_says("write_csv", "snapshots[1]", SNAPSHOT, "str")):
        pt.write_csv(tmp_path / "out.csv", [q1, "2024-03-31.csv"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=_says("write_csv", "snapshots", f"{SNAPSHOT} or a list of them", "str")):
        pt.write_csv(tmp_path / "out.csv", "2024-03-31.csv")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("call", "function", "parameter", "takes", "got"),
    [
        (lambda q4, q1: pt.report("q1.csv", q4), "report", "current", SNAPSHOT, "str"),
        (lambda q4, q1: pt.report(q1, "q4.csv"), "report", "previous", SNAPSHOT, "str"),
        (lambda q4, q1: pt.report(q1, org=3), "report", "org",
         "a pledgetrack.Organization or the path of an org file", "int"),
        (lambda q4, q1: pt.compare(q4, [q1]), "compare", "after", SNAPSHOT, "list"),
        (lambda q4, q1: pt.History([q4, None]), "History", "snapshots[1]", SNAPSHOT, "NoneType"),
        (lambda q4, q1: pt.required_pace(80, q1), "required_pace", "snapshot", SNAPSHOT, "int"),
        (lambda q4, q1: pt.report(q1).write(q1), "QuarterlyReport.write", "path", PATH, "Snapshot"),
        (lambda q4, q1: pt.report(q1).to_xlsx(None), "QuarterlyReport.to_xlsx", "path", PATH, "NoneType"),
        (lambda q4, q1: pt.read_csv(42), "read_csv", "path", PATH, "int"),
        (lambda q4, q1: pt.read_org(q1), "read_org", "path", PATH, "Snapshot"),
        (lambda q4, q1: pt.read_snapshots(None), "read_snapshots", "path_or_dir", PATH, "NoneType"),
        (lambda q4, q1: pt.validate_csv(["a.csv"]), "validate_csv", "path", PATH, "list"),
        (lambda q4, q1: pt.read_many(["a.csv", 7]), "read_many", "paths[1]", PATH, "int"),
        (lambda q4, q1: pt.read_many(7), "read_many", "paths", "a list of file paths", "int"),
        (lambda q4, q1: pt.evaluate(7), "evaluate", "source",
         "a directory, a glob, a list of file paths or of snapshots", "int"),
        (lambda q4, q1: pt.evaluate([q1, 7]), "evaluate", "source[1]",
         "a file path (str or os.PathLike) or a pledgetrack.Snapshot", "int"),
    ],
)
def test_a_wrong_type_names_the_parameter_and_what_it_takes(q4, q1, call, function, parameter, takes, got):
    with pytest.raises(TypeError, match=_says(function, parameter, takes, got)):
        call(q4, q1)
