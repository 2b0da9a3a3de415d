/* spire-list-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-list-util"

#include "config.h"

#include "spire-list-util.h"

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                                      "spire-min-chars")));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                                      "spire-nat-chars")));
  gtk_list_item_set_child (item, label);
}

GtkListItemFactory *
spire_inscription_factory_new (guint column, guint min_chars, guint nat_chars, GCallback bind,
                               gpointer user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "spire-column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "spire-min-chars", GUINT_TO_POINTER (min_chars));
  g_object_set_data (G_OBJECT (factory), "spire-nat-chars", GUINT_TO_POINTER (nat_chars));
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", bind, user_data);
  return factory;
}

GPtrArray *
spire_selection_get_items (GtkSelectionModel *model)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (model);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint pos;

  if (gtk_bitset_iter_init_first (&iter, set, &pos))
    do
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (model), pos));
    while (gtk_bitset_iter_next (&iter, &pos));
  return items;
}

/* The writing is core's (spire_csv_export_write_async): no thread here. */

static void
on_export_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  guint n_rows = 0;

  if (spire_csv_export_write_finish (result, &n_rows, &error))
    {
      g_object_set_data (G_OBJECT (task), "spire-n-rows", GUINT_TO_POINTER (n_rows));
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

void
spire_csv_export_async (gpointer source_object, const char *path, char **header, GPtrArray *rows,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (source_object, NULL, callback, user_data);

  g_task_set_source_tag (task, spire_csv_export_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  spire_csv_export_write_async (path, header, rows,
                                spire_csv_separator_for_language (spire_language_current ()),
                                NULL, on_export_written_cb, task);
}

gboolean
spire_csv_export_finish (GAsyncResult *result, guint *n_rows, char **basename, GError **error)
{
  const char *path = g_task_get_task_data (G_TASK (result));

  if (n_rows)
    *n_rows = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "spire-n-rows"));
  if (basename)
    *basename = g_path_get_basename (path);
  return g_task_propagate_boolean (G_TASK (result), error);
}
