/* spire-review.h — reviews
 *
 * Part of the evaluation API; include "spire-evaluation.h" (which says how
 * each thing is represented in the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------
 * Reviews
 * ------------------------------------------------------------------------- */

/* The evaluator's review of the application: the stored one, or a new
 * draft that is not stored yet (saving stores it).  Refused when the
 * evaluator is not assigned the application or has a conflict with it. */
SpireRecord *spire_review_open (SpireStore *store, const char *evaluator_uuid,
                                const char *application_uuid, GError **error);
/* The review's scores (SpireScore: criterion, value — NAN for N/A —,
 * comment), in the rubric's order. */
GPtrArray *spire_review_list_scores (SpireStore *store, const char *review_uuid,
                                     GError **error);
/* Saves a draft: @review's recommendation and summary, and when @scores is
 * not NULL, the complete set of answered criteria (SpireScore records with
 * criterion, value or NAN for N/A, comment; criteria left out count as not
 * answered yet).  Cheap to call often: only what changed is written and
 * drafts leave no audit entries (an answer taken back is a deletion, which
 * the store records).  Refused once submitted, for a value
 * outside the scale, a criterion of another rubric or a gate.  On success
 * the records carry their stored UUIDs and times. */
gboolean spire_review_save_draft (SpireStore *store, SpireRecord *review, GPtrArray *scores,
                                  GError **error);
/* Submits (locks) a draft: every scored and not-counted criterion answered
 * (a value or N/A; at least one scored criterion with a value), every value
 * within the scale.  Sets state "submitted", submitted_at, rubric_version,
 * clears stale, marks the assignment submitted, and freezes the rubric if
 * this is its first submitted review. */
gboolean spire_review_submit (SpireStore *store, const char *review_uuid, GError **error);
/* The program manager sends a submitted review back to draft; @reason is
 * required and goes into the audit entry ("reopen"). */
gboolean spire_review_reopen (SpireStore *store, const char *review_uuid, const char *reason,
                              GError **error);

G_END_DECLS
