"""The researcher's batch from Python: N copies of the bundled example (49 rows, ~12 KB)
in a temporary folder, read four ways. Prints files/s and MB/s, best of 5.

    pip install . && python benchmarks/bench_read_many.py [FILES] [WORKERS]   (default 2000, cores)

- ``read_csv`` in a loop;
- ``read_csv`` in a ThreadPoolExecutor of WORKERS threads (the GIL is released while a file is
  read, but the per-call Python work and the pool's own overhead are not small next to a
  12 KB file);
- ``read_many(workers=1)``;
- ``read_many(workers=WORKERS)``: C++ threads, one call.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pledgetrack as pt


def best_of_5(read) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        read()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else (os.cpu_count() or 1)
    if files < 1 or workers < 1:
        print("usage: bench_read_many.py [FILES >= 1] [WORKERS >= 1]", file=sys.stderr)
        return 2
    example = (pt.example_path("gwangju-seogu") / "2024-03-31.csv").read_bytes()
    with tempfile.TemporaryDirectory(prefix="pledgetrack-bench-") as folder:
        paths = [Path(folder) / f"{i}.csv" for i in range(files)]
        for path in paths:
            path.write_bytes(example)
        megabytes = len(example) * files / 1e6
        print(f"batch: {files} files of {len(example)} bytes, {megabytes:.1f} MB; {workers} workers")

        def report(what: str, seconds: float) -> None:
            print(f"{what:40s}: {files / seconds:9.0f} files/s, {megabytes / seconds:7.1f} MB/s")

        def loop() -> None:
            assert sum(len(pt.read_csv(p)) for p in paths) == 49 * files

        def thread_pool() -> None:
            with ThreadPoolExecutor(workers) as pool:
                assert sum(len(s) for s in pool.map(pt.read_csv, paths)) == 49 * files

        report("read_csv in a loop", best_of_5(loop))
        report(f"read_csv in a thread pool ({workers})", best_of_5(thread_pool))
        for w in (1, workers):
            report(f"read_many(workers={w})", best_of_5(lambda: pt.read_many(paths, workers=w)))
        assert sum(len(s) for s in pt.read_many(paths, workers=workers)) == 49 * files
    return 0


if __name__ == "__main__":
    sys.exit(main())
