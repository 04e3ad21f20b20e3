"""Checking arguments at the Python boundary: a wrong type (arguments in the wrong order,
``pt.write_csv(snapshots, path)``) is a TypeError naming the function, the parameter and
what it takes, raised before anything is read or written, never an AttributeError from
deep inside."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from ._snapshot import Snapshot

_PATH = "a file path (str or os.PathLike)"
_SNAPSHOT = "a pledgetrack.Snapshot"


def _wrong(function: str, parameter: str, takes: str, value: object) -> TypeError:
    return TypeError(f"{function}(): '{parameter}' takes {takes}, not {type(value).__name__}")


def is_path(value: object) -> bool:
    return isinstance(value, (str, bytes, os.PathLike))


def path(value: object, function: str, parameter: str = "path") -> str:
    """The path as text; a TypeError unless it is one."""
    if not is_path(value):
        raise _wrong(function, parameter, _PATH, value)
    return os.fsdecode(value)  # type: ignore[arg-type]


def paths(value: object, function: str, parameter: str = "paths") -> list[str]:
    """A list of paths as text; a TypeError for one path (or anything else) instead."""
    if is_path(value) or not isinstance(value, Iterable):
        raise _wrong(function, parameter, "a list of file paths", value)
    return [path(p, function, f"{parameter}[{i}]") for i, p in enumerate(value)]


def snapshot(value: object, function: str, parameter: str) -> Any:
    """The core snapshot of a Snapshot (or a core one); a TypeError otherwise."""
    from . import _core

    if isinstance(value, Snapshot):
        return value._snapshot
    if isinstance(value, _core.Snapshot):
        return value
    raise _wrong(function, parameter, _SNAPSHOT, value)


def snapshots(value: object, function: str, parameter: str = "snapshots") -> list[Any]:
    """The core snapshots of one Snapshot or of an iterable of them."""
    if isinstance(value, Snapshot):
        return [value._snapshot]
    if is_path(value) or not isinstance(value, Iterable):
        raise _wrong(function, parameter, f"{_SNAPSHOT} or a list of them", value)
    return [snapshot(s, function, f"{parameter}[{i}]") for i, s in enumerate(value)]
