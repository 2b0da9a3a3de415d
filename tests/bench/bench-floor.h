/* bench-floor.h — the floor a core benchmark prints beside its figure
 *
 * The same rows Spire reads, read by a plain query through the sqlite3 C
 * API on a read-only connection of its own (no Spire code in between),
 * stepped to the end and timed as bench_measure times (best and median of
 * N runs).  Header-only, beside bench-util.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "bench-util.h"
#include "spire-core.h"

/* Reads a row's columns as the code measured reads them. */
typedef void (*BenchReadRow) (sqlite3_stmt *stmt);

typedef struct
{
  const char *key;       /* bound to ?1 (a program's, a cohort's UUID) */
  BenchReadRow read_row; /* NULL: every column as text */
  guint rows;            /* what the last run read */
  sqlite3 *db;
  sqlite3_stmt *stmt;
} BenchFloor;

/* One run: the query stepped to the end. */
static inline gboolean
bench_floor_run (gpointer data, GError **error)
{
  BenchFloor *f = data;
  int n_columns = sqlite3_column_count (f->stmt);
  guint rows = 0;
  int rc;

  sqlite3_reset (f->stmt);
  sqlite3_bind_text (f->stmt, 1, f->key, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (f->stmt)) == SQLITE_ROW)
    {
      if (f->read_row)
        f->read_row (f->stmt);
      else
        for (int i = 0; i < n_columns; i++)
          sqlite3_column_text (f->stmt, i);
      rows++;
    }
  sqlite3_reset (f->stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FAILED, "floor query: %s",
                   sqlite3_errmsg (f->db));
      return FALSE;
    }
  f->rows = rows;
  return TRUE;
}

/* @sql (?1 bound to @f->key) on @path, @repetitions times after a warm-up
 * run: best and median in µs, the rows read in @f->rows. */
static inline gboolean
bench_floor_measure (const char *path, const char *sql, BenchFloor *f, guint repetitions,
                     gint64 *best, gint64 *median, GError **error)
{
  gboolean ok;

  if (sqlite3_open_v2 (path, &f->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (f->db, sql, -1, &f->stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FAILED, "floor query: %s",
                   sqlite3_errmsg (f->db));
      sqlite3_close (f->db);
      f->db = NULL;
      return FALSE;
    }
  ok = bench_measure (bench_floor_run, f, repetitions, best, median, error);
  sqlite3_finalize (f->stmt);
  sqlite3_close (f->db);
  f->stmt = NULL;
  f->db = NULL;
  return ok;
}
