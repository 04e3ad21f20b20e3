"""Excel workbooks (.xlsx) as the C++ reader's table of cells.

Only what a spreadsheet knows and a CSV file does not is done here: choosing
the sheet, carrying a merged cell's value into every cell it covers, and
writing each cell's value as the text the sheet shows (a whole number without
``.0``, a percentage with ``%``, a date as ISO). Every rule of reading a
pledge table (the header below title rows, two-row headers, heading and total
rows, statuses, ids) is the C++ reader's, so a workbook and its CSV export read
the same, with the same messages, naming the sheet's cells (``2024Q1!F7``).
"""

from __future__ import annotations

import datetime as _dt
import os
from decimal import Decimal
from typing import IO, Any, Union

from ._core import PledgeError

__all__ = ["is_workbook", "sheet_rows"]

PathLike = Union[str, "os.PathLike[str]"]

# The first bytes of a zip archive (.xlsx) and of an OLE2 file (.xls).
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_workbook(path: PathLike | IO[bytes]) -> bool:
    """True when the file starts like a workbook (.xlsx, or the .xls the C++
    reader refuses with its own message), whatever its name."""
    if hasattr(path, "peek"):
        head = path.peek(8)[:8]  # type: ignore[union-attr]
    elif hasattr(path, "read"):
        return False
    else:
        try:
            with open(os.fsdecode(path), "rb") as f:
                head = f.read(8)
        except OSError:
            return False  # the reader says what is wrong with the path
    return head.startswith(_ZIP)


def sheet_rows(path: PathLike | IO[bytes], sheet: str | int | None) -> tuple[str, list[list[str]]]:
    """The sheet's name and its cells as text, row 1 first, merged ranges filled."""
    try:
        import openpyxl
    except ImportError as e:  # pragma: no cover - openpyxl is a dependency
        raise PledgeError("reading .xlsx needs openpyxl: pip install openpyxl") from e
    name = os.fsdecode(path) if not hasattr(path, "read") else str(getattr(path, "name", "<workbook>"))
    try:
        # Not read_only: a read-only sheet does not know its merged cells.
        # data_only: a formula's value as last computed, not its text.
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as e:  # openpyxl raises zipfile, KeyError and its own errors
        raise PledgeError(f"{name}: not a readable .xlsx workbook: {e}") from e
    try:
        ws = _choose_sheet(book, sheet, name)
        rows = [[_text(cell) for cell in row] for row in ws.iter_rows()]
        for merged in ws.merged_cells.ranges:
            value = rows[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                row = rows[r]
                for c in range(merged.min_col - 1, min(merged.max_col, len(row))):
                    row[c] = value
        return ws.title, rows
    finally:
        book.close()


def _choose_sheet(book: Any, sheet: str | int | None, name: str) -> Any:
    if sheet is None:
        visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
        return (visible or book.worksheets)[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(book.worksheets):
            return book.worksheets[sheet]
    elif isinstance(sheet, str) and sheet in book.sheetnames:
        return book[sheet]
    known = ", ".join(repr(n) for n in book.sheetnames)
    raise PledgeError(f"{name}: no sheet {sheet!r} (the workbook has {known})")


def _text(cell: Any) -> str:
    """A cell's value as the sheet shows it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        # repr is the shortest text that reads back as the same float
        # (74.4, not 74.40000000000001); Decimal keeps it exact from there.
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (cell.number_format or ""):
            return _plain(number * 100) + "%"
        return _plain(number)
    return str(value)


def _plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 12, 74.4, 0.125."""
    text = format(number.normalize(), "f")
    return text[:-2] if text.endswith(".0") else text
