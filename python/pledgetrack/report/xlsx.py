"""The quarterly report as an Excel workbook (XLSX), one sheet per section:
점검개요, 점검결과, 변경사항, 공약조정, 추진현황 (Overview, Results, Changes,
Adjustments, Detail in English).

Laid out from the report's layout JSON (C++ ``render_layout_json``), so the
figures and the words are the C++ core's (the sheet names too). Counts and rates are numbers (the exact percent
beside the text shown, so that an analyst can check the rounding), dates are
dates. No cell is ever a formula: every text is written as text, and text from
data that starts with ``= + - @`` gets a leading apostrophe by the rule of
:func:`pledgetrack.write_csv` (C++ ``guard_formula``), so that no spreadsheet
program runs it even after the cell is edited or the sheet exported.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, Union

from .. import _core
from .._core import Status
from ._files import write_atomic
from ._layout import Layout

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["neutralise", "workbook", "write", "write_to"]

PathLike = Union[str, "os.PathLike[str]"]

_COUNT_FORMAT = '#,##0;-#,##0;"-"'  # zeros show as "-", as in the seed's first table; the value stays 0
_PERCENT_FORMAT = "0.0###"
_DATE_FORMAT = "yyyy-mm-dd"
_MAX_WIDTH = 60


class _Data(str):
    """Text that came from data (a title, a department, a reason): neutralised when it
    could start a formula."""


def neutralise(text: str) -> str:
    """``text`` safe for a spreadsheet cell: characters XLSX cannot hold become U+FFFD, and
    a leading ``= + - @`` (also after apostrophes) gets an apostrophe before it, as the CSV
    writer does (C++ ``guard_formula``)."""
    return _core.guard_formula(_clean(text))


def write(report: Mapping[str, Any], path: PathLike) -> None:
    """Writes the report (the dict of its layout JSON, ``render_report(r, "layout", lang)``)
    to ``path`` as XLSX, atomically."""
    write_atomic(path, workbook(report).save)


def write_to(report: Mapping[str, Any], file: IO[bytes]) -> None:
    """Writes the report as XLSX to a binary file object."""
    workbook(report).save(file)


def workbook(report: Mapping[str, Any]) -> Workbook:
    """The report as an openpyxl ``Workbook``, one sheet per section."""
    from openpyxl import Workbook

    w = Layout(report)
    book = Workbook()
    overview = book.active
    assert overview is not None
    overview.title = w("sheet_overview")
    _overview(overview, report, w)
    _results(book.create_sheet(w("sheet_results")), report, w)
    _changes(book.create_sheet(w("sheet_changes")), report, w)
    _adjustments(book.create_sheet(w("sheet_adjustment_candidates")), report, w)
    _detail(book.create_sheet(w("sheet_detail")), report, w)
    book.properties.title = neutralise(report["title"])
    book.properties.creator = f"pledgetrack {_core.__version__}"
    for sheet in book.worksheets:
        _fit_columns(sheet)
    return book


# -- sheets ----------------------------------------------------------------------


def _overview(ws: Worksheet, report: Mapping[str, Any], w: Layout) -> None:
    o = report["overview"]
    put = _Writer(ws)
    put.title(report["title"])
    put.row([_Data(report["subtitle"])])
    put.blank()
    put.title(o["title"], size=12)
    as_of = _dt.date.fromisoformat(o["as_of"]) if o["as_of"] else None
    period = o["period"]["text"] if o.get("period") else None
    for key, value in (
        ("district", _Data(o["district"])),
        ("term", o["term_text"] or None),
        ("as_of", as_of),
        ("period", period),
        ("scope", o["scope_text"]),
        ("fields", o["fields"]),
        ("pledges", o["pledges"]),
        ("projects", o["projects"]),
        ("out_of_scope", o["out_of_scope"]),
    ):
        put.row([w(key), value], bold_first=True)
    put.blank()
    t = o["field_by_bureau"]
    put.header([w("field"), w("total"), *(_Data(_group(c, w.lang)) for c in t["column_labels"])])
    put.row([w("sum"), t["total"], *t["column_totals"]], bold=True, number_format=_COUNT_FORMAT)
    for label, total, cells in zip(t["row_labels"], t["row_totals"], t["cells"]):
        put.row([_Data(_group(label, w.lang)), total, *cells], bold_first=True, number_format=_COUNT_FORMAT)


def _results(ws: Worksheet, report: Mapping[str, Any], w: Layout) -> None:
    r = report["results"]
    h = r["headline"]
    t = r["status_table"]
    put = _Writer(ws)
    put.title(r["title"])
    put.row([h["text"]])
    put.blank()

    # The headline: the rates as counts, the exact percent, the text shown.
    put.header(["", w("numerator"), w("denominator"), w("percent"), w("shown")])
    put.row([report["criteria"]["rate_name"], *_rate_cells(h["rate"])], bold_first=True)
    if h.get("previous"):
        put.row([h["previous_text"], *_rate_cells(h["previous"])], bold_first=True)
    if h.get("change"):
        put.row([w("change"), None, None, h["change"]["points"], h["change"]["text"]], bold_first=True)
    put.blank()

    # The status table: counts, the shares shown (by the named rule) and the exact shares.
    put.header([w("status_heading"), w("sum"), *(c["label"] for c in t["columns"])])
    put.row([w("count_row"), t["total"], *(c["count"] for c in t["columns"])], bold_first=True)
    if t["total"]:
        # The shares shown, as numbers displayed with the table's decimals: 67.3 shows as 67.3%.
        shown = '0.' + '0' * t["decimals"] + '"%"' if t["decimals"] > 0 else '0"%"'
        put.row([w("share_row"), 100, *(c["shown"] for c in t["columns"])], bold_first=True,
                number_format=shown)
        ws.cell(row=put.next_row - 1, column=2).number_format = '0"%"'
        put.row(
            [w("share_exact_row"), 100, *(c["percent"] for c in t["columns"])],
            bold_first=True,
            number_format=_PERCENT_FORMAT,
        )
    put.row([f"※ {t['share_rule_text']}"])
    put.row([w("criteria_prefix") + report["criteria"]["text"]])
    for c in t["columns"]:
        for d in c["definitions"]:
            put.row([f"{d['label']}{w.sep}{d['text']}"])
    put.blank()

    # The rate of each field, with its counts by status.
    statuses = [s.name.lower() for s in Status]
    put.title(w("by_field"), size=12)
    put.header(
        [
            w("fields"),
            w("projects"),
            *(_status_label(s, w.lang) for s in statuses),
            w("numerator"),
            w("denominator"),
            w("percent"),
            w("shown"),
        ]
    )
    for f in report["detail"]["fields"]:
        counts = [f["counts"].get(s, 0) for s in statuses]
        put.row([_Data(_group(f["field"], w.lang)), sum(counts), *counts, *_rate_cells(f["rate"])], bold_first=True)


def _changes(ws: Worksheet, report: Mapping[str, Any], w: Layout) -> None:
    c = report.get("changes")
    put = _Writer(ws)
    if c is None:
        put.title(w("sheet_changes"))
        put.row([w("no_previous")])
        return
    put.title(c["title"])
    put.blank()
    put.header([w(k) for k in ("group", "id", "title", "from", "to", "move", "regression")])
    groups = w["change_groups"]
    for g in groups:
        for t in g["projects"]:
            put.row(
                [g["text"], _Data(t["id"]), _Data(t["title"]), t["from_label"] or None, t["to_label"] or None,
                 t["text"], bool(t["regression"])]
            )
    put.blank()
    put.row([w("no_changes") if not groups else w["unchanged_text"]])


def _adjustments(ws: Worksheet, report: Mapping[str, Any], w: Layout) -> None:
    a = report["adjustment_candidates"]
    put = _Writer(ws)
    put.title(a["title"])
    put.blank()
    if not a["projects"]:
        put.row([w("none")])
        return
    put.header(
        [w(k) for k in ("number", "id", "fields", "pledge", "title", "department", "status", "reason",
                                 "by_status", "by_reason")]
    )
    for n, p in enumerate(a["projects"], start=1):
        reasons = [line.strip() for line in p["reason"].splitlines() if line.strip()]
        reason = _Data("\n".join(reasons)) if reasons else _core.missing_reason_text(p["status"], w.lang)
        put.row(
            [n, _Data(p["id"]), _Data(p["field"]), _Data(p["pledge"]), _Data(p["title"]), _Data(p["department"]),
             p["status_label"], reason, bool(p["by_status"]), bool(p["by_reason"])],
            wrap={7},
        )


def _detail(ws: Worksheet, report: Mapping[str, Any], w: Layout) -> None:
    d = report["detail"]
    put = _Writer(ws)
    put.title(d["title"])
    put.blank()
    header_row = put.header(
        [w(k) for k in ("fields", "id", "pledge", "title", "department", "bureau", "status", "raw_status")]
    )
    for f in d["fields"]:
        for p in f["projects"]:
            put.row(
                [_Data(_group(f["field"], w.lang)), _Data(p["id"]), _Data(p["pledge"]), _Data(p["title"]),
                 _Data(p["department"]), _Data(p["bureau"]), p["status_label"], _Data(p["raw_status"])]
            )
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if put.next_row > header_row + 1:
        ws.auto_filter.ref = f"A{header_row}:H{put.next_row - 1}"


# -- cells -------------------------------------------------------------------------


class _Writer:
    """Appends rows to a sheet, typing each cell: numbers, dates and booleans as they
    are, text always as text (never a formula), text from data neutralised."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.next_row = 1

    def title(self, text: str, *, size: int = 14) -> None:
        from openpyxl.styles import Font

        self.row([text])
        self.ws.cell(row=self.next_row - 1, column=1).font = Font(bold=True, size=size)

    def blank(self) -> None:
        self.next_row += 1

    def header(self, cells: Sequence[object]) -> int:
        from openpyxl.styles import Font, PatternFill

        row = self.row(cells, bold=True)
        for column in range(1, len(cells) + 1):
            self.ws.cell(row=row, column=column).fill = PatternFill("solid", start_color="F0F2F5")
            self.ws.cell(row=row, column=column).font = Font(bold=True)
        return row

    def row(
        self,
        cells: Sequence[object],
        *,
        bold: bool = False,
        bold_first: bool = False,
        number_format: str | None = None,
        wrap: set[int] | frozenset[int] = frozenset(),
    ) -> int:
        from openpyxl.styles import Alignment, Font

        row = self.next_row
        for i, value in enumerate(cells):
            cell = self.ws.cell(row=row, column=i + 1)
            if isinstance(value, str):
                cell.value = neutralise(value) if isinstance(value, _Data) else _clean(value)
                cell.data_type = "s"  # text is text: never a formula, whatever it starts with
            elif isinstance(value, _dt.date):
                cell.value = value
                cell.number_format = _DATE_FORMAT
            else:
                cell.value = value  # int, float, bool or None
                if number_format and isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.number_format = number_format
            if bold or (bold_first and i == 0):
                cell.font = Font(bold=True)
            if i in wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.next_row += 1
        return row


def _rate_cells(rate: Mapping[str, Any]) -> list[object]:
    """Numerator, denominator, exact percent (a number; empty without a value), text shown."""
    numerator = rate["numerator"]
    if isinstance(numerator, Mapping):  # a weighted score: the numerator is itself a fraction
        numerator = numerator["numerator"] / numerator["denominator"]
    return [numerator, rate["denominator"], rate["percent"], rate["text"]]


def _fit_columns(ws: Worksheet) -> None:
    """Column widths from the widest cell (Hangul counts double), long titles and one-line
    notes in column A excepted."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        cells = [c for c in row if c.value is not None]
        if len(cells) == 1 and cells[0].column == 1 and isinstance(cells[0].value, str):
            continue  # a title or a note on its own line: let it overflow to the right
        for cell in cells:
            text = cell.value.isoformat() if isinstance(cell.value, _dt.date) else str(cell.value)
            longest = max((_core.display_width(line) for line in text.splitlines()), default=0)
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(_MAX_WIDTH, max(6, width + 2))


def _illegal(ch: str) -> bool:
    """Control characters XML 1.0 (and so XLSX) cannot hold."""
    code = ord(ch)
    return (code < 0x20 and ch not in "\t\n\r") or code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF


def _clean(text: str) -> str:
    return "".join("\ufffd" if _illegal(ch) else ch for ch in text)


def _status_label(name: str, lang: str) -> str:
    status = Status[name.upper()]
    return status.label_ko if lang == "ko" else status.label_en


def _group(key: str, lang: str) -> str:
    return _core.group_text(key, lang)

