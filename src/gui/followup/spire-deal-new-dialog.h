/* spire-deal-new-dialog.h — records a new deal: an accepted application,
 * the buyer, the kind, the first stage, a value and a note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_NEW_DIALOG (spire_deal_new_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealNewDialog, spire_deal_new_dialog, SPIRE, DEAL_NEW_DIALOG,
                      AdwWindow)

/* Actions (on the dialog, "deal-new."):
 *   add   spire_deal_create with what the form holds; off until an
 *         application and a buyer are chosen.  Refused: an error dialog,
 *         the dialog stays.  Done: "deal-added" (the new deal's UUID),
 *         then the dialog closes.
 * Escape and Cancel close. */

/* Modal over @from's window, not yet presented: the accepted applications
 * of @cohort_uuid, or (NULL) of every cohort of @program_uuid. */
SpireDealNewDialog *spire_deal_new_dialog_new (GtkWidget *from, SpireStore *store,
                                               const char *cohort_uuid,
                                               const char *program_uuid);
/* Chooses the application or the buyer ("application", "public_body") by
 * UUID; FALSE when the dialog does not offer it. */
gboolean spire_deal_new_dialog_choose (SpireDealNewDialog *self, const char *field,
                                       const char *uuid);
/* Sets "kind", "stage", "value" or "note" as a person types it; FALSE for
 * another field. */
gboolean spire_deal_new_dialog_set_field_text (SpireDealNewDialog *self, const char *field,
                                               const char *text);
/* What the dialog says in place of the form (no accepted application, no
 * public body), or NULL while it shows the form. */
const char *spire_deal_new_dialog_get_problem (SpireDealNewDialog *self);

G_END_DECLS
