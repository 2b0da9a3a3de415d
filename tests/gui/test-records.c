/* test-records.c — the record editor, deleting with undo, the sidebar's
 * program and cohort management and the directory pages, driven through
 * their actions and widgets; what counts is what the store holds after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-records"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "common/spire-undo.h"
#include "gui-fixture.h"
#include "records/spire-records-private.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"

/* The directory reads in a worker and makes its rows from an idle. */
static void
wait_directory (SpireWindow *window)
{
  gui_fixture_wait_records (_spire_window_get_directory_page (window));
}

static SpireApp *app;

static SpireStore *
filled_store (void)
{
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_new_memory (&error);

  g_assert_no_error (error);
  gui_fixture_fill_by_hand (store, 40, &error);
  g_assert_no_error (error);
  return store;
}

static SpireWindow *
window_for (SpireStore *store)
{
  SpireWindow *window = spire_window_new (app);

  _spire_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  gui_fixture_wait_window_read (window);
  return window;
}

static void
close_window (SpireWindow *window)
{
  AdwMessageDialog *dialog = gui_fixture_find_message_dialog ();
  SpireRecordEditor *editor = SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));

  if (dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (editor)
    gtk_window_destroy (GTK_WINDOW (editor));
  gui_fixture_destroy_window (window);
}

static SpireRecord *
find_by (SpireStore *store, const SpireKind *kind, const char *field, const char *value)
{
  g_autoptr (GPtrArray) all = spire_store_list (store, kind, field, value, NULL);

  g_assert_nonnull (all);
  return all->len == 1 ? g_object_ref (g_ptr_array_index (all, 0)) : NULL;
}

static SpireRecord *
insert (SpireStore *store, const SpireKind *kind, ...)
{
  g_autoptr (SpireRecord) r = spire_record_new (kind);
  g_autoptr (GError) error = NULL;
  const char *field;
  va_list ap;

  va_start (ap, kind);
  while ((field = va_arg (ap, const char *)) != NULL)
    {
      const SpireField *f = spire_kind_field (kind, field);

      if (f->type == SPIRE_FIELD_INT)
        spire_record_set_int (r, field, va_arg (ap, gint64));
      else if (f->type == SPIRE_FIELD_REAL)
        spire_record_set_real (r, field, va_arg (ap, double));
      else
        spire_record_set_text (r, field, va_arg (ap, const char *));
    }
  va_end (ap);
  g_assert_true (spire_store_insert (store, r, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&r);
}

static gboolean
has_error (SpireRecordEditor *editor, const char *field)
{
  return gtk_widget_has_css_class (_spire_record_editor_get_row (editor, field), "error");
}

static gboolean
editor_gone (gpointer data)
{
  return SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR)) == NULL;
}

/* A new cohort through the form: Save follows validity; the store gets the values. */
static void
test_records_cohort_editor (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  g_autoptr (SpireRecord) program = find_by (store, &spire_kind_program, "name", "StartOff");
  g_autoptr (SpireRecord) cohort = NULL;
  SpireRecordEditor *editor;

  g_assert_nonnull (program);
  gtk_widget_activate_action (GTK_WIDGET (_spire_window_get_sidebar (window)), "sidebar.new-cohort",
                              "s", spire_record_get_uuid (program));
  editor = SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "program"), ==,
                   spire_record_get_uuid (program));
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "phase"), ==, "planning");
  g_assert_false (_spire_record_editor_can_save (editor)); /* no name, no seats */

  _spire_record_editor_set_text (editor, "name", "Høst 2027");
  _spire_record_editor_set_text (editor, "opens_on", "01.03.2027");
  _spire_record_editor_set_text (editor, "application_deadline", "2027-05-01");
  _spire_record_editor_set_text (editor, "starts_on", "15.06.2027");
  _spire_record_editor_set_text (editor, "blind", "true");

  /* Seats 0: refused, in words, on the row. */
  _spire_record_editor_set_text (editor, "seats", "0");
  g_assert_false (_spire_record_editor_can_save (editor));
  g_assert_true (has_error (editor, "seats"));
  g_assert_nonnull (_spire_record_editor_get_message (editor));
  g_assert_nonnull (strstr (_spire_record_editor_get_message (editor), "Seats"));
  _spire_record_editor_set_text (editor, "seats", "12");
  g_assert_true (_spire_record_editor_can_save (editor));
  g_assert_false (has_error (editor, "seats"));
  g_assert_null (_spire_record_editor_get_message (editor));

  /* The deadline after the start: refused until corrected. */
  _spire_record_editor_set_text (editor, "starts_on", "15.04.2027");
  g_assert_false (_spire_record_editor_can_save (editor));
  g_assert_true (has_error (editor, "starts_on"));
  _spire_record_editor_set_text (editor, "starts_on", "01.06.2027");
  g_assert_true (_spire_record_editor_can_save (editor));

  /* A date that is not one. */
  _spire_record_editor_set_text (editor, "ends_on", "31.02.2027");
  g_assert_false (_spire_record_editor_can_save (editor));
  g_assert_true (has_error (editor, "ends_on"));
  _spire_record_editor_set_text (editor, "ends_on", "");
  g_assert_true (_spire_record_editor_can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (gui_fixture_wait (editor_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));

  cohort = find_by (store, &spire_kind_cohort, "name", "Høst 2027");
  g_assert_nonnull (cohort);
  g_assert_cmpstr (spire_record_get_text (cohort, "program"), ==, spire_record_get_uuid (program));
  g_assert_cmpstr (spire_record_get_text (cohort, "phase"), ==, "planning");
  g_assert_cmpstr (spire_record_get_text (cohort, "opens_on"), ==, "2027-03-01");
  g_assert_cmpstr (spire_record_get_text (cohort, "application_deadline"), ==, "2027-05-01");
  g_assert_cmpstr (spire_record_get_text (cohort, "starts_on"), ==, "2027-06-01");
  g_assert_true (spire_record_is_null (cohort, "ends_on"));
  g_assert_cmpint (spire_record_get_int (cohort, "seats"), ==, 12);
  g_assert_true (spire_record_get_bool (cohort, "blind"));

  close_window (window);
}

/* Editing keeps what was not touched; closing with changes asks first. */
static void
test_records_edit_and_ask (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  g_autoptr (SpireRecord) cohort = find_by (store, &spire_kind_cohort, "name", "Runde 2026");
  g_autoptr (SpireRecord) after = NULL;
  SpireRecordEditor *editor;
  AdwMessageDialog *ask;

  gtk_widget_activate_action (GTK_WIDGET (_spire_window_get_sidebar (window)),
                              "sidebar.edit-cohort", "s", spire_record_get_uuid (cohort));
  editor = SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "seats"), ==, "6");
  _spire_record_editor_set_text (editor, "seats", "8");

  /* Escape asks: Cancel keeps the form, Save saves. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  ask = gui_fixture_find_message_dialog ();
  g_assert_nonnull (ask);
  adw_message_dialog_response (ask, "cancel");
  gui_fixture_drain ();
  g_assert_true (SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR)) == editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  ask = gui_fixture_find_message_dialog ();
  g_assert_nonnull (ask);
  adw_message_dialog_response (ask, "save");
  g_assert_true (gui_fixture_wait (editor_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));

  after = spire_store_get (store, &spire_kind_cohort, spire_record_get_uuid (cohort), NULL);
  g_assert_cmpint (spire_record_get_int (after, "seats"), ==, 8);
  g_assert_cmpstr (spire_record_get_text (after, "application_deadline"), ==, "2026-03-15");
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, "Runde 2026");

  close_window (window);
}

/* An invalid organisation number shows the error and keeps Save disabled. */
static void
test_records_orgnr (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  g_autoptr (SpireRecord) startup = NULL;
  SpireRecordEditor *editor;

  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "startups"));
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "directory");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  editor = SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));
  g_assert_nonnull (editor);

  _spire_record_editor_set_text (editor, "name", "Fjellvind AS");
  g_assert_true (_spire_record_editor_can_save (editor));
  _spire_record_editor_set_text (editor, "orgnr", "923609017");
  g_assert_false (_spire_record_editor_can_save (editor));
  g_assert_true (has_error (editor, "orgnr"));
  g_assert_nonnull (_spire_record_editor_get_message (editor));
  g_assert_true (g_str_has_prefix (_spire_record_editor_get_message (editor), "Organisation number"));

  _spire_record_editor_set_text (editor, "orgnr", "923609016");
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "orgnr"), ==, "923 609 016");
  g_assert_true (_spire_record_editor_can_save (editor));
  _spire_record_editor_set_text (editor, "founded", "23.11.2020");
  _spire_record_editor_set_text (editor, "employees", "7");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (gui_fixture_wait (editor_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  startup = find_by (store, &spire_kind_startup, "name", "Fjellvind AS");
  g_assert_nonnull (startup);
  g_assert_cmpstr (spire_record_get_text (startup, "orgnr"), ==, "923609016");
  g_assert_cmpstr (spire_record_get_text (startup, "founded"), ==, "2020-11-23");
  g_assert_cmpint (spire_record_get_int (startup, "employees"), ==, 7);

  close_window (window);
}

/* What every Delete in the GUI does (common/'s spire_delete_with_undo). */
static void
delete_one (SpireWindow *window, SpireStore *store, SpireRecord *record)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new ();

  g_ptr_array_add (records, record);
  spire_delete_with_undo (GTK_WIDGET (window), store, records);
}

static gboolean
can_undo (SpireWindow *window)
{
  return spire_undo_get_can_undo (spire_undo_for_widget (GTK_WIDGET (window)));
}

/* Delete without dependents → gone; Undo → back with the same UUID. */
static void
test_records_delete_undo (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  g_autoptr (SpireRecord) startup = insert (store, &spire_kind_startup, "name", "Ensom AS",
                                            "orgnr", "923609016", NULL);
  g_autofree char *uuid = g_strdup (spire_record_get_uuid (startup));
  g_autoptr (SpireRecord) back = NULL;

  g_assert_false (can_undo (window));
  delete_one (window, store, startup);
  g_assert_false (spire_store_exists (store, &spire_kind_startup, uuid));
  g_assert_true (can_undo (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (spire_store_exists (store, &spire_kind_startup, uuid));
  back = spire_store_get (store, &spire_kind_startup, uuid, NULL);
  g_assert_cmpstr (spire_record_get_text (back, "name"), ==, "Ensom AS");
  g_assert_cmpstr (spire_record_get_text (back, "orgnr"), ==, "923609016");
  g_assert_cmpstr (spire_record_get_text (back, "created_at"), ==,
                   spire_record_get_text (startup, "created_at"));
  g_assert_false (can_undo (window));

  close_window (window);
}

/* A rubric's criteria go with it (ON DELETE CASCADE) and come back with it. */
static void
test_records_delete_undo_parts (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  g_autoptr (SpireRecord) program = find_by (store, &spire_kind_program, "name", "StartOff");
  g_autoptr (SpireRecord) cohort = insert (store, &spire_kind_cohort, "program",
                                           spire_record_get_uuid (program), "name", "Tom",
                                           "phase", "planning", "seats", (gint64) 2, NULL);
  g_autoptr (SpireRecord) rubric = insert (store, &spire_kind_rubric, "cohort",
                                           spire_record_get_uuid (cohort), "scale_min", (gint64) 1,
                                           "scale_max", (gint64) 5, "aggregation", "mean",
                                           "normalisation", "none", "version", (gint64) 1, NULL);
  g_autoptr (SpireRecord) c1 = insert (store, &spire_kind_criterion, "rubric",
                                       spire_record_get_uuid (rubric), "position", (gint64) 1,
                                       "name", "Nytte", "weight", 2.0, "kind", "scored", NULL);
  g_autoptr (SpireRecord) c2 = insert (store, &spire_kind_criterion, "rubric",
                                       spire_record_get_uuid (rubric), "position", (gint64) 2,
                                       "name", "Team", "weight", 1.0, "kind", "scored", NULL);

  delete_one (window, store, rubric);
  g_assert_false (spire_store_exists (store, &spire_kind_rubric, spire_record_get_uuid (rubric)));
  g_assert_false (spire_store_exists (store, &spire_kind_criterion, spire_record_get_uuid (c1)));
  g_assert_false (spire_store_exists (store, &spire_kind_criterion, spire_record_get_uuid (c2)));

  g_assert_true (can_undo (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (can_undo (window));
  g_assert_true (spire_store_exists (store, &spire_kind_rubric, spire_record_get_uuid (rubric)));
  g_assert_true (spire_store_exists (store, &spire_kind_criterion, spire_record_get_uuid (c1)));
  g_assert_true (spire_store_exists (store, &spire_kind_criterion, spire_record_get_uuid (c2)));

  close_window (window);
}

/* A startup with applications is not deleted; the dialog says why. */
static void
test_records_delete_refused (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  g_autoptr (GPtrArray) apps = spire_store_list (store, &spire_kind_application, NULL, NULL, NULL);
  const char *startup_uuid = spire_record_get_text (g_ptr_array_index (apps, 0), "startup");
  g_autoptr (SpireRecord) startup = spire_store_get (store, &spire_kind_startup, startup_uuid, NULL);
  gint64 before = spire_store_count (store, &spire_kind_startup, NULL, NULL);
  AdwMessageDialog *dialog;
  const char *body;

  delete_one (window, store, startup);
  g_assert_true (spire_store_exists (store, &spire_kind_startup, startup_uuid));
  g_assert_cmpint (spire_store_count (store, &spire_kind_startup, NULL, NULL), ==, before);
  g_assert_false (can_undo (window));
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, spire_record_get_display_name (startup)));
  g_assert_nonnull (strstr (body, "cannot be deleted"));
  g_assert_nonnull (strstr (body, "application"));
  g_assert_nonnull (strstr (body, "Withdraw"));

  close_window (window);
}

typedef struct
{
  GListModel *model;
  guint n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (w->model) == w->n;
}

/* The startups page: all, then "aa" finds "Å…"; the count says so; Delete
 * on a selected row that can go deletes it. */
static void
test_records_directory (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  SpireRecordListPage *page = _spire_window_get_directory_page (window);
  gint64 total = spire_store_count (store, &spire_kind_startup, NULL, NULL);
  g_autoptr (GPtrArray) all = spire_store_list (store, &spire_kind_startup, NULL, NULL, NULL);
  g_autofree char *expect_all = g_strdup_printf ("%u startups", (guint) total);
  g_autofree char *expect_some = NULL;
  CountWait w;
  guint n_aa = 0;

  for (guint i = 0; i < all->len; i++)
    if (spire_search_matches (spire_record_get_display_name (g_ptr_array_index (all, i)), "aa"))
      n_aa++;
  g_assert_cmpuint (n_aa, >, 0);

  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "startups"));
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "directory");
  w.model = _spire_record_list_page_get_shown (page);
  w.n = (guint) total;
  g_assert_true (gui_fixture_wait (count_is, &w, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpstr (_spire_record_list_page_get_count_text (page), ==, expect_all);

  gtk_editable_set_text (_spire_record_list_page_get_search_entry (page), "aa");
  w.n = n_aa;
  g_assert_true (gui_fixture_wait (count_is, &w, GUI_FIXTURE_TIMEOUT_MS));
  expect_some = g_strdup_printf ("%u of %u startups", n_aa, (guint) total);
  g_assert_cmpstr (_spire_record_list_page_get_count_text (page), ==, expect_some);
  for (guint i = 0; i < n_aa; i++)
    g_assert_true (g_str_has_prefix (_spire_record_list_page_get_cell (page, i, 0), "Å"));

  /* A store change (a new startup named with Å) shows up, still filtered. */
  {
    g_autoptr (SpireRecord) s = insert (store, &spire_kind_startup, "name", "Åker Robotikk AS", NULL);

    _spire_window_reload_now (window);
    w.n = n_aa + 1;
    g_assert_true (gui_fixture_wait (count_is, &w, GUI_FIXTURE_TIMEOUT_MS));
    gtk_selection_model_select_item (_spire_record_list_page_get_selection (page), 0, TRUE);
    g_assert_cmpstr (_spire_record_list_page_get_cell (page, 0, 0), ==, "Åker Robotikk AS");
    gtk_widget_activate_action (GTK_WIDGET (page), "records.delete", NULL);
    g_assert_false (spire_store_exists (store, &spire_kind_startup, spire_record_get_uuid (s)));
    _spire_window_reload_now (window);
    w.n = n_aa;
    g_assert_true (gui_fixture_wait (count_is, &w, GUI_FIXTURE_TIMEOUT_MS));
  }

  /* Sorting by employees, numbers in order. */
  gtk_editable_set_text (_spire_record_list_page_get_search_entry (page), "");
  w.n = (guint) total;
  g_assert_true (gui_fixture_wait (count_is, &w, GUI_FIXTURE_TIMEOUT_MS));

  close_window (window);
}

/* The other directories show their own columns. */
static void
test_records_directory_public_bodies (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  SpireRecordListPage *page = _spire_window_get_directory_page (window);
  GListModel *shown = _spire_record_list_page_get_shown (page);
  gboolean found = FALSE;

  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "public_bodies"));
  wait_directory (window);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    if (g_str_equal (_spire_record_list_page_get_cell (page, i, 0), "Bydel Grünerløkka"))
      {
        found = TRUE;
        g_assert_cmpstr (_spire_record_list_page_get_cell (page, i, 1), ==, "City district");
        g_assert_cmpstr (_spire_record_list_page_get_cell (page, i, 4), ==, "Oslo kommune");
      }
  g_assert_true (found);

  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "challenges"));
  wait_directory (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 15);
  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "persons"));
  wait_directory (window);
  close_window (window);
}

/* Move to Next Phase asks, then changes the phase in the store. */
static void
test_records_next_phase (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  SpireSidebar *sidebar = _spire_window_get_sidebar (window);
  g_autoptr (SpireRecord) cohort = find_by (store, &spire_kind_cohort, "name", "Runde 2026");
  const char *uuid = spire_record_get_uuid (cohort);
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (SpireRecord) back = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpstr (spire_record_get_text (cohort, "phase"), ==, "open");
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.next-phase", "s", uuid);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "move");
  after = spire_store_get (store, &spire_kind_cohort, uuid, NULL);
  g_assert_cmpstr (spire_record_get_text (after, "phase"), ==, "screening");

  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.previous-phase", "s", uuid);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  back = spire_store_get (store, &spire_kind_cohort, uuid, NULL);
  g_assert_cmpstr (spire_record_get_text (back, "phase"), ==, "screening");

  close_window (window);
}

/* Deleting a program with cohorts is refused; the advice names the cohorts. */
static void
test_records_delete_program_refused (void)
{
  g_autoptr (SpireStore) store = filled_store ();
  SpireWindow *window = window_for (store);
  g_autoptr (SpireRecord) program = find_by (store, &spire_kind_program, "name", "StartOff");
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (_spire_window_get_sidebar (window)),
                              "sidebar.delete-program", "s", spire_record_get_uuid (program));
  g_assert_true (spire_store_exists (store, &spire_kind_program, spire_record_get_uuid (program)));
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cohorts first"));
  close_window (window);
}

/* Removes the database files in @dir, then @dir. */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* An erase runs in core's worker while a modal window says so: waits until
 * it is over (the window gone) and the page's list shows @name. */
typedef struct
{
  GListModel *model;
  const char *name;
} NameWait;

static GtkWindow *
busy_window (void)
{
  return gui_fixture_find_window (ADW_TYPE_WINDOW);
}

static gboolean
erase_done (gpointer data)
{
  NameWait *w = data;

  if (busy_window () != NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (w->model); i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (w->model, i);

      if (g_strcmp0 (spire_record_get_text (r, "name"), w->name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
confirmation_shown (gpointer data)
{
  return gui_fixture_find_message_dialog () != NULL && busy_window () == NULL;
}

/* The confirmation of a person's erase, once the preview's worker is done */
static AdwMessageDialog *
wait_erase_confirmation (void)
{
  g_assert_true (gui_fixture_wait (confirmation_shown, NULL, 30000));
  return gui_fixture_find_message_dialog ();
}

/* Right after Erase, before the worker can answer: the modal window with
 * its spinner says the erase runs. */
static void
assert_busy_shown (void)
{
  GtkWindow *busy = busy_window ();

  g_assert_nonnull (busy);
  g_assert_true (gtk_window_get_modal (busy));
  g_assert_cmpstr (gtk_window_get_title (busy), ==, "Erasing Personal Data…");
}

/* The People page's "Erase Personal Data…" lists where the person's data
 * occurs before it erases; Cancel changes nothing. */
static void
test_records_erase_person (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("spire-erase-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  /* A copy a migration left beside the file (the name take_backup makes) */
  g_autofree char *copy = g_strconcat (path, ".backup-v4-20260105T100000Z", NULL);
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  SpireWindow *window;
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  g_autoptr (SpireRecord) made = NULL;
  CountWait w = { NULL, 1 };
  SpireRecordListPage *page;
  GtkSelectionModel *selection;

  g_assert_no_error (error);
  gui_fixture_fill_by_hand (store, 40, &error);
  g_assert_no_error (error);
  made = insert (store, &spire_kind_person, "name", "Synnøve Kvitravn", "email",
                 "synnove@kvitravn.no", NULL);
  g_assert_true (g_file_set_contents (copy, "Synnøve Kvitravn", -1, NULL));
  window = window_for (store);
  page = _spire_window_get_directory_page (window);
  selection = _spire_record_list_page_get_selection (page);
  w.model = G_LIST_MODEL (selection);

  _spire_window_reload_now (window);
  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "persons"));
  wait_directory (window);
  g_assert_true (gui_fixture_wait (count_is, &w, GUI_FIXTURE_TIMEOUT_MS));
  person = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_assert_true (spire_record_equal (person, made));
  name = g_strdup (spire_record_get_text (person, "name"));
  pseudonym = spire_person_pseudonym (spire_record_get_uuid (person));
  gtk_selection_model_select_item (selection, 0, TRUE);

  /* The places are found on a worker (spire_person_erase_preview_async);
   * the confirmation comes when they are in */
  gtk_widget_activate_action (GTK_WIDGET (page), "records.erase-person", NULL);
  dialog = wait_erase_confirmation ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), pseudonym));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Person — Name (1)"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "1 older copy of the database, made before an upgrade"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "spire.db.backup-v4-20260105T100000Z"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Backups exported earlier"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog)); /* a response made in code leaves it open */
  after = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (person), NULL);
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, name);
  g_clear_object (&after);

  gtk_widget_activate_action (GTK_WIDGET (page), "records.erase-person", NULL);
  dialog = wait_erase_confirmation ();
  adw_message_dialog_response (dialog, "erase");
  /* Core's worker erases (spire_person_erase_async); the page then lists
   * the pseudonym */
  assert_busy_shown ();
  {
    NameWait nw = { G_LIST_MODEL (selection), pseudonym };

    g_assert_true (gui_fixture_wait (erase_done, &nw, 30000));
  }
  after = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (person), NULL);
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, pseudonym);
  g_assert_true (spire_record_is_null (after, "email"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  /* No error dialog came after the confirmation (which a response made in
   * code leaves open) */
  g_assert_true (gui_fixture_find_message_dialog () == dialog);

  close_window (window);
  g_clear_object (&store);
  remove_dir (dir);
}

/* "Erase Expired Personal Data…" lists who is due and the copy beside the
 * file, then erases them in core's worker; the page lists the pseudonym. */
static void
test_records_retention (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("spire-retention-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autofree char *copy = g_strconcat (path, ".backup-v4-20260105T100000Z", NULL);
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  SpireWindow *window;
  SpireRecordListPage *page;
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autofree char *pseudonym = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_no_error (error);
  gui_fixture_fill_by_hand (store, 40, &error);
  g_assert_no_error (error);
  program = insert (store, &spire_kind_program, "name", "Gammelt program", "kind", "accelerator",
                    NULL);
  cohort = insert (store, &spire_kind_cohort, "program", spire_record_get_uuid (program), "name",
                   "Kull 2020", "phase", "closed", "seats", (gint64) 2, "ends_on", "2020-01-31",
                   "retention_months", (gint64) 6, NULL);
  startup = insert (store, &spire_kind_startup, "name", "Avslag AS", NULL);
  person = insert (store, &spire_kind_person, "name", "Rita Avslått", NULL);
  app = insert (store, &spire_kind_application, "cohort", spire_record_get_uuid (cohort),
                "startup", spire_record_get_uuid (startup), "contact",
                spire_record_get_uuid (person), "title", "Sensorer", "status", "rejected", NULL);
  pseudonym = spire_person_pseudonym (spire_record_get_uuid (person));
  /* A copy a migration left beside the file (the name take_backup makes) */
  g_assert_true (g_file_set_contents (copy, "Rita Avslått", -1, NULL));
  window = window_for (store);
  page = _spire_window_get_directory_page (window);

  _spire_window_reload_now (window);
  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "persons"));
  wait_directory (window);
  gtk_widget_activate_action (GTK_WIDGET (page), "records.retention", NULL);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "This applicant was not accepted"));
  /* The people in a list that scrolls when they are many */
  {
    GtkWidget *scrolled = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
    GtkWidget *label = gtk_viewport_get_child (GTK_VIEWPORT (viewport));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                     "Rita Avslått (Kull 2020, kept until 31 Jul 2020)");
  }
  g_assert_nonnull (strstr (body, "1 older copy of the database, made before an upgrade"));
  g_assert_nonnull (strstr (body, "spire.db.backup-v4-20260105T100000Z"));
  g_assert_nonnull (strstr (body, "Backups exported earlier"));
  adw_message_dialog_response (dialog, "erase");
  assert_busy_shown ();
  /* Retention goes a person at a time: a progress bar and Cancel */
  g_assert_true (GTK_IS_PROGRESS_BAR (g_object_get_data (G_OBJECT (busy_window ()), "spire-bar")));
  {
    NameWait nw = { G_LIST_MODEL (_spire_record_list_page_get_selection (page)), pseudonym };

    g_assert_true (gui_fixture_wait (erase_done, &nw, 30000));
  }
  after = spire_store_get (store, &spire_kind_person, spire_record_get_uuid (person), NULL);
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, pseudonym);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  /* No error dialog came after the confirmation (which a response made in
   * code leaves open) */
  g_assert_true (gui_fixture_find_message_dialog () == dialog);

  close_window (window);
  g_clear_object (&store);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *tmpdir = gui_fixture_isolate ();
  int ret;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.RecordTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/records/cohort-editor", test_records_cohort_editor);
  g_test_add_func ("/records/edit-and-ask", test_records_edit_and_ask);
  g_test_add_func ("/records/orgnr", test_records_orgnr);
  g_test_add_func ("/records/delete-undo", test_records_delete_undo);
  g_test_add_func ("/records/delete-undo-parts", test_records_delete_undo_parts);
  g_test_add_func ("/records/delete-refused", test_records_delete_refused);
  g_test_add_func ("/records/delete-program-refused", test_records_delete_program_refused);
  g_test_add_func ("/records/directory", test_records_directory);
  g_test_add_func ("/records/directory-public-bodies", test_records_directory_public_bodies);
  g_test_add_func ("/records/next-phase", test_records_next_phase);
  g_test_add_func ("/records/erase-person", test_records_erase_person);
  g_test_add_func ("/records/retention", test_records_retention);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
