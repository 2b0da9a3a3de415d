/* test-package.c — evaluation packages and signed score sheets: the round trip, blind packages, backup and restore, what is signed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "package-fixture.h"

/* Round trip */

/* The package exported and opened: the file, and the evaluator database
 * made from it */
static void
round_trip_package (W *w)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = NULL;
  g_autofree char *pkg_text = NULL;
  g_autofree char *package_id = NULL;
  g_autofree char *info_ev = NULL;
  g_autoptr (SpireRecord) kari = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  GStatBuf st;

  pkg = export_and_open (w);

  /* The package: a secret, so only its owner may read the file */
  g_assert_cmpint (g_stat (pkg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  pkg_text = read_text (pkg);
  g_assert_true (json_parser_load_from_data (parser, pkg_text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "spire-evaluation-package");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (root, "package")));
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "token")), ==, 64);
  kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
  g_assert_cmpstr (spire_record_get_text (kari, "token"), ==,
                   json_object_get_string_member (root, "token"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "applications")),
                    ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "criteria")), ==, 4);
  /* Not blind: who applied is there; confidential fields never are, nor the
   * application she has a conflict with, nor the other member */
  g_assert_nonnull (strstr (pkg_text, "Nordlys AS"));
  g_assert_null (strstr (pkg_text, "SECRET-REVENUE"));
  g_assert_null (strstr (pkg_text, "Granskog"));
  g_assert_null (strstr (pkg_text, "Per Hansen"));
  g_assert_null (strstr (pkg_text, "Havbris"));

  /* The evaluator database holds only what the package holds */
  g_assert_true (spire_package_get_info (w->edb, &package_id, NULL, &info_ev, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (package_id, ==, json_object_get_string_member (root, "package"));
  g_assert_cmpstr (info_ev, ==, w->kari);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_application, NULL, NULL), ==, 3);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_evaluator, NULL, NULL), ==, 1);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_assignment, NULL, NULL), ==, 3);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_conflict, NULL, NULL), ==, 0);
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_criterion, NULL, NULL), ==, 4);
  {
    g_autoptr (SpireRecord) app = spire_store_get (w->edb, &spire_kind_application, w->apps[0],
                                                   NULL);

    g_assert_null (spire_record_get_text (app, "confidential"));
    g_assert_cmpstr (spire_record_get_text (app, "pitch"), ==, "We heat only rooms in use.");
  }
  /* The rubric cannot be edited there */
  rubric = spire_rubric_get_for_cohort (w->edb, w->cohort, NULL);
  g_assert_true (spire_rubric_is_frozen (rubric));
  g_assert_null (spire_rubric_add_criterion (w->edb, w->rubric, "Mine", NULL, 1, "scored", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
}

/* Kari's score sheets, from the evaluator database into the office's */
static void
round_trip_sheets (W *w)
{
  g_autofree char *file = NULL;
  g_autofree char *r0 = NULL;
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  SpireSheetStats stats;

  /* Kari scores at her own pace: two submitted, one draft */
  r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  r1 = review_in (w->edb, w->kari, w->apps[1], 3, 4, "Uklart marked.", TRUE);
  r2 = review_in (w->edb, w->kari, w->apps[2], 4, 4, "Halvferdig.", FALSE);
  file = sheet (w, "kari.sheet.json");

  /* The manager imports: reviews and scores arrive */
  stats = import_ok (w, file);
  g_assert_cmpuint (stats.added, ==, 3);
  g_assert_cmpuint (stats.updated, ==, 0);
  review = office_review (w, w->kari, w->apps[0]);
  g_assert_nonnull (review);
  g_assert_cmpstr (spire_record_get_uuid (review), ==, r0);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "submitted");
  g_assert_false (spire_record_is_null (review, "submitted_at"));
  g_assert_cmpstr (spire_record_get_text (review, "summary"), ==, "Sterk søknad.");
  g_assert_cmpstr (spire_record_get_text (review, "recommendation"), ==, "yes");
  g_assert_cmpint (spire_record_get_int (review, "rubric_version"), ==, 1);
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_team), ==, 6);
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_market), ==, 5);
  g_assert_true (isnan (office_score (w, w->kari, w->apps[0], w->c_note)));
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[1], w->c_team), ==, 3);
  g_clear_object (&review);
  review = office_review (w, w->kari, w->apps[2]);
  g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "draft");
  {
    g_autoptr (GPtrArray) a = spire_store_list (w->store, &spire_kind_assignment, "application",
                                                w->apps[0], NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < a->len; i++)
      if (g_str_equal (spire_record_get_text (a->pdata[i], "evaluator"), w->kari))
        {
          g_assert_cmpstr (spire_record_get_text (a->pdata[i], "state"), ==, "submitted");
          found = TRUE;
        }
    g_assert_true (found);
  }
  /* The first submitted review freezes the office's rubric too */
  rubric = spire_rubric_get_for_cohort (w->store, w->cohort, NULL);
  g_assert_true (spire_rubric_is_frozen (rubric));

  /* She finishes the draft and sends a new sheet: it brings the update */
  {
    g_autofree char *again = NULL;
    g_autofree char *file2 = NULL;
    g_autofree char *r2b = review_in (w->edb, w->kari, w->apps[2], 5, 6, "Ferdig nå.", TRUE);

    g_assert_cmpstr (r2b, ==, r2);
    file2 = sheet (w, "kari.sheet2.json");
    stats = import_ok (w, file2);
    g_assert_cmpuint (stats.added, ==, 0);
    g_assert_cmpuint (stats.updated, ==, 1);
    g_assert_cmpuint (stats.unchanged, ==, 2);
    g_clear_object (&review);
    review = office_review (w, w->kari, w->apps[2]);
    g_assert_cmpstr (spire_record_get_text (review, "state"), ==, "submitted");
    g_assert_cmpstr (spire_record_get_text (review, "summary"), ==, "Ferdig nå.");
    g_assert_cmpfloat (office_score (w, w->kari, w->apps[2], w->c_market), ==, 6);
  }
}

static void
test_round_trip (W *w, gconstpointer data)
{
  round_trip_package (w);
  round_trip_sheets (w);
}

static void
test_blind (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  g_autofree char *r = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) seen = NULL;

  /* A pitch that names the company, as pitches do. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (SpireRecord) app = spire_store_get (w->store, &spire_kind_application, w->apps[i], NULL);
      g_autoptr (SpireRecord) s = spire_store_get (w->store, &spire_kind_startup,
                                                   spire_record_get_text (app, "startup"), NULL);
      g_autofree char *pitch = g_strdup_printf ("%s: We heat only rooms in use.",
                                                spire_record_get_display_name (s));

      spire_record_set_text (app, "pitch", pitch);
      g_assert_true (spire_store_update (w->store, app, &error));
      g_assert_no_error (error);
    }
  pkg = export_and_open (w);
  text = read_text (pkg);

  /* Nothing that tells who applied */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (SpireRecord) s = spire_store_get (w->store, &spire_kind_startup, w->startups[i], NULL);

      g_assert_null (strstr (text, spire_record_get_display_name (s)));
      g_assert_null (strstr (text, spire_record_get_text (s, "orgnr")));
      g_assert_null (strstr (text, spire_record_get_text (s, "website")));
      g_assert_null (strstr (text, w->startups[i]));
    }
  g_assert_null (strstr (text, "Ola Gründer"));
  g_assert_null (strstr (text, "post@"));
  g_assert_null (strstr (text, "SECRET-REVENUE"));
  g_assert_nonnull (strstr (text, "We heat only rooms in use."));

  /* Stand-ins in her database */
  startups = spire_store_list (w->edb, &spire_kind_startup, NULL, NULL, NULL);
  g_assert_cmpuint (startups->len, ==, 3);
  for (guint i = 0; i < startups->len; i++)
    {
      g_assert_true (g_str_has_prefix (spire_record_get_display_name (startups->pdata[i]),
                                       "Applicant "));
      g_assert_null (spire_record_get_text (startups->pdata[i], "orgnr"));
    }
  g_assert_cmpint (spire_store_count (w->edb, &spire_kind_person, NULL, NULL), ==, 1);
  seen = spire_panel_list_visible_applications (w->edb, w->kari, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_null (spire_record_get_text (seen->pdata[0], "startup"));
  g_assert_null (spire_record_get_text (seen->pdata[0], "contact"));

  /* Reviews still come home to the right applications */
  r = review_in (w->edb, w->kari, w->apps[1], 5, 5, "Blindt vurdert.", TRUE);
  file = sheet (w, "kari.sheet.json");
  import_ok (w, file);
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[1], w->c_team), ==, 5);
  {
    g_autoptr (SpireRecord) app = spire_store_get (w->store, &spire_kind_application, w->apps[1], NULL);

    g_assert_cmpstr (spire_record_get_text (app, "startup"), ==, w->startups[1]);
  }
}

/* The file (and its -wal, if any) as one string, NUL bytes made spaces. */
static char *
read_db_bytes (const char *file)
{
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  GString *out = g_string_new (NULL);
  const char *files[] = { file, wal };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *bytes = NULL;
      gsize len = 0;

      if (!g_file_get_contents (files[i], &bytes, &len, NULL))
        continue;
      for (gsize j = 0; j < len; j++)
        g_string_append_c (out, bytes[j] == '\0' ? ' ' : bytes[j]);
    }
  return g_string_free (out, FALSE);
}

/* The blind package of an application whose texts name its founder, her
 * e-mail and phone, the contact person and the company in the genitive
 * and with its legal form holds none of them: not in the package file,
 * not in the evaluator's database made from it. */
static void
test_blind_identity (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) app = spire_store_get (w->store, &spire_kind_application, w->apps[0],
                                                 NULL);
  g_autoptr (SpireRecord) startup = spire_store_get (w->store, &spire_kind_startup,
                                                     w->startups[0], NULL);
  const char *org = spire_record_get_text (startup, "orgnr");
  g_autofree char *spaced = g_strdup_printf ("%.3s %.3s %.3s", org, org + 3, org + 6);
  g_autofree char *solution = g_strdup_printf (
      "Kontakt Post@Nordlys.no, +47 912 34 567 / 91234567, eller Synnøve på 967 34 123 "
      "(synnove.kvitravn@nordlys.no). Org.nr. %s. Les https://nordlys.no/om.", spaced);
  g_autofree char *extra = g_strdup_printf (
      "{\"Daglig leder\":\"Synnøve Kvitravn\",\"Synnøve Kvitravns e-post\":"
      "\"SYNNOVE.KVITRAVN@NORDLYS.NO\",\"Telefon\":96734123,\"Orgnr\":%s}", org);
  g_autofree char *pkg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *edb_file = NULL;
  g_autofree char *edb_bytes = NULL;
  const char *gone[] = { "nordlys", "kvitravn", "synnøve", "synnove", "ola gründer",
                         "gründers", "post@", "912 34 567", "91234567", "967 34 123",
                         "96734123", org, spaced };

  add (w, &spire_kind_person, "name", "Synnøve Kvitravn", "email",
       "synnove.kvitravn@nordlys.no", "phone", "967 34 123", "startup", w->startups[0], NULL);
  spire_record_set_text (app, "title", "Nordlys' varmestyring");
  spire_record_set_text (app, "pitch",
                         "Nordlys ASs styring sparer 30 %. Synnøve Kvitravn og Ola Gründer "
                         "grunnla Nordlys i 2021; Kvitravns og Gründers kunder på Sørlandet "
                         "kjenner NORDLYS AS.");
  spire_record_set_text (app, "solution", solution);
  spire_record_set_text (app, "extra", extra);
  g_assert_true (spire_store_update (w->store, app, &error));
  g_assert_no_error (error);

  pkg = export_and_open (w);
  text = read_text (pkg);
  folded = g_utf8_casefold (text, -1);
  /* the package holds the application's text (UTF-8 as it is) */
  g_assert_nonnull (strstr (text, "kunder på Sørlandet"));
  g_assert_nonnull (strstr (text, "Daglig leder"));
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      g_autofree char *what = g_utf8_casefold (gone[i], -1);

      if (strstr (folded, what) != NULL)
        g_error ("“%s” is in the blind package", gone[i]);
    }

  /* nor in the evaluator's database made from it */
  g_clear_object (&w->edb);
  edb_file = path (w, "kari-evaluator.db");
  edb_bytes = read_db_bytes (edb_file);
  g_assert_nonnull (strstr (edb_bytes, "Sørlandet"));
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    g_assert_null (strstr (edb_bytes, gone[i]));
  g_assert_null (strstr (edb_bytes, "Nordlys"));
  g_assert_null (strstr (edb_bytes, "Synnøve"));
  g_assert_null (strstr (edb_bytes, "Kvitravn"));
}

/* Backup and restore */

/* The record of an exported package survives a spire-backup into an empty
 * database, and a sheet answering the package is accepted there. */
static void
test_backup_restore (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *package_id = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *restored_path = path (w, "restored.db");
  g_autoptr (SpireStore) restored = NULL;
  g_autoptr (SpireRecord) registered = NULL;
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  SpireSheetStats stats;

  /* What the manager's database keeps of the package */
  g_assert_true (spire_package_get_info (w->edb, &package_id, NULL, NULL, &error));
  g_assert_no_error (error);
  registered = spire_store_get (w->store, &spire_kind_package, package_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (registered, "evaluator"), ==, w->kari);
  g_assert_cmpstr (spire_record_get_text (registered, "cohort"), ==, w->cohort);
  g_assert_cmpint (spire_record_get_int (registered, "rubric_version"), ==, 1);
  g_assert_cmpstr (spire_record_get_text (registered, "exported_by"), ==, "Programleder");
  g_assert_true (json_parser_load_from_data (parser, spire_record_get_text (registered, "criteria"),
                                             -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 4);
  g_assert_true (json_parser_load_from_data (parser,
                                             spire_record_get_text (registered, "applications"),
                                             -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 3);
  g_assert_null (strstr (spire_record_get_text (registered, "applications"), w->apps[4]));

  /* Backed up, restored into an empty database: the sheet comes home there */
  doc = spire_exchange_export_string (w->store, &error);
  g_assert_no_error (error);
  restored = open_db (restored_path);
  g_assert_true (spire_exchange_import_data (restored, doc, -1, "backup.json", NULL, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spire_store_exists (restored, &spire_kind_package, package_id));
  g_assert_true (spire_package_import_sheet_file (restored, file, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);
  {
    g_autoptr (GPtrArray) list = spire_store_list (restored, &spire_kind_review, "application",
                                                   w->apps[0], NULL);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (spire_record_get_uuid (list->pdata[0]), ==, r0);
    g_assert_cmpstr (spire_record_get_text (list->pdata[0], "state"), ==, "submitted");
  }

  /* A panel member who leaves takes the record of their packages along */
  {
    g_autofree char *per_pkg = spire_package_export (w->store, w->cohort, w->per, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, "evaluator", w->per), ==, 1);
  }
  g_assert_true (spire_panel_remove (w->store, w->per, &error));
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, "evaluator", w->per), ==, 0);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, "evaluator", w->kari), ==, 1);

  /* ... and a sheet answering one is refused, saying why (here, where
   * Kari's sheet was never imported, she can leave the panel) */
  g_assert_true (spire_panel_remove (w->store, w->kari, &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "no longer on the panel");
  g_assert_finalize_object (g_steal_pointer (&restored));
}

/* What is signed */

/* An export whose file cannot be written leaves no trace of an export. */
static void
test_export_failed_write (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 before = spire_store_count (w->store, &spire_kind_package, NULL, NULL);
  g_autofree char *nowhere = g_build_filename (w->dir, "no-such-folder", "kari.json", NULL);

  g_assert_false (spire_package_export_file (w->store, w->cohort, w->kari, nowhere, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_cmpint (spire_store_count (w->store, &spire_kind_package, NULL, NULL), ==, before);
}

static void
test_canonical (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *canonical = NULL;
  g_autofree char *sig = NULL;
  const char *doc = "{ \"é\": \"ø\", \"e\": 0.1, \"b\" : 1,\n"
                    "  \"a\": [true, null, \"x\\\"y\\\\z\\n\"], \"d\": 5.0, \"c\": 5.5,\n"
                    "  \"signature\": \"left out\" }";
  const char *token = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  sig = spire_package_sign (root, token);
  json_object_remove_member (root, "signature");
  canonical = spire_package_canonical_json (json_parser_get_root (parser));
  g_assert_cmpstr (canonical, ==,
                   "{\"a\":[true,null,\"x\\\"y\\\\z\\u000a\"],\"b\":1,\"c\":5.5,\"d\":5,"
                   "\"e\":0.10000000000000001,\"é\":\"ø\"}");
  /* HMAC-SHA256 of exactly those bytes, computed elsewhere (Python's hmac) */
  g_assert_cmpstr (sig, ==, "deb9911f635c8d9545302c1d9060926bb223cbec76fbdeb44184d737d45d8408");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn, blind) g_test_add (path, W, GINT_TO_POINTER (blind), setup, fn, teardown)
  ADD ("/package/round-trip", test_round_trip, FALSE);
  ADD ("/package/blind", test_blind, TRUE);
  ADD ("/package/blind-identity", test_blind_identity, TRUE);
  ADD ("/package/backup-restore", test_backup_restore, FALSE);
  ADD ("/package/export-failed-write", test_export_failed_write, FALSE);
#undef ADD
  g_test_add_func ("/package/canonical", test_canonical);

  return g_test_run ();
}
