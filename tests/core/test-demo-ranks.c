/* test-demo-ranks.c — the sample data's decision reasons cite the ranking
 *
 * A shortlist or final decision's reason says the application's place
 * ("nr. 932 av 3 694", with its total); the decision letter says the place
 * the ranking (spire_rank_cohort) computes.  Both must agree: every such
 * reason's place, count and total are the ranking's, for several seeds of
 * the small set and the xlarge shape made at a small scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "spire-demo-private.h"
#include "test-helpers.h"

/* The digits of "1 234" (whatever space groups them) as a number. */
static guint
parse_count (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      n = n * 10 + (guint) (*p - '0');
  return n;
}

typedef struct
{
  SpireRanking *ranking;
  guint n_ranked;
  /* The places of the accepted, waitlisted and rejected: the first, the last */
  guint first[3], last[3];
} Ranked;

static void
ranked_free (gpointer data)
{
  Ranked *r = data;

  g_object_unref (r->ranking);
  g_free (r);
}

static Ranked *
ranked_cohort (SpireStore *store, GHashTable *cache, const char *cohort)
{
  g_autoptr (GError) error = NULL;
  Ranked *r = g_hash_table_lookup (cache, cohort);

  if (r != NULL)
    return r;
  r = g_new0 (Ranked, 1);
  for (guint i = 0; i < 3; i++)
    r->first[i] = G_MAXUINT;
  r->ranking = spire_rank_cohort (store, cohort, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < spire_ranking_get_n_rows (r->ranking); i++)
    r->n_ranked += spire_rank_row_get_rank (spire_ranking_get_row (r->ranking, i)) > 0;
  g_hash_table_insert (cache, g_strdup (cohort), r);
  return r;
}

/* Checks every decision of @store whose reason cites a place; returns how
 * many did. */
static guint
check_reasons (SpireStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = spire_store_list (store, &spire_kind_decision, NULL, NULL,
                                                      &error);
  g_autoptr (GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        ranked_free);
  g_autoptr (GRegex) cites = g_regex_new ("nr\\. ([0-9][^a-z]*?) av ([0-9][^a-z(,]*?)"
                                          "(?:, | \\()poengsum ([0-9]+,[0-9])",
                                          G_REGEX_OPTIMIZE, 0, NULL);
  guint n_cited = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < decisions->len; i++)
    {
      SpireRecord *decision = decisions->pdata[i];
      const char *reason = spire_record_get_text (decision, "reason");
      const char *to = spire_record_get_text (decision, "to_status");
      g_autoptr (GMatchInfo) match = NULL;
      g_autoptr (SpireRecord) application = NULL;
      g_autofree char *place = NULL, *of = NULL, *total = NULL;
      g_autofree char *expected_total = NULL;
      SpireRankRow *row;
      Ranked *ranked;

      if (!g_regex_match (cites, reason ? reason : "", 0, &match))
        {
          /* Only these decisions cite the ranking, and they all do. */
          g_assert_true (g_strcmp0 (to, "shortlisted") != 0 &&
                         g_strcmp0 (to, "accepted") != 0 &&
                         g_strcmp0 (to, "waitlisted") != 0 && g_strcmp0 (to, "rejected") != 0);
          continue;
        }
      place = g_match_info_fetch (match, 1);
      of = g_match_info_fetch (match, 2);
      total = g_match_info_fetch (match, 3);
      application = spire_store_get (store, &spire_kind_application,
                                     spire_record_get_text (decision, "application"), &error);
      g_assert_no_error (error);
      ranked = ranked_cohort (store, cache, spire_record_get_text (application, "cohort"));
      row = spire_ranking_lookup (ranked->ranking, spire_record_get_text (application, "uuid"));
      g_assert_nonnull (row);
      g_assert_cmpuint (spire_rank_row_get_rank (row), >, 0);
      g_assert_cmpuint (parse_count (place), ==, spire_rank_row_get_rank (row));
      g_assert_cmpuint (parse_count (of), ==, ranked->n_ranked);
      expected_total = g_strdup_printf ("%.1f", spire_rank_row_get_score (row));
      g_strdelimit (expected_total, ".", ',');
      g_assert_cmpstr (total, ==, expected_total);
      n_cited++;
      for (guint s = 0; s < 3; s++)
        if (g_strcmp0 (to, ((const char *[]){ "accepted", "waitlisted", "rejected" })[s]) == 0)
          {
            ranked->first[s] = MIN (ranked->first[s], parse_count (place));
            ranked->last[s] = MAX (ranked->last[s], parse_count (place));
          }
    }

  /* The decisions follow the places: no one accepted below one waitlisted,
   * no one waitlisted below one rejected (a tie may straddle the line). */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, cache);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        Ranked *r = value;

        for (guint s = 0; s < 2; s++)
          for (guint t = s + 1; t < 3; t++)
            if (r->first[s] != G_MAXUINT && r->first[t] != G_MAXUINT)
              g_assert_cmpuint (r->last[s], <=, r->first[t]);
      }
  }
  return n_cited;
}

static SpireStore *
open_store (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "ranks.db", NULL);
  SpireStore *store = spire_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_small_ranks (void)
{
  static const guint32 seeds[] = { 1, 42, 2024, 7 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr (GError) error = NULL;
      char *dir = test_tmpdir_new ();
      g_autoptr (SpireStore) store = open_store (dir);

      g_test_message ("seed %u", seeds[i]);
      g_assert_true (spire_demo_fill (store, seeds[i], SPIRE_DEMO_SMALL, FALSE, NULL, NULL,
                                      NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (check_reasons (store), >=, 50);
      g_clear_object (&store);
      test_tmpdir_free (dir);
    }
}

/* The xlarge shape (the small table three times, its largest cohort three
 * times as large), as test-demo's /demo/xlarge/shape makes it. */
static void
test_medium_ranks (void)
{
  g_autoptr (GError) error = NULL;
  SizeSpec size = _spire_demo_sizes[SPIRE_DEMO_SMALL];
  char *dir = test_tmpdir_new ();
  g_autoptr (SpireStore) store = open_store (dir);

  size.repeat = 3;
  size.largest_scale = 3;
  size.n_startups = 400;
  size.n_deals = 150;
  g_assert_true (_spire_demo_fill_size (store, 5, &size, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_reasons (store), >=, 200);
  g_clear_object (&store);
  test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/ranks/small", test_small_ranks);
  g_test_add_func ("/demo/ranks/medium", test_medium_ranks);

  return g_test_run ();
}
