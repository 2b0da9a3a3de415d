/* spire-scoring.c — the scoring rules, as pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-scoring"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spire-scoring.h"

/* Statics */

static int
compare_double_ascending (const void *pa, const void *pb)
{
  double a = *(const double *) pa;
  double b = *(const double *) pb;

  return (a > b) - (a < b);
}

static int
compare_double_descending (const void *pa, const void *pb)
{
  return compare_double_ascending (pb, pa);
}

/* Copies the non-NaN values; returns how many. */
static gsize
copy_values (const double *values, gsize n, double *out)
{
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      out[m++] = values[i];
  return m;
}

/* Mean and population σ of the non-NaN values (two passes: exact for equal
 * values).  Returns the count. */
static gsize
mean_sd (const double *values, gsize n, double *mean_out, double *sd_out)
{
  double sum = 0, ss = 0, lo = INFINITY, hi = -INFINITY;
  double mean;
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        sum += values[i];
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
        m++;
      }
  if (m == 0)
    {
      *mean_out = NAN;
      *sd_out = NAN;
      return 0;
    }
  /* Equal values have exactly σ = 0, even where rounding in the sum
   * would make the mean differ from them in the last bit. */
  if (lo == hi)
    {
      *mean_out = lo;
      *sd_out = 0;
      return m;
    }
  mean = sum / (double) m;
  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      ss += (values[i] - mean) * (values[i] - mean);
  *mean_out = mean;
  *sd_out = sqrt (ss / (double) m);
  return m;
}

/* Public API: names */

SpireCriterionKind
spire_criterion_kind_from_string (const char *value)
{
  if (g_strcmp0 (value, "scored") == 0)
    return SPIRE_CRITERION_SCORED;
  if (g_strcmp0 (value, "gate") == 0)
    return SPIRE_CRITERION_GATE;
  return SPIRE_CRITERION_NOT_COUNTED;
}

const char *
spire_criterion_kind_to_string (SpireCriterionKind kind)
{
  switch (kind)
    {
    case SPIRE_CRITERION_SCORED:
      return "scored";
    case SPIRE_CRITERION_GATE:
      return "gate";
    case SPIRE_CRITERION_NOT_COUNTED:
    default:
      return "not_counted";
    }
}

SpireAggregation
spire_aggregation_from_string (const char *value)
{
  if (g_strcmp0 (value, "median") == 0)
    return SPIRE_AGGREGATION_MEDIAN;
  return SPIRE_AGGREGATION_MEAN;
}

const char *
spire_aggregation_to_string (SpireAggregation aggregation)
{
  return aggregation == SPIRE_AGGREGATION_MEDIAN ? "median" : "mean";
}

/* Public API: scores */

gboolean
spire_score_equal (double a, double b)
{
  double scale;

  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  if (a == b)
    return TRUE;
  scale = MAX (1.0, MAX (fabs (a), fabs (b)));
  return fabs (a - b) < SPIRE_SCORE_EPSILON * scale;
}

double
spire_review_score (const SpireCriterionWeight *criteria, const double *values, gsize n_criteria)
{
  double sum = 0, weights = 0;

  g_return_val_if_fail (n_criteria == 0 || (criteria != NULL && values != NULL), NAN);

  for (gsize i = 0; i < n_criteria; i++)
    {
      if (criteria[i].kind != SPIRE_CRITERION_SCORED || isnan (values[i]))
        continue;
      if (!(criteria[i].weight > 0))
        continue;
      sum += criteria[i].weight * values[i];
      weights += criteria[i].weight;
    }
  if (!(weights > 0))
    return NAN;
  return sum / weights;
}

double
spire_score_percent (double score, double scale_min, double scale_max)
{
  if (isnan (score) || !(scale_max > scale_min))
    return NAN;
  return (score - scale_min) / (scale_max - scale_min) * 100.0;
}

double
spire_score_clamp (double score, double scale_min, double scale_max)
{
  if (isnan (score) || !(scale_max >= scale_min))
    return score;
  return CLAMP (score, scale_min, scale_max);
}

gsize
spire_scores_count (const double *values, gsize n)
{
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      m++;
  return m;
}

double
spire_scores_mean (const double *values, gsize n)
{
  double mean, sd;

  mean_sd (values, n, &mean, &sd);
  return mean;
}

double
spire_scores_median (const double *values, gsize n)
{
  double small[16];
  g_autofree double *big = NULL;
  double *v = small;
  gsize m;

  if (n > G_N_ELEMENTS (small))
    v = big = g_new (double, n);
  m = copy_values (values, n, v);
  if (m == 0)
    return NAN;
  qsort (v, m, sizeof (double), compare_double_ascending);
  if (m % 2 == 1)
    return v[m / 2];
  return (v[m / 2 - 1] + v[m / 2]) / 2.0;
}

double
spire_scores_aggregate (SpireAggregation aggregation, const double *values, gsize n)
{
  if (aggregation == SPIRE_AGGREGATION_MEDIAN)
    return spire_scores_median (values, n);
  return spire_scores_mean (values, n);
}

double
spire_scores_population_sd (const double *values, gsize n)
{
  double mean, sd;

  mean_sd (values, n, &mean, &sd);
  return sd;
}

double
spire_scores_range (const double *values, gsize n)
{
  double lo = INFINITY, hi = -INFINITY;
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
        m++;
      }
  return m == 0 ? NAN : hi - lo;
}

gboolean
spire_scores_disagree (double sd, double threshold)
{
  if (isnan (sd) || isnan (threshold))
    return FALSE;
  return sd > threshold && !spire_score_equal (sd, threshold);
}

void
spire_scores_normalise (double *scores, const guint *evaluators, gsize n)
{
  g_autoptr (GHashTable) groups = NULL; /* evaluator → GArray of indices */
  GHashTableIter iter;
  gpointer value;
  double mu, sigma;

  if (n == 0)
    return;
  g_return_if_fail (scores != NULL && evaluators != NULL);

  if (mean_sd (scores, n, &mu, &sigma) < 2)
    return;

  groups = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                  (GDestroyNotify) g_array_unref);
  for (gsize i = 0; i < n; i++)
    {
      GArray *group;
      guint index = (guint) i;

      if (isnan (scores[i]))
        continue;
      group = g_hash_table_lookup (groups, GUINT_TO_POINTER (evaluators[i]));
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, GUINT_TO_POINTER (evaluators[i]), group);
        }
      g_array_append_val (group, index);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *group = value;
      g_autofree double *own = NULL;
      double mu_e, sigma_e;

      if (group->len < 2)
        continue; /* fewer than 2 reviews: the raw score is kept */
      own = g_new (double, group->len);
      for (guint j = 0; j < group->len; j++)
        own[j] = scores[g_array_index (group, guint, j)];
      mean_sd (own, group->len, &mu_e, &sigma_e);
      if (!(sigma_e > 0))
        continue; /* σₑ = 0: the raw scores are kept */
      for (guint j = 0; j < group->len; j++)
        {
          double z = (own[j] - mu_e) / sigma_e;
          scores[g_array_index (group, guint, j)] = mu + sigma * z;
        }
    }
}

/* Public API: ranking */

int
spire_rank_item_compare (const SpireRankItem *a, const SpireRankItem *b)
{
  gboolean a_none = isnan (a->score), b_none = isnan (b->score);
  gsize n;

  if (a_none || b_none)
    return a_none - b_none; /* the unranked come last, among themselves equal */
  if (!spire_score_equal (a->score, b->score))
    return a->score > b->score ? -1 : 1;

  n = MAX (a->n_scores, b->n_scores);
  for (gsize i = 0; i < n; i++)
    {
      double va, vb;

      if (i < a->n_scores)
        va = a->scores[i];
      else
        va = a->n_scores ? a->scores[a->n_scores - 1] - 1 : -INFINITY;
      if (i < b->n_scores)
        vb = b->scores[i];
      else
        vb = b->n_scores ? b->scores[b->n_scores - 1] - 1 : -INFINITY;
      if (!spire_score_equal (va, vb))
        return va > vb ? -1 : 1;
    }
  return 0;
}

static int
compare_items_cb (const void *pa, const void *pb)
{
  const SpireRankItem *a = *(SpireRankItem *const *) pa;
  const SpireRankItem *b = *(SpireRankItem *const *) pb;
  int c = spire_rank_item_compare (a, b);

  if (c != 0)
    return c;
  c = g_strcmp0 (a->key, b->key);
  if (c != 0)
    return c;
  return (a > b) - (a < b);
}

void
spire_rank_items (SpireRankItem **items, gsize n_items)
{
  if (n_items == 0)
    return;
  g_return_if_fail (items != NULL);

  for (gsize i = 0; i < n_items; i++)
    {
      SpireRankItem *item = items[i];

      if (item->n_scores > 0)
        {
          item->n_scores = copy_values (item->scores, item->n_scores, item->scores);
          qsort (item->scores, item->n_scores, sizeof (double), compare_double_descending);
        }
      item->rank = 0;
      item->tied = FALSE;
    }

  qsort (items, n_items, sizeof (SpireRankItem *), compare_items_cb);

  for (gsize i = 0; i < n_items; i++)
    {
      SpireRankItem *item = items[i];

      if (isnan (item->score))
        break; /* the unranked: rank 0 */
      if (i > 0 && spire_rank_item_compare (items[i - 1], item) == 0)
        {
          item->rank = items[i - 1]->rank;
          item->tied = TRUE;
          items[i - 1]->tied = TRUE;
        }
      else
        item->rank = (guint) i + 1;
    }
}
