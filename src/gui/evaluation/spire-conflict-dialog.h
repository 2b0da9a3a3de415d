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

/* Declares a conflict between a member of @panel and one of the cohort's
 * applications; response "declare", enabled with a reason.  Shown before
 * the applications are read (issue 11): a spinner on the Application row
 * until spire_conflict_dialog_set_applications gives them
 * (SpireReviewQueueItem, spire_application_queue_async's rows). */
SpireConflictDialog *spire_conflict_dialog_new_loading (GtkWidget *from, SpireStore *store,
                                                        GPtrArray *panel);
void spire_conflict_dialog_set_applications (SpireConflictDialog *self, GPtrArray *applications);
/* TRUE until the applications are given. */
gboolean spire_conflict_dialog_is_loading (SpireConflictDialog *self);
const char *spire_conflict_dialog_get_evaluator (SpireConflictDialog *self);
const char *spire_conflict_dialog_get_application (SpireConflictDialog *self);
const char *spire_conflict_dialog_get_kind (SpireConflictDialog *self);
char *spire_conflict_dialog_get_reason (SpireConflictDialog *self);

G_END_DECLS
