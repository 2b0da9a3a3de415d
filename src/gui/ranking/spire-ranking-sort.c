/* spire-ranking-sort.c — how the ranking list's columns sort
 *
 * Split from spire-ranking-list.c.  Every column sorts ascending by its
 * value as shown: the unranked, and rows without a value (NaN), last; the
 * titles in Norwegian order by the collation keys the rows come with;
 * the status in core's status order (spire_application_status_order); the
 * flags by how many, then which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-ranking-sort.h"

/* Sorting: the titles' collation keys come with the rows, made in core's
 * worker (spire_rank_row_get_title_key). */

static int
order (int r)
{
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Ascending; no value (NaN) after every value. */
static int
compare_doubles (double a, double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b) ? GTK_ORDERING_EQUAL
           : isnan (a)            ? GTK_ORDERING_LARGER
                                  : GTK_ORDERING_SMALLER;
  return order ((a > b) - (a < b));
}

static int
compare_rank_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint ra = spire_rank_row_get_rank ((SpireRankRow *) a);
  guint rb = spire_rank_row_get_rank ((SpireRankRow *) b);

  /* Unranked (0) last. */
  ra = ra ? ra : G_MAXUINT;
  rb = rb ? rb : G_MAXUINT;
  return order ((ra > rb) - (ra < rb));
}

static int
compare_title_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireRankRow *ra = (SpireRankRow *) a, *rb = (SpireRankRow *) b;
  int r = strcmp (spire_rank_row_get_title_key (ra), spire_rank_row_get_title_key (rb));

  return order (r);
}

static int
compare_challenge_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireRankRow *ra = (SpireRankRow *) a, *rb = (SpireRankRow *) b;
  int r = strcmp (spire_rank_row_get_challenge_key (ra), spire_rank_row_get_challenge_key (rb));

  return order (r);
}

static int
compare_status_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  int ra = spire_application_status_order (spire_rank_row_get_status ((SpireRankRow *) a));
  int rb = spire_application_status_order (spire_rank_row_get_status ((SpireRankRow *) b));

  return order ((ra > rb) - (ra < rb));
}

static int
compare_score_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_doubles (spire_rank_row_get_score ((SpireRankRow *) a),
                          spire_rank_row_get_score ((SpireRankRow *) b));
}

static double
spread_of (SpireRankRow *row)
{
  return spire_rank_row_get_n_reviews (row) ? spire_rank_row_get_spread (row) : NAN;
}

static double
range_of (SpireRankRow *row)
{
  return spire_rank_row_get_n_reviews (row) ? spire_rank_row_get_range (row) : NAN;
}

static int
compare_spread_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_doubles (spread_of ((SpireRankRow *) a), spread_of ((SpireRankRow *) b));
}

static int
compare_range_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_doubles (range_of ((SpireRankRow *) a), range_of ((SpireRankRow *) b));
}

static int
compare_reviews_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint na = spire_rank_row_get_n_reviews ((SpireRankRow *) a);
  guint nb = spire_rank_row_get_n_reviews ((SpireRankRow *) b);

  if (na == nb)
    {
      na = spire_rank_row_get_n_missing ((SpireRankRow *) b);
      nb = spire_rank_row_get_n_missing ((SpireRankRow *) a);
    }
  return order ((na > nb) - (na < nb));
}

/* More flags first when descending: by how many, then which. */
static int
compare_flags_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint fa = spire_rank_row_get_flags ((SpireRankRow *) a) & ~SPIRE_RANK_FLAG_UNSCORED;
  guint fb = spire_rank_row_get_flags ((SpireRankRow *) b) & ~SPIRE_RANK_FLAG_UNSCORED;
  guint ca = 0, cb = 0;

  for (guint bit = 1; bit <= SPIRE_RANK_FLAG_CONFLICTED_REVIEWS; bit <<= 1)
    {
      ca += (fa & bit) != 0;
      cb += (fb & bit) != 0;
    }

  if (ca != cb)
    return order ((ca > cb) - (ca < cb));
  return order ((fa > fb) - (fa < fb));
}

int
spire_ranking_compare_criterion (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);

  return compare_doubles (spire_rank_row_get_criterion_mean ((SpireRankRow *) a, index, NULL),
                          spire_rank_row_get_criterion_mean ((SpireRankRow *) b, index, NULL));
}

GCompareDataFunc
spire_ranking_compare_func (guint column)
{
  static const GCompareDataFunc compare[SPIRE_RANKING_N_FIXED_COLUMNS] = {
    compare_rank_cb,   compare_title_cb, compare_challenge_cb, compare_status_cb,
    compare_score_cb,  compare_spread_cb, compare_range_cb,    compare_reviews_cb,
    compare_flags_cb,
  };

  g_return_val_if_fail (column < SPIRE_RANKING_N_FIXED_COLUMNS, NULL);
  return compare[column];
}
