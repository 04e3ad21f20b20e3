"""Over time: comparing two snapshots (:func:`compare`) and a district's history of
snapshots (:class:`History`), with the pace needed for a target, the end-of-term
projection and scope adjustments (공약조정).

Every figure, transition and classification comes from the C++ core
(``include/pledgetrack/history/``); this module wraps the results in the package's
own types (:class:`Snapshot`, :class:`Rate`) and adds the Python conveniences:
pandas frames and HTML reprs.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from . import _core, _html, _types
from ._wrapper import CoreWrapper
from ._core import Adjustment, Criteria, PledgeError, Projection, Status, Term, Transition
from ._rate import Rate
from ._snapshot import Dimension, Snapshot, _criteria, _term_number, _to_date

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AdjustmentList",
    "Comparison",
    "History",
    "Pace",
    "TransitionKind",
    "compare",
    "required_pace",
]

TransitionKind = Literal[
    "newly_complete", "regression", "improvement", "other", "added", "removed", "unchanged"
]
"""What happened to a project between two snapshots (신규 완료, 후퇴, 진전, 기타 변동, 추가, 제외, 변동없음)."""

_NONE_LABEL = "–"  # a side where the project is not in scope


class Comparison(CoreWrapper):
    """The changes between two snapshots of one district (직전 분기 대비 변경사항).

    >>> q4, q1 = pledgetrack.load_example("gwangju-seogu")
    >>> delta = pledgetrack.compare(q4, q1)
    >>> str(delta.before_rate), str(delta.after_rate), delta.rate_change_text
    ('65.3%', '67.3%', '+2.0%p')
    >>> delta.rate_change_pp
    Fraction(100, 49)
    >>> [t.id for t in delta.newly_complete], [t.id for t in delta.regressions]
    (['2-4-1', '3-4-2'], ['4-1-2'])

    Each project in scope on either side has one :class:`Transition`, whose ``kind``
    is 'newly_complete' (미완료 → 완료 under the criteria), 'regression' (완료 →
    미완료, or down the progress order), 'improvement', 'other' (완료 ↔
    이행후계속추진, moves to or from 기타), 'unchanged', 'added' or 'removed' (scope,
    not status, decides the last two). The comparison holds copies of both snapshots
    and is immutable.
    """

    __slots__ = ("_comparison",)
    _core_slot = "_comparison"

    def __init__(
        self,
        before: Snapshot,
        after: Snapshot,
        criteria: Criteria | None = None,
        *,
        allow_different_districts: bool = False,
        allow_reversed: bool = False,
    ) -> None:
        """The same as :func:`compare`."""
        core = _core.compare(
            _types.snapshot(before, "compare", "before"),
            _types.snapshot(after, "compare", "after"),
            _criteria(criteria, None),
            allow_different_districts=allow_different_districts,
            allow_reversed=allow_reversed,
        )
        self._comparison = core

    # -- the two sides ------------------------------------------------------

    @property
    def before(self) -> Snapshot:
        """The snapshot before (a copy held by the comparison)."""
        return Snapshot._wrap(self._comparison.before)

    @property
    def after(self) -> Snapshot:
        """The snapshot after (a copy held by the comparison)."""
        return Snapshot._wrap(self._comparison.after)

    @property
    def criteria(self) -> Criteria:
        """The criteria of both rates and of every transition's kind."""
        return self._comparison.criteria

    @property
    def district(self) -> str:
        """The district (of the snapshot after, when two are compared)."""
        return self._comparison.after.district

    # -- the rate -----------------------------------------------------------

    @property
    def before_rate(self) -> Rate:
        """The rate before: ``65.3%`` (32/49) for the seed's 2023 Q4."""
        return Rate._wrap(self._comparison.before_rate, self.criteria)

    @property
    def after_rate(self) -> Rate:
        """The rate after: ``67.3%`` (33/49) for the seed's 2024 Q1."""
        return Rate._wrap(self._comparison.after_rate, self.criteria)

    @property
    def rate_change_pp(self) -> Fraction | None:
        """The change in percentage points (%p), exactly: ``Fraction(100, 49)`` for the seed.
        None when either side has no rate (nothing counted)."""
        return self._comparison.rate_change_points

    @property
    def rate_change_text(self) -> str:
        """The change for display by the criteria's rounding rule: ``'+2.0%p'``; ``'n/a'``
        without a change. The unit is %p (percentage points), not %."""
        return self._comparison.rate_change_text

    # -- transitions --------------------------------------------------------

    @property
    def transitions(self) -> list[Transition]:
        """Every project's :class:`Transition`: in the after snapshot's order, then the
        removed ones in the before snapshot's order. A project out of scope on both
        sides has none."""
        return self._comparison.transitions

    def of_kind(self, kind: TransitionKind) -> list[Transition]:
        """The transitions of one kind, in order."""
        return self._comparison.of_kind(kind)

    def count(self, kind: TransitionKind) -> int:
        """How many transitions are of one kind."""
        return self._comparison.count(kind)

    def counts(self) -> dict[str, int]:
        """{kind: count} for every kind, in the order reports list them (newly_complete first,
        unchanged last), zeros included."""
        return {kind: self._comparison.count(kind) for kind, _ in _core.transition_kinds()}

    @property
    def newly_complete(self) -> list[Transition]:
        """Projects that became complete under the criteria (신규 완료): 2-4-1, 3-4-2 in the seed."""
        return self._comparison.of_kind("newly_complete")

    @property
    def regressions(self) -> list[Transition]:
        """Projects that went from complete to incomplete, or down the progress order (후퇴):
        4-1-2 (이행후계속추진 → 일부추진) in the seed."""
        return self._comparison.of_kind("regression")

    @property
    def improvements(self) -> list[Transition]:
        """Projects that moved up the progress order without becoming complete (진전)."""
        return self._comparison.of_kind("improvement")

    @property
    def other_moves(self) -> list[Transition]:
        """Any other change of status (기타 변동): 완료 ↔ 이행후계속추진, to or from 기타."""
        return self._comparison.of_kind("other")

    @property
    def unchanged(self) -> list[Transition]:
        """Projects with the same status on both sides (변동없음)."""
        return self._comparison.of_kind("unchanged")

    @property
    def added(self) -> list[Transition]:
        """Projects in scope after only (추가): new on the list, or back in scope."""
        return self._comparison.of_kind("added")

    @property
    def removed(self) -> list[Transition]:
        """Projects in scope before only (제외): gone from the list, or removed by 공약조정."""
        return self._comparison.of_kind("removed")

    # -- frames -------------------------------------------------------------

    def changes_by(self, dim: Dimension) -> pd.DataFrame:
        """The rate of each group along ``dim`` ('field', 'bureau', …) before and after,
        and the change in %p: one row per group, in the after snapshot's order, then
        groups found before only.

        Columns: ``group``; ``before`` and ``after``, the percents as floats (NaN for a
        group with nothing counted on that side); ``before_text`` and ``after_text``
        (``'81.8%'``, ``'n/a'``); ``change_pp``, the exact change in %p as a Fraction
        (None when a side has no rate); ``change_text`` (``'+9.1%p'``).
        """
        import pandas as pd

        groups = self._comparison.changes_by(dim)
        frame = pd.DataFrame(
            {
                "group": [g.key for g in groups],
                "before": [_percent(g.before) for g in groups],
                "after": [_percent(g.after) for g in groups],
                "before_text": [str(g.before) for g in groups],
                "after_text": [str(g.after) for g in groups],
                "change_pp": pd.Series([g.change_points for g in groups], dtype=object),
                "change_text": [g.change_text for g in groups],
            }
        )
        frame["before"] = frame["before"].astype("float64")
        frame["after"] = frame["after"].astype("float64")
        frame.columns.name = _core.dimension_label_ko(dim)
        return frame

    def status_counts(self, total: str | None = None) -> pd.DataFrame:
        """Projects in scope by status before and after, and the change: one row per status
        in the KMC order (Korean labels, zeros included), then a total row."""
        import pandas as pd

        before = self.before.counts()
        after = self.after.counts()
        w = _html.words()
        index = pd.Index([s.label_ko for s in Status] + [w["sum"] if total is None else total], name=w["status"])
        b = [before[s] for s in Status]
        a = [after[s] for s in Status]
        b.append(sum(b))
        a.append(sum(a))
        return pd.DataFrame(
            {"before": b, "after": a, "change": [y - x for x, y in zip(b, a)]}, index=index, dtype="int64"
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per transition, in order: ``id``, ``title``, ``field``, ``department``,
        ``bureau`` (from the snapshot after, or before for a removed project),
        ``from_status`` and ``to_status`` (ordered Categoricals of :class:`Status`, NaN on
        the side where the project is not in scope), ``kind`` and ``kind_ko`` (신규 완료, …)."""
        import pandas as pd

        core = self._comparison
        rows = []
        for t in core.transitions:
            project = (core.after if t.to_status is not None else core.before).find(t.id)
            rows.append(
                {
                    "id": t.id,
                    "title": t.title,
                    "field": project.field if project is not None else "",
                    "department": project.department if project is not None else "",
                    "bureau": project.bureau if project is not None else "",
                    "from_status": t.from_status,
                    "to_status": t.to_status,
                    "kind": t.kind,
                    "kind_ko": t.kind_ko,
                }
            )
        columns = ["id", "title", "field", "department", "bureau", "from_status", "to_status", "kind", "kind_ko"]
        frame = pd.DataFrame(rows, columns=columns)
        for column in ("from_status", "to_status"):
            frame[column] = pd.Categorical(
                [r[column] for r in rows], categories=list(Status), ordered=True
            )
        return frame

    # -- protocol -----------------------------------------------------------

    def _repr_html_(self) -> str:
        core = self._comparison
        before, after = core.before, core.after
        district = after.district if before.district == after.district else f"{before.district} → {after.district}"
        caption = f"{district} · {_date_label(before)} → {_date_label(after)}"
        b, a = core.before_rate, core.after_rate
        w = _html.words()
        summary = _html.table(
            ["", w["before"], w["after"], w["change"]],
            [
                [self.criteria.name_ko, str(b), str(a), core.rate_change_text],
                [f"{w['numerator']}/{w['denominator']}", f"{b.numerator}/{b.denominator}", f"{a.numerator}/{a.denominator}", ""],
            ],
            caption=caption,
        )
        changed = [t for t in core.transitions if t.kind != "unchanged"]
        counts = " · ".join(f"{label} {core.count(kind)}" for kind, label in _core.transition_kinds() if core.count(kind))
        moves = _html.table(
            [w["id"], w["title"], w["before"], w["after"], w["move"]],
            [[t.id, t.title, _status_label(t.from_status), _status_label(t.to_status), t.kind_ko] for t in changed],
            footer=counts or w["no_changes"],
            numeric_from=5,
        )
        return summary + moves


def compare(
    before: Snapshot,
    after: Snapshot,
    criteria: Criteria | None = None,
    *,
    allow_different_districts: bool = False,
    allow_reversed: bool = False,
) -> Comparison:
    """Compares two snapshots of one district under ``criteria`` (default the KMC
    completion rate, 공약이행완료율).

    >>> q4, q1 = pledgetrack.load_example("gwangju-seogu")
    >>> pledgetrack.compare(q4, q1).rate_change_text
    '+2.0%p'

    Snapshots of two districts are a :class:`PledgeError` naming both unless
    ``allow_different_districts`` (a deliberate benchmark: projects are then matched
    by id); ``after`` dated before ``before`` is one naming both dates unless
    ``allow_reversed`` (the changes then run backwards in time). Two snapshots of one
    date (a corrected report) are compared as given.
    """
    return Comparison(
        before,
        after,
        criteria,
        allow_different_districts=allow_different_districts,
        allow_reversed=allow_reversed,
    )


class History(CoreWrapper):
    """The snapshots of one district over time, oldest first; projects are matched by id.

    >>> h = pledgetrack.History(pledgetrack.load_example("gwangju-seogu"))
    >>> h.rates()["text"].tolist()
    ['65.3%', '67.3%']
    >>> h.status_at("4-1-2", "2024-02-15")     # as of the 2023-12-31 report
    <Status.ONGOING: 1>

    Snapshots may come in any order; a snapshot of another district, a second one of
    the same date, or one without a date is a :class:`PledgeError`. Immutable.
    Dates may be given as :class:`datetime.date` or as text ('2024. 3. 31.').
    """

    __slots__ = ("_history",)
    _core_slot = "_history"

    def __init__(self, snapshots: Iterable[Snapshot] = ()) -> None:
        """A history of ``snapshots`` (:class:`Snapshot` objects, any order)."""
        items = list(snapshots)
        self._history = _core.History([_types.snapshot(s, "History", f"snapshots[{i}]") for i, s in enumerate(items)])

    # -- the snapshots ------------------------------------------------------

    @property
    def district(self) -> str:
        """The district ('' for an empty history)."""
        return self._history.district

    @property
    def snapshots(self) -> list[Snapshot]:
        """The snapshots, oldest first (a new list)."""
        return [self._snapshot_of(s) for s in self._history.snapshots]

    @property
    def periods(self) -> list[str]:
        """The quarter of each snapshot, oldest first: ``['2023Q4', '2024Q1']``."""
        return [s.period for s in self._history.snapshots]

    @property
    def first(self) -> Snapshot:
        """The oldest snapshot; a PledgeError for an empty history."""
        return self._snapshot_of(self._history.first)

    @property
    def latest(self) -> Snapshot:
        """The latest snapshot; a PledgeError for an empty history."""
        return self._snapshot_of(self._history.latest)

    def __len__(self) -> int:
        return len(self._history)

    def __iter__(self) -> Iterator[Snapshot]:
        return iter(self.snapshots)

    def __getitem__(self, index: int) -> Snapshot:
        """The snapshot at a position, oldest first (``h[-1]`` is the latest)."""
        return self.snapshots[index]

    def snapshot_at(self, date: _dt.date | str) -> Snapshot | None:
        """The latest snapshot on or before ``date``; None before the first."""
        found = self._history.snapshot_at(_date(date))
        return None if found is None else self._snapshot_of(found)

    # -- figures ------------------------------------------------------------

    def rates(self, criteria: Criteria | None = None) -> pd.DataFrame:
        """The rate of every snapshot, oldest first, as a DataFrame indexed by the quarter of
        its date (``period``: '2023Q4', '2024Q1'; two snapshots of one quarter share a label).

        Columns: ``as_of`` (a date), ``numerator`` (an int, or a Fraction for weighted
        measures), ``denominator``, ``percent`` (the exact percent as a float, NaN when
        nothing was counted), ``text`` ('67.3%' by the criteria's rounding rule).
        """
        import pandas as pd

        rates = self._history.rates(_criteria(criteria, None))
        frame = pd.DataFrame(
            {
                "as_of": [r.as_of for r in rates],
                "numerator": [r.rate.numerator for r in rates],
                "denominator": [r.rate.denominator for r in rates],
                "percent": [_percent(r.rate) for r in rates],
                "text": [str(r.rate) for r in rates],
            },
            index=pd.Index([r.period.label for r in rates], name="period"),
        )
        return frame.astype({"as_of": object, "denominator": "int64", "percent": "float64"})

    def rate_at(
        self,
        date: _dt.date | str,
        criteria: Criteria | None = None,
        adjustments: AdjustmentList | Iterable[Adjustment] | None = None,
    ) -> Rate:
        """The rate at ``date``: the statuses of the latest snapshot on or before it, counted
        over the scope in force on ``date`` itself (adjustments, 공약조정, are effective-dated
        and never retroactive). A PledgeError before the first snapshot."""
        criteria = _criteria(criteria, None)
        return Rate._wrap(
            _core.rate_at(self._history, _date(date), criteria, _adjustment_list(adjustments)), criteria
        )

    def project_end_of_term(self, term: Term | int | str | None = None, criteria: Criteria | None = None) -> Projection:
        """The rate at the end of the term by a straight line through the first and last
        snapshots' rates, clamped to [0, 100] (``Projection``; ``str()`` gives '85.8%').

        A line through two reports only: say so wherever it is shown (``.method``).
        ``term`` defaults to the regular term (민선 n기) of the latest snapshot. A
        PledgeError with fewer than two snapshots.
        """
        if len(self._history) == 0:
            raise PledgeError("a projection needs at least two snapshots; the history is empty")
        return _core.project_end_of_term(
            self._history, _term_of(self._history.latest, term), _criteria(criteria, None)
        )

    # -- projects -----------------------------------------------------------

    def status_at(self, id: str, date: _dt.date | str) -> Status | None:
        """The project's :class:`Status` in the latest snapshot on or before ``date``. None
        before the first snapshot (no guess), and None when that snapshot does not list
        the project (not its last known status)."""
        return self._history.status_at(id, _date(date))

    def time_in_status(self, id: str, date: _dt.date | str) -> int | None:
        """Days from the first report of the project's status as of ``date`` to ``date`` (0
        on that report's date; the status may be older). None when status_at is None."""
        return self._history.time_in_status(id, _date(date))

    def timeline(self, id: str) -> pd.DataFrame:
        """The project's runs of one status, oldest first, one row per run: ``status`` (an
        ordered Categorical of :class:`Status`), ``raw_status`` (the label in the run's first
        report), ``first_seen`` and ``last_seen`` (the run's first and last report dates),
        ``ended`` (the first report after the run, None while it lasts), ``snapshots``.

        A report without the project ends a run (nothing is known of the gap). Empty for
        an id found in no snapshot.
        """
        import pandas as pd

        runs = self._history.timeline(id)
        frame = pd.DataFrame(
            {
                "status": pd.Categorical([r.status for r in runs], categories=list(Status), ordered=True),
                "raw_status": pd.Series([r.raw_status for r in runs], dtype=object),
                "first_seen": pd.Series([r.first_seen for r in runs], dtype=object),
                "last_seen": pd.Series([r.last_seen for r in runs], dtype=object),
                "ended": pd.Series([r.ended for r in runs], dtype=object),
                "snapshots": pd.Series([r.snapshots for r in runs], dtype="int64"),
            }
        )
        return frame

    def stuck(self, periods: int, criteria: Criteria | None = None) -> pd.DataFrame:
        """Projects of the latest snapshot that are incomplete under ``criteria`` and have
        kept one status for ``periods`` or more consecutive reports up to the latest (a
        gap breaks the streak), in the latest snapshot's order.

        Columns: ``id``, ``title``, ``status`` (ordered Categorical), ``snapshots`` (the
        streak, the latest report included), ``since`` (its first report's date).
        ``periods`` below 1 is a PledgeError.
        """
        import pandas as pd

        found = self._history.stuck(_criteria(criteria, None), periods)
        return pd.DataFrame(
            {
                "id": pd.Series([s.id for s in found], dtype=object),
                "title": pd.Series([s.title for s in found], dtype=object),
                "status": pd.Categorical([s.status for s in found], categories=list(Status), ordered=True),
                "snapshots": pd.Series([s.snapshots for s in found], dtype="int64"),
                "since": pd.Series([s.since for s in found], dtype=object),
            }
        )

    # -- protocol -----------------------------------------------------------

    def _snapshot_of(self, snapshot: _core.Snapshot) -> Snapshot:
        return Snapshot._wrap(snapshot)

    def _repr_html_(self) -> str:
        criteria = Criteria.kmc()
        rows = []
        previous = None
        for r in self._history.rates(criteria):
            change = "" if previous is None else _core.format_points(
                _core.change_in_points(previous, r.rate), criteria.rounding, criteria.decimals
            )
            rows.append([r.period.label, r.as_of.isoformat(), str(r.rate), f"{r.rate.numerator}/{r.rate.denominator}", change])
            previous = r.rate
        caption = f"{self.district} · 보고 {len(self)}회" if len(self) else "빈 이력 (no snapshots)"
        w = _html.words()
        return _html.table(
            [w["period"], w["as_of"], criteria.name_ko, f"{w['numerator']}/{w['denominator']}", w["change"]],
            rows,
            caption=caption,
            numeric_from=2,
        )


class Pace:
    """What it takes to reach a target rate by the end of the term (made by
    :func:`required_pace`).

    >>> q1 = pledgetrack.load_example("gwangju-seogu")[-1]
    >>> p = pledgetrack.required_pace(q1, 80)
    >>> p.projects_needed, p.quarters_left, p.per_quarter
    (7, 9, Fraction(7, 9))

    ``projects_needed`` = ceil(target% × denominator / 100 − numerator), at least 0;
    ``per_quarter`` spreads them over the whole quarters left in the term (None when
    none is left); ``message`` says why there is nothing to plan, if so.
    """

    __slots__ = ("_criteria", "_pace")

    @classmethod
    def _wrap(cls, pace: _core.Pace, criteria: Criteria) -> Pace:
        out = cls.__new__(cls)
        out._pace = pace
        out._criteria = criteria
        return out

    @property
    def as_of(self) -> _dt.date:
        """The snapshot's date."""
        return self._pace.as_of

    @property
    def target_percent(self) -> Fraction:
        """The target in percent (80 for 80%), exactly."""
        return self._pace.target_percent

    @property
    def current(self) -> Rate:
        """The rate in the snapshot."""
        return Rate._wrap(self._pace.current, self._criteria)

    @property
    def projects_needed(self) -> int:
        """Units (projects, or pledges on the pledge basis) still to complete."""
        return self._pace.projects_needed

    @property
    def quarters_left(self) -> int:
        """Whole quarters of the term after the snapshot's quarter (9 at 2024-03-31 in 민선8기)."""
        return self._pace.quarters_left

    @property
    def per_quarter(self) -> Fraction | None:
        """projects_needed / quarters_left, exactly; None when no quarter is left."""
        return self._pace.per_quarter

    @property
    def message(self) -> str:
        """Why there is nothing to plan (target met, no quarter left); '' otherwise."""
        return self._pace.message

    @property
    def target_met(self) -> bool:
        """True when no more units are needed."""
        return self._pace.target_met

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pace):
            return NotImplemented
        return self._pace == other._pace

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._pace)

    def __getstate__(self) -> dict[str, Any]:
        return {"pace": self._pace, "criteria": self._criteria}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._pace = state["pace"]
        self._criteria = state["criteria"]

    def _repr_html_(self) -> str:
        c = self._criteria
        target = _core.format_decimal(self.target_percent, c.rounding, c.decimals) + "%"
        per_quarter = "" if self.per_quarter is None else _core.format_decimal(self.per_quarter, c.rounding, 2)
        return _html.table(
            ["목표", "현재", "추가 필요", "남은 분기", "분기당"],
            [[target, str(self.current), self.projects_needed, self.quarters_left, per_quarter]],
            caption=f"{c.name_ko} 목표 달성 속도 · 기준일 {self.as_of.isoformat()}",
            footer=self.message or None,
            numeric_from=0,
        )


def required_pace(
    snapshot: Snapshot,
    target_percent: int | float | Fraction,
    term: Term | int | str | None = None,
    criteria: Criteria | None = None,
) -> Pace:
    """The pace needed from ``snapshot`` to reach ``target_percent`` (80 for 80%) under
    ``criteria`` (default the KMC rate) by the end of ``term`` (default the regular term,
    민선 n기, of the snapshot).

    >>> q1 = pledgetrack.load_example("gwangju-seogu")[-1]
    >>> pledgetrack.required_pace(q1, 80).per_quarter     # 40 of 49 needed, 33 done
    Fraction(7, 9)

    A PledgeError when the target lies outside 0-100 or nothing is counted.
    """
    criteria = _criteria(criteria, None)
    core = _types.snapshot(snapshot, "required_pace", "snapshot")
    return Pace._wrap(_core.required_pace(core, _term_of(core, term), target_percent, criteria), criteria)


class AdjustmentList(CoreWrapper):
    """Scope adjustments (공약조정) in order of their effective dates.

    >>> adj = pledgetrack.AdjustmentList([
    ...     pledgetrack.Adjustment("4-1-2", "removed", datetime.date(2024, 6, 30), approved_by="주민배심원단")])
    >>> history.rate_at("2024-06-30", adjustments=adj)   # 4-1-2 (일부추진) left the denominator
    Rate(33, 48)

    An adjustment never works backwards: a project leaves the denominator from its
    effective date on. Each adjustment is checked when added (a merge must name its
    target, a rename its new title).
    """

    __slots__ = ("_list",)
    _core_slot = "_list"

    def __init__(self, adjustments: Iterable[Adjustment] = ()) -> None:
        """A list of ``adjustments`` (:class:`Adjustment` objects, any order)."""
        self._list = _core.AdjustmentList(list(adjustments))

    def add(self, adjustment: Adjustment) -> None:
        """Adds an adjustment in its place by date."""
        self._list.add(adjustment)

    @property
    def entries(self) -> list[Adjustment]:
        """The adjustments by effective date (a new list)."""
        return self._list.entries

    def __len__(self) -> int:
        return len(self._list)

    def __iter__(self) -> Iterator[Adjustment]:
        return iter(self._list.entries)

    def in_force(self, date: _dt.date | str) -> list[Adjustment]:
        """The adjustments effective on or before ``date``."""
        return self._list.in_force(_date(date))

    def apply(self, snapshot: Snapshot, in_force_on: _dt.date | str | None = None) -> Snapshot:
        """A copy of ``snapshot`` under the scope in force on ``in_force_on`` (default its
        as_of): removed and merged projects get scope 'removed', renames take effect.
        Statuses and the date are untouched."""
        date = None if in_force_on is None else _date(in_force_on)
        return Snapshot._wrap(self._list.apply(_types.snapshot(snapshot, "AdjustmentList.apply", "snapshot"), date))



# -- helpers ----------------------------------------------------------------


def _date(value: _dt.date | str) -> _dt.date:
    date = _to_date(value)
    if date is None:
        raise TypeError("a date is needed (a datetime.date or text such as '2024-03-31'), not None")
    return date


def _term_of(snapshot: _core.Snapshot, term: Term | int | str | None) -> Term:
    """The term given (a Term, a number, '민선8기'), else the snapshot's own (_core.term_of)."""
    if isinstance(term, Term):
        return term
    if term is not None:
        return Term.elected(_term_number(term))
    return _core.term_of(snapshot)


def _adjustment_list(adjustments: AdjustmentList | Iterable[Adjustment] | None) -> _core.AdjustmentList:
    if adjustments is None:
        return _core.AdjustmentList()
    if isinstance(adjustments, AdjustmentList):
        return adjustments._list
    return _core.AdjustmentList(list(adjustments))


def _percent(rate: _core.Rate) -> float:
    p = rate.percent
    return float("nan") if p is None else float(p)


def _status_label(status: Status | None) -> str:
    return _NONE_LABEL if status is None else status.label_ko


def _date_label(snapshot: _core.Snapshot) -> str:
    if snapshot.as_of is None:
        return "날짜 없음"
    return f"{snapshot.as_of.isoformat()} ({snapshot.period})"
