"""The ``pledgetrack`` command.

PLACEHOLDER: the real command line comes later (CLI work). For now it knows
``--version`` only; anything else prints the usage and exits with status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

USAGE = "usage: pledgetrack --version\n(the full command line is not written yet)"


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from . import __version__

        print(f"pledgetrack {__version__}")
        return 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
