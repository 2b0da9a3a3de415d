/* spire-deal.c — deals, their stages and events, the weighted pipeline
 *
 * Every stage change is a deal event with a date and a note; the history
 * gives the time spent in each stage.  Rules: a stage that does not exist,
 * a "no deal" without a reason, or a date before the last event are
 * refused, changing nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-followup-private.h"
#include "spire-validate.h"

static const char *const stages[] = {
  "dialogue", "pilot", "negotiation", "signed", "delivering", "scaled", "no_deal", NULL
};

const char *const *
spire_deal_stages (void)
{
  return stages;
}

gboolean
spire_deal_stage_is_valid (const char *stage)
{
  return stage != NULL && g_strv_contains (stages, stage);
}

gboolean
spire_deal_stage_is_open (const char *stage)
{
  return g_strcmp0 (stage, "dialogue") == 0 || g_strcmp0 (stage, "pilot") == 0 ||
         g_strcmp0 (stage, "negotiation") == 0;
}

gboolean
spire_deal_stage_is_signed (const char *stage)
{
  return g_strcmp0 (stage, "signed") == 0 || g_strcmp0 (stage, "delivering") == 0 ||
         g_strcmp0 (stage, "scaled") == 0;
}

int
spire_deal_stage_default_probability (const char *stage)
{
  if (g_strcmp0 (stage, "dialogue") == 0)
    return 10;
  if (g_strcmp0 (stage, "pilot") == 0)
    return 25;
  if (g_strcmp0 (stage, "negotiation") == 0)
    return 50;
  if (spire_deal_stage_is_signed (stage))
    return 100;
  if (g_strcmp0 (stage, "no_deal") == 0)
    return 0;
  return -1;
}

int
spire_stage_probability (SpireStore *store, const char *program_uuid, const char *stage)
{
  g_autoptr (GPtrArray) rows = NULL;

  if (program_uuid != NULL)
    rows = _spire_store_query (store, NULL,
                               "SELECT percent FROM stage_probabilities"
                               " WHERE program = ? AND stage = ?",
                               2, program_uuid, stage);
  if (rows != NULL && rows->len > 0)
    return (int) g_ascii_strtoll (_SPIRE_COL (rows->pdata[0], 0), NULL, 10);
  return spire_deal_stage_default_probability (stage);
}

gboolean
spire_stage_probability_set (SpireStore *store, const char *program_uuid, const char *stage,
                             int percent, GError **error)
{
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireRecord) row = NULL;
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if ((program = spire_store_get (store, &spire_kind_program, program_uuid, error)) == NULL)
    return FALSE;
  found = _spire_store_query (store, error,
                              "SELECT uuid FROM stage_probabilities WHERE program = ? AND stage = ?",
                              2, program_uuid, stage);
  if (found == NULL)
    return FALSE;
  row = found->len > 0 ? spire_store_get (store, &spire_kind_stage_probability,
                                          _SPIRE_COL (found->pdata[0], 0), error)
                       : spire_record_new (&spire_kind_stage_probability);
  if (row == NULL)
    return FALSE;
  spire_record_set_text (row, "program", program_uuid);
  spire_record_set_text (row, "stage", stage);
  spire_record_set_int (row, "percent", percent);
  return spire_store_save (store, row, SPIRE_SAVE_DEFAULT, NULL, error);
}

/* Dates */

char *
spire_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_day (const char *iso, GDate *out)
{
  if (!spire_date_is_valid (iso))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_ascii_strtoull (iso + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (iso + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (iso, NULL, 10));
  return g_date_valid (out);
}

int
spire_days_between (const char *from, const char *to)
{
  GDate a, b;

  if (!parse_day (from, &a) || !parse_day (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

gint64
_spire_col_int (const char *text)
{
  return text && *text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* Where a deal belongs */

char *
_spire_deal_program (SpireStore *store, SpireRecord *deal)
{
  g_autoptr (GPtrArray) rows = NULL;

  if (!spire_record_is_null (deal, "application"))
    rows = _spire_store_query (store, NULL,
                               "SELECT c.program FROM applications a"
                               " JOIN cohorts c ON c.uuid = a.cohort WHERE a.uuid = ?",
                               1, spire_record_get_text (deal, "application"));
  else
    rows = _spire_store_query (store, NULL,
                               "SELECT c.program FROM applications a"
                               " JOIN cohorts c ON c.uuid = a.cohort"
                               " WHERE a.startup = ? AND a.status = 'accepted'"
                               " ORDER BY c.starts_on DESC LIMIT 1",
                               1, spire_record_get_text (deal, "startup"));
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (_SPIRE_COL (rows->pdata[0], 0));
}

char *
_spire_deal_date (SpireStore *store, SpireRecord *deal)
{
  g_autoptr (GPtrArray) rows = NULL;

  if (!spire_record_is_null (deal, "started_on"))
    return g_strdup (spire_record_get_text (deal, "started_on"));
  rows = _spire_store_query (store, NULL,
                             "SELECT min (date) FROM deal_events WHERE deal = ?", 1,
                             spire_record_get_uuid (deal));
  if (rows && rows->len > 0 && _SPIRE_COL (rows->pdata[0], 0) != NULL)
    return g_strdup (_SPIRE_COL (rows->pdata[0], 0));
  return spire_today ();
}

/* Creating and moving */

static gboolean
check_stage (const char *stage, GError **error)
{
  g_autofree char *list = NULL;

  if (spire_deal_stage_is_valid (stage))
    return TRUE;
  list = g_strjoinv (", ", (char **) stages);
  /* TRANSLATORS: "Stage: “won” is not a stage; use one of dialogue, pilot, …" */
  return spire_fail (error, SPIRE_ERROR_INVALID, _("Stage: “%s” is not a stage; use one of %s."),
                     stage ? stage : "", list);
}

static gboolean
check_date (const char *date, GError **error)
{
  if (date == NULL || spire_date_is_valid (date))
    return TRUE;
  return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("Date: “%s” is not a date; write it as YYYY-MM-DD."), date);
}

static gboolean
add_event (SpireStore *store, const char *deal_uuid, const char *stage, const char *date,
           const char *note, GError **error)
{
  g_autoptr (SpireRecord) event = spire_record_new (&spire_kind_deal_event);

  spire_record_set_text (event, "deal", deal_uuid);
  spire_record_set_text (event, "stage", stage);
  spire_record_set_text (event, "date", date);
  if (note && *note)
    spire_record_set_text (event, "note", note);
  return spire_store_insert (store, event, error);
}

/* The startup of the deal-to-be (free it), or NULL with @error. */
static char *
startup_of (SpireStore *store, const SpireDealSpec *spec, GError **error)
{
  g_autoptr (SpireRecord) application = NULL;
  g_autoptr (SpireRecord) company = NULL;

  if (spec->application)
    {
      application = spire_store_get (store, &spire_kind_application, spec->application, error);
      if (application == NULL)
        return NULL;
      return g_strdup (spire_record_get_text (application, "startup"));
    }
  if (spec->startup == NULL)
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
                  _("A deal needs the application it came from, or a startup."));
      return NULL;
    }
  if ((company = spire_store_get (store, &spire_kind_startup, spec->startup, error)) == NULL)
    return NULL;
  return g_strdup (spec->startup);
}

SpireRecord *
spire_deal_create (SpireStore *store, const SpireDealSpec *spec, GError **error)
{
  g_autoptr (SpireRecord) deal = NULL;
  g_autoptr (SpireRecord) buyer = NULL;
  g_autofree char *today = spire_today ();
  const char *date = spec->date ? spec->date : today;
  g_autofree char *startup = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (!check_stage (spec->stage, error) || !check_date (spec->date, error))
    return NULL;
  if ((startup = startup_of (store, spec, error)) == NULL)
    return NULL;
  if ((buyer = spire_store_get (store, &spire_kind_public_body, spec->buyer, error)) == NULL)
    return NULL;

  deal = spire_record_new (&spire_kind_deal);
  spire_record_set_text (deal, "startup", startup);
  spire_record_set_text (deal, "public_body", spec->buyer);
  spire_record_set_text (deal, "application", spec->application);
  spire_record_set_text (deal, "title", spec->title);
  spire_record_set_text (deal, "kind", spec->kind);
  spire_record_set_text (deal, "stage", spec->stage);
  if (spec->value != SPIRE_INT_NONE)
    spire_record_set_int (deal, "value", spec->value);
  spire_record_set_text (deal, "procedure", spec->procedure);
  spire_record_set_text (deal, "solution", spec->solution);
  spire_record_set_text (deal, "started_on", date);
  if (spire_deal_stage_is_signed (spec->stage))
    spire_record_set_text (deal, "signed_on", date);
  if (g_str_equal (spec->stage, "no_deal"))
    spire_record_set_text (deal, "lost_reason", spec->note);

  if (!spire_store_begin (store, error))
    return NULL;
  if (!spire_store_insert (store, deal, error) ||
      !add_event (store, spire_record_get_uuid (deal), spec->stage, date, spec->note, error))
    {
      spire_store_rollback (store);
      return NULL;
    }
  if (!spire_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&deal);
}

static char *
last_event_date (SpireStore *store, const char *deal_uuid)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, NULL,
                                                   "SELECT max (date) FROM deal_events"
                                                   " WHERE deal = ?",
                                                   1, deal_uuid);

  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (_SPIRE_COL (rows->pdata[0], 0));
}

gboolean
spire_deal_move (SpireStore *store, const char *deal_uuid, const char *stage, const char *date,
                 const char *note, const char *reason, GError **error)
{
  g_autoptr (SpireRecord) deal = NULL;
  g_autofree char *today = spire_today ();
  g_autofree char *last = NULL;
  g_autofree char *clean_reason = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if ((deal = spire_store_get (store, &spire_kind_deal, deal_uuid, error)) == NULL)
    return FALSE;
  if (!check_stage (stage, error) || !check_date (date, error))
    return FALSE;
  if (date == NULL)
    date = today;
  if (g_str_equal (stage, "no_deal") && *clean_reason == '\0')
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("Reason: say why there was no deal; it is kept with the deal."));
  last = last_event_date (store, deal_uuid);
  if (last && strcmp (date, last) < 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("Date: %s is before the deal’s last event, on %s."), date, last);

  spire_record_set_text (deal, "stage", stage);
  if (spire_deal_stage_is_signed (stage) && spire_record_is_null (deal, "signed_on"))
    spire_record_set_text (deal, "signed_on", date);
  if (g_str_equal (stage, "no_deal"))
    spire_record_set_text (deal, "lost_reason", clean_reason);

  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_update (store, deal, error) ||
      !add_event (store, deal_uuid, stage, date,
                  note && *note ? note : (*clean_reason ? clean_reason : NULL), error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

GPtrArray *
spire_deals_list (SpireStore *store, const char *cohort_uuid, const char *program_uuid,
                  const char *stage, GError **error)
{
  g_autofree char *from = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (cohort_uuid)
    from = g_strdup ("FROM deals d WHERE d.application IN"
                     " (SELECT uuid FROM applications WHERE cohort = ?1)"
                     " AND (?2 IS NULL OR d.stage = ?2)"
                     " ORDER BY d.started_on DESC, d.uuid");
  else if (program_uuid)
    from = g_strdup ("FROM deals d WHERE d.uuid IN (" SPIRE_PROGRAM_DEALS_SQL ")"
                     " AND (?2 IS NULL OR d.stage = ?2)"
                     " ORDER BY d.started_on DESC, d.uuid");
  else
    from = g_strdup ("FROM deals d WHERE ?1 IS NULL AND (?2 IS NULL OR d.stage = ?2)"
                     " ORDER BY d.started_on DESC, d.uuid");
  if (stage && !check_stage (stage, error))
    return NULL;
  return _spire_store_query_records (store, &spire_kind_deal, "d", error, from, 2,
                                     cohort_uuid ? cohort_uuid : program_uuid, stage);
}
