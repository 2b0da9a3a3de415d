/* spire-rank-review.c — the reviews of one row of a ranking: every evaluator's
 * review of the application with its scores and comments, and whether (and
 * why not) it counted in the ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-ranking-private.h"
#include "spire-store-private.h"

G_DEFINE_FINAL_TYPE (SpireRankReview, spire_rank_review, G_TYPE_OBJECT)

enum
{
  REVIEW_PROP_0,
  REVIEW_PROP_REVIEW_UUID,
  REVIEW_PROP_EVALUATOR_UUID,
  REVIEW_PROP_EVALUATOR_NAME,
  REVIEW_PROP_ROLE,
  REVIEW_PROP_STATE,
  REVIEW_PROP_COUNTED,
  REVIEW_PROP_STALE,
  REVIEW_PROP_RECOMMENDATION,
  REVIEW_PROP_SUMMARY,
  REVIEW_PROP_SUBMITTED_AT,
  REVIEW_PROP_SCORE,
  REVIEW_PROP_PERCENT,
  REVIEW_PROP_NORMALISED_SCORE,
  REVIEW_PROP_CONFLICT_KIND,
  REVIEW_PROP_NOT_COUNTED_REASON,
  REVIEW_N_PROPS
};

static GParamSpec *review_properties[REVIEW_N_PROPS];

static const char sql_detail_reviews[] =
  "SELECT r.uuid, r.evaluator, p.name, e.role, r.state, r.recommendation, r.summary,"
  " r.submitted_at, r.stale OR (r.rubric_version IS NOT NULL AND r.rubric_version <> ?2)"
  " FROM reviews r"
  " JOIN evaluators e ON e.uuid = r.evaluator"
  " JOIN persons p ON p.uuid = e.person"
  " WHERE r.application = ?1"
  " ORDER BY r.state = 'submitted' DESC, p.name COLLATE NB, r.uuid";

static const char sql_detail_scores[] =
  "SELECT s.review, s.criterion, s.value, s.comment"
  " FROM reviews r JOIN scores s ON s.review = r.uuid"
  " WHERE r.application = ?1";

/* Review */

static void
spire_rank_review_finalize (GObject *object)
{
  SpireRankReview *self = SPIRE_RANK_REVIEW (object);

  g_free (self->review_uuid);
  g_free (self->evaluator_uuid);
  g_free (self->evaluator_name);
  g_free (self->role);
  g_free (self->state);
  g_free (self->recommendation);
  g_free (self->summary);
  g_free (self->submitted_at);
  g_free (self->conflict_kind);
  g_free (self->values);
  if (self->comments != NULL)
    for (guint i = 0; i < self->n_criteria; i++)
      g_free (self->comments[i]);
  g_free (self->comments);

  G_OBJECT_CLASS (spire_rank_review_parent_class)->finalize (object);
}

static void
spire_rank_review_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  SpireRankReview *self = SPIRE_RANK_REVIEW (object);

  switch (prop_id)
    {
    case REVIEW_PROP_REVIEW_UUID:
      g_value_set_string (value, self->review_uuid);
      break;
    case REVIEW_PROP_EVALUATOR_UUID:
      g_value_set_string (value, self->evaluator_uuid);
      break;
    case REVIEW_PROP_EVALUATOR_NAME:
      g_value_set_string (value, self->evaluator_name);
      break;
    case REVIEW_PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case REVIEW_PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case REVIEW_PROP_COUNTED:
      g_value_set_boolean (value, self->counted);
      break;
    case REVIEW_PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    case REVIEW_PROP_RECOMMENDATION:
      g_value_set_string (value, self->recommendation);
      break;
    case REVIEW_PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case REVIEW_PROP_SUBMITTED_AT:
      g_value_set_string (value, self->submitted_at);
      break;
    case REVIEW_PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case REVIEW_PROP_PERCENT:
      g_value_set_double (value, self->percent);
      break;
    case REVIEW_PROP_CONFLICT_KIND:
      g_value_set_string (value, self->conflict_kind);
      break;
    case REVIEW_PROP_NOT_COUNTED_REASON:
      g_value_set_string (value, spire_rank_review_get_not_counted_reason (self));
      break;
    case REVIEW_PROP_NORMALISED_SCORE:
      g_value_set_double (value, self->normalised_score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_rank_review_class_init (SpireRankReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spire_rank_review_finalize;
  object_class->get_property = spire_rank_review_get_property;

  review_properties[REVIEW_PROP_REVIEW_UUID] = _spire_rank_string_property ("review-uuid");
  review_properties[REVIEW_PROP_EVALUATOR_UUID] = _spire_rank_string_property ("evaluator-uuid");
  review_properties[REVIEW_PROP_EVALUATOR_NAME] = _spire_rank_string_property ("evaluator-name");
  review_properties[REVIEW_PROP_ROLE] = _spire_rank_string_property ("role");
  review_properties[REVIEW_PROP_STATE] = _spire_rank_string_property ("state");
  review_properties[REVIEW_PROP_COUNTED] = _spire_rank_boolean_property ("counted");
  review_properties[REVIEW_PROP_STALE] = _spire_rank_boolean_property ("stale");
  review_properties[REVIEW_PROP_RECOMMENDATION] = _spire_rank_string_property ("recommendation");
  review_properties[REVIEW_PROP_SUMMARY] = _spire_rank_string_property ("summary");
  review_properties[REVIEW_PROP_SUBMITTED_AT] = _spire_rank_string_property ("submitted-at");
  review_properties[REVIEW_PROP_SCORE] = _spire_rank_double_property ("score");
  review_properties[REVIEW_PROP_PERCENT] = _spire_rank_double_property ("percent");
  review_properties[REVIEW_PROP_NORMALISED_SCORE] = _spire_rank_double_property ("normalised-score");
  review_properties[REVIEW_PROP_CONFLICT_KIND] = _spire_rank_string_property ("conflict-kind");
  review_properties[REVIEW_PROP_NOT_COUNTED_REASON] = _spire_rank_string_property ("not-counted-reason");
  g_object_class_install_properties (object_class, REVIEW_N_PROPS, review_properties);
}

static void
spire_rank_review_init (SpireRankReview *self)
{
  self->score = self->percent = self->normalised_score = NAN;
}

/* Public API: review */

const char *
spire_rank_review_get_review_uuid (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->review_uuid;
}

const char *
spire_rank_review_get_evaluator_uuid (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->evaluator_uuid;
}

const char *
spire_rank_review_get_evaluator_name (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->evaluator_name;
}

const char *
spire_rank_review_get_state (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->state;
}

gboolean
spire_rank_review_get_counted (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), FALSE);
  return self->counted;
}

gboolean
spire_rank_review_get_stale (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), FALSE);
  return self->stale;
}

const char *
spire_rank_review_get_conflict_kind (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->conflict_kind;
}

const char *
spire_rank_review_get_not_counted_reason (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  if (self->counted)
    return NULL;
  if (self->conflict_kind != NULL)
    return _("Not counted: conflict of interest");
  if (g_strcmp0 (self->state, "submitted") != 0)
    return _("Not counted: a draft");
  /* Submitted after the ranking was made: not part of it yet. */
  return _("Not counted: submitted after the ranking was made");
}

double
spire_rank_review_get_score (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NAN);
  return self->score;
}

double
spire_rank_review_get_normalised_score (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NAN);
  return self->normalised_score;
}

double
spire_rank_review_get_value (SpireRankReview *self, guint index)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NAN);
  g_return_val_if_fail (index < self->n_criteria, NAN);
  return self->values[index];
}

const char *
spire_rank_review_get_comment (SpireRankReview *self, guint index)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->n_criteria, NULL);
  return self->comments[index];
}

/* Public API: the reviews of a row */

GListModel *
spire_ranking_list_reviews (SpireRanking *self, SpireStore *store, const char *application_uuid,
                            GError **error)
{
  g_autoptr (GListStore) out = g_list_store_new (SPIRE_TYPE_RANK_REVIEW);
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) criterion_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree SpireCriterionWeight *weights = NULL;
  guint nc;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (application_uuid != NULL, NULL);

  nc = self->criteria->len;
  weights = g_new (SpireCriterionWeight, MAX (nc, 1));
  for (guint c = 0; c < nc; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      weights[c].weight = criterion->weight;
      weights[c].kind = criterion->kind;
      g_hash_table_insert (criterion_index, criterion->uuid, GUINT_TO_POINTER (c + 1));
    }

  stmt = _spire_store_prepare (store, sql_detail_reviews, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, application_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->rubric_version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (SpireRankReview) review = g_object_new (SPIRE_TYPE_RANK_REVIEW, NULL);

      review->review_uuid = _spire_rank_column_dup (stmt, 0);
      review->evaluator_uuid = _spire_rank_column_dup (stmt, 1);
      review->evaluator_name = _spire_rank_column_dup (stmt, 2);
      review->role = _spire_rank_column_dup (stmt, 3);
      review->state = _spire_rank_column_dup (stmt, 4);
      review->recommendation = _spire_rank_column_dup (stmt, 5);
      review->summary = _spire_rank_column_dup (stmt, 6);
      review->submitted_at = _spire_rank_column_dup (stmt, 7);
      review->stale = sqlite3_column_int (stmt, 8) != 0;
      review->n_criteria = nc;
      review->values = g_new (double, MAX (nc, 1));
      review->comments = g_new0 (char *, MAX (nc, 1));
      for (guint c = 0; c < nc; c++)
        review->values[c] = NAN;
      g_hash_table_insert (by_uuid, review->review_uuid, review);
      g_list_store_append (out, review);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (store, rc, error);
      return NULL;
    }

  stmt = _spire_store_prepare (store, sql_detail_scores, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, application_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpireRankReview *review = g_hash_table_lookup (by_uuid, sqlite3_column_text (stmt, 0));
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (criterion_index,
                                                       sqlite3_column_text (stmt, 1)));

      if (review == NULL || c == 0)
        continue;
      review->values[c - 1] = _spire_rank_column_real (stmt, 2);
      review->comments[c - 1] = _spire_rank_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (out)); i++)
    {
      g_autoptr (SpireRankReview) review = g_list_model_get_item (G_LIST_MODEL (out), i);
      gpointer index;

      review->score = spire_review_score (weights, review->values, nc);
      review->percent = spire_score_percent (review->score, self->scale_min, self->scale_max);
      if (g_hash_table_lookup_extended (self->counted, review->review_uuid, NULL, &index))
        {
          review->counted = TRUE;
          review->normalised_score = g_array_index (self->used, double, GPOINTER_TO_UINT (index));
        }
      else
        review->conflict_kind = g_strdup (g_hash_table_lookup (self->conflicted,
                                                               review->review_uuid));
    }

  return G_LIST_MODEL (g_steal_pointer (&out));
}
