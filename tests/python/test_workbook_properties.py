"""Property tests of the workbook layout logic (issue #15): a table of projects laid out in
any arrangement governments use — title rows above the header, a one- or two-row header
(추진상황 spanning one mark column per status), field and pledge cells merged or left
blank below their first row, subtotal rows after each field — reads to exactly the
projects it was made from; and a status cell spoiled anywhere fails with an error that
names the sheet and that cell.

The expected projects are the generator's own data, not the reader's output."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pledgetrack as pt

# Status labels as such tables print them, with the status each means (KMC criteria).
LABELS = {
    "완료": pt.Status.COMPLETED,
    "완 료": pt.Status.COMPLETED,
    "이행후계속추진": pt.Status.ONGOING,
    "정상추진": pt.Status.ON_TRACK,
    "정 상 추 진": pt.Status.ON_TRACK,
    "일부추진": pt.Status.LAGGING,
    "보류": pt.Status.ON_HOLD,
}
# The mark columns of a two-row header, one per status, in the order tables print them.
MARK_COLUMNS = [("완료", pt.Status.COMPLETED), ("정상추진", pt.Status.ON_TRACK), ("일부추진", pt.Status.LAGGING)]
FIELDS = ["활력 경제", "따뜻한 복지", "안전 도시"]
DEPARTMENTS = ["경제과", "복지과", "안전총괄과", "일자리과"]


@dataclass(frozen=True)
class Row:
    id: str
    field: str
    pledge: str
    title: str
    department: str
    label: str  # as printed (label form) or the status's mark column name (mark form)
    status: pt.Status


@dataclass(frozen=True)
class Layout:
    title_rows: int  # 0..3 lines of title above the header
    marks: bool  # a two-row header: 추진상황 over one mark column per status
    merged: bool  # field and pledge as merged ranges (else blank below their first row)
    blank_below: bool  # field and pledge written only on a group's first row
    subtotals: bool  # a 소계 row after each field


@st.composite
def tables(draw) -> tuple[list[Row], Layout]:
    marks = draw(st.booleans())
    rows: list[Row] = []
    for f in range(1, draw(st.integers(1, 3)) + 1):
        for p in range(1, draw(st.integers(1, 3)) + 1):
            pledge = f"{FIELDS[f - 1]} 공약 {p}"
            n = draw(st.integers(1, 3))
            for k in range(1, n + 1):
                if marks:
                    label, status = draw(st.sampled_from(MARK_COLUMNS))
                else:
                    label = draw(st.sampled_from(sorted(LABELS)))
                    status = LABELS[label]
                rows.append(
                    Row(
                        id=f"{f}-{p}" if n == 1 else f"{f}-{p}-{k}",
                        field=FIELDS[f - 1],
                        pledge=pledge,
                        title=f"{pledge} 사업 {k}",
                        department=draw(st.sampled_from(DEPARTMENTS)),
                        label=label,
                        status=status,
                    )
                )
    layout = Layout(
        title_rows=draw(st.integers(0, 3)),
        marks=marks,
        merged=draw(st.booleans()),
        blank_below=draw(st.booleans()),
        subtotals=draw(st.booleans()),
    )
    return rows, layout


def write_workbook(path: Path, rows: list[Row], layout: Layout, spoil: int | None = None) -> dict[int, str]:
    """Writes the table; returns {index of a project row: its status cell's reference}.
    ``spoil``: the project row whose status cell gets a word no table uses."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "추진현황"
    r = 1
    for i in range(layout.title_rows):
        ws.cell(r, 1, "○○구 민선8기 공약 추진상황" if i == 0 else f"(단위: 건, 참고 {i})")
        r += 1
    fixed = ["분야", "관리번호", "공약명", "단위사업명", "주관부서"]
    if layout.marks:
        for c, name in enumerate(fixed, start=1):
            ws.cell(r, c, name)
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
        ws.cell(r, 6, "추진상황")
        ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=5 + len(MARK_COLUMNS))
        for c, (name, _) in enumerate(MARK_COLUMNS, start=6):
            ws.cell(r + 1, c, name)
        r += 2
    else:
        for c, name in enumerate([*fixed, "추진상황"], start=1):
            ws.cell(r, c, name)
        r += 1
    status_cells: dict[int, str] = {}
    group_start: dict[tuple[int, str], int] = {}  # (column, value) of the open merged run -> first row

    def close_run(column: int, value: str, last: int) -> None:
        first = group_start.pop((column, value), None)
        if layout.merged and first is not None and last > first:
            ws.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)

    for i, row in enumerate(rows):
        previous = rows[i - 1] if i else None
        new_field = previous is None or previous.field != row.field
        new_pledge = new_field or previous.pledge != row.pledge
        if new_field and previous is not None:
            close_run(1, previous.field, r - 1)
            close_run(3, previous.pledge, r - 1)
            if layout.subtotals:
                r = write_subtotal(ws, r, [x for x in rows if x.field == previous.field], layout)
        elif new_pledge and previous is not None:
            close_run(3, previous.pledge, r - 1)
        for column, value, first in ((1, row.field, new_field), (3, row.pledge, new_pledge)):
            if first:
                group_start[(column, value)] = r
            if first or not (layout.merged or layout.blank_below):
                ws.cell(r, column, value)
        ws.cell(r, 2, row.id)
        ws.cell(r, 4, row.title)
        ws.cell(r, 5, row.department)
        if layout.marks:
            column = 6 + [name for name, _ in MARK_COLUMNS].index(row.label)
            ws.cell(r, column, "없는상태" if spoil == i else "○")
            status_cells[i] = f"{openpyxl.utils.get_column_letter(column)}{r}"
        else:
            ws.cell(r, 6, "없는상태" if spoil == i else row.label)
            status_cells[i] = f"F{r}"
        r += 1
    close_run(1, rows[-1].field, r - 1)
    close_run(3, rows[-1].pledge, r - 1)
    if layout.subtotals:
        write_subtotal(ws, r, [x for x in rows if x.field == rows[-1].field], layout)
    book.save(path)
    return status_cells


def write_subtotal(ws, r: int, group: list[Row], layout: Layout) -> int:
    """A 소계 row with the group's counts, as the table prints them: per mark column, or in
    all under the label column. The word spans the first five columns as one merged range
    (merged layouts), or stands alone in the field's column."""
    ws.cell(r, 1, "소계")
    if layout.merged:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    if layout.marks:
        for c, (_, status) in enumerate(MARK_COLUMNS, start=6):
            ws.cell(r, c, sum(1 for x in group if x.status == status))
    else:
        ws.cell(r, 6, f"{len(group)}건")
    return r + 1


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(tables())
def test_any_arrangement_reads_to_the_projects_it_was_made_from(tmp_path_factory, table):
    rows, layout = table
    path = tmp_path_factory.mktemp("book") / "table.xlsx"
    write_workbook(path, rows, layout)
    snap = pt.read_excel(path, district="○○구", as_of="2024-06-30")
    assert [(p.id, p.field, p.pledge, p.title, p.department, p.status) for p in snap] == [
        (x.id, x.field, x.pledge, x.title, x.department, x.status) for x in rows
    ]
    assert snap.as_of == dt.date(2024, 6, 30)


@SETTINGS
@given(tables(), st.data())
def test_a_spoiled_status_cell_is_an_error_naming_the_sheet_and_the_cell(tmp_path_factory, table, data):
    rows, layout = table
    spoil = data.draw(st.integers(0, len(rows) - 1), label="spoiled row")
    path = tmp_path_factory.mktemp("book") / "table.xlsx"
    cells = write_workbook(path, rows, layout, spoil=spoil)
    with pytest.raises(pt.PledgeError) as caught:
        pt.read_excel(path, district="○○구", as_of="2024-06-30")
    message = str(caught.value)
    assert f"table.xlsx:추진현황!{cells[spoil]}" in message, message
    assert "없는상태" in message
    assert re.search(r"did you mean|known|unknown|status|mark", message)
