/* spire-widget.c — small things every feature asks of a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-widget.h"

GtkWindow *
spire_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}
