/* spire-rank-row.c — one application's row in a ranking: rank, ties, aggregate
 * score, spread and the flags that ask the panel to look again (filled by
 * spire-ranking.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-ranking-private.h"

G_DEFINE_FINAL_TYPE (SpireRankRow, spire_rank_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_APPLICATION_UUID,
  ROW_PROP_TITLE,
  ROW_PROP_STARTUP_NAME,
  ROW_PROP_CHALLENGE_TITLE,
  ROW_PROP_STATUS,
  ROW_PROP_RANK,
  ROW_PROP_TIED,
  ROW_PROP_SCORE,
  ROW_PROP_SHOWN_SCORE,
  ROW_PROP_PERCENT,
  ROW_PROP_SPREAD,
  ROW_PROP_RANGE,
  ROW_PROP_N_REVIEWS,
  ROW_PROP_N_MISSING,
  ROW_PROP_N_STALE,
  ROW_PROP_N_CONFLICTED,
  ROW_PROP_FLAGS,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];


static const GFlagsValue rank_flags_values[] = {
  { SPIRE_RANK_FLAG_DISAGREEMENT, "SPIRE_RANK_FLAG_DISAGREEMENT", "disagreement" },
  { SPIRE_RANK_FLAG_MISSING_REVIEWS, "SPIRE_RANK_FLAG_MISSING_REVIEWS", "missing-reviews" },
  { SPIRE_RANK_FLAG_STALE_REVIEWS, "SPIRE_RANK_FLAG_STALE_REVIEWS", "stale-reviews" },
  { SPIRE_RANK_FLAG_UNSCORED, "SPIRE_RANK_FLAG_UNSCORED", "unscored" },
  { SPIRE_RANK_FLAG_CONFLICTED_REVIEWS, "SPIRE_RANK_FLAG_CONFLICTED_REVIEWS",
    "conflicted-reviews" },
  { 0, NULL, NULL }
};

/* Row */

static void
spire_rank_row_finalize (GObject *object)
{
  SpireRankRow *self = SPIRE_RANK_ROW (object);

  g_free (self->application_uuid);
  g_free (self->title);
  g_free (self->startup_name);
  g_free (self->challenge_title);
  g_free (self->status);
  g_free (self->review_scores);
  g_free (self->criterion_means);
  g_free (self->criterion_answers);
  g_strfreev (self->texts);
  g_free (self->title_key);
  g_free (self->challenge_key);

  G_OBJECT_CLASS (spire_rank_row_parent_class)->finalize (object);
}

static void
spire_rank_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireRankRow *self = SPIRE_RANK_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_APPLICATION_UUID:
      g_value_set_string (value, self->application_uuid);
      break;
    case ROW_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ROW_PROP_STARTUP_NAME:
      g_value_set_string (value, self->startup_name);
      break;
    case ROW_PROP_CHALLENGE_TITLE:
      g_value_set_string (value, self->challenge_title);
      break;
    case ROW_PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case ROW_PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    case ROW_PROP_TIED:
      g_value_set_boolean (value, self->tied);
      break;
    case ROW_PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case ROW_PROP_SHOWN_SCORE:
      g_value_set_double (value, self->shown_score);
      break;
    case ROW_PROP_PERCENT:
      g_value_set_double (value, self->percent);
      break;
    case ROW_PROP_SPREAD:
      g_value_set_double (value, self->spread);
      break;
    case ROW_PROP_RANGE:
      g_value_set_double (value, self->range);
      break;
    case ROW_PROP_N_REVIEWS:
      g_value_set_uint (value, self->n_reviews);
      break;
    case ROW_PROP_N_MISSING:
      g_value_set_uint (value, self->n_missing);
      break;
    case ROW_PROP_N_STALE:
      g_value_set_uint (value, self->n_stale);
      break;
    case ROW_PROP_N_CONFLICTED:
      g_value_set_uint (value, self->n_conflicted);
      break;
    case ROW_PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

GParamSpec *
_spire_rank_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

GParamSpec *
_spire_rank_double_property (const char *name)
{
  /* NaN stands for "none"; a pspec cannot bound it, so the range is open. */
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

GParamSpec *
_spire_rank_uint_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

GParamSpec *
_spire_rank_boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
spire_rank_row_class_init (SpireRankRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spire_rank_row_finalize;
  object_class->get_property = spire_rank_row_get_property;

  row_properties[ROW_PROP_APPLICATION_UUID] = _spire_rank_string_property ("application-uuid");
  row_properties[ROW_PROP_TITLE] = _spire_rank_string_property ("title");
  row_properties[ROW_PROP_STARTUP_NAME] = _spire_rank_string_property ("startup-name");
  row_properties[ROW_PROP_CHALLENGE_TITLE] = _spire_rank_string_property ("challenge-title");
  row_properties[ROW_PROP_STATUS] = _spire_rank_string_property ("status");
  row_properties[ROW_PROP_RANK] = _spire_rank_uint_property ("rank");
  row_properties[ROW_PROP_TIED] = _spire_rank_boolean_property ("tied");
  row_properties[ROW_PROP_SCORE] = _spire_rank_double_property ("score");
  row_properties[ROW_PROP_SHOWN_SCORE] = _spire_rank_double_property ("shown-score");
  row_properties[ROW_PROP_PERCENT] = _spire_rank_double_property ("percent");
  row_properties[ROW_PROP_SPREAD] = _spire_rank_double_property ("spread");
  row_properties[ROW_PROP_RANGE] = _spire_rank_double_property ("range");
  row_properties[ROW_PROP_N_REVIEWS] = _spire_rank_uint_property ("n-reviews");
  row_properties[ROW_PROP_N_MISSING] = _spire_rank_uint_property ("n-missing");
  row_properties[ROW_PROP_N_STALE] = _spire_rank_uint_property ("n-stale");
  row_properties[ROW_PROP_N_CONFLICTED] = _spire_rank_uint_property ("n-conflicted");
  row_properties[ROW_PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL, SPIRE_TYPE_RANK_FLAGS, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
spire_rank_row_init (SpireRankRow *self)
{
  self->score = self->shown_score = self->percent = self->spread = self->range = NAN;
}

/* Public API: flags */

GType
spire_rank_flags_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_flags_register_static (g_intern_static_string ("SpireRankFlags"),
                                                       rank_flags_values));
  return type;
}

char **
spire_rank_flags_to_strv (SpireRankFlags flags)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; rank_flags_values[i].value_nick != NULL; i++)
    if (flags & rank_flags_values[i].value)
      g_strv_builder_add (builder, rank_flags_values[i].value_nick);
  return g_strv_builder_end (builder);
}

/* Public API: row */

const char *
spire_rank_row_get_application_uuid (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->application_uuid;
}

const char *
spire_rank_row_get_title (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->title;
}

const char *
spire_rank_row_get_startup_name (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->startup_name;
}

const char *
spire_rank_row_get_challenge_title (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->challenge_title;
}

const char *
spire_rank_row_get_status (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->status;
}

guint
spire_rank_row_get_rank (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->rank;
}

gboolean
spire_rank_row_get_tied (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), FALSE);
  return self->tied;
}

double
spire_rank_row_get_score (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->score;
}

double
spire_rank_row_get_shown_score (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);

  return self->shown_score;
}

double
spire_rank_row_get_percent (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->percent;
}

double
spire_rank_row_get_spread (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->spread;
}

double
spire_rank_row_get_range (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->range;
}

guint
spire_rank_row_get_n_reviews (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_reviews;
}

guint
spire_rank_row_get_n_missing (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_missing;
}

guint
spire_rank_row_get_n_stale (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_stale;
}

guint
spire_rank_row_get_n_conflicted (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_conflicted;
}

SpireRankFlags
spire_rank_row_get_flags (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->flags;
}

const double *
spire_rank_row_get_review_scores (SpireRankRow *self, guint *n_scores)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  if (n_scores)
    *n_scores = self->n_review_scores;
  return self->review_scores;
}

double
spire_rank_row_get_criterion_mean (SpireRankRow *self, guint index, guint *n_answers)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  g_return_val_if_fail (index < self->n_criteria, NAN);

  if (n_answers)
    *n_answers = self->criterion_answers[index];
  return self->criterion_means[index];
}
