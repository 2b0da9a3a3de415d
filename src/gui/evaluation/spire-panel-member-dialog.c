/* spire-panel-member-dialog.c — adds a person to the cohort's panel
 *
 * Offers the people not on the panel yet ("name (organisation)") and a
 * role, "member" first.  With nobody left, says where to add people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-panel-member-dialog.h"
#include "spire-evaluation-part.h"

struct _SpirePanelMemberDialog
{
  AdwMessageDialog parent_instance;

  GtkDropDown *person_dropdown; /* searches as you type */
  AdwComboRow *role_row;

  GPtrArray *persons;
};

G_DEFINE_FINAL_TYPE (SpirePanelMemberDialog, spire_panel_member_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
spire_panel_member_dialog_dispose (GObject *object)
{
  SpirePanelMemberDialog *self = SPIRE_PANEL_MEMBER_DIALOG (object);

  g_clear_pointer (&self->persons, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_PANEL_MEMBER_DIALOG);
  G_OBJECT_CLASS (spire_panel_member_dialog_parent_class)->dispose (object);
}

static void
spire_panel_member_dialog_class_init (SpirePanelMemberDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_panel_member_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-panel-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpirePanelMemberDialog, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpirePanelMemberDialog, role_row);
}

static void
spire_panel_member_dialog_init (SpirePanelMemberDialog *self)
{
  g_autoptr (GtkStringList) roles = _spire_evaluation_enum_model (&spire_kind_evaluator, "role");

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row,
                              _spire_evaluation_enum_index (&spire_kind_evaluator, "role", "member"));
}

SpirePanelMemberDialog *
spire_panel_member_dialog_new (GtkWidget *from, GPtrArray *persons)
{
  SpirePanelMemberDialog *self = g_object_new (SPIRE_TYPE_PANEL_MEMBER_DIALOG, "transient-for",
                                               spire_widget_get_window (from), NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  self->persons = g_ptr_array_ref (persons);
  for (guint i = 0; i < persons->len; i++)
    {
      SpireRecord *p = persons->pdata[i];
      const char *org = spire_record_get_text (p, "organisation");
      g_autofree char *label = org ? g_strdup_printf ("%s (%s)", spire_record_get_display_name (p), org)
                                   : g_strdup (spire_record_get_display_name (p));

      gtk_string_list_append (names, label);
    }
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
  if (persons->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("Everyone on record is on the panel already. Add the person "
                                   "under People first."));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", persons->len > 0);
  return self;
}

const char *
spire_panel_member_dialog_get_person (SpirePanelMemberDialog *self)
{
  guint i;

  g_return_val_if_fail (SPIRE_IS_PANEL_MEMBER_DIALOG (self), NULL);
  i = gtk_drop_down_get_selected (self->person_dropdown);
  return i < self->persons->len ? spire_record_get_uuid (self->persons->pdata[i]) : NULL;
}

const char *
spire_panel_member_dialog_get_role (SpirePanelMemberDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_PANEL_MEMBER_DIALOG (self), NULL);
  return _spire_evaluation_enum_value (&spire_kind_evaluator, "role",
                                       adw_combo_row_get_selected (self->role_row));
}
