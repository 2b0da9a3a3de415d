/* spire-deal-move-dialog.h — asks the date, a note and (for "no deal") the
 * reason of a deal's move to another stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_MOVE_DIALOG (spire_deal_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealMoveDialog, spire_deal_move_dialog, SPIRE, DEAL_MOVE_DIALOG,
                      AdwMessageDialog)

/* Modal over @from's window, not yet presented.  The response "move" is
 * enabled while the date is a date and, when @needs_reason, a reason is
 * written; "cancel" closes.  The date starts as today. */
SpireDealMoveDialog *spire_deal_move_dialog_new (GtkWidget *from, const char *deal_name,
                                                 const char *stage_label,
                                                 gboolean needs_reason);
void spire_deal_move_dialog_set_date (SpireDealMoveDialog *self, const char *text);
/* The date as ISO "YYYY-MM-DD", or NULL when it is not a date. */
char *spire_deal_move_dialog_get_date (SpireDealMoveDialog *self);
void spire_deal_move_dialog_set_note (SpireDealMoveDialog *self, const char *note);
char *spire_deal_move_dialog_get_note (SpireDealMoveDialog *self);
void spire_deal_move_dialog_set_reason (SpireDealMoveDialog *self, const char *reason);
char *spire_deal_move_dialog_get_reason (SpireDealMoveDialog *self);

G_END_DECLS
