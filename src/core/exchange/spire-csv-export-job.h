/* spire-csv-export-job.h — writing a CSV file off the caller's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* spire_csv_write_file () in a worker thread (it needs no store): @header
 * and @rows (a GPtrArray of GStrv) are taken.  @callback runs in the
 * caller's main context. */
void spire_csv_export_write_async (const char *path, char **header, GPtrArray *rows,
                                   char separator, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
/* TRUE when written; *@n_rows (may be NULL) says how many rows. */
gboolean spire_csv_export_write_finish (GAsyncResult *result, guint *n_rows, GError **error);

G_END_DECLS
