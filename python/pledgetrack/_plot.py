"""Plots with matplotlib, labelled in Korean: the rate over time, the status
composition per field, and the moves between two snapshots.

The figures come from the C++ core (through History, Snapshot and Comparison);
this module only draws them. Hangul needs a font that has it: NanumGothic from
Debian's ``fonts-nanum`` (what ``scripts/install-deps.sh`` installs) is registered
with matplotlib's font manager and set on each figure's text, never in the global
rcParams; any other installed font with Hangul is the fallback. Without one, the
plots raise an error naming the package to install, rather than draw empty boxes.

matplotlib is imported when a plot is drawn, not when pledgetrack is imported.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from . import _core
from ._core import Criteria, Status
from ._history import Comparison, History
from ._palette import STATUS_PALETTE
from ._snapshot import Dimension, Snapshot, _criteria

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "STATUS_COLORS",
    "TRANSITION_COLORS",
    "hangul_font",
    "plot_district_vs_others",
    "plot_rate_distribution",
    "plot_rate_trend",
    "plot_status_by_field",
    "plot_transitions",
]

# Where Debian's fonts-nanum puts NanumGothic.
NANUM_GOTHIC = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")

# Families with Hangul tried after NanumGothic, before scanning every font.
_KNOWN_HANGUL_FAMILIES = (
    "NanumBarunGothic",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "Malgun Gothic",
    "AppleGothic",
    "Apple SD Gothic Neo",
    "UnDotum",
    "Baekmuk Gulim",
)

STATUS_COLORS: dict[Status, str] = {status: fill for status, (fill, _) in STATUS_PALETTE.items()}
"""A colour per status, in the KMC order: the one palette of pledgetrack's pictures
(:data:`pledgetrack._palette.STATUS_PALETTE`, which the HTML report uses too): greens
for the statuses the KMC rate counts as complete, blue for on track, then orange, grey
and red for those behind; light grey for not yet due."""

TRANSITION_COLORS: dict[str, str] = {
    "newly_complete": STATUS_COLORS[Status.COMPLETED],
    "improvement": "#a6dba0",
    "regression": "#d6604d",
    "other": "#c2a5cf",
    "added": "#92c5de",
    "removed": "#bababa",
    "unchanged": "#f0f0f0",
}
"""A colour per transition kind (신규 완료 green, 후퇴 red, 변동없음 near white, …)."""


@functools.cache
def hangul_font() -> str:
    """The family name of a font with Hangul, registered with matplotlib: NanumGothic
    (Debian's ``fonts-nanum``) when installed, else a known Korean family, else any
    installed font that covers the Hangul syllables.

    Raises RuntimeError naming the package to install when there is none.
    """
    from matplotlib import font_manager

    names = {entry.name for entry in font_manager.fontManager.ttflist}
    if "NanumGothic" in names:
        return "NanumGothic"
    if NANUM_GOTHIC.is_file():
        font_manager.fontManager.addfont(str(NANUM_GOTHIC))
        return font_manager.FontProperties(fname=str(NANUM_GOTHIC)).get_name()
    for family in _KNOWN_HANGUL_FAMILIES:
        if family in names:
            return family
    for entry in font_manager.fontManager.ttflist:
        if _covers_hangul(entry.fname):
            return entry.name
    raise RuntimeError(
        "no font with Hangul (한글) for matplotlib, so Korean labels would draw as empty boxes: "
        "install NanumGothic with Debian's package fonts-nanum (apt-get install fonts-nanum, or "
        "scripts/install-deps.sh), or any font covering Hangul, then clear matplotlib's font cache"
    )


def _covers_hangul(path: str) -> bool:
    from matplotlib import ft2font

    try:
        charmap = ft2font.FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(code in charmap for code in (0xAC00, 0xD55C, 0xD7A3))  # 가, 한, 힣


def plot_rate_trend(
    history: History | Iterable[Snapshot], ax: Axes | None = None, *, criteria: Criteria | None = None
) -> Axes:
    """The rate of every snapshot over the periods (분기), labelled with its value:
    공약이행완료율 (%) by default, or the rate of ``criteria``.

    ``history`` is a :class:`History` or snapshots of one district. Draws on ``ax`` (a
    new figure when None) and returns it.

    >>> pledgetrack.plot_rate_trend(pledgetrack.History(pledgetrack.load_example()))
    """
    criteria = _criteria(criteria, None)
    history = history if isinstance(history, History) else History(history)
    rates = history.rates(criteria)
    ax = _axes(ax, (6.4, 4.0))
    positions = list(range(len(rates)))
    percents = rates["percent"].tolist()
    ax.plot(positions, percents, marker="o", linewidth=2, color=STATUS_COLORS[Status.ONGOING])
    for x, y, text in zip(positions, percents, rates["text"]):
        if y == y:  # NaN: no rate, nothing to label
            ax.annotate(text, (x, y), textcoords="offset points", xytext=(0, 9), ha="center", fontsize=11)
    # The change between consecutive reports, in %p, under each segment.
    core_rates = [r.rate for r in history._history.rates(criteria)]
    for x, (then, now) in enumerate(zip(core_rates, core_rates[1:])):
        change = _core.change_in_points(then, now)
        if change is not None:
            ax.annotate(
                _core.format_points(change, criteria.rounding, criteria.decimals),
                (x + 0.5, (percents[x] + percents[x + 1]) / 2),
                textcoords="offset points",
                xytext=(0, -16),
                ha="center",
                fontsize=9,
                color="#555555",
            )
    ax.set_xticks(positions, list(rates.index))
    ax.set_xlim(-0.5, len(positions) - 0.5)
    known = [p for p in percents if p == p]
    low = max(0.0, min(known) - 10) if known else 0.0
    high = min(100.0, max(known) + 10) if known else 100.0
    ax.set_ylim(low, high if high > low else low + 1)
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}%"))
    ax.set_xlabel("분기")
    ax.set_ylabel(f"{criteria.name_ko} (%)")
    ax.set_title(f"{history.district} {criteria.name_ko} 추이")
    ax.grid(axis="y", alpha=0.3)
    _use_hangul_font(ax.figure)
    return ax


def plot_status_by_field(snapshot: Snapshot, ax: Axes | None = None, *, dim: Dimension = "field") -> Axes:
    """Stacked bars of the status composition of each field (분야): projects in scope by
    status, statuses in the KMC order and colours (:data:`STATUS_COLORS`), each segment
    labelled with its count. ``dim`` groups by another dimension ('bureau', …).

    Draws on ``ax`` (a new figure when None) and returns it.
    """
    groups = snapshot.counts_by(dim)
    # The groups in the order the cross-tab and the report use (bureaus in the org
    # file's order, then any other in order of first appearance).
    labels = [str(g) for g in snapshot.crosstab(dim, dim).index[:-1]]
    zeros = dict.fromkeys(Status, 0)
    groups = {g: groups.get(g, zeros) for g in labels}
    present = [s for s in Status if any(groups[g][s] for g in labels)]
    ax = _axes(ax, (7.2, 4.4))
    positions = list(range(len(labels)))
    bottoms = [0] * len(labels)
    for status in present:
        counts = [groups[g][status] for g in labels]
        bars = ax.bar(positions, counts, bottom=bottoms, color=STATUS_COLORS[status], label=status.label_ko, width=0.6)
        ax.bar_label(
            bars,
            labels=[str(n) if n else "" for n in counts],
            label_type="center",
            color=STATUS_PALETTE[status][1],
            fontsize=9,
        )
        bottoms = [b + n for b, n in zip(bottoms, counts)]
    ax.set_xticks(positions, labels)
    # Headroom over the tallest bar, so that it does not touch the frame.
    ax.set_ylim(0, max(bottoms, default=0) * 1.15 or 1)
    ax.set_xlabel(_core.dimension_label_ko(dim))
    ax.set_ylabel("단위사업 수")
    when = f" ({snapshot.period})" if snapshot.period else ""
    ax.set_title(f"{snapshot.district} {_core.dimension_label_ko(dim)}별 추진상황{when}")
    ax.legend(title=_core.report_words("ko")["status"], loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    _use_hangul_font(ax.figure)
    return ax


def plot_transitions(comparison: Comparison, ax: Axes | None = None) -> Axes:
    """The moves between two snapshots as a from-status × to-status grid: each cell holds
    the number of projects that moved so, coloured by the kind of move
    (:data:`TRANSITION_COLORS`: 신규 완료, 후퇴, …; the diagonal is 변동없음). A row or
    column '없음' holds projects added or removed.

    Draws on ``ax`` (a new figure when None) and returns it.
    """
    from matplotlib.patches import Patch, Rectangle

    transitions = comparison.transitions
    froms = {t.from_status for t in transitions}
    tos = {t.to_status for t in transitions}
    rows = [s for s in Status if s in froms] + ([None] if None in froms else [])
    cols = [s for s in Status if s in tos] + ([None] if None in tos else [])
    counts: dict[tuple[Status | None, Status | None], int] = {}
    kinds: dict[tuple[Status | None, Status | None], str] = {}
    for t in transitions:
        key = (t.from_status, t.to_status)
        counts[key] = counts.get(key, 0) + 1
        kinds[key] = t.kind  # one kind per (from, to) under one criteria

    ax = _axes(ax, (6.4, 5.0))
    for i, row in enumerate(rows):
        for j, col in enumerate(cols):
            n = counts.get((row, col), 0)
            color = TRANSITION_COLORS[kinds[(row, col)]] if n else "white"
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=color, edgecolor="#cccccc"))
            if n:
                dark = kinds[(row, col)] in ("newly_complete", "regression")
                ax.text(j, i, str(n), ha="center", va="center", fontsize=11, color="white" if dark else "black")
    ax.set_xlim(-0.5, len(cols) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xticks(range(len(cols)), [_label(s) for s in cols], rotation=30, ha="right")
    ax.set_yticks(range(len(rows)), [_label(s) for s in rows])
    before, after = comparison.before, comparison.after
    ax.set_xlabel(f"이후 ({after.period or '?'})")
    ax.set_ylabel(f"이전 ({before.period or '?'})")
    # Words, not an arrow: NanumGothic draws → as a small chevron.
    ax.set_title(
        f"{comparison.district} 추진상황 변동\n{comparison.criteria.name_ko} {comparison.before_rate}에서 "
        f"{comparison.after_rate}로 ({comparison.rate_change_text})"
    )
    present = [kind for kind, _ in _core.transition_kinds() if comparison.count(kind)]
    labels = dict(_core.transition_kinds())
    handles = [
        Patch(facecolor=TRANSITION_COLORS[k], edgecolor="#999999", label=f"{labels[k]} {comparison.count(k)}")
        for k in present
    ]
    ax.legend(
        handles=handles, title=_core.report_words("ko")["group"], loc="upper left", bbox_to_anchor=(1.02, 1.0),
        frameon=False,
    )
    _use_hangul_font(ax.figure)
    return ax


# -- helpers ----------------------------------------------------------------


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    # Constrained layout makes room for the legends outside the axes when drawn.
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _use_hangul_font(figure: Figure) -> None:
    """Sets a Hangul font on every text of the figure, tick labels included (ticks added
    when drawing copy their font from the first tick). DejaVu Sans, matplotlib's own,
    stays behind it for the glyphs the Hangul font lacks (the minus sign −, …)."""
    from matplotlib.text import Text

    family = [hangul_font(), "DejaVu Sans"]
    for text in figure.findobj(Text):
        text.set_fontfamily(family)


def _label(status: Status | None) -> str:
    return "없음" if status is None else status.label_ko


def _whole_rows(evaluation: object) -> pd.DataFrame:
    """The whole snapshots' rows of an Evaluation (its groups' rows left out)."""
    table = evaluation.table  # type: ignore[attr-defined]
    return table[table["dimension"].isna()] if "dimension" in table.columns else table


def _criteria_of(evaluation: object, criteria: str | None) -> str:
    names = evaluation.criteria  # type: ignore[attr-defined]
    name = names[0] if criteria is None else criteria
    if name not in names:
        raise ValueError(f"the evaluation has no criteria '{name}' (it has: {', '.join(names)})")
    return name


def _name_ko(criteria: str) -> str:
    """The Korean name of a preset, from the core (공약이행완료율, 이행률, …)."""
    return _core.criteria_preset(criteria).name_ko


def plot_rate_distribution(
    evaluation: object, period: str | None = None, ax: Axes | None = None, *, criteria: str | None = None
) -> Axes:
    """The distribution of the rate over the districts in one period (분기): a histogram
    in 5%p bins, with the median marked. ``period`` ('2024Q1') defaults to the latest in
    the evaluation; ``criteria`` to its first. Districts without a rate are counted in the
    title, not drawn.

    >>> pledgetrack.plot_rate_distribution(pledgetrack.evaluate("data/"), "2024Q1")
    """
    name = _criteria_of(evaluation, criteria)
    rows = _whole_rows(evaluation)
    periods = sorted(p for p in rows["period"].dropna().unique())
    if not periods:
        raise ValueError("the evaluation has no dated snapshots to plot")
    period = periods[-1] if period is None else period
    if period not in periods:
        raise ValueError(f"no snapshots in period '{period}' (periods: {', '.join(periods)})")
    in_period = rows[rows["period"] == period]
    percents = in_period[f"{name}_percent"].dropna()
    ax = _axes(ax, (6.4, 4.0))
    ax.hist(percents, bins=[5 * i for i in range(21)], color=STATUS_COLORS[Status.ONGOING], edgecolor="white")
    if len(percents):
        median = float(percents.median())
        ax.axvline(median, color="#333333", linestyle="--", linewidth=1)
        ax.annotate(f"중앙값 {median:.1f}%", (median, 1), xycoords=("data", "axes fraction"),
                    xytext=(4, -14), textcoords="offset points", fontsize=9)
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}%"))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, 100)
    ax.set_xlabel(f"{_name_ko(name)} (%)")
    ax.set_ylabel("자치단체 수")
    missing = len(in_period) - len(percents)
    note = f", 비율 없음 {missing}곳" if missing else ""
    ax.set_title(f"{period} {_name_ko(name)} 분포 (자치단체 {len(in_period)}곳{note})")
    ax.grid(axis="y", alpha=0.3)
    _use_hangul_font(ax.figure)
    return ax


def plot_district_vs_others(
    evaluation: object, district: str, ax: Axes | None = None, *, criteria: str | None = None
) -> Axes:
    """One district's rate over the periods against the others': their median, and the band
    from their first to their third quartile. ``criteria`` defaults to the evaluation's
    first.

    >>> pledgetrack.plot_district_vs_others(result, "광주광역시 서구")
    """
    name = _criteria_of(evaluation, criteria)
    rows = _whole_rows(evaluation).dropna(subset=["period"])
    column = f"{name}_percent"
    mine = rows[rows["district"] == district]
    if mine.empty:
        raise ValueError(f"no district '{district}' in the evaluation")
    others = rows[rows["district"] != district].groupby("period")[column]
    periods = sorted(rows["period"].unique())
    positions = list(range(len(periods)))
    quartiles = others.quantile([0.25, 0.5, 0.75]).unstack() if len(rows) > len(mine) else None
    ax = _axes(ax, (6.4, 4.0))
    if quartiles is not None:
        q = quartiles.reindex(periods)
        ax.fill_between(positions, q[0.25], q[0.75], color="#d9d9d9", label="다른 자치단체 (사분위 범위)")
        ax.plot(positions, q[0.5], color="#737373", linestyle="--", label="다른 자치단체 중앙값")
    # The district's last snapshot of each period.
    own = mine.groupby("period")[column].last().reindex(periods)
    ax.plot(positions, own, marker="o", linewidth=2, color=STATUS_COLORS[Status.COMPLETED], label=district)
    ax.set_xticks(positions, periods)
    ax.set_xlim(-0.5, len(positions) - 0.5)
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}%"))
    ax.set_xlabel("분기")
    ax.set_ylabel(f"{_name_ko(name)} (%)")
    ax.set_title(f"{district} {_name_ko(name)}: 다른 자치단체와 비교")
    ax.legend(loc="best", fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    if len(periods) > 8:
        ax.tick_params(axis="x", labelrotation=45)
    _use_hangul_font(ax.figure)
    return ax
