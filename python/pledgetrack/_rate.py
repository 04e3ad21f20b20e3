"""Rate: a completion rate as an exact fraction, shown by a named rounding rule.

Wraps ``_core.Rate`` (the figures are the C++ core's) and adds what Python
wants: a float ``percent``, ``Fraction`` views, the criteria the rate was
computed under, and an HTML repr.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from . import _core, _html
from ._core import Criteria

__all__ = ["Rate"]


class Rate:
    """``numerator`` units complete out of ``denominator`` counted (공약이행완료율 등).

    >>> r = Rate(33, 49)
    >>> str(r), r.numerator, r.denominator
    ('67.3%', 33, 49)

    ``percent`` is the exact percent as a float (``None`` when nothing was
    counted: an empty denominator has no rate, not 0% and not 100%);
    ``fraction`` is the same percent as a :class:`fractions.Fraction`, and
    ``share`` the share in [0, 1] as a Fraction. ``str(rate)`` rounds by the
    rate's rule (half up to one decimal unless the criteria say otherwise).
    """

    __slots__ = ("_criteria", "_rate")

    def __init__(
        self,
        numerator: int | Fraction,
        denominator: int,
        *,
        rounding: str = "half_up",
        decimals: int = 1,
        unmeasured: int = 0,
        criteria: Criteria | None = None,
    ) -> None:
        """A rate of ``numerator`` (an int or Fraction) out of ``denominator``; a PledgeError
        unless 0 <= numerator <= denominator."""
        self._rate = _core.Rate(numerator, denominator, rounding=rounding, decimals=decimals, unmeasured=unmeasured)
        self._criteria = criteria

    @classmethod
    def _wrap(cls, rate: _core.Rate, criteria: Criteria | None = None) -> Rate:
        out = cls.__new__(cls)
        out._rate = rate
        out._criteria = criteria
        return out

    @property
    def numerator(self) -> int | Fraction:
        """Units complete: an int when whole (33 of 49), else a Fraction (weighted scores, mean progress)."""
        return self._rate.numerator

    @property
    def denominator(self) -> int:
        """Units counted (분모)."""
        return self._rate.denominator

    @property
    def unmeasured(self) -> int:
        """Units in scope left out for carrying no value (a project without a progress figure)."""
        return self._rate.unmeasured

    @property
    def has_value(self) -> bool:
        """False when nothing was counted (then there is no rate)."""
        return self._rate.has_value

    @property
    def percent(self) -> float | None:
        """The exact percent as a float (67.346… for 33/49), or None when there is no rate."""
        p = self._rate.percent
        return None if p is None else float(p)

    @property
    def fraction(self) -> Fraction | None:
        """The percent as an exact Fraction (3300/49 for 33/49), or None when there is no rate."""
        return self._rate.percent

    @property
    def share(self) -> Fraction | None:
        """The share in [0, 1] as an exact Fraction (33/49), or None when there is no rate."""
        return self._rate.share

    @property
    def percent_text(self) -> str:
        """The rounded percent without the sign, ``'67.3'``; ``''`` when there is no rate."""
        return self._rate.percent_text

    @property
    def rounding(self) -> str:
        """The display rule: ``'half_up'`` (반올림), ``'truncate'`` (버림) or ``'half_even'``."""
        return self._rate.rounding

    @property
    def decimals(self) -> int:
        """Decimal places shown."""
        return self._rate.decimals

    @property
    def criteria(self) -> Criteria | None:
        """The criteria the rate was computed under, when it came from a snapshot."""
        return self._criteria

    def __str__(self) -> str:
        return str(self._rate)

    def __format__(self, spec: str) -> str:
        # f"{rate}" is str(rate); f"{rate:.2f}" formats the exact percent.
        if not spec:
            return str(self)
        percent = self.percent
        return "n/a" if percent is None else format(percent, spec)

    def __repr__(self) -> str:
        return repr(self._rate)

    def __eq__(self, other: object) -> bool:
        # Equal figures and display rule; the criteria's name does not matter.
        if not isinstance(other, Rate):
            return NotImplemented
        return self._rate == other._rate

    def __hash__(self) -> int:
        return hash((Fraction(self._rate.numerator), self.denominator, self.unmeasured, self.rounding, self.decimals))

    def __getstate__(self) -> dict[str, Any]:
        return {"rate": self._rate, "criteria": self._criteria}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._rate = state["rate"]
        self._criteria = state["criteria"]

    def _repr_html_(self) -> str:
        w = _html.words()
        name = self._criteria.name_ko if self._criteria is not None else w["share_row"]
        footer = _core.rounding_text(self.rounding, self.decimals, "ko")
        if self.unmeasured:
            footer += f"; {w['unmeasured']}: {self.unmeasured}"
        return _html.table(
            [w["criteria"], w["share_row"], w["numerator"], w["denominator"]],
            [[name, str(self), self.numerator, self.denominator]],
            footer=footer,
        )
