/* spire-decision-row.c — one decision in an application's history
 *
 * A status change, who made it and when, and the written reason that every
 * decision has (DESIGN.md: decisions with written reasons).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cohort-resources.h"
#include "spire-decision-row.h"

struct _SpireDecisionRow
{
  GtkListBoxRow parent_instance;

  GtkLabel *change_label;
  GtkLabel *meta_label;
  GtkLabel *reason_label;
};

G_DEFINE_FINAL_TYPE (SpireDecisionRow, spire_decision_row, GTK_TYPE_LIST_BOX_ROW)

static void
spire_decision_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DECISION_ROW);
  G_OBJECT_CLASS (spire_decision_row_parent_class)->dispose (object);
}

static void
spire_decision_row_class_init (SpireDecisionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_decision_row_dispose;

  (void) spire_cohort_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/cohort/spire-decision-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDecisionRow, change_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDecisionRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDecisionRow, reason_label);
}

static void
spire_decision_row_init (SpireDecisionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_decision_row_new (SpireRecord *decision)
{
  const SpireField *field = spire_kind_field (&spire_kind_decision, "from_status");
  SpireDecisionRow *self = g_object_new (SPIRE_TYPE_DECISION_ROW, NULL);
  const char *from = spire_record_get_text (decision, "from_status");
  const char *to = spire_field_value_label (field, spire_record_get_text (decision, "to_status"));
  g_autofree char *when = spire_format_timestamp (spire_record_get_text (decision, "decided_at"),
                                                  spire_language_current ());
  g_autofree char *change = NULL;
  g_autofree char *meta = NULL;

  if (from && *from)
    /* TRANSLATORS: a status change in an application's history: "Received → Rejected" */
    change = g_strdup_printf (_("%s → %s"), spire_field_value_label (field, from), to);
  else
    change = g_strdup (to);
  /* TRANSLATORS: who decided and when: "Kari Nordmann · 23.11.2026 14:05" */
  meta = g_strdup_printf (_("%s · %s"), spire_record_get_text (decision, "decided_by"), when);

  gtk_label_set_text (self->change_label, change);
  gtk_label_set_text (self->meta_label, meta);
  gtk_label_set_text (self->reason_label, spire_record_get_text (decision, "reason"));
  return GTK_WIDGET (self);
}

char *
spire_decision_row_get_text (SpireDecisionRow *self)
{
  g_return_val_if_fail (SPIRE_IS_DECISION_ROW (self), NULL);

  return g_strjoin ("\n", gtk_label_get_text (self->change_label),
                    gtk_label_get_text (self->meta_label),
                    gtk_label_get_text (self->reason_label), NULL);
}
