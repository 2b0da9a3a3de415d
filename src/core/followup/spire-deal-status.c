/* spire-deal-status.c — where a deal stands: time in each stage, stale,
 * weighted value, hints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-error.h"
#include "spire-followup-private.h"
#include "spire-settings.h"

static void
step_free (gpointer data)
{
  SpireDealStep *step = data;

  g_free (step->uuid);
  g_free (step->stage);
  g_free (step->date);
  g_free (step->note);
  g_free (step);
}

void
spire_deal_status_free (SpireDealStatus *status)
{
  if (status == NULL)
    return;
  g_clear_object (&status->deal);
  g_free (status->program);
  g_clear_pointer (&status->steps, g_ptr_array_unref);
  g_clear_pointer (&status->hints, g_ptr_array_unref);
  g_free (status);
}

/* The events, oldest first, each with the days until the next (or @today). */
static GPtrArray *
read_steps (SpireStore *store, const char *deal_uuid, const char *today, GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                                   "SELECT uuid, stage, date, note"
                                                   " FROM deal_events WHERE deal = ?"
                                                   " ORDER BY date, created_at, id",
                                                   1, deal_uuid);
  GPtrArray *steps;

  if (rows == NULL)
    return NULL;
  steps = g_ptr_array_new_with_free_func (step_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SpireDealStep *step = g_new0 (SpireDealStep, 1);
      const char *until = i + 1 < rows->len ? _SPIRE_COL (rows->pdata[i + 1], 2) : today;

      step->uuid = g_strdup (_SPIRE_COL (rows->pdata[i], 0));
      step->stage = g_strdup (_SPIRE_COL (rows->pdata[i], 1));
      step->date = g_strdup (_SPIRE_COL (rows->pdata[i], 2));
      step->note = g_strdup (_SPIRE_COL (rows->pdata[i], 3));
      step->days = MAX (0, spire_days_between (step->date, until));
      g_ptr_array_add (steps, step);
    }
  return steps;
}

/* Days in the current stage: since the first event of the run of events in
 * that stage at the end of the history (a note in the same stage does not
 * restart the clock). */
static int
days_in_stage (GPtrArray *steps, const char *stage, const char *started, const char *today)
{
  const char *since = started;

  for (guint i = steps->len; i > 0; i--)
    {
      SpireDealStep *step = steps->pdata[i - 1];

      if (g_strcmp0 (step->stage, stage) != 0)
        break;
      since = step->date;
    }
  return MAX (0, spire_days_between (since, today));
}

SpireDealStatus *
spire_deal_get_status (SpireStore *store, const char *deal_uuid, const char *today,
                       GError **error)
{
  g_autoptr (SpireDealStatus) status = g_new0 (SpireDealStatus, 1);
  g_autofree char *now = today ? g_strdup (today) : spire_today ();
  const char *stage;
  const char *last;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if ((status->deal = spire_store_get (store, &spire_kind_deal, deal_uuid, error)) == NULL)
    return NULL;
  if ((status->steps = read_steps (store, deal_uuid, now, error)) == NULL)
    return NULL;
  if ((status->hints = spire_deal_hints (store, status->deal, error)) == NULL)
    return NULL;

  stage = spire_record_get_text (status->deal, "stage");
  status->program = _spire_deal_program (store, status->deal);
  status->probability = spire_stage_probability (store, status->program, stage);
  if (spire_record_is_null (status->deal, "value"))
    status->weighted_value = SPIRE_INT_NONE;
  else
    status->weighted_value = (gint64) llround (
      (double) spire_record_get_int (status->deal, "value") * status->probability / 100.0);
  status->days_in_stage = days_in_stage (status->steps, stage,
                                         spire_record_get_text (status->deal, "started_on"),
                                         now);
  last = status->steps->len > 0
           ? ((SpireDealStep *) status->steps->pdata[status->steps->len - 1])->date
           : spire_record_get_text (status->deal, "started_on");
  status->stale = spire_deal_stage_is_open (stage) &&
                  spire_days_between (last, now) >= spire_settings_get_stale_days ();
  return g_steal_pointer (&status);
}
