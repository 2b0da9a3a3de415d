/* spire-ranking-reader.c — reading a cohort for its ranking
 *
 * The rubric and its criteria, the applications that take part, the
 * submitted reviews with their scores and the assignments still missing a
 * review, all in one read transaction so that every query sees the same
 * database.  Reads through the store's cached statements (a worker thread
 * ranks on the job's own store: spire-job-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-error.h"
#include "spire-ranking-private.h"
#include "spire-store-private.h"

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

/* The conflicts of interest (not dismissed: the rule of
 * spire_conflict_blocks()) between an evaluator and an application that
 * takes part, by the application or by its startup; for each pair the
 * first in this order counts (confirmed first, then the oldest).  Read once
 * and looked up per review: a subquery per score row cost more than the
 * scores themselves. */
#define CONFLICTS_BY(join)                                                           \
  "SELECT c.evaluator, a.uuid, c.kind, c.confirmed, c.created_at, c.id"             \
  " FROM applications a JOIN conflicts c ON " join                                  \
  " WHERE a.cohort = ?1 AND " TAKES_PART " AND c.dismissed_at IS NULL"

static const char sql_conflicts[] =
  CONFLICTS_BY ("c.application = a.uuid") " UNION ALL " CONFLICTS_BY ("c.startup = a.startup")
  " ORDER BY 4 DESC, 5, 6";

/* One row per score of a submitted review (one with NULL criterion for a
 * review without scores).  A review is stale when marked so or written
 * under another rubric version (?2). */
static const char sql_reviews[] =
  "SELECT r.id, r.uuid, r.application, r.evaluator,"
  " r.stale OR (r.rubric_version IS NOT NULL AND r.rubric_version <> ?2),"
  " s.criterion, s.value"
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

char *
_spire_rank_column_dup (sqlite3_stmt *stmt, int col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

double
_spire_rank_column_real (sqlite3_stmt *stmt, int col)
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
app_clear (gpointer data)
{
  RankApp *app = data;

  g_free (app->uuid);
  g_free (app->title);
  g_free (app->status);
  g_free (app->startup);
  g_free (app->challenge);
  g_clear_pointer (&app->reviews, g_array_unref);
}

static void
submission_clear (gpointer data)
{
  g_free (((RankSubmission *) data)->uuid);
  g_free (((RankSubmission *) data)->conflict);
}

void
_spire_rank_input_init (RankInput *input)
{
  input->apps = g_array_new (FALSE, TRUE, sizeof (RankApp));
  input->reviews = g_array_new (FALSE, TRUE, sizeof (RankSubmission));
  input->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_set_clear_func (input->apps, app_clear);
  g_array_set_clear_func (input->reviews, submission_clear);
}

void
_spire_rank_input_clear (RankInput *input)
{
  g_clear_pointer (&input->apps, g_array_unref);
  g_clear_pointer (&input->reviews, g_array_unref);
  g_clear_pointer (&input->values, g_array_unref);
}

/* Rubric and criteria into @self; @index maps criterion UUID → index + 1. */
static gboolean
read_rubric (SpireRanking *self, SpireStore *store, GHashTable *index, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _spire_store_prepare (store, sql_cohort, error);
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
    return _spire_store_set_error (store, rc, error);

  stmt = _spire_store_prepare (store, sql_rubric, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->cohort_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->rubric_uuid = _spire_rank_column_dup (stmt, 0);
      self->scale_min = sqlite3_column_double (stmt, 1);
      self->scale_max = sqlite3_column_double (stmt, 2);
      self->aggregation =
        spire_aggregation_from_string ((const char *) sqlite3_column_text (stmt, 3));
      self->normalised =
        g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "per_evaluator") == 0;
      self->threshold = _spire_rank_column_real (stmt, 5);
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
    return _spire_store_set_error (store, rc, error);

  stmt = _spire_store_prepare (store, sql_criteria, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->rubric_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpireRankCriterion *c = g_new0 (SpireRankCriterion, 1);

      c->uuid = _spire_rank_column_dup (stmt, 0);
      c->name = _spire_rank_column_dup (stmt, 1);
      c->weight = sqlite3_column_double (stmt, 2);
      c->kind = spire_criterion_kind_from_string ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (self->criteria, c);
      g_hash_table_insert (index, c->uuid, GUINT_TO_POINTER (self->criteria->len));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  return TRUE;
}


/* The applications that take part; @app_index maps UUID → index + 1. */
static gboolean
read_applications (SpireRanking *self, SpireStore *store, RankInput *input,
                   GHashTable *app_index, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _spire_store_prepare (store, sql_applications, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->cohort_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RankApp app = { 0 };

      app.uuid = _spire_rank_column_dup (stmt, 0);
      app.title = _spire_rank_column_dup (stmt, 1);
      app.status = _spire_rank_column_dup (stmt, 2);
      app.startup = _spire_rank_column_dup (stmt, 3);
      app.challenge = _spire_rank_column_dup (stmt, 4);
      app.reviews = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (input->apps, app);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  for (guint i = 0; i < input->apps->len; i++)
    g_hash_table_insert (app_index, g_array_index (input->apps, RankApp, i).uuid,
                         GUINT_TO_POINTER (i + 1));
  return TRUE;
}

/* A new review from the current row of sql_reviews; its index, or
 * G_MAXUINT when its application does not take part. */
/* The key of an evaluator and an application in the conflicts' table. */
static char *
pair_key (const char *evaluator, const char *application)
{
  return g_strconcat (evaluator, " ", application, NULL);
}

static guint
add_review (sqlite3_stmt *stmt, RankInput *input, GHashTable *app_index,
            GHashTable *evaluator_index, GHashTable *conflicts, guint nc)
{
  RankSubmission review = { 0 };
  gpointer app = g_hash_table_lookup (app_index, sqlite3_column_text (stmt, 2));
  const char *evaluator = (const char *) sqlite3_column_text (stmt, 3);
  GArray *values = input->values;
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
  review.uuid = _spire_rank_column_dup (stmt, 1);
  review.app = GPOINTER_TO_UINT (app) - 1;
  review.evaluator = GPOINTER_TO_UINT (e);
  review.stale = sqlite3_column_int (stmt, 4) != 0;
  if (g_hash_table_size (conflicts) > 0)
    {
      g_autofree char *key = pair_key (evaluator, (const char *) sqlite3_column_text (stmt, 2));

      review.conflict = g_strdup (g_hash_table_lookup (conflicts, key));
    }
  review.left_out = review.conflict != NULL;
  index = input->reviews->len;
  g_array_append_val (input->reviews, review);
  g_array_append_val (g_array_index (input->apps, RankApp, review.app).reviews, index);
  g_array_set_size (values, values->len + nc);
  for (guint k = values->len - nc; k < values->len; k++)
    g_array_index (values, double, k) = NAN;
  return index;
}

/* Submitted reviews and their scores; @evaluator_index maps evaluator UUID
 * → a number from 1 (for the normalisation per evaluator). */
static gboolean
read_reviews (SpireRanking *self, SpireStore *store, RankInput *input, GHashTable *app_index,
              GHashTable *criterion_index, GHashTable *evaluator_index, GHashTable *conflicts,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) review_index = g_hash_table_new (g_str_hash, g_str_equal);
  guint nc = self->criteria->len;
  guint rows_read = 0;
  gint64 last_id = G_MININT64;
  guint current = G_MAXUINT;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _spire_store_prepare (store, sql_reviews, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->cohort_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->rubric_version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *criterion;
      guint c;

      if ((++rows_read & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_reset (stmt);
          return set_cancelled (error);
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
              current = add_review (stmt, input, app_index, evaluator_index, conflicts, nc);
              if (current != G_MAXUINT)
                g_hash_table_insert (review_index,
                                     g_array_index (input->reviews, RankSubmission, current).uuid,
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
      g_array_index (input->values, double, (gsize) current * nc + c - 1) =
        _spire_rank_column_real (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  return TRUE;
}

/* The conflicts of interest: "evaluator application" → kind (the first
 * that counts) */
static gboolean
read_conflicts (SpireRanking *self, SpireStore *store, GHashTable *conflicts, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _spire_store_prepare (store, sql_conflicts, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->cohort_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = pair_key ((const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1));

      if (g_hash_table_contains (conflicts, key))
        g_free (key);
      else
        g_hash_table_insert (conflicts, key, _spire_rank_column_dup (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  return TRUE;
}

/* Assignments still missing a submitted review */
static gboolean
read_missing (SpireRanking *self, SpireStore *store, RankInput *input, GHashTable *app_index,
              GHashTable *evaluator_index, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _spire_store_prepare (store, sql_assignments, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->cohort_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer app = g_hash_table_lookup (app_index, sqlite3_column_text (stmt, 0));
      guint evaluator = GPOINTER_TO_UINT (g_hash_table_lookup (evaluator_index,
                                                               sqlite3_column_text (stmt, 1)));
      gboolean submitted = FALSE;
      RankApp *a;

      if (app == NULL)
        continue;
      a = &g_array_index (input->apps, RankApp, GPOINTER_TO_UINT (app) - 1);
      for (guint j = 0; evaluator != 0 && j < a->reviews->len && !submitted; j++)
        submitted = g_array_index (input->reviews, RankSubmission,
                                   g_array_index (a->reviews, guint, j)).evaluator == evaluator;
      if (!submitted)
        a->n_missing++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  return TRUE;
}

gboolean
_spire_rank_read (SpireRanking *self, SpireStore *store, RankInput *input,
                  GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) criterion_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) app_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) evaluator_index =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = _spire_store_get_db (store);
  gboolean in_transaction = FALSE;
  gboolean ok;

  /* One read transaction, so that all queries see the same database. */
  if (sqlite3_get_autocommit (db) && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    in_transaction = TRUE;

  ok = read_rubric (self, store, criterion_index, error)
       && read_applications (self, store, input, app_index, error)
       && read_conflicts (self, store, conflicts, error)
       && read_reviews (self, store, input, app_index, criterion_index, evaluator_index,
                        conflicts, cancellable, error)
       && read_missing (self, store, input, app_index, evaluator_index, error);
  if (ok && g_cancellable_is_cancelled (cancellable))
    ok = set_cancelled (error);

  if (in_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return ok;
}
