/* spire-person-erase.c — erase a person and leave no trace of them
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": the person's personal
 * fields (SPIRE_FIELD_PERSONAL) are cleared, the name replaced by a stable
 * pseudonym; every text field of every other record and every audit entry
 * that holds the name, e-mail or phone gets the pseudonym instead, in one
 * transaction.  Another person's own name, e-mail and phone (and those
 * fields in that person's audit entries) are left: a namesake is not a
 * mention.  The writes bypass spire_store_update on purpose: an audit
 * entry of the change would keep the text that is being erased.  The store
 * sets PRAGMA secure_delete on every connection (spire-store.c), and after
 * the commit VACUUM and a TRUNCATE checkpoint leave no copy in the file or
 * its -wal (RECIPES.md, "SQLite without traces").  Retention erases many
 * people in one transaction with one scan of every text for all of them
 * (spire-person-scan.c); the erase of one person is that batch of one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-privacy"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-error.h"
#include "spire-privacy-private.h"
#include "spire-records.h"
#include "spire-store-private.h"

#define MIN_NEEDLE 3  /* shorter strings are not looked for in other texts */

void
spire_person_traces_free (SpirePersonTraces *traces)
{
  if (traces == NULL)
    return;
  g_free (traces->person);
  g_free (traces->pseudonym);
  if (traces->items)
    g_ptr_array_unref (traces->items);
  if (traces->copies)
    g_ptr_array_unref (traces->copies);
  g_free (traces->copies_problem);
  g_free (traces);
}

static void
trace_free (SpirePersonTrace *t)
{
  g_free (t->uuid);
  g_free (t);
}

void
_spire_person_add_trace (SpirePersonTraces *traces, const char *table, const char *uuid, const char *field)
{
  SpirePersonTrace *t = g_new0 (SpirePersonTrace, 1);

  t->table = g_intern_string (table);
  t->uuid = g_strdup (uuid);
  t->field = g_intern_string (field);
  g_ptr_array_add (traces->items, t);
}

char *
spire_person_pseudonym (const char *person_uuid)
{
  g_autofree char *code = g_ascii_strup (person_uuid ? person_uuid : "", 4);

  /* TRANSLATORS: replaces an erased person's name; %s is a code such as 3F2A */
  return g_strdup_printf (_("Erased person %s"), code);
}

static gint
longest_first (gconstpointer a, gconstpointer b)
{
  return (int) strlen (*(const char *const *) b) - (int) strlen (*(const char *const *) a);
}

static void
add_needle (GPtrArray *needles, const char *text)
{
  g_autofree char *s = text ? g_strstrip (_spire_case_fold (text)) : NULL;

  if (s == NULL || strlen (s) < MIN_NEEDLE)
    return;
  for (guint i = 0; i < needles->len; i++)
    if (g_str_equal (needles->pdata[i], s))
      return;
  g_ptr_array_add (needles, g_steal_pointer (&s));
}

/* A phone number also as it is written without spaces. */
static void
add_value (GPtrArray *needles, const char *field, const char *value)
{
  add_needle (needles, value);
  if (value != NULL && g_str_equal (field, "phone"))
    {
      GString *digits = g_string_new (NULL);

      for (const char *p = value; *p; p++)
        if (*p != ' ' && *p != '-' && *p != '.')
          g_string_append_c (digits, *p);
      add_needle (needles, digits->str);
      g_string_free (digits, TRUE);
    }
}

/* The values the person's personal fields had before (the person's own
 * audit entries). */
static void
add_past_values (SpireStore *store, SpireRecord *person, GPtrArray *needles)
{
  const SpireKind *kind = spire_record_get_kind (person);
  g_autoptr (GPtrArray) rows = _spire_store_query (
    store, NULL, "SELECT before, after FROM audit WHERE entity_uuid = ?1", 1,
    spire_record_get_uuid (person));

  for (guint r = 0; rows != NULL && r < rows->len; r++)
    for (guint c = 0; c < 2; c++)
      {
        const char *json = SPIRE_ROW_TEXT (rows->pdata[r], c);
        g_autoptr (JsonParser) parser = json_parser_new ();
        JsonNode *root;

        if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
            (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
          continue;
        for (guint i = 0; i < kind->n_fields; i++)
          {
            JsonObject *o = json_node_get_object (root);
            const SpireField *f = &kind->fields[i];

            if ((f->flags & SPIRE_FIELD_PERSONAL) && json_object_has_member (o, f->name) &&
                JSON_NODE_HOLDS_VALUE (json_object_get_member (o, f->name)) &&
                json_node_get_value_type (json_object_get_member (o, f->name)) == G_TYPE_STRING)
              add_value (needles, f->name, json_object_get_string_member (o, f->name));
          }
      }
}

GPtrArray *
_spire_person_needles (SpireStore *store, SpireRecord *person)
{
  GPtrArray *needles = g_ptr_array_new_with_free_func (g_free);
  const SpireKind *kind = spire_record_get_kind (person);

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SPIRE_FIELD_PERSONAL)
      add_value (needles, kind->fields[i].name,
                 spire_record_get_text (person, kind->fields[i].name));
  add_past_values (store, person, needles);
  g_ptr_array_sort (needles, longest_first);
  return needles;
}

char *
_spire_needles_to_json (GPtrArray *needles)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < needles->len; i++)
    json_builder_add_string_value (builder, needles->pdata[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The person's own record: the name becomes the pseudonym, the other
 * personal fields are cleared. */
static gboolean
erase_own_fields (SpireStore *store, SpireRecord *person, const char *pseudonym,
                  gboolean dry_run, SpirePersonTraces *traces, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (person);
  const char *uuid = spire_record_get_uuid (person);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      g_autofree char *sql = NULL;
      g_autoptr (GPtrArray) done = NULL;
      gboolean required = (f->flags & SPIRE_FIELD_REQUIRED) != 0;

      if (!(f->flags & SPIRE_FIELD_PERSONAL) || spire_record_is_null (person, f->name))
        continue;
      _spire_person_add_trace (traces, kind->table, uuid, f->name);
      if (dry_run)
        continue;
      sql = g_strdup_printf ("UPDATE %s SET \"%s\" = ?1 WHERE uuid = ?2", kind->table, f->name);
      done = _spire_store_query (store, error, sql, 2, required ? pseudonym : NULL, uuid);
      if (done == NULL)
        return FALSE;
    }
  _spire_store_mark_changed (store, kind->table);
  return TRUE;
}

static void
erase_person_free (SpireErasePerson *person)
{
  g_clear_object (&person->record);
  g_clear_pointer (&person->needles, g_ptr_array_unref);
  g_clear_pointer (&person->traces, spire_person_traces_free);
  g_free (person);
}

static SpireErasePerson *
erase_person_new (SpireStore *store, const char *person_uuid, GError **error)
{
  SpireRecord *record = spire_store_get (store, &spire_kind_person, person_uuid, error);
  SpireErasePerson *person;

  if (record == NULL)
    return NULL;
  person = g_new0 (SpireErasePerson, 1);
  person->record = record;
  person->traces = g_new0 (SpirePersonTraces, 1);
  person->traces->person = g_strdup (person_uuid);
  person->traces->pseudonym = spire_person_pseudonym (person_uuid);
  person->traces->items = g_ptr_array_new_with_free_func ((GDestroyNotify) trace_free);
  person->needles = _spire_person_needles (store, record);
  return person;
}

gboolean
_spire_people_erase_in_transaction (SpireStore *store, GPtrArray *person_uuids,
                                    gboolean dry_run, GCancellable *cancellable,
                                    SpireProgressFunc progress, gpointer progress_data,
                                    GPtrArray **traces_out, GError **error)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) erase_person_free);

  for (guint i = 0; i < person_uuids->len; i++)
    {
      SpireErasePerson *person = erase_person_new (store, person_uuids->pdata[i], error);

      if (person == NULL)
        return FALSE;
      g_ptr_array_add (people, person);
    }
  for (guint i = 0; i < people->len; i++)
    {
      SpireErasePerson *person = people->pdata[i];

      if (!erase_own_fields (store, person->record, person->traces->pseudonym, dry_run,
                             person->traces, error))
        return FALSE;
    }
  /* Every text read once for all of them (spire-person-scan.c); the
   * VACUUM after it takes about as long (bench-erase --retention) */
  if (!_spire_people_scan (store, people, dry_run, cancellable, progress, progress_data, 0.5,
                           error))
    return FALSE;
  for (guint i = 0; !dry_run && i < people->len; i++)
    {
      SpirePersonTraces *traces = ((SpireErasePerson *) people->pdata[i])->traces;
      g_autofree char *after = g_strdup_printf ("{\"pseudonym\": \"%s\", \"places\": %u}",
                                                traces->pseudonym, traces->items->len);

      if (!spire_store_audit (store, "person", traces->person, "erase", NULL, after, error))
        return FALSE;
    }
  if (traces_out != NULL)
    {
      *traces_out = g_ptr_array_new_with_free_func ((GDestroyNotify) spire_person_traces_free);
      for (guint i = 0; i < people->len; i++)
        g_ptr_array_add (*traces_out,
                         g_steal_pointer (&((SpireErasePerson *) people->pdata[i])->traces));
    }
  return TRUE;
}

gboolean
_spire_person_erase_in_transaction (SpireStore *store, const char *person_uuid, gboolean dry_run,
                                    SpirePersonTraces **traces_out, GError **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autoptr (GPtrArray) traces = NULL;

  /* The batch of one: the same scan as retention's */
  g_ptr_array_add (one, (gpointer) person_uuid);
  if (!_spire_people_erase_in_transaction (store, one, dry_run, NULL, NULL, NULL, &traces, error))
    return FALSE;
  if (traces_out)
    *traces_out = g_ptr_array_steal_index (traces, 0);
  return TRUE;
}

gboolean
_spire_store_leave_no_trace (SpireStore *store, GError **error)
{
  sqlite3 *db = _spire_store_get_db (store);
  int rc;

  if (spire_store_get_path (store) == NULL)
    return TRUE;
  rc = sqlite3_exec (db, "VACUUM", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _spire_store_set_error (store, rc, error);
  return TRUE;
}

/* Removes @path, and a -wal or -shm SQLite left beside it; on failure adds
 * a line naming it and why to @problems. */
static void
remove_copy (const char *path, GString *problems)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      int saved;

      if (g_unlink (file) == 0 || (saved = errno) == ENOENT)
        continue;
      /* TRANSLATORS: one line of a list: a file that could not be deleted, and why ("Permission denied") */
      g_string_append_printf (problems, _("\n“%s”: %s"), file, g_strerror (saved));
    }
}

char *
_spire_privacy_remove_copies (GPtrArray *copies)
{
  g_autoptr (GString) problems = g_string_new (NULL);

  for (guint i = 0; i < copies->len; i++)
    remove_copy (copies->pdata[i], problems);
  return problems->len > 0 ? g_strdup (problems->str) : NULL;
}

/* The migrations' copies of the file: made before an upgrade, they still
 * hold what the file held then (DESIGN.md: no trace left). */
static void
remove_copies (SpirePersonTraces *traces)
{
  g_autofree char *problems = _spire_privacy_remove_copies (traces->copies);

  if (problems != NULL)
    /* TRANSLATORS: %s is the list of files and why, one a line */
    traces->copies_problem = g_strdup_printf (
      _("The person is erased from the database, but these older copies made before upgrades "
        "could not be removed and can still hold their data. Delete them by hand:%s"),
      problems);
}

gboolean
spire_person_erase (SpireStore *store, const char *person_uuid, gboolean dry_run,
                    SpirePersonTraces **traces_out, GError **error)
{
  g_autoptr (SpirePersonTraces) traces = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_uuid != NULL, FALSE);

  if (dry_run)
    {
      if (!_spire_person_erase_in_transaction (store, person_uuid, TRUE, &traces, error))
        return FALSE;
    }
  else
    {
      if (!spire_store_begin (store, error))
        return FALSE;
      if (!_spire_person_erase_in_transaction (store, person_uuid, FALSE, &traces, error))
        {
          spire_store_rollback (store);
          return FALSE;
        }
      if (!spire_store_commit (store, error) || !_spire_store_leave_no_trace (store, error))
        return FALSE;
    }
  traces->copies = spire_store_list_migration_copies (store);
  if (!dry_run)
    remove_copies (traces);
  if (traces_out)
    *traces_out = g_steal_pointer (&traces);
  return TRUE;
}
