/* cli-fixture.h — what the spire-cli tests share: running the built
 * spire-cli in a folder of its own, reading what it wrote, small documents
 * made by hand (test-cli.c, test-cli-data.c, test-cli-evaluation.c,
 * test-cli-followup.c)
 *
 * Environment (set by tests/cli/meson.build):
 *   SPIRE_CLI              the spire-cli to test
 *   SPIRE_CLI_LOCALEDIR    the build tree's translations (<build>/po), which
 *                          spire-cli reads when SPIRE_LOCALEDIR names them
 *
 * Every test works in its own folder under one temporary folder; HOME and
 * XDG_DATA_HOME point there too, so the default database is never the
 * user's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-core.h"

static const char *cli_path;
static const char *cli_localedir;
static char *top_dir;
static char **child_env;

/* Running the program */

typedef struct
{
  int status; /* exit status; -1 when it did not exit normally */
  char *out;
  gsize out_len;
  char *err;
} Run;

G_GNUC_UNUSED static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

G_GNUC_UNUSED static void
run_program_full (Run *run, const char *program, const char *const *extra_env, const char *cwd,
                  GBytes *input, const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_strdupv (child_env);

  memset (run, 0, sizeof *run);
  for (guint i = 0; extra_env && extra_env[i]; i += 2)
    env = extra_env[i + 1] ? g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE)
                           : g_environ_unsetenv (env, extra_env[i]);

  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_cwd (launcher, cwd ? cwd : top_dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  {
    /* A closed, empty standard input unless @input is given. */
    g_autoptr (GBytes) nothing = g_bytes_new_static ("", 0);

    g_subprocess_communicate (process, input ? input : nothing, NULL, &out, &err, &error);
  }
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out_len = g_bytes_get_size (out);
  run->out = run->out_len ? g_strndup (g_bytes_get_data (out, NULL), run->out_len) : g_strdup ("");
  run->err = g_bytes_get_size (err) ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err))
                                    : g_strdup ("");
  {
    g_autofree char *line = g_strjoinv (" ", (char **) args);

    g_test_message ("spire-cli %s → %d\n--- stdout\n%.2000s\n--- stderr\n%s", line,
                    run->status, run->out, run->err);
  }
}

/* spire-cli ARGS… (NULL-terminated), run in @cwd. */
G_GNUC_UNUSED static void
run_in (Run *run, const char *cwd, ...) G_GNUC_NULL_TERMINATED;

G_GNUC_UNUSED static void
run_in (Run *run, const char *cwd, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  va_start (ap, cwd);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_program_full (run, cli_path, NULL, cwd, NULL, (const char *const *) args->pdata);
}

/* spire-cli ARGS… (NULL-terminated) in @cwd on a "full disk": a file-size
 * limit of @blocks × 512 bytes (RLIMIT_FSIZE, set by the shell's ulimit)
 * with SIGXFSZ ignored, so that a write past it fails with EFBIG as one on
 * a full disk fails with ENOSPC. */
G_GNUC_UNUSED static void
run_full (Run *run, const char *cwd, guint blocks, ...) G_GNUC_NULL_TERMINATED;

G_GNUC_UNUSED static void
run_full (Run *run, const char *cwd, guint blocks, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;
  const char *arg;

  g_ptr_array_add (args, g_strdup ("-c"));
  g_ptr_array_add (args, g_strdup_printf ("ulimit -f %u && trap '' XFSZ && exec \"$0\" \"$@\"",
                                          blocks));
  g_ptr_array_add (args, g_strdup (cli_path));
  va_start (ap, blocks);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_program_full (run, "/bin/sh", NULL, cwd, NULL, (const char *const *) args->pdata);
}

/* A fresh folder for one test. */
G_GNUC_UNUSED static char *
test_dir (void)
{
  g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '_');
  char *dir = g_build_filename (top_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

G_GNUC_UNUSED static char *
default_database (void)
{
  return g_build_filename (top_dir, "xdg-data", "spire", "spire.db", NULL);
}

G_GNUC_UNUSED static void
assert_refused (const Run *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "spire-cli: "));
  g_assert_cmpuint (strlen (run->err), >, strlen ("spire-cli: \n"));
}

G_GNUC_UNUSED static char *
read_file (const char *path, gsize *length)
{
  char *data = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

G_GNUC_UNUSED static void
write_file (const char *path, const char *data)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

G_GNUC_UNUSED static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_node_copy (json_parser_get_root (parser));
}

/* An export without its "exported_at", as compact text. */
G_GNUC_UNUSED static char *
export_without_time (const char *dir, const char *database)
{
  g_auto (Run) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;

  run_in (&run, dir, "-d", database, "export", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_true (json_object_has_member (object, "exported_at"));
  json_object_remove_member (object, "exported_at");
  return json_to_string (root, FALSE);
}

/* A database filled by "spire-cli demo" in @dir. */
G_GNUC_UNUSED static char *
demo_database (const char *dir)
{
  g_auto (Run) run = { 0 };
  char *database = g_build_filename (dir, "demo.db", NULL);

  run_in (&run, dir, "-d", database, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (database, G_FILE_TEST_EXISTS));
  return database;
}

G_GNUC_UNUSED static gint64
count_in (const char *database, const char *table, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);

  g_assert_no_error (error);
  return spire_store_count (store, spire_kind_lookup (table), field, value);
}

/* A small spire-backup document, made by hand, that does not need "demo". */
G_GNUC_UNUSED static const char sample_backup[] =
  "{ \"format\": \"spire-backup\", \"version\": 1, \"exported_at\": \"2026-11-23T10:00:00Z\",\n"
  "  \"public_bodies\": [ { \"uuid\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"Oslo kommune\","
  " \"kind\": \"municipality\", \"orgnr\": \"974760673\", \"kommunenummer\": \"0301\" } ],\n"
  "  \"programs\": [\n"
  "    { \"uuid\": \"22222222-2222-4222-8222-222222222222\", \"name\": \"Åpen innovasjon\","
  " \"kind\": \"accelerator\", \"operator\": \"Oslo Business Region\" },\n"
  "    { \"uuid\": \"22222222-2222-4222-8222-222222222223\", \"name\": \"Zebra\", \"kind\": \"need_first\" } ],\n"
  "  \"cohorts\": [ { \"uuid\": \"33333333-3333-4333-8333-333333333333\","
  " \"program\": \"22222222-2222-4222-8222-222222222222\", \"name\": \"Høst 2026\", \"phase\": \"open\","
  " \"application_deadline\": \"2026-09-15\", \"seats\": 4 } ],\n"
  "  \"startups\": [ { \"uuid\": \"44444444-4444-4444-8444-444444444444\", \"name\": \"Nordlys Helse AS\","
  " \"orgnr\": \"923609016\", \"founded\": \"2019-03-04\" } ],\n"
  "  \"persons\": [ { \"uuid\": \"55555555-5555-4555-8555-555555555555\", \"name\": \"Kari Nordmann\" } ],\n"
  "  \"applications\": [ { \"uuid\": \"66666666-6666-4666-8666-666666666666\","
  " \"cohort\": \"33333333-3333-4333-8333-333333333333\", \"startup\": \"44444444-4444-4444-8444-444444444444\","
  " \"title\": \"Tilsyn i hjemmet\", \"status\": \"in_review\", \"confidential\": \"SECRET-SAUCE\" } ],\n"
  "  \"evaluators\": [ { \"uuid\": \"77777777-7777-4777-8777-777777777777\","
  " \"cohort\": \"33333333-3333-4333-8333-333333333333\", \"person\": \"55555555-5555-4555-8555-555555555555\","
  " \"role\": \"chair\", \"token\": \"SECRET-TOKEN\" } ]\n"
  "}\n";

G_GNUC_UNUSED static char *
sample_database (const char *dir)
{
  g_auto (Run) run = { 0 };
  g_autofree char *file = g_build_filename (dir, "sample.json", NULL);
  char *database = g_build_filename (dir, "sample.db", NULL);

  write_file (file, sample_backup);
  run_in (&run, dir, "-d", database, "import", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return database;
}

G_GNUC_UNUSED static char *
data_file (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* As a form tool exports it: a byte order mark, “;” between values, Norwegian
 * headers, a quoted value with a line break and a doubled quote, CRLF. */
G_GNUC_UNUSED static const char applications_csv[] =
  "\xef\xbb\xbf"
  "Bedriftsnavn;Organisasjonsnummer;Kontaktperson;E-post;Kort beskrivelse;Hvordan hørte du om oss?\r\n"
  "Nordlys Teknologi AS;952601814;Kari Nordmann;kari@nordlys.no;Snøkart i sanntid;LinkedIn\r\n"
  "Fjordlys Robotics AS;959 083 010;Ola Hansen;ola@fjordlys.no;\"Første linje\r\n"
  "andre linje med \"\"sitat\"\"\";Messe\r\n"
  "Havbris Labs AS;946281948;Lars Olsen;lars@havbris.no;Smart kantine;\r\n";

/* Line 3 has an organisation number whose check digit is wrong. */
G_GNUC_UNUSED static const char bad_orgnr_csv[] =
  "Bedriftsnavn;Organisasjonsnummer;Kontaktperson;E-post\n"
  "Nordlys Teknologi AS;952601814;Kari Nordmann;kari@nordlys.no\n"
  "Vidde Robotics AS;923609017;Per Dahl;per@vidde.no\n"
  "Havbris Labs AS;946281948;Lars Olsen;lars@havbris.no\n";

/* The cohorts of @database as "list cohorts --json" gives them. */
G_GNUC_UNUSED static JsonNode *
list_json (const char *dir, const char *database, const char *kind, const char *cohort)
{
  g_auto (Run) run = { 0 };
  JsonNode *root;

  if (cohort)
    run_in (&run, dir, "-d", database, "list", kind, "--cohort", cohort, "--json", NULL);
  else
    run_in (&run, dir, "-d", database, "list", kind, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return root;
}

/* The UUID of the first cohort of the demo whose phase is one of @phases. */
G_GNUC_UNUSED static char *
demo_cohort (const char *dir, const char *database, const char *const *phases)
{
  g_autoptr (JsonNode) cohorts = list_json (dir, database, "cohorts", NULL);
  JsonArray *array = json_node_get_array (cohorts);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *cohort = json_array_get_object_element (array, i);

      if (g_strv_contains (phases, json_object_get_string_member (cohort, "phase")))
        return g_strdup (json_object_get_string_member (cohort, "uuid"));
    }
  g_assert_not_reached ();
  return NULL;
}

G_GNUC_UNUSED static guint
count_applications (const char *dir, const char *database, const char *cohort)
{
  g_autoptr (JsonNode) root = list_json (dir, database, "applications", cohort);

  return json_array_get_length (json_node_get_array (root));
}

/* Setup */

G_GNUC_UNUSED static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Before the tests: spire-cli's environment and the folder they work
 * in.  FALSE when SPIRE_CLI does not name a program. */
G_GNUC_UNUSED static gboolean
cli_fixture_init (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *data_home = NULL;

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  cli_path = g_getenv ("SPIRE_CLI");
  cli_localedir = g_getenv ("SPIRE_CLI_LOCALEDIR");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Set SPIRE_CLI to the spire-cli to test.\n");
      return FALSE;
    }

  top_dir = g_dir_make_tmp ("spire-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  home = g_build_filename (top_dir, "home", NULL);
  data_home = g_build_filename (top_dir, "xdg-data", NULL);
  g_mkdir_with_parents (home, 0700);

  /* What the program sees: English messages, UTC, our own folders. */
  child_env = g_get_environ ();
  child_env = g_environ_setenv (child_env, "HOME", home, TRUE);
  child_env = g_environ_setenv (child_env, "XDG_DATA_HOME", data_home, TRUE);
  child_env = g_environ_setenv (child_env, "LANG", "C.UTF-8", TRUE);
  child_env = g_environ_setenv (child_env, "TZ", "UTC", TRUE);
  child_env = g_environ_unsetenv (child_env, "LANGUAGE");
  child_env = g_environ_unsetenv (child_env, "SPIRE_LOCALEDIR");
  child_env = g_environ_unsetenv (child_env, "LC_ALL");
  child_env = g_environ_unsetenv (child_env, "LC_MESSAGES");
  child_env = g_environ_unsetenv (child_env, "LC_NUMERIC");
  child_env = g_environ_unsetenv (child_env, "LC_TIME");
  return TRUE;
}

/* Runs the tests and removes their folder (SPIRE_TEST_KEEP keeps it). */
G_GNUC_UNUSED static int
cli_fixture_run (void)
{
  int status;

  status = g_test_run ();

  if (g_getenv ("SPIRE_TEST_KEEP") == NULL)
    remove_tree (top_dir);
  else
    g_printerr ("kept %s\n", top_dir);
  g_strfreev (child_env);
  g_free (top_dir);
  return status;
}
