/* spire-screening.h — screening: gate criteria answered by the office
 *
 * Part of the evaluation API; include "spire-evaluation.h" (which says how
 * each thing is represented in the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

G_END_DECLS
