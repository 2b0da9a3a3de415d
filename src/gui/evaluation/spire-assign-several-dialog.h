/* spire-assign-several-dialog.h — assigns several applications to one panel member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG (spire_assign_several_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireAssignSeveralDialog, spire_assign_several_dialog, SPIRE, ASSIGN_SEVERAL_DIALOG, AdwMessageDialog)

/* Assigns the applications ticked among @applications (SpireReviewQueueItem,
 * as spire_assignable_queue_read gives them) to one of @members
 * (SpireRecord); response "assign", enabled with a member and a tick. */
SpireAssignSeveralDialog *spire_assign_several_dialog_new (GtkWidget *from, SpireStore *store,
                                                           GPtrArray *members,
                                                           GPtrArray *applications);
const char *spire_assign_several_dialog_get_member (SpireAssignSeveralDialog *self);
gboolean spire_assign_several_dialog_select_member (SpireAssignSeveralDialog *self,
                                                    const char *evaluator_uuid);
/* Ticks @application_uuid; FALSE when it is not offered. */
gboolean spire_assign_several_dialog_set_chosen (SpireAssignSeveralDialog *self,
                                                 const char *application_uuid, gboolean chosen);
/* TRUE while the list view is still handed its rows, a slice a frame. */
gboolean spire_assign_several_dialog_is_loading (SpireAssignSeveralDialog *self);
/* How many applications the list offers. */
guint spire_assign_several_dialog_get_n_offered (SpireAssignSeveralDialog *self);
/* The UUIDs ticked, NULL-terminated (free the array, not the strings). */
const char **spire_assign_several_dialog_get_chosen (SpireAssignSeveralDialog *self);

G_END_DECLS
