"""Reading the published report itself (공표 보고서 읽기): its text, a PDF or an HWPX, into
the snapshot of its project table, the figures it states, and every interpretation made.

>>> import pledgetrack as pt
>>> r = pt.read_report("seogu-2024q1.txt", org=pt.example_path() / "org.csv")
>>> r.snapshot.completion_rate()            # rebuilt from the report's own table
>>> r.corrections[0]["evidence"]
>>> print(r.audit().to_text())              # which of its figures hold

The reading, every correction and its evidence come from the C++ core
(``pledgetrack/published/``); this module finds the text of a PDF or HWPX (through
``pledgetrack._extract``, the ``reports`` extra) and presents the result. docs/reports.md
says what is read, how corrections are argued, and what is refused.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from . import _core
from ._wrapper import CoreWrapper
from ._core import Organization, PledgeError

if TYPE_CHECKING:
    from ._audit import Audit
    from ._snapshot import Snapshot

__all__ = ["PublishedReport", "ReportAudit", "read_report"]

PathLike = Union[str, "os.PathLike[str]"]
Lang = Literal["ko", "en"]


class PublishedReport(CoreWrapper):
    """What a published report says: its project table as a :class:`Snapshot`, every
    figure it prints (:attr:`stated`), the changes and adjustment candidates it lists, each
    interpretation made with its evidence (:attr:`corrections`) and what could not be read
    (:attr:`problems`). Made by :func:`read_report`."""

    __slots__ = ("_report",)
    _core_slot = "_report"

    def __init__(self) -> None:
        """Not constructed directly: :func:`read_report` reads a report."""
        raise TypeError("read a report with pledgetrack.read_report(path)")

    @property
    def snapshot(self) -> Snapshot:
        """The project table (공약사업별 추진현황), titles as printed; bureaus in the first
        table's column order."""
        from ._snapshot import Snapshot

        return Snapshot._wrap(self._report.snapshot)

    @property
    def stated(self) -> list[dict[str, str]]:
        """Every figure the report prints, as the dicts :func:`pledgetrack.audit` takes (the
        columns of a stated file, docs/audit.md)."""
        return self._report.stated_rows

    @property
    def corrections(self) -> list[dict[str, Any]]:
        """Each interpretation made: ``kind`` (spacing, department, field, bureau, id, joined,
        attached), ``printed``, ``read``, ``evidence``, ``ids``, ``lines``, ``page``."""
        return self._report.corrections

    @property
    def problems(self) -> list[dict[str, Any]]:
        """What could not be read: ``page`` (None when not known), ``line``, ``text``,
        ``message``."""
        return self._report.problems

    @property
    def changes(self) -> list[dict[str, Any]]:
        """The projects listed as changed since the previous period (변경사항)."""
        return self._report.changes

    @property
    def adjustments(self) -> list[dict[str, Any]]:
        """The adjustment candidates listed (공약조정 필요사업), with their reasons."""
        return self._report.adjustments

    @property
    def first_table(self) -> dict[str, Any] | None:
        """The first table (분야 × 실·국) as printed, or None."""
        return self._report.first_table

    @property
    def file(self) -> str:
        """The report's file, as given."""
        return self._report.file

    def audit(self, previous: Snapshot | PathLike | None = None, *, lang: Lang = "ko") -> ReportAudit:
        """Rebuilds every figure from the report's own table and checks what it states.
        Without ``previous`` (the period before), the previous period's figures are not
        checked, and changes are checked against the count its printed rate implies."""
        from ._audit import Audit
        from ._snapshot import Snapshot

        if lang not in ("ko", "en"):
            raise ValueError(f"unknown language {lang!r} (known: ko, en)")
        core_previous = None
        if isinstance(previous, Snapshot):
            core_previous = previous._snapshot
        elif previous is not None:
            from ._io import read_snapshots

            snapshots = read_snapshots(previous)
            if len(snapshots) != 1:
                raise PledgeError(f"'{os.fsdecode(previous)}' holds {len(snapshots)} snapshots; give one")
            core_previous = snapshots[0]._snapshot
        made = _core.audit_published(self._report, core_previous)
        return ReportAudit(Audit._wrap(made.result, lang), made, lang)

    def _repr_html_(self) -> str:
        from ._html import escape, table
        from ._snapshot import _term_label

        s = self._report.snapshot
        as_of = "-" if s.as_of is None else s.as_of.isoformat()
        head = (
            f"<p><b>{escape(s.district)}</b> {escape(_term_label(s.term))} · {escape(as_of)} · "
            f"{len(s)} projects (사업) · {len(self.stated)} stated figures (공표 수치)</p>"
        )
        corrections = table(
            ["kind (종류)", "printed (원문)", "read (읽음)", "ids", "evidence (근거)"],
            [(c["kind"], c["printed"], c["read"], ", ".join(c["ids"]), c["evidence"]) for c in self.corrections],
            caption="Corrections (해석)",
            numeric_from=99,
        )
        problems = table(
            ["page", "line", "problem (문제)"],
            [(p["page"] or "-", p["line"] or "-", p["message"]) for p in self.problems],
            caption="Problems (읽지 못한 곳)",
            numeric_from=99,
        )
        return head + corrections + (problems if self.problems else "")


class ReportAudit:
    """The audit of a report from its own table: the :class:`Audit` of the figures checked,
    the figures not checked and why, and the assumption made for the changes."""

    __slots__ = ("_audit", "_lang", "_made")

    def __init__(self, audit: Audit, made: Any, lang: str) -> None:
        """Made by :meth:`PublishedReport.audit`."""
        self._audit = audit
        self._made = made
        self._lang = lang

    @property
    def audit(self) -> Audit:
        """The findings of the figures checked."""
        return self._audit

    @property
    def findings(self) -> list[Any]:
        """The findings of the figures checked (:attr:`Audit.findings`)."""
        return self._audit.findings

    @property
    def unexplained(self) -> list[Any]:
        """The findings no rule explains."""
        return self._audit.unexplained

    @property
    def unchecked(self) -> list[str]:
        """The figures not checked, as printed."""
        return [f.value for f in self._made.unchecked]

    def notes(self, lang: Lang | None = None) -> str:
        """The figures not checked and why, and the assumption made ("" when none)."""
        return self._made.notes(lang or self._lang)

    def render(self, format: str = "text", lang: Lang | None = None) -> str:
        """The findings in 'text', 'md', 'json' or 'html', with the notes after a text or
        Markdown table (JSON gains ``unchecked`` and ``notes``)."""
        import json

        chosen = lang or self._lang
        body = self._audit.render(format, chosen)
        notes = self.notes(chosen)
        if format == "json":
            data = json.loads(body)
            data["unchecked"] = self.unchecked
            data["notes"] = notes
            return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if format == "html":
            from ._html import escape

            return body.replace("</body>", f"<pre>{escape(notes)}</pre></body>") if notes else body
        return body.rstrip("\n") + "\n\n" + notes if notes else body

    def to_text(self, lang: Lang | None = None) -> str:
        """The findings for a terminal, with the notes."""
        return self.render("text", lang)

    def __repr__(self) -> str:
        return repr(self._made)


def read_report(
    path: PathLike,
    *,
    org: Organization | PathLike | None = None,
    district: str | None = None,
    term: int | str | None = None,
    as_of: _dt.date | str | None = None,
) -> PublishedReport:
    """Reads a published report: its extracted text (.txt), a text-based PDF or an HWPX
    (``pip install pledgetrack[reports]``). ``org`` (an :class:`Organization` or an org
    file) gives bureaus and lets damaged department names be matched; ``district``,
    ``term`` and ``as_of`` win over what the report prints. A legacy binary .hwp is refused
    ("save as HWPX or PDF"); a text with no project table is a :class:`PledgeError` naming the
    file."""
    from ._io import _organization
    from ._snapshot import _term_number, _to_date

    name = os.fsdecode(path)
    if not Path(name).is_file():
        raise PledgeError(f"no such file: '{name}'")
    options = dict(
        org=_organization(org, None, "read_report"),
        district=district or "",
        term=0 if term is None else _term_number(term),
        as_of=None if as_of is None else _to_date(as_of),
    )
    # The file's kind comes from its first bytes (pledgetrack._extract), not its name: a PDF
    # saved as .txt reads as a PDF; text is decoded by the core's reader of pledge files.
    from ._extract import extract_text

    return PublishedReport._wrap(_core.read_published(extract_text(name), name, **options))
