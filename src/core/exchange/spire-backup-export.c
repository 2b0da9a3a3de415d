/* spire-backup-export.c — the whole database as one JSON document ("spire-backup")
 *
 * Export streams: one SELECT … ORDER BY uuid per kind, one record at a time,
 * written by a small pretty printer of our own (two spaces, members in kind
 * order, doubles in their shortest exact form) into a buffer that is flushed
 * to the file now and then.  Nothing of the whole document is held in memory
 * unless a string is asked for.  spire-exchange.h draws the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-exchange.h"
#include "spire-store-private.h"

/* How often (in records) progress is reported and cancellation looked at. */
#define STEP 1000
/* Flush the export buffer to the file when it holds this much. */
#define FLUSH_SIZE (256 * 1024)

typedef struct
{
  GString *buf;
  FILE *fp;          /* NULL: everything stays in @buf */
  const char *where; /* names the file in messages */
  SpireExportFlags flags;
  guint n_secrets;   /* secret values the document holds */
} Writer;

/* Why a backup with secrets must be kept safe: in the file, untranslated,
 * as the rest of the format. */
#define SECRETS_NOTE                                                                          \
  "This backup holds the evaluators' package tokens, the keys that sign score sheets: "      \
  "anyone who has it can sign a score sheet in an evaluator's name. Keep it as safe as the " \
  "database, or export with --without-secrets."

/* Statics: writing JSON */

static void
write_indent (GString *out, guint indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

static void
write_string (GString *out, const char *s)
{
  g_autofree char *valid = NULL;

  /* The export must stay importable even if a text in the database is not
   * valid UTF-8. */
  if (!g_utf8_validate (s, -1, NULL))
    s = valid = g_utf8_make_valid (s, -1);

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest form that reads back as the same double, always with a
 * point or an exponent so that it reads back as a double. */
static void
write_double (GString *out, double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      g_string_append (out, "null"); /* JSON has no NaN or infinity */
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
write_node (GString *out, JsonNode *node, guint indent)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *member;
        JsonNode *child;
        gboolean first = TRUE;

        if (json_object_get_size (object) == 0)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &member, &child))
          {
            g_string_append (out, first ? "\n" : ",\n");
            first = FALSE;
            write_indent (out, indent + 2);
            write_string (out, member);
            g_string_append (out, ": ");
            write_node (out, child, indent + 2);
          }
        g_string_append_c (out, '\n');
        write_indent (out, indent);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append (out, i ? ",\n" : "\n");
            write_indent (out, indent + 2);
            write_node (out, json_array_get_element (array, i), indent + 2);
          }
        g_string_append_c (out, '\n');
        write_indent (out, indent);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* A failed write: a full disk says so, anything else names the error. */
static gboolean
write_failed (const char *where, int saved, GError **error)
{
  if (_spire_errno_is_full (saved))
    return _spire_set_full_error (where, error);
  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot write “%s”: %s"), where,
               g_strerror (saved));
  return FALSE;
}

static gboolean
writer_flush (Writer *w, GError **error)
{
  if (w->fp == NULL || w->buf->len == 0)
    return TRUE;
  if (fwrite (w->buf->str, 1, w->buf->len, w->fp) != w->buf->len)
    return write_failed (w->where, errno, error);
  g_string_truncate (w->buf, 0);
  return TRUE;
}

/* Statics: reading records */

static const char *
select_sql (const SpireKind *kind)
{
  static GHashTable *cache;
  static GMutex lock;
  const char *sql;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (g_direct_hash, g_direct_equal);
  sql = g_hash_table_lookup (cache, kind);
  if (sql == NULL)
    {
      GString *s = g_string_new ("SELECT ");
      char *made;

      for (guint i = 0; i < kind->n_fields; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", kind->fields[i].name);
      g_string_append_printf (s, " FROM %s ORDER BY uuid", kind->table);
      made = g_string_free (s, FALSE);
      g_hash_table_insert (cache, (gpointer) kind, made);
      sql = made;
    }
  g_mutex_unlock (&lock);
  return sql;
}

/* One row of select_sql() as a record: columns in kind order. */
static SpireRecord *
read_row (const SpireKind *kind, sqlite3_stmt *stmt)
{
  SpireRecord *record = spire_record_new (kind);
  g_auto (GValue) v = G_VALUE_INIT;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      int col = (int) i;
      gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          g_value_init (&v, G_TYPE_INT64);
          g_value_set_int64 (&v, null ? SPIRE_INT_NONE : sqlite3_column_int64 (stmt, col));
          break;
        case SPIRE_FIELD_REAL:
          g_value_init (&v, G_TYPE_DOUBLE);
          g_value_set_double (&v, null ? NAN : sqlite3_column_double (stmt, col));
          break;
        case SPIRE_FIELD_BOOL:
          g_value_init (&v, G_TYPE_BOOLEAN);
          g_value_set_boolean (&v, sqlite3_column_int (stmt, col) != 0);
          break;
        default:
          g_value_init (&v, G_TYPE_STRING);
          g_value_set_static_string (&v, (const char *) sqlite3_column_text (stmt, col));
          break;
        }
      spire_record_set_value (record, i, &v);
      g_value_unset (&v);
    }
  return record;
}

/* Statics: export */

/* How many secret values (non-empty SPIRE_FIELD_SECRET fields) the database
 * holds; -1 with @error set. */
static gint64
count_secrets (SpireStore *store, GError **error)
{
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  gint64 n = 0;

  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      {
        const SpireField *f = &kinds[k]->fields[i];
        g_autofree char *sql = NULL;
        g_autoptr (GPtrArray) rows = NULL;

        if (!(f->flags & SPIRE_FIELD_SECRET))
          continue;
        sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS NOT NULL AND %s != ''",
                               kinds[k]->table, f->name, f->name);
        rows = _spire_store_query (store, error, sql, 0);
        if (rows == NULL)
          return -1;
        n += g_ascii_strtoll (SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 0), NULL, 10);
      }
  return n;
}

static void
remove_secrets (const SpireKind *kind, JsonNode *node)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SPIRE_FIELD_SECRET)
      json_object_remove_member (json_node_get_object (node), kind->fields[i].name);
}

static gboolean
export_to (SpireStore *store, Writer *w, SpireProgressFunc progress, gpointer progress_data,
           GCancellable *cancellable, GError **error)
{
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  g_autofree char *now = spire_now_utc ();
  sqlite3 *db = _spire_store_get_db (store);
  gint64 total = 0, done = 0;
  gboolean ok = FALSE;
  gboolean own = FALSE;
  int rc;

  /* One read transaction, so that every table is from the same moment.
   * A deferred one: in WAL mode it does not keep others from writing.
   * Inside a caller's transaction that one serves. */
  if (sqlite3_get_autocommit (db))
    {
      rc = sqlite3_exec (db, "BEGIN DEFERRED", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return _spire_store_set_error (store, rc, error);
      own = TRUE;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      _spire_exchange_cancelled (error);
      goto out;
    }
  for (guint k = 0; k < n_kinds; k++)
    total += MAX (spire_store_count (store, kinds[k], NULL, NULL), 0);
  if (w->flags & SPIRE_EXPORT_WITHOUT_SECRETS)
    w->n_secrets = 0;
  else
    {
      gint64 n = count_secrets (store, error);

      if (n < 0)
        goto out;
      w->n_secrets = (guint) MIN (n, G_MAXUINT);
    }

  if (progress)
    progress (0.0, progress_data);

  g_string_append (w->buf, "{\n  \"format\": ");
  write_string (w->buf, SPIRE_BACKUP_FORMAT);
  g_string_append_printf (w->buf, ",\n  \"version\": %d,\n  \"exported_at\": ",
                          SPIRE_BACKUP_VERSION);
  write_string (w->buf, now);
  g_string_append_printf (w->buf, ",\n  \"contains_secrets\": %s",
                          w->n_secrets > 0 ? "true" : "false");
  if (w->n_secrets > 0)
    {
      g_string_append (w->buf, ",\n  \"secrets_note\": ");
      write_string (w->buf, SECRETS_NOTE);
    }

  for (guint k = 0; k < n_kinds; k++)
    {
      const SpireKind *kind = kinds[k];
      sqlite3_stmt *stmt = _spire_store_prepare (store, select_sql (kind), error);
      gboolean first = TRUE;

      if (stmt == NULL)
        goto out;

      g_string_append (w->buf, ",\n  ");
      write_string (w->buf, kind->table);
      g_string_append (w->buf, ": [");

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr (SpireRecord) record = read_row (kind, stmt);
          g_autoptr (JsonNode) node = spire_record_to_json (record, TRUE);

          if (w->flags & SPIRE_EXPORT_WITHOUT_SECRETS)
            remove_secrets (kind, node);

          g_string_append (w->buf, first ? "\n    " : ",\n    ");
          first = FALSE;
          write_node (w->buf, node, 4);

          if (w->buf->len >= FLUSH_SIZE && !writer_flush (w, error))
            {
              sqlite3_reset (stmt);
              goto out;
            }
          if (++done % STEP == 0)
            {
              if (g_cancellable_is_cancelled (cancellable))
                {
                  sqlite3_reset (stmt);
                  _spire_exchange_cancelled (error);
                  goto out;
                }
              if (progress && total > 0)
                progress (MIN ((double) done / (double) total, 1.0), progress_data);
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _spire_store_set_error (store, rc, error);
          goto out;
        }
      g_string_append (w->buf, first ? "]" : "\n  ]");
    }
  g_string_append (w->buf, "\n}\n");
  if (!writer_flush (w, error))
    goto out;
  ok = TRUE;

out:
  if (own)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL); /* nothing was written */
  if (ok && progress)
    progress (1.0, progress_data);
  return ok;
}

/* Public API */

char *
spire_exchange_export_string (SpireStore *store, GError **error)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  Writer w = { buf, NULL, NULL, SPIRE_EXPORT_DEFAULT, 0 };

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!export_to (store, &w, NULL, NULL, NULL, error))
    return NULL;
  return g_string_free (g_steal_pointer (&buf), FALSE);
}

gboolean
spire_exchange_export_file (SpireStore *store, const char *path, SpireProgressFunc progress,
                            gpointer progress_data, GCancellable *cancellable, GError **error)
{
  return spire_exchange_export_file_full (store, path, SPIRE_EXPORT_DEFAULT, NULL, progress,
                                          progress_data, cancellable, error);
}

gboolean
spire_exchange_export_file_full (SpireStore *store, const char *path, SpireExportFlags flags,
                                 guint *n_secrets, SpireProgressFunc progress,
                                 gpointer progress_data, GCancellable *cancellable,
                                 GError **error)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  Writer w = { buf, NULL, NULL, flags, 0 };
  FILE *fp;
  int fd;
  int saved;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (path, "-"))
    {
      w.fp = stdout;
      w.where = _("standard output");
      if (!export_to (store, &w, progress, progress_data, cancellable, error))
        return FALSE;
      if (fflush (stdout) != 0)
        return write_failed (w.where, errno, error);
      if (n_secrets)
        *n_secrets = w.n_secrets;
      return TRUE;
    }

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Beside the target, so that the rename stays on one file system. */
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  /* A backup holds confidential fields: only the owner may read it. */
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      saved = errno;
      if (_spire_errno_is_full (saved))
        return _spire_set_full_error (display, error);
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Spire cannot create “%s”: %s. Check that the folder exists and may be "
                     "written to."), display, g_strerror (saved));
      return FALSE;
    }
  fp = fdopen (fd, "w");
  if (fp == NULL)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot write “%s”: %s"),
                   display, g_strerror (saved));
      return FALSE;
    }
  w.fp = fp;
  w.where = display;

  if (!export_to (store, &w, progress, progress_data, cancellable, error))
    {
      fclose (fp);
      g_unlink (tmp);
      return FALSE;
    }
  if (fflush (fp) != 0 || fsync (fileno (fp)) != 0)
    {
      saved = errno;
      fclose (fp);
      g_unlink (tmp);
      return write_failed (display, saved, error);
    }
  if (fclose (fp) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return write_failed (display, saved, error);
    }
  if (g_rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return write_failed (display, saved, error);
    }
  if (n_secrets)
    *n_secrets = w.n_secrets;
  return TRUE;
}
