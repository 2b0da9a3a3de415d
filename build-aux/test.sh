#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test headless (under Xvfb
# in a D-Bus session), first on the development build (_build), then on a
# release build (_build-release: -Dbuildtype=release, so g_assert is
# compiled out, as on the users' machines), then under AddressSanitizer and
# UndefinedBehaviorSanitizer with leak checking (_build-asan), then the
# libFuzzer harnesses for a short while each (_build-fuzz, clang-14).  The
# last line is "N passed, N failed", counted over all of them.
# SPIRE_SKIP_RELEASE=1, SPIRE_SKIP_ASAN=1, SPIRE_SKIP_FUZZ=1 skip a step;
# SPIRE_FUZZ_SECONDS sets how long each fuzzer runs (60); SPIRE_FUZZ_RUNS
# (20000 under CI=true) runs that many seeded mutations instead.
set -u
. "$(dirname "$0")/common.sh"

spire_install_packages $SPIRE_BUILD_PACKAGES $SPIRE_TEST_PACKAGES || exit 1
spire_generate_locales

total_ok=0 total_failed=0 total_skipped=0
failures="" # "BUILD: TEST" lines and what each said, printed before the total

# build_failed BUILD_DIR STEP: counts a failed setup or build, and says so
# at the end with the disk's free space (a full disk stopped a CI build).
build_failed() {
  total_failed=$((total_failed + 1))
  failures="$failures$(basename "$1"): the $2 failed (see above); free on its disk: $(df -h --output=avail "$SPIRE_ROOT" 2>/dev/null | tail -n 1)
"
}

# run_suite BUILD_DIR [meson setup options…]; SUITE_TARGETS (ninja targets,
# all when empty) and SUITE_ARGS (more meson test options) for one step.
SUITE_TARGETS="" SUITE_ARGS=""
run_suite() {
  local build=$1
  shift
  local log="$build/test-output.txt"
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$SPIRE_ROOT" "$@" || { build_failed "$build" setup; return; }
  fi
  ninja -C "$build" $SUITE_TARGETS || { build_failed "$build" build; return; }
  echo "== tests in $build"
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    meson test -C "$build" --no-rebuild --print-errorlogs $SUITE_ARGS $SPIRE_TEST_ARGS 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  count() { sed -n "s/^$1:[[:space:]]*\([0-9]\+\).*/\1/p" "$log" | tail -n 1; }
  local ok fail xpass timeout skipped failed
  ok=$(count "Ok"); fail=$(count "Fail"); xpass=$(count "Unexpected Pass")
  timeout=$(count "Timeout"); skipped=$(count "Skipped")
  ok=${ok:-0}; fail=${fail:-0}; xpass=${xpass:-0}; timeout=${timeout:-0}; skipped=${skipped:-0}
  failed=$((fail + xpass + timeout))
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # meson itself failed
  fi
  total_ok=$((total_ok + ok)); total_failed=$((total_failed + failed))
  # Which tests failed, and the lines of their output that say why, so the
  # last screen of a long run names them.
  local names
  names=$(sed -n 's/^ *[0-9]\+\/[0-9]\+ \([^ ]\+ \/ [^ ]\+\) \+\(FAIL\|TIMEOUT\|UNEXPECTEDPASS\|ERROR\) .*/\1 \2/p' "$log" |
    awk '!seen[$0]++')
  if [ -n "$names" ]; then
    failures="$failures$(printf '%s\n' "$names" | sed "s|^|$(basename "$build"): |")
$(grep -a -E 'CRITICAL|ERROR:|Bail out|assertion|^not ok|ERROR: AddressSanitizer|runtime error' \
      "$build/meson-logs/testlog.txt" 2>/dev/null | head -n 20 | cut -c1-300)
"
  fi
  total_skipped=$((total_skipped + skipped))
}

SPIRE_TEST_ARGS="$*"
run_suite "$SPIRE_BUILD"
if [ -z "${SPIRE_SKIP_RELEASE:-}" ]; then
  run_suite "$SPIRE_ROOT/_build-release" -Dbuildtype=release
fi
if [ -z "${SPIRE_SKIP_ASAN:-}" ]; then
  # Leaks are errors; build-aux/lsan.supp names the platform's own.  Core,
  # CLI and data first, then the GUI suite on the same build.  The GUI's
  # stacks are unwound the slow way (fast_unwind_on_malloc=0, 12 frames):
  # GLib is built without frame pointers, so a fast stack stops at g_malloc
  # and no suppression could tell the platform's leaks from Spire's.  No GL
  # (GDK_DEBUG=gl-disable: the tests draw with cairo, GSK_RENDERER in
  # tests/meson.build), so Mesa is never loaded.  The GUI half costs about
  # 7 minutes of CPU (ten times the debug build's GUI suite; its tests run
  # one at a time), so on CI's two cores about 8 minutes.
  ASAN_OPTIONS=detect_leaks=1 \
  LSAN_OPTIONS="suppressions=$SPIRE_ROOT/build-aux/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  SUITE_ARGS="--suite core --suite cli --suite data" \
    run_suite "$SPIRE_ROOT/_build-asan" -Db_sanitize=address,undefined -Db_lundef=false
  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=12 \
  LSAN_OPTIONS="suppressions=$SPIRE_ROOT/build-aux/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 GDK_DEBUG=gl-disable \
  SUITE_ARGS="--suite gui --timeout-multiplier 4" \
    run_suite "$SPIRE_ROOT/_build-asan" -Db_sanitize=address,undefined -Db_lundef=false
fi
# Not when the command line names tests: they are the suite's, not fuzzers.
if [ -z "${SPIRE_SKIP_FUZZ:-}" ] && [ -z "$SPIRE_TEST_ARGS" ]; then
  if command -v clang-14 >/dev/null 2>&1; then
    # In CI the fuzzers replay their corpus and make a fixed number of seeded
    # mutations: the same run every time, so a submission never fails by
    # chance.  By hand they search for SPIRE_FUZZ_SECONDS each.
    if [ -n "${CI:-}" ] && [ -z "${SPIRE_FUZZ_RUNS:-}" ]; then
      export SPIRE_FUZZ_RUNS=20000
    fi
    # Only the harnesses and what they need (src/core), only their suite.
    SUITE_TARGETS="tests/fuzz/fuzz-backup tests/fuzz/fuzz-csv tests/fuzz/fuzz-brreg
      tests/fuzz/fuzz-score-sheet" SUITE_ARGS="--suite fuzz" CC=clang-14 \
      run_suite "$SPIRE_ROOT/_build-fuzz" -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false
  else
    echo "spire: no clang-14, the fuzzers are not run" >&2
  fi
fi

echo
if [ -n "$failures" ]; then
  echo "== failed"
  printf '%s' "$failures"
  echo
fi
if [ "$total_skipped" -gt 0 ]; then
  echo "$total_ok passed, $total_failed failed, $total_skipped skipped"
else
  echo "$total_ok passed, $total_failed failed"
fi
[ "$total_failed" -eq 0 ]
