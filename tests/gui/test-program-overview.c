/* test-program-overview.c — a program's overview in the window: selecting
 * the program in the sidebar shows core's impact, its funnel, deals per
 * procedure and its solutions with their buyers; the program's board holds
 * all its deals; the page fits in 360 px; a program without deals or
 * investment says what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-program-overview"

#include "config.h"

#include <math.h>
#include <string.h>

#include "followup/spire-program-overview-private.h"
#include "gui-fixture.h"
#include "records/spire-records-private.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"

#define HERO_SOLUTION "Trygg hjemme – digitalt tilsyn"

static SpireApp *app;

typedef struct
{
  char *dir;
  SpireStore *store;
  SpireWindow *window;
  char *program; /* the program that sold the welfare-technology solution */
} F;

/* The program whose impact lists the hero solution. */
static char *
hero_program (SpireStore *store)
{
  g_autoptr (GPtrArray) programs = spire_store_list (store, &spire_kind_program, NULL, NULL, NULL);

  for (guint i = 0; i < programs->len; i++)
    {
      const char *uuid = spire_record_get_uuid (programs->pdata[i]);
      g_autoptr (SpireImpact) impact = spire_program_impact (store, uuid, NULL);

      for (guint s = 0; impact && s < impact->solutions->len; s++)
        if (g_str_equal (((SpireSolutionReach *) impact->solutions->pdata[s])->name,
                         HERO_SOLUTION))
          return g_strdup (uuid);
    }
  g_assert_not_reached ();
}

static void
f_setup (F *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = gui_fixture_isolate ();
  path = g_build_filename (f->dir, "programs.db", NULL);
  /* A file, so that the impact and the cards are read in a worker. */
  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gui_fixture_fill (f->store, &error));
  f->program = hero_program (f->store);
  f->window = spire_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  _spire_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_fixture_wait_allocated (f->window);
  /* The window reads the store in an idle. */
  gui_fixture_drain ();
}

static void
f_teardown (F *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  while ((dialog = gui_fixture_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->store);
  g_free (f->program);
  g_free (f->dir);
}

static gboolean
overview_loaded (gpointer data)
{
  SpireProgramOverview *overview = data;

  return !spire_program_overview_is_loading (overview) &&
         spire_program_overview_get_impact (overview) != NULL;
}

static gboolean
board_loaded (gpointer data)
{
  return !spire_followup_page_is_loading (data);
}

/* Selects @program in the sidebar, as a click or the arrow keys do, and
 * waits for its overview. */
static SpireProgramOverview *
select_program (F *f, const char *program)
{
  SpireSidebar *sidebar = _spire_window_get_sidebar (f->window);
  SpireProgramOverview *overview = _spire_window_get_program_overview (f->window);
  GtkListBoxRow *row;

  g_assert_true (spire_sidebar_select_program (sidebar, program));
  g_assert_cmpstr (spire_sidebar_get_selected_program (sidebar), ==, program);
  g_assert_null (spire_sidebar_get_selected_cohort (sidebar));
  g_assert_cmpstr (spire_sidebar_get_current_program (sidebar), ==, program);
  g_assert_cmpstr (_spire_window_get_content_page (f->window), ==, "program");
  /* The heading is a row the keyboard reaches and Enter activates. */
  row = gtk_list_box_get_selected_row (_spire_sidebar_get_list (sidebar));
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
  g_assert_cmpstr (spire_program_overview_get_program (overview), ==, program);
  g_assert_true (gui_fixture_wait (overview_loaded, overview, GUI_FIXTURE_TIMEOUT_MS));
  return overview;
}

static void
assert_money (SpireProgramOverview *overview, const char *key, gint64 ore)
{
  g_autofree char *expected = spire_format_money (ore, spire_language_current ());

  g_assert_cmpstr (_spire_program_overview_get_number (overview, key), ==, expected);
}

/* The numbers are core's, formatted; the hero solution has its 57 buyers
 * from St. Hanshaugen on. */
static void
test_numbers (F *f, gconstpointer data)
{
  SpireProgramOverview *overview = select_program (f, f->program);
  g_autoptr (SpireImpact) impact = spire_program_impact (f->store, f->program, NULL);
  const SpireImpact *shown = spire_program_overview_get_impact (overview);
  g_autofree char *ratio = spire_format_number (impact->ratio_realised, 2,
                                                spire_language_current ());
  SpireSolutionReach *hero = NULL;
  SpireSolutionRow *row;

  g_assert_cmpint (shown->invested, ==, impact->invested);
  g_assert_cmpint (shown->signed_value, ==, impact->signed_value);
  g_assert_cmpint (shown->weighted_pipeline, ==, impact->weighted_pipeline);
  g_assert_cmpint (shown->gains_expected, ==, impact->gains_expected);
  g_assert_cmpint (shown->gains_realised, ==, impact->gains_realised);
  assert_money (overview, "invested", impact->invested);
  assert_money (overview, "signed", impact->signed_value);
  assert_money (overview, "pipeline", impact->weighted_pipeline);
  assert_money (overview, "expected", impact->gains_expected);
  assert_money (overview, "realised", impact->gains_realised);
  g_assert_true (isfinite (impact->ratio_realised));
  g_assert_cmpstr (_spire_program_overview_get_number (overview, "ratio"), ==, ratio);
  g_assert_cmpuint (_spire_program_overview_count_procedures (overview), ==,
                    g_hash_table_size (impact->by_procedure));

  for (guint i = 0; i < impact->solutions->len; i++)
    {
      SpireSolutionReach *reach = impact->solutions->pdata[i];

      row = _spire_program_overview_find_solution (overview, reach->name);
      g_assert_nonnull (row);
      g_assert_cmpuint (spire_solution_row_get_n_buyers (row), ==, reach->buyers->len);
      if (g_str_equal (reach->name, HERO_SOLUTION))
        hero = reach;
    }
  g_assert_nonnull (hero);
  row = _spire_program_overview_find_solution (overview, HERO_SOLUTION);
  g_assert_cmpuint (spire_solution_row_get_n_buyers (row), ==, 57);
  g_assert_cmpstr (((SpireBuyer *) hero->buyers->pdata[0])->body_name, ==,
                   "Bydel St. Hanshaugen");
}

/* The program's board holds every deal of the program, read in a worker;
 * going back to a cohort shows the cohort again. */
static void
test_board (F *f, gconstpointer data)
{
  SpireFollowupPage *board = _spire_window_get_program_board (f->window);
  g_autoptr (GPtrArray) deals = spire_deals_list (f->store, NULL, f->program, NULL, NULL);
  g_autoptr (GPtrArray) cohorts = spire_store_list (f->store, &spire_kind_cohort, NULL, NULL,
                                                    NULL);
  const char *const *stages = spire_deal_stages ();
  guint total = 0;

  select_program (f, f->program);
  g_assert_true (gui_fixture_wait (board_loaded, board, GUI_FIXTURE_TIMEOUT_MS));
  for (guint i = 0; stages[i]; i++)
    total += g_list_model_get_n_items (spire_followup_page_get_stage_model (board, stages[i]));
  g_assert_cmpuint (total, ==, deals->len);
  g_assert_cmpuint (total, >, 57);

  g_assert_true (spire_sidebar_select_cohort (_spire_window_get_sidebar (f->window),
                                              spire_record_get_uuid (cohorts->pdata[0])));
  g_assert_null (spire_sidebar_get_selected_program (_spire_window_get_sidebar (f->window)));
  g_assert_cmpstr (_spire_window_get_content_page (f->window), ==, "cohort");
  /* The program's deals are let go, and read again when it is chosen again. */
  g_assert_null (spire_program_overview_get_program (_spire_window_get_program_overview (f->window)));
  select_program (f, f->program);
  g_assert_true (gui_fixture_wait (board_loaded, board, GUI_FIXTURE_TIMEOUT_MS));
  total = 0;
  for (guint i = 0; stages[i]; i++)
    total += g_list_model_get_n_items (spire_followup_page_get_stage_model (board, stages[i]));
  g_assert_cmpuint (total, ==, deals->len);
}

/* The program stays shown when the store changes, and its numbers follow. */
static void
test_follows_changes (F *f, gconstpointer data)
{
  SpireProgramOverview *overview = select_program (f, f->program);
  g_autoptr (GPtrArray) cohorts = spire_store_list (f->store, &spire_kind_cohort, "program",
                                                    f->program, NULL);
  g_autoptr (SpireImpact) after = NULL;
  g_autoptr (GError) error = NULL;
  SpireRecord *cohort = cohorts->pdata[0];
  gint64 invested = spire_record_get_int (cohort, "invested");

  spire_record_set_int (cohort, "invested",
                        (invested == SPIRE_INT_NONE ? 0 : invested) + 100000000);
  g_assert_true (spire_store_update (f->store, cohort, &error));
  g_assert_no_error (error);
  _spire_window_reload_now (f->window);
  /* The overview reloads in an idle, then reads on a worker. */
  gui_fixture_drain ();
  g_assert_true (gui_fixture_wait (overview_loaded, overview, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpstr (spire_sidebar_get_selected_program (_spire_window_get_sidebar (f->window)),
                   ==, f->program);
  g_assert_cmpstr (_spire_window_get_content_page (f->window), ==, "program");
  after = spire_program_impact (f->store, f->program, NULL);
  g_assert_cmpint (spire_program_overview_get_impact (overview)->invested, ==, after->invested);
  assert_money (overview, "invested", after->invested);
}

/* A new program: no deals, no investment; the page says how to record them. */
static void
test_empty (F *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);
  SpireProgramOverview *overview;

  spire_record_set_text (program, "name", "Tomt program");
  spire_record_set_text (program, "kind", "accelerator");
  g_assert_true (spire_store_insert (f->store, program, &error));
  g_assert_no_error (error);
  _spire_window_reload_now (f->window);
  overview = select_program (f, spire_record_get_uuid (program));
  g_assert_cmpuint (spire_program_overview_get_impact (overview)->n_deals, ==, 0);
  g_assert_cmpuint (_spire_program_overview_count_procedures (overview), ==, 0);
  /* The ratio says there is none, and the hint names the field. */
  g_assert_cmpstr (_spire_program_overview_get_number (overview, "ratio"), ==, "No ratio");
  g_assert_true (_spire_program_overview_get_hint_visible (overview));
  g_assert_true (_spire_program_overview_get_no_deals_visible (overview));
  /* With no cohort there is no cohort's menu to point at (it did): the
   * hint names the program's menu, and its button makes the first cohort
   * of this program, whose form has the "Invested" field. */
  g_assert_false (gui_fixture_label_shows (GTK_WIDGET (overview), "cohort’s menu"));
  g_assert_true (gui_fixture_label_shows (GTK_WIDGET (overview), "New Cohort… in the program’s menu"));
  {
    GtkWidget *label = gui_fixture_find_label (GTK_WIDGET (overview), "New Cohort…", TRUE);
    GtkWidget *button = label ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;
    SpireRecordEditor *editor;

    g_assert_nonnull (button);
    gtk_widget_activate (button);
    editor = SPIRE_RECORD_EDITOR (gui_fixture_wait_window (SPIRE_TYPE_RECORD_EDITOR));
    g_assert_cmpstr (_spire_record_editor_get_text (editor, "program"), ==,
                     spire_record_get_uuid (program));
    g_assert_nonnull (_spire_record_editor_get_row (editor, "invested"));
    gtk_window_destroy (GTK_WINDOW (editor));
  }
}

/* At 360 px: the overview and the board fit. */
static void
test_narrow (F *f, gconstpointer data)
{
  int minimum = 0, natural = 0;

  select_program (f, f->program);
  gtk_widget_measure (GTK_WIDGET (_spire_window_get_program_overview (f->window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_widget_measure (GTK_WIDGET (_spire_window_get_program_board (f->window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* In a window of 360 px the leaflet folds; Enter on the program's heading
 * (its row activated) shows the overview in place of the sidebar. */
static void
test_folded (F *f, gconstpointer data)
{
  SpireWindow *window = spire_window_new (app);
  AdwLeaflet *leaflet = _spire_window_get_leaflet (window);
  SpireSidebar *sidebar = _spire_window_get_sidebar (window);
  GtkListBox *list = _spire_sidebar_get_list (sidebar);
  GtkListBoxRow *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  _spire_window_set_store (window, f->store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_fixture_wait (is_folded, leaflet, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (spire_sidebar_select_program (sidebar, f->program));
  row = gtk_list_box_get_selected_row (list);
  g_signal_emit_by_name (list, "row-activated", row);
  gui_fixture_drain ();
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "program");
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (sidebar),
                                          adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (_spire_window_get_program_overview (window)),
                                         adw_leaflet_get_visible_child (leaflet)));
  gui_fixture_destroy_window (window);
}

int
main (int argc, char **argv)
{
  int ret;

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = spire_app_new ("no.spire.Spire.ProgramOverviewTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
#define ADD(path, fn) g_test_add (path, F, NULL, f_setup, fn, f_teardown)
  ADD ("/program-overview/numbers", test_numbers);
  ADD ("/program-overview/board", test_board);
  ADD ("/program-overview/follows-changes", test_follows_changes);
  ADD ("/program-overview/empty", test_empty);
  ADD ("/program-overview/narrow", test_narrow);
  ADD ("/program-overview/folded", test_folded);
#undef ADD
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
