/* spire-evaluation-rubric.c — the rubric part: scale, settings and criteria
 *
 * A cohort's rubric is created with the usual settings or copied from
 * another cohort's; its criteria are added, edited, ordered and removed
 * here.  Once reviews are submitted the rubric is frozen (core rule): the
 * part then only offers to unfreeze it, with a reason, which makes the
 * submitted reviews stale.
 *
 * The criteria's heading keeps its whole text on a phone: its "Add
 * Criterion…" button goes under it when both do not fit on one line
 * (spire_widget_stack_when_narrow; "Vurderingskriterier" was cut beside "Legg til
 * vurderingskriterium …" at 360 px).  Its two choices show their values
 * whole ("Gjennomsnitt" was "Gj…"): spire_combo_row_show_value_whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "common/spire-widget.h"
#include "spire-evaluation-rubric.h"
#include "spire-criterion-dialog.h"
#include "common/spire-error-dialog.h"
#include "common/spire-reason-dialog.h"
#include "spire-rubric-copy-dialog.h"
#include "common/spire-toast.h"
#include "common/spire-undo.h"

struct _SpireEvaluationRubric
{
  SpireEvaluationPart parent_instance;

  AdwPreferencesGroup *rubric_group;
  GtkWidget *create_row;
  GtkWidget *copy_row;
  AdwActionRow *frozen_row;
  GtkWidget *scale_row;
  GtkSpinButton *scale_min_spin;
  GtkSpinButton *scale_max_spin;
  AdwComboRow *aggregation_row;
  AdwComboRow *normalisation_row;
  GtkWidget *threshold_row;
  GtkSpinButton *threshold_spin;
  AdwPreferencesGroup *criteria_group;
  GtkWidget *criteria_header;
  GtkWidget *criteria_heading;
  GtkListBox *criteria_list;

  SpireRecord *rubric;   /* or NULL */
  GPtrArray *criteria;   /* SpireCriterion */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationRubric, spire_evaluation_rubric, SPIRE_TYPE_EVALUATION_PART)

#define STORE(self) spire_evaluation_part_get_store (SPIRE_EVALUATION_PART (self))
#define COHORT(self) spire_evaluation_part_get_cohort_uuid (SPIRE_EVALUATION_PART (self))

static gboolean
is_frozen (SpireEvaluationRubric *self)
{
  return self->rubric != NULL && spire_rubric_is_frozen (self->rubric);
}

static void
reload_now (SpireEvaluationRubric *self)
{
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (self));
}

static void
show_error (SpireEvaluationRubric *self, const char *heading, const GError *error)
{
  spire_error_dialog_show (GTK_WIDGET (self), heading, error);
}

/* Loading */

static void
load_settings (SpireEvaluationRubric *self)
{
  SpireRecord *r = self->rubric;

  gtk_spin_button_set_value (self->scale_min_spin, (double) spire_record_get_int (r, "scale_min"));
  gtk_spin_button_set_value (self->scale_max_spin, (double) spire_record_get_int (r, "scale_max"));
  adw_combo_row_set_selected (self->aggregation_row,
                              _spire_evaluation_enum_index (&spire_kind_rubric, "aggregation",
                                                            spire_record_get_text (r, "aggregation")));
  adw_combo_row_set_selected (self->normalisation_row,
                              _spire_evaluation_enum_index (&spire_kind_rubric, "normalisation",
                                                            spire_record_get_text (r, "normalisation")));
  gtk_spin_button_set_value (self->threshold_spin,
                             spire_record_is_null (r, "disagreement_threshold")
                               ? SPIRE_DEFAULT_DISAGREEMENT_THRESHOLD
                               : spire_record_get_real (r, "disagreement_threshold"));
}

static void
load_rubric (SpireEvaluationRubric *self)
{
  gboolean has = self->rubric != NULL;
  gboolean frozen = is_frozen (self);

  gtk_widget_set_visible (self->create_row, !has);
  gtk_widget_set_visible (self->copy_row, !frozen);
  gtk_widget_set_visible (self->scale_row, has);
  gtk_widget_set_visible (GTK_WIDGET (self->aggregation_row), has);
  gtk_widget_set_visible (GTK_WIDGET (self->normalisation_row), has);
  gtk_widget_set_visible (self->threshold_row, has);
  gtk_widget_set_visible (GTK_WIDGET (self->frozen_row), frozen);
  adw_preferences_group_set_description (
    self->rubric_group,
    has ? NULL : _("This cohort has no rubric yet. Create one with the usual settings, or copy "
                   "the rubric of another cohort."));
  if (has)
    load_settings (self);
  if (frozen)
    {
      const char *at = spire_record_get_text (self->rubric, "frozen_at");
      g_autofree char *day = g_strndup (at, 10);
      g_autofree char *date = spire_format_date (day, spire_language_current ());
      g_autofree char *title = g_strdup_printf (_("Frozen since %s"), date ? date : day);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->frozen_row), title);
    }
  gtk_widget_set_sensitive (self->scale_row, has && !frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->aggregation_row), has && !frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->normalisation_row), has && !frozen);
}

static void
load_criteria (SpireEvaluationRubric *self)
{
  _spire_evaluation_clear_list (self->criteria_list);
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_group), self->rubric != NULL);
  if (self->criteria == NULL || self->criteria->len == 0)
    {
      gtk_list_box_append (self->criteria_list,
                           _spire_evaluation_placeholder_row (_("No criteria yet")));
      return;
    }
  for (guint i = 0; i < self->criteria->len; i++)
    {
      GtkWidget *row = spire_criterion_row_new (self->criteria->pdata[i], i == 0,
                                                i + 1 == self->criteria->len);

      gtk_widget_set_sensitive (row, !is_frozen (self));
      gtk_list_box_append (self->criteria_list, row);
    }
}

static void
forget_rubric (SpireEvaluationRubric *self)
{
  g_clear_object (&self->rubric);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
}

/* Another cohort (or store) comes: what was typed into a spin button and
 * not yet confirmed (Enter, or leaving the field) is saved to the rubric
 * it was typed for first.  It was lost, and GTK confirmed the text when
 * the focus left, after the next cohort's rubric was in: another cohort's
 * rubric was changed by looking at it. */
static void
spire_evaluation_rubric_clear (SpireEvaluationPart *part)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (part);

  if (self->rubric != NULL && !self->loading && !is_frozen (self))
    {
      gtk_spin_button_update (self->scale_min_spin);
      gtk_spin_button_update (self->scale_max_spin);
      gtk_spin_button_update (self->threshold_spin);
    }
  forget_rubric (self);
}

static void
spire_evaluation_rubric_reload (SpireEvaluationPart *part)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (part);

  forget_rubric (self);
  self->loading = TRUE;
  self->rubric = spire_rubric_get_for_cohort (STORE (self), COHORT (self), NULL);
  if (self->rubric)
    self->criteria = spire_rubric_list_criteria (STORE (self), spire_record_get_uuid (self->rubric),
                                                 NULL);
  load_rubric (self);
  load_criteria (self);
  self->loading = FALSE;
}

static void
spire_evaluation_rubric_update_actions (SpireEvaluationPart *part)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (part);
  GtkWidget *w = GTK_WIDGET (self);
  gboolean has_cohort = COHORT (self) != NULL;
  gboolean has = has_cohort && self->rubric != NULL;
  gboolean editable = has && !is_frozen (self);

  gtk_widget_action_set_enabled (w, "evaluation.create-rubric", has_cohort && self->rubric == NULL);
  gtk_widget_action_set_enabled (w, "evaluation.copy-rubric", has_cohort && !is_frozen (self));
  gtk_widget_action_set_enabled (w, "evaluation.unfreeze", has && is_frozen (self));
  gtk_widget_action_set_enabled (w, "evaluation.add-criterion", editable);
  gtk_widget_action_set_enabled (w, "evaluation.edit-criterion", editable);
  gtk_widget_action_set_enabled (w, "evaluation.remove-criterion", editable);
  gtk_widget_action_set_enabled (w, "evaluation.move-criterion-up", editable);
  gtk_widget_action_set_enabled (w, "evaluation.move-criterion-down", editable);
}

/* Rubric settings, saved as they change */

static void
save_rubric (SpireEvaluationRubric *self, SpireRecord *changed)
{
  g_autoptr (GError) error = NULL;

  if (!spire_rubric_update (STORE (self), changed, &error))
    {
      show_error (self, _("The Rubric Could Not Be Saved"), error);
      reload_now (self);
    }
}

static void
on_scale_changed_cb (SpireEvaluationRubric *self)
{
  g_autoptr (SpireRecord) copy = NULL;
  gint64 min, max;

  if (self->loading || self->rubric == NULL)
    return;
  min = gtk_spin_button_get_value_as_int (self->scale_min_spin);
  max = gtk_spin_button_get_value_as_int (self->scale_max_spin);
  if (min == spire_record_get_int (self->rubric, "scale_min") &&
      max == spire_record_get_int (self->rubric, "scale_max"))
    return;
  copy = spire_record_copy (self->rubric);
  spire_record_set_int (copy, "scale_min", min);
  spire_record_set_int (copy, "scale_max", max);
  /* The labels name the default steps; they no longer fit another scale. */
  spire_record_set_null (copy, "scale_labels");
  save_rubric (self, copy);
}

static void
on_enum_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireEvaluationRubric *self)
{
  const char *field = row == self->aggregation_row ? "aggregation" : "normalisation";
  const char *value = _spire_evaluation_enum_value (&spire_kind_rubric, field,
                                                    adw_combo_row_get_selected (row));
  g_autoptr (SpireRecord) copy = NULL;

  if (self->loading || self->rubric == NULL || value == NULL ||
      g_strcmp0 (value, spire_record_get_text (self->rubric, field)) == 0)
    return;
  copy = spire_record_copy (self->rubric);
  spire_record_set_text (copy, field, value);
  save_rubric (self, copy);
}

static void
on_threshold_changed_cb (SpireEvaluationRubric *self)
{
  g_autoptr (SpireRecord) copy = NULL;
  double value = gtk_spin_button_get_value (self->threshold_spin);
  double stored, scale;

  if (self->loading || self->rubric == NULL)
    return;
  /* The stored value as the field shows it is no change: GTK reads the
   * shown text back when the focus leaves, and 1.125 shown as "1,13" must
   * not become 1.13. */
  stored = spire_record_get_real (self->rubric, "disagreement_threshold");
  scale = pow (10, gtk_spin_button_get_digits (self->threshold_spin));
  if (fabs (value - stored) < 1e-9 || fabs (value - round (stored * scale) / scale) < 1e-9)
    return;
  copy = spire_record_copy (self->rubric);
  spire_record_set_real (copy, "disagreement_threshold", value);
  save_rubric (self, copy);
}

/* Actions: rubric */

static void
create_rubric_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = spire_rubric_create (STORE (self), COHORT (self), &error);

  if (rubric == NULL)
    show_error (self, _("The Rubric Could Not Be Created"), error);
  else
    spire_toast_show (widget, _("Rubric created; add its criteria"));
  reload_now (self);
}

static void
on_copy_response_cb (SpireRubricCopyDialog *dialog, const char *response,
                     SpireEvaluationRubric *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  const char *from = spire_rubric_copy_dialog_get_cohort (dialog);

  if (g_strcmp0 (response, "copy") != 0 || from == NULL)
    return;
  rubric = spire_rubric_copy (STORE (self), from, COHORT (self), &error);
  if (rubric == NULL)
    show_error (self, _("The Rubric Could Not Be Copied"), error);
  else
    spire_toast_show (GTK_WIDGET (self), _("Rubric copied"));
  reload_now (self);
}

static void
copy_rubric_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (widget);
  g_autoptr (GPtrArray) all = spire_store_list (STORE (self), &spire_kind_cohort, NULL, NULL, NULL);
  g_autoptr (GPtrArray) cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  SpireRubricCopyDialog *dialog;

  for (guint i = 0; all && i < all->len; i++)
    {
      SpireRecord *c = all->pdata[i];
      g_autoptr (SpireRecord) rubric = NULL;

      if (g_strcmp0 (spire_record_get_uuid (c), COHORT (self)) == 0)
        continue;
      rubric = spire_rubric_get_for_cohort (STORE (self), spire_record_get_uuid (c), NULL);
      if (rubric)
        g_ptr_array_add (cohorts, g_object_ref (c));
    }
  dialog = spire_rubric_copy_dialog_new (widget, STORE (self), cohorts);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The worker has unfrozen the rubric (or not); one unfreeze at a time. */
static void
on_unfrozen_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (SpireEvaluationRubric) self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_stale = 0;
  gboolean done = spire_rubric_unfreeze_finish (SPIRE_STORE (source), result, &n_stale, &error);

  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self), NULL);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL || STORE (self) != SPIRE_STORE (source))
    return; /* gone meanwhile */
  if (!done)
    show_error (self, _("The Rubric Could Not Be Unfrozen"), error);
  else
    {
      g_autofree char *n_text = spire_format_count (n_stale, spire_language_current ());

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Rubric unfrozen; %s review is stale",
                                           "Rubric unfrozen; %s reviews are stale", n_stale),
                              n_text);
      spire_toast_show (GTK_WIDGET (self), text);
    }
  reload_now (self);
}

/* Marking thousands of reviews stale is one write on a worker (issue 11);
 * meanwhile the page says so and every part is busy: no second unfreeze,
 * no criterion changed under it. */
static void
on_unfreeze_response_cb (SpireReasonDialog *dialog, const char *response,
                         SpireEvaluationRubric *self)
{
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->rubric == NULL ||
      spire_evaluation_part_get_busy (SPIRE_EVALUATION_PART (self)) || STORE (self) == NULL)
    return;
  reason = spire_reason_dialog_get_reason (dialog);
  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self), _("Unfreezing the rubric…"));
  spire_rubric_unfreeze_async (STORE (self), spire_record_get_uuid (self->rubric), reason, NULL,
                               on_unfrozen_cb, g_object_ref (self));
}

/* The question comes once the worker has counted the reviews it makes
 * stale (issue 11: counting them read every review of the panel). */
static void
on_counted_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (SpireEvaluationRubric) self = data;
  g_autoptr (GError) error = NULL;
  gint64 counted = spire_rubric_count_submitted_finish (SPIRE_STORE (source), result, &error);
  guint n = counted > 0 ? (guint) counted : 0;
  g_autofree char *n_text = NULL;
  g_autofree char *body = NULL;
  SpireReasonDialog *dialog;

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL || STORE (self) != SPIRE_STORE (source))
    return; /* gone meanwhile */
  if (counted < 0)
    g_warning ("The reviews could not be counted: %s", error->message);
  n_text = spire_format_count (n, spire_language_current ());
  body = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%s submitted review will be marked stale: its evaluator must score again "
                 "under the changed rubric. Say why the rubric must change; the reason is kept "
                 "in the history.",
                 "%s submitted reviews will be marked stale: their evaluators must score again "
                 "under the changed rubric. Say why the rubric must change; the reason is kept "
                 "in the history.",
                 n),
    n_text);
  dialog = spire_reason_dialog_new (GTK_WIDGET (self), _("Unfreeze Rubric?"), body,
                                    _("_Unfreeze"), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unfreeze_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unfreeze_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (widget);

  spire_rubric_count_submitted_async (STORE (self), COHORT (self), NULL, on_counted_cb,
                                      g_object_ref (self));
}

/* Actions: criteria */

static void
on_criterion_response_cb (SpireCriterionDialog *dialog, const char *response,
                          SpireEvaluationRubric *self)
{
  SpireRecord *existing = spire_criterion_dialog_get_criterion (dialog);
  g_autofree char *cname = spire_criterion_dialog_get_name (dialog);
  g_autofree char *guidance = spire_criterion_dialog_get_guidance (dialog);
  double weight = spire_criterion_dialog_get_weight (dialog);
  const char *kind = spire_criterion_dialog_get_kind (dialog);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) c = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || self->rubric == NULL)
    return;
  if (existing == NULL)
    {
      c = spire_rubric_add_criterion (STORE (self), spire_record_get_uuid (self->rubric), cname,
                                      guidance[0] ? guidance : NULL, weight, kind, &error);
      ok = c != NULL;
    }
  else
    {
      c = spire_record_copy (existing);
      spire_record_set_text (c, "name", cname);
      if (guidance[0])
        spire_record_set_text (c, "guidance", guidance);
      else
        spire_record_set_null (c, "guidance");
      spire_record_set_real (c, "weight", weight);
      spire_record_set_text (c, "kind", kind);
      ok = spire_rubric_update_criterion (STORE (self), c, &error);
    }
  if (!ok)
    show_error (self, _("The Criterion Could Not Be Saved"), error);
  reload_now (self);
}

static void
criterion_dialog (SpireEvaluationRubric *self, SpireRecord *existing)
{
  SpireCriterionDialog *dialog = spire_criterion_dialog_new (GTK_WIDGET (self), existing);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_criterion_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (widget);

  if (self->rubric)
    criterion_dialog (self, NULL);
}

static void
edit_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (widget);
  const char *uuid = g_variant_get_string (param, NULL);

  for (guint i = 0; self->criteria && i < self->criteria->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (self->criteria->pdata[i]), uuid) == 0)
      criterion_dialog (self, self->criteria->pdata[i]);
}

static void
on_remove_criterion_response_cb (AdwMessageDialog *dialog, const char *response,
                                 SpireEvaluationRubric *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "spire-uuid");
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireDeletion) deletion = NULL;

  if (g_strcmp0 (response, "remove") != 0 || STORE (self) == NULL)
    return;
  deletion = spire_rubric_remove_criterion_restorably (STORE (self), uuid, &error);
  if (deletion == NULL)
    show_error (self, _("The Criterion Could Not Be Removed"), error);
  else
    spire_undo_offer (GTK_WIDGET (self), deletion);
  reload_now (self);
}

/* The bin beside a criterion removed it at one click, its guidance and
 * draft scores with it: it asks first, and the toast after offers Undo
 * (core puts the criterion back in its place, with its scores). */
static void
remove_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  const char *criterion_name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  for (guint i = 0; self->criteria && i < self->criteria->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (self->criteria->pdata[i]), uuid) == 0)
      criterion_name = spire_record_get_text (self->criteria->pdata[i], "name");
  if (criterion_name == NULL)
    return;
  heading = g_strdup_printf (_("Remove “%s”?"), criterion_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    spire_widget_get_window (widget), heading,
    _("Its guidance and weight go with it, and any scores already given on it in drafts.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter keeps it: a destructive answer is never the default */
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "spire-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_criterion_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationRubric *self = SPIRE_EVALUATION_RUBRIC (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  int delta = g_str_has_suffix (name, "-up") ? -1 : 1;
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int at = -1;

  for (guint i = 0; self->criteria && i < self->criteria->len; i++)
    {
      g_ptr_array_add (order, (gpointer) spire_record_get_uuid (self->criteria->pdata[i]));
      if (g_strcmp0 (order->pdata[i], uuid) == 0)
        at = i;
    }
  if (at < 0 || at + delta < 0 || at + delta >= (int) order->len)
    return;
  order->pdata[at] = order->pdata[at + delta];
  order->pdata[at + delta] = (gpointer) uuid;
  g_ptr_array_add (order, NULL);
  if (!spire_rubric_reorder_criteria (STORE (self), spire_record_get_uuid (self->rubric),
                                      (const char *const *) order->pdata, &error))
    show_error (self, _("The Criteria Could Not Be Reordered"), error);
  reload_now (self);
}

/* Class */

static void
spire_evaluation_rubric_dispose (GObject *object)
{
  forget_rubric (SPIRE_EVALUATION_RUBRIC (object));
  /* The bin\'s child may be a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_EVALUATION_RUBRIC);
  G_OBJECT_CLASS (spire_evaluation_rubric_parent_class)->dispose (object);
}

static void
spire_evaluation_rubric_class_init (SpireEvaluationRubricClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpireEvaluationPartClass *part_class = SPIRE_EVALUATION_PART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_evaluation_rubric_dispose;
  part_class->reload = spire_evaluation_rubric_reload;
  part_class->update_actions = spire_evaluation_rubric_update_actions;
  part_class->clear = spire_evaluation_rubric_clear;

  g_type_ensure (SPIRE_TYPE_CRITERION_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-rubric.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, rubric_group);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, create_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, copy_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, frozen_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, scale_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, scale_min_spin);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, scale_max_spin);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, aggregation_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, normalisation_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, criteria_header);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, criteria_heading);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationRubric, criteria_list);
  gtk_widget_class_bind_template_callback (widget_class, on_scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enum_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_changed_cb);

  gtk_widget_class_install_action (widget_class, "evaluation.create-rubric", NULL, create_rubric_action);
  gtk_widget_class_install_action (widget_class, "evaluation.copy-rubric", NULL, copy_rubric_action);
  gtk_widget_class_install_action (widget_class, "evaluation.unfreeze", NULL, unfreeze_action);
  gtk_widget_class_install_action (widget_class, "evaluation.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.edit-criterion", "s", edit_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.remove-criterion", "s", remove_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.move-criterion-up", "s", move_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.move-criterion-down", "s", move_criterion_action);
}

static void
spire_evaluation_rubric_init (SpireEvaluationRubric *self)
{
  g_autoptr (GtkStringList) aggregation = _spire_evaluation_enum_model (&spire_kind_rubric, "aggregation");
  g_autoptr (GtkStringList) normalisation = _spire_evaluation_enum_model (&spire_kind_rubric, "normalisation");

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  spire_widget_stack_when_narrow (self->criteria_header);
  spire_spin_button_follow_language (self->threshold_spin);
  adw_combo_row_set_model (self->aggregation_row, G_LIST_MODEL (aggregation));
  adw_combo_row_set_model (self->normalisation_row, G_LIST_MODEL (normalisation));
  /* "Gjennomsnitt" whole at 360 px, the title wrapping beside it */
  spire_combo_row_show_value_whole (self->aggregation_row);
  spire_combo_row_show_value_whole (self->normalisation_row);
  self->loading = FALSE;
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
}

SpireCriterionRow *
spire_evaluation_rubric_get_row (SpireEvaluationRubric *self, const char *uuid)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_RUBRIC (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (SPIRE_IS_CRITERION_ROW (child) &&
        g_strcmp0 (spire_criterion_row_get_uuid (SPIRE_CRITERION_ROW (child)), uuid) == 0)
      return SPIRE_CRITERION_ROW (child);
  return NULL;
}
