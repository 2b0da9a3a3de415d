/* exchange-fixture.h — a small complete database and the helpers the
 * exchange tests share (test-exchange.c, test-exchange-refuse.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-core.h"

/* Records of the small database, with fixed UUIDs where a test needs them.
 * The district's UUID sorts before its municipality's, so an import meets
 * the child before the parent. */
#define OSLO_UUID "f0000000-0000-4000-8000-000000000001"
#define DISTRICT_UUID "10000000-0000-4000-8000-000000000002"
#define SCORE_NA_UUID "50000000-0000-4000-8000-000000000003"
#define APPLICATION_UUID "a0000000-0000-4000-8000-000000000004"
#define UNKNOWN_UUID "0f0f0f0f-0000-4000-8000-00000000abcd"
#define N_RECORDS 32

typedef struct
{
  char *dir;
  SpireStore *source; /* the small complete database */
  guint n_stores;
} Env;

/* Helpers */

G_GNUC_UNUSED static char *
make_orgnr (const char *eight)
{
  int check = spire_orgnr_check_digit (eight);

  g_assert_cmpint (check, >=, 0);
  return g_strdup_printf ("%s%d", eight, check);
}

/* Inserts a record of @kind from "field", "value" pairs (NULL-terminated);
 * values are text and converted by field type.  Returns its UUID. */
G_GNUC_UNUSED static const char *
add (SpireStore *store, const SpireKind *kind, ...)
{
  g_autoptr (SpireRecord) record = spire_record_new (kind);
  g_autoptr (GError) error = NULL;
  const char *field;
  va_list ap;

  va_start (ap, kind);
  while ((field = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      const SpireField *f = spire_kind_field (kind, field);

      g_assert_nonnull (f);
      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          spire_record_set_int (record, field, g_ascii_strtoll (value, NULL, 10));
          break;
        case SPIRE_FIELD_REAL:
          spire_record_set_real (record, field,
                                 g_str_equal (value, "N/A") ? NAN : g_ascii_strtod (value, NULL));
          break;
        case SPIRE_FIELD_BOOL:
          spire_record_set_bool (record, field, g_str_equal (value, "true"));
          break;
        default:
          spire_record_set_text (record, field, value);
          break;
        }
    }
  va_end (ap);

  spire_store_insert (store, record, &error);
  g_assert_no_error (error);
  return g_intern_string (spire_record_get_uuid (record));
}

/* A small database with every kind, by hand. */
G_GNUC_UNUSED static void
fill (SpireStore *store)
{
  g_autofree char *oslo_orgnr = make_orgnr ("97477887");
  const char *oslo, *district, *program, *cohort, *challenge, *startup, *other_startup;
  const char *contact, *panel_person, *application, *rubric, *impact, *feasibility;
  const char *evaluator, *review, *deal, *gate, *solution;
  g_autofree char *package_criteria = NULL;

  oslo = add (store, &spire_kind_public_body, "uuid", OSLO_UUID, "name", "Oslo kommune",
              "kind", "municipality", "orgnr", oslo_orgnr, "kommunenummer", "0301",
              "website", "https://www.oslo.kommune.no", NULL);
  district = add (store, &spire_kind_public_body, "uuid", DISTRICT_UUID,
                  "name", "Bydel Grünerløkka", "kind", "city_district", "parent", oslo, NULL);
  program = add (store, &spire_kind_program, "name", "SmartOslo Accelerator",
                 "kind", "accelerator", "operator", "Oslo Business Region", NULL);
  cohort = add (store, &spire_kind_cohort, "program", program, "name", "Kull 2026",
                "phase", "evaluation", "opens_on", "2026-01-05",
                "application_deadline", "2026-02-15", "starts_on", "2026-03-01",
                "ends_on", "2026-09-30", "seats", "4", "blind", "true", NULL);
  challenge = add (store, &spire_kind_challenge, "cohort", cohort, "owner", district,
                   "title", "Færre fall hjemme",
                   "need", "Eldre faller hjemme.\nVi trenger \"varsling\" som virker — uten kamera.",
                   "budget_hint", "150000000", NULL);
  startup = add (store, &spire_kind_startup, "name", "Nordlys Helse AS",
                 "orgnr", "923 609 016", "founded", "2021-04-12", "employees", "12",
                 "website", "https://nordlys.example.no", "kommunenummer", "0301",
                 "sector", "Velferdsteknologi", NULL);
  other_startup = add (store, &spire_kind_startup, "name", "Fjord Data AS", NULL);
  contact = add (store, &spire_kind_person, "name", "Kari Nordmann",
                 "email", "kari@nordlys.example.no", "phone", "+47 900 00 000",
                 "startup", startup, NULL);
  panel_person = add (store, &spire_kind_person, "name", "Ola Ås", "email", "ola@oslo.example.no",
                      "public_body", oslo, NULL);
  application = add (store, &spire_kind_application, "uuid", APPLICATION_UUID,
                     "cohort", cohort, "startup", startup, "challenge", challenge,
                     "contact", contact, "title", "Trygg hjemme", "pitch", "Sensorer i gulvet.",
                     "stage", "pilot", "status", "in_review",
                     "submitted_at", "2026-02-14T22:59:00Z",
                     "extra", "{\"team\": [\"Kari\", \"Per\"], \"trl\": 6, \"share\": 0.1, \"notes\": {}}",
                     "confidential", "Omsetning 2025: 3,2 MNOK; patent søkt", NULL);
  rubric = add (store, &spire_kind_rubric, "cohort", cohort, "scale_min", "1", "scale_max", "7",
                "scale_labels", "[\"svak\", \"god\", \"sterk\"]", "aggregation", "mean",
                "normalisation", "per_evaluator", "disagreement_threshold", "1.5",
                "version", "1", "frozen_at", "2026-02-16T08:00:00Z", NULL);
  impact = add (store, &spire_kind_criterion, "rubric", rubric, "position", "1",
                "name", "Effekt", "weight", "2", "kind", "scored", NULL);
  feasibility = add (store, &spire_kind_criterion, "rubric", rubric, "position", "2",
                     "name", "Gjennomførbarhet", "weight", "0.1", "kind", "scored", NULL);
  gate = add (store, &spire_kind_criterion, "rubric", rubric, "position", "3",
              "name", "Norsk selskap", "weight", "0", "kind", "gate", NULL);
  add (store, &spire_kind_screening, "application", application, "criterion", gate,
       "passed", "true", "note", "Registrert i Brønnøysund", "decided_by", "Ola Ås",
       "decided_at", "2026-02-16T09:00:00Z", "rubric_version", "1", NULL);
  evaluator = add (store, &spire_kind_evaluator, "cohort", cohort, "person", panel_person,
                   "role", "chair", "token", "hemmelig-token-123", NULL);
  add (store, &spire_kind_assignment, "evaluator", evaluator, "application", application,
       "state", "submitted", NULL);
  add (store, &spire_kind_conflict, "evaluator", evaluator, "startup", other_startup,
       "origin", "declared", "kind", "family", "reason", "Søster er daglig leder",
       "confirmed", "true", NULL);
  add (store, &spire_kind_conflict, "evaluator", evaluator, "startup", startup,
       "origin", "detected", "kind", "other", "reason", "Samme e-postdomene",
       "confirmed", "false", "dismissed_at", "2026-02-17T10:00:00Z", "dismissed_by", "Ola Ås",
       "dismiss_reason", "Felles idrettslag, ikke selskapet", NULL);
  package_criteria = g_strdup_printf ("[\"%s\", \"%s\", \"%s\"]", impact, feasibility, gate);
  add (store, &spire_kind_package, "evaluator", evaluator, "cohort", cohort,
       "rubric_version", "1", "criteria", package_criteria,
       "applications", "[\"" APPLICATION_UUID "\"]", "exported_by", "Ola Ås",
       "exported_at", "2026-02-16T08:30:00Z", NULL);
  review = add (store, &spire_kind_review, "evaluator", evaluator, "application", application,
                "state", "submitted", "recommendation", "yes", "summary", "Sterk løsning.",
                "submitted_at", "2026-02-20T10:00:00Z", "rubric_version", "1", NULL);
  add (store, &spire_kind_score, "review", review, "criterion", impact, "value", "6.5",
       "comment", "Stor effekt", NULL);
  add (store, &spire_kind_score, "uuid", SCORE_NA_UUID, "review", review,
       "criterion", feasibility, "value", "N/A", "comment", "Ikke vurdert", NULL);
  add (store, &spire_kind_decision, "application", application, "from_status", "in_review",
       "to_status", "shortlisted", "decided_by", "Ola Ås", "decided_at", "2026-02-25T12:00:00Z",
       "reason", "Høyest rangert", "rubric_version", "1", NULL);
  add (store, &spire_kind_innsyn_request, "requester", "Journalist Kari",
       "received_on", "2026-11-20", "answered_on", "2026-11-23", "application", application,
       "given", "[{\"table\":\"applications\",\"uuid\":\"" APPLICATION_UUID "\"}]",
       "withheld", "[{\"table\":\"applications\",\"uuid\":\"" APPLICATION_UUID "\","
       "\"field\":\"confidential\",\"basis\":\"offl. § 13\"}]", NULL);
  solution = add (store, &spire_kind_solution, "startup", startup, "name", "Nordlys Trygg",
                  "description", "Digitalt tilsyn", NULL);
  deal = add (store, &spire_kind_deal, "startup", startup, "public_body", oslo,
              "application", application, "title", "Pilot i Grünerløkka", "kind", "pilot",
              "stage", "signed", "value", "125000050", "expected_savings", "400000000",
              "started_on", "2026-10-01", "signed_on", "2026-11-23",
              "procedure", "direct_award", "procedure_note", "Under nasjonal terskelverdi",
              "solution", solution, "option_value", "50000000", "option_exercised", "0", NULL);
  add (store, &spire_kind_deal_event, "deal", deal, "stage", "signed", "date", "2026-11-23",
       "note", "Signert", NULL);
  add (store, &spire_kind_deal_phase, "deal", deal, "position", "1", "name", "Behovsavklaring",
       "planned_on", "2026-10-15", "actual_on", "2026-10-20", "max_cost", "20000000",
       "cost", "18000000", "state", "passed", NULL);
  add (store, &spire_kind_gain, "deal", deal, "year", "2027", "kind", "efficiency",
       "description", "Færre nattbesøk", "baseline", "900000000", "expected", "120000000",
       "realised", "80000000", "owner", "Helseetaten", NULL);
  add (store, &spire_kind_threshold, "scope", "national", "amount", "140000000",
       "valid_from", "2027-01-01", NULL);
  add (store, &spire_kind_stage_probability, "program", program, "stage", "negotiation",
       "percent", "60", NULL);
}

G_GNUC_UNUSED static SpireStore *
env_new_store (Env *env)
{
  g_autofree char *path = g_strdup_printf ("%s/db%u.sqlite", env->dir, env->n_stores++);
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_open (path, &error);

  g_assert_no_error (error);
  spire_store_set_actor (store, "Test");
  return store;
}

G_GNUC_UNUSED static Env *
env_new (void)
{
  Env *env = g_new0 (Env, 1);
  g_autoptr (GError) error = NULL;

  env->dir = g_dir_make_tmp ("spire-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  env->source = env_new_store (env);
  fill (env->source);
  return env;
}

G_GNUC_UNUSED static void
env_free (Env *env)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&env->source);
  dir = g_dir_open (env->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (env->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (env->dir);
  g_free (env->dir);
  g_free (env);
}

/* The document without its one moving part. */
G_GNUC_UNUSED static char *
strip_time (const char *doc)
{
  g_autoptr (GRegex) re = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *out = NULL;

  g_assert_nonnull (doc);
  g_assert_true (g_regex_match (re, doc, 0, NULL));
  out = g_regex_replace_literal (re, doc, -1, 0, "\"exported_at\": \"-\"", 0, NULL);
  return g_steal_pointer (&out);
}

G_GNUC_UNUSED static char *
export_stripped (SpireStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = spire_exchange_export_string (store, &error);

  g_assert_no_error (error);
  return strip_time (doc);
}

/* Equal documents, or a failure that shows the first line that differs
 * (not two whole documents). */
G_GNUC_UNUSED static void
assert_same_doc (const char *a, const char *b)
{
  g_auto (GStrv) la = g_strsplit (a, "\n", -1);
  g_auto (GStrv) lb = g_strsplit (b, "\n", -1);

  for (guint i = 0; la[i] != NULL || lb[i] != NULL; i++)
    if (la[i] == NULL || lb[i] == NULL || strcmp (la[i], lb[i]) != 0)
      g_error ("the documents differ at line %u:\n  %s\n  %s", i + 1,
               la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
}

G_GNUC_UNUSED static guint
n_audit (SpireStore *store)
{
  g_autoptr (GPtrArray) entries = spire_store_list_audit (store, NULL, 0, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

/* The database's indexes, one "name: CREATE INDEX …" line each, and its
 * journal mode. */
G_GNUC_UNUSED static char *
index_list (SpireStore *store)
{
  g_autofree char *path = g_strdup (spire_store_get_path (store));
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, ifnull (sql, '') FROM sqlite_schema "
                                           "WHERE type = 'index' ORDER BY name", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  /* and the file's journal: WAL, so that the window reads while others
   * write (an import alone with the file writes without it) */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (out, "journal: %s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (out->len, >, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

G_GNUC_UNUSED static JsonNode *
parse (const char *doc)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, doc, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

G_GNUC_UNUSED static JsonObject *
record_at (JsonNode *root, const char *table, guint index)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (root), table);

  g_assert_cmpuint (index, <, json_array_get_length (array));
  return json_array_get_object_element (array, index);
}

G_GNUC_UNUSED static JsonObject *
record_with_uuid (JsonNode *root, const char *table, const char *uuid)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (root), table);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (o, "uuid"), uuid))
        return o;
    }
  g_assert_not_reached ();
}

/* A document with changes a good import would write (a renamed program, a
 * new public body), to which each test adds one fault further down. */
G_GNUC_UNUSED static JsonNode *
changed_doc (Env *env)
{
  g_autofree char *doc = spire_exchange_export_string (env->source, NULL);
  JsonNode *root = parse (doc);
  JsonArray *bodies = json_object_get_array_member (json_node_get_object (root), "public_bodies");
  JsonObject *body = json_object_new ();

  json_object_set_string_member (record_at (root, "programs", 0), "name", "Omdøpt program");
  json_object_set_string_member (body, "uuid", "b0000000-0000-4000-8000-000000000009");
  json_object_set_string_member (body, "name", "Bergen kommune");
  json_object_set_string_member (body, "kind", "municipality");
  json_array_add_object_element (bodies, body);
  return root;
}

/* Imports @doc into the source database, expects the error and that the
 * database (and its audit log) did not change. */
G_GNUC_UNUSED static void
assert_refused (Env *env, const char *doc, gssize length, int code, ...)
{
  g_autofree char *before = export_stripped (env->source);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  guint audit_before = n_audit (env->source);
  SpireImportStats stats = { 7, 7, 7 };
  const char *part;
  va_list ap;

  g_assert_false (spire_exchange_import_data (env->source, doc, length, "backup.json", &stats,
                                              NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "backup.json"));
  va_start (ap, code);
  while ((part = va_arg (ap, const char *)) != NULL)
    {
      if (strstr (error->message, part) == NULL)
        g_error ("“%s” not in the message “%s”", part, error->message);
    }
  va_end (ap);

  after = export_stripped (env->source);
  assert_same_doc (after, before);
  g_assert_cmpuint (n_audit (env->source), ==, audit_before);
}

G_GNUC_UNUSED static void
assert_refused_node (Env *env, JsonNode *root, int code, const char *part)
{
  g_autofree char *doc = json_to_string (root, TRUE);

  assert_refused (env, doc, -1, code, part, NULL);
}

/* 3000 new startups and 3000 people, the very last person pointing
 * nowhere: none of the 5999 good records stays. */
G_GNUC_UNUSED static GString *
big_doc (guint n, const char *last_startup)
{
  GString *doc = g_string_new ("{\"format\": \"spire-backup\", \"version\": 1, \"startups\": [");
  g_autoptr (GPtrArray) startups = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      char *uuid = g_strdup_printf ("%08x-0000-4000-8000-%012x", i, i);

      g_ptr_array_add (startups, uuid);
      g_string_append_printf (doc, "%s{\"uuid\": \"%s\", \"name\": \"Startup %u AS\", "
                                   "\"employees\": %u}", i ? "," : "", uuid, i, i % 40);
    }
  g_string_append (doc, "], \"persons\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "%s{\"uuid\": \"%08x-1111-4000-8000-%012x\", "
                                 "\"name\": \"Person %u\", \"startup\": \"%s\"}",
                            i ? "," : "", i, i, i,
                            i == n - 1 ? last_startup : (char *) startups->pdata[i]);
  g_string_append (doc, "]}");
  return doc;
}
