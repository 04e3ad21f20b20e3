"""Snapshot and Project: the bundled example read as the seed report prints it."""

from __future__ import annotations

import datetime as dt

import pytest

import pledgetrack as pt
from pledgetrack import Status


def test_the_example_has_two_quarters_of_49_projects(example):
    assert [s.as_of for s in example] == [dt.date(2023, 12, 31), dt.date(2024, 3, 31)]
    assert [s.period for s in example] == ["2023Q4", "2024Q1"]
    for snap in example:
        assert isinstance(snap, pt.Snapshot)
        assert snap.district == "광주광역시 서구"
        assert snap.term == 8
        assert len(snap) == 49
        assert len(list(snap)) == 49
        assert len(snap.projects) == 49


def test_counts_of_2024_03_31_are_the_seeds(q1):
    # 49 projects: 완료 1, 이행후계속추진 32, 정상추진 15, 일부추진 1.
    assert q1.counts() == {
        Status.COMPLETED: 1,
        Status.ONGOING: 32,
        Status.ON_TRACK: 15,
        Status.LAGGING: 1,
        Status.ON_HOLD: 0,
        Status.DROPPED: 0,
        Status.NOT_DUE: 0,
    }
    assert list(q1.counts()) == list(Status)


def test_counts_of_2023_12_31_follow_from_the_seeds_changes(q4):
    # Reconstructed: 완료 1, 이행후계속추진 31, 정상추진 17, 일부추진 0.
    counts = q4.counts()
    assert (counts[Status.COMPLETED], counts[Status.ONGOING], counts[Status.ON_TRACK], counts[Status.LAGGING]) == (
        1,
        31,
        17,
        0,
    )


def test_the_projects_that_changed_are_the_seeds_three(q4, q1):
    changed = [p.id for p in q1 if p.status != q4[p.id].status]
    assert changed == ["2-4-1", "3-4-2", "4-1-2"]
    assert q4["4-1-2"].status is Status.ONGOING  # a regression from a complete status
    assert q1["4-1-2"].status is Status.LAGGING


def test_a_project_carries_every_column(q1):
    p = q1["4-1-2"]
    assert isinstance(p, pt.Project)
    assert p.id == "4-1-2"
    assert p.pledge_id == "4-1"
    assert p.field == "생태·안전"
    assert p.pledge == "기후위기 대응1번지 녹색서구 구현"
    assert p.title == "2045 탄소중립 가속화를 위한 무공해차 인프라 구축"
    assert p.department == "기후환경과"
    assert p.bureau == "환경교통국"
    assert p.status is Status.LAGGING
    assert p.raw_status == "일 부 추 진"
    assert p.progress is None
    assert p.due is None
    assert p.note == ""
    assert p.scope == "in"
    assert p.in_scope
    assert p.adjustment.endswith("공약 목표 조정 불가피")
    assert p.is_adjustment_candidate
    assert p.extra == {}


def test_the_adjustment_candidates_are_the_seeds_two(q4, q1):
    assert [p.id for p in q1 if p.is_adjustment_candidate] == ["4-1-2", "4-1-4"]
    assert [p.id for p in q4 if p.is_adjustment_candidate] == []


@pytest.mark.parametrize(
    ("spelling", "department"),
    [
        ("2-3-4", "경제과"),
        ("2-3-④", "경제과"),
        ("2-3 ③", "일자리창업지원과"),
        ("4-5. ③", "사고수습지원단"),
        ("(5-3-1)", "기획실"),
        ("4-2", "교통지도과"),
    ],
)
def test_projects_are_found_by_any_spelling_of_their_id(q1, spelling, department):
    assert spelling in q1
    assert q1[spelling].department == department
    assert q1.get(spelling).department == department


def test_a_missing_id_is_a_key_error_and_a_malformed_one_a_pledge_error(q1):
    with pytest.raises(KeyError, match=r"no project '9-9'"):
        q1["9-9"]
    # Any text is an id (kept as written when it is not numbered): '가나다' is merely absent.
    with pytest.raises(KeyError, match=r"no project '가나다'"):
        q1["가나다"]
    with pytest.raises(pt.PledgeError, match=r"project id longer than 48 bytes"):
        q1["가" * 17]
    assert "9-9" not in q1
    assert "가나다" not in q1
    assert q1.get("9-9") is None
    assert q1.get("9-9", "none") == "none"


def test_a_snapshot_is_built_from_projects():
    snap = pt.Snapshot(
        "테스트구",
        "민선 8기",
        "2024. 3. 31.",
        [pt.Project("1-1", "가", "정 상 추 진"), pt.Project("1-2", "나", Status.COMPLETED, progress=37.5)],
    )
    assert (snap.district, snap.term, snap.as_of, snap.period) == ("테스트구", 8, dt.date(2024, 3, 31), "2024Q1")
    assert snap["1-1"].status is Status.ON_TRACK
    assert snap["1-1"].raw_status == "정 상 추 진"  # a label given is kept as the raw label
    assert snap["1-2"].progress == 37.5
    assert snap.bureau_order is None


def test_a_duplicate_id_is_a_pledge_error():
    with pytest.raises(pt.PledgeError, match=r"duplicate project id '1-1'"):
        pt.Snapshot("테스트구", 8, dt.date(2024, 3, 31), [pt.Project("1-1", "가", "완료"), pt.Project("1-①", "나", "완료")])


def test_progress_outside_0_to_100_is_a_pledge_error():
    with pytest.raises(pt.PledgeError, match=r"progress of project '1-1' must lie in 0\.\.100, not 201/2"):
        pt.Snapshot("테스트구", 8, dt.date(2024, 3, 31), [pt.Project("1-1", "가", "완료", progress=100.5)])


def test_project_keywords_are_checked():
    p = pt.Project("1-1", "가", "완료", due="after_term", scope="removed", extra={"예산": "100"})
    assert (p.due, p.scope, p.in_scope, p.extra) == ("after_term", "removed", False, {"예산": "100"})
    with pytest.raises(pt.PledgeError, match=r"unknown due value .*'someday'"):
        pt.Project("1-1", "가", "완료", due="someday")
    with pytest.raises(pt.PledgeError, match=r"unknown scope .*'out'"):
        pt.Project("1-1", "가", "완료", scope="out")


def test_removed_projects_are_not_counted():
    snap = pt.Snapshot(
        "테스트구",
        8,
        dt.date(2024, 3, 31),
        [pt.Project("1-1", "가", "완료"), pt.Project("1-2", "나", "보류"), pt.Project("1-3", "다", "폐기", scope="removed")],
    )
    assert snap.counts()[Status.DROPPED] == 0
    # 보류 stays in the denominator; the removed project leaves it.
    rate = snap.completion_rate()
    assert (rate.numerator, rate.denominator, str(rate)) == (1, 2, "50.0%")


def test_snapshots_compare_by_content(q1, q4):
    assert q1 == pt.load_example()[1]
    assert q1 != q4
    with pytest.raises(TypeError):
        hash(q1)


def test_repr_names_district_term_date_and_size(q1):
    assert repr(q1) == 'Snapshot(district="광주광역시 서구", term=8, as_of=2024-03-31, projects=49)'
    assert repr(q1["4-2"]).startswith('Project(id="4-2", title="공영주차장 지속 확충을 통한 주차난 해소"')
    assert "status=Status.ON_TRACK" in repr(q1["4-2"])
