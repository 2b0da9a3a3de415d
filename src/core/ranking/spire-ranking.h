/* spire-ranking.h — a cohort's ranking, read from the store
 *
 * spire_rank_cohort() reads the cohort's rubric, its criteria and every
 * submitted review with its scores in a few SQL queries and applies the rules
 * of spire-scoring.h:
 *
 * - Ranked: the cohort's applications except those that are ineligible or
 *   withdrawn.  An application without a submitted review that has a score
 *   comes after all others, unranked (rank 0, flag UNSCORED).
 * - Counted: submitted reviews.  Drafts never count.  A STALE review (its
 *   "stale" mark set, or written under another rubric version than the
 *   current one) is still counted — its evaluator did submit it — but the
 *   row is flagged STALE_REVIEWS so that the panel sees it and can ask for a
 *   new review.
 * - Left out: a submitted review whose evaluator has a conflict of interest
 *   with the application (declared or detected, not dismissed: the rule of
 *   spire_conflict_blocks(), read in the same query as the reviews).  It
 *   takes no part in the aggregate, σ, max − min, the tie-break, the
 *   per-criterion means nor the normalisation; the row is flagged
 *   CONFLICTED_REVIEWS and spire_ranking_list_reviews() still lists it, not
 *   counted, with its conflict kind.  It is not "missing" either.
 * - Normalisation (rubric "per_evaluator") runs over all counted reviews of
 *   the ranked applications of the cohort; the aggregate, σ, max − min and
 *   the tie-break use the normalised scores then.  Per-criterion averages
 *   are always of the raw values (N/A excluded).
 * - Disagreement: flagged when the population σ of the row's review scores
 *   is above the rubric's disagreement threshold (see
 *   spire_scores_disagree(); the threshold is in points of the scale).
 * - Missing reviews: assignments that are not declined and have no
 *   submitted review by the same evaluator.
 *
 * The result is a GListModel of SpireRankRow in rank order, ready for a
 * GtkColumnView; spire_ranking_to_json() gives the same as JSON, and
 * spire_ranking_write_json() streams it for `spire-cli rank --cohort UUID --json`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "spire-scoring.h"
#include "spire-store.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  SPIRE_RANK_FLAG_NONE = 0,
  SPIRE_RANK_FLAG_DISAGREEMENT = 1 << 0,    /* σ above the rubric's threshold */
  SPIRE_RANK_FLAG_MISSING_REVIEWS = 1 << 1, /* assigned reviews not yet submitted */
  SPIRE_RANK_FLAG_STALE_REVIEWS = 1 << 2,   /* a counted review is stale */
  SPIRE_RANK_FLAG_UNSCORED = 1 << 3,        /* no score: not ranked */
  /* a review by a panel member with a conflict of interest was left out */
  SPIRE_RANK_FLAG_CONFLICTED_REVIEWS = 1 << 4,
} SpireRankFlags;

#define SPIRE_TYPE_RANK_FLAGS (spire_rank_flags_get_type ())
GType spire_rank_flags_get_type (void);

/* The flags' nicks as in JSON: "disagreement", "missing-reviews" … */
char **spire_rank_flags_to_strv (SpireRankFlags flags);

/* One criterion of the ranked rubric, in the rubric's order. */
typedef struct
{
  char *uuid;
  char *name;
  SpireCriterionKind kind;
  double weight;
} SpireRankCriterion;

/* One application of the ranking.
 *
 * Properties (read-only): application-uuid, title, startup-name,
 * challenge-title (NULL without a challenge), status, rank (0: unranked),
 * tied, score (the aggregate as the ranking uses it; NaN without one; a
 * normalised one may leave the scale), shown-score (score clamped to the
 * scale's ends: what people see), percent (of the scale, of shown-score:
 * 0–100),
 * spread (population σ of the review scores), range (max − min), n-reviews
 * (submitted and counted), n-missing, n-stale, n-conflicted (submitted but
 * left out for a conflict of interest), flags. */
#define SPIRE_TYPE_RANK_ROW (spire_rank_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireRankRow, spire_rank_row, SPIRE, RANK_ROW, GObject)

const char *spire_rank_row_get_application_uuid (SpireRankRow *self);
const char *spire_rank_row_get_title (SpireRankRow *self);
const char *spire_rank_row_get_startup_name (SpireRankRow *self);
const char *spire_rank_row_get_challenge_title (SpireRankRow *self);
const char *spire_rank_row_get_status (SpireRankRow *self);
guint spire_rank_row_get_rank (SpireRankRow *self);
gboolean spire_rank_row_get_tied (SpireRankRow *self);
double spire_rank_row_get_score (SpireRankRow *self);
/* DESIGN.md "Scoring": rank by get_score, show get_shown_score and
 * get_percent, which stay within the scale. */
double spire_rank_row_get_shown_score (SpireRankRow *self);
double spire_rank_row_get_percent (SpireRankRow *self);
double spire_rank_row_get_spread (SpireRankRow *self);
double spire_rank_row_get_range (SpireRankRow *self);
guint spire_rank_row_get_n_reviews (SpireRankRow *self);
guint spire_rank_row_get_n_missing (SpireRankRow *self);
guint spire_rank_row_get_n_stale (SpireRankRow *self);
guint spire_rank_row_get_n_conflicted (SpireRankRow *self);
SpireRankFlags spire_rank_row_get_flags (SpireRankRow *self);
/* The review scores the aggregate was made of (normalised when the rubric
 * says so), from high to low — the list that breaks ties. */
const double *spire_rank_row_get_review_scores (SpireRankRow *self, guint *n_scores);
/* The mean of the raw values given for criterion @index (the ranking's
 * criteria order) over the submitted reviews, N/A excluded; NaN when nobody
 * answered.  @n_answers (may be NULL) receives how many answered. */
double spire_rank_row_get_criterion_mean (SpireRankRow *self, guint index, guint *n_answers);

/* What a list shows of a row, in the language current when made (issue
 * 11: made in spire_rank_cohort_async()'s worker, on first use otherwise;
 * spire-rank-text.c): the rank ("2=" when tied, "–" unranked), the shown
 * score with its percentage ("4.33 (72 %)"), spread and range (2
 * decimals, "–" without reviews), the reviews ("2 of 3" when some are
 * missing); each criterion's mean; the title's and the challenge's
 * spire_collate_key(). */
typedef enum
{
  SPIRE_RANK_TEXT_RANK,
  SPIRE_RANK_TEXT_SCORE,
  SPIRE_RANK_TEXT_SPREAD,
  SPIRE_RANK_TEXT_RANGE,
  SPIRE_RANK_TEXT_REVIEWS,
  SPIRE_RANK_N_TEXTS
} SpireRankText;

const char *spire_rank_row_get_text (SpireRankRow *self, SpireRankText which);
const char *spire_rank_row_get_criterion_text (SpireRankRow *self, guint index);
const char *spire_rank_row_get_title_key (SpireRankRow *self);
const char *spire_rank_row_get_challenge_key (SpireRankRow *self);

/* Every review of one application, for the dialog that opens on a row.
 *
 * Properties (read-only): review-uuid, evaluator-uuid, evaluator-name,
 * role, state ("draft", "submitted"), counted (submitted: part of the
 * ranking), stale, recommendation, summary, submitted-at, score (raw
 * weighted mean; NaN when nothing is answered), percent, normalised-score
 * (the score used in the ranking; equal to score unless the rubric
 * normalises; NaN when not counted), conflict-kind (the kind of the
 * evaluator's conflict of interest that left a submitted review out; NULL
 * otherwise), not-counted-reason (translated; NULL when counted). */
#define SPIRE_TYPE_RANK_REVIEW (spire_rank_review_get_type ())
G_DECLARE_FINAL_TYPE (SpireRankReview, spire_rank_review, SPIRE, RANK_REVIEW, GObject)

const char *spire_rank_review_get_review_uuid (SpireRankReview *self);
const char *spire_rank_review_get_evaluator_uuid (SpireRankReview *self);
const char *spire_rank_review_get_evaluator_name (SpireRankReview *self);
const char *spire_rank_review_get_state (SpireRankReview *self);
gboolean spire_rank_review_get_counted (SpireRankReview *self);
gboolean spire_rank_review_get_stale (SpireRankReview *self);
const char *spire_rank_review_get_conflict_kind (SpireRankReview *self);
/* Why the review is not part of the ranking, e.g. "Not counted: conflict of
 * interest" (translated); NULL when it is counted. */
const char *spire_rank_review_get_not_counted_reason (SpireRankReview *self);
double spire_rank_review_get_score (SpireRankReview *self);
double spire_rank_review_get_normalised_score (SpireRankReview *self);
/* The value given for criterion @index (NaN: N/A or not answered) and its
 * comment (NULL when none). */
double spire_rank_review_get_value (SpireRankReview *self, guint index);
const char *spire_rank_review_get_comment (SpireRankReview *self, guint index);

/* The ranking of a cohort: a GListModel of SpireRankRow in rank order. */
#define SPIRE_TYPE_RANKING (spire_ranking_get_type ())
G_DECLARE_FINAL_TYPE (SpireRanking, spire_ranking, SPIRE, RANKING, GObject)

/* Errors: SPIRE_ERROR_NOT_FOUND (no such cohort, or the cohort has no
 * rubric), SPIRE_ERROR_CANCELLED, database errors. */
SpireRanking *spire_rank_cohort (SpireStore *store, const char *cohort_uuid,
                                 GCancellable *cancellable, GError **error);
/* The same as long work (spire-job-private.h): in a worker thread on a
 * connection of its own, so the main thread may go on using @store; an
 * in-memory store is ranked before this returns and the result delivered
 * from the main loop.  Its rows come with their texts and sort keys made
 * (spire_ranking_prepare_texts()). */
void spire_rank_cohort_async (SpireStore *store, const char *cohort_uuid,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
SpireRanking *spire_rank_cohort_finish (SpireStore *store, GAsyncResult *result,
                                        GError **error);

/* Makes every row's texts and sort keys now (see spire_rank_row_get_text). */
void spire_ranking_prepare_texts (SpireRanking *self);

const char *spire_ranking_get_cohort_uuid (SpireRanking *self);
const char *spire_ranking_get_rubric_uuid (SpireRanking *self);
gint64 spire_ranking_get_rubric_version (SpireRanking *self);
double spire_ranking_get_scale_min (SpireRanking *self);
double spire_ranking_get_scale_max (SpireRanking *self);
SpireAggregation spire_ranking_get_aggregation (SpireRanking *self);
gboolean spire_ranking_get_normalised (SpireRanking *self);
/* NaN when the rubric sets none. */
double spire_ranking_get_disagreement_threshold (SpireRanking *self);

guint spire_ranking_get_n_criteria (SpireRanking *self);
const SpireRankCriterion *spire_ranking_get_criterion (SpireRanking *self, guint index);

/* Rows in rank order (transfer none), as the GListModel gives them. */
guint spire_ranking_get_n_rows (SpireRanking *self);
SpireRankRow *spire_ranking_get_row (SpireRanking *self, guint position);
SpireRankRow *spire_ranking_lookup (SpireRanking *self, const char *application_uuid);

/* The order for the selection meeting: the ranked rows, most disagreement
 * first (σ, then max − min, both descending), then in rank order.  Unranked
 * rows are left out.  Transfer full. */
GListModel *spire_ranking_get_meeting_order (SpireRanking *self);

/* Every review of @application_uuid (drafts too: submitted first, then by
 * the evaluator's name), with its scores aligned with the ranking's
 * criteria.  A GListModel of SpireRankReview (transfer full). */
GListModel *spire_ranking_list_reviews (SpireRanking *self, SpireStore *store,
                                        const char *application_uuid, GError **error);

/* The whole ranking as a JSON object (numbers locale-free, NaN as null):
 *
 *   { "cohort", "rubric", "rubric_version", "scale_min", "scale_max",
 *     "aggregation", "normalisation", "disagreement_threshold",
 *     "disagreement_measure": "sd",
 *     "criteria": [ { "uuid", "name", "kind", "weight" } ],
 *     "applications": [ { "rank" (null: unranked), "tied", "application",
 *         "title", "startup", "challenge", "status", "score" (as ranked:
 *         may leave the scale), "shown_score" (clamped to the scale),
 *         "percent" (of the scale, of shown_score: 0–100),
 *         "spread", "range", "reviews", "missing", "stale", "conflicted",
 *         "flags": [ … ],
 *         "review_scores": [ … ],
 *         "criteria": [ { "criterion", "mean", "answers" } ] } ],
 *     "meeting_order": [ application UUID … ] } */
JsonNode *spire_ranking_to_json (SpireRanking *self);
/* The same document written to @out as it is made, in the bytes json-glib's
 * pretty generator (indent 2) makes of spire_ranking_to_json(), without a
 * final newline; only a 64 KiB buffer is held.  Errors: @out's. */
gboolean spire_ranking_write_json (SpireRanking *self, GOutputStream *out,
                                   GCancellable *cancellable, GError **error);

G_END_DECLS
