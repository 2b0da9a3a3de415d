/* spire-assign-dialog.h — assigns one application to a panel member by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_ASSIGN_DIALOG (spire_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireAssignDialog, spire_assign_dialog, SPIRE, ASSIGN_DIALOG, AdwMessageDialog)

/* Assigns @application to one of @members (SpireRecord, the ones who may
 * get it); response "assign". */
SpireAssignDialog *spire_assign_dialog_new (GtkWidget *from, SpireStore *store,
                                            SpireRecord *application, GPtrArray *members);
const char *spire_assign_dialog_get_application (SpireAssignDialog *self);
/* The members offered, and the one chosen (NULL: none offered). */
guint spire_assign_dialog_get_n_members (SpireAssignDialog *self);
const char *spire_assign_dialog_get_member (SpireAssignDialog *self);
/* Chooses @evaluator_uuid; FALSE when the dialog does not offer them. */
gboolean spire_assign_dialog_select_member (SpireAssignDialog *self, const char *evaluator_uuid);

G_END_DECLS
