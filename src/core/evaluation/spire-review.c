/* spire-review.c — reviews: opening, drafts saved often and cheaply,
 * submitting (which freezes the rubric on the first one) and reopening
 * with a reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-evaluation-private.h"

static char *
find_review (SpireStore *store, const char *evaluator_uuid, const char *application_uuid)
{
  return _spire_query_string (store,
                              "SELECT uuid FROM reviews WHERE evaluator = ? AND application = ?", 2,
                              evaluator_uuid, application_uuid);
}

static char *
assignment_of (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
               char **state)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, NULL,
                                      "SELECT uuid, state FROM assignments "
                                      "WHERE evaluator = ? AND application = ?",
                                      2, evaluator_uuid, application_uuid);

  if (state)
    *state = NULL;
  if (rows == NULL || rows->len == 0)
    return NULL;
  if (state)
    *state = g_strdup (COL (rows->pdata[0], 1));
  return g_strdup (COL (rows->pdata[0], 0));
}

/* The evaluator may work on the application: assigned, not declined, no
 * conflict of interest. */
static gboolean
check_may_review (SpireStore *store, SpireRecord *ev, SpireRecord *app, GError **error)
{
  g_autoptr (SpireRecord) conflict = NULL;
  g_autofree char *state = NULL;
  g_autofree char *assignment = assignment_of (store, spire_record_get_uuid (ev),
                                               spire_record_get_uuid (app), &state);

  if (spire_conflict_blocks (store, spire_record_get_uuid (ev), spire_record_get_uuid (app),
                             &conflict))
    return _spire_refuse_conflict (store, ev, app, conflict, TRUE, error);
  if (assignment == NULL || g_strcmp0 (state, "declined") == 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("%s is not assigned “%s”, so they cannot review it. The program manager "
                     "assigns applications to the panel."),
                   name, spire_record_get_display_name (app));
    }
  return TRUE;
}

/* Moves the evaluator's assignment of the application to @state (no audit:
 * the review's own entries tell the story). */
static gboolean
set_assignment_state (SpireStore *store, const char *evaluator_uuid,
                      const char *application_uuid, const char *from, const char *state,
                      GError **error)
{
  g_autofree char *current = NULL;
  g_autofree char *uuid = assignment_of (store, evaluator_uuid, application_uuid, &current);
  g_autoptr (SpireRecord) a = NULL;

  if (uuid == NULL || g_strcmp0 (current, state) == 0 ||
      (from != NULL && g_strcmp0 (current, from) != 0))
    return TRUE;
  a = spire_store_get (store, &spire_kind_assignment, uuid, error);
  if (a == NULL)
    return FALSE;
  spire_record_set_text (a, "state", state);
  return spire_store_save (store, a, SPIRE_SAVE_NO_AUDIT, NULL, error);
}

SpireRecord *
spire_review_open (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
                   GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *uuid = NULL;
  SpireRecord *review;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  ev = _spire_get_record (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return NULL;
  app = _spire_get_record (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return NULL;
  if (!check_may_review (store, ev, app, error))
    return NULL;
  existing = find_review (store, evaluator_uuid, application_uuid);
  if (existing != NULL)
    return spire_store_get (store, &spire_kind_review, existing, error);

  uuid = spire_uuid_new ();
  review = spire_record_new (&spire_kind_review);
  spire_record_set_text (review, "uuid", uuid);
  spire_record_set_text (review, "evaluator", evaluator_uuid);
  spire_record_set_text (review, "application", application_uuid);
  spire_record_set_text (review, "state", "draft");
  spire_record_set_int (
      review, "rubric_version",
      _spire_rubric_version_of_cohort (store, spire_record_get_text (app, "cohort")));
  spire_record_set_bool (review, "stale", FALSE);
  return review;
}

GPtrArray *
spire_review_list_scores (SpireStore *store, const char *review_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return _spire_store_query_records (store, &spire_kind_score, "s", error,
                                     "FROM scores s JOIN criteria c ON c.uuid = s.criterion "
                                     "WHERE s.review = ? ORDER BY c.position, s.uuid",
                                     1, review_uuid);
}

static gboolean
refuse_submitted (SpireStore *store, SpireRecord *review, GError **error)
{
  g_autofree char *title =
      _spire_query_string (store, "SELECT title FROM applications WHERE uuid = ?", 1,
                           spire_record_get_text (review, "application"));
  g_autofree char *when = _spire_format_time (spire_record_get_text (review, "submitted_at"));

  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("The review of “%s” was submitted on %s and is locked. The program manager "
                 "can reopen it if it must change."),
               title ? title : "", when);
}

static gboolean
refuse_out_of_scale (SpireRecord *rubric, SpireRecord *criterion, double value, GError **error)
{
  g_autofree char *v = _spire_format_value (value);

  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("The score %s for “%s” is outside the scale, which goes from %d to %d."), v,
               spire_record_get_display_name (criterion),
               (int) spire_record_get_int (rubric, "scale_min"),
               (int) spire_record_get_int (rubric, "scale_max"));
}

/* Within the scale but not one of its steps (6.5 on 1–7): refused as a
 * score sheet refuses it (spire_rubric_value_is_step). */
static gboolean
refuse_off_step (SpireRecord *rubric, SpireRecord *criterion, double value, GError **error)
{
  g_autofree char *v = _spire_format_value (value);

  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("The score %s for “%s” is not a step of the scale, which goes in whole steps "
                 "from %d to %d."),
               v, spire_record_get_display_name (criterion),
               (int) spire_record_get_int (rubric, "scale_min"),
               (int) spire_record_get_int (rubric, "scale_max"));
}

/* A score's value: not applicable (NaN), or a step of the scale. */
static gboolean
check_value (SpireRecord *rubric, SpireRecord *criterion, double value, GError **error)
{
  if (isnan (value) || spire_rubric_value_is_step (rubric, value))
    return TRUE;
  if (!spire_rubric_value_in_scale (rubric, value))
    return refuse_out_of_scale (rubric, criterion, value, error);
  return refuse_off_step (rubric, criterion, value, error);
}

static gboolean
refuse_gate_score (SpireRecord *criterion, GError **error)
{
  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("“%s” is an eligibility gate, answered in the screening; reviews do not score "
                 "it."),
               spire_record_get_display_name (criterion));
}

static gboolean
scores_equal (SpireRecord *a, SpireRecord *b)
{
  double x = spire_record_get_real (a, "value"), y = spire_record_get_real (b, "value");

  return ((isnan (x) && isnan (y)) || x == y) &&
         g_strcmp0 (spire_record_get_text (a, "comment"), spire_record_get_text (b, "comment")) ==
             0;
}

static gboolean
review_fields_equal (SpireRecord *a, SpireRecord *b)
{
  static const char *const texts[] = {
    "evaluator", "application", "state", "recommendation", "summary", "submitted_at",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (spire_record_get_text (a, texts[i]), spire_record_get_text (b, texts[i])) != 0)
      return FALSE;
  return spire_record_get_int (a, "rubric_version") == spire_record_get_int (b, "rubric_version") &&
         !spire_record_get_bool (a, "stale") == !spire_record_get_bool (b, "stale");
}

/* Checks the answered criteria @scores (may be NULL) of a draft against
 * the rubric; @given receives the criterion UUIDs answered. */
static gboolean
check_draft_scores (SpireRecord *rubric, GPtrArray *criteria, GPtrArray *scores,
                    GHashTable *given, GError **error)
{
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < criteria->len; i++)
    g_hash_table_insert (by_uuid, (gpointer) spire_record_get_uuid (criteria->pdata[i]),
                         criteria->pdata[i]);

  for (guint i = 0; scores && i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];
      const char *cu = spire_record_get_text (s, "criterion");
      SpireRecord *c = cu ? g_hash_table_lookup (by_uuid, cu) : NULL;
      double v = spire_record_get_real (s, "value");

      if (c == NULL)
        return spire_fail (error, SPIRE_ERROR_INVALID,
                           _("A score refers to a criterion that is not in the rubric of this "
                             "cohort (it may have been removed). Open the review again."));
      if (g_hash_table_contains (given, cu))
        return spire_fail (error, SPIRE_ERROR_INVALID,
                           _("“%s” is scored twice; keep one of them."),
                           spire_record_get_display_name (c));
      if (g_strcmp0 (spire_record_get_text (c, "kind"), "gate") == 0)
        return refuse_gate_score (c, error);
      if (!check_value (rubric, c, v, error))
        return FALSE;
      g_hash_table_add (given, (gpointer) cu);
    }
  return TRUE;
}

/* Inside a transaction: writes the scores of @review_uuid that changed and
 * deletes those taken back (criteria not in @given). */
static gboolean
save_draft_scores (SpireStore *store, const char *review_uuid, GPtrArray *scores,
                   GHashTable *given, GError **error)
{
  g_autoptr (GHashTable) old_by_criterion = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) old_scores = NULL;

  old_scores = spire_store_list (store, &spire_kind_score, "review", review_uuid, error);
  if (old_scores == NULL)
    return FALSE;
  for (guint i = 0; i < old_scores->len; i++)
    g_hash_table_insert (old_by_criterion,
                         (gpointer) spire_record_get_text (old_scores->pdata[i], "criterion"),
                         old_scores->pdata[i]);
  for (guint i = 0; i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];
      SpireRecord *old = g_hash_table_lookup (old_by_criterion,
                                              spire_record_get_text (s, "criterion"));

      spire_record_set_text (s, "review", review_uuid);
      if (old != NULL)
        {
          spire_record_set_text (s, "uuid", spire_record_get_uuid (old));
          if (scores_equal (old, s))
            {
              spire_record_set_text (s, "created_at", spire_record_get_text (old, "created_at"));
              spire_record_set_text (s, "updated_at", spire_record_get_text (old, "updated_at"));
              continue;
            }
        }
      if (!spire_store_save (store, s, SPIRE_SAVE_NO_AUDIT, NULL, error))
        return FALSE;
    }
  for (guint i = 0; i < old_scores->len; i++)
    if (!g_hash_table_contains (given, spire_record_get_text (old_scores->pdata[i], "criterion")) &&
        !spire_store_delete (store, old_scores->pdata[i], error))
      return FALSE;
  return TRUE;
}

gboolean
spire_review_save_draft (SpireStore *store, SpireRecord *review, GPtrArray *scores,
                         GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GHashTable) given = NULL;
  const char *review_uuid;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPIRE_IS_REVIEW (review), FALSE);

  if (spire_record_get_uuid (review) != NULL)
    stored = spire_store_get (store, &spire_kind_review, spire_record_get_uuid (review), NULL);
  if (stored != NULL &&
      (g_strcmp0 (spire_record_get_text (stored, "evaluator"),
                  spire_record_get_text (review, "evaluator")) != 0 ||
       g_strcmp0 (spire_record_get_text (stored, "application"),
                  spire_record_get_text (review, "application")) != 0))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("A review cannot move to another panel member or application."));
  ev = _spire_get_record (store, &spire_kind_evaluator, spire_record_get_text (review, "evaluator"),
                          error);
  if (ev == NULL)
    return FALSE;
  app = _spire_get_record (store, &spire_kind_application,
                           spire_record_get_text (review, "application"), error);
  if (app == NULL)
    return FALSE;
  if (stored == NULL)
    {
      g_autofree char *existing = find_review (store, spire_record_get_uuid (ev),
                                               spire_record_get_uuid (app));

      if (existing != NULL)
        {
          stored = spire_store_get (store, &spire_kind_review, existing, error);
          if (stored == NULL)
            return FALSE;
          spire_record_set_text (review, "uuid", existing);
        }
    }
  if (stored != NULL && g_strcmp0 (spire_record_get_text (stored, "state"), "submitted") == 0)
    return refuse_submitted (store, stored, error);
  if (!check_may_review (store, ev, app, error))
    return FALSE;
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), error);
  if (rubric == NULL)
    return FALSE;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (criteria == NULL)
    return FALSE;
  given = g_hash_table_new (g_str_hash, g_str_equal);
  if (!check_draft_scores (rubric, criteria, scores, given, error))
    return FALSE;

  spire_record_set_text (review, "state", "draft");
  spire_record_set_null (review, "submitted_at");
  spire_record_set_int (review, "rubric_version", spire_record_get_int (rubric, "version"));
  spire_record_set_bool (review, "stale", FALSE);
  if (!spire_record_validate (review, NULL, error))
    return FALSE;
  review_uuid = spire_record_get_uuid (review);

  if (!spire_store_begin (store, error))
    return FALSE;
  if (stored == NULL || !review_fields_equal (stored, review))
    {
      if (!spire_store_save (store, review, SPIRE_SAVE_NO_AUDIT, NULL, error))
        goto fail;
    }
  else
    {
      spire_record_set_text (review, "created_at", spire_record_get_text (stored, "created_at"));
      spire_record_set_text (review, "updated_at", spire_record_get_text (stored, "updated_at"));
    }
  review_uuid = spire_record_get_uuid (review);

  if (scores != NULL && !save_draft_scores (store, review_uuid, scores, given, error))
    goto fail;
  if (!set_assignment_state (store, spire_record_get_uuid (ev), spire_record_get_uuid (app),
                             "assigned", "drafted", error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_review_submit (SpireStore *store, const char *review_uuid, GError **error)
{
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GHashTable) by_criterion = NULL;
  g_autofree char *now = NULL;
  guint n_scored = 0, n_valued = 0;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  review = _spire_get_record (store, &spire_kind_review, review_uuid, error);
  if (review == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (review, "state"), "submitted") == 0)
    return refuse_submitted (store, review, error);
  ev = _spire_get_record (store, &spire_kind_evaluator, spire_record_get_text (review, "evaluator"),
                          error);
  app = ev ? _spire_get_record (store, &spire_kind_application,
                                spire_record_get_text (review, "application"), error)
           : NULL;
  if (app == NULL || !check_may_review (store, ev, app, error))
    return FALSE;
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), error);
  if (rubric == NULL)
    return FALSE;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  scores = criteria ? spire_review_list_scores (store, review_uuid, error) : NULL;
  if (scores == NULL)
    return FALSE;
  by_criterion = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < scores->len; i++)
    g_hash_table_insert (by_criterion,
                         (gpointer) spire_record_get_text (scores->pdata[i], "criterion"),
                         scores->pdata[i]);

  for (guint i = 0; i < criteria->len; i++)
    {
      SpireRecord *c = criteria->pdata[i];
      SpireRecord *s = g_hash_table_lookup (by_criterion, spire_record_get_uuid (c));
      const char *kind = spire_record_get_text (c, "kind");
      double v = s ? spire_record_get_real (s, "value") : NAN;

      if (g_strcmp0 (kind, "gate") == 0)
        {
          if (s != NULL && !isnan (v))
            return refuse_gate_score (c, error);
          continue;
        }
      if (s == NULL)
        return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("“%s” has no answer yet. Give it a score or mark it not applicable, then "
                       "submit."),
                     spire_record_get_display_name (c));
      if (!check_value (rubric, c, v, error))
        return FALSE;
      if (g_strcmp0 (kind, "scored") == 0)
        {
          n_scored++;
          n_valued += !isnan (v);
        }
    }
  if (n_scored == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("The rubric has no scored criteria yet, so there is nothing to submit. The "
                   "program manager adds the criteria."));
  if (n_valued == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Give at least one scored criterion a score; a review where every criterion "
                   "is marked not applicable cannot be counted."));

  now = spire_now_utc ();
  spire_record_set_text (review, "state", "submitted");
  spire_record_set_text (review, "submitted_at", now);
  spire_record_set_int (review, "rubric_version", spire_record_get_int (rubric, "version"));
  spire_record_set_bool (review, "stale", FALSE);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, review, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !set_assignment_state (store, spire_record_get_uuid (ev), spire_record_get_uuid (app), NULL,
                             "submitted", error) ||
      !_spire_rubric_freeze_record (store, rubric, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

gboolean
spire_review_reopen (SpireStore *store, const char *review_uuid, const char *reason,
                     GError **error)
{
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = _spire_stripped (reason);

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  review = _spire_get_record (store, &spire_kind_review, review_uuid, error);
  if (review == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (review, "state"), "submitted") != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("This review is a draft already; the panel member can go on changing it."));
  if (_spire_is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write why the review is reopened; the reason is kept in the history."));
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, why);
  json_builder_set_member_name (b, "submitted_at");
  json_builder_add_string_value (b, spire_record_get_text (review, "submitted_at"));
  json_builder_end_object (b);
  after = _spire_json_string_of (b);

  spire_record_set_text (review, "state", "draft");
  spire_record_set_null (review, "submitted_at");
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, review, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !spire_store_audit (store, "review", review_uuid, "reopen", NULL, after, error) ||
      !set_assignment_state (store, spire_record_get_text (review, "evaluator"),
                             spire_record_get_text (review, "application"), "submitted",
                             "drafted", error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}
