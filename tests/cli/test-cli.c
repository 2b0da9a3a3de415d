/* test-cli.c — runs the built spire-cli as a user would: the help, usage errors, databases that are not there, listing and the demo
 * (what the tests share, and the environment, in cli-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#define _GNU_SOURCE
#include "config.h"

#include "cli-fixture.h"

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

int
main (int argc, char **argv)
{
  if (!cli_fixture_init (&argc, &argv))
    return 1;

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help-nb", test_help_nb);
  g_test_add_func ("/cli/help-localedir", test_help_localedir);
  g_test_add_func ("/cli/help-nb-build-tree", test_help_nb_build_tree);
  g_test_add_func ("/cli/validate-orgnr", test_validate_orgnr);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/missing-database", test_missing_database);
  g_test_add_func ("/cli/init-list-empty", test_init_list_empty);
  g_test_add_func ("/cli/list-sample", test_list_sample);
  g_test_add_func ("/cli/demo-list-json", test_demo_list_json);
  g_test_add_func ("/cli/demo-twice", test_demo_twice);
  g_test_add_func ("/cli/nested-too-deeply", test_nested_too_deeply);
  g_test_add_func ("/cli/list-csv", test_list_csv);
  g_test_add_func ("/cli/database-twice", test_database_twice);

  return cli_fixture_run ();
}
