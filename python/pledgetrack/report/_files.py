"""Writing a file atomically, for every writer of the package (reports, the CLI's -o,
batch tables): the file is made in memory, then handed to the core's one atomic writer
(``_core.write_file_atomically``: a unique temporary file beside the target, synced,
renamed over it). A failed or interrupted run leaves the target as it was, never half a
file; a full disk or a read-only folder is a :class:`pledgetrack.WriteError` naming the
target and the system's reason.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import IO, Union

from .. import _core

PathLike = Union[str, "os.PathLike[str]"]


def write_atomic(path: PathLike, write: Callable[[IO[bytes]], object]) -> None:
    """Calls ``write(file)`` on an in-memory binary file, then puts its bytes at ``path``
    atomically. In memory first: a writer that fails half way (openpyxl's ZipFile on a full
    disk) then leaves no open file behind to complain when it is collected."""
    buffer = io.BytesIO()
    write(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def write_bytes_atomic(path: PathLike, data: bytes) -> None:
    """Writes ``data`` to ``path`` atomically."""
    _core.write_file_atomically(os.fsdecode(path), data)


def write_text_atomic(path: PathLike, text: str) -> None:
    """Writes ``text`` as UTF-8 atomically (no BOM, line ends as given)."""
    write_bytes_atomic(path, text.encode("utf-8"))
