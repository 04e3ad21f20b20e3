"""Compact HTML tables for Jupyter (``_repr_html_``), Korean labels first.

Every piece of text from data (district, labels, names) is escaped here, in
one place, by the HTML report's rule (C++ ``escape_html``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from . import _core

_STYLE = "border-collapse:collapse;font-variant-numeric:tabular-nums"


@functools.cache
def words() -> dict[str, str]:
    """The report's Korean words by name (C++ ``report::phrase``): the tables' headings."""
    return _core.report_words("ko")


def escape(value: object) -> str:
    """Text for HTML: ``str(value)`` with ``& < > " '`` escaped, control characters and
    bidirectional overrides as U+FFFD."""
    return _core.escape_html(str(value))


def table(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    caption: str | None = None,
    footer: str | None = None,
    numeric_from: int = 1,
) -> str:
    """A small table; columns from ``numeric_from`` on are right-aligned."""
    out = [f'<table class="pledgetrack" style="{_STYLE}">']
    if caption is not None:
        out.append(f'<caption style="text-align:left">{escape(caption)}</caption>')
    out.append("<thead><tr>")
    out.extend(_cell("th", h, i >= numeric_from) for i, h in enumerate(header))
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        out.extend(_cell("td", v, i >= numeric_from) for i, v in enumerate(row))
        out.append("</tr>")
    out.append("</tbody></table>")
    if footer is not None:
        out.append(f"<small>{escape(footer)}</small>")
    return "".join(out)


def _cell(tag: str, value: object, numeric: bool) -> str:
    align = ' style="text-align:right"' if numeric else ""
    return f"<{tag}{align}>{escape(value)}</{tag}>"
