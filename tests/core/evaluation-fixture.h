/* evaluation-fixture.h — the world the evaluation tests share
 *
 * W: a store in a temporary folder with a program, a cohort (4 seats), two
 * public bodies with a challenge each and a rubric (two scored criteria,
 * a not-counted one and a gate), no panel yet; world_setup / world_teardown
 * as g_test_add fixture functions, and the helpers that add people,
 * evaluators, startups and applications to it, count, and write reviews.
 * Used by test-rubric.c, test-screening.c, test-decisions.c, test-panel.c,
 * test-assignment.c, test-review.c and test-redaction.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

/* Asserts a conflict was declared and lets go of it. */
static inline void
declared (SpireRecord *conflict)
{
  g_assert_nonnull (conflict);
  g_object_unref (conflict);
}

static inline const char *
keep (W *w, char *s)
{
  g_ptr_array_add (w->strings, s);
  return s;
}

/* A record of @kind from "field", "value" pairs (NULL-terminated); saved
 * without audit inside whatever transaction is open.  Returns its uuid. */
static inline const char *
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
static inline const char *
orgnr (W *w, guint n)
{
  return keep (w, test_valid_orgnr (91000000 + n * 13));
}

static inline SpireRecord *
fetch (W *w, const SpireKind *kind, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  SpireRecord *r = spire_store_get (w->store, kind, uuid, &error);

  g_assert_no_error (error);
  return r;
}

static inline gint64
count (W *w, const char *table, const char *field, const char *value)
{
  return spire_store_count (w->store, spire_kind_lookup (table), field, value);
}

static inline guint
n_audit (W *w)
{
  g_autoptr (GPtrArray) all = spire_store_list_audit (w->store, NULL, 0, NULL);

  return all->len;
}

static inline gboolean
assigned (W *w, const char *ev, const char *app)
{
  g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_assignment, "evaluator", ev,
                                                 NULL);

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (spire_record_get_text (list->pdata[i], "application"), app) == 0)
      return TRUE;
  return FALSE;
}

static inline const char *
add_person (W *w, const char *name, const char *email, const char *org)
{
  return add (w, &spire_kind_person, "name", name, "email", email, "orgnr", org, NULL);
}

static inline const char *
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

static inline const char *
add_startup (W *w, const char *name, const char *org, const char *website)
{
  const char *s = add (w, &spire_kind_startup, "name", name, "orgnr", org, "website", website,
                       NULL);

  g_ptr_array_add (w->startups, (gpointer) s);
  return s;
}

static inline const char *
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
static inline void
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

static inline void
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
static inline SpireRecord *
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

static inline void
submit (W *w, const char *ev, const char *app, double team, double market)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = draft (w, ev, app, team, market, &error);

  g_assert_no_error (error);
  g_assert_true (spire_review_submit (w->store, spire_record_get_uuid (review), &error));
  g_assert_no_error (error);
}

/* An _async's callback keeps its result; wait_result() runs the main loop
 * until it is there (the worker's reads, issue 11). */
static inline void
on_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Adds a test with the world as its fixture. */
#define EVALUATION_TEST_ADD(path, fn) g_test_add (path, W, NULL, world_setup, fn, world_teardown)
