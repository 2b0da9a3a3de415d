/* spire-import-dialog.c — bring a file in: find out what it is, then show
 * the dialog that imports it
 *
 * Core reads and looks at the file off the main thread
 * (spire_import_detect_async; a backup may be large): JSON is recognised by
 * its content ("format", or the shape of what Enhetsregisteret gives),
 * everything else that is text is taken for CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-import"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "evaluator/spire-evaluator-window.h"
#include "spire-import-dialog-private.h"
#include "spire-import-dialog.h"

/* Dialogs and toasts */

static char *last_toast;

GtkWindow *
_spire_import_show_message (GtkWindow *parent, const char *heading, const char *body)
{
  g_autoptr (GError) error = g_error_new_literal (SPIRE_ERROR, SPIRE_ERROR_FAILED, body);
  return GTK_WINDOW (spire_error_dialog_show (GTK_WIDGET (parent), heading, error));
}

void
_spire_import_toast (GtkWindow *parent, const char *text)
{
  g_free (last_toast);
  last_toast = g_strdup (text);
  if (parent)
    spire_toast_show (GTK_WIDGET (parent), text);
}

/* Finding out what a file is */

typedef struct
{
  GtkWindow *parent;
  SpireStore *store;
  SpireCohort *cohort;
  GFile *file;
  char *name;    /* for people */
  /* results */
  SpireImportKind kind;
  SpireCsvImport *import;
} Detect;

static void
detect_free (Detect *d)
{
  g_clear_object (&d->parent);
  g_clear_object (&d->store);
  g_clear_object (&d->cohort);
  g_clear_object (&d->file);
  g_clear_object (&d->import);
  g_free (d->name);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Detect, detect_free)

static void
open_evaluation_package (Detect *d)
{
  GtkApplication *app = d->parent ? gtk_window_get_application (d->parent) : NULL;
  g_autoptr (GError) error = NULL;

  if (app == NULL)
    app = GTK_APPLICATION (g_application_get_default ());
  if (app == NULL)
    g_set_error_literal (&error, SPIRE_ERROR, SPIRE_ERROR_FAILED,
                         _("There is no application window to open it in."));
  if (app == NULL || !spire_evaluator_window_open (app, d->file, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot open “%s”"), d->name);

      _spire_import_show_message (d->parent, heading, error->message);
    }
}

static void
on_detect_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Detect) d = user_data;
  g_autoptr (GError) error = NULL;

  d->kind = spire_import_detect_finish (result, &d->import, &error);
  if (error != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot import “%s”"), d->name);

      _spire_import_show_message (d->parent, heading, error->message);
      return;
    }

  switch (d->kind)
    {
    case SPIRE_IMPORT_KIND_CSV:
      {
        SpireCsvImportDialog *dialog = spire_csv_import_dialog_new (d->parent, d->store,
                                                                    d->cohort, d->import);

        if (dialog)
          {
            gtk_window_present (GTK_WINDOW (dialog));
          }
        else
          _spire_import_show_message (d->parent, _("There is no cohort to import into"),
                                      _("Applications belong to a cohort. Add a program and a "
                                        "cohort first, then import the file again."));
      }
      break;

    case SPIRE_IMPORT_KIND_BRREG:
    case SPIRE_IMPORT_KIND_BACKUP:
    case SPIRE_IMPORT_KIND_SHEET:
      {
        SpireImportJobDialog *dialog = spire_import_job_dialog_new (d->parent, d->store, d->file,
                                                                    d->kind);

        gtk_window_present (GTK_WINDOW (dialog));
      }
      break;

    case SPIRE_IMPORT_KIND_PACKAGE:
      open_evaluation_package (d);
      break;

    case SPIRE_IMPORT_KIND_UNKNOWN:
    default:
      {
        g_autofree char *body = g_strdup_printf (
            _("“%s” is not a file Spire can import. Spire imports applications as CSV "
              "(from Nettskjema, Google Forms, Microsoft Forms or Excel), JSON from "
              "Brønnøysundregistrene, Spire backups, score sheets and evaluation packages."),
            d->name);

        _spire_import_show_message (d->parent, _("Spire does not know this kind of file"), body);
      }
      break;
    }
}

void
spire_import_file_present (GtkWindow *parent, SpireStore *store, SpireCohort *cohort, GFile *file)
{
  Detect *d;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (cohort == NULL || SPIRE_IS_COHORT (cohort));
  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (Detect, 1);
  d->parent = parent ? g_object_ref (parent) : NULL;
  d->store = g_object_ref (store);
  d->cohort = cohort ? g_object_ref (cohort) : NULL;
  d->file = g_object_ref (file);
  d->name = g_file_get_basename (file);
  if (d->name == NULL)
    d->name = g_file_get_uri (file);

  spire_import_detect_async (file, NULL, on_detect_done_cb, d);
}

/* The file chooser */

typedef struct
{
  GtkWindow *parent;
  SpireStore *store;
  SpireCohort *cohort;
} Choose;

static void
on_chooser_response_cb (GtkNativeDialog *native, int response, gpointer user_data)
{
  Choose *c = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file)
        spire_import_file_present (c->parent, c->store, c->cohort, file);
    }
  g_clear_object (&c->parent);
  g_clear_object (&c->store);
  g_clear_object (&c->cohort);
  g_free (c);
  g_object_unref (native);
}

static GtkFileFilter *
make_filter (const char *name, const char *const *types, const char *const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; types && types[i]; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  for (guint i = 0; patterns && patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  return filter;
}

void
spire_import_choose_file (GtkWindow *parent, SpireStore *store, SpireCohort *cohort)
{
  static const char *const csv_types[] = { "text/csv", "text/tab-separated-values", "text/plain", NULL };
  static const char *const csv_patterns[] = { "*.csv", "*.CSV", "*.txt", "*.tsv", NULL };
  static const char *const json_types[] = { "application/json", NULL };
  static const char *const json_patterns[] = { "*.json", "*.JSON", NULL };
  static const char *const all_types[] = { "text/csv", "text/tab-separated-values", "text/plain",
                                           "application/json", NULL };
  static const char *const all_patterns[] = { "*.csv", "*.CSV", "*.txt", "*.tsv", "*.json",
                                              "*.JSON", NULL };
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) all = NULL;
  g_autoptr (GtkFileFilter) csv = NULL;
  g_autoptr (GtkFileFilter) json = NULL;
  Choose *c;

  g_return_if_fail (SPIRE_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Import"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  all = make_filter (_("All files Spire can import"), all_types, all_patterns);
  csv = make_filter (_("Applications (CSV)"), csv_types, csv_patterns);
  json = make_filter (_("JSON (Brønnøysund, backups, score sheets, evaluation packages)"),
                      json_types, json_patterns);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), all);

  c = g_new0 (Choose, 1);
  c->parent = parent ? g_object_ref (parent) : NULL;
  c->store = g_object_ref (store);
  c->cohort = cohort ? g_object_ref (cohort) : NULL;
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Test hooks */

const char *
_spire_import_get_last_toast (void)
{
  return last_toast;
}
