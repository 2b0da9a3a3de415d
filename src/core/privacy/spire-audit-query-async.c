/* spire-audit-query-async.c — the audit trail read off the main thread, for
 * the window's audit page
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": the same entries as
 * spire_audit_query, read on the job's own connection (spire-job-private.h,
 * the one shape of long work), each with the name its record has now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-privacy"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-job-private.h"
#include "spire-privacy.h"
#include "spire-records.h"

typedef struct
{
  char *record, *person, *since;
  guint limit;
} AuditJob;

static void
audit_job_free (gpointer data)
{
  AuditJob *d = data;

  g_free (d->record);
  g_free (d->person);
  g_free (d->since);
  g_free (d);
}

/* The record's display name now, or NULL when it is gone; @names caches
 * by UUID ("" for gone). */
static const char *
record_name (SpireStore *store, GHashTable *names, const char *entity, const char *uuid)
{
  const SpireKind *kind = entity ? spire_kind_lookup (entity) : NULL;
  const char *name;

  if (kind == NULL || uuid == NULL || *uuid == '\0')
    return NULL;
  name = g_hash_table_lookup (names, uuid);
  if (name == NULL)
    {
      g_autoptr (SpireRecord) record = spire_store_get (store, kind, uuid, NULL);

      name = record ? spire_record_get_display_name (record) : NULL;
      g_hash_table_insert (names, g_strdup (uuid), g_strdup (name ? name : ""));
      name = g_hash_table_lookup (names, uuid);
    }
  return *name ? name : NULL;
}

static gboolean
audit_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  AuditJob *d = data;
  SpireAuditFilter filter = { d->record, d->person, d->since, d->limit };
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) entries = spire_audit_query (store, &filter, error);

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      GHashTable *entry = entries->pdata[i];
      const char *name;

      if (g_cancellable_is_cancelled (_spire_job_get_cancellable (job)))
        {
          g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED, _("Cancelled"));
          return FALSE;
        }
      name = record_name (store, names, g_hash_table_lookup (entry, "entity"),
                          g_hash_table_lookup (entry, "entity_uuid"));
      if (name != NULL)
        g_hash_table_insert (entry, (gpointer) g_intern_static_string ("name"), g_strdup (name));
    }
  *result = g_steal_pointer (&entries);
  return TRUE;
}

void
spire_audit_query_async (SpireStore *store, const SpireAuditFilter *filter,
                         GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data)
{
  AuditJob *d = g_new0 (AuditJob, 1);

  g_return_if_fail (SPIRE_IS_STORE (store));
  if (filter != NULL)
    {
      d->record = g_strdup (filter->record);
      d->person = g_strdup (filter->person);
      d->since = g_strdup (filter->since);
      d->limit = filter->limit;
    }
  _spire_job_run (store, spire_audit_query_async, audit_job, d, audit_job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

GPtrArray *
spire_audit_query_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer entries = NULL;

  if (!_spire_job_finish (store, result, spire_audit_query_async, &entries, error))
    return NULL;
  return entries;
}
