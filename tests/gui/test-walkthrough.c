/* test-walkthrough.c — the "Done means", end to end through the
 * window's actions and widgets, on a database in a temporary folder: a
 * program made in the first steps and a cohort in the record editor, two public bodies with a
 * challenge each, 80 applications imported from a CSV file with Norwegian
 * headers, one found by searching, ten rejected with one reason, one deleted
 * and brought back, and the list exported as CSV and read back.  After each
 * step what counts is what the store holds.  One user's walk, so one
 * test: each step is a walk_* function, run in order on a shared Walk.
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
  g_assert_true (gui_fixture_wait (editor_shown, NULL, GUI_FIXTURE_TIMEOUT_MS));
  editor = SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));
  va_start (ap, param);
  while ((field = va_arg (ap, const char *)) != NULL)
    _spire_record_editor_set_text (editor, field, va_arg (ap, const char *));
  va_end (ap);
  if (!_spire_record_editor_can_save (editor))
    g_error ("The form refuses: %s", _spire_record_editor_get_message (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (gui_fixture_wait (editor_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
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

/* The first steps closed and the window showing the database again. */
static gboolean
first_steps_done (gpointer data)
{
  return gui_fixture_find_window (SPIRE_TYPE_FIRST_STEPS) == NULL &&
         g_strcmp0 (_spire_window_get_page (data), "main") == 0;
}

/* Whether the cohort page, done reading, has the application @uuid. */
static gboolean
cohort_page_has (SpireCohortPage *page, const char *uuid)
{
  GListModel *apps = spire_cohort_page_get_applications (page);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (apps, i);

      if (g_strcmp0 (spire_record_get_uuid (r), uuid) == 0)
        return TRUE;
    }
  return FALSE;
}

/* What the row waits below watch: a cohort page and one application in it */
typedef struct
{
  SpireCohortPage *page;
  const char *uuid;
} RowWatch;

/* The deleted row gone from the cohort page (read again after the change). */
static gboolean
row_gone (gpointer data)
{
  RowWatch *watch = data;

  return !spire_cohort_page_is_loading (watch->page) && !cohort_page_has (watch->page, watch->uuid);
}

/* The row back in the cohort page after the undo. */
static gboolean
row_back (gpointer data)
{
  RowWatch *watch = data;

  return !spire_cohort_page_is_loading (watch->page) && cohort_page_has (watch->page, watch->uuid);
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
  /* The cohort, or the directory shown, is read again in a worker; its
   * old rows stay until then. */
  gui_fixture_wait_cohort (_spire_window_get_cohort_page (window));
  gui_fixture_wait_records (_spire_window_get_directory_page (window));
}

/* The walkthrough: one user's walk, a walk_* function a step, in order.
 * A Walk holds what the steps share. */

typedef struct
{
  SpireStore *store;
  SpireWindow *window;
  SpireSidebar *sidebar;
  SpireCohortPage *page;
  SpireRecordListPage *directory;
  char separator;
  SpireRecord *program;
  SpireRecord *cohort;
  const char *cohort_uuid;
  SpireRecord *oslo;
  SpireRecord *bergen;
  SpireRecord *snow;
  SpireRecord *food;
  char *found_uuid;
  /* The files it writes */
  char *csv_path;
  char *export_path;
  char *dir_export_path;
  char *challenge_path;
} Walk;

/* The directory page's list exported to @file, read back as rows */
static GPtrArray *
export_directory (Walk *w, const char *file)
{
  _spire_record_list_page_export_csv (w->directory, file);
  g_assert_true (gui_fixture_wait (list_page_not_exporting, w->directory, GUI_FIXTURE_TIMEOUT_MS));
  return read_csv (file, w->separator);
}

/* 1. A program, through the first steps (an empty database's "New
 * Program"; skipped after the program), and a cohort through the record
 * editor. */
static void
walk_program_and_cohort (Walk *w)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w->window), "win.new-program", NULL));
  {
    SpireFirstSteps *steps = SPIRE_FIRST_STEPS (gui_fixture_find_window (SPIRE_TYPE_FIRST_STEPS));

    g_assert_nonnull (steps);
    gtk_editable_set_text (GTK_EDITABLE (_spire_first_steps_get_row (steps, "program-name")),
                           "Smart Kommune");
    gtk_widget_activate_action (GTK_WIDGET (steps), "first-steps.next", NULL);
    g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "cohort");
    gtk_widget_activate_action (GTK_WIDGET (steps), "first-steps.skip", NULL);
    g_assert_true (gui_fixture_wait (first_steps_done, w->window, GUI_FIXTURE_TIMEOUT_MS));
  }
  w->program = find_by (w->store, &spire_kind_program, "name", "Smart Kommune");
  g_assert_nonnull (w->program);
  g_assert_cmpstr (spire_record_get_text (w->program, "kind"), ==, "accelerator");
  reload (w->window);

  edit_and_save (GTK_WIDGET (w->sidebar), "sidebar.new-cohort",
                 g_variant_new_string (spire_record_get_uuid (w->program)),
                 "name", "Vår 2027", "seats", "10", "phase", "open", NULL);
  w->cohort = find_by (w->store, &spire_kind_cohort, "name", "Vår 2027");
  g_assert_nonnull (w->cohort);
  w->cohort_uuid = spire_record_get_uuid (w->cohort);
  g_assert_cmpstr (spire_record_get_text (w->cohort, "program"), ==,
                   spire_record_get_uuid (w->program));
  g_assert_cmpint (spire_record_get_int (w->cohort, "seats"), ==, 10);
  reload (w->window);
}

/* 2. Two public bodies, from their directory page. */
static void
walk_public_bodies (Walk *w)
{
  g_assert_true (spire_sidebar_select_directory (w->sidebar, "public_bodies"));
  gui_fixture_wait_records (w->directory);
  g_assert_true (spire_record_list_page_get_kind (w->directory) == &spire_kind_public_body);
  edit_and_save (GTK_WIDGET (w->window), "win.new", NULL,
                 "name", "Oslo kommune", "kind", "municipality", NULL);
  edit_and_save (GTK_WIDGET (w->directory), "records.new", NULL,
                 "name", "Bergen kommune", "kind", "municipality", NULL);
  w->oslo = find_by (w->store, &spire_kind_public_body, "name", "Oslo kommune");
  w->bergen = find_by (w->store, &spire_kind_public_body, "name", "Bergen kommune");
  g_assert_nonnull (w->oslo);
  g_assert_nonnull (w->bergen);
  reload (w->window);
  g_assert_cmpuint (g_list_model_get_n_items (_spire_record_list_page_get_shown (w->directory)), ==, 2);
}

/* … each with a challenge in the cohort. */
static void
walk_challenges (Walk *w)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (spire_sidebar_select_directory (w->sidebar, "challenges"));
  gui_fixture_wait_records (w->directory);
  edit_and_save (GTK_WIDGET (w->window), "win.new", NULL,
                 "title", "Smartere snømåking", "cohort", w->cohort_uuid,
                 "owner", spire_record_get_uuid (w->oslo), NULL);
  edit_and_save (GTK_WIDGET (w->window), "win.new", NULL,
                 "title", "Mindre matsvinn i skolen", "cohort", w->cohort_uuid,
                 "owner", spire_record_get_uuid (w->bergen), NULL);
  w->snow = find_by (w->store, &spire_kind_challenge, "title", "Smartere snømåking");
  w->food = find_by (w->store, &spire_kind_challenge, "title", "Mindre matsvinn i skolen");
  g_assert_nonnull (w->snow);
  g_assert_nonnull (w->food);
  g_assert_cmpstr (spire_record_get_text (w->snow, "owner"), ==, spire_record_get_uuid (w->oslo));
  g_assert_cmpstr (spire_record_get_text (w->food, "owner"), ==,
                   spire_record_get_uuid (w->bergen));
  g_assert_cmpstr (spire_record_get_text (w->food, "cohort"), ==, w->cohort_uuid);
  reload (w->window);

  /* The challenges directory exported: what it shows, in its order. */
  rows = export_directory (w, w->challenge_path);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Title");
  g_assert_cmpstr (((char **) rows->pdata[1])[0], ==, "Mindre matsvinn i skolen");
  g_assert_cmpstr (((char **) rows->pdata[1])[column_of (rows->pdata[0], "Owner")], ==,
                   "Bergen kommune");
  g_assert_cmpstr (((char **) rows->pdata[2])[0], ==, "Smartere snømåking");
  g_assert_cmpstr (_spire_record_list_page_get_last_toast (w->directory), ==,
                   "Exported 2 challenges to “challenges.csv”");
}

/* 3. 80 applications from a CSV file with Norwegian headers. */
static void
walk_import (Walk *w)
{
  SpireCsvImportDialog *dialog;
  SpireCsvPreview *preview;

  w->csv_path = write_applications_csv ("Smartere snømåking", "Mindre matsvinn i skolen");
  {
    g_autoptr (GFile) file = g_file_new_for_path (w->csv_path);

    spire_import_file_present (GTK_WINDOW (w->window), w->store, SPIRE_COHORT (w->cohort), file);
  }
  g_assert_true (gui_fixture_wait (dialog_shown, NULL, GUI_FIXTURE_TIMEOUT_MS));
  dialog = SPIRE_CSV_IMPORT_DIALOG (import_dialog ());
  g_assert_true (SPIRE_IS_CSV_IMPORT_DIALOG (dialog));
  g_assert_true (gui_fixture_wait (csv_idle, dialog, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpstr (_spire_csv_import_dialog_get_cohort_uuid (dialog), ==, w->cohort_uuid);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 0), ==, SPIRE_CSV_STARTUP_NAME);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 1), ==, SPIRE_CSV_STARTUP_ORGNR);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 4), ==,
                   SPIRE_CSV_APPLICATION_CHALLENGE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.next", NULL);
  g_assert_true (gui_fixture_wait (csv_idle, dialog, GUI_FIXTURE_TIMEOUT_MS));
  gui_fixture_drain ();
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
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_application, "cohort", w->cohort_uuid),
                   ==, N_APPLICATIONS);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_application, "challenge",
                                      spire_record_get_uuid (w->snow)), ==, N_APPLICATIONS / 2);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_application, "challenge",
                                      spire_record_get_uuid (w->food)), ==, N_APPLICATIONS / 2);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_startup, NULL, NULL), ==,
                   N_APPLICATIONS);
}

/* The startups directory exported with a search: only what it shows. */
static void
walk_export_startups (Walk *w)
{
  g_autoptr (GPtrArray) rows = NULL;

  reload (w->window);
  g_assert_true (spire_sidebar_select_directory (w->sidebar, "startups"));
  gui_fixture_wait_records (w->directory);
  g_assert_cmpuint (g_list_model_get_n_items (_spire_record_list_page_get_shown (w->directory)), ==,
                    N_APPLICATIONS);
  gtk_editable_set_text (_spire_record_list_page_get_search_entry (w->directory), "kvitfj");
  g_assert_true (gui_fixture_wait (list_page_shows_one, w->directory, GUI_FIXTURE_TIMEOUT_MS));
  rows = export_directory (w, w->dir_export_path);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) rows->pdata[1])[column_of (rows->pdata[0], "Name")], ==,
                   "Kvitfjell Robotikk AS");
  g_clear_pointer (&rows, g_ptr_array_unref);
  gtk_editable_set_text (_spire_record_list_page_get_search_entry (w->directory), "");
  g_assert_true (gui_fixture_wait (list_page_shows_all, w->directory, GUI_FIXTURE_TIMEOUT_MS));

  /* … and in its order: by name, Z to A. */
  {
    GtkColumnView *view = _spire_record_list_page_get_column_view (w->directory);
    g_autoptr (GtkColumnViewColumn) name = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                  0);

    gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  }
  rows = export_directory (w, w->dir_export_path);
  g_assert_cmpuint (rows->len, ==, 1 + N_APPLICATIONS);
  {
    int name = column_of (rows->pdata[0], "Name");
    int orgnr = column_of (rows->pdata[0], "Organisation number");

    g_assert_cmpstr (((char **) rows->pdata[1])[name], ==, "Nordlys 80 AS");
    g_assert_cmpstr (((char **) rows->pdata[N_APPLICATIONS])[name], ==, "Kvitfjell Robotikk AS");
    /* Organisation numbers as programs read them: nine digits. */
    g_assert_cmpuint (strlen (((char **) rows->pdata[1])[orgnr]), ==, 9);
  }
  g_assert_cmpstr (_spire_record_list_page_get_last_toast (w->directory), ==,
                   "Exported 80 startups to “startups.csv”");
}

/* 4. One application found by part of its startup's name. */
static void
walk_search (Walk *w)
{
  g_assert_true (spire_sidebar_select_cohort (w->sidebar, w->cohort_uuid));
  reload (w->window);
  g_assert_cmpstr (_spire_window_get_content_page (w->window), ==, "cohort");
  g_assert_cmpuint (g_list_model_get_n_items (spire_cohort_page_get_applications (w->page)), ==,
                    N_APPLICATIONS);
  gtk_editable_set_text (_spire_cohort_page_get_search_entry (w->page), "kvitfjell rob");
  g_assert_true (gui_fixture_wait (cohort_page_shows_one, w->page, GUI_FIXTURE_TIMEOUT_MS));
  {
    g_autoptr (SpireRecord) app = g_list_model_get_item (G_LIST_MODEL (spire_cohort_page_get_model (w->page)), 0);
    g_autoptr (SpireRecord) startup = spire_store_get (w->store, &spire_kind_startup,
                                                       spire_record_get_text (app, "startup"),
                                                       NULL);

    g_assert_cmpstr (spire_record_get_text (app, "title"), ==, "Forslag 42");
    g_assert_cmpstr (spire_record_get_text (startup, "name"), ==, "Kvitfjell Robotikk AS");
    w->found_uuid = g_strdup (spire_record_get_uuid (app));
  }
  gtk_editable_set_text (_spire_cohort_page_get_search_entry (w->page), "");
  g_assert_true (gui_fixture_wait (cohort_page_shows_all, w->page, GUI_FIXTURE_TIMEOUT_MS));
}

/* 5. Ten rejected with one reason, through the bulk status change. */
static void
walk_reject (Walk *w)
{
  GtkSelectionModel *selection = spire_cohort_page_get_model (w->page);
  GListModel *shown = G_LIST_MODEL (spire_cohort_page_get_model (w->page));
  g_autoptr (GPtrArray) rejected = g_ptr_array_new_with_free_func (g_free);

  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (shown, i);

      gtk_selection_model_select_item (selection, i, FALSE);
      g_ptr_array_add (rejected, g_strdup (spire_record_get_uuid (r)));
    }
  gtk_widget_activate_action (GTK_WIDGET (w->page), "cohort.change-status", NULL);
  g_assert_true (SPIRE_IS_DECISION_DIALOG (gui_fixture_find_message_dialog ()));
  spire_decision_dialog_set_status (SPIRE_DECISION_DIALOG (gui_fixture_find_message_dialog ()), "rejected");
  spire_decision_dialog_set_reason (SPIRE_DECISION_DIALOG (gui_fixture_find_message_dialog ()), REASON);
  g_assert_true (adw_message_dialog_get_response_enabled (gui_fixture_find_message_dialog (),
                                                          "apply"));
  adw_message_dialog_response (gui_fixture_find_message_dialog (), "apply");
  gtk_window_destroy (GTK_WINDOW (gui_fixture_find_message_dialog ()));
  gui_fixture_drain ();
  g_assert_null (gui_fixture_find_message_dialog ());
  g_assert_cmpuint (count_status (w->store, w->cohort_uuid, "rejected"), ==, 10);
  for (guint i = 0; i < rejected->len; i++)
    {
      g_autoptr (SpireRecord) r = spire_store_get (w->store, &spire_kind_application,
                                                   rejected->pdata[i], NULL);
      g_autoptr (GPtrArray) decisions = spire_store_list (w->store, &spire_kind_decision,
                                                          "application", rejected->pdata[i], NULL);

      g_assert_cmpstr (spire_record_get_text (r, "status"), ==, "rejected");
      g_assert_cmpuint (decisions->len, ==, 1);
      g_assert_cmpstr (spire_record_get_text (decisions->pdata[0], "reason"), ==, REASON);
    }
  reload (w->window);
}

/* 6. One (not rejected) deleted, then brought back with its UUID. */
static void
walk_delete_and_undo (Walk *w)
{
  g_autoptr (GError) error = NULL;
  GtkSelectionModel *selection = spire_cohort_page_get_model (w->page);
  GListModel *shown = G_LIST_MODEL (spire_cohort_page_get_model (w->page));
  g_autofree char *deleted_uuid = NULL;
  g_autofree char *deleted_title = NULL;
  RowWatch watch = { w->page, NULL };

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
  watch.uuid = deleted_uuid;
  gtk_widget_activate_action (GTK_WIDGET (w->page), "cohort.delete-applications", NULL);
  g_assert_true (gui_fixture_wait (row_gone, &watch, GUI_FIXTURE_TIMEOUT_MS));
  {
    g_autoptr (SpireRecord) gone = spire_store_get (w->store, &spire_kind_application,
                                                    deleted_uuid, NULL);

    g_assert_null (gone);
  }
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_application, "cohort", w->cohort_uuid),
                   ==, N_APPLICATIONS - 1);
  reload (w->window);
  g_assert_cmpuint (g_list_model_get_n_items (spire_cohort_page_get_applications (w->page)), ==,
                    N_APPLICATIONS - 1);
  /* At once, while the status toast is still hiding: libadwaita 1.2 used
   * to abort here when the undo dismissed the delete toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w->window), "win.undo", NULL));
  g_assert_true (gui_fixture_wait (row_back, &watch, GUI_FIXTURE_TIMEOUT_MS));
  {
    g_autoptr (SpireRecord) back = spire_store_get (w->store, &spire_kind_application,
                                                    deleted_uuid, &error);

    g_assert_no_error (error);
    g_assert_nonnull (back);
    g_assert_cmpstr (spire_record_get_text (back, "title"), ==, deleted_title);
    g_assert_cmpstr (spire_record_get_text (back, "cohort"), ==, w->cohort_uuid);
  }
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_application, "cohort", w->cohort_uuid),
                   ==, N_APPLICATIONS);
  reload (w->window);
  g_assert_cmpuint (g_list_model_get_n_items (spire_cohort_page_get_applications (w->page)), ==,
                    N_APPLICATIONS);
}

/* 7. The list exported as CSV and read back: 80 rows, ten rejected. */
static void
walk_export_cohort (Walk *w)
{
  g_autoptr (GPtrArray) rows = NULL;

  gtk_selection_model_unselect_all (spire_cohort_page_get_model (w->page));
  gtk_widget_activate_action (GTK_WIDGET (w->page), "cohort.export-csv-to", "s", w->export_path);
  g_assert_true (gui_fixture_wait (cohort_page_not_exporting, w->page, GUI_FIXTURE_TIMEOUT_MS));
  rows = read_csv (w->export_path, w->separator);
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
  g_assert_true (widget_shows (GTK_WIDGET (w->window),
                               "Exported 80 applications to “søknader-eksport.csv”"));

  /* The found one is still there. */
  {
    g_autoptr (SpireRecord) r = spire_store_get (w->store, &spire_kind_application, w->found_uuid,
                                                 NULL);

    g_assert_nonnull (r);
  }
}

static void
test_walkthrough (void)
{
  g_autofree char *db_path = g_build_filename (tmpdir, "walkthrough.db", NULL);
  g_autoptr (GError) error = NULL;
  Walk w = { 0 };

  w.export_path = g_build_filename (tmpdir, "søknader-eksport.csv", NULL);
  w.dir_export_path = g_build_filename (tmpdir, "startups.csv", NULL);
  w.challenge_path = g_build_filename (tmpdir, "challenges.csv", NULL);
  w.separator = spire_csv_separator_for_language (spire_language_current ());
  w.store = spire_store_open (db_path, &error);
  g_assert_no_error (error);
  w.window = spire_window_new (app);
  _spire_window_set_store (w.window, w.store);
  gtk_window_present (GTK_WINDOW (w.window));
  gui_fixture_wait_allocated (w.window);
  /* The window reads the store in an idle. */
  gui_fixture_drain ();
  w.sidebar = _spire_window_get_sidebar (w.window);
  w.page = _spire_window_get_cohort_page (w.window);
  w.directory = _spire_window_get_directory_page (w.window);

  walk_program_and_cohort (&w);
  walk_public_bodies (&w);
  walk_challenges (&w);
  walk_import (&w);
  walk_export_startups (&w);
  walk_search (&w);
  walk_reject (&w);
  walk_delete_and_undo (&w);
  walk_export_cohort (&w);

  gui_fixture_destroy_window (w.window);
  g_unlink (w.csv_path);
  g_unlink (w.export_path);
  g_unlink (w.dir_export_path);
  g_unlink (w.challenge_path);
  g_free (w.csv_path);
  g_free (w.export_path);
  g_free (w.dir_export_path);
  g_free (w.challenge_path);
  g_free (w.found_uuid);
  g_clear_object (&w.program);
  g_clear_object (&w.cohort);
  g_clear_object (&w.oslo);
  g_clear_object (&w.bergen);
  g_clear_object (&w.snow);
  g_clear_object (&w.food);
  g_clear_object (&w.store);
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
