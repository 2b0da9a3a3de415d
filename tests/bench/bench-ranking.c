/* bench-ranking.c — how fast is ranking the largest cohort?
 *
 *   bench-ranking [--repetitions N] [--synthetic] DATABASE
 *
 * Opens DATABASE (creating it when missing), fills an empty one with the
 * large demo data (spire_demo_fill, SPIRE_DEMO_LARGE) or — when that is not
 * available, or with --synthetic — with one synthetic cohort of the same
 * shape (4 000 applications, 3 submitted reviews × 8 criteria each), finds
 * the cohort with the most applications and times, N times each (best and
 * median):
 *
 *   rank   spire_rank_cohort() on that cohort;
 *   floor  a plain query reading the same score rows, stepped to the end on
 *          a connection of its own (no Spire code in between);
 *   cli    the sqlite3 command-line tool running that query on the file,
 *          which is the same as the shell line
 *            time sqlite3 DATABASE "SELECT s.review, s.criterion, s.value
 *              FROM scores s JOIN reviews r ON r.uuid = s.review
 *              JOIN applications a ON a.uuid = r.application
 *              WHERE a.cohort = 'UUID' AND r.state = 'submitted'" > /dev/null
 *          (this includes starting the process).
 *
 * The goal: rank ≤ 3 × floor.  Exit status 0 always (it measures, it does
 * not judge), unless something fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bench-floor.h"
#include "bench-store.h"
#include "bench-util.h"
#include "spire-core.h"

#define FLOOR_SQL                                                                     \
  "SELECT s.review, s.criterion, s.value FROM scores s"                               \
  " JOIN reviews r ON r.uuid = s.review JOIN applications a ON a.uuid = r.application" \
  " WHERE a.cohort = ?1 AND r.state = 'submitted'"

#define N_CRITERIA 8
#define N_REVIEWS 3
#define N_APPLICATIONS 4000
#define N_EVALUATORS 12

/* Synthetic data */

static gboolean
save (SpireStore *store, SpireRecord *record, GError **error)
{
  return spire_store_save (store, record, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_NO_VALIDATE, NULL,
                           error);
}

static char *
save_new (SpireStore *store, const SpireKind *kind, GError **error, const char *first, ...)
{
  g_autoptr (SpireRecord) record = spire_record_new (kind);
  g_autofree char *uuid = spire_uuid_new ();
  const char *field;
  va_list args;

  spire_record_set_text (record, "uuid", uuid);
  va_start (args, first);
  for (field = first; field != NULL; field = va_arg (args, const char *))
    spire_record_set_text (record, field, va_arg (args, const char *));
  va_end (args);
  if (!save (store, record, error))
    return NULL;
  return g_steal_pointer (&uuid);
}

/* The synthetic cohort's program, cohort (its UUID in @cohort), rubric and
 * criteria (their UUIDs in @criteria) */
static gboolean
fill_synthetic_cohort (SpireStore *store, char **cohort, char **criteria, GError **error)
{
  g_autofree char *program = NULL, *rubric = NULL;

  program = save_new (store, &spire_kind_program, error, "name", "Benchmark", "kind",
                      "accelerator", NULL);
  if (program == NULL)
    return FALSE;
  {
    g_autoptr (SpireRecord) c = spire_record_new (&spire_kind_cohort);

    *cohort = spire_uuid_new ();
    spire_record_set_text (c, "uuid", *cohort);
    spire_record_set_text (c, "program", program);
    spire_record_set_text (c, "name", "Stort kull");
    spire_record_set_text (c, "phase", "evaluation");
    spire_record_set_int (c, "seats", 20);
    if (!save (store, c, error))
      return FALSE;
  }
  {
    g_autoptr (SpireRecord) r = spire_record_new (&spire_kind_rubric);

    rubric = spire_uuid_new ();
    spire_record_set_text (r, "uuid", rubric);
    spire_record_set_text (r, "cohort", *cohort);
    spire_record_set_int (r, "scale_min", 1);
    spire_record_set_int (r, "scale_max", 7);
    spire_record_set_text (r, "aggregation", "mean");
    spire_record_set_text (r, "normalisation", "per_evaluator");
    spire_record_set_real (r, "disagreement_threshold", 1.0);
    spire_record_set_int (r, "version", 1);
    if (!save (store, r, error))
      return FALSE;
  }
  for (guint c = 0; c < N_CRITERIA; c++)
    {
      g_autoptr (SpireRecord) r = spire_record_new (&spire_kind_criterion);
      g_autofree char *name = g_strdup_printf ("Kriterium %u", c + 1);

      criteria[c] = spire_uuid_new ();
      spire_record_set_text (r, "uuid", criteria[c]);
      spire_record_set_text (r, "rubric", rubric);
      spire_record_set_int (r, "position", c + 1);
      spire_record_set_text (r, "name", name);
      spire_record_set_real (r, "weight", c < 2 ? 2 : 1);
      spire_record_set_text (r, "kind", c == N_CRITERIA - 1 ? "gate" : "scored");
      if (!save (store, r, error))
        return FALSE;
    }
  return TRUE;
}

/* The synthetic cohort's panel and applications, each with N_REVIEWS
 * submitted reviews of every criterion (2 % not answered) */
static gboolean
fill_synthetic_applications (SpireStore *store, const char *cohort, char **criteria,
                             char **evaluators, GError **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20251123);

  for (guint e = 0; e < N_EVALUATORS; e++)
    {
      g_autofree char *name = g_strdup_printf ("Panelmedlem %u", e + 1);
      g_autofree char *person = save_new (store, &spire_kind_person, error, "name", name, NULL);

      if (person == NULL)
        return FALSE;
      evaluators[e] = save_new (store, &spire_kind_evaluator, error, "cohort", cohort,
                                "person", person, "role", "member", NULL);
      if (evaluators[e] == NULL)
        return FALSE;
    }
  for (guint i = 0; i < N_APPLICATIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Oppstart %u AS", i + 1);
      g_autofree char *title = g_strdup_printf ("Søknad %u", i + 1);
      g_autofree char *startup = save_new (store, &spire_kind_startup, error, "name", name,
                                           NULL);
      g_autofree char *application = NULL;

      if (startup == NULL)
        return FALSE;
      application = save_new (store, &spire_kind_application, error, "cohort", cohort,
                              "startup", startup, "title", title, "status", "in_review", NULL);
      if (application == NULL)
        return FALSE;
      for (guint k = 0; k < N_REVIEWS; k++)
        {
          const char *evaluator = evaluators[(i + k * 5) % N_EVALUATORS];
          g_autofree char *assignment = NULL, *review = NULL;

          assignment = save_new (store, &spire_kind_assignment, error, "evaluator", evaluator,
                                 "application", application, "state", "submitted", NULL);
          review = save_new (store, &spire_kind_review, error, "evaluator", evaluator,
                             "application", application, "state", "submitted", NULL);
          if (assignment == NULL || review == NULL)
            return FALSE;
          for (guint c = 0; c < N_CRITERIA; c++)
            {
              g_autoptr (SpireRecord) s = spire_record_new (&spire_kind_score);
              g_autofree char *uuid = spire_uuid_new ();

              spire_record_set_text (s, "uuid", uuid);
              spire_record_set_text (s, "review", review);
              spire_record_set_text (s, "criterion", criteria[c]);
              if (g_rand_int_range (rand, 0, 50) != 0) /* 2 % N/A */
                spire_record_set_real (s, "value", g_rand_int_range (rand, 1, 8));
              if (!save (store, s, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
fill_synthetic (SpireStore *store, GError **error)
{
  g_autofree char *cohort = NULL;
  char *criteria[N_CRITERIA] = { 0 };
  char *evaluators[N_EVALUATORS] = { 0 };
  gboolean ok;

  if (!spire_store_begin (store, error))
    return FALSE;
  ok = fill_synthetic_cohort (store, &cohort, criteria, error) &&
       fill_synthetic_applications (store, cohort, criteria, evaluators, error);
  for (guint i = 0; i < N_CRITERIA; i++)
    g_free (criteria[i]);
  for (guint i = 0; i < N_EVALUATORS; i++)
    g_free (evaluators[i]);
  if (!ok)
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

/* The timed things */

typedef struct
{
  SpireStore *store;
  const char *cohort;
  guint rows;
} RankData;

static gboolean
run_rank (gpointer data, GError **error)
{
  RankData *d = data;
  g_autoptr (SpireRanking) ranking = spire_rank_cohort (d->store, d->cohort, NULL, error);

  if (ranking == NULL)
    return FALSE;
  d->rows = spire_ranking_get_n_rows (ranking);
  return TRUE;
}

/* The floor reads every column as the ranking does: the value as a number. */
static void
read_score_row (sqlite3_stmt *stmt)
{
  sqlite3_column_text (stmt, 0);
  sqlite3_column_text (stmt, 1);
  sqlite3_column_double (stmt, 2);
}

typedef struct
{
  char **argv;
} CliData;

static gboolean
run_cli (gpointer data, GError **error)
{
  CliData *d = data;
  int status;

  if (!g_spawn_sync (NULL, d->argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, error))
    return FALSE;
  return g_spawn_check_wait_status (status, error);
}

static double
ms (gint64 us)
{
  return us / 1000.0;
}

/* An empty database filled with the large demo data, or with synthetic
 * data when that is not available or @synthetic is set.  A database with
 * applications is left as it is. */
static gboolean
fill_if_empty (SpireStore *store, const char *path, gboolean synthetic, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  gboolean filled = FALSE;

  if (spire_store_count (store, &spire_kind_application, NULL, NULL) != 0)
    return TRUE;
  if (!synthetic)
    {
      filled = bench_fill_demo (store, path, error);
      if (!filled)
        {
          g_printerr ("The demo data is not available (%s); using synthetic data.\n",
                      (*error)->message);
          g_clear_error (error);
        }
    }
  if (!filled)
    {
      g_printerr ("Filling %s with a synthetic cohort of %d applications …\n", path,
                  N_APPLICATIONS);
      if (!fill_synthetic (store, error))
        return FALSE;
    }
  g_printerr ("Filled in %.1f s.\n", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/* The sqlite3 tool running FLOOR_SQL on @path; FALSE (and a note) when it
 * cannot run */
static gboolean
measure_cli (const char *path, const char *cohort, int repetitions, gint64 *best, gint64 *median)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *cli_sql = NULL;
  CliData cli_data = { 0 };
  gboolean have_cli;

  /* the UUID was checked by the store, so quoting is safe */
  g_assert (g_uuid_string_is_valid (cohort));
  {
    g_autofree char *quoted = g_strdup_printf ("'%s'", cohort);
    GString *sql = g_string_new (FLOOR_SQL);

    g_string_replace (sql, "?1", quoted, 1);
    cli_sql = g_string_free (sql, FALSE);
  }
  cli_data.argv = (char *[]) { "sqlite3", (char *) path, cli_sql, NULL };
  have_cli = bench_measure (run_cli, &cli_data, repetitions, best, median, &error);
  if (!have_cli)
    g_printerr ("The sqlite3 tool could not run (%s); its line is left out.\n", error->message);
  return have_cli;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autofree char *cohort = NULL;
  guint n_apps = 0;
  int repetitions = 10;
  gboolean synthetic = FALSE;
  gint64 rank_best, rank_median, floor_best, floor_median, cli_best = 0, cli_median = 0;
  gboolean have_cli;
  RankData rank_data = { 0 };
  BenchFloor floor_data = { .read_row = read_score_row };
  GOptionEntry entries[] = {
    { "repetitions", 'n', 0, G_OPTION_ARG_INT, &repetitions, "Runs of each measurement", "N" },
    { "synthetic", 0, 0, G_OPTION_ARG_NONE, &synthetic,
      "Fill an empty database with synthetic data, not the demo", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("DATABASE — time ranking the largest cohort");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || repetitions < 1)
    {
      g_printerr ("%s\n", error ? error->message : "usage: bench-ranking [-n N] DATABASE");
      return 2;
    }

  store = spire_store_open (argv[1], &error);
  if (store == NULL || !fill_if_empty (store, argv[1], synthetic, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  cohort = bench_largest_cohort (store, &n_apps);
  if (cohort == NULL)
    {
      g_printerr ("There is no cohort.\n");
      return 1;
    }

  /* rank */
  rank_data.store = store;
  rank_data.cohort = cohort;
  if (!bench_measure (run_rank, &rank_data, repetitions, &rank_best, &rank_median, &error))
    {
      g_printerr ("Ranking failed: %s\n", error->message);
      return 1;
    }
  floor_data.key = cohort;
  if (!bench_floor_measure (argv[1], FLOOR_SQL, &floor_data, repetitions, &floor_best,
                            &floor_median, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  have_cli = measure_cli (argv[1], cohort, repetitions, &cli_best, &cli_median);

  g_print ("database     %s\n", argv[1]);
  g_print ("cohort       %s: %u applications, %u ranked, %u score rows\n",
           cohort, n_apps, rank_data.rows, floor_data.rows);
  g_print ("repetitions  %d (after one warm-up run)\n", repetitions);
  g_print ("                       best      median\n");
  g_print ("rank               %8.2f ms %8.2f ms\n", ms (rank_best), ms (rank_median));
  g_print ("floor (in process) %8.2f ms %8.2f ms\n", ms (floor_best), ms (floor_median));
  if (have_cli)
    g_print ("sqlite3 tool       %8.2f ms %8.2f ms\n", ms (cli_best), ms (cli_median));
  g_print ("ratio rank / floor        %6.2f    %6.2f   (goal ≤ 3)\n",
           (double) rank_best / MAX (floor_best, 1), (double) rank_median / MAX (floor_median, 1));
  if (have_cli)
    g_print ("ratio rank / sqlite3 tool %6.2f    %6.2f\n",
             (double) rank_best / MAX (cli_best, 1), (double) rank_median / MAX (cli_median, 1));
  return 0;
}
