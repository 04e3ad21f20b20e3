"""Reading the published report itself (issue #17): the seed report's text
(tests/data/published/seogu-2024q1.txt) must read to the bundled example's 2024-03-31
snapshot, which a person transcribed by hand (its SOURCE.md lists each correction made),
and its printed figures must audit with nothing unexplained, from one command."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from pathlib import Path

import pytest

import pledgetrack as pt
from pledgetrack.cli import main

from conftest import REPO, SEED_BUREAUS

SEED_TEXT = REPO / "tests" / "data" / "published" / "seogu-2024q1.txt"

# Titles the example's SOURCE.md corrected by hand; the reader keeps them as printed.
RETITLED = {"2-4-2", "3-1", "3-3-2", "3-5-1", "4-1-5", "4-4-2", "4-5-3"}


@pytest.fixture(scope="module")
def org(example_dir: Path) -> pt.Organization:
    return pt.read_org(example_dir / "org.csv")


@pytest.fixture(scope="module")
def report(org: pt.Organization) -> pt.PublishedReport:
    return pt.read_report(SEED_TEXT, org=org)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_seed_text_reads_to_the_bundled_snapshot(report, q1):
    s = report.snapshot
    assert (s.district, s.term, s.as_of) == ("광주광역시 서구", 8, dt.date(2024, 3, 31))
    assert len(s) == len(q1) == 49
    for got, want in zip(s.projects, q1.projects):
        assert (got.id, got.status, got.raw_status, got.department, got.bureau, got.field) == (
            want.id, want.status, want.raw_status, want.department, want.bureau, want.field)  # fmt: skip
        if got.id not in RETITLED:
            assert (got.title, got.pledge) == (want.title, want.pledge)
    assert s["3-1"].title == "지역사회와 함께 아이 키우는 ‘츄츄한 돌봄체계’ 구축"  # as printed
    assert str(s.completion_rate()) == "67.3%"  # 33/49, from the report's own table


def test_department_corrections_carry_their_evidence(report):
    by_printed = {c["printed"]: c for c in report.corrections if c["kind"] == "department"}
    assert {p: c["read"] for p, c in by_printed.items()} == {
        "알바리창자원과": "일자리창업지원과",
        "스마트통합돌봄": "스마트통합돌봄단",
        "사노습지원과": "사고수습지원단",
        "알리창업지원과": "일자리창업지원과",
    }
    job = by_printed["알바리창자원과"]
    assert job["ids"] == ["2-2-2", "2-3-3", "2-4-1", "2-4-2", "3-4-1"]
    assert "문화경제국 13 in all" in job["evidence"]  # the first table's 계 row
    assert "행정지원과 (7) is excluded" in by_printed["사노습지원과"]["evidence"]
    assert report.problems == []


def test_the_stated_figures_audit_with_pt_audit_as_with_the_report(report):
    stated = report.stated
    assert {"figure": "share", "value": "30.7%", "status": "정상추진", "dimension": "", "group": "",
            "period": "", "label": "2. 점검결과: 비율"} in stated  # fmt: skip
    assert [f["value"] for f in stated if f["period"] == "previous"] == ["65.3%", "65.3%"]
    cells = {f["group"]: f["value"] for f in stated if f["dimension"] == "field×bureau"}
    assert cells["사람·복지×보건소"] == "4"
    assert [f["group"] for f in stated if f["dimension"] == "bureau"] == SEED_BUREAUS
    # The figures of the current period agree or are explained against the table itself.
    current = [f for f in stated if f["period"] != "previous" and f["figure"] != "change"]
    assert pt.audit(report.snapshot, current).unexplained == []


def test_the_audit_from_the_report_alone(report, q4):
    a = report.audit(lang="en")
    assert a.unexplained == []
    rules = {(f.stated, f.rule) for f in a.findings if f.verdict == "explained"}
    assert rules == {("30.7%", "forced_to_100"), ("2.0%↑", "percent_for_points"),
                     ("2.0% 상승", "percent_for_points")}  # fmt: skip
    assert a.unchecked == ["65.3%", "65.3%"]
    assert "only 32 give 65.3%" in a.notes()
    full = report.audit(q4)
    assert full.unchecked == [] and full.unexplained == []
    assert "unchecked" in a.render("json")


def test_html_repr_lists_the_corrections(report):
    html = report._repr_html_()
    assert "Corrections" in html and "알바리창자원과" in html


def test_a_text_that_is_no_report_is_refused_with_the_file_named(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("회의록\n- 참석자 : 5명\n", encoding="utf-8")
    with pytest.raises(pt.PledgeError, match=r"notes\.txt: not a published report: no project table"):
        pt.read_report(notes)


@pytest.mark.skipif(importlib.util.find_spec("pledgetrack._extract") is not None,
                    reason="the reports extra's module is installed")  # fmt: skip
def test_a_pdf_without_the_reports_extra_says_what_to_install(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(pt.PledgeError, match=r"pledgetrack\[reports\]"):
        pt.read_report(pdf)


def test_cli_audit_of_the_report_in_one_command(capsys, example_dir):
    status, out, err = run(capsys, "audit", str(SEED_TEXT), "--org", str(example_dir / "org.csv"), "--lang", "en")
    assert status == 0, err
    assert "42 figures: 39 agree, 3 explained, 0 unexplained" in out
    assert "forced to 100" in out and "% for %p" in out
    assert "Figures not checked (2)" in out


def test_cli_read_report_writes_data_and_stated_figures(capsys, tmp_path, example_dir, q1):
    data, stated = tmp_path / "q1.csv", tmp_path / "stated.csv"
    status, out, err = run(capsys, "read-report", str(SEED_TEXT), "--org", str(example_dir / "org.csv"),
                           "-o", str(data), "--stated", str(stated))  # fmt: skip
    assert status == 0, err
    assert "49 projects" in out and "'알바리창자원과' -> '일자리창업지원과'" in out
    back = pt.read_csv(data)
    assert [p.id for p in back.projects] == [p.id for p in q1.projects]
    with open(stated, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 44
    status, out, err = run(capsys, "audit", str(data), str(stated), "--previous",
                           str(example_dir / "2023-12-31.csv"))  # fmt: skip
    assert status == 0, err


def test_cli_read_report_without_an_org_reports_the_problem(capsys):
    status, out, err = run(capsys, "read-report", str(SEED_TEXT))
    assert status == 1
    assert "no org file given" in out


def test_a_pdf_is_read_through_the_extractors_text(monkeypatch, tmp_path, org, report):
    # The reports extra turns a PDF or HWPX into the seed's text form; a stand-in that
    # returns the seed's text shows that the document path reads like the text path.
    import sys
    import types

    seen = []

    def extract_text(path):
        seen.append(path)
        return SEED_TEXT.read_text(encoding="utf-8")

    monkeypatch.setitem(sys.modules, "pledgetrack._extract", types.SimpleNamespace(extract_text=extract_text))
    pdf = tmp_path / "seogu.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    from_pdf = pt.read_report(pdf, org=org)
    assert seen == [str(pdf)]
    assert [p.id for p in from_pdf.snapshot] == [p.id for p in report.snapshot]
    assert from_pdf.stated == report.stated
    assert from_pdf.file == str(pdf)


def test_cli_audit_of_the_report_with_the_previous_quarter_checks_65_3(capsys, example_dir):
    status, out, err = run(capsys, "audit", str(SEED_TEXT), "--org", str(example_dir / "org.csv"),
                           "--previous", str(example_dir / "2023-12-31.csv"), "--lang", "en")  # fmt: skip
    assert status == 0, err
    # The two 65.3% now agree with the previous quarter's data (32/49 = 65.31%).
    assert "44 figures: 41 agree, 3 explained, 0 unexplained" in out
    assert "Figures not checked" not in out
