"""The same work in pledgetrack, pandas, polars and DuckDB, each in its own process, in one
run, alternating: per snapshot and per (snapshot, field), the KMC completion rate's numerator
(완료 + 이행후계속추진) and denominator (every project). Checks that all engines give the same
figures, and prints for each the wall time (from the start of its process, imports included),
MB/s of corpus, CPU time (user + system, all threads: steadier than wall time on a shared
machine) and peak memory (the process's maximum resident set), both from wait4.

    pip install ".[bench]"
    python benchmarks/corpus.py national build/bench/national
    python benchmarks/engines.py build/bench/national [ROUNDS]      # default 3 rounds

Each peer is used as its own documentation advises:
- polars: one lazy ``scan_csv`` over all files, both aggregations collected together
  (``collect_all``) on the streaming engine;
- DuckDB: one query over ``read_csv`` of all files with ``GROUPING SETS``;
- pandas: ``read_csv`` per file (only the four columns needed) and ``groupby``, the
  partial sums added up at the end;
- pledgetrack: ``pt.evaluate(corpus, by="field")`` from Python (which also computes
  counts per status, %p changes, ranks and regressions), and the C++ program
  ``bench_evaluate`` (the same call from C++, no Python start-up).

None of the peers reads CP949 in a multi-file scan (polars reads UTF-8 only; DuckDB needs
an extension fetched from the network for other encodings), so they read a UTF-8 copy of
the corpus, made once and not timed (``<corpus>-utf8``); pledgetrack reads the original,
CP949 files included. Labels are normalised the same way everywhere: spaces removed
(``정 상 추 진``), and the aliases the corpus uses for the two complete statuses.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ENGINES = ["pledgetrack", "pledgetrack-cpp", "polars", "duckdb", "pandas"]
HERE = Path(__file__).resolve().parent
BENCH_EVALUATE = HERE.parent / "build" / "ci" / "benchmarks" / "bench_evaluate"

# The labels benchmarks/corpus.py writes for 완료 and 이행후계속추진, spaces removed.
COMPLETE = ["완료", "추진완료", "이행후계속추진", "이행후계속"]
DISTRICT, AS_OF, FIELD, STATUS = "자치단체", "기준일", "분야", "추진상황"


def files_of(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.csv") if p.name != "org.csv")


# -- the engines (each runs in a child process) ---------------------------------------------


def run_pledgetrack(root: Path) -> list[tuple]:
    import warnings

    import pledgetrack as pt

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a failed file would make the figures incomparable
        table = pt.evaluate(root, by="field").table
    groups = table["group"].fillna("")
    # The dates stay date objects here: child() writes every engine's figures as text after
    # its clock stops.
    return list(
        zip(table["district"], table["as_of"], groups, table["kmc_numerator"], table["kmc_denominator"])
    )


def run_polars(root: Path) -> list[tuple]:
    import polars as pl

    scan = pl.scan_csv(files_of(root), infer_schema=False).select(
        pl.col(DISTRICT),
        pl.col(AS_OF),
        pl.col(FIELD),
        pl.col(STATUS).str.replace_all(" ", "", literal=True).is_in(COMPLETE).cast(pl.Int64).alias("done"),
    )
    agg = [pl.col("done").sum().alias("numerator"), pl.len().alias("denominator")]
    whole, fields = pl.collect_all(
        [scan.group_by([DISTRICT, AS_OF]).agg(agg), scan.group_by([DISTRICT, AS_OF, FIELD]).agg(agg)],
        engine="streaming",
    )
    rows = [(d, a, "", n, m) for d, a, n, m in whole.select(DISTRICT, AS_OF, "numerator", "denominator").iter_rows()]
    rows += list(fields.select(DISTRICT, AS_OF, FIELD, "numerator", "denominator").iter_rows())
    return rows


def run_duckdb(root: Path) -> list[tuple]:
    import duckdb

    files = files_of(root)
    complete = ", ".join(f"'{c}'" for c in COMPLETE)
    query = f"""
        SELECT {DISTRICT}, CAST({AS_OF} AS VARCHAR), COALESCE({FIELD}, ''),
               SUM(CASE WHEN replace({STATUS}, ' ', '') IN ({complete}) THEN 1 ELSE 0 END), COUNT(*),
               GROUPING({FIELD})
        FROM read_csv($files, header = true, all_varchar = true)
        GROUP BY GROUPING SETS (({DISTRICT}, {AS_OF}), ({DISTRICT}, {AS_OF}, {FIELD}))
    """
    con = duckdb.connect()
    result = con.execute(query, {"files": files}).fetchall()
    return [(d, a, "" if grouped_away else f, int(n), int(m)) for d, a, f, n, m, grouped_away in result]


def run_pandas(root: Path) -> list[tuple]:
    import pandas as pd

    whole_parts, field_parts = [], []
    for path in files_of(root):
        frame = pd.read_csv(path, usecols=[DISTRICT, AS_OF, FIELD, STATUS], dtype=str, encoding="utf-8-sig")
        frame["done"] = frame[STATUS].str.replace(" ", "", regex=False).isin(COMPLETE).astype("int64")
        whole_parts.append(frame.groupby([DISTRICT, AS_OF])["done"].agg(["sum", "size"]))
        field_parts.append(frame.groupby([DISTRICT, AS_OF, FIELD])["done"].agg(["sum", "size"]))
    whole = pd.concat(whole_parts).groupby(level=[0, 1]).sum()
    fields = pd.concat(field_parts).groupby(level=[0, 1, 2]).sum()
    rows = [(d, a, "", int(s), int(n)) for (d, a), s, n in zip(whole.index, whole["sum"], whole["size"])]
    rows += [(d, a, f, int(s), int(n)) for (d, a, f), s, n in zip(fields.index, fields["sum"], fields["size"])]
    return rows


def child(engine: str, root: Path, out: Path) -> None:
    """Runs one engine and writes its figures, sorted, with the time the work ended."""
    run = {"pledgetrack": run_pledgetrack, "polars": run_polars, "duckdb": run_duckdb, "pandas": run_pandas}[engine]
    rows = run(root)
    ended = time.time()
    rows = sorted((str(d), str(a), str(f), int(n), int(m)) for d, a, f, n, m in rows)
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"{ended}\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")


# -- the parent --------------------------------------------------------------------------------


def utf8_copy(root: Path) -> Path:
    """The corpus with every file in UTF-8 (with a BOM), for the peers; made once."""
    copy = root.with_name(root.name + "-utf8")
    if copy.exists():
        return copy
    partial = root.with_name(root.name + "-utf8.partial")
    shutil.rmtree(partial, ignore_errors=True)
    for path in root.rglob("*.csv"):
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            text = data[3:].decode("utf-8")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp949")
        target = partial / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    partial.rename(copy)
    return copy


def measure(engine: str, root: Path, copy: Path, out: Path) -> tuple[float, float, float]:
    """(seconds from the start of the engine's process to the end of its work, peak MB, CPU
    seconds of the process, user and system, all threads)."""
    if engine == "pledgetrack-cpp":
        command = [str(BENCH_EVALUATE), "0", str(out), str(root)]
    else:
        source = root if engine == "pledgetrack" else copy
        command = [sys.executable, __file__, "--child", engine, str(source), str(out)]
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{engine} failed with exit status {process.returncode}")
    peak_mb = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    ended = float(out.read_text(encoding="utf-8").split("\n", 1)[0])
    return ended - start, peak_mb, cpu


def figures(out: Path) -> list[str]:
    lines = out.read_text(encoding="utf-8").splitlines()
    return sorted(lines[1:])  # the first line is the time the work ended


def digest(out: Path) -> str:
    """The number and a SHA-256 of an engine's sorted figures, computed in a child process.
    The parent must stay small: a child's peak memory (ru_maxrss) starts from what it was
    forked from, so a parent holding 800,000 figures made pledgetrack's C++ program look
    140 MB bigger than it is."""
    done = subprocess.run(
        [sys.executable, __file__, "--digest", str(out)], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--child":
        child(argv[1], Path(argv[2]), Path(argv[3]))
        return 0
    if argv and argv[0] == "--digest":
        import hashlib

        lines = figures(Path(argv[1]))
        print(len(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest())
        return 0
    if not argv:
        print(__doc__)
        return 2
    root = Path(argv[0])
    rounds = int(argv[1]) if len(argv) > 1 else 3
    engines = [e for e in ENGINES if e != "pledgetrack-cpp" or BENCH_EVALUATE.exists()]
    copy = utf8_copy(root)
    size = sum(os.path.getsize(p) for p in files_of(root))
    print(f"corpus {root}: {len(files_of(root))} files, {size / 1e6:.1f} MB; {rounds} rounds, {os.cpu_count()} cores")
    times: dict[str, list[float]] = {e: [] for e in engines}
    cpus: dict[str, list[float]] = {e: [] for e in engines}
    peaks: dict[str, list[float]] = {e: [] for e in engines}
    reference: str | None = None  # "count sha256" of the first engine's figures
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"pledgetrack-engines-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    try:
        for r in range(rounds):
            order = engines if r % 2 == 0 else engines[::-1]  # alternate, so no engine always goes first
            for engine in order:
                out = work / f"{engine}.tsv"
                seconds, peak, cpu = measure(engine, root, copy, out)
                times[engine].append(seconds)
                cpus[engine].append(cpu)
                peaks[engine].append(peak)
                got = digest(out)
                if reference is None:
                    reference = got
                    shutil.copyfile(out, work / "reference.tsv")
                elif got != reference:
                    kept = work.with_name(work.name + "-mismatch")
                    shutil.copytree(work, kept, dirs_exist_ok=True)
                    raise SystemExit(
                        f"{engine} gives other figures than the first engine ({got} against {reference}): "
                        f"compare {kept / (engine + '.tsv')} with {kept / 'reference.tsv'}"
                    )
                print(f"  round {r + 1} {engine:16s} {seconds:8.3f} s {cpu:8.3f} s CPU {peak:8.0f} MB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    count = reference.split()[0] if reference else 0
    print(f"all engines agree on {count} figures (snapshots and (snapshot, field) pairs)")
    best = {e: min(times[e]) for e in engines}
    base = best["pledgetrack"]
    least_cpu = {e: min(cpus[e]) for e in engines}
    print(f"\n| engine | best wall s (of {rounds}) | MB/s | least CPU s | peak MB | wall vs pledgetrack (Python) |")
    print("|---|---|---|---|---|---|")
    for e in engines:
        print(
            f"| {e} | {best[e]:.3f} | {size / 1e6 / best[e]:.0f} | {least_cpu[e]:.2f} | {max(peaks[e]):.0f} "
            f"| {best[e] / base:.1f}x |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
