/* spire-erase-async.c — a person's erase and retention's as long work
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": the same erases as
 * spire_person_erase and spire_retention_apply, on the one shape of long
 * work (spire-job-private.h): the transaction, the VACUUM that leaves no
 * trace in the file and the removal of the migrations' copies run on the
 * job's own connection, so a large file does not freeze the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-privacy"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-job-private.h"
#include "spire-privacy-private.h"

typedef struct
{
  char *uuid; /* the person, or NULL: retention */
  char *today;
  gboolean dry_run; /* the person's erase only */
} EraseJob;

static void
erase_job_free (gpointer data)
{
  EraseJob *d = data;

  g_free (d->uuid);
  g_free (d->today);
  g_free (d);
}

/* A person's erase (d->uuid) or retention's: the result is the traces or
 * the SpireRetentionResult. */
static gboolean
erase_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  EraseJob *d = data;

  if (d->uuid != NULL)
    return spire_person_erase (store, d->uuid, d->dry_run, (SpirePersonTraces **) result, error);
  return _spire_retention_apply_full (store, d->today, _spire_job_get_cancellable (job),
                                      _spire_job_progress, job, (SpireRetentionResult **) result,
                                      error);
}

void
spire_person_erase_async (SpireStore *store, const char *person_uuid, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  EraseJob *d;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (person_uuid != NULL);

  d = g_new0 (EraseJob, 1);
  d->uuid = g_strdup (person_uuid);
  _spire_job_run (store, spire_person_erase_async, erase_job, d, erase_job_free,
                  (GDestroyNotify) spire_person_traces_free, cancellable, NULL, NULL, callback,
                  user_data);
}

SpirePersonTraces *
spire_person_erase_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer traces = NULL;

  if (!_spire_job_finish (store, result, spire_person_erase_async, &traces, error))
    return NULL;
  return traces;
}

void
spire_person_erase_preview_async (SpireStore *store, const char *person_uuid,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  EraseJob *d;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (person_uuid != NULL);

  d = g_new0 (EraseJob, 1);
  d->uuid = g_strdup (person_uuid);
  d->dry_run = TRUE;
  _spire_job_run (store, spire_person_erase_preview_async, erase_job, d, erase_job_free,
                  (GDestroyNotify) spire_person_traces_free, cancellable, NULL, NULL, callback,
                  user_data);
}

SpirePersonTraces *
spire_person_erase_preview_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer traces = NULL;

  if (!_spire_job_finish (store, result, spire_person_erase_preview_async, &traces, error))
    return NULL;
  return traces;
}

void
spire_retention_apply_async (SpireStore *store, const char *today, GCancellable *cancellable,
                             SpireProgressFunc progress, gpointer progress_data,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  EraseJob *d;

  g_return_if_fail (SPIRE_IS_STORE (store));

  d = g_new0 (EraseJob, 1);
  d->today = g_strdup (today);
  _spire_job_run (store, spire_retention_apply_async, erase_job, d, erase_job_free,
                  (GDestroyNotify) spire_retention_result_free, cancellable, progress,
                  progress_data, callback, user_data);
}

SpireRetentionResult *
spire_retention_apply_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer done = NULL;

  if (!_spire_job_finish (store, result, spire_retention_apply_async, &done, error))
    return NULL;
  return done;
}
