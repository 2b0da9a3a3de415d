/* spire-panel-member-row.h — one panel member: role, progress, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_PANEL_MEMBER_ROW (spire_panel_member_row_get_type ())
G_DECLARE_FINAL_TYPE (SpirePanelMemberRow, spire_panel_member_row, SPIRE, PANEL_MEMBER_ROW, AdwComboRow)

/* A panel member (@name: their person's, read on a worker) with their
 * role (changed through "evaluation.set-role") and their progress (@load
 * may be NULL: nothing assigned); the row reads nothing. */
GtkWidget *spire_panel_member_row_new (SpireRecord *evaluator, const char *name,
                                       const SpirePanelLoad *load);
const char *spire_panel_member_row_get_uuid (SpirePanelMemberRow *self);

G_END_DECLS
