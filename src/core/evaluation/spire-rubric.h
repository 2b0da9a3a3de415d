/* spire-rubric.h — rubrics and criteria
 *
 * Part of the evaluation API; include "spire-evaluation.h" (which says how
 * each thing is represented in the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-deletion.h"
#include "spire-store.h"

G_BEGIN_DECLS

#define SPIRE_DEFAULT_SCALE_MIN 1
#define SPIRE_DEFAULT_SCALE_MAX 7
#define SPIRE_DEFAULT_DISAGREEMENT_THRESHOLD 1.5

/* ---------------------------------------------------------------------------
 * Rubrics and criteria
 * ------------------------------------------------------------------------- */

/* The cohort's rubric, or NULL with SPIRE_ERROR_NOT_FOUND when it has none. */
SpireRecord *spire_rubric_get_for_cohort (SpireStore *store, const char *cohort_uuid,
                                          GError **error);
/* A new rubric for @cohort_uuid with the defaults: scale 1–7 with a
 * (translated) label per step, mean, no normalisation, disagreement
 * threshold 1.5, version 1, no criteria.  Refused when the cohort has one. */
SpireRecord *spire_rubric_create (SpireStore *store, const char *cohort_uuid, GError **error);
/* Copies the rubric of @from_cohort_uuid, with its criteria under new
 * UUIDs, to @to_cohort_uuid: creates the target's rubric, or replaces the
 * settings and criteria of its rubric when that is not frozen. */
SpireRecord *spire_rubric_copy (SpireStore *store, const char *from_cohort_uuid,
                                const char *to_cohort_uuid, GError **error);
/* Saves changed settings (scale, labels, aggregation, normalisation,
 * threshold).  While frozen only the disagreement threshold may change;
 * version and frozen_at are never changed here. */
gboolean spire_rubric_update (SpireStore *store, SpireRecord *rubric, GError **error);
gboolean spire_rubric_is_frozen (SpireRecord *rubric);
/* Sets frozen_at (no-op when frozen already). */
gboolean spire_rubric_freeze (SpireStore *store, const char *rubric_uuid, GError **error);
/* Needs a non-empty @reason: records it, clears frozen_at, version + 1,
 * marks the reviews made under older versions stale (their number in
 * *@n_stale). */
gboolean spire_rubric_unfreeze (SpireStore *store, const char *rubric_uuid, const char *reason,
                                guint *n_stale, GError **error);
/* The same as long work (spire-job-private.h; issue 11: at xlarge it marks
 * tens of thousands of reviews stale): @store announces "changed::rubrics"
 * and "changed::reviews" before @callback runs.  Once the work has started,
 * cancelling leaves it to finish (it is one transaction). */
void spire_rubric_unfreeze_async (SpireStore *store, const char *rubric_uuid, const char *reason,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean spire_rubric_unfreeze_finish (SpireStore *store, GAsyncResult *result, guint *n_stale,
                                       GError **error);
/* TRUE when @value lies within scale_min … scale_max. */
gboolean spire_rubric_value_in_scale (SpireRecord *rubric, double value);
/* TRUE when @value is one of the scale's steps: within it and whole (the
 * scale goes in whole steps, a label per step).  The one rule for a score,
 * whether it comes from the review form or a score sheet. */
gboolean spire_rubric_value_is_step (SpireRecord *rubric, double value);
/* The label of a step from scale_labels, or NULL (free with g_free). */
char *spire_rubric_get_scale_label (SpireRecord *rubric, gint64 step);

/* The rubric's criteria in their order (position). */
GPtrArray *spire_rubric_list_criteria (SpireStore *store, const char *rubric_uuid,
                                       GError **error);
/* Adds a criterion at the end.  @kind is "scored", "gate" or "not_counted".
 * The criterion edits below are refused (SPIRE_ERROR_INVALID) while the
 * rubric is frozen. */
SpireRecord *spire_rubric_add_criterion (SpireStore *store, const char *rubric_uuid,
                                         const char *name, const char *guidance, double weight,
                                         const char *kind, GError **error);
/* Saves a changed criterion (name, guidance, weight, kind); it stays in its
 * rubric and place. */
gboolean spire_rubric_update_criterion (SpireStore *store, SpireRecord *criterion,
                                        GError **error);
/* @criterion_uuids: every criterion of the rubric once, in the new order. */
gboolean spire_rubric_reorder_criteria (SpireStore *store, const char *rubric_uuid,
                                        const char *const *criterion_uuids, GError **error);
/* Removes a criterion (and the scores given to it: only possible when the
 * rubric is not frozen, so these belong to reviews already marked stale). */
gboolean spire_rubric_remove_criterion (SpireStore *store, const char *criterion_uuid,
                                        GError **error);
/* The same, returning what was removed ("“Impact” removed"):
 * spire_deletion_restore () puts the criterion back in its place with its
 * scores and the criteria after it where they were — refused, with
 * nothing changed, when the rubric was frozen since. */
SpireDeletion *spire_rubric_remove_criterion_restorably (SpireStore *store,
                                                         const char *criterion_uuid,
                                                         GError **error);

/* How many submitted reviews of the cohort's panel are not stale (those an
 * unfreeze marks stale), in one query; -1 with @error when it fails. */
gint64 spire_rubric_count_submitted (SpireStore *store, const char *cohort_uuid, GError **error);
/* The same on a worker (issue 11: the window read every review of every
 * member, 111 510 at xlarge, to count them); cancel when not wanted. */
void spire_rubric_count_submitted_async (SpireStore *store, const char *cohort_uuid,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
gint64 spire_rubric_count_submitted_finish (SpireStore *store, GAsyncResult *result,
                                            GError **error);

G_END_DECLS
