/* spire-score-row.c — one criterion of a review: a score on the scale, N/A, a comment
 *
 * One toggle button per step of the rubric's scale (its label, when the
 * rubric names the step, as tooltip); N/A makes the criterion not apply
 * and the steps insensitive.  The review form saves what the rows say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-review-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-score-row.h"

struct _SpireScoreRow
{
  AdwBin parent_instance;

  AdwActionRow *title_row;
  GtkCheckButton *na_check;
  GtkBox *steps;
  AdwEntryRow *comment_row;

  SpireRecord *criterion;
  GPtrArray *buttons; /* GtkToggleButton, one per step from min */
  gint64 min;
};

G_DEFINE_FINAL_TYPE (SpireScoreRow, spire_score_row, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_changed_cb (SpireScoreRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_na_toggled_cb (SpireScoreRow *self)
{
  gboolean na = gtk_check_button_get_active (self->na_check);

  for (guint j = 0; j < self->buttons->len; j++)
    gtk_widget_set_sensitive (self->buttons->pdata[j], !na);
  on_changed_cb (self);
}

static void
on_value_toggled_cb (GtkToggleButton *button, SpireScoreRow *self)
{
  if (gtk_toggle_button_get_active (button))
    on_changed_cb (self);
}

static void
spire_score_row_dispose (GObject *object)
{
  SpireScoreRow *self = SPIRE_SCORE_ROW (object);

  g_clear_object (&self->criterion);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_SCORE_ROW);
  G_OBJECT_CLASS (spire_score_row_parent_class)->dispose (object);
}

static void
spire_score_row_class_init (SpireScoreRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_score_row_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-score-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireScoreRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, SpireScoreRow, na_check);
  gtk_widget_class_bind_template_child (widget_class, SpireScoreRow, steps);
  gtk_widget_class_bind_template_child (widget_class, SpireScoreRow, comment_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_na_toggled_cb);
}

static void
spire_score_row_init (SpireScoreRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_ptr_array_new ();
}

GtkWidget *
spire_score_row_new (SpireRecord *c, SpireRecord *rubric)
{
  SpireScoreRow *self = g_object_new (SPIRE_TYPE_SCORE_ROW, NULL);
  gint64 max = spire_record_get_int (rubric, "scale_max");
  const char *guidance = spire_record_get_text (c, "guidance");
  GtkToggleButton *first = NULL;
  g_autofree char *title = NULL;

  self->criterion = g_object_ref (c);
  self->min = spire_record_get_int (rubric, "scale_min");
  if (g_strcmp0 (spire_record_get_text (c, "kind"), "not_counted") == 0)
    title = g_strdup_printf (_("%s (not counted)"), spire_record_get_display_name (c));
  else
    title = g_strdup (spire_record_get_display_name (c));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), title);
  if (guidance)
    adw_action_row_set_subtitle (self->title_row, guidance);
  /* As many steps as the scale has: made here, not in the template. */
  for (gint64 v = self->min; v <= max; v++)
    {
      g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT, v);
      g_autofree char *tip = spire_rubric_get_scale_label (rubric, v);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      if (tip)
        gtk_widget_set_tooltip_text (button, tip);
      if (first)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_value_toggled_cb), self, 0);
      g_ptr_array_add (self->buttons, button);
      gtk_box_append (self->steps, button);
    }
  return GTK_WIDGET (self);
}

const char *
spire_score_row_get_criterion (SpireScoreRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SCORE_ROW (self), NULL);
  return spire_record_get_uuid (self->criterion);
}

gboolean
spire_score_row_get_score (SpireScoreRow *self, double *value)
{
  g_return_val_if_fail (SPIRE_IS_SCORE_ROW (self), FALSE);

  *value = NAN;
  if (gtk_check_button_get_active (self->na_check))
    return TRUE;
  for (guint j = 0; j < self->buttons->len; j++)
    if (gtk_toggle_button_get_active (self->buttons->pdata[j]))
      {
        *value = (double) (self->min + j);
        return TRUE;
      }
  return FALSE;
}

void
spire_score_row_set_score (SpireScoreRow *self, double value)
{
  gint64 j;

  g_return_if_fail (SPIRE_IS_SCORE_ROW (self));

  if (isnan (value))
    {
      gtk_check_button_set_active (self->na_check, TRUE);
      return;
    }
  /* Only whole steps are offered (and saved: spire_rubric_value_is_step).
   * A value stored off the steps (6.5, from before that rule) chooses no
   * step rather than a rounded one the reviewer never gave. */
  if (value != floor (value))
    return;
  j = (gint64) value - self->min;
  if (j >= 0 && j < (gint64) self->buttons->len)
    gtk_toggle_button_set_active (self->buttons->pdata[j], TRUE);
}

const char *
spire_score_row_get_comment (SpireScoreRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SCORE_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->comment_row));
}

void
spire_score_row_set_comment (SpireScoreRow *self, const char *comment)
{
  g_return_if_fail (SPIRE_IS_SCORE_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->comment_row), comment ? comment : "");
}

GtkToggleButton *
_spire_score_row_get_value_button (SpireScoreRow *self, int value)
{
  gint64 j = value - self->min;

  return j >= 0 && j < (gint64) self->buttons->len ? self->buttons->pdata[j] : NULL;
}

GtkCheckButton *
_spire_score_row_get_na_button (SpireScoreRow *self)
{
  return self->na_check;
}

GtkEditable *
_spire_score_row_get_comment (SpireScoreRow *self)
{
  return GTK_EDITABLE (self->comment_row);
}
