/* spire-list-util.h — what the GUI's column views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* A factory for one column whose cells are GtkInscriptions that ellipsize
 * (light widgets: GTK 4.8 makes up to 200 rows of a long list at once).
 * @column is kept on the factory as "spire-column" for @bind, which is
 * connected to "bind" with @user_data. */
GtkListItemFactory *spire_inscription_factory_new (guint column, guint min_chars,
                                                   guint nat_chars, GCallback bind,
                                                   gpointer user_data);

/* Filling a long list across frames (issue 11: no frame waits for a
 * whole list).  GTK 4.8's list views make the widgets of up to 200 rows in
 * the "items-changed" handler of the first rows, and a GtkSortListModel
 * sorts what it is given there too: handing 40 000 rows to a model in one
 * splice freezes the window for as long.  A fill appends @items to @store
 * in slices, each in an idle of its own between frames, sized to take a
 * few milliseconds.  @items should come in the order the list's sorter
 * gives (made in the worker): then each slice sorts after the rows already
 * in, and the sort model's merge moves none.  @func runs after each slice
 * (the last with @done == @total). */
typedef struct _SpireListFill SpireListFill;
typedef void (*SpireListFillFunc) (gpointer user_data, guint done, guint total);

/* Empties @store; a long list's items are let go in a worker (what only
 * the store held, e.g. a cohort's 40 000 records read again, is freed
 * there, not on the main thread). */
void spire_list_store_remove_all (GListStore *store);
/* Starts filling @store (emptied first) with @items (referenced); the
 * first slice is added before this returns (and @func run, when that was
 * all). */
SpireListFill *spire_list_fill_start (GListStore *store, GPtrArray *items,
                                      SpireListFillFunc func, gpointer user_data);
/* The fewest rows a slice adds (16): fewer for a list whose rows are
 * dear to make (a ranking's dozen columns of cells: 5 ms a row while the
 * view makes its first 200 rows' widgets). */
void spire_list_fill_set_min_slice (SpireListFill *fill, guint rows);
/* TRUE while slices are still to come. */
gboolean spire_list_fill_is_running (SpireListFill *fill);
/* Adds what is left at once (someone needs every row now). */
void spire_list_fill_complete (SpireListFill *fill);
/* Stops (what was added stays); frees @fill. */
void spire_list_fill_free (SpireListFill *fill);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireListFill, spire_list_fill_free)

/* The selected items of @model in its order, as new references. */
GPtrArray *spire_selection_get_items (GtkSelectionModel *model);

/* Writes @header and @rows (a GPtrArray of GStrv; both taken) to @path as
 * CSV, with the separator of the language in use, through core's
 * spire_csv_export_write_async; @callback runs on the main thread. */
void spire_csv_export_async (gpointer source_object, const char *path, char **header,
                             GPtrArray *rows, GAsyncReadyCallback callback, gpointer user_data);
/* TRUE when written; @n_rows and @basename (the file's name) say what. */
gboolean spire_csv_export_finish (GAsyncResult *result, guint *n_rows, char **basename,
                                  GError **error);

G_END_DECLS
