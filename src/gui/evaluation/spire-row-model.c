/* spire-row-model.c — a list model over an array of row objects made on a worker
 *
 * The Evaluation view's long lists (screening, reviews) get their rows from
 * a worker as one array of small objects (issue 11).  A GListStore would
 * insert them one by one (40 000 inserts into its sequence on the main
 * thread); this model takes the array as it is, so that handing a list of
 * any size to a list view costs one "items-changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-row-model.h"

struct _SpireRowModel
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *rows;
};

static void spire_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpireRowModel, spire_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spire_row_model_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return SPIRE_ROW_MODEL (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  SpireRowModel *self = SPIRE_ROW_MODEL (model);

  return self->rows ? self->rows->len : 0;
}

static gpointer
get_item (GListModel *model, guint position)
{
  gpointer row = spire_row_model_peek (SPIRE_ROW_MODEL (model), position);

  return row ? g_object_ref (row) : NULL;
}

static void
spire_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
spire_row_model_finalize (GObject *object)
{
  g_clear_pointer (&SPIRE_ROW_MODEL (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (spire_row_model_parent_class)->finalize (object);
}

static void
spire_row_model_class_init (SpireRowModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_row_model_finalize;
}

static void
spire_row_model_init (SpireRowModel *self)
{
}

SpireRowModel *
spire_row_model_new (GType item_type)
{
  SpireRowModel *self = g_object_new (SPIRE_TYPE_ROW_MODEL, NULL);

  self->item_type = item_type;
  return self;
}

void
spire_row_model_set_rows (SpireRowModel *self, GPtrArray *rows)
{
  guint removed;

  g_return_if_fail (SPIRE_IS_ROW_MODEL (self));

  removed = get_n_items (G_LIST_MODEL (self));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows ? g_ptr_array_ref (rows) : NULL;
  if (removed > 0 || get_n_items (G_LIST_MODEL (self)) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, get_n_items (G_LIST_MODEL (self)));
}

gpointer
spire_row_model_peek (SpireRowModel *self, guint position)
{
  g_return_val_if_fail (SPIRE_IS_ROW_MODEL (self), NULL);

  return self->rows && position < self->rows->len ? self->rows->pdata[position] : NULL;
}
