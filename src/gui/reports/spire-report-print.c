/* spire-report-print.c — reports through the print dialog
 *
 * Paginate first, draw second, as the PDF: the reports come built and
 * paginated from core's worker (spire_report_build_async, which the export
 * dialog runs with its progress and cancel), begin-print gives their page
 * count and draw-page calls spire_report_draw_page on the print context's
 * cairo context in points — the only report work on the main thread.
 * Several reports (letters) print as one job, one after the other, each
 * with its own page numbers.  The pages are laid out for A4 (the default
 * page setup); on other paper they are scaled to fit and centred.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-report-print"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-widget.h"
#include "spire-report-dialog.h"
#include "spire-report-print.h"

static guint
total_pages (GPtrArray *reports)
{
  guint n = 0;

  for (guint i = 0; i < reports->len; i++)
    n += spire_report_get_n_pages (reports->pdata[i]);
  return n;
}

static void
on_begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, GPtrArray *reports)
{
  gtk_print_operation_set_n_pages (operation, (int) MAX (total_pages (reports), 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page,
                 GPtrArray *reports)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / SPIRE_REPORT_PAGE_WIDTH, height / SPIRE_REPORT_PAGE_HEIGHT);
  guint p = (guint) page, i = 0;

  /* The report the page is in, and its page there */
  while (i < reports->len && p >= spire_report_get_n_pages (reports->pdata[i]))
    p -= spire_report_get_n_pages (reports->pdata[i++]);
  if (i == reports->len)
    return;
  cairo_save (cr);
  cairo_translate (cr, (width - SPIRE_REPORT_PAGE_WIDTH * scale) / 2,
                   (height - SPIRE_REPORT_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  spire_report_draw_page (reports->pdata[i], cr, p);
  cairo_restore (cr);
}

static void
reports_unref (gpointer data, GClosure *closure)
{
  g_ptr_array_unref (data);
}

gboolean
spire_report_print_reports (GtkWindow *parent, GPtrArray *reports, const char *export_path,
                            GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (reports != NULL, FALSE);

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
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print_cb),
                         g_ptr_array_ref (reports), reports_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), reports);
  if (export_path)
    gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation,
                                    export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
spire_report_print (GtkWidget *from, SpireStore *store, SpireReportKind kind, const char *uuid,
                    const char *export_path)
{
  SpireReportDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  dialog = spire_report_dialog_new (from, store, kind, uuid, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  spire_report_dialog_print (dialog, export_path);
  return TRUE;
}
