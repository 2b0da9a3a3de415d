/* spire-deal-phase-dialog.h — asks what a new phase is called, when it is
 * planned and what it may cost; or, for a phase passed or stopped, the
 * date and what it cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_PHASE_DIALOG (spire_deal_phase_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealPhaseDialog, spire_deal_phase_dialog, SPIRE, DEAL_PHASE_DIALOG,
                      AdwMessageDialog)

/* Modal over @from's window, not yet presented.  @state NULL: a new phase
 * (name, planned date, maximum cost); "passed" or "stopped": the date it
 * was done and its cost.  The response "save" is enabled while the name (for
 * a new phase) is written and the date and money read; "cancel" closes. */
SpireDealPhaseDialog *spire_deal_phase_dialog_new (GtkWidget *from, const char *phase_name,
                                                   const char *state);
void spire_deal_phase_dialog_set_name (SpireDealPhaseDialog *self, const char *text);
char *spire_deal_phase_dialog_get_name (SpireDealPhaseDialog *self);
void spire_deal_phase_dialog_set_date (SpireDealPhaseDialog *self, const char *text);
/* ISO "YYYY-MM-DD"; NULL when empty or not a date. */
char *spire_deal_phase_dialog_get_date (SpireDealPhaseDialog *self);
void spire_deal_phase_dialog_set_cost (SpireDealPhaseDialog *self, const char *text);
/* øre; SPIRE_INT_NONE when empty or not money. */
gint64 spire_deal_phase_dialog_get_cost (SpireDealPhaseDialog *self);

G_END_DECLS
