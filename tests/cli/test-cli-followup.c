/* test-cli-followup.c — runs the built spire-cli as a user would: deals, funnel and impact, reports, privacy, the audit trail and innsyn
 * (what the tests share, and the environment, in cli-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#define _GNU_SOURCE
#include "config.h"

#include "cli-fixture.h"

/* Tests */

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

/* The program of @cohort, which the cohort list must hold. */
static char *
cohort_program (const char *dir, const char *database, const char *cohort)
{
  g_autoptr (JsonNode) cohorts = list_json (dir, database, "cohorts", NULL);
  JsonArray  *array = json_node_get_array (cohorts);
  const char *program = NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *c = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (c, "uuid"), cohort))
        program = json_object_get_string_member (c, "program");
    }
  g_assert_nonnull (program);
  return g_strdup (program);
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
    g_autofree char *program = cohort_program (dir, database, cohort);
    g_auto (Run) run = { 0 };
    g_autoptr (JsonNode) impact = NULL;

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

/* What the steps of /cli/report share: the demo database, one decided
 * cohort, its ranking and funnel, and the first ranked application that has
 * a criterion mean.  test_report calls each report_* step in order. */
typedef struct
{
  const char *dir;
  const char *database;
  const char *cohort;
  const char *path;      /* where each report is written */
  const char *pdftotext; /* NULL: the texts of the PDFs are not checked */
  JsonNode   *ranking;
  JsonNode   *funnel;
  JsonObject *row; /* in ranking */
  const char *application;
  double      mean;
} Report;

/* The ranking and the funnel of the cohort, and the first ranked
 * application with a mean. */
static void
report_read (Report *r)
{
  {
    g_auto (Run) run = { 0 };

    run_in (&run, r->dir, "-d", r->database, "rank", "--cohort", r->cohort, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    r->ranking = parse_json (run.out);
    run_clear (&run);
    run_in (&run, r->dir, "-d", r->database, "funnel", "--cohort", r->cohort, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    r->funnel = parse_json (run.out);
  }
  {
    JsonArray *apps =
        json_object_get_array_member (json_node_get_object (r->ranking), "applications");

    for (guint i = 0; i < json_array_get_length (apps) && r->row == NULL; i++)
      {
        JsonObject *a = json_array_get_object_element (apps, i);
        JsonArray *criteria = json_object_get_array_member (a, "criteria");

        for (guint c = 0; c < json_array_get_length (criteria); c++)
          {
            JsonNode *m = json_object_get_member (json_array_get_object_element (criteria, c),
                                                  "mean");

            if (!JSON_NODE_HOLDS_NULL (m))
              {
                r->mean = json_node_get_double (m);
                r->row = a;
                break;
              }
          }
      }
  }
  g_assert_nonnull (r->row);
  r->application = json_object_get_string_member (r->row, "application");
}

/* The cohort report and a letter in each language, whatever the
 * environment's language. */
static void
report_languages (Report *r)
{
  static const char *const langs[] = { "nb", "nn", "en" };
  static const char *const other[] = { "en", "nb", "nn" };
  static const char *const first[] = { "Side 1 av", "Side 1 av", "Page 1 of" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *letter = g_build_filename (r->dir, "letter.pdf", NULL);
      const char      *cohort_args[] = { "-d",       r->database, "report", "cohort",
                                         "--cohort", r->cohort,   "--lang", langs[i],
                                         "-o",       r->path,     NULL };
      const char      *letter_args[] = {
             "-d",     r->database, "report", "letter", "--application", r->application, "--lang",
             langs[i], "-o",        letter,   NULL
      };
      g_auto (Run) run = { 0 };

      run_report (&run, r->dir, other[i], cohort_args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (r->path, G_FILE_TEST_IS_REGULAR));
      run_clear (&run);
      run_report (&run, r->dir, other[i], letter_args);
      g_assert_cmpint (run.status, ==, 0);
      if (r->pdftotext != NULL)
        {
          g_autofree char *text = cli_pdf_text (r->path);
          g_autofree char *letter_text = cli_pdf_text (letter);
          SpireLanguage lang = spire_language_from_code (langs[i]);
          g_autofree char *applied = g_strdup_printf (
              "\n%" G_GINT64_FORMAT "\n",
              json_object_get_int_member (json_node_get_object (r->funnel), "applied"));
          g_autofree char *score = spire_format_number (r->mean, 2, lang);

          g_assert_nonnull (strstr (text, first[i]));
          g_assert_nonnull (strstr (text, applied));
          g_assert_nonnull (strstr (letter_text, first[i]));
          g_assert_nonnull (strstr (letter_text, score));
          g_assert_nonnull (
              strstr (letter_text, json_object_get_string_member (r->row, "startup")));
        }
      g_unlink (letter);
      g_unlink (r->path);
    }
}

/* Without --lang: the environment's language */
static void
report_default_language (Report *r)
{
  const char *args[] = { "-d",      r->database, "report", "cohort", "--cohort",
                         r->cohort, "-o",        r->path,  NULL };
  g_auto (Run) run = { 0 };

  run_report (&run, r->dir, "nn", args);
  g_assert_cmpint (run.status, ==, 0);
  if (r->pdftotext != NULL)
    {
      g_autofree char *text = cli_pdf_text (r->path);

      g_assert_nonnull (strstr (text, "Nøkkeltal"));
    }
  g_unlink (r->path);
}

/* An unknown UUID or language: exit 1 and no file */
static void
report_unknown (Report *r)
{
  const char *unknown_cohort[] = { "-d",     r->database, "report",
                                   "cohort", "--cohort",  "00000000-0000-4000-8000-000000000000",
                                   "-o",     r->path,     NULL };
  const char *unknown_application[] = {
    "-d", r->database, "report", "letter", "--application", "00000000-0000-4000-8000-000000000000",
    "-o", r->path,     NULL
  };
  const char *unknown_lang[] = { "-d",     r->database, "report", "cohort", "--cohort", r->cohort,
                                 "--lang", "sv",        "-o",     r->path,  NULL };
  const char *const *cases[] = { unknown_cohort, unknown_application, unknown_lang };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_report (&run, r->dir, NULL, cases[i]);
      assert_refused (&run);
      g_assert_false (g_file_test (r->path, G_FILE_TEST_EXISTS));
    }
}

/* The impact report and the reference sheet */
static void
report_impact_and_reference (Report *r)
{
  g_autofree char *program = cohort_program (r->dir, r->database, r->cohort);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (GPtrArray) solutions = NULL;

  store = spire_store_open (r->database, &error);
  g_assert_no_error (error);
  solutions = spire_store_list (store, &spire_kind_solution, NULL, NULL, &error);
  g_assert_cmpuint (solutions->len, >, 0);
  {
    const char *impact[] = { "-d",     r->database, "report", "impact", "--program", program,
                             "--lang", "nn",        "-o",     r->path,  NULL };
    const char *reference[] = {
      "-d",        r->database,  "report",
      "reference", "--solution", spire_record_get_uuid (g_ptr_array_index (solutions, 0)),
      "--lang",    "en",         "-o",
      r->path,     NULL
    };
    const char *unknown[] = { "-d",        r->database,  "report",
                              "reference", "--solution", "00000000-0000-4000-8000-000000000000",
                              "-o",        r->path,      NULL };
    g_auto (Run) run = { 0 };

    run_report (&run, r->dir, "en", impact);
    g_assert_cmpint (run.status, ==, 0);
    if (r->pdftotext != NULL)
      {
        g_autofree char *text = cli_pdf_text (r->path);

        g_assert_nonnull (strstr (text, "Effektrapport"));
      }
    g_unlink (r->path);
    run_clear (&run);
    run_report (&run, r->dir, "nb", reference);
    g_assert_cmpint (run.status, ==, 0);
    if (r->pdftotext != NULL)
      {
        g_autofree char *text = cli_pdf_text (r->path);

        g_assert_nonnull (strstr (text, "Reference sheet"));
      }
    g_unlink (r->path);
    run_clear (&run);
    run_report (&run, r->dir, NULL, unknown);
    assert_refused (&run);
    g_assert_false (g_file_test (r->path, G_FILE_TEST_EXISTS));
  }
}

/* Letters: one PDF per rejected application, named by its applicant */
static void
report_letters (Report *r)
{
  g_autofree char *out = g_build_filename (r->dir, "letters", NULL);
  const char      *args[] = { "-d",      r->database, "report",   "letters", "--cohort",
                              r->cohort, "--status",  "rejected", "--lang",  "nn",
                              "-o",      out,         NULL };
  g_autoptr (JsonNode) apps = list_json (r->dir, r->database, "applications", r->cohort);
  JsonArray *array = json_node_get_array (apps);
  g_auto (Run) run = { 0 };
  guint rejected = 0, files = 0;
  g_autoptr (GDir) d = NULL;
  const char *name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    rejected += g_str_equal (
        json_object_get_string_member (json_array_get_object_element (array, i), "status"),
        "rejected");
  run_report (&run, r->dir, "en", args);
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

static void
test_report (void)
{
  static const char *const decided[] = { "follow_up", "closed", NULL };
  g_autofree char         *dir = test_dir ();
  g_autofree char         *database = demo_database (dir);
  g_autofree char         *cohort = demo_cohort (dir, database, decided);
  g_autofree char         *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char         *pdftotext = g_find_program_in_path ("pdftotext");
  Report                   r = { .dir = dir,
                                 .database = database,
                                 .cohort = cohort,
                                 .path = path,
                                 .pdftotext = pdftotext,
                                 .mean = NAN };

  report_read (&r);
  report_languages (&r);
  report_default_language (&r);
  report_unknown (&r);
  report_impact_and_reference (&r);
  report_letters (&r);
  json_node_unref (r.ranking);
  json_node_unref (r.funnel);
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
  g_autofree char *copy = g_strconcat (database, ".backup-v4-20260105T100000Z", NULL);
  g_auto (Run) run = { 0 };

  /* Refusals name the argument and change nothing */
  run_in (&run, dir, "-d", database, "person", "erase", "00000000-0000-4000-8000-000000000000", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "UUID"));
  run_clear (&run);
  run_in (&run, dir, "-d", database, "person", "erase", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* A copy a migration left beside the file (the name take_backup makes) */
  {
    g_autofree char *data = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (database, &data, &len, NULL));
    g_assert_true (g_file_set_contents (copy, data, len, NULL));
  }
  g_assert_true (database_holds (copy, gone[0]));

  /* The dry run lists and changes nothing */
  run_in (&run, dir, "-d", database, "person", "erase", RITA, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 older copy of the database, made before an upgrade"));
  g_assert_nonnull (strstr (run.out, copy));
  g_assert_nonnull (strstr (run.out, "Backups exported earlier"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
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
  g_assert_nonnull (strstr (run.out, "1 older copy made before an upgrade was removed"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
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
  /* Copies migrations left beside the file: one a file, one a folder
   * (which no one can unlink) */
  g_autofree char *copy = g_strconcat (database, ".backup-v4-20260105T100000Z", NULL);
  g_autofree char *stuck = g_strconcat (database, ".backup-v3-20260105T100000Z", NULL);
  g_autofree char *inside = g_build_filename (stuck, "x", NULL);
  g_auto (Run) run = { 0 };

  g_assert_true (g_file_set_contents (copy, "Rita Avslått", -1, NULL));
  g_assert_cmpint (g_mkdir (stuck, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "Rita Avslått", -1, NULL));
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
  g_assert_nonnull (strstr (run.out, "2 older copies of the database, made before upgrades"));
  g_assert_nonnull (strstr (run.out, copy));
  g_assert_nonnull (strstr (run.out, stuck));
  g_assert_nonnull (strstr (run.out, "Backups exported earlier"));
  g_assert_true (database_holds (database, "Rita Avslått"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* The erase stands; the copy that could not go is named, exit status 1 */
  run_in (&run, dir, "-d", database, "retention", "--today", "2026-07-31", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "1 person erased"));
  g_assert_nonnull (strstr (run.err, "could not be removed"));
  g_assert_nonnull (strstr (run.err, stuck));
  g_assert_null (strstr (run.err, copy));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (database_holds (database, "Rita Avslått"));
  g_assert_false (database_holds (database, "rita@avslag.no"));
  g_assert_cmpint (g_unlink (inside), ==, 0);
  g_assert_cmpint (g_rmdir (stuck), ==, 0);
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
  if (!cli_fixture_init (&argc, &argv))
    return 1;

  g_test_add_func ("/cli/deal", test_deal);
  g_test_add_func ("/cli/funnel-impact", test_funnel_impact);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/person-erase", test_person_erase);
  g_test_add_func ("/cli/retention", test_retention);
  g_test_add_func ("/cli/audit", test_audit);
  g_test_add_func ("/cli/innsyn", test_innsyn);

  return cli_fixture_run ();
}
