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
as :class:`PledgeError`, a subclass of :class:`ValueError`, with the core's message.
"""


from ._core import (
    Criteria,
    Organization,
    PledgeError,
    Problem,
    Project,
    Status,
    Period,
    Term,
    format_decimal,
    parse_date,
)
from ._core import __version__ as _core_version
from ._install import cmake_dir, include_dir
from ._io import (
    example_names,
    example_path,
    load_example,
    read_csv,
    read_org,
    read_snapshots,
    validate_csv,
    write_csv,
)
from ._rate import Rate
from ._snapshot import Dimension, Snapshot

__version__: str = _core_version
"""The version of pledgetrack, from the C++ constant ``pledgetrack::version``."""

# Extension points for the comparisons work (pt.compare, pt.History, plots):
# add their modules beside these and import their public names here; they
# build on Snapshot (and Snapshot._snapshot, the _core object), Rate._wrap and
# load_example's date-ordered lists.

__all__ = [
    "Criteria",
    "Dimension",
    "Organization",
    "Period",
    "PledgeError",
    "Problem",
    "Project",
    "Rate",
    "Snapshot",
    "Status",
    "Term",
    "__version__",
    "cmake_dir",
    "example_names",
    "example_path",
    "format_decimal",
    "include_dir",
    "load_example",
    "parse_date",
    "read_csv",
    "read_org",
    "read_snapshots",
    "validate_csv",
    "write_csv",
]
