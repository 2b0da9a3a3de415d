/* spire-program-overview-private.h — what tests may look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-program-overview.h"
#include "spire-solution-row.h"

G_BEGIN_DECLS

/* The text shown for a headline number: "invested", "signed", "pipeline",
 * "expected", "realised" or "ratio"; NULL for another key. */
const char *_spire_program_overview_get_number (SpireProgramOverview *self, const char *key);
/* The solution's row in the list, or NULL. */
SpireSolutionRow *_spire_program_overview_find_solution (SpireProgramOverview *self,
                                                         const char *name);
/* TRUE while the page says where to record the investment, and that
 * there are no deals yet (@no_deals). */
gboolean _spire_program_overview_get_hint_visible (SpireProgramOverview *self);
gboolean _spire_program_overview_get_no_deals_visible (SpireProgramOverview *self);
/* Rows in the deals-per-procedure list. */
guint _spire_program_overview_count_procedures (SpireProgramOverview *self);

G_END_DECLS
