/* test-ranking.c — the cohort's ranking page: rows, ties, meeting order,
 * the reviews of a row and decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ranking"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gui-fixture.h"
#include "ranking/spire-ranking-page-private.h"
#include "ranking/spire-reviews-dialog.h"
#include "common/spire-decision-dialog.h"
#include "cohort/spire-cohort-page.h"

typedef struct
{
  char *dir;
  char *path;
  SpireStore *store;
  GtkWindow *window;
  SpireRankingPage *page;
  char *cohort;
} F;

/* Data */

static SpireStore *
open_store (F *f)
{
  g_autoptr (GError) error = NULL;
  SpireStore *store;

  f->path = g_build_filename (f->dir, "ranking.db", NULL);
  store = spire_store_open (f->path, &error);
  g_assert_no_error (error);
  return store;
}

/* The demo's cohort with the most ranked applications. */
static char *
best_ranked_cohort (SpireStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, &error);
  char *best = NULL;
  guint best_n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < cohorts->len; i++)
    {
      const char *uuid = spire_record_get_uuid (cohorts->pdata[i]);
      g_autoptr (SpireRanking) ranking = spire_rank_cohort (store, uuid, NULL, NULL);
      guint n = 0;

      for (guint r = 0; ranking && r < spire_ranking_get_n_rows (ranking); r++)
        n += spire_rank_row_get_rank (spire_ranking_get_row (ranking, r)) > 0;
      if (n > best_n)
        {
          best_n = n;
          g_free (best);
          best = g_strdup (uuid);
        }
    }
  g_assert_nonnull (best);
  return best;
}

static char *
insert (SpireStore *store, const SpireKind *kind, const char *first, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) r = spire_record_new (kind);
  va_list ap;

  va_start (ap, first);
  for (const char *field = first; field; field = va_arg (ap, const char *))
    {
      const SpireField *f = spire_kind_field (kind, field);
      const char *value = va_arg (ap, const char *);

      if (f->type == SPIRE_FIELD_INT)
        spire_record_set_int (r, field, g_ascii_strtoll (value, NULL, 10));
      else
        spire_record_set_text (r, field, value);
    }
  va_end (ap);
  spire_store_insert (store, r, &error);
  g_assert_no_error (error);
  return g_strdup (spire_record_get_uuid (r));
}

static void
submit_review (SpireStore *store, const char *evaluator, const char *app, const char *c1,
               const char *c2, double v1, double v2)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = spire_review_open (store, evaluator, app, &error);
  g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  const char *crits[] = { c1, c2 };
  double values[] = { v1, v2 };

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      SpireRecord *s = spire_record_new (&spire_kind_score);

      spire_record_set_text (s, "criterion", crits[i]);
      spire_record_set_real (s, "value", values[i]);
      spire_record_set_text (s, "comment", i == 0 ? "Sterkt team" : NULL);
      g_ptr_array_add (scores, s);
    }
  spire_record_set_text (review, "recommendation", "yes");
  spire_record_set_text (review, "summary", "Lovende.");
  g_assert_true (spire_review_save_draft (store, review, scores, &error));
  g_assert_no_error (error);
  g_assert_true (spire_review_submit (store, spire_record_get_uuid (review), &error));
  g_assert_no_error (error);
}

/* A cohort of three applications reviewed by three evaluators: "Solkraft"
 * scores 7 from everyone; "Alfa" and "Beta" get 6, 5 and 4 from the three
 * (the same score and the same list of scores: a tie for second place). */
static char *
tied_cohort (SpireStore *store, char **alfa, char **beta)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = insert (store, &spire_kind_program, "name", "Testprogram", "kind",
                                     "accelerator", NULL);
  char *cohort = insert (store, &spire_kind_cohort, "program", program, "name", "Likt kull",
                         "phase", "evaluation", "seats", "3", NULL);
  g_autoptr (SpireRecord) rubric = spire_rubric_create (store, cohort, &error);
  g_autoptr (SpireRecord) c1 = NULL;
  g_autoptr (SpireRecord) c2 = NULL;
  const char *names[] = { "Solkraft", "Alfa", "Beta" };
  const double values[3][3] = { { 7, 7, 7 }, { 6, 5, 4 }, { 4, 6, 5 } };
  char *apps[3], *evs[3];

  g_assert_no_error (error);
  c1 = spire_rubric_add_criterion (store, spire_record_get_uuid (rubric), "Team", NULL, 2.0,
                                   "scored", &error);
  g_assert_no_error (error);
  c2 = spire_rubric_add_criterion (store, spire_record_get_uuid (rubric), "Marked", NULL, 1.0,
                                   "scored", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *startup_name = g_strdup_printf ("%s AS", names[i]);
      g_autofree char *startup = insert (store, &spire_kind_startup, "name", startup_name, NULL);
      g_autofree char *person_name = g_strdup_printf ("Evaluator %u", i + 1);
      g_autofree char *person = insert (store, &spire_kind_person, "name", person_name, NULL);
      g_autoptr (SpireRecord) ev = spire_panel_add (store, cohort, person, "member", &error);

      g_assert_no_error (error);
      evs[i] = g_strdup (spire_record_get_uuid (ev));
      apps[i] = insert (store, &spire_kind_application, "cohort", cohort, "startup", startup,
                        "title", names[i], "status", "in_review", NULL);
    }
  for (guint a = 0; a < 3; a++)
    for (guint e = 0; e < 3; e++)
      {
        g_assert_true (spire_assign (store, evs[e], apps[a], &error));
        g_assert_no_error (error);
        submit_review (store, evs[e], apps[a], spire_record_get_uuid (c1),
                       spire_record_get_uuid (c2), values[a][e], values[a][e]);
      }
  *alfa = apps[1];
  *beta = apps[2];
  g_free (apps[0]);
  for (guint i = 0; i < 3; i++)
    g_free (evs[i]);
  return cohort;
}

/* Fixture */

/* The reviews dialog on screen, or NULL. */
static GtkWindow *
find_reviews_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SPIRE_IS_REVIEWS_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

static void
collect_toast_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_ptr_array_add (data, g_strdup (message));
}

static gboolean
page_ready (gpointer data)
{
  F *f = data;

  return !spire_ranking_page_get_busy (f->page);
}

static void
wait_ranked (F *f)
{
  g_assert_true (gui_fixture_wait (page_ready, f, 30000));
  gui_fixture_drain ();
}

static void
show_page (F *f, const char *cohort)
{
  g_autoptr (SpireCohort) record = NULL;
  g_autoptr (GError) error = NULL;

  record = SPIRE_COHORT (spire_store_get (f->store, &spire_kind_cohort, cohort, &error));
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 700);
  f->page = SPIRE_RANKING_PAGE (spire_ranking_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  spire_ranking_page_set_store (f->page, f->store);
  gtk_window_present (f->window);
  gui_fixture_wait_allocated (f->window);
  g_assert_true (spire_ranking_page_set_cohort (f->page, record, &error));
  g_assert_no_error (error);
  wait_ranked (f);
}

static void
setup_demo (F *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = gui_fixture_isolate ();
  f->store = open_store (f);
  g_assert_true (spire_demo_fill (f->store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL,
                                  &error));
  g_assert_no_error (error);
  f->cohort = best_ranked_cohort (f->store);
  show_page (f, f->cohort);
  g_assert_cmpstr (_spire_ranking_page_get_state (f->page), ==, "list");
}

static void
teardown (F *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  if (f->window)
    gui_fixture_destroy_window (f->window);
  gui_fixture_drain ();
  g_clear_object (&f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_free (f->path);
  g_free (f->cohort);
  /* The isolated XDG folders stay; the system's temp cleaning takes them. */
  g_free (f->dir);
}

static SpireRankRow *
row_at (F *f, guint i)
{
  GListModel *model = G_LIST_MODEL (spire_ranking_page_get_model (f->page));
  SpireRankRow *row = g_list_model_get_item (model, i);

  g_object_unref (row); /* the model keeps it */
  return row;
}

static guint
n_shown (F *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (spire_ranking_page_get_model (f->page)));
}

/* Tests */

static void
test_rows (F *f, gconstpointer data)
{
  SpireRanking *ranking = spire_ranking_page_get_ranking (f->page);
  double best = -INFINITY;

  g_assert_nonnull (ranking);
  g_assert_cmpuint (n_shown (f), ==, spire_ranking_get_n_rows (ranking));
  g_assert_cmpuint (n_shown (f), >, 5);

  for (guint i = 0; i < n_shown (f); i++)
    if (!isnan (spire_rank_row_get_score (row_at (f, i))))
      best = MAX (best, spire_rank_row_get_score (row_at (f, i)));
  g_assert_cmpuint (spire_rank_row_get_rank (row_at (f, 0)), ==, 1);
  g_assert_cmpfloat (spire_rank_row_get_score (row_at (f, 0)), ==, best);

  /* One column per criterion that is not a gate, after the fixed ones. */
  {
    GListModel *columns = gtk_column_view_get_columns (spire_ranking_list_get_column_view (_spire_ranking_page_get_list (f->page)));
    guint scored = 0;

    for (guint c = 0; c < spire_ranking_get_n_criteria (ranking); c++)
      scored += spire_ranking_get_criterion (ranking, c)->kind != SPIRE_CRITERION_GATE;
    g_assert_cmpuint (g_list_model_get_n_items (columns), ==,
                      SPIRE_RANKING_N_FIXED_COLUMNS + scored);
  }

  /* The reviews column: "3" when none are missing. */
  {
    SpireRankRow *row = row_at (f, 0);
    g_autofree char *text = spire_ranking_list_cell_text (_spire_ranking_page_get_list (f->page), row,
                                                           SPIRE_RANKING_COLUMN_REVIEWS);

    if (spire_rank_row_get_n_missing (row) == 0)
      {
        g_autofree char *expect = g_strdup_printf ("%u", spire_rank_row_get_n_reviews (row));
        g_assert_cmpstr (text, ==, expect);
      }
  }
}

static void
test_meeting_order (F *f, gconstpointer data)
{
  double max_spread = 0;
  guint ranked = 0;

  for (guint i = 0; i < n_shown (f); i++)
    if (spire_rank_row_get_rank (row_at (f, i)) > 0)
      {
        ranked++;
        max_spread = MAX (max_spread, spire_rank_row_get_spread (row_at (f, i)));
      }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ranking.meeting-order", NULL));
  /* The rows are handed over again, in slices. */
  wait_ranked (f);
  g_assert_cmpuint (n_shown (f), ==, ranked);
  g_assert_cmpfloat (spire_rank_row_get_spread (row_at (f, 0)), ==, max_spread);
  for (guint i = 1; i < n_shown (f); i++)
    g_assert_cmpfloat (spire_rank_row_get_spread (row_at (f, i - 1)), >=,
                       spire_rank_row_get_spread (row_at (f, i)));

  /* And back to the ranking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ranking.meeting-order", NULL));
  wait_ranked (f);
  g_assert_cmpuint (n_shown (f), ==,
                    spire_ranking_get_n_rows (spire_ranking_page_get_ranking (f->page)));
  g_assert_cmpuint (spire_rank_row_get_rank (row_at (f, 0)), ==, 1);
}

/* A large ranking's rows come a screenful at a time (issue 11, no pause
 * over 100 ms): the first at once, the rest from idles while the page says
 * it is busy, in the same order; the selection is kept across, and the
 * columns end as wide as every row needs. */
static void
test_rows_in_chunks (F *f, gconstpointer data)
{
  SpireRanking *ranking = spire_ranking_page_get_ranking (f->page);
  SpireRankingList *list = _spire_ranking_page_get_list (f->page);
  GtkSelectionModel *selection = spire_ranking_page_get_model (f->page);
  g_autoptr (GPtrArray) before = g_ptr_array_new ();
  g_autoptr (GPtrArray) selected = NULL;
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  GListModel *columns = gtk_column_view_get_columns (spire_ranking_list_get_column_view (list));
  guint n = n_shown (f);

  g_assert_cmpuint (n, ==, spire_ranking_get_n_rows (ranking));
  if (n <= 10)
    {
      g_test_skip ("the demo's cohort fits in the first slice");
      return;
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (before, (gpointer) spire_rank_row_get_application_uuid (row_at (f, i)));
  gtk_selection_model_select_item (selection, n - 1, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int width = gtk_column_view_column_get_fixed_width (column);

      g_array_append_val (widths, width);
    }

  spire_ranking_list_set_ranking (list, ranking);
  /* A few rows at once, the rest later */
  g_assert_cmpuint (n_shown (f), >, 0);
  g_assert_cmpuint (n_shown (f), <, n);
  g_assert_true (spire_ranking_list_get_filling (list));
  g_assert_true (spire_ranking_page_get_busy (f->page));
  wait_ranked (f);
  g_assert_false (spire_ranking_list_get_filling (list));
  g_assert_cmpuint (n_shown (f), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (spire_rank_row_get_application_uuid (row_at (f, i)), ==, before->pdata[i]);
  selected = spire_ranking_list_get_selected (list);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpstr (spire_rank_row_get_application_uuid (selected->pdata[0]), ==,
                   before->pdata[n - 1]);
  /* The columns are fitted to every row again, not only the first ones */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), ==,
                       g_array_index (widths, int, i));
    }
}

static void
test_reviews_dialog (F *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SpireRankRow *row = row_at (f, 0);
  g_autoptr (GPtrArray) reviews = spire_store_list (f->store, &spire_kind_review, "application",
                                                    spire_rank_row_get_application_uuid (row),
                                                    &error);
  guint drafts = 0;
  GtkWindow *dialog;

  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    drafts += g_strcmp0 (spire_record_get_text (reviews->pdata[i], "state"), "draft") == 0;

  gtk_selection_model_select_item (spire_ranking_page_get_model (f->page), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ranking.show-reviews", NULL));
  dialog = find_reviews_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (SPIRE_IS_REVIEWS_DIALOG (dialog));
  gui_fixture_drain ();
  g_assert_cmpuint (spire_reviews_dialog_get_n_reviews (SPIRE_REVIEWS_DIALOG (dialog)), ==,
                    spire_rank_row_get_n_reviews (row) + drafts);
  g_assert_cmpuint (spire_rank_row_get_n_reviews (row), >=, 1);
  gtk_window_destroy (dialog);
}

static gboolean
row_status_is (F *f, const char *uuid, const char *status)
{
  for (guint i = 0; i < n_shown (f); i++)
    if (g_str_equal (spire_rank_row_get_application_uuid (row_at (f, i)), uuid))
      return g_strcmp0 (spire_rank_row_get_status (row_at (f, i)), status) == 0;
  return FALSE;
}

static void
test_decide (F *f, gconstpointer data)
{
  GtkSelectionModel *selection = spire_ranking_page_get_model (f->page);
  const char *reason = "De to sterkeste søknadene etter panelmøtet";
  char *uuids[2] = { NULL, NULL }; /* freed at the end (g_autofree frees one pointer) */
  g_autoptr (GPtrArray) toasts = NULL;
  guint handler;
  SpireDecisionDialog *dialog;
  guint picked = 0;

  /* Nothing selected: nothing to decide. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ranking.decide", "s", "accepted");
  g_assert_null (gui_fixture_find_message_dialog ());

  for (guint i = 0; i < n_shown (f) && picked < 2; i++)
    {
      SpireRankRow *row = row_at (f, i);

      if (g_strcmp0 (spire_rank_row_get_status (row), "accepted") == 0 ||
          g_strcmp0 (spire_rank_row_get_status (row), "withdrawn") == 0)
        continue;
      uuids[picked++] = g_strdup (spire_rank_row_get_application_uuid (row));
      gtk_selection_model_select_item (selection, i, FALSE);
    }
  g_assert_cmpuint (picked, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ranking.decide", "s",
                                             "accepted"));
  dialog = SPIRE_DECISION_DIALOG (gui_fixture_find_message_dialog ());
  g_assert_true (SPIRE_IS_DECISION_DIALOG (dialog));
  g_assert_cmpstr (spire_decision_dialog_get_status (dialog), ==, "accepted");

  /* No reason, no decision. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  spire_decision_dialog_set_reason (dialog, "   \n ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  spire_decision_dialog_set_reason (dialog, reason);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));

  /* The toasts (no overlay in this window: they go to the log). */
  toasts = g_ptr_array_new_with_free_func (g_free);
  handler = g_log_set_handler ("spire-toast", G_LOG_LEVEL_MESSAGE, collect_toast_cb, toasts);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gui_fixture_drain ();
  g_log_remove_handler ("spire-toast", handler);
  {
    g_assert_cmpuint (toasts->len, >=, 1);
    g_assert_cmpstr (toasts->pdata[0], ==, "2 applications accepted");
  }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) decisions = spire_store_list (f->store, &spire_kind_decision,
                                                          "application", uuids[i], &error);
      guint found = 0;

      g_assert_no_error (error);
      for (guint d = 0; d < decisions->len; d++)
        if (g_strcmp0 (spire_record_get_text (decisions->pdata[d], "reason"), reason) == 0)
          {
            g_assert_cmpstr (spire_record_get_text (decisions->pdata[d], "to_status"), ==,
                             "accepted");
            found++;
          }
      g_assert_cmpuint (found, ==, 1);
    }

  /* The page ranks again and shows the new status. */
  wait_ranked (f);
  g_assert_true (row_status_is (f, uuids[0], "accepted"));
  g_assert_true (row_status_is (f, uuids[1], "accepted"));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, 0);
  g_free (uuids[0]);
  g_free (uuids[1]);
}

static void
test_cancel_decision (F *f, gconstpointer data)
{
  GtkSelectionModel *selection = spire_ranking_page_get_model (f->page);
  gint64 before = spire_store_count (f->store, &spire_kind_decision, NULL, NULL);
  AdwMessageDialog *dialog;

  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ranking.decide", "s",
                                             "rejected"));
  dialog = gui_fixture_find_message_dialog ();
  g_assert_true (SPIRE_IS_DECISION_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "cancel");
  gui_fixture_drain ();
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_decision, NULL, NULL), ==, before);
}

/* Selects the rows of @model (SpireRankRow or SpireRecord items) whose
 * application is in @uuids. */
static void
select_uuids (GtkSelectionModel *model, char **uuids)
{
  gtk_selection_model_unselect_all (model);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *uuid = SPIRE_IS_RANK_ROW (item)
                           ? spire_rank_row_get_application_uuid (SPIRE_RANK_ROW (item))
                           : spire_record_get_uuid (SPIRE_RECORD (item));

      if (g_strv_contains ((const char *const *) uuids, uuid))
        gtk_selection_model_select_item (model, i, FALSE);
    }
}

/* Accepting the same applications says the same about the seats, from
 * the ranking page and from the cohort page: core's words. */
static void
test_same_seats_warning (F *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = spire_store_get (f->store, &spire_kind_cohort, f->cohort,
                                                    &error);
  g_autofree char *expect = NULL;
  g_autofree char *from_ranking = NULL;
  char *uuids[3] = { NULL, NULL, NULL };
  GtkWindow *window;
  SpireCohortPage *cohort_page;
  SpireDecisionDialog *dialog;
  gint64 seats = 0, accepted;
  guint picked = 0;

  g_assert_no_error (error);
  /* As many seats as are taken: two more are too many. */
  accepted = spire_cohort_count_accepted (f->store, f->cohort, &seats, &error);
  g_assert_no_error (error);
  spire_record_set_int (cohort, "seats", MAX (accepted, 1));
  g_assert_true (spire_store_update (f->store, cohort, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_shown (f) && picked < 2; i++)
    {
      SpireRankRow *row = row_at (f, i);

      if (g_strcmp0 (spire_rank_row_get_status (row), "accepted") != 0 &&
          g_strcmp0 (spire_rank_row_get_status (row), "withdrawn") != 0)
        uuids[picked++] = g_strdup (spire_rank_row_get_application_uuid (row));
    }
  g_assert_cmpuint (picked, ==, 2);
  expect = spire_cohort_seats_warning_after (f->store, f->cohort, 2);
  g_assert_nonnull (expect);

  select_uuids (spire_ranking_page_get_model (f->page), uuids);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ranking.decide", "s",
                                             "accepted"));
  dialog = SPIRE_DECISION_DIALOG (gui_fixture_find_message_dialog ());
  g_assert_true (SPIRE_IS_DECISION_DIALOG (dialog));
  from_ranking = g_strdup (spire_decision_dialog_get_warning (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_drain ();

  window = GTK_WINDOW (gtk_window_new ());
  cohort_page = SPIRE_COHORT_PAGE (spire_cohort_page_new ());
  gtk_window_set_child (window, GTK_WIDGET (cohort_page));
  spire_cohort_page_set_store (cohort_page, f->store);
  g_assert_true (spire_cohort_page_set_cohort (cohort_page, SPIRE_COHORT (cohort), &error));
  g_assert_no_error (error);
  gtk_window_present (window);
  /* The cohort's applications are read on a worker. */
  gui_fixture_wait_cohort (cohort_page);
  select_uuids (spire_cohort_page_get_model (cohort_page), uuids);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cohort_page), "cohort.set-status", "s",
                                             "accepted"));
  dialog = SPIRE_DECISION_DIALOG (gui_fixture_find_message_dialog ());
  g_assert_true (SPIRE_IS_DECISION_DIALOG (dialog));
  g_assert_cmpuint (spire_decision_dialog_get_n_changing (dialog), ==, 2);

  g_assert_cmpstr (from_ranking, ==, expect);
  g_assert_cmpstr (spire_decision_dialog_get_warning (dialog), ==, expect);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_fixture_destroy_window (window);
  for (guint i = 0; i < 2; i++)
    g_free (uuids[i]);
}

static void
test_tie (void)
{
  F fixture = { 0 }, *f = &fixture;
  g_autofree char *alfa = NULL;
  g_autofree char *beta = NULL;
  guint seen = 0;

  f->dir = gui_fixture_isolate ();
  f->store = open_store (f);
  f->cohort = tied_cohort (f->store, &alfa, &beta);
  show_page (f, f->cohort);
  g_assert_cmpstr (_spire_ranking_page_get_state (f->page), ==, "list");
  g_assert_cmpuint (n_shown (f), ==, 3);
  g_assert_cmpstr (spire_rank_row_get_title (row_at (f, 0)), ==, "Solkraft");

  for (guint i = 0; i < n_shown (f); i++)
    {
      SpireRankRow *row = row_at (f, i);
      g_autofree char *rank = spire_ranking_list_cell_text (_spire_ranking_page_get_list (f->page), row,
                                                             SPIRE_RANKING_COLUMN_RANK);
      const char *uuid = spire_rank_row_get_application_uuid (row);

      if (g_str_equal (uuid, alfa) || g_str_equal (uuid, beta))
        {
          g_assert_true (spire_rank_row_get_tied (row));
          g_assert_nonnull (strchr (rank, '='));
          g_assert_true (g_str_has_prefix (rank, "2"));
          seen++;
        }
      else
        g_assert_null (strchr (rank, '='));
    }
  g_assert_cmpuint (seen, ==, 2);

  /* A new review elsewhere in the store makes the page rank again by itself. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (SpireRecord) app = spire_store_get (f->store, &spire_kind_application, beta,
                                                   &error);

    spire_record_set_text (app, "title", "Beta endret");
    g_assert_true (spire_store_update (f->store, app, &error));
    g_assert_no_error (error);
    g_assert_true (spire_ranking_page_get_busy (f->page));
    wait_ranked (f);
    g_assert_true (row_status_is (f, beta, "in_review"));
    for (guint i = 0; i < n_shown (f); i++)
      if (g_str_equal (spire_rank_row_get_application_uuid (row_at (f, i)), beta))
        g_assert_cmpstr (spire_rank_row_get_title (row_at (f, i)), ==, "Beta endret");
  }

  teardown (f, NULL);
}

static void
test_no_rubric (void)
{
  F fixture = { 0 }, *f = &fixture;
  g_autoptr (GError) error = NULL;
  g_autofree char *program = NULL;

  f->dir = gui_fixture_isolate ();
  f->store = open_store (f);
  program = insert (f->store, &spire_kind_program, "name", "Uten rubrikk", "kind", "accelerator",
                    NULL);
  f->cohort = insert (f->store, &spire_kind_cohort, "program", program, "name", "Tomt kull",
                      "phase", "planning", "seats", "3", NULL);
  show_page (f, f->cohort);
  g_assert_cmpstr (_spire_ranking_page_get_state (f->page), ==, "no-rubric");

  /* A rubric without reviews: nothing to rank yet. */
  g_clear_object (&error);
  {
    g_autoptr (SpireRecord) rubric = spire_rubric_create (f->store, f->cohort, &error);

    g_assert_no_error (error);
  }
  wait_ranked (f);
  g_assert_cmpstr (_spire_ranking_page_get_state (f->page), ==, "no-reviews");
  teardown (f, NULL);
}

/* With SPIRE_RANKING_LARGE_DB set to a database made by
 * `spire-cli demo --size large`: its biggest cohort ranks without blocking
 * the main loop, and the list scrolls. */
static void
test_large (void)
{
  F fixture = { 0 }, *f = &fixture;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (SpireCohort) record = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;
  gint64 start, last, gap = 0, ranked, scroll_start;
  GtkAdjustment *vadj;

  f->dir = gui_fixture_isolate ();
  f->path = g_strdup (g_getenv ("SPIRE_RANKING_LARGE_DB"));
  f->store = spire_store_open (f->path, &error);
  g_assert_no_error (error);
  counts = spire_store_count_by (f->store, &spire_kind_application, "cohort", NULL, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        g_free (f->cohort);
        f->cohort = g_strdup (key);
      }

  record = SPIRE_COHORT (spire_store_get (f->store, &spire_kind_cohort, f->cohort, &error));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 700);
  f->page = SPIRE_RANKING_PAGE (spire_ranking_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  spire_ranking_page_set_store (f->page, f->store);
  gtk_window_present (f->window);
  gui_fixture_wait_allocated (f->window);

  start = last = g_get_monotonic_time ();
  spire_ranking_page_set_cohort (f->page, record, NULL);
  while (spire_ranking_page_get_busy (f->page))
    {
      gint64 now;

      g_main_context_iteration (NULL, FALSE);
      now = g_get_monotonic_time ();
      gap = MAX (gap, now - last);
      last = now;
      g_usleep (500);
    }
  ranked = g_get_monotonic_time () - start;
  g_test_message ("%u applications ranked in %.0f ms; longest main loop pause %.0f ms", best,
                  ranked / 1000.0, gap / 1000.0);
  g_assert_cmpuint (n_shown (f), ==,
                    spire_ranking_get_n_rows (spire_ranking_page_get_ranking (f->page)));

  /* Scroll through the whole list, a page at a time. */
  gui_fixture_wait_frame (f->page);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (spire_ranking_list_get_column_view (_spire_ranking_page_get_list (f->page))));
  scroll_start = g_get_monotonic_time ();
  gap = 0;
  for (guint i = 0; i < 200; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) +
                                        gtk_adjustment_get_page_size (vadj));
      gui_fixture_wait_frame (f->page);
      gap = MAX (gap, g_get_monotonic_time () - t0);
    }
  g_test_message ("200 pages scrolled in %.0f ms; slowest page %.0f ms",
                  (g_get_monotonic_time () - scroll_start) / 1000.0, gap / 1000.0);

  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->store);
  g_free (f->path);
  g_free (f->cohort);
  g_free (f->dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ranking/rows", F, NULL, setup_demo, test_rows, teardown);
  g_test_add ("/ranking/meeting-order", F, NULL, setup_demo, test_meeting_order, teardown);
  g_test_add ("/ranking/rows-in-chunks", F, NULL, setup_demo, test_rows_in_chunks, teardown);
  g_test_add ("/ranking/reviews-dialog", F, NULL, setup_demo, test_reviews_dialog, teardown);
  g_test_add ("/ranking/decide", F, NULL, setup_demo, test_decide, teardown);
  g_test_add ("/ranking/cancel-decision", F, NULL, setup_demo, test_cancel_decision, teardown);
  g_test_add ("/ranking/same-seats-warning", F, NULL, setup_demo, test_same_seats_warning,
              teardown);
  g_test_add_func ("/ranking/tie", test_tie);
  g_test_add_func ("/ranking/no-rubric", test_no_rubric);
  if (g_getenv ("SPIRE_RANKING_LARGE_DB"))
    g_test_add_func ("/ranking/large", test_large);

  return g_test_run ();
}
