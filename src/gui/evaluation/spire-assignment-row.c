/* spire-assignment-row.c — one panel member assigned an application by hand
 *
 * The member and the assignment's state; its button removes the
 * assignment ("evaluation.unassign" with the member).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-assignment-row.h"
#include "spire-evaluation-part.h"

struct _SpireAssignmentRow
{
  AdwActionRow parent_instance;

  GtkWidget *remove_button;
};

G_DEFINE_FINAL_TYPE (SpireAssignmentRow, spire_assignment_row, ADW_TYPE_ACTION_ROW)

static void
spire_assignment_row_class_init (SpireAssignmentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-assignment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireAssignmentRow, remove_button);
}

static void
spire_assignment_row_init (SpireAssignmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_assignment_row_new (SpireStore *store, SpireRecord *a)
{
  SpireAssignmentRow *self = g_object_new (SPIRE_TYPE_ASSIGNMENT_ROW, NULL);
  const char *ev = spire_record_get_text (a, "evaluator");
  g_autofree char *who = _spire_evaluation_evaluator_name (store, ev);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), who);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               _spire_evaluation_enum_label (&spire_kind_assignment, "state",
                                                             spire_record_get_text (a, "state")));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s", ev);
  return GTK_WIDGET (self);
}
