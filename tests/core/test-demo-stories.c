/* test-demo-stories.c — the sample data tells issue 8's follow-up stories
 *
 * The SmartOslo-type cohort's funnel 80 → 4 → 2 signed + 2 negotiating, the
 * welfare-technology solution spreading from St. Hanshaugen to more than 50
 * municipalities with gains, the innovation partnership in four phases with
 * its purchase option, the need-first winner's six-month MVP contract, and
 * an investment on every cohort — for several seeds of the small set, and
 * for the large set with `-m slow` or SPIRE_TEST_LARGE=1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-helpers.h"

#define KR(n) ((gint64) (n) * 100)

static SpireStore *
filled (const char *dir, guint32 seed, SpireDemoSize size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "stories.db", NULL);
  SpireStore *store = spire_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (spire_demo_fill (store, seed, size, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static GPtrArray *
list (SpireStore *store, const SpireKind *kind, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records = spire_store_list (store, kind, field, value, &error);

  g_assert_no_error (error);
  return records;
}

static SpireRecord *
get (SpireStore *store, const SpireKind *kind, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  SpireRecord *r = spire_store_get (store, kind, uuid, &error);

  g_assert_no_error (error);
  return r;
}

static const char *
program_kind_of_cohort (SpireStore *store, SpireRecord *cohort)
{
  g_autoptr (SpireRecord) program =
      get (store, &spire_kind_program, spire_record_get_text (cohort, "program"));
  static char kind[64];

  g_strlcpy (kind, spire_record_get_text (program, "kind"), sizeof kind);
  return kind;
}

/* The kind of the program a deal's application was made to. */
static const char *
deal_program_kind (SpireStore *store, SpireRecord *deal)
{
  g_autoptr (SpireRecord) application =
      get (store, &spire_kind_application, spire_record_get_text (deal, "application"));
  g_autoptr (SpireRecord) cohort =
      get (store, &spire_kind_cohort, spire_record_get_text (application, "cohort"));

  return program_kind_of_cohort (store, cohort);
}

/* The SmartOslo-type cohort: the accelerator's cohort in follow-up. */
static SpireRecord *
hero_cohort (SpireStore *store)
{
  g_autoptr (GPtrArray) cohorts = list (store, &spire_kind_cohort, "phase", "follow_up");

  for (guint i = 0; i < cohorts->len; i++)
    if (g_str_equal (program_kind_of_cohort (store, cohorts->pdata[i]), "accelerator") &&
        spire_store_count (store, &spire_kind_application, "cohort",
                           spire_record_get_text (cohorts->pdata[i], "uuid")) == 80)
      return g_object_ref (cohorts->pdata[i]);
  g_assert_not_reached ();
}

static void
check_hero_funnel (SpireStore *store)
{
  g_autoptr (SpireRecord) cohort = hero_cohort (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) deals = NULL;
  SpireFunnel funnel = { 0 };
  guint signed_purchase = 0, signed_partnership = 0;

  g_assert_true (spire_funnel_for_cohort (store, spire_record_get_text (cohort, "uuid"),
                                          &funnel, &error));
  g_assert_no_error (error);
  g_assert_cmpint (funnel.applied, ==, 80);
  g_assert_cmpint (funnel.accepted, ==, 4);
  g_assert_cmpint (funnel.signed_, ==, 2);
  g_assert_cmpint (funnel.negotiating, ==, 2);
  g_assert_cmpint (funnel.in_dialogue, ==, 0);

  /* The two that signed: one purchase, one innovation partnership. */
  deals = spire_deals_list (store, spire_record_get_text (cohort, "uuid"), NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deals->len; i++)
    {
      SpireRecord *deal = deals->pdata[i];

      if (!spire_deal_stage_is_signed (spire_record_get_text (deal, "stage")))
        continue;
      signed_purchase += g_str_equal (spire_record_get_text (deal, "kind"), "purchase");
      signed_partnership +=
          g_str_equal (spire_record_get_text (deal, "kind"), "innovation_partnership");
    }
  g_assert_cmpuint (signed_purchase, ==, 1);
  g_assert_cmpuint (signed_partnership, ==, 1);
}

static void
check_solution_deal (SpireStore *store, SpireRecord *deal, guint *n_small)
{
  g_autoptr (SpireRecord) body =
      get (store, &spire_kind_public_body, spire_record_get_text (deal, "public_body"));
  gint64 value = spire_record_get_int (deal, "value");

  g_assert_cmpstr (spire_record_get_text (deal, "kind"), ==, "purchase");
  if (!g_str_equal (spire_record_get_text (body, "name"), "Oslo kommune"))
    {
      g_assert_cmpstr (spire_record_get_text (deal, "procedure"), ==, "direct_award");
      g_assert_cmpint (value, >=, KR (10000));
      g_assert_cmpint (value, <=, KR (15000));
      *n_small += 1;
    }
  g_assert_cmpint (spire_store_count (store, &spire_kind_gain, "deal",
                                      spire_record_get_text (deal, "uuid")), >=, 1);
}

static void
check_solution_spread (SpireStore *store)
{
  g_autoptr (GPtrArray) solutions = list (store, &spire_kind_solution, NULL, NULL);
  g_autoptr (SpireSolutionReach) reach = NULL;
  g_autoptr (GPtrArray) deals = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = hero_cohort (store);
  g_autoptr (SpireImpact) impact = NULL;
  const char *uuid = NULL;
  guint municipalities = 0, n_small = 0;

  for (guint i = 0; i < solutions->len; i++)
    if (g_str_equal (spire_record_get_text (solutions->pdata[i], "name"),
                     "Trygg hjemme – digitalt tilsyn"))
      uuid = spire_record_get_text (solutions->pdata[i], "uuid");
  g_assert_nonnull (uuid);

  reach = spire_solution_reach (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reach->buyers->len, >=, 51);
  g_assert_cmpstr (((SpireBuyer *) reach->buyers->pdata[0])->body_name, ==,
                   "Bydel St. Hanshaugen");
  /* Over several years, slowly at first. */
  g_assert_cmpint (spire_days_between (
                       ((SpireBuyer *) reach->buyers->pdata[0])->first_signed,
                       ((SpireBuyer *) reach->buyers->pdata[reach->buyers->len - 1])
                           ->first_signed),
                   >=, 4 * 365);
  g_assert_cmpint (reach->days_to_2nd, >, 90);
  g_assert_cmpint (reach->days_to_10th, >, reach->days_to_2nd);
  for (guint i = 0; i < reach->buyers->len; i++)
    {
      g_autoptr (SpireRecord) body = get (store, &spire_kind_public_body,
                                          ((SpireBuyer *) reach->buyers->pdata[i])->body_uuid);

      municipalities += g_str_equal (spire_record_get_text (body, "kind"), "municipality");
      g_assert_cmpuint (strlen (spire_record_get_text (body, "kommunenummer")), ==, 4);
    }
  g_assert_cmpuint (municipalities, >, 50);

  deals = list (store, &spire_kind_deal, "solution", uuid);
  for (guint i = 0; i < deals->len; i++)
    check_solution_deal (store, deals->pdata[i], &n_small);
  g_assert_cmpuint (n_small, >, 50);

  /* The program's impact has a ratio of gains to investment. */
  impact = spire_program_impact (store, spire_record_get_text (cohort, "program"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (impact->invested, >, 0);
  g_assert_cmpint (impact->gains_realised, >, 0);
  g_assert_true (isfinite (impact->ratio_realised) && impact->ratio_realised > 0);
  g_assert_cmpuint (impact->solutions->len, >=, 1);
}

/* One innovation partnership in four phases, the first passed within its
 * maximum cost, the rest planned; its purchase option is refused. */
static void
check_partnership (SpireStore *store)
{
  g_autoptr (GPtrArray) deals = list (store, &spire_kind_deal, "kind", "innovation_partnership");
  g_autoptr (GError) error = NULL;
  guint found = 0;

  for (guint i = 0; i < deals->len; i++)
    {
      const char *uuid = spire_record_get_text (deals->pdata[i], "uuid");
      g_autoptr (GPtrArray) phases = list (store, &spire_kind_deal_phase, "deal", uuid);
      g_autofree char *refusal = NULL;
      guint passed = 0, planned = 0;

      if (phases->len != 4)
        continue;
      found++;
      g_assert_false (spire_record_is_null (deals->pdata[i], "option_value"));
      g_assert_false (spire_record_get_bool (deals->pdata[i], "option_exercised"));
      for (guint k = 0; k < phases->len; k++)
        {
          SpireRecord *phase = phases->pdata[k];

          if (g_str_equal (spire_record_get_text (phase, "state"), "passed"))
            {
              passed++;
              g_assert_cmpstr (spire_record_get_text (phase, "name"), ==, "Behovsavklaring");
              g_assert_false (spire_record_is_null (phase, "actual_on"));
              g_assert_cmpint (spire_record_get_int (phase, "cost"), <=,
                               spire_record_get_int (phase, "max_cost"));
            }
          else
            planned += g_str_equal (spire_record_get_text (phase, "state"), "planned");
        }
      g_assert_cmpuint (passed, ==, 1);
      g_assert_cmpuint (planned, ==, 3);
      refusal = spire_deal_option_refusal (store, uuid, &error);
      g_assert_no_error (error);
      g_assert_nonnull (refusal);
    }
  g_assert_cmpuint (found, ==, 1);
}

/* The need-first winners: a six-month MVP contract under the national
 * threshold, dialogue → signed → delivering. */
static void
check_mvp_contract (SpireStore *store)
{
  g_autoptr (GPtrArray) deals = list (store, &spire_kind_deal, "procedure", "mvp_contract");
  g_autoptr (GError) error = NULL;
  guint delivered = 0;

  g_assert_cmpuint (deals->len, >=, 1);
  for (guint i = 0; i < deals->len; i++)
    {
      SpireRecord *deal = deals->pdata[i];
      g_autoptr (SpireDealStatus) status = NULL;
      SpireDealStep *step;

      g_assert_cmpstr (spire_record_get_text (deal, "kind"), ==, "development_contract");
      g_assert_cmpint (spire_record_get_int (deal, "value"), <, KR (1300000));
      g_assert_cmpstr (deal_program_kind (store, deal), ==, "need_first");
      if (!g_str_equal (spire_record_get_text (deal, "stage"), "delivering"))
        continue;
      status = spire_deal_get_status (store, spire_record_get_text (deal, "uuid"), NULL,
                                      &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status->steps->len, ==, 3);
      g_assert_cmpstr (((SpireDealStep *) status->steps->pdata[0])->stage, ==, "dialogue");
      step = status->steps->pdata[1];
      g_assert_cmpstr (step->stage, ==, "signed");
      g_assert_cmpint (step->days, >=, 170);
      g_assert_cmpint (step->days, <=, 200);
      g_assert_cmpstr (((SpireDealStep *) status->steps->pdata[2])->stage, ==, "delivering");
      delivered++;
    }
  g_assert_cmpuint (delivered, >=, 1);
}

/* Every cohort has what the program spent on it; every deal has its events;
 * every signed deal with a value has its gains, and a procedure unless it
 * is a letter of intent (no procurement yet). */
static void
check_every_cohort_and_deal (SpireStore *store)
{
  g_autoptr (GPtrArray) cohorts = list (store, &spire_kind_cohort, NULL, NULL);
  g_autoptr (GPtrArray) deals = list (store, &spire_kind_deal, NULL, NULL);

  for (guint i = 0; i < cohorts->len; i++)
    {
      g_assert_false (spire_record_is_null (cohorts->pdata[i], "invested"));
      g_assert_cmpint (spire_record_get_int (cohorts->pdata[i], "invested"), >=, KR (1000000));
    }
  for (guint i = 0; i < deals->len; i++)
    {
      SpireRecord *deal = deals->pdata[i];
      const char *uuid = spire_record_get_text (deal, "uuid");

      g_assert_cmpint (spire_store_count (store, &spire_kind_deal_event, "deal", uuid), >=, 1);
      if (!g_str_equal (spire_record_get_text (deal, "kind"), "letter_of_intent"))
        g_assert_false (spire_record_is_null (deal, "procedure"));
      if (spire_deal_stage_is_signed (spire_record_get_text (deal, "stage")) &&
          !spire_record_is_null (deal, "value") && spire_record_get_int (deal, "value") > 0)
        g_assert_cmpint (spire_store_count (store, &spire_kind_gain, "deal", uuid), >=, 1);
    }
}

static void
check_all (SpireStore *store)
{
  check_hero_funnel (store);
  check_solution_spread (store);
  check_partnership (store);
  check_mvp_contract (store);
  check_every_cohort_and_deal (store);
}

static void
test_small_stories (void)
{
  static const guint32 seeds[] = { 1, 42, 2024, 7 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      char *dir = test_tmpdir_new ();
      g_autoptr (SpireStore) store = filled (dir, seeds[i], SPIRE_DEMO_SMALL);

      g_test_message ("seed %u", seeds[i]);
      check_all (store);
      g_clear_object (&store);
      test_tmpdir_free (dir);
    }
}

static void
test_large_stories (void)
{
  char *dir;
  g_autoptr (SpireStore) store = NULL;

  if (!g_test_slow () && g_getenv ("SPIRE_TEST_LARGE") == NULL)
    {
      g_test_skip ("slow: run with -m slow or SPIRE_TEST_LARGE=1");
      return;
    }
  dir = test_tmpdir_new ();
  store = filled (dir, 42, SPIRE_DEMO_LARGE);
  check_all (store);
  g_assert_cmpint (spire_store_count (store, &spire_kind_deal, NULL, NULL), ==, 2000);
  g_clear_object (&store);
  test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/stories/small", test_small_stories);
  g_test_add_func ("/demo/stories/large", test_large_stories);

  return g_test_run ();
}
