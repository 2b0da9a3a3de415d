#!/usr/bin/env bash
# Installs what is missing, builds, and starts Spire on your default database
# (~/.local/share/spire/spire.db), or on the file given as an argument.
set -eu
. "$(dirname "$0")/common.sh"

spire_install_packages $SPIRE_BUILD_PACKAGES
spire_generate_locales
spire_build
spire_uninstalled_env
exec "$SPIRE_BUILD/src/gui/spire" "$@"
