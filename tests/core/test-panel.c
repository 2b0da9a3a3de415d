/* test-panel.c — the panel and conflicts of interest (declared,
 * detected, confirmed, dismissed; blocking assignment)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evaluation-fixture.h"

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  EVALUATION_TEST_ADD ("/evaluation/panel", test_panel);
  EVALUATION_TEST_ADD ("/evaluation/conflict/orgnr", test_conflict_orgnr);
  EVALUATION_TEST_ADD ("/evaluation/conflict/email-domain", test_conflict_email);
  EVALUATION_TEST_ADD ("/evaluation/conflict/public-mail", test_conflict_public_mail);
  EVALUATION_TEST_ADD ("/evaluation/conflict/blocks-assignment", test_conflict_blocks_assignment);
  EVALUATION_TEST_ADD ("/evaluation/conflict/confirm-dismiss", test_conflict_confirm_dismiss);

  return g_test_run ();
}
