/* spire-solution-row.h — one solution in the program overview: who bought
 * it and when, expandable to its buyers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_SOLUTION_ROW (spire_solution_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireSolutionRow, spire_solution_row, SPIRE, SOLUTION_ROW, AdwExpanderRow)

/* A row for @reach (copied from; @reach may be freed after). */
GtkWidget *spire_solution_row_new (const SpireSolutionReach *reach);
const char *spire_solution_row_get_uuid (SpireSolutionRow *self);
/* The buyers listed when the row is expanded. */
guint spire_solution_row_get_n_buyers (SpireSolutionRow *self);

G_END_DECLS
