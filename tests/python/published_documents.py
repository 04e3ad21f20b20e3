"""The seed report as a government publishes it: a PDF with ruled tables and an HWPX document.

Not a test file: test_extract.py (and the end-to-end tests of pt.read_report) use it. Both
documents are built from ONE model, read from the seed's extracted text
(tests/data/published/seogu-2024q1.txt, a copy of shared/seed/000_c1950292e7db9802.txt):

- each non-table line is a paragraph, printed as it stands (leading spaces become an indent,
  ``**bold**`` becomes bold type: a PDF has no asterisks);
- each run of TAB-separated lines is a ruled table (reportlab GRID; HWPX hp:tbl), one grid
  column per cell; a cell of the 분야/관리번호/공약명 columns left empty under another is the
  continuation of a merged cell (SPAN / rowSpan), as the printed table merges them; in the
  project table from its second page on, a pledge with one project prints its name across
  the 공약명 and project columns (the seed's extractor moved that empty cell to the end of
  the row: here it is a real column span);
- the project table (공약사업별 추진현황) breaks across pages where the seed repeats its
  header, each page repeating the header, the 4-4 pledge cell split over the break
  (선제적인 | 스마트 안전관리체계 구축) as printed.

The OCR damage of the seed (알바리창자원과, 인생N모자, …) is kept: it is the same report.

`document_pages()` gives the model: what an extractor must give back, page by page.
`write_pdf(path)` and `write_hwpx(path)` write the documents (reportlab and NanumGothic for
the PDF; the standard library for the HWPX).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

SEED_TEXT = Path(__file__).resolve().parents[1] / "data" / "published" / "seogu-2024q1.txt"
NANUM_GOTHIC = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
NANUM_GOTHIC_BOLD = Path("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf")

# Six rows of the project table lost cells in the seed's extraction (a merged cell's
# continuation was dropped, so the rest slid left and an empty cell went to the end). On the
# printed page each sits in its columns, under the merged 분야/관리번호/공약명 cells of its
# pledge: its project, department and status fill the last three. By project, as printed:
_SHIFTED_PROJECTS = (
    "② 중장년 인생N모자 설계 지원 프로그램 운영",            # 2-4 ②
    "② 부정불량식품 근절을 통한 안심먹거리 제공",            # 3-5 ②
    "③ 찾아가는 통합 건강캠프 운영",                         # 3-5 ③
    "③ 화정 아파르아파트 관련 책임감 있는 후속대책 마련",    # 4-5 ③
    "④ 각종 재난 관련 구민 심리 상담 지원",                  # 4-5 ④
    "② 청년들의 다양한 교류와 소통 공간 ‘무한ZONE’ 조성",    # 5-3 ②
)


def _as_printed(seed_row: list[str]) -> list[str]:
    filled = [cell for cell in seed_row if cell]
    if len(filled) == 3 and filled[0] in _SHIFTED_PROJECTS:
        return ["", "", "", *filled]
    return seed_row


# The printed report starts a new page at these paragraphs (and at each repeat of the
# project table's header, as in the seed).
_PAGE_STARTS = ("2. 점검결과", "□ 세부 점검결과(총평)", "□ 공약사업별 추진현황")
_PROJECT_HEADER = "분야"
# Columns of the project table whose empty cells continue the merged cell above them.
_MERGING_COLUMNS = (0, 1, 2)


@dataclass(frozen=True)
class Paragraph:
    """One printed paragraph; ``runs`` are (text, bold) pieces."""

    runs: tuple[tuple[str, bool], ...]
    indent: bool = False

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)


@dataclass(frozen=True)
class Blank:
    """An empty line between paragraphs."""


@dataclass(frozen=True)
class Table:
    """A ruled table: ``rows`` as an extractor gives them back (a merged cell's text in its
    top-left grid cell, its continuation cells empty) and its merged cells as
    (row, column, row_span, column_span)."""

    rows: tuple[tuple[str, ...], ...]
    spans: tuple[tuple[int, int, int, int], ...] = ()
    is_project_table: bool = False

    @property
    def columns(self) -> int:
        return len(self.rows[0])


Block = Paragraph | Blank | Table


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Paragraph)]

    def table_rows(self) -> list[list[str]]:
        return [list(row) for b in self.blocks if isinstance(b, Table) for row in b.rows]


def _paragraph(line: str) -> Paragraph:
    pieces = re.split(r"\*\*(.+?)\*\*", line.strip())
    runs = tuple((text, i % 2 == 1) for i, text in enumerate(pieces) if text)
    return Paragraph(runs, indent=line.startswith(" "))


def _project_rows(seed_rows: list[list[str]]) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[int, int, int, int], ...]]:
    """The grid rows and merged cells of one page of the project table."""
    rows = [_as_printed(r) for r in seed_rows]
    spans: list[tuple[int, int, int, int]] = []
    if len(rows[0]) == 6:
        # From its second page on the table has a project column; a row of five cells and an
        # empty sixth is one whose 공약명 spans the 공약명 and project columns (the header too).
        for i, r in enumerate(rows):
            if r[-1] == "":
                rows[i] = r[:3] + [""] + r[3:5]
                spans.append((i, 2, 1, 2))
    # Below the header: an empty cell in a merging column continues the cell above it (the
    # first body row's empty cells continue the previous page's cell: a merged empty cell).
    for column in _MERGING_COLUMNS:
        start = 1
        for i in range(2, len(rows) + 1):
            if i == len(rows) or rows[i][column] != "":
                if i - start > 1:
                    spans.append((start, column, i - start, 1))
                start = i
    return tuple(tuple(r) for r in rows), tuple(sorted(spans))


def document_pages(seed_text: Path = SEED_TEXT) -> list[Page]:
    """The published report, page by page, as built from the seed's text."""
    lines = seed_text.read_text(encoding="utf-8").split("\n")
    pages = [Page()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            start = i
            while i < len(lines) and "\t" in lines[i]:
                i += 1
            cells = [lines[k].split("\t") for k in range(start, i)]
            is_project = cells[0][0] == _PROJECT_HEADER
            if is_project:
                if any(isinstance(b, Table) and b.is_project_table for b in pages[-1].blocks):
                    pages.append(Page())  # the header repeats on a new page
                rows, spans = _project_rows(cells)
                pages[-1].blocks.append(Table(rows, spans, is_project_table=True))
            else:
                pages[-1].blocks.append(Table(tuple(tuple(c) for c in cells)))
            continue
        if line.strip() == "":
            if pages[-1].blocks:  # no blank at a page's top
                pages[-1].blocks.append(Blank())
        else:
            if line.strip().startswith(_PAGE_STARTS):
                pages.append(Page())
            pages[-1].blocks.append(_paragraph(line))
        i += 1
    for page in pages:
        while page.blocks and isinstance(page.blocks[-1], Blank):
            page.blocks.pop()
    return pages


# --- PDF (reportlab) -------------------------------------------------------------------------

# Column widths (points, landscape A4) of the project table: 분야, 관리번호, 공약명, 단위사업,
# 주관부서, 추진상황; the first page has no project column (its pledges hold their projects).
_PROJECT_WIDTHS_6 = (80, 48, 215, 250, 88, 55)
_PROJECT_WIDTHS_5 = (80, 48, 465, 88, 55)


def write_pdf(path: Path) -> Path:
    """Writes the report as a text-based PDF (landscape A4, NanumGothic, ruled tables)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    pdfmetrics.registerFont(TTFont("NanumGothic", str(NANUM_GOTHIC)))
    pdfmetrics.registerFont(TTFont("NanumGothicBold", str(NANUM_GOTHIC_BOLD)))
    pdfmetrics.registerFontFamily("NanumGothic", normal="NanumGothic", bold="NanumGothicBold")
    # Wrapped lines 1.4 sizes apart, paragraphs 1.8: an extractor can tell them apart.
    body = ParagraphStyle("body", fontName="NanumGothic", fontSize=10, leading=14, spaceBefore=4)
    indented = ParagraphStyle("indented", parent=body, leftIndent=10)
    cell = ParagraphStyle("cell", fontName="NanumGothic", fontSize=8, leading=10)

    def markup(p: Paragraph) -> str:
        return "".join(f"<b>{escape(t)}</b>" if bold else escape(t) for t, bold in p.runs)

    def table(t: Table) -> RLTable:
        if t.is_project_table:
            widths = _PROJECT_WIDTHS_6 if t.columns == 6 else _PROJECT_WIDTHS_5
        else:
            widths = [786 / t.columns * 0.8] * t.columns
        data = [[RLParagraph(escape(c), cell) for c in row] for row in t.rows]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        style += [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for r, c, rs, cs in t.spans]
        return RLTable(data, colWidths=widths, style=TableStyle(style), hAlign="LEFT")

    story = []
    for n, page in enumerate(document_pages()):
        if n:
            story.append(PageBreak())
        for block in page.blocks:
            if isinstance(block, Paragraph):
                story.append(RLParagraph(markup(block), indented if block.indent else body))
            elif isinstance(block, Blank):
                story.append(Spacer(1, 10))
            else:
                story.append(table(block))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=28, rightMargin=28,
                            topMargin=28, bottomMargin=28, title="2024년 1분기 추진실적 점검 결과")
    doc.build(story)
    return path


# --- HWPX (OWPML, zipped XML) ----------------------------------------------------------------

_NS = (
    'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"'
)
# hwpunit: 1/7200 inch, 100 per point.
_HWPUNIT_PER_POINT = 100


class _HwpxWriter:
    def __init__(self) -> None:
        self.next_id = 1

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def paragraph(self, p: Paragraph | None, page_break: bool = False, inner: str = "") -> str:
        runs = "".join(
            f'<hp:run charPrIDRef="{1 if bold else 0}"><hp:t>{escape(t)}</hp:t></hp:run>'
            for t, bold in (p.runs if p else ())
        )
        if inner:
            runs += f'<hp:run charPrIDRef="0">{inner}<hp:t/></hp:run>'
        if not runs:
            runs = '<hp:run charPrIDRef="0"/>'
        return (f'<hp:p id="{self._id()}" paraPrIDRef="{1 if p and p.indent else 0}" styleIDRef="0" '
                f'pageBreak="{int(page_break)}" columnBreak="0" merged="0">{runs}</hp:p>')

    def table(self, t: Table, widths_pt: tuple[int, ...]) -> str:
        covered = {(r + dr, c + dc) for r, c, rs, cs in t.spans for dr in range(rs) for dc in range(cs)}
        origins = {(r, c): (rs, cs) for r, c, rs, cs in t.spans}
        height = 18 * _HWPUNIT_PER_POINT
        rows_xml = []
        for r, row in enumerate(t.rows):
            cells = []
            for c, text in enumerate(row):
                rs, cs = origins.get((r, c), (1, 1))
                if (r, c) in covered and (r, c) not in origins:
                    continue  # inside a merged cell: OWPML writes only its origin
                width = sum(widths_pt[c:c + cs]) * _HWPUNIT_PER_POINT
                body = self.paragraph(Paragraph(((text, False),)) if text else None)
                cells.append(
                    f'<hp:tc name="" header="{int(r == 0)}" hasMargin="0" protect="0" editable="0" '
                    f'dirty="0" borderFillIDRef="2">'
                    f'<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" '
                    f'linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" '
                    f'hasTextRef="0" hasNumRef="0">{body}</hp:subList>'
                    f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/>'
                    f'<hp:cellSpan colSpan="{cs}" rowSpan="{rs}"/>'
                    f'<hp:cellSz width="{width}" height="{height * rs}"/>'
                    f'<hp:cellMargin left="141" right="141" top="141" bottom="141"/></hp:tc>'
                )
            rows_xml.append("<hp:tr>" + "".join(cells) + "</hp:tr>")
        total = sum(widths_pt) * _HWPUNIT_PER_POINT
        return (f'<hp:tbl id="{self._id()}" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" '
                f'textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" '
                f'rowCnt="{len(t.rows)}" colCnt="{t.columns}" cellSpacing="0" borderFillIDRef="2" noAdjust="0">'
                f'<hp:sz width="{total}" widthRelTo="ABSOLUTE" height="{height * len(t.rows)}" '
                f'heightRelTo="ABSOLUTE" protect="0"/>'
                f'<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" '
                f'holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" '
                f'vertOffset="0" horzOffset="0"/>'
                f'<hp:outMargin left="0" right="0" top="0" bottom="0"/>'
                f'<hp:inMargin left="141" right="141" top="141" bottom="141"/>'
                + "".join(rows_xml) + "</hp:tbl>")

    def section(self, pages: list[Page]) -> str:
        parts = []
        for n, page in enumerate(pages):
            for k, block in enumerate(page.blocks):
                page_break = n > 0 and k == 0
                if isinstance(block, Paragraph):
                    parts.append(self.paragraph(block, page_break))
                elif isinstance(block, Blank):
                    parts.append(self.paragraph(None, page_break))
                else:
                    if block.is_project_table:
                        widths = _PROJECT_WIDTHS_6 if block.columns == 6 else _PROJECT_WIDTHS_5
                    else:
                        widths = tuple([70] * block.columns)
                    parts.append(self.paragraph(None, page_break, inner=self.table(block, widths)))
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes" ?><hs:sec {_NS}>' + "".join(parts) + "</hs:sec>"


_HEADER_XML = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes" ?><hh:head {_NS} version="1.4" secCnt="2">'
    '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>'
    '<hh:refList><hh:fontfaces itemCnt="1"><hh:fontface lang="HANGUL" fontCnt="1">'
    '<hh:font id="0" face="나눔고딕" type="TTF" isEmbedded="0"/></hh:fontface></hh:fontfaces>'
    '<hh:charProperties itemCnt="2">'
    '<hh:charPr id="0" height="1000" textColor="#000000" shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="1"/>'
    '<hh:charPr id="1" height="1000" textColor="#000000" shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="1"><hh:bold/></hh:charPr>'
    '</hh:charProperties></hh:refList></hh:head>'
)


def _content_hpf(sections: list[str]) -> str:
    items = "".join(f'<opf:item id="{s}" href="Contents/{s}.xml" media-type="application/xml"/>' for s in sections)
    spine = "".join(f'<opf:itemref idref="{s}" linear="yes"/>' for s in sections)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        f'<opf:package xmlns:opf="http://www.idpf.org/2007/opf/" {_NS} version="" unique-identifier="" id="">'
        '<opf:metadata><opf:title>2024년 1분기 추진실적 점검 결과</opf:title><opf:language>ko</opf:language></opf:metadata>'
        '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
        f'{items}</opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/>{spine}</opf:spine></opf:package>'
    )


_CONTAINER_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
    '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles>'
    '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
    '</ocf:rootfiles></ocf:container>'
)
_VERSION_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
    '<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" '
    'major="5" minor="1" micro="0" buildNumber="1" os="1" xmlVersion="1.4" application="Hancom Office Hangul" appVersion="12.0.0.0"/>'
)


def write_hwpx(path: Path) -> Path:
    """Writes the report as HWPX: the narrative in one section, the project table in a second
    (a section starts a new page), pages within a section by ``pageBreak="1"`` paragraphs.
    The sections are listed out of alphabetical order in the zip, so only the spine of
    Contents/content.hpf gives their order."""
    pages = document_pages()
    split = next(n for n, p in enumerate(pages) if any(isinstance(b, Table) and b.is_project_table for b in p.blocks))
    writer = _HwpxWriter()
    sections = {"section0": writer.section(pages[:split]), "section1": writer.section(pages[split:])}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("version.xml", _VERSION_XML)
        z.writestr("META-INF/container.xml", _CONTAINER_XML)
        z.writestr("Contents/content.hpf", _content_hpf(list(sections)))
        z.writestr("Contents/header.xml", _HEADER_XML)
        for name in reversed(list(sections)):
            z.writestr(f"Contents/{name}.xml", sections[name])
    return path
