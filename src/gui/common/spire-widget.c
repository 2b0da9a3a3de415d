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

/* Cell tooltips
 *
 * gtk_widget_set_tooltip_text () asks the display server where the pointer
 * is, every time (GTK 4.8: one round trip to X per call): in a list's bind,
 * that was one round trip per cell per row bound, and most of the CPU of
 * showing and scrolling a long list.  The text is kept on the cell instead
 * and handed over only when GTK asks for the tooltip. */

static gboolean
on_cell_query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                          gpointer user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "spire-cell-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
spire_widget_set_cell_tooltip (GtkWidget *widget, const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_get_has_tooltip (widget))
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), "spire-cell-tooltip", g_strdup (text), g_free);
}
