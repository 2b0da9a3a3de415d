/* test-exchange-refuse.c — a backup that is wrong is refused, where it is
 * wrong, and the database stays as it was; a long one is read in pieces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "exchange-fixture.h"
#include "spire-core.h"
#include "spire-store-private.h"
#include "spire-uuid-set-private.h"

/* Tests */
static void
test_refuse_truncated (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autofree char *doc = json_to_string (root, TRUE);

  /* cut short, as by a full disk */
  assert_refused (env, doc, (gssize) (strlen (doc) * 3 / 5), SPIRE_ERROR_PARSE,
                  "backup.json: line ", ", column ", "ends before the backup is complete", NULL);
  /* a line that points at the fault */
  assert_refused (env,
                  "{\n  \"format\": \"spire-backup\",\n  \"version\": 1,\n  \"programs\": [\n"
                  "    {,\n      \"name\": \"x\"\n    }\n  ]\n}\n",
                  -1, SPIRE_ERROR_PARSE, "backup.json: line 5, column ", "not valid JSON", NULL);
  assert_refused (env, "", 0, SPIRE_ERROR_PARSE, "line 1", NULL);

  env_free (env);
}

static void
test_refuse_wrong_type (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);

  json_object_set_string_member (record_at (root, "startups", 0), "employees", "twelve");
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, "backup.json: startups[0].employees: ");

  env_free (env);
}

static void
test_refuse_missing_required (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);

  json_object_remove_member (record_at (root, "decisions", 0), "reason");
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, "backup.json: decisions[0].reason: ");

  env_free (env);
}

/* A NUL character in a text (JSON's \u0000) would cut it short where
 * SQLite and C read it: refused where it stands, in a record's text and
 * in a JSON field's string alike, and nothing is imported. */
static void
test_refuse_nul_character (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);
  JsonArray *startups = json_object_get_array_member (json_node_get_object (root), "startups");
  guint last = json_array_get_length (startups) - 1;
  g_autoptr (JsonObject) extra = json_object_new ();
  g_autofree char *place = g_strdup_printf ("backup.json: startups[%u].name: ", last);
  g_autofree char *doc = NULL;
  g_autofree char *doc2 = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (GString) text2 = NULL;

  /* json-glib writes no NUL: a marker, then the escape in its place */
  json_object_set_string_member (record_at (root, "startups", last), "name", "a@NUL@b");
  doc = json_to_string (root, TRUE);
  text = g_string_new (doc);
  g_assert_cmpuint (g_string_replace (text, "@NUL@", "\\u0000", 0), ==, 1);
  assert_refused (env, text->str, (gssize) text->len, SPIRE_ERROR_FORMAT, place,
                  "a text may not hold a NUL character", NULL);

  json_object_set_string_member (extra, "answer", "yes@NUL@no");
  json_object_set_object_member (record_at (root2, "applications", 0), "extra",
                                 json_object_ref (extra));
  doc2 = json_to_string (root2, TRUE);
  text2 = g_string_new (doc2);
  g_assert_cmpuint (g_string_replace (text2, "@NUL@", "\\u0000", 0), ==, 1);
  assert_refused (env, text2->str, (gssize) text2->len, SPIRE_ERROR_FORMAT,
                  "backup.json: applications[0].extra: ", "NUL character", NULL);

  env_free (env);
}

/* A required text of spaces only is as empty as "" (the window's forms
 * refuse both): refused as "" is, and nothing is imported. */
static void
test_refuse_blank_required (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);
  g_autoptr (JsonNode) root3 = changed_doc (env);
  g_autofree char *doc = NULL;

  json_object_set_string_member (record_at (root, "startups", 0), "name", "");
  doc = json_to_string (root, TRUE);
  assert_refused (env, doc, -1, SPIRE_ERROR_INVALID, "backup.json: startups[0].name: ",
                  "must be filled in", NULL);

  json_object_set_string_member (record_at (root2, "startups", 0), "name", "   ");
  g_clear_pointer (&doc, g_free);
  doc = json_to_string (root2, TRUE);
  assert_refused (env, doc, -1, SPIRE_ERROR_INVALID, "backup.json: startups[0].name: ",
                  "must be filled in", NULL);

  json_object_set_string_member (record_at (root3, "decisions", 0), "reason", " \t\n ");
  g_clear_pointer (&doc, g_free);
  doc = json_to_string (root3, TRUE);
  assert_refused (env, doc, -1, SPIRE_ERROR_INVALID, "backup.json: decisions[0].reason: ",
                  "must be filled in", NULL);

  env_free (env);
}

static void
test_refuse_unknown_reference (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);

  json_object_set_string_member (record_at (root, "applications", 0), "startup", UNKNOWN_UUID);
  assert_refused_node (env, root, SPIRE_ERROR_REFERENCE,
                       "backup.json: applications[0].startup: ");

  env_free (env);
}

static void
test_refuse_invalid (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);

  json_object_set_string_member (record_with_uuid (root, "public_bodies", OSLO_UUID), "orgnr",
                                 "974778870");
  assert_refused_node (env, root, SPIRE_ERROR_INVALID, "backup.json: public_bodies[1].orgnr: ");

  json_object_set_string_member (record_at (root2, "applications", 0), "status", "approved");
  assert_refused_node (env, root2, SPIRE_ERROR_INVALID, "backup.json: applications[0].status: ");

  env_free (env);
}

/* A UUID twice in the file is refused where its second record is, and
 * nothing is written. */
static void
test_refuse_duplicate_uuid (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  JsonArray *bodies = json_object_get_array_member (json_node_get_object (root), "public_bodies");
  JsonObject *again = json_object_new ();
  g_autofree char *where = NULL;

  json_object_set_string_member (again, "uuid", "b0000000-0000-4000-8000-000000000009");
  json_object_set_string_member (again, "name", "Bergen kommune igjen");
  json_object_set_string_member (again, "kind", "municipality");
  json_array_add_object_element (bodies, again);
  where = g_strdup_printf ("backup.json: public_bodies[%u].uuid: ", json_array_get_length (bodies) - 1);
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, where);

  env_free (env);
}

/* Into an empty database, the UUIDs of a table nothing refers to
 * (scores) are not kept in a set: the table's own UNIQUE uuid finds the
 * one the file has twice, with the same message and place, and the
 * database stays empty. */
static void
test_refuse_duplicate_uuid_new_table (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) empty = env_new_store (env);
  g_autofree char *source_doc = spire_exchange_export_string (env->source, NULL);
  g_autoptr (JsonNode) root = parse (source_doc);
  JsonObject *first = record_at (root, "scores", 0);
  const char *uuid = json_object_get_string_member (first, "uuid");
  g_autofree char *doc = NULL;
  g_autofree char *before = export_stripped (empty);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;

  json_object_set_string_member (record_at (root, "scores", 1), "uuid", uuid);
  doc = json_to_string (root, TRUE);
  g_assert_false (spire_exchange_import_data (empty, doc, -1, "backup.json", NULL, NULL, NULL,
                                              NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "backup.json: scores[1].uuid: "));
  g_assert_nonnull (strstr (error->message, uuid));
  after = export_stripped (empty);
  assert_same_doc (after, before);

  g_clear_object (&empty);
  env_free (env);
}

/* The set of UUIDs the import has seen keeps apart what SQLite keeps
 * apart (case), and holds UUIDs made in sequence as well as random ones. */
static void
test_uuid_set (void)
{
  g_autoptr (SpireUuidSet) set = _spire_uuid_set_new ();
  char uuid[37];

  for (guint i = 0; i < 100000; i++)
    {
      g_snprintf (uuid, sizeof uuid, "00000000-0000-4000-8000-%012x", i);
      g_assert_true (_spire_uuid_set_add (set, uuid));
    }
  for (guint i = 0; i < 100000; i += 999)
    {
      g_snprintf (uuid, sizeof uuid, "00000000-0000-4000-8000-%012x", i);
      g_assert_false (_spire_uuid_set_add (set, uuid));
      g_assert_true (_spire_uuid_set_contains (set, uuid));
    }
  g_assert_false (_spire_uuid_set_contains (set, "00000000-0000-4000-8000-0000000f4240"));
  g_assert_true (_spire_uuid_set_add (set, "0000000A-0000-4000-8000-000000000000"));
  g_assert_true (_spire_uuid_set_add (set, "0000000a-0000-4000-8000-000000000000"));
  g_assert_true (_spire_uuid_set_add (set, "00000000-0000-0000-0000-000000000000"));
  g_assert_false (_spire_uuid_set_add (set, "00000000-0000-0000-0000-000000000000"));
  g_assert_true (_spire_uuid_set_add (set, "not a uuid"));
  g_assert_true (_spire_uuid_set_contains (set, "not a uuid"));
  g_assert_cmpuint (_spire_uuid_set_size (set), ==, 100004);
}

static void
test_refuse_unknown_members (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);

  json_object_set_array_member (json_node_get_object (root), "invoices", json_array_new ());
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, "invoices");

  json_object_set_int_member (record_at (root2, "deal_events", 0), "shoe_size", 44);
  assert_refused_node (env, root2, SPIRE_ERROR_FORMAT, "backup.json: deal_events[0].shoe_size: ");

  env_free (env);
}

static void
test_refuse_format_and_version (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) newer = changed_doc (env);
  g_autoptr (JsonNode) other = changed_doc (env);
  g_autoptr (JsonNode) no_version = changed_doc (env);

  json_object_set_int_member (json_node_get_object (newer), "version", SPIRE_BACKUP_VERSION + 1);
  assert_refused_node (env, newer, SPIRE_ERROR_NEWER_VERSION, "newer version of Spire");

  json_object_set_string_member (json_node_get_object (other), "format", "spire-score-sheet");
  assert_refused_node (env, other, SPIRE_ERROR_FORMAT, "spire-score-sheet");

  json_object_remove_member (json_node_get_object (no_version), "version");
  assert_refused_node (env, no_version, SPIRE_ERROR_FORMAT, "version");

  assert_refused (env, "[1, 2, 3]", -1, SPIRE_ERROR_FORMAT, "not a Spire backup", NULL);

  env_free (env);
}

static void
test_refuse_last_record (void)
{
  Env *env = env_new ();
  g_autoptr (GString) bad = big_doc (3000, UNKNOWN_UUID);
  g_autoptr (GString) good = big_doc (3000, "00000000-0000-4000-8000-000000000000");
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) empty = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *after = NULL;
  SpireImportStats stats;
  gint64 startups = spire_store_count (env->source, &spire_kind_startup, NULL, NULL);

  assert_refused (env, bad->str, (gssize) bad->len, SPIRE_ERROR_REFERENCE,
                  "backup.json: persons[2999].startup: ", UNKNOWN_UUID, NULL);
  g_assert_cmpint (spire_store_count (env->source, &spire_kind_startup, NULL, NULL), ==, startups);

  /* into an empty database, whose indexes the import sets aside while it
   * fills a table: refused, they are all there still */
  empty = env_new_store (env);
  indexes = index_list (empty);
  g_assert_false (spire_exchange_import_data (empty, bad->str, (gssize) bad->len, "backup.json",
                                              NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_REFERENCE);
  g_clear_error (&error);
  g_assert_cmpint (spire_store_count (empty, &spire_kind_startup, NULL, NULL), ==, 0);
  after = index_list (empty);
  g_assert_cmpstr (after, ==, indexes);

  /* the same document, good to the end, goes in whole */
  g_assert_true (spire_exchange_import_data (env->source, good->str, (gssize) good->len,
                                             "backup.json", &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6000);
  g_assert_cmpint (spire_store_count (env->source, &spire_kind_startup, NULL, NULL), ==,
                   startups + 3000);

  g_clear_object (&empty);
  env_free (env);
}

/* A document of several megabytes is read in pieces: records and strings
 * that straddle two pieces go in whole, and a fault far into the file is
 * placed by its line and column (here on the one long line). */
static void
test_import_in_pieces (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autoptr (GString) good = big_doc (12000, "00000000-0000-4000-8000-000000000000");
  g_autoptr (GString) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *where = NULL;
  SpireImportStats stats;
  gsize at;

  g_assert_cmpuint (good->len, >, 2 * 1024 * 1024);
  g_assert_true (spire_exchange_import_data (copy, good->str, (gssize) good->len, "backup.json",
                                             &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 24000);
  /* the last person works for the first startup */
  g_assert_cmpint (spire_store_count (copy, &spire_kind_person, "startup",
                                      "00000000-0000-4000-8000-000000000000"), ==, 2);
  g_assert_cmpint (spire_store_count (copy, &spire_kind_person, "startup",
                                      "00002ede-0000-4000-8000-000000002ede"), ==, 1);

  /* a colon gone from the last person, 2.9 MB in */
  bad = g_string_new (good->str);
  at = (gsize) (g_strrstr (bad->str, "\"name\": \"Person 11999\"") - bad->str) + strlen ("\"name\"");
  g_string_erase (bad, (gssize) at, 1);
  /* placed at the end of the token that shows it: the closing quote of
   * "Person 11999", after the space where the colon belonged (0-based
   * offset at, so column at + 1) */
  where = g_strdup_printf ("backup.json: line 1, column %" G_GSIZE_FORMAT ": ",
                           at + strlen (" \"Person 11999\""));
  assert_refused (env, bad->str, (gssize) bad->len, SPIRE_ERROR_PARSE, where, "not valid JSON",
                  NULL);

  g_clear_object (&copy);
  env_free (env);
}

/* A hand-made file may say its version last: a newer one is refused all
 * the same, after its records were read, and nothing of them stays. */
static void
test_refuse_version_last (void)
{
  Env *env = env_new ();
  g_autoptr (GString) doc = big_doc (10, "00000000-0000-4000-8000-000000000000");

  g_string_erase (doc, 0, (gssize) strlen ("{\"format\": \"spire-backup\", \"version\": 1, "));
  g_string_prepend (doc, "{");
  g_string_truncate (doc, doc->len - 1);
  g_string_append (doc, ", \"version\": 2, \"format\": \"spire-backup\"}");
  assert_refused (env, doc->str, (gssize) doc->len, SPIRE_ERROR_NEWER_VERSION,
                  "newer version of Spire", NULL);

  env_free (env);
}

static void
on_detected_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* 200 KB of "[" would overflow json-glib's stack: every way in refuses it
 * first, with where, and changes nothing. */
static void
test_refuse_nested_too_deeply (void)
{
  Env *env = env_new ();
  g_autofree char *deep = g_strnfill (200 * 1024, '[');
  g_autofree char *deep_member = g_strdup_printf (
    "{\n  \"format\": \"spire-backup\",\n  \"version\": 1,\n  \"programs\": [\n"
    "    {\"name\": \"[[[[ in a string is text\", \"x\": %s\n  ]\n}\n", deep);
  g_autofree char *path = g_build_filename (env->dir, "deep.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) detected = NULL;
  g_autoptr (GError) error = NULL;
  guint audit_before = n_audit (env->source);

  assert_refused (env, deep, -1, SPIRE_ERROR_PARSE,
                  "backup.json: nested too deeply at line 1 (more than 64 levels)", NULL);
  assert_refused (env, deep_member, -1, SPIRE_ERROR_PARSE,
                  "backup.json: nested too deeply at line 5", NULL);

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  g_assert_false (spire_exchange_import_file (env->source, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "deep.json: nested too deeply at line 1 (more than 64 levels). Nothing was "
                   "changed.");
  g_clear_error (&error);
  g_assert_cmpuint (n_audit (env->source), ==, audit_before);

  /* What kind of file it is: too deep to be read as JSON */
  spire_import_detect_async (file, NULL, on_detected_cb, &detected);
  while (detected == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (spire_import_detect_finish (detected, NULL, &error), ==,
                   SPIRE_IMPORT_KIND_UNKNOWN);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "deep.json: nested too deeply at line 1"));
  env_free (env);
}

/* The import writes with the database's keys off and checks them once
 * before it commits: a key that points nowhere (here one the file was
 * given by hand, keys off) is refused and nothing changes; before and
 * after, the database refuses such a key itself. */
static void
test_refuse_broken_key_in_database (void)
{
  Env *env = env_new ();
  sqlite3 *db = _spire_store_get_db (env->source);
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autofree char *doc = json_to_string (root, TRUE);
  g_autoptr (GError) error = NULL;
  const char *dangle = "UPDATE persons SET startup = '" UNKNOWN_UUID "' "
                       "WHERE name = 'Kari Nordmann'";
  const char *broken = "INSERT INTO persons (uuid, created_at, updated_at, name, startup) "
                       "VALUES ('c0000000-0000-4000-8000-00000000000c', '2026-01-01T00:00:00Z', "
                       "'2026-01-01T00:00:00Z', 'Per Brukket', '" UNKNOWN_UUID "')";

  g_assert_true (spire_exchange_import_data (env->source, doc, -1, "backup.json", NULL, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, dangle, NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT_FOREIGNKEY);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, broken, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (env, doc, -1, SPIRE_ERROR_REFERENCE, "refers to a startup that is not there",
                  NULL);
  g_assert_cmpint (sqlite3_exec (db, dangle, NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT_FOREIGNKEY);

  env_free (env);
}

/* The check before the commit goes over every key of a table, each in
 * the order of its column (not the table's): here a person's second key
 * (public body) points nowhere and the first (startup) is whole; then a
 * score (not in the file) whose review is not there, among whole ones. */
static void
test_refuse_broken_second_key (void)
{
  Env *env = env_new ();
  sqlite3 *db = _spire_store_get_db (env->source);
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autofree char *doc = json_to_string (root, TRUE);
  const char *broken = "INSERT INTO persons (uuid, created_at, updated_at, name, startup, "
                       "public_body) SELECT 'c0000000-0000-4000-8000-00000000000d', "
                       "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Per Brukket', "
                       "startup, '" UNKNOWN_UUID "' FROM persons WHERE startup IS NOT NULL "
                       "LIMIT 1";
  const char *mended = "DELETE FROM persons WHERE uuid = 'c0000000-0000-4000-8000-00000000000d'";
  const char *orphan = "INSERT INTO scores (uuid, created_at, updated_at, review, criterion, "
                       "value) SELECT 'e0000000-0000-4000-8000-00000000000e', "
                       "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '" UNKNOWN_UUID "', "
                       "criterion, 5 FROM scores LIMIT 1";

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, broken, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (env, doc, -1, SPIRE_ERROR_REFERENCE,
                  "c0000000-0000-4000-8000-00000000000d refers to a", NULL);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, mended, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, orphan, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (env, doc, -1, SPIRE_ERROR_REFERENCE,
                  "e0000000-0000-4000-8000-00000000000e refers to a review that is not there",
                  NULL);

  env_free (env);
}

/* Nothing Spire writes goes over a database or its -wal: an export
 * written to the database's own path replaced the database with its text. */
static void
test_refuse_write_over_database (void)
{
  Env *env = env_new ();
  const char *path = spire_store_get_path (env->source);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = export_stripped (env->source);
  g_autofree char *after = NULL;
  g_autofree char *elsewhere = g_build_filename (env->dir, "backup.json", NULL);
  const char *const header[] = { "Navn", NULL };
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (spire_exchange_export_file (env->source, path, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is a database"));
  g_clear_error (&error);
  g_assert_false (spire_exchange_export_file (env->source, wal, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "belongs to a database"));
  g_clear_error (&error);
  g_assert_false (spire_csv_write_file (path, header, rows, ';', &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_clear_error (&error);

  /* The store still reads and writes its file, which holds what it held. */
  after = export_stripped (env->source);
  assert_same_doc (before, after);
  add (env->source, &spire_kind_program, "name", "Etter", "kind", "other", NULL);
  g_assert_true (spire_exchange_export_file (env->source, elsewhere, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spire_exchange_check_destination (elsewhere, &error));
  g_assert_no_error (error);
  env_free (env);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/exchange/refuse/wrong-type", test_refuse_wrong_type);
  g_test_add_func ("/exchange/refuse/missing-required", test_refuse_missing_required);
  g_test_add_func ("/exchange/refuse/nul-character", test_refuse_nul_character);
  g_test_add_func ("/exchange/refuse/blank-required", test_refuse_blank_required);
  g_test_add_func ("/exchange/refuse/unknown-reference", test_refuse_unknown_reference);
  g_test_add_func ("/exchange/refuse/invalid", test_refuse_invalid);
  g_test_add_func ("/exchange/refuse/unknown-members", test_refuse_unknown_members);
  g_test_add_func ("/exchange/refuse/duplicate-uuid", test_refuse_duplicate_uuid);
  g_test_add_func ("/exchange/refuse/duplicate-uuid-new-table",
                   test_refuse_duplicate_uuid_new_table);
  g_test_add_func ("/exchange/refuse/broken-key-in-database", test_refuse_broken_key_in_database);
  g_test_add_func ("/exchange/refuse/broken-second-key", test_refuse_broken_second_key);
  g_test_add_func ("/exchange/uuid-set", test_uuid_set);
  g_test_add_func ("/exchange/refuse/format-and-version", test_refuse_format_and_version);
  g_test_add_func ("/exchange/refuse/last-record", test_refuse_last_record);
  g_test_add_func ("/exchange/refuse/version-last", test_refuse_version_last);
  g_test_add_func ("/exchange/import-in-pieces", test_import_in_pieces);
  g_test_add_func ("/exchange/refuse/nested-too-deeply", test_refuse_nested_too_deeply);
  g_test_add_func ("/exchange/refuse/write-over-database", test_refuse_write_over_database);

  return g_test_run ();
}
