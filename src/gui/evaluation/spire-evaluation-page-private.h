/* spire-evaluation-page-private.h — test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-evaluation-page.h"
#include "spire-review-form.h"

G_BEGIN_DECLS

/* Runs a reload that a "changed" signal scheduled, now. */
void _spire_evaluation_page_reload_now (SpireEvaluationPage *self);
/* "none", "overview" or "review" */
const char *_spire_evaluation_page_get_view (SpireEvaluationPage *self);
/* The dialog an action opened last, while it is open, and its named
 * fields ("name", "guidance", "weight", "kind", "k", "reason", "member",
 * "person", "role", "application", "cohort"). */
AdwMessageDialog *_spire_evaluation_page_get_dialog (SpireEvaluationPage *self);
GtkWidget *_spire_evaluation_page_get_dialog_field (SpireEvaluationPage *self, const char *name);
/* The row of a criterion in the criteria list, or NULL. */
GtkWidget *_spire_evaluation_page_get_criterion_row (SpireEvaluationPage *self,
                                                     const char *criterion_uuid);
SpireReviewForm *_spire_evaluation_page_get_review_form (SpireEvaluationPage *self);
/* Chooses the panel member reviews are keyed in for. */
gboolean _spire_evaluation_page_set_score_as (SpireEvaluationPage *self,
                                              const char *evaluator_uuid);
/* The assignment summary ("4 members, 20–21 applications each"). */
const char *_spire_evaluation_page_get_assignment_summary (SpireEvaluationPage *self);
/* What the file choosers lead to. */
gboolean _spire_evaluation_page_export_package_to (SpireEvaluationPage *self,
                                                   const char *evaluator_uuid, const char *path,
                                                   GError **error);
/* Imports each file (in a worker, waiting for it); *@summary (may be
 * NULL) gets the text shown.  TRUE when every file was imported. */
gboolean _spire_evaluation_page_import_sheets (SpireEvaluationPage *self,
                                               const char *const *paths, char **summary);

/* Screening: "12 of 25 screened, 2 ineligible", or NULL while the section is
 * hidden (no gate criteria); the row of an application.  The screening
 * dialog ("evaluation.screen") names its fields "pass:<gate uuid>",
 * "fail:<gate uuid>" (GtkToggleButton) and "note:<gate uuid>". */
const char *_spire_evaluation_page_get_screening_summary (SpireEvaluationPage *self);
GtkWidget *_spire_evaluation_page_get_screening_row (SpireEvaluationPage *self,
                                                     const char *application_uuid);
/* Chooses the application in "Assignments by Hand".  The "Assign
 * Several" dialog names its check buttons "app:<application uuid>". */
gboolean _spire_evaluation_page_set_hand_application (SpireEvaluationPage *self,
                                                      const char *application_uuid);
/* TRUE while automatic assignment, conflict detection or an import runs
 * in a worker: the page is insensitive and its actions disabled. */
gboolean _spire_evaluation_page_is_busy (SpireEvaluationPage *self);

G_END_DECLS
