/* spire-csv-import-dialog.h — applications from a form tool's CSV export:
 * cohort and columns, preview with problems, import with progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_CSV_IMPORT_DIALOG (spire_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireCsvImportDialog, spire_csv_import_dialog, SPIRE, CSV_IMPORT_DIALOG,
                      AdwWindow)

/* A modal dialog over @parent importing @import (its mapping guessed
 * already) into @store, with @cohort (may be NULL) chosen. */
SpireCsvImportDialog *spire_csv_import_dialog_new (GtkWindow *parent, SpireStore *store,
                                                   SpireCohort *cohort,
                                                   SpireCsvImport *import);

G_END_DECLS
