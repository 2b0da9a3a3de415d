/* spire-demo.h — realistic, deterministic Norwegian sample data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-store.h"

G_BEGIN_DECLS

typedef enum
{
  SPIRE_DEMO_SMALL,
  SPIRE_DEMO_LARGE,
  /* Ten times the large set: 200 cohorts, 100 000 applications (the
   * largest cohort 40 000), 600 panel members, 20 000 deals.  For
   * benchmarks: minutes to make, about 1.3 GB. */
  SPIRE_DEMO_XLARGE,
} SpireDemoSize;

/* Fills @store with sample data; the same @seed gives the same data.
 * Refuses (SPIRE_ERROR_NOT_EMPTY) a database that already holds programs
 * unless @force.  All or nothing. */
gboolean spire_demo_fill (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
                          SpireProgressFunc progress, gpointer progress_data,
                          GCancellable *cancellable, GError **error);

/* The same as long work (spire-job-private.h): in a worker thread on a
 * connection of its own, with progress and cancel; @store announces what
 * changed before @callback runs. */
void spire_demo_fill_async (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
                            GCancellable *cancellable, SpireProgressFunc progress,
                            gpointer progress_data, GAsyncReadyCallback callback,
                            gpointer user_data);
gboolean spire_demo_fill_finish (SpireStore *store, GAsyncResult *result, GError **error);

G_END_DECLS
