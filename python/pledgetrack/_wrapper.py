"""The shape every Python value around one C++ value shares: made from the C++ value
(``_wrap``), equal when the C++ values are, shown as the C++ value's repr, pickled as
that value (the C++ value pickles itself), and unhashable, as values that compare by
content are."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

W = TypeVar("W", bound="CoreWrapper")


class CoreWrapper:
    """A base for classes whose one slot (named by ``_core_slot``) holds a C++ value."""

    __slots__ = ()
    _core_slot: ClassVar[str]

    @classmethod
    def _wrap(cls: type[W], value: Any) -> W:
        out = cls.__new__(cls)
        setattr(out, cls._core_slot, value)
        return out

    def _core_value(self) -> Any:
        return getattr(self, self._core_slot)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return bool(self._core_value() == other._core_value())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._core_value())

    def __getstate__(self) -> dict[str, Any]:
        return {"core": self._core_value()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        setattr(self, self._core_slot, state["core"])
