"""The quarterly report as one self-contained HTML file: inline CSS, the chart as
inline SVG (the browser draws its Korean text, so no font is embedded), no
script, nothing fetched.

It is laid out from the report's layout JSON (its JSON with the ``"layout"``
member, C++ ``render_layout_json``): every figure, every word and every
composed sentence comes from the C++ core; this module only places them. Every text from data goes through :func:`escape`, so a project
titled ``<script>alert(1)</script>`` shows as that text.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .. import _core
from .._core import Status
from .._palette import STATUS_PALETTE
from ._layout import Lang, Layout

__all__ = ["escape", "render"]

# The status colours by the statuses' names, in the KMC order (the palette: _palette.py).
_COLOURS = {status.name.lower(): colours for status, colours in STATUS_PALETTE.items()}
_STATUS_ORDER = tuple(_COLOURS)

# word-break:keep-all breaks Korean lines only between words (at spaces), as
# Korean is typeset: without it a browser breaks Hangul between any two
# syllables (관리번/호, 주민자치/과). overflow-wrap lets a word longer than its
# cell break rather than overflow.

_CSS = """
.pledgetrack-report{font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif;
  color:#1a1a1a;max-width:64rem;margin:0 auto;padding:1.5rem;line-height:1.55;word-break:keep-all;overflow-wrap:break-word}
.pledgetrack-report h1{font-size:1.5rem;margin:0 0 .25rem}
.pledgetrack-report h2{font-size:1.25rem;border-bottom:2px solid #1a1a1a;padding-bottom:.2rem;margin-top:2rem}
.pledgetrack-report h3{font-size:1.1rem;margin-top:1.75rem}
.pledgetrack-report h4{font-size:1rem;margin:1.25rem 0 .5rem}
.pledgetrack-report .subtitle{color:#555;margin:0}
.pledgetrack-report table{border-collapse:collapse;margin:.75rem 0;font-variant-numeric:tabular-nums}
.pledgetrack-report th,.pledgetrack-report td{border:1px solid #bbb;padding:.3rem .55rem;vertical-align:top}
.pledgetrack-report th{background:#f0f2f5;font-weight:600}
.pledgetrack-report td.num,.pledgetrack-report th.num{text-align:right}
.pledgetrack-report tr.total td,.pledgetrack-report tr.total th{font-weight:600;background:#fafafa}
.pledgetrack-report .headline{font-size:1.1rem}
.pledgetrack-report .headline strong{font-size:1.35rem}
.pledgetrack-report .note{color:#444;font-size:.92rem}
.pledgetrack-report .regression{color:#b71c1c}
.pledgetrack-report .candidate{margin:.75rem 0}
.pledgetrack-report .candidate p{margin:.2rem 0;font-weight:600}
.pledgetrack-report .chip{display:inline-block;padding:0 .4rem;border-radius:.25rem;white-space:nowrap}
.pledgetrack-report figure{margin:1rem 0}
.pledgetrack-report figcaption{font-weight:600;margin-bottom:.25rem}
.pledgetrack-report svg{max-width:100%;height:auto}
.pledgetrack-report footer{margin-top:2.5rem;color:#777;font-size:.85rem}
@media print{.pledgetrack-report{max-width:none;padding:0}}
"""


def escape(value: object) -> str:
    """Text for HTML: ``str(value)`` with ``& < > " '`` as entities, control characters
    and bidirectional overrides as U+FFFD (C++ ``escape_html``)."""
    return _core.escape_html(str(value))


def render(report: Mapping[str, Any], *, full: bool = True) -> str:
    """The report (the dict of its layout JSON, ``render_report(r, "layout", lang)``) as
    HTML in the JSON's language.

    ``full``: a whole document (``<!DOCTYPE html>``, ``<meta charset="utf-8">``,
    ``<html lang="ko">``); otherwise a fragment for Jupyter, its CSS scoped to the
    report's ``<div>``.
    """
    w = Layout(report)
    lang: Lang = w.lang
    body = "\n".join(
        [
            '<div class="pledgetrack-report">',
            "<header>",
            f"<h1>{escape(report['title'])}</h1>",
            f'<p class="subtitle">{escape(report["subtitle"])}</p>',
            "</header>",
            _overview(report["overview"], w),
            _results(report, w),
            _changes(report.get("changes"), w),
            _adjustments(report["adjustment_candidates"], w),
            _detail(report["detail"], report["criteria"], w),
            f"<footer>{escape(w['generated_by'])}</footer>",
            "</div>",
        ]
    )
    style = f"<style>{_CSS.strip()}</style>"
    if not full:
        return f"{style}\n{body}\n"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="pledgetrack {escape(_core.__version__)}">',
            f"<title>{escape(report['title'])}</title>",
            style,
            "</head>",
            "<body>",
            body,
            "</body>",
            "</html>",
            "",
        ]
    )


# -- sections ----------------------------------------------------------------


def _overview(o: Mapping[str, Any], w: Layout) -> str:
    items = [
        f"<li>{escape(w('as_of'))}{w.sep}{escape(o['as_of_text'])}</li>",
        f"<li>{escape(w('scope'))}{w.sep}{escape(o['scope_text'])}</li>",
    ]
    if o["out_of_scope"]:
        items.append(f"<li>{escape(w['out_of_scope_text'])}</li>")
    t = o["field_by_bureau"]
    header = [w("field"), w("total"), *(_group(c, w.lang) for c in t["column_labels"])]
    rows = [
        _row([w("sum"), w["field_by_bureau_total_text"], *map(_cell_count, t["column_totals"])], "total"),
        *(
            _row([_group(label, w.lang), _cell_count(total), *map(_cell_count, cells)])
            for label, total, cells in zip(t["row_labels"], t["row_totals"], t["cells"])
        ),
    ]
    return "\n".join(
        [
            '<section id="overview">',
            f"<h2>{escape(o['title'])}</h2>",
            f"<ul>{''.join(items)}</ul>",
            _table(header, rows, numeric_from=1),
            "</section>",
        ]
    )


def _results(report: Mapping[str, Any], w: Layout) -> str:
    r = report["results"]
    h = r["headline"]
    t = r["status_table"]
    header = [w("status_heading"), w("sum"), *(c["label"] for c in t["columns"])]
    counts = [w("count_row"), w["status_total_text"], *w["status_count_texts"]]
    shares = [
        w("share_row"),
        "100%" if t["total"] else "-",
        *((f"{c['shown_text']}%" if t["total"] else "-") for c in t["columns"]),
    ]
    definitions = [
        f"<li>{escape(d['label'])}{w.sep}{escape(d['text'])}</li>"
        for c in t["columns"]
        for d in c["definitions"]
    ]
    return "\n".join(
        [
            '<section id="results">',
            f"<h2>{escape(r['title'])}</h2>",
            f'<p class="headline">{_headline(h, report["criteria"], w)}</p>',
            _table(header, [_row(counts), _row(shares)], numeric_from=1),
            f'<p class="note">※ {escape(t["share_rule_text"])}</p>',
            f'<p class="note">{escape(w("criteria_prefix"))}{escape(report["criteria"]["text"])}</p>',
            f'<ul class="note">{"".join(definitions)}</ul>',
            _chart(report["detail"]["fields"], _short_rate_name(report["criteria"], w.lang), w),
            "</section>",
        ]
    )


def _headline(h: Mapping[str, Any], criteria: Mapping[str, Any], w: Layout) -> str:
    """The headline line with the current rate in bold, as the seed prints it."""
    text = h["text"]
    prefix = criteria["rate_name"] + w.sep
    current = h["rate"]["text"]
    if text.startswith(prefix + current):
        rest = text[len(prefix) + len(current) :]
        return f"{escape(prefix)}<strong>{escape(current)}</strong>{escape(rest)}"
    return escape(text)


def _changes(c: Mapping[str, Any] | None, w: Layout) -> str:
    if c is None:  # no previous snapshot: no section, as in the other formats
        return ""
    items = [
        f"<li>{escape(g['text'])}<ul>{''.join(map(_transition, g['projects']))}</ul></li>" for g in w["change_groups"]
    ]
    if not items:
        items.append(f"<li>{escape(w('no_changes'))}</li>")
    elif c["unchanged"]:
        items.append(f"<li>{escape(w['unchanged_text'])}</li>")
    title = f"<h3>{escape(c['title'])}</h3>"
    return "\n".join(['<section id="changes">', title, f"<ul>{''.join(items)}</ul>", "</section>"])


def _transition(t: Mapping[str, Any]) -> str:
    css = ' class="regression"' if t["regression"] else ""
    return f"<li{css}>☞ ({escape(t['id'])}) {escape(t['title'])} ({escape(t['text'])})</li>"


def _adjustments(a: Mapping[str, Any], w: Layout) -> str:
    parts = ['<section id="adjustment-candidates">', f"<h3>{escape(a['title'])}</h3>"]
    if not a["projects"]:
        parts.append(f"<p>{escape(w('none'))}</p>")
    for n, p in enumerate(a["projects"], start=1):
        what = p["status_label"] + (f" · {p['department']}" if p["department"] else "")
        reasons = [line.strip() for line in p["reason"].splitlines() if line.strip()]
        if not reasons:
            reasons = [_core.missing_reason_text(p["status"], w.lang)]
        parts.append(
            '<div class="candidate">'
            f"<p>{escape(_core.circled_number(n))} ({escape(p['id'])}) {escape(p['title'])} ({escape(what)})</p>"
            f"<ul>{''.join(f'<li>{escape(r)}</li>' for r in reasons)}</ul>"
            "</div>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _short_rate_name(criteria: Mapping[str, Any], lang: Lang) -> str:
    """The rate's name without its basis, as the detail headings write it: 공약이행완료율."""
    return str(criteria["name_ko"] if lang == "ko" else criteria["name"])


def _detail(d: Mapping[str, Any], criteria: Mapping[str, Any], w: Layout) -> str:
    name = _short_rate_name(criteria, w.lang)
    header = [w(k) for k in ("id", "pledge", "title", "department", "status")]
    parts = ['<section id="detail">', f"<h3>{escape(d['title'])}</h3>"]
    for f, projects in zip(d["fields"], w["field_projects_texts"]):
        heading = f"{_group(f['field'], w.lang)} ({projects}, {name} {f['rate']['text']})"
        rows = []
        # One pledge name per pledge, over its unit projects (rowspan), as the published
        # table merges it; a pledge of one project named as the project shows the name once.
        for _, group in itertools.groupby(f["projects"], key=lambda p: p["pledge_id"]):
            members = list(group)
            first = members[0]
            if len(members) == 1 and first["pledge"] in ("", first["title"]):
                rows.append(_row([first["id"], _Span(first["title"], cols=2), *_detail_tail(first)]))
                continue
            for k, p in enumerate(members):
                pledge = [_Span(p["pledge"], rows=len(members))] if k == 0 else []
                rows.append(_row([p["id"], *pledge, p["title"], *_detail_tail(p)]))
        parts.append(f"<h4>{escape(heading)}</h4>")
        parts.append(_table(header, rows, numeric_from=None))
    parts.append("</section>")
    return "\n".join(parts)


def _detail_tail(p: Mapping[str, Any]) -> list[object]:
    """The cells of a detail row after the project's name: department and status."""
    return [p["department"], _Chip(p["status"], p["status_label"])]


# -- the chart ----------------------------------------------------------------


def _chart(fields: Sequence[Mapping[str, Any]], rate_name: str, w: Layout) -> str:
    """Horizontal bars, one per field: its unit projects split by status (counts
    written on the segments), its rate on the right; a legend of the statuses shown."""
    if not fields:
        return ""
    font = 13
    row_h, bar_h, bar_w, gap = 30, 20, 440, 10
    lang = w.lang
    labels = [_group(f["field"], lang) for f in fields]
    label_w = min(260, max(72, max(_text_width(s, font) for s in labels) + 16))
    # A field's projects are its detail rows: the counts by status add up to them.
    right = [f"{projects} · {rate_name} {f['rate']['text']}" for f, projects in zip(fields, w["field_projects_texts"])]
    right_w = max(_text_width(s, font) for s in right) + 8
    shown = [s for s in _STATUS_ORDER if any(f["counts"].get(s, 0) for f in fields)]
    legend_y = len(fields) * row_h + 14
    width = label_w + bar_w + gap + right_w
    height = legend_y + 24
    title = w("chart_title")
    out = [
        "<figure>",
        f"<figcaption>{escape(title)}</figcaption>",
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}" font-size="{font}" font-family="inherit">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(w('chart_desc'))}</desc>",
    ]
    for i, f in enumerate(fields):
        y = i * row_h + (row_h - bar_h) / 2
        text_y = i * row_h + row_h / 2 + font * 0.35
        out.append(f'<text x="{label_w - 8}" y="{text_y:.1f}" text-anchor="end">{escape(labels[i])}</text>')
        total = sum(f["counts"].values())
        x = float(label_w)
        for s in _STATUS_ORDER:
            n = f["counts"].get(s, 0)
            if not n or not total:
                continue
            w = bar_w * n / total  # geometry only: the figures are the counts written on it
            fill, ink = _COLOURS[s]
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{bar_h}" fill="{fill}">'
                f"<title>{escape(_status_label(s, lang))}: {n}</title></rect>"
            )
            if w >= 18:
                out.append(
                    f'<text x="{x + w / 2:.1f}" y="{text_y:.1f}" text-anchor="middle" fill="{ink}">{n}</text>'
                )
            x += w
        out.append(f'<text x="{label_w + bar_w + gap}" y="{text_y:.1f}">{escape(right[i])}</text>')
    x = float(label_w)
    for s in shown:
        fill, _ = _COLOURS[s]
        label = _status_label(s, lang)
        out.append(f'<rect x="{x:.1f}" y="{legend_y}" width="12" height="12" fill="{fill}"/>')
        out.append(f'<text x="{x + 16:.1f}" y="{legend_y + 10.5}">{escape(label)}</text>')
        x += 16 + _text_width(label, font) + 14
    out.append("</svg>")
    out.append("</figure>")
    return "\n".join(out)


def _text_width(text: str, font: int) -> int:
    """A rough width in pixels: wide (Hangul, CJK) characters a full em, others ~0.6 em."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in ("W", "F"))
    return int(wide * font + (len(text) - wide) * font * 0.6) + 1


# -- helpers -------------------------------------------------------------------


class _Chip:
    """A status cell: its label on the status colour."""

    def __init__(self, status: str, label: str) -> None:
        self.status, self.label = status, label

    def html(self) -> str:
        fill, ink = _COLOURS.get(self.status, ("#eee", "#000"))
        return f'<span class="chip" style="background:{fill};color:{ink}">{escape(self.label)}</span>'


class _Span:
    """A cell over ``rows`` rows or ``cols`` columns (a merged cell of the published table)."""

    def __init__(self, value: object, *, rows: int = 1, cols: int = 1) -> None:
        self.value, self.rows, self.cols = value, rows, cols

    def attributes(self) -> str:
        return (f' rowspan="{self.rows}"' if self.rows > 1 else "") + (f' colspan="{self.cols}"' if self.cols > 1 else "")


def _status_label(name: str, lang: Lang) -> str:
    status = Status[name.upper()]
    return status.label_ko if lang == "ko" else status.label_en


def _group(key: str, lang: Lang) -> str:
    return _core.group_text(key, lang)


def _cell_count(n: int) -> str:
    """Zeros of the field × bureau table print as '-', as in the seed."""
    return "-" if n == 0 else str(n)


def _row(cells: Iterable[object], css: str | None = None) -> tuple[list[object], str | None]:
    return list(cells), css


def _table(
    header: Sequence[str], rows: Iterable[tuple[list[object], str | None]], *, numeric_from: int | None
) -> str:
    def cell(tag: str, value: object, i: int) -> str:
        numeric = numeric_from is not None and i >= numeric_from
        css = ' class="num"' if numeric else ""
        if isinstance(value, _Span):
            css += value.attributes()
            value = value.value
        inner = value.html() if isinstance(value, _Chip) else escape(value)
        return f"<{tag}{css}>{inner}</{tag}>"

    out = ["<table>", "<thead><tr>", *(cell("th", h, i) for i, h in enumerate(header)), "</tr></thead>", "<tbody>"]
    for cells, css in rows:
        out.append(f'<tr class="{css}">' if css else "<tr>")
        out.extend(cell("th" if i == 0 else "td", v, i) for i, v in enumerate(cells))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
