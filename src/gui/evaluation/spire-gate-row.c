/* spire-gate-row.c — one eligibility gate in the screening dialog
 *
 * Pass or fail, and a note; the note becomes part of the written reason
 * when the gate fails.  Emits "changed" when any of them changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-gate-row.h"

struct _SpireGateRow
{
  AdwExpanderRow parent_instance;

  GtkToggleButton *pass_button;
  GtkToggleButton *fail_button;
  AdwEntryRow *note_row;

  char *uuid;
};

G_DEFINE_FINAL_TYPE (SpireGateRow, spire_gate_row, ADW_TYPE_EXPANDER_ROW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_changed_cb (SpireGateRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
spire_gate_row_finalize (GObject *object)
{
  g_free (SPIRE_GATE_ROW (object)->uuid);
  G_OBJECT_CLASS (spire_gate_row_parent_class)->finalize (object);
}

static void
spire_gate_row_class_init (SpireGateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = spire_gate_row_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-gate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireGateRow, pass_button);
  gtk_widget_class_bind_template_child (widget_class, SpireGateRow, fail_button);
  gtk_widget_class_bind_template_child (widget_class, SpireGateRow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
spire_gate_row_init (SpireGateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_gate_row_new (SpireRecord *gate, const SpireScreeningAnswer *answer)
{
  SpireGateRow *self = g_object_new (SPIRE_TYPE_GATE_ROW, NULL);

  self->uuid = g_strdup (spire_record_get_uuid (gate));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), spire_record_get_display_name (gate));
  if (spire_record_get_text (gate, "guidance"))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), spire_record_get_text (gate, "guidance"));
  if (answer)
    spire_gate_row_set_answer (self, answer->passed ? 1 : 0, answer->note ? answer->note : "");
  return GTK_WIDGET (self);
}

const char *
spire_gate_row_get_uuid (SpireGateRow *self)
{
  g_return_val_if_fail (SPIRE_IS_GATE_ROW (self), NULL);
  return self->uuid;
}

int
spire_gate_row_get_state (SpireGateRow *self)
{
  g_return_val_if_fail (SPIRE_IS_GATE_ROW (self), -1);

  if (gtk_toggle_button_get_active (self->fail_button))
    return 0;
  return gtk_toggle_button_get_active (self->pass_button) ? 1 : -1;
}

char *
spire_gate_row_get_note (SpireGateRow *self)
{
  g_return_val_if_fail (SPIRE_IS_GATE_ROW (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
}

void
spire_gate_row_set_answer (SpireGateRow *self, int state, const char *note)
{
  g_return_if_fail (SPIRE_IS_GATE_ROW (self));

  if (state == 1)
    gtk_toggle_button_set_active (self->pass_button, TRUE);
  else if (state == 0)
    gtk_toggle_button_set_active (self->fail_button, TRUE);
  else
    {
      gtk_toggle_button_set_active (self->pass_button, FALSE);
      gtk_toggle_button_set_active (self->fail_button, FALSE);
    }
  if (note)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), note);
}
