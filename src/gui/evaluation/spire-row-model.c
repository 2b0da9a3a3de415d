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
  guint n_shown; /* the first n_shown of rows are the model's items */
  /* Handing the rows to a shown view a slice a frame
   * (spire_row_model_set_rows_sliced) */
  GtkWidget *view; /* weak */
  guint slice;
  guint tick;
  gulong unmap_handler;
};

static void stop_slicing (SpireRowModel *self);

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

  return self->n_shown;
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
spire_row_model_dispose (GObject *object)
{
  stop_slicing (SPIRE_ROW_MODEL (object));
  G_OBJECT_CLASS (spire_row_model_parent_class)->dispose (object);
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
  G_OBJECT_CLASS (klass)->dispose = spire_row_model_dispose;
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
  spire_row_model_set_rows_shown (self, rows, G_MAXUINT);
}

void
spire_row_model_set_rows_shown (SpireRowModel *self, GPtrArray *rows, guint n_shown)
{
  guint removed;

  g_return_if_fail (SPIRE_IS_ROW_MODEL (self));

  stop_slicing (self);
  removed = self->n_shown;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows ? g_ptr_array_ref (rows) : NULL;
  self->n_shown = rows ? MIN (n_shown, rows->len) : 0;
  if (removed > 0 || self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_shown);
}

/* A list view makes a widget for each of its first ~200 rows (GTK 4.8)
 * and measures them: a list of hundreds given at once was one frame of
 * 100–140 ms (issue 11).  A shown view gets a slice of rows a frame until
 * it has made its widgets (SLICED_ROWS), then the rest in one step (rows
 * past those get no widget until scrolled to). */
#define SLICED_ROWS 256

static void
stop_slicing (SpireRowModel *self)
{
  if (self->view == NULL)
    return;
  if (self->tick)
    gtk_widget_remove_tick_callback (self->view, self->tick);
  g_clear_signal_handler (&self->unmap_handler, self->view);
  g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  self->tick = 0;
}

static gboolean
slice_tick_cb (GtkWidget *view, GdkFrameClock *clock, gpointer user_data)
{
  SpireRowModel *self = user_data;

  if (spire_row_model_show_more (self, self->n_shown + self->slice >= SLICED_ROWS ? G_MAXUINT
                                                                               : self->slice) > 0)
    return G_SOURCE_CONTINUE;
  self->tick = 0; /* GTK removes it: it returns G_SOURCE_REMOVE */
  stop_slicing (self);
  return G_SOURCE_REMOVE;
}

/* Hidden before the last slice: no frame ticks, the rest at once. */
static void
on_view_unmap_cb (GtkWidget *view, SpireRowModel *self)
{
  stop_slicing (self);
  spire_row_model_show_more (self, G_MAXUINT);
}

void
spire_row_model_set_rows_sliced (SpireRowModel *self, GPtrArray *rows, GtkWidget *view,
                                 guint first, guint slice)
{
  g_return_if_fail (SPIRE_IS_ROW_MODEL (self));
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (slice > 0);

  /* Hidden (realized, not mapped): no frame ticks for it.  Not shown yet
   * (a dialog being made): its first frames take the slices. */
  if (rows == NULL || rows->len <= first ||
      (gtk_widget_get_realized (view) && !gtk_widget_get_mapped (view)))
    {
      spire_row_model_set_rows (self, rows);
      return;
    }
  spire_row_model_set_rows_shown (self, rows, first);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->slice = slice;
  self->unmap_handler = g_signal_connect (view, "unmap", G_CALLBACK (on_view_unmap_cb), self);
  self->tick = gtk_widget_add_tick_callback (view, slice_tick_cb, self, NULL);
}

gboolean
spire_row_model_is_slicing (SpireRowModel *self)
{
  g_return_val_if_fail (SPIRE_IS_ROW_MODEL (self), FALSE);
  return self->view != NULL;
}

guint
spire_row_model_show_more (SpireRowModel *self, guint n)
{
  guint old, len;

  g_return_val_if_fail (SPIRE_IS_ROW_MODEL (self), 0);

  old = self->n_shown;
  len = self->rows ? self->rows->len : 0;
  self->n_shown = n >= len - old ? len : old + n;
  if (self->n_shown > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_shown - old);
  return len - self->n_shown;
}

gpointer
spire_row_model_peek (SpireRowModel *self, guint position)
{
  g_return_val_if_fail (SPIRE_IS_ROW_MODEL (self), NULL);

  return self->rows && position < self->n_shown ? self->rows->pdata[position] : NULL;
}
