/* spire-review-queue.h — what one evaluator has to review, read as long work
 *
 * Part of the evaluation API; include "spire-evaluation.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-record.h"
#include "spire-store.h"

G_BEGIN_DECLS

/* One application on an evaluator's list: as the panel sees it
 * (spire_panel_list_visible_applications), its label ("title — startup",
 * the title alone without a startup), its startup's name ("" without one)
 * and the evaluator's review state ("draft", "submitted", …; NULL when
 * not begun). */
struct _SpireReviewQueueItem
{
  GObject parent_instance;

  SpireRecord *application;
  char *label;
  char *state;
  char *startup;
};

/* A small object (made on the worker) so that a list view can show the
 * queue as it is; read the fields, never change them. */
#define SPIRE_TYPE_REVIEW_QUEUE_ITEM (spire_review_queue_item_get_type ())
G_DECLARE_FINAL_TYPE (SpireReviewQueueItem, spire_review_queue_item, SPIRE, REVIEW_QUEUE_ITEM,
                      GObject)

/* g_object_unref() */
void spire_review_queue_item_free (SpireReviewQueueItem *item);

/* The applications @evaluator_uuid works on (SpireReviewQueueItem), in the
 * panel's order; NULL with @error when the evaluator is not found. */
GPtrArray *spire_review_queue_read (SpireStore *store, const char *evaluator_uuid,
                                    GError **error);
/* The same on a worker (issue 11: 4 000 applications read on the main
 * thread froze the Evaluation view); cancel when the list is not wanted any
 * more (SPIRE_ERROR_CANCELLED). */
void spire_review_queue_async (SpireStore *store, const char *evaluator_uuid,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
GPtrArray *spire_review_queue_finish (SpireStore *store, GAsyncResult *result, GError **error);

/* The cohort's applications that can be assigned (all but the ineligible
 * and the withdrawn; spire_application_is_assignable), by title, each with
 * its "title — startup" label (state NULL): the Assignment part's choice
 * of an application, read on a worker (issue 11: 40 000 records and their
 * startups read on the main thread took a second). */
GPtrArray *spire_assignable_queue_read (SpireStore *store, const char *cohort_uuid,
                                        GError **error);
void spire_assignable_queue_async (SpireStore *store, const char *cohort_uuid,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
GPtrArray *spire_assignable_queue_finish (SpireStore *store, GAsyncResult *result,
                                          GError **error);

/* Every application of the cohort, whatever its status, in the same order
 * and with the same labels: the choice when a conflict of interest is
 * declared, read on a worker (issue 11: 40 000 records and a startup read
 * per record on the main thread). */
GPtrArray *spire_application_queue_read (SpireStore *store, const char *cohort_uuid,
                                         GError **error);
void spire_application_queue_async (SpireStore *store, const char *cohort_uuid,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);
GPtrArray *spire_application_queue_finish (SpireStore *store, GAsyncResult *result,
                                           GError **error);

G_END_DECLS
