"""Rates: the KMC completion rate and its kin, exactly, rounded only for display."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pledgetrack as pt
from pledgetrack import Criteria, Status

from conftest import SEED_BUREAUS, SEED_BUREAU_TOTALS, SEED_FIELD_BY_BUREAU, SEED_FIELD_TOTALS, SEED_FIELDS


def test_the_seeds_rate_is_33_of_49(q1):
    rate = q1.completion_rate()
    assert isinstance(rate, pt.Rate)
    assert (rate.numerator, rate.denominator) == (33, 49)
    assert type(rate.numerator) is int
    assert str(rate) == "67.3%"  # 67.35 rounded half up to one decimal … 67.3469…
    assert rate.percent_text == "67.3"
    assert rate.fraction == Fraction(3300, 49)
    assert rate.share == Fraction(33, 49)
    assert rate.percent == float(Fraction(3300, 49))
    assert rate.percent == pytest.approx(67.3469387755)
    assert rate.has_value
    assert rate.criteria == Criteria.kmc()


def test_the_previous_quarters_rate_is_32_of_49(q4):
    rate = q4.completion_rate()
    assert (rate.numerator, rate.denominator, str(rate)) == (32, 49, "65.3%")


def test_the_change_is_two_points(q4, q1):
    # +2.04 %p: the seed's "2.0%↑".
    assert q1.completion_rate().fraction - q4.completion_rate().fraction == Fraction(100, 49)


@pytest.mark.parametrize(
    ("criteria", "numerator", "denominator", "text", "name_ko"),
    [
        (Criteria.kmc(), 33, 49, "67.3%", "공약이행완료율"),
        (Criteria.implementation(), 48, 49, "98.0%", "이행률"),  # 1 + 32 + 15 = 48
        (Criteria.in_term(), 33, 49, "67.3%", "이행률(임기내)"),  # the seed gives no due dates
    ],
)
def test_presets_give_the_published_rates_under_their_names(q1, criteria, numerator, denominator, text, name_ko):
    rate = q1.completion_rate(criteria)
    assert (rate.numerator, rate.denominator, str(rate)) == (numerator, denominator, text)
    assert criteria.name_ko == name_ko


def test_kmc_counts_completed_and_ongoing():
    kmc = Criteria.kmc()
    assert kmc.complete == frozenset({Status.COMPLETED, Status.ONGOING})
    assert kmc.excluded == frozenset()
    assert (kmc.measure, kmc.basis, kmc.rounding, kmc.decimals) == ("status_share", "project", "half_up", 1)
    assert Status.ON_TRACK in Criteria.implementation().complete


def test_mean_progress_without_progress_figures_has_no_rate(q1):
    rate = q1.completion_rate(Criteria.mean_progress())
    assert rate.percent is None
    assert rate.fraction is None
    assert rate.share is None
    assert rate.unmeasured == 49
    assert str(rate) == "n/a"


def test_mean_progress_is_the_mean_over_projects():
    snap = pt.Snapshot(
        "테스트구",
        8,
        dt.date(2024, 3, 31),
        [
            pt.Project("1-1", "가", "정상추진", progress=50),
            pt.Project("1-2", "나", "정상추진", progress=Fraction(75, 2)),
            pt.Project("1-3", "다", "완료", progress=100),
            pt.Project("1-4", "라", "정상추진"),  # no figure: left out, and reported
        ],
    )
    rate = snap.completion_rate(Criteria.mean_progress())
    # (50 + 37.5 + 100) / 3 = 62.5
    assert rate.fraction == Fraction(125, 2)
    assert rate.numerator == Fraction(15, 8)  # 0.5 + 0.375 + 1
    assert rate.denominator == 3
    assert rate.unmeasured == 1
    assert str(rate) == "62.5%"


def test_the_pledge_basis_counts_a_pledge_once(q1):
    # 21 pledges; complete (every project 완료 or 이행후계속추진): 1-2, 1-3, 1-4, 2-1, 2-2,
    # 2-4, 3-1, 3-3, 3-4, 3-5, 4-3 = 11.
    rate = q1.completion_rate(basis="pledge")
    assert (rate.numerator, rate.denominator, str(rate)) == (11, 21, "52.4%")
    assert q1.completion_rate(Criteria.kmc().replace(basis="pledge")) == rate


def test_rates_by_field(q1):
    rates = q1.rates_by("field")
    assert list(rates) == ["마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화"]
    assert {k: (r.numerator, r.denominator) for k, r in rates.items()} == {
        "마을·자치": (4, 5),
        "골목·경제": (10, 11),
        "사람·복지": (11, 12),
        "생태·안전": (7, 15),
        "행복·문화": (1, 6),
    }


@pytest.mark.parametrize(("rounding", "text"), [("half_up", "91.7%"), ("truncate", "91.6%")])
def test_the_rounding_rule_is_named(q1, rounding, text):
    # 사람·복지: 11/12 = 91.666…
    rates = q1.rates_by("field", Criteria.kmc().replace(rounding=rounding))
    assert str(rates["사람·복지"]) == text


def test_two_decimals():
    assert str(pt.Rate(33, 49, decimals=2)) == "67.35%"  # the domain notes: 33/49 = 67.35


def test_custom_criteria(q1):
    only_completed = Criteria(complete=[Status.COMPLETED], name="completed only", name_ko="완료율")
    rate = q1.completion_rate(only_completed)
    assert (rate.numerator, rate.denominator, str(rate)) == (1, 49, "2.0%")
    assert rate.criteria.name_ko == "완료율"

    # Labels work where statuses are expected.
    assert Criteria(complete=["완료", "이행후계속추진"]).complete == Criteria.kmc().complete

    weighted = Criteria(
        weights={Status.COMPLETED: 1, Status.ONGOING: 1, Status.ON_TRACK: Fraction(1, 2), Status.LAGGING: 0.25}
    )
    assert weighted.measure == "weighted"
    rate = q1.completion_rate(weighted)
    # 1 + 32 + 15/2 + 1/4 = 163/4 of 49; 4075/49 = 83.16…
    assert rate.numerator == Fraction(163, 4)
    assert rate.denominator == 49
    assert str(rate) == "83.2%"
    assert weighted.weights[Status.ON_TRACK] == Fraction(1, 2)
    assert weighted.weights[Status.ON_HOLD] == 0


def test_on_hold_and_dropped_leave_the_denominator_only_when_excluded():
    snap = pt.Snapshot(
        "테스트구",
        8,
        dt.date(2024, 3, 31),
        [pt.Project("1-1", "가", "완료"), pt.Project("1-2", "나", "보류"), pt.Project("1-3", "다", "폐기")],
    )
    assert str(snap.completion_rate()) == "33.3%"
    assert str(snap.completion_rate(Criteria(excluded=[Status.ON_HOLD, Status.DROPPED]))) == "100.0%"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"weights": {Status.COMPLETED: 2}}, r"status weights must lie in \[0, 1\], not 2"),
        ({"rounding": "ceil"}, r"unknown rounding rule .*'ceil'"),
        ({"basis": "district"}, r"unknown basis .*'district'"),
        ({"complete": ["완료"], "weights": {"완료": 1}}, r"either complete .* or weights"),
        ({"decimals": 12}, r"decimals must lie in 0\.\.9, not 12"),
        ({"measure": "mean_progress", "basis": "pledge"}, r"pledge basis applies to status shares only"),
    ],
)
def test_bad_criteria_are_pledge_errors(kwargs, message):
    with pytest.raises(pt.PledgeError, match=message):
        Criteria(**kwargs)


def test_an_empty_denominator_has_no_rate(q1):
    rate = q1.completion_rate(Criteria(excluded=list(Status)))
    assert rate.denominator == 0
    assert rate.percent is None
    assert rate.fraction is None
    assert rate.share is None
    assert not rate.has_value
    assert str(rate) == "n/a"
    assert f"{rate:.2f}" == "n/a"
    empty = pt.Snapshot("테스트구", 8, dt.date(2024, 3, 31))
    assert empty.completion_rate().percent is None
    assert all(n == 0 for n in empty.counts().values())


def test_rate_values():
    rate = pt.Rate(Fraction(7, 2), 5)
    assert rate.numerator == Fraction(7, 2)
    assert rate.fraction == Fraction(70)
    assert f"{pt.Rate(33, 49):.3f}" == "67.347"
    assert repr(pt.Rate(33, 49)) == "Rate(33, 49)"
    assert eval(repr(rate), {"Rate": pt.Rate, "Fraction": Fraction}) == rate
    assert pt.Rate(33, 49) == pt.Rate(33, 49)
    assert pt.Rate(33, 49) != pt.Rate(33, 49, rounding="truncate")
    assert len({pt.Rate(33, 49), pt.Rate(33, 49)}) == 1
    with pytest.raises(pt.PledgeError, match=r"numerator must lie in 0\.\.49"):
        pt.Rate(50, 49)


def half_up(value: Fraction, decimals: int) -> str:
    """An independent oracle: half away from zero, for non-negative values."""
    scaled = value * 10**decimals
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    text = str(whole).rjust(decimals + 1, "0")
    return f"{text[:-decimals]}.{text[-decimals:]}" if decimals else text


@given(st.integers(min_value=1, max_value=10**6).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))))
def test_display_is_the_exact_percent_rounded_half_up(pair):
    numerator, denominator = pair
    rate = pt.Rate(numerator, denominator)
    assert rate.fraction == Fraction(100 * numerator, denominator)
    assert str(rate) == half_up(Fraction(100 * numerator, denominator), 1) + "%"


def test_crosstab_field_by_bureau_is_the_seeds_first_table(q1):
    table = q1.crosstab("field", "bureau")
    assert list(table.index) == [*SEED_FIELDS, "계"]
    assert list(table.columns) == [*SEED_BUREAUS, "계"]  # the org file's order
    assert (table.index.name, table.columns.name) == ("분야", "실·국")
    for field, row in SEED_FIELD_BY_BUREAU.items():
        assert list(table.loc[field, SEED_BUREAUS]) == row
    assert list(table["계"]) == [*SEED_FIELD_TOTALS, 49]
    assert list(table.loc["계"]) == [*SEED_BUREAU_TOTALS, 49]


def test_crosstab_orders(q1):
    # Without the org, bureaus come in order of first appearance: 1-1-1 is 자치행정국's.
    bare = pt.Snapshot("광주광역시 서구", 8, q1.as_of, q1.projects)
    assert bare.bureau_order is None
    assert list(bare.crosstab("field", "bureau").columns)[0] == "자치행정국"
    # An explicit order wins, and keeps an empty group.
    table = q1.crosstab("field", "bureau", col_order=["보건소", "없는국"], row_order=["행복·문화"])
    assert list(table.columns[:2]) == ["보건소", "없는국"]
    assert table.index[0] == "행복·문화"
    assert list(table["없는국"]) == [0, 0, 0, 0, 0, 0]


def test_crosstab_field_by_status(q1):
    table = q1.crosstab("field", "status")
    assert list(table.columns) == ["완료", "이행후계속추진", "정상추진", "일부추진", "계"]
    assert table.loc["마을·자치"].tolist() == [0, 4, 1, 0, 5]
    assert table.loc["골목·경제"].tolist() == [0, 10, 1, 0, 11]
    assert table.loc["사람·복지"].tolist() == [0, 11, 1, 0, 12]
    assert table.loc["생태·안전"].tolist() == [0, 7, 7, 1, 15]
    assert table.loc["행복·문화"].tolist() == [1, 0, 5, 0, 6]
    assert table.loc["계"].tolist() == [1, 32, 15, 1, 49]


def test_counts_by_bureau(q1):
    counts = q1.counts_by("bureau")
    assert {b: sum(c.values()) for b, c in counts.items()} == dict(zip(SEED_BUREAUS, SEED_BUREAU_TOTALS))
    assert counts["환경교통국"][Status.LAGGING] == 1  # 4-1-2


@pytest.mark.parametrize("dim", ["fields", "부서", ""])
def test_an_unknown_dimension_is_a_pledge_error(q1, dim):
    with pytest.raises(pt.PledgeError, match=r"unknown dimension \(known: field, pledge, department, bureau, status\)"):
        q1.rates_by(dim)


def test_format_decimal():
    assert pt.format_decimal(Fraction(3300, 49)) == "67.3"
    assert pt.format_decimal(Fraction(4300, 90), "truncate") == "47.7"  # 47.78 published as 47.7
    assert pt.format_decimal(Fraction(4300, 90)) == "47.8"
