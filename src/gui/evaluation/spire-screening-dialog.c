/* spire-screening-dialog.c — answers an application's eligibility gates
 *
 * One SpireGateRow per gate.  Saving needs at least one answer, and a
 * failed gate needs a note saying why (it becomes the written reason of
 * the ineligibility decision).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-screening-dialog.h"
#include "spire-evaluation-part.h"
#include "spire-gate-row.h"

struct _SpireScreeningDialog
{
  AdwMessageDialog parent_instance;

  GtkListBox *gate_list;

  char *application;
  GPtrArray *gates;
};

G_DEFINE_FINAL_TYPE (SpireScreeningDialog, spire_screening_dialog, ADW_TYPE_MESSAGE_DIALOG)

static SpireGateRow *
find_row (SpireScreeningDialog *self, const char *gate_uuid)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->gate_list)); c;
       c = gtk_widget_get_next_sibling (c))
    if (SPIRE_IS_GATE_ROW (c) && g_strcmp0 (spire_gate_row_get_uuid (SPIRE_GATE_ROW (c)), gate_uuid) == 0)
      return SPIRE_GATE_ROW (c);
  return NULL;
}

static void
update (SpireScreeningDialog *self)
{
  gboolean ok = FALSE;

  for (guint i = 0; i < self->gates->len; i++)
    {
      SpireGateRow *row = find_row (self, spire_record_get_uuid (self->gates->pdata[i]));
      int state = spire_gate_row_get_state (row);
      g_autofree char *note = spire_gate_row_get_note (row);

      if (state == 0 && note[0] == '\0')
        {
          ok = FALSE;
          break;
        }
      if (state >= 0)
        ok = TRUE;
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);
}

static void
spire_screening_dialog_dispose (GObject *object)
{
  SpireScreeningDialog *self = SPIRE_SCREENING_DIALOG (object);

  g_clear_pointer (&self->application, g_free);
  g_clear_pointer (&self->gates, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_SCREENING_DIALOG);
  G_OBJECT_CLASS (spire_screening_dialog_parent_class)->dispose (object);
}

static void
spire_screening_dialog_class_init (SpireScreeningDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_screening_dialog_dispose;
  g_type_ensure (SPIRE_TYPE_GATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-screening-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireScreeningDialog, gate_list);
}

static void
spire_screening_dialog_init (SpireScreeningDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpireScreeningDialog *
spire_screening_dialog_new (GtkWidget *from, SpireStore *store, SpireRecord *application,
                            GPtrArray *gates)
{
  SpireScreeningDialog *self = g_object_new (SPIRE_TYPE_SCREENING_DIALOG, "transient-for",
                                             _spire_evaluation_window_of (from), NULL);
  g_autoptr (GPtrArray) answers = spire_screening_list_answers (store,
                                                                spire_record_get_uuid (application),
                                                                NULL);
  g_autofree char *heading = NULL;

  self->application = g_strdup (spire_record_get_uuid (application));
  self->gates = g_ptr_array_ref (gates);
  /* Translators: heading of the screening dialog; %s is an application */
  heading = g_strdup_printf (_("Screen “%s”"), spire_record_get_display_name (application));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  for (guint i = 0; i < gates->len; i++)
    {
      const SpireScreeningAnswer *answer = NULL;
      GtkWidget *row;

      for (guint a = 0; answers && a < answers->len; a++)
        if (g_strcmp0 (((SpireScreeningAnswer *) answers->pdata[a])->criterion,
                       spire_record_get_uuid (gates->pdata[i])) == 0)
          answer = answers->pdata[a];
      row = spire_gate_row_new (gates->pdata[i], answer);
      g_signal_connect_object (row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->gate_list, row);
    }
  update (self);
  return self;
}

const char *
spire_screening_dialog_get_application (SpireScreeningDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_SCREENING_DIALOG (self), NULL);
  return self->application;
}

GPtrArray *
spire_screening_dialog_get_gates (SpireScreeningDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_SCREENING_DIALOG (self), NULL);
  return self->gates;
}

gboolean
spire_screening_dialog_set_answer (SpireScreeningDialog *self, const char *gate_uuid, int state,
                                   const char *note)
{
  SpireGateRow *row;

  g_return_val_if_fail (SPIRE_IS_SCREENING_DIALOG (self), FALSE);
  row = find_row (self, gate_uuid);
  if (row == NULL)
    return FALSE;
  spire_gate_row_set_answer (row, state, note);
  return TRUE;
}

int
spire_screening_dialog_get_answer (SpireScreeningDialog *self, const char *gate_uuid, char **note)
{
  SpireGateRow *row;

  g_return_val_if_fail (SPIRE_IS_SCREENING_DIALOG (self), -1);
  row = find_row (self, gate_uuid);
  if (note)
    *note = row ? spire_gate_row_get_note (row) : NULL;
  return row ? spire_gate_row_get_state (row) : -1;
}
