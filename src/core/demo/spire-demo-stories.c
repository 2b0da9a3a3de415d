/* spire-demo-stories.c — the sample data's follow-up stories, recognisable
 *
 * Issue 8 and DESIGN.md ("Follow-up"): of the SmartOslo-type cohort's 80
 * applications 4 were accepted; by each one's furthest deal 2 signed (one
 * purchase, one innovation partnership) and 2 are negotiating.  The
 * innovation partnership runs in four phases with a purchase option, one
 * phase passed.  The welfare-technology startup's solution began with one
 * city district (St. Hanshaugen) and spread, faster and faster, to more
 * than 50 municipalities over four to five years, each a small direct
 * award with its gains.  (The need-first winners' six-month MVP contracts
 * are drawn with the other deals, in spire-demo-deals.c.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-demo-private.h"

static gboolean
write_solution (Demo *d, int startup, guint32 day, char uuid[UUID_LEN], GError **error)
{
  SpireRecord *r = _spire_demo_new_record (d, &spire_kind_solution, uuid);
  Stamp t = _spire_demo_stamp_on (d, day);

  spire_record_set_text (r, "startup", _spire_demo_startup_at (d, startup)->uuid);
  spire_record_set_text (r, "name", _spire_demo_hero_solution.name);
  spire_record_set_text (r, "description", _spire_demo_hero_solution.description);
  return _spire_demo_put (d, r, t, t, error);
}

/* A municipality (or a district) buys the solution for a few users: a
 * direct award of 10–15 000 kr, signed on @signed_on, delivered soon after. */
static gboolean
add_small_purchase (Demo *d, int startup, int body, const char *solution, guint32 signed_on,
                    GError **error)
{
  DealPlan p = { .startup = startup, .body = body, .kind = "purchase", .final = DS_DELIVERING,
                 .solution = solution, .no_scaler = TRUE };
  DealStage path[] = { DS_DIALOGUE, DS_SIGNED, DS_DELIVERING };
  guint32 days[3];

  p.value_nok = _spire_demo_rnd (d, 100, 150) * 100;
  days[0] = signed_on - _spire_demo_rnd (d, 14, 60);
  days[1] = signed_on;
  days[2] = signed_on + _spire_demo_rnd (d, 10, 30);
  if (days[2] >= d->today)
    p.final = DS_SIGNED;
  return _spire_demo_write_deal (d, &p, path, days, p.final == DS_SIGNED ? 2 : 3, error);
}

/* St. Hanshaugen first, Oslo kommune through the program, then the
 * municipalities: the i-th of n buys at first + span × √(i/n), so that
 * the buyers come slowly at first and faster once others have bought. */
static gboolean
fill_welfare_spread (Demo *d, const Cohort *c, const App *hero, GError **error)
{
  char solution[UUID_LEN];
  guint32 first = d->today - _spire_demo_rnd (d, 1640, 1680);
  guint32 last = d->today - 12;
  int n = G_N_ELEMENTS (_spire_demo_welfare_buyers);
  DealPlan oslo = { .startup = hero->startup, .body = d->body_index[B_OSLO], .app = hero,
                    .kind = "purchase", .final = DS_DELIVERING, .no_scaler = TRUE };
  DealStage oslo_path[] = { DS_DIALOGUE, DS_NEGOTIATION, DS_SIGNED, DS_DELIVERING };
  guint32 oslo_days[4];

  if (!write_solution (d, hero->startup, first - 200, solution, error) ||
      !add_small_purchase (d, hero->startup, d->body_index[B_ST_HANSHAUGEN], solution, first,
                           error))
    return FALSE;

  oslo.solution = solution;
  oslo.value_nok = _spire_demo_rnd (d, 14, 22) * 100000;
  oslo_days[0] = c->starts + _spire_demo_rnd (d, 15, 25);
  oslo_days[1] = c->starts + _spire_demo_rnd (d, 90, 120);
  oslo_days[2] = c->ends - _spire_demo_rnd (d, 20, 40);
  oslo_days[3] = oslo_days[2] + _spire_demo_rnd (d, 20, 40);
  if (!_spire_demo_write_deal (d, &oslo, oslo_path, oslo_days, 4, error))
    return FALSE;

  for (int i = 0; i < n; i++)
    {
      int body = d->body_index[_spire_demo_welfare_buyers[i]];
      guint32 day = first + (guint32) ((last - first) * sqrt ((i + 1.0) / n)) -
                    (guint32) _spire_demo_rnd (d, 0, 8);

      g_assert (body >= 0);
      if (!add_small_purchase (d, hero->startup, body, solution, day, error))
        return FALSE;
    }
  return TRUE;
}

/* The partnership's development in phases whose maximum costs add up to
 * @development_nok; the first passed (under its maximum), the rest planned. */
static gboolean
write_phases (Demo *d, const DealPlan *p, gint64 development_nok, GError **error)
{
  guint32 planned = MIN (p->signed_on + (guint32) _spire_demo_rnd (d, 80, 100), d->today - 20);

  for (guint i = 0; i < G_N_ELEMENTS (_spire_demo_partnership_phases); i++)
    {
      const PhaseSpec *spec = &_spire_demo_partnership_phases[i];
      SpireRecord *r = _spire_demo_new_record (d, &spire_kind_deal_phase, NULL);
      gint64 max_cost = development_nok * spec->share / 100;
      Stamp t = _spire_demo_stamp_on (d, p->signed_on);
      Stamp updated = t;

      spire_record_set_text (r, "deal", p->uuid);
      spire_record_set_int (r, "position", (gint64) i + 1);
      spire_record_set_text (r, "name", spec->name);
      _spire_demo_set_day (r, "planned_on", planned);
      spire_record_set_int (r, "max_cost", max_cost * 100);
      if (i == 0)
        {
          guint32 actual = MIN (planned + (guint32) _spire_demo_rnd (d, 0, 12), d->today - 1);

          spire_record_set_text (r, "state", "passed");
          _spire_demo_set_day (r, "actual_on", actual);
          spire_record_set_int (r, "cost", max_cost * _spire_demo_rnd (d, 80, 98) / 100 * 100);
          updated = _spire_demo_stamp_on (d, actual);
        }
      else
        spire_record_set_text (r, "state", "planned");
      if (!_spire_demo_put (d, r, t, updated, error))
        return FALSE;
      planned = i == 0 ? d->today + (guint32) _spire_demo_rnd (d, 20, 60)
                       : planned + (guint32) _spire_demo_rnd (d, 150, 200);
    }
  return TRUE;
}

/* An innovation partnership with the city: its value is the development
 * (in phases) plus the purchase option (GLOSSARY.md). */
static gboolean
fill_partnership (Demo *d, const Cohort *c, const App *a, GError **error)
{
  gint64 value = (gint64) _spire_demo_rnd (d, 50, 90) * 100000;
  gint64 development = value * 2 / 5;
  DealPlan p = { .startup = a->startup, .body = d->body_index[B_OSLO], .app = a,
                 .kind = "innovation_partnership", .final = DS_SIGNED, .value_nok = value,
                 .option_nok = value - development };

  if (!_spire_demo_add_deal (d, &p, c->ends - 60, error))
    return FALSE;
  return p.signed_on == 0 || write_phases (d, &p, development, error);
}

/* The other deals of the cohort: the startups ranked 2nd to 4th (the 2nd
 * also has the partnership), the first on the waiting list and one
 * rejected.  Value in @unit kroner; started @back days before @from. */
static const struct
{
  int rank;
  const char *kind;
  DealStage stage;
  int lo, hi, unit;
  gboolean from_today; /* else from the cohort's end */
  int back_lo, back_hi;
} hero_cohort_deals[] = {
  { 1, "pilot", DS_PILOT, 15, 40, 10000, TRUE, 60, 120 },
  { 2, "purchase", DS_NEGOTIATION, 8, 20, 100000, FALSE, 20, 20 },
  { 3, "pilot", DS_NEGOTIATION, 20, 50, 10000, FALSE, 10, 10 },
  { 4, "pilot", DS_PILOT, 10, 30, 10000, FALSE, 0, 0 },
  { 6, "letter_of_intent", DS_NO_DEAL, 0, 0, 0, FALSE, 40, 40 },
};

/* DESIGN.md: of the SmartOslo cohort, two signed and two were still
 * negotiating; the welfare-technology startup began with one city district
 * and went on to many municipalities, each buying small. */
gboolean
_spire_demo_fill_hero_deals (Demo *d, const Cohort *c, GError **error)
{
  const int *rk = c->ranked;
  const App *hero = &c->apps[0];
  int accepted = 0;

  for (int r = 0; r < c->n_ranked; r++)
    accepted += c->apps[rk[r]].status == ST_ACCEPTED;
  if (hero->status != ST_ACCEPTED || accepted != 4 || c->n_ranked < accepted + 3 ||
      rk[0] != 0)
    return TRUE; /* the specs make this impossible */
  d->hero_startup = hero->startup;

  if (!fill_welfare_spread (d, c, hero, error) ||
      !fill_partnership (d, c, &c->apps[rk[1]], error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (hero_cohort_deals); i++)
    {
      const App *a = &c->apps[rk[hero_cohort_deals[i].rank]];
      DealPlan p = { .startup = a->startup, .app = a, .kind = hero_cohort_deals[i].kind,
                     .final = hero_cohort_deals[i].stage };
      guint32 from = hero_cohort_deals[i].from_today ? d->today : c->ends;

      p.body = _spire_demo_deal_body_for (d, c, a);
      if (hero_cohort_deals[i].unit > 0)
        p.value_nok = (gint64) _spire_demo_rnd (d, hero_cohort_deals[i].lo,
                                                hero_cohort_deals[i].hi) *
                      hero_cohort_deals[i].unit;
      from -= (guint32) _spire_demo_rnd (d, hero_cohort_deals[i].back_lo,
                                         hero_cohort_deals[i].back_hi);
      if (!_spire_demo_add_deal (d, &p, from, error))
        return FALSE;
    }
  return TRUE;
}
