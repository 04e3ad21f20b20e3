#!/usr/bin/env bash
# Every test of pledgetrack, from a fresh machine: installs what is needed,
# builds the C++ library and its tests and runs them (ctest: the doctest cases
# and the find_package / add_subdirectory consumers), runs them again under
# AddressSanitizer + UBSan, replays every parser's fuzz corpus, installs the Python
# package with its test extras into the project's virtual environment .venv
# (scripts/install-deps.sh makes it) and runs pytest there. Exits non-zero
# when any test fails or when no test ran.
#
#   scripts/test.sh            # everything (about 15 minutes on 2 cores)
#   QUICK=1 scripts/test.sh    # skip the sanitizer and fuzzing stages
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# The project's virtual environment, as `source .venv/bin/activate` would set it:
# the tests run the `pledgetrack` command from there too.
export VIRTUAL_ENV="$PWD/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

jobs=$(nproc 2>/dev/null || echo 2)

echo "== C++: build and ctest (preset ci)"
cmake --preset ci
cmake --build --preset ci -j "$jobs"
ctest --preset ci   # the preset makes "no tests" an error

echo "== Python: install the package into .venv and run pytest"
"$VIRTUAL_ENV/bin/python" -m pip install --quiet ".[test]"
# pytest exits 5 when it collected no test: set -e turns that into a failure.
"$VIRTUAL_ENV/bin/python" -m pytest tests/python -q

if [ -z "${QUICK:-}" ]; then
  echo "== C++ under AddressSanitizer + UndefinedBehaviorSanitizer"
  JOBS=$jobs bash scripts/sanitize.sh
  echo "== every parser's fuzz corpus replayed (scripts/fuzz.sh --replay; --long explores and grows it)"
  bash scripts/fuzz.sh --replay
fi
