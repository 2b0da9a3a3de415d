/* spire-conflict-dialog.c — declares a conflict of interest
 *
 * A panel member, an application of the cohort, a kind and the reason
 * (needed).  Without members or applications it says what is missing.
 * The applications with their labels are read on a worker
 * (spire_application_queue_async; issue 11: a row and a startup read per
 * application, 40 000 at xlarge, froze the window): the dialog shows at
 * once with a spinner on the Application row, and the choice, which
 * searches as you type, is a list view over the worker's rows as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-conflict-dialog.h"
#include "spire-evaluation-part.h"
#include "spire-row-model.h"

struct _SpireConflictDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *member_row;
  GtkDropDown *application_dropdown; /* searches as you type */
  GtkSpinner *application_spinner;
  AdwComboRow *kind_row;
  AdwEntryRow *reason_row;

  GPtrArray *panel;
  SpireRowModel *applications; /* SpireReviewQueueItem */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (SpireConflictDialog, spire_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_reason_changed_cb (SpireConflictDialog *self)
{
  g_autofree char *reason = spire_conflict_dialog_get_reason (self);
  gboolean ready = self->panel && self->panel->len > 0 && !self->loading &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->applications)) > 0;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "declare",
                                           ready && reason[0] != '\0');
}

static void
spire_conflict_dialog_dispose (GObject *object)
{
  SpireConflictDialog *self = SPIRE_CONFLICT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_CONFLICT_DIALOG);
  g_clear_pointer (&self->panel, g_ptr_array_unref);
  g_clear_object (&self->applications);
  G_OBJECT_CLASS (spire_conflict_dialog_parent_class)->dispose (object);
}

static void
spire_conflict_dialog_class_init (SpireConflictDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_conflict_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireConflictDialog, member_row);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictDialog, application_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictDialog, application_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed_cb);
}

static char *
application_label (SpireReviewQueueItem *item)
{
  return g_strdup (item ? item->label : "");
}

static void
spire_conflict_dialog_init (SpireConflictDialog *self)
{
  g_autoptr (GtkStringList) kinds = _spire_evaluation_enum_model (&spire_kind_conflict, "kind");

  gtk_widget_init_template (GTK_WIDGET (self));
  spire_drop_down_enable_search (self->application_dropdown);
  /* its choices whole at 360 px, the title wrapping beside them */
  spire_combo_row_show_value_whole (self->kind_row);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row,
                              _spire_evaluation_enum_index (&spire_kind_conflict, "kind", "other"));
  /* The worker's rows as they are: no 40 000 string objects. */
  self->applications = spire_row_model_new (SPIRE_TYPE_REVIEW_QUEUE_ITEM);
  _spire_evaluation_dropdown_set_label (self->application_dropdown, G_CALLBACK (application_label));
  _spire_evaluation_dropdown_set_model (self->application_dropdown, G_LIST_MODEL (self->applications));
}

SpireConflictDialog *
spire_conflict_dialog_new_loading (GtkWidget *from, SpireStore *store, GPtrArray *panel)
{
  SpireConflictDialog *self = g_object_new (SPIRE_TYPE_CONFLICT_DIALOG, "transient-for",
                                            spire_widget_get_window (from), NULL);
  g_autoptr (GtkStringList) members = _spire_evaluation_member_names (store, panel);

  self->panel = g_ptr_array_ref (panel);
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (members));
  self->loading = TRUE;
  /* The spinner in the drop-down's place: an empty one says "(None)". */
  gtk_widget_set_visible (GTK_WIDGET (self->application_dropdown), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->application_spinner), TRUE);
  gtk_spinner_start (self->application_spinner);
  return self;
}

void
spire_conflict_dialog_set_applications (SpireConflictDialog *self, GPtrArray *applications)
{
  g_return_if_fail (SPIRE_IS_CONFLICT_DIALOG (self));

  self->loading = FALSE;
  gtk_spinner_stop (self->application_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->application_spinner), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->application_dropdown), TRUE);
  spire_row_model_set_rows (self->applications, applications);
  gtk_widget_set_sensitive (GTK_WIDGET (self->application_dropdown), applications->len > 0);
  if (self->panel->len == 0 || applications->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("The cohort needs panel members and applications first."));
  on_reason_changed_cb (self);
}

gboolean
spire_conflict_dialog_is_loading (SpireConflictDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_CONFLICT_DIALOG (self), FALSE);
  return self->loading;
}

static const char *
uuid_at (GPtrArray *array, guint i)
{
  return array && i < array->len ? spire_record_get_uuid (array->pdata[i]) : NULL;
}

const char *
spire_conflict_dialog_get_evaluator (SpireConflictDialog *self)
{
  return uuid_at (self->panel, adw_combo_row_get_selected (self->member_row));
}

const char *
spire_conflict_dialog_get_application (SpireConflictDialog *self)
{
  SpireReviewQueueItem *item = spire_row_model_peek (
    self->applications, gtk_drop_down_get_selected (self->application_dropdown));

  return item ? spire_record_get_uuid (item->application) : NULL;
}

const char *
spire_conflict_dialog_get_kind (SpireConflictDialog *self)
{
  return _spire_evaluation_enum_value (&spire_kind_conflict, "kind",
                                       adw_combo_row_get_selected (self->kind_row));
}

char *
spire_conflict_dialog_get_reason (SpireConflictDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
}
