"""Snapshot: every unit project of one district's pledges as of one date.

Wraps ``_core.Snapshot`` (immutable; the figures are the C++ core's) and adds
the Python conveniences: pandas frames, dict results and an HTML repr.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from . import _core, _html
from ._wrapper import CoreWrapper
from ._core import Criteria, PledgeError, Project, Status
from ._rate import Rate

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Dimension", "Snapshot", "StatusCounts"]

Dimension = Literal["field", "pledge", "department", "bureau", "status"]
"""A property projects are grouped by: 분야, 공약, 주관부서, 실·국, 추진상황."""

# Columns of to_frame(), in the file format's order (docs/data-format.md) with
# raw_status beside status; columns the library does not know follow.
FRAME_COLUMNS = (
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
)


class Snapshot(CoreWrapper):
    """The projects of one district (자치단체) in one term (민선 n기) as of one date (기준일자).

    >>> snap = pledgetrack.load_example("gwangju-seogu")[-1]
    >>> snap.district, snap.term, snap.as_of, snap.period, len(snap)
    ('광주광역시 서구', 8, datetime.date(2024, 3, 31), '2024Q1', 49)
    >>> str(snap.completion_rate())
    '67.3%'
    >>> snap["2-3-④"].department
    '경제과'

    Immutable. Iterating gives the projects in file order; ``snap[id]`` finds
    one by its management number in any spelling (KeyError when absent).

    ``bureau_order``: the org file's bureau order when the snapshot was read
    with ``org=`` (or from a directory holding ``org.csv``); ``crosstab`` uses
    it for a bureau dimension unless given an explicit order. It travels with
    pickles and copies, but is not part of equality.
    """

    __slots__ = ("_snapshot",)
    _core_slot = "_snapshot"

    def __init__(
        self,
        district: str,
        term: int | str,
        as_of: _dt.date | str | None,
        projects: Iterable[Project] = (),
        *,
        bureau_order: Sequence[str] | None = None,
    ) -> None:
        """A snapshot of ``projects``. ``term`` is a number or '민선8기'; ``as_of`` a date or
        text ('2024. 3. 31.'). A duplicate id, or a progress outside 0-100, is a PledgeError."""
        self._snapshot = _core.Snapshot(
            district,
            _term_number(term),
            _to_date(as_of),
            list(projects),
            bureau_order=None if bureau_order is None else list(bureau_order),
        )

    # -- identity -----------------------------------------------------------

    @property
    def district(self) -> str:
        """자치단체: ``'광주광역시 서구'``."""
        return self._snapshot.district

    @property
    def term(self) -> int:
        """n of 민선 n기 (0 when not known)."""
        return self._snapshot.term

    @property
    def as_of(self) -> _dt.date | None:
        """기준일자 as a :class:`datetime.date`."""
        return self._snapshot.as_of

    @property
    def period(self) -> str | None:
        """The quarter of ``as_of``: ``'2024Q1'``."""
        return self._snapshot.period

    @property
    def bureau_order(self) -> tuple[str, ...] | None:
        """Bureaus (실·국) in the org file's order, or None when read without an org."""
        return self._snapshot.bureau_order

    # -- projects -----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._snapshot)

    def __iter__(self) -> Iterator[Project]:
        return iter(self._snapshot)

    @property
    def projects(self) -> list[Project]:
        """The projects in order (a new list)."""
        return self._snapshot.projects

    def __getitem__(self, id: str) -> Project:
        """The project with this id (``'2-3-4'``, ``'2-3-④'``); KeyError when there is none."""
        if not isinstance(id, str):
            raise TypeError(f"a project is looked up by its id as text, not by {type(id).__name__}")
        found = self._snapshot.find(id)  # a malformed id is a PledgeError
        if found is None:
            try:
                self._snapshot.at(id)
            except PledgeError as e:  # the core's message names the id, district and date
                raise KeyError(str(e)) from None
        return found

    def get(self, id: str, default: Any = None) -> Project | Any:
        """The project with this id, or ``default``."""
        found = self._snapshot.find(id)
        return default if found is None else found

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._snapshot

    # -- figures ------------------------------------------------------------

    def counts(self) -> StatusCounts:
        """Projects in scope by status: every Status in the KMC order, zeros included
        (a dict; in Jupyter a table with the Korean labels).

        Projects removed through the adjustment procedure (공약조정) are not counted.
        """
        return StatusCounts(_core.count_statuses(self._snapshot))

    def completion_rate(self, criteria: Criteria | None = None, basis: str | None = None) -> Rate:
        """The rate under ``criteria`` (default the KMC completion rate, 공약이행완료율).

        ``basis`` ('project' or 'pledge') overrides the criteria's basis: on the
        pledge basis a pledge counts once and is complete when all its projects are.
        """
        criteria = _criteria(criteria, basis)
        return Rate._wrap(_core.completion_rate(self._snapshot, criteria), criteria)

    def rates_by(self, dim: Dimension, criteria: Criteria | None = None) -> dict[str, Rate]:
        """{group: Rate} along a dimension, in order of first appearance (statuses in KMC order).

        A group with nothing counted has a rate with no value (``percent is None``).
        """
        criteria = _criteria(criteria, None)
        return {key: Rate._wrap(r, criteria) for key, r in _core.rates_by(self._snapshot, dim, criteria)}

    def counts_by(self, dim: Dimension) -> dict[str, dict[Status, int]]:
        """{group: {Status: count}} along a dimension (projects in scope only)."""
        return dict(_core.counts_by(self._snapshot, dim))

    def crosstab(
        self,
        rows: Dimension,
        cols: Dimension,
        *,
        row_order: Sequence[str] | None = None,
        col_order: Sequence[str] | None = None,
        total: str = "계",
    ) -> pd.DataFrame:
        """Counts of projects in scope by (row group, column group), as a DataFrame.

        Labels come in the given orders (kept even when a group is empty), then in
        order of first appearance. A bureau dimension without an explicit order
        uses :attr:`bureau_order`. A total column and a total row (labelled
        ``total``, '계') come last. The axes are named in Korean (분야, 실·국, …).
        """
        import pandas as pd

        table = _core.make_crosstab(
            self._snapshot,
            rows,
            cols,
            list(row_order) if row_order is not None else self._default_order(rows),
            list(col_order) if col_order is not None else self._default_order(cols),
        )
        n_rows = len(table.row_labels)
        n_cols = len(table.column_labels)
        cells = [[*row, table.row_total(r)] for r, row in enumerate(table.cells)]
        cells.append([*(table.column_total(c) for c in range(n_cols)), table.total()])
        index = pd.Index([*table.row_labels, total], name=_core.dimension_label_ko(rows))
        columns = pd.Index([*table.column_labels, total], name=_core.dimension_label_ko(cols))
        frame = pd.DataFrame(cells, index=index, columns=columns, dtype="int64")
        assert frame.shape == (n_rows + 1, n_cols + 1)
        return frame

    def _default_order(self, dim: str) -> list[str]:
        order = self._snapshot.bureau_order
        return list(order) if dim == "bureau" and order else []

    # -- frames and files ---------------------------------------------------

    def to_frame(self) -> pd.DataFrame:
        """One row per project, in order: the file format's columns (district, term, as_of,
        id, field, pledge, project, department, bureau, status, progress, due, note, scope,
        adjustment) with ``raw_status`` after ``status``, then the unknown columns.

        ``status`` is an ordered Categorical of :class:`Status` (KMC order); ``progress``
        a float (NaN when not given); ``due`` 'in_term', 'after_term' or None; ``as_of``
        a :class:`datetime.date`. :meth:`from_frame` reads it back.
        """
        import pandas as pd

        projects = self.projects
        extras: list[str] = []
        for p in projects:
            extras.extend(name for name in p.extra if name not in extras)
        data: dict[str, list[Any]] = {
            "district": [self.district] * len(projects),
            "term": [self.term] * len(projects),
            "as_of": [self.as_of] * len(projects),
            "id": [p.id for p in projects],
            "field": [p.field for p in projects],
            "pledge": [p.pledge for p in projects],
            "project": [p.title for p in projects],
            "department": [p.department for p in projects],
            "bureau": [p.bureau for p in projects],
            "status": [p.status for p in projects],
            "raw_status": [p.raw_status for p in projects],
            "progress": [math.nan if p.progress is None else p.progress for p in projects],
            "due": [p.due for p in projects],
            "note": [p.note for p in projects],
            "scope": [p.scope for p in projects],
            "adjustment": [p.adjustment for p in projects],
        }
        for name in extras:
            data[name] = [p.extra.get(name, "") for p in projects]
        frame = pd.DataFrame(data)
        frame["status"] = pd.Categorical(data["status"], categories=list(Status), ordered=True)
        frame["term"] = frame["term"].astype("int64")
        frame["progress"] = frame["progress"].astype("float64")
        frame["due"] = frame["due"].astype(object)
        frame["as_of"] = frame["as_of"].astype(object)
        return frame

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        district: str | None = None,
        term: int | str | None = None,
        as_of: _dt.date | str | None = None,
        bureau_order: Sequence[str] | None = None,
    ) -> Snapshot:
        """A snapshot from a frame shaped like :meth:`to_frame`'s (or like the CSV file).

        ``id``, ``project`` (or ``title``) and ``status`` are required; ``status`` holds
        :class:`Status` values or labels (``'정 상 추 진'``). ``district``, ``term`` and
        ``as_of`` come from the arguments or from columns holding one value each.
        Columns the library does not know become the projects' ``extra``.
        """
        title_column = "project" if "project" in frame.columns else "title"
        for required in ("id", title_column, "status"):
            if required not in frame.columns:
                raise PledgeError(f"from_frame: missing required column {required!r}")
        district = _single(frame, "district", district)
        term = _single(frame, "term", term)
        as_of = _single(frame, "as_of", as_of)
        if district is None or term is None or as_of is None:
            missing = [n for n, v in (("district", district), ("term", term), ("as_of", as_of)) if v is None]
            raise PledgeError(f"from_frame: no {', '.join(missing)}: give a column or an argument")
        known = {*FRAME_COLUMNS, "title"}
        extras = [c for c in frame.columns if c not in known]
        projects = []
        for row in frame.to_dict("records"):
            raw = _text(row.get("raw_status"))
            status = row["status"]
            projects.append(
                Project(
                    _text(row["id"]),
                    _text(row[title_column]),
                    status if isinstance(status, Status) else _text(status),
                    field=_text(row.get("field")),
                    pledge=_text(row.get("pledge")),
                    department=_text(row.get("department")),
                    bureau=_text(row.get("bureau")),
                    raw_status=raw if raw else None,
                    progress=None if _missing(row.get("progress")) else row["progress"],
                    due=_text(row.get("due")) or None,
                    note=_text(row.get("note")),
                    adjustment=_text(row.get("adjustment")),
                    scope=_text(row.get("scope")) or "in",
                    extra={name: _text(row[name]) for name in extras},
                )
            )
        return cls(str(district), term, as_of, projects, bureau_order=bureau_order)

    def write_csv(
        self,
        path: str | os.PathLike[str],
        *,
        bom: bool = True,
        delimiter: str = ",",
        neutralise_formulas: bool = True,
    ) -> None:
        """Writes the snapshot in the documented CSV format (see :func:`pledgetrack.write_csv`)."""
        from ._io import write_csv

        write_csv(path, [self], bom=bom, delimiter=delimiter, neutralise_formulas=neutralise_formulas)

    # -- protocol -----------------------------------------------------------

    def _repr_html_(self) -> str:
        counts = self.counts()
        total = sum(counts.values())
        w = _html.words()
        rows = [[s.label_ko, n, str(Rate(n, total))] for s, n in counts.items() if n]
        rows.append([w["sum"], total, str(Rate(total, total))])
        rate = self.completion_rate()
        term = f" {_term_label(self.term)}" if self.term else ""
        as_of = "" if self.as_of is None else f" · {w['as_of']} {self.as_of.isoformat()} ({self.period})"
        caption = f"{self.district}{term}{as_of} · {w['projects']} {len(self)}"
        footer = f"{rate.criteria.name_ko if rate.criteria else ''} {rate} ({rate.numerator}/{rate.denominator})"
        return _html.table([w["status"], w["count_row"], w["share_row"]], rows, caption=caption, footer=footer)


class StatusCounts(dict[Status, int]):
    """{Status: count} as :meth:`Snapshot.counts` returns it: a plain dict in every way
    (equality, order, pickling, ``repr``), which Jupyter shows as a table of the
    statuses' Korean labels (추진상황 | 건수), zeros included, and the total."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        w = _html.words()
        rows: list[list[object]] = [[s.label_ko, n] for s, n in self.items()]
        rows.append([w["sum"], sum(self.values())])
        return _html.table([w["status"], w["count_row"]], rows)


# -- helpers ----------------------------------------------------------------


def _criteria(criteria: Criteria | None, basis: str | None) -> Criteria:
    c = Criteria.kmc() if criteria is None else criteria
    return c if basis is None or basis == c.basis else c.replace(basis=basis)


def _term_number(term: int | str | None) -> int:
    if term is None:
        return 0
    if isinstance(term, str):
        return _core.Term.parse(term).number
    return int(term)


def _to_date(value: object) -> _dt.date | None:
    """A date from a date, a pandas Timestamp or datetime (its day), or text as reports write it."""
    if value is None or _missing(value):
        return None
    if isinstance(value, _dt.datetime):  # pandas.Timestamp too
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        return _core.parse_date(value)
    raise TypeError(f"a date must be a datetime.date or text, not {type(value).__name__}")


def _missing(value: object) -> bool:
    """None, NaN, pandas.NA or NaT."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):  # pandas.NA refuses bool()
        return True


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def _single(frame: pd.DataFrame, column: str, given: Any) -> Any:
    """The argument, else the one value a column holds; several values are an error."""
    if given is not None:
        return given
    if column not in frame.columns:
        return None
    values = {v for v in frame[column] if not _missing(v)}
    if len(values) > 1:
        shown = ", ".join(sorted(map(str, values)))
        raise PledgeError(f"from_frame: column {column!r} holds several values ({shown}); one snapshot has one")
    return values.pop() if values else None


def _term_label(number: int) -> str:
    """'민선8기' (the core's label); the bare number when no regular term has it."""
    try:
        return _core.Term.elected(number).label_ko
    except PledgeError:
        return str(number)
