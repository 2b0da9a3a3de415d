/* spire-screening-row.h — one application in screening, with its gates' answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_SCREENING_ROW (spire_screening_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireScreeningRow, spire_screening_row, SPIRE, SCREENING_ROW, GtkBox)

/* A row of the screening list view, recycled: bound to one item at a time. */
GtkWidget *spire_screening_row_new (void);
/* Shows @item (NULL: nothing). */
void spire_screening_row_bind (SpireScreeningRow *self, SpireScreeningItem *item);
void spire_screening_row_set_compact (SpireScreeningRow *self, gboolean compact);
SpireScreeningItem *spire_screening_row_get_item (SpireScreeningRow *self);

G_END_DECLS
