/* spire-evaluation-screening.c — the screening part: eligibility gates answered by the office
 *
 * Before the panel sees them the office answers each application's gate
 * criteria.  The passed gates are saved first: a failed one makes the
 * application ineligible (core rule, with the note as written reason), and
 * an ineligible application is no longer screened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-screening.h"
#include "common/spire-error-dialog.h"
#include "spire-screening-dialog.h"
#include "common/spire-toast.h"

struct _SpireEvaluationScreening
{
  SpireEvaluationPart parent_instance;

  GtkStack *stack;
  AdwPreferencesGroup *screening_group;
  GtkListBox *screening_list;

  GPtrArray *gates;  /* SpireRecord: the rubric's gate criteria */
  char *summary;
  /* The cohort's applications made into rows a slice at a time
   * (ROWS_PER_SLICE, the first at once) so that no frame waits for 4 000
   * rows (issue 11); the summary comes with the last slice. */
  GPtrArray *pending;
  guint n_done, n_screened, n_ineligible;
  guint fill_id;
};

#define ROWS_PER_SLICE 30

G_DEFINE_FINAL_TYPE (SpireEvaluationScreening, spire_evaluation_screening, SPIRE_TYPE_EVALUATION_PART)

#define STORE(self) spire_evaluation_part_get_store (SPIRE_EVALUATION_PART (self))
#define COHORT(self) spire_evaluation_part_get_cohort_uuid (SPIRE_EVALUATION_PART (self))

static GPtrArray *
gate_criteria (SpireStore *store, const char *cohort_uuid)
{
  GPtrArray *gates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (store, cohort_uuid, NULL);
  g_autoptr (GPtrArray) criteria = rubric ? spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), NULL)
                                          : NULL;

  for (guint i = 0; criteria && i < criteria->len; i++)
    if (g_strcmp0 (spire_record_get_text (criteria->pdata[i], "kind"), "gate") == 0)
      g_ptr_array_add (gates, g_object_ref (criteria->pdata[i]));
  return gates;
}

static void
spire_evaluation_screening_clear (SpireEvaluationPart *part)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (part);

  g_clear_pointer (&self->gates, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

static gboolean
fill_slice_cb (gpointer data)
{
  SpireEvaluationScreening *self = data;
  GPtrArray *apps = self->pending;
  guint end = MIN (self->n_done + ROWS_PER_SLICE, apps->len);

  for (; self->n_done < end; self->n_done++)
    {
      GtkWidget *row = spire_screening_row_new (STORE (self), apps->pdata[self->n_done],
                                                self->gates);

      if (spire_screening_row_is_screened (SPIRE_SCREENING_ROW (row)))
        self->n_screened++;
      if (spire_screening_row_is_ineligible (SPIRE_SCREENING_ROW (row)))
        self->n_ineligible++;
      gtk_list_box_append (self->screening_list, row);
    }
  if (self->n_done < apps->len)
    return G_SOURCE_CONTINUE;
  /* Translators: "12 of 25 screened, 2 ineligible" */
  self->summary = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u of %u screened, %u ineligible",
                 "%u of %u screened, %u ineligible", apps->len),
    self->n_screened, apps->len, self->n_ineligible);
  adw_preferences_group_set_description (self->screening_group, self->summary);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
spire_evaluation_screening_reload (SpireEvaluationPart *part)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (part);
  g_autoptr (GPtrArray) apps = NULL;

  spire_evaluation_screening_clear (part);
  _spire_evaluation_clear_list (self->screening_list);
  self->gates = gate_criteria (STORE (self), COHORT (self));
  gtk_stack_set_visible_child_name (self->stack, self->gates->len > 0 ? "list" : "none");
  if (self->gates->len == 0)
    return;
  apps = _spire_evaluation_cohort_applications (STORE (self), COHORT (self), FALSE);
  if (apps->len == 0)
    gtk_list_box_append (self->screening_list,
                         _spire_evaluation_placeholder_row (_("No applications yet")));
  self->pending = g_steal_pointer (&apps);
  self->n_done = self->n_screened = self->n_ineligible = 0;
  if (fill_slice_cb (self))
    self->fill_id = g_idle_add (fill_slice_cb, self);
}

/* TRUE while the rows are being made (the summary is not there yet). */
gboolean
spire_evaluation_screening_is_loading (SpireEvaluationScreening *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_SCREENING (self), FALSE);
  return self->pending != NULL;
}

static void
spire_evaluation_screening_update_actions (SpireEvaluationPart *part)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (part);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.screen",
                                 COHORT (self) != NULL && self->gates && self->gates->len > 0);
}

static gboolean
save_answer (SpireEvaluationScreening *self, const char *app_uuid, GPtrArray *answers,
             const char *gate, gboolean passed, const char *note, GError **error)
{
  /* An answer that did not change is not given again. */
  for (guint a = 0; answers && a < answers->len; a++)
    {
      SpireScreeningAnswer *answer = answers->pdata[a];

      if (g_strcmp0 (answer->criterion, gate) == 0 && answer->passed == passed &&
          g_strcmp0 (answer->note ? answer->note : "", note) == 0)
        return TRUE;
    }
  return spire_screening_answer (STORE (self), app_uuid, gate, passed, note[0] ? note : NULL,
                                 error);
}

static void
on_screen_response_cb (SpireScreeningDialog *dialog, const char *response,
                       SpireEvaluationScreening *self)
{
  GPtrArray *gates = spire_screening_dialog_get_gates (dialog);
  const char *app_uuid = spire_screening_dialog_get_application (dialog);
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (GError) error = NULL;
  SpireRecord *failed = NULL;
  g_autofree char *failed_note = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  answers = spire_screening_list_answers (STORE (self), app_uuid, NULL);
  /* The passed gates first: a failed one makes the application ineligible,
   * and an ineligible application is no longer screened. */
  for (guint i = 0; i < gates->len && error == NULL; i++)
    {
      const char *gate = spire_record_get_uuid (gates->pdata[i]);
      g_autofree char *note = NULL;
      int state = spire_screening_dialog_get_answer (dialog, gate, &note);

      if (state == 0 && failed == NULL)
        {
          failed = gates->pdata[i];
          failed_note = g_steal_pointer (&note);
        }
      else if (state == 1)
        save_answer (self, app_uuid, answers, gate, TRUE, note, &error);
    }
  if (error == NULL && failed != NULL)
    save_answer (self, app_uuid, answers, spire_record_get_uuid (failed), FALSE, failed_note,
                 &error);
  if (error != NULL)
    spire_error_dialog_show (GTK_WIDGET (self), _("The Screening Could Not Be Saved"), error);
  else if (failed != NULL)
    {
      g_autoptr (SpireRecord) app = spire_store_get (STORE (self), &spire_kind_application,
                                                     app_uuid, NULL);
      /* Translators: an application and the eligibility gate it failed */
      g_autofree char *text = g_strdup_printf (_("“%s” is ineligible: %s"),
                                               app ? spire_record_get_display_name (app) : "",
                                               spire_record_get_display_name (failed));
      spire_toast_show (GTK_WIDGET (self), text);
    }
  else
    spire_toast_show (GTK_WIDGET (self), _("Screening saved"));
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (self));
}

static void
screen_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (widget);
  g_autoptr (SpireRecord) app = spire_store_get (STORE (self), &spire_kind_application,
                                                 g_variant_get_string (param, NULL), NULL);
  SpireScreeningDialog *dialog;

  if (app == NULL || self->gates == NULL || self->gates->len == 0)
    return;
  dialog = spire_screening_dialog_new (widget, STORE (self), app, self->gates);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_screen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
spire_evaluation_screening_dispose (GObject *object)
{
  spire_evaluation_screening_clear (SPIRE_EVALUATION_PART (object));
  /* The bin\'s child may be a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_EVALUATION_SCREENING);
  G_OBJECT_CLASS (spire_evaluation_screening_parent_class)->dispose (object);
}

static void
spire_evaluation_screening_class_init (SpireEvaluationScreeningClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpireEvaluationPartClass *part_class = SPIRE_EVALUATION_PART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_evaluation_screening_dispose;
  part_class->reload = spire_evaluation_screening_reload;
  part_class->update_actions = spire_evaluation_screening_update_actions;
  part_class->clear = spire_evaluation_screening_clear;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-screening.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationScreening, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationScreening, screening_group);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationScreening, screening_list);
  gtk_widget_class_install_action (widget_class, "evaluation.screen", "s", screen_action);
}

static void
spire_evaluation_screening_init (SpireEvaluationScreening *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
}

const char *
spire_evaluation_screening_get_summary (SpireEvaluationScreening *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_SCREENING (self), NULL);
  return self->summary;
}

SpireScreeningRow *
spire_evaluation_screening_get_row (SpireEvaluationScreening *self, const char *application_uuid)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_SCREENING (self), NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->screening_list)); c;
       c = gtk_widget_get_next_sibling (c))
    if (SPIRE_IS_SCREENING_ROW (c) &&
        g_strcmp0 (spire_screening_row_get_uuid (SPIRE_SCREENING_ROW (c)), application_uuid) == 0)
      return SPIRE_SCREENING_ROW (c);
  return NULL;
}
