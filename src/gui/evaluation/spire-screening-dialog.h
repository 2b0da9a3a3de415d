/* spire-screening-dialog.h — answers an application's eligibility gates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_SCREENING_DIALOG (spire_screening_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireScreeningDialog, spire_screening_dialog, SPIRE, SCREENING_DIALOG, AdwMessageDialog)

/* Screens @application against @gates (SpireRecord); response "save",
 * enabled when something is answered and every failed gate has a note. */
SpireScreeningDialog *spire_screening_dialog_new (GtkWidget *from, SpireStore *store,
                                                  SpireRecord *application, GPtrArray *gates);
const char *spire_screening_dialog_get_application (SpireScreeningDialog *self);
GPtrArray *spire_screening_dialog_get_gates (SpireScreeningDialog *self);
/* Answers gate @gate_uuid: @state 1 passed, 0 failed, -1 not answered;
 * @note NULL keeps the note.  FALSE when the dialog has no such gate. */
gboolean spire_screening_dialog_set_answer (SpireScreeningDialog *self, const char *gate_uuid,
                                            int state, const char *note);
/* The answer given to gate @gate_uuid (see above); *@note (may be NULL). */
int spire_screening_dialog_get_answer (SpireScreeningDialog *self, const char *gate_uuid,
                                       char **note);

G_END_DECLS
