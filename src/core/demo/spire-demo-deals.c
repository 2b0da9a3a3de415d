/* spire-demo-deals.c — the sample data's deals: each with its stages as deal
 * events, a procedure code and, once signed, its gains per year; deals of
 * accepted startups and of others (the stories are in spire-demo-stories.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-demo-private.h"

/* Deals */

/* The procedure as one of the codes (deals.procedure); NULL for a letter
 * of intent, which is no procurement yet. */
static const char *
procedure_code_for (const char *kind, gint64 value_nok)
{
  if (g_str_equal (kind, "innovation_partnership"))
    return "innovation_partnership";
  if (g_str_equal (kind, "development_contract"))
    return "mvp_contract";
  if (g_str_equal (kind, "letter_of_intent"))
    return NULL;
  if (g_str_equal (kind, "pilot") || value_nok < 1300000)
    return "direct_award";
  if (value_nok >= 2300000 && g_str_equal (kind, "framework_agreement"))
    return "competition_with_negotiation";
  return "open_competition";
}

static const char *
procedure_for (const char *kind, gint64 value_nok)
{
  if (g_str_equal (kind, "innovation_partnership"))
    return "Innovasjonspartnerskap, kunngjort i Doffin og TED";
  if (g_str_equal (kind, "development_contract"))
    return "Behovsdrevet konkurranse: kontrakt om en minimumsløsning på seks måneder";
  if (g_str_equal (kind, "pilot"))
    return "Pilotavtale under nasjonal terskelverdi";
  if (g_str_equal (kind, "letter_of_intent"))
    return "Intensjonsavtale, ingen anskaffelse ennå";
  if (value_nok < 1300000)
    return "Direkte anskaffelse under nasjonal terskelverdi";
  if (value_nok < 2300000)
    return "Konkurranse etter anskaffelsesforskriften del I";
  if (g_str_equal (kind, "framework_agreement"))
    return "Konkurranse med forhandling over EØS-terskelverdi";
  return "Åpen anbudskonkurranse over EØS-terskelverdi";
}

/* The stages a deal goes through on its way to @final; their number. */
static int
deal_path (Demo *d, const char *kind, DealStage final, DealStage path[8])
{
  int n = 0;

  path[n++] = DS_DIALOGUE;
  if (g_str_equal (kind, "development_contract") && final != DS_NO_DEAL)
    {
      /* The winner of a need-first competition: signed, then six months'
       * work until the minimum solution is delivered. */
      if (final == DS_NEGOTIATION)
        path[n++] = DS_NEGOTIATION;
      for (DealStage st = DS_SIGNED; st <= final; st++)
        path[n++] = st;
    }
  else if (final == DS_NO_DEAL)
    {
      if (_spire_demo_chance (d, 0.4))
        path[n++] = DS_PILOT;
      if (_spire_demo_chance (d, 0.5))
        path[n++] = DS_NEGOTIATION;
      path[n++] = DS_NO_DEAL;
    }
  else
    {
      if (final == DS_PILOT
          || (final > DS_PILOT && (g_str_equal (kind, "pilot") || _spire_demo_chance (d, 0.3))))
        path[n++] = DS_PILOT;
      for (DealStage st = DS_NEGOTIATION; st <= final; st++)
        path[n++] = st;
    }
  return n;
}

/* Dates: steps of two weeks to three months (an MVP contract: six months
 * from signing to delivery), all before today. */
static void
deal_days (Demo *d, const char *kind, const DealStage *path, int n, guint32 start,
           guint32 days[8])
{
  gboolean mvp = g_str_equal (kind, "development_contract");
  int span = 0;

  days[0] = 0;
  for (int i = 1; i < n; i++)
    {
      if (mvp && path[i] == DS_DELIVERING)
        days[i] = days[i - 1] + _spire_demo_rnd (d, 178, 188);
      else
        days[i] = days[i - 1] + _spire_demo_rnd (d, 14, path[i] == DS_SCALED ? 240 : 90);
      span = (int) days[i];
    }
  if (start + span >= d->today)
    {
      int room = (int) d->today - 1 - (int) start;

      if (room < 7 * n)
        {
          start = d->today - 1 - 7 * n;
          room = 7 * n;
        }
      for (int i = 1; i < n; i++)
        days[i] = (guint32) MAX ((gint64) days[i] * room / MAX (span, 1), days[i - 1] + 1);
    }
  for (int i = 0; i < n; i++)
    days[i] += start;
}

/* The deal's history: one event per stage, with a note. */
static gboolean
write_deal_events (Demo *d, const char *deal_uuid, const char *kind, const Body *b,
                   const char *reason, const DealStage *path, const guint32 *days, int n,
                   GError **error)
{
  for (int i = 0; i < n; i++)
    {
      const char *note;
      g_autofree char *made = NULL;
      SpireRecord *r;

      switch (path[i])
        {
        case DS_DIALOGUE:
          note = made = g_strdup_printf ("Første møte med %s.", b->spec->name);
          break;
        case DS_PILOT:
          note = made =
              g_strdup_printf ("Pilot startet med %d brukere.", _spire_demo_rnd (d, 2, 12) * 5);
          break;
        case DS_NEGOTIATION:
          note = "Forhandler om pris, databehandleravtale og opsjoner.";
          break;
        case DS_SIGNED:
          note = "Avtalen er signert.";
          break;
        case DS_DELIVERING:
          note = g_str_equal (kind, "development_contract")
                     ? "Minimumsløsningen er levert etter seks måneder og tatt i bruk."
                     : "Leveransen er i gang.";
          break;
        case DS_SCALED:
          note = "Tatt i bruk i hele virksomheten.";
          break;
        case DS_NO_DEAL:
        default:
          note = made = g_strdup_printf ("Ingen avtale: %s.", reason);
          break;
        }
      r = _spire_demo_new_record (d, &spire_kind_deal_event, NULL);
      spire_record_set_text (r, "deal", deal_uuid);
      spire_record_set_text (r, "stage", _spire_demo_deal_stage_values[path[i]]);
      _spire_demo_set_day (r, "date", days[i]);
      spire_record_set_text (r, "note", note);
      if (!_spire_demo_put (d, r, _spire_demo_stamp_on (d, days[i]),
                            _spire_demo_stamp_on (d, days[i]), error))
        return FALSE;
    }
  return TRUE;
}

/* Gains per year from the year it was signed (at most four years): expected
 * savings each year, and what was realised in the years that are over once
 * the solution is delivered (kroner; -1 none). */
typedef struct
{
  int n;
  int first_year;
  gint64 expected[4];
  gint64 realised[4];
  gint64 sum_expected, sum_realised;
  const char *description;
  const char *owner;
} GainPlan;

static void
plan_gains (Demo *d, const DealPlan *p, GainPlan *g)
{
  int this_year = _spire_demo_day_year (d->today);
  gboolean small = p->value_nok < 20000;
  gint64 per_year = small ? p->value_nok * _spire_demo_rnd (d, 60, 120) / 10
                          : p->value_nok * _spire_demo_rnd (d, 2, 12) / 10;
  gboolean delivered = p->final == DS_DELIVERING || p->final == DS_SCALED;

  g->first_year = _spire_demo_day_year (p->signed_on);
  g->n = MIN (this_year - g->first_year + 1, 4);
  g->sum_expected = g->sum_realised = 0;
  g->description = small ? _spire_demo_gain_descriptions[0]
                         : PICK (d, _spire_demo_gain_descriptions);
  g->owner = PICK (d, _spire_demo_gain_owners);
  for (int i = 0; i < g->n; i++)
    {
      g->expected[i] = MAX (per_year / 1000, 1) * 1000;
      g->sum_expected += g->expected[i];
      g->realised[i] = -1;
      if (delivered && g->first_year + i < this_year)
        {
          g->realised[i] = g->expected[i] * _spire_demo_rnd (d, 5, 13) / 10 / 1000 * 1000;
          g->sum_realised += g->realised[i];
        }
    }
}

static gboolean
write_gains (Demo *d, const DealPlan *p, const GainPlan *g, GError **error)
{
  for (int i = 0; i < g->n; i++)
    {
      SpireRecord *r = _spire_demo_new_record (d, &spire_kind_gain, NULL);
      Stamp t = _spire_demo_stamp_on (d, p->signed_on);

      spire_record_set_text (r, "deal", p->uuid);
      spire_record_set_int (r, "year", g->first_year + i);
      spire_record_set_text (r, "kind", "efficiency");
      spire_record_set_text (r, "description", g->description);
      spire_record_set_text (r, "owner", g->owner);
      spire_record_set_int (r, "expected", g->expected[i] * 100);
      if (g->realised[i] >= 0)
        spire_record_set_int (r, "realised", g->realised[i] * 100);
      if (!_spire_demo_put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_spire_demo_write_deal (Demo *d, DealPlan *p, const DealStage *path, const guint32 *days,
                        int n, GError **error)
{
  const Startup *s = _spire_demo_startup_at (d, p->startup);
  const Body *b = _spire_demo_body_at (d, p->body);
  SpireRecord *r;
  g_autofree char *product = _spire_demo_capitalise (s->product);
  g_autofree char *title = g_strdup_printf ("%s – %s (%s)", product, b->spec->name,
                                            s->short_name);
  g_autofree char *pair = g_strdup_printf ("deal %d %d", p->startup, p->body);
  GainPlan gains = { 0 };
  const char *reason = p->final == DS_NO_DEAL ? PICK (d, _spire_demo_no_deal_reasons) : NULL;

  p->signed_on = 0;
  for (int i = 0; i < n; i++)
    if (path[i] == DS_SIGNED)
      p->signed_on = days[i];
  if (p->signed_on > 0 && p->final != DS_NO_DEAL && p->value_nok > 0)
    plan_gains (d, p, &gains);

  r = _spire_demo_new_record (d, &spire_kind_deal, p->uuid);
  spire_record_set_text (r, "startup", s->uuid);
  spire_record_set_text (r, "public_body", b->uuid);
  if (p->app != NULL)
    spire_record_set_text (r, "application", p->app->uuid);
  spire_record_set_text (r, "title", title);
  spire_record_set_text (r, "kind", p->kind);
  spire_record_set_text (r, "stage", _spire_demo_deal_stage_values[p->final]);
  if (p->value_nok > 0)
    spire_record_set_int (r, "value", p->value_nok * 100);
  if (p->option_nok > 0)
    spire_record_set_int (r, "option_value", p->option_nok * 100);
  spire_record_set_text (r, "procedure_note", procedure_for (p->kind, p->value_nok));
  spire_record_set_text (r, "procedure", procedure_code_for (p->kind, p->value_nok));
  if (p->solution != NULL)
    spire_record_set_text (r, "solution", p->solution);
  if (reason != NULL)
    {
      g_autofree char *lost = _spire_demo_capitalise (reason);

      spire_record_set_text (r, "lost_reason", lost);
    }
  _spire_demo_set_day (r, "started_on", days[0]);
  if (p->signed_on > 0)
    _spire_demo_set_day (r, "signed_on", p->signed_on);
  if (gains.n > 0)
    {
      spire_record_set_int (r, "expected_savings", gains.sum_expected * 100);
      if (gains.sum_realised > 0)
        spire_record_set_int (r, "realised_savings", gains.sum_realised * 100);
    }
  if (!_spire_demo_put (d, r, _spire_demo_stamp_on (d, days[0]),
                        _spire_demo_stamp_on (d, days[n - 1]), error))
    return FALSE;
  d->n_deals++;
  _spire_demo_take (d, pair);

  if (!write_deal_events (d, p->uuid, p->kind, b, reason, path, days, n, error))
    return FALSE;
  if (!write_gains (d, p, &gains, error))
    return FALSE;

  if (p->signed_on > 0 && p->final != DS_NO_DEAL && !p->no_scaler)
    {
      Scaler scaler = { p->startup, p->signed_on };

      g_array_append_val (d->scalers, scaler);
    }
  return TRUE;
}

gboolean
_spire_demo_add_deal (Demo *d, DealPlan *p, guint32 start, GError **error)
{
  DealStage path[8];
  guint32 days[8];
  int n;

  if (d->n_deals >= d->size->n_deals)
    return TRUE;
  n = deal_path (d, p->kind, p->final, path);
  deal_days (d, p->kind, path, n, start, days);
  return _spire_demo_write_deal (d, p, path, days, n, error);
}

static gboolean
add_deal (Demo *d, int startup, int body, const App *app, const char *kind, DealStage final,
          guint32 start, gint64 value_nok, GError **error)
{
  DealPlan p = { .startup = startup, .body = body, .app = app, .kind = kind, .final = final,
                 .value_nok = value_nok };

  return _spire_demo_add_deal (d, &p, start, error);
}

int
_spire_demo_deal_body_for (Demo *d, const Cohort *c, const App *a)
{
  if (a->challenge >= 0)
    return c->challenges[a->challenge].body;
  for (;;)
    {
      int b = _spire_demo_rnd (d, 0, (int) d->bodies->len - 1);

      if (g_str_equal (_spire_demo_body_at (d, b)->spec->kind, "municipality"))
        return b;
    }
}

static DealStage
stage_by_age (Demo *d, const Cohort *c)
{
  static const DealStage decided[] = { DS_DIALOGUE, DS_DIALOGUE, DS_PILOT };
  static const DealStage running[] = { DS_DIALOGUE, DS_PILOT, DS_PILOT, DS_NEGOTIATION,
                                       DS_NO_DEAL };
  static const DealStage follow_up[] = { DS_NEGOTIATION, DS_SIGNED, DS_SIGNED, DS_DELIVERING,
                                         DS_NO_DEAL };
  static const DealStage closed[] = { DS_SIGNED, DS_DELIVERING, DS_DELIVERING, DS_SCALED,
                                      DS_NO_DEAL, DS_NO_DEAL };

  switch (c->spec->phase)
    {
    case PH_DECIDED:
      return PICK (d, decided);
    case PH_RUNNING:
      return PICK (d, running);
    case PH_FOLLOW_UP:
      return PICK (d, follow_up);
    default:
      return PICK (d, closed);
    }
}

static const char *
kind_for_program (Demo *d, const Cohort *c)
{
  const char *pk = c->program->spec->kind;

  if (g_str_equal (pk, "need_first"))
    return "development_contract";
  if (g_str_equal (pk, "procurement_support"))
    return _spire_demo_chance (d, 0.6) ? "innovation_partnership" : "framework_agreement";
  if (g_str_equal (pk, "accelerator"))
    return PICK (d, ((const char *const[]) { "purchase", "purchase", "pilot",
                                             "innovation_partnership" }));
  return PICK (d, ((const char *const[]) { "purchase", "pilot", "letter_of_intent" }));
}

static gint64
value_for_kind (Demo *d, const char *kind)
{
  if (g_str_equal (kind, "innovation_partnership"))
    return (gint64) _spire_demo_rnd (d, 30, 250) * 100000;
  if (g_str_equal (kind, "framework_agreement"))
    return (gint64) _spire_demo_rnd (d, 20, 120) * 100000;
  if (g_str_equal (kind, "development_contract"))
    return (gint64) _spire_demo_rnd (d, 5, 12) * 100000; /* under the national threshold */
  if (g_str_equal (kind, "pilot"))
    return (gint64) _spire_demo_rnd (d, 10, 50) * 10000;
  if (g_str_equal (kind, "letter_of_intent"))
    return 0;
  return (gint64) _spire_demo_rnd (d, 2, 120) * 10000;
}

gboolean
_spire_demo_fill_deals (Demo *d, GError **error)
{
  for (guint i = 0; i < d->cohorts->len; i++)
    {
      const Cohort *c = g_ptr_array_index (d->cohorts, i);

      if (c->spec->phase < PH_DECIDED || c->n_ranked == 0)
        continue;
      if (c->spec->hero)
        {
          if (!_spire_demo_fill_hero_deals (d, c, error))
            return FALSE;
          continue;
        }
      for (int r = 0; r < c->n_ranked; r++)
        {
          const App *a = &c->apps[c->ranked[r]];
          const char *kind = kind_for_program (d, c);
          guint32 start = c->spec->phase == PH_DECIDED ? d->today - _spire_demo_rnd (d, 1, 20)
                                                       : c->starts + _spire_demo_rnd (d, 10, 90);

          if (a->status == ST_ACCEPTED)
            {
              DealStage stage = stage_by_age (d, c);

              /* Winning a need-first competition is the development
               * contract: it is signed, then delivered. */
              if (g_str_equal (kind, "development_contract"))
                stage = c->spec->phase == PH_DECIDED  ? DS_NEGOTIATION
                        : c->spec->phase == PH_RUNNING ? DS_SIGNED
                                                       : DS_DELIVERING;
              if (!add_deal (d, a->startup, _spire_demo_deal_body_for (d, c, a), a, kind, stage, start,
                             value_for_kind (d, kind), error))
                return FALSE;
              /* After a need-first competition, buying the result is a
               * separate procurement. */
              if (g_str_equal (kind, "development_contract") && c->spec->phase >= PH_FOLLOW_UP &&
                  _spire_demo_chance (d, 0.6) &&
                  !add_deal (d, a->startup, _spire_demo_deal_body_for (d, c, a), a, "purchase",
                             PICK (d, ((const DealStage[]){ DS_DIALOGUE, DS_NEGOTIATION, DS_SIGNED,
                                                            DS_NO_DEAL })),
                             c->ends + _spire_demo_rnd (d, 10, 60),
                             _spire_demo_rnd (d, 5, 40) * 100000, error))
                return FALSE;
            }
          else if (a->status == ST_WAITLISTED && _spire_demo_chance (d, 0.5))
            {
              if (!add_deal (d, a->startup, _spire_demo_deal_body_for (d, c, a), a, "pilot",
                             _spire_demo_chance (d, 0.5) ? DS_DIALOGUE : DS_NO_DEAL, start,
                             value_for_kind (d, "pilot"), error))
                return FALSE;
            }
        }
    }

  /* Solutions spread: others buy what one body has signed for. */
  while (d->n_deals < d->size->n_deals)
    {
      static const DealStage stages[] = { DS_DIALOGUE, DS_NEGOTIATION, DS_SIGNED, DS_SIGNED,
                                          DS_DELIVERING, DS_DELIVERING, DS_DELIVERING,
                                          DS_SCALED, DS_NO_DEAL };
      int startup, body;
      gboolean small_buy = _spire_demo_chance (d, 0.6);
      guint32 start;

      if (d->scalers->len == 0)
        {
          startup = _spire_demo_rnd (d, 0, (int) d->size->n_startups - 1);
          start = _spire_demo_startup_at (d, startup)->founded + 180;
        }
      else
        {
          const Scaler *sc = &g_array_index (d->scalers, Scaler,
                                             _spire_demo_rnd (d, 0, (int) d->scalers->len - 1));

          startup = sc->startup;
          start = sc->signed_on + 30;
        }
      start = MIN (MAX (start + _spire_demo_rnd (d, 0, 600), d->today - 900), d->today - 30);
      for (int tries = 0;; tries++)
        {
          g_autofree char *pair = NULL;

          body = _spire_demo_rnd (d, 0, (int) d->bodies->len - 1);
          if (g_str_equal (_spire_demo_body_at (d, body)->spec->kind, "state_agency") &&
              _spire_demo_chance (d, 0.8))
            continue;
          pair = g_strdup_printf ("deal %d %d", startup, body);
          if (tries > 20 || !g_hash_table_contains (d->taken, pair))
            break;
        }

      if (!add_deal (
              d, startup, body, NULL,
              small_buy
                  ? "purchase"
                  : PICK (d, ((const char *const[]){ "purchase", "pilot", "framework_agreement",
                                                     "innovation_partnership" })),
              PICK (d, stages), start,
              small_buy ? _spire_demo_rnd (d, 100, 150) * 100 : _spire_demo_rnd (d, 5, 90) * 10000,
              error))
        return FALSE;
    }
  return TRUE;
}
