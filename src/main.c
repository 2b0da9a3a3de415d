/* main.c — the GUI entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "spire-app.h"
#include "spire-core.h"

int
main (int argc, char **argv)
{
  g_autoptr (SpireApp) app = NULL;

  /* Run from the build tree, the build's translations (spire-locale.c). */
  spire_locale_init ();
  g_set_application_name (_("Spire"));

  app = spire_app_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
