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

/* A median of @spire's figure "<what><suffix>" */
static double
figure (GHashTable *spire, const char *what, const char *suffix)
{
  g_autofree char *name = g_strconcat (what, suffix, NULL);

  return bench_figure_median (spire, name);
}

/* The other lists and views: first rows (or shown), all rows, the longest
 * frame gap and the main thread's CPU in it */
static void
report_views (GHashTable *spire)
{
  static const struct
  {
    const char *label;
    const char *what;
    gboolean all_rows; /* it has an "all rows" figure */
  } views[] = {
    { "Startups directory", "directory", TRUE },
    { "back to the cohort from the directory", "reselect", FALSE },
    { "Ranking page", "ranking", TRUE },
    { "Evaluation tab", "evaluation", FALSE },
    { "  its Screening", "screening", FALSE },
    { "  its Reviews", "reviews", FALSE },
    { "  its Panel", "panel", FALSE },
    { "  its conflicts scrolled to their end", "conflicts", FALSE },
    { "  its Assignment", "assignment", FALSE },
    { "  its Packages", "packages", FALSE },
    { "  its Assign Several", "several", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_print ("  %s: shown %.1f", views[i].label, figure (spire, views[i].what, "_rows"));
      if (views[i].all_rows)
        g_print (", all rows %.1f", figure (spire, views[i].what, "_done"));
      g_print (", longest frame gap %.1f (main-thread CPU in it %.1f)\n",
               figure (spire, views[i].what, "_gap"), figure (spire, views[i].what, "_cpu_gap"));
    }
  g_print ("  (conflicts of interest scrolled: %.0f)\n", bench_figure_median (spire, "conflicts_n"));
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
