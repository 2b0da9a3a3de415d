/* spire-impact.c — what a program gave: invested, signed, the weighted
 * pipeline, gains and their ratio to the investment, and its solutions
 * spreading from buyer to buyer
 *
 * DESIGN.md: the impact ratio is Σ realised gains / Σ invested, shown
 * beside the expected one.  A program's deals are those of its
 * applications, and the later deals of the startups it accepted (a
 * solution sold on to other municipalities after the program).
 * spire_program_impact_async reads the same on a connection of its own
 * (spire-job), for the window's program overview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-error.h"
#include "spire-followup-private.h"
#include "spire-job-private.h"
#include "spire-text.h"

static void
buyer_free (gpointer data)
{
  SpireBuyer *b = data;

  g_free (b->body_uuid);
  g_free (b->body_name);
  g_free (b->first_signed);
  g_free (b);
}

void
spire_solution_reach_free (SpireSolutionReach *reach)
{
  if (reach == NULL)
    return;
  g_free (reach->uuid);
  g_free (reach->name);
  g_free (reach->startup_name);
  g_clear_pointer (&reach->buyers, g_ptr_array_unref);
  g_free (reach);
}

SpireSolutionReach *
spire_solution_reach (SpireStore *store, const char *solution_uuid, GError **error)
{
  g_autoptr (SpireSolutionReach) reach = g_new0 (SpireSolutionReach, 1);
  g_autoptr (SpireRecord) solution = NULL;
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 total = 0;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if ((solution = spire_store_get (store, &spire_kind_solution, solution_uuid, error)) == NULL)
    return NULL;
  startup = spire_store_get (store, &spire_kind_startup,
                             spire_record_get_text (solution, "startup"), NULL);
  rows = _spire_store_query (store, error,
                             "SELECT b.uuid, b.name,"
                             " min (coalesce (d.signed_on, d.started_on)),"
                             " coalesce (sum (d.value), 0)"
                             " FROM deals d JOIN public_bodies b ON b.uuid = d.public_body"
                             " WHERE d.solution = ?"
                             "  AND d.stage IN ('signed', 'delivering', 'scaled')"
                             " GROUP BY b.uuid"
                             " ORDER BY 3, b.name COLLATE NB",
                             1, solution_uuid);
  if (rows == NULL)
    return NULL;
  reach->uuid = g_strdup (solution_uuid);
  reach->name = g_strdup (spire_record_get_text (solution, "name"));
  reach->startup_name = g_strdup (startup ? spire_record_get_text (startup, "name") : "");
  reach->buyers = g_ptr_array_new_with_free_func (buyer_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SpireBuyer *b = g_new0 (SpireBuyer, 1);

      b->body_uuid = g_strdup (_SPIRE_COL (rows->pdata[i], 0));
      b->body_name = g_strdup (_SPIRE_COL (rows->pdata[i], 1));
      b->first_signed = g_strdup (_SPIRE_COL (rows->pdata[i], 2));
      b->value = _spire_col_int (_SPIRE_COL (rows->pdata[i], 3));
      total += b->value;
      g_ptr_array_add (reach->buyers, b);
    }
  reach->days_to_2nd = reach->days_to_10th = -1;
  if (reach->buyers->len >= 2)
    reach->days_to_2nd = spire_days_between (
      ((SpireBuyer *) reach->buyers->pdata[0])->first_signed,
      ((SpireBuyer *) reach->buyers->pdata[1])->first_signed);
  if (reach->buyers->len >= 10)
    reach->days_to_10th = spire_days_between (
      ((SpireBuyer *) reach->buyers->pdata[0])->first_signed,
      ((SpireBuyer *) reach->buyers->pdata[9])->first_signed);
  reach->value_per_buyer = reach->buyers->len > 0 ? total / reach->buyers->len : 0;
  return g_steal_pointer (&reach);
}

void
spire_impact_free (SpireImpact *impact)
{
  if (impact == NULL)
    return;
  g_clear_pointer (&impact->by_procedure, g_hash_table_unref);
  g_clear_pointer (&impact->solutions, g_ptr_array_unref);
  g_free (impact);
}

static gboolean
read_invested (SpireStore *store, const char *program_uuid, SpireImpact *impact, GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                                   "SELECT coalesce (sum (invested), 0)"
                                                   " FROM cohorts WHERE program = ?1",
                                                   1, program_uuid);

  if (rows == NULL)
    return FALSE;
  impact->invested = _spire_col_int (_SPIRE_COL (rows->pdata[0], 0));
  return TRUE;
}

/* One pass over the program's deals (found once): signed value, weighted
 * pipeline, procedures, gains, and the solutions they sold. */
static gboolean
read_deals (SpireStore *store, const char *program_uuid, SpireImpact *impact,
            GPtrArray *solutions, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) probability = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const *stages = spire_deal_stages ();

  for (guint i = 0; stages[i]; i++)
    g_hash_table_insert (probability, (gpointer) stages[i],
                         GINT_TO_POINTER (spire_stage_probability (store, program_uuid,
                                                                   stages[i])));
  rows = _spire_store_query (store, error,
                             "SELECT d.stage, coalesce (d.value, 0), coalesce (d.procedure, ''),"
                             " g.expected, g.realised, d.solution"
                             " FROM deals d"
                             " LEFT JOIN (SELECT deal, sum (expected) AS expected,"
                             "                   sum (realised) AS realised"
                             "            FROM gains GROUP BY deal) g ON g.deal = d.uuid"
                             " WHERE d.uuid IN (" SPIRE_PROGRAM_DEALS_SQL ")",
                             1, program_uuid);
  if (rows == NULL)
    return FALSE;
  impact->by_procedure = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = rows->pdata[i];
      const char *stage = _SPIRE_COL (row, 0);
      gint64 value = _spire_col_int (_SPIRE_COL (row, 1));
      const char *procedure = _SPIRE_COL (row, 2);
      const char *solution = _SPIRE_COL (row, 5);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (impact->by_procedure, procedure));

      impact->n_deals++;
      impact->gains_expected += _spire_col_int (_SPIRE_COL (row, 3));
      impact->gains_realised += _spire_col_int (_SPIRE_COL (row, 4));
      if (spire_deal_stage_is_signed (stage))
        {
          impact->n_signed++;
          impact->signed_value += value;
        }
      else if (spire_deal_stage_is_open (stage))
        impact->weighted_pipeline += (gint64) llround (
          (double) value * GPOINTER_TO_INT (g_hash_table_lookup (probability, stage)) / 100.0);
      g_hash_table_insert (impact->by_procedure, g_strdup (procedure), GUINT_TO_POINTER (n + 1));
      if (solution && g_hash_table_add (seen, (gpointer) solution))
        g_ptr_array_add (solutions, g_strdup (solution));
    }
  return TRUE;
}

static int
compare_reach (gconstpointer a, gconstpointer b)
{
  const SpireSolutionReach *x = *(SpireSolutionReach **) a;
  const SpireSolutionReach *y = *(SpireSolutionReach **) b;

  return spire_collate (x->name, y->name);
}

static gboolean
read_solutions (SpireStore *store, GPtrArray *uuids, SpireImpact *impact, GError **error)
{
  impact->solutions = g_ptr_array_new_with_free_func ((GDestroyNotify) spire_solution_reach_free);
  for (guint i = 0; i < uuids->len; i++)
    {
      SpireSolutionReach *reach = spire_solution_reach (store, uuids->pdata[i], error);

      if (reach == NULL)
        return FALSE;
      g_ptr_array_add (impact->solutions, reach);
    }
  g_ptr_array_sort (impact->solutions, compare_reach);
  return TRUE;
}

SpireImpact *
spire_program_impact (SpireStore *store, const char *program_uuid, GError **error)
{
  g_autoptr (SpireImpact) impact = g_new0 (SpireImpact, 1);
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (GPtrArray) solutions = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if ((program = spire_store_get (store, &spire_kind_program, program_uuid, error)) == NULL)
    return NULL;
  if (!read_invested (store, program_uuid, impact, error) ||
      !read_deals (store, program_uuid, impact, solutions, error) ||
      !read_solutions (store, solutions, impact, error))
    return NULL;
  impact->ratio_realised = impact->invested > 0
                             ? (double) impact->gains_realised / (double) impact->invested
                             : NAN;
  impact->ratio_expected = impact->invested > 0
                             ? (double) impact->gains_expected / (double) impact->invested
                             : NAN;
  return g_steal_pointer (&impact);
}

/* Cancelled while it reads: no impact (the job does not start work that
 * was cancelled before). */
static gboolean
impact_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  *result = spire_program_impact (store, data, error);
  if (*result != NULL && g_cancellable_is_cancelled (_spire_job_get_cancellable (job)))
    {
      g_clear_pointer ((SpireImpact **) result, spire_impact_free);
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                           _("Reading the program’s impact was cancelled."));
    }
  return *result != NULL;
}

void
spire_program_impact_async (SpireStore *store, const char *program_uuid,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (program_uuid != NULL);

  _spire_job_run (store, spire_program_impact_async, impact_job, g_strdup (program_uuid),
                  g_free, (GDestroyNotify) spire_impact_free, cancellable, NULL, NULL,
                  callback, user_data);
}

SpireImpact *
spire_program_impact_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer impact = NULL;

  _spire_job_finish (store, result, spire_program_impact_async, &impact, error);
  return impact;
}
