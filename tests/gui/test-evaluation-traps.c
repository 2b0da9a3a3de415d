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
#include "evaluation/spire-panel-member-dialog.h"

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

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

/* Add Panel Member with no one on record: it says so (it said everyone
 * was on the panel already), and its buttons stay inside the dialog (the
 * text came after the dialog was shown, and pushed them off its bottom). */
static void
test_add_member_nobody (Fixture *f, gconstpointer data)
{
  SpirePanelMemberDialog *dialog = spire_panel_member_dialog_new_loading (GTK_WIDGET (f->page));
  g_autoptr (GPtrArray) nobody = g_ptr_array_new ();
  GtkWidget *cancel;
  graphene_rect_t bounds;

  gtk_window_present (GTK_WINDOW (dialog));
  gui_fixture_wait_allocated (dialog);
  spire_panel_member_dialog_set_n_on_panel (dialog, 0);
  spire_panel_member_dialog_set_persons (dialog, nobody);
  gui_fixture_wait_frame (dialog);
  gui_fixture_wait_frame (dialog);

  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "There is no one on record yet. Add the person under People first.");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  cancel = find_button (GTK_WIDGET (dialog), "_Cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_compute_bounds (cancel, GTK_WIDGET (dialog), &bounds));
  g_test_message ("Cancel at %g + %g in a dialog %d high", bounds.origin.y, bounds.size.height,
                  gtk_widget_get_height (GTK_WIDGET (dialog)));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
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
  ADD ("add-member-nobody", test_add_member_nobody);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
