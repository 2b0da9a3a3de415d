/* spire-decision.h — decisions, seats and the status rules
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
 * Decisions
 * ------------------------------------------------------------------------- */

/* Moves every application of @application_uuids (NULL-terminated; one or
 * many) to @new_status with one written @reason, recording a decision per
 * application (from_status, to_status, decided_by = the store's actor,
 * decided_at, reason, rubric_version in force).  Applications already in
 * @new_status are left as they are (no decision).  Refuses an empty reason,
 * an unknown status or application.  Deciding "ineligible" or "withdrawn"
 * removes the application's assignments.  All or nothing. */
gboolean spire_decide (SpireStore *store, const char *const *application_uuids,
                       const char *new_status, const char *reason, GError **error);
/* Applications of the cohort with status "accepted"; *@seats gets the
 * cohort's seats. -1 on error. */
gint64 spire_cohort_count_accepted (SpireStore *store, const char *cohort_uuid, gint64 *seats,
                                    GError **error);
/* A warning for the GUI when more applications are accepted than the cohort
 * has seats ("5 applications are accepted, but “Kull 2026” has 4 seats."),
 * or NULL.  Not a refusal. */
char *spire_cohort_seats_warning (SpireStore *store, const char *cohort_uuid);
/* The same after @adding more acceptances ("After this change 5 applications
 * will be accepted, but the cohort has 4 seats."); @adding 0 is the warning
 * as things are.  NULL when the seats hold or the cohort has no seat count.
 * A warning, never a refusal: the GUI and the CLI show it as it is. */
char *spire_cohort_seats_warning_after (SpireStore *store, const char *cohort_uuid,
                                        guint adding);

/* Whether an application with @status takes part in the evaluation: it can
 * be assigned, screened and ranked (it is not ineligible or withdrawn). */
gboolean spire_application_status_is_assignable (const char *status);
gboolean spire_application_is_assignable (SpireRecord *application);
/* The applications of the cohort that can be assigned, or -1 on error. */
gint64 spire_cohort_count_assignable (SpireStore *store, const char *cohort_uuid,
                                      GError **error);
/* Where @status stands in the order of the application statuses (received,
 * ineligible, in review, …, as the field table lists them), for sorting
 * lists by status: 0 for the first; G_MAXINT for NULL. */
int spire_application_status_order (const char *status);

G_END_DECLS
