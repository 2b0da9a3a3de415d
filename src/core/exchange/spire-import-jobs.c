/* spire-import-jobs.c — imports that run off the caller's thread
 *
 * The backup and Brønnøysund imports are the sync functions of
 * spire-exchange.c and spire-brreg.c run as a spire-job (a connection of
 * its own, the caller's store announces what changed).  Finding out what a
 * file is needs no store: a plain GTask reads and sniffs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-import-jobs.h"
#include "spire-job-private.h"
#include "spire-package.h"

/* What a file is */

typedef struct
{
  GFile *file;
  char *name; /* for people */
  SpireImportKind kind;
  SpireCsvImport *import;
} Detect;

static void
detect_free (gpointer data)
{
  Detect *d = data;

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

/* A backup is known by its head: an export begins with its format.  Only
 * the start is read, so that a large backup is never loaded whole (nor
 * parsed into a tree) just to see what it is; the import reads it as a
 * stream and says what is wrong with it, if anything. */
static gboolean
starts_as_backup (GFile *file, GCancellable *cancellable)
{
  g_autoptr (GFileInputStream) in = g_file_read (file, cancellable, NULL);
  char head[4096];
  gsize got = 0;

  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head - 1, &got, cancellable,
                                NULL))
    return FALSE;
  head[got] = '\0';
  return g_regex_match_simple ("^(\xef\xbb\xbf)?\\s*\\{\\s*\"format\"\\s*:\\s*\"" SPIRE_BACKUP_FORMAT
                               "\"\\s*,", head, G_REGEX_RAW, 0);
}

/* The whole file, refused above spire_exchange_read_limit () before it is
 * read: its size is asked of the opened file. */
static char *
load_bounded (GFile *file, const char *name, gsize *length, GCancellable *cancellable,
              GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  guint64 size;
  gsize got = 0;

  if (path != NULL)
    return _spire_exchange_read_file (path, name, SPIRE_READ_ANY, length, error);
  /* Not a local file (a URI): read through GIO. */
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return NULL;
  size = (guint64) g_file_info_get_size (info);
  if (size > spire_exchange_read_limit (SPIRE_READ_ANY))
    {
      _spire_exchange_too_large (name, size, SPIRE_READ_ANY, error);
      return NULL;
    }
  data = g_malloc (size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), data, size, &got, cancellable, error))
    return NULL;
  data[got] = '\0';
  *length = got;
  return g_steal_pointer (&data);
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

  if (starts_as_backup (d->file, cancellable))
    {
      d->kind = SPIRE_IMPORT_KIND_BACKUP;
      g_task_return_boolean (task, TRUE);
      return;
    }
  data = load_bounded (d->file, d->name, &length, cancellable, &error);
  if (data == NULL)
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
      gboolean shallow = _spire_json_check_depth (p, length - (p - data), SPIRE_JSON_MAX_DEPTH,
                                                  d->name, &error);

      if (!shallow && !has_suffix_ci (d->name, csv_suffixes))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
      if (shallow && json_parser_load_from_data (parser, p, length - (p - data), NULL))
        {
          d->kind = classify_json (json_parser_get_root (parser));
          g_task_return_boolean (task, TRUE);
          return;
        }
      if (shallow && !has_suffix_ci (d->name, csv_suffixes))
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

void
spire_import_detect_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Detect *d;

  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (Detect, 1);
  d->file = g_object_ref (file);
  d->name = g_file_get_basename (file);
  if (d->name == NULL)
    d->name = g_file_get_uri (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, spire_import_detect_async);
  g_task_set_task_data (task, d, detect_free);
  g_task_run_in_thread (task, detect_thread);
}

SpireImportKind
spire_import_detect_finish (GAsyncResult *result, SpireCsvImport **csv_import, GError **error)
{
  Detect *d;

  g_return_val_if_fail (g_task_is_valid (result, NULL), SPIRE_IMPORT_KIND_UNKNOWN);

  d = g_task_get_task_data (G_TASK (result));
  if (csv_import)
    *csv_import = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return d->kind;
  if (csv_import)
    *csv_import = g_steal_pointer (&d->import);
  return d->kind;
}

/* A backup */

static gboolean
exchange_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  SpireImportStats *stats = g_new0 (SpireImportStats, 1);

  if (!spire_exchange_import_file (store, data, stats, _spire_job_progress, job,
                                   _spire_job_get_cancellable (job), error))
    {
      g_free (stats);
      return FALSE;
    }
  *result = stats;
  return TRUE;
}

void
spire_exchange_import_file_async (SpireStore *store, const char *path, GCancellable *cancellable,
                                  SpireProgressFunc progress, gpointer progress_data,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (path != NULL);

  _spire_job_run (store, spire_exchange_import_file_async, exchange_job, g_strdup (path), g_free,
                  g_free, cancellable, progress, progress_data, callback, user_data);
}

gboolean
spire_exchange_import_file_finish (SpireStore *store, GAsyncResult *result,
                                   SpireImportStats *stats, GError **error)
{
  g_autofree SpireImportStats *value = NULL;

  if (!_spire_job_finish (store, result, spire_exchange_import_file_async, (gpointer *) &value,
                          error))
    return FALSE;
  if (stats && value)
    *stats = *value;
  return TRUE;
}

/* A file from Brønnøysundregistrene */

typedef struct
{
  char *path;
  SpireBrregAs as;
} Brreg;

static void
brreg_free (gpointer data)
{
  Brreg *b = data;

  g_free (b->path);
  g_free (b);
}

static void
brreg_stats_free (gpointer data)
{
  SpireBrregStats *stats = data;

  spire_brreg_stats_clear (stats);
  g_free (stats);
}

static gboolean
brreg_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  Brreg *b = data;
  SpireBrregStats *stats = g_new0 (SpireBrregStats, 1);

  if (!spire_brreg_import_file (store, b->path, b->as, stats, error))
    {
      brreg_stats_free (stats);
      return FALSE;
    }
  *result = stats;
  return TRUE;
}

void
spire_brreg_import_file_async (SpireStore *store, const char *path, SpireBrregAs as,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  Brreg *b;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (path != NULL);

  b = g_new0 (Brreg, 1);
  b->path = g_strdup (path);
  b->as = as;
  _spire_job_run (store, spire_brreg_import_file_async, brreg_job, b, brreg_free,
                  brreg_stats_free, cancellable, NULL, NULL, callback, user_data);
}

gboolean
spire_brreg_import_file_finish (SpireStore *store, GAsyncResult *result, SpireBrregStats *stats,
                                GError **error)
{
  SpireBrregStats *value = NULL;

  if (!_spire_job_finish (store, result, spire_brreg_import_file_async, (gpointer *) &value,
                          error))
    return FALSE;
  if (value)
    {
      if (stats)
        {
          spire_brreg_stats_clear (stats);
          *stats = *value;
          g_free (value);
        }
      else
        brreg_stats_free (value);
    }
  return TRUE;
}
