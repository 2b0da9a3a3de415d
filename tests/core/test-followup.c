/* test-followup.c — deals, their history, the pipeline, hints, phases and
 * the purchase option, gains and impact, solutions, the funnel — against
 * values counted by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-core.h"
#include "spire-schema-private.h"
#include "test-helpers.h"

typedef struct
{
  SpireStore *store;
  GPtrArray *strings;
  const char *program, *cohort, *oslo, *state, *district;
  const char *apps[10];
  const char *startups[10];
  char *dir; /* a file store's folder, when the test runs on a file */
} F;

static const char *
keep (F *f, char *s)
{
  g_ptr_array_add (f->strings, s);
  return s;
}

static const char *
add (F *f, const SpireKind *kind, ...)
{
  va_list ap;
  char *uuid;

  va_start (ap, kind);
  uuid = test_add_from_text (f->store, kind, ap);
  va_end (ap);
  return keep (f, uuid);
}

/* A program with one cohort of ten applications: two ineligible, one
 * withdrawn, three accepted, the rest in review or rejected; five of them
 * have a submitted review, a sixth only a draft. */
static void
f_setup (F *f, gconstpointer data)
{
  static const char *const statuses[10] = {
    "accepted", "accepted", "accepted", "ineligible", "ineligible",
    "withdrawn", "in_review", "rejected", "rejected", "in_review",
  };
  g_autoptr (GError) error = NULL;
  const char *person, *evaluator;

  if (data != NULL)
    {
      g_autofree char *path = NULL;

      f->dir = test_tmpdir_new ();
      path = g_build_filename (f->dir, "followup.db", NULL);
      f->store = spire_store_open (path, &error);
    }
  else
    f->store = spire_store_new_memory (&error);
  g_assert_no_error (error);
  f->strings = g_ptr_array_new_with_free_func (g_free);
  f->program = add (f, &spire_kind_program, "name", "SmartOslo Accelerator", "kind",
                    "accelerator", NULL);
  f->cohort = add (f, &spire_kind_cohort, "program", f->program, "name", "Kull 2026",
                   "phase", "follow_up", "seats", "4", "invested", "1000000000", NULL);
  f->oslo = add (f, &spire_kind_public_body, "name", "Oslo kommune", "kind", "municipality",
                 NULL);
  f->district = add (f, &spire_kind_public_body, "name", "Bydel St. Hanshaugen", "kind",
                     "city_district", "parent", f->oslo, NULL);
  f->state = add (f, &spire_kind_public_body, "name", "Digitaliseringsdirektoratet", "kind",
                  "state_agency", NULL);
  person = add (f, &spire_kind_person, "name", "Kari Nordmann", "email", "kari@example.no", NULL);
  evaluator = add (f, &spire_kind_evaluator, "person", person, "cohort", f->cohort, "role",
                   "member", NULL);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Startup %u AS", i);

      f->startups[i] = add (f, &spire_kind_startup, "name", name, NULL);
      f->apps[i] = add (f, &spire_kind_application, "cohort", f->cohort, "startup",
                        f->startups[i], "title", name, "status", statuses[i], NULL);
      if (i < 5 || i == 6)
        add (f, &spire_kind_review, "evaluator", evaluator, "application", f->apps[i], "state",
             i == 6 ? "draft" : "submitted", NULL);
    }
}

static void
f_teardown (F *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_ptr_array_unref (f->strings);
  if (f->dir)
    test_tmpdir_free (g_steal_pointer (&f->dir));
}

static SpireRecord *
deal_new (F *f, guint app, const char *buyer, const char *kind, const char *stage,
          gint64 value_kr, const char *procedure, const char *date)
{
  SpireDealSpec spec = { 0 };
  g_autoptr (GError) error = NULL;
  SpireRecord *deal;

  spec.application = app < 10 ? f->apps[app] : NULL;
  spec.startup = app < 10 ? NULL : f->startups[0];
  spec.buyer = buyer;
  spec.kind = kind;
  spec.stage = stage;
  spec.value = value_kr < 0 ? SPIRE_INT_NONE : value_kr * 100;
  spec.procedure = procedure;
  spec.date = date;
  deal = spire_deal_create (f->store, &spec, &error);
  g_assert_no_error (error);
  return deal;
}

static void
move (F *f, SpireRecord *deal, const char *stage, const char *date, const char *reason)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (spire_deal_move (f->store, spire_record_get_uuid (deal), stage, date, NULL,
                                  reason, &error));
  g_assert_no_error (error);
}

static gint64
n_events (F *f)
{
  return spire_store_count (f->store, &spire_kind_deal_event, NULL, NULL);
}

/* Funnel */

static void
test_funnel (F *f, gconstpointer data)
{
  g_autoptr (SpireRecord) a = deal_new (f, 0, f->oslo, "purchase", "dialogue", 900000, NULL,
                                        "2026-01-10");
  g_autoptr (SpireRecord) a2 = deal_new (f, 0, f->district, "pilot", "dialogue", 50000, NULL,
                                         "2026-01-10");
  g_autoptr (SpireRecord) b = deal_new (f, 1, f->oslo, "innovation_partnership", "negotiation",
                                        -1, NULL, "2026-02-01");
  g_autoptr (SpireRecord) c = deal_new (f, 2, f->district, "pilot", "pilot", 100000, NULL,
                                        "2026-02-01");
  g_autoptr (GError) error = NULL;
  SpireFunnel funnel = { 0 }, program = { 0 };
  gint64 counts[7];
  double conversion[7];

  /* a: dialogue → signed, and a second deal that ended with no deal;
   * b: negotiating; c: in pilot. */
  move (f, a, "negotiation", "2026-02-01", NULL);
  move (f, a, "signed", "2026-03-01", NULL);
  move (f, a2, "no_deal", "2026-03-01", "Budsjettet ble kuttet");

  g_assert_true (spire_funnel_for_cohort (f->store, f->cohort, &funnel, &error));
  g_assert_no_error (error);
  g_assert_cmpint (funnel.applied, ==, 10);
  g_assert_cmpint (funnel.eligible, ==, 7);
  /* five have a submitted review, but two of them are ineligible */
  g_assert_cmpint (funnel.evaluated, ==, 3);
  g_assert_cmpint (funnel.accepted, ==, 3);
  g_assert_cmpint (funnel.in_dialogue, ==, 1);
  g_assert_cmpint (funnel.negotiating, ==, 1);
  g_assert_cmpint (funnel.signed_, ==, 1);

  spire_funnel_values (&funnel, counts, conversion);
  g_assert_cmpfloat_with_epsilon (conversion[1], 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (conversion[2], 3.0 / 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (conversion[3], 1.0, 1e-9);
  /* each deal step a share of the 3 accepted */
  g_assert_cmpfloat_with_epsilon (conversion[4], 1.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (conversion[5], 1.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (conversion[6], 1.0 / 3.0, 1e-9);

  g_assert_true (spire_funnel_for_program (f->store, f->program, &program, &error));
  g_assert_true (memcmp (&program, &funnel, sizeof funnel) == 0);

  g_assert_false (spire_funnel_for_cohort (f->store, "00000000-0000-4000-8000-000000000000",
                                           &funnel, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
}

/* Time in stage, stale, weighted value */

static void
test_history (F *f, gconstpointer data)
{
  g_autoptr (SpireRecord) deal = deal_new (f, 0, f->oslo, "purchase", "dialogue", 1000000,
                                           NULL, "2026-01-01");
  g_autoptr (SpireDealStatus) s = NULL;
  g_autoptr (SpireDealStatus) later = NULL;
  g_autoptr (SpireDealStatus) fresh = NULL;
  g_autoptr (SpireDealStatus) weighted = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid = spire_record_get_uuid (deal);
  SpireDealStep *step;

  move (f, deal, "pilot", "2026-01-11", NULL);
  g_assert_true (spire_deal_move (f->store, uuid, "pilot", "2026-01-20", "Pilot i gang", NULL,
                                  &error));
  move (f, deal, "negotiation", "2026-03-01", NULL);

  s = spire_deal_get_status (f->store, uuid, "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->steps->len, ==, 4);
  step = s->steps->pdata[0];
  g_assert_cmpstr (step->stage, ==, "dialogue");
  g_assert_cmpint (step->days, ==, 10);
  step = s->steps->pdata[1];
  g_assert_cmpint (step->days, ==, 9);
  step = s->steps->pdata[2];
  g_assert_cmpstr (step->note, ==, "Pilot i gang");
  g_assert_cmpint (step->days, ==, 40);
  step = s->steps->pdata[3];
  g_assert_cmpstr (step->stage, ==, "negotiation");
  g_assert_cmpint (step->days, ==, 30);
  g_assert_cmpint (s->days_in_stage, ==, 30);
  g_assert_false (s->stale);
  g_assert_cmpint (s->probability, ==, 50);
  g_assert_cmpint (s->weighted_value, ==, 50000000); /* 500 000 kr */
  g_assert_cmpstr (s->program, ==, f->program);

  /* 89 days after the last event: not stale; 90: stale */
  fresh = spire_deal_get_status (f->store, uuid, "2026-05-29", &error);
  g_assert_false (fresh->stale);
  later = spire_deal_get_status (f->store, uuid, "2026-05-30", &error);
  g_assert_true (later->stale);
  g_assert_cmpint (later->days_in_stage, ==, 90);

  /* The program's own probability */
  g_assert_true (spire_stage_probability_set (f->store, f->program, "negotiation", 60, &error));
  g_assert_no_error (error);
  weighted = spire_deal_get_status (f->store, uuid, "2026-03-31", &error);
  g_assert_cmpint (weighted->probability, ==, 60);
  g_assert_cmpint (weighted->weighted_value, ==, 60000000);

  /* A signed deal is not stale however long it rests */
  move (f, deal, "signed", "2026-04-01", NULL);
  {
    g_autoptr (SpireDealStatus) signed_ = spire_deal_get_status (f->store, uuid, "2027-04-01",
                                                                 &error);
    g_assert_false (signed_->stale);
    g_assert_cmpint (signed_->weighted_value, ==, 100000000);
  }
  {
    g_autoptr (SpireRecord) again = spire_store_get (f->store, &spire_kind_deal, uuid, NULL);
    g_assert_cmpstr (spire_record_get_text (again, "signed_on"), ==, "2026-04-01");
  }
}

/* Refusals change nothing */

static void
test_refusals (F *f, gconstpointer data)
{
  g_autoptr (SpireRecord) deal = deal_new (f, 0, f->oslo, "purchase", "negotiation", 500000,
                                           NULL, "2026-03-01");
  const char *uuid = spire_record_get_uuid (deal);
  gint64 before = n_events (f);
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;
  g_autoptr (GError) e3 = NULL;
  g_autoptr (GError) e4 = NULL;
  g_autoptr (GError) e5 = NULL;
  g_autoptr (SpireRecord) again = NULL;
  SpireDealSpec spec = { 0 };

  g_assert_false (spire_deal_move (f->store, uuid, "won", NULL, NULL, NULL, &e1));
  g_assert_error (e1, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (e1->message, "won"));
  g_assert_false (spire_deal_move (f->store, uuid, "no_deal", "2026-04-01", NULL, "  ", &e2));
  g_assert_error (e2, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_false (spire_deal_move (f->store, uuid, "signed", "2026-02-01", NULL, NULL, &e3));
  g_assert_error (e3, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (e3->message, "2026-03-01"));
  g_assert_false (spire_deal_move (f->store, "00000000-0000-4000-8000-000000000000", "signed",
                                   NULL, NULL, NULL, &e4));
  g_assert_error (e4, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);

  spec.application = f->apps[0];
  spec.buyer = "00000000-0000-4000-8000-000000000000";
  spec.kind = "purchase";
  spec.stage = "dialogue";
  spec.value = SPIRE_INT_NONE;
  g_assert_null (spire_deal_create (f->store, &spec, &e5));
  g_assert_error (e5, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);

  g_assert_cmpint (n_events (f), ==, before);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_deal, NULL, NULL), ==, 1);
  again = spire_store_get (f->store, &spire_kind_deal, uuid, NULL);
  g_assert_cmpstr (spire_record_get_text (again, "stage"), ==, "negotiation");

  /* no_deal with a reason: kept as the lost reason */
  move (f, deal, "no_deal", "2026-04-01", "Valgte en annen leverandør");
  g_clear_object (&again);
  again = spire_store_get (f->store, &spire_kind_deal, uuid, NULL);
  g_assert_cmpstr (spire_record_get_text (again, "lost_reason"), ==,
                   "Valgte en annen leverandør");
}

/* Hints */

/* @text with its no-break spaces (in money) made plain, in place. */
static const char *
plain (char *text)
{
  char *p;

  while ((p = strstr (text, "\u00a0")) != NULL)
    {
      *p = ' ';
      memmove (p + 1, p + 2, strlen (p + 2) + 1);
    }
  return text;
}

static guint
n_hints (F *f, SpireRecord *deal, const char *must_contain)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hints = spire_deal_hints (f->store, deal, &error);

  g_assert_no_error (error);
  for (guint i = 0; must_contain && i < hints->len; i++)
    if (strstr (plain (hints->pdata[i]), must_contain))
      return hints->len;
  if (must_contain)
    g_error ("no hint says “%s”", must_contain);
  return hints->len;
}

static void
test_hints (F *f, gconstpointer data)
{
  g_autoptr (SpireRecord) under = deal_new (f, 0, f->oslo, "purchase", "signed", 1000000,
                                            "direct_award", "2026-03-01");
  g_autoptr (SpireRecord) above = deal_new (f, 0, f->oslo, "purchase", "signed", 2000000,
                                            "direct_award", "2026-03-01");
  g_autoptr (SpireRecord) between = deal_new (f, 1, f->oslo, "purchase", "signed", 2000000,
                                              "open_competition", "2026-03-01");
  g_autoptr (SpireRecord) eea = deal_new (f, 1, f->oslo, "purchase", "signed", 2500000,
                                          "direct_award", "2026-03-01");
  g_autoptr (SpireRecord) open = deal_new (f, 1, f->oslo, "purchase", "signed", 2500000,
                                           "open_competition", "2026-03-01");
  g_autoptr (SpireRecord) state = deal_new (f, 2, f->state, "purchase", "signed", 2000000,
                                            "direct_award", "2026-03-01");
  g_autoptr (SpireRecord) none = deal_new (f, 2, f->oslo, "purchase", "dialogue", 1500000,
                                           NULL, "2026-03-01");
  g_autoptr (SpireRecord) next_year = deal_new (f, 2, f->oslo, "purchase", "signed", 1350000,
                                                "direct_award", "2027-02-01");
  g_autoptr (SpireRecord) this_year = deal_new (f, 2, f->oslo, "purchase", "signed", 1350000,
                                                "direct_award", "2026-12-01");
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (n_hints (f, under, NULL), ==, 0);
  /* "A direct award of NOK 2,000,000 for a municipality is above the
   * national threshold of NOK 1,300,000 …" */
  n_hints (f, above, "NOK 2,000,000 for a municipality is above the national threshold of "
                     "NOK 1,300,000");
  g_assert_cmpuint (n_hints (f, between, NULL), ==, 0);
  n_hints (f, eea, "above the EEA threshold of NOK 2,300,000");
  /* An open competition fits any value */
  g_assert_cmpuint (n_hints (f, open, NULL), ==, 0);
  /* The same value for a state agency passes the state's EEA threshold */
  n_hints (f, state, "for a state agency is above the EEA threshold of NOK 1,490,000");
  n_hints (f, none, "choose a procedure");

  /* A new national threshold from 2027 */
  add (f, &spire_kind_threshold, "scope", "national", "amount", "140000000", "valid_from",
       "2027-01-01", NULL);
  g_assert_cmpint (spire_threshold_on (f->store, "national", "2026-12-31"), ==, 130000000);
  g_assert_cmpint (spire_threshold_on (f->store, "national", "2027-01-01"), ==, 140000000);
  g_assert_cmpuint (n_hints (f, next_year, NULL), ==, 0);
  n_hints (f, this_year, "NOK 1,300,000");
  g_assert_no_error (error);
}

/* Phases and the purchase option */

static void
test_purchase_option (F *f, gconstpointer data)
{
  g_autoptr (SpireRecord) deal = deal_new (f, 1, f->oslo, "innovation_partnership", "signed",
                                           -1, "innovation_partnership", "2026-03-01");
  const char *uuid = spire_record_get_uuid (deal);
  g_autoptr (SpireRecord) p1 = NULL;
  g_autoptr (SpireRecord) p2 = NULL;
  g_autoptr (SpireRecord) with_option = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) refused = NULL;
  g_autofree char *no_option = NULL;
  g_autofree char *not_passed = NULL;
  g_autofree char *too_costly = NULL;
  g_autofree char *fine = NULL;

  no_option = spire_deal_option_refusal (f->store, uuid, &error);
  g_assert_nonnull (strstr (no_option, "no purchase option"));

  with_option = spire_store_get (f->store, &spire_kind_deal, uuid, NULL);
  spire_record_set_int (with_option, "option_value", 800000000);
  g_assert_true (spire_store_update (f->store, with_option, &error));

  p1 = spire_deal_add_phase (f->store, uuid, "Behovsavklaring", "2026-04-01", 100000000, &error);
  p2 = spire_deal_add_phase (f->store, uuid, "Prototype", "2026-09-01", 200000000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_record_get_int (p2, "position"), ==, 2);
  g_assert_true (spire_deal_phase_set_state (f->store, spire_record_get_uuid (p1), "passed",
                                             "2026-04-05", 90000000, &error));

  not_passed = spire_deal_option_refusal (f->store, uuid, &error);
  g_assert_nonnull (strstr (not_passed, "Prototype"));
  g_assert_false (spire_deal_exercise_option (f->store, uuid, &refused));
  g_assert_error (refused, SPIRE_ERROR, SPIRE_ERROR_INVALID);

  /* Passed, but 90 000 + 250 000 kr is more than 100 000 + 200 000 kr */
  g_assert_true (spire_deal_phase_set_state (f->store, spire_record_get_uuid (p2), "passed",
                                             "2026-09-10", 250000000, &error));
  too_costly = spire_deal_option_refusal (f->store, uuid, &error);
  g_assert_nonnull (strstr (plain (too_costly), "NOK 3,400,000"));
  g_assert_nonnull (strstr (too_costly, "NOK 3,000,000"));

  g_assert_true (spire_deal_phase_set_state (f->store, spire_record_get_uuid (p2), "passed",
                                             "2026-09-10", 190000000, &error));
  fine = spire_deal_option_refusal (f->store, uuid, &error);
  g_assert_null (fine);
  g_assert_true (spire_deal_exercise_option (f->store, uuid, &error));
  g_assert_no_error (error);
  after = spire_store_get (f->store, &spire_kind_deal, uuid, NULL);
  g_assert_true (spire_record_get_bool (after, "option_exercised"));

  /* The thresholds see phases + option: 3 000 000 + 8 000 000 kr (an
   * innovation partnership fits that; with no procedure chosen, the hint
   * says what it measured) */
  g_assert_cmpuint (n_hints (f, after, NULL), ==, 0);
  spire_record_set_text (after, "procedure", NULL);
  n_hints (f, after, "NOK 11,000,000");
}

/* Gains, impact, solutions */

static void
test_impact (F *f, gconstpointer data)
{
  const char *solution = add (f, &spire_kind_solution, "startup", f->startups[0], "name",
                              "Trygg hjemme", NULL);
  g_autoptr (SpireRecord) first = deal_new (f, 0, f->district, "purchase", "signed", 150000,
                                            "direct_award", "2026-01-15");
  g_autoptr (SpireRecord) open = deal_new (f, 1, f->oslo, "pilot", "negotiation", 400000,
                                           NULL, "2026-02-01");
  g_autoptr (SpireImpact) impact = NULL;
  g_autoptr (SpireSolutionReach) reach = NULL;
  g_autoptr (GError) error = NULL;
  const char *bodies[3] = { NULL };

  /* Two more buyers, after the program, without an application */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Kommune %u", i);
      g_autoptr (SpireRecord) later = NULL;

      bodies[i] = add (f, &spire_kind_public_body, "name", name, "kind", "municipality", NULL);
      later = deal_new (f, 99, bodies[i], "purchase", "signed", 12000,
                        "direct_award", i == 0 ? "2026-03-01" : "2026-07-15");
      spire_record_set_text (later, "solution", solution);
      g_assert_true (spire_store_update (f->store, later, &error));
    }
  spire_record_set_text (first, "solution", solution);
  g_assert_true (spire_store_update (f->store, first, &error));
  add (f, &spire_kind_gain, "deal", spire_record_get_uuid (first), "year", "2026", "kind",
       "efficiency", "expected", "2000000000", "realised", "1200000000", NULL);
  add (f, &spire_kind_gain, "deal", spire_record_get_uuid (first), "year", "2027", "kind",
       "efficiency", "expected", "2000000000", "realised", "300000000", NULL);

  impact = spire_program_impact (f->store, f->program, &error);
  g_assert_no_error (error);
  g_assert_cmpint (impact->invested, ==, 1000000000);       /* 10 MNOK */
  g_assert_cmpint (impact->gains_realised, ==, 1500000000); /* 15 MNOK */
  g_assert_cmpint (impact->gains_expected, ==, 4000000000); /* 40 MNOK */
  g_assert_cmpfloat_with_epsilon (impact->ratio_realised, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (impact->ratio_expected, 4.0, 1e-9);
  g_assert_cmpuint (impact->n_deals, ==, 4);
  g_assert_cmpuint (impact->n_signed, ==, 3);
  g_assert_cmpint (impact->signed_value, ==, (150000 + 12000 * 2) * 100);
  g_assert_cmpint (impact->weighted_pipeline, ==, 400000 * 100 / 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (impact->by_procedure,
                                                           "direct_award")), ==, 3);
  g_assert_cmpuint (impact->solutions->len, ==, 1);

  reach = spire_solution_reach (f->store, solution, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reach->buyers->len, ==, 3);
  g_assert_cmpstr (((SpireBuyer *) reach->buyers->pdata[0])->body_name, ==,
                   "Bydel St. Hanshaugen");
  g_assert_cmpint (reach->days_to_2nd, ==, 45); /* 15 Jan → 1 Mar */
  g_assert_cmpint (reach->days_to_10th, ==, -1);
  g_assert_cmpint (reach->value_per_buyer, ==, (150000 + 12000 * 2) * 100 / 3);
}

/* The impact read in a worker on its own connection (a file store) or in
 * place (in memory) gives the same numbers as the plain call; cancelled, it
 * gives an error and no impact. */

static void
on_impact_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireImpact **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = spire_program_impact_finish (SPIRE_STORE (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
on_impact_error_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  g_assert_null (spire_program_impact_finish (SPIRE_STORE (source), result, error));
  g_assert_nonnull (*error);
}

static void
test_impact_async (F *f, gconstpointer data)
{
  const char *solution = add (f, &spire_kind_solution, "startup", f->startups[0], "name",
                              "Trygg hjemme", NULL);
  g_autoptr (SpireRecord) won = deal_new (f, 0, f->district, "purchase", "signed", 150000,
                                          "direct_award", "2026-01-15");
  g_autoptr (SpireRecord) open = deal_new (f, 1, f->oslo, "pilot", "negotiation", 400000,
                                           NULL, "2026-02-01");
  g_autoptr (SpireImpact) plain = NULL;
  g_autoptr (SpireImpact) async = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  spire_record_set_text (won, "solution", solution);
  g_assert_true (spire_store_update (f->store, won, &error));
  add (f, &spire_kind_gain, "deal", spire_record_get_uuid (won), "year", "2026", "kind",
       "efficiency", "expected", "2000000000", "realised", "1200000000", NULL);

  plain = spire_program_impact (f->store, f->program, &error);
  g_assert_no_error (error);
  spire_program_impact_async (f->store, f->program, NULL, on_impact_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (async->invested, ==, plain->invested);
  g_assert_cmpint (async->signed_value, ==, plain->signed_value);
  g_assert_cmpint (async->signed_value, ==, 150000 * 100);
  g_assert_cmpint (async->weighted_pipeline, ==, plain->weighted_pipeline);
  g_assert_cmpint (async->weighted_pipeline, ==, 400000 * 100 / 2);
  g_assert_cmpint (async->gains_expected, ==, plain->gains_expected);
  g_assert_cmpint (async->gains_realised, ==, 1200000000);
  g_assert_cmpfloat_with_epsilon (async->ratio_realised, 1.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (async->ratio_expected, plain->ratio_expected, 1e-9);
  g_assert_cmpuint (async->n_deals, ==, 2);
  g_assert_cmpuint (async->n_signed, ==, 1);
  g_assert_cmpuint (g_hash_table_size (async->by_procedure), ==,
                    g_hash_table_size (plain->by_procedure));
  g_assert_cmpuint (async->solutions->len, ==, 1);
  g_assert_cmpuint (((SpireSolutionReach *) async->solutions->pdata[0])->buyers->len, ==, 1);

  /* An unknown program is refused; a cancelled read gives no impact */
  spire_program_impact_async (f->store, "00000000-0000-4000-8000-000000000000", NULL,
                              on_impact_error_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  spire_program_impact_async (f->store, f->program, cancellable, on_impact_error_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                 g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED));
}

/* Cards: the board's view of the same deals, read at once */

static void
test_cards (F *f, gconstpointer data)
{
  g_autoptr (SpireRecord) slow = deal_new (f, 0, f->oslo, "purchase", "dialogue", 1000000, NULL,
                                           "2026-01-01");
  g_autoptr (SpireRecord) hinted = deal_new (f, 1, f->oslo, "purchase", "signed", 2000000,
                                             "direct_award", "2026-02-01");
  g_autoptr (SpireRecord) other = deal_new (f, 2, f->district, "pilot", "pilot", 300000, NULL,
                                            "2026-03-01");
  g_autoptr (GPtrArray) cards = NULL;
  g_autoptr (SpireDealStatus) status = NULL;
  g_autoptr (GError) error = NULL;
  SpireDealCard *card;

  move (f, slow, "pilot", "2026-01-11", NULL);
  move (f, slow, "negotiation", "2026-02-01", NULL);
  cards = spire_deal_cards (f->store, f->cohort, NULL, "2026-05-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);

  /* In the order of the stages: pilot, negotiation, signed */
  g_assert_cmpstr (spire_deal_card_get_uuid (cards->pdata[0]), ==, spire_record_get_uuid (other));
  card = cards->pdata[1];
  g_assert_cmpstr (spire_deal_card_get_uuid (card), ==, spire_record_get_uuid (slow));
  g_assert_cmpstr (spire_deal_card_get_buyer (card), ==, "Oslo kommune");
  g_assert_cmpstr (spire_deal_card_get_startup (card), ==, "Startup 0 AS");
  /* The same numbers as the deal's status */
  status = spire_deal_get_status (f->store, spire_record_get_uuid (slow), "2026-05-15", &error);
  g_assert_cmpint (spire_deal_card_get_days_in_stage (card), ==, status->days_in_stage);
  g_assert_cmpint (spire_deal_card_get_days_in_stage (card), ==, 103);
  g_assert_cmpint (spire_deal_card_get_stale (card), ==, status->stale);
  g_assert_true (spire_deal_card_get_stale (card));
  g_assert_cmpint (spire_deal_card_get_weighted_value (card), ==, status->weighted_value);
  g_assert_null (spire_deal_card_get_hint (card));
  card = cards->pdata[2];
  g_assert_nonnull (spire_deal_card_get_hint (card));
  g_assert_nonnull (strstr (spire_deal_card_get_hint (card), "national threshold"));
  g_assert_false (spire_deal_card_get_stale (card));
}

/* Migration 3 keeps what version 2 held */

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static void
test_migration_3 (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *head = g_strdup_printf ("PRAGMA user_version = 2; PRAGMA application_id = %d;",
                                           SPIRE_APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (SpireRecord) won = NULL;
  g_autoptr (SpireRecord) lost = NULL;
  g_auto (GStrv) problems = NULL;

#define T "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'"
  raw_exec (path, _spire_schema_migration (1));
  raw_exec (path, _spire_schema_migration (2));
  raw_exec (path, head);
  raw_exec (path,
            "INSERT INTO public_bodies (uuid, created_at, updated_at, name, kind) VALUES"
            " ('11111111-1111-4111-8111-111111111111', " T ", 'Oslo kommune', 'municipality');"
            "INSERT INTO startups (uuid, created_at, updated_at, name) VALUES"
            " ('22222222-2222-4222-8222-222222222222', " T ", 'Nordlys AS');"
            "INSERT INTO deals (uuid, created_at, updated_at, startup, public_body, kind, stage,"
            " value, procedure) VALUES"
            " ('33333333-3333-4333-8333-333333333333', " T ", '22222222-2222-4222-8222-222222222222',"
            "  '11111111-1111-4111-8111-111111111111', 'purchase', 'signed', 100000000,"
            "  'Direkte anskaffelse under nasjonal terskelverdi'),"
            " ('44444444-4444-4444-8444-444444444444', " T ", '22222222-2222-4222-8222-222222222222',"
            "  '11111111-1111-4111-8111-111111111111', 'pilot', 'no_deal', NULL, NULL);"
            "INSERT INTO deal_events (uuid, created_at, updated_at, deal, stage, date, note) VALUES"
            " ('55555555-5555-4555-8555-555555555555', " T ", '44444444-4444-4444-8444-444444444444',"
            "  'no_deal', '2026-01-01', 'Ingen avtale: budsjett.');");
#undef T

  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (spire_store_check (store, &problems, &error));
  won = spire_store_get (store, &spire_kind_deal, "33333333-3333-4333-8333-333333333333", &error);
  g_assert_cmpstr (spire_record_get_text (won, "procedure"), ==, "direct_award");
  g_assert_cmpstr (spire_record_get_text (won, "procedure_note"), ==,
                   "Direkte anskaffelse under nasjonal terskelverdi");
  lost = spire_store_get (store, &spire_kind_deal, "44444444-4444-4444-8444-444444444444", &error);
  g_assert_cmpstr (spire_record_get_text (lost, "lost_reason"), ==, "Ingen avtale: budsjett.");
  g_assert_true (spire_record_is_null (lost, "procedure"));
  g_assert_false (spire_record_get_bool (lost, "option_exercised"));
  g_clear_object (&store);
  test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, F, NULL, f_setup, fn, f_teardown)
  ADD ("/followup/funnel", test_funnel);
  ADD ("/followup/history", test_history);
  ADD ("/followup/refusals", test_refusals);
  ADD ("/followup/hints", test_hints);
  ADD ("/followup/purchase-option", test_purchase_option);
  ADD ("/followup/impact", test_impact);
  ADD ("/followup/cards", test_cards);
  g_test_add ("/followup/impact-async/memory", F, NULL, f_setup, test_impact_async, f_teardown);
  g_test_add ("/followup/impact-async/file", F, "file", f_setup, test_impact_async, f_teardown);
#undef ADD
  g_test_add_func ("/followup/migration-3", test_migration_3);
  return g_test_run ();
}
