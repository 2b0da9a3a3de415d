/* spire-evaluation.h — rubrics, screening, decisions, the panel, conflicts of
 * interest, assignment and reviews
 *
 * Everything here changes data only through the store, in one transaction
 * per call (all or nothing), and refuses with a SPIRE_ERROR whose translated
 * message says what is wrong and what to do.  Score aggregation and ranking
 * live in spire-scoring.h / spire-ranking.h, not here.
 *
 * The umbrella header: callers include this one.  Each part is declared in
 * a header of its own under src/core/evaluation/ (spire-rubric.h,
 * spire-screening.h, spire-decision.h, spire-panel.h, spire-conflicts.h,
 * spire-assignment.h, spire-review.h, spire-panel-view.h, spire-panel-overview.h) and implemented in
 * the .c of the same name; blind mode is in spire-redaction.c, the pure
 * assignment planner in spire-assignment-plan.{c,h}, and what these files
 * share in spire-evaluation-private.h.
 *
 * How things are represented (schema version 2):
 *
 * - Rubric: one per cohort.  scale_labels is a JSON object from step to
 *   label, {"1": "Very weak", …, "7": "Excellent"}.  Criteria have positions
 *   0, 1, 2 … in the order shown.  A rubric is frozen (frozen_at set) when
 *   its first review is submitted; while frozen, its criteria and scale
 *   cannot change.  Unfreezing needs a written reason (audit entry
 *   "unfreeze" on the rubric), raises rubric.version by one and marks every
 *   review made under an older version stale.
 *
 * - Screening (eligibility gates): a gate criterion ("gate" kind) is
 *   answered per application by the office, not by the panel.  The answer
 *   on record is a screening row (one per application and gate: passed,
 *   note, decided_by, decided_at, rubric_version), which a new answer
 *   overwrites; every answer given is also an audit entry on the
 *   application (action "screening", after = {"criterion", "name",
 *   "passed", "note", "rubric_version"}), the history.  A failed gate also
 *   records a decision to "ineligible" whose reason names the gate (and the
 *   note), and sets the application's status.  Reviews never carry values
 *   for gate criteria.
 *
 * - Conflicts of interest: a row in conflicts blocks its evaluator from the
 *   application (or from every application of the startup) unless it is
 *   dismissed: declared ones (confirmed), detected ones awaiting
 *   confirmation (confirmed = FALSE) and confirmed detected ones.
 *   Dismissing a detected conflict sets dismissed_at, dismissed_by and
 *   dismiss_reason; the row stays on record, no longer blocks, cannot be
 *   confirmed, and keeps detection from proposing the same pair again.  An
 *   audit entry (entity "conflict", action "dismiss", after = the dismissed
 *   conflict) records it in the history too.  Whenever a conflict is
 *   declared, detected or confirmed, the evaluator's assignments it blocks
 *   are removed (their reviews stay on record).
 *
 * - Assignable applications: every status except "ineligible" and
 *   "withdrawn".  Observers are never assigned.  "declined" assignments do
 *   not count towards an application's evaluators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

#include "spire-rubric.h"
#include "spire-screening.h"
#include "spire-decision.h"
#include "spire-panel.h"
#include "spire-conflicts.h"
#include "spire-assignment.h"
#include "spire-review.h"
#include "spire-panel-view.h"
#include "spire-panel-overview.h"
#include "spire-review-queue.h"
