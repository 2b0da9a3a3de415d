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
