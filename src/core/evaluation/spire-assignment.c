/* spire-assignment.c — assignment by hand and in bulk (refused for
 * observers, unassignable applications, another cohort and conflicts of
 * interest), unassigning, and automatic assignment: read the cohort, let the
 * pure planner (spire-assignment-plan.h) decide, write the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-assignment-plan.h"
#include "spire-evaluation-private.h"
#include "spire-job-private.h"

gboolean
_spire_refuse_conflict (SpireStore *store, SpireRecord *ev, SpireRecord *app, SpireRecord *conflict,
                        gboolean review, GError **error)
{
  g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));
  g_autofree char *startup = _spire_startup_name_of_application (store, app);
  const char *reason = conflict ? spire_record_get_text (conflict, "reason") : NULL;

  if (review)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("%s has a conflict of interest with “%s” (%s) and cannot review its "
                   "application “%s”."),
                 name, startup, reason ? reason : _("no reason given"),
                 spire_record_get_display_name (app));
  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("%s has a conflict of interest with “%s” (%s) and cannot be assigned its "
                 "application “%s”."),
               name, startup, reason ? reason : _("no reason given"),
               spire_record_get_display_name (app));
}

static gboolean
check_assignable (SpireStore *store, SpireRecord *ev, SpireRecord *app, GError **error)
{
  g_autoptr (SpireRecord) conflict = NULL;
  const char *status = spire_record_get_text (app, "status");

  if (g_strcmp0 (spire_record_get_text (ev, "cohort"), spire_record_get_text (app, "cohort")) != 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("“%s” was sent to another cohort than the one %s is a panel member of."),
                   spire_record_get_display_name (app), name);
    }
  if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("%s is an observer on the panel; observers are never assigned "
                     "applications. Make them a member first."),
                   name);
    }
  if (!spire_application_status_is_assignable (status))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is %s and is not evaluated, so it cannot be assigned."),
                 spire_record_get_display_name (app),
                 spire_field_value_label (spire_kind_field (&spire_kind_application, "status"),
                                          status));
  if (spire_conflict_blocks (store, spire_record_get_uuid (ev), spire_record_get_uuid (app),
                             &conflict))
    return _spire_refuse_conflict (store, ev, app, conflict, FALSE, error);
  return TRUE;
}

gboolean
spire_assign_many (SpireStore *store, const char *const *evaluator_uuids,
                   const char *const *application_uuids, guint *n_added, GError **error)
{
  g_autoptr (GPtrArray) evs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) apps = g_ptr_array_new_with_free_func (g_object_unref);
  guint added = 0;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (n_added)
    *n_added = 0;
  for (guint i = 0; evaluator_uuids && evaluator_uuids[i]; i++)
    {
      SpireRecord *ev = _spire_get_record (store, &spire_kind_evaluator, evaluator_uuids[i], error);

      if (ev == NULL)
        return FALSE;
      g_ptr_array_add (evs, ev);
    }
  for (guint i = 0; application_uuids && application_uuids[i]; i++)
    {
      SpireRecord *app =
          _spire_get_record (store, &spire_kind_application, application_uuids[i], error);

      if (app == NULL)
        return FALSE;
      g_ptr_array_add (apps, app);
    }
  for (guint i = 0; i < evs->len; i++)
    for (guint j = 0; j < apps->len; j++)
      if (!check_assignable (store, evs->pdata[i], apps->pdata[j], error))
        return FALSE;

  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < evs->len; i++)
    for (guint j = 0; j < apps->len; j++)
      {
        const char *ev_uuid = spire_record_get_uuid (evs->pdata[i]);
        const char *app_uuid = spire_record_get_uuid (apps->pdata[j]);
        g_autofree char *existing = _spire_query_string (
            store, "SELECT uuid FROM assignments WHERE evaluator = ? AND application = ?", 2,
            ev_uuid, app_uuid);
        g_autoptr (SpireRecord) a = NULL;

        if (existing != NULL)
          {
            a = spire_store_get (store, &spire_kind_assignment, existing, error);
            if (a == NULL)
              goto fail;
            if (g_strcmp0 (spire_record_get_text (a, "state"), "declined") != 0)
              continue;
          }
        else
          {
            a = spire_record_new (&spire_kind_assignment);
            spire_record_set_text (a, "evaluator", ev_uuid);
            spire_record_set_text (a, "application", app_uuid);
          }
        spire_record_set_text (a, "state", "assigned");
        if (!spire_store_save (store, a, SPIRE_SAVE_DEFAULT, NULL, error))
          goto fail;
        added++;
      }
  if (!spire_store_commit (store, error))
    return FALSE;
  if (n_added)
    *n_added = added;
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_assign (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
              GError **error)
{
  const char *evs[] = { evaluator_uuid, NULL };
  const char *apps[] = { application_uuid, NULL };

  if (evaluator_uuid == NULL || application_uuid == NULL)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Choose a panel member and an application to assign."));
  return spire_assign_many (store, evs, apps, NULL, error);
}

gboolean
spire_unassign (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
                GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  rows = _spire_store_query (store, error,
                "SELECT uuid FROM assignments WHERE evaluator = ? AND application = ?", 2,
                evaluator_uuid, application_uuid);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);
      g_autofree char *title = _spire_query_string (
          store, "SELECT title FROM applications WHERE uuid = ?", 1, application_uuid);

      return spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("%s is not assigned “%s”."), name,
                   title ? title : "");
    }
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!_spire_delete_assignment_rows (store, rows, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

/* Automatic assignment: spire_assign_auto () reads the cohort (auto_read),
 * lets the planner decide (spire-assignment-plan.h) and writes the plan
 * (auto_write). */

typedef struct
{
  GPtrArray *rows[4]; /* what was read: evaluators, applications, assignments, conflicts */
  GArray *evaluators;  /* SpirePlanEvaluator, pointing into rows */
  GArray *applications;
  GArray *assignments;
  GArray *conflicts;
  SpirePlanInput input;
} AutoData;

static void
auto_data_clear (AutoData *d)
{
  for (guint i = 0; i < G_N_ELEMENTS (d->rows); i++)
    g_clear_pointer (&d->rows[i], g_ptr_array_unref);
  g_clear_pointer (&d->evaluators, g_array_unref);
  g_clear_pointer (&d->applications, g_array_unref);
  g_clear_pointer (&d->assignments, g_array_unref);
  g_clear_pointer (&d->conflicts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AutoData, auto_data_clear)

/* Reads what the planner needs about the cohort into @d: the panel without
 * observers, the assignable applications, the assignments on record and
 * the conflicts not dismissed. */
static gboolean
auto_read (SpireStore *store, SpireRecord *cohort, guint k, AutoData *d, GError **error)
{
  const char *cohort_uuid = spire_record_get_uuid (cohort);

  d->rows[0] = _spire_store_query (store, error,
                                   "SELECT e.uuid, p.name, p.public_body FROM evaluators e "
                                   "JOIN persons p ON p.uuid = e.person "
                                   "WHERE e.cohort = ? AND e.role <> 'observer' ORDER BY e.uuid",
                                   1, cohort_uuid);
  if (d->rows[0] == NULL)
    return FALSE;
  d->rows[1] = _spire_store_query (store, error,
                                   "SELECT a.uuid, a.startup, s.name, c.owner, b.name "
                                   "FROM applications a "
                                   "JOIN startups s ON s.uuid = a.startup "
                                   "LEFT JOIN challenges c ON c.uuid = a.challenge "
                                   "LEFT JOIN public_bodies b ON b.uuid = c.owner "
                                   "WHERE a.cohort = ? "
                                   "AND a.status NOT IN ('ineligible', 'withdrawn') "
                                   "ORDER BY a.uuid",
                                   1, cohort_uuid);
  if (d->rows[1] == NULL)
    return FALSE;
  d->rows[2] = _spire_store_query (store, error,
                                   "SELECT s.evaluator, s.application, s.state FROM assignments s "
                                   "JOIN evaluators e ON e.uuid = s.evaluator WHERE e.cohort = ?",
                                   1, cohort_uuid);
  d->rows[3] = _spire_store_query (store, error,
                                   "SELECT c.evaluator, c.application, c.startup FROM conflicts c "
                                   "JOIN evaluators e ON e.uuid = c.evaluator "
                                   "WHERE e.cohort = ? AND c.dismissed_at IS NULL",
                                   1, cohort_uuid);
  if (d->rows[2] == NULL || d->rows[3] == NULL)
    return FALSE;

  d->evaluators = g_array_new (FALSE, TRUE, sizeof (SpirePlanEvaluator));
  d->applications = g_array_new (FALSE, TRUE, sizeof (SpirePlanApplication));
  d->assignments = g_array_new (FALSE, TRUE, sizeof (SpirePlanAssignment));
  d->conflicts = g_array_new (FALSE, TRUE, sizeof (SpirePlanConflict));
  for (guint i = 0; i < d->rows[0]->len; i++)
    {
      GPtrArray *r = d->rows[0]->pdata[i];

      g_array_append_val (d->evaluators,
                          ((SpirePlanEvaluator) { COL (r, 0), COL (r, 1), COL (r, 2) }));
    }
  for (guint i = 0; i < d->rows[1]->len; i++)
    {
      GPtrArray *r = d->rows[1]->pdata[i];

      g_array_append_val (d->applications,
                          ((SpirePlanApplication) { COL (r, 0), COL (r, 1), COL (r, 2),
                                                    COL (r, 3), COL (r, 4) }));
    }
  for (guint i = 0; i < d->rows[2]->len; i++)
    {
      GPtrArray *r = d->rows[2]->pdata[i];

      g_array_append_val (d->assignments,
                          ((SpirePlanAssignment) { COL (r, 0), COL (r, 1),
                                                   g_strcmp0 (COL (r, 2), "declined") == 0 }));
    }
  for (guint i = 0; i < d->rows[3]->len; i++)
    {
      GPtrArray *r = d->rows[3]->pdata[i];

      g_array_append_val (d->conflicts,
                          ((SpirePlanConflict) { COL (r, 0), COL (r, 1), COL (r, 2) }));
    }

  d->input = (SpirePlanInput) {
    .panel_name = spire_record_get_display_name (cohort),
    .k = k,
    .owner_on_panel = spire_record_get_bool (cohort, "owner_on_panel"),
    .evaluators = (const SpirePlanEvaluator *) (gpointer) d->evaluators->data,
    .n_evaluators = d->evaluators->len,
    .applications = (const SpirePlanApplication *) (gpointer) d->applications->data,
    .n_applications = d->applications->len,
    .conflicts = (const SpirePlanConflict *) (gpointer) d->conflicts->data,
    .n_conflicts = d->conflicts->len,
    .assignments = (const SpirePlanAssignment *) (gpointer) d->assignments->data,
    .n_assignments = d->assignments->len,
  };
  return TRUE;
}

/* Stores the planned assignments and an audit entry on the cohort, all or
 * nothing. */
static gboolean
auto_write (SpireStore *store, const char *cohort_uuid, const SpirePlanInput *input,
            GArray *planned, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *after = NULL;

  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < planned->len; i++)
    {
      const SpirePlanPair *pair = &g_array_index (planned, SpirePlanPair, i);
      g_autoptr (SpireRecord) r = spire_record_new (&spire_kind_assignment);
      g_autofree char *uuid = spire_uuid_new ();

      spire_record_set_text (r, "uuid", uuid);
      spire_record_set_text (r, "evaluator", input->evaluators[pair->evaluator].uuid);
      spire_record_set_text (r, "application", input->applications[pair->application].uuid);
      spire_record_set_text (r, "state", "assigned");
      if (!spire_store_save (store, r, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_NO_VALIDATE, NULL, error))
        goto fail;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "evaluators_per_application");
  json_builder_add_int_value (b, input->k);
  json_builder_set_member_name (b, "added");
  json_builder_add_int_value (b, planned->len);
  json_builder_end_object (b);
  after = _spire_json_string_of (b);
  if (!spire_store_audit (store, "cohort", cohort_uuid, "auto-assign", NULL, after, error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_assign_auto (SpireStore *store, const char *cohort_uuid, guint k, guint *n_added,
                   GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_auto (AutoData) d = { 0 };
  g_autoptr (GArray) planned = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (n_added)
    *n_added = 0;
  if (k == 0)
    k = SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION;
  cohort = _spire_get_record (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL || !auto_read (store, cohort, k, &d, error))
    return FALSE;
  planned = spire_assignment_plan_compute (&d.input, NULL, error);
  if (planned == NULL)
    return FALSE;
  if (planned->len == 0)
    return TRUE;
  if (!auto_write (store, cohort_uuid, &d.input, planned, error))
    return FALSE;
  if (n_added)
    *n_added = planned->len;
  return TRUE;
}

/* Automatic assignment as long work */

typedef struct
{
  char *cohort;
  guint k;
} AutoJob;

static void
auto_job_free (gpointer data)
{
  AutoJob *d = data;

  g_free (d->cohort);
  g_free (d);
}

static gboolean
assign_auto_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
                 GError **error)
{
  AutoJob *d = data;
  guint n = 0;

  if (!spire_assign_auto (store, d->cohort, d->k, &n, error))
    return FALSE;
  *result = GUINT_TO_POINTER (n + 1); /* never NULL */
  return TRUE;
}

void
spire_assign_auto_async (SpireStore *store, const char *cohort_uuid, guint k,
                         GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data)
{
  AutoJob *d;

  g_return_if_fail (cohort_uuid != NULL);

  d = g_new0 (AutoJob, 1);
  d->cohort = g_strdup (cohort_uuid);
  d->k = k;
  _spire_job_run (store, spire_assign_auto_async, assign_auto_job, d, auto_job_free, NULL,
                  cancellable, NULL, NULL, callback, user_data);
}

gboolean
spire_assign_auto_finish (SpireStore *store, GAsyncResult *result, guint *n_added,
                          GError **error)
{
  gpointer n = NULL;

  if (!_spire_job_finish (store, result, spire_assign_auto_async, &n, error))
    return FALSE;
  if (n_added)
    *n_added = GPOINTER_TO_UINT (n) - 1;
  return TRUE;
}
