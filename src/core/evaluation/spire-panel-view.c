/* spire-panel-view.c — what the panel sees: whose reviews an evaluator may
 * read, the application without confidential fields (and, in a blind
 * cohort, without who applied), and the applications an evaluator works on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"

gboolean
spire_review_can_see_others (SpireStore *store, const char *evaluator_uuid,
                             const char *application_uuid)
{
  g_autofree char *role = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  role =
      _spire_query_string (store, "SELECT role FROM evaluators WHERE uuid = ?", 1, evaluator_uuid);
  if (role == NULL || spire_conflict_blocks (store, evaluator_uuid, application_uuid, NULL))
    return FALSE;
  if (g_str_equal (role, "observer"))
    return TRUE;
  state = _spire_query_string (store,
                               "SELECT state FROM reviews WHERE evaluator = ? AND application = ?",
                               2, evaluator_uuid, application_uuid);
  return g_strcmp0 (state, "submitted") == 0;
}

GPtrArray *
spire_review_list_visible (SpireStore *store, const char *evaluator_uuid,
                           const char *application_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (!spire_store_exists (store, &spire_kind_evaluator, evaluator_uuid))
    {
      g_autofree char *word = spire_kind_word (&spire_kind_evaluator);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("There is no %s with the UUID %s."), word,
            evaluator_uuid ? evaluator_uuid : "");
      return NULL;
    }
  if (spire_conflict_blocks (store, evaluator_uuid, application_uuid, NULL))
    return g_ptr_array_new_with_free_func (g_object_unref);
  return _spire_store_query_records (
    store, &spire_kind_review, NULL, error,
    "FROM reviews WHERE application = ?1 "
    "AND (evaluator = ?2 OR (?3 IS NOT NULL AND state = 'submitted')) "
    "ORDER BY evaluator <> ?2, submitted_at, uuid",
    3, application_uuid, evaluator_uuid,
    spire_review_can_see_others (store, evaluator_uuid, application_uuid) ? "1" : NULL);
}

static SpireRecord *
for_panel (SpireStore *store, SpireRecord *app, gboolean blind)
{
  const SpireKind *kind = &spire_kind_application;
  SpireRecord *copy = spire_record_copy (app);

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SPIRE_FIELD_CONFIDENTIAL)
      spire_record_set_null (copy, kind->fields[i].name);
  if (blind)
    {
      g_autoptr (GPtrArray) terms =
          _spire_redact_terms_for (store, spire_record_get_text (app, "startup"));

      if (terms != NULL)
        _spire_redact_record (copy, terms);
      spire_record_set_null (copy, "startup");
      spire_record_set_null (copy, "contact");
    }
  return copy;
}

static gboolean
cohort_is_blind (SpireStore *store, const char *cohort_uuid)
{
  g_autofree char *blind =
      _spire_query_string (store, "SELECT blind FROM cohorts WHERE uuid = ?", 1, cohort_uuid);

  /* An unknown cohort hides rather than shows. */
  return blind == NULL || g_strcmp0 (blind, "0") != 0;
}

SpireRecord *
spire_application_for_panel (SpireStore *store, const char *application_uuid, GError **error)
{
  g_autoptr (SpireRecord) app = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  app = _spire_get_record (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return NULL;
  return for_panel (store, app, cohort_is_blind (store, spire_record_get_text (app, "cohort")));
}

GPtrArray *
spire_panel_list_visible_applications (SpireStore *store, const char *evaluator_uuid,
                                       GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  gboolean blind;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  ev = _spire_get_record (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return NULL;
  blind = cohort_is_blind (store, spire_record_get_text (ev, "cohort"));
  if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
    apps = _spire_store_query_records (store, &spire_kind_application, "a", error,
                  "FROM applications a WHERE a.cohort = ?2 "
                  "AND a.status NOT IN ('ineligible', 'withdrawn') "
                  "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                  "AND c.dismissed_at IS NULL "
                  "AND (c.application = a.uuid OR c.startup = a.startup)) "
                  "ORDER BY a.title COLLATE NB, a.uuid",
                  2, evaluator_uuid, spire_record_get_text (ev, "cohort"));
  else
    apps = _spire_store_query_records (store, &spire_kind_application, "a", error,
                  "FROM assignments s JOIN applications a ON a.uuid = s.application "
                  "WHERE s.evaluator = ?1 AND s.state <> 'declined' "
                  "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                  "AND c.dismissed_at IS NULL "
                  "AND (c.application = a.uuid OR c.startup = a.startup)) "
                  "ORDER BY a.title COLLATE NB, a.uuid",
                  1, evaluator_uuid);
  if (apps == NULL)
    return NULL;
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *copy = for_panel (store, apps->pdata[i], blind);

      g_object_unref (apps->pdata[i]);
      apps->pdata[i] = copy;
    }
  return g_steal_pointer (&apps);
}
