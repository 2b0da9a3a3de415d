/* spire-report-print.h — a report through the print dialog
 *
 * The same pages as the PDF: GtkPrintOperation's draw-page calls
 * spire_report_draw_page, scaled to fit when the paper is not A4.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"
#include "spire-reports.h"

G_BEGIN_DECLS

/* Builds the report of @kind for @uuid in the window's language and runs
 * the print dialog for it, or, with @export_path, writes it there as PDF
 * without a dialog (GTK_PRINT_OPERATION_ACTION_EXPORT).  Letters print
 * one application (SPIRE_REPORT_KIND_LETTER).  Shows an error dialog and
 * returns FALSE when the report cannot be built or printed. */
gboolean spire_report_print (GtkWidget *from, SpireStore *store, SpireReportKind kind,
                             const char *uuid, const char *export_path);

G_END_DECLS
