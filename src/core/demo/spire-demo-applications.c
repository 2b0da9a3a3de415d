/* spire-demo-applications.c — the sample data's applications: first planned in
 * memory (who applies, how far each got, the reviews that decide the
 * ranking, the ranking that decides the status), then written with their
 * decisions and reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-demo-private.h"
#include "spire-text.h"
#include "ranking/spire-ranking.h"
#include "ranking/spire-scoring.h"

/* Applications: first planned in memory (reviews decide the ranking, and
 * the ranking decides the status), then written. */

static double
review_score (const Cohort *c, const Slot *s)
{
  double sum = 0, weights = 0;

  for (int k = 0; k < s->n_entered; k++)
    if (!isnan (s->values[k]))
      {
        sum += c->rubric->weight[k] * s->values[k];
        weights += c->rubric->weight[k];
      }
  return weights > 0 ? sum / weights : NAN;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
aggregate (const Cohort *c, const App *a)
{
  double scores[MAX_SLOTS];
  int n = 0;

  for (int i = 0; i < a->n_slots; i++)
    if (a->slots[i].state == SLOT_SUBMITTED && !isnan (a->slots[i].score))
      scores[n++] = a->slots[i].score;
  if (n == 0)
    return NAN;
  if (c->median)
    {
      qsort (scores, n, sizeof (double), compare_doubles);
      return n % 2 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
    }
  else
    {
      double sum = 0;

      for (int i = 0; i < n; i++)
        sum += scores[i];
      return sum / n;
    }
}

static ConflictType
conflict_between (Demo *d, const Cohort *c, const App *a, int panelist)
{
  const Evaluator *ev = _spire_demo_evaluator_at (d, c->panel[panelist].person);

  if (ev->startup >= 0 && ev->startup == a->startup)
    return CONFLICT_EMPLOYEE;
  if (!c->spec->owner_on_panel && a->challenge >= 0 && ev->body >= 0 &&
      ev->body == c->challenges[a->challenge].body)
    return CONFLICT_OWNER;
  return CONFLICT_NONE;
}

static void
plan_reviews (Demo *d, Cohort *c, App *a, int *rotation)
{
  Phase phase = c->spec->phase;
  int m = c->n_scorers;
  int chosen = 0;
  gboolean declare_random = _spire_demo_chance (d, d->size->p_conflict);
  Stamp assigned = a->screened + 86400 + _spire_demo_rnd (d, 0, 3600);
  guint32 review_end = c->shortlist_day - 1;
  double offsets[MAX_CRIT];

  for (int k = 0; k < c->rubric->n; k++)
    offsets[k] = _spire_demo_gauss (d, 0, 0.6);

  for (int j = 0; j < m && chosen < REVIEWERS; j++)
    {
      int panelist = c->scorers[(*rotation + j) % m];
      ConflictType conflict = conflict_between (d, c, a, panelist);
      int left = m - j - 1; /* candidates after this one */
      Slot *s = &a->slots[a->n_slots];

      /* Decided cohorts dealt with known conflicts; the cohort under
       * evaluation still has them for conflict detection to find. */
      if (conflict != CONFLICT_NONE && phase < PH_DECIDED)
        conflict = CONFLICT_NONE;
      if (conflict == CONFLICT_NONE && declare_random && chosen == 1)
        {
          conflict = CONFLICT_DECLARED;
          declare_random = FALSE;
        }
      if (conflict != CONFLICT_NONE && left < REVIEWERS - chosen)
        conflict = CONFLICT_NONE; /* nobody else could take it */
      if (conflict == CONFLICT_OWNER)
        continue; /* the manager kept them off it when assigning */

      memset (s, 0, sizeof *s);
      s->panelist = panelist;
      s->conflict = conflict;
      s->score = NAN;
      a->n_slots++;
      if (conflict != CONFLICT_NONE)
        {
          s->state = SLOT_DECLINED;
          s->declared = _spire_demo_rnd (d, 0, G_N_ELEMENTS (_spire_demo_declared_conflicts) - 1);
          s->done = assigned + _spire_demo_rnd (d, 3600, 86400);
          continue;
        }
      chosen++;

      if (phase == PH_EVALUATION)
        {
          double u = _spire_demo_unif (d);

          s->state = u < 0.8 ? SLOT_SUBMITTED : u < 0.9 ? SLOT_DRAFT : SLOT_ASSIGNED;
        }
      else
        s->state = SLOT_SUBMITTED;

      if (s->state == SLOT_ASSIGNED)
        continue;
      s->n_entered =
          s->state == SLOT_SUBMITTED ? c->rubric->n : _spire_demo_rnd (d, 1, c->rubric->n - 1);
      {
        double bias = _spire_demo_evaluator_at (d, c->panel[panelist].person)->bias;
        int n_na = 0;

        for (int k = 0; k < s->n_entered; k++)
          {
            double v = round (a->quality + bias + offsets[k] + _spire_demo_gauss (d, 0, 0.7));

            s->values[k] = CLAMP (v, 1, 7);
            if (_spire_demo_chance (d, 0.04) && n_na + 1 < s->n_entered)
              {
                s->values[k] = NAN; /* "not applicable" */
                n_na++;
              }
          }
      }
      s->score = review_score (c, s);
      {
        guint32 from = _spire_demo_stamp_day (assigned) + 1;
        guint32 to = MAX (from, review_end);

        s->done = _spire_demo_stamp (from + _spire_demo_rnd (d, 0, (int) (to - from)),
                                     _spire_demo_rnd (d, 8 * 3600, 22 * 3600));
      }
    }
  *rotation = (*rotation + REVIEWERS) % m;
}

/* The next startup in the rotation that existed by @founded_by, preferring
 * one of @sector (-1: any) found a little further on; never one that
 * already applied to the cohort. */
static int
next_applicant (Demo *d, gboolean *used, int sector, guint32 founded_by)
{
  guint n = d->size->n_startups - 2; /* 0 and 1 are placed by hand */
  guint pos = d->next_startup;
  gint64 pick = -1, first_fit = -1;
  guint tmp;
  int s;

  for (guint k = 0; k < n; k++)
    {
      guint p = 2 + (pos - 2 + k) % n;
      int candidate = (int) d->startup_order[p];

      if (used[candidate] || _spire_demo_startup_at (d, candidate)->founded > founded_by)
        continue;
      if (first_fit < 0)
        first_fit = p;
      if (sector < 0 || _spire_demo_startup_at (d, candidate)->sector == sector)
        {
          pick = p;
          break;
        }
      if (k >= 40)
        break;
    }
  if (pick < 0)
    pick = first_fit >= 0 ? first_fit : pos;
  tmp = d->startup_order[pos];
  d->startup_order[pos] = d->startup_order[pick];
  d->startup_order[pick] = tmp;
  s = (int) d->startup_order[pos];
  d->next_startup = 2 + (pos - 2 + 1) % n;
  used[s] = TRUE;
  return s;
}

/* Who applies (application @i of @c), how good it is, when it came in and
 * what becomes of it (its fate). */
static void
plan_applicant (Demo *d, Cohort *c, int i, gboolean *used, guint32 last_submit)
{
  App *a = &c->apps[i];
  int n = c->n_apps;
  gboolean hero = c->spec->hero && i == 0;
  double u;
  guint32 day;

  a->rank = -1;
  a->score = NAN;
  a->challenge = c->n_challenges > 0 ? _spire_demo_rnd (d, 0, c->n_challenges - 1) : -1;
  if (i < 2 && c->spec->forced[i] >= 0)
    {
      int sector;

      a->startup = c->spec->forced[i];
      sector = _spire_demo_startup_at (d, a->startup)->sector;
      for (int k = 0; k < c->n_challenges; k++)
        if (c->challenges[k].spec->sector == sector)
          a->challenge = k;
    }
  else
    {
      /* Most who apply to a challenge work in its field. */
      int sector = a->challenge >= 0 && _spire_demo_chance (d, 0.85)
                     ? c->challenges[a->challenge].spec->sector : -1;

      a->startup = next_applicant (d, used, sector, c->opens - 60);
    }

  a->quality = hero ? 7.4 : _spire_demo_gauss (d, 4.2, 1.0);
  u = _spire_demo_unif (d);
  a->stage = u < 0.1 ? 0 : u < 0.4 ? 1 : u < 0.7 ? 2 : u < 0.92 ? 3 : 4;
  if (hero)
    a->stage = 2;

  /* Many apply in the last days. */
  day = last_submit - (guint32) floor ((last_submit - c->opens) * pow (_spire_demo_unif (d), 2.5));
  a->submitted = _spire_demo_stamp (day, _spire_demo_rnd (d, 7 * 3600, 21 * 3600 + 3599));

  u = _spire_demo_unif (d);
  a->fate = u < 0.02 ? FATE_WITHDRAW_EARLY
          : u < 0.07 ? FATE_INELIGIBLE
          : u < 0.08 ? FATE_WITHDRAW_LATE
                     : FATE_OK;
  if (n >= 8 && i == n - 1)
    a->fate = FATE_INELIGIBLE;
  if (n >= 8 && i == n - 2)
    a->fate = FATE_WITHDRAW_EARLY;
  if (i < 2)
    a->fate = FATE_OK;
}

/* How far @a got by today: withdrawn, screened, reviewed. */
static void
plan_progress (Demo *d, Cohort *c, App *a, int *rotation)
{
  Phase phase = c->spec->phase;
  guint32 screen_day;

  a->status = ST_RECEIVED;
  if (phase == PH_OPEN)
    {
      if (a->fate == FATE_WITHDRAW_EARLY && _spire_demo_stamp_day (a->submitted) + 1 < d->today)
        {
          a->withdrawn = _spire_demo_stamp (
              _spire_demo_stamp_day (a->submitted) + 1 +
                  _spire_demo_rnd (d, 0, d->today - _spire_demo_stamp_day (a->submitted) - 2),
              _spire_demo_rnd (d, 8 * 3600, 16 * 3600));
          a->status = ST_WITHDRAWN;
        }
      return;
    }

  screen_day = c->deadline + _spire_demo_rnd (d, 1, 10);
  if (a->fate == FATE_WITHDRAW_EARLY)
    {
      guint32 from = _spire_demo_stamp_day (a->submitted);
      guint32 to = MIN (screen_day, d->today) - 1;

      a->withdrawn =
          _spire_demo_stamp (from + _spire_demo_rnd (d, 0, MAX ((int) to - (int) from, 0)),
                             _spire_demo_rnd (d, 8 * 3600, 16 * 3600));
      a->withdrawn = MAX (a->withdrawn, a->submitted + 3600);
      a->status = ST_WITHDRAWN;
      return;
    }
  if (screen_day >= d->today)
    return; /* not screened yet */
  a->screened = _spire_demo_stamp_on (d, screen_day);
  if (a->fate == FATE_INELIGIBLE)
    {
      a->status = ST_INELIGIBLE;
      return;
    }
  a->status = ST_IN_REVIEW;
  if (phase < PH_EVALUATION)
    return;

  plan_reviews (d, c, a, rotation);
  a->score = aggregate (c, a);
  if (a->fate == FATE_WITHDRAW_LATE)
    {
      a->withdrawn =
          _spire_demo_stamp (c->shortlist_day - 1, _spire_demo_rnd (d, 8 * 3600, 16 * 3600));
      a->status = ST_WITHDRAWN;
    }
}

/* The review scores of @c as the ranking (spire-ranking.c) will count
 * them: every submitted review of an application taking part (screened in,
 * not withdrawn), normalised per evaluator when the rubric says so.
 * @used[i × MAX_SLOTS + k] is that of slot k of application i. */
static void
plan_review_scores (const Cohort *c, double *used)
{
  g_autofree double *scores = g_new (double, (gsize) MAX (c->n_apps, 1) * MAX_SLOTS);
  g_autofree guint *evaluators = g_new (guint, (gsize) MAX (c->n_apps, 1) * MAX_SLOTS);
  gsize n = 0;

  for (int i = 0; i < c->n_apps; i++)
    for (int k = 0; k < c->apps[i].n_slots; k++)
      if (c->apps[i].status == ST_IN_REVIEW && c->apps[i].slots[k].state == SLOT_SUBMITTED)
        {
          scores[n] = c->apps[i].slots[k].score;
          evaluators[n++] = (guint) c->apps[i].slots[k].panelist;
        }
  if (c->normalised)
    spire_scores_normalise (scores, evaluators, n);
  n = 0;
  for (int i = 0; i < c->n_apps; i++)
    for (int k = 0; k < c->apps[i].n_slots; k++)
      if (c->apps[i].status == ST_IN_REVIEW && c->apps[i].slots[k].state == SLOT_SUBMITTED)
        used[i * MAX_SLOTS + k] = scores[n++];
}

/* Rank what can be ranked, in the order the ranking will give it
 * (spire_rank_items on the scores it will count, so that the decisions'
 * statuses follow the places their reasons cite): in the cohort under
 * evaluation, the applications whose three reviews are in. */
static void
plan_ranking (Cohort *c)
{
  g_autofree double *used = g_new (double, (gsize) MAX (c->n_apps, 1) * MAX_SLOTS);
  g_autofree SpireRankItem *items = g_new0 (SpireRankItem, MAX (c->n_apps, 1));
  g_autofree SpireRankItem **order = g_new (SpireRankItem *, MAX (c->n_apps, 1));
  g_autofree char *keys = g_new0 (char, (gsize) MAX (c->n_apps, 1) * 12);
  gsize n = 0;

  plan_review_scores (c, used);
  for (int i = 0; i < c->n_apps; i++)
    {
      App *a = &c->apps[i];
      SpireRankItem *item = &items[n];
      int submitted = 0;

      if (a->status != ST_IN_REVIEW || isnan (a->score))
        continue;
      for (int k = 0; k < a->n_slots; k++)
        submitted += a->slots[k].state == SLOT_SUBMITTED;
      if (submitted < REVIEWERS)
        continue;
      item->scores = &used[i * MAX_SLOTS];
      for (int k = 0; k < a->n_slots; k++)
        if (a->slots[k].state == SLOT_SUBMITTED)
          item->scores[item->n_scores++] = used[i * MAX_SLOTS + k];
      item->score = a->score = spire_scores_aggregate (
          c->median ? SPIRE_AGGREGATION_MEDIAN : SPIRE_AGGREGATION_MEAN, item->scores,
          item->n_scores);
      item->key = &keys[n * 12];
      g_snprintf (&keys[n * 12], 12, "%08d", i);
      item->data = GINT_TO_POINTER (i);
      order[n] = item;
      n++;
    }
  spire_rank_items (order, n);
  for (gsize r = 0; r < n; r++)
    c->ranked[c->n_ranked++] = GPOINTER_TO_INT (order[r]->data);

  if (c->spec->hero)
    {
      /* The scaling story needs its startup accepted: it scores highest
       * anyway, this only makes sure of it. */
      for (int r = 0; r < c->n_ranked; r++)
        if (c->ranked[r] == 0)
          {
            memmove (&c->ranked[1], &c->ranked[0], r * sizeof (int));
            c->ranked[0] = 0;
            break;
          }
    }
}

/* Shortlisted under evaluation; accepted, waitlisted or rejected after. */
static void
plan_decisions (Cohort *c)
{
  if (c->spec->phase == PH_EVALUATION)
    {
      int n_short = MAX (1, c->n_ranked / 3);

      for (int r = 0; r < c->n_ranked; r++)
        {
          App *a = &c->apps[c->ranked[r]];

          a->rank = r;
          if (r < n_short)
            {
              a->status = ST_SHORTLISTED;
              a->shortlisted = TRUE;
            }
        }
      return;
    }

  {
    int seats = MIN (c->spec->seats, c->n_ranked);
    int waitlist = MAX (1, c->spec->seats / 2);
    int n_short = MIN (2 * c->spec->seats + 2, c->n_ranked);

    for (int r = 0; r < c->n_ranked; r++)
      {
        App *a = &c->apps[c->ranked[r]];

        a->rank = r;
        a->shortlisted = r < n_short;
        a->status = r < seats ? ST_ACCEPTED : r < seats + waitlist ? ST_WAITLISTED : ST_REJECTED;
      }
  }
}

void
_spire_demo_plan_applications (Demo *d, Cohort *c)
{
  int n = c->spec->n_apps;
  guint32 last_submit = MIN (c->deadline, d->today - 1);
  int rotation = _spire_demo_rnd (d, 0, MAX (c->n_scorers, 1) - 1);
  g_autofree gboolean *used = g_new0 (gboolean, d->size->n_startups);

  used[0] = used[1] = TRUE;
  c->n_apps = n;
  c->apps = g_new0 (App, MAX (n, 1));
  c->ranked = g_new0 (int, MAX (n, 1));

  for (int i = 0; i < n; i++)
    {
      plan_applicant (d, c, i, used, last_submit);
      plan_progress (d, c, &c->apps[i], &rotation);
    }

  if (c->spec->phase < PH_EVALUATION)
    return;
  plan_ranking (c);
  plan_decisions (c);
}

static const char *
weakest_criterion (const Cohort *c, const App *a, gboolean strongest)
{
  double best = strongest ? -1 : 99;
  int at = 0;

  for (int k = 0; k < c->rubric->n; k++)
    {
      double sum = 0;
      int n = 0;

      for (int i = 0; i < a->n_slots; i++)
        if (a->slots[i].state == SLOT_SUBMITTED && !isnan (a->slots[i].values[k]))
          {
            sum += a->slots[i].values[k];
            n++;
          }
      if (n > 0 && (strongest ? sum / n > best : sum / n < best))
        {
          best = sum / n;
          at = k;
        }
    }
  return _spire_demo_criterion_specs[c->rubric->criterion[at]].name;
}

/* Screening and withdrawals are the program manager's; shortlists and the
 * final ranking the panel's (with_rubric), signed by its chair.  Without
 * its reason, which the caller sets. */
static SpireRecord *
new_decision (Demo *d, const Cohort *c, const App *a, Status from, Status to, Stamp at,
              gboolean with_rubric)
{
  SpireRecord *r = _spire_demo_new_record (d, &spire_kind_decision, NULL);
  g_autofree char *chair = NULL;

  if (with_rubric && c->n_panel > 0)
    chair =
        g_strdup_printf ("%s (juryleder)", _spire_demo_evaluator_at (d, c->panel[0].person)->name);
  spire_record_set_text (r, "application", a->uuid);
  spire_record_set_text (r, "from_status", _spire_demo_status_values[from]);
  spire_record_set_text (r, "to_status", _spire_demo_status_values[to]);
  spire_record_set_text (r, "decided_by", chair ? chair : c->program->manager);
  _spire_demo_set_stamp (r, "decided_at", at);
  if (with_rubric)
    spire_record_set_int (r, "rubric_version", 1);
  return r;
}

static gboolean
put_decision (Demo *d, const Cohort *c, const App *a, Status from, Status to, Stamp at,
              const char *reason, gboolean with_rubric, GError **error)
{
  SpireRecord *r = new_decision (d, c, a, from, to, at, with_rubric);

  spire_record_set_text (r, "reason", reason);
  return _spire_demo_put (d, r, at, at, error);
}

/* A decision that cites the ranking: made now, written later
 * (_spire_demo_write_cited_decisions). */
static void
cite_decision (Demo *d, Cohort *c, const App *a, Status from, Status to, Stamp at)
{
  CitedDecision cited = { new_decision (d, c, a, from, to, at, TRUE), a, to, at };

  if (c->cited == NULL)
    c->cited = g_array_new (FALSE, FALSE, sizeof (CitedDecision));
  g_array_append_val (c->cited, cited);
}

void
_spire_demo_cited_clear (Cohort *c)
{
  if (c->cited == NULL)
    return;
  for (guint i = 0; i < c->cited->len; i++)
    g_clear_object (&g_array_index (c->cited, CitedDecision, i).record);
  g_clear_pointer (&c->cited, g_array_unref);
}

/* The office's answer to the gate on record, as the screening part shows
 * it: passed for an application that went on to the panel, failed (with the
 * reason as note) for an ineligible one.  Its UUID is derived from the
 * application's, so that no other record's UUID changes with it. */
static gboolean
put_screening (Demo *d, const Cohort *c, const App *a, gboolean passed, const char *note,
               GError **error)
{
  SpireRecord *r = spire_record_new (&spire_kind_screening);
  g_autofree char *seed = g_strconcat (a->uuid, "/screening/", c->gate, NULL);
  g_autofree char *h = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  g_autofree char *uuid = g_strdup_printf ("%.8s-%.4s-4%.3s-8%.3s-%.12s", h, h + 8, h + 12,
                                           h + 15, h + 18);

  spire_record_set_text (r, "uuid", uuid);
  spire_record_set_text (r, "application", a->uuid);
  spire_record_set_text (r, "criterion", c->gate);
  spire_record_set_bool (r, "passed", passed);
  spire_record_set_text (r, "note", note);
  spire_record_set_text (r, "decided_by", c->program->manager);
  _spire_demo_set_stamp (r, "decided_at", a->screened);
  spire_record_set_int (r, "rubric_version", 1);
  return _spire_demo_put (d, r, a->screened, a->screened, error);
}

gboolean
_spire_demo_write_decisions (Demo *d, Cohort *c, const App *a, GError **error)
{
  Stamp shortlist_at =
      _spire_demo_stamp (c->shortlist_day, 14 * 3600 + _spire_demo_rnd (d, 0, 3600));
  Stamp final_at = _spire_demo_stamp (c->final_day, 13 * 3600 + _spire_demo_rnd (d, 0, 3600));

  if (a->fate == FATE_WITHDRAW_EARLY && a->withdrawn)
    return put_decision (d, c, a, ST_RECEIVED, ST_WITHDRAWN, a->withdrawn,
                         PICK (d, _spire_demo_withdraw_reasons), FALSE, error);
  if (!a->screened)
    return TRUE;
  if (a->status == ST_INELIGIBLE)
    {
      const char *why = PICK (d, _spire_demo_ineligible_reasons);

      return put_screening (d, c, a, FALSE, why, error) &&
             put_decision (d, c, a, ST_RECEIVED, ST_INELIGIBLE, a->screened, why, FALSE, error);
    }
  if (!put_screening (d, c, a, TRUE, NULL, error) ||
      !put_decision (d, c, a, ST_RECEIVED, ST_IN_REVIEW, a->screened,
                     "Oppfyller de formelle kravene og går videre til juryen.", FALSE, error))
    return FALSE;
  if (a->status == ST_WITHDRAWN)
    return put_decision (d, c, a, ST_IN_REVIEW, ST_WITHDRAWN, a->withdrawn,
                         PICK (d, _spire_demo_withdraw_reasons), FALSE, error);
  if (a->rank < 0)
    return TRUE;

  if (a->shortlisted)
    cite_decision (d, c, a, ST_IN_REVIEW, ST_SHORTLISTED, shortlist_at);
  if (a->status == ST_ACCEPTED || a->status == ST_WAITLISTED || a->status == ST_REJECTED)
    cite_decision (d, c, a, a->shortlisted ? ST_SHORTLISTED : ST_IN_REVIEW, a->status,
                   final_at);
  return TRUE;
}

/* The reason of a decision that cites the ranking: its place, of how
 * many, with which total, as @row of @ranking says. */
static char *
cited_reason (const Cohort *c, const CitedDecision *cited, SpireRankRow *row, guint n_ranked)
{
  const App *a = cited->app;
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  /* Written in Bokmål, so grouped as Bokmål: "nr. 1 234 av 3 694". */
  g_autofree char *rank = spire_format_count (spire_rank_row_get_rank (row), SPIRE_LANGUAGE_NB);
  g_autofree char *of = spire_format_count (n_ranked, SPIRE_LANGUAGE_NB);

  _spire_demo_format_decimal (spire_rank_row_get_score (row), score);
  switch (cited->to)
    {
    case ST_SHORTLISTED:
      return g_strdup_printf ("Blant de høyest rangerte etter første vurderingsrunde "
                              "(nr. %s av %s, poengsum %s). Inviteres til pitch for juryen.",
                              rank, of, score);
    case ST_ACCEPTED:
      {
        g_autofree char *best = g_utf8_strdown (weakest_criterion (c, a, TRUE), -1);

        return g_strdup_printf ("Juryen innstilte søknaden som nr. %s av %s (poengsum %s). "
                                "Sterkest på %s.", rank, of, score, best);
      }
    case ST_WAITLISTED:
      return g_strdup_printf ("Rangert som nr. %s av %s (poengsum %s). Står på venteliste "
                              "og får plass hvis noen trekker seg.", rank, of, score);
    default:
      {
        g_autofree char *worst = g_utf8_strdown (weakest_criterion (c, a, FALSE), -1);

        return g_strdup_printf ("Rangert som nr. %s av %s (poengsum %s). Juryen la vekt på "
                                "svakere %s enn de som ble tatt opp.", rank, of, score, worst);
      }
    }
}

gboolean
_spire_demo_write_cited_decisions (Demo *d, Cohort *c, GError **error)
{
  g_autoptr (SpireRanking) ranking = NULL;
  guint n_ranked = 0;
  gboolean ok = TRUE;

  if (c->cited == NULL || c->cited->len == 0)
    return TRUE;
  ranking = spire_rank_cohort (d->store, c->uuid, d->cancellable, error);
  if (ranking == NULL)
    return FALSE;
  for (guint i = 0; i < spire_ranking_get_n_rows (ranking); i++)
    n_ranked += spire_rank_row_get_rank (spire_ranking_get_row (ranking, i)) > 0;

  for (guint i = 0; ok && i < c->cited->len; i++)
    {
      CitedDecision *cited = &g_array_index (c->cited, CitedDecision, i);
      SpireRankRow *row = spire_ranking_lookup (ranking, cited->app->uuid);
      g_autofree char *reason = NULL;

      /* Planned as ranked (three submitted reviews, taking part), so
       * ranked. */
      if (row == NULL || spire_rank_row_get_rank (row) == 0)
        {
          g_warning ("Application %s was planned as ranked but is not", cited->app->uuid);
          reason = g_strdup ("Avgjort av juryen.");
        }
      else
        reason = cited_reason (c, cited, row, n_ranked);
      spire_record_set_text (cited->record, "reason", reason);
      ok = _spire_demo_put (d, g_steal_pointer (&cited->record), cited->at, cited->at, error);
    }
  _spire_demo_cited_clear (c);
  return ok;
}

static char *
review_summary (Demo *d, const Cohort *c, const Slot *s, const char *recommendation)
{
  int best = 0, worst = 0;
  g_autofree char *strong = NULL;

  for (int k = 1; k < s->n_entered; k++)
    {
      if (isnan (s->values[k]))
        continue;
      if (isnan (s->values[best]) || s->values[k] > s->values[best])
        best = k;
      if (isnan (s->values[worst]) || s->values[k] < s->values[worst])
        worst = k;
    }
  strong = g_strdup_printf ("Søkeren %s",
                            _spire_demo_criterion_specs[c->rubric->criterion[best]].strong);
  if (best == worst)
    return g_strdup_printf ("%s.", strong);
  return g_strdup_printf (
    "%s, men %s.%s", strong, _spire_demo_criterion_specs[c->rubric->criterion[worst]].weak,
    recommendation == NULL ? ""
    : g_str_equal (recommendation, "yes") ? " Anbefales tatt opp."
    : g_str_equal (recommendation, "maybe") ? " Kan være aktuell hvis det blir ledige plasser."
                                            : " Anbefales ikke.");
}

gboolean
_spire_demo_write_reviews (Demo *d, const Cohort *c, const App *a, GError **error)
{
  Stamp assigned = a->screened + 86400;

  for (int i = 0; i < a->n_slots; i++)
    {
      const Slot *s = &a->slots[i];
      const char *panelist = c->panel[s->panelist].uuid;
      const char *recommendation = NULL;
      static const char *const assignment_states[] = { "declined", "assigned", "drafted",
                                                       "submitted" };
      char review_uuid[UUID_LEN];
      SpireRecord *r;
      Stamp started;

      r = _spire_demo_new_record (d, &spire_kind_assignment, NULL);
      spire_record_set_text (r, "evaluator", panelist);
      spire_record_set_text (r, "application", a->uuid);
      spire_record_set_text (r, "state", assignment_states[s->state]);
      if (!_spire_demo_put (d, r, assigned, s->state == SLOT_ASSIGNED ? assigned : s->done, error))
        return FALSE;

      if (s->state == SLOT_DECLINED)
        {
          const char *kind, *reason;

          if (s->conflict == CONFLICT_EMPLOYEE)
            {
              kind = "employee";
              reason = "Jurymedlemmet er ansatt i selskapet som søker.";
            }
          else if (s->conflict == CONFLICT_OWNER)
            {
              kind = "other";
              reason = "Jurymedlemmet er ansatt hos virksomheten som eier utfordringen "
                       "(samme organisasjonsnummer).";
            }
          else
            {
              kind = _spire_demo_declared_conflicts[s->declared][0];
              reason = _spire_demo_declared_conflicts[s->declared][1];
            }
          r = _spire_demo_new_record (d, &spire_kind_conflict, NULL);
          spire_record_set_text (r, "evaluator", panelist);
          spire_record_set_text (r, "application", a->uuid);
          spire_record_set_text (r, "startup", _spire_demo_startup_at (d, a->startup)->uuid);
          spire_record_set_text (r, "origin", s->conflict == CONFLICT_DECLARED ? "declared"
                                                                               : "detected");
          spire_record_set_text (r, "kind", kind);
          spire_record_set_text (r, "reason", reason);
          spire_record_set_bool (r, "confirmed", TRUE);
          if (!_spire_demo_put (d, r, s->done, s->done, error))
            return FALSE;
          continue;
        }
      if (s->state == SLOT_ASSIGNED)
        continue;

      if (s->state == SLOT_SUBMITTED)
        recommendation = s->score >= 5.3 ? "yes" : s->score >= 4.2 ? "maybe" : "no";
      else if (_spire_demo_chance (d, 0.5))
        recommendation = "maybe";

      started = MIN (assigned + _spire_demo_rnd (d, 3600, 2 * 86400), s->done);
      r = _spire_demo_new_record (d, &spire_kind_review, review_uuid);
      spire_record_set_text (r, "evaluator", panelist);
      spire_record_set_text (r, "application", a->uuid);
      spire_record_set_text (r, "state", s->state == SLOT_SUBMITTED ? "submitted" : "draft");
      spire_record_set_text (r, "recommendation", recommendation);
      if (s->state == SLOT_SUBMITTED || _spire_demo_chance (d, 0.5))
        {
          g_autofree char *summary = review_summary (d, c, s, recommendation);

          spire_record_set_text (r, "summary", summary);
        }
      if (s->state == SLOT_SUBMITTED)
        _spire_demo_set_stamp (r, "submitted_at", s->done);
      spire_record_set_int (r, "rubric_version", 1);
      if (!_spire_demo_put (d, r, started, s->done, error))
        return FALSE;

      for (int k = 0; k < s->n_entered; k++)
        {
          const CriterionSpec *crit = &_spire_demo_criterion_specs[c->rubric->criterion[k]];

          r = _spire_demo_new_record (d, &spire_kind_score, NULL);
          spire_record_set_text (r, "review", review_uuid);
          spire_record_set_text (r, "criterion", c->criteria[k]);
          spire_record_set_real (r, "value", s->values[k]);
          if (isnan (s->values[k]))
            spire_record_set_text (r, "comment", "Ikke relevant for denne søknaden.");
          else if (_spire_demo_chance (d, d->size->p_comment))
            {
              g_autofree char *comment =
                _spire_demo_capitalise (s->values[k] >= 5 ? crit->strong : crit->weak);
              g_autofree char *sentence = g_strdup_printf ("%s.", comment);

              spire_record_set_text (r, "comment", sentence);
            }
          if (!_spire_demo_put (d, r, started, s->done, error))
            return FALSE;
        }
    }
  return TRUE;
}

static char *
application_extra (Demo *d, const Startup *s, const Cohort *c)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  char employees[16];

  g_snprintf (employees, sizeof employees, "%d", s->employees);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "Antall ansatte");
  json_builder_add_string_value (b, employees);
  if (_spire_demo_chance (d, 0.7))
    {
      g_autofree char *turnover =
          _spire_demo_format_thousands ((gint64) _spire_demo_rnd (d, 0, 120) * 50000);
      g_autofree char *value = g_strdup_printf ("%s kr", turnover);

      json_builder_set_member_name (b, "Omsetning i fjor");
      json_builder_add_string_value (b, value);
    }
  json_builder_set_member_name (b, "Har dere offentlige kunder i dag?");
  json_builder_add_string_value (b, _spire_demo_chance (d, 0.45) ? "Ja" : "Nei");
  if (_spire_demo_chance (d, 0.5))
    {
      json_builder_set_member_name (b, "Hvordan hørte dere om programmet?");
      json_builder_add_string_value (b, PICK (d, _spire_demo_heard_from));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

gboolean
_spire_demo_write_application (Demo *d, Cohort *c, App *a, GError **error)
{
  const Startup *s = _spire_demo_startup_at (d, a->startup);
  SpireRecord *r = _spire_demo_new_record (d, &spire_kind_application, a->uuid);
  g_autofree char *product = _spire_demo_capitalise (s->product);
  g_autofree char *title = NULL;
  g_autofree char *pitch = NULL;
  g_autofree char *solution = NULL;
  g_autofree char *extra = NULL;
  const char *partner;
  Stamp updated = a->submitted;

  if (a->challenge >= 0)
    {
      partner = _spire_demo_body_at (d, c->challenges[a->challenge].body)->spec->name;
      title = g_strdup_printf ("%s for %s", product, partner);
    }
  else
    {
      title = g_strdup (product);
      partner = "offentlige virksomheter";
    }
  pitch = g_strdup_printf ("%s tilbyr %s. Vi har %s, og vil teste løsningen i full skala "
                           "sammen med %s.", s->short_name, s->product,
                           _spire_demo_stage_traction[a->stage], partner);
  solution = g_strdup_printf ("Løsningen består av %s med et enkelt grensesnitt for "
                              "ansatte og innbyggere. Data lagres i Norge og behandles i "
                              "tråd med personvernforordningen; vi integrerer mot %s via "
                              "åpne grensesnitt. Prismodellen er abonnement per virksomhet.",
                              s->product, PICK (d, _spire_demo_integrations));
  extra = application_extra (d, s, c);

  spire_record_set_text (r, "cohort", c->uuid);
  spire_record_set_text (r, "startup", s->uuid);
  if (a->challenge >= 0)
    spire_record_set_text (r, "challenge", c->challenges[a->challenge].uuid);
  spire_record_set_text (r, "contact", s->contact);
  spire_record_set_text (r, "title", title);
  spire_record_set_text (r, "pitch", pitch);
  spire_record_set_text (r, "solution", solution);
  spire_record_set_text (r, "stage", _spire_demo_stage_values[a->stage]);
  spire_record_set_text (r, "status", _spire_demo_status_values[a->status]);
  _spire_demo_set_stamp (r, "submitted_at", a->submitted);
  spire_record_set_text (r, "extra", extra);
  if (_spire_demo_chance (d, 0.3))
    {
      GString *text = g_string_new (PICK (d, _spire_demo_confidential_texts));
      g_autofree char *filled = NULL;

      g_string_replace (text, "{partner}", partner, 0);
      filled = g_string_free (text, FALSE);
      spire_record_set_text (r, "confidential", filled);
    }

  if (a->withdrawn)
    updated = a->withdrawn;
  else if (a->rank >= 0 && c->spec->phase >= PH_DECIDED)
    updated = _spire_demo_stamp (c->final_day, 14 * 3600);
  else if (a->shortlisted)
    updated = _spire_demo_stamp (c->shortlist_day, 15 * 3600);
  else if (a->screened)
    updated = a->screened;
  return _spire_demo_put (d, r,
                          MAX (a->submitted - _spire_demo_rnd (d, 600, 5 * 86400),
                               _spire_demo_stamp (c->opens, 7 * 3600)),
                          updated, error);
}
