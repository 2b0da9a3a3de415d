/* spire-evaluation.h — rubrics, screening, decisions, the panel, conflicts of
 * interest, assignment and reviews
 *
 * Everything here changes data only through the store, in one transaction
 * per call (all or nothing), and refuses with a SPIRE_ERROR whose translated
 * message says what is wrong and what to do.  Score aggregation and ranking
 * live in spire-scoring.h / spire-ranking.h, not here.
 *
 * How things are represented (schema version 2):
 *
 * - Rubric: one per cohort.  scale_labels is a JSON object from step to
 *   label, {"1": "Very weak", …, "7": "Excellent"}.  Criteria have positions
 *   0, 1, 2 … in the order shown.  A rubric is frozen (frozen_at set) when
 *   its first review is submitted; while frozen, its criteria and scale
 *   cannot change.  Unfreezing needs a written reason (audit entry
 *   "unfreeze" on the rubric), raises rubric.version by one and marks every
 *   review made under an older version stale.
 *
 * - Screening (eligibility gates): a gate criterion ("gate" kind) is
 *   answered per application by the office, not by the panel.  The answer
 *   on record is a screening row (one per application and gate: passed,
 *   note, decided_by, decided_at, rubric_version), which a new answer
 *   overwrites; every answer given is also an audit entry on the
 *   application (action "screening", after = {"criterion", "name",
 *   "passed", "note", "rubric_version"}), the history.  A failed gate also
 *   records a decision to "ineligible" whose reason names the gate (and the
 *   note), and sets the application's status.  Reviews never carry values
 *   for gate criteria.
 *
 * - Conflicts of interest: a row in conflicts blocks its evaluator from the
 *   application (or from every application of the startup) unless it is
 *   dismissed: declared ones (confirmed), detected ones awaiting
 *   confirmation (confirmed = FALSE) and confirmed detected ones.
 *   Dismissing a detected conflict sets dismissed_at, dismissed_by and
 *   dismiss_reason; the row stays on record, no longer blocks, cannot be
 *   confirmed, and keeps detection from proposing the same pair again.  An
 *   audit entry (entity "conflict", action "dismiss", after = the dismissed
 *   conflict) records it in the history too.  Whenever a conflict is
 *   declared, detected or confirmed, the evaluator's assignments it blocks
 *   are removed (their reviews stay on record).
 *
 * - Assignable applications: every status except "ineligible" and
 *   "withdrawn".  Observers are never assigned.  "declined" assignments do
 *   not count towards an application's evaluators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

G_BEGIN_DECLS

#define SPIRE_DEFAULT_SCALE_MIN 1
#define SPIRE_DEFAULT_SCALE_MAX 7
#define SPIRE_DEFAULT_DISAGREEMENT_THRESHOLD 1.5
#define SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION 3

/* ---------------------------------------------------------------------------
 * Rubrics and criteria
 * ------------------------------------------------------------------------- */

/* The cohort's rubric, or NULL with SPIRE_ERROR_NOT_FOUND when it has none. */
SpireRecord *spire_rubric_get_for_cohort (SpireStore *store, const char *cohort_uuid,
                                          GError **error);
/* A new rubric for @cohort_uuid with the defaults: scale 1–7 with a
 * (translated) label per step, mean, no normalisation, disagreement
 * threshold 1.5, version 1, no criteria.  Refused when the cohort has one. */
SpireRecord *spire_rubric_create (SpireStore *store, const char *cohort_uuid, GError **error);
/* Copies the rubric of @from_cohort_uuid, with its criteria under new
 * UUIDs, to @to_cohort_uuid: creates the target's rubric, or replaces the
 * settings and criteria of its rubric when that is not frozen. */
SpireRecord *spire_rubric_copy (SpireStore *store, const char *from_cohort_uuid,
                                const char *to_cohort_uuid, GError **error);
/* Saves changed settings (scale, labels, aggregation, normalisation,
 * threshold).  While frozen only the disagreement threshold may change;
 * version and frozen_at are never changed here. */
gboolean spire_rubric_update (SpireStore *store, SpireRecord *rubric, GError **error);
gboolean spire_rubric_is_frozen (SpireRecord *rubric);
/* Sets frozen_at (no-op when frozen already). */
gboolean spire_rubric_freeze (SpireStore *store, const char *rubric_uuid, GError **error);
/* Needs a non-empty @reason: records it, clears frozen_at, version + 1,
 * marks the reviews made under older versions stale (their number in
 * *@n_stale). */
gboolean spire_rubric_unfreeze (SpireStore *store, const char *rubric_uuid, const char *reason,
                                guint *n_stale, GError **error);
/* TRUE when @value lies within scale_min … scale_max. */
gboolean spire_rubric_value_in_scale (SpireRecord *rubric, double value);
/* The label of a step from scale_labels, or NULL (free with g_free). */
char *spire_rubric_get_scale_label (SpireRecord *rubric, gint64 step);

/* The rubric's criteria in their order (position). */
GPtrArray *spire_rubric_list_criteria (SpireStore *store, const char *rubric_uuid,
                                       GError **error);
/* Adds a criterion at the end.  @kind is "scored", "gate" or "not_counted".
 * The criterion edits below are refused (SPIRE_ERROR_INVALID) while the
 * rubric is frozen. */
SpireRecord *spire_rubric_add_criterion (SpireStore *store, const char *rubric_uuid,
                                         const char *name, const char *guidance, double weight,
                                         const char *kind, GError **error);
/* Saves a changed criterion (name, guidance, weight, kind); it stays in its
 * rubric and place. */
gboolean spire_rubric_update_criterion (SpireStore *store, SpireRecord *criterion,
                                        GError **error);
/* @criterion_uuids: every criterion of the rubric once, in the new order. */
gboolean spire_rubric_reorder_criteria (SpireStore *store, const char *rubric_uuid,
                                        const char *const *criterion_uuids, GError **error);
/* Removes a criterion (and the scores given to it: only possible when the
 * rubric is not frozen, so these belong to reviews already marked stale). */
gboolean spire_rubric_remove_criterion (SpireStore *store, const char *criterion_uuid,
                                        GError **error);

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
 * Decisions
 * ------------------------------------------------------------------------- */

/* Moves every application of @application_uuids (NULL-terminated; one or
 * many) to @new_status with one written @reason, recording a decision per
 * application (from_status, to_status, decided_by = the store's actor,
 * decided_at, reason, rubric_version in force).  Applications already in
 * @new_status are left as they are (no decision).  Refuses an empty reason,
 * an unknown status or application.  Deciding "ineligible" or "withdrawn"
 * removes the application's assignments.  All or nothing. */
gboolean spire_decide (SpireStore *store, const char *const *application_uuids,
                       const char *new_status, const char *reason, GError **error);
/* Applications of the cohort with status "accepted"; *@seats gets the
 * cohort's seats. -1 on error. */
gint64 spire_cohort_count_accepted (SpireStore *store, const char *cohort_uuid, gint64 *seats,
                                    GError **error);
/* A warning for the GUI when more applications are accepted than the cohort
 * has seats ("5 applications are accepted, but “Kull 2026” has 4 seats."),
 * or NULL.  Not a refusal. */
char *spire_cohort_seats_warning (SpireStore *store, const char *cohort_uuid);
/* The same after @adding more acceptances ("After this change 5 applications
 * will be accepted, but the cohort has 4 seats."); @adding 0 is the warning
 * as things are.  NULL when the seats hold or the cohort has no seat count.
 * A warning, never a refusal: the GUI and the CLI show it as it is. */
char *spire_cohort_seats_warning_after (SpireStore *store, const char *cohort_uuid,
                                        guint adding);

/* Whether an application with @status takes part in the evaluation: it can
 * be assigned, screened and ranked (it is not ineligible or withdrawn). */
gboolean spire_application_status_is_assignable (const char *status);
gboolean spire_application_is_assignable (SpireRecord *application);
/* The applications of the cohort that can be assigned, or -1 on error. */
gint64 spire_cohort_count_assignable (SpireStore *store, const char *cohort_uuid,
                                      GError **error);
/* Where @status stands in the order of the application statuses (received,
 * ineligible, in review, …, as the field table lists them), for sorting
 * lists by status: 0 for the first; G_MAXINT for NULL. */
int spire_application_status_order (const char *status);

/* A panel member's load in the cohort: assignments that count (declined
 * ones do not) and of those the submitted ones. */
typedef struct
{
  guint assigned;
  guint submitted;
} SpirePanelLoad;

/* Every panel member's load, read in one query: evaluator UUID (char *) →
 * SpirePanelLoad *; members with no assignment are in it with 0.  NULL with
 * @error when the database fails. */
GHashTable *spire_panel_loads (SpireStore *store, const char *cohort_uuid, GError **error);

/* ---------------------------------------------------------------------------
 * The panel
 * ------------------------------------------------------------------------- */

/* Puts @person_uuid on the cohort's panel as @role ("chair", "member",
 * "observer"); if they are on it already, sets the role.  Returns the
 * evaluator. */
SpireRecord *spire_panel_add (SpireStore *store, const char *cohort_uuid,
                              const char *person_uuid, const char *role, GError **error);
/* Changing to "observer" is refused while the evaluator has assignments. */
gboolean spire_panel_set_role (SpireStore *store, const char *evaluator_uuid, const char *role,
                               GError **error);
/* Removes a panel member with their assignments, conflicts and the record
 * of the packages exported to them; refused
 * (SPIRE_ERROR_IN_USE) when they have written reviews, which stay on
 * record (make them an observer instead). */
gboolean spire_panel_remove (SpireStore *store, const char *evaluator_uuid, GError **error);
/* The cohort's evaluators, by the person's name (Norwegian order). */
GPtrArray *spire_panel_list (SpireStore *store, const char *cohort_uuid, GError **error);
/* The evaluator's person's name (free with g_free), "" when unknown. */
char *spire_evaluator_get_name (SpireStore *store, const char *evaluator_uuid);

/* ---------------------------------------------------------------------------
 * Conflicts of interest (inhabilitet)
 * ------------------------------------------------------------------------- */

/* TRUE for e-mail domains anyone can have (gmail.com, outlook.com,
 * online.no …): they never suggest a conflict. */
gboolean spire_email_domain_is_public (const char *domain);

/* Declares a conflict of an evaluator with an application or with a startup
 * (give one of the two; @kind "owner", "employee", "family", "competitor",
 * "other"; @reason required).  origin "declared", confirmed. */
SpireRecord *spire_conflict_declare (SpireStore *store, const char *evaluator_uuid,
                                     const char *application_uuid, const char *startup_uuid,
                                     const char *kind, const char *reason, GError **error);
/* Looks for conflicts between the cohort's panel and its applicants:
 * - the evaluator's person is a contact person of the startup;
 * - the evaluator's organisation number is the startup's;
 * - the evaluator's e-mail domain is that of a contact person of the
 *   startup or the host of its website (public mail domains never match).
 * Each new one is stored as evaluator × startup, origin "detected",
 * confirmed = FALSE, with a translated reason saying why.  Pairs that
 * already have a conflict on record, dismissed ones included, are
 * skipped.  Returns the new conflicts (maybe none); NULL on error. */
GPtrArray *spire_conflicts_detect (SpireStore *store, const char *cohort_uuid, GError **error);
/* Detected conflicts of the cohort still awaiting confirmation (not
 * dismissed). */
GPtrArray *spire_conflicts_list_pending (SpireStore *store, const char *cohort_uuid,
                                         GError **error);
/* All conflicts of the cohort's panel, dismissed ones included (see their
 * dismissed_at). */
GPtrArray *spire_conflicts_list (SpireStore *store, const char *cohort_uuid, GError **error);
/* Refused for a dismissed conflict (declare it instead). */
gboolean spire_conflict_confirm (SpireStore *store, const char *conflict_uuid, GError **error);
/* Only for detected, unconfirmed conflicts not yet dismissed; needs a
 * @reason.  The conflict stays on record as dismissed. */
gboolean spire_conflict_dismiss (SpireStore *store, const char *conflict_uuid,
                                 const char *reason, GError **error);
/* TRUE when a conflict (not dismissed) keeps the evaluator from the application;
 * *@conflict_out (may be NULL) receives it. */
gboolean spire_conflict_blocks (SpireStore *store, const char *evaluator_uuid,
                                const char *application_uuid, SpireRecord **conflict_out);

/* ---------------------------------------------------------------------------
 * Assignment
 * ------------------------------------------------------------------------- */

/* Assigns one evaluator one application.  Refused for observers,
 * ineligible or withdrawn applications, another cohort, and a conflict of
 * interest (the message names both).  Already assigned: nothing to do. */
gboolean spire_assign (SpireStore *store, const char *evaluator_uuid,
                       const char *application_uuid, GError **error);
/* Every evaluator of @evaluator_uuids to every application of
 * @application_uuids, all or nothing; *@n_added new assignments. */
gboolean spire_assign_many (SpireStore *store, const char *const *evaluator_uuids,
                            const char *const *application_uuids, guint *n_added,
                            GError **error);
/* Removes an assignment (a review already written stays on record). */
gboolean spire_unassign (SpireStore *store, const char *evaluator_uuid,
                         const char *application_uuid, GError **error);
/* Gives every assignable application of the cohort @k evaluators (0 means
 * SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION), keeping the assignments it has:
 * - observers are never assigned, nor anyone with a conflict of interest;
 * - the evaluators' loads (their assignments in the cohort) end up within
 *   one of each other;
 * - with cohort.owner_on_panel, an application to a challenge owned by a
 *   public body gets at least one panel member from that body
 *   (persons.public_body = challenge.owner) when the panel has one without
 *   a conflict.
 * When that cannot be done it refuses with the reason (e.g. "“Nordlys AS”
 * has only 2 panel members without a conflict of interest; 3 are needed.")
 * and changes nothing.  *@n_added receives the number of new assignments. */
gboolean spire_assign_auto (SpireStore *store, const char *cohort_uuid, guint k,
                            guint *n_added, GError **error);

/* ---------------------------------------------------------------------------
 * Reviews
 * ------------------------------------------------------------------------- */

/* The evaluator's review of the application: the stored one, or a new
 * draft that is not stored yet (saving stores it).  Refused when the
 * evaluator is not assigned the application or has a conflict with it. */
SpireRecord *spire_review_open (SpireStore *store, const char *evaluator_uuid,
                                const char *application_uuid, GError **error);
/* The review's scores (SpireScore: criterion, value — NAN for N/A —,
 * comment), in the rubric's order. */
GPtrArray *spire_review_list_scores (SpireStore *store, const char *review_uuid,
                                     GError **error);
/* Saves a draft: @review's recommendation and summary, and when @scores is
 * not NULL, the complete set of answered criteria (SpireScore records with
 * criterion, value or NAN for N/A, comment; criteria left out count as not
 * answered yet).  Cheap to call often: only what changed is written and
 * drafts leave no audit entries (an answer taken back is a deletion, which
 * the store records).  Refused once submitted, for a value
 * outside the scale, a criterion of another rubric or a gate.  On success
 * the records carry their stored UUIDs and times. */
gboolean spire_review_save_draft (SpireStore *store, SpireRecord *review, GPtrArray *scores,
                                  GError **error);
/* Submits (locks) a draft: every scored and not-counted criterion answered
 * (a value or N/A; at least one scored criterion with a value), every value
 * within the scale.  Sets state "submitted", submitted_at, rubric_version,
 * clears stale, marks the assignment submitted, and freezes the rubric if
 * this is its first submitted review. */
gboolean spire_review_submit (SpireStore *store, const char *review_uuid, GError **error);
/* The program manager sends a submitted review back to draft; @reason is
 * required and goes into the audit entry ("reopen"). */
gboolean spire_review_reopen (SpireStore *store, const char *review_uuid, const char *reason,
                              GError **error);

/* ---------------------------------------------------------------------------
 * What the panel sees
 * ------------------------------------------------------------------------- */

/* TRUE when @evaluator_uuid may see other evaluators' reviews of the
 * application: they have submitted their own (observers, who do not
 * score, may when they have no conflict with it). */
gboolean spire_review_can_see_others (SpireStore *store, const char *evaluator_uuid,
                                      const char *application_uuid);
/* The reviews of the application that @evaluator_uuid may see: their own,
 * and the others' submitted ones once spire_review_can_see_others().
 * Nothing when they have a conflict with it. */
GPtrArray *spire_review_list_visible (SpireStore *store, const char *evaluator_uuid,
                                      const char *application_uuid, GError **error);
/* The application as the panel sees it: never the confidential fields; in
 * a blind cohort without the applicant's identity (startup and contact
 * are NULL), and with the startup's name (also without its legal form " AS",
 * " ASA", " SA", " ANS", " DA", " ENK"), website host (with and without
 * "www.") and organisation number (spaces allowed) replaced by
 * "[the applicant]" (translated) in title, pitch, solution and the extra
 * answers' strings: case-insensitive over Unicode (Æ Ø Å), whole words only
 * ("Nordlys-teamet" is replaced, "Nordlysfestivalen" is not).  A copy, not
 * to be saved. */
SpireRecord *spire_application_for_panel (SpireStore *store, const char *application_uuid,
                                          GError **error);
/* The applications @evaluator_uuid works on, as the panel sees them: for a
 * chair or member those assigned (not declined), for an observer every
 * assignable application of the cohort; never one they have a conflict
 * with.  In title order. */
GPtrArray *spire_panel_list_visible_applications (SpireStore *store, const char *evaluator_uuid,
                                                  GError **error);

/* spire_assign_auto () and spire_conflicts_detect () as long work
 * (spire-job-private.h): in a worker thread on a connection of their own;
 * @store announces what changed before @callback runs. */
void spire_assign_auto_async (SpireStore *store, const char *cohort_uuid, guint k,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean spire_assign_auto_finish (SpireStore *store, GAsyncResult *result, guint *n_added,
                                   GError **error);
void spire_conflicts_detect_async (SpireStore *store, const char *cohort_uuid,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
/* The conflicts found (SpireRecord), as spire_conflicts_detect () gives them. */
GPtrArray *spire_conflicts_detect_finish (SpireStore *store, GAsyncResult *result,
                                          GError **error);

G_END_DECLS
