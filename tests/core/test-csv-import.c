/* test-csv-import.c — applications from a form tool's CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-helpers.h"

typedef struct
{
  char *dir;
  SpireStore *store;
  SpireRecord *program;
  SpireRecord *cohort;
  SpireRecord *body;
  SpireRecord *challenges[3];
} Fixture;

static const char *const challenge_titles[] = {
  "Smartere snømåking",
  "Trygg hjemmetjeneste",
  "Mindre matsvinn i skolen",
};

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_tmpdir_new ();
  path = g_build_filename (f->dir, "spire.db", NULL);
  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  spire_store_set_actor (f->store, "Test");

  f->program = test_make (f->store, &spire_kind_program, "name", "SmartOslo Accelerator",
                          "kind", "accelerator", "operator", "Oslo Business Region", NULL);
  f->cohort = test_make (f->store, &spire_kind_cohort, "program",
                         spire_record_get_uuid (f->program), "name", "Kull 2025", "phase",
                         "open", "seats", (gint64) 4, NULL);
  f->body = test_make (f->store, &spire_kind_public_body, "name", "Oslo kommune", "kind",
                       "municipality", "orgnr", "958935420", "kommunenummer", "0301", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (challenge_titles); i++)
    f->challenges[i] = test_make (f->store, &spire_kind_challenge, "cohort",
                                  spire_record_get_uuid (f->cohort), "owner",
                                  spire_record_get_uuid (f->body), "title", challenge_titles[i],
                                  NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->challenges); i++)
    g_clear_object (&f->challenges[i]);
  g_clear_object (&f->body);
  g_clear_object (&f->cohort);
  g_clear_object (&f->program);
  g_clear_object (&f->store);
  test_tmpdir_free (f->dir);
}

/* Helpers */

typedef struct
{
  gint64 startups, persons, applications, audit;
} Counts;

static Counts
count_all (SpireStore *store)
{
  g_autoptr (GPtrArray) audit = spire_store_list_audit (store, NULL, 0, NULL);
  Counts c = {
    spire_store_count (store, &spire_kind_startup, NULL, NULL),
    spire_store_count (store, &spire_kind_person, NULL, NULL),
    spire_store_count (store, &spire_kind_application, NULL, NULL),
    audit ? (gint64) audit->len : -1,
  };
  return c;
}

static void
assert_counts_equal (Counts a, Counts b)
{
  g_assert_cmpint (a.startups, ==, b.startups);
  g_assert_cmpint (a.persons, ==, b.persons);
  g_assert_cmpint (a.applications, ==, b.applications);
  g_assert_cmpint (a.audit, ==, b.audit);
}

static SpireCsvImport *
load (const char *text)
{
  g_autoptr (GError) error = NULL;
  SpireCsvImport *import = spire_csv_import_new_from_data (text, -1, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static SpireCsvImport *
load_file (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  SpireCsvImport *import = spire_csv_import_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static SpireCsvPreview *
prepare (Fixture *f, SpireCsvImport *import)
{
  g_autoptr (GError) error = NULL;
  SpireCsvPreview *preview = spire_csv_import_prepare (import, f->store,
                                                       spire_record_get_uuid (f->cohort), NULL,
                                                       &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

static void
assert_no_problems (SpireCsvPreview *preview)
{
  for (guint i = 0; i < preview->problems->len; i++)
    g_test_message ("problem: %s",
                    ((SpireCsvProblem *) g_ptr_array_index (preview->problems, i))->text);
  g_assert_cmpuint (preview->problems->len, ==, 0);
}

static void
commit_ok (Fixture *f, SpireCsvImport *import, SpireCsvCounts *stats)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                         stats, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static SpireRecord *
only_application_of (Fixture *f, const char *startup_name)
{
  g_autoptr (GPtrArray) startups = spire_store_list (f->store, &spire_kind_startup, "name",
                                                     startup_name, NULL);
  g_autoptr (GPtrArray) apps = NULL;

  g_assert_nonnull (startups);
  g_assert_cmpuint (startups->len, ==, 1);
  apps = spire_store_list (f->store, &spire_kind_application, "startup",
                           spire_record_get_uuid (g_ptr_array_index (startups, 0)), NULL);
  g_assert_cmpuint (apps->len, ==, 1);
  return g_object_ref (g_ptr_array_index (apps, 0));
}

static SpireRecord *
startup_by_orgnr (Fixture *f, const char *orgnr)
{
  g_autoptr (GPtrArray) found = spire_store_list (f->store, &spire_kind_startup, "orgnr", orgnr,
                                                  NULL);

  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
has_problem (SpireCsvPreview *preview, const char *text_part, const char *header)
{
  for (guint i = 0; i < preview->problems->len; i++)
    {
      SpireCsvProblem *p = g_ptr_array_index (preview->problems, i);

      if (strstr (p->text, text_part) && (header == NULL || g_strcmp0 (p->header, header) == 0))
        return TRUE;
    }
  return FALSE;
}

/* Reading */

static void
test_bom (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import =
    load ("\xEF\xBB\xBF" "Bedriftsnavn,Organisasjonsnummer,E-post\n"
          "Nordlys Teknologi AS,952601814,kari@nordlys.no\n");
  g_autoptr (SpireCsvPreview) preview = NULL;
  SpireCsvCounts stats;

  g_assert_cmpuint (spire_csv_import_get_n_columns (import), ==, 3);
  g_assert_cmpstr (spire_csv_import_get_column (import, 0), ==, "Bedriftsnavn");
  g_assert_cmpint (spire_csv_import_get_separator (import), ==, ',');
  g_assert_cmpuint (spire_csv_import_guess_mapping (import), ==, 3);
  g_assert_cmpstr (spire_csv_import_get_mapping (import, 0), ==, SPIRE_CSV_STARTUP_NAME);

  preview = prepare (f, import);
  assert_no_problems (preview);
  commit_ok (f, import, &stats);
  g_assert_cmpuint (stats.startups_new, ==, 1);
  g_assert_cmpuint (stats.applications_new, ==, 1);
}

static void
test_semicolon (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import =
    load ("Bedriftsnavn;Kort beskrivelse;Nettside\n"
          "Nordlys Teknologi AS;Rask, enkel og billig;nordlys.no\n"
          "\"Fjord; Lys AS\";\"Med \"\"sitat\"\"\";\n");
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) startup = NULL;

  g_assert_cmpint (spire_csv_import_get_separator (import), ==, ';');
  g_assert_cmpuint (spire_csv_import_get_n_columns (import), ==, 3);
  g_assert_cmpuint (spire_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpstr (spire_csv_import_get_value (import, 0, 1), ==, "Rask, enkel og billig");
  g_assert_cmpstr (spire_csv_import_get_value (import, 1, 0), ==, "Fjord; Lys AS");
  g_assert_cmpstr (spire_csv_import_get_value (import, 1, 1), ==, "Med \"sitat\"");
  g_assert_cmpstr (spire_csv_import_get_value (import, 1, 2), ==, "");

  spire_csv_import_guess_mapping (import);
  commit_ok (f, import, NULL);
  app = only_application_of (f, "Nordlys Teknologi AS");
  g_assert_cmpstr (spire_record_get_text (app, "pitch"), ==, "Rask, enkel og billig");
  {
    g_autoptr (GPtrArray) s = spire_store_list (f->store, &spire_kind_startup, "name",
                                                "Nordlys Teknologi AS", NULL);
    startup = g_object_ref (g_ptr_array_index (s, 0));
  }
  /* A web address without its scheme gets https:// */
  g_assert_cmpstr (spire_record_get_text (startup, "website"), ==, "https://nordlys.no");
}

static void
test_multiline (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import =
    load ("Bedriftsnavn,Løsning,E-post\n"
          "Nordlys Teknologi AS,\"Første linje\n"
          "Han sa \"\"hei\"\"\n"
          "\",kari@nordlys.no\n"
          "\n"
          "Fjordlys AS,Enkel,ola@fjordlys.no\n");
  g_autoptr (SpireRecord) app = NULL;

  g_assert_cmpuint (spire_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (spire_csv_import_get_row_line (import, 0), ==, 2);
  /* The first row spans lines 2–4, then a blank line */
  g_assert_cmpuint (spire_csv_import_get_row_line (import, 1), ==, 6);
  g_assert_cmpstr (spire_csv_import_get_value (import, 0, 1), ==,
                   "Første linje\nHan sa \"hei\"\n");

  spire_csv_import_guess_mapping (import);
  g_assert_cmpstr (spire_csv_import_get_mapping (import, 1), ==, SPIRE_CSV_APPLICATION_SOLUTION);
  commit_ok (f, import, NULL);
  app = only_application_of (f, "Nordlys Teknologi AS");
  /* Surrounding space (the last line break) goes, inner line breaks stay */
  g_assert_cmpstr (spire_record_get_text (app, "solution"), ==, "Første linje\nHan sa \"hei\"");
}

static void
test_crlf (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import =
    load ("Firma;Sammendrag;Epost\r\n"
          "Nordlys Teknologi AS;\"to\r\nlinjer\";kari@nordlys.no\r\n"
          "Fjordlys AS;en linje;ola@fjordlys.no\r\n");
  g_autoptr (SpireRecord) app = NULL;

  g_assert_cmpuint (spire_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpstr (spire_csv_import_get_column (import, 2), ==, "Epost");
  g_assert_cmpstr (spire_csv_import_get_value (import, 0, 1), ==, "to\nlinjer");
  g_assert_cmpstr (spire_csv_import_get_value (import, 1, 2), ==, "ola@fjordlys.no");
  g_assert_cmpuint (spire_csv_import_get_row_line (import, 1), ==, 4);

  spire_csv_import_guess_mapping (import);
  commit_ok (f, import, NULL);
  app = only_application_of (f, "Fjordlys AS");
  g_assert_cmpstr (spire_record_get_text (app, "pitch"), ==, "en linje");
}

static void
test_guess_mapping (void)
{
  static const struct
  {
    const char *header;
    const char *target;
  } cases[] = {
    { "Bedriftsnavn", SPIRE_CSV_STARTUP_NAME },
    { "ORG.NR.", SPIRE_CSV_STARTUP_ORGNR },
    { "Hjemmeside", SPIRE_CSV_STARTUP_WEBSITE },
    { "Kontaktperson", SPIRE_CSV_PERSON_NAME },
    { "E-post", SPIRE_CSV_PERSON_EMAIL },
    { "Mobil", SPIRE_CSV_PERSON_PHONE },
    { "Prosjekttittel", SPIRE_CSV_APPLICATION_TITLE },
    { "Kort beskrivelse", SPIRE_CSV_APPLICATION_PITCH },
    { "Beskrivelse av løsningen", SPIRE_CSV_APPLICATION_SOLUTION },
    { "Utfordring", SPIRE_CSV_APPLICATION_CHALLENGE },
    { "Tidspunkt", SPIRE_CSV_APPLICATION_SUBMITTED_AT },
    { "Hvor mange ansatte har dere?", NULL },
  };
  GString *csv = g_string_new (NULL);
  g_autoptr (SpireCsvImport) import = NULL;
  g_autoptr (SpireCsvImport) english = NULL;
  g_autoptr (SpireCsvImport) twice = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (csv, "%s\"%s\"", i ? "," : "", cases[i].header);
  g_string_append (csv, "\n");
  import = load (csv->str);
  g_string_free (csv, TRUE);

  g_assert_cmpuint (spire_csv_import_guess_mapping (import), ==, G_N_ELEMENTS (cases) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (spire_csv_import_get_mapping (import, i), ==, cases[i].target);

  /* English, odd case and accents, a note in parentheses */
  english = load ("COMPANY,Organisation number (9 digits),Website,Name,E-mail,Phone,Title,"
                  "Pitch,Solution,Challenge,Submitted,LØSNING\n");
  g_assert_cmpuint (spire_csv_import_guess_mapping (english), ==, 11);
  g_assert_cmpstr (spire_csv_import_get_mapping (english, 0), ==, SPIRE_CSV_STARTUP_NAME);
  g_assert_cmpstr (spire_csv_import_get_mapping (english, 1), ==, SPIRE_CSV_STARTUP_ORGNR);
  g_assert_cmpstr (spire_csv_import_get_mapping (english, 10), ==,
                   SPIRE_CSV_APPLICATION_SUBMITTED_AT);
  /* The second "solution" column is not mapped twice */
  g_assert_null (spire_csv_import_get_mapping (english, 11));
  g_assert_cmpint (spire_csv_import_find_column (english, "losning"), ==, 11);

  /* Setting a target moves it; unknown targets are refused */
  g_assert_true (spire_csv_import_set_mapping (english, 11, SPIRE_CSV_APPLICATION_SOLUTION));
  g_assert_null (spire_csv_import_get_mapping (english, 8));
  g_assert_cmpint (spire_csv_import_get_target_column (english, SPIRE_CSV_APPLICATION_SOLUTION),
                   ==, 11);
  g_assert_false (spire_csv_import_set_mapping (english, 0, "startup.shoe_size"));
  g_assert_cmpstr (spire_csv_import_get_mapping (english, 0), ==, SPIRE_CSV_STARTUP_NAME);
  g_assert_true (spire_csv_import_set_mapping (english, 0, NULL));
  g_assert_null (spire_csv_import_get_mapping (english, 0));

  /* "Navn" and "Kontaktperson": the first takes person.name */
  twice = load ("Firma;Navn;Kontaktperson\n");
  spire_csv_import_guess_mapping (twice);
  g_assert_cmpstr (spire_csv_import_get_mapping (twice, 1), ==, SPIRE_CSV_PERSON_NAME);
  g_assert_null (spire_csv_import_get_mapping (twice, 2));

  g_assert_nonnull (spire_csv_target_label (SPIRE_CSV_STARTUP_ORGNR));
  g_assert_null (spire_csv_target_label ("nothing"));
}

static void
test_parse_errors (void)
{
  g_autoptr (GError) error = NULL;
  SpireCsvImport *import;

  import = spire_csv_import_new_from_data ("a,b\n1,2\n3,\"open\n4,5\n", -1, "x.csv", &error);
  g_assert_null (import);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  import = spire_csv_import_new_from_data ("a,b\n1,2\n3,x\"y\n", -1, "x.csv", &error);
  g_assert_null (import);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  import = spire_csv_import_new_from_data ("", 0, "x.csv", &error);
  g_assert_null (import);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_clear_error (&error);

  import = spire_csv_import_new_from_data ("PK\003\004\000\000", 6, "x.xlsx", &error);
  g_assert_null (import);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
  g_clear_error (&error);

  /* Windows-1252 from an old Excel */
  import = spire_csv_import_new_from_data ("Bedriftsnavn;L\xf8" "sning\nBl\xe5" "b\xe6" "r AS;x\n", -1,
                                           "x.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_csv_import_get_column (import, 1), ==, "Løsning");
  g_assert_cmpstr (spire_csv_import_get_value (import, 0, 0), ==, "Blåbær AS");
  g_object_unref (import);
}

/* Checking */

static void
test_wrong_column_count (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import =
    load ("Bedriftsnavn,Kort beskrivelse,E-post\n"
          "Nordlys AS,Snø,kari@nordlys.no\n"
          "Fjordlys AS,Is, og vann,ola@fjordlys.no\n"
          "Polarlys AS,Mat,ingrid@polarlys.no\n"
          "Trailing AS,Mat,per@trailing.no,,\n");
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  Counts before = count_all (f->store);
  SpireCsvProblem *problem;

  spire_csv_import_guess_mapping (import);
  preview = prepare (f, import);
  g_assert_cmpuint (preview->problems->len, ==, 1);
  problem = g_ptr_array_index (preview->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpint (problem->column, ==, -1);
  g_assert_nonnull (strstr (problem->text, "line 3"));
  g_assert_nonnull (strstr (problem->text, "4 values"));
  g_assert_cmpuint (((SpireCsvRow *) g_ptr_array_index (preview->rows, 1))->n_problems, ==, 1);
  /* The sound rows are still previewed; empty values past the end do no harm */
  g_assert_cmpuint (preview->counts.applications_new, ==, 3);

  g_assert_false (spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                           NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 3"));
  assert_counts_equal (before, count_all (f->store));
}

static void
test_bad_orgnr_line_7 (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import = load_file ("applications-bad-orgnr.csv");
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  Counts before = count_all (f->store);
  SpireCsvProblem *problem;

  g_assert_cmpint (spire_csv_import_get_separator (import), ==, ';');
  g_assert_cmpuint (spire_csv_import_guess_mapping (import), ==, 6);
  preview = prepare (f, import);
  g_assert_cmpuint (preview->problems->len, ==, 1);
  problem = g_ptr_array_index (preview->problems, 0);
  g_test_message ("%s", problem->text);
  g_assert_cmpuint (problem->line, ==, 7);
  g_assert_cmpstr (problem->header, ==, "Organisasjonsnummer");
  g_assert_nonnull (strstr (problem->text, "line 7"));
  g_assert_nonnull (strstr (problem->text, "Organisasjonsnummer"));
  g_assert_nonnull (strstr (problem->text, "check digit"));
  g_assert_cmpuint (preview->counts.applications_new, ==, 5);

  g_assert_false (spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                           NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 7"));
  g_assert_nonnull (strstr (error->message, "1 problem"));
  assert_counts_equal (before, count_all (f->store));
}

static void
test_other_problems (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import =
    load ("Bedriftsnavn,Organisasjonsnummer,E-post,Utfordring,Innsendt,Nettside\n"
          "Nordlys AS,,kari@@nordlys,Smartere snømåking,01.02.2025,\n"          /* 2 */
          "Fjordlys AS,,ola@fjordlys.no,Raskere brøyting,01.02.2025,\n"         /* 3 */
          "Polarlys AS,,ingrid@polarlys.no,,02/01/2025,\n"                     /* 4 */
          ",,per@vidde.no,,,\n"                                               /* 5 */
          ",959083010,siri@x.no,,,\n"                                         /* 6 */
          "Havbris AS,,lars@havbris.no,,,ikke en adresse\n");                 /* 7 */
  g_autoptr (SpireCsvPreview) preview = NULL;

  spire_csv_import_guess_mapping (import);
  preview = prepare (f, import);
  for (guint i = 0; i < preview->problems->len; i++)
    g_test_message ("%s", ((SpireCsvProblem *) g_ptr_array_index (preview->problems, i))->text);
  g_assert_cmpuint (preview->problems->len, ==, 6);
  g_assert_true (has_problem (preview, "line 2", "E-post"));
  /* An unknown challenge names the title (and the cohort's challenges) */
  g_assert_true (has_problem (preview, "line 3", "Utfordring"));
  g_assert_true (has_problem (preview, "“Raskere brøyting”", "Utfordring"));
  g_assert_true (has_problem (preview, "“Smartere snømåking”", "Utfordring"));
  g_assert_true (has_problem (preview, "line 4", "Innsendt"));
  /* No name, no orgnr Spire knows */
  g_assert_true (has_problem (preview, "line 5", "Bedriftsnavn"));
  g_assert_true (has_problem (preview, "line 6", "Bedriftsnavn"));
  g_assert_true (has_problem (preview, "line 7", "Nettside"));
  g_assert_cmpuint (preview->counts.applications_new, ==, 0);
}

static void
test_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) import =
    load ("Bedriftsnavn,Innsendt\n"
          "Vinter AS,03.02.2025 14:05\n"
          "Sommer AS,2025-06-03T14:05:00+02:00\n"
          "Dag AS,2025-06-03\n"
          "Sekunder AS,2025-02-03 14:05:30\n"
          "Kort AS,3.2.2025\n"
          "Utc AS,2025-02-03T14:05:00Z\n");
  static const struct
  {
    const char *startup, *expected;
  } cases[] = {
    { "Vinter AS", "2025-02-03T13:05:00Z" },   /* Oslo in winter: UTC+1 */
    { "Sommer AS", "2025-06-03T12:05:00Z" },   /* the offset given */
    { "Dag AS", "2025-06-02T22:00:00Z" },      /* a day: its start in Oslo (UTC+2) */
    { "Sekunder AS", "2025-02-03T13:05:30Z" },
    { "Kort AS", "2025-02-02T23:00:00Z" },
    { "Utc AS", "2025-02-03T14:05:00Z" },
  };

  spire_csv_import_guess_mapping (import);
  {
    g_autoptr (SpireCsvPreview) preview = prepare (f, import);

    assert_no_problems (preview);
    g_assert_cmpstr (((SpireCsvRow *) g_ptr_array_index (preview->rows, 0))->submitted_at, ==,
                     "2025-02-03T13:05:00Z");
  }
  commit_ok (f, import, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (SpireRecord) app = only_application_of (f, cases[i].startup);

      g_assert_cmpstr (spire_record_get_text (app, "submitted_at"), ==, cases[i].expected);
    }
}

static void
test_title (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireCsvImport) no_title =
    load ("Bedriftsnavn,Utfordring\nNordlys AS,smartere SNØMÅKING\n");
  g_autoptr (SpireCsvImport) with_title =
    load ("Bedriftsnavn,Tittel\nFjordlys AS,Brøyting med droner\nPolarlys AS,\n");
  g_autoptr (SpireRecord) a = NULL;
  g_autoptr (SpireRecord) b = NULL;
  g_autoptr (SpireRecord) c = NULL;

  spire_csv_import_guess_mapping (no_title);
  commit_ok (f, no_title, NULL);
  a = only_application_of (f, "Nordlys AS");
  g_assert_cmpstr (spire_record_get_text (a, "title"), ==, "Nordlys AS");
  g_assert_cmpstr (spire_record_get_text (a, "status"), ==, "received");
  /* The challenge is found whatever the case */
  g_assert_cmpstr (spire_record_get_text (a, "challenge"), ==,
                   spire_record_get_uuid (f->challenges[0]));
  g_assert_null (spire_record_get_text (a, "contact"));

  spire_csv_import_guess_mapping (with_title);
  commit_ok (f, with_title, NULL);
  b = only_application_of (f, "Fjordlys AS");
  g_assert_cmpstr (spire_record_get_text (b, "title"), ==, "Brøyting med droner");
  c = only_application_of (f, "Polarlys AS");
  g_assert_cmpstr (spire_record_get_text (c, "title"), ==, "Polarlys AS");
}

static void
test_known_startup (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) known = test_make (f->store, &spire_kind_startup, "name",
                                             "Nordlys Teknologi AS", "orgnr", "952601814", NULL);
  g_autoptr (SpireRecord) after = NULL;
  g_autoptr (SpireCsvImport) import =
    /* Two applications of one startup have titles of their own (/csv-import/row-twice) */
    load ("Selskap;Org.nr;Nettside;Navn;E-post;Telefon;Tittel\n"
          "NORDLYS TEKNOLOGI;952 601 814;www.nordlys.no;Kari Nordmann;kari@nordlys.no;;Snøkart\n"
          "Nordlys;952601814;;Kari N.;KARI@nordlys.no;+47 900 00 000;Isvarsel\n"
          "Ny AS;959083010;;Ola;ola@ny.no;;Ruter\n"
          "Ny Bedrift AS;959 083 010;;Ola;ola@ny.no;;Kart\n");
  g_autoptr (SpireCsvPreview) preview = NULL;
  SpireCsvCounts stats;
  SpireCsvRow *row;
  Counts before;

  spire_csv_import_guess_mapping (import);
  preview = prepare (f, import);
  assert_no_problems (preview);
  g_assert_cmpuint (preview->counts.startups_known, ==, 1);
  g_assert_cmpuint (preview->counts.startups_completed, ==, 1);
  /* Two rows of one new orgnr make one startup */
  g_assert_cmpuint (preview->counts.startups_new, ==, 1);
  g_assert_cmpuint (preview->counts.persons_new, ==, 2);
  g_assert_cmpuint (preview->counts.applications_new, ==, 4);
  row = g_ptr_array_index (preview->rows, 0);
  g_assert_cmpint (row->startup, ==, SPIRE_CSV_MATCH_KNOWN);
  g_assert_cmpstr (row->startup_name, ==, "Nordlys Teknologi AS");
  g_assert_cmpint (row->person, ==, SPIRE_CSV_MATCH_NEW);
  row = g_ptr_array_index (preview->rows, 1);
  g_assert_cmpint (row->person, ==, SPIRE_CSV_MATCH_EARLIER);
  row = g_ptr_array_index (preview->rows, 2);
  g_assert_cmpint (row->startup, ==, SPIRE_CSV_MATCH_NEW);
  row = g_ptr_array_index (preview->rows, 3);
  g_assert_cmpint (row->startup, ==, SPIRE_CSV_MATCH_EARLIER);
  g_assert_cmpstr (row->startup_name, ==, "Ny AS");
  {
    g_autofree char *text = spire_csv_preview_describe (preview);
    g_assert_nonnull (strstr (text, "1 new startup"));
  }

  before = count_all (f->store);
  commit_ok (f, import, &stats);
  g_assert_cmpuint (stats.startups_known, ==, 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, NULL, NULL), ==,
                   before.startups + 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_person, NULL, NULL), ==,
                   before.persons + 2);

  /* Not duplicated; its empty website filled in, its name kept */
  after = startup_by_orgnr (f, "952601814");
  g_assert_cmpstr (spire_record_get_uuid (after), ==, spire_record_get_uuid (known));
  g_assert_cmpstr (spire_record_get_text (after, "name"), ==, "Nordlys Teknologi AS");
  g_assert_cmpstr (spire_record_get_text (after, "website"), ==, "https://www.nordlys.no");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_application, "startup",
                                     spire_record_get_uuid (known)), ==, 2);
  /* The reused person got the phone from the second row */
  {
    g_autoptr (GPtrArray) people = spire_store_list (f->store, &spire_kind_person, "startup",
                                                     spire_record_get_uuid (known), NULL);

    g_assert_cmpuint (people->len, ==, 1);
    g_assert_cmpstr (spire_record_get_text (g_ptr_array_index (people, 0), "phone"), ==,
                     "+47 900 00 000");
    g_assert_cmpstr (spire_record_get_text (g_ptr_array_index (people, 0), "organisation"), ==,
                     "Nordlys Teknologi AS");
  }

  /* Importing it again adds nothing */
  {
    g_autoptr (SpireCsvPreview) again = prepare (f, import);
    Counts c = count_all (f->store);

    g_assert_cmpuint (again->counts.applications_new, ==, 0);
    g_assert_cmpuint (again->counts.applications_known, ==, 4);
    g_assert_cmpuint (again->counts.startups_new, ==, 0);
    g_assert_cmpuint (again->counts.persons_new, ==, 0);
    commit_ok (f, import, &stats);
    g_assert_cmpint (count_all (f->store).applications, ==, c.applications);
    g_assert_cmpint (count_all (f->store).startups, ==, c.startups);
  }
}

/* nettskjema-80.csv: its columns and the mapping guessed */
static void
nettskjema_mapping (SpireCsvImport *import)
{
  g_assert_cmpuint (spire_csv_import_get_n_rows (import), ==, 80);
  g_assert_cmpuint (spire_csv_import_get_n_columns (import), ==, 14);
  g_assert_cmpstr (spire_csv_import_get_column (import, 0), ==, "$submission_id");
  g_assert_cmpuint (spire_csv_import_guess_mapping (import), ==, 10);
  g_assert_cmpstr (spire_csv_import_get_mapping (import, 1), ==,
                   SPIRE_CSV_APPLICATION_SUBMITTED_AT);
  g_assert_null (spire_csv_import_get_mapping (import, 0));
  g_assert_null (spire_csv_import_get_mapping (import, 12));
}

/* Its preview and commit: what was added (@before: the counts before),
 * with one audit entry for all of it */
static void
nettskjema_commit (Fixture *f, SpireCsvImport *import, Counts before)
{
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  SpireCsvCounts stats;
  gint64 t0;

  t0 = g_get_monotonic_time ();
  preview = prepare (f, import);
  assert_no_problems (preview);
  g_assert_cmpuint (preview->counts.rows, ==, 80);
  g_assert_cmpuint (preview->counts.startups_new, ==, 72);
  g_assert_cmpuint (preview->counts.startups_known, ==, 2);
  g_assert_cmpuint (preview->counts.startups_completed, ==, 1);
  g_assert_cmpuint (preview->counts.persons_new, ==, 77);
  g_assert_cmpuint (preview->counts.applications_new, ==, 80);
  g_assert_cmpuint (preview->rows->len, ==, 80);

  {
    g_autoptr (GError) error = NULL;

    g_assert_true (spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                            &stats, NULL, NULL, NULL,
                                            &error));
    g_assert_no_error (error);
  }
  g_test_message ("80 rows: prepare + commit in %.1f ms",
                  (g_get_monotonic_time () - t0) / 1000.0);

  g_assert_cmpuint (stats.applications_new, ==, 80);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, NULL, NULL), ==,
                   before.startups + 72);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_person, NULL, NULL), ==,
                   before.persons + 77);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_application, "cohort",
                                      spire_record_get_uuid (f->cohort)), ==, 80);
  /* Exactly one audit entry for all of it */
  audit = spire_store_list_audit (f->store, NULL, 0, NULL);
  g_assert_cmpuint (audit->len, ==, before.audit + 1);
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (audit, 0), "action"), ==,
                   "import-csv");
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (audit, 0), "entity"), ==, "cohort");
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (audit, 0), "entity_uuid"), ==,
                   spire_record_get_uuid (f->cohort));
  g_assert_nonnull (strstr (g_hash_table_lookup (g_ptr_array_index (audit, 0), "after"),
                            "nettskjema-80.csv"));
}

/* The first row, in full: Nordlys's application, its contact and the
 * columns kept in "extra" */
static void
nettskjema_first_row (Fixture *f)
{
  g_autoptr (SpireRecord) first = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *extra;

  {
    g_autoptr (GPtrArray) s = spire_store_list (f->store, &spire_kind_startup, "orgnr",
                                                "969316617", NULL);
    g_autoptr (GPtrArray) apps = NULL;

    g_assert_cmpuint (s->len, ==, 1);
    g_assert_cmpstr (spire_record_get_text (g_ptr_array_index (s, 0), "name"), ==,
                     "Nordlys Teknologi AS");
    apps = spire_store_list (f->store, &spire_kind_application, "startup",
                             spire_record_get_uuid (g_ptr_array_index (s, 0)), NULL);
    /* Nordlys applied to two challenges, with the same contact */
    g_assert_cmpuint (apps->len, ==, 2);
    g_assert_cmpstr (spire_record_get_text (g_ptr_array_index (apps, 0), "contact"), ==,
                     spire_record_get_text (g_ptr_array_index (apps, 1), "contact"));
    for (guint i = 0; i < apps->len; i++)
      if (g_strcmp0 (spire_record_get_text (g_ptr_array_index (apps, i), "submitted_at"),
                     "2025-02-01T07:00:00Z") == 0)
        first = g_object_ref (g_ptr_array_index (apps, i));
  }
  g_assert_nonnull (first);
  g_assert_cmpstr (spire_record_get_text (first, "title"), ==, "Nordlys Teknologi AS");
  g_assert_cmpstr (spire_record_get_text (first, "challenge"), ==,
                   spire_record_get_uuid (f->challenges[0]));
  g_assert_nonnull (strstr (spire_record_get_text (first, "pitch"),
                            "tilbakemeldinger:\n\"Endelig noe som virker!\""));
  g_assert_true (g_str_has_prefix (spire_record_get_text (first, "solution"),
                                   "Løsningen består av tre deler:\n1. Sensorer"));
  {
    g_autoptr (SpireRecord) contact = spire_store_get (f->store, &spire_kind_person,
                                                       spire_record_get_text (first, "contact"),
                                                       NULL);

    g_assert_cmpstr (spire_record_get_text (contact, "name"), ==, "Kari Nordmann");
    g_assert_cmpstr (spire_record_get_text (contact, "email"), ==,
                     "kari.nordmann@nordlysteknologi.no");
    g_assert_cmpstr (spire_record_get_text (contact, "phone"), ==, "+47 900 00 000");
  }
  g_assert_true (json_parser_load_from_data (parser, spire_record_get_text (first, "extra"), -1,
                                             NULL));
  extra = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (extra), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (extra, "$submission_id"), ==, "1000000");
  g_assert_cmpstr (json_object_get_string_member (extra, "Hvor langt har dere kommet?"), ==,
                   "Idé");
  g_assert_cmpstr (json_object_get_string_member (extra, "Hvordan hørte du om programmet?"), ==,
                   "LinkedIn");
  g_assert_false (json_object_has_member (extra, "Antall ansatte"));
}

static void
test_nettskjema_80 (Fixture *f, gconstpointer data)
{
  g_autoptr (SpireRecord) granitt = test_make (f->store, &spire_kind_startup, "name",
                                               "Granitt Teknologi AS", "orgnr", "954518248",
                                               "website", "https://granitt.example.no", NULL);
  g_autoptr (SpireRecord) elvekraft = test_make (f->store, &spire_kind_startup, "name",
                                                 "ELVEKRAFT TEKNOLOGI AS", "orgnr", "984920598",
                                                 NULL);
  g_autoptr (SpireCsvImport) import = load_file ("nettskjema-80.csv");
  g_autoptr (SpireRecord) after = NULL;
  Counts before = count_all (f->store);

  nettskjema_mapping (import);
  nettskjema_commit (f, import, before);
  nettskjema_first_row (f);

  /* The known startups were reused: one keeps its website, one gets it */
  after = startup_by_orgnr (f, "954518248");
  g_assert_cmpstr (spire_record_get_uuid (after), ==, spire_record_get_uuid (granitt));
  g_assert_cmpstr (spire_record_get_text (after, "website"), ==, "https://granitt.example.no");
  g_clear_object (&after);
  after = startup_by_orgnr (f, "984920598");
  g_assert_cmpstr (spire_record_get_text (after, "website"), ==,
                   "https://www.elvekraftteknologi.no");
  (void) elvekraft;
}

static void
on_progress_cb (double fraction, gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
on_progress_cancel_cb (double fraction, gpointer data)
{
  if (fraction > 0.2)
    g_cancellable_cancel (data);
}

static char *
make_big_csv (guint n)
{
  GString *s = g_string_new ("Bedriftsnavn;Organisasjonsnummer;Kontaktperson;E-post;Utfordring;"
                             "Innsendt;Kort beskrivelse;Hva trenger dere?\r\n");

  for (guint i = 0; i < n; i++)
    {
      char eight[9];
      int check;
      guint k = i;

      /* A valid orgnr for each row */
      do
        {
          g_snprintf (eight, sizeof eight, "9%07u", k);
          check = spire_orgnr_check_digit (eight);
          k += 100000;
        }
      while (check < 0);
      g_string_append_printf (s, "Bedrift nummer %u AS;%s%d;Person %u;person%u@bedrift%u.no;%s;"
                                 "%02u.03.2025 %02u:%02u;\"Linje én\nlinje to, med \"\"sitat\"\"\";"
                                 "Pilot med kommunen\r\n",
                              i, eight, check, i, i, i, challenge_titles[i % 3], 1 + i % 28,
                              8 + i % 10, i % 60);
    }
  return g_string_free (s, FALSE);
}

static void
test_progress_and_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *text = make_big_csv (500);
  g_autoptr (SpireCsvImport) import = load (text);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Counts before = count_all (f->store);
  double last = -1;

  spire_csv_import_guess_mapping (import);
  g_assert_false (spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                           NULL, on_progress_cancel_cb, cancellable,
                                           cancellable, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  assert_counts_equal (before, count_all (f->store));

  /* An unknown cohort */
  g_clear_error (&error);
  g_assert_null (spire_csv_import_prepare (import, f->store,
                                           "00000000-0000-4000-8000-000000000000", NULL,
                                           &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                          NULL, on_progress_cb, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (count_all (f->store).applications, ==, before.applications + 500);
}

static void
test_ten_thousand (Fixture *f, gconstpointer data)
{
  guint n = 10000;
  g_autofree char *text = make_big_csv (n);
  g_autoptr (SpireCsvImport) import = NULL;
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  gint64 t0, t1, t2, t3, t4;

  t0 = g_get_monotonic_time ();
  import = load (text);
  t1 = g_get_monotonic_time ();
  g_assert_cmpuint (spire_csv_import_get_n_rows (import), ==, n);
  g_assert_cmpuint (spire_csv_import_get_row_line (import, n - 1), ==, 2 + 2 * (n - 1));
  spire_csv_import_guess_mapping (import);
  preview = prepare (f, import);
  assert_no_problems (preview);
  t2 = g_get_monotonic_time ();
  g_assert_true (spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                          NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  t3 = g_get_monotonic_time ();
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_application, NULL, NULL), ==, n);

  /* The same file again: everything is known, nothing to write */
  g_clear_pointer (&preview, spire_csv_preview_unref);
  preview = prepare (f, import);
  t4 = g_get_monotonic_time ();
  assert_no_problems (preview);
  g_assert_cmpuint (preview->counts.applications_known, ==, n);
  g_assert_cmpuint (preview->counts.startups_known, ==, n);
  g_assert_cmpuint (preview->counts.applications_new, ==, 0);

  g_test_message ("%u rows: read %.0f ms, prepare %.0f ms, commit (prepare + write) %.0f ms, "
                  "prepare again (all known) %.0f ms",
                  n, (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t3 - t2) / 1000.0,
                  (t4 - t3) / 1000.0);
  if (g_getenv ("SPIRE_TEST_TIMINGS"))
    g_printerr ("%u rows: read %.0f ms, prepare %.0f ms, commit (prepare + write) %.0f ms, "
                "prepare again (all known) %.0f ms\n",
                n, (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t3 - t2) / 1000.0,
                (t4 - t3) / 1000.0);
}

/* A row twice (a form sent twice) made two applications, which the next
 * import of the same file then found "already in the cohort". */
static void
test_row_twice (Fixture *f, gconstpointer data)
{
  const char *text = "Bedriftsnavn,Organisasjonsnummer,E-post,Utfordring\n"
                     "Nordlys AS,952601814,kari@nordlys.no,Smartere snømåking\n" /* 2 */
                     "Fjordlys AS,,ola@fjordlys.no,Smartere snømåking\n"         /* 3 */
                     "Nordlys AS,952 601 814,kari@nordlys.no,Smartere snømåking\n" /* 4 */
                     "Nordlys AS,952601814,kari@nordlys.no,Trygg hjemmetjeneste\n"; /* 5 */
  g_autoptr (SpireCsvImport) import = load (text);
  g_autoptr (SpireCsvPreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  Counts before = count_all (f->store);

  spire_csv_import_guess_mapping (import);
  preview = prepare (f, import);
  g_assert_cmpuint (preview->problems->len, ==, 1);
  g_assert_true (has_problem (preview, "line 4: the same application as on line 2", NULL));
  g_assert_false (spire_csv_import_commit (import, f->store, spire_record_get_uuid (f->cohort),
                                           NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  assert_counts_equal (before, count_all (f->store));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/csv-import/bom", test_bom);
  ADD ("/csv-import/semicolon", test_semicolon);
  ADD ("/csv-import/multiline", test_multiline);
  ADD ("/csv-import/crlf", test_crlf);
  g_test_add_func ("/csv-import/guess-mapping", test_guess_mapping);
  g_test_add_func ("/csv-import/parse-errors", test_parse_errors);
  ADD ("/csv-import/row-twice", test_row_twice);
  ADD ("/csv-import/wrong-column-count", test_wrong_column_count);
  ADD ("/csv-import/bad-orgnr-line-7", test_bad_orgnr_line_7);
  ADD ("/csv-import/other-problems", test_other_problems);
  ADD ("/csv-import/dates", test_dates);
  ADD ("/csv-import/title", test_title);
  ADD ("/csv-import/known-startup", test_known_startup);
  ADD ("/csv-import/nettskjema-80", test_nettskjema_80);
  ADD ("/csv-import/progress-and-cancel", test_progress_and_cancel);
  ADD ("/csv-import/ten-thousand", test_ten_thousand);
#undef ADD

  return g_test_run ();
}
