/* spire-toast.c — toasts through the nearest AdwToastOverlay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-toast.h"

/* The first AdwToastOverlay inside @widget, depth first. */
static GtkWidget *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay_below (child);

      if (found)
        return found;
    }
  return NULL;
}

static AdwToastOverlay *
find_overlay (GtkWidget *from)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root;

  if (overlay)
    return ADW_TOAST_OVERLAY (overlay);
  /* A dialog: the window it belongs to, or one further up. */
  root = gtk_widget_get_root (from);
  for (GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL; window;
       window = gtk_window_get_transient_for (window))
    if ((overlay = find_overlay_below (GTK_WIDGET (window))) != NULL)
      return ADW_TOAST_OVERLAY (overlay);
  return NULL;
}

void
spire_toast_add (GtkWidget *from, AdwToast *toast)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = find_overlay (from);
  if (overlay)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

void
spire_toast_show (GtkWidget *from, const char *text)
{
  spire_toast_add (from, adw_toast_new (text));
}
