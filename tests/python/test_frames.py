"""pandas: Snapshot.to_frame and Snapshot.from_frame."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

import pledgetrack as pt
from pledgetrack import Status

COLUMNS = [
    "district",
    "term",
    "as_of",
    "id",
    "field",
    "pledge",
    "project",
    "department",
    "bureau",
    "status",
    "raw_status",
    "progress",
    "due",
    "note",
    "scope",
    "adjustment",
]


def test_to_frame_has_one_row_per_project_in_the_file_formats_columns(q1):
    frame = q1.to_frame()
    assert list(frame.columns) == COLUMNS
    assert len(frame) == 49
    assert frame["id"].iloc[0] == "1-1-1"
    assert frame["id"].iloc[-1] == "5-3-2"
    assert set(frame["district"]) == {"광주광역시 서구"}
    assert set(frame["term"]) == {8}
    assert set(frame["as_of"]) == {dt.date(2024, 3, 31)}
    row = frame.set_index("id").loc["4-1-2"]
    assert (row["status"], row["raw_status"], row["department"]) == (Status.LAGGING, "일 부 추 진", "기후환경과")
    assert math.isnan(row["progress"])


def test_the_status_column_is_an_ordered_categorical_in_kmc_order(q1):
    status = q1.to_frame()["status"]
    assert isinstance(status.dtype, pd.CategoricalDtype)
    assert status.cat.ordered
    assert list(status.cat.categories) == list(Status)
    counts = status.value_counts(sort=False)
    assert counts.tolist() == [1, 32, 15, 1, 0, 0, 0]


@pytest.mark.parametrize("which", [0, 1])
def test_from_frame_reads_to_frame_back(example, which):
    snap = example[which]
    assert pt.Snapshot.from_frame(snap.to_frame()) == snap


def test_from_frame_reads_a_frame_of_the_csv_file(example_dir, q1):
    # pandas reads the file as text; labels, '민선8기' and the date text are read by the core.
    frame = pd.read_csv(example_dir / "2024-03-31.csv", encoding="utf-8-sig")
    assert pt.Snapshot.from_frame(frame) == q1


def test_from_frame_takes_progress_extra_columns_and_arguments():
    frame = pd.DataFrame(
        {
            "id": ["1-1", "1-②"],
            "title": ["가", "나"],
            "status": ["정 상 추 진", Status.COMPLETED],
            "progress": [37.5, float("nan")],
            "예산": ["100", None],
        }
    )
    snap = pt.Snapshot.from_frame(frame, district="서구", term=8, as_of="2024-03-31")
    assert (snap.district, snap.term, snap.as_of) == ("서구", 8, dt.date(2024, 3, 31))
    assert snap["1-1"].progress == 37.5
    assert snap["1-2"].progress is None
    assert snap["1-1"].raw_status == "정 상 추 진"
    assert snap["1-2"].status is Status.COMPLETED
    assert snap["1-1"].extra == {"예산": "100"}
    assert snap["1-2"].extra == {"예산": ""}


def test_from_frame_refuses_a_frame_of_several_snapshots(example):
    both = pd.concat([s.to_frame() for s in example])
    with pytest.raises(pt.PledgeError, match=r"column 'as_of' holds several values \(2023-12-31, 2024-03-31\)"):
        pt.Snapshot.from_frame(both)


def test_from_frame_needs_id_project_and_status():
    with pytest.raises(pt.PledgeError, match=r"missing required column 'status'"):
        pt.Snapshot.from_frame(pd.DataFrame({"id": ["1-1"], "project": ["가"]}), district="서구", term=8, as_of="2024-03-31")
    with pytest.raises(pt.PledgeError, match=r"no district, as_of"):
        pt.Snapshot.from_frame(pd.DataFrame({"id": ["1-1"], "project": ["가"], "status": ["완료"]}), term=8)
