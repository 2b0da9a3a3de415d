/* spire-job-private.h — the one shape of long work in core
 *
 * Every core `_async`/`_finish` pair runs on this: the work runs in a worker
 * thread on a connection of its own to the same file (a store opened there,
 * so the window's store stays free), reports progress back in the caller's
 * main context, can be cancelled, and when it is done the caller's store
 * emits "changed::<table>" for every table the work changed — before the
 * callback runs, so handlers see the new data.  An in-memory store has no
 * file to reopen: there the work runs at once on that store, in the caller's
 * thread, and the callback still comes from the main loop.
 *
 * A function that starts work looks like this:
 *
 *   void
 *   spire_x_async (SpireStore *store, …, GCancellable *cancellable,
 *                  SpireProgressFunc progress, gpointer progress_data,
 *                  GAsyncReadyCallback callback, gpointer user_data)
 *   {
 *     _spire_job_run (store, spire_x_async, x_job, data, data_free, result_free,
 *                     cancellable, progress, progress_data, callback, user_data);
 *   }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

G_BEGIN_DECLS

typedef struct _SpireJob SpireJob;

/* The work.  @store is the job's own connection (or the caller's in-memory
 * store).  Returns FALSE with @error set on failure; on success *@result may
 * be set (it is freed with the result_free given to _spire_job_run when
 * nobody takes it). */
typedef gboolean (*SpireJobFunc) (SpireJob *job, SpireStore *store, gpointer data,
                                  gpointer *result, GError **error);

void _spire_job_run (SpireStore *store, gpointer source_tag, SpireJobFunc func, gpointer data,
                     GDestroyNotify data_free, GDestroyNotify result_free,
                     GCancellable *cancellable, SpireProgressFunc progress,
                     gpointer progress_data, GAsyncReadyCallback callback, gpointer user_data);

/* TRUE and *@value (owned by the caller; may be NULL) when the work
 * succeeded; FALSE with @error when it failed or was cancelled
 * (SPIRE_ERROR_CANCELLED: work cancelled before it started never starts;
 * once started, the work reports its cancelling, having changed nothing). */
gboolean _spire_job_finish (SpireStore *store, GAsyncResult *result, gpointer source_tag,
                            gpointer *value, GError **error);

/* In the work: how far it is, 0.0–1.0.  Also a SpireProgressFunc with the
 * job as its data, to hand to code that takes one. */
void _spire_job_progress (double fraction, gpointer job);
GCancellable *_spire_job_get_cancellable (SpireJob *job);

G_END_DECLS
