"""Load (issue #15): a batch over 100,000 small files, and over one file of 1 GiB, in bounded
memory and with a bounded number of open files. A benchmark, not a test: it writes about
170 MB (many) or 1 GiB (big) under /tmp and removes it afterwards.

    pip install .
    python benchmarks/load.py many            # 100,000 files of 10 projects, pt.evaluate(folder)
    python benchmarks/load.py many 100000 cli # the same through `pledgetrack batch folder -o table.csv`
    python benchmarks/load.py big             # one UTF-8 file of 1 GiB: 7,500 governments x 16 quarters
    python benchmarks/load.py big 1 cli

The batch runs in a child process with 2 workers (this machine's cores). Printed: wall
time, peak resident memory (the child's ru_maxrss, from wait4), and the most file
descriptors the child held, sampled from /proc/<pid>/fd every millisecond or so. Sampling
can miss a short peak, so the child also runs under a limit on open files (RLIMIT_NOFILE,
`--fd-limit`, 64 by default): a batch that ever held more would fail with EMFILE ("Too many
open files") and the script would say so.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (benchmarks/corpus.py: the same realistic rows)

WORKERS = 2


def write_many(root: Path, count: int) -> int:
    """`count` files of one snapshot of 10 projects each, 1,000 to a folder; bytes written."""
    templates = []
    for g, name in enumerate(corpus.government_names(100, seed=15)):
        lines = corpus.government_rows(name, seed=15_000 + g)[0][:10]
        templates.append((name, "".join(lines)))
    total = 0
    for i in range(count):
        name, rows = templates[i % len(templates)]
        folder = root / f"{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir()
        # A district of its own per file: 100,000 governments of one snapshot each.
        text = corpus.HEADER + rows.replace(name, f"{name} {i:06d}")
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
        (folder / f"{i:06d}.csv").write_bytes(data)
        total += len(data)
    return total


def write_big(path: Path, gib: float) -> int:
    """One regional dump of `gib` GiB (to within one government's rows; at most the reader's
    default limit of 1 GiB a file): governments one after the other, each with its 16
    quarters (a run of rows per snapshot); bytes written."""
    names = corpus.government_names(100, seed=16)
    governments = ["".join(line for lines in corpus.government_rows(name, seed=16_000 + g) for line in lines)
                   for g, name in enumerate(names)]
    target = min(int(gib * (1 << 30)), 1 << 30)
    total = 0
    with open(path, "wb") as f:
        head = b"\xef\xbb\xbf" + corpus.HEADER.encode("utf-8")
        f.write(head)
        total += len(head)
        copy = 0
        while True:
            for name, rows in zip(names, governments):
                # The same governments again and again, under names of their own.
                data = rows.replace(name + ",", f"{name} {copy:03d},").encode("utf-8")
                if total + len(data) > target:
                    return total
                f.write(data)
                total += len(data)
            copy += 1


CHILD_PY = """
import sys, pledgetrack as pt
e = pt.evaluate(sys.argv[1], workers=int(sys.argv[2]))
t = e.table
print(f"{len(t)} rows ({t['projects'].sum():,} projects), {len(e.problems)} problems")
for p in e.problems[:5]:
    print(p, file=sys.stderr)
"""


def open_fds(pid: int) -> int | None:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


def run(command: list[str], fd_limit: int) -> tuple[float, int, int, int, str]:
    """Runs `command`; (wall seconds, peak RSS in KiB, most fds seen, exit code, output)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (fd_limit, fd_limit))

    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, preexec_fn=limit)
        most = 0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            n = open_fds(child.pid)
            if n is not None:
                most = max(most, n)
            time.sleep(0.001)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    return wall, usage.ru_maxrss, most, os.waitstatus_to_exitcode(status), text


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    fd_limit = 64
    for a in argv:
        if a.startswith("--fd-limit="):
            fd_limit = int(a.split("=", 1)[1])
    if not args or args[0] not in ("many", "big"):
        print(__doc__, file=sys.stderr)
        return 2
    kind = args[0]
    via_cli = len(args) > 2 and args[2] == "cli"
    work = Path(tempfile.mkdtemp(prefix="pledgetrack-load-", dir="/tmp"))
    try:
        t0 = time.perf_counter()
        if kind == "many":
            count = int(args[1]) if len(args) > 1 else 100_000
            target = work / "corpus"
            target.mkdir()
            size = write_many(target, count)
            what = f"{count:,} files, {size / 1e6:.0f} MB"
        else:
            gib = float(args[1]) if len(args) > 1 else 1.0
            target = work / "region.csv"
            size = write_big(target, gib)
            what = f"one file of {size / (1 << 30):.2f} GiB"
        print(f"wrote {what} in {time.perf_counter() - t0:.0f} s under {work}", flush=True)
        if via_cli:
            command = [sys.executable, "-m", "pledgetrack", "batch", str(target), "-o", str(work / "table.csv"),
                       "--workers", str(WORKERS)]
        else:
            command = [sys.executable, "-c", CHILD_PY, str(target), str(WORKERS)]
        # The child starts with stdin, stdout and stderr open, plus what Python opens.
        wall, rss_kib, most_fds, code, text = run(command, fd_limit)
        print(text.strip())
        print(f"{'pledgetrack batch' if via_cli else 'pt.evaluate'} on {what}, {WORKERS} workers: "
              f"{wall:.1f} s, peak RSS {rss_kib / 1024:.0f} MB, at most {most_fds} open files seen "
              f"(limit {fd_limit}), exit code {code}")
        return 0 if code in (0, 1) else code
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
