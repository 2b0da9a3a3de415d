/* spire-screening-row.c — one application in screening, with its gates' answers
 *
 * The subtitle lists each gate and its answer; the icon says whether the
 * application is screened or ineligible.  Only a received or in-review
 * application can be screened: only then does the row lead to the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-screening-row.h"

struct _SpireScreeningRow
{
  AdwActionRow parent_instance;

  GtkWidget *arrow;

  char *uuid;
  gboolean screened;
  gboolean ineligible;
};

G_DEFINE_FINAL_TYPE (SpireScreeningRow, spire_screening_row, ADW_TYPE_ACTION_ROW)

static gboolean
can_screen (SpireRecord *app)
{
  const char *status = spire_record_get_text (app, "status");

  return g_strcmp0 (status, "received") == 0 || g_strcmp0 (status, "in_review") == 0;
}

static void
spire_screening_row_finalize (GObject *object)
{
  g_free (SPIRE_SCREENING_ROW (object)->uuid);
  G_OBJECT_CLASS (spire_screening_row_parent_class)->finalize (object);
}

static void
spire_screening_row_class_init (SpireScreeningRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = spire_screening_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-screening-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireScreeningRow, arrow);
}

static void
spire_screening_row_init (SpireScreeningRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_screening_row_new (SpireStore *store, SpireRecord *app, GPtrArray *gates)
{
  SpireScreeningRow *self = g_object_new (SPIRE_TYPE_SCREENING_ROW, NULL);
  g_autoptr (GPtrArray) answers = spire_screening_list_answers (store, spire_record_get_uuid (app),
                                                                NULL);
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  guint n_answered = 0;

  self->uuid = g_strdup (spire_record_get_uuid (app));
  if (spire_record_get_text (app, "startup"))
    startup = spire_store_get (store, &spire_kind_startup, spire_record_get_text (app, "startup"),
                               NULL);
  if (startup)
    g_string_append (subtitle, spire_record_get_display_name (startup));
  for (guint g = 0; g < gates->len; g++)
    {
      const char *gate = spire_record_get_uuid (gates->pdata[g]);
      const char *state = _("not answered");
      const char *note = NULL;

      for (guint a = 0; answers && a < answers->len; a++)
        {
          SpireScreeningAnswer *answer = answers->pdata[a];

          if (g_strcmp0 (answer->criterion, gate) == 0)
            {
              state = answer->passed ? _("passed") : _("failed");
              note = answer->note;
              n_answered++;
            }
        }
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: a gate criterion and its state, e.g. "Norwegian company: passed" */
      g_string_append_printf (subtitle, _("%s: %s"),
                              spire_record_get_display_name (gates->pdata[g]), state);
      if (note != NULL)
        /* Translators: after a gate's state, the screener's note */
        g_string_append_printf (subtitle, _(" (%s)"), note);
    }
  self->ineligible = g_strcmp0 (spire_record_get_text (app, "status"), "ineligible") == 0;
  self->screened = self->ineligible || n_answered == gates->len;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), spire_record_get_display_name (app));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  if (self->ineligible)
    {
      adw_action_row_set_icon_name (ADW_ACTION_ROW (self), "action-unavailable-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Ineligible"));
    }
  else if (n_answered == gates->len)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (self), "emblem-ok-symbolic");
  if (can_screen (app))
    {
      gtk_widget_set_visible (self->arrow, TRUE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "evaluation.screen");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", self->uuid);
    }
  return GTK_WIDGET (self);
}

const char *
spire_screening_row_get_uuid (SpireScreeningRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SCREENING_ROW (self), NULL);
  return self->uuid;
}

gboolean
spire_screening_row_is_screened (SpireScreeningRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SCREENING_ROW (self), FALSE);
  return self->screened;
}

gboolean
spire_screening_row_is_ineligible (SpireScreeningRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SCREENING_ROW (self), FALSE);
  return self->ineligible;
}
