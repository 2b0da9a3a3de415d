/* test-evaluation.c — the Evaluation page's rubric, automatic assignment, the review form and the evaluator window, driven through their actions and widgets (what they share in
 * evaluation-gui-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-evaluation"

#include "config.h"

#include "evaluation-gui-fixture.h"

/* Tests */

static void
test_rubric (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  SpireCriterionDialog *criterion;
  SpireRecord *c;

  /* The page opens on the rubric. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (RUBRIC (f))));
  rubric = spire_rubric_get_for_cohort (f->store, f->cohort, NULL);
  g_assert_null (rubric);

  activate (f, SPIRE_TYPE_EVALUATION_RUBRIC, "evaluation.create-rubric", NULL);
  rubric = spire_rubric_get_for_cohort (f->store, f->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_record_get_int (rubric, "scale_min"), ==, SPIRE_DEFAULT_SCALE_MIN);
  g_assert_cmpint (spire_record_get_int (rubric, "scale_max"), ==, SPIRE_DEFAULT_SCALE_MAX);

  activate (f, SPIRE_TYPE_EVALUATION_RUBRIC, "evaluation.add-criterion", NULL);
  criterion = dialog_of (SPIRE_TYPE_CRITERION_DIALOG);
  /* A criterion needs a name. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (criterion), "save"));
  spire_criterion_dialog_set_values (criterion, "Team", "Can they deliver?", 2.5, "scored");
  respond (f, "save");

  criteria = spire_rubric_list_criteria (f->store, spire_record_get_uuid (rubric), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, ==, 1);
  c = criteria->pdata[0];
  g_assert_cmpstr (spire_record_get_text (c, "name"), ==, "Team");
  g_assert_cmpstr (spire_record_get_text (c, "guidance"), ==, "Can they deliver?");
  g_assert_cmpfloat_with_epsilon (spire_record_get_real (c, "weight"), 2.5, 1e-9);
  g_assert_cmpstr (spire_record_get_text (c, "kind"), ==, "scored");
  g_assert_nonnull (spire_evaluation_rubric_get_row (RUBRIC (f), spire_record_get_uuid (c)));
  g_assert_true (gtk_widget_is_sensitive (
    GTK_WIDGET (spire_evaluation_rubric_get_row (RUBRIC (f), spire_record_get_uuid (c)))));
}

static void
test_assign_auto (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_criteria (f, &c1, &c2);

  /* More evaluators than the panel has: refused, nothing assigned. */
  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-auto", NULL);
  spire_assign_auto_dialog_set_k (dialog_of (SPIRE_TYPE_ASSIGN_AUTO_DIALOG), 4);
  respond (f, "assign");
  wait_idle (f);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 0);
  /* The core's refusal is shown. */
  g_assert_nonnull (gui_fixture_find_message_dialog ());
  gtk_window_destroy (GTK_WINDOW (gui_fixture_find_message_dialog ()));
  gui_fixture_drain ();

  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-auto", NULL);
  g_assert_cmpuint (spire_assign_auto_dialog_get_k (dialog_of (SPIRE_TYPE_ASSIGN_AUTO_DIALOG)), ==, 3);
  spire_assign_auto_dialog_set_k (dialog_of (SPIRE_TYPE_ASSIGN_AUTO_DIALOG), 2);
  respond (f, "assign");
  wait_idle (f);
  for (guint i = 0; i < f->applications->len; i++)
    g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application",
                                        f->applications->pdata[i]),
                     ==, 2);
  g_assert_cmpstr (spire_evaluation_assignment_get_summary (ASSIGNMENT (f)), ==,
                   "3 members, 4 applications each");
}

static void
on_changed_count_cb (SpireStore *store, const char *table, guint *count)
{
  (*count)++;
}

static void
test_assign_auto_busy (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_criteria (f, &c1, &c2);
  GtkWidget *row = GTK_WIDGET (spire_evaluation_rubric_get_row (RUBRIC (f), spire_record_get_uuid (c1)));
  SpireEvaluationPart *rubric_part = SPIRE_EVALUATION_PART (RUBRIC (f));
  AdwMessageDialog *dialog;
  guint n_changed = 0;

  g_signal_connect (f->store, "changed::assignments", G_CALLBACK (on_changed_count_cb), &n_changed);
  g_assert_false (spire_evaluation_part_get_busy (rubric_part));
  g_assert_true (gtk_widget_is_sensitive (row));

  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-auto", NULL);
  dialog = dialog_of (SPIRE_TYPE_ASSIGN_AUTO_DIALOG);
  g_assert_nonnull (dialog);
  spire_assign_auto_dialog_set_k (SPIRE_ASSIGN_AUTO_DIALOG (dialog), 3);
  /* No spinning of the main loop: the worker cannot have been reported done. */
  adw_message_dialog_response (dialog, "assign");
  /* Every part waits, not only the one that works. */
  g_assert_true (spire_evaluation_part_get_busy (rubric_part));
  g_assert_false (gtk_widget_is_sensitive (row));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (gui_fixture_find_message_dialog ());
  /* Disabled actions do nothing: no dialog opens, no second worker starts. */
  gtk_widget_activate_action (part (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT), "evaluation.assign-auto", NULL);
  gtk_widget_activate_action (part (f, SPIRE_TYPE_EVALUATION_RUBRIC), "evaluation.add-criterion", NULL);
  gtk_widget_activate_action (part (f, SPIRE_TYPE_EVALUATION_PANEL), "evaluation.detect-conflicts", NULL);
  g_assert_null (gui_fixture_find_message_dialog ());
  g_assert_true (spire_evaluation_part_get_busy (rubric_part));

  wait_idle (f);
  g_assert_true (gtk_widget_is_sensitive (
    GTK_WIDGET (spire_evaluation_rubric_get_row (RUBRIC (f), spire_record_get_uuid (c1)))));
  /* Written through the worker's own connection, seen through the page's. */
  for (guint i = 0; i < f->applications->len; i++)
    g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application",
                                        f->applications->pdata[i]),
                     ==, 3);
  g_assert_cmpstr (spire_evaluation_assignment_get_summary (ASSIGNMENT (f)), ==,
                   "3 members, 6 applications each");
  /* The window's store told its listeners (sidebar, other pages). */
  g_assert_cmpuint (n_changed, >, 0);
  g_signal_handlers_disconnect_by_func (f->store, on_changed_count_cb, &n_changed);

  /* Conflict detection runs the same way. */
  activate (f, SPIRE_TYPE_EVALUATION_PANEL, "evaluation.detect-conflicts", NULL);
  wait_idle (f);
  g_assert_false (spire_evaluation_part_get_busy (rubric_part));
}

/* An in-memory store has no file for a worker: the work runs in place. */
static void
test_assign_auto_memory (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireCohort) cohort = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) c1 = NULL;

  g_assert_no_error (error);
  program = gui_fixture_insert (store, &spire_kind_program, "name", "SmartOslo", "kind", "accelerator", NULL);
  cohort = SPIRE_COHORT (spire_record_new (&spire_kind_cohort));
  spire_record_set_text (SPIRE_RECORD (cohort), "program", spire_record_get_uuid (program));
  spire_record_set_text (SPIRE_RECORD (cohort), "name", "Vår 2027");
  spire_record_set_text (SPIRE_RECORD (cohort), "phase", "evaluation");
  spire_record_set_int (SPIRE_RECORD (cohort), "seats", 2);
  g_assert_true (spire_store_insert (store, SPIRE_RECORD (cohort), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *email = g_strdup_printf ("memory%u@gmail.com", i);
      g_autoptr (SpireRecord) p = gui_fixture_insert (store, &spire_kind_person, "name", i ? "Per" : "Pål",
                                          "email", email, NULL);
      g_autoptr (SpireRecord) ev = spire_panel_add (store, spire_record_get_uuid (SPIRE_RECORD (cohort)),
                                                    spire_record_get_uuid (p), "member", &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Minne %u", i + 1);
      g_autofree char *startup = g_strdup_printf ("Minne %u AS", i + 1);

      g_assert_true (gui_fixture_add_application (store, spire_record_get_uuid (SPIRE_RECORD (cohort)),
                                                  title, startup, "received", &error));
      g_assert_no_error (error);
    }
  rubric = spire_rubric_create (store, spire_record_get_uuid (SPIRE_RECORD (cohort)), &error);
  g_assert_no_error (error);
  c1 = spire_rubric_add_criterion (store, spire_record_get_uuid (rubric), "Team", NULL, 1.0,
                                   "scored", &error);
  g_assert_no_error (error);
  spire_evaluation_page_set_store (f->page, store);
  g_assert_true (spire_evaluation_page_set_cohort (f->page, cohort, NULL));

  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-auto", NULL);
  spire_assign_auto_dialog_set_k (dialog_of (SPIRE_TYPE_ASSIGN_AUTO_DIALOG), 2);
  respond (f, "assign");
  wait_idle (f);
  g_assert_cmpint (spire_store_count (store, &spire_kind_assignment, NULL, NULL), ==, 6);
  g_assert_cmpstr (spire_evaluation_assignment_get_summary (ASSIGNMENT (f)), ==,
                   "2 members, 3 applications each");
  spire_evaluation_page_set_store (f->page, f->store);
}

/* What the steps of /evaluation/review-form share: the rubric's two
 * criteria, the evaluator who scores, the application the form is open on
 * and its review.  test_review_form calls each form_* step in order. */
typedef struct
{
  SpireRecord *c1;
  SpireRecord *c2;
  const char *ev;
  GPtrArray *visible; /* the applications ev sees; owns application */
  const char *application;
  SpireReviewForm *form;
  SpireRecord *review;
} FormWalk;

/* Assigned, the evaluator opens the form on an application. */
static void
form_open (Fixture *f, FormWalk *w)
{
  g_autoptr (GError) error = NULL;
  guint n_added;

  g_assert_true (spire_assign_auto (f->store, f->cohort, 3, &n_added, &error));
  g_assert_no_error (error);
  settle (f);
  activate (f, SPIRE_TYPE_EVALUATION_REVIEWS, "evaluation.score-as", g_variant_new_string (w->ev));
  w->visible = spire_panel_list_visible_applications (f->store, w->ev, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (w->visible->len, >, 0);
  w->application = spire_record_get_uuid (w->visible->pdata[0]);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.show-part", "s", "reviews"));
  activate (f, SPIRE_TYPE_EVALUATION_REVIEWS, "evaluation.open-review", g_variant_new_string (w->application));
  g_assert_true (wait_mapped (w->form, TRUE));
  g_assert_false (_spire_review_form_is_locked (w->form));
}

/* Filled in, the form saves a draft by itself. */
static void
form_draft (Fixture *f, FormWalk *w)
{
  g_autoptr (GError) error = NULL;

  gtk_toggle_button_set_active (_spire_review_form_get_value_button (w->form, spire_record_get_uuid (w->c1), 6), TRUE);
  gtk_editable_set_text (_spire_review_form_get_comment (w->form, spire_record_get_uuid (w->c1)), "Strong team");
  gtk_check_button_set_active (_spire_review_form_get_na_button (w->form, spire_record_get_uuid (w->c2)), TRUE);
  gtk_toggle_button_set_active (_spire_review_form_get_recommendation (w->form, "yes"), TRUE);
  gtk_text_buffer_set_text (_spire_review_form_get_summary (w->form), "Worth a pilot.", -1);
  g_assert_true (_spire_review_form_is_dirty (w->form));
  /* Saved by itself about a second after the last change. */
  g_assert_true (gui_fixture_wait (form_clean, w->form, GUI_FIXTURE_TIMEOUT_MS));
  w->review = spire_review_open (f->store, w->ev, w->application, &error);
  g_assert_no_error (error);
  g_assert_nonnull (spire_record_get_uuid (w->review));
  g_assert_true (spire_store_exists (f->store, &spire_kind_review, spire_record_get_uuid (w->review)));
  g_assert_cmpstr (spire_record_get_text (w->review, "state"), ==, "draft");
  g_clear_object (&w->review);
}

/* Submitted: the review holds the scores, and the form is locked. */
static void
form_submit (Fixture *f, FormWalk *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) scores = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w->form), "review.submit", NULL));
  g_assert_nonnull (gui_fixture_wait_message_dialog ());
  adw_message_dialog_response (gui_fixture_find_message_dialog (), "submit");
  gtk_window_destroy (GTK_WINDOW (gui_fixture_find_message_dialog ()));
  gui_fixture_drain ();

  w->review = spire_review_open (f->store, w->ev, w->application, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (w->review, "state"), ==, "submitted");
  g_assert_cmpstr (spire_record_get_text (w->review, "recommendation"), ==, "yes");
  g_assert_cmpstr (spire_record_get_text (w->review, "summary"), ==, "Worth a pilot.");
  scores = spire_review_list_scores (f->store, spire_record_get_uuid (w->review), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 2);
  for (guint i = 0; i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];

      if (g_strcmp0 (spire_record_get_text (s, "criterion"), spire_record_get_uuid (w->c1)) == 0)
        {
          g_assert_cmpfloat (spire_record_get_real (s, "value"), ==, 6.0);
          g_assert_cmpstr (spire_record_get_text (s, "comment"), ==, "Strong team");
        }
      else
        g_assert_true (isnan (spire_record_get_real (s, "value")));
    }
  g_assert_true (_spire_review_form_is_locked (w->form));
  g_assert_false (gtk_widget_is_sensitive (
    GTK_WIDGET (_spire_review_form_get_value_button (w->form, spire_record_get_uuid (w->c1), 3))));
}

/* The rubric froze: criteria can no longer be edited. */
static void
form_frozen_rubric (Fixture *f, FormWalk *w)
{
  g_autoptr (SpireRecord) stored_rubric = NULL;
  GtkWidget *row;

  stored_rubric = spire_rubric_get_for_cohort (f->store, f->cohort, NULL);
  g_assert_true (spire_rubric_is_frozen (stored_rubric));
  activate (f, SPIRE_TYPE_EVALUATION_REVIEWS, "evaluation.back", NULL);
  g_assert_true (wait_mapped (w->form, FALSE));
  settle (f);
  row = GTK_WIDGET (spire_evaluation_rubric_get_row (RUBRIC (f), spire_record_get_uuid (w->c1)));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_is_sensitive (row));
  gtk_widget_activate_action (part (f, SPIRE_TYPE_EVALUATION_RUBRIC), "evaluation.edit-criterion",
                              "s", spire_record_get_uuid (w->c1));
  gtk_widget_activate_action (part (f, SPIRE_TYPE_EVALUATION_RUBRIC), "evaluation.add-criterion",
                              NULL);
  gui_fixture_drain ();
  g_assert_null (gui_fixture_find_message_dialog ());
}

/* The manager reopens it with a reason. */
static void
form_reopen (Fixture *f, FormWalk *w)
{
  g_autoptr (GError) error = NULL;
  SpireReasonDialog *reason;

  activate (f, SPIRE_TYPE_EVALUATION_REVIEWS, "evaluation.open-review", g_variant_new_string (w->application));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w->form), "review.reopen", NULL));
  reason = dialog_of (SPIRE_TYPE_REASON_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (reason), "apply"));
  spire_reason_dialog_set_reason (reason, "Scored the wrong pitch");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (reason), "apply");
  gtk_window_destroy (GTK_WINDOW (reason));
  gui_fixture_drain ();
  g_clear_object (&w->review);
  w->review = spire_review_open (f->store, w->ev, w->application, &error);
  g_assert_cmpstr (spire_record_get_text (w->review, "state"), ==, "draft");
  g_assert_false (_spire_review_form_is_locked (w->form));
}

/* A half step stored before the rule (6.5 on 1–7) is not shown as a
 * rounded step the reviewer never gave: no step is chosen. */
static void
form_half_step (Fixture *f, FormWalk *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) scores = NULL;

  activate (f, SPIRE_TYPE_EVALUATION_REVIEWS, "evaluation.back", NULL);
  g_assert_true (wait_mapped (w->form, FALSE));
  scores = spire_review_list_scores (f->store, spire_record_get_uuid (w->review), &error);
  for (guint i = 0; i < scores->len; i++)
    if (g_strcmp0 (spire_record_get_text (scores->pdata[i], "criterion"),
                   spire_record_get_uuid (w->c1)) == 0)
      {
        spire_record_set_real (scores->pdata[i], "value", 6.5);
        g_assert_true (spire_store_update (f->store, scores->pdata[i], &error));
        g_assert_no_error (error);
      }
  activate (f, SPIRE_TYPE_EVALUATION_REVIEWS, "evaluation.open-review", g_variant_new_string (w->application));
  g_assert_true (wait_mapped (w->form, TRUE));
  for (int v = 1; v <= 7; v++)
    g_assert_false (gtk_toggle_button_get_active (
      _spire_review_form_get_value_button (w->form, spire_record_get_uuid (w->c1), v)));
}

static void
test_review_form (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_criteria (f, &c1, &c2);
  FormWalk w = { .c1 = c1,
                 .c2 = c2,
                 .ev = f->evaluators->pdata[1],
                 .form = spire_evaluation_reviews_get_form (REVIEWS (f)) };

  form_open (f, &w);
  form_draft (f, &w);
  form_submit (f, &w);
  form_frozen_rubric (f, &w);
  form_reopen (f, &w);
  form_half_step (f, &w);
  g_clear_object (&w.review);
  g_clear_pointer (&w.visible, g_ptr_array_unref);
}

static SpireEvaluatorWindow *
find_evaluator_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (SPIRE_IS_EVALUATOR_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
test_offline (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_criteria (f, &c1, &c2);
  g_autofree char *package = g_build_filename (tmpdir, "Kari – Høst 2026.json", NULL);
  g_autofree char *sheet = g_build_filename (tmpdir, "Kari – scores.json", NULL);
  g_autofree char *bogus = g_build_filename (tmpdir, "bogus.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (package);
  g_autoptr (GPtrArray) visible = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autofree char *summary = NULL;
  const char *ev = f->evaluators->pdata[1];
  const char *application;
  SpireEvaluatorWindow *window;
  SpireReviewForm *form;
  guint n_added;

  g_assert_true (spire_assign_auto (f->store, f->cohort, 3, &n_added, &error));
  g_assert_no_error (error);
  settle (f);
  /* What the file chooser leads to: no chooser runs in a test. */
  g_assert_true (spire_evaluation_packages_export_to (
    part (f, SPIRE_TYPE_EVALUATION_PACKAGES), ev, package, &error));
  g_assert_no_error (error);

  g_assert_true (spire_evaluator_window_open (GTK_APPLICATION (app), file, &error));
  g_assert_no_error (error);
  gui_fixture_wait_allocated (gui_fixture_wait_window (SPIRE_TYPE_EVALUATOR_WINDOW));
  window = find_evaluator_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Høst 2026 — Kari Nordmann");
  visible = spire_panel_list_visible_applications (f->store, ev, &error);
  g_assert_cmpuint (_spire_evaluator_window_get_n_applications (window), ==, visible->len);
  application = spire_record_get_uuid (visible->pdata[visible->len - 1]);
  g_assert_true (_spire_evaluator_window_select (window, application));

  form = _spire_evaluator_window_get_form (window);
  gtk_toggle_button_set_active (_spire_review_form_get_value_button (form, spire_record_get_uuid (c1), 4), TRUE);
  gtk_toggle_button_set_active (_spire_review_form_get_value_button (form, spire_record_get_uuid (c2), 7), TRUE);
  gtk_toggle_button_set_active (_spire_review_form_get_recommendation (form, "maybe"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "review.submit", NULL));
  adw_message_dialog_response (gui_fixture_wait_message_dialog (), "submit");
  gtk_window_destroy (GTK_WINDOW (gui_fixture_find_message_dialog ()));
  gui_fixture_drain ();
  g_assert_true (_spire_review_form_is_locked (form));
  g_assert_true (_spire_evaluator_window_export_sheet_to (window, sheet, &error));
  g_assert_no_error (error);
  gui_fixture_destroy_window (window);

  /* Not in the manager's store yet. */
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_review, NULL, NULL), ==, 0);
  g_assert_true (g_file_set_contents (bogus, "{\"format\": \"something else\"}", -1, NULL));
  {
    const char *paths[] = { sheet, bogus, NULL };
    AdwMessageDialog *shown;

    spire_evaluation_packages_import (part (f, SPIRE_TYPE_EVALUATION_PACKAGES), paths);
    g_assert_true (spire_evaluation_part_get_busy (part (f, SPIRE_TYPE_EVALUATION_RUBRIC)));
    wait_idle (f);
    shown = gui_fixture_find_message_dialog ();
    g_assert_nonnull (shown);
    g_assert_cmpstr (adw_message_dialog_get_heading (shown), ==, "Score Sheets");
    summary = g_strdup (adw_message_dialog_get_body (shown));
  }
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "Kari – scores.json: 1 new"));
  g_assert_nonnull (strstr (summary, "bogus.json was not imported: "));

  review = spire_review_open (f->store, ev, application, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "submitted");
  g_assert_cmpstr (spire_record_get_text (review, "recommendation"), ==, "maybe");
}

/* A review of @app by @ev with every criterion scored @value; submitted
 * when @submit. */
static void
review_of (Fixture *f, const char *ev, const char *app, SpireRecord *c1, SpireRecord *c2,
           double value, gboolean submit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  SpireRecord *crits[] = { c1, c2 };

  g_assert_true (spire_assign (f->store, ev, app, &error));
  g_assert_no_error (error);
  review = spire_review_open (f->store, ev, app, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (crits); i++)
    {
      SpireRecord *s = spire_record_new (&spire_kind_score);

      spire_record_set_text (s, "criterion", spire_record_get_uuid (crits[i]));
      spire_record_set_real (s, "value", value);
      g_ptr_array_add (scores, s);
    }
  spire_record_set_text (review, "recommendation", "yes");
  g_assert_true (spire_review_save_draft (f->store, review, scores, &error));
  g_assert_no_error (error);
  if (submit)
    {
      g_assert_true (spire_review_submit (f->store, spire_record_get_uuid (review), &error));
      g_assert_no_error (error);
    }
}

/* The button that unfreezes the rubric, under @widget. */
static GtkWidget *
unfreeze_button (GtkWidget *widget)
{
  GtkWidget *found = NULL;

  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "evaluation.unfreeze") == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c && !found;
       c = gtk_widget_get_next_sibling (c))
    found = unfreeze_button (c);
  return found;
}

static gboolean
reason_dialog_shown (gpointer data)
{
  return gui_fixture_find_window (SPIRE_TYPE_REASON_DIALOG) != NULL;
}

/* "Unfreeze Rubric" marks the reviews stale on a worker (issue 11: at
 * xlarge a save per review on the main thread froze the window for
 * seconds): the page says it works and every part waits — no second
 * unfreeze, no criterion changed meanwhile — then the rubric is open at
 * version 2, every review so far is stale, the history has the reason,
 * and a toast says how many. */
static void
test_unfreeze (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_criteria (f, &c1, &c2);
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  SpireEvaluationPart *rubric_part;
  SpireReasonDialog *reason;
  guint n_unfreeze = 0;

  review_of (f, f->evaluators->pdata[1], f->applications->pdata[0], c1, c2, 4, TRUE);
  review_of (f, f->evaluators->pdata[2], f->applications->pdata[0], c1, c2, 5, TRUE);
  review_of (f, f->evaluators->pdata[1], f->applications->pdata[1], c1, c2, 3, FALSE);
  settle (f);
  rubric_part = SPIRE_EVALUATION_PART (RUBRIC (f));
  g_assert_true (gui_fixture_wait (part_loaded, rubric_part, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (gtk_widget_is_sensitive (unfreeze_button (GTK_WIDGET (rubric_part))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rubric_part), "evaluation.unfreeze", NULL));
  /* The question comes once a worker has counted the submitted reviews. */
  g_assert_true (gui_fixture_wait (reason_dialog_shown, NULL, GUI_FIXTURE_TIMEOUT_MS));
  reason = SPIRE_REASON_DIALOG (gui_fixture_find_window (SPIRE_TYPE_REASON_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (reason)), "2 submitted"));
  spire_reason_dialog_set_reason (reason, "The panel asked for impact.");
  /* No spinning of the main loop: the worker cannot have been reported done. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (reason), "apply");
  gtk_window_destroy (GTK_WINDOW (reason));
  g_assert_true (spire_evaluation_part_get_busy (rubric_part));
  g_assert_false (gtk_widget_is_sensitive (
    GTK_WIDGET (spire_evaluation_rubric_get_row (RUBRIC (f), spire_record_get_uuid (c1)))));
  /* A second unfreeze cannot start: its button is off. */
  g_assert_nonnull (unfreeze_button (GTK_WIDGET (rubric_part)));
  g_assert_false (gtk_widget_is_sensitive (unfreeze_button (GTK_WIDGET (rubric_part))));

  wait_idle (f);
  stored = spire_rubric_get_for_cohort (f->store, f->cohort, NULL);
  g_assert_false (spire_rubric_is_frozen (stored));
  g_assert_cmpint (spire_record_get_int (stored, "version"), ==, 2);
  reviews = spire_store_list (f->store, &spire_kind_review, NULL, NULL, NULL);
  g_assert_cmpuint (reviews->len, ==, 3);
  for (guint i = 0; i < reviews->len; i++)
    g_assert_true (spire_record_get_bool (reviews->pdata[i], "stale"));
  audit = spire_store_list_audit (f->store, spire_record_get_uuid (rubric), 0, NULL);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (audit->pdata[i], "action"), "unfreeze") == 0)
      {
        n_unfreeze++;
        g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[i], "after"),
                                  "The panel asked for impact."));
        g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[i], "after"),
                                  "\"stale_reviews\":3"));
      }
  g_assert_cmpuint (n_unfreeze, ==, 1);
  /* The criteria can be edited again. */
  g_assert_true (gtk_widget_is_sensitive (
    GTK_WIDGET (spire_evaluation_rubric_get_row (RUBRIC (f), spire_record_get_uuid (c1)))));
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.EvaluationTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/evaluation/rubric", Fixture, NULL, fixture_set_up, test_rubric, fixture_tear_down);
  g_test_add ("/evaluation/assign-auto", Fixture, NULL, fixture_set_up, test_assign_auto,
              fixture_tear_down);
  g_test_add ("/evaluation/assign-auto-busy", Fixture, NULL, fixture_set_up, test_assign_auto_busy,
              fixture_tear_down);
  g_test_add ("/evaluation/assign-auto-memory", Fixture, NULL, fixture_set_up,
              test_assign_auto_memory, fixture_tear_down);
  g_test_add ("/evaluation/review-form", Fixture, NULL, fixture_set_up, test_review_form,
              fixture_tear_down);
  g_test_add ("/evaluation/offline", Fixture, NULL, fixture_set_up, test_offline,
              fixture_tear_down);
  g_test_add ("/evaluation/unfreeze", Fixture, NULL, fixture_set_up, test_unfreeze,
              fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
