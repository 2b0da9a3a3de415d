/* spire-innsyn-async.c — an innsyn answered as long work, for the window
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": the same report, PDF
 * and record of the request as spire_innsyn_export, on the one shape of
 * long work (spire-job-private.h): the report is built and drawn on the
 * job's own connection, progress is the pages drawn, and cancelling leaves
 * no file and no record.
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
  char *application, *cohort, *requester, *received_on;
  SpireLanguage lang;
  char *path;
} InnsynJob;

static void
innsyn_job_free (gpointer data)
{
  InnsynJob *d = data;

  g_free (d->application);
  g_free (d->cohort);
  g_free (d->requester);
  g_free (d->received_on);
  g_free (d->path);
  g_free (d);
}

static gboolean
innsyn_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  InnsynJob *d = data;
  SpireInnsynParams request = { d->application, d->cohort, d->requester, d->received_on };
  char *uuid = NULL;

  if (!_spire_innsyn_export_full (store, &request, d->lang, d->path,
                                  _spire_job_get_cancellable (job), _spire_job_progress, job,
                                  &uuid, error))
    return FALSE;
  *result = uuid;
  return TRUE;
}

void
spire_innsyn_export_async (SpireStore *store, const SpireInnsynParams *request,
                           SpireLanguage lang, const char *path, GCancellable *cancellable,
                           SpireProgressFunc progress, gpointer progress_data,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  InnsynJob *d;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (request != NULL && path != NULL);

  d = g_new0 (InnsynJob, 1);
  d->application = g_strdup (request->application);
  d->cohort = g_strdup (request->cohort);
  d->requester = g_strdup (request->requester);
  d->received_on = g_strdup (request->received_on);
  d->lang = lang;
  d->path = g_strdup (path);
  _spire_job_run (store, spire_innsyn_export_async, innsyn_job, d, innsyn_job_free, g_free,
                  cancellable, progress, progress_data, callback, user_data);
}

char *
spire_innsyn_export_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer uuid = NULL;

  if (!_spire_job_finish (store, result, spire_innsyn_export_async, &uuid, error))
    return NULL;
  return uuid;
}
