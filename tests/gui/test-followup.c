/* test-followup.c — the Follow-up view: the board shows each stage's deals,
 * a card moves to another column with the date and a note asked, and "no
 * deal" is not moved without a reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-followup"

#include "config.h"

#include <string.h>

#include "followup/spire-deal-move-dialog.h"
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
  g_assert_true (gui_fixture_wait (loaded, f->page, 10000));
}

static void
f_teardown (F *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  while ((dialog = gui_fixture_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (f->window);
  gui_fixture_spin (20);
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
  gui_fixture_spin (50);

  moved = spire_store_get (f->store, &spire_kind_deal, deal, NULL);
  g_assert_cmpstr (spire_record_get_text (moved, "stage"), ==, "signed");
  after = spire_deal_get_status (f->store, deal, NULL, NULL);
  g_assert_cmpuint (after->steps->len, ==, before->steps->len + 1);
  last = after->steps->pdata[after->steps->len - 1];
  g_assert_cmpstr (last->stage, ==, "signed");
  g_assert_cmpstr (last->note, ==, "Kontrakt signert");

  pair[0] = f;
  pair[1] = deal;
  g_assert_true (gui_fixture_wait (in_signed_column, pair, 10000));
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
  gui_fixture_spin (50);
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
#undef ADD
  return g_test_run ();
}
