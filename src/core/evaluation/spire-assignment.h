/* spire-assignment.h — assignment by hand, in bulk and automatic
 *
 * Part of the evaluation API; include "spire-evaluation.h" (which says how
 * each thing is represented in the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

G_BEGIN_DECLS

#define SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION 3

/* ---------------------------------------------------------------------------
 * Assignment
 * ------------------------------------------------------------------------- */

/* Assigns one evaluator one application.  Refused for observers,
 * ineligible or withdrawn applications, another cohort, and a conflict of
 * interest (the message names both).  Already assigned: nothing to do. */
gboolean spire_assign (SpireStore *store, const char *evaluator_uuid,
                       const char *application_uuid, GError **error);
/* Every evaluator of @evaluator_uuids to every application of
 * @application_uuids, all or nothing; *@n_added new assignments. */
gboolean spire_assign_many (SpireStore *store, const char *const *evaluator_uuids,
                            const char *const *application_uuids, guint *n_added,
                            GError **error);
/* Removes an assignment (a review already written stays on record). */
gboolean spire_unassign (SpireStore *store, const char *evaluator_uuid,
                         const char *application_uuid, GError **error);
/* Gives every assignable application of the cohort @k evaluators (0 means
 * SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION), keeping the assignments it has:
 * - observers are never assigned, nor anyone with a conflict of interest;
 * - the evaluators' loads (their assignments in the cohort) end up within
 *   one of each other;
 * - with cohort.owner_on_panel, an application to a challenge owned by a
 *   public body gets at least one panel member from that body
 *   (persons.public_body = challenge.owner) when the panel has one without
 *   a conflict.
 * When that cannot be done it refuses with the reason (e.g. "“Nordlys AS”
 * has only 2 panel members without a conflict of interest; 3 are needed.")
 * and changes nothing.  *@n_added receives the number of new assignments. */
gboolean spire_assign_auto (SpireStore *store, const char *cohort_uuid, guint k,
                            guint *n_added, GError **error);

/* spire_assign_auto () as long work (spire-job-private.h): in a worker
 * thread on a connection of its own; @store announces what changed before
 * @callback runs. */
void spire_assign_auto_async (SpireStore *store, const char *cohort_uuid, guint k,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean spire_assign_auto_finish (SpireStore *store, GAsyncResult *result, guint *n_added,
                                   GError **error);

G_END_DECLS
