/* spire-backup-export.c — the whole database as one JSON document ("spire-backup")
 *
 * Export streams: one SELECT … ORDER BY uuid per kind, each row written as
 * it is stepped (the table read in its own order and sorted by SQLite's
 * sorter, which spills to temporary files: walking the uuid index instead
 * fetches every row from a random page, 12 s of CPU for the xlarge demo's
 * 2.2 million scores against 3 s sorted; tests/bench/README.md), straight from its columns (no record, no JSON tree: those
 * were four fifths of the time), by a small pretty printer of our own (two
 * spaces, members in kind order, doubles in their shortest exact form) into
 * a buffer that is flushed to the file every 256 KiB.  Nothing of the whole
 * document is held in memory unless a string is asked for.  Only a JSON
 * field's value is parsed, to be written in the document's layout.
 * spire-exchange.h draws the document.
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
  JsonParser *parser; /* for JSON fields, made when one is met */
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
  static const char spaces[] = "                                ";

  while (indent > 0)
    {
      guint n = MIN (indent, sizeof spaces - 1);

      g_string_append_len (out, spaces, n);
      indent -= n;
    }
}

/* What a byte becomes in a JSON string: 0 stays as it is, 'u' is \u00XX,
 * anything else is the letter after a backslash. */
static const char escapes[256] = {
  ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't',
  [0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u',
  [0x06] = 'u', [0x07] = 'u', [0x0b] = 'u', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u',
  [0x11] = 'u', [0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u',
  [0x17] = 'u', [0x18] = 'u', [0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u',
  [0x1d] = 'u', [0x1e] = 'u', [0x1f] = 'u', [0x7f] = 'u',
  ['"'] = '"', ['\\'] = '\\',
};

/* @s of @length bytes as a JSON string.  Runs of bytes that need no escape
 * are copied whole; the bytes above 0x7f are UTF-8 and go as they are. */
static void
write_string_len (GString *out, const char *s, gsize length)
{
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *) s;
  const unsigned char *end = p + length;
  const unsigned char *run = p;
  gsize start = out->len;
  unsigned char high = 0;

  g_string_append_c (out, '"');
  for (; p < end; p++)
    {
      char e = escapes[*p];

      high |= *p;
      if (G_LIKELY (e == 0))
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      if (e == 'u')
        {
          char u[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 0xf] };

          g_string_append_len (out, u, sizeof u);
        }
      else
        {
          char b[2] = { '\\', e };

          g_string_append_len (out, b, sizeof b);
        }
    }
  g_string_append_len (out, (const char *) run, end - run);
  g_string_append_c (out, '"');

  /* The export must stay importable even if a text in the database is not
   * valid UTF-8: checked only for text that is not plain ASCII. */
  if (G_UNLIKELY (high & 0x80) && !g_utf8_validate_len (s, length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (s, (gssize) length);

      g_string_truncate (out, start);
      write_string_len (out, valid, strlen (valid));
    }
}

static void
write_string (GString *out, const char *s)
{
  write_string_len (out, s, strlen (s));
}

static void
write_int (GString *out, gint64 v)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 u = v < 0 ? (guint64) 0 - (guint64) v : (guint64) v;

  do
    {
      *--p = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u > 0);
  if (v < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
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
  /* Whole numbers (most scores): "%.15g" of them is their digits. */
  if (fabs (d) < 1e15 && d == (double) (gint64) d && !(d == 0.0 && signbit (d)))
    {
      write_int (out, (gint64) d);
      g_string_append_len (out, ".0", 2);
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

      g_ascii_formatd (buf, sizeof buf, formats[precision - 15], d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/* A JSON field's value (the only tree the export makes: one field's). */
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
          write_int (out, json_node_get_int (node));
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

/* A JSON field: the text the database keeps, parsed and written in the
 * document's layout; text that is not JSON is null. */
static void
write_json_field (Writer *w, const char *text)
{
  JsonNode *root;

  if (w->parser == NULL)
    w->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (w->parser, text, -1, NULL) ||
      (root = json_parser_get_root (w->parser)) == NULL)
    g_string_append (w->buf, "null");
  else
    write_node (w->buf, root, 6);
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
      g_string_append_printf (s, " FROM %s NOT INDEXED ORDER BY uuid", kind->table);
      made = g_string_free (s, FALSE);
      g_hash_table_insert (cache, (gpointer) kind, made);
      sql = made;
    }
  g_mutex_unlock (&lock);
  return sql;
}

/* One row of select_sql() as a record of the document, written as it is
 * stepped: what spire_record_to_json() would make of the row, without
 * making it (no record, no tree).  A record keeps no empty text (null), an
 * SQL NULL is null, a whole number SPIRE_INT_NONE is null, and a required
 * real starts at 0.0, so that -0.0 is written 0.0 there as the record had
 * it. */
static void
write_row (Writer *w, const SpireKind *kind, sqlite3_stmt *stmt)
{
  GString *out = w->buf;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      int col = (int) i;
      gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

      if ((f->flags & SPIRE_FIELD_SECRET) && (w->flags & SPIRE_EXPORT_WITHOUT_SECRETS))
        continue;
      g_string_append_len (out, first ? "\n      \"" : ",\n      \"", first ? 8 : 9);
      first = FALSE;
      g_string_append (out, f->name); /* a field's name is a plain identifier */
      g_string_append_len (out, "\": ", 3);

      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          {
            gint64 v = null ? SPIRE_INT_NONE : sqlite3_column_int64 (stmt, col);

            if (v == SPIRE_INT_NONE)
              g_string_append_len (out, "null", 4);
            else
              write_int (out, v);
          }
          break;
        case SPIRE_FIELD_REAL:
          {
            double d = null ? NAN : sqlite3_column_double (stmt, col);

            if (d == 0.0 && (f->flags & SPIRE_FIELD_REQUIRED))
              d = 0.0;
            write_double (out, d);
          }
          break;
        case SPIRE_FIELD_BOOL:
          if (sqlite3_column_int (stmt, col) != 0)
            g_string_append_len (out, "true", 4);
          else
            g_string_append_len (out, "false", 5);
          break;
        default:
          {
            const char *text = null ? NULL : (const char *) sqlite3_column_text (stmt, col);

            if (text == NULL || *text == '\0')
              g_string_append_len (out, "null", 4);
            else if (f->type == SPIRE_FIELD_JSON)
              write_json_field (w, text);
            else
              write_string (out, text);
          }
          break;
        }
    }
  g_string_append_len (out, first ? "}" : "\n    }", first ? 1 : 6);
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
   * Inside a caller's transaction that one serves.  The sorter's runs go
   * to temporary files (unlinked when opened) for the export: in memory
   * they would hold every table whole, 57 MiB of scores for the large
   * demo and ten times that for xlarge.  The store's setting is back at
   * the end. */
  if (sqlite3_get_autocommit (db))
    {
      sqlite3_exec (db, "PRAGMA temp_store = FILE", NULL, NULL, NULL);
      rc = sqlite3_exec (db, "BEGIN DEFERRED", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _spire_store_set_error (store, rc, error);
          sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
          return FALSE;
        }
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
          g_string_append (w->buf, first ? "\n    " : ",\n    ");
          first = FALSE;
          write_row (w, kind, stmt);

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
  g_clear_object (&w->parser);
  if (own)
    sqlite3_exec (db, "COMMIT; PRAGMA temp_store = MEMORY", NULL, NULL, NULL); /* nothing was written */
  if (ok && progress)
    progress (1.0, progress_data);
  return ok;
}

/* Public API */

char *
spire_exchange_export_string (SpireStore *store, GError **error)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  Writer w = { buf, NULL, NULL, SPIRE_EXPORT_DEFAULT, 0, NULL };

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
  Writer w = { buf, NULL, NULL, flags, 0, NULL };
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

  if (!spire_exchange_check_destination (path, error))
    return FALSE;
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
