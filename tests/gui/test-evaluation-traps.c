/* test-evaluation-traps.c — what tripped a manager up on the Evaluation
 * page: assigning with nothing to assign (it asked how many evaluators
 * each application gets, then said "0 assignments added"), and a
 * criterion removed at one click with nothing to undo it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-evaluation-traps"

#include "config.h"

#include "evaluation-gui-fixture.h"

/* @action on the Assignment part opens no dialog of its own but a message
 * whose heading is @heading; the store is unchanged. */
static void
assert_explains (Fixture *f, const char *action, const char *heading)
{
  AdwMessageDialog *dialog;
  gint64 before = spire_store_count (f->store, &spire_kind_assignment, NULL, NULL);

  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, action, NULL);
  dialog = gui_fixture_wait_message_dialog ();
  g_assert_false (SPIRE_IS_ASSIGN_AUTO_DIALOG (dialog));
  g_assert_false (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_drain ();
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, before);
}

static void
test_no_scorers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < f->evaluators->len; i++)
    {
      g_assert_true (spire_panel_remove (f->store, f->evaluators->pdata[i], &error));
      g_assert_no_error (error);
    }
  settle (f);
  assert_explains (f, "evaluation.assign-auto", "No Panel Members Who Score");
  assert_explains (f, "evaluation.assign-several", "No Panel Members Who Score");
}

static void
test_no_applications (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (f->applications, NULL);
  g_assert_true (spire_decide (f->store, (const char *const *) f->applications->pdata,
                               "withdrawn", "Trakk seg", &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (f->applications, f->applications->len - 1);
  settle (f);
  assert_explains (f, "evaluation.assign-auto", "No Applications to Assign");
  assert_explains (f, "evaluation.assign-several", "No Applications to Assign");
}

/* With someone to assign and something to assign, the dialogs come as
 * before. */
static void
test_something_to_assign (Fixture *f, gconstpointer data)
{
  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-auto", NULL);
  g_assert_true (SPIRE_IS_ASSIGN_AUTO_DIALOG (dialog_of (SPIRE_TYPE_ASSIGN_AUTO_DIALOG)));
}

static gboolean
criterion_exists (Fixture *f, SpireRecord *criterion)
{
  g_autoptr (SpireRecord) now = spire_store_get (f->store, &spire_kind_criterion,
                                                 spire_record_get_uuid (criterion), NULL);

  return now != NULL;
}

/* The bin beside a criterion asks first; Cancel keeps it, Remove removes it. */
static void
test_remove_criterion_asks (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  GVariant *uuid;
  AdwMessageDialog *dialog;

  rubric = rubric_with_criteria (f, &c1, &c2);
  uuid = g_variant_new_string (spire_record_get_uuid (c1));
  g_variant_ref_sink (uuid);

  activate (f, SPIRE_TYPE_EVALUATION_RUBRIC, "evaluation.remove-criterion", uuid);
  dialog = gui_fixture_wait_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Team”?");
  g_assert_true (criterion_exists (f, c1));
  respond (f, "cancel");
  g_assert_true (criterion_exists (f, c1));

  activate (f, SPIRE_TYPE_EVALUATION_RUBRIC, "evaluation.remove-criterion", uuid);
  (void) gui_fixture_wait_message_dialog ();
  respond (f, "remove");
  g_assert_false (criterion_exists (f, c1));
  g_assert_true (criterion_exists (f, c2));
  g_variant_unref (uuid);
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.EvaluationTrapsTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, func) \
  g_test_add ("/evaluation-traps/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("no-scorers", test_no_scorers);
  ADD ("no-applications", test_no_applications);
  ADD ("something-to-assign", test_something_to_assign);
  ADD ("remove-criterion-asks", test_remove_criterion_asks);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
