/* test-first-hour.c — a new user's first hour with the window, as they
 * trip over it: Enter presses a dialog's default button (not Cancel), an
 * empty cohort says how to get applications in, a search that finds
 * nothing says so
 *
 * "Enter" here is what GTK does with the key: it activates the widget that
 * has the keyboard focus (a button is clicked), so the tests activate
 * gtk_root_get_focus () and look at what happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-first-hour"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "import/spire-import-dialog-private.h"
#include "records/spire-record-list-page.h"
#include "sidebar/spire-sidebar.h"
#include "spire-app.h"
#include "spire-window-private.h"

static SpireApp *app;
static char *tmpdir;

typedef struct
{
  SpireStore *store;
  GtkWindow *window;
  SpireCohort *cohort;
  char *challenge;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;

  f->db_path = g_strdup_printf ("%s/first-hour-%u.db", tmpdir, n++);
  f->store = spire_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (gui_fixture_fill_by_hand (f->store, 12, &error));
  g_assert_no_error (error);

  cohorts = spire_store_list (f->store, &spire_kind_cohort, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cohorts->len && f->cohort == NULL; i++)
    {
      SpireRecord *cohort = g_ptr_array_index (cohorts, i);
      g_autoptr (GPtrArray) challenges = spire_store_list (f->store, &spire_kind_challenge,
                                                           "cohort", spire_record_get_uuid (cohort),
                                                           NULL);
      if (challenges && challenges->len > 0)
        {
          f->cohort = g_object_ref (SPIRE_COHORT (cohort));
          f->challenge = g_strdup (spire_record_get_text (g_ptr_array_index (challenges, 0),
                                                          "title"));
        }
    }
  g_assert_nonnull (f->cohort);

  f->window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_present (f->window);
  gui_fixture_wait_allocated (f->window);
}

static GtkWindow *
import_dialog (void)
{
  GtkWindow *window = gui_fixture_find_window (SPIRE_TYPE_CSV_IMPORT_DIALOG);

  return window ? window : gui_fixture_find_window (SPIRE_TYPE_IMPORT_JOB_DIALOG);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog = import_dialog ();

  if (dialog)
    gtk_window_destroy (dialog);
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->cohort);
  g_clear_object (&f->store);
  g_free (f->challenge);
  g_unlink (f->db_path);
  g_free (f->db_path);
}

/* Helpers */

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = import_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (gpointer data)
{
  return import_dialog () == NULL;
}

static GtkWindow *
present (Fixture *f, GFile *file)
{
  spire_import_file_present (f->window, f->store, f->cohort, file);
  g_assert_true (gui_fixture_wait (dialog_shown, NULL, GUI_FIXTURE_TIMEOUT_MS));
  return import_dialog ();
}

/* Enter, as GTK handles it: the focused widget is activated (a focused
 * button is clicked; else the window's default widget).  Returns the
 * label of the button pressed. */
static const char *
press_enter (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  const char *label;

  if (focus == NULL || !GTK_IS_BUTTON (focus))
    focus = gtk_window_get_default_widget (window);
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_widget_is_sensitive (focus));
  label = gtk_button_get_label (GTK_BUTTON (focus));
  g_test_message ("Enter presses “%s”", label);
  gtk_widget_activate (focus);
  return label;
}

static gint64
count_applications (Fixture *f)
{
  return spire_store_count (f->store, &spire_kind_application, "cohort",
                            spire_record_get_uuid (SPIRE_RECORD (f->cohort)));
}

/* Tests */

static gboolean
job_done (gpointer data)
{
  return g_strcmp0 (_spire_import_job_dialog_get_page (data), "result") == 0;
}

/* Merging a backup: Enter merges (it cancelled: the focus sat on Cancel,
 * and the dialog went away saying nothing), then Enter closes. */
static void
test_enter_merges_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (tmpdir, "backup.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  GtkWindow *dialog;

  g_assert_true (spire_exchange_export_file (f->store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  dialog = present (f, file);
  g_assert_true (SPIRE_IS_IMPORT_JOB_DIALOG (dialog));
  g_assert_cmpstr (_spire_import_job_dialog_get_page (SPIRE_IMPORT_JOB_DIALOG (dialog)), ==, "ask");
  press_enter (dialog);
  g_assert_true (gui_fixture_wait (job_done, dialog, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (_spire_import_job_dialog_succeeded (SPIRE_IMPORT_JOB_DIALOG (dialog)));

  press_enter (dialog);
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
}

/* Escape while a backup merges stops it, as its Stop button does (it did
 * nothing: "window.close" is off while the window may not close).  The worker may finish before it
 * sees the stop, so the test asserts the stop asked and the dialog kept,
 * then waits for whichever result comes. */
static void
test_escape_stops_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (tmpdir, "backup-stop.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  SpireImportJobDialog *dialog;

  g_assert_true (spire_exchange_export_file (f->store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  dialog = SPIRE_IMPORT_JOB_DIALOG (present (f, file));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-job.run", NULL);
  /* No main loop turn between: the job's answer cannot have come yet. */
  g_assert_false (_spire_import_job_dialog_is_stopping (dialog));
  /* What Escape does (its binding) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import-job.escape", NULL));
  g_assert_true (_spire_import_job_dialog_is_stopping (dialog));
  g_assert_true (import_dialog () == GTK_WINDOW (dialog));
  g_assert_true (gui_fixture_wait (job_done, dialog, GUI_FIXTURE_TIMEOUT_MS));
  g_test_message ("%s", _spire_import_job_dialog_succeeded (dialog) ? "finished first" : "stopped");
}

static gboolean
csv_ready (gpointer data)
{
  return !_spire_csv_import_dialog_is_busy (data)
         && (g_strcmp0 (_spire_csv_import_dialog_get_page (data), "columns") != 0
             || gtk_widget_is_sensitive (gtk_window_get_default_widget (data)));
}

static gboolean
csv_previewed (gpointer data)
{
  return !_spire_csv_import_dialog_is_busy (data)
         && g_strcmp0 (_spire_csv_import_dialog_get_page (data), "preview") == 0
         && _spire_csv_import_dialog_get_preview (data) != NULL;
}

static GFile *
write_csv (Fixture *f)
{
  g_autofree char *path = g_build_filename (tmpdir, "søknader.csv", NULL);
  g_autofree char *csv = g_strdup_printf ("Bedriftsnavn;Utfordring;Tittel\r\n"
                                          "Nordlys Teknologi AS;%s;Snøkart\r\n"
                                          "Fjordlys Robotics AS;%s;Brøyteroboter\r\n",
                                          f->challenge, f->challenge);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Applications from a CSV file: Enter goes on to the preview (it closed
 * the dialog, and the columns chosen were lost), Enter again imports. */
static void
test_enter_imports_csv (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = write_csv (f);
  gint64 before = count_applications (f);
  GtkWindow *dialog;

  dialog = present (f, file);
  g_assert_true (SPIRE_IS_CSV_IMPORT_DIALOG (dialog));
  g_assert_true (gui_fixture_wait (csv_ready, dialog, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpstr (_spire_csv_import_dialog_get_page (SPIRE_CSV_IMPORT_DIALOG (dialog)), ==,
                   "columns");
  press_enter (dialog);
  g_assert_nonnull (import_dialog ());
  g_assert_true (gui_fixture_wait (csv_previewed, dialog, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpuint (_spire_csv_import_dialog_get_preview (SPIRE_CSV_IMPORT_DIALOG (dialog))
                        ->problems->len, ==, 0);

  press_enter (dialog);
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpint (count_applications (f), ==, before + 2);
}

/* The mapped, sensitive button under @widget whose action is @action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget *widget, const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && gtk_widget_is_sensitive (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
has_import_button (gpointer window)
{
  return find_action_button (window, "win.import") != NULL;
}

/* The record form on screen (its type is private to records/), or NULL. */
static GtkWindow *
record_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "SpireRecordEditor"))
        return window;
    }
  return NULL;
}

static gboolean
record_editor_shown (gpointer data)
{
  return record_editor () != NULL;
}

/* A cohort without applications says how to get them in, and the buttons
 * it offers do it (it said only "Applications to this cohort will be
 * listed here."). */
static void
test_empty_cohort_offers_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) cohorts = spire_store_list (f->store, &spire_kind_cohort, NULL, NULL, NULL);
  const char *empty = NULL;
  GtkWindow *window;
  GtkWidget *add;

  for (guint i = 0; i < cohorts->len && empty == NULL; i++)
    if (spire_store_count (f->store, &spire_kind_application, "cohort",
                           spire_record_get_uuid (cohorts->pdata[i])) == 0)
      empty = spire_record_get_uuid (cohorts->pdata[i]);
  g_assert_nonnull (empty);

  window = gui_fixture_window_on_cohort (app, f->store, empty);
  g_assert_true (gui_fixture_wait (has_import_button, window, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (gui_fixture_label_shows (GTK_WIDGET (window), "Import the applications"));
  add = find_action_button (GTK_WIDGET (window), "win.new-application");
  g_assert_nonnull (add);
  gtk_widget_activate (add); /* a button clicks a moment after Enter */
  g_assert_true (gui_fixture_wait (record_editor_shown, NULL, GUI_FIXTURE_TIMEOUT_MS));
  gtk_window_destroy (record_editor ());
  gui_fixture_destroy_window (window);
}

static gboolean
label_mapped (gpointer window)
{
  return gui_fixture_find_label (window, "Nothing Matches the Search", TRUE) != NULL;
}

/* A directory search that finds nothing says so (the table stood empty,
 * "0 of 30 startups" in small grey type above it), and the table comes
 * back with the search cleared. */
static void
test_search_finds_nothing (Fixture *f, gconstpointer data)
{
  SpireWindow *window = spire_window_new (app);
  SpireRecordListPage *page;
  GtkEditable *entry;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  _spire_window_set_store (window, f->store);
  gtk_window_present (GTK_WINDOW (window));
  gui_fixture_wait_allocated (window);
  _spire_window_reload_now (window);
  page = _spire_window_get_directory_page (window);
  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "startups"));
  gui_fixture_wait_records (page);
  gui_fixture_wait_frame (page);
  g_assert_null (gui_fixture_find_label (GTK_WIDGET (window), "Nothing Matches the Search", TRUE));

  entry = _spire_record_list_page_get_search_entry (page);
  gui_fixture_search (entry, "zzqqxx");
  g_assert_true (gui_fixture_wait (label_mapped, window, GUI_FIXTURE_TIMEOUT_MS));

  gui_fixture_search (entry, "");
  gui_fixture_wait_frame (page);
  g_assert_null (gui_fixture_find_label (GTK_WIDGET (window), "Nothing Matches the Search", TRUE));
  gui_fixture_destroy_window (window);
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  gui_fixture_language ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.FirstHourTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, func) \
  g_test_add ("/first-hour/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("enter-merges-backup", test_enter_merges_backup);
  ADD ("enter-imports-csv", test_enter_imports_csv);
  ADD ("escape-stops-merge", test_escape_stops_merge);
  ADD ("empty-cohort-offers-import", test_empty_cohort_offers_import);
  ADD ("search-finds-nothing", test_search_finds_nothing);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
