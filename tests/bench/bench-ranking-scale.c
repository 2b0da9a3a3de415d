/* bench-ranking-scale.c — `spire-cli rank --json` of the largest cohort
 * against the sqlite3 tool, at each size given, and how the cost grows
 *
 *   bench-ranking-scale [-n 5] --cli PATH/spire-cli DATABASE…
 *
 * For each DATABASE (the large demo, then the xlarge one: `spire-cli demo
 * --size large|xlarge`; they are not made here) it finds the cohort with
 * the most applications and runs, N times each after one warm-up run, as
 * separate processes (so that each one's peak memory is its own, from
 * wait4):
 *
 *   rank   spire-cli --database DATABASE rank --cohort UUID --json > /dev/null
 *   floor  sqlite3 DATABASE reading the same score rows with their reviews
 *          (FLOOR_SQL), with the pragmas Spire's store sets (the same page
 *          cache and memory map: the file's pages it touches count in both
 *          peaks alike) > /dev/null
 *
 * and prints the median wall time and CPU time (user + system) of each,
 * their ratio (goal ≤ 1.5), the peak resident memory of each (goal ≤ 60
 * MiB), and for every DATABASE after the first its figures over the
 * first's (goal: linear, 10–12 × from large to xlarge).  The machine is
 * shared: CPU time is steadier than wall time.  Exit status 0 always (it
 * measures, it does not judge), unless something fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-ranking"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spire-core.h"

#define FLOOR_SQL                                                                         \
  "SELECT r.uuid, r.application, r.evaluator, r.stale, r.rubric_version, s.criterion,"    \
  " s.value FROM applications a JOIN reviews r ON r.application = a.uuid"                 \
  " JOIN scores s ON s.review = r.uuid WHERE a.cohort = '%s' AND r.state = 'submitted'"

/* As spire-store.c's setup_connection */
#define STORE_PRAGMAS "PRAGMA cache_size = -8192; PRAGMA mmap_size = 0;"

typedef struct
{
  double wall; /* s */
  double cpu;  /* s, user + system */
  double rss;  /* MiB, peak */
} Run;

/* Runs @argv once with standard output to /dev/null. */
static gboolean
run_once (char **argv, Run *run)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed (status %d)\n", argv[0], status);
      return FALSE;
    }
  run->wall = (g_get_monotonic_time () - start) / 1e6;
  run->cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
             usage.ru_stime.tv_usec / 1e6;
  run->rss = usage.ru_maxrss / 1024.0;
  return TRUE;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One warm-up run, then @n: the median of each figure. */
static gboolean
measure (char **argv, guint n, Run *out)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  g_autofree double *rss = g_new (double, n);
  Run run;

  if (!run_once (argv, &run))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!run_once (argv, &run))
        return FALSE;
      wall[i] = run.wall;
      cpu[i] = run.cpu;
      rss[i] = run.rss;
    }
  out->wall = median (wall, n);
  out->cpu = median (cpu, n);
  out->rss = median (rss, n);
  return TRUE;
}

static char *
largest_cohort (const char *path, gint64 *n_apps, gint64 *n_scores)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (GPtrArray) cohorts = NULL;
  char *best = NULL;

  if (store == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NULL;
    }
  cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, &error);
  *n_apps = -1;
  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    {
      const char *uuid = spire_record_get_uuid (g_ptr_array_index (cohorts, i));
      gint64 n = spire_store_count (store, &spire_kind_application, "cohort", uuid);

      if (n > *n_apps)
        {
          g_free (best);
          best = g_strdup (uuid);
          *n_apps = n;
        }
    }
  if (best != NULL)
    {
      g_autoptr (SpireRanking) ranking = spire_rank_cohort (store, best, NULL, &error);

      *n_scores = 0;
      for (guint i = 0; ranking && i < spire_ranking_get_n_rows (ranking); i++)
        *n_scores += spire_rank_row_get_n_reviews (spire_ranking_get_row (ranking, i));
    }
  return best;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *cli = NULL;
  int repetitions = 5;
  Run first_rank = { 0 }, first_floor = { 0 };
  GOptionEntry entries[] = {
    { "repetitions", 'n', 0, G_OPTION_ARG_INT, &repetitions, "Runs of each measurement", "N" },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "The spire-cli to run", "PATH" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("DATABASE… — spire-cli rank against sqlite3, by size");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || cli == NULL ||
      repetitions < 1)
    {
      g_printerr ("%s\n", error ? error->message
                                : "usage: bench-ranking-scale [-n N] --cli SPIRE-CLI DATABASE…");
      return 2;
    }

  g_print ("repetitions %d after one warm-up run; medians; CPU = user + system\n", repetitions);
  for (int d = 1; d < argc; d++)
    {
      gint64 n_apps = 0, n_reviews = 0;
      g_autofree char *cohort = largest_cohort (argv[d], &n_apps, &n_reviews);
      g_autofree char *floor_sql = NULL;
      Run rank, floor;

      if (cohort == NULL)
        return 1;
      g_assert (g_uuid_string_is_valid (cohort)); /* safe to quote */
      floor_sql = g_strdup_printf (STORE_PRAGMAS FLOOR_SQL, cohort);
      if (!measure ((char *[]) { cli, "--database", argv[d], "rank", "--cohort", cohort,
                                 "--json", NULL },
                    repetitions, &rank) ||
          !measure ((char *[]) { "sqlite3", argv[d], floor_sql, NULL }, repetitions, &floor))
        return 1;

      g_print ("\n%s\n", argv[d]);
      g_print ("  cohort %s: %" G_GINT64_FORMAT " applications, %" G_GINT64_FORMAT
               " counted reviews\n",
               cohort, n_apps, n_reviews);
      g_print ("                 wall        CPU     peak RSS\n");
      g_print ("  rank --json %7.3f s  %7.3f s  %7.1f MiB\n", rank.wall, rank.cpu, rank.rss);
      g_print ("  floor       %7.3f s  %7.3f s  %7.1f MiB   (sqlite3, the same rows)\n",
               floor.wall, floor.cpu, floor.rss);
      g_print ("  ratio       %7.2f    %7.2f    %7.2f       (goal ≤ 1.5; ≤ 60 MiB)\n",
               rank.wall / floor.wall, rank.cpu / MAX (floor.cpu, 1e-3), rank.rss / floor.rss);
      if (d == 1)
        {
          first_rank = rank;
          first_floor = floor;
        }
      else
        g_print ("  over the first: rank %.1f × wall, %.1f × CPU; floor %.1f × wall, "
                 "%.1f × CPU   (linear: 10–12 × from large to xlarge)\n",
                 rank.wall / first_rank.wall, rank.cpu / MAX (first_rank.cpu, 1e-3),
                 floor.wall / first_floor.wall, floor.cpu / MAX (first_floor.cpu, 1e-3));
    }
  return 0;
}
