/* spire-ranking.c — a cohort's ranking: its rows, aggregated and ordered
 *
 * The reader (spire-ranking-reader.c) reads the cohort; here each
 * review gets its score under the rubric (normalised per evaluator when
 * the rubric says so, leaving out reviews with a conflict of interest),
 * each application's reviews are aggregated into a row
 * (spire-rank-row.c), and the rows are ordered with ties
 * (spire-scoring.h).  Also the meeting order; the JSON of a ranking is in
 * spire-ranking-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-ranking-private.h"
#include "spire-job-private.h"

static void spire_ranking_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpireRanking, spire_ranking, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spire_ranking_list_model_init))

static void
rank_criterion_free (gpointer data)
{
  SpireRankCriterion *c = data;

  g_free (c->uuid);
  g_free (c->name);
  g_free (c);
}

/* Ranking a cohort */

/* The score each review has in the ranking (normalised when the rubric
 * says so); moves the reviews' UUIDs into self->counted / self->conflicted. */
static double *
score_reviews (SpireRanking *self, RankInput *input)
{
  GArray *reviews = input->reviews;
  guint nc = self->criteria->len;
  g_autofree SpireCriterionWeight *weights = NULL;
  g_autofree double *compact = NULL;
  g_autofree guint *evaluators = NULL;
  double *used;
  guint n_counted = 0;

  weights = g_new (SpireCriterionWeight, MAX (nc, 1));
  for (guint c = 0; c < nc; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      weights[c].weight = criterion->weight;
      weights[c].kind = criterion->kind;
    }
  /* A review by an evaluator with a conflict of interest is left out of
   * everything: the normalisation too (compact[] holds the counted ones). */
  used = g_new (double, MAX (reviews->len, 1));
  compact = g_new (double, MAX (reviews->len, 1));
  evaluators = g_new (guint, MAX (reviews->len, 1));
  for (guint i = 0; i < reviews->len; i++)
    {
      RankSubmission *review = &g_array_index (reviews, RankSubmission, i);

      used[i] = spire_review_score (weights,
                                    &g_array_index (input->values, double, (gsize) i * nc), nc);
      if (!review->left_out)
        {
          compact[n_counted] = used[i];
          evaluators[n_counted++] = review->evaluator;
        }
    }
  if (self->normalised)
    {
      spire_scores_normalise (compact, evaluators, n_counted);
      for (guint i = 0, k = 0; i < reviews->len; i++)
        if (!g_array_index (reviews, RankSubmission, i).left_out)
          used[i] = compact[k++];
    }

  g_array_set_size (self->used, reviews->len);
  for (guint i = 0; i < reviews->len; i++)
    {
      RankSubmission *review = &g_array_index (reviews, RankSubmission, i);

      g_array_index (self->used, double, i) = used[i];
      if (review->left_out)
        g_hash_table_insert (self->conflicted, g_steal_pointer (&review->uuid),
                             g_steal_pointer (&review->conflict));
      else
        g_hash_table_insert (self->counted, g_steal_pointer (&review->uuid),
                             GUINT_TO_POINTER (i));
    }
  return used;
}

/* The row of @app: its counted reviews' scores (@used), the criterion
 * means, the aggregate and the flags. */
static SpireRankRow *
make_row (SpireRanking *self, RankInput *input, RankApp *app, const double *used)
{
  SpireRankRow *row = g_object_new (SPIRE_TYPE_RANK_ROW, NULL);
  guint nc = self->criteria->len;
  guint n = 0;

  row->application_uuid = g_steal_pointer (&app->uuid);
  row->title = g_steal_pointer (&app->title);
  row->status = g_steal_pointer (&app->status);
  row->startup_name = g_steal_pointer (&app->startup);
  row->challenge_title = g_steal_pointer (&app->challenge);
  row->n_missing = app->n_missing;
  row->n_criteria = nc;
  row->criterion_means = g_new (double, MAX (nc, 1));
  row->criterion_answers = g_new0 (guint, MAX (nc, 1));
  row->review_scores = g_new (double, MAX (app->reviews->len, 1));

  for (guint c = 0; c < nc; c++)
    row->criterion_means[c] = 0;
  for (guint j = 0; j < app->reviews->len; j++)
    {
      guint r = g_array_index (app->reviews, guint, j);
      const RankSubmission *review = &g_array_index (input->reviews, RankSubmission, r);
      const double *v = &g_array_index (input->values, double, (gsize) r * nc);

      if (review->left_out)
        {
          row->n_conflicted++;
          continue;
        }
      row->review_scores[n++] = used[r];
      if (review->stale)
        row->n_stale++;
      for (guint c = 0; c < nc; c++)
        if (!isnan (v[c]))
          {
            row->criterion_means[c] += v[c];
            row->criterion_answers[c]++;
          }
    }
  for (guint c = 0; c < nc; c++)
    row->criterion_means[c] = row->criterion_answers[c]
                                ? row->criterion_means[c] / row->criterion_answers[c]
                                : NAN;

  row->n_reviews = n;
  row->n_review_scores = n;
  row->score = spire_scores_aggregate (self->aggregation, row->review_scores, n);
  row->shown_score = spire_score_clamp (row->score, self->scale_min, self->scale_max);
  row->percent = spire_score_percent (row->shown_score, self->scale_min, self->scale_max);
  row->spread = spire_scores_population_sd (row->review_scores, n);
  row->range = spire_scores_range (row->review_scores, n);

  if (spire_scores_disagree (row->spread, self->threshold))
    row->flags |= SPIRE_RANK_FLAG_DISAGREEMENT;
  if (row->n_missing > 0)
    row->flags |= SPIRE_RANK_FLAG_MISSING_REVIEWS;
  if (row->n_stale > 0)
    row->flags |= SPIRE_RANK_FLAG_STALE_REVIEWS;
  if (row->n_conflicted > 0)
    row->flags |= SPIRE_RANK_FLAG_CONFLICTED_REVIEWS;
  if (isnan (row->score))
    row->flags |= SPIRE_RANK_FLAG_UNSCORED;
  return row;
}

/* The rows in rank order, with ties (spire_rank_items) */
static void
order_rows (SpireRanking *self, GPtrArray *rows)
{
  g_autofree SpireRankItem *items = g_new0 (SpireRankItem, MAX (rows->len, 1));
  g_autofree SpireRankItem **order = g_new (SpireRankItem *, MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    {
      SpireRankRow *row = g_ptr_array_index (rows, i);

      items[i].score = row->score;
      items[i].scores = row->review_scores;
      items[i].n_scores = row->n_reviews;
      items[i].key = row->application_uuid;
      items[i].data = row;
      order[i] = &items[i];
    }

  spire_rank_items (order, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      SpireRankRow *row = order[i]->data;

      row->rank = order[i]->rank;
      row->tied = order[i]->tied;
      row->n_review_scores = (guint) order[i]->n_scores;
      row->position = i;
      g_ptr_array_add (self->rows, g_object_ref (row));
      g_hash_table_insert (self->by_uuid, row->application_uuid, row);
    }
}

static SpireRanking *
rank (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable, GError **error)
{
  g_autoptr (SpireRanking) self = g_object_new (SPIRE_TYPE_RANKING, NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *used = NULL;
  RankInput input;
  gboolean ok;

  self->cohort_uuid = g_strdup (cohort_uuid);
  _spire_rank_input_init (&input);
  ok = _spire_rank_read (self, store, &input, cancellable, error);
  if (ok)
    {
      used = score_reviews (self, &input);
      for (guint i = 0; i < input.apps->len; i++)
        g_ptr_array_add (rows, make_row (self, &input,
                                         &g_array_index (input.apps, RankApp, i), used));
      order_rows (self, rows);
    }
  _spire_rank_input_clear (&input);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* Async: on the one mechanism of long work (spire-job-private.h) */

static gboolean
rank_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  SpireRanking *ranking = spire_rank_cohort (store, data, _spire_job_get_cancellable (job), error);

  if (ranking == NULL)
    return FALSE;
  /* What the list shows, made here rather than per cell on the main thread */
  spire_ranking_prepare_texts (ranking);
  *result = ranking;
  return TRUE;
}

/* Ranking */

static GType
spire_ranking_get_item_type (GListModel *model)
{
  return SPIRE_TYPE_RANK_ROW;
}

static guint
spire_ranking_get_n_items (GListModel *model)
{
  return SPIRE_RANKING (model)->rows->len;
}

static gpointer
spire_ranking_get_item (GListModel *model, guint position)
{
  SpireRanking *self = SPIRE_RANKING (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
spire_ranking_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = spire_ranking_get_item_type;
  iface->get_n_items = spire_ranking_get_n_items;
  iface->get_item = spire_ranking_get_item;
}

static void
spire_ranking_finalize (GObject *object)
{
  SpireRanking *self = SPIRE_RANKING (object);

  g_free (self->cohort_uuid);
  g_free (self->rubric_uuid);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->counted, g_hash_table_unref);
  g_clear_pointer (&self->used, g_array_unref);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);

  G_OBJECT_CLASS (spire_ranking_parent_class)->finalize (object);
}

static void
spire_ranking_class_init (SpireRankingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_ranking_finalize;
}

static void
spire_ranking_init (SpireRanking *self)
{
  self->threshold = NAN;
  self->criteria = g_ptr_array_new_with_free_func (rank_criterion_free);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used = g_array_new (FALSE, FALSE, sizeof (double));
  self->conflicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API: ranking */

SpireRanking *
spire_rank_cohort (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                   GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return rank (store, cohort_uuid, cancellable, error);
}

void
spire_rank_cohort_async (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_rank_cohort_async, rank_job, g_strdup (cohort_uuid), g_free,
                  g_object_unref, cancellable, NULL, NULL, callback, user_data);
}

SpireRanking *
spire_rank_cohort_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer ranking = NULL;

  _spire_job_finish (store, result, spire_rank_cohort_async, &ranking, error);
  return ranking;
}

const char *
spire_ranking_get_cohort_uuid (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  return self->cohort_uuid;
}

const char *
spire_ranking_get_rubric_uuid (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  return self->rubric_uuid;
}

gint64
spire_ranking_get_rubric_version (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), 0);
  return self->rubric_version;
}

double
spire_ranking_get_scale_min (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NAN);
  return self->scale_min;
}

double
spire_ranking_get_scale_max (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NAN);
  return self->scale_max;
}

SpireAggregation
spire_ranking_get_aggregation (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), SPIRE_AGGREGATION_MEAN);
  return self->aggregation;
}

gboolean
spire_ranking_get_normalised (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), FALSE);
  return self->normalised;
}

double
spire_ranking_get_disagreement_threshold (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NAN);
  return self->threshold;
}

guint
spire_ranking_get_n_criteria (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), 0);
  return self->criteria->len;
}

const SpireRankCriterion *
spire_ranking_get_criterion (SpireRanking *self, guint index)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  g_return_val_if_fail (index < self->criteria->len, NULL);
  return g_ptr_array_index (self->criteria, index);
}

guint
spire_ranking_get_n_rows (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), 0);
  return self->rows->len;
}

SpireRankRow *
spire_ranking_get_row (SpireRanking *self, guint position)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, position);
}

SpireRankRow *
spire_ranking_lookup (SpireRanking *self, const char *application_uuid)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  if (application_uuid == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_uuid, application_uuid);
}

static int
compare_meeting_cb (gconstpointer pa, gconstpointer pb)
{
  const SpireRankRow *a = *(SpireRankRow *const *) pa;
  const SpireRankRow *b = *(SpireRankRow *const *) pb;

  if (!spire_score_equal (a->spread, b->spread))
    return a->spread > b->spread ? -1 : 1;
  if (!spire_score_equal (a->range, b->range))
    return a->range > b->range ? -1 : 1;
  return (a->position > b->position) - (a->position < b->position);
}

GListModel *
spire_ranking_get_meeting_order (SpireRanking *self)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GListStore *store;

  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SpireRankRow *row = g_ptr_array_index (self->rows, i);

      if (row->rank > 0)
        g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_meeting_cb);

  store = g_list_store_new (SPIRE_TYPE_RANK_ROW);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}
