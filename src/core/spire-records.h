/* spire-records.h — the record kinds of the domain model (DESIGN.md)
 *
 * Each kind is a final SpireRecord subclass whose properties are the kind's
 * fields (underscores become dashes: "application-deadline").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-record.h"

G_BEGIN_DECLS

#define SPIRE_DECLARE_RECORD(TypeName, type_name, TYPE_NAME, kind_var) \
  G_DECLARE_FINAL_TYPE (Spire##TypeName, spire_##type_name, SPIRE, TYPE_NAME, SpireRecord) \
  extern const SpireKind kind_var;

#define SPIRE_TYPE_PUBLIC_BODY (spire_public_body_get_type ())
SPIRE_DECLARE_RECORD (PublicBody, public_body, PUBLIC_BODY, spire_kind_public_body)
#define SPIRE_TYPE_PROGRAM (spire_program_get_type ())
SPIRE_DECLARE_RECORD (Program, program, PROGRAM, spire_kind_program)
#define SPIRE_TYPE_COHORT (spire_cohort_get_type ())
SPIRE_DECLARE_RECORD (Cohort, cohort, COHORT, spire_kind_cohort)
#define SPIRE_TYPE_CHALLENGE (spire_challenge_get_type ())
SPIRE_DECLARE_RECORD (Challenge, challenge, CHALLENGE, spire_kind_challenge)
#define SPIRE_TYPE_STARTUP (spire_startup_get_type ())
SPIRE_DECLARE_RECORD (Startup, startup, STARTUP, spire_kind_startup)
#define SPIRE_TYPE_PERSON (spire_person_get_type ())
SPIRE_DECLARE_RECORD (Person, person, PERSON, spire_kind_person)
#define SPIRE_TYPE_APPLICATION (spire_application_get_type ())
SPIRE_DECLARE_RECORD (Application, application, APPLICATION, spire_kind_application)
#define SPIRE_TYPE_RUBRIC (spire_rubric_get_type ())
SPIRE_DECLARE_RECORD (Rubric, rubric, RUBRIC, spire_kind_rubric)
#define SPIRE_TYPE_CRITERION (spire_criterion_get_type ())
SPIRE_DECLARE_RECORD (Criterion, criterion, CRITERION, spire_kind_criterion)
#define SPIRE_TYPE_SCREENING (spire_screening_get_type ())
SPIRE_DECLARE_RECORD (Screening, screening, SCREENING, spire_kind_screening)
#define SPIRE_TYPE_EVALUATOR (spire_evaluator_get_type ())
SPIRE_DECLARE_RECORD (Evaluator, evaluator, EVALUATOR, spire_kind_evaluator)
#define SPIRE_TYPE_ASSIGNMENT (spire_assignment_get_type ())
SPIRE_DECLARE_RECORD (Assignment, assignment, ASSIGNMENT, spire_kind_assignment)
#define SPIRE_TYPE_PACKAGE (spire_package_get_type ())
SPIRE_DECLARE_RECORD (Package, package, PACKAGE, spire_kind_package)
#define SPIRE_TYPE_CONFLICT (spire_conflict_get_type ())
SPIRE_DECLARE_RECORD (Conflict, conflict, CONFLICT, spire_kind_conflict)
#define SPIRE_TYPE_REVIEW (spire_review_get_type ())
SPIRE_DECLARE_RECORD (Review, review, REVIEW, spire_kind_review)
#define SPIRE_TYPE_SCORE (spire_score_get_type ())
SPIRE_DECLARE_RECORD (Score, score, SCORE, spire_kind_score)
#define SPIRE_TYPE_DECISION (spire_decision_get_type ())
SPIRE_DECLARE_RECORD (Decision, decision, DECISION, spire_kind_decision)
#define SPIRE_TYPE_DEAL (spire_deal_get_type ())
SPIRE_DECLARE_RECORD (Deal, deal, DEAL, spire_kind_deal)
#define SPIRE_TYPE_DEAL_EVENT (spire_deal_event_get_type ())
SPIRE_DECLARE_RECORD (DealEvent, deal_event, DEAL_EVENT, spire_kind_deal_event)
#define SPIRE_TYPE_SOLUTION (spire_solution_get_type ())
SPIRE_DECLARE_RECORD (Solution, solution, SOLUTION, spire_kind_solution)
#define SPIRE_TYPE_DEAL_PHASE (spire_deal_phase_get_type ())
SPIRE_DECLARE_RECORD (DealPhase, deal_phase, DEAL_PHASE, spire_kind_deal_phase)
#define SPIRE_TYPE_GAIN (spire_gain_get_type ())
SPIRE_DECLARE_RECORD (Gain, gain, GAIN, spire_kind_gain)
#define SPIRE_TYPE_THRESHOLD (spire_threshold_get_type ())
SPIRE_DECLARE_RECORD (Threshold, threshold, THRESHOLD, spire_kind_threshold)
#define SPIRE_TYPE_STAGE_PROBABILITY (spire_stage_probability_get_type ())
SPIRE_DECLARE_RECORD (StageProbability, stage_probability, STAGE_PROBABILITY,
                      spire_kind_stage_probability)
#define SPIRE_TYPE_INNSYN_REQUEST (spire_innsyn_request_get_type ())
SPIRE_DECLARE_RECORD (InnsynRequest, innsyn_request, INNSYN_REQUEST, spire_kind_innsyn_request)

G_END_DECLS
