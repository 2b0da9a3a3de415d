/* spire-demo-private.h — what the demo generator's files share
 *
 * The generator's run-time data (what has been made so far, as Demo) and
 * its small helpers: random numbers from the seed, dates, names, and
 * writing a record.  spire-demo.c holds the helpers, the public bodies,
 * programs, startups and panel members, and the whole; the cohorts, their
 * applications, the deals and the follow-up stories have a file each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-demo.h"
#include "spire-demo-tables.h"
#include "spire-records.h"

G_BEGIN_DECLS

typedef struct
{
  char uuid[UUID_LEN];
  char orgnr[10];
  const BodySpec *spec;
} Body;

typedef struct
{
  char uuid[UUID_LEN];
  const ProgramSpec *spec;
  const char *manager;
} Program;

typedef struct
{
  char uuid[UUID_LEN];
  char orgnr[10];
  const char *name;
  const char *short_name; /* without " AS" */
  const char *domain;
  const char *contact_name;
  char contact[UUID_LEN];
  const char *product;
  int sector;
  int employees;
  guint32 founded;
  const char *kommunenummer;
} Startup;

typedef struct
{
  char uuid[UUID_LEN];
  const char *name;
  int body;    /* index in d->bodies, or -1 */
  int startup; /* or -1 */
  double bias; /* harsh (< 0) or generous (> 0) */
} Evaluator;

typedef struct
{
  int panelist; /* index in the cohort's panel */
  SlotState state;
  ConflictType conflict;
  int declared; /* declared_conflicts index */
  int n_entered;
  double values[MAX_CRIT];
  double score;
  Stamp done;
} Slot;

typedef struct
{
  char uuid[UUID_LEN];
  int startup;
  int challenge; /* index in the cohort's challenges, or -1 */
  double quality;
  int stage;
  Fate fate;
  Status status;
  Stamp submitted;
  Stamp screened;  /* 0: not screened */
  Stamp withdrawn; /* 0: not withdrawn */
  int n_slots;
  Slot slots[MAX_SLOTS];
  double score;    /* aggregate of the submitted reviews, NAN */
  int rank;        /* 0-based among the ranked, -1 */
  gboolean shortlisted;
} App;

/* A decision whose reason cites the cohort's ranking ("nr. 12 av 340"):
 * made in its turn (its UUID drawn with the others), written with its
 * reason once the cohort's reviews are in and the ranking has ranked
 * them, so that the reason says what the ranking (and the decision
 * letter) says. */
typedef struct
{
  SpireRecord *record;
  const App *app;
  Status to;
  Stamp at;
} CitedDecision;

typedef struct
{
  const CohortSpec *spec; /* &own */
  CohortSpec own;         /* the table's, for this copy (SizeSpec) */
  char uuid[UUID_LEN];
  const char *name;
  const Program *program;
  guint32 opens, deadline, starts, ends;
  guint32 shortlist_day, final_day;
  int n_challenges;
  struct
  {
    char uuid[UUID_LEN];
    int body;
    const ChallengeSpec *spec;
  } challenges[MAX_CHALLENGES];
  int n_panel;
  struct
  {
    char uuid[UUID_LEN];
    int person; /* index in d->evaluators */
  } panel[MAX_PANEL];
  int n_scorers;
  int scorers[MAX_PANEL];
  const RubricSpec *rubric;
  gboolean median;
  gboolean normalised; /* per evaluator */
  char gate[UUID_LEN]; /* the rubric's gate criterion, "Formelle krav" */
  char criteria[MAX_CRIT][UUID_LEN];
  int n_apps;
  App *apps;
  int n_ranked;
  int *ranked; /* app indices, best first */
  GArray *cited; /* of CitedDecision: written once the cohort is ranked */
} Cohort;

typedef struct
{
  SpireStore *store;
  const SizeSpec *size;
  SpireSaveFlags flags;
  GRand *rand;
  GRand *ids;
  guint32 today;
  GCancellable *cancellable;
  SpireProgressFunc progress;
  gpointer progress_data;
  double estimate;
  double done;
  double reported;

  GStringChunk *strings;
  GHashTable *taken; /* names and organisation numbers in use */

  int body_index[G_N_ELEMENTS (_spire_demo_body_specs)]; /* spec → d->bodies, or -1 */
  GArray *bodies;
  GArray *programs;
  GArray *startups;
  GArray *evaluators;
  char expert_orgnr[G_N_ELEMENTS (_spire_demo_expert_orgs)][10];
  GPtrArray *cohorts;
  guint next_startup;
  guint *startup_order;
  guint n_deals;
  GArray *scalers; /* Scaler: startups with a signed deal */
  int hero_startup; /* the welfare-technology startup, or -1 */
  gboolean names_used_up; /* stem + tail + suffix is not enough: a place is added */
} Demo;

typedef struct
{
  int startup;
  guint32 signed_on;
} Scaler;

#define PICK(d, array) ((array)[_spire_demo_rnd ((d), 0, G_N_ELEMENTS (array) - 1)])

/* spire-demo.c */
/* spire_demo_fill of a size made up by a test (the shape of xlarge, smaller). */
gboolean _spire_demo_fill_size (SpireStore *store, guint32 seed, const SizeSpec *size,
                                GError **error);
int _spire_demo_rnd (Demo *d, int lo, int hi);
double _spire_demo_unif (Demo *d);
gboolean _spire_demo_chance (Demo *d, double p);
double _spire_demo_gauss (Demo *d, double mean, double sd);
const char *_spire_demo_keep (Demo *d, const char *s);
gboolean _spire_demo_take (Demo *d, const char *s);
Stamp _spire_demo_stamp (guint32 day, int seconds);
guint32 _spire_demo_stamp_day (Stamp t);
Stamp _spire_demo_stamp_on (Demo *d, guint32 day);
int _spire_demo_day_year (guint32 day);
int _spire_demo_day_month (guint32 day);
void _spire_demo_set_day (SpireRecord *r, const char *field, guint32 day);
void _spire_demo_set_stamp (SpireRecord *r, const char *field, Stamp t);
void _spire_demo_format_decimal (double v, char out[G_ASCII_DTOSTR_BUF_SIZE]);
char *_spire_demo_format_thousands (gint64 v);
char *_spire_demo_capitalise (const char *s);
SpireRecord *_spire_demo_new_record (Demo *d, const SpireKind *kind, char uuid[UUID_LEN]);
gboolean     _spire_demo_put (Demo *d, SpireRecord *record, Stamp created, Stamp updated,
                              GError **error);
Body *_spire_demo_body_at (Demo *d, int index);
Startup *_spire_demo_startup_at (Demo *d, int index);
Evaluator *_spire_demo_evaluator_at (Demo *d, int index);

/* spire-demo-cohorts.c */
gboolean _spire_demo_fill_cohorts (Demo *d, GError **error);
/* Cohort @i (0 … n_cohorts × repeat − 1) of @size, as SizeSpec says. */
void _spire_demo_cohort_spec (const SizeSpec *size, guint i, CohortSpec *spec);

/* spire-demo-applications.c */
void _spire_demo_plan_applications (Demo *d, Cohort *c);
gboolean _spire_demo_write_decisions (Demo *d, Cohort *c, const App *a, GError **error);
/* Writes @c's decisions that cite its ranking, ranked by the ranking
 * (spire_rank_cohort) of what has been written. */
gboolean _spire_demo_write_cited_decisions (Demo *d, Cohort *c, GError **error);
void _spire_demo_cited_clear (Cohort *c);
gboolean _spire_demo_write_reviews (Demo *d, const Cohort *c, const App *a, GError **error);
gboolean _spire_demo_write_application (Demo *d, Cohort *c, App *a, GError **error);

/* A deal to write: who, what, and (after writing) its UUID and the day it
 * was signed. */
typedef struct
{
  int startup;
  int body;            /* index in d->bodies */
  const App *app;      /* or NULL */
  const char *kind;
  DealStage final;
  gint64 value_nok;    /* 0: none */
  gint64 option_nok;   /* a purchase option; 0: none */
  const char *solution; /* UUID, or NULL */
  gboolean no_scaler;  /* others do not buy it at random */
  char uuid[UUID_LEN];
  guint32 signed_on;   /* 0: not signed */
} DealPlan;

/* spire-demo-deals.c */
gboolean _spire_demo_fill_deals (Demo *d, GError **error);
int _spire_demo_deal_body_for (Demo *d, const Cohort *c, const App *a);
/* Writes the deal with its events (one per step of @path, on @days) and,
 * once signed, its gains per year. */
gboolean _spire_demo_write_deal (Demo *d, DealPlan *p, const DealStage *path,
                                 const guint32 *days, int n, GError **error);
/* The same with a path and dates drawn from @start on. */
gboolean _spire_demo_add_deal (Demo *d, DealPlan *p, guint32 start, GError **error);

/* spire-demo-stories.c */
gboolean _spire_demo_fill_hero_deals (Demo *d, const Cohort *c, GError **error);

G_END_DECLS
