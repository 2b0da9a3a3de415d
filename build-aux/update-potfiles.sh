#!/bin/sh
# Lists the files with translatable strings into po/POTFILES.in (data/*.in,
# and every .c and .ui under src/ that marks a string: _() N_() C_() NC_()
# ngettext g_dngettext, the reports' _r() _rn() _rp(), translatable="yes").
# With --check it changes nothing and fails when POTFILES.in is not that
# list (a meson test): a moved or new file whose strings would otherwise
# never reach the translators.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
list() {
  echo "# Files with translatable strings.  Keep sorted."
  find data -maxdepth 1 -name '*.in' | LC_ALL=C sort
  find src -name '*.c' -o -name '*.ui' | LC_ALL=C sort | while read -r f; do
    if grep -qE '(^|[^a-zA-Z_])(_|N_|C_|NC_|_r|_rn|_rp|ngettext|g_dngettext|dngettext)[[:space:]]*\(|translatable="yes"' "$f"; then
      echo "$f"
    fi
  done
}
if [ "${1:-}" = --check ]; then
  if ! list | diff -u po/POTFILES.in - ; then
    echo "po/POTFILES.in is not up to date: run build-aux/update-potfiles.sh" >&2
    exit 1
  fi
  echo "po/POTFILES.in lists every file with translatable strings"
else
  list > po/POTFILES.in
fi
