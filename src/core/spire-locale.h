/* spire-locale.h — where Spire's translations are, and the process's
 * gettext set up from there (the GUI's and spire-cli's main)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder with <lang>/LC_MESSAGES/spire.mo: $SPIRE_LOCALEDIR when set;
 * else the build tree's po/ when this program runs from the build tree it
 * was built in (`_build/src/cli/spire-cli`, `_build/src/gui/spire`); else
 * the installed LOCALEDIR. */
const char *spire_locale_dir (void);

/* setlocale (LC_ALL, ""), and Spire's text domain bound to
 * spire_locale_dir () in UTF-8. */
void spire_locale_init (void);

G_END_DECLS
