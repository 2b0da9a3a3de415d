/* test-evaluation.c — rubrics, screening, decisions, panel, conflicts of
 * interest, assignment, reviews and what the panel sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "spire-core.h"
#include "test-helpers.h"

typedef struct
{
  SpireStore *store;
  char *dir;
  GPtrArray *strings; /* everything the helpers return, freed at the end */
  const char *program, *cohort, *oslo, *bergen, *ch_oslo, *ch_bergen;
  const char *rubric, *c_team, *c_market, *c_gate, *c_note;
  GPtrArray *people; /* person uuids of the panel, in evaluator order */
  GPtrArray *evs;    /* evaluator uuids */
  GPtrArray *startups;
  GPtrArray *apps;
} W;

/* Helpers */

/* Asserts a conflict was declared and lets go of it. */
static void
declared (SpireRecord *conflict)
{
  g_assert_nonnull (conflict);
  g_object_unref (conflict);
}

static const char *
keep (W *w, char *s)
{
  g_ptr_array_add (w->strings, s);
  return s;
}

/* A record of @kind from "field", "value" pairs (NULL-terminated); saved
 * without audit inside whatever transaction is open.  Returns its uuid. */
static const char *
add (W *w, const SpireKind *kind, ...)
{
  va_list ap;
  char *uuid;

  va_start (ap, kind);
  uuid = test_add_from_text (w->store, kind, ap);
  va_end (ap);
  return keep (w, uuid);
}

/* A valid organisation number, different for each @n. */
static const char *
orgnr (W *w, guint n)
{
  return keep (w, test_valid_orgnr (91000000 + n * 13));
}

static SpireRecord *
fetch (W *w, const SpireKind *kind, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  SpireRecord *r = spire_store_get (w->store, kind, uuid, &error);

  g_assert_no_error (error);
  return r;
}

static gint64
count (W *w, const char *table, const char *field, const char *value)
{
  return spire_store_count (w->store, spire_kind_lookup (table), field, value);
}

static guint
n_audit (W *w)
{
  g_autoptr (GPtrArray) all = spire_store_list_audit (w->store, NULL, 0, NULL);

  return all->len;
}

static gboolean
assigned (W *w, const char *ev, const char *app)
{
  g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_assignment, "evaluator", ev,
                                                 NULL);

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (spire_record_get_text (list->pdata[i], "application"), app) == 0)
      return TRUE;
  return FALSE;
}

static const char *
add_person (W *w, const char *name, const char *email, const char *org)
{
  return add (w, &spire_kind_person, "name", name, "email", email, "orgnr", org, NULL);
}

static const char *
add_evaluator (W *w, const char *name, const char *email, const char *org, const char *role)
{
  g_autoptr (GError) error = NULL;
  const char *person = add_person (w, name, email, org);
  g_autoptr (SpireRecord) ev = spire_panel_add (w->store, w->cohort, person, role, &error);

  g_assert_no_error (error);
  g_ptr_array_add (w->people, (gpointer) person);
  g_ptr_array_add (w->evs, (gpointer) keep (w, g_strdup (spire_record_get_uuid (ev))));
  return w->evs->pdata[w->evs->len - 1];
}

static const char *
add_startup (W *w, const char *name, const char *org, const char *website)
{
  const char *s = add (w, &spire_kind_startup, "name", name, "orgnr", org, "website", website,
                       NULL);

  g_ptr_array_add (w->startups, (gpointer) s);
  return s;
}

static const char *
add_application (W *w, const char *startup, const char *title, const char *challenge,
                 const char *status)
{
  const char *a = add (w, &spire_kind_application, "cohort", w->cohort, "startup", startup,
                       "title", title, "challenge", challenge, "status", status,
                       "confidential", "Revenue 2025: 1 234 567 kr", NULL);

  g_ptr_array_add (w->apps, (gpointer) a);
  return a;
}

/* A cohort with a rubric (two scored criteria, a not-counted one and a
 * gate), two public bodies with a challenge each, no panel yet. */
static void
world_setup (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) c = NULL;

  w->dir = g_dir_make_tmp ("spire-eval-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *path = g_build_filename (w->dir, "spire.db", NULL);

    w->store = spire_store_open (path, &error);
    g_assert_no_error (error);
  }
  spire_store_set_actor (w->store, "Test Manager");
  w->strings = g_ptr_array_new_with_free_func (g_free);
  w->people = g_ptr_array_new ();
  w->evs = g_ptr_array_new ();
  w->startups = g_ptr_array_new ();
  w->apps = g_ptr_array_new ();

  w->program = add (w, &spire_kind_program, "name", "SmartOslo Akselerator", "kind",
                    "accelerator", NULL);
  w->cohort = add (w, &spire_kind_cohort, "program", w->program, "name", "Kull 2026", "phase",
                   "evaluation", "seats", "4", NULL);
  w->oslo = add (w, &spire_kind_public_body, "name", "Oslo kommune", "kind", "municipality",
                 NULL);
  w->bergen = add (w, &spire_kind_public_body, "name", "Bergen kommune", "kind",
                   "municipality", NULL);
  w->ch_oslo = add (w, &spire_kind_challenge, "cohort", w->cohort, "owner", w->oslo, "title",
                    "Tomme bygg som varmes opp", NULL);
  w->ch_bergen = add (w, &spire_kind_challenge, "cohort", w->cohort, "owner", w->bergen, "title",
                      "Bedre bussruter", NULL);

  rubric = spire_rubric_create (w->store, w->cohort, &error);
  g_assert_no_error (error);
  w->rubric = keep (w, g_strdup (spire_record_get_uuid (rubric)));
#define CRIT(var, name, weight, kind)                                                          \
  c = spire_rubric_add_criterion (w->store, w->rubric, name, NULL, weight, kind, &error);      \
  g_assert_no_error (error);                                                                   \
  var = keep (w, g_strdup (spire_record_get_uuid (c)));                                        \
  g_clear_object (&c);
  CRIT (w->c_team, "Team", 2.0, "scored")
  CRIT (w->c_market, "Market", 1.0, "scored")
  CRIT (w->c_note, "Fit with the challenge", 0.0, "not_counted")
  CRIT (w->c_gate, "Registered in Norway", 0.0, "gate")
#undef CRIT
}

static void
world_teardown (W *w, gconstpointer data)
{
  g_autofree char *path = g_build_filename (w->dir, "spire.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_finalize_object (w->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (w->dir);
  g_free (w->dir);
  g_ptr_array_unref (w->people);
  g_ptr_array_unref (w->evs);
  g_ptr_array_unref (w->startups);
  g_ptr_array_unref (w->apps);
  g_ptr_array_unref (w->strings);
}

/* Saves a draft with the two scored criteria and the not-counted one. */
static SpireRecord *
draft (W *w, const char *ev, const char *app, double team, double market, GError **error)
{
  SpireRecord *review = spire_review_open (w->store, ev, app, error);
  g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  const char *crits[] = { w->c_team, w->c_market, w->c_note };
  double values[] = { team, market, NAN };

  if (review == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (crits); i++)
    {
      SpireRecord *s = spire_record_new (&spire_kind_score);

      spire_record_set_text (s, "criterion", crits[i]);
      spire_record_set_real (s, "value", values[i]);
      spire_record_set_text (s, "comment", i == 0 ? "Strong founders" : NULL);
      g_ptr_array_add (scores, s);
    }
  spire_record_set_text (review, "recommendation", "yes");
  spire_record_set_text (review, "summary", "Promising.");
  if (!spire_review_save_draft (w->store, review, scores, error))
    g_clear_object (&review);
  return review;
}

static void
submit (W *w, const char *ev, const char *app, double team, double market)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = draft (w, ev, app, team, market, &error);

  g_assert_no_error (error);
  g_assert_true (spire_review_submit (w->store, spire_record_get_uuid (review), &error));
  g_assert_no_error (error);
}

/* Rubrics */

static void
test_rubric_defaults (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_autoptr (SpireRecord) again = NULL;
  g_autoptr (GPtrArray) criteria = NULL;

  g_assert_cmpint (spire_record_get_int (rubric, "scale_min"), ==, 1);
  g_assert_cmpint (spire_record_get_int (rubric, "scale_max"), ==, 7);
  g_assert_cmpstr (spire_record_get_text (rubric, "aggregation"), ==, "mean");
  g_assert_cmpstr (spire_record_get_text (rubric, "normalisation"), ==, "none");
  g_assert_cmpfloat (spire_record_get_real (rubric, "disagreement_threshold"), >, 0);
  g_assert_cmpint (spire_record_get_int (rubric, "version"), ==, 1);
  g_assert_false (spire_rubric_is_frozen (rubric));
  for (gint64 step = 1; step <= 7; step++)
    {
      g_autofree char *label = spire_rubric_get_scale_label (rubric, step);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
    }
  {
    g_autofree char *lowest = spire_rubric_get_scale_label (rubric, 1);
    g_autofree char *highest = spire_rubric_get_scale_label (rubric, 7);

    g_assert_cmpstr (lowest, !=, highest);
  }

  /* One rubric per cohort */
  again = spire_rubric_create (w->store, w->cohort, &error);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_null (again);
  g_assert_nonnull (strstr (error->message, "Kull 2026"));

  criteria = spire_rubric_list_criteria (w->store, w->rubric, NULL);
  g_assert_cmpuint (criteria->len, ==, 4);
  g_assert_cmpstr (spire_record_get_display_name (criteria->pdata[0]), ==, "Team");
  g_assert_cmpstr (spire_record_get_display_name (criteria->pdata[3]), ==, "Registered in Norway");
}

static void
test_rubric_copy (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *next = add (w, &spire_kind_cohort, "program", w->program, "name", "Kull 2027",
                          "phase", "planning", "seats", "5", NULL);
  g_autoptr (SpireRecord) copy = NULL;
  g_autoptr (GPtrArray) from = spire_rubric_list_criteria (w->store, w->rubric, NULL);
  g_autoptr (GPtrArray) to = NULL;
  g_autoptr (SpireRecord) again = NULL;

  copy = spire_rubric_copy (w->store, w->cohort, next, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (copy, "cohort"), ==, next);
  g_assert_cmpstr (spire_record_get_uuid (copy), !=, w->rubric);
  to = spire_rubric_list_criteria (w->store, spire_record_get_uuid (copy), NULL);
  g_assert_cmpuint (to->len, ==, from->len);
  for (guint i = 0; i < to->len; i++)
    {
      g_assert_cmpstr (spire_record_get_uuid (to->pdata[i]), !=,
                       spire_record_get_uuid (from->pdata[i]));
      g_assert_cmpstr (spire_record_get_display_name (to->pdata[i]), ==,
                       spire_record_get_display_name (from->pdata[i]));
      g_assert_cmpfloat (spire_record_get_real (to->pdata[i], "weight"), ==,
                         spire_record_get_real (from->pdata[i], "weight"));
      g_assert_cmpstr (spire_record_get_text (to->pdata[i], "kind"), ==,
                       spire_record_get_text (from->pdata[i], "kind"));
    }
  /* The original is untouched */
  g_assert_cmpint (count (w, "criteria", "rubric", w->rubric), ==, 4);

  /* Copying again replaces the (unfrozen) target's criteria, no doubles */
  again = spire_rubric_copy (w->store, w->cohort, next, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_uuid (again), ==, spire_record_get_uuid (copy));
  g_assert_cmpint (count (w, "criteria", "rubric", spire_record_get_uuid (copy)), ==, 4);
}

static void
test_rubric_freeze (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) crit = NULL;
  g_autoptr (SpireRecord) added = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  const char *ev = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *ev2 = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  const char *s = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *app = add_application (w, s, "Varmestyring", w->ch_oslo, "in_review");
  const char *order[] = { w->c_market, w->c_team, w->c_note, w->c_gate, NULL };
  guint n_stale = 0;
  gboolean found = FALSE;

  g_assert_true (spire_assign (w->store, ev, app, &error));
  g_assert_true (spire_assign (w->store, ev2, app, &error));
  g_assert_no_error (error);

  /* Reordering works while the rubric is open */
  g_assert_true (spire_rubric_reorder_criteria (w->store, w->rubric, order, &error));
  g_assert_no_error (error);
  crit = fetch (w, &spire_kind_criterion, w->c_market);
  g_assert_cmpint (spire_record_get_int (crit, "position"), ==, 0);
  g_clear_object (&crit);

  /* A draft does not freeze it; the first submitted review does */
  review = draft (w, ev2, app, 4, 4, &error);
  g_assert_no_error (error);
  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_false (spire_rubric_is_frozen (rubric));
  g_clear_object (&rubric);
  submit (w, ev, app, 6, 5);
  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_true (spire_rubric_is_frozen (rubric));

  /* Every change to the criteria is refused with a clear reason */
  added = spire_rubric_add_criterion (w->store, w->rubric, "Impact", NULL, 1, "scored", &error);
  g_assert_null (added);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "frozen"));
  g_assert_nonnull (strstr (error->message, "Unfreeze"));
  g_clear_error (&error);

  crit = fetch (w, &spire_kind_criterion, w->c_team);
  spire_record_set_real (crit, "weight", 5);
  g_assert_false (spire_rubric_update_criterion (w->store, crit, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&crit);
  crit = fetch (w, &spire_kind_criterion, w->c_team);
  g_assert_cmpfloat (spire_record_get_real (crit, "weight"), ==, 2.0);
  g_clear_object (&crit);

  g_assert_false (spire_rubric_reorder_criteria (w->store, w->rubric, order, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spire_rubric_remove_criterion (w->store, w->c_note, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (w, "criteria", "rubric", w->rubric), ==, 4);

  spire_record_set_int (rubric, "scale_max", 10);
  g_assert_false (spire_rubric_update (w->store, rubric, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&rubric);

  /* Unfreezing needs a reason */
  g_assert_false (spire_rubric_unfreeze (w->store, w->rubric, "   ", &n_stale, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_true (spire_rubric_is_frozen (rubric));
  g_clear_object (&rubric);

  g_assert_true (spire_rubric_unfreeze (w->store, w->rubric,
                                        "The panel asked for a criterion on impact.", &n_stale,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stale, ==, 2); /* the submitted review and the draft */
  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_false (spire_rubric_is_frozen (rubric));
  g_assert_cmpint (spire_record_get_int (rubric, "version"), ==, 2);
  {
    g_autoptr (GPtrArray) reviews = spire_store_list (w->store, &spire_kind_review, "application",
                                                      app, NULL);

    g_assert_cmpuint (reviews->len, ==, 2);
    for (guint i = 0; i < reviews->len; i++)
      {
        g_assert_true (spire_record_get_bool (reviews->pdata[i], "stale"));
        g_assert_cmpint (spire_record_get_int (reviews->pdata[i], "rubric_version"), ==, 1);
      }
  }
  audit = spire_store_list_audit (w->store, w->rubric, 0, NULL);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (audit->pdata[i], "action"), "unfreeze") == 0)
      {
        found = TRUE;
        g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[i], "after"),
                                  "criterion on impact"));
        g_assert_cmpstr (g_hash_table_lookup (audit->pdata[i], "who"), ==, "Test Manager");
      }
  g_assert_true (found);

  /* Open again: criteria can change */
  added = spire_rubric_add_criterion (w->store, w->rubric, "Impact", NULL, 1, "scored", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpint (spire_record_get_int (added, "position"), ==, 4);

  /* Unfreezing what is not frozen is refused */
  g_assert_false (spire_rubric_unfreeze (w->store, w->rubric, "again", NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
}

/* Screening */

static void
test_screening (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *s1 = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *s2 = add_startup (w, "Fjordkraft Lab AS", NULL, NULL);
  const char *ok = add_application (w, s1, "Varmestyring", w->ch_oslo, "received");
  const char *bad = add_application (w, s2, "Solceller", w->ch_oslo, "received");
  const char *ev = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (SpireRecord) app = NULL;
  SpireScreeningAnswer *a;

  g_assert_false (spire_screening_all_passed (w->store, ok, NULL));

  g_assert_true (spire_screening_answer (w->store, ok, w->c_gate, TRUE, NULL, &error));
  g_assert_no_error (error);
  app = fetch (w, &spire_kind_application, ok);
  g_assert_cmpstr (spire_record_get_text (app, "status"), ==, "received");
  g_clear_object (&app);
  answers = spire_screening_list_answers (w->store, ok, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  a = answers->pdata[0];
  g_assert_true (a->passed);
  g_assert_cmpstr (a->criterion, ==, w->c_gate);
  g_assert_cmpstr (a->by, ==, "Test Manager");
  g_assert_true (spire_screening_all_passed (w->store, ok, NULL));
  g_assert_cmpint (count (w, "decisions", "application", ok), ==, 0);

  /* Answered again: the new answer replaces the one on record, the
   * application's history keeps both */
  g_assert_true (spire_screening_answer (w->store, ok, w->c_gate, TRUE, "  Checked in Brreg ",
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (w, "screenings", "application", ok), ==, 1);
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = spire_screening_list_answers (w->store, ok, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  a = answers->pdata[0];
  g_assert_cmpstr (a->note, ==, "Checked in Brreg");
  g_assert_cmpint (a->rubric_version, ==, 1);
  {
    g_autoptr (GPtrArray) audit = spire_store_list_audit (w->store, ok, 0, NULL);
    guint n_screening = 0;

    for (guint i = 0; i < audit->len; i++)
      if (g_strcmp0 (g_hash_table_lookup (audit->pdata[i], "action"), "screening") == 0)
        n_screening++;
    g_assert_cmpuint (n_screening, ==, 2);
  }

  /* An answered gate cannot simply leave the rubric */
  g_assert_false (spire_rubric_remove_criterion (w->store, w->c_gate, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE);
  g_clear_error (&error);

  /* A scored criterion is not a gate */
  g_assert_false (spire_screening_answer (w->store, ok, w->c_team, TRUE, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);

  /* Assigned before screening, then fails a gate: ineligible, with the
   * gate named in the decision, and no longer assigned */
  g_assert_true (spire_assign (w->store, ev, bad, &error));
  g_assert_no_error (error);
  g_assert_true (spire_screening_answer (w->store, bad, w->c_gate, FALSE,
                                         "Registered in Sweden only", &error));
  g_assert_no_error (error);
  app = fetch (w, &spire_kind_application, bad);
  g_assert_cmpstr (spire_record_get_text (app, "status"), ==, "ineligible");
  decisions = spire_store_list (w->store, &spire_kind_decision, "application", bad, NULL);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (spire_record_get_text (decisions->pdata[0], "from_status"), ==, "received");
  g_assert_cmpstr (spire_record_get_text (decisions->pdata[0], "to_status"), ==, "ineligible");
  g_assert_cmpstr (spire_record_get_text (decisions->pdata[0], "decided_by"), ==, "Test Manager");
  g_assert_nonnull (strstr (spire_record_get_text (decisions->pdata[0], "reason"),
                            "Registered in Norway"));
  g_assert_nonnull (strstr (spire_record_get_text (decisions->pdata[0], "reason"),
                            "Sweden only"));
  g_assert_cmpint (spire_record_get_int (decisions->pdata[0], "rubric_version"), ==, 1);
  g_assert_false (assigned (w, ev, bad));
  g_assert_false (spire_screening_all_passed (w->store, bad, NULL));

  /* Ineligible applications are never assigned, by hand or automatically */
  g_assert_false (spire_assign (w->store, ev, bad, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Solceller"));
  g_clear_error (&error);
  g_assert_true (spire_assign_auto (w->store, w->cohort, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (assigned (w, ev, ok));
  g_assert_false (assigned (w, ev, bad));

  /* Screening it again is refused until its status is set back */
  g_assert_false (spire_screening_answer (w->store, bad, w->c_gate, TRUE, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
}

/* Decisions */

static void
test_decisions (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *apps[6];
  const char *missing = "00000000-0000-4000-8000-000000000000";
  g_autofree char *warning = NULL;
  guint audit_before;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Startup %u AS", i);
      g_autofree char *title = g_strdup_printf ("Idea %u", i);

      apps[i] = add_application (w, add_startup (w, name, NULL, NULL), title, w->ch_oslo,
                                 "shortlisted");
    }
  warning = spire_cohort_seats_warning (w->store, w->cohort);
  g_assert_null (warning);

  /* An empty reason is refused and nothing changes */
  {
    const char *two[] = { apps[0], apps[1], NULL };

    audit_before = n_audit (w);
    g_assert_false (spire_decide (w->store, two, "accepted", "", &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (spire_decide (w->store, two, "accepted", " \n ", &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (spire_decide (w->store, two, "admitted", "Strong team", &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (count (w, "decisions", NULL, NULL), ==, 0);
    g_assert_cmpuint (n_audit (w), ==, audit_before);
  }

  /* All or nothing: one unknown application stops them all */
  {
    const char *with_missing[] = { apps[0], missing, NULL };
    g_autoptr (SpireRecord) a0 = NULL;

    g_assert_false (spire_decide (w->store, with_missing, "accepted", "Strong team", &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    a0 = fetch (w, &spire_kind_application, apps[0]);
    g_assert_cmpstr (spire_record_get_text (a0, "status"), ==, "shortlisted");
    g_assert_cmpint (count (w, "decisions", NULL, NULL), ==, 0);
  }

  /* One written reason for many */
  {
    const char *four[] = { apps[0], apps[1], apps[2], apps[3], NULL };
    g_autoptr (GPtrArray) d = NULL;

    g_assert_true (spire_decide (w->store, four, "accepted",
                                 "Highest ranked; fits the challenge.", &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (w, "decisions", NULL, NULL), ==, 4);
    d = spire_store_list (w->store, &spire_kind_decision, "application", apps[2], NULL);
    g_assert_cmpuint (d->len, ==, 1);
    g_assert_cmpstr (spire_record_get_text (d->pdata[0], "from_status"), ==, "shortlisted");
    g_assert_cmpstr (spire_record_get_text (d->pdata[0], "to_status"), ==, "accepted");
    g_assert_cmpstr (spire_record_get_text (d->pdata[0], "reason"), ==,
                     "Highest ranked; fits the challenge.");
    g_assert_cmpstr (spire_record_get_text (d->pdata[0], "decided_by"), ==, "Test Manager");
    g_assert_false (spire_record_is_null (d->pdata[0], "decided_at"));
    g_assert_cmpint (spire_record_get_int (d->pdata[0], "rubric_version"), ==, 1);
  }
  /* 4 accepted, 4 seats: no warning */
  g_assert_null (spire_cohort_seats_warning (w->store, w->cohort));

  /* A fifth: a warning, not a refusal */
  {
    const char *one[] = { apps[4], NULL };
    gint64 seats = 0;

    g_assert_true (spire_decide (w->store, one, "accepted", "Tie on place four.", &error));
    g_assert_no_error (error);
    g_assert_cmpint (spire_cohort_count_accepted (w->store, w->cohort, &seats, NULL), ==, 5);
    g_assert_cmpint (seats, ==, 4);
    warning = spire_cohort_seats_warning (w->store, w->cohort);
    g_assert_nonnull (warning);
    g_assert_nonnull (strstr (warning, "5"));
    g_assert_nonnull (strstr (warning, "4"));
    g_assert_nonnull (strstr (warning, "Kull 2026"));
  }
}

/* The panel */

static void
test_panel (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *chair = add_evaluator (w, "Anne Berg", "anne@oslo.kommune.no", NULL, "chair");
  const char *member = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *observer = add_evaluator (w, "Ola Vik", "ola@innovasjonnorge.no", NULL, "observer");
  const char *app = add_application (w, add_startup (w, "Nordlys AS", NULL, NULL), "Varme",
                                     w->ch_oslo, "received");
  g_autoptr (GPtrArray) panel = spire_panel_list (w->store, w->cohort, &error);
  g_autoptr (SpireRecord) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (panel->len, ==, 3);
  g_assert_cmpstr (spire_record_get_uuid (panel->pdata[0]), ==, chair); /* Anne, Kari, Ola */
  g_assert_cmpstr (spire_record_get_text (panel->pdata[2], "role"), ==, "observer");

  /* The same person again: their role changes, no second seat */
  again = spire_panel_add (w->store, w->cohort, w->people->pdata[1], "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_uuid (again), ==, member);
  g_assert_cmpstr (spire_record_get_text (again, "role"), ==, "chair");
  g_assert_cmpint (count (w, "evaluators", "cohort", w->cohort), ==, 3);

  g_assert_null (spire_panel_add (w->store, w->cohort, w->people->pdata[1], "juror", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);

  /* Observers are never assigned */
  g_assert_false (spire_assign (w->store, observer, app, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ola Vik"));
  g_clear_error (&error);

  /* A member with an assignment cannot become an observer */
  g_assert_true (spire_assign (w->store, member, app, &error));
  g_assert_false (spire_panel_set_role (w->store, member, "observer", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE);
  g_clear_error (&error);

  /* Removing: refused once they have written a review (it stays on record) */
  submit (w, member, app, 5, 5);
  g_assert_false (spire_panel_remove (w->store, member, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Kari Nordmann"));
  g_clear_error (&error);
  g_assert_true (spire_store_exists (w->store, &spire_kind_evaluator, member));

  /* A member without reviews goes, with their assignments */
  g_assert_true (spire_assign (w->store, chair, app, &error));
  g_assert_true (spire_panel_remove (w->store, chair, &error));
  g_assert_no_error (error);
  g_assert_false (spire_store_exists (w->store, &spire_kind_evaluator, chair));
  g_assert_cmpint (count (w, "assignments", "evaluator", chair), ==, 0);
}

/* Conflicts of interest */

static void
test_conflict_orgnr (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *nordlys_org = orgnr (w, 1);
  const char *s = add_startup (w, "Nordlys AS", nordlys_org, NULL);
  const char *other = add_startup (w, "Fjordkraft Lab AS", orgnr (w, 2), NULL);
  const char *app = add_application (w, s, "Varmestyring", w->ch_oslo, "received");
  const char *app2 = add_application (w, other, "Solceller", w->ch_oslo, "received");
  /* Works for Nordlys: same organisation number, a private e-mail address */
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari.nordmann@gmail.com", nordlys_org,
                                    "member");
  const char *per = add_evaluator (w, "Per Hansen", "per@sintef.no", orgnr (w, 3), "member");
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  SpireRecord *c;

  found = spire_conflicts_detect (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  c = found->pdata[0];
  g_assert_cmpstr (spire_record_get_text (c, "evaluator"), ==, kari);
  g_assert_cmpstr (spire_record_get_text (c, "startup"), ==, s);
  g_assert_cmpstr (spire_record_get_text (c, "origin"), ==, "detected");
  g_assert_false (spire_record_get_bool (c, "confirmed"));
  g_assert_nonnull (strstr (spire_record_get_text (c, "reason"), "Nordlys AS"));
  g_assert_nonnull (strstr (spire_record_get_text (c, "reason"), "organisation number"));

  /* Awaiting confirmation, it already blocks */
  pending = spire_conflicts_list_pending (w->store, w->cohort, NULL);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_true (spire_conflict_blocks (w->store, kari, app, NULL));
  g_assert_false (spire_conflict_blocks (w->store, kari, app2, NULL));
  g_assert_false (spire_conflict_blocks (w->store, per, app, NULL));

  /* Nothing new the second time */
  again = spire_conflicts_detect (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpint (count (w, "conflicts", NULL, NULL), ==, 1);
}

static void
test_conflict_email (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *nordlys = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *solkraft = add_startup (w, "Solkraft AS", NULL, "https://www.solkraft.no/om-oss");
  const char *fjord = add_startup (w, "Fjordkraft Lab AS", NULL, NULL);
  const char *app1 = add_application (w, nordlys, "Varmestyring", w->ch_oslo, "received");
  const char *app2 = add_application (w, solkraft, "Solceller", w->ch_oslo, "received");
  const char *app3 = add_application (w, fjord, "Bølgekraft", w->ch_oslo, "received");
  const char *ola = add (w, &spire_kind_person, "name", "Ola Nordlys", "email", "ola@nordlys.no",
                         "startup", nordlys, NULL);
  /* Same domain as a contact person of Nordlys */
  const char *kari = add_evaluator (w, "Kari Nordmann", "Kari@Nordlys.no", NULL, "member");
  /* Same domain as the website of Solkraft */
  const char *per = add_evaluator (w, "Per Hansen", "per@solkraft.no", NULL, "member");
  /* Unrelated */
  const char *eva = add_evaluator (w, "Eva Lie", "eva@ntnu.no", NULL, "member");
  g_autoptr (GPtrArray) found = NULL;

  (void) ola;
  found = spire_conflicts_detect (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (spire_conflict_blocks (w->store, kari, app1, NULL));
  g_assert_false (spire_conflict_blocks (w->store, kari, app2, NULL));
  g_assert_true (spire_conflict_blocks (w->store, per, app2, NULL));
  g_assert_false (spire_conflict_blocks (w->store, per, app1, NULL));
  for (guint i = 0; i < w->apps->len; i++)
    g_assert_false (spire_conflict_blocks (w->store, eva, w->apps->pdata[i], NULL));
  g_assert_false (spire_conflict_blocks (w->store, kari, app3, NULL));
  for (guint i = 0; i < found->len; i++)
    {
      const char *reason = spire_record_get_text (found->pdata[i], "reason");

      g_assert_nonnull (strstr (reason, "e-mail"));
      if (g_strcmp0 (spire_record_get_text (found->pdata[i], "evaluator"), kari) == 0)
        g_assert_nonnull (strstr (reason, "Ola Nordlys"));
      else
        g_assert_nonnull (strstr (reason, "website"));
    }
}

static void
test_conflict_public_mail (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *s = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *s2 = add_startup (w, "Hjemmekontor AS", NULL, "https://online.no");
  const char *app = add_application (w, s, "Varmestyring", w->ch_oslo, "received");
  const char *app2 = add_application (w, s2, "Fjernarbeid", w->ch_oslo, "received");
  const char *kari = NULL;
  g_autoptr (GPtrArray) found = NULL;

  add (w, &spire_kind_person, "name", "Ola Nordlys", "email", "ola.nordlys@gmail.com", "startup",
       s, NULL);
  add (w, &spire_kind_person, "name", "Siri Hjem", "email", "siri@online.no", "startup", s2, NULL);
  kari = add_evaluator (w, "Kari Nordmann", "kari.nordmann@gmail.com", NULL, "member");
  add_evaluator (w, "Per Hansen", "per.hansen@online.no", NULL, "member");

  g_assert_true (spire_email_domain_is_public ("gmail.com"));
  g_assert_true (spire_email_domain_is_public ("GMAIL.COM"));
  g_assert_true (spire_email_domain_is_public ("online.no"));
  g_assert_false (spire_email_domain_is_public ("nordlys.no"));

  found = spire_conflicts_detect (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_false (spire_conflict_blocks (w->store, kari, app, NULL));
  g_assert_true (spire_assign (w->store, kari, app, &error));
  g_assert_true (spire_assign (w->store, kari, app2, &error));
  g_assert_no_error (error);
}

static void
test_conflict_blocks_assignment (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *s = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *app = add_application (w, s, "Varmestyring", w->ch_oslo, "received");
  const char *app2 = add_application (w, add_startup (w, "Fjordkraft Lab AS", NULL, NULL),
                                      "Solceller", w->ch_oslo, "received");
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *per = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  g_autoptr (SpireRecord) conflict = NULL;
  g_autoptr (GPtrArray) visible = NULL;
  const char *evs[] = { kari, per, NULL };
  const char *apps[] = { app, app2, NULL };

  g_assert_true (spire_assign (w->store, kari, app, &error));
  g_assert_no_error (error);

  /* A reason is required */
  g_assert_null (spire_conflict_declare (w->store, kari, NULL, s, "family", "", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);

  /* Declaring removes the assignment it blocks */
  conflict = spire_conflict_declare (w->store, kari, NULL, s, "family",
                                     "Her brother founded Nordlys.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (conflict, "origin"), ==, "declared");
  g_assert_true (spire_record_get_bool (conflict, "confirmed"));
  g_assert_false (assigned (w, kari, app));

  /* Refused with a message naming both */
  g_assert_false (spire_assign (w->store, kari, app, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Kari Nordmann"));
  g_assert_nonnull (strstr (error->message, "Nordlys AS"));
  g_assert_nonnull (strstr (error->message, "Varmestyring"));
  g_clear_error (&error);

  /* Bulk assignment is all or nothing */
  g_assert_false (spire_assign_many (w->store, evs, apps, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (w, "assignments", NULL, NULL), ==, 0);

  /* She never sees it, nor may she review it */
  g_assert_true (spire_assign (w->store, kari, app2, &error));
  visible = spire_panel_list_visible_applications (w->store, kari, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visible->len, ==, 1);
  g_assert_cmpstr (spire_record_get_uuid (visible->pdata[0]), ==, app2);
  g_assert_null (spire_review_open (w->store, kari, app, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);

  /* A declared conflict cannot be dismissed */
  g_assert_false (spire_conflict_dismiss (w->store, spire_record_get_uuid (conflict), "no", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
}

static void
test_conflict_confirm_dismiss (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *nordlys = add_startup (w, "Nordlys AS", NULL, "https://nordlys.no");
  const char *solkraft = add_startup (w, "Solkraft AS", NULL, "https://solkraft.no");
  const char *app1 = add_application (w, nordlys, "Varmestyring", w->ch_oslo, "received");
  const char *app2 = add_application (w, solkraft, "Solceller", w->ch_oslo, "received");
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@nordlys.no", NULL, "member");
  const char *per = add_evaluator (w, "Per Hansen", "per@solkraft.no", NULL, "member");
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (SpireRecord) c = NULL;
  const char *c_kari = NULL, *c_per = NULL;

  /* Assigned before detection: detection takes the assignment away */
  g_assert_true (spire_assign (w->store, kari, app1, &error));
  g_assert_no_error (error);
  found = spire_conflicts_detect (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_false (assigned (w, kari, app1));
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (spire_record_get_text (found->pdata[i], "evaluator"), kari) == 0)
      c_kari = spire_record_get_uuid (found->pdata[i]);
    else
      c_per = spire_record_get_uuid (found->pdata[i]);

  /* Kari works for Nordlys: confirmed */
  g_assert_true (spire_conflict_confirm (w->store, c_kari, &error));
  g_assert_no_error (error);
  c = fetch (w, &spire_kind_conflict, c_kari);
  g_assert_true (spire_record_get_bool (c, "confirmed"));
  g_assert_true (spire_conflict_blocks (w->store, kari, app1, NULL));
  g_assert_false (spire_conflict_dismiss (w->store, c_kari, "mistake", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);

  /* Per's is a coincidence: dismissed with a reason */
  g_assert_false (spire_conflict_dismiss (w->store, c_per, " ", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (spire_conflict_blocks (w->store, per, app2, NULL));
  g_assert_true (spire_conflict_dismiss (w->store, c_per,
                                         "solkraft.no is his sports club, not the startup.",
                                         &error));
  g_assert_no_error (error);
  g_assert_false (spire_conflict_blocks (w->store, per, app2, NULL));
  g_assert_true (spire_assign (w->store, per, app2, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) pending = spire_conflicts_list_pending (w->store, w->cohort, NULL);
    g_autoptr (GPtrArray) all = spire_conflicts_list (w->store, w->cohort, NULL);

    g_assert_cmpuint (pending->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 2);
  }

  /* It stays on record as dismissed: who, when, why */
  g_clear_object (&c);
  c = fetch (w, &spire_kind_conflict, c_per);
  g_assert_false (spire_record_is_null (c, "dismissed_at"));
  g_assert_cmpstr (spire_record_get_text (c, "dismissed_by"), ==, "Test Manager");
  g_assert_cmpstr (spire_record_get_text (c, "dismiss_reason"), ==,
                   "solkraft.no is his sports club, not the startup.");
  g_assert_false (spire_record_get_bool (c, "confirmed"));
  g_assert_false (spire_conflict_dismiss (w->store, c_per, "again", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spire_conflict_confirm (w->store, c_per, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spire_conflict_blocks (w->store, per, app2, NULL));

  /* Detecting again does not bring the dismissed one back */
  again = spire_conflicts_detect (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_true (assigned (w, per, app2));
}

/* Backup and restore */

/* A screening answer and a dismissed conflict survive a spire-backup into
 * an empty database, and still have their effect there. */
static void
test_backup_restore (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *nordlys = add_startup (w, "Nordlys AS", NULL, "https://nordlys.no");
  const char *solkraft = add_startup (w, "Solkraft AS", NULL, "https://solkraft.no");
  const char *app1 = add_application (w, nordlys, "Varmestyring", w->ch_oslo, "received");
  const char *app2 = add_application (w, solkraft, "Solceller", w->ch_oslo, "received");
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@nordlys.no", NULL, "member");
  const char *per = add_evaluator (w, "Per Hansen", "per@solkraft.no", NULL, "member");
  g_autofree char *path = g_build_filename (w->dir, "restored.db", NULL);
  g_autofree char *doc = NULL;
  g_autoptr (SpireStore) restored = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  SpireScreeningAnswer *a;
  const char *c_per = NULL;
  guint n_dismissed = 0;

  g_assert_true (spire_screening_answer (w->store, app1, w->c_gate, TRUE, "Org.nr. checked",
                                         &error));
  g_assert_no_error (error);
  found = spire_conflicts_detect (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (spire_record_get_text (found->pdata[i], "evaluator"), per) == 0)
      c_per = spire_record_get_uuid (found->pdata[i]);
  g_assert_true (spire_conflict_dismiss (w->store, c_per, "His sports club, not the startup.",
                                         &error));
  g_assert_no_error (error);

  doc = spire_exchange_export_string (w->store, &error);
  g_assert_no_error (error);
  restored = spire_store_open (path, &error);
  g_assert_no_error (error);
  spire_store_set_actor (restored, "Restorer");
  g_assert_true (spire_exchange_import_data (restored, doc, -1, "backup.json", NULL, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);

  /* The gate answer is there, as it was given */
  answers = spire_screening_list_answers (restored, app1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  a = answers->pdata[0];
  g_assert_cmpstr (a->criterion, ==, w->c_gate);
  g_assert_true (a->passed);
  g_assert_cmpstr (a->note, ==, "Org.nr. checked");
  g_assert_cmpstr (a->by, ==, "Test Manager");
  g_assert_true (spire_screening_all_passed (restored, app1, NULL));
  g_assert_false (spire_screening_all_passed (restored, app2, NULL));

  /* The dismissal is there: it does not block, is not pending, and
   * detection does not propose the pair again; Kari's still blocks */
  all = spire_conflicts_list (restored, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    if (!spire_record_is_null (all->pdata[i], "dismissed_at"))
      {
        n_dismissed++;
        g_assert_cmpstr (spire_record_get_uuid (all->pdata[i]), ==, c_per);
        g_assert_cmpstr (spire_record_get_text (all->pdata[i], "dismiss_reason"), ==,
                         "His sports club, not the startup.");
      }
  g_assert_cmpuint (n_dismissed, ==, 1);
  pending = spire_conflicts_list_pending (restored, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_false (spire_conflict_blocks (restored, per, app2, NULL));
  g_assert_true (spire_conflict_blocks (restored, kari, app1, NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = spire_conflicts_detect (restored, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_true (spire_assign (restored, per, app2, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&restored));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
}

/* Assignment */

typedef struct
{
  guint max, min;
} Loads;

static Loads
loads (W *w)
{
  Loads l = { 0, G_MAXUINT };

  for (guint e = 0; e < w->evs->len; e++)
    {
      g_autoptr (SpireRecord) ev = fetch (w, &spire_kind_evaluator, w->evs->pdata[e]);
      guint n;

      if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
        continue;
      n = (guint) count (w, "assignments", "evaluator", w->evs->pdata[e]);
      l.max = MAX (l.max, n);
      l.min = MIN (l.min, n);
    }
  return l;
}

/* Every assignable application has exactly @k evaluators, none with a
 * conflict, no observer, ineligible and withdrawn ones none. */
static void
check_assignment (W *w, guint k)
{
  for (guint a = 0; a < w->apps->len; a++)
    {
      g_autoptr (SpireRecord) app = fetch (w, &spire_kind_application, w->apps->pdata[a]);
      g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_assignment,
                                                     "application", w->apps->pdata[a], NULL);
      const char *status = spire_record_get_text (app, "status");

      if (g_str_equal (status, "ineligible") || g_str_equal (status, "withdrawn"))
        {
          g_assert_cmpuint (list->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (list->len, ==, k);
      for (guint i = 0; i < list->len; i++)
        {
          const char *ev = spire_record_get_text (list->pdata[i], "evaluator");
          g_autoptr (SpireRecord) e = fetch (w, &spire_kind_evaluator, ev);

          g_assert_false (spire_conflict_blocks (w->store, ev, w->apps->pdata[a], NULL));
          g_assert_cmpstr (spire_record_get_text (e, "role"), !=, "observer");
        }
    }
}

static void
test_assign_auto (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *names[] = { "Anne Berg", "Bjørn Dahl", "Cecilie Ås", "Dag Lunde", "Eva Lie",
                          "Finn Moe", "Gro Nes" };
  const char *kept_ev, *kept_app;
  const char *observer;
  guint n_added = 0;
  Loads l;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *email = g_strdup_printf ("person%u@uni%u.no", i, i);

      add_evaluator (w, names[i], email, NULL, i == 0 ? "chair" : "member");
    }
  observer = add_evaluator (w, "Hans Observatør", "hans@kommune.no", NULL, "observer");
  for (guint i = 0; i < 31; i++)
    {
      g_autofree char *name = g_strdup_printf ("Startup %02u AS", i);
      g_autofree char *title = g_strdup_printf ("Idea %02u", i);
      const char *status = i == 3 ? "ineligible" : i == 4 ? "withdrawn" : i % 2 ? "in_review"
                                                                                 : "received";

      add_application (w, add_startup (w, name, NULL, NULL), title,
                       i % 3 ? w->ch_oslo : w->ch_bergen, status);
    }
  /* Conflicts: declared and detected-pending both keep evaluators away */
  declared (spire_conflict_declare (w->store, w->evs->pdata[0], w->apps->pdata[0], NULL,
                                            "owner", "Shareholder.", &error));
  declared (spire_conflict_declare (w->store, w->evs->pdata[1], NULL, w->startups->pdata[0],
                                            "family", "Sister is CEO.", &error));
  declared (spire_conflict_declare (w->store, w->evs->pdata[2], NULL, w->startups->pdata[5],
                                            "competitor", "Runs a competing company.", &error));
  g_assert_no_error (error);
  /* One assignment made by hand is kept */
  kept_ev = w->evs->pdata[6];
  kept_app = w->apps->pdata[10];
  g_assert_true (spire_assign (w->store, kept_ev, kept_app, &error));
  g_assert_no_error (error);

  g_assert_true (spire_assign_auto (w->store, w->cohort, 3, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 29 * 3 - 1);
  check_assignment (w, 3);
  g_assert_true (assigned (w, kept_ev, kept_app));
  g_assert_cmpint (count (w, "assignments", "evaluator", observer), ==, 0);
  l = loads (w);
  g_assert_cmpuint (l.max - l.min, <=, 1);

  /* Again: nothing to do */
  g_assert_true (spire_assign_auto (w->store, w->cohort, 3, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);

  /* A new application later gets its evaluators from the least loaded */
  add_application (w, add_startup (w, "Sen søker AS", NULL, NULL), "Late idea", w->ch_oslo,
                   "received");
  g_assert_true (spire_assign_auto (w->store, w->cohort, 0 /* default 3 */, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  check_assignment (w, 3);
  l = loads (w);
  g_assert_cmpuint (l.max - l.min, <=, 1);
}

static void
test_assign_auto_impossible (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *nordlys;
  guint audit_before, n_added = 99;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      g_autofree char *email = g_strdup_printf ("m%u@uni%u.no", i, i);

      add_evaluator (w, name, email, NULL, "member");
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Startup %u AS", i);

      add_application (w, add_startup (w, name, NULL, NULL), name, w->ch_oslo, "received");
    }
  nordlys = add_startup (w, "Nordlys AS", NULL, NULL);
  add_application (w, nordlys, "Varmestyring", w->ch_oslo, "received");
  for (guint i = 0; i < 3; i++)
    declared (spire_conflict_declare (w->store, w->evs->pdata[i], NULL, nordlys,
                                              "employee", "Works there.", &error));
  g_assert_true (spire_assign (w->store, w->evs->pdata[4], w->apps->pdata[0], &error));
  g_assert_no_error (error);

  audit_before = n_audit (w);
  g_assert_false (spire_assign_auto (w->store, w->cohort, 3, &n_added, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nordlys AS"));
  g_assert_nonnull (strstr (error->message, "only 2 panel members"));
  g_assert_nonnull (strstr (error->message, "3 are needed"));
  g_clear_error (&error);
  g_assert_cmpuint (n_added, ==, 0);
  /* Nothing changed */
  g_assert_cmpint (count (w, "assignments", NULL, NULL), ==, 1);
  g_assert_cmpuint (n_audit (w), ==, audit_before);

  /* With two evaluators per application it works */
  g_assert_true (spire_assign_auto (w->store, w->cohort, 2, &n_added, &error));
  g_assert_no_error (error);
  check_assignment (w, 2);

  /* A panel too small for k */
  g_assert_false (spire_assign_auto (w->store, w->cohort, 6, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Kull 2026"));
}

static void
test_assign_auto_owner (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = fetch (w, &spire_kind_cohort, w->cohort);
  GPtrArray *oslo_members = g_ptr_array_new ();
  Loads l;

  spire_record_set_bool (cohort, "owner_on_panel", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      g_autofree char *email = g_strdup_printf ("m%u@uni%u.no", i, i);
      const char *ev = add_evaluator (w, name, email, NULL, "member");

      /* Two of them work for Oslo kommune, which owns one challenge */
      if (i == 4 || i == 7)
        {
          g_autoptr (SpireRecord) p = fetch (w, &spire_kind_person, w->people->pdata[i]);

          spire_record_set_text (p, "public_body", w->oslo);
          g_assert_true (spire_store_update (w->store, p, &error));
          g_ptr_array_add (oslo_members, (gpointer) ev);
        }
    }
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *name = g_strdup_printf ("Startup %02u AS", i);

      add_application (w, add_startup (w, name, NULL, NULL), name,
                       i < 8 ? w->ch_oslo : i < 20 ? w->ch_bergen : NULL, "received");
    }
  /* One Oslo member has a conflict with one of the Oslo applications */
  declared (spire_conflict_declare (w->store, oslo_members->pdata[0], w->apps->pdata[0],
                                            NULL, "other", "Advised them last year.", &error));
  g_assert_no_error (error);

  g_assert_true (spire_assign_auto (w->store, w->cohort, 3, NULL, &error));
  g_assert_no_error (error);
  check_assignment (w, 3);
  l = loads (w);
  g_assert_cmpuint (l.max - l.min, <=, 1);
  for (guint a = 0; a < 8; a++)
    {
      gboolean has_owner = FALSE;

      for (guint i = 0; i < oslo_members->len; i++)
        has_owner |= assigned (w, oslo_members->pdata[i], w->apps->pdata[a]);
      g_assert_true (has_owner);
    }
  g_assert_false (assigned (w, oslo_members->pdata[0], w->apps->pdata[0]));
  g_ptr_array_unref (oslo_members);
}

static void
test_assign_auto_owner_impossible (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = fetch (w, &spire_kind_cohort, w->cohort);

  spire_record_set_bool (cohort, "owner_on_panel", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      g_autofree char *email = g_strdup_printf ("m%u@uni%u.no", i, i);

      add_evaluator (w, name, email, NULL, "member");
      if (i == 0)
        {
          g_autoptr (SpireRecord) p = fetch (w, &spire_kind_person, w->people->pdata[0]);

          spire_record_set_text (p, "public_body", w->oslo);
          g_assert_true (spire_store_update (w->store, p, &error));
        }
    }
  /* 12 Oslo applications, one Oslo member, an even share is 6 */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Startup %02u AS", i);

      add_application (w, add_startup (w, name, NULL, NULL), name, w->ch_oslo, "received");
    }
  g_assert_false (spire_assign_auto (w->store, w->cohort, 3, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Oslo kommune"));
  g_assert_nonnull (strstr (error->message, "Challenge owner on the panel"));
  g_assert_cmpint (count (w, "assignments", NULL, NULL), ==, 0);
}

/* Reviews */

static void
test_review_flow (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *per = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  const char *app = add_application (w, add_startup (w, "Nordlys AS", NULL, NULL), "Varme",
                                     w->ch_oslo, "in_review");
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (SpireRecord) assignment = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *updated = NULL;
  guint audit_before;
  gboolean reopened = FALSE;

  /* Not assigned: cannot open */
  g_assert_null (spire_review_open (w->store, kari, app, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not assigned"));
  g_clear_error (&error);
  g_assert_true (spire_assign (w->store, kari, app, &error));
  g_assert_true (spire_assign (w->store, per, app, &error));
  g_assert_no_error (error);

  /* Opening stores nothing */
  review = spire_review_open (w->store, kari, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "draft");
  g_assert_cmpint (count (w, "reviews", NULL, NULL), ==, 0);
  g_clear_object (&review);

  /* A value outside the scale is refused, even in a draft */
  review = draft (w, kari, app, 8, 4, &error);
  g_assert_null (review);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Team"));
  g_assert_nonnull (strstr (error->message, "outside the scale"));
  g_clear_error (&error);
  g_assert_cmpint (count (w, "reviews", NULL, NULL), ==, 0);

  /* A gate is not scored in a review */
  {
    g_autoptr (SpireRecord) r = spire_review_open (w->store, kari, app, &error);
    g_autoptr (GPtrArray) s = g_ptr_array_new_with_free_func (g_object_unref);
    SpireRecord *score = spire_record_new (&spire_kind_score);

    spire_record_set_text (score, "criterion", w->c_gate);
    spire_record_set_real (score, "value", 1);
    g_ptr_array_add (s, score);
    g_assert_false (spire_review_save_draft (w->store, r, s, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* A draft: stored, the assignment is drafted, no audit entries */
  audit_before = n_audit (w);
  review = draft (w, kari, app, 6, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit (w), ==, audit_before);
  scores = spire_review_list_scores (w->store, spire_record_get_uuid (review), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 3);
  g_assert_cmpstr (spire_record_get_text (scores->pdata[0], "criterion"), ==, w->c_team);
  g_assert_cmpfloat (spire_record_get_real (scores->pdata[0], "value"), ==, 6);
  g_assert_cmpstr (spire_record_get_text (scores->pdata[0], "comment"), ==, "Strong founders");
  g_assert_true (isnan (spire_record_get_real (scores->pdata[2], "value"))); /* N/A */
  {
    g_autoptr (GPtrArray) a = spire_store_list (w->store, &spire_kind_assignment, "evaluator",
                                                kari, NULL);

    g_assert_cmpstr (spire_record_get_text (a->pdata[0], "state"), ==, "drafted");
  }

  /* Saving the same again writes nothing */
  stored = fetch (w, &spire_kind_review, spire_record_get_uuid (review));
  updated = g_strdup (spire_record_get_text (stored, "updated_at"));
  g_clear_object (&stored);
  {
    g_autoptr (SpireRecord) same = draft (w, kari, app, 6, 4, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (spire_record_get_uuid (same), ==, spire_record_get_uuid (review));
  }
  g_assert_cmpint (count (w, "reviews", NULL, NULL), ==, 1);
  g_assert_cmpint (count (w, "scores", NULL, NULL), ==, 3);

  /* Submitting with a criterion not answered is refused */
  {
    g_autoptr (GPtrArray) s = g_ptr_array_new_with_free_func (g_object_unref);
    SpireRecord *score = spire_record_new (&spire_kind_score);

    spire_record_set_text (score, "criterion", w->c_team);
    spire_record_set_real (score, "value", 5);
    g_ptr_array_add (s, score);
    g_assert_true (spire_review_save_draft (w->store, review, s, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (w, "scores", "review", spire_record_get_uuid (review)), ==, 1);
    g_assert_false (spire_review_submit (w->store, spire_record_get_uuid (review), &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Market"));
    g_clear_error (&error);
  }
  g_clear_object (&review);
  review = draft (w, kari, app, 6, 4, &error);
  g_assert_no_error (error);

  /* Submitting locks it */
  g_assert_true (spire_review_submit (w->store, spire_record_get_uuid (review), &error));
  g_assert_no_error (error);
  stored = fetch (w, &spire_kind_review, spire_record_get_uuid (review));
  g_assert_cmpstr (spire_record_get_text (stored, "state"), ==, "submitted");
  g_assert_false (spire_record_is_null (stored, "submitted_at"));
  g_assert_cmpint (spire_record_get_int (stored, "rubric_version"), ==, 1);
  g_clear_object (&stored);
  {
    g_autoptr (GPtrArray) a = spire_store_list (w->store, &spire_kind_assignment, "evaluator",
                                                kari, NULL);

    g_assert_cmpstr (spire_record_get_text (a->pdata[0], "state"), ==, "submitted");
  }
  g_clear_object (&review);
  review = draft (w, kari, app, 2, 2, &error);
  g_assert_null (review);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);
  {
    g_autofree char *uuid = NULL;
    g_autoptr (GPtrArray) r = spire_store_list (w->store, &spire_kind_review, "evaluator", kari,
                                                NULL);

    uuid = g_strdup (spire_record_get_uuid (r->pdata[0]));
    g_assert_false (spire_review_submit (w->store, uuid, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);

    /* The manager reopens it, with a reason */
    g_assert_false (spire_review_reopen (w->store, uuid, "", &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (spire_review_reopen (w->store, uuid, "Scores were swapped by mistake.",
                                        &error));
    g_assert_no_error (error);
    stored = fetch (w, &spire_kind_review, uuid);
    g_assert_cmpstr (spire_record_get_text (stored, "state"), ==, "draft");
    g_assert_true (spire_record_is_null (stored, "submitted_at"));
    g_clear_object (&stored);
    audit = spire_store_list_audit (w->store, uuid, 0, NULL);
    for (guint i = 0; i < audit->len; i++)
      if (g_strcmp0 (g_hash_table_lookup (audit->pdata[i], "action"), "reopen") == 0)
        {
          reopened = TRUE;
          g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[i], "after"), "swapped"));
        }
    g_assert_true (reopened);
    {
      g_autoptr (GPtrArray) a = spire_store_list (w->store, &spire_kind_assignment, "evaluator",
                                                  kari, NULL);

      assignment = g_object_ref (a->pdata[0]);
    }
  }
  g_assert_cmpstr (spire_record_get_text (assignment, "state"), ==, "drafted");

  /* Editable again, and submitted again */
  submit (w, kari, app, 2, 3);

  /* After the rubric is unfrozen and its scale narrowed, an old draft value
   * outside the new scale is refused at submission */
  {
    g_autoptr (SpireRecord) per_review = draft (w, per, app, 7, 6, &error);
    g_autoptr (SpireRecord) rubric = NULL;

    g_assert_no_error (error);
    g_assert_true (spire_rubric_unfreeze (w->store, w->rubric, "Five steps are enough.", NULL,
                                          &error));
    rubric = fetch (w, &spire_kind_rubric, w->rubric);
    spire_record_set_int (rubric, "scale_max", 5);
    g_assert_true (spire_rubric_update (w->store, rubric, &error));
    g_assert_no_error (error);
    g_assert_false (spire_review_submit (w->store, spire_record_get_uuid (per_review), &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "outside the scale"));
    g_clear_error (&error);
    g_clear_object (&per_review);
    {
      g_autoptr (GPtrArray) mine = spire_store_list (w->store, &spire_kind_review, "evaluator",
                                                     per, NULL);

      per_review = g_object_ref (mine->pdata[0]);
    }
    g_assert_cmpstr (spire_record_get_text (per_review, "state"), ==, "draft");
  }
}

/* What the panel sees */

static void
test_visibility (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *per = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  const char *eva = add_evaluator (w, "Eva Lie", "eva@ntnu.no", NULL, "member");
  const char *obs = add_evaluator (w, "Ola Vik", "ola@vik.no", NULL, "observer");
  const char *s = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *app = add_application (w, s, "Varme", w->ch_oslo, "in_review");
  g_autoptr (GPtrArray) seen = NULL;
  g_autoptr (SpireRecord) eva_draft = NULL;

  g_assert_true (spire_assign (w->store, kari, app, &error));
  g_assert_true (spire_assign (w->store, per, app, &error));
  g_assert_true (spire_assign (w->store, eva, app, &error));
  g_assert_no_error (error);

  submit (w, per, app, 6, 6);
  eva_draft = draft (w, eva, app, 3, 3, &error);
  g_assert_no_error (error);

  /* Kari has not submitted: she sees no one else's scores */
  g_assert_false (spire_review_can_see_others (w->store, kari, app));
  seen = spire_review_list_visible (w->store, kari, app, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&seen, g_ptr_array_unref);
  {
    g_autoptr (SpireRecord) own = draft (w, kari, app, 5, 5, &error);

    g_assert_no_error (error);
  }
  seen = spire_review_list_visible (w->store, kari, app, &error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (spire_record_get_text (seen->pdata[0], "evaluator"), ==, kari);
  g_clear_pointer (&seen, g_ptr_array_unref);

  /* After submitting she sees Per's submitted review, never Eva's draft */
  submit (w, kari, app, 5, 5);
  g_assert_true (spire_review_can_see_others (w->store, kari, app));
  seen = spire_review_list_visible (w->store, kari, app, &error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (spire_record_get_text (seen->pdata[0], "evaluator"), ==, kari);
  g_assert_cmpstr (spire_record_get_text (seen->pdata[1], "evaluator"), ==, per);
  g_clear_pointer (&seen, g_ptr_array_unref);

  /* Eva, still drafting, sees only her own */
  seen = spire_review_list_visible (w->store, eva, app, &error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (spire_record_get_uuid (seen->pdata[0]), ==, spire_record_get_uuid (eva_draft));
  g_clear_pointer (&seen, g_ptr_array_unref);

  /* The observer sees the submitted ones */
  seen = spire_review_list_visible (w->store, obs, app, &error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_clear_pointer (&seen, g_ptr_array_unref);
  seen = spire_panel_list_visible_applications (w->store, obs, &error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_clear_pointer (&seen, g_ptr_array_unref);

  /* A conflict: nothing at all */
  declared (spire_conflict_declare (w->store, obs, app, NULL, "family", "Cousin.", &error));
  g_assert_false (spire_review_can_see_others (w->store, obs, app));
  seen = spire_review_list_visible (w->store, obs, app, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&seen, g_ptr_array_unref);
  seen = spire_panel_list_visible_applications (w->store, obs, &error);
  g_assert_cmpuint (seen->len, ==, 0);
}

static void
test_blind (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *s = add_startup (w, "Nordlys AS", orgnr (w, 1), "https://nordlys.no");
  const char *contact = add (w, &spire_kind_person, "name", "Ola Nordlys", "email",
                             "ola@nordlys.no", "startup", s, NULL);
  const char *app = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s,
                         "contact", contact, "title", "Varmestyring", "pitch", "Smart heat.",
                         "status", "in_review", "confidential", "Runway: 4 months", NULL);
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  g_autoptr (SpireRecord) seen = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) list = NULL;

  /* Open cohort: identity shown, confidential never */
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "startup"), ==, s);
  g_assert_cmpstr (spire_record_get_text (seen, "contact"), ==, contact);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, "Smart heat.");
  g_assert_null (spire_record_get_text (seen, "confidential"));
  g_clear_object (&seen);

  /* Blind: who applied is hidden too */
  cohort = fetch (w, &spire_kind_cohort, w->cohort);
  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_null (spire_record_get_text (seen, "startup"));
  g_assert_null (spire_record_get_text (seen, "contact"));
  g_assert_null (spire_record_get_text (seen, "confidential"));
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "Varmestyring");
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, "Smart heat.");

  g_assert_true (spire_assign (w->store, kari, app, &error));
  list = spire_panel_list_visible_applications (w->store, kari, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (spire_record_get_text (list->pdata[0], "startup"));
  g_assert_null (spire_record_get_text (list->pdata[0], "confidential"));

  /* The stored application is untouched */
  {
    g_autoptr (SpireRecord) stored = fetch (w, &spire_kind_application, app);

    g_assert_cmpstr (spire_record_get_text (stored, "confidential"), ==, "Runway: 4 months");
    g_assert_cmpstr (spire_record_get_text (stored, "startup"), ==, s);
  }
}

/* Blind mode also hides the startup's name, website and organisation
 * number in the free text, as whole words, case-insensitively (Æ Ø Å
 * too), and leaves an open cohort's text as it is. */
static void
test_blind_text (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *org = orgnr (w, 7);
  g_autofree char *spaced = g_strdup_printf ("%.3s %.3s %.3s", org, org + 3, org + 6);
  const char *s = add_startup (w, "Nordlys AS", org, "https://www.nordlys.no/");
  const char *pitch = "Nordlys AS har allerede pilotert hos Bergen kommune, se nordlys.no";
  g_autofree char *solution = g_strdup_printf (
    "NORDLYS (org.nr. %s, også %s) sponser Nordlysfestivalen; les www.Nordlys.no/om og "
    "nordlys-teamets blogg.", spaced, org);
  const char *app = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s,
                         "title", "Nordlys varmestyring", "pitch", pitch, "solution", solution,
                         "extra", "{\"team\":\"Grunnlagt av nordlys as-folk\",\"n\":3,"
                                  "\"refs\":[\"Nordlys\",\"Nordlyset\"]}",
                         "status", "in_review", NULL);
  const char *s2 = add_startup (w, "Blåbær Ørsta AS", NULL, NULL);
  const char *app2 = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s2,
                          "title", "Bær", "pitch", "BLÅBÆR ØRSTA lanserer; blåbær ørsta!",
                          "status", "in_review", NULL);
  g_autoptr (SpireRecord) seen = NULL;
  g_autoptr (SpireRecord) cohort = NULL;

  /* Open cohort: the text as it is */
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, pitch);
  g_assert_cmpstr (spire_record_get_text (seen, "solution"), ==, solution);
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "Nordlys varmestyring");
  g_clear_object (&seen);

  cohort = fetch (w, &spire_kind_cohort, w->cohort);
  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));

  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==,
                   "[the applicant] har allerede pilotert hos Bergen kommune, se "
                   "[the applicant]");
  g_assert_null (strstr (spire_record_get_text (seen, "pitch"), "Nordlys"));
  g_assert_null (strstr (spire_record_get_text (seen, "pitch"), "nordlys.no"));
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "[the applicant] varmestyring");
  /* a name inside another word stays: it is not the name */
  g_assert_cmpstr (spire_record_get_text (seen, "solution"), ==,
                   "[the applicant] (org.nr. [the applicant], også [the applicant]) sponser "
                   "Nordlysfestivalen; les [the applicant]/om og [the applicant]-teamets "
                   "blogg.");
  {
    g_autoptr (JsonNode) extra = json_from_string (spire_record_get_text (seen, "extra"),
                                                   &error);
    JsonObject *o;
    JsonArray *refs;

    g_assert_no_error (error);
    o = json_node_get_object (extra);
    g_assert_cmpstr (json_object_get_string_member (o, "team"), ==,
                     "Grunnlagt av [the applicant]-folk");
    g_assert_cmpint (json_object_get_int_member (o, "n"), ==, 3);
    refs = json_object_get_array_member (o, "refs");
    g_assert_cmpstr (json_array_get_string_element (refs, 0), ==, "[the applicant]");
    g_assert_cmpstr (json_array_get_string_element (refs, 1), ==, "Nordlyset");
  }
  g_clear_object (&seen);

  /* Æ Ø Å, upper and lower case */
  seen = spire_application_for_panel (w->store, app2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==,
                   "[the applicant] lanserer; [the applicant]!");
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "Bær");
  g_clear_object (&seen);

  /* The stored text is untouched */
  seen = fetch (w, &spire_kind_application, app);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, pitch);
}

/* Scale */

/* A panel of @n_ev and @n_app applications, written fast (no audit). */
static void
fill_large (W *w, guint n_ev, guint n_app)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (spire_store_begin (w->store, &error));
  for (guint i = 0; i < n_ev; i++)
    {
      g_autofree char *name = g_strdup_printf ("Evaluator %03u", i);
      g_autofree char *email = g_strdup_printf ("e%u@org%u.no", i, i);
      const char *person = add_person (w, name, email, NULL);
      const char *ev = add (w, &spire_kind_evaluator, "cohort", w->cohort, "person", person,
                            "role", i == 0 ? "chair" : "member", NULL);

      g_ptr_array_add (w->people, (gpointer) person);
      g_ptr_array_add (w->evs, (gpointer) ev);
    }
  for (guint i = 0; i < n_app; i++)
    {
      g_autofree char *name = g_strdup_printf ("Startup %04u AS", i);
      const char *s = add_startup (w, name, NULL, NULL);

      add_application (w, s, name, i % 2 ? w->ch_oslo : w->ch_bergen,
                       i % 50 == 7 ? "ineligible" : "received");
      /* Some conflicts */
      if (i % 37 == 0)
        add (w, &spire_kind_conflict, "evaluator", w->evs->pdata[i % n_ev], "startup", s,
             "origin", "declared", "kind", "other", "reason", "Knows the founders.",
             "confirmed", "1", NULL);
    }
  g_assert_true (spire_store_commit (w->store, &error));
}

/* Every assignable application of the cohort has @k evaluators, none of
 * them an observer or with a conflict of interest, and the loads of the
 * panel are within one.  One query per table, not per application. */
static void
check_cohort (SpireStore *store, const char *cohort, guint k)
{
  g_autoptr (GPtrArray) evs = spire_store_list (store, &spire_kind_evaluator, "cohort", cohort, NULL);
  g_autoptr (GPtrArray) asg = spire_store_list (store, &spire_kind_assignment, NULL, NULL, NULL);
  g_autoptr (GPtrArray) apps = spire_store_list (store, &spire_kind_application, "cohort", cohort,
                                                 NULL);
  g_autoptr (GPtrArray) conflicts = spire_store_list (store, &spire_kind_conflict, NULL, NULL, NULL);
  g_autoptr (GHashTable) per_app = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) per_ev = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) role = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) startup_of = g_hash_table_new (g_str_hash, g_str_equal);
  guint max = 0, min = G_MAXUINT, n_members = 0;

  for (guint i = 0; i < evs->len; i++)
    g_hash_table_insert (role, (gpointer) spire_record_get_uuid (evs->pdata[i]),
                         (gpointer) spire_record_get_text (evs->pdata[i], "role"));
  for (guint i = 0; i < apps->len; i++)
    g_hash_table_insert (startup_of, (gpointer) spire_record_get_uuid (apps->pdata[i]),
                         (gpointer) spire_record_get_text (apps->pdata[i], "startup"));
  for (guint i = 0; i < conflicts->len; i++)
    {
      const char *app = spire_record_get_text (conflicts->pdata[i], "application");
      const char *startup = spire_record_get_text (conflicts->pdata[i], "startup");

      g_hash_table_add (blocked, g_strconcat (spire_record_get_text (conflicts->pdata[i], "evaluator"),
                                              "|", startup ? startup : g_hash_table_lookup (startup_of, app),
                                              NULL));
    }
  for (guint i = 0; i < asg->len; i++)
    {
      const char *ev = spire_record_get_text (asg->pdata[i], "evaluator");
      const char *app = spire_record_get_text (asg->pdata[i], "application");
      g_autofree char *key = NULL;

      if (!g_hash_table_contains (role, ev) ||
          g_strcmp0 (spire_record_get_text (asg->pdata[i], "state"), "declined") == 0)
        continue;
      g_assert_cmpstr (g_hash_table_lookup (role, ev), !=, "observer");
      key = g_strconcat (ev, "|", g_hash_table_lookup (startup_of, app), NULL);
      g_assert_false (g_hash_table_contains (blocked, key));
      g_hash_table_insert (per_app, (gpointer) app,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_app, app)) + 1));
      g_hash_table_insert (per_ev, (gpointer) ev,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_ev, ev)) + 1));
    }
  for (guint i = 0; i < apps->len; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_app, spire_record_get_uuid (apps->pdata[i])));
      const char *status = spire_record_get_text (apps->pdata[i], "status");

      if (g_str_equal (status, "ineligible") || g_str_equal (status, "withdrawn"))
        g_assert_cmpuint (n, ==, 0);
      else
        g_assert_cmpuint (n, >=, k);
    }
  for (guint e = 0; e < evs->len; e++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_ev, spire_record_get_uuid (evs->pdata[e])));

      if (g_str_equal (spire_record_get_text (evs->pdata[e], "role"), "observer"))
        continue;
      n_members++;
      max = MAX (max, n);
      min = MIN (min, n);
    }
  g_assert_cmpuint (n_members, >, 0);
  g_assert_cmpuint (max - min, <=, 1);

  /* With the challenge owner on the panel: one of the owner's members on
   * each of its applications, when one without a conflict is on the panel */
  {
    g_autoptr (SpireRecord) c = spire_store_get (store, &spire_kind_cohort, cohort, NULL);
    g_autoptr (GHashTable) body_of = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr (GHashTable) owner_of = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr (GPtrArray) challenges = spire_store_list (store, &spire_kind_challenge, "cohort",
                                                         cohort, NULL);
    g_autoptr (GPtrArray) people = spire_store_list (store, &spire_kind_person, NULL, NULL, NULL);
    g_autoptr (GHashTable) person_body = g_hash_table_new (g_str_hash, g_str_equal);
    guint checked = 0;

    if (!spire_record_get_bool (c, "owner_on_panel"))
      return;
    for (guint i = 0; i < people->len; i++)
      if (spire_record_get_text (people->pdata[i], "public_body"))
        g_hash_table_insert (person_body, (gpointer) spire_record_get_uuid (people->pdata[i]),
                             (gpointer) spire_record_get_text (people->pdata[i], "public_body"));
    for (guint i = 0; i < evs->len; i++)
      if (!g_str_equal (spire_record_get_text (evs->pdata[i], "role"), "observer") &&
          g_hash_table_lookup (person_body, spire_record_get_text (evs->pdata[i], "person")))
        g_hash_table_insert (body_of, (gpointer) spire_record_get_uuid (evs->pdata[i]),
                             g_hash_table_lookup (person_body,
                                                  spire_record_get_text (evs->pdata[i], "person")));
    for (guint i = 0; i < challenges->len; i++)
      g_hash_table_insert (owner_of, (gpointer) spire_record_get_uuid (challenges->pdata[i]),
                           (gpointer) spire_record_get_text (challenges->pdata[i], "owner"));
    for (guint a = 0; a < apps->len; a++)
      {
        const char *app = spire_record_get_uuid (apps->pdata[a]);
        const char *ch = spire_record_get_text (apps->pdata[a], "challenge");
        const char *owner = ch ? g_hash_table_lookup (owner_of, ch) : NULL;
        const char *status = spire_record_get_text (apps->pdata[a], "status");
        gboolean available = FALSE, present = FALSE;

        if (owner == NULL || g_str_equal (status, "ineligible") || g_str_equal (status, "withdrawn"))
          continue;
        for (guint e = 0; e < evs->len; e++)
          {
            const char *ev = spire_record_get_uuid (evs->pdata[e]);
            g_autofree char *key = g_strconcat (ev, "|", g_hash_table_lookup (startup_of, app), NULL);

            if (g_strcmp0 (g_hash_table_lookup (body_of, ev), owner) == 0 &&
                !g_hash_table_contains (blocked, key))
              available = TRUE;
          }
        if (!available)
          continue;
        for (guint i = 0; i < asg->len && !present; i++)
          if (g_strcmp0 (spire_record_get_text (asg->pdata[i], "application"), app) == 0 &&
              g_strcmp0 (g_hash_table_lookup (body_of,
                                              spire_record_get_text (asg->pdata[i], "evaluator")),
                         owner) == 0)
            present = TRUE;
        g_assert_true (present);
        checked++;
      }
    g_test_message ("owner on the panel checked for %u applications", checked);
  }
}

static void
check_large (W *w, guint k)
{
  check_cohort (w->store, w->cohort, k);
}

static void
test_assign_auto_medium (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fill_large (w, 13, 500);
  g_assert_true (spire_assign_auto (w->store, w->cohort, 3, NULL, &error));
  g_assert_no_error (error);
  check_large (w, 3);
}

static void
test_assign_auto_large (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimer) timer = NULL;
  guint n_added = 0;

  if (!g_test_slow () && g_getenv ("SPIRE_TEST_LARGE") == NULL)
    {
      g_test_skip ("slow: run with -m slow or SPIRE_TEST_LARGE=1");
      return;
    }
  fill_large (w, 60, 4000);
  timer = g_timer_new ();
  g_assert_true (spire_assign_auto (w->store, w->cohort, 3, &n_added, &error));
  g_assert_no_error (error);
  g_test_message ("auto-assignment of %u (4000 applications, 60 evaluators): %.2f s", n_added,
                  g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
  check_large (w, 3);
}

/* The large demo data, when it can be made */
static void
test_assign_auto_demo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;
  g_autoptr (GTimer) timer = NULL;
  const char *biggest = NULL;

  if (!g_test_slow () && g_getenv ("SPIRE_TEST_LARGE") == NULL)
    {
      g_test_skip ("slow: run with -m slow or SPIRE_TEST_LARGE=1");
      return;
    }
  store = spire_store_new_memory (&error);
  g_assert_no_error (error);
  if (!spire_demo_fill (store, 1, SPIRE_DEMO_LARGE, FALSE, NULL, NULL, NULL, &error))
    {
      g_autofree char *why = g_strdup_printf ("no large demo data: %s", error->message);

      g_test_skip (why);
      return;
    }
  cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, &error);
  g_assert_no_error (error);
  timer = g_timer_new ();
  for (guint i = 0; i < cohorts->len; i++)
    {
      const char *uuid = spire_record_get_uuid (cohorts->pdata[i]);
      g_autoptr (GError) local = NULL;
      guint n_added = 0;
      gboolean ok;

      if (spire_store_count (store, &spire_kind_evaluator, "cohort", uuid) < 3)
        continue;
      if (biggest == NULL ||
          spire_store_count (store, &spire_kind_application, "cohort", uuid) >
            spire_store_count (store, &spire_kind_application, "cohort", biggest))
        biggest = uuid;
      g_timer_start (timer);
      ok = spire_assign_auto (store, uuid, 3, &n_added, &local);
      g_test_message ("%s: %s in %.2f s (%u added)%s%s", spire_record_get_display_name (cohorts->pdata[i]),
                      ok ? "assigned" : "refused", g_timer_elapsed (timer, NULL), n_added,
                      ok ? "" : ": ", ok ? "" : local->message);
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
      /* A refusal says why, as something a user can act on */
      if (!ok)
        g_assert_error (local, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    }

  /* The biggest cohort once more from scratch: its assignments (not its
   * reviews) taken away, then assigned again */
  g_assert_nonnull (biggest);
  {
    g_autoptr (GPtrArray) evs = spire_store_list (store, &spire_kind_evaluator, "cohort", biggest,
                                                  NULL);
    guint n_added = 0;
    g_autoptr (GPtrArray) found = NULL;

    g_timer_start (timer);
    found = spire_conflicts_detect (store, biggest, &error);
    g_assert_no_error (error);
    g_test_message ("conflict detection on the biggest cohort: %u new in %.2f s", found->len,
                    g_timer_elapsed (timer, NULL));
    g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);

    g_assert_true (spire_store_begin (store, &error));
    for (guint e = 0; e < evs->len; e++)
      {
        g_autoptr (GPtrArray) asg = spire_store_list (store, &spire_kind_assignment, "evaluator",
                                                      spire_record_get_uuid (evs->pdata[e]), NULL);

        for (guint i = 0; i < asg->len; i++)
          g_assert_true (spire_store_delete (store, asg->pdata[i], &error));
      }
    g_assert_true (spire_store_commit (store, &error));
    g_timer_start (timer);
    g_assert_true (spire_assign_auto (store, biggest, 3, &n_added, &error));
    g_assert_no_error (error);
    g_test_message ("biggest cohort (%" G_GINT64_FORMAT " applications, %u on the panel) "
                    "assigned from scratch: %u in %.2f s",
                    spire_store_count (store, &spire_kind_application, "cohort", biggest),
                    evs->len, n_added, g_timer_elapsed (timer, NULL));
    g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
    check_cohort (store, biggest, 3);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, W, NULL, world_setup, fn, world_teardown)
  ADD ("/evaluation/rubric/defaults", test_rubric_defaults);
  ADD ("/evaluation/rubric/copy", test_rubric_copy);
  ADD ("/evaluation/rubric/freeze", test_rubric_freeze);
  ADD ("/evaluation/screening", test_screening);
  ADD ("/evaluation/decisions", test_decisions);
  ADD ("/evaluation/panel", test_panel);
  ADD ("/evaluation/conflict/orgnr", test_conflict_orgnr);
  ADD ("/evaluation/conflict/email-domain", test_conflict_email);
  ADD ("/evaluation/conflict/public-mail", test_conflict_public_mail);
  ADD ("/evaluation/conflict/blocks-assignment", test_conflict_blocks_assignment);
  ADD ("/evaluation/conflict/confirm-dismiss", test_conflict_confirm_dismiss);
  ADD ("/evaluation/backup-restore", test_backup_restore);
  ADD ("/evaluation/assign/auto", test_assign_auto);
  ADD ("/evaluation/assign/auto-impossible", test_assign_auto_impossible);
  ADD ("/evaluation/assign/owner-on-panel", test_assign_auto_owner);
  ADD ("/evaluation/assign/owner-on-panel-impossible", test_assign_auto_owner_impossible);
  ADD ("/evaluation/assign/auto-medium", test_assign_auto_medium);
  ADD ("/evaluation/assign/auto-large", test_assign_auto_large);
  ADD ("/evaluation/review/flow", test_review_flow);
  ADD ("/evaluation/visibility", test_visibility);
  ADD ("/evaluation/blind", test_blind);
  ADD ("/evaluation/blind-text", test_blind_text);
#undef ADD
  g_test_add_func ("/evaluation/assign/demo-large", test_assign_auto_demo);

  return g_test_run ();
}
