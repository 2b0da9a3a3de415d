/* spire-csv-prepare.c — the plan of a CSV import, before anything is written
 *
 * What the cohort and the database already hold is loaded once (startups by
 * orgnr and by name, persons by e-mail and by name within their startup,
 * the cohort's challenges and applications); then every row is checked and
 * resolved (spire-csv-rows.c), and what the rows make or complete becomes
 * the plan's writes: startups, then persons, then applications.  The
 * preview the user sees is that plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-csv-import-private.h"
#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-job-private.h"
#include "spire-records.h"
#include "spire-text.h"

/* The preview and its plan */

static void
problem_free (gpointer data)
{
  SpireCsvProblem *p = data;

  g_free (p->header);
  g_free (p->message);
  g_free (p->text);
  g_free (p);
}

static void
preview_row_free (gpointer data)
{
  SpireCsvRow *r = data;

  g_free (r->startup_name);
  g_free (r->startup_orgnr);
  g_free (r->person_name);
  g_free (r->person_email);
  g_free (r->title);
  g_free (r->challenge);
  g_free (r->submitted_at);
  g_free (r);
}

static void
write_free (gpointer data)
{
  Write *w = data;

  g_object_unref (w->record);
  g_free (w);
}

static Plan *
plan_new (void)
{
  Plan *plan = g_new0 (Plan, 1);

  g_atomic_ref_count_init (&plan->ref);
  plan->pub.problems = g_ptr_array_new_with_free_func (problem_free);
  plan->pub.rows = g_ptr_array_new_with_free_func (preview_row_free);
  plan->writes = g_ptr_array_new_with_free_func (write_free);
  return plan;
}

SpireCsvPreview *
spire_csv_preview_ref (SpireCsvPreview *preview)
{
  Plan *plan = (Plan *) preview;

  g_return_val_if_fail (preview != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref);
  return preview;
}

void
spire_csv_preview_unref (SpireCsvPreview *preview)
{
  Plan *plan = (Plan *) preview;

  g_return_if_fail (preview != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref))
    return;
  g_ptr_array_unref (plan->pub.problems);
  g_ptr_array_unref (plan->pub.rows);
  g_ptr_array_unref (plan->writes);
  g_free (plan);
}

G_DEFINE_BOXED_TYPE (SpireCsvPreview, spire_csv_preview, spire_csv_preview_ref,
                     spire_csv_preview_unref)

char *
spire_csv_preview_describe (SpireCsvPreview *preview)
{
  const SpireCsvCounts *c;
  GString *s = g_string_new (NULL);
  SpireLanguage lang;
  g_autofree char *n_startups_new = NULL;
  g_autofree char *n_startups_known = NULL;
  g_autofree char *n_persons_new = NULL;
  g_autofree char *n_applications_new = NULL;
  g_autofree char *n_applications_known = NULL;

  g_return_val_if_fail (preview != NULL, NULL);

  c = &preview->counts;
  lang = spire_language_current ();
  n_startups_new = spire_format_count (c->startups_new, lang);
  n_startups_known = spire_format_count (c->startups_known, lang);
  n_persons_new = spire_format_count (c->persons_new, lang);
  n_applications_new = spire_format_count (c->applications_new, lang);
  n_applications_known = spire_format_count (c->applications_known, lang);
  g_string_append_printf (s, ngettext ("%s new startup", "%s new startups", c->startups_new),
                          n_startups_new);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%s startup already known", "%s startups already known",
                                       c->startups_known),
                          n_startups_known);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%s new person", "%s new people", c->persons_new),
                          n_persons_new);
  g_string_append (s, ", ");
  g_string_append_printf (s, ngettext ("%s new application", "%s new applications",
                                       c->applications_new),
                          n_applications_new);
  if (c->applications_known > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, ngettext ("%s application already imported",
                                           "%s applications already imported",
                                           c->applications_known),
                              n_applications_known);
    }
  return g_string_free (s, FALSE);
}

static void
planned_free (gpointer data)
{
  Planned *p = data;

  g_clear_object (&p->record);
  g_free (p);
}

static void
prep_clear (Prep *p)
{
  g_clear_pointer (&p->oslo, g_time_zone_unref);
  g_clear_pointer (&p->extra_keys, g_strfreev);
  g_clear_pointer (&p->db_startup_by_orgnr, g_hash_table_unref);
  g_clear_pointer (&p->db_startup_by_name, g_hash_table_unref);
  g_clear_pointer (&p->db_persons, g_hash_table_unref);
  g_clear_pointer (&p->db_applications, g_hash_table_unref);
  g_clear_pointer (&p->challenges, g_hash_table_unref);
  if (p->challenge_titles)
    g_string_free (p->challenge_titles, TRUE);
  p->challenge_titles = NULL;
  g_clear_pointer (&p->startup_by_orgnr, g_hash_table_unref);
  g_clear_pointer (&p->startup_by_name, g_hash_table_unref);
  g_clear_pointer (&p->person_by_key, g_hash_table_unref);
  g_clear_pointer (&p->planned_by_uuid, g_hash_table_unref);
  g_clear_pointer (&p->file_applications, g_hash_table_unref);
  g_clear_pointer (&p->startup_writes, g_ptr_array_unref);
  g_clear_pointer (&p->person_writes, g_ptr_array_unref);
  g_clear_pointer (&p->application_writes, g_ptr_array_unref);
  g_clear_pointer (&p->planned, g_ptr_array_unref);
  g_clear_pointer (&p->keep, g_ptr_array_unref);
}

static gboolean
load_store (Prep *p, GError **error)
{
  const SpireKind *startup_kind = spire_kind_lookup ("startups");
  const SpireKind *person_kind = spire_kind_lookup ("persons");
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GPtrArray) applications = NULL;

  cohort = spire_store_get (p->store, spire_kind_lookup ("cohorts"), p->cohort_uuid, error);
  if (cohort == NULL)
    return FALSE;

  p->keep = g_ptr_array_new_with_free_func (g_object_unref);
  p->db_startup_by_orgnr = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->db_startup_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->db_persons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->db_applications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->challenges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->challenge_titles = g_string_new (NULL);

  startups = spire_store_list (p->store, startup_kind, NULL, NULL, error);
  if (startups == NULL)
    return FALSE;
  for (guint i = 0; i < startups->len; i++)
    {
      SpireRecord *s = g_ptr_array_index (startups, i);
      const char *orgnr = spire_record_get_text (s, "orgnr");
      char *k = _spire_csv_name_key (spire_record_get_text (s, "name"));

      g_ptr_array_add (p->keep, g_object_ref (s));
      if (orgnr && !g_hash_table_contains (p->db_startup_by_orgnr, orgnr))
        g_hash_table_insert (p->db_startup_by_orgnr, g_strdup (orgnr), s);
      /* Among equal names, the one without an orgnr is the better guess for a
       * row without one. */
      if (!g_hash_table_contains (p->db_startup_by_name, k) || orgnr == NULL)
        g_hash_table_replace (p->db_startup_by_name, k, s);
      else
        g_free (k);
    }

  persons = spire_store_list (p->store, person_kind, NULL, NULL, error);
  if (persons == NULL)
    return FALSE;
  for (guint i = 0; i < persons->len; i++)
    {
      SpireRecord *person = g_ptr_array_index (persons, i);
      const char *startup = spire_record_get_text (person, "startup");
      const char *email = spire_record_get_text (person, "email");

      if (startup == NULL)
        continue;
      g_ptr_array_add (p->keep, g_object_ref (person));
      if (email != NULL)
        {
          char *k = _spire_csv_person_key (startup, email, NULL);

          if (!g_hash_table_contains (p->db_persons, k))
            g_hash_table_insert (p->db_persons, k, person);
          else
            g_free (k);
        }
      {
        char *k = _spire_csv_person_key (startup, NULL, spire_record_get_text (person, "name"));

        if (!g_hash_table_contains (p->db_persons, k))
          g_hash_table_insert (p->db_persons, k, person);
        else
          g_free (k);
      }
    }

  challenges = spire_store_list (p->store, spire_kind_lookup ("challenges"), "cohort",
                                 p->cohort_uuid, error);
  if (challenges == NULL)
    return FALSE;
  for (guint i = 0; i < challenges->len; i++)
    {
      SpireRecord *c = g_ptr_array_index (challenges, i);
      const char *title = spire_record_get_text (c, "title");

      g_ptr_array_add (p->keep, g_object_ref (c));
      g_hash_table_insert (p->challenges, _spire_csv_name_key (title), c);
      if (p->challenge_titles->len)
        g_string_append (p->challenge_titles, ", ");
      /* TRANSLATORS: a challenge's title in a list of them, quoted as the
       * language quotes ("«%s»" in Norwegian) */
      g_string_append_printf (p->challenge_titles, _("“%s”"), title);
    }

  applications = spire_store_list (p->store, spire_kind_lookup ("applications"), "cohort",
                                   p->cohort_uuid, error);
  if (applications == NULL)
    return FALSE;
  for (guint i = 0; i < applications->len; i++)
    {
      SpireRecord *a = g_ptr_array_index (applications, i);
      char *k = _spire_csv_application_key (spire_record_get_text (a, "startup"),
                                 spire_record_get_text (a, "challenge"),
                                 spire_record_get_text (a, "title"));

      g_hash_table_add (p->db_applications, k);
    }
  return TRUE;
}

static void
prepare_columns (Prep *p)
{
  SpireCsvImport *self = p->self;
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  for (int t = 0; t < N_TARGETS; t++)
    p->col[t] = -1;
  for (guint c = 0; c < self->columns->len; c++)
    if (self->mapping[c] >= 0 && self->mapping[c] != T_IGNORE)
      p->col[self->mapping[c]] = (int) c;

  /* Two columns with one header still give two extra answers. */
  p->extra_keys = g_new0 (char *, self->columns->len + 1);
  for (guint c = 0; c < self->columns->len; c++)
    {
      const char *h = g_ptr_array_index (self->columns, c);
      char *k = g_strdup (h);

      for (guint n = 2; g_hash_table_contains (used, k); n++)
        {
          g_free (k);
          k = g_strdup_printf ("%s (%u)", h, n);
        }
      p->extra_keys[c] = k;
      g_hash_table_add (used, k);
    }
}

Plan *
_spire_csv_prepare (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
         GCancellable *cancellable, GError **error)
{
  Prep p = { 0 };
  Plan *plan;
  SpireCsvCounts *counts;

  p.self = self;
  p.store = store;
  p.cohort_uuid = cohort_uuid;
  p.oslo = g_time_zone_new_identifier ("Europe/Oslo");
  if (p.oslo == NULL)
    p.oslo = g_time_zone_new_utc ();

  if (!load_store (&p, error))
    {
      prep_clear (&p);
      return NULL;
    }

  plan = plan_new ();
  p.plan = plan;
  p.planned = g_ptr_array_new_with_free_func (planned_free);
  p.startup_by_orgnr = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.startup_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.person_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.planned_by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.file_applications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.startup_writes = g_ptr_array_new_with_free_func (write_free);
  p.person_writes = g_ptr_array_new_with_free_func (write_free);
  p.application_writes = g_ptr_array_new_with_free_func (write_free);
  prepare_columns (&p);

  counts = &plan->pub.counts;
  counts->rows = self->rows->len;

  if (self->rows->len == 0)
    _spire_csv_add_problem (&p, NULL, 0, -1,
                 g_strdup_printf (_("%s holds no applications, only the header line."),
                                  self->name));
  if (p.col[T_STARTUP_NAME] < 0 && p.col[T_STARTUP_ORGNR] < 0)
    {
      p.no_startup_columns = TRUE;
      _spire_csv_add_problem (&p, NULL, 0, -1,
                   g_strdup (_("No column is chosen for the startups’ names. Choose the "
                               "column that holds them (or their organisation numbers).")));
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      if (r % SPIRE_CSV_STEP == 0 && g_cancellable_is_cancelled (cancellable))
        {
          _spire_exchange_cancelled (error);
          spire_csv_preview_unref (&plan->pub);
          prep_clear (&p);
          return NULL;
        }
      _spire_csv_prepare_row (&p, r);
    }

  for (guint i = 0; i < p.planned->len; i++)
    {
      Planned *pl = g_ptr_array_index (p.planned, i);
      const SpireKind *kind = spire_record_get_kind (pl->record);

      if (kind == spire_kind_lookup ("startups"))
        {
          if (pl->match == SPIRE_CSV_MATCH_NEW)
            counts->startups_new++;
          else
            {
              counts->startups_known++;
              if (pl->dirty)
                counts->startups_completed++;
            }
        }
      else if (pl->match == SPIRE_CSV_MATCH_NEW)
        counts->persons_new++;
      else
        counts->persons_known++;
    }

  g_ptr_array_extend_and_steal (plan->writes, g_steal_pointer (&p.startup_writes));
  g_ptr_array_extend_and_steal (plan->writes, g_steal_pointer (&p.person_writes));
  g_ptr_array_extend_and_steal (plan->writes, g_steal_pointer (&p.application_writes));
  prep_clear (&p);
  return plan;
}

SpireCsvPreview *
spire_csv_import_prepare (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
                          GCancellable *cancellable, GError **error)
{
  Plan *plan;

  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = _spire_csv_prepare (self, store, cohort_uuid, cancellable, error);
  return plan ? &plan->pub : NULL;
}

/* Async */

void
_spire_csv_job_free (gpointer data)
{
  CsvJob *d = data;

  g_clear_object (&d->import);
  g_free (d->cohort);
  g_free (d);
}

CsvJob *
_spire_csv_job_new (SpireCsvImport *import, const char *cohort_uuid)
{
  CsvJob *d = g_new0 (CsvJob, 1);

  d->import = g_object_ref (import);
  d->cohort = g_strdup (cohort_uuid);
  return d;
}

static gboolean
prepare_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
             GError **error)
{
  CsvJob *d = data;

  *result = spire_csv_import_prepare (d->import, store, d->cohort,
                                      _spire_job_get_cancellable (job), error);
  return *result != NULL;
}

void
spire_csv_import_prepare_async (SpireCsvImport *self, SpireStore *store,
                                const char *cohort_uuid, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_CSV_IMPORT (self));

  _spire_job_run (store, spire_csv_import_prepare_async, prepare_job,
                  _spire_csv_job_new (self, cohort_uuid), _spire_csv_job_free,
                  (GDestroyNotify) spire_csv_preview_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

SpireCsvPreview *
spire_csv_import_prepare_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer preview = NULL;

  _spire_job_finish (store, result, spire_csv_import_prepare_async, &preview, error);
  return preview;
}

