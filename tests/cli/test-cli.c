/* test-cli.c — runs the built spire-cli as a user would
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
#define G_LOG_DOMAIN "test-cli"

#define _GNU_SOURCE
#include "config.h"

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

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
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
static void
run_in (Run *run, const char *cwd, ...) G_GNUC_NULL_TERMINATED;

static void
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

/* A fresh folder for one test. */
static char *
test_dir (void)
{
  g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '_');
  char *dir = g_build_filename (top_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static char *
default_database (void)
{
  return g_build_filename (top_dir, "xdg-data", "spire", "spire.db", NULL);
}

static void
assert_refused (const Run *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "spire-cli: "));
  g_assert_cmpuint (strlen (run->err), >, strlen ("spire-cli: \n"));
}

static char *
read_file (const char *path, gsize *length)
{
  char *data = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static void
write_file (const char *path, const char *data)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

static JsonNode *
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
static char *
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
static char *
demo_database (const char *dir)
{
  g_auto (Run) run = { 0 };
  char *database = g_build_filename (dir, "demo.db", NULL);

  run_in (&run, dir, "-d", database, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (database, G_FILE_TEST_EXISTS));
  return database;
}

static gint64
count_in (const char *database, const char *table, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);

  g_assert_no_error (error);
  return spire_store_count (store, spire_kind_lookup (table), field, value);
}

/* A small spire-backup document, made by hand, that does not need "demo". */
static const char sample_backup[] =
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

static char *
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

static char *
data_file (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* As a form tool exports it: a byte order mark, “;” between values, Norwegian
 * headers, a quoted value with a line break and a doubled quote, CRLF. */
static const char applications_csv[] =
  "\xef\xbb\xbf"
  "Bedriftsnavn;Organisasjonsnummer;Kontaktperson;E-post;Kort beskrivelse;Hvordan hørte du om oss?\r\n"
  "Nordlys Teknologi AS;952601814;Kari Nordmann;kari@nordlys.no;Snøkart i sanntid;LinkedIn\r\n"
  "Fjordlys Robotics AS;959 083 010;Ola Hansen;ola@fjordlys.no;\"Første linje\r\n"
  "andre linje med \"\"sitat\"\"\";Messe\r\n"
  "Havbris Labs AS;946281948;Lars Olsen;lars@havbris.no;Smart kantine;\r\n";

/* Line 3 has an organisation number whose check digit is wrong. */
static const char bad_orgnr_csv[] =
  "Bedriftsnavn;Organisasjonsnummer;Kontaktperson;E-post\n"
  "Nordlys Teknologi AS;952601814;Kari Nordmann;kari@nordlys.no\n"
  "Vidde Robotics AS;923609017;Per Dahl;per@vidde.no\n"
  "Havbris Labs AS;946281948;Lars Olsen;lars@havbris.no\n";

/* Tests */

static const char *const command_names[] = {
  "init", "demo", "import", "export", "import-csv", "import-brreg", "list", "assign", "package",
  "rank", "check", "backup", "validate-orgnr",
};

static void
test_help (void)
{
  static const char *const forms[] = { "--help", "-h", "help" };
  g_autofree char *dir = test_dir ();
  g_autofree char *fallback = default_database ();

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    {
      g_auto (Run) run = { 0 };

      run_in (&run, dir, forms[f], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out, "Commands:"));
      g_assert_nonnull (strstr (run.out, "--database"));
      for (guint i = 0; i < G_N_ELEMENTS (command_names); i++)
        {
          g_autofree char *line = g_strdup_printf ("\n  %s ", command_names[i]);

          g_assert_nonnull (strstr (run.out, line));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (command_names); i++)
    {
      g_auto (Run) a = { 0 };
      g_auto (Run) b = { 0 };
      g_autofree char *usage = g_strdup_printf ("spire-cli %s", command_names[i]);

      run_in (&a, dir, command_names[i], "--help", NULL);
      g_assert_cmpint (a.status, ==, 0);
      g_assert_nonnull (strstr (a.out, usage));
      run_in (&b, dir, "help", command_names[i], NULL);
      g_assert_cmpint (b.status, ==, 0);
      g_assert_cmpstr (a.out, ==, b.out);
    }

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "list", "--help", NULL);
    g_assert_nonnull (strstr (run.out, "public-bodies"));
    g_assert_nonnull (strstr (run.out, "--cohort"));
    g_assert_nonnull (strstr (run.out, "--json"));
  }
  {
    /* "package" lists its subcommands; each has a help of its own */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "package", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Subcommands:"));
    g_assert_nonnull (strstr (run.out, "\n  export "));
    g_assert_nonnull (strstr (run.out, "\n  import FILE…"));
  }
  {
    static const char *const subcommands[][2] = {
      { "export", "--force" },
      { "import", "refused" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      {
        g_auto (Run) a = { 0 };
        g_auto (Run) b = { 0 };
        g_autofree char *usage = g_strdup_printf ("spire-cli package %s", subcommands[i][0]);

        run_in (&a, dir, "package", subcommands[i][0], "--help", NULL);
        g_assert_cmpint (a.status, ==, 0);
        g_assert_cmpstr (a.err, ==, "");
        g_assert_nonnull (strstr (a.out, usage));
        g_assert_nonnull (strstr (a.out, subcommands[i][1]));
        run_in (&b, dir, "package", "-h", subcommands[i][0], NULL);
        g_assert_cmpint (b.status, ==, 0);
        g_assert_null (strstr (b.out, usage));
      }
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *default_k = g_strdup_printf ("(default: %u)",
                                                   SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION);

    run_in (&run, dir, "assign", "--help", NULL);
    g_assert_nonnull (strstr (run.out, "--per-application=K"));
    g_assert_nonnull (strstr (run.out, default_k));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "--version", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "spire-cli " PACKAGE_VERSION "\n");
  }
  /* Help needs no database. */
  g_assert_false (g_file_test (fallback, G_FILE_TEST_EXISTS));
}

/* With LANGUAGE=nb the help is in Bokmål — when there is a Bokmål catalog
 * to read it from (po/nb.po translated and compiled into the build tree),
 * which spire-cli finds through SPIRE_LOCALEDIR, as build-aux/run.sh sets
 * it. */
static void
test_help_nb (void)
{
  g_autofree char *mo = NULL;
  g_autofree char *dir = test_dir ();
  const char *english[] = { "Commands:", "Check the database for damage",
                            "List the records of one kind, as a table or as JSON" };
  const char *nb[G_N_ELEMENTS (english)];
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  gboolean translated = TRUE;

  if (cli_localedir == NULL)
    {
      g_test_skip ("SPIRE_CLI_LOCALEDIR not set");
      return;
    }
  mo = g_build_filename (cli_localedir, "nb", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no compiled nb catalog in the build tree");
      return;
    }

  /* Ask gettext, in this process, what the catalog says. */
  bindtextdomain (GETTEXT_PACKAGE, cli_localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "nb", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      nb[i] = g_dgettext (GETTEXT_PACKAGE, english[i]);
      translated = translated && !g_str_equal (nb[i], english[i]);
    }
  if (old_language)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (!translated)
    {
      g_test_skip ("the nb catalog does not translate the help yet");
      return;
    }

  {
    g_auto (Run) run = { 0 };
    const char *env[] = { "LANGUAGE", "nb", "LANG", "C.UTF-8", "LC_ALL", NULL,
                          "SPIRE_LOCALEDIR", cli_localedir, NULL };
    const char *args[] = { "--help", NULL };

    run_program_full (&run, cli_path, env, dir, NULL, args);
    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (english); i++)
      {
        g_assert_nonnull (strstr (run.out, nb[i]));
        g_assert_null (strstr (run.out, english[i]));
      }
  }
  {
    g_auto (Run) run = { 0 };
    const char *env[] = { "LANGUAGE", "nb", "LANG", "C.UTF-8", "LC_ALL", NULL,
                          "SPIRE_LOCALEDIR", cli_localedir, NULL };
    const char *args[] = { "frobnicate", NULL };

    /* Errors are translated too. */
    run_program_full (&run, cli_path, env, dir, NULL, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "spire-cli: "));
    if (!g_str_equal (g_dgettext (GETTEXT_PACKAGE, "“%s” is not a command."),
                      "“%s” is not a command."))
      g_assert_null (strstr (run.err, "is not a command"));
  }
}

/* SPIRE_LOCALEDIR decides where the translations come from: pointed at a
 * folder without catalogs, LANGUAGE=nb still gets English. */
static void
test_help_localedir (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *empty = g_build_filename (dir, "no-catalogs", NULL);
  g_auto (Run) run = { 0 };
  const char *env[] = { "LANGUAGE", "nb", "LANG", "C.UTF-8", "LC_ALL", NULL,
                        "SPIRE_LOCALEDIR", empty, NULL };
  const char *args[] = { "--help", NULL };
  int made = g_mkdir_with_parents (empty, 0700);

  g_assert_cmpint (made, ==, 0);
  run_program_full (&run, cli_path, env, dir, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Commands:"));
  g_assert_nonnull (strstr (run.out, "Check the database for damage"));
}

/* The build's spire-cli, run as the README says (no SPIRE_LOCALEDIR),
 * speaks Bokmål under LANGUAGE=nb: run from the build tree it reads the
 * build's catalogs (src/core/spire-locale.c). */
static void
test_help_nb_build_tree (void)
{
  g_autofree char *dir = test_dir ();
  g_auto (Run) run = { 0 };
  const char *env[] = { "LANGUAGE", "nb", "LANG", "C.UTF-8", "LC_ALL", NULL,
                        "SPIRE_LOCALEDIR", NULL, NULL };
  const char *args[] = { "--help", NULL };

  run_program_full (&run, cli_path, env, dir, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Kommandoer:"));
  g_assert_nonnull (strstr (run.out, "Kontroller databasen for skader"));
  g_assert_null (strstr (run.out, "Commands:"));
}

static void
test_validate_orgnr (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = g_build_filename (dir, "never.db", NULL);
  g_autofree char *fallback = default_database ();

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "validate-orgnr", "923609016", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "923609016 valid\n");
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "validate-orgnr", "923609017", NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==, "923609017 invalid\n");
  }
  {
    /* Each number as given, in order; one invalid one makes the exit status 1. */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "validate-orgnr", "923609016", "923 609 016", "923609017",
            "12345", "abcdefghi", NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==,
                     "923609016 valid\n"
                     "923 609 016 valid\n"
                     "923609017 invalid\n"
                     "12345 invalid\n"
                     "abcdefghi invalid\n");
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "validate-orgnr", "974760673", "923 609 016", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  /* It needs no database and makes none. */
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fallback, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (void)
{
  static const char *const cases[][10] = {
    { NULL },
    { "frobnicate", NULL },
    { "--frobnicate", NULL },
    { "--frobnicate", "init", NULL },
    { "init", "--frobnicate", NULL },
    { "init", "extra", NULL },
    { "list", NULL },
    { "list", "nonsense", NULL },
    { "list", "programs", "extra", NULL },
    { "list", "programs", "--cohort", "33333333-3333-4333-8333-333333333333", NULL },
    { "list", "public-bodies", "--cohort", "33333333-3333-4333-8333-333333333333", NULL },
    { "list", "applications", "--cohort", NULL },
    { "list", "programs", "--tsv", NULL },
    { "demo", "--size", "huge", NULL },
    { "demo", "--seed", "abc", NULL },
    { "demo", "--seed", "-1", NULL },
    { "demo", "--seed", "99999999999", NULL },
    { "demo", "extra", NULL },
    { "import", NULL },
    { "import", "a.json", "b.json", NULL },
    { "export", NULL },
    { "backup", NULL },
    { "check", "extra", NULL },
    { "validate-orgnr", NULL },
    { "help", "frobnicate", NULL },
    { "import-csv", NULL },
    { "import-csv", "a.csv", NULL },
    { "import-csv", "a.csv", "--cohort", NULL },
    { "import-csv", "a.csv", "--cohort", "", NULL },
    { "import-csv", "a.csv", "b.csv", "--cohort", "33333333-3333-4333-8333-333333333333", NULL },
    { "import-csv", "a.csv", "--cohort", "33333333-3333-4333-8333-333333333333", "--map=x", NULL },
    { "import-csv", "a.csv", "--cohort", "33333333-3333-4333-8333-333333333333",
      "--map=Navn=startup.nonsense", NULL },
    { "import-brreg", NULL },
    { "import-brreg", "a.json", "b.json", NULL },
    { "import-brreg", "a.json", "--as", "companies", NULL },
    { "rank", NULL },
    { "rank", "--cohort", NULL },
    { "rank", "33333333-3333-4333-8333-333333333333", NULL },
    { "rank", "--cohort", "33333333-3333-4333-8333-333333333333", "--csv", NULL },
    { "assign", NULL },
    { "assign", "--cohort", NULL },
    { "assign", "33333333-3333-4333-8333-333333333333", NULL },
    { "assign", "--cohort", "33333333-3333-4333-8333-333333333333", "--per-application", "0",
      NULL },
    { "assign", "--cohort", "33333333-3333-4333-8333-333333333333", "--per-application", "two",
      NULL },
    { "assign", "--cohort", "33333333-3333-4333-8333-333333333333", "--per-application", "-1",
      NULL },
    { "package", NULL },
    { "package", "frobnicate", NULL },
    { "package", "--frobnicate", "export", NULL },
    { "package", "export", NULL },
    { "package", "export", "--cohort", "33333333-3333-4333-8333-333333333333", "-o", "p.json",
      NULL },
    { "package", "export", "--cohort", "33333333-3333-4333-8333-333333333333", "--evaluator",
      "77777777-7777-4777-8777-777777777777", NULL },
    { "package", "export", "--evaluator", "77777777-7777-4777-8777-777777777777", "-o", "p.json",
      NULL },
    { "package", "export", "--cohort", "33333333-3333-4333-8333-333333333333", "--evaluator",
      "77777777-7777-4777-8777-777777777777", "-o", "p.json", "extra" },
    { "package", "export", "--cohort", "33333333-3333-4333-8333-333333333333", "--evaluator",
      "77777777-7777-4777-8777-777777777777", "-o", "p.json", "--frobnicate" },
    { "package", "import", NULL },
    { "package", "import", "--frobnicate", "sheet.json", NULL },
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = g_build_filename (dir, "usage.db", NULL);
  g_autofree char *package = g_build_filename (dir, "p.json", NULL);
  g_autofree char *fallback = default_database ();

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (int with_database = 0; with_database < 2; with_database++)
      {
        g_auto (Run) run = { 0 };
        g_autoptr (GPtrArray) args = g_ptr_array_new ();

        if (with_database)
          {
            g_ptr_array_add (args, (gpointer) "--database");
            g_ptr_array_add (args, database);
          }
        for (guint i = 0; cases[c][i]; i++)
          g_ptr_array_add (args, (gpointer) cases[c][i]);
        g_ptr_array_add (args, NULL);
        run_program_full (&run, cli_path, NULL, dir, NULL, (const char *const *) args->pdata);

        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (g_str_has_prefix (run.err, "spire-cli: "));
        g_assert_nonnull (strstr (run.err, "--help"));
        g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (fallback, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (package, G_FILE_TEST_EXISTS));
      }

  {
    /* A missing option argument */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--help"));
  }
  g_assert_false (g_file_test (fallback, G_FILE_TEST_EXISTS));
}

/* Commands that only read refuse a database that is not there, and do not make one. */
static void
test_missing_database (void)
{
  static const char *const commands[][6] = {
    { "list", "programs", NULL },
    { "check", NULL },
    { "export", "-", NULL },
    { "backup", "copy.db", NULL },
    { "rank", "--cohort=33333333-3333-4333-8333-333333333333", NULL },
    { "import-csv", "@CSV@", "--cohort=33333333-3333-4333-8333-333333333333", NULL },
    { "assign", "--cohort=33333333-3333-4333-8333-333333333333", NULL },
    { "package", "export", "--cohort=33333333-3333-4333-8333-333333333333",
      "--evaluator=77777777-7777-4777-8777-777777777777", "--output=copy.db", NULL },
    { "package", "import", "@CSV@", NULL },
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "applications.csv", NULL);

  write_file (csv, "Bedriftsnavn;Organisasjonsnummer\nNordlys Helse AS;923609016\n");
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_auto (Run) run = { 0 };
      const char *args[] = { "-d", database, commands[c][0], commands[c][1], commands[c][2],
                             commands[c][3], commands[c][4], NULL };

      for (guint i = 3; i < 5; i++)
        if (g_strcmp0 (args[i], "@CSV@") == 0)
          args[i] = csv;

      run_program_full (&run, cli_path, NULL, dir, NULL, args);
      assert_refused (&run);
      g_assert_nonnull (strstr (run.err, "spire-cli init"));
      g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    }
  {
    /* import of a file that is not there: the database is not made either */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import", "no-such-file.json", NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "no-such-file.json"));
    g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  }
  {
    /* nor of a file from Enhetsregisteret that is not there */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-brreg", "no-such-file.json", NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "no-such-file.json"));
    g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  }
}

static void
test_init_list_empty (void)
{
  static const char *const kinds[] = {
    "programs", "cohorts", "challenges", "public-bodies", "startups", "applications",
    "evaluators", "deals",
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = g_build_filename (dir, "sub", "folder", "new.db", NULL);

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "init", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, database));
    g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));
  }
  {
    /* again: nothing to do, still says where */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "init", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, database));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "programs", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpstr (run.out, ==, "There are no programs in the database.\n");
  }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto (Run) run = { 0 };
      g_autoptr (JsonNode) root = NULL;

      run_in (&run, dir, "-d", database, "list", kinds[k], "--json", NULL);
      g_assert_cmpint (run.status, ==, 0);
      root = parse_json (run.out);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
      g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
    }
  {
    /* the default database, when no --database is given */
    g_auto (Run) run = { 0 };
    g_autofree char *fallback = default_database ();

    run_in (&run, dir, "init", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, fallback));
    g_assert_true (g_file_test (fallback, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (g_unlink (fallback), ==, 0);
  }
}

/* 200 KB of "[" crashed every JSON importer (a stack overflow in the
 * parser): now each refuses it, says where, and changes nothing. */
static void
test_nested_too_deeply (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *deep = g_strnfill (200 * 1024, '[');
  g_autofree char *file = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *before = export_without_time (dir, database);
  const char *commands[][2] = { { "import", NULL }, { "import-brreg", NULL },
                                { "package", "import" } };

  write_file (file, deep);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *after = NULL;

      if (commands[i][1])
        run_in (&run, dir, "-d", database, commands[i][0], commands[i][1], file, NULL);
      else
        run_in (&run, dir, "-d", database, commands[i][0], file, NULL);
      assert_refused (&run);
      g_assert_nonnull (strstr (run.err, "deep.json: nested too deeply at line 1 (more than 64 "
                                         "levels). Nothing was changed."));
      after = export_without_time (dir, database);
      g_assert_cmpstr (after, ==, before);
    }
}

/* "list --csv": the table's columns as the window's CSV export, formulas
 * written as text; ";" between cells in Norwegian. */
static void
test_list_csv (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *file = g_build_filename (dir, "formula.json", NULL);

  write_file (file,
              "{ \"format\": \"spire-backup\", \"version\": 1, \"programs\": [\n"
              "  { \"uuid\": \"22222222-2222-4222-8222-222222222224\","
              " \"name\": \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\", \"kind\": \"accelerator\","
              " \"operator\": \"@SUM(1+1)*cmd|' /C calc'!A0\" } ] }\n");
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import", file, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_auto (GStrv) lines = NULL;

    run_in (&run, dir, "-d", database, "list", "programs", "--csv", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "\xEF\xBB\xBF" "UUID,Name,Kind,Operator\r\n"));
    lines = g_strsplit (run.out, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 5); /* header, 3 rows, "" */
    g_assert_cmpstr (lines[1], ==,
                     "22222222-2222-4222-8222-222222222224,"
                     "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Challenge-driven accelerator,"
                     "\"'@SUM(1+1)*cmd|' /C calc'!A0\"");
    g_assert_cmpstr (lines[3], ==,
                     "22222222-2222-4222-8222-222222222222,Åpen innovasjon,Challenge-driven "
                     "accelerator,Oslo Business Region");
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "cohorts", "--csv", "--json", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  if (cli_localedir != NULL)
    {
      g_autofree char *mo =
          g_build_filename (cli_localedir, "nb", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      g_auto (Run) run = { 0 };
      const char *env[] = { "LANGUAGE", "nb", "LANG", "C.UTF-8", "LC_ALL", NULL,
                            "SPIRE_LOCALEDIR", cli_localedir, NULL };
      const char *args[] = { "-d", database, "list", "programs", "--csv", NULL };

      if (!g_file_test (mo, G_FILE_TEST_EXISTS))
        return;
      run_program_full (&run, cli_path, env, dir, NULL, args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "\xEF\xBB\xBF" "UUID;"));
      g_assert_nonnull (strstr (run.out, "\r\n22222222-2222-4222-8222-222222222224;\"'=HYPERLINK("));
    }
}

/* --database before the command and again after it: the last one counts
 * (and the first is freed: LeakSanitizer saw it lost). */
static void
test_database_twice (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_auto (Run) run = { 0 };
  g_auto (Run) help = { 0 };

  run_in (&run, dir, "-d", other, "list", "-d", database, "programs", "--csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Zebra"));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  run_in (&help, dir, "-d", other, "package", "-d", database, "export", "-d", other, "--help",
          NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* The table and the JSON of "list", on data made by hand. */
static void
test_list_sample (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);

  {
    g_auto (Run) run = { 0 };
    g_auto (GStrv) lines = NULL;
    const char *header, *row;

    run_in (&run, dir, "-d", database, "list", "programs", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4); /* header, 2 rows, "" */
    header = lines[0];
    g_assert_true (g_str_has_prefix (header, "UUID"));
    /* Norwegian order: Z before Å */
    g_assert_true (g_str_has_prefix (lines[1], "22222222-2222-4222-8222-222222222223  Zebra"));
    g_assert_true (g_str_has_prefix (lines[2], "22222222-2222-4222-8222-222222222222  Åpen innovasjon"));
    /* Aligned in characters: "Kind" and the kind label start in the same column. */
    row = lines[2];
    g_assert_cmpint (g_utf8_pointer_to_offset (header, strstr (header, "Kind")), ==,
                     g_utf8_pointer_to_offset (row, strstr (row, "Challenge-driven accelerator")));
    g_assert_nonnull (strstr (row, "Oslo Business Region"));
    /* no trailing blanks */
    g_assert_false (g_str_has_suffix (lines[1], " "));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "public-bodies", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "974 760 673"));
    g_assert_nonnull (strstr (run.out, "Municipality"));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "startups", NULL);
    g_assert_nonnull (strstr (run.out, "923 609 016"));
    g_assert_nonnull (strstr (run.out, "4 Mar 2019"));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "cohorts", NULL);
    g_assert_nonnull (strstr (run.out, "Høst 2026"));
    g_assert_nonnull (strstr (run.out, "Åpen innovasjon")); /* the program by name */
    g_assert_nonnull (strstr (run.out, "Open for applications"));
    g_assert_nonnull (strstr (run.out, "15 Sep 2026"));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "evaluators", NULL);
    g_assert_nonnull (strstr (run.out, "Kari Nordmann")); /* the person by name */
    g_assert_nonnull (strstr (run.out, "Chair"));
    g_assert_null (strstr (run.out, "SECRET-TOKEN"));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "applications", NULL);
    g_assert_nonnull (strstr (run.out, "Tilsyn i hjemmet"));
    g_assert_nonnull (strstr (run.out, "In review"));
    g_assert_null (strstr (run.out, "SECRET-SAUCE"));
  }
  {
    /* JSON: confidential fields left out */
    g_auto (Run) a = { 0 };
    g_auto (Run) e = { 0 };
    g_autoptr (JsonNode) apps = NULL;
    g_autoptr (JsonNode) evals = NULL;
    JsonObject *app, *eval;

    run_in (&a, dir, "-d", database, "list", "applications", "--json", "--cohort",
            "33333333-3333-4333-8333-333333333333", NULL);
    g_assert_cmpint (a.status, ==, 0);
    apps = parse_json (a.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (apps)), ==, 1);
    app = json_array_get_object_element (json_node_get_array (apps), 0);
    g_assert_cmpstr (json_object_get_string_member (app, "title"), ==, "Tilsyn i hjemmet");
    g_assert_false (json_object_has_member (app, "confidential"));
    g_assert_null (strstr (a.out, "SECRET-SAUCE"));

    run_in (&e, dir, "-d", database, "list", "evaluators", "--json", NULL);
    evals = parse_json (e.out);
    eval = json_array_get_object_element (json_node_get_array (evals), 0);
    g_assert_cmpstr (json_object_get_string_member (eval, "role"), ==, "chair");
    g_assert_false (json_object_has_member (eval, "token"));
  }
  {
    /* --cohort with a cohort that is not there: refused */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "list", "applications", "--cohort",
            "99999999-9999-4999-8999-999999999999", NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "99999999-9999-4999-8999-999999999999"));
  }
  {
    /* the option may also come after the command; public_bodies works as well */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "list", "public_bodies", "--json", "-d", database, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Oslo kommune"));
  }
}

static void
test_demo_list_json (void)
{
  static const char *const kinds[][2] = {
    { "programs", "programs" },     { "cohorts", "cohorts" },
    { "challenges", "challenges" }, { "public-bodies", "public_bodies" },
    { "startups", "startups" },     { "applications", "applications" },
    { "evaluators", "evaluators" }, { "deals", "deals" },
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *first_cohort = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto (Run) run = { 0 };
      g_autoptr (JsonNode) root = NULL;
      JsonArray *array;
      gint64 expected = count_in (database, kinds[k][1], NULL, NULL);

      run_in (&run, dir, "-d", database, "list", kinds[k][0], "--json", NULL);
      g_assert_cmpint (run.status, ==, 0);
      root = parse_json (run.out);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
      array = json_node_get_array (root);
      g_assert_cmpint (json_array_get_length (array), ==, expected);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *o = json_array_get_object_element (array, i);

          g_assert_nonnull (json_object_get_string_member (o, "uuid"));
          g_assert_false (json_object_has_member (o, "confidential"));
          g_assert_false (json_object_has_member (o, "token"));
        }
      if (g_str_equal (kinds[k][0], "cohorts"))
        {
          g_assert_cmpuint (json_array_get_length (array), >, 0);
          first_cohort = g_strdup (json_object_get_string_member (
            json_array_get_object_element (array, 0), "uuid"));
        }

      {
        /* the table has a line for each record, and its UUID */
        g_auto (Run) table = { 0 };

        run_in (&table, dir, "-d", database, "list", kinds[k][0], NULL);
        g_assert_cmpint (table.status, ==, 0);
        for (guint i = 0; i < json_array_get_length (array); i++)
          g_assert_nonnull (strstr (table.out, json_object_get_string_member (
                                                 json_array_get_object_element (array, i), "uuid")));
      }
    }

  g_assert_cmpint (count_in (database, "programs", NULL, NULL), >, 0);

  /* --cohort */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto (Run) run = { 0 };
      g_autoptr (JsonNode) root = NULL;
      JsonArray *array;

      if (spire_kind_field (spire_kind_lookup (kinds[k][1]), "cohort") == NULL)
        continue;
      run_in (&run, dir, "-d", database, "list", kinds[k][0], "--cohort", first_cohort, "--json",
              NULL);
      g_assert_cmpint (run.status, ==, 0);
      root = parse_json (run.out);
      array = json_node_get_array (root);
      g_assert_cmpint (json_array_get_length (array), ==,
                       count_in (database, kinds[k][1], "cohort", first_cohort));
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i),
                                                        "cohort"),
                         ==, first_cohort);
    }
}

static void
test_demo_twice (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *before = export_without_time (dir, database);
  g_autofree char *after = NULL;

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "demo", NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==, "");
  }
  after = export_without_time (dir, database);
  g_assert_cmpstr (before, ==, after);

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "demo", "--force", "--seed", "7", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
}

static void
test_export_stdout (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "export", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    root = parse_json (run.out);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "spire-backup");
    g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "programs")),
                      ==, 2);
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *data = NULL;
    g_autoptr (JsonNode) from_file = NULL;

    run_in (&run, dir, "-d", database, "export", file, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, file));
    data = read_file (file, NULL);
    from_file = parse_json (data);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (from_file), "format"),
                     ==, "spire-backup");
  }
}

static void
test_import_roundtrip (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *source = sample_database (dir);
  g_autofree char *target = g_build_filename (dir, "target.db", NULL);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_autofree char *expected = export_without_time (dir, source);

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", source, "export", file, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    /* import makes the database when it is missing */
    g_auto (Run) run = { 0 };
    g_autofree char *got = NULL;

    run_in (&run, dir, "-d", target, "import", file, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Added +8\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Updated +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Unchanged +0\n", run.out, 0, 0));
    got = export_without_time (dir, target);
    g_assert_cmpstr (got, ==, expected);
  }
  {
    /* again: nothing changes */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", target, "import", file, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Added +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Unchanged +8\n", run.out, 0, 0));
  }
  {
    /* "-" reads standard input */
    g_auto (Run) run = { 0 };
    g_autofree char *data = read_file (file, NULL);
    g_autoptr (GBytes) input = g_bytes_new (data, strlen (data));
    const char *args[] = { "-d", target, "import", "-", NULL };

    run_program_full (&run, cli_path, NULL, dir, input, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Unchanged +8\n", run.out, 0, 0));
  }
}

static void
test_import_broken (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *before = export_without_time (dir, database);
  g_autofree char *after = NULL;
  g_auto (Run) run = { 0 };

  /* A syntax error on line 4; the programs before it would be new. */
  write_file (broken, "{\n"
                      "  \"format\": \"spire-backup\", \"version\": 1,\n"
                      "  \"programs\": [ { \"uuid\": \"aaaaaaaa-2222-4222-8222-222222222222\", \"name\": \"Ny\", \"kind\": \"other\" },\n"
                      "    { \"uuid\": , \"name\": \"x\" } ]\n"
                      "}\n");
  run_in (&run, dir, "-d", database, "import", broken, NULL);
  assert_refused (&run);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "broken.json"));
  g_assert_true (g_regex_match_simple ("line 4, column [0-9]+", run.err, 0, 0));

  after = export_without_time (dir, database);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_not_backup (void)
{
  static const char *const documents[] = {
    "{ \"hello\": \"world\" }\n",
    "[ 1, 2, 3 ]\n",
    "{ \"format\": \"something-else\", \"version\": 1 }\n",
    "name;orgnr\nNordlys;923609016\n",
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *file = g_build_filename (dir, "other.json", NULL);
  g_autofree char *before = export_without_time (dir, database);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *after = NULL;

      write_file (file, documents[d]);
      run_in (&run, dir, "-d", database, "import", file, NULL);
      assert_refused (&run);
      g_assert_nonnull (strstr (run.err, "other.json"));
      after = export_without_time (dir, database);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_not_a_database (void)
{
  static const char *const commands[][4] = {
    { "init", NULL },          { "list", "programs", NULL }, { "check", NULL },
    { "export", "-", NULL },   { "demo", NULL },             { "backup", "copy.db", NULL },
    { "import", "@SAMPLE@", NULL },
    { "import-csv", "@CSV@", "--cohort=33333333-3333-4333-8333-333333333333", NULL },
    { "import-brreg", "@BRREG@", NULL },
    { "rank", "--cohort=33333333-3333-4333-8333-333333333333", NULL },
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *fake = g_build_filename (dir, "fake.db", NULL);
  g_autofree char *sample = g_build_filename (dir, "sample.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "applications.csv", NULL);
  g_autofree char *brreg = data_file ("brreg-search.json");
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  const char *files[] = { text, fake };
  GString *fake_data = g_string_new_len ("SQLite format 3\0", 16);

  write_file (sample, sample_backup);
  write_file (csv, bad_orgnr_csv);
  write_file (text, "Møtenotater\nIkke en database.\n");
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (fake_data, (char) (i * 7 + 3));
  g_file_set_contents (fake, fake_data->str, fake_data->len, NULL);
  g_string_free (fake_data, TRUE);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      gsize length_before;
      g_autofree char *data_before = read_file (files[f], &length_before);
      g_autofree char *wal = g_strconcat (files[f], "-wal", NULL);
      g_autofree char *shm = g_strconcat (files[f], "-shm", NULL);

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_auto (Run) run = { 0 };
          gsize length_after;
          g_autofree char *data_after = NULL;
          const char *args[] = { "-d", files[f], commands[c][0], commands[c][1], commands[c][2],
                                 NULL };

          if (g_strcmp0 (args[3], "@SAMPLE@") == 0)
            args[3] = sample;
          else if (g_strcmp0 (args[3], "@CSV@") == 0)
            args[3] = csv;
          else if (g_strcmp0 (args[3], "@BRREG@") == 0)
            args[3] = brreg;
          run_program_full (&run, cli_path, NULL, dir, NULL, args);
          assert_refused (&run);
          g_assert_cmpstr (run.out, ==, "");
          data_after = read_file (files[f], &length_after);
          g_assert_cmpmem (data_before, length_before, data_after, length_after);
          g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
        }
    }
}

static void
test_check (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = g_build_filename (dir, "check.db", NULL);
  g_autofree char *sample = sample_database (dir);

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "init", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok\n");
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", sample, "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok\n");
  }
  {
    /* A cohort whose program is gone, written behind Spire's back. */
    g_auto (Run) run = { 0 };
    sqlite3 *db = NULL;
    char *message = NULL;

    g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
    sqlite3_exec (db,
                  "PRAGMA foreign_keys = OFF;"
                  "INSERT INTO cohorts (uuid, created_at, updated_at, program, name, phase, seats) VALUES "
                  "('33333333-0000-4000-8000-000000000000', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', "
                  "'22222222-0000-4000-8000-000000000000', 'Orphan', 'open', 3);",
                  NULL, NULL, &message);
    g_assert_cmpstr (message, ==, NULL);
    sqlite3_close (db);

    run_in (&run, dir, "-d", database, "check", NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, !=, "");
    g_assert_cmpstr (run.out, !=, "ok\n");
    /* It names the broken record and what it misses. */
    g_assert_nonnull (strstr (run.out, "33333333-0000-4000-8000-000000000000"));
    g_assert_nonnull (strstr (run.out, "program"));
  }
}

static void
test_backup (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_auto (Run) original = { 0 };
  g_auto (Run) copied = { 0 };

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "backup", copy, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, copy));
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }
  run_in (&original, dir, "-d", database, "list", "programs", "--json", NULL);
  run_in (&copied, dir, "-d", copy, "list", "programs", "--json", NULL);
  g_assert_cmpint (copied.status, ==, 0);
  g_assert_cmpstr (original.out, ==, copied.out);
  {
    g_autoptr (JsonNode) root = parse_json (copied.out);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", copy, "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    /* the copy is never overwritten */
    g_auto (Run) run = { 0 };
    gsize before_len, after_len;
    g_autofree char *before = read_file (copy, &before_len);
    g_autofree char *after = NULL;

    run_in (&run, dir, "-d", database, "backup", copy, NULL);
    assert_refused (&run);
    after = read_file (copy, &after_len);
    g_assert_cmpmem (before, before_len, after, after_len);
  }
}

/* import-csv, import-brreg and rank */

/* The cohorts of @database as "list cohorts --json" gives them. */
static JsonNode *
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
static char *
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

static guint
count_applications (const char *dir, const char *database, const char *cohort)
{
  g_autoptr (JsonNode) root = list_json (dir, database, "applications", cohort);

  return json_array_get_length (json_node_get_array (root));
}

static void
test_import_csv (void)
{
  static const char *const open_phases[] = { "open", "screening", "planning", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, open_phases);
  g_autofree char *file = g_build_filename (dir, "søknader.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad-orgnr.csv", NULL);
  g_autofree char *before_export = NULL;
  guint before = count_applications (dir, database, cohort);

  write_file (file, applications_csv);
  write_file (bad, bad_orgnr_csv);
  before_export = export_without_time (dir, database);

  {
    /* --dry-run: the mapping and the counts, nothing written */
    g_auto (Run) run = { 0 };
    g_autofree char *after = NULL;

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort", cohort, "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Bedriftsnavn +→ .*\\(startup\\.name\\)", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Organisasjonsnummer +→ .*\\(startup\\.orgnr\\)", run.out,
                                         0, 0));
    g_assert_true (g_regex_match_simple ("Hvordan hørte du om oss\\? +→ .*\\(extra\\)", run.out,
                                         0, 0));
    g_assert_true (g_regex_match_simple ("Rows read +3\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("New applications +3\n", run.out, 0, 0));
    g_assert_nonnull (strstr (run.out, "--dry-run"));
    g_assert_cmpuint (count_applications (dir, database, cohort), ==, before);
    after = export_without_time (dir, database);
    g_assert_cmpstr (before_export, ==, after);
  }
  {
    /* a bad organisation number on line 3: placed as compilers do, nothing imported */
    g_auto (Run) run = { 0 };
    g_autofree char *after = NULL;

    run_in (&run, dir, "-d", database, "import-csv", bad, "--cohort", cohort, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad-orgnr.csv:3: “Organisasjonsnummer”: "));
    g_assert_null (strstr (run.err, "bad-orgnr.csv:2:"));
    g_assert_null (strstr (run.err, "bad-orgnr.csv:4:"));
    g_assert_nonnull (strstr (run.err, "spire-cli: "));
    g_assert_cmpuint (count_applications (dir, database, cohort), ==, before);
    after = export_without_time (dir, database);
    g_assert_cmpstr (before_export, ==, after);
  }
  {
    /* the same with --dry-run: refused as well */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", bad, "--cohort", cohort, "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad-orgnr.csv:3:"));
  }
  {
    /* --map with a field that is not there: a usage error that lists the fields */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort", cohort, "--map",
            "Bedriftsnavn=startup.nickname", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "startup.nickname"));
    g_assert_nonnull (strstr (run.err, "startup.orgnr"));
    g_assert_nonnull (strstr (run.err, "extra"));
    g_assert_nonnull (strstr (run.err, "--help"));
  }
  {
    /* --map with a column that is not there: a usage error that lists the columns */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort", cohort, "--map",
            "Telefon=person.phone", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Telefon"));
    g_assert_nonnull (strstr (run.err, "Kontaktperson"));
  }
  {
    /* a cohort that is not there */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort",
            "99999999-9999-4999-8999-999999999999", NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "99999999-9999-4999-8999-999999999999"));
  }
  g_assert_cmpuint (count_applications (dir, database, cohort), ==, before);

  {
    /* --map by header in another case and by column number */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort", cohort, "--dry-run",
            "--map", "hvordan hørte du om oss?=ignore", "--map", "5=application.title", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Hvordan hørte du om oss\\? +→ .*\\(ignore\\)", run.out,
                                         0, 0));
    g_assert_true (g_regex_match_simple ("Kort beskrivelse +→ .*\\(application\\.title\\)",
                                         run.out, 0, 0));
  }

  {
    /* the import itself */
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) apps = NULL;
    JsonArray *array;
    gboolean found_multiline = FALSE;

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort", cohort, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Imported"));
    g_assert_cmpuint (count_applications (dir, database, cohort), ==, before + 3);

    apps = list_json (dir, database, "applications", cohort);
    array = json_node_get_array (apps);
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *app = json_array_get_object_element (array, i);
        const char *pitch = json_object_get_string_member_with_default (app, "pitch", NULL);

        if (g_strcmp0 (pitch, "Første linje\nandre linje med \"sitat\"") == 0)
          {
            JsonObject *extra = json_object_get_object_member (app, "extra");

            found_multiline = TRUE;
            g_assert_cmpstr (json_object_get_string_member (extra, "Hvordan hørte du om oss?"),
                             ==, "Messe");
            g_assert_cmpstr (json_object_get_string_member (app, "status"), ==, "received");
          }
      }
    g_assert_true (found_multiline);
  }
  {
    /* again: the cohort has them already, so nothing is added */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort", cohort, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Applications already in the cohort +3\n", run.out, 0,
                                         0));
    g_assert_cmpuint (count_applications (dir, database, cohort), ==, before + 3);
  }
}

static void
test_import_brreg (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = g_build_filename (dir, "brreg.db", NULL);
  g_autofree char *search = data_file ("brreg-search.json");
  g_autofree char *malformed = data_file ("brreg-malformed.json");

  {
    /* into a new database */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-brreg", search, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Created +2\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Updated +0\n", run.out, 0, 0));
    /* the unit the register deleted is named, and not imported */
    g_assert_nonnull (strstr (run.out, "Gamle Vidde Analyse AS"));
    g_assert_nonnull (strstr (run.out, "966 131 861"));
    /* a note: being wound up */
    g_assert_nonnull (strstr (run.out, "Fjordlys Robotics AS"));
    g_assert_cmpint (count_in (database, "startups", NULL, NULL), ==, 1);
    g_assert_cmpint (count_in (database, "public_bodies", NULL, NULL), ==, 1);
  }
  {
    /* again: nothing new */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-brreg", search, "--as", "auto", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Created +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Unchanged +2\n", run.out, 0, 0));
  }
  {
    /* a wrong value: refused, with the place, and nothing changes */
    g_auto (Run) run = { 0 };
    g_autofree char *before = export_without_time (dir, database);
    g_autofree char *after = NULL;

    run_in (&run, dir, "-d", database, "import-brreg", malformed, NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "brreg-malformed.json"));
    g_assert_nonnull (strstr (run.err, "enheter[1].organisasjonsnummer"));
    after = export_without_time (dir, database);
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* --as startups makes the municipality a startup */
    g_auto (Run) run = { 0 };
    g_autofree char *other = g_build_filename (dir, "startups.db", NULL);

    run_in (&run, dir, "-d", other, "import-brreg", search, "--as", "startups", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (count_in (other, "startups", NULL, NULL), ==, 2);
    g_assert_cmpint (count_in (other, "public_bodies", NULL, NULL), ==, 0);
  }
}

static void
test_rank (void)
{
  static const char *const decided_phases[] = { "decided", "running", "follow_up", "closed",
                                                NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, decided_phases);
  guint expected_rows = 0;

  {
    /* the cohort's applications that can be ranked: all but ineligible and withdrawn */
    g_autoptr (JsonNode) apps = list_json (dir, database, "applications", cohort);
    JsonArray *array = json_node_get_array (apps);

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        const char *status = json_object_get_string_member (
          json_array_get_object_element (array, i), "status");

        if (!g_str_equal (status, "ineligible") && !g_str_equal (status, "withdrawn"))
          expected_rows++;
      }
    g_assert_cmpuint (expected_rows, >, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_auto (GStrv) lines = NULL;
    guint header = 0;

    run_in (&run, dir, "-d", database, "rank", "--cohort", cohort, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    lines = g_strsplit (run.out, "\n", -1);
    while (lines[header] && !g_str_has_prefix (lines[header], "Rank "))
      header++;
    g_assert_nonnull (lines[header]);
    g_assert_nonnull (strstr (lines[header], "Score"));
    g_assert_nonnull (strstr (lines[header], "σ"));
    g_assert_nonnull (strstr (lines[header], "Reviews"));
    /* rank 1 first, right-aligned under "Rank"; the score with a decimal point */
    g_assert_nonnull (lines[header + 1]);
    g_assert_true (g_regex_match_simple ("^ +1  .* [0-9]\\.[0-9]{2}  ", lines[header + 1], 0, 0));
    g_assert_cmpuint (g_utf8_strlen (lines[header + 1], -1), >, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) root = NULL;
    JsonObject *object;
    JsonArray *apps;
    gint64 last = 0;
    gboolean unranked_seen = FALSE;

    run_in (&run, dir, "-d", database, "rank", "--cohort", cohort, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_json (run.out);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "cohort"), ==, cohort);
    apps = json_object_get_array_member (object, "applications");
    g_assert_cmpuint (json_array_get_length (apps), ==, expected_rows);
    for (guint i = 0; i < json_array_get_length (apps); i++)
      {
        JsonObject *app = json_array_get_object_element (apps, i);
        JsonNode *rank = json_object_get_member (app, "rank");

        g_assert_true (json_object_has_member (app, "tied"));
        g_assert_true (json_object_has_member (app, "score"));
        g_assert_true (json_object_has_member (app, "spread"));
        g_assert_true (json_object_has_member (app, "range"));
        g_assert_true (json_object_has_member (app, "reviews"));
        g_assert_true (json_object_has_member (app, "criteria"));
        if (JSON_NODE_HOLDS_NULL (rank))
          {
            unranked_seen = TRUE;
            continue;
          }
        /* ranked rows first, ranks never going down */
        g_assert_false (unranked_seen);
        g_assert_cmpint (json_node_get_int (rank), >=, last);
        if (i == 0)
          g_assert_cmpint (json_node_get_int (rank), ==, 1);
        last = json_node_get_int (rank);
        /* the demo's decided cohorts: three submitted reviews per ranked application */
        g_assert_cmpint (json_object_get_int_member (app, "reviews"), ==, 3);
      }
    g_assert_cmpint (last, >=, 1);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "rank", "--cohort",
            "99999999-9999-4999-8999-999999999999", NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "99999999-9999-4999-8999-999999999999"));
  }
  {
    /* a cohort without a rubric: refused, saying so */
    g_auto (Run) run = { 0 };
    g_autofree char *sample = sample_database (dir);

    run_in (&run, dir, "-d", sample, "rank", "--cohort", "33333333-3333-4333-8333-333333333333",
            NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "rubric"));
    g_assert_nonnull (strstr (run.err, "Høst 2026"));
  }
}

/* A cohort whose first two applications tie: one review each, both 5. */
static const char tied_backup[] =
  "{ \"format\": \"spire-backup\", \"version\": 1, \"exported_at\": \"2026-11-23T10:00:00Z\",\n"
  "  \"programs\": [ { \"uuid\": \"22222222-2222-4222-8222-222222222222\", "
    "\"name\": \"Åpen innovasjon\", \"kind\": \"accelerator\" } ],\n"
  "  \"cohorts\": [ { \"uuid\": \"33333333-3333-4333-8333-333333333333\", "
    "\"program\": \"22222222-2222-4222-8222-222222222222\", \"name\": \"Høst 2026\", "
    "\"phase\": \"evaluation\", \"seats\": 2 } ],\n"
  "  \"startups\": [ { \"uuid\": \"44444444-4444-4444-8444-444444444441\", "
    "\"name\": \"Nordlys Helse AS\" },\n"
  "                { \"uuid\": \"44444444-4444-4444-8444-444444444442\", "
    "\"name\": \"Fjordlys AS\" },\n"
  "                { \"uuid\": \"44444444-4444-4444-8444-444444444443\", "
    "\"name\": \"Havbris AS\" } ],\n"
  "  \"persons\": [ { \"uuid\": \"55555555-5555-4555-8555-555555555555\", "
    "\"name\": \"Kari Nordmann\" } ],\n"
  "  \"applications\": [\n"
  "    { \"uuid\": \"66666666-6666-4666-8666-666666666661\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"startup\": \"44444444-4444-4444-8444-444444444441\", \"title\": \"Tilsyn i hjemmet\", "
    "\"status\": \"in_review\" },\n"
  "    { \"uuid\": \"66666666-6666-4666-8666-666666666662\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"startup\": \"44444444-4444-4444-8444-444444444442\", \"title\": \"Snøkart\", "
    "\"status\": \"in_review\" },\n"
  "    { \"uuid\": \"66666666-6666-4666-8666-666666666663\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"startup\": \"44444444-4444-4444-8444-444444444443\", \"title\": \"Smart kantine\", "
    "\"status\": \"in_review\" } ],\n"
  "  \"rubrics\": [ { \"uuid\": \"88888888-8888-4888-8888-888888888888\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", \"scale_min\": 1, "
    "\"scale_max\": 7, \"aggregation\": \"mean\", \"normalisation\": \"none\", "
    "\"version\": 1 } ],\n"
  "  \"criteria\": [ { \"uuid\": \"99999999-9999-4999-8999-999999999991\", "
    "\"rubric\": \"88888888-8888-4888-8888-888888888888\", \"position\": 1, "
    "\"name\": \"Behov\", \"weight\": 1, \"kind\": \"scored\" } ],\n"
  "  \"evaluators\": [ { \"uuid\": \"77777777-7777-4777-8777-777777777777\", "
    "\"cohort\": \"33333333-3333-4333-8333-333333333333\", "
    "\"person\": \"55555555-5555-4555-8555-555555555555\", \"role\": \"chair\" } ],\n"
  "  \"reviews\": [\n"
  "    { \"uuid\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1\", "
    "\"evaluator\": \"77777777-7777-4777-8777-777777777777\", "
    "\"application\": \"66666666-6666-4666-8666-666666666661\", \"state\": \"submitted\", "
    "\"submitted_at\": \"2026-11-01T10:00:00Z\", \"rubric_version\": 1 },\n"
  "    { \"uuid\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa2\", "
    "\"evaluator\": \"77777777-7777-4777-8777-777777777777\", "
    "\"application\": \"66666666-6666-4666-8666-666666666662\", \"state\": \"submitted\", "
    "\"submitted_at\": \"2026-11-01T10:00:00Z\", \"rubric_version\": 1 },\n"
  "    { \"uuid\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa3\", "
    "\"evaluator\": \"77777777-7777-4777-8777-777777777777\", "
    "\"application\": \"66666666-6666-4666-8666-666666666663\", \"state\": \"submitted\", "
    "\"submitted_at\": \"2026-11-01T10:00:00Z\", \"rubric_version\": 1 } ],\n"
  "  \"scores\": [\n"
  "    { \"uuid\": \"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1\", "
    "\"review\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1\", "
    "\"criterion\": \"99999999-9999-4999-8999-999999999991\", \"value\": 5 },\n"
  "    { \"uuid\": \"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb2\", "
    "\"review\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa2\", "
    "\"criterion\": \"99999999-9999-4999-8999-999999999991\", \"value\": 5 },\n"
  "    { \"uuid\": \"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb3\", "
    "\"review\": \"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa3\", "
    "\"criterion\": \"99999999-9999-4999-8999-999999999991\", \"value\": 3 } ]\n"
  "}\n";

static void
test_rank_tie (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *file = g_build_filename (dir, "tied.json", NULL);
  g_autofree char *database = g_build_filename (dir, "tied.db", NULL);

  write_file (file, tied_backup);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import", file, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "rank", "--cohort", "33333333-3333-4333-8333-333333333333",
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("\n +1=  Tilsyn i hjemmet +Nordlys Helse AS +5\\.00  ",
                                         run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n +1=  Snøkart +Fjordlys AS +5\\.00  ", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n +3   Smart kantine +Havbris AS +3\\.00  ", run.out, 0,
                                         0));
    g_assert_nonnull (strstr (run.out, "“=”"));
  }
  {
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) root = NULL;
    JsonArray *apps;

    run_in (&run, dir, "-d", database, "rank", "--cohort", "33333333-3333-4333-8333-333333333333",
            "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_json (run.out);
    apps = json_object_get_array_member (json_node_get_object (root), "applications");
    g_assert_cmpuint (json_array_get_length (apps), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        JsonObject *app = json_array_get_object_element (apps, i);

        g_assert_cmpint (json_object_get_int_member (app, "rank"), ==, i < 2 ? 1 : 3);
        g_assert_cmpint (json_object_get_boolean_member (app, "tied"), ==, i < 2);
      }
  }
}

/* Assignments of the cohort that count (not declined), per application that
 * can be assigned (not ineligible or withdrawn): application → count. */
static GHashTable *
assignments_per_application (const char *database, const char *cohort)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);
  g_autoptr (GPtrArray) apps = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  apps = spire_store_list (store, &spire_kind_application, "cohort", cohort, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      const char *status = spire_record_get_text (app, "status");
      g_autoptr (GPtrArray) assignments = NULL;
      guint n = 0;

      if (g_str_equal (status, "ineligible") || g_str_equal (status, "withdrawn"))
        continue;
      assignments = spire_store_list (store, &spire_kind_assignment, "application",
                                      spire_record_get_uuid (app), &error);
      g_assert_no_error (error);
      for (guint j = 0; j < assignments->len; j++)
        n += !g_str_equal (spire_record_get_text (assignments->pdata[j], "state"), "declined");
      g_hash_table_insert (counts, g_strdup (spire_record_get_uuid (app)), GUINT_TO_POINTER (n));
    }
  return counts;
}

/* The panel members of @cohort who are not observers (evaluator UUIDs). */
static GPtrArray *
scoring_members (const char *dir, const char *database, const char *cohort)
{
  g_autoptr (JsonNode) root = list_json (dir, database, "evaluators", cohort);
  JsonArray *array = json_node_get_array (root);
  GPtrArray *members = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *ev = json_array_get_object_element (array, i);

      if (!g_str_equal (json_object_get_string_member (ev, "role"), "observer"))
        g_ptr_array_add (members, g_strdup (json_object_get_string_member (ev, "uuid")));
    }
  return members;
}

/* The load table "assign" prints: member name → number, checked against the store. */
static void
assert_load_table (const char *out, const char *database, GPtrArray *members)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr (GRegex) row = g_regex_new ("^  (\\S.*?) +([0-9]+)$", 0, 0, NULL);
  guint header = 0, n_rows = 0;
  guint64 lowest = G_MAXUINT64, highest = 0;

  g_assert_no_error (error);
  while (lines[header] && !g_str_equal (lines[header], "Assignments per panel member:"))
    header++;
  g_assert_nonnull (lines[header]);
  for (guint i = header + 1; lines[i] && *lines[i]; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *name = NULL;
      g_autofree char *number = NULL;
      guint64 load;
      gboolean found = FALSE;

      g_assert_true (g_regex_match (row, lines[i], 0, &match));
      name = g_match_info_fetch (match, 1);
      number = g_match_info_fetch (match, 2);
      load = g_ascii_strtoull (number, NULL, 10);
      lowest = MIN (lowest, load);
      highest = MAX (highest, load);
      /* Numbers right-aligned: every row as long as the first. */
      g_assert_cmpuint (g_utf8_strlen (lines[i], -1), ==, g_utf8_strlen (lines[header + 1], -1));
      for (guint m = 0; m < members->len && !found; m++)
        {
          g_autofree char *member = spire_evaluator_get_name (store, members->pdata[m]);

          if (g_str_equal (member, name))
            {
              g_autoptr (GPtrArray) assignments = spire_store_list (store, &spire_kind_assignment,
                                                                    "evaluator", members->pdata[m],
                                                                    NULL);
              found = TRUE;
              g_assert_cmpuint (assignments->len, ==, load);
            }
        }
      g_assert_true (found);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, members->len);
  /* Loads within one of each other. */
  g_assert_cmpuint (highest - lowest, <=, 1);
}

static void
test_assign (void)
{
  static const char *const evaluation[] = { "evaluation", NULL };
  static const char *const screening[] = { "screening", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, evaluation);
  g_autofree char *fresh = demo_cohort (dir, database, screening);
  g_autoptr (GPtrArray) members = scoring_members (dir, database, cohort);

  g_assert_cmpuint (members->len, >=, 2);
  {
    /* two per application: the demo's evaluation cohort has more already, so it keeps them */
    g_auto (Run) run = { 0 };
    g_autoptr (GHashTable) before = assignments_per_application (database, cohort);
    g_autoptr (GHashTable) after = NULL;
    GHashTableIter iter;
    gpointer key, value;
    guint expected = 0;

    g_assert_cmpuint (g_hash_table_size (before), >, 0);
    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &key, &value))
      expected += GPOINTER_TO_UINT (value) < 2 ? 2 - GPOINTER_TO_UINT (value) : 0;

    run_in (&run, dir, "-d", database, "assign", "--cohort", cohort, "--per-application", "2",
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    if (expected == 0)
      g_assert_nonnull (strstr (run.out, "No assignments were needed"));
    else
      {
        g_autofree char *added = g_strdup_printf ("Added %u assignment", expected);

        g_assert_nonnull (strstr (run.out, added));
      }
    g_assert_nonnull (strstr (run.out, "at least 2 panel members"));
    after = assignments_per_application (database, cohort);
    g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
    g_hash_table_iter_init (&iter, after);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), >=, 2);
    assert_load_table (run.out, database, members);
  }
  {
    /* a cohort without assignments: exactly two each, loads even */
    g_auto (Run) run = { 0 };
    g_autoptr (GPtrArray) fresh_members = scoring_members (dir, database, fresh);
    g_autoptr (GHashTable) before = assignments_per_application (database, fresh);
    g_autoptr (GHashTable) after = NULL;
    g_autofree char *added = g_strdup_printf ("Added %u assignments in ",
                                              2 * g_hash_table_size (before));
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 0);
    run_in (&run, dir, "-d", database, "assign", "--cohort", fresh, "--per-application", "2",
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, added));
    after = assignments_per_application (database, fresh);
    g_hash_table_iter_init (&iter, after);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 2);
    assert_load_table (run.out, database, fresh_members);
  }
  {
    /* more than the panel has: refused with the reason, nothing assigned */
    g_auto (Run) run = { 0 };
    g_autofree char *before = export_without_time (dir, database);
    g_autofree char *after = NULL;

    run_in (&run, dir, "-d", database, "assign", "--cohort", cohort, "--per-application", "99",
            NULL);
    assert_refused (&run);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "99"));
    g_assert_nonnull (strstr (run.err, "panel"));
    after = export_without_time (dir, database);
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* every scoring member on every application */
    g_auto (Run) run = { 0 };
    g_autofree char *k = g_strdup_printf ("%u", members->len);
    g_autoptr (GHashTable) after = NULL;
    GHashTableIter iter;
    gpointer key, value;

    run_in (&run, dir, "-d", database, "assign", "--cohort", cohort, "--per-application", k,
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    after = assignments_per_application (database, cohort);
    g_hash_table_iter_init (&iter, after);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, members->len);
    assert_load_table (run.out, database, members);
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "assign", "--cohort",
            "99999999-9999-4999-8999-999999999999", NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "99999999-9999-4999-8999-999999999999"));
  }
}

/* The panel member's side, which spire-cli does not have: opens @package in
 * an evaluator database of its own (@edb), submits a review of each
 * application in it that @skip does not hold, and exports the signed score
 * sheet to @sheet.  Returns how many reviews it wrote. */
static guint
score_package (const char *package, const char *edb, GHashTable *skip, const char *sheet)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_package_open_file (package, edb, &error);
  g_autofree char *cohort = NULL;
  g_autofree char *evaluator = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  gint64 low, high;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (spire_package_get_info (store, NULL, &cohort, &evaluator, &error));
  g_assert_no_error (error);
  apps = spire_panel_list_visible_applications (store, evaluator, &error);
  g_assert_no_error (error);
  rubric = spire_rubric_get_for_cohort (store, cohort, &error);
  g_assert_no_error (error);
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), &error);
  g_assert_no_error (error);
  low = spire_record_get_int (rubric, "scale_min");
  high = spire_record_get_int (rubric, "scale_max");

  for (guint i = 0; i < apps->len; i++)
    {
      const char *app = spire_record_get_uuid (apps->pdata[i]);
      g_autoptr (SpireRecord) review = NULL;
      g_autoptr (GPtrArray) scores = g_ptr_array_new_with_free_func (g_object_unref);

      if (skip && g_hash_table_contains (skip, app))
        continue;
      review = spire_review_open (store, evaluator, app, &error);
      g_assert_no_error (error);
      for (guint c = 0; c < criteria->len; c++)
        {
          SpireRecord *criterion = criteria->pdata[c];
          SpireRecord *score;

          if (g_str_equal (spire_record_get_text (criterion, "kind"), "gate"))
            continue;
          score = spire_record_new (&spire_kind_score);
          spire_record_set_text (score, "criterion", spire_record_get_uuid (criterion));
          spire_record_set_real (score, "value", (double) (low + (i + c) % (high - low + 1)));
          g_ptr_array_add (scores, score);
        }
      spire_record_set_text (review, "recommendation", "maybe");
      spire_record_set_text (review, "summary", "Godt team, uklart marked");
      g_assert_true (spire_review_save_draft (store, review, scores, &error));
      g_assert_no_error (error);
      g_assert_true (spire_review_submit (store, spire_record_get_uuid (review), &error));
      g_assert_no_error (error);
      n++;
    }
  g_assert_true (spire_package_export_sheet_file (store, sheet, &error));
  g_assert_no_error (error);
  return n;
}

/* The applications @evaluator has a review of in @database. */
static GHashTable *
reviewed_by (const char *database, const char *evaluator)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (database, &error);
  g_autoptr (GPtrArray) reviews = NULL;
  GHashTable *apps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  reviews = spire_store_list (store, &spire_kind_review, "evaluator", evaluator, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    g_hash_table_add (apps, g_strdup (spire_record_get_text (reviews->pdata[i], "application")));
  return apps;
}

/* @root, edited, written to @path. */
static void
write_json_file (const char *path, JsonNode *root)
{
  g_autofree char *text = json_to_string (root, TRUE);

  write_file (path, text);
}

static void
test_package (void)
{
  static const char *const evaluation[] = { "evaluation", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, evaluation);
  g_autoptr (GPtrArray) members = scoring_members (dir, database, cohort);
  g_autofree char *package = g_build_filename (dir, "pakke.json", NULL);
  g_autofree char *edb = g_build_filename (dir, "evaluator.db", NULL);
  g_autofree char *sheet = g_build_filename (dir, "ark.json", NULL);
  g_autofree char *tampered = g_build_filename (dir, "endret.json", NULL);
  g_autofree char *outside = g_build_filename (dir, "utenfor.json", NULL);
  g_autofree char *other_member = g_build_filename (dir, "annen.json", NULL);
  g_autofree char *email = NULL;
  g_autofree char *observer = NULL;
  g_autofree char *token = NULL;
  g_autofree char *package_text = NULL;
  const char *evaluator;
  guint n_assigned = 0, n_reviews;
  gint64 reviews_before;

  g_assert_cmpuint (members->len, >=, 2);
  evaluator = members->pdata[0];
  {
    /* every member on every application, so that each has some not reviewed yet */
    g_auto (Run) run = { 0 };
    g_autofree char *k = g_strdup_printf ("%u", members->len);

    run_in (&run, dir, "-d", database, "assign", "--cohort", cohort, "--per-application", k,
            NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (SpireStore) store = spire_store_open (database, &error);
    g_autoptr (SpireRecord) ev = spire_store_get (store, &spire_kind_evaluator, evaluator, &error);
    g_autoptr (SpireRecord) person = NULL;
    g_autoptr (GPtrArray) panel = NULL;
    g_autoptr (GHashTable) apps = assignments_per_application (database, cohort);

    g_assert_no_error (error);
    person = spire_store_get (store, &spire_kind_person, spire_record_get_text (ev, "person"),
                              &error);
    g_assert_no_error (error);
    g_assert_false (spire_record_is_null (person, "email"));
    /* given in capitals: e-mail addresses are matched without case */
    email = g_ascii_strup (spire_record_get_text (person, "email"), -1);
    panel = spire_panel_list (store, cohort, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < panel->len && observer == NULL; i++)
      if (g_str_equal (spire_record_get_text (panel->pdata[i], "role"), "observer"))
        observer = g_strdup (spire_record_get_uuid (panel->pdata[i]));
    n_assigned = g_hash_table_size (apps);
    reviews_before = spire_store_count (store, &spire_kind_review, "evaluator", evaluator);
  }

  {
    /* the package, by e-mail address */
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) root = NULL;
    g_autofree char *holds = g_strdup_printf ("It holds %u applications", n_assigned);
    GStatBuf st;

    run_in (&run, dir, "-d", database, "package", "export", "--cohort", cohort, "--evaluator",
            email, "-o", package, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "pakke.json"));
    g_assert_nonnull (strstr (run.out, holds));
    package_text = read_file (package, NULL);
    root = parse_json (package_text);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "format"), ==,
                     "spire-evaluation-package");
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (json_node_get_object (root), "evaluator"),
                       "uuid"),
                     ==, evaluator);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_node_get_object (root), "applications")),
                      ==, n_assigned);
    token = g_strdup (json_object_get_string_member (json_node_get_object (root), "token"));
    /* it holds a secret: readable by its owner only */
    g_assert_cmpint (g_stat (package, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  {
    /* again: the file is there, so it is refused and left as it was */
    g_auto (Run) run = { 0 };
    g_autofree char *now = NULL;

    run_in (&run, dir, "-d", database, "package", "export", "--cohort", cohort, "--evaluator",
            evaluator, "-o", package, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "--force"));
    now = read_file (package, NULL);
    g_assert_cmpstr (now, ==, package_text);
  }
  {
    /* --force replaces it, by UUID this time */
    g_auto (Run) run = { 0 };
    g_autofree char *now = NULL;

    run_in (&run, dir, "-d", database, "package", "export", "--force", "--cohort", cohort,
            "--evaluator", evaluator, "--output", package, NULL);
    g_assert_cmpint (run.status, ==, 0);
    now = read_file (package, NULL);
    g_assert_cmpstr (now, !=, package_text);
  }
  {
    /* refusals: an observer, someone not on the panel, an unknown e-mail address */
    const char *const givens[] = { observer, "99999999-9999-4999-8999-999999999999",
                                   "nobody@example.org" };
    const char *const reasons[] = { "observer", "99999999-9999-4999-8999-999999999999",
                                    "nobody@example.org" };
    g_autofree char *refused_file = g_build_filename (dir, "refused.json", NULL);

    g_assert_nonnull (observer);
    for (guint i = 0; i < G_N_ELEMENTS (givens); i++)
      {
        g_auto (Run) run = { 0 };

        run_in (&run, dir, "-d", database, "package", "export", "--cohort", cohort,
                "--evaluator", givens[i], "-o", refused_file, NULL);
        assert_refused (&run);
        g_assert_nonnull (strstr (run.err, reasons[i]));
        g_assert_false (g_file_test (refused_file, G_FILE_TEST_EXISTS));
      }
  }

  /* The panel member scores what they had not reviewed before, and sends the sheet. */
  {
    g_autoptr (GHashTable) skip = reviewed_by (database, evaluator);

    n_reviews = score_package (package, edb, skip, sheet);
    g_assert_cmpuint (n_reviews, >, 0);
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *added = g_strdup_printf ("\n  Added +%u\n", n_reviews);

    run_in (&run, dir, "-d", database, "package", "import", sheet, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "“ark.json”"));
    g_assert_true (g_regex_match_simple (added, run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n  Updated +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n  Unchanged +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\n  Kept +0\n", run.out, 0, 0));
    g_assert_cmpint (count_in (database, "reviews", "evaluator", evaluator), ==,
                     reviews_before + n_reviews);
  }
  {
    /* twice: nothing changes */
    g_auto (Run) run = { 0 };
    g_autofree char *before = export_without_time (dir, database);
    g_autofree char *after = NULL;
    g_autofree char *unchanged = g_strdup_printf ("\n  Unchanged +%u\n", n_reviews);

    run_in (&run, dir, "-d", database, "package", "import", sheet, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("\n  Added +0\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple (unchanged, run.out, 0, 0));
    after = export_without_time (dir, database);
    g_assert_cmpstr (before, ==, after);
  }

  {
    /* one byte changed: the signature does not match */
    g_autofree char *text = read_file (sheet, NULL);
    char *at = strstr (text, "Godt team");

    g_assert_nonnull (at);
    at[3] = 's';
    write_file (tampered, text);
  }
  {
    /* a value outside the scale, signed again with the member's token */
    g_autofree char *text = read_file (sheet, NULL);
    g_autoptr (JsonNode) root = parse_json (text);
    JsonObject *o = json_node_get_object (root);
    JsonObject *review = json_array_get_object_element (json_object_get_array_member (o,
                                                                                      "reviews"),
                                                        0);
    JsonObject *score = json_array_get_object_element (json_object_get_array_member (review,
                                                                                      "scores"),
                                                       0);
    g_autofree char *signature = NULL;

    json_object_set_int_member (score, "value", 99);
    signature = spire_package_sign (o, token);
    g_assert_nonnull (signature);
    json_object_set_string_member (o, "signature", signature);
    write_json_file (outside, root);
  }
  {
    /* from another panel member than the package was made for */
    g_autofree char *text = read_file (sheet, NULL);
    g_autoptr (JsonNode) root = parse_json (text);

    json_object_set_string_member (json_node_get_object (root), "evaluator", members->pdata[1]);
    write_json_file (other_member, root);
  }
  {
    const char *const files[] = { tampered, outside, other_member };
    const char *const reasons[] = { "signature", "outside the scale", "package was made for" };
    g_autofree char *before = export_without_time (dir, database);
    g_autofree char *after = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_auto (Run) run = { 0 };

        run_in (&run, dir, "-d", database, "package", "import", files[i], NULL);
        assert_refused (&run);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_nonnull (strstr (run.err, reasons[i]));
        g_assert_nonnull (strstr (run.err, "Nothing was imported"));
      }
    after = export_without_time (dir, database);
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* several files: each on its own; one refused makes the exit status 1 */
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "package", "import", tampered, sheet, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "endret.json"));
    g_assert_nonnull (strstr (run.err, "signature"));
    g_assert_nonnull (strstr (run.err, "1 of 2 score sheets was refused"));
    g_assert_nonnull (strstr (run.out, "“ark.json”"));
    g_assert_null (strstr (run.out, "endret.json"));
  }
  {
    /* into a database the package was not exported from */
    g_auto (Run) run = { 0 };
    g_autofree char *sample = sample_database (dir);

    run_in (&run, dir, "-d", sample, "package", "import", sheet, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "not exported from this database"));
  }
  {
    /* an application taken from the member since the sheet was made */
    g_auto (Run) run = { 0 };
    g_autoptr (GError) error = NULL;
    g_autofree char *text = read_file (sheet, NULL);
    g_autoptr (JsonNode) root = parse_json (text);
    JsonArray *reviews = json_object_get_array_member (json_node_get_object (root), "reviews");
    const char *app = json_object_get_string_member (json_array_get_object_element (reviews, 0),
                                                     "application");
    g_autoptr (SpireStore) store = spire_store_open (database, &error);

    g_assert_no_error (error);
    g_assert_true (spire_unassign (store, evaluator, app, &error));
    g_assert_no_error (error);
    g_clear_object (&store);

    run_in (&run, dir, "-d", database, "package", "import", sheet, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "is not assigned"));
    g_assert_nonnull (strstr (run.err, "ark.json"));
  }
}

/* Setup */

static void
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

/* deal, funnel, impact */

/* The first accepted application of @cohort, or NULL. */
static char *
accepted_application (const char *dir, const char *database, const char *cohort)
{
  g_autoptr (JsonNode) apps = list_json (dir, database, "applications", cohort);
  JsonArray *array = json_node_get_array (apps);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *app = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (app, "status"), "accepted"))
        return g_strdup (json_object_get_string_member (app, "uuid"));
    }
  return NULL;
}

/* spire-cli -d @database ARGS… is refused (exit 1) with a message that
 * says @says. */
static void
refused_saying (const char *dir, const char *database, const char *says, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (Run) run = { 0 };
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, "-d");
  g_ptr_array_add (args, (gpointer) database);
  va_start (ap, says);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_program_full (&run, cli_path, NULL, dir, NULL, (const char *const *) args->pdata);
  assert_refused (&run);
  g_assert_nonnull (strstr (run.err, says));
}

static JsonObject *
deal_show (const char *dir, const char *database, const char *deal, JsonNode **root)
{
  g_auto (Run) run = { 0 };

  run_in (&run, dir, "-d", database, "deal", "show", deal, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  *root = parse_json (run.out);
  return json_node_get_object (*root);
}

static void
test_deal (void)
{
  static const char *const decided[] = { "decided", "running", "follow_up", "closed", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, decided);
  g_autofree char *application = accepted_application (dir, database, cohort);
  g_autoptr (JsonNode) bodies = list_json (dir, database, "public-bodies", NULL);
  const char *buyer = NULL;
  g_autofree char *deal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (JsonNode) shown = NULL;
  g_autoptr (JsonNode) moved = NULL;
  JsonObject *object;
  JsonArray *events;

  /* A municipality: its direct awards above 1.3 MNOK get a hint */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (bodies)); i++)
    {
      JsonObject *b = json_array_get_object_element (json_node_get_array (bodies), i);

      if (buyer == NULL && g_str_equal (json_object_get_string_member (b, "kind"), "municipality"))
        buyer = json_object_get_string_member (b, "uuid");
    }
  g_assert_nonnull (buyer);
  g_assert_nonnull (application);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "deal", "add", "--application", application, "--buyer",
            buyer, "--kind", "purchase", "--stage", "negotiation", "--value", "2000000",
            "--procedure", "direct_award", "--date", "2026-03-01", "--note", "Tilbud sendt", NULL);
    g_assert_cmpint (run.status, ==, 0);
    deal = g_strstrip (g_strdup (run.out));
    g_assert_true (g_uuid_string_is_valid (deal));
  }
  object = deal_show (dir, database, deal, &shown);
  g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "negotiation");
  g_assert_cmpint (json_object_get_int_member (object, "value"), ==, 2000000);
  g_assert_cmpint (json_object_get_int_member (object, "weighted_value"), ==, 1000000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "hints")), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (
                              json_object_get_array_member (object, "hints"), 0),
                            "national threshold"));

  /* Refusals name the argument and change nothing */
  before = export_without_time (dir, database);
  refused_saying (dir, database, "--stage", "deal", "move", deal, "--stage", "won", NULL);
  refused_saying (dir, database, "Reason", "deal", "move", deal, "--stage", "no_deal", NULL);
  refused_saying (dir, database, "2026-03-01", "deal", "move", deal, "--stage", "signed",
                  "--date", "2026-01-01", NULL);
  refused_saying (dir, database, "UUID", "deal", "move", "00000000-0000-4000-8000-000000000000",
                  "--stage", "signed", NULL);
  refused_saying (dir, database, "--application", "deal", "add", "--application",
                  "00000000-0000-4000-8000-000000000000", "--buyer", buyer, "--kind", "purchase",
                  "--stage", "dialogue", NULL);
  refused_saying (dir, database, "--date", "deal", "move", deal, "--stage", "signed",
                  "--date", "1. mars", NULL);
  after = export_without_time (dir, database);
  g_assert_cmpstr (before, ==, after);

  /* Signed: the whole value counts, and the history has both stages */
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "deal", "move", deal, "--stage", "signed", "--date",
            "2026-04-15", "--note", "Kontrakt signert", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  object = deal_show (dir, database, deal, &moved);
  g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "signed");
  g_assert_cmpint (json_object_get_int_member (object, "weighted_value"), ==, 2000000);
  g_assert_cmpstr (json_object_get_string_member (object, "signed_on"), ==, "2026-04-15");
  events = json_object_get_array_member (object, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (events, 0), "days"),
                   ==, 45);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 1),
                                                  "note"), ==, "Kontrakt signert");
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "deal", "list", "--cohort", cohort, "--stage", "signed",
            "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, deal));
  }
}

static void
test_funnel_impact (void)
{
  static const char *const decided[] = { "decided", "running", "follow_up", "closed", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, decided);
  g_autoptr (JsonNode) apps = list_json (dir, database, "applications", cohort);
  JsonArray *array = json_node_get_array (apps);
  g_autoptr (JsonNode) funnel = NULL;
  gint64 accepted = 0, eligible = 0;
  JsonObject *object;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *status = json_object_get_string_member (json_array_get_object_element (array, i),
                                                          "status");

      accepted += g_str_equal (status, "accepted");
      eligible += !g_str_equal (status, "ineligible") && !g_str_equal (status, "withdrawn");
    }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "funnel", "--cohort", cohort, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    funnel = parse_json (run.out);
  }
  object = json_node_get_object (funnel);
  g_assert_cmpint (json_object_get_int_member (object, "applied"), ==, json_array_get_length (array));
  g_assert_cmpint (json_object_get_int_member (object, "eligible"), ==, eligible);
  g_assert_cmpint (json_object_get_int_member (object, "accepted"), ==, accepted);
  g_assert_cmpint (json_object_get_int_member (object, "in_dialogue") +
                     json_object_get_int_member (object, "negotiating") +
                     json_object_get_int_member (object, "signed"), <=, accepted);
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "conversion"),
                                         "signed"));
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "funnel", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_autoptr (JsonNode) cohorts = list_json (dir, database, "cohorts", NULL);
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) impact = NULL;
    const char *program = NULL;

    for (guint i = 0; i < json_array_get_length (json_node_get_array (cohorts)); i++)
      {
        JsonObject *c = json_array_get_object_element (json_node_get_array (cohorts), i);

        if (g_str_equal (json_object_get_string_member (c, "uuid"), cohort))
          program = json_object_get_string_member (c, "program");
      }
    g_assert_nonnull (program);
    run_in (&run, dir, "-d", database, "impact", "--program", program, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    impact = parse_json (run.out);
    object = json_node_get_object (impact);
    g_assert_true (json_object_has_member (object, "signed_value"));
    g_assert_true (json_object_has_member (object, "weighted_pipeline"));
    g_assert_true (json_object_has_member (object, "ratio_realised"));
    g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "solutions")));
  }
  refused_saying (dir, database, "--program", "impact", "--program",
                  "00000000-0000-4000-8000-000000000000", NULL);
}

/* trust-files: a full disk, modes */

/* spire-cli ARGS… (NULL-terminated) in @cwd on a "full disk": a file-size
 * limit of @blocks × 512 bytes (RLIMIT_FSIZE, set by the shell's ulimit)
 * with SIGXFSZ ignored, so that a write past it fails with EFBIG as one on
 * a full disk fails with ENOSPC. */
static void
run_full (Run *run, const char *cwd, guint blocks, ...) G_GNUC_NULL_TERMINATED;

static void
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

static void
assert_disk_full (const Run *run)
{
  assert_refused (run);
  g_assert_nonnull (strstr (run->err, "is full"));
  g_assert_null (strstr (run->err, "may be written"));
}

/* The names in @dir, sorted, joined by spaces. */
static char *
dir_listing (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *before = dir_listing (dir);

  /* 8 KiB: not even the -shm fits; 64 KiB: the -shm fits, the first
   * transaction's -wal or the copy does not. */
  for (guint blocks = 16; blocks <= 128; blocks *= 8)
    {
      {
        g_auto (Run) run = { 0 };

        run_full (&run, dir, blocks, "-d", fresh, "init", NULL);
        assert_disk_full (&run);
        g_assert_nonnull (strstr (run.err, "Nothing was changed"));
        g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
      }
      {
        g_auto (Run) run = { 0 };

        run_full (&run, dir, blocks, "-d", database, "export", json, NULL);
        assert_disk_full (&run);
        g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
      }
      {
        g_auto (Run) run = { 0 };

        run_full (&run, dir, blocks, "-d", database, "backup", copy, NULL);
        assert_disk_full (&run);
        g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
      }
    }
  {
    g_auto (Run) run = { 0 };

    run_full (&run, dir, 16, "-d", database, "check", NULL);
    assert_disk_full (&run);
  }
  {
    /* No new file stays behind (a -wal or -shm of the open database is
     * SQLite's and goes with the next clean close). */
    g_auto (Run) run = { 0 };
    g_autofree char *after = NULL;

    run_in (&run, dir, "-d", database, "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    after = dir_listing (dir);
    g_assert_cmpstr (after, ==, before);
  }
}

/* An existing database readable by others is made private, and told once. */
static void
test_database_private (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  GStatBuf st;

  g_assert_cmpint (g_chmod (database, 0644), ==, 0);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok\n");
    g_assert_nonnull (strstr (run.err, "readable by you only"));
  }
  g_assert_cmpint (g_stat (database, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
}

/* Backups and secrets: the default export says it holds the package token,
 * "--without-secrets" leaves it out, and such a backup still imports. */
static void
test_export_secrets (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *with = g_build_filename (dir, "with.json", NULL);
  g_autofree char *without = g_build_filename (dir, "without.json", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  GStatBuf st;

  {
    g_auto (Run) run = { 0 };
    g_autofree char *data = NULL;
    g_autoptr (JsonNode) root = NULL;

    run_in (&run, dir, "-d", database, "export", with, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 package token"));
    g_assert_nonnull (strstr (run.out, "--without-secrets"));
    data = read_file (with, NULL);
    g_assert_nonnull (strstr (data, "SECRET-TOKEN"));
    root = parse_json (data);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (root),
                                                   "contains_secrets"));
    g_assert_cmpint (g_stat (with, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *data = NULL;
    g_autoptr (JsonNode) root = NULL;

    run_in (&run, dir, "-d", database, "export", "--without-secrets", without, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "token"));
    data = read_file (without, NULL);
    g_assert_null (strstr (data, "SECRET-TOKEN"));
    g_assert_null (strstr (data, "\"token\""));
    root = parse_json (data);
    g_assert_false (json_object_get_boolean_member (json_node_get_object (root),
                                                    "contains_secrets"));
  }
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", fresh, "import", without, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "no package token for 1 evaluator"));
    g_assert_cmpint (count_in (fresh, "evaluators", NULL, NULL), ==, 1);
  }
  {
    /* into the database it came from: nothing changes, the token stays */
    g_auto (Run) run = { 0 };
    g_autofree char *again = g_build_filename (dir, "again.json", NULL);
    g_autofree char *data = NULL;

    run_in (&run, dir, "-d", database, "import", without, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "package token"));
    run_clear (&run);
    run_in (&run, dir, "-d", database, "export", again, NULL);
    g_assert_cmpint (run.status, ==, 0);
    data = read_file (again, NULL);
    g_assert_nonnull (strstr (data, "SECRET-TOKEN"));
  }
}

/* report: PDFs in the language chosen, whatever LANGUAGE says */

static char *
cli_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* spire-cli with the build's translations and LANGUAGE=@language. */
static void
run_report (Run *run, const char *dir, const char *language, const char *const *args)
{
  const char *env[] = { "SPIRE_LOCALEDIR", cli_localedir, "LANGUAGE", language, NULL };

  run_program_full (run, cli_path, env, dir, NULL, args);
}

static void
test_report (void)
{
  static const char *const decided[] = { "follow_up", "closed", NULL };
  static const char *const langs[] = { "nb", "nn", "en" };
  static const char *const other[] = { "en", "nb", "nn" };
  static const char *const first[] = { "Side 1 av", "Side 1 av", "Page 1 of" };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, decided);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (JsonNode) ranking = NULL;
  g_autoptr (JsonNode) funnel = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  JsonObject *row = NULL;
  const char *application;
  double mean = NAN;

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "rank", "--cohort", cohort, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    ranking = parse_json (run.out);
    run_clear (&run);
    run_in (&run, dir, "-d", database, "funnel", "--cohort", cohort, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    funnel = parse_json (run.out);
  }
  {
    JsonArray *apps = json_object_get_array_member (json_node_get_object (ranking),
                                                    "applications");

    for (guint i = 0; i < json_array_get_length (apps) && row == NULL; i++)
      {
        JsonObject *a = json_array_get_object_element (apps, i);
        JsonArray *criteria = json_object_get_array_member (a, "criteria");

        for (guint c = 0; c < json_array_get_length (criteria); c++)
          {
            JsonNode *m = json_object_get_member (json_array_get_object_element (criteria, c),
                                                  "mean");

            if (!JSON_NODE_HOLDS_NULL (m))
              {
                mean = json_node_get_double (m);
                row = a;
                break;
              }
          }
      }
  }
  g_assert_nonnull (row);
  application = json_object_get_string_member (row, "application");

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
      const char *cohort_args[] = { "-d", database, "report", "cohort", "--cohort", cohort,
                                    "--lang", langs[i], "-o", path, NULL };
      const char *letter_args[] = { "-d", database, "report", "letter", "--application",
                                    application, "--lang", langs[i], "-o", letter, NULL };
      g_auto (Run) run = { 0 };

      run_report (&run, dir, other[i], cohort_args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      run_clear (&run);
      run_report (&run, dir, other[i], letter_args);
      g_assert_cmpint (run.status, ==, 0);
      if (pdftotext != NULL)
        {
          g_autofree char *text = cli_pdf_text (path);
          g_autofree char *letter_text = cli_pdf_text (letter);
          SpireLanguage lang = spire_language_from_code (langs[i]);
          g_autofree char *applied = g_strdup_printf (
            "\n%" G_GINT64_FORMAT "\n",
            json_object_get_int_member (json_node_get_object (funnel), "applied"));
          g_autofree char *score = spire_format_number (mean, 2, lang);

          g_assert_nonnull (strstr (text, first[i]));
          g_assert_nonnull (strstr (text, applied));
          g_assert_nonnull (strstr (letter_text, first[i]));
          g_assert_nonnull (strstr (letter_text, score));
          g_assert_nonnull (strstr (letter_text, json_object_get_string_member (row, "startup")));
        }
      g_unlink (letter);
      g_unlink (path);
    }

  /* Without --lang: the environment's language */
  {
    const char *args[] = { "-d", database, "report", "cohort", "--cohort", cohort, "-o", path,
                           NULL };
    g_auto (Run) run = { 0 };

    run_report (&run, dir, "nn", args);
    g_assert_cmpint (run.status, ==, 0);
    if (pdftotext != NULL)
      {
        g_autofree char *text = cli_pdf_text (path);

        g_assert_nonnull (strstr (text, "Nøkkeltal"));
      }
    g_unlink (path);
  }

  /* An unknown UUID or language: exit 1 and no file */
  {
    const char *unknown_cohort[] = { "-d", database, "report", "cohort", "--cohort",
                                     "00000000-0000-4000-8000-000000000000", "-o", path, NULL };
    const char *unknown_application[] = { "-d", database, "report", "letter", "--application",
                                          "00000000-0000-4000-8000-000000000000", "-o", path,
                                          NULL };
    const char *unknown_lang[] = { "-d", database, "report", "cohort", "--cohort", cohort,
                                   "--lang", "sv", "-o", path, NULL };
    const char *const *cases[] = { unknown_cohort, unknown_application, unknown_lang };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto (Run) run = { 0 };

        run_report (&run, dir, NULL, cases[i]);
        assert_refused (&run);
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      }
  }

  /* The impact report and the reference sheet */
  {
    g_autoptr (JsonNode) cohorts = list_json (dir, database, "cohorts", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (SpireStore) store = NULL;
    g_autoptr (GPtrArray) solutions = NULL;
    const char *program = NULL;

    for (guint i = 0; i < json_array_get_length (json_node_get_array (cohorts)); i++)
      {
        JsonObject *c = json_array_get_object_element (json_node_get_array (cohorts), i);

        if (g_str_equal (json_object_get_string_member (c, "uuid"), cohort))
          program = json_object_get_string_member (c, "program");
      }
    g_assert_nonnull (program);
    store = spire_store_open (database, &error);
    g_assert_no_error (error);
    solutions = spire_store_list (store, &spire_kind_solution, NULL, NULL, &error);
    g_assert_cmpuint (solutions->len, >, 0);
    {
      const char *impact[] = { "-d", database, "report", "impact", "--program", program,
                               "--lang", "nn", "-o", path, NULL };
      const char *reference[] = { "-d", database, "report", "reference", "--solution",
                                  spire_record_get_uuid (g_ptr_array_index (solutions, 0)),
                                  "--lang", "en", "-o", path, NULL };
      const char *unknown[] = { "-d", database, "report", "reference", "--solution",
                                "00000000-0000-4000-8000-000000000000", "-o", path, NULL };
      g_auto (Run) run = { 0 };

      run_report (&run, dir, "en", impact);
      g_assert_cmpint (run.status, ==, 0);
      if (pdftotext != NULL)
        {
          g_autofree char *text = cli_pdf_text (path);

          g_assert_nonnull (strstr (text, "Effektrapport"));
        }
      g_unlink (path);
      run_clear (&run);
      run_report (&run, dir, "nb", reference);
      g_assert_cmpint (run.status, ==, 0);
      if (pdftotext != NULL)
        {
          g_autofree char *text = cli_pdf_text (path);

          g_assert_nonnull (strstr (text, "Reference sheet"));
        }
      g_unlink (path);
      run_clear (&run);
      run_report (&run, dir, NULL, unknown);
      assert_refused (&run);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  }

  /* Letters: one PDF per rejected application, named by its applicant */
  {
    g_autofree char *out = g_build_filename (dir, "letters", NULL);
    const char *args[] = { "-d", database, "report", "letters", "--cohort", cohort,
                           "--status", "rejected", "--lang", "nn", "-o", out, NULL };
    g_autoptr (JsonNode) apps = list_json (dir, database, "applications", cohort);
    JsonArray *array = json_node_get_array (apps);
    g_auto (Run) run = { 0 };
    guint rejected = 0, files = 0;
    g_autoptr (GDir) d = NULL;
    const char *name;

    for (guint i = 0; i < json_array_get_length (array); i++)
      rejected += g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i),
                                                              "status"),
                               "rejected");
    run_report (&run, dir, "en", args);
    g_assert_cmpint (run.status, ==, 0);
    d = g_dir_open (out, 0, NULL);
    g_assert_nonnull (d);
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (out, name, NULL);

        g_assert_true (g_str_has_suffix (name, ".pdf"));
        g_unlink (file);
        files++;
      }
    g_assert_cmpuint (rejected, >, 0);
    g_assert_cmpuint (files, ==, rejected);
    g_rmdir (out);
  }
}

/* person erase, retention, audit (spire-cli-privacy.c) */

static const char privacy_backup[] =
  "{ \"format\": \"spire-backup\", \"version\": 1, \"exported_at\": \"2026-11-23T10:00:00Z\",\n"
  "  \"programs\": [ { \"uuid\": \"22222222-2222-4222-8222-222222222222\", \"name\": \"Åpen innovasjon\","
  " \"kind\": \"accelerator\" } ],\n"
  "  \"cohorts\": [ { \"uuid\": \"33333333-3333-4333-8333-333333333333\","
  " \"program\": \"22222222-2222-4222-8222-222222222222\", \"name\": \"Vår 2026\", \"phase\": \"closed\","
  " \"ends_on\": \"2026-01-31\", \"retention_months\": 6, \"seats\": 2 } ],\n"
  "  \"startups\": [ { \"uuid\": \"44444444-4444-4444-8444-444444444444\", \"name\": \"Avslag AS\" } ],\n"
  "  \"persons\": [ { \"uuid\": \"55555555-5555-4555-8555-555555555555\", \"name\": \"Rita Avslått\","
  " \"email\": \"rita@avslag.no\", \"phone\": \"+47 481 00 200\" } ],\n"
  "  \"applications\": [ { \"uuid\": \"66666666-6666-4666-8666-666666666666\","
  " \"cohort\": \"33333333-3333-4333-8333-333333333333\", \"startup\": \"44444444-4444-4444-8444-444444444444\","
  " \"contact\": \"55555555-5555-4555-8555-555555555555\", \"title\": \"Sensorer\", \"status\": \"rejected\","
  " \"pitch\": \"Rita Avslått (rita@avslag.no, +47 481 00 200) leder arbeidet.\" } ]\n"
  "}\n";
#define RITA "55555555-5555-4555-8555-555555555555"

static char *
privacy_database (const char *dir)
{
  g_auto (Run) run = { 0 };
  g_autofree char *file = g_build_filename (dir, "privacy.json", NULL);
  char *database = g_build_filename (dir, "privacy.db", NULL);

  write_file (file, privacy_backup);
  run_in (&run, dir, "-d", database, "import", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return database;
}

/* Whether @needle is in the raw bytes of @database or its -wal. */
static gboolean
database_holds (const char *database, const char *needle)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (database, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      if (g_file_get_contents (path, &data, &len, NULL) &&
          memmem (data, len, needle, strlen (needle)) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_person_erase (void)
{
  static const char *const gone[] = { "Rita Avslått", "rita@avslag.no", "+47 481 00 200" };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = privacy_database (dir);
  g_auto (Run) run = { 0 };

  /* Refusals name the argument and change nothing */
  run_in (&run, dir, "-d", database, "person", "erase", "00000000-0000-4000-8000-000000000000", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "UUID"));
  run_clear (&run);
  run_in (&run, dir, "-d", database, "person", "erase", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* The dry run lists and changes nothing */
  run_in (&run, dir, "-d", database, "person", "erase", RITA, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Person +" RITA "  E-mail$", run.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Application +66666666-6666-4666-8666-666666666666  Pitch$",
                                       run.out, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (run.out, "Erased person 5555"));
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    g_assert_true (database_holds (database, gone[i]));
  run_clear (&run);

  run_in (&run, dir, "-d", database, "person", "erase", RITA, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Erased person 5555"));
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    g_assert_false (database_holds (database, gone[i]));
  run_clear (&run);

  /* The audit trail says it happened, by person */
  run_in (&run, dir, "-d", database, "audit", "--person", RITA, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Person " RITA "  erase"));
  g_assert_null (strstr (run.out, "Rita"));
}

static void
test_retention (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = privacy_database (dir);
  g_auto (Run) run = { 0 };

  run_in (&run, dir, "-d", database, "retention", "--today", "2026-02-30", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--today"));
  run_clear (&run);
  run_in (&run, dir, "-d", database, "retention", "--today", "2026-07-30", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No personal data is due"));
  run_clear (&run);

  run_in (&run, dir, "-d", database, "retention", "--dry-run", "--today", "2026-07-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, RITA "  Rita Avslått  Vår 2026  2026-01-31  2026-07-31"));
  g_assert_nonnull (strstr (run.out, "Nothing was changed"));
  g_assert_true (database_holds (database, "Rita Avslått"));
  run_clear (&run);

  run_in (&run, dir, "-d", database, "retention", "--today", "2026-07-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 person erased"));
  g_assert_false (database_holds (database, "Rita Avslått"));
  g_assert_false (database_holds (database, "rita@avslag.no"));
  run_clear (&run);
  run_in (&run, dir, "-d", database, "retention", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No personal data is due"));
}

static void
test_audit (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = privacy_database (dir);
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *entries;

  /* Refusals name the argument */
  run_in (&run, dir, "-d", database, "audit", "--since", "2026-13-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--since"));
  run_clear (&run);
  run_in (&run, dir, "-d", database, "audit", "--record", "nope", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--record"));
  run_clear (&run);
  run_in (&run, dir, "-d", database, "audit", "--person", "00000000-0000-4000-8000-000000000000", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--person"));
  run_clear (&run);

  run_in (&run, dir, "-d", database, "person", "erase", RITA, NULL);
  run_clear (&run);
  run_in (&run, dir, "-d", database, "audit", "--json", "--record", RITA, NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  entries = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  {
    JsonObject *e = json_array_get_object_element (entries, 0);

    g_assert_cmpstr (json_object_get_string_member (e, "entity"), ==, "person");
    g_assert_cmpstr (json_object_get_string_member (e, "action"), ==, "erase");
    g_assert_nonnull (json_object_get_string_member (e, "who"));
    g_assert_nonnull (json_object_get_string_member (e, "at"));
    g_assert_true (json_object_get_null_member (e, "before"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (e, "after"),
                                                    "pseudonym"), ==, "Erased person 5555");
  }
  run_clear (&run);
  run_in (&run, dir, "-d", database, "audit", "--since", "2999-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No audit entries."));
  run_clear (&run);
  run_in (&run, dir, "-d", database, "audit", "--since", "2000-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "erase"));
}

/* The PDF's text with every run of white space one space. */
static char *
cli_pdf_words (const char *pdf)
{
  g_autofree char *text = cli_pdf_text (pdf);
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);

  return g_strjoinv (" ", words);
}

/* innsyn: the confidential field withheld and marked in nb and en, the
 * request recorded; an unknown UUID or language writes and records nothing */
static void
test_innsyn (void)
{
  static const char *const langs[] = { "nb", "en" };
  static const char *const marks[] = {
    "Delt i fortrolighet [Unntatt offentlighet: offl. § 13, jf. fvl. § 13 første ledd nr. 2]",
    "Shared in confidence [Exempt from public access: Freedom of Information Act § 13, cf. "
    "Public Administration Act § 13 first paragraph no. 2]",
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *path = g_build_filename (dir, "innsyn.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *application = NULL, *secret = NULL;
  g_autoptr (SpireRecord) before = NULL;

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (SpireStore) store = spire_store_open (database, &error);
    g_autoptr (GPtrArray) apps = spire_store_list (store, &spire_kind_application, NULL, NULL,
                                                   &error);

    g_assert_no_error (error);
    for (guint i = 0; i < apps->len && application == NULL; i++)
      if (!spire_record_is_null (apps->pdata[i], "confidential"))
        {
          g_auto (GStrv) words = g_regex_split_simple (
            "\\s+", spire_record_get_text (apps->pdata[i], "confidential"), 0, 0);

          application = g_strdup (spire_record_get_uuid (apps->pdata[i]));
          secret = g_strjoinv (" ", words);
          before = g_object_ref (apps->pdata[i]);
        }
    g_assert_nonnull (application);
  }

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      const char *args[] = { "-d", database, "innsyn", "--application", application,
                             "--lang", langs[i], "--requester", "Journalist Kari",
                             "--received", "2026-11-20", "-o", path, NULL };
      g_auto (Run) run = { 0 };

      run_report (&run, dir, "en", args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpuint (strlen (g_strstrip (run.out)), ==, 36);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      if (pdftotext != NULL)
        {
          g_autofree char *text = cli_pdf_words (path);
          g_autofree char *start = g_utf8_substring (secret, 0, 20);

          g_assert_null (strstr (text, secret));
          g_assert_null (strstr (text, start));
          g_assert_nonnull (strstr (text, marks[i]));
          g_assert_nonnull (strstr (text, "Journalist Kari"));
        }
      g_unlink (path);
    }

  /* Refused: an unknown application, cohort, language or date; neither or
   * both of --application and --cohort */
  {
    const char *unknown_app[] = { "-d", database, "innsyn", "--application",
                                  "00000000-0000-4000-8000-000000000000", "-o", path, NULL };
    const char *unknown_cohort[] = { "-d", database, "innsyn", "--cohort",
                                     "00000000-0000-4000-8000-000000000000", "-o", path, NULL };
    const char *unknown_lang[] = { "-d", database, "innsyn", "--application", application,
                                   "--lang", "sv", "-o", path, NULL };
    const char *bad_date[] = { "-d", database, "innsyn", "--application", application,
                               "--received", "2026-02-30", "-o", path, NULL };
    const char *const *cases[] = { unknown_app, unknown_cohort, unknown_lang, bad_date };
    const char *neither[] = { "-d", database, "innsyn", "-o", path, NULL };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto (Run) run = { 0 };

        run_report (&run, dir, NULL, cases[i]);
        assert_refused (&run);
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      }
    {
      g_auto (Run) run = { 0 };

      run_report (&run, dir, NULL, neither);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  }

  /* Two requests recorded, with what was withheld; the application as it was */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (SpireStore) store = spire_store_open (database, &error);
    g_autoptr (GPtrArray) requests = spire_store_list (store, &spire_kind_innsyn_request, NULL,
                                                       NULL, &error);
    g_autoptr (SpireRecord) after = spire_store_get (store, &spire_kind_application,
                                                     application, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (requests->len, ==, 2);
    for (guint i = 0; i < requests->len; i++)
      {
        SpireRecord *r = requests->pdata[i];

        g_assert_cmpstr (spire_record_get_text (r, "requester"), ==, "Journalist Kari");
        g_assert_cmpstr (spire_record_get_text (r, "received_on"), ==, "2026-11-20");
        g_assert_cmpstr (spire_record_get_text (r, "application"), ==, application);
        g_assert_nonnull (strstr (spire_record_get_text (r, "withheld"), "\"confidential\""));
        g_assert_nonnull (strstr (spire_record_get_text (r, "withheld"), application));
      }
    g_assert_true (spire_record_equal (after, before));
  }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *data_home = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("SPIRE_CLI");
  cli_localedir = g_getenv ("SPIRE_CLI_LOCALEDIR");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Set SPIRE_CLI to the spire-cli to test.\n");
      return 1;
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

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help-nb", test_help_nb);
  g_test_add_func ("/cli/help-localedir", test_help_localedir);
  g_test_add_func ("/cli/help-nb-build-tree", test_help_nb_build_tree);
  g_test_add_func ("/cli/validate-orgnr", test_validate_orgnr);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/missing-database", test_missing_database);
  g_test_add_func ("/cli/init-list-empty", test_init_list_empty);
  g_test_add_func ("/cli/list-sample", test_list_sample);
  g_test_add_func ("/cli/export-stdout", test_export_stdout);
  g_test_add_func ("/cli/import-roundtrip", test_import_roundtrip);
  g_test_add_func ("/cli/import-broken", test_import_broken);
  g_test_add_func ("/cli/import-not-backup", test_import_not_backup);
  g_test_add_func ("/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/backup", test_backup);
  g_test_add_func ("/cli/demo-list-json", test_demo_list_json);
  g_test_add_func ("/cli/demo-twice", test_demo_twice);
  g_test_add_func ("/cli/import-csv", test_import_csv);
  g_test_add_func ("/cli/import-brreg", test_import_brreg);
  g_test_add_func ("/cli/rank", test_rank);
  g_test_add_func ("/cli/rank-tie", test_rank_tie);
  g_test_add_func ("/cli/assign", test_assign);
  g_test_add_func ("/cli/package", test_package);
  g_test_add_func ("/cli/deal", test_deal);
  g_test_add_func ("/cli/funnel-impact", test_funnel_impact);
  g_test_add_func ("/cli/nested-too-deeply", test_nested_too_deeply);
  g_test_add_func ("/cli/list-csv", test_list_csv);
  g_test_add_func ("/cli/database-twice", test_database_twice);
  g_test_add_func ("/cli/full-disk", test_full_disk);
  g_test_add_func ("/cli/database-private", test_database_private);
  g_test_add_func ("/cli/export-secrets", test_export_secrets);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/person-erase", test_person_erase);
  g_test_add_func ("/cli/retention", test_retention);
  g_test_add_func ("/cli/audit", test_audit);
  g_test_add_func ("/cli/innsyn", test_innsyn);

  status = g_test_run ();

  if (g_getenv ("SPIRE_TEST_KEEP") == NULL)
    remove_tree (top_dir);
  else
    g_printerr ("kept %s\n", top_dir);
  g_strfreev (child_env);
  g_free (top_dir);
  return status;
}
