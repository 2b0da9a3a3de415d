/* bench-window-runs.c — bench-window's parent: runs each phase N times,
 * each in a process of its own (so that every start is cold), gathers
 * the figures they print ("name value" lines) and prints their medians
 * beside their floors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"
#include "bench-window-runs.h"

static const char *database;
static gboolean start_only; /* --start: the start and its floors */
static gboolean lists_only; /* --lists: the record lists' phases */


static void
add_figures (GHashTable *figures, const char *output)
{
  g_auto (GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (lines[i], " ", 2);

      if (kv[0] != NULL && kv[1] != NULL)
        bench_figure_add (figures, kv[0], g_ascii_strtod (kv[1], NULL));
    }
}

/* Each kind of run's figures: name → a GArray of its values, a value a run */
typedef struct
{
  GHashTable *spire;       /* Spire, every phase (or --start's) */
  GHashTable *floor;       /* a bare window */
  GHashTable *mock;        /* the same first frame from stock widgets */
  GHashTable *mock_list;   /* that frame with the cohort's rows, scrolled */
  GHashTable *spire_cairo; /* Spire's scrolling with GTK's cairo renderer */
  GHashTable *mock_cairo;  /* the stock list's, the same */
} Figures;

static GHashTable *
figures_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

/* @only: NULL or what --only runs; @renderer: NULL (GTK's choice) or
 * GSK_RENDERER's value; the child's figures are added to @figures under
 * their names */
static void
run_child (const char *self, const char *phase, const char *only_phase, const char *renderer,
           GHashTable *figures)
{
  const char *argv[] = { self,
                         "--phase",
                         phase,
                         database,
                         only_phase ? "--only" : lists_only ? "--lists" : NULL,
                         only_phase,
                         NULL };
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (renderer)
    envp = g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", phase, error->message);
  add_figures (figures, out);
}

/* The start beside its two floors (bare window, stock frame) */
static void
report_start (Figures *f)
{
  GHashTable *spire = f->spire, *floor = f->floor, *mock = f->mock;
  double start_mock = bench_figure_median (mock, "start");
  double cpu_mock = bench_figure_median (mock, "start_cpu");
  double start = bench_figure_median (spire, "start"), start_floor = bench_figure_median (floor, "start");
  double rss = bench_figure_median (spire, "rss"), rss_floor = bench_figure_median (floor, "rss");

  g_print ("  start to first frame   %8.1f  floor %8.1f  ratio %.2f  (goal ≤ 1.2)\n", start,
           start_floor, start / start_floor);
  g_print ("  its main thread's CPU  %8.1f  floor %8.1f  ratio %.2f\n",
           bench_figure_median (spire, "start_cpu"), bench_figure_median (floor, "start_cpu"),
           bench_figure_median (spire, "start_cpu") / bench_figure_median (floor, "start_cpu"));
  g_print ("  memory at first frame  %8.1f  floor %8.1f  +%.1f MiB  (goal ≤ +40)\n", rss,
           rss_floor, rss - rss_floor);
  /* The second floor: the same first frame from GTK's and libadwaita's
   * own widgets, no database (bench-window-frame.c) */
  g_print ("  the same frame from stock widgets (bench-window-frame.c): start %.1f, CPU %.1f, "
           "memory %.1f;\n    Spire to it: start %.2f, CPU %.2f; it to the bare window: start "
           "%.2f, CPU %.2f\n",
           start_mock, cpu_mock, bench_figure_median (mock, "rss"), start / start_mock,
           bench_figure_median (spire, "start_cpu") / cpu_mock, start_mock / start_floor,
           cpu_mock / bench_figure_median (floor, "start_cpu"));
  /* The first frame of any kind: the figure until 7 Dec 2026 (page_shown). */
  g_print ("  (first frame of any kind %.1f ms, CPU %.1f)\n", bench_figure_median (spire, "start_any"),
           bench_figure_median (spire, "start_any_cpu"));
  g_print ("  first cohort's first rows %.1f (%.1f after the first frame; goal ≤ 500), "
           "longest frame gap %.1f (main-thread CPU in it %.1f)\n",
           bench_figure_median (spire, "start_rows"), bench_figure_median (spire, "start_rows_after"),
           bench_figure_median (spire, "start_rows_gap"), bench_figure_median (spire, "start_rows_cpu_gap"));
}

/* The cohort's list and its scrolling, beside the same rows in a stock
 * column view in the stock frame, with GTK's own renderer (GL: under Xvfb
 * Mesa's llvmpipe, the GPU's work on the CPU) and with its cairo renderer
 * (GTK's CPU renderer, which draws only what changed) */
static void
report_list (Figures *f)
{
  GHashTable *spire = f->spire;

  g_print ("  cohort of %.0f: first rows %.1f, all rows %.1f, longest frame gap %.1f "
           "(main-thread CPU in it %.1f); memory then %.1f\n",
           bench_figure_median (spire, "cohort_size"), bench_figure_median (spire, "cohort_rows"),
           bench_figure_median (spire, "cohort_done"), bench_figure_median (spire, "cohort_gap"),
           bench_figure_median (spire, "cohort_cpu_gap"), bench_figure_median (spire, "rss_cohort"));
  g_print ("  scroll 30 notches, CPU of the process (of its main thread; wall):\n"
           "    list %.1f (%.1f; %.1f), sidebar %.1f (%.1f; %.1f)\n",
           bench_figure_median (spire, "scroll_list_cpu"), bench_figure_median (spire, "scroll_list_main"),
           bench_figure_median (spire, "scroll_list_wall"), bench_figure_median (spire, "scroll_sidebar_cpu"),
           bench_figure_median (spire, "scroll_sidebar_main"), bench_figure_median (spire, "scroll_sidebar_wall"));
  g_print ("    floor: the same %.0f rows in a stock column view, list %.1f (%.1f; %.1f);\n"
           "    Spire to it: process %.2f, main thread %.2f\n",
           bench_figure_median (f->mock_list, "cohort_size"),
           bench_figure_median (f->mock_list, "scroll_list_cpu"),
           bench_figure_median (f->mock_list, "scroll_list_main"),
           bench_figure_median (f->mock_list, "scroll_list_wall"),
           bench_figure_median (spire, "scroll_list_cpu") /
             bench_figure_median (f->mock_list, "scroll_list_cpu"),
           bench_figure_median (spire, "scroll_list_main") /
             bench_figure_median (f->mock_list, "scroll_list_main"));
  g_print ("  the same with GTK's cairo renderer (GSK_RENDERER=cairo; goal ≤ 200 ms of CPU):\n"
           "    list %.1f (%.1f; %.1f), sidebar %.1f (%.1f; %.1f)\n"
           "    floor: the stock column view, list %.1f (%.1f; %.1f); Spire to it: process %.2f\n",
           bench_figure_median (f->spire_cairo, "scroll_list_cpu"),
           bench_figure_median (f->spire_cairo, "scroll_list_main"),
           bench_figure_median (f->spire_cairo, "scroll_list_wall"),
           bench_figure_median (f->spire_cairo, "scroll_sidebar_cpu"),
           bench_figure_median (f->spire_cairo, "scroll_sidebar_main"),
           bench_figure_median (f->spire_cairo, "scroll_sidebar_wall"),
           bench_figure_median (f->mock_cairo, "scroll_list_cpu"),
           bench_figure_median (f->mock_cairo, "scroll_list_main"),
           bench_figure_median (f->mock_cairo, "scroll_list_wall"),
           bench_figure_median (f->spire_cairo, "scroll_list_cpu") /
             bench_figure_median (f->mock_cairo, "scroll_list_cpu"));
}

/* The other lists and views: first rows, all rows, the longest frame gap */
static void
report_views (GHashTable *spire)
{
  g_print ("  Startups directory: first rows %.1f, all rows %.1f, longest frame gap %.1f "
           "(CPU %.1f)\n",
           bench_figure_median (spire, "directory_rows"), bench_figure_median (spire, "directory_done"),
           bench_figure_median (spire, "directory_gap"),
           bench_figure_median (spire, "directory_cpu_gap"));
  g_print ("  back to the cohort from the directory: longest frame gap %.1f (CPU %.1f)\n",
           bench_figure_median (spire, "reselect_gap"), bench_figure_median (spire, "reselect_cpu_gap"));
  g_print ("  Ranking page: first rows %.1f, all rows %.1f, longest frame gap %.1f (CPU %.1f)\n",
           bench_figure_median (spire, "ranking_rows"), bench_figure_median (spire, "ranking_done"),
           bench_figure_median (spire, "ranking_gap"),
           bench_figure_median (spire, "ranking_cpu_gap"));
  g_print ("  Evaluation tab: shown %.1f, longest frame gap %.1f (CPU %.1f)\n",
           bench_figure_median (spire, "evaluation_rows"), bench_figure_median (spire, "evaluation_gap"),
           bench_figure_median (spire, "evaluation_cpu_gap"));
  g_print ("    its Screening: shown %.1f, gap %.1f (CPU %.1f); Reviews: shown %.1f, "
           "gap %.1f (CPU %.1f)\n",
           bench_figure_median (spire, "screening_rows"), bench_figure_median (spire, "screening_gap"),
           bench_figure_median (spire, "screening_cpu_gap"), bench_figure_median (spire, "reviews_rows"),
           bench_figure_median (spire, "reviews_gap"), bench_figure_median (spire, "reviews_cpu_gap"));
  g_print ("    its Panel: shown %.1f, gap %.1f (CPU %.1f); Assignment: shown %.1f, "
           "gap %.1f (CPU %.1f)\n",
           bench_figure_median (spire, "panel_rows"), bench_figure_median (spire, "panel_gap"),
           bench_figure_median (spire, "panel_cpu_gap"), bench_figure_median (spire, "assignment_rows"),
           bench_figure_median (spire, "assignment_gap"), bench_figure_median (spire, "assignment_cpu_gap"));
  g_print ("    its conflicts scrolled to their end (%.0f): all in %.1f, gap %.1f (CPU %.1f)\n",
           bench_figure_median (spire, "conflicts_n"), bench_figure_median (spire, "conflicts_rows"),
           bench_figure_median (spire, "conflicts_gap"), bench_figure_median (spire, "conflicts_cpu_gap"));
  g_print ("    its Packages: shown %.1f, gap %.1f (CPU %.1f); Assign Several: shown %.1f, "
           "all rows %.1f, gap %.1f (CPU %.1f)\n",
           bench_figure_median (spire, "packages_rows"), bench_figure_median (spire, "packages_gap"),
           bench_figure_median (spire, "packages_cpu_gap"), bench_figure_median (spire, "several_rows"),
           bench_figure_median (spire, "several_done"), bench_figure_median (spire, "several_gap"),
           bench_figure_median (spire, "several_cpu_gap"));
}

static void
report (Figures *f, guint n)
{
  g_print ("bench-window: %s, median of %u runs (ms; MiB)\n", database, n);
  report_start (f);
  if (!start_only)
    {
      report_list (f);
      report_views (f->spire);
    }
  g_print ("  (load average when done: %s)\n", bench_load_average ());
}

/* Runs the phases @n times: the bare window, the stock frame, the stock
 * list (with GTK's renderer and with cairo), Spire's scrolling with cairo
 * and Spire itself; prints the report.  @self: bench-window's own path. */
int
bench_window_runs (const char *self, const char *path, int n, gboolean start, gboolean lists)
{
  Figures f = { figures_new (), figures_new (), figures_new (),
                figures_new (), figures_new (), figures_new () };

  database = path;
  start_only = start;
  lists_only = lists;
  for (int i = 0; i < n; i++)
    {
      run_child (self, "floor", NULL, NULL, f.floor);
      run_child (self, "mock", NULL, NULL, f.mock);
      if (!start_only)
        {
          run_child (self, "mock-list", NULL, NULL, f.mock_list);
          run_child (self, "mock-list", NULL, "cairo", f.mock_cairo);
          run_child (self, "spire", "scroll", "cairo", f.spire_cairo);
        }
      run_child (self, start_only ? "start-rows" : "spire", NULL, NULL, f.spire);
    }
  report (&f, n);
  g_hash_table_unref (f.spire);
  g_hash_table_unref (f.floor);
  g_hash_table_unref (f.mock);
  g_hash_table_unref (f.mock_list);
  g_hash_table_unref (f.spire_cairo);
  g_hash_table_unref (f.mock_cairo);
  return 0;
}
