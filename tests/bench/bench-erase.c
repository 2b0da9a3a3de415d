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

#include "spire-core.h"

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
  GtkWidget *window, *spinner;
  int runs = 3;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs (default 3)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DATABASE");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("bench-erase [-n N] DATABASE\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  path = copy_database (argv[1], &dir);
  persons = people (path, (guint) runs * 2);
  if (persons->len < (guint) runs * 2)
    g_error ("%s: too few applicants", argv[1]);
  store = spire_store_open (path, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_window_set_child (GTK_WINDOW (window), spinner);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_widget_add_tick_callback (spinner, on_tick_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_ms (500);

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
