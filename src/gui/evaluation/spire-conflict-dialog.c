/* spire-conflict-dialog.c — declares a conflict of interest
 *
 * A panel member, an application of the cohort, a kind and the reason
 * (needed).  Without members or applications it says what is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-conflict-dialog.h"
#include "spire-evaluation-part.h"

struct _SpireConflictDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *member_row;
  GtkDropDown *application_dropdown; /* searches as you type */
  AdwComboRow *kind_row;
  AdwEntryRow *reason_row;

  GPtrArray *panel;
  GPtrArray *applications;
};

G_DEFINE_FINAL_TYPE (SpireConflictDialog, spire_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_reason_changed_cb (SpireConflictDialog *self)
{
  g_autofree char *reason = spire_conflict_dialog_get_reason (self);
  gboolean ready = self->panel && self->panel->len > 0 && self->applications &&
                   self->applications->len > 0;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "declare",
                                           ready && reason[0] != '\0');
}

static void
spire_conflict_dialog_dispose (GObject *object)
{
  SpireConflictDialog *self = SPIRE_CONFLICT_DIALOG (object);

  g_clear_pointer (&self->panel, g_ptr_array_unref);
  g_clear_pointer (&self->applications, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_CONFLICT_DIALOG);
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
  gtk_widget_class_bind_template_child (widget_class, SpireConflictDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed_cb);
}

static void
spire_conflict_dialog_init (SpireConflictDialog *self)
{
  g_autoptr (GtkStringList) kinds = _spire_evaluation_enum_model (&spire_kind_conflict, "kind");

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row,
                              _spire_evaluation_enum_index (&spire_kind_conflict, "kind", "other"));
}

SpireConflictDialog *
spire_conflict_dialog_new (GtkWidget *from, SpireStore *store, GPtrArray *panel,
                           GPtrArray *applications)
{
  SpireConflictDialog *self = g_object_new (SPIRE_TYPE_CONFLICT_DIALOG, "transient-for",
                                            spire_widget_get_window (from), NULL);
  g_autoptr (GtkStringList) members = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

  self->panel = g_ptr_array_ref (panel);
  self->applications = g_ptr_array_ref (applications);
  for (guint i = 0; i < panel->len; i++)
    {
      g_autofree char *n = _spire_evaluation_evaluator_name (store,
                                                             spire_record_get_uuid (panel->pdata[i]));
      gtk_string_list_append (members, n);
    }
  for (guint i = 0; i < applications->len; i++)
    {
      g_autofree char *label = _spire_evaluation_application_label (store, applications->pdata[i]);

      gtk_string_list_append (titles, label);
    }
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (members));
  gtk_drop_down_set_model (self->application_dropdown, G_LIST_MODEL (titles));
  if (panel->len == 0 || applications->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("The cohort needs panel members and applications first."));
  return self;
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
  return uuid_at (self->applications, gtk_drop_down_get_selected (self->application_dropdown));
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
