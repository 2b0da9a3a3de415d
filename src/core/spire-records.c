/* spire-records.c — the domain model as field tables
 *
 * The schema in spire-schema.c has one column per field listed here; a test
 * (test-store) checks that the two agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-records"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-record-private.h"
#include "spire-records.h"
#include "spire-validate.h"

#define COMMON_FIELDS                                                             \
  { "uuid", SPIRE_FIELD_TEXT, SPIRE_FIELD_REQUIRED | SPIRE_FIELD_SYSTEM, N_("UUID"), NULL, NULL }, \
  { "created_at", SPIRE_FIELD_TIME, SPIRE_FIELD_SYSTEM, N_("Created"), NULL, NULL },         \
  { "updated_at", SPIRE_FIELD_TIME, SPIRE_FIELD_SYSTEM, N_("Changed"), NULL, NULL }

#define REQ SPIRE_FIELD_REQUIRED
#define CONF SPIRE_FIELD_CONFIDENTIAL
#define PERS SPIRE_FIELD_PERSONAL
/* Free texts (a pitch, a comment); other texts are short (spire-record.h,
 * SPIRE_LENGTH_SHORT): */
#define LONGTEXT SPIRE_LENGTH_LONG
/* Lists Spire makes itself: */
#define ANYLENGTH SPIRE_LENGTH_ANY

/* Enumerations */

static const SpireEnumValue public_body_kinds[] = {
  { "municipality", N_("Municipality") },
  { "city_district", N_("City district") },
  { "county", N_("County") },
  { "state_agency", N_("State agency") },
  { "health_trust", N_("Health trust") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const SpireEnumValue program_kinds[] = {
  { "accelerator", N_("Challenge-driven accelerator") },
  { "need_first", N_("Need-first competition") },
  { "procurement_support", N_("Procurement support") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const SpireEnumValue cohort_phases[] = {
  { "planning", N_("Planning") },
  { "open", N_("Open for applications") },
  { "screening", N_("Screening") },
  { "evaluation", N_("Evaluation") },
  { "decided", N_("Decided") },
  { "running", N_("Running") },
  { "follow_up", N_("Follow-up") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const SpireEnumValue application_statuses[] = {
  { "received", N_("Received") },
  { "ineligible", N_("Ineligible") },
  { "in_review", N_("In review") },
  { "shortlisted", N_("Shortlisted") },
  { "accepted", N_("Accepted") },
  { "waitlisted", N_("Waitlisted") },
  { "rejected", N_("Rejected") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL }
};

static const SpireEnumValue application_stages[] = {
  { "idea", N_("Idea") },
  { "prototype", N_("Prototype") },
  { "pilot", N_("Pilot customers") },
  { "market", N_("On the market") },
  { "scaling", N_("Scaling") },
  { NULL, NULL }
};

static const SpireEnumValue aggregations[] = {
  { "mean", N_("Mean") },
  { "median", N_("Median") },
  { NULL, NULL }
};

static const SpireEnumValue normalisations[] = {
  { "none", N_("None") },
  { "per_evaluator", N_("Per evaluator") },
  { NULL, NULL }
};

static const SpireEnumValue criterion_kinds[] = {
  { "scored", N_("Scored") },
  { "gate", N_("Gate (pass/fail)") },
  { "not_counted", N_("Not counted") },
  { NULL, NULL }
};

static const SpireEnumValue evaluator_roles[] = {
  { "chair", N_("Chair") },
  { "member", N_("Member") },
  { "observer", N_("Observer") },
  { NULL, NULL }
};

static const SpireEnumValue assignment_states[] = {
  { "assigned", N_("Assigned") },
  { "drafted", N_("Draft") },
  { "submitted", N_("Submitted") },
  { "declined", N_("Declined") },
  { NULL, NULL }
};

static const SpireEnumValue conflict_origins[] = {
  { "declared", N_("Declared") },
  { "detected", N_("Detected") },
  { NULL, NULL }
};

static const SpireEnumValue conflict_kinds[] = {
  { "owner", N_("Owner") },
  { "employee", N_("Employee") },
  { "family", N_("Family") },
  { "competitor", N_("Competitor") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const SpireEnumValue review_states[] = {
  { "draft", N_("Draft") },
  { "submitted", N_("Submitted") },
  { NULL, NULL }
};

static const SpireEnumValue recommendations[] = {
  { "yes", N_("Yes") },
  { "maybe", N_("Maybe") },
  { "no", N_("No") },
  { NULL, NULL }
};

static const SpireEnumValue deal_kinds[] = {
  { "purchase", N_("Purchase") },
  { "pilot", N_("Pilot") },
  { "innovation_partnership", N_("Innovation partnership") },
  { "development_contract", N_("Development contract") },
  { "framework_agreement", N_("Framework agreement") },
  { "letter_of_intent", N_("Letter of intent") },
  { NULL, NULL }
};

static const SpireEnumValue deal_stages[] = {
  { "dialogue", N_("Dialogue") },
  { "pilot", N_("Pilot") },
  { "negotiation", N_("Negotiation") },
  { "signed", N_("Signed") },
  { "delivering", N_("Delivering") },
  { "scaled", N_("Scaled") },
  { "no_deal", N_("No deal") },
  { NULL, NULL }
};

static const SpireEnumValue deal_procedures[] = {
  { "direct_award", N_("Direct award") },
  { "open_competition", N_("Open competition") },
  { "restricted_competition", N_("Restricted competition") },
  { "competition_with_negotiation", N_("Competition with negotiation") },
  { "innovation_partnership", N_("Innovation partnership") },
  { "pre_commercial", N_("Pre-commercial procurement") },
  { "design_contest", N_("Design contest") },
  { "framework_call_off", N_("Call-off from a framework agreement") },
  { "mvp_contract", N_("Need-first MVP contract") },
  { NULL, NULL }
};

static const SpireEnumValue phase_states[] = {
  { "planned", N_("Planned") },
  { "passed", N_("Passed") },
  { "stopped", N_("Stopped") },
  { NULL, NULL }
};

static const SpireEnumValue gain_kinds[] = {
  { "efficiency", N_("Efficiency (NOK)") },
  { "quality", N_("Quality") },
  { "other_actors", N_("For other actors") },
  { NULL, NULL }
};

static const SpireEnumValue threshold_scopes[] = {
  { "regulation", N_("The procurement regulation applies") },
  { "national", N_("National threshold") },
  { "eea_state", N_("EEA threshold, central government") },
  { "eea_other", N_("EEA threshold, municipalities and other bodies") },
  { "building_works", N_("EEA threshold, building works") },
  { "health_social", N_("EEA threshold, health and social services") },
  { NULL, NULL }
};

/* Validation beyond types */

static gboolean
fail (GError **error, SpireRecord *r, const char *field, const char *what)
{
  const SpireField *f = spire_kind_field (spire_record_get_kind (r), field);

  /* TRANSLATORS: "<field label>: <what is wrong>", e.g. "Organisation number: the check digit is wrong" */
  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID, _("%s: %s"),
               f ? _(f->label) : field, what);
  _spire_record_set_invalid_field (r, f ? f->name : NULL);
  return FALSE;
}

static gboolean
check_orgnr (SpireRecord *r, const char *field, GError **error)
{
  const char *v = spire_record_get_text (r, field);
  g_autofree char *why = NULL;

  if (v == NULL || *v == '\0')
    return TRUE;
  if (!spire_orgnr_check (v, &why))
    return fail (error, r, field, why);
  return TRUE;
}

static gboolean
check_kommunenummer (SpireRecord *r, const char *field, GError **error)
{
  const char *v = spire_record_get_text (r, field);
  g_autofree char *why = NULL;

  if (v == NULL || *v == '\0')
    return TRUE;
  if (!spire_kommunenummer_check (v, &why))
    return fail (error, r, field, why);
  return TRUE;
}

static gboolean
check_url (SpireRecord *r, const char *field, GError **error)
{
  const char *v = spire_record_get_text (r, field);

  if (v == NULL || *v == '\0' || spire_url_is_valid (v))
    return TRUE;
  return fail (error, r, field,
               _("not a web address; write it as https://example.no"));
}

static gboolean
check_email (SpireRecord *r, const char *field, GError **error)
{
  const char *v = spire_record_get_text (r, field);

  if (v == NULL || *v == '\0' || spire_email_is_valid (v))
    return TRUE;
  return fail (error, r, field,
               _("not an e-mail address; write it as name@example.no"));
}

/* @later must not come before @earlier when both are set */
static gboolean
check_order (SpireRecord *r, const char *earlier, const char *later, GError **error)
{
  const char *a = spire_record_get_text (r, earlier);
  const char *b = spire_record_get_text (r, later);
  const SpireKind *kind = spire_record_get_kind (r);

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return TRUE;
  if (strcmp (a, b) <= 0)
    return TRUE;
  {
    g_autofree char *what = g_strdup_printf (_("must not be before %s"),
                                             _(spire_kind_field (kind, earlier)->label));
    return fail (error, r, later, what);
  }
}

static gboolean
validate_public_body (SpireRecord *r, GError **error)
{
  return check_orgnr (r, "orgnr", error) &&
         check_kommunenummer (r, "kommunenummer", error) &&
         check_url (r, "website", error);
}

static gboolean
validate_cohort (SpireRecord *r, GError **error)
{
  if (spire_record_get_int (r, "seats") <= 0)
    return fail (error, r, "seats", _("must be at least 1"));
  if (!spire_record_is_null (r, "retention_months") && spire_record_get_int (r, "retention_months") < 0)
    return fail (error, r, "retention_months", _("must not be negative"));
  return check_order (r, "opens_on", "application_deadline", error) &&
         check_order (r, "application_deadline", "starts_on", error) &&
         check_order (r, "starts_on", "ends_on", error);
}

static gboolean
validate_challenge (SpireRecord *r, GError **error)
{
  if (!spire_record_is_null (r, "budget_hint") && spire_record_get_int (r, "budget_hint") < 0)
    return fail (error, r, "budget_hint", _("must not be negative"));
  return check_url (r, "video_url", error);
}

static gboolean
validate_startup (SpireRecord *r, GError **error)
{
  if (!spire_record_is_null (r, "employees") && spire_record_get_int (r, "employees") < 0)
    return fail (error, r, "employees", _("must not be negative"));
  return check_orgnr (r, "orgnr", error) &&
         check_kommunenummer (r, "kommunenummer", error) &&
         check_url (r, "website", error);
}

static gboolean
validate_person (SpireRecord *r, GError **error)
{
  return check_email (r, "email", error) && check_orgnr (r, "orgnr", error);
}

static gboolean
validate_rubric (SpireRecord *r, GError **error)
{
  if (spire_record_get_int (r, "scale_max") <= spire_record_get_int (r, "scale_min"))
    return fail (error, r, "scale_max",
                 _("must be greater than the lowest score"));
  if (spire_record_get_int (r, "version") < 1)
    return fail (error, r, "version", _("must be at least 1"));
  return TRUE;
}

static gboolean
validate_criterion (SpireRecord *r, GError **error)
{
  double w = spire_record_get_real (r, "weight");

  if (!(w >= 0))
    return fail (error, r, "weight", _("must be zero or more"));
  return TRUE;
}

/* Only a detected conflict awaiting confirmation can be dismissed, and
 * never without a reason. */
static gboolean
validate_conflict (SpireRecord *r, GError **error)
{
  const char *reason = spire_record_get_text (r, "dismiss_reason");
  g_autofree char *clean = reason ? g_strstrip (g_strdup (reason)) : NULL;

  if (spire_record_is_null (r, "dismissed_at"))
    return TRUE;
  if (g_strcmp0 (spire_record_get_text (r, "origin"), "detected") != 0 ||
      spire_record_get_bool (r, "confirmed"))
    return fail (error, r, "dismissed_at",
                 _("only a detected conflict of interest that is not confirmed can be "
                   "dismissed"));
  if (clean == NULL || *clean == '\0')
    return fail (error, r, "dismiss_reason",
                 _("must be filled in when a conflict of interest is dismissed"));
  return TRUE;
}

static gboolean
validate_deal (SpireRecord *r, GError **error)
{
  static const char *const money[] = { "value", "expected_savings", "realised_savings",
                                       "option_value" };

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    if (!spire_record_is_null (r, money[i]) && spire_record_get_int (r, money[i]) < 0)
      return fail (error, r, money[i], _("must not be negative"));
  return check_order (r, "started_on", "signed_on", error);
}

static gboolean
validate_deal_phase (SpireRecord *r, GError **error)
{
  static const char *const money[] = { "max_cost", "cost" };

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    if (!spire_record_is_null (r, money[i]) && spire_record_get_int (r, money[i]) < 0)
      return fail (error, r, money[i], _("must not be negative"));
  if (spire_record_get_int (r, "position") < 1)
    return fail (error, r, "position", _("must be at least 1"));
  return TRUE;
}

static gboolean
validate_gain (SpireRecord *r, GError **error)
{
  static const char *const money[] = { "expected", "realised" };
  gint64 year = spire_record_get_int (r, "year");

  if (year < 1900 || year > 2200)
    return fail (error, r, "year", _("must be a year such as 2026"));
  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    if (!spire_record_is_null (r, money[i]) && spire_record_get_int (r, money[i]) < 0)
      return fail (error, r, money[i], _("must not be negative"));
  return TRUE;
}

static gboolean
validate_threshold (SpireRecord *r, GError **error)
{
  if (spire_record_get_int (r, "amount") <= 0)
    return fail (error, r, "amount", _("must be more than 0"));
  return TRUE;
}

static gboolean
validate_stage_probability (SpireRecord *r, GError **error)
{
  gint64 percent = spire_record_get_int (r, "percent");

  if (percent < 0 || percent > 100)
    return fail (error, r, "percent", _("must be between 0 and 100"));
  return TRUE;
}

/* Kinds */

#define KIND(var, kname, ktable, klabel, kplural, kdisplay, ktype, kvalidate) \
  const SpireKind var = {                                                       \
    kname, ktable, klabel, kplural, var##_fields, G_N_ELEMENTS (var##_fields),  \
    kdisplay, ktype, kvalidate                                                  \
  };

static const SpireField spire_kind_public_body_fields[] = {
  COMMON_FIELDS,
  { "name", SPIRE_FIELD_TEXT, REQ, N_("Name"), NULL, NULL },
  { "kind", SPIRE_FIELD_ENUM, REQ, N_("Kind"), NULL, public_body_kinds },
  { "orgnr", SPIRE_FIELD_TEXT, 0, N_("Organisation number"), NULL, NULL },
  { "kommunenummer", SPIRE_FIELD_TEXT, 0, N_("Municipality"), NULL, NULL },
  { "parent", SPIRE_FIELD_REF, 0, N_("Part of"), "public_bodies", NULL },
  { "website", SPIRE_FIELD_TEXT, 0, N_("Website"), NULL, NULL },
};
KIND (spire_kind_public_body, "public_body", "public_bodies", N_("Public body"),
      N_("Public bodies"), "name", spire_public_body_get_type, validate_public_body)

static const SpireField spire_kind_program_fields[] = {
  COMMON_FIELDS,
  { "name", SPIRE_FIELD_TEXT, REQ, N_("Name"), NULL, NULL },
  { "kind", SPIRE_FIELD_ENUM, REQ, N_("Kind"), NULL, program_kinds },
  { "operator", SPIRE_FIELD_TEXT, 0, N_("Operator"), NULL, NULL },
  { "description", SPIRE_FIELD_TEXT, 0, N_("Description"), NULL, NULL, LONGTEXT },
};
KIND (spire_kind_program, "program", "programs", N_("Program"), N_("Programs"),
      "name", spire_program_get_type, NULL)

static const SpireField spire_kind_cohort_fields[] = {
  COMMON_FIELDS,
  { "program", SPIRE_FIELD_REF, REQ, N_("Program"), "programs", NULL },
  { "name", SPIRE_FIELD_TEXT, REQ, N_("Name"), NULL, NULL },
  { "phase", SPIRE_FIELD_ENUM, REQ, N_("Phase"), NULL, cohort_phases },
  { "opens_on", SPIRE_FIELD_DATE, 0, N_("Opens"), NULL, NULL },
  { "application_deadline", SPIRE_FIELD_DATE, 0, N_("Application deadline"), NULL, NULL },
  { "starts_on", SPIRE_FIELD_DATE, 0, N_("Start"), NULL, NULL },
  { "ends_on", SPIRE_FIELD_DATE, 0, N_("End"), NULL, NULL },
  { "seats", SPIRE_FIELD_INT, REQ, N_("Seats"), NULL, NULL },
  { "blind", SPIRE_FIELD_BOOL, 0, N_("Blind evaluation"), NULL, NULL },
  { "owner_on_panel", SPIRE_FIELD_BOOL, 0, N_("Challenge owner on the panel"), NULL, NULL },
  { "invested", SPIRE_FIELD_MONEY, 0, N_("Invested"), NULL, NULL },
  /* Since schema version 4: personal data of applicants not accepted is
   * erased this many months after the cohort closes (privacy/). */
  { "retention_months", SPIRE_FIELD_INT, 0, N_("Keep personal data (months)"), NULL, NULL },
};
KIND (spire_kind_cohort, "cohort", "cohorts", N_("Cohort"), N_("Cohorts"), "name",
      spire_cohort_get_type, validate_cohort)

static const SpireField spire_kind_challenge_fields[] = {
  COMMON_FIELDS,
  { "cohort", SPIRE_FIELD_REF, REQ, N_("Cohort"), "cohorts", NULL },
  { "owner", SPIRE_FIELD_REF, REQ, N_("Owner"), "public_bodies", NULL },
  { "title", SPIRE_FIELD_TEXT, REQ, N_("Title"), NULL, NULL },
  { "need", SPIRE_FIELD_TEXT, 0, N_("Need statement"), NULL, NULL, LONGTEXT },
  { "video_url", SPIRE_FIELD_TEXT, 0, N_("Video pitch"), NULL, NULL },
  { "budget_hint", SPIRE_FIELD_MONEY, 0, N_("Budget hint"), NULL, NULL },
};
KIND (spire_kind_challenge, "challenge", "challenges", N_("Challenge"), N_("Challenges"),
      "title", spire_challenge_get_type, validate_challenge)

static const SpireField spire_kind_startup_fields[] = {
  COMMON_FIELDS,
  { "name", SPIRE_FIELD_TEXT, REQ, N_("Name"), NULL, NULL },
  { "orgnr", SPIRE_FIELD_TEXT, 0, N_("Organisation number"), NULL, NULL },
  { "organisasjonsform", SPIRE_FIELD_TEXT, 0, N_("Form of organisation"), NULL, NULL },
  { "naeringskode", SPIRE_FIELD_TEXT, 0, N_("Industry code"), NULL, NULL },
  { "founded", SPIRE_FIELD_DATE, 0, N_("Founded"), NULL, NULL },
  { "employees", SPIRE_FIELD_INT, 0, N_("Employees"), NULL, NULL },
  { "website", SPIRE_FIELD_TEXT, 0, N_("Website"), NULL, NULL },
  { "kommunenummer", SPIRE_FIELD_TEXT, 0, N_("Municipality"), NULL, NULL },
  { "sector", SPIRE_FIELD_TEXT, 0, N_("Sector"), NULL, NULL },
};
KIND (spire_kind_startup, "startup", "startups", N_("Startup"), N_("Startups"), "name",
      spire_startup_get_type, validate_startup)

static const SpireField spire_kind_person_fields[] = {
  COMMON_FIELDS,
  { "name", SPIRE_FIELD_TEXT, REQ | PERS, N_("Name"), NULL, NULL },
  { "email", SPIRE_FIELD_TEXT, PERS, N_("E-mail"), NULL, NULL },
  { "phone", SPIRE_FIELD_TEXT, PERS, N_("Phone"), NULL, NULL },
  { "organisation", SPIRE_FIELD_TEXT, 0, N_("Organisation"), NULL, NULL },
  { "orgnr", SPIRE_FIELD_TEXT, 0, N_("Organisation number"), NULL, NULL },
  { "startup", SPIRE_FIELD_REF, 0, N_("Startup"), "startups", NULL },
  { "public_body", SPIRE_FIELD_REF, 0, N_("Public body"), "public_bodies", NULL },
};
KIND (spire_kind_person, "person", "persons", N_("Person"), N_("People"), "name",
      spire_person_get_type, validate_person)

static const SpireField spire_kind_application_fields[] = {
  COMMON_FIELDS,
  { "cohort", SPIRE_FIELD_REF, REQ, N_("Cohort"), "cohorts", NULL },
  { "startup", SPIRE_FIELD_REF, REQ, N_("Startup"), "startups", NULL },
  { "challenge", SPIRE_FIELD_REF, 0, N_("Challenge"), "challenges", NULL },
  { "contact", SPIRE_FIELD_REF, 0, N_("Contact person"), "persons", NULL },
  { "title", SPIRE_FIELD_TEXT, REQ, N_("Title"), NULL, NULL },
  { "pitch", SPIRE_FIELD_TEXT, 0, N_("Pitch"), NULL, NULL, LONGTEXT },
  { "solution", SPIRE_FIELD_TEXT, 0, N_("Solution"), NULL, NULL, LONGTEXT },
  { "stage", SPIRE_FIELD_ENUM, 0, N_("Stage"), NULL, application_stages },
  { "status", SPIRE_FIELD_ENUM, REQ, N_("Status"), NULL, application_statuses },
  { "submitted_at", SPIRE_FIELD_TIME, 0, N_("Submitted"), NULL, NULL },
  { "extra", SPIRE_FIELD_JSON, 0, N_("Extra answers"), NULL, NULL },
  { "confidential", SPIRE_FIELD_TEXT, CONF, N_("Shared in confidence"), NULL, NULL, LONGTEXT },
};
KIND (spire_kind_application, "application", "applications", N_("Application"),
      N_("Applications"), "title", spire_application_get_type, NULL)

static const SpireField spire_kind_rubric_fields[] = {
  COMMON_FIELDS,
  { "cohort", SPIRE_FIELD_REF, REQ, N_("Cohort"), "cohorts", NULL },
  { "scale_min", SPIRE_FIELD_INT, REQ, N_("Lowest score"), NULL, NULL },
  { "scale_max", SPIRE_FIELD_INT, REQ, N_("Highest score"), NULL, NULL },
  { "scale_labels", SPIRE_FIELD_JSON, 0, N_("Scale labels"), NULL, NULL },
  { "aggregation", SPIRE_FIELD_ENUM, REQ, N_("Aggregation"), NULL, aggregations },
  { "normalisation", SPIRE_FIELD_ENUM, REQ, N_("Normalisation"), NULL, normalisations },
  { "disagreement_threshold", SPIRE_FIELD_REAL, 0, N_("Disagreement threshold"), NULL, NULL },
  { "version", SPIRE_FIELD_INT, REQ, N_("Version"), NULL, NULL },
  { "frozen_at", SPIRE_FIELD_TIME, 0, N_("Frozen"), NULL, NULL },
};
KIND (spire_kind_rubric, "rubric", "rubrics", N_("Rubric"), N_("Rubrics"), "cohort",
      spire_rubric_get_type, validate_rubric)

static const SpireField spire_kind_criterion_fields[] = {
  COMMON_FIELDS,
  { "rubric", SPIRE_FIELD_REF, REQ, N_("Rubric"), "rubrics", NULL },
  { "position", SPIRE_FIELD_INT, REQ, N_("Position"), NULL, NULL },
  { "name", SPIRE_FIELD_TEXT, REQ, N_("Name"), NULL, NULL },
  { "guidance", SPIRE_FIELD_TEXT, 0, N_("Guidance"), NULL, NULL, LONGTEXT },
  { "weight", SPIRE_FIELD_REAL, REQ, N_("Weight"), NULL, NULL },
  { "kind", SPIRE_FIELD_ENUM, REQ, N_("Kind"), NULL, criterion_kinds },
};
KIND (spire_kind_criterion, "criterion", "criteria", N_("Criterion"), N_("Criteria"),
      "name", spire_criterion_get_type, validate_criterion)

/* The office's current answer to one gate criterion for one application
 * (one per pair; every answer given is also in the audit log). */
static const SpireField spire_kind_screening_fields[] = {
  COMMON_FIELDS,
  { "application", SPIRE_FIELD_REF, REQ, N_("Application"), "applications", NULL },
  { "criterion", SPIRE_FIELD_REF, REQ, N_("Criterion"), "criteria", NULL },
  { "passed", SPIRE_FIELD_BOOL, 0, N_("Passed"), NULL, NULL },
  { "note", SPIRE_FIELD_TEXT, 0, N_("Note"), NULL, NULL, LONGTEXT },
  { "decided_by", SPIRE_FIELD_TEXT, REQ, N_("Decided by"), NULL, NULL },
  { "decided_at", SPIRE_FIELD_TIME, REQ, N_("Decided"), NULL, NULL },
  { "rubric_version", SPIRE_FIELD_INT, 0, N_("Rubric version"), NULL, NULL },
};
KIND (spire_kind_screening, "screening", "screenings", N_("Screening answer"),
      N_("Screening answers"), "decided_at", spire_screening_get_type, NULL)

static const SpireField spire_kind_evaluator_fields[] = {
  COMMON_FIELDS,
  { "cohort", SPIRE_FIELD_REF, REQ, N_("Cohort"), "cohorts", NULL },
  { "person", SPIRE_FIELD_REF, REQ, N_("Person"), "persons", NULL },
  { "role", SPIRE_FIELD_ENUM, REQ, N_("Role"), NULL, evaluator_roles },
  { "token", SPIRE_FIELD_TEXT, CONF | SPIRE_FIELD_SECRET, N_("Package token"), NULL, NULL },
};
KIND (spire_kind_evaluator, "evaluator", "evaluators", N_("Panel member"),
      N_("Panel members"), "person", spire_evaluator_get_type, NULL)

static const SpireField spire_kind_assignment_fields[] = {
  COMMON_FIELDS,
  { "evaluator", SPIRE_FIELD_REF, REQ, N_("Panel member"), "evaluators", NULL },
  { "application", SPIRE_FIELD_REF, REQ, N_("Application"), "applications", NULL },
  { "state", SPIRE_FIELD_ENUM, REQ, N_("State"), NULL, assignment_states },
};
KIND (spire_kind_assignment, "assignment", "assignments", N_("Assignment"),
      N_("Assignments"), "application", spire_assignment_get_type, NULL)

/* An evaluation package exported to a panel member: how a score sheet
 * that answers it is recognised.  The uuid is the package's id. */
static const SpireField spire_kind_package_fields[] = {
  COMMON_FIELDS,
  { "evaluator", SPIRE_FIELD_REF, REQ, N_("Panel member"), "evaluators", NULL },
  { "cohort", SPIRE_FIELD_REF, REQ, N_("Cohort"), "cohorts", NULL },
  { "rubric_version", SPIRE_FIELD_INT, REQ, N_("Rubric version"), NULL, NULL },
  { "criteria", SPIRE_FIELD_JSON, 0, N_("Criteria"), NULL, NULL },
  { "applications", SPIRE_FIELD_JSON, 0, N_("Applications"), NULL, NULL, ANYLENGTH },
  { "exported_by", SPIRE_FIELD_TEXT, 0, N_("Exported by"), NULL, NULL },
  { "exported_at", SPIRE_FIELD_TIME, REQ, N_("Exported"), NULL, NULL },
};
KIND (spire_kind_package, "package", "packages", N_("Evaluation package"),
      N_("Evaluation packages"), "exported_at", spire_package_get_type, NULL)

static const SpireField spire_kind_conflict_fields[] = {
  COMMON_FIELDS,
  { "evaluator", SPIRE_FIELD_REF, REQ, N_("Panel member"), "evaluators", NULL },
  { "application", SPIRE_FIELD_REF, 0, N_("Application"), "applications", NULL },
  { "startup", SPIRE_FIELD_REF, 0, N_("Startup"), "startups", NULL },
  { "origin", SPIRE_FIELD_ENUM, REQ, N_("Origin"), NULL, conflict_origins },
  { "kind", SPIRE_FIELD_ENUM, REQ, N_("Kind"), NULL, conflict_kinds },
  { "reason", SPIRE_FIELD_TEXT, 0, N_("Reason"), NULL, NULL, LONGTEXT },
  { "confirmed", SPIRE_FIELD_BOOL, 0, N_("Confirmed"), NULL, NULL },
  /* Since schema version 2: a dismissed detected conflict stays on record,
   * no longer blocks and is not proposed again. */
  { "dismissed_at", SPIRE_FIELD_TIME, 0, N_("Dismissed"), NULL, NULL },
  { "dismissed_by", SPIRE_FIELD_TEXT, 0, N_("Dismissed by"), NULL, NULL },
  { "dismiss_reason", SPIRE_FIELD_TEXT, 0, N_("Reason for dismissal"), NULL, NULL, LONGTEXT },
};
KIND (spire_kind_conflict, "conflict", "conflicts", N_("Conflict of interest"),
      N_("Conflicts of interest"), "reason", spire_conflict_get_type, validate_conflict)

static const SpireField spire_kind_review_fields[] = {
  COMMON_FIELDS,
  { "evaluator", SPIRE_FIELD_REF, REQ, N_("Panel member"), "evaluators", NULL },
  { "application", SPIRE_FIELD_REF, REQ, N_("Application"), "applications", NULL },
  { "state", SPIRE_FIELD_ENUM, REQ, N_("State"), NULL, review_states },
  { "recommendation", SPIRE_FIELD_ENUM, 0, N_("Recommendation"), NULL, recommendations },
  { "summary", SPIRE_FIELD_TEXT, 0, N_("Summary"), NULL, NULL, LONGTEXT },
  { "submitted_at", SPIRE_FIELD_TIME, 0, N_("Submitted"), NULL, NULL },
  { "rubric_version", SPIRE_FIELD_INT, 0, N_("Rubric version"), NULL, NULL },
  { "stale", SPIRE_FIELD_BOOL, 0, N_("Stale"), NULL, NULL },
};
KIND (spire_kind_review, "review", "reviews", N_("Review"), N_("Reviews"), "application",
      spire_review_get_type, NULL)

static const SpireField spire_kind_score_fields[] = {
  COMMON_FIELDS,
  { "review", SPIRE_FIELD_REF, REQ, N_("Review"), "reviews", NULL },
  { "criterion", SPIRE_FIELD_REF, REQ, N_("Criterion"), "criteria", NULL },
  { "value", SPIRE_FIELD_REAL, 0, N_("Score"), NULL, NULL },
  { "comment", SPIRE_FIELD_TEXT, 0, N_("Comment"), NULL, NULL, LONGTEXT },
};
KIND (spire_kind_score, "score", "scores", N_("Score"), N_("Scores"), "criterion",
      spire_score_get_type, NULL)

static const SpireField spire_kind_decision_fields[] = {
  COMMON_FIELDS,
  { "application", SPIRE_FIELD_REF, REQ, N_("Application"), "applications", NULL },
  { "from_status", SPIRE_FIELD_ENUM, 0, N_("Previous status"), NULL, application_statuses },
  { "to_status", SPIRE_FIELD_ENUM, REQ, N_("New status"), NULL, application_statuses },
  { "decided_by", SPIRE_FIELD_TEXT, REQ, N_("Decided by"), NULL, NULL },
  { "decided_at", SPIRE_FIELD_TIME, REQ, N_("Decided"), NULL, NULL },
  { "reason", SPIRE_FIELD_TEXT, REQ, N_("Reason"), NULL, NULL, LONGTEXT },
  { "rubric_version", SPIRE_FIELD_INT, 0, N_("Rubric version"), NULL, NULL },
};
KIND (spire_kind_decision, "decision", "decisions", N_("Decision"), N_("Decisions"),
      "reason", spire_decision_get_type, NULL)

static const SpireField spire_kind_deal_fields[] = {
  COMMON_FIELDS,
  { "startup", SPIRE_FIELD_REF, REQ, N_("Startup"), "startups", NULL },
  { "public_body", SPIRE_FIELD_REF, REQ, N_("Public body"), "public_bodies", NULL },
  { "application", SPIRE_FIELD_REF, 0, N_("Application"), "applications", NULL },
  { "title", SPIRE_FIELD_TEXT, 0, N_("Title"), NULL, NULL },
  { "kind", SPIRE_FIELD_ENUM, REQ, N_("Kind"), NULL, deal_kinds },
  { "stage", SPIRE_FIELD_ENUM, REQ, N_("Stage"), NULL, deal_stages },
  { "value", SPIRE_FIELD_MONEY, 0, N_("Contract value"), NULL, NULL },
  { "expected_savings", SPIRE_FIELD_MONEY, 0, N_("Expected savings"), NULL, NULL },
  { "realised_savings", SPIRE_FIELD_MONEY, 0, N_("Realised savings"), NULL, NULL },
  { "procedure_note", SPIRE_FIELD_TEXT, 0, N_("Procedure notes"), NULL, NULL, LONGTEXT },
  { "started_on", SPIRE_FIELD_DATE, 0, N_("Started"), NULL, NULL },
  { "signed_on", SPIRE_FIELD_DATE, 0, N_("Signed"), NULL, NULL },
  { "procedure", SPIRE_FIELD_ENUM, 0, N_("Procedure"), NULL, deal_procedures },
  { "solution", SPIRE_FIELD_REF, 0, N_("Solution"), "solutions", NULL },
  { "lost_reason", SPIRE_FIELD_TEXT, 0, N_("Why there was no deal"), NULL, NULL, LONGTEXT },
  { "option_value", SPIRE_FIELD_MONEY, 0, N_("Purchase option"), NULL, NULL },
  { "option_exercised", SPIRE_FIELD_BOOL, 0, N_("Purchase option exercised"), NULL, NULL },
};
KIND (spire_kind_deal, "deal", "deals", N_("Deal"), N_("Deals"), "title",
      spire_deal_get_type, validate_deal)

static const SpireField spire_kind_deal_event_fields[] = {
  COMMON_FIELDS,
  { "deal", SPIRE_FIELD_REF, REQ, N_("Deal"), "deals", NULL },
  { "stage", SPIRE_FIELD_ENUM, REQ, N_("Stage"), NULL, deal_stages },
  { "date", SPIRE_FIELD_DATE, REQ, N_("Date"), NULL, NULL },
  { "note", SPIRE_FIELD_TEXT, 0, N_("Note"), NULL, NULL, LONGTEXT },
};
KIND (spire_kind_deal_event, "deal_event", "deal_events", N_("Deal event"),
      N_("Deal events"), "stage", spire_deal_event_get_type, NULL)

static const SpireField spire_kind_solution_fields[] = {
  COMMON_FIELDS,
  { "startup", SPIRE_FIELD_REF, REQ, N_("Startup"), "startups", NULL },
  { "name", SPIRE_FIELD_TEXT, REQ, N_("Name"), NULL, NULL },
  { "description", SPIRE_FIELD_TEXT, 0, N_("Description"), NULL, NULL, LONGTEXT },
};
KIND (spire_kind_solution, "solution", "solutions", N_("Solution"), N_("Solutions"), "name",
      spire_solution_get_type, NULL)

static const SpireField spire_kind_deal_phase_fields[] = {
  COMMON_FIELDS,
  { "deal", SPIRE_FIELD_REF, REQ, N_("Deal"), "deals", NULL },
  { "position", SPIRE_FIELD_INT, REQ, N_("Order"), NULL, NULL },
  { "name", SPIRE_FIELD_TEXT, REQ, N_("Name"), NULL, NULL },
  { "planned_on", SPIRE_FIELD_DATE, 0, N_("Planned"), NULL, NULL },
  { "actual_on", SPIRE_FIELD_DATE, 0, N_("Done"), NULL, NULL },
  { "max_cost", SPIRE_FIELD_MONEY, 0, N_("Maximum cost"), NULL, NULL },
  { "cost", SPIRE_FIELD_MONEY, 0, N_("Cost"), NULL, NULL },
  { "state", SPIRE_FIELD_ENUM, REQ, N_("State"), NULL, phase_states },
};
KIND (spire_kind_deal_phase, "deal_phase", "deal_phases", N_("Phase"), N_("Phases"), "name",
      spire_deal_phase_get_type, validate_deal_phase)

static const SpireField spire_kind_gain_fields[] = {
  COMMON_FIELDS,
  { "deal", SPIRE_FIELD_REF, REQ, N_("Deal"), "deals", NULL },
  { "year", SPIRE_FIELD_INT, REQ, N_("Year"), NULL, NULL },
  { "kind", SPIRE_FIELD_ENUM, REQ, N_("Kind"), NULL, gain_kinds },
  { "description", SPIRE_FIELD_TEXT, 0, N_("Description"), NULL, NULL, LONGTEXT },
  { "baseline", SPIRE_FIELD_MONEY, 0, N_("Baseline"), NULL, NULL },
  { "expected", SPIRE_FIELD_MONEY, 0, N_("Expected"), NULL, NULL },
  { "realised", SPIRE_FIELD_MONEY, 0, N_("Realised"), NULL, NULL },
  { "owner", SPIRE_FIELD_TEXT, 0, N_("Owner"), NULL, NULL },
};
KIND (spire_kind_gain, "gain", "gains", N_("Gain"), N_("Gains"), "description",
      spire_gain_get_type, validate_gain)

static const SpireField spire_kind_threshold_fields[] = {
  COMMON_FIELDS,
  { "scope", SPIRE_FIELD_ENUM, REQ, N_("Scope"), NULL, threshold_scopes },
  { "amount", SPIRE_FIELD_MONEY, REQ, N_("Amount"), NULL, NULL },
  { "valid_from", SPIRE_FIELD_DATE, REQ, N_("Valid from"), NULL, NULL },
};
KIND (spire_kind_threshold, "procurement_threshold", "procurement_thresholds",
      N_("Procurement threshold"), N_("Procurement thresholds"), "scope",
      spire_threshold_get_type, validate_threshold)

static const SpireField spire_kind_stage_probability_fields[] = {
  COMMON_FIELDS,
  { "program", SPIRE_FIELD_REF, REQ, N_("Program"), "programs", NULL },
  { "stage", SPIRE_FIELD_ENUM, REQ, N_("Stage"), NULL, deal_stages },
  { "percent", SPIRE_FIELD_INT, REQ, N_("Probability (%)"), NULL, NULL },
};
KIND (spire_kind_stage_probability, "stage_probability", "stage_probabilities",
      N_("Stage probability"), N_("Stage probabilities"), "stage",
      spire_stage_probability_get_type, validate_stage_probability)

/* A request for access (innsyn) and how it was answered: given and
 * withheld are JSON arrays (spire-privacy.h, spire_innsyn_export). */
static const SpireField spire_kind_innsyn_request_fields[] = {
  COMMON_FIELDS,
  { "requester", SPIRE_FIELD_TEXT, REQ, N_("Requested by"), NULL, NULL },
  { "received_on", SPIRE_FIELD_DATE, REQ, N_("Received"), NULL, NULL },
  { "answered_on", SPIRE_FIELD_DATE, 0, N_("Answered"), NULL, NULL },
  { "application", SPIRE_FIELD_REF, 0, N_("Application"), "applications", NULL },
  { "cohort", SPIRE_FIELD_REF, 0, N_("Cohort"), "cohorts", NULL },
  { "given", SPIRE_FIELD_JSON, 0, N_("Given"), NULL, NULL, ANYLENGTH },
  { "withheld", SPIRE_FIELD_JSON, 0, N_("Withheld"), NULL, NULL, ANYLENGTH },
};
KIND (spire_kind_innsyn_request, "innsyn_request", "innsyn_requests", N_("Innsyn request"),
      N_("Innsyn requests"), "requester", spire_innsyn_request_get_type, NULL)

/* Types */

#define DEFINE_RECORD(TypeName, type_name, kind_var)                               \
  struct _Spire##TypeName { SpireRecord parent_instance; };                          \
  G_DEFINE_FINAL_TYPE (Spire##TypeName, spire_##type_name, SPIRE_TYPE_RECORD)        \
  static void spire_##type_name##_class_init (Spire##TypeName##Class *klass)         \
  { _spire_record_class_set_kind (SPIRE_RECORD_CLASS (klass), &kind_var); }          \
  static void spire_##type_name##_init (Spire##TypeName *self) {}

DEFINE_RECORD (PublicBody, public_body, spire_kind_public_body)
DEFINE_RECORD (Program, program, spire_kind_program)
DEFINE_RECORD (Cohort, cohort, spire_kind_cohort)
DEFINE_RECORD (Challenge, challenge, spire_kind_challenge)
DEFINE_RECORD (Startup, startup, spire_kind_startup)
DEFINE_RECORD (Person, person, spire_kind_person)
DEFINE_RECORD (Application, application, spire_kind_application)
DEFINE_RECORD (Rubric, rubric, spire_kind_rubric)
DEFINE_RECORD (Criterion, criterion, spire_kind_criterion)
DEFINE_RECORD (Screening, screening, spire_kind_screening)
DEFINE_RECORD (Evaluator, evaluator, spire_kind_evaluator)
DEFINE_RECORD (Assignment, assignment, spire_kind_assignment)
DEFINE_RECORD (Package, package, spire_kind_package)
DEFINE_RECORD (Conflict, conflict, spire_kind_conflict)
DEFINE_RECORD (Review, review, spire_kind_review)
DEFINE_RECORD (Score, score, spire_kind_score)
DEFINE_RECORD (Decision, decision, spire_kind_decision)
DEFINE_RECORD (Deal, deal, spire_kind_deal)
DEFINE_RECORD (DealEvent, deal_event, spire_kind_deal_event)
DEFINE_RECORD (Solution, solution, spire_kind_solution)
DEFINE_RECORD (DealPhase, deal_phase, spire_kind_deal_phase)
DEFINE_RECORD (Gain, gain, spire_kind_gain)
DEFINE_RECORD (Threshold, threshold, spire_kind_threshold)
DEFINE_RECORD (StageProbability, stage_probability, spire_kind_stage_probability)
DEFINE_RECORD (InnsynRequest, innsyn_request, spire_kind_innsyn_request)

static const SpireKind *const all_kinds[] = {
  &spire_kind_public_body,
  &spire_kind_program,
  &spire_kind_cohort,
  &spire_kind_challenge,
  &spire_kind_startup,
  &spire_kind_person,
  &spire_kind_application,
  &spire_kind_rubric,
  &spire_kind_criterion,
  &spire_kind_screening,   /* after applications and criteria */
  &spire_kind_evaluator,
  &spire_kind_assignment,
  &spire_kind_package,     /* after evaluators and cohorts */
  &spire_kind_conflict,
  &spire_kind_review,
  &spire_kind_score,
  &spire_kind_decision,
  &spire_kind_innsyn_request, /* after applications and cohorts */
  &spire_kind_solution,    /* before the deals that name it */
  &spire_kind_deal,
  &spire_kind_deal_event,
  &spire_kind_deal_phase,
  &spire_kind_gain,
  &spire_kind_threshold,
  &spire_kind_stage_probability,
};

const SpireKind *const *
spire_kinds (guint *n_kinds)
{
  if (n_kinds)
    *n_kinds = G_N_ELEMENTS (all_kinds);
  return all_kinds;
}

const SpireKind *
spire_kind_lookup (const char *table_or_name)
{
  g_return_val_if_fail (table_or_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    if (g_str_equal (all_kinds[i]->table, table_or_name) ||
        g_str_equal (all_kinds[i]->name, table_or_name))
      return all_kinds[i];
  return NULL;
}
