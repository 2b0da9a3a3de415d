/* spire-row-model.h — a list model over an array of row objects made on a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_ROW_MODEL (spire_row_model_get_type ())
G_DECLARE_FINAL_TYPE (SpireRowModel, spire_row_model, SPIRE, ROW_MODEL, GObject)

/* An empty model of @item_type rows. */
SpireRowModel *spire_row_model_new (GType item_type);
/* The rows become @rows (GObjects of the item type; NULL: none), in one
 * step whatever their number. */
void spire_row_model_set_rows (SpireRowModel *self, GPtrArray *rows);
/* The same, but only the first @n_shown rows are in the model so far
 * (spire_row_model_show_more adds the others): a list view makes and
 * measures a widget for each of its first ~200 rows, ~1 ms each with
 * wrapped labels, so a view shown for the first time gets them a few
 * per frame (issue 11). */
void spire_row_model_set_rows_shown (SpireRowModel *self, GPtrArray *rows, guint n_shown);
/* The same for a list @view: when it is shown (or not yet: a dialog being
 * made) and @rows are more than @first, the first @first now and @slice
 * more each frame until the view has made its widgets, then the rest (also
 * at once when it is hidden first); else all now.  Setting the rows again
 * stops it. */
void spire_row_model_set_rows_sliced (SpireRowModel *self, GPtrArray *rows, GtkWidget *view,
                                      guint first, guint slice);
/* Whether rows are still being handed to the view a slice a frame */
gboolean spire_row_model_is_slicing (SpireRowModel *self);
/* Adds up to @n more of the rows (G_MAXUINT: all); returns how many are
 * still to come. */
guint spire_row_model_show_more (SpireRowModel *self, guint n);
/* The row at @position without a new reference, or NULL. */
gpointer spire_row_model_peek (SpireRowModel *self, guint position);

G_END_DECLS
