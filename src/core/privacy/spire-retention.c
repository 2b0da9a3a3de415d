/* spire-retention.c — personal data of applicants not accepted, erased a
 * cohort's retention_months after it closes
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": retention erases after a
 * preview (spire_retention_due lists, spire_retention_apply erases what it
 * lists).  A cohort closes on its ends_on, or else on the day its phase
 * became "closed".  A person is kept while anything still needs them: an
 * application that is accepted or in a cohort still kept, a seat on a
 * panel, a public body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-privacy"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "spire-error.h"
#include "spire-privacy-private.h"
#include "spire-records.h"
#include "spire-store-private.h"
#include "spire-validate.h"

void
spire_retention_item_free (SpireRetentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->person);
  g_free (item->name);
  g_free (item->cohort);
  g_free (item->cohort_name);
  g_free (item->closed_on);
  g_free (item->due_on);
  g_free (item);
}

char *
spire_cohort_closed_on (SpireStore *store, SpireRecord *cohort)
{
  g_autoptr (GPtrArray) rows = NULL;
  const char *updated;

  if (!spire_record_is_null (cohort, "ends_on"))
    return g_strdup (spire_record_get_text (cohort, "ends_on"));
  if (g_strcmp0 (spire_record_get_text (cohort, "phase"), "closed") != 0)
    return NULL;
  rows = _spire_store_query (store, NULL,
                             "SELECT substr(at, 1, 10) FROM audit WHERE entity_uuid = ?1"
                             " AND json_valid(after) AND json_extract(after, '$.phase') = 'closed'"
                             " AND (before IS NULL OR NOT json_valid(before)"
                             "      OR json_extract(before, '$.phase') IS NOT 'closed')"
                             " ORDER BY id DESC LIMIT 1",
                             1, spire_record_get_uuid (cohort));
  if (rows != NULL && rows->len > 0)
    return g_strdup (SPIRE_ROW_TEXT (rows->pdata[0], 0));
  updated = spire_record_get_text (cohort, "updated_at");
  return updated ? g_strndup (updated, 10) : NULL;
}

static char *
add_months (const char *date, gint64 months)
{
  GDate d;
  char buf[16];
  int y, m, day;

  if (!spire_date_is_valid (date) || sscanf (date, "%d-%d-%d", &y, &m, &day) != 3)
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  g_date_add_months (&d, (guint) CLAMP (months, 0, 12 * 1000));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}

static char *
today_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Cohorts whose retention has run out on @today: uuid → due_on. */
static GHashTable *
expired_cohorts (SpireStore *store, const char *today, GHashTable *cohorts, GError **error)
{
  g_autoptr (GPtrArray) all = spire_store_list (store, &spire_kind_cohort, NULL, NULL, error);
  GHashTable *expired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (all == NULL)
    {
      g_hash_table_unref (expired);
      return NULL;
    }
  for (guint i = 0; i < all->len; i++)
    {
      SpireRecord *c = all->pdata[i];
      g_autofree char *closed = NULL;
      g_autofree char *due = NULL;

      if (spire_record_is_null (c, "retention_months"))
        continue;
      closed = spire_cohort_closed_on (store, c);
      due = closed ? add_months (closed, spire_record_get_int (c, "retention_months")) : NULL;
      if (due == NULL || g_strcmp0 (due, today) > 0)
        continue;
      g_hash_table_insert (cohorts, g_strdup (spire_record_get_uuid (c)), g_object_ref (c));
      g_hash_table_insert (expired, g_strdup (spire_record_get_uuid (c)),
                           g_strjoin ("|", closed, due, NULL));
    }
  return expired;
}

/* Every (person, application status, cohort) link of an applicant: the
 * application's contact and the people of its startup. */
static const char applicant_links[] =
  "SELECT p.uuid, p.name, a.status, a.cohort FROM applications a"
  " JOIN persons p ON p.uuid = a.contact OR p.startup = a.startup"
  " ORDER BY p.name COLLATE NB, p.uuid";

/* People who must be kept whatever their applications: panel members,
 * public bodies' people, the erased. */
static const char kept_people[] =
  "SELECT person FROM evaluators"
  " UNION SELECT uuid FROM persons WHERE public_body IS NOT NULL"
  " UNION SELECT entity_uuid FROM audit WHERE entity = 'person' AND action = 'erase'";

GPtrArray *
spire_retention_due (SpireStore *store, const char *today, GError **error)
{
  g_autofree char *now = today ? g_strdup (today) : today_utc ();
  g_autoptr (GHashTable) cohorts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_object_unref);
  g_autoptr (GHashTable) expired = NULL;
  g_autoptr (GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) due = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) spire_retention_item_free);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if ((expired = expired_cohorts (store, now, cohorts, error)) == NULL ||
      (rows = _spire_store_query (store, error, kept_people, 0)) == NULL ||
      (links = _spire_store_query (store, error, applicant_links, 0)) == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (kept, g_strdup (SPIRE_ROW_TEXT (rows->pdata[i], 0)));
  /* A link that is not due keeps the person */
  for (guint i = 0; i < links->len; i++)
    {
      GPtrArray *l = links->pdata[i];

      if (g_str_equal (SPIRE_ROW_TEXT (l, 2), "accepted") ||
          !g_hash_table_contains (expired, SPIRE_ROW_TEXT (l, 3)))
        g_hash_table_add (kept, g_strdup (SPIRE_ROW_TEXT (l, 0)));
    }
  for (guint i = 0; i < links->len; i++)
    {
      GPtrArray *l = links->pdata[i];
      const char *person = SPIRE_ROW_TEXT (l, 0);
      const char *cohort = SPIRE_ROW_TEXT (l, 3);
      g_auto (GStrv) dates = NULL;
      SpireRetentionItem *item;

      if (g_hash_table_contains (kept, person) || g_hash_table_contains (due, person))
        continue;
      dates = g_strsplit (g_hash_table_lookup (expired, cohort), "|", 2);
      item = g_new0 (SpireRetentionItem, 1);
      item->person = g_strdup (person);
      item->name = g_strdup (SPIRE_ROW_TEXT (l, 1));
      item->cohort = g_strdup (cohort);
      item->cohort_name = g_strdup (spire_record_get_display_name (g_hash_table_lookup (cohorts, cohort)));
      item->closed_on = g_strdup (dates[0]);
      item->due_on = g_strdup (dates[1]);
      g_hash_table_add (due, item->person);
      g_ptr_array_add (out, item);
    }
  return g_steal_pointer (&out);
}

void
spire_retention_result_free (SpireRetentionResult *result)
{
  if (result == NULL)
    return;
  if (result->copies)
    g_ptr_array_unref (result->copies);
  g_free (result->copies_problem);
  g_free (result);
}

/* The erase of everyone @due lists, in one transaction, with one scan of
 * every text for all of them. */
static gboolean
erase_due (SpireStore *store, GPtrArray *due, GCancellable *cancellable,
           SpireProgressFunc progress, gpointer progress_data, GError **error)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr (GError) local = NULL;

  for (guint i = 0; i < due->len; i++)
    g_ptr_array_add (uuids, ((SpireRetentionItem *) due->pdata[i])->person);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!_spire_people_erase_in_transaction (store, uuids, FALSE, cancellable, progress,
                                           progress_data, NULL, &local))
    {
      spire_store_rollback (store);
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                             _("Cancelled. Nothing was changed."));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return spire_store_commit (store, error);
}

gboolean
_spire_retention_apply_full (SpireStore *store, const char *today, GCancellable *cancellable,
                             SpireProgressFunc progress, gpointer progress_data,
                             SpireRetentionResult **result_out, GError **error)
{
  g_autoptr (GPtrArray) due = spire_retention_due (store, today, error);
  g_autoptr (SpireRetentionResult) result = g_new0 (SpireRetentionResult, 1);
  g_autofree char *problems = NULL;

  if (due == NULL)
    return FALSE;
  result->copies = g_ptr_array_new_with_free_func (g_free);
  if (due->len > 0)
    {
      if (!erase_due (store, due, cancellable, progress, progress_data, error))
        return FALSE;
      result->n_erased = due->len;
      if (!_spire_store_leave_no_trace (store, error))
        return FALSE;
      g_ptr_array_unref (result->copies);
      /* The migrations' copies still hold them (DESIGN.md: no trace left) */
      result->copies = spire_store_list_migration_copies (store);
      problems = _spire_privacy_remove_copies (result->copies);
    }
  if (problems != NULL)
    /* TRANSLATORS: %s is the list of files and why, one a line */
    result->copies_problem = g_strdup_printf (
      _("The personal data is erased from the database, but these older copies made before "
        "upgrades could not be removed and can still hold it. Delete them by hand:%s"),
      problems);
  if (result_out)
    *result_out = g_steal_pointer (&result);
  return TRUE;
}

gboolean
spire_retention_apply (SpireStore *store, const char *today, SpireRetentionResult **result,
                       GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  return _spire_retention_apply_full (store, today, NULL, NULL, NULL, result, error);
}
