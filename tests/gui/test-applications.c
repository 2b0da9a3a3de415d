/* test-applications.c — the cohort page's Applications list: filters,
 * multi-selection, bulk status change, details and CSV export, driven
 * through the page's actions and dropdowns and checked on the store and
 * the models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-applications"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohort/spire-cohort-page-private.h"
#include "common/spire-decision-dialog.h"
#include "common/spire-widget.h"
#include "gui-fixture.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"

#define SECRET "HEMMELIG-tallene-våre"

static SpireApp *app;
static char *tmpdir;

typedef struct
{
  SpireStore *store;
  SpireWindow *window;
  SpireCohortPage *page;
  char *cohort;
  guint n_apps;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) apps = NULL;

  f->store = spire_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (gui_fixture_fill (f->store, &error));
  g_assert_no_error (error);
  f->cohort = gui_fixture_busiest_cohort (f->store, &f->n_apps);
  g_assert_cmpuint (f->n_apps, >=, 20);

  /* Every application shares something in confidence. */
  apps = spire_store_list (f->store, &spire_kind_application, "cohort", f->cohort, &error);
  g_assert_no_error (error);
  g_assert_true (spire_store_begin (f->store, &error));
  for (guint i = 0; i < apps->len; i++)
    {
      g_autofree char *secret = g_strdup_printf ("%s %u", SECRET, i);

      spire_record_set_text (apps->pdata[i], "confidential", secret);
      g_assert_true (spire_store_update (f->store, apps->pdata[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (spire_store_commit (f->store, &error));

  f->window = spire_window_new (app);
  _spire_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_fixture_wait_allocated (f->window);
  _spire_window_reload_now (f->window);
  g_assert_true (spire_sidebar_select_cohort (_spire_window_get_sidebar (f->window), f->cohort));
  f->page = _spire_window_get_cohort_page (f->window);
  gui_fixture_wait_cohort (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (spire_cohort_page_get_applications (f->page)), ==,
                    f->n_apps);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog = gui_fixture_find_message_dialog ();

  if (dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->store);
  g_free (f->cohort);
}

/* Helpers */

static char *
cell_text (SpireCohortPage *page, SpireRecord *app, guint column)
{
  return spire_application_list_cell_text (_spire_cohort_page_get_list (page), app, column);
}

static void
filter_status (SpireCohortPage *page, const char *status)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cohort.filter-status", "s",
                                             status ? status : ""));
}

static void
filter_challenge (SpireCohortPage *page, const char *challenge)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cohort.filter-challenge", "ms",
                                             challenge));
}

/* The decision dialog on screen. */
static SpireDecisionDialog *
decision_dialog (void)
{
  AdwMessageDialog *dialog = gui_fixture_find_message_dialog ();

  g_assert_true (SPIRE_IS_DECISION_DIALOG (dialog));
  return SPIRE_DECISION_DIALOG (dialog);
}

/* Chooses @status and writes @reason, as a user would. */
static void
fill (SpireDecisionDialog *dialog, const char *status, const char *reason)
{
  spire_decision_dialog_set_status (dialog, status);
  spire_decision_dialog_set_reason (dialog, reason);
}

/* Whether the window comes to show @text (a toast): the toast follows
 * the work, which a slow (sanitizer) build takes longer to do. */
static gboolean
window_comes_to_show (Fixture *f, const char *text)
{
  return gui_fixture_wait_label (f->window, text);
}

static GHashTable *
uuid_set (GListModel *model)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (model, i);

      g_hash_table_add (set, g_strdup (spire_record_get_uuid (r)));
    }
  return set;
}

/* The cohort's applications in the store for which @match is TRUE. */
typedef gboolean (*Match) (SpireCohortPage *page, SpireRecord *app, gpointer data);

static GHashTable *
expected_set (Fixture *f, Match match, gpointer data)
{
  g_autoptr (GPtrArray) apps = spire_store_list (f->store, &spire_kind_application, "cohort",
                                                 f->cohort, NULL);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < apps->len; i++)
    if (match (f->page, apps->pdata[i], data))
      g_hash_table_add (set, g_strdup (spire_record_get_uuid (apps->pdata[i])));
  return set;
}

static void
assert_same_set (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b, key));
}

typedef struct
{
  const char *status;
  const char *challenge;
  const char *query;
} Want;

static gboolean
matches_want (SpireCohortPage *page, SpireRecord *app, gpointer data)
{
  Want *w = data;

  if (w->status && g_strcmp0 (spire_record_get_text (app, "status"), w->status) != 0)
    return FALSE;
  if (w->challenge && g_strcmp0 (spire_record_get_text (app, "challenge"), w->challenge) != 0)
    return FALSE;
  if (w->query)
    {
      g_autofree char *t = cell_text (page, app, 0);
      g_autofree char *s = cell_text (page, app, 1);
      g_autofree char *c = cell_text (page, app, 2);

      return spire_search_matches (t, w->query) || spire_search_matches (s, w->query) ||
             spire_search_matches (c, w->query);
    }
  return TRUE;
}

static void
assert_shows (Fixture *f, Want *w)
{
  g_autoptr (GHashTable) shown = uuid_set (G_LIST_MODEL (spire_cohort_page_get_model (f->page)));
  g_autoptr (GHashTable) want = expected_set (f, matches_want, w);
  g_autofree char *label = NULL;

  assert_same_set (shown, want);
  label = g_strdup_printf ("%u of %u applications", g_hash_table_size (want), f->n_apps);
  g_assert_cmpstr (_spire_cohort_page_get_shown_text (f->page), ==, label);
}

static void
search (SpireCohortPage *page, const char *text)
{
  gui_fixture_search (_spire_cohort_page_get_search_entry (page), text);
}

static gboolean
shows_all (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (f->page))) ==
         f->n_apps;
}

/* A status that some but not all of the cohort's applications have. */
static const char *
common_status (Fixture *f, guint *n_out)
{
  g_autoptr (GHashTable) counts = spire_store_count_by (f->store, &spire_kind_application,
                                                        "status", "cohort", f->cohort, NULL);
  const char *best = NULL;
  guint n = 0;

  for (const SpireEnumValue *v = spire_kind_field (&spire_kind_application, "status")->values;
       v->value; v++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, v->value)) > n)
      {
        n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, v->value));
        best = v->value;
      }
  g_assert_nonnull (best);
  g_assert_cmpuint (n, <, f->n_apps);
  if (n_out)
    *n_out = n;
  return best;
}

/* Tests */

static void
test_filter_status (Fixture *f, gconstpointer data)
{
  guint n = 0;
  const char *status = common_status (f, &n);
  Want w = { status, NULL, NULL };
  g_autofree char *all = g_strdup_printf ("%u applications", f->n_apps);

  g_assert_cmpstr (_spire_cohort_page_get_shown_text (f->page), ==, all);
  g_assert_null (spire_cohort_page_get_status_filter (f->page));

  filter_status (f->page, status);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (f->page))), ==, n);
  assert_shows (f, &w);
  g_assert_cmpstr (spire_cohort_page_get_status_filter (f->page), ==, status);

  /* Clicking the status's count again shows all. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohort.toggle-status", "s", status);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (f->page))), ==,
                    f->n_apps);
  g_assert_cmpstr (_spire_cohort_page_get_shown_text (f->page), ==, all);
  g_assert_null (spire_cohort_page_get_status_filter (f->page));
  g_assert_null (spire_cohort_page_get_status_filter (f->page));

  /* Clicking a count filters, and the dropdown follows. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohort.toggle-status", "s", status);
  assert_shows (f, &w);
  g_assert_cmpstr (spire_cohort_page_get_status_filter (f->page), ==, status);

  /* A reload (a change in the store) keeps the filter. */
  _spire_window_reload_now (f->window);
  assert_shows (f, &w);

  /* Every status: exactly the applications with it. */
  for (const SpireEnumValue *v = spire_kind_field (&spire_kind_application, "status")->values;
       v->value; v++)
    {
      Want each = { v->value, NULL, NULL };

      filter_status (f->page, v->value);
      assert_shows (f, &each);
    }
  filter_status (f->page, NULL);
  g_assert_cmpstr (_spire_cohort_page_get_shown_text (f->page), ==, all);
}

static void
test_filter_challenge (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) challenges = spire_store_list (f->store, &spire_kind_challenge, "cohort",
                                                       f->cohort, NULL);
  g_autoptr (SpireRecord) first = NULL;
  const char *status;
  Want w = { NULL, NULL, NULL };
  guint used = 0;

  g_assert_cmpuint (challenges->len, >=, 2);
  /* "All challenges" and one item per challenge (maybe "No challenge"). */
  g_assert_cmpuint (_spire_cohort_page_get_n_filter_items (f->page, TRUE),
                    >=, challenges->len + 1);

  for (guint i = 0; i < challenges->len; i++)
    {
      w.challenge = spire_record_get_uuid (challenges->pdata[i]);
      filter_challenge (f->page, w.challenge);
      assert_shows (f, &w);
      if (g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (f->page))) > 0)
        used++;
    }
  g_assert_cmpuint (used, >=, 2);

  /* Combined with a status and the search. */
  status = common_status (f, NULL);
  filter_status (f->page, status);
  first = g_list_model_get_item (G_LIST_MODEL (spire_cohort_page_get_model (f->page)), 0);
  if (first == NULL)
    {
      filter_challenge (f->page, NULL);
      first = g_list_model_get_item (G_LIST_MODEL (spire_cohort_page_get_model (f->page)), 0);
    }
  g_assert_nonnull (first);
  w.status = status;
  w.challenge = spire_record_get_text (first, "challenge");
  filter_challenge (f->page, w.challenge);
  assert_shows (f, &w);
  {
    g_autofree char *title = cell_text (f->page, first, 0);
    g_auto (GStrv) words = g_strsplit (title, " ", -1);

    w.query = words[0];
    search (f->page, w.query);
    assert_shows (f, &w);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (f->page))), >=, 1);
    search (f->page, "");
    w.query = NULL;
  }
  assert_shows (f, &w);

  /* Nothing matches: the list says so. */
  search (f->page, "qqqxxyzzy");
  g_assert_cmpstr (spire_application_list_get_state (_spire_cohort_page_get_list (f->page)), ==, "no-results");
  /* its page is made when first needed: it says so in words */
  g_assert_nonnull (gui_fixture_find_label (GTK_WIDGET (f->page), "No Matching Applications", FALSE));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohort.clear-filters", NULL);
  g_assert_true (gui_fixture_wait (shows_all, f, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (spire_cohort_page_get_model (f->page))), ==,
                    f->n_apps);
  g_assert_cmpstr (spire_application_list_get_state (_spire_cohort_page_get_list (f->page)), ==, "list");
}

static void
test_bulk_status (Fixture *f, gconstpointer data)
{
  const char *reason = "Løsningen svarer ikke på behovet i utfordringen.\nSe juryens notat.";
  GtkSelectionModel *selection = spire_cohort_page_get_model (f->page);
  GListModel *shown = G_LIST_MODEL (spire_cohort_page_get_model (f->page));
  g_autoptr (GPtrArray) chosen = g_ptr_array_new_with_free_func (g_free);
  SpireDecisionDialog *dialog;
  g_autofree char *first_uuid = NULL;

  g_assert_cmpstr (_spire_cohort_page_get_details_state (f->page), ==, "none");
  g_assert_false (spire_application_list_get_bar_revealed (_spire_cohort_page_get_list (f->page)));

  /* Ten applications that are not rejected, by Ctrl-click. */
  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (shown) && chosen->len < 10; i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (shown, i);

      if (g_strcmp0 (spire_record_get_text (r, "status"), "rejected") == 0)
        continue;
      gtk_selection_model_select_item (selection, i, FALSE);
      g_ptr_array_add (chosen, g_strdup (spire_record_get_uuid (r)));
    }
  g_assert_cmpuint (chosen->len, ==, 10);
  g_assert_cmpstr (_spire_cohort_page_get_details_state (f->page), ==, "many");
  g_assert_true (spire_application_list_get_bar_revealed (_spire_cohort_page_get_list (f->page)));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohort.change-status", NULL);
  dialog = decision_dialog ();

  /* No reason, no Apply. */
  fill (dialog, "rejected", "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  fill (dialog, "rejected", "  \n\t ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  fill (dialog, "rejected", reason);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_null (spire_decision_dialog_get_warning (dialog));

  /* As a click on Apply: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (window_comes_to_show (f, "Status of 10 applications changed"));
  /* No error dialog. */
  g_assert_null (gui_fixture_find_message_dialog ());

  /* The store: each is rejected, with one decision giving that reason. */
  for (guint i = 0; i < chosen->len; i++)
    {
      g_autoptr (SpireRecord) r = spire_store_get (f->store, &spire_kind_application,
                                                   chosen->pdata[i], NULL);
      g_autoptr (GPtrArray) decisions = spire_store_list (f->store, &spire_kind_decision,
                                                          "application", chosen->pdata[i], NULL);
      guint n = 0;

      g_assert_cmpstr (spire_record_get_text (r, "status"), ==, "rejected");
      for (guint d = 0; d < decisions->len; d++)
        if (g_strcmp0 (spire_record_get_text (decisions->pdata[d], "reason"), reason) == 0)
          {
            g_assert_cmpstr (spire_record_get_text (decisions->pdata[d], "to_status"), ==,
                             "rejected");
            g_assert_nonnull (spire_record_get_text (decisions->pdata[d], "decided_by"));
            g_assert_nonnull (spire_record_get_text (decisions->pdata[d], "decided_at"));
            n++;
          }
      g_assert_cmpuint (n, ==, 1);
    }

  /* The window reloads; the selection stays. */
  _spire_window_reload_now (f->window);
  gui_fixture_wait_cohort (f->page);
  {
    g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (set), ==, 10);
  }

  /* One selected: the details pane shows its history, newest first. */
  first_uuid = g_strdup (chosen->pdata[0]);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (shown, i);

      if (g_str_equal (spire_record_get_uuid (r), first_uuid))
        gtk_selection_model_select_item (selection, i, TRUE);
    }
  g_assert_cmpstr (_spire_cohort_page_get_details_state (f->page), ==, "one");
  g_assert_cmpstr (spire_application_details_get_uuid (_spire_cohort_page_get_details (f->page)), ==, first_uuid);
  g_assert_cmpuint (spire_application_details_get_n_history (_spire_cohort_page_get_details (f->page)), >=, 1);
  {
    g_autofree char *newest = spire_application_details_get_history (_spire_cohort_page_get_details (f->page), 0);

    g_assert_nonnull (strstr (newest, "→ Rejected"));
    g_assert_nonnull (strstr (newest, reason));
    g_assert_nonnull (strstr (newest, spire_store_get_actor (f->store)));
  }

  /* The same change again changes nothing: Apply stays disabled. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohort.set-status", "s", "rejected");
  dialog = decision_dialog ();
  g_assert_cmpstr (spire_decision_dialog_get_status (dialog), ==, "rejected");
  fill (dialog, "rejected", reason);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_fixture_drain ();
}

static void
test_seats_warning (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) cohort = spire_store_get (f->store, &spire_kind_cohort, f->cohort, NULL);
  GtkSelectionModel *selection = spire_cohort_page_get_model (f->page);
  gint64 seats = spire_record_get_int (cohort, "seats");
  SpireDecisionDialog *dialog;
  const char *warning;

  g_assert_cmpint (seats, >, 0);
  g_assert_cmpint (seats, <, f->n_apps);
  gtk_selection_model_select_all (selection);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohort.change-status", NULL);
  dialog = decision_dialog ();
  fill (dialog, "accepted", "Alle er gode.");
  warning = spire_decision_dialog_get_warning (dialog);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "seats"));
  /* A warning, not a refusal. */
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  fill (dialog, "waitlisted", "Alle er gode.");
  g_assert_null (spire_decision_dialog_get_warning (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_fixture_drain ();
  /* Nothing changed. */
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_decision, "reason", "Alle er gode."),
                   ==, 0);
}

/* A small RFC 4180 reader for the test: records of fields. */
static GPtrArray *
read_csv (const char *text, char sep)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;
  gboolean quoted = FALSE;

  while (*p)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, '"'), p++;
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == sep)
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else
        g_string_append_c (field, *p);
      p++;
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);
  return records;
}

static gboolean
not_exporting (gpointer data)
{
  return !spire_cohort_page_get_exporting (data);
}

static void
test_export_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (tmpdir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) records = NULL;
  GListModel *shown = G_LIST_MODEL (spire_cohort_page_get_model (f->page));
  const char *status = common_status (f, NULL);
  guint n;

  /* A filter and a sort of one's own. */
  filter_status (f->page, status);
  gtk_column_view_sort_by_column (spire_application_list_get_column_view (_spire_cohort_page_get_list (f->page)),
                                  spire_application_list_get_column (_spire_cohort_page_get_list (f->page), 1),
                                  GTK_SORT_DESCENDING);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (n, <, f->n_apps);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "cohort.export-csv-to", "s", path);
  g_assert_true (gui_fixture_wait (not_exporting, f->page, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_null (strstr (contents, SECRET));
  g_assert_null (strstr (contents, "HEMMELIG"));

  /* English: ',' as separator. */
  records = read_csv (contents + 3, ',');
  g_assert_cmpuint (records->len, ==, n + 1);
  {
    GPtrArray *header = records->pdata[0];
    const char *want[] = { "Title", "Startup", "Organisation number", "Challenge", "Status",
                           "Submitted" };

    g_assert_cmpuint (header->len, ==, G_N_ELEMENTS (want));
    for (guint c = 0; c < G_N_ELEMENTS (want); c++)
      g_assert_cmpstr (header->pdata[c], ==, want[c]);
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (shown, i);
      GPtrArray *row = records->pdata[i + 1];
      g_autofree char *title = cell_text (f->page, r, 0);
      g_autofree char *startup = cell_text (f->page, r, 1);
      g_autofree char *challenge = cell_text (f->page, r, 2);
      g_autofree char *status_label = cell_text (f->page, r, 3);
      const char *submitted = spire_record_get_text (r, "submitted_at");

      g_assert_cmpuint (row->len, ==, 6);
      g_assert_cmpstr (row->pdata[0], ==, title);
      g_assert_cmpstr (row->pdata[1], ==, startup);
      g_assert_cmpstr (row->pdata[3], ==, challenge);
      g_assert_cmpstr (row->pdata[4], ==, status_label);
      /* ISO dates: "2026-03-01" */
      if (submitted)
        {
          g_assert_cmpuint (strlen (row->pdata[5]), ==, 10);
          g_assert_true (((char *) row->pdata[5])[4] == '-');
        }
    }
  g_assert_true (window_comes_to_show (f, "export.csv"));
}

/* A cohort's applications are read in a worker: the list shows that they
 * are coming (a spinner, none of the old rows), then the rows; going back
 * to the first cohort while another still loads shows the first one's
 * rows, and the other's load, when it ends, changes nothing. */
static void
test_switch_while_loading (Fixture *f, gconstpointer data)
{
  SpireSidebar *sidebar = _spire_window_get_sidebar (f->window);
  SpireApplicationList *list = _spire_cohort_page_get_list (f->page);
  GListModel *apps = spire_cohort_page_get_applications (f->page);
  g_autoptr (GHashTable) counts = spire_store_count_by (f->store, &spire_kind_application,
                                                        "cohort", NULL, NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *other = NULL;

  g_hash_table_iter_init (&iter, counts);
  while (other == NULL && g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > 0 && g_strcmp0 (key, f->cohort) != 0)
      other = key;
  g_assert_nonnull (other);
  g_assert_cmpstr (spire_application_list_get_state (list), ==, "list");

  g_assert_true (spire_sidebar_select_cohort (sidebar, other));
  g_assert_true (spire_cohort_page_is_loading (f->page));
  g_assert_cmpstr (spire_application_list_get_state (list), ==, "loading");
  g_assert_cmpuint (g_list_model_get_n_items (apps), ==, 0);

  g_assert_true (spire_sidebar_select_cohort (sidebar, f->cohort));
  gui_fixture_wait_cohort (f->page);
  /* A while for the other's cancelled read to come back (no hook tells
   * when it has): it must change nothing. */
  gui_fixture_spin (50);
  g_assert_cmpstr (spire_application_list_get_state (list), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (apps), ==, f->n_apps);
  for (guint i = 0; i < f->n_apps; i++)
    {
      g_autoptr (SpireRecord) app = g_list_model_get_item (apps, i);

      g_assert_cmpstr (spire_record_get_text (app, "cohort"), ==, f->cohort);
    }

  /* And the other one, when it is chosen and left alone, shows its own. */
  g_assert_true (spire_sidebar_select_cohort (sidebar, other));
  gui_fixture_wait_cohort (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (apps), ==, GPOINTER_TO_UINT (value));
  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr (SpireRecord) app = g_list_model_get_item (apps, i);

      g_assert_cmpstr (spire_record_get_text (app, "cohort"), ==, other);
    }
}

/* A cohort without applications says so in words (the page is made when
 * first needed, not with the list). */
static void
test_empty_says_so (void)
{
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  GtkWidget *list = g_object_ref_sink (g_object_new (SPIRE_TYPE_APPLICATION_LIST, NULL));

  spire_application_list_set_applications (SPIRE_APPLICATION_LIST (list), none, none, none);
  g_assert_cmpstr (spire_application_list_get_state (SPIRE_APPLICATION_LIST (list)), ==, "empty");
  g_assert_nonnull (gui_fixture_find_label (list, "No Applications Yet", FALSE));
  g_assert_nonnull (gui_fixture_find_label (
    list,
    "Import the applications from a CSV file (Nettskjema, Google Forms, Microsoft Forms or "
    "Excel), or add one by hand.",
    FALSE));
  g_object_unref (list);
}

/* A list's spinner turns only when its rows take longer than a quarter of
 * a second to come (a shorter wait would only flash it), and stops at once
 * when they come.  Nothing here depends on how fast the machine is: the
 * quarter second is a least, and the rest is asked without waiting. */
static gboolean
is_spinning (gpointer spinner)
{
  return gtk_spinner_get_spinning (spinner);
}

static void
test_spinner_later (void)
{
  GtkWidget *spinner = g_object_ref_sink (gtk_spinner_new ());
  gint64 asked;

  /* Not at once; a quarter of a second later at the earliest */
  gui_fixture_drain ();
  asked = g_get_monotonic_time ();
  spire_spinner_set_spinning_later (GTK_SPINNER (spinner), TRUE);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gui_fixture_wait (is_spinning, spinner, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpint (g_get_monotonic_time () - asked, >=, 250 * 1000);
  /* it stops at once */
  spire_spinner_set_spinning_later (GTK_SPINNER (spinner), FALSE);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* The rows came in time: no spinner, then or later */
  spire_spinner_set_spinning_later (GTK_SPINNER (spinner), TRUE);
  spire_spinner_set_spinning_later (GTK_SPINNER (spinner), FALSE);
  gui_fixture_spin (400);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* A spinner gone before its quarter second takes its wait with it */
  spire_spinner_set_spinning_later (GTK_SPINNER (spinner), TRUE);
  g_object_unref (spinner);
  gui_fixture_spin (400);
}

/* The Menu key (or Shift+F10) on a row opens its menu, as a right click
 * does (the Keyboard Shortcuts window said so; only the sidebar did it). */
static void
test_row_menu_key (Fixture *f, gconstpointer data)
{
  SpireApplicationList *list = _spire_cohort_page_get_list (f->page);
  GtkWidget *view = GTK_WIDGET (spire_application_list_get_column_view (list));
  GtkWidget *menu_item;

  gtk_selection_model_unselect_all (spire_cohort_page_get_model (f->page));
  /* the keyboard in the list: the focus on its first row */
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (view)), view));
  g_assert_null (gui_fixture_find_label (GTK_WIDGET (list), "Change Status…", TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "applications.context-menu",
                                             NULL));
  g_assert_true (gui_fixture_wait_label (list, "Change Status…"));
  menu_item = gui_fixture_find_label (GTK_WIDGET (list), "Change Status…", TRUE);
  g_assert_nonnull (gtk_widget_get_ancestor (menu_item, GTK_TYPE_POPOVER_MENU));
  /* the row is the one the menu acts on */
  g_assert_cmpuint (spire_application_list_get_n_selected (list), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (spire_cohort_page_get_model (f->page), 0));
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.ApplicationsTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/applications/empty-says-so", test_empty_says_so);
  g_test_add_func ("/applications/spinner-later", test_spinner_later);
#define ADD(path, func) \
  g_test_add ("/applications/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filter-status", test_filter_status);
  ADD ("filter-challenge", test_filter_challenge);
  ADD ("bulk-status", test_bulk_status);
  ADD ("seats-warning", test_seats_warning);
  ADD ("export-csv", test_export_csv);
  ADD ("switch-while-loading", test_switch_while_loading);
  ADD ("row-menu-key", test_row_menu_key);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
