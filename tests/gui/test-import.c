/* test-import.c — files brought in through the import dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "import/spire-import-dialog-private.h"
#include "spire-app.h"

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
static GThread *main_thread;

/* Fixture */

typedef struct
{
  SpireStore *store;
  GtkWindow *window;
  SpireCohort *cohort;
  guint changed_main;  /* "changed" emissions seen in the main thread … */
  guint changed_other; /* … and in any other */
  char *challenge; /* a challenge of the cohort */
  char *db_path;
} Fixture;

/* Handlers of the store must run in the main thread, also while a worker
 * imports. */
static void
on_store_changed_cb (SpireStore *store, const char *table, gpointer user_data)
{
  Fixture *f = user_data;

  if (g_thread_self () == main_thread)
    f->changed_main++;
  else
    f->changed_other++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;

  f->db_path = g_strdup_printf ("%s/import-%u.db", tmpdir, n++);
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

  /* (a plain window: the import needs nothing of SpireWindow but its toasts) */
  f->window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_fixture_wait_allocated (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog = import_dialog ();

  if (dialog)
    gtk_window_destroy (dialog);
  gui_fixture_destroy_window (f->window);
  g_assert_cmpuint (f->changed_other, ==, 0);
  g_signal_handlers_disconnect_by_func (f->store, on_store_changed_cb, f);
  g_clear_object (&f->cohort);
  g_clear_object (&f->store);
  g_free (f->challenge);
  g_unlink (f->db_path);
  g_free (f->db_path);
}

/* Helpers */

/* A valid organisation number starting with the 8 digits of @base, or NULL
 * when no check digit exists for it. */
static char *
orgnr_from (guint base)
{
  static const int weights[] = { 3, 2, 7, 6, 5, 4, 3, 2 };
  g_autofree char *digits = g_strdup_printf ("%08u", base);
  int sum = 0, r;

  for (int i = 0; i < 8; i++)
    sum += (digits[i] - '0') * weights[i];
  r = sum % 11;
  if (r == 1)
    return NULL;
  return g_strdup_printf ("%s%d", digits, r == 0 ? 0 : 11 - r);
}

static char *
valid_orgnr (guint *base)
{
  char *orgnr;

  while ((orgnr = orgnr_from ((*base)++)) == NULL)
    ;
  return orgnr;
}

static GFile *
write_file_len (const char *name, const char *contents, gssize length)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
write_file (const char *name, const char *contents)
{
  return write_file_len (name, contents, -1);
}

/* Norwegian headers, a byte order mark, ";" and a value over two lines.
 * @bad_line3 gives the row on line 3 an organisation number with a wrong
 * check digit. */
static GFile *
write_applications_csv (Fixture *f, const char *name, gboolean bad_line3)
{
  g_autoptr (GString) csv = g_string_new ("\xef\xbb\xbf");
  guint base = 91234560;
  g_autofree char *a = valid_orgnr (&base);
  g_autofree char *b = valid_orgnr (&base);
  g_autofree char *c = valid_orgnr (&base);

  if (bad_line3)
    b[8] = b[8] == '9' ? '0' : b[8] + 1;
  g_string_append (csv, "Bedriftsnavn;Organisasjonsnummer;Kontaktperson;E-post;Utfordring;"
                        "Tittel;Kort beskrivelse;Hvordan hørte du om oss?\r\n");
  g_string_append_printf (csv, "Nordlys Teknologi AS;%s;Kari Nordmann;kari@nordlys.no;%s;"
                               "Snøkart;\"Første linje\r\nandre linje med \"\"sitat\"\"\";"
                               "LinkedIn\r\n",
                          a, f->challenge);
  g_string_append_printf (csv, "Fjordlys Robotics AS;%s;Ola Hansen;ola@fjordlys.no;%s;"
                               "Brøyteroboter;Roboter som brøyter;Nyhetsbrev\r\n",
                          b, f->challenge);
  g_string_append_printf (csv, "Polarlys Analytics AS;%s;Ingrid Berg;ingrid@polarlys.no;%s;"
                               "Matsvinn;Analyse av matsvinn;\r\n",
                          c, f->challenge);
  return write_file (name, csv->str);
}

static gboolean
dialog_shown (gpointer data)
{
  return import_dialog () != NULL;
}

static GtkWindow *
present (Fixture *f, GFile *file)
{
  spire_import_file_present (GTK_WINDOW (f->window), f->store, f->cohort, file);
  g_assert_true (gui_fixture_wait (dialog_shown, NULL, GUI_FIXTURE_TIMEOUT_MS));
  return import_dialog ();
}

static gboolean
csv_idle (gpointer data)
{
  return !_spire_csv_import_dialog_is_busy (data);
}

static void
wait_csv_idle (SpireCsvImportDialog *dialog)
{
  g_assert_true (gui_fixture_wait (csv_idle, dialog, GUI_FIXTURE_TIMEOUT_MS));
  gui_fixture_drain ();
}

static gint64
count_applications (Fixture *f)
{
  return spire_store_count (f->store, &spire_kind_application, "cohort",
                            spire_record_get_uuid (SPIRE_RECORD (f->cohort)));
}

static gboolean
dialog_gone (gpointer data)
{
  return import_dialog () == NULL;
}

/* With SPIRE_IMPORT_SHOTS=<folder>, a picture of the screen at the steps
 * worth looking at. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("SPIRE_IMPORT_SHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  /* For a person to look at (never in CI): the transitions over. */
  gui_fixture_spin (1200);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Tests */

static void
test_import_csv (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = write_applications_csv (f, "søknader.csv", FALSE);
  SpireCsvImportDialog *dialog;
  SpireCsvImport *import;
  SpireCsvPreview *preview;
  gint64 before = count_applications (f);
  int column;

  dialog = SPIRE_CSV_IMPORT_DIALOG (present (f, file));
  g_assert_true (SPIRE_IS_CSV_IMPORT_DIALOG (dialog));
  g_assert_cmpstr (_spire_csv_import_dialog_get_page (dialog), ==, "columns");
  g_assert_cmpstr (_spire_csv_import_dialog_get_cohort_uuid (dialog), ==,
                   spire_record_get_uuid (SPIRE_RECORD (f->cohort)));

  /* The columns come mapped from their headers. */
  import = _spire_csv_import_dialog_get_import (dialog);
  g_assert_cmpuint (spire_csv_import_get_separator (import), ==, ';');
  g_assert_cmpuint (spire_csv_import_get_n_columns (import), ==, 8);
  g_assert_cmpuint (spire_csv_import_get_n_rows (import), ==, 3);
  column = spire_csv_import_find_column (import, "Organisasjonsnummer");
  g_assert_cmpint (column, ==, 1);
  g_assert_cmpstr (spire_csv_import_get_mapping (import, column), ==, SPIRE_CSV_STARTUP_ORGNR);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, column), ==,
                   SPIRE_CSV_STARTUP_ORGNR);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 0), ==,
                   SPIRE_CSV_STARTUP_NAME);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 4), ==,
                   SPIRE_CSV_APPLICATION_CHALLENGE);
  /* "Hvordan hørte du om oss?" is kept as an extra answer. */
  g_assert_null (_spire_csv_import_dialog_get_row_target (dialog, 7));
  /* The multi-line value is read as one. */
  g_assert_nonnull (strstr (spire_csv_import_get_value (import, 0, 6), "andre linje med \"sitat\""));

  shot ("import-columns");

  /* The preview: three new applications and no problem. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.next", NULL);
  wait_csv_idle (dialog);
  g_assert_cmpstr (_spire_csv_import_dialog_get_page (dialog), ==, "preview");
  preview = _spire_csv_import_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpuint (preview->counts.applications_new, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (_spire_csv_import_dialog_get_rows (dialog)), ==, 3);
  g_assert_nonnull (strstr (_spire_csv_import_dialog_get_summary (dialog), "3 new applications"));
  g_assert_true (gtk_widget_get_sensitive (_spire_csv_import_dialog_get_import_button (dialog)));
  g_assert_true (gtk_widget_get_visible (_spire_csv_import_dialog_get_import_button (dialog)));
  shot ("import-preview");

  /* Import: the dialog closes and says what it did. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.import", NULL);
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpint (count_applications (f), ==, before + 3);
  g_assert_cmpstr (_spire_import_get_last_toast (), ==, "3 applications imported");
  g_assert_cmpuint (f->changed_main, >, 0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->window)));

  /* The same file again adds nothing. */
  dialog = SPIRE_CSV_IMPORT_DIALOG (present (f, file));
  wait_csv_idle (dialog);
  preview = _spire_csv_import_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->counts.applications_new, ==, 0);
  g_assert_cmpuint (preview->counts.applications_known, ==, 3);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
}

static void
test_import_csv_problem (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = write_applications_csv (f, "feil.csv", TRUE);
  SpireCsvImportDialog *dialog;
  SpireCsvPreview *preview;
  g_autoptr (GtkStringObject) first = NULL;
  gint64 before = count_applications (f);
  const char *text;

  dialog = SPIRE_CSV_IMPORT_DIALOG (present (f, file));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.next", NULL);
  wait_csv_idle (dialog);
  preview = _spire_csv_import_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->problems->len, ==, 1);

  /* The problem names its line (the first row spans lines 2 and 3) and column. */
  first = g_list_model_get_item (_spire_csv_import_dialog_get_problems (dialog), 0);
  text = gtk_string_object_get_string (first);
  g_test_message ("problem: %s", text);
  g_assert_true (g_str_has_prefix (text, "Line 4, “Organisasjonsnummer”: "));
  g_assert_false (gtk_widget_get_sensitive (_spire_csv_import_dialog_get_import_button (dialog)));
  shot ("import-problem");

  /* Import stays refused. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.import", NULL);
  /* A while in which an import would have begun: none does. */
  gui_fixture_spin (100);
  g_assert_cmpstr (_spire_csv_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpint (count_applications (f), ==, before);

  /* Ignoring the column checks again, and then nothing stops the import. */
  adw_combo_row_set_selected (_spire_csv_import_dialog_get_column_row (dialog, 1),
                              g_list_model_get_n_items (adw_combo_row_get_model (
                                  _spire_csv_import_dialog_get_column_row (dialog, 1)))
                                  - 1);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 1), ==,
                   SPIRE_CSV_TARGET_IGNORE);
  wait_csv_idle (dialog);
  preview = _spire_csv_import_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpstr (spire_csv_import_get_mapping (_spire_csv_import_dialog_get_import (dialog), 1),
                   ==, SPIRE_CSV_TARGET_IGNORE);
  g_assert_true (gtk_widget_get_sensitive (_spire_csv_import_dialog_get_import_button (dialog)));

  /* Mapping a target another column has moves it. */
  adw_combo_row_set_selected (_spire_csv_import_dialog_get_column_row (dialog, 5), 0);
  g_assert_cmpstr (_spire_csv_import_dialog_get_row_target (dialog, 5), ==, SPIRE_CSV_STARTUP_NAME);
  g_assert_null (_spire_csv_import_dialog_get_row_target (dialog, 0));
  wait_csv_idle (dialog);
  g_assert_cmpstr (spire_csv_import_get_mapping (_spire_csv_import_dialog_get_import (dialog), 5),
                   ==, SPIRE_CSV_STARTUP_NAME);
  g_assert_null (spire_csv_import_get_mapping (_spire_csv_import_dialog_get_import (dialog), 0));

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpint (count_applications (f), ==, before);
}

static gboolean
job_done (gpointer data)
{
  return g_strcmp0 (_spire_import_job_dialog_get_page (data), "result") == 0;
}

static void
test_import_brreg (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "brreg-search.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *text = NULL;
  SpireImportJobDialog *dialog;

  dialog = SPIRE_IMPORT_JOB_DIALOG (present (f, file));
  g_assert_true (SPIRE_IS_IMPORT_JOB_DIALOG (dialog));
  g_assert_cmpint (_spire_import_job_dialog_get_kind (dialog), ==, SPIRE_IMPORT_KIND_BRREG);
  g_assert_cmpstr (_spire_import_job_dialog_get_page (dialog), ==, "ask");
  shot ("import-brreg-ask");
  g_assert_cmpuint (adw_combo_row_get_selected (_spire_import_job_dialog_get_as_row (dialog)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-job.run", NULL);
  g_assert_true (gui_fixture_wait (job_done, dialog, GUI_FIXTURE_TIMEOUT_MS));
  text = _spire_import_job_dialog_get_result_text (dialog);
  g_test_message ("%s", text);
  g_assert_true (_spire_import_job_dialog_succeeded (dialog));
  g_assert_nonnull (strstr (text, "Created: "));
  g_assert_nonnull (strstr (text, "(966 131 861) is deleted in the register and was not imported"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->window)));
  shot ("import-brreg");

  found = spire_store_list (f->store, &spire_kind_startup, "orgnr", "959083010", NULL);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (spire_record_get_text (g_ptr_array_index (found, 0), "name"), ==,
                   "Fjordlys Robotics AS");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = spire_store_list (f->store, &spire_kind_startup, "orgnr", "966131861", NULL);
  g_assert_cmpuint (found->len, ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
}

static void
test_import_brreg_malformed (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "brreg-malformed.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gint64 before = spire_store_count (f->store, &spire_kind_startup, NULL, NULL);
  g_autofree char *text = NULL;
  GtkWindow *window = present (f, file);

  if (SPIRE_IS_IMPORT_JOB_DIALOG (window))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "import-job.run", NULL);
      g_assert_true (gui_fixture_wait (job_done, window, GUI_FIXTURE_TIMEOUT_MS));
      g_assert_false (_spire_import_job_dialog_succeeded (SPIRE_IMPORT_JOB_DIALOG (window)));
      text = _spire_import_job_dialog_get_result_text (SPIRE_IMPORT_JOB_DIALOG (window));
    }
  else
    {
      g_assert_true (ADW_IS_MESSAGE_DIALOG (window));
      text = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));
    }
  g_test_message ("%s", text);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, NULL, NULL), ==, before);
}

static void
test_import_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (tmpdir, "backup.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  SpireImportJobDialog *dialog;

  g_assert_true (spire_exchange_export_file (f->store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  dialog = SPIRE_IMPORT_JOB_DIALOG (present (f, file));
  g_assert_cmpint (_spire_import_job_dialog_get_kind (dialog), ==, SPIRE_IMPORT_KIND_BACKUP);
  g_assert_cmpstr (_spire_import_job_dialog_get_page (dialog), ==, "ask");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-job.run", NULL);
  g_assert_true (gui_fixture_wait (job_done, dialog, GUI_FIXTURE_TIMEOUT_MS));
  text = _spire_import_job_dialog_get_result_text (dialog);
  g_test_message ("%s", text);
  g_assert_true (_spire_import_job_dialog_succeeded (dialog));
  g_assert_nonnull (strstr (text, "Added: 0 · Updated: 0"));
}

/* A score sheet whose package this database never exported is refused. */
static void
test_import_sheet_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = write_file ("ark.json",
                                       "{\"format\": \"spire-score-sheet\", \"version\": 1}");
  g_autofree char *text = NULL;
  SpireImportJobDialog *dialog;

  dialog = SPIRE_IMPORT_JOB_DIALOG (present (f, file));
  g_assert_cmpint (_spire_import_job_dialog_get_kind (dialog), ==, SPIRE_IMPORT_KIND_SHEET);
  g_assert_true (gui_fixture_wait (job_done, dialog, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_false (_spire_import_job_dialog_succeeded (dialog));
  text = _spire_import_job_dialog_get_result_text (dialog);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Nothing Was Imported\n"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->window)));
}

static void
test_import_unknown (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) json = write_file ("noe-annet.json", "{ \"hello\": [1, 2, 3] }\n");
  g_autoptr (GFile) binary = write_file_len ("bilde.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  GtkWindow *window;

  window = present (f, json);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), ==,
                   "Spire does not know this kind of file");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)),
                            "noe-annet.json"));
  shot ("import-unknown");
  gtk_window_destroy (window);

  window = present (f, binary);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)),
                            "bilde.png"));
}

/* Nettskjema's export of 80 applications: its challenges are not this
 * cohort's, so the preview lists problems and refuses. */
static void
test_import_nettskjema (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "nettskjema-80.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  SpireCsvImportDialog *dialog;
  SpireCsvPreview *preview;

  dialog = SPIRE_CSV_IMPORT_DIALOG (present (f, file));
  g_assert_true (SPIRE_IS_CSV_IMPORT_DIALOG (dialog));
  wait_csv_idle (dialog);
  shot ("import-nettskjema-columns");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.next", NULL);
  wait_csv_idle (dialog);
  preview = _spire_csv_import_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->counts.rows, ==, 80);
  g_assert_cmpuint (g_list_model_get_n_items (_spire_csv_import_dialog_get_rows (dialog)), ==, 80);
  g_assert_cmpuint (g_list_model_get_n_items (_spire_csv_import_dialog_get_problems (dialog)), ==,
                    preview->problems->len);
  shot ("import-nettskjema-preview");
}

/* The templates instantiate without a store (as test-resources does). */
static void
test_import_templates (void)
{
  GType types[] = { SPIRE_TYPE_CSV_IMPORT_DIALOG, SPIRE_TYPE_IMPORT_JOB_DIALOG };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWindow *window = g_object_ref_sink (g_object_new (types[i], NULL));

      gtk_window_present (window);
      gui_fixture_wait_allocated (window);
      gtk_window_destroy (window);
      g_assert_finalize_object (window);
    }
}

int
main (int argc, char **argv)
{
  int ret;

  main_thread = g_thread_self ();
  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.ImportTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/import/templates", test_import_templates);
#define ADD(path, func) \
  g_test_add ("/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("csv", test_import_csv);
  ADD ("csv-problem", test_import_csv_problem);
  ADD ("nettskjema", test_import_nettskjema);
  ADD ("brreg", test_import_brreg);
  ADD ("brreg-malformed", test_import_brreg_malformed);
  ADD ("backup", test_import_backup);
  ADD ("sheet-refused", test_import_sheet_refused);
  ADD ("unknown", test_import_unknown);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
