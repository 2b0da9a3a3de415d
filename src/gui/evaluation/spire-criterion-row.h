/* spire-criterion-row.h — one criterion of the rubric, with its buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_CRITERION_ROW (spire_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireCriterionRow, spire_criterion_row, SPIRE, CRITERION_ROW, AdwActionRow)

/* The row of a criterion; %uuid is the criterion (hooks and tests find it). */
GtkWidget *spire_criterion_row_new (SpireRecord *criterion, gboolean first, gboolean last);
const char *spire_criterion_row_get_uuid (SpireCriterionRow *self);

G_END_DECLS
