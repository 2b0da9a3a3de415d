/* spire-ranking.c — a cohort's ranking, read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-error.h"
#include "spire-ranking.h"
#include "spire-job-private.h"
#include "spire-store-private.h"

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
  double score;
  double percent;
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

static void spire_ranking_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (SpireRankRow, spire_rank_row, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (SpireRankReview, spire_rank_review, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (SpireRanking, spire_ranking, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spire_ranking_list_model_init))

enum
{
  ROW_PROP_0,
  ROW_PROP_APPLICATION_UUID,
  ROW_PROP_TITLE,
  ROW_PROP_STARTUP_NAME,
  ROW_PROP_CHALLENGE_TITLE,
  ROW_PROP_STATUS,
  ROW_PROP_RANK,
  ROW_PROP_TIED,
  ROW_PROP_SCORE,
  ROW_PROP_PERCENT,
  ROW_PROP_SPREAD,
  ROW_PROP_RANGE,
  ROW_PROP_N_REVIEWS,
  ROW_PROP_N_MISSING,
  ROW_PROP_N_STALE,
  ROW_PROP_N_CONFLICTED,
  ROW_PROP_FLAGS,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

enum
{
  REVIEW_PROP_0,
  REVIEW_PROP_REVIEW_UUID,
  REVIEW_PROP_EVALUATOR_UUID,
  REVIEW_PROP_EVALUATOR_NAME,
  REVIEW_PROP_ROLE,
  REVIEW_PROP_STATE,
  REVIEW_PROP_COUNTED,
  REVIEW_PROP_STALE,
  REVIEW_PROP_RECOMMENDATION,
  REVIEW_PROP_SUMMARY,
  REVIEW_PROP_SUBMITTED_AT,
  REVIEW_PROP_SCORE,
  REVIEW_PROP_PERCENT,
  REVIEW_PROP_NORMALISED_SCORE,
  REVIEW_PROP_CONFLICT_KIND,
  REVIEW_PROP_NOT_COUNTED_REASON,
  REVIEW_N_PROPS
};

static GParamSpec *review_properties[REVIEW_N_PROPS];

static const GFlagsValue rank_flags_values[] = {
  { SPIRE_RANK_FLAG_DISAGREEMENT, "SPIRE_RANK_FLAG_DISAGREEMENT", "disagreement" },
  { SPIRE_RANK_FLAG_MISSING_REVIEWS, "SPIRE_RANK_FLAG_MISSING_REVIEWS", "missing-reviews" },
  { SPIRE_RANK_FLAG_STALE_REVIEWS, "SPIRE_RANK_FLAG_STALE_REVIEWS", "stale-reviews" },
  { SPIRE_RANK_FLAG_UNSCORED, "SPIRE_RANK_FLAG_UNSCORED", "unscored" },
  { SPIRE_RANK_FLAG_CONFLICTED_REVIEWS, "SPIRE_RANK_FLAG_CONFLICTED_REVIEWS",
    "conflicted-reviews" },
  { 0, NULL, NULL }
};

/* The SQL.  The applications that take part: all of the cohort's but the
 * ineligible and the withdrawn. */

#define TAKES_PART "a.status NOT IN ('ineligible', 'withdrawn')"

static const char sql_cohort[] = "SELECT 1 FROM cohorts WHERE uuid = ?1";

static const char sql_rubric[] =
  "SELECT uuid, scale_min, scale_max, aggregation, normalisation, disagreement_threshold, version"
  " FROM rubrics WHERE cohort = ?1";

static const char sql_criteria[] =
  "SELECT uuid, name, weight, kind FROM criteria WHERE rubric = ?1 ORDER BY position, uuid";

static const char sql_applications[] =
  "SELECT a.uuid, a.title, a.status, s.name, c.title"
  " FROM applications a"
  " JOIN startups s ON s.uuid = a.startup"
  " LEFT JOIN challenges c ON c.uuid = a.challenge"
  " WHERE a.cohort = ?1 AND " TAKES_PART;

/* The kind of the conflict of interest (not dismissed: the rule of
 * spire_conflict_blocks()) that keeps evaluator @r from application @a;
 * NULL when there is none. */
#define CONFLICT_KIND(r, a)                                                          \
  "(SELECT c.kind FROM conflicts c WHERE c.evaluator = " r ".evaluator"             \
  " AND c.dismissed_at IS NULL AND (c.application = " a ".uuid OR c.startup = " a   \
  ".startup) ORDER BY c.confirmed DESC, c.created_at LIMIT 1)"

/* One row per score of a submitted review (one with NULL criterion for a
 * review without scores).  A review is stale when marked so or written
 * under another rubric version (?2); column 7 is the kind of its
 * evaluator's conflict of interest with the application (NULL: none). */
static const char sql_reviews[] =
  "SELECT r.id, r.uuid, r.application, r.evaluator,"
  " r.stale OR (r.rubric_version IS NOT NULL AND r.rubric_version <> ?2),"
  " s.criterion, s.value, " CONFLICT_KIND ("r", "a")
  " FROM applications a"
  " JOIN reviews r ON r.application = a.uuid"
  " LEFT JOIN scores s ON s.review = r.uuid"
  " WHERE a.cohort = ?1 AND " TAKES_PART " AND r.state = 'submitted'";

/* Assignments that expect a review; those without a submitted review by
 * the same evaluator are missing (worked out in C: cheaper than NOT EXISTS). */
static const char sql_assignments[] =
  "SELECT g.application, g.evaluator"
  " FROM applications a"
  " JOIN assignments g ON g.application = a.uuid"
  " WHERE a.cohort = ?1 AND " TAKES_PART " AND g.state <> 'declined'";

static const char sql_detail_reviews[] =
  "SELECT r.uuid, r.evaluator, p.name, e.role, r.state, r.recommendation, r.summary,"
  " r.submitted_at, r.stale OR (r.rubric_version IS NOT NULL AND r.rubric_version <> ?2)"
  " FROM reviews r"
  " JOIN evaluators e ON e.uuid = r.evaluator"
  " JOIN persons p ON p.uuid = e.person"
  " WHERE r.application = ?1"
  " ORDER BY r.state = 'submitted' DESC, p.name COLLATE NB, r.uuid";

static const char sql_detail_scores[] =
  "SELECT s.review, s.criterion, s.value, s.comment"
  " FROM reviews r JOIN scores s ON s.review = r.uuid"
  " WHERE r.application = ?1";

/* Reading: through the store's cached statements, or through a connection
 * of our own (in a worker thread). */

typedef struct
{
  SpireStore *store;
  sqlite3 *db;
  GPtrArray *own; /* statements prepared on our own connection */
  gboolean in_transaction;
} Reader;

static gboolean
reader_error (Reader *reader, int rc, GError **error)
{
  if (reader->store != NULL)
    return _spire_store_set_error (reader->store, rc, error);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_BUSY,
                 _("Another program is changing the database right now; "
                   "try ranking again in a moment."));
  else
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FAILED,
                 _("The database reported an error while ranking: %s"),
                 sqlite3_errmsg (reader->db));
  return FALSE;
}

static sqlite3_stmt *
reader_prepare (Reader *reader, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (reader->store != NULL)
    return _spire_store_prepare (reader->store, sql, error);

  rc = sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      reader_error (reader, rc, error);
      return NULL;
    }
  g_ptr_array_add (reader->own, stmt);
  return stmt;
}

/* One read transaction, so that all queries see the same database. */
static void
reader_begin (Reader *reader)
{
  if (sqlite3_get_autocommit (reader->db)
      && sqlite3_exec (reader->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    reader->in_transaction = TRUE;
}

static void
reader_end (Reader *reader)
{
  if (reader->in_transaction)
    sqlite3_exec (reader->db, "COMMIT", NULL, NULL, NULL);
  reader->in_transaction = FALSE;
  if (reader->own != NULL)
    g_ptr_array_set_size (reader->own, 0);
}

static void
reader_init_store (Reader *reader, SpireStore *store)
{
  memset (reader, 0, sizeof *reader);
  reader->store = store;
  reader->db = _spire_store_get_db (store);
}

static void
reader_close (Reader *reader)
{
  reader_end (reader);
  g_clear_pointer (&reader->own, g_ptr_array_unref);
  if (reader->store == NULL && reader->db != NULL)
    sqlite3_close (reader->db);
  reader->db = NULL;
}

static char *
column_dup (sqlite3_stmt *stmt, int col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static double
column_real (sqlite3_stmt *stmt, int col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, col);
}

static gboolean
set_cancelled (GError **error)
{
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                       _("The ranking was cancelled."));
  return FALSE;
}

static void
rank_criterion_free (gpointer data)
{
  SpireRankCriterion *c = data;

  g_free (c->uuid);
  g_free (c->name);
  g_free (c);
}

/* Rubric and criteria into @self; @index maps criterion UUID → index + 1. */
static gboolean
read_rubric (SpireRanking *self, Reader *reader, GHashTable *index, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = reader_prepare (reader, sql_cohort, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->cohort_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("There is no cohort with the UUID %s."), self->cohort_uuid);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return reader_error (reader, rc, error);

  stmt = reader_prepare (reader, sql_rubric, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->cohort_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->rubric_uuid = column_dup (stmt, 0);
      self->scale_min = sqlite3_column_double (stmt, 1);
      self->scale_max = sqlite3_column_double (stmt, 2);
      self->aggregation =
        spire_aggregation_from_string ((const char *) sqlite3_column_text (stmt, 3));
      self->normalised =
        g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "per_evaluator") == 0;
      self->threshold = column_real (stmt, 5);
      self->rubric_version = sqlite3_column_int64 (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("The cohort has no rubric yet. Set up its criteria before ranking."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return reader_error (reader, rc, error);

  stmt = reader_prepare (reader, sql_criteria, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->rubric_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpireRankCriterion *c = g_new0 (SpireRankCriterion, 1);

      c->uuid = column_dup (stmt, 0);
      c->name = column_dup (stmt, 1);
      c->weight = sqlite3_column_double (stmt, 2);
      c->kind = spire_criterion_kind_from_string ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (self->criteria, c);
      g_hash_table_insert (index, c->uuid, GUINT_TO_POINTER (self->criteria->len));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return reader_error (reader, rc, error);
  return TRUE;
}

/* Ranking a cohort */

typedef struct
{
  char *uuid;
  char *title;
  char *status;
  char *startup;
  char *challenge;
  GArray *reviews; /* guint: indices into the reviews */
  guint n_missing;
} App;

typedef struct
{
  gint64 id;
  char *uuid;
  guint app;
  guint evaluator;
  gboolean stale;
  char *conflict; /* kind of the evaluator's conflict of interest; NULL: counted */
  gboolean left_out; /* conflict != NULL (kept after conflict moves to the ranking) */
} Review;

static void
app_clear (gpointer data)
{
  App *app = data;

  g_free (app->uuid);
  g_free (app->title);
  g_free (app->status);
  g_free (app->startup);
  g_free (app->challenge);
  g_clear_pointer (&app->reviews, g_array_unref);
}

static void
review_clear (gpointer data)
{
  g_free (((Review *) data)->uuid);
  g_free (((Review *) data)->conflict);
}

/* A new review from the current row of sql_reviews; its index, or
 * G_MAXUINT when its application does not take part. */
static guint
add_review (sqlite3_stmt *stmt, GArray *apps, GHashTable *app_index, GHashTable *evaluator_index,
            GArray *reviews, GArray *values, guint nc)
{
  Review review = { 0 };
  gpointer app = g_hash_table_lookup (app_index, sqlite3_column_text (stmt, 2));
  const char *evaluator = (const char *) sqlite3_column_text (stmt, 3);
  gpointer e;
  guint index;

  if (app == NULL)
    return G_MAXUINT;
  e = g_hash_table_lookup (evaluator_index, evaluator);
  if (e == NULL)
    {
      e = GUINT_TO_POINTER (g_hash_table_size (evaluator_index) + 1);
      g_hash_table_insert (evaluator_index, g_strdup (evaluator), e);
    }
  review.id = sqlite3_column_int64 (stmt, 0);
  review.uuid = column_dup (stmt, 1);
  review.app = GPOINTER_TO_UINT (app) - 1;
  review.evaluator = GPOINTER_TO_UINT (e);
  review.stale = sqlite3_column_int (stmt, 4) != 0;
  review.conflict = column_dup (stmt, 7);
  review.left_out = review.conflict != NULL;
  index = reviews->len;
  g_array_append_val (reviews, review);
  g_array_append_val (g_array_index (apps, App, review.app).reviews, index);
  g_array_set_size (values, values->len + nc);
  for (guint k = values->len - nc; k < values->len; k++)
    g_array_index (values, double, k) = NAN;
  return index;
}

static SpireRanking *
rank (Reader *reader, const char *cohort_uuid, GCancellable *cancellable, GError **error)
{
  g_autoptr (SpireRanking) self = g_object_new (SPIRE_TYPE_RANKING, NULL);
  g_autoptr (GHashTable) criterion_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) app_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) evaluator_index =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) apps = g_array_new (FALSE, TRUE, sizeof (App));
  g_autoptr (GArray) reviews = g_array_new (FALSE, TRUE, sizeof (Review));
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GHashTable) review_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree SpireCriterionWeight *weights = NULL;
  g_autofree double *used = NULL;
  g_autofree double *compact = NULL;
  g_autofree guint *evaluators = NULL;
  guint n_counted = 0;
  g_autofree SpireRankItem *items = NULL;
  g_autofree SpireRankItem **order = NULL;
  sqlite3_stmt *stmt;
  guint nc;
  guint rows_read = 0;
  gint64 last_id = G_MININT64;
  guint current = G_MAXUINT;
  int rc;

  g_array_set_clear_func (apps, app_clear);
  g_array_set_clear_func (reviews, review_clear);
  self->cohort_uuid = g_strdup (cohort_uuid);

  if (!read_rubric (self, reader, criterion_index, error))
    return NULL;
  nc = self->criteria->len;

  /* Applications */
  stmt = reader_prepare (reader, sql_applications, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, cohort_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      App app = { 0 };

      app.uuid = column_dup (stmt, 0);
      app.title = column_dup (stmt, 1);
      app.status = column_dup (stmt, 2);
      app.startup = column_dup (stmt, 3);
      app.challenge = column_dup (stmt, 4);
      app.reviews = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (apps, app);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reader_error (reader, rc, error);
      return NULL;
    }
  for (guint i = 0; i < apps->len; i++)
    g_hash_table_insert (app_index, g_array_index (apps, App, i).uuid, GUINT_TO_POINTER (i + 1));

  /* Submitted reviews and their scores */
  stmt = reader_prepare (reader, sql_reviews, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, cohort_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->rubric_version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *criterion;
      guint c;

      if ((++rows_read & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_reset (stmt);
          set_cancelled (error);
          return NULL;
        }

      /* The rows of one review come one after the other with this query
       * plan; the hash table only keeps it right under another plan. */
      if (id != last_id)
        {
          gpointer found;

          last_id = id;
          if (g_hash_table_lookup_extended (review_index, sqlite3_column_text (stmt, 1), NULL,
                                            &found))
            current = GPOINTER_TO_UINT (found);
          else
            {
              current = add_review (stmt, apps, app_index, evaluator_index, reviews, values, nc);
              if (current != G_MAXUINT)
                g_hash_table_insert (review_index, g_array_index (reviews, Review, current).uuid,
                                     GUINT_TO_POINTER (current));
            }
        }
      if (current == G_MAXUINT)
        continue; /* cannot happen: the join asks for the same applications */

      criterion = (const char *) sqlite3_column_text (stmt, 5);
      if (criterion == NULL)
        continue; /* a submitted review without scores */
      c = GPOINTER_TO_UINT (g_hash_table_lookup (criterion_index, criterion));
      if (c == 0)
        continue; /* a criterion of another rubric: not part of this one */
      g_array_index (values, double, (gsize) current * nc + c - 1) = column_real (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reader_error (reader, rc, error);
      return NULL;
    }

  /* Assignments still missing a submitted review */
  stmt = reader_prepare (reader, sql_assignments, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, cohort_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer app = g_hash_table_lookup (app_index, sqlite3_column_text (stmt, 0));
      guint evaluator = GPOINTER_TO_UINT (g_hash_table_lookup (evaluator_index,
                                                               sqlite3_column_text (stmt, 1)));
      gboolean submitted = FALSE;
      App *a;

      if (app == NULL)
        continue;
      a = &g_array_index (apps, App, GPOINTER_TO_UINT (app) - 1);
      for (guint j = 0; evaluator != 0 && j < a->reviews->len && !submitted; j++)
        submitted = g_array_index (reviews, Review,
                                   g_array_index (a->reviews, guint, j)).evaluator == evaluator;
      if (!submitted)
        a->n_missing++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reader_error (reader, rc, error);
      return NULL;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled (error);
      return NULL;
    }

  /* Review scores, normalised when the rubric says so */
  weights = g_new (SpireCriterionWeight, MAX (nc, 1));
  for (guint c = 0; c < nc; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      weights[c].weight = criterion->weight;
      weights[c].kind = criterion->kind;
    }
  /* A review by an evaluator with a conflict of interest is left out of
   * everything: the normalisation too (compact[] holds the counted ones). */
  used = g_new (double, MAX (reviews->len, 1));
  compact = g_new (double, MAX (reviews->len, 1));
  evaluators = g_new (guint, MAX (reviews->len, 1));
  for (guint i = 0; i < reviews->len; i++)
    {
      Review *review = &g_array_index (reviews, Review, i);

      used[i] = spire_review_score (weights, &g_array_index (values, double, (gsize) i * nc), nc);
      if (!review->left_out)
        {
          compact[n_counted] = used[i];
          evaluators[n_counted++] = review->evaluator;
        }
    }
  if (self->normalised)
    {
      spire_scores_normalise (compact, evaluators, n_counted);
      for (guint i = 0, k = 0; i < reviews->len; i++)
        if (!g_array_index (reviews, Review, i).left_out)
          used[i] = compact[k++];
    }

  g_array_set_size (self->used, reviews->len);
  for (guint i = 0; i < reviews->len; i++)
    {
      Review *review = &g_array_index (reviews, Review, i);

      g_array_index (self->used, double, i) = used[i];
      if (review->left_out)
        g_hash_table_insert (self->conflicted, g_steal_pointer (&review->uuid),
                             g_steal_pointer (&review->conflict));
      else
        g_hash_table_insert (self->counted, g_steal_pointer (&review->uuid),
                             GUINT_TO_POINTER (i));
    }

  /* Rows */
  items = g_new0 (SpireRankItem, MAX (apps->len, 1));
  order = g_new (SpireRankItem *, MAX (apps->len, 1));
  for (guint i = 0; i < apps->len; i++)
    {
      App *app = &g_array_index (apps, App, i);
      SpireRankRow *row = g_object_new (SPIRE_TYPE_RANK_ROW, NULL);
      guint n = 0;

      row->application_uuid = g_steal_pointer (&app->uuid);
      row->title = g_steal_pointer (&app->title);
      row->status = g_steal_pointer (&app->status);
      row->startup_name = g_steal_pointer (&app->startup);
      row->challenge_title = g_steal_pointer (&app->challenge);
      row->n_missing = app->n_missing;
      row->n_criteria = nc;
      row->criterion_means = g_new (double, MAX (nc, 1));
      row->criterion_answers = g_new0 (guint, MAX (nc, 1));
      row->review_scores = g_new (double, MAX (app->reviews->len, 1));

      for (guint c = 0; c < nc; c++)
        row->criterion_means[c] = 0;
      for (guint j = 0; j < app->reviews->len; j++)
        {
          guint r = g_array_index (app->reviews, guint, j);
          const double *v = &g_array_index (values, double, (gsize) r * nc);

          if (g_array_index (reviews, Review, r).left_out)
            {
              row->n_conflicted++;
              continue;
            }
          row->review_scores[n++] = used[r];
          if (g_array_index (reviews, Review, r).stale)
            row->n_stale++;
          for (guint c = 0; c < nc; c++)
            if (!isnan (v[c]))
              {
                row->criterion_means[c] += v[c];
                row->criterion_answers[c]++;
              }
        }
      for (guint c = 0; c < nc; c++)
        row->criterion_means[c] = row->criterion_answers[c]
                                    ? row->criterion_means[c] / row->criterion_answers[c]
                                    : NAN;

      row->n_reviews = n;
      row->score = spire_scores_aggregate (self->aggregation, row->review_scores, n);
      row->percent = spire_score_percent (row->score, self->scale_min, self->scale_max);
      row->spread = spire_scores_population_sd (row->review_scores, n);
      row->range = spire_scores_range (row->review_scores, n);

      if (spire_scores_disagree (row->spread, self->threshold))
        row->flags |= SPIRE_RANK_FLAG_DISAGREEMENT;
      if (row->n_missing > 0)
        row->flags |= SPIRE_RANK_FLAG_MISSING_REVIEWS;
      if (row->n_stale > 0)
        row->flags |= SPIRE_RANK_FLAG_STALE_REVIEWS;
      if (row->n_conflicted > 0)
        row->flags |= SPIRE_RANK_FLAG_CONFLICTED_REVIEWS;
      if (isnan (row->score))
        row->flags |= SPIRE_RANK_FLAG_UNSCORED;

      items[i].score = row->score;
      items[i].scores = row->review_scores;
      items[i].n_scores = n;
      items[i].key = row->application_uuid;
      items[i].data = row;
      order[i] = &items[i];
    }

  spire_rank_items (order, apps->len);

  for (guint i = 0; i < apps->len; i++)
    {
      SpireRankRow *row = order[i]->data;

      row->rank = order[i]->rank;
      row->tied = order[i]->tied;
      row->n_review_scores = (guint) order[i]->n_scores;
      row->position = i;
      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->by_uuid, row->application_uuid, row);
    }

  return g_steal_pointer (&self);
}

/* Async: on the one mechanism of long work (spire-job-private.h) */

static gboolean
rank_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  *result = spire_rank_cohort (store, data, _spire_job_get_cancellable (job), error);
  return *result != NULL;
}

/* Row */

static void
spire_rank_row_finalize (GObject *object)
{
  SpireRankRow *self = SPIRE_RANK_ROW (object);

  g_free (self->application_uuid);
  g_free (self->title);
  g_free (self->startup_name);
  g_free (self->challenge_title);
  g_free (self->status);
  g_free (self->review_scores);
  g_free (self->criterion_means);
  g_free (self->criterion_answers);

  G_OBJECT_CLASS (spire_rank_row_parent_class)->finalize (object);
}

static void
spire_rank_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireRankRow *self = SPIRE_RANK_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_APPLICATION_UUID:
      g_value_set_string (value, self->application_uuid);
      break;
    case ROW_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ROW_PROP_STARTUP_NAME:
      g_value_set_string (value, self->startup_name);
      break;
    case ROW_PROP_CHALLENGE_TITLE:
      g_value_set_string (value, self->challenge_title);
      break;
    case ROW_PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case ROW_PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    case ROW_PROP_TIED:
      g_value_set_boolean (value, self->tied);
      break;
    case ROW_PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case ROW_PROP_PERCENT:
      g_value_set_double (value, self->percent);
      break;
    case ROW_PROP_SPREAD:
      g_value_set_double (value, self->spread);
      break;
    case ROW_PROP_RANGE:
      g_value_set_double (value, self->range);
      break;
    case ROW_PROP_N_REVIEWS:
      g_value_set_uint (value, self->n_reviews);
      break;
    case ROW_PROP_N_MISSING:
      g_value_set_uint (value, self->n_missing);
      break;
    case ROW_PROP_N_STALE:
      g_value_set_uint (value, self->n_stale);
      break;
    case ROW_PROP_N_CONFLICTED:
      g_value_set_uint (value, self->n_conflicted);
      break;
    case ROW_PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
double_property (const char *name)
{
  /* NaN stands for "none"; a pspec cannot bound it, so the range is open. */
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
uint_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
spire_rank_row_class_init (SpireRankRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spire_rank_row_finalize;
  object_class->get_property = spire_rank_row_get_property;

  row_properties[ROW_PROP_APPLICATION_UUID] = string_property ("application-uuid");
  row_properties[ROW_PROP_TITLE] = string_property ("title");
  row_properties[ROW_PROP_STARTUP_NAME] = string_property ("startup-name");
  row_properties[ROW_PROP_CHALLENGE_TITLE] = string_property ("challenge-title");
  row_properties[ROW_PROP_STATUS] = string_property ("status");
  row_properties[ROW_PROP_RANK] = uint_property ("rank");
  row_properties[ROW_PROP_TIED] = boolean_property ("tied");
  row_properties[ROW_PROP_SCORE] = double_property ("score");
  row_properties[ROW_PROP_PERCENT] = double_property ("percent");
  row_properties[ROW_PROP_SPREAD] = double_property ("spread");
  row_properties[ROW_PROP_RANGE] = double_property ("range");
  row_properties[ROW_PROP_N_REVIEWS] = uint_property ("n-reviews");
  row_properties[ROW_PROP_N_MISSING] = uint_property ("n-missing");
  row_properties[ROW_PROP_N_STALE] = uint_property ("n-stale");
  row_properties[ROW_PROP_N_CONFLICTED] = uint_property ("n-conflicted");
  row_properties[ROW_PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL, SPIRE_TYPE_RANK_FLAGS, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
spire_rank_row_init (SpireRankRow *self)
{
  self->score = self->percent = self->spread = self->range = NAN;
}

/* Review */

static void
spire_rank_review_finalize (GObject *object)
{
  SpireRankReview *self = SPIRE_RANK_REVIEW (object);

  g_free (self->review_uuid);
  g_free (self->evaluator_uuid);
  g_free (self->evaluator_name);
  g_free (self->role);
  g_free (self->state);
  g_free (self->recommendation);
  g_free (self->summary);
  g_free (self->submitted_at);
  g_free (self->conflict_kind);
  g_free (self->values);
  if (self->comments != NULL)
    for (guint i = 0; i < self->n_criteria; i++)
      g_free (self->comments[i]);
  g_free (self->comments);

  G_OBJECT_CLASS (spire_rank_review_parent_class)->finalize (object);
}

static void
spire_rank_review_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  SpireRankReview *self = SPIRE_RANK_REVIEW (object);

  switch (prop_id)
    {
    case REVIEW_PROP_REVIEW_UUID:
      g_value_set_string (value, self->review_uuid);
      break;
    case REVIEW_PROP_EVALUATOR_UUID:
      g_value_set_string (value, self->evaluator_uuid);
      break;
    case REVIEW_PROP_EVALUATOR_NAME:
      g_value_set_string (value, self->evaluator_name);
      break;
    case REVIEW_PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case REVIEW_PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case REVIEW_PROP_COUNTED:
      g_value_set_boolean (value, self->counted);
      break;
    case REVIEW_PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    case REVIEW_PROP_RECOMMENDATION:
      g_value_set_string (value, self->recommendation);
      break;
    case REVIEW_PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case REVIEW_PROP_SUBMITTED_AT:
      g_value_set_string (value, self->submitted_at);
      break;
    case REVIEW_PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case REVIEW_PROP_PERCENT:
      g_value_set_double (value, self->percent);
      break;
    case REVIEW_PROP_CONFLICT_KIND:
      g_value_set_string (value, self->conflict_kind);
      break;
    case REVIEW_PROP_NOT_COUNTED_REASON:
      g_value_set_string (value, spire_rank_review_get_not_counted_reason (self));
      break;
    case REVIEW_PROP_NORMALISED_SCORE:
      g_value_set_double (value, self->normalised_score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_rank_review_class_init (SpireRankReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spire_rank_review_finalize;
  object_class->get_property = spire_rank_review_get_property;

  review_properties[REVIEW_PROP_REVIEW_UUID] = string_property ("review-uuid");
  review_properties[REVIEW_PROP_EVALUATOR_UUID] = string_property ("evaluator-uuid");
  review_properties[REVIEW_PROP_EVALUATOR_NAME] = string_property ("evaluator-name");
  review_properties[REVIEW_PROP_ROLE] = string_property ("role");
  review_properties[REVIEW_PROP_STATE] = string_property ("state");
  review_properties[REVIEW_PROP_COUNTED] = boolean_property ("counted");
  review_properties[REVIEW_PROP_STALE] = boolean_property ("stale");
  review_properties[REVIEW_PROP_RECOMMENDATION] = string_property ("recommendation");
  review_properties[REVIEW_PROP_SUMMARY] = string_property ("summary");
  review_properties[REVIEW_PROP_SUBMITTED_AT] = string_property ("submitted-at");
  review_properties[REVIEW_PROP_SCORE] = double_property ("score");
  review_properties[REVIEW_PROP_PERCENT] = double_property ("percent");
  review_properties[REVIEW_PROP_NORMALISED_SCORE] = double_property ("normalised-score");
  review_properties[REVIEW_PROP_CONFLICT_KIND] = string_property ("conflict-kind");
  review_properties[REVIEW_PROP_NOT_COUNTED_REASON] = string_property ("not-counted-reason");
  g_object_class_install_properties (object_class, REVIEW_N_PROPS, review_properties);
}

static void
spire_rank_review_init (SpireRankReview *self)
{
  self->score = self->percent = self->normalised_score = NAN;
}

/* Ranking */

static GType
spire_ranking_get_item_type (GListModel *model)
{
  return SPIRE_TYPE_RANK_ROW;
}

static guint
spire_ranking_get_n_items (GListModel *model)
{
  return SPIRE_RANKING (model)->rows->len;
}

static gpointer
spire_ranking_get_item (GListModel *model, guint position)
{
  SpireRanking *self = SPIRE_RANKING (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
spire_ranking_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = spire_ranking_get_item_type;
  iface->get_n_items = spire_ranking_get_n_items;
  iface->get_item = spire_ranking_get_item;
}

static void
spire_ranking_finalize (GObject *object)
{
  SpireRanking *self = SPIRE_RANKING (object);

  g_free (self->cohort_uuid);
  g_free (self->rubric_uuid);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->counted, g_hash_table_unref);
  g_clear_pointer (&self->used, g_array_unref);
  g_clear_pointer (&self->conflicted, g_hash_table_unref);

  G_OBJECT_CLASS (spire_ranking_parent_class)->finalize (object);
}

static void
spire_ranking_class_init (SpireRankingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_ranking_finalize;
}

static void
spire_ranking_init (SpireRanking *self)
{
  self->threshold = NAN;
  self->criteria = g_ptr_array_new_with_free_func (rank_criterion_free);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used = g_array_new (FALSE, FALSE, sizeof (double));
  self->conflicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API: flags */

GType
spire_rank_flags_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_flags_register_static (g_intern_static_string ("SpireRankFlags"),
                                                       rank_flags_values));
  return type;
}

char **
spire_rank_flags_to_strv (SpireRankFlags flags)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; rank_flags_values[i].value_nick != NULL; i++)
    if (flags & rank_flags_values[i].value)
      g_strv_builder_add (builder, rank_flags_values[i].value_nick);
  return g_strv_builder_end (builder);
}

/* Public API: row */

const char *
spire_rank_row_get_application_uuid (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->application_uuid;
}

const char *
spire_rank_row_get_title (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->title;
}

const char *
spire_rank_row_get_startup_name (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->startup_name;
}

const char *
spire_rank_row_get_challenge_title (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->challenge_title;
}

const char *
spire_rank_row_get_status (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  return self->status;
}

guint
spire_rank_row_get_rank (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->rank;
}

gboolean
spire_rank_row_get_tied (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), FALSE);
  return self->tied;
}

double
spire_rank_row_get_score (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->score;
}

double
spire_rank_row_get_percent (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->percent;
}

double
spire_rank_row_get_spread (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->spread;
}

double
spire_rank_row_get_range (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  return self->range;
}

guint
spire_rank_row_get_n_reviews (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_reviews;
}

guint
spire_rank_row_get_n_missing (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_missing;
}

guint
spire_rank_row_get_n_stale (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_stale;
}

guint
spire_rank_row_get_n_conflicted (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->n_conflicted;
}

SpireRankFlags
spire_rank_row_get_flags (SpireRankRow *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), 0);
  return self->flags;
}

const double *
spire_rank_row_get_review_scores (SpireRankRow *self, guint *n_scores)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NULL);
  if (n_scores)
    *n_scores = self->n_review_scores;
  return self->review_scores;
}

double
spire_rank_row_get_criterion_mean (SpireRankRow *self, guint index, guint *n_answers)
{
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (self), NAN);
  g_return_val_if_fail (index < self->n_criteria, NAN);

  if (n_answers)
    *n_answers = self->criterion_answers[index];
  return self->criterion_means[index];
}

/* Public API: review */

const char *
spire_rank_review_get_review_uuid (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->review_uuid;
}

const char *
spire_rank_review_get_evaluator_uuid (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->evaluator_uuid;
}

const char *
spire_rank_review_get_evaluator_name (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->evaluator_name;
}

const char *
spire_rank_review_get_state (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->state;
}

gboolean
spire_rank_review_get_counted (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), FALSE);
  return self->counted;
}

gboolean
spire_rank_review_get_stale (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), FALSE);
  return self->stale;
}

const char *
spire_rank_review_get_conflict_kind (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  return self->conflict_kind;
}

const char *
spire_rank_review_get_not_counted_reason (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  if (self->counted)
    return NULL;
  if (self->conflict_kind != NULL)
    return _("Not counted: conflict of interest");
  if (g_strcmp0 (self->state, "submitted") != 0)
    return _("Not counted: a draft");
  /* Submitted after the ranking was made: not part of it yet. */
  return _("Not counted: submitted after the ranking was made");
}

double
spire_rank_review_get_score (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NAN);
  return self->score;
}

double
spire_rank_review_get_normalised_score (SpireRankReview *self)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NAN);
  return self->normalised_score;
}

double
spire_rank_review_get_value (SpireRankReview *self, guint index)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NAN);
  g_return_val_if_fail (index < self->n_criteria, NAN);
  return self->values[index];
}

const char *
spire_rank_review_get_comment (SpireRankReview *self, guint index)
{
  g_return_val_if_fail (SPIRE_IS_RANK_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->n_criteria, NULL);
  return self->comments[index];
}

/* Public API: ranking */

SpireRanking *
spire_rank_cohort (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                   GError **error)
{
  SpireRanking *ranking;
  Reader reader;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader_init_store (&reader, store);
  reader_begin (&reader);
  ranking = rank (&reader, cohort_uuid, cancellable, error);
  reader_close (&reader);
  return ranking;
}

void
spire_rank_cohort_async (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_rank_cohort_async, rank_job, g_strdup (cohort_uuid), g_free,
                  g_object_unref, cancellable, NULL, NULL, callback, user_data);
}

SpireRanking *
spire_rank_cohort_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer ranking = NULL;

  _spire_job_finish (store, result, spire_rank_cohort_async, &ranking, error);
  return ranking;
}

const char *
spire_ranking_get_cohort_uuid (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  return self->cohort_uuid;
}

const char *
spire_ranking_get_rubric_uuid (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  return self->rubric_uuid;
}

gint64
spire_ranking_get_rubric_version (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), 0);
  return self->rubric_version;
}

double
spire_ranking_get_scale_min (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NAN);
  return self->scale_min;
}

double
spire_ranking_get_scale_max (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NAN);
  return self->scale_max;
}

SpireAggregation
spire_ranking_get_aggregation (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), SPIRE_AGGREGATION_MEAN);
  return self->aggregation;
}

gboolean
spire_ranking_get_normalised (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), FALSE);
  return self->normalised;
}

double
spire_ranking_get_disagreement_threshold (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NAN);
  return self->threshold;
}

guint
spire_ranking_get_n_criteria (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), 0);
  return self->criteria->len;
}

const SpireRankCriterion *
spire_ranking_get_criterion (SpireRanking *self, guint index)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  g_return_val_if_fail (index < self->criteria->len, NULL);
  return g_ptr_array_index (self->criteria, index);
}

guint
spire_ranking_get_n_rows (SpireRanking *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), 0);
  return self->rows->len;
}

SpireRankRow *
spire_ranking_get_row (SpireRanking *self, guint position)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, position);
}

SpireRankRow *
spire_ranking_lookup (SpireRanking *self, const char *application_uuid)
{
  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  if (application_uuid == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_uuid, application_uuid);
}

static int
compare_meeting_cb (gconstpointer pa, gconstpointer pb)
{
  const SpireRankRow *a = *(SpireRankRow *const *) pa;
  const SpireRankRow *b = *(SpireRankRow *const *) pb;

  if (!spire_score_equal (a->spread, b->spread))
    return a->spread > b->spread ? -1 : 1;
  if (!spire_score_equal (a->range, b->range))
    return a->range > b->range ? -1 : 1;
  return (a->position > b->position) - (a->position < b->position);
}

GListModel *
spire_ranking_get_meeting_order (SpireRanking *self)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GListStore *store;

  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SpireRankRow *row = g_ptr_array_index (self->rows, i);

      if (row->rank > 0)
        g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_meeting_cb);

  store = g_list_store_new (SPIRE_TYPE_RANK_ROW);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

GListModel *
spire_ranking_list_reviews (SpireRanking *self, SpireStore *store, const char *application_uuid,
                            GError **error)
{
  g_autoptr (GListStore) out = g_list_store_new (SPIRE_TYPE_RANK_REVIEW);
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) criterion_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree SpireCriterionWeight *weights = NULL;
  guint nc;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (application_uuid != NULL, NULL);

  nc = self->criteria->len;
  weights = g_new (SpireCriterionWeight, MAX (nc, 1));
  for (guint c = 0; c < nc; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      weights[c].weight = criterion->weight;
      weights[c].kind = criterion->kind;
      g_hash_table_insert (criterion_index, criterion->uuid, GUINT_TO_POINTER (c + 1));
    }

  stmt = _spire_store_prepare (store, sql_detail_reviews, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, application_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->rubric_version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (SpireRankReview) review = g_object_new (SPIRE_TYPE_RANK_REVIEW, NULL);

      review->review_uuid = column_dup (stmt, 0);
      review->evaluator_uuid = column_dup (stmt, 1);
      review->evaluator_name = column_dup (stmt, 2);
      review->role = column_dup (stmt, 3);
      review->state = column_dup (stmt, 4);
      review->recommendation = column_dup (stmt, 5);
      review->summary = column_dup (stmt, 6);
      review->submitted_at = column_dup (stmt, 7);
      review->stale = sqlite3_column_int (stmt, 8) != 0;
      review->n_criteria = nc;
      review->values = g_new (double, MAX (nc, 1));
      review->comments = g_new0 (char *, MAX (nc, 1));
      for (guint c = 0; c < nc; c++)
        review->values[c] = NAN;
      g_hash_table_insert (by_uuid, review->review_uuid, review);
      g_list_store_append (out, review);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (store, rc, error);
      return NULL;
    }

  stmt = _spire_store_prepare (store, sql_detail_scores, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, application_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpireRankReview *review = g_hash_table_lookup (by_uuid, sqlite3_column_text (stmt, 0));
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (criterion_index,
                                                       sqlite3_column_text (stmt, 1)));

      if (review == NULL || c == 0)
        continue;
      review->values[c - 1] = column_real (stmt, 2);
      review->comments[c - 1] = column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (out)); i++)
    {
      g_autoptr (SpireRankReview) review = g_list_model_get_item (G_LIST_MODEL (out), i);
      gpointer index;

      review->score = spire_review_score (weights, review->values, nc);
      review->percent = spire_score_percent (review->score, self->scale_min, self->scale_max);
      if (g_hash_table_lookup_extended (self->counted, review->review_uuid, NULL, &index))
        {
          review->counted = TRUE;
          review->normalised_score = g_array_index (self->used, double, GPOINTER_TO_UINT (index));
        }
      else
        review->conflict_kind = g_strdup (g_hash_table_lookup (self->conflicted,
                                                               review->review_uuid));
    }

  return G_LIST_MODEL (g_steal_pointer (&out));
}

/* JSON */

static void
add_number (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_row (SpireRanking *self, JsonBuilder *builder, SpireRankRow *row)
{
  g_auto (GStrv) flags = spire_rank_flags_to_strv (row->flags);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rank");
  if (row->rank > 0)
    json_builder_add_int_value (builder, row->rank);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "tied");
  json_builder_add_boolean_value (builder, row->tied);
  add_string (builder, "application", row->application_uuid);
  add_string (builder, "title", row->title);
  add_string (builder, "startup", row->startup_name);
  add_string (builder, "challenge", row->challenge_title);
  add_string (builder, "status", row->status);
  add_number (builder, "score", row->score);
  add_number (builder, "percent", row->percent);
  add_number (builder, "spread", row->spread);
  add_number (builder, "range", row->range);
  add_int (builder, "reviews", row->n_reviews);
  add_int (builder, "missing", row->n_missing);
  add_int (builder, "stale", row->n_stale);
  add_int (builder, "conflicted", row->n_conflicted);

  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; flags[i] != NULL; i++)
    json_builder_add_string_value (builder, flags[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "review_scores");
  json_builder_begin_array (builder);
  for (guint i = 0; i < row->n_review_scores; i++)
    json_builder_add_double_value (builder, row->review_scores[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint c = 0; c < row->n_criteria; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      json_builder_begin_object (builder);
      add_string (builder, "criterion", criterion->uuid);
      add_number (builder, "mean", row->criterion_means[c]);
      add_int (builder, "answers", row->criterion_answers[c]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
spire_ranking_to_json (SpireRanking *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GListModel) meeting = NULL;

  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "cohort", self->cohort_uuid);
  add_string (builder, "rubric", self->rubric_uuid);
  add_int (builder, "rubric_version", self->rubric_version);
  add_number (builder, "scale_min", self->scale_min);
  add_number (builder, "scale_max", self->scale_max);
  add_string (builder, "aggregation", spire_aggregation_to_string (self->aggregation));
  add_string (builder, "normalisation", self->normalised ? "per_evaluator" : "none");
  add_number (builder, "disagreement_threshold", self->threshold);
  add_string (builder, "disagreement_measure", "sd");

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint c = 0; c < self->criteria->len; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      json_builder_begin_object (builder);
      add_string (builder, "uuid", criterion->uuid);
      add_string (builder, "name", criterion->name);
      add_string (builder, "kind", spire_criterion_kind_to_string (criterion->kind));
      add_number (builder, "weight", criterion->weight);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "applications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rows->len; i++)
    add_row (self, builder, g_ptr_array_index (self->rows, i));
  json_builder_end_array (builder);

  meeting = spire_ranking_get_meeting_order (self);
  json_builder_set_member_name (builder, "meeting_order");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (meeting); i++)
    {
      g_autoptr (SpireRankRow) row = g_list_model_get_item (meeting, i);

      json_builder_add_string_value (builder, row->application_uuid);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
