/* spire-screening.h — screening: gate criteria answered by the office
 *
 * Part of the evaluation API; include "spire-evaluation.h" (which says how
 * each thing is represented in the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-store.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------
 * Screening: gate criteria answered by the office
 * ------------------------------------------------------------------------- */

typedef struct
{
  char *criterion;      /* uuid */
  char *criterion_name;
  gboolean passed;
  char *note;           /* or NULL */
  char *by;             /* store actor */
  char *at;             /* UTC timestamp */
  gint64 rubric_version; /* in force when answered, or SPIRE_INT_NONE */
  char *uuid;           /* the screening record */
} SpireScreeningAnswer;

void spire_screening_answer_free (SpireScreeningAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireScreeningAnswer, spire_screening_answer_free)

/* Answers gate @criterion_uuid (a "gate" criterion of the cohort's rubric)
 * for an application that is "received" or "in_review", replacing an
 * earlier answer to the same gate.  A failed gate makes the application
 * ineligible through a decision whose reason names the gate and @note, and
 * removes its assignments. */
gboolean spire_screening_answer (SpireStore *store, const char *application_uuid,
                                 const char *criterion_uuid, gboolean passed, const char *note,
                                 GError **error);
/* The answer on record per gate of the cohort's current rubric, in the
 * rubric's order; gates not yet answered are left out.  Elements are
 * SpireScreeningAnswer. */
GPtrArray *spire_screening_list_answers (SpireStore *store, const char *application_uuid,
                                         GError **error);
/* TRUE when every gate of the rubric has "passed" as its latest answer
 * (also TRUE for a rubric without gates). */
gboolean spire_screening_all_passed (SpireStore *store, const char *application_uuid,
                                     GError **error);

/* ---------------------------------------------------------------------------
 * The screening list: one row per application, read as long work
 * ------------------------------------------------------------------------- */

/* One application as the screening list shows it (plain data, made on a
 * worker; read the fields, never change them). */
struct _SpireScreeningItem
{
  GObject parent_instance;

  char *application;  /* uuid */
  char *title;
  /* "Startup AS · Gate: passed · Gate: failed (note) · Gate: not answered" */
  char *subtitle;
  gboolean screened;    /* every gate answered, or ineligible */
  gboolean ineligible;
  gboolean can_screen;  /* received or in review: it may be screened */
};

#define SPIRE_TYPE_SCREENING_ITEM (spire_screening_item_get_type ())
G_DECLARE_FINAL_TYPE (SpireScreeningItem, spire_screening_item, SPIRE, SCREENING_ITEM, GObject)

/* The cohort's applications but the withdrawn ones, by title (Norwegian
 * order), each with its answers to the gates of the cohort's rubric
 * (SpireScreeningItem), read in a few queries however large the cohort;
 * empty when the rubric has no gates. */
GPtrArray *spire_screening_rows_read (SpireStore *store, const char *cohort_uuid,
                                      GError **error);
/* The same on a worker (issue 11: 4 000 rows read on the main thread froze
 * the Evaluation view); cancel when it is not wanted any more
 * (SPIRE_ERROR_CANCELLED). */
void spire_screening_rows_async (SpireStore *store, const char *cohort_uuid,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
GPtrArray *spire_screening_rows_finish (SpireStore *store, GAsyncResult *result,
                                        GError **error);

G_END_DECLS
