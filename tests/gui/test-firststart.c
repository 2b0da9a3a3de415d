/* test-firststart.c — the first hour: the window's start, the empty
 * database's actions and the first steps, Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-firststart"

#define _GNU_SOURCE /* memmem: a PDF holds NUL bytes */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gui-fixture.h"
#include "preferences/spire-preferences-window.h"
#include "reports/spire-report-dialog.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"
#include "start/spire-first-steps.h"

static SpireApp *app;
static char *tmpdir;

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

  if (dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_destroy_window (window);
}

/* The page's big buttons (pills) under @widget that are on screen, in order. */
static void
collect_actions (GtkWidget *widget, GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "pill"))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_actions (child, out);
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
menu_has_action (GMenuModel *model, const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static SpireFirstSteps *
first_steps (void)
{
  return SPIRE_FIRST_STEPS (gui_fixture_find_window (SPIRE_TYPE_FIRST_STEPS));
}

static void
type_into (SpireFirstSteps *steps, const char *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (_spire_first_steps_get_row (steps, row)), text);
}

static void
press_next (SpireFirstSteps *steps)
{
  gtk_widget_activate_action (GTK_WIDGET (steps), "first-steps.next", NULL);
}

static SpireRecord *
only (SpireStore *store, const SpireKind *kind)
{
  g_autoptr (GPtrArray) all = spire_store_list (store, kind, NULL, NULL, NULL);

  g_assert_nonnull (all);
  g_assert_cmpuint (all->len, ==, 1);
  return g_object_ref (g_ptr_array_index (all, 0));
}

static char *
days_from_today (int days)
{
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (today, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* An empty database offers, in this order, to create a program (the
 * suggested action), to import and to load sample data; "Create a Program"
 * walks through the program, its first cohort and its first challenge,
 * and ends on the new cohort, open for applications. */
static void
test_empty_first_steps (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) challenge = NULL;
  g_autoptr (SpireRecord) owner = NULL;
  g_autofree char *today = days_from_today (0);
  g_autofree char *deadline = days_from_today (42);
  SpireWindow *window;
  SpireFirstSteps *steps;

  g_assert_no_error (error);
  window = window_for (store);
  g_assert_cmpstr (_spire_window_get_page (window), ==, "empty");

  collect_actions (gtk_stack_get_visible_child (_spire_window_get_main_stack (window)), buttons);
  g_assert_cmpuint (buttons->len, ==, 3);
  g_assert_cmpstr (gtk_actionable_get_action_name (buttons->pdata[0]), ==, "win.new-program");
  g_assert_true (gtk_widget_has_css_class (buttons->pdata[0], "suggested-action"));
  g_assert_cmpstr (gtk_button_get_label (buttons->pdata[0]), ==, "_Create a Program");
  /* Enter creates it: the focus is on it */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == buttons->pdata[0]);
  g_assert_cmpstr (gtk_actionable_get_action_name (buttons->pdata[1]), ==, "win.import");
  g_assert_cmpstr (gtk_actionable_get_action_name (buttons->pdata[2]), ==,
                   "win.load-sample-data");
  g_assert_false (gtk_widget_has_css_class (buttons->pdata[2], "suggested-action"));

  gtk_widget_activate_action (GTK_WIDGET (buttons->pdata[0]), "win.new-program", NULL);
  steps = first_steps ();
  g_assert_nonnull (steps);
  g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "program");

  /* 1. The program: nothing to create without a name. */
  press_next (steps);
  g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "program");
  g_assert_cmpint (spire_store_count (store, &spire_kind_program, NULL, NULL), ==, 0);
  type_into (steps, "program-name", "  Smart Kommune ");
  press_next (steps);
  program = only (store, &spire_kind_program);
  g_assert_cmpstr (spire_record_get_text (program, "name"), ==, "Smart Kommune");
  g_assert_cmpstr (spire_record_get_text (program, "kind"), ==, "accelerator");

  /* 2. Its first cohort, with defaults: open today, six weeks to apply. */
  g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "cohort");
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (_spire_first_steps_get_row (steps, "cohort-name"))), !=,
    "");
  type_into (steps, "deadline", "sometime");
  press_next (steps);
  g_assert_nonnull (_spire_first_steps_get_message (steps));
  g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "cohort");
  g_assert_cmpint (spire_store_count (store, &spire_kind_cohort, NULL, NULL), ==, 0);
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autoptr (GDateTime) then = g_date_time_add_days (now, 42);
    g_autofree char *text = g_date_time_format (then, "%d.%m.%Y");

    type_into (steps, "deadline", text);
  }
  type_into (steps, "cohort-name", "Vår 2027");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (_spire_first_steps_get_row (steps, "seats")), 12);
  press_next (steps);
  cohort = only (store, &spire_kind_cohort);
  g_assert_cmpstr (spire_record_get_text (cohort, "name"), ==, "Vår 2027");
  g_assert_cmpstr (spire_record_get_text (cohort, "program"), ==, spire_record_get_uuid (program));
  g_assert_cmpstr (spire_record_get_text (cohort, "phase"), ==, "open");
  g_assert_cmpstr (spire_record_get_text (cohort, "opens_on"), ==, today);
  g_assert_cmpstr (spire_record_get_text (cohort, "application_deadline"), ==, deadline);
  g_assert_cmpint (spire_record_get_int (cohort, "seats"), ==, 12);

  /* 3. Its first challenge, with a public body made for it. */
  g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "challenge");
  type_into (steps, "challenge-title", "Smartere snømåking");
  press_next (steps);
  g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "challenge");
  g_assert_cmpint (spire_store_count (store, &spire_kind_challenge, NULL, NULL), ==, 0);
  type_into (steps, "owner", "Bærum kommune");
  type_into (steps, "need", "Fortauene brøytes for sent.");
  press_next (steps);
  g_assert_cmpstr (first_steps () ? _spire_first_steps_get_message (steps) : NULL, ==, NULL);
  gui_fixture_drain ();
  g_assert_null (first_steps ());
  challenge = only (store, &spire_kind_challenge);
  owner = only (store, &spire_kind_public_body);
  g_assert_cmpstr (spire_record_get_text (owner, "name"), ==, "Bærum kommune");
  g_assert_cmpstr (spire_record_get_text (owner, "kind"), ==, "municipality");
  g_assert_cmpstr (spire_record_get_text (challenge, "title"), ==, "Smartere snømåking");
  g_assert_cmpstr (spire_record_get_text (challenge, "cohort"), ==, spire_record_get_uuid (cohort));
  g_assert_cmpstr (spire_record_get_text (challenge, "owner"), ==, spire_record_get_uuid (owner));
  g_assert_cmpstr (spire_record_get_text (challenge, "need"), ==, "Fortauene brøytes for sent.");

  /* The window shows the new cohort. */
  g_assert_cmpstr (_spire_window_get_page (window), ==, "main");
  g_assert_nonnull (spire_sidebar_get_selected_cohort (_spire_window_get_sidebar (window)));
  g_assert_cmpstr (spire_record_get_uuid (SPIRE_RECORD (spire_sidebar_get_selected_cohort (
                     _spire_window_get_sidebar (window)))),
                   ==, spire_record_get_uuid (cohort));
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "cohort");
  close_window (window);
}

/* Ctrl+N on an empty database starts the first steps, and so does the
 * main menu (the sidebar's "+" is hidden there); "Skip" after the program
 * leaves just the program, shown in the window. */
static void
test_ctrl_n_and_menu (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new");
  g_autoptr (SpireRecord) program = NULL;
  SpireWindow *window;
  SpireFirstSteps *steps;
  GtkMenuButton *menu;

  g_assert_no_error (error);
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>n");
  window = window_for (store);
  g_assert_cmpstr (_spire_window_get_page (window), ==, "empty");

  menu = find_menu_button (gtk_stack_get_visible_child (_spire_window_get_main_stack (window)));
  g_assert_nonnull (menu);
  /* The menu is made when first opened. */
  gtk_menu_button_popup (menu);
  gtk_menu_button_popdown (menu);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu), "win.new-program"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu), "app.preferences"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  steps = first_steps ();
  g_assert_nonnull (steps);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (steps)) == GTK_WINDOW (window));
  type_into (steps, "program-name", "Helse Innovasjon");
  press_next (steps);
  g_assert_cmpstr (spire_first_steps_get_step (steps), ==, "cohort");
  gtk_widget_activate_action (GTK_WIDGET (steps), "first-steps.skip", NULL);
  gui_fixture_drain ();
  g_assert_null (first_steps ());
  program = only (store, &spire_kind_program);
  g_assert_cmpint (spire_store_count (store, &spire_kind_cohort, NULL, NULL), ==, 0);
  g_assert_cmpstr (_spire_window_get_page (window), ==, "main");
  g_assert_cmpstr (spire_sidebar_get_selected_program (_spire_window_get_sidebar (window)), ==,
                   spire_record_get_uuid (program));

  /* With a program there, the main menu's New Program is the program form. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-program", NULL);
  g_assert_null (first_steps ());
  g_assert_nonnull (gui_fixture_find_window (g_type_from_name ("SpireRecordEditor")));
  gtk_window_destroy (gui_fixture_find_window (g_type_from_name ("SpireRecordEditor")));
  close_window (window);
}

typedef struct
{
  GPtrArray *pages;
  SpireWindow *window;
} Watch;

static void
on_page_cb (GtkStack *stack, GParamSpec *pspec, Watch *w)
{
  g_ptr_array_add (w->pages, g_strdup (gtk_stack_get_visible_child_name (stack)));
}

static gboolean
data_shown (gpointer data)
{
  SpireWindow *window = data;
  guint n_programs = 0, n_cohorts = 0;

  _spire_sidebar_count_rows (_spire_window_get_sidebar (window), &n_programs, &n_cohorts);
  return g_str_equal (_spire_window_get_page (window), "main") && n_cohorts > 0;
}

/* Starting on a good database never shows the error page, not even for a
 * frame: the window waits on its loading page until the data shows. */
static void
test_start_without_error (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "start.db", NULL);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  Watch w = { g_ptr_array_new_with_free_func (g_free), NULL };

  {
    g_autoptr (SpireStore) store = spire_store_open (path, &error);

    g_assert_no_error (error);
    gui_fixture_fill_by_hand (store, 30, &error);
    g_assert_no_error (error);
  }
  g_settings_set_string (settings, "last-database", path);

  /* What SpireApp's activate does. */
  w.window = spire_window_new (app);
  g_ptr_array_add (w.pages, g_strdup (_spire_window_get_page (w.window)));
  g_signal_connect (_spire_window_get_main_stack (w.window), "notify::visible-child-name",
                    G_CALLBACK (on_page_cb), &w);
  gtk_window_present (GTK_WINDOW (w.window));
  spire_window_open_last (w.window);
  g_assert_true (gui_fixture_wait (data_shown, w.window, GUI_FIXTURE_TIMEOUT_MS));
  /* A while after: no error page comes later either (nothing tells when
   * one could). */
  gui_fixture_spin (300);

  g_assert_cmpstr (w.pages->pdata[0], ==, "loading");
  for (guint i = 0; i < w.pages->len; i++)
    g_assert_cmpstr (w.pages->pdata[i], !=, "error");
  g_assert_cmpstr (_spire_window_get_page (w.window), ==, "main");
  g_signal_handlers_disconnect_by_func (_spire_window_get_main_stack (w.window), on_page_cb, &w);
  close_window (w.window);
  g_ptr_array_unref (w.pages);
  g_settings_reset (settings, "last-database");
}

static gboolean
report_written (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
on_written_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Preferences (Ctrl+comma, "app.preferences") change what reports and the
 * follow-up use: the PDF's author, the export dialog's language, the days
 * before a deal is stale. */
static void
test_preferences (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "app.preferences");
  g_autofree char *pdf = g_build_filename (tmpdir, "cohort.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) written = NULL;
  SpirePreferencesWindow *prefs;
  SpireReportDialog *dialog;
  SpireWindow *window;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  gui_fixture_fill_by_hand (store, 10, &error);
  g_assert_no_error (error);
  window = window_for (store);
  g_assert_cmpint (spire_settings_get_stale_days (), ==, SPIRE_STALE_DAYS);
  g_assert_null (spire_settings_dup_author ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = SPIRE_PREFERENCES_WINDOW (gui_fixture_find_window (SPIRE_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  gtk_editable_set_text (
    GTK_EDITABLE (_spire_preferences_window_get_editor (prefs, "operator-name")), "Kari Nordmann");
  gtk_spin_button_set_value (
    GTK_SPIN_BUTTON (_spire_preferences_window_get_editor (prefs, "stale-deal-days")), 30);
  adw_combo_row_set_selected (
    ADW_COMBO_ROW (_spire_preferences_window_get_editor (prefs, "report-language")), 2);
  gtk_window_destroy (GTK_WINDOW (prefs));
  gui_fixture_drain ();

  /* The follow-up's threshold, as core reads it. */
  g_assert_cmpint (spire_settings_get_stale_days (), ==, 30);

  /* The export dialog starts in the language chosen (Nynorsk). */
  cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, NULL);
  dialog = spire_report_dialog_new (GTK_WIDGET (window), store, SPIRE_REPORT_KIND_COHORT,
                                    spire_record_get_uuid (cohorts->pdata[0]), "kull");
  g_assert_cmpint (spire_report_dialog_get_language (dialog), ==, SPIRE_LANGUAGE_NN);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The PDF names the operator as its author. */
  spire_report_write_async (store, SPIRE_REPORT_KIND_COHORT,
                            spire_record_get_uuid (cohorts->pdata[0]), NULL, SPIRE_LANGUAGE_EN,
                            pdf, NULL, NULL, NULL, on_written_cb, &result);
  g_assert_true (gui_fixture_wait (report_written, &result, 60000));
  written = spire_report_write_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_nonnull (memmem (contents, length, "/Author (Kari Nordmann)", 23));

  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "operator-name");
    g_settings_reset (settings, "stale-deal-days");
    g_settings_reset (settings, "report-language");
  }
  g_assert_null (spire_settings_dup_author ());
  g_assert_cmpint (spire_settings_get_stale_days (), ==, SPIRE_STALE_DAYS);
  close_window (window);
}

/* The window run from the build tree, as `_build/src/gui/spire` without
 * SPIRE_LOCALEDIR, reads the build's catalogs: this test program is in the
 * build tree too and sets up gettext the same way (spire_locale_dir ()). */
static void
test_build_tree_language (void)
{
  g_autofree char *po = g_build_filename (SPIRE_BUILD_ROOT, "po", NULL);
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE")); /* set by main */
  const char *nb;

  g_assert_null (g_getenv ("SPIRE_LOCALEDIR"));
  g_assert_cmpstr (spire_locale_dir (), ==, po);
  bindtextdomain (GETTEXT_PACKAGE, spire_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "nb", TRUE);
  setlocale (LC_ALL, ""); /* gettext forgets what it looked up before */
  nb = g_dgettext (GETTEXT_PACKAGE, "_Create a Program");
  g_setenv ("LANGUAGE", old_language, TRUE);
  setlocale (LC_ALL, "");
  g_assert_cmpstr (nb, ==, "_Opprett et program");
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  /* Set before any thread, so that /firststart/build-tree-language only
   * replaces it: adding a variable while threads read the environment can
   * crash (gui-fixture.c, isolate_process). */
  if (g_getenv ("LANGUAGE") == NULL)
    g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.FirstStartTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/firststart/empty-first-steps", test_empty_first_steps);
  g_test_add_func ("/firststart/ctrl-n-and-menu", test_ctrl_n_and_menu);
  g_test_add_func ("/firststart/start-without-error", test_start_without_error);
  g_test_add_func ("/firststart/preferences", test_preferences);
  g_test_add_func ("/firststart/build-tree-language", test_build_tree_language);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
