/* test-innsyn-gui.c — innsyn from the window: the cohort page's menu
 * (the cohort) and its context menu (one application) open the innsyn
 * dialog; it writes the PDF in the language chosen, without the
 * confidential text and with the mark of its legal basis, and records the
 * request (who asked, when received) in the store; Cancel leaves no file
 * and no record; a date that is not a real day (or is after today) cannot
 * be exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-innsyn-gui"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "audit/spire-innsyn-dialog.h"
#include "cohort/spire-cohort-page-private.h"
#include "gui-fixture.h"
#include "sidebar/spire-sidebar.h"
#include "spire-app.h"
#include "spire-window-private.h"

#define SECRET "Hemmelig kundeliste: Oslo kommune og Bergen kommune"
#define MARK_NB "[Unntatt offentlighet: offl. § 13, jf. fvl. § 13 første ledd nr. 2]"

static SpireApp *app;

typedef struct
{
  char *dir;
  SpireStore *store;
  SpireWindow *window;
  char *cohort;
  SpireRecord *application; /* the one with a confidential field */
} F;

static void
f_setup (F *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;
  g_autoptr (GPtrArray) apps = NULL;

  f->dir = gui_fixture_isolate ();
  path = g_build_filename (f->dir, "innsyn.db", NULL);
  /* A file, so that core's worker reads it on a connection of its own. */
  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gui_fixture_fill (f->store, &error));
  cohorts = spire_store_list (f->store, &spire_kind_cohort, NULL, NULL, NULL);
  for (guint i = 0; i < cohorts->len && f->cohort == NULL; i++)
    {
      g_clear_pointer (&apps, g_ptr_array_unref);
      apps = spire_store_list (f->store, &spire_kind_application, "cohort",
                               spire_record_get_uuid (cohorts->pdata[i]), NULL);
      if (apps->len >= 2)
        f->cohort = g_strdup (spire_record_get_uuid (cohorts->pdata[i]));
    }
  g_assert_nonnull (f->cohort);
  f->application = g_object_ref (apps->pdata[0]);
  spire_record_set_text (f->application, "confidential", SECRET);
  g_assert_true (spire_store_update (f->store, f->application, &error));
  g_assert_no_error (error);

  f->window = gui_fixture_window_on_cohort (app, f->store, f->cohort);
}

static void
f_teardown (F *f, gconstpointer data)
{
  AdwMessageDialog *dialog;
  GtkWindow *innsyn;

  while ((dialog = gui_fixture_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  while ((innsyn = gui_fixture_find_window (SPIRE_TYPE_INNSYN_DIALOG)) != NULL)
    gtk_window_destroy (innsyn);
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->application);
  g_clear_object (&f->store);
  g_free (f->cohort);
  g_free (f->dir);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) words = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* Every run of white space one space: pdftotext breaks wrapped cells. */
  words = g_regex_split_simple ("\\s+", out, 0, 0);
  return g_strjoinv (" ", words);
}

static gboolean
no_innsyn_dialog (gpointer data)
{
  return gui_fixture_find_window (SPIRE_TYPE_INNSYN_DIALOG) == NULL;
}

/* Activates @action on the cohort page and gives the dialog it opens. */
static SpireInnsynDialog *
open_dialog (F *f, const char *action)
{
  SpireCohortPage *page = _spire_window_get_cohort_page (f->window);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  dialog = gui_fixture_wait_window (SPIRE_TYPE_INNSYN_DIALOG);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return SPIRE_INNSYN_DIALOG (dialog);
}

/* The one request recorded. */
static SpireRecord *
the_request (F *f)
{
  g_autoptr (GPtrArray) requests = spire_store_list (f->store, &spire_kind_innsyn_request, NULL,
                                                     NULL, NULL);

  g_assert_cmpuint (requests->len, ==, 1);
  return g_object_ref (requests->pdata[0]);
}

/* The cohort's documents, in Bokmål, whatever the window's language. */
static void
test_cohort (F *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "innsyn-kull.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (SpireRecord) request = NULL;
  SpireInnsynDialog *dialog = open_dialog (f, "cohort.innsyn");

  g_assert_cmpint (spire_innsyn_dialog_get_language (dialog), ==, spire_language_current ());
  spire_innsyn_dialog_set_requester (dialog, "Journalist Kari Holm");
  spire_innsyn_dialog_set_received_on (dialog, "2026-01-15");
  spire_innsyn_dialog_set_language (dialog, SPIRE_LANGUAGE_NB);
  spire_innsyn_dialog_set_path (dialog, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "innsyn.export", NULL));
  g_assert_true (spire_innsyn_dialog_get_writing (dialog));
  g_assert_true (gui_fixture_wait (no_innsyn_dialog, NULL, 60000));
  g_assert_null (gui_fixture_find_message_dialog ());

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  request = the_request (f);
  g_assert_cmpstr (spire_record_get_text (request, "requester"), ==, "Journalist Kari Holm");
  g_assert_cmpstr (spire_record_get_text (request, "received_on"), ==, "2026-01-15");
  g_assert_cmpstr (spire_record_get_text (request, "cohort"), ==, f->cohort);
  g_assert_null (spire_record_get_text (request, "application"));
  g_assert_nonnull (strstr (spire_record_get_text (request, "withheld"),
                            spire_record_get_uuid (f->application)));
  text = pdf_text (path);
  g_assert_null (strstr (text, "Hemmelig kundeliste"));
  g_assert_nonnull (strstr (text, MARK_NB));
  g_assert_nonnull (strstr (text, "Journalist Kari Holm"));
  g_assert_nonnull (strstr (text, "Side 1 av"));
}

/* One application, from the list's context menu, in English. */
static void
test_application (F *f, gconstpointer data)
{
  SpireCohortPage *page = _spire_window_get_cohort_page (f->window);
  SpireApplicationList *list = _spire_cohort_page_get_list (page);
  g_autoptr (GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_build_filename (f->dir, "innsyn-en.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (SpireRecord) request = NULL;
  g_autofree char *today = spire_today ();
  SpireInnsynDialog *dialog;

  /* Not for none or for several */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "cohort.innsyn-application",
                                              NULL) &&
                  gui_fixture_find_window (SPIRE_TYPE_INNSYN_DIALOG) != NULL);
  g_hash_table_add (chosen, (gpointer) spire_record_get_uuid (f->application));
  spire_application_list_select_uuids (list, chosen);
  gui_fixture_drain ();
  dialog = open_dialog (f, "cohort.innsyn-application");
  /* Received today unless told otherwise; the requester may be unnamed */
  spire_innsyn_dialog_set_language (dialog, SPIRE_LANGUAGE_EN);
  spire_innsyn_dialog_set_path (dialog, path);
  spire_innsyn_dialog_export (dialog);
  g_assert_true (gui_fixture_wait (no_innsyn_dialog, NULL, 60000));
  g_assert_null (gui_fixture_find_message_dialog ());

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  request = the_request (f);
  g_assert_cmpstr (spire_record_get_text (request, "application"), ==,
                   spire_record_get_uuid (f->application));
  g_assert_cmpstr (spire_record_get_text (request, "received_on"), ==, today);
  g_assert_cmpstr (spire_record_get_text (request, "requester"), ==, "Not named");
  text = pdf_text (path);
  g_assert_null (strstr (text, "Hemmelig kundeliste"));
  g_assert_nonnull (strstr (text, "[Exempt from public access"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
}

/* A date that is no day, or after today, cannot be exported; Cancel while
 * writing leaves no file and records nothing. */
static void
test_refused_and_cancelled (F *f, gconstpointer data)
{
  g_autofree char *sub = g_build_filename (f->dir, "avbrutt", NULL);
  g_autofree char *path = g_build_filename (sub, "innsyn.pdf", NULL);
  g_autoptr (GDir) listing = NULL;
  SpireInnsynDialog *dialog = open_dialog (f, "cohort.innsyn");

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  spire_innsyn_dialog_set_path (dialog, path);
  spire_innsyn_dialog_set_received_on (dialog, "2026-02-30");
  spire_innsyn_dialog_export (dialog);
  g_assert_false (spire_innsyn_dialog_get_writing (dialog));
  spire_innsyn_dialog_set_received_on (dialog, "2999-01-01");
  spire_innsyn_dialog_export (dialog);
  g_assert_false (spire_innsyn_dialog_get_writing (dialog));

  spire_innsyn_dialog_set_received_on (dialog, "2026-01-15");
  spire_innsyn_dialog_export (dialog);
  g_assert_true (spire_innsyn_dialog_get_writing (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "innsyn.cancel", NULL));
  g_assert_true (gui_fixture_wait (no_innsyn_dialog, NULL, 60000));
  g_assert_null (gui_fixture_find_message_dialog ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (sub, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_innsyn_request, NULL, NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = spire_app_new ("no.spire.Spire.InnsynGuiTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, func) g_test_add (path, F, NULL, f_setup, func, f_teardown)
  ADD ("/innsyn-gui/cohort", test_cohort);
  ADD ("/innsyn-gui/application", test_application);
  ADD ("/innsyn-gui/refused-and-cancelled", test_refused_and_cancelled);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
