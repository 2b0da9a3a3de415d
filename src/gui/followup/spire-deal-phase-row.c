/* spire-deal-phase-row.c — one phase of a deal in the deal editor: its
 * name, dates, cost against its maximum and state, with Passed and Stopped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-deal-phase-row.h"
#include "spire-followup-resources.h"

struct _SpireDealPhaseRow
{
  AdwActionRow parent_instance;

  GtkWidget *buttons;
  GtkWidget *pass_button;
  GtkWidget *stop_button;
  GtkLabel *state_label;
};

G_DEFINE_FINAL_TYPE (SpireDealPhaseRow, spire_deal_phase_row, ADW_TYPE_ACTION_ROW)

static void
spire_deal_phase_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_PHASE_ROW);
  G_OBJECT_CLASS (spire_deal_phase_row_parent_class)->dispose (object);
}

static void
spire_deal_phase_row_class_init (SpireDealPhaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_phase_row_dispose;

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/followup/spire-deal-phase-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseRow, buttons);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseRow, pass_button);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseRow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseRow, state_label);
}

static void
spire_deal_phase_row_init (SpireDealPhaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Planned 01.03.2026 · Done 20.05.2026 · Cost 900 000 kr of 1 000 000 kr" */
static char *
describe (SpireRecord *phase)
{
  SpireLanguage lang = spire_language_current ();
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *planned = spire_record_get_text (phase, "planned_on");
  const char *actual = spire_record_get_text (phase, "actual_on");
  gint64 cost = spire_record_get_int (phase, "cost");
  gint64 max_cost = spire_record_get_int (phase, "max_cost");

  if (planned && *planned)
    {
      g_autofree char *d = spire_format_date (planned, lang);

      g_ptr_array_add (parts, g_strdup_printf (_("Planned %s"), d));
    }
  if (actual && *actual)
    {
      g_autofree char *d = spire_format_date (actual, lang);

      g_ptr_array_add (parts, g_strdup_printf (_("Done %s"), d));
    }
  if (cost != SPIRE_INT_NONE && max_cost != SPIRE_INT_NONE)
    {
      g_autofree char *c = spire_format_money (cost, lang);
      g_autofree char *m = spire_format_money (max_cost, lang);

      /* TRANSLATORS: "Cost 900 000 kr of 1 000 000 kr" */
      g_ptr_array_add (parts, g_strdup_printf (_("Cost %s of %s"), c, m));
    }
  else if (cost != SPIRE_INT_NONE)
    {
      g_autofree char *c = spire_format_money (cost, lang);

      g_ptr_array_add (parts, g_strdup_printf (_("Cost %s"), c));
    }
  else if (max_cost != SPIRE_INT_NONE)
    {
      g_autofree char *m = spire_format_money (max_cost, lang);

      g_ptr_array_add (parts, g_strdup_printf (_("At most %s"), m));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

GtkWidget *
spire_deal_phase_row_new (SpireRecord *phase)
{
  SpireDealPhaseRow *self = g_object_new (SPIRE_TYPE_DEAL_PHASE_ROW, NULL);
  const char *uuid = spire_record_get_uuid (phase);
  const char *state = spire_record_get_text (phase, "state");
  g_autofree char *subtitle = describe (phase);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 spire_record_get_text (phase, "name"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_text (self->state_label,
                      spire_field_value_label (spire_kind_field (&spire_kind_deal_phase, "state"),
                                               state));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->pass_button), "(ss)", uuid, "passed");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->stop_button), "(ss)", uuid, "stopped");
  gtk_widget_set_visible (self->buttons, g_strcmp0 (state, "planned") == 0);
  return GTK_WIDGET (self);
}
