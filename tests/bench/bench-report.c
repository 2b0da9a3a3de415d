/* bench-report.c — issue 9: the cohort report of the largest cohort of the
 * large demo, against a bare cairo + pango program writing the same text as
 * PDF pages
 *
 * The figure: building the report (reading the data, laying it out,
 * paginating) and writing its PDF.  The floor: the report's own text, page
 * by page as pdftotext reads it back (poppler-utils), laid out with one
 * PangoLayout per page in DejaVu Sans and written to an A4 cairo PDF — the
 * least a program can do to put the same words on the same number of
 * pages.  After one warm-up report (whose PDF gives the floor its text),
 * the N runs alternate report and floor, so that a change in the machine's
 * load falls on both; each is timed by the wall clock and by the process's
 * CPU time (less sensitive to other work on a shared machine).  Peak memory
 * is the process's maximum resident size after the reports (before any
 * floor run: the warm-up) and at the end.  Prints best and median of N
 * runs of each, and the ratios (goal ≤ 2).
 *
 *   bench-report [-n 3] [DATABASE]   (no DATABASE: the large demo in a temp dir)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-store.h"
#include "bench-util.h"
#include "spire-core.h"
#include "spire-reports.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
max_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* The floor: @pages (one text each) as A4 PDF pages, one PangoLayout each. */
static void
write_floor (char **pages, const char *path)
{
  const double width = 595.276, height = 841.89, margin = 56.0;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 8");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; pages[i]; i++)
    {
      if (*g_strstrip (pages[i]) == '\0' && pages[i + 1] == NULL)
        break;
      pango_layout_set_text (layout, pages[i], -1);
      cairo_move_to (cr, margin, margin);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static char *
report_text (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("pdftotext: %s (install poppler-utils)", error->message);
  return g_steal_pointer (&out);
}

static void
report_line (const char *what, GArray *times)
{
  g_array_sort (times, bench_compare_doubles);
  g_print ("%-30s %9.1f ms %9.1f ms\n", what, g_array_index (times, double, 0),
           g_array_index (times, double, times->len / 2));
}

/* Best over best and median over median (both sorted by report_line). */
static void
ratio_line (const char *what, GArray *spire, GArray *floor)
{
  g_print ("%-30s %9.2f    %9.2f       (goal <= 2)\n", what,
           g_array_index (spire, double, 0) / g_array_index (floor, double, 0),
           g_array_index (spire, double, spire->len / 2) /
             g_array_index (floor, double, floor->len / 2));
}

int
main (int argc, char **argv)
{
  guint n = 3, n_apps = 0, n_pages = 0;
  g_autofree char *dir = g_dir_make_tmp ("spire-bench-report-XXXXXX", NULL);
  g_autofree char *db_path = NULL;
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *floor_pdf = g_build_filename (dir, "floor.pdf", NULL);
  g_autofree char *cohort = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) pages = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (GArray) spire_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) spire_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  long rss_report, rss_floor;
  int arg = 1;

  if (argc > 2 && g_str_equal (argv[1], "-n"))
    {
      n = (guint) MAX (1, atoi (argv[2]));
      arg = 3;
    }
  if (arg < argc && argv[arg][0] == '-')
    {
      g_printerr ("usage: bench-report [-n N] [DATABASE]\n");
      return g_str_equal (argv[arg], "--help") || g_str_equal (argv[arg], "-h") ? 0 : 2;
    }
  db_path = arg < argc ? g_strdup (argv[arg]) : g_build_filename (dir, "large.db", NULL);
  store = spire_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (spire_store_is_empty (store))
    {
      g_print ("making the large demo in %s …\n", db_path);
      if (!spire_demo_fill (store, 1, SPIRE_DEMO_LARGE, FALSE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  cohort = bench_largest_cohort (store, &n_apps);

  /* The warm-up report: its PDF gives the floor its text, and the peak
   * memory of the report alone. */
  {
    g_autoptr (SpireReport) report = spire_report_cohort (store, cohort, SPIRE_LANGUAGE_NB, NULL,
                                                          &error);

    if (report == NULL || !spire_report_write_pdf (report, pdf, NULL, &error))
      g_error ("%s", error->message);
    n_pages = spire_report_get_n_pages (report);
  }
  rss_report = max_rss_mib ();
  text = report_text (pdf);
  pages = g_strsplit (text, "\f", -1);

  /* N runs of each, alternating */
  for (guint i = 0; i < n; i++)
    {
      double start = now_ms (), cpu = bench_process_cpu_ms (), ms;
      g_autoptr (SpireReport) report = spire_report_cohort (store, cohort, SPIRE_LANGUAGE_NB,
                                                            NULL, &error);

      if (report == NULL || !spire_report_write_pdf (report, pdf, NULL, &error))
        g_error ("%s", error->message);
      g_clear_object (&report);
      ms = now_ms () - start;
      g_array_append_val (spire_times, ms);
      ms = bench_process_cpu_ms () - cpu;
      g_array_append_val (spire_cpu, ms);

      start = now_ms ();
      cpu = bench_process_cpu_ms ();
      write_floor (pages, floor_pdf);
      ms = now_ms () - start;
      g_array_append_val (floor_times, ms);
      ms = bench_process_cpu_ms () - cpu;
      g_array_append_val (floor_cpu, ms);
    }
  rss_floor = max_rss_mib ();

  g_print ("cohort       %s: %u applications, %u pages, %zu characters of text\n", cohort,
           n_apps, n_pages, strlen (text));
  g_print ("%-30s %12s %12s\n", "", "best", "median");
  report_line ("cohort report (build + PDF)", spire_times);
  report_line ("floor (cairo + pango, text)", floor_times);
  ratio_line ("ratio (wall clock)", spire_times, floor_times);
  report_line ("cohort report, CPU time", spire_cpu);
  report_line ("floor, CPU time", floor_cpu);
  ratio_line ("ratio (CPU time)", spire_cpu, floor_cpu);
  g_print ("peak memory: %ld MiB after the reports; %ld MiB after the floor too\n", rss_report,
           rss_floor);

  g_unlink (pdf);
  g_unlink (floor_pdf);
  if (arg >= argc)
    {
      g_clear_object (&store);
      g_unlink (db_path);
      {
        g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

        g_unlink (wal);
        g_unlink (shm);
      }
    }
  g_rmdir (dir);
  return 0;
}
