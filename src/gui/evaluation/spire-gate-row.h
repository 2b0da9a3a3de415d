/* spire-gate-row.h — one eligibility gate in the screening dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_GATE_ROW (spire_gate_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireGateRow, spire_gate_row, SPIRE, GATE_ROW, AdwExpanderRow)

/* One eligibility gate: pass or fail, and a note (needed to fail). */
GtkWidget *spire_gate_row_new (SpireRecord *gate, const SpireScreeningAnswer *answer);
const char *spire_gate_row_get_uuid (SpireGateRow *self);
/* 1 passed, 0 failed, -1 not answered */
int spire_gate_row_get_state (SpireGateRow *self);
char *spire_gate_row_get_note (SpireGateRow *self);
void spire_gate_row_set_answer (SpireGateRow *self, int state, const char *note);

G_END_DECLS
