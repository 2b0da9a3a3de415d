/* spire-decision.c — decisions on applications (a status change with a
 * written reason, one decision record each), the cohort's seats and their
 * warning, and the status rules: who takes part (is assignable) and the
 * order of the statuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"

/* Inside a transaction; @app is changed and saved. */
gboolean
_spire_decide_one (SpireStore *store, SpireRecord *app, const char *status, const char *reason,
                   gint64 rubric_version, GError **error)
{
  g_autofree char *from = g_strdup (spire_record_get_text (app, "status"));
  g_autofree char *now = spire_now_utc ();
  g_autoptr (SpireRecord) d = spire_record_new (&spire_kind_decision);

  spire_record_set_text (app, "status", status);
  if (!spire_store_save (store, app, SPIRE_SAVE_DEFAULT, NULL, error))
    return FALSE;
  spire_record_set_text (d, "application", spire_record_get_uuid (app));
  spire_record_set_text (d, "from_status", from);
  spire_record_set_text (d, "to_status", status);
  spire_record_set_text (d, "decided_by", spire_store_get_actor (store));
  spire_record_set_text (d, "decided_at", now);
  spire_record_set_text (d, "reason", reason);
  spire_record_set_int (d, "rubric_version", rubric_version);
  if (!spire_store_save (store, d, SPIRE_SAVE_DEFAULT, NULL, error))
    return FALSE;
  if (!spire_application_status_is_assignable (status) &&
      !_spire_delete_assignments_of_application (store, spire_record_get_uuid (app), error))
    return FALSE;
  return TRUE;
}

gboolean
spire_decide (SpireStore *store, const char *const *application_uuids, const char *new_status,
              const char *reason, GError **error)
{
  g_autofree char *why = _spire_stripped (reason);
  g_autoptr (GHashTable) versions = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (application_uuids == NULL || application_uuids[0] == NULL)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _ ("Choose at least one application to decide on."));
  if (!_spire_enum_allowed (&spire_kind_application, "status", new_status))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is not a status an application can have."),
                 new_status ? new_status : "");
  if (_spire_is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write the reason for the decision. Public bodies must be able to show "
                   "why each application was decided as it was."));

  versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; application_uuids[i]; i++)
    {
      g_autoptr (SpireRecord) app =
          _spire_get_record (store, &spire_kind_application, application_uuids[i], error);
      const char *cohort;
      gint64 *version;

      if (app == NULL)
        goto fail;
      if (g_strcmp0 (spire_record_get_text (app, "status"), new_status) == 0)
        continue;
      cohort = spire_record_get_text (app, "cohort");
      version = g_hash_table_lookup (versions, cohort);
      if (version == NULL)
        {
          version = g_new (gint64, 1);
          *version = _spire_rubric_version_of_cohort (store, cohort);
          g_hash_table_insert (versions, g_strdup (cohort), version);
        }
      if (!_spire_decide_one (store, app, new_status, why, *version, error))
        goto fail;
    }
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

gint64
spire_cohort_count_accepted (SpireStore *store, const char *cohort_uuid, gint64 *seats,
                             GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), -1);

  cohort = _spire_get_record (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return -1;
  if (seats)
    *seats = spire_record_get_int (cohort, "seats");
  rows = _spire_store_query (store, error,
                "SELECT count(*) FROM applications WHERE cohort = ? AND status = 'accepted'", 1,
                cohort_uuid);
  if (rows == NULL)
    return -1;
  return g_ascii_strtoll (COL (rows->pdata[0], 0), NULL, 10);
}

char *
spire_cohort_seats_warning (SpireStore *store, const char *cohort_uuid)
{
  gint64 seats = 0;
  gint64 accepted = spire_cohort_count_accepted (store, cohort_uuid, &seats, NULL);
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;
  g_autofree char *n_accepted = NULL;
  g_autofree char *n_seats = NULL;

  if (accepted < 0 || seats == SPIRE_INT_NONE || seats < 0 || accepted <= seats)
    return NULL;
  name = _spire_cohort_name (store, cohort_uuid);
  n_accepted = spire_format_count (accepted, spire_language_current ());
  n_seats = spire_format_count (seats, spire_language_current ());
  first = g_strdup_printf (ngettext ("%s application is accepted",
                                     "%s applications are accepted", (gulong) accepted),
                           n_accepted);
  /* TRANSLATORS: "5 applications are accepted, but “Kull 2026” has 4 seats." */
  return g_strdup_printf (ngettext ("%s, but “%s” has %s seat.", "%s, but “%s” has %s seats.",
                                    (gulong) seats),
                          first, name, n_seats);
}

char *
spire_cohort_seats_warning_after (SpireStore *store, const char *cohort_uuid, guint adding)
{
  gint64 seats = SPIRE_INT_NONE;
  gint64 accepted, after;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (adding == 0)
    return spire_cohort_seats_warning (store, cohort_uuid);
  accepted = spire_cohort_count_accepted (store, cohort_uuid, &seats, NULL);
  if (accepted < 0 || seats == SPIRE_INT_NONE || seats < 0)
    return NULL;
  after = accepted + adding;
  if (after > seats)
    {
      g_autofree char *n_after = spire_format_count (after, spire_language_current ());
      g_autofree char *n_seats = spire_format_count (seats, spire_language_current ());

      return g_strdup_printf (ngettext ("After this change %s application will be accepted, "
                                        "but the cohort has %s seats.",
                                        "After this change %s applications will be accepted, "
                                        "but the cohort has %s seats.",
                                        (gulong) after),
                              n_after, n_seats);
    }
  return spire_cohort_seats_warning (store, cohort_uuid);
}

/* Who takes part */

gboolean
spire_application_status_is_assignable (const char *status)
{
  return g_strcmp0 (status, "ineligible") != 0 && g_strcmp0 (status, "withdrawn") != 0;
}

gboolean
spire_application_is_assignable (SpireRecord *application)
{
  g_return_val_if_fail (SPIRE_IS_RECORD (application), FALSE);

  return spire_application_status_is_assignable (spire_record_get_text (application, "status"));
}

gint64
spire_cohort_count_assignable (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), -1);

  rows = _spire_store_query (store, error,
                             "SELECT count(*) FROM applications WHERE cohort = ?"
                             " AND status NOT IN ('ineligible', 'withdrawn')",
                             1, cohort_uuid);
  if (rows == NULL)
    return -1;
  return g_ascii_strtoll (COL (rows->pdata[0], 0), NULL, 10);
}

int
spire_application_status_order (const char *status)
{
  const SpireField *field = spire_kind_field (&spire_kind_application, "status");
  int i = 0;

  if (status == NULL)
    return G_MAXINT;
  for (const SpireEnumValue *v = field->values; v->value; v++, i++)
    if (g_str_equal (v->value, status))
      return i;
  return G_MAXINT - 1;
}
