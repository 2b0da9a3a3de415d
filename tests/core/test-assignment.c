/* test-assignment.c — automatic assignment through the store: the rules
 * (k each, loads within one, conflicts, owner on the panel), its refusals,
 * and at scale (medium, large, the demo data)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evaluation-fixture.h"

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

/* What check_cohort's steps share: the cohort's records, read once (one
 * query per table), and what is looked up in them */
typedef struct
{
  SpireStore *store;
  const char *cohort;
  GPtrArray *evs;
  GPtrArray *asg;
  GPtrArray *apps;
  GHashTable *blocked;    /* "evaluator|startup" with a conflict */
  GHashTable *startup_of; /* application → startup */
} Check;

static void
check_read (Check *c)
{
  g_autoptr (GPtrArray) conflicts = spire_store_list (c->store, &spire_kind_conflict, NULL, NULL, NULL);

  c->evs = spire_store_list (c->store, &spire_kind_evaluator, "cohort", c->cohort, NULL);
  c->asg = spire_store_list (c->store, &spire_kind_assignment, NULL, NULL, NULL);
  c->apps = spire_store_list (c->store, &spire_kind_application, "cohort", c->cohort, NULL);
  c->blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->startup_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < c->apps->len; i++)
    g_hash_table_insert (c->startup_of, (gpointer) spire_record_get_uuid (c->apps->pdata[i]),
                         (gpointer) spire_record_get_text (c->apps->pdata[i], "startup"));
  for (guint i = 0; i < conflicts->len; i++)
    {
      const char *app = spire_record_get_text (conflicts->pdata[i], "application");
      const char *startup = spire_record_get_text (conflicts->pdata[i], "startup");

      g_hash_table_add (c->blocked, g_strconcat (spire_record_get_text (conflicts->pdata[i], "evaluator"),
                                                 "|", startup ? startup : g_hash_table_lookup (c->startup_of, app),
                                                 NULL));
    }
}

static void
check_clear (Check *c)
{
  g_clear_pointer (&c->evs, g_ptr_array_unref);
  g_clear_pointer (&c->asg, g_ptr_array_unref);
  g_clear_pointer (&c->apps, g_ptr_array_unref);
  g_clear_pointer (&c->blocked, g_hash_table_unref);
  g_clear_pointer (&c->startup_of, g_hash_table_unref);
}

/* @k evaluators on every assignable application, no observer and no
 * conflict among them, the members' loads within one */
static void
check_counts (Check *c, guint k)
{
  g_autoptr (GHashTable) per_app = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) per_ev = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) role = g_hash_table_new (g_str_hash, g_str_equal);
  guint max = 0, min = G_MAXUINT, n_members = 0;

  for (guint i = 0; i < c->evs->len; i++)
    g_hash_table_insert (role, (gpointer) spire_record_get_uuid (c->evs->pdata[i]),
                         (gpointer) spire_record_get_text (c->evs->pdata[i], "role"));
  for (guint i = 0; i < c->asg->len; i++)
    {
      const char *ev = spire_record_get_text (c->asg->pdata[i], "evaluator");
      const char *app = spire_record_get_text (c->asg->pdata[i], "application");
      g_autofree char *key = NULL;

      if (!g_hash_table_contains (role, ev) ||
          g_strcmp0 (spire_record_get_text (c->asg->pdata[i], "state"), "declined") == 0)
        continue;
      g_assert_cmpstr (g_hash_table_lookup (role, ev), !=, "observer");
      key = g_strconcat (ev, "|", g_hash_table_lookup (c->startup_of, app), NULL);
      g_assert_false (g_hash_table_contains (c->blocked, key));
      g_hash_table_insert (per_app, (gpointer) app,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_app, app)) + 1));
      g_hash_table_insert (per_ev, (gpointer) ev,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_ev, ev)) + 1));
    }
  for (guint i = 0; i < c->apps->len; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_app, spire_record_get_uuid (c->apps->pdata[i])));
      const char *status = spire_record_get_text (c->apps->pdata[i], "status");

      if (g_str_equal (status, "ineligible") || g_str_equal (status, "withdrawn"))
        g_assert_cmpuint (n, ==, 0);
      else
        g_assert_cmpuint (n, >=, k);
    }
  for (guint e = 0; e < c->evs->len; e++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_ev, spire_record_get_uuid (c->evs->pdata[e])));

      if (g_str_equal (spire_record_get_text (c->evs->pdata[e], "role"), "observer"))
        continue;
      n_members++;
      max = MAX (max, n);
      min = MIN (min, n);
    }
  g_assert_cmpuint (n_members, >, 0);
  g_assert_cmpuint (max - min, <=, 1);
}

/* Whether @app has one of @owner's members (@body_of: evaluator → public
 * body) without a conflict on the panel: only then must one be assigned. */
static gboolean
check_owner_available (Check *c, GHashTable *body_of, const char *app, const char *owner)
{
  for (guint e = 0; e < c->evs->len; e++)
    {
      const char *ev = spire_record_get_uuid (c->evs->pdata[e]);
      g_autofree char *key = g_strconcat (ev, "|", g_hash_table_lookup (c->startup_of, app), NULL);

      if (g_strcmp0 (g_hash_table_lookup (body_of, ev), owner) == 0 &&
          !g_hash_table_contains (c->blocked, key))
        return TRUE;
    }
  return FALSE;
}

/* With the challenge owner on the panel: one of the owner's members on
 * each of its applications, when one without a conflict is on the panel */
static void
check_owner (Check *c)
{
  g_autoptr (SpireRecord) cohort = spire_store_get (c->store, &spire_kind_cohort, c->cohort, NULL);
  g_autoptr (GHashTable) body_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) owner_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) challenges = spire_store_list (c->store, &spire_kind_challenge, "cohort",
                                                       c->cohort, NULL);
  g_autoptr (GPtrArray) people = spire_store_list (c->store, &spire_kind_person, NULL, NULL, NULL);
  g_autoptr (GHashTable) person_body = g_hash_table_new (g_str_hash, g_str_equal);
  guint checked = 0;

  if (!spire_record_get_bool (cohort, "owner_on_panel"))
    return;
  for (guint i = 0; i < people->len; i++)
    if (spire_record_get_text (people->pdata[i], "public_body"))
      g_hash_table_insert (person_body, (gpointer) spire_record_get_uuid (people->pdata[i]),
                           (gpointer) spire_record_get_text (people->pdata[i], "public_body"));
  for (guint i = 0; i < c->evs->len; i++)
    if (!g_str_equal (spire_record_get_text (c->evs->pdata[i], "role"), "observer") &&
        g_hash_table_lookup (person_body, spire_record_get_text (c->evs->pdata[i], "person")))
      g_hash_table_insert (body_of, (gpointer) spire_record_get_uuid (c->evs->pdata[i]),
                           g_hash_table_lookup (person_body,
                                                spire_record_get_text (c->evs->pdata[i], "person")));
  for (guint i = 0; i < challenges->len; i++)
    g_hash_table_insert (owner_of, (gpointer) spire_record_get_uuid (challenges->pdata[i]),
                         (gpointer) spire_record_get_text (challenges->pdata[i], "owner"));
  for (guint a = 0; a < c->apps->len; a++)
    {
      const char *app = spire_record_get_uuid (c->apps->pdata[a]);
      const char *ch = spire_record_get_text (c->apps->pdata[a], "challenge");
      const char *owner = ch ? g_hash_table_lookup (owner_of, ch) : NULL;
      const char *status = spire_record_get_text (c->apps->pdata[a], "status");
      gboolean present = FALSE;

      if (owner == NULL || g_str_equal (status, "ineligible") || g_str_equal (status, "withdrawn"))
        continue;
      if (!check_owner_available (c, body_of, app, owner))
        continue;
      for (guint i = 0; i < c->asg->len && !present; i++)
        if (g_strcmp0 (spire_record_get_text (c->asg->pdata[i], "application"), app) == 0 &&
            g_strcmp0 (g_hash_table_lookup (body_of,
                                            spire_record_get_text (c->asg->pdata[i], "evaluator")),
                       owner) == 0)
          present = TRUE;
      g_assert_true (present);
      checked++;
    }
  g_test_message ("owner on the panel checked for %u applications", checked);
}

/* Every assignable application of the cohort has @k evaluators, none of
 * them an observer or with a conflict of interest, and the loads of the
 * panel are within one.  One query per table, not per application. */
static void
check_cohort (SpireStore *store, const char *cohort, guint k)
{
  Check c = { store, cohort };

  check_read (&c);
  check_counts (&c, k);
  check_owner (&c);
  check_clear (&c);
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

  EVALUATION_TEST_ADD ("/evaluation/assign/auto", test_assign_auto);
  EVALUATION_TEST_ADD ("/evaluation/assign/auto-impossible", test_assign_auto_impossible);
  EVALUATION_TEST_ADD ("/evaluation/assign/owner-on-panel", test_assign_auto_owner);
  EVALUATION_TEST_ADD ("/evaluation/assign/owner-on-panel-impossible", test_assign_auto_owner_impossible);
  EVALUATION_TEST_ADD ("/evaluation/assign/auto-medium", test_assign_auto_medium);
  EVALUATION_TEST_ADD ("/evaluation/assign/auto-large", test_assign_auto_large);
  g_test_add_func ("/evaluation/assign/demo-large", test_assign_auto_demo);

  return g_test_run ();
}
