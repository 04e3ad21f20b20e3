"""Evaluating a corpus beyond one machine with Dask (Dask로 여러 머신에서 일괄 평가).

The districts' folders (``data/<district>/*.csv``) are spread over the Dask workers; each
worker runs ``pt.evaluate`` on its folders (on all its cores); the partial evaluations come
back pickled, and ``pt.Evaluation.combine`` joins them and ranks each period again over
all districts. The table is exactly the one ``pt.evaluate(root)`` gives on one machine:
a district's %p changes and regressions need only its own folder, and ranks are made
whole by ``combine``.

    python examples/dask/evaluate_with_dask.py data/ [SCHEDULER_ADDRESS] > table.csv

Without a scheduler address it starts a two-worker ``LocalCluster``. tests/python/
test_evaluate.py runs this file on such a cluster and compares with ``pt.evaluate``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pledgetrack as pt


def district_folders(root: str | Path) -> list[str]:
    """The folders of the districts, one per district, sorted."""
    folders = sorted(str(p) for p in Path(root).iterdir() if p.is_dir())
    if not folders:
        raise pt.PledgeError(f"no district folders under '{root}'")
    return folders


def evaluate_folder(folder: str, options: dict[str, Any]) -> pt.Evaluation:
    """One district's folder on a worker: its own org.csv is used as pt.evaluate does."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # failed files travel back in .problems
        return pt.evaluate(folder, **options)


def evaluate_with_dask(root: str | Path, client: Any, **options: Any) -> pt.Evaluation:
    """``pt.evaluate(root, **options)``, with the district folders spread over the
    workers of a ``dask.distributed.Client``."""
    folders = district_folders(root)
    futures = client.map(evaluate_folder, folders, options=options, pure=False)
    parts = client.gather(futures)
    return pt.Evaluation.combine(parts)


def main(argv: list[str]) -> int:
    from dask.distributed import Client, LocalCluster

    root = argv[0]
    if len(argv) > 1:
        with Client(argv[1]) as client:
            result = evaluate_with_dask(root, client)
    else:
        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(
            cluster
        ) as client:
            result = evaluate_with_dask(root, client)
    sys.stdout.write(result.table.to_csv(index=False))
    return 1 if result.problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
