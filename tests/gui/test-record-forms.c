/* test-record-forms.c — the record editor in the user's words: a title
 * that names the record, a date picked from the calendar, a kommune chosen
 * by name and stored as its number (its fylke shown), Brønnøysund's forms
 * of organisation, and reference pickers that search as you type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-record-forms"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "gui-fixture.h"
#include "common/spire-widget.h"
#include "evaluation/spire-conflict-dialog.h"
#include "evaluation/spire-panel-member-dialog.h"
#include "records/spire-records-private.h"
#include "spire-app.h"
#include "spire-window-private.h"

static SpireApp *app;

typedef struct
{
  SpireStore *store;
  SpireWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fx->store = spire_store_new_memory (&error);
  g_assert_no_error (error);
  gui_fixture_fill_by_hand (fx->store, 10, &error);
  g_assert_no_error (error);
  fx->window = spire_window_new (app);
  _spire_window_set_store (fx->window, fx->store);
  gtk_window_present (GTK_WINDOW (fx->window));
  gui_fixture_wait_allocated (fx->window);
  /* The window reads the store in an idle. */
  gui_fixture_drain ();
}

static void
fixture_tear_down (Fixture *fx, gconstpointer data)
{
  GtkWindow *editor = GTK_WINDOW (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));

  if (editor)
    gtk_window_destroy (editor);
  gui_fixture_destroy_window (fx->window);
  g_clear_object (&fx->store);
}

static SpireRecordEditor *
open_editor (Fixture *fx, const SpireKind *kind, SpireRecord *record)
{
  SpireRecordEditor *editor;

  spire_record_editor_present (GTK_WINDOW (fx->window), fx->store, kind, record, NULL);
  editor = SPIRE_RECORD_EDITOR (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

static gboolean
editor_gone (gpointer data)
{
  return gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR) == NULL;
}

static SpireRecord *
save_and_find (SpireRecordEditor *editor, SpireStore *store, const char *name)
{
  g_autoptr (GPtrArray) found = NULL;

  g_assert_true (_spire_record_editor_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (gui_fixture_wait (editor_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  found = spire_store_list (store, &spire_kind_startup, "name", name, NULL);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* The position of the item that reads @label in a dropdown's list. */
static guint
position_of (GtkDropDown *dropdown, const char *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A new record's form says what it makes; an existing one's says its name. */
static void
test_title (Fixture *fx, gconstpointer data)
{
  g_autoptr (GPtrArray) startups = spire_store_list (fx->store, &spire_kind_startup, NULL, NULL, NULL);
  SpireRecord *startup = g_ptr_array_index (startups, 0);
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_startup, NULL);
  g_autofree char *edit = g_strdup_printf ("Edit %s", spire_record_get_display_name (startup));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Startup");
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_fixture_drain ();

  editor = open_editor (fx, NULL, startup);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, edit);
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (editor)), "Startup"));
}

/* Enter in a field saves, as the form's Save button would. */
static void
test_enter_saves (Fixture *fx, gconstpointer data)
{
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_startup, NULL);
  GtkWidget *name = _spire_record_editor_get_widget (editor, "name");
  g_autoptr (GPtrArray) found = NULL;

  _spire_record_editor_set_text (editor, "name", "Enter AS");
  g_assert_true (_spire_record_editor_can_save (editor));
  /* what Enter in the field's text does */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (name)), "activate");
  g_assert_true (gui_fixture_wait (editor_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  found = spire_store_list (fx->store, &spire_kind_startup, "name", "Enter AS", NULL);
  g_assert_cmpuint (found->len, ==, 1);
}

/* A date picked in the calendar lands in the entry and in the store. */
static void
test_calendar (Fixture *fx, gconstpointer data)
{
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_startup, NULL);
  GtkCalendar *calendar = _spire_record_editor_get_calendar (editor, "founded");
  g_autoptr (GDateTime) day = g_date_time_new_local (2021, 3, 14, 0, 0, 0);
  g_autoptr (SpireRecord) saved = NULL;

  g_assert_nonnull (calendar);
  g_assert_null (_spire_record_editor_get_calendar (editor, "name"));
  _spire_record_editor_set_text (editor, "name", "Kalender AS");
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected"); /* as a click on the day */
  gui_fixture_drain ();
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "founded"), ==, "2021-03-14");

  saved = save_and_find (editor, fx->store, "Kalender AS");
  g_assert_cmpstr (spire_record_get_text (saved, "founded"), ==, "2021-03-14");
}

/* The calendar opens on the date the entry holds. */
static void
test_calendar_follows_entry (Fixture *fx, gconstpointer data)
{
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_startup, NULL);
  GtkCalendar *calendar;
  g_autoptr (GDateTime) shown = NULL;

  _spire_record_editor_set_text (editor, "founded", "23.11.2019");
  calendar = _spire_record_editor_get_calendar (editor, "founded");
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2019);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 23);
  /* opening it changes nothing */
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "founded"), ==, "23.11.2019");
}

/* A kommune is chosen by its name, searched as typed, and kept as its number. */
static void
test_kommune (Fixture *fx, gconstpointer data)
{
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_startup, NULL);
  GtkDropDown *dropdown = GTK_DROP_DOWN (_spire_record_editor_get_widget (editor, "kommunenummer"));
  AdwActionRow *row = ADW_ACTION_ROW (_spire_record_editor_get_row (editor, "kommunenummer"));
  g_autoptr (SpireRecord) saved = NULL;
  guint baerum;

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  g_assert_true (gtk_drop_down_get_enable_search (dropdown));
  /* None and the 357 kommuner, by name */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 358);
  g_assert_cmpuint (position_of (dropdown, "3201"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (position_of (dropdown, "Herøy (Nordland)"), !=, GTK_INVALID_LIST_POSITION);
  baerum = position_of (dropdown, "Bærum");
  g_assert_cmpuint (baerum, !=, GTK_INVALID_LIST_POSITION);

  _spire_record_editor_set_text (editor, "name", "Kommunal AS");
  gtk_drop_down_set_selected (dropdown, baerum);
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "kommunenummer"), ==, "3201");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Akershus");

  saved = save_and_find (editor, fx->store, "Kommunal AS");
  g_assert_cmpstr (spire_record_get_text (saved, "kommunenummer"), ==, "3201");

  /* opened again, it shows the name */
  editor = open_editor (fx, NULL, saved);
  dropdown = GTK_DROP_DOWN (_spire_record_editor_get_widget (editor, "kommunenummer"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, baerum);
}

/* An old number the table does not know (Ålesund 2020–2023) stays as it was through the form. */
static void
test_kommune_unknown_kept (Fixture *fx, gconstpointer data)
{
  g_autoptr (SpireRecord) old = spire_record_new (&spire_kind_startup);
  g_autoptr (SpireRecord) saved = NULL;
  g_autoptr (GError) error = NULL;
  SpireRecordEditor *editor;

  spire_record_set_text (old, "name", "Gammel AS");
  spire_record_set_text (old, "kommunenummer", "1507");
  spire_record_set_text (old, "organisasjonsform", "PRE");
  g_assert_true (spire_store_insert (fx->store, old, &error));
  g_assert_no_error (error);
  editor = open_editor (fx, NULL, old);
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "kommunenummer"), ==, "1507");
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "organisasjonsform"), ==, "PRE");
  _spire_record_editor_set_text (editor, "employees", "3");
  saved = save_and_find (editor, fx->store, "Gammel AS");
  g_assert_cmpstr (spire_record_get_text (saved, "kommunenummer"), ==, "1507");
  g_assert_cmpstr (spire_record_get_text (saved, "organisasjonsform"), ==, "PRE");
}

/* Organisasjonsform is a choice of Brønnøysund's codes, shown with names. */
static void
test_orgform (Fixture *fx, gconstpointer data)
{
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_startup, NULL);
  AdwComboRow *row = ADW_COMBO_ROW (_spire_record_editor_get_widget (editor, "organisasjonsform"));
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr (SpireRecord) saved = NULL;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), "ENK – Sole proprietorship"))
        {
          adw_combo_row_set_selected (row, i);
          found = TRUE;
        }
    }
  g_assert_true (found);
  _spire_record_editor_set_text (editor, "name", "Eneste ENK");
  saved = save_and_find (editor, fx->store, "Eneste ENK");
  g_assert_cmpstr (spire_record_get_text (saved, "organisasjonsform"), ==, "ENK");
}

/* A reference is picked from a list that searches as you type. */
static void
test_reference_search (Fixture *fx, gconstpointer data)
{
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_person, NULL);
  GtkWidget *startup = _spire_record_editor_get_widget (editor, "startup");
  GtkWidget *body = _spire_record_editor_get_widget (editor, "public_body");

  g_assert_true (GTK_IS_DROP_DOWN (startup));
  g_assert_true (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (startup)));
  g_assert_nonnull (gtk_drop_down_get_expression (GTK_DROP_DOWN (startup)));
  g_assert_true (GTK_IS_DROP_DOWN (body));
  g_assert_true (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (body)));
}

/* The first GtkDropDown under @widget, depth first. */
static GtkDropDown *
find_dropdown (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found = find_dropdown (c);

      if (found)
        return found;
    }
  return NULL;
}

/* The dialogs load as the panel part opens them (issue 11): shown at
 * once, their list read on a worker and handed over when read. */
static void
on_persons_read_cb (GObject *source, GAsyncResult *result, gpointer dialog)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = spire_store_list_finish (SPIRE_STORE (source), result, &error);

  g_assert_no_error (error);
  spire_panel_member_dialog_set_persons (dialog, persons);
  g_object_unref (dialog);
}

static void
on_applications_read_cb (GObject *source, GAsyncResult *result, gpointer dialog)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) queue = spire_application_queue_finish (SPIRE_STORE (source), result,
                                                                &error);

  g_assert_no_error (error);
  spire_conflict_dialog_set_applications (dialog, queue);
  g_object_unref (dialog);
}

static gboolean
member_dialog_loaded (gpointer dialog)
{
  return !spire_panel_member_dialog_is_loading (dialog);
}

static gboolean
conflict_dialog_loaded (gpointer dialog)
{
  return !spire_conflict_dialog_is_loading (dialog);
}

/* The panel's pickers of a person and of an application search as you type,
 * and what is picked is what the dialog answers. */
static void
test_panel_pickers_search (Fixture *fx, gconstpointer data)
{
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) applications = spire_store_list (fx->store, &spire_kind_application, NULL, NULL, NULL);
  g_autoptr (GPtrArray) queue = NULL;
  g_autoptr (GPtrArray) panel = g_ptr_array_new ();
  const char *cohort = NULL;
  GtkWidget *dialog;
  GtkDropDown *dropdown;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (SpireRecord) p = spire_record_new (&spire_kind_person);
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      spire_record_set_text (p, "name", name);
      g_assert_true (spire_store_insert (fx->store, p, NULL));
    }
  persons = spire_store_list (fx->store, &spire_kind_person, NULL, NULL, NULL);
  g_assert_cmpuint (persons->len, >, 1);
  dialog = GTK_WIDGET (spire_panel_member_dialog_new_loading (GTK_WIDGET (fx->window)));
  g_assert_true (spire_panel_member_dialog_is_loading (SPIRE_PANEL_MEMBER_DIALOG (dialog)));
  spire_store_list_async (fx->store, &spire_kind_person, NULL, NULL, NULL, on_persons_read_cb,
                          g_object_ref (dialog));
  g_assert_true (gui_fixture_wait (member_dialog_loaded, dialog, GUI_FIXTURE_TIMEOUT_MS));
  dropdown = find_dropdown (dialog);
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_drop_down_get_enable_search (dropdown));
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpstr (spire_panel_member_dialog_get_person (SPIRE_PANEL_MEMBER_DIALOG (dialog)), ==,
                   spire_record_get_uuid (g_ptr_array_index (persons, 1)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The applications of a cohort (the one with most), as the panel part's
   * dialog reads them */
  g_assert_cmpuint (applications->len, >, 1);
  {
    g_autoptr (GHashTable) n = g_hash_table_new (g_str_hash, g_str_equal);
    guint most = 0;

    for (guint i = 0; i < applications->len; i++)
      {
        const char *c = spire_record_get_text (applications->pdata[i], "cohort");
        guint k = GPOINTER_TO_UINT (g_hash_table_lookup (n, c)) + 1;

        g_hash_table_insert (n, (gpointer) c, GUINT_TO_POINTER (k));
        if (k > most)
          {
            most = k;
            cohort = c;
          }
      }
  }
  queue = spire_application_queue_read (fx->store, cohort, NULL);
  g_assert_nonnull (queue);
  g_assert_cmpuint (queue->len, >, 1);
  dialog = GTK_WIDGET (spire_conflict_dialog_new_loading (GTK_WIDGET (fx->window), fx->store,
                                                          panel));
  g_assert_true (spire_conflict_dialog_is_loading (SPIRE_CONFLICT_DIALOG (dialog)));
  spire_application_queue_async (fx->store, cohort, NULL, on_applications_read_cb,
                                 g_object_ref (dialog));
  g_assert_true (gui_fixture_wait (conflict_dialog_loaded, dialog, GUI_FIXTURE_TIMEOUT_MS));
  dropdown = find_dropdown (dialog);
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_drop_down_get_enable_search (dropdown));
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpstr (spire_conflict_dialog_get_application (SPIRE_CONFLICT_DIALOG (dialog)), ==,
                   spire_record_get_uuid (
                     ((SpireReviewQueueItem *) g_ptr_array_index (queue, 1))->application));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* In Bokmål (run with SPIRE_TEST_LANGUAGE=nb and the build tree's
 * translations): the titles in Norwegian words, a date picked written as
 * 14.03.2021, a spin button's number with a decimal comma. */
static void
test_nb (Fixture *fx, gconstpointer data)
{
  g_autoptr (GPtrArray) startups = spire_store_list (fx->store, &spire_kind_startup, NULL, NULL, NULL);
  SpireRecord *startup = g_ptr_array_index (startups, 0);
  SpireRecordEditor *editor = open_editor (fx, &spire_kind_startup, NULL);
  g_autofree char *edit = g_strdup_printf ("Rediger %s", spire_record_get_display_name (startup));
  g_autoptr (GDateTime) day = g_date_time_new_local (2021, 3, 14, 0, 0, 0);
  GtkCalendar *calendar = _spire_record_editor_get_calendar (editor, "founded");
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 10, 0.1);
  GtkWidget *holder;

  g_assert_cmpint (spire_language_current (), ==, SPIRE_LANGUAGE_NB);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Ny oppstartsbedrift");
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (_spire_record_editor_get_text (editor, "founded"), ==, "14.03.2021");
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_fixture_drain ();

  editor = open_editor (fx, NULL, startup);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, edit);

  gtk_window_destroy (GTK_WINDOW (editor));
  holder = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (holder), spin);
  gtk_window_present (GTK_WINDOW (holder));
  gui_fixture_wait_allocated (holder);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  spire_spin_button_follow_language (GTK_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1,5");
  gtk_editable_set_text (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "2,5"); /* typed */
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 2.5, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "2,5");
  gtk_window_destroy (GTK_WINDOW (holder));
}

int
main (int argc, char **argv)
{
  const char *language;
  g_autofree char *tmpdir = NULL;
  int ret;

  tmpdir = gui_fixture_isolate ();
  language = gui_fixture_language ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.RecordFormTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  if (language && g_str_equal (language, "nb"))
    {
      ADD ("/record-forms/nb", test_nb);
      ret = g_test_run ();
      g_clear_object (&app);
      return ret;
    }
  ADD ("/record-forms/title", test_title);
  ADD ("/record-forms/enter-saves", test_enter_saves);
  ADD ("/record-forms/calendar", test_calendar);
  ADD ("/record-forms/calendar-follows-entry", test_calendar_follows_entry);
  ADD ("/record-forms/kommune", test_kommune);
  ADD ("/record-forms/kommune-unknown-kept", test_kommune_unknown_kept);
  ADD ("/record-forms/orgform", test_orgform);
  ADD ("/record-forms/reference-search", test_reference_search);
  ADD ("/record-forms/panel-pickers-search", test_panel_pickers_search);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
