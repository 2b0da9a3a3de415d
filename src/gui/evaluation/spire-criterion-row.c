/* spire-criterion-row.c — one criterion of the rubric, with its buttons
 *
 * Its buttons name the criterion in their actions ("evaluation.edit-
 * criterion" and the others take its UUID); the rubric part does the work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-criterion-row.h"
#include "spire-evaluation-part.h"

struct _SpireCriterionRow
{
  AdwActionRow parent_instance;

  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *edit_button;
  GtkWidget *remove_button;

  char *uuid;
};

G_DEFINE_FINAL_TYPE (SpireCriterionRow, spire_criterion_row, ADW_TYPE_ACTION_ROW)

static void
spire_criterion_row_finalize (GObject *object)
{
  g_free (SPIRE_CRITERION_ROW (object)->uuid);
  G_OBJECT_CLASS (spire_criterion_row_parent_class)->finalize (object);
}

static void
spire_criterion_row_class_init (SpireCriterionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = spire_criterion_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SpireCriterionRow, remove_button);
}

static void
spire_criterion_row_init (SpireCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_criterion_row_new (SpireRecord *c, gboolean first, gboolean last)
{
  SpireCriterionRow *self = g_object_new (SPIRE_TYPE_CRITERION_ROW, NULL);
  const char *guidance = spire_record_get_text (c, "guidance");
  g_autofree char *weight = spire_format_number (spire_record_get_real (c, "weight"), 1,
                                                 spire_language_current ());
  g_autofree char *subtitle = NULL;
  GtkWidget *buttons[] = { self->up_button, self->down_button, self->edit_button,
                           self->remove_button };

  self->uuid = g_strdup (spire_record_get_uuid (c));
  /* Translators: weight, kind of criterion and its guidance */
  subtitle = g_strdup_printf (_("Weight %s · %s%s%s"), weight,
                              _spire_evaluation_enum_label (&spire_kind_criterion, "kind",
                                                            spire_record_get_text (c, "kind")),
                              guidance ? " · " : "", guidance ? guidance : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), spire_record_get_display_name (c));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i]), "s", self->uuid);
  gtk_widget_set_sensitive (self->up_button, !first);
  gtk_widget_set_sensitive (self->down_button, !last);
  return GTK_WIDGET (self);
}

const char *
spire_criterion_row_get_uuid (SpireCriterionRow *self)
{
  g_return_val_if_fail (SPIRE_IS_CRITERION_ROW (self), NULL);
  return self->uuid;
}
