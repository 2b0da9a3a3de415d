/* spire-toast.c — toasts through the nearest AdwToastOverlay
 *
 * A toast's text wraps when the window is narrower than it: libadwaita
 * 1.2 gives it one line, which a 360 px window cut to "Andre på denne
 * datamaskina …" (wrap_title).
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

/* What a toast takes beside its title: its margins and paddings, the
 * close button. */
#define TOAST_CHROME 110

/* @toast's title as a label that wraps when it is wider than @overlay
 * leaves it (its markup kept, as libadwaita's).  The overlay gives a toast
 * the height it asks for at its natural width, so that width is held to
 * what fits (max-width-chars): a toast wider than the window was cut. */
static void
wrap_title (AdwToast *toast, GtkWidget *overlay)
{
  const char *title = adw_toast_get_title (toast);
  int available = gtk_widget_get_width (overlay) - TOAST_CHROME;
  PangoFontMetrics *metrics;
  GtkWidget *label;
  int natural = 0, char_width;

  if (title == NULL || *title == '\0' || adw_toast_get_custom_title (toast) != NULL ||
      available <= 0)
    return;
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (natural <= available)
    {
      g_object_ref_sink (label);
      g_object_unref (label);
      return;
    }
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (label), NULL, NULL);
  char_width = MAX (1, PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics)));
  pango_font_metrics_unref (metrics);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX (10, available / char_width));
  adw_toast_set_custom_title (toast, label);
}

void
spire_toast_add (GtkWidget *from, AdwToast *toast)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = find_overlay (from);
  if (overlay)
    {
      wrap_title (toast, GTK_WIDGET (overlay));
      adw_toast_overlay_add_toast (overlay, toast);
    }
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
