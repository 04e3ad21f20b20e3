"""Auditing a published report (공표 수치 검증): which of its figures hold, and which rule
explains the ones that do not.

>>> import pledgetrack as pt
>>> q4, q1 = pt.load_example("gwangju-seogu")
>>> a = pt.audit(q1, [{"figure": "share", "value": "30.7%", "status": "정상추진"},
...                   {"figure": "share", "value": "67.3%", "status": "완료+이행후계속추진"},
...                   {"figure": "share", "value": "2.0%", "status": "일부추진"}])
>>> a.findings[0].verdict, a.findings[0].rule
('explained', 'forced_to_100')
>>> print(a.to_text())

Every figure, rule and sentence comes from the C++ core (``pledgetrack/audit/``); this
module reads the inputs, and builds its objects and the HTML view from the core's JSON.
The stated file's format is in docs/audit.md.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from . import _core
from ._core import Criteria, PledgeError

if TYPE_CHECKING:
    import pandas as pd

    from ._snapshot import Snapshot

__all__ = ["Audit", "Finding", "audit"]

PathLike = Union[str, "os.PathLike[str]"]
Lang = Literal["ko", "en"]
Verdict = Literal["agree", "explained", "unexplained"]

FORMATS: tuple[str, ...] = ("text", "md", "json", "html")
"""The formats an audit is written in (``pledgetrack audit --format``)."""

STATED_KEYS: tuple[str, ...] = ("figure", "value", "status", "dimension", "group", "period", "label")
"""The keys of a stated figure given as a dict (the columns of a stated CSV)."""


@dataclass(frozen=True)
class Finding:
    """The audit of one stated figure: what the data gives, the verdict and the rule."""

    figure: str
    """rate, share, count, total or change."""
    subject: str
    """What the figure is about, in words: ``'비율 · 정상추진'``."""
    status: str
    dimension: str
    group: str
    period: str
    """``'current'``, or ``'previous'`` for a figure of the previous period."""
    label: str
    stated: str
    """The figure as printed: ``'30.7%'``."""
    computed: Fraction | None
    """The figure from the data, exactly (percent, %p or count); None when it cannot be computed."""
    computed_text: str
    """``computed`` at the precision printed: ``'30.6%'``."""
    verdict: Verdict
    rule: str | list[str] | None
    """None, a rule's name, or a list of two names when two rules combine."""
    detail: str
    """The arithmetic in words."""
    verdict_text: str
    rule_text: str

    @classmethod
    def _from_json(cls, item: Mapping[str, Any]) -> Finding:
        rules = list(item["rules"])
        computed = item["computed"]
        return cls(
            figure=item["figure"],
            subject=item["subject"],
            status=item["status"],
            dimension="×".join(item["dimensions"]),
            group="×".join(item["groups"]),
            period=item["period"],
            label=item["label"],
            stated=item["stated"],
            computed=None if computed is None else Fraction(computed["numerator"], computed["denominator"]),
            computed_text=item["computed_text"],
            verdict=item["verdict"],
            rule=None if not rules else rules[0] if len(rules) == 1 else rules,
            detail=item["detail"],
            verdict_text=item["verdict_text"],
            rule_text=item["rule_text"],
        )


Finding.__init__.__doc__ = "Made by :func:`pledgetrack.audit`, from the core's findings."


class Audit:
    """The findings of one audit, one per stated figure, in their order. Made by
    :func:`pledgetrack.audit`. ``lang`` ('ko' or 'en') is the language of the details."""

    __slots__ = ("_dicts", "_lang", "_result")

    def __init__(self) -> None:
        """Not constructed directly: :func:`pledgetrack.audit` makes an audit."""
        raise TypeError("make an Audit with pledgetrack.audit(data, stated)")

    @classmethod
    def _wrap(cls, result: _core.AuditResult, lang: str) -> Audit:
        out = object.__new__(cls)
        out._result = result
        out._lang = lang
        out._dicts = {}
        return out

    @property
    def lang(self) -> str:
        """The language of the details and of the default outputs: 'ko' or 'en'."""
        return self._lang

    @property
    def findings(self) -> list[Finding]:
        """One finding per stated figure."""
        return [Finding._from_json(item) for item in self.to_dict()["findings"]]

    @property
    def unexplained(self) -> list[Finding]:
        """The findings no rule explains (and those that cannot be computed)."""
        return [f for f in self.findings if f.verdict == "unexplained"]

    @property
    def discrepancies(self) -> list[Finding]:
        """The printed figures that differ from the data, explained or not."""
        return [f for f in self.findings if f.verdict != "agree"]

    def __len__(self) -> int:
        return len(self._result)

    # -- formats ---------------------------------------------------------------------

    def to_text(self, lang: Lang | None = None) -> str:
        """A table for a terminal, one line per figure."""
        return _core.render_audit(self._result, "text", lang or self._lang)

    def to_markdown(self, lang: Lang | None = None) -> str:
        """A GitHub Markdown table, one line per figure; text from data escaped."""
        return _core.render_audit(self._result, "md", lang or self._lang)

    def to_json(self, lang: Lang | None = None) -> str:
        """Every finding as JSON (schema: docs/audit.md)."""
        return _core.render_audit(self._result, "json", lang or self._lang)

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """The JSON as Python objects (a new dict each call)."""
        chosen = lang or self._lang
        if chosen not in self._dicts:
            self._dicts[chosen] = self.to_json(chosen)
        return json.loads(self._dicts[chosen])

    def to_html(self, lang: Lang | None = None) -> str:
        """One self-contained HTML document holding the findings table."""
        from ._html import escape

        data = self.to_dict(lang)
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(data["language"])}"><head><meta charset="utf-8">'
            f"<title>{escape(data['title'])}</title></head><body>\n{self._table(data)}\n</body></html>\n"
        )

    def to_frame(self, lang: Lang | None = None) -> pd.DataFrame:
        """One row per figure: figure, subject, status, dimension, group, period, label, stated,
        computed (exact), computed_text, verdict, rule, detail."""
        import pandas as pd

        columns = ["figure", "subject", "status", "dimension", "group", "period", "label", "stated",
                   "computed", "computed_text", "verdict", "rule", "detail"]  # fmt: skip
        rows = [Finding._from_json(item) for item in self.to_dict(lang)["findings"]]
        return pd.DataFrame([[getattr(f, c) for c in columns] for f in rows], columns=columns)

    def differences(self, format: str = "text", lang: Lang | None = None) -> str:
        """The section a quarterly report gains when its published figures are given: the
        figures that differ, explained or not ("공표 보고서와 다른 수치"), as 'text', 'md' or
        'html' (a fragment)."""
        if format in ("text", "md"):
            return _core.render_audit(self._result, f"differences-{format}", lang or self._lang)
        if format == "html":
            from ._html import escape

            data = self.to_dict(lang)
            shown = [f for f in data["findings"] if f["verdict"] != "agree"]
            if not shown:
                return f"<h2>{escape(data['differences_title'])}</h2><p>{escape(data['no_differences'])}</p>"
            return f"<h2>{escape(data['differences_title'])}</h2>" + self._table({**data, "findings": shown})
        raise ValueError(f"unknown format {format!r} for the differences (known: text, md, html)")

    def render(self, format: str = "text", lang: Lang | None = None) -> str:
        """The findings in ``format``: 'text', 'md', 'json' or 'html'."""
        if format in ("text", "md", "json"):
            return _core.render_audit(self._result, format, lang or self._lang)
        if format == "html":
            return self.to_html(lang)
        raise ValueError(f"unknown audit format {format!r} (known: {', '.join(FORMATS)})")

    def write(self, path: PathLike, format: str | None = None, lang: Lang | None = None) -> None:
        """Writes the findings to ``path`` atomically; ``format`` defaults to the suffix's."""
        from .report import format_of_path
        from .report._files import write_text_atomic

        chosen = format or format_of_path(path)
        if chosen not in FORMATS:
            raise ValueError(f"cannot write an audit as {chosen!r} (known: {', '.join(FORMATS)})")
        write_text_atomic(path, self.render(chosen, lang))

    # -- protocol ---------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Audit):
            return NotImplemented
        return bool(self._result == other._result)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._result).replace("AuditResult(", "Audit(", 1)

    def _repr_html_(self) -> str:
        return self._table(self.to_dict())

    @staticmethod
    def _table(data: Mapping[str, Any]) -> str:
        from ._html import table

        rows = [
            (f["subject"], f["stated"], f["computed_text"] or "-", f["verdict_text"], f["rule_text"] or "-",
             f["detail"])
            for f in data["findings"]
        ]  # fmt: skip
        return table(data["header"], rows, caption=data["title"], footer=data["summary"], numeric_from=1)


# -- inputs -------------------------------------------------------------------------------


def _data(value: Any, what: str) -> Any:
    """A Snapshot (rows) or a dict of counts for the core, from what the caller gave."""
    from ._snapshot import Snapshot

    if isinstance(value, Snapshot):
        return value._snapshot
    if isinstance(value, _core.Snapshot):
        return value
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (str, os.PathLike)):
        return _read_data(os.fsdecode(value))
    raise TypeError(
        f"{what} is a Snapshot, a dict of counts per status, or the path of a pledge file or of a "
        f"status,count file, not {type(value).__name__}"
    )


def _read_data(path: str) -> Any:
    from ._io import read_snapshots

    counts = _core.read_counts_csv(path)
    if counts is not None:
        return counts
    snapshots = read_snapshots(path)
    if len(snapshots) != 1:
        raise PledgeError(f"'{path}' holds {len(snapshots)} snapshots; an audit needs one")
    return snapshots[0]._snapshot


def _stated(value: Any) -> list[Any]:
    """The stated figures for the core: read from a CSV or JSON file, or made from dicts."""
    if isinstance(value, (str, os.PathLike)):
        path = Path(value)
        if path.suffix.lower() == ".json":
            with open(path, encoding="utf-8-sig") as f:
                try:
                    loaded = json.load(f)
                except json.JSONDecodeError as e:
                    raise PledgeError(f"{os.fsdecode(value)}:{e.lineno}:{e.colno}: not JSON: {e.msg}") from None
            entries = loaded.get("figures") if isinstance(loaded, dict) else loaded
            if not isinstance(entries, list):
                raise PledgeError(f"{os.fsdecode(value)}: a stated JSON file is a list of figures, or {{\"figures\": [...]}}")
            return _from_dicts(entries, os.fsdecode(value))
        return list(_core.read_stated_csv(os.fsdecode(value)))
    if isinstance(value, Mapping):
        raise TypeError("stated is a list of figures (dicts), or the path of a CSV or JSON file; not one dict")
    if isinstance(value, Iterable):
        return _from_dicts(list(value), "stated")
    raise TypeError(f"stated is a list of dicts or the path of a CSV or JSON file, not {type(value).__name__}")


def _from_dicts(entries: list[Any], source: str) -> list[Any]:
    out = []
    for i, entry in enumerate(entries):
        where = f"{source}[{i}]"
        if isinstance(entry, _core.StatedFigure):
            out.append(entry)
            continue
        if not isinstance(entry, Mapping):
            raise PledgeError(f"{where}: a stated figure is a dict with 'figure' and 'value', not {type(entry).__name__}")
        unknown = [k for k in entry if k not in STATED_KEYS]
        if unknown:
            raise PledgeError(f"{where}: unknown key (known: {', '.join(STATED_KEYS)}): '{unknown[0]}'")
        fields = {}
        for key, item in entry.items():
            if isinstance(item, bool) or isinstance(item, float):
                raise PledgeError(f"{where}: give '{key}' as printed, in quotes (a number loses its decimals): '{item}'")
            fields[key] = "" if item is None else str(item)
        for required in ("figure", "value"):
            if required not in fields:
                raise PledgeError(f"{where}: a stated figure needs '{required}'")
        out.append(_core.make_stated_figure(**fields, file=where))
    if not out:
        raise PledgeError(f"{source}: no figures to audit")
    return out


def audit(
    data: Snapshot | Mapping[Any, int] | PathLike,
    stated: PathLike | Iterable[Mapping[str, Any]],
    *,
    previous: Snapshot | Mapping[Any, int] | PathLike | None = None,
    criteria: Criteria | None = None,
    lang: Lang = "ko",
) -> Audit:
    """Audits a published report's figures against the data.

    ``data`` is a :class:`Snapshot` (rows), or only counts per status when a source publishes
    no rows: a dict from status (a :class:`Status` or any label: ``"완료"``, ``"정상"``) to
    count, or the path of a pledge file or of a small ``status,count`` CSV. ``previous`` is the
    same for the previous period (changes, figures carried over). ``stated`` is what the report
    prints: the path of a CSV or JSON file, or a list of dicts ``{"figure": "rate" | "share" |
    "count" | "total" | "change", "value": "67.3%"}`` with, where it applies, ``"status"``
    (labels joined by ``+`` for a combined column), ``"dimension"`` and ``"group"``,
    ``"period"`` (``"previous"``) and ``"label"`` (docs/audit.md). ``criteria`` are the
    report's (default: the KMC completion rate, rounded half up).
    """
    core_previous = None if previous is None else _data(previous, "previous")
    result = _core.audit(_data(data, "data"), _stated(stated), core_previous, criteria)
    if lang not in ("ko", "en"):
        raise ValueError(f"unknown language {lang!r} (known: ko, en)")
    return Audit._wrap(result, lang)
