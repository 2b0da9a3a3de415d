/* test-lists.c — lists that show what they hold (issue 12): the cohort
 * page's header and status tiles, widths that do not cut dates, statuses
 * or organisation numbers at 1280 × 800, no column header cut, and the
 * screening list's real answers; on the demo data, as a user sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lists"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort/spire-cohort-page-private.h"
#include "evaluation/spire-evaluation-page.h"
#include "evaluation/spire-evaluation-screening.h"
#include "evaluation/spire-row-model.h"
#include "gui-fixture.h"
#include "ranking/spire-ranking-page-private.h"
#include "ranking/spire-ranking-page.h"
#include "records/spire-record-list-page.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"

static SpireApp *app;

typedef struct
{
  SpireStore *store;
  SpireWindow *window;
  GtkWindow *other; /* a page on its own */
  char *cohort;     /* the cohort with the most applications */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = spire_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (spire_demo_fill (f->store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->cohort = gui_fixture_busiest_cohort (f->store, NULL);

  f->window = spire_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  _spire_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_fixture_wait_allocated (f->window);
  _spire_window_reload_now (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->other)
    gtk_window_destroy (f->other);
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->store);
  g_free (f->cohort);
}

static SpireCohortPage *
show_cohort (Fixture *f, const char *uuid)
{
  SpireCohortPage *page;

  g_assert_true (spire_sidebar_select_cohort (_spire_window_get_sidebar (f->window), uuid));
  page = _spire_window_get_cohort_page (f->window);
  /* Every row in (a long list comes in slices), then laid out. */
  gui_fixture_wait_cohort (page);
  gui_fixture_wait_frame (page);
  return page;
}

/* Cells and headers as drawn */

typedef gboolean (*WantText) (const char *text, gpointer data);

/* Each GtkInscription under @widget whose text @want picks shows it whole:
 * its pango width fits in its allocation.  Returns how many were looked at. */
static guint
assert_cells_whole (GtkWidget *widget, WantText want, gpointer data)
{
  guint n = 0;

  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      if (text && *text && want (text, data))
        {
          g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
          int width = 0;

          pango_layout_get_pixel_size (layout, &width, NULL);
          if (width > gtk_widget_get_width (widget))
            g_error ("“%s” is cut: %d px in %d px", text, width, gtk_widget_get_width (widget));
          n++;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += assert_cells_whole (c, want, data);
  return n;
}

/* No column title of @view is ellipsized.  Returns how many there are. */
static guint
assert_headers_whole (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));

      if (pango_layout_is_ellipsized (layout))
        g_error ("The column title “%s” is cut", gtk_label_get_text (GTK_LABEL (widget)));
      n++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += assert_headers_whole (c);
  return n;
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
in_set (const char *text, gpointer data)
{
  return g_hash_table_contains (data, text);
}

/* "123 456 789" or a date as the language writes it ("23.11.2026", "23
 * Nov 2026"). */
static gboolean
orgnr_or_date (const char *text, gpointer data)
{
  return g_regex_match_simple ("^[0-9]{3} [0-9]{3} [0-9]{3}$", text, 0, 0) ||
         g_regex_match_simple ("^[0-9]{1,2}[. ]([0-9]{2}|[A-Za-z]{3})[. ][0-9]{4}$", text, 0, 0);
}

/* The cohort page */

static void
test_cohort_header (Fixture *f, gconstpointer data)
{
  SpireCohortPage *page = show_cohort (f, f->cohort);
  g_autoptr (SpireRecord) cohort = spire_store_get (f->store, &spire_kind_cohort, f->cohort, NULL);
  g_autoptr (SpireRecord) program = spire_store_get (f->store, &spire_kind_program,
                                                     spire_record_get_text (cohort, "program"),
                                                     NULL);

  g_assert_cmpstr (_spire_cohort_page_get_title (page), ==, spire_record_get_display_name (cohort));
  g_assert_nonnull (_spire_cohort_page_get_subtitle (page));
  g_assert_nonnull (strstr (_spire_cohort_page_get_subtitle (page),
                            spire_record_get_display_name (program)));
}

static void
assert_all_have_status (GListModel *shown, const char *status)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (shown, i);

      g_assert_cmpstr (spire_record_get_text (r, "status"), ==, status);
    }
}

static void
test_tile_filters (Fixture *f, gconstpointer data)
{
  SpireCohortPage *page = show_cohort (f, f->cohort);
  GListModel *shown = G_LIST_MODEL (spire_cohort_page_get_model (page));
  guint total = g_list_model_get_n_items (shown);
  g_autoptr (GHashTable) counts = spire_store_count_by (f->store, &spire_kind_application, "status",
                                                        "cohort", f->cohort, NULL);
  const char *status = g_hash_table_contains (counts, "rejected") ? "rejected" : "in_review";
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, status));
  GtkWidget *tile = _spire_cohort_page_get_tile (page, status);

  g_assert_cmpuint (count, >, 0);
  g_assert_cmpuint (count, <, total);
  g_assert_cmpint (_spire_cohort_page_get_status_count (page, status), ==, (int) count);

  /* Reached from the keyboard: a tile takes the focus. */
  g_assert_true (gtk_widget_get_focusable (tile));
  g_assert_true (gtk_widget_grab_focus (tile));

  /* A click shows only that status, and says so on the tile. */
  g_signal_emit_by_name (tile, "clicked");
  gui_fixture_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count);
  assert_all_have_status (shown, status);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tile)));
  g_assert_cmpstr (spire_cohort_page_get_status_filter (page), ==, status);

  /* Again: all of them. */
  g_signal_emit_by_name (tile, "clicked");
  gui_fixture_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tile)));
  g_assert_null (spire_cohort_page_get_status_filter (page));

  /* Or the Show All button. */
  g_signal_emit_by_name (tile, "clicked");
  gui_fixture_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cohort.filter-status", "s", ""));
  gui_fixture_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tile)));
}

/* Widths at 1280 × 800 */

static void
test_application_widths (Fixture *f, gconstpointer data)
{
  SpireCohortPage *page = show_cohort (f, f->cohort);
  SpireApplicationList *list = _spire_cohort_page_get_list (page);
  GListModel *shown = G_LIST_MODEL (spire_cohort_page_get_model (page));
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *view = GTK_WIDGET (spire_application_list_get_column_view (list));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (SpireRecord) app = g_list_model_get_item (shown, i);

      g_hash_table_add (texts, spire_application_list_cell_text (list, app,
                                                                 SPIRE_APPLICATION_COLUMN_STATUS));
      g_hash_table_add (texts, spire_application_list_cell_text (list, app,
                                                                 SPIRE_APPLICATION_COLUMN_SUBMITTED));
    }
  g_assert_cmpuint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, 1200);
  g_assert_cmpuint (assert_cells_whole (view, in_set, texts), >=, 20);
  g_assert_cmpuint (assert_headers_whole (gtk_widget_get_first_child (view)), ==,
                    SPIRE_APPLICATION_N_COLUMNS);
  /* Nothing selected: the list has the room, not an empty details pane. */
  g_assert_cmpstr (_spire_cohort_page_get_details_state (page), ==, "none");
  g_assert_cmpint (gtk_widget_get_width (view), >=, gtk_widget_get_width (GTK_WIDGET (page)) - 20);
}

static void
test_directory_widths (Fixture *f, gconstpointer data)
{
  SpireRecordListPage *page = _spire_window_get_directory_page (f->window);
  GtkWidget *view;

  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (f->window), "startups"));
  gui_fixture_wait_records (page);
  /* Then laid out. */
  gui_fixture_wait_frame (page);
  view = find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpuint (assert_cells_whole (view, orgnr_or_date, NULL), >=, 20);
  g_assert_cmpuint (assert_headers_whole (gtk_widget_get_first_child (view)), >=, 6);
}

static gboolean
ranked (gpointer data)
{
  return !spire_ranking_page_get_busy (data);
}

static void
test_ranking_widths (Fixture *f, gconstpointer data)
{
  SpireRankingPage *page = SPIRE_RANKING_PAGE (spire_ranking_page_new ());
  g_autoptr (SpireCohort) cohort = NULL;
  g_autoptr (GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  const SpireField *field = spire_kind_field (&spire_kind_application, "status");
  GtkWidget *view;

  for (const SpireEnumValue *v = field->values; v->value; v++)
    g_hash_table_add (statuses, (gpointer) spire_field_value_label (field, v->value));
  cohort = SPIRE_COHORT (spire_store_get (f->store, &spire_kind_cohort, f->cohort, NULL));
  f->other = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->other, 1280, 800);
  gtk_window_set_child (f->other, GTK_WIDGET (page));
  spire_ranking_page_set_store (page, f->store);
  gtk_window_present (f->other);
  gui_fixture_wait_allocated (f->other);
  g_assert_true (spire_ranking_page_set_cohort (page, cohort, NULL));
  g_assert_true (gui_fixture_wait (ranked, page, 30000));
  /* Then laid out. */
  gui_fixture_wait_frame (page);
  g_assert_cmpstr (_spire_ranking_page_get_state (page), ==, "list");

  view = GTK_WIDGET (spire_ranking_list_get_column_view (_spire_ranking_page_get_list (page)));
  /* "Spread (σ)", "Reviews", "Flags" and the criteria: whole. */
  g_assert_cmpuint (assert_headers_whole (gtk_widget_get_first_child (view)), >=, 9);
  g_assert_cmpuint (assert_cells_whole (view, in_set, statuses), >=, 10);
}

/* The screening list */

static gboolean
screening_loaded (gpointer data)
{
  return !spire_evaluation_screening_is_loading (data);
}

static void
test_screening_answers (Fixture *f, gconstpointer data)
{
  SpireEvaluationPage *page = SPIRE_EVALUATION_PAGE (spire_evaluation_page_new ());
  g_autoptr (SpireCohort) cohort = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  SpireEvaluationScreening *screening;
  guint n_passed = 0, n_failed = 0, n_rows = 0;

  cohort = SPIRE_COHORT (spire_store_get (f->store, &spire_kind_cohort, f->cohort, NULL));
  f->other = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->other, 1280, 800);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_window_set_child (f->other, overlay);
  spire_evaluation_page_set_store (page, f->store);
  g_assert_true (spire_evaluation_page_set_cohort (page, cohort, NULL));
  gtk_window_present (f->other);
  gui_fixture_wait_allocated (f->other);
  screening = SPIRE_EVALUATION_SCREENING (find_widget (GTK_WIDGET (page),
                                                       SPIRE_TYPE_EVALUATION_SCREENING));
  g_assert_nonnull (screening);
  /* Shown, so that its rows reach the view a slice a frame (issue 11). */
  spire_evaluation_page_show_part (page, "screening");
  gui_fixture_drain ();
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (screening));
  /* A large cohort's rows are read on a worker (issue 11). */
  g_assert_true (gui_fixture_wait (screening_loaded, screening, GUI_FIXTURE_TIMEOUT_MS));

  apps = spire_store_list (f->store, &spire_kind_application, "cohort", f->cohort, NULL);
  for (guint i = 0; i < apps->len; i++)
    {
      const char *status = spire_record_get_text (apps->pdata[i], "status");
      SpireScreeningItem *row = spire_evaluation_screening_get_item (
        screening, spire_record_get_uuid (apps->pdata[i]));
      const char *subtitle;

      /* Every application but the withdrawn is in the list once loaded,
       * the last slice's too. */
      if (g_str_equal (status, "withdrawn"))
        continue;
      g_assert_nonnull (row);
      n_rows++;
      if (g_str_equal (status, "received"))
        continue;
      subtitle = row->subtitle;
      /* A qualified (shortlisted, accepted, …) application shows its
       * answer, not "not answered". */
      g_assert_null (strstr (subtitle, _("not answered")));
      if (g_str_equal (status, "ineligible"))
        {
          g_autofree char *failed = g_strdup_printf (_("%s: %s"), "Formelle krav", _("failed"));

          g_assert_nonnull (strstr (subtitle, failed));
          g_assert_true (row->ineligible);
          n_failed++;
        }
      else
        {
          g_autofree char *passed = g_strdup_printf (_("%s: %s"), "Formelle krav", _("passed"));

          g_assert_nonnull (strstr (subtitle, passed));
          g_assert_true (row->screened);
          n_passed++;
        }
    }
  g_assert_cmpuint (n_passed, >=, 10);
  g_assert_cmpuint (n_failed, >=, 1);
  /* More than one slice (24 rows) was handed over. */
  g_assert_cmpuint (n_rows, >, 24);
}

static guint n_changes;

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *last)
{
  last[0] = position, last[1] = removed, last[2] = added;
  n_changes++;
}

/* The rows of a list the worker read, handed to the model in slices. */
static void
test_row_model_slices (void)
{
  g_autoptr (SpireRowModel) model = spire_row_model_new (G_TYPE_OBJECT);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint last[3] = { 0 };

  for (guint i = 0; i < 50; i++)
    g_ptr_array_add (rows, g_object_new (G_TYPE_OBJECT, NULL));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), last);
  spire_row_model_set_rows_shown (model, rows, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 12);
  g_assert_null (spire_row_model_peek (model, 12));
  g_assert_cmpuint (spire_row_model_show_more (model, 24), ==, 14);
  g_assert_cmpuint (last[0], ==, 12);
  g_assert_cmpuint (last[1], ==, 0);
  g_assert_cmpuint (last[2], ==, 24);
  g_assert_true (spire_row_model_peek (model, 35) == rows->pdata[35]);
  g_assert_cmpuint (spire_row_model_show_more (model, G_MAXUINT), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  g_assert_cmpuint (last[2], ==, 14);
  /* Nothing left: no signal. */
  n_changes = 0;
  g_assert_cmpuint (spire_row_model_show_more (model, 10), ==, 0);
  g_assert_cmpuint (n_changes, ==, 0);
  /* New rows replace all that were shown. */
  spire_row_model_set_rows (model, NULL);
  g_assert_cmpuint (last[1], ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
on_label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, gtk_label_new ("Søknad"));
}

static gboolean
not_slicing (gpointer model)
{
  return !spire_row_model_is_slicing (model);
}

static gboolean
slices_grew (gpointer model)
{
  return g_list_model_get_n_items (model) > 12;
}

/* A shown list view gets its rows a slice a frame, a hidden one the rest at
 * once (issue 11: 600 rows at once were one frame of 140 ms of CPU). */
static void
test_row_model_sliced_view (void)
{
  g_autoptr (SpireRowModel) model = spire_row_model_new (G_TYPE_OBJECT);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;

  for (guint i = 0; i < 600; i++)
    g_ptr_array_add (rows, g_object_new (G_TYPE_OBJECT, NULL));
  g_signal_connect (factory, "setup", G_CALLBACK (on_label_setup_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                              g_object_ref (G_LIST_MODEL (model)))),
                            factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  gtk_window_present (GTK_WINDOW (window));
  gui_fixture_wait_mapped (view, TRUE);

  spire_row_model_set_rows_sliced (model, rows, view, 12, 24);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 12);
  g_assert_true (spire_row_model_is_slicing (model));
  g_assert_true (gui_fixture_wait (slices_grew, model, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_true (gui_fixture_wait (not_slicing, model, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 600);

  /* Hidden before the last slice: the rest at once. */
  spire_row_model_set_rows_sliced (model, rows, view, 12, 24);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 12);
  gtk_widget_set_visible (scroller, FALSE);
  g_assert_false (spire_row_model_is_slicing (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 600);
  /* Hidden: at once. */
  spire_row_model_set_rows_sliced (model, rows, view, 12, 24);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 600);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmpdir = NULL;
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.ListsTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, func) g_test_add ("/lists/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cohort-header", test_cohort_header);
  ADD ("tile-filters", test_tile_filters);
  ADD ("application-widths", test_application_widths);
  ADD ("directory-widths", test_directory_widths);
  ADD ("ranking-widths", test_ranking_widths);
  ADD ("screening-answers", test_screening_answers);
#undef ADD
  g_test_add_func ("/lists/row-model-slices", test_row_model_slices);
  g_test_add_func ("/lists/row-model-sliced-view", test_row_model_sliced_view);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
