/* spire-innsyn.c — innsyn: the requested documents, redacted, and the
 * request recorded
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": an application's or a
 * cohort's documents (the application's fields, its reviews' scores and
 * summaries, the decisions with their reasons) as a report in the chosen
 * language, with every confidential field (SPIRE_FIELD_CONFIDENTIAL in
 * spire-records.c) replaced by a visible mark naming the legal basis
 * (offentleglova § 13, jf. forvaltningsloven § 13 første ledd nr. 2).
 * Panel members are numbered, never named: the cohort has no setting that
 * allows naming them (its blind flag hides the applicant from the panel,
 * not the panel from the public).  The contact person is left out.  The
 * request is recorded as an innsyn_request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-privacy"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "spire-error.h"
#include "spire-followup.h"
#include "spire-privacy-private.h"
#include "spire-report-private.h"
#include "spire-records.h"
#include "spire-report-data-private.h"
#include "spire-reports.h"
#include "spire-store-private.h"
#include "spire-validate.h"

/* The basis as written in the record of the request (always Norwegian:
 * it is the law's own citation). */
#define INNSYN_BASIS "offl. § 13, jf. fvl. § 13 første ledd nr. 2"

typedef struct
{
  SpireStore *store;
  SpireReport *report;
  SpireReportText *t;
  JsonArray *given;
  JsonArray *withheld;
} Innsyn;

const char *
spire_innsyn_mark (SpireReportText *t)
{
  return _r (t, "[Exempt from public access: Freedom of Information Act § 13, cf. Public "
                "Administration Act § 13 first paragraph no. 2]");
}

static void
note (JsonArray *array, const char *table, const char *uuid, const char *field)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "table", table);
  json_object_set_string_member (object, "uuid", uuid);
  if (field != NULL)
    {
      json_object_set_string_member (object, "field", field);
      json_object_set_string_member (object, "basis", INNSYN_BASIS);
    }
  json_array_add_object_element (array, object);
}

static void
add_fact (SpireReportTable *table, const char *label, const char *value)
{
  const char *cells[] = { label, value };

  spire_report_table_add_row (table, cells);
}

/* "key: value" per member of a JSON object; the text itself otherwise. */
static char *
json_text (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  JsonNode *root;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    return g_strdup (json);
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &member))
    {
      g_autofree char *value = JSON_NODE_HOLDS_VALUE (member)
                                 ? g_strdup_printf ("%s", json_node_get_string (member)
                                                            ? json_node_get_string (member)
                                                            : "")
                                 : json_to_string (member, FALSE);

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_free (value);
          value = json_to_string (member, FALSE);
        }
      g_string_append_printf (out, "%s%s: %s", out->len ? "\n" : "", key, value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A field's value as the report shows it, or NULL when it is empty. */
static char *
field_text (Innsyn *in, SpireRecord *record, const SpireField *field)
{
  const SpireKind *kind = spire_record_get_kind (record);
  const char *text;

  if (spire_record_is_null (record, field->name))
    return NULL;
  switch (field->type)
    {
    case SPIRE_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, spire_record_get_int (record, field->name));
    case SPIRE_FIELD_BOOL:
      return g_strdup (spire_record_get_bool (record, field->name) ? _r (in->t, "Yes")
                                                                  : _r (in->t, "No"));
    case SPIRE_FIELD_ENUM:
      return g_strdup (_spire_report_enum_word (in->t, kind, field->name,
                                                spire_record_get_text (record, field->name)));
    case SPIRE_FIELD_DATE:
    case SPIRE_FIELD_TIME:
      {
        g_autofree char *day = g_strndup (spire_record_get_text (record, field->name), 10);

        return spire_report_text_date (in->t, day);
      }
    case SPIRE_FIELD_REF:
      {
        const SpireKind *ref_kind = spire_kind_lookup (field->ref_table);
        g_autoptr (SpireRecord) ref = NULL;

        text = spire_record_get_text (record, field->name);
        ref = ref_kind ? spire_store_get (in->store, ref_kind, text, NULL) : NULL;
        return g_strdup (ref ? spire_record_get_display_name (ref) : text);
      }
    case SPIRE_FIELD_JSON:
      return json_text (spire_record_get_text (record, field->name));
    case SPIRE_FIELD_TEXT:
    default:
      text = spire_record_get_text (record, field->name);
      return text && *text ? g_strdup (text) : NULL;
    }
}

/* The application's fields; each confidential one that holds something is
 * replaced by the mark and noted as withheld. */
static void
innsyn_fields (Innsyn *in, SpireRecord *application)
{
  const SpireKind *kind = &spire_kind_application;
  SpireReportTable *table;
  static const double widths[] = { 0.3, 0.7 };

  table = spire_report_add_table (in->report, 2, NULL, widths, NULL);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *field = &kind->fields[i];
      g_autofree char *value = NULL;

      if ((field->flags & SPIRE_FIELD_SYSTEM) ||
          g_strcmp0 (field->ref_table, spire_kind_person.table) == 0)
        continue;
      value = field_text (in, application, field);
      if (field->flags & SPIRE_FIELD_CONFIDENTIAL)
        {
          if (value == NULL)
            continue;
          g_clear_pointer (&value, g_free);
          value = g_strdup (spire_innsyn_mark (in->t));
          note (in->withheld, kind->table, spire_record_get_uuid (application), field->name);
        }
      add_fact (table, _r (in->t, field->label), value ? value : "–");
    }
}

/* One review: recommendation, summary, the scores per criterion. */
static gboolean
innsyn_review (Innsyn *in, GPtrArray *review, guint number, GError **error)
{
  SpireReportText *t = in->t;
  const char *headers[] = { _r (t, "Criterion"), _r (t, "Score") };
  static const double widths[] = { 0.7, 0.3 };
  static const double fact_widths[] = { 0.3, 0.7 };
  static const gboolean numeric[] = { FALSE, TRUE };
  g_autoptr (GPtrArray) scores = NULL;
  g_autofree char *heading = NULL;
  SpireReportTable *table;

  scores = _spire_store_query (in->store, error,
                               "SELECT c.name, s.value FROM scores s"
                               " JOIN criteria c ON c.uuid = s.criterion"
                               " WHERE s.review = ? ORDER BY c.position",
                               1, SPIRE_ROW_TEXT (review, 0));
  if (scores == NULL)
    return FALSE;
  /* TRANSLATORS: panel members are numbered in an innsyn report, never named */
  heading = g_strdup_printf (_r (t, "Review by panel member %u"), number);
  spire_report_add_heading (in->report, 2, heading);
  table = spire_report_add_table (in->report, 2, NULL, fact_widths, NULL);
  add_fact (table, _r (t, "Recommendation"),
            _spire_report_enum_word (t, &spire_kind_review, "recommendation",
                                     SPIRE_ROW_TEXT (review, 1)));
  add_fact (table, _r (t, "Summary"),
            SPIRE_ROW_TEXT (review, 2) ? SPIRE_ROW_TEXT (review, 2) : "–");
  if (scores->len > 0)
    {
      table = spire_report_add_table (in->report, 2, headers, widths, numeric);
      for (guint i = 0; i < scores->len; i++)
        {
          GPtrArray *row = g_ptr_array_index (scores, i);
          const char *value = SPIRE_ROW_TEXT (row, 1);
          char **cells = g_new0 (char *, 3);

          cells[0] = g_strdup (SPIRE_ROW_TEXT (row, 0));
          cells[1] = value ? spire_report_text_number (t, g_ascii_strtod (value, NULL), 1)
                           : g_strdup ("–");
          spire_report_table_take_row (table, cells);
        }
    }
  note (in->given, spire_kind_review.table, SPIRE_ROW_TEXT (review, 0), NULL);
  return TRUE;
}

static gboolean
innsyn_reviews (Innsyn *in, const char *application, GError **error)
{
  g_autoptr (GPtrArray) reviews = NULL;

  reviews = _spire_store_query (in->store, error,
                                "SELECT uuid, recommendation, summary FROM reviews"
                                " WHERE application = ? AND state = 'submitted'"
                                " ORDER BY submitted_at, id",
                                1, application);
  if (reviews == NULL)
    return FALSE;
  spire_report_add_heading (in->report, 2, _r (in->t, "The panel’s reviews"));
  if (reviews->len == 0)
    spire_report_add_text (in->report, _r (in->t, "No review has been submitted."));
  for (guint i = 0; i < reviews->len; i++)
    if (!innsyn_review (in, g_ptr_array_index (reviews, i), i + 1, error))
      return FALSE;
  return TRUE;
}

static gboolean
innsyn_decisions (Innsyn *in, const char *application, GError **error)
{
  SpireReportText *t = in->t;
  const char *headers[] = { _r (t, "Date"), _r (t, "Decision"), _r (t, "Decided by"),
                            _r (t, "Reason") };
  static const double widths[] = { 0.16, 0.2, 0.2, 0.44 };
  g_autoptr (GPtrArray) rows = NULL;
  SpireReportTable *table;

  rows = _spire_store_query (in->store, error,
                             "SELECT uuid, decided_at, to_status, decided_by, reason"
                             " FROM decisions WHERE application = ? ORDER BY decided_at, id",
                             1, application);
  if (rows == NULL)
    return FALSE;
  spire_report_add_heading (in->report, 2, _r (t, "Decisions"));
  if (rows->len == 0)
    {
      spire_report_add_text (in->report, _r (t, "No decision has been recorded yet."));
      return TRUE;
    }
  table = spire_report_add_table (in->report, 4, headers, widths, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      g_autofree char *day = g_strndup (SPIRE_ROW_TEXT (row, 1), 10);
      char **cells = g_new0 (char *, 5);

      cells[0] = spire_report_text_date (t, day);
      cells[1] = g_strdup (_spire_report_status_word (t, SPIRE_ROW_TEXT (row, 2)));
      cells[2] = g_strdup (SPIRE_ROW_TEXT (row, 3));
      cells[3] = g_strdup (SPIRE_ROW_TEXT (row, 4));
      spire_report_table_take_row (table, cells);
      note (in->given, spire_kind_decision.table, SPIRE_ROW_TEXT (row, 0), NULL);
    }
  return TRUE;
}

static gboolean
innsyn_application (Innsyn *in, const char *uuid, GError **error)
{
  g_autoptr (SpireRecord) application = NULL;
  g_autoptr (SpireRecord) startup = NULL;
  g_autofree char *heading = NULL;

  application = spire_store_get (in->store, &spire_kind_application, uuid, error);
  if (application == NULL)
    return FALSE;
  startup = spire_store_get (in->store, &spire_kind_startup,
                             spire_record_get_text (application, "startup"), error);
  if (startup == NULL)
    return FALSE;
  heading = g_strdup_printf ("%s — %s", spire_record_get_display_name (startup),
                             spire_record_get_text (application, "title"));
  spire_report_add_heading (in->report, 1, heading);
  note (in->given, spire_kind_application.table, uuid, NULL);
  innsyn_fields (in, application);
  return innsyn_reviews (in, uuid, error) && innsyn_decisions (in, uuid, error);
}

/* The cover: who asked, when, what they asked for, how it was answered. */
static void
innsyn_cover (Innsyn *in, const SpireInnsynParams *request, const char *received,
              const char *what)
{
  SpireReportText *t = in->t;
  g_autofree char *today = spire_today ();
  g_autofree char *received_text = spire_report_text_date (t, received);
  g_autofree char *answered_text = spire_report_text_date (t, today);
  g_autofree char *by = g_strdup_printf (_r (t, "Requested by: %s"),
                                         request->requester ? request->requester
                                                            : _r (t, "not named"));
  g_autofree char *on = g_strdup_printf (_r (t, "Received: %s"), received_text);
  g_autofree char *answered = g_strdup_printf (_r (t, "Answered: %s"), answered_text);
  g_autofree char *docs = g_strdup_printf (_r (t, "Documents: %s"), what);
  const char *lines[] = { by, on, answered, docs, NULL };
  g_autofree char *explain = NULL;

  spire_report_add_cover (in->report, _r (t, "Innsyn"), lines);
  explain = g_strdup_printf (
    _r (t, "What applicants shared in confidence — business secrets and other information "
           "about technical matters, operations or business relations that it is important "
           "to keep secret for competitive reasons — is exempt from public access. Where it "
           "was, this report shows %s. Panel members are numbered, not named."),
    spire_innsyn_mark (t));
  spire_report_add_text (in->report, explain);
}

/* The applications requested: the one, or the cohort's (by applicant). */
static GPtrArray *
requested_applications (SpireStore *store, const SpireInnsynParams *request, char **cohort,
                        GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);

  if (request->application != NULL)
    rows = _spire_store_query (store, error,
                               "SELECT uuid, cohort FROM applications WHERE uuid = ?", 1,
                               request->application);
  else
    rows = _spire_store_query (store, error,
                               "SELECT a.uuid, a.cohort FROM applications a"
                               " JOIN startups s ON s.uuid = a.startup WHERE a.cohort = ?"
                               " ORDER BY s.name COLLATE NB, a.uuid",
                               1, request->cohort);
  if (rows == NULL)
    {
      g_ptr_array_unref (uuids);
      return NULL;
    }
  if (request->application != NULL && rows->len == 0)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("No application has the UUID %s."), request->application);
      g_ptr_array_unref (uuids);
      return NULL;
    }
  *cohort = g_strdup (request->cohort ? request->cohort
                                      : SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 1));
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (uuids, g_strdup (SPIRE_ROW_TEXT (g_ptr_array_index (rows, i), 0)));
  return uuids;
}

static gboolean
check_request (const SpireInnsynParams *request, GError **error)
{
  if ((request->application == NULL) == (request->cohort == NULL))
    {
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                           _("Say which application or which cohort the request is for."));
      return FALSE;
    }
  if (request->received_on != NULL && !spire_date_is_valid (request->received_on))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD."), request->received_on);
      return FALSE;
    }
  if (request->received_on != NULL)
    {
      g_autofree char *today = spire_today ();

      if (strcmp (request->received_on, today) > 0)
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                       _("The request cannot have been received after today (%s)."), today);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
array_json (JsonArray *array)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

SpireReport *
spire_innsyn_report (SpireStore *store, const SpireInnsynParams *request, SpireLanguage lang,
                     char **given, char **withheld, GError **error)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (lang);
  g_autoptr (GPtrArray) applications = NULL;
  g_autoptr (SpireReport) report = NULL;
  g_autoptr (JsonArray) given_array = json_array_new ();
  g_autoptr (JsonArray) withheld_array = json_array_new ();
  g_auto (ReportCohort) cohort = { 0 };
  g_autofree char *cohort_uuid = NULL, *header = NULL, *today = spire_today ();
  Innsyn in = { store, NULL, t, given_array, withheld_array };

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (!check_request (request, error))
    return NULL;
  applications = requested_applications (store, request, &cohort_uuid, error);
  if (applications == NULL || !_spire_report_read_cohort (store, cohort_uuid, &cohort, error))
    return NULL;
  header = _spire_report_cohort_header (&cohort);
  report = spire_report_new (t, _r (t, "Innsyn"), _r (t, "Innsyn"), header, cohort.data_date);
  spire_report_set_author (report, cohort.operator_);
  in.report = report;
  {
    g_autoptr (SpireRecord) one = NULL;
    const char *what = header;

    if (request->application != NULL)
      {
        one = spire_store_get (store, &spire_kind_application, request->application, error);
        if (one == NULL)
          return NULL;
        what = spire_record_get_display_name (one);
      }
    innsyn_cover (&in, request, request->received_on ? request->received_on : today, what);
  }
  if (request->cohort != NULL)
    note (given_array, spire_kind_cohort.table, request->cohort, NULL);
  if (applications->len == 0)
    spire_report_add_text (report, _r (t, "The cohort has no applications."));
  for (guint i = 0; i < applications->len; i++)
    {
      if (i > 0)
        spire_report_add_page_break (report);
      if (!innsyn_application (&in, g_ptr_array_index (applications, i), error))
        return NULL;
    }
  if (given)
    *given = array_json (given_array);
  if (withheld)
    *withheld = array_json (withheld_array);
  return g_steal_pointer (&report);
}

gboolean
_spire_innsyn_export_full (SpireStore *store, const SpireInnsynParams *request,
                           SpireLanguage lang, const char *path, GCancellable *cancellable,
                           SpireProgressFunc progress, gpointer progress_data,
                           char **request_uuid, GError **error)
{
  g_autoptr (SpireReport) report = NULL;
  g_autoptr (SpireRecord) record = NULL;
  g_autofree char *given = NULL, *withheld = NULL, *today = spire_today ();

  g_return_val_if_fail (path != NULL, FALSE);

  report = spire_innsyn_report (store, request, lang, &given, &withheld, error);
  if (report == NULL)
    return FALSE;
  record = spire_record_new (&spire_kind_innsyn_request);
  spire_record_set_text (record, "requester",
                         request->requester ? request->requester : _("Not named"));
  spire_record_set_text (record, "received_on",
                         request->received_on ? request->received_on : today);
  spire_record_set_text (record, "answered_on", today);
  spire_record_set_text (record, "application", request->application);
  spire_record_set_text (record, "cohort", request->cohort);
  spire_record_set_text (record, "given", given);
  spire_record_set_text (record, "withheld", withheld);
  if (!spire_record_validate (record, NULL, error) ||
      !_spire_report_write_pdf_full (report, path, cancellable, progress, progress_data, error))
    return FALSE;
  /* Cancelled once the file is written: it goes, nothing is recorded. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_unlink (path);
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                           _("Cancelled. Nothing was changed."));
      return FALSE;
    }
  if (!spire_store_insert (store, record, error))
    {
      g_unlink (path);
      return FALSE;
    }
  if (request_uuid)
    *request_uuid = g_strdup (spire_record_get_uuid (record));
  return TRUE;
}

gboolean
spire_innsyn_export (SpireStore *store, const SpireInnsynParams *request, SpireLanguage lang,
                     const char *path, char **request_uuid, GError **error)
{
  return _spire_innsyn_export_full (store, request, lang, path, NULL, NULL, NULL, request_uuid,
                                    error);
}
