/* spire-import-jobs.h — imports that run off the caller's thread: a
 * backup, a Brønnøysund file, and finding out what kind of file one is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-brreg.h"
#include "spire-csv-import.h"
#include "spire-exchange.h"
#include "spire-store.h"

G_BEGIN_DECLS

/* What a file to import is, by its content (and its name's suffix when the
 * content leaves it open). */
typedef enum
{
  SPIRE_IMPORT_KIND_UNKNOWN,
  SPIRE_IMPORT_KIND_CSV,
  SPIRE_IMPORT_KIND_BRREG,
  SPIRE_IMPORT_KIND_BACKUP,
  SPIRE_IMPORT_KIND_SHEET,
  SPIRE_IMPORT_KIND_PACKAGE,
} SpireImportKind;

/* Reads @file in a worker thread and says what it is; it needs no store.
 * A CSV file comes back read, with its columns mapped
 * (spire_csv_import_guess_mapping).  Errors: the file cannot be read
 * (G_IO_ERROR), JSON that is broken (SPIRE_ERROR_PARSE, naming the place),
 * a CSV file that does not read (the CSV reader's errors). */
void spire_import_detect_async (GFile *file, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
/* The kind; *@csv_import (may be NULL) gets the CSV file read, or NULL. */
SpireImportKind spire_import_detect_finish (GAsyncResult *result, SpireCsvImport **csv_import,
                                            GError **error);

/* spire_exchange_import_file () on a connection of its own (spire-job). */
void spire_exchange_import_file_async (SpireStore *store, const char *path,
                                       GCancellable *cancellable, SpireProgressFunc progress,
                                       gpointer progress_data, GAsyncReadyCallback callback,
                                       gpointer user_data);
gboolean spire_exchange_import_file_finish (SpireStore *store, GAsyncResult *result,
                                            SpireImportStats *stats, GError **error);

/* spire_brreg_import_file () on a connection of its own (spire-job).
 * @stats must be zeroed; it is filled when the import succeeded. */
void spire_brreg_import_file_async (SpireStore *store, const char *path, SpireBrregAs as,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean spire_brreg_import_file_finish (SpireStore *store, GAsyncResult *result,
                                         SpireBrregStats *stats, GError **error);

G_END_DECLS
