/* spire-import-job-dialog.h — one file imported in one go: Brønnøysund
 * JSON, a Spire backup or a score sheet; asks, works, tells what it did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_IMPORT_JOB_DIALOG (spire_import_job_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireImportJobDialog, spire_import_job_dialog, SPIRE, IMPORT_JOB_DIALOG,
                      AdwWindow)

/* @kind is a SpireImportKind: _BRREG, _BACKUP or _SHEET
 * (spire-import-dialog-private.h).  A score sheet is imported at once; the
 * others ask first. */
SpireImportJobDialog *spire_import_job_dialog_new (GtkWindow *parent, SpireStore *store,
                                                   GFile *file, int kind);

G_END_DECLS
