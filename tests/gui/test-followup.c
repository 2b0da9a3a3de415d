/* test-followup.c — the Follow-up view: the board shows each stage's deals,
 * a card moves to another column with the date and a note asked, and "no
 * deal" is not moved without a reason; the list shows the same deals,
 * filters and exports them; the deal editor saves fields, adds and passes
 * phases, exercises the purchase option (or says why not) and adds gains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-followup"

#include "config.h"

#include <string.h>

#include "followup/spire-deal-editor.h"
#include "followup/spire-deal-gain-dialog.h"
#include "followup/spire-deal-move-dialog.h"
#include "followup/spire-deal-phase-dialog.h"
#include "followup/spire-followup-page.h"
#include "gui-fixture.h"

typedef struct
{
  char *dir;
  SpireStore *store;
  GtkWindow *window;
  SpireFollowupPage *page;
  char *cohort;
} F;

/* The demo cohort with the most deals. */
static char *
busiest_cohort (SpireStore *store)
{
  g_autoptr (GPtrArray) cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, NULL);
  char *best = NULL;
  guint most = 0;

  for (guint i = 0; i < cohorts->len; i++)
    {
      const char *uuid = spire_record_get_uuid (cohorts->pdata[i]);
      g_autoptr (GPtrArray) deals = spire_deals_list (store, uuid, NULL, NULL, NULL);

      if (deals && deals->len > most)
        {
          most = deals->len;
          g_free (best);
          best = g_strdup (uuid);
        }
    }
  g_assert_nonnull (best);
  return best;
}

static gboolean
loaded (gpointer data)
{
  return !spire_followup_page_is_loading (data);
}

static void
f_setup (F *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = NULL;

  f->dir = gui_fixture_isolate ();
  path = g_build_filename (f->dir, "followup.db", NULL);
  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gui_fixture_fill (f->store, &error));
  f->cohort = busiest_cohort (f->store);
  cohort = spire_store_get (f->store, &spire_kind_cohort, f->cohort, &error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->page = SPIRE_FOLLOWUP_PAGE (spire_followup_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  spire_followup_page_set_store (f->page, f->store);
  g_assert_true (spire_followup_page_set_cohort (f->page, SPIRE_COHORT (cohort), &error));
  g_assert_true (gui_fixture_wait (loaded, f->page, GUI_FIXTURE_TIMEOUT_MS));
}

static void
f_teardown (F *f, gconstpointer data)
{
  AdwMessageDialog *dialog;
  GtkWindow *editor;

  while ((dialog = gui_fixture_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  while ((editor = gui_fixture_find_window (SPIRE_TYPE_DEAL_EDITOR)) != NULL)
    gtk_window_destroy (editor);
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->store);
  g_free (f->cohort);
  g_free (f->dir);
}

static gboolean
model_has (GListModel *model, const char *uuid)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (SpireDealCard) card = g_list_model_get_item (model, i);

      if (g_str_equal (spire_deal_card_get_uuid (card), uuid))
        return TRUE;
    }
  return FALSE;
}

/* A deal of the cohort in @stage (free it), or NULL. */
static char *
deal_in (F *f, const char *stage)
{
  g_autoptr (GPtrArray) deals = spire_deals_list (f->store, f->cohort, NULL, stage, NULL);

  return deals->len > 0 ? g_strdup (spire_record_get_uuid (deals->pdata[0])) : NULL;
}

static void
test_board_shows_every_stage (F *f, gconstpointer data)
{
  const char *const *stages = spire_deal_stages ();
  guint total = 0;

  for (guint i = 0; stages[i]; i++)
    {
      g_autoptr (GPtrArray) deals = spire_deals_list (f->store, f->cohort, NULL, stages[i], NULL);
      GListModel *model = spire_followup_page_get_stage_model (f->page, stages[i]);

      g_assert_nonnull (model);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, deals->len);
      for (guint d = 0; d < deals->len; d++)
        g_assert_true (model_has (model, spire_record_get_uuid (deals->pdata[d])));
      total += deals->len;
    }
  g_assert_cmpuint (total, >, 0);
}

static gboolean
in_signed_column (gpointer data)
{
  F *f = ((gpointer *) data)[0];
  const char *uuid = ((gpointer *) data)[1];

  return !spire_followup_page_is_loading (f->page) &&
         model_has (spire_followup_page_get_stage_model (f->page, "signed"), uuid);
}

/* Alt+→ on a card in negotiation: the date and a note asked, the deal is
 * signed in the store with an event, and the card is in the signed column. */
static void
test_move_card (F *f, gconstpointer data)
{
  g_autofree char *deal = deal_in (f, "negotiation");
  g_autoptr (SpireDealStatus) before = NULL;
  g_autoptr (SpireDealStatus) after = NULL;
  g_autoptr (SpireRecord) moved = NULL;
  AdwMessageDialog *dialog;
  SpireDealStep *last;
  gpointer pair[2];

  g_assert_nonnull (deal);
  before = spire_deal_get_status (f->store, deal, NULL, NULL);
  g_assert_true (spire_followup_page_select_deal (f->page, deal));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "followup.move-next", NULL));
  dialog = gui_fixture_find_message_dialog ();
  g_assert_true (SPIRE_IS_DEAL_MOVE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
  spire_deal_move_dialog_set_note (SPIRE_DEAL_MOVE_DIALOG (dialog), "Kontrakt signert");
  adw_message_dialog_response (dialog, "move");
  gui_fixture_drain ();

  moved = spire_store_get (f->store, &spire_kind_deal, deal, NULL);
  g_assert_cmpstr (spire_record_get_text (moved, "stage"), ==, "signed");
  after = spire_deal_get_status (f->store, deal, NULL, NULL);
  g_assert_cmpuint (after->steps->len, ==, before->steps->len + 1);
  last = after->steps->pdata[after->steps->len - 1];
  g_assert_cmpstr (last->stage, ==, "signed");
  g_assert_cmpstr (last->note, ==, "Kontrakt signert");

  pair[0] = f;
  pair[1] = deal;
  g_assert_true (gui_fixture_wait (in_signed_column, pair, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_false (model_has (spire_followup_page_get_stage_model (f->page, "negotiation"), deal));
}

/* "No deal" needs a reason: Move stays off without one, and Cancel changes
 * nothing. */
static void
test_no_deal_needs_reason (F *f, gconstpointer data)
{
  g_autofree char *deal = deal_in (f, "negotiation");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_nonnull (deal);
  before = spire_exchange_export_string (f->store, NULL);
  g_assert_true (spire_followup_page_select_deal (f->page, deal));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "followup.move-deal", "s", "no_deal");
  dialog = gui_fixture_find_message_dialog ();
  g_assert_true (SPIRE_IS_DEAL_MOVE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  spire_deal_move_dialog_set_reason (SPIRE_DEAL_MOVE_DIALOG (dialog), "Budsjettet ble kuttet");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
  spire_deal_move_dialog_set_date (SPIRE_DEAL_MOVE_DIALOG (dialog), "31.02.2026");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  adw_message_dialog_response (dialog, "cancel");
  gui_fixture_drain ();
  after = spire_exchange_export_string (f->store, NULL);
  /* Only the time of the export differs */
  g_assert_cmpstr (strstr (before, "\"programs\""), ==, strstr (after, "\"programs\""));
}

/* At 360 px the board scrolls sideways: the page fits. */
static void
test_narrow (F *f, gconstpointer data)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* The list: the same deals as the board; search and the stage filter */

static void
test_list_same_deals (F *f, gconstpointer data)
{
  SpireDealList *list = spire_followup_page_get_list (f->page);
  GListModel *shown = spire_deal_list_get_model (list);
  g_autoptr (GPtrArray) all = spire_deals_list (f->store, f->cohort, NULL, NULL, NULL);
  g_autoptr (GPtrArray) negotiating = spire_deals_list (f->store, f->cohort, NULL, "negotiation",
                                                        NULL);
  g_autoptr (SpireDealCard) first = NULL;
  g_autofree char *query = NULL;
  g_autofree char *folded = NULL;
  guint n;

  spire_followup_page_show_view (f->page, "list");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (model_has (shown, spire_record_get_uuid (all->pdata[i])));

  /* Search as you type: part of a startup's name, in capitals. */
  first = g_list_model_get_item (shown, 0);
  query = g_utf8_strup (spire_deal_card_get_startup (first), 5);
  folded = spire_search_fold (query);
  spire_deal_list_set_search (list, query);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >, 0);
  g_assert_true (model_has (shown, spire_deal_card_get_uuid (first)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireDealCard) card = g_list_model_get_item (shown, i);

      g_assert_nonnull (strstr (spire_deal_card_get_search_text (card), folded));
    }
  spire_deal_list_set_search (list, "no deal is called this");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  spire_deal_list_set_search (list, "");

  spire_deal_list_set_stage (list, "negotiation");
  g_assert_cmpuint (negotiating->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, negotiating->len);
  for (guint i = 0; i < negotiating->len; i++)
    g_assert_true (model_has (shown, spire_record_get_uuid (negotiating->pdata[i])));
  spire_deal_list_set_stage (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all->len);
}

static gboolean
not_exporting (gpointer data)
{
  return !spire_followup_page_is_exporting (data);
}

/* "Export as CSV" writes the rows the list shows, in its order. */
static void
test_list_export (F *f, gconstpointer data)
{
  SpireDealList *list = spire_followup_page_get_list (f->page);
  GListModel *shown = spire_deal_list_get_model (list);
  g_autofree char *path = g_build_filename (f->dir, "deals.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_lines = 0;
  guint n;

  spire_deal_list_set_stage (list, "negotiation");
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "followup.export-csv-to",
                                             "s", path));
  g_assert_true (gui_fixture_wait (not_exporting, f->page, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]))
      n_lines++;
  g_assert_cmpuint (n_lines, ==, n + 1); /* the header and the rows shown */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireDealCard) card = g_list_model_get_item (shown, i);

      g_assert_nonnull (strstr (lines[i + 1], spire_deal_card_get_buyer (card)));
      g_assert_nonnull (strstr (lines[i + 1], "Negotiation"));
    }
}

/* The deal editor */

static SpireDealEditor *
open_editor (F *f, const char *deal)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "followup.open-deal", "s",
                                             deal));
  editor = gui_fixture_wait_window (SPIRE_TYPE_DEAL_EDITOR);
  g_assert_cmpstr (spire_deal_editor_get_deal (SPIRE_DEAL_EDITOR (editor)), ==, deal);
  return SPIRE_DEAL_EDITOR (editor);
}

static void
test_editor_save (F *f, gconstpointer data)
{
  g_autofree char *deal = deal_in (f, "negotiation");
  SpireDealEditor *editor = open_editor (f, deal);
  g_autoptr (SpireRecord) saved = NULL;

  g_autoptr (SpireRecord) before = spire_store_get (f->store, &spire_kind_deal, deal, NULL);

  /* Save does nothing while a value is wrong. */
  g_assert_true (spire_deal_editor_set_field_text (editor, "value", "-5"));
  g_assert_false (spire_deal_editor_is_valid (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "deal.save", NULL);
  saved = spire_store_get (f->store, &spire_kind_deal, deal, NULL);
  g_assert_cmpint (spire_record_get_int (saved, "value"), ==,
                   spire_record_get_int (before, "value"));
  g_clear_object (&saved);
  g_assert_true (spire_deal_editor_set_field_text (editor, "value", "2 500 000"));
  g_assert_true (spire_deal_editor_is_valid (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "deal.save", NULL));
  gui_fixture_drain ();
  saved = spire_store_get (f->store, &spire_kind_deal, deal, NULL);
  g_assert_cmpint (spire_record_get_int (saved, "value"), ==, G_GINT64_CONSTANT (250000000));
  g_assert_cmpstr (spire_record_get_text (saved, "stage"), ==, "negotiation");
}

static GPtrArray *
phases_of (F *f, const char *deal)
{
  return spire_store_list (f->store, &spire_kind_deal_phase, "deal", deal, NULL);
}

static void
test_editor_phases (F *f, gconstpointer data)
{
  g_autofree char *deal = deal_in (f, "negotiation");
  SpireDealEditor *editor = open_editor (f, deal);
  g_autoptr (GPtrArray) before = phases_of (f, deal);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (SpireRecord) passed = NULL;
  g_autoptr (GVariant) target = NULL;
  AdwMessageDialog *dialog;
  SpireRecord *added = NULL;

  gtk_widget_activate_action (GTK_WIDGET (editor), "deal.add-phase", NULL);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_true (SPIRE_IS_DEAL_PHASE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  spire_deal_phase_dialog_set_name (SPIRE_DEAL_PHASE_DIALOG (dialog), "Fase 1: utforsking");
  spire_deal_phase_dialog_set_cost (SPIRE_DEAL_PHASE_DIALOG (dialog), "500 000");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gui_fixture_drain ();

  after = phases_of (f, deal);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (g_str_equal (spire_record_get_text (after->pdata[i], "name"), "Fase 1: utforsking"))
      added = after->pdata[i];
  g_assert_nonnull (added);
  g_assert_cmpstr (spire_record_get_text (added, "state"), ==, "planned");
  g_assert_cmpint (spire_record_get_int (added, "max_cost"), ==, G_GINT64_CONSTANT (50000000));

  target = g_variant_ref_sink (g_variant_new ("(ss)", spire_record_get_uuid (added), "passed"));
  gtk_widget_activate_action_variant (GTK_WIDGET (editor), "deal.set-phase-state", target);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_true (SPIRE_IS_DEAL_PHASE_DIALOG (dialog));
  spire_deal_phase_dialog_set_date (SPIRE_DEAL_PHASE_DIALOG (dialog), "not a date");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  spire_deal_phase_dialog_set_date (SPIRE_DEAL_PHASE_DIALOG (dialog), "15.03.2026");
  spire_deal_phase_dialog_set_cost (SPIRE_DEAL_PHASE_DIALOG (dialog), "450 000");
  adw_message_dialog_response (dialog, "save");
  gui_fixture_drain ();

  passed = spire_store_get (f->store, &spire_kind_deal_phase, spire_record_get_uuid (added), NULL);
  g_assert_cmpstr (spire_record_get_text (passed, "state"), ==, "passed");
  g_assert_cmpstr (spire_record_get_text (passed, "actual_on"), ==, "2026-03-15");
  g_assert_cmpint (spire_record_get_int (passed, "cost"), ==, G_GINT64_CONSTANT (45000000));
}

/* The option is refused while a phase has not passed, then exercised. */
static void
test_editor_option (F *f, gconstpointer data)
{
  g_autofree char *deal = deal_in (f, "negotiation");
  g_autoptr (SpireRecord) record = spire_store_get (f->store, &spire_kind_deal, deal, NULL);
  g_autoptr (SpireRecord) phase = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (GPtrArray) phases = NULL;
  SpireDealEditor *editor;
  AdwMessageDialog *dialog;

  spire_record_set_int (record, "option_value", G_GINT64_CONSTANT (400000000));
  g_assert_true (spire_store_update (f->store, record, NULL));
  phase = spire_deal_add_phase (f->store, deal, "Fase 1", NULL, G_GINT64_CONSTANT (100000000),
                                NULL);
  g_assert_nonnull (phase);
  editor = open_editor (f, deal);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "deal.exercise-option", NULL));
  dialog = gui_fixture_find_message_dialog ();
  g_assert_nonnull (dialog); /* core's reason, shown */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&record);
  record = spire_store_get (f->store, &spire_kind_deal, deal, NULL);
  g_assert_false (spire_record_get_bool (record, "option_exercised"));

  /* Every phase passed, within its maximum. */
  phases = phases_of (f, deal);
  for (guint i = 0; i < phases->len; i++)
    if (!g_str_equal (spire_record_get_text (phases->pdata[i], "state"), "passed"))
      g_assert_true (spire_deal_phase_set_state (f->store,
                                                 spire_record_get_uuid (phases->pdata[i]),
                                                 "passed", "2026-01-10", 0, NULL));
  gui_fixture_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "deal.exercise-option", NULL));
  gui_fixture_drain ();
  g_assert_null (gui_fixture_find_message_dialog ());
  after = spire_store_get (f->store, &spire_kind_deal, deal, NULL);
  g_assert_true (spire_record_get_bool (after, "option_exercised"));
}

static void
test_editor_gain (F *f, gconstpointer data)
{
  g_autofree char *deal = deal_in (f, "negotiation");
  SpireDealEditor *editor = open_editor (f, deal);
  g_autoptr (GPtrArray) before = spire_store_list (f->store, &spire_kind_gain, "deal", deal, NULL);
  g_autoptr (GPtrArray) after = NULL;
  SpireDealGainDialog *gain_dialog;
  AdwMessageDialog *dialog;
  SpireRecord *added = NULL;

  gtk_widget_activate_action (GTK_WIDGET (editor), "deal.add-gain", NULL);
  dialog = gui_fixture_find_message_dialog ();
  g_assert_true (SPIRE_IS_DEAL_GAIN_DIALOG (dialog));
  gain_dialog = SPIRE_DEAL_GAIN_DIALOG (dialog);
  spire_deal_gain_dialog_set_text (gain_dialog, "year", "20x5");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  spire_deal_gain_dialog_set_text (gain_dialog, "year", "2025");
  spire_deal_gain_dialog_set_text (gain_dialog, "kind", "quality");
  spire_deal_gain_dialog_set_text (gain_dialog, "description", "Færre fall");
  spire_deal_gain_dialog_set_text (gain_dialog, "baseline", "1 000 000");
  spire_deal_gain_dialog_set_text (gain_dialog, "expected", "300 000");
  spire_deal_gain_dialog_set_text (gain_dialog, "realised", "120 000");
  spire_deal_gain_dialog_set_text (gain_dialog, "owner", "Bydel Frogner");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gui_fixture_drain ();

  after = spire_store_list (f->store, &spire_kind_gain, "deal", deal, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (spire_record_get_text (after->pdata[i], "owner"), "Bydel Frogner") == 0)
      added = after->pdata[i];
  g_assert_nonnull (added);
  g_assert_cmpint (spire_record_get_int (added, "year"), ==, 2025);
  g_assert_cmpstr (spire_record_get_text (added, "kind"), ==, "quality");
  g_assert_cmpint (spire_record_get_int (added, "expected"), ==, G_GINT64_CONSTANT (30000000));
  g_assert_cmpint (spire_record_get_int (added, "realised"), ==, G_GINT64_CONSTANT (12000000));
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(path, fn) g_test_add (path, F, NULL, f_setup, fn, f_teardown)
  ADD ("/followup/board", test_board_shows_every_stage);
  ADD ("/followup/move-card", test_move_card);
  ADD ("/followup/no-deal-needs-reason", test_no_deal_needs_reason);
  ADD ("/followup/narrow", test_narrow);
  ADD ("/followup/list", test_list_same_deals);
  ADD ("/followup/list-export", test_list_export);
  ADD ("/followup/editor-save", test_editor_save);
  ADD ("/followup/editor-phases", test_editor_phases);
  ADD ("/followup/editor-option", test_editor_option);
  ADD ("/followup/editor-gain", test_editor_gain);
#undef ADD
  return g_test_run ();
}
