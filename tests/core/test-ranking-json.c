/* test-ranking-json.c — the ranking read in one pass and streamed as JSON
 *
 * On the small demo (every cohort with a rubric): the streamed JSON
 * (spire_ranking_write_json, what `spire-cli rank --json` writes) is byte
 * for byte what json-glib's generator makes of spire_ranking_to_json, also
 * for titles with quotes, control characters and Norwegian letters; and the
 * conflicts of interest the reader reads once per cohort leave out exactly
 * the reviews the rule's per-review query (spire_conflict_blocks: not
 * dismissed, by application or startup, confirmed first) leaves out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-store-private.h"
#include "test-helpers.h"

/* The rule as one query per review (what the reader did before). */
#define RULE_SQL                                                                         \
  "SELECT r.uuid, (SELECT c.kind FROM conflicts c WHERE c.evaluator = r.evaluator"       \
  " AND c.dismissed_at IS NULL AND (c.application = a.uuid OR c.startup = a.startup)"   \
  " ORDER BY c.confirmed DESC, c.created_at, c.id LIMIT 1)"                              \
  " FROM applications a JOIN reviews r ON r.application = a.uuid"                       \
  " WHERE a.cohort = ?1 AND a.status NOT IN ('ineligible', 'withdrawn')"               \
  " AND r.state = 'submitted' AND a.uuid = ?2"

static SpireStore *
demo_store (void)
{
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_new_memory (&error);

  g_assert_no_error (error);
  g_assert_true (spire_demo_fill (store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* The cohorts that have a rubric, so that they can be ranked. */
static GPtrArray *
rankable_cohorts (SpireStore *store)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (_spire_store_get_db (store),
                                       "SELECT cohort FROM rubrics ORDER BY cohort", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (out->len, >, 2);
  return out;
}

static char *
tree_text (SpireRanking *ranking)
{
  g_autoptr (JsonNode) root = spire_ranking_to_json (ranking);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static char *
streamed_text (SpireRanking *ranking)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  char nul = '\0';

  g_assert_true (spire_ranking_write_json (ranking, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, &nul, 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_stream_equals_tree (void)
{
  g_autoptr (SpireStore) store = demo_store ();
  g_autoptr (GPtrArray) cohorts = rankable_cohorts (store);
  sqlite3 *db = _spire_store_get_db (store);
  guint ranked_rows = 0;

  /* Titles that need escaping, and one that does not exist (null). */
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE applications SET title = 'Sitat \"ja\" \\ og\n"
                                 "linje\tfane \x01\x1e\x1f\x7f Ærlig Øst Åse é' WHERE id = "
                                 "(SELECT min(id) FROM applications)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < cohorts->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SpireRanking) ranking = spire_rank_cohort (store, cohorts->pdata[i], NULL,
                                                            &error);
      g_autofree char *tree = NULL;
      g_autofree char *streamed = NULL;

      g_assert_no_error (error);
      tree = tree_text (ranking);
      streamed = streamed_text (ranking);
      g_assert_cmpstr (streamed, ==, tree);
      ranked_rows += spire_ranking_get_n_rows (ranking);
    }
  g_assert_cmpuint (ranked_rows, >, 100);
}

/* A stream that fails: the error is the stream's, and nothing hangs. */
static void
test_stream_error (void)
{
  g_autoptr (SpireStore) store = demo_store ();
  g_autoptr (GPtrArray) cohorts = rankable_cohorts (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) ranking = spire_rank_cohort (store, cohorts->pdata[0], NULL, &error);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_assert_false (spire_ranking_write_json (ranking, out, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static void
test_conflicts_as_the_rule (void)
{
  g_autoptr (SpireStore) store = demo_store ();
  g_autoptr (GPtrArray) cohorts = rankable_cohorts (store);
  sqlite3 *db = _spire_store_get_db (store);
  sqlite3_stmt *rule;
  guint left_out = 0;

  /* Conflicts on three submitted reviews: one by the startup; one by the
   * application, dismissed (blocks nothing); two on the same review, where
   * the confirmed one counts though it is the newer. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TEMP TABLE picked AS SELECT r.evaluator, a.uuid AS app,"
                                 " a.startup, row_number () OVER (ORDER BY r.id) AS n"
                                 " FROM reviews r JOIN applications a ON a.uuid = r.application"
                                 " JOIN rubrics u ON u.cohort = a.cohort"
                                 " WHERE r.state = 'submitted' AND a.status NOT IN"
                                 " ('ineligible', 'withdrawn') ORDER BY r.id LIMIT 3;"
                                 "INSERT INTO conflicts (uuid, created_at, updated_at, evaluator,"
                                 " application, startup, origin, kind, confirmed, dismissed_at,"
                                 " dismissed_by, dismiss_reason)"
                                 " SELECT '00000000-0000-4000-8000-00000000000' || n,"
                                 " '2026-01-0' || n, '2026-01-01', evaluator,"
                                 " CASE n WHEN 1 THEN NULL ELSE app END,"
                                 " CASE n WHEN 1 THEN startup ELSE NULL END,"
                                 " CASE n WHEN 2 THEN 'detected' ELSE 'declared' END,"
                                 " CASE n WHEN 1 THEN 'family' WHEN 2 THEN 'owner' ELSE 'other' END,"
                                 " 0, CASE n WHEN 2 THEN '2026-01-05' END,"
                                 " NULL, CASE n WHEN 2 THEN 'Ikke relevant' END FROM picked;"
                                 "INSERT INTO conflicts (uuid, created_at, updated_at, evaluator,"
                                 " application, origin, kind, confirmed)"
                                 " SELECT '00000000-0000-4000-8000-000000000009', '2026-02-01',"
                                 " '2026-02-01', evaluator, app, 'detected', 'employee', 1"
                                 " FROM picked WHERE n = 3;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, RULE_SQL, -1, &rule, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < cohorts->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SpireRanking) ranking = spire_rank_cohort (store, cohorts->pdata[i], NULL,
                                                            &error);

      g_assert_no_error (error);
      for (guint r = 0; r < spire_ranking_get_n_rows (ranking); r++)
        {
          SpireRankRow *row = spire_ranking_get_row (ranking, r);
          const char *app = spire_rank_row_get_application_uuid (row);
          g_autoptr (GListModel) reviews = spire_ranking_list_reviews (ranking, store, app,
                                                                       &error);
          g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                   g_free, g_free);
          guint n_conflicted = 0;

          g_assert_no_error (error);
          sqlite3_bind_text (rule, 1, cohorts->pdata[i], -1, SQLITE_STATIC);
          sqlite3_bind_text (rule, 2, app, -1, SQLITE_STATIC);
          while (sqlite3_step (rule) == SQLITE_ROW)
            {
              const char *kind = (const char *) sqlite3_column_text (rule, 1);

              g_hash_table_insert (expected, g_strdup ((const char *) sqlite3_column_text (rule, 0)),
                                   g_strdup (kind));
              n_conflicted += kind != NULL;
            }
          sqlite3_reset (rule);
          g_assert_cmpuint (spire_rank_row_get_n_conflicted (row), ==, n_conflicted);
          for (guint k = 0; k < g_list_model_get_n_items (reviews); k++)
            {
              g_autoptr (SpireRankReview) review = g_list_model_get_item (reviews, k);
              const char *uuid = spire_rank_review_get_review_uuid (review);

              if (!g_hash_table_contains (expected, uuid))
                continue; /* a draft */
              g_assert_cmpstr (spire_rank_review_get_conflict_kind (review), ==,
                               g_hash_table_lookup (expected, uuid));
            }
          left_out += n_conflicted;
        }
    }
  sqlite3_finalize (rule);
  /* The startup's conflict and the confirmed one (not the dismissed one),
   * and whatever the demo declares. */
  g_assert_cmpuint (left_out, >=, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ranking-json/stream-equals-tree", test_stream_equals_tree);
  g_test_add_func ("/ranking-json/stream-error", test_stream_error);
  g_test_add_func ("/ranking-json/conflicts-as-the-rule", test_conflicts_as_the_rule);
  return g_test_run ();
}
