/* ranking-fixture.h — the small cohort the ranking tests rank, in a
 * temporary database, and the helpers that check a row
 * (test-ranking.c, test-ranking-more.c)
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
#pragma once

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
G_GNUC_UNUSED static char *
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
G_GNUC_UNUSED static char *
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

G_GNUC_UNUSED static void
assign (Fixture *f, int evaluator, const char *application, const char *state)
{
  g_free (add (f->store, &spire_kind_assignment, "evaluator", f->evaluators[evaluator],
               "application", application, "state", state, NULL));
}

G_GNUC_UNUSED static void
add_application (Fixture *f, const char *uuid, const char *title, const char *startup_name,
                 const char *challenge, const char *status)
{
  g_autofree char *startup = add (f->store, &spire_kind_startup, "name", startup_name, NULL);

  g_free (add (f->store, &spire_kind_application, "uuid", uuid, "cohort", f->cohort,
               "startup", startup, "challenge", challenge, "title", title, "status", status,
               NULL));
}

G_GNUC_UNUSED static void
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

G_GNUC_UNUSED static void
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

G_GNUC_UNUSED static SpireRanking *
rank_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  SpireRanking *ranking = spire_rank_cohort (f->store, f->cohort, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ranking);
  return ranking;
}

G_GNUC_UNUSED static void
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

/* Sets one field of the cohort's rubric. */
G_GNUC_UNUSED static void
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
