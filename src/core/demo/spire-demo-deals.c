/* spire-demo-deals.c — the sample data's deals: each with its stages as deal
 * events, the SmartOslo scaling story, and deals of accepted startups and
 * of others
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
    return "pre_commercial";
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
    return "Konkurranse om utviklingskontrakt (førkommersiell anskaffelse)";
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
  if (final == DS_NO_DEAL)
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

/* Dates: steps of two weeks to three months, all before today. */
static void
deal_days (Demo *d, const DealStage *path, int n, guint32 start, guint32 days[8])
{
  int span = 0;

  days[0] = 0;
  for (int i = 1; i < n; i++)
    {
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
write_deal_events (Demo *d, const char *deal_uuid, const Body *b, const DealStage *path,
                   const guint32 *days, int n, GError **error)
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
          note = "Leveransen er i gang.";
          break;
        case DS_SCALED:
          note = "Tatt i bruk i hele virksomheten.";
          break;
        case DS_NO_DEAL:
        default:
          note = made = g_strdup_printf ("Ingen avtale: %s.",
                                         PICK (d, _spire_demo_no_deal_reasons));
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

static gboolean
add_deal (Demo *d, int startup, int body, const App *app, const char *kind, DealStage final,
          guint32 start, gint64 value_nok, GError **error)
{
  const Startup *s = _spire_demo_startup_at (d, startup);
  const Body *b = _spire_demo_body_at (d, body);
  DealStage path[8];
  guint32 days[8];
  int n;
  char deal_uuid[UUID_LEN];
  SpireRecord *r;
  g_autofree char *product = _spire_demo_capitalise (s->product);
  g_autofree char *title = g_strdup_printf ("%s – %s (%s)", product, b->spec->name,
                                            s->short_name);
  gint64 expected = -1, realised = -1;
  int signed_at = -1;

  if (d->n_deals >= d->size->n_deals)
    return TRUE;

  n = deal_path (d, kind, final, path);
  deal_days (d, path, n, start, days);
  for (int i = 0; i < n; i++)
    if (path[i] == DS_SIGNED)
      signed_at = i;

  if (!g_str_equal (kind, "letter_of_intent"))
    expected = value_nok * _spire_demo_rnd (d, 5, 40) / 10;
  if (final == DS_DELIVERING || final == DS_SCALED)
    realised = expected * _spire_demo_rnd (d, 2, final == DS_SCALED ? 12 : 6) / 10;

  r = _spire_demo_new_record (d, &spire_kind_deal, deal_uuid);
  spire_record_set_text (r, "startup", s->uuid);
  spire_record_set_text (r, "public_body", b->uuid);
  if (app != NULL)
    spire_record_set_text (r, "application", app->uuid);
  spire_record_set_text (r, "title", title);
  spire_record_set_text (r, "kind", kind);
  spire_record_set_text (r, "stage", _spire_demo_deal_stage_values[final]);
  if (value_nok > 0)
    spire_record_set_int (r, "value", value_nok * 100);
  if (expected >= 0)
    spire_record_set_int (r, "expected_savings", expected * 100);
  if (realised >= 0)
    spire_record_set_int (r, "realised_savings", realised * 100);
  spire_record_set_text (r, "procedure_note", procedure_for (kind, value_nok));
  spire_record_set_text (r, "procedure", procedure_code_for (kind, value_nok));
  _spire_demo_set_day (r, "started_on", days[0]);
  if (signed_at >= 0)
    _spire_demo_set_day (r, "signed_on", days[signed_at]);
  if (!_spire_demo_put (d, r, _spire_demo_stamp_on (d, days[0]),
                        _spire_demo_stamp_on (d, days[n - 1]), error))
    return FALSE;
  d->n_deals++;
  {
    g_autofree char *pair = g_strdup_printf ("deal %d %d", startup, body);

    _spire_demo_take (d, pair);
  }

  if (!write_deal_events (d, deal_uuid, b, path, days, n, error))
    return FALSE;

  if (signed_at >= 0 && final != DS_NO_DEAL)
    {
      Scaler scaler = { startup, days[signed_at] };

      g_array_append_val (d->scalers, scaler);
    }
  return TRUE;
}

static int
deal_body_for (Demo *d, const Cohort *c, const App *a)
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

/* DESIGN.md: of the SmartOslo cohort, two signed and two were still
 * negotiating; the welfare-technology startup began with one city district
 * and went on to many municipalities, each buying small. */
static gboolean
fill_hero_deals (Demo *d, const Cohort *c, GError **error)
{
  static const struct
  {
    int body;
    const char *kind;
    DealStage stage;
  } spread[] = {
    { B_BERGEN, "purchase", DS_DELIVERING },
    { B_TRONDHEIM, "purchase", DS_SIGNED },
    { B_DRAMMEN, "purchase", DS_DELIVERING },
    { B_SANDEFJORD, "purchase", DS_SIGNED },
    { B_STAVANGER, "purchase", DS_DIALOGUE },
    { B_BODO, "letter_of_intent", DS_NEGOTIATION },
  };
  const int *rk = c->ranked;
  const App *hero = &c->apps[0];
  int accepted = 0;

  for (int r = 0; r < c->n_ranked; r++)
    accepted += c->apps[rk[r]].status == ST_ACCEPTED;
  if (hero->status != ST_ACCEPTED || accepted < 4 || c->n_ranked < accepted + 3)
    return TRUE; /* the specs make this impossible */

  if (!add_deal (d, hero->startup, d->body_index[B_GRUNERLOKKA], hero, "purchase", DS_SCALED,
                 c->starts + 20, _spire_demo_rnd (d, 35, 55) * 10000, error) ||
      !add_deal (d, hero->startup, d->body_index[B_OSLO], hero, "framework_agreement",
                 DS_DELIVERING, c->ends - 30, _spire_demo_rnd (d, 40, 60) * 100000, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (spread); i++)
    if (!add_deal (d, hero->startup, d->body_index[spread[i].body], NULL, spread[i].kind,
                   spread[i].stage, d->today - _spire_demo_rnd (d, 120, 330),
                   _spire_demo_rnd (d, 100, 150) * 100, error))
      return FALSE;

  {
    const App *second = &c->apps[rk[1]], *third = &c->apps[rk[2]], *fourth = &c->apps[rk[3]];
    const App *waiting = &c->apps[rk[accepted]];
    const App *rejected = &c->apps[rk[accepted + 2]];

    return add_deal (d, second->startup, d->body_index[B_OSLO], second, "innovation_partnership",
                     DS_SIGNED, c->ends - 60, _spire_demo_rnd (d, 50, 90) * 100000, error) &&
           add_deal (d, second->startup, deal_body_for (d, c, second), second, "pilot", DS_PILOT,
                     d->today - _spire_demo_rnd (d, 60, 120), _spire_demo_rnd (d, 15, 40) * 10000,
                     error) &&
           add_deal (d, third->startup, deal_body_for (d, c, third), third, "purchase",
                     DS_NEGOTIATION, c->ends - 20, _spire_demo_rnd (d, 8, 20) * 100000, error) &&
           add_deal (d, fourth->startup, deal_body_for (d, c, fourth), fourth, "pilot",
                     DS_NEGOTIATION, c->ends - 10, _spire_demo_rnd (d, 20, 50) * 10000, error) &&
           add_deal (d, waiting->startup, deal_body_for (d, c, waiting), waiting, "pilot", DS_PILOT,
                     c->ends, _spire_demo_rnd (d, 10, 30) * 10000, error) &&
           add_deal (d, rejected->startup, deal_body_for (d, c, rejected), rejected,
                     "letter_of_intent", DS_NO_DEAL, c->ends - 40,
                     _spire_demo_rnd (d, 5, 20) * 10000, error);
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
    return (gint64) _spire_demo_rnd (d, 5, 15) * 100000;
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
          if (!fill_hero_deals (d, c, error))
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
              if (!add_deal (d, a->startup, deal_body_for (d, c, a), a, kind, stage, start,
                             value_for_kind (d, kind), error))
                return FALSE;
              /* After a need-first competition, buying the result is a
               * separate procurement. */
              if (g_str_equal (kind, "development_contract") && c->spec->phase >= PH_FOLLOW_UP &&
                  _spire_demo_chance (d, 0.6) &&
                  !add_deal (d, a->startup, deal_body_for (d, c, a), a, "purchase",
                             PICK (d, ((const DealStage[]){ DS_DIALOGUE, DS_NEGOTIATION, DS_SIGNED,
                                                            DS_NO_DEAL })),
                             c->ends + _spire_demo_rnd (d, 10, 60),
                             _spire_demo_rnd (d, 5, 40) * 100000, error))
                return FALSE;
            }
          else if (a->status == ST_WAITLISTED && _spire_demo_chance (d, 0.5))
            {
              if (!add_deal (d, a->startup, deal_body_for (d, c, a), a, "pilot",
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
