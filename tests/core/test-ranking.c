/* test-ranking.c — ranking a small cohort from a temporary database
 *
 * The cohort (rubric 1–7, mean, no normalisation, disagreement threshold
 * σ > 1.0), criteria in order:
 *   C1 "Need fit"    scored, weight 2
 *   C2 "Team"        scored, weight 1
 *   C3 "Feasibility" scored, weight 1
 *   G  "Eligible"    gate (1 = pass)
 *   N  "Notes"       not counted
 * Panel: E1 Kari Nordmann, E2 Ola Hansen, E3 Åse Berg.
 *
 * Reviews (C1, C2, C3, G, N; "–" no score row, "N/A" a NULL value):
 *   A1 Alpha   E1 submitted 6, 4, N/A, 1, 7  → (12 + 4)/3       = 16/3
 *              E2 submitted 5, 5, 5, –, –    → (10 + 5 + 5)/4   = 5
 *              E3 draft     1, 1, 1          → not counted; E3 assigned → 1 missing
 *              aggregate (16/3 + 5)/2 = 31/6 = 5.1667; σ = (1/3)/2 = 1/6; range 1/3
 *              percent (31/6 − 1)/6 · 100 = 2500/36 = 69.44 %
 *              criterion means C1 (6+5)/2 = 5.5, C2 4.5, C3 5 (1 answer), G 1 (1), N 7 (1)
 *   A2 Beta    E1 submitted 7, 7, 7, 1       → 7
 *              E2 submitted 3, 3, 3 (stale)  → 3
 *              mean 5, σ = 2 > 1 → disagreement; range 4; stale; E3 declined: not missing
 *   A3 Gamma   E1 6, 4, 4 → (12+4+4)/4 = 5;  E2 5, 6, 4 → (10+6+4)/4 = 5   → [5, 5]
 *   A4 Delta   E1 5, 5, 5 → 5;               E3 4, 6, 6 → (8+6+6)/4 = 5   → [5, 5]
 *   A5 Epsilon no review; E1 and E2 assigned → unranked, 2 missing
 *   A6 Zeta    ineligible (a submitted 7, 7, 7 by E1): not ranked
 *   A7 Eta     withdrawn: not ranked
 *   A8 Theta   E1 submitted N/A, N/A, N/A, 1 → no score: unranked, 1 review
 *
 * Expected ranking (mean): 1 A1 (5.1667); A2 and A3, A4 all 5: [7, 3] beats
 * [5, 5] (7 > 5) → 2 A2; A3 and A4 tie → 3 A3 (tied), 3 A4 (tied), listed
 * by UUID; then A5 and A8 unranked, by UUID.
 * Meeting order: A2 (σ 2), A1 (σ 1/6), A3, A4 (σ 0, in rank order).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "spire-core.h"

#define A1 "00000000-0000-4000-8000-0000000000a1"
#define A2 "00000000-0000-4000-8000-0000000000a2"
#define A3 "00000000-0000-4000-8000-0000000000a3"
#define A4 "00000000-0000-4000-8000-0000000000a4"
#define A5 "00000000-0000-4000-8000-0000000000a5"
#define A6 "00000000-0000-4000-8000-0000000000a6"
#define A7 "00000000-0000-4000-8000-0000000000a7"
#define A8 "00000000-0000-4000-8000-0000000000a8"
#define NONE (-1.0) /* no score row at all */
#define EPS 1e-12

typedef struct
{
  char *dir;
  char *path;
  SpireStore *store;
  char *cohort;
  char *rubric;
  char *criteria[5];
  char *evaluators[3];
  char *review_a1_e1;
  char *review_a2_e2;
} Fixture;

/* A record of @kind from field/value pairs (values as text, "" for NULL),
 * inserted; returns its UUID. */
static char *
add (SpireStore *store, const SpireKind *kind, const char *first_field, ...)
{
  g_autoptr (SpireRecord) record = spire_record_new (kind);
  g_autoptr (GError) error = NULL;
  const char *field;
  va_list args;

  va_start (args, first_field);
  for (field = first_field; field != NULL; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      const SpireField *f = spire_kind_field (kind, field);

      g_assert_nonnull (f);
      if (value == NULL || *value == '\0')
        spire_record_set_null (record, field);
      else if (f->type == SPIRE_FIELD_INT)
        spire_record_set_int (record, field, g_ascii_strtoll (value, NULL, 10));
      else if (f->type == SPIRE_FIELD_REAL)
        spire_record_set_real (record, field, g_ascii_strtod (value, NULL));
      else if (f->type == SPIRE_FIELD_BOOL)
        spire_record_set_bool (record, field, g_strcmp0 (value, "1") == 0);
      else
        spire_record_set_text (record, field, value);
    }
  va_end (args);

  spire_store_insert (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (spire_record_get_uuid (record));
}

/* A review with its scores (C1, C2, C3, G, N); NAN is N/A, NONE no row. */
static char *
add_review (Fixture *f, int evaluator, const char *application, const char *state,
            gboolean stale, const double values[5])
{
  char *review = add (f->store, &spire_kind_review,
                      "evaluator", f->evaluators[evaluator], "application", application,
                      "state", state, "rubric_version", "1", "stale", stale ? "1" : "0",
                      NULL);

  for (guint c = 0; c < 5; c++)
    {
      g_autoptr (SpireRecord) score = NULL;
      g_autoptr (GError) error = NULL;

      if (values[c] == NONE)
        continue;
      score = spire_record_new (&spire_kind_score);
      spire_record_set_text (score, "review", review);
      spire_record_set_text (score, "criterion", f->criteria[c]);
      spire_record_set_real (score, "value", values[c]);
      spire_store_insert (f->store, score, &error);
      g_assert_no_error (error);
    }
  return review;
}

static void
assign (Fixture *f, int evaluator, const char *application, const char *state)
{
  g_free (add (f->store, &spire_kind_assignment, "evaluator", f->evaluators[evaluator],
               "application", application, "state", state, NULL));
}

static void
add_application (Fixture *f, const char *uuid, const char *title, const char *startup_name,
                 const char *challenge, const char *status)
{
  g_autofree char *startup = add (f->store, &spire_kind_startup, "name", startup_name, NULL);

  g_free (add (f->store, &spire_kind_application, "uuid", uuid, "cohort", f->cohort,
               "startup", startup, "challenge", challenge, "title", title, "status", status,
               NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = NULL;
  g_autofree char *body = NULL;
  g_autofree char *challenge = NULL;
  static const char *const names[] = { "Kari Nordmann", "Ola Hansen", "Åse Berg" };
  static const char *const criteria[][3] = {
    { "Need fit", "2", "scored" },
    { "Team", "1", "scored" },
    { "Feasibility", "1", "scored" },
    { "Eligible", "1", "gate" },
    { "Notes", "1", "not_counted" },
  };

  f->dir = g_dir_make_tmp ("spire-test-ranking-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "spire.db", NULL);
  f->store = spire_store_open (f->path, &error);
  g_assert_no_error (error);
  spire_store_begin (f->store, &error); /* one commit: fast on a file */
  g_assert_no_error (error);

  program = add (f->store, &spire_kind_program, "name", "Smart Oslo", "kind", "accelerator",
                 NULL);
  f->cohort = add (f->store, &spire_kind_cohort, "program", program, "name", "Høst 2025",
                   "phase", "evaluation", "seats", "4", NULL);
  body = add (f->store, &spire_kind_public_body, "name", "Oslo kommune", "kind",
              "municipality", NULL);
  challenge = add (f->store, &spire_kind_challenge, "cohort", f->cohort, "owner", body,
                   "title", "Fewer empty school buses", NULL);
  f->rubric = add (f->store, &spire_kind_rubric, "cohort", f->cohort, "scale_min", "1",
                   "scale_max", "7", "aggregation", "mean", "normalisation", "none",
                   "disagreement_threshold", "1.0", "version", "1", NULL);
  for (guint c = 0; c < 5; c++)
    {
      g_autofree char *position = g_strdup_printf ("%u", c + 1);

      f->criteria[c] = add (f->store, &spire_kind_criterion, "rubric", f->rubric,
                            "position", position, "name", criteria[c][0],
                            "weight", criteria[c][1], "kind", criteria[c][2], NULL);
    }
  for (guint e = 0; e < 3; e++)
    {
      g_autofree char *person = add (f->store, &spire_kind_person, "name", names[e], NULL);

      f->evaluators[e] = add (f->store, &spire_kind_evaluator, "cohort", f->cohort,
                              "person", person, "role", e == 0 ? "chair" : "member", NULL);
    }

  add_application (f, A1, "Alpha", "Alfa AS", challenge, "in_review");
  add_application (f, A2, "Beta", "Beta AS", NULL, "in_review");
  add_application (f, A3, "Gamma", "Gamma AS", NULL, "in_review");
  add_application (f, A4, "Delta", "Delta AS", NULL, "shortlisted");
  add_application (f, A5, "Epsilon", "Epsilon AS", NULL, "received");
  add_application (f, A6, "Zeta", "Zeta AS", NULL, "ineligible");
  add_application (f, A7, "Eta", "Eta AS", NULL, "withdrawn");
  add_application (f, A8, "Theta", "Theta AS", NULL, "in_review");

  assign (f, 0, A1, "submitted");
  assign (f, 1, A1, "submitted");
  assign (f, 2, A1, "drafted");
  assign (f, 0, A2, "submitted");
  assign (f, 1, A2, "submitted");
  assign (f, 2, A2, "declined");
  assign (f, 0, A3, "submitted");
  assign (f, 1, A3, "submitted");
  assign (f, 0, A4, "submitted");
  assign (f, 2, A4, "submitted");
  assign (f, 0, A5, "assigned");
  assign (f, 1, A5, "assigned");
  assign (f, 0, A8, "submitted");

  f->review_a1_e1 = add_review (f, 0, A1, "submitted", FALSE, (double[]) { 6, 4, NAN, 1, 7 });
  g_free (add_review (f, 1, A1, "submitted", FALSE, (double[]) { 5, 5, 5, NONE, NONE }));
  g_free (add_review (f, 2, A1, "draft", FALSE, (double[]) { 1, 1, 1, NONE, NONE }));
  g_free (add_review (f, 0, A2, "submitted", FALSE, (double[]) { 7, 7, 7, 1, NONE }));
  f->review_a2_e2 = add_review (f, 1, A2, "submitted", TRUE, (double[]) { 3, 3, 3, NONE, NONE });
  g_free (add_review (f, 0, A3, "submitted", FALSE, (double[]) { 6, 4, 4, NONE, NONE }));
  g_free (add_review (f, 1, A3, "submitted", FALSE, (double[]) { 5, 6, 4, NONE, NONE }));
  g_free (add_review (f, 0, A4, "submitted", FALSE, (double[]) { 5, 5, 5, NONE, NONE }));
  g_free (add_review (f, 2, A4, "submitted", FALSE, (double[]) { 4, 6, 6, NONE, NONE }));
  g_free (add_review (f, 0, A6, "submitted", FALSE, (double[]) { 7, 7, 7, 1, NONE }));
  g_free (add_review (f, 0, A8, "submitted", FALSE, (double[]) { NAN, NAN, NAN, 1, NONE }));

  spire_store_commit (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->cohort);
  g_free (f->rubric);
  for (guint i = 0; i < 5; i++)
    g_free (f->criteria[i]);
  for (guint i = 0; i < 3; i++)
    g_free (f->evaluators[i]);
  g_free (f->review_a1_e1);
  g_free (f->review_a2_e2);
}

static SpireRanking *
rank_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  SpireRanking *ranking = spire_rank_cohort (f->store, f->cohort, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ranking);
  return ranking;
}

static void
check_row (SpireRanking *ranking, guint position, const char *uuid, guint rank, gboolean tied,
           double score, guint n_reviews, guint n_missing, SpireRankFlags flags)
{
  SpireRankRow *row = spire_ranking_get_row (ranking, position);

  g_test_message ("row %u: %s", position, spire_rank_row_get_title (row));
  g_assert_cmpstr (spire_rank_row_get_application_uuid (row), ==, uuid);
  g_assert_cmpuint (spire_rank_row_get_rank (row), ==, rank);
  g_assert_cmpint (spire_rank_row_get_tied (row), ==, tied);
  if (isnan (score))
    g_assert_true (isnan (spire_rank_row_get_score (row)));
  else
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_score (row), score, EPS);
  g_assert_cmpuint (spire_rank_row_get_n_reviews (row), ==, n_reviews);
  g_assert_cmpuint (spire_rank_row_get_n_missing (row), ==, n_missing);
  g_assert_cmpuint (spire_rank_row_get_flags (row), ==, flags);
}

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

static void
set_rubric (Fixture *f, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = spire_store_get (f->store, &spire_kind_rubric, f->rubric,
                                                    &error);

  g_assert_no_error (error);
  if (value == NULL)
    spire_record_set_null (rubric, field);
  else if (g_strcmp0 (field, "disagreement_threshold") == 0)
    spire_record_set_real (rubric, field, g_ascii_strtod (value, NULL));
  else if (g_strcmp0 (field, "version") == 0)
    spire_record_set_int (rubric, field, g_ascii_strtoll (value, NULL, 10));
  else
    spire_record_set_text (rubric, field, value);
  spire_store_update (f->store, rubric, &error);
  g_assert_no_error (error);
}

/* A conflict of interest leaves a review out.  Åse (E3) also reviews A3
 * Gamma: 7, 7, 7 → 7, so A3 has [7, 5, 5] → 17/3 = 5.6667 and ranks first
 * (σ = √(((4/3)² + 2·(2/3)²)/3) = √(8/9) ≈ 0.943: no disagreement).  Then
 * she declares a conflict with A3: her review no longer counts → A3 is the
 * mean of the other two, (5 + 5)/2 = 5, σ 0, range 0, tied with A4 again
 * ([5, 5] both), and flagged CONFLICTED_REVIEWS; the review is still listed,
 * not counted, with the conflict's kind.  A dismissed conflict counts
 * nothing: the review is counted again. */
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
    g_autoptr (GListModel) reviews = spire_ranking_list_reviews (ranking, f->store, A3, &error);
    g_autoptr (JsonNode) json = NULL;
    SpireRankRow *row = spire_ranking_lookup (ranking, A3);
    JsonObject *app = NULL;
    JsonArray *flags;
    guint n_scores = 0;
    const double *scores;
    guint found = 0;
    guint flags_value = 0;

    g_assert_no_error (error);
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

    /* still listed, not counted, with the reason */
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

    /* JSON: the flag and the count */
    json = spire_ranking_to_json (ranking);
    {
      JsonArray *apps = json_object_get_array_member (json_node_get_object (json),
                                                      "applications");

      for (guint i = 0; i < json_array_get_length (apps); i++)
        {
          JsonObject *o = json_array_get_object_element (apps, i);

          if (g_strcmp0 (json_object_get_string_member (o, "application"), A3) == 0)
            app = o;
        }
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
  {
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

  ADD ("/ranking/pipeline", test_pipeline);
  ADD ("/ranking/properties", test_properties);
  ADD ("/ranking/meeting-order", test_meeting_order);
  ADD ("/ranking/reviews", test_reviews);
  ADD ("/ranking/conflict", test_conflict);
  ADD ("/ranking/conflict-startup", test_conflict_startup);
  ADD ("/ranking/normalised", test_normalised);
  ADD ("/ranking/normalised-within-scale", test_normalised_within_scale);
  ADD ("/ranking/threshold", test_threshold);
  ADD ("/ranking/rubric-version", test_rubric_version);
  ADD ("/ranking/json", test_json);
  ADD ("/ranking/errors", test_errors);
  ADD ("/ranking/in-transaction", test_in_transaction);
  ADD ("/ranking/async", test_async);

  return g_test_run ();
}
