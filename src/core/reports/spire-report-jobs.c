/* spire-report-jobs.c — writing reports as long work
 *
 * The same builders and writer as the synchronous calls, run through
 * spire-job-private.h: in a worker thread on a connection of its own, with
 * progress (pages drawn, letters written) and cancel.  Safe because a
 * report's words come from its own SpireReportText, never the process's
 * gettext, and its layouts from the worker's own pango context.  Building
 * for the print dialog also paginates in the worker: what comes back holds
 * no pango object, only pieces and heights, so the main thread only draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-job-private.h"
#include "spire-report-data-private.h"
#include "spire-report-private.h"
#include "spire-reports.h"

typedef struct
{
  SpireReportKind kind;
  char *uuid;
  char **statuses;
  SpireLanguage lang;
  char *path;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *d = data;

  g_free (d->uuid);
  g_strfreev (d->statuses);
  g_free (d->path);
  g_free (d);
}

SpireReport *
spire_report_build (SpireStore *store, SpireReportKind kind, const char *uuid,
                    SpireLanguage lang, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  switch (kind)
    {
    case SPIRE_REPORT_KIND_COHORT:
      return spire_report_cohort (store, uuid, lang, cancellable, error);
    case SPIRE_REPORT_KIND_LETTER:
      return spire_report_letter (store, uuid, lang, error);
    case SPIRE_REPORT_KIND_IMPACT:
      return spire_report_impact (store, uuid, lang, error);
    case SPIRE_REPORT_KIND_REFERENCE:
      return spire_report_reference (store, uuid, lang, error);
    case SPIRE_REPORT_KIND_LETTERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
write_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  WriteJob *d = data;
  GCancellable *cancellable = _spire_job_get_cancellable (job);
  g_autoptr (SpireReport) report = NULL;

  if (d->kind == SPIRE_REPORT_KIND_LETTERS)
    {
      *result = spire_report_letters_write (store, d->uuid, (const char *const *) d->statuses,
                                            d->lang, d->path, cancellable, error);
      return *result != NULL;
    }
  if ((report = spire_report_build (store, d->kind, d->uuid, d->lang, cancellable, error)) == NULL)
    return FALSE;
  if (!_spire_report_write_pdf_full (report, d->path, cancellable, _spire_job_progress, job,
                                     error))
    return FALSE;
  *result = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*result, g_strdup (d->path));
  return TRUE;
}

void
spire_report_write_async (SpireStore *store, SpireReportKind kind, const char *uuid,
                          const char *const *statuses, SpireLanguage lang, const char *path,
                          GCancellable *cancellable, SpireProgressFunc progress,
                          gpointer progress_data, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  WriteJob *d = g_new0 (WriteJob, 1);

  d->kind = kind;
  d->uuid = g_strdup (uuid);
  d->statuses = g_strdupv ((char **) statuses);
  d->lang = lang;
  d->path = g_strdup (path);
  _spire_job_run (store, spire_report_write_async, write_job, d, write_job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, progress, progress_data,
                  callback, user_data);
}

GPtrArray *
spire_report_write_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer paths = NULL;

  _spire_job_finish (store, result, spire_report_write_async, &paths, error);
  return paths;
}

/* Building for the print dialog */

typedef struct
{
  SpireReportKind kind;
  char **uuids;
  char **statuses;
  SpireLanguage lang;
} BuildJob;

static void
build_job_free (gpointer data)
{
  BuildJob *d = data;

  g_strfreev (d->uuids);
  g_strfreev (d->statuses);
  g_free (d);
}

typedef struct
{
  SpireJob *job;
  GPtrArray *reports;
} Taken;

static gboolean
add_letter (SpireReport *report, const char *applicant, guint done, guint n, gpointer data,
            GError **error)
{
  Taken *taken = data;

  spire_report_get_n_pages (report);
  g_ptr_array_add (taken->reports, g_object_ref (report));
  _spire_job_progress ((double) done / MAX (n, 1), taken->job);
  return TRUE;
}

static gboolean
build_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  BuildJob *d = data;
  GCancellable *cancellable = _spire_job_get_cancellable (job);
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_strv_length (d->uuids);

  if (d->kind == SPIRE_REPORT_KIND_LETTERS)
    {
      Taken taken = { job, reports };

      if (!_spire_report_letters_foreach (store, d->uuids[0], (const char *const *) d->statuses,
                                          d->lang, cancellable, add_letter, &taken, error))
        return FALSE;
    }
  else
    for (guint i = 0; i < n; i++)
      {
        SpireReport *report;

        if (g_cancellable_is_cancelled (cancellable))
          {
            g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                                 _("Writing the report was cancelled."));
            return FALSE;
          }
        report = spire_report_build (store, d->kind, d->uuids[i], d->lang, cancellable, error);
        if (report == NULL)
          return FALSE;
        spire_report_get_n_pages (report);
        g_ptr_array_add (reports, report);
        _spire_job_progress ((double) (i + 1) / n, job);
      }
  *result = g_steal_pointer (&reports);
  return TRUE;
}

void
spire_report_build_async (SpireStore *store, SpireReportKind kind, const char *const *uuids,
                          const char *const *statuses, SpireLanguage lang,
                          GCancellable *cancellable, SpireProgressFunc progress,
                          gpointer progress_data, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  BuildJob *d;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (uuids != NULL && uuids[0] != NULL);

  d = g_new0 (BuildJob, 1);
  d->kind = kind;
  d->uuids = g_strdupv ((char **) uuids);
  d->statuses = g_strdupv ((char **) statuses);
  d->lang = lang;
  _spire_job_run (store, spire_report_build_async, build_job, d, build_job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, progress, progress_data,
                  callback, user_data);
}

GPtrArray *
spire_report_build_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer reports = NULL;

  _spire_job_finish (store, result, spire_report_build_async, &reports, error);
  return reports;
}
