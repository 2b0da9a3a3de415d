#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test headless (under Xvfb
# in a D-Bus session).  The last line is "N passed, N failed".
set -u
. "$(dirname "$0")/common.sh"

spire_install_packages $SPIRE_BUILD_PACKAGES $SPIRE_TEST_PACKAGES || exit 1
spire_generate_locales
spire_build || { echo "0 passed, 1 failed"; exit 1; }

log="$SPIRE_BUILD/test-output.txt"
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C "$SPIRE_BUILD" --print-errorlogs "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { sed -n "s/^$1:[[:space:]]*\([0-9]\+\).*/\1/p" "$log" | tail -n 1; }
ok=$(count "Ok"); fail=$(count "Fail"); xpass=$(count "Unexpected Pass")
timeout=$(count "Timeout"); skipped=$(count "Skipped")
ok=${ok:-0}; fail=${fail:-0}; xpass=${xpass:-0}; timeout=${timeout:-0}; skipped=${skipped:-0}
failed=$((fail + xpass + timeout))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # meson itself failed
fi
echo
if [ "$skipped" -gt 0 ]; then
  echo "$ok passed, $failed failed, $skipped skipped"
else
  echo "$ok passed, $failed failed"
fi
[ "$failed" -eq 0 ]
