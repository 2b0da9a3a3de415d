/* spire-panel.h — the panel and its members' loads
 *
 * Part of the evaluation API; include "spire-evaluation.h" (which says how
 * each thing is represented in the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-store.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------
 * The panel
 * ------------------------------------------------------------------------- */

/* Puts @person_uuid on the cohort's panel as @role ("chair", "member",
 * "observer"); if they are on it already, sets the role.  Returns the
 * evaluator. */
SpireRecord *spire_panel_add (SpireStore *store, const char *cohort_uuid,
                              const char *person_uuid, const char *role, GError **error);
/* Changing to "observer" is refused while the evaluator has assignments. */
gboolean spire_panel_set_role (SpireStore *store, const char *evaluator_uuid, const char *role,
                               GError **error);
/* Removes a panel member with their assignments, conflicts and the record
 * of the packages exported to them; refused
 * (SPIRE_ERROR_IN_USE) when they have written reviews, which stay on
 * record (make them an observer instead). */
gboolean spire_panel_remove (SpireStore *store, const char *evaluator_uuid, GError **error);
/* The cohort's evaluators, by the person's name (Norwegian order). */
GPtrArray *spire_panel_list (SpireStore *store, const char *cohort_uuid, GError **error);
/* The evaluator's person's name (free with g_free), "" when unknown. */
char *spire_evaluator_get_name (SpireStore *store, const char *evaluator_uuid);

/* A panel member's load in the cohort: assignments that count (declined
 * ones do not) and of those the submitted ones. */
typedef struct
{
  guint assigned;
  guint submitted;
} SpirePanelLoad;

/* Every panel member's load, read in one query: evaluator UUID (char *) →
 * SpirePanelLoad *; members with no assignment are in it with 0.  NULL with
 * @error when the database fails. */
GHashTable *spire_panel_loads (SpireStore *store, const char *cohort_uuid, GError **error);
/* The same on a worker (issue 11: 0.8 s for a 40 000-application cohort,
 * every assignment row read); cancel when not wanted (SPIRE_ERROR_CANCELLED). */
void spire_panel_loads_async (SpireStore *store, const char *cohort_uuid,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
GHashTable *spire_panel_loads_finish (SpireStore *store, GAsyncResult *result, GError **error);

G_END_DECLS
