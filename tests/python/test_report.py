"""The quarterly report from Python: pt.report and QuarterlyReport's formats (text,
Markdown and JSON from the C++ core; HTML and XLSX laid out in Python from the JSON),
pinned against the seed's figures and the golden files the C++ tests pin too."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

import pledgetrack as pt

from conftest import REPO, SEED_BUREAUS, SEED_BUREAU_TOTALS, SEED_FIELD_BY_BUREAU, SEED_FIELD_TOTALS, SEED_FIELDS

GOLDEN = REPO / "tests" / "data" / "golden"

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def demo(q1, q4, example_dir) -> pt.QuarterlyReport:
    """The demo: 2024-03-31 against 2023-12-31, with the bundled org file."""
    return pt.report(q1, q4, org=example_dir / "org.csv")


def hostile_snapshot(as_of: dt.date = dt.date(2024, 3, 31)) -> pt.Snapshot:
    """Text from data that would do something if it were not escaped or neutralised."""
    return pt.Snapshot(
        "<b>구</b>",
        8,
        as_of,
        [
            pt.Project("1-1", SCRIPT, "일부추진", field="<i>분야</i>", department='"부서"&\'', bureau="국",
                       adjustment="<img src=x onerror=alert(1)>\n둘째 줄"),
            pt.Project("1-2", "=HYPERLINK(\"http://x\",\"y\")", "완료", field="<i>분야</i>", department="+부서",
                       bureau="국"),
            pt.Project("1-3", "@SUM(A1)", "정상추진", field="-분야", department="-1", bureau="국"),
            pt.Project("1-4", "제목\x1b[31m\u202e뒤집기", "보류", field="-분야", department="부서", bureau="국"),
        ],
    )


# -- the report and its figures ------------------------------------------------------------


def test_report_makes_a_quarterly_report(demo):
    assert isinstance(demo, pt.QuarterlyReport)
    assert repr(demo) == (
        'QuarterlyReport(district="광주광역시 서구", as_of=2024-03-31, rate=rate(33, 49), previous=rate(32, 49), '
        'change="+2.0%p", projects=49, changed=3, adjustment_candidates=2)'
    )


def test_the_report_holds_the_seeds_figures(demo):
    d = demo.to_dict()
    o = d["overview"]
    assert (o["fields"], o["pledges"], o["projects"]) == (5, 21, 49)
    assert o["scope_text"] == "5대 분야 21개 공약 49개 사업"
    t = o["field_by_bureau"]
    assert t["row_labels"] == SEED_FIELDS
    assert t["column_labels"] == SEED_BUREAUS
    assert t["cells"] == [SEED_FIELD_BY_BUREAU[f] for f in SEED_FIELDS]
    assert t["row_totals"] == SEED_FIELD_TOTALS
    assert t["column_totals"] == SEED_BUREAU_TOTALS
    h = d["results"]["headline"]
    assert (h["rate"]["text"], h["previous"]["text"], h["change"]["text"]) == ("67.3%", "65.3%", "+2.0%p")
    assert h["change"]["points_exact"] == {"numerator": 100, "denominator": 49}
    columns = d["results"]["status_table"]["columns"]
    assert [(c["count"], c["shown_text"]) for c in columns] == [(33, "67.3"), (15, "30.6"), (1, "2.0")]
    moved = {t["id"]: (t["from"], t["to"]) for g in d["changes"]["by_new_status"] for t in g["projects"]}
    assert moved == {"2-4-1": ("on_track", "ongoing"), "3-4-2": ("on_track", "ongoing"), "4-1-2": ("ongoing", "lagging")}
    assert d["changes"]["regressions"] == ["4-1-2"]
    assert [a["id"] for a in d["adjustment_candidates"]["projects"]] == ["4-1-2", "4-1-4"]


@pytest.mark.parametrize(
    ("method", "lang", "golden"),
    [("to_markdown", "ko", "demo.ko.md"), ("to_markdown", "en", "demo.en.md"), ("to_json", "ko", "demo.json")],
)
def test_markdown_and_json_equal_the_golden_files(demo, method, lang, golden):
    assert getattr(demo, method)(lang).encode("utf-8") == (GOLDEN / golden).read_bytes()


def test_without_an_org_the_snapshots_bureau_order_orders_the_columns(q1, q4, demo):
    # load_example read the snapshots with the org file: they remember its bureau order.
    assert q1.bureau_order == tuple(SEED_BUREAUS)
    assert pt.report(q1, q4) == demo
    plain = pt.read_csv(pt.example_path() / "2024-03-31.csv")  # no org: columns in order of appearance
    columns = pt.report(plain).to_dict()["overview"]["field_by_bureau"]["column_labels"]
    assert sorted(columns) == sorted(SEED_BUREAUS) and columns != SEED_BUREAUS


def test_an_org_can_be_given_as_an_organization(q1, q4, demo, example_dir):
    assert pt.report(q1, q4, org=pt.read_org(example_dir / "org.csv")) == demo


def test_without_a_previous_snapshot_there_is_no_change(q1):
    r = pt.report(q1)
    d = r.to_dict()
    assert d["changes"] is None
    assert d["results"]["headline"]["previous"] is None
    assert d["results"]["headline"]["text"] == "공약이행완료율(단위사업기준) : 67.3%"
    assert "변경사항" not in r.to_markdown()
    assert 'id="changes"' not in r.to_html()


def test_shares_can_be_forced_to_sum_to_100_by_a_named_rule(q1, q4):
    d = pt.report(q1, q4, shares="largest_remainder").to_dict()
    table = d["results"]["status_table"]
    assert [c["shown_text"] for c in table["columns"]] == ["67.4", "30.6", "2.0"]
    assert table["shown_sum_text"] == "100.0"
    assert "최대잉여법" in table["share_rule_text"]
    assert d["results"]["headline"]["rate"]["text"] == "67.3%"  # the headline keeps the criteria's rule
    assert pt.report(q1, q4, shares="largest-remainder") == pt.report(q1, q4, shares="largest_remainder")
    with pytest.raises(pt.PledgeError, match=r"unknown share rounding.*'nearest'"):
        pt.report(q1, shares="nearest")  # type: ignore[arg-type]


def test_criteria_name_the_headline(q1, q4):
    d = pt.report(q1, q4, criteria=pt.Criteria(complete=["완료"], name="Completed", name_ko="완료율")).to_dict()
    assert d["results"]["headline"]["text"].startswith("완료율(단위사업기준) : 2.0%")


def test_snapshots_of_two_districts_need_permission(q1, q4):
    other = pt.Snapshot("광주광역시 남구", 8, q4.as_of, q4.projects)
    with pytest.raises(pt.PledgeError, match=r"different districts.*광주광역시 남구"):
        pt.report(q1, other)
    assert pt.report(q1, other, allow_different_districts=True).to_dict()["changes"]["moved"] == 3


def test_a_quarterly_report_is_made_by_report_only():
    with pytest.raises(TypeError, match=r"pledgetrack.report"):
        pt.QuarterlyReport()


def test_the_report_function_and_the_subpackage_live_side_by_side():
    from pledgetrack.report import html, xlsx

    assert callable(pt.report)
    assert callable(html.render) and callable(xlsx.write)


def test_text_and_english(demo):
    text = demo.to_text()
    assert "67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p" in text
    english = demo.to_text("en")
    assert "KMC completion rate (per unit project): 67.3% (2023 Q4: 65.3%, +2.0%p)" in english
    with pytest.raises(pt.PledgeError, match=r"unknown report language"):
        demo.to_text("fr")  # type: ignore[arg-type]


def columns(line: str) -> int:
    """Terminal columns of a line, by Unicode's East Asian Width (W and F take two): counted
    here independently of the core's display_width."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_text_report_fits_a_100_column_terminal(demo, lang):
    lines = demo.to_text(lang).splitlines()
    assert max(map(columns, lines)) <= 100, [line for line in lines if columns(line) > 100]
    assert all(line == line.rstrip() for line in lines)


def test_long_lines_of_the_demo_wrap_under_their_first_word(demo):
    text = demo.to_text()
    # The second candidate's reason is 148 columns in one line; wrapped, its second line
    # starts under the first word, after "     - ".
    start = text.index("     - 국가정책 방향에 따라")
    first, second = text[start:].splitlines()[:2]
    assert columns(first) <= 100 and second.startswith("       ") and not second.startswith("        ")
    joined = first.removeprefix("     - ") + " " + second.strip()
    assert joined.startswith("국가정책 방향에 따라 공모사업 지원규모(국비)가 축소됨에 따라")
    # Lines that fit are as they were: the headline is one line.
    assert "  - 공약이행완료율(단위사업기준) : 67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p\n" in text


def title_column_lines(text: str, marker: str) -> list[tuple[int, str]]:
    """(display column where the text starts, text) of every detail-table line holding `marker`."""
    out = []
    for line in text.splitlines():
        if marker in line:
            at = line.index(marker)
            out.append((columns(line[:at]), line[at:].split("  ")[0]))
    return out


def test_a_long_title_wraps_at_spaces_inside_its_cell():
    title = " ".join(f"꾸러미{n:02d}" for n in range(30))  # 30 words of 8 columns: 269 columns
    snap = pt.Snapshot("서구", 8, dt.date(2024, 3, 31),
                       [pt.Project("1-1", title, "완료", field="가", pledge="공약", department="과", bureau="국")])
    text = pt.report(snap).to_text()
    assert max(map(columns, text.splitlines())) <= 100
    pieces = title_column_lines(text, "꾸러미")
    assert len(pieces) >= 3  # 269 columns do not go in two lines of a cell narrower than 100
    assert len({column for column, _ in pieces}) == 1  # every piece starts in the title's column
    assert " ".join(piece for _, piece in pieces) == title  # broken only at spaces, nothing lost
    first_line = next(line for line in text.splitlines() if "꾸러미00" in line)
    assert first_line.startswith("  1-1 ")


def test_a_word_wider_than_its_cell_is_cut_between_syllables():
    word = "가" * 70  # 140 columns, no space to break at
    snap = pt.Snapshot("서구", 8, dt.date(2024, 3, 31),
                       [pt.Project("1-1", word, "완료", field="나", pledge="공약", department="과", bureau="국")])
    text = pt.report(snap).to_text()
    assert max(map(columns, text.splitlines())) <= 100
    pieces = title_column_lines(text, "가가")
    assert len({column for column, _ in pieces}) == 1
    assert "".join(piece for _, piece in pieces) == word


# -- HTML --------------------------------------------------------------------------------------


def test_html_is_one_self_contained_document(demo):
    page = demo.to_html()
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<html lang="ko">' in page
    assert '<meta charset="utf-8">' in page
    assert "<style>" in page and "<svg" in page  # inline CSS, inline chart
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=|@import", page, re.IGNORECASE)
    assert '<html lang="en">' in demo.to_html("en")


def test_html_holds_every_section_and_figure(demo):
    page = demo.to_html()
    for text in [
        "1. 점검개요", "5대 분야 21개 공약 49개 사업", "2. 점검결과", "<strong>67.3%</strong>", "65.3%", "+2.0%p",
        "직전 분기(2023년 4분기) 대비 변경사항", "공약조정 필요사업", "공약사업별 추진현황",
        "(2-4-1) 재취업 중장년 목돈마련", "(3-4-2) 가족돌봄으로", "이행후계속추진 → 일부추진, 후퇴",
        "짧은 주행거리, 긴 충전 시간", "공모사업 지원규모(국비)가 축소됨에 따라", "30.6%",
    ]:
        assert text in page, text
    # The field × bureau table, row by row: 계 first, then the fields; zeros as "-".
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page.split('id="results"')[0])
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in rows]
    assert cells[0] == ["구분", "총계", *SEED_BUREAUS]
    assert cells[1] == ["계", "49건", *map(str, SEED_BUREAU_TOTALS)]
    for field, total, row in zip(SEED_FIELDS, SEED_FIELD_TOTALS, cells[2:]):
        assert row == [field, str(total), *(str(n) if n else "-" for n in SEED_FIELD_BY_BUREAU[field])]


def test_html_breaks_korean_lines_only_between_words(demo):
    # Without keep-all a browser breaks Hangul between any two syllables (관리번/호, 주민자치/과).
    for fragment in (demo.to_html(), demo._repr_html_()):
        css = fragment[fragment.index("<style>") : fragment.index("</style>")]
        assert re.search(r"\.pledgetrack-report\{[^}]*word-break:keep-all", css)


def detail_rows(page: str) -> list[str]:
    """The body rows of the detail tables, in order."""
    detail = page[page.index('<section id="detail">') :]
    return [row for body in re.findall(r"<tbody>(.*?)</tbody>", detail) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_html_detail_names_each_pledge_once_over_its_projects(demo):
    page = demo.to_html()
    rows = detail_rows(page)
    assert len(rows) == 49
    spans = [(int(n), name) for n, name in re.findall(r'<td rowspan="(\d+)">([^<]*)</td>', page)]
    # The pledges of more than one project, from the example's ids (2-3-1 … 2-3-6 is six):
    # 1-1 2, 2-2 2, 2-3 6, 2-4 2, 3-2 2, 3-3 4, 3-4 2, 3-5 3, 4-1 6, 4-4 3, 4-5 4, 5-1 3, 5-3 2.
    assert [n for n, _ in spans] == [2, 2, 6, 2, 2, 4, 2, 3, 6, 3, 4, 3, 2]
    assert (6, "기후위기 대응1번지 녹색서구 구현") in spans
    assert page.count("기후위기 대응1번지 녹색서구 구현") == 1  # once, not on each of its six rows
    # A row under a merged name has one cell less: id, project, department, status.
    first = next(r for r in rows if "<th>4-1-1</th>" in r)
    second = next(r for r in rows if "<th>4-1-2</th>" in r)
    assert len(re.findall(r"<t[hd][ >]", first)) == 5
    assert len(re.findall(r"<t[hd][ >]", second)) == 4


def test_html_detail_shows_a_single_project_pledges_name_once(demo):
    page = demo.to_html()
    rows = detail_rows(page)
    # 4-2 is a pledge of one project with the same name (the seed's single-project pledges:
    # 1-2, 1-3, 1-4, 2-1, 3-1, 4-2, 4-3, 5-2).
    merged = re.findall(r'<th>([\d-]+)</th><td colspan="2">', page)
    assert merged == ["1-2", "1-3", "1-4", "2-1", "3-1", "4-2", "4-3", "5-2"]
    row = next(r for r in rows if "<th>4-2</th>" in r)
    assert row.count("공영주차장 지속 확충을 통한 주차난 해소") == 1


def test_html_detail_keeps_both_names_when_a_single_project_has_its_own(tmp_path):
    snap = pt.Snapshot(
        "서구", 8, dt.date(2024, 3, 31),
        [pt.Project("1-1", "사업 이름", "완료", field="가", pledge="공약 이름", department="과", bureau="국")],
    )
    page = pt.report(snap).to_html()
    row = detail_rows(page)[0]
    assert "colspan" not in row and "rowspan" not in row
    assert "<td>공약 이름</td><td>사업 이름</td>" in row


def test_html_shows_text_from_data_as_text():
    r = pt.report(hostile_snapshot())
    for page in (r.to_html(), r.to_html("en"), r._repr_html_()):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script" not in page.lower()
        assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
        assert "<b>" not in page and "<i>" not in page
        assert "&quot;부서&quot;&amp;&#x27;" in page
        assert "\x1b" not in page and "\u202e" not in page  # control and bidi characters: U+FFFD


def test_the_jupyter_repr_is_a_fragment_with_scoped_css(demo):
    fragment = demo._repr_html_()
    assert "<html" not in fragment and "<!DOCTYPE" not in fragment
    assert fragment.startswith("<style>") and '<div class="pledgetrack-report">' in fragment
    assert all(rule.startswith(".pledgetrack-report") or rule.startswith("@media") or not rule.strip()
               for rule in re.findall(r"(?:^|})\s*([^{}]*)\{", fragment.split("</style>")[0].removeprefix("<style>")))


def test_the_chart_draws_each_fields_statuses(demo):
    page = demo.to_html()
    svg = page[page.index("<svg") : page.index("</svg>")]
    for field in SEED_FIELDS:
        assert f">{field}</text>" in svg
    assert "<title>일부추진: 1</title>" in svg  # 생태·안전's one lagging project
    assert "15개 사업 · 공약이행완료율 46.7%" in svg


# -- XLSX --------------------------------------------------------------------------------------


def test_xlsx_has_one_sheet_per_section_with_numbers_as_numbers(demo, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "demo.xlsx"
    demo.to_xlsx(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["점검개요", "점검결과", "변경사항", "공약조정", "추진현황"]

    overview = [row for row in book["점검개요"].iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(overview) if row[0] == "구분")
    assert overview[header] == ("구분", "총계", *SEED_BUREAUS)
    assert overview[header + 1] == ("계", 49, *SEED_BUREAU_TOTALS)
    for field, total, row in zip(SEED_FIELDS, SEED_FIELD_TOTALS, overview[header + 2 :]):
        assert row == (field, total, *SEED_FIELD_BY_BUREAU[field])
    assert ("기준일자", dt.datetime(2024, 3, 31)) == overview[[r[0] for r in overview].index("기준일자")][:2]

    results = [row for row in book["점검결과"].iter_rows(values_only=True)]
    rate_row = next(row for row in results if row[0] == "공약이행완료율(단위사업기준)")
    assert rate_row[:3] == ("공약이행완료율(단위사업기준)", 33, 49) and rate_row[4] == "67.3%"
    assert rate_row[3] == pytest.approx(3300 / 49)
    change_row = next(row for row in results if row[0] == "증감(%p)")
    assert change_row[3] == pytest.approx(100 / 49) and change_row[4] == "+2.0%p"
    assert next(row for row in results if row[0] == "건수")[:5] == ("건수", 49, 33, 15, 1)
    assert next(row for row in results if row[0] == "비율")[:5] == ("비율", 100, 67.3, 30.6, 2)

    changes = [row for row in book["변경사항"].iter_rows(values_only=True) if row[1] and row[1] != "관리번호"]
    assert [(row[1], row[3], row[4], row[6]) for row in changes] == [
        ("2-4-1", "정상추진", "이행후계속추진", False),
        ("3-4-2", "정상추진", "이행후계속추진", False),
        ("4-1-2", "이행후계속추진", "일부추진", True),
    ]
    candidates = [row for row in book["공약조정"].iter_rows(values_only=True) if isinstance(row[0], int)]
    assert [(row[0], row[1]) for row in candidates] == [(1, "4-1-2"), (2, "4-1-4")]
    assert "전기 이륜차" in candidates[0][7] and "국비" in candidates[1][7]

    detail = book["추진현황"]
    rows = [row for row in detail.iter_rows(min_row=4, values_only=True)]
    assert len(rows) == 49 and rows[0][:2] == ("마을·자치", "1-1-1")
    assert detail.freeze_panes == "A4" and detail.auto_filter.ref == "A3:H52"


def test_xlsx_in_english_names_its_sheets_in_english(demo, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    demo.to_xlsx(tmp_path / "en.xlsx", "en")
    assert openpyxl.load_workbook(tmp_path / "en.xlsx").sheetnames == [
        "Overview", "Results", "Changes", "Adjustments", "Detail",
    ]


def test_xlsx_never_holds_a_formula(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "hostile.xlsx"
    pt.report(hostile_snapshot()).to_xlsx(path)
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "'=HYPERLINK(\"http://x\",\"y\")" in texts
    assert {"'@SUM(A1)", "'+부서", "'-1", "'-분야"} <= texts
    assert SCRIPT in texts  # not HTML: shown as written
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    assert any("\ufffd" in t for t in texts)  # the escape character could not be stored: U+FFFD


def test_xlsx_of_a_report_without_a_previous_snapshot(q1, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    pt.report(q1).to_xlsx(tmp_path / "q1.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "q1.xlsx")["변경사항"]
    assert [row for row in sheet.iter_rows(values_only=True) if row[0]][-1] == ("직전 점검 자료 없음(비교하지 않음)",)


# -- writing files -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "start"), [("r.md", b"# "), ("r.json", b"{"), ("r.html", b"<!DOCTYPE"), ("r.txt", "민선".encode())])
def test_write_picks_the_format_from_the_suffix(demo, tmp_path, name, start):
    demo.write(tmp_path / name)
    assert (tmp_path / name).read_bytes().startswith(start)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_write_replaces_a_file_only_when_it_succeeds(demo, tmp_path, monkeypatch):
    from pledgetrack.report import html

    target = tmp_path / "r.html"
    target.write_text("the previous report")

    def broken(*args, **kwargs):
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(html, "render", broken)
    with pytest.raises(RuntimeError):
        demo.write(target)
    assert target.read_text() == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_an_interrupted_xlsx_write_leaves_no_partial_file(demo, tmp_path, monkeypatch):
    openpyxl = pytest.importorskip("openpyxl")

    def half_then_interrupted(self, file):
        file.write(b"PK\x03\x04 half a workbook")
        raise KeyboardInterrupt

    monkeypatch.setattr(openpyxl.Workbook, "save", half_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        demo.to_xlsx(tmp_path / "r.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_write_needs_a_format_it_can_tell(demo, tmp_path: Path):
    with pytest.raises(ValueError, match=r"cannot tell the format"):
        demo.write(tmp_path / "report.pdf")


def test_an_empty_snapshot_still_makes_every_format(tmp_path):
    r = pt.report(pt.Snapshot("서구", 8, None, []))
    assert "산출 불가(집계 대상 없음)" in r.to_text()
    assert "산출 불가(집계 대상 없음)" in r.to_html()  # no rate: not 0%, not 100%
    assert r.to_dict()["results"]["headline"]["rate"]["percent"] is None
    r.to_xlsx(tmp_path / "empty.xlsx")
    assert (tmp_path / "empty.xlsx").stat().st_size > 0


# -- one home for the words and the helpers (issue #12) ------------------------------------


def _string_literals(path: Path) -> list[str]:
    """The string constants of a module that are not docstrings."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", ["__init__.py", "html.py", "xlsx.py", "_layout.py", "_files.py"])
def test_the_python_renderers_hold_no_korean_word_of_their_own(module):
    # Every word of the HTML and XLSX reports comes from the C++ wording (the layout JSON).
    hangul = [s for s in _string_literals(REPO / "python" / "pledgetrack" / "report" / module)
              if re.search("[\uac00-\ud7a3]", s)]
    assert hangul == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_html_and_xlsx_take_their_words_from_the_cpp_table(demo, lang, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    words = pt._core.report_words(lang)
    assert words["as_of"] == {"ko": "기준일자", "en": "As of"}[lang]
    html = demo.to_html(lang)
    for key in ("as_of", "scope", "chart_title", "chart_desc", "count_row", "share_row"):
        assert words[key] in html
    demo.to_xlsx(tmp_path / "r.xlsx", lang)
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == [words[k] for k in ("sheet_overview", "sheet_results", "sheet_changes",
                                                  "sheet_adjustment_candidates", "sheet_detail")]


def test_the_layout_json_is_the_report_json_and_one_member_more(demo):
    plain = demo.to_dict()
    layout = demo._layout_dict("ko")
    assert {k: v for k, v in layout.items() if k != "layout"} == plain
    groups = layout["layout"]["change_groups"]
    # The seed's changes: 2 now 이행후계속추진, 1 now 일부추진 (checked against the seed report).
    assert [g["text"] for g in groups] == ["이행후계속추진 사업 : 2개", "일부추진 사업 : 1개"]
    assert layout["layout"]["unchanged_text"] == "그 밖의 46개 사업은 변동 없음"


def test_the_html_and_xlsx_renderers_refuse_the_plain_json(demo):
    from pledgetrack.report import html

    with pytest.raises(ValueError, match="layout JSON"):
        html.render(demo.to_dict())


@pytest.mark.parametrize("text", ["<a href='x'>Tom & \"Jerry\"</a>", "가&나", "plain", "탭\t줄\n바꿈"])
def test_html_escaping_is_pythons_html_escape_for_printable_text(text):
    import html as std_html

    assert pt._core.escape_html(text) == std_html.escape(text, quote=True)


def test_html_escaping_replaces_controls_and_bidi_overrides():
    assert pt._core.escape_html("a\x1b[31m\u202eb") == "a\ufffd[31m\ufffdb"


def test_one_display_width_counts_combining_marks_as_nothing():
    assert pt._core.display_width("마을·자치") == 9
    assert pt._core.display_width("e\u0301") == 1  # é written with a combining accent
    assert pt._core.display_width(unicodedata.normalize("NFD", "가")) == 2


def test_xlsx_guards_formulas_by_the_csv_writers_rule(tmp_path):
    # One rule with pt.write_csv: an apostrophe before = + - @, also after leading apostrophes,
    # so "'=x" is written "''=x" (as in the CSV file).
    openpyxl = pytest.importorskip("openpyxl")
    from pledgetrack.report import xlsx

    assert xlsx.neutralise("'=x") == "''=x"
    assert xlsx.neutralise("=1") == "'=1"
    assert xlsx.neutralise("a\x01b") == "a\ufffdb"
    snap = pt.Snapshot("서구", 8, dt.date(2024, 3, 31), [pt.Project("1-1", "'=1+1", "완료", field="분야")])
    pt.report(snap).to_xlsx(tmp_path / "r.xlsx")
    texts = {c.value for s in openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets for r in s.iter_rows()
             for c in r if isinstance(c.value, str)}
    assert "''=1+1" in texts


def test_the_comparison_is_rendered_by_the_core(demo, q1):
    text = demo.render_comparison("text")
    assert text.splitlines()[:3] == ["광주광역시 서구 · 2024. 3. 31. 기준", "",
                                     "공약이행완료율(단위사업기준) : 67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p"]
    assert text.endswith("- 그 밖의 46개 사업은 변동 없음\n")
    with pytest.raises(pt.PledgeError, match="previous snapshot"):
        pt.report(q1).render_comparison()


def test_the_html_report_and_the_plots_draw_statuses_in_one_palette(demo):
    from pledgetrack import _palette, _plot

    html = demo.to_html()
    # The seed's statuses: 완료, 이행후계속추진, 정상추진, 일부추진 (no 보류, 폐기, 기타).
    for status in (pt.Status.COMPLETED, pt.Status.ONGOING, pt.Status.ON_TRACK, pt.Status.LAGGING):
        fill, ink = _palette.STATUS_PALETTE[status]
        assert f"background:{fill};color:{ink}" in html
        assert _plot.STATUS_COLORS[status] == fill
