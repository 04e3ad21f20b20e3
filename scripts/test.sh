#!/usr/bin/env bash
# Every test of pledgetrack, from a fresh machine: installs what is needed,
# builds the C++ library and its tests, runs them (ctest: doctest cases and the
# find_package consumer), installs the Python package the way the README says
# and runs pytest. Exits non-zero when any test fails or when no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)

echo "== C++: build and ctest (preset ci)"
cmake --preset ci
cmake --build --preset ci -j "$jobs"
ctest --preset ci

echo "== Python: install the package and run pytest"
python3 -m pip install --quiet ".[test]"
# pytest exits 5 when it collected no test: set -e turns that into a failure.
python3 -m pytest tests/python -q
