/* spire-row-model.h — a list model over an array of row objects made on a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_ROW_MODEL (spire_row_model_get_type ())
G_DECLARE_FINAL_TYPE (SpireRowModel, spire_row_model, SPIRE, ROW_MODEL, GObject)

/* An empty model of @item_type rows. */
SpireRowModel *spire_row_model_new (GType item_type);
/* The rows become @rows (GObjects of the item type; NULL: none), in one
 * step whatever their number. */
void spire_row_model_set_rows (SpireRowModel *self, GPtrArray *rows);
/* The row at @position without a new reference, or NULL. */
gpointer spire_row_model_peek (SpireRowModel *self, guint position);

G_END_DECLS
