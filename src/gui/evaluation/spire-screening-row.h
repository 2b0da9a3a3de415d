/* spire-screening-row.h — one application in screening, with its gates' answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_SCREENING_ROW (spire_screening_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireScreeningRow, spire_screening_row, SPIRE, SCREENING_ROW, AdwActionRow)

/* The row of @application: its gates' answers; activating it screens it
 * ("evaluation.screen") while it can be screened. */
GtkWidget *spire_screening_row_new (SpireStore *store, SpireRecord *application, GPtrArray *gates);
const char *spire_screening_row_get_uuid (SpireScreeningRow *self);
/* TRUE when every gate is answered or the application is ineligible. */
gboolean spire_screening_row_is_screened (SpireScreeningRow *self);
gboolean spire_screening_row_is_ineligible (SpireScreeningRow *self);

G_END_DECLS
