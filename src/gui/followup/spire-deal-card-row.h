/* spire-deal-card-row.h — one deal on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_CARD_ROW (spire_deal_card_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealCardRow, spire_deal_card_row, SPIRE, DEAL_CARD_ROW, GtkBox)

GtkWidget *spire_deal_card_row_new (void);
/* Shows @card (NULL: nothing); the row can then be dragged to another
 * column (the drag carries the deal's UUID). */
void spire_deal_card_row_set_card (SpireDealCardRow *self, SpireDealCard *card);

G_END_DECLS
