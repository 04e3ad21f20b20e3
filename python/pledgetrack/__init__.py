"""pledgetrack: tracking Korean local governments' election pledges (공약 이행 관리).

Reads the quarterly pledge reports governments publish (one row per unit project,
단위사업), and computes their figures exactly: the KMC completion rate
(공약이행완료율), other published rates under their own names, counts per status,
rates per group, the field × bureau table.

>>> import pledgetrack as pt
>>> q4, q1 = pt.load_example("gwangju-seogu")
>>> str(q1.completion_rate()), str(q4.completion_rate())
('67.3%', '65.3%')
>>> q1.crosstab("field", "bureau")        # a pandas DataFrame, totals last

The figures come from a C++20 core (``pledgetrack._core``); this package adds
the Python conveniences (pandas frames, HTML reprs). Errors from the core arrive
as :class:`PledgeError`, a subclass of :class:`ValueError`, with the core's message; a file
that cannot be written as :class:`WriteError`, a PledgeError and an :class:`OSError`.
"""


from ._core import (
    Adjustment,
    Criteria,
    Organization,
    PledgeError,
    Problem,
    Project,
    Projection,
    Status,
    Period,
    Term,
    WriteError,
    Transition,
    format_decimal,
    parse_date,
)
from ._core import __version__ as _core_version
from ._install import cmake_dir, include_dir
from ._io import (
    column_names,
    example_names,
    example_path,
    load_example,
    read_csv,
    read_excel,
    read_org,
    read_many,
    read_snapshots,
    validate_csv,
    write_csv,
)
from ._rate import Rate
from ._snapshot import Dimension, Snapshot
from .report import QuarterlyReport, report  # the function; the subpackage stays importable
from ._evaluate import Evaluation, criteria_presets, evaluate
from ._audit import Audit, Finding, audit
from ._published import PublishedReport, ReportAudit, read_report
from ._history import AdjustmentList, Comparison, History, Pace, compare, required_pace
from ._plot import (
    plot_district_vs_others,
    plot_rate_distribution,
    plot_rate_trend,
    plot_status_by_field,
    plot_transitions,
)

__version__: str = _core_version
"""The version of pledgetrack, from the C++ constant ``pledgetrack::version``."""

__all__ = [
    "Adjustment",
    "AdjustmentList",
    "Audit",
    "Comparison",
    "Criteria",
    "Dimension",
    "Evaluation",
    "Finding",
    "History",
    "Organization",
    "Pace",
    "Period",
    "PledgeError",
    "WriteError",
    "Problem",
    "Project",
    "Projection",
    "PublishedReport",
    "QuarterlyReport",
    "Rate",
    "ReportAudit",
    "Snapshot",
    "Status",
    "Term",
    "Transition",
    "__version__",
    "audit",
    "cmake_dir",
    "column_names",
    "compare",
    "criteria_presets",
    "evaluate",
    "example_names",
    "example_path",
    "format_decimal",
    "include_dir",
    "load_example",
    "parse_date",
    "plot_district_vs_others",
    "plot_rate_distribution",
    "plot_rate_trend",
    "plot_status_by_field",
    "plot_transitions",
    "read_csv",
    "read_excel",
    "read_org",
    "read_report",
    "read_many",
    "read_snapshots",
    "report",
    "required_pace",
    "validate_csv",
    "write_csv",
]
