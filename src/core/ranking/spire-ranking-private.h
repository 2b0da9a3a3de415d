/* spire-ranking-private.h — what the ranking's files share: the insides of
 * the ranking, its rows and a row's reviews, and what the reader reads
 *
 * spire-ranking-reader.c reads a cohort (rubric, applications, submitted
 * reviews and their scores, missing reviews) in one read transaction;
 * spire-ranking.c scores, aggregates and orders it into rows
 * (spire-rank-row.c); spire-rank-review.c reads the reviews of one row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "spire-ranking.h"
#include "spire-store.h"

G_BEGIN_DECLS

struct _SpireRankRow
{
  GObject parent_instance;

  char *application_uuid;
  char *title;
  char *startup_name;
  char *challenge_title;
  char *status;
  guint rank;
  gboolean tied;
  double score;       /* as the ranking uses it: may leave the scale */
  double shown_score; /* clamped to the scale's ends */
  double percent;     /* of shown_score: 0–100 */
  double spread;
  double range;
  guint n_reviews;
  guint n_missing;
  guint n_stale;
  guint n_conflicted;
  SpireRankFlags flags;

  double *review_scores; /* high to low */
  guint n_review_scores;
  double *criterion_means;
  guint *criterion_answers;
  guint n_criteria;
  guint position; /* in rank order */

  /* What a list shows (spire-rank-text.c): NULL until made */
  char **texts; /* SPIRE_RANK_N_TEXTS, then n_criteria */
  char *title_key;
  char *challenge_key;
};

struct _SpireRankReview
{
  GObject parent_instance;

  char *review_uuid;
  char *evaluator_uuid;
  char *evaluator_name;
  char *role;
  char *state;
  char *recommendation;
  char *summary;
  char *submitted_at;
  gboolean counted;
  gboolean stale;
  char *conflict_kind; /* NULL: no conflict of interest */
  double score;
  double percent;
  double normalised_score;

  double *values;
  char **comments;
  guint n_criteria;
};

struct _SpireRanking
{
  GObject parent_instance;

  char *cohort_uuid;
  char *rubric_uuid;
  gint64 rubric_version;
  double scale_min;
  double scale_max;
  SpireAggregation aggregation;
  gboolean normalised;
  double threshold;

  GPtrArray *criteria;   /* SpireRankCriterion */
  GPtrArray *rows;       /* SpireRankRow, rank order */
  GHashTable *by_uuid;   /* application UUID → SpireRankRow */
  GHashTable *counted;   /* review UUID → index into used */
  GArray *used;          /* double: the score each counted review had in the ranking */
  GHashTable *conflicted; /* review UUID → conflict kind: submitted but left out */
};

/* What the reader reads */

/* An application that takes part */
typedef struct
{
  char *uuid;
  char *title;
  char *status;
  char *startup;
  char *challenge;
  GArray *reviews; /* guint: indices into RankInput.reviews */
  guint n_missing;
} RankApp;

/* A submitted review */
typedef struct
{
  gint64 id;
  char *uuid;
  guint app;
  guint evaluator;
  gboolean stale;
  char *conflict; /* kind of the evaluator's conflict of interest; NULL: counted */
  gboolean left_out; /* conflict != NULL (kept after conflict moves to the ranking) */
} RankSubmission;

typedef struct
{
  GArray *apps;    /* RankApp */
  GArray *reviews; /* RankSubmission */
  GArray *values;  /* double: n_criteria per review, in criterion order; NaN: no answer */
} RankInput;

void _spire_rank_input_init (RankInput *input);
void _spire_rank_input_clear (RankInput *input);

/* Reads the cohort of @self (its cohort_uuid is set) into @self (rubric and
 * criteria) and @input, in one read transaction. */
gboolean _spire_rank_read (SpireRanking *self, SpireStore *store, RankInput *input,
                           GCancellable *cancellable, GError **error);

char *_spire_rank_column_dup (sqlite3_stmt *stmt, int col);
/* NaN for SQL NULL */
double _spire_rank_column_real (sqlite3_stmt *stmt, int col);

/* Read-only properties of the rows and reviews (spire-rank-row.c) */
GParamSpec *_spire_rank_string_property (const char *name);
GParamSpec *_spire_rank_double_property (const char *name);
GParamSpec *_spire_rank_uint_property (const char *name);
GParamSpec *_spire_rank_boolean_property (const char *name);

G_END_DECLS
