/* test-scoring.c — the scoring rules against values computed by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-scoring"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-scoring.h"

#define EPS 1e-12

static const SpireCriterionWeight w211[] = {
  { 2, SPIRE_CRITERION_SCORED },
  { 1, SPIRE_CRITERION_SCORED },
  { 1, SPIRE_CRITERION_SCORED },
};

static void
test_review_weights (void)
{
  /* weights 2,1,1 with 6,4,5: (12 + 4 + 5) / 4 = 21/4 = 5.25 */
  const double v1[] = { 6, 4, 5 };
  /* weights 2,1,1 with 6,4,N/A: (12 + 4) / 3 = 16/3 = 5.333… */
  const double v2[] = { 6, 4, NAN };

  g_assert_cmpfloat_with_epsilon (spire_review_score (w211, v1, 3), 5.25, EPS);
  g_assert_cmpfloat_with_epsilon (spire_review_score (w211, v2, 3), 16.0 / 3.0, EPS);
}

static void
test_review_na (void)
{
  /* N/A is never 0: 6,N/A,N/A → 12/2 = 6, not 12/4 = 3 */
  const double v1[] = { 6, NAN, NAN };
  /* nothing answered: no score */
  const double v2[] = { NAN, NAN, NAN };

  g_assert_cmpfloat_with_epsilon (spire_review_score (w211, v1, 3), 6.0, EPS);
  g_assert_true (isnan (spire_review_score (w211, v2, 3)));
  g_assert_true (isnan (spire_review_score (w211, v2, 0)));
}

static void
test_review_gates (void)
{
  const SpireCriterionWeight c[] = {
    { 1, SPIRE_CRITERION_SCORED },
    { 5, SPIRE_CRITERION_GATE },
    { 3, SPIRE_CRITERION_NOT_COUNTED },
    { 1, SPIRE_CRITERION_SCORED },
  };
  /* only the scored ones: (1·4 + 1·6) / 2 = 5; the gate's 1 and the 7 never count */
  const double v1[] = { 4, 1, 7, 6 };
  /* only a gate and a not-counted criterion answered: no score */
  const double v2[] = { NAN, 1, 7, NAN };
  /* weight 0 only: no score (Σw = 0) */
  const SpireCriterionWeight zero[] = { { 0, SPIRE_CRITERION_SCORED } };
  const double v3[] = { 5 };

  g_assert_cmpfloat_with_epsilon (spire_review_score (c, v1, 4), 5.0, EPS);
  g_assert_true (isnan (spire_review_score (c, v2, 4)));
  g_assert_true (isnan (spire_review_score (zero, v3, 1)));
}

static void
test_kinds (void)
{
  g_assert_cmpint (spire_criterion_kind_from_string ("scored"), ==, SPIRE_CRITERION_SCORED);
  g_assert_cmpint (spire_criterion_kind_from_string ("gate"), ==, SPIRE_CRITERION_GATE);
  g_assert_cmpint (spire_criterion_kind_from_string ("not_counted"), ==,
                   SPIRE_CRITERION_NOT_COUNTED);
  g_assert_cmpint (spire_criterion_kind_from_string (NULL), ==, SPIRE_CRITERION_NOT_COUNTED);
  g_assert_cmpstr (spire_criterion_kind_to_string (SPIRE_CRITERION_GATE), ==, "gate");
  g_assert_cmpint (spire_aggregation_from_string ("median"), ==, SPIRE_AGGREGATION_MEDIAN);
  g_assert_cmpint (spire_aggregation_from_string ("mean"), ==, SPIRE_AGGREGATION_MEAN);
  g_assert_cmpstr (spire_aggregation_to_string (SPIRE_AGGREGATION_MEDIAN), ==, "median");
}

static void
test_percent (void)
{
  /* scale 1–7: 4 → 3/6 = 50 %, 1 → 0 %, 7 → 100 %, 16/3 → (13/3)/6 = 72.22… % */
  g_assert_cmpfloat_with_epsilon (spire_score_percent (4, 1, 7), 50.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_score_percent (1, 1, 7), 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_score_percent (7, 1, 7), 100.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_score_percent (16.0 / 3, 1, 7), 1300.0 / 18, 1e-9);
  /* scale 0–10: 2.5 → 25 % */
  g_assert_cmpfloat_with_epsilon (spire_score_percent (2.5, 0, 10), 25.0, EPS);
  g_assert_true (isnan (spire_score_percent (NAN, 1, 7)));
  g_assert_true (isnan (spire_score_percent (3, 5, 5)));
}

/* What is shown of a normalised score stays within the scale (trust-files). */
static void
test_clamp (void)
{
  g_assert_cmpfloat (spire_score_clamp (7.06, 1, 7), ==, 7);
  g_assert_cmpfloat (spire_score_clamp (0.4, 1, 7), ==, 1);
  g_assert_cmpfloat (spire_score_clamp (4.5, 1, 7), ==, 4.5);
  g_assert_cmpfloat (spire_score_percent (spire_score_clamp (7.15, 1, 7), 1, 7), ==, 100);
  g_assert_true (isnan (spire_score_clamp (NAN, 1, 7)));
}

static void
test_mean_median (void)
{
  const double odd[] = { 1, 9, 2 };          /* mean 12/3 = 4, median 2 */
  const double even[] = { 9, 1, 4, 2 };      /* mean 16/4 = 4, median (2 + 4)/2 = 3 */
  const double two[] = { 16.0 / 3, 5 };      /* mean = median = 31/6 */
  const double gaps[] = { NAN, 6, 4, NAN };  /* N/A skipped: mean = median = 5 */
  const double none[] = { NAN, NAN };

  g_assert_cmpfloat_with_epsilon (spire_scores_mean (odd, 3), 4.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_median (odd, 3), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_mean (even, 4), 4.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_median (even, 4), 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_median (two, 2), 31.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_mean (gaps, 4), 5.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_median (gaps, 4), 5.0, EPS);
  g_assert_cmpuint (spire_scores_count (gaps, 4), ==, 2);

  g_assert_cmpfloat_with_epsilon (spire_scores_aggregate (SPIRE_AGGREGATION_MEAN, odd, 3), 4.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_aggregate (SPIRE_AGGREGATION_MEDIAN, odd, 3), 2.0, EPS);

  g_assert_true (isnan (spire_scores_mean (none, 2)));
  g_assert_true (isnan (spire_scores_median (none, 2)));
  g_assert_true (isnan (spire_scores_median (NULL, 0)));

  /* the median leaves its input as it was */
  g_assert_cmpfloat (odd[0], ==, 1);
  g_assert_cmpfloat (odd[1], ==, 9);

  /* more values than fit on the stack: 1 … 41, median 21 */
  {
    double many[41];

    for (guint i = 0; i < 41; i++)
      many[i] = 41 - i;
    g_assert_cmpfloat_with_epsilon (spire_scores_median (many, 41), 21.0, EPS);
    g_assert_cmpfloat_with_epsilon (spire_scores_median (many, 40), 21.5, EPS); /* 41 … 2 */
  }
}

static void
test_spread (void)
{
  /* the textbook case: μ = 40/8 = 5; Σ(x − μ)² = 9+1+1+1+0+0+4+16 = 32; σ = √(32/8) = 2;
   * max − min = 9 − 2 = 7 */
  const double book[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
  /* two reviews 4 and 6: σ = 1 (half the range), range 2 */
  const double pair[] = { 4, 6 };
  /* equal values: σ exactly 0 even though 0.1 + 0.1 + 0.1 ≠ 0.3 in doubles */
  const double same[] = { 0.1, 0.1, 0.1 };
  const double one[] = { 5 };
  const double none[] = { NAN };

  g_assert_cmpfloat_with_epsilon (spire_scores_population_sd (book, 8), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_range (book, 8), 7.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_population_sd (pair, 2), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (spire_scores_range (pair, 2), 2.0, EPS);
  g_assert_cmpfloat (spire_scores_population_sd (same, 3), ==, 0.0);
  g_assert_cmpfloat (spire_scores_range (same, 3), ==, 0.0);
  g_assert_cmpfloat (spire_scores_population_sd (one, 1), ==, 0.0);
  g_assert_cmpfloat (spire_scores_range (one, 1), ==, 0.0);
  g_assert_true (isnan (spire_scores_population_sd (none, 1)));
  g_assert_true (isnan (spire_scores_range (none, 1)));
}

static void
test_disagreement (void)
{
  /* [4, 6]: σ = 1.  The threshold is on σ and the flag is strictly above it. */
  const double pair[] = { 4, 6 };
  double sd = spire_scores_population_sd (pair, 2);

  g_assert_true (spire_scores_disagree (sd, 0.9));
  g_assert_true (spire_scores_disagree (sd, 0.999));
  g_assert_false (spire_scores_disagree (sd, 1.0));
  g_assert_false (spire_scores_disagree (sd, 1.1));
  /* the range (2) would be above 1.5; σ is not */
  g_assert_false (spire_scores_disagree (sd, 1.5));
  /* no threshold, no σ: never flagged */
  g_assert_false (spire_scores_disagree (sd, NAN));
  g_assert_false (spire_scores_disagree (NAN, 0.5));
  /* one review: σ = 0 is above no non-negative threshold */
  g_assert_false (spire_scores_disagree (0, 0));
}

static void
test_normalise (void)
{
  /* Evaluator 1: 2, 4 (μ₁ = 3, σ₁ = 1);  evaluator 2: 5, 7 (μ₂ = 6, σ₂ = 1);
   * evaluator 3: 6 alone (fewer than 2 reviews: kept);
   * evaluator 4: 3, 3 (σ₄ = 0: kept);  a NaN of evaluator 1 stays NaN.
   *
   * All seven scores 2,4,5,7,6,3,3: μ = 30/7;
   * Σ(x − μ)² = (256 + 4 + 25 + 361 + 144 + 81 + 81)/49 = 952/49; σ = √(952/343) = 1.66598…
   * z = −1, +1 for evaluators 1 and 2 → μ − σ, μ + σ. */
  double s[] = { 2, 4, 5, 7, 6, 3, 3, NAN };
  const guint e[] = { 1, 1, 2, 2, 3, 4, 4, 1 };
  const double mu = 30.0 / 7, sigma = sqrt (952.0 / 343);

  spire_scores_normalise (s, e, G_N_ELEMENTS (s));

  g_assert_cmpfloat_with_epsilon (sigma, 1.6659862556700857, 1e-12);
  g_assert_cmpfloat_with_epsilon (s[0], mu - sigma, 1e-12);
  g_assert_cmpfloat_with_epsilon (s[1], mu + sigma, 1e-12);
  g_assert_cmpfloat_with_epsilon (s[2], mu - sigma, 1e-12);
  g_assert_cmpfloat_with_epsilon (s[3], mu + sigma, 1e-12);
  g_assert_cmpfloat (s[4], ==, 6);  /* one review: raw */
  g_assert_cmpfloat (s[5], ==, 3);  /* σ = 0: raw */
  g_assert_cmpfloat (s[6], ==, 3);
  g_assert_true (isnan (s[7]));
}

static void
test_normalise_scaled (void)
{
  /* A harsh (1, 2, 3) and a generous (5, 6, 7) evaluator weigh the same.
   * All six: μ = 24/6 = 4; Σ(x − 4)² = 9+4+1+1+4+9 = 28; σ = √(28/6).
   * Each evaluator: σₑ = √(2/3), z = −√(3/2), 0, +√(3/2) → 4 − σ√1.5, 4, 4 + σ√1.5
   * where σ√1.5 = √(28/6 · 3/2) = √7. */
  double s[] = { 1, 2, 3, 5, 6, 7 };
  const guint e[] = { 7, 7, 7, 9, 9, 9 };

  spire_scores_normalise (s, e, 6);
  g_assert_cmpfloat_with_epsilon (s[0], 4 - sqrt (7), 1e-12);
  g_assert_cmpfloat_with_epsilon (s[1], 4, 1e-12);
  g_assert_cmpfloat_with_epsilon (s[2], 4 + sqrt (7), 1e-12);
  g_assert_cmpfloat_with_epsilon (s[3], 4 - sqrt (7), 1e-12);
  g_assert_cmpfloat_with_epsilon (s[4], 4, 1e-12);
  g_assert_cmpfloat_with_epsilon (s[5], 4 + sqrt (7), 1e-12);

  /* nothing to do for fewer than two scores */
  {
    double one[] = { 5 };
    const guint e1[] = { 1 };

    spire_scores_normalise (one, e1, 1);
    g_assert_cmpfloat (one[0], ==, 5);
    spire_scores_normalise (NULL, NULL, 0);
  }
}

static SpireRankItem
item (const char *key, double *scores, gsize n, SpireAggregation aggregation)
{
  SpireRankItem it = { 0 };

  it.key = key;
  it.scores = scores;
  it.n_scores = n;
  it.score = spire_scores_aggregate (aggregation, scores, n);
  return it;
}

static void
test_rank_tiebreak (void)
{
  /* [6, 4] and [5, 5] both have mean 5; element-wise 6 > 5 → [6, 4] first */
  double a[] = { 4, 6 }, b[] = { 5, 5 }, c[] = { 7, 7 };
  SpireRankItem ia = item ("a", a, 2, SPIRE_AGGREGATION_MEAN);
  SpireRankItem ib = item ("b", b, 2, SPIRE_AGGREGATION_MEAN);
  SpireRankItem ic = item ("c", c, 2, SPIRE_AGGREGATION_MEAN);
  SpireRankItem *items[] = { &ib, &ia, &ic };

  spire_rank_items (items, 3);
  g_assert_true (items[0] == &ic);
  g_assert_true (items[1] == &ia);
  g_assert_true (items[2] == &ib);
  g_assert_cmpuint (ic.rank, ==, 1);
  g_assert_cmpuint (ia.rank, ==, 2);
  g_assert_cmpuint (ib.rank, ==, 3);
  g_assert_false (ia.tied || ib.tied || ic.tied);
  /* the scores were sorted high to low */
  g_assert_cmpfloat (a[0], ==, 6);
  g_assert_cmpfloat (a[1], ==, 4);
}

static void
test_rank_ties_kept (void)
{
  /* [5, 5] and [5, 5]: same rank, both tied; listed by key (display only);
   * the next one gets rank 3 (competition ranking 1, 1, 3) */
  double p[] = { 5, 5 }, q[] = { 5, 5 }, r[] = { 5, 4 };
  SpireRankItem ip = item ("p", p, 2, SPIRE_AGGREGATION_MEAN);
  SpireRankItem iq = item ("b-q", q, 2, SPIRE_AGGREGATION_MEAN);
  SpireRankItem ir = item ("a-r", r, 2, SPIRE_AGGREGATION_MEAN);
  SpireRankItem *items[] = { &ir, &ip, &iq };

  spire_rank_items (items, 3);
  g_assert_true (items[0] == &iq); /* "b-q" < "p" */
  g_assert_true (items[1] == &ip);
  g_assert_true (items[2] == &ir);
  g_assert_cmpuint (ip.rank, ==, 1);
  g_assert_cmpuint (iq.rank, ==, 1);
  g_assert_true (ip.tied && iq.tied);
  g_assert_cmpuint (ir.rank, ==, 3);
  g_assert_false (ir.tied);
  g_assert_cmpint (spire_rank_item_compare (&ip, &iq), ==, 0);
}

static void
test_rank_rounding (void)
{
  /* mathematically equal aggregates that differ in the last bit still tie:
   * 0.1 + 0.2 ≠ 0.3 in doubles */
  double a[] = { 0.1 + 0.2 }, b[] = { 0.3 };
  SpireRankItem ia = item ("a", a, 1, SPIRE_AGGREGATION_MEAN);
  SpireRankItem ib = item ("b", b, 1, SPIRE_AGGREGATION_MEAN);
  SpireRankItem *items[] = { &ia, &ib };

  g_assert_cmpfloat (a[0], !=, b[0]);
  spire_rank_items (items, 2);
  g_assert_true (ia.tied && ib.tied);
  g_assert_cmpuint (ia.rank, ==, 1);
  g_assert_cmpuint (ib.rank, ==, 1);
}

static void
test_rank_padding (void)
{
  /* [5, 5, 5] vs [5, 5]: both mean 5; the shorter is padded with 5 − 1 = 4,
   * so at the third place 5 > 4 → the longer list first */
  double a[] = { 5, 5, 5 }, b[] = { 5, 5 };
  SpireRankItem ia = item ("b", a, 3, SPIRE_AGGREGATION_MEAN);
  SpireRankItem ib = item ("a", b, 2, SPIRE_AGGREGATION_MEAN);
  SpireRankItem *items[] = { &ib, &ia };

  spire_rank_items (items, 2);
  g_assert_true (items[0] == &ia);
  g_assert_cmpuint (ia.rank, ==, 1);
  g_assert_cmpuint (ib.rank, ==, 2);
  g_assert_false (ia.tied || ib.tied);

  /* With the aggregate given: [5, 5] (padded 4) against [5, 5, 3]: 4 > 3, so
   * the shorter list ranks first; against [5, 5, 4]: 4 = 4, tied. */
  {
    double s[] = { 5, 5 }, l3[] = { 5, 5, 3 }, l4[] = { 5, 5, 4 };
    SpireRankItem is = { 5, s, 2, "s", NULL, 0, FALSE };
    SpireRankItem i3 = { 5, l3, 3, "l3", NULL, 0, FALSE };
    SpireRankItem i4 = { 5, l4, 3, "l4", NULL, 0, FALSE };

    g_assert_cmpint (spire_rank_item_compare (&is, &i3), <, 0);
    g_assert_cmpint (spire_rank_item_compare (&i3, &is), >, 0);
    g_assert_cmpint (spire_rank_item_compare (&is, &i4), ==, 0);
  }

  /* padding uses the list's own lowest: [6, 2] (pad 1) vs [6, 2, 2]: 1 < 2 */
  {
    double s[] = { 6, 2 }, l[] = { 6, 2, 2 };
    SpireRankItem is = { 4, s, 2, "s", NULL, 0, FALSE };
    SpireRankItem il = { 4, l, 3, "l", NULL, 0, FALSE };

    g_assert_cmpint (spire_rank_item_compare (&is, &il), >, 0);
  }
}

static void
test_rank_median (void)
{
  /* median: [7, 5, 3] and [6, 5, 1] both 5; 7 > 6 → the first ranks first.
   * With mean they would be 5 and 4. */
  double a[] = { 3, 5, 7 }, b[] = { 1, 5, 6 };
  SpireRankItem ia = item ("z", a, 3, SPIRE_AGGREGATION_MEDIAN);
  SpireRankItem ib = item ("y", b, 3, SPIRE_AGGREGATION_MEDIAN);
  SpireRankItem *items[] = { &ib, &ia };

  g_assert_cmpfloat (ia.score, ==, 5);
  g_assert_cmpfloat (ib.score, ==, 5);
  spire_rank_items (items, 2);
  g_assert_true (items[0] == &ia);
  g_assert_cmpuint (ia.rank, ==, 1);
  g_assert_cmpuint (ib.rank, ==, 2);

  /* even count: [2, 4, 6, 9] → (4 + 6)/2 = 5 ties on the aggregate with [5] */
  {
    double c[] = { 9, 2, 6, 4 }, d[] = { 5 };
    SpireRankItem ic = item ("c", c, 4, SPIRE_AGGREGATION_MEDIAN);
    SpireRankItem id = item ("d", d, 1, SPIRE_AGGREGATION_MEDIAN);
    SpireRankItem *two[] = { &id, &ic };

    g_assert_cmpfloat (ic.score, ==, 5);
    spire_rank_items (two, 2);
    g_assert_true (two[0] == &ic); /* 9 > 5 */
  }
}

static void
test_rank_unreviewed (void)
{
  /* no score: after all scored ones, rank 0, never tied, ordered by key */
  double a[] = { 2 }, b[] = { NAN };
  SpireRankItem ia = item ("z", a, 1, SPIRE_AGGREGATION_MEAN);
  SpireRankItem ib = item ("b", NULL, 0, SPIRE_AGGREGATION_MEAN);
  SpireRankItem ic = item ("a", NULL, 0, SPIRE_AGGREGATION_MEAN);
  SpireRankItem id = item ("c", b, 1, SPIRE_AGGREGATION_MEAN); /* only a review without a score */
  SpireRankItem *items[] = { &ib, &id, &ia, &ic };

  g_assert_true (isnan (ib.score));
  g_assert_true (isnan (id.score));
  spire_rank_items (items, 4);
  g_assert_true (items[0] == &ia);
  g_assert_true (items[1] == &ic);
  g_assert_true (items[2] == &ib);
  g_assert_true (items[3] == &id);
  g_assert_cmpuint (ia.rank, ==, 1);
  g_assert_cmpuint (ib.rank, ==, 0);
  g_assert_cmpuint (ic.rank, ==, 0);
  g_assert_cmpuint (id.rank, ==, 0);
  g_assert_false (ib.tied || ic.tied || id.tied);
  g_assert_cmpuint (id.n_scores, ==, 0); /* the NaN was dropped */

  spire_rank_items (NULL, 0);
}

static void
test_equal (void)
{
  g_assert_true (spire_score_equal (0.1 + 0.2, 0.3));
  g_assert_true (spire_score_equal (NAN, NAN));
  g_assert_false (spire_score_equal (NAN, 1));
  g_assert_false (spire_score_equal (5, 5.000001));
  g_assert_true (spire_score_equal (1e6, 1e6 + 1e-4)); /* relative for large values */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/clamp", test_clamp);
  g_test_add_func ("/scoring/review/weights", test_review_weights);
  g_test_add_func ("/scoring/review/na", test_review_na);
  g_test_add_func ("/scoring/review/gates", test_review_gates);
  g_test_add_func ("/scoring/kinds", test_kinds);
  g_test_add_func ("/scoring/percent", test_percent);
  g_test_add_func ("/scoring/aggregate/mean-median", test_mean_median);
  g_test_add_func ("/scoring/spread", test_spread);
  g_test_add_func ("/scoring/disagreement", test_disagreement);
  g_test_add_func ("/scoring/normalise/fallbacks", test_normalise);
  g_test_add_func ("/scoring/normalise/harsh-generous", test_normalise_scaled);
  g_test_add_func ("/scoring/equal", test_equal);
  g_test_add_func ("/scoring/rank/tie-break", test_rank_tiebreak);
  g_test_add_func ("/scoring/rank/ties-kept", test_rank_ties_kept);
  g_test_add_func ("/scoring/rank/rounding", test_rank_rounding);
  g_test_add_func ("/scoring/rank/padding", test_rank_padding);
  g_test_add_func ("/scoring/rank/median", test_rank_median);
  g_test_add_func ("/scoring/rank/unreviewed", test_rank_unreviewed);

  return g_test_run ();
}
