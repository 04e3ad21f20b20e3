"""Reading and writing pledge files (docs/data-format.md), and the bundled examples.

The reading itself is C++ (with the GIL released); this module resolves
paths, the org file and the return shapes.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Union

from . import _core, _excel, _types
from ._core import Organization, PledgeError, Problem, Status
from ._snapshot import Snapshot, _term_number, _to_date

__all__ = [
    "column_names",
    "example_names",
    "example_path",
    "load_example",
    "read_csv",
    "read_excel",
    "read_many",
    "read_org",
    "read_snapshots",
    "validate_csv",
    "write_csv",
]

PathLike = Union[str, "os.PathLike[str]"]

_DATA = Path(__file__).resolve().parent / "data"


def read_org(path: PathLike, *, encoding: str | None = None) -> Organization:
    """Reads an org file (부서 → 실·국): columns department and bureau (부서, 실국), optional
    renamed_from (구 부서명) and parent (상위부서). Bureaus keep the file's order, which is the
    column order of the field × bureau table."""
    return _core.read_org_csv(_types.path(path, "read_org"), encoding=encoding)


def _reader_options(
    encoding: str | None,
    delimiter: str | None,
    district: str | None,
    term: int | str | None,
    as_of: _dt.date | str | None,
    organization: Organization | None,
    aliases: Mapping[str, Status] | None,
    columns: Mapping[str, str] | None = None,
    fill_down: bool = True,
) -> dict[str, object]:
    """read_csv's keywords as the C++ readers take them."""
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(f"columns takes a mapping from your header to a column name, not {columns!r}")
    return dict(
        encoding=encoding,
        delimiter=delimiter,
        district=district or "",
        term=_term_number(term),
        as_of=_to_date(as_of),
        org=organization,
        aliases=list((aliases or {}).items()),
        columns=list((columns or {}).items()),
        fill_down=bool(fill_down),
    )


def read_csv(
    path: PathLike | IO[bytes],
    *,
    encoding: str | None = None,
    district: str | None = None,
    term: int | str | None = None,
    as_of: _dt.date | str | None = None,
    org: PathLike | Organization | None = None,
    delimiter: str | None = None,
    aliases: Mapping[str, Status] | None = None,
    columns: Mapping[str, str] | None = None,
    fill_down: bool = True,
) -> Snapshot | list[Snapshot]:
    """Reads a pledge file: a :class:`Snapshot`, or a list when the file holds several
    (one per district, term and as_of, in order of first appearance). Use
    :func:`read_snapshots` to always get a list. A workbook (.xlsx) is recognised by its
    first bytes and read as by :func:`read_excel`.

    ``path`` is a path or a binary file object. ``encoding`` ('utf-8', 'cp949', 'utf-16',
    …) overrides detection; ``district``, ``term`` ('민선8기' or 8) and ``as_of`` (a date or
    text) fill in what the file has no column for; ``org`` (a path or an
    :class:`Organization`) fills empty bureaus from departments, and its bureau order is
    remembered on the snapshots (:attr:`Snapshot.bureau_order`); ``aliases`` adds status
    labels of the source ({'추진 중(지연)': Status.LAGGING}); ``columns`` maps the source's
    own headers to column names ({'사업 내용': 'project'}; :func:`column_names` lists them);
    ``fill_down=False`` leaves blank field and pledge cells blank instead of filling them
    from the row above of the same field or pledge (merged cells, exported).

    Any problem is a :class:`PledgeError` naming file, line, column and the text;
    :func:`validate_csv` lists every problem, and how each cell was interpreted.

    >>> snap = pledgetrack.read_csv("2024-03-31.csv", org="org.csv")
    """
    if not hasattr(path, "read"):
        _types.path(path, "read_csv")
    if _excel.is_workbook(path):
        return read_excel(path, encoding=encoding, district=district, term=term, as_of=as_of, org=org,
                          aliases=aliases, columns=columns, fill_down=fill_down)  # fmt: skip
    organization = _organization(org, encoding)
    options = _reader_options(encoding, delimiter, district, term, as_of, organization, aliases, columns, fill_down)
    if hasattr(path, "read"):
        data = path.read()  # type: ignore[union-attr]
        name = str(getattr(path, "name", "<stream>"))
        cores = _core.read_csv_bytes(bytes(data), name, **options)
    else:
        cores = _core.read_csv(os.fsdecode(path), **options)  # type: ignore[arg-type]
    snapshots = [Snapshot._wrap(s) for s in cores]
    return snapshots[0] if len(snapshots) == 1 else snapshots


def read_many(
    paths: Iterable[PathLike],
    *,
    workers: int | None = None,
    encoding: str | None = None,
    district: str | None = None,
    term: int | str | None = None,
    as_of: _dt.date | str | None = None,
    org: PathLike | Organization | None = None,
    delimiter: str | None = None,
    aliases: Mapping[str, Status] | None = None,
    columns: Mapping[str, str] | None = None,
    fill_down: bool = True,
) -> list[Snapshot]:
    """Every snapshot in many pledge files, read in parallel: the first file's snapshots, then
    the second's, and so on. 여러 파일을 병렬로 읽는다.

    The files are read by C++ threads (``workers``; ``None`` means one per core) without
    Python's GIL, so a batch of small files goes as fast as the cores allow, which a Python
    thread pool around :func:`read_csv` does not achieve. The result, and the error raised
    when files fail (that of the first failing file in the order given), are the same for
    any number of workers. Other keywords are :func:`read_csv`'s and apply to every file.
    Ctrl-C stops the threads after the files being read and raises KeyboardInterrupt.

    >>> snaps = pledgetrack.read_many(sorted(Path("data").glob("*/*.csv")), org="org.csv")
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"read_many takes a list of paths, not one path ({paths!r}): for one file, use read_csv")
    names = _types.paths(paths, "read_many")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be a whole number of at least 1, or None (one per core): {workers!r}")
    organization = _organization(org, encoding)
    options = _reader_options(encoding, delimiter, district, term, as_of, organization, aliases, columns, fill_down)
    # Workbooks (rare in a batch) are read one by one in Python; the text
    # files all at once on C++ threads; the result keeps the order given.
    books = {i for i, name in enumerate(names) if _excel.is_workbook(name)}
    per_text_file = iter(_core.read_csv_files([n for i, n in enumerate(names) if i not in books],
                                              threads=workers or 0, **options))  # type: ignore[arg-type]
    out: list[Snapshot] = []
    for i, name in enumerate(names):
        if i in books:
            title, rows = _excel.sheet_rows(name, None)
            out += [Snapshot._wrap(s) for s in _core.read_table(rows, name, title, **options)]  # type: ignore[arg-type]
        else:
            out += [Snapshot._wrap(s) for s in next(per_text_file)]
    return out


def pledge_files(directory: Path) -> list[Path]:
    """The pledge files of a directory, sorted: each ``*.csv`` and ``*.xlsx`` but ``org.csv``
    (the rule read_snapshots and ``pledgetrack validate`` share)."""
    return sorted(
        p
        for p in directory.iterdir()
        if p.suffix.lower() in (".csv", ".xlsx") and not _core.is_org_file_name(p.name)
    )


def org_file_in(folder: Path) -> Path | None:
    """The org file of a folder (``org.csv``, in any case: the name a batch leaves out of the
    pledge files), or None. Two of them (``org.csv`` and ``ORG.csv``) are an error."""
    # By name first, without a Path per entry: a batch asks this of every folder of its corpus.
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries if _core.is_org_file_name(e.name) and e.is_file())
    if len(names) > 1:
        raise PledgeError(f"two org files in folder '{folder}': " + ", ".join(names))
    return folder / names[0] if names else None


def read_snapshots(
    path_or_dir: PathLike,
    *,
    encoding: str | None = None,
    org: PathLike | Organization | None = None,
    **options: object,
) -> list[Snapshot]:
    """Every snapshot in a file, or in a directory: each ``*.csv`` and ``*.xlsx`` in it except
    ``org.csv``, sorted by ``as_of`` (then district). A directory's ``org.csv`` is used as
    ``org`` unless one is given. The files are read in parallel (:func:`read_many`); other
    keywords are :func:`read_csv`'s."""
    path = Path(_types.path(path_or_dir, "read_snapshots", "path_or_dir"))
    if path.is_dir():
        files = pledge_files(path)
        if not files:
            raise PledgeError(f"no pledge files (*.csv or *.xlsx other than org.csv) in directory '{path}'")
        if org is None:
            org = org_file_in(path)
    else:
        files = [path]
    snapshots = read_many(files, encoding=encoding, org=org, **options)  # type: ignore[arg-type]
    snapshots.sort(key=lambda s: (s.as_of or _dt.date.min, s.district))
    return snapshots


def validate_csv(
    path: PathLike,
    *,
    encoding: str | None = None,
    district: str | None = None,
    term: int | str | None = None,
    as_of: _dt.date | str | None = None,
    org: PathLike | Organization | None = None,
    delimiter: str | None = None,
    aliases: Mapping[str, Status] | None = None,
    columns: Mapping[str, str] | None = None,
    fill_down: bool = True,
    sheet: str | int | None = None,
) -> list[Problem]:
    """Every problem in a pledge file (or workbook) at once, in the order met: errors, and
    the warnings and notices that say how the file was read (a cell filled down, a spaced-out
    name closed up, a title row skipped, a total row checked); each has a ``severity``. An
    empty list when it reads cleanly with nothing to interpret. Takes :func:`read_csv`'s
    options."""
    _types.path(path, "validate_csv")
    organization = _organization(org, encoding)
    options = _reader_options(encoding, delimiter, district, term, as_of, organization, aliases, columns, fill_down)
    if _excel.is_workbook(path):
        title, rows = _excel.sheet_rows(path, sheet)
        return _core.validate_table(rows, os.fsdecode(path), title, **options)  # type: ignore[arg-type]
    return _core.validate_csv(os.fsdecode(path), **options)  # type: ignore[arg-type]


def read_excel(
    path: PathLike | IO[bytes],
    sheet: str | int | None = None,
    *,
    encoding: str | None = None,
    district: str | None = None,
    term: int | str | None = None,
    as_of: _dt.date | str | None = None,
    org: PathLike | Organization | None = None,
    aliases: Mapping[str, Status] | None = None,
    columns: Mapping[str, str] | None = None,
    fill_down: bool = True,
) -> Snapshot | list[Snapshot]:
    """Reads a pledge table from an Excel workbook (.xlsx): the first visible sheet, or
    ``sheet`` (a name or a 0-based index). 엑셀 통합 문서에서 공약 표를 읽는다.

    Title rows above the header, a two-row header (a 추진상황 group spanning one column
    per status), merged cells (their value carried into every cell they cover) and heading
    or total rows are read as governments publish them. The cells go to the same C++
    reader as a CSV file, so the rules, results and errors are those of :func:`read_csv`;
    messages name the sheet's cells (``2024Q1!F7``). ``encoding`` applies to an org file
    given by path. An Excel 97 workbook (.xls) is refused: save it as .xlsx or CSV.

    >>> snap = pledgetrack.read_excel("2024년 1분기 공약 추진실적.xlsx", org="org.csv")
    """
    organization = _organization(org, encoding)
    options = _reader_options(None, None, district, term, as_of, organization, aliases, columns, fill_down)
    name = os.fsdecode(path) if not hasattr(path, "read") else str(getattr(path, "name", "<workbook>"))
    title, rows = _excel.sheet_rows(path, sheet)
    cores = _core.read_table(rows, name, title, **options)  # type: ignore[arg-type]
    snapshots = [Snapshot._wrap(s) for s in cores]
    return snapshots[0] if len(snapshots) == 1 else snapshots


def column_names() -> list[str]:
    """The column names your headers can be mapped to with ``columns=`` (read_csv):
    ``['district', 'term', 'as_of', 'id', 'field', 'pledge', 'project', …, 'extra']``."""
    return _core.column_names()


def write_csv(
    path: PathLike,
    snapshots: Snapshot | Iterable[Snapshot],
    *,
    bom: bool = True,
    delimiter: str = ",",
    neutralise_formulas: bool = True,
) -> None:
    """Writes snapshots in the documented format: UTF-8, with a BOM by default so that
    Korean Excel opens it; cells starting with = + - @ get a leading apostrophe unless
    ``neutralise_formulas`` is False; unknown columns are written back. Atomic."""
    target = _types.path(path, "write_csv")
    cores = _types.snapshots(snapshots, "write_csv")
    _core.write_csv(
        target, cores, bom=bom, delimiter=delimiter, neutralise_formulas=neutralise_formulas
    )


def example_names() -> list[str]:
    """The names of the bundled examples: ``['gwangju-seogu']``."""
    if not _DATA.is_dir():
        return []
    return sorted(p.name for p in _DATA.iterdir() if p.is_dir())


def load_example(name: str = "gwangju-seogu") -> list[Snapshot]:
    """The snapshots of a bundled example, in date order, read with its org file.

    ``'gwangju-seogu'``: 광주광역시 서구, 민선8기, 2023-12-31 (reconstructed) and
    2024-03-31 (as printed), 49 unit projects. See the ``SOURCE.md`` beside the files
    (:func:`example_path`).
    """
    return read_snapshots(example_path(name))


def example_path(name: str = "gwangju-seogu") -> Path:
    """The directory of a bundled example inside the installed package."""
    path = _DATA / name
    if not path.is_dir():
        known = ", ".join(example_names()) or "none installed"
        raise PledgeError(f"no bundled example named '{name}' (known: {known})")
    return path


def _organization(
    org: PathLike | Organization | None, encoding: str | None, function: str = "read_csv"
) -> Organization | None:
    if org is None or isinstance(org, Organization):
        return org
    if not _types.is_path(org):
        raise TypeError(f"{function}(): 'org' takes a pledgetrack.Organization or the path of an org file, "
                        f"not {type(org).__name__}")
    return read_org(org, encoding=encoding)
