/* test-cli-bad-input.c — spire-cli given what a user may give it by mistake
 *
 * Each test is a mistake found by trying spire-cli as a user would: the
 * command refuses with a message that says what is wrong and where, and
 * the database is exactly as it was before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-test"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cli-fixture.h"

/* The database is still the one it was: it opens, and exports the same. */
static void
assert_database_unchanged (const char *dir, const char *database, const char *before)
{
  g_autofree char *after = export_without_time (dir, database);

  g_assert_cmpstr (before, ==, after);
}

/* An export, a report or an innsyn PDF written to the database's own path
 * (or its -wal) replaced the database with the file: nothing was left. */
static void
test_write_over_database (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *before = export_without_time (dir, database);
  const char *cohort = "33333333-3333-4333-8333-333333333333";

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "export", database, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, database));
    g_assert_nonnull (strstr (run.err, "is a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "export", wal, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "belongs to a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "report", "cohort", "--cohort", cohort, "-o", database,
            NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "is a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "innsyn", "--cohort", cohort, "-o", database, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "is a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    /* Another database is not written over either. */
    g_autofree char *other_dir = g_build_filename (dir, "other", NULL);
    g_autofree char *other = NULL;
    g_autofree char *other_before = NULL;
    g_auto (Run) run = { 0 };

    g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
    other = sample_database (other_dir);
    other_before = export_without_time (dir, other);
    run_in (&run, dir, "-d", database, "export", other, NULL);
    assert_refused (&run);
    assert_database_unchanged (dir, other, other_before);
  }
}

/* A full disk is the database's: the message names the database and not
 * a place in the file read ("applications.csv, line 2:", "backup.json:
 * startups[1]:"), which sent the user to look for a fault in the file.
 * The limit (1 MiB) is above the database's size: under a file-size limit
 * SQLite cannot write back pages past it, as it can on a full disk.  The
 * files hold 3.6 MB in 40 long texts (a text of more than 100 000
 * characters is refused before the disk is reached).  (The
 * import's commit fails there with "disk I/O error", not "is full": the
 * limit hides EFBIG from SQLite's error; a full disk says "is full".) */
static void
test_full_disk_names_database (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *before = export_without_time (dir, database);
  g_autofree char *csv = g_build_filename (dir, "applications.csv", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.json", NULL);
  g_autofree char *big = g_strnfill (90000, 'x');
  g_autoptr (GString) csv_text = g_string_new ("Bedriftsnavn;Kort beskrivelse\n");
  g_autofree char *backup_text = NULL;
  g_autoptr (JsonNode) root = parse_json (sample_backup);
  JsonArray *programs = json_object_get_array_member (json_node_get_object (root), "programs");

  for (guint i = 0; i < 40; i++)
    {
      JsonObject *program = json_object_new ();
      g_autofree char *uuid = g_strdup_printf ("22222222-2222-4222-8222-%012u", i);

      g_string_append_printf (csv_text, "Nordlys %u AS;%s\n", i, big);
      json_object_set_string_member (program, "uuid", uuid);
      json_object_set_string_member (program, "name", "Zebra");
      json_object_set_string_member (program, "kind", "need_first");
      json_object_set_string_member (program, "description", big);
      json_array_add_object_element (programs, program);
    }
  backup_text = json_to_string (root, FALSE);
  write_file (csv, csv_text->str);
  write_file (backup, backup_text);

  {
    g_auto (Run) run = { 0 };

    run_full (&run, dir, 2048, "-d", database, "import-csv", "--cohort",
              "33333333-3333-4333-8333-333333333333", csv, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "is full"));
    g_assert_nonnull (strstr (run.err, database));
    g_assert_null (strstr (run.err, "line 2"));
  }
  assert_database_unchanged (dir, database, before);
  {
    g_auto (Run) run = { 0 };

    run_full (&run, dir, 2048, "-d", database, "import", backup, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, database));
    g_assert_null (strstr (run.err, "backup.json"));
  }
  assert_database_unchanged (dir, database, before);
}

/* /dev/zero given as the file to import was read without end (the whole
 * memory for the CSV, Brønnøysund and score sheet readers, for ever for
 * the backup): a device is refused at once. */
static void
test_device_refused (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *before = export_without_time (dir, database);
  const char *const commands[][4] = {
    { "import", NULL },
    { "import-csv", "--cohort", "33333333-3333-4333-8333-333333333333", NULL },
    { "import-brreg", NULL },
    { "package", "import", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Run) run = { 0 };
      g_autoptr (GPtrArray) args = g_ptr_array_new ();

      g_ptr_array_add (args, (gpointer) "-d");
      g_ptr_array_add (args, database);
      for (guint a = 0; commands[i][a]; a++)
        g_ptr_array_add (args, (gpointer) commands[i][a]);
      g_ptr_array_add (args, (gpointer) "/dev/zero");
      g_ptr_array_add (args, NULL);
      run_program_full (&run, cli_path, NULL, dir, NULL, (const char *const *) args->pdata);
      assert_refused (&run);
      g_assert_nonnull (strstr (run.err, "is a device"));
    }
  assert_database_unchanged (dir, database, before);
}

/* A 10 MB answer in a CSV file is read at once (libcsv grew its buffer
 * 128 bytes at a time, which took minutes where realloc copies, as under
 * AddressSanitizer) and refused: it was stored as it was, and then carried
 * by every list and report.  A long pitch (20 000 characters) comes in
 * whole. */
static void
test_csv_huge_value (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *before = export_without_time (dir, database);
  g_autofree char *csv = g_build_filename (dir, "applications.csv", NULL);
  g_autofree char *big = g_strnfill (10 * 1000 * 1000, 'x');
  g_autofree char *long_pitch = g_strnfill (20000, 'y');
  g_autofree char *text = g_strdup_printf ("Bedriftsnavn;Kort beskrivelse\nNordlys AS;%s\n"
                                           "Polaris AS;\"%s\"\n",
                                           long_pitch, big);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) applications = NULL;

  write_file (csv, text);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", "--cohort",
            "33333333-3333-4333-8333-333333333333", csv, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "spire-cli: "));
    g_assert_nonnull (strstr (run.err, "was not imported"));
    /* The file, its line, the column and the field. */
    g_assert_nonnull (strstr (run.err, "applications.csv:3: “Kort beskrivelse”: Pitch: "
                                       "10,000,000 characters; at most 100,000"));
  }
  assert_database_unchanged (dir, database, before);

  /* Without the huge one, the long pitch comes in whole. */
  text[strlen ("Bedriftsnavn;Kort beskrivelse\nNordlys AS;") + strlen (long_pitch) + 1] = '\0';
  write_file (csv, text);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "import-csv", "--cohort",
            "33333333-3333-4333-8333-333333333333", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  store = spire_store_open (database, &error);
  g_assert_no_error (error);
  startups = spire_store_list (store, &spire_kind_startup, "name", "Nordlys AS", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (startups->len, ==, 1);
  applications = spire_store_list (store, &spire_kind_application, "startup",
                                   spire_record_get_uuid (startups->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (applications->len, ==, 1);
  g_assert_cmpstr (spire_record_get_text (applications->pdata[0], "pitch"), ==, long_pitch);
}

/* A file of @gigabytes GB that takes no disk: sparse (a hole). */
static char *
sparse_file (const char *dir, const char *name, guint gigabytes)
{
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) gigabytes * 1000 * 1000 * 1000), ==, 0);
  close (fd);
  return path;
}

/* A video or a disk image chosen by mistake: the readers that take a file
 * whole loaded it all (g_malloc aborted, or the machine swapped).  Each is
 * refused from its size, before anything is read: a 5 GB file read would
 * take 5 GB of memory and seconds, where the refusal takes neither. */
static void
test_huge_file_refused (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *before = export_without_time (dir, database);
  g_autofree char *huge = sparse_file (dir, "film.csv", 5);
  const struct
  {
    const char *args[4];
    const char *limit;
  } commands[] = {
    { { "import-csv", "--cohort", "33333333-3333-4333-8333-333333333333", NULL },
      "Spire reads application lists up to 512.0\xc2\xa0MB. Nothing was imported." },
    { { "import-brreg", NULL }, "Spire reads files from Enhetsregisteret up to 256.0\xc2\xa0MB." },
    { { "package", "import", NULL }, "Spire reads score sheets up to 256.0\xc2\xa0MB." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Run) run = { 0 };
      g_auto (Run) piped = { 0 };
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autoptr (GString) shell = g_string_new ("exec \"$0\" -d \"$1\"");

      g_ptr_array_add (args, (gpointer) "-d");
      g_ptr_array_add (args, database);
      for (guint a = 0; commands[i].args[a]; a++)
        {
          g_ptr_array_add (args, (gpointer) commands[i].args[a]);
          g_string_append_printf (shell, " %s", commands[i].args[a]);
        }
      g_ptr_array_add (args, huge);
      g_ptr_array_add (args, NULL);
      run_program_full (&run, cli_path, NULL, dir, NULL, (const char *const *) args->pdata);
      assert_refused (&run);
      g_assert_nonnull (strstr (run.err, "“film.csv” is 5.0\xc2\xa0GB; "));
      g_assert_nonnull (strstr (run.err, commands[i].limit));
      assert_database_unchanged (dir, database, before);

      /* The same file as standard input ("-"). */
      g_string_append (shell, " - < \"$2\"");
      run_program_full (&piped, "/bin/sh", NULL, dir, NULL,
                        (const char *const[]) { "-c", shell->str, cli_path, database, huge,
                                                NULL });
      assert_refused (&piped);
      g_assert_nonnull (strstr (piped.err, "“standard input” is 5.0\xc2\xa0GB; "));
      g_assert_nonnull (strstr (piped.err, commands[i].limit));
      assert_database_unchanged (dir, database, before);
    }
}

/* A literal's bytes, NULs and all, and their number. */
#define BYTES(literal) literal, sizeof literal - 1

/* What a mistaken file given to "spire-cli import" (a backup's import) is
 * called: the JSON reader's "lexical error: invalid char in json text"
 * said nothing of a CSV file. */
static void
test_not_a_backup (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *before = export_without_time (dir, database);
  const struct
  {
    const char *name;
    const char *data;
    gsize length;
    const char *says;
  } files[] = {
    { "applications.csv",
      BYTES ("\xef\xbb\xbf" "Bedriftsnavn;Kort beskrivelse\r\nNordlys AS;Snø\r\n"),
      "“applications.csv” looks like a CSV file, not a Spire backup. Applications from a CSV "
      "file are imported with “spire-cli import-csv”" },
    { "report.pdf", BYTES ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
      "“report.pdf” is a PDF document, not a Spire backup." },
    { "sheet.xlsx", BYTES ("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\0\0\0\0\0\0\0\0\0\0\0\0\x13\0\0\0"
                           "[Content_Types].xml PK\x03\x04 xl/workbook.xml"),
      "“sheet.xlsx” is a spreadsheet, not a Spire backup." },
    { "sheet.ods", BYTES ("PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0"
                          "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
      "“sheet.ods” is a spreadsheet, not a Spire backup." },
    { "backup.zip", BYTES ("PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0b\0\0\0"
                           "backup.json"),
      "“backup.zip” is a ZIP archive, not a Spire backup." },
    { "photo.jpg", BYTES ("\xff\xd8\xff\xe0\0\x10JFIF\0\x01"),
      "“photo.jpg” is not a text file, so not a Spire backup." },
    { "empty.json", BYTES (""), "empty.json: line 1, column 1: the file is empty." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_auto (Run) run = { 0 };
      g_autoptr (GError) error = NULL;

      g_file_set_contents (path, files[i].data, (gssize) files[i].length, &error);
      g_assert_no_error (error);
      run_in (&run, dir, "-d", database, "import", path, NULL);
      assert_refused (&run);
      g_assert_nonnull (strstr (run.err, files[i].says));
      g_assert_null (strstr (run.err, "lexical"));
      assert_database_unchanged (dir, database, before);
    }
  {
    /* A database (as "spire-cli backup" makes one) is opened, not imported. */
    g_auto (Run) run = { 0 };
    g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);

    run_in (&run, dir, "-d", database, "backup", copy, NULL);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
    run_in (&run, dir, "-d", database, "import", copy, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "“copy.db” is a database, not a Spire backup."));
    assert_database_unchanged (dir, database, before);
  }
}

/* "a\u0000b" in a score sheet: json-glib made it "a" without a word. */
static void
test_sheet_nul_refused (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *before = export_without_time (dir, database);
  g_autofree char *sheet = g_build_filename (dir, "kari.json", NULL);
  g_auto (Run) run = { 0 };

  write_file (sheet, "{ \"format\": \"spire-score-sheet\", \"version\": 1,\n"
                     "  \"evaluator\": \"Kari\\u0000 Nordmann\" }\n");
  run_in (&run, dir, "-d", database, "package", "import", sheet, NULL);
  assert_refused (&run);
  g_assert_nonnull (strstr (run.err, "“kari.json” is not a valid score sheet: line 2, column "
                                     "21: a text may not hold a NUL character"));
  assert_database_unchanged (dir, database, before);
}

int
main (int argc, char **argv)
{
  if (!cli_fixture_init (&argc, &argv))
    return 1;

  g_test_add_func ("/cli/bad-input/write-over-database", test_write_over_database);
  g_test_add_func ("/cli/bad-input/full-disk-names-database", test_full_disk_names_database);
  g_test_add_func ("/cli/bad-input/device-refused", test_device_refused);
  g_test_add_func ("/cli/bad-input/csv-huge-value", test_csv_huge_value);
  g_test_add_func ("/cli/bad-input/huge-file-refused", test_huge_file_refused);
  g_test_add_func ("/cli/bad-input/not-a-backup", test_not_a_backup);
  g_test_add_func ("/cli/bad-input/sheet-nul-refused", test_sheet_nul_refused);

  return cli_fixture_run ();
}
