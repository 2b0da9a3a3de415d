/* bench-followup.c — how fast are a program's funnel, impact and board?
 *
 *   bench-followup [--repetitions N] [DATABASE]
 *
 * Without DATABASE it makes the large demo (spire_demo_fill,
 * SPIRE_DEMO_LARGE) in a temporary directory and removes it afterwards;
 * with one it uses that file, filling it first when it holds no
 * applications.  It finds the program with the most applications and
 * times, N times each after one warm-up run (best and median):
 *
 *   funnel  spire_funnel_for_program() on that program;
 *   floor   a plain query through the sqlite3 C API, on a connection of its
 *           own, reading the same rows: the program's applications with
 *           their status, whether each has a submitted review, and their
 *           deals' stages;
 *   impact  spire_program_impact() on that program;
 *   floor   the same for its deals: value, stage and procedure, and their
 *           gains (the invested sum beside them);
 *   cards   spire_deal_cards() for the program (what the board loads),
 *           without a floor.
 *
 * The same again for the program with the most deals when that is another
 * one, and the cards of every deal (2 000 in the large set).
 *
 * Issue 8's goal: funnel and impact ≤ 2 × their floor.  Exit status 0
 * always (it measures, it does not judge), unless something fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-followup"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bench-floor.h"
#include "bench-store.h"
#include "bench-util.h"
#include "spire-core.h"

#define FUNNEL_FLOOR_SQL                                                            \
  "SELECT a.uuid, a.status,"                                                        \
  " EXISTS (SELECT 1 FROM reviews r"                                                \
  "         WHERE r.application = a.uuid AND r.state = 'submitted'),"              \
  " d.stage"                                                                        \
  " FROM applications a JOIN cohorts c ON c.uuid = a.cohort"                        \
  " LEFT JOIN deals d ON d.application = a.uuid"                                    \
  " WHERE c.program = ?1"

#define IMPACT_FLOOR_SQL                                                            \
  "WITH apps AS (SELECT a.uuid, a.startup, a.status FROM applications a"           \
  "              JOIN cohorts c ON c.uuid = a.cohort WHERE c.program = ?1)"        \
  " SELECT d.stage, d.value, d.procedure, g.expected, g.realised,"                  \
  "  (SELECT sum (invested) FROM cohorts WHERE program = ?1)"                       \
  " FROM deals d LEFT JOIN gains g ON g.deal = d.uuid"                              \
  " WHERE d.application IN (SELECT uuid FROM apps)"                                 \
  "  OR (d.application IS NULL"                                                     \
  "      AND d.startup IN (SELECT startup FROM apps WHERE status = 'accepted'))"

/* The timed things */

typedef struct
{
  SpireStore *store;
  const char *program;
  guint n; /* what the last run gave: deals, cards */
} SpireData;

static gboolean
run_funnel (gpointer data, GError **error)
{
  SpireData *d = data;
  SpireFunnel funnel;

  if (!spire_funnel_for_program (d->store, d->program, &funnel, error))
    return FALSE;
  d->n = (guint) funnel.applied;
  return TRUE;
}

static gboolean
run_impact (gpointer data, GError **error)
{
  SpireData *d = data;
  g_autoptr (SpireImpact) impact = spire_program_impact (d->store, d->program, error);

  if (impact == NULL)
    return FALSE;
  d->n = impact->n_deals;
  return TRUE;
}

static gboolean
run_cards (gpointer data, GError **error)
{
  SpireData *d = data;
  g_autoptr (GPtrArray) cards = spire_deal_cards (d->store, NULL, d->program, NULL, error);

  if (cards == NULL)
    return FALSE;
  d->n = cards->len;
  return TRUE;
}

static char *
find_largest_program (SpireStore *store, gint64 *n_out, GError **error)
{
  g_autoptr (GPtrArray) cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, error);
  g_autoptr (GHashTable) per_program = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  gint64 most = -1;

  if (cohorts == NULL)
    return NULL;
  for (guint i = 0; i < cohorts->len; i++)
    {
      SpireRecord *c = g_ptr_array_index (cohorts, i);
      const char *program = spire_record_get_text (c, "program");
      gint64 n = spire_store_count (store, &spire_kind_application, "cohort",
                                    spire_record_get_uuid (c));

      n += GPOINTER_TO_SIZE (g_hash_table_lookup (per_program, program));
      g_hash_table_insert (per_program, (gpointer) program, GSIZE_TO_POINTER (n));
    }
  g_hash_table_iter_init (&iter, per_program);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if ((gint64) GPOINTER_TO_SIZE (value) > most ||
        ((gint64) GPOINTER_TO_SIZE (value) == most && g_strcmp0 (key, best) < 0))
      {
        best = key;
        most = (gint64) GPOINTER_TO_SIZE (value);
      }
  *n_out = most;
  return g_strdup (best);
}

/* The program with the most deals (its own and its accepted startups'
 * later ones), as spire_program_impact() counts them. */
static char *
find_busiest_program (SpireStore *store, guint *n_out, GError **error)
{
  g_autoptr (GPtrArray) programs = spire_store_list (store, &spire_kind_program, NULL, NULL,
                                                     error);
  char *best = NULL;

  if (programs == NULL)
    return NULL;
  *n_out = 0;
  for (guint i = 0; i < programs->len; i++)
    {
      const char *uuid = spire_record_get_uuid (g_ptr_array_index (programs, i));
      g_autoptr (SpireImpact) impact = spire_program_impact (store, uuid, error);

      if (impact == NULL)
        {
          g_free (best);
          return NULL;
        }
      if (best == NULL || impact->n_deals > *n_out)
        {
          g_free (best);
          best = g_strdup (uuid);
          *n_out = impact->n_deals;
        }
    }
  return best;
}

static double
ms (gint64 us)
{
  return us / 1000.0;
}

typedef struct
{
  const char *name;
  gint64 best, median;
} Figure;

static void
print_pair (const Figure *spire, const Figure *floor)
{
  g_print ("%-20s %9.2f ms %9.2f ms\n", spire->name, ms (spire->best), ms (spire->median));
  g_print ("%-20s %9.2f ms %9.2f ms\n", floor->name, ms (floor->best), ms (floor->median));
  g_print ("%-20s %9.2f    %9.2f      (goal ≤ 2)\n", "  ratio",
           (double) spire->best / MAX (floor->best, 1),
           (double) spire->median / MAX (floor->median, 1));
}

/* Fills an empty database with the large demo. */
static gboolean
ensure_filled (SpireStore *store, const char *path, GError **error)
{
  gint64 start = g_get_monotonic_time ();

  if (spire_store_count (store, &spire_kind_application, NULL, NULL) > 0)
    return TRUE;
  if (!bench_fill_demo (store, path, error))
    return FALSE;
  g_printerr ("Filled in %.1f s.\n", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

static gboolean
bench_program (SpireStore *store, const char *path, const char *program, const char *why,
               guint repetitions, GError **error)
{
  SpireData d = { store, program, 0 };
  BenchFloor sql_floor = { .key = program };
  Figure funnel = { "funnel" }, funnel_floor = { "  floor (sqlite3)" };
  Figure impact = { "impact" }, impact_floor = { "  floor (sqlite3)" };
  Figure cards = { "deal cards" };
  guint funnel_rows = 0, impact_rows = 0, n_apps, n_deals;

  if (!bench_measure (run_funnel, &d, repetitions, &funnel.best, &funnel.median, error) ||
      !bench_floor_measure (path, FUNNEL_FLOOR_SQL, &sql_floor, repetitions, &funnel_floor.best,
                            &funnel_floor.median, error))
    return FALSE;
  n_apps = d.n;
  funnel_rows = sql_floor.rows;
  if (!bench_measure (run_impact, &d, repetitions, &impact.best, &impact.median, error) ||
      !bench_floor_measure (path, IMPACT_FLOOR_SQL, &sql_floor, repetitions, &impact_floor.best,
                            &impact_floor.median, error))
    return FALSE;
  n_deals = d.n;
  impact_rows = sql_floor.rows;
  if (!bench_measure (run_cards, &d, repetitions, &cards.best, &cards.median, error))
    return FALSE;

  g_print ("\nprogram      %s (%s): %u applications, %u deals\n", program, why, n_apps,
           n_deals);
  g_print ("floor rows   funnel %u, impact %u\n", funnel_rows, impact_rows);
  g_print ("%-20s %12s %12s\n", "", "best", "median");
  print_pair (&funnel, &funnel_floor);
  print_pair (&impact, &impact_floor);
  g_print ("%-20s %9.2f ms %9.2f ms   (%u cards, the board's load)\n", cards.name,
           ms (cards.best), ms (cards.median), d.n);
  return TRUE;
}

static gboolean
bench (SpireStore *store, const char *path, guint repetitions, GError **error)
{
  g_autofree char *largest = NULL;
  g_autofree char *busiest = NULL;
  gint64 n_apps = 0;
  guint n_deals = 0;
  SpireData d = { store, NULL, 0 };
  Figure all_cards = { "deal cards, all" };

  if (!ensure_filled (store, path, error) ||
      (largest = find_largest_program (store, &n_apps, error)) == NULL ||
      (busiest = find_busiest_program (store, &n_deals, error)) == NULL)
    return FALSE;

  g_print ("database     %s\n", path);
  g_print ("repetitions  %u (after one warm-up run)\n", repetitions);
  if (!bench_program (store, path, largest, "most applications", repetitions, error))
    return FALSE;
  if (!g_str_equal (largest, busiest) &&
      !bench_program (store, path, busiest, "most deals", repetitions, error))
    return FALSE;

  if (!bench_measure (run_cards, &d, repetitions, &all_cards.best, &all_cards.median, error))
    return FALSE;
  g_print ("\n%-20s %9.2f ms %9.2f ms   (%u cards: every deal)\n", all_cards.name,
           ms (all_cards.best), ms (all_cards.median), d.n);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int repetitions = 7;
  gboolean ok;
  GOptionEntry entries[] = {
    { "repetitions", 'n', 0, G_OPTION_ARG_INT, &repetitions, "Runs of each measurement", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("[DATABASE] — time a program's funnel, impact and board");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2 || repetitions < 1)
    {
      g_printerr ("%s\n", error ? error->message : "usage: bench-followup [-n N] [DATABASE]");
      return 2;
    }

  if (argc == 2)
    path = g_strdup (argv[1]);
  else if ((dir = g_dir_make_tmp ("spire-bench-followup-XXXXXX", &error)) != NULL)
    path = g_build_filename (dir, "spire.db", NULL);
  else
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  store = spire_store_open (path, &error);
  ok = store != NULL && bench (store, path, (guint) repetitions, &error);
  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;

      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
