/* main.c — the GUI entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "spire-app.h"

int
main (int argc, char **argv)
{
  g_autoptr (SpireApp) app = NULL;
  /* build-aux/run.sh runs Spire from the build tree, with its translations. */
  const char *localedir = g_getenv ("SPIRE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Spire"));

  app = spire_app_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
