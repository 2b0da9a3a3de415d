/* spire-report-data-private.h — what the report builders read alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-report.h"
#include "spire-report-text.h"
#include "spire-record.h"
#include "spire-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *uuid;
  char *name;
  char *program;
  char *program_name;
  char *operator_;      /* the program's operator, or NULL */
  char *deadline;       /* ISO date, or NULL */
  char *data_date;      /* ISO date of the newest change to the cohort's data */
} ReportCohort;

gboolean _spire_report_read_cohort (SpireStore *store, const char *cohort_uuid,
                                    ReportCohort *out, GError **error);
void _spire_report_cohort_clear (ReportCohort *cohort);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportCohort, _spire_report_cohort_clear)
/* "SmartOslo — Høst 2026" for the page header. */
char *_spire_report_cohort_header (const ReportCohort *cohort);

typedef struct
{
  gint64 version;
  char *frozen_at;   /* or NULL */
  double scale_min, scale_max;
  char *scale_labels; /* JSON object "1" → word, or NULL */
  char *aggregation;
  char *normalisation;
} ReportRubric;

gboolean _spire_report_read_rubric (SpireStore *store, const char *cohort_uuid,
                                    ReportRubric *out, GError **error);
void _spire_report_rubric_clear (ReportRubric *rubric);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportRubric, _spire_report_rubric_clear)
/* The scale's word for @score rounded, in @t's language when it is one of
 * the default words (NULL when the scale has none). */
char *_spire_report_scale_word (SpireReportText *t, const ReportRubric *rubric, double score);

/* The fylke of a kommunenummer (its first two digits, 2024), or NULL. */
const char *_spire_report_fylke (const char *kommunenummer);
/* The word for an enum field's value (spire-records.c's labels) in the
 * report's language; "–" for NULL. */
const char *_spire_report_enum_word (SpireReportText *t, const SpireKind *kind,
                                     const char *field, const char *value);
/* An application status in the report's language. */
const char *_spire_report_status_word (SpireReportText *t, const char *status);
/* A score with two decimals, "–" for NaN. */
char *_spire_report_score (SpireReportText *t, double value);
/* A weight without needless decimals. */
char *_spire_report_weight (SpireReportText *t, double weight);

/* The key figures of the cohort and impact reports: a table of facts
 * without a header, the label left and the number right. */
SpireReportTable *_spire_report_add_key_figures (SpireReport *report);
/* A row of facts: @label and @value (transfer full). */
void _spire_report_add_fact (SpireReportTable *table, const char *label, char *value);

/* One letter of _spire_report_letters_foreach: the @done-th of @n. */
typedef gboolean (*ReportLetterFunc) (SpireReport *report, const char *applicant, guint done,
                                      guint n, gpointer data, GError **error);
gboolean _spire_report_letters_foreach (SpireStore *store, const char *cohort_uuid,
                                        const char *const *statuses, SpireLanguage lang,
                                        GCancellable *cancellable, ReportLetterFunc func,
                                        gpointer data, GError **error);

G_END_DECLS
