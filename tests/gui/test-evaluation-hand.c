/* test-evaluation-hand.c — screening and assignment by hand, the parts' navigation and the reviews list, driven through their actions and widgets (what they share in
 * evaluation-gui-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-evaluation"

#include "config.h"

#include "evaluation-gui-fixture.h"

/* Tests */

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
  settle (f);
  return rubric;
}

/* Answers @gate in the screening dialog on screen: 1 pass, 0 fail; @note
 * NULL keeps the note. */
static void
answer_gate (SpireRecord *gate, int state, const char *note)
{
  SpireScreeningDialog *dialog = dialog_of (SPIRE_TYPE_SCREENING_DIALOG);

  g_assert_true (spire_screening_dialog_set_answer (dialog, spire_record_get_uuid (gate), state,
                                                    note));
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

  g_assert_null (spire_evaluation_screening_get_summary (SCREENING (f)));
  rubric = rubric_with_gates (f, &g1, &g2);
  g_assert_cmpstr (spire_evaluation_screening_get_summary (SCREENING (f)), ==,
                   "0 of 6 screened, 0 ineligible");
  g_assert_nonnull (spire_evaluation_screening_get_item (SCREENING (f), application));

  activate (f, SPIRE_TYPE_EVALUATION_SCREENING, "evaluation.screen", g_variant_new_string (application));
  dialog = dialog_of (SPIRE_TYPE_SCREENING_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  answer_gate (g1, 1, NULL);
  answer_gate (g2, 0, NULL);
  /* Failing needs a note. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  answer_gate (g2, 0, "Only slides so far");
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
  g_assert_cmpstr (spire_evaluation_screening_get_summary (SCREENING (f)), ==,
                   "1 of 6 screened, 1 ineligible");
  /* An ineligible application is no longer offered for screening. */
  g_assert_false (spire_evaluation_screening_get_item (SCREENING (f), application)->can_screen);
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

  activate (f, SPIRE_TYPE_EVALUATION_SCREENING, "evaluation.screen", g_variant_new_string (application));
  answer_gate (g1, 1, NULL);
  answer_gate (g2, 1, NULL);
  answer_gate (g2, 1, "Demo seen");
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
  g_assert_cmpstr (spire_evaluation_screening_get_summary (SCREENING (f)), ==,
                   "1 of 6 screened, 0 ineligible");
}

static void
test_assign_hand (Fixture *f, gconstpointer data)
{
  const char *application = f->applications->pdata[2];
  const char *kari = f->evaluators->pdata[1];
  SpireAssignDialog *dialog;

  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.show-application",
            g_variant_new_string (application));
  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-member",
            g_variant_new_string (application));
  dialog = dialog_of (SPIRE_TYPE_ASSIGN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (spire_assign_dialog_get_n_members (dialog), ==, 3);
  g_assert_true (spire_assign_dialog_select_member (dialog, kari));
  g_assert_cmpstr (spire_assign_dialog_get_member (dialog), ==, kari);
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application", application), ==, 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "evaluator", kari), ==, 1);

  /* Assigned members are not offered again. */
  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-member",
            g_variant_new_string (application));
  dialog = dialog_of (SPIRE_TYPE_ASSIGN_DIALOG);
  g_assert_false (spire_assign_dialog_select_member (dialog, kari));
  g_assert_cmpuint (spire_assign_dialog_get_n_members (dialog), ==, 2);
  respond (f, "cancel");

  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.unassign", g_variant_new_string (kari));
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
  SpireAssignDialog *assign;
  SpireAssignSeveralDialog *several;
  const char *body;

  /* The dialog was opened before the conflict was declared: the core refuses. */
  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-member",
            g_variant_new_string (application));
  assign = dialog_of (SPIRE_TYPE_ASSIGN_DIALOG);
  g_assert_true (spire_assign_dialog_select_member (assign, kari));
  conflict = spire_conflict_declare (f->store, kari, application, NULL, "employee",
                                     "Works there part-time", &error);
  g_assert_no_error (error);
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 0);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "Kari Nordmann"));
  g_assert_nonnull (strstr (body, "Søknad 1"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_drain ();

  /* Now the dialog leaves her out. */
  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-member",
            g_variant_new_string (application));
  assign = dialog_of (SPIRE_TYPE_ASSIGN_DIALOG);
  g_assert_cmpuint (spire_assign_dialog_get_n_members (assign), ==, 2);
  g_assert_false (spire_assign_dialog_select_member (assign, kari));
  respond (f, "cancel");

  /* In bulk: all or nothing. */
  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-several", NULL);
  several = dialog_of (SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG);
  for (guint i = 0; i < 3; i++)
    g_assert_true (spire_assign_several_dialog_set_chosen (several, f->applications->pdata[i], TRUE));
  g_assert_true (spire_assign_several_dialog_select_member (several, kari));
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 0);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Kari Nordmann"));
}

static void
test_assign_several (Fixture *f, gconstpointer data)
{
  const char *ola = f->evaluators->pdata[2];
  SpireAssignSeveralDialog *several;

  activate (f, SPIRE_TYPE_EVALUATION_ASSIGNMENT, "evaluation.assign-several", NULL);
  several = dialog_of (SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (several), "assign"));
  for (guint i = 3; i < 6; i++)
    g_assert_true (spire_assign_several_dialog_set_chosen (several, f->applications->pdata[i], TRUE));
  g_assert_true (spire_assign_several_dialog_select_member (several, ola));
  respond (f, "assign");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "evaluator", ola), ==, 3);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, NULL, NULL), ==, 3);
  for (guint i = 3; i < 6; i++)
    g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application",
                                        f->applications->pdata[i]),
                     ==, 1);
}

/* The window is at a phone's width: the list and the parts fold into one
 * column (on the next frame's layout). */
static gboolean
folded (gpointer data)
{
  Fixture *f = data;

  return adw_leaflet_get_folded (ADW_LEAFLET (find_widget (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET, NULL)));
}

/* The shell: one part at a time, reached by its action or the list, and
 * narrow enough for a phone. */
static void
test_navigation (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *name;
    GType (*get_type) (void);
  } parts[] = {
    { "rubric", spire_evaluation_rubric_get_type },
    { "screening", spire_evaluation_screening_get_type },
    { "panel", spire_evaluation_panel_get_type },
    { "assignment", spire_evaluation_assignment_get_type },
    { "packages", spire_evaluation_packages_get_type },
    { "reviews", spire_evaluation_reviews_get_type },
  };
  GtkListBox *list = NULL;
  int minimum = 0, natural = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.show-part", "s",
                                                 parts[i].name));
      /* Shown, and the only one shown. */
      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        gui_fixture_wait_mapped (part (f, parts[j].get_type ()), i == j);
    }

  /* The list beside the parts (styled as a sidebar) leads to them too. */
  list = GTK_LIST_BOX (find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_BOX, "navigation-sidebar"));
  g_assert_nonnull (list);
  g_assert_cmpint (gtk_list_box_get_selection_mode (list), ==, GTK_SELECTION_SINGLE);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      g_signal_emit_by_name (list, "row-activated", row);
      gui_fixture_wait_mapped (part (f, parts[i].get_type ()), TRUE);
      g_assert_true (gtk_list_box_row_is_selected (row));
    }

  /* A phone is 360 pixels wide: the page fits. */
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_test_message ("minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_set_default_size (f->window, 360, 700);
  g_assert_true (gui_fixture_wait (folded, f, GUI_FIXTURE_TIMEOUT_MS));
  /* Folded: the list shows first, and leads on to a part with a way back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.show-parts", NULL));
  g_assert_true (wait_mapped (list, TRUE));
  g_assert_true (wait_mapped (part (f, SPIRE_TYPE_EVALUATION_REVIEWS), FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "evaluation.show-part", "s",
                                             "panel"));
  g_assert_true (wait_mapped (part (f, SPIRE_TYPE_EVALUATION_PANEL), TRUE));
  g_assert_true (wait_mapped (list, FALSE));
}

/* The part shown loads; the reviews list is read on a worker, a spinner
 * meanwhile (issue 11) */

static gboolean
reviews_loaded (gpointer data)
{
  return !spire_evaluation_reviews_is_loading (data);
}

static guint
count_review_rows (GtkWidget *widget)
{
  guint n = SPIRE_IS_REVIEW_ROW (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_review_rows (c);
  return n;
}

/* The title of the first review row under @widget, or NULL */
static GtkLabel *
review_row_title (GtkWidget *widget)
{
  if (SPIRE_IS_REVIEW_ROW (widget))
    {
      GtkWidget *texts = gtk_widget_get_first_child (widget);

      return GTK_LABEL (gtk_widget_get_first_child (texts));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *title = review_row_title (c);

      if (title)
        return title;
    }
  return NULL;
}

static gboolean
review_title_wraps (gpointer reviews)
{
  GtkLabel *title = review_row_title (reviews);

  return title && gtk_label_get_wrap (title) && gtk_widget_get_mapped (GTK_WIDGET (title));
}

static void
test_reviews_load (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  SpireRecord *c1, *c2;
  SpireEvaluationReviews *reviews =
    SPIRE_EVALUATION_REVIEWS (find_widget (GTK_WIDGET (f->page), SPIRE_TYPE_EVALUATION_REVIEWS, NULL));

  /* Not shown: it holds just the cohort, and loads nothing on a change. */
  rubric = rubric_with_criteria (f, &c1, &c2);
  g_object_unref (c1);
  g_object_unref (c2);
  /* Two applications for every member: whoever the list shows first. */
  for (guint i = 0; i < f->evaluators->len; i++)
    for (guint a = 0; a < 2; a++)
      {
        g_assert_true (spire_assign (f->store, f->evaluators->pdata[i], f->applications->pdata[a],
                                     &error));
        g_assert_no_error (error);
      }
  settle (f);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (reviews)));
  g_assert_true (spire_evaluation_part_is_stale (SPIRE_EVALUATION_PART (reviews)));
  g_assert_false (spire_evaluation_reviews_is_loading (reviews));
  g_assert_cmpuint (count_review_rows (GTK_WIDGET (reviews)), ==, 0);

  /* Shown: it loads, with a spinner until the worker's list is in. */
  spire_evaluation_page_show_part (f->page, "reviews");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reviews)));
  g_assert_false (spire_evaluation_part_is_stale (SPIRE_EVALUATION_PART (reviews)));
  g_assert_true (spire_evaluation_reviews_is_loading (reviews));
  g_assert_nonnull (find_widget (GTK_WIDGET (reviews), GTK_TYPE_SPINNER, NULL));
  g_assert_true (gui_fixture_wait (reviews_loaded, reviews, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_null (find_widget (GTK_WIDGET (reviews), GTK_TYPE_SPINNER, NULL));
  g_assert_cmpuint (count_review_rows (GTK_WIDGET (reviews)), ==, 2);

  /* Wide, a title is one line (cut at its end, whole in its tooltip); at a
   * phone's width (the page folded) it wraps to two: wrapping titles made
   * showing the list cost two to three times as much on every window
   * (issue 11). */
  {
    GtkLabel *title = review_row_title (GTK_WIDGET (reviews));

    g_assert_false (gtk_label_get_wrap (title));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), ==,
                     gtk_label_get_label (title));
  }
  gtk_window_set_default_size (f->window, 360, 700);
  g_assert_true (gui_fixture_wait (folded, f, GUI_FIXTURE_TIMEOUT_MS));
  spire_evaluation_page_show_part (f->page, "reviews");
  g_assert_true (gui_fixture_wait (review_title_wraps, reviews, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpint (gtk_label_get_lines (review_row_title (GTK_WIDGET (reviews))), ==, 2);
  g_assert_cmpuint (count_review_rows (GTK_WIDGET (reviews)), ==, 2);
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.EvaluationHandTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

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
  g_test_add ("/evaluation/reviews-load", Fixture, NULL, fixture_set_up, test_reviews_load,
              fixture_tear_down);
  g_test_add ("/evaluation/navigation", Fixture, NULL, fixture_set_up, test_navigation,
              fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
