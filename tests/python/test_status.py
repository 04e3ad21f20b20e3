"""Status: the seven KMC statuses, their labels, and reading labels as real tables write them."""

from __future__ import annotations

import unicodedata

import pytest

import pledgetrack as pt
from pledgetrack import Status

# The KMC labels, from the domain notes (한국매니페스토실천본부 평가기준).
KMC_LABELS = [
    (Status.COMPLETED, "완료"),
    (Status.ONGOING, "이행후계속추진"),
    (Status.ON_TRACK, "정상추진"),
    (Status.LAGGING, "일부추진"),
    (Status.ON_HOLD, "보류"),
    (Status.DROPPED, "폐기"),
    (Status.NOT_DUE, "기타"),
]


def test_statuses_come_in_the_kmc_order():
    assert [s for s, _ in KMC_LABELS] == list(Status)


@pytest.mark.parametrize(("status", "label"), KMC_LABELS)
def test_label_ko_is_the_kmc_label(status, label):
    assert status.label_ko == label
    assert Status.parse(label) is status


def test_every_status_has_its_own_english_label():
    labels = [s.label_en for s in Status]
    assert all(isinstance(label, str) and label for label in labels)
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("정 상 추 진", Status.ON_TRACK),  # justification spaces, as the seed prints it
        ("완 료", Status.COMPLETED),
        ("일 부 추 진", Status.LAGGING),
        ("이행후계속", Status.ONGOING),  # the seed's short form
        ("이행 후 계속추진", Status.ONGOING),
        ("이행후 계속추진", Status.ONGOING),
        ("계속추진", Status.ONGOING),
        ("추진완료", Status.COMPLETED),
        ("추진중", Status.ON_TRACK),
        ("지연", Status.LAGGING),
        ("추진보류", Status.ON_HOLD),
        ("추진불가", Status.DROPPED),
        ("시기미도래", Status.NOT_DUE),
        ("기타(시기미도래)", Status.NOT_DUE),
        (unicodedata.normalize("NFD", "정상추진"), Status.ON_TRACK),  # macOS file names and text
        ("on_track", Status.ON_TRACK),
        ("  완료  ", Status.COMPLETED),
    ],
)
def test_parse_reads_labels_as_real_tables_write_them(label, status):
    assert Status.parse(label) is status


@pytest.mark.parametrize("label", ["몰라", "", "완료됨?"])
def test_an_unknown_label_is_a_pledge_error_naming_it(label):
    with pytest.raises(pt.PledgeError, match=r"unknown status label .*'" + label.replace("?", r"\?") + "'"):
        Status.parse(label)


def test_status_is_a_python_enum():
    import enum

    assert issubclass(Status, enum.Enum)
    assert Status["ON_TRACK"] is Status.ON_TRACK
    assert Status.ON_TRACK != Status.LAGGING
