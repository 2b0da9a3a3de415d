/* spire-app.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-app"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-app.h"
#include "spire-window.h"

struct _SpireApp
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SpireApp, spire_app, ADW_TYPE_APPLICATION)

static void
spire_app_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (spire_window_new (SPIRE_APP (app)));
  gtk_window_present (window);
}

static void
spire_app_class_init (SpireAppClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = spire_app_activate;
}

static void
spire_app_init (SpireApp *self)
{
}

SpireApp *
spire_app_new (const char *application_id, GApplicationFlags flags)
{
  return g_object_new (SPIRE_TYPE_APP, "application-id", application_id, "flags", flags, NULL);
}
