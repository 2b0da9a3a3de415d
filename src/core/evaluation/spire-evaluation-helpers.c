/* spire-evaluation-helpers.c — the small helpers the evaluation files share
 * (declared in spire-evaluation-private.h): queries of one value, records by
 * UUID, formatting for messages, and removing assignments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>

#include "spire-evaluation-private.h"

gboolean
_spire_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
_spire_stripped (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

/* The first column of the first row, or NULL. */
char *
_spire_query_string (SpireStore *store, const char *sql, guint n_params, ...)
{
  g_autoptr (GPtrArray) rows = NULL;
  va_list ap;

  va_start (ap, n_params);
  rows = _spire_store_vquery (store, NULL, sql, n_params, ap);
  va_end (ap);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (COL (rows->pdata[0], 0));
}

SpireRecord *
_spire_get_record (SpireStore *store, const SpireKind *kind, const char *uuid, GError **error)
{
  if (uuid == NULL)
    {
      g_autofree char *word = spire_kind_word (kind);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("No %s was given."), word);
      return NULL;
    }
  return spire_store_get (store, kind, uuid, error);
}

char *
_spire_json_string_of (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

char *
_spire_format_time (const char *iso)
{
  return spire_format_timestamp (iso, spire_language_current ());
}

char *
_spire_format_value (double value)
{
  return spire_format_number (value, value == floor (value) ? 0 : 2, spire_language_current ());
}

char *
_spire_cohort_name (SpireStore *store, const char *cohort_uuid)
{
  char *name =
      _spire_query_string (store, "SELECT name FROM cohorts WHERE uuid = ?", 1, cohort_uuid);

  return name ? name : g_strdup ("");
}

char *
_spire_startup_name_of_application (SpireStore *store, SpireRecord *app)
{
  char *name = _spire_query_string (store, "SELECT name FROM startups WHERE uuid = ?", 1,
                                    spire_record_get_text (app, "startup"));

  return name ? name : g_strdup ("");
}

gboolean
_spire_enum_allowed (const SpireKind *kind, const char *field, const char *value)
{
  return value != NULL && spire_field_value_is_allowed (spire_kind_field (kind, field), value);
}

/* Deletes the assignments whose UUIDs are column 0 of @rows. */
gboolean
_spire_delete_assignment_rows (SpireStore *store, GPtrArray *rows, GError **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (SpireRecord) a = spire_store_get (store, &spire_kind_assignment,
                                                   COL (rows->pdata[i], 0), error);

      if (a == NULL || !spire_store_delete (store, a, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_spire_delete_assignments_of_application (SpireStore *store, const char *application_uuid,
                                          GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                      "SELECT uuid FROM assignments WHERE application = ?", 1,
                                      application_uuid);

  return rows != NULL && _spire_delete_assignment_rows (store, rows, error);
}

/* Removes the evaluator's assignments that a conflict with @application_uuid
 * or @startup_uuid blocks. */
gboolean
_spire_delete_blocked_assignments (SpireStore *store, const char *evaluator_uuid,
                                   const char *application_uuid, const char *startup_uuid,
                                   GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (
    store, error,
    "SELECT s.uuid FROM assignments s JOIN applications a ON a.uuid = s.application "
    "WHERE s.evaluator = ?1 AND (a.uuid = ?2 OR a.startup = ?3)",
    3, evaluator_uuid, application_uuid, startup_uuid);

  return rows != NULL && _spire_delete_assignment_rows (store, rows, error);
}
