#!/usr/bin/env bash
# Builds the C++ library and tests with AddressSanitizer and UndefinedBehavior-
# Sanitizer (preset `sanitize`: Debug, g++, -fsanitize=address,undefined,
# -fno-sanitize-recover=all) in build/sanitize and runs every test under them.
# The find_package consumer test is left out (the preset's filter): it builds
# an outside program without the sanitizer runtime. Then the doctest binary
# runs once as a whole (see below). Exits non-zero on any failure or
# sanitizer report.
#
#   scripts/sanitize.sh            # jobs = nproc
#   JOBS=1 scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
# Leaks count as failures; a sanitizer report stops the test that made it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

cmake --preset sanitize
cmake --build --preset sanitize -j "$jobs"
ctest --preset sanitize
# ctest runs one doctest case per test, found by name (a ctest check refuses
# names that ctest cannot run); the whole binary once more is the belt to those
# braces, and it is cheap.
echo "== every doctest case in one run, under the sanitizers"
build/sanitize/tests/pledgetrack_tests
