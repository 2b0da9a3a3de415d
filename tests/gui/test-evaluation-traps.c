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
#include "spire-window-private.h"

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

static gboolean
label_gone (gpointer data)
{
  gpointer *args = data;

  return gui_fixture_find_label (args[0], args[1], TRUE) == NULL;
}

/* Removing a criterion says so in a toast whose Undo puts it back, in its
 * place, with the scores a draft gave on it (nothing undid it before). */
static void
test_remove_criterion_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) back = NULL;
  g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *rubric_part;
  GtkWidget *undo;
  gpointer args[2];

  rubric = rubric_with_criteria (f, &c1, &c2);
  g_assert_true (spire_assign (f->store, f->evaluators->pdata[1], f->applications->pdata[0],
                               &error));
  g_assert_no_error (error);
  review = spire_review_open (f->store, f->evaluators->pdata[1], f->applications->pdata[0],
                              &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      SpireRecord *score = spire_record_new (&spire_kind_score);

      spire_record_set_text (score, "criterion", spire_record_get_uuid (i == 0 ? c1 : c2));
      spire_record_set_real (score, "value", 5 + i);
      spire_record_set_text (score, "comment", i == 0 ? "Sterkt team" : NULL);
      g_ptr_array_add (scores, score);
    }
  g_assert_true (spire_review_save_draft (f->store, review, scores, &error));
  g_assert_no_error (error);

  /* The main window: it keeps the undo. */
  window = gui_fixture_window_on_cohort (app, f->store, f->cohort);
  page = GTK_WIDGET (_spire_window_get_evaluation_page (SPIRE_WINDOW (window)));
  adw_view_stack_set_visible_child_name (SPIRE_WINDOW (window)->cohort_views, "evaluation");
  spire_evaluation_page_show_part (SPIRE_EVALUATION_PAGE (page), "rubric");
  rubric_part = find_widget (page, SPIRE_TYPE_EVALUATION_RUBRIC, NULL);
  g_assert_true (gui_fixture_wait (part_loaded, rubric_part, GUI_FIXTURE_TIMEOUT_MS));

  g_assert_true (gtk_widget_activate_action (rubric_part, "evaluation.remove-criterion", "s",
                                             spire_record_get_uuid (c1)));
  (void) gui_fixture_wait_message_dialog ();
  respond (f, "remove");
  g_assert_false (criterion_exists (f, c1));
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_score, "criterion",
                                      spire_record_get_uuid (c1)), ==, 0);
  g_assert_true (gui_fixture_wait_label (window, "“Team” removed"));

  /* The toast's Undo, as a user clicks it */
  undo = gui_fixture_find_label (window, "Undo", TRUE);
  g_assert_nonnull (undo);
  undo = gtk_widget_get_ancestor (undo, GTK_TYPE_BUTTON);
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  args[0] = window;
  args[1] = (gpointer) "“Team” removed";
  g_assert_true (gui_fixture_wait (label_gone, args, GUI_FIXTURE_TIMEOUT_MS));

  back = spire_store_get (f->store, &spire_kind_criterion, spire_record_get_uuid (c1), &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpint (spire_record_get_int (back, "position"), ==, 0);
  g_assert_cmpstr (spire_record_get_text (back, "guidance"), ==, "Can they do it?");
  {
    g_autoptr (SpireRecord) market = spire_store_get (f->store, &spire_kind_criterion,
                                                      spire_record_get_uuid (c2), NULL);
    g_autoptr (GPtrArray) given = spire_store_list (f->store, &spire_kind_score, "criterion",
                                                    spire_record_get_uuid (c1), NULL);

    g_assert_cmpint (spire_record_get_int (market, "position"), ==, 1);
    g_assert_cmpuint (given->len, ==, 1);
    g_assert_cmpfloat (spire_record_get_real (given->pdata[0], "value"), ==, 5);
    g_assert_cmpstr (spire_record_get_text (given->pdata[0], "comment"), ==, "Sterkt team");
  }
  /* and the rubric shows it again */
  g_assert_true (gui_fixture_wait_label (rubric_part, "Team"));
  gui_fixture_close_window (window);
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

/* The spin button with decimals under @widget: the threshold (the
 * scale's two take whole numbers). */
static GtkSpinButton *
find_decimal_spin (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget) && gtk_spin_button_get_digits (GTK_SPIN_BUTTON (widget)) > 0)
    return GTK_SPIN_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_decimal_spin (child);

      if (found)
        return found;
    }
  return NULL;
}

static GtkSpinButton *
threshold_spin (Fixture *f)
{
  GtkSpinButton *spin = find_decimal_spin (part (f, SPIRE_TYPE_EVALUATION_RUBRIC));

  g_assert_nonnull (spin);
  return spin;
}

static double
threshold_of (Fixture *f, const char *cohort)
{
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (f->store, cohort, NULL);

  return spire_record_get_real (rubric, "disagreement_threshold");
}

/* A threshold typed and not confirmed, then another cohort chosen: the
 * typed value goes to the rubric it was typed for (it was lost), and the
 * other cohort's rubric is not changed by being shown (GTK confirmed the
 * text when the focus left, after the switch, and 1.25, shown as "1.3",
 * became 1.3 in the other cohort). */
static void
test_threshold_typed_then_switch (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) other_rubric = NULL;
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  g_autoptr (SpireCohort) other = SPIRE_COHORT (spire_record_new (&spire_kind_cohort));
  g_autoptr (SpireRecord) first = spire_store_get (f->store, &spire_kind_cohort, f->cohort, NULL);
  g_autoptr (GError) error = NULL;
  const char *other_uuid;
  GtkSpinButton *spin;

  rubric = rubric_with_criteria (f, &c1, &c2);
  spire_record_set_text (SPIRE_RECORD (other), "program", spire_record_get_text (first, "program"));
  spire_record_set_text (SPIRE_RECORD (other), "name", "Vår 2027");
  spire_record_set_text (SPIRE_RECORD (other), "phase", "planning");
  spire_record_set_int (SPIRE_RECORD (other), "seats", 3);
  spire_store_insert (f->store, SPIRE_RECORD (other), &error);
  g_assert_no_error (error);
  other_uuid = spire_record_get_uuid (SPIRE_RECORD (other));
  other_rubric = spire_rubric_create (f->store, other_uuid, &error);
  g_assert_no_error (error);
  spire_record_set_real (other_rubric, "disagreement_threshold", 1.25);
  g_assert_true (spire_rubric_update (f->store, other_rubric, &error));
  g_assert_no_error (error);
  settle (f);

  spin = threshold_spin (f);
  gtk_editable_set_text (GTK_EDITABLE (spin), "1.5"); /* typed, not confirmed */
  g_assert_true (spire_evaluation_page_set_cohort (f->page, other, NULL));
  settle (f);
  (void) part (f, SPIRE_TYPE_EVALUATION_RUBRIC);
  gtk_spin_button_update (spin); /* what the focus leaving it does */
  gui_fixture_drain ();

  g_assert_cmpfloat_with_epsilon (threshold_of (f, f->cohort), 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (threshold_of (f, other_uuid), 1.25, 1e-9);
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
  ADD ("remove-criterion-undo", test_remove_criterion_undo);
  ADD ("add-member-nobody", test_add_member_nobody);
  ADD ("threshold-typed-then-switch", test_threshold_typed_then_switch);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
