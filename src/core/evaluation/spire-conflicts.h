/* spire-conflicts.h — conflicts of interest
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
 * Conflicts of interest (inhabilitet)
 * ------------------------------------------------------------------------- */

/* TRUE for e-mail domains anyone can have (gmail.com, outlook.com,
 * online.no …): they never suggest a conflict. */
gboolean spire_email_domain_is_public (const char *domain);

/* Declares a conflict of an evaluator with an application or with a startup
 * (give one of the two; @kind "owner", "employee", "family", "competitor",
 * "other"; @reason required).  origin "declared", confirmed. */
SpireRecord *spire_conflict_declare (SpireStore *store, const char *evaluator_uuid,
                                     const char *application_uuid, const char *startup_uuid,
                                     const char *kind, const char *reason, GError **error);
/* Looks for conflicts between the cohort's panel and its applicants:
 * - the evaluator's person is a contact person of the startup;
 * - the evaluator's organisation number is the startup's;
 * - the evaluator's e-mail domain is that of a contact person of the
 *   startup or the host of its website (public mail domains never match).
 * Each new one is stored as evaluator × startup, origin "detected",
 * confirmed = FALSE, with a translated reason saying why.  Pairs that
 * already have a conflict on record, dismissed ones included, are
 * skipped.  Returns the new conflicts (maybe none); NULL on error. */
GPtrArray *spire_conflicts_detect (SpireStore *store, const char *cohort_uuid, GError **error);
/* Detected conflicts of the cohort still awaiting confirmation (not
 * dismissed). */
GPtrArray *spire_conflicts_list_pending (SpireStore *store, const char *cohort_uuid,
                                         GError **error);
/* All conflicts of the cohort's panel, dismissed ones included (see their
 * dismissed_at). */
GPtrArray *spire_conflicts_list (SpireStore *store, const char *cohort_uuid, GError **error);
/* Refused for a dismissed conflict (declare it instead). */
gboolean spire_conflict_confirm (SpireStore *store, const char *conflict_uuid, GError **error);
/* Only for detected, unconfirmed conflicts not yet dismissed; needs a
 * @reason.  The conflict stays on record as dismissed. */
gboolean spire_conflict_dismiss (SpireStore *store, const char *conflict_uuid,
                                 const char *reason, GError **error);
/* TRUE when a conflict (not dismissed) keeps the evaluator from the application;
 * *@conflict_out (may be NULL) receives it. */
gboolean spire_conflict_blocks (SpireStore *store, const char *evaluator_uuid,
                                const char *application_uuid, SpireRecord **conflict_out);

/* spire_conflicts_detect () as long work (spire-job-private.h): in a worker
 * thread on a connection of its own; @store announces what changed before
 * @callback runs. */
void spire_conflicts_detect_async (SpireStore *store, const char *cohort_uuid,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
/* The conflicts found (SpireRecord), as spire_conflicts_detect () gives them. */
GPtrArray *spire_conflicts_detect_finish (SpireStore *store, GAsyncResult *result,
                                          GError **error);

G_END_DECLS
