/* spire-scoring.h — the scoring rules, as pure functions
 *
 * Everything DESIGN.md ("Scoring") says about turning scores into a ranking
 * is here, in one place, without SQL: a test can check every rule against
 * values computed by hand.  spire-ranking.c reads a cohort from the store
 * and applies these functions.
 *
 * Conventions
 *
 * - A score is a double on the rubric's scale (e.g. 1–7).  NaN means "no
 *   value": a criterion answered N/A (or not answered), or a review with
 *   nothing answered.  N/A is never counted as 0.
 * - Functions that take a list of scores skip NaN values; a list with no
 *   value left gives NaN.
 * - Two scores closer than SPIRE_SCORE_EPSILON count as equal
 *   (spire_score_equal), so that rounding in the last bit of a double never
 *   breaks a tie that is exact on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SPIRE_SCORE_EPSILON 1e-9

typedef enum
{
  SPIRE_CRITERION_SCORED,      /* counts in the review's score, by its weight */
  SPIRE_CRITERION_GATE,        /* pass/fail: shown, never counted in the score */
  SPIRE_CRITERION_NOT_COUNTED, /* shown, never counted in the score */
} SpireCriterionKind;

typedef enum
{
  SPIRE_AGGREGATION_MEAN,
  SPIRE_AGGREGATION_MEDIAN,
} SpireAggregation;

/* The stored enum values ("scored", "gate", "not_counted"; "mean",
 * "median").  An unknown criterion kind counts as not counted; an unknown
 * aggregation as mean. */
SpireCriterionKind spire_criterion_kind_from_string (const char *value);
const char *spire_criterion_kind_to_string (SpireCriterionKind kind);
SpireAggregation spire_aggregation_from_string (const char *value);
const char *spire_aggregation_to_string (SpireAggregation aggregation);

/* |a − b| < SPIRE_SCORE_EPSILON · max (1, |a|, |b|); two NaN are equal. */
gboolean spire_score_equal (double a, double b);

/* One criterion of a rubric, as far as scoring is concerned. */
typedef struct
{
  double weight;
  SpireCriterionKind kind;
} SpireCriterionWeight;

/* A review's score: the weighted mean Σ wᵢsᵢ / Σ wᵢ over the criteria of kind
 * SCORED whose value (@values[i], aligned with @criteria) is not NaN.  Gate
 * and not-counted criteria never count.  NaN when nothing counts: no scored
 * criterion answered, or only criteria of weight 0. */
double spire_review_score (const SpireCriterionWeight *criteria, const double *values,
                           gsize n_criteria);

/* (score − min) / (max − min) · 100.  NaN for a NaN score or an empty scale.
 * Not clamped: a normalised score may fall outside the scale. */
double spire_score_percent (double score, double scale_min, double scale_max);

/* @score within [@scale_min, @scale_max]: what is shown of a normalised
 * score (DESIGN.md "Scoring"); NaN stays NaN, and so does an empty scale's. */
double spire_score_clamp (double score, double scale_min, double scale_max);

/* Of the non-NaN values; NaN when there are none.  The median of an even
 * count is the mean of the two middle values. */
double spire_scores_mean (const double *values, gsize n);
double spire_scores_median (const double *values, gsize n);
double spire_scores_aggregate (SpireAggregation aggregation, const double *values, gsize n);

/* The number of non-NaN values. */
gsize spire_scores_count (const double *values, gsize n);

/* Disagreement between the reviews of one application.
 * Population standard deviation √(Σ(x − μ)² / n) — exactly 0 when all
 * values are equal — and max − min, both of the non-NaN values; 0 for a
 * single value, NaN for none. */
double spire_scores_population_sd (const double *values, gsize n);
double spire_scores_range (const double *values, gsize n);

/* The disagreement flag.  The rubric's disagreement threshold applies to the
 * POPULATION STANDARD DEVIATION (σ), in points of the scale: flagged when
 * σ > @threshold (strictly above).  With two reviews σ is half their
 * max − min.  A NaN threshold (none set) or a NaN σ never flags. */
gboolean spire_scores_disagree (double sd, double threshold);

/* Per-evaluator normalisation, in place.  @scores[i] is a review score of the
 * evaluator @evaluators[i] (any small numbers naming evaluators).  Each
 * evaluator's scores become z-scores z = (s − μₑ) / σₑ and are mapped back
 * onto the scale as μ + σ·z, where μₑ, σₑ are the evaluator's and μ, σ the
 * whole list's mean and population standard deviation.  A score is kept as
 * it is when its evaluator has fewer than 2 scores or σₑ = 0.  NaN scores
 * stay NaN and do not count in any mean or σ. */
void spire_scores_normalise (double *scores, const guint *evaluators, gsize n);

/* Ranking.
 *
 * Items are ordered by @score, highest first.  Equal scores are separated by
 * comparing the items' review scores sorted from high to low, element by
 * element, higher first; a shorter list is padded with its own lowest value
 * − 1 (so [5, 5, 5] ranks before [5, 5]).  Items that still compare equal are
 * TIED: they share a rank number (competition ranking: 1, 2, 2, 4) and get
 * @tied set; among them the order follows @key (strcmp) for display only.
 * Items whose @score is NaN (no submitted review with a score) come after
 * all others, ordered by @key, with @rank 0 (unranked) and @tied unset. */
typedef struct
{
  double score;      /* the aggregate; NaN: unranked */
  double *scores;    /* the review scores the aggregate was made of */
  gsize n_scores;
  const char *key;   /* the order within a tie, for display (the application's UUID) */
  gpointer data;     /* the caller's */
  guint rank;        /* out: 1, 2, 2, 4 …; 0 when unranked */
  gboolean tied;     /* out: shares its rank with another item */
} SpireRankItem;

/* Sorts each item's @scores from high to low (NaN dropped, @n_scores
 * adjusted) and @items into rank order, and sets @rank and @tied. */
void spire_rank_items (SpireRankItem **items, gsize n_items);

/* < 0 when @a ranks before @b, > 0 after, 0 when tied (@key is not looked
 * at).  Both items' @scores must be sorted from high to low without NaN. */
int spire_rank_item_compare (const SpireRankItem *a, const SpireRankItem *b);

G_END_DECLS
