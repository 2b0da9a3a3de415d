/* spire-followup.h — from selection to signed agreements
 *
 * DESIGN.md, "Follow-up": deals and their stage history, the weighted
 * pipeline, procedure hints against the thresholds in force, phases and the
 * purchase option, gains, solutions spreading from buyer to buyer, and the
 * funnel from application to signed agreement.
 *
 * Money is in øre (SPIRE_INT_NONE: not given); dates are ISO "YYYY-MM-DD".
 * Functions that count days take @today (NULL: the real date), so that
 * tests and reports can fix the day they speak of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

G_BEGIN_DECLS

/* A deal with no event for this many days, in an open stage (dialogue,
 * pilot, negotiation), is stale: the default of
 * spire_settings_get_stale_days () (Preferences). */
#define SPIRE_STALE_DAYS 90

/* ---------------------------------------------------------------------------
 * Stages and their probabilities
 * ------------------------------------------------------------------------- */

/* "dialogue", "pilot", "negotiation", "signed", "delivering", "scaled",
 * "no_deal", NULL */
const char *const *spire_deal_stages (void);
gboolean spire_deal_stage_is_valid (const char *stage);
/* dialogue, pilot and negotiation: the pipeline that is still open. */
gboolean spire_deal_stage_is_open (const char *stage);
/* signed, delivering and scaled: an agreement was signed. */
gboolean spire_deal_stage_is_signed (const char *stage);
/* 10, 25, 50, 100 (signed and later), 0 (no deal); -1 for no stage. */
int spire_deal_stage_default_probability (const char *stage);
/* The program's probability for @stage: its own setting, else the default.
 * @program_uuid may be NULL (a deal outside any program). */
int spire_stage_probability (SpireStore *store, const char *program_uuid, const char *stage);
gboolean spire_stage_probability_set (SpireStore *store, const char *program_uuid,
                                      const char *stage, int percent, GError **error);

/* ---------------------------------------------------------------------------
 * Deals and their events
 * ------------------------------------------------------------------------- */

typedef struct
{
  const char *application; /* the application it came from (gives the startup) */
  const char *startup;     /* when there is no application */
  const char *buyer;       /* the public body */
  const char *kind;        /* purchase, pilot, innovation_partnership, … */
  const char *stage;
  gint64 value;            /* øre, or SPIRE_INT_NONE */
  const char *procedure;   /* NULL: not chosen yet */
  const char *solution;
  const char *title;
  const char *date;        /* of the first event; NULL: today */
  const char *note;
} SpireDealSpec;

/* Creates the deal and its first event in one transaction.  Refused,
 * changing nothing, when a reference is unknown (SPIRE_ERROR_NOT_FOUND,
 * naming it), a kind, stage, procedure or date is not valid
 * (SPIRE_ERROR_INVALID), or neither application nor startup is given. */
SpireRecord *spire_deal_create (SpireStore *store, const SpireDealSpec *spec, GError **error);

/* Moves the deal to @stage on @date (NULL: today) with an event.  Refused,
 * changing nothing: an unknown deal (SPIRE_ERROR_NOT_FOUND), a stage that
 * does not exist, no_deal without a @reason, a date before the deal's last
 * event (SPIRE_ERROR_INVALID).  Entering "signed" sets signed_on when it is
 * empty; no_deal keeps @reason as lost_reason. */
gboolean spire_deal_move (SpireStore *store, const char *deal_uuid, const char *stage,
                          const char *date, const char *note, const char *reason,
                          GError **error);

typedef struct
{
  char *uuid;
  char *stage;
  char *date;
  char *note;
  int days; /* spent in this stage: to the next event, or to today */
} SpireDealStep;

typedef struct
{
  SpireRecord *deal;
  char *program;         /* the program it belongs to, or NULL */
  int probability;       /* percent for its stage in its program */
  gint64 weighted_value; /* value × probability, øre; SPIRE_INT_NONE without a value */
  int days_in_stage;
  gboolean stale;
  GPtrArray *steps;      /* SpireDealStep, oldest first */
  GPtrArray *hints;      /* char *, translated: procedure and option hints */
} SpireDealStatus;

SpireDealStatus *spire_deal_get_status (SpireStore *store, const char *deal_uuid,
                                        const char *today, GError **error);
void spire_deal_status_free (SpireDealStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireDealStatus, spire_deal_status_free)

/* The deals of a cohort (through their applications) or of a program (its
 * cohorts' applications, and later deals of the startups it accepted),
 * optionally of one stage, newest first.  Both @cohort_uuid and
 * @program_uuid NULL: every deal. */
GPtrArray *spire_deals_list (SpireStore *store, const char *cohort_uuid,
                             const char *program_uuid, const char *stage, GError **error);

/* Days from @from to @to (ISO dates); 0 when either is not a date. */
int spire_days_between (const char *from, const char *to);
/* Today's date, "YYYY-MM-DD", local time. */
char *spire_today (void);

/* ---------------------------------------------------------------------------
 * Thresholds and the procedure hint
 * ------------------------------------------------------------------------- */

/* The threshold for @scope ("regulation", "national", "eea_state",
 * "eea_other", "building_works", "health_social") in force on @date: the
 * latest row of procurement_thresholds valid from then, else Spire's
 * built-in 2024 values.  øre; SPIRE_INT_NONE for an unknown scope. */
gint64 spire_threshold_on (SpireStore *store, const char *scope, const char *date);

/* What the deal's procedure and value say against the thresholds in force
 * on the deal's date for its buyer's kind (state agencies: the state EEA
 * threshold; everyone else the one for municipalities and other bodies),
 * e.g. "A direct award of 2 000 000 kr for a municipality is above the
 * national threshold of 1 300 000 kr: it must be announced in Doffin."
 * char * each, translated; empty when nothing needs saying. */
GPtrArray *spire_deal_hints (SpireStore *store, SpireRecord *deal, GError **error);

/* ---------------------------------------------------------------------------
 * Phases and the purchase option
 * ------------------------------------------------------------------------- */

/* Adds a phase at the end of the deal's phases ("planned"). */
SpireRecord *spire_deal_add_phase (SpireStore *store, const char *deal_uuid, const char *name,
                                   const char *planned_on, gint64 max_cost, GError **error);
/* Marks a phase passed or stopped (on @actual_on, NULL: today) with what it
 * cost (SPIRE_INT_NONE: unknown). */
gboolean spire_deal_phase_set_state (SpireStore *store, const char *phase_uuid,
                                     const char *state, const char *actual_on, gint64 cost,
                                     GError **error);
/* Why the purchase option cannot be used now, or NULL when it can: no
 * option, already used, a phase not passed, or the phases cost more than
 * their maximum. */
char *spire_deal_option_refusal (SpireStore *store, const char *deal_uuid, GError **error);
/* Uses the purchase option: refused (SPIRE_ERROR_INVALID, with the reason
 * above) or recorded with an event note. */
gboolean spire_deal_exercise_option (SpireStore *store, const char *deal_uuid, GError **error);

/* ---------------------------------------------------------------------------
 * The funnel, the impact, and solutions spreading
 * ------------------------------------------------------------------------- */

typedef struct
{
  gint64 applied;     /* every application */
  gint64 eligible;    /* not ineligible, not withdrawn */
  gint64 evaluated;   /* eligible, with at least one submitted review */
  gint64 accepted;
  /* By each accepted application's furthest deal stage: */
  gint64 in_dialogue; /* dialogue or pilot */
  gint64 negotiating; /* negotiation */
  gint64 signed_;     /* signed, delivering or scaled */
} SpireFunnel;

/* One query each.  Conversion of a step is its count over the step before;
 * the deal steps are each a share of the accepted applications (each
 * accepted application counts in one of them at most, by its furthest
 * deal: "2 of 4 accepted signed"). */
gboolean spire_funnel_for_cohort (SpireStore *store, const char *cohort_uuid, SpireFunnel *out,
                                  GError **error);
gboolean spire_funnel_for_program (SpireStore *store, const char *program_uuid,
                                   SpireFunnel *out, GError **error);
/* The steps' names ("applied", "eligible", …, "signed"), NULL-ended, and
 * their counts and conversions (NAN where the step before is 0) in order. */
const char *const *spire_funnel_steps (void);
/* Step @i's label as a user reads it, untranslated ("Applied", …,
 * "Signed"): the window and spire-cli show _() of it, a report _r(). */
const char *spire_funnel_step_label (guint i);
void spire_funnel_values (const SpireFunnel *funnel, gint64 counts[7], double conversion[7]);

typedef struct
{
  char *body_uuid;
  char *body_name;
  char *first_signed; /* the first day it signed for the solution */
  gint64 value;       /* what it signed for, øre */
} SpireBuyer;

typedef struct
{
  char *uuid;
  char *name;
  char *startup_name;
  GPtrArray *buyers;      /* SpireBuyer, by first signed date */
  int days_to_2nd;        /* from the first buyer to the 2nd; -1 not yet */
  int days_to_10th;
  gint64 value_per_buyer; /* øre; 0 without buyers */
} SpireSolutionReach;

SpireSolutionReach *spire_solution_reach (SpireStore *store, const char *solution_uuid,
                                          GError **error);
void spire_solution_reach_free (SpireSolutionReach *reach);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireSolutionReach, spire_solution_reach_free)

typedef struct
{
  gint64 invested;          /* Σ cohorts.invested */
  gint64 signed_value;      /* Σ value of signed, delivering and scaled deals */
  gint64 weighted_pipeline; /* Σ value × probability of open deals */
  gint64 gains_expected;
  gint64 gains_realised;
  double ratio_realised;    /* gains_realised / invested; NAN without investment */
  double ratio_expected;
  guint n_deals;
  guint n_signed;
  GHashTable *by_procedure; /* procedure code ("" none) → guint count of deals */
  GPtrArray *solutions;     /* SpireSolutionReach of the program's solutions */
} SpireImpact;

SpireImpact *spire_program_impact (SpireStore *store, const char *program_uuid, GError **error);
void spire_impact_free (SpireImpact *impact);
/* The same, read in a worker on a connection of its own (spire-job), so
 * that the window stays responsive on a program with thousands of deals. */
void spire_program_impact_async (SpireStore *store, const char *program_uuid,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
SpireImpact *spire_program_impact_finish (SpireStore *store, GAsyncResult *result,
                                          GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireImpact, spire_impact_free)

/* ---------------------------------------------------------------------------
 * Cards: what the board and the list show of each deal, read at once
 * ------------------------------------------------------------------------- */

#define SPIRE_TYPE_DEAL_CARD (spire_deal_card_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealCard, spire_deal_card, SPIRE, DEAL_CARD, GObject)

const char *spire_deal_card_get_uuid (SpireDealCard *self);
const char *spire_deal_card_get_title (SpireDealCard *self);
const char *spire_deal_card_get_startup (SpireDealCard *self);  /* its name */
const char *spire_deal_card_get_buyer (SpireDealCard *self);    /* its name */
const char *spire_deal_card_get_stage (SpireDealCard *self);
const char *spire_deal_card_get_kind (SpireDealCard *self);
const char *spire_deal_card_get_procedure (SpireDealCard *self); /* or NULL */
gint64 spire_deal_card_get_value (SpireDealCard *self);          /* øre or SPIRE_INT_NONE */
gint64 spire_deal_card_get_weighted_value (SpireDealCard *self); /* øre or SPIRE_INT_NONE */
int spire_deal_card_get_days_in_stage (SpireDealCard *self);
gboolean spire_deal_card_get_stale (SpireDealCard *self);
/* The first procedure hint, or NULL when there is none. */
const char *spire_deal_card_get_hint (SpireDealCard *self);
/* Folded text of title, startup and buyer, for search as you type. */
const char *spire_deal_card_get_search_text (SpireDealCard *self);

/* The cards of a cohort's or a program's deals (both NULL: every deal), in
 * the order of the stages, then by days in stage, longest first; one query
 * and the hints, in a worker on a connection of its own (spire-job). */
GPtrArray *spire_deal_cards (SpireStore *store, const char *cohort_uuid,
                             const char *program_uuid, const char *today, GError **error);
void spire_deal_cards_async (SpireStore *store, const char *cohort_uuid,
                             const char *program_uuid, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *spire_deal_cards_finish (SpireStore *store, GAsyncResult *result, GError **error);

G_END_DECLS
