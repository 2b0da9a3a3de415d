/* spire-report-dialog.h — the one export dialog for every report
 *
 * Opened from the cohort (the cohort report, letters by status), from an
 * application or a selection (feedback letters), from the program overview
 * (the impact report) and from a solution (its reference sheet): the
 * report's language (Preferences' or the window's by default), the options a report has,
 * where to write, then the writing through core's spire_report_write_async
 * with progress and cancel, and a toast with "Open" when done; or Print,
 * the same reports through the print dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-reports.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_REPORT_DIALOG (spire_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireReportDialog, spire_report_dialog, SPIRE, REPORT_DIALOG, AdwWindow)

/* A dialog for @kind of @uuid, transient for @from's window; @name names
 * the file proposed (the cohort's, the program's, the solution's). */
SpireReportDialog *spire_report_dialog_new (GtkWidget *from, SpireStore *store,
                                            SpireReportKind kind, const char *uuid,
                                            const char *name);
/* Letters for these applications (one PDF each in the folder chosen, named
 * by @applicants[i]) instead of a cohort's by status. */
SpireReportDialog *spire_report_dialog_new_letters (GtkWidget *from, SpireStore *store,
                                                    const char *const *application_uuids,
                                                    const char *const *applicants);

void spire_report_dialog_set_language (SpireReportDialog *self, SpireLanguage lang);
SpireLanguage spire_report_dialog_get_language (SpireReportDialog *self);
/* Where to write without asking: the PDF, or the folder for letters. */
void spire_report_dialog_set_path (SpireReportDialog *self, const char *path);
const char *spire_report_dialog_get_path (SpireReportDialog *self);
/* For letters of a cohort: the statuses written (NULL-ended). */
void spire_report_dialog_set_statuses (SpireReportDialog *self, const char *const *statuses);
/* Starts the writing (as the Export button does). */
void spire_report_dialog_export (SpireReportDialog *self);
/* Builds the reports in the language chosen (in core's worker, with the
 * progress bar and Cancel) and prints them through the print dialog (as
 * the Print button and Ctrl+P do), or, with @export_path, writes what the
 * print dialog would print there as PDF without one. */
void spire_report_dialog_print (SpireReportDialog *self, const char *export_path);
/* Cancels the writing, or closes the dialog when nothing is written. */
void spire_report_dialog_cancel (SpireReportDialog *self);
gboolean spire_report_dialog_get_writing (SpireReportDialog *self);

G_END_DECLS
