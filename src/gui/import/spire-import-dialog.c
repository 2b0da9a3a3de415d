/* spire-import-dialog.c — bring a file in: find out what it is, then show
 * the dialog that imports it
 *
 * The file is read and looked at in a worker thread (a backup may be large):
 * JSON is recognised by its content ("format", or the shape of what
 * Enhetsregisteret gives), everything else that is text is taken for CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "spire-import-dialog.h"
#include "spire-import-dialog-private.h"
#include "evaluator/spire-evaluator-window.h"
#include "spire-window.h"

/* Holding the store while a worker has it */

struct _SpireImportHold
{
  SpireStore *store;
  GtkWindow *parent;
  gboolean made_insensitive;
  GArray *blocked; /* gulong handler ids */
  gulong collector;
  GMutex lock;
  GHashTable *tables; /* interned table names the worker changed */
};

/* Runs in the worker thread. */
static void
on_held_store_changed_cb (SpireStore *store, const char *table, gpointer user_data)
{
  SpireImportHold *hold = user_data;

  g_mutex_lock (&hold->lock);
  g_hash_table_add (hold->tables, (gpointer) g_intern_string (table));
  g_mutex_unlock (&hold->lock);
}

SpireImportHold *
_spire_import_hold_begin (GtkWindow *parent, SpireStore *store, gboolean insensitive)
{
  SpireImportHold *hold = g_new0 (SpireImportHold, 1);
  guint signal_id = g_signal_lookup ("changed", SPIRE_TYPE_STORE);
  gulong id;

  hold->store = g_object_ref (store);
  hold->parent = parent ? g_object_ref (parent) : NULL;
  hold->blocked = g_array_new (FALSE, FALSE, sizeof (gulong));
  hold->tables = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_mutex_init (&hold->lock);

  while ((id = g_signal_handler_find (store, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED,
                                      signal_id, 0, NULL, NULL, NULL)) != 0)
    {
      g_signal_handler_block (store, id);
      g_array_append_val (hold->blocked, id);
    }
  hold->collector = g_signal_connect (store, "changed", G_CALLBACK (on_held_store_changed_cb),
                                      hold);
  if (insensitive && parent && gtk_widget_get_sensitive (GTK_WIDGET (parent)))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (parent), FALSE);
      hold->made_insensitive = TRUE;
    }
  return hold;
}

void
_spire_import_hold_end (SpireImportHold *hold)
{
  g_autoptr (GList) tables = NULL;

  if (hold == NULL)
    return;
  g_signal_handler_disconnect (hold->store, hold->collector);
  for (guint i = 0; i < hold->blocked->len; i++)
    {
      gulong id = g_array_index (hold->blocked, gulong, i);

      if (g_signal_handler_is_connected (hold->store, id))
        g_signal_handler_unblock (hold->store, id);
    }
  if (hold->made_insensitive)
    gtk_widget_set_sensitive (GTK_WIDGET (hold->parent), TRUE);

  g_mutex_lock (&hold->lock);
  tables = g_hash_table_get_keys (hold->tables);
  g_mutex_unlock (&hold->lock);
  for (GList *l = tables; l; l = l->next)
    {
      g_autofree char *detailed = g_strconcat ("changed::", (const char *) l->data, NULL);

      g_signal_emit_by_name (hold->store, detailed, l->data);
    }

  g_array_unref (hold->blocked);
  g_hash_table_destroy (hold->tables);
  g_mutex_clear (&hold->lock);
  g_clear_object (&hold->parent);
  g_clear_object (&hold->store);
  g_free (hold);
}

/* Dialogs and toasts */

static GtkWindow *last_dialog;
static SpireImportKind last_kind;
static char *last_toast;
static guint detecting;

void
_spire_import_set_last_dialog (GtkWindow *window)
{
  g_set_weak_pointer (&last_dialog, window);
}

GtkWindow *
_spire_import_show_message (GtkWindow *parent, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  _spire_import_set_last_dialog (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

void
_spire_import_toast (GtkWindow *parent, const char *text)
{
  g_free (last_toast);
  last_toast = g_strdup (text);
  if (parent && SPIRE_IS_WINDOW (parent))
    spire_window_add_toast (SPIRE_WINDOW (parent), adw_toast_new (text));
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
detect_free (gpointer data)
{
  Detect *d = data;

  g_clear_object (&d->parent);
  g_clear_object (&d->store);
  g_clear_object (&d->cohort);
  g_clear_object (&d->file);
  g_clear_object (&d->import);
  g_free (d->name);
  g_free (d);
}

static gboolean
is_brreg_unit (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_OBJECT (node)
         && json_object_has_member (json_node_get_object (node), "organisasjonsnummer");
}

static SpireImportKind
classify_json (JsonNode *root)
{
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *format = json_object_get_member (object, "format");
      JsonNode *embedded = json_object_get_member (object, "_embedded");

      if (format && JSON_NODE_HOLDS_VALUE (format)
          && json_node_get_value_type (format) == G_TYPE_STRING)
        {
          const char *f = json_node_get_string (format);

          if (g_str_equal (f, SPIRE_BACKUP_FORMAT))
            return SPIRE_IMPORT_KIND_BACKUP;
          if (g_str_equal (f, SPIRE_SHEET_FORMAT))
            return SPIRE_IMPORT_KIND_SHEET;
          if (g_str_equal (f, SPIRE_PACKAGE_FORMAT))
            return SPIRE_IMPORT_KIND_PACKAGE;
          return SPIRE_IMPORT_KIND_UNKNOWN;
        }
      if (json_object_has_member (object, "organisasjonsnummer"))
        return SPIRE_IMPORT_KIND_BRREG;
      if (embedded && JSON_NODE_HOLDS_OBJECT (embedded)
          && json_object_has_member (json_node_get_object (embedded), "enheter"))
        return SPIRE_IMPORT_KIND_BRREG;
      return SPIRE_IMPORT_KIND_UNKNOWN;
    }
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      guint n = json_array_get_length (array);

      if (n == 0)
        return SPIRE_IMPORT_KIND_UNKNOWN;
      for (guint i = 0; i < n; i++)
        if (!is_brreg_unit (json_array_get_element (array, i)))
          return SPIRE_IMPORT_KIND_UNKNOWN;
      return SPIRE_IMPORT_KIND_BRREG;
    }
  return SPIRE_IMPORT_KIND_UNKNOWN;
}

/* Text a CSV reader could take: no NUL bytes in the first 4 KiB, or
 * UTF-16 with a byte order mark. */
static gboolean
looks_like_text (const char *data, gsize length)
{
  gsize n = MIN (length, 4096);

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
                      || ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    return TRUE;
  return memchr (data, '\0', n) == NULL;
}

static gboolean
has_suffix_ci (const char *name, const char *const *suffixes)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; suffixes[i]; i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static void
detect_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  static const char *const csv_suffixes[] = { ".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods", NULL };
  Detect *d = task_data;
  g_autofree char *data = NULL;
  g_autofree char *path = g_file_get_path (d->file);
  gsize length = 0;
  const char *p;
  GError *error = NULL;

  if (!g_file_load_contents (d->file, cancellable, &data, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* JSON starts with { or [ (after a byte order mark and white space). */
  p = data;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < data + length && g_ascii_isspace (*p))
    p++;
  if (p < data + length && (*p == '{' || *p == '['))
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();

      if (json_parser_load_from_data (parser, p, length - (p - data), NULL))
        {
          d->kind = classify_json (json_parser_get_root (parser));
          g_task_return_boolean (task, TRUE);
          return;
        }
      if (!has_suffix_ci (d->name, csv_suffixes))
        {
          /* Meant as JSON, but broken: say where. */
          g_autoptr (GError) parse_error = NULL;

          json_parser_load_from_data (parser, p, length - (p - data), &parse_error);
          g_task_return_new_error (task, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                                   _("“%s” is not valid JSON: %s. Was it saved completely?"),
                                   d->name, parse_error ? parse_error->message : "");
          return;
        }
    }

  if (path == NULL || (!looks_like_text (data, length) && !has_suffix_ci (d->name, csv_suffixes)))
    {
      d->kind = SPIRE_IMPORT_KIND_UNKNOWN;
      g_task_return_boolean (task, TRUE);
      return;
    }

  d->kind = SPIRE_IMPORT_KIND_CSV;
  d->import = spire_csv_import_new_from_data (data, length, d->name, &error);
  if (d->import == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  spire_csv_import_guess_mapping (d->import);
  g_task_return_boolean (task, TRUE);
}

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
  Detect *d = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  detecting--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot import “%s”"), d->name);

      last_kind = d->kind;
      _spire_import_show_message (d->parent, heading, error->message);
      return;
    }

  last_kind = d->kind;
  switch (d->kind)
    {
    case SPIRE_IMPORT_KIND_CSV:
      {
        SpireCsvImportDialog *dialog = spire_csv_import_dialog_new (d->parent, d->store,
                                                                    d->cohort, d->import);

        if (dialog)
          {
            _spire_import_set_last_dialog (GTK_WINDOW (dialog));
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

        _spire_import_set_last_dialog (GTK_WINDOW (dialog));
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
  g_autoptr (GTask) task = NULL;
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
  last_kind = SPIRE_IMPORT_KIND_UNKNOWN;
  g_clear_weak_pointer (&last_dialog);

  task = g_task_new (NULL, NULL, on_detect_done_cb, NULL);
  g_task_set_source_tag (task, spire_import_file_present);
  g_task_set_task_data (task, d, detect_free);
  detecting++;
  g_task_run_in_thread (task, detect_thread);
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

GtkWindow *
_spire_import_get_last_dialog (void)
{
  return last_dialog;
}

SpireImportKind
_spire_import_get_last_kind (void)
{
  return last_kind;
}

const char *
_spire_import_get_last_toast (void)
{
  return last_toast;
}

gboolean
_spire_import_is_detecting (void)
{
  return detecting > 0;
}
