"""Plots: the rate trend, the status composition per field and the transitions, drawn
with the Agg backend and saved as PNG. Hangul must render: matplotlib warns "Glyph …
missing from font(s) …" for every character its font lacks, so each test records the
warnings of drawing and saving and asserts there are none (and pytest's
filterwarnings=error would fail on one anyway)."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.image
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.text import Text

import pledgetrack as pt
from pledgetrack import Status, _plot

from conftest import SEED_BUREAU_TOTALS, SEED_BUREAUS, SEED_FIELD_TOTALS, SEED_FIELDS


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def draw_and_save(make, path: Path):
    """Runs ``make()`` (which draws and returns an Axes) and saves its figure to ``path``,
    recording every warning; returns (axes, warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = make()
        ax.figure.savefig(path, dpi=100)
    return ax, caught


def assert_no_missing_glyphs(caught):
    messages = [str(w.message) for w in caught]
    assert not [m for m in messages if "missing from font" in m], messages
    assert messages == []


def assert_png_is_not_blank(path: Path):
    assert path.stat().st_size > 10_000
    image = matplotlib.image.imread(path)
    assert image.shape[0] > 200 and image.shape[1] > 300
    pixels = image[..., :3].reshape(-1, 3)
    not_white = np.any(pixels < 0.95, axis=1).mean()
    assert not_white > 0.02  # lines, bars and text, not an empty canvas
    assert len(np.unique((pixels * 255).astype(np.uint8), axis=0)) > 20


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.figure.findobj(Text) if t.get_text()]


def assert_hangul_texts_use_the_hangul_font(ax):
    font = _plot.hangul_font()
    hangul = [t for t in ax.figure.findobj(Text) if any("\uac00" <= c <= "\ud7a3" for c in t.get_text())]
    assert hangul  # the plot has Korean labels at all
    for t in hangul:
        assert t.get_fontfamily()[0] == font, t.get_text()


@pytest.fixture
def hangul_font_file():
    """A font file with Hangul on this machine (the plot tests need one: fonts-nanum)."""
    files = [e.fname for e in font_manager.fontManager.ttflist if _plot._covers_hangul(e.fname)]
    assert files, "no font with Hangul here: install fonts-nanum (scripts/install-deps.sh)"
    return files[0]


def test_nanum_gothic_is_preferred_to_other_hangul_fonts(monkeypatch, hangul_font_file):
    # Both entries cover Hangul; the other one comes first, NanumGothic still wins.
    entries = [font_manager.FontEntry(fname=hangul_font_file, name=name) for name in ("Other Hangul", "NanumGothic")]
    _plot.hangul_font.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", entries)
    monkeypatch.setattr(_plot, "NANUM_GOTHIC", Path("/nonexistent/NanumGothic.ttf"))
    try:
        assert _plot.hangul_font() == "NanumGothic"
    finally:
        _plot.hangul_font.cache_clear()


def test_the_fonts_nanum_file_is_registered_when_matplotlib_has_not_seen_it(monkeypatch, hangul_font_file):
    # matplotlib knows no font; the file where fonts-nanum puts NanumGothic exists.
    _plot.hangul_font.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(_plot, "NANUM_GOTHIC", Path(hangul_font_file))
    try:
        family = _plot.hangul_font()
        assert [e.fname for e in font_manager.fontManager.ttflist if e.name == family] == [hangul_font_file]
    finally:
        _plot.hangul_font.cache_clear()


def test_the_glyph_check_catches_a_font_without_hangul(tmp_path):
    # Guards the tests below: DejaVu Sans has no Hangul, and drawing Hangul with it warns.
    fig, ax = plt.subplots()
    ax.set_title("공약이행완료율", fontfamily="DejaVu Sans")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "boxes.png")
    assert any("missing from font" in str(w.message) for w in caught)


def test_plot_rate_trend(example, tmp_path):
    path = tmp_path / "rate_trend.png"
    ax, caught = draw_and_save(lambda: pt.plot_rate_trend(pt.History(example)), path)
    assert_no_missing_glyphs(caught)
    assert_png_is_not_blank(path)
    assert_hangul_texts_use_the_hangul_font(ax)
    assert "공약이행완료율" in ax.get_ylabel() and "%" in ax.get_ylabel()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023Q4", "2024Q1"]
    assert {"65.3%", "67.3%"} <= set(texts(ax))
    (line,) = ax.get_lines()
    assert line.get_ydata().tolist() == pytest.approx([3200 / 49, 3300 / 49])
    assert "광주광역시 서구" in ax.get_title()


def test_plot_rate_trend_takes_snapshots_and_an_axes(example):
    fig, ax = plt.subplots()
    assert pt.plot_rate_trend(example, ax=ax) is ax


def test_plot_status_by_field(q1, tmp_path):
    path = tmp_path / "status_by_field.png"
    ax, caught = draw_and_save(lambda: pt.plot_status_by_field(q1), path)
    assert_no_missing_glyphs(caught)
    assert_png_is_not_blank(path)
    assert_hangul_texts_use_the_hangul_font(ax)
    assert [t.get_text() for t in ax.get_xticklabels()] == SEED_FIELDS
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "추진상황"
    # Only the statuses present, in the KMC order, in their colours.
    assert [t.get_text() for t in legend.get_texts()] == ["완료", "이행후계속추진", "정상추진", "일부추진"]
    # Stacked bars: the segments of each field add up to its projects (5, 11, 12, 15, 6).
    heights = np.zeros(len(SEED_FIELDS))
    for container, status in zip(ax.containers, [Status.COMPLETED, Status.ONGOING, Status.ON_TRACK, Status.LAGGING]):
        heights += [bar.get_height() for bar in container]
        assert matplotlib.colors.to_hex(container[0].get_facecolor()) == _plot.STATUS_COLORS[status]
    assert heights.tolist() == SEED_FIELD_TOTALS
    # 이행후계속추진 by field in 2024 Q1: 4, 10, 11, 7, 0.
    assert [bar.get_height() for bar in ax.containers[1]] == [4, 10, 11, 7, 0]
    assert "분야" in ax.get_xlabel() and "2024Q1" in ax.get_title()


def test_plot_status_by_bureau(q1, tmp_path):
    ax, caught = draw_and_save(lambda: pt.plot_status_by_field(q1, dim="bureau"), tmp_path / "by_bureau.png")
    assert_no_missing_glyphs(caught)
    assert ax.get_xlabel() == "실·국"
    assert sum(bar.get_height() for c in ax.containers for bar in c) == 49


def bar_totals(ax) -> list[float]:
    heights = np.zeros(len(ax.get_xticks()))
    for container in ax.containers:
        heights += [bar.get_height() for bar in container]
    return heights.tolist()


def test_the_bureau_chart_uses_the_orgs_order_like_the_crosstab_and_the_report(q1):
    ax = pt.plot_status_by_field(q1, dim="bureau")
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    # The seed's table order (the org file's): 실·단 first, 보건소 last, not the order the
    # bureaus first appear in the file (자치행정국 first).
    assert ticks == SEED_BUREAUS
    assert ticks == list(q1.crosstab("field", "bureau").columns[:-1])
    assert bar_totals(ax) == SEED_BUREAU_TOTALS  # each bar is its own bureau's projects


def test_a_bureau_that_no_project_has_gets_an_empty_place_as_in_the_crosstab():
    snap = pt.Snapshot(
        "서구", 8, None,
        [pt.Project("1-1", "사업", "완료", field="가", department="과", bureau="나국")],
        bureau_order=["가국", "나국"],
    )
    ax = pt.plot_status_by_field(snap, dim="bureau")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["가국", "나국"]
    assert bar_totals(ax) == [0, 1]


@pytest.mark.parametrize("dim", ["field", "bureau"])
def test_the_tallest_bar_has_headroom(q1, dim):
    ax = pt.plot_status_by_field(q1, dim=dim)
    tallest = max(bar_totals(ax))  # 15 (생태·안전) by field, 13 (문화경제국) by bureau
    assert tallest == (15 if dim == "field" else 13)
    bottom, top = ax.get_ylim()
    assert bottom == 0 and top >= tallest * 1.1


def test_plot_transitions(q4, q1, tmp_path):
    path = tmp_path / "transitions.png"
    ax, caught = draw_and_save(lambda: pt.plot_transitions(pt.compare(q4, q1)), path)
    assert_no_missing_glyphs(caught)
    assert_png_is_not_blank(path)
    assert_hangul_texts_use_the_hangul_font(ax)
    statuses = ["완료", "이행후계속추진", "정상추진", "일부추진"]
    assert [t.get_text() for t in ax.get_yticklabels()] == statuses[:3]  # before: no 일부추진 in 2023 Q4
    assert [t.get_text() for t in ax.get_xticklabels()] == statuses
    cells = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts}
    # rows 완료, 이행후계속추진, 정상추진; columns 완료, 이행후계속추진, 정상추진, 일부추진
    assert cells == {(0, 0): "1", (1, 1): "30", (1, 3): "1", (2, 1): "2", (2, 2): "15"}
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["신규 완료 2", "후퇴 1", "변동없음 46"]
    assert "+2.0%p" in ax.get_title()


def test_plot_transitions_with_added_and_removed(q1, tmp_path):
    after = pt.Snapshot(q1.district, 8, "2024-06-30", [*q1.projects[:-1], pt.Project("6-1", "새 사업", "정상추진")])
    ax, caught = draw_and_save(lambda: pt.plot_transitions(pt.compare(q1, after)), tmp_path / "moves.png")
    assert_no_missing_glyphs(caught)
    assert ax.get_yticklabels()[-1].get_text() == "없음"
    assert ax.get_xticklabels()[-1].get_text() == "없음"


def test_without_a_hangul_font_the_error_names_the_package(monkeypatch):
    _plot.hangul_font.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(_plot, "NANUM_GOTHIC", Path("/nonexistent/NanumGothic.ttf"))
    try:
        with pytest.raises(RuntimeError, match="fonts-nanum"):
            _plot.hangul_font()
    finally:
        _plot.hangul_font.cache_clear()


def test_a_font_with_hangul_is_found_by_its_coverage(monkeypatch, hangul_font_file):
    # Neither NanumGothic nor a known Korean family: any font covering Hangul will do.
    dejavu = [e for e in font_manager.fontManager.ttflist if e.name == "DejaVu Sans"][0]
    renamed = font_manager.FontEntry(fname=hangul_font_file, name="Some Hangul Font")
    _plot.hangul_font.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [dejavu, renamed])
    monkeypatch.setattr(_plot, "NANUM_GOTHIC", Path("/nonexistent/NanumGothic.ttf"))
    try:
        assert _plot.hangul_font() == "Some Hangul Font"
    finally:
        _plot.hangul_font.cache_clear()
