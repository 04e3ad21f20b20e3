"""Evaluating a whole corpus in one call (연구자용 일괄 평가): hundreds of districts,
many quarters, one tidy table.

The work is C++ (``pledgetrack/batch/evaluate.hpp``): files are read and reduced to
summary rows on threads without Python's GIL, and the snapshots are dropped as soon as
they are summarised. This module finds the files and their org files, and presents the
rows as a pandas DataFrame.
"""

from __future__ import annotations

import glob as _glob
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from . import _core, _html, _types
from ._core import Organization, PledgeError, Problem
from ._io import _organization, _reader_options, org_file_in
from ._snapshot import Snapshot

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Evaluation", "evaluate"]

PathLike = Union[str, "os.PathLike[str]"]
Progress = Union[bool, Callable[[int, int], object], None]

class Evaluation:
    """The figures of a corpus, one row per snapshot (and per group with ``by``), sorted by
    district then as_of: :attr:`table`. Files that failed are in :attr:`problems`.

    Made by :func:`evaluate`; :meth:`combine` joins partial evaluations (e.g. from Dask
    workers, a part per group of districts) and ranks them again over each period.
    Pickles, so it travels between processes.
    """

    def __init__(self, core: _core.BatchEvaluation) -> None:
        """Wraps the core's evaluation; made by :func:`evaluate` and :meth:`combine`."""
        self._core = core
        self._table: pd.DataFrame | None = None

    @property
    def table(self) -> pd.DataFrame:
        """The tidy table: district, term, as_of, period, (dimension, group), projects, a
        count per status, then per criteria ``<name>_numerator``, ``_denominator``,
        ``_percent`` (float; NaN without a rate), ``_text`` (rounded by the criteria's rule),
        ``_change_pp`` (exact, a Fraction; None for a district's first snapshot),
        ``_rank`` (within the period, ties sharing the smallest rank), and ``regressions``.
        A copy each time it is asked for."""
        if self._table is None:
            self._table = _frame(self._core)
        return _independent_copy(self._table)

    def to_frame(self) -> pd.DataFrame:
        """The same as :attr:`table`."""
        return self.table

    @property
    def problems(self) -> list[Problem]:
        """A :class:`Problem` for every file that failed, in the order of the files; each
        names its file (``problem.file``)."""
        return list(self._core.problems)

    @property
    def criteria(self) -> list[str]:
        """The criteria presets evaluated, in column order: ``['kmc']`` by default."""
        return list(self._core.criteria)

    @property
    def by(self) -> list[str]:
        """The dimensions grouped by (``[]`` without groups)."""
        return list(self._core.by)

    def __len__(self) -> int:
        """The number of rows."""
        return len(self._core)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Evaluation):
            return NotImplemented
        return bool(self._core == other._core)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Evaluation, (self._core,))

    @staticmethod
    def combine(parts: Iterable[Evaluation]) -> Evaluation:
        """One evaluation from partial ones: rows and problems together, sorted and ranked
        again over each whole period. Each district must lie in one part only (its %p
        changes and regressions need all its snapshots): a PledgeError naming it otherwise.
        여러 부분 평가를 하나로 합치고 기간별 순위를 다시 매긴다."""
        cores = [p._core for p in parts]
        return Evaluation(_core.combine_evaluations(cores))

    def __repr__(self) -> str:
        districts = len(self._core.districts)  # each once, as the evaluation keeps them
        return (
            f"Evaluation(rows={len(self)}, districts={districts}, criteria={self.criteria!r}, "
            f"by={self.by!r}, problems={len(self.problems)})"
        )

    def _repr_html_(self) -> str:
        frame = self.table
        whole = frame if not self.by else frame[frame["dimension"].isna()]
        first = self.criteria[0] if self.criteria else None
        rows = []
        for _, r in whole.head(20).iterrows():
            row = [r["district"], r["period"] or "", r["projects"]]
            if first is not None:
                change = r[f"{first}_change_pp"]
                rank = r[f"{first}_rank"]
                row += [
                    r[f"{first}_text"] or "n/a",
                    "" if change is None else _core.format_points(change),
                    "" if rank is None or rank is _pd_na() else int(rank),
                ]
            row.append("" if r["regressions"] is _pd_na() else int(r["regressions"]))
            rows.append(row)
        words = _html.words()  # the report's own words where it has them
        header = [words["district"], words["period"], words["projects"]]
        if first is not None:
            header += [first, words["change"], "순위"]
        header.append(words["regression"])
        districts = whole["district"].nunique()
        caption = f"일괄 평가 · 자치단체 {districts}곳 · 스냅샷 {len(whole)}개 (rows {len(frame)})"
        footer = f"처음 20행 (first 20 of {len(whole)})" if len(whole) > 20 else None
        out = _html.table(header, rows, caption=caption, footer=footer, numeric_from=2)
        if self.problems:
            out += _html.table(["파일 오류 (problems)"], [[p.message] for p in self.problems[:20]], numeric_from=1)
        return out


def _pd_na() -> object:
    import pandas as pd

    return pd.NA


def _independent_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose changes never reach ``frame``. pandas 3 always copies on write, so a
    shallow copy is one, and costs nothing until written to; a deep copy of the large
    benchmark corpus' table took 0.18 s each time it was asked for. Earlier pandas: deep."""
    import pandas as pd

    if int(pd.__version__.split(".")[0]) >= 3:
        return frame.copy(deep=False)
    return frame.copy()


def _frame(core: _core.BatchEvaluation) -> pd.DataFrame:
    import pandas as pd

    columns = core.table()
    for name, values in columns.items():
        if isinstance(values, tuple):  # whole numbers that may be missing: (values, mask)
            columns[name] = pd.arrays.IntegerArray(values[0], values[1])
    # The columns are the frame's own (made for it, held nowhere else): copy=False keeps
    # pandas from copying them into blocks of one dtype (0.05 s of the large benchmark
    # corpus' 0.16).
    return pd.DataFrame(columns, columns=core.columns(), copy=False)


def evaluate(
    source: PathLike | Iterable[PathLike] | Iterable[Snapshot],
    *,
    criteria: str | Sequence[str] | None = None,
    by: str | Sequence[str] | None = None,
    workers: int | None = None,
    org: PathLike | Organization | None = None,
    strict: bool = False,
    progress: Progress = None,
    **read_options: Any,
) -> Evaluation:
    """Evaluates a corpus in one call: every snapshot's counts, exact rates, %p changes
    from the district's previous snapshot, ranks within the period and regressions, as one
    tidy table (:attr:`Evaluation.table`). 여러 자치단체·분기의 파일을 한 번에 평가한다.

    ``source`` is a directory (every ``*.csv`` below it, except files named ``org.csv``), a
    glob (``"data/*/2024-*.csv"``), a list of paths, or snapshots already read.
    ``criteria`` names the presets to compute (:func:`criteria_presets`: ``"kmc"``,
    ``"implementation"``, ``"pledge"``, ``"mean_progress"``, ``"in_term"``; KMC alone by
    default). ``by="field"`` (or ``"bureau"``, ``"department"``, a list) adds a row per
    group of each snapshot. ``workers`` C++ threads (``None``: one per core) share the files.

    Orgs: a file uses the ``org.csv`` in its own folder (``data/<district>/org.csv``) when
    there is one; otherwise ``org`` (a path or an :class:`Organization`), if given. An org
    file with a district column (자치단체) serves many districts: each file gets its
    district's rows (the file is then read twice: once to learn its district). The most
    specific org wins: the folder's own, then the district's rows, then a plain ``org``.

    A file that fails does not stop the batch: its error goes into
    :attr:`Evaluation.problems` (naming the file) and a warning says how many failed;
    ``strict=True`` raises the first failure (in file order) instead. Ctrl-C stops the threads
    after the files being read and raises KeyboardInterrupt. ``progress=True``
    shows a progress bar (tqdm) on standard error; a callable gets ``(done, total)``.
    Other keywords are :func:`read_csv`'s (``encoding``, ``district``, …) and apply to
    every file.

    >>> result = pt.evaluate("data/", criteria=["kmc", "implementation"], by="field")
    >>> result.table.head()
    """
    criteria_names = _names(criteria, "criteria") or ["kmc"]
    dimensions = _names(by, "by")
    threads = _threads(workers)
    items = _items(source)
    if items and all(isinstance(i, Snapshot) for i in items):
        if org is not None or read_options:
            raise TypeError("org and reading options apply to files, not to snapshots already read")
        core = _core.evaluate_snapshots(
            [s._snapshot for s in items], threads=threads, criteria=criteria_names, by=dimensions  # type: ignore[union-attr]
        )
        return Evaluation(core)
    if any(isinstance(i, Snapshot) for i in items):
        raise TypeError("evaluate takes paths or snapshots, not a mix of both")
    paths = _paths(source, items)
    encoding = read_options.get("encoding")
    district_orgs: list[tuple[str, Organization]] = []
    shared_org = None
    if org is not None and not isinstance(org, Organization):
        district_orgs = _core.read_org_csv_by_district(_types.path(org, "evaluate", "org"), encoding=encoding) or []
    if not district_orgs:
        shared_org = _organization(org, encoding, "evaluate")
    orgs, file_org = _folder_orgs(paths, encoding)
    options = _reader_options(
        read_options.pop("encoding", None),
        read_options.pop("delimiter", None),
        read_options.pop("district", None),
        read_options.pop("term", None),
        read_options.pop("as_of", None),
        shared_org,
        read_options.pop("aliases", None),
        read_options.pop("columns", None),
        read_options.pop("fill_down", True),
    )
    if read_options:
        raise TypeError(f"evaluate got unexpected keywords: {', '.join(sorted(read_options))}")
    with _progress(progress, len(paths)) as report:
        core = _core.evaluate_files(
            paths,
            threads=threads,
            criteria=criteria_names,
            by=dimensions,
            strict=strict,
            orgs=orgs,
            file_org=file_org,
            district_orgs=district_orgs,
            progress=report,
            **options,  # type: ignore[arg-type]
        )
    result = Evaluation(core)
    if result.problems:
        first = result.problems[0]
        warnings.warn(
            f"{len(result.problems)} of {len(paths)} files failed and are listed in .problems; "
            f"the first: {first.message}",
            UserWarning,
            stacklevel=2,
        )
    return result


def criteria_presets() -> list[str]:
    """The names of the criteria presets :func:`evaluate` computes, in the C++ core's order."""
    return list(_core.criteria_presets())


def _names(value: str | Sequence[str] | None, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    names = list(value)
    for n in names:
        if not isinstance(n, str):
            raise TypeError(f"{what} takes names (str), not {type(n).__name__}: {n!r}")
    return names


def _threads(workers: int | None) -> int:
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be a whole number of at least 1, or None (one per core): {workers!r}")
    return workers or 0


def _items(source: object) -> list[object]:
    if isinstance(source, (str, bytes, os.PathLike)):
        return []
    if isinstance(source, Snapshot):
        return [source]
    if not isinstance(source, Iterable):
        raise TypeError(
            "evaluate(): 'source' takes a directory, a glob, a list of file paths or of snapshots, "
            f"not {type(source).__name__}"
        )
    items = list(source)
    for i, item in enumerate(items):
        if not isinstance(item, Snapshot) and not _types.is_path(item):
            raise TypeError(
                f"evaluate(): 'source[{i}]' takes a file path (str or os.PathLike) or a pledgetrack.Snapshot, "
                f"not {type(item).__name__}"
            )
    return items


def _is_glob(text: str) -> bool:
    return any(c in text for c in "*?[")


def _paths(source: object, items: list[object]) -> list[str]:
    """The pledge files of a source, in a stable order (sorted, for directories and globs). Texts,
    not Paths: a corpus has thousands of files, and making a Path of each took 16 ms of the
    national benchmark corpus' 0.17 s."""
    if items:
        return [os.fsdecode(p) for p in items]  # type: ignore[arg-type]
    if not isinstance(source, (str, bytes, os.PathLike)):
        raise PledgeError("evaluate was given no files (an empty list)")
    text = os.fsdecode(source)
    if os.path.isdir(text):
        files = list(_core.batch_files(text))
        if not files:
            raise PledgeError(f"no pledge files (*.csv other than org.csv) under directory '{Path(text)}'")
        return files
    if _is_glob(text) and not os.path.exists(text):
        # Sorted as Paths sort: part by part ("a/x" before "a-b/x").
        files = sorted(
            (p for p in _glob.glob(text, recursive=True) if not _core.is_org_file_name(os.path.basename(p))),
            key=lambda p: Path(p).parts,
        )
        if not files:
            raise PledgeError(f"no pledge files match '{text}'")
        return files
    return [text]


def _folder_orgs(paths: list[str], encoding: str | None) -> tuple[list[Organization], list[int]]:
    """The org of each file's own folder (``org.csv`` beside it), read once per folder: the
    orgs, and each file's index into them (-1: none)."""
    orgs: list[Organization] = []
    index: dict[str, int] = {}
    file_org: list[int] = []
    for p in paths:
        folder = os.path.dirname(p) or "."
        if folder not in index:
            candidate = org_file_in(Path(folder))
            if candidate is not None:
                index[folder] = len(orgs)
                orgs.append(_core.read_org_csv(str(candidate), encoding=encoding))
            else:
                index[folder] = -1
        file_org.append(index[folder])
    if not orgs:
        return [], []
    return orgs, file_org


class _progress:
    """A context giving the C++ call its ``progress(done)`` callback: a tqdm bar on
    standard error, the caller's ``(done, total)`` callable, or nothing."""

    def __init__(self, progress: Progress, total: int) -> None:
        self._bar: Any = None
        self._callback: Callable[[int], object] | None = None
        if progress is True:
            from tqdm import tqdm

            # delay: a batch that ends within half a second shows no bar at all.
            self._bar = tqdm(total=total, unit="file", file=sys.stderr, delay=0.5, leave=False)
            self._callback = self._advance
        elif callable(progress):
            self._callback = lambda done: progress(done, total)
        elif progress not in (None, False):
            raise TypeError(f"progress is True, False, None or a callable (done, total), not {progress!r}")

    def _advance(self, done: int) -> None:
        self._bar.update(done - self._bar.n)

    def __enter__(self) -> Callable[[int], object] | None:
        return self._callback

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
