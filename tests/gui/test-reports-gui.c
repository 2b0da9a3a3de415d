/* test-reports-gui.c — reports from the window: the export dialog writes
 * the cohort report in the language chosen (Bokmål here, whatever the
 * window's), letters by status into a folder and letters for a selection
 * named by applicant, the impact report and a solution's reference sheet
 * from the program overview; Cancel leaves no file; printing (exported to
 * PDF through GtkPrintOperation, the reports built in core's worker) gives
 * the same pages for the cohort report (Ctrl+P's action), the impact
 * report and a reference sheet (the export dialog's Print)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reports-gui"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohort/spire-cohort-page-private.h"
#include "followup/spire-program-overview-private.h"
#include "gui-fixture.h"
#include "reports/spire-report-dialog.h"
#include "sidebar/spire-sidebar.h"
#include "spire-app.h"
#include "spire-reports.h"
#include "spire-window-private.h"

#define HERO_SOLUTION "Trygg hjemme – digitalt tilsyn"

static SpireApp *app;

typedef struct
{
  char *dir;
  SpireStore *store;
  SpireWindow *window;
  char *cohort;
} F;

static void
f_setup (F *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;

  f->dir = gui_fixture_isolate ();
  path = g_build_filename (f->dir, "reports.db", NULL);
  /* A file, so that core's worker reads it on a connection of its own. */
  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gui_fixture_fill (f->store, &error));
  cohorts = spire_store_list (f->store, &spire_kind_cohort, NULL, NULL, NULL);
  g_assert_cmpuint (cohorts->len, >, 0);
  f->cohort = g_strdup (spire_record_get_uuid (cohorts->pdata[0]));
  f->window = gui_fixture_window_on_cohort (app, f->store, f->cohort);
}

static void
f_teardown (F *f, gconstpointer data)
{
  AdwMessageDialog *dialog;
  GtkWindow *report;

  while ((dialog = gui_fixture_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  while ((report = gui_fixture_find_window (SPIRE_TYPE_REPORT_DIALOG)) != NULL)
    gtk_window_destroy (report);
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->store);
  g_free (f->cohort);
  g_free (f->dir);
}

/* pdfinfo's page count of @path. */
static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *line;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static gboolean
no_report_dialog (gpointer data)
{
  return gui_fixture_find_window (SPIRE_TYPE_REPORT_DIALOG) == NULL;
}

/* Activates @action on @widget and gives the export dialog it opens. */
static SpireReportDialog *
open_dialog (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  dialog = gui_fixture_wait_window (SPIRE_TYPE_REPORT_DIALOG);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return SPIRE_REPORT_DIALOG (dialog);
}

/* Writes as the Export button does and waits for the dialog to close. */
static void
export_and_wait (SpireReportDialog *dialog, SpireLanguage lang, const char *path)
{
  spire_report_dialog_set_language (dialog, lang);
  spire_report_dialog_set_path (dialog, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.export", NULL));
  g_assert_true (gui_fixture_wait (no_report_dialog, NULL, 60000));
  g_assert_null (gui_fixture_find_message_dialog ());
}

/* The cohort report in Bokmål, whatever the window's language: the pages
 * are core's, the footer says "Side 1 av N". */
static void
test_cohort_report (F *f, gconstpointer data)
{
  SpireCohortPage *page = _spire_window_get_cohort_page (f->window);
  g_autofree char *path = g_build_filename (f->dir, "kohort.pdf", NULL);
  g_autoptr (SpireReport) report = spire_report_cohort (f->store, f->cohort, SPIRE_LANGUAGE_NB,
                                                        NULL, NULL);
  SpireReportDialog *dialog = open_dialog (GTK_WIDGET (page), "cohort.export-report", NULL);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;

  /* The window's language by default. */
  g_assert_cmpint (spire_report_dialog_get_language (dialog), ==, spire_language_current ());
  export_and_wait (dialog, SPIRE_LANGUAGE_NB, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (pdf_pages (path), ==, spire_report_get_n_pages (report));
  text = pdf_text (path);
  first = g_strdup_printf ("Side 1 av %u", spire_report_get_n_pages (report));
  g_assert_nonnull (strstr (text, first));
  g_assert_null (strstr (text, "Page 1 of"));
}

/* Cancel while writing: the dialog goes, and nothing is at the path. */
static void
test_cancel (F *f, gconstpointer data)
{
  SpireCohortPage *page = _spire_window_get_cohort_page (f->window);
  g_autofree char *sub = g_build_filename (f->dir, "cancelled", NULL);
  g_autofree char *path = g_build_filename (sub, "kohort.pdf", NULL);
  SpireReportDialog *dialog = open_dialog (GTK_WIDGET (page), "cohort.export-report", NULL);
  g_autoptr (GDir) listing = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  spire_report_dialog_set_path (dialog, path);
  spire_report_dialog_export (dialog);
  g_assert_true (spire_report_dialog_get_writing (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.cancel", NULL));
  g_assert_true (gui_fixture_wait (no_report_dialog, NULL, 60000));
  g_assert_null (gui_fixture_find_message_dialog ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* No temporary file left either. */
  listing = g_dir_open (sub, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing))
    n++;
  return n;
}

/* The cohort's letters to the rejected only, in Nynorsk: one PDF each. */
static void
test_letters_by_status (F *f, gconstpointer data)
{
  SpireCohortPage *page = _spire_window_get_cohort_page (f->window);
  g_autofree char *dir = g_build_filename (f->dir, "brev", NULL);
  g_autoptr (GPtrArray) apps = spire_store_list (f->store, &spire_kind_application, "cohort",
                                                 f->cohort, NULL);
  const char *rejected[] = { "rejected", NULL };
  SpireReportDialog *dialog = open_dialog (GTK_WIDGET (page), "cohort.export-letters", NULL);
  guint n_rejected = 0;

  for (guint i = 0; i < apps->len; i++)
    if (g_strcmp0 (spire_record_get_text (apps->pdata[i], "status"), "rejected") == 0)
      n_rejected++;
  g_assert_cmpuint (n_rejected, >, 0);
  spire_report_dialog_set_statuses (dialog, rejected);
  export_and_wait (dialog, SPIRE_LANGUAGE_NN, dir);
  g_assert_cmpuint (count_files (dir), ==, n_rejected);
}

/* Prints from @dialog in @lang to @path (the print operation exporting
 * PDF instead of showing the print dialog) and waits for it to be done. */
static void
print_and_wait (SpireReportDialog *dialog, SpireLanguage lang, const char *path)
{
  spire_report_dialog_set_language (dialog, lang);
  spire_report_dialog_print (dialog, path);
  /* Built in core's worker: the dialog shows progress meanwhile. */
  g_assert_true (spire_report_dialog_get_writing (dialog));
  g_assert_true (gui_fixture_wait (no_report_dialog, NULL, 60000));
  g_assert_null (gui_fixture_find_message_dialog ());
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Letters for the selection: one per application, named by applicant. */
static void
test_letters_for_selection (F *f, gconstpointer data)
{
  SpireCohortPage *page = _spire_window_get_cohort_page (f->window);
  SpireApplicationList *list = _spire_cohort_page_get_list (page);
  g_autofree char *dir = g_build_filename (f->dir, "utvalg", NULL);
  g_autoptr (GPtrArray) apps = spire_store_list (f->store, &spire_kind_application, "cohort",
                                                 f->cohort, NULL);
  g_autoptr (GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) selected = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *text = NULL;
  SpireReportDialog *dialog;

  g_assert_cmpuint (apps->len, >=, 2);
  g_hash_table_add (chosen, (gpointer) spire_record_get_uuid (apps->pdata[0]));
  g_hash_table_add (chosen, (gpointer) spire_record_get_uuid (apps->pdata[1]));
  spire_application_list_select_uuids (list, chosen);
  gui_fixture_drain ();
  selected = spire_application_list_get_selected (list);
  g_assert_cmpuint (selected->len, ==, 2);
  dialog = open_dialog (GTK_WIDGET (page), "cohort.export-selected-letters", NULL);
  export_and_wait (dialog, SPIRE_LANGUAGE_EN, dir);
  g_assert_cmpuint (count_files (dir), ==, 2);
  name = spire_application_list_cell_text (list, selected->pdata[0],
                                           SPIRE_APPLICATION_COLUMN_STARTUP);
  file = spire_report_letter_file_name (name);
  letter = g_build_filename (dir, file, NULL);
  g_assert_true (g_file_test (letter, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (letter);
  g_assert_nonnull (strstr (text, "Page 1 of"));

  /* Printed, the two letters are one job: their pages one after the other. */
  {
    g_autofree char *printed = g_build_filename (f->dir, "utvalg.pdf", NULL);
    g_autoptr (SpireReport) first = spire_report_letter (
      f->store, spire_record_get_uuid (selected->pdata[0]), SPIRE_LANGUAGE_NB, NULL);
    g_autoptr (SpireReport) second = spire_report_letter (
      f->store, spire_record_get_uuid (selected->pdata[1]), SPIRE_LANGUAGE_NB, NULL);

    print_and_wait (open_dialog (GTK_WIDGET (page), "cohort.export-selected-letters", NULL),
                    SPIRE_LANGUAGE_NB, printed);
    g_assert_cmpuint (pdf_pages (printed), ==,
                      spire_report_get_n_pages (first) + spire_report_get_n_pages (second));
    g_clear_pointer (&text, g_free);
    text = pdf_text (printed);
    g_assert_nonnull (strstr (text, "Side 1 av"));
  }
}

/* Ctrl+P's action, exported to PDF instead of the dialog: the same pages. */
static void
test_print (F *f, gconstpointer data)
{
  SpireCohortPage *page = _spire_window_get_cohort_page (f->window);
  g_autofree char *path = g_build_filename (f->dir, "utskrift.pdf", NULL);
  g_autoptr (SpireReport) report = spire_report_cohort (f->store, f->cohort,
                                                        spire_language_current (), NULL, NULL);
  g_auto (GStrv) accels = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cohort.print-to", "s", path));
  /* The report is built in core's worker, the export dialog showing progress. */
  g_assert_nonnull (gui_fixture_find_window (SPIRE_TYPE_REPORT_DIALOG));
  g_assert_true (gui_fixture_wait (no_report_dialog, NULL, 60000));
  g_assert_null (gui_fixture_find_message_dialog ());
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (pdf_pages (path), ==, spire_report_get_n_pages (report));
  /* The window has the action, bound to Ctrl+P. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  g_assert_true (g_strv_length (accels) > 0);
}

static gboolean
overview_loaded (gpointer data)
{
  SpireProgramOverview *overview = data;

  return !spire_program_overview_is_loading (overview) &&
         spire_program_overview_get_impact (overview) != NULL;
}

/* The program overview: its impact report, and the hero solution's
 * reference sheet from its row's button. */
static void
test_program_reports (F *f, gconstpointer data)
{
  g_autoptr (GPtrArray) programs = spire_store_list (f->store, &spire_kind_program, NULL, NULL,
                                                     NULL);
  SpireProgramOverview *overview = _spire_window_get_program_overview (f->window);
  g_autofree char *impact_path = g_build_filename (f->dir, "impact.pdf", NULL);
  g_autofree char *sheet_path = g_build_filename (f->dir, "referanse.pdf", NULL);
  g_autofree char *text = NULL;
  const char *program = NULL;
  SpireSolutionRow *row = NULL;

  for (guint i = 0; i < programs->len && row == NULL; i++)
    {
      program = spire_record_get_uuid (programs->pdata[i]);
      g_assert_true (spire_sidebar_select_program (_spire_window_get_sidebar (f->window),
                                                   program));
      g_assert_true (gui_fixture_wait (overview_loaded, overview, GUI_FIXTURE_TIMEOUT_MS));
      row = _spire_program_overview_find_solution (overview, HERO_SOLUTION);
    }
  g_assert_nonnull (row);

  export_and_wait (open_dialog (GTK_WIDGET (overview), "program.export-impact", NULL),
                   SPIRE_LANGUAGE_EN, impact_path);
  g_assert_cmpuint (pdf_pages (impact_path), >=, 1);
  text = pdf_text (impact_path);
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_clear_pointer (&text, g_free);

  export_and_wait (open_dialog (GTK_WIDGET (overview), "program.export-reference",
                                g_variant_new_string (spire_solution_row_get_uuid (row))),
                   SPIRE_LANGUAGE_NB, sheet_path);
  text = pdf_text (sheet_path);
  g_assert_nonnull (strstr (text, "Side 1 av"));
  g_assert_nonnull (strstr (text, "Trygg hjemme"));

  /* Print from the same places: the impact report and the reference sheet
   * give the pages their builders give, in the language chosen. */
  {
    g_autofree char *impact_print = g_build_filename (f->dir, "impact-print.pdf", NULL);
    g_autofree char *sheet_print = g_build_filename (f->dir, "referanse-print.pdf", NULL);
    g_autoptr (SpireReport) impact = spire_report_impact (f->store, program, SPIRE_LANGUAGE_EN,
                                                          NULL);
    g_autoptr (SpireReport) sheet = spire_report_reference (
      f->store, spire_solution_row_get_uuid (row), SPIRE_LANGUAGE_NB, NULL);

    print_and_wait (open_dialog (GTK_WIDGET (overview), "program.export-impact", NULL),
                    SPIRE_LANGUAGE_EN, impact_print);
    g_assert_cmpuint (pdf_pages (impact_print), ==, spire_report_get_n_pages (impact));
    g_clear_pointer (&text, g_free);
    text = pdf_text (impact_print);
    g_assert_nonnull (strstr (text, "Page 1 of"));

    print_and_wait (open_dialog (GTK_WIDGET (overview), "program.export-reference",
                                 g_variant_new_string (spire_solution_row_get_uuid (row))),
                    SPIRE_LANGUAGE_NB, sheet_print);
    g_assert_cmpuint (pdf_pages (sheet_print), ==, spire_report_get_n_pages (sheet));
    g_clear_pointer (&text, g_free);
    text = pdf_text (sheet_print);
    g_assert_nonnull (strstr (text, "Trygg hjemme"));
  }
}

int
main (int argc, char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = spire_app_new ("no.spire.Spire.ReportsGuiTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, func) g_test_add (path, F, NULL, f_setup, func, f_teardown)
  ADD ("/reports-gui/cohort-report", test_cohort_report);
  ADD ("/reports-gui/cancel", test_cancel);
  ADD ("/reports-gui/letters-by-status", test_letters_by_status);
  ADD ("/reports-gui/letters-for-selection", test_letters_for_selection);
  ADD ("/reports-gui/print", test_print);
  ADD ("/reports-gui/program-reports", test_program_reports);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
