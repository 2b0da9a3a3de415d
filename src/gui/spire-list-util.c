/* spire-list-util.c — what the GUI's column views share: cell factories,
 * the selection as items, CSV export, and filling a long list in slices
 * across frames (issue 11's rule that nothing longer than a frame runs on
 * the main thread)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-list-util"

#include "config.h"

#include "spire-list-util.h"

#include <glib/gi18n.h>

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

/* Filling in slices */

/* Rows added with the first slice: more than a screenful, few enough that
 * their widgets are made within a frame. */
#define FIRST_SLICE 24
/* What one slice may take, µs; slices grow or shrink to it. */
#define SLICE_BUDGET 6000
#define MIN_SLICE 16
#define MAX_SLICE 8192

struct _SpireListFill
{
  GListStore *store;
  GPtrArray *items;
  guint done;
  guint slice;
  guint min_slice;
  guint idle_id;
  SpireListFillFunc func;
  gpointer user_data;
};

static void
add_slice (SpireListFill *fill, guint n)
{
  n = MIN (n, fill->items->len - fill->done);
  g_list_store_splice (fill->store, g_list_model_get_n_items (G_LIST_MODEL (fill->store)), 0,
                       fill->items->pdata + fill->done, n);
  fill->done += n;
}

static void
finish (SpireListFill *fill)
{
  g_clear_handle_id (&fill->idle_id, g_source_remove);
}

static gboolean
fill_step_cb (gpointer data)
{
  SpireListFill *fill = data;
  gint64 t0 = g_get_monotonic_time ();
  gint64 took;

  add_slice (fill, fill->slice);
  took = MAX (g_get_monotonic_time () - t0, 1);
  /* Toward the budget, at most eight times larger a step. */
  fill->slice = CLAMP ((guint) MIN ((gint64) fill->slice * SLICE_BUDGET / took,
                                    (gint64) fill->slice * 8),
                       fill->min_slice, MAX_SLICE);
  if (fill->done == fill->items->len)
    {
      fill->idle_id = 0;
      finish (fill);
    }
  if (fill->func)
    fill->func (fill->user_data, fill->done, fill->items->len);
  return fill->idle_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
spire_list_store_remove_all (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *old;

  if (n < 1000)
    {
      g_list_store_remove_all (store);
      return;
    }
  old = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (store), i));
  g_list_store_remove_all (store);
  spire_listing_unref_in_worker (old);
}

SpireListFill *
spire_list_fill_start (GListStore *store, GPtrArray *items, SpireListFillFunc func,
                       gpointer user_data)
{
  SpireListFill *fill;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  fill = g_new0 (SpireListFill, 1);
  fill->store = g_object_ref (store);
  fill->items = items ? g_ptr_array_ref (items) : g_ptr_array_new ();
  fill->func = func;
  fill->user_data = user_data;
  fill->slice = FIRST_SLICE;
  fill->min_slice = MIN_SLICE;
  spire_list_store_remove_all (store);
  add_slice (fill, FIRST_SLICE);
  if (fill->done < fill->items->len)
    /* Below redrawing and layout: a frame comes between two slices. */
    fill->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_step_cb, fill, NULL);
  else
    {
      finish (fill);
      if (func)
        func (user_data, fill->done, fill->items->len);
    }
  return fill;
}

void
spire_list_fill_set_min_slice (SpireListFill *fill, guint rows)
{
  g_return_if_fail (fill != NULL);

  fill->min_slice = MAX (rows, 1);
  fill->slice = MAX (MIN (fill->slice, MAX_SLICE), fill->min_slice);
}

gboolean
spire_list_fill_is_running (SpireListFill *fill)
{
  return fill != NULL && fill->idle_id != 0;
}

void
spire_list_fill_complete (SpireListFill *fill)
{
  if (!spire_list_fill_is_running (fill))
    return;
  add_slice (fill, fill->items->len);
  finish (fill);
  if (fill->func)
    fill->func (fill->user_data, fill->done, fill->items->len);
}

void
spire_list_fill_free (SpireListFill *fill)
{
  if (fill == NULL)
    return;
  finish (fill);
  g_object_unref (fill->store);
  g_ptr_array_unref (fill->items);
  g_free (fill);
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
