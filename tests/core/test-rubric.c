/* test-rubric.c — rubrics and criteria: defaults, copying, freezing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evaluation-fixture.h"

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

/* /rubric/freeze: a rubric frozen by the first submitted review, changes
 * refused, and unfrozen with a reason; a freeze_* function a step. */

/* Reordering works while the rubric is open; a draft does not freeze it,
 * the first submitted review does */
static void
freeze_by_submitting (W *w, const char *const *order, const char *ev, const char *ev2,
                      const char *app)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) crit = NULL;
  g_autoptr (SpireRecord) review = NULL;

  g_assert_true (spire_assign (w->store, ev, app, &error));
  g_assert_true (spire_assign (w->store, ev2, app, &error));
  g_assert_no_error (error);

  /* Reordering works while the rubric is open */
  g_assert_true (spire_rubric_reorder_criteria (w->store, w->rubric, order, &error));
  g_assert_no_error (error);
  crit = fetch (w, &spire_kind_criterion, w->c_market);
  g_assert_cmpint (spire_record_get_int (crit, "position"), ==, 0);

  /* A draft does not freeze it; the first submitted review does */
  review = draft (w, ev2, app, 4, 4, &error);
  g_assert_no_error (error);
  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_false (spire_rubric_is_frozen (rubric));
  g_clear_object (&rubric);
  submit (w, ev, app, 6, 5);
  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_true (spire_rubric_is_frozen (rubric));
}

/* Every change to the criteria is refused with a clear reason */
static void
freeze_refuses_changes (W *w, const char *const *order)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_autoptr (SpireRecord) crit = NULL;
  g_autoptr (SpireRecord) added = NULL;

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
}

/* The question before unfreezing counts the submitted reviews, on a
 * worker too: one (the draft is not submitted). */
static void
freeze_count_submitted (W *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  g_assert_cmpint (spire_rubric_count_submitted (w->store, w->cohort, &error), ==, 1);
  g_assert_no_error (error);
  spire_rubric_count_submitted_async (w->store, w->cohort, NULL, on_done_cb, &result);
  g_assert_cmpint (spire_rubric_count_submitted_finish (w->store, wait_result (&result), &error),
                   ==, 1);
  g_assert_no_error (error);
}

/* Unfreezing needs a reason; it makes the reviews of @app stale, is
 * audited, and opens the criteria to change again */
static void
freeze_unfreeze (W *w, const char *app)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) added = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  guint n_stale = 0;
  gboolean found = FALSE;

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

static void
test_rubric_freeze (W *w, gconstpointer data)
{
  const char *ev = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *ev2 = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  const char *s = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *app = add_application (w, s, "Varmestyring", w->ch_oslo, "in_review");
  const char *order[] = { w->c_market, w->c_team, w->c_note, w->c_gate, NULL };

  freeze_by_submitting (w, order, ev, ev2, app);
  freeze_refuses_changes (w, order);
  freeze_count_submitted (w);
  freeze_unfreeze (w, app);
}

static void
on_changed_cb (SpireStore *store, const char *table, GString *heard)
{
  g_string_append_printf (heard, "%s;", table);
}

/* Unfreezing on a worker (issue 11: at xlarge it marks tens of thousands
 * of reviews stale, which froze the window): the same outcome as before —
 * version + 1, the reason and the count in the rubric's history, every
 * review made so far stale with its times kept — and the window's store
 * hears of the reviews and the rubric before the callback. */
static void
test_rubric_unfreeze_async (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (GString) heard = g_string_new (NULL);
  g_autofree char *updated = NULL;
  const char *ev = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *ev2 = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  const char *s = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *app = add_application (w, s, "Varmestyring", w->ch_oslo, "in_review");
  const char *app2 = add_application (w, s, "Solceller", w->ch_oslo, "in_review");
  guint n_stale = 0;
  guint n_unfreeze = 0;
  guint n_before;

  g_assert_true (spire_assign (w->store, ev, app, &error));
  g_assert_true (spire_assign (w->store, ev2, app, &error));
  g_assert_true (spire_assign (w->store, ev, app2, &error));
  g_assert_no_error (error);
  submit (w, ev, app, 6, 5);
  submit (w, ev, app2, 3, 4);
  review = draft (w, ev2, app, 4, 4, &error);
  g_assert_no_error (error);
  updated = g_strdup (spire_record_get_text (review, "updated_at"));
  g_assert_nonnull (updated);

  n_before = n_audit (w);
  g_signal_connect (w->store, "changed", G_CALLBACK (on_changed_cb), heard);
  spire_rubric_unfreeze_async (w->store, w->rubric, "  Impact was missing.  ", NULL, on_done_cb,
                               &result);
  g_assert_true (spire_rubric_unfreeze_finish (w->store, wait_result (&result), &n_stale, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (w->store, heard);
  g_assert_cmpuint (n_stale, ==, 3);
  g_assert_nonnull (strstr (heard->str, "reviews;"));
  g_assert_nonnull (strstr (heard->str, "rubrics;"));

  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_false (spire_rubric_is_frozen (rubric));
  g_assert_cmpint (spire_record_get_int (rubric, "version"), ==, 2);
  reviews = spire_store_list (w->store, &spire_kind_review, NULL, NULL, NULL);
  g_assert_cmpuint (reviews->len, ==, 3);
  for (guint i = 0; i < reviews->len; i++)
    {
      g_assert_true (spire_record_get_bool (reviews->pdata[i], "stale"));
      g_assert_cmpint (spire_record_get_int (reviews->pdata[i], "rubric_version"), ==, 1);
    }
  for (guint i = 0; i < reviews->len; i++)
    if (g_strcmp0 (spire_record_get_text (reviews->pdata[i], "evaluator"), ev2) == 0)
      g_assert_cmpstr (spire_record_get_text (reviews->pdata[i], "updated_at"), ==, updated);

  /* One entry in the rubric's history, none per review. */
  audit = spire_store_list_audit (w->store, w->rubric, 0, NULL);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (audit->pdata[i], "action"), "unfreeze") == 0)
      {
        const char *after = g_hash_table_lookup (audit->pdata[i], "after");

        n_unfreeze++;
        g_assert_nonnull (strstr (after, "\"reason\":\"Impact was missing.\""));
        g_assert_nonnull (strstr (after, "\"version\":2"));
        g_assert_nonnull (strstr (after, "\"stale_reviews\":3"));
      }
  g_assert_cmpuint (n_unfreeze, ==, 1);
  /* The rubric's update and its unfreeze: nothing per review. */
  g_assert_cmpuint (n_audit (w), ==, n_before + 2);

  /* Not frozen any more: a second unfreeze is refused and changes nothing. */
  g_clear_object (&result);
  spire_rubric_unfreeze_async (w->store, w->rubric, "again", NULL, on_done_cb, &result);
  g_assert_false (spire_rubric_unfreeze_finish (w->store, wait_result (&result), &n_stale, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_cmpuint (n_stale, ==, 0);
  g_clear_object (&rubric);
  rubric = fetch (w, &spire_kind_rubric, w->rubric);
  g_assert_cmpint (spire_record_get_int (rubric, "version"), ==, 2);
}

/* The criteria of the rubric as "uuid@position,updated_at;…", in order. */
static char *
criteria_state (W *w)
{
  g_autoptr (GPtrArray) criteria = spire_rubric_list_criteria (w->store, w->rubric, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    g_string_append_printf (out, "%s@%" G_GINT64_FORMAT ",%s;",
                            spire_record_get_uuid (criteria->pdata[i]),
                            spire_record_get_int (criteria->pdata[i], "position"),
                            spire_record_get_text (criteria->pdata[i], "updated_at"));
  return g_string_free (out, FALSE);
}

static char *
record_json (SpireRecord *record)
{
  g_autoptr (JsonNode) node = spire_record_to_json (record, TRUE);

  return json_to_string (node, FALSE);
}

static int
by_uuid (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (spire_record_get_uuid (*(SpireRecord **) a),
                    spire_record_get_uuid (*(SpireRecord **) b));
}

/* Every score given on @criterion, as JSON, in UUID order. */
static char *
scores_state (W *w, const char *criterion)
{
  g_autoptr (GPtrArray) scores = spire_store_list (w->store, &spire_kind_score, "criterion",
                                                   criterion, NULL);
  GString *out = g_string_new (NULL);

  g_ptr_array_sort (scores, by_uuid);
  for (guint i = 0; i < scores->len; i++)
    {
      g_autofree char *json = record_json (scores->pdata[i]);

      g_string_append_printf (out, "%s\n", json);
    }
  return g_string_free (out, FALSE);
}

/* Removing a criterion is undone from its toast: the criterion goes back
 * in its place, with its UUID, guidance, weight and times, the scores
 * drafts gave on it come back as they were, and the criteria after it
 * return to where they stood.  Once the rubric is frozen it cannot. */
static void
test_rubric_remove_restore (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireDeletion) deletion = NULL;
  g_autoptr (SpireRecord) before = fetch (w, &spire_kind_criterion, w->c_market);
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autofree char *criteria_before = NULL;
  g_autofree char *scores_before = NULL;
  g_autofree char *criteria_restored = NULL;
  g_autofree char *scores_restored = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;
  const char *ev = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *ev2 = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  const char *s = add_startup (w, "Nordlys AS", NULL, NULL);
  const char *app = add_application (w, s, "Varmestyring", w->ch_oslo, "in_review");

  g_assert_true (spire_assign (w->store, ev, app, &error));
  g_assert_true (spire_assign (w->store, ev2, app, &error));
  g_assert_no_error (error);
  review = draft (w, ev, app, 6, 5, &error);
  g_assert_no_error (error);
  g_clear_object (&review);
  review = draft (w, ev2, app, 3, 2, &error);
  g_assert_no_error (error);
  criteria_before = criteria_state (w);
  scores_before = scores_state (w, w->c_market);
  g_assert_cmpint (count (w, "scores", "criterion", w->c_market), ==, 2);

  deletion = spire_rubric_remove_criterion_restorably (w->store, w->c_market, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpstr (spire_deletion_get_description (deletion), ==, "“Market” removed");
  g_assert_cmpint (count (w, "criteria", "rubric", w->rubric), ==, 3);
  g_assert_cmpint (count (w, "scores", "criterion", w->c_market), ==, 0);
  {
    g_autoptr (SpireRecord) note = fetch (w, &spire_kind_criterion, w->c_note);

    g_assert_cmpint (spire_record_get_int (note, "position"), ==, 1);
  }

  g_assert_true (spire_deletion_restore (deletion, &error));
  g_assert_no_error (error);
  criteria_restored = criteria_state (w);
  scores_restored = scores_state (w, w->c_market);
  g_assert_cmpstr (criteria_restored, ==, criteria_before);
  g_assert_cmpstr (scores_restored, ==, scores_before);
  after = fetch (w, &spire_kind_criterion, w->c_market);
  json_before = record_json (before);
  json_after = record_json (after);
  g_assert_cmpstr (json_after, ==, json_before);
  /* a second restore does nothing */
  g_assert_true (spire_deletion_restore (deletion, &error));
  g_assert_cmpint (count (w, "criteria", "rubric", w->rubric), ==, 4);

  /* Frozen since: refused, nothing put back. */
  g_clear_object (&deletion);
  deletion = spire_rubric_remove_criterion_restorably (w->store, w->c_note, &error);
  g_assert_no_error (error);
  g_assert_true (spire_review_submit (w->store, spire_record_get_uuid (review), &error));
  g_assert_no_error (error);
  g_assert_false (spire_deletion_restore (deletion, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "frozen"));
  g_assert_cmpint (count (w, "criteria", "rubric", w->rubric), ==, 3);
  g_assert_cmpint (count (w, "scores", "criterion", w->c_note), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  EVALUATION_TEST_ADD ("/evaluation/rubric/defaults", test_rubric_defaults);
  EVALUATION_TEST_ADD ("/evaluation/rubric/copy", test_rubric_copy);
  EVALUATION_TEST_ADD ("/evaluation/rubric/freeze", test_rubric_freeze);
  EVALUATION_TEST_ADD ("/evaluation/rubric/unfreeze-async", test_rubric_unfreeze_async);
  EVALUATION_TEST_ADD ("/evaluation/rubric/remove-restore", test_rubric_remove_restore);

  return g_test_run ();
}
