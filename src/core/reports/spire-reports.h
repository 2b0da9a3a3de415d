/* spire-reports.h — the reports Spire writes: cohort, letters, impact, reference
 *
 * Each builder reads the store (the ranking through core's ranking, the
 * funnel and the deals through follow-up, so the numbers equal `spire-cli
 * rank/funnel --json`) and gives a SpireReport in the language chosen at
 * export (spire-report-text.h), ready to be written as PDF or drawn page by
 * page in the print dialog.  Builders read no confidential field and no
 * reviewer's comment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-report.h"
#include "spire-report-text.h"
#include "spire-store.h"

G_BEGIN_DECLS

/* The cohort report (DESIGN.md, Reports).  SPIRE_ERROR_NOT_FOUND for an
 * unknown cohort. */
SpireReport *spire_report_cohort (SpireStore *store, const char *cohort_uuid,
                                  SpireLanguage lang, GCancellable *cancellable, GError **error);

/* The feedback letter of one application (forvaltningsloven §§ 24–25).
 * SPIRE_ERROR_NOT_FOUND for an unknown application. */
SpireReport *spire_report_letter (SpireStore *store, const char *application_uuid,
                                  SpireLanguage lang, GError **error);

/* One letter per application of @cohort_uuid whose status is one of
 * @statuses (NULL: accepted, waitlisted, rejected and ineligible), written
 * into @dir as "<applicant>.pdf" (a number added when two applicants share
 * a name).  Returns the paths written (transfer full); on an error the
 * letters already written stay, each complete. */
GPtrArray *spire_report_letters_write (SpireStore *store, const char *cohort_uuid,
                                       const char *const *statuses, SpireLanguage lang,
                                       const char *dir, GCancellable *cancellable,
                                       GError **error);

/* The impact report of a program across its cohorts (DESIGN.md, Reports);
 * the numbers are spire_program_impact's.  SPIRE_ERROR_NOT_FOUND for an
 * unknown program. */
SpireReport *spire_report_impact (SpireStore *store, const char *program_uuid,
                                  SpireLanguage lang, GError **error);
/* A solution's reference sheet: its buyers over time and its gains. */
SpireReport *spire_report_reference (SpireStore *store, const char *solution_uuid,
                                     SpireLanguage lang, GError **error);

typedef enum
{
  SPIRE_REPORT_KIND_COHORT,  /* @uuid a cohort; @path the PDF */
  SPIRE_REPORT_KIND_LETTER,  /* @uuid an application; @path the PDF */
  SPIRE_REPORT_KIND_LETTERS, /* @uuid a cohort, with @statuses; @path the folder */
  SPIRE_REPORT_KIND_IMPACT,  /* @uuid a program; @path the PDF */
  SPIRE_REPORT_KIND_REFERENCE, /* @uuid a solution; @path the PDF */
} SpireReportKind;

/* The report of @kind (not LETTERS, which is one report per application)
 * for @uuid, in @lang: what the writer, the print dialog and the CLI draw. */
SpireReport *spire_report_build (SpireStore *store, SpireReportKind kind, const char *uuid,
                                 SpireLanguage lang, GCancellable *cancellable, GError **error);

/* The report written as long work (spire-job-private.h): built and drawn
 * in a worker thread on a connection of its own, with progress and
 * cancel (nothing at @path then).  The result is the paths written
 * (transfer full). */
void spire_report_write_async (SpireStore *store, SpireReportKind kind, const char *uuid,
                               const char *const *statuses, SpireLanguage lang, const char *path,
                               GCancellable *cancellable, SpireProgressFunc progress,
                               gpointer progress_data, GAsyncReadyCallback callback,
                               gpointer user_data);
GPtrArray *spire_report_write_finish (SpireStore *store, GAsyncResult *result, GError **error);

/* The reports of @kind built and paginated as long work, for the print
 * dialog: in a worker thread on a connection of its own, with progress
 * (reports built) and cancel.  @uuids: a cohort, a program or a solution
 * (one); for SPIRE_REPORT_KIND_LETTER the applications, a letter each; for
 * SPIRE_REPORT_KIND_LETTERS the cohort, with @statuses as
 * spire_report_letters_write takes them.  The result is the reports in
 * order (transfer full), each paginated: the caller only draws pages. */
void spire_report_build_async (SpireStore *store, SpireReportKind kind,
                               const char *const *uuids, const char *const *statuses,
                               SpireLanguage lang, GCancellable *cancellable,
                               SpireProgressFunc progress, gpointer progress_data,
                               GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *spire_report_build_finish (SpireStore *store, GAsyncResult *result, GError **error);

/* The file name of a letter for @applicant: what cannot be in a file name
 * replaced, ".pdf" added. */
char *spire_report_letter_file_name (const char *applicant);

G_END_DECLS
