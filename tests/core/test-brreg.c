/* test-brreg.c — startups and public bodies from Enhetsregisteret
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-helpers.h"

typedef struct
{
  char *dir;
  char *path;
  SpireStore *store;
  SpireRecord *program;
  SpireRecord *cohort;
  SpireRecord *body;
  SpireRecord *challenge;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "spire.db", NULL);
  f->store = spire_store_open (f->path, &error);
  g_assert_no_error (error);
  spire_store_set_actor (f->store, "Test");

  f->program = test_make (f->store, &spire_kind_program, "name", "SmartOslo Accelerator",
                          "kind", "accelerator", NULL);
  f->cohort = test_make (f->store, &spire_kind_cohort, "program",
                         spire_record_get_uuid (f->program), "name", "Kull 2025", "phase",
                         "open", "seats", (gint64) 4, NULL);
  f->body = test_make (f->store, &spire_kind_public_body, "name", "Oslo kommune", "kind",
                       "municipality", "orgnr", "958935420", "kommunenummer", "0301", NULL);
  f->challenge = test_make (f->store, &spire_kind_challenge, "cohort",
                            spire_record_get_uuid (f->cohort), "owner",
                            spire_record_get_uuid (f->body), "title", "Smartere snømåking",
                            NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->challenge);
  g_clear_object (&f->body);
  g_clear_object (&f->cohort);
  g_clear_object (&f->program);
  g_clear_object (&f->store);
  g_free (f->path);
  test_tmpdir_free (f->dir);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static SpireRecord *
only_by_orgnr (Fixture *f, const SpireKind *kind, const char *orgnr)
{
  g_autoptr (GPtrArray) found = spire_store_list (f->store, kind, "orgnr", orgnr, NULL);

  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static guint
n_audit (Fixture *f)
{
  g_autoptr (GPtrArray) audit = spire_store_list_audit (f->store, NULL, 0, NULL);

  return audit->len;
}

static void
test_single_enhet (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("brreg-enhet.json");
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) s = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  guint audit_before = n_audit (f);

  g_assert_true (spire_brreg_import_file (f->store, path, SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, ==, 1);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.startups, ==, 1);
  g_assert_cmpuint (stats.deleted->len, ==, 0);
  g_assert_cmpuint (stats.notes->len, ==, 0);

  s = only_by_orgnr (f, &spire_kind_startup, "952601814");
  g_assert_cmpstr (spire_record_get_text (s, "name"), ==, "Nordlys Teknologi AS");
  g_assert_cmpstr (spire_record_get_text (s, "organisasjonsform"), ==, "AS");
  g_assert_cmpstr (spire_record_get_text (s, "naeringskode"), ==, "62.010");
  g_assert_cmpint (spire_record_get_int (s, "employees"), ==, 12);
  g_assert_cmpstr (spire_record_get_text (s, "kommunenummer"), ==, "0301");
  g_assert_cmpstr (spire_record_get_text (s, "founded"), ==, "2019-03-01");
  g_assert_cmpstr (spire_record_get_text (s, "website"), ==, "https://www.nordlys.no");

  audit = spire_store_list_audit (f->store, NULL, 0, NULL);
  g_assert_cmpuint (audit->len, ==, audit_before + 1);
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (audit, 0), "action"), ==,
                   "import-brreg");
  g_assert_nonnull (strstr (g_hash_table_lookup (g_ptr_array_index (audit, 0), "after"),
                            "brreg-enhet.json"));
}

static void
test_again_updates (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("brreg-enhet.json");
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) first = NULL;
  g_autoptr (SpireRecord) after = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_auto (GStrv) parts = NULL;

  g_assert_true (spire_brreg_import_file (f->store, path, SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_no_error (error);
  first = only_by_orgnr (f, &spire_kind_startup, "952601814");

  /* The same file again: found, nothing new */
  g_assert_true (spire_brreg_import_file (f->store, path, SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, NULL, NULL), ==, 1);

  /* The register says it has grown: updated, not duplicated */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  parts = g_strsplit (contents, "\"antallAnsatte\": 12", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoin ("\"antallAnsatte\": 15", parts[0], parts[1], NULL);
  g_assert_true (spire_brreg_import_data (f->store, changed, -1, "nordlys.json",
                                          SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, NULL, NULL), ==, 1);
  after = only_by_orgnr (f, &spire_kind_startup, "952601814");
  g_assert_cmpstr (spire_record_get_uuid (after), ==, spire_record_get_uuid (first));
  g_assert_cmpint (spire_record_get_int (after, "employees"), ==, 15);
}

static void
test_search_result (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("brreg-search.json");
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) fjordlys = NULL;
  g_autoptr (SpireRecord) bodo = NULL;
  gint64 startups = spire_store_count (f->store, &spire_kind_startup, NULL, NULL);
  gint64 bodies = spire_store_count (f->store, &spire_kind_public_body, NULL, NULL);
  SpireBrregNote *deleted;
  gboolean noted = FALSE;

  g_assert_true (spire_brreg_import_file (f->store, path, SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, ==, 2);
  g_assert_cmpuint (stats.startups, ==, 1);
  g_assert_cmpuint (stats.public_bodies, ==, 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, NULL, NULL), ==,
                   startups + 1);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_public_body, NULL, NULL), ==,
                   bodies + 1);

  /* The deleted unit: reported by name, not imported */
  g_assert_cmpuint (stats.deleted->len, ==, 1);
  deleted = g_ptr_array_index (stats.deleted, 0);
  g_assert_cmpstr (deleted->orgnr, ==, "966131861");
  g_assert_cmpstr (deleted->name, ==, "Gamle Vidde Analyse AS");
  g_assert_nonnull (strstr (deleted->message, "Gamle Vidde Analyse AS"));
  g_assert_nonnull (strstr (deleted->message, "966 131 861"));
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, "orgnr", "966131861"), ==,
                   0);

  /* Under avvikling: imported, with a note */
  for (guint i = 0; i < stats.notes->len; i++)
    {
      SpireBrregNote *note = g_ptr_array_index (stats.notes, i);

      if (g_strcmp0 (note->orgnr, "959083010") == 0 && strstr (note->message, "avvikling"))
        noted = TRUE;
    }
  g_assert_true (noted);
  fjordlys = only_by_orgnr (f, &spire_kind_startup, "959083010");
  g_assert_cmpstr (spire_record_get_text (fjordlys, "name"), ==, "Fjordlys Robotics AS");
  g_assert_cmpstr (spire_record_get_text (fjordlys, "website"), ==, "https://fjordlys.no");
  g_assert_cmpstr (spire_record_get_text (fjordlys, "kommunenummer"), ==, "5001");

  /* KOMM: a public body, a municipality, with its kommunenummer */
  bodo = only_by_orgnr (f, &spire_kind_public_body, "972418013");
  g_assert_cmpstr (spire_record_get_text (bodo, "name"), ==, "Bodø kommune");
  g_assert_cmpstr (spire_record_get_text (bodo, "kind"), ==, "municipality");
  g_assert_cmpstr (spire_record_get_text (bodo, "kommunenummer"), ==, "1804");
  g_assert_cmpstr (spire_record_get_text (bodo, "website"), ==, "https://www.bodo.kommune.no");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, "orgnr", "972418013"), ==,
                   0);
}

static void
test_forced_kinds (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("brreg-search.json");
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) body = NULL;

  g_assert_true (spire_brreg_import_file (f->store, path, SPIRE_BRREG_AS_STARTUPS, &stats,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.startups, ==, 2);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, "orgnr", "972418013"), ==,
                   1);

  g_assert_true (spire_brreg_import_file (f->store, path, SPIRE_BRREG_AS_PUBLIC_BODIES, &stats,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.public_bodies, ==, 2);
  body = only_by_orgnr (f, &spire_kind_public_body, "959083010");
  g_assert_cmpstr (spire_record_get_text (body, "kind"), ==, "other");

  g_assert_cmpstr (spire_brreg_public_body_kind ("ORGL", "OSLO KOMMUNE BYDEL FROGNER"), ==,
                   "city_district");
  g_assert_cmpstr (spire_brreg_public_body_kind ("FYLK", "NORDLAND FYLKESKOMMUNE"), ==,
                   "county");
  g_assert_cmpstr (spire_brreg_public_body_kind ("HF", "SYKEHUSET I VESTFOLD HF"), ==,
                   "health_trust");
  g_assert_cmpstr (spire_brreg_public_body_kind ("STAT", "DIGITALISERINGSDIREKTORATET"), ==,
                   "state_agency");
  g_assert_null (spire_brreg_public_body_kind ("AS", "NORDLYS AS"));
}

static void
test_plain_list_and_fallbacks (Fixture *f, gconstpointer data)
{
  static const char list[] =
    "[{\"organisasjonsnummer\": \"909139090\", \"navn\": \"VIDDE ROBOTICS AS\","
    "  \"organisasjonsform\": {\"kode\": \"AS\"},"
    "  \"postadresse\": {\"kommunenummer\": \"4601\"},"
    "  \"hjemmeside\": \"https://vidde.no\", \"konkurs\": true},"
    " {\"organisasjonsnummer\": \"946281948\", \"navn\": \"OSLO KOMMUNE BYDEL GRÜNERLØKKA\","
    "  \"organisasjonsform\": {\"kode\": \"ORGL\"},"
    "  \"forretningsadresse\": {\"kommunenummer\": \"3024\"}}]";
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) vidde = NULL;
  g_autoptr (SpireRecord) bydel = NULL;

  g_assert_true (spire_brreg_import_data (f->store, list, -1, NULL, SPIRE_BRREG_AS_AUTO, &stats,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, ==, 2);
  vidde = only_by_orgnr (f, &spire_kind_startup, "909139090");
  /* The postal address when there is no business address */
  g_assert_cmpstr (spire_record_get_text (vidde, "kommunenummer"), ==, "4601");
  g_assert_cmpstr (spire_record_get_text (vidde, "website"), ==, "https://vidde.no");
  bydel = only_by_orgnr (f, &spire_kind_public_body, "946281948");
  g_assert_cmpstr (spire_record_get_text (bydel, "kind"), ==, "city_district");
  g_assert_cmpstr (spire_record_get_text (bydel, "name"), ==,
                   "Oslo kommune bydel Grünerløkka");
  /* A municipality number from before 2024 (Bærum in Viken) is left out, with a note */
  g_assert_null (spire_record_get_text (bydel, "kommunenummer"));
  g_assert_cmpuint (stats.notes->len, ==, 2);
  for (guint i = 0; i < stats.notes->len; i++)
    g_test_message ("%s", ((SpireBrregNote *) g_ptr_array_index (stats.notes, i))->message);
}

static void
assert_refused (Fixture *f, const char *data, int code, const char *place)
{
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 startups = spire_store_count (f->store, &spire_kind_startup, NULL, NULL);
  gint64 bodies = spire_store_count (f->store, &spire_kind_public_body, NULL, NULL);
  guint audit = n_audit (f);

  g_assert_false (spire_brreg_import_data (f->store, data, -1, "enheter.json",
                                           SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_error (error, SPIRE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "enheter.json"));
  g_assert_nonnull (strstr (error->message, place));
  g_assert_cmpuint (stats.created, ==, 0);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, NULL, NULL), ==, startups);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_public_body, NULL, NULL), ==, bodies);
  g_assert_cmpuint (n_audit (f), ==, audit);
}

static void
test_malformed (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("brreg-malformed.json");
  g_autofree char *contents = NULL;

  /* The first enhet is fine and written before the second fails: rolled back */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  assert_refused (f, contents, SPIRE_ERROR_FORMAT,
                  "_embedded.enheter[1].organisasjonsnummer: expected text");
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_startup, "orgnr", "959083010"), ==,
                   0);

  assert_refused (f, "{\"_embedded\": {\"enheter\": [\n  {\"organisasjonsnummer\": \"959083010\",\n"
                     "   \"navn\": \"X\",, }]}}",
                  SPIRE_ERROR_PARSE, "line 3");
  assert_refused (f, "[{\"organisasjonsnummer\": \"959083010\", \"navn\": \"A AS\"},"
                     " {\"organisasjonsnummer\": \"959083011\", \"navn\": \"B AS\"}]",
                  SPIRE_ERROR_INVALID, "[1].organisasjonsnummer: the check digit is wrong");
  assert_refused (f, "{\"organisasjonsnummer\": \"959083010\"}", SPIRE_ERROR_FORMAT,
                  "navn: is missing");
  assert_refused (f, "{\"organisasjonsnummer\": \"959083010\", \"navn\": \"A\","
                     " \"antallAnsatte\": \"mange\"}",
                  SPIRE_ERROR_FORMAT, "antallAnsatte: expected a whole number");
  assert_refused (f, "{\"organisasjonsnummer\": \"959083010\", \"navn\": \"A\","
                     " \"stiftelsesdato\": \"01.03.2019\"}",
                  SPIRE_ERROR_INVALID, "stiftelsesdato");
  assert_refused (f, "{\"_embedded\": {\"enheter\": {}}}", SPIRE_ERROR_FORMAT,
                  "_embedded.enheter: expected a list");
  assert_refused (f, "{\"_embedded\": {\"underenheter\": []}}", SPIRE_ERROR_FORMAT,
                  "underenheter");
  assert_refused (f, "{\"format\": \"spire-backup\"}", SPIRE_ERROR_FORMAT,
                  "Enhetsregisteret");
  assert_refused (f, "", SPIRE_ERROR_PARSE, "empty");
}

static void
test_empty_search (Fixture *f, gconstpointer data)
{
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (spire_brreg_import_data (
    f->store,
    "{\"_links\": {\"self\": {\"href\": \"https://data.brreg.no/enhetsregisteret/api/enheter?navn=zzz\"}},"
    " \"page\": {\"size\": 20, \"totalElements\": 0, \"totalPages\": 0, \"number\": 0}}",
    -1, NULL, SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, ==, 0);

  /* One page of several: a note says so */
  g_assert_true (spire_brreg_import_data (
    f->store,
    "{\"_embedded\": {\"enheter\": []},"
    " \"page\": {\"size\": 20, \"totalElements\": 45, \"totalPages\": 3, \"number\": 0}}",
    -1, "side1.json", SPIRE_BRREG_AS_AUTO, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.notes->len, ==, 1);
  g_assert_nonnull (strstr (((SpireBrregNote *) g_ptr_array_index (stats.notes, 0))->message,
                            "page 1 of 3"));
}

/* The page of a search result, read with its types and ranges checked:
 * nothing written when one is odd. */
static void
test_odd_page_fields (Fixture *f, gconstpointer data)
{
  assert_refused (f, "{\"_embedded\": {\"enheter\": []}, \"page\": {\"size\": 20,"
                     " \"totalElements\": 45, \"totalPages\": 3, \"number\": 2147483647}}",
                  SPIRE_ERROR_INVALID, "page.number: is too large");
  assert_refused (f, "{\"_embedded\": {\"enheter\": []}, \"page\": {\"size\": 20,"
                     " \"totalElements\": {}, \"totalPages\": 3, \"number\": 0}}",
                  SPIRE_ERROR_FORMAT, "page.totalElements: expected a whole number");
  assert_refused (f, "{\"_embedded\": {\"enheter\": []}, \"page\": {\"size\": 20,"
                     " \"totalElements\": 45, \"totalPages\": \"3\", \"number\": 0}}",
                  SPIRE_ERROR_FORMAT, "page.totalPages: expected a whole number");
  assert_refused (f, "{\"_embedded\": {\"enheter\": []}, \"page\": {\"size\": 20,"
                     " \"totalElements\": 45, \"totalPages\": 3, \"number\": -1}}",
                  SPIRE_ERROR_INVALID, "page.number: must not be negative");
  assert_refused (f, "{\"_embedded\": {\"enheter\": []}, \"page\": {\"size\": 20,"
                     " \"totalElements\": 45.5, \"totalPages\": 3, \"number\": 0}}",
                  SPIRE_ERROR_FORMAT, "page.totalElements: expected a whole number");
}

/* 200 KB of "[" would overflow the parser's stack: refused before it. */
static void
test_nested_too_deeply (Fixture *f, gconstpointer data)
{
  g_autofree char *deep = g_strnfill (200 * 1024, '[');
  g_autofree char *deep_unit = g_strdup_printf (
    "{\"organisasjonsnummer\": \"959083010\", \"navn\": \"A AS\", \"x\": %s}", deep);

  assert_refused (f, deep, SPIRE_ERROR_PARSE, "nested too deeply at line 1 (more than 64 levels)");
  assert_refused (f, deep_unit, SPIRE_ERROR_PARSE, "nested too deeply at line 1");
  /* 64 levels are still read, 65 are not; brackets in strings are text. */
  {
    g_autofree char *open63 = g_strnfill (63, '[');
    g_autofree char *close63 = g_strnfill (63, ']');
    g_autofree char *at64 = g_strdup_printf (
      "{\"organisasjonsnummer\": \"959083011\", \"navn\": \"A AS\", \"x\": %s%s}", open63,
      close63);
    g_autofree char *at65 = g_strdup_printf (
      "{\"organisasjonsnummer\": \"959083011\", \"navn\": \"A AS\",\n \"x\": [%s%s]}",
      open63, close63);

    assert_refused (f, at64, SPIRE_ERROR_INVALID, "check digit");
    assert_refused (f, at65, SPIRE_ERROR_PARSE, "nested too deeply at line 2");
  }
  assert_refused (f, "{\"_embedded\": {\"enheter\": [{\"organisasjonsnummer\": \"959083011\","
                     " \"navn\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\","
                     " \"x\": 1}]}}",
                  SPIRE_ERROR_INVALID, "check digit");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/brreg/single-enhet", test_single_enhet);
  ADD ("/brreg/again-updates", test_again_updates);
  ADD ("/brreg/search-result", test_search_result);
  ADD ("/brreg/forced-kinds", test_forced_kinds);
  ADD ("/brreg/plain-list-and-fallbacks", test_plain_list_and_fallbacks);
  ADD ("/brreg/malformed", test_malformed);
  ADD ("/brreg/empty-search", test_empty_search);
  ADD ("/brreg/odd-page-fields", test_odd_page_fields);
  ADD ("/brreg/nested-too-deeply", test_nested_too_deeply);
#undef ADD

  return g_test_run ();
}
