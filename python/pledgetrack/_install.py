"""Where the wheel put the C++ package, for C++ users of an installed pledgetrack
(as correctionlib does): headers, the static library and the CMake config.

    cmake -DCMAKE_PREFIX_PATH="$(python -c 'import pledgetrack; print(pledgetrack.cmake_dir())')" …
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["cmake_dir", "include_dir"]

_PACKAGE = Path(__file__).resolve().parent


def include_dir() -> Path:
    """The directory holding ``pledgetrack/pledgetrack.hpp`` (inside the installed package)."""
    return _PACKAGE / "include"


def cmake_dir() -> Path:
    """The directory holding ``pledgetrackConfig.cmake``: give it to CMake as
    ``-Dpledgetrack_DIR=…`` (or its package directory as ``CMAKE_PREFIX_PATH``)."""
    return _PACKAGE / "lib" / "cmake" / "pledgetrack"
