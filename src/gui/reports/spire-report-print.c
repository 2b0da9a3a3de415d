/* spire-report-print.c — a report through the print dialog
 *
 * Paginate first, draw second, as the PDF: the report is built in the
 * window's language, begin-print gives its page count and draw-page calls
 * spire_report_draw_page on the print context's cairo context in points.
 * The pages are laid out for A4 (the default page setup); on other paper
 * they are scaled to fit and centred.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-report-print"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "spire-report-print.h"

static void
on_begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, SpireReport *report)
{
  gtk_print_operation_set_n_pages (operation, (int) spire_report_get_n_pages (report));
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page,
                 SpireReport *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / SPIRE_REPORT_PAGE_WIDTH, height / SPIRE_REPORT_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_translate (cr, (width - SPIRE_REPORT_PAGE_WIDTH * scale) / 2,
                   (height - SPIRE_REPORT_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  spire_report_draw_page (report, cr, (guint) page);
  cairo_restore (cr);
}

gboolean
spire_report_print (GtkWidget *from, SpireStore *store, SpireReportKind kind, const char *uuid,
                    const char *export_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireReport) report = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  report = spire_report_build (store, kind, uuid, spire_language_current (), NULL, &error);
  if (report == NULL)
    {
      spire_error_dialog_show (from, _("Could Not Print the Report"), error);
      return FALSE;
    }
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report draws its own margins, header and footer. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Spire report"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  if (export_path)
    gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation,
                                    export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    spire_widget_get_window (from), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      spire_error_dialog_show (from, _("Could Not Print the Report"), error);
      return FALSE;
    }
  return TRUE;
}
