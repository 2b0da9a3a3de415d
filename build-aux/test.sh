#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test headless (under Xvfb
# in a D-Bus session), first on the development build (_build), then on a
# release build (_build-release: -Dbuildtype=release, so g_assert is
# compiled out, as on the users' machines).  The last line is
# "N passed, N failed", counted over both.
set -u
. "$(dirname "$0")/common.sh"

spire_install_packages $SPIRE_BUILD_PACKAGES $SPIRE_TEST_PACKAGES || exit 1
spire_generate_locales

total_ok=0 total_failed=0 total_skipped=0

# run_suite BUILD_DIR [meson setup options…]
run_suite() {
  local build=$1
  shift
  local log="$build/test-output.txt"
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$SPIRE_ROOT" "$@" || { total_failed=$((total_failed + 1)); return; }
  fi
  ninja -C "$build" || { total_failed=$((total_failed + 1)); return; }
  echo "== tests in $build"
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    meson test -C "$build" --print-errorlogs $SPIRE_TEST_ARGS 2>&1 | tee "$log"
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
  total_skipped=$((total_skipped + skipped))
}

SPIRE_TEST_ARGS="$*"
run_suite "$SPIRE_BUILD"
if [ -z "${SPIRE_SKIP_RELEASE:-}" ]; then
  run_suite "$SPIRE_ROOT/_build-release" -Dbuildtype=release
fi

echo
if [ "$total_skipped" -gt 0 ]; then
  echo "$total_ok passed, $total_failed failed, $total_skipped skipped"
else
  echo "$total_ok passed, $total_failed failed"
fi
[ "$total_failed" -eq 0 ]
