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
 * history is kept as deal events.  One welfare-technology startup from the
 * SmartOslo cohort scales from one city district to many municipalities.
 *
 * Conflicts of interest: declared conflicts are recorded (and the panel
 * member's assignment declined) in decided cohorts; in the cohort under
 * evaluation a panel member employed by an applicant, and panel members
 * from bodies owning a challenge, are left for conflict detection to find.
 *
 * Gate criteria are not scored by the panel: an application that fails one
 * is set to "ineligible" at screening, with the reason in the decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-demo.h"
#include "spire-demo-tables.h"
#include "spire-error.h"
#include "spire-records.h"
#include "spire-job-private.h"
#include "spire-store-private.h"
#include "spire-validate.h"


/* Run-time data */

typedef struct
{
  char uuid[UUID_LEN];
  char orgnr[10];
  const BodySpec *spec;
} Body;

typedef struct
{
  char uuid[UUID_LEN];
  const ProgramSpec *spec;
  const char *manager;
} Program;

typedef struct
{
  char uuid[UUID_LEN];
  char orgnr[10];
  const char *name;
  const char *short_name; /* without " AS" */
  const char *domain;
  const char *contact_name;
  char contact[UUID_LEN];
  const char *product;
  int sector;
  int employees;
  guint32 founded;
  const char *kommunenummer;
} Startup;

typedef struct
{
  char uuid[UUID_LEN];
  const char *name;
  int body;    /* index in d->bodies, or -1 */
  int startup; /* or -1 */
  double bias; /* harsh (< 0) or generous (> 0) */
} Evaluator;

typedef struct
{
  int panelist; /* index in the cohort's panel */
  SlotState state;
  ConflictType conflict;
  int declared; /* declared_conflicts index */
  int n_entered;
  double values[MAX_CRIT];
  double score;
  Stamp done;
} Slot;

typedef struct
{
  char uuid[UUID_LEN];
  int startup;
  int challenge; /* index in the cohort's challenges, or -1 */
  double quality;
  int stage;
  Fate fate;
  Status status;
  Stamp submitted;
  Stamp screened;  /* 0: not screened */
  Stamp withdrawn; /* 0: not withdrawn */
  int n_slots;
  Slot slots[MAX_SLOTS];
  double score;    /* aggregate of the submitted reviews, NAN */
  int rank;        /* 0-based among the ranked, -1 */
  gboolean shortlisted;
} App;

typedef struct
{
  const CohortSpec *spec;
  char uuid[UUID_LEN];
  const char *name;
  const Program *program;
  guint32 opens, deadline, starts, ends;
  guint32 shortlist_day, final_day;
  int n_challenges;
  struct
  {
    char uuid[UUID_LEN];
    int body;
    const ChallengeSpec *spec;
  } challenges[MAX_CHALLENGES];
  int n_panel;
  struct
  {
    char uuid[UUID_LEN];
    int person; /* index in d->evaluators */
  } panel[MAX_PANEL];
  int n_scorers;
  int scorers[MAX_PANEL];
  const RubricSpec *rubric;
  gboolean median;
  char criteria[MAX_CRIT][UUID_LEN];
  int n_apps;
  App *apps;
  int n_ranked;
  int *ranked; /* app indices, best first */
} Cohort;

typedef struct
{
  SpireStore *store;
  const SizeSpec *size;
  SpireSaveFlags flags;
  GRand *rand;
  GRand *ids;
  guint32 today;
  GCancellable *cancellable;
  SpireProgressFunc progress;
  gpointer progress_data;
  double estimate;
  double done;
  double reported;

  GStringChunk *strings;
  GHashTable *taken; /* names and organisation numbers in use */

  int body_index[G_N_ELEMENTS (_spire_demo_body_specs)]; /* spec → d->bodies, or -1 */
  GArray *bodies;
  GArray *programs;
  GArray *startups;
  GArray *evaluators;
  char expert_orgnr[G_N_ELEMENTS (_spire_demo_expert_orgs)][10];
  GPtrArray *cohorts;
  guint next_startup;
  guint *startup_order;
  guint n_deals;
  GArray *scalers; /* Scaler: startups with a signed deal */
} Demo;

typedef struct
{
  int startup;
  guint32 signed_on;
} Scaler;

/* Small helpers */

static int
rnd (Demo *d, int lo, int hi) /* lo ≤ n ≤ hi */
{
  return g_rand_int_range (d->rand, lo, hi + 1);
}

static double
unif (Demo *d)
{
  return g_rand_double (d->rand);
}

static gboolean
chance (Demo *d, double p)
{
  return g_rand_double (d->rand) < p;
}

static double
gauss (Demo *d, double mean, double sd)
{
  double u = 1.0 - g_rand_double (d->rand); /* (0, 1] */
  double v = g_rand_double (d->rand);

  return mean + sd * sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

#define PICK(d, array) ((array)[rnd ((d), 0, G_N_ELEMENTS (array) - 1)])

static const char *
keep (Demo *d, const char *s)
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
static gboolean
take (Demo *d, const char *s)
{
  if (g_hash_table_contains (d->taken, s))
    return FALSE;
  g_hash_table_add (d->taken, (gpointer) keep (d, s));
  return TRUE;
}

static Stamp
stamp (guint32 day, int seconds)
{
  return (Stamp) day * 86400 + seconds;
}

static guint32
stamp_day (Stamp t)
{
  return (guint32) (t / 86400);
}

static Stamp
stamp_on (Demo *d, guint32 day) /* during office hours */
{
  return stamp (day, rnd (d, 7 * 3600, 15 * 3600));
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

  format_day (stamp_day (t), day);
  g_snprintf (out, 21, "%sT%02d:%02d:%02dZ", day, s / 3600, s / 60 % 60, s % 60);
}

static int
day_year (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

static int
day_month (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_month (&date);
}

static void
set_day (SpireRecord *r, const char *field, guint32 day)
{
  char s[11];

  format_day (day, s);
  spire_record_set_text (r, field, s);
}

static void
set_stamp (SpireRecord *r, const char *field, Stamp t)
{
  char s[21];

  format_stamp (t, s);
  spire_record_set_text (r, field, s);
}

/* "5,4": numbers in texts are Norwegian whatever the locale. */
static void
format_decimal (double v, char out[G_ASCII_DTOSTR_BUF_SIZE])
{
  g_ascii_formatd (out, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", v);
  for (char *p = out; *p; p++)
    if (*p == '.')
      *p = ',';
}

/* "1 250 000" */
static char *
format_thousands (gint64 v)
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

static char *
capitalise (const char *s)
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
        out[i] = (char) ('0' + rnd (d, 0, 9));
      out[8] = '\0';
      check = spire_orgnr_check_digit (out);
      if (check < 0)
        continue;
      out[8] = (char) ('0' + check);
      out[9] = '\0';
      if (take (d, out))
        return;
    }
}

static const char *
make_phone (Demo *d)
{
  char s[32];

  g_snprintf (s, sizeof s, "+47 %d%02d %02d %03d", PICK (d, ((const int[]) { 4, 9 })),
              rnd (d, 0, 99), rnd (d, 0, 99), rnd (d, 0, 999));
  return keep (d, s);
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

static SpireRecord *
new_record (Demo *d, const SpireKind *kind, char uuid[UUID_LEN])
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
static gboolean
put (Demo *d, SpireRecord *record, Stamp created, Stamp updated, GError **error)
{
  gboolean ok;

  if (g_cancellable_is_cancelled (d->cancellable))
    {
      g_object_unref (record);
      return set_cancelled (error);
    }
  set_stamp (record, "created_at", created);
  set_stamp (record, "updated_at", MAX (created, updated));
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
  gboolean large = d->size == &_spire_demo_sizes[SPIRE_DEMO_LARGE];

  for (guint i = 0; i < G_N_ELEMENTS (_spire_demo_body_specs); i++)
    {
      const BodySpec *spec = &_spire_demo_body_specs[i];
      Body b = { .spec = spec };
      SpireRecord *r;
      Stamp t = stamp_on (d, d->today - 2000 + rnd (d, 0, 60));

      d->body_index[i] = -1;
      if (!large && !spec->small)
        continue;
      make_orgnr (d, b.orgnr);
      r = new_record (d, &spire_kind_public_body, b.uuid);
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
      if (!put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

static Body *
body_at (Demo *d, int index)
{
  return &g_array_index (d->bodies, Body, index);
}

static gboolean
fill_programs (Demo *d, GError **error)
{
  for (guint i = 0; i < d->size->n_programs; i++)
    {
      Program p = { .spec = &_spire_demo_program_specs[i] };
      SpireRecord *r = new_record (d, &spire_kind_program, p.uuid);
      Stamp t = stamp_on (d, d->today - 1900 + rnd (d, 0, 30));

      p.manager = make_person_name (d, NULL);
      spire_record_set_text (r, "name", p.spec->name);
      spire_record_set_text (r, "kind", p.spec->kind);
      spire_record_set_text (r, "operator", p.spec->operator_name);
      spire_record_set_text (r, "description", p.spec->description);
      g_array_append_val (d->programs, p);
      if (!put (d, r, t, t + 86400 * rnd (d, 30, 900), error))
        return FALSE;
    }
  return TRUE;
}

/* Startups and their contact persons */

static const char *
startup_name (Demo *d, int index, int sector, const char **short_out)
{
  for (;;)
    {
      guint n = G_N_ELEMENTS (_spire_demo_name_stems);
      /* Startup 2 always has a name sorted after Z, so the data shows it. */
      const char *stem = index == 2 ? _spire_demo_name_stems[n - N_AAA_STEMS + rnd (d, 0, N_AAA_STEMS - 1)]
                                    : _spire_demo_name_stems[rnd (d, 0, n - 1)];
      const char *suffix = chance (d, 0.25) ? _spire_demo_sector_specs[sector].suffix : PICK (d, _spire_demo_name_suffixes);
      g_autofree char *base = NULL;
      g_autofree char *full = NULL;

      if (chance (d, 0.7))
        base = g_strdup_printf ("%s%s%s", stem, PICK (d, _spire_demo_name_tails), suffix);
      else if (*suffix)
        base = g_strdup_printf ("%s%s", stem, suffix);
      else
        continue;
      full = g_strdup_printf ("%s AS", base);
      if (!take (d, full))
        continue;
      *short_out = keep (d, base);
      return keep (d, full);
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
      /* 0 and 1 apply to SmartOslo a couple of years back */
      guint32 founded = d->today - (i < 2 ? rnd (d, 1200, 2500) : rnd (d, 200, 3600));
      Stamp t = stamp_on (d, d->today - rnd (d, 100, 1800));
      const SectorSpec *sector;
      int n_products = 0;

      s.sector = i == 0 ? SECTOR_WELFARE : rnd (d, 0, G_N_ELEMENTS (_spire_demo_sector_specs) - 1);
      s.name = startup_name (d, (int) i, s.sector, &s.short_name);
      sector = &_spire_demo_sector_specs[s.sector];
      while (sector->products[n_products])
        n_products++;
      s.product = sector->products[rnd (d, 0, n_products - 1)];
      /* Young companies are small. */
      s.employees = 1 + (int) (pow (unif (d), 2.2) * MIN (45.0, 3.0 + 7.0 * (d->today - founded) / 365.0));
      s.kommunenummer = startup_kommunenummer (d);
      make_orgnr (d, s.orgnr);
      slug = ascii_slug (s.short_name, '-');
      s.domain = keep_take (d, g_strdup_printf ("%s.no", slug));
      web = g_strdup_printf ("https://%s", s.domain);

      r = new_record (d, &spire_kind_startup, s.uuid);
      spire_record_set_text (r, "name", s.name);
      spire_record_set_text (r, "orgnr", s.orgnr);
      spire_record_set_text (r, "organisasjonsform", "AS");
      spire_record_set_text (r, "naeringskode", sector->naeringskode);
      s.founded = founded;
      set_day (r, "founded", founded);
      spire_record_set_int (r, "employees", s.employees);
      spire_record_set_text (r, "website", web);
      spire_record_set_text (r, "kommunenummer", s.kommunenummer);
      spire_record_set_text (r, "sector", sector->name);
      if (!put (d, r, t, t, error))
        return FALSE;

      /* The founder, who is the contact person */
      s.contact_name = make_person_name (d, &first);
      mail = email_for (first, NULL, s.domain);
      r = new_record (d, &spire_kind_person, s.contact);
      spire_record_set_text (r, "name", s.contact_name);
      spire_record_set_text (r, "email", mail);
      spire_record_set_text (r, "phone", make_phone (d));
      spire_record_set_text (r, "organisation", s.name);
      spire_record_set_text (r, "orgnr", s.orgnr);
      spire_record_set_text (r, "startup", s.uuid);
      if (!put (d, r, t, t, error))
        return FALSE;

      g_array_append_val (d->startups, s);
    }

  /* The order in which startups apply: 0 and 1 are placed by hand. */
  d->startup_order = g_new (guint, d->size->n_startups);
  for (guint i = 0; i < d->size->n_startups; i++)
    d->startup_order[i] = i;
  for (guint i = d->size->n_startups - 1; i > 2; i--)
    {
      guint j = 2 + (guint) rnd (d, 0, (int) i - 2);
      guint tmp = d->startup_order[i];

      d->startup_order[i] = d->startup_order[j];
      d->startup_order[j] = tmp;
    }
  d->next_startup = 2;
  return TRUE;
}

static Startup *
startup_at (Demo *d, int index)
{
  return &g_array_index (d->startups, Startup, index);
}

/* Panel members (persons) */

static gboolean
fill_evaluators (Demo *d, GError **error)
{
  gboolean large = d->size == &_spire_demo_sizes[SPIRE_DEMO_LARGE];

  for (guint e = 0; e < G_N_ELEMENTS (_spire_demo_expert_orgs); e++)
    make_orgnr (d, d->expert_orgnr[e]);

  for (guint i = 0; i < d->size->n_evaluators; i++)
    {
      EvaluatorSpec spec;
      Evaluator ev = { .body = -1, .startup = -1 };
      SpireRecord *r;
      const char *first, *org, *orgnr, *domain;
      g_autofree char *mail = NULL;
      Stamp t = stamp_on (d, d->today - rnd (d, 400, 1900));

      if (i < G_N_ELEMENTS (_spire_demo_evaluator_specs))
        spec = _spire_demo_evaluator_specs[i];
      else
        {
          spec.startup = -1;
          spec.expert = chance (d, 0.3) ? rnd (d, 0, G_N_ELEMENTS (_spire_demo_expert_orgs) - 1) : -1;
          do
            spec.body = spec.expert < 0 ? rnd (d, 0, G_N_ELEMENTS (_spire_demo_body_specs) - 1) : -1;
          while (spec.expert < 0 && d->body_index[spec.body] < 0);
        }
      g_assert (large || i < G_N_ELEMENTS (_spire_demo_evaluator_specs));

      ev.name = make_person_name (d, &first);
      ev.bias = gauss (d, 0, 0.5);
      if (spec.body >= 0)
        {
          Body *b = body_at (d, d->body_index[spec.body]);

          ev.body = d->body_index[spec.body];
          org = b->spec->name;
          orgnr = b->orgnr;
          domain = b->spec->mail;
        }
      else if (spec.startup >= 0)
        {
          Startup *s = startup_at (d, spec.startup);

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

      r = new_record (d, &spire_kind_person, ev.uuid);
      spire_record_set_text (r, "name", ev.name);
      spire_record_set_text (r, "email", mail);
      spire_record_set_text (r, "phone", make_phone (d));
      spire_record_set_text (r, "organisation", org);
      spire_record_set_text (r, "orgnr", orgnr);
      if (ev.startup >= 0)
        spire_record_set_text (r, "startup", startup_at (d, ev.startup)->uuid);
      if (ev.body >= 0)
        spire_record_set_text (r, "public_body", body_at (d, ev.body)->uuid);
      g_array_append_val (d->evaluators, ev);
      if (!put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

static Evaluator *
evaluator_at (Demo *d, int index)
{
  return &g_array_index (d->evaluators, Evaluator, index);
}

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
  int jitter = rnd (d, -4, 4);

  c->opens = d->today + offsets[phase][0] - back + jitter + rnd (d, -3, 0);
  c->deadline = d->today + offsets[phase][1] - back + jitter;
  c->starts = d->today + offsets[phase][2] - back + jitter + rnd (d, 0, 3);
  c->ends = d->today + offsets[phase][3] - back + jitter + rnd (d, 0, 3);
  if (phase == PH_DECIDED)
    c->final_day = d->today - rnd (d, 3, 10);
  else if (phase == PH_EVALUATION)
    c->final_day = d->today + 20;
  else
    c->final_day = c->starts - rnd (d, 7, 14);
  c->shortlist_day = phase == PH_EVALUATION ? d->today - 2 : c->final_day - rnd (d, 10, 16);
}

static gboolean
fill_cohort_record (Demo *d, Cohort *c, GError **error)
{
  const char *season;
  SpireRecord *r;
  Stamp created, updated;

  plan_dates (d, c);
  season = day_month (c->starts) <= 6 ? "vår" : "høst";
  {
    g_autofree char *name = g_strdup_printf ("%s %s %d", c->spec->name, season,
                                             day_year (c->starts));

    for (int n = 2; !take (d, name); n++)
      {
        g_free (name);
        name = g_strdup_printf ("%s %s %d (%d)", c->spec->name, season, day_year (c->starts), n);
      }
    c->name = keep (d, name);
  }
  r = new_record (d, &spire_kind_cohort, c->uuid);
  spire_record_set_text (r, "program", c->program->uuid);
  spire_record_set_text (r, "name", c->name);
  spire_record_set_text (r, "phase", _spire_demo_phase_values[c->spec->phase]);
  set_day (r, "opens_on", c->opens);
  set_day (r, "application_deadline", c->deadline);
  set_day (r, "starts_on", c->starts);
  set_day (r, "ends_on", c->ends);
  spire_record_set_int (r, "seats", c->spec->seats);
  spire_record_set_bool (r, "blind", c->spec->blind);
  spire_record_set_bool (r, "owner_on_panel", c->spec->owner_on_panel);
  created = stamp_on (d, c->opens - rnd (d, 50, 70));
  updated = stamp_on (d, MIN (d->today - 1, c->spec->phase >= PH_DECIDED ? c->final_day
                                                                          : c->opens));
  return put (d, r, created, updated, error);
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
      int j = rnd (d, 0, i), tmp = order[i];

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
        if (g_str_equal (body_at (d, owners[o])->spec->kind, spec->owner_kind))
          fitting[n_fitting++] = owners[o];
      if (n_fitting == 0)
        continue;

      c->challenges[c->n_challenges].spec = spec;
      c->challenges[c->n_challenges].body = fitting[rnd (d, 0, n_fitting - 1)];
      r = new_record (d, &spire_kind_challenge, c->challenges[c->n_challenges].uuid);
      spire_record_set_text (r, "cohort", c->uuid);
      spire_record_set_text (r, "owner", body_at (d, c->challenges[c->n_challenges].body)->uuid);
      spire_record_set_text (r, "title", spec->title);
      spire_record_set_text (r, "need", spec->need);
      if (chance (d, 0.8))
        {
          if (chance (d, 0.6))
            {
              int len = g_snprintf (video, sizeof video, "https://www.youtube.com/watch?v=");

              for (int i = 0; i < 11; i++)
                video[len + i] = letters[rnd (d, 0, sizeof letters - 2)];
              video[len + 11] = '\0';
            }
          else
            g_snprintf (video, sizeof video, "https://vimeo.com/%d", rnd (d, 100000000, 999999999));
          spire_record_set_text (r, "video_url", video);
        }
      if (chance (d, 0.85))
        spire_record_set_int (r, "budget_hint", (gint64) rnd (d, 5, 60) * 50000 * 100);
      c->n_challenges++;
      t = stamp_on (d, c->opens - rnd (d, 20, 40));
      if (!put (d, r, t, t + 86400 * rnd (d, 0, 15), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_rubric (Demo *d, Cohort *c, GError **error)
{
  gboolean large = d->size == &_spire_demo_sizes[SPIRE_DEMO_LARGE];
  char rubric_uuid[UUID_LEN];
  SpireRecord *r;
  Stamp t = stamp_on (d, c->opens - rnd (d, 10, 20));
  Stamp frozen = stamp (c->deadline + 1, 9 * 3600);

  c->rubric = &_spire_demo_rubric_specs[large ? RUBRIC_LARGE : c->spec->rubric];
  c->median = chance (d, 0.35);
  r = new_record (d, &spire_kind_rubric, rubric_uuid);
  spire_record_set_text (r, "cohort", c->uuid);
  spire_record_set_int (r, "scale_min", 1);
  spire_record_set_int (r, "scale_max", 7);
  spire_record_set_text (r, "scale_labels", _spire_demo_scale_labels);
  spire_record_set_text (r, "aggregation", c->median ? "median" : "mean");
  spire_record_set_text (r, "normalisation", chance (d, 0.4) ? "per_evaluator" : "none");
  spire_record_set_real (r, "disagreement_threshold", PICK (d, ((const double[]) { 1.0, 1.25, 1.5 })));
  spire_record_set_int (r, "version", 1);
  if (c->spec->phase >= PH_SCREENING)
    set_stamp (r, "frozen_at", frozen);
  if (!put (d, r, t, c->spec->phase >= PH_SCREENING ? frozen : t, error))
    return FALSE;

  /* The gate first: screening checks it before anyone scores. */
  r = new_record (d, &spire_kind_criterion, NULL);
  spire_record_set_text (r, "rubric", rubric_uuid);
  spire_record_set_int (r, "position", 0);
  spire_record_set_text (r, "name", "Formelle krav");
  spire_record_set_text (r, "guidance",
                         "Selskapet er registrert i Enhetsregisteret, har færre enn 50 ansatte "
                         "og har levert alle obligatoriske vedlegg. Oppfylles ikke kravene, "
                         "vurderes søknaden ikke videre.");
  spire_record_set_real (r, "weight", 0);
  spire_record_set_text (r, "kind", "gate");
  if (!put (d, r, t, t, error))
    return FALSE;

  for (int i = 0; i < c->rubric->n; i++)
    {
      const CriterionSpec *spec = &_spire_demo_criterion_specs[c->rubric->criterion[i]];

      r = new_record (d, &spire_kind_criterion, c->criteria[i]);
      spire_record_set_text (r, "rubric", rubric_uuid);
      spire_record_set_int (r, "position", i + 1);
      spire_record_set_text (r, "name", spec->name);
      spire_record_set_text (r, "guidance", spec->guidance);
      spire_record_set_real (r, "weight", c->rubric->weight[i]);
      spire_record_set_text (r, "kind", "scored");
      if (!put (d, r, t, t, error))
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
      Stamp t = stamp_on (d, c->opens - rnd (d, 5, 15));
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
      r = new_record (d, &spire_kind_evaluator, c->panel[c->n_panel].uuid);
      spire_record_set_text (r, "cohort", c->uuid);
      spire_record_set_text (r, "person", evaluator_at (d, person)->uuid);
      spire_record_set_text (r, "role", role);
      c->n_panel++;
      if (!put (d, r, t, t, error))
        return FALSE;
    }
  return TRUE;
}

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
  const Evaluator *ev = evaluator_at (d, c->panel[panelist].person);

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
  gboolean declare_random = chance (d, d->size->p_conflict);
  Stamp assigned = a->screened + 86400 + rnd (d, 0, 3600);
  guint32 review_end = c->shortlist_day - 1;
  double offsets[MAX_CRIT];

  for (int k = 0; k < c->rubric->n; k++)
    offsets[k] = gauss (d, 0, 0.6);

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
          s->declared = rnd (d, 0, G_N_ELEMENTS (_spire_demo_declared_conflicts) - 1);
          s->done = assigned + rnd (d, 3600, 86400);
          continue;
        }
      chosen++;

      if (phase == PH_EVALUATION)
        {
          double u = unif (d);

          s->state = u < 0.8 ? SLOT_SUBMITTED : u < 0.9 ? SLOT_DRAFT : SLOT_ASSIGNED;
        }
      else
        s->state = SLOT_SUBMITTED;

      if (s->state == SLOT_ASSIGNED)
        continue;
      s->n_entered = s->state == SLOT_SUBMITTED ? c->rubric->n : rnd (d, 1, c->rubric->n - 1);
      {
        double bias = evaluator_at (d, c->panel[panelist].person)->bias;
        int n_na = 0;

        for (int k = 0; k < s->n_entered; k++)
          {
            double v = round (a->quality + bias + offsets[k] + gauss (d, 0, 0.7));

            s->values[k] = CLAMP (v, 1, 7);
            if (chance (d, 0.04) && n_na + 1 < s->n_entered)
              {
                s->values[k] = NAN; /* "not applicable" */
                n_na++;
              }
          }
      }
      s->score = review_score (c, s);
      {
        guint32 from = stamp_day (assigned) + 1;
        guint32 to = MAX (from, review_end);

        s->done = stamp (from + rnd (d, 0, (int) (to - from)), rnd (d, 8 * 3600, 22 * 3600));
      }
    }
  *rotation = (*rotation + REVIEWERS) % m;
}

static int
rank_order (gconstpointer a, gconstpointer b, gpointer data)
{
  const App *apps = data;
  const App *x = &apps[*(const int *) a], *y = &apps[*(const int *) b];

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return *(const int *) a - *(const int *) b;
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

      if (used[candidate] || startup_at (d, candidate)->founded > founded_by)
        continue;
      if (first_fit < 0)
        first_fit = p;
      if (sector < 0 || startup_at (d, candidate)->sector == sector)
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
  a->challenge = c->n_challenges > 0 ? rnd (d, 0, c->n_challenges - 1) : -1;
  if (i < 2 && c->spec->forced[i] >= 0)
    {
      int sector;

      a->startup = c->spec->forced[i];
      sector = startup_at (d, a->startup)->sector;
      for (int k = 0; k < c->n_challenges; k++)
        if (c->challenges[k].spec->sector == sector)
          a->challenge = k;
    }
  else
    {
      /* Most who apply to a challenge work in its field. */
      int sector = a->challenge >= 0 && chance (d, 0.85)
                     ? c->challenges[a->challenge].spec->sector : -1;

      a->startup = next_applicant (d, used, sector, c->opens - 60);
    }

  a->quality = hero ? 7.4 : gauss (d, 4.2, 1.0);
  u = unif (d);
  a->stage = u < 0.1 ? 0 : u < 0.4 ? 1 : u < 0.7 ? 2 : u < 0.92 ? 3 : 4;
  if (hero)
    a->stage = 2;

  /* Many apply in the last days. */
  day = last_submit - (guint32) floor ((last_submit - c->opens) * pow (unif (d), 2.5));
  a->submitted = stamp (day, rnd (d, 7 * 3600, 21 * 3600 + 3599));

  u = unif (d);
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
      if (a->fate == FATE_WITHDRAW_EARLY && stamp_day (a->submitted) + 1 < d->today)
        {
          a->withdrawn = stamp (stamp_day (a->submitted) + 1 +
                                  rnd (d, 0, d->today - stamp_day (a->submitted) - 2),
                                rnd (d, 8 * 3600, 16 * 3600));
          a->status = ST_WITHDRAWN;
        }
      return;
    }

  screen_day = c->deadline + rnd (d, 1, 10);
  if (a->fate == FATE_WITHDRAW_EARLY)
    {
      guint32 from = stamp_day (a->submitted);
      guint32 to = MIN (screen_day, d->today) - 1;

      a->withdrawn = stamp (from + rnd (d, 0, MAX ((int) to - (int) from, 0)),
                            rnd (d, 8 * 3600, 16 * 3600));
      a->withdrawn = MAX (a->withdrawn, a->submitted + 3600);
      a->status = ST_WITHDRAWN;
      return;
    }
  if (screen_day >= d->today)
    return; /* not screened yet */
  a->screened = stamp_on (d, screen_day);
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
      a->withdrawn = stamp (c->shortlist_day - 1, rnd (d, 8 * 3600, 16 * 3600));
      a->status = ST_WITHDRAWN;
    }
}

/* Rank what can be ranked: in the cohort under evaluation, the
 * applications whose three reviews are in. */
static void
plan_ranking (Cohort *c)
{
  for (int i = 0; i < c->n_apps; i++)
    {
      App *a = &c->apps[i];
      int submitted = 0;

      if (a->status != ST_IN_REVIEW || isnan (a->score))
        continue;
      for (int k = 0; k < a->n_slots; k++)
        submitted += a->slots[k].state == SLOT_SUBMITTED;
      if (submitted < REVIEWERS)
        continue;
      c->ranked[c->n_ranked++] = i;
    }
  g_qsort_with_data (c->ranked, c->n_ranked, sizeof (int), rank_order, c->apps);

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

static void
plan_applications (Demo *d, Cohort *c)
{
  int n = c->spec->n_apps;
  guint32 last_submit = MIN (c->deadline, d->today - 1);
  int rotation = rnd (d, 0, MAX (c->n_scorers, 1) - 1);
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
 * final ranking the panel's (with_rubric), signed by its chair. */
static gboolean
put_decision (Demo *d, const Cohort *c, const App *a, Status from, Status to, Stamp at,
              const char *reason, gboolean with_rubric, GError **error)
{
  SpireRecord *r = new_record (d, &spire_kind_decision, NULL);
  g_autofree char *chair = NULL;

  if (with_rubric && c->n_panel > 0)
    chair = g_strdup_printf ("%s (juryleder)", evaluator_at (d, c->panel[0].person)->name);
  spire_record_set_text (r, "application", a->uuid);
  spire_record_set_text (r, "from_status", _spire_demo_status_values[from]);
  spire_record_set_text (r, "to_status", _spire_demo_status_values[to]);
  spire_record_set_text (r, "decided_by", chair ? chair : c->program->manager);
  set_stamp (r, "decided_at", at);
  spire_record_set_text (r, "reason", reason);
  if (with_rubric)
    spire_record_set_int (r, "rubric_version", 1);
  return put (d, r, at, at, error);
}

static gboolean
write_decisions (Demo *d, const Cohort *c, const App *a, GError **error)
{
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *reason = NULL;
  g_autofree char *best = g_utf8_strdown (weakest_criterion (c, a, TRUE), -1);
  g_autofree char *worst = g_utf8_strdown (weakest_criterion (c, a, FALSE), -1);
  Stamp shortlist_at = stamp (c->shortlist_day, 14 * 3600 + rnd (d, 0, 3600));
  Stamp final_at = stamp (c->final_day, 13 * 3600 + rnd (d, 0, 3600));

  if (a->fate == FATE_WITHDRAW_EARLY && a->withdrawn)
    return put_decision (d, c, a, ST_RECEIVED, ST_WITHDRAWN, a->withdrawn,
                         PICK (d, _spire_demo_withdraw_reasons), FALSE, error);
  if (!a->screened)
    return TRUE;
  if (a->status == ST_INELIGIBLE)
    return put_decision (d, c, a, ST_RECEIVED, ST_INELIGIBLE, a->screened,
                         PICK (d, _spire_demo_ineligible_reasons), FALSE, error);
  if (!put_decision (d, c, a, ST_RECEIVED, ST_IN_REVIEW, a->screened,
                     "Oppfyller de formelle kravene og går videre til juryen.", FALSE, error))
    return FALSE;
  if (a->status == ST_WITHDRAWN)
    return put_decision (d, c, a, ST_IN_REVIEW, ST_WITHDRAWN, a->withdrawn,
                         PICK (d, _spire_demo_withdraw_reasons), FALSE, error);
  if (a->rank < 0)
    return TRUE;

  format_decimal (a->score, score);
  if (a->shortlisted)
    {
      reason = g_strdup_printf ("Blant de høyest rangerte etter første vurderingsrunde "
                                "(nr. %d av %d, poengsum %s). Inviteres til pitch for juryen.",
                                a->rank + 1, c->n_ranked, score);
      if (!put_decision (d, c, a, ST_IN_REVIEW, ST_SHORTLISTED, shortlist_at, reason, TRUE,
                         error))
        return FALSE;
      g_clear_pointer (&reason, g_free);
    }

  switch (a->status)
    {
    case ST_ACCEPTED:
      reason = g_strdup_printf ("Juryen innstilte søknaden som nr. %d av %d (poengsum %s). "
                                "Sterkest på %s.", a->rank + 1, c->n_ranked, score, best);
      break;
    case ST_WAITLISTED:
      reason = g_strdup_printf ("Rangert som nr. %d av %d (poengsum %s). Står på venteliste "
                                "og får plass hvis noen trekker seg.", a->rank + 1,
                                c->n_ranked, score);
      break;
    case ST_REJECTED:
      reason = g_strdup_printf ("Rangert som nr. %d av %d (poengsum %s). Juryen la vekt på "
                                "svakere %s enn de som ble tatt opp.", a->rank + 1,
                                c->n_ranked, score, worst);
      break;
    default:
      return TRUE;
    }
  return put_decision (d, c, a, a->shortlisted ? ST_SHORTLISTED : ST_IN_REVIEW, a->status,
                       final_at, reason, TRUE, error);
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
  strong = g_strdup_printf ("Søkeren %s", _spire_demo_criterion_specs[c->rubric->criterion[best]].strong);
  if (best == worst)
    return g_strdup_printf ("%s.", strong);
  return g_strdup_printf (
    "%s, men %s.%s", strong, _spire_demo_criterion_specs[c->rubric->criterion[worst]].weak,
    recommendation == NULL ? ""
    : g_str_equal (recommendation, "yes") ? " Anbefales tatt opp."
    : g_str_equal (recommendation, "maybe") ? " Kan være aktuell hvis det blir ledige plasser."
                                            : " Anbefales ikke.");
}

static gboolean
write_reviews (Demo *d, const Cohort *c, const App *a, GError **error)
{
  Stamp assigned = a->screened + 86400;

  for (int i = 0; i < a->n_slots; i++)
    {
      const Slot *s = &a->slots[i];
      const char *panelist = c->panel[s->panelist].uuid;
      const char *recommendation = NULL;
      static const char *const assignment_states[] = { "declined", "assigned", "drafted", "submitted" };
      char review_uuid[UUID_LEN];
      SpireRecord *r;
      Stamp started;

      r = new_record (d, &spire_kind_assignment, NULL);
      spire_record_set_text (r, "evaluator", panelist);
      spire_record_set_text (r, "application", a->uuid);
      spire_record_set_text (r, "state", assignment_states[s->state]);
      if (!put (d, r, assigned, s->state == SLOT_ASSIGNED ? assigned : s->done, error))
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
          r = new_record (d, &spire_kind_conflict, NULL);
          spire_record_set_text (r, "evaluator", panelist);
          spire_record_set_text (r, "application", a->uuid);
          spire_record_set_text (r, "startup", startup_at (d, a->startup)->uuid);
          spire_record_set_text (r, "origin", s->conflict == CONFLICT_DECLARED ? "declared"
                                                                               : "detected");
          spire_record_set_text (r, "kind", kind);
          spire_record_set_text (r, "reason", reason);
          spire_record_set_bool (r, "confirmed", TRUE);
          if (!put (d, r, s->done, s->done, error))
            return FALSE;
          continue;
        }
      if (s->state == SLOT_ASSIGNED)
        continue;

      if (s->state == SLOT_SUBMITTED)
        recommendation = s->score >= 5.3 ? "yes" : s->score >= 4.2 ? "maybe" : "no";
      else if (chance (d, 0.5))
        recommendation = "maybe";

      started = MIN (assigned + rnd (d, 3600, 2 * 86400), s->done);
      r = new_record (d, &spire_kind_review, review_uuid);
      spire_record_set_text (r, "evaluator", panelist);
      spire_record_set_text (r, "application", a->uuid);
      spire_record_set_text (r, "state", s->state == SLOT_SUBMITTED ? "submitted" : "draft");
      spire_record_set_text (r, "recommendation", recommendation);
      if (s->state == SLOT_SUBMITTED || chance (d, 0.5))
        {
          g_autofree char *summary = review_summary (d, c, s, recommendation);

          spire_record_set_text (r, "summary", summary);
        }
      if (s->state == SLOT_SUBMITTED)
        set_stamp (r, "submitted_at", s->done);
      spire_record_set_int (r, "rubric_version", 1);
      if (!put (d, r, started, s->done, error))
        return FALSE;

      for (int k = 0; k < s->n_entered; k++)
        {
          const CriterionSpec *crit = &_spire_demo_criterion_specs[c->rubric->criterion[k]];

          r = new_record (d, &spire_kind_score, NULL);
          spire_record_set_text (r, "review", review_uuid);
          spire_record_set_text (r, "criterion", c->criteria[k]);
          spire_record_set_real (r, "value", s->values[k]);
          if (isnan (s->values[k]))
            spire_record_set_text (r, "comment", "Ikke relevant for denne søknaden.");
          else if (chance (d, d->size->p_comment))
            {
              g_autofree char *comment =
                capitalise (s->values[k] >= 5 ? crit->strong : crit->weak);
              g_autofree char *sentence = g_strdup_printf ("%s.", comment);

              spire_record_set_text (r, "comment", sentence);
            }
          if (!put (d, r, started, s->done, error))
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
  if (chance (d, 0.7))
    {
      g_autofree char *turnover = format_thousands ((gint64) rnd (d, 0, 120) * 50000);
      g_autofree char *value = g_strdup_printf ("%s kr", turnover);

      json_builder_set_member_name (b, "Omsetning i fjor");
      json_builder_add_string_value (b, value);
    }
  json_builder_set_member_name (b, "Har dere offentlige kunder i dag?");
  json_builder_add_string_value (b, chance (d, 0.45) ? "Ja" : "Nei");
  if (chance (d, 0.5))
    {
      json_builder_set_member_name (b, "Hvordan hørte dere om programmet?");
      json_builder_add_string_value (b, PICK (d, _spire_demo_heard_from));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
write_application (Demo *d, Cohort *c, App *a, GError **error)
{
  const Startup *s = startup_at (d, a->startup);
  SpireRecord *r = new_record (d, &spire_kind_application, a->uuid);
  g_autofree char *product = capitalise (s->product);
  g_autofree char *title = NULL;
  g_autofree char *pitch = NULL;
  g_autofree char *solution = NULL;
  g_autofree char *extra = NULL;
  const char *partner;
  Stamp updated = a->submitted;

  if (a->challenge >= 0)
    {
      partner = body_at (d, c->challenges[a->challenge].body)->spec->name;
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
  set_stamp (r, "submitted_at", a->submitted);
  spire_record_set_text (r, "extra", extra);
  if (chance (d, 0.3))
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
    updated = stamp (c->final_day, 14 * 3600);
  else if (a->shortlisted)
    updated = stamp (c->shortlist_day, 15 * 3600);
  else if (a->screened)
    updated = a->screened;
  return put (d, r, MAX (a->submitted - rnd (d, 600, 5 * 86400), stamp (c->opens, 7 * 3600)),
              updated, error);
}

static gboolean
fill_applications (Demo *d, Cohort *c, GError **error)
{
  plan_applications (d, c);
  for (int i = 0; i < c->n_apps; i++)
    {
      App *a = &c->apps[i];

      if (!write_application (d, c, a, error) || !write_decisions (d, c, a, error) ||
          !write_reviews (d, c, a, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_cohorts (Demo *d, GError **error)
{
  guint *pool = g_new (guint, d->size->n_evaluators);
  guint pool_cursor = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < d->size->n_evaluators; i++)
    pool[i] = i;
  for (guint i = d->size->n_evaluators - 1; i > 0; i--)
    {
      guint j = (guint) rnd (d, 0, (int) i), tmp = pool[i];

      pool[i] = pool[j];
      pool[j] = tmp;
    }

  for (guint i = 0; ok && i < d->size->n_cohorts; i++)
    {
      Cohort *c = g_new0 (Cohort, 1);

      c->spec = &d->size->cohorts[i];
      c->program = &g_array_index (d->programs, Program, c->spec->program);
      g_ptr_array_add (d->cohorts, c);
      ok = fill_cohort_record (d, c, error) && fill_challenges (d, c, error) &&
           fill_rubric (d, c, error) && fill_panel (d, c, &pool_cursor, pool, error) &&
           fill_applications (d, c, error);
    }
  g_free (pool);
  return ok;
}

/* Deals */

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
      if (chance (d, 0.4))
        path[n++] = DS_PILOT;
      if (chance (d, 0.5))
        path[n++] = DS_NEGOTIATION;
      path[n++] = DS_NO_DEAL;
    }
  else
    {
      if (final == DS_PILOT
          || (final > DS_PILOT && (g_str_equal (kind, "pilot") || chance (d, 0.3))))
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
      days[i] = days[i - 1] + rnd (d, 14, path[i] == DS_SCALED ? 240 : 90);
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
          note = made = g_strdup_printf ("Pilot startet med %d brukere.", rnd (d, 2, 12) * 5);
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
      r = new_record (d, &spire_kind_deal_event, NULL);
      spire_record_set_text (r, "deal", deal_uuid);
      spire_record_set_text (r, "stage", _spire_demo_deal_stage_values[path[i]]);
      set_day (r, "date", days[i]);
      spire_record_set_text (r, "note", note);
      if (!put (d, r, stamp_on (d, days[i]), stamp_on (d, days[i]), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_deal (Demo *d, int startup, int body, const App *app, const char *kind, DealStage final,
          guint32 start, gint64 value_nok, GError **error)
{
  const Startup *s = startup_at (d, startup);
  const Body *b = body_at (d, body);
  DealStage path[8];
  guint32 days[8];
  int n;
  char deal_uuid[UUID_LEN];
  SpireRecord *r;
  g_autofree char *product = capitalise (s->product);
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
    expected = value_nok * rnd (d, 5, 40) / 10;
  if (final == DS_DELIVERING || final == DS_SCALED)
    realised = expected * rnd (d, 2, final == DS_SCALED ? 12 : 6) / 10;

  r = new_record (d, &spire_kind_deal, deal_uuid);
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
  spire_record_set_text (r, "procedure", procedure_for (kind, value_nok));
  set_day (r, "started_on", days[0]);
  if (signed_at >= 0)
    set_day (r, "signed_on", days[signed_at]);
  if (!put (d, r, stamp_on (d, days[0]), stamp_on (d, days[n - 1]), error))
    return FALSE;
  d->n_deals++;
  {
    g_autofree char *pair = g_strdup_printf ("deal %d %d", startup, body);

    take (d, pair);
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
      int b = rnd (d, 0, (int) d->bodies->len - 1);

      if (g_str_equal (body_at (d, b)->spec->kind, "municipality"))
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
                 c->starts + 20, rnd (d, 35, 55) * 10000, error) ||
      !add_deal (d, hero->startup, d->body_index[B_OSLO], hero, "framework_agreement",
                 DS_DELIVERING, c->ends - 30, rnd (d, 40, 60) * 100000, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (spread); i++)
    if (!add_deal (d, hero->startup, d->body_index[spread[i].body], NULL, spread[i].kind,
                   spread[i].stage, d->today - rnd (d, 120, 330), rnd (d, 100, 150) * 100,
                   error))
      return FALSE;

  {
    const App *second = &c->apps[rk[1]], *third = &c->apps[rk[2]], *fourth = &c->apps[rk[3]];
    const App *waiting = &c->apps[rk[accepted]];
    const App *rejected = &c->apps[rk[accepted + 2]];

    return add_deal (d, second->startup, d->body_index[B_OSLO], second,
                     "innovation_partnership", DS_SIGNED, c->ends - 60,
                     rnd (d, 50, 90) * 100000, error) &&
           add_deal (d, second->startup, deal_body_for (d, c, second), second, "pilot",
                     DS_PILOT, d->today - rnd (d, 60, 120), rnd (d, 15, 40) * 10000, error) &&
           add_deal (d, third->startup, deal_body_for (d, c, third), third, "purchase",
                     DS_NEGOTIATION, c->ends - 20, rnd (d, 8, 20) * 100000, error) &&
           add_deal (d, fourth->startup, deal_body_for (d, c, fourth), fourth, "pilot",
                     DS_NEGOTIATION, c->ends - 10, rnd (d, 20, 50) * 10000, error) &&
           add_deal (d, waiting->startup, deal_body_for (d, c, waiting), waiting, "pilot",
                     DS_PILOT, c->ends, rnd (d, 10, 30) * 10000, error) &&
           add_deal (d, rejected->startup, deal_body_for (d, c, rejected), rejected,
                     "letter_of_intent", DS_NO_DEAL, c->ends - 40, rnd (d, 5, 20) * 10000,
                     error);
  }
}

static DealStage
stage_by_age (Demo *d, const Cohort *c)
{
  static const DealStage decided[] = { DS_DIALOGUE, DS_DIALOGUE, DS_PILOT };
  static const DealStage running[] = { DS_DIALOGUE, DS_PILOT, DS_PILOT, DS_NEGOTIATION, DS_NO_DEAL };
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
    return chance (d, 0.6) ? "innovation_partnership" : "framework_agreement";
  if (g_str_equal (pk, "accelerator"))
    return PICK (d, ((const char *const[]) { "purchase", "purchase", "pilot",
                                             "innovation_partnership" }));
  return PICK (d, ((const char *const[]) { "purchase", "pilot", "letter_of_intent" }));
}

static gint64
value_for_kind (Demo *d, const char *kind)
{
  if (g_str_equal (kind, "innovation_partnership"))
    return (gint64) rnd (d, 30, 250) * 100000;
  if (g_str_equal (kind, "framework_agreement"))
    return (gint64) rnd (d, 20, 120) * 100000;
  if (g_str_equal (kind, "development_contract"))
    return (gint64) rnd (d, 5, 15) * 100000;
  if (g_str_equal (kind, "pilot"))
    return (gint64) rnd (d, 10, 50) * 10000;
  if (g_str_equal (kind, "letter_of_intent"))
    return 0;
  return (gint64) rnd (d, 2, 120) * 10000;
}

static gboolean
fill_deals (Demo *d, GError **error)
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
          guint32 start = c->spec->phase == PH_DECIDED ? d->today - rnd (d, 1, 20)
                                                       : c->starts + rnd (d, 10, 90);

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
                  chance (d, 0.6) &&
                  !add_deal (d, a->startup, deal_body_for (d, c, a), a, "purchase",
                             PICK (d, ((const DealStage[]) { DS_DIALOGUE, DS_NEGOTIATION,
                                                             DS_SIGNED, DS_NO_DEAL })),
                             c->ends + rnd (d, 10, 60), rnd (d, 5, 40) * 100000, error))
                return FALSE;
            }
          else if (a->status == ST_WAITLISTED && chance (d, 0.5))
            {
              if (!add_deal (d, a->startup, deal_body_for (d, c, a), a, "pilot",
                             chance (d, 0.5) ? DS_DIALOGUE : DS_NO_DEAL, start,
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
      gboolean small_buy = chance (d, 0.6);
      guint32 start;

      if (d->scalers->len == 0)
        {
          startup = rnd (d, 0, (int) d->size->n_startups - 1);
          start = startup_at (d, startup)->founded + 180;
        }
      else
        {
          const Scaler *sc = &g_array_index (d->scalers, Scaler, rnd (d, 0, (int) d->scalers->len - 1));

          startup = sc->startup;
          start = sc->signed_on + 30;
        }
      start = MIN (MAX (start + rnd (d, 0, 600), d->today - 900), d->today - 30);
      for (int tries = 0;; tries++)
        {
          g_autofree char *pair = NULL;

          body = rnd (d, 0, (int) d->bodies->len - 1);
          if (g_str_equal (body_at (d, body)->spec->kind, "state_agency") && chance (d, 0.8))
            continue;
          pair = g_strdup_printf ("deal %d %d", startup, body);
          if (tries > 20 || !g_hash_table_contains (d->taken, pair))
            break;
        }

      if (!add_deal (d, startup, body, NULL,
                     small_buy ? "purchase"
                               : PICK (d, ((const char *const[]) { "purchase", "pilot",
                                                                   "framework_agreement",
                                                                   "innovation_partnership" })),
                     PICK (d, stages), start,
                     small_buy ? rnd (d, 100, 150) * 100 : rnd (d, 5, 90) * 10000, error))
        return FALSE;
    }
  return TRUE;
}

/* The whole */

static double
estimate_records (const SizeSpec *size)
{
  double n = G_N_ELEMENTS (_spire_demo_body_specs) + size->n_programs + 2.0 * size->n_startups +
             size->n_evaluators + 4.5 * size->n_deals;
  int scored = size == &_spire_demo_sizes[SPIRE_DEMO_LARGE] ? 8 : 5;

  for (guint i = 0; i < size->n_cohorts; i++)
    {
      const CohortSpec *c = &size->cohorts[i];
      double per_app = 1 + 1;

      if (c->phase >= PH_EVALUATION)
        per_app += 1.2 + 3 + 3 * (1 + scored);
      n += 10 + c->panel_size + c->n_apps * per_app;
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
fill (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
      SpireProgressFunc progress, gpointer progress_data, GCancellable *cancellable,
      GError **error)
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
  d.size = &_spire_demo_sizes[size];
  d.flags = SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES;
  if (size == SPIRE_DEMO_LARGE)
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
  d.cohorts = g_ptr_array_new ();

  /* "Today" for the data: a day in 2025 that depends on the seed. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2025);
  d.today = g_date_get_julian (&day) + (guint32) rnd (&d, 0, 364);

  report (&d, 0.0);
  ok = fill_bodies (&d, error) && fill_programs (&d, error) && fill_startups (&d, error) &&
       fill_evaluators (&d, error) && fill_cohorts (&d, error) && fill_deals (&d, error);
  if (ok)
    {
      after = g_strdup_printf ("{\"seed\": %u, \"size\": \"%s\"}", (guint) seed,
                               size == SPIRE_DEMO_LARGE ? "large" : "small");
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
  g_return_val_if_fail (size == SPIRE_DEMO_SMALL || size == SPIRE_DEMO_LARGE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    return set_cancelled (error);

  /* The store keeps statement journals in memory and a large page cache:
   * the large set's one transaction stays off the disk until commit. */
  ok = fill (store, seed, size, force, progress, progress_data, cancellable, error);
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
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
