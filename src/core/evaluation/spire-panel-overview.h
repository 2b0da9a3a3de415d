/* spire-panel-overview.h — what the Panel part shows, read as long work
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

/* The cohort's panel and its conflicts of interest with every name a row
 * shows, so that making the rows reads nothing (issue 11: the Panel part
 * read them on the main thread, a query per row).  Plain data: records
 * and strings; the arrays of names run beside the arrays of records. */
typedef struct
{
  GPtrArray *members;          /* SpireRecord (evaluator), as spire_panel_list */
  GPtrArray *member_names;     /* char *: each member's person's name ("" unknown) */
  GHashTable *loads;           /* as spire_panel_loads */
  GPtrArray *conflicts;        /* SpireRecord: pending ones first (see below), */
                               /* then the others, each in spire_conflicts_list's order */
  GPtrArray *conflict_members; /* char *: the name of each conflict's member ("" unknown) */
  GPtrArray *conflict_parties; /* char *: its application's title or startup's name */
  guint n_pending;             /* the conflicts pending: the first n_pending of conflicts */
} SpirePanelOverview;

void spire_panel_overview_free (SpirePanelOverview *overview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpirePanelOverview, spire_panel_overview_free)

/* TRUE for a conflict that waits for the office: neither confirmed nor
 * dismissed. */
gboolean spire_conflict_is_pending (SpireRecord *conflict);

/* Reads the overview of the cohort's panel; NULL with @error when the
 * database fails. */
SpirePanelOverview *spire_panel_overview_read (SpireStore *store, const char *cohort_uuid,
                                               GError **error);
/* The same on a worker; cancel when it is not wanted any more
 * (SPIRE_ERROR_CANCELLED). */
void spire_panel_overview_async (SpireStore *store, const char *cohort_uuid,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
SpirePanelOverview *spire_panel_overview_finish (SpireStore *store, GAsyncResult *result,
                                                 GError **error);

G_END_DECLS
