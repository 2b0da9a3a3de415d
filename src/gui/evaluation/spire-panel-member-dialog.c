/* spire-panel-member-dialog.c — adds a person to the cohort's panel
 *
 * Offers the people not on the panel yet ("name (organisation)") and a
 * role, "member" first.  With nobody left, says where to add people.
 * The people are read on a worker (issue 11: 70 600 at xlarge froze the
 * window): the dialog shows at once with a spinner on the Person row and
 * gets them when they are in (spire_panel_member_dialog_set_persons); the
 * choice searches as you type, over the records as they came, each label
 * made only when shown or searched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-panel-member-dialog.h"
#include "spire-evaluation-part.h"
#include "spire-row-model.h"

struct _SpirePanelMemberDialog
{
  AdwMessageDialog parent_instance;

  GtkDropDown *person_dropdown; /* searches as you type */
  GtkSpinner *person_spinner;
  AdwComboRow *role_row;

  SpireRowModel *persons; /* SpireRecord, in the list's order */
  guint n_on_panel;       /* people on the panel already (not offered) */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (SpirePanelMemberDialog, spire_panel_member_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
spire_panel_member_dialog_dispose (GObject *object)
{
  SpirePanelMemberDialog *self = SPIRE_PANEL_MEMBER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_PANEL_MEMBER_DIALOG);
  g_clear_object (&self->persons);
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
  gtk_widget_class_bind_template_child (widget_class, SpirePanelMemberDialog, person_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpirePanelMemberDialog, role_row);
}

/* "name (organisation)": made when a row is shown or searched, not for
 * every person at once. */
static char *
person_label (SpireRecord *p)
{
  const char *org;

  if (p == NULL)
    return g_strdup ("");
  org = spire_record_get_text (p, "organisation");
  return org ? g_strdup_printf ("%s (%s)", spire_record_get_display_name (p), org)
             : g_strdup (spire_record_get_display_name (p));
}

static void
spire_panel_member_dialog_init (SpirePanelMemberDialog *self)
{
  g_autoptr (GtkStringList) roles = _spire_evaluation_enum_model (&spire_kind_evaluator, "role");

  gtk_widget_init_template (GTK_WIDGET (self));
  spire_drop_down_enable_search (self->person_dropdown);
  /* its choices whole at 360 px, the title wrapping beside them */
  spire_combo_row_show_value_whole (self->role_row);
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row,
                              _spire_evaluation_enum_index (&spire_kind_evaluator, "role", "member"));
  self->persons = spire_row_model_new (SPIRE_TYPE_RECORD);
  _spire_evaluation_dropdown_set_label (self->person_dropdown, G_CALLBACK (person_label));
  _spire_evaluation_dropdown_set_model (self->person_dropdown, G_LIST_MODEL (self->persons));
}

SpirePanelMemberDialog *
spire_panel_member_dialog_new_loading (GtkWidget *from)
{
  SpirePanelMemberDialog *self = g_object_new (SPIRE_TYPE_PANEL_MEMBER_DIALOG, "transient-for",
                                               spire_widget_get_window (from), NULL);

  self->loading = TRUE;
  /* A body from the start: one that came only with an empty list grew
   * the dialog after it was shown, and its buttons fell off the bottom. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Choose a person on record. Someone new is added under People "
                                 "first."));
  /* The spinner in the drop-down's place: an empty one says "(None)". */
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->person_spinner), TRUE);
  gtk_spinner_start (self->person_spinner);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", FALSE);
  return self;
}

void
spire_panel_member_dialog_set_persons (SpirePanelMemberDialog *self, GPtrArray *persons)
{
  g_return_if_fail (SPIRE_IS_PANEL_MEMBER_DIALOG (self));

  self->loading = FALSE;
  gtk_spinner_stop (self->person_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->person_spinner), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), TRUE);
  spire_row_model_set_rows (self->persons, persons);
  gtk_widget_set_sensitive (GTK_WIDGET (self->person_dropdown), persons->len > 0);
  if (persons->len == 0 && self->n_on_panel > 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("Everyone on record is on the panel already. Add the person "
                                   "under People first."));
  else if (persons->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("There is no one on record yet. Add the person under People "
                                   "first."));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", persons->len > 0);
}

void
spire_panel_member_dialog_set_n_on_panel (SpirePanelMemberDialog *self, guint n)
{
  g_return_if_fail (SPIRE_IS_PANEL_MEMBER_DIALOG (self));

  self->n_on_panel = n;
}

gboolean
spire_panel_member_dialog_is_loading (SpirePanelMemberDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_PANEL_MEMBER_DIALOG (self), FALSE);
  return self->loading;
}

const char *
spire_panel_member_dialog_get_person (SpirePanelMemberDialog *self)
{
  SpireRecord *p;

  g_return_val_if_fail (SPIRE_IS_PANEL_MEMBER_DIALOG (self), NULL);

  p = spire_row_model_peek (self->persons, gtk_drop_down_get_selected (self->person_dropdown));
  return p ? spire_record_get_uuid (p) : NULL;
}

const char *
spire_panel_member_dialog_get_role (SpirePanelMemberDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_PANEL_MEMBER_DIALOG (self), NULL);
  return _spire_evaluation_enum_value (&spire_kind_evaluator, "role",
                                       adw_combo_row_get_selected (self->role_row));
}
