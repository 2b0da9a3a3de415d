#!/bin/sh
# check-flatpak.sh MANIFEST — the Flatpak manifest is valid JSON, says what
# the README promises (GNOME 43, libcsv from a checksummed tarball, Spire
# built last with meson), and flatpak-builder reads it without a warning.
# Nothing is built: the runtime is not reachable from every machine.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
manifest="$1"

python3 - "$manifest" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
def need(ok, what):
    if not ok:
        sys.exit("no.spire.Spire.json: " + what)
need(m.get("id") == "no.spire.Spire", "the id is no.spire.Spire")
need(m.get("runtime") == "org.gnome.Platform" and m.get("sdk") == "org.gnome.Sdk"
     and m.get("runtime-version") == "43", "GNOME 43 runtime and SDK")
need(m.get("command") == "spire", "the command is spire")
mods = m.get("modules", [])
names = [x.get("name") for x in mods]
need("libcsv" in names, "a libcsv module")
csv = mods[names.index("libcsv")]
srcs = [s for s in csv.get("sources", []) if s.get("type") == "archive"]
need(srcs and all(re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")) for s in srcs),
     "libcsv from a tarball with its sha256")
need(names[-1] == "spire" and mods[-1].get("buildsystem") == "meson",
     "Spire is the last module, built with meson")
PY

err=$(flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null) || {
  echo "$err" >&2
  exit 1
}
if [ -n "$err" ]; then
  echo "flatpak-builder warns: $err" >&2
  exit 1
fi
echo "$manifest: accepted"
