/* test-screening.c — screening (gate criteria answered by the office), and a
 * screening answer and a dismissed conflict surviving a backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evaluation-fixture.h"

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

/* The screening list: read on a worker in a few queries, one row object
 * per application but the withdrawn ones, by title, with its answers */

static void
test_screening_rows (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *ok = add_application (w, add_startup (w, "Nordlys AS", NULL, NULL), "Varme",
                                    w->ch_oslo, "received");
  const char *bad = add_application (w, add_startup (w, "Fjordkraft AS", NULL, NULL), "Bolig",
                                     w->ch_oslo, "received");
  const char *open = add_application (w, add_startup (w, "Havbris AS", NULL, NULL), "Åpen",
                                      w->ch_oslo, "in_review");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) cancelled_result = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) none = NULL;
  SpireScreeningItem *item;

  add_application (w, add_startup (w, "Borte AS", NULL, NULL), "Trukket", w->ch_oslo,
                   "withdrawn");
  g_assert_true (spire_screening_answer (w->store, ok, w->c_gate, TRUE, "Org.nr. checked",
                                         &error));
  g_assert_true (spire_screening_answer (w->store, bad, w->c_gate, FALSE, "Sweden only", &error));
  g_assert_no_error (error);

  spire_screening_rows_async (w->store, w->cohort, NULL, on_done_cb, &result);
  rows = spire_screening_rows_finish (w->store, wait_result (&result), &error);
  g_assert_no_error (error);
  /* Norwegian order, the withdrawn one left out */
  g_assert_cmpuint (rows->len, ==, 3);
  item = rows->pdata[0];
  g_assert_cmpstr (item->application, ==, bad);
  g_assert_cmpstr (item->title, ==, "Bolig");
  g_assert_true (item->ineligible);
  g_assert_true (item->screened);
  g_assert_false (item->can_screen);
  g_assert_nonnull (strstr (item->subtitle, "Fjordkraft AS"));
  g_assert_nonnull (strstr (item->subtitle, "Registered in Norway: failed (Sweden only)"));
  item = rows->pdata[1];
  g_assert_cmpstr (item->application, ==, ok);
  g_assert_false (item->ineligible);
  g_assert_true (item->screened);
  g_assert_true (item->can_screen);
  g_assert_nonnull (strstr (item->subtitle, "Registered in Norway: passed (Org.nr. checked)"));
  item = rows->pdata[2];
  g_assert_cmpstr (item->application, ==, open);
  g_assert_cmpstr (item->title, ==, "Åpen");
  g_assert_false (item->screened);
  g_assert_true (item->can_screen);
  g_assert_cmpstr (item->subtitle, ==, "Havbris AS · Registered in Norway: not answered");

  /* The same read where it is called */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = spire_screening_rows_read (w->store, w->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  /* Cancelled: nothing, and says so */
  g_cancellable_cancel (cancellable);
  spire_screening_rows_async (w->store, w->cohort, cancellable, on_done_cb, &cancelled_result);
  none = spire_screening_rows_finish (w->store, wait_result (&cancelled_result), &error);
  g_assert_null (none);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);

  g_clear_object (&result);
  g_clear_object (&cancelled_result);
  for (guint i = 0; i < 2000 && G_OBJECT (w->store)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  EVALUATION_TEST_ADD ("/evaluation/screening", test_screening);
  EVALUATION_TEST_ADD ("/evaluation/screening-rows", test_screening_rows);
  EVALUATION_TEST_ADD ("/evaluation/backup-restore", test_backup_restore);

  return g_test_run ();
}
