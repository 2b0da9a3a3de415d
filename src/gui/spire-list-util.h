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
