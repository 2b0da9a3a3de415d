/* spire-decision-dialog.h — a decision on one or more applications: the new
 * status, one written reason, and what it does to the cohort's seats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DECISION_DIALOG (spire_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireDecisionDialog, spire_decision_dialog, SPIRE, DECISION_DIALOG,
                      AdwMessageDialog)

/* Asks for a decision on @applications (SpireRecord or SpireRankRow…: their
 * UUIDs and statuses as @uuids and @statuses, the same length) of
 * @cohort_uuid.  With @status NULL the user chooses the new status (starting
 * at the first application's); otherwise it is @status, said by the heading
 * and the Apply button.  The response that decides is "apply", enabled only
 * with a reason and when some application would change status; "cancel"
 * closes.  When the status is "accepted" the dialog shows core's seats
 * warning (spire_cohort_seats_warning_after).  Modal over @from's window;
 * not yet presented. */
SpireDecisionDialog *spire_decision_dialog_new (GtkWidget *from, SpireStore *store,
                                                const char *cohort_uuid,
                                                const char *const *uuids,
                                                const char *const *statuses,
                                                const char *status);

/* The applications decided on. */
const char *const *spire_decision_dialog_get_uuids (SpireDecisionDialog *self);
/* The new status ("accepted"). */
const char *spire_decision_dialog_get_status (SpireDecisionDialog *self);
/* Chooses @status, as a user would (only when the status can be chosen). */
void spire_decision_dialog_set_status (SpireDecisionDialog *self, const char *status);
/* The reason as written, without surrounding white space. */
char *spire_decision_dialog_get_reason (SpireDecisionDialog *self);
void spire_decision_dialog_set_reason (SpireDecisionDialog *self, const char *reason);
/* How many of the applications the decision changes. */
guint spire_decision_dialog_get_n_changing (SpireDecisionDialog *self);
/* The seats warning shown, or NULL. */
const char *spire_decision_dialog_get_warning (SpireDecisionDialog *self);
/* Records the decision (spire_decide); an error is shown in the error
 * dialog.  Returns whether it was recorded.  The dialog's "apply" response
 * does not call this: the page that opened it does. */
gboolean spire_decision_dialog_decide (SpireDecisionDialog *self, GtkWidget *from);

G_END_DECLS
