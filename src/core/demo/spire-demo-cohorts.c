/* spire-demo-cohorts.c — the sample data's cohorts: dates, challenges, rubric,
 * panel, and their applications one cohort at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-demo-private.h"

/* Cohorts */

static void
plan_dates (Demo *d, Cohort *c)
{
  static const int offsets[][4] = {
    [PH_PLANNING] = { 130, 180, 225, 405 },
    [PH_OPEN] = { -20, 25, 70, 250 },
    [PH_SCREENING] = { -60, -6, 45, 225 },
    [PH_EVALUATION] = { -80, -30, 30, 210 },
    [PH_DECIDED] = { -110, -70, 14, 194 },
    [PH_RUNNING] = { -240, -190, -120, 60 },
    [PH_FOLLOW_UP] = { -620, -575, -520, -340 },
    [PH_CLOSED] = { -620, -575, -520, -340 },
  };
  Phase phase = c->spec->phase;
  int back = phase == PH_CLOSED ? 365 * c->spec->years_back + 90 : 0;
  int jitter = _spire_demo_rnd (d, -4, 4);

  c->opens = d->today + offsets[phase][0] - back + jitter + _spire_demo_rnd (d, -3, 0);
  c->deadline = d->today + offsets[phase][1] - back + jitter;
  c->starts = d->today + offsets[phase][2] - back + jitter + _spire_demo_rnd (d, 0, 3);
  c->ends = d->today + offsets[phase][3] - back + jitter + _spire_demo_rnd (d, 0, 3);
  if (phase == PH_DECIDED)
    c->final_day = d->today - _spire_demo_rnd (d, 3, 10);
  else if (phase == PH_EVALUATION)
    c->final_day = d->today + 20;
  else
    c->final_day = c->starts - _spire_demo_rnd (d, 7, 14);
  c->shortlist_day =
      phase == PH_EVALUATION ? d->today - 2 : c->final_day - _spire_demo_rnd (d, 10, 16);
}

static gboolean
fill_cohort_record (Demo *d, Cohort *c, GError **error)
{
  const char *season;
  SpireRecord *r;
  Stamp created, updated;

  plan_dates (d, c);
  season = _spire_demo_day_month (c->starts) <= 6 ? "vår" : "høst";
  {
    g_autofree char *name = g_strdup_printf ("%s %s %d", c->spec->name, season,
                                             _spire_demo_day_year (c->starts));

    for (int n = 2; !_spire_demo_take (d, name); n++)
      {
        g_free (name);
        name = g_strdup_printf ("%s %s %d (%d)", c->spec->name, season,
                                _spire_demo_day_year (c->starts), n);
      }
    c->name = _spire_demo_keep (d, name);
  }
  r = _spire_demo_new_record (d, &spire_kind_cohort, c->uuid);
  spire_record_set_text (r, "program", c->program->uuid);
  spire_record_set_text (r, "name", c->name);
  spire_record_set_text (r, "phase", _spire_demo_phase_values[c->spec->phase]);
  _spire_demo_set_day (r, "opens_on", c->opens);
  _spire_demo_set_day (r, "application_deadline", c->deadline);
  _spire_demo_set_day (r, "starts_on", c->starts);
  _spire_demo_set_day (r, "ends_on", c->ends);
  spire_record_set_int (r, "seats", c->spec->seats);
  spire_record_set_bool (r, "blind", c->spec->blind);
  spire_record_set_bool (r, "owner_on_panel", c->spec->owner_on_panel);
  /* What the program spends on the cohort: 1–4 MNOK, more for many seats. */
  spire_record_set_int (r, "invested",
                        (gint64) (_spire_demo_rnd (d, 10, 40) + 2 * MAX (c->spec->seats - 8, 0)) *
                            100000 * 100);
  created = _spire_demo_stamp_on (d, c->opens - _spire_demo_rnd (d, 50, 70));
  updated = _spire_demo_stamp_on (d, MIN (d->today - 1, c->spec->phase >= PH_DECIDED ? c->final_day
                                                                          : c->opens));
  return _spire_demo_put (d, r, created, updated, error);
}

static gboolean
fill_challenges (Demo *d, Cohort *c, GError **error)
{
  int owners[32], n_owners = 0;
  int order[G_N_ELEMENTS (_spire_demo_challenge_specs)];
  int n = G_N_ELEMENTS (_spire_demo_challenge_specs);

  for (const int *o = c->program->spec->owners; *o >= 0; o++)
    if (d->body_index[*o] >= 0)
      owners[n_owners++] = d->body_index[*o];
  if (n_owners == 0)
    return TRUE;

  for (int i = 0; i < n; i++)
    order[i] = i;
  for (int i = n - 1; i > 0; i--)
    {
      int j = _spire_demo_rnd (d, 0, i), tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }

  for (int k = 0; k < n && c->n_challenges < c->spec->n_challenges; k++)
    {
      const ChallengeSpec *spec = &_spire_demo_challenge_specs[order[k]];
      int fitting[32], n_fitting = 0;
      SpireRecord *r;
      char video[64];
      static const char letters[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      Stamp t;

      for (int o = 0; o < n_owners; o++)
        if (g_str_equal (_spire_demo_body_at (d, owners[o])->spec->kind, spec->owner_kind))
          fitting[n_fitting++] = owners[o];
      if (n_fitting == 0)
        continue;

      c->challenges[c->n_challenges].spec = spec;
      c->challenges[c->n_challenges].body = fitting[_spire_demo_rnd (d, 0, n_fitting - 1)];
      r = _spire_demo_new_record (d, &spire_kind_challenge, c->challenges[c->n_challenges].uuid);
      spire_record_set_text (r, "cohort", c->uuid);
      spire_record_set_text (r, "owner",
                             _spire_demo_body_at (d, c->challenges[c->n_challenges].body)->uuid);
      spire_record_set_text (r, "title", spec->title);
      spire_record_set_text (r, "need", spec->need);
      if (_spire_demo_chance (d, 0.8))
        {
          if (_spire_demo_chance (d, 0.6))
            {
              int len = g_snprintf (video, sizeof video, "https://www.youtube.com/watch?v=");

              for (int i = 0; i < 11; i++)
                video[len + i] = letters[_spire_demo_rnd (d, 0, sizeof letters - 2)];
              video[len + 11] = '\0';
            }
          else
            g_snprintf (video, sizeof video, "https://vimeo.com/%d",
                        _spire_demo_rnd (d, 100000000, 999999999));
          spire_record_set_text (r, "video_url", video);
        }
      if (_spire_demo_chance (d, 0.85))
        spire_record_set_int (r, "budget_hint", (gint64) _spire_demo_rnd (d, 5, 60) * 50000 * 100);
      c->n_challenges++;
      t = _spire_demo_stamp_on (d, c->opens - _spire_demo_rnd (d, 20, 40));
      if (!_spire_demo_put (d, r, t, t + 86400 * _spire_demo_rnd (d, 0, 15), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_rubric (Demo *d, Cohort *c, GError **error)
{
  gboolean large = d->size->large;
  char rubric_uuid[UUID_LEN];
  SpireRecord *r;
  Stamp t = _spire_demo_stamp_on (d, c->opens - _spire_demo_rnd (d, 10, 20));
  Stamp frozen = _spire_demo_stamp (c->deadline + 1, 9 * 3600);

  c->rubric = &_spire_demo_rubric_specs[large ? RUBRIC_LARGE : c->spec->rubric];
  c->median = _spire_demo_chance (d, 0.35);
  r = _spire_demo_new_record (d, &spire_kind_rubric, rubric_uuid);
  spire_record_set_text (r, "cohort", c->uuid);
  spire_record_set_int (r, "scale_min", 1);
  spire_record_set_int (r, "scale_max", 7);
  spire_record_set_text (r, "scale_labels", _spire_demo_scale_labels);
  spire_record_set_text (r, "aggregation", c->median ? "median" : "mean");
  c->normalised = _spire_demo_chance (d, 0.4);
  spire_record_set_text (r, "normalisation", c->normalised ? "per_evaluator" : "none");
  spire_record_set_real (r, "disagreement_threshold",
                         PICK (d, ((const double[]){ 1.0, 1.25, 1.5 })));
  spire_record_set_int (r, "version", 1);
  if (c->spec->phase >= PH_SCREENING)
    _spire_demo_set_stamp (r, "frozen_at", frozen);
  if (!_spire_demo_put (d, r, t, c->spec->phase >= PH_SCREENING ? frozen : t, error))
    return FALSE;

  /* The gate first: screening checks it before anyone scores. */
  r = _spire_demo_new_record (d, &spire_kind_criterion, c->gate);
  spire_record_set_text (r, "rubric", rubric_uuid);
  spire_record_set_int (r, "position", 0);
  spire_record_set_text (r, "name", "Formelle krav");
  spire_record_set_text (r, "guidance",
                         "Selskapet er registrert i Enhetsregisteret, har færre enn 50 ansatte "
                         "og har levert alle obligatoriske vedlegg. Oppfylles ikke kravene, "
                         "vurderes søknaden ikke videre.");
  spire_record_set_real (r, "weight", 0);
  spire_record_set_text (r, "kind", "gate");
  if (!_spire_demo_put (d, r, t, t, error))
    return FALSE;

  for (int i = 0; i < c->rubric->n; i++)
    {
      const CriterionSpec *spec = &_spire_demo_criterion_specs[c->rubric->criterion[i]];

      r = _spire_demo_new_record (d, &spire_kind_criterion, c->criteria[i]);
      spire_record_set_text (r, "rubric", rubric_uuid);
      spire_record_set_int (r, "position", i + 1);
      spire_record_set_text (r, "name", spec->name);
      spire_record_set_text (r, "guidance", spec->guidance);
      spire_record_set_real (r, "weight", c->rubric->weight[i]);
      spire_record_set_text (r, "kind", "scored");
      if (!_spire_demo_put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_panel (Demo *d, Cohort *c, guint *pool_cursor, const guint *pool, GError **error)
{
  int size = c->spec->panel_size;

  for (int i = 0; i < size; i++)
    {
      int person;
      const char *role;
      SpireRecord *r;
      Stamp t = _spire_demo_stamp_on (d, c->opens - _spire_demo_rnd (d, 5, 15));
      gboolean again;

      if (c->spec->panel != NULL)
        person = c->spec->panel[i];
      else
        do
          {
            person = (int) pool[*pool_cursor % d->size->n_evaluators];
            *pool_cursor += 1;
            again = FALSE;
            for (int k = 0; k < c->n_panel; k++)
              again |= c->panel[k].person == person;
          }
        while (again);

      role = i == 0 ? "chair" : (size >= 5 && i == size - 1) ? "observer" : "member";
      c->panel[c->n_panel].person = person;
      if (!g_str_equal (role, "observer"))
        c->scorers[c->n_scorers++] = c->n_panel;
      r = _spire_demo_new_record (d, &spire_kind_evaluator, c->panel[c->n_panel].uuid);
      spire_record_set_text (r, "cohort", c->uuid);
      spire_record_set_text (r, "person", _spire_demo_evaluator_at (d, person)->uuid);
      spire_record_set_text (r, "role", role);
      c->n_panel++;
      if (!_spire_demo_put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_applications (Demo *d, Cohort *c, GError **error)
{
  _spire_demo_plan_applications (d, c);
  for (int i = 0; i < c->n_apps; i++)
    {
      App *a = &c->apps[i];

      if (!_spire_demo_write_application (d, c, a, error) ||
          !_spire_demo_write_decisions (d, c, a, error) ||
          !_spire_demo_write_reviews (d, c, a, error))
        return FALSE;
    }
  return _spire_demo_write_cited_decisions (d, c, error);
}

/* The index in @size's table of the cohort with the most applications. */
static guint
largest_in_table (const SizeSpec *size)
{
  guint best = 0;

  for (guint i = 1; i < size->n_cohorts; i++)
    if (size->cohorts[i].n_apps > size->cohorts[best].n_apps)
      best = i;
  return best;
}

void
_spire_demo_cohort_spec (const SizeSpec *size, guint i, CohortSpec *spec)
{
  guint copy = i / size->n_cohorts;

  *spec = size->cohorts[i % size->n_cohorts];
  if (copy > 0)
    {
      /* The stories are told once. */
      spec->hero = FALSE;
      spec->forced[0] = spec->forced[1] = -1;
      spec->years_back += 4 * (int) copy;
    }
  if (i % size->n_cohorts == largest_in_table (size))
    {
      if (copy == 0)
        spec->n_apps *= (int) size->largest_scale;
      else if (size->largest_scale > 1)
        {
          /* Its next calls are still being planned. */
          spec->phase = PH_PLANNING;
          spec->n_apps = 0;
          spec->panel_size = 0;
        }
    }
}

gboolean
_spire_demo_fill_cohorts (Demo *d, GError **error)
{
  guint *pool = g_new (guint, d->size->n_evaluators);
  guint pool_cursor = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < d->size->n_evaluators; i++)
    pool[i] = i;
  for (guint i = d->size->n_evaluators - 1; i > 0; i--)
    {
      guint j = (guint) _spire_demo_rnd (d, 0, (int) i), tmp = pool[i];

      pool[i] = pool[j];
      pool[j] = tmp;
    }

  for (guint i = 0; ok && i < d->size->n_cohorts * d->size->repeat; i++)
    {
      Cohort *c = g_new0 (Cohort, 1);

      _spire_demo_cohort_spec (d->size, i, &c->own);
      c->spec = &c->own;
      c->program = &g_array_index (d->programs, Program, c->spec->program);
      g_ptr_array_add (d->cohorts, c);
      ok = fill_cohort_record (d, c, error) && fill_challenges (d, c, error) &&
           fill_rubric (d, c, error) && fill_panel (d, c, &pool_cursor, pool, error) &&
           fill_applications (d, c, error);
    }
  g_free (pool);
  return ok;
}
