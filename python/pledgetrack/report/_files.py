"""Writing a report file atomically: into a temporary file beside the target,
flushed and synced, then renamed over it. An interrupted or failed run leaves
the target as it was (absent or the previous version), never half a report.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Union

PathLike = Union[str, "os.PathLike[str]"]


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """A temporary path in the target's directory; renamed to ``path`` when the block ends
    without an exception, removed otherwise. The block writes the file (and may close it)."""
    target = Path(os.fsdecode(path))
    directory = target.parent if str(target.parent) else Path(".")
    # Same directory: os.replace is then a rename within one file system, atomic on POSIX and Windows.
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    temp = Path(temporary)
    try:
        # mkstemp makes the file private (0600); the report gets the mode a new file would get.
        os.chmod(temp, _mode_for(target))
        yield temp
        _fsync(temp)
        os.replace(temp, target)
    except BaseException:  # KeyboardInterrupt too: no temporary file is left behind
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    # The rename itself is durable once the directory is synced (POSIX only).
    _fsync_directory(directory)


def write_atomic(path: PathLike, write: Callable[[IO[bytes]], None]) -> None:
    """Calls ``write(file)`` on a temporary binary file, then puts it in place atomically."""
    with atomic_path(path) as temp, open(temp, "wb") as f:
        write(f)
        f.flush()


def write_text_atomic(path: PathLike, text: str) -> None:
    """Writes ``text`` as UTF-8 atomically (no BOM, line ends as given)."""
    data = text.encode("utf-8")
    write_atomic(path, lambda f: f.write(data))  # type: ignore[arg-type, return-value]


def _mode_for(target: Path) -> int:
    """The target's mode when it exists, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
