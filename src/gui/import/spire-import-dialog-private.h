/* spire-import-dialog-private.h — shared helpers of the import dialogs, and
 * test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-import-dialog.h"
#include "spire-csv-import-dialog.h"
#include "spire-import-job-dialog.h"

G_BEGIN_DECLS

/* The error dialog (common/) over @parent. */
GtkWindow *_spire_import_show_message (GtkWindow *parent, const char *heading,
                                       const char *body);
/* A toast over @parent (common/). */
void _spire_import_toast (GtkWindow *parent, const char *text);

/* Test hooks */

/* The text of the last toast the import showed. */
const char *_spire_import_get_last_toast (void);

SpireCsvImport *_spire_csv_import_dialog_get_import (SpireCsvImportDialog *self);
/* "columns", "preview" or "progress" */
const char *_spire_csv_import_dialog_get_page (SpireCsvImportDialog *self);
/* The combo row of a column of the file. */
AdwComboRow *_spire_csv_import_dialog_get_column_row (SpireCsvImportDialog *self, guint column);
/* The target a column's row shows (NULL: kept as an extra answer). */
const char *_spire_csv_import_dialog_get_row_target (SpireCsvImportDialog *self, guint column);
AdwComboRow *_spire_csv_import_dialog_get_cohort_row (SpireCsvImportDialog *self);
const char *_spire_csv_import_dialog_get_cohort_uuid (SpireCsvImportDialog *self);
/* TRUE while a check or the import runs. */
gboolean _spire_csv_import_dialog_is_busy (SpireCsvImportDialog *self);
/* The last preview (NULL while none). */
SpireCsvPreview *_spire_csv_import_dialog_get_preview (SpireCsvImportDialog *self);
GtkWidget *_spire_csv_import_dialog_get_import_button (SpireCsvImportDialog *self);
const char *_spire_csv_import_dialog_get_summary (SpireCsvImportDialog *self);
/* The problems as shown, one line each. */
GListModel *_spire_csv_import_dialog_get_problems (SpireCsvImportDialog *self);
GListModel *_spire_csv_import_dialog_get_rows (SpireCsvImportDialog *self);
/* The message shown when the import failed, or NULL. */
const char *_spire_csv_import_dialog_get_error (SpireCsvImportDialog *self);

/* "ask", "working" or "result" */
const char *_spire_import_job_dialog_get_page (SpireImportJobDialog *self);
SpireImportKind _spire_import_job_dialog_get_kind (SpireImportJobDialog *self);
AdwComboRow *_spire_import_job_dialog_get_as_row (SpireImportJobDialog *self);
/* The result: TRUE when the import succeeded; its heading, description and
 * details (one line each, joined by "\n"). */
gboolean _spire_import_job_dialog_succeeded (SpireImportJobDialog *self);
/* TRUE while an import runs that was asked to stop. */
gboolean _spire_import_job_dialog_is_stopping (SpireImportJobDialog *self);
char *_spire_import_job_dialog_get_result_text (SpireImportJobDialog *self);

G_END_DECLS
