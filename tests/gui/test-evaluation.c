/* test-evaluation.c — the Evaluation page, the review form and the
 * evaluator window, driven through their actions and widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-evaluation"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "evaluation/spire-evaluation-page-private.h"
#include "evaluation/spire-review-form-private.h"
#include "evaluator/spire-evaluator-window-private.h"
#include "gui-fixture.h"
#include "spire-app.h"

static SpireApp *app;
static char *tmpdir;
static guint n_db;

typedef struct
{
  SpireStore *store;
  char *cohort;
  GPtrArray *evaluators; /* uuids: chair, member, member */
  GPtrArray *applications; /* uuids */
  GtkWindow *window;
  SpireEvaluationPage *page;
} Fixture;

static SpireRecord *
insert (SpireStore *store, const SpireKind *kind, ...)
{
  SpireRecord *r = spire_record_new (kind);
  g_autoptr (GError) error = NULL;
  va_list ap;
  const char *field;

  va_start (ap, kind);
  while ((field = va_arg (ap, const char *)) != NULL)
    spire_record_set_text (r, field, va_arg (ap, const char *));
  va_end (ap);
  g_assert_true (spire_store_insert (store, r, &error));
  g_assert_no_error (error);
  return r;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/manager-%u.db", tmpdir, ++n_db);
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireCohort) cohort = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  static const char *const names[] = { "Åse Berg", "Kari Nordmann", "Ola Hansen" };
  GtkWidget *overlay;

  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  program = insert (f->store, &spire_kind_program, "name", "SmartOslo", "kind", "accelerator",
                    NULL);
  cohort = SPIRE_COHORT (spire_record_new (&spire_kind_cohort));
  spire_record_set_text (SPIRE_RECORD (cohort), "program", spire_record_get_uuid (program));
  spire_record_set_text (SPIRE_RECORD (cohort), "name", "Høst 2026");
  spire_record_set_text (SPIRE_RECORD (cohort), "phase", "evaluation");
  spire_record_set_int (SPIRE_RECORD (cohort), "seats", 3);
  g_assert_true (spire_store_insert (f->store, SPIRE_RECORD (cohort), &error));
  g_assert_no_error (error);
  f->cohort = g_strdup (spire_record_get_uuid (SPIRE_RECORD (cohort)));

  f->evaluators = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *email = g_strdup_printf ("person%u@gmail.com", i);
      g_autoptr (SpireRecord) p = insert (f->store, &spire_kind_person, "name", names[i], "email",
                                          email, NULL);
      g_autoptr (SpireRecord) ev = spire_panel_add (f->store, f->cohort, spire_record_get_uuid (p),
                                                    i == 0 ? "chair" : "member", &error);
      g_assert_no_error (error);
      g_ptr_array_add (f->evaluators, g_strdup (spire_record_get_uuid (ev)));
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Søknad %u", i + 1);
      g_autofree char *startup = g_strdup_printf ("Startup %u AS", i + 1);

      g_assert_true (gui_fixture_add_application (f->store, f->cohort, title, startup, "received",
                                                  &error));
      g_assert_no_error (error);
    }
  apps = spire_store_list (f->store, &spire_kind_application, "cohort", f->cohort, NULL);
  f->applications = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < apps->len; i++)
    g_ptr_array_add (f->applications, g_strdup (spire_record_get_uuid (apps->pdata[i])));

  f->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (f->window, 1000, 700);
  overlay = adw_toast_overlay_new ();
  f->page = SPIRE_EVALUATION_PAGE (spire_evaluation_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  spire_evaluation_page_set_store (f->page, f->store);
  g_assert_true (spire_evaluation_page_set_cohort (f->page, cohort, NULL));
  gtk_window_present (f->window);
  gui_fixture_spin (50);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Dialogs and the evaluator windows too. */
  GList *copy = g_list_copy (windows);

  for (GList *i = copy; i; i = i->next)
    if (i->data != f->window)
      gtk_window_destroy (i->data);
  g_list_free (copy);
  gtk_window_destroy (f->window);
  gui_fixture_spin (20);
  g_clear_object (&f->store);
  g_free (f->cohort);
  g_ptr_array_unref (f->evaluators);
  g_ptr_array_unref (f->applications);
}

static void
activate (Fixture *f, const char *action, GVariant *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->page), action, param));
  gui_fixture_spin (20);
}

static void
respond (Fixture *f, const char *response)
{
  AdwMessageDialog *dialog = _spire_evaluation_page_get_dialog (f->page);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_spin (20);
}

static gboolean
page_idle (gpointer data)
{
  return !_spire_evaluation_page_is_busy (data);
}

/* Waits for the worker the last action started. */
static void
wait_idle (Fixture *f)
{
  g_assert_true (gui_fixture_wait (page_idle, f->page, 20000));
  gui_fixture_spin (20);
}

static SpireRecord *
rubric_with_criteria (Fixture *f, SpireRecord **c1, SpireRecord **c2)
{
  g_autoptr (GError) error = NULL;
  SpireRecord *rubric = spire_rubric_create (f->store, f->cohort, &error);

  g_assert_no_error (error);
  *c1 = spire_rubric_add_criterion (f->store, spire_record_get_uuid (rubric), "Team", "Can they do it?",
                                    2.0, "scored", &error);
  g_assert_no_error (error);
  *c2 = spire_rubric_add_criterion (f->store, spire_record_get_uuid (rubric), "Market", NULL, 1.0,
                                    "scored", &error);
  g_assert_no_error (error);
  _spire_evaluation_page_reload_now (f->page);
  return rubric;
}

static gboolean
form_clean (gpointer data)
{
  return !_spire_review_form_is_dirty (data);
}

/* Tests */

static void
test_rubric (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  SpireRecord *c;

  g_assert_cmpstr (_spire_evaluation_page_get_view (f->page), ==, "overview");
  rubric = spire_rubric_get_for_cohort (f->store, f->cohort, NULL);
  g_assert_null (rubric);

  activate (f, "evaluation.create-rubric", NULL);
  rubric = spire_rubric_get_for_cohort (f->store, f->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_record_get_int (rubric, "scale_min"), ==, SPIRE_DEFAULT_SCALE_MIN);
  g_assert_cmpint (spire_record_get_int (rubric, "scale_max"), ==, SPIRE_DEFAULT_SCALE_MAX);

  activate (f, "evaluation.add-criterion", NULL);
  gtk_editable_set_text (GTK_EDITABLE (_spire_evaluation_page_get_dialog_field (f->page, "name")),
                         "Team");
  gtk_editable_set_text (GTK_EDITABLE (_spire_evaluation_page_get_dialog_field (f->page, "guidance")),
                         "Can they deliver?");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (_spire_evaluation_page_get_dialog_field (f->page, "weight")),
                             2.5);
  respond (f, "save");

  criteria = spire_rubric_list_criteria (f->store, spire_record_get_uuid (rubric), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, ==, 1);
  c = criteria->pdata[0];
  g_assert_cmpstr (spire_record_get_text (c, "name"), ==, "Team");
  g_assert_cmpstr (spire_record_get_text (c, "guidance"), ==, "Can they deliver?");
  g_assert_cmpfloat_with_epsilon (spire_record_get_real (c, "weight"), 2.5, 1e-9);
  g_assert_cmpstr (spire_record_get_text (c, "kind"), ==, "scored");
  g_assert_nonnull (_spire_evaluation_page_get_criterion_row (f->page, spire_record_get_uuid (c)));
  g_assert_true (gtk_widget_is_sensitive (
    _spire_evaluation_page_get_criterion_row (f->page, spire_record_get_uuid (c))));
}

static void
test_assign_auto (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_criteria (f, &c1, &c2);

  /* More evaluators than the panel has: refused, nothing assigned. */
  activate (f, "evaluation.assign-auto", NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (_spire_evaluation_page_get_dialog_field (f->page, "k")), 4);
  respond (f, "assign");
  wait_idle (f);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 0);

  activate (f, "evaluation.assign-auto", NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
                     _spire_evaluation_page_get_dialog_field (f->page, "k"))),
                   ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (_spire_evaluation_page_get_dialog_field (f->page, "k")), 2);
  respond (f, "assign");
  wait_idle (f);
  for (guint i = 0; i < f->applications->len; i++)
    g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application",
                                        f->applications->pdata[i]),
                     ==, 2);
  g_assert_cmpstr (_spire_evaluation_page_get_assignment_summary (f->page), ==,
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
  GtkWidget *row = _spire_evaluation_page_get_criterion_row (f->page, spire_record_get_uuid (c1));
  AdwMessageDialog *dialog;
  guint n_changed = 0;

  g_signal_connect (f->store, "changed::assignments", G_CALLBACK (on_changed_count_cb), &n_changed);
  g_assert_false (_spire_evaluation_page_is_busy (f->page));
  g_assert_true (gtk_widget_is_sensitive (row));

  activate (f, "evaluation.assign-auto", NULL);
  dialog = _spire_evaluation_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (_spire_evaluation_page_get_dialog_field (f->page, "k")), 3);
  /* No spinning of the main loop: the worker cannot have been reported done. */
  adw_message_dialog_response (dialog, "assign");
  g_assert_true (_spire_evaluation_page_is_busy (f->page));
  g_assert_false (gtk_widget_is_sensitive (row));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (_spire_evaluation_page_get_dialog (f->page));
  /* Disabled actions do nothing: no dialog opens, no second worker starts. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.assign-auto", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.add-criterion", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.detect-conflicts", NULL);
  g_assert_null (_spire_evaluation_page_get_dialog (f->page));
  g_assert_true (_spire_evaluation_page_is_busy (f->page));

  wait_idle (f);
  g_assert_true (gtk_widget_is_sensitive (
    _spire_evaluation_page_get_criterion_row (f->page, spire_record_get_uuid (c1))));
  /* Written through the worker's own connection, seen through the page's. */
  for (guint i = 0; i < f->applications->len; i++)
    g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application",
                                        f->applications->pdata[i]),
                     ==, 3);
  g_assert_cmpstr (_spire_evaluation_page_get_assignment_summary (f->page), ==,
                   "3 members, 6 applications each");
  /* The window's store told its listeners (sidebar, other pages). */
  g_assert_cmpuint (n_changed, >, 0);
  g_signal_handlers_disconnect_by_func (f->store, on_changed_count_cb, &n_changed);

  /* Conflict detection runs the same way. */
  activate (f, "evaluation.detect-conflicts", NULL);
  wait_idle (f);
  g_assert_false (_spire_evaluation_page_is_busy (f->page));
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
  program = insert (store, &spire_kind_program, "name", "SmartOslo", "kind", "accelerator", NULL);
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
      g_autoptr (SpireRecord) p = insert (store, &spire_kind_person, "name", i ? "Per" : "Pål",
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

  activate (f, "evaluation.assign-auto", NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (_spire_evaluation_page_get_dialog_field (f->page, "k")), 2);
  respond (f, "assign");
  wait_idle (f);
  g_assert_cmpint (spire_store_count (store, &spire_kind_assignment, NULL, NULL), ==, 6);
  g_assert_cmpstr (_spire_evaluation_page_get_assignment_summary (f->page), ==,
                   "2 members, 3 applications each");
  spire_evaluation_page_set_store (f->page, f->store);
}

static void
test_review_form (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_criteria (f, &c1, &c2);
  g_autoptr (SpireRecord) stored_rubric = NULL;
  g_autoptr (GPtrArray) visible = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (SpireRecord) review = NULL;
  const char *ev = f->evaluators->pdata[1];
  const char *application;
  SpireReviewForm *form = _spire_evaluation_page_get_review_form (f->page);
  GtkWidget *row;
  guint n_added;

  g_assert_true (spire_assign_auto (f->store, f->cohort, 3, &n_added, &error));
  g_assert_no_error (error);
  _spire_evaluation_page_reload_now (f->page);
  g_assert_true (_spire_evaluation_page_set_score_as (f->page, ev));
  visible = spire_panel_list_visible_applications (f->store, ev, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visible->len, >, 0);
  application = spire_record_get_uuid (visible->pdata[0]);

  activate (f, "evaluation.open-review", g_variant_new_string (application));
  g_assert_cmpstr (_spire_evaluation_page_get_view (f->page), ==, "review");
  g_assert_false (_spire_review_form_is_locked (form));

  gtk_toggle_button_set_active (_spire_review_form_get_value_button (form, spire_record_get_uuid (c1), 6), TRUE);
  gtk_editable_set_text (_spire_review_form_get_comment (form, spire_record_get_uuid (c1)), "Strong team");
  gtk_check_button_set_active (_spire_review_form_get_na_button (form, spire_record_get_uuid (c2)), TRUE);
  gtk_toggle_button_set_active (_spire_review_form_get_recommendation (form, "yes"), TRUE);
  gtk_text_buffer_set_text (_spire_review_form_get_summary (form), "Worth a pilot.", -1);
  g_assert_true (_spire_review_form_is_dirty (form));
  /* Saved by itself about a second after the last change. */
  g_assert_true (gui_fixture_wait (form_clean, form, 4000));
  review = spire_review_open (f->store, ev, application, &error);
  g_assert_no_error (error);
  g_assert_nonnull (spire_record_get_uuid (review));
  g_assert_true (spire_store_exists (f->store, &spire_kind_review, spire_record_get_uuid (review)));
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "draft");
  g_clear_object (&review);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "review.submit", NULL));
  gui_fixture_spin (20);
  g_assert_nonnull (_spire_review_form_get_dialog (form));
  adw_message_dialog_response (_spire_review_form_get_dialog (form), "submit");
  gtk_window_destroy (GTK_WINDOW (_spire_review_form_get_dialog (form)));
  gui_fixture_spin (20);

  review = spire_review_open (f->store, ev, application, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "submitted");
  g_assert_cmpstr (spire_record_get_text (review, "recommendation"), ==, "yes");
  g_assert_cmpstr (spire_record_get_text (review, "summary"), ==, "Worth a pilot.");
  scores = spire_review_list_scores (f->store, spire_record_get_uuid (review), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 2);
  for (guint i = 0; i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];

      if (g_strcmp0 (spire_record_get_text (s, "criterion"), spire_record_get_uuid (c1)) == 0)
        {
          g_assert_cmpfloat (spire_record_get_real (s, "value"), ==, 6.0);
          g_assert_cmpstr (spire_record_get_text (s, "comment"), ==, "Strong team");
        }
      else
        g_assert_true (isnan (spire_record_get_real (s, "value")));
    }
  g_assert_true (_spire_review_form_is_locked (form));
  g_assert_false (gtk_widget_is_sensitive (
    GTK_WIDGET (_spire_review_form_get_value_button (form, spire_record_get_uuid (c1), 3))));

  /* The rubric froze: criteria can no longer be edited. */
  stored_rubric = spire_rubric_get_for_cohort (f->store, f->cohort, NULL);
  g_assert_true (spire_rubric_is_frozen (stored_rubric));
  activate (f, "evaluation.back", NULL);
  g_assert_cmpstr (_spire_evaluation_page_get_view (f->page), ==, "overview");
  _spire_evaluation_page_reload_now (f->page);
  row = _spire_evaluation_page_get_criterion_row (f->page, spire_record_get_uuid (c1));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_is_sensitive (row));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.edit-criterion", "s",
                              spire_record_get_uuid (c1));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.add-criterion", NULL);
  gui_fixture_spin (20);
  g_assert_null (_spire_evaluation_page_get_dialog (f->page));

  /* The manager reopens it with a reason. */
  activate (f, "evaluation.open-review", g_variant_new_string (application));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "review.reopen", NULL));
  gui_fixture_spin (20);
  gtk_editable_set_text (_spire_review_form_get_reason_entry (form), "Scored the wrong pitch");
  adw_message_dialog_response (_spire_review_form_get_dialog (form), "reopen");
  gtk_window_destroy (GTK_WINDOW (_spire_review_form_get_dialog (form)));
  gui_fixture_spin (20);
  g_clear_object (&review);
  review = spire_review_open (f->store, ev, application, &error);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "draft");
  g_assert_false (_spire_review_form_is_locked (form));
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
  _spire_evaluation_page_reload_now (f->page);
  g_assert_true (_spire_evaluation_page_export_package_to (f->page, ev, package, &error));
  g_assert_no_error (error);

  g_assert_true (spire_evaluator_window_open (GTK_APPLICATION (app), file, &error));
  g_assert_no_error (error);
  gui_fixture_spin (50);
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
  gui_fixture_spin (20);
  adw_message_dialog_response (_spire_review_form_get_dialog (form), "submit");
  gtk_window_destroy (GTK_WINDOW (_spire_review_form_get_dialog (form)));
  gui_fixture_spin (20);
  g_assert_true (_spire_review_form_is_locked (form));
  g_assert_true (_spire_evaluator_window_export_sheet_to (window, sheet, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_fixture_spin (20);

  /* Not in the manager's store yet. */
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_review, NULL, NULL), ==, 0);
  g_assert_true (g_file_set_contents (bogus, "{\"format\": \"something else\"}", -1, NULL));
  {
    const char *paths[] = { sheet, bogus, NULL };

    g_assert_false (_spire_evaluation_page_import_sheets (f->page, paths, &summary));
  }
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "Kari – scores.json: 1 new"));
  g_assert_nonnull (strstr (summary, "bogus.json was not imported: "));

  review = spire_review_open (f->store, ev, application, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "submitted");
  g_assert_cmpstr (spire_record_get_text (review, "recommendation"), ==, "maybe");
}

/* Screening and assignment by hand */

static SpireRecord *
rubric_with_gates (Fixture *f, SpireRecord **g1, SpireRecord **g2)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) scored = NULL;
  SpireRecord *rubric = spire_rubric_create (f->store, f->cohort, &error);

  g_assert_no_error (error);
  scored = spire_rubric_add_criterion (f->store, spire_record_get_uuid (rubric), "Team", NULL, 1.0,
                                       "scored", &error);
  g_assert_no_error (error);
  *g1 = spire_rubric_add_criterion (f->store, spire_record_get_uuid (rubric), "Norwegian company",
                                    NULL, 1.0, "gate", &error);
  g_assert_no_error (error);
  *g2 = spire_rubric_add_criterion (f->store, spire_record_get_uuid (rubric), "Has a prototype",
                                    NULL, 1.0, "gate", &error);
  g_assert_no_error (error);
  _spire_evaluation_page_reload_now (f->page);
  return rubric;
}

static GtkWidget *
gate_field (Fixture *f, const char *prefix, SpireRecord *gate)
{
  g_autofree char *key = g_strconcat (prefix, spire_record_get_uuid (gate), NULL);
  GtkWidget *w = _spire_evaluation_page_get_dialog_field (f->page, key);

  g_assert_nonnull (w);
  return w;
}

static char *
application_status (Fixture *f, const char *uuid)
{
  g_autoptr (SpireRecord) app = spire_store_get (f->store, &spire_kind_application, uuid, NULL);

  g_assert_nonnull (app);
  return g_strdup (spire_record_get_text (app, "status"));
}

static void
test_screening_fail (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) g1 = NULL;
  g_autoptr (SpireRecord) g2 = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (GPtrArray) answers = NULL;
  g_autofree char *status = NULL;
  const char *application = f->applications->pdata[0];
  AdwMessageDialog *dialog;

  g_assert_null (_spire_evaluation_page_get_screening_summary (f->page));
  rubric = rubric_with_gates (f, &g1, &g2);
  g_assert_cmpstr (_spire_evaluation_page_get_screening_summary (f->page), ==,
                   "0 of 6 screened, 0 ineligible");
  g_assert_nonnull (_spire_evaluation_page_get_screening_row (f->page, application));

  activate (f, "evaluation.screen", g_variant_new_string (application));
  dialog = _spire_evaluation_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gate_field (f, "pass:", g1)), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gate_field (f, "fail:", g2)), TRUE);
  /* Failing needs a note. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (gate_field (f, "note:", g2)), "Only slides so far");
  respond (f, "save");

  status = application_status (f, application);
  g_assert_cmpstr (status, ==, "ineligible");
  decisions = spire_store_list (f->store, &spire_kind_decision, "application", application, NULL);
  g_assert_nonnull (decisions);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (spire_record_get_text (decisions->pdata[0], "to_status"), ==, "ineligible");
  g_assert_nonnull (strstr (spire_record_get_text (decisions->pdata[0], "reason"), "Has a prototype"));
  g_assert_nonnull (strstr (spire_record_get_text (decisions->pdata[0], "reason"), "Only slides so far"));
  answers = spire_screening_list_answers (f->store, application, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (_spire_evaluation_page_get_screening_summary (f->page), ==,
                   "1 of 6 screened, 1 ineligible");
  /* An ineligible application is no longer offered for screening. */
  g_assert_false (gtk_list_box_row_get_activatable (
    GTK_LIST_BOX_ROW (_spire_evaluation_page_get_screening_row (f->page, application))));
}

static void
test_screening_pass (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) g1 = NULL;
  g_autoptr (SpireRecord) g2 = NULL;
  g_autoptr (SpireRecord) rubric = rubric_with_gates (f, &g1, &g2);
  g_autoptr (GPtrArray) answers = NULL;
  g_autofree char *status = NULL;
  const char *application = f->applications->pdata[1];

  activate (f, "evaluation.screen", g_variant_new_string (application));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gate_field (f, "pass:", g1)), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gate_field (f, "pass:", g2)), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (gate_field (f, "note:", g2)), "Demo seen");
  respond (f, "save");

  status = application_status (f, application);
  g_assert_cmpstr (status, ==, "received");
  g_assert_true (spire_screening_all_passed (f->store, application, &error));
  g_assert_no_error (error);
  answers = spire_screening_list_answers (f->store, application, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  for (guint i = 0; i < answers->len; i++)
    g_assert_true (((SpireScreeningAnswer *) answers->pdata[i])->passed);
  g_assert_cmpstr (((SpireScreeningAnswer *) answers->pdata[1])->note, ==, "Demo seen");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_decision, NULL, NULL), ==, 0);
  g_assert_cmpstr (_spire_evaluation_page_get_screening_summary (f->page), ==,
                   "1 of 6 screened, 0 ineligible");
}

static guint
combo_index_of (GtkWidget *combo, const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
test_assign_hand (Fixture *f, gconstpointer data)
{
  const char *application = f->applications->pdata[2];
  const char *kari = f->evaluators->pdata[1];
  GtkWidget *member;
  guint i;

  g_assert_true (_spire_evaluation_page_set_hand_application (f->page, application));
  activate (f, "evaluation.assign-member", g_variant_new_string (application));
  member = _spire_evaluation_page_get_dialog_field (f->page, "member");
  g_assert_nonnull (member);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (member))), ==, 3);
  i = combo_index_of (member, "Kari Nordmann");
  g_assert_cmpuint (i, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (member), i);
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application", application), ==, 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "evaluator", kari), ==, 1);

  /* Assigned members are not offered again. */
  activate (f, "evaluation.assign-member", g_variant_new_string (application));
  member = _spire_evaluation_page_get_dialog_field (f->page, "member");
  g_assert_cmpuint (combo_index_of (member, "Kari Nordmann"), ==, GTK_INVALID_LIST_POSITION);
  respond (f, "cancel");

  activate (f, "evaluation.unassign", g_variant_new_string (kari));
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 0);
}

static void
test_assign_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) conflict = NULL;
  const char *application = f->applications->pdata[0];
  const char *kari = f->evaluators->pdata[1];
  AdwMessageDialog *dialog;
  GtkWidget *member;
  const char *body;

  /* The dialog was opened before the conflict was declared: the core refuses. */
  activate (f, "evaluation.assign-member", g_variant_new_string (application));
  member = _spire_evaluation_page_get_dialog_field (f->page, "member");
  adw_combo_row_set_selected (ADW_COMBO_ROW (member), combo_index_of (member, "Kari Nordmann"));
  conflict = spire_conflict_declare (f->store, kari, application, NULL, "employee",
                                     "Works there part-time", &error);
  g_assert_no_error (error);
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 0);
  dialog = _spire_evaluation_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "Kari Nordmann"));
  g_assert_nonnull (strstr (body, "Søknad 1"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_spin (20);

  /* Now the dialog leaves her out. */
  activate (f, "evaluation.assign-member", g_variant_new_string (application));
  member = _spire_evaluation_page_get_dialog_field (f->page, "member");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (member))), ==, 2);
  g_assert_cmpuint (combo_index_of (member, "Kari Nordmann"), ==, GTK_INVALID_LIST_POSITION);
  respond (f, "cancel");

  /* In bulk: all or nothing. */
  activate (f, "evaluation.assign-several", NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strconcat ("app:", (char *) f->applications->pdata[i], NULL);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (_spire_evaluation_page_get_dialog_field (f->page, key)), TRUE);
    }
  member = _spire_evaluation_page_get_dialog_field (f->page, "member");
  adw_combo_row_set_selected (ADW_COMBO_ROW (member), combo_index_of (member, "Kari Nordmann"));
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 0);
  dialog = _spire_evaluation_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Kari Nordmann"));
}

static void
test_assign_several (Fixture *f, gconstpointer data)
{
  const char *ola = f->evaluators->pdata[2];
  GtkWidget *member;

  activate (f, "evaluation.assign-several", NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (_spire_evaluation_page_get_dialog (f->page),
                                                           "assign"));
  for (guint i = 3; i < 6; i++)
    {
      g_autofree char *key = g_strconcat ("app:", (char *) f->applications->pdata[i], NULL);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (_spire_evaluation_page_get_dialog_field (f->page, key)), TRUE);
    }
  member = _spire_evaluation_page_get_dialog_field (f->page, "member");
  adw_combo_row_set_selected (ADW_COMBO_ROW (member), combo_index_of (member, "Ola Hansen"));
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "evaluator", ola), ==, 3);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 3);
  for (guint i = 3; i < 6; i++)
    g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application",
                                        f->applications->pdata[i]),
                     ==, 1);
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
  g_test_add ("/evaluation/screening-fail", Fixture, NULL, fixture_set_up, test_screening_fail,
              fixture_tear_down);
  g_test_add ("/evaluation/screening-pass", Fixture, NULL, fixture_set_up, test_screening_pass,
              fixture_tear_down);
  g_test_add ("/evaluation/assign-hand", Fixture, NULL, fixture_set_up, test_assign_hand,
              fixture_tear_down);
  g_test_add ("/evaluation/assign-conflict", Fixture, NULL, fixture_set_up, test_assign_conflict,
              fixture_tear_down);
  g_test_add ("/evaluation/assign-several", Fixture, NULL, fixture_set_up, test_assign_several,
              fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
