/* spire-criterion-dialog.c — adds or edits a criterion of the rubric
 *
 * Its name may not be blank; the rubric part saves it through the core
 * (spire_rubric_add_criterion / spire_rubric_update_criterion).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-criterion-dialog.h"
#include "spire-evaluation-part.h"

struct _SpireCriterionDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *guidance_row;
  GtkSpinButton *weight_spin;
  AdwComboRow *kind_row;

  SpireRecord *criterion;
};

G_DEFINE_FINAL_TYPE (SpireCriterionDialog, spire_criterion_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_name_changed_cb (SpireCriterionDialog *self)
{
  g_autofree char *name = spire_criterion_dialog_get_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", name[0] != '\0');
}

static void
spire_criterion_dialog_dispose (GObject *object)
{
  SpireCriterionDialog *self = SPIRE_CRITERION_DIALOG (object);

  g_clear_object (&self->criterion);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_CRITERION_DIALOG);
  G_OBJECT_CLASS (spire_criterion_dialog_parent_class)->dispose (object);
}

static void
spire_criterion_dialog_class_init (SpireCriterionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_criterion_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-criterion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionDialog, guidance_row);
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionDialog, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionDialog, kind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
}

static void
spire_criterion_dialog_init (SpireCriterionDialog *self)
{
  g_autoptr (GtkStringList) kinds = _spire_evaluation_enum_model (&spire_kind_criterion, "kind");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* its choices whole at 360 px, the title wrapping beside them */
  spire_combo_row_show_value_whole (self->kind_row);
  spire_spin_button_follow_language (self->weight_spin);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

SpireCriterionDialog *
spire_criterion_dialog_new (GtkWidget *from, SpireRecord *existing)
{
  SpireCriterionDialog *self = g_object_new (SPIRE_TYPE_CRITERION_DIALOG,
                                             "transient-for", spire_widget_get_window (from),
                                             NULL);

  if (existing)
    {
      self->criterion = g_object_ref (existing);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Criterion"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
      spire_criterion_dialog_set_values (self, spire_record_get_text (existing, "name"),
                                         spire_record_get_text (existing, "guidance"),
                                         spire_record_get_real (existing, "weight"),
                                         spire_record_get_text (existing, "kind"));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

SpireRecord *
spire_criterion_dialog_get_criterion (SpireCriterionDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_CRITERION_DIALOG (self), NULL);
  return self->criterion;
}

void
spire_criterion_dialog_set_values (SpireCriterionDialog *self, const char *name,
                                   const char *guidance, double weight, const char *kind)
{
  g_return_if_fail (SPIRE_IS_CRITERION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->guidance_row), guidance ? guidance : "");
  gtk_spin_button_set_value (self->weight_spin, weight);
  adw_combo_row_set_selected (self->kind_row,
                              _spire_evaluation_enum_index (&spire_kind_criterion, "kind", kind));
}

char *
spire_criterion_dialog_get_name (SpireCriterionDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

char *
spire_criterion_dialog_get_guidance (SpireCriterionDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->guidance_row))));
}

double
spire_criterion_dialog_get_weight (SpireCriterionDialog *self)
{
  return gtk_spin_button_get_value (self->weight_spin);
}

const char *
spire_criterion_dialog_get_kind (SpireCriterionDialog *self)
{
  return _spire_evaluation_enum_value (&spire_kind_criterion, "kind",
                                       adw_combo_row_get_selected (self->kind_row));
}
