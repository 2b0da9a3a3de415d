/* spire-assign-dialog.c — assigns one application to a panel member by hand
 *
 * Offers only the members who may get it (the part leaves out observers,
 * members assigned already and members with a conflict of interest); the
 * core checks again when it assigns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-assign-dialog.h"
#include "spire-evaluation-part.h"

struct _SpireAssignDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *member_row;

  char *application;
  GPtrArray *members;
};

G_DEFINE_FINAL_TYPE (SpireAssignDialog, spire_assign_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
spire_assign_dialog_dispose (GObject *object)
{
  SpireAssignDialog *self = SPIRE_ASSIGN_DIALOG (object);

  g_clear_pointer (&self->application, g_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_ASSIGN_DIALOG);
  G_OBJECT_CLASS (spire_assign_dialog_parent_class)->dispose (object);
}

static void
spire_assign_dialog_class_init (SpireAssignDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_assign_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireAssignDialog, member_row);
}

static void
spire_assign_dialog_init (SpireAssignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpireAssignDialog *
spire_assign_dialog_new (GtkWidget *from, SpireStore *store, SpireRecord *application,
                         GPtrArray *members)
{
  SpireAssignDialog *self = g_object_new (SPIRE_TYPE_ASSIGN_DIALOG, "transient-for",
                                          _spire_evaluation_window_of (from), NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;

  self->application = g_strdup (spire_record_get_uuid (application));
  self->members = g_ptr_array_ref (members);
  for (guint i = 0; i < members->len; i++)
    {
      g_autofree char *who = _spire_evaluation_evaluator_name (store,
                                                               spire_record_get_uuid (members->pdata[i]));
      gtk_string_list_append (names, who);
    }
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (names));
  /* Translators: %s is an application */
  heading = g_strdup_printf (_("Assign “%s”"), spire_record_get_display_name (application));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  if (members->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("Every panel member who scores is assigned already or has a "
                                   "conflict of interest."));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign", members->len > 0);
  return self;
}

const char *
spire_assign_dialog_get_application (SpireAssignDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_ASSIGN_DIALOG (self), NULL);
  return self->application;
}

guint
spire_assign_dialog_get_n_members (SpireAssignDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_ASSIGN_DIALOG (self), 0);
  return self->members->len;
}

const char *
spire_assign_dialog_get_member (SpireAssignDialog *self)
{
  guint i;

  g_return_val_if_fail (SPIRE_IS_ASSIGN_DIALOG (self), NULL);
  i = adw_combo_row_get_selected (self->member_row);
  return i < self->members->len ? spire_record_get_uuid (self->members->pdata[i]) : NULL;
}

gboolean
spire_assign_dialog_select_member (SpireAssignDialog *self, const char *evaluator_uuid)
{
  g_return_val_if_fail (SPIRE_IS_ASSIGN_DIALOG (self), FALSE);

  for (guint i = 0; i < self->members->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (self->members->pdata[i]), evaluator_uuid) == 0)
      {
        adw_combo_row_set_selected (self->member_row, i);
        return TRUE;
      }
  return FALSE;
}
