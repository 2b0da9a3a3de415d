/* spire-decision-row.h — one decision in an application's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DECISION_ROW (spire_decision_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireDecisionRow, spire_decision_row, SPIRE, DECISION_ROW, GtkListBoxRow)

/* A row showing @decision (a SpireRecord of spire_kind_decision). */
GtkWidget *spire_decision_row_new (SpireRecord *decision);
/* What the row says: "from → to\nwho · when\nreason". */
char *spire_decision_row_get_text (SpireDecisionRow *self);

G_END_DECLS
