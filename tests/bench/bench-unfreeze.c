/* bench-unfreeze.c — how long does Unfreeze Rubric write?
 *
 *   bench-unfreeze [-n N] DATABASE
 *
 * Issue 11: unfreezing a rubric marks every review of its cohort made under
 * an older version stale.  Until 7 Dec 2026 that was a read and a save per
 * review, on the main thread (tens of thousands at xlarge); now it is one
 * set-based UPDATE, on a worker.  On the cohort of DATABASE with the most
 * reviews not stale yet, each run in a transaction that is rolled back
 * (DATABASE is not changed):
 *
 *   unfreeze  spire_rubric_unfreeze (), the whole write: rubric, reviews,
 *             history entry;
 *   floor     the bare UPDATE of the same rows through sqlite3 with the
 *             store's page cache (what the write cannot go below);
 *   old       the old way, a spire_store_get () and spire_store_save () per
 *             review (as the code before 7 Dec 2026 did).
 *
 * Median wall and CPU time (ms) of N runs (default 5, after one of each
 * not counted, which brings the pages into the cache), and the ratios to
 * the floor.  It measures, it does not judge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-unfreeze"

#include "bench-util.h"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "spire-core.h"

#define STALE_WHERE \
  "WHERE stale = 0 AND (rubric_version IS NULL OR rubric_version < ?2) " \
  "AND application IN (SELECT uuid FROM applications WHERE cohort = ?1)"

static void
check (sqlite3 *db, int rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("sqlite: %s", sqlite3_errmsg (db));
}

static void
exec (sqlite3 *db, const char *sql)
{
  check (db, sqlite3_exec (db, sql, NULL, NULL, NULL));
}

/* The cohort with the most reviews not stale, and their number. */
static char *
busiest_cohort (sqlite3 *db, gint64 *n)
{
  sqlite3_stmt *stmt;
  char *cohort = NULL;

  check (db, sqlite3_prepare_v2 (db,
                                 "SELECT a.cohort, count(*) c FROM reviews r JOIN applications a "
                                 "ON a.uuid = r.application WHERE r.stale = 0 "
                                 "GROUP BY a.cohort ORDER BY c DESC LIMIT 1",
                                 -1, &stmt, NULL));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      cohort = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *n = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  return cohort;
}

typedef struct
{
  double wall;
  double cpu;
} Cost;

static void
add (GArray *a, double v)
{
  g_array_append_val (a, v);
}

/* spire_rubric_unfreeze () in a transaction rolled back. */
static Cost
run_unfreeze (SpireStore *store, const char *rubric, guint *n_stale)
{
  g_autoptr (GError) error = NULL;
  gint64 t0;
  double c0;
  Cost cost;

  if (!spire_store_begin (store, &error) || !spire_rubric_freeze (store, rubric, &error))
    g_error ("%s", error->message);
  t0 = g_get_monotonic_time ();
  c0 = bench_process_cpu_ms ();
  if (!spire_rubric_unfreeze (store, rubric, "bench-unfreeze", n_stale, &error))
    g_error ("%s", error->message);
  cost.wall = (g_get_monotonic_time () - t0) / 1000.0;
  cost.cpu = bench_process_cpu_ms () - c0;
  spire_store_rollback (store);
  return cost;
}

/* The old way: every review read and saved, in a transaction rolled back. */
static Cost
run_old (SpireStore *store, sqlite3 *db, const char *cohort, gint64 version, guint *n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 t0;
  double c0;
  Cost cost;

  if (!spire_store_begin (store, &error))
    g_error ("%s", error->message);
  t0 = g_get_monotonic_time ();
  c0 = bench_process_cpu_ms ();
  check (db, sqlite3_prepare_v2 (db, "SELECT uuid FROM reviews " STALE_WHERE, -1, &stmt, NULL));
  sqlite3_bind_text (stmt, 1, cohort, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, version);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr (SpireRecord) review = spire_store_get (store, &spire_kind_review,
                                                        uuids->pdata[i], &error);

      if (review == NULL)
        g_error ("%s", error->message);
      spire_record_set_bool (review, "stale", TRUE);
      if (!spire_store_save (store, review, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES, NULL,
                             &error))
        g_error ("%s", error->message);
    }
  cost.wall = (g_get_monotonic_time () - t0) / 1000.0;
  cost.cpu = bench_process_cpu_ms () - c0;
  *n = uuids->len;
  spire_store_rollback (store);
  return cost;
}

/* The bare UPDATE through sqlite3, in a transaction rolled back. */
static Cost
run_floor (sqlite3 *db, const char *cohort, gint64 version, guint *n)
{
  sqlite3_stmt *stmt;
  gint64 t0;
  double c0;
  Cost cost;

  exec (db, "BEGIN IMMEDIATE");
  t0 = g_get_monotonic_time ();
  c0 = bench_process_cpu_ms ();
  check (db, sqlite3_prepare_v2 (db, "UPDATE reviews SET stale = 1 " STALE_WHERE, -1, &stmt, NULL));
  sqlite3_bind_text (stmt, 1, cohort, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, version);
  check (db, sqlite3_step (stmt));
  sqlite3_finalize (stmt);
  cost.wall = (g_get_monotonic_time () - t0) / 1000.0;
  cost.cpu = bench_process_cpu_ms () - c0;
  *n = sqlite3_changes (db);
  exec (db, "ROLLBACK");
  return cost;
}

int
main (int argc, char **argv)
{
  int n = 5;
  gboolean skip_old = FALSE;
  GOptionEntry entries[] = {
    { "repetitions", 'n', 0, G_OPTION_ARG_INT, &n, "Runs of each (5)", "N" },
    { "skip-old", 0, 0, G_OPTION_ARG_NONE, &skip_old, "Not the old way (slow at xlarge)", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GArray) now_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) now_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) old_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) old_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *cohort = NULL;
  sqlite3 *db = NULL;
  gint64 n_reviews = 0;
  gint64 version;
  guint n_now = 0, n_floor = 0, n_old = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n < 1)
    {
      g_printerr ("usage: bench-unfreeze [-n N] [--skip-old] DATABASE\n");
      return 2;
    }
  store = spire_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s: %s", argv[1], error->message);
  spire_store_set_actor (store, "bench-unfreeze");
  check (NULL, sqlite3_open (argv[1], &db));
  exec (db, "PRAGMA mmap_size = 0; PRAGMA cache_size = -8192; PRAGMA busy_timeout = 10000");
  cohort = busiest_cohort (db, &n_reviews);
  if (cohort == NULL)
    g_error ("%s: no reviews", argv[1]);
  rubric = spire_rubric_get_for_cohort (store, cohort, &error);
  if (rubric == NULL)
    g_error ("no rubric: %s", error ? error->message : "");
  version = spire_record_get_int (rubric, "version") + 1;

  /* One of each first, not counted: the pages in the cache for all. */
  run_floor (db, cohort, version, &n_floor);
  run_unfreeze (store, spire_record_get_uuid (rubric), &n_now);
  for (int i = 0; i < n; i++)
    {
      Cost c = run_floor (db, cohort, version, &n_floor);

      add (floor_wall, c.wall);
      add (floor_cpu, c.cpu);
      c = run_unfreeze (store, spire_record_get_uuid (rubric), &n_now);
      add (now_wall, c.wall);
      add (now_cpu, c.cpu);
      if (!skip_old)
        {
          c = run_old (store, db, cohort, version, &n_old);
          add (old_wall, c.wall);
          add (old_cpu, c.cpu);
        }
    }
  if (n_now != n_floor || (!skip_old && n_old != n_now))
    g_error ("not the same reviews: %u, floor %u, old %u", n_now, n_floor, n_old);

  g_print ("bench-unfreeze: %s, the cohort with the most reviews (%" G_GINT64_FORMAT
           " not stale, %u marked); median of %d runs (ms)\n",
           argv[1], n_reviews, n_now, n);
  g_print ("  unfreeze  %9.1f  CPU %9.1f\n", bench_median (now_wall), bench_median (now_cpu));
  g_print ("  floor     %9.1f  CPU %9.1f   (the bare UPDATE)\n", bench_median (floor_wall),
           bench_median (floor_cpu));
  g_print ("  ratio     %9.2f      %9.2f\n", bench_median (now_wall) / bench_median (floor_wall),
           bench_median (now_cpu) / bench_median (floor_cpu));
  if (!skip_old)
    g_print ("  old       %9.1f  CPU %9.1f   (a read and a save per review; %.1f× the floor)\n",
             bench_median (old_wall), bench_median (old_cpu), bench_median (old_cpu) / bench_median (floor_cpu));
  g_print ("  (load average when done: %s)\n", bench_load_average ());
  sqlite3_close (db);
  return 0;
}
