/* test-decisions.c — decisions on applications and the seats warning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evaluation-fixture.h"

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  EVALUATION_TEST_ADD ("/evaluation/decisions", test_decisions);

  return g_test_run ();
}
