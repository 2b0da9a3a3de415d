/* test-cli-evaluation.c — runs the built spire-cli as a user would: ranking, assignment and evaluation packages
 * (what the tests share, and the environment, in cli-fixture.h); /cli/package
 * is one member's walk, a package_* function a step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#define _GNU_SOURCE
#include "config.h"

#include "cli-fixture.h"

/* Tests */

static void
test_rank (void)
{
  static const char *const decided_phases[] = { "decided", "running", "follow_up", "closed",
                                                NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, decided_phases);
  guint expected_rows = 0;

  {
    /* the cohort's applications that can be ranked: all but ineligible and withdrawn */
    g_autoptr (JsonNode) apps = list_json (dir, database, "applications", cohort);
    JsonArray *array = json_node_get_array (apps);

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        const char *status = json_object_get_string_member (
          json_array_get_object_element (array, i), "status");

        if (!g_str_equal (status, "ineligible") && !g_str_equal (status, "withdrawn"))
          expected_rows++;
      }
    g_assert_cmpuint (expected_rows, >, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_auto (GStrv) lines = NULL;
    guint header = 0;

    run_in (&run, dir, "-d", database, "rank", "--cohort", cohort, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    lines = g_strsplit (run.out, "\n", -1);
    while (lines[header] && !g_str_has_prefix (lines[header], "Rank "))
      header++;
    g_assert_nonnull (lines[header]);
    g_assert_nonnull (strstr (lines[header], "Score"));
    g_assert_nonnull (strstr (lines[header], "σ"));
    g_assert_nonnull (strstr (lines[header], "Reviews"));
    /* rank 1 first, right-aligned under "Rank"; the score with a decimal point */
    g_assert_nonnull (lines[header + 1]);
    g_assert_true (g_regex_match_simple ("^ +1  .* [0-9]\\.[0-9]{2}  ", lines[header + 1], 0, 0));
    g_assert_cmpuint (g_utf8_strlen (lines[header + 1], -1), >, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) root = NULL;
    JsonObject *object;
    JsonArray *apps;
    gint64 last = 0;
    gboolean unranked_seen = FALSE;

    run_in (&run, dir, "-d", database, "rank", "--cohort", cohort, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_json (run.out);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "cohort"), ==, cohort);
    apps = json_object_get_array_member (object, "applications");
    g_assert_cmpuint (json_array_get_length (apps), ==, expected_rows);
    for (guint i = 0; i < json_array_get_length (apps); i++)
      {
        JsonObject *app = json_array_get_object_element (apps, i);
        JsonNode *rank = json_object_get_member (app, "rank");

        g_assert_true (json_object_has_member (app, "tied"));
        g_assert_true (json_object_has_member (app, "score"));
        g_assert_true (json_object_has_member (app, "spread"));
        g_assert_true (json_object_has_member (app, "range"));
        g_assert_true (json_object_has_member (app, "reviews"));
        g_assert_true (json_object_has_member (app, "criteria"));
        if (JSON_NODE_HOLDS_NULL (rank))
          {
            unranked_seen = TRUE;
            continue;
          }
        /* ranked rows first, ranks never going down */
        g_assert_false (unranked_seen);
        g_assert_cmpint (json_node_get_int (rank), >=, last);
        if (i == 0)
          g_assert_cmpint (json_node_get_int (rank), ==, 1);
        last = json_node_get_int (rank);
        /* the demo's decided cohorts: three submitted reviews per ranked application */
        g_assert_cmpint (json_object_get_int_member (app, "reviews"), ==, 3);
      }
    g_assert_cmpint (last, >=, 1);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "rank", "--cohort",
            "99999999-9999-4999-8999-999999999999", NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "99999999-9999-4999-8999-999999999999"));
  }
  {
    /* a cohort without a rubric: refused, saying so */
    g_auto (Run) run = { 0 };
    g_autofree char *sample = sample_database (dir);

    run_in (&run, dir, "-d", sample, "rank", "--cohort", "33333333-3333-4333-8333-333333333333",
            NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "rubric"));
    g_assert_nonnull (strstr (run.err, "Høst 2026"));
  }
}

/* A cohort whose first two applications tie: one review each, both 5. */
static const char tied_backup[] =
  "{ \"format\": \"spire-backup\", \"version\": 1, \"exported_at\": \"2026-11-23T10:00:00Z\",\n"
  "  \"programs\": [ { \"uuid\": \"22222222-2222-4222-8222-222222222222\", "
    "\"name\": \"Åpen innovasjon\", \"kind\": \"accelerator\" } ],\n"
  "  \"cohorts\": [ { \"uuid\": \"33333333-3333-4333-8333-333333333333\", "
    "\"program\": \"22222222-2222-4222-8222-222222222222\", \"name\": \"Høst 2026\", "
    "\"phase\": \"evaluation\", \"seats\": 2 } ],\n"
  "  \"startups\": [ { \"uuid\": \"44444444-4444-4444-8444-444444444441\", "
    "\"name\": \"Nordlys Helse AS\" },\n"
  "                { \"uuid\": \"44444444-4444-4444-8444-444444444442\", "
    "\"name\": \"Fjordlys AS\" },\n"
  "                { \"uuid\": \"44444444-4444-4444-8444-444444444443\", "
    "\"name\": \"Havbris AS\" } ],\n"
  "  \"persons\": [ { \"uuid\": \"55555555-5555-4555-8555-555555555555\", "
    "\"name\": \"Kari Nordmann\" } ],\n"
  "  \"applications\": [\n"
  "    { \"uuid\": \"66666666-6666-4666-8666-666666666661\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"startup\": \"44444444-4444-4444-8444-444444444441\", \"title\": \"Tilsyn i hjemmet\", "
    "\"status\": \"in_review\" },\n"
  "    { \"uuid\": \"66666666-6666-4666-8666-666666666662\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"startup\": \"44444444-4444-4444-8444-444444444442\", \"title\": \"Snøkart\", "
    "\"status\": \"in_review\" },\n"
  "    { \"uuid\": \"66666666-6666-4666-8666-666666666663\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"startup\": \"44444444-4444-4444-8444-444444444443\", \"title\": \"Smart kantine\", "
    "\"status\": \"in_review\" } ],\n"
  "  \"rubrics\": [ { \"uuid\": \"88888888-8888-4888-8888-888888888888\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", \"scale_min\": 1, "
    "\"scale_max\": 7, \"aggregation\": \"mean\", \"normalisation\": \"none\", "
    "\"version\": 1 } ],\n"
  "  \"criteria\": [ { \"uuid\": \"99999999-9999-4999-8999-999999999991\", "
    "\"rubric\": \"88888888-8888-4888-8888-888888888888\", \"position\": 1, "
    "\"name\": \"Behov\", \"weight\": 1, \"kind\": \"scored\" } ],\n"
  "  \"evaluators\": [ { \"uuid\": \"77777777-7777-4777-8777-777777777777\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"person\": \"55555555-5555-4555-8555-555555555555\", \"role\": \"chair\" } ],\n"
  "  \"reviews\": [\n"
  "    { \"uuid\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1\", "
    "\"evaluator\": \"77777777-7777-4777-8777-777777777777\", "
    "\"application\": \"66666666-6666-4666-8666-666666666661\", \"state\": \"submitted\", "
    "\"submitted_at\": \"2026-11-01T10:00:00Z\", \"rubric_version\": 1 },\n"
  "    { \"uuid\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa2\", "
    "\"evaluator\": \"77777777-7777-4777-8777-777777777777\", "
    "\"application\": \"66666666-6666-4666-8666-666666666662\", \"state\": \"submitted\", "
    "\"submitted_at\": \"2026-11-01T10:00:00Z\", \"rubric_version\": 1 },\n"
  "    { \"uuid\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa3\", "
    "\"evaluator\": \"77777777-7777-4777-8777-777777777777\", "
    "\"application\": \"66666666-6666-4666-8666-666666666663\", \"state\": \"submitted\", "
    "\"submitted_at\": \"2026-11-01T10:00:00Z\", \"rubric_version\": 1 } ],\n"
  "  \"scores\": [\n"
  "    { \"uuid\": \"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1\", "
    "\"review\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1\", "
    "\"criterion\": \"99999999-9999-4999-8999-999999999991\", \"value\": 5 },\n"
  "    { \"uuid\": \"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb2\", "
    "\"review\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa2\", "
    "\"criterion\": \"99999999-9999-4999-8999-999999999991\", \"value\": 5 },\n"
  "    { \"uuid\": \"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb3\", "
    "\"review\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa3\", "
    "\"criterion\": \"99999999-9999-4999-8999-999999999991\", \"value\": 3 } ]\n"
  "}\n";

static void
test_rank_tie (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *file = g_build_filename (dir, "tied.json", NULL);
  g_autofree char *database = g_build_filename (dir, "tied.db", NULL);

  write_file (file, tied_backup);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import", file, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "rank", "--cohort", "33333333-3333-4333-8333-333333333333",
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("\n +1=  Tilsyn i hjemmet +Nordlys Helse AS +5\\.00  ",
                                         run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n +1=  Snøkart +Fjordlys AS +5\\.00  ", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n +3   Smart kantine +Havbris AS +3\\.00  ", run.out, 0,
                                         0));
    g_assert_nonnull (strstr (run.out, "“=”"));
  }
  {
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) root = NULL;
    JsonArray *apps;

    run_in (&run, dir, "-d", database, "rank", "--cohort", "33333333-3333-4333-8333-333333333333",
            "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_json (run.out);
    apps = json_object_get_array_member (json_node_get_object (root), "applications");
    g_assert_cmpuint (json_array_get_length (apps), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        JsonObject *app = json_array_get_object_element (apps, i);

        g_assert_cmpint (json_object_get_int_member (app, "rank"), ==, i < 2 ? 1 : 3);
        g_assert_cmpint (json_object_get_boolean_member (app, "tied"), ==, i < 2);
      }
  }
}

/* Assignments of the cohort that count (not declined), per application that
 * can be assigned (not ineligible or withdrawn): application → count. */
static GHashTable *
assignments_per_application (const char *database, const char *cohort)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);
  g_autoptr (GPtrArray) apps = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  apps = spire_store_list (store, &spire_kind_application, "cohort", cohort, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      const char *status = spire_record_get_text (app, "status");
      g_autoptr (GPtrArray) assignments = NULL;
      guint n = 0;

      if (g_str_equal (status, "ineligible") || g_str_equal (status, "withdrawn"))
        continue;
      assignments = spire_store_list (store, &spire_kind_assignment, "application",
                                      spire_record_get_uuid (app), &error);
      g_assert_no_error (error);
      for (guint j = 0; j < assignments->len; j++)
        n += !g_str_equal (spire_record_get_text (assignments->pdata[j], "state"), "declined");
      g_hash_table_insert (counts, g_strdup (spire_record_get_uuid (app)), GUINT_TO_POINTER (n));
    }
  return counts;
}

/* The panel members of @cohort who are not observers (evaluator UUIDs). */
static GPtrArray *
scoring_members (const char *dir, const char *database, const char *cohort)
{
  g_autoptr (JsonNode) root = list_json (dir, database, "evaluators", cohort);
  JsonArray *array = json_node_get_array (root);
  GPtrArray *members = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *ev = json_array_get_object_element (array, i);

      if (!g_str_equal (json_object_get_string_member (ev, "role"), "observer"))
        g_ptr_array_add (members, g_strdup (json_object_get_string_member (ev, "uuid")));
    }
  return members;
}

/* The load table "assign" prints: member name → number, checked against the store. */
static void
assert_load_table (const char *out, const char *database, GPtrArray *members)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr (GRegex) row = g_regex_new ("^  (\\S.*?) +([0-9]+)$", 0, 0, NULL);
  guint header = 0, n_rows = 0;
  guint64 lowest = G_MAXUINT64, highest = 0;

  g_assert_no_error (error);
  while (lines[header] && !g_str_equal (lines[header], "Assignments per panel member:"))
    header++;
  g_assert_nonnull (lines[header]);
  for (guint i = header + 1; lines[i] && *lines[i]; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *name = NULL;
      g_autofree char *number = NULL;
      guint64 load;
      gboolean found = FALSE;

      g_assert_true (g_regex_match (row, lines[i], 0, &match));
      name = g_match_info_fetch (match, 1);
      number = g_match_info_fetch (match, 2);
      load = g_ascii_strtoull (number, NULL, 10);
      lowest = MIN (lowest, load);
      highest = MAX (highest, load);
      /* Numbers right-aligned: every row as long as the first. */
      g_assert_cmpuint (g_utf8_strlen (lines[i], -1), ==, g_utf8_strlen (lines[header + 1], -1));
      for (guint m = 0; m < members->len && !found; m++)
        {
          g_autofree char *member = spire_evaluator_get_name (store, members->pdata[m]);

          if (g_str_equal (member, name))
            {
              g_autoptr (GPtrArray) assignments = spire_store_list (store, &spire_kind_assignment,
                                                                    "evaluator", members->pdata[m],
                                                                    NULL);
              found = TRUE;
              g_assert_cmpuint (assignments->len, ==, load);
            }
        }
      g_assert_true (found);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, members->len);
  /* Loads within one of each other. */
  g_assert_cmpuint (highest - lowest, <=, 1);
}

static void
test_assign (void)
{
  static const char *const evaluation[] = { "evaluation", NULL };
  static const char *const screening[] = { "screening", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, evaluation);
  g_autofree char *fresh = demo_cohort (dir, database, screening);
  g_autoptr (GPtrArray) members = scoring_members (dir, database, cohort);

  g_assert_cmpuint (members->len, >=, 2);
  {
    /* two per application: the demo's evaluation cohort has more already, so it keeps them */
    g_auto (Run) run = { 0 };
    g_autoptr (GHashTable) before = assignments_per_application (database, cohort);
    g_autoptr (GHashTable) after = NULL;
    GHashTableIter iter;
    gpointer key, value;
    guint expected = 0;

    g_assert_cmpuint (g_hash_table_size (before), >, 0);
    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &key, &value))
      expected += GPOINTER_TO_UINT (value) < 2 ? 2 - GPOINTER_TO_UINT (value) : 0;

    run_in (&run, dir, "-d", database, "assign", "--cohort", cohort, "--per-application", "2",
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    if (expected == 0)
      g_assert_nonnull (strstr (run.out, "No assignments were needed"));
    else
      {
        g_autofree char *added = g_strdup_printf ("Added %u assignment", expected);

        g_assert_nonnull (strstr (run.out, added));
      }
    g_assert_nonnull (strstr (run.out, "at least 2 panel members"));
    after = assignments_per_application (database, cohort);
    g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
    g_hash_table_iter_init (&iter, after);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), >=, 2);
    assert_load_table (run.out, database, members);
  }
  {
    /* a cohort without assignments: exactly two each, loads even */
    g_auto (Run) run = { 0 };
    g_autoptr (GPtrArray) fresh_members = scoring_members (dir, database, fresh);
    g_autoptr (GHashTable) before = assignments_per_application (database, fresh);
    g_autoptr (GHashTable) after = NULL;
    g_autofree char *added = g_strdup_printf ("Added %u assignments in ",
                                              2 * g_hash_table_size (before));
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 0);
    run_in (&run, dir, "-d", database, "assign", "--cohort", fresh, "--per-application", "2",
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, added));
    after = assignments_per_application (database, fresh);
    g_hash_table_iter_init (&iter, after);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 2);
    assert_load_table (run.out, database, fresh_members);
  }
  {
    /* more than the panel has: refused with the reason, nothing assigned */
    g_auto (Run) run = { 0 };
    g_autofree char *before = export_without_time (dir, database);
    g_autofree char *after = NULL;

    run_in (&run, dir, "-d", database, "assign", "--cohort", cohort, "--per-application", "99",
            NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "99"));
    g_assert_nonnull (strstr (run.err, "panel"));
    after = export_without_time (dir, database);
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* every scoring member on every application */
    g_auto (Run) run = { 0 };
    g_autofree char *k = g_strdup_printf ("%u", members->len);
    g_autoptr (GHashTable) after = NULL;
    GHashTableIter iter;
    gpointer key, value;

    run_in (&run, dir, "-d", database, "assign", "--cohort", cohort, "--per-application", k,
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    after = assignments_per_application (database, cohort);
    g_hash_table_iter_init (&iter, after);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, members->len);
    assert_load_table (run.out, database, members);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "assign", "--cohort",
            "99999999-9999-4999-8999-999999999999", NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "99999999-9999-4999-8999-999999999999"));
  }
}

/* The panel member's side, which spire-cli does not have: opens @package in
 * an evaluator database of its own (@edb), submits a review of each
 * application in it that @skip does not hold, and exports the signed score
 * sheet to @sheet.  Returns how many reviews it wrote. */
static guint
score_package (const char *package, const char *edb, GHashTable *skip, const char *sheet)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_package_open_file (package, edb, &error);
  g_autofree char *cohort = NULL;
  g_autofree char *evaluator = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  gint64 low, high;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (spire_package_get_info (store, NULL, &cohort, &evaluator, &error));
  g_assert_no_error (error);
  apps = spire_panel_list_visible_applications (store, evaluator, &error);
  g_assert_no_error (error);
  rubric = spire_rubric_get_for_cohort (store, cohort, &error);
  g_assert_no_error (error);
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), &error);
  g_assert_no_error (error);
  low = spire_record_get_int (rubric, "scale_min");
  high = spire_record_get_int (rubric, "scale_max");

  for (guint i = 0; i < apps->len; i++)
    {
      const char *app = spire_record_get_uuid (apps->pdata[i]);
      g_autoptr (SpireRecord) review = NULL;
      g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);

      if (skip && g_hash_table_contains (skip, app))
        continue;
      review = spire_review_open (store, evaluator, app, &error);
      g_assert_no_error (error);
      for (guint c = 0; c < criteria->len; c++)
        {
          SpireRecord *criterion = criteria->pdata[c];
          SpireRecord *score;

          if (g_str_equal (spire_record_get_text (criterion, "kind"), "gate"))
            continue;
          score = spire_record_new (&spire_kind_score);
          spire_record_set_text (score, "criterion", spire_record_get_uuid (criterion));
          spire_record_set_real (score, "value", (double) (low + (i + c) % (high - low + 1)));
          g_ptr_array_add (scores, score);
        }
      spire_record_set_text (review, "recommendation", "maybe");
      spire_record_set_text (review, "summary", "Godt team, uklart marked");
      g_assert_true (spire_review_save_draft (store, review, scores, &error));
      g_assert_no_error (error);
      g_assert_true (spire_review_submit (store, spire_record_get_uuid (review), &error));
      g_assert_no_error (error);
      n++;
    }
  g_assert_true (spire_package_export_sheet_file (store, sheet, &error));
  g_assert_no_error (error);
  return n;
}

/* The applications @evaluator has a review of in @database. */
static GHashTable *
reviewed_by (const char *database, const char *evaluator)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);
  g_autoptr (GPtrArray) reviews = NULL;
  GHashTable *apps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  reviews = spire_store_list (store, &spire_kind_review, "evaluator", evaluator, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    g_hash_table_add (apps, g_strdup (spire_record_get_text (reviews->pdata[i], "application")));
  return apps;
}

/* @root, edited, written to @path. */
static void
write_json_file (const char *path, JsonNode *root)
{
  g_autofree char *text = json_to_string (root, TRUE);

  write_file (path, text);
}

/* /cli/package: one panel member's package out and score sheet back in,
 * a package_* function a step, in order.  A PackageWalk holds what the
 * steps share. */

typedef struct
{
  char *dir;
  char *database;
  char *cohort;
  GPtrArray *members;
  const char *evaluator; /* the first member */
  /* The files */
  char *package;
  char *edb;
  char *sheet;
  char *tampered;
  char *outside;
  char *other_member;
  /* What the steps learn */
  char *email;
  char *observer;
  char *token;
  char *package_text;
  guint n_assigned;
  guint n_reviews;
  gint64 reviews_before;
} PackageWalk;

static void
package_walk_clear (PackageWalk *p)
{
  g_free (p->dir);
  g_free (p->database);
  g_free (p->cohort);
  g_ptr_array_unref (p->members);
  g_free (p->package);
  g_free (p->edb);
  g_free (p->sheet);
  g_free (p->tampered);
  g_free (p->outside);
  g_free (p->other_member);
  g_free (p->email);
  g_free (p->observer);
  g_free (p->token);
  g_free (p->package_text);
}

/* Every member on every application, and what the first one has */
static void
package_setup (PackageWalk *p)
{
  g_assert_cmpuint (p->members->len, >=, 2);
  p->evaluator = p->members->pdata[0];
  {
    /* every member on every application, so that each has some not reviewed yet */
    g_auto (Run) run = { 0 };
    g_autofree char *k = g_strdup_printf ("%u", p->members->len);

    run_in (&run, p->dir, "-d", p->database, "assign", "--cohort", p->cohort,
            "--per-application", k, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (SpireStore) store = spire_store_open (p->database, &error);
    g_autoptr (SpireRecord) ev = spire_store_get (store, &spire_kind_evaluator, p->evaluator,
                                                  &error);
    g_autoptr (SpireRecord) person = NULL;
    g_autoptr (GPtrArray) panel = NULL;
    g_autoptr (GHashTable) apps = assignments_per_application (p->database, p->cohort);

    g_assert_no_error (error);
    person = spire_store_get (store, &spire_kind_person, spire_record_get_text (ev, "person"),
                              &error);
    g_assert_no_error (error);
    g_assert_false (spire_record_is_null (person, "email"));
    /* given in capitals: e-mail addresses are matched without case */
    p->email = g_ascii_strup (spire_record_get_text (person, "email"), -1);
    panel = spire_panel_list (store, p->cohort, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < panel->len && p->observer == NULL; i++)
      if (g_str_equal (spire_record_get_text (panel->pdata[i], "role"), "observer"))
        p->observer = g_strdup (spire_record_get_uuid (panel->pdata[i]));
    p->n_assigned = g_hash_table_size (apps);
    p->reviews_before = spire_store_count (store, &spire_kind_review, "evaluator", p->evaluator);
  }
}

/* The package, by e-mail address */
static void
package_export (PackageWalk *p)
{
  g_auto (Run) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *holds = g_strdup_printf ("It holds %u applications", p->n_assigned);
  GStatBuf st;

  run_in (&run, p->dir, "-d", p->database, "package", "export", "--cohort", p->cohort,
          "--evaluator", p->email, "-o", p->package, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "pakke.json"));
  g_assert_nonnull (strstr (run.out, holds));
  p->package_text = read_file (p->package, NULL);
  root = parse_json (p->package_text);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "format"), ==,
                   "spire-evaluation-package");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_node_get_object (root), "evaluator"),
                     "uuid"),
                   ==, p->evaluator);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "applications")),
                    ==, p->n_assigned);
  p->token = g_strdup (json_object_get_string_member (json_node_get_object (root), "token"));
  /* it holds a secret: readable by its owner only */
  g_assert_cmpint (g_stat (p->package, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Exported again: refused over the file unless forced; refused for
 * someone who may not have one */
static void
package_export_again (PackageWalk *p)
{
  {
    /* again: the file is there, so it is refused and left as it was */
    g_auto (Run) run = { 0 };
    g_autofree char *now = NULL;

    run_in (&run, p->dir, "-d", p->database, "package", "export", "--cohort", p->cohort,
            "--evaluator", p->evaluator, "-o", p->package, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "--force"));
    now = read_file (p->package, NULL);
    g_assert_cmpstr (now, ==, p->package_text);
  }
  {
    /* --force replaces it, by UUID this time */
    g_auto (Run) run = { 0 };
    g_autofree char *now = NULL;

    run_in (&run, p->dir, "-d", p->database, "package", "export", "--force", "--cohort",
            p->cohort, "--evaluator", p->evaluator, "--output", p->package, NULL);
    g_assert_cmpint (run.status, ==, 0);
    now = read_file (p->package, NULL);
    g_assert_cmpstr (now, !=, p->package_text);
  }
  {
    /* refusals: an observer, someone not on the panel, an unknown e-mail address */
    const char *const givens[] = { p->observer, "99999999-9999-4999-8999-999999999999",
                                   "nobody@example.org" };
    const char *const reasons[] = { "observer", "99999999-9999-4999-8999-999999999999",
                                    "nobody@example.org" };
    g_autofree char *refused_file = g_build_filename (p->dir, "refused.json", NULL);

    g_assert_nonnull (p->observer);
    for (guint i = 0; i < G_N_ELEMENTS (givens); i++)
      {
        g_auto (Run) run = { 0 };

        run_in (&run, p->dir, "-d", p->database, "package", "export", "--cohort", p->cohort,
                "--evaluator", givens[i], "-o", refused_file, NULL);
        assert_refused (&run);
        g_assert_nonnull (strstr (run.err, reasons[i]));
        g_assert_false (g_file_test (refused_file, G_FILE_TEST_EXISTS));
      }
  }
}

/* The panel member scores what they had not reviewed before, and sends the sheet. */
static void
package_import (PackageWalk *p)
{
  {
    g_autoptr (GHashTable) skip = reviewed_by (p->database, p->evaluator);

    p->n_reviews = score_package (p->package, p->edb, skip, p->sheet);
    g_assert_cmpuint (p->n_reviews, >, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *added = g_strdup_printf ("\n  Added +%u\n", p->n_reviews);

    run_in (&run, p->dir, "-d", p->database, "package", "import", p->sheet, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "“ark.json”"));
    g_assert_true (g_regex_match_simple (added, run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n  Updated +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n  Unchanged +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n  Kept +0\n", run.out, 0, 0));
    g_assert_cmpint (count_in (p->database, "reviews", "evaluator", p->evaluator), ==,
                     p->reviews_before + p->n_reviews);
  }
  {
    /* twice: nothing changes */
    g_auto (Run) run = { 0 };
    g_autofree char *before = export_without_time (p->dir, p->database);
    g_autofree char *after = NULL;
    g_autofree char *unchanged = g_strdup_printf ("\n  Unchanged +%u\n", p->n_reviews);

    run_in (&run, p->dir, "-d", p->database, "package", "import", p->sheet, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("\n  Added +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple (unchanged, run.out, 0, 0));
    after = export_without_time (p->dir, p->database);
    g_assert_cmpstr (before, ==, after);
  }
}

/* Three sheets made from the good one that must be refused */
static void
package_bad_sheets (PackageWalk *p)
{
  {
    /* one byte changed: the signature does not match */
    g_autofree char *text = read_file (p->sheet, NULL);
    char *at = strstr (text, "Godt team");

    g_assert_nonnull (at);
    at[3] = 's';
    write_file (p->tampered, text);
  }
  {
    /* a value outside the scale, signed again with the member's token */
    g_autofree char *text = read_file (p->sheet, NULL);
    g_autoptr (JsonNode) root = parse_json (text);
    JsonObject *o = json_node_get_object (root);
    JsonObject *review = json_array_get_object_element (json_object_get_array_member (o,
                                                                                      "reviews"),
                                                        0);
    JsonObject *score = json_array_get_object_element (json_object_get_array_member (review,
                                                                                      "scores"),
                                                       0);
    g_autofree char *signature = NULL;

    json_object_set_int_member (score, "value", 99);
    signature = spire_package_sign (o, p->token);
    g_assert_nonnull (signature);
    json_object_set_string_member (o, "signature", signature);
    write_json_file (p->outside, root);
  }
  {
    /* from another panel member than the package was made for */
    g_autofree char *text = read_file (p->sheet, NULL);
    g_autoptr (JsonNode) root = parse_json (text);

    json_object_set_string_member (json_node_get_object (root), "evaluator",
                                   p->members->pdata[1]);
    write_json_file (p->other_member, root);
  }
}

/* The bad sheets refused, alone and among good ones; the good sheet
 * refused where it does not belong */
static void
package_refused_imports (PackageWalk *p)
{
  {
    const char *const files[] = { p->tampered, p->outside, p->other_member };
    const char *const reasons[] = { "signature", "outside the scale", "package was made for" };
    g_autofree char *before = export_without_time (p->dir, p->database);
    g_autofree char *after = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_auto (Run) run = { 0 };

        run_in (&run, p->dir, "-d", p->database, "package", "import", files[i], NULL);
        assert_refused (&run);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_nonnull (strstr (run.err, reasons[i]));
        g_assert_nonnull (strstr (run.err, "Nothing was imported"));
      }
    after = export_without_time (p->dir, p->database);
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* several files: each on its own; one refused makes the exit status 1 */
    g_auto (Run) run = { 0 };

    run_in (&run, p->dir, "-d", p->database, "package", "import", p->tampered, p->sheet, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "endret.json"));
    g_assert_nonnull (strstr (run.err, "signature"));
    g_assert_nonnull (strstr (run.err, "1 of 2 score sheets was refused"));
    g_assert_nonnull (strstr (run.out, "“ark.json”"));
    g_assert_null (strstr (run.out, "endret.json"));
  }
  {
    /* into a database the package was not exported from */
    g_auto (Run) run = { 0 };
    g_autofree char *sample = sample_database (p->dir);

    run_in (&run, p->dir, "-d", sample, "package", "import", p->sheet, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "not exported from this database"));
  }
}

/* An application taken from the member since the sheet was made */
static void
package_unassigned (PackageWalk *p)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = read_file (p->sheet, NULL);
  g_autoptr (JsonNode) root = parse_json (text);
  JsonArray *reviews = json_object_get_array_member (json_node_get_object (root), "reviews");
  const char *app = json_object_get_string_member (json_array_get_object_element (reviews, 0),
                                                   "application");
  g_autoptr (SpireStore) store = spire_store_open (p->database, &error);

  g_assert_no_error (error);
  g_assert_true (spire_unassign (store, p->evaluator, app, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run_in (&run, p->dir, "-d", p->database, "package", "import", p->sheet, NULL);
  assert_refused (&run);
  g_assert_nonnull (strstr (run.err, "is not assigned"));
  g_assert_nonnull (strstr (run.err, "ark.json"));
}

static void
test_package (void)
{
  static const char *const evaluation[] = { "evaluation", NULL };
  PackageWalk p = { 0 };

  p.dir = test_dir ();
  p.database = demo_database (p.dir);
  p.cohort = demo_cohort (p.dir, p.database, evaluation);
  p.members = scoring_members (p.dir, p.database, p.cohort);
  p.package = g_build_filename (p.dir, "pakke.json", NULL);
  p.edb = g_build_filename (p.dir, "evaluator.db", NULL);
  p.sheet = g_build_filename (p.dir, "ark.json", NULL);
  p.tampered = g_build_filename (p.dir, "endret.json", NULL);
  p.outside = g_build_filename (p.dir, "utenfor.json", NULL);
  p.other_member = g_build_filename (p.dir, "annen.json", NULL);

  package_setup (&p);
  package_export (&p);
  package_export_again (&p);
  package_import (&p);
  package_bad_sheets (&p);
  package_refused_imports (&p);
  package_unassigned (&p);
  package_walk_clear (&p);
}

int
main (int argc, char **argv)
{
  if (!cli_fixture_init (&argc, &argv))
    return 1;

  g_test_add_func ("/cli/rank", test_rank);
  g_test_add_func ("/cli/rank-tie", test_rank_tie);
  g_test_add_func ("/cli/assign", test_assign);
  g_test_add_func ("/cli/package", test_package);

  return cli_fixture_run ();
}
