/* spire-assign-several-dialog.c — assigns several applications to one panel member
 *
 * All or nothing (spire_assign_many): with a conflict of interest on any
 * application, nothing is assigned.  The applications are the Assignment
 * part's assignable ones, read on a worker (spire_assignable_queue_async),
 * shown in a GtkListView (issue 11: a check row per application, 40 000 at
 * xlarge, froze the window); what is ticked is kept by UUID, not in the
 * rows, which the view makes only for what it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-assign-several-dialog.h"
#include "spire-application-check-row.h"
#include "spire-evaluation-part.h"
#include "spire-row-model.h"

struct _SpireAssignSeveralDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *member_row;
  GtkListBox *empty_list;
  GtkWidget *apps_scroller;
  GtkListView *apps_view;

  GPtrArray *members;
  GPtrArray *applications; /* SpireReviewQueueItem, in the list's order */
  SpireRowModel *model;
  GHashTable *offered;     /* application UUID → its SpireReviewQueueItem */
  GHashTable *chosen;      /* the UUIDs ticked (the items' strings) */
  GHashTable *bound;       /* application UUID → the row showing it */
};

G_DEFINE_FINAL_TYPE (SpireAssignSeveralDialog, spire_assign_several_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update (SpireAssignSeveralDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign",
                                           g_hash_table_size (self->chosen) > 0 &&
                                             self->members->len > 0);
}

static void
on_row_toggled_cb (SpireApplicationCheckRow *row, SpireAssignSeveralDialog *self)
{
  const char *uuid = spire_application_check_row_get_uuid (row);
  SpireReviewQueueItem *item = uuid ? g_hash_table_lookup (self->offered, uuid) : NULL;

  if (item == NULL)
    return;
  if (spire_application_check_row_get_active (row))
    g_hash_table_add (self->chosen, (gpointer) spire_record_get_uuid (item->application));
  else
    g_hash_table_remove (self->chosen, uuid);
  update (self);
}

static void
on_activate_cb (SpireAssignSeveralDialog *self, guint position)
{
  SpireReviewQueueItem *item = spire_row_model_peek (self->model, position);
  SpireApplicationCheckRow *row = item ? g_hash_table_lookup (
                                           self->bound, spire_record_get_uuid (item->application))
                                       : NULL;

  if (row != NULL)
    spire_application_check_row_toggle (row);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
             SpireAssignSeveralDialog *self)
{
  GtkWidget *row = spire_application_check_row_new ();

  g_signal_connect_object (row, "toggled", G_CALLBACK (on_row_toggled_cb), self, 0);
  gtk_list_item_set_child (list_item, row);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
            SpireAssignSeveralDialog *self)
{
  SpireReviewQueueItem *item = gtk_list_item_get_item (list_item);
  SpireApplicationCheckRow *row = SPIRE_APPLICATION_CHECK_ROW (gtk_list_item_get_child (list_item));
  const char *uuid = spire_record_get_uuid (item->application);

  spire_application_check_row_bind (row, item, g_hash_table_contains (self->chosen, uuid));
  g_hash_table_replace (self->bound, (gpointer) uuid, row);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
              SpireAssignSeveralDialog *self)
{
  SpireApplicationCheckRow *row = SPIRE_APPLICATION_CHECK_ROW (gtk_list_item_get_child (list_item));
  const char *uuid = spire_application_check_row_get_uuid (row);

  if (self->bound && uuid && g_hash_table_lookup (self->bound, uuid) == row)
    g_hash_table_remove (self->bound, uuid);
  spire_application_check_row_bind (row, NULL, FALSE);
}

/* Rows handed to the view a slice a frame (spire_row_model_set_rows_sliced,
 * as in the Screening part: issue 11); fewer a frame than there, the titles
 * wrap to two lines (a wrapped label is measured several times). */
#define SLICE_ROWS 16

static void
spire_assign_several_dialog_dispose (GObject *object)
{
  SpireAssignSeveralDialog *self = SPIRE_ASSIGN_SEVERAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->offered, g_hash_table_unref);
  g_clear_object (&self->model);
  g_clear_pointer (&self->applications, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  G_OBJECT_CLASS (spire_assign_several_dialog_parent_class)->dispose (object);
}

static void
spire_assign_several_dialog_class_init (SpireAssignSeveralDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_assign_several_dialog_dispose;
  g_type_ensure (SPIRE_TYPE_APPLICATION_CHECK_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-assign-several-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireAssignSeveralDialog, member_row);
  gtk_widget_class_bind_template_child (widget_class, SpireAssignSeveralDialog, empty_list);
  gtk_widget_class_bind_template_child (widget_class, SpireAssignSeveralDialog, apps_scroller);
  gtk_widget_class_bind_template_child (widget_class, SpireAssignSeveralDialog, apps_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
spire_assign_several_dialog_init (SpireAssignSeveralDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->model = spire_row_model_new (SPIRE_TYPE_REVIEW_QUEUE_ITEM);
  self->offered = g_hash_table_new (g_str_hash, g_str_equal);
  self->chosen = g_hash_table_new (g_str_hash, g_str_equal);
  self->bound = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->apps_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->apps_view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                              g_object_ref (G_LIST_MODEL (self->model)))));
}

SpireAssignSeveralDialog *
spire_assign_several_dialog_new (GtkWidget *from, SpireStore *store, GPtrArray *members,
                                 GPtrArray *applications)
{
  SpireAssignSeveralDialog *self = g_object_new (SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG, "transient-for",
                                                 spire_widget_get_window (from), NULL);
  g_autoptr (GtkStringList) names = _spire_evaluation_member_names (store, members);

  self->members = g_ptr_array_ref (members);
  self->applications = g_ptr_array_ref (applications);
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (names));
  for (guint i = 0; i < applications->len; i++)
    {
      SpireReviewQueueItem *item = applications->pdata[i];

      g_hash_table_insert (self->offered, (gpointer) spire_record_get_uuid (item->application),
                           item);
    }
  if (applications->len == 0)
    {
      gtk_list_box_append (self->empty_list, _spire_evaluation_placeholder_row (
                                               _("No applications that can be assigned")));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_list), TRUE);
      gtk_widget_set_visible (self->apps_scroller, FALSE);
    }
  else
    /* A few rows in the frame that shows the dialog. */
    spire_row_model_set_rows_sliced (self->model, applications, GTK_WIDGET (self->apps_view),
                                     SLICE_ROWS / 4, SLICE_ROWS);
  update (self);
  return self;
}

const char *
spire_assign_several_dialog_get_member (SpireAssignSeveralDialog *self)
{
  guint i;

  g_return_val_if_fail (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (self), NULL);
  i = adw_combo_row_get_selected (self->member_row);
  return i < self->members->len ? spire_record_get_uuid (self->members->pdata[i]) : NULL;
}

gboolean
spire_assign_several_dialog_select_member (SpireAssignSeveralDialog *self,
                                           const char *evaluator_uuid)
{
  g_return_val_if_fail (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (self), FALSE);

  for (guint i = 0; i < self->members->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (self->members->pdata[i]), evaluator_uuid) == 0)
      {
        adw_combo_row_set_selected (self->member_row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
spire_assign_several_dialog_set_chosen (SpireAssignSeveralDialog *self,
                                        const char *application_uuid, gboolean chosen)
{
  SpireReviewQueueItem *item;
  SpireApplicationCheckRow *row;

  g_return_val_if_fail (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (self), FALSE);

  item = application_uuid ? g_hash_table_lookup (self->offered, application_uuid) : NULL;
  if (item == NULL)
    return FALSE;
  if (chosen)
    g_hash_table_add (self->chosen, (gpointer) spire_record_get_uuid (item->application));
  else
    g_hash_table_remove (self->chosen, application_uuid);
  /* The row showing it, if one does, shows it ticked. */
  row = g_hash_table_lookup (self->bound, application_uuid);
  if (row != NULL)
    spire_application_check_row_bind (row, item, chosen);
  update (self);
  return TRUE;
}

const char **
spire_assign_several_dialog_get_chosen (SpireAssignSeveralDialog *self)
{
  GPtrArray *chosen = g_ptr_array_new ();

  /* In the list's order. */
  for (guint i = 0; i < self->applications->len; i++)
    {
      const char *uuid = spire_record_get_uuid (
        ((SpireReviewQueueItem *) self->applications->pdata[i])->application);

      if (g_hash_table_contains (self->chosen, uuid))
        g_ptr_array_add (chosen, (gpointer) uuid);
    }
  g_ptr_array_add (chosen, NULL);
  return (const char **) g_ptr_array_free (chosen, FALSE);
}

gboolean
spire_assign_several_dialog_is_loading (SpireAssignSeveralDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (self), FALSE);
  return spire_row_model_is_slicing (self->model);
}

guint
spire_assign_several_dialog_get_n_offered (SpireAssignSeveralDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (self), 0);
  return self->applications->len;
}
