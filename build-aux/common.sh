# build-aux/common.sh — shared by run.sh and test.sh: packages, locales, build.
# Sourced, not run.

SPIRE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# SPIRE_BUILD may be set to another build folder (the launch test does).
SPIRE_BUILD="${SPIRE_BUILD:-$SPIRE_ROOT/_build}"

# Debian 12 packages to build and run Spire.
SPIRE_BUILD_PACKAGES="build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libjson-glib-dev libsqlite3-dev libcairo2-dev libpango1.0-dev libcsv-dev libicu-dev libyajl-dev
  librsvg2-common fonts-dejavu-core fonts-cantarell locales"
# What the tests need beyond that.
SPIRE_TEST_PACKAGES="sqlite3 xvfb xauth dbus dbus-x11 desktop-file-utils appstream
  poppler-utils libxml2-utils xdotool clang-14 libclang-rt-14-dev flatpak-builder"
# (gcc's AddressSanitizer and UBSan runtimes, libasan8 and libubsan1, come
# with build-essential's gcc; clang-14 and its runtime are for the fuzzers.)

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "spire: '$*' needs root and sudo is not installed" >&2
    return 1
  fi
}

# Installs the Debian packages that are missing; nothing when all are there.
spire_install_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "spire: installing ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The Norwegian locales, so that LANGUAGE=nb / nn translate and sort.
spire_generate_locales() {
  local l
  for l in nb_NO nn_NO; do
    if ! locale -a 2>/dev/null | grep -qi "^${l}\.utf-\?8$"; then
      as_root localedef -i "$l" -f UTF-8 "$l.UTF-8" || echo "spire: could not generate $l.UTF-8" >&2
    fi
  done
}

spire_build() {
  if [ ! -f "$SPIRE_BUILD/build.ninja" ]; then
    meson setup "$SPIRE_BUILD" "$SPIRE_ROOT" || return 1
  fi
  ninja -C "$SPIRE_BUILD"
}

# Runs Spire from the build tree: its schema, its translations.
spire_uninstalled_env() {
  export GSETTINGS_SCHEMA_DIR="$SPIRE_BUILD/data"
  export SPIRE_LOCALEDIR="$SPIRE_BUILD/po"
}
