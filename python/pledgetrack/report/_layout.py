"""The words of one report as the C++ core wrote them: the ``"layout"`` member of
its JSON (``render_report(r, "layout", lang)``, C++ ``render_layout_json``).
The HTML and XLSX renderers take every word they place from here, so that they
hold no sentence of their own and read like the text and Markdown reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

Lang = Literal["ko", "en"]


class Layout:
    """The fixed words (``words("as_of")`` → '기준일자') and the composed lines of
    one report, in the report's language."""

    __slots__ = ("_layout", "lang")

    def __init__(self, report: Mapping[str, Any]) -> None:
        if "layout" not in report:
            raise ValueError(
                "the HTML and XLSX renderers lay out the report's layout JSON "
                "(render_report(report, 'layout', lang)), not its plain JSON"
            )
        self.lang: Lang = "en" if report.get("language") == "en" else "ko"
        self._layout: Mapping[str, Any] = report["layout"]

    def __call__(self, key: str) -> str:
        """The fixed word ``key`` (a name of C++ ``phrase``)."""
        return str(self._layout["words"][key])

    def __getitem__(self, key: str) -> Any:
        """A composed line or list: ``out_of_scope_text``, ``change_groups``, …"""
        return self._layout[key]

    @property
    def sep(self) -> str:
        """Between a label and its value: ' : ' in Korean, ': ' in English."""
        return str(self._layout["label_separator"])
