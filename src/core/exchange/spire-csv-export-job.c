/* spire-csv-export-job.c — writing a CSV file off the caller's thread
 *
 * What a list shows is gathered by the caller (it knows its columns); the
 * writing, which may meet a slow or full disk, runs in a worker thread.
 * No store is touched, so a plain GTask does it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-export"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-csv-export-job.h"
#include "spire-csv-export.h"

typedef struct
{
  char *path;
  char **header;
  GPtrArray *rows;
  char separator;
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_free (e->path);
  g_strfreev (e->header);
  g_ptr_array_unref (e->rows);
  g_free (e);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Export *e = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (spire_csv_write_file (e->path, (const char *const *) e->header, e->rows, e->separator,
                            &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
spire_csv_export_write_async (const char *path, char **header, GPtrArray *rows, char separator,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Export *e;

  g_return_if_fail (path != NULL);
  g_return_if_fail (rows != NULL);

  e = g_new0 (Export, 1);
  e->path = g_strdup (path);
  e->header = header;
  e->rows = rows;
  e->separator = separator;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, spire_csv_export_write_async);
  g_task_set_task_data (task, e, export_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
spire_csv_export_write_finish (GAsyncResult *result, guint *n_rows, GError **error)
{
  Export *e;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  e = g_task_get_task_data (G_TASK (result));
  if (n_rows)
    *n_rows = e->rows->len;
  return g_task_propagate_boolean (G_TASK (result), error);
}
