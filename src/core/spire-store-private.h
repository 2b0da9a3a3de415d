/* spire-store-private.h — for code in src/core only: the store's insides and
 * the raw handle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "spire-store.h"

G_BEGIN_DECLS

/* spire-store.c; spire-store-records.c and spire-store-audit.c read it */
struct _SpireStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;             /* NULL for :memory: */
  char *migration_backup; /* where the pre-migration copy went */
  char *tightened;        /* a notice: opening made the files private */
  char *actor;
  GHashTable *statements; /* SQL text → sqlite3_stmt* */
  guint depth;            /* open transactions */
  gboolean failed;        /* an inner level rolled back */
  GHashTable *changed;    /* tables changed in this transaction */
  GMainContext *context;  /* where "changed" is emitted … */
  GThread *owner;         /* … by the thread that made the store */
};

sqlite3 *_spire_store_get_db (SpireStore *self);
/* A cached prepared statement, reset and cleared; NULL with @error set. */
sqlite3_stmt *_spire_store_prepare (SpireStore *self, const char *sql, GError **error);
/* Turns the connection's last error into a SpireError. */
gboolean _spire_store_set_error (SpireStore *self, int rc, GError **error);
/* Binds @record's fields to the parameters 1…n of @stmt (missing: NULL). */
void _spire_store_bind_record (sqlite3_stmt *stmt, SpireRecord *record);
/* foreign_key_check of @table (NULL: all): adds a translated line to @found
 * for each row whose key points nowhere (spire-store-audit.c). */
gboolean _spire_store_check_keys (SpireStore *self, const char *table, GPtrArray *found,
                                  GError **error);
/* TRUE when @errnum means the disk (or the file-size limit) is full. */
gboolean _spire_errno_is_full (int errnum);
/* TRUE when the file system of @path has no free block, or @path (its
 * -wal, -journal) is at the process's file-size limit. */
gboolean _spire_path_is_full (const char *path);
/* "The disk holding “@where” is full …" (SPIRE_ERROR_IO); returns FALSE. */
gboolean _spire_set_full_error (const char *where, GError **error);
/* Runs @sql with @n_params text parameters (NULL binds SQL NULL); returns
 * its rows, each a GPtrArray of column texts (NULL for SQL NULL); NULL with
 * @error set when the database refuses. */
GPtrArray *_spire_store_vquery (SpireStore *self, GError **error, const char *sql,
                                guint n_params, va_list ap);
GPtrArray *_spire_store_query (SpireStore *self, GError **error, const char *sql,
                               guint n_params, ...);
/* Records of @kind read in one query: "SELECT <alias>.<every field> " + @from,
 * where @from is the rest of the statement ("FROM evaluators e JOIN … WHERE
 * e.cohort = ? ORDER BY …") with @n_params text parameters.  @alias may be
 * NULL when @from names the kind's table without one. */
GPtrArray *_spire_store_query_records (SpireStore *self, const SpireKind *kind, const char *alias,
                                       GError **error, const char *from, guint n_params, ...);
/* A row of "SELECT <every field of @kind>[, more]" as a record. */
SpireRecord *_spire_store_read_row (const SpireKind *kind, sqlite3_stmt *stmt);
/* Sorts @records by @field in Norwegian order (spire_collate_key, then the
 * text, then the UUID: the same as a stable sort of records in UUID
 * order); with @keys, appends each record's key there in its new place
 * (owned by @keys' caller). */
void _spire_store_sort_norwegian (GPtrArray *records, const char *field, GPtrArray *keys);
/* spire_store_list (), and where the kind's display field is text (the
 * list's order), the spire_collate_key of each record's display name in
 * @keys_out (parallel to the records, owned; NULL otherwise): made once
 * for the sort and kept for a listing that shows them. */
GPtrArray *_spire_store_list_keyed (SpireStore *self, const SpireKind *kind, const char *field,
                                    const char *value, GPtrArray **keys_out, GError **error);
#define SPIRE_ROW_TEXT(row, i) ((const char *) g_ptr_array_index ((GPtrArray *) (row), (i)))

/* Notes that @table changed; "changed" is emitted at the outermost commit. */
void _spire_store_mark_changed (SpireStore *self, const char *table);

G_END_DECLS
