/* spire-deal-column.h — one stage's column on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_COLUMN (spire_deal_column_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealColumn, spire_deal_column, SPIRE, DEAL_COLUMN, GtkBox)

/* Signals:
 *   deal-selected (const char *uuid)             a card was selected
 *   deal-dropped (const char *uuid)              a card was dropped here
 *   deal-activated (const char *uuid)            Enter or a double click */

GtkWidget *spire_deal_column_new (const char *stage, int probability);
const char *spire_deal_column_get_stage (SpireDealColumn *self);
/* Shows the cards of @cards (SpireDealCard) that are in this stage. */
void spire_deal_column_set_cards (SpireDealColumn *self, GPtrArray *cards);
/* The cards shown, SpireDealCard. */
GListModel *spire_deal_column_get_model (SpireDealColumn *self);
gboolean spire_deal_column_select (SpireDealColumn *self, const char *uuid);
void spire_deal_column_unselect (SpireDealColumn *self);

G_END_DECLS
