/* spire-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-window"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-window.h"

struct _SpireWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (SpireWindow, spire_window, ADW_TYPE_APPLICATION_WINDOW)

static void
spire_window_class_init (SpireWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/no/spire/Spire/spire-window.ui");
}

static void
spire_window_init (SpireWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpireWindow *
spire_window_new (SpireApp *app)
{
  return g_object_new (SPIRE_TYPE_WINDOW, "application", app, NULL);
}
