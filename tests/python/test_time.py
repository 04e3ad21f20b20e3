"""Terms (민선 n기), periods (분기, 반기) and dates as reports write them."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

import pledgetrack as pt


def test_the_eighth_term():
    term = pt.Term.elected(8)
    assert (term.start, term.end) == (dt.date(2022, 7, 1), dt.date(2026, 6, 30))
    assert pt.Term.parse("민선 8기") == term
    assert term.label_ko == "민선8기"
    assert term.days_total == 1461  # 2022-07-01 .. 2026-06-30, one leap day (2024-02-29)
    as_of = dt.date(2024, 3, 31)
    assert term.days_elapsed(as_of) == 640  # 184 days of 2022 + 365 of 2023 + 91 of 2024
    assert term.elapsed_share(as_of) == Fraction(640, 1461)
    assert as_of in term
    assert pt.Term.of_date(as_of) == term


@pytest.mark.parametrize(
    ("text", "label", "first", "last"),
    [
        ("2024Q1", "2024Q1", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        ("2024년 4분기", "2024Q4", dt.date(2024, 10, 1), dt.date(2024, 12, 31)),
        ("2024년도 1/4분기", "2024Q1", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        ("2024년 상반기", "2024H1", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
    ],
)
def test_periods(text, label, first, last):
    period = pt.Period.parse(text)
    assert (period.label, period.first_day, period.last_day) == (label, first, last)
    assert str(period) == label


def test_periods_step_and_order():
    q4 = pt.Period.quarter_of(dt.date(2023, 12, 31))
    assert q4.next() == pt.Period(2024, "quarter", 1)
    assert q4 < q4.next()
    assert q4.label_ko == "2023년 4분기"
    assert len({q4, pt.Period.parse("2023Q4")}) == 1


@pytest.mark.parametrize(
    "text", ["2024-03-31", "2024. 3. 31.", "2024.3.31", "2024년 3월 31일", "20240331", "2024/03/31"]
)
def test_dates_as_reports_write_them(text):
    assert pt.parse_date(text) == dt.date(2024, 3, 31)


@pytest.mark.parametrize(("text", "problem"), [("2023-02-29", "impossible date"), ("어제", "not a date")])
def test_bad_dates_are_pledge_errors(text, problem):
    with pytest.raises(pt.PledgeError, match=f"{problem}: '{text}'"):
        pt.parse_date(text)


def test_dates_outside_boosts_years_are_refused():
    with pytest.raises(pt.PledgeError, match=r"a date must lie in the years 1400-9999"):
        pt.Term(1, dt.date(1000, 1, 1), dt.date(2000, 1, 1))
    with pytest.raises(TypeError):
        pt.Term.of_date(dt.datetime(2024, 3, 31, 12, 0))  # a datetime is not cut to its day silently


def test_every_function_taking_a_date_takes_it_as_text_too():
    term = pt.Term.elected(8)
    assert term.days_elapsed("2024-03-31") == 640
    assert "2024. 3. 31." in term
    assert pt.Term.of_date("20240331") == term
    assert pt.Period.quarter_of("2024.3.31") == pt.Period(2024, "quarter", 1)
    with pytest.raises(pt.PledgeError, match=r"impossible date: '2024-02-30'"):
        term.days_elapsed("2024-02-30")
