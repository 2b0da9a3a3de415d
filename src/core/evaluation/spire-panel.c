/* spire-panel.c — the panel of a cohort: adding, roles (no observer
 * with assignments), removing (refused with reviews on record), the list,
 * and every member's load in one query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"
#include "spire-job-private.h"

static gboolean
check_role (const char *role, GError **error)
{
  if (_spire_enum_allowed (&spire_kind_evaluator, "role", role))
    return TRUE;
  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("“%s” is not a panel role; choose chair, member or observer."),
               role ? role : "");
}

static gint64
count_active_assignments (SpireStore *store, const char *evaluator_uuid)
{
  g_autofree char *n = _spire_query_string (store,
                                            "SELECT count(*) FROM assignments WHERE evaluator = ? "
                                            "AND state <> 'declined'",
                                            1, evaluator_uuid);

  return n ? g_ascii_strtoll (n, NULL, 10) : 0;
}

gboolean
spire_panel_set_role (SpireStore *store, const char *evaluator_uuid, const char *role,
                      GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  gint64 n;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (!check_role (role, error))
    return FALSE;
  ev = _spire_get_record (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (ev, "role"), role) == 0)
    return TRUE;
  if (g_str_equal (role, "observer") && (n = count_active_assignments (store, evaluator_uuid)) > 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);
      g_autofree char *n_text = spire_format_count (n, spire_language_current ());

      return spire_fail (error, SPIRE_ERROR_IN_USE,
                   ngettext ("%s has %s assignment; remove it first, since observers are "
                             "never assigned applications.",
                             "%s has %s assignments; remove them first, since observers are "
                             "never assigned applications.",
                             (gulong) n),
                   name, n_text);
    }
  {
    g_autoptr (JsonNode) before = spire_record_to_json (ev, FALSE);
    g_autoptr (JsonNode) after = NULL;
    g_autofree char *before_text = json_to_string (before, FALSE);
    g_autofree char *after_text = NULL;

    spire_record_set_text (ev, "role", role);
    after = spire_record_to_json (ev, FALSE);
    after_text = json_to_string (after, FALSE);
    /* Our own audit entry: the store's would copy the package token into
     * the history. */
    if (!spire_store_begin (store, error))
      return FALSE;
    if (!spire_store_save (store, ev, SPIRE_SAVE_NO_AUDIT, NULL, error) ||
        !spire_store_audit (store, "evaluator", evaluator_uuid, "update", before_text, after_text,
                            error))
      {
        spire_store_rollback (store);
        return FALSE;
      }
    return spire_store_commit (store, error);
  }
}

SpireRecord *
spire_panel_add (SpireStore *store, const char *cohort_uuid, const char *person_uuid,
                 const char *role, GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autofree char *existing = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (role == NULL)
    role = "member";
  if (!check_role (role, error))
    return NULL;
  cohort = _spire_get_record (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return NULL;
  person = _spire_get_record (store, &spire_kind_person, person_uuid, error);
  if (person == NULL)
    return NULL;
  existing =
      _spire_query_string (store, "SELECT uuid FROM evaluators WHERE cohort = ? AND person = ?", 2,
                           cohort_uuid, person_uuid);
  if (existing != NULL)
    {
      if (!spire_panel_set_role (store, existing, role, error))
        return NULL;
      return spire_store_get (store, &spire_kind_evaluator, existing, error);
    }
  ev = spire_record_new (&spire_kind_evaluator);
  spire_record_set_text (ev, "cohort", cohort_uuid);
  spire_record_set_text (ev, "person", person_uuid);
  spire_record_set_text (ev, "role", role);
  if (!spire_store_insert (store, ev, error))
    return NULL;
  return g_steal_pointer (&ev);
}

gboolean
spire_panel_remove (SpireStore *store, const char *evaluator_uuid, GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (GPtrArray) assignments = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) packages = NULL;
  gint64 n_reviews;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  ev = _spire_get_record (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return FALSE;
  n_reviews = spire_store_count (store, &spire_kind_review, "evaluator", evaluator_uuid);
  if (n_reviews > 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);
      g_autofree char *n_text = spire_format_count (n_reviews, spire_language_current ());

      return spire_fail (error, SPIRE_ERROR_IN_USE,
                   ngettext ("%s has written %s review, which stays on record, so they cannot "
                             "be removed from the panel. Make them an observer instead.",
                             "%s has written %s reviews, which stay on record, so they cannot "
                             "be removed from the panel. Make them an observer instead.",
                             (gulong) n_reviews),
                   name, n_text);
    }
  if (!spire_store_begin (store, error))
    return FALSE;
  assignments = _spire_store_query (
      store, error, "SELECT uuid FROM assignments WHERE evaluator = ?", 1, evaluator_uuid);
  if (assignments == NULL || !_spire_delete_assignment_rows (store, assignments, error))
    goto fail;
  conflicts = spire_store_list (store, &spire_kind_conflict, "evaluator", evaluator_uuid, error);
  if (conflicts == NULL)
    goto fail;
  for (guint i = 0; i < conflicts->len; i++)
    if (!spire_store_delete (store, conflicts->pdata[i], error))
      goto fail;
  packages = spire_store_list (store, &spire_kind_package, "evaluator", evaluator_uuid, error);
  if (packages == NULL)
    goto fail;
  for (guint i = 0; i < packages->len; i++)
    if (!spire_store_delete (store, packages->pdata[i], error))
      goto fail;
  /* The deletion's audit entry is made from this copy: no token in the history */
  spire_record_set_null (ev, "token");
  if (!spire_store_delete (store, ev, error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

GPtrArray *
spire_panel_list (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return _spire_store_query_records (store, &spire_kind_evaluator, "e", error,
                                     "FROM evaluators e JOIN persons p ON p.uuid = e.person "
                                     "WHERE e.cohort = ? ORDER BY p.name COLLATE NB, e.uuid",
                                     1, cohort_uuid);
}

GHashTable *
spire_panel_loads (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GHashTable *loads;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  rows = _spire_store_query (store, error,
                             "SELECT e.uuid,"
                             " count(g.uuid),"
                             " coalesce(sum(g.state = 'submitted'), 0)"
                             " FROM evaluators e"
                             " LEFT JOIN assignments g ON g.evaluator = e.uuid"
                             "  AND g.state <> 'declined'"
                             " WHERE e.cohort = ?"
                             " GROUP BY e.uuid",
                             1, cohort_uuid);
  if (rows == NULL)
    return NULL;
  loads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SpirePanelLoad *load = g_new0 (SpirePanelLoad, 1);

      load->assigned = (guint) g_ascii_strtoull (COL (rows->pdata[i], 1), NULL, 10);
      load->submitted = (guint) g_ascii_strtoull (COL (rows->pdata[i], 2), NULL, 10);
      g_hash_table_insert (loads, g_strdup (COL (rows->pdata[i], 0)), load);
    }
  return loads;
}

static gboolean
loads_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  *result = spire_panel_loads (store, data, error);
  return *result != NULL;
}

void
spire_panel_loads_async (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_panel_loads_async, loads_job, g_strdup (cohort_uuid), g_free,
                  (GDestroyNotify) g_hash_table_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

GHashTable *
spire_panel_loads_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer loads = NULL;

  _spire_job_finish (store, result, spire_panel_loads_async, &loads, error);
  return loads;
}

char *
spire_evaluator_get_name (SpireStore *store, const char *evaluator_uuid)
{
  char *name =
      _spire_query_string (store,
                           "SELECT p.name FROM evaluators e JOIN persons p ON p.uuid = e.person "
                           "WHERE e.uuid = ?",
                           1, evaluator_uuid);

  return name ? name : g_strdup ("");
}
