/* bench-store.h — what the window's benchmarks look up in the database
 * before they measure: the cohort with the most applications (the one
 * issue 11's figures are of).  Header-only, beside bench-util.h.
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
