"""The ``pledgetrack`` command (also ``python -m pledgetrack``).

    pledgetrack report FILE [--previous FILE] [--format text|md|html|json|xlsx] [--lang ko|en] [-o OUT]
    pledgetrack compare OLD NEW
    pledgetrack validate FILE...
    pledgetrack audit DATA STATED [--previous FILE] [--format text|md|json|html]
    pledgetrack audit REPORT.pdf|.hwpx|.txt [--org FILE] [--previous FILE]
    pledgetrack read-report REPORT [--org FILE] [-o data.csv] [--stated stated.csv]
    pledgetrack batch PATH... [-o table.csv|.xlsx|.json|.md] [--criteria kmc,implementation] [--by field]
    pledgetrack demo

Exit status: 0 success; 1 a problem with the data (a file that does not read,
validation problems, snapshots that do not go together) or with writing the
output (-o in a directory that does not exist or cannot be written); 2 a usage
error (an unknown option, a bad option value such as an unknown --encoding, a
missing argument, an input path that does not exist, xlsx without -o); 130 interrupted (Ctrl-C: the
C++ threads stop after the files being read, and no output file is written). A missing input file counts as a usage
error, as argparse counts an unreadable ``FileType`` argument: the command line
named something that is not there, and nothing was read. Errors are one line
on stderr, ``pledgetrack: error: …``; ``--debug`` adds the traceback.

Output files (-o) are written atomically: into a temporary file in the same
directory, synced, then renamed, so an interrupted run never leaves half a
report. Everything printed from data passes through the core's terminal
sanitiser, so no escape sequence in a title reaches the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import _core
from ._core import Organization, PledgeError

__all__ = ["EXIT_DATA", "EXIT_OK", "EXIT_USAGE", "main"]

PROG = "pledgetrack"
EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `yes | head`
EXIT_INTERRUPTED = 130  # 128 + SIGINT

REPORT_FORMATS = ("text", "md", "html", "json", "xlsx")
COMPARE_FORMATS = ("text", "md", "json")
AUDIT_FORMATS = ("text", "md", "json", "html")
LANGS = ("ko", "en")
SHARES = ("honest", "largest-remainder")
DEMO_EXAMPLE = "gwangju-seogu"


class UsageError(Exception):
    """The command line asks for something impossible (exit status 2)."""


class DataProblem(Exception):
    """The data does not allow what was asked (exit status 1)."""


class OutputProblem(Exception):
    """The output file cannot be written (exit status 1, as an OSError while writing)."""


# -- the parser ------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``pledgetrack report: error: … (see --help)``."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32, width=100)


def _common(debug_default: Any) -> argparse.ArgumentParser:
    """--debug, accepted before and after the command."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--debug", action="store_true", default=debug_default, help="show the traceback of an error (오류 추적 정보)"
    )
    return parent


def _output_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument(
        "--format",
        choices=formats,
        help="output format (출력 형식); default: from the suffix of -o, else text",
    )
    p.add_argument("--lang", choices=LANGS, default="ko", help="language of the report (언어); default: ko")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT atomically instead of stdout (파일로 저장); '-' is stdout",
    )


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--org", metavar="FILE", help="org file: department → bureau, and the bureaus' order (조직 파일)")
    p.add_argument(
        "--encoding",
        metavar="NAME",
        type=_encoding_name,
        help="encoding of the input files (utf-8, cp949, utf-16, …); default: detected",
    )
    p.add_argument(
        "--column",
        metavar="HEADER=NAME",
        action="append",
        default=[],
        type=_mapping("--column"),
        help="read the column headed HEADER as NAME (project, department, status, …; 열 이름 지정), repeatable",
    )
    p.add_argument(
        "--alias",
        metavar="LABEL=STATUS",
        action="append",
        default=[],
        type=_mapping("--alias"),
        help="read the status label LABEL as STATUS (완료, 정상추진, … or completed, on_track, …), repeatable",
    )
    p.add_argument(
        "--no-fill-down",
        dest="fill_down",
        action="store_false",
        help="leave blank field and pledge cells blank (default: filled from the row above of the same pledge)",
    )


def _mapping(option: str) -> Any:
    """An argparse type for KEY=VALUE; a malformed one is a usage error (exit 2)."""

    def parse(text: str) -> tuple[str, str]:
        key, sep, value = text.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise argparse.ArgumentTypeError(f"{option} takes KEY=VALUE, not '{text}'")
        return key.strip(), value.strip()

    return parse


def _reading(args: argparse.Namespace) -> dict[str, Any]:
    """The reading keywords the input options give (read_csv, read_snapshots, validate_csv)."""
    from ._core import Status, column_names

    aliases = {}
    for label, name in getattr(args, "alias", []):
        try:
            aliases[label] = Status.parse(name)
        except PledgeError as e:
            raise UsageError(f"--alias {label}={name}: {e}") from None
    known = column_names()
    for header, name in getattr(args, "column", []):
        if name not in known:
            raise UsageError(f"--column {header}={name}: '{name}' is no column name (known: {', '.join(known)})")
    return dict(
        encoding=args.encoding,
        columns=dict(getattr(args, "column", [])),
        aliases=aliases,
        fill_down=getattr(args, "fill_down", True),
    )


BATCH_EPILOG = """\
Each file uses the org.csv in its own folder when there is one, else --org; an
--org file with a district column (자치단체) gives each district its own rows.
Files that fail are listed on stderr (unless --quiet) and the exit status is 1;
the table holds every file that read. Examples:
  pledgetrack batch data/ -o table.csv
  pledgetrack batch 'data/*/2024-*.csv' --criteria kmc,implementation --by field -o table.xlsx
파일마다 자기 폴더의 org.csv를, 없으면 --org를 쓴다(자치단체 열이 있으면 그 자치단체의 행). 읽지 못한 파일은 표준 오류에 나열하고
종료 코드 1로 끝난다.
"""

REPORT_EPILOG = """\
FILE is a pledge file (CSV, docs/data-format.md) or a directory of them. When it
holds several snapshots of one district, the report is of the latest, compared
with the one before it unless --previous is given.
FILE은 공약 파일(CSV) 또는 그 디렉터리. 여러 시점이 있으면 가장 최근 시점을 그 직전
시점과 비교한다(--previous로 바꿀 수 있다).

examples (예):
  pledgetrack report 2024-03-31.csv --previous 2023-12-31.csv --org org.csv
  pledgetrack report data/seogu/ --format html -o 2024Q1.html
  pledgetrack report 2024-03-31.csv --lang en --format md
  pledgetrack report data/seogu/ -o 2024Q1.xlsx --shares largest-remainder
  pledgetrack report data/seogu/ --published stated.csv    # and where the published report differs
"""

COMPARE_EPILOG = """\
Prints the rate before and after, the change in %p, and every project whose
status changed, grouped by its new status (직전 분기 대비 변경사항).

examples (예):
  pledgetrack compare 2023-12-31.csv 2024-03-31.csv
  pledgetrack compare q4.csv q1.csv --format json -o changes.json
  pledgetrack compare jung-gu.csv seo-gu.csv --allow-different-districts
"""

VALIDATE_EXAMPLES = """\
Prints every problem, one a line (file:line:col (column 'x'): problem: 'text'),
or "file: OK: N projects in M snapshots". Exit status 1 when there is any problem.
모든 문제를 한 줄에 하나씩 보여 준다. 문제가 있으면 종료 코드 1.

examples (예):
  pledgetrack validate 2024-03-31.csv
  pledgetrack validate data/seogu/*.csv --org data/seogu/org.csv
  pledgetrack validate old-export.csv --encoding cp949
"""

AUDIT_EPILOG = """\
Checks each figure a published report prints (STATED: a CSV or JSON file, docs/audit.md)
against the figure the data gives, at the precision printed, and names the rule that
explains each one that differs (rounding, truncation, shares forced to 100, a total of
rounded parts, another definition, the previous period's figure, a nearby count, % for %p).
DATA is a pledge file or directory (rows), or a status,count file (counts only). Exit
status 1 when a figure is unexplained; an explained discrepancy is listed, exit status 0.
공표된 보고서의 수치를 데이터로 검증하고, 차이가 나는 수치를 설명하는 규칙을 보여 준다.
설명되지 않는 수치가 있으면 종료 코드 1.

With one argument, DATA is the published report itself (a PDF, an HWPX or its extracted
text): it is read (see read-report), every figure is rebuilt from its own project table,
and the figures it states are audited. The previous period's figures are not checked
without --previous; they are listed with the reason.
인자가 하나이면 공표된 보고서(PDF, HWPX, 추출한 텍스트)를 읽어 그 표로 모든 수치를 다시
계산하고, 보고서에 적힌 수치를 검증한다.

examples (예):
  pledgetrack audit 2024-03-31.csv stated.csv --previous 2023-12-31.csv
  pledgetrack audit counts.csv stated.json --format md
  pledgetrack audit data/seogu/ stated.csv --lang en -o audit.html
  pledgetrack audit seogu-2024q1.pdf --org org.csv
"""

READ_REPORT_EPILOG = """\
Reads a published report (공약 이행 점검 결과): its extracted text (.txt), a text-based PDF or
an HWPX (pip install pledgetrack[reports]; a legacy .hwp is refused: save it as HWPX or PDF).
Prints what was read, every correction made with its evidence, and every problem (page and
line); -o writes the project table as a pledge file, --stated the printed figures as a stated
file (docs/audit.md). Exit status 1 when something could not be read. docs/reports.md.
공표 보고서를 읽어 사업 표를 자료로, 보고서의 수치를 검증용 수치 파일로 옮긴다. 고친 곳은
근거와 함께, 읽지 못한 곳은 쪽·줄과 함께 보여 준다.

examples (예):
  pledgetrack read-report seogu-2024q1.pdf --org org.csv -o 2024-03-31.csv
  pledgetrack read-report seogu-2024q1.txt --org org.csv --stated stated.csv
"""

DEMO_EPILOG = """\
The report of the bundled example, 광주광역시 서구 민선8기, 2024-03-31 against
2023-12-31 (the previous quarter is a reconstruction; see its SOURCE.md).
내장 예제(광주광역시 서구, 2024년 1분기 대 2023년 4분기)의 점검 보고서.

examples (예):
  pledgetrack demo
  pledgetrack demo --lang en
  pledgetrack demo --format html -o demo.html
"""

MAIN_EPILOG = """\
exit status (종료 코드): 0 success; 1 a problem with the data or the output file
(-o that cannot be written); 2 a usage error (unknown option, bad option value such
as an unknown --encoding, missing argument, no such input file).

examples (예):
  pledgetrack demo                                   the seed report, rebuilt from data
  pledgetrack report q1.csv --previous q4.csv -o q1.html
  pledgetrack compare q4.csv q1.csv
  pledgetrack validate q1.csv
  pledgetrack audit q1.csv stated.csv --previous q4.csv   check a published report's figures
  pledgetrack audit report.pdf --org org.csv              ... from the published document itself
  pledgetrack report --help                          every option of a command
"""


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line."""
    from . import __version__

    parser = _Parser(
        prog=PROG,
        description="Quarterly reports on Korean local governments' election pledges (공약 이행 점검).",
        epilog=MAIN_EPILOG,
        formatter_class=_Formatter,
        parents=[_common(False)],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    sub = _common(argparse.SUPPRESS)  # after the command, --debug only sets what is given

    p = commands.add_parser(
        "report",
        parents=[sub],
        formatter_class=_Formatter,
        help="the quarterly check report of a snapshot (분기 점검 보고서)",
        description="The quarterly check report (공약사항 추진실적 점검 결과) of a snapshot: the overview,\n"
        "the headline rate and its change in %p, the status table, the changes since the previous\n"
        "snapshot, the projects needing adjustment, and every project by field.",
        epilog=REPORT_EPILOG,
    )
    p.add_argument("file", metavar="FILE", help="pledge file (CSV) or directory (공약 파일 또는 디렉터리)")
    p.add_argument("--previous", metavar="FILE", help="the previous snapshot to compare with (직전 시점)")
    _input_options(p)
    _output_options(p, REPORT_FORMATS)
    p.add_argument(
        "--shares",
        choices=SHARES,
        default="honest",
        help="rounding of the status shares: honest (each on its own; may sum to 99.9) or "
        "largest-remainder (Hamilton; sums to 100) (비율 반올림 방식); default: honest",
    )
    p.add_argument(
        "--published",
        metavar="STATED",
        help="the published report's figures (CSV or JSON, docs/audit.md): adds a section listing where "
        "the published report differs (공표 보고서와 다른 수치); exit status 1 when one is unexplained",
    )
    p.set_defaults(run=_run_report)

    p = commands.add_parser(
        "compare",
        parents=[sub],
        formatter_class=_Formatter,
        help="what changed between two snapshots (변경사항)",
        description="The change of the rate in %p and the projects whose status changed between OLD and NEW.",
        epilog=COMPARE_EPILOG,
    )
    p.add_argument("old", metavar="OLD", help="the earlier snapshot (이전 시점)")
    p.add_argument("new", metavar="NEW", help="the later snapshot (현재 시점)")
    _input_options(p)
    _output_options(p, COMPARE_FORMATS)
    p.add_argument(
        "--allow-different-districts",
        action="store_true",
        help="compare snapshots of two districts, matching projects by id (다른 자치단체 비교 허용)",
    )
    p.set_defaults(run=_run_compare)

    p = commands.add_parser(
        "validate",
        parents=[sub],
        formatter_class=_Formatter,
        help="check pledge files and list every problem (파일 검사)",
        description="Reads each file and lists every problem at once, with its file, line, column and text.",
        epilog=VALIDATE_EXAMPLES,
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="pledge files (CSV) or directories")
    _input_options(p)
    p.set_defaults(run=_run_validate)

    p = commands.add_parser(
        "audit",
        parents=[sub],
        formatter_class=_Formatter,
        help="check a published report's figures against the data (공표 수치 검증)",
        description="Which figures of a published report hold, and which rule explains the ones that do not.",
        epilog=AUDIT_EPILOG,
    )
    p.add_argument(
        "data",
        metavar="DATA",
        help="pledge file or directory, or a status,count file (자료); alone: the published report (보고서)",
    )
    p.add_argument(
        "stated", metavar="STATED", nargs="?", help="the report's figures: a CSV or JSON file (공표 수치)"
    )
    p.add_argument("--previous", metavar="FILE", help="the previous period's data (직전 시점)")
    _input_options(p)
    _output_options(p, AUDIT_FORMATS)
    p.set_defaults(run=_run_audit)

    p = commands.add_parser(
        "read-report",
        parents=[sub],
        formatter_class=_Formatter,
        help="read a published report (PDF, HWPX, text) into data (공표 보고서 읽기)",
        description="The project table of a published report as a pledge file, the figures it prints, and\n"
        "every interpretation made with its evidence.",
        epilog=READ_REPORT_EPILOG,
    )
    p.add_argument("report", metavar="REPORT", help="the report: .pdf, .hwpx or its text (.txt)")
    p.add_argument("--org", metavar="FILE", help="org file: department → bureau (조직 파일); needed for bureaus")
    p.add_argument("--district", metavar="NAME", help="the district, when the report does not print it (자치단체)")
    p.add_argument("--as-of", metavar="DATE", help="the 기준일자, when the report does not print it")
    p.add_argument("-o", "--output", metavar="OUT", help="write the project table as a pledge file (CSV) atomically")
    p.add_argument("--stated", metavar="OUT", help="write the printed figures as a stated file (CSV) atomically")
    p.set_defaults(run=_run_read_report, encoding=None)  # the org file's encoding is detected

    p = commands.add_parser(
        "batch",
        parents=[sub],
        formatter_class=_Formatter,
        help="evaluate a corpus: a row per snapshot (일괄 평가)",
        description="Evaluates every pledge file under the PATHs (directories, globs or files) at once, on\n"
        "every core: counts, exact rates, %p changes, ranks within the period and regressions, one row\n"
        "per snapshot, sorted by district then as_of. The columns are pt.evaluate's table's.",
        epilog=BATCH_EPILOG,
    )
    p.add_argument("paths", metavar="PATH", nargs="+", help="directories, globs or pledge files (경로)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the table to OUT (.csv, .xlsx, .json, .md) atomically; default: CSV on stdout",
    )
    p.add_argument(
        "--criteria",
        default="kmc",
        metavar="NAMES",
        help="criteria presets, comma-separated: kmc, implementation, pledge, mean_progress, in_term "
        "(평가 기준); default: kmc",
    )
    p.add_argument("--by", metavar="DIM", help="add a row per group: field, bureau or department (그룹별 행)")
    p.add_argument("--strict", action="store_true", help="stop at the first file that fails (첫 오류에서 중단)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no list of failed files")
    p.add_argument("--workers", type=int, metavar="N", help="threads (default: one per core)")
    _input_options(p)
    p.set_defaults(run=_run_batch)

    p = commands.add_parser(
        "demo",
        parents=[sub],
        formatter_class=_Formatter,
        help="the report of the bundled example (예제 보고서)",
        description="The quarterly check report of the bundled example, as `report` writes it.",
        epilog=DEMO_EPILOG,
    )
    _output_options(p, REPORT_FORMATS)
    p.add_argument("--shares", choices=SHARES, default="honest", help="rounding of the status shares (see report)")
    p.set_defaults(run=_run_demo)
    return parser


# -- main ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    _utf8_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list  # known before parsing, so that a parser error can honour it too
    try:
        parser = build_parser()
        if not args_list:  # a bare `pledgetrack`: show how it is used, then the one-line error
            sys.stderr.write(parser.format_usage())
        args = parser.parse_args(args_list)
        debug = bool(getattr(args, "debug", False))
        return int(args.run(args))
    except SystemExit as e:  # --help and --version end here
        return e.code if isinstance(e.code, int) else EXIT_OK if e.code is None else EXIT_USAGE
    except UsageError as e:
        return _fail(e, EXIT_USAGE, debug)
    except (PledgeError, DataProblem, OutputProblem) as e:
        return _fail(e, EXIT_DATA, debug)
    except OSError as e:
        if isinstance(e, BrokenPipeError):
            return _broken_pipe()
        return _fail(_os_message(e), EXIT_DATA, debug, e)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED, debug)
    except Exception as e:  # a bug: say so in one line; --debug shows where
        message = f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)"
        return _fail(message, EXIT_DATA, debug, e)


def _fail(error: object, status: int, debug: bool, exc: BaseException | None = None) -> int:
    exc = exc if exc is not None else error if isinstance(error, BaseException) else None
    if debug and exc is not None:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    # One line: the core's messages may quote text from data; line breaks and control characters go.
    message = _core.sanitize_terminal(str(error)).strip()
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return status


def _os_message(e: OSError) -> str:
    # An OSError from elsewhere than the writer (which raises WriteError, a PledgeError,
    # naming the output file): with two files, the second is the one the user named.
    name = e.filename2 if e.filename2 is not None else e.filename if e.filename is not None else ""
    reason = e.strerror or str(e)
    return f"{reason}: '{name}'" if name else reason


def _broken_pipe() -> int:
    # The reader went away (`pledgetrack demo | head`): stop quietly, and keep Python
    # from complaining again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def _utf8_streams() -> None:
    """Korean text on any terminal: stdout and stderr in UTF-8 (Windows consoles and the
    C locale would otherwise refuse it)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):  # a stream that cannot change any more: leave it
                pass


# -- commands -------------------------------------------------------------------------------


BATCH_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".md": "md"}


def _run_batch(args: argparse.Namespace) -> int:
    import warnings

    from ._evaluate import evaluate

    output = args.output if args.output not in (None, "-") else None
    fmt = "csv"
    if output is not None:
        fmt = BATCH_FORMATS.get(Path(output).suffix.lower(), "")
        if not fmt:
            raise UsageError(f"-o takes a .csv, .xlsx, .json or .md file, not '{output}'")
        if not Path(output).parent.is_dir():
            raise UsageError(f"no such directory for the output: '{Path(output).parent}'")
    sources: list[Any] = []
    for name in args.paths:
        if any(c in name for c in "*?[") and not Path(name).exists():
            sources.append(name)  # a glob, expanded by evaluate
        else:
            sources.append(_existing(name))
    criteria = [c.strip() for c in args.criteria.split(",") if c.strip()]
    progress = not args.quiet and sys.stderr.isatty()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the failed files are listed below instead
        if len(sources) == 1 and not isinstance(sources[0], str):
            source: Any = sources[0]
        else:
            source = _expand(sources)
        result = evaluate(
            source,
            criteria=criteria,
            by=args.by,
            workers=args.workers,
            org=_org_path(args),  # a path: evaluate reads an org file with a district column by district
            strict=args.strict,
            progress=progress,
            encoding=args.encoding,
        )
    _write_table(result.table, fmt, output)
    if result.problems and not args.quiet:
        for problem in result.problems:
            print(f"{PROG}: {_core.sanitize_terminal(problem.message)}", file=sys.stderr)
    return EXIT_DATA if result.problems else EXIT_OK


def _org_path(args: argparse.Namespace) -> Path | None:
    if args.org is None:
        return None
    path = _existing(args.org)
    if path.is_dir():
        raise UsageError(f"--org names a directory, not an org file: '{args.org}'")
    return path


def _expand(sources: list[Any]) -> list[str]:
    """Several PATHs: every pledge file of each, in the order given."""
    from ._evaluate import _paths

    files: list[str] = []
    for s in sources:
        files.extend(_paths(s, []))
    return files


def _write_table(table: Any, fmt: str, output: str | None) -> None:
    from .report._files import write_atomic

    text_table = table.copy()
    for name in text_table.columns:
        if name.endswith("_change_pp"):  # exact Fractions as text: '100/49'
            text_table[name] = text_table[name].map(lambda v: None if v is None else str(v))
    if fmt == "xlsx":
        assert output is not None
        write_atomic(output, lambda f: text_table.to_excel(f, index=False, sheet_name="batch"))
        return
    if fmt == "json":
        text = text_table.to_json(orient="records", force_ascii=False, date_format="iso", indent=1)
    elif fmt == "md":
        text = _markdown(text_table)
    else:
        text = text_table.to_csv(index=False, lineterminator="\n")
    _write_or_print(text, output)


def _markdown(table: Any) -> str:
    def cell(v: object) -> str:
        return "" if v is None or (isinstance(v, float) and v != v) or v is _na() else str(v).replace("|", "\\|")

    lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
    for row in table.itertuples(index=False):
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    return "\n".join(lines)


def _na() -> object:
    import pandas as pd

    return pd.NA


def _run_report(args: argparse.Namespace) -> int:
    from .report import report

    fmt = _output_format(args, default="text")
    org = _read_org(args)
    current, implied_previous = _latest_two(args.file, org, args)
    previous = implied_previous
    if args.previous is not None:
        previous, _ = _latest_two(args.previous, org, args)
    if args.published is not None and fmt == "xlsx":
        raise UsageError("--published writes text, md, html or json, not xlsx")
    published = None if args.published is None else _existing(args.published)
    made = report(current, previous, org=org, shares=_shares(args.shares), published=published)
    _emit(made, fmt, args)
    if made.audit is not None and made.audit.unexplained:
        raise DataProblem(f"{len(made.audit.unexplained)} of {_plural(len(made.audit), 'published figure')} unexplained")
    return EXIT_OK


def _run_demo(args: argparse.Namespace) -> int:
    from ._io import example_path, load_example, read_org
    from .report import report

    fmt = _output_format(args, default="text")
    previous, current = load_example(DEMO_EXAMPLE)[-2:]
    org = read_org(example_path(DEMO_EXAMPLE) / "org.csv")
    made = report(current, previous, org=org, shares=_shares(args.shares))
    _emit(made, fmt, args)
    return EXIT_OK


def _run_compare(args: argparse.Namespace) -> int:
    from .report import report

    fmt = _output_format(args, default="text")
    if fmt not in COMPARE_FORMATS:
        raise UsageError(f"compare writes {', '.join(COMPARE_FORMATS)}, not {fmt}")
    org = _read_org(args)
    old, _ = _latest_two(args.old, org, args)
    new, _ = _latest_two(args.new, org, args)
    made = report(new, old, org=org, allow_different_districts=args.allow_different_districts)
    text = made.render_comparison(fmt, args.lang)
    _write_or_print(text, args.output)
    return EXIT_OK


def _run_validate(args: argparse.Namespace) -> int:
    from ._io import pledge_files, read_org, read_snapshots, validate_csv

    files: list[Path] = []
    for name in args.files:
        path = _existing(name)
        if path.is_dir():
            found = pledge_files(path)
            if not found:
                raise UsageError(f"no pledge files (*.csv or *.xlsx other than org.csv) in directory '{name}'")
            files.extend(found)
        else:
            files.append(path)
    org = _read_org(args)
    reading = _reading(args)
    problems = 0
    bad_files = 0
    for file in files:
        if file.name.lower() == "org.csv":  # `validate dir/*.csv` names the org file too: check it as one
            try:
                checked = read_org(file, encoding=args.encoding)
            except PledgeError as e:
                bad_files += 1
                problems += 1
                print(_core.sanitize_terminal(str(e)))
                continue
            print(
                f"{_core.sanitize_terminal(str(file))}: OK: org file, {_plural(len(checked), 'department')} in "
                f"{_plural(len(checked.bureaus), 'bureau')}"
            )
            continue
        found = validate_csv(file, org=org, **reading)
        # Errors as they are; warnings and notices (how the file was read) marked as such.
        for problem in found:
            mark = "" if problem.severity == "error" else f"{problem.severity}: "
            print(mark + _core.sanitize_terminal(problem.message))
        errors = sum(p.severity == "error" for p in found)
        if errors:
            bad_files += 1
            problems += errors
            continue
        snapshots = read_snapshots(file, org=org, **reading)
        n = sum(len(s) for s in snapshots)
        counted = f"{_plural(n, 'project')} in {_plural(len(snapshots), 'snapshot')}"
        remarks = [
            _plural(k, word) for word in ("warning", "notice") if (k := sum(p.severity == word for p in found))
        ]
        print(f"{_core.sanitize_terminal(str(file))}: OK: {counted}" + (f" ({', '.join(remarks)})" if remarks else ""))
    if problems:
        raise DataProblem(
            f"{_plural(problems, 'problem')} in {bad_files} of {_plural(len(files), 'file')}"
        )
    return EXIT_OK


def _run_audit(args: argparse.Namespace) -> int:
    from ._audit import audit

    fmt = _output_format(args, default="text")
    if fmt not in AUDIT_FORMATS:
        raise UsageError(f"audit writes {', '.join(AUDIT_FORMATS)}, not {fmt}")
    org = _read_org(args)
    if args.stated is None:
        return _audit_report(args, org, fmt)
    data, implied_previous = _audit_data(args.data, org, args)
    previous = implied_previous
    if args.previous is not None:
        previous, _ = _audit_data(args.previous, org, args)
    stated = _existing(args.stated)
    if stated.is_dir():
        raise UsageError(f"STATED names a directory, not a CSV or JSON file: '{args.stated}'")
    made = audit(data, stated, previous=previous, lang=args.lang)
    _write_or_print(made.render(fmt), args.output)
    if made.unexplained:
        raise DataProblem(f"{len(made.unexplained)} of {_plural(len(made), 'figure')} unexplained")
    return EXIT_OK


def _audit_report(args: argparse.Namespace, org: Organization | None, fmt: str) -> int:
    """`pledgetrack audit REPORT`: the report read, audited against its own table."""
    from ._published import read_report

    path = _existing(args.data)
    if path.is_dir():
        raise UsageError(f"a published report is a file (.pdf, .hwpx, .txt), not a directory: '{args.data}'")
    read = read_report(path, org=org)
    previous = None
    if args.previous is not None:
        previous, _ = _latest_two(args.previous, org, args)
    made = read.audit(previous, lang=args.lang)
    _write_or_print(made.render(fmt), args.output)
    for p in read.problems:
        print(f"{PROG}: warning: {_core.sanitize_terminal(p['message'])}", file=sys.stderr)
    if made.unexplained:
        raise DataProblem(f"{len(made.unexplained)} of {_plural(len(made.findings), 'figure')} unexplained")
    return EXIT_OK


def _run_read_report(args: argparse.Namespace) -> int:
    from ._io import write_csv
    from ._published import read_report

    path = _existing(args.report)
    if path.is_dir():
        raise UsageError(f"a published report is a file (.pdf, .hwpx, .txt), not a directory: '{args.report}'")
    org = _read_org(args)
    read = read_report(path, org=org, district=args.district, as_of=args.as_of)
    from ._snapshot import _term_label

    s = read.snapshot
    clean = _core.sanitize_terminal
    as_of = "-" if s.as_of is None else s.as_of.isoformat()
    lines = [
        f"{clean(str(path))}: {clean(s.district or '-')} {_term_label(s.term)}, {as_of}: "
        f"{_plural(len(s), 'project')}, {_plural(len(read.stated), 'stated figure')}",
    ]
    if read.corrections:
        lines.append(f"corrections (고친 곳): {len(read.corrections)}")
        for c in read.corrections:
            ids = f" [{', '.join(c['ids'])}]" if c["ids"] else ""
            lines.append(clean(f"  {c['kind']}: '{c['printed']}' -> '{c['read']}'{ids}: {c['evidence']}"))
    if read.problems:
        lines.append(f"problems (읽지 못한 곳): {len(read.problems)}")
        lines.extend(clean(f"  {p['message']}") for p in read.problems)
    print("\n".join(lines))
    if args.output is not None:
        _write_output(lambda: write_csv(args.output, s))
    if args.stated is not None:
        _write_output(lambda: _write_stated(args.stated, read.stated))
    if read.problems:
        raise DataProblem(f"{_plural(len(read.problems), 'problem')} reading '{args.report}'")
    return EXIT_OK


def _write_output(write: Any) -> None:
    try:
        write()
    except OSError as e:
        raise OutputProblem(_os_message(e)) from None


def _write_stated(path: str, figures: list[dict[str, str]]) -> None:
    """A stated file (docs/audit.md), UTF-8 with a BOM as pledge files are written."""
    import csv
    import io

    from ._audit import STATED_KEYS
    from .report._files import write_text_atomic

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(STATED_KEYS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(figures)
    write_text_atomic(path, "\ufeff" + out.getvalue())


def _audit_data(name: str, org: Organization | None, args: argparse.Namespace) -> tuple[Any, Any]:
    """Counts per status from a status,count file, or the latest snapshot of a pledge file or
    directory and the one before it."""
    path = _existing(name)
    if path.is_file():
        counts = _core.read_counts_csv(str(path))
        if counts is not None:
            return counts, None
    return _latest_two(name, org, args)


# -- helpers ----------------------------------------------------------------------------------


def _existing(name: str) -> Path:
    """An input path that exists; a usage error otherwise (the command line named it)."""
    path = Path(name)
    if not path.exists():
        raise UsageError(f"no such file or directory: '{name}'")
    return path


def _encoding_name(name: str) -> str:
    """--encoding: a name the core's readers know (checked before anything is read), or
    a usage error."""
    try:
        _core.check_encoding(name)
    except PledgeError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return name


def _read_org(args: argparse.Namespace) -> Organization | None:
    from ._io import read_org

    if getattr(args, "org", None) is None:
        return None
    path = _existing(args.org)
    if path.is_dir():
        raise UsageError(f"--org names a directory, not an org file: '{args.org}'")
    return read_org(path, encoding=args.encoding)


def _latest_two(name: str, org: Organization | None, args: argparse.Namespace) -> tuple[Any, Any]:
    """The latest snapshot of a file or directory, and the one before it (or None).
    Snapshots of several districts are a data problem: which one is meant?"""
    from ._io import read_snapshots

    path = _existing(name)
    snapshots = read_snapshots(path, org=org, **_reading(args))
    if not snapshots:
        raise DataProblem(f"'{name}' holds no snapshot")
    districts = list(dict.fromkeys(s.district for s in snapshots))
    if len(districts) > 1:
        shown = ", ".join(f"'{d}'" for d in districts)
        raise DataProblem(f"'{name}' holds snapshots of {len(districts)} districts ({shown}); give one district's file")
    return snapshots[-1], (snapshots[-2] if len(snapshots) > 1 else None)


def _output_format(args: argparse.Namespace, *, default: str) -> str:
    from .report import format_of_path

    output = args.output if args.output not in (None, "-") else None
    fmt = args.format or (format_of_path(output) if output else None) or default
    if fmt == "xlsx" and output is None:
        raise UsageError("xlsx is a binary format: give -o FILE.xlsx")
    if output is not None:
        parent = Path(output).parent
        if not parent.is_dir():
            raise OutputProblem(f"no such directory for the output: '{parent}'")
    return fmt


def _shares(text: str) -> str:
    return text.replace("-", "_")


def _emit(made: Any, fmt: str, args: argparse.Namespace) -> None:
    output = args.output if args.output not in (None, "-") else None
    if output is not None:
        made.write(output, fmt, args.lang)  # atomic
        return
    text = made.render(fmt, args.lang)
    assert isinstance(text, str)
    _write_or_print(text, None)


def _write_or_print(text: str, output: str | None) -> None:
    from .report._files import write_text_atomic

    if not text.endswith("\n"):
        text += "\n"
    if output is not None and output != "-":
        write_text_atomic(output, text)
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


if __name__ == "__main__":
    sys.exit(main())
