/* spire-demo.c — realistic, deterministic Norwegian sample data
 *
 * Everything is drawn from two GRands seeded with the seed: one for the
 * content, one for the UUIDs.  Nothing reads the clock: the data is "as of"
 * a day derived from the seed, and every created_at/updated_at is derived
 * from the domain dates, so the same seed gives the same bytes.
 *
 * The data follows DESIGN.md: a challenge-driven accelerator (SmartOslo),
 * a need-first competition run by a state agency, a procurement-support
 * program (LUP), and — in the large set — more programs up to a national
 * open call with 4 000 applications.  Each cohort goes through its phases
 * as far as the day allows: applications are screened (gate criterion
 * "Formelle krav"), reviewed by three panel members (scored criteria on a
 * 1–7 scale, some N/A), ranked by the rubric's aggregation, decided with
 * written reasons, and the accepted startups go on to deals whose stage
 * history is kept as deal events, with a procedure and, once signed, gains
 * per year; every cohort has what the program invested in it.  Issue 8's
 * stories are told in both sizes: the SmartOslo cohort's 80 → 4 → 2 signed
 * + 2 negotiating, an innovation partnership in four phases with a purchase
 * option, the need-first winners' six-month MVP contracts, and one
 * welfare-technology solution spreading from St. Hanshaugen to more than
 * 50 municipalities.
 *
 * Conflicts of interest: declared conflicts are recorded (and the panel
 * member's assignment declined) in decided cohorts; in the cohort under
 * evaluation a panel member employed by an applicant, and panel members
 * from bodies owning a challenge, are left for conflict detection to find.
 *
 * Gate criteria are not scored by the panel: an application that fails one
 * is set to "ineligible" at screening, with the reason in the decision.
 *
 * The generator is in parts: here the helpers (spire-demo-private.h), the
 * public bodies, programs, startups and panel members, and the whole; the
 * cohorts (spire-demo-cohorts.c), their applications
 * (spire-demo-applications.c), the deals (spire-demo-deals.c) and the
 * follow-up stories (spire-demo-stories.c) each have a file.  What it draws from is in spire-demo-tables.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-demo-private.h"
#include "spire-error.h"
#include "spire-job-private.h"
#include "spire-validate.h"

/* Small helpers */

int
_spire_demo_rnd (Demo *d, int lo, int hi) /* lo ≤ n ≤ hi */
{
  return g_rand_int_range (d->rand, lo, hi + 1);
}

double
_spire_demo_unif (Demo *d)
{
  return g_rand_double (d->rand);
}

gboolean
_spire_demo_chance (Demo *d, double p)
{
  return g_rand_double (d->rand) < p;
}

double
_spire_demo_gauss (Demo *d, double mean, double sd)
{
  double u = 1.0 - g_rand_double (d->rand); /* (0, 1] */
  double v = g_rand_double (d->rand);

  return mean + sd * sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

const char *
_spire_demo_keep (Demo *d, const char *s)
{
  return g_string_chunk_insert (d->strings, s);
}

static const char *
keep_take (Demo *d, char *s)
{
  const char *kept = g_string_chunk_insert (d->strings, s);

  g_free (s);
  return kept;
}

/* TRUE when @s was not in use yet; it is from now on. */
gboolean
_spire_demo_take (Demo *d, const char *s)
{
  if (g_hash_table_contains (d->taken, s))
    return FALSE;
  g_hash_table_add (d->taken, (gpointer) _spire_demo_keep (d, s));
  return TRUE;
}

Stamp
_spire_demo_stamp (guint32 day, int seconds)
{
  return (Stamp) day * 86400 + seconds;
}

guint32
_spire_demo_stamp_day (Stamp t)
{
  return (guint32) (t / 86400);
}

Stamp
_spire_demo_stamp_on (Demo *d, guint32 day) /* during office hours */
{
  return _spire_demo_stamp (day, _spire_demo_rnd (d, 7 * 3600, 15 * 3600));
}

static void
format_day (guint32 day, char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04d-%02d-%02d", (int) g_date_get_year (&date),
              (int) g_date_get_month (&date), (int) g_date_get_day (&date));
}

static void
format_stamp (Stamp t, char out[21])
{
  char day[11];
  int s = (int) (t % 86400);

  format_day (_spire_demo_stamp_day (t), day);
  g_snprintf (out, 21, "%sT%02d:%02d:%02dZ", day, s / 3600, s / 60 % 60, s % 60);
}

int
_spire_demo_day_year (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

int
_spire_demo_day_month (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_month (&date);
}

void
_spire_demo_set_day (SpireRecord *r, const char *field, guint32 day)
{
  char s[11];

  format_day (day, s);
  spire_record_set_text (r, field, s);
}

void
_spire_demo_set_stamp (SpireRecord *r, const char *field, Stamp t)
{
  char s[21];

  format_stamp (t, s);
  spire_record_set_text (r, field, s);
}

/* "5,4": numbers in texts are Norwegian whatever the locale. */
void
_spire_demo_format_decimal (double v, char out[G_ASCII_DTOSTR_BUF_SIZE])
{
  g_ascii_formatd (out, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", v);
  for (char *p = out; *p; p++)
    if (*p == '.')
      *p = ',';
}

/* "1 250 000" */
char *
_spire_demo_format_thousands (gint64 v)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, v);
  GString *s = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ' ');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

char *
_spire_demo_capitalise (const char *s)
{
  char *out = g_strdup (s);

  out[0] = g_ascii_toupper (out[0]);
  return out;
}

/* Lower-case ASCII for host names and e-mail addresses: "Grønn Bølge" → "gronn-bolge" */
static char *
ascii_slug (const char *text, char sep)
{
  GString *s = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      const char *add = NULL;
      char one[2] = { 0, 0 };

      switch (c)
        {
        case 0xe6: add = "ae"; break; /* æ */
        case 0xf8: add = "o"; break;  /* ø */
        case 0xe5: add = "a"; break;  /* å */
        case 0xe4: add = "a"; break;  /* ä */
        case 0xf6: add = "o"; break;  /* ö */
        case 0xfc: add = "u"; break;  /* ü */
        case 0xe9: case 0xe8: add = "e"; break;
        default:
          if (c < 128 && g_ascii_isalnum ((char) c))
            {
              one[0] = (char) c;
              add = one;
            }
          break;
        }
      if (add == NULL)
        {
          pending = s->len > 0;
          continue;
        }
      if (pending)
        g_string_append_c (s, sep);
      pending = FALSE;
      g_string_append (s, add);
    }
  return g_string_free (s, FALSE);
}

/* A version 4 UUID from the id stream */
static void
make_uuid (GRand *ids, char out[UUID_LEN])
{
  guint32 a = g_rand_int (ids);
  guint32 b = g_rand_int (ids);
  guint32 c = g_rand_int (ids);
  guint32 e = g_rand_int (ids);

  g_snprintf (out, UUID_LEN, "%08x-%04x-%04x-%04x-%04x%08x", a, b >> 16,
              (b & 0x0fffu) | 0x4000u, ((c >> 16) & 0x3fffu) | 0x8000u, c & 0xffffu, e);
}

static void
make_orgnr (Demo *d, char out[10])
{
  for (;;)
    {
      int check;

      out[0] = '9';
      for (int i = 1; i < 8; i++)
        out[i] = (char) ('0' + _spire_demo_rnd (d, 0, 9));
      out[8] = '\0';
      check = spire_orgnr_check_digit (out);
      if (check < 0)
        continue;
      out[8] = (char) ('0' + check);
      out[9] = '\0';
      if (_spire_demo_take (d, out))
        return;
    }
}

static const char *
make_phone (Demo *d)
{
  char s[32];

  g_snprintf (s, sizeof s, "+47 %d%02d %02d %03d", PICK (d, ((const int[]) { 4, 9 })),
              _spire_demo_rnd (d, 0, 99), _spire_demo_rnd (d, 0, 99), _spire_demo_rnd (d, 0, 999));
  return _spire_demo_keep (d, s);
}

static const char *
make_person_name (Demo *d, const char **first_out)
{
  const char *first = PICK (d, _spire_demo_first_names);
  const char *last = PICK (d, _spire_demo_last_names);
  char *name = g_strdup_printf ("%s %s", first, last);

  if (first_out)
    *first_out = first;
  return keep_take (d, name);
}

static char *
email_for (const char *first, const char *full_name, const char *domain)
{
  g_autofree char *local = ascii_slug (full_name ? full_name : first, '.');

  return g_strdup_printf ("%s@%s", local, domain);
}

/* Progress and cancellation */

static gboolean
set_cancelled (GError **error)
{
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                       _("Creating the sample data was cancelled. Nothing was added."));
  return FALSE;
}

static void
report (Demo *d, double fraction)
{
  if (d->progress != NULL)
    d->progress (fraction, d->progress_data);
  d->reported = fraction;
}

static void
tick (Demo *d)
{
  double f;

  d->done += 1;
  f = MIN (d->done / d->estimate, 0.99);
  if (f >= d->reported + 0.01)
    report (d, f);
}

SpireRecord *
_spire_demo_new_record (Demo *d, const SpireKind *kind, char uuid[UUID_LEN])
{
  SpireRecord *r = spire_record_new (kind);
  char local[UUID_LEN];

  if (uuid == NULL)
    uuid = local;
  make_uuid (d->ids, uuid);
  spire_record_set_text (r, "uuid", uuid);
  return r;
}

/* Writes @record (and drops it) with the given times. */
gboolean
_spire_demo_put (Demo *d, SpireRecord *record, Stamp created, Stamp updated, GError **error)
{
  gboolean ok;

  if (g_cancellable_is_cancelled (d->cancellable))
    {
      g_object_unref (record);
      return set_cancelled (error);
    }
  _spire_demo_set_stamp (record, "created_at", created);
  _spire_demo_set_stamp (record, "updated_at", MAX (created, updated));
  ok = spire_store_save (d->store, record, d->flags, NULL, error);
  g_object_unref (record);
  if (ok)
    tick (d);
  return ok;
}

/* Public bodies, programs */

static gboolean
fill_bodies (Demo *d, GError **error)
{
  gboolean large = d->size->large;

  for (guint i = 0; i < G_N_ELEMENTS (_spire_demo_body_specs); i++)
    {
      const BodySpec *spec = &_spire_demo_body_specs[i];
      Body b = { .spec = spec };
      SpireRecord *r;
      Stamp t = _spire_demo_stamp_on (d, d->today - 2000 + _spire_demo_rnd (d, 0, 60));

      d->body_index[i] = -1;
      if (!large && !spec->small)
        continue;
      make_orgnr (d, b.orgnr);
      r = _spire_demo_new_record (d, &spire_kind_public_body, b.uuid);
      spire_record_set_text (r, "name", spec->name);
      spire_record_set_text (r, "kind", spec->kind);
      spire_record_set_text (r, "orgnr", b.orgnr);
      spire_record_set_text (r, "kommunenummer", spec->kommunenummer);
      spire_record_set_text (r, "website", spec->website);
      if (spec->parent >= 0)
        spire_record_set_text (r, "parent",
                               g_array_index (d->bodies, Body, d->body_index[spec->parent]).uuid);
      d->body_index[i] = (int) d->bodies->len;
      g_array_append_val (d->bodies, b);
      if (!_spire_demo_put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

Body *
_spire_demo_body_at (Demo *d, int index)
{
  return &g_array_index (d->bodies, Body, index);
}

static gboolean
fill_programs (Demo *d, GError **error)
{
  for (guint i = 0; i < d->size->n_programs; i++)
    {
      Program p = { .spec = &_spire_demo_program_specs[i] };
      SpireRecord *r = _spire_demo_new_record (d, &spire_kind_program, p.uuid);
      Stamp t = _spire_demo_stamp_on (d, d->today - 1900 + _spire_demo_rnd (d, 0, 30));

      p.manager = make_person_name (d, NULL);
      spire_record_set_text (r, "name", p.spec->name);
      spire_record_set_text (r, "kind", p.spec->kind);
      spire_record_set_text (r, "operator", p.spec->operator_name);
      spire_record_set_text (r, "description", p.spec->description);
      g_array_append_val (d->programs, p);
      if (!_spire_demo_put (d, r, t, t + 86400 * _spire_demo_rnd (d, 30, 900), error))
        return FALSE;
    }
  return TRUE;
}

/* Startups and their contact persons */

/* Added to a startup's name when the stems, tails and suffixes are used
 * up (about 12 000 names: the xlarge set has 70 000 startups). */
static const char *const name_places[] = {
  "Nord", "Vest", "Sør", "Øst", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Bodø",
  "Ålesund", "Kristiansand", "Drammen", "Hamar", "Lillehammer", "Molde", "Alta", "Harstad",
  "Narvik", "Arendal", "Skien", "Gjøvik", "Steinkjer", "Førde", "Voss", "Kongsberg", "Halden",
  "Moss", "Larvik", "Kirkenes", "Finnsnes",
};

static const char *
startup_name (Demo *d, int index, int sector, const char **short_out)
{
  guint misses = 0;

  for (;;)
    {
      guint n = G_N_ELEMENTS (_spire_demo_name_stems);
      /* Startup 2 always has a name sorted after Z, so the data shows it. */
      const char *stem =
          index == 2
              ? _spire_demo_name_stems[n - N_AAA_STEMS + _spire_demo_rnd (d, 0, N_AAA_STEMS - 1)]
              : _spire_demo_name_stems[_spire_demo_rnd (d, 0, n - 1)];
      const char *suffix = _spire_demo_chance (d, 0.25) ? _spire_demo_sector_specs[sector].suffix
                                                        : PICK (d, _spire_demo_name_suffixes);
      g_autofree char *base = NULL;
      g_autofree char *full = NULL;

      if (_spire_demo_chance (d, 0.7))
        base = g_strdup_printf ("%s%s%s", stem, PICK (d, _spire_demo_name_tails), suffix);
      else if (*suffix)
        base = g_strdup_printf ("%s%s", stem, suffix);
      else
        continue;
      if (d->names_used_up)
        {
          char *placed = g_strdup_printf ("%s %s", base, PICK (d, name_places));

          g_free (base);
          base = placed;
          if (misses > 200)
            {
              placed = g_strdup_printf ("%s %u", base, misses);
              g_free (base);
              base = placed;
            }
        }
      full = g_strdup_printf ("%s AS", base);
      if (!_spire_demo_take (d, full))
        {
          /* 200 misses in a row: the names are used up (never in the
           * small and large sets, whose names stay as they were). */
          if (++misses == 200)
            d->names_used_up = TRUE;
          continue;
        }
      *short_out = _spire_demo_keep (d, base);
      return _spire_demo_keep (d, full);
    }
}

static const char *
startup_kommunenummer (Demo *d)
{
  static const char *const weighted[] = {
    "0301", "0301", "0301", "0301", "0301", "4601", "4601", "5001", "5001", "1103",
    "5501", "3301", "3907", "4204", "1508", "1804", "3201", "3203", "3205", "1108",
  };

  return PICK (d, weighted);
}

static gboolean
fill_startups (Demo *d, GError **error)
{
  for (guint i = 0; i < d->size->n_startups; i++)
    {
      Startup s = { .founded = 0 };
      SpireRecord *r;
      const char *first;
      g_autofree char *slug = NULL;
      g_autofree char *web = NULL;
      g_autofree char *mail = NULL;
      /* 0 and 1 apply to SmartOslo a couple of years back; 0 sold its
       * solution to its first city district some years before that. */
      guint32 founded =
          d->today - (i == 0  ? _spire_demo_rnd (d, 1950, 2500)
                      : i < 2 ? _spire_demo_rnd (d, 1200, 2500)
                              : _spire_demo_rnd (d, 200, 3600));
      Stamp t = _spire_demo_stamp_on (d, d->today - _spire_demo_rnd (d, 100, 1800));
      const SectorSpec *sector;
      int n_products = 0;

      s.sector = i == 0 ? SECTOR_WELFARE
                        : _spire_demo_rnd (d, 0, G_N_ELEMENTS (_spire_demo_sector_specs) - 1);
      s.name = startup_name (d, (int) i, s.sector, &s.short_name);
      sector = &_spire_demo_sector_specs[s.sector];
      while (sector->products[n_products])
        n_products++;
      s.product = sector->products[_spire_demo_rnd (d, 0, n_products - 1)];
      /* Young companies are small. */
      s.employees = 1 + (int) (pow (_spire_demo_unif (d), 2.2) *
                               MIN (45.0, 3.0 + 7.0 * (d->today - founded) / 365.0));
      s.kommunenummer = startup_kommunenummer (d);
      make_orgnr (d, s.orgnr);
      slug = ascii_slug (s.short_name, '-');
      s.domain = keep_take (d, g_strdup_printf ("%s.no", slug));
      web = g_strdup_printf ("https://%s", s.domain);

      r = _spire_demo_new_record (d, &spire_kind_startup, s.uuid);
      spire_record_set_text (r, "name", s.name);
      spire_record_set_text (r, "orgnr", s.orgnr);
      spire_record_set_text (r, "organisasjonsform", "AS");
      spire_record_set_text (r, "naeringskode", sector->naeringskode);
      s.founded = founded;
      _spire_demo_set_day (r, "founded", founded);
      spire_record_set_int (r, "employees", s.employees);
      spire_record_set_text (r, "website", web);
      spire_record_set_text (r, "kommunenummer", s.kommunenummer);
      spire_record_set_text (r, "sector", sector->name);
      if (!_spire_demo_put (d, r, t, t, error))
        return FALSE;

      /* The founder, who is the contact person */
      s.contact_name = make_person_name (d, &first);
      mail = email_for (first, NULL, s.domain);
      r = _spire_demo_new_record (d, &spire_kind_person, s.contact);
      spire_record_set_text (r, "name", s.contact_name);
      spire_record_set_text (r, "email", mail);
      spire_record_set_text (r, "phone", make_phone (d));
      spire_record_set_text (r, "organisation", s.name);
      spire_record_set_text (r, "orgnr", s.orgnr);
      spire_record_set_text (r, "startup", s.uuid);
      if (!_spire_demo_put (d, r, t, t, error))
        return FALSE;

      g_array_append_val (d->startups, s);
    }

  /* The order in which startups apply: 0 and 1 are placed by hand. */
  d->startup_order = g_new (guint, d->size->n_startups);
  for (guint i = 0; i < d->size->n_startups; i++)
    d->startup_order[i] = i;
  for (guint i = d->size->n_startups - 1; i > 2; i--)
    {
      guint j = 2 + (guint) _spire_demo_rnd (d, 0, (int) i - 2);
      guint tmp = d->startup_order[i];

      d->startup_order[i] = d->startup_order[j];
      d->startup_order[j] = tmp;
    }
  d->next_startup = 2;
  return TRUE;
}

Startup *
_spire_demo_startup_at (Demo *d, int index)
{
  return &g_array_index (d->startups, Startup, index);
}

/* Panel members (persons) */

static gboolean
fill_evaluators (Demo *d, GError **error)
{
  for (guint e = 0; e < G_N_ELEMENTS (_spire_demo_expert_orgs); e++)
    make_orgnr (d, d->expert_orgnr[e]);

  for (guint i = 0; i < d->size->n_evaluators; i++)
    {
      EvaluatorSpec spec;
      Evaluator ev = { .body = -1, .startup = -1 };
      SpireRecord *r;
      const char *first, *org, *orgnr, *domain;
      g_autofree char *mail = NULL;
      Stamp t = _spire_demo_stamp_on (d, d->today - _spire_demo_rnd (d, 400, 1900));

      if (i < G_N_ELEMENTS (_spire_demo_evaluator_specs))
        spec = _spire_demo_evaluator_specs[i];
      else
        {
          spec.startup = -1;
          spec.expert = _spire_demo_chance (d, 0.3)
                            ? _spire_demo_rnd (d, 0, G_N_ELEMENTS (_spire_demo_expert_orgs) - 1)
                            : -1;
          do
            spec.body = spec.expert < 0
                            ? _spire_demo_rnd (d, 0, G_N_ELEMENTS (_spire_demo_body_specs) - 1)
                            : -1;
          while (spec.expert < 0 && d->body_index[spec.body] < 0);
        }
      g_assert (d->size->large || i < G_N_ELEMENTS (_spire_demo_evaluator_specs));

      ev.name = make_person_name (d, &first);
      ev.bias = _spire_demo_gauss (d, 0, 0.5);
      if (spec.body >= 0)
        {
          Body *b = _spire_demo_body_at (d, d->body_index[spec.body]);

          ev.body = d->body_index[spec.body];
          org = b->spec->name;
          orgnr = b->orgnr;
          domain = b->spec->mail;
        }
      else if (spec.startup >= 0)
        {
          Startup *s = _spire_demo_startup_at (d, spec.startup);

          ev.startup = spec.startup;
          org = s->name;
          orgnr = s->orgnr;
          domain = s->domain;
        }
      else
        {
          org = _spire_demo_expert_orgs[spec.expert].name;
          orgnr = d->expert_orgnr[spec.expert];
          domain = _spire_demo_expert_orgs[spec.expert].domain;
        }
      mail = email_for (first, ev.name, domain);

      r = _spire_demo_new_record (d, &spire_kind_person, ev.uuid);
      spire_record_set_text (r, "name", ev.name);
      spire_record_set_text (r, "email", mail);
      spire_record_set_text (r, "phone", make_phone (d));
      spire_record_set_text (r, "organisation", org);
      spire_record_set_text (r, "orgnr", orgnr);
      if (ev.startup >= 0)
        spire_record_set_text (r, "startup", _spire_demo_startup_at (d, ev.startup)->uuid);
      if (ev.body >= 0)
        spire_record_set_text (r, "public_body", _spire_demo_body_at (d, ev.body)->uuid);
      g_array_append_val (d->evaluators, ev);
      if (!_spire_demo_put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

Evaluator *
_spire_demo_evaluator_at (Demo *d, int index)
{
  return &g_array_index (d->evaluators, Evaluator, index);
}

/* The whole */

static double
estimate_records (const SizeSpec *size)
{
  double n = G_N_ELEMENTS (_spire_demo_body_specs) + size->n_programs + 2.0 * size->n_startups +
             size->n_evaluators + 6.5 * size->n_deals;
  int scored = size->large ? 8 : 5;

  for (guint i = 0; i < size->n_cohorts * size->repeat; i++)
    {
      CohortSpec c;
      double per_app = 1 + 1;

      _spire_demo_cohort_spec (size, i, &c);
      if (c.phase >= PH_EVALUATION)
        per_app += 1.2 + 3 + 3 * (1 + scored);
      n += 10 + c.panel_size + c.n_apps * per_app;
    }
  return n;
}

static void
demo_free (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->ids, g_rand_free);
  g_clear_pointer (&d->strings, g_string_chunk_free);
  g_clear_pointer (&d->taken, g_hash_table_destroy);
  g_clear_pointer (&d->bodies, g_array_unref);
  g_clear_pointer (&d->programs, g_array_unref);
  g_clear_pointer (&d->startups, g_array_unref);
  g_clear_pointer (&d->evaluators, g_array_unref);
  g_clear_pointer (&d->scalers, g_array_unref);
  g_clear_pointer (&d->startup_order, g_free);
  if (d->cohorts)
    {
      for (guint i = 0; i < d->cohorts->len; i++)
        {
          Cohort *c = g_ptr_array_index (d->cohorts, i);

          g_free (c->apps);
          g_free (c->ranked);
          _spire_demo_cited_clear (c);
          g_free (c);
        }
      g_clear_pointer (&d->cohorts, g_ptr_array_unref);
    }
}

/* The UUID stream: the same for the same seed in an empty database; when
 * sample data is added to a database that already holds some (force), a
 * stream whose first UUID is not in use yet.  The content follows the seed
 * alone, so forcing the same seed again adds a second copy under new UUIDs. */
static GRand *
id_stream (SpireStore *store, guint32 seed)
{
  for (guint32 round = 0;; round++)
    {
      const guint32 words[] = { seed, round, 0x53504952 /* "SPIR" */ };
      GRand *ids = g_rand_new_with_seed_array (words, G_N_ELEMENTS (words));
      GRand *probe = g_rand_copy (ids);
      char first[UUID_LEN];

      make_uuid (probe, first);
      g_rand_free (probe);
      if (!spire_store_exists (store, &spire_kind_public_body, first))
        return ids;
      g_rand_free (ids);
    }
}

static gboolean
fill (SpireStore *store, guint32 seed, const SizeSpec *size, const char *size_name,
      gboolean force, SpireProgressFunc progress, gpointer progress_data,
      GCancellable *cancellable, GError **error)
{
  Demo d = { 0 };
  GDate day;
  gboolean ok;
  g_autofree char *after = NULL;

  if (!spire_store_begin (store, error))
    return FALSE;
  if (!force && spire_store_count (store, &spire_kind_program, NULL, NULL) > 0)
    {
      spire_store_rollback (store);
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_NOT_EMPTY,
                           _("The database already holds programs, so no sample data was "
                             "added. Open an empty database, or add the sample data anyway "
                             "(--force on the command line)."));
      return FALSE;
    }

  d.store = store;
  d.size = size;
  d.flags = SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES;
  if (d.size->large)
    d.flags |= SPIRE_SAVE_NO_VALIDATE; /* built valid; the small set proves it */
  d.rand = g_rand_new_with_seed (seed);
  d.ids = id_stream (store, seed);
  d.cancellable = cancellable;
  d.progress = progress;
  d.progress_data = progress_data;
  d.estimate = estimate_records (d.size);
  d.strings = g_string_chunk_new (64 * 1024);
  d.taken = g_hash_table_new (g_str_hash, g_str_equal);
  d.bodies = g_array_new (FALSE, TRUE, sizeof (Body));
  d.programs = g_array_new (FALSE, TRUE, sizeof (Program));
  d.startups = g_array_new (FALSE, TRUE, sizeof (Startup));
  d.evaluators = g_array_new (FALSE, TRUE, sizeof (Evaluator));
  d.scalers = g_array_new (FALSE, TRUE, sizeof (Scaler));
  d.hero_startup = -1;
  d.cohorts = g_ptr_array_new ();

  /* "Today" for the data: a day in 2025 that depends on the seed. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2025);
  d.today = g_date_get_julian (&day) + (guint32) _spire_demo_rnd (&d, 0, 364);

  report (&d, 0.0);
  ok = fill_bodies (&d, error) && fill_programs (&d, error) && fill_startups (&d, error) &&
       fill_evaluators (&d, error) && _spire_demo_fill_cohorts (&d, error) &&
       _spire_demo_fill_deals (&d, error);
  if (ok)
    {
      after = g_strdup_printf ("{\"seed\": %u, \"size\": \"%s\"}", (guint) seed, size_name);
      ok = spire_store_audit (store, "database", NULL, "demo", NULL, after, error);
    }
  demo_free (&d);

  if (!ok)
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

gboolean
spire_demo_fill (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
                 SpireProgressFunc progress, gpointer progress_data, GCancellable *cancellable,
                 GError **error)
{
  gboolean ok;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (size == SPIRE_DEMO_SMALL || size == SPIRE_DEMO_LARGE ||
                        size == SPIRE_DEMO_XLARGE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    return set_cancelled (error);

  /* The store keeps statement journals in memory and a large page cache:
   * the large set's one transaction stays off the disk until commit. */
  ok = fill (store, seed, &_spire_demo_sizes[size],
             size == SPIRE_DEMO_XLARGE ? "xlarge" : size == SPIRE_DEMO_LARGE ? "large" : "small",
             force, progress, progress_data, cancellable, error);
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
}

gboolean
_spire_demo_fill_size (SpireStore *store, guint32 seed, const SizeSpec *size, GError **error)
{
  return fill (store, seed, size, "custom", FALSE, NULL, NULL, NULL, error);
}

/* Async */

typedef struct
{
  guint32 seed;
  SpireDemoSize size;
  gboolean force;
} FillData;

static gboolean
fill_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  FillData *d = data;

  return spire_demo_fill (store, d->seed, d->size, d->force, _spire_job_progress, job,
                          _spire_job_get_cancellable (job), error);
}

void
spire_demo_fill_async (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
                       GCancellable *cancellable, SpireProgressFunc progress,
                       gpointer progress_data, GAsyncReadyCallback callback, gpointer user_data)
{
  FillData *d = g_new0 (FillData, 1);

  d->seed = seed;
  d->size = size;
  d->force = force;
  _spire_job_run (store, spire_demo_fill_async, fill_job, d, g_free, NULL, cancellable,
                  progress, progress_data, callback, user_data);
}

gboolean
spire_demo_fill_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  return _spire_job_finish (store, result, spire_demo_fill_async, NULL, error);
}
