/* test-ranking.c — ranking a small cohort: the pipeline, the order, conflicts, normalising and the thresholds (the cohort and its expected ranking in ranking-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ranking"

#include "config.h"

#include "ranking-fixture.h"

static void
test_pipeline (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) ranking = rank_ok (f);
  SpireRankRow *row;
  const double *scores;
  guint n, answers;

  g_assert_cmpstr (spire_ranking_get_rubric_uuid (ranking), ==, f->rubric);
  g_assert_cmpuint (spire_ranking_get_n_criteria (ranking), ==, 5);
  g_assert_cmpstr (spire_ranking_get_criterion (ranking, 0)->name, ==, "Need fit");
  g_assert_cmpint (spire_ranking_get_criterion (ranking, 3)->kind, ==, SPIRE_CRITERION_GATE);
  g_assert_cmpfloat (spire_ranking_get_disagreement_threshold (ranking), ==, 1.0);

  /* A6 ineligible and A7 withdrawn are not ranked */
  g_assert_cmpuint (spire_ranking_get_n_rows (ranking), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ranking)), ==, 6);
  g_assert_null (spire_ranking_lookup (ranking, A6));
  g_assert_null (spire_ranking_lookup (ranking, A7));

  check_row (ranking, 0, A1, 1, FALSE, 31.0 / 6, 2, 1, SPIRE_RANK_FLAG_MISSING_REVIEWS);
  check_row (ranking, 1, A2, 2, FALSE, 5, 2, 0,
             SPIRE_RANK_FLAG_DISAGREEMENT | SPIRE_RANK_FLAG_STALE_REVIEWS);
  check_row (ranking, 2, A3, 3, TRUE, 5, 2, 0, 0);
  check_row (ranking, 3, A4, 3, TRUE, 5, 2, 0, 0);
  check_row (ranking, 4, A5, 0, FALSE, NAN, 0, 2,
             SPIRE_RANK_FLAG_MISSING_REVIEWS | SPIRE_RANK_FLAG_UNSCORED);
  check_row (ranking, 5, A8, 0, FALSE, NAN, 1, 0, SPIRE_RANK_FLAG_UNSCORED);

  /* A1 in detail: the draft of E3 is not counted */
  row = spire_ranking_lookup (ranking, A1);
  g_assert_cmpstr (spire_rank_row_get_title (row), ==, "Alpha");
  g_assert_cmpstr (spire_rank_row_get_startup_name (row), ==, "Alfa AS");
  g_assert_cmpstr (spire_rank_row_get_challenge_title (row), ==, "Fewer empty school buses");
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_percent (row), 2500.0 / 36, 1e-9);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (row), 1.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_range (row), 1.0 / 3, EPS);
  scores = spire_rank_row_get_review_scores (row, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (scores[0], 16.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (scores[1], 5, EPS);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 0, &answers), 5.5, EPS);
  g_assert_cmpuint (answers, ==, 2);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 1, &answers), 4.5, EPS);
  g_assert_cmpuint (answers, ==, 2);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 2, &answers), 5, EPS);
  g_assert_cmpuint (answers, ==, 1); /* E1 said N/A */
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 3, &answers), 1, EPS);
  g_assert_cmpuint (answers, ==, 1);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 4, &answers), 7, EPS);
  g_assert_cmpuint (answers, ==, 1); /* shown, though never counted in the score */
  g_assert_cmpuint (spire_rank_row_get_n_stale (row), ==, 0);

  /* A2: [7, 3], σ = 2 and range 4, the stale review counted but flagged */
  row = spire_ranking_lookup (ranking, A2);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (row), 2, EPS);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_range (row), 4, EPS);
  g_assert_cmpuint (spire_rank_row_get_n_stale (row), ==, 1);
  g_assert_null (spire_rank_row_get_challenge_title (row));

  /* A8: a submitted review with nothing answered gives no score */
  row = spire_ranking_lookup (ranking, A8);
  spire_rank_row_get_review_scores (row, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (isnan (spire_rank_row_get_percent (row)));
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 3, NULL), 1, EPS);

  /* A3: nobody answered the not-counted criterion */
  row = spire_ranking_lookup (ranking, A3);
  g_assert_true (isnan (spire_rank_row_get_criterion_mean (row, 4, &answers)));
  g_assert_cmpuint (answers, ==, 0);
}

static void
test_properties (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) ranking = rank_ok (f);
  g_autoptr (SpireRankRow) row = g_list_model_get_item (G_LIST_MODEL (ranking), 1);
  g_autofree char *uuid = NULL, *startup = NULL;
  guint rank, n_reviews;
  gboolean tied;
  double score, spread;
  SpireRankFlags flags;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (ranking)) == SPIRE_TYPE_RANK_ROW);
  g_object_get (row, "application-uuid", &uuid, "startup-name", &startup, "rank", &rank,
                "tied", &tied, "score", &score, "spread", &spread, "n-reviews", &n_reviews,
                "flags", &flags, NULL);
  g_assert_cmpstr (uuid, ==, A2);
  g_assert_cmpstr (startup, ==, "Beta AS");
  g_assert_cmpuint (rank, ==, 2);
  g_assert_false (tied);
  g_assert_cmpfloat_with_epsilon (score, 5, EPS);
  g_assert_cmpfloat_with_epsilon (spread, 2, EPS);
  g_assert_cmpuint (n_reviews, ==, 2);
  g_assert_cmpuint (flags, ==, SPIRE_RANK_FLAG_DISAGREEMENT | SPIRE_RANK_FLAG_STALE_REVIEWS);

  {
    g_auto (GStrv) nicks = spire_rank_flags_to_strv (flags);

    g_assert_cmpuint (g_strv_length (nicks), ==, 2);
    g_assert_cmpstr (nicks[0], ==, "disagreement");
    g_assert_cmpstr (nicks[1], ==, "stale-reviews");
  }
}

static void
test_meeting_order (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) ranking = rank_ok (f);
  g_autoptr (GListModel) meeting = spire_ranking_get_meeting_order (ranking);
  static const char *const expected[] = { A2, A1, A3, A4 };

  g_assert_cmpuint (g_list_model_get_n_items (meeting), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (SpireRankRow) row = g_list_model_get_item (meeting, i);

      g_assert_cmpstr (spire_rank_row_get_application_uuid (row), ==, expected[i]);
    }
}

static void
test_reviews (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) ranking = rank_ok (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) reviews = spire_ranking_list_reviews (ranking, f->store, A1, &error);
  g_autoptr (SpireRankReview) kari = NULL, ola = NULL, ase = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  /* submitted first (by name: Kari, Ola), then the draft (Åse) */
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 3);
  kari = g_list_model_get_item (reviews, 0);
  ola = g_list_model_get_item (reviews, 1);
  ase = g_list_model_get_item (reviews, 2);

  g_assert_cmpstr (spire_rank_review_get_review_uuid (kari), ==, f->review_a1_e1);
  g_assert_cmpstr (spire_rank_review_get_evaluator_name (kari), ==, "Kari Nordmann");
  g_assert_cmpstr (spire_rank_review_get_evaluator_uuid (kari), ==, f->evaluators[0]);
  g_assert_true (spire_rank_review_get_counted (kari));
  g_assert_cmpfloat_with_epsilon (spire_rank_review_get_score (kari), 16.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (spire_rank_review_get_normalised_score (kari), 16.0 / 3, EPS);
  g_assert_cmpfloat (spire_rank_review_get_value (kari, 0), ==, 6);
  g_assert_true (isnan (spire_rank_review_get_value (kari, 2))); /* N/A */
  g_assert_cmpfloat (spire_rank_review_get_value (kari, 4), ==, 7); /* not counted, shown */
  g_assert_null (spire_rank_review_get_comment (kari, 0));

  g_object_get (ola, "evaluator-name", &name, NULL);
  g_assert_cmpstr (name, ==, "Ola Hansen");
  g_assert_cmpfloat_with_epsilon (spire_rank_review_get_score (ola), 5, EPS);
  g_assert_true (isnan (spire_rank_review_get_value (ola, 3))); /* no row */

  g_assert_cmpstr (spire_rank_review_get_evaluator_name (ase), ==, "Åse Berg");
  g_assert_cmpstr (spire_rank_review_get_state (ase), ==, "draft");
  g_assert_false (spire_rank_review_get_counted (ase));
  g_assert_cmpfloat_with_epsilon (spire_rank_review_get_score (ase), 1, EPS);
  g_assert_true (isnan (spire_rank_review_get_normalised_score (ase)));

  /* the stale review of A2 */
  {
    g_autoptr (GListModel) a2 = spire_ranking_list_reviews (ranking, f->store, A2, &error);
    g_autoptr (SpireRankReview) stale = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (a2), ==, 2);
    stale = g_list_model_get_item (a2, 1); /* Ola */
    g_assert_cmpstr (spire_rank_review_get_review_uuid (stale), ==, f->review_a2_e2);
    g_assert_true (spire_rank_review_get_stale (stale));
    g_assert_true (spire_rank_review_get_counted (stale));
  }
}

/* After the conflict with A3: the rows as in the file's header, A3's
 * flag, spread and criterion means of the two counted reviews */
static void
conflict_rows (SpireRanking *ranking)
{
  SpireRankRow *row = spire_ranking_lookup (ranking, A3);
  guint n_scores = 0;
  const double *scores;
  guint found = 0;
  guint flags_value = 0;

  /* back to the ranking of the file's header: 1 A1, 2 A2, 3= A3, 3= A4 */
  check_row (ranking, 0, A1, 1, FALSE, 31.0 / 6, 2, 1, SPIRE_RANK_FLAG_MISSING_REVIEWS);
  check_row (ranking, 1, A2, 2, FALSE, 5, 2, 0,
             SPIRE_RANK_FLAG_DISAGREEMENT | SPIRE_RANK_FLAG_STALE_REVIEWS);
  check_row (ranking, 2, A3, 3, TRUE, 5, 2, 0, SPIRE_RANK_FLAG_CONFLICTED_REVIEWS);
  check_row (ranking, 3, A4, 3, TRUE, 5, 2, 0, SPIRE_RANK_FLAG_NONE);
  g_assert_cmpuint (spire_rank_row_get_n_conflicted (row), ==, 1);
  g_object_get (row, "flags", &flags_value, NULL);
  g_assert_cmpuint (flags_value, ==, SPIRE_RANK_FLAG_CONFLICTED_REVIEWS);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (row), 0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_range (row), 0, EPS);
  scores = spire_rank_row_get_review_scores (row, &n_scores);
  g_assert_cmpuint (n_scores, ==, 2);
  g_assert_cmpfloat_with_epsilon (scores[0], 5, EPS);
  g_assert_cmpfloat_with_epsilon (scores[1], 5, EPS);
  /* criterion means of Kari and Ola only: C1 (6 + 5)/2, C2 (4 + 6)/2 */
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 0, &found), 5.5,
                                  EPS);
  g_assert_cmpuint (found, ==, 2);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 1, NULL), 5, EPS);
}

/* @review (Åse's, in conflict) still listed, not counted, with the reason */
static void
conflict_reviews (Fixture *f, SpireRanking *ranking, const char *review)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) reviews = spire_ranking_list_reviews (ranking, f->store, A3, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (SpireRankReview) r = g_list_model_get_item (reviews, i);
      g_autofree char *reason = NULL;

      g_object_get (r, "not-counted-reason", &reason, NULL);
      if (g_strcmp0 (spire_rank_review_get_review_uuid (r), review) == 0)
        {
          g_assert_cmpstr (spire_rank_review_get_state (r), ==, "submitted");
          g_assert_false (spire_rank_review_get_counted (r));
          g_assert_cmpstr (spire_rank_review_get_conflict_kind (r), ==, "family");
          g_assert_cmpstr (reason, ==, "Not counted: conflict of interest");
          g_assert_cmpfloat_with_epsilon (spire_rank_review_get_score (r), 7, EPS);
          g_assert_true (isnan (spire_rank_review_get_normalised_score (r)));
        }
      else
        {
          g_assert_true (spire_rank_review_get_counted (r));
          g_assert_null (spire_rank_review_get_conflict_kind (r));
          g_assert_null (reason);
        }
    }
}

/* JSON: the flag and the count */
static void
conflict_json (SpireRanking *ranking)
{
  g_autoptr (JsonNode) json = spire_ranking_to_json (ranking);
  JsonArray *apps = json_object_get_array_member (json_node_get_object (json), "applications");
  JsonObject *app = NULL;
  JsonArray *flags;

  for (guint i = 0; i < json_array_get_length (apps); i++)
    {
      JsonObject *o = json_array_get_object_element (apps, i);

      if (g_strcmp0 (json_object_get_string_member (o, "application"), A3) == 0)
        app = o;
    }
  g_assert_nonnull (app);
  g_assert_cmpint (json_object_get_int_member (app, "conflicted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (app, "reviews"), ==, 2);
  flags = json_object_get_array_member (app, "flags");
  g_assert_cmpuint (json_array_get_length (flags), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (flags, 0), ==, "conflicted-reviews");
}

/* a detected conflict blocks while it awaits confirmation (the rule of
 * spire_conflict_blocks); once dismissed, the review is counted again */
static void
conflict_detected_then_dismissed (Fixture *f, SpireRecord *conflict)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) pending = NULL;
  g_autoptr (SpireRanking) dismissed = NULL;
  g_autofree char *detected = NULL;

  spire_store_delete (f->store, conflict, &error);
  g_assert_no_error (error);
  detected = add (f->store, &spire_kind_conflict, "evaluator", f->evaluators[2],
                  "application", A3, "origin", "detected", "kind", "employee",
                  "reason", "Same e-mail domain", "confirmed", "0", NULL);
  g_assert_true (spire_conflict_blocks (f->store, f->evaluators[2], A3, NULL));
  pending = rank_ok (f);
  check_row (pending, 2, A3, 3, TRUE, 5, 2, 0, SPIRE_RANK_FLAG_CONFLICTED_REVIEWS);

  spire_conflict_dismiss (f->store, detected, "Different company, same host", &error);
  g_assert_no_error (error);
  g_assert_false (spire_conflict_blocks (f->store, f->evaluators[2], A3, NULL));
  dismissed = rank_ok (f);
  check_row (dismissed, 0, A3, 1, FALSE, 17.0 / 3, 3, 0, SPIRE_RANK_FLAG_NONE);
}

/* A conflict of interest leaves a review out.  Åse (E3) also reviews A3
 * Gamma: 7, 7, 7 → 7, so A3 has [7, 5, 5] → 17/3 = 5.6667 and ranks first
 * (σ = √(((4/3)² + 2·(2/3)²)/3) = √(8/9) ≈ 0.943: no disagreement).  Then
 * she declares a conflict with A3: her review no longer counts → A3 is the
 * mean of the other two, (5 + 5)/2 = 5, σ 0, range 0, tied with A4 again
 * ([5, 5] both), and flagged CONFLICTED_REVIEWS; the review is still listed,
 * not counted, with the conflict's kind.  A dismissed conflict counts
 * nothing: the review is counted again.  The steps: conflict_rows,
 * conflict_reviews, conflict_json, conflict_detected_then_dismissed. */
static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *review = add_review (f, 2, A3, "submitted", FALSE,
                                        (double[]) { 7, 7, 7, NONE, NONE });
  g_autoptr (SpireRecord) conflict = NULL;

  {
    g_autoptr (SpireRanking) ranking = rank_ok (f);
    SpireRankRow *row = spire_ranking_lookup (ranking, A3);

    check_row (ranking, 0, A3, 1, FALSE, 17.0 / 3, 3, 0, SPIRE_RANK_FLAG_NONE);
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (row), sqrt (8.0 / 9), EPS);
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_range (row), 2, EPS);
    g_assert_cmpuint (spire_rank_row_get_n_conflicted (row), ==, 0);
  }

  conflict = spire_conflict_declare (f->store, f->evaluators[2], A3, NULL, "family",
                                     "Her brother founded Gamma AS", &error);
  g_assert_no_error (error);
  g_assert_nonnull (conflict);
  g_assert_true (spire_conflict_blocks (f->store, f->evaluators[2], A3, NULL));

  {
    g_autoptr (SpireRanking) ranking = rank_ok (f);

    conflict_rows (ranking);
    conflict_reviews (f, ranking, review);
    conflict_json (ranking);
  }

  conflict_detected_then_dismissed (f, conflict);
}

/* A conflict with the startup (not the application) blocks as well, and a
 * left-out review takes no part in the per-evaluator normalisation. */
static void
test_conflict_startup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) app = spire_store_get (f->store, &spire_kind_application, A4, &error);
  g_autoptr (SpireRecord) conflict = NULL;
  g_autoptr (SpireRanking) ranking = NULL;

  g_assert_no_error (error);
  /* Åse's only submitted review is A4's (4, 6, 6 → 5): left out */
  conflict = spire_conflict_declare (f->store, f->evaluators[2], NULL,
                                     spire_record_get_text (app, "startup"), "owner",
                                     "Shareholder in Delta AS", &error);
  g_assert_no_error (error);
  set_rubric (f, "normalisation", "per_evaluator");
  ranking = rank_ok (f);
  {
    SpireRankRow *row = spire_ranking_lookup (ranking, A4);
    guint n = 0;

    g_assert_cmpuint (spire_rank_row_get_n_reviews (row), ==, 1);
    g_assert_cmpuint (spire_rank_row_get_n_conflicted (row), ==, 1);
    g_assert_true (spire_rank_row_get_flags (row) & SPIRE_RANK_FLAG_CONFLICTED_REVIEWS);
    spire_rank_row_get_review_scores (row, &n);
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_normalised (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRanking) ranking = NULL;
  /* The counted reviews of the ranked applications (A6 is ineligible), raw:
   *   E1: A1 16/3, A2 7, A3 5, A4 5, A8 none;  E2: A1 5, A2 3, A3 5;  E3: A4 5 (alone: kept) */
  double s[] = { 16.0 / 3, 7, 5, 5, NAN, 5, 3, 5, 5 };
  const guint e[] = { 1, 1, 1, 1, 1, 2, 2, 2, 3 };
  struct { const char *uuid; guint a, b; } apps[] = {
    { A1, 0, 5 }, { A2, 1, 6 }, { A3, 2, 7 }, { A4, 3, 8 },
  };

  spire_scores_normalise (s, e, G_N_ELEMENTS (s));
  g_assert_cmpfloat (s[8], ==, 5); /* E3's single review */

  set_rubric (f, "normalisation", "per_evaluator");
  ranking = rank_ok (f);
  g_assert_true (spire_ranking_get_normalised (ranking));

  for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
    {
      SpireRankRow *row = spire_ranking_lookup (ranking, apps[i].uuid);
      double x = s[apps[i].a], y = s[apps[i].b];
      const double *scores;
      guint n;

      g_assert_cmpfloat_with_epsilon (spire_rank_row_get_score (row), (x + y) / 2, 1e-12);
      g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (row), fabs (x - y) / 2, 1e-12);
      scores = spire_rank_row_get_review_scores (row, &n);
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpfloat_with_epsilon (scores[0], MAX (x, y), 1e-12);
      /* per-criterion means stay raw */
      if (i == 0)
        g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (row, 0, NULL), 5.5, EPS);
    }

  /* the review list shows raw and normalised */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GListModel) reviews = spire_ranking_list_reviews (ranking, f->store, A1, &error);
    g_autoptr (SpireRankReview) kari = g_list_model_get_item (reviews, 0);

    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (spire_rank_review_get_score (kari), 16.0 / 3, EPS);
    g_assert_cmpfloat_with_epsilon (spire_rank_review_get_normalised_score (kari), s[0], 1e-12);
  }
}

static void
test_threshold (Fixture *f, gconstpointer data)
{
  /* σ of A2 is 2: a threshold of exactly 2 does not flag, 1.99 does, none never */
  {
    g_autoptr (SpireRanking) ranking = NULL;

    set_rubric (f, "disagreement_threshold", "2");
    ranking = rank_ok (f);
    g_assert_false (spire_rank_row_get_flags (spire_ranking_lookup (ranking, A2))
                    & SPIRE_RANK_FLAG_DISAGREEMENT);
  }
  {
    g_autoptr (SpireRanking) ranking = NULL;

    set_rubric (f, "disagreement_threshold", "1.99");
    ranking = rank_ok (f);
    g_assert_true (spire_rank_row_get_flags (spire_ranking_lookup (ranking, A2))
                   & SPIRE_RANK_FLAG_DISAGREEMENT);
    g_assert_false (spire_rank_row_get_flags (spire_ranking_lookup (ranking, A1))
                    & SPIRE_RANK_FLAG_DISAGREEMENT);
  }
  {
    g_autoptr (SpireRanking) ranking = NULL;

    set_rubric (f, "disagreement_threshold", "0.1");
    ranking = rank_ok (f);
    /* A1: σ = 1/6 > 0.1 */
    g_assert_true (spire_rank_row_get_flags (spire_ranking_lookup (ranking, A1))
                   & SPIRE_RANK_FLAG_DISAGREEMENT);
    g_assert_false (spire_rank_row_get_flags (spire_ranking_lookup (ranking, A3))
                    & SPIRE_RANK_FLAG_DISAGREEMENT);
  }
  {
    g_autoptr (SpireRanking) ranking = NULL;

    set_rubric (f, "disagreement_threshold", NULL);
    ranking = rank_ok (f);
    g_assert_true (isnan (spire_ranking_get_disagreement_threshold (ranking)));
    for (guint i = 0; i < spire_ranking_get_n_rows (ranking); i++)
      g_assert_false (spire_rank_row_get_flags (spire_ranking_get_row (ranking, i))
                      & SPIRE_RANK_FLAG_DISAGREEMENT);
  }
}

static void
test_rubric_version (Fixture *f, gconstpointer data)
{
  /* A new rubric version makes every review written under version 1 stale;
   * they still count. */
  g_autoptr (SpireRanking) ranking = NULL;
  SpireRankRow *row;

  set_rubric (f, "version", "2");
  ranking = rank_ok (f);
  row = spire_ranking_lookup (ranking, A3);
  g_assert_cmpuint (spire_rank_row_get_n_stale (row), ==, 2);
  g_assert_true (spire_rank_row_get_flags (row) & SPIRE_RANK_FLAG_STALE_REVIEWS);
  g_assert_cmpfloat_with_epsilon (spire_rank_row_get_score (row), 5, EPS);
  g_assert_cmpuint (spire_rank_row_get_rank (row), ==, 3);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ranking/pipeline", test_pipeline);
  ADD ("/ranking/properties", test_properties);
  ADD ("/ranking/meeting-order", test_meeting_order);
  ADD ("/ranking/reviews", test_reviews);
  ADD ("/ranking/conflict", test_conflict);
  ADD ("/ranking/conflict-startup", test_conflict_startup);
  ADD ("/ranking/normalised", test_normalised);
  ADD ("/ranking/threshold", test_threshold);
  ADD ("/ranking/rubric-version", test_rubric_version);

  return g_test_run ();
}
