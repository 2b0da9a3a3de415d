/* spire-deal-gain-dialog.h — asks a deal's gain for a year: its kind,
 * baseline, expected and realised amounts and its owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_GAIN_DIALOG (spire_deal_gain_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealGainDialog, spire_deal_gain_dialog, SPIRE, DEAL_GAIN_DIALOG,
                      AdwMessageDialog)

/* Modal over @from's window, not yet presented.  The response "add" is
 * enabled while the year is a year and the amounts read as money. */
SpireDealGainDialog *spire_deal_gain_dialog_new (GtkWidget *from);
/* Sets a field as a person types it: "year", "kind" (the value, e.g.
 * "efficiency"), "description", "baseline", "expected", "realised", "owner". */
void spire_deal_gain_dialog_set_text (SpireDealGainDialog *self, const char *field,
                                      const char *text);
/* A new gain record for @deal_uuid from what is written; NULL when it does
 * not read. */
SpireRecord *spire_deal_gain_dialog_get_gain (SpireDealGainDialog *self, const char *deal_uuid);

G_END_DECLS
