#!/usr/bin/env bash
# The README's first command, ./build-aux/run.sh, on this build: it must find
# the window binary, start it on the user's default database and show the
# window.  SPIRE_QUIT_WHEN_SHOWN makes Spire quit once its window is mapped.
set -u
root=$1 build=$2
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
out=$(cd "$home" && HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
  SPIRE_BUILD="$build" SPIRE_QUIT_WHEN_SHOWN=1 timeout 120 "$root/build-aux/run.sh" 2>&1)
status=$?
echo "$out"
if [ $status -ne 0 ]; then
  echo "run.sh exited with $status" >&2
  exit 1
fi
case "$out" in
  *"spire: window shown"*) ;;
  *) echo "run.sh did not show the window" >&2; exit 1 ;;
esac
if [ ! -s "$home/data/spire/spire.db" ]; then
  echo "run.sh did not open the default database $home/data/spire/spire.db" >&2
  exit 1
fi
echo "run.sh showed the window on the default database"
