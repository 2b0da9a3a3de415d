/* bench-erase.c — does erasing personal data freeze the window?
 *
 *   xvfb-run -a bench-erase [-n N] DATABASE
 *
 * Erasing a person (or retention's people) ends in a VACUUM of the whole
 * file (DESIGN.md: no trace left), seconds on the large demo.  Until
 * 7 Dec 2026 the People page ran it on the main thread; now it runs in
 * core's worker (spire_person_erase_async).  On a copy of DATABASE (made
 * in a temporary folder and removed afterwards: DATABASE is not changed),
 * with a window whose spinner asks for every frame, N runs of:
 *
 *   floor   the window idle for a second: its longest frame gap;
 *   before  spire_person_erase () called on the main thread, as the page
 *           did: the longest gap while it runs (and how long it took);
 *   after   spire_person_erase_async (), as the page does now: the
 *           longest gap from the call to its callback, and the time.
 *
 * Each run erases another applicant's contact person.  Prints the medians
 * (ms), the main thread's CPU time in the phase, the ratios to the floor
 * and the load average.  It measures, it does not judge.
 *
 *   xvfb-run -a bench-erase --retention [-n N] DATABASE
 *
 * Retention instead: on a fresh copy each run, with the closed cohorts'
 * personal data kept 6 months, spire_retention_apply_async () on
 * 2030-01-01 (everyone due erased with one scan of every text), against
 * its floor on the same copy: every text column the erase reads, read
 * once and case-folded once (the least any search of them does), plus
 * the VACUUM that leaves no trace.  Prints the people due, the medians,
 * the process's CPU, the ratio to the floor and the window's longest gap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-erase"

#include "bench-util.h"
#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <time.h>

#include "spire-core.h"
#include "spire-privacy-private.h"

/* The frame clock's gaps, while measuring */
static gboolean measuring;
static gint64 last_frame, longest_gap;

static gboolean
on_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (measuring && last_frame != 0)
    longest_gap = MAX (longest_gap, now - last_frame);
  last_frame = now;
  return G_SOURCE_CONTINUE;
}

static void
measure_start (void)
{
  last_frame = 0;
  longest_gap = 0;
  measuring = TRUE;
}

static gboolean
on_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
spin_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_flag_cb, &done);
  spin_until (&done);
}

/* Applicants' contact people, one a run (the first ones the file holds). */
static GPtrArray *
people (const char *path, guint n)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT DISTINCT contact FROM applications WHERE contact IS NOT NULL "
                          "ORDER BY uuid LIMIT ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_bind_int (stmt, 1, (int) n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static char *
copy_database (const char *from, char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) dest = NULL;
  char *path;

  *dir = g_dir_make_tmp ("bench-erase-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "spire.db", NULL);
  dest = g_file_new_for_path (path);
  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  return path;
}

/* The copy, what SQLite keeps beside it, and its folder. */
static void
remove_copy (const char *dir, const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static void
on_erased_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpirePersonTraces) traces = spire_person_erase_finish (SPIRE_STORE (source), result,
                                                                    &error);

  if (traces == NULL)
    g_error ("erase: %s", error->message);
  *(gboolean *) data = TRUE;
}

/* One phase: the longest gap (ms), the wall time of the work (ms) and the
 * main thread's CPU time over the phase (ms). */
static void
phase (GHashTable *figures, const char *name, SpireStore *store, const char *person)
{
  g_autofree char *gap_key = g_strconcat (name, ".gap", NULL);
  g_autofree char *time_key = g_strconcat (name, ".time", NULL);
  g_autofree char *cpu_key = g_strconcat (name, ".cpu", NULL);
  g_autoptr (GError) error = NULL;
  double cpu;
  gint64 t;

  measure_start ();
  spin_ms (100);
  cpu = bench_thread_cpu_ms ();
  t = g_get_monotonic_time ();
  if (person == NULL)
    spin_ms (1000);
  else if (g_str_equal (name, "before"))
    {
      g_autoptr (SpirePersonTraces) traces = NULL;

      if (!spire_person_erase (store, person, FALSE, &traces, &error))
        g_error ("erase: %s", error->message);
    }
  else
    {
      gboolean done = FALSE;

      spire_person_erase_async (store, person, NULL, on_erased_cb, &done);
      spin_until (&done);
    }
  bench_figure_add (figures, time_key, bench_ms_since (t));
  spin_ms (100);
  measuring = FALSE;
  bench_figure_add (figures, cpu_key, bench_thread_cpu_ms () - cpu);
  bench_figure_add (figures, gap_key, longest_gap / 1000.0);
}

static void
print_phase (GHashTable *figures, const char *name, const char *label)
{
  g_autofree char *gap_key = g_strconcat (name, ".gap", NULL);
  g_autofree char *time_key = g_strconcat (name, ".time", NULL);
  g_autofree char *cpu_key = g_strconcat (name, ".cpu", NULL);
  double floor_gap = bench_figure_median (figures, "floor.gap");
  double gap = bench_figure_median (figures, gap_key);

  g_print ("%-34s longest gap %8.1f ms (%.1f× floor)  main-thread CPU %8.1f ms  time %8.1f ms\n",
           label, gap, floor_gap > 0 ? gap / floor_gap : 0, bench_figure_median (figures, cpu_key),
           bench_figure_median (figures, time_key));
}

/* A window whose spinner asks for every frame (on_tick_cb). */
static GtkWidget *
spinning_window (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_window_set_child (GTK_WINDOW (window), spinner);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_widget_add_tick_callback (spinner, on_tick_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_ms (500);
  return window;
}

#define RETENTION_TODAY "2030-01-01"

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* One column read and each text folded, as the erase's scan must. */
static void
read_column (sqlite3 *db, const char *table, const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM %s WHERE \"%s\" IS NOT NULL",
                                          column, table, column);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_free (_spire_case_fold ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
}

/* The floor: every text column the erase reads (spire-person-scan.c:
 * the kinds' texts but system, secret and personal fields, and the
 * audit's who, before and after), once; then the VACUUM. */
static void
retention_floor (GHashTable *figures, const char *path)
{
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  sqlite3 *db = NULL;
  gint64 t = g_get_monotonic_time ();
  double cpu = bench_process_cpu_ms ();

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA mmap_size = 0; PRAGMA cache_size = -8192");
  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      {
        const SpireField *f = &kinds[k]->fields[i];

        if ((f->type == SPIRE_FIELD_TEXT || f->type == SPIRE_FIELD_JSON) &&
            !(f->flags & (SPIRE_FIELD_SYSTEM | SPIRE_FIELD_SECRET | SPIRE_FIELD_PERSONAL)))
          read_column (db, kinds[k]->table, f->name);
      }
  read_column (db, "audit", "who");
  read_column (db, "audit", "before");
  read_column (db, "audit", "after");
  bench_figure_add (figures, "floor.read", bench_ms_since (t));
  t = g_get_monotonic_time ();
  exec_or_die (db, "VACUUM");
  bench_figure_add (figures, "floor.vacuum", bench_ms_since (t));
  bench_figure_add (figures, "floor.cpu", bench_process_cpu_ms () - cpu);
  sqlite3_close (db);
}

static void
on_retention_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRetentionResult) done = spire_retention_apply_finish (SPIRE_STORE (source),
                                                                       result, &error);

  if (done == NULL)
    g_error ("retention: %s", error->message);
  *(guint *) data = done->n_erased + 1;
}

/* One run on a fresh copy: the floor, then retention under the window. */
static void
retention_run (GHashTable *figures, const char *source, guint *n_due)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_database (source, &dir);
  sqlite3 *db = NULL;
  guint done = 0;
  gint64 t;
  double cpu;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "UPDATE cohorts SET retention_months = 6 WHERE phase = 'closed'");
  sqlite3_close (db);
  retention_floor (figures, path);

  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  measure_start ();
  spin_ms (100);
  cpu = bench_process_cpu_ms ();
  t = g_get_monotonic_time ();
  spire_retention_apply_async (store, RETENTION_TODAY, NULL, NULL, NULL, on_retention_done_cb,
                               &done);
  while (done == 0)
    g_main_context_iteration (NULL, TRUE);
  bench_figure_add (figures, "retention.time", bench_ms_since (t));
  bench_figure_add (figures, "retention.cpu", bench_process_cpu_ms () - cpu);
  measuring = FALSE;
  bench_figure_add (figures, "retention.gap", longest_gap / 1000.0);
  *n_due = done - 1;
  g_clear_object (&store);
  remove_copy (dir, path);
}

static void
retention_report (GHashTable *figures, const char *database, int runs, guint n_due)
{
  double read = bench_figure_median (figures, "floor.read");
  double vacuum = bench_figure_median (figures, "floor.vacuum");
  double time = bench_figure_median (figures, "retention.time");

  g_print ("bench-erase --retention: %s (%d runs, medians; load average %s)\n", database, runs,
           bench_load_average ());
  g_print ("floor: read + fold every text once %8.1f ms, VACUUM %8.1f ms, CPU %8.1f ms\n", read,
           vacuum, bench_figure_median (figures, "floor.cpu"));
  g_print ("retention of %u people on %s:     %8.1f ms (%.2f× floor %.1f ms)  CPU %8.1f ms  "
           "window's longest gap %.1f ms\n",
           n_due, RETENTION_TODAY, time, time / (read + vacuum), read + vacuum,
           bench_figure_median (figures, "retention.cpu"),
           bench_figure_median (figures, "retention.gap"));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkWidget *window;
  int runs = 3;
  gboolean retention = FALSE;
  guint n_due = 0;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs (default 3)", "N" },
    { "retention", 0, 0, G_OPTION_ARG_NONE, &retention,
      "Time retention of the closed cohorts' people against one read of every text", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DATABASE");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("bench-erase [--retention] [-n N] DATABASE\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  if (retention)
    {
      window = spinning_window ();
      for (int i = 0; i < runs; i++)
        retention_run (figures, argv[1], &n_due);
      retention_report (figures, argv[1], runs, n_due);
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  path = copy_database (argv[1], &dir);
  persons = people (path, (guint) runs * 2);
  if (persons->len < (guint) runs * 2)
    g_error ("%s: too few applicants", argv[1]);
  store = spire_store_open (path, &error);
  g_assert_no_error (error);

  window = spinning_window ();

  for (int i = 0; i < runs; i++)
    {
      phase (figures, "floor", store, NULL);
      phase (figures, "before", store, persons->pdata[2 * i]);
      phase (figures, "after", store, persons->pdata[2 * i + 1]);
    }
  g_print ("bench-erase: %s (%d runs, medians; load average %s)\n", argv[1], runs,
           bench_load_average ());
  print_phase (figures, "floor", "floor: window idle");
  print_phase (figures, "before", "before: erase on the main thread");
  print_phase (figures, "after", "after: spire_person_erase_async");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  remove_copy (dir, path);
  return 0;
}
