/* bench-store.h — what the benchmarks look up in the database before they
 * measure: the cohort with the most applications (the one issue 11's
 * figures are of); and how an empty one is filled with the large demo.
 * Header-only, beside bench-util.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-core.h"

/* The UUID of the cohort with the most applications (NULL when there is
 * none); their number in @n. */
static inline char *
bench_largest_cohort (SpireStore *store, guint *n)
{
  g_autoptr (GHashTable) counts = spire_store_count_by (store, &spire_kind_application, "cohort",
                                                        NULL, NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  char *best = NULL;

  g_assert (counts != NULL);
  *n = 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > *n)
      {
        *n = GPOINTER_TO_UINT (value);
        best = key;
      }
  return g_strdup (best);
}

/* spire_demo_fill's progress, every ten percent, on stderr. */
static inline void
bench_print_progress (double fraction, gpointer user_data)
{
  static int last = -1;
  int percent = (int) (fraction * 100);

  if (percent / 10 != last / 10)
    g_printerr ("  %d %%\n", percent);
  last = percent;
}

/* Fills @store (the file @path) with the large demo, saying so on stderr. */
static inline gboolean
bench_fill_demo (SpireStore *store, const char *path, GError **error)
{
  g_printerr ("Filling %s with the large demo data …\n", path);
  return spire_demo_fill (store, 1, SPIRE_DEMO_LARGE, FALSE, bench_print_progress, NULL, NULL,
                          error);
}
