/* test-sidebar.c — the sidebar as the window's first frames show it
 *
 * The sidebar makes the rows a screenful holds with the window and the
 * others after its first frame (issue 11; spire-sidebar.c, append_screenful).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gui-fixture.h"
#include "sidebar/spire-sidebar-private.h"
#include "sidebar/spire-sidebar-rows.h"
#include "spire-app.h"
#include "spire-window-private.h"

static SpireApp *app;

/* The sidebar makes the rows a screenful holds with the window and the
 * others after its first frame (issue 11): all of them come, in order,
 * and the first cohort is chosen at once. */
static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);

      if (found)
        return found;
    }
  return NULL;
}

static guint
n_list_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

typedef struct
{
  GtkListBox *list;
  guint n;
} RowsWait;

static gboolean
has_all_rows (gpointer data)
{
  RowsWait *w = data;

  return n_list_rows (w->list) >= w->n;
}

static void
close_window (SpireWindow *window)
{
  gui_fixture_destroy_window (window);
}

/* A program with 80 cohorts, "Kull 01" to "Kull 80", the first with
 * three applications and the last with two */
static SpireStore *
store_with_80_cohorts (void)
{
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);

  g_assert_no_error (error);
  spire_record_set_text (program, "name", "Mange kull");
  spire_record_set_text (program, "kind", "accelerator");
  g_assert_true (spire_store_insert (store, program, &error));
  for (guint i = 1; i <= 80; i++)
    {
      g_autoptr (SpireRecord) cohort = spire_record_new (&spire_kind_cohort);
      g_autofree char *name = g_strdup_printf ("Kull %02u", i);

      spire_record_set_text (cohort, "program", spire_record_get_uuid (program));
      spire_record_set_text (cohort, "name", name);
      spire_record_set_text (cohort, "phase", "open");
      spire_record_set_int (cohort, "seats", 10);
      spire_store_insert (store, cohort, &error);
      g_assert_no_error (error);
      /* Each row counts its cohort's applications when it is made: the
       * first (before the first frame) and the last (in an idle) */
      for (guint j = 0; j < (i == 1 ? 3 : i == 80 ? 2 : 0); j++)
        {
          g_autofree char *title = g_strdup_printf ("Søknad %u-%u", i, j);

          g_assert_true (gui_fixture_add_application (store, spire_record_get_uuid (cohort), title,
                                                      title, "received", &error));
        }
    }
  return store;
}

/* A window opening @store as the app does: the window first, then the
 * database; its sidebar's list in @w */
static SpireWindow *
window_on (SpireStore *store, RowsWait *w)
{
  SpireWindow *window = spire_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  gui_fixture_wait_allocated (window);
  _spire_window_set_store (window, store);
  w->list = find_list_box (GTK_WIDGET (_spire_window_get_sidebar (window)));
  g_assert_nonnull (w->list);
  /* "Directory", its five rows, the program's heading, 80 cohorts */
  w->n = 1 + 5 + 1 + 80;
  return window;
}

static void
test_sidebar_later (void)
{
  g_autoptr (SpireStore) store = store_with_80_cohorts ();
  SpireWindow *window;
  SpireSidebar *sidebar;
  GtkWidget *last;
  RowsWait w;
  guint n_first, n_programs, n_cohorts;

  window = window_on (store, &w);
  sidebar = _spire_window_get_sidebar (window);
  n_first = n_list_rows (w.list);
  g_test_message ("%u of %u rows before the first frame", n_first, w.n);
  g_assert_cmpuint (n_first, >, 1 + 5 + 1 + 5);
  g_assert_cmpuint (n_first, <, w.n);
  g_assert_nonnull (spire_sidebar_get_selected_cohort (sidebar));
  g_assert_cmpstr (spire_record_get_display_name (
                     SPIRE_RECORD (spire_sidebar_get_selected_cohort (sidebar))),
                   ==, "Kull 01");

  g_assert_true (gui_fixture_wait (has_all_rows, &w, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpuint (n_list_rows (w.list), ==, w.n);
  last = gtk_widget_get_last_child (GTK_WIDGET (w.list));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (last), ==, "Kull 80");
  g_assert_true (gui_fixture_label_shows (last, "2 applications"));
  g_assert_true (gui_fixture_label_shows (gtk_widget_get_prev_sibling (last), "0 applications"));
  {
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (w.list));

    for (guint i = 0; i < 1 + 5 + 1; i++)
      first = gtk_widget_get_next_sibling (first);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (first), ==, "Kull 01");
    g_assert_true (gui_fixture_label_shows (first, "3 applications"));
  }
  _spire_sidebar_count_rows (sidebar, &n_programs, &n_cohorts);
  g_assert_cmpuint (n_programs, ==, 1);
  g_assert_cmpuint (n_cohorts, ==, 80);
  /* The last cohort is there to choose. */
  {
    g_autoptr (GPtrArray) last_cohort = spire_store_list (store, &spire_kind_cohort, "name",
                                                          "Kull 80", NULL);

    g_assert_cmpuint (last_cohort->len, ==, 1);
    g_assert_true (spire_sidebar_select_cohort (
      sidebar, spire_record_get_uuid (g_ptr_array_index (last_cohort, 0))));
    g_assert_cmpstr (spire_record_get_display_name (
                       SPIRE_RECORD (spire_sidebar_get_selected_cohort (sidebar))),
                     ==, "Kull 80");
  }
  close_window (window);
}

static guint n_told;

static void
count_told_cb (SpireSidebar *sidebar, gpointer user_data)
{
  n_told++;
}

/* A cohort chosen before its row is made (opened from elsewhere just
 * after the start) is shown at once, told once, and its row is selected
 * when it comes; the rows before it are not all made at once for it
 * (with 200 cohorts that froze the window for up to 250 ms). */
static void
test_sidebar_select_before_made (void)
{
  g_autoptr (SpireStore) store = store_with_80_cohorts ();
  g_autoptr (GPtrArray) last = spire_store_list (store, &spire_kind_cohort, "name", "Kull 80",
                                                 NULL);
  SpireWindow *window = NULL;
  SpireSidebar *sidebar;
  GtkListBoxRow *selected;
  RowsWait w;
  guint n_before;

  g_assert_cmpuint (last->len, ==, 1);
  window = window_on (store, &w);
  sidebar = _spire_window_get_sidebar (window);
  n_before = n_list_rows (w.list);
  g_assert_cmpuint (n_before, <, w.n);
  n_told = 0;
  g_signal_connect (sidebar, "selection-changed", G_CALLBACK (count_told_cb), NULL);

  g_assert_true (spire_sidebar_select_cohort (sidebar, spire_record_get_uuid (last->pdata[0])));
  g_assert_cmpuint (n_told, ==, 1);
  g_assert_cmpstr (spire_record_get_display_name (
                     SPIRE_RECORD (spire_sidebar_get_selected_cohort (sidebar))),
                   ==, "Kull 80");
  g_assert_cmpuint (n_list_rows (w.list), ==, n_before);
  g_assert_null (gtk_list_box_get_selected_row (w.list));

  g_assert_true (gui_fixture_wait (has_all_rows, &w, GUI_FIXTURE_TIMEOUT_MS));
  selected = gtk_list_box_get_selected_row (w.list);
  g_assert_nonnull (selected);
  g_assert_true (GTK_WIDGET (selected) == gtk_widget_get_last_child (GTK_WIDGET (w.list)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (selected)), ==, "Kull 80");
  /* Its row coming is no new choice. */
  g_assert_cmpuint (n_told, ==, 1);
  g_assert_cmpstr (spire_record_get_display_name (
                     SPIRE_RECORD (spire_sidebar_get_selected_cohort (sidebar))),
                   ==, "Kull 80");
  g_signal_handlers_disconnect_by_func (sidebar, count_told_cb, NULL);
  close_window (window);
}

/* A choice in the sidebar is told once ("selection-changed"), and the
 * window goes straight to what was chosen: from a directory or a program's
 * overview to a cohort without "No Cohort Selected" between (it followed
 * each of three properties' notifications, which showed that page and
 * read a directory twice). */
static void
on_selection_changed_cb (SpireSidebar *sidebar, guint *n)
{
  (*n)++;
}

static void
on_content_page_cb (GtkStack *stack, GParamSpec *pspec, GString *seen)
{
  g_string_append_printf (seen, "%s ", gtk_stack_get_visible_child_name (stack));
}

static void
test_sidebar_one_choice (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);
  g_autoptr (SpireRecord) cohort = spire_record_new (&spire_kind_cohort);
  g_autoptr (GString) seen = g_string_new (NULL);
  SpireWindow *window;
  SpireSidebar *sidebar;
  GtkWidget *stack;
  guint n = 0;

  g_assert_no_error (error);
  spire_record_set_text (program, "name", "Ett kull");
  spire_record_set_text (program, "kind", "accelerator");
  g_assert_true (spire_store_insert (store, program, &error));
  spire_record_set_text (cohort, "program", spire_record_get_uuid (program));
  spire_record_set_text (cohort, "name", "Vår");
  spire_record_set_text (cohort, "phase", "open");
  spire_record_set_int (cohort, "seats", 10);
  g_assert_true (spire_store_insert (store, cohort, &error));

  window = gui_fixture_window_on_cohort (app, store, spire_record_get_uuid (cohort));
  sidebar = _spire_window_get_sidebar (window);
  /* The content pane's stack: the first GtkStack above the cohort page. */
  stack = gtk_widget_get_parent (GTK_WIDGET (_spire_window_get_cohort_page (window)));
  while (stack && !GTK_IS_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  g_assert_nonnull (stack);
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "cohort");
  g_signal_connect (sidebar, "selection-changed", G_CALLBACK (on_selection_changed_cb), &n);
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (on_content_page_cb), seen);

  g_assert_true (spire_sidebar_select_directory (sidebar, "startups"));
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (spire_sidebar_get_selected_cohort (sidebar));
  g_assert_cmpstr (spire_sidebar_get_selected_directory (sidebar), ==, "startups");
  g_assert_true (spire_sidebar_select_cohort (sidebar, spire_record_get_uuid (cohort)));
  g_assert_cmpuint (n, ==, 2);
  g_assert_null (spire_sidebar_get_selected_directory (sidebar));
  g_assert_true (spire_sidebar_select_program (sidebar, spire_record_get_uuid (program)));
  g_assert_cmpuint (n, ==, 3);
  g_assert_null (spire_sidebar_get_selected_cohort (sidebar));
  g_assert_true (spire_sidebar_select_cohort (sidebar, spire_record_get_uuid (cohort)));
  g_assert_cmpuint (n, ==, 4);
  g_assert_null (spire_sidebar_get_selected_program (sidebar));
  /* The same row again is no new choice. */
  g_assert_true (spire_sidebar_select_cohort (sidebar, spire_record_get_uuid (cohort)));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (seen->str, ==, "directory cohort program cohort ");

  g_signal_handlers_disconnect_by_func (stack, on_content_page_cb, seen);
  close_window (window);
}

/* A cohort's long name: the end that tells it from its siblings ("2027
 * høst") has a label of its own that is never cut, the start is
 * ellipsized at its end, and the row's tooltip has the whole name. */
static void
test_sidebar_name_period (void)
{
  g_assert_cmpstr (_spire_sidebar_name_period ("SmartOslo Akselerator vår 2024"), ==,
                   "vår 2024");
  g_assert_cmpstr (_spire_sidebar_name_period ("Bergen kommune – Klimaløsninger 2027 høst"),
                   ==, "2027 høst");
  g_assert_null (_spire_sidebar_name_period ("Spring 2026"));
  g_assert_cmpstr (_spire_sidebar_name_period ("Kull 03"), ==, "03");
  g_assert_cmpstr (_spire_sidebar_name_period ("Green Transition Autumn 2025/26"), ==,
                   "Autumn 2025/26");
  g_assert_null (_spire_sidebar_name_period ("Behovsløftet"));
  g_assert_null (_spire_sidebar_name_period ("Vår"));
}

static GtkLabel *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

#define PROGRAM_NAME "Bergen kommune – Innovative anskaffelser for klima og miljø"

static void
test_sidebar_long_names (void)
{
  static const char *const names[] = {
    "Bergen kommune – Klimaløsninger for framtidens byer 2027 høst",
    "Bergen kommune – Klimaløsninger for framtidens byer 2028 vår",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);
  SpireWindow *window;
  GtkListBox *list;

  g_assert_no_error (error);
  spire_record_set_text (program, "name", PROGRAM_NAME);
  spire_record_set_text (program, "kind", "accelerator");
  g_assert_true (spire_store_insert (store, program, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (SpireRecord) cohort = spire_record_new (&spire_kind_cohort);

      spire_record_set_text (cohort, "program", spire_record_get_uuid (program));
      spire_record_set_text (cohort, "name", names[i]);
      spire_record_set_text (cohort, "phase", "open");
      spire_record_set_int (cohort, "seats", 10);
      g_assert_true (spire_store_insert (store, cohort, &error));
    }

  /* A phone's width: the sidebar is the whole window. */
  window = spire_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  _spire_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  list = _spire_sidebar_get_list (_spire_window_get_sidebar (window));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkLabel *period = find_label (GTK_WIDGET (list), i == 0 ? "2027 høst" : "2028 vår");
      GtkLabel *head;
      GtkWidget *row;
      int natural = 0;

      g_assert_nonnull (period);
      row = gtk_widget_get_ancestor (GTK_WIDGET (period), GTK_TYPE_LIST_BOX_ROW);
      head = find_label (row, "Bergen kommune – Klimaløsninger for framtidens byer");
      g_assert_nonnull (head);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, names[i]);
      g_assert_true (gui_fixture_wait (is_allocated, period, GUI_FIXTURE_TIMEOUT_MS));
      /* The period whole, the start cut at its end */
      gtk_widget_measure (GTK_WIDGET (period), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                          NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (period)), >=, natural);
      g_assert_cmpint (gtk_label_get_ellipsize (head), ==, PANGO_ELLIPSIZE_END);
      g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (head)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row)), <=, 360);
    }
  /* The program's heading: one line, cut at its end, whole in its tooltip */
  {
    GtkLabel *heading = find_label (GTK_WIDGET (list), PROGRAM_NAME);
    const char *tip;

    g_assert_nonnull (heading);
    g_assert_false (gtk_label_get_wrap (heading));
    g_assert_cmpint (gtk_label_get_ellipsize (heading), ==, PANGO_ELLIPSIZE_END);
    g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (heading)));
    tip = gtk_widget_get_tooltip_text (GTK_WIDGET (heading));
    g_assert_nonnull (strstr (tip, PROGRAM_NAME));
  }
  close_window (window);
}

static gboolean
label_mapped (gpointer data)
{
  return gui_fixture_find_label (data, "No Cohorts Yet", TRUE) != NULL;
}

/* A program without cohorts: the content says so (its page is made when
 * first shown, not with the window). */
static void
test_sidebar_no_cohorts (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);
  SpireWindow *window;

  g_assert_no_error (error);
  spire_record_set_text (program, "name", "Uten kull");
  spire_record_set_text (program, "kind", "accelerator");
  g_assert_true (spire_store_insert (store, program, &error));
  window = spire_window_new (app);
  _spire_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "no-cohorts");
  g_assert_true (gui_fixture_wait (label_mapped, window, GUI_FIXTURE_TIMEOUT_MS));
  close_window (window);
}

/* Where the cohort's facts are, relative to its name: beside it when the
 * name's whole line fits, else under it (the name then has the page's
 * width, and is cut only when longer than that). */
static gboolean
facts_under_name (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);
  g_autoptr (SpireRecord) cohort = spire_record_new (&spire_kind_cohort);
  SpireWindow *window;
  GtkWidget *title, *phase;
  graphene_point_t title_at, phase_at;
  gboolean under;

  g_assert_no_error (error);
  spire_record_set_text (program, "name", "Bergen kommune");
  spire_record_set_text (program, "kind", "accelerator");
  g_assert_true (spire_store_insert (store, program, &error));
  spire_record_set_text (cohort, "program", spire_record_get_uuid (program));
  spire_record_set_text (cohort, "name", name);
  spire_record_set_text (cohort, "phase", "open");
  spire_record_set_text (cohort, "application_deadline", "2027-03-01");
  spire_record_set_int (cohort, "seats", 10);
  g_assert_true (spire_store_insert (store, cohort, &error));
  window = gui_fixture_window_on_cohort (app, store, spire_record_get_uuid (cohort));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  title = gui_fixture_find_label (GTK_WIDGET (_spire_window_get_cohort_page (window)), name, FALSE);
  phase = gui_fixture_find_label (GTK_WIDGET (_spire_window_get_cohort_page (window)), "Phase",
                                  FALSE);
  g_assert_nonnull (title);
  g_assert_nonnull (phase);
  gui_fixture_wait_allocated (phase);
  gui_fixture_wait_frame (window);
  g_assert_true (gtk_widget_compute_point (title, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0),
                                           &title_at));
  g_assert_true (gtk_widget_compute_point (phase, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0),
                                           &phase_at));
  under = phase_at.y >= title_at.y + gtk_widget_get_height (title);
  if (under)
    {
      /* the name has the width the facts had beside it */
      g_assert_cmpfloat (phase_at.x, <, title_at.x + 20);
      g_assert_cmpint (gtk_widget_get_width (title), >, 700);
    }
  close_window (window);
  return under;
}

static void
test_sidebar_header_facts (void)
{
  g_assert_false (facts_under_name ("Vår 2027"));
  g_assert_true (facts_under_name ("Bergen kommune – Klimaløsninger for framtidens byer og "
                                   "innovative anskaffelser 2027 høst"));
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = gui_fixture_isolate ();
  int ret;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.SidebarTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_test_add_func ("/sidebar/later", test_sidebar_later);
  g_test_add_func ("/sidebar/select-before-made", test_sidebar_select_before_made);
  g_test_add_func ("/sidebar/one-choice", test_sidebar_one_choice);
  g_test_add_func ("/sidebar/name-period", test_sidebar_name_period);
  g_test_add_func ("/sidebar/long-names", test_sidebar_long_names);
  g_test_add_func ("/sidebar/no-cohorts", test_sidebar_no_cohorts);
  g_test_add_func ("/sidebar/header-facts", test_sidebar_header_facts);
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
