/* spire-assignment-row.h — one panel member assigned an application by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_ASSIGNMENT_ROW (spire_assignment_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireAssignmentRow, spire_assignment_row, SPIRE, ASSIGNMENT_ROW, AdwActionRow)

/* A panel member assigned the application shown; removing it is
 * "evaluation.unassign" with the member. */
GtkWidget *spire_assignment_row_new (SpireStore *store, SpireRecord *assignment);

G_END_DECLS
