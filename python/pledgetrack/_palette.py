"""The colours of the statuses, one palette for every picture pledgetrack draws (the
HTML report's chart and chips, the matplotlib plots): complete statuses green (완료
darker than 이행후계속추진; both count as complete under the KMC rate), on track blue,
lagging orange, on hold and not due grey, dropped red.
"""

from __future__ import annotations

from ._core import Status

STATUS_PALETTE: dict[Status, tuple[str, str]] = {
    Status.COMPLETED: ("#1b5e20", "#fff"),
    Status.ONGOING: ("#43a047", "#fff"),
    Status.ON_TRACK: ("#1e88e5", "#fff"),
    Status.LAGGING: ("#fb8c00", "#000"),
    Status.ON_HOLD: ("#9e9e9e", "#000"),
    Status.DROPPED: ("#e53935", "#fff"),
    Status.NOT_DUE: ("#cfd8dc", "#000"),
}
"""Per status, in the KMC order: its fill and the ink that reads on it."""
