/* test-package-refuse.c — evaluation packages and signed score sheets: what is refused, and what a refused sheet leaves as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "package-fixture.h"

/* Refusals */

static void
change_summary_byte (const char *file)
{
  g_autofree char *text = read_text (file);
  char *at = strstr (text, "Sterk");

  g_assert_nonnull (at);
  at[1] = 'T'; /* "STerk" */
  write_text (file, text);
}

static void
set_member (JsonObject *root, gpointer data)
{
  const char **kv = data;

  json_object_set_string_member (root, kv[0], kv[1]);
}

static void
test_refuse_signature (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *good = read_text (file);

  /* One byte of one summary */
  change_summary_byte (file);
  import_refused (w, file, SPIRE_ERROR_SIGNATURE, "signature");

  /* A score raised, with the JSON still well formed */
  {
    g_autofree char *text = g_strdup (good);
    char *at = strstr (text, "\"value\" : 6");

    g_assert_nonnull (at);
    at[strlen ("\"value\" : ")] = '7';
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_SIGNATURE, "Kari Nordmann");
  }

  /* A sheet for Per signed with Kari's token */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autofree char *text = NULL;
    JsonObject *root;

    g_assert_true (json_parser_load_from_data (parser, good, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    json_object_remove_member (root, "signature");
    g_assert_null (spire_package_sign (root, "not a token"));
    {
      g_autofree char *sig = spire_package_sign (root, "00112233445566778899aabbccddeeff"
                                                       "00112233445566778899aabbccddeeff");

      json_object_set_string_member (root, "signature", sig);
    }
    text = json_to_string (json_parser_get_root (parser), TRUE);
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_SIGNATURE, NULL);
  }

  /* The untouched sheet still imports */
  write_text (file, good);
  g_assert_cmpuint (import_ok (w, file).added, ==, 1);
}

static void
test_refuse_other_evaluator (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[1], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  const char *kv[] = { "evaluator", w->per };

  edit_json (file, set_member, kv);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "Per Hansen");
}

static void
test_refuse_unknown_package (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *other = spire_uuid_new ();
  const char *kv[] = { "package", other };

  edit_json (file, set_member, kv);
  import_refused (w, file, SPIRE_ERROR_NOT_FOUND, other);

  /* A sheet answering a package of another manager database */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *elsewhere = path (w, "elsewhere.db");
    g_autoptr (SpireStore) store = open_db (elsewhere);
    g_autofree char *good = sheet (w, "kari.sheet2.json");

    g_assert_false (spire_package_import_sheet_file (store, good, NULL, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  }

  /* Not a score sheet at all */
  {
    g_autoptr (GError) error = NULL;

    g_assert_false (spire_package_import_sheet_file (w->store, pkg, NULL, &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
    g_clear_error (&error);
    g_assert_false (spire_package_import_sheet (w->store, "{\"format\": ", -1, "broken.json", NULL,
                                                &error));
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "broken.json"));
  }
}

static void
test_refuse_changed_criteria (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autoptr (SpireRecord) added = NULL;

  /* No review has been submitted in the office yet, so the rubric is open:
   * the manager adds a criterion after sending the package */
  added = spire_rubric_add_criterion (w->store, w->rubric, "Impact", NULL, 1, "scored", &error);
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_INVALID, "criteria");

  /* Taken away again: the sheet fits and imports */
  g_assert_true (spire_rubric_remove_criterion (w->store, spire_record_get_uuid (added), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import_ok (w, file).added, ==, 1);

  /* A new rubric version (unfrozen with a reason): an older sheet no longer fits */
  g_assert_true (spire_rubric_unfreeze (w->store, w->rubric, "Weights were wrong.", NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *r2 = review_in (w->edb, w->kari, w->apps[1], 4, 4, "Greit.", TRUE);
    g_autofree char *file2 = sheet (w, "kari.sheet2.json");

    import_refused (w, file2, SPIRE_ERROR_INVALID, "version");
  }

  /* A new package brings the new version; her old submission becomes a
   * stale draft to be submitted again, and the next sheet fits */
  {
    g_autofree char *pkg2 = export_and_open (w);
    g_autoptr (SpireRecord) local = spire_store_get (w->edb, &spire_kind_review, r, NULL);
    g_autofree char *file3 = NULL;
    g_autofree char *again = NULL;
    SpireSheetStats stats;

    g_assert_cmpstr (spire_record_get_text (local, "state"), ==, "draft");
    g_assert_true (spire_record_get_bool (local, "stale"));
    again = review_in (w->edb, w->kari, w->apps[0], 7, 5, "Sterk søknad, sett på nytt.", TRUE);
    g_assert_cmpstr (again, ==, r);
    {
      g_autofree char *r1 = review_in (w->edb, w->kari, w->apps[1], 4, 4, "Greit.", TRUE);
    }
    file3 = sheet (w, "kari.sheet3.json");
    stats = import_ok (w, file3);
    g_assert_cmpuint (stats.added + stats.updated, ==, 2);
    g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_team), ==, 7);
  }
}

static void
test_refuse_out_of_scale (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 7, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (w->store, w->cohort, NULL);

  /* The office narrowed the scale (rubric still open) after the package went out */
  spire_record_set_int (rubric, "scale_max", 5);
  g_assert_true (spire_rubric_update (w->store, rubric, &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_INVALID, "outside the scale");

  /* A sheet from another tool, signed properly, with a value off the scale */
  spire_record_set_int (rubric, "scale_max", 7);
  g_assert_true (spire_rubric_update (w->store, rubric, &error));
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autoptr (SpireRecord) kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
    g_autofree char *text = read_text (file);
    g_autofree char *sig = NULL;
    JsonObject *root, *score;

    g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    score = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (
                                      json_object_get_array_member (root, "reviews"), 0),
                                    "scores"),
      0);
    json_object_set_double_member (score, "value", 9.5);
    sig = spire_package_sign (root, spire_record_get_text (kari, "token"));
    json_object_set_string_member (root, "signature", sig);
    g_free (text);
    text = json_to_string (json_parser_get_root (parser), TRUE);
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_INVALID, "9.5");
  }
}

static void
test_refuse_unassigned (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *r1 = review_in (w->edb, w->kari, w->apps[1], 6, 5, "Også bra.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");

  /* The manager took application 1 from her after sending the package */
  g_assert_true (spire_unassign (w->store, w->kari, w->apps[1], &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "Bølgekraft");

  /* ... or a conflict of interest came to light */
  g_assert_true (spire_assign (w->store, w->kari, w->apps[1], &error));
  declared (spire_conflict_declare (w->store, w->kari, w->apps[1], NULL, "competitor",
                                            "Runs a competing firm.", &error));
  g_assert_no_error (error);
  import_refused (w, file, SPIRE_ERROR_REFERENCE, "conflict of interest");
}

static void
test_same_sheet_twice (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r0 = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *r1 = review_in (w->edb, w->kari, w->apps[1], 2, 3, "Svak.", FALSE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;
  SpireSheetStats stats;

  stats = import_ok (w, file);
  g_assert_cmpuint (stats.added, ==, 2);
  after_first = snapshot (w);
  stats = import_ok (w, file);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.kept, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 2);
  after_second = snapshot (w);
  g_assert_cmpstr (after_first, ==, after_second);
}

static void
make_earlier (W *w, const char *review_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) r = spire_store_get (w->edb, &spire_kind_review, review_uuid, NULL);

  /* As if she had submitted it at home a while ago */
  spire_record_set_text (r, "submitted_at", "2026-01-10T09:00:00Z");
  spire_record_set_text (r, "updated_at", "2026-01-10T09:00:00Z");
  g_assert_true (spire_store_save (w->edb, r, SPIRE_SAVE_KEEP_TIMES, NULL, &error));
  g_assert_no_error (error);
}

static void
test_office_later_kept (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *home = review_in (w->edb, w->kari, w->apps[0], 3, 3, "Hjemme.", TRUE);
  g_autofree char *file = NULL;
  g_autofree char *office = NULL;
  g_autoptr (SpireRecord) review = NULL;
  SpireSheetStats stats;

  make_earlier (w, home);
  file = sheet (w, "kari.sheet.json");

  /* Later, at a panel meeting in the office, she scores it again and submits */
  office = review_in (w->store, w->kari, w->apps[0], 6, 6, "På kontoret, etter møtet.", TRUE);
  stats = import_ok (w, file);
  g_assert_cmpuint (stats.kept, ==, 1);
  g_assert_cmpuint (stats.added + stats.updated, ==, 0);
  review = office_review (w, w->kari, w->apps[0]);
  g_assert_cmpstr (spire_record_get_uuid (review), ==, office);
  g_assert_cmpstr (spire_record_get_text (review, "summary"), ==, "På kontoret, etter møtet.");
  g_assert_cmpfloat (office_score (w, w->kari, w->apps[0], w->c_team), ==, 6);

  /* The other way round: an older office draft gives way to a newer sheet */
  {
    g_autoptr (SpireRecord) r = NULL;
    g_autofree char *draft = review_in (w->store, w->kari, w->apps[1], 2, 2, "Utkast.", FALSE);
    g_autofree char *newer = NULL;
    g_autofree char *file2 = NULL;

    r = spire_store_get (w->store, &spire_kind_review, draft, NULL);
    spire_record_set_text (r, "updated_at", "2026-01-01T08:00:00Z");
    g_assert_true (spire_store_save (w->store, r, SPIRE_SAVE_KEEP_TIMES, NULL, &error));
    newer = review_in (w->edb, w->kari, w->apps[1], 5, 5, "Ferdig hjemme.", TRUE);
    file2 = sheet (w, "kari.sheet2.json");
    stats = import_ok (w, file2);
    g_assert_cmpuint (stats.updated, ==, 1);
    g_assert_cmpuint (stats.kept, ==, 1); /* application 0, as before */
    g_clear_object (&r);
    r = office_review (w, w->kari, w->apps[1]);
    g_assert_cmpstr (spire_record_get_uuid (r), ==, draft); /* the office's record, updated */
    g_assert_cmpstr (spire_record_get_text (r, "state"), ==, "submitted");
    g_assert_cmpstr (spire_record_get_text (r, "summary"), ==, "Ferdig hjemme.");
    g_assert_cmpfloat (office_score (w, w->kari, w->apps[1], w->c_team), ==, 5);
  }
}

/* Packages refused */

/* Kari's sheet @file changed by @edit (on its first review) and signed
 * again with her token, as another tool might write it. */
static void
resign_sheet (W *w, const char *file, void (*edit) (JsonObject *root, JsonObject *review))
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (SpireRecord) kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
  g_autofree char *text = read_text (file);
  g_autofree char *sig = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  edit (root, json_array_get_object_element (json_object_get_array_member (root, "reviews"), 0));
  json_object_remove_member (root, "signature");
  sig = spire_package_sign (root, spire_record_get_text (kari, "token"));
  json_object_set_string_member (root, "signature", sig);
  g_free (text);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  write_text (file, text);
}

static void
review_twice (JsonObject *root, JsonObject *review)
{
  JsonArray *reviews = json_object_get_array_member (root, "reviews");

  json_array_add_element (reviews, json_node_copy (json_array_get_element (reviews, 0)));
}

static void
half_step (JsonObject *root, JsonObject *review)
{
  json_object_set_double_member (
    json_array_get_object_element (json_object_get_array_member (review, "scores"), 0), "value",
    6.5);
}

/* A sheet is read exactly as specified: its signature in lower-case hex,
 * one review per application, values on the scale's whole steps. */
static void
test_refuse_inexact_sheet (W *w, gconstpointer data)
{
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *r = review_in (w->edb, w->kari, w->apps[0], 6, 5, "Sterk søknad.", TRUE);
  g_autofree char *file = sheet (w, "kari.sheet.json");
  g_autofree char *good = read_text (file);

  /* The right signature, in upper case */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autofree char *text = NULL;
    g_autofree char *upper = NULL;
    JsonObject *root;

    g_assert_true (json_parser_load_from_data (parser, good, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    upper = g_ascii_strup (json_object_get_string_member (root, "signature"), -1);
    g_assert_cmpuint (strlen (upper), ==, 64);
    json_object_set_string_member (root, "signature", upper);
    text = json_to_string (json_parser_get_root (parser), TRUE);
    write_text (file, text);
    import_refused (w, file, SPIRE_ERROR_SIGNATURE, "64 lower-case hexadecimal digits");
  }

  /* The same application reviewed twice */
  write_text (file, good);
  resign_sheet (w, file, review_twice);
  import_refused (w, file, SPIRE_ERROR_FORMAT, "reviews[1] reviews");

  /* 6.5 on the whole steps of 1–7 */
  write_text (file, good);
  resign_sheet (w, file, half_step);
  import_refused (w, file, SPIRE_ERROR_INVALID, "6.5");

  /* The sheet as it was still imports */
  write_text (file, good);
  g_assert_cmpuint (import_ok (w, file).added, ==, 1);
}

/* 200 KB of "[" as a score sheet or a package: refused before the parser. */
static void
test_refuse_nested_too_deeply (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *deep = g_strnfill (200 * 1024, '[');
  g_autofree char *file = path (w, "deep.json");
  g_autofree char *db = path (w, "deep.db");

  write_text (file, deep);
  import_refused (w, file, SPIRE_ERROR_PARSE, "deep.json: nested too deeply at line 1");

  g_assert_null (spire_package_open_file (file, db, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "deep.json: nested too deeply at line 1"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_null (spire_package_open_file (file, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
}

/* Observers get no package */
static void
refusals_observer (W *w)
{
  g_autoptr (GError) error = NULL;
  const char *person = add (w, &spire_kind_person, "name", "Ola Vik", NULL);
  g_autoptr (SpireRecord) obs = spire_panel_add (w->store, w->cohort, person, "observer", &error);

  g_assert_no_error (error);
  g_assert_null (spire_package_export (w->store, w->cohort, spire_record_get_uuid (obs), NULL,
                                       &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_clear_error (&error);
}

/* Kari's package (@pkg) never into a database holding other data: not the
 * manager's own, not @other_db once it holds Per's; opened again there,
 * it changes nothing */
static void
refusals_other_databases (W *w, const char *pkg, const char *other_db)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *per_pkg = path (w, "per.spire-package");
  g_autoptr (SpireStore) opened = NULL;
  g_autofree char *before = NULL;

  g_assert_true (spire_package_export_file (w->store, w->cohort, w->kari, pkg, &error));
  g_assert_no_error (error);
  text = read_text (pkg);

  /* Never into a database holding other data (the manager's own) */
  before = snapshot (w);
  g_assert_false (spire_package_install (w->store, text, -1, "kari.spire-package", &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (w);

    g_assert_cmpstr (before, ==, after);
  }

  /* Never Per's package into Kari's evaluator database */
  opened = spire_package_open_file (pkg, other_db, &error);
  g_assert_no_error (error);
  g_assert_true (spire_package_export_file (w->store, w->cohort, w->per, per_pkg, &error));
  g_clear_object (&opened);
  g_assert_null (spire_package_open_file (per_pkg, other_db, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  /* Opening the same package again changes nothing */
  opened = spire_package_open_file (pkg, other_db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (opened, &spire_kind_application, NULL, NULL), ==, 3);
  g_assert_cmpint (spire_store_count (opened, &spire_kind_assignment, NULL, NULL), ==, 3);
  g_clear_object (&opened);
}

/* A damaged package is refused and leaves no database behind */
static void
refusals_damaged (W *w)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = path (w, "bad.spire-package");
  g_autofree char *bad_db = path (w, "bad.db");

  write_text (bad, "{\"format\": \"spire-evaluation-package\", \"version\": 1}");
  g_assert_null (spire_package_open_file (bad, bad_db, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_db, G_FILE_TEST_EXISTS));
  write_text (bad, "{\"format\": \"spire-evaluation-package\", \"version\": 7}");
  g_assert_null (spire_package_open_file (bad, bad_db, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_db, G_FILE_TEST_EXISTS));
}

/* No entry of the history has @token before or after */
static void
assert_audit_lacks (W *w, const char *token)
{
  g_autoptr (GPtrArray) audit = spire_store_list_audit (w->store, NULL, 0, NULL);

  for (guint i = 0; i < audit->len; i++)
    {
      const char *before = g_hash_table_lookup (audit->pdata[i], "before");
      const char *after = g_hash_table_lookup (audit->pdata[i], "after");

      g_assert_true (before == NULL || strstr (before, token) == NULL);
      g_assert_true (after == NULL || strstr (after, token) == NULL);
    }
}

/* The token is made once and kept */
static void
refusals_token (W *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
  g_autofree char *token = g_strdup (spire_record_get_text (kari, "token"));
  g_autofree char *again = spire_package_export (w->store, w->cohort, w->kari, NULL, &error);

  g_assert_no_error (error);
  g_clear_object (&kari);
  kari = spire_store_get (w->store, &spire_kind_evaluator, w->kari, NULL);
  g_assert_cmpstr (spire_record_get_text (kari, "token"), ==, token);
  /* ... and never copied into the history, not even when her role
   * changes or a member with a token leaves the panel */
  g_assert_true (spire_panel_set_role (w->store, w->kari, "chair", &error));
  g_assert_no_error (error);
  {
    const char *person = add (w, &spire_kind_person, "name", "Eva Lie", NULL);
    g_autoptr (SpireRecord) eva = spire_panel_add (w->store, w->cohort, person, "member", &error);
    g_autofree char *eva_pkg = spire_package_export (w->store, w->cohort,
                                                     spire_record_get_uuid (eva), NULL, &error);
    g_autoptr (SpireRecord) stored = NULL;

    g_assert_no_error (error);
    stored = spire_store_get (w->store, &spire_kind_evaluator, spire_record_get_uuid (eva), NULL);
    g_assert_nonnull (spire_record_get_text (stored, "token"));
    g_assert_true (spire_panel_remove (w->store, spire_record_get_uuid (eva), &error));
    g_assert_no_error (error);
    assert_audit_lacks (w, spire_record_get_text (stored, "token"));
  }
  assert_audit_lacks (w, token);
}

/* The steps: refusals_observer, refusals_other_databases,
 * refusals_damaged, refusals_token */
static void
test_package_refusals (W *w, gconstpointer data)
{
  g_autofree char *pkg = path (w, "kari.spire-package");
  g_autofree char *other_db = path (w, "other.db");

  refusals_observer (w);
  refusals_other_databases (w, pkg, other_db);
  refusals_damaged (w);
  remove_db (other_db);
  refusals_token (w);
}

/* A sheet or package cut short says where, as people read it: "line 3,
 * column 14", not json-glib's "<data>:3:14: Parse error". */
static void
test_refuse_cut_short (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = export_and_open (w);
  g_autofree char *file = sheet (w, "cut.json");
  g_autofree char *db = path (w, "cut.db");
  g_autofree char *text = read_text (file);
  g_autofree char *pkg_text = read_text (pkg);

  text[strlen (text) / 2] = '\0';
  write_text (file, text);
  import_refused (w, file, SPIRE_ERROR_PARSE, "is not a valid score sheet: line ");
  pkg_text[strlen (pkg_text) / 2] = '\0';
  write_text (pkg, pkg_text);
  g_assert_null (spire_package_open_file (pkg, db, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "is not a valid evaluation package: line "));
  g_assert_null (strstr (error->message, "<data>"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* Sets the cohort's UUID of a package to @data. */
static void
set_cohort_uuid (JsonObject *root, gpointer data)
{
  json_object_set_string_member (json_object_get_object_member (root, "cohort"), "uuid", data);
}

/* A package comes from outside: the UUIDs of its cohort and member named
 * the default evaluator database before they were checked, so a "../" in
 * them opened a file elsewhere and made a Spire database of it. */
static void
test_refuse_path_in_uuid (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pkg = path (w, "kari.spire-package");
  g_autofree char *evaluations = g_build_filename (g_get_user_data_dir (), "spire", "evaluations",
                                                   NULL);
  g_autofree char *victim = g_strdup_printf ("%s/../victim-%s.db", evaluations, w->kari);
  g_autofree char *up = g_strdup ("../victim");
  gsize length = 1;
  g_autofree char *contents = NULL;

  g_assert_true (spire_package_export_file (w->store, w->cohort, w->kari, pkg, &error));
  g_assert_no_error (error);
  edit_json (pkg, set_cohort_uuid, up);
  g_assert_cmpint (g_mkdir_with_parents (evaluations, 0700), ==, 0);
  write_text (victim, "");

  g_assert_null (spire_package_open_file (pkg, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "cohort.uuid"));
  g_assert_true (g_file_get_contents (victim, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 0);
  g_unlink (victim);
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  /* Evaluator databases by default in a folder of the test's own. */
  data_home = g_dir_make_tmp ("spire-package-refuse-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn, blind) g_test_add (path, W, GINT_TO_POINTER (blind), setup, fn, teardown)
  ADD ("/package/refuse/signature", test_refuse_signature, FALSE);
  ADD ("/package/refuse/other-evaluator", test_refuse_other_evaluator, FALSE);
  ADD ("/package/refuse/unknown-package", test_refuse_unknown_package, FALSE);
  ADD ("/package/refuse/changed-criteria", test_refuse_changed_criteria, FALSE);
  ADD ("/package/refuse/out-of-scale", test_refuse_out_of_scale, FALSE);
  ADD ("/package/refuse/unassigned", test_refuse_unassigned, FALSE);
  ADD ("/package/refuse/inexact-sheet", test_refuse_inexact_sheet, FALSE);
  ADD ("/package/refuse/nested-too-deeply", test_refuse_nested_too_deeply, FALSE);
  ADD ("/package/same-sheet-twice", test_same_sheet_twice, FALSE);
  ADD ("/package/office-later-kept", test_office_later_kept, FALSE);
  ADD ("/package/package-refusals", test_package_refusals, FALSE);
  ADD ("/package/refuse/path-in-uuid", test_refuse_path_in_uuid, FALSE);
  ADD ("/package/refuse/cut-short", test_refuse_cut_short, FALSE);
#undef ADD

  status = g_test_run ();
  {
    g_autofree char *evaluations = g_build_filename (data_home, "spire", "evaluations", NULL);
    g_autofree char *spire = g_build_filename (data_home, "spire", NULL);

    g_rmdir (evaluations);
    g_rmdir (spire);
    g_rmdir (data_home);
  }
  return status;
}
