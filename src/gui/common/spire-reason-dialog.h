/* spire-reason-dialog.h — asks for the written reason a change needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_REASON_DIALOG (spire_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireReasonDialog, spire_reason_dialog, SPIRE, REASON_DIALOG,
                      AdwMessageDialog)

/* The response that does the change is "apply" (labelled @apply_label,
 * destructive when @destructive), enabled only while the reason is not
 * blank; "cancel" closes.  Modal over @from's window; not yet presented. */
SpireReasonDialog *spire_reason_dialog_new (GtkWidget *from, const char *heading,
                                            const char *body, const char *apply_label,
                                            gboolean destructive);
/* The reason as written, without surrounding white space. */
char *spire_reason_dialog_get_reason (SpireReasonDialog *self);
void spire_reason_dialog_set_reason (SpireReasonDialog *self, const char *reason);
/* A line under the reason (e.g. a seats warning); NULL hides it. */
void spire_reason_dialog_set_warning (SpireReasonDialog *self, const char *warning);

G_END_DECLS
