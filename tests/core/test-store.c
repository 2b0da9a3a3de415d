/* test-store.c — opening, refusing, migrating, writing, two writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "spire-schema-private.h"
#include "spire-store-private.h"
#include "test-helpers.h"

static gint64
raw_pragma (const char *path, const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static SpireRecord *
make_program (SpireStore *store, const char *name)
{
  return test_make (store, &spire_kind_program, "name", name, "kind", "accelerator", NULL);
}

static void
test_new_database (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "sub", "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (spire_store_is_empty (store));
  g_clear_object (&store);

  g_assert_cmpint (raw_pragma (path, "user_version"), ==, SPIRE_SCHEMA_VERSION);
  g_assert_cmpint (raw_pragma (path, "application_id"), ==, SPIRE_APPLICATION_ID);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  test_tmpdir_free (dir);
}

/* Every field of every kind is a column of its table, in order after id. */
static void
test_schema_matches_kinds (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  sqlite3 *db = _spire_store_get_db (store);
  guint n;
  const SpireKind *const *kinds = spire_kinds (&n);

  g_assert_no_error (error);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid",
                                              kinds[k]->table);
      sqlite3_stmt *stmt = NULL;
      guint i = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "id");
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_assert_cmpuint (i, <, kinds[k]->n_fields);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, kinds[k]->fields[i].name);
          i++;
        }
      g_assert_cmpuint (i, ==, kinds[k]->n_fields);
      sqlite3_finalize (stmt);
    }
}

static void
test_crud_and_audit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireRecord) again = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  guint changed = 0;

  spire_store_set_actor (store, "Kari Nordmann");
  g_signal_connect_swapped (store, "changed::programs", G_CALLBACK (g_atomic_int_inc), &changed);

  program = make_program (store, "SmartOslo Accelerator");
  g_assert_true (g_uuid_string_is_valid (spire_record_get_uuid (program)));
  g_assert_nonnull (spire_record_get_text (program, "created_at"));
  g_assert_cmpuint (changed, ==, 1);

  again = spire_store_get (store, &spire_kind_program, spire_record_get_uuid (program), &error);
  g_assert_no_error (error);
  g_assert_true (spire_record_equal (program, again));

  spire_record_set_text (program, "operator", "Oslo Business Region");
  g_assert_true (spire_store_update (store, program, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = spire_store_get (store, &spire_kind_program, spire_record_get_uuid (program), &error);
  g_assert_cmpstr (spire_record_get_text (again, "operator"), ==, "Oslo Business Region");

  g_assert_true (spire_store_delete (store, program, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = spire_store_get (store, &spire_kind_program, spire_record_get_uuid (program), &error);
  g_assert_null (again);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  audit = spire_store_list_audit (store, spire_record_get_uuid (program), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[0], "action"), ==, "delete");
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[1], "action"), ==, "update");
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[2], "action"), ==, "create");
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[1], "who"), ==, "Kari Nordmann");
  g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[1], "before"), "\"operator\":null"));
  g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[1], "after"), "Oslo Business Region"));
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_refusals (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = make_program (store, "StartOff");
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) app = spire_record_new (&spire_kind_application);
  g_autofree char *ghost = spire_uuid_new ();

  /* A cohort needs at least one seat; nothing is written. */
  cohort = spire_record_new (&spire_kind_cohort);
  spire_record_set_text (cohort, "program", spire_record_get_uuid (program));
  spire_record_set_text (cohort, "name", "Kull 2026");
  spire_record_set_text (cohort, "phase", "planning");
  spire_record_set_int (cohort, "seats", 0);
  g_assert_false (spire_store_insert (store, cohort, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Seats"));
  g_clear_error (&error);
  g_assert_cmpint (spire_store_count (store, &spire_kind_cohort, NULL, NULL), ==, 0);

  spire_record_set_int (cohort, "seats", 4);
  g_assert_true (spire_store_insert (store, cohort, &error));
  g_assert_no_error (error);

  /* An application for a startup that does not exist. */
  spire_record_set_text (app, "cohort", spire_record_get_uuid (cohort));
  spire_record_set_text (app, "startup", ghost);
  spire_record_set_text (app, "title", "Ruteplan");
  spire_record_set_text (app, "status", "received");
  g_assert_false (spire_store_insert (store, app, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, ghost));
  g_clear_error (&error);

  /* A program with a cohort cannot simply vanish, and says why. */
  g_assert_false (spire_store_delete (store, program, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 cohort"));
  g_assert_nonnull (strstr (error->message, "StartOff"));
  g_clear_error (&error);
  g_assert_true (spire_store_exists (store, &spire_kind_program, spire_record_get_uuid (program)));
}

static void
test_norwegian_order (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  const char *names[] = { "Ørsta Energi", "aker solutions", "Åsen Helse", "Zeta Labs",
                          "Ærlig Mat", "Bølge AS", "Öberg" };
  const char *expected[] = { "aker solutions", "Bølge AS", "Zeta Labs", "Ærlig Mat",
                             "Öberg", "Ørsta Energi", "Åsen Helse" };
  g_autoptr (GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (test_make (store, &spire_kind_startup, "name", names[i], NULL));
  list = spire_store_list (store, &spire_kind_startup, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (spire_record_get_text (list->pdata[i], "name"), ==, expected[i]);
}

static void
test_newer_version_refused (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  g_object_unref (make_program (store, "Program"));
  g_clear_object (&store);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         SPIRE_SCHEMA_VERSION + 5);
  raw_exec (path, sql);
  before = test_file_bytes (path);

  store = spire_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, path));
  after = test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  test_tmpdir_free (dir);
}

static void
assert_refused_untouched (const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = test_file_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, SPIRE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_not_a_database_refused (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *trunc = g_build_filename (dir, "truncated.db", NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (text, "Møtereferat\nIkke en database.\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (text, SPIRE_ERROR_NOT_SPIRE);

  raw_exec (other, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('lapskaus')");
  assert_refused_untouched (other, SPIRE_ERROR_NOT_SPIRE);

  /* A real Spire database cut in half. */
  {
    g_autoptr (SpireStore) store = spire_store_open (trunc, &error);
    g_autoptr (GBytes) bytes = NULL;

    g_assert_no_error (error);
    for (int i = 0; i < 200; i++)
      {
        g_autofree char *name = g_strdup_printf ("Startup %d med et langt navn for å fylle sider", i);
        g_object_unref (test_make (store, &spire_kind_startup, "name", name, NULL));
      }
    g_clear_object (&store);
    raw_exec (trunc, "PRAGMA journal_mode = DELETE");
    bytes = test_file_bytes (trunc);
    g_assert_cmpuint (g_bytes_get_size (bytes), >, 8192);
    g_file_set_contents (trunc, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2, &error);
    g_assert_no_error (error);
  }
  assert_refused_untouched (trunc, SPIRE_ERROR_CORRUPT);
  test_tmpdir_free (dir);
}

static void
test_migration_takes_backup (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (SpireStore) backup = NULL;
  g_autoptr (SpireRecord) program = NULL;
  char *backup_path;

  g_assert_no_error (error);
  program = make_program (store, "LUP");
  g_clear_object (&store);

  /* A migration that fails leaves the file at its version. */
  _spire_schema_set_extra_migration ("CREATE TABLE notes (x TEXT); SELECT * FROM no_such_table;");
  store = spire_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);
  _spire_schema_set_extra_migration (NULL);
  g_assert_cmpint (raw_pragma (path, "user_version"), ==, SPIRE_SCHEMA_VERSION);
  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (store, &spire_kind_program, NULL, NULL), ==, 1);
  g_clear_object (&store);

  /* One that works first copies the file beside it. */
  _spire_schema_set_extra_migration ("CREATE TABLE notes (x TEXT) STRICT;");
  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  backup_path = g_strdup (spire_store_get_migration_backup (store));
  g_assert_nonnull (backup_path);
  g_assert_true (g_str_has_prefix (backup_path, path));
  g_assert_cmpint (raw_pragma (path, "user_version"), ==, SPIRE_SCHEMA_VERSION + 1);
  g_assert_cmpint (raw_pragma (backup_path, "user_version"), ==, SPIRE_SCHEMA_VERSION);
  g_clear_object (&store);
  _spire_schema_set_extra_migration (NULL);

  backup = spire_store_open (backup_path, &error);
  g_assert_no_error (error);
  g_assert_true (spire_store_exists (backup, &spire_kind_program, spire_record_get_uuid (program)));
  g_clear_object (&backup);
  g_free (backup_path);
  test_tmpdir_free (dir);
}

static void
test_two_writers (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) a = spire_store_open (path, &error);
  g_autoptr (SpireStore) b = NULL;
  g_autoptr (SpireRecord) from_b = NULL;
  char **problems = NULL;

  g_assert_no_error (error);
  b = spire_store_open (path, &error);
  g_assert_no_error (error);
  spire_store_set_busy_timeout (b, 100);

  g_assert_true (spire_store_begin (a, &error));
  g_object_unref (make_program (a, "Written by A"));

  from_b = spire_record_new (&spire_kind_program);
  spire_record_set_text (from_b, "name", "Written by B");
  spire_record_set_text (from_b, "kind", "other");
  g_assert_false (spire_store_insert (b, from_b, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_true (spire_store_commit (a, &error));
  g_assert_no_error (error);

  /* Once A is done, B may write, and both changes are there. */
  g_assert_true (spire_store_insert (b, from_b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (a, &spire_kind_program, NULL, NULL), ==, 2);
  g_assert_true (spire_store_check (a, &problems, &error));
  g_assert_no_error (error);
  g_strfreev (problems);
  g_clear_object (&a);
  g_clear_object (&b);
  test_tmpdir_free (dir);
}

static void
test_backup_while_open (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "live.db", NULL);
  g_autofree char *dest = g_build_filename (dir, "copy.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (SpireStore) copy = NULL;

  g_assert_no_error (error);
  g_object_unref (make_program (store, "Helse Bergen"));
  g_assert_true (spire_store_backup (store, dest, &error));
  g_assert_no_error (error);
  /* It never overwrites. */
  g_assert_false (spire_store_backup (store, dest, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_clear_error (&error);

  copy = spire_store_open (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (copy, &spire_kind_program, NULL, NULL), ==, 1);
  g_clear_object (&copy);
  g_clear_object (&store);
  test_tmpdir_free (dir);
}

static void
test_rollback_nested (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);

  g_assert_true (spire_store_begin (store, &error));
  g_object_unref (make_program (store, "A"));
  g_assert_true (spire_store_begin (store, &error));
  g_object_unref (make_program (store, "B"));
  spire_store_rollback (store);
  g_assert_false (spire_store_commit (store, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (spire_store_count (store, &spire_kind_program, NULL, NULL), ==, 0);
}

static void
test_audit_keeps_no_secret (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = make_program (store, "SmartOslo");
  g_autoptr (SpireRecord) cohort = test_make (store, &spire_kind_cohort, "program",
                                              spire_record_get_uuid (program), "name", "Høst",
                                              "phase", "evaluation", "seats", (gint64) 4, NULL);
  g_autoptr (SpireRecord) person = test_make (store, &spire_kind_person, "name", "Ola", NULL);
  g_autoptr (SpireRecord) evaluator = test_make (store, &spire_kind_evaluator, "cohort",
                                                 spire_record_get_uuid (cohort), "person",
                                                 spire_record_get_uuid (person), "role", "member",
                                                 "token", "5ec7e75ec7e75ec7e7", NULL);
  g_autoptr (GPtrArray) audit = spire_store_list_audit (store, spire_record_get_uuid (evaluator), 0,
                                                        &error);

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[0], "after"), "member"));
  g_assert_null (strstr (g_hash_table_lookup (audit->pdata[0], "after"), "5ec7e75ec7e7"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/new", test_new_database);
  g_test_add_func ("/store/schema-matches-kinds", test_schema_matches_kinds);
  g_test_add_func ("/store/crud-and-audit", test_crud_and_audit);
  g_test_add_func ("/store/refusals", test_refusals);
  g_test_add_func ("/store/norwegian-order", test_norwegian_order);
  g_test_add_func ("/store/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/not-a-database-refused", test_not_a_database_refused);
  g_test_add_func ("/store/migration-takes-backup", test_migration_takes_backup);
  g_test_add_func ("/store/two-writers", test_two_writers);
  g_test_add_func ("/store/backup-while-open", test_backup_while_open);
  g_test_add_func ("/store/rollback-nested", test_rollback_nested);
  g_test_add_func ("/store/audit-keeps-no-secret", test_audit_keeps_no_secret);
  return g_test_run ();
}
