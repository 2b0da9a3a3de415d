/* test-review.c — reviews (draft, submit, reopen, stale) and whose
 * reviews an evaluator may see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evaluation-fixture.h"

/* Reviews */

/* /review/flow: one review from refused drafts to a reopened, narrowed
 * rubric, a flow_* function a step, in order.  A Flow holds what the steps
 * share. */
typedef struct
{
  W *w;
  const char *kari;
  const char *per;
  const char *app;
} Flow;

/* Not assigned, opened, and drafts that are refused: nothing stored */
static void
flow_refused_drafts (Flow *f)
{
  W *w = f->w;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = NULL;

  /* Not assigned: cannot open */
  g_assert_null (spire_review_open (w->store, f->kari, f->app, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not assigned"));
  g_clear_error (&error);
  g_assert_true (spire_assign (w->store, f->kari, f->app, &error));
  g_assert_true (spire_assign (w->store, f->per, f->app, &error));
  g_assert_no_error (error);

  /* Opening stores nothing */
  review = spire_review_open (w->store, f->kari, f->app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "draft");
  g_assert_cmpint (count (w, "reviews", NULL, NULL), ==, 0);
  g_clear_object (&review);

  /* A value outside the scale is refused, even in a draft */
  review = draft (w, f->kari, f->app, 8, 4, &error);
  g_assert_null (review);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Team"));
  g_assert_nonnull (strstr (error->message, "outside the scale"));
  g_clear_error (&error);
  g_assert_cmpint (count (w, "reviews", NULL, NULL), ==, 0);

  /* So is a half step on a scale of whole steps (as a score sheet's is) */
  review = draft (w, f->kari, f->app, 6.5, 4, &error);
  g_assert_null (review);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Team"));
  g_assert_nonnull (strstr (error->message, "6.5"));
  g_assert_nonnull (strstr (error->message, "not a step of the scale"));
  g_clear_error (&error);
  g_assert_cmpint (count (w, "reviews", NULL, NULL), ==, 0);
  g_assert_cmpint (count (w, "scores", NULL, NULL), ==, 0);

  /* A gate is not scored in a review */
  {
    g_autoptr (SpireRecord) r = spire_review_open (w->store, f->kari, f->app, &error);
    g_autoptr (GPtrArray) s = g_ptr_array_new_with_free_func (g_object_unref);
    SpireRecord *score = spire_record_new (&spire_kind_score);

    spire_record_set_text (score, "criterion", w->c_gate);
    spire_record_set_real (score, "value", 1);
    g_ptr_array_add (s, score);
    g_assert_false (spire_review_save_draft (w->store, r, s, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* The state of Kari's one assignment */
static void
assert_assignment_state (Flow *f, const char *state)
{
  g_autoptr (GPtrArray) a = spire_store_list (f->w->store, &spire_kind_assignment, "evaluator",
                                              f->kari, NULL);

  g_assert_cmpstr (spire_record_get_text (a->pdata[0], "state"), ==, state);
}

/* A draft stored, saved again unchanged, and not submitted while a
 * criterion is not answered */
static void
flow_draft (Flow *f)
{
  W *w = f->w;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autofree char *updated = NULL;
  guint audit_before;

  /* A draft: stored, the assignment is drafted, no audit entries */
  audit_before = n_audit (w);
  review = draft (w, f->kari, f->app, 6, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_audit (w), ==, audit_before);
  scores = spire_review_list_scores (w->store, spire_record_get_uuid (review), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 3);
  g_assert_cmpstr (spire_record_get_text (scores->pdata[0], "criterion"), ==, w->c_team);
  g_assert_cmpfloat (spire_record_get_real (scores->pdata[0], "value"), ==, 6);
  g_assert_cmpstr (spire_record_get_text (scores->pdata[0], "comment"), ==, "Strong founders");
  g_assert_true (isnan (spire_record_get_real (scores->pdata[2], "value"))); /* N/A */
  assert_assignment_state (f, "drafted");

  /* Saving the same again writes nothing */
  stored = fetch (w, &spire_kind_review, spire_record_get_uuid (review));
  updated = g_strdup (spire_record_get_text (stored, "updated_at"));
  g_clear_object (&stored);
  {
    g_autoptr (SpireRecord) same = draft (w, f->kari, f->app, 6, 4, &error);

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
}

/* Submitted: locked until the manager reopens it, with a reason */
static void
flow_submit_and_reopen (Flow *f)
{
  W *w = f->w;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GPtrArray) r = NULL;
  g_autofree char *uuid = NULL;
  gboolean reopened = FALSE;

  review = draft (w, f->kari, f->app, 6, 4, &error);
  g_assert_no_error (error);

  /* Submitting locks it */
  g_assert_true (spire_review_submit (w->store, spire_record_get_uuid (review), &error));
  g_assert_no_error (error);
  stored = fetch (w, &spire_kind_review, spire_record_get_uuid (review));
  g_assert_cmpstr (spire_record_get_text (stored, "state"), ==, "submitted");
  g_assert_false (spire_record_is_null (stored, "submitted_at"));
  g_assert_cmpint (spire_record_get_int (stored, "rubric_version"), ==, 1);
  g_clear_object (&stored);
  assert_assignment_state (f, "submitted");
  g_clear_object (&review);
  review = draft (w, f->kari, f->app, 2, 2, &error);
  g_assert_null (review);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);

  r = spire_store_list (w->store, &spire_kind_review, "evaluator", f->kari, NULL);
  uuid = g_strdup (spire_record_get_uuid (r->pdata[0]));
  g_assert_false (spire_review_submit (w->store, uuid, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);

  /* The manager reopens it, with a reason */
  g_assert_false (spire_review_reopen (w->store, uuid, "", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (spire_review_reopen (w->store, uuid, "Scores were swapped by mistake.", &error));
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
  assert_assignment_state (f, "drafted");
}

/* After the rubric is unfrozen and its scale narrowed, an old draft value
 * outside the new scale is refused at submission */
static void
flow_narrowed_scale (Flow *f)
{
  W *w = f->w;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) per_review = draft (w, f->per, f->app, 7, 6, &error);
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
                                                   f->per, NULL);

    per_review = g_object_ref (mine->pdata[0]);
  }
  g_assert_cmpstr (spire_record_get_text (per_review, "state"), ==, "draft");
}

static void
test_review_flow (W *w, gconstpointer data)
{
  Flow f = { .w = w };

  f.kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  f.per = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  f.app = add_application (w, add_startup (w, "Nordlys AS", NULL, NULL), "Varme", w->ch_oslo,
                           "in_review");
  flow_refused_drafts (&f);
  flow_draft (&f);
  flow_submit_and_reopen (&f);
  /* Editable again, and submitted again */
  submit (w, f.kari, f.app, 2, 3);
  flow_narrowed_scale (&f);
}

/* What the panel sees */

/* A half step stored before the rule (or by any path round the save) is
 * refused at submission: the review stays a draft. */
static void
test_half_step_not_submitted (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *app = add_application (w, add_startup (w, "Nordlys AS", NULL, NULL), "Varme",
                                     w->ch_oslo, "in_review");
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (GPtrArray) scores = NULL;

  g_assert_true (spire_assign (w->store, kari, app, &error));
  review = draft (w, kari, app, 6, 4, &error);
  g_assert_no_error (error);
  scores = spire_review_list_scores (w->store, spire_record_get_uuid (review), &error);
  g_assert_cmpstr (spire_record_get_text (scores->pdata[0], "criterion"), ==, w->c_team);
  spire_record_set_real (scores->pdata[0], "value", 6.5);
  g_assert_true (spire_store_update (w->store, scores->pdata[0], &error));
  g_assert_no_error (error);

  g_assert_false (spire_review_submit (w->store, spire_record_get_uuid (review), &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a step of the scale"));
  stored = fetch (w, &spire_kind_review, spire_record_get_uuid (review));
  g_assert_cmpstr (spire_record_get_text (stored, "state"), ==, "draft");
}

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

/* What an evaluator has to review, read on a worker (issue 11) */

static void
test_review_queue (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  const char *per = add_evaluator (w, "Per Hansen", "per@sintef.no", NULL, "member");
  const char *varme = add_application (w, add_startup (w, "Nordlys AS", NULL, NULL), "Varme",
                                       w->ch_oslo, "in_review");
  const char *bolig = add_application (w, add_startup (w, "Fjordkraft AS", NULL, NULL), "Bolig",
                                       w->ch_oslo, "in_review");
  const char *other = add_application (w, add_startup (w, "Havbris AS", NULL, NULL), "Annen",
                                       w->ch_oslo, "in_review");
  g_autoptr (SpireRecord) kari_draft = NULL;
  g_autoptr (GPtrArray) visible = NULL;
  g_autoptr (GPtrArray) queue = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) cancelled_result = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  SpireReviewQueueItem *item;

  g_assert_true (spire_assign (w->store, kari, varme, &error));
  g_assert_true (spire_assign (w->store, kari, bolig, &error));
  g_assert_true (spire_assign (w->store, per, other, &error));
  g_assert_no_error (error);
  kari_draft = draft (w, kari, varme, 5, 5, &error);
  g_assert_no_error (error);

  /* On a worker: the applications Kari sees, in the panel's order, no other's */
  spire_review_queue_async (w->store, kari, NULL, on_done_cb, &result);
  queue = spire_review_queue_finish (w->store, wait_result (&result), &error);
  g_assert_no_error (error);
  visible = spire_panel_list_visible_applications (w->store, kari, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 2);
  g_assert_cmpuint (queue->len, ==, visible->len);
  for (guint i = 0; i < queue->len; i++)
    {
      item = queue->pdata[i];
      g_assert_cmpstr (spire_record_get_uuid (item->application), ==,
                       spire_record_get_uuid (visible->pdata[i]));
      g_assert_cmpstr (spire_record_get_uuid (item->application), !=, other);
    }
  /* "Bolig" before "Varme"; each with its startup and Kari's state */
  item = queue->pdata[0];
  g_assert_cmpstr (spire_record_get_uuid (item->application), ==, bolig);
  g_assert_nonnull (strstr (item->label, "Bolig"));
  g_assert_nonnull (strstr (item->label, "Fjordkraft"));
  g_assert_null (item->state);
  item = queue->pdata[1];
  g_assert_cmpstr (spire_record_get_uuid (item->application), ==, varme);
  g_assert_nonnull (strstr (item->label, "Varme"));
  g_assert_nonnull (strstr (item->label, "Nordlys"));
  g_assert_cmpstr (item->state, ==, "draft");

  /* Cancelled: nothing, and says so */
  g_cancellable_cancel (cancellable);
  spire_review_queue_async (w->store, kari, cancellable, on_done_cb, &cancelled_result);
  none = spire_review_queue_finish (w->store, wait_result (&cancelled_result), &error);
  g_assert_null (none);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);

  /* The jobs let go of the store (the world's teardown asserts it is freed). */
  g_clear_object (&result);
  g_clear_object (&cancelled_result);
  for (guint i = 0; i < 2000 && G_OBJECT (w->store)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  EVALUATION_TEST_ADD ("/evaluation/review/flow", test_review_flow);
  EVALUATION_TEST_ADD ("/evaluation/review/half-step-not-submitted",
                       test_half_step_not_submitted);
  EVALUATION_TEST_ADD ("/evaluation/visibility", test_visibility);
  EVALUATION_TEST_ADD ("/evaluation/review/queue", test_review_queue);

  return g_test_run ();
}
