"""Pickling and copying of every value type (for multiprocessing and Dask)."""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import multiprocessing
import pickle
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pledgetrack as pt
from pledgetrack import Criteria, Status


def values(q1):
    return {
        "snapshot": q1,
        "project": q1["4-1-2"],
        "project with everything": pt.Project(
            "III-①-1",
            "제목, \"따옴표\"",
            "보류",
            field="분야",
            progress=Fraction(1, 3),
            due="in_term",
            scope="removed",
            note="비고",
            adjustment="사유",
            extra={"a": "1", "b": ""},
        ),
        "rate": q1.completion_rate(),
        "weighted rate": pt.Rate(Fraction(163, 4), 49, rounding="truncate", decimals=2, unmeasured=3),
        "kmc": Criteria.kmc(),
        "custom criteria": Criteria(
            weights={Status.ON_TRACK: Fraction(1, 3)}, excluded=[Status.NOT_DUE], basis="project", name="w", name_ko="가중"
        ),
        "status": Status.LAGGING,
        "term": pt.Term(8, dt.date(2022, 7, 1), dt.date(2025, 1, 31)),
        "period": pt.Period(2024, "half", 2),
        "organization": _organization(),
    }


def _organization():
    org = pt.Organization([("건강증진과", "보건소"), ("일자리창업지원과", "문화경제국")])
    org.add_rename("일자리경제과", "일자리창업지원과")
    return org


NAMES = [
    "snapshot",
    "project",
    "project with everything",
    "rate",
    "weighted rate",
    "kmc",
    "custom criteria",
    "status",
    "term",
    "period",
    "organization",
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_pickle_round_trip(q1, name, protocol):
    value = values(q1)[name]
    back = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert type(back) is type(value)
    assert back == value


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("how", [copy.copy, copy.deepcopy])
def test_copy(q1, name, how):
    value = values(q1)[name]
    copied = how(value)
    assert type(copied) is type(value)
    assert copied == value


def test_a_pickled_snapshot_keeps_its_bureau_order_and_rate_its_criteria(q1):
    back = pickle.loads(pickle.dumps(q1))
    assert back.bureau_order == q1.bureau_order is not None
    rate = pickle.loads(pickle.dumps(q1.completion_rate(Criteria.implementation())))
    assert rate.criteria == Criteria.implementation()
    assert copy.deepcopy(q1.completion_rate()).criteria == Criteria.kmc()


def test_a_problem_pickles(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("district,as_of,id,project,status\n서구,2024-03-31,1-1,가,몰라\n", encoding="utf-8")
    (problem,) = pt.validate_csv(path)
    assert pickle.loads(pickle.dumps(problem)) == problem


def test_a_state_of_another_format_is_refused(q1):
    state = q1["4-2"].__getstate__()
    with pytest.raises(pt.PledgeError, match=r"cannot unpickle Project: state of another format"):
        pt.Project.__new__(pt.Project).__setstate__((99, state[1]))


def test_a_state_that_misses_a_field_is_refused_naming_the_counts(q1):
    # A Project has 14 fields (id … extra): a state of 13 is someone else's format.
    fmt, fields = q1["4-2"].__getstate__()
    assert len(fields) == 14
    assert fields[0] == "4-2" and fields[9] == "unknown" and fields[12] == "in"  # id as text, due and scope by name
    with pytest.raises(pt.PledgeError, match=r"cannot unpickle Project: a state of 13 parts, not 14"):
        pt.Project.__new__(pt.Project).__setstate__((fmt, fields[:13]))


def _rate_text(snapshot: pt.Snapshot) -> str:
    return str(snapshot.completion_rate())


def test_snapshots_travel_to_other_processes(example):
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        assert list(pool.map(_rate_text, example)) == ["65.3%", "67.3%"]


@given(
    title=st.text(),
    note=st.text(),
    progress=st.none() | st.fractions(min_value=0, max_value=100, max_denominator=10**6),
    extra=st.dictionaries(st.text(), st.text(), max_size=3),
)
def test_any_project_text_pickles_exactly(title, note, progress, extra):
    project = pt.Project("1-2-3", title, "정상추진", note=note, progress=progress, extra=extra)
    back = pickle.loads(pickle.dumps(project))
    assert back == project
    assert (back.title, back.note, back.extra) == (title, note, extra)
