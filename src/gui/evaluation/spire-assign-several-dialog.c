/* spire-assign-several-dialog.c — assigns several applications to one panel member
 *
 * All or nothing (spire_assign_many): with a conflict of interest on any
 * application, nothing is assigned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-assign-several-dialog.h"
#include "spire-application-check-row.h"
#include "spire-evaluation-part.h"

struct _SpireAssignSeveralDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *member_row;
  GtkListBox *apps_list;

  GPtrArray *members;
};

G_DEFINE_FINAL_TYPE (SpireAssignSeveralDialog, spire_assign_several_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update (SpireAssignSeveralDialog *self)
{
  g_autofree const char **chosen = spire_assign_several_dialog_get_chosen (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign",
                                           chosen[0] != NULL && self->members->len > 0);
}

static void
spire_assign_several_dialog_dispose (GObject *object)
{
  SpireAssignSeveralDialog *self = SPIRE_ASSIGN_SEVERAL_DIALOG (object);

  g_clear_pointer (&self->members, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG);
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
  gtk_widget_class_bind_template_child (widget_class, SpireAssignSeveralDialog, apps_list);
}

static void
spire_assign_several_dialog_init (SpireAssignSeveralDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpireAssignSeveralDialog *
spire_assign_several_dialog_new (GtkWidget *from, SpireStore *store, GPtrArray *members,
                                 GPtrArray *applications)
{
  SpireAssignSeveralDialog *self = g_object_new (SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG, "transient-for",
                                                 _spire_evaluation_window_of (from), NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  self->members = g_ptr_array_ref (members);
  for (guint i = 0; i < members->len; i++)
    {
      g_autofree char *who = _spire_evaluation_evaluator_name (store,
                                                               spire_record_get_uuid (members->pdata[i]));
      gtk_string_list_append (names, who);
    }
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (names));
  if (applications->len == 0)
    gtk_list_box_append (self->apps_list, _spire_evaluation_placeholder_row (
                                            _("No applications that can be assigned")));
  for (guint i = 0; i < applications->len; i++)
    {
      GtkWidget *row = spire_application_check_row_new (store, applications->pdata[i]);

      g_signal_connect_object (row, "toggled", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->apps_list, row);
    }
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
  g_return_val_if_fail (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (self), FALSE);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->apps_list)); c;
       c = gtk_widget_get_next_sibling (c))
    if (SPIRE_IS_APPLICATION_CHECK_ROW (c) &&
        g_strcmp0 (spire_application_check_row_get_uuid (SPIRE_APPLICATION_CHECK_ROW (c)),
                   application_uuid) == 0)
      {
        spire_application_check_row_set_active (SPIRE_APPLICATION_CHECK_ROW (c), chosen);
        return TRUE;
      }
  return FALSE;
}

const char **
spire_assign_several_dialog_get_chosen (SpireAssignSeveralDialog *self)
{
  GPtrArray *chosen = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->apps_list)); c;
       c = gtk_widget_get_next_sibling (c))
    if (SPIRE_IS_APPLICATION_CHECK_ROW (c) &&
        spire_application_check_row_get_active (SPIRE_APPLICATION_CHECK_ROW (c)))
      g_ptr_array_add (chosen, (gpointer) spire_application_check_row_get_uuid (SPIRE_APPLICATION_CHECK_ROW (c)));
  g_ptr_array_add (chosen, NULL);
  return (const char **) g_ptr_array_free (chosen, FALSE);
}
