/* test-exchange-bounds.c — bad input that is too big, or not what it was
 * given as, is refused before it does harm
 *
 * A text longer than its field holds (spire_field_max_length), a file
 * larger than its kind's limit (spire-exchange-read.c: refused from its
 * size, before it is read), a package with an escaped NUL (json-glib cut
 * the text at it): each is refused with where, and the database is as it
 * was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "exchange-fixture.h"
#include "spire-core.h"
#include "spire-exchange-private.h"

/* A file of @size bytes that takes no disk: sparse (a hole). */
static char *
sparse_file (const char *dir, const char *name, guint64 size)
{
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) size), ==, 0);
  close (fd);
  return path;
}

/* Too long a text in a backup: refused with its place; as long as the
 * field holds (in characters, not bytes: "ø" is two) comes in. */
static void
test_field_too_long (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);
  g_autoptr (JsonNode) good = changed_doc (env);
  g_autofree char *pitch = g_strnfill (SPIRE_LENGTH_LONG + 1, 'x');
  g_autofree char *name = g_strnfill (SPIRE_LENGTH_SHORT + 1, 'n');
  g_autoptr (GString) long_pitch = g_string_new (NULL);
  g_autoptr (GString) long_name = g_string_new (NULL);
  g_autofree char *doc = NULL;
  g_autoptr (GError) error = NULL;
  SpireImportStats stats;

  json_object_set_string_member (record_at (root, "applications", 0), "pitch", pitch);
  assert_refused_node (env, root, SPIRE_ERROR_INVALID,
                       "backup.json: applications[0].pitch: Pitch: 100,001 characters; at most "
                       "100,000");
  json_object_set_string_member (record_at (root2, "startups", 0), "name", name);
  assert_refused_node (env, root2, SPIRE_ERROR_INVALID,
                       "backup.json: startups[0].name: Name: 1,001 characters; at most 1,000");

  for (guint i = 0; i < SPIRE_LENGTH_LONG; i++)
    g_string_append (long_pitch, "ø");
  for (guint i = 0; i < SPIRE_LENGTH_SHORT; i++)
    g_string_append (long_name, "å");
  json_object_set_string_member (record_at (good, "applications", 0), "pitch", long_pitch->str);
  json_object_set_string_member (record_at (good, "startups", 0), "name", long_name->str);
  doc = json_to_string (good, FALSE);
  g_assert_true (spire_exchange_import_data (env->source, doc, -1, "backup.json", &stats, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  env_free (env);
}

/* The limits, field by field: names short, free texts long, lists Spire
 * makes itself not at all; the record says which field. */
static void
test_field_limits (void)
{
  g_autoptr (SpireRecord) package = spire_record_new (&spire_kind_package);
  g_autoptr (SpireRecord) startup = spire_record_new (&spire_kind_startup);
  g_autoptr (GString) uuids = g_string_new ("[");
  g_autofree char *website = g_strnfill (SPIRE_LENGTH_SHORT + 1, 'w');
  g_autoptr (GError) error = NULL;
  const char *field = NULL;

  g_assert_cmpuint (spire_field_max_length (spire_kind_field (&spire_kind_application, "title")),
                    ==, SPIRE_LENGTH_SHORT);
  g_assert_cmpuint (spire_field_max_length (spire_kind_field (&spire_kind_application, "pitch")),
                    ==, SPIRE_LENGTH_LONG);
  g_assert_cmpuint (spire_field_max_length (spire_kind_field (&spire_kind_score, "comment")), ==,
                    SPIRE_LENGTH_LONG);
  g_assert_cmpuint (spire_field_max_length (spire_kind_field (&spire_kind_application, "extra")),
                    ==, SPIRE_LENGTH_JSON);

  /* A package of a cohort of 40 000 applications lists 40 000 UUIDs. */
  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (uuids, "%s\"a0000000-0000-4000-8000-%012u\"", i ? "," : "", i);
  g_string_append (uuids, "]");
  g_assert_cmpuint (uuids->len, >, SPIRE_LENGTH_JSON);
  spire_record_set_text (package, "uuid", "c0000000-0000-4000-8000-000000000001");
  spire_record_set_text (package, "evaluator", "c0000000-0000-4000-8000-000000000002");
  spire_record_set_text (package, "cohort", "c0000000-0000-4000-8000-000000000003");
  spire_record_set_int (package, "rubric_version", 1);
  spire_record_set_text (package, "exported_at", "2026-12-07T10:00:00Z");
  spire_record_set_text (package, "applications", uuids->str);
  g_assert_true (spire_record_validate (package, &field, &error));
  g_assert_no_error (error);

  spire_record_set_text (startup, "uuid", "c0000000-0000-4000-8000-000000000004");
  spire_record_set_text (startup, "name", "Nordlys AS");
  spire_record_set_text (startup, "website", website);
  g_assert_false (spire_record_validate (startup, &field, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "website");
  g_assert_cmpstr (error->message, ==, "Website: 1,001 characters; at most 1,000");
}

/* The backup is read as a stream, but yajl keeps a string whole, and a
 * JSON field (extra answers) became a tree of any size: both are refused
 * past SPIRE_JSON_MAX_STRING, at once, not when the record closes. */
static void
test_backup_value_too_big (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);
  g_autofree char *huge = g_strnfill (SPIRE_JSON_MAX_STRING + 1, 'x');
  g_autofree char *mb = g_strnfill (1000 * 1000, 'y');
  JsonArray *answers = json_array_new ();

  json_object_set_string_member (record_at (root, "startups", 0), "name", huge);
  assert_refused_node (env, root, SPIRE_ERROR_INVALID,
                       "a text of more than 12.0\xc2\xa0MB, longer than any field holds");

  for (guint i = 0; i < 13; i++)
    json_array_add_string_element (answers, mb);
  json_object_set_array_member (record_at (root2, "applications", 0), "extra", answers);
  assert_refused_node (env, root2, SPIRE_ERROR_FORMAT,
                       "backup.json: applications[0].extra: a JSON value of more than "
                       "12.0\xc2\xa0MB, longer than the field holds");
  env_free (env);
}

static void
on_detected_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* A video chosen in the window's Import: it was loaded whole to see what
 * it is.  Refused from its size (5 GB, a hole on the disk). */
static void
test_detect_huge (void)
{
  g_autofree char *dir = g_dir_make_tmp ("spire-bounds-XXXXXX", NULL);
  g_autofree char *path = sparse_file (dir, "film.mp4", G_GUINT64_CONSTANT (5000000000));
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) detected = NULL;
  g_autoptr (GError) error = NULL;

  spire_import_detect_async (file, NULL, on_detected_cb, &detected);
  while (detected == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (spire_import_detect_finish (detected, NULL, &error), ==,
                   SPIRE_IMPORT_KIND_UNKNOWN);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "“film.mp4” is 5.0\xc2\xa0GB; Spire imports files up to 512.0\xc2\xa0MB. "
                   "Nothing was imported.");
  g_unlink (path);
  g_rmdir (dir);
}

/* Every kind's limit, one byte over: refused before reading (a read of
 * 512 MB of a hole would take seconds and the memory); a pipe is read. */
static void
test_read_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("spire-bounds-XXXXXX", NULL);
  const SpireReadKind kinds[] = { SPIRE_READ_CSV, SPIRE_READ_BRREG, SPIRE_READ_PACKAGE,
                                  SPIRE_READ_SHEET, SPIRE_READ_ANY };
  int pipe_fds[2];
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (spire_exchange_read_limit (SPIRE_READ_CSV), ==, 512000000);
  g_assert_cmpuint (spire_exchange_read_limit (SPIRE_READ_ANY), >=,
                    spire_exchange_read_limit (SPIRE_READ_PACKAGE));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint64 limit = spire_exchange_read_limit (kinds[i]);
      g_autofree char *path = sparse_file (dir, "x.json", limit + 1);
      int fd = g_open (path, O_RDONLY, 0);

      g_assert_null (spire_exchange_read_fd (fd, "x.json", kinds[i], &length, &error));
      g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
      g_assert_true (g_str_has_prefix (error->message, "“x.json” is "));
      g_assert_nonnull (strstr (error->message, "Nothing was imported"));
      g_clear_error (&error);
      close (fd);
      g_unlink (path);
    }
  g_rmdir (dir);

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  g_assert_cmpint (write (pipe_fds[1], "a;b\n", 4), ==, 4);
  close (pipe_fds[1]);
  text = spire_exchange_read_fd (pipe_fds[0], "standard input", SPIRE_READ_CSV, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "a;b\n");
  g_assert_cmpuint (length, ==, 4);
  close (pipe_fds[0]);
}

/* "a\u0000b" in a package: json-glib made it "a" without a word.  An
 * escaped backslash before "u0000" is text, not a NUL. */
static void
test_package_nul (void)
{
  Env *env = env_new ();
  g_autofree char *before = export_stripped (env->source);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (spire_package_install (env->source,
                                         "{\"format\": \"" SPIRE_PACKAGE_FORMAT "\",\n"
                                         " \"version\": 1, \"cohort\": \"Høst\\u0000\"}",
                                         -1, "kari.json", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "“kari.json” is not a valid evaluation package: line 2, column 31: a text "
                   "may not hold a NUL character");
  g_clear_error (&error);

  g_assert_false (spire_package_install (env->source,
                                         "{\"format\": \"" SPIRE_PACKAGE_FORMAT "\",\n"
                                         " \"version\": 1, \"cohort\": \"C:\\\\u0000\"}",
                                         -1, "kari.json", &error));
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "NUL"));

  after = export_stripped (env->source);
  assert_same_doc (after, before);
  env_free (env);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/bounds/field-too-long", test_field_too_long);
  g_test_add_func ("/exchange/bounds/field-limits", test_field_limits);
  g_test_add_func ("/exchange/bounds/backup-value-too-big", test_backup_value_too_big);
  g_test_add_func ("/exchange/bounds/detect-huge", test_detect_huge);
  g_test_add_func ("/exchange/bounds/read-limits", test_read_limits);
  g_test_add_func ("/exchange/bounds/package-nul", test_package_nul);

  return g_test_run ();
}
