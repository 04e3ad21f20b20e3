#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and UBSan
# in build/fuzz, and runs each one briefly: about a minute in all by default.
# Exits non-zero when any target finds something (a crash, a sanitizer report,
# a hang, an exception other than pledgetrack::error, a broken invariant); the
# input that did it is left in build/fuzz/findings/<target>/.
#
#   scripts/fuzz.sh                 # ~8 s per target (8 targets: about a minute)
#   scripts/fuzz.sh --long          # 10 minutes per target, then merge into fuzz/corpus/
#   scripts/fuzz.sh --replay        # every committed input once: deterministic, for CI
#   FUZZ_SECONDS=3600 scripts/fuzz.sh --long   # any time per target
#   scripts/fuzz.sh fuzz_csv_reader fuzz_date  # only these targets
#   FUZZ_TIMEOUT=30 scripts/fuzz.sh --long      # seconds an input may take (default 5)
#   FUZZ_BUILD=0 FUZZ_SECONDS=3600 scripts/fuzz.sh --long fuzz_date &   # one process per
#                                   # target, in parallel, after one build (see fuzz/README.md)
#
# Installs clang and libFuzzer (Debian: clang, libclang-rt-<version>-dev) when
# they are missing. New inputs found go to build/fuzz/corpus/<target>/ (kept
# between runs). --long then merges them into the committed corpus
# fuzz/corpus/<target>/ (libFuzzer's -merge=1: only inputs that add coverage,
# the existing files kept), so each long run starts where the last one ended:
# commit what it added. --replay runs each target once over fuzz/corpus/<target>/
# and its extra seeds, without exploring: scripts/test.sh uses it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-8}
# An input slower than this is a finding. Long runs beside other work may need
# more: the alarm counts wall time, and a starved process can pass 5 s on an
# input that takes 0.1 s alone (rerun a timeout input alone before believing it).
timeout=${FUZZ_TIMEOUT:-5}
mode=explore
targets=()
for arg in "$@"; do
  case "$arg" in
    --long) seconds=${FUZZ_SECONDS:-600}; mode=long ;;
    --replay) mode=replay ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) targets+=("$arg") ;;
  esac
done

# --- clang and libFuzzer -----------------------------------------------------
have_libfuzzer() {
  command -v clang++ >/dev/null || return 1
  local dir
  dir=$(clang++ -print-resource-dir 2>/dev/null) || return 1
  compgen -G "$dir/lib/linux/libclang_rt.fuzzer-*.a" >/dev/null ||
    compgen -G "$dir/lib/*/libclang_rt.fuzzer*.a" >/dev/null
}
if ! have_libfuzzer; then
  echo "== installing clang and libFuzzer (apt)"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clang
  # libclang_rt.fuzzer comes with compiler-rt of clang's own major version.
  major=$(clang++ -dumpversion | cut -d. -f1)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "libclang-rt-${major}-dev" ||
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "libfuzzer-${major}-dev"
  have_libfuzzer || { echo "libFuzzer (libclang_rt.fuzzer) still not found" >&2; exit 1; }
fi

# --- build -------------------------------------------------------------------
build=build/fuzz
jobs=$(nproc 2>/dev/null || echo 2)
# FUZZ_BUILD=0 runs what is built: several targets at once, one process each,
# after one build (a configure per process would race on the same cache).
if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  echo "== configure and build the fuzz targets in $build"
  CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLEDGETRACK_FUZZ=ON \
    -DPLEDGETRACK_TESTS=OFF -DPLEDGETRACK_BENCHMARKS=OFF -DPLEDGETRACK_INSTALL=OFF >/dev/null
  cmake --build "$build" -j "$jobs" --target pledgetrack_fuzz
fi

if ((${#targets[@]} == 0)); then
  targets=(fuzz_csv_reader fuzz_encoding fuzz_csv_tokenizer fuzz_org_reader
           fuzz_status_labels fuzz_project_id fuzz_date fuzz_period_term fuzz_published)
fi

# --- run ---------------------------------------------------------------------
# Extra seed directories a target reads besides fuzz/corpus/<target>.
extra_seeds() {
  case "$1" in
    fuzz_csv_reader) echo tests/data/bad examples/data/gwangju-seogu ;;
    fuzz_org_reader) echo tests/data/bad ;;
    fuzz_published) echo tests/data/published ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
summary=()
# The committed corpus stays small (it is in git): each input at most 64 KiB,
# and a warning when a target's folder passes this many KiB.
corpus_warn_kib=1024
for t in "${targets[@]}"; do
  work="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$work" "$findings"
  seeds=()  # the sdist leaves fuzz/corpus out: a missing seed folder is no error
  for d in "fuzz/corpus/$t" $(extra_seeds "$t"); do [ -d "$d" ] && seeds+=("$d"); done
  log="$build/findings/$t.log"
  set +e
  if [ "$mode" = replay ]; then
    # -runs=0: read (and so run) every input of the folders once, mutate nothing.
    echo "== $t: replay of ${seeds[*]} (log: $log)"
    "$build/fuzz/$t" "${seeds[@]}" -runs=0 -seed=1 -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1
    rc=$?
  else
    echo "== $t: ${seconds}s (log: $log)"
    "$build/fuzz/$t" "$work" "${seeds[@]}" \
      -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && [ "$mode" = long ] && [ -d fuzz/corpus ]; then
      # Into the committed corpus: what the run found that adds coverage to it.
      mkdir -p "fuzz/corpus/$t"
      before=$(find "fuzz/corpus/$t" -type f | wc -l)
      "$build/fuzz/$t" -merge=1 -max_len=65536 -timeout="$timeout" -rss_limit_mb=2048 \
        "fuzz/corpus/$t" "$work" >>"$log" 2>&1 || { echo "!! $t: merge failed (see $log)" >&2; rc=1; }
      after=$(find "fuzz/corpus/$t" -type f | wc -l)
      kib=$(( $(cat "fuzz/corpus/$t"/* | wc -c) / 1024 ))  # the bytes git stores, not disk blocks
      echo "   merged into fuzz/corpus/$t: $((after - before)) new inputs, $after in all, ${kib} KiB"
      if [ "$kib" -gt "$corpus_warn_kib" ]; then
        echo "   fuzz/corpus/$t is over ${corpus_warn_kib} KiB: minimise it before committing" \
             "(see fuzz/README.md)" >&2
      fi
    fi
  fi
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
  summary+=("$(printf '%-20s %-6s execs=%-10s %s' "$t" "$([ $rc -eq 0 ] && echo ok || echo FOUND)" "${runs:-?}" "$cov")")
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    echo "!! $t found a problem (exit $rc); input(s):" >&2
    ls "$findings" >&2
    grep -E 'ERROR|runtime error|fuzz invariant|deadly signal|timeout|out-of-memory' "$log" | head -n 5 >&2 || true
  fi
done

if [ "$mode" = replay ]; then echo "== summary (replay of the committed corpus)"; else echo "== summary (${seconds}s per target)"; fi
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "findings in: ${failed[*]} (see $build/findings/; each one becomes a file in tests/data/bad/" \
       "and a case in tests/cpp/test_bad_inputs.cpp)" >&2
  exit 1
fi
