/* spire-toast.c — toasts through the nearest AdwToastOverlay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-toast.h"
#include "spire-widget.h"

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

static void
on_toast_open_cb (AdwToast *toast, gpointer user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "spire-uri");
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "spire-window");

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

void
spire_toast_show_file (GtkWidget *from, const char *text, const char *path)
{
  g_autoptr (GFile) file = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (path != NULL);

  file = g_file_new_for_path (path);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "spire-uri", g_file_get_uri (file), g_free);
  g_object_set_data (G_OBJECT (toast), "spire-window", spire_widget_get_window (from));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_open_cb), NULL);
  spire_toast_add (from, toast);
}
