/* test-review-stays.c — a review keyed in for a panel member stays open
 * while it is saved
 *
 * Every save (a draft is saved a second after each score) changes the
 * store; the window then reads its sidebar again and hands each view a
 * fresh copy of the same cohort.  The Evaluation page took the copy for
 * another cohort and closed the review: a manager keying in a paper review
 * was thrown back to the list after the first score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-review-stays"

#include "config.h"

#include "evaluation/spire-evaluation-page.h"
#include "evaluation/spire-evaluation-part.h"
#include "evaluation/spire-evaluation-reviews.h"
#include "evaluation/spire-review-form-private.h"
#include "evaluation/spire-review-form.h"
#include "gui-fixture.h"
#include "sidebar/spire-sidebar.h"
#include "spire-app.h"
#include "spire-window-private.h"

static SpireApp *app;

static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* An assignment not yet scored, in a cohort being evaluated: its panel
 * member (@evaluator), application and cohort. */
static void
find_open_assignment (SpireStore *store, char **evaluator, char **application, char **cohort)
{
  g_autoptr (GPtrArray) assignments = spire_store_list (store, &spire_kind_assignment, "state",
                                                        "assigned", NULL);

  g_assert_nonnull (assignments);
  for (guint i = 0; i < assignments->len; i++)
    {
      SpireRecord *a = assignments->pdata[i];
      g_autoptr (SpireRecord) ev = spire_store_get (store, &spire_kind_evaluator,
                                                    spire_record_get_text (a, "evaluator"), NULL);
      const char *cohort_uuid = ev ? spire_record_get_text (ev, "cohort") : NULL;
      g_autoptr (SpireRecord) c = cohort_uuid ? spire_store_get (store, &spire_kind_cohort,
                                                                 cohort_uuid, NULL)
                                              : NULL;
      g_autoptr (SpireRecord) rubric = cohort_uuid ? spire_rubric_get_for_cohort (store, cohort_uuid,
                                                                                  NULL)
                                                   : NULL;

      if (c && rubric && g_strcmp0 (spire_record_get_text (c, "phase"), "evaluation") == 0)
        {
          *evaluator = g_strdup (spire_record_get_uuid (ev));
          *application = g_strdup (spire_record_get_text (a, "application"));
          *cohort = g_strdup (cohort_uuid);
          return;
        }
    }
  g_assert_not_reached ();
}

static char *
first_scored_criterion (SpireStore *store, const char *cohort)
{
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (store, cohort, NULL);
  g_autoptr (GPtrArray) criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric),
                                                               NULL);

  for (guint i = 0; criteria && i < criteria->len; i++)
    if (g_strcmp0 (spire_record_get_text (criteria->pdata[i], "kind"), "scored") == 0)
      return g_strdup (spire_record_get_uuid (criteria->pdata[i]));
  g_assert_not_reached ();
  return NULL;
}

static gboolean
part_loaded (gpointer part)
{
  return !spire_evaluation_part_is_loading (part);
}

typedef struct
{
  SpireSidebar *sidebar;
  SpireCohort *before;
} Reread;

/* The window has read its sidebar again: the cohort chosen is a new copy. */
static gboolean
sidebar_reread (gpointer data)
{
  Reread *r = data;
  SpireCohort *now = spire_sidebar_get_selected_cohort (r->sidebar);

  return now != NULL && now != r->before;
}

static void
test_review_stays_open (void)
{
  g_autoptr (SpireStore) store = gui_fixture_filled_store ();
  g_autofree char *evaluator = NULL;
  g_autofree char *application = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *criterion = NULL;
  g_autoptr (GError) error = NULL;
  SpireWindow *window;
  GtkWidget *reviews;
  SpireReviewForm *form;
  Reread r;

  find_open_assignment (store, &evaluator, &application, &cohort);
  criterion = first_scored_criterion (store, cohort);
  window = gui_fixture_window_on_cohort (app, store, cohort);
  adw_view_stack_set_visible_child_name (window->cohort_views, "evaluation");
  spire_evaluation_page_show_part (_spire_window_get_evaluation_page (window), "reviews");
  reviews = find_widget (GTK_WIDGET (_spire_window_get_evaluation_page (window)),
                         SPIRE_TYPE_EVALUATION_REVIEWS);
  g_assert_nonnull (reviews);
  gui_fixture_wait_mapped (reviews, TRUE);
  g_assert_true (gui_fixture_wait (part_loaded, reviews, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (reviews, "evaluation.score-as", "s", evaluator));
  g_assert_true (gui_fixture_wait (part_loaded, reviews, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (reviews, "evaluation.open-review", "s", application));
  form = SPIRE_REVIEW_FORM (find_widget (reviews, SPIRE_TYPE_REVIEW_FORM));
  gui_fixture_wait_mapped (form, TRUE);

  /* A score, saved as the form saves it a moment later. */
  r.sidebar = _spire_window_get_sidebar (window);
  r.before = g_object_ref (spire_sidebar_get_selected_cohort (r.sidebar));
  gtk_toggle_button_set_active (_spire_review_form_get_value_button (form, criterion, 4), TRUE);
  g_assert_true (spire_review_form_save_now (form, &error));
  g_assert_no_error (error);
  g_assert_true (gui_fixture_wait (sidebar_reread, &r, GUI_FIXTURE_TIMEOUT_MS));
  gui_fixture_drain ();
  gui_fixture_wait_frame (window);

  /* Still the review, with its score, ready for the next one. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (gtk_toggle_button_get_active (
    _spire_review_form_get_value_button (form, criterion, 4)));
  g_assert_true (gtk_widget_is_sensitive (
    GTK_WIDGET (_spire_review_form_get_value_button (form, criterion, 5))));

  g_object_unref (r.before);
  gui_fixture_destroy_window (window);
}

int
main (int argc, char **argv)
{
  g_autofree char *tmpdir = NULL;
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.ReviewStaysTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/review/stays-open-while-saved", test_review_stays_open);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
