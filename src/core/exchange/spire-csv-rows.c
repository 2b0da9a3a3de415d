/* spire-csv-rows.c — one row of a CSV import, checked and resolved
 *
 * A row is checked value by value (orgnr, web address, e-mail, the time it
 * was submitted, the challenge by its title), then resolved: the startup by
 * orgnr or name (a row may complete a known one), the contact person within
 * that startup, and the application unless the cohort has it already.  Only
 * a sound row registers what it makes and uses, so that a later row finds
 * it.  Every problem names its line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-csv-import-private.h"
#include "spire-exchange-private.h"
#include "spire-records.h"
#include "spire-text.h"
#include "spire-validate.h"

/* Problems and keys */

void
_spire_csv_add_problem (Prep *p, SpireCsvRow *row, guint line, int column, char *message)
{
  SpireCsvProblem *problem = g_new0 (SpireCsvProblem, 1);

  problem->line = line;
  problem->column = column;
  problem->header = column >= 0 ? g_strdup (g_ptr_array_index (p->self->columns, column)) : NULL;
  problem->message = message;
  if (line == 0 && problem->header)
    problem->text = g_strdup_printf (_("“%s”: %s"), problem->header, message);
  else if (line == 0)
    problem->text = g_strdup (message);
  else if (problem->header)
    /* TRANSLATORS: a problem in a CSV file: “line 7, “Organisasjonsnummer”: the check digit is wrong” */
    problem->text = g_strdup_printf (_("line %u, “%s”: %s"), line, problem->header, message);
  else
    problem->text = g_strdup_printf (_("line %u: %s"), line, message);
  g_ptr_array_add (p->plan->pub.problems, problem);
  if (row)
    row->n_problems++;
}

static char *
key2 (const char *a, const char *b)
{
  return g_strconcat (a ? a : "", "\n", b ? b : "", NULL);
}

char *
_spire_csv_application_key (const char *startup, const char *challenge, const char *title)
{
  g_autofree char *t = _spire_csv_name_key (title);

  return g_strconcat (startup ? startup : "", "\n", challenge ? challenge : "", "\n", t, NULL);
}

/* The keys a person is found by within a startup: its e-mail, or its name. */
char *
_spire_csv_person_key (const char *startup, const char *email, const char *name)
{
  if (email != NULL)
    {
      g_autofree char *e = g_utf8_casefold (email, -1);
      g_autofree char *k = g_strconcat ("@", e, NULL);

      return key2 (startup, k);
    }
  {
    g_autofree char *n = _spire_csv_name_key (name);
    g_autofree char *k = g_strconcat ("=", n, NULL);

    return key2 (startup, k);
  }
}

/* Values */

/* The value of @target in @row, without surrounding space; NULL when empty
 * or not mapped. */
static char *
row_value (Prep *p, Row *row, TargetIndex target)
{
  int c = p->col[target];
  char *v;

  if (c < 0 || (guint) c >= row->n_values)
    return NULL;
  v = g_strstrip (g_strdup (row->values[c]));
  if (*v == '\0')
    g_clear_pointer (&v, g_free);
  return v;
}

static char *
parse_submitted (Prep *p, const char *text)
{
  gboolean had_time = FALSE;
  char *iso;

  /* Full ISO 8601, offset included ("2026-11-23T14:05:00+01:00"). */
  if (strchr (text, 'T') != NULL)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (text, p->oslo);

      if (dt != NULL)
        {
          g_autoptr (GDateTime) utc = g_date_time_to_utc (dt);

          return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
        }
    }
  iso = spire_parse_date (text, &had_time);
  if (iso != NULL && !had_time)
    {
      /* A day alone: the start of that day in Norway. */
      g_autofree char *midnight = g_strconcat (iso, " 00:00", NULL);

      g_free (iso);
      iso = spire_parse_date (midnight, NULL);
    }
  return iso;
}

static char *
extra_answers (Prep *p, Row *row)
{
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (JsonNode) root = NULL;
  gboolean any = FALSE;

  for (guint c = 0; c < row->n_values && c < p->self->columns->len; c++)
    {
      const char *v = row->values[c];
      g_autofree char *stripped = NULL;

      if (p->self->mapping[c] >= 0)
        continue;
      stripped = g_strstrip (g_strdup (v));
      if (*stripped == '\0')
        continue;
      if (b == NULL)
        {
          b = json_builder_new ();
          json_builder_begin_object (b);
        }
      json_builder_set_member_name (b, p->extra_keys[c]);
      json_builder_add_string_value (b, stripped);
      any = TRUE;
    }
  if (!any)
    return NULL;
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return _spire_json_text (root, FALSE);
}

static int
column_of_field (Prep *p, const char *kind_name, const char *field)
{
  g_autofree char *id = g_strconcat (kind_name, ".", field, NULL);
  int t = _spire_csv_target_index (id);

  return t < 0 ? -1 : p->col[t];
}

/* Backstop: the record rules, for what the checks above did not see. */
static gboolean
validate_record (Prep *p, SpireCsvRow *out, SpireRecord *record)
{
  g_autoptr (GError) local = NULL;
  const char *field = NULL;

  if (spire_record_validate (record, &field, &local))
    return TRUE;
  _spire_csv_add_problem (p, out, out->line,
               field ? column_of_field (p, spire_record_get_kind (record)->name, field) : -1,
               g_strdup (local->message));
  return FALSE;
}

static Planned *
planned_new (Prep *p, SpireRecord *record, SpireCsvMatch match, guint line)
{
  Planned *pl = g_new0 (Planned, 1);

  pl->record = record;
  pl->match = match;
  pl->line = line;
  g_ptr_array_add (p->planned, pl);
  g_hash_table_insert (p->planned_by_uuid, g_strdup (spire_record_get_uuid (record)), pl);
  return pl;
}

static void
queue_write (GPtrArray *writes, Planned *pl)
{
  Write *w;

  if (pl->queued)
    return;
  w = g_new0 (Write, 1);
  w->record = g_object_ref (pl->record);
  w->line = pl->line;
  g_ptr_array_add (writes, w);
  pl->queued = TRUE;
}

static void
register_startup_names (Prep *p, Planned *pl)
{
  const char *orgnr = spire_record_get_text (pl->record, "orgnr");
  char *k = _spire_csv_name_key (spire_record_get_text (pl->record, "name"));

  if (orgnr && !g_hash_table_contains (p->startup_by_orgnr, orgnr))
    g_hash_table_insert (p->startup_by_orgnr, g_strdup (orgnr), pl);
  if (!g_hash_table_contains (p->startup_by_name, k))
    g_hash_table_insert (p->startup_by_name, k, pl);
  else
    g_free (k);
}

static gboolean
blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* The row, step by step */

/* What one row resolves to, before anything is registered. */
typedef struct
{
  Row *row;
  SpireCsvRow *out;              /* borrowed: the plan's rows own it */
  char *name, *orgnr, *web, *person_name, *email, *phone;
  char *title, *pitch, *solution, *challenge, *submitted;
  char *digits, *website, *submitted_at;
  char *app_key;                 /* the application's, as _spire_csv_application_key makes it */
  SpireRecord *challenge_record; /* borrowed */
  Planned *startup, *person;     /* borrowed: planned by an earlier row */
  SpireRecord *db_startup, *db_person; /* borrowed: stored */
  SpireRecord *new_startup, *new_person, *application; /* owned: made by this row */
  gboolean set_orgnr;            /* the row completes a known startup's orgnr */
  const char *startup_uuid;
} RowPlan;

static void
row_plan_clear (RowPlan *rp)
{
  char **texts[] = { &rp->name, &rp->orgnr, &rp->web, &rp->person_name, &rp->email,
                     &rp->phone, &rp->title, &rp->pitch, &rp->solution, &rp->challenge,
                     &rp->submitted, &rp->digits, &rp->website, &rp->submitted_at,
                     &rp->app_key };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_clear_pointer (texts[i], g_free);
  g_clear_object (&rp->new_startup);
  g_clear_object (&rp->new_person);
  g_clear_object (&rp->application);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowPlan, row_plan_clear)

/* Step 1: as many values as the header has columns.  Empty values past
 * the last column (a spreadsheet's trailing ";") do no harm. */
static gboolean
check_row_shape (Prep *p, RowPlan *rp)
{
  SpireCsvImport *self = p->self;
  Row *row = rp->row;
  guint n_values = row->n_values;
  guint n = row->n_values, m = self->columns->len;
  g_autofree char *values = NULL;
  g_autofree char *columns = NULL;
  char sep[3] = { self->separator, 0, 0 };

  while (n_values > self->columns->len && blank (row->values[n_values - 1]))
    n_values--;
  if (n_values == self->columns->len)
    return TRUE;
  values = g_strdup_printf (ngettext ("%u value", "%u values", n), n);
  columns = g_strdup_printf (ngettext ("%u column", "%u columns", m), m);
  if (self->separator == '\t')
    g_strlcpy (sep, "\\t", sizeof sep);
  _spire_csv_add_problem (p, rp->out, row->line, -1,
                          /* TRANSLATORS: "the row has 7 values, but the header line has 8 columns; …" */
                          g_strdup_printf (_("the row has %s, but the header line has %s. A "
                                             "value that holds the separator (%s) must be in "
                                             "double quotes."),
                                           values, columns, sep));
  return FALSE;
}

/* Step 2a: the mapped values. */
static void
read_values (Prep *p, RowPlan *rp)
{
  rp->name = row_value (p, rp->row, T_STARTUP_NAME);
  rp->orgnr = row_value (p, rp->row, T_STARTUP_ORGNR);
  rp->web = row_value (p, rp->row, T_STARTUP_WEBSITE);
  rp->person_name = row_value (p, rp->row, T_PERSON_NAME);
  rp->email = row_value (p, rp->row, T_PERSON_EMAIL);
  rp->phone = row_value (p, rp->row, T_PERSON_PHONE);
  rp->title = row_value (p, rp->row, T_APPLICATION_TITLE);
  rp->pitch = row_value (p, rp->row, T_APPLICATION_PITCH);
  rp->solution = row_value (p, rp->row, T_APPLICATION_SOLUTION);
  rp->challenge = row_value (p, rp->row, T_APPLICATION_CHALLENGE);
  rp->submitted = row_value (p, rp->row, T_APPLICATION_SUBMITTED_AT);

  rp->out->startup_name = g_strdup (rp->name);
  rp->out->person_name = g_strdup (rp->person_name);
  rp->out->person_email = g_strdup (rp->email);
}

/* Step 2c: the challenge, by its title among the cohort's. */
static void
find_challenge (Prep *p, RowPlan *rp)
{
  g_autofree char *k = NULL;
  guint line = rp->row->line;
  int column = p->col[T_APPLICATION_CHALLENGE];

  if (rp->challenge == NULL)
    return;
  k = _spire_csv_name_key (rp->challenge);
  rp->challenge_record = g_hash_table_lookup (p->challenges, k);
  if (rp->challenge_record != NULL)
    rp->out->challenge = g_strdup (spire_record_get_text (rp->challenge_record, "title"));
  else if (p->challenge_titles->len == 0)
    _spire_csv_add_problem (p, rp->out, line, column,
                            g_strdup_printf (_("there is no challenge “%s”: the cohort has no "
                                               "challenges yet; add them first"),
                                             rp->challenge));
  else
    _spire_csv_add_problem (p, rp->out, line, column,
                            /* TRANSLATORS: the last %s lists the cohort's challenges: “A”, “B” */
                            g_strdup_printf (_("there is no challenge “%s” in the cohort; its "
                                               "challenges are %s"),
                                             rp->challenge, p->challenge_titles->str));
}

/* Step 2b: each value on its own. */
static void
check_values (Prep *p, RowPlan *rp)
{
  guint line = rp->row->line;

  if (rp->orgnr != NULL)
    {
      g_autofree char *why = NULL;

      if (spire_orgnr_check (rp->orgnr, &why))
        rp->digits = spire_orgnr_digits (rp->orgnr);
      else
        _spire_csv_add_problem (p, rp->out, line, p->col[T_STARTUP_ORGNR],
                                g_steal_pointer (&why));
    }
  rp->out->startup_orgnr = g_strdup (rp->digits);

  rp->website = spire_url_complete (rp->web);
  if (rp->website != NULL && !spire_url_is_valid (rp->website))
    _spire_csv_add_problem (p, rp->out, line, p->col[T_STARTUP_WEBSITE],
                            g_strdup (_("not a web address; write it as https://example.no")));

  if (rp->email != NULL && !spire_email_is_valid (rp->email))
    _spire_csv_add_problem (p, rp->out, line, p->col[T_PERSON_EMAIL],
                            g_strdup (_("not an e-mail address; write it as name@example.no")));

  if (rp->submitted != NULL)
    {
      rp->submitted_at = parse_submitted (p, rp->submitted);
      if (rp->submitted_at == NULL)
        _spire_csv_add_problem (p, rp->out, line, p->col[T_APPLICATION_SUBMITTED_AT],
                                g_strdup_printf (_("“%s” is not a date; write it as 23.11.2026 "
                                                   "14:05 or 2026-11-23T14:05"),
                                                 rp->submitted));
      rp->out->submitted_at = g_strdup (rp->submitted_at);
    }
  find_challenge (p, rp);
}

/* Step 3a: the startup by orgnr, else by name; a startup without an orgnr
 * takes the one from a row that has it. */
static void
find_startup (Prep *p, RowPlan *rp)
{
  if (rp->digits != NULL)
    {
      rp->startup = g_hash_table_lookup (p->startup_by_orgnr, rp->digits);
      if (rp->startup == NULL)
        rp->db_startup = g_hash_table_lookup (p->db_startup_by_orgnr, rp->digits);
    }
  if (rp->startup == NULL && rp->db_startup == NULL && rp->name != NULL)
    {
      g_autofree char *k = _spire_csv_name_key (rp->name);
      Planned *by_name = g_hash_table_lookup (p->startup_by_name, k);
      SpireRecord *db_by_name = g_hash_table_lookup (p->db_startup_by_name, k);

      if (by_name && (rp->digits == NULL || spire_record_is_null (by_name->record, "orgnr")))
        rp->startup = by_name;
      else if (db_by_name && (rp->digits == NULL || spire_record_is_null (db_by_name, "orgnr")))
        rp->db_startup = db_by_name;
      rp->set_orgnr = rp->digits != NULL && (rp->startup != NULL || rp->db_startup != NULL);
    }
  if (rp->db_startup != NULL)
    {
      /* Known, and perhaps already planned by an earlier row. */
      Planned *pl = g_hash_table_lookup (p->planned_by_uuid,
                                         spire_record_get_uuid (rp->db_startup));

      if (pl != NULL)
        {
          rp->startup = pl;
          rp->db_startup = NULL;
        }
    }
  if (rp->set_orgnr && rp->startup != NULL &&
      !spire_record_is_null (rp->startup->record, "orgnr"))
    {
      /* An earlier row gave it another orgnr: this is another company. */
      rp->startup = NULL;
      rp->set_orgnr = FALSE;
    }
}

/* A text of the startup the row resolved to, whichever it is. */
static const char *
startup_text (RowPlan *rp, const char *field)
{
  if (rp->new_startup)
    return spire_record_get_text (rp->new_startup, field);
  if (rp->db_startup)
    return spire_record_get_text (rp->db_startup, field);
  return spire_record_get_text (rp->startup->record, field);
}

/* Step 3: the startup, found or made. */
static gboolean
resolve_startup (Prep *p, RowPlan *rp)
{
  g_autofree char *uuid = NULL;

  find_startup (p, rp);
  if (rp->startup == NULL && rp->db_startup == NULL)
    {
      if (rp->name == NULL)
        {
          int c = p->col[T_STARTUP_NAME] >= 0 ? p->col[T_STARTUP_NAME] : -1;

          _spire_csv_add_problem (p, rp->out, rp->row->line, c,
                                  rp->digits
                                    ? g_strdup (_("the startup has no name, and Spire does not "
                                                  "know its organisation number; fill in the "
                                                  "name"))
                                    : g_strdup (_("the startup has no name; fill it in")));
          return FALSE;
        }
      uuid = spire_uuid_new ();
      rp->new_startup = spire_record_new (spire_kind_lookup ("startups"));
      spire_record_set_text (rp->new_startup, "uuid", uuid);
      spire_record_set_text (rp->new_startup, "name", rp->name);
      spire_record_set_text (rp->new_startup, "orgnr", rp->digits);
      spire_record_set_text (rp->new_startup, "website", rp->website);
      if (!validate_record (p, rp->out, rp->new_startup))
        return FALSE;
    }
  rp->startup_uuid = rp->new_startup ? spire_record_get_uuid (rp->new_startup)
                     : rp->db_startup ? spire_record_get_uuid (rp->db_startup)
                                      : spire_record_get_uuid (rp->startup->record);
  return TRUE;
}

/* Step 4: the contact person, found within the startup or made. */
static gboolean
resolve_person (Prep *p, RowPlan *rp)
{
  g_autofree char *pkey = NULL;
  g_autofree char *uuid = NULL;
  const char *startup_orgnr;

  if (rp->person_name == NULL && rp->email == NULL)
    return TRUE;
  pkey = _spire_csv_person_key (rp->startup_uuid, rp->email, rp->person_name);
  rp->person = g_hash_table_lookup (p->person_by_key, pkey);
  if (rp->person == NULL)
    rp->db_person = g_hash_table_lookup (p->db_persons, pkey);
  if (rp->person == NULL && rp->db_person != NULL)
    {
      /* Already planned, found by its other key? */
      rp->person = g_hash_table_lookup (p->planned_by_uuid,
                                        spire_record_get_uuid (rp->db_person));
      if (rp->person != NULL)
        rp->db_person = NULL;
    }
  if (rp->person != NULL || rp->db_person != NULL)
    return TRUE;

  startup_orgnr = startup_text (rp, "orgnr");
  uuid = spire_uuid_new ();
  rp->new_person = spire_record_new (spire_kind_lookup ("persons"));
  spire_record_set_text (rp->new_person, "uuid", uuid);
  spire_record_set_text (rp->new_person, "name", rp->person_name ? rp->person_name : rp->email);
  spire_record_set_text (rp->new_person, "email", rp->email);
  spire_record_set_text (rp->new_person, "phone", rp->phone);
  spire_record_set_text (rp->new_person, "organisation", startup_text (rp, "name"));
  spire_record_set_text (rp->new_person, "orgnr", startup_orgnr ? startup_orgnr : rp->digits);
  spire_record_set_text (rp->new_person, "startup", rp->startup_uuid);
  return validate_record (p, rp->out, rp->new_person);
}

/* Step 5: the application, unless the cohort already has it. */
static gboolean
plan_application (Prep *p, RowPlan *rp)
{
  const char *challenge_uuid = rp->challenge_record
                                 ? spire_record_get_uuid (rp->challenge_record) : NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *extra = NULL;
  guint earlier;
  SpireRecord *a;

  if (rp->title == NULL)
    rp->title = g_strdup (startup_text (rp, "name"));
  rp->out->title = g_strdup (rp->title);
  rp->app_key = _spire_csv_application_key (rp->startup_uuid, challenge_uuid, rp->title);
  if (!rp->new_startup && g_hash_table_contains (p->db_applications, rp->app_key))
    {
      rp->out->application = SPIRE_CSV_MATCH_KNOWN;
      return TRUE;
    }
  /* A row twice (a form sent twice) would be two applications, and the
   * next import of the file would find both "already in the cohort". */
  earlier = GPOINTER_TO_UINT (g_hash_table_lookup (p->file_applications, rp->app_key));
  if (earlier > 0)
    {
      _spire_csv_add_problem (p, rp->out, rp->row->line, -1,
                              /* TRANSLATORS: "…as on line 7: …" */
                              g_strdup_printf (_("the same application as on line %u: the same "
                                                 "startup, challenge and title. Remove one of "
                                                 "the two rows, or give each its own title"),
                                               earlier));
      return FALSE;
    }

  uuid = spire_uuid_new ();
  extra = extra_answers (p, rp->row);
  a = rp->application = spire_record_new (spire_kind_lookup ("applications"));
  spire_record_set_text (a, "uuid", uuid);
  spire_record_set_text (a, "cohort", p->cohort_uuid);
  spire_record_set_text (a, "startup", rp->startup_uuid);
  spire_record_set_text (a, "challenge", challenge_uuid);
  spire_record_set_text (a, "contact",
                         rp->new_person ? spire_record_get_uuid (rp->new_person)
                         : rp->db_person ? spire_record_get_uuid (rp->db_person)
                         : rp->person ? spire_record_get_uuid (rp->person->record)
                                      : NULL);
  spire_record_set_text (a, "title", rp->title);
  spire_record_set_text (a, "pitch", rp->pitch);
  spire_record_set_text (a, "solution", rp->solution);
  spire_record_set_text (a, "status", "received");
  spire_record_set_text (a, "submitted_at", rp->submitted_at);
  spire_record_set_text (a, "extra", extra);
  if (!validate_record (p, rp->out, a))
    return FALSE;
  rp->out->application = SPIRE_CSV_MATCH_NEW;
  return TRUE;
}

/* Step 6a: the startup the sound row makes or uses, completed by it. */
static void
register_startup (Prep *p, RowPlan *rp)
{
  guint line = rp->row->line;

  if (rp->new_startup != NULL)
    {
      rp->startup = planned_new (p, g_steal_pointer (&rp->new_startup), SPIRE_CSV_MATCH_NEW,
                                 line);
      register_startup_names (p, rp->startup);
      queue_write (p->startup_writes, rp->startup);
      rp->out->startup = SPIRE_CSV_MATCH_NEW;
    }
  else
    {
      if (rp->db_startup != NULL)
        {
          rp->startup = planned_new (p, spire_record_copy (rp->db_startup),
                                     SPIRE_CSV_MATCH_KNOWN, line);
          rp->out->startup = SPIRE_CSV_MATCH_KNOWN;
        }
      else
        rp->out->startup = rp->startup->match == SPIRE_CSV_MATCH_KNOWN
                             ? SPIRE_CSV_MATCH_KNOWN : SPIRE_CSV_MATCH_EARLIER;
      if (rp->set_orgnr)
        {
          spire_record_set_text (rp->startup->record, "orgnr", rp->digits);
          rp->startup->dirty = TRUE;
        }
      if (rp->website != NULL && spire_record_is_null (rp->startup->record, "website"))
        {
          spire_record_set_text (rp->startup->record, "website", rp->website);
          rp->startup->dirty = TRUE;
        }
      register_startup_names (p, rp->startup);
      if (rp->startup->dirty || rp->startup->match == SPIRE_CSV_MATCH_NEW)
        queue_write (p->startup_writes, rp->startup);
    }
  g_free (rp->out->startup_name);
  rp->out->startup_name = g_strdup (spire_record_get_text (rp->startup->record, "name"));
  g_free (rp->out->startup_orgnr);
  rp->out->startup_orgnr = g_strdup (spire_record_get_text (rp->startup->record, "orgnr"));
}

static void
add_person_key (Prep *p, char *key, Planned *person)
{
  if (!g_hash_table_contains (p->person_by_key, key))
    g_hash_table_insert (p->person_by_key, key, person);
  else
    g_free (key);
}

/* Step 6b: the person the sound row makes or uses, completed by it. */
static void
register_person (Prep *p, RowPlan *rp)
{
  Planned *person;
  const char *pe;

  if (rp->new_person != NULL || rp->db_person != NULL)
    {
      gboolean is_new = rp->new_person != NULL;

      rp->person = planned_new (p,
                                is_new ? g_steal_pointer (&rp->new_person)
                                       : spire_record_copy (rp->db_person),
                                is_new ? SPIRE_CSV_MATCH_NEW : SPIRE_CSV_MATCH_KNOWN,
                                rp->row->line);
      rp->out->person = rp->person->match;
      if (is_new)
        queue_write (p->person_writes, rp->person);
    }
  else if (rp->person != NULL)
    rp->out->person = rp->person->match == SPIRE_CSV_MATCH_KNOWN ? SPIRE_CSV_MATCH_KNOWN
                                                                 : SPIRE_CSV_MATCH_EARLIER;
  person = rp->person;
  if (person == NULL)
    return;

  /* Found by both keys from now on. */
  pe = spire_record_get_text (person->record, "email");
  if (pe != NULL)
    add_person_key (p, _spire_csv_person_key (rp->startup_uuid, pe, NULL), person);
  add_person_key (p,
                  _spire_csv_person_key (rp->startup_uuid, NULL,
                                         spire_record_get_text (person->record, "name")),
                  person);
  if (rp->phone != NULL && spire_record_is_null (person->record, "phone"))
    {
      spire_record_set_text (person->record, "phone", rp->phone);
      if (person->match == SPIRE_CSV_MATCH_KNOWN)
        {
          person->dirty = TRUE;
          queue_write (p->person_writes, person);
        }
    }
  g_free (rp->out->person_name);
  rp->out->person_name = g_strdup (spire_record_get_text (person->record, "name"));
  g_free (rp->out->person_email);
  rp->out->person_email = g_strdup (spire_record_get_text (person->record, "email"));
}

/* Step 6c: the new application among the writes. */
static void
register_application (Prep *p, RowPlan *rp)
{
  Write *w;

  if (rp->application == NULL)
    {
      p->plan->pub.counts.applications_known++;
      return;
    }
  g_hash_table_insert (p->file_applications, g_steal_pointer (&rp->app_key),
                       GUINT_TO_POINTER (rp->row->line));
  w = g_new0 (Write, 1);
  w->record = g_steal_pointer (&rp->application);
  w->line = rp->row->line;
  g_ptr_array_add (p->application_writes, w);
  p->plan->pub.counts.applications_new++;
}

/* One row: its shape, its values one by one, then the startup, the person
 * and the application it resolves to; only a sound row registers what it
 * makes and uses, so that a later row finds it. */
void
_spire_csv_prepare_row (Prep *p, guint index)
{
  g_auto (RowPlan) rp = { 0 };

  rp.row = g_ptr_array_index (p->self->rows, index);
  rp.out = g_new0 (SpireCsvRow, 1);
  rp.out->row = index;
  rp.out->line = rp.row->line;
  g_ptr_array_add (p->plan->pub.rows, rp.out);

  if (!check_row_shape (p, &rp))
    return;
  read_values (p, &rp);
  check_values (p, &rp);
  if (rp.out->n_problems > 0 || p->no_startup_columns)
    return;
  if (!resolve_startup (p, &rp) || !resolve_person (p, &rp) || !plan_application (p, &rp))
    return;
  register_startup (p, &rp);
  register_person (p, &rp);
  register_application (p, &rp);
}
