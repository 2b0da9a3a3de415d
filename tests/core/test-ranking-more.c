/* test-ranking-more.c — ranking a small cohort: as JSON, its errors, inside a transaction, on a worker, and normalised scores within the scale (the cohort and its expected ranking in ranking-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ranking"

#include "config.h"

#include "ranking-fixture.h"

static void
test_json (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) ranking = rank_ok (f);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  JsonObject *root, *first, *unranked;
  JsonArray *apps;

  /* Norwegian writes a decimal comma; JSON must not */
  if (setlocale (LC_ALL, "nb_NO.UTF-8") == NULL)
    g_test_message ("nb_NO.UTF-8 is not installed: the decimal point is checked in C only");
  node = spire_ranking_to_json (ranking);
  text = json_to_string (node, FALSE);
  setlocale (LC_ALL, old_locale);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "cohort"), ==, f->cohort);
  g_assert_cmpstr (json_object_get_string_member (root, "aggregation"), ==, "mean");
  g_assert_cmpstr (json_object_get_string_member (root, "disagreement_measure"), ==, "sd");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "criteria")), ==, 5);

  apps = json_object_get_array_member (root, "applications");
  g_assert_cmpuint (json_array_get_length (apps), ==, 6);
  first = json_array_get_object_element (apps, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "application"), ==, A1);
  g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "score"), 31.0 / 6, 1e-12);
  g_assert_cmpint (json_object_get_int_member (first, "missing"), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (first, "flags"), 0),
                   ==, "missing-reviews");
  g_assert_true (strstr (text, "5.16666") != NULL);
  g_assert_null (strstr (text, "5,16666"));

  unranked = json_array_get_object_element (apps, 4);
  g_assert_true (json_object_get_null_member (unranked, "rank"));
  g_assert_true (json_object_get_null_member (unranked, "score"));

  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (apps, 2), "tied"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "meeting_order"), 0),
                   ==, A2);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *program = NULL, *bare = NULL;
  SpireRanking *ranking;

  ranking = spire_rank_cohort (f->store, "00000000-0000-4000-8000-00000000dead", NULL, &error);
  g_assert_null (ranking);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  program = add (f->store, &spire_kind_program, "name", "Bare", "kind", "other", NULL);
  bare = add (f->store, &spire_kind_cohort, "program", program, "name", "No rubric",
              "phase", "planning", "seats", "1", NULL);
  ranking = spire_rank_cohort (f->store, bare, NULL, &error);
  g_assert_null (ranking);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  ranking = spire_rank_cohort (f->store, f->cohort, cancellable, &error);
  g_assert_null (ranking);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_clear_error (&error);

  /* the store is usable afterwards (no read transaction left open) */
  {
    g_autoptr (SpireRanking) again = rank_ok (f);
    g_autofree char *p = add (f->store, &spire_kind_program, "name", "After", "kind", "other",
                              NULL);

    g_assert_cmpuint (spire_ranking_get_n_rows (again), ==, 6);
  }
}

/* Ranking inside the caller's transaction: the reader opens no read
 * transaction of its own, sees what the caller wrote so far, and leaves the
 * caller's transaction to the caller (a rollback undoes it). */
static void
test_in_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) before = rank_ok (f);
  g_autoptr (SpireRanking) during = NULL;
  g_autoptr (SpireRanking) after = NULL;
  g_autoptr (SpireRecord) app = NULL;
  guint n = spire_ranking_get_n_rows (before);

  g_assert_cmpuint (n, >, 1);
  g_assert_nonnull (spire_ranking_lookup (before, A4));

  g_assert_true (spire_store_begin (f->store, &error));
  g_assert_no_error (error);
  app = spire_store_get (f->store, &spire_kind_application, A4, &error);
  g_assert_no_error (error);
  spire_record_set_text (app, "status", "withdrawn");
  g_assert_true (spire_store_update (f->store, app, &error));
  g_assert_no_error (error);

  during = rank_ok (f);
  g_assert_cmpuint (spire_ranking_get_n_rows (during), ==, n - 1);
  g_assert_null (spire_ranking_lookup (during, A4));

  spire_store_rollback (f->store);
  after = rank_ok (f);
  g_assert_cmpuint (spire_ranking_get_n_rows (after), ==, n);
  g_assert_nonnull (spire_ranking_lookup (after, A4));
}

static void
on_ranked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireRanking **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = spire_rank_cohort_finish (SPIRE_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_ranked_error_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  g_assert_null (spire_rank_cohort_finish (SPIRE_STORE (source), result, error));
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) sync = rank_ok (f);
  g_autoptr (SpireRanking) async = NULL;
  g_autoptr (JsonNode) a = NULL, b = NULL;

  spire_rank_cohort_async (f->store, f->cohort, NULL, on_ranked_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  a = spire_ranking_to_json (sync);
  b = spire_ranking_to_json (async);
  g_assert_true (json_node_equal (a, b));

  /* What a list shows came made from the worker (English here): A1 ranks
   * 1 with 31/6 = 69 % of the scale, 2 of 3 reviews in; A3 shares 3rd;
   * A5 is unranked, without reviews; the titles sort in Norwegian order. */
  {
    SpireRankRow *a1 = spire_ranking_lookup (async, A1);
    SpireRankRow *a3 = spire_ranking_lookup (async, A3);
    SpireRankRow *a5 = spire_ranking_lookup (async, A5);
    g_autofree char *alpha = spire_collate_key ("Alpha");

    g_assert_cmpstr (spire_rank_row_get_text (a1, SPIRE_RANK_TEXT_RANK), ==, "1");
    g_assert_cmpstr (spire_rank_row_get_text (a1, SPIRE_RANK_TEXT_SCORE), ==, "5.17 (69 %)");
    g_assert_cmpstr (spire_rank_row_get_text (a1, SPIRE_RANK_TEXT_SPREAD), ==, "0.17");
    g_assert_cmpstr (spire_rank_row_get_text (a1, SPIRE_RANK_TEXT_RANGE), ==, "0.33");
    g_assert_cmpstr (spire_rank_row_get_text (a1, SPIRE_RANK_TEXT_REVIEWS), ==, "2 of 3");
    g_assert_cmpstr (spire_rank_row_get_criterion_text (a1, 0), ==, "5.50");
    g_assert_cmpstr (spire_rank_row_get_text (a3, SPIRE_RANK_TEXT_RANK), ==, "3=");
    g_assert_cmpstr (spire_rank_row_get_text (a5, SPIRE_RANK_TEXT_RANK), ==, "–");
    g_assert_cmpstr (spire_rank_row_get_text (a5, SPIRE_RANK_TEXT_SCORE), ==, "–");
    g_assert_cmpstr (spire_rank_row_get_text (a5, SPIRE_RANK_TEXT_SPREAD), ==, "–");
    g_assert_cmpstr (spire_rank_row_get_criterion_text (a5, 0), ==, "–");
    g_assert_cmpstr (spire_rank_row_get_title_key (a1), ==, alpha);
    g_assert_cmpint (strcmp (spire_rank_row_get_title_key (a1),
                             spire_rank_row_get_title_key (a3)), <, 0);
  }

  /* an in-memory store is ranked too */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (SpireStore) memory = spire_store_new_memory (&error);

    g_assert_no_error (error);
    spire_rank_cohort_async (memory, f->cohort, NULL, on_ranked_error_cb, &error);
    while (error == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  }
}

/* trust-files: sets every score of @evaluator's review of @application to @value. */
static void
rescore (Fixture *f, int evaluator, const char *application, double value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviews = spire_store_list (f->store, &spire_kind_review, "application",
                                                    application, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    {
      SpireRecord *review = g_ptr_array_index (reviews, i);
      g_autoptr (GPtrArray) scores = NULL;

      if (g_strcmp0 (spire_record_get_text (review, "evaluator"), f->evaluators[evaluator]) != 0)
        continue;
      found = TRUE;
      scores = spire_store_list (f->store, &spire_kind_score, "review",
                                 spire_record_get_uuid (review), &error);
      g_assert_no_error (error);
      for (guint j = 0; j < scores->len; j++)
        {
          SpireRecord *score = g_ptr_array_index (scores, j);

          spire_record_set_real (score, "value", value);
          spire_store_update (f->store, score, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_true (found);
}

/* DESIGN.md "Scoring": a normalised score may leave the scale; the ranking
 * uses it as it is, what is shown is clamped to the scale's ends.  Kari
 * gives 1 to everything but A2 (7), Ola gives A2 7 as well: both z-scores
 * are far above the cohort's mean, and μ + σ·z lands above 7. */
static void
test_normalised_within_scale (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) ranking = NULL;
  g_autoptr (JsonNode) json = NULL;
  JsonArray *apps;
  SpireRankRow *top;
  double last = INFINITY;

  rescore (f, 0, A1, 1);
  rescore (f, 0, A3, 1);
  rescore (f, 0, A4, 1);
  rescore (f, 1, A2, 7);
  set_rubric (f, "normalisation", "per_evaluator");
  ranking = rank_ok (f);

  top = spire_ranking_get_row (ranking, 0);
  g_assert_cmpstr (spire_rank_row_get_application_uuid (top), ==, A2);
  g_assert_cmpuint (spire_rank_row_get_rank (top), ==, 1);
  g_assert_cmpfloat (spire_rank_row_get_score (top), >, 7.5);
  g_assert_cmpfloat (spire_rank_row_get_shown_score (top), ==, 7);
  g_assert_cmpfloat (spire_rank_row_get_percent (top), ==, 100);
  {
    double shown = 0;

    g_object_get (top, "shown-score", &shown, NULL);
    g_assert_cmpfloat (shown, ==, 7);
  }

  /* The order is the raw one; what is shown stays within the scale. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ranking)); i++)
    {
      SpireRankRow *row = spire_ranking_get_row (ranking, i);
      double score = spire_rank_row_get_score (row);

      if (spire_rank_row_get_rank (row) == 0)
        continue;
      g_assert_cmpfloat (score, <=, last);
      last = score;
      g_assert_cmpfloat (spire_rank_row_get_shown_score (row), ==, CLAMP (score, 1, 7));
      g_assert_cmpfloat (spire_rank_row_get_percent (row), >=, 0);
      g_assert_cmpfloat (spire_rank_row_get_percent (row), <=, 100);
    }

  /* JSON: "score" is the value ranked by, "shown_score" and "percent" what
   * is shown. */
  json = spire_ranking_to_json (ranking);
  apps = json_object_get_array_member (json_node_get_object (json), "applications");
  {
    JsonObject *first = json_array_get_object_element (apps, 0);

    g_assert_cmpstr (json_object_get_string_member (first, "application"), ==, A2);
    g_assert_cmpfloat (json_object_get_double_member (first, "score"), >, 7.5);
    g_assert_cmpfloat (json_object_get_double_member (first, "shown_score"), ==, 7);
    g_assert_cmpfloat (json_object_get_double_member (first, "percent"), ==, 100);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ranking/normalised-within-scale", test_normalised_within_scale);
  ADD ("/ranking/json", test_json);
  ADD ("/ranking/errors", test_errors);
  ADD ("/ranking/in-transaction", test_in_transaction);
  ADD ("/ranking/async", test_async);

  return g_test_run ();
}
