/* spire-panel-member-dialog.h — adds a person to the cohort's panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_PANEL_MEMBER_DIALOG (spire_panel_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpirePanelMemberDialog, spire_panel_member_dialog, SPIRE, PANEL_MEMBER_DIALOG, AdwMessageDialog)

/* Offers the people and a role; response "add".  Shown before the people
 * are read (issue 11): a spinner on the Person row, "add" disabled, until
 * spire_panel_member_dialog_set_persons gives them (SpireRecord, shown in
 * their order). */
SpirePanelMemberDialog *spire_panel_member_dialog_new_loading (GtkWidget *from);
void spire_panel_member_dialog_set_persons (SpirePanelMemberDialog *self, GPtrArray *persons);
/* How many people are on the panel already (before set_persons): with no
 * one left to offer, the dialog says whether everyone is on the panel or
 * no one is on record yet. */
void spire_panel_member_dialog_set_n_on_panel (SpirePanelMemberDialog *self, guint n);
/* TRUE until the people are given. */
gboolean spire_panel_member_dialog_is_loading (SpirePanelMemberDialog *self);
/* The UUID of the person chosen, or NULL; the role ("chair", "member"…). */
const char *spire_panel_member_dialog_get_person (SpirePanelMemberDialog *self);
const char *spire_panel_member_dialog_get_role (SpirePanelMemberDialog *self);

G_END_DECLS
