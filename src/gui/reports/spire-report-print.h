/* spire-report-print.h — reports through the print dialog
 *
 * The same pages as the PDF: GtkPrintOperation's draw-page calls
 * spire_report_draw_page, scaled to fit when the paper is not A4.  The
 * reports are built and paginated in core's worker first
 * (spire_report_build_async); the main thread only draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"
#include "spire-reports.h"

G_BEGIN_DECLS

/* Prints @reports (paginated SpireReports) as one job through the print
 * dialog, or, with @export_path, writes them there as PDF without a dialog
 * (GTK_PRINT_OPERATION_ACTION_EXPORT).  FALSE with @error when printing
 * failed (not when the person cancelled the print dialog). */
gboolean spire_report_print_reports (GtkWindow *parent, GPtrArray *reports,
                                     const char *export_path, GError **error);

/* Ctrl+P: the report of @kind for @uuid in the window's language, built in
 * core's worker with the export dialog showing progress and Cancel, then
 * the print dialog (or, with @export_path, the PDF there without one).
 * Errors are shown in a dialog.  Returns TRUE when the work started. */
gboolean spire_report_print (GtkWidget *from, SpireStore *store, SpireReportKind kind,
                             const char *uuid, const char *export_path);

G_END_DECLS
