/* spire-review-form.c — one panel member's review of one application
 *
 * Used in the office (the Evaluation page, "Score as …") and offline (the
 * evaluator window).  Drafts are saved a second after the last change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-review-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-evaluation-resources.h"
#include "common/spire-error-dialog.h"
#include "spire-evaluation-part.h"
#include "common/spire-reason-dialog.h"
#include "common/spire-toast.h"
#include "spire-review-form.h"
#include "spire-review-form-private.h"
#include "spire-score-row.h"

#define SAVE_DELAY_MS 1000

struct _SpireReviewForm
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *title_label;
  GtkLabel *saved_label;
  GtkLabel *state_label;
  GtkLabel *identity_label;
  GtkLabel *pitch_label;
  GtkLabel *solution_label;
  GtkBox *criteria_box;
  GtkBox *recommendation_box;
  GtkToggleButton *rec_yes;
  GtkToggleButton *rec_maybe;
  GtkToggleButton *rec_no;
  GtkTextView *summary_view;
  GtkWidget *submit_button;
  GtkWidget *reopen_button;
  AdwPreferencesGroup *others_group;
  GtkListBox *others_list;

  SpireStore *store;
  char *evaluator;
  char *application;
  SpireRecord *review;
  SpireRecord *rubric;
  GPtrArray *rows; /* SpireScoreRow, in criteria_box */
  guint save_id;
  guint saved_hide_id;
  gboolean loading;
  gboolean locked;
  gboolean can_reopen;
  guint n_others;
};

G_DEFINE_FINAL_TYPE (SpireReviewForm, spire_review_form, ADW_TYPE_BIN)

static gboolean
is_submitted (SpireReviewForm *self)
{
  return self->review != NULL &&
         g_strcmp0 (spire_record_get_text (self->review, "state"), "submitted") == 0;
}

static void
update_actions (SpireReviewForm *self)
{
  gboolean open = self->review != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.submit", open && !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reopen",
                                 open && self->locked && self->can_reopen);
  gtk_widget_set_visible (self->submit_button, !self->locked);
  gtk_widget_set_visible (self->reopen_button, self->locked && self->can_reopen);
}

static void
set_locked (SpireReviewForm *self, gboolean locked)
{
  self->locked = locked;
  gtk_widget_set_sensitive (GTK_WIDGET (self->criteria_box), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recommendation_box), !locked);
  gtk_text_view_set_editable (self->summary_view, !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->summary_view), !locked);
  update_actions (self);
}

static void
update_state_label (SpireReviewForm *self)
{
  const char *text;

  if (self->review == NULL)
    text = "";
  else if (is_submitted (self))
    text = _("Submitted");
  else if (spire_record_get_bool (self->review, "stale"))
    text = _("Draft — the rubric changed, score again");
  else if (spire_record_get_uuid (self->review) == NULL)
    text = _("Not started");
  else
    text = _("Draft");
  gtk_label_set_label (self->state_label, text);
}

static gboolean
hide_saved_cb (gpointer data)
{
  SpireReviewForm *self = data;

  self->saved_hide_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), FALSE);
  return G_SOURCE_REMOVE;
}

/* The scores as the rows have them. */
static GPtrArray *
collect_scores (SpireReviewForm *self)
{
  GPtrArray *scores = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SpireScoreRow *row = self->rows->pdata[i];
      const char *comment = spire_score_row_get_comment (row);
      SpireRecord *score;
      double value;

      if (!spire_score_row_get_score (row, &value))
        continue;
      score = spire_record_new (&spire_kind_score);
      spire_record_set_text (score, "criterion", spire_score_row_get_criterion (row));
      if (isnan (value))
        spire_record_set_null (score, "value");
      else
        spire_record_set_real (score, "value", value);
      if (comment[0] != '\0')
        spire_record_set_text (score, "comment", comment);
      g_ptr_array_add (scores, score);
    }
  return scores;
}

static void
collect_review (SpireReviewForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  g_autofree char *summary = NULL;

  if (gtk_toggle_button_get_active (self->rec_yes))
    spire_record_set_text (self->review, "recommendation", "yes");
  else if (gtk_toggle_button_get_active (self->rec_maybe))
    spire_record_set_text (self->review, "recommendation", "maybe");
  else if (gtk_toggle_button_get_active (self->rec_no))
    spire_record_set_text (self->review, "recommendation", "no");
  else
    spire_record_set_null (self->review, "recommendation");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  summary = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (summary[0] != '\0')
    spire_record_set_text (self->review, "summary", summary);
  else
    spire_record_set_null (self->review, "summary");
}

gboolean
spire_review_form_save_now (SpireReviewForm *self, GError **error)
{
  g_autoptr (GPtrArray) scores = NULL;

  g_return_val_if_fail (SPIRE_IS_REVIEW_FORM (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->review == NULL || self->locked)
    return TRUE;
  collect_review (self);
  scores = collect_scores (self);
  if (!spire_review_save_draft (self->store, self->review, scores, error))
    return FALSE;
  update_state_label (self);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), TRUE);
  g_clear_handle_id (&self->saved_hide_id, g_source_remove);
  self->saved_hide_id = g_timeout_add_seconds (3, hide_saved_cb, self);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  SpireReviewForm *self = data;
  g_autoptr (GError) error = NULL;

  self->save_id = 0;
  if (!spire_review_form_save_now (self, &error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Draft Could Not Be Saved"), error);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SpireReviewForm *self)
{
  if (self->loading || self->review == NULL || self->locked)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), FALSE);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_changed_cb (SpireReviewForm *self)
{
  schedule_save (self);
}

static SpireScoreRow *
find_row (SpireReviewForm *self, const char *criterion_uuid)
{
  for (guint i = 0; self->rows && i < self->rows->len; i++)
    if (g_strcmp0 (spire_score_row_get_criterion (self->rows->pdata[i]), criterion_uuid) == 0)
      return self->rows->pdata[i];
  return NULL;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
build_criteria (SpireReviewForm *self, GPtrArray *criteria)
{
  clear_box (self->criteria_box);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_ptr_array_new ();

  for (guint i = 0; i < criteria->len; i++)
    {
      SpireRecord *c = criteria->pdata[i];
      GtkWidget *row;

      /* Gates are answered by the office when screening, not by the panel. */
      if (g_strcmp0 (spire_record_get_text (c, "kind"), "gate") == 0)
        continue;
      row = spire_score_row_new (c, self->rubric);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->rows, row);
      gtk_box_append (self->criteria_box, row);
    }
}

static void
fill_scores (SpireReviewForm *self, GPtrArray *scores)
{
  for (guint i = 0; scores && i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];
      SpireScoreRow *row = find_row (self, spire_record_get_text (s, "criterion"));

      if (row == NULL)
        continue;
      spire_score_row_set_score (row, spire_record_get_real (s, "value"));
      spire_score_row_set_comment (row, spire_record_get_text (s, "comment"));
    }
}

static const char *
recommendation_label (const char *value)
{
  const SpireField *f = spire_kind_field (&spire_kind_review, "recommendation");
  const char *label = value ? spire_field_value_label (f, value) : NULL;

  return label ? _(label) : _("No recommendation");
}

static void
fill_others (SpireReviewForm *self)
{
  g_autoptr (GPtrArray) visible = NULL;
  gboolean can_see;

  _spire_evaluation_clear_list (self->others_list);
  self->n_others = 0;
  can_see = spire_review_can_see_others (self->store, self->evaluator, self->application);
  if (can_see)
    visible = spire_review_list_visible (self->store, self->evaluator, self->application, NULL);
  for (guint i = 0; visible && i < visible->len; i++)
    {
      SpireRecord *r = visible->pdata[i];
      g_autofree char *name = NULL;
      g_autoptr (GPtrArray) scores = NULL;
      GString *subtitle = g_string_new (NULL);
      GtkWidget *row;
      double sum = 0;
      guint n = 0;

      if (g_strcmp0 (spire_record_get_text (r, "evaluator"), self->evaluator) == 0)
        continue;
      name = spire_evaluator_get_name (self->store, spire_record_get_text (r, "evaluator"));
      scores = spire_review_list_scores (self->store, spire_record_get_uuid (r), NULL);
      for (guint j = 0; scores && j < scores->len; j++)
        {
          double v = spire_record_get_real (scores->pdata[j], "value");

          if (!isnan (v))
            {
              sum += v;
              n++;
            }
        }
      g_string_append (subtitle, recommendation_label (spire_record_get_text (r, "recommendation")));
      if (n > 0)
        {
          g_autofree char *mean = spire_format_number (sum / n, 1, spire_language_current ());
          /* Translators: the mean of one evaluator's scores */
          g_string_append_printf (subtitle, _(" · mean score %s"), mean);
        }
      if (spire_record_get_text (r, "summary"))
        g_string_append_printf (subtitle, "\n%s", spire_record_get_text (r, "summary"));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name[0] ? name : _("Panel member"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      g_string_free (subtitle, TRUE);
      gtk_list_box_append (self->others_list, row);
      self->n_others++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->others_group), can_see);
  adw_preferences_group_set_description (
    self->others_group, self->n_others == 0 ? _("No other evaluator has submitted a review yet.")
                                            : NULL);
}

static void
clear (SpireReviewForm *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->review);
  g_clear_object (&self->rubric);
  g_clear_pointer (&self->evaluator, g_free);
  g_clear_pointer (&self->application, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  clear_box (self->criteria_box);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

/* Actions */

static void
on_submit_response_cb (AdwMessageDialog *dialog, const char *response, SpireReviewForm *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *app = NULL;
  g_autofree char *ev = NULL;
  g_autoptr (SpireStore) store = NULL;

  if (g_strcmp0 (response, "submit") != 0 || self->review == NULL)
    return;
  if (!spire_review_form_save_now (self, &error) ||
      !spire_review_submit (self->store, spire_record_get_uuid (self->review), &error))
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("The Review Could Not Be Submitted"),
                                    error);
      return;
    }
  store = g_object_ref (self->store);
  ev = g_strdup (self->evaluator);
  app = g_strdup (self->application);
  spire_review_form_load (self, store, ev, app, NULL);
  spire_toast_show (GTK_WIDGET (self), _("Review submitted"));
}

static void
review_submit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireReviewForm *self = SPIRE_REVIEW_FORM (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (self->review == NULL || self->locked)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Submit Review?"),
    _("A submitted review is locked: you can no longer change it, and you will see the other "
      "evaluators’ reviews of this application.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "submit");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response_cb), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_response_cb (SpireReasonDialog *dialog, const char *response, SpireReviewForm *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *app = NULL;
  g_autofree char *ev = NULL;
  g_autoptr (SpireStore) store = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->review == NULL)
    return;
  reason = spire_reason_dialog_get_reason (dialog);
  if (!spire_review_reopen (self->store, spire_record_get_uuid (self->review), reason, &error))
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("The Review Could Not Be Reopened"), error);
      return;
    }
  store = g_object_ref (self->store);
  ev = g_strdup (self->evaluator);
  app = g_strdup (self->application);
  spire_review_form_load (self, store, ev, app, NULL);
  spire_toast_show (GTK_WIDGET (self), _("Review reopened as a draft"));
}

static void
review_reopen_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireReviewForm *self = SPIRE_REVIEW_FORM (widget);
  SpireReasonDialog *dialog;

  if (self->review == NULL || !self->locked || !self->can_reopen)
    return;
  dialog = spire_reason_dialog_new (
    widget, _("Reopen Review?"),
    _("The review goes back to its evaluator as a draft. Say why; the reason is kept in the "
      "history."),
    _("_Reopen"), FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Class */

static void
spire_review_form_dispose (GObject *object)
{
  SpireReviewForm *self = SPIRE_REVIEW_FORM (object);
  g_autoptr (GError) error = NULL;

  if (self->save_id != 0 && !spire_review_form_save_now (self, &error))
    g_warning ("Draft not saved: %s", error->message);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->saved_hide_id, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  /* The stack is the bin's child and a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_REVIEW_FORM);
  g_clear_object (&self->store);
  g_clear_object (&self->review);
  g_clear_object (&self->rubric);
  g_clear_pointer (&self->evaluator, g_free);
  g_clear_pointer (&self->application, g_free);

  G_OBJECT_CLASS (spire_review_form_parent_class)->dispose (object);
}

static void
spire_review_form_class_init (SpireReviewFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  (void) spire_evaluation_get_resource ();

  object_class->dispose = spire_review_form_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-review-form.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, saved_label);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, state_label);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, identity_label);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, pitch_label);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, solution_label);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, criteria_box);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, recommendation_box);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, rec_yes);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, rec_maybe);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, rec_no);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, summary_view);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, others_group);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewForm, others_list);

  gtk_widget_class_install_action (widget_class, "review.submit", NULL, review_submit_action);
  gtk_widget_class_install_action (widget_class, "review.reopen", NULL, review_reopen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.submit", NULL);
}

static void
spire_review_form_init (SpireReviewForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->rec_yes, "toggled", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rec_maybe, "toggled", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rec_no, "toggled", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public API */

GtkWidget *
spire_review_form_new (void)
{
  return g_object_new (SPIRE_TYPE_REVIEW_FORM, NULL);
}

void
spire_review_form_set_can_reopen (SpireReviewForm *self, gboolean can_reopen)
{
  g_return_if_fail (SPIRE_IS_REVIEW_FORM (self));

  self->can_reopen = can_reopen;
  update_actions (self);
}

const char *
spire_review_form_get_application (SpireReviewForm *self)
{
  g_return_val_if_fail (SPIRE_IS_REVIEW_FORM (self), NULL);
  return self->application;
}

gboolean
spire_review_form_load (SpireReviewForm *self, SpireStore *store, const char *evaluator_uuid,
                        const char *application_uuid, GError **error)
{
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GError) save_error = NULL;
  const char *rec;
  const char *summary;
  const char *startup;

  g_return_val_if_fail (SPIRE_IS_REVIEW_FORM (self), FALSE);

  if (self->save_id != 0 && !spire_review_form_save_now (self, &save_error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Draft Could Not Be Saved"),
                                  save_error);
  if (store == NULL)
    {
      clear (self);
      return TRUE;
    }

  if (!(review = spire_review_open (store, evaluator_uuid, application_uuid, error)) ||
      !(app = spire_application_for_panel (store, application_uuid, error)) ||
      !(rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"),
                                              error)) ||
      !(criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error)))
    {
      clear (self);
      return FALSE;
    }
  if (spire_record_get_uuid (review) != NULL &&
      spire_store_exists (store, &spire_kind_review, spire_record_get_uuid (review)))
    {
      scores = spire_review_list_scores (store, spire_record_get_uuid (review), error);
      if (scores == NULL)
        {
          clear (self);
          return FALSE;
        }
    }

  self->loading = TRUE;
  g_set_object (&self->store, store);
  g_free (self->evaluator);
  self->evaluator = g_strdup (evaluator_uuid);
  g_free (self->application);
  self->application = g_strdup (application_uuid);
  g_set_object (&self->review, review);
  g_set_object (&self->rubric, rubric);

  gtk_label_set_label (self->title_label, spire_record_get_display_name (app));
  startup = spire_record_get_text (app, "startup");
  if (startup != NULL)
    {
      g_autoptr (SpireRecord) s = spire_store_get (store, &spire_kind_startup, startup, NULL);

      gtk_label_set_label (self->identity_label, s ? spire_record_get_display_name (s) : "");
    }
  else
    gtk_label_set_label (self->identity_label, _("Blind evaluation: the applicant is not named."));
  gtk_label_set_label (self->pitch_label, spire_record_get_text (app, "pitch")
                                            ? spire_record_get_text (app, "pitch")
                                            : _("No pitch given."));
  gtk_label_set_label (self->solution_label, spire_record_get_text (app, "solution")
                                               ? spire_record_get_text (app, "solution")
                                               : _("No solution described."));

  set_locked (self, FALSE);
  build_criteria (self, criteria);
  fill_scores (self, scores);

  rec = spire_record_get_text (review, "recommendation");
  gtk_toggle_button_set_active (self->rec_yes, g_strcmp0 (rec, "yes") == 0);
  gtk_toggle_button_set_active (self->rec_maybe, g_strcmp0 (rec, "maybe") == 0);
  gtk_toggle_button_set_active (self->rec_no, g_strcmp0 (rec, "no") == 0);
  summary = spire_record_get_text (review, "summary");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            summary ? summary : "", -1);

  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), FALSE);
  update_state_label (self);
  set_locked (self, is_submitted (self));
  fill_others (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  self->loading = FALSE;
  return TRUE;
}

/* Test hooks */

GtkToggleButton *
_spire_review_form_get_value_button (SpireReviewForm *self, const char *criterion_uuid, int value)
{
  SpireScoreRow *row = find_row (self, criterion_uuid);

  return row ? _spire_score_row_get_value_button (row, value) : NULL;
}

GtkCheckButton *
_spire_review_form_get_na_button (SpireReviewForm *self, const char *criterion_uuid)
{
  SpireScoreRow *row = find_row (self, criterion_uuid);

  return row ? _spire_score_row_get_na_button (row) : NULL;
}

GtkEditable *
_spire_review_form_get_comment (SpireReviewForm *self, const char *criterion_uuid)
{
  SpireScoreRow *row = find_row (self, criterion_uuid);

  return row ? _spire_score_row_get_comment (row) : NULL;
}

GtkToggleButton *
_spire_review_form_get_recommendation (SpireReviewForm *self, const char *value)
{
  if (g_strcmp0 (value, "yes") == 0)
    return self->rec_yes;
  if (g_strcmp0 (value, "maybe") == 0)
    return self->rec_maybe;
  return self->rec_no;
}

GtkTextBuffer *
_spire_review_form_get_summary (SpireReviewForm *self)
{
  return gtk_text_view_get_buffer (self->summary_view);
}

gboolean
_spire_review_form_is_locked (SpireReviewForm *self)
{
  return self->locked;
}

gboolean
_spire_review_form_is_dirty (SpireReviewForm *self)
{
  return self->save_id != 0;
}

guint
_spire_review_form_get_n_others (SpireReviewForm *self)
{
  return self->n_others;
}
