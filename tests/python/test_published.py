"""Reading the published report itself (issue #17): the seed report's text
(tests/data/published/seogu-2024q1.txt) must read to the bundled example's 2024-03-31
snapshot, which a person transcribed by hand (its SOURCE.md lists each correction made),
and its printed figures must audit with nothing unexplained, from one command."""

from __future__ import annotations

import csv
import datetime as dt
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


def _rows(report: pt.PublishedReport) -> list[tuple]:
    return [(p.id, p.status, p.raw_status, p.department, p.bureau, p.field, p.title, p.pledge)
            for p in report.snapshot]  # fmt: skip


def _figures(report: pt.PublishedReport) -> list[tuple]:
    # Where a figure was read (file, line) differs between the documents; what it says must not.
    keys = ("figure", "value", "status", "dimension", "group", "period")
    return [tuple(row.get(k, "") for k in keys) for row in report.stated]


@pytest.mark.parametrize("document", ["published_pdf", "published_hwpx"])
def test_the_report_as_pdf_or_hwpx_reads_as_its_text(request, document, org, report):
    # The same report as a government publishes it: a PDF with ruled tables (merged cells as
    # spans, the project table broken across pages) and HWPX, written by
    # tests/python/published_documents.py from the seed's text.
    path = request.getfixturevalue(document)
    read = pt.read_report(path, org=org)
    assert read.file == str(path)
    assert len(read.snapshot) == 49
    assert _rows(read) == _rows(report)
    assert _figures(read) == _figures(report)
    assert read.problems == []
    # The document's layout is whole: the six rows the text extraction broke need no
    # repair there, but every department correction is argued again.
    departments = {c["printed"]: c["read"] for c in read.corrections if c["kind"] == "department"}
    assert departments == {c["printed"]: c["read"] for c in report.corrections if c["kind"] == "department"}
    assert departments["사노습지원과"] == "사고수습지원단"


def test_cli_audits_the_published_pdf_in_one_command(capsys, published_pdf, example_dir):
    status, out, err = run(capsys, "audit", str(published_pdf), "--org", str(example_dir / "org.csv"), "--lang", "en")
    assert status == 0, err
    assert "42 figures: 39 agree, 3 explained, 0 unexplained" in out
    assert "forced to 100" in out


def test_a_legacy_hwp_is_refused_with_what_to_save_it_as(tmp_path):
    hwp = tmp_path / "report.hwp"
    hwp.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))  # an OLE2 compound file, as HWP 5 is
    with pytest.raises(pt.PledgeError, match=r"report\.hwp.*HWPX.*PDF"):
        pt.read_report(hwp)


def test_cli_audit_of_the_report_with_the_previous_quarter_checks_65_3(capsys, example_dir):
    status, out, err = run(capsys, "audit", str(SEED_TEXT), "--org", str(example_dir / "org.csv"),
                           "--previous", str(example_dir / "2023-12-31.csv"), "--lang", "en")  # fmt: skip
    assert status == 0, err
    # The two 65.3% now agree with the previous quarter's data (32/49 = 65.31%).
    assert "44 figures: 41 agree, 3 explained, 0 unexplained" in out
    assert "Figures not checked" not in out


def test_the_kind_of_report_comes_from_its_bytes_not_its_name(tmp_path, published_pdf, org, report):
    # A PDF saved under a .txt name is still read as a PDF (pledgetrack._extract's rule).
    misnamed = tmp_path / "seogu.txt"
    misnamed.write_bytes(published_pdf.read_bytes())
    assert _rows(pt.read_report(misnamed, org=org)) == _rows(report)
