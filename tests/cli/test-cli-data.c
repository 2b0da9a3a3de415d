/* test-cli-data.c — runs the built spire-cli as a user would: export and import (backups, CSV, Brønnøysund), check, backup, a full disk, file modes and secrets
 * (what the tests share, and the environment, in cli-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#define _GNU_SOURCE
#include "config.h"

#include "cli-fixture.h"

/* Tests */

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

/* What the steps of /cli/import-csv share: the demo database, one open
 * cohort and its count of applications before the import, the two CSV
 * files and the export before the import.  test_import_csv calls each
 * csv_* step in order. */
typedef struct
{
  const char *dir;
  const char *database;
  const char *cohort;
  const char *file; /* three applications */
  const char *bad;  /* a bad organisation number on line 3 */
  const char *before_export;
  guint       before;
} CsvImport;

/* --dry-run shows the mapping and the counts and writes nothing */
static void
csv_dry_run (CsvImport *c)
{
  {
    /* --dry-run: the mapping and the counts, nothing written */
    g_auto (Run) run = { 0 };
    g_autofree char *after = NULL;

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->file, "--cohort", c->cohort,
            "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Bedriftsnavn +→ .*\\(startup\\.name\\)", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Organisasjonsnummer +→ .*\\(startup\\.orgnr\\)", run.out,
                                         0, 0));
    g_assert_true (g_regex_match_simple ("Hvordan hørte du om oss\\? +→ .*\\(extra\\)", run.out,
                                         0, 0));
    g_assert_true (g_regex_match_simple ("Rows read +3\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("New applications +3\n", run.out, 0, 0));
    g_assert_nonnull (strstr (run.out, "--dry-run"));
    g_assert_cmpuint (count_applications (c->dir, c->database, c->cohort), ==, c->before);
    after = export_without_time (c->dir, c->database);
    g_assert_cmpstr (c->before_export, ==, after);
  }
}

/* Refused imports and usage errors: nothing is imported */
static void
csv_refused (CsvImport *c)
{
  {
    /* a bad organisation number on line 3: placed as compilers do, nothing imported */
    g_auto (Run) run = { 0 };
    g_autofree char *after = NULL;

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->bad, "--cohort", c->cohort, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad-orgnr.csv:3: “Organisasjonsnummer”: "));
    g_assert_null (strstr (run.err, "bad-orgnr.csv:2:"));
    g_assert_null (strstr (run.err, "bad-orgnr.csv:4:"));
    g_assert_nonnull (strstr (run.err, "spire-cli: "));
    g_assert_cmpuint (count_applications (c->dir, c->database, c->cohort), ==, c->before);
    after = export_without_time (c->dir, c->database);
    g_assert_cmpstr (c->before_export, ==, after);
  }
  {
    /* the same with --dry-run: refused as well */
    g_auto (Run) run = { 0 };

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->bad, "--cohort", c->cohort,
            "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad-orgnr.csv:3:"));
  }
  {
    /* --map with a field that is not there: a usage error that lists the fields */
    g_auto (Run) run = { 0 };

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->file, "--cohort", c->cohort, "--map",
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

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->file, "--cohort", c->cohort, "--map",
            "Telefon=person.phone", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Telefon"));
    g_assert_nonnull (strstr (run.err, "Kontaktperson"));
  }
  {
    /* a cohort that is not there */
    g_auto (Run) run = { 0 };

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->file, "--cohort",
            "99999999-9999-4999-8999-999999999999", NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "99999999-9999-4999-8999-999999999999"));
  }
  g_assert_cmpuint (count_applications (c->dir, c->database, c->cohort), ==, c->before);
}

/* --map by header and by column number */
static void
csv_map (CsvImport *c)
{
  {
    /* --map by header in another case and by column number */
    g_auto (Run) run = { 0 };

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->file, "--cohort", c->cohort,
            "--dry-run", "--map", "hvordan hørte du om oss?=ignore", "--map", "5=application.title",
            NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Hvordan hørte du om oss\\? +→ .*\\(ignore\\)", run.out,
                                         0, 0));
    g_assert_true (g_regex_match_simple ("Kort beskrivelse +→ .*\\(application\\.title\\)",
                                         run.out, 0, 0));
  }
}

/* The import, and the same import again */
static void
csv_import (CsvImport *c)
{
  {
    /* the import itself */
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) apps = NULL;
    JsonArray *array;
    gboolean found_multiline = FALSE;

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->file, "--cohort", c->cohort, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Imported"));
    g_assert_cmpuint (count_applications (c->dir, c->database, c->cohort), ==, c->before + 3);

    apps = list_json (c->dir, c->database, "applications", c->cohort);
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

    run_in (&run, c->dir, "-d", c->database, "import-csv", c->file, "--cohort", c->cohort, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Applications already in the cohort +3\n", run.out, 0,
                                         0));
    g_assert_cmpuint (count_applications (c->dir, c->database, c->cohort), ==, c->before + 3);
  }
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
  CsvImport c = { .dir = dir, .database = database, .cohort = cohort, .file = file, .bad = bad };

  c.before = count_applications (dir, database, cohort);
  write_file (file, applications_csv);
  write_file (bad, bad_orgnr_csv);
  before_export = export_without_time (dir, database);
  c.before_export = before_export;

  csv_dry_run (&c);
  csv_refused (&c);
  csv_map (&c);
  csv_import (&c);
}

/* A thousand and more: the counts are grouped in threes as people read
 * them, "1,200" in English and "1 200" (a no-break space) in Bokmål, and
 * still line up in their column. */
static void
test_import_csv_counts (void)
{
  static const char *const open_phases[] = { "open", "screening", "planning", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, open_phases);
  g_autofree char *file = g_build_filename (dir, "mange.csv", NULL);
  g_autoptr (GString) csv = g_string_new ("Bedriftsnavn;Kontaktperson;E-post\n");

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (csv, "Bedrift %u AS;Person %u;p%u@example.no\n", i, i, i);
  write_file (file, csv->str);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", file, "--cohort", cohort, "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Rows read +1,200\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("New applications +1,200\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("People already known +0\n", run.out, 0, 0));
  }
  {
    g_auto (Run) run = { 0 };
    const char *env[] = { "LANGUAGE", "nb", "LANG", "C.UTF-8", "LC_ALL", NULL,
                          "SPIRE_LOCALEDIR", cli_localedir, NULL };
    const char *args[] = { "-d", database, "import-csv", file, "--cohort", cohort, "--dry-run",
                           NULL };

    run_program_full (&run, cli_path, env, dir, NULL, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Rader lest +1\u00a0200\n", run.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Nye søknader +1\u00a0200\n", run.out, 0, 0));
    /* The columns line up: both counts end where the zero below them does. */
    {
      const char *a = strstr (run.out, "Rader lest");
      const char *b = strstr (run.out, "Personer som er kjent fra før");
      const char *a_end = strchr (a, '\n');
      const char *b_end = strchr (b, '\n');

      g_assert_cmpuint (g_utf8_strlen (a, a_end - a), ==, g_utf8_strlen (b, b_end - b));
    }
  }
}

/* A CSV naming challenges the cohort does not have: in Bokmål the message
 * quotes the cohort's challenges as it quotes the rest, «…», not “…”. */
static void
test_import_csv_quotes_nb (void)
{
  static const char *const open_phases[] = { "open", "screening", "planning", NULL };
  g_autofree char *dir = test_dir ();
  g_autofree char *database = demo_database (dir);
  g_autofree char *cohort = demo_cohort (dir, database, open_phases);
  g_autofree char *file = data_file ("nettskjema-80.csv");
  g_auto (Run) run = { 0 };
  const char *env[] = { "LANGUAGE", "nb", "LANG", "C.UTF-8", "LC_ALL", NULL,
                        "SPIRE_LOCALEDIR", cli_localedir, NULL };
  const char *args[] = { "-d", database, "import-csv", file, "--cohort", cohort, "--dry-run",
                         NULL };
  const char *listed;

  run_program_full (&run, cli_path, env, dir, NULL, args);
  listed = strstr (run.err, "utfordringene er «");
  if (listed == NULL)
    listed = strstr (run.out, "utfordringene er «");
  g_assert_nonnull (listed);
  g_assert_null (strstr (listed, "“"));
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

int
main (int argc, char **argv)
{
  if (!cli_fixture_init (&argc, &argv))
    return 1;

  g_test_add_func ("/cli/export-stdout", test_export_stdout);
  g_test_add_func ("/cli/import-roundtrip", test_import_roundtrip);
  g_test_add_func ("/cli/import-broken", test_import_broken);
  g_test_add_func ("/cli/import-not-backup", test_import_not_backup);
  g_test_add_func ("/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/backup", test_backup);
  g_test_add_func ("/cli/import-csv", test_import_csv);
  g_test_add_func ("/cli/import-csv-counts", test_import_csv_counts);
  g_test_add_func ("/cli/import-csv-quotes-nb", test_import_csv_quotes_nb);
  g_test_add_func ("/cli/import-brreg", test_import_brreg);
  g_test_add_func ("/cli/full-disk", test_full_disk);
  g_test_add_func ("/cli/database-private", test_database_private);
  g_test_add_func ("/cli/export-secrets", test_export_secrets);

  return cli_fixture_run ();
}
