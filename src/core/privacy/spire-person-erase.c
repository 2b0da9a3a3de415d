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
 * its -wal (RECIPES.md, "SQLite without traces").
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

static void
add_trace (SpirePersonTraces *traces, const char *table, const char *uuid, const char *field)
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

/* Case folding, for every letter and not only ASCII ("SYNNØVE" is
 * "synnøve"): the text in NFC, then each code point by itself to its lower
 * case, so a match in the folded text is a match of as many code points in
 * the text's NFC form (what a rewritten field is written back as).  Bytes
 * that are not UTF-8 stand for themselves. */

/* The code point at *@p, folded (TRUE), or the byte there when no UTF-8
 * character starts there (FALSE); *@p moves past it. */
static gboolean
next_folded (const char **p, gunichar *c)
{
  gunichar u = g_utf8_get_char_validated (*p, -1);

  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *c = (guchar) *(*p)++;
      return FALSE;
    }
  *p = g_utf8_next_char (*p);
  *c = g_unichar_tolower (u);
  return TRUE;
}

/* @text in NFC ("Å" as one code point, as typed on most systems, not
 * A + ring as some write it), or a copy when it is not UTF-8. */
static char *
nfc (const char *text)
{
  char *normal = g_utf8_validate (text, -1, NULL)
                   ? g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE)
                   : NULL;

  return normal ? normal : g_strdup (text);
}

char *
_spire_case_fold (const char *text)
{
  g_autofree char *normal = NULL;
  GString *out;
  gunichar c;
  const char *a = text;

  while (*a != '\0' && (guchar) *a < 0x80)
    a++;
  if (*a == '\0')
    return g_ascii_strdown (text, -1); /* ASCII: already NFC, each letter its lower case */
  normal = nfc (text);
  out = g_string_sized_new (strlen (normal));

  for (const char *p = normal; *p;)
    if (next_folded (&p, &c))
      g_string_append_unichar (out, c);
    else
      g_string_append_c (out, (char) c);
  return g_string_free (out, FALSE);
}

/* Where the match of @folded_needle at @p ends, or NULL. */
static const char *
match_folded (const char *p, const char *folded_needle)
{
  const char *n = folded_needle;
  gunichar tc, nc;

  while (*n)
    {
      if (*p == '\0' || next_folded (&p, &tc) != next_folded (&n, &nc) || tc != nc)
        return NULL;
    }
  return p;
}

static void
fold_sql_cb (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, _spire_case_fold (text), -1, g_free);
}

void
_spire_case_fold_register (SpireStore *store)
{
  static GQuark registered;

  if (registered == 0)
    registered = g_quark_from_static_string ("spire-privacy-case-fold");
  if (g_object_get_qdata (G_OBJECT (store), registered) != NULL)
    return;
  sqlite3_create_function_v2 (_spire_store_get_db (store), "spire_case_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                              fold_sql_cb, NULL, NULL, NULL);
  g_object_set_qdata (G_OBJECT (store), registered, GINT_TO_POINTER (1));
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

/* @text with every needle (case-insensitively, _spire_case_fold) replaced
 * by @with. */
static char *
replace_needles (const char *text, GPtrArray *needles, const char *with)
{
  g_autofree char *normal = nfc (text); /* the text is written back in NFC */
  GString *out = g_string_new (NULL);
  const char *p = normal;

  while (*p)
    {
      gboolean hit = FALSE;

      for (guint i = 0; i < needles->len && !hit; i++)
        {
          const char *end = match_folded (p, needles->pdata[i]);

          if (end != NULL)
            {
              g_string_append (out, with);
              p = end;
              hit = TRUE;
            }
        }
      if (!hit)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* The rows of the audit trail about other people: their before and after
 * hold those people's own fields. */
#define OTHER_PEOPLE "entity = 'person' AND entity_uuid IS NOT ?2"

/* @json (a record's fields, as the audit keeps them) with the needles
 * replaced in every text but a person's personal fields; NULL when nothing
 * changes. */
static char *
replace_needles_in_fields (const char *json, GPtrArray *needles, const char *with)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GList) members = NULL;
  JsonObject *o;
  gboolean changed = FALSE;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  o = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (o);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (o, l->data);
      const SpireField *f = spire_kind_field (&spire_kind_person, l->data);
      g_autofree char *value = NULL;
      g_autofree char *normal = NULL;

      if ((f != NULL && (f->flags & SPIRE_FIELD_PERSONAL)) || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      value = replace_needles (json_node_get_string (node), needles, with);
      normal = nfc (json_node_get_string (node));
      if (g_strcmp0 (value, normal) == 0)
        continue;
      json_object_set_string_member (o, l->data, value);
      changed = TRUE;
    }
  return changed ? json_to_string (json_parser_get_root (parser), FALSE) : NULL;
}

/* Finds @column's values in @table (rows keyed by @key, the person's own
 * row left out) that hold a needle; lists them and, unless @dry_run,
 * rewrites them.  @where narrows the rows further (?2 is @person_uuid);
 * with @fields_only only the texts of the JSON's fields that are not a
 * person's personal fields are rewritten (replace_needles_in_fields). */
static gboolean
scan_column_where (SpireStore *store, const char *table, const char *key, const char *column,
                   const char *person, const char *where, const char *person_uuid,
                   gboolean fields_only, GPtrArray *needles, const char *pseudonym,
                   gboolean dry_run, SpirePersonTraces *traces, GError **error)
{
  g_autofree char *select = g_strdup_printf (
    "SELECT %1$s, \"%2$s\" FROM %3$s WHERE %1$s IS NOT ?1 AND %4$s AND \"%2$s\" IS NOT NULL",
    key, column, table, where ? where : "?2 IS ?2");
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET \"%s\" = ?1 WHERE %s = ?2", table,
                                             column, key);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Each text folded once, here, and the needles looked for in it: as an
   * SQL function over json_each every text was folded once per needle,
   * and the needles' JSON parsed again for every row (2 s a person on the
   * large demo, whose 217 000 scores have a comment each). */
  rc = sqlite3_prepare_v2 (_spire_store_get_db (store), select, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, person, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, person_uuid, -1, SQLITE_STATIC);
    }
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *folded = _spire_case_fold (text);

      rc = SQLITE_OK;
      for (guint i = 0; i < needles->len; i++)
        if (strstr (folded, needles->pdata[i]) != NULL)
          {
            g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
            g_ptr_array_add (rows, g_strdup (text));
            break;
          }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  for (guint r = 0; r + 1 < rows->len; r += 2)
    {
      const char *id = rows->pdata[r];
      const char *text = rows->pdata[r + 1];
      g_autofree char *value = NULL;
      g_autoptr (GPtrArray) done = NULL;

      value = fields_only ? replace_needles_in_fields (text, needles, pseudonym)
                          : replace_needles (text, needles, pseudonym);
      if (value == NULL)
        continue; /* only a namesake's own fields held it */
      add_trace (traces, table, id, column);
      if (dry_run)
        continue;
      done = _spire_store_query (store, error, update, 2, value, id);
      if (done == NULL)
        return FALSE;
      _spire_store_mark_changed (store, table);
    }
  return TRUE;
}

static gboolean
scan_column (SpireStore *store, const char *table, const char *key, const char *column,
             const char *person, GPtrArray *needles, const char *pseudonym, gboolean dry_run,
             SpirePersonTraces *traces, GError **error)
{
  return scan_column_where (store, table, key, column, person, NULL, NULL, FALSE, needles,
                            pseudonym, dry_run, traces, error);
}

static gboolean
scan_kinds (SpireStore *store, const char *person, GPtrArray *needles, const char *pseudonym,
            gboolean dry_run, SpirePersonTraces *traces, GError **error)
{
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      {
        const SpireField *f = &kinds[k]->fields[i];

        /* Another person's personal fields are that person's own: a
         * namesake's name, not a mention of this person. */
        if ((f->type != SPIRE_FIELD_TEXT && f->type != SPIRE_FIELD_JSON) ||
            (f->flags & (SPIRE_FIELD_SYSTEM | SPIRE_FIELD_SECRET | SPIRE_FIELD_PERSONAL)))
          continue;
        if (!scan_column (store, kinds[k]->table, "uuid", f->name, person, needles, pseudonym,
                          dry_run, traces, error))
          return FALSE;
      }
  return TRUE;
}

/* The audit trail: who made each change, and the fields before and after.
 * An entry about another person keeps that person's own fields (a
 * namesake's name); its other texts are rewritten. */
static gboolean
scan_audit (SpireStore *store, const char *person, GPtrArray *needles, const char *pseudonym,
            gboolean dry_run, SpirePersonTraces *traces, GError **error)
{
  static const char *const columns[] = { "before", "after" };

  if (!scan_column (store, "audit", "id", "who", NULL, needles, pseudonym, dry_run, traces,
                    error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (!scan_column_where (store, "audit", "id", columns[i], NULL, "NOT (" OTHER_PEOPLE ")",
                            person, FALSE, needles, pseudonym, dry_run, traces, error) ||
        !scan_column_where (store, "audit", "id", columns[i], NULL, OTHER_PEOPLE, person, TRUE,
                            needles, pseudonym, dry_run, traces, error))
      return FALSE;
  return TRUE;
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
      add_trace (traces, kind->table, uuid, f->name);
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

gboolean
_spire_person_erase_in_transaction (SpireStore *store, const char *person_uuid, gboolean dry_run,
                                    SpirePersonTraces **traces_out, GError **error)
{
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpirePersonTraces) traces = g_new0 (SpirePersonTraces, 1);
  g_autoptr (GPtrArray) needles = NULL;
  g_autofree char *after = NULL;

  person = spire_store_get (store, &spire_kind_person, person_uuid, error);
  if (person == NULL)
    return FALSE;
  traces->person = g_strdup (person_uuid);
  traces->pseudonym = spire_person_pseudonym (person_uuid);
  traces->items = g_ptr_array_new_with_free_func ((GDestroyNotify) trace_free);
  needles = _spire_person_needles (store, person);

  if (!erase_own_fields (store, person, traces->pseudonym, dry_run, traces, error))
    return FALSE;
  if (needles->len > 0 &&
      (!scan_kinds (store, person_uuid, needles, traces->pseudonym, dry_run, traces, error) ||
       !scan_audit (store, person_uuid, needles, traces->pseudonym, dry_run, traces, error)))
    return FALSE;
  if (!dry_run)
    {
      after = g_strdup_printf ("{\"pseudonym\": \"%s\", \"places\": %u}", traces->pseudonym,
                               traces->items->len);
      if (!spire_store_audit (store, "person", person_uuid, "erase", NULL, after, error))
        return FALSE;
    }
  if (traces_out)
    *traces_out = g_steal_pointer (&traces);
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
