/* spire-deal-card.c — what the board and the list show of each deal
 *
 * One query reads every deal of a cohort or a program with its startup's
 * and buyer's names, the start of the run of events in its current stage
 * (days in stage) and its last event (stale); the weighted value uses the
 * program's probabilities; the hint is core's procedure hint.  Long work:
 * spire_deal_cards_async runs it on its own connection.
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
#include "spire-settings.h"
#include "spire-text.h"

struct _SpireDealCard
{
  GObject parent_instance;

  char *uuid, *title, *startup, *buyer, *stage, *kind, *procedure, *hint, *search;
  gint64 value, weighted;
  int days;
  gboolean stale;
};

G_DEFINE_FINAL_TYPE (SpireDealCard, spire_deal_card, G_TYPE_OBJECT)

static void
spire_deal_card_finalize (GObject *object)
{
  SpireDealCard *self = SPIRE_DEAL_CARD (object);

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->startup);
  g_free (self->buyer);
  g_free (self->stage);
  g_free (self->kind);
  g_free (self->procedure);
  g_free (self->hint);
  g_free (self->search);
  G_OBJECT_CLASS (spire_deal_card_parent_class)->finalize (object);
}

static void
spire_deal_card_class_init (SpireDealCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_deal_card_finalize;
}

static void
spire_deal_card_init (SpireDealCard *self)
{
}

#define GETTER(type, name, field)                                   \
  type spire_deal_card_get_##name (SpireDealCard *self)             \
  {                                                                 \
    g_return_val_if_fail (SPIRE_IS_DEAL_CARD (self), (type) 0);     \
    return self->field;                                             \
  }

GETTER (const char *, uuid, uuid)
GETTER (const char *, title, title)
GETTER (const char *, startup, startup)
GETTER (const char *, buyer, buyer)
GETTER (const char *, stage, stage)
GETTER (const char *, kind, kind)
GETTER (const char *, procedure, procedure)
GETTER (gint64, value, value)
GETTER (gint64, weighted_value, weighted)
GETTER (int, days_in_stage, days)
GETTER (gboolean, stale, stale)
GETTER (const char *, hint, hint)
GETTER (const char *, search_text, search)

#define CARDS_SQL(where)                                                              \
  "SELECT d.uuid, coalesce (d.title, ''), s.name, b.name, d.stage, d.kind, d.procedure," \
  " d.value,"                                                                         \
  " coalesce ((SELECT min (e.date) FROM deal_events e WHERE e.deal = d.uuid"          \
  "            AND e.stage = d.stage AND e.date >= coalesce ((SELECT max (x.date)"     \
  "              FROM deal_events x WHERE x.deal = d.uuid AND x.stage <> d.stage), '')),"\
  "           d.started_on),"                                                         \
  " coalesce ((SELECT max (e.date) FROM deal_events e WHERE e.deal = d.uuid),"        \
  "           d.started_on)"                                                          \
  " FROM deals d"                                                                     \
  " JOIN startups s ON s.uuid = d.startup"                                            \
  " JOIN public_bodies b ON b.uuid = d.public_body"                                   \
  " WHERE " where

static const char sql_cohort[] =
  CARDS_SQL ("d.application IN (SELECT uuid FROM applications WHERE cohort = ?1)");
static const char sql_program[] = CARDS_SQL ("d.uuid IN (" SPIRE_PROGRAM_DEALS_SQL ")");
static const char sql_all[] = CARDS_SQL ("?1 IS NULL");

static int
stage_index (const char *stage)
{
  const char *const *stages = spire_deal_stages ();

  for (int i = 0; stages[i]; i++)
    if (g_str_equal (stages[i], stage))
      return i;
  return G_MAXINT;
}

static int
compare_cards (gconstpointer a, gconstpointer b)
{
  SpireDealCard *x = *(SpireDealCard **) a;
  SpireDealCard *y = *(SpireDealCard **) b;
  int sx = stage_index (x->stage), sy = stage_index (y->stage);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  if (x->days != y->days)
    return x->days > y->days ? -1 : 1;
  return g_strcmp0 (x->uuid, y->uuid);
}

static SpireDealCard *
card_from_row (SpireStore *store, GPtrArray *row, const char *program, const char *today)
{
  SpireDealCard *card = g_object_new (SPIRE_TYPE_DEAL_CARD, NULL);
  const char *value = _SPIRE_COL (row, 7);
  g_autofree char *joined = NULL;

  card->uuid = g_strdup (_SPIRE_COL (row, 0));
  card->title = g_strdup (_SPIRE_COL (row, 1));
  card->startup = g_strdup (_SPIRE_COL (row, 2));
  card->buyer = g_strdup (_SPIRE_COL (row, 3));
  card->stage = g_strdup (_SPIRE_COL (row, 4));
  card->kind = g_strdup (_SPIRE_COL (row, 5));
  card->procedure = g_strdup (_SPIRE_COL (row, 6));
  card->value = value ? g_ascii_strtoll (value, NULL, 10) : SPIRE_INT_NONE;
  card->days = MAX (0, spire_days_between (_SPIRE_COL (row, 8), today));
  card->stale = spire_deal_stage_is_open (card->stage) &&
                spire_days_between (_SPIRE_COL (row, 9), today) >= spire_settings_get_stale_days ();
  card->weighted = card->value == SPIRE_INT_NONE
                     ? SPIRE_INT_NONE
                     : (gint64) llround ((double) card->value *
                                         spire_stage_probability (store, program, card->stage) /
                                         100.0);
  joined = g_strjoin (" ", card->title, card->startup, card->buyer, NULL);
  card->search = spire_search_fold (joined);
  return card;
}

/* The first hint of each card's deal. */
static gboolean
add_hints (SpireStore *store, GPtrArray *cards, GError **error)
{
  for (guint i = 0; i < cards->len; i++)
    {
      SpireDealCard *card = cards->pdata[i];
      g_autoptr (SpireRecord) deal = spire_store_get (store, &spire_kind_deal, card->uuid, error);
      g_autoptr (GPtrArray) hints = NULL;

      if (deal == NULL || (hints = spire_deal_hints (store, deal, error)) == NULL)
        return FALSE;
      if (hints->len > 0)
        card->hint = g_strdup (hints->pdata[0]);
    }
  return TRUE;
}

GPtrArray *
spire_deal_cards (SpireStore *store, const char *cohort_uuid, const char *program_uuid,
                  const char *today, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = today ? g_strdup (today) : spire_today ();
  g_autofree char *program = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (cohort_uuid)
    {
      g_autoptr (SpireRecord) cohort = spire_store_get (store, &spire_kind_cohort, cohort_uuid,
                                                        error);
      if (cohort == NULL)
        return NULL;
      program = g_strdup (spire_record_get_text (cohort, "program"));
      rows = _spire_store_query (store, error, sql_cohort, 1, cohort_uuid);
    }
  else if (program_uuid)
    {
      program = g_strdup (program_uuid);
      rows = _spire_store_query (store, error, sql_program, 1, program_uuid);
    }
  else
    rows = _spire_store_query (store, error, sql_all, 1, NULL);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (cards, card_from_row (store, rows->pdata[i], program, now));
  if (!add_hints (store, cards, error))
    return NULL;
  g_ptr_array_sort (cards, compare_cards);
  return g_steal_pointer (&cards);
}

typedef struct
{
  char *cohort, *program;
} CardsJob;

static void
cards_job_free (gpointer data)
{
  CardsJob *d = data;

  g_free (d->cohort);
  g_free (d->program);
  g_free (d);
}

static gboolean
cards_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  CardsJob *d = data;

  *result = spire_deal_cards (store, d->cohort, d->program, NULL, error);
  return *result != NULL;
}

void
spire_deal_cards_async (SpireStore *store, const char *cohort_uuid, const char *program_uuid,
                        GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  CardsJob *d = g_new0 (CardsJob, 1);

  d->cohort = g_strdup (cohort_uuid);
  d->program = g_strdup (program_uuid);
  _spire_job_run (store, spire_deal_cards_async, cards_job, d, cards_job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

GPtrArray *
spire_deal_cards_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer cards = NULL;

  _spire_job_finish (store, result, spire_deal_cards_async, &cards, error);
  return cards;
}
