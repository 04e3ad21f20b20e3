"""The README's programs run as printed, so that they cannot rot: the analyst's Python
program, and the C++ program with its CMakeLists.txt, built against the C++ package the
wheel carries, found through ``CMAKE_PREFIX_PATH=pledgetrack.cmake_dir()`` as the README
says. A program is a fenced block right after a ``<!-- readme-test: NAME -->`` line; the
test writes it to NAME."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pledgetrack as pt

from conftest import REPO

README = REPO / "README.md"
_PROGRAM = re.compile(r"^<!-- readme-test: (\S+)[^\n]*-->\n```\w*\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def programs() -> dict[str, str]:
    """{file name: text} of every block the README marks as a program."""
    return dict(_PROGRAM.findall(README.read_text(encoding="utf-8")))


def write_programs(where: Path, *names: str) -> None:
    found = programs()
    for name in names:
        (where / name).write_text(found[name], encoding="utf-8")


def run(argv: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{argv} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


def test_the_readme_marks_its_three_programs():
    # Losing a marker would silently stop testing that snippet.
    assert sorted(programs()) == ["CMakeLists.txt", "analyst.py", "main.cpp"]


def test_the_analyst_program_prints_the_seed_figures(tmp_path):
    write_programs(tmp_path, "analyst.py")
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [sys.executable, "analyst.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # The figures the README's comments promise, from the seed report (shared/seed):
    # 완료 1 + 이행후계속추진 32 = 33 of 49; 정상추진 15, 일부추진 1; 65.3% -> 67.3% is +2.0%p.
    assert lines[:7] == ["완료 1", "이행후계속추진 32", "정상추진 15", "일부추진 1", "보류 0", "폐기 0", "기타 0"]
    assert "33 49 67.3%" in lines
    assert "80.0%" in lines  # 마을·자치: 4 of its 5 projects complete (the seed's field table)
    assert "+2.0%p" in lines
    assert "49 2024-03-31" in lines
    assert (tmp_path / "status_by_field.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "2024Q1.xlsx").read_bytes().startswith(b"PK")


@pytest.fixture(scope="module")
def cmake() -> str:
    found = shutil.which("cmake")
    if found is None or not (os.environ.get("CXX") or shutil.which("c++") or shutil.which("g++")):
        pytest.skip("needs cmake and a C++ compiler (scripts/install-deps.sh installs them)")
    return found


@pytest.fixture(scope="module")
def my_tool(cmake: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's C++ program, configured with the README's command line
    (CMAKE_PREFIX_PATH is pledgetrack.cmake_dir()) and built."""
    where = tmp_path_factory.mktemp("readme-cpp")
    source = where / "my_tool"
    source.mkdir()
    write_programs(source, "CMakeLists.txt", "main.cpp")
    build = where / "build"
    run([cmake, "-S", str(source), "-B", str(build), f"-DCMAKE_PREFIX_PATH={pt.cmake_dir()}"], where)
    cache = (build / "CMakeCache.txt").read_text(encoding="utf-8")
    assert f"pledgetrack_DIR:PATH={pt.cmake_dir()}" in cache  # found in the wheel, not elsewhere
    run([cmake, "--build", str(build), "-j", "2"], where)
    return build / "my_tool"


def test_the_cpp_program_built_against_the_wheels_package_prints_the_rate(my_tool, tmp_path):
    done = run([str(my_tool), str(pt.example_path("gwangju-seogu") / "2024-03-31.csv")], tmp_path)
    assert done.stdout == "33/49 = 67.3%\n"  # the seed's headline figure


def test_the_cpp_program_reports_a_bad_file_with_its_location(my_tool, tmp_path):
    """The README's catch clause: a bad file is one line naming it, exit status 1."""
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "district,term,as_of,id,field,project,department,bureau,status\n서구,8,2024-03-31,1-1,가,사업,과,국,대충함\n",
        encoding="utf-8",
    )
    done = subprocess.run([str(my_tool), str(bad)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"{bad}:2:9 (column 'status'): unknown status label")


def test_the_library_only_preset_configures_without_tests_benchmarks_or_doctest(cmake, tmp_path):
    # The README's install commands use it.
    text = README.read_text(encoding="utf-8")
    assert "cmake --preset lib" in text and "cmake --install build/lib" in text
    if not (REPO / "CMakeLists.txt").is_file():
        pytest.skip("needs the source tree")
    run([cmake, "--preset", "lib", "-B", str(tmp_path / "lib")], REPO)
    cache = (tmp_path / "lib" / "CMakeCache.txt").read_text(encoding="utf-8")
    assert "PLEDGETRACK_TESTS:BOOL=OFF" in cache and "PLEDGETRACK_BENCHMARKS:BOOL=OFF" in cache
    assert "CMAKE_BUILD_TYPE:STRING=Release" in cache
    assert "doctest_DIR" not in cache  # doctest is never looked for: installing needs no test framework
