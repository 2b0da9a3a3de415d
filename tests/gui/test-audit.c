/* test-audit.c — the audit page: changes made through core, the page
 * opened through the window's actions (the sidebar's "Audit Trail", a
 * record's and a person's "Show History"), its rows equal to
 * spire_audit_query's: count, newest first, by record, by person, since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-audit"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "audit/spire-audit-entry.h"
#include "gui-fixture.h"
#include "records/spire-record-list-page.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"

static SpireApp *app;

typedef struct
{
  SpireStore *store;
  char *dir;
  SpireRecord *startup, *person, *other;
} World;

static SpireRecord *
make (SpireStore *store, const SpireKind *kind, const char *field, const char *value,
      const char *field2, const char *value2)
{
  g_autoptr (SpireRecord) r = spire_record_new (kind);
  g_autoptr (GError) error = NULL;

  spire_record_set_text (r, field, value);
  if (field2)
    spire_record_set_text (r, field2, value2);
  g_assert_true (spire_store_insert (store, r, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&r);
}

static void
world_init (World *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) gone = NULL;
  g_autofree char *path = NULL;

  w->dir = g_dir_make_tmp ("spire-audit-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (w->dir, "audit.spire", NULL);
  w->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  w->startup = make (w->store, &spire_kind_startup, "name", "Kvitravn AS", NULL, NULL);
  w->person = make (w->store, &spire_kind_person, "name", "Synnøve Kvitravn", "startup",
                    spire_record_get_uuid (w->startup));
  w->other = make (w->store, &spire_kind_person, "name", "Ola Nordmann", NULL, NULL);
  gone = make (w->store, &spire_kind_startup, "name", "Borte AS", NULL, NULL);
  spire_record_set_text (w->startup, "name", "Kvitravn Analyse AS");
  g_assert_true (spire_store_update (w->store, w->startup, &error));
  spire_record_set_text (w->person, "phone", "+47 912 34 567");
  g_assert_true (spire_store_update (w->store, w->person, &error));
  g_assert_true (spire_store_delete (w->store, gone, &error));
  g_assert_no_error (error);
}

static void
world_clear (World *w)
{
  g_autofree char *path = g_build_filename (w->dir, "audit.spire", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&w->startup);
  g_clear_object (&w->person);
  g_clear_object (&w->other);
  g_clear_object (&w->store);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (w->dir);
  g_free (w->dir);
}

static gboolean
page_loaded (gpointer data)
{
  return !spire_audit_page_get_loading (data);
}

/* The page's rows are spire_audit_query's for @filter, in its order. */
static void
assert_rows (SpireAuditPage *page, SpireStore *store, const SpireAuditFilter *filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expected = spire_audit_query (store, filter, &error);
  GListModel *rows = spire_audit_page_get_entries (page);

  g_assert_true (gui_fixture_wait (page_loaded, page, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr (SpireAuditEntry) entry = g_list_model_get_item (rows, i);

      g_assert_cmpstr (spire_audit_entry_get (entry, "id"), ==,
                       g_hash_table_lookup (expected->pdata[i], "id"));
      if (i > 0)
        {
          g_autoptr (SpireAuditEntry) prev = g_list_model_get_item (rows, i - 1);

          g_assert_cmpint (g_ascii_strtoll (spire_audit_entry_get (prev, "id"), NULL, 10), >,
                           g_ascii_strtoll (spire_audit_entry_get (entry, "id"), NULL, 10));
        }
    }
}

static GtkWidget *
find_child (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_child (c, type);

      if (found)
        return found;
    }
  return NULL;
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

/* The sidebar's "Audit Trail": the whole database, newest first; the
 * newest entry is the delete, its record named by its kind. */
static void
test_audit_all (void)
{
  World w = { 0 };
  SpireWindow *window;
  SpireAuditPage *page;
  g_autoptr (SpireAuditEntry) newest = NULL;

  world_init (&w);
  window = window_for (w.store);
  page = _spire_window_get_audit_page (window);
  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "audit"));
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "audit");
  assert_rows (page, w.store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (spire_audit_page_get_entries (page)), ==, 7);
  newest = g_list_model_get_item (spire_audit_page_get_entries (page), 0);
  g_assert_cmpstr (spire_audit_entry_get (newest, "action"), ==, "delete");
  g_assert_cmpstr (spire_audit_entry_get_text (newest, SPIRE_AUDIT_COLUMN_ACTION), ==, "Deleted");

  /* A change made now is shown when the window reads the store again */
  spire_record_set_text (w.other, "email", "ola@nordmann.no");
  g_assert_true (spire_store_update (w.store, w.other, NULL));
  _spire_window_reload_now (window);
  assert_rows (page, w.store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (spire_audit_page_get_entries (page)), ==, 8);

  /* Since a day, as typed */
  spire_audit_page_set_since (page, "01.01.2999");
  assert_rows (page, w.store, &(SpireAuditFilter){ .since = "2999-01-01" });
  g_assert_cmpuint (g_list_model_get_n_items (spire_audit_page_get_entries (page)), ==, 0);
  spire_audit_page_set_since (page, "2000-01-01");
  assert_rows (page, w.store, &(SpireAuditFilter){ .since = "2000-01-01" });
  g_assert_cmpuint (g_list_model_get_n_items (spire_audit_page_get_entries (page)), ==, 8);

  gui_fixture_destroy_window (window);
  world_clear (&w);
}

/* "Show History" of a record: its entries only, with what changed. */
static void
test_audit_record (void)
{
  World w = { 0 };
  SpireWindow *window;
  SpireAuditPage *page;
  SpireAuditFilter filter = { 0 };
  g_autoptr (SpireAuditEntry) update = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  SpireAuditChange *change;
  int minimum = 0;

  world_init (&w);
  window = window_for (w.store);
  page = _spire_window_get_audit_page (window);
  filter.record = spire_record_get_uuid (w.startup);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", "(ss)", "startup",
                              filter.record);
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "audit");
  assert_rows (page, w.store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (spire_audit_page_get_entries (page)), ==, 2);
  g_assert_cmpstr (spire_audit_page_get_title (page), ==, "History of “Kvitravn Analyse AS”");

  update = g_list_model_get_item (spire_audit_page_get_entries (page), 0);
  g_assert_cmpstr (spire_audit_entry_get_text (update, SPIRE_AUDIT_COLUMN_RECORD), ==,
                   "Startup: Kvitravn Analyse AS");
  changes = spire_audit_entry_get_changes (update, w.store);
  g_assert_cmpuint (changes->len, ==, 1);
  change = changes->pdata[0];
  g_assert_cmpstr (change->label, ==, "Name");
  g_assert_cmpstr (change->before, ==, "Kvitravn AS");
  g_assert_cmpstr (change->after, ==, "Kvitravn Analyse AS");

  /* A phone is 360 pixels wide: the page fits (the columns scroll). */
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_test_message ("minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 360);

  /* "Show All" leaves the record */
  gtk_widget_activate_action (GTK_WIDGET (page), "audit.show-all", NULL);
  assert_rows (page, w.store, NULL);

  /* The search keeps the entries that hold every word */
  gui_fixture_search (GTK_EDITABLE (find_child (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY)),
                      "borte slettet");
  g_assert_cmpuint (g_list_model_get_n_items (spire_audit_page_get_entries (page)), ==, 0);
  gui_fixture_search (GTK_EDITABLE (find_child (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY)),
                      "borte deleted");
  g_assert_cmpuint (g_list_model_get_n_items (spire_audit_page_get_entries (page)), ==, 1);

  gui_fixture_destroy_window (window);
  world_clear (&w);
}

/* "Show History" of a person from the People page: the entries about them
 * and the records that name them, not Ola's. */
static void
test_audit_person (void)
{
  World w = { 0 };
  SpireWindow *window;
  SpireAuditPage *page;
  SpireRecordListPage *people;
  GtkSelectionModel *selection;
  SpireAuditFilter filter = { 0 };
  GListModel *rows;
  gboolean saw_startup = FALSE;
  guint n;

  world_init (&w);
  window = window_for (w.store);
  page = _spire_window_get_audit_page (window);
  people = _spire_window_get_directory_page (window);
  selection = _spire_record_list_page_get_selection (people);
  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "persons"));
  gui_fixture_wait_records (people);
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (spire_record_equal (r, w.person))
        gtk_selection_model_select_item (selection, i, TRUE);
    }
  gtk_widget_activate_action (GTK_WIDGET (people), "records.show-history", NULL);
  g_assert_cmpstr (_spire_window_get_content_page (window), ==, "audit");
  filter.person = spire_record_get_uuid (w.person);
  assert_rows (page, w.store, &filter);
  rows = spire_audit_page_get_entries (page);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (SpireAuditEntry) e = g_list_model_get_item (rows, i);

      g_assert_cmpstr (spire_audit_entry_get (e, "entity_uuid"), !=,
                       spire_record_get_uuid (w.other));
      /* A reference reads as its record's name */
      if (g_strcmp0 (spire_audit_entry_get (e, "action"), "create") == 0 &&
          g_strcmp0 (spire_audit_entry_get (e, "entity"), "person") == 0)
        {
          g_autoptr (GPtrArray) changes = spire_audit_entry_get_changes (e, w.store);

          saw_startup = FALSE;
          for (guint c = 0; c < changes->len; c++)
            {
              SpireAuditChange *change = changes->pdata[c];

              if (g_str_equal (change->label, "Startup"))
                {
                  g_assert_cmpstr (change->before, ==, "—");
                  g_assert_cmpstr (change->after, ==, "Kvitravn Analyse AS");
                  saw_startup = TRUE;
                }
            }
          g_assert_true (saw_startup);
        }
    }

  /* By person and since */
  spire_audit_page_set_since (page, "2000-01-01");
  filter.since = "2000-01-01";
  assert_rows (page, w.store, &filter);

  gui_fixture_destroy_window (window);
  world_clear (&w);
}

static gboolean
persons_listed (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (data)) == 3;
}

static const char *
dropdown_string (GtkDropDown *dropdown, guint i)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), i);
}

/* The person picker: not listed while the window opens (the page is not
 * shown), then "Everyone" and both people once the page is shown; a
 * person's "Show History" selects them in it. */
static void
test_audit_persons (void)
{
  World w = { 0 };
  SpireWindow *window;
  SpireAuditPage *page;
  GtkDropDown *dropdown;
  const char *first, *second;

  world_init (&w);
  window = window_for (w.store);
  page = _spire_window_get_audit_page (window);
  dropdown = GTK_DROP_DOWN (find_child (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  /* A while in which a worker would have listed them: nothing does. */
  gui_fixture_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 1);
  g_assert_cmpstr (dropdown_string (dropdown, 0), ==, "Everyone");

  g_assert_true (spire_sidebar_select_directory (_spire_window_get_sidebar (window), "audit"));
  g_assert_true (gui_fixture_wait (persons_listed, dropdown, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpstr (dropdown_string (dropdown, 0), ==, "Everyone");
  first = dropdown_string (dropdown, 1);
  second = dropdown_string (dropdown, 2);
  g_assert_true ((g_strcmp0 (first, "Ola Nordmann") == 0 &&
                  g_strcmp0 (second, "Synnøve Kvitravn") == 0) ||
                 (g_strcmp0 (first, "Synnøve Kvitravn") == 0 &&
                  g_strcmp0 (second, "Ola Nordmann") == 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  assert_rows (page, w.store, NULL);

  /* Filtered by a person: they are selected at once, and still once the
   * people are listed again */
  _spire_window_show_history (window, "person", spire_record_get_uuid (w.other));
  g_assert_cmpstr (dropdown_string (dropdown, gtk_drop_down_get_selected (dropdown)), ==,
                   "Ola Nordmann");
  g_assert_true (gui_fixture_wait (persons_listed, dropdown, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_cmpstr (dropdown_string (dropdown, gtk_drop_down_get_selected (dropdown)), ==,
                   "Ola Nordmann");
  assert_rows (page, w.store, &(SpireAuditFilter){ .person = spire_record_get_uuid (w.other) });

  gui_fixture_destroy_window (window);
  world_clear (&w);
}

int
main (int argc, char **argv)
{
  g_autofree char *tmpdir = gui_fixture_isolate ();
  int ret;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.AuditTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/audit/all", test_audit_all);
  g_test_add_func ("/audit/record", test_audit_record);
  g_test_add_func ("/audit/person", test_audit_person);
  g_test_add_func ("/audit/persons", test_audit_persons);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
