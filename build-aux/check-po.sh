#!/bin/sh
# A translation is complete and correct: msgfmt --check passes and nothing
# is untranslated or fuzzy.  Used as a meson test for each po/*.po.
set -eu
po=$1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$stats"; exit 1; }
echo "$po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
