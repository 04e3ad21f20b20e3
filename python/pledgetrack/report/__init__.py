"""The quarterly report (분기별 공약 추진실적 점검 결과), as the seed report lays it out:
1. 점검개요, 2. 점검결과, 직전 분기 대비 변경사항, 공약조정 필요사업, 공약사업별 추진현황.

>>> import pledgetrack as pt
>>> q4, q1 = pt.load_example("gwangju-seogu")
>>> r = pt.report(q1, q4)
>>> print(r.to_text())                 # the terminal layout, in Korean
>>> r.to_dict()["results"]["headline"]["change"]["text"]
'+2.0%p'
>>> r.to_html("en"); r.to_xlsx("2024Q1.xlsx")

Every figure is computed once, in C++ (``make_quarterly_report``); text,
Markdown and JSON are the C++ renderers' output, and HTML (:mod:`.html`) and
XLSX (:mod:`.xlsx`) are laid out here from the JSON and the words C++ gives
with it (its ``"layout"`` member), so all five say the same.

Note: ``pledgetrack.report`` is the function :func:`report`; this subpackage is
reached as ``from pledgetrack.report import html, xlsx`` (or through
``sys.modules``), which Python resolves to the module.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Union

from .. import _core, _types
from .._core import Criteria, Organization
from ._files import write_text_atomic

if TYPE_CHECKING:
    from .._audit import Audit
    from .._snapshot import Snapshot

__all__ = ["QuarterlyReport", "report"]

PathLike = Union[str, "os.PathLike[str]"]
Lang = Literal["ko", "en"]
Shares = Literal["honest", "largest_remainder", "largest-remainder"]
Format = Literal["text", "md", "json", "html", "xlsx"]

FORMATS: tuple[str, ...] = ("text", "md", "html", "json", "xlsx")
"""The formats a report is written in (``pledgetrack report --format``)."""


class QuarterlyReport:
    """Every figure of one quarterly check, ready to be written in any format and language.

    Made by :func:`pledgetrack.report`. Immutable. ``lang`` is ``'ko'`` (the seed's
    wording, the default) or ``'en'``; data (titles, departments, reasons) is never
    translated.
    """

    __slots__ = ("_audit", "_dicts", "_report")

    def __init__(self) -> None:
        """Not constructed directly: :func:`pledgetrack.report` makes a report."""
        raise TypeError("make a QuarterlyReport with pledgetrack.report(current, previous)")

    @classmethod
    def _wrap(cls, report: _core.QuarterlyReport, audit: Audit | None = None) -> QuarterlyReport:
        out = object.__new__(cls)
        out._report = report
        out._dicts = {}
        out._audit = audit
        return out

    @property
    def audit(self) -> Audit | None:
        """The published figures checked against the data (:func:`pledgetrack.audit`), when
        ``report(..., published=…)`` gave them; the report then ends with the section
        "공표 보고서와 다른 수치" (JSON: an ``"audit"`` member)."""
        return self._audit

    # -- formats ------------------------------------------------------------------

    def to_text(self, lang: Lang = "ko") -> str:
        """The report for a terminal: tables aligned by display width (Hangul takes two
        columns), control characters from data replaced."""
        return self._with_audit(_core.render_report(self._report, "text", lang), "text", lang)

    def to_markdown(self, lang: Lang = "ko") -> str:
        """The report as GitHub Markdown; text from data is escaped (``<script>`` shows as text)."""
        return self._with_audit(_core.render_report(self._report, "md", lang), "md", lang)

    def to_json(self, lang: Lang = "ko") -> str:
        """Every figure as JSON (UTF-8, two-space indent): rates as exact fractions, as
        numbers and as the text shown, the names of the rules. Schema: docs/report.md."""
        return self._with_audit(_core.render_report(self._report, "json", lang), "json", lang)

    def to_dict(self, lang: Lang = "ko") -> dict[str, Any]:
        """The JSON as Python objects (a new dict each call)."""
        if lang not in self._dicts:
            self._dicts[lang] = self.to_json(lang)
        return json.loads(self._dicts[lang])

    def to_html(self, lang: Lang = "ko") -> str:
        """One self-contained HTML document: inline CSS, an inline SVG chart of the statuses
        by field, no script; every text from data escaped."""
        from . import html

        return self._with_audit(html.render(self._layout_dict(lang)), "html", lang)

    def _layout_dict(self, lang: Lang) -> dict[str, Any]:
        """The report's JSON with the words the HTML and XLSX renderers place (its
        ``"layout"`` member), without the audit member."""
        return json.loads(_core.render_report(self._report, "layout", lang))

    def _with_audit(self, text: str, fmt: str, lang: Lang) -> str:
        """The report with its audit section, when it has one: after the report in text and
        Markdown, before ``</body>`` in HTML, as an ``"audit"`` member in JSON (the rest of the
        JSON byte for byte as without it)."""
        if self._audit is None:
            return text
        if fmt in ("text", "md"):
            return text.rstrip("\n") + "\n\n" + self._audit.differences(fmt, lang)
        if fmt == "html":
            at = text.rfind("</body>")
            section = f'<section class="audit">{self._audit.differences("html", lang)}</section>\n'
            return text[:at] + section + text[at:] if at >= 0 else text + section
        body = text.rstrip()
        audit_json = self._audit.to_json(lang).rstrip().replace("\n", "\n  ")
        return body[:-1].rstrip() + ',\n  "audit": ' + audit_json + "\n}\n"

    def to_xlsx(self, path: PathLike, lang: Lang = "ko") -> None:
        """Writes an Excel workbook, one sheet per section, atomically (needs openpyxl)."""
        from . import xlsx

        self._refuse_audit_in_xlsx()
        xlsx.write(self._layout_dict(lang), _types.path(path, "QuarterlyReport.to_xlsx"))

    def render_comparison(self, format: Literal["text", "md", "json"] = "text", lang: Lang = "ko") -> str:
        """What ``pledgetrack compare`` prints: the rate before and after, the change and
        every project that moved, grouped as the changes section groups them (C++
        ``render_comparison_*``). JSON: ``"format": "pledgetrack.comparison"``. Needs a
        report made with a previous snapshot."""
        return _core.render_comparison(self._report, format, lang)

    def render(self, format: Format = "text", lang: Lang = "ko") -> str | bytes:
        """The report in ``format``: text for 'text', 'md', 'json' and 'html'; the
        workbook's bytes for 'xlsx'."""
        if format in ("text", "md", "json"):
            return self._with_audit(_core.render_report(self._report, format, lang), format, lang)
        if format == "html":
            return self.to_html(lang)
        if format == "xlsx":
            import io

            from . import xlsx

            self._refuse_audit_in_xlsx()
            buffer = io.BytesIO()
            xlsx.write_to(self._layout_dict(lang), buffer)
            return buffer.getvalue()
        raise ValueError(f"unknown report format {format!r} (known: {', '.join(FORMATS)})")

    def write(self, path: PathLike, format: Format | None = None, lang: Lang = "ko") -> None:
        """Writes the report to ``path`` atomically (a temporary file beside it, then a
        rename): an interrupted run never leaves half a report. ``format`` defaults to the
        one the file's suffix names (.txt, .md, .json, .html, .xlsx)."""
        _types.path(path, "QuarterlyReport.write")
        chosen = format or format_of_path(path)
        if chosen is None:
            raise ValueError(f"cannot tell the format of {os.fsdecode(path)!r}: give format= ({', '.join(FORMATS)})")
        if chosen == "xlsx":
            self.to_xlsx(path, lang)
            return
        text = self.render(chosen, lang)
        assert isinstance(text, str)
        write_text_atomic(path, text)

    def _refuse_audit_in_xlsx(self) -> None:
        if self._audit is not None:
            raise ValueError("a report with published figures is written as text, md, html or json, not xlsx "
                             "(the audit section has no sheet yet)")

    # -- protocol ----------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QuarterlyReport):
            return NotImplemented
        return self._report == other._report

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._report)

    def _repr_html_(self) -> str:
        from . import html

        return html.render(self._layout_dict("ko"), full=False)


def report(
    current: Snapshot,
    previous: Snapshot | None = None,
    *,
    org: Organization | PathLike | None = None,
    shares: Shares = "honest",
    criteria: Criteria | None = None,
    periods: Literal["quarter", "half"] = "quarter",
    allow_different_districts: bool = False,
    published: PathLike | Iterable[Mapping[str, Any]] | None = None,
) -> QuarterlyReport:
    """The quarterly check of ``current`` against ``previous`` (None: no change line and
    no changes section).

    ``org`` (an :class:`Organization` or the path of an org file) fills empty bureaus and
    orders the field × bureau columns; without it the column order is the snapshot's
    :attr:`~Snapshot.bureau_order` (the org it was read with; bureaus of that org with no
    project are then left out), else the order of first appearance. ``shares``: how the
    status table's shares are rounded, 'honest' (each on its own; may sum to 99.9) or
    'largest_remainder' (Hamilton's method; sums to 100). ``criteria``: the headline rate
    (default the KMC completion rate). ``periods``: quarters (분기) or half-years (반기).

    Snapshots of two districts, or a ``previous`` dated after ``current``, are a
    :class:`PledgeError` unless ``allow_different_districts``.

    ``published``: the figures the published report prints (a CSV or JSON file, or a list of
    dicts; docs/audit.md). They are audited against ``current`` and ``previous``
    (:func:`pledgetrack.audit`, under ``criteria``), the result is :attr:`QuarterlyReport.audit`,
    and the report gains the section listing where the published report differs.

    >>> q4, q1 = pledgetrack.load_example("gwangju-seogu")
    >>> pledgetrack.report(q1, q4)
    QuarterlyReport(district="광주광역시 서구", as_of=2024-03-31, rate=rate(33, 49), previous=rate(32, 49), change="+2.0%p", projects=49, changed=3, adjustment_candidates=2)
    """
    from .._io import _organization

    made = _core.make_report(
        _types.snapshot(current, "report", "current"),
        None if previous is None else _types.snapshot(previous, "report", "previous"),
        _organization(org, None, "report"),
        shares=shares,
        criteria=criteria,
        periods=periods,
        allow_different_districts=allow_different_districts,
    )
    checked = None
    if published is not None:
        from .._audit import audit

        checked = audit(current, published, previous=previous, criteria=criteria)
    return QuarterlyReport._wrap(made, checked)


def format_of_path(path: PathLike) -> Format | None:
    """The format a file's suffix names: .txt text, .md markdown, .json, .html/.htm, .xlsx."""
    suffix = os.path.splitext(os.fsdecode(path))[1].lower()
    return {  # type: ignore[return-value]
        ".txt": "text",
        ".text": "text",
        ".md": "md",
        ".markdown": "md",
        ".json": "json",
        ".html": "html",
        ".htm": "html",
        ".xlsx": "xlsx",
    }.get(suffix)
