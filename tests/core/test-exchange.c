/* test-exchange.c — the whole database as one JSON document, and back
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

#include "spire-core.h"
#include "exchange-fixture.h"


/* Tests */

/* Export, import into an empty database, export again: the same document,
 * confidential fields, N/A scores and all. */
static void
test_round_trip (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = spire_exchange_export_string (env->source, &error);
  g_autofree char *again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (SpireRecord) na = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *copy_indexes = NULL;
  SpireImportStats stats;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (doc, "{\n  \"format\": \"spire-backup\",\n  \"version\": 1,\n"));
  /* a full backup keeps what was shared in confidence */
  g_assert_nonnull (strstr (doc, "Omsetning 2025: 3,2 MNOK"));
  g_assert_nonnull (strstr (doc, "hemmelig-token-123"));
  /* doubles in their short exact form, N/A as null */
  g_assert_nonnull (strstr (doc, "\"weight\": 0.1,"));
  g_assert_nonnull (strstr (doc, "\"value\": null,"));
  /* two exports of the same database differ only in exported_at */
  again = spire_exchange_export_string (env->source, &error);
  g_assert_no_error (error);
  first = strip_time (doc);
  g_free (second);
  second = strip_time (again);
  assert_same_doc (first, second);

  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", &stats, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 0);

  g_free (second);
  second = export_stripped (copy);
  assert_same_doc (second, first);

  /* the import set the new tables' indexes aside while it filled them:
   * they are all back, as in a database never imported into */
  indexes = index_list (env->source);
  copy_indexes = index_list (copy);
  g_assert_cmpstr (copy_indexes, ==, indexes);

  na = spire_store_get (copy, &spire_kind_score, SCORE_NA_UUID, &error);
  g_assert_no_error (error);
  g_assert_true (spire_record_is_null (na, "value"));

  /* one audit entry for the whole import, none per record */
  audit = spire_store_list_audit (copy, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[0], "entity"), ==, "database");
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[0], "action"), ==, "import");
  g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[0], "after"), "backup.json"));
  g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[0], "after"),
                            "\"added\":" G_STRINGIFY (N_RECORDS)));

  g_clear_object (&copy);
  env_free (env);
}

/* Under Norwegian number formats (decimal comma) the file still says 0.1
 * and 6.5, and reads back the same. */
static void
test_round_trip_nb (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  Env *env;
  g_autoptr (SpireStore) copy = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GError) error = NULL;

  if (setlocale (LC_NUMERIC, "nb_NO.UTF-8") == NULL)
    {
      g_test_skip ("the nb_NO.UTF-8 locale is not installed");
      return;
    }
  env = env_new ();
  copy = env_new_store (env);
  doc = spire_exchange_export_string (env->source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (doc, "\"weight\": 0.1,"));
  g_assert_nonnull (strstr (doc, "\"value\": 6.5,"));
  g_assert_nonnull (strstr (doc, "\"disagreement_threshold\": 1.5,"));
  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", NULL, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  first = strip_time (doc);
  second = export_stripped (copy);
  assert_same_doc (second, first);

  setlocale (LC_NUMERIC, saved);
  g_clear_object (&copy);
  env_free (env);
}

/* Every table in kind order, each sorted by UUID: diffs between two
 * backups stay small. */
static void
test_export_order (void)
{
  Env *env = env_new ();
  g_autofree char *doc = spire_exchange_export_string (env->source, NULL);
  g_autoptr (JsonNode) root = parse (doc);
  g_autoptr (GList) members = json_object_get_members (json_node_get_object (root));
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  GList *l = members;
  guint total = 0;

  g_assert_cmpstr (l->data, ==, "format");
  g_assert_cmpstr ((l = l->next)->data, ==, "version");
  g_assert_cmpstr ((l = l->next)->data, ==, "exported_at");
  /* the evaluator's token: the backup says it holds secrets, and why */
  g_assert_cmpstr ((l = l->next)->data, ==, "contains_secrets");
  g_assert_cmpstr ((l = l->next)->data, ==, "secrets_note");
  for (guint k = 0; k < n_kinds; k++)
    {
      JsonArray *array;

      l = l->next;
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, kinds[k]->table);
      array = json_object_get_array_member (json_node_get_object (root), kinds[k]->table);
      g_assert_cmpuint (json_array_get_length (array), >, 0);
      for (guint i = 1; i < json_array_get_length (array); i++)
        g_assert_cmpint (strcmp (json_object_get_string_member (json_array_get_object_element (array, i - 1), "uuid"),
                                 json_object_get_string_member (json_array_get_object_element (array, i), "uuid")),
                         <, 0);
      total += json_array_get_length (array);
    }
  g_assert_null (l->next);
  g_assert_cmpuint (total, ==, N_RECORDS);
  /* the district comes before the municipality it is part of */
  g_assert_cmpstr (json_object_get_string_member (record_at (root, "public_bodies", 0), "uuid"),
                   ==, DISTRICT_UUID);

  env_free (env);
}

/* The export writes rows as it steps them, without records: each record in
 * the document is what spire_record_to_json () makes of the record the
 * store reads (fields in kind order, null for what is not given), on the
 * sample data and on text that needs escaping. */
static void
test_export_as_records (void)
{
  Env *env = env_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = NULL;
  g_autoptr (JsonNode) root = NULL;
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  guint total = 0;

  g_assert_true (spire_demo_fill (env->source, 3, SPIRE_DEMO_SMALL, TRUE, NULL, NULL, NULL,
                                  &error));
  g_assert_no_error (error);
  add (env->source, &spire_kind_startup, "name", "Kontroll\x01\x1f\x7f \"sitat\" \\ \t AS",
       "website", "https://ø.example.no/ære?å=1&b=<2>", "sector", "Helse\r\nomsorg\b\f", NULL);
  add (env->source, &spire_kind_program, "name", "Emoji 🚀 og null", "kind", "other",
       "description", "", NULL);

  doc = spire_exchange_export_string (env->source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (doc, "\"name\": \"Kontroll\\u0001\\u001f\\u007f \\\"sitat\\\" \\\\ "
                                 "\\t AS\","));
  g_assert_nonnull (strstr (doc, "\"sector\": \"Helse\\r\\nomsorg\\b\\f\""));
  g_assert_nonnull (strstr (doc, "\"name\": \"Emoji 🚀 og null\","));
  root = parse (doc);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr (GPtrArray) records = spire_store_list (env->source, kinds[k], NULL, NULL,
                                                        &error);
      JsonArray *array = json_object_get_array_member (json_node_get_object (root),
                                                       kinds[k]->table);

      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (array), ==, records->len);
      for (guint i = 0; i < records->len; i++)
        {
          SpireRecord *record = records->pdata[i];
          g_autoptr (JsonNode) expected = spire_record_to_json (record, TRUE);
          JsonObject *written = record_with_uuid (root, kinds[k]->table,
                                                  spire_record_get_uuid (record));
          g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), written);
          g_autoptr (GList) want = json_object_get_members (json_node_get_object (expected));
          g_autoptr (GList) have = json_object_get_members (written);

          if (!json_node_equal (expected, node))
            {
              g_autofree char *a = json_to_string (expected, FALSE);
              g_autofree char *b = json_to_string (node, FALSE);

              g_error ("%s: the record\n  %s\nwas written\n  %s", kinds[k]->table, a, b);
            }
          for (GList *a = want, *b = have; a || b; a = a->next, b = b->next)
            g_assert_cmpstr (a ? a->data : NULL, ==, b ? b->data : NULL);
        }
      total += records->len;
    }
  g_assert_cmpuint (total, >, 1000);

  env_free (env);
}

static void
on_progress_cb (double fraction, gpointer data)
{
  GArray *seen = data;

  g_array_append_val (seen, fraction);
}

/* A file: the same document, written whole or not at all, readable by the
 * owner only (it holds confidential fields). */
static void
test_export_file (void)
{
  Env *env = env_new ();
  g_autofree char *path = g_build_filename (env->dir, "backup.json", NULL);
  g_autofree char *missing = g_build_filename (env->dir, "no-such-folder", "backup.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *from_string = export_stripped (env->source);
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old backup", -1, NULL));
  g_assert_true (spire_exchange_export_file (env->source, path, on_progress_cb, seen, NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  from_file = strip_time (contents);
  assert_same_doc (from_file, from_string);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpuint (seen->len, >=, 2);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

  /* cancelled: the old file stays as it was */
  g_cancellable_cancel (cancellable);
  g_assert_false (spire_exchange_export_file (env->source, path, NULL, NULL, cancellable,
                                              &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_clear_pointer (&from_file, g_free);
  from_file = strip_time (contents);
  assert_same_doc (from_file, from_string);

  /* a folder that is not there */
  g_assert_false (spire_exchange_export_file (env->source, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "backup.json"));
  g_clear_error (&error);

  /* no temporary file left behind */
  dir = g_dir_open (env->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "backup.json") || g_str_has_prefix (name, "db"));

  env_free (env);
}

/* The same backup twice: the second time nothing is added or changed. */
static void
test_import_twice (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autofree char *doc = spire_exchange_export_string (env->source, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  SpireImportStats stats;

  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", &stats, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);
  before = export_stripped (copy);

  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", &stats, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, N_RECORDS);
  after = export_stripped (copy);
  assert_same_doc (after, before);

  /* Back into the database it came from (where the extra answers are
   * stored with other spacing): nothing changed either. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = export_stripped (env->source);
  g_assert_true (spire_exchange_import_data (env->source, doc, -1, "backup.json", &stats, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.unchanged, ==, N_RECORDS);
  after = export_stripped (env->source);
  assert_same_doc (after, before);

  g_clear_object (&copy);
  env_free (env);
}

/* A record changed in the file updates the one in the database, with the
 * file's times; the rest is left alone. */
static void
test_import_updates (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autofree char *doc = NULL;
  g_autoptr (SpireRecord) application = NULL;
  g_autoptr (GPtrArray) bodies = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *app = record_with_uuid (root, "applications", APPLICATION_UUID);
  SpireImportStats stats;

  json_object_set_string_member (app, "status", "shortlisted");
  json_object_set_string_member (app, "updated_at", "2026-03-01T09:00:00Z");
  doc = json_to_string (root, TRUE);

  g_assert_true (spire_exchange_import_data (env->source, doc, -1, "backup.json", &stats, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);   /* Bergen kommune */
  g_assert_cmpuint (stats.updated, ==, 2); /* the program and the application */
  g_assert_cmpuint (stats.unchanged, ==, N_RECORDS - 2);

  application = spire_store_get (env->source, &spire_kind_application, APPLICATION_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (application, "status"), ==, "shortlisted");
  g_assert_cmpstr (spire_record_get_text (application, "updated_at"), ==, "2026-03-01T09:00:00Z");
  g_assert_cmpstr (spire_record_get_text (application, "confidential"), ==,
                   "Omsetning 2025: 3,2 MNOK; patent søkt");
  bodies = spire_store_list (env->source, &spire_kind_public_body, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bodies->len, ==, 3);

  env_free (env);
}


typedef struct
{
  GCancellable *cancellable;
  guint calls;
} CancelData;

static void
on_progress_cancel_cb (double fraction, gpointer data)
{
  CancelData *cd = data;

  cd->calls++;
  if (fraction > 0.0)
    g_cancellable_cancel (cd->cancellable);
}

/* Cancelled halfway: nothing of it stays. */
static void
test_import_cancel (void)
{
  Env *env = env_new ();
  g_autoptr (GString) doc = big_doc (3000, "00000000-0000-4000-8000-000000000000");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = export_stripped (env->source);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  CancelData cd = { cancellable, 0 };

  g_assert_false (spire_exchange_import_data (env->source, doc->str, (gssize) doc->len,
                                              "backup.json", NULL, on_progress_cancel_cb, &cd,
                                              cancellable, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_assert_cmpuint (cd.calls, >=, 2);
  after = export_stripped (env->source);
  assert_same_doc (after, before);

  env_free (env);
}

/* From a file: messages name the file. */
static void
test_import_file (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autofree char *path = g_build_filename (env->dir, "backup.json", NULL);
  g_autofree char *broken = g_build_filename (env->dir, "broken.json", NULL);
  g_autofree char *missing = g_build_filename (env->dir, "missing.json", NULL);
  g_autoptr (GError) error = NULL;
  SpireImportStats stats;

  g_assert_true (spire_exchange_export_file (env->source, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spire_exchange_import_file (copy, path, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"spire-backup\",", -1, NULL));
  g_assert_false (spire_exchange_import_file (copy, broken, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: line 1, column "));
  g_clear_error (&error);

  g_assert_false (spire_exchange_import_file (copy, missing, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.json"));

  g_clear_object (&copy);
  env_free (env);
}

/* A backup saved by an editor that starts it with a UTF-8 byte order mark
 * imports as it did before (it was refused as "not valid JSON"), from a
 * file and from memory. */
static void
test_import_bom (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autoptr (SpireStore) copy2 = env_new_store (env);
  g_autofree char *path = g_build_filename (env->dir, "bom.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = spire_exchange_export_string (env->source, &error);
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", doc, NULL);
  g_autofree char *expected = export_stripped (env->source);
  g_autofree char *got = NULL;
  SpireImportStats stats;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, with_bom, -1, NULL));
  g_assert_true (spire_exchange_import_file (copy, path, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);
  got = export_stripped (copy);
  assert_same_doc (expected, got);
  g_assert_true (spire_exchange_import_data (copy2, with_bom, -1, "bom.json", &stats, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);

  g_clear_object (&copy);
  g_clear_object (&copy2);
  env_free (env);
}

/* A UUID in upper case (a backup edited by hand or written by another
 * tool) is the same record: it was added a second time beside the first,
 * and a reference in upper case was refused as pointing nowhere. */
static void
test_import_upper_case_uuids (void)
{
  Env *env = env_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = spire_exchange_export_string (env->source, &error);
  g_autoptr (JsonNode) root = parse (doc);
  JsonObject *startup = record_at (root, "startups", 0);
  JsonObject *application = record_at (root, "applications", 0);
  g_autofree char *upper = g_ascii_strup (json_object_get_string_member (startup, "uuid"), -1);
  g_autofree char *upper_ref =
    g_ascii_strup (json_object_get_string_member (application, "startup"), -1);
  g_autofree char *edited = NULL;
  g_autofree char *before = export_stripped (env->source);
  g_autofree char *after = NULL;
  SpireImportStats stats;

  g_assert_no_error (error);
  json_object_set_string_member (startup, "uuid", upper);
  json_object_set_string_member (application, "startup", upper_ref);
  edited = json_to_string (root, TRUE);
  g_assert_true (spire_exchange_import_data (env->source, edited, -1, "edited.json", &stats, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, N_RECORDS);
  after = export_stripped (env->source);
  assert_same_doc (before, after);
  env_free (env);
}

/* trust-files: backups and secrets.  The default export holds the
 * evaluator's package token and says so; one without secrets holds no
 * token, says so, and still imports: into an empty database (the evaluator
 * counted as without a token) and into the source (its token kept).
 * Both files are the owner's alone, whatever the umask. */
static void
test_export_secrets (void)
{
  Env *env = env_new ();
  g_autofree char *with = g_build_filename (env->dir, "with.json", NULL);
  g_autofree char *without = g_build_filename (env->dir, "without.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr (JsonNode) root = NULL;
  mode_t old_umask = umask (0);
  guint n_secrets = 99;
  GStatBuf st;

  g_assert_true (spire_exchange_export_file_full (env->source, with, SPIRE_EXPORT_DEFAULT,
                                                  &n_secrets, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_secrets, ==, 1);
  g_assert_true (g_file_get_contents (with, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "hemmelig-token-123"));
  root = parse (data);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "contains_secrets"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (root),
                                                           "secrets_note"),
                            "sign score sheets"));
  g_assert_cmpint (g_stat (with, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_pointer (&data, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_true (spire_exchange_export_file_full (env->source, without,
                                                  SPIRE_EXPORT_WITHOUT_SECRETS, &n_secrets, NULL,
                                                  NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_secrets, ==, 0);
  g_assert_true (g_file_get_contents (without, &data, NULL, NULL));
  g_assert_null (strstr (data, "hemmelig-token-123"));
  g_assert_null (strstr (data, "\"token\""));
  /* the rest of what was shared in confidence is still there */
  g_assert_nonnull (strstr (data, "Omsetning 2025: 3,2 MNOK"));
  root = parse (data);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root),
                                                  "contains_secrets"));
  g_assert_false (json_object_has_member (json_node_get_object (root), "secrets_note"));
  g_assert_cmpint (g_stat (without, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  umask (old_umask);

  {
    g_autoptr (SpireStore) copy = env_new_store (env);
    SpireImportStats stats = { 0 };
    g_autoptr (GPtrArray) evaluators = NULL;

    g_assert_true (spire_exchange_import_file (copy, without, &stats, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.added, ==, N_RECORDS);
    g_assert_cmpuint (stats.without_secrets, ==, 1);
    evaluators = spire_store_list (copy, &spire_kind_evaluator, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evaluators->len, ==, 1);
    g_assert_true (spire_record_is_null (g_ptr_array_index (evaluators, 0), "token"));
  }
  {
    SpireImportStats stats = { 0 };
    g_autoptr (GPtrArray) evaluators = NULL;

    g_assert_true (spire_exchange_import_file (env->source, without, &stats, NULL, NULL, NULL,
                                               &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.unchanged, ==, N_RECORDS);
    g_assert_cmpuint (stats.without_secrets, ==, 0);
    evaluators = spire_store_list (env->source, &spire_kind_evaluator, NULL, NULL, &error);
    g_assert_cmpstr (spire_record_get_text (g_ptr_array_index (evaluators, 0), "token"), ==,
                     "hemmelig-token-123");
  }
  env_free (env);
}

/* Each list of the file in reverse (its records no longer in UUID order,
 * references to records further down): imported into an empty database
 * it gives the same database, record for record; the same file with one
 * reference broken at its end leaves the database as it was. */
static void
test_import_any_order (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autofree char *doc = spire_exchange_export_string (env->source, NULL);
  g_autoptr (JsonNode) root = parse (doc);
  JsonObject *object = json_node_get_object (root);
  g_autoptr (GList) members = json_object_get_members (object);
  g_autofree char *reversed = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  SpireImportStats stats;
  JsonObject *last_score = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);
      JsonArray *list, *back;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        continue;
      list = json_node_get_array (member);
      n = json_array_get_length (list);
      back = json_array_sized_new (n);
      for (guint i = n; i > 0; i--)
        json_array_add_element (back, json_array_dup_element (list, i - 1));
      json_object_set_array_member (object, l->data, back);
    }
  reversed = json_to_string (root, TRUE);
  g_assert_true (spire_exchange_import_data (copy, reversed, -1, "backup.json", &stats, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);
  before = export_stripped (env->source);
  after = export_stripped (copy);
  assert_same_doc (after, before);

  /* All or nothing: into a third, empty database, the last score's review
   * gone. */
  {
    g_autoptr (SpireStore) empty = env_new_store (env);
    JsonArray *scores = json_object_get_array_member (object, "scores");
    g_autofree char *empty_before = export_stripped (empty);
    g_autofree char *empty_after = NULL;

    g_assert_cmpuint (json_array_get_length (scores), >, 0);
    last_score = json_array_get_object_element (scores, json_array_get_length (scores) - 1);
    json_object_set_string_member (last_score, "review", UNKNOWN_UUID);
    broken = json_to_string (root, TRUE);
    g_assert_false (spire_exchange_import_data (empty, broken, -1, "backup.json", NULL, NULL,
                                                NULL, NULL, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_REFERENCE);
    g_assert_nonnull (strstr (error->message, UNKNOWN_UUID));
    g_clear_error (&error);
    empty_after = export_stripped (empty);
    assert_same_doc (empty_after, empty_before);
  }

  g_clear_object (&copy);
  env_free (env);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/round-trip", test_round_trip);
  g_test_add_func ("/exchange/round-trip-nb", test_round_trip_nb);
  g_test_add_func ("/exchange/export-order", test_export_order);
  g_test_add_func ("/exchange/export-file", test_export_file);
  g_test_add_func ("/exchange/export-as-records", test_export_as_records);
  g_test_add_func ("/exchange/export-secrets", test_export_secrets);
  g_test_add_func ("/exchange/import-twice", test_import_twice);
  g_test_add_func ("/exchange/import-any-order", test_import_any_order);
  g_test_add_func ("/exchange/import-updates", test_import_updates);
  g_test_add_func ("/exchange/import-file", test_import_file);
  g_test_add_func ("/exchange/import-bom", test_import_bom);
  g_test_add_func ("/exchange/import-upper-case-uuids", test_import_upper_case_uuids);
  g_test_add_func ("/exchange/import-cancel", test_import_cancel);

  return g_test_run ();
}
