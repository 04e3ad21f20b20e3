"""Tables as governments publish them, read from CSV, CP949 CSV and Excel workbooks made
here with openpyxl: the same table in each form reads to the same snapshot and the same
figures (docs/data-format.md). Every expected value is read off the table by eye."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import pledgetrack as pt
from pledgetrack.cli import main

# A city's table (numbered sections, a total row, mark columns) under a title row and a
# two-row header: 추진상황 spans 완료 / 정상추진 / 부진. Section Ⅰ: 2 완료, 1 정상추진
# (progress 100, 100, 40: mean 80); section Ⅱ: 1 완료, 1 정상추진 (100, 60: mean 80).
TITLE = ["○○시 민선8기 공약 추진상황 (2024. 6. 30. 기준)", "", "", "", "", "", ""]
HEADER = ["구분", "공약사항", "담당부서", "추진상황", "", "", "추진율"]
SUBHEADER = ["", "", "", "완료", "정상추진", "부진", ""]
ROWS = [
    ["계", "2개 분야 5건", "", "3", "2", "-", "80"],
    ["Ⅰ. 활력 있는 경제도시", "", "", "2", "1", "-", "80"],
    ["1", "청년 창업 지원", "경 제 과", "○", "", "", "100"],
    ["2", "전통시장 살리기", "경제과", "○", "", "", "100"],
    ["3", "일자리 박람회", "일자리과", "", "○", "", "40"],
    ["Ⅱ. 따뜻한 복지도시", "", "", "1", "1", "-", "80"],
    ["1", "어르신 일자리", "복지과", "○", "", "", "100"],
    ["2", "장애인 복지관", "복 지 과", "", "○", "", "60"],
]
ORG = "department,bureau\n경제과,경제국\n일자리과,경제국\n복지과,복지국\n"
OPTIONS = dict(district="○○시", as_of="2024-06-30")


def _csv(rows: list[list[str]]) -> str:
    return "".join(",".join(row) + "\n" for row in rows)


def _workbook(path: Path, *, merged: bool) -> Path:
    """The table as an .xlsx: numbers as numbers, and (merged=True) the title, the
    추진상황 group and the section headings as merged cells, as such workbooks are."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "2024상반기"
    for r, row in enumerate([TITLE, HEADER, SUBHEADER, *ROWS], start=1):
        for c, value in enumerate(row, start=1):
            if value == "":
                continue
            cell = ws.cell(row=r, column=c)
            if value.isdigit():
                cell.value = int(value)
            else:
                cell.value = value
    if merged:
        ws.merge_cells("A1:G1")
        ws.merge_cells("D2:F2")
        # 구분, 공약사항, 담당부서 and 추진율 span both header rows.
        ws.merge_cells("A2:A3")
        ws.merge_cells("B2:B3")
        ws.merge_cells("C2:C3")
        ws.merge_cells("G2:G3")
        ws.merge_cells("A5:B5")  # the section headings span 구분 and 공약사항
        ws.merge_cells("A9:B9")
    book.save(path)
    return path


@pytest.fixture
def org(tmp_path: Path) -> Path:
    path = tmp_path / "org.csv"
    path.write_text(ORG, encoding="utf-8")
    return path


def _check_city(snap: pt.Snapshot) -> None:
    assert len(snap) == 5
    assert [p.id for p in snap] == ["1-1", "1-2", "1-3", "2-1", "2-2"]
    assert snap["1-1"].department == "경제과"  # 경 제 과, closed up
    assert snap["1-1"].bureau == "경제국"
    assert snap["2-2"].bureau == "복지국"
    assert snap["1-3"].field == "활력 있는 경제도시"
    assert snap["2-1"].field == "따뜻한 복지도시"
    assert snap["1-3"].status is pt.Status.ON_TRACK
    assert snap["2-2"].progress == 60
    rate = snap.completion_rate()
    assert (rate.numerator, rate.denominator) == (3, 5)
    assert str(rate) == "60.0%"


def test_a_city_table_reads_the_same_from_csv_cp949_and_xlsx(tmp_path, org):
    rows = [TITLE, HEADER, SUBHEADER, *ROWS]
    utf8 = tmp_path / "city.csv"
    utf8.write_text(_csv(rows), encoding="utf-8-sig")
    cp949 = tmp_path / "city-cp949.csv"
    cp949.write_bytes(_csv(rows).encode("cp949"))
    book = _workbook(tmp_path / "city.xlsx", merged=True)
    snaps = [
        pt.read_csv(utf8, org=org, **OPTIONS),
        pt.read_csv(cp949, org=org, **OPTIONS),
        pt.read_excel(book, org=org, **OPTIONS),
        pt.read_csv(book, org=org, **OPTIONS),  # a workbook is known by its first bytes
    ]
    for snap in snaps:
        _check_city(snap)
    assert all(s == snaps[0] for s in snaps)
    assert snaps[0].crosstab("field", "bureau").equals(snaps[2].crosstab("field", "bureau"))


def test_the_workbook_without_merged_cells_reads_the_same(tmp_path, org):
    _check_city(pt.read_excel(_workbook(tmp_path / "plain.xlsx", merged=False), org=org, **OPTIONS))


def test_validate_lists_every_interpretation_of_the_workbook(tmp_path, org):
    book = _workbook(tmp_path / "city.xlsx", merged=True)
    problems = pt.validate_csv(book, org=org, **OPTIONS)
    assert {p.severity for p in problems} == {"notice"}  # nothing wrong, everything said
    messages = [p.message for p in problems]
    assert f"{book}:2024상반기!1: a title row above the header, not data: skipped: '{TITLE[0]}'" in messages
    assert any("a two-row header: the status columns are 완료, 정상추진, 부진" in m for m in messages)
    assert any("a total row, not a project" in m for m in messages)
    assert any(f"{book}:2024상반기!C6 (column '담당부서'): '경 제 과' read as '경제과'" in m for m in messages)
    assert all(p.sheet == "2024상반기" for p in problems)


def test_a_workbook_error_names_the_sheet_and_the_cell(tmp_path):
    path = tmp_path / "bad.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "2024Q1"
    ws.append(["관리번호", "세부사업", "주관부서", "추진상황"])
    ws.append(["1-1", "가", "기획실", "완료"])
    ws.append(["1-2", "나", "기획실", "이행후계숙"])
    book.save(path)
    with pytest.raises(pt.PledgeError) as raised:
        pt.read_excel(path, **OPTIONS)
    assert str(raised.value).startswith(f"{path}:2024Q1!D3 (column '추진상황'): unknown status label")
    assert "did you mean '이행후계속추진'?" in str(raised.value)


def test_workbook_cells_as_the_sheet_shows_them(tmp_path):
    path = tmp_path / "values.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["관리번호", "세부사업", "추진상황", "추진율", "기준일자"])
    ws.append([17, "가", "완료", 0.744, dt.datetime(2024, 6, 30)])
    ws["D2"].number_format = "0.0%"
    ws.append(["1-2", "나", "정상추진", 55.5, dt.date(2024, 6, 30)])
    book.save(path)
    snap = pt.read_excel(path, district="○○군")
    assert snap.as_of == dt.date(2024, 6, 30)
    assert snap["17"].progress == 74.4  # 0.744 shown as 74.4%
    assert snap["1-2"].progress == 55.5


def test_sheets_are_chosen_by_name_or_index_and_a_wrong_one_is_named(tmp_path):
    path = tmp_path / "two.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "표지"
    book.active.append(["표지입니다"])
    ws = book.create_sheet("현황")
    ws.append(["관리번호", "세부사업", "추진상황"])
    ws.append(["1-1", "가", "완료"])
    book.save(path)
    assert len(pt.read_excel(path, "현황", **OPTIONS)) == 1
    assert len(pt.read_excel(path, 1, **OPTIONS)) == 1
    with pytest.raises(pt.PledgeError, match=r"no sheet '없음' \(the workbook has '표지', '현황'\)"):
        pt.read_excel(path, "없음", **OPTIONS)


def test_an_excel_97_workbook_is_refused_by_name(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(pt.PledgeError, match=r"this is an Excel 97 workbook \(\.xls\), not a CSV file: save it as \.xlsx or CSV"):
        pt.read_csv(path, **OPTIONS)


def test_columns_map_the_sources_own_headers(tmp_path):
    path = tmp_path / "own.csv"
    path.write_text("관리번호,사업 내용,추진상황\n1-1,가,완료\n", encoding="utf-8")
    with pytest.raises(pt.PledgeError, match=r"map a header of yours with columns=\{'사업 내용': 'project'\}"):
        pt.read_csv(path, **OPTIONS)
    assert pt.read_csv(path, columns={"사업 내용": "project"}, **OPTIONS)["1-1"].title == "가"
    assert "project" in pt.column_names() and "extra" in pt.column_names()
    with pytest.raises(TypeError, match="columns takes a mapping"):
        pt.read_csv(path, columns=[("사업 내용", "project")], **OPTIONS)  # type: ignore[arg-type]


def test_fill_down_is_on_by_default_and_can_be_turned_off(tmp_path):
    path = tmp_path / "merged.csv"
    path.write_text(
        "관리번호,분야,공약명,세부사업,추진상황\n2-1-1,골목·경제,상권 살리기,가,완료\n2-1-2,,,나,정상추진\n",
        encoding="utf-8",
    )
    filled = pt.read_csv(path, **OPTIONS)
    assert (filled["2-1-2"].field, filled["2-1-2"].pledge) == ("골목·경제", "상권 살리기")
    blank = pt.read_csv(path, fill_down=False, **OPTIONS)
    assert (blank["2-1-2"].field, blank["2-1-2"].pledge) == ("", "")


# -- the command line -------------------------------------------------------------------------


def test_cli_validate_prints_notices_and_exits_0_for_a_table_it_can_read(tmp_path, org, capsys):
    # The command line reads what the file holds: district and as_of become columns
    # (inserted into a sheet without merged ranges, which insert_cols would not move).
    book = _workbook(tmp_path / "city.xlsx", merged=False)
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    ws.insert_cols(1, 2)
    ws["A2"], ws["B2"] = "자치단체", "기준일자"
    for r in range(4, 4 + len(ROWS)):
        ws.cell(row=r, column=1).value = "○○시"
        ws.cell(row=r, column=2).value = "2024-06-30"
    wb.save(book)
    status = main(["validate", str(book), "--org", str(org)])
    out = capsys.readouterr().out
    assert status == 0
    assert f"{book}: OK: 5 projects in 1 snapshot" in out
    assert "notice: " in out


def test_cli_column_and_alias_options(tmp_path, capsys):
    path = tmp_path / "own.csv"
    path.write_text(
        "자치단체,기준일자,관리번호,사업 내용,추진상황\n○○군,2024-06-30,1-1,가,추진완료됨\n", encoding="utf-8"
    )
    assert main(["validate", str(path)]) == 1
    capsys.readouterr()
    status = main(["validate", str(path), "--column", "사업 내용=project", "--alias", "추진완료됨=완료"])
    assert status == 0, capsys.readouterr()
    assert main(["validate", str(path), "--column", "사업 내용=projet"]) == 2
    assert "'projet' is no column name" in capsys.readouterr().err
    assert main(["validate", str(path), "--alias", "추진완료됨"]) == 2
    assert "--alias takes KEY=VALUE" in capsys.readouterr().err
