/* spire-report-data.c — what the report builders read alike
 *
 * The cohort with its program (the page header, the PDF's author: the
 * program's operator), the date of the data (the newest change to the
 * cohort, its applications, reviews and decisions), the rubric with its
 * scale's words, the fylke of a kommunenummer (2024) and the words of the
 * application statuses in the report's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "spire-error.h"
#include "spire-records.h"
#include "spire-report-data-private.h"
#include "spire-store-private.h"

static char *
dup_or_null (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

gboolean
_spire_report_read_cohort (SpireStore *store, const char *cohort_uuid, ReportCohort *out,
                           GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *row;

  rows = _spire_store_query (store, error,
                             "SELECT c.name, p.uuid, p.name, p.operator, c.application_deadline,"
                             " substr (max (c.updated_at,"
                             "  coalesce ((SELECT max (a.updated_at) FROM applications a"
                             "             WHERE a.cohort = c.uuid), ''),"
                             "  coalesce ((SELECT max (r.updated_at) FROM reviews r"
                             "             JOIN applications a ON a.uuid = r.application"
                             "             WHERE a.cohort = c.uuid), ''),"
                             "  coalesce ((SELECT max (d.decided_at) FROM decisions d"
                             "             JOIN applications a ON a.uuid = d.application"
                             "             WHERE a.cohort = c.uuid), '')), 1, 10)"
                             " FROM cohorts c JOIN programs p ON p.uuid = c.program"
                             " WHERE c.uuid = ?",
                             1, cohort_uuid);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND, _("No cohort has the UUID %s."),
                   cohort_uuid);
      return FALSE;
    }
  row = g_ptr_array_index (rows, 0);
  out->uuid = g_strdup (cohort_uuid);
  out->name = g_strdup (SPIRE_ROW_TEXT (row, 0));
  out->program = g_strdup (SPIRE_ROW_TEXT (row, 1));
  out->program_name = g_strdup (SPIRE_ROW_TEXT (row, 2));
  out->operator_ = dup_or_null (SPIRE_ROW_TEXT (row, 3));
  out->deadline = dup_or_null (SPIRE_ROW_TEXT (row, 4));
  out->data_date = g_strdup (SPIRE_ROW_TEXT (row, 5));
  return TRUE;
}

void
_spire_report_cohort_clear (ReportCohort *cohort)
{
  g_clear_pointer (&cohort->uuid, g_free);
  g_clear_pointer (&cohort->name, g_free);
  g_clear_pointer (&cohort->program, g_free);
  g_clear_pointer (&cohort->program_name, g_free);
  g_clear_pointer (&cohort->operator_, g_free);
  g_clear_pointer (&cohort->deadline, g_free);
  g_clear_pointer (&cohort->data_date, g_free);
}

char *
_spire_report_cohort_header (const ReportCohort *cohort)
{
  return g_strdup_printf ("%s — %s", cohort->program_name, cohort->name);
}

gboolean
_spire_report_read_rubric (SpireStore *store, const char *cohort_uuid, ReportRubric *out,
                           GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *row;

  rows = _spire_store_query (store, error,
                             "SELECT version, frozen_at, scale_min, scale_max, scale_labels,"
                             " aggregation, normalisation FROM rubrics WHERE cohort = ?",
                             1, cohort_uuid);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND, _("The cohort has no rubric."));
      return FALSE;
    }
  row = g_ptr_array_index (rows, 0);
  out->version = g_ascii_strtoll (SPIRE_ROW_TEXT (row, 0), NULL, 10);
  out->frozen_at = dup_or_null (SPIRE_ROW_TEXT (row, 1));
  out->scale_min = g_ascii_strtod (SPIRE_ROW_TEXT (row, 2), NULL);
  out->scale_max = g_ascii_strtod (SPIRE_ROW_TEXT (row, 3), NULL);
  out->scale_labels = dup_or_null (SPIRE_ROW_TEXT (row, 4));
  out->aggregation = g_strdup (SPIRE_ROW_TEXT (row, 5));
  out->normalisation = g_strdup (SPIRE_ROW_TEXT (row, 6));
  return TRUE;
}

void
_spire_report_rubric_clear (ReportRubric *rubric)
{
  g_clear_pointer (&rubric->frozen_at, g_free);
  g_clear_pointer (&rubric->scale_labels, g_free);
  g_clear_pointer (&rubric->aggregation, g_free);
  g_clear_pointer (&rubric->normalisation, g_free);
}

/* The scale's default words (spire-rubric.c); a rubric stores them in the
 * language it was made in, so a report in another language looks the
 * stored word up among their English, Bokmål and Nynorsk forms. */
static const char *const default_scale_words[] = {
  "Very weak", "Weak", "Somewhat weak", "Adequate", "Good", "Very good", "Excellent",
};

static gpointer
load_norwegian (gpointer data)
{
  SpireReportText **texts = g_new0 (SpireReportText *, 2);

  texts[0] = spire_report_text_new (SPIRE_LANGUAGE_NB);
  texts[1] = spire_report_text_new (SPIRE_LANGUAGE_NN);
  return texts;
}

static const char *
scale_word_in (SpireReportText *t, const char *stored)
{
  static GOnce once = G_ONCE_INIT;
  SpireReportText **norwegian = g_once (&once, load_norwegian, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_scale_words); i++)
    {
      const char *english = default_scale_words[i];

      if (g_strcmp0 (stored, english) == 0 ||
          g_strcmp0 (stored, spire_report_text_get (norwegian[0], english)) == 0 ||
          g_strcmp0 (stored, spire_report_text_get (norwegian[1], english)) == 0)
        return spire_report_text_get (t, english);
    }
  return stored;
}

char *
_spire_report_scale_word (SpireReportText *t, const ReportRubric *rubric, double score)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autofree char *key = NULL;
  JsonNode *root;
  JsonObject *labels;

  if (isnan (score) || rubric->scale_labels == NULL)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, rubric->scale_labels, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  labels = json_node_get_object (root);
  key = g_strdup_printf ("%d", (int) lround (score));
  if (!json_object_has_member (labels, key) ||
      json_node_get_value_type (json_object_get_member (labels, key)) != G_TYPE_STRING)
    return NULL;
  return g_strdup (scale_word_in (t, json_object_get_string_member (labels, key)));
}

const char *
_spire_report_fylke (const char *kommunenummer)
{
  static const struct { const char *code, *name; } fylker[] = {
    { "03", "Oslo" },      { "11", "Rogaland" },  { "15", "Møre og Romsdal" },
    { "18", "Nordland" },  { "31", "Østfold" },   { "32", "Akershus" },
    { "33", "Buskerud" },  { "34", "Innlandet" }, { "39", "Vestfold" },
    { "40", "Telemark" },  { "42", "Agder" },     { "46", "Vestland" },
    { "50", "Trøndelag" }, { "55", "Troms" },     { "56", "Finnmark" },
  };

  if (kommunenummer == NULL || strlen (kommunenummer) < 2)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fylker); i++)
    if (strncmp (kommunenummer, fylker[i].code, 2) == 0)
      return fylker[i].name;
  return NULL;
}

const char *
_spire_report_enum_word (SpireReportText *t, const SpireKind *kind, const char *field,
                         const char *value)
{
  const SpireField *f = spire_kind_field (kind, field);

  if (value == NULL)
    return "–";
  if (f != NULL && f->values != NULL)
    for (const SpireEnumValue *v = f->values; v->value; v++)
      if (strcmp (v->value, value) == 0)
        return _r (t, v->label);
  return value;
}

const char *
_spire_report_status_word (SpireReportText *t, const char *status)
{
  return _spire_report_enum_word (t, &spire_kind_application, "status", status);
}

char *
_spire_report_score (SpireReportText *t, double value)
{
  if (isnan (value))
    return g_strdup ("–");
  return spire_report_text_number (t, value, 2);
}

char *
_spire_report_weight (SpireReportText *t, double weight)
{
  return spire_report_text_number (t, weight, weight == floor (weight) ? 0 : 2);
}

SpireReportTable *
_spire_report_add_key_figures (SpireReport *report)
{
  static const double widths[] = { 0.6, 0.4 };
  static const gboolean numeric[] = { FALSE, TRUE };

  return spire_report_add_table (report, 2, NULL, widths, numeric);
}

void
_spire_report_add_fact (SpireReportTable *table, const char *label, char *value)
{
  char **cells = g_new0 (char *, 3);

  cells[0] = g_strdup (label);
  cells[1] = value;
  spire_report_table_take_row (table, cells);
}
