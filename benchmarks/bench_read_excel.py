"""How long reading a workbook takes, and how much of it is ours rather than openpyxl's.

    python benchmarks/bench_read_excel.py [ROWS] [REPEATS]     # default 10000 rows, best of 5

Writes a workbook shaped as governments publish them (a title row, a two-row header whose
추진상황 spans one column per status, field and pledge names merged over their projects,
Korean text), then times, best of REPEATS:

- openpyxl alone: ``load_workbook`` (normal mode: read-only mode does not see merged cells);
- ours: turning the loaded sheet into cells (``pledgetrack._excel``: values as the sheet
  shows them, merged ranges filled) and the C++ reader over those cells (``read_table``);
- the whole ``pt.read_excel``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import openpyxl

import pledgetrack as pt
from pledgetrack import _core, _excel

STATUSES = ["완료", "정상추진", "일부추진"]


def make_workbook(path: Path, rows: int) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "2024상반기"
    ws.append(["○○시 민선8기 공약 추진상황 (2024. 6. 30. 기준)"])
    ws.append(["자치단체", "기준일자", "관리번호", "분야", "공약명", "세부사업", "주관부서", "추진상황", None, None, "추진율"])
    ws.append([None] * 7 + STATUSES + [None])
    r = 4
    for n in range(rows):
        field, pledge, project = n // 500 + 1, n // 5 + 1, n % 5 + 1
        marks = [None, None, None]
        marks[n % 3] = "○"
        ws.append(["○○시", "2024-06-30", f"{field}-{pledge}-{project}", f"분야 {field}", f"공약 {pledge}의 이름",
                   f"단위사업 {n}의 제목: 주민과 함께하는 사업", "기획예산과", *marks, (n * 7) % 101])
        if project == 1 and n + 4 < rows:  # the pledge's name and field merged over its five projects
            ws.merge_cells(start_row=r, start_column=5, end_row=r + 4, end_column=5)
            ws.merge_cells(start_row=r, start_column=4, end_row=r + 4, end_column=4)
        r += 1
    ws.merge_cells("A1:K1")
    ws.merge_cells("H2:J2")
    book.save(path)


def best(repeats: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "table.xlsx"
        make_workbook(path, rows)
        load, book = best(repeats, lambda: openpyxl.load_workbook(path, data_only=True))
        ws = book.active  # type: ignore[attr-defined]
        to_cells, cells = best(repeats, lambda: _excel.cells_of(ws))
        reader, snaps = best(repeats, lambda: _core.read_table(cells, str(path), ws.title))
        whole, snap = best(repeats, lambda: pt.read_excel(path))
        assert len(snap) == rows, len(snap)
        ours = to_cells + reader
        print(f"{rows} rows, {path.stat().st_size / 1e6:.2f} MB, best of {repeats}")
        print(f"  openpyxl load_workbook          {load * 1000:8.1f} ms")
        print(f"  cells from the sheet (ours)     {to_cells * 1000:8.1f} ms")
        print(f"  C++ reader over the cells       {reader * 1000:8.1f} ms")
        print(f"  ours in all                     {ours * 1000:8.1f} ms")
        print(f"  pt.read_excel, whole            {whole * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
