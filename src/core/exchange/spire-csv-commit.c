/* spire-csv-commit.c — a CSV import written, all or nothing
 *
 * The plan is made again inside the transaction, so that what was checked
 * is what is written; a plan with problems is refused with the first few
 * listed.  The writes go in one transaction with the audit entry, and a
 * cancel leaves the database as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-csv-import-private.h"
#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-job-private.h"
#include "spire-text.h"

/* How many problems the commit's error lists. */
#define MAX_LISTED 5

static gboolean
refuse_with_problems (SpireCsvImport *self, Plan *plan, GError **error)
{
  GPtrArray *problems = plan->pub.problems;
  guint n = problems->len;
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *n_text = spire_format_count (n, spire_language_current ());

  g_string_append_printf (s,
                          /* TRANSLATORS: the first %s is the file's name */
                          ngettext ("%s was not imported: %s problem must be fixed first.",
                                    "%s was not imported: %s problems must be fixed first.", n),
                          self->name, n_text);
  for (guint i = 0; i < n && i < MAX_LISTED; i++)
    {
      SpireCsvProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (s, "\n%s", problem->text);
    }
  if (n > MAX_LISTED)
    {
      g_autofree char *more = spire_format_count (n - MAX_LISTED, spire_language_current ());

      g_string_append_c (s, '\n');
      g_string_append_printf (s, ngettext ("… and %s more.", "… and %s more.", n - MAX_LISTED),
                              more);
    }
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_INVALID, s->str);
  return FALSE;
}

static char *
audit_json (SpireCsvImport *self, const SpireCsvCounts *c)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  _spire_json_add_string (b, "file", self->name);
  _spire_json_add_int (b, "rows", c->rows);
  _spire_json_add_int (b, "startups_new", c->startups_new);
  _spire_json_add_int (b, "startups_known", c->startups_known);
  _spire_json_add_int (b, "persons_new", c->persons_new);
  _spire_json_add_int (b, "persons_known", c->persons_known);
  _spire_json_add_int (b, "applications_new", c->applications_new);
  _spire_json_add_int (b, "applications_known", c->applications_known);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return _spire_json_text (root, FALSE);
}

static gboolean
commit (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
        SpireCsvCounts *stats, SpireProgressFunc progress, gpointer progress_data,
        GCancellable *cancellable, GError **error)
{
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autofree char *after = NULL;
  Plan *plan;

  /* Prepare inside the transaction, so that what was checked is what is
   * written. */
  if (!spire_store_begin (store, error))
    return FALSE;
  plan = _spire_csv_prepare (self, store, cohort_uuid, cancellable, error);
  if (plan == NULL)
    goto fail;
  preview = &plan->pub;
  if (plan->pub.problems->len > 0)
    {
      refuse_with_problems (self, plan, error);
      goto fail;
    }
  if (progress)
    progress (0.1, progress_data);

  for (guint i = 0; i < plan->writes->len; i++)
    {
      Write *w = g_ptr_array_index (plan->writes, i);

      if (!spire_store_save (store, w->record, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_NO_VALIDATE,
                             NULL, error))
        {
          if (!_spire_exchange_error_is_database (error ? *error : NULL))
            /* TRANSLATORS: "applications.csv, line 7: <what the database said>" */
            g_prefix_error (error, _("%s, line %u: "), self->name, w->line);
          goto fail;
        }
      if (i % SPIRE_CSV_STEP == SPIRE_CSV_STEP - 1)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              _spire_exchange_cancelled (error);
              goto fail;
            }
          if (progress)
            progress (0.1 + 0.85 * (double) (i + 1) / (double) plan->writes->len,
                      progress_data);
        }
    }

  after = audit_json (self, &plan->pub.counts);
  if (!spire_store_audit (store, "cohort", cohort_uuid, "import-csv", NULL, after, error))
    goto fail;
  if (g_cancellable_is_cancelled (cancellable))
    {
      _spire_exchange_cancelled (error);
      goto fail;
    }
  if (!spire_store_commit (store, error))
    return FALSE;

  if (stats)
    *stats = plan->pub.counts;
  if (progress)
    progress (1.0, progress_data);
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_csv_import_commit (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
                         SpireCsvCounts *stats, SpireProgressFunc progress,
                         gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (cohort_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats)
    memset (stats, 0, sizeof *stats);
  if (progress)
    progress (0.0, progress_data);
  if (g_cancellable_is_cancelled (cancellable))
    {
      _spire_exchange_cancelled (error);
      return FALSE;
    }

  /* The store keeps statement journals in memory and a large page cache,
   * so one transaction of 10 000 rows stays off the disk until commit. */
  return commit (self, store, cohort_uuid, stats, progress, progress_data, cancellable, error);
}

/* Async */

static gboolean
commit_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
            GError **error)
{
  CsvJob *d = data;
  SpireCsvCounts *counts = g_new0 (SpireCsvCounts, 1);

  if (!spire_csv_import_commit (d->import, store, d->cohort, counts, _spire_job_progress, job,
                                _spire_job_get_cancellable (job), error))
    {
      g_free (counts);
      return FALSE;
    }
  *result = counts;
  return TRUE;
}

void
spire_csv_import_commit_async (SpireCsvImport *self, SpireStore *store,
                               const char *cohort_uuid, GCancellable *cancellable,
                               SpireProgressFunc progress, gpointer progress_data,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_CSV_IMPORT (self));

  _spire_job_run (store, spire_csv_import_commit_async, commit_job,
                  _spire_csv_job_new (self, cohort_uuid), _spire_csv_job_free, g_free, cancellable, progress,
                  progress_data, callback, user_data);
}

gboolean
spire_csv_import_commit_finish (SpireStore *store, GAsyncResult *result,
                                SpireCsvCounts *stats, GError **error)
{
  g_autofree SpireCsvCounts *counts = NULL;

  if (!_spire_job_finish (store, result, spire_csv_import_commit_async, (gpointer *) &counts,
                          error))
    return FALSE;
  if (stats && counts)
    *stats = *counts;
  return TRUE;
}
