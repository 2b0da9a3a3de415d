/* test-walkthrough.c — the "Done means", end to end through the
 * window's actions and widgets, on a database in a temporary folder: a
 * program made in the first steps and a cohort in the record editor, two public bodies with a
 * challenge each, 80 applications imported from a CSV file with Norwegian
 * headers, one found by searching, ten rejected with one reason, one deleted
 * and brought back, and the list exported as CSV and read back.  After each
 * step what counts is what the store holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-walkthrough"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohort/spire-cohort-page-private.h"
#include "common/spire-decision-dialog.h"
#include "gui-fixture.h"
#include "import/spire-import-dialog-private.h"
#include "records/spire-records-private.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"
#include "start/spire-first-steps.h"

#define N_APPLICATIONS 80
#define REASON "Løsningen svarer ikke på behovet i utfordringen."

/* The import dialog on screen, as a user sees it: the CSV dialog, the
 * job dialog or a message. */
static GtkWindow *
import_dialog (void)
{
  GtkWindow *window = gui_fixture_find_window (SPIRE_TYPE_CSV_IMPORT_DIALOG);

  if (window == NULL)
    window = gui_fixture_find_window (SPIRE_TYPE_IMPORT_JOB_DIALOG);
  if (window == NULL)
    window = GTK_WINDOW (gui_fixture_find_message_dialog ());
  return window;
}

static SpireApp *app;
static char *tmpdir;

/* Helpers */

static SpireRecord *
find_by (SpireStore *store, const SpireKind *kind, const char *field, const char *value)
{
  g_autoptr (GPtrArray) all = spire_store_list (store, kind, field, value, NULL);

  g_assert_nonnull (all);
  return all->len == 1 ? g_object_ref (g_ptr_array_index (all, 0)) : NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR)) != NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR)) == NULL;
}

/* The editor that @action (on @widget, with @param) opened: fills it with
 * @fields (name, text, …, NULL) and saves. */
static void
edit_and_save (GtkWidget *widget, const char *action, GVariant *param, ...)
{
  SpireRecordEditor *editor;
  const char *field;
  va_list ap;

  g_assert_null (SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR)));
  g_assert_true (gtk_widget_activate_action_variant (widget, action, param));
  g_assert_true (gui_fixture_wait (editor_shown, NULL, 2000));
  editor = SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));
  va_start (ap, param);
  while ((field = va_arg (ap, const char *)) != NULL)
    _spire_record_editor_set_text (editor, field, va_arg (ap, const char *));
  va_end (ap);
  if (!_spire_record_editor_can_save (editor))
    g_error ("The form refuses: %s", _spire_record_editor_get_message (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (gui_fixture_wait (editor_gone, NULL, 5000));
  g_assert_null (gui_fixture_find_message_dialog ());
}

/* A valid organisation number after the 8 digits of *@base. */
static char *
valid_orgnr (guint *base)
{
  static const int weights[] = { 3, 2, 7, 6, 5, 4, 3, 2 };

  for (;;)
    {
      g_autofree char *digits = g_strdup_printf ("%08u", (*base)++);
      int sum = 0, r;

      for (int i = 0; i < 8; i++)
        sum += (digits[i] - '0') * weights[i];
      r = sum % 11;
      if (r != 1)
        return g_strdup_printf ("%s%d", digits, r == 0 ? 0 : 11 - r);
    }
}

/* As Nettskjema exports: Norwegian headers, ";", a byte order mark, a value
 * over two lines; half the applications to each challenge.  Startup 42 is
 * the one searched for. */
static char *
write_applications_csv (const char *challenge_a, const char *challenge_b)
{
  g_autoptr (GString) csv = g_string_new ("\xef\xbb\xbf");
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (tmpdir, "søknader.csv", NULL);
  guint base = 92345670;

  g_string_append (csv, "Bedriftsnavn;Organisasjonsnummer;Kontaktperson;E-post;Utfordring;"
                        "Tittel;Kort beskrivelse\r\n");
  for (guint i = 1; i <= N_APPLICATIONS; i++)
    {
      g_autofree char *orgnr = valid_orgnr (&base);
      g_autofree char *name = i == 42 ? g_strdup ("Kvitfjell Robotikk AS")
                                      : g_strdup_printf ("Nordlys %02u AS", i);

      g_string_append_printf (csv, "%s;%s;Kari Nordmann %u;kari%u@example.no;%s;"
                                   "Forslag %02u;\"Første linje\r\nandre linje\"\r\n",
                              name, orgnr, i, i, i % 2 ? challenge_a : challenge_b, i);
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

/* The records of an RFC 4180 file as written by spire-csv-export (BOM, CRLF). */
static GPtrArray *
read_csv (const char *path, char separator)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr (GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, any = FALSE;
  const char *p;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  for (p = text + 3; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = any = TRUE;
      else if (*p == separator)
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          any = TRUE;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_strv_builder_unref (row);
          row = g_strv_builder_new ();
          p++;
          any = FALSE;
        }
      else
        {
          g_string_append_c (field, *p);
          any = TRUE;
        }
    }
  g_assert_false (quoted);
  g_assert_false (any); /* the last record ends with CRLF */
  return rows;
}

static gboolean
dialog_shown (gpointer data)
{
  return import_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return import_dialog () == NULL;
}

/* A directory page has read its records (in a worker) and shows them all. */
static gboolean
list_page_read (gpointer data)
{
  return !_spire_record_list_page_is_loading (data);
}

static gboolean
csv_idle (gpointer data)
{
  return !_spire_csv_import_dialog_is_busy (data);
}

static gboolean
cohort_page_shows_one (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (data))) == 1;
}

static gboolean
cohort_page_shows_all (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (data))) ==
         g_list_model_get_n_items (spire_cohort_page_get_applications (data));
}

static gboolean
cohort_page_not_exporting (gpointer data)
{
  return !spire_cohort_page_get_exporting (data);
}

/* Whether a label under @widget (a toast in the window) says @text. */
static gboolean
widget_shows (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (widget_shows (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
list_page_not_exporting (gpointer data)
{
  return !_spire_record_list_page_is_exporting (data);
}

static gboolean
list_page_shows_one (gpointer data)
{
  return g_list_model_get_n_items (_spire_record_list_page_get_shown (data)) == 1;
}

static gboolean
list_page_shows_all (gpointer data)
{
  return g_list_model_get_n_items (_spire_record_list_page_get_shown (data)) == N_APPLICATIONS;
}

static guint
count_status (SpireStore *store, const char *cohort, const char *status)
{
  g_autoptr (GPtrArray) apps = spire_store_list (store, &spire_kind_application, "cohort", cohort,
                                                 NULL);
  guint n = 0;

  for (guint i = 0; i < apps->len; i++)
    n += g_strcmp0 (spire_record_get_text (apps->pdata[i], "status"), status) == 0;
  return n;
}

static int
column_of (char **header, const char *title)
{
  for (int i = 0; header[i]; i++)
    if (g_str_equal (header[i], title))
      return i;
  g_error ("No column “%s” in the export", title);
  return -1;
}

static void
reload (SpireWindow *window)
{
  _spire_window_reload_now (window);
  gui_fixture_spin (50);
  /* The cohort is read again in a worker; its old rows stay until then. */
  gui_fixture_wait_cohort (_spire_window_get_cohort_page (window));
}

/* The walkthrough */

static void
test_walkthrough (void)
{
  g_autofree char *db_path = g_build_filename (tmpdir, "walkthrough.db", NULL);
  g_autofree char *csv_path = NULL;
  g_autofree char *export_path = g_build_filename (tmpdir, "søknader-eksport.csv", NULL);
  g_autofree char *dir_export_path = g_build_filename (tmpdir, "startups.csv", NULL);
  g_autofree char *challenge_path = g_build_filename (tmpdir, "challenges.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) oslo = NULL;
  g_autoptr (SpireRecord) bergen = NULL;
  g_autoptr (SpireRecord) snow = NULL;
  g_autoptr (SpireRecord) food = NULL;
  g_autoptr (GPtrArray) rejected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *found_uuid = NULL;
  g_autofree char *deleted_uuid = NULL;
  g_autofree char *deleted_title = NULL;
  SpireWindow *window;
  SpireSidebar *sidebar;
  SpireCohortPage *page;
  SpireRecordListPage *directory;
  SpireCsvImportDialog *dialog;
  SpireCsvPreview *preview;
  GtkSelectionModel *selection;
  GListModel *shown;
  const char *cohort_uuid;
  char separator = spire_csv_separator_for_language (spire_language_current ());

  store = spire_store_open (db_path, &error);
  g_assert_no_error (error);
  window = spire_window_new (app);
  _spire_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  gui_fixture_spin (50);
  sidebar = _spire_window_get_sidebar (window);
  page = _spire_window_get_cohort_page (window);
  directory = _spire_window_get_directory_page (window);

  /* 1. A program, through the first steps (an empty database's "New
   * Program"; skipped after the program), and a cohort through the record
   * editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-program", NULL));
  {
    SpireFirstSteps *steps = SPIRE_FIRST_STEPS (gui_fixture_find_window (SPIRE_TYPE_FIRST_STEPS));

    g_assert_nonnull (steps);
    gtk_editable_set_text (GTK_EDITABLE (_spire_first_steps_get_row (steps, "program-name")),
                           "Smart Kommune");
    gtk_widget_activate_action (GTK_WIDGET (steps), "first-steps.next", NULL);
    g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "cohort");
    gtk_widget_activate_action (GTK_WIDGET (steps), "first-steps.skip", NULL);
    gui_fixture_spin (20);
  }
  program = find_by (store, &spire_kind_program, "name", "Smart Kommune");
  g_assert_nonnull (program);
  g_assert_cmpstr (spire_record_get_text (program, "kind"), ==, "accelerator");
  reload (window);

  edit_and_save (GTK_WIDGET (sidebar), "sidebar.new-cohort",
                 g_variant_new_string (spire_record_get_uuid (program)),
                 "name", "Vår 2027", "seats", "10", "phase", "open", NULL);
  cohort = find_by (store, &spire_kind_cohort, "name", "Vår 2027");
  g_assert_nonnull (cohort);
  cohort_uuid = spire_record_get_uuid (cohort);
  g_assert_cmpstr (spire_record_get_text (cohort, "program"), ==, spire_record_get_uuid (program));
  g_assert_cmpint (spire_record_get_int (cohort, "seats"), ==, 10);
  reload (window);

  /* 2. Two public bodies, from their directory page. */
  g_assert_true (spire_sidebar_select_directory (sidebar, "public_bodies"));
  gui_fixture_spin (20);
  g_assert_true (spire_record_list_page_get_kind (directory) == &spire_kind_public_body);
  edit_and_save (GTK_WIDGET (window), "win.new", NULL,
                 "name", "Oslo kommune", "kind", "municipality", NULL);
  edit_and_save (GTK_WIDGET (directory), "records.new", NULL,
                 "name", "Bergen kommune", "kind", "municipality", NULL);
  oslo = find_by (store, &spire_kind_public_body, "name", "Oslo kommune");
  bergen = find_by (store, &spire_kind_public_body, "name", "Bergen kommune");
  g_assert_nonnull (oslo);
  g_assert_nonnull (bergen);
  reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (_spire_record_list_page_get_shown (directory)), ==, 2);

  /* … each with a challenge in the cohort. */
  g_assert_true (spire_sidebar_select_directory (sidebar, "challenges"));
  gui_fixture_spin (20);
  edit_and_save (GTK_WIDGET (window), "win.new", NULL,
                 "title", "Smartere snømåking", "cohort", cohort_uuid,
                 "owner", spire_record_get_uuid (oslo), NULL);
  edit_and_save (GTK_WIDGET (window), "win.new", NULL,
                 "title", "Mindre matsvinn i skolen", "cohort", cohort_uuid,
                 "owner", spire_record_get_uuid (bergen), NULL);
  snow = find_by (store, &spire_kind_challenge, "title", "Smartere snømåking");
  food = find_by (store, &spire_kind_challenge, "title", "Mindre matsvinn i skolen");
  g_assert_nonnull (snow);
  g_assert_nonnull (food);
  g_assert_cmpstr (spire_record_get_text (snow, "owner"), ==, spire_record_get_uuid (oslo));
  g_assert_cmpstr (spire_record_get_text (food, "owner"), ==, spire_record_get_uuid (bergen));
  g_assert_cmpstr (spire_record_get_text (food, "cohort"), ==, cohort_uuid);
  reload (window);

  /* The challenges directory exported: what it shows, in its order. */
  _spire_record_list_page_export_csv (directory, challenge_path);
  g_assert_true (gui_fixture_wait (list_page_not_exporting, directory, 10000));
  rows = read_csv (challenge_path, separator);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Title");
  g_assert_cmpstr (((char **) rows->pdata[1])[0], ==, "Mindre matsvinn i skolen");
  g_assert_cmpstr (((char **) rows->pdata[1])[column_of (rows->pdata[0], "Owner")], ==,
                   "Bergen kommune");
  g_assert_cmpstr (((char **) rows->pdata[2])[0], ==, "Smartere snømåking");
  g_assert_cmpstr (_spire_record_list_page_get_last_toast (directory), ==,
                   "Exported 2 challenges to “challenges.csv”");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* 3. 80 applications from a CSV file with Norwegian headers. */
  csv_path = write_applications_csv ("Smartere snømåking", "Mindre matsvinn i skolen");
  {
    g_autoptr (GFile) file = g_file_new_for_path (csv_path);

    spire_import_file_present (GTK_WINDOW (window), store, SPIRE_COHORT (cohort), file);
  }
  g_assert_true (gui_fixture_wait (dialog_shown, NULL, 10000));
  dialog = SPIRE_CSV_IMPORT_DIALOG (import_dialog ());
  g_assert_true (SPIRE_IS_CSV_IMPORT_DIALOG (dialog));
  g_assert_true (gui_fixture_wait (csv_idle, dialog, 10000));
  g_assert_cmpstr (_spire_csv_import_dialog_get_cohort_uuid (dialog), ==, cohort_uuid);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 0), ==, SPIRE_CSV_STARTUP_NAME);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 1), ==, SPIRE_CSV_STARTUP_ORGNR);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 4), ==,
                   SPIRE_CSV_APPLICATION_CHALLENGE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.next", NULL);
  g_assert_true (gui_fixture_wait (csv_idle, dialog, 10000));
  gui_fixture_spin (10);
  g_assert_cmpstr (_spire_csv_import_dialog_get_page (dialog), ==, "preview");
  preview = _spire_csv_import_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  if (preview->problems->len > 0)
    {
      g_autoptr (GObject) first = g_list_model_get_item (_spire_csv_import_dialog_get_problems (dialog), 0);

      g_error ("The preview has %u problems; first: %s", preview->problems->len,
               first && GTK_IS_STRING_OBJECT (first)
                 ? gtk_string_object_get_string (GTK_STRING_OBJECT (first)) : "?");
    }
  g_assert_cmpuint (preview->counts.rows, ==, N_APPLICATIONS);
  g_assert_cmpuint (preview->counts.applications_new, ==, N_APPLICATIONS);
  g_assert_true (gtk_widget_get_sensitive (_spire_csv_import_dialog_get_import_button (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.import", NULL);
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, 30000));
  g_assert_cmpstr (_spire_import_get_last_toast (), ==, "80 applications imported");
  g_assert_cmpint (spire_store_count (store, &spire_kind_application, "cohort", cohort_uuid), ==,
                   N_APPLICATIONS);
  g_assert_cmpint (spire_store_count (store, &spire_kind_application, "challenge",
                                      spire_record_get_uuid (snow)), ==, N_APPLICATIONS / 2);
  g_assert_cmpint (spire_store_count (store, &spire_kind_application, "challenge",
                                      spire_record_get_uuid (food)), ==, N_APPLICATIONS / 2);
  g_assert_cmpint (spire_store_count (store, &spire_kind_startup, NULL, NULL), ==, N_APPLICATIONS);

  /* The startups directory exported with a search: only what it shows. */
  reload (window);
  g_assert_true (spire_sidebar_select_directory (sidebar, "startups"));
  g_assert_true (gui_fixture_wait (list_page_read, directory, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (_spire_record_list_page_get_shown (directory)), ==,
                    N_APPLICATIONS);
  gtk_editable_set_text (_spire_record_list_page_get_search_entry (directory), "kvitfj");
  g_assert_true (gui_fixture_wait (list_page_shows_one, directory, 5000));
  _spire_record_list_page_export_csv (directory, dir_export_path);
  g_assert_true (gui_fixture_wait (list_page_not_exporting, directory, 10000));
  rows = read_csv (dir_export_path, separator);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) rows->pdata[1])[column_of (rows->pdata[0], "Name")], ==,
                   "Kvitfjell Robotikk AS");
  g_clear_pointer (&rows, g_ptr_array_unref);
  gtk_editable_set_text (_spire_record_list_page_get_search_entry (directory), "");
  g_assert_true (gui_fixture_wait (list_page_shows_all, directory, 5000));

  /* … and in its order: by name, Z to A. */
  {
    GtkColumnView *view = _spire_record_list_page_get_column_view (directory);
    g_autoptr (GtkColumnViewColumn) name = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                  0);

    gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  }
  _spire_record_list_page_export_csv (directory, dir_export_path);
  g_assert_true (gui_fixture_wait (list_page_not_exporting, directory, 10000));
  rows = read_csv (dir_export_path, separator);
  g_assert_cmpuint (rows->len, ==, 1 + N_APPLICATIONS);
  {
    int name = column_of (rows->pdata[0], "Name");
    int orgnr = column_of (rows->pdata[0], "Organisation number");

    g_assert_cmpstr (((char **) rows->pdata[1])[name], ==, "Nordlys 80 AS");
    g_assert_cmpstr (((char **) rows->pdata[N_APPLICATIONS])[name], ==, "Kvitfjell Robotikk AS");
    /* Organisation numbers as programs read them: nine digits. */
    g_assert_cmpuint (strlen (((char **) rows->pdata[1])[orgnr]), ==, 9);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpstr (_spire_record_list_page_get_last_toast (directory), ==,
                   "Exported 80 startups to “startups.csv”");

  /* 4. One application found by part of its startup's name. */
  g_assert_true (spire_sidebar_select_cohort (sidebar, cohort_uuid));
  reload (window);
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "cohort");
  g_assert_cmpuint (g_list_model_get_n_items (spire_cohort_page_get_applications (page)), ==,
                    N_APPLICATIONS);
  gtk_editable_set_text (_spire_cohort_page_get_search_entry (page), "kvitfjell rob");
  g_assert_true (gui_fixture_wait (cohort_page_shows_one, page, 5000));
  {
    g_autoptr (SpireRecord) app = g_list_model_get_item (G_LIST_MODEL (spire_cohort_page_get_model (page)), 0);
    g_autoptr (SpireRecord) startup = spire_store_get (store, &spire_kind_startup,
                                                       spire_record_get_text (app, "startup"),
                                                       NULL);

    g_assert_cmpstr (spire_record_get_text (app, "title"), ==, "Forslag 42");
    g_assert_cmpstr (spire_record_get_text (startup, "name"), ==, "Kvitfjell Robotikk AS");
    found_uuid = g_strdup (spire_record_get_uuid (app));
  }
  gtk_editable_set_text (_spire_cohort_page_get_search_entry (page), "");
  g_assert_true (gui_fixture_wait (cohort_page_shows_all, page, 5000));

  /* 5. Ten rejected with one reason, through the bulk status change. */
  selection = spire_cohort_page_get_model (page);
  shown = G_LIST_MODEL (spire_cohort_page_get_model (page));
  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (shown, i);

      gtk_selection_model_select_item (selection, i, FALSE);
      g_ptr_array_add (rejected, g_strdup (spire_record_get_uuid (r)));
    }
  gtk_widget_activate_action (GTK_WIDGET (page), "cohort.change-status", NULL);
  g_assert_true (SPIRE_IS_DECISION_DIALOG (gui_fixture_find_message_dialog ()));
  spire_decision_dialog_set_status (SPIRE_DECISION_DIALOG (gui_fixture_find_message_dialog ()), "rejected");
  spire_decision_dialog_set_reason (SPIRE_DECISION_DIALOG (gui_fixture_find_message_dialog ()), REASON);
  g_assert_true (adw_message_dialog_get_response_enabled (gui_fixture_find_message_dialog (),
                                                          "apply"));
  adw_message_dialog_response (gui_fixture_find_message_dialog (), "apply");
  gtk_window_destroy (GTK_WINDOW (gui_fixture_find_message_dialog ()));
  gui_fixture_spin (50);
  g_assert_null (gui_fixture_find_message_dialog ());
  g_assert_cmpuint (count_status (store, cohort_uuid, "rejected"), ==, 10);
  for (guint i = 0; i < rejected->len; i++)
    {
      g_autoptr (SpireRecord) r = spire_store_get (store, &spire_kind_application,
                                                   rejected->pdata[i], NULL);
      g_autoptr (GPtrArray) decisions = spire_store_list (store, &spire_kind_decision, "application",
                                                          rejected->pdata[i], NULL);

      g_assert_cmpstr (spire_record_get_text (r, "status"), ==, "rejected");
      g_assert_cmpuint (decisions->len, ==, 1);
      g_assert_cmpstr (spire_record_get_text (decisions->pdata[0], "reason"), ==, REASON);
    }
  reload (window);

  /* 6. One (not rejected) deleted, then brought back with its UUID. */
  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (shown) && deleted_uuid == NULL; i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (shown, i);

      if (g_strcmp0 (spire_record_get_text (r, "status"), "rejected") == 0)
        continue;
      gtk_selection_model_select_item (selection, i, TRUE);
      deleted_uuid = g_strdup (spire_record_get_uuid (r));
      deleted_title = g_strdup (spire_record_get_text (r, "title"));
    }
  g_assert_nonnull (deleted_uuid);
  gtk_widget_activate_action (GTK_WIDGET (page), "cohort.delete-applications", NULL);
  gui_fixture_spin (20);
  {
    g_autoptr (SpireRecord) gone = spire_store_get (store, &spire_kind_application, deleted_uuid,
                                                    NULL);

    g_assert_null (gone);
  }
  g_assert_cmpint (spire_store_count (store, &spire_kind_application, "cohort", cohort_uuid), ==,
                   N_APPLICATIONS - 1);
  reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (spire_cohort_page_get_applications (page)), ==,
                    N_APPLICATIONS - 1);
  /* At once, while the status toast is still hiding: libadwaita 1.2 used
   * to abort here when the undo dismissed the delete toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gui_fixture_spin (20);
  {
    g_autoptr (SpireRecord) back = spire_store_get (store, &spire_kind_application, deleted_uuid,
                                                    &error);

    g_assert_no_error (error);
    g_assert_nonnull (back);
    g_assert_cmpstr (spire_record_get_text (back, "title"), ==, deleted_title);
    g_assert_cmpstr (spire_record_get_text (back, "cohort"), ==, cohort_uuid);
  }
  g_assert_cmpint (spire_store_count (store, &spire_kind_application, "cohort", cohort_uuid), ==,
                   N_APPLICATIONS);
  reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (spire_cohort_page_get_applications (page)), ==,
                    N_APPLICATIONS);

  /* 7. The list exported as CSV and read back: 80 rows, ten rejected. */
  gtk_selection_model_unselect_all (selection);
  gtk_widget_activate_action (GTK_WIDGET (page), "cohort.export-csv-to", "s", export_path);
  g_assert_true (gui_fixture_wait (cohort_page_not_exporting, page, 10000));
  rows = read_csv (export_path, separator);
  g_assert_cmpuint (rows->len, ==, 1 + N_APPLICATIONS);
  {
    char **header = rows->pdata[0];
    int status = column_of (header, "Status");
    int title = column_of (header, "Title");
    int startup = column_of (header, "Startup");
    guint n_rejected = 0;
    gboolean found = FALSE;

    for (guint i = 1; i < rows->len; i++)
      {
        char **row = rows->pdata[i];

        g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
        n_rejected += g_str_equal (row[status], "Rejected");
        found |= g_str_equal (row[startup], "Kvitfjell Robotikk AS") &&
                 g_str_equal (row[title], "Forslag 42");
      }
    g_assert_cmpuint (n_rejected, ==, 10);
    g_assert_true (found);
  }
  g_assert_true (widget_shows (GTK_WIDGET (window),
                               "Exported 80 applications to “søknader-eksport.csv”"));

  /* The found one is still there. */
  {
    g_autoptr (SpireRecord) r = spire_store_get (store, &spire_kind_application, found_uuid, NULL);

    g_assert_nonnull (r);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  gui_fixture_spin (20);
  g_unlink (csv_path);
  g_unlink (export_path);
  g_unlink (dir_export_path);
  g_unlink (challenge_path);
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.WalkthroughTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/walkthrough/done-means", test_walkthrough);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
