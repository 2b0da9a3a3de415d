/* spire-demo-tables.h — the sample data's tables, for the generator
 *
 * The names, places, programs, challenges, rubrics, cohorts and texts the
 * demo generator (spire-demo.c) draws from.  The sizes are part of the
 * declarations so that the generator can count them (G_N_ELEMENTS); the
 * compiler refuses a table whose definition has another size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UUID_LEN 37
#define MAX_CHALLENGES 8
#define MAX_PANEL 24
#define MAX_CRIT 8
#define MAX_SLOTS 6
#define REVIEWERS 3

typedef gint64 Stamp; /* seconds since julian day 0, UTC */

typedef enum
{
  PH_PLANNING,
  PH_OPEN,
  PH_SCREENING,
  PH_EVALUATION,
  PH_DECIDED,
  PH_RUNNING,
  PH_FOLLOW_UP,
  PH_CLOSED,
} Phase;

extern const char *const _spire_demo_phase_values[8];

typedef enum
{
  ST_RECEIVED,
  ST_INELIGIBLE,
  ST_IN_REVIEW,
  ST_SHORTLISTED,
  ST_ACCEPTED,
  ST_WAITLISTED,
  ST_REJECTED,
  ST_WITHDRAWN,
} Status;

extern const char *const _spire_demo_status_values[8];

typedef enum
{
  FATE_OK,
  FATE_WITHDRAW_EARLY, /* before screening */
  FATE_INELIGIBLE,
  FATE_WITHDRAW_LATE,  /* after the reviews, before the decision */
} Fate;

typedef enum
{
  SLOT_DECLINED,
  SLOT_ASSIGNED,
  SLOT_DRAFT,
  SLOT_SUBMITTED,
} SlotState;

typedef enum
{
  CONFLICT_NONE,
  CONFLICT_EMPLOYEE, /* works for the applicant */
  CONFLICT_OWNER,    /* works for the body that owns the challenge */
  CONFLICT_DECLARED, /* declared by the panel member: family, competitor … */
} ConflictType;

typedef enum
{
  DS_DIALOGUE,
  DS_PILOT,
  DS_NEGOTIATION,
  DS_SIGNED,
  DS_DELIVERING,
  DS_SCALED,
  DS_NO_DEAL,
} DealStage;

extern const char *const _spire_demo_deal_stage_values[7];

/* Tables: public bodies */

typedef struct
{
  const char *name;
  const char *kind;
  const char *kommunenummer;
  const char *website;
  const char *mail; /* e-mail domain */
  int parent;       /* index in _spire_demo_body_specs, or -1 */
  gboolean small;   /* part of the small set */
} BodySpec;

enum
{
  B_OSLO = 0,
  B_GRUNERLOKKA = 1,
  B_GAMLE_OSLO = 2,
  B_FROGNER = 3,
  B_ALNA = 4,
  B_ST_HANSHAUGEN = 6,
  B_BERGEN = 10,
  B_TRONDHEIM = 11,
  B_STAVANGER = 12,
  B_DRAMMEN = 13,
  B_SANDEFJORD = 14,
  B_BODO = 15,
  B_DIGDIR = 47,
  B_VEGVESEN = 48,
  B_HELSE_BERGEN = 56,
};

extern const BodySpec _spire_demo_body_specs[100];

/* The welfare-technology solution's municipalities, in the order they buy
 * (indices in _spire_demo_body_specs; Oslo kommune buys through the program). */
extern const int _spire_demo_welfare_buyers[55];

/* Tables: programs */

typedef struct
{
  const char *name;
  const char *kind;
  const char *operator_name;
  const char *description;
  int owners[16]; /* bodies that own its challenges, -1 terminated */
} ProgramSpec;

extern const ProgramSpec _spire_demo_program_specs[6];

/* Tables: sectors and what their startups make */

typedef struct
{
  const char *name;
  const char *naeringskode;
  const char *suffix; /* for startup names */
  const char *products[6];
} SectorSpec;

extern const SectorSpec _spire_demo_sector_specs[12];

enum { SECTOR_WELFARE = 0 };

/* Tables: challenges */

typedef struct
{
  const char *title;
  const char *need;
  int sector;
  const char *owner_kind;
} ChallengeSpec;

extern const ChallengeSpec _spire_demo_challenge_specs[25];

/* Tables: rubrics */

typedef struct
{
  const char *name;
  const char *guidance;
  const char *strong; /* "Søkeren …" */
  const char *weak;
} CriterionSpec;

extern const CriterionSpec _spire_demo_criterion_specs[10];

typedef struct
{
  int n;
  int criterion[MAX_CRIT];
  double weight[MAX_CRIT];
} RubricSpec;

enum { RUBRIC_ACCELERATOR, RUBRIC_NEED_FIRST, RUBRIC_PROCUREMENT, RUBRIC_LARGE };

extern const RubricSpec _spire_demo_rubric_specs[4];

extern const char _spire_demo_scale_labels[];

/* Tables: cohorts */

typedef struct
{
  int program;
  const char *name; /* followed by season and year */
  Phase phase;
  int years_back; /* closed cohorts: years before the follow-up ones */
  int n_apps;
  int seats;
  int n_challenges;
  int panel_size;
  const int *panel; /* indices of evaluator specs, or NULL: from the pool */
  int forced[2];    /* startups that fill the first two applications, or -1 */
  gboolean hero;    /* the cohort of the scaling story */
  gboolean blind;
  gboolean owner_on_panel;
  int rubric;
} CohortSpec;

/* The first evaluator persons (both sizes) */

typedef struct
{
  int body;           /* _spire_demo_body_specs index, or -1 */
  int expert;         /* _spire_demo_expert_orgs index, or -1 */
  int startup;        /* works for this startup, or -1 */
} EvaluatorSpec;

extern const EvaluatorSpec _spire_demo_evaluator_specs[9];

typedef struct
{
  const char *name;
  const char *domain;
} ExpertOrg;

extern const ExpertOrg _spire_demo_expert_orgs[7];

/* How much: the cohort table is used @repeat times (copies after the first
 * have no story: no hero, no forced applicants, closed ones 4 years
 * further back each); the cohort with the most applications gets
 * @largest_scale times as many in the first copy and is a cohort still in
 * planning in the others. */
typedef struct
{
  const CohortSpec *cohorts;
  guint n_cohorts;
  guint repeat;
  guint largest_scale;
  gboolean large; /* the large rubric everywhere, any number of panel members, not validated */
  guint n_programs;
  guint n_startups;
  guint n_evaluators;
  guint n_deals;
  double p_conflict; /* a panel member declares a conflict for an application */
  double p_comment;  /* a score has a comment */
} SizeSpec;

extern const SizeSpec _spire_demo_sizes[3];

/* Tables: words */

extern const char *const _spire_demo_first_names[68];

extern const char *const _spire_demo_last_names[60];

extern const char *const _spire_demo_name_stems[40];

#define N_AAA_STEMS 8

extern const char *const _spire_demo_name_tails[22];

extern const char *const _spire_demo_name_suffixes[12];

extern const char *const _spire_demo_stage_values[5];

extern const char *const _spire_demo_stage_traction[5];

extern const char *const _spire_demo_integrations[9];

extern const char *const _spire_demo_heard_from[7];

extern const char *const _spire_demo_confidential_texts[7];

extern const char *const _spire_demo_ineligible_reasons[5];

extern const char *const _spire_demo_withdraw_reasons[4];

extern const char *const _spire_demo_declared_conflicts[4][2];

extern const char *const _spire_demo_no_deal_reasons[4];

/* Tables: the follow-up's stories */

typedef struct
{
  const char *name;
  const char *description;
} SolutionSpec;

extern const SolutionSpec _spire_demo_hero_solution;

typedef struct
{
  const char *name;
  int share; /* percent of the development cost */
} PhaseSpec;

extern const PhaseSpec _spire_demo_partnership_phases[4];

extern const char *const _spire_demo_gain_descriptions[6];

extern const char *const _spire_demo_gain_owners[5];

G_END_DECLS
