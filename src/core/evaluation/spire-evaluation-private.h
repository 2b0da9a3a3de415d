/* spire-evaluation-private.h — what the evaluation files share and callers
 * outside src/core/evaluation/ never see: small helpers (one value from a
 * query, a record by UUID, formatting for messages), removing assignments,
 * and the few steps one part takes from another (a decision from
 * screening, freezing the rubric from a review, the conflict refusal from
 * assignment and review, blind redaction from the panel view).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "spire-error.h"
#include "spire-evaluation.h"
#include "spire-records.h"
#include "spire-store-private.h"
#include "spire-text.h"

G_BEGIN_DECLS

#define COL SPIRE_ROW_TEXT

/* spire-evaluation-helpers.c */
gboolean _spire_is_blank (const char *text);
/* @text without leading and trailing white space, or NULL. */
char *_spire_stripped (const char *text);
/* The first column of the first row, or NULL. */
char *_spire_query_string (SpireStore *store, const char *sql, guint n_params, ...);
/* The record, refused with SPIRE_ERROR_NOT_FOUND also when @uuid is NULL. */
SpireRecord *_spire_get_record (SpireStore *store, const SpireKind *kind, const char *uuid,
                                GError **error);
char *_spire_json_string_of (JsonBuilder *builder);
char *_spire_format_time (const char *iso);
char *_spire_format_value (double value);
char *_spire_cohort_name (SpireStore *store, const char *cohort_uuid);
char *_spire_startup_name_of_application (SpireStore *store, SpireRecord *app);
gboolean _spire_enum_allowed (const SpireKind *kind, const char *field, const char *value);
/* Deletes the assignments whose UUIDs are column 0 of @rows. */
gboolean _spire_delete_assignment_rows (SpireStore *store, GPtrArray *rows, GError **error);
gboolean _spire_delete_assignments_of_application (SpireStore *store,
                                                   const char *application_uuid,
                                                   GError **error);
/* Removes the evaluator's assignments that a conflict with @application_uuid
 * or @startup_uuid blocks. */
gboolean _spire_delete_blocked_assignments (SpireStore *store, const char *evaluator_uuid,
                                            const char *application_uuid,
                                            const char *startup_uuid, GError **error);

/* spire-rubric.c */
/* Sets frozen_at on @rubric and saves it (inside a transaction). */
gboolean _spire_rubric_freeze_record (SpireStore *store, SpireRecord *rubric, GError **error);
/* The version of the cohort's rubric, or SPIRE_INT_NONE. */
gint64 _spire_rubric_version_of_cohort (SpireStore *store, const char *cohort_uuid);

/* spire-decision.c */
/* Inside a transaction; @app is changed and saved. */
gboolean _spire_decide_one (SpireStore *store, SpireRecord *app, const char *status,
                            const char *reason, gint64 rubric_version, GError **error);

/* spire-conflicts.c */
/* The lower-case host of a website without "www.", or NULL. */
char *_spire_website_host (const char *website);

/* spire-assignment.c */
/* The refusal for a conflict of @ev with @app (for a review when @review). */
gboolean _spire_refuse_conflict (SpireStore *store, SpireRecord *ev, SpireRecord *app,
                                 SpireRecord *conflict, gboolean review, GError **error);

/* spire-redaction.c */
/* The terms that name the startup @startup_uuid; NULL when there is none. */
GPtrArray *_spire_redact_terms_for (SpireStore *store, const char *startup_uuid);
/* The same from @startup and the persons that name it (its people, the
 * contacts of its applications, those with its orgnr; by UUID). */
GPtrArray *_spire_redact_terms_of (SpireRecord *startup, GPtrArray *persons);
/* Replaces @terms in @copy's free text (title, pitch, solution, extra). */
void _spire_redact_record (SpireRecord *copy, GPtrArray *terms);

G_END_DECLS
