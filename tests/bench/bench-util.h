/* bench-util.h — what every benchmark measures with, once
 *
 * The medians, the figures kept by name over runs, the main thread's CPU
 * clock, the load average that the benchmarks print beside their figures
 * (tests/bench/README.md), and the best and median of N timed runs.  Header-only: each benchmark is one
 * program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdlib.h>
#include <time.h>

static inline int
bench_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @values (sorted in place); 0 when there are none. */
static inline double
bench_median (GArray *values)
{
  if (values == NULL || values->len == 0)
    return 0;
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* @figures: name → GArray of double, one value a run. */
static inline void
bench_figure_add (GHashTable *figures, const char *key, double v)
{
  GArray *values = g_hash_table_lookup (figures, key);

  if (values == NULL)
    {
      values = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (figures, g_strdup (key), values);
    }
  g_array_append_val (values, v);
}

static inline double
bench_figure_median (GHashTable *figures, const char *key)
{
  return bench_median (g_hash_table_lookup (figures, key));
}

/* The calling thread's CPU time, ms: on a busy machine a stall shows here
 * even when the wall-clock gap is mostly waiting for a core. */
static inline double
bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* What bench_measure times: FALSE (with @error) stops the measuring. */
typedef gboolean (*BenchTimedFunc) (gpointer data, GError **error);

static inline int
bench_compare_gint64 (const void *a, const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Runs @func @n times (after one run to warm the caches); best and median
 * in µs. */
static inline gboolean
bench_measure (BenchTimedFunc func, gpointer data, guint n, gint64 *best, gint64 *median,
               GError **error)
{
  g_autofree gint64 *t = g_new (gint64, n);

  if (!func (data, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!func (data, error))
        return FALSE;
      t[i] = g_get_monotonic_time () - start;
    }
  qsort (t, n, sizeof (gint64), bench_compare_gint64);
  *best = t[0];
  *median = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
  return TRUE;
}

/* The whole process's CPU time (every thread's), ms. */
static inline double
bench_process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static inline double
bench_ms_since (gint64 t)
{
  return (g_get_monotonic_time () - t) / 1000.0;
}

/* /proc/loadavg as it reads, to print beside the figures. */
static inline const char *
bench_load_average (void)
{
  static char text[64];
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "?";
  g_strlcpy (text, contents, sizeof text);
  g_strchomp (text);
  return text;
}

/* Runs the main loop until @cond (@data) holds; FALSE after @timeout_ms. */
static inline gboolean
bench_wait_for (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}
