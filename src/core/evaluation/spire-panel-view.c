/* spire-panel-view.c — what the panel sees: whose reviews an evaluator may
 * read, the application without confidential fields (and, in a blind
 * cohort, without who applied), and the applications an evaluator works on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"

gboolean
spire_review_can_see_others (SpireStore *store, const char *evaluator_uuid,
                             const char *application_uuid)
{
  g_autofree char *role = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  role =
      _spire_query_string (store, "SELECT role FROM evaluators WHERE uuid = ?", 1, evaluator_uuid);
  if (role == NULL || spire_conflict_blocks (store, evaluator_uuid, application_uuid, NULL))
    return FALSE;
  if (g_str_equal (role, "observer"))
    return TRUE;
  state = _spire_query_string (store,
                               "SELECT state FROM reviews WHERE evaluator = ? AND application = ?",
                               2, evaluator_uuid, application_uuid);
  return g_strcmp0 (state, "submitted") == 0;
}

GPtrArray *
spire_review_list_visible (SpireStore *store, const char *evaluator_uuid,
                           const char *application_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (!spire_store_exists (store, &spire_kind_evaluator, evaluator_uuid))
    {
      g_autofree char *word = spire_kind_word (&spire_kind_evaluator);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("There is no %s with the UUID %s."), word,
            evaluator_uuid ? evaluator_uuid : "");
      return NULL;
    }
  if (spire_conflict_blocks (store, evaluator_uuid, application_uuid, NULL))
    return g_ptr_array_new_with_free_func (g_object_unref);
  return _spire_store_query_records (
    store, &spire_kind_review, NULL, error,
    "FROM reviews WHERE application = ?1 "
    "AND (evaluator = ?2 OR (?3 IS NOT NULL AND state = 'submitted')) "
    "ORDER BY evaluator <> ?2, submitted_at, uuid",
    3, application_uuid, evaluator_uuid,
    spire_review_can_see_others (store, evaluator_uuid, application_uuid) ? "1" : NULL);
}

/* The startups of @apps as a JSON array, for json_each (). */
static char *
startups_json (GPtrArray *apps)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *json = g_string_new ("[");

  for (guint i = 0; i < apps->len; i++)
    {
      const char *startup = spire_record_get_text (apps->pdata[i], "startup");

      /* UUIDs: nothing to escape; anything else is left out. */
      if (startup == NULL || strpbrk (startup, "\"\\") != NULL ||
          !g_hash_table_add (seen, (gpointer) startup))
        continue;
      g_string_append_printf (json, "%s\"%s\"", json->len > 1 ? "," : "", startup);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* From this many applications on, the blind terms are read for the whole
 * cohort at once rather than per application. */
#define BATCH_FROM 20

/* Adds the persons of @rows (records) to @by_uuid and, under the text of
 * @field of each, to @groups (key → GPtrArray of person UUIDs). */
static void
group_persons (GPtrArray *rows, const char *field, GHashTable *by_uuid, GHashTable *groups)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SpireRecord *p = rows->pdata[i];
      const char *key = spire_record_get_text (p, field);
      GPtrArray *group;

      g_hash_table_replace (by_uuid, (gpointer) spire_record_get_uuid (p), p);
      if (key == NULL)
        continue;
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) key, group);
        }
      g_ptr_array_add (group, (gpointer) spire_record_get_uuid (p));
    }
}

static void
add_group (GHashTable *seen, GHashTable *groups, const char *key)
{
  GPtrArray *group = key ? g_hash_table_lookup (groups, key) : NULL;

  for (guint i = 0; group != NULL && i < group->len; i++)
    g_hash_table_add (seen, group->pdata[i]);
}

static void
unref_terms (GPtrArray *terms)
{
  if (terms != NULL)
    g_ptr_array_unref (terms);
}

static int
compare_uuid_cb (gconstpointer a, gconstpointer b)
{
  return strcmp (spire_record_get_uuid (*(SpireRecord **) a),
                 spire_record_get_uuid (*(SpireRecord **) b));
}

/* The blind terms (_spire_redact_terms_for) of the startups of @apps,
 * startup UUID → GPtrArray (NULL: none), in five queries instead of one
 * scan of the persons per application (issue 11: a 600-application list
 * took 5 s to read). */
static GHashTable *
redact_terms_of_apps (SpireStore *store, GPtrArray *apps)
{
#define OF_APPS "(SELECT value FROM json_each (?1))"
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) unref_terms);
  g_autofree char *json = startups_json (apps);
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_startup = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) by_orgnr = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) contacts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) ignored = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) startups = _spire_store_query_records (
    store, &spire_kind_startup, NULL, NULL, "FROM startups WHERE uuid IN " OF_APPS, 1,
    json);
  g_autoptr (GPtrArray) of_startup = _spire_store_query_records (
    store, &spire_kind_person, NULL, NULL, "FROM persons WHERE startup IN " OF_APPS, 1,
    json);
  g_autoptr (GPtrArray) of_orgnr = _spire_store_query_records (
    store, &spire_kind_person, NULL, NULL,
    "FROM persons WHERE orgnr IN (SELECT orgnr FROM startups WHERE uuid IN " OF_APPS ")", 1,
    json);
  g_autoptr (GPtrArray) of_contact = _spire_store_query_records (
    store, &spire_kind_person, NULL, NULL,
    "FROM persons WHERE uuid IN (SELECT contact FROM applications WHERE startup IN " OF_APPS
    ")", 1, json);
  g_autoptr (GPtrArray) links = _spire_store_query (
    store, NULL,
    "SELECT startup, contact FROM applications WHERE contact IS NOT NULL AND startup IN "
    OF_APPS, 1, json);
#undef OF_APPS

  group_persons (of_startup, "startup", by_uuid, by_startup);
  group_persons (of_orgnr, "orgnr", by_uuid, by_orgnr);
  group_persons (of_contact, "uuid", by_uuid, ignored);
  /* startup → the UUIDs of its applications' contacts */
  for (guint l = 0; links != NULL && l < links->len; l++)
    {
      GPtrArray *group = g_hash_table_lookup (contacts, COL (links->pdata[l], 0));

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (contacts, (gpointer) COL (links->pdata[l], 0), group);
        }
      if (g_hash_table_contains (by_uuid, COL (links->pdata[l], 1)))
        g_ptr_array_add (group, (gpointer) COL (links->pdata[l], 1));
    }
  for (guint i = 0; startups != NULL && i < startups->len; i++)
    {
      SpireRecord *startup = startups->pdata[i];
      const char *uuid = spire_record_get_uuid (startup);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GPtrArray) persons = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;
      GPtrArray *terms;

      add_group (seen, by_startup, uuid);
      add_group (seen, by_orgnr, spire_record_get_text (startup, "orgnr"));
      add_group (seen, contacts, uuid);
      g_hash_table_iter_init (&iter, seen);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (persons, g_hash_table_lookup (by_uuid, key));
      g_ptr_array_sort (persons, compare_uuid_cb);
      terms = _spire_redact_terms_of (startup, persons);
      /* NULL: the startup has no terms (it was looked at) */
      g_hash_table_insert (out, g_strdup (uuid), terms);
    }
  return out;
}

/* @terms_by_startup: redact_terms_of_cohort (), or NULL to read the terms
 * of this one application's startup. */
static SpireRecord *
for_panel (SpireStore *store, SpireRecord *app, gboolean blind, GHashTable *terms_by_startup)
{
  const SpireKind *kind = &spire_kind_application;
  SpireRecord *copy = spire_record_copy (app);

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SPIRE_FIELD_CONFIDENTIAL)
      spire_record_set_null (copy, kind->fields[i].name);
  if (blind)
    {
      const char *startup = spire_record_get_text (app, "startup");
      gpointer found = NULL;
      g_autoptr (GPtrArray) terms = NULL;

      /* A startup the batch did not look at (another cohort's) is read here. */
      if (terms_by_startup != NULL && startup != NULL &&
          g_hash_table_lookup_extended (terms_by_startup, startup, NULL, &found))
        terms = found ? g_ptr_array_ref (found) : NULL;
      else
        terms = _spire_redact_terms_for (store, startup);

      if (terms != NULL)
        _spire_redact_record (copy, terms);
      spire_record_set_null (copy, "startup");
      spire_record_set_null (copy, "contact");
    }
  return copy;
}

static gboolean
cohort_is_blind (SpireStore *store, const char *cohort_uuid)
{
  g_autofree char *blind =
      _spire_query_string (store, "SELECT blind FROM cohorts WHERE uuid = ?", 1, cohort_uuid);

  /* An unknown cohort hides rather than shows. */
  return blind == NULL || g_strcmp0 (blind, "0") != 0;
}

SpireRecord *
spire_application_for_panel (SpireStore *store, const char *application_uuid, GError **error)
{
  g_autoptr (SpireRecord) app = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  app = _spire_get_record (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return NULL;
  return for_panel (store, app, cohort_is_blind (store, spire_record_get_text (app, "cohort")),
                    NULL);
}

GPtrArray *
spire_panel_list_visible_applications (SpireStore *store, const char *evaluator_uuid,
                                       GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GHashTable) terms = NULL;
  gboolean blind;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  ev = _spire_get_record (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return NULL;
  blind = cohort_is_blind (store, spire_record_get_text (ev, "cohort"));
  if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
    apps = _spire_store_query_records (store, &spire_kind_application, "a", error,
                  "FROM applications a WHERE a.cohort = ?2 "
                  "AND a.status NOT IN ('ineligible', 'withdrawn') "
                  "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                  "AND c.dismissed_at IS NULL "
                  "AND (c.application = a.uuid OR c.startup = a.startup)) "
                  "ORDER BY a.title COLLATE NB, a.uuid",
                  2, evaluator_uuid, spire_record_get_text (ev, "cohort"));
  else
    apps = _spire_store_query_records (store, &spire_kind_application, "a", error,
                  "FROM assignments s JOIN applications a ON a.uuid = s.application "
                  "WHERE s.evaluator = ?1 AND s.state <> 'declined' "
                  "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                  "AND c.dismissed_at IS NULL "
                  "AND (c.application = a.uuid OR c.startup = a.startup)) "
                  "ORDER BY a.title COLLATE NB, a.uuid",
                  1, evaluator_uuid);
  if (apps == NULL)
    return NULL;
  /* Many applications of a blind cohort: every startup's terms at once. */
  if (blind && apps->len > BATCH_FROM)
    terms = redact_terms_of_apps (store, apps);
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *copy = for_panel (store, apps->pdata[i], blind, terms);

      g_object_unref (apps->pdata[i]);
      apps->pdata[i] = copy;
    }
  return g_steal_pointer (&apps);
}
