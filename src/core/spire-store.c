/* spire-store.c — SQLite: open, refuse, migrate, read and write records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "spire-error.h"
#include "spire-record-private.h"
#include "spire-schema-private.h"
#include "spire-store-private.h"
#include "spire-text.h"
#include "spire-validate.h"

struct _SpireStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;             /* NULL for :memory: */
  char *migration_backup; /* where the pre-migration copy went */
  char *actor;
  GHashTable *statements; /* SQL text → sqlite3_stmt* */
  guint depth;            /* open transactions */
  gboolean failed;        /* an inner level rolled back */
  GHashTable *changed;    /* tables changed in this transaction */
  GMainContext *context;  /* where "changed" is emitted … */
  GThread *owner;         /* … by the thread that made the store */
};

G_DEFINE_FINAL_TYPE (SpireStore, spire_store, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* SQL functions */

static int
nb_collate_cb (void *data, int la, const void *a, int lb, const void *b)
{
  g_autofree char *sa = g_strndup (a, la);
  g_autofree char *sb = g_strndup (b, lb);

  return spire_collate (sa, sb);
}

static void
fold_func_cb (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_text (ctx, spire_search_fold (text), -1, g_free);
}

/* Errors */

gboolean
_spire_store_set_error (SpireStore *self, int rc, GError **error)
{
  const char *where = self->path ? self->path : ":memory:";
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_BUSY,
                   _("Another program is changing the database “%s” right now. "
                     "Nothing was changed; try again in a moment."), where);
      break;
    case SQLITE_FULL:
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("The disk holding “%s” is full. Nothing was changed; "
                     "free some space and try again."), where);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_AUTH:
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Spire cannot read or write “%s” (%s). Check that the file and its "
                     "folder may be written to."), where, msg);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Open a backup copy instead."),
                   where, msg);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                   _("The change breaks a rule of the database (%s). Nothing was changed."),
                   msg);
      break;
    default:
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"), where, msg);
      break;
    }
  return FALSE;
}

sqlite3 *
_spire_store_get_db (SpireStore *self)
{
  return self->db;
}

sqlite3_stmt *
_spire_store_prepare (SpireStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

GPtrArray *
_spire_store_vquery (SpireStore *self, GError **error, const char *sql, guint n_params,
                     va_list ap)
{
  sqlite3_stmt *stmt = _spire_store_prepare (self, sql, error);
  g_autoptr (GPtrArray) rows = NULL;
  int rc, n_cols;

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_text (stmt, (int) i + 1, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  n_cols = sqlite3_column_count (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_full (n_cols, g_free);

      for (int c = 0; c < n_cols; c++)
        g_ptr_array_add (row, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
_spire_store_query (SpireStore *self, GError **error, const char *sql, guint n_params, ...)
{
  GPtrArray *rows;
  va_list ap;

  va_start (ap, n_params);
  rows = _spire_store_vquery (self, error, sql, n_params, ap);
  va_end (ap);
  return rows;
}

static gboolean
exec (SpireStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _spire_store_set_error (self, rc, error);
  return TRUE;
}

static gint64
pragma_int (SpireStore *self, const char *pragma, int *rc_out)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          v = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return v;
}

/* GObject */

static void
spire_store_finalize (GObject *object)
{
  SpireStore *self = SPIRE_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_destroy);
  g_clear_pointer (&self->changed, g_hash_table_destroy);
  g_clear_pointer (&self->context, g_main_context_unref);
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->migration_backup);
  g_free (self->actor);

  G_OBJECT_CLASS (spire_store_parent_class)->finalize (object);
}

static void
spire_store_class_init (SpireStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spire_store_finalize;

  /**
   * SpireStore::changed:
   * @table: the table of the kind that changed
   *
   * After a change is committed, once per changed table.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
spire_store_init (SpireStore *self)
{
  const char *real = g_get_real_name ();

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->changed = g_hash_table_new (g_str_hash, g_str_equal);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  self->actor = g_strdup (real && *real && g_strcmp0 (real, "Unknown") != 0 ? real
                                                                             : g_get_user_name ());
}

/* Opening */

char *
spire_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "spire", "spire.db", NULL);
}

static gboolean
refuse_not_spire (const char *path, GError **error)
{
  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_SPIRE,
               _("“%s” is not a Spire database. Spire has not changed it; "
                 "choose another file or create a new database."), path);
  return FALSE;
}

/* Looks at an existing file before SQLite writes anything to it. */
static gboolean
probe_header (const char *path, gboolean *is_empty, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GError) local = NULL;
  char header[16];
  gsize got = 0;

  in = g_file_read (file, NULL, &local);
  if (in == NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, &local))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  *is_empty = got == 0;
  if (got == 0)
    return TRUE;
  if (got < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return refuse_not_spire (path, error);
  return TRUE;
}

static gboolean
check_existing (SpireStore *self, GError **error)
{
  gint64 app_id, version, tables, page_count, page_size;
  int rc;
  GStatBuf st;
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf wst;

  app_id = pragma_int (self, "application_id", &rc);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        return refuse_not_spire (self->path, error);
      return _spire_store_set_error (self, rc, error);
    }
  version = pragma_int (self, "user_version", &rc);
  {
    sqlite3_stmt *stmt = NULL;

    tables = -1;
    rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        tables = sqlite3_column_int64 (stmt, 0);
        rc = SQLITE_OK;
      }
    sqlite3_finalize (stmt);
    if (rc != SQLITE_OK)
      {
        if ((rc & 0xff) == SQLITE_NOTADB)
          return refuse_not_spire (self->path, error);
        return _spire_store_set_error (self, rc, error);
      }
  }

  if (app_id != SPIRE_APPLICATION_ID)
    {
      if (app_id == 0 && version == 0 && tables == 0)
        return TRUE; /* an empty SQLite file: made new */
      return refuse_not_spire (self->path, error);
    }

  if (version > (gint64) _spire_schema_n_migrations ())
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Spire (database version %d; "
                     "this Spire knows up to %d). Spire has not changed it; update Spire "
                     "to open it."),
                   self->path, (int) version, (int) _spire_schema_n_migrations ());
      return FALSE;
    }

  /* A truncated file: the header promises more pages than there are. */
  page_count = pragma_int (self, "page_count", NULL);
  page_size = pragma_int (self, "page_size", NULL);
  if (g_stat (self->path, &st) == 0 && (g_stat (wal, &wst) != 0 || wst.st_size == 0) &&
      page_count > 0 && page_size > 0 && (gint64) st.st_size < page_count * page_size)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: the file is shorter than it should be. "
                     "Spire has not changed it; open a backup copy instead."), self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_backup (SpireStore *self, gint64 from_version, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *dest = g_strdup_printf ("%s.backup-v%d-%s", self->path, (int) from_version,
                                           stamp);

  for (int n = 2; g_file_test (dest, G_FILE_TEST_EXISTS); n++)
    {
      g_free (dest);
      dest = g_strdup_printf ("%s.backup-v%d-%s-%d", self->path, (int) from_version, stamp, n);
    }

  if (!spire_store_backup (self, dest, error))
    return FALSE;
  g_free (self->migration_backup);
  self->migration_backup = g_steal_pointer (&dest);
  return TRUE;
}

static gboolean
migrate (SpireStore *self, GError **error)
{
  int rc;
  gint64 version = pragma_int (self, "user_version", &rc);
  guint target = _spire_schema_n_migrations ();

  if (rc != SQLITE_OK)
    return _spire_store_set_error (self, rc, error);
  if (version >= target)
    return TRUE;

  if (version > 0 && self->path != NULL && !take_backup (self, version, error))
    return FALSE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint v = version + 1; v <= target; v++)
    {
      g_autofree char *set = g_strdup_printf ("PRAGMA user_version = %u", v);

      if (!exec (self, _spire_schema_migration (v), error) || !exec (self, set, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  {
    g_autofree char *app = g_strdup_printf ("PRAGMA application_id = %d", SPIRE_APPLICATION_ID);

    if (!exec (self, app, error) || !exec (self, "COMMIT", error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }
  return TRUE;
}

static gboolean
setup_connection (SpireStore *self, GError **error)
{
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_collation_v2 (self->db, "NB", SQLITE_UTF8, NULL, nb_collate_cb, NULL);
  sqlite3_create_function_v2 (self->db, "spire_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                              fold_func_cb, NULL, NULL, NULL);
  /* Large cohorts are read in whole: keep their pages in memory. */
  sqlite3_exec (self->db,
                "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456; "
                "PRAGMA temp_store = MEMORY",
                NULL, NULL, NULL);
  return exec (self, "PRAGMA foreign_keys = ON", error);
}

static SpireStore *
open_file (const char *path, GError **error)
{
  g_autoptr (SpireStore) self = g_object_new (SPIRE_TYPE_STORE, NULL);
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  gboolean empty = TRUE;
  int rc;

  self->path = g_strdup (path);

  if (exists)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                       _("“%s” is a folder, not a database file."), path);
          return NULL;
        }
      if (!probe_header (path, &empty, error))
        return NULL;
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                       _("Spire cannot create the folder “%s”: %s"), dir, g_strerror (errno));
          return NULL;
        }
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
      if (fd < 0)
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                       _("Spire cannot create the database “%s”: %s"), path, g_strerror (errno));
          return NULL;
        }
      close (fd);
    }

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  if (!setup_connection (self, error))
    return NULL;
  if (!empty && !check_existing (self, error))
    return NULL;

  /* From here on the file is ours to write. */
  {
    sqlite3_stmt *stmt = NULL;

    rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_step (stmt);
    sqlite3_finalize (stmt);
    if (rc != SQLITE_ROW)
      {
        _spire_store_set_error (self, rc, error);
        return NULL;
      }
  }
  if (!migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

SpireStore *
spire_store_open (const char *path, GError **error)
{
  g_autofree char *fallback = NULL;

  if (path == NULL)
    path = fallback = spire_store_default_path ();
  return open_file (path, error);
}

SpireStore *
spire_store_new_memory (GError **error)
{
  g_autoptr (SpireStore) self = g_object_new (SPIRE_TYPE_STORE, NULL);
  int rc = sqlite3_open_v2 (":memory:", &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                            NULL);

  if (rc != SQLITE_OK)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  if (!setup_connection (self, error) || !migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
spire_store_get_path (SpireStore *self)
{
  g_return_val_if_fail (SPIRE_IS_STORE (self), NULL);

  return self->path;
}

const char *
spire_store_get_migration_backup (SpireStore *self)
{
  g_return_val_if_fail (SPIRE_IS_STORE (self), NULL);

  return self->migration_backup;
}

void
spire_store_set_busy_timeout (SpireStore *self, int ms)
{
  g_return_if_fail (SPIRE_IS_STORE (self));

  sqlite3_busy_timeout (self->db, ms);
}

void
spire_store_set_actor (SpireStore *self, const char *actor)
{
  g_return_if_fail (SPIRE_IS_STORE (self));

  g_free (self->actor);
  self->actor = g_strdup (actor && *actor ? actor : g_get_user_name ());
}

const char *
spire_store_get_actor (SpireStore *self)
{
  return self->actor;
}

/* Transactions */

gboolean
spire_store_begin (SpireStore *self, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->failed = FALSE;
    }
  self->depth++;
  return TRUE;
}

static gboolean
emit_changed_cb (gpointer data)
{
  gpointer *pair = data;
  SpireStore *self = pair[0];
  GList *tables = pair[1];

  for (GList *l = tables; l; l = l->next)
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (l->data), l->data);
  g_list_free (tables);
  g_object_unref (self);
  g_free (pair);
  return G_SOURCE_REMOVE;
}

/* "changed" is emitted in the thread whose main context made the store,
 * whichever thread commits: handlers are GUI code.  From that thread the
 * signal comes at once; from a worker it comes when the main loop runs. */
static void
emit_changed (SpireStore *self)
{
  gpointer *pair = g_new (gpointer, 2);

  pair[0] = g_object_ref (self);
  pair[1] = g_hash_table_get_keys (self->changed);
  g_hash_table_steal_all (self->changed);
  if (g_thread_self () == self->owner)
    emit_changed_cb (pair);
  else
    {
      g_autoptr (GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, emit_changed_cb, pair, NULL);
      g_source_attach (source, self->context);
    }
}

gboolean
spire_store_commit (SpireStore *self, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;
  if (self->failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->changed);
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_FAILED,
                           _("A part of the change failed, so nothing was changed."));
      return FALSE;
    }
  if (!exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->changed);
      return FALSE;
    }
  emit_changed (self);
  return TRUE;
}

void
spire_store_rollback (SpireStore *self)
{
  g_return_if_fail (SPIRE_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    {
      self->failed = TRUE;
      return;
    }
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all (self->changed);
}

void
_spire_store_mark_changed (SpireStore *self, const char *table)
{
  g_hash_table_add (self->changed, (gpointer) g_intern_string (table));
}

/* SQL for a kind */

static char *
columns_sql (const SpireKind *kind, const char *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (s, "%s%s%s", i ? ", " : "", prefix, kind->fields[i].name);
  return g_string_free (s, FALSE);
}

static const char *
kind_sql (const SpireKind *kind, const char *what)
{
  static GHashTable *cache;
  static GMutex lock;
  g_autofree char *key = g_strconcat (kind->table, ":", what, NULL);
  const char *sql;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  sql = g_hash_table_lookup (cache, key);
  if (sql == NULL)
    {
      g_autofree char *cols = columns_sql (kind, "");
      char *made;

      if (g_str_equal (what, "select"))
        made = g_strdup_printf ("SELECT %s FROM %s", cols, kind->table);
      else if (g_str_equal (what, "upsert"))
        {
          GString *s = g_string_new (NULL);

          g_string_append_printf (s, "INSERT INTO %s (%s) VALUES (", kind->table, cols);
          for (guint i = 0; i < kind->n_fields; i++)
            g_string_append (s, i ? ", ?" : "?");
          g_string_append (s, ") ON CONFLICT (uuid) DO UPDATE SET ");
          /* created_at never changes once a record exists. */
          for (guint i = 1, n = 0; i < kind->n_fields; i++)
            if (strcmp (kind->fields[i].name, "created_at") != 0)
              g_string_append_printf (s, "%s%s = excluded.%s", n++ ? ", " : "",
                                      kind->fields[i].name, kind->fields[i].name);
          made = g_string_free (s, FALSE);
        }
      else if (g_str_equal (what, "delete"))
        made = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", kind->table);
      else if (g_str_equal (what, "exists"))
        made = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", kind->table);
      else
        g_assert_not_reached ();
      g_hash_table_insert (cache, g_strdup (key), made);
      sql = made;
    }
  g_mutex_unlock (&lock);
  return sql;
}

static void
bind_record (sqlite3_stmt *stmt, SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const GValue *v = spire_record_get_value (record, i);
      int col = (int) i + 1;

      switch (G_VALUE_TYPE (v))
        {
        case G_TYPE_INT64:
          if (g_value_get_int64 (v) == SPIRE_INT_NONE)
            sqlite3_bind_null (stmt, col);
          else
            sqlite3_bind_int64 (stmt, col, g_value_get_int64 (v));
          break;
        case G_TYPE_DOUBLE:
          if (isnan (g_value_get_double (v)))
            sqlite3_bind_null (stmt, col);
          else
            sqlite3_bind_double (stmt, col, g_value_get_double (v));
          break;
        case G_TYPE_BOOLEAN:
          sqlite3_bind_int (stmt, col, g_value_get_boolean (v) ? 1 : 0);
          break;
        default:
          if (g_value_get_string (v) == NULL)
            sqlite3_bind_null (stmt, col);
          else
            sqlite3_bind_text (stmt, col, g_value_get_string (v), -1, SQLITE_STATIC);
          break;
        }
    }
}

static SpireRecord *
read_row (const SpireKind *kind, sqlite3_stmt *stmt)
{
  SpireRecord *record = spire_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      int col = (int) i;
      gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          spire_record_set_int (record, f->name, null ? SPIRE_INT_NONE
                                                      : sqlite3_column_int64 (stmt, col));
          break;
        case SPIRE_FIELD_REAL:
          spire_record_set_real (record, f->name, null ? NAN : sqlite3_column_double (stmt, col));
          break;
        case SPIRE_FIELD_BOOL:
          spire_record_set_bool (record, f->name, sqlite3_column_int (stmt, col) != 0);
          break;
        default:
          spire_record_set_text (record, f->name, (const char *) sqlite3_column_text (stmt, col));
          break;
        }
    }
  return record;
}

/* Reading */

gboolean
spire_store_exists (SpireStore *self, const SpireKind *kind, const char *uuid)
{
  sqlite3_stmt *stmt = _spire_store_prepare (self, kind_sql (kind, "exists"), NULL);
  gboolean found;

  if (stmt == NULL || uuid == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

SpireRecord *
spire_store_get (SpireStore *self, const SpireKind *kind, const char *uuid, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE uuid = ?", kind_sql (kind, "select"));
  sqlite3_stmt *stmt = _spire_store_prepare (self, sql, error);
  SpireRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_row (kind, stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *word = spire_kind_word (kind);

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("There is no %s with the UUID %s."), word, uuid);
    }
  else
    _spire_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return record;
}

typedef struct
{
  char *key;
  const char *text;
  SpireRecord *record;
} Keyed;

static int
compare_keyed (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Keyed *x = a, *y = b;
  int r = strcmp (x->key, y->key);

  return r != 0 ? r : g_strcmp0 (x->text, y->text);
}

/* A stable sort of @records (already in uuid order) by @field in Norwegian
 * order, the same order as spire_collate(). */
static void
sort_norwegian (GPtrArray *records, const char *field)
{
  Keyed *keyed = g_new (Keyed, records->len);

  for (guint i = 0; i < records->len; i++)
    {
      keyed[i].record = records->pdata[i];
      keyed[i].text = spire_record_get_text (keyed[i].record, field);
      keyed[i].key = spire_collate_key (keyed[i].text);
    }
  g_qsort_with_data (keyed, records->len, sizeof (Keyed), compare_keyed, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      records->pdata[i] = keyed[i].record;
      g_free (keyed[i].key);
    }
  g_free (keyed);
}

GPtrArray *
spire_store_list (SpireStore *self, const SpireKind *kind, const char *field, const char *value,
                  GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  const SpireField *order = spire_kind_field (kind, kind->display_field);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (field == NULL || spire_kind_field (kind, field) != NULL, NULL);

  /* Text is put in Norwegian order below, one key per record: a collation
   * in SQL would build two keys per comparison. */
  sql = g_strdup_printf ("%s%s%s%s ORDER BY %s%s uuid", kind_sql (kind, "select"),
                         field ? " WHERE " : "", field ? field : "", field ? " IS ?" : "",
                         order && order->type == SPIRE_FIELD_TEXT ? "" : kind->display_field,
                         order && order->type == SPIRE_FIELD_TEXT ? "" : ",");
  stmt = _spire_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (field)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_row (kind, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  if (order && order->type == SPIRE_FIELD_TEXT)
    sort_norwegian (out, order->name);
  return g_steal_pointer (&out);
}

gint64
spire_store_count (SpireStore *self, const SpireKind *kind, const char *field, const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s%s%s%s", kind->table,
                                          field ? " WHERE " : "", field ? field : "",
                                          field ? " IS ?" : "");
  sqlite3_stmt *stmt = _spire_store_prepare (self, sql, NULL);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  if (field)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

GHashTable *
spire_store_count_by (SpireStore *self, const SpireKind *kind, const char *group_field,
                      const char *field, const char *value, GError **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (spire_kind_field (kind, group_field) != NULL, NULL);
  g_return_val_if_fail (field == NULL || spire_kind_field (kind, field) != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s, count(*) FROM %s%s%s%s GROUP BY 1", group_field,
                         kind->table, field ? " WHERE " : "", field ? field : "",
                         field ? " IS ?" : "");
  stmt = _spire_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (field)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *k = (const char *) sqlite3_column_text (stmt, 0);

      g_hash_table_insert (out, g_strdup (k ? k : ""),
                           GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
spire_store_is_empty (SpireStore *self)
{
  return spire_store_count (self, spire_kind_lookup ("programs"), NULL, NULL) <= 0 &&
         spire_store_count (self, spire_kind_lookup ("startups"), NULL, NULL) <= 0 &&
         spire_store_count (self, spire_kind_lookup ("public_bodies"), NULL, NULL) <= 0;
}

/* Writing */

gboolean
spire_store_audit (SpireStore *self, const char *entity, const char *entity_uuid,
                   const char *action, const char *before_json, const char *after_json,
                   GError **error)
{
  sqlite3_stmt *stmt = _spire_store_prepare (
    self,
    "INSERT INTO audit (at, who, entity, entity_uuid, action, before, after) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    error);
  g_autofree char *now = spire_now_utc ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->actor ? self->actor : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, before_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, after_json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (self, rc, error);
  return TRUE;
}

GPtrArray *
_spire_store_query_records (SpireStore *self, const SpireKind *kind, const char *alias,
                            GError **error, const char *from, guint n_params, ...)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  va_list ap;
  int rc;

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, "%s%s%s%s", i ? ", " : "", alias ? alias : "", alias ? "." : "",
                            kind->fields[i].name);
  g_string_append_printf (sql, " %s", from);
  stmt = _spire_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  va_start (ap, n_params);
  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_text (stmt, (int) i + 1, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
  va_end (ap);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_row (kind, stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
spire_store_list_audit (SpireStore *self, const char *entity_uuid, guint limit, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  sqlite3_stmt *stmt = _spire_store_prepare (
    self,
    "SELECT id, at, who, entity, entity_uuid, action, before, after FROM audit "
    "WHERE ?1 IS NULL OR entity_uuid = ?1 ORDER BY id DESC LIMIT ?2",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GHashTable *row = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_hash_table_insert (row, (gpointer) g_intern_string (sqlite3_column_name (stmt, c)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, c)));
      g_ptr_array_add (out, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static char *
record_json (SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);
  g_autoptr (JsonNode) node = spire_record_to_json (record, TRUE);

  /* The history keeps what was shared in confidence, but never a key. */
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SPIRE_FIELD_SECRET)
      json_object_remove_member (json_node_get_object (node), kind->fields[i].name);

  return json_to_string (node, FALSE);
}

/* Organisation numbers are stored as their 9 digits. */
static void
normalise (SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);

  if (spire_kind_field (kind, "orgnr") != NULL)
    {
      g_autofree char *digits = spire_orgnr_digits (spire_record_get_text (record, "orgnr"));

      if (digits != NULL && strlen (digits) == 9)
        spire_record_set_text (record, "orgnr", digits);
    }
}

static gboolean
check_references (SpireStore *self, SpireRecord *record, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const char *uuid;
      const SpireKind *target;

      if (f->type != SPIRE_FIELD_REF)
        continue;
      uuid = spire_record_get_text (record, f->name);
      if (uuid == NULL)
        continue;
      target = spire_kind_lookup (f->ref_table);
      if (!spire_store_exists (self, target, uuid))
        {
          g_autofree char *word = spire_kind_word (target);

          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_REFERENCE,
                       /* TRANSLATORS: "Startup: there is no startup with the UUID …" */
                       _("%s: there is no %s with the UUID %s"), _(f->label),
                       word, uuid);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
spire_store_save (SpireStore *self, SpireRecord *record, SpireSaveFlags flags,
                  gboolean *inserted_out, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);
  g_autoptr (SpireRecord) before = NULL;
  g_autofree char *now = spire_now_utc ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt;
  gboolean inserted;
  int rc;

  g_return_val_if_fail (SPIRE_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPIRE_IS_RECORD (record), FALSE);

  if (spire_record_get_uuid (record) == NULL)
    {
      g_autofree char *uuid = spire_uuid_new ();
      spire_record_set_text (record, "uuid", uuid);
    }
  normalise (record);
  if (!(flags & SPIRE_SAVE_NO_VALIDATE))
    {
      if (!spire_record_validate (record, NULL, error))
        return FALSE;
    }

  if (!spire_store_begin (self, error))
    return FALSE;

  if (!(flags & SPIRE_SAVE_NO_VALIDATE) && !check_references (self, record, error))
    goto fail;

  if (!(flags & SPIRE_SAVE_NO_AUDIT))
    {
      before = spire_store_get (self, kind, spire_record_get_uuid (record), NULL);
      inserted = before == NULL;
    }
  else
    inserted = !spire_store_exists (self, kind, spire_record_get_uuid (record));

  if (!(flags & SPIRE_SAVE_KEEP_TIMES) || spire_record_is_null (record, "created_at"))
    {
      if (before != NULL)
        spire_record_set_text (record, "created_at", spire_record_get_text (before, "created_at"));
      else if (inserted || spire_record_is_null (record, "created_at"))
        spire_record_set_text (record, "created_at", now);
    }
  if (!(flags & SPIRE_SAVE_KEEP_TIMES) || spire_record_is_null (record, "updated_at"))
    spire_record_set_text (record, "updated_at", now);

  stmt = _spire_store_prepare (self, kind_sql (kind, "upsert"), error);
  if (stmt == NULL)
    goto fail;
  bind_record (stmt, record);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      goto fail;
    }

  if (!(flags & SPIRE_SAVE_NO_AUDIT))
    {
      before_json = before ? record_json (before) : NULL;
      after_json = record_json (record);
      if (!spire_store_audit (self, kind->name, spire_record_get_uuid (record),
                              inserted ? "create" : "update", before_json, after_json, error))
        goto fail;
    }

  _spire_store_mark_changed (self, kind->table);
  if (inserted_out)
    *inserted_out = inserted;
  return spire_store_commit (self, error);

fail:
  spire_store_rollback (self);
  return FALSE;
}

gboolean
spire_store_insert (SpireStore *self, SpireRecord *record, GError **error)
{
  const char *uuid = spire_record_get_uuid (record);

  if (uuid != NULL && spire_store_exists (self, spire_record_get_kind (record), uuid))
    {
      g_autofree char *word = spire_kind_word (spire_record_get_kind (record));

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                   _("There is already a %s with the UUID %s."), word, uuid);
      return FALSE;
    }
  return spire_store_save (self, record, SPIRE_SAVE_DEFAULT, NULL, error);
}

gboolean
spire_store_update (SpireStore *self, SpireRecord *record, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);
  const char *uuid = spire_record_get_uuid (record);

  if (uuid == NULL || !spire_store_exists (self, kind, uuid))
    {
      g_autofree char *word = spire_kind_word (kind);

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("There is no %s with the UUID %s."), word, uuid ? uuid : "");
      return FALSE;
    }
  return spire_store_save (self, record, SPIRE_SAVE_DEFAULT, NULL, error);
}

/* What refers to @record through a foreign key that is not ON DELETE CASCADE
 * or SET NULL: those would block the delete. */
char *
spire_store_describe_dependents (SpireStore *self, SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);
  const char *uuid = spire_record_get_uuid (record);
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT \"from\", on_delete FROM pragma_foreign_key_list ('%s') WHERE \"table\" = ?",
        kinds[k]->table);
      sqlite3_stmt *fk = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &fk, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_text (fk, 1, kind->table, -1, SQLITE_STATIC);
      while (sqlite3_step (fk) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (fk, 0);
          const char *on_delete = (const char *) sqlite3_column_text (fk, 1);
          gint64 n;

          if (g_strcmp0 (on_delete, "CASCADE") == 0 || g_strcmp0 (on_delete, "SET NULL") == 0)
            continue;
          n = spire_store_count (self, kinds[k], column, uuid);
          if (n > 0)
            {
              g_autofree char *what = g_utf8_strdown (
                n == 1 ? _(kinds[k]->label) : _(kinds[k]->label_plural), -1);

              if (out->len)
                g_string_append (out, ", ");
              g_string_append_printf (out, "%" G_GINT64_FORMAT " %s", n, what);
            }
        }
      sqlite3_finalize (fk);
    }
  return out->len ? g_strdup (out->str) : NULL;
}

gboolean
spire_store_delete (SpireStore *self, SpireRecord *record, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);
  g_autofree char *dependents = NULL;
  g_autofree char *before_json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPIRE_IS_STORE (self), FALSE);

  if (!spire_store_begin (self, error))
    return FALSE;
  dependents = spire_store_describe_dependents (self, record);
  if (dependents != NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE,
                   /* TRANSLATORS: "“Nordlys AS” cannot be deleted: 3 applications depend on it." */
                   _("“%s” cannot be deleted: %s depend on it."),
                   spire_record_get_display_name (record), dependents);
      goto fail;
    }
  stmt = _spire_store_prepare (self, kind_sql (kind, "delete"), error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, spire_record_get_uuid (record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *word = spire_kind_word (kind);

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("There is no %s with the UUID %s."), word,
                   spire_record_get_uuid (record));
      goto fail;
    }
  before_json = record_json (record);
  if (!spire_store_audit (self, kind->name, spire_record_get_uuid (record), "delete",
                          before_json, NULL, error))
    goto fail;
  _spire_store_mark_changed (self, kind->table);
  return spire_store_commit (self, error);

fail:
  spire_store_rollback (self);
  return FALSE;
}

/* Whole-file work */

gboolean
spire_store_backup (SpireStore *self, const char *dest, GError **error)
{
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (SPIRE_IS_STORE (self), FALSE);

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("“%s” already exists. Choose another name for the backup."), dest);
      return FALSE;
    }
  {
    int fd = g_open (dest, O_WRONLY | O_CREAT | O_EXCL, 0600);

    if (fd < 0)
      {
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot create “%s”: %s"),
                     dest, g_strerror (errno));
        return FALSE;
      }
    close (fd);
  }
  rc = sqlite3_open_v2 (dest, &out, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (out, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (out);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, 256);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (out);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("The backup to “%s” failed: %s"), dest,
                   sqlite3_errstr (rc));
      g_unlink (dest);
      return FALSE;
    }
  return TRUE;
}

gboolean
spire_store_check (SpireStore *self, char ***problems, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (found, g_strdup (line));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (self, rc, error);

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const SpireKind *from = spire_kind_lookup ((const char *) sqlite3_column_text (stmt, 0));
      const SpireKind *to = spire_kind_lookup ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *uuid = NULL;
      g_autofree char *to_word = to ? spire_kind_word (to) : g_strdup ((const char *) sqlite3_column_text (stmt, 2));

      if (from != NULL)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE rowid = ?", from->table);
          sqlite3_stmt *row = NULL;

          if (sqlite3_prepare_v2 (self->db, sql, -1, &row, NULL) == SQLITE_OK)
            {
              sqlite3_bind_int64 (row, 1, sqlite3_column_int64 (stmt, 1));
              if (sqlite3_step (row) == SQLITE_ROW)
                uuid = g_strdup ((const char *) sqlite3_column_text (row, 0));
            }
          sqlite3_finalize (row);
        }
      g_ptr_array_add (found,
                       /* TRANSLATORS: "Application 1b2c… refers to a startup that is not there" */
                       g_strdup_printf (_("%s %s refers to a %s that is not there"),
                                        from ? _(from->label) : (const char *) sqlite3_column_text (stmt, 0),
                                        uuid ? uuid : "?", to_word));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (self, rc, error);

  if (problems)
    {
      g_ptr_array_add (found, NULL);
      *problems = (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
      return (*problems)[0] == NULL;
    }
  return found->len == 0;
}
