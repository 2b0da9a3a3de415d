/* test-store.c — opening, refusing, migrating, writing, two writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
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

/* A database of schema version 1 holding data, made as version 1 made it:
 * screening answers, a dismissed conflict and an exported package only in
 * the audit log. */
#define V1_PROGRAM "00000000-0000-4000-8000-0000000000a1"
#define V1_COHORT "00000000-0000-4000-8000-0000000000a2"
#define V1_NORDLYS "00000000-0000-4000-8000-0000000000b1"
#define V1_SOLKRAFT "00000000-0000-4000-8000-0000000000b2"
#define V1_KARI_P "00000000-0000-4000-8000-0000000000c1"
#define V1_PER_P "00000000-0000-4000-8000-0000000000c2"
#define V1_APP1 "00000000-0000-4000-8000-0000000000d1"
#define V1_APP2 "00000000-0000-4000-8000-0000000000d2"
#define V1_RUBRIC "00000000-0000-4000-8000-0000000000e1"
#define V1_TEAM "00000000-0000-4000-8000-0000000000e2"
#define V1_GATE "00000000-0000-4000-8000-0000000000e3"
#define V1_GONE "00000000-0000-4000-8000-0000000000e9"
#define V1_KARI "00000000-0000-4000-8000-0000000000f1"
#define V1_PER "00000000-0000-4000-8000-0000000000f2"
#define V1_PENDING "00000000-0000-4000-8000-0000000000f3"
#define V1_DISMISSED "00000000-0000-4000-8000-0000000000f4"
#define V1_PACKAGE "00000000-0000-4000-8000-0000000000f5"
#define T0 "'2026-02-01T08:00:00Z', '2026-02-01T08:00:00Z'"

static const char v1_data[] =
  "INSERT INTO programs (uuid, created_at, updated_at, name, kind) VALUES "
  "('" V1_PROGRAM "', " T0 ", 'SmartOslo', 'accelerator');\n"
  "INSERT INTO cohorts (uuid, created_at, updated_at, program, name, phase, seats) VALUES "
  "('" V1_COHORT "', " T0 ", '" V1_PROGRAM "', 'Kull 2026', 'evaluation', 4);\n"
  "INSERT INTO startups (uuid, created_at, updated_at, name, website) VALUES "
  "('" V1_NORDLYS "', " T0 ", 'Nordlys AS', 'https://nordlys.no'), "
  "('" V1_SOLKRAFT "', " T0 ", 'Solkraft AS', 'https://solkraft.no');\n"
  "INSERT INTO persons (uuid, created_at, updated_at, name, email) VALUES "
  "('" V1_KARI_P "', " T0 ", 'Kari Nordmann', 'kari@solkraft.no'), "
  "('" V1_PER_P "', " T0 ", 'Per Hansen', 'per@solkraft.no');\n"
  "INSERT INTO applications (uuid, created_at, updated_at, cohort, startup, title, status) VALUES "
  "('" V1_APP1 "', " T0 ", '" V1_COHORT "', '" V1_NORDLYS "', 'Varmestyring', 'received'), "
  "('" V1_APP2 "', " T0 ", '" V1_COHORT "', '" V1_SOLKRAFT "', 'Solceller', 'received');\n"
  "INSERT INTO rubrics (uuid, created_at, updated_at, cohort, scale_min, scale_max, aggregation, "
  "normalisation, version) VALUES "
  "('" V1_RUBRIC "', " T0 ", '" V1_COHORT "', 1, 7, 'mean', 'none', 1);\n"
  "INSERT INTO criteria (uuid, created_at, updated_at, rubric, position, name, weight, kind) VALUES "
  "('" V1_TEAM "', " T0 ", '" V1_RUBRIC "', 0, 'Team', 1.0, 'scored'), "
  "('" V1_GATE "', " T0 ", '" V1_RUBRIC "', 1, 'Registrert i Norge', 0.0, 'gate');\n"
  "INSERT INTO evaluators (uuid, created_at, updated_at, cohort, person, role) VALUES "
  "('" V1_KARI "', " T0 ", '" V1_COHORT "', '" V1_KARI_P "', 'member'), "
  "('" V1_PER "', " T0 ", '" V1_COHORT "', '" V1_PER_P "', 'member');\n"
  /* A detected conflict awaiting confirmation: a row */
  "INSERT INTO conflicts (uuid, created_at, updated_at, evaluator, startup, origin, kind, reason, "
  "confirmed) VALUES "
  "('" V1_PENDING "', " T0 ", '" V1_KARI "', '" V1_NORDLYS "', 'detected', 'employee', "
  "'Kari er oppført som kontakt', 0);\n"
  /* Two answers to the gate for application 1: the later one counts */
  "INSERT INTO audit (at, who, entity, entity_uuid, action, after) VALUES "
  "('2026-02-10T09:00:00Z', 'Programleder', 'application', '" V1_APP1 "', 'screening', "
  " json_object ('criterion', '" V1_GATE "', 'name', 'Registrert i Norge', "
  "              'passed', json ('false'), 'note', 'Mangler org.nr.', 'rubric_version', 1)), "
  "('2026-02-11T09:00:00Z', 'Programleder', 'application', '" V1_APP1 "', 'screening', "
  " json_object ('criterion', '" V1_GATE "', 'name', 'Registrert i Norge', "
  "              'passed', json ('true'), 'note', 'Sjekket på nytt', 'rubric_version', 1)), "
  /* ... one for a criterion deleted since, and a damaged one: left out */
  "('2026-02-11T09:30:00Z', 'Programleder', 'application', '" V1_APP2 "', 'screening', "
  " json_object ('criterion', '" V1_GONE "', 'passed', json ('true'), 'rubric_version', 1)), "
  "('2026-02-11T09:40:00Z', 'Programleder', 'application', '" V1_APP2 "', 'screening', "
  " '{not json'), "
  /* Kari × Solkraft was detected, then dismissed: the row deleted */
  "('2026-02-12T10:00:00Z', 'Programleder', 'conflict', '" V1_DISMISSED "', 'dismiss', "
  " json_object ('uuid', '" V1_DISMISSED "', 'created_at', '2026-02-12T08:00:00Z', "
  "              'updated_at', '2026-02-12T08:00:00Z', 'evaluator', '" V1_KARI "', "
  "              'application', NULL, 'startup', '" V1_SOLKRAFT "', 'origin', 'detected', "
  "              'kind', 'other', 'reason', 'Samme e-postdomene', 'confirmed', json ('false'), "
  "              'dismiss_reason', 'Idrettslaget hennes, ikke selskapet')), "
  /* Kari's package */
  "('2026-02-13T08:00:00Z', 'Programleder', 'evaluator', '" V1_KARI "', 'export-package', "
  " json_object ('package', '" V1_PACKAGE "', 'cohort', '" V1_COHORT "', "
  "              'rubric', '" V1_RUBRIC "', 'rubric_version', 1, "
  "              'exported_at', '2026-02-13T08:00:00Z', "
  "              'criteria', json_array ('" V1_TEAM "', '" V1_GATE "'), "
  "              'applications', json_array ('" V1_APP1 "')));\n";

/* @path made as migrations 1 to @version made it, holding @rows (SQL),
 * then opened by today's Spire: migrated to the current version after a
 * copy of the file (still at @version), and its check passes. */
static SpireStore *
open_from_version (const char *path, guint version, const char *rows)
{
  g_autofree char *head = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;",
                                           version, SPIRE_APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) problems = NULL;
  SpireStore *store;

  for (guint v = 1; v <= version; v++)
    raw_exec (path, _spire_schema_migration (v));
  raw_exec (path, head);
  raw_exec (path, rows);
  g_assert_cmpint (raw_pragma (path, "user_version"), ==, version);

  store = spire_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (raw_pragma (path, "user_version"), ==, SPIRE_SCHEMA_VERSION);
  g_assert_nonnull (spire_store_get_migration_backup (store));
  g_assert_cmpint (raw_pragma (spire_store_get_migration_backup (store), "user_version"), ==,
                   version);
  g_assert_true (spire_store_check (store, &problems, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_migration_from_v1 (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (SpireRecord) dismissed = NULL;
  g_autoptr (SpireRecord) pending = NULL;
  g_autoptr (SpireRecord) package = NULL;
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (GPtrArray) found = NULL;
  SpireScreeningAnswer *a;

  /* Version 1, as migration 1 made it, with data */
  store = open_from_version (path, 1, v1_data);

  /* The audit log is left as it was: the history */
  {
    g_autoptr (GPtrArray) audit = spire_store_list_audit (store, NULL, 0, NULL);

    g_assert_cmpuint (audit->len, ==, 6);
  }

  /* The conflict that was a row is one still, and blocks */
  pending = spire_store_get (store, &spire_kind_conflict, V1_PENDING, &error);
  g_assert_no_error (error);
  g_assert_true (spire_record_is_null (pending, "dismissed_at"));
  g_assert_true (spire_conflict_blocks (store, V1_KARI, V1_APP1, NULL));

  /* The dismissed one is a row again, dismissed: it does not block, and
   * detection does not propose the pair again (Per's, like it, is new) */
  dismissed = spire_store_get (store, &spire_kind_conflict, V1_DISMISSED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (dismissed, "dismissed_at"), ==, "2026-02-12T10:00:00Z");
  g_assert_cmpstr (spire_record_get_text (dismissed, "dismissed_by"), ==, "Programleder");
  g_assert_cmpstr (spire_record_get_text (dismissed, "dismiss_reason"), ==,
                   "Idrettslaget hennes, ikke selskapet");
  g_assert_cmpstr (spire_record_get_text (dismissed, "created_at"), ==, "2026-02-12T08:00:00Z");
  g_assert_cmpstr (spire_record_get_text (dismissed, "startup"), ==, V1_SOLKRAFT);
  g_assert_true (spire_record_is_null (dismissed, "application"));
  g_assert_false (spire_conflict_blocks (store, V1_KARI, V1_APP2, NULL));
  found = spire_conflicts_detect (store, V1_COHORT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (spire_record_get_text (found->pdata[0], "evaluator"), ==, V1_PER);
  g_assert_cmpstr (spire_record_get_text (found->pdata[0], "startup"), ==, V1_SOLKRAFT);

  /* The latest screening answer is on record; the ones that no longer
   * fit are not */
  answers = spire_screening_list_answers (store, V1_APP1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  a = answers->pdata[0];
  g_assert_cmpstr (a->criterion, ==, V1_GATE);
  g_assert_true (a->passed);
  g_assert_cmpstr (a->note, ==, "Sjekket på nytt");
  g_assert_cmpstr (a->by, ==, "Programleder");
  g_assert_cmpstr (a->at, ==, "2026-02-11T09:00:00Z");
  g_assert_cmpint (a->rubric_version, ==, 1);
  g_assert_true (g_uuid_string_is_valid (a->uuid));
  g_assert_true (spire_screening_all_passed (store, V1_APP1, NULL));
  g_assert_cmpint (spire_store_count (store, &spire_kind_screening, NULL, NULL), ==, 1);

  /* The package is on record */
  package = spire_store_get (store, &spire_kind_package, V1_PACKAGE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (package, "evaluator"), ==, V1_KARI);
  g_assert_cmpstr (spire_record_get_text (package, "cohort"), ==, V1_COHORT);
  g_assert_cmpint (spire_record_get_int (package, "rubric_version"), ==, 1);
  g_assert_cmpstr (spire_record_get_text (package, "exported_at"), ==, "2026-02-13T08:00:00Z");
  g_assert_cmpstr (spire_record_get_text (package, "exported_by"), ==, "Programleder");
  g_assert_cmpstr (spire_record_get_text (package, "criteria"), ==,
                   "[\"" V1_TEAM "\",\"" V1_GATE "\"]");
  g_assert_cmpstr (spire_record_get_text (package, "applications"), ==, "[\"" V1_APP1 "\"]");

  /* Every record reads back valid */
  {
    guint n;
    const SpireKind *const *kinds = spire_kinds (&n);

    for (guint k = 0; k < n; k++)
      {
        g_autoptr (GPtrArray) all = spire_store_list (store, kinds[k], NULL, NULL, &error);

        g_assert_no_error (error);
        for (guint i = 0; i < all->len; i++)
          {
            spire_record_validate (all->pdata[i], NULL, &error);
            g_assert_no_error (error);
          }
      }
  }

  g_clear_object (&store);
  test_tmpdir_free (dir);
}

/* Version 4 adds a cohort's retention: a version-3 cohort keeps what it
 * had, with no retention set, and can be given one. */
static void
test_migration_from_v3 (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (SpireRecord) cohort = NULL;

  store = open_from_version (
    path, 3,
    "INSERT INTO programs (uuid, created_at, updated_at, name, kind) VALUES "
    "('" V1_PROGRAM "', " T0 ", 'SmartOslo', 'accelerator');\n"
    "INSERT INTO cohorts (uuid, created_at, updated_at, program, name, phase, seats, "
    "ends_on, invested) VALUES "
    "('" V1_COHORT "', " T0 ", '" V1_PROGRAM "', 'Kull 2026', 'closed', 4, "
    "'2026-06-30', 100000);\n");
  cohort = spire_store_get (store, &spire_kind_cohort, V1_COHORT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (cohort, "ends_on"), ==, "2026-06-30");
  g_assert_cmpint (spire_record_get_int (cohort, "invested"), ==, 100000);
  g_assert_true (spire_record_is_null (cohort, "retention_months"));

  spire_record_set_int (cohort, "retention_months", 18);
  g_assert_true (spire_store_update (store, cohort, &error));
  g_assert_no_error (error);
  g_clear_object (&cohort);
  cohort = spire_store_get (store, &spire_kind_cohort, V1_COHORT, &error);
  g_assert_cmpint (spire_record_get_int (cohort, "retention_months"), ==, 18);

  /* A negative retention is refused, naming the field */
  spire_record_set_int (cohort, "retention_months", -1);
  g_assert_false (spire_store_update (store, cohort, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_object (&store);
  test_tmpdir_free (dir);
}

/* Version 5 adds the record of innsyn requests: a version-4 database keeps
 * what it had, has no request yet, and can record one about its cohort. */
static void
test_migration_from_v4 (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) request = NULL;
  g_autoptr (SpireRecord) read = NULL;

  store = open_from_version (
    path, 4,
    "INSERT INTO programs (uuid, created_at, updated_at, name, kind) VALUES "
    "('" V1_PROGRAM "', " T0 ", 'SmartOslo', 'accelerator');\n"
    "INSERT INTO cohorts (uuid, created_at, updated_at, program, name, phase, seats, "
    "retention_months) VALUES "
    "('" V1_COHORT "', " T0 ", '" V1_PROGRAM "', 'Kull 2026', 'closed', 4, 18);\n");
  cohort = spire_store_get (store, &spire_kind_cohort, V1_COHORT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_record_get_int (cohort, "retention_months"), ==, 18);
  g_assert_cmpint (spire_store_count (store, &spire_kind_innsyn_request, NULL, NULL), ==, 0);

  request = spire_record_new (&spire_kind_innsyn_request);
  spire_record_set_text (request, "requester", "Journalist Kari");
  spire_record_set_text (request, "received_on", "2026-11-20");
  spire_record_set_text (request, "answered_on", "2026-11-23");
  spire_record_set_text (request, "cohort", V1_COHORT);
  spire_record_set_text (request, "given", "[{\"table\":\"cohorts\"}]");
  spire_record_set_text (request, "withheld", "[]");
  g_assert_true (spire_store_insert (store, request, &error));
  g_assert_no_error (error);
  read = spire_store_get (store, &spire_kind_innsyn_request, spire_record_get_uuid (request),
                          &error);
  g_assert_no_error (error);
  g_assert_true (spire_record_equal (read, request));

  /* A request without a requester is refused */
  spire_record_set_text (read, "requester", "");
  g_assert_false (spire_store_update (store, read, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_object (&store);
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

static gpointer
insert_in_thread (gpointer data)
{
  g_autoptr (SpireRecord) program = make_program (data, "Written by a worker");

  return NULL;
}

static void
on_changed_note_thread_cb (SpireStore *store, const char *table, GThread **thread)
{
  *thread = g_thread_self ();
}

/* "changed" reaches its handlers in the thread that made the store (the
 * window's), also when a worker commits. */
static void
test_changed_in_owner_thread (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  GThread *seen = NULL;
  GThread *worker;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_note_thread_cb), &seen);
  worker = g_thread_new ("writer", insert_in_thread, store);
  g_thread_join (worker);
  g_assert_null (seen); /* not in the worker */
  while (seen == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (seen == g_thread_self ());
  g_assert_cmpint (spire_store_count (store, &spire_kind_program, NULL, NULL), ==, 1);
}

/* trust-files: the database, its -wal and -shm are 0600 whatever the umask
 * and whatever mode an existing file had; tightening is told once. */
static void
assert_private (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (file, &st), ==, 0);
      g_test_message ("%s: %o", file, (unsigned) (st.st_mode & 0777));
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
}

static void
test_files_private (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  mode_t old_umask = umask (0);

  {
    /* new, under umask 0 */
    g_autoptr (SpireStore) store = spire_store_open (path, &error);
    g_autoptr (SpireRecord) program = NULL;

    g_assert_no_error (error);
    program = make_program (store, "Privat");
    assert_private (path);
    g_assert_null (spire_store_get_tightened (store));
  }
  {
    /* an existing 0644 file, with its -wal and -shm made 0644 by another
     * connection that still has it open */
    sqlite3 *other = NULL;
    g_autoptr (SpireStore) store = NULL;
    g_autoptr (SpireRecord) program = NULL;

    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (other, "SELECT count(*) FROM programs", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0644);
    }
    store = spire_store_open (path, &error);
    g_assert_no_error (error);
    program = make_program (store, "Privat igjen");
    assert_private (path);
    g_assert_nonnull (spire_store_get_tightened (store));
    g_assert_nonnull (strstr (spire_store_get_tightened (store), "spire.db"));
    sqlite3_close (other);
  }
  {
    /* said once: the next open has nothing to tighten */
    g_autoptr (SpireStore) store = spire_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_null (spire_store_get_tightened (store));
  }
  umask (old_umask);
  test_tmpdir_free (dir);
}

/* A database Spire may only read (a read-only file or folder) says so in
 * the user's language, not with SQLite's English "attempt to write a
 * readonly database".  SQLite's query_only refuses a write as a read-only
 * file does (root may write any file). */
static void
test_read_only_said (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_spire_store_get_db (store), "PRAGMA query_only = ON", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  spire_record_set_text (program, "name", "Åpen innovasjon");
  spire_record_set_text (program, "kind", "accelerator");
  g_assert_false (spire_store_save (store, program, SPIRE_SAVE_DEFAULT, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_null (strstr (error->message, "attempt to write"));
  g_assert_cmpint (spire_store_count (store, &spire_kind_program, NULL, NULL), ==, 0);
  g_clear_object (&store);
  test_tmpdir_free (dir);
}

/* Records by two fields: a cohort's accepted applications, exactly those
 * of the cohort with that status. */
static void
test_list_both (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (GPtrArray) cohorts = NULL;
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_true (spire_demo_fill (store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, &error);
  for (guint i = 0; i < cohorts->len; i++)
    {
      const char *cohort = spire_record_get_uuid (cohorts->pdata[i]);
      g_autoptr (GPtrArray) all = spire_store_list (store, &spire_kind_application, "cohort",
                                                    cohort, &error);
      g_autoptr (GPtrArray) accepted = spire_store_list_both (
        store, &spire_kind_application, "cohort", cohort, "status", "accepted", &error);
      guint n = 0;

      g_assert_no_error (error);
      for (guint j = 0; j < all->len; j++)
        n += g_strcmp0 (spire_record_get_text (all->pdata[j], "status"), "accepted") == 0;
      g_assert_cmpuint (accepted->len, ==, n);
      for (guint j = 0; j < accepted->len; j++)
        {
          g_assert_cmpstr (spire_record_get_text (accepted->pdata[j], "cohort"), ==, cohort);
          g_assert_cmpstr (spire_record_get_text (accepted->pdata[j], "status"), ==, "accepted");
        }
      checked += n;
    }
  /* the demo accepts some: the test saw them */
  g_assert_cmpuint (checked, >, 0);
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
  g_test_add_func ("/store/list-both", test_list_both);
  g_test_add_func ("/store/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/not-a-database-refused", test_not_a_database_refused);
  g_test_add_func ("/store/migration-takes-backup", test_migration_takes_backup);
  g_test_add_func ("/store/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/store/migration-from-v3", test_migration_from_v3);
  g_test_add_func ("/store/migration-from-v4", test_migration_from_v4);
  g_test_add_func ("/store/two-writers", test_two_writers);
  g_test_add_func ("/store/backup-while-open", test_backup_while_open);
  g_test_add_func ("/store/rollback-nested", test_rollback_nested);
  g_test_add_func ("/store/audit-keeps-no-secret", test_audit_keeps_no_secret);
  g_test_add_func ("/store/changed-in-owner-thread", test_changed_in_owner_thread);
  g_test_add_func ("/store/files-private", test_files_private);
  g_test_add_func ("/store/read-only-said", test_read_only_said);
  return g_test_run ();
}
