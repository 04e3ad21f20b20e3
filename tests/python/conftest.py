"""Shared fixtures: the bundled Gwangju Seo-gu example (광주광역시 서구, 민선8기) and
the figures of the seed report, typed by hand from shared/seed (not from the code).

Run against the installed package: ``pip install . && pytest tests/python``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import settings

import pledgetrack as pt

# No example database in the working tree (.hypothesis/ is not ignored by git).
settings.register_profile("pledgetrack", database=None)
settings.load_profile("pledgetrack")

REPO = Path(__file__).resolve().parents[2]

# The seed's first table (2024-03-31): field × bureau, bureaus in the report's order.
SEED_BUREAUS = ["실·단", "문화경제국", "환경교통국", "통합복지국", "안전도시국", "자치행정국", "보건소"]
SEED_FIELDS = ["마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화"]
SEED_FIELD_BY_BUREAU = {
    "마을·자치": [0, 0, 0, 0, 0, 5, 0],
    "골목·경제": [1, 10, 0, 0, 0, 0, 0],
    "사람·복지": [2, 1, 0, 5, 0, 0, 4],
    "생태·안전": [1, 0, 7, 0, 6, 0, 1],
    "행복·문화": [1, 2, 3, 0, 0, 0, 0],
}
SEED_FIELD_TOTALS = [5, 11, 12, 15, 6]
SEED_BUREAU_TOTALS = [5, 13, 10, 5, 6, 5, 5]


@pytest.fixture(scope="session")
def example() -> list[pt.Snapshot]:
    """Both bundled snapshots, in date order."""
    return pt.load_example("gwangju-seogu")


@pytest.fixture(scope="session")
def q4(example: list[pt.Snapshot]) -> pt.Snapshot:
    """2023-12-31: the reconstructed previous quarter."""
    assert example[0].as_of == dt.date(2023, 12, 31)
    return example[0]


@pytest.fixture(scope="session")
def q1(example: list[pt.Snapshot]) -> pt.Snapshot:
    """2024-03-31: the seed report as printed."""
    assert example[1].as_of == dt.date(2024, 3, 31)
    return example[1]


@pytest.fixture(scope="session")
def example_dir() -> Path:
    """The bundled example's directory inside the installed package."""
    return pt.example_path("gwangju-seogu")


@pytest.fixture(scope="session")
def published_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report published as a PDF with ruled tables (tests/python/published_documents.py)."""
    pytest.importorskip("reportlab", reason="writing the published PDF needs reportlab (in the 'test' extra)")
    import published_documents

    return published_documents.write_pdf(tmp_path_factory.mktemp("published") / "seogu-2024q1.pdf")


@pytest.fixture(scope="session")
def published_hwpx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report published as HWPX (tests/python/published_documents.py)."""
    import published_documents

    return published_documents.write_hwpx(tmp_path_factory.mktemp("published") / "seogu-2024q1.hwpx")
