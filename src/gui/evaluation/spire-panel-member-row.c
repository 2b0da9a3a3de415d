/* spire-panel-member-row.c — one panel member: role, progress, remove
 *
 * Choosing another role asks the panel part to change it
 * ("evaluation.set-role" with the member and the role); the core refuses
 * what the rules forbid and the part shows why.  Its role is shown whole
 * at 360 px ("Observatør" was cut), its name and load wrapping beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-widget.h"
#include "spire-panel-member-row.h"
#include "spire-evaluation-part.h"

struct _SpirePanelMemberRow
{
  AdwComboRow parent_instance;

  GtkLevelBar *progress;
  GtkWidget *remove_button;

  char *uuid;
  char *role;
};

G_DEFINE_FINAL_TYPE (SpirePanelMemberRow, spire_panel_member_row, ADW_TYPE_COMBO_ROW)

static void
on_selected_cb (SpirePanelMemberRow *self)
{
  const char *role = _spire_evaluation_enum_value (&spire_kind_evaluator, "role",
                                                   adw_combo_row_get_selected (ADW_COMBO_ROW (self)));

  if (self->uuid == NULL || role == NULL || g_strcmp0 (role, self->role) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "evaluation.set-role", "(ss)", self->uuid, role);
}

static void
spire_panel_member_row_finalize (GObject *object)
{
  SpirePanelMemberRow *self = SPIRE_PANEL_MEMBER_ROW (object);

  g_free (self->uuid);
  g_free (self->role);
  G_OBJECT_CLASS (spire_panel_member_row_parent_class)->finalize (object);
}

static void
spire_panel_member_row_class_init (SpirePanelMemberRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = spire_panel_member_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-panel-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpirePanelMemberRow, progress);
  gtk_widget_class_bind_template_child (widget_class, SpirePanelMemberRow, remove_button);
}

static void
spire_panel_member_row_init (SpirePanelMemberRow *self)
{
  g_autoptr (GtkStringList) roles = _spire_evaluation_enum_model (&spire_kind_evaluator, "role");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* "Observatør" whole at 360 px, the name wrapping beside it */
  spire_combo_row_show_value_whole (ADW_COMBO_ROW (self));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (roles));
}

GtkWidget *
spire_panel_member_row_new (SpireRecord *ev, const char *name, const SpirePanelLoad *load)
{
  SpirePanelMemberRow *self = g_object_new (SPIRE_TYPE_PANEL_MEMBER_ROW, NULL);
  g_autofree char *subtitle = NULL;
  guint assigned = load ? load->assigned : 0;
  guint submitted = load ? load->submitted : 0;

  self->role = g_strdup (spire_record_get_text (ev, "role"));
  if (g_strcmp0 (self->role, "observer") == 0)
    subtitle = g_strdup (_("Observes; does not score"));
  else
    {
      g_autofree char *n_submitted = spire_format_count (submitted, spire_language_current ());
      g_autofree char *n_assigned = spire_format_count (assigned, spire_language_current ());

      /* Translators: a panel member's progress */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s review submitted",
                                               "%s of %s reviews submitted", assigned),
                                  n_submitted, n_assigned);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self),
                              _spire_evaluation_enum_index (&spire_kind_evaluator, "role", self->role));
  if (assigned > 0)
    {
      gtk_level_bar_set_max_value (self->progress, assigned);
      gtk_level_bar_set_value (self->progress, submitted);
      gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s",
                                    spire_record_get_uuid (ev));
  /* Only now: choosing the stored role above is no change. */
  self->uuid = g_strdup (spire_record_get_uuid (ev));
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_cb), NULL);
  return GTK_WIDGET (self);
}

const char *
spire_panel_member_row_get_uuid (SpirePanelMemberRow *self)
{
  g_return_val_if_fail (SPIRE_IS_PANEL_MEMBER_ROW (self), NULL);
  return self->uuid;
}
