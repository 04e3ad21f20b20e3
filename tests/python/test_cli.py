"""The command line: pledgetrack report, compare, validate, demo; exit codes 0 (success),
1 (data problems), 2 (usage errors); one-line errors; atomic output files.

Runs main() in-process (capsys) and, once each, as ``python -m pledgetrack`` and as the
``pledgetrack`` console script."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pledgetrack as pt
from pledgetrack.cli import main

from conftest import REPO, SEED_BUREAUS, SEED_BUREAU_TOTALS, SEED_FIELD_BY_BUREAU, SEED_FIELD_TOTALS, SEED_FIELDS

GOLDEN = REPO / "tests" / "data" / "golden"
HEADER = "district,term,as_of,id,field,project,department,bureau,status\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def example_files(example_dir) -> tuple[str, str, str]:
    return (
        str(example_dir / "2023-12-31.csv"),
        str(example_dir / "2024-03-31.csv"),
        str(example_dir / "org.csv"),
    )


# -- demo: the seed report, rebuilt from data --------------------------------------------------


def test_demo_prints_the_seed_reports_figures(capsys):
    status, out, err = run(capsys, "demo")
    assert (status, err) == (0, "")
    assert "공약이행완료율(단위사업기준) : 67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p" in out
    assert "점검대상 : 5대 분야 21개 공약 49개 사업" in out
    # The three changed projects, grouped by their new status.
    changes = out[out.index("직전 분기(2023년 4분기) 대비 변경사항") : out.index("공약조정 필요사업")]
    assert "이행후계속추진 사업 : 2개" in changes and "일부추진 사업 : 1개" in changes
    assert "(2-4-1) 재취업 중장년 목돈마련 ‘함께하는 내일채움공제’ 지원 (정상추진 → 이행후계속추진)" in changes
    assert "(3-4-2) 가족돌봄으로 학·취업 포기한 청년·청소년 대상 지원 (정상추진 → 이행후계속추진)" in changes
    assert "(4-1-2) 2045 탄소중립 가속화를 위한 무공해차 인프라 구축 (이행후계속추진 → 일부추진, 후퇴)" in changes
    # Both adjustment candidates, with their reasons.
    candidates = out[out.index("공약조정 필요사업") : out.index("공약사업별 추진현황")]
    assert "① (4-1-2) 2045 탄소중립 가속화를 위한 무공해차 인프라 구축 (일부추진 · 기후환경과)" in candidates
    assert "짧은 주행거리, 긴 충전 시간으로 인해 전기 이륜차 구매 기피로 사업 지속성이 약화되어" in candidates
    assert "② (4-1-4) 신재생에너지 보급을 통한 에너지자립도시 기반 구축 (정상추진 · 기후환경과)" in candidates
    assert "공모사업 지원규모(국비)가 축소됨에 따라" in candidates and "2025년 단위사업 목표 조정 필요" in candidates


def test_demo_prints_the_field_by_bureau_table_row_by_row(capsys):
    _, out, _ = run(capsys, "demo")
    overview = out[out.index("1. 점검개요") : out.index("2. 점검결과")]
    rows = {line.split()[0]: line.split()[1:] for line in overview.splitlines() if line.strip()}
    assert rows["구분"] == ["총계", *SEED_BUREAUS]
    assert rows["계"] == ["49건", *map(str, SEED_BUREAU_TOTALS)]  # 계 49 5 13 10 5 6 5 5
    for field, total in zip(SEED_FIELDS, SEED_FIELD_TOTALS):
        assert rows[field] == [str(total), *(str(n) if n else "-" for n in SEED_FIELD_BY_BUREAU[field])]


@pytest.mark.parametrize(
    ("argv", "golden"),
    [
        (["demo", "--format", "md"], "demo.ko.md"),
        (["demo", "--format", "md", "--lang", "en"], "demo.en.md"),
        (["demo", "--format", "json"], "demo.json"),
    ],
)
def test_demo_markdown_and_json_equal_the_golden_files(capsysbinary, argv, golden):
    assert main(argv) == 0
    out, _ = capsysbinary.readouterr()
    assert out == (GOLDEN / golden).read_bytes()


def test_demo_in_english(capsys):
    status, out, _ = run(capsys, "demo", "--lang", "en")
    assert status == 0
    assert "KMC completion rate (per unit project): 67.3% (2023 Q4: 65.3%, +2.0%p)" in out
    assert "Changes since the previous quarter (2023 Q4)" in out


def test_python_dash_m_runs_the_demo():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env["LC_ALL"] = "C"  # no UTF-8 locale: the command still prints Korean in UTF-8
    done = subprocess.run(
        [sys.executable, "-m", "pledgetrack", "demo"], capture_output=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8")
    assert "67.3%" in out and "65.3%" in out and "+2.0%p" in out
    assert done.stderr == b""


def test_the_console_script_runs():
    script = shutil.which("pledgetrack")
    if script is None:
        pytest.skip("the pledgetrack console script is not on PATH")
    done = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout) == (0, f"pledgetrack {pt.__version__}\n")


# -- --version and --help ---------------------------------------------------------------------


def test_version(capsys):
    assert run(capsys, "--version") == (0, f"pledgetrack {pt.__version__}\n", "")
    assert pt.__version__ == "0.1.0"


@pytest.mark.parametrize("command", [[], ["report"], ["compare"], ["validate"], ["demo"]])
def test_every_command_has_help_with_examples(capsys, command):
    status, out, err = run(capsys, *command, "--help")
    assert (status, err) == (0, "")
    assert out.startswith(f"usage: pledgetrack {' '.join(command)}".rstrip())
    assert "examples (예):" in out
    assert re.search(r"^  pledgetrack \w+", out, re.MULTILINE)  # an example line
    assert re.search(r"[가-힣]", out)  # Korean too


# -- exit codes and errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["demo", "--bogus"],
        ["report"],
        ["report", "x.csv", "--format", "pdf"],
        ["demo", "--lang", "fr"],
        ["compare", "only-one.csv"],
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, argv):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("pledgetrack")
    assert "error: " in err and "Traceback" not in err


def test_a_bare_command_shows_the_usage_and_exits_2(capsys):
    status, out, err = run(capsys)
    assert (status, out) == (2, "")
    usage, error = err.splitlines()
    assert usage.startswith("usage: pledgetrack [-h] [--debug] [--version] COMMAND")
    assert error == "pledgetrack: error: the following arguments are required: COMMAND (see 'pledgetrack --help')"


def test_a_missing_input_file_is_a_usage_error(capsys, tmp_path):
    for argv in (["report", str(tmp_path / "nope.csv")], ["validate", str(tmp_path / "nope.csv")]):
        status, _, err = run(capsys, *argv)
        assert status == 2
        assert err == f"pledgetrack: error: no such file or directory: '{tmp_path / 'nope.csv'}'\n"


def test_xlsx_needs_an_output_file(capsys):
    status, out, err = run(capsys, "demo", "--format", "xlsx")
    assert (status, out) == (2, "")
    assert err == "pledgetrack: error: xlsx is a binary format: give -o FILE.xlsx\n"


def test_a_report_of_a_file_with_an_unknown_status_exits_1_in_one_line(capsys, tmp_path):
    bad = write(tmp_path / "bad.csv", HEADER + "서구,8,2024-03-31,1-1,가,사업,과,국,대충함\n")
    status, out, err = run(capsys, "report", str(bad))
    assert (status, out) == (1, "")
    assert err.count("\n") == 1
    assert err.startswith(f"pledgetrack: error: {bad}:2:9 (column 'status'): unknown status label")
    assert err.rstrip().endswith("'대충함'")
    assert "Traceback" not in err


def test_debug_shows_the_traceback(capsys, tmp_path):
    bad = write(tmp_path / "bad.csv", HEADER + "서구,8,2024-03-31,1-1,가,사업,과,국,대충함\n")
    for argv in (["report", str(bad), "--debug"], ["--debug", "report", str(bad)]):
        status, _, err = run(capsys, *argv)
        assert status == 1
        assert "Traceback (most recent call last)" in err and "PledgeError" in err
        assert err.splitlines()[-1].startswith("pledgetrack: error: ")


def test_an_error_message_cannot_drive_the_terminal(capsys, tmp_path):
    bad = write(tmp_path / "bad.csv", HEADER + "서구,8,2024-03-31,1-1,가,사업,과,국,\x1b[2J대충함\n")
    status, _, err = run(capsys, "report", str(bad))
    assert status == 1
    assert "\x1b" not in err and "\ufffd[2J대충함" in err


# -- report -----------------------------------------------------------------------------------


def test_report_with_previous_and_org_is_the_demo(capsys, example_files):
    q4, q1, org = example_files
    _, demo, _ = run(capsys, "demo", "--format", "md")
    status, out, _ = run(capsys, "report", q1, "--previous", q4, "--org", org, "--format", "md")
    assert (status, out) == (0, demo)


def test_report_of_a_directory_compares_its_latest_two_snapshots(capsys, example_dir):
    status, out, _ = run(capsys, "report", str(example_dir), "--format", "json")
    assert status == 0
    assert out == (GOLDEN / "demo.json").read_text(encoding="utf-8")


def test_report_of_one_snapshot_has_no_changes(capsys, example_files):
    status, out, _ = run(capsys, "report", example_files[1], "--format", "json")
    d = json.loads(out)
    assert status == 0 and d["changes"] is None
    assert d["results"]["headline"]["rate"]["text"] == "67.3%"


def test_report_shares_option_names_the_rule(capsys):
    status, out, _ = run(capsys, "demo", "--shares", "largest-remainder", "--format", "json")
    table = json.loads(out)["results"]["status_table"]
    assert status == 0
    assert table["share_rule"] == "largest_remainder"
    assert [c["shown_text"] for c in table["columns"]] == ["67.4", "30.6", "2.0"]


def test_report_of_several_districts_is_a_data_problem(capsys, tmp_path):
    both = write(
        tmp_path / "both.csv",
        HEADER + "서구,8,2024-03-31,1-1,가,사업,과,국,완료\n남구,8,2024-03-31,1-1,가,사업,과,국,완료\n",
    )
    status, _, err = run(capsys, "report", str(both))
    assert status == 1
    assert "holds snapshots of 2 districts" in err and "'서구'" in err and "'남구'" in err


def test_html_report_shows_a_script_title_as_text(capsys, tmp_path):
    evil = write(tmp_path / "evil.csv", HEADER + "서구,8,2024-03-31,1-1,가,<script>alert(1)</script>,과,국,일부추진\n")
    status, out, _ = run(capsys, "report", str(evil), "--format", "html")
    assert status == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<script" not in out.lower()


# -- output files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "argv", "start"),
    [
        ("r.txt", [], "민선8기 구청장 공약사항".encode()),
        ("r.md", [], b"# "),
        ("r.json", [], b'{\n  "format": "pledgetrack.quarterly_report"'),
        ("r.html", [], b"<!DOCTYPE html>"),
        ("r.xlsx", [], b"PK"),
        ("report.out", ["--format", "html"], b"<!DOCTYPE html>"),
    ],
)
def test_output_files_are_written_whole_and_leave_nothing_else(capsys, tmp_path, name, argv, start):
    status, out, err = run(capsys, "demo", "-o", str(tmp_path / name), *argv)
    assert (status, out, err) == (0, "", "")
    assert (tmp_path / name).read_bytes().startswith(start)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_xlsx_output_reads_back(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    assert run(capsys, "demo", "-o", str(tmp_path / "r.xlsx"), "--lang", "en")[0] == 0
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Overview", "Results", "Changes", "Adjustments", "Detail"]


def test_a_failed_render_leaves_no_output_file(capsys, tmp_path, monkeypatch):
    from pledgetrack.report import html

    def broken(*args, **kwargs):
        raise RuntimeError("the renderer broke")

    monkeypatch.setattr(html, "render", broken)
    status, _, err = run(capsys, "demo", "-o", str(tmp_path / "r.html"))
    assert status == 1
    assert err == "pledgetrack: error: internal error: RuntimeError: the renderer broke (run with --debug for the traceback)\n"
    assert list(tmp_path.iterdir()) == []


# What --help says (MAIN_EPILOG): "1 a problem with the data or the output file (-o that cannot
# be written); 2 a usage error (unknown option, bad option value such as an unknown --encoding, …)".


def test_the_help_states_the_exit_codes_the_tests_below_pin(capsys):
    _, out, _ = run(capsys, "--help")
    text = " ".join(out.split())
    assert "1 a problem with the data or the output file (-o that cannot be written)" in text
    assert "2 a usage error (unknown option, bad option value such as an unknown --encoding" in text


def _reading_argv(command: str, example_files: tuple[str, str, str]) -> list[str]:
    q4, q1, _ = example_files
    return {"report": ["report", q1], "compare": ["compare", q4, q1], "validate": ["validate", q1]}[command]


@pytest.mark.parametrize("command", ["report", "compare", "validate"])
def test_an_unknown_encoding_is_a_usage_error_before_anything_is_read(capsys, example_files, command):
    status, out, err = run(capsys, *_reading_argv(command, example_files), "--encoding", "latin1")
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("pledgetrack: error: argument --encoding: unknown encoding (known: utf-8,")
    assert "'latin1'" in err and f"(see 'pledgetrack {command} --help')" in err
    # Checked while parsing the command line, before any file is looked at.
    status, _, err = run(capsys, command, *["no-such-file.csv"] * (2 if command == "compare" else 1), "--encoding", "x")
    assert status == 2 and "unknown encoding" in err and "no-such-file" not in err


@pytest.mark.parametrize("command", ["report", "compare", "validate"])
def test_a_known_encoding_name_is_accepted(capsys, example_files, command):
    status, _, err = run(capsys, *_reading_argv(command, example_files), "--encoding", "utf-8")
    assert (status, err) == (0, "")


def _output_argv(command: str, example_files: tuple[str, str, str]) -> list[str]:
    q4, q1, _ = example_files
    return {"report": ["report", q1], "compare": ["compare", q4, q1], "demo": ["demo"]}[command]


@pytest.mark.parametrize("command", ["report", "compare", "demo"])
def test_an_output_directory_that_does_not_exist_exits_1(capsys, tmp_path, example_files, command):
    target = tmp_path / "no" / "r.md"
    status, out, err = run(capsys, *_output_argv(command, example_files), "-o", str(target))
    assert (status, out) == (1, "")
    assert err == f"pledgetrack: error: no such directory for the output: '{target.parent}'\n"


@pytest.mark.parametrize("command", ["report", "compare", "demo"])
def test_an_output_path_under_a_file_exits_1(capsys, tmp_path, example_files, command):
    blocker = write(tmp_path / "a-file", "not a directory\n")
    status, out, err = run(capsys, *_output_argv(command, example_files), "-o", str(blocker / "r.md"))
    assert (status, out) == (1, "")
    assert err.startswith("pledgetrack: error: no such directory for the output") and err.count("\n") == 1


@pytest.mark.parametrize("command", ["report", "compare", "demo"])
def test_an_output_file_that_cannot_be_written_exits_1_and_leaves_nothing(capsys, tmp_path, example_files, command):
    # An existing directory as the output file: it cannot be replaced by a file, even as root.
    target = tmp_path / "r.md"
    target.mkdir()
    status, out, err = run(capsys, *_output_argv(command, example_files), "-o", str(target))
    assert (status, out) == (1, "")
    assert err.startswith("pledgetrack: error: ") and err.count("\n") == 1
    assert f"'{target}'" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"] and target.is_dir()  # no temporary file left


# -- compare ----------------------------------------------------------------------------------


def test_compare_prints_the_change_and_the_transitions(capsys, example_files):
    q4, q1, org = example_files
    status, out, err = run(capsys, "compare", q4, q1, "--org", org)
    assert (status, err) == (0, "")
    assert "67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p" in out
    assert "☞ (2-4-1)" in out and "☞ (3-4-2)" in out
    assert "☞ (4-1-2) 2045 탄소중립 가속화를 위한 무공해차 인프라 구축 (이행후계속추진 → 일부추진, 후퇴)" in out
    assert "그 밖의 46개 사업은 변동 없음" in out


def test_compare_as_json(capsys, example_files):
    q4, q1, _ = example_files
    status, out, _ = run(capsys, "compare", q4, q1, "--format", "json")
    d = json.loads(out)
    assert status == 0 and d["format"] == "pledgetrack.comparison"
    assert (d["before"]["rate"]["text"], d["after"]["rate"]["text"], d["change"]["text"]) == ("65.3%", "67.3%", "+2.0%p")
    assert d["changes"]["regressions"] == ["4-1-2"] and d["changes"]["moved"] == 3


def test_compare_of_two_districts_needs_the_flag(capsys, tmp_path):
    old = write(tmp_path / "old.csv", HEADER + "서구,8,2023-12-31,1-1,가,사업,과,국,정상추진\n")
    new = write(tmp_path / "new.csv", HEADER + "남구,8,2024-03-31,1-1,가,사업,과,국,완료\n")
    status, _, err = run(capsys, "compare", str(old), str(new))
    assert status == 1 and "different districts" in err
    status, out, _ = run(capsys, "compare", str(old), str(new), "--allow-different-districts", "--format", "md")
    assert status == 0 and "(정상추진 → 완료)" in out


def test_compare_does_not_write_html(capsys, example_files):
    status, _, err = run(capsys, "compare", example_files[0], example_files[1], "-o", "changes.html")
    assert status == 2 and "compare writes text, md, json, not html" in err


# -- validate ---------------------------------------------------------------------------------


def test_validate_reports_ok_per_file(capsys, example_files):
    q4, q1, org = example_files
    status, out, err = run(capsys, "validate", q4, q1, org)
    assert (status, err) == (0, "")
    # The seed prints no name for pledge 1-1 (SOURCE.md): its two projects' blank pledge
    # cells cannot be filled from a row of the same pledge, and validate says so.
    blank = "(column 'pledge'): blank pledge name, and the row above is not of the same pledge by its id: left blank"
    assert out.splitlines() == [
        f"warning: {q4}:2:6 {blank}",
        f"warning: {q4}:3:6 {blank}",
        f"{q4}: OK: 49 projects in 1 snapshot (2 warnings)",
        f"warning: {q1}:2:6 {blank}",
        f"warning: {q1}:3:6 {blank}",
        f"{q1}: OK: 49 projects in 1 snapshot (2 warnings)",
        f"{org}: OK: org file, 25 departments in 7 bureaus",
    ]


def test_validate_prints_every_problem_with_its_location_and_exits_1(capsys, tmp_path, example_files):
    bad = write(
        tmp_path / "bad.csv",
        HEADER
        + "서구,8,2024-03-31,1-1,가,사업,과,국,대충함\n"
        + "서구,8,2024-03-31,1-2,가,사업,과,국,완료\n"
        + "서구,8,2024-03-31,1-2,가,사업,과,국,완료\n"
        + "서구,8,2024-13-01,1-3,가,사업,과,국,완료\n",
    )
    status, out, err = run(capsys, "validate", str(bad), example_files[1])
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == f"{bad}:2:9 (column 'status'): unknown status label (known: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, 폐기, 기타, and their aliases) (add your own with aliases= or --alias 추진완료=완료): '대충함'"
    assert any(line.startswith(f"{bad}:4:4 (column 'id'): duplicate project id") for line in lines)
    assert f"{bad}:5:3 (column 'as_of'): impossible date: '2024-13-01'" in lines
    assert lines[-1] == f"{example_files[1]}: OK: 49 projects in 1 snapshot (2 warnings)"
    assert err == "pledgetrack: error: 3 problems in 1 of 2 files\n"
