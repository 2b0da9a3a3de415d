/* spire-assign-auto-dialog.h — asks how many panel members each application gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_ASSIGN_AUTO_DIALOG (spire_assign_auto_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireAssignAutoDialog, spire_assign_auto_dialog, SPIRE, ASSIGN_AUTO_DIALOG, AdwMessageDialog)

/* How many panel members each application gets; response "assign". */
SpireAssignAutoDialog *spire_assign_auto_dialog_new (GtkWidget *from);
guint spire_assign_auto_dialog_get_k (SpireAssignAutoDialog *self);
void spire_assign_auto_dialog_set_k (SpireAssignAutoDialog *self, guint k);

G_END_DECLS
