/* spire-rank-text.c — what a list shows of a ranking's rows: each figure
 * formatted and the titles' sort keys, made once per row
 *
 * Issue 11: the Ranking page lists up to 40 000 rows; formatting a cell or
 * making a collation key on the main thread, per bind or per comparison,
 * was the page's pause.  spire_rank_cohort_async() makes them all in its
 * worker (spire_ranking_prepare_texts()), in the caller's language; a row
 * of a ranking made otherwise makes them on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-ranking-private.h"
#include "spire-text.h"

static char *
format_number (double value, int decimals, SpireLanguage lang)
{
  if (isnan (value))
    return g_strdup ("–");
  return spire_format_number (value, decimals, lang);
}

static char *
rank_text (SpireRankRow *row, SpireLanguage lang)
{
  g_autofree char *rank = NULL;

  if (row->rank == 0)
    return g_strdup ("–");
  rank = spire_format_count (row->rank, lang);
  if (row->tied)
    /* TRANSLATORS: a rank shared with another application, "2=" */
    return g_strdup_printf (_("%s="), rank);
  return g_steal_pointer (&rank);
}

static char *
score_text (SpireRankRow *row, SpireLanguage lang)
{
  g_autofree char *s = NULL;
  g_autofree char *p = NULL;

  if (isnan (row->shown_score))
    return g_strdup ("–");
  s = format_number (row->shown_score, 2, lang);
  p = format_number (row->percent, 0, lang);
  /* TRANSLATORS: the score and its percentage of the scale, "4.33 (72 %)" */
  return g_strdup_printf (_("%s (%s %%)"), s, p);
}

static char *
reviews_text (SpireRankRow *row)
{
  if (row->n_missing == 0)
    return g_strdup_printf ("%u", row->n_reviews);
  /* TRANSLATORS: submitted reviews of those expected, "2 of 3" */
  return g_strdup_printf (_("%u of %u"), row->n_reviews, row->n_reviews + row->n_missing);
}

/* The texts of @row in @lang: SPIRE_RANK_N_TEXTS, then one per criterion. */
static void
prepare_row (SpireRankRow *row, SpireLanguage lang)
{
  guint n = SPIRE_RANK_N_TEXTS + row->n_criteria;

  if (row->texts != NULL)
    return;
  row->texts = g_new0 (char *, n + 1);
  row->texts[SPIRE_RANK_TEXT_RANK] = rank_text (row, lang);
  row->texts[SPIRE_RANK_TEXT_SCORE] = score_text (row, lang);
  row->texts[SPIRE_RANK_TEXT_SPREAD] = format_number (row->n_reviews ? row->spread : NAN, 2, lang);
  row->texts[SPIRE_RANK_TEXT_RANGE] = format_number (row->n_reviews ? row->range : NAN, 2, lang);
  row->texts[SPIRE_RANK_TEXT_REVIEWS] = reviews_text (row);
  for (guint c = 0; c < row->n_criteria; c++)
    row->texts[SPIRE_RANK_N_TEXTS + c] = format_number (row->criterion_means[c], 2, lang);
  row->title_key = spire_collate_key (row->title ? row->title : "");
  row->challenge_key = spire_collate_key (row->challenge_title ? row->challenge_title : "");
}

void
spire_ranking_prepare_texts (SpireRanking *self)
{
  SpireLanguage lang;

  g_return_if_fail (SPIRE_IS_RANKING (self));

  lang = spire_language_current ();
  for (guint i = 0; i < self->rows->len; i++)
    prepare_row (g_ptr_array_index (self->rows, i), lang);
}

const char *
spire_rank_row_get_text (SpireRankRow *self, SpireRankText which)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  g_return_val_if_fail (which < SPIRE_RANK_N_TEXTS, NULL);

  if (self->texts == NULL)
    prepare_row (self, spire_language_current ());
  return self->texts[which];
}

const char *
spire_rank_row_get_criterion_text (SpireRankRow *self, guint index)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  g_return_val_if_fail (index < self->n_criteria, NULL);

  if (self->texts == NULL)
    prepare_row (self, spire_language_current ());
  return self->texts[SPIRE_RANK_N_TEXTS + index];
}

const char *
spire_rank_row_get_title_key (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);

  if (self->texts == NULL)
    prepare_row (self, spire_language_current ());
  return self->title_key;
}

const char *
spire_rank_row_get_challenge_key (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);

  if (self->texts == NULL)
    prepare_row (self, spire_language_current ());
  return self->challenge_key;
}
