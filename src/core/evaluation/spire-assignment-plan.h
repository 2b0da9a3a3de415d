/* spire-assignment-plan.h — the pure assignment planner: who gets which
 * application when a cohort is assigned automatically
 *
 * Plain C data in, plain C data out: no SQLite, no store.
 * spire_assign_auto () reads the cohort into a SpirePlanInput, calls
 * spire_assignment_plan_compute () and writes what it returns; a test can
 * run the planner on hand-made inputs.  The rules (spire-assignment.h):
 * observers are never in the input; nobody is planned where a conflict of
 * interest (with the application or its startup) or a declined assignment
 * stands; every application ends with @k evaluators, keeping those it has;
 * the loads end up within one of each other; with owner_on_panel an
 * application to a challenge owned by a public body gets a panel member of
 * that body when one is free.  When that cannot be done the planner refuses
 * with the reason, and plans nothing.  The same input always gives the same
 * plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *uuid;
  const char *name;        /* for the reasons */
  const char *public_body; /* the body the person works for, or NULL */
} SpirePlanEvaluator;

typedef struct
{
  const char *uuid;
  const char *startup;      /* uuid */
  const char *startup_name; /* for the reasons */
  const char *owner;        /* the public body owning its challenge, or NULL */
  const char *owner_name;   /* that body's name, for the reasons */
} SpirePlanApplication;

/* A conflict of interest that is not dismissed: with one application, or
 * (application NULL) with every application of a startup. */
typedef struct
{
  const char *evaluator;
  const char *application; /* or NULL */
  const char *startup;     /* or NULL */
} SpirePlanConflict;

/* An assignment on record.  One that is not declined counts towards the
 * evaluator's load, also when its application is not in the input. */
typedef struct
{
  const char *evaluator;
  const char *application;
  gboolean declined;
} SpirePlanAssignment;

typedef struct
{
  const char *panel_name; /* the cohort's name, for the reasons */
  guint k;                /* evaluators per application, at least 1 */
  gboolean owner_on_panel;
  const SpirePlanEvaluator *evaluators; /* who may be assigned (no observers) */
  guint n_evaluators;
  const SpirePlanApplication *applications; /* the assignable ones */
  guint n_applications;
  const SpirePlanConflict *conflicts;
  guint n_conflicts;
  const SpirePlanAssignment *assignments;
  guint n_assignments;
} SpirePlanInput;

/* Why a plan was refused. */
typedef enum
{
  SPIRE_PLAN_OK,
  SPIRE_PLAN_NO_PANEL,                /* nobody who can review */
  SPIRE_PLAN_PANEL_TOO_SMALL,         /* fewer than k who can review */
  SPIRE_PLAN_TOO_FEW_WITHOUT_CONFLICT, /* an application has fewer than k free */
  SPIRE_PLAN_TOO_FEW_NOT_DECLINED,    /* … counting declined assignments */
  SPIRE_PLAN_OVERLOADED,              /* someone has more than an even share */
  SPIRE_PLAN_TOO_LITTLE_CAPACITY,     /* someone can take less than an even share */
  SPIRE_PLAN_OWNER_SHORT,             /* a body's members cannot cover its challenges */
  SPIRE_PLAN_NO_SOLUTION,             /* an application left without its k */
  SPIRE_PLAN_UNEVEN,                  /* the loads could not be brought within one */
} SpirePlanRefusal;

/* A new assignment: indices into the input's evaluators and applications. */
typedef struct
{
  guint application;
  guint evaluator;
} SpirePlanPair;

/* The new assignments (SpirePlanPair; none when nothing is needed), in the
 * order they were planned.  NULL when refused: *@refusal (may be NULL) says
 * which rule, @error (SPIRE_ERROR_INVALID, or SPIRE_ERROR_FAILED when no
 * plan was found) gives the translated reason a user reads. */
GArray *spire_assignment_plan_compute (const SpirePlanInput *input, SpirePlanRefusal *refusal,
                                       GError **error);

G_END_DECLS
