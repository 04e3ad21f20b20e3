"""Over time: pt.compare (the seed's 2023 Q4 -> 2024 Q1 changes), pt.History (rates by
quarter, runs, as-of queries, stuck projects), adjustments (공약조정), pace and the
end-of-term projection.

Every expected value is worked out by hand from the seed report and domain.md:
2023 Q4 = 32/49 complete (완료 1, 이행후계속추진 31, 정상추진 17), 2024 Q1 = 33/49 (완료 1,
이행후계속추진 32, 정상추진 15, 일부추진 1); 2-4-1 and 3-4-2 went 정상추진 -> 이행후계속추진,
4-1-2 went 이행후계속추진 -> 일부추진. (The 2023 Q4 snapshot is the reconstruction in the
example's SOURCE.md, an assumption.)
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from fractions import Fraction

import pandas as pd
import pytest

import pledgetrack as pt
from pledgetrack import Criteria, Status

Q4_DATE = dt.date(2023, 12, 31)
Q1_DATE = dt.date(2024, 3, 31)
TITLE_4_1_2 = "2045 탄소중립 가속화를 위한 무공해차 인프라 구축"  # as printed in the seed

# The 15 projects printed 정상추진 in 2024 Q1, in the report's order; all were 정상추진 in 2023 Q4 too.
ON_TRACK_BOTH = [
    "1-1-1", "2-3-3", "3-2-2", "4-1-1", "4-1-4", "4-1-5", "4-1-6", "4-2",
    "4-4-1", "4-5-3", "5-1-1", "5-1-2", "5-1-3", "5-2", "5-3-2",
]  # fmt: skip


@pytest.fixture(scope="module")
def delta(q4, q1) -> pt.Comparison:
    return pt.compare(q4, q1)


@pytest.fixture(scope="module")
def history(example) -> pt.History:
    return pt.History(example)


def ids(transitions):
    return [t.id for t in transitions]


def _renamed(snapshot: pt.Snapshot, district: str) -> pt.Snapshot:
    return pt.Snapshot(district, snapshot.term, snapshot.as_of, snapshot.projects)


# -- compare ----------------------------------------------------------------


class TestTheSeedComparison:
    def test_the_rate_goes_from_65_3_to_67_3_percent(self, delta):
        assert isinstance(delta, pt.Comparison)
        assert isinstance(delta.before_rate, pt.Rate)
        assert (delta.before_rate.numerator, delta.before_rate.denominator) == (32, 49)
        assert (delta.after_rate.numerator, delta.after_rate.denominator) == (33, 49)
        assert (str(delta.before_rate), str(delta.after_rate)) == ("65.3%", "67.3%")
        assert delta.before_rate.criteria == Criteria.kmc()

    def test_the_change_is_exactly_100_49_points_shown_as_plus_2_0_pp(self, delta):
        # 33/49 - 32/49 = 1/49 = 100/49 percentage points = 2.04…%p
        assert delta.rate_change_pp == Fraction(100, 49)
        assert isinstance(delta.rate_change_pp, Fraction)
        assert delta.rate_change_text == "+2.0%p"

    def test_2_4_1_and_3_4_2_are_newly_complete(self, delta):
        assert ids(delta.newly_complete) == ["2-4-1", "3-4-2"]
        for t in delta.newly_complete:
            assert (t.from_status, t.to_status) == (Status.ON_TRACK, Status.ONGOING)
            assert (t.kind, t.kind_ko) == ("newly_complete", "신규 완료")

    def test_4_1_2_is_a_regression_from_a_complete_status(self, delta):
        (t,) = delta.regressions
        assert (t.id, t.title) == ("4-1-2", TITLE_4_1_2)
        assert (t.from_status, t.to_status) == (Status.ONGOING, Status.LAGGING)
        assert (t.kind, t.kind_ko) == ("regression", "후퇴")

    def test_the_other_46_are_unchanged_and_nothing_was_added_or_removed(self, delta):
        assert len(delta.unchanged) == 46
        assert delta.improvements == delta.other_moves == delta.added == delta.removed == []
        assert len(delta.transitions) == 49
        assert ids(delta.transitions)[:3] == ["1-1-1", "1-1-2", "1-2"]  # the after snapshot's order
        assert delta.counts() == {
            "newly_complete": 2,
            "regression": 1,
            "improvement": 0,
            "other": 0,
            "added": 0,
            "removed": 0,
            "unchanged": 46,
        }
        assert delta.count("regression") == 1
        assert ids(delta.of_kind("newly_complete")) == ["2-4-1", "3-4-2"]

    def test_an_unknown_kind_is_an_error_naming_it(self, delta):
        with pytest.raises(pt.PledgeError, match="unknown transition kind.*'finished'"):
            delta.count("finished")

    def test_the_sides_are_the_snapshots_given(self, delta, q4, q1):
        assert delta.before == q4
        assert delta.after == q1
        assert delta.after.bureau_order == q1.bureau_order is not None
        assert delta.district == "광주광역시 서구"
        assert delta.criteria == Criteria.kmc()

    def test_the_repr_names_the_rates_and_the_counts(self, delta):
        text = repr(delta)
        assert text.startswith('Comparison(district="광주광역시 서구"')
        for part in ["2023-12-31", "2024-03-31", "Rate(32, 49)", "Rate(33, 49)", 'change="+2.0%p"',
                     "newly_complete=2", "regression=1", "unchanged=46"]:  # fmt: skip
            assert part in text
        assert repr(delta.regressions[0]).startswith('Transition(id="4-1-2", from=Status.ONGOING, to=Status.LAGGING')


class TestChangesBy:
    def test_by_field_in_percentage_points(self, delta):
        # before / after: 마을·자치 4/5, 4/5; 골목·경제 9/11, 10/11 (2-4-1); 사람·복지 10/12, 11/12 (3-4-2);
        # 생태·안전 8/15, 7/15 (4-1-2); 행복·문화 1/6, 1/6.
        frame = delta.changes_by("field")
        assert list(frame.columns) == [
            "group", "before", "after", "before_text", "after_text", "change_pp", "change_text",
        ]  # fmt: skip
        assert frame["group"].tolist() == ["마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화"]
        assert frame["before_text"].tolist() == ["80.0%", "81.8%", "83.3%", "53.3%", "16.7%"]
        assert frame["after_text"].tolist() == ["80.0%", "90.9%", "91.7%", "46.7%", "16.7%"]
        assert frame["change_pp"].tolist() == [0, Fraction(100, 11), Fraction(25, 3), Fraction(-20, 3), 0]
        assert frame["change_text"].tolist() == ["0.0%p", "+9.1%p", "+8.3%p", "-6.7%p", "0.0%p"]
        assert frame["before"].tolist() == pytest.approx([80, 900 / 11, 250 / 3, 160 / 3, 50 / 3])
        assert frame["after"].dtype == "float64"
        assert frame.columns.name == "분야"

    def test_by_bureau(self, delta):
        frame = delta.changes_by("bureau").set_index("group")
        # 문화경제국: 13 projects, 9 -> 10 complete (2-4-1); 통합복지국: 5, 3 -> 4 (3-4-2);
        # 환경교통국: 10, 2 -> 1 (4-1-2).
        assert frame.loc["문화경제국", "change_pp"] == Fraction(100, 13)
        assert frame.loc["문화경제국", "change_text"] == "+7.7%p"
        assert frame.loc["통합복지국", ["before_text", "after_text", "change_text"]].tolist() == ["60.0%", "80.0%", "+20.0%p"]
        assert frame.loc["환경교통국", ["before_text", "after_text", "change_text"]].tolist() == ["20.0%", "10.0%", "-10.0%p"]
        assert frame.loc["보건소", "change_text"] == "0.0%p"

    def test_a_group_on_one_side_only_has_no_change(self, q1):
        before = pt.Snapshot("서구", 8, Q4_DATE, [pt.Project("1-1", "가", "완료", field="가")])
        after = pt.Snapshot("서구", 8, Q1_DATE, [pt.Project("1-1", "가", "완료", field="나")])
        frame = pt.compare(before, after).changes_by("field")
        assert frame["group"].tolist() == ["나", "가"]
        assert frame["before_text"].tolist() == ["n/a", "100.0%"]
        assert frame["change_pp"].tolist() == [None, None]
        assert frame["change_text"].tolist() == ["n/a", "n/a"]
        assert pd.isna(frame["before"].iloc[0])


class TestFrames:
    def test_to_frame_has_one_row_per_transition(self, delta):
        frame = delta.to_frame()
        assert list(frame.columns) == [
            "id", "title", "field", "department", "bureau", "from_status", "to_status", "kind", "kind_ko",
        ]  # fmt: skip
        assert len(frame) == 49
        row = frame.set_index("id").loc["4-1-2"]
        assert (row["title"], row["field"], row["department"], row["bureau"]) == (
            TITLE_4_1_2, "생태·안전", "기후환경과", "환경교통국",
        )  # fmt: skip
        assert (row["from_status"], row["to_status"], row["kind"], row["kind_ko"]) == (
            Status.ONGOING, Status.LAGGING, "regression", "후퇴",
        )  # fmt: skip
        assert frame["kind"].value_counts().to_dict() == {"unchanged": 46, "newly_complete": 2, "regression": 1}
        assert frame["from_status"].cat.ordered and list(frame["to_status"].cat.categories) == list(Status)

    def test_status_counts_before_and_after(self, delta):
        frame = delta.status_counts()
        assert frame.index.name == "추진상황"
        assert frame.index.tolist() == ["완료", "이행후계속추진", "정상추진", "일부추진", "보류", "폐기", "기타", "계"]
        assert frame["before"].tolist() == [1, 31, 17, 0, 0, 0, 0, 49]
        assert frame["after"].tolist() == [1, 32, 15, 1, 0, 0, 0, 49]
        assert frame["change"].tolist() == [0, 1, -2, 1, 0, 0, 0, 0]

    def test_a_removed_project_takes_its_details_from_before(self, q1):
        projects = q1.projects
        after = pt.Snapshot(q1.district, 8, dt.date(2024, 6, 30), [*projects[:-1], pt.Project("6-1", "새 사업", "정상추진", field="새 분야")])
        delta = pt.compare(q1, after)
        assert ids(delta.added) == ["6-1"]
        assert ids(delta.removed) == ["5-3-2"]
        assert (delta.added[0].from_status, delta.added[0].to_status) == (None, Status.ON_TRACK)
        assert (delta.removed[0].from_status, delta.removed[0].to_status) == (Status.ON_TRACK, None)
        frame = delta.to_frame().set_index("id")
        assert frame.loc["5-3-2", "department"] == "일자리창업지원과"
        assert frame.loc["6-1", "field"] == "새 분야"
        assert pd.isna(frame.loc["6-1", "from_status"])
        assert ids(delta.transitions)[-2:] == ["6-1", "5-3-2"]  # the removed come last

    def test_a_project_removed_through_adjustment_counts_as_removed(self, q1):
        # Still listed, but scope 'removed' (공약조정): it leaves the denominator, so 33/48.
        after = pt.AdjustmentList([pt.Adjustment("4-1-2", "removed", Q1_DATE)]).apply(q1)
        delta = pt.compare(q1, after)
        assert ids(delta.removed) == ["4-1-2"]
        assert (delta.after_rate.numerator, delta.after_rate.denominator) == (33, 48)
        assert delta.rate_change_pp == Fraction(3300, 48) - Fraction(3300, 49)


class TestOptions:
    def test_the_criteria_decide_the_rate_and_the_kinds(self, q4, q1):
        # 이행률 counts 정상추진 too: 2023 Q4 49/49, 2024 Q1 48/49 (4-1-2 is 일부추진).
        delta = pt.compare(q4, q1, Criteria.implementation())
        assert (str(delta.before_rate), str(delta.after_rate)) == ("100.0%", "98.0%")
        assert delta.rate_change_pp == Fraction(-100, 49)
        assert delta.rate_change_text == "-2.0%p"
        assert delta.newly_complete == []
        assert ids(delta.improvements) == ["2-4-1", "3-4-2"]  # complete on both sides, up the order
        assert ids(delta.regressions) == ["4-1-2"]
        assert delta.before_rate.criteria == Criteria.implementation()

    def test_reversed_dates_are_refused_unless_allowed(self, q4, q1):
        with pytest.raises(pt.PledgeError, match=r"after \(2023-12-31\) is dated before .*\(2024-03-31\).*allow_reversed"):
            pt.compare(q1, q4)
        back = pt.compare(q1, q4, allow_reversed=True)
        assert back.rate_change_text == "-2.0%p"
        assert ids(back.newly_complete) == ["4-1-2"]
        assert ids(back.regressions) == ["2-4-1", "3-4-2"]

    def test_two_districts_are_refused_unless_allowed(self, q4, q1):
        other = _renamed(q1, "광주광역시 남구")
        with pytest.raises(pt.PledgeError, match="different districts: '광주광역시 서구'.*'광주광역시 남구'"):
            pt.compare(q4, other)
        benchmark = pt.compare(q4, other, allow_different_districts=True)
        assert benchmark.rate_change_text == "+2.0%p"
        assert "before_district=\"광주광역시 서구\"" in repr(benchmark)

    def test_comparison_takes_the_same_arguments(self, q4, q1, delta):
        assert pt.Comparison(q4, q1) == delta
        assert pt.Comparison(q4, q1, Criteria.implementation()) != delta

    def test_only_snapshots_are_compared(self, q1):
        with pytest.raises(TypeError, match=r"^compare\(\): 'before' takes a pledgetrack.Snapshot, not str$"):
            pt.compare("2023-12-31.csv", q1)


# -- History ----------------------------------------------------------------


class TestHistory:
    def test_the_snapshots_in_date_order(self, example, q4, q1):
        h = pt.History(reversed(example))
        assert len(h) == 2
        assert h.snapshots == [q4, q1]
        assert (h.first, h.latest, h[-1]) == (q4, q1, q1)
        assert list(h) == [q4, q1]
        assert h.periods == ["2023Q4", "2024Q1"]
        assert h.district == "광주광역시 서구"
        assert h.latest.bureau_order == q1.bureau_order is not None
        assert repr(h) == 'History(district="광주광역시 서구", snapshots=2, first=2023-12-31, latest=2024-03-31)'

    def test_rates_by_period(self, history):
        frame = history.rates()
        assert frame.index.name == "period"
        assert frame.index.tolist() == ["2023Q4", "2024Q1"]
        assert list(frame.columns) == ["as_of", "numerator", "denominator", "percent", "text"]
        assert frame["as_of"].tolist() == [Q4_DATE, Q1_DATE]
        assert frame["numerator"].tolist() == [32, 33]
        assert frame["denominator"].tolist() == [49, 49]
        assert frame["percent"].tolist() == pytest.approx([3200 / 49, 3300 / 49])
        assert frame["text"].tolist() == ["65.3%", "67.3%"]

    def test_rates_under_other_criteria(self, history):
        # 이행률: (완료 + 이행후계속추진 + 정상추진) / 49 = 49/49, then 48/49.
        assert history.rates(Criteria.implementation())["text"].tolist() == ["100.0%", "98.0%"]

    @pytest.mark.parametrize(
        ("when", "expected"),
        [
            (dt.date(2023, 12, 30), None),  # before the first report: no guess
            (Q4_DATE, Status.ONGOING),
            (dt.date(2024, 2, 15), Status.ONGOING),  # the 2023-12-31 report still holds
            (Q1_DATE, Status.LAGGING),
            ("2024. 3. 31.", Status.LAGGING),
            (dt.date(2030, 1, 1), Status.LAGGING),
        ],
    )
    def test_status_at(self, history, when, expected):
        assert history.status_at("4-1-2", when) is expected

    def test_status_at_of_a_project_not_listed_is_none(self, history):
        assert history.status_at("9-9", Q1_DATE) is None
        with pytest.raises(pt.PledgeError):
            history.status_at("", Q1_DATE)

    def test_snapshot_at(self, history, q4, q1):
        assert history.snapshot_at(dt.date(2023, 12, 30)) is None
        assert history.snapshot_at(dt.date(2024, 1, 1)) == q4
        assert history.snapshot_at("2024-04-01") == q1
        assert history.snapshot_at(dt.date(2024, 1, 1)).bureau_order == q4.bureau_order

    def test_time_in_status(self, history):
        assert history.time_in_status("4-1-2", dt.date(2024, 4, 10)) == 10  # since the 2024-03-31 report
        assert history.time_in_status("1-2", Q1_DATE) == 91  # 이행후계속 since 2023-12-31
        assert history.time_in_status("4-1-2", dt.date(2023, 1, 1)) is None

    def test_timeline_of_a_regression(self, history):
        frame = history.timeline("4-1-2")
        assert list(frame.columns) == ["status", "raw_status", "first_seen", "last_seen", "ended", "snapshots"]
        assert frame["status"].tolist() == [Status.ONGOING, Status.LAGGING]
        assert frame["raw_status"].tolist() == ["이행후계속추진", "일 부 추 진"]  # as written in each file
        assert frame["first_seen"].tolist() == [Q4_DATE, Q1_DATE]
        assert frame["last_seen"].tolist() == [Q4_DATE, Q1_DATE]
        assert frame["ended"].tolist() == [Q1_DATE, None]
        assert frame["snapshots"].tolist() == [1, 1]

    def test_timeline_of_an_unchanged_project_is_one_run(self, history):
        frame = history.timeline("1-2")
        assert frame[["first_seen", "last_seen", "snapshots"]].values.tolist() == [[Q4_DATE, Q1_DATE, 2]]
        assert frame["ended"].tolist() == [None]
        assert history.timeline("9-9").empty

    def test_stuck(self, history):
        two = history.stuck(2)
        assert list(two.columns) == ["id", "title", "status", "snapshots", "since"]
        assert two["id"].tolist() == ON_TRACK_BOTH
        assert set(two["status"]) == {Status.ON_TRACK}
        assert set(two["snapshots"]) == {2}
        assert set(two["since"]) == {Q4_DATE}
        one = history.stuck(1)
        assert len(one) == 16  # and 4-1-2, 일부추진 since 2024-03-31
        assert one.set_index("id").loc["4-1-2", "since"] == Q1_DATE
        assert history.stuck(3).empty
        with pytest.raises(pt.PledgeError, match="at least 1, not 0"):
            history.stuck(0)

    def test_one_district_and_one_snapshot_a_date(self, q4, q1):
        with pytest.raises(pt.PledgeError, match="one district: '광주광역시 남구'"):
            pt.History([q4, _renamed(q1, "광주광역시 남구")])
        with pytest.raises(pt.PledgeError, match="two snapshots of 광주광역시 서구 as of 2024-03-31"):
            pt.History([q1, q1])

    def test_an_empty_history(self):
        h = pt.History()
        assert len(h) == 0 and h.district == ""
        assert h.rates().empty
        with pytest.raises(pt.PledgeError, match="empty history has no latest"):
            h.latest
        with pytest.raises(pt.PledgeError, match="at least two snapshots"):
            h.project_end_of_term()

    def test_html(self, history):
        html = history._repr_html_()
        for text in ["광주광역시 서구", "2023Q4", "2024Q1", "65.3%", "67.3%", "+2.0%p", "32/49", "33/49", "공약이행완료율"]:
            assert text in html


# -- adjustments, pace, projection -------------------------------------------


class TestAdjustments:
    def test_a_removal_moves_the_rate_from_its_date_on_only(self, history):
        adj = pt.AdjustmentList([pt.Adjustment("4-1-2", "removed", dt.date(2024, 6, 30), approved_by="주민배심원단")])
        assert str(history.rate_at(Q1_DATE, adjustments=adj)) == "67.3%"  # 33/49: not yet in force
        later = history.rate_at(dt.date(2024, 6, 30), adjustments=adj)
        assert (later.numerator, later.denominator) == (33, 48)  # 4-1-2 (일부추진) left the denominator
        assert str(later) == "68.8%"  # 68.75, half up
        assert (history.rate_at(dt.date(2024, 1, 15)).numerator, history.rate_at(dt.date(2024, 1, 15)).denominator) == (32, 49)
        with pytest.raises(pt.PledgeError, match="on or before 2023-12-30 .*first is as of 2023-12-31"):
            history.rate_at(dt.date(2023, 12, 30))

    def test_a_list_of_adjustments_is_accepted_too(self, history):
        merged = [pt.Adjustment("4-1-4", "merged", Q1_DATE, merged_into="4-1-1", reason="국비 축소")]
        rate = history.rate_at(Q1_DATE, Criteria.kmc(), merged)
        assert (rate.numerator, rate.denominator) == (33, 48)

    def test_apply_and_renames(self, q1):
        adj = pt.AdjustmentList()
        adj.add(pt.Adjustment("5-2", "renamed", dt.date(2024, 1, 1), new_title="걷기 좋은 길"))
        adj.add(pt.Adjustment("4-1-2", "removed", dt.date(2024, 6, 30)))
        assert len(adj) == 2 and [a.id for a in adj] == ["5-2", "4-1-2"]
        assert [a.id for a in adj.in_force(Q1_DATE)] == ["5-2"]
        now = adj.apply(q1)
        assert now["5-2"].title == "걷기 좋은 길"
        assert now["4-1-2"].scope == "in"
        assert now.bureau_order == q1.bureau_order
        assert adj.apply(q1, "2024-07-01")["4-1-2"].scope == "removed"

    def test_an_adjustment_reads_back(self):
        a = pt.Adjustment("4-1-4", "merged", Q1_DATE, merged_into="4-1-1", approved_by="주민배심원단", reason="국비 축소")
        assert (a.id, a.kind, a.kind_ko, a.effective, a.merged_into) == ("4-1-4", "merged", "통합", Q1_DATE, "4-1-1")
        assert (a.approved_by, a.reason, a.new_title) == ("주민배심원단", "국비 축소", "")
        assert repr(a).startswith('Adjustment(id="4-1-4", k=merged, effective=2024-03-31, merged_into="4-1-1"')

    def test_an_adjustment_takes_its_date_as_text_too(self):
        for text in ("2024-06-30", "2024.6.30", "2024. 6. 30.", "20240630"):
            assert pt.Adjustment("4-1-2", "removed", text).effective == dt.date(2024, 6, 30)
        with pytest.raises(pt.PledgeError, match=r"impossible date: '2024-02-30'"):
            pt.Adjustment("4-1-2", "removed", "2024-02-30")
        with pytest.raises(pt.PledgeError, match=r"'다음 분기'"):
            pt.Adjustment("4-1-2", "removed", "다음 분기")

    @pytest.mark.parametrize(
        ("adjustment", "message"),
        [
            (pt.Adjustment("4-1-4", "merged", Q1_DATE), "is a merge but names no project"),
            (pt.Adjustment("4-1-4", "merged", Q1_DATE, merged_into="4-1-4"), "merges the project into itself"),
            (pt.Adjustment("5-2", "renamed", Q1_DATE), "is a rename but gives no new title"),
        ],
    )
    def test_an_incomplete_adjustment_is_refused_naming_it(self, adjustment, message):
        with pytest.raises(pt.PledgeError, match=f"adjustment of project '{adjustment.id}' {message}"):
            pt.AdjustmentList([adjustment])

    def test_an_unknown_kind_is_refused(self):
        with pytest.raises(pt.PledgeError, match="unknown adjustment kind.*'deleted'"):
            pt.Adjustment("4-1-4", "deleted", Q1_DATE)


class TestPace:
    def test_80_percent_needs_7_more_in_9_quarters(self, q1):
        # 80% of 49 = 39.2 -> 40 projects; 33 done -> 7 more; 2024Q2 .. 2026Q2 = 9 quarters.
        pace = pt.required_pace(q1, 80)
        assert isinstance(pace, pt.Pace)
        assert (pace.projects_needed, pace.quarters_left, pace.per_quarter) == (7, 9, Fraction(7, 9))
        assert pace.target_percent == 80
        assert str(pace.current) == "67.3%" and isinstance(pace.current, pt.Rate)
        assert pace.as_of == Q1_DATE
        assert not pace.target_met and pace.message == ""
        assert pt.required_pace(q1, 80.0, term="민선8기") == pace
        assert pt.required_pace(q1, Fraction(80), term=pt.Term.elected(8), criteria=Criteria.kmc()) == pace

    def test_a_target_already_met(self, q1):
        pace = pt.required_pace(q1, 60)  # 60% of 49 = 29.4 <= 33
        assert pace.target_met and pace.projects_needed == 0
        assert pace.per_quarter == 0
        assert "already met" in pace.message

    def test_a_target_outside_0_100_is_refused(self, q1):
        with pytest.raises(pt.PledgeError, match="0..100 percent, not 101"):
            pt.required_pace(q1, 101)

    def test_html(self, q1):
        html = pt.required_pace(q1, 80)._repr_html_()
        for text in ["80.0%", "67.3%", "공약이행완료율", "2024-03-31"]:
            assert text in html


class TestProjection:
    def test_a_straight_line_to_the_end_of_the_term(self, history):
        # 3200/49 % at 2023-12-31, 3300/49 % at 2024-03-31 (91 days later); 821 days to 2026-06-30:
        # 3300/49 + 100/49 × 821/91 = 382400/4459 = 85.76 -> 85.8%.
        p = history.project_end_of_term()
        assert isinstance(p, pt.Projection)
        assert (p.from_date, p.to_date, p.term_end) == (Q4_DATE, Q1_DATE, dt.date(2026, 6, 30))
        assert (p.from_percent, p.to_percent) == (Fraction(3200, 49), Fraction(3300, 49))
        assert p.points_per_day == Fraction(100, 49 * 91)
        assert p.days_to_end == 821
        assert p.percent == Fraction(382400, 4459)
        assert (str(p), p.text) == ("85.8%", "85.8%")
        assert not p.clamped
        assert p.method == "linear: first-to-last snapshot"
        assert history.project_end_of_term(8) == p
        assert history.project_end_of_term(pt.Term.elected(8), Criteria.kmc()) == p


# -- pickling and copies ----------------------------------------------------


def _values(example, q1):
    h = pt.History(example)
    delta = pt.compare(*example)
    core_delta = delta._comparison
    return {
        "comparison": delta,
        "transition": delta.regressions[0],
        "added transition": pt.compare(q1, pt.Snapshot(q1.district, 8, dt.date(2024, 6, 30), [*q1.projects, pt.Project("6-1", "새", "완료")])).added[0],
        "group change": core_delta.changes_by("field")[1],
        "history": h,
        "dated rate": h._history.rates(Criteria.kmc())[0],
        "status run": h._history.timeline("4-1-2")[0],
        "stuck project": h._history.stuck(Criteria.kmc(), 2)[0],
        "adjustment": pt.Adjustment("4-1-4", "merged", Q1_DATE, merged_into="4-1-1", approved_by="주민배심원단", reason="사유"),
        "adjustment list": pt.AdjustmentList([pt.Adjustment("5-2", "renamed", Q1_DATE, new_title="새 이름")]),
        "pace": pt.required_pace(q1, 80),
        "projection": h.project_end_of_term(),
    }


NAMES = [
    "comparison", "transition", "added transition", "group change", "history", "dated rate",
    "status run", "stuck project", "adjustment", "adjustment list", "pace", "projection",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("how", ["pickle", "copy", "deepcopy"])
def test_values_pickle_and_copy(example, q1, name, how):
    value = _values(example, q1)[name]
    if how == "pickle":
        back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    else:
        back = getattr(copy, how)(value)
    assert type(back) is type(value)
    assert back == value


def test_a_pickled_comparison_keeps_its_figures_and_orders(delta):
    back = pickle.loads(pickle.dumps(delta))
    assert back.rate_change_text == "+2.0%p"
    assert ids(back.newly_complete) == ["2-4-1", "3-4-2"]
    assert back.after.bureau_order == delta.after.bureau_order is not None
    assert back.before_rate.criteria == Criteria.kmc()


def test_a_state_of_another_format_is_refused(delta):
    state = delta.regressions[0].__getstate__()
    with pytest.raises(pt.PledgeError, match=r"cannot unpickle Transition: state of another format"):
        pt.Transition.__new__(pt.Transition).__setstate__((99, state[1]))


# -- HTML -------------------------------------------------------------------


def test_comparison_html_is_compact_and_korean(delta):
    html = delta._repr_html_()
    for text in ["광주광역시 서구", "2023-12-31 (2023Q4)", "2024-03-31 (2024Q1)", "공약이행완료율", "65.3%", "67.3%",
                 "+2.0%p", "32/49", "33/49", "2-4-1", "3-4-2", "4-1-2", "신규 완료", "후퇴", "정상추진",
                 "이행후계속추진", "일부추진", "신규 완료 2 · 후퇴 1 · 변동없음 46"]:  # fmt: skip
        assert text in html
    assert "1-1-1" not in html  # unchanged projects are counted, not listed


def test_comparison_html_escapes_all_text():
    before = pt.Snapshot("<script>x</script>", 8, Q4_DATE, [pt.Project("1-1", "<b>제목</b>", "정상추진")])
    after = pt.Snapshot("<script>x</script>", 8, Q1_DATE, [pt.Project("1-1", "<b>제목</b>", "완료")])
    html = pt.compare(before, after, Criteria(name_ko="<i>기준</i>"))._repr_html_()
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    for escaped in ["&lt;script&gt;x&lt;/script&gt;", "&lt;b&gt;제목&lt;/b&gt;", "&lt;i&gt;기준&lt;/i&gt;"]:
        assert escaped in html

