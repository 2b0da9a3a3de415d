/* spire-rubric-copy-dialog.c — chooses the cohort whose rubric is copied
 *
 * Lists "program — cohort" for each cohort given; with none, says so and
 * cannot copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-rubric-copy-dialog.h"
#include "spire-evaluation-part.h"

struct _SpireRubricCopyDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow *cohort_row;

  GPtrArray *cohorts;
};

G_DEFINE_FINAL_TYPE (SpireRubricCopyDialog, spire_rubric_copy_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
spire_rubric_copy_dialog_dispose (GObject *object)
{
  SpireRubricCopyDialog *self = SPIRE_RUBRIC_COPY_DIALOG (object);

  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_RUBRIC_COPY_DIALOG);
  G_OBJECT_CLASS (spire_rubric_copy_dialog_parent_class)->dispose (object);
}

static void
spire_rubric_copy_dialog_class_init (SpireRubricCopyDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_rubric_copy_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-rubric-copy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireRubricCopyDialog, cohort_row);
}

static void
spire_rubric_copy_dialog_init (SpireRubricCopyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpireRubricCopyDialog *
spire_rubric_copy_dialog_new (GtkWidget *from, SpireStore *store, GPtrArray *cohorts)
{
  SpireRubricCopyDialog *self = g_object_new (SPIRE_TYPE_RUBRIC_COPY_DIALOG, "transient-for",
                                              _spire_evaluation_window_of (from), NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  self->cohorts = g_ptr_array_ref (cohorts);
  for (guint i = 0; i < cohorts->len; i++)
    {
      SpireRecord *c = cohorts->pdata[i];
      g_autoptr (SpireRecord) program = spire_store_get (store, &spire_kind_program,
                                                         spire_record_get_text (c, "program"), NULL);
      g_autofree char *label = g_strdup_printf ("%s — %s",
                                                program ? spire_record_get_display_name (program) : "",
                                                spire_record_get_display_name (c));

      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->cohort_row, G_LIST_MODEL (names));
  if (cohorts->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("No other cohort has a rubric to copy."));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "copy", cohorts->len > 0);
  return self;
}

const char *
spire_rubric_copy_dialog_get_cohort (SpireRubricCopyDialog *self)
{
  guint i;

  g_return_val_if_fail (SPIRE_IS_RUBRIC_COPY_DIALOG (self), NULL);
  i = adw_combo_row_get_selected (self->cohort_row);
  return i < self->cohorts->len ? spire_record_get_uuid (self->cohorts->pdata[i]) : NULL;
}
