/* test-exchange.c — the whole database as one JSON document, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "spire-core.h"
#include "spire-uuid-set-private.h"

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

static char *
make_orgnr (const char *eight)
{
  int check = spire_orgnr_check_digit (eight);

  g_assert_cmpint (check, >=, 0);
  return g_strdup_printf ("%s%d", eight, check);
}

/* Inserts a record of @kind from "field", "value" pairs (NULL-terminated);
 * values are text and converted by field type.  Returns its UUID. */
static const char *
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
static void
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

static SpireStore *
env_new_store (Env *env)
{
  g_autofree char *path = g_strdup_printf ("%s/db%u.sqlite", env->dir, env->n_stores++);
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_open (path, &error);

  g_assert_no_error (error);
  spire_store_set_actor (store, "Test");
  return store;
}

static Env *
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

static void
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
static char *
strip_time (const char *doc)
{
  g_autoptr (GRegex) re = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *out = NULL;

  g_assert_nonnull (doc);
  g_assert_true (g_regex_match (re, doc, 0, NULL));
  out = g_regex_replace_literal (re, doc, -1, 0, "\"exported_at\": \"-\"", 0, NULL);
  return g_steal_pointer (&out);
}

static char *
export_stripped (SpireStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = spire_exchange_export_string (store, &error);

  g_assert_no_error (error);
  return strip_time (doc);
}

/* Equal documents, or a failure that shows the first line that differs
 * (not two whole documents). */
static void
assert_same_doc (const char *a, const char *b)
{
  g_auto (GStrv) la = g_strsplit (a, "\n", -1);
  g_auto (GStrv) lb = g_strsplit (b, "\n", -1);

  for (guint i = 0; la[i] != NULL || lb[i] != NULL; i++)
    if (la[i] == NULL || lb[i] == NULL || strcmp (la[i], lb[i]) != 0)
      g_error ("the documents differ at line %u:\n  %s\n  %s", i + 1,
               la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
}

static guint
n_audit (SpireStore *store)
{
  g_autoptr (GPtrArray) entries = spire_store_list_audit (store, NULL, 0, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

static JsonNode *
parse (const char *doc)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, doc, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
record_at (JsonNode *root, const char *table, guint index)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (root), table);

  g_assert_cmpuint (index, <, json_array_get_length (array));
  return json_array_get_object_element (array, index);
}

static JsonObject *
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
static JsonNode *
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
static void
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

static void
assert_refused_node (Env *env, JsonNode *root, int code, const char *part)
{
  g_autofree char *doc = json_to_string (root, TRUE);

  assert_refused (env, doc, -1, code, part, NULL);
}

/* Tests */

/* Export, import into an empty database, export again: the same document,
 * confidential fields, N/A scores and all. */
static void
test_round_trip (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = spire_exchange_export_string (env->source, &error);
  g_autofree char *again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (SpireRecord) na = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  SpireImportStats stats;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (doc, "{\n  \"format\": \"spire-backup\",\n  \"version\": 1,\n"));
  /* a full backup keeps what was shared in confidence */
  g_assert_nonnull (strstr (doc, "Omsetning 2025: 3,2 MNOK"));
  g_assert_nonnull (strstr (doc, "hemmelig-token-123"));
  /* doubles in their short exact form, N/A as null */
  g_assert_nonnull (strstr (doc, "\"weight\": 0.1,"));
  g_assert_nonnull (strstr (doc, "\"value\": null,"));
  /* two exports of the same database differ only in exported_at */
  again = spire_exchange_export_string (env->source, &error);
  g_assert_no_error (error);
  first = strip_time (doc);
  g_free (second);
  second = strip_time (again);
  assert_same_doc (first, second);

  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", &stats, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 0);

  g_free (second);
  second = export_stripped (copy);
  assert_same_doc (second, first);

  na = spire_store_get (copy, &spire_kind_score, SCORE_NA_UUID, &error);
  g_assert_no_error (error);
  g_assert_true (spire_record_is_null (na, "value"));

  /* one audit entry for the whole import, none per record */
  audit = spire_store_list_audit (copy, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[0], "entity"), ==, "database");
  g_assert_cmpstr (g_hash_table_lookup (audit->pdata[0], "action"), ==, "import");
  g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[0], "after"), "backup.json"));
  g_assert_nonnull (strstr (g_hash_table_lookup (audit->pdata[0], "after"),
                            "\"added\":" G_STRINGIFY (N_RECORDS)));

  g_clear_object (&copy);
  env_free (env);
}

/* Under Norwegian number formats (decimal comma) the file still says 0.1
 * and 6.5, and reads back the same. */
static void
test_round_trip_nb (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  Env *env;
  g_autoptr (SpireStore) copy = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GError) error = NULL;

  if (setlocale (LC_NUMERIC, "nb_NO.UTF-8") == NULL)
    {
      g_test_skip ("the nb_NO.UTF-8 locale is not installed");
      return;
    }
  env = env_new ();
  copy = env_new_store (env);
  doc = spire_exchange_export_string (env->source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (doc, "\"weight\": 0.1,"));
  g_assert_nonnull (strstr (doc, "\"value\": 6.5,"));
  g_assert_nonnull (strstr (doc, "\"disagreement_threshold\": 1.5,"));
  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", NULL, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  first = strip_time (doc);
  second = export_stripped (copy);
  assert_same_doc (second, first);

  setlocale (LC_NUMERIC, saved);
  g_clear_object (&copy);
  env_free (env);
}

/* Every table in kind order, each sorted by UUID: diffs between two
 * backups stay small. */
static void
test_export_order (void)
{
  Env *env = env_new ();
  g_autofree char *doc = spire_exchange_export_string (env->source, NULL);
  g_autoptr (JsonNode) root = parse (doc);
  g_autoptr (GList) members = json_object_get_members (json_node_get_object (root));
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  GList *l = members;
  guint total = 0;

  g_assert_cmpstr (l->data, ==, "format");
  g_assert_cmpstr ((l = l->next)->data, ==, "version");
  g_assert_cmpstr ((l = l->next)->data, ==, "exported_at");
  /* the evaluator's token: the backup says it holds secrets, and why */
  g_assert_cmpstr ((l = l->next)->data, ==, "contains_secrets");
  g_assert_cmpstr ((l = l->next)->data, ==, "secrets_note");
  for (guint k = 0; k < n_kinds; k++)
    {
      JsonArray *array;

      l = l->next;
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, kinds[k]->table);
      array = json_object_get_array_member (json_node_get_object (root), kinds[k]->table);
      g_assert_cmpuint (json_array_get_length (array), >, 0);
      for (guint i = 1; i < json_array_get_length (array); i++)
        g_assert_cmpint (strcmp (json_object_get_string_member (json_array_get_object_element (array, i - 1), "uuid"),
                                 json_object_get_string_member (json_array_get_object_element (array, i), "uuid")),
                         <, 0);
      total += json_array_get_length (array);
    }
  g_assert_null (l->next);
  g_assert_cmpuint (total, ==, N_RECORDS);
  /* the district comes before the municipality it is part of */
  g_assert_cmpstr (json_object_get_string_member (record_at (root, "public_bodies", 0), "uuid"),
                   ==, DISTRICT_UUID);

  env_free (env);
}

/* The export writes rows as it steps them, without records: each record in
 * the document is what spire_record_to_json () makes of the record the
 * store reads (fields in kind order, null for what is not given), on the
 * sample data and on text that needs escaping. */
static void
test_export_as_records (void)
{
  Env *env = env_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *doc = NULL;
  g_autoptr (JsonNode) root = NULL;
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  guint total = 0;

  g_assert_true (spire_demo_fill (env->source, 3, SPIRE_DEMO_SMALL, TRUE, NULL, NULL, NULL,
                                  &error));
  g_assert_no_error (error);
  add (env->source, &spire_kind_startup, "name", "Kontroll\x01\x1f\x7f \"sitat\" \\ \t AS",
       "website", "https://ø.example.no/ære?å=1&b=<2>", "sector", "Helse\r\nomsorg\b\f", NULL);
  add (env->source, &spire_kind_program, "name", "Emoji 🚀 og null", "kind", "other",
       "description", "", NULL);

  doc = spire_exchange_export_string (env->source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (doc, "\"name\": \"Kontroll\\u0001\\u001f\\u007f \\\"sitat\\\" \\\\ "
                                 "\\t AS\","));
  g_assert_nonnull (strstr (doc, "\"sector\": \"Helse\\r\\nomsorg\\b\\f\""));
  g_assert_nonnull (strstr (doc, "\"name\": \"Emoji 🚀 og null\","));
  root = parse (doc);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr (GPtrArray) records = spire_store_list (env->source, kinds[k], NULL, NULL,
                                                        &error);
      JsonArray *array = json_object_get_array_member (json_node_get_object (root),
                                                       kinds[k]->table);

      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (array), ==, records->len);
      for (guint i = 0; i < records->len; i++)
        {
          SpireRecord *record = records->pdata[i];
          g_autoptr (JsonNode) expected = spire_record_to_json (record, TRUE);
          JsonObject *written = record_with_uuid (root, kinds[k]->table,
                                                  spire_record_get_uuid (record));
          g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), written);
          g_autoptr (GList) want = json_object_get_members (json_node_get_object (expected));
          g_autoptr (GList) have = json_object_get_members (written);

          if (!json_node_equal (expected, node))
            {
              g_autofree char *a = json_to_string (expected, FALSE);
              g_autofree char *b = json_to_string (node, FALSE);

              g_error ("%s: the record\n  %s\nwas written\n  %s", kinds[k]->table, a, b);
            }
          for (GList *a = want, *b = have; a || b; a = a->next, b = b->next)
            g_assert_cmpstr (a ? a->data : NULL, ==, b ? b->data : NULL);
        }
      total += records->len;
    }
  g_assert_cmpuint (total, >, 1000);

  env_free (env);
}

static void
on_progress_cb (double fraction, gpointer data)
{
  GArray *seen = data;

  g_array_append_val (seen, fraction);
}

/* A file: the same document, written whole or not at all, readable by the
 * owner only (it holds confidential fields). */
static void
test_export_file (void)
{
  Env *env = env_new ();
  g_autofree char *path = g_build_filename (env->dir, "backup.json", NULL);
  g_autofree char *missing = g_build_filename (env->dir, "no-such-folder", "backup.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *from_string = export_stripped (env->source);
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old backup", -1, NULL));
  g_assert_true (spire_exchange_export_file (env->source, path, on_progress_cb, seen, NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  from_file = strip_time (contents);
  assert_same_doc (from_file, from_string);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpuint (seen->len, >=, 2);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

  /* cancelled: the old file stays as it was */
  g_cancellable_cancel (cancellable);
  g_assert_false (spire_exchange_export_file (env->source, path, NULL, NULL, cancellable,
                                              &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_clear_pointer (&from_file, g_free);
  from_file = strip_time (contents);
  assert_same_doc (from_file, from_string);

  /* a folder that is not there */
  g_assert_false (spire_exchange_export_file (env->source, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "backup.json"));
  g_clear_error (&error);

  /* no temporary file left behind */
  dir = g_dir_open (env->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "backup.json") || g_str_has_prefix (name, "db"));

  env_free (env);
}

/* The same backup twice: the second time nothing is added or changed. */
static void
test_import_twice (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autofree char *doc = spire_exchange_export_string (env->source, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  SpireImportStats stats;

  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", &stats, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);
  before = export_stripped (copy);

  g_assert_true (spire_exchange_import_data (copy, doc, -1, "backup.json", &stats, NULL, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, N_RECORDS);
  after = export_stripped (copy);
  assert_same_doc (after, before);

  /* Back into the database it came from (where the extra answers are
   * stored with other spacing): nothing changed either. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = export_stripped (env->source);
  g_assert_true (spire_exchange_import_data (env->source, doc, -1, "backup.json", &stats, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.unchanged, ==, N_RECORDS);
  after = export_stripped (env->source);
  assert_same_doc (after, before);

  g_clear_object (&copy);
  env_free (env);
}

/* A record changed in the file updates the one in the database, with the
 * file's times; the rest is left alone. */
static void
test_import_updates (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autofree char *doc = NULL;
  g_autoptr (SpireRecord) application = NULL;
  g_autoptr (GPtrArray) bodies = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *app = record_with_uuid (root, "applications", APPLICATION_UUID);
  SpireImportStats stats;

  json_object_set_string_member (app, "status", "shortlisted");
  json_object_set_string_member (app, "updated_at", "2026-03-01T09:00:00Z");
  doc = json_to_string (root, TRUE);

  g_assert_true (spire_exchange_import_data (env->source, doc, -1, "backup.json", &stats, NULL,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);   /* Bergen kommune */
  g_assert_cmpuint (stats.updated, ==, 2); /* the program and the application */
  g_assert_cmpuint (stats.unchanged, ==, N_RECORDS - 2);

  application = spire_store_get (env->source, &spire_kind_application, APPLICATION_UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (application, "status"), ==, "shortlisted");
  g_assert_cmpstr (spire_record_get_text (application, "updated_at"), ==, "2026-03-01T09:00:00Z");
  g_assert_cmpstr (spire_record_get_text (application, "confidential"), ==,
                   "Omsetning 2025: 3,2 MNOK; patent søkt");
  bodies = spire_store_list (env->source, &spire_kind_public_body, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bodies->len, ==, 3);

  env_free (env);
}

static void
test_refuse_truncated (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autofree char *doc = json_to_string (root, TRUE);

  /* cut short, as by a full disk */
  assert_refused (env, doc, (gssize) (strlen (doc) * 3 / 5), SPIRE_ERROR_PARSE,
                  "backup.json: line ", ", column ", "ends before the backup is complete", NULL);
  /* a line that points at the fault */
  assert_refused (env,
                  "{\n  \"format\": \"spire-backup\",\n  \"version\": 1,\n  \"programs\": [\n"
                  "    {,\n      \"name\": \"x\"\n    }\n  ]\n}\n",
                  -1, SPIRE_ERROR_PARSE, "backup.json: line 5, column ", "not valid JSON", NULL);
  assert_refused (env, "", 0, SPIRE_ERROR_PARSE, "line 1", NULL);

  env_free (env);
}

static void
test_refuse_wrong_type (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);

  json_object_set_string_member (record_at (root, "startups", 0), "employees", "twelve");
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, "backup.json: startups[0].employees: ");

  env_free (env);
}

static void
test_refuse_missing_required (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);

  json_object_remove_member (record_at (root, "decisions", 0), "reason");
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, "backup.json: decisions[0].reason: ");

  env_free (env);
}

static void
test_refuse_unknown_reference (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);

  json_object_set_string_member (record_at (root, "applications", 0), "startup", UNKNOWN_UUID);
  assert_refused_node (env, root, SPIRE_ERROR_REFERENCE,
                       "backup.json: applications[0].startup: ");

  env_free (env);
}

static void
test_refuse_invalid (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);

  json_object_set_string_member (record_with_uuid (root, "public_bodies", OSLO_UUID), "orgnr",
                                 "974778870");
  assert_refused_node (env, root, SPIRE_ERROR_INVALID, "backup.json: public_bodies[1].orgnr: ");

  json_object_set_string_member (record_at (root2, "applications", 0), "status", "approved");
  assert_refused_node (env, root2, SPIRE_ERROR_INVALID, "backup.json: applications[0].status: ");

  env_free (env);
}

/* A UUID twice in the file is refused where its second record is, and
 * nothing is written. */
static void
test_refuse_duplicate_uuid (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  JsonArray *bodies = json_object_get_array_member (json_node_get_object (root), "public_bodies");
  JsonObject *again = json_object_new ();
  g_autofree char *where = NULL;

  json_object_set_string_member (again, "uuid", "b0000000-0000-4000-8000-000000000009");
  json_object_set_string_member (again, "name", "Bergen kommune igjen");
  json_object_set_string_member (again, "kind", "municipality");
  json_array_add_object_element (bodies, again);
  where = g_strdup_printf ("backup.json: public_bodies[%u].uuid: ", json_array_get_length (bodies) - 1);
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, where);

  env_free (env);
}

/* The set of UUIDs the import has seen keeps apart what SQLite keeps
 * apart (case), and holds UUIDs made in sequence as well as random ones. */
static void
test_uuid_set (void)
{
  g_autoptr (SpireUuidSet) set = _spire_uuid_set_new ();
  char uuid[37];

  for (guint i = 0; i < 100000; i++)
    {
      g_snprintf (uuid, sizeof uuid, "00000000-0000-4000-8000-%012x", i);
      g_assert_true (_spire_uuid_set_add (set, uuid));
    }
  for (guint i = 0; i < 100000; i += 999)
    {
      g_snprintf (uuid, sizeof uuid, "00000000-0000-4000-8000-%012x", i);
      g_assert_false (_spire_uuid_set_add (set, uuid));
      g_assert_true (_spire_uuid_set_contains (set, uuid));
    }
  g_assert_false (_spire_uuid_set_contains (set, "00000000-0000-4000-8000-0000000f4240"));
  g_assert_true (_spire_uuid_set_add (set, "0000000A-0000-4000-8000-000000000000"));
  g_assert_true (_spire_uuid_set_add (set, "0000000a-0000-4000-8000-000000000000"));
  g_assert_true (_spire_uuid_set_add (set, "00000000-0000-0000-0000-000000000000"));
  g_assert_false (_spire_uuid_set_add (set, "00000000-0000-0000-0000-000000000000"));
  g_assert_true (_spire_uuid_set_add (set, "not a uuid"));
  g_assert_true (_spire_uuid_set_contains (set, "not a uuid"));
  g_assert_cmpuint (_spire_uuid_set_size (set), ==, 100004);
}

static void
test_refuse_unknown_members (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) root = changed_doc (env);
  g_autoptr (JsonNode) root2 = changed_doc (env);

  json_object_set_array_member (json_node_get_object (root), "invoices", json_array_new ());
  assert_refused_node (env, root, SPIRE_ERROR_FORMAT, "invoices");

  json_object_set_int_member (record_at (root2, "deal_events", 0), "shoe_size", 44);
  assert_refused_node (env, root2, SPIRE_ERROR_FORMAT, "backup.json: deal_events[0].shoe_size: ");

  env_free (env);
}

static void
test_refuse_format_and_version (void)
{
  Env *env = env_new ();
  g_autoptr (JsonNode) newer = changed_doc (env);
  g_autoptr (JsonNode) other = changed_doc (env);
  g_autoptr (JsonNode) no_version = changed_doc (env);

  json_object_set_int_member (json_node_get_object (newer), "version", SPIRE_BACKUP_VERSION + 1);
  assert_refused_node (env, newer, SPIRE_ERROR_NEWER_VERSION, "newer version of Spire");

  json_object_set_string_member (json_node_get_object (other), "format", "spire-score-sheet");
  assert_refused_node (env, other, SPIRE_ERROR_FORMAT, "spire-score-sheet");

  json_object_remove_member (json_node_get_object (no_version), "version");
  assert_refused_node (env, no_version, SPIRE_ERROR_FORMAT, "version");

  assert_refused (env, "[1, 2, 3]", -1, SPIRE_ERROR_FORMAT, "not a Spire backup", NULL);

  env_free (env);
}

/* 3000 new startups and 3000 people, the very last person pointing
 * nowhere: none of the 5999 good records stays. */
static GString *
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

static void
test_refuse_last_record (void)
{
  Env *env = env_new ();
  g_autoptr (GString) bad = big_doc (3000, UNKNOWN_UUID);
  g_autoptr (GString) good = big_doc (3000, "00000000-0000-4000-8000-000000000000");
  g_autoptr (GError) error = NULL;
  SpireImportStats stats;
  gint64 startups = spire_store_count (env->source, &spire_kind_startup, NULL, NULL);

  assert_refused (env, bad->str, (gssize) bad->len, SPIRE_ERROR_REFERENCE,
                  "backup.json: persons[2999].startup: ", UNKNOWN_UUID, NULL);
  g_assert_cmpint (spire_store_count (env->source, &spire_kind_startup, NULL, NULL), ==, startups);

  /* the same document, good to the end, goes in whole */
  g_assert_true (spire_exchange_import_data (env->source, good->str, (gssize) good->len,
                                             "backup.json", &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 6000);
  g_assert_cmpint (spire_store_count (env->source, &spire_kind_startup, NULL, NULL), ==,
                   startups + 3000);

  env_free (env);
}

/* A document of several megabytes is read in pieces: records and strings
 * that straddle two pieces go in whole, and a fault far into the file is
 * placed by its line and column (here on the one long line). */
static void
test_import_in_pieces (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autoptr (GString) good = big_doc (12000, "00000000-0000-4000-8000-000000000000");
  g_autoptr (GString) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *where = NULL;
  SpireImportStats stats;
  gsize at;

  g_assert_cmpuint (good->len, >, 2 * 1024 * 1024);
  g_assert_true (spire_exchange_import_data (copy, good->str, (gssize) good->len, "backup.json",
                                             &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 24000);
  /* the last person works for the first startup */
  g_assert_cmpint (spire_store_count (copy, &spire_kind_person, "startup",
                                      "00000000-0000-4000-8000-000000000000"), ==, 2);
  g_assert_cmpint (spire_store_count (copy, &spire_kind_person, "startup",
                                      "00002ede-0000-4000-8000-000000002ede"), ==, 1);

  /* a colon gone from the last person, 2.9 MB in */
  bad = g_string_new (good->str);
  at = (gsize) (g_strrstr (bad->str, "\"name\": \"Person 11999\"") - bad->str) + strlen ("\"name\"");
  g_string_erase (bad, (gssize) at, 1);
  /* placed at the end of the token that shows it: the closing quote of
   * "Person 11999", after the space where the colon belonged (0-based
   * offset at, so column at + 1) */
  where = g_strdup_printf ("backup.json: line 1, column %" G_GSIZE_FORMAT ": ",
                           at + strlen (" \"Person 11999\""));
  assert_refused (env, bad->str, (gssize) bad->len, SPIRE_ERROR_PARSE, where, "not valid JSON",
                  NULL);

  g_clear_object (&copy);
  env_free (env);
}

/* A hand-made file may say its version last: a newer one is refused all
 * the same, after its records were read, and nothing of them stays. */
static void
test_refuse_version_last (void)
{
  Env *env = env_new ();
  g_autoptr (GString) doc = big_doc (10, "00000000-0000-4000-8000-000000000000");

  g_string_erase (doc, 0, (gssize) strlen ("{\"format\": \"spire-backup\", \"version\": 1, "));
  g_string_prepend (doc, "{");
  g_string_truncate (doc, doc->len - 1);
  g_string_append (doc, ", \"version\": 2, \"format\": \"spire-backup\"}");
  assert_refused (env, doc->str, (gssize) doc->len, SPIRE_ERROR_NEWER_VERSION,
                  "newer version of Spire", NULL);

  env_free (env);
}

typedef struct
{
  GCancellable *cancellable;
  guint calls;
} CancelData;

static void
on_progress_cancel_cb (double fraction, gpointer data)
{
  CancelData *cd = data;

  cd->calls++;
  if (fraction > 0.0)
    g_cancellable_cancel (cd->cancellable);
}

/* Cancelled halfway: nothing of it stays. */
static void
test_import_cancel (void)
{
  Env *env = env_new ();
  g_autoptr (GString) doc = big_doc (3000, "00000000-0000-4000-8000-000000000000");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = export_stripped (env->source);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  CancelData cd = { cancellable, 0 };

  g_assert_false (spire_exchange_import_data (env->source, doc->str, (gssize) doc->len,
                                              "backup.json", NULL, on_progress_cancel_cb, &cd,
                                              cancellable, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_assert_cmpuint (cd.calls, >=, 2);
  after = export_stripped (env->source);
  assert_same_doc (after, before);

  env_free (env);
}

/* From a file: messages name the file. */
static void
test_import_file (void)
{
  Env *env = env_new ();
  g_autoptr (SpireStore) copy = env_new_store (env);
  g_autofree char *path = g_build_filename (env->dir, "backup.json", NULL);
  g_autofree char *broken = g_build_filename (env->dir, "broken.json", NULL);
  g_autofree char *missing = g_build_filename (env->dir, "missing.json", NULL);
  g_autoptr (GError) error = NULL;
  SpireImportStats stats;

  g_assert_true (spire_exchange_export_file (env->source, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spire_exchange_import_file (copy, path, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, N_RECORDS);

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"spire-backup\",", -1, NULL));
  g_assert_false (spire_exchange_import_file (copy, broken, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: line 1, column "));
  g_clear_error (&error);

  g_assert_false (spire_exchange_import_file (copy, missing, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.json"));

  g_clear_object (&copy);
  env_free (env);
}

static void
on_detected_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* 200 KB of "[" would overflow json-glib's stack: every way in refuses it
 * first, with where, and changes nothing. */
static void
test_refuse_nested_too_deeply (void)
{
  Env *env = env_new ();
  g_autofree char *deep = g_strnfill (200 * 1024, '[');
  g_autofree char *deep_member = g_strdup_printf (
    "{\n  \"format\": \"spire-backup\",\n  \"version\": 1,\n  \"programs\": [\n"
    "    {\"name\": \"[[[[ in a string is text\", \"x\": %s\n  ]\n}\n", deep);
  g_autofree char *path = g_build_filename (env->dir, "deep.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) detected = NULL;
  g_autoptr (GError) error = NULL;
  guint audit_before = n_audit (env->source);

  assert_refused (env, deep, -1, SPIRE_ERROR_PARSE,
                  "backup.json: nested too deeply at line 1 (more than 64 levels)", NULL);
  assert_refused (env, deep_member, -1, SPIRE_ERROR_PARSE,
                  "backup.json: nested too deeply at line 5", NULL);

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  g_assert_false (spire_exchange_import_file (env->source, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "deep.json: nested too deeply at line 1 (more than 64 levels). Nothing was "
                   "changed.");
  g_clear_error (&error);
  g_assert_cmpuint (n_audit (env->source), ==, audit_before);

  /* What kind of file it is: too deep to be read as JSON */
  spire_import_detect_async (file, NULL, on_detected_cb, &detected);
  while (detected == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (spire_import_detect_finish (detected, NULL, &error), ==,
                   SPIRE_IMPORT_KIND_UNKNOWN);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "deep.json: nested too deeply at line 1"));
  env_free (env);
}

/* trust-files: backups and secrets.  The default export holds the
 * evaluator's package token and says so; one without secrets holds no
 * token, says so, and still imports: into an empty database (the evaluator
 * counted as without a token) and into the source (its token kept).
 * Both files are the owner's alone, whatever the umask. */
static void
test_export_secrets (void)
{
  Env *env = env_new ();
  g_autofree char *with = g_build_filename (env->dir, "with.json", NULL);
  g_autofree char *without = g_build_filename (env->dir, "without.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr (JsonNode) root = NULL;
  mode_t old_umask = umask (0);
  guint n_secrets = 99;
  GStatBuf st;

  g_assert_true (spire_exchange_export_file_full (env->source, with, SPIRE_EXPORT_DEFAULT,
                                                  &n_secrets, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_secrets, ==, 1);
  g_assert_true (g_file_get_contents (with, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "hemmelig-token-123"));
  root = parse (data);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "contains_secrets"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (root),
                                                           "secrets_note"),
                            "sign score sheets"));
  g_assert_cmpint (g_stat (with, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_pointer (&data, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_true (spire_exchange_export_file_full (env->source, without,
                                                  SPIRE_EXPORT_WITHOUT_SECRETS, &n_secrets, NULL,
                                                  NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_secrets, ==, 0);
  g_assert_true (g_file_get_contents (without, &data, NULL, NULL));
  g_assert_null (strstr (data, "hemmelig-token-123"));
  g_assert_null (strstr (data, "\"token\""));
  /* the rest of what was shared in confidence is still there */
  g_assert_nonnull (strstr (data, "Omsetning 2025: 3,2 MNOK"));
  root = parse (data);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root),
                                                  "contains_secrets"));
  g_assert_false (json_object_has_member (json_node_get_object (root), "secrets_note"));
  g_assert_cmpint (g_stat (without, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  umask (old_umask);

  {
    g_autoptr (SpireStore) copy = env_new_store (env);
    SpireImportStats stats = { 0 };
    g_autoptr (GPtrArray) evaluators = NULL;

    g_assert_true (spire_exchange_import_file (copy, without, &stats, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.added, ==, N_RECORDS);
    g_assert_cmpuint (stats.without_secrets, ==, 1);
    evaluators = spire_store_list (copy, &spire_kind_evaluator, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evaluators->len, ==, 1);
    g_assert_true (spire_record_is_null (g_ptr_array_index (evaluators, 0), "token"));
  }
  {
    SpireImportStats stats = { 0 };
    g_autoptr (GPtrArray) evaluators = NULL;

    g_assert_true (spire_exchange_import_file (env->source, without, &stats, NULL, NULL, NULL,
                                               &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.unchanged, ==, N_RECORDS);
    g_assert_cmpuint (stats.without_secrets, ==, 0);
    evaluators = spire_store_list (env->source, &spire_kind_evaluator, NULL, NULL, &error);
    g_assert_cmpstr (spire_record_get_text (g_ptr_array_index (evaluators, 0), "token"), ==,
                     "hemmelig-token-123");
  }
  env_free (env);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/round-trip", test_round_trip);
  g_test_add_func ("/exchange/round-trip-nb", test_round_trip_nb);
  g_test_add_func ("/exchange/export-order", test_export_order);
  g_test_add_func ("/exchange/export-file", test_export_file);
  g_test_add_func ("/exchange/export-as-records", test_export_as_records);
  g_test_add_func ("/exchange/export-secrets", test_export_secrets);
  g_test_add_func ("/exchange/import-twice", test_import_twice);
  g_test_add_func ("/exchange/import-updates", test_import_updates);
  g_test_add_func ("/exchange/import-file", test_import_file);
  g_test_add_func ("/exchange/import-cancel", test_import_cancel);
  g_test_add_func ("/exchange/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/exchange/refuse/wrong-type", test_refuse_wrong_type);
  g_test_add_func ("/exchange/refuse/missing-required", test_refuse_missing_required);
  g_test_add_func ("/exchange/refuse/unknown-reference", test_refuse_unknown_reference);
  g_test_add_func ("/exchange/refuse/invalid", test_refuse_invalid);
  g_test_add_func ("/exchange/refuse/unknown-members", test_refuse_unknown_members);
  g_test_add_func ("/exchange/refuse/duplicate-uuid", test_refuse_duplicate_uuid);
  g_test_add_func ("/exchange/uuid-set", test_uuid_set);
  g_test_add_func ("/exchange/refuse/format-and-version", test_refuse_format_and_version);
  g_test_add_func ("/exchange/refuse/last-record", test_refuse_last_record);
  g_test_add_func ("/exchange/refuse/version-last", test_refuse_version_last);
  g_test_add_func ("/exchange/import-in-pieces", test_import_in_pieces);
  g_test_add_func ("/exchange/refuse/nested-too-deeply", test_refuse_nested_too_deeply);

  return g_test_run ();
}
