/* spire-file-chooser.c — the one way a feature asks where to write
 *
 * Every export (a report or an innsyn answer as PDF, a list as CSV, a
 * folder of letters) asks through here: a GtkFileChooserNative (the
 * portal's dialog where there is one; GtkFileDialog is GTK 4.10), modal
 * over the window of the widget that asks, with the format's filter and a
 * proposed name.  The chooser is destroyed after its answer, and the path
 * goes to the feature only while the widget that asked lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-file-chooser.h"
#include "spire-widget.h"

typedef struct
{
  GWeakRef from;
  SpireFileChosen chosen;
} Asked;

static void
asked_free (gpointer data, GClosure *closure)
{
  Asked *asked = data;

  g_weak_ref_clear (&asked->from);
  g_free (asked);
}

static void
on_response_cb (GtkNativeDialog *chooser, int response, Asked *asked)
{
  g_autoptr (GtkWidget) from = g_weak_ref_get (&asked->from);

  if (response == GTK_RESPONSE_ACCEPT && from != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        asked->chosen (from, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileChooserNative *
chooser_new (GtkWidget *from, const char *title, GtkFileChooserAction action,
             const char *accept_label, SpireFileChosen chosen)
{
  GtkFileChooserNative *chooser;
  Asked *asked = g_new0 (Asked, 1);

  chooser = gtk_file_chooser_native_new (title, spire_widget_get_window (from), action,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_weak_ref_init (&asked->from, from);
  asked->chosen = chosen;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response_cb), asked, asked_free, 0);
  return chooser;
}

static void
add_filter (GtkFileChooser *chooser, SpireFileFormat format)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  switch (format)
    {
    case SPIRE_FILE_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      break;
    case SPIRE_FILE_FORMAT_CSV:
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      break;
    default:
      g_return_if_reached ();
    }
  gtk_file_chooser_add_filter (chooser, filter);
}

void
spire_file_chooser_save (GtkWidget *from, const char *title, SpireFileFormat format,
                         const char *name, SpireFileChosen chosen)
{
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = g_strdup (name);

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (name != NULL && chosen != NULL);

  chooser = chooser_new (from, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), chosen);
  add_filter (GTK_FILE_CHOOSER (chooser), format);
  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
spire_file_chooser_folder (GtkWidget *from, const char *title, const char *accept_label,
                           SpireFileChosen chosen)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (chosen != NULL);

  chooser = chooser_new (from, title, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, accept_label,
                         chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
