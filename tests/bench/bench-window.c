/* bench-window.c — does the window stay live on a large database?
 *
 *   bench-window [-n N] [--start] DATABASE
 *
 * Issue 11's window rows, measured on the real SpireApp under a display
 * (Xvfb), each run in a process of its own so that every start is cold:
 *
 *   floor    a bare AdwApplicationWindow: from main() to its first painted
 *            frame, and its memory (VmRSS) then;
 *   start    Spire opening DATABASE (the app's own "open" path): main() to
 *            the first painted frame that shows the window's page (not
 *            "loading", no cross-fade running: page_shown), and its memory;
 *   cohort   the largest cohort selected in the sidebar: time to its first
 *            rows on screen (the list model holds rows and a frame was
 *            painted after), the time until all its rows are there, and the
 *            longest gap between two frames meanwhile (the freeze);
 *   scroll   30 notches down the cohort's list and 30 over the sidebar
 *            (the adjustment moved as a wheel notch does, a frame painted
 *            after each): CPU time of the process, all threads, and of its
 *            main thread; the list's floor is the same rows in a stock
 *            column view in the stock first frame (--phase mock-list,
 *            bench-window-frame.c), scrolled the same way; both again with
 *            GTK's cairo renderer (--only scroll with GSK_RENDERER=cairo:
 *            under Xvfb GTK's GL renderer is Mesa's llvmpipe, the GPU's
 *            work done on the CPU, the same for any GTK list);
 *   directory the Startups directory: time to its first rows, longest gap;
 *   ranking  the cohort's Ranking page: time to its first rows, longest gap.
 *   evaluation the cohort's Evaluation tab (its first part, the rubric),
 *            then its Screening, Reviews, Panel, Assignment and Packages parts
 *            and the Assignment part's "Assign Several" dialog: time
 *            until the part is shown and what it reads on a worker is in
 *            (its rows on screen), longest gap; the Panel part's conflicts
 *            of interest scrolled to their end, a frame at a time, until
 *            every one is in their list.
 *
 * Frames are timestamped with the frame clock: a tick callback runs every
 * frame while a load is measured, so a main thread busy for 0.3 s shows as
 * a 0.3 s gap between ticks.  Each figure is the median of N runs (default
 * 3); start (wall and the main thread's CPU) and memory are printed
 * beside the floor with their ratio.
 * Goals (issue 11): first rows ≤ 500 ms, no gap over 100 ms, scroll ≤ 200 ms
 * of CPU, start ≤ 1.2 × the floor and memory ≤ floor + 40 MiB.
 *
 * Run it under a display, from the build tree (it needs the schema):
 *
 *   GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory \
 *   xvfb-run -a -s "-screen 0 1280x800x24" _build/tests/bench/bench-window /tmp/large.db
 *
 * --start measures the start and its two floors only (and the first
 * cohort's first rows after it): a bare window, and the same first frame
 * built from GTK's and libadwaita's own widgets with no database
 * (bench-window-frame.c).  One side alone, for perf or callgrind: --phase
 * floor, --phase mock, --phase start (each exits at its first frame; see
 * bench_frame_keep for what BENCH_WINDOW_SMAPS, _SHOT, _TREE and _NODES
 * keep of it) or --phase spire (every phase).  BENCH_WINDOW_KEEP_SCROLLED=1
 * keeps the same of the frame after the list's scrolling (Spire's and the
 * stock list's); BENCH_PERF_CTL=FIFO profiles that scrolling, or a load, alone (see
 * perf_control).
 *
 * It measures, it does not judge: exit status 0 unless something fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-window"

#include "bench-store.h"
#include "bench-util.h"
#include "bench-window-frame.h"
#include "bench-window-runs.h"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "spire-app.h"
#include "spire-window-private.h"
#include "cohort/spire-application-list.h"
#include "cohort/spire-cohort-page-private.h"
#include "evaluation/spire-assign-several-dialog.h"
#include "evaluation/spire-evaluation-assignment.h"
#include "evaluation/spire-evaluation-packages.h"
#include "evaluation/spire-evaluation-panel.h"
#include "evaluation/spire-evaluation-part.h"
#include "evaluation/spire-evaluation-reviews.h"
#include "evaluation/spire-evaluation-rubric.h"
#include "evaluation/spire-evaluation-screening.h"
#include "sidebar/spire-sidebar-private.h"

#define TIMEOUT_MS 120000

static gint64 t_main;
static gint64 t_first_paint;  /* the first frame that shows the window's page */
static double cpu_first_paint; /* the main thread's CPU time then, ms */
static gint64 t_any_paint;    /* the first frame of any kind */
static double cpu_any_paint;
static gint64 last_tick;
static gint64 max_gap;
static double last_tick_cpu;
static double max_cpu_gap;
static guint64 n_paints;
static const char *database;
static char *only; /* --only ranking|evaluation: those phases alone (for perf/callgrind) */
/* --lists: only the start, the cohort's list, scrolling and the directory. */
static gboolean lists_only;

/* Frames */

/* Spire's window shows its page: not the "loading" page, and no cross-fade
 * to it running.  Until 7 Dec 2026 the start counted the first frame of any
 * kind, which was the "loading" page at the start of its cross-fade to the
 * main page (the main page made and measured, but drawn at opacity 0 and
 * so not rendered): the content came 200 ms of frames later. */
static gboolean
page_shown (GtkWidget *window)
{
  if (!SPIRE_IS_WINDOW (window))
    return TRUE; /* the floor */
  return g_strcmp0 (_spire_window_get_page (SPIRE_WINDOW (window)), "loading") != 0 &&
         !gtk_stack_get_transition_running (_spire_window_get_main_stack (SPIRE_WINDOW (window)));
}

static void
on_after_paint_cb (GdkFrameClock *clock, GtkWidget *window)
{
  n_paints++;
  if (t_any_paint == 0)
    {
      t_any_paint = g_get_monotonic_time ();
      cpu_any_paint = bench_thread_cpu_ms ();
    }
  if (t_first_paint == 0 && page_shown (window))
    {
      t_first_paint = g_get_monotonic_time ();
      cpu_first_paint = bench_thread_cpu_ms ();
    }
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  double cpu = bench_thread_cpu_ms ();

  if (last_tick != 0)
    {
      max_gap = MAX (max_gap, now - last_tick);
      max_cpu_gap = MAX (max_cpu_gap, cpu - last_tick_cpu);
      /* BENCH_WINDOW_GAPS=1: every frame gap with over 15 ms of main-thread
       * CPU, on the monotonic clock (perf record -k CLOCK_MONOTONIC). */
      if (g_getenv ("BENCH_WINDOW_GAPS") && cpu - last_tick_cpu > 15)
        g_printerr ("gap at %.1f ms: %.1f ms, CPU %.1f ms\n", now / 1000.0,
                    (now - last_tick) / 1000.0, cpu - last_tick_cpu);
    }
  last_tick = now;
  last_tick_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
on_realize_cb (GtkWidget *window, gpointer user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), window);
}

/* Waits for a frame painted after now. */
static void
wait_paint (void)
{
  guint64 n = n_paints;

  while (n_paints == n)
    g_main_context_iteration (NULL, TRUE);
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static double
rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

/* The floor: a bare window */

static void
floor_activate_cb (GApplication *app, gpointer user_data)
{
  gboolean mock = GPOINTER_TO_INT (user_data);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;

  /* The mock reads the icon theme in GTK's thread, as Spire does
   * (spire_app_startup): a GTK quirk, not the frame's cost. */
  if (mock)
    g_object_notify (G_OBJECT (gtk_settings_get_default ()), "gtk-icon-theme-name");
  window = mock ? bench_frame_mock_new (GTK_APPLICATION (app))
                : adw_application_window_new (GTK_APPLICATION (app));

  /* The size Spire's window opens at (its settings; with the memory
   * backend their defaults, 1280 × 800): the renderer's buffers grow with
   * the window, and a smaller floor counted them against Spire (until
   * 6 Dec 2026 the floor was 1000 × 700). */
  gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* 30 wheel notches down (GtkScrolledWindow moves page^(2/3) a notch),
 * back to the top at the end; the CPU time of the process.  A list that
 * fits its view (the small demo's sidebar) has nothing to scroll: no
 * figure. */
/* BENCH_PERF_CTL=FIFO: perf's control FIFO (perf record -D -1
 * --control fifo:FIFO), so that a profile holds one phase alone: the
 * list's scrolling, or BENCH_PERF_PHASE's (sidebar: its scrolling;
 * cohort, directory, ranking…: that load, until its frames settle). */
static void
perf_control (const char *what, const char *command)
{
  const char *path = g_getenv ("BENCH_PERF_CTL");
  const char *which = g_getenv ("BENCH_PERF_PHASE") ? g_getenv ("BENCH_PERF_PHASE") : "list";
  FILE *fifo = path && g_str_equal (what, which) ? fopen (path, "w") : NULL;

  if (fifo == NULL)
    return;
  fprintf (fifo, "%s\n", command);
  fclose (fifo);
}

static void
scroll (const char *what, GtkAdjustment *adj)
{
  double t0 = cpu_ms ();
  double m0 = bench_thread_cpu_ms ();
  gint64 w0 = g_get_monotonic_time ();

  if (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) < 1)
    return;
  perf_control (what, "enable");

  for (int i = 0; i < 30; i++)
    {
      double page = gtk_adjustment_get_page_size (adj);
      double step = pow (page, 2.0 / 3.0);
      double value = gtk_adjustment_get_value (adj) + step;

      if (value > gtk_adjustment_get_upper (adj) - page)
        value = 0;
      gtk_adjustment_set_value (adj, value);
      wait_paint ();
    }
  perf_control (what, "disable");
  g_print ("scroll_%s_cpu %.1f\nscroll_%s_main %.1f\nscroll_%s_wall %.1f\n", what,
           cpu_ms () - t0, what, bench_thread_cpu_ms () - m0, what, bench_ms_since (w0));
}

/* The scroll's floor (--phase mock-list): the mock's frame with the
 * largest cohort's rows in a stock column view (bench-window-frame.c),
 * scrolled as Spire's list is.  The rows' texts are read with SQL here,
 * none of Spire's code: title, startup, challenge, status and day. */
static GListModel *
mock_rows (void)
{
  GtkStringList *rows = gtk_string_list_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *sql =
    "SELECT a.title, s.name, coalesce (c.title, ''), a.status, substr (a.submitted_at, 1, 10) "
    "FROM applications a JOIN startups s ON s.uuid = a.startup "
    "LEFT JOIN challenges c ON c.uuid = a.challenge "
    "WHERE a.cohort = (SELECT cohort FROM applications GROUP BY cohort ORDER BY count(*) DESC "
    "LIMIT 1) ORDER BY a.title";

  if (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("mock-list: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *row = g_strdup_printf (
        "%s\t%s\t%s\t%s\t%s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
        sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3),
        sqlite3_column_text (stmt, 4) ? (const char *) sqlite3_column_text (stmt, 4) : "");

      gtk_string_list_append (rows, row);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return G_LIST_MODEL (rows);
}

static void
scroll_mock_list (void)
{
  g_autoptr (GListModel) rows = mock_rows ();
  GtkWidget *view = bench_frame_mock_set_rows (rows);

  g_print ("cohort_size %u\n", g_list_model_get_n_items (rows));
  wait_paint ();
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  scroll ("list", gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
  if (g_getenv ("BENCH_WINDOW_KEEP_SCROLLED"))
    bench_frame_keep (GTK_WIDGET (gtk_widget_get_root (view)));
}

static int
run_floor (gboolean mock, gboolean list)
{
  g_autoptr (AdwApplication) app = adw_application_new ("no.spire.Spire.BenchFloor",
                                                        G_APPLICATION_NON_UNIQUE);
  gboolean done = FALSE;

  /* The mock looks its icons up where Spire does (GtkApplication adds the
   * base path's "icons" to the icon theme's resource paths). */
  if (mock)
    g_application_set_resource_base_path (G_APPLICATION (app), "/no/spire/Spire");
  g_signal_connect (app, "activate", G_CALLBACK (floor_activate_cb), GINT_TO_POINTER (mock));
  g_application_hold (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  while (!done)
    {
      g_main_context_iteration (NULL, TRUE);
      done = t_first_paint != 0;
    }
  g_print ("start %.1f\nstart_cpu %.1f\nrss %.1f\n", (t_first_paint - t_main) / 1000.0,
           cpu_first_paint, rss_mib ());
  bench_frame_keep (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app))));
  if (list)
    scroll_mock_list ();
  return 0;
}

/* Spire */

typedef struct
{
  SpireWindow *window;
  guint n_expected;
} Drive;

static gboolean
painted_once (gpointer data)
{
  return t_first_paint != 0;
}

static gboolean
cohort_has_rows (gpointer data)
{
  Drive *d = data;
  SpireCohortPage *page = _spire_window_get_cohort_page (d->window);

  return g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (page))) > 0;
}

static gboolean
cohort_complete (gpointer data)
{
  Drive *d = data;
  SpireCohortPage *page = _spire_window_get_cohort_page (d->window);

  return g_list_model_get_n_items (spire_cohort_page_get_applications (page)) >= d->n_expected;
}

static gboolean
directory_has_rows (gpointer data)
{
  Drive *d = data;

  return _spire_record_list_page_get_cell (_spire_window_get_directory_page (d->window), 0, 0) !=
         NULL;
}

/* Every startup in the directory's model (they come in slices). */
static gboolean
directory_complete (gpointer data)
{
  Drive *d = data;

  return !_spire_record_list_page_is_loading (_spire_window_get_directory_page (d->window));
}

/* The Ranking page: its first rows on screen, then all of them in (the
 * page no longer busy). */
static gboolean
ranking_has_rows (gpointer data)
{
  Drive *d = data;
  SpireRankingPage *page = _spire_window_get_ranking_page (d->window);

  return g_list_model_get_n_items (G_LIST_MODEL (spire_ranking_page_get_model (page))) > 0;
}

static gboolean
ranking_complete (gpointer data)
{
  Drive *d = data;

  return ranking_has_rows (data) &&
         !spire_ranking_page_get_busy (_spire_window_get_ranking_page (d->window));
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The Evaluation page's part of @type, found as a user sees it. */
static SpireEvaluationPart *
evaluation_part (Drive *d, GType type)
{
  GtkWidget *w = find_type (GTK_WIDGET (_spire_window_get_evaluation_page (d->window)), type);

  if (w == NULL)
    g_error ("no evaluation part of type %s", g_type_name (type));
  return SPIRE_EVALUATION_PART (w);
}

static gboolean
part_shown (SpireEvaluationPart *part)
{
  return gtk_widget_get_mapped (GTK_WIDGET (part)) && !spire_evaluation_part_is_stale (part);
}

static gboolean
rubric_shown (gpointer data)
{
  return part_shown (evaluation_part (data, SPIRE_TYPE_EVALUATION_RUBRIC));
}

/* Shown, and what it reads on a worker is in. */
static gboolean
part_loaded (Drive *d, GType type)
{
  SpireEvaluationPart *part = evaluation_part (d, type);

  return part_shown (part) && !spire_evaluation_part_is_loading (part);
}

static gboolean
screening_shown (gpointer data)
{
  return part_loaded (data, SPIRE_TYPE_EVALUATION_SCREENING);
}

static gboolean
reviews_shown (gpointer data)
{
  return part_loaded (data, SPIRE_TYPE_EVALUATION_REVIEWS);
}

static gboolean
panel_shown (gpointer data)
{
  return part_loaded (data, SPIRE_TYPE_EVALUATION_PANEL);
}

static gboolean
assignment_shown (gpointer data)
{
  return part_loaded (data, SPIRE_TYPE_EVALUATION_ASSIGNMENT);
}

static gboolean
packages_shown (gpointer data)
{
  return part_loaded (data, SPIRE_TYPE_EVALUATION_PACKAGES);
}

/* Starts the frame ticker, runs @start, waits for @cond and a frame after
 * it, then for @done (NULL: @cond): prints "<what>_rows" and
 * "<what>_gap" (ms). */
static void
measure_load (const char *what, Drive *d, void (*start) (Drive *), gboolean (*cond) (gpointer),
              gboolean (*done) (gpointer))
{
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (d->window), tick_cb, NULL, NULL);
  gint64 t0;

  wait_paint ();
  max_gap = 0;
  max_cpu_gap = 0;
  last_tick = g_get_monotonic_time ();
  last_tick_cpu = bench_thread_cpu_ms ();
  t0 = g_get_monotonic_time ();
  if (g_getenv ("BENCH_WINDOW_GAPS"))
    g_printerr ("%s starts at %.1f ms\n", what, t0 / 1000.0);
  perf_control (what, "enable");
  start (d);
  if (!bench_wait_for (cond, d, TIMEOUT_MS))
    g_error ("%s: no rows after %d ms", what, TIMEOUT_MS);
  wait_paint ();
  g_print ("%s_rows %.1f\n", what, bench_ms_since (t0));
  if (done != NULL && !bench_wait_for (done, d, TIMEOUT_MS))
    g_error ("%s: not complete after %d ms", what, TIMEOUT_MS);
  wait_paint ();
  g_print ("%s_done %.1f\n", what, bench_ms_since (t0));
  /* Whatever a load leaves for later (an idle, a second step) counts. */
  for (int i = 0; i < 10; i++)
    wait_paint ();
  perf_control (what, "disable");
  g_print ("%s_gap %.1f\n%s_cpu_gap %.1f\n", what, max_gap / 1000.0, what, max_cpu_gap);
  gtk_widget_remove_tick_callback (GTK_WIDGET (d->window), id);
}

static char *cohort_uuid;

static void
select_cohort (Drive *d)
{
  g_assert (spire_sidebar_select_cohort (_spire_window_get_sidebar (d->window), cohort_uuid));
}

static void
select_directory (Drive *d)
{
  g_assert (spire_sidebar_select_directory (_spire_window_get_sidebar (d->window), "startups"));
}

/* The cohort is selected again (from the directory) before the Ranking
 * view is shown, and measured on its own ("reselect"): a 95 ms frame there
 * is the window's showing the cohort again, not the ranking's. */
static void
show_ranking (Drive *d)
{
  adw_view_stack_set_visible_child_name (d->window->cohort_views, "ranking");
}

static void
show_evaluation (Drive *d)
{
  adw_view_stack_set_visible_child_name (d->window->cohort_views, "evaluation");
}

static void
show_screening (Drive *d)
{
  spire_evaluation_page_show_part (_spire_window_get_evaluation_page (d->window), "screening");
}

static void
show_reviews (Drive *d)
{
  spire_evaluation_page_show_part (_spire_window_get_evaluation_page (d->window), "reviews");
}

static void
show_panel (Drive *d)
{
  spire_evaluation_page_show_part (_spire_window_get_evaluation_page (d->window), "panel");
}

/* The Panel part's conflicts of interest (370 in xlarge's largest
 * cohort), found as a user sees them: the list view styled "conflicts". */
static GtkListView *
conflicts_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "conflicts"))
    return GTK_LIST_VIEW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkListView *found = conflicts_view (c);

      if (found)
        return found;
    }
  return NULL;
}

static guint n_conflicts;
static guint conflicts_tick;

/* Each frame the list scrolled to its end, as a user dragging its
 * scrollbar down: every conflict's row is made on the way (a list that
 * holds only the rows near those in sight makes them now). */
static gboolean
conflicts_end_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (data));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  return G_SOURCE_CONTINUE;
}

static void
scroll_conflicts (Drive *d)
{
  GtkListView *view = conflicts_view (GTK_WIDGET (d->window));
  SpireEvaluationPart *part = evaluation_part (d, SPIRE_TYPE_EVALUATION_PANEL);
  g_autoptr (GPtrArray) conflicts = spire_conflicts_list (spire_evaluation_part_get_store (part),
                                                          cohort_uuid, NULL);

  g_assert (view != NULL && conflicts != NULL);
  n_conflicts = conflicts->len;
  conflicts_tick = gtk_widget_add_tick_callback (GTK_WIDGET (d->window), conflicts_end_tick_cb,
                                                 view, NULL);
}

/* Every conflict in the list and the list at its end. */
static gboolean
conflicts_all_in (gpointer data)
{
  Drive *d = data;
  GtkListView *view = conflicts_view (GTK_WIDGET (d->window));
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));

  if (n < n_conflicts || gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) <
                           gtk_adjustment_get_upper (adj) - 1)
    return FALSE;
  gtk_widget_remove_tick_callback (GTK_WIDGET (d->window), conflicts_tick);
  g_print ("conflicts_n %u\n", n);
  return TRUE;
}

static void
show_assignment (Drive *d)
{
  spire_evaluation_page_show_part (_spire_window_get_evaluation_page (d->window), "assignment");
}

/* "Assign Several…" (every assignable application of the cohort, 40 000
 * at xlarge): until the dialog is shown, and until its list has all rows. */
static void
open_several (Drive *d)
{
  gtk_widget_activate_action (GTK_WIDGET (evaluation_part (d, SPIRE_TYPE_EVALUATION_ASSIGNMENT)),
                              "evaluation.assign-several", NULL);
}

static SpireAssignSeveralDialog *
several_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (w))
        return SPIRE_ASSIGN_SEVERAL_DIALOG (w);
    }
  return NULL;
}

static gboolean
several_shown (gpointer data)
{
  SpireAssignSeveralDialog *dialog = several_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
several_complete (gpointer data)
{
  SpireAssignSeveralDialog *dialog = several_dialog ();

  return dialog != NULL && !spire_assign_several_dialog_is_loading (dialog);
}

static void
close_several (void)
{
  SpireAssignSeveralDialog *dialog = several_dialog ();

  g_print ("several_offered %u\n", dialog ? spire_assign_several_dialog_get_n_offered (dialog) : 0);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  wait_paint ();
}

static void
show_packages (Drive *d)
{
  spire_evaluation_page_show_part (_spire_window_get_evaluation_page (d->window), "packages");
}

static void
drive (SpireWindow *window)
{
  Drive d = { window, 0 };
  SpireCohortPage *page;
  GtkWidget *view;
  GtkWidget *sidebar_scroller;

  cohort_uuid = bench_largest_cohort (spire_window_get_store (window), &d.n_expected);
  g_print ("cohort_size %u\n", d.n_expected);
  if (g_strcmp0 (only, "ranking") == 0)
    {
      measure_load ("cohort", &d, select_cohort, cohort_has_rows, cohort_complete);
      measure_load ("directory", &d, select_directory, directory_has_rows, NULL);
      measure_load ("reselect", &d, select_cohort, cohort_has_rows, NULL);
      measure_load ("ranking", &d, show_ranking, ranking_has_rows, ranking_complete);
      return;
    }
  if (g_strcmp0 (only, "evaluation") == 0)
    {
      measure_load ("cohort", &d, select_cohort, cohort_has_rows, cohort_complete);
      measure_load ("evaluation", &d, show_evaluation, rubric_shown, NULL);
      measure_load ("screening", &d, show_screening, screening_shown, NULL);
      measure_load ("reviews", &d, show_reviews, reviews_shown, NULL);
      measure_load ("panel", &d, show_panel, panel_shown, NULL);
      measure_load ("conflicts", &d, scroll_conflicts, conflicts_all_in, NULL);
      measure_load ("assignment", &d, show_assignment, assignment_shown, NULL);
      measure_load ("packages", &d, show_packages, packages_shown, NULL);
      measure_load ("assignment", &d, show_assignment, assignment_shown, NULL);
      measure_load ("several", &d, open_several, several_shown, several_complete);
      close_several ();
      return;
    }

  measure_load ("cohort", &d, select_cohort, cohort_has_rows, cohort_complete);
  g_print ("rss_cohort %.1f\n", rss_mib ());

  page = _spire_window_get_cohort_page (window);
  view = GTK_WIDGET (spire_application_list_get_column_view (_spire_cohort_page_get_list (page)));
  scroll ("list", gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
  if (g_getenv ("BENCH_WINDOW_KEEP_SCROLLED"))
    bench_frame_keep (GTK_WIDGET (window));
  sidebar_scroller = gtk_widget_get_ancestor (
    GTK_WIDGET (_spire_sidebar_get_list (_spire_window_get_sidebar (window))),
    GTK_TYPE_SCROLLED_WINDOW);
  scroll ("sidebar",
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sidebar_scroller)));

  if (g_strcmp0 (only, "scroll") == 0)
    return;
  measure_load ("directory", &d, select_directory, directory_has_rows, directory_complete);
  if (lists_only)
    return;
  measure_load ("reselect", &d, select_cohort, cohort_has_rows, NULL);
  measure_load ("ranking", &d, show_ranking, ranking_has_rows, ranking_complete);
  measure_load ("evaluation", &d, show_evaluation, rubric_shown, NULL);
  measure_load ("screening", &d, show_screening, screening_shown, NULL);
  measure_load ("reviews", &d, show_reviews, reviews_shown, NULL);
  measure_load ("panel", &d, show_panel, panel_shown, NULL);
  measure_load ("conflicts", &d, scroll_conflicts, conflicts_all_in, NULL);
  measure_load ("assignment", &d, show_assignment, assignment_shown, NULL);
  measure_load ("packages", &d, show_packages, packages_shown, NULL);
  measure_load ("assignment", &d, show_assignment, assignment_shown, NULL);
  measure_load ("several", &d, open_several, several_shown, several_complete);
  close_several ();
}

static void
on_window_added_cb (GtkApplication *app, GtkWindow *window, gpointer user_data)
{
  if (SPIRE_IS_WINDOW (window))
    {
      *(SpireWindow **) user_data = SPIRE_WINDOW (window);
      g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
    }
}

/* --phase start: only the start, for perf or callgrind */
static gboolean start_only;
/* --phase start-rows (what --start runs): the start, then its cohort's
 * first rows */
static gboolean start_rows;

/* After the first frame, the first cohort's first rows on screen (since
 * 7 Dec 2026 its listing is read after the first frame, which shows the
 * list loading): time since main() and since the first frame, and the
 * longest frame gap between (wall clock, main-thread CPU). */
static void
measure_start_rows (SpireWindow *window)
{
  Drive d = { window, 0 };
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, NULL, NULL);

  max_gap = 0;
  max_cpu_gap = 0;
  last_tick = t_first_paint;
  last_tick_cpu = cpu_first_paint;
  if (!bench_wait_for (cohort_has_rows, &d, TIMEOUT_MS))
    g_error ("start: no rows after %d ms", TIMEOUT_MS);
  wait_paint ();
  g_print ("start_rows %.1f\nstart_rows_after %.1f\n", bench_ms_since (t_main),
           bench_ms_since (t_first_paint));
  g_print ("start_rows_gap %.1f\nstart_rows_cpu_gap %.1f\n", max_gap / 1000.0, max_cpu_gap);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);
}

static int
run_spire (void)
{
  g_autoptr (SpireApp) app = spire_app_new ("no.spire.Spire.BenchWindow",
                                            G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (database);
  SpireWindow *window = NULL;

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), &window);
  g_application_hold (G_APPLICATION (app));
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  bench_wait_for (painted_once, NULL, TIMEOUT_MS);
  g_print ("start %.1f\nstart_cpu %.1f\nrss %.1f\n", (t_first_paint - t_main) / 1000.0,
           cpu_first_paint, rss_mib ());
  g_print ("start_any %.1f\nstart_any_cpu %.1f\n", (t_any_paint - t_main) / 1000.0, cpu_any_paint);
  g_assert (window != NULL && spire_window_get_store (window) != NULL);
  if (start_only && !start_rows)
    {
      bench_frame_keep (GTK_WIDGET (window));
      /* Nothing after the first frame is counted (callgrind, perf). */
      fflush (stdout);
      _exit (0);
    }
  measure_start_rows (window);
  if (start_only)
    {
      fflush (stdout);
      _exit (0);
    }
  drive (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  return 0;
}

int
main (int argc, char **argv)
{
  g_autofree char *phase = NULL;
  int n = 3;
  GOptionEntry entries[] = {
    { "repetitions", 'n', 0, G_OPTION_ARG_INT, &n, "Runs of each (3)", "N" },
    { "start", 0, 0, G_OPTION_ARG_NONE, &start_only, "Only the start and its floor", NULL },
    { "phase", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &phase, NULL, NULL },
    { "only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &only, NULL, NULL },
    { "lists", 0, 0, G_OPTION_ARG_NONE, &lists_only,
      "Only the cohort's list, scrolling and the directory", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr (GError) error = NULL;

  t_main = g_get_monotonic_time ();
  /* As the app's main: the translations too (LANGUAGE=nb with
   * SPIRE_LOCALEDIR=_build/po). */
  spire_locale_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n < 1)
    {
      g_printerr ("usage: bench-window [-n N] [--start] [--lists] DATABASE\n");
      return 2;
    }
  database = argv[1];
  /* BENCH_HINTSTYLE=hintslight: the font hinting GNOME's settings give
   * (Xvfb has no settings daemon, and GTK's X11 fallback is "hintfull":
   * FreeType runs each DejaVu glyph's TrueType bytecode). Both phases. */
  if (phase != NULL && g_getenv ("BENCH_HINTSTYLE"))
    {
      gtk_init ();
      g_object_set (gtk_settings_get_default (), "gtk-xft-hintstyle", g_getenv ("BENCH_HINTSTYLE"), NULL);
    }
  if (g_strcmp0 (phase, "floor") == 0 || g_strcmp0 (phase, "mock") == 0 ||
      g_strcmp0 (phase, "mock-list") == 0)
    return run_floor (!g_str_equal (phase, "floor"), g_str_equal (phase, "mock-list"));
  if (g_strcmp0 (phase, "start") == 0 || g_strcmp0 (phase, "start-rows") == 0)
    start_only = TRUE;
  start_rows = g_strcmp0 (phase, "start-rows") == 0;
  if (phase != NULL && (g_str_equal (phase, "spire") || start_only))
    return run_spire ();
  return bench_window_runs (argv[0], database, n, start_only, lists_only);
}
