/* spire-conflict-row.h — one conflict of interest of a panel member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_CONFLICT_ROW (spire_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireConflictRow, spire_conflict_row, SPIRE, CONFLICT_ROW, GtkWidget)

/* A conflict of interest: pending ones offer Confirm and Dismiss.  The
 * names come with it (read on a worker): the member's and the
 * application's or the startup's; the row reads nothing. */
GtkWidget *spire_conflict_row_new (SpireRecord *conflict, const char *member_name,
                                   const char *party_name);
/* A row that shows nothing yet (a list view's factory). */
GtkWidget *spire_conflict_row_new_empty (void);
/* Shows @conflict in @row (a list view's row bound to another item). */
void spire_conflict_row_set (SpireConflictRow *row, SpireRecord *conflict,
                             const char *member_name, const char *party_name);
/* "Member — application or startup" */
const char *spire_conflict_row_get_title (SpireConflictRow *row);
/* Neither confirmed nor dismissed. */
gboolean spire_conflict_row_is_pending (SpireRecord *conflict);

G_END_DECLS
