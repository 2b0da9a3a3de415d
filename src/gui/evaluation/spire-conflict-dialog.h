/* spire-conflict-dialog.h — declares a conflict of interest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_CONFLICT_DIALOG (spire_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireConflictDialog, spire_conflict_dialog, SPIRE, CONFLICT_DIALOG, AdwMessageDialog)

/* Declares a conflict between a member of @panel and one of @applications
 * (SpireRecord); response "declare", enabled with a reason. */
SpireConflictDialog *spire_conflict_dialog_new (GtkWidget *from, SpireStore *store,
                                                GPtrArray *panel, GPtrArray *applications);
const char *spire_conflict_dialog_get_evaluator (SpireConflictDialog *self);
const char *spire_conflict_dialog_get_application (SpireConflictDialog *self);
const char *spire_conflict_dialog_get_kind (SpireConflictDialog *self);
char *spire_conflict_dialog_get_reason (SpireConflictDialog *self);

G_END_DECLS
