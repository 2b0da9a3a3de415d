/* spire-store.c — SQLite: open, refuse, migrate, transactions and "changed"
 *
 * The store owns the connection: it opens (or refuses) a file, migrates it
 * with a backup first, caches prepared statements and runs nested
 * transactions, emitting "changed::<table>" at the outermost commit.  The
 * records (spire-store-records.c) and the audit log, backup and check
 * (spire-store-audit.c) are written through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "spire-error.h"
#include "spire-schema-private.h"
#include "spire-store-private.h"
#include "spire-text.h"

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
  /* ICU compares the bytes in place: nothing is copied or allocated. */
  return spire_collate_n (a, la, b, lb);
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

/* EFBIG is what a full quota or a file-size limit (RLIMIT_FSIZE) gives. */
gboolean
_spire_errno_is_full (int errnum)
{
  return errnum == ENOSPC || errnum == EFBIG || errnum == EDQUOT;
}

/* Whether the disk holding @path is full, looked at after SQLite reported
 * a write error without the errno (it keeps ENOSPC only for a short write
 * to the main file): no free block on its file system, or @path, its -wal
 * or -journal at the file-size limit. */
gboolean
_spire_path_is_full (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-journal" };
  g_autofree char *dir = NULL;
  struct statvfs fs;
  struct rlimit limit;

  if (path == NULL)
    return FALSE;
  dir = g_path_get_dirname (path);
  if (statvfs (dir, &fs) == 0 && fs.f_bavail == 0)
    return TRUE;
  if (getrlimit (RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      /* within a page of the limit: the next write would cross it */
      if (g_stat (file, &st) == 0 && (guint64) st.st_size + 65536 >= (guint64) limit.rlim_cur)
        return TRUE;
    }
  return FALSE;
}

gboolean
_spire_set_full_error (const char *where, GError **error)
{
  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
               _("The disk holding “%s” is full. Nothing was changed; "
                 "free some space and try again."), where);
  return FALSE;
}

gboolean
_spire_store_set_error (SpireStore *self, int rc, GError **error)
{
  const char *where = self->path ? self->path : ":memory:";
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int sys = self->db ? sqlite3_system_errno (self->db) : 0;

  /* SQLite says SQLITE_FULL for ENOSPC on a write, but a disk I/O error
   * when growing the -shm or on EFBIG: the errno tells. */
  if ((rc & 0xff) == SQLITE_FULL ||
      (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) &&
       (_spire_errno_is_full (sys) || _spire_path_is_full (self->path))))
    return _spire_set_full_error (where, error);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_BUSY,
                   _("Another program is changing the database “%s” right now. "
                     "Nothing was changed; try again in a moment."), where);
      break;
    case SQLITE_READONLY:
      /* SQLite's own words ("attempt to write a readonly database") are
       * English: a read-only file or folder is said in the user's. */
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Spire may not write to “%s”: the file, or the folder it is in, is "
                     "read-only. Nothing was changed; allow writing to them, or open a copy "
                     "you may change."),
                   where);
      break;
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
  g_free (self->tightened);
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
  /* No memory map and a page cache of 8 MiB per connection: a large
   * cohort is read through the kernel's file cache, which SQLite's map
   * added nothing to but resident memory (`rank` of 4 000 applications
   * held 140 MiB mapped, now 26 MiB, as fast: tests/bench/README.md).
   * What is deleted or overwritten is zeroed, not left in free pages (an
   * erased person leaves no trace: privacy/spire-person-erase.c). */
  sqlite3_exec (self->db,
                "PRAGMA cache_size = -8192; PRAGMA mmap_size = 0; "
                "PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON",
                NULL, NULL, NULL);
  return exec (self, "PRAGMA foreign_keys = ON", error);
}

/* The database, its -wal and its -shm are the owner's alone (0600),
 * whatever mode an existing one had.  SQLite gives a -wal or -shm it
 * creates the main file's mode, so the main file is made private before
 * SQLite opens it.  Returns TRUE when a mode was changed. */
static gboolean
make_private (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      /* Read and write for the owner as they were: a read-only file stays so. */
      if (g_stat (file, &st) != 0 || !S_ISREG (st.st_mode) ||
          (st.st_mode & 07777) == (st.st_mode & 0600))
        continue;
      if (g_chmod (file, st.st_mode & 0600) != 0)
        {
          g_debug ("Cannot make %s private: %s", file, g_strerror (errno));
          continue;
        }
      if ((st.st_mode & 0077) != 0)
        changed = TRUE;
    }
  return changed;
}

/* A new database that could not be made is removed with what SQLite made
 * beside it, so that a failed "init" (a full disk) leaves nothing. */
static void
remove_new_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static SpireStore *
open_file (const char *path, gboolean *created, GError **error)
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
      if (make_private (path))
        {
          g_autofree char *name = g_filename_display_name (path);

          self->tightened =
            g_strdup_printf (_("Others on this computer could read the database “%s”; "
                               "Spire has made it readable by you only."), name);
        }
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
      *created = TRUE;
      /* Leftovers of a database removed behind Spire's back. */
      make_private (path);
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
  SpireStore *store;
  gboolean created = FALSE;

  if (path == NULL)
    path = fallback = spire_store_default_path ();
  store = open_file (path, &created, error);
  if (store == NULL && created)
    remove_new_files (path); /* the connection is closed by now */
  return store;
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

const char *
spire_store_get_tightened (SpireStore *self)
{
  g_return_val_if_fail (SPIRE_IS_STORE (self), NULL);

  return self->tightened;
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

/* Whether @p, all of it, is "%d-%Y%m%dT%H%M%SZ" or that with "-%d" after,
 * as take_backup makes the tail after ".backup-v". */
static gboolean
is_copy_tail (const char *p)
{
  static const char stamp[] = "ddddddddTddddddZ";
  const char *q;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p++ != '-')
    return FALSE;
  for (q = stamp; *q != '\0'; q++, p++)
    if (*q == 'd' ? !g_ascii_isdigit (*p) : *p != *q)
      return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p++ != '-' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

static int
by_path (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
spire_store_list_migration_copies (SpireStore *self)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_name = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (SPIRE_IS_STORE (self), copies);

  if (self->path == NULL)
    return copies;
  dir_name = g_path_get_dirname (self->path);
  {
    g_autofree char *base = g_path_get_basename (self->path);

    prefix = g_strconcat (base, ".backup-v", NULL);
  }
  if ((dir = g_dir_open (dir_name, 0, NULL)) == NULL)
    return copies;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && is_copy_tail (name + strlen (prefix)))
      g_ptr_array_add (copies, g_build_filename (dir_name, name, NULL));
  g_ptr_array_sort (copies, by_path);
  return copies;
}
