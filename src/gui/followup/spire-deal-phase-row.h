/* spire-deal-phase-row.h — one phase of a deal in the deal editor: its
 * name, dates, cost against its maximum and state, with Passed and Stopped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_PHASE_ROW (spire_deal_phase_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealPhaseRow, spire_deal_phase_row, SPIRE, DEAL_PHASE_ROW,
                      AdwActionRow)

/* The buttons activate "deal.set-phase-state" ("(ss)": the phase's UUID and
 * "passed" or "stopped"); they show while the phase is planned. */
GtkWidget *spire_deal_phase_row_new (SpireRecord *phase);

G_END_DECLS
