/* test-scenario.c — one cohort from applications to accepted startups
 *
 * The "Done means", end to end, through the core only, as the
 * program manager would see it at each step:
 *
 *   1. a program, a cohort of 4 seats (not blind), 10 startups with an
 *      application each, a rubric of five weighted criteria (1–7, mean,
 *      disagreement threshold 1.0);
 *   2. a panel of four, one of whom (Kari) has an e-mail address on the
 *      domain of Nordlys AS: detection finds exactly that conflict, the
 *      manager confirms it, and assigning her Nordlys is refused;
 *   3. automatic assignment, 3 evaluators per application, loads within one
 *      of each other, Kari never on Nordlys;
 *   4. Per works offline: package out, reviews in his own database, signed
 *      score sheet back in;
 *   5. the other three review in the office;
 *   6. the ranking has exactly one tie and exactly one disagreement flag,
 *      with every rank and score as computed by hand below;
 *   7. four accepted with one written reason; a fifth gives the seats
 *      warning, not a refusal.
 *
 * Each step is a story_* function below, run in this order by the one
 * test; a Story carries what the steps share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "spire-core.h"
#include "test-helpers.h"

#define N_APPS 10
#define N_CRIT 5
#define K 3

typedef struct
{
  char *dir;
  SpireStore *store; /* the program manager's database */
  GPtrArray *strings;
} W;

static const char *
keep (W *w, char *s)
{
  g_ptr_array_add (w->strings, s);
  return s;
}

static char *
path (W *w, const char *name)
{
  return g_build_filename (w->dir, name, NULL);
}

/* A record of @kind from "field", "value" pairs (NULL-terminated), saved in
 * the manager's database.  Returns its uuid. */
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

static const char *
orgnr (W *w, guint n)
{
  return keep (w, test_valid_orgnr (93000000 + n * 19));
}

static void
setup (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;

  w->dir = g_dir_make_tmp ("spire-scenario-XXXXXX", &error);
  g_assert_no_error (error);
  w->strings = g_ptr_array_new_with_free_func (g_free);
  file = path (w, "manager.db");
  w->store = spire_store_open (file, &error);
  g_assert_no_error (error);
  spire_store_set_actor (w->store, "Programleder");
}

static void
teardown (W *w, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (w->store);
  dir = g_dir_open (w->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = path (w, name);

      g_unlink (file);
    }
  g_rmdir (w->dir);
  g_free (w->dir);
  g_ptr_array_unref (w->strings);
}

/* ---------------------------------------------------------------------------
 * The scores, chosen by hand
 *
 * Criteria and weights (Σw = 10):
 *   Team 3, Market 2, Innovation 2, Feasibility 2, Impact 1.
 * A review's score is Σ wᵢsᵢ / 10.  Most reviews give one value v to every
 * criterion (score v); three do not:
 *   (7,5,5,5,3) → (21+10+10+10+3)/10 = 54/10 = 5.4   (unweighted: 5.0)
 *   (6,4,4,4,6) → (18+ 8+ 8+ 8+6)/10 = 48/10 = 4.8   (unweighted: 4.8)
 *   (4,5,5,5,6) → (12+10+10+10+6)/10 = 48/10 = 4.8   (unweighted: 5.0)
 *
 * Each application gets three reviews; which evaluator writes which of the
 * three is decided by the automatic assignment (the evaluators of an
 * application in UUID order take slots 0, 1, 2).  Nothing below depends on
 * who writes which: the aggregate is the mean, and ties are broken on the
 * sorted list.
 *
 *  app  reviews            mean           σ (population)           rank
 *  A0   6, 6, 6            18/3 = 6.000   0                         2
 *  A1   7, 6, 5            18/3 = 6.000   √(2/3)   = 0.816          1  (beats A0 on [7,6,5] > [6,6,6])
 *  A2   5.4, 5, 5          15.4/3 = 5.133 √(0.32/9) = 0.189         3
 *  A3   4.8, 5, 4          13.8/3 = 4.600 √(0.56/3) = 0.432         4  tied
 *  A4   4.8, 4, 5          13.8/3 = 4.600 √(0.56/3) = 0.432         4  tied (same sorted list [5, 4.8, 4])
 *  A5   7, 4, 2            13/3 = 4.333   √(38/9)   = 2.055 > 1.0   6  DISAGREEMENT
 *  A6   4, 4, 4            12/3 = 4.000   0                         7
 *  A7   4, 4, 3            11/3 = 3.667   √(2/9)    = 0.471         8
 *  A8   3, 3, 3             9/3 = 3.000   0                         9
 *  A9   2, 3, 2             7/3 = 2.333   √(2/9)    = 0.471        10
 *
 * (A5: μ = 13/3; deviations 8/3, −1/3, −7/3; Σ² = (64+1+49)/9 = 114/9;
 *  σ² = 114/27 = 38/9; σ = 2.055.)
 * Exactly one tie (A3, A4: competition ranking 4, 4, then 6) and exactly one
 * disagreement flag (A5; every other σ is at most 0.816 ≤ 1.0).
 * ------------------------------------------------------------------------- */

static const double weights[N_CRIT] = { 3, 2, 2, 2, 1 };
static const char *const crit_names[N_CRIT] = { "Team", "Market", "Innovation", "Feasibility",
                                                "Impact" };

#define ALL(v) { v, v, v, v, v }
static const double V[N_APPS][K][N_CRIT] = {
  { ALL (6), ALL (6), ALL (6) },
  { ALL (7), ALL (6), ALL (5) },
  { { 7, 5, 5, 5, 3 }, ALL (5), ALL (5) },
  { { 6, 4, 4, 4, 6 }, ALL (5), ALL (4) },
  { { 4, 5, 5, 5, 6 }, ALL (4), ALL (5) },
  { ALL (7), ALL (4), ALL (2) },
  { ALL (4), ALL (4), ALL (4) },
  { ALL (4), ALL (4), ALL (3) },
  { ALL (3), ALL (3), ALL (3) },
  { ALL (2), ALL (3), ALL (2) },
};
#undef ALL

static const double expected_mean[N_APPS] = { 18.0 / 3, 18.0 / 3, 15.4 / 3, 13.8 / 3, 13.8 / 3,
                                              13.0 / 3, 12.0 / 3, 11.0 / 3, 9.0 / 3, 7.0 / 3 };
static const guint expected_rank[N_APPS] = { 2, 1, 3, 4, 4, 6, 7, 8, 9, 10 };
/* The ranking's rows in order (A3 and A4 are tied; their order is for
 * display only, so the test accepts either). */
static const guint expected_order[N_APPS] = { 1, 0, 2, 3, 4, 5, 6, 7, 8, 9 };

/* For g_ptr_array_sort (): the elements are pointers to the strings */
static int
cmp_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The slot (0 … 2) of @ev among the evaluators assigned @app in the
 * manager's database: their UUIDs in strcmp order. */
static guint
slot_of (SpireStore *store, const char *ev, const char *app)
{
  g_autoptr (GPtrArray) list = spire_store_list (store, &spire_kind_assignment, "application",
                                                 app, NULL);
  g_autoptr (GPtrArray) evs = g_ptr_array_new ();
  guint slot = G_MAXUINT;

  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (evs, (gpointer) spire_record_get_text (list->pdata[i], "evaluator"));
  g_assert_cmpuint (evs->len, ==, K);
  g_ptr_array_sort (evs, cmp_strings);
  for (guint i = 0; i < evs->len; i++)
    if (g_strcmp0 (evs->pdata[i], ev) == 0)
      slot = i;
  g_assert_cmpuint (slot, <, K);
  return slot;
}

/* Writes and submits @ev's review of application @a in @db (the manager's
 * database or an evaluator database: the same functions), with the values
 * of slot @slot.  @crits are the criteria UUIDs in the rubric's order. */
static void
review (SpireStore *db, const char *ev, const char *app, guint a, guint slot,
        const char *const *crits)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) r = spire_review_open (db, ev, app, &error);
  g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) stored = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (r);
  for (guint c = 0; c < N_CRIT; c++)
    {
      SpireRecord *s = spire_record_new (&spire_kind_score);

      spire_record_set_text (s, "criterion", crits[c]);
      spire_record_set_real (s, "value", V[a][slot][c]);
      spire_record_set_text (s, "comment", c == 0 ? "Looked at the founders' track record." : NULL);
      g_ptr_array_add (scores, s);
    }
  spire_record_set_text (r, "recommendation", V[a][slot][0] >= 5 ? "yes" : "maybe");
  spire_record_set_text (r, "summary", "Scored against the rubric.");
  g_assert_true (spire_review_save_draft (db, r, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (r, "state"), ==, "draft");

  /* Not yet submitted: the others' reviews are hidden from this evaluator */
  g_assert_false (spire_review_can_see_others (db, ev, app));

  g_assert_true (spire_review_submit (db, spire_record_get_uuid (r), &error));
  g_assert_no_error (error);
  g_assert_true (spire_review_can_see_others (db, ev, app));

  stored = spire_review_list_scores (db, spire_record_get_uuid (r), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, N_CRIT);
}

/* ---------------------------------------------------------------------------
 * The story, one step a function
 *
 * Each step leaves what the later ones need in a Story: the cohort, its
 * rubric, the startups, applications, criteria and the panel (UUIDs kept
 * alive by the fixture).  The steps depend on each other and run in order
 * from one test.
 * ------------------------------------------------------------------------- */

enum
{
  ANNE,
  BJORN,
  KARI,
  PER,
  N_PANEL
};

typedef struct
{
  W *w;
  const char *cohort;
  const char *rubric;
  const char *startups[N_APPS];
  const char *apps[N_APPS];
  const char *crits[N_CRIT];
  const char *panel[N_PANEL]; /* evaluator UUIDs: Anne, Bjørn, Kari, Per */
} Story;

static const char *const names[N_APPS] = { "Nordlys AS",  "Fjordkraft Lab AS", "Solkraft AS",
                                           "Havbris AS",  "Granskog AS",       "Bygdetech AS",
                                           "Isbre AS",    "Kystdata AS",       "Myrull AS",
                                           "Tindeflyt AS" };
static const char *const hosts[N_APPS] = { "nordlys.no",  "fjordkraftlab.no", "solkraft.no",
                                           "havbris.no",  "granskog.no",      "bygdetech.no",
                                           "isbre.no",    "kystdata.no",      "myrull.no",
                                           "tindeflyt.no" };

/* -- 1. Program, cohort, applications, rubric -------------------------- */

static void
story_applications (Story *s)
{
  W *w = s->w;
  const char *program, *oslo, *challenge;

  program = add (w, &spire_kind_program, "name", "SmartOslo Akselerator", "kind", "accelerator",
                 NULL);
  s->cohort = add (w, &spire_kind_cohort, "program", program, "name", "Kull 2026", "phase",
                   "evaluation", "seats", "4", "blind", "0", NULL);
  oslo = add (w, &spire_kind_public_body, "name", "Oslo kommune", "kind", "municipality", NULL);
  challenge = add (w, &spire_kind_challenge, "cohort", s->cohort, "owner", oslo, "title",
                   "Tomme bygg som varmes opp", NULL);
  for (guint i = 0; i < N_APPS; i++)
    {
      g_autofree char *web = g_strdup_printf ("https://www.%s", hosts[i]);
      g_autofree char *title = g_strdup_printf ("Idé %u fra %s", i, names[i]);
      const char *contact = NULL;

      s->startups[i] = add (w, &spire_kind_startup, "name", names[i], "orgnr", orgnr (w, i),
                            "website", i % 3 == 1 ? NULL : web, NULL);
      /* Half of them have a contact person on the startup's own domain */
      if (i % 2 == 0)
        {
          g_autofree char *mail = g_strdup_printf ("gründer@%s", hosts[i]);

          contact = add (w, &spire_kind_person, "name", "Ola Gründer", "email", mail,
                         "startup", s->startups[i], NULL);
        }
      s->apps[i] = add (w, &spire_kind_application, "cohort", s->cohort, "startup",
                        s->startups[i], "contact", contact, "challenge", challenge, "title",
                        title, "status", "in_review", NULL);
    }
}

static void
story_rubric (Story *s)
{
  W *w = s->w;
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (SpireRecord) r = spire_rubric_create (w->store, s->cohort, &error);

    g_assert_no_error (error);
    s->rubric = keep (w, g_strdup (spire_record_get_uuid (r)));
    /* The defaults: 1–7, mean, no normalisation, version 1 */
    g_assert_cmpint (spire_record_get_int (r, "scale_min"), ==, 1);
    g_assert_cmpint (spire_record_get_int (r, "scale_max"), ==, 7);
    g_assert_cmpstr (spire_record_get_text (r, "aggregation"), ==, "mean");
    g_assert_cmpstr (spire_record_get_text (r, "normalisation"), ==, "none");
    g_assert_cmpint (spire_record_get_int (r, "version"), ==, 1);
    /* The panel discusses anything with σ above one point */
    spire_record_set_real (r, "disagreement_threshold", 1.0);
    g_assert_true (spire_rubric_update (w->store, r, &error));
    g_assert_no_error (error);
  }
  for (guint c = 0; c < N_CRIT; c++)
    {
      g_autoptr (SpireRecord) cr = spire_rubric_add_criterion (w->store, s->rubric,
                                                               crit_names[c],
                                                               "Look at the evidence.",
                                                               weights[c], "scored", &error);

      g_assert_no_error (error);
      s->crits[c] = keep (w, g_strdup (spire_record_get_uuid (cr)));
    }
  {
    g_autoptr (GPtrArray) list = spire_rubric_list_criteria (w->store, s->rubric, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, N_CRIT);
    for (guint c = 0; c < N_CRIT; c++)
      {
        g_assert_cmpstr (spire_record_get_uuid (list->pdata[c]), ==, s->crits[c]);
        g_assert_cmpfloat (spire_record_get_real (list->pdata[c], "weight"), ==, weights[c]);
      }
  }
}

/* -- 2. The panel, and the one conflict of interest ---------------------- */

/* A new person @name <@email> on the cohort's panel as @role; returns the
 * evaluator's UUID. */
static const char *
story_panel_add (Story *s, const char *name, const char *email, const char *role)
{
  W *w = s->w;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) ev = spire_panel_add (
      w->store, s->cohort, add (w, &spire_kind_person, "name", name, "email", email, NULL), role,
      &error);

  g_assert_no_error (error);
  return keep (w, g_strdup (spire_record_get_uuid (ev)));
}

static void
story_panel (Story *s)
{
  W *w = s->w;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  s->panel[ANNE] = story_panel_add (s, "Anne Berg", "anne.berg@oslo.kommune.no", "chair");
  s->panel[BJORN] = story_panel_add (s, "Bjørn Dahl", "bjorn@sintef.no", "member");
  /* Kari works at Nordlys: her address is on the domain of Nordlys's
   * contact person (gründer@nordlys.no) and website */
  s->panel[KARI] = story_panel_add (s, "Kari Nordmann", "kari@nordlys.no", "member");
  s->panel[PER] = story_panel_add (s, "Per Hansen", "per.hansen@gmail.com", "member");
  list = spire_panel_list (w->store, s->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
}

static void
story_conflict (Story *s)
{
  W *w = s->w;
  const char *kari = s->panel[KARI];
  g_autoptr (GError) error = NULL;
  const char *conflict_uuid;

  {
    g_autoptr (GPtrArray) found = spire_conflicts_detect (w->store, s->cohort, &error);
    g_autoptr (GPtrArray) pending = NULL;
    g_autoptr (GPtrArray) again = NULL;
    g_autoptr (SpireRecord) stored = NULL;
    SpireRecord *c;

    g_assert_no_error (error);
    g_assert_nonnull (found);
    g_assert_cmpuint (found->len, ==, 1);
    c = found->pdata[0];
    g_assert_cmpstr (spire_record_get_text (c, "evaluator"), ==, kari);
    g_assert_cmpstr (spire_record_get_text (c, "startup"), ==, s->startups[0]);
    g_assert_cmpstr (spire_record_get_text (c, "origin"), ==, "detected");
    g_assert_false (spire_record_get_bool (c, "confirmed"));
    g_assert_nonnull (strstr (spire_record_get_text (c, "reason"), "Nordlys AS"));
    conflict_uuid = keep (w, g_strdup (spire_record_get_uuid (c)));

    pending = spire_conflicts_list_pending (w->store, s->cohort, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pending->len, ==, 1);

    /* The manager confirms it */
    g_assert_true (spire_conflict_confirm (w->store, conflict_uuid, &error));
    g_assert_no_error (error);
    stored = spire_store_get (w->store, &spire_kind_conflict, conflict_uuid, &error);
    g_assert_no_error (error);
    g_assert_true (spire_record_get_bool (stored, "confirmed"));
    g_clear_pointer (&pending, g_ptr_array_unref);
    pending = spire_conflicts_list_pending (w->store, s->cohort, &error);
    g_assert_cmpuint (pending->len, ==, 0);

    /* Detection again finds nothing new */
    again = spire_conflicts_detect (w->store, s->cohort, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 0);
    g_assert_cmpint (spire_store_count (w->store, &spire_kind_conflict, NULL, NULL), ==, 1);
  }
  for (guint e = 0; e < N_PANEL; e++)
    for (guint a = 0; a < N_APPS; a++)
      g_assert_true (spire_conflict_blocks (w->store, s->panel[e], s->apps[a], NULL) ==
                     (s->panel[e] == kari && a == 0));

  /* Assigning Kari to Nordlys is refused, naming both */
  g_assert_false (spire_assign (w->store, kari, s->apps[0], &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Kari Nordmann"));
  g_assert_nonnull (strstr (error->message, "Nordlys AS"));
  g_clear_error (&error);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_assignment, NULL, NULL), ==, 0);
}

/* -- 3. Automatic assignment, K = 3 ------------------------------------ */

static void
story_assign (Story *s)
{
  W *w = s->w;
  const char *kari = s->panel[KARI];
  g_autoptr (GError) error = NULL;
  guint n_added = 0;
  guint load[N_PANEL] = { 0 };
  guint lo = G_MAXUINT, hi = 0;

  g_assert_true (spire_assign_auto (w->store, s->cohort, K, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, N_APPS * K);
  for (guint a = 0; a < N_APPS; a++)
    {
      g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_assignment,
                                                     "application", s->apps[a], NULL);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (list->len, ==, K);
      for (guint i = 0; i < list->len; i++)
        {
          const char *ev = spire_record_get_text (list->pdata[i], "evaluator");

          g_assert_cmpstr (spire_record_get_text (list->pdata[i], "state"), !=, "declined");
          g_assert_true (g_hash_table_add (seen, (gpointer) ev)); /* three different people */
          g_assert_false (spire_conflict_blocks (w->store, ev, s->apps[a], NULL));
          if (a == 0)
            g_assert_cmpstr (ev, !=, kari);
        }
    }
  /* 30 assignments over 4 evaluators: 8, 8, 7, 7 in some order */
  for (guint e = 0; e < N_PANEL; e++)
    {
      load[e] = spire_store_count (w->store, &spire_kind_assignment, "evaluator", s->panel[e]);
      lo = MIN (lo, load[e]);
      hi = MAX (hi, load[e]);
    }
  g_assert_cmpuint (load[0] + load[1] + load[2] + load[3], ==, N_APPS * K);
  g_assert_cmpuint (hi - lo, <=, 1);
  g_assert_cmpuint (lo, ==, 7);
  g_assert_cmpuint (hi, ==, 8);

  /* Kari sees her applications, never Nordlys's */
  {
    g_autoptr (GPtrArray) visible = spire_panel_list_visible_applications (w->store, kari,
                                                                           &error);

    g_assert_no_error (error);
    g_assert_cmpuint (visible->len, ==, load[KARI]);
    for (guint i = 0; i < visible->len; i++)
      g_assert_cmpstr (spire_record_get_uuid (visible->pdata[i]), !=, s->apps[0]);
  }
}

/* -- 4. Per works offline ----------------------------------------------- */

/* Per, in his own database @edb made from the package, reviews exactly his
 * assigned applications (@per_load of them) and writes the score sheet
 * @sheet. */
static void
story_per_reviews (Story *s, SpireStore *edb, gint64 per_load, const char *sheet)
{
  W *w = s->w;
  const char *per = s->panel[PER];
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) visible = NULL;
  guint n_reviewed = 0;

  /* In his database Per sees exactly his assigned applications */
  visible = spire_panel_list_visible_applications (edb, per, &error);
  g_assert_no_error (error);
  g_assert_cmpint (visible->len, ==, per_load);
  for (guint a = 0; a < N_APPS; a++)
    {
      gboolean mine = FALSE;

      for (guint i = 0; i < visible->len; i++)
        mine = mine || g_strcmp0 (spire_record_get_uuid (visible->pdata[i]), s->apps[a]) == 0;
      if (!mine)
        continue;
      review (edb, per, s->apps[a], a, slot_of (w->store, per, s->apps[a]), s->crits);
      n_reviewed++;
    }
  g_assert_cmpint (n_reviewed, ==, per_load);
  g_assert_true (spire_package_export_sheet_file (edb, sheet, &error));
  g_assert_no_error (error);
}

static void
story_offline (Story *s)
{
  W *w = s->w;
  const char *per = s->panel[PER];
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = path (w, "per.spire-package");
  g_autofree char *edb_file = path (w, "per-evaluator.db");
  g_autofree char *sheet = path (w, "per.spire-sheet");
  g_autoptr (SpireStore) edb = NULL;
  g_autofree char *pkg_cohort = NULL;
  g_autofree char *pkg_ev = NULL;
  SpireSheetStats stats = { 0 };
  gint64 per_load = spire_store_count (w->store, &spire_kind_assignment, "evaluator", per);

  g_assert_true (spire_package_export_file (w->store, s->cohort, per, pkg, &error));
  g_assert_no_error (error);
  edb = spire_package_open_file (pkg, edb_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edb);
  g_assert_true (spire_package_get_info (edb, NULL, &pkg_cohort, &pkg_ev, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pkg_cohort, ==, s->cohort);
  g_assert_cmpstr (pkg_ev, ==, per);

  story_per_reviews (s, edb, per_load, sheet);

  /* Nothing of Per's in the office yet */
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_review, "evaluator", per), ==, 0);
  g_assert_true (spire_package_import_sheet_file (w->store, sheet, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, per_load);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.kept, ==, 0);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_review, "evaluator", per), ==,
                   per_load);
  {
    g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_review, "evaluator",
                                                   per, NULL);

    for (guint i = 0; i < list->len; i++)
      g_assert_cmpstr (spire_record_get_text (list->pdata[i], "state"), ==, "submitted");
  }

  /* The same sheet again changes nothing */
  memset (&stats, 0, sizeof stats);
  g_assert_true (spire_package_import_sheet_file (w->store, sheet, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, per_load);
}

/* -- 5. The other three review in the office ---------------------------- */

static void
story_office (Story *s)
{
  W *w = s->w;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) r = NULL;

  for (guint e = 0; e < 3; e++)
    {
      g_autoptr (GPtrArray) list = spire_store_list (w->store, &spire_kind_assignment,
                                                     "evaluator", s->panel[e], NULL);

      for (guint i = 0; i < list->len; i++)
        {
          const char *app = spire_record_get_text (list->pdata[i], "application");
          guint a = N_APPS;

          for (guint j = 0; j < N_APPS; j++)
            if (g_strcmp0 (s->apps[j], app) == 0)
              a = j;
          g_assert_cmpuint (a, <, N_APPS);
          review (w->store, s->panel[e], app, a, slot_of (w->store, s->panel[e], app), s->crits);
        }
    }
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_review, NULL, NULL), ==, N_APPS * K);
  r = spire_store_get (w->store, &spire_kind_rubric, s->rubric, &error);
  g_assert_no_error (error);
  g_assert_true (spire_rubric_is_frozen (r));
  g_assert_cmpint (spire_record_get_int (r, "version"), ==, 1);
}

/* -- 6. The ranking ------------------------------------------------------ */

/* Every row in order, with the rank, score and flags of the table above */
static void
story_ranking_rows (Story *s, SpireRanking *ranking)
{
  guint n_tied = 0, n_flagged = 0;

  g_assert_cmpuint (spire_ranking_get_n_rows (ranking), ==, N_APPS);
  g_assert_cmpuint (spire_ranking_get_n_criteria (ranking), ==, N_CRIT);
  g_assert_cmpfloat_with_epsilon (spire_ranking_get_disagreement_threshold (ranking), 1.0, 1e-12);
  g_assert_cmpint (spire_ranking_get_rubric_version (ranking), ==, 1);

  for (guint pos = 0; pos < N_APPS; pos++)
    {
      SpireRankRow *row = spire_ranking_get_row (ranking, pos);
      const char *uuid = spire_rank_row_get_application_uuid (row);
      guint a = expected_order[pos];
      SpireRankFlags flags = spire_rank_row_get_flags (row);

      /* A3 and A4 share place four; which is shown first is not ranking */
      if (pos == 3 || pos == 4)
        {
          if (g_strcmp0 (uuid, s->apps[3]) == 0)
            a = 3;
          else
            a = 4;
        }
      g_assert_cmpstr (uuid, ==, s->apps[a]);
      g_assert_cmpuint (spire_rank_row_get_rank (row), ==, expected_rank[a]);
      g_assert_cmpfloat_with_epsilon (spire_rank_row_get_score (row), expected_mean[a], 1e-9);
      g_assert_cmpuint (spire_rank_row_get_n_reviews (row), ==, K);
      g_assert_cmpuint (spire_rank_row_get_n_missing (row), ==, 0);
      g_assert_cmpuint (spire_rank_row_get_n_stale (row), ==, 0);
      g_assert_false (flags & (SPIRE_RANK_FLAG_MISSING_REVIEWS | SPIRE_RANK_FLAG_STALE_REVIEWS |
                               SPIRE_RANK_FLAG_UNSCORED));
      if (spire_rank_row_get_tied (row))
        n_tied++;
      if (flags & SPIRE_RANK_FLAG_DISAGREEMENT)
        n_flagged++;
      g_assert_true (spire_rank_row_get_tied (row) == (a == 3 || a == 4));
      g_assert_true (((flags & SPIRE_RANK_FLAG_DISAGREEMENT) != 0) == (a == 5));
    }
  g_assert_cmpuint (n_tied, ==, 2);
  g_assert_cmpuint (n_flagged, ==, 1);
}

/* The rows the table above singles out: A0/A1, A2, the tie and A5 */
static void
story_ranking_cases (Story *s, SpireRanking *ranking)
{
  /* A1 before A0: same mean 6, but [7, 6, 5] beats [6, 6, 6] */
  {
    SpireRankRow *a1 = spire_ranking_lookup (ranking, s->apps[1]);
    SpireRankRow *a0 = spire_ranking_lookup (ranking, s->apps[0]);

    g_assert_false (spire_rank_row_get_tied (a1));
    g_assert_false (spire_rank_row_get_tied (a0));
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (a1), sqrt (2.0 / 3), 1e-9);
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (a0), 0, 1e-12);
  }

  /* A2: the weighted review (7,5,5,5,3) scores 5.4, not 5.0 */
  {
    SpireRankRow *a2 = spire_ranking_lookup (ranking, s->apps[2]);
    guint n = 0, n_answers = 0;
    const double *sc = spire_rank_row_get_review_scores (a2, &n);

    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpfloat_with_epsilon (sc[0], 5.4, 1e-9);
    g_assert_cmpfloat_with_epsilon (sc[1], 5.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (sc[2], 5.0, 1e-9);
    /* Per-criterion means are of the raw values: Team (7+5+5)/3, Impact (3+5+5)/3 */
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (a2, 0, &n_answers),
                                    17.0 / 3, 1e-9);
    g_assert_cmpuint (n_answers, ==, 3);
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_criterion_mean (a2, 4, NULL), 13.0 / 3,
                                    1e-9);
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (a2), sqrt (0.32 / 9), 1e-9);
  }

  /* The tie: A3 and A4 both [5, 4.8, 4], from different criteria */
  {
    SpireRankRow *a3 = spire_ranking_lookup (ranking, s->apps[3]);
    SpireRankRow *a4 = spire_ranking_lookup (ranking, s->apps[4]);
    guint n3 = 0, n4 = 0;
    const double *s3 = spire_rank_row_get_review_scores (a3, &n3);
    const double *s4 = spire_rank_row_get_review_scores (a4, &n4);
    const double sorted[] = { 5.0, 4.8, 4.0 };

    g_assert_cmpuint (n3, ==, 3);
    g_assert_cmpuint (n4, ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_assert_cmpfloat_with_epsilon (s3[i], sorted[i], 1e-9);
        g_assert_cmpfloat_with_epsilon (s4[i], sorted[i], 1e-9);
      }
    g_assert_cmpuint (spire_rank_row_get_rank (a3), ==, 4);
    g_assert_cmpuint (spire_rank_row_get_rank (a4), ==, 4);
    g_assert_true (spire_rank_row_get_tied (a3));
    g_assert_true (spire_rank_row_get_tied (a4));
  }

  /* The disagreement: A5, [7, 4, 2], σ = √(38/9), range 5 */
  {
    SpireRankRow *a5 = spire_ranking_lookup (ranking, s->apps[5]);
    g_autoptr (GListModel) meeting = spire_ranking_get_meeting_order (ranking);
    g_autoptr (SpireRankRow) first = NULL;

    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_spread (a5), sqrt (38.0 / 9), 1e-9);
    g_assert_cmpfloat_with_epsilon (spire_rank_row_get_range (a5), 5.0, 1e-9);
    g_assert_cmpuint (spire_rank_row_get_rank (a5), ==, 6);
    /* …and it is what the selection meeting discusses first */
    g_assert_cmpuint (g_list_model_get_n_items (meeting), ==, N_APPS);
    first = g_list_model_get_item (meeting, 0);
    g_assert_cmpstr (spire_rank_row_get_application_uuid (first), ==, s->apps[5]);
  }
}

static void
story_ranking (Story *s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) ranking = spire_rank_cohort (s->w->store, s->cohort, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ranking);
  story_ranking_rows (s, ranking);
  story_ranking_cases (s, ranking);
}

/* -- 7. Decisions -------------------------------------------------------- */

static void
story_decisions (Story *s)
{
  W *w = s->w;
  g_autoptr (GError) error = NULL;
  /* The top three, and A3 of the two tied on place four */
  const char *four[] = { s->apps[1], s->apps[0], s->apps[2], s->apps[3], NULL };
  const char *fifth[] = { s->apps[4], NULL };
  const char *reason = "Highest ranked; strong teams that fit the challenge.";
  g_autofree char *warning = NULL;
  gint64 seats = 0;

  g_assert_null (spire_cohort_seats_warning (w->store, s->cohort));
  g_assert_true (spire_decide (w->store, four, "accepted", reason, &error));
  g_assert_no_error (error);
  for (guint i = 0; four[i]; i++)
    {
      g_autoptr (GPtrArray) d = spire_store_list (w->store, &spire_kind_decision, "application",
                                                  four[i], NULL);
      g_autoptr (SpireRecord) app = spire_store_get (w->store, &spire_kind_application, four[i],
                                                     &error);

      g_assert_no_error (error);
      g_assert_cmpstr (spire_record_get_text (app, "status"), ==, "accepted");
      g_assert_cmpuint (d->len, ==, 1);
      g_assert_cmpstr (spire_record_get_text (d->pdata[0], "from_status"), ==, "in_review");
      g_assert_cmpstr (spire_record_get_text (d->pdata[0], "to_status"), ==, "accepted");
      g_assert_cmpstr (spire_record_get_text (d->pdata[0], "reason"), ==, reason);
      g_assert_cmpstr (spire_record_get_text (d->pdata[0], "decided_by"), ==, "Programleder");
      g_assert_false (spire_record_is_null (d->pdata[0], "decided_at"));
      g_assert_cmpint (spire_record_get_int (d->pdata[0], "rubric_version"), ==, 1);
    }
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_decision, NULL, NULL), ==, 4);
  g_assert_cmpint (spire_cohort_count_accepted (w->store, s->cohort, &seats, NULL), ==, 4);
  g_assert_cmpint (seats, ==, 4);
  /* Four accepted, four seats: all is well */
  g_assert_null (spire_cohort_seats_warning (w->store, s->cohort));

  /* A fifth (the other of the tie): a warning, not a refusal */
  g_assert_true (spire_decide (w->store, fifth, "accepted", "Tied on place four.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (spire_cohort_count_accepted (w->store, s->cohort, &seats, NULL), ==, 5);
  warning = spire_cohort_seats_warning (w->store, s->cohort);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "5"));
  g_assert_nonnull (strstr (warning, "4"));
  g_assert_nonnull (strstr (warning, "Kull 2026"));
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_decision, NULL, NULL), ==, 5);
}

static void
test_scenario (W *w, gconstpointer data)
{
  Story s = { .w = w };

  story_applications (&s);
  story_rubric (&s);
  story_panel (&s);
  story_conflict (&s);
  story_assign (&s);
  story_offline (&s);
  story_office (&s);
  story_ranking (&s);
  story_decisions (&s);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/scenario/cohort-to-decisions", W, NULL, setup, test_scenario, teardown);
  return g_test_run ();
}
