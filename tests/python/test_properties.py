"""Properties that hold for any data (issue 7), checked with hypothesis on random
snapshots: Korean titles, any status label, optional progress, unknown columns.

- write_csv -> read_csv gives the same snapshot back;
- a rate lies in [0, 100] and agrees with the counts;
- compare(a, a) changes nothing; compare(b, a) mirrors compare(a, b);
- History's as-of queries agree with the snapshots they come from.

Derandomized (a fixed seed per test) and kept small so the suite stays fast.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import pledgetrack as pt
from pledgetrack import Criteria, Status

FAST = settings(max_examples=60, derandomize=True, deadline=None)

# 민선8기 runs 2022-07-01 .. 2026-06-30: dates inside it keep the written term (민선8기) valid.
TERM_START = dt.date(2022, 7, 1)
TERM_END = dt.date(2026, 6, 30)

# Labels as real tables write them (docs/data-format.md), canonical and aliases.
LABELS = [
    "완료", "추진완료", "완 료", "이행후계속추진", "이행 후 계속추진", "이행후계속", "계속추진",
    "정상추진", "정 상 추 진", "추진중", "정상", "일부추진", "일 부 추 진", "부진", "지연",
    "보류", "추진보류", "폐기", "추진불가", "기타", "시기미도래", "기타(시기미도래)", "on_track",
]  # fmt: skip

# Unknown columns: names that are no known header (nor a status label, which would be a mark column).
EXTRA_NAMES = ["담당자", "예산(백만원)", "memo", "출처", "진행 메모"]

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
# Hangul with what titles hold: spaces, digits, Latin, the quotes and dots of Korean
# documents, and the characters CSV must quote (comma, double quote, line break), plus
# the formula starts (= + - @) the writer neutralises, and the apostrophe it
# neutralises them with (text such as "'=x" must survive too).
TEXT_CHAR = st.one_of(HANGUL, HANGUL, st.sampled_from(list(' ,"\n·‘’()[]0123456789abcXYZ%=+-@/~\'')))


def text(min_size: int = 0, max_size: int = 24) -> st.SearchStrategy[str]:
    # The reader trims cells, so text is kept trimmed.
    return st.text(TEXT_CHAR, max_size=max_size).map(str.strip).filter(lambda s: len(s) >= min_size)


def name(max_size: int = 24) -> st.SearchStrategy[str]:
    # Names the reader keeps as written: not spaced out (single letters between spaces,
    # "가 나"), which it closes up by rule (docs/data-format.md, pinned in test_real_exports).
    return text(max_size=max_size).filter(lambda s: len(s.split()) < 2 or any(len(w) > 1 for w in s.split()))


project_ids = st.lists(st.integers(1, 12), min_size=1, max_size=3).map(lambda parts: "-".join(map(str, parts)))
dates = st.dates(min_value=TERM_START, max_value=TERM_END)
districts = st.text(HANGUL, min_size=2, max_size=8)
progresses = st.none() | st.integers(0, 10_000).map(lambda n: Fraction(n, 100))  # 0.00 .. 100.00


@st.composite
def projects(draw, id: str, extra_names: list[str]) -> pt.Project:
    """A project with every column drawn (for the file round trip)."""
    return pt.Project(
        id,
        draw(text(min_size=1)),
        draw(st.sampled_from(LABELS)),
        field=draw(name(max_size=8)),
        pledge=draw(name()),
        department=draw(name(max_size=8)),
        bureau=draw(name(max_size=8)),
        progress=draw(progresses),
        due=draw(st.sampled_from([None, "in_term", "after_term"])),
        note=draw(text()),
        adjustment=draw(text()),
        scope=draw(st.sampled_from(["in", "in", "removed"])),
        extra={name: draw(text(max_size=10)) for name in extra_names},
    )


@st.composite
def light_projects(draw, id: str) -> pt.Project:
    """A project with what rates, comparisons and histories read: status, scope, due."""
    return pt.Project(
        id,
        f"사업 {id}",
        draw(st.sampled_from(LABELS)),
        due=draw(st.sampled_from([None, "in_term", "after_term"])),
        scope=draw(st.sampled_from(["in", "in", "removed"])),
    )


@st.composite
def snapshots(
    draw, district: str | None = None, as_of: dt.date | None = None, min_size: int = 1, full: bool = False
) -> pt.Snapshot:
    ids = draw(st.lists(project_ids, min_size=min_size, max_size=15, unique=True))
    extra_names = draw(st.lists(st.sampled_from(EXTRA_NAMES), max_size=3, unique=True)) if full else []
    return pt.Snapshot(
        district if district is not None else draw(districts),
        8,
        as_of if as_of is not None else draw(dates),
        [draw(projects(id, extra_names) if full else light_projects(id)) for id in ids],
    )


@st.composite
def snapshot_pairs(draw) -> tuple[pt.Snapshot, pt.Snapshot]:
    """Two snapshots of one district, the second dated later, over a shared pool of ids:
    each id is absent, in scope or removed (공약조정) on each side, in any status."""
    ids = draw(st.lists(project_ids, min_size=1, max_size=15, unique=True))
    side = st.none() | st.tuples(st.sampled_from(list(Status)), st.sampled_from(["in", "in", "removed"]))
    first, second = sorted(draw(st.lists(dates, min_size=2, max_size=2, unique=True)))
    before, after = [], []
    for id in ids:
        for projects_of_side in (before, after):
            drawn = draw(side)
            if drawn is not None:
                projects_of_side.append(pt.Project(id, f"사업 {id}", drawn[0], scope=drawn[1]))
    district = draw(districts)
    return pt.Snapshot(district, 8, first, before), pt.Snapshot(district, 8, second, after)


@st.composite
def histories(draw) -> list[pt.Snapshot]:
    """One to four snapshots of one district on distinct dates, in random order."""
    district = draw(districts)
    days = draw(st.lists(dates, min_size=1, max_size=4, unique=True))
    return [draw(snapshots(district=district, as_of=day, min_size=0)) for day in days]


# -- files ------------------------------------------------------------------


@FAST
@given(snapshot=snapshots(full=True))
def test_a_snapshot_survives_write_csv_and_read_csv(tmp_path_factory, snapshot):
    path = tmp_path_factory.mktemp("roundtrip") / "snapshot.csv"
    pt.write_csv(path, snapshot)
    # Blank fields and pledges are data here, not merged cells: no fill-down.
    back = pt.read_csv(path, fill_down=False)
    assert isinstance(back, pt.Snapshot)
    assert back == snapshot
    # Equality covers these, but say them: the raw labels and unknown columns come back as written.
    assert [p.raw_status for p in back] == [p.raw_status for p in snapshot]
    assert [p.extra for p in back] == [p.extra for p in snapshot]


# -- rates ------------------------------------------------------------------


@FAST
@given(snapshot=snapshots(min_size=0))
def test_rates_lie_in_0_100_and_agree_with_the_counts(snapshot):
    in_scope = [p for p in snapshot if p.in_scope]
    counts = snapshot.counts()
    assert sum(counts.values()) == len(in_scope)
    for criteria, complete in [
        (Criteria.kmc(), {Status.COMPLETED, Status.ONGOING}),
        (Criteria.implementation(), {Status.COMPLETED, Status.ONGOING, Status.ON_TRACK}),
    ]:
        rate = snapshot.completion_rate(criteria)
        assert rate.denominator == len(in_scope)  # 보류, 폐기 and 기타 stay in the denominator
        assert rate.numerator == sum(p.status in complete for p in in_scope)
        assert rate.numerator == sum(counts[s] for s in complete)
        if in_scope:
            assert 0 <= rate.fraction <= 100
            assert rate.fraction == Fraction(100 * rate.numerator, rate.denominator)
            assert 0.0 <= rate.percent <= 100.0
        else:
            assert rate.percent is None and not rate.has_value  # no rate, not 0% or 100%


# -- comparisons ------------------------------------------------------------


@FAST
@given(snapshot=snapshots(min_size=0))
def test_a_snapshot_compared_with_itself_changes_nothing(snapshot):
    delta = pt.compare(snapshot, snapshot)
    assert {t.kind for t in delta.transitions} <= {"unchanged"}
    assert [t.id for t in delta.transitions] == [p.id for p in snapshot if p.in_scope]
    assert all(t.from_status == t.to_status for t in delta.transitions)
    if delta.after_rate.has_value:
        assert delta.rate_change_pp == 0 and delta.rate_change_text == "0.0%p"
    else:
        assert delta.rate_change_pp is None and delta.rate_change_text == "n/a"


def _ids(transitions) -> set[str]:
    return {t.id for t in transitions}


@FAST
@given(pair=snapshot_pairs())
def test_compare_backwards_mirrors_compare_forwards(pair):
    a, b = pair
    forwards = pt.compare(a, b)
    backwards = pt.compare(b, a, allow_reversed=True)
    complete = Criteria.kmc().complete

    # The same projects, each move reversed.
    there = {t.id: t for t in forwards.transitions}
    back = {t.id: t for t in backwards.transitions}
    assert there.keys() == back.keys()
    for id, t in there.items():
        assert (back[id].from_status, back[id].to_status) == (t.to_status, t.from_status)

    # Becoming complete one way is a complete -> incomplete regression the other way.
    assert _ids(forwards.newly_complete) == {t.id for t in backwards.regressions if t.from_status in complete}
    assert _ids(backwards.newly_complete) == {t.id for t in forwards.regressions if t.from_status in complete}
    # Regressions down the progress order are improvements the other way.
    assert _ids(forwards.improvements) == {t.id for t in backwards.regressions if t.from_status not in complete}
    assert _ids(forwards.added) == _ids(backwards.removed)
    assert _ids(forwards.removed) == _ids(backwards.added)
    assert _ids(forwards.unchanged) == _ids(backwards.unchanged)
    assert _ids(forwards.other_moves) == _ids(backwards.other_moves)

    # The rate change is negated, and is the difference of the two rates.
    if forwards.rate_change_pp is None:
        assert backwards.rate_change_pp is None
    else:
        assert backwards.rate_change_pp == -forwards.rate_change_pp
        assert forwards.rate_change_pp == forwards.after_rate.fraction - forwards.before_rate.fraction


# -- history ----------------------------------------------------------------


@FAST
@given(snapshots=histories())
def test_as_of_queries_agree_with_the_snapshots(snapshots):
    h = pt.History(snapshots)
    ordered = sorted(snapshots, key=lambda s: s.as_of)
    assert h.snapshots == ordered
    all_ids = {p.id for s in snapshots for p in s}
    assert h.snapshot_at(ordered[0].as_of - dt.timedelta(days=1)) is None
    for i, s in enumerate(ordered):
        assert h.snapshot_at(s.as_of) == s
        for p in s:
            assert h.status_at(p.id, s.as_of) == p.status
        for id in all_ids - {p.id for p in s}:
            assert h.status_at(id, s.as_of) is None  # not listed: no last known status
        # The day before the next report, this one still holds.
        last_day = ordered[i + 1].as_of - dt.timedelta(days=1) if i + 1 < len(ordered) else s.as_of
        for p in s:
            assert h.status_at(p.id, last_day) == p.status
    for id in all_ids:
        assert h.status_at(id, ordered[0].as_of - dt.timedelta(days=1)) is None
        # Runs cover exactly the reports that list the project, in order.
        frame = h.timeline(id)
        assert frame["snapshots"].sum() == sum(id in s for s in snapshots)
    rates = h.rates()
    assert rates["as_of"].tolist() == [s.as_of for s in ordered]
    assert rates["text"].tolist() == [str(s.completion_rate()) for s in ordered]
