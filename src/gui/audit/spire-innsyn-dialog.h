/* spire-innsyn-dialog.h — answer an innsyn request from the window
 *
 * Opened from an application (the cohort page's context menu) or from a
 * cohort (the page's menu): who asked and when the request came, the
 * report's language and where to write; then core's
 * spire_innsyn_export_async writes the PDF with progress and cancel and
 * records the request, and a toast offers to open the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_INNSYN_DIALOG (spire_innsyn_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireInnsynDialog, spire_innsyn_dialog, SPIRE, INNSYN_DIALOG, AdwWindow)

/* A dialog for the request for one application's documents, transient for
 * @from's window; @name (the applicant) names the file proposed. */
SpireInnsynDialog *spire_innsyn_dialog_new_application (GtkWidget *from, SpireStore *store,
                                                        const char *application_uuid,
                                                        const char *name);
/* … for a whole cohort's documents. */
SpireInnsynDialog *spire_innsyn_dialog_new_cohort (GtkWidget *from, SpireStore *store,
                                                   const char *cohort_uuid, const char *name);

void spire_innsyn_dialog_set_requester (SpireInnsynDialog *self, const char *requester);
/* "YYYY-MM-DD"; today when the dialog opens. */
void spire_innsyn_dialog_set_received_on (SpireInnsynDialog *self, const char *day);
void spire_innsyn_dialog_set_language (SpireInnsynDialog *self, SpireLanguage lang);
SpireLanguage spire_innsyn_dialog_get_language (SpireInnsynDialog *self);
/* Where to write without asking. */
void spire_innsyn_dialog_set_path (SpireInnsynDialog *self, const char *path);
const char *spire_innsyn_dialog_get_path (SpireInnsynDialog *self);
/* Starts the writing (as the Export button does). */
void spire_innsyn_dialog_export (SpireInnsynDialog *self);
/* Cancels the writing, or closes the dialog when nothing is written. */
void spire_innsyn_dialog_cancel (SpireInnsynDialog *self);
gboolean spire_innsyn_dialog_get_writing (SpireInnsynDialog *self);

G_END_DECLS
