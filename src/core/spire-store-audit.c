/* spire-store-audit.c — the store's whole-file and audit work: the audit log,
 * a consistent backup of the file, and the integrity check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "spire-error.h"
#include "spire-record-private.h"
#include "spire-store-private.h"
#include "spire-text.h"

/* The audit log */

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

/* Whole-file work */

gboolean
spire_store_backup (SpireStore *self, const char *dest, GError **error)
{
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  gboolean full;
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
        int saved = errno;

        if (_spire_errno_is_full (saved))
          return _spire_set_full_error (dest, error);
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot create “%s”: %s"),
                     dest, g_strerror (saved));
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
  full = rc != SQLITE_OK && ((rc & 0xff) == SQLITE_FULL ||
                             _spire_errno_is_full (out ? sqlite3_system_errno (out) : 0) ||
                             _spire_path_is_full (dest));
  sqlite3_close_v2 (out);
  if (rc != SQLITE_OK)
    {
      g_autofree char *journal = g_strconcat (dest, "-journal", NULL);

      if (full)
        _spire_set_full_error (dest, error);
      else
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("The backup to “%s” failed: %s"), dest,
                     sqlite3_errstr (rc));
      g_unlink (dest);
      g_unlink (journal);
      return FALSE;
    }
  return TRUE;
}

/* The line for row @rowid of @table, whose key to @parent points nowhere. */
static void
add_broken_key (SpireStore *self, const char *table, sqlite3_int64 rowid, const char *parent,
                GPtrArray *found)
{
  const SpireKind *from = spire_kind_lookup (table);
  const SpireKind *to = spire_kind_lookup (parent);
  g_autofree char *uuid = NULL;
  g_autofree char *to_word = to ? spire_kind_word (to) : g_strdup (parent);

  if (from != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE rowid = ?", from->table);
      sqlite3_stmt *row = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &row, NULL) == SQLITE_OK)
        {
          sqlite3_bind_int64 (row, 1, rowid);
          if (sqlite3_step (row) == SQLITE_ROW)
            uuid = g_strdup ((const char *) sqlite3_column_text (row, 0));
        }
      sqlite3_finalize (row);
    }
  g_ptr_array_add (found,
                   /* TRANSLATORS: "Application 1b2c… refers to a startup that is not there" */
                   g_strdup_printf (_("%s %s refers to a %s that is not there"),
                                    from ? _(from->label) : table, uuid ? uuid : "?", to_word));
}

/* One foreign key of one column (@column of @table to @parent_column of
 * @parent), its rows in the order of that column: the index SQLite keeps
 * on it gives them, and the parent's keys are then looked up in their
 * own order, page after page.  foreign_key_check walks @table in rowid
 * order and looks each parent up at random: once the parent's index
 * outgrows the page cache (2.2 million scores into 270 000 reviews at
 * xlarge) each look-up reads from the disk, and the check grew 22× from
 * large to xlarge; in key order 10×. */
static int
check_key_in_order (SpireStore *self, const char *table, const char *column, const char *parent,
                    const char *parent_column, GPtrArray *found)
{
  char *sql = sqlite3_mprintf ("SELECT c.rowid FROM \"%w\" AS c WHERE c.\"%w\" IS NOT NULL "
                               "AND NOT EXISTS (SELECT 1 FROM \"%w\" AS p WHERE p.\"%w\" = c.\"%w\") "
                               "ORDER BY c.\"%w\"",
                               table, column, parent, parent_column, column, column);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  sqlite3_free (sql);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      add_broken_key (self, table, sqlite3_column_int64 (stmt, 0), parent, found);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* @table's keys one by one in key order, when each is of one column and
 * names its parent's column (Spire's keys all point to a uuid); FALSE in
 * @simple when one is not, for foreign_key_check to do. */
static int
check_keys_in_order (SpireStore *self, const char *table, GPtrArray *found, gboolean *simple)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Per key: its id, the number of its columns, and its one column. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT \"table\", \"from\", \"to\", count(*) FROM "
                           "pragma_foreign_key_list (?) GROUP BY id ORDER BY id DESC",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  *simple = TRUE;
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 3) != 1 || sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        *simple = FALSE;
      else
        for (int i = 0; i < 3; i++)
          g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, i)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || !*simple)
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  for (guint i = 0; i + 2 < keys->len; i += 3)
    {
      rc = check_key_in_order (self, table, keys->pdata[i + 1], keys->pdata[i],
                               keys->pdata[i + 2], found);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

/* One line per row whose key points nowhere, in @table (NULL: every table). */
gboolean
_spire_store_check_keys (SpireStore *self, const char *table, GPtrArray *found, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean simple = FALSE;
  int rc;

  if (table != NULL)
    {
      rc = check_keys_in_order (self, table, found, &simple);
      if (rc != SQLITE_OK)
        return _spire_store_set_error (self, rc, error);
      if (simple)
        return TRUE;
    }
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check (?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      add_broken_key (self, (const char *) sqlite3_column_text (stmt, 0),
                      sqlite3_column_int64 (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
                      found);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (self, rc, error);
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

  if (!_spire_store_check_keys (self, NULL, found, error))
    return FALSE;

  if (problems)
    {
      g_ptr_array_add (found, NULL);
      *problems = (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
      return (*problems)[0] == NULL;
    }
  return found->len == 0;
}
