/* spire-store-records.c — records in the store: get, list, count, save, insert,
 * update and delete
 *
 * One table per kind (spire-record.h); the SQL of a kind is made once and
 * cached.  Every write is audited (spire-store-audit.c) and marks its table
 * changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-error.h"
#include "spire-record-private.h"
#include "spire-store-private.h"
#include "spire-text.h"
#include "spire-validate.h"

/* SQL for a kind */

static char *
columns_sql (const SpireKind *kind, const char *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (s, "%s%s%s", i ? ", " : "", prefix, kind->fields[i].name);
  return g_string_free (s, FALSE);
}

static const char *
kind_sql (const SpireKind *kind, const char *what)
{
  static GHashTable *cache;
  static GMutex lock;
  g_autofree char *key = g_strconcat (kind->table, ":", what, NULL);
  const char *sql;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  sql = g_hash_table_lookup (cache, key);
  if (sql == NULL)
    {
      g_autofree char *cols = columns_sql (kind, "");
      char *made;

      if (g_str_equal (what, "select"))
        made = g_strdup_printf ("SELECT %s FROM %s", cols, kind->table);
      else if (g_str_equal (what, "upsert"))
        {
          GString *s = g_string_new (NULL);

          g_string_append_printf (s, "INSERT INTO %s (%s) VALUES (", kind->table, cols);
          for (guint i = 0; i < kind->n_fields; i++)
            g_string_append (s, i ? ", ?" : "?");
          g_string_append (s, ") ON CONFLICT (uuid) DO UPDATE SET ");
          /* created_at never changes once a record exists. */
          for (guint i = 1, n = 0; i < kind->n_fields; i++)
            if (strcmp (kind->fields[i].name, "created_at") != 0)
              g_string_append_printf (s, "%s%s = excluded.%s", n++ ? ", " : "",
                                      kind->fields[i].name, kind->fields[i].name);
          made = g_string_free (s, FALSE);
        }
      else if (g_str_equal (what, "delete"))
        made = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", kind->table);
      else if (g_str_equal (what, "exists"))
        made = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", kind->table);
      else
        g_assert_not_reached ();
      g_hash_table_insert (cache, g_strdup (key), made);
      sql = made;
    }
  g_mutex_unlock (&lock);
  return sql;
}

/* Binds each field of @record to parameter i + 1 of @stmt, a missing value
 * as NULL (the backup import's prepared INSERT binds the same way). */
void
_spire_store_bind_record (sqlite3_stmt *stmt, SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const GValue *v = spire_record_get_value (record, i);
      int col = (int) i + 1;

      switch (G_VALUE_TYPE (v))
        {
        case G_TYPE_INT64:
          if (g_value_get_int64 (v) == SPIRE_INT_NONE)
            sqlite3_bind_null (stmt, col);
          else
            sqlite3_bind_int64 (stmt, col, g_value_get_int64 (v));
          break;
        case G_TYPE_DOUBLE:
          if (isnan (g_value_get_double (v)))
            sqlite3_bind_null (stmt, col);
          else
            sqlite3_bind_double (stmt, col, g_value_get_double (v));
          break;
        case G_TYPE_BOOLEAN:
          sqlite3_bind_int (stmt, col, g_value_get_boolean (v) ? 1 : 0);
          break;
        default:
          if (g_value_get_string (v) == NULL)
            sqlite3_bind_null (stmt, col);
          else
            sqlite3_bind_text (stmt, col, g_value_get_string (v), -1, SQLITE_STATIC);
          break;
        }
    }
}

/* A row of "SELECT <every field>" as a record.  Each value is set by its
 * index, the text borrowed from SQLite until the record copies it: by name
 * it cost a field lookup and a copy more per value (a third of reading a
 * 40 000-application cohort). */
SpireRecord *
_spire_store_read_row (const SpireKind *kind, sqlite3_stmt *stmt)
{
  SpireRecord *record = spire_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      GValue v = G_VALUE_INIT;
      int col = (int) i;
      gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          g_value_init (&v, G_TYPE_INT64);
          g_value_set_int64 (&v, null ? SPIRE_INT_NONE : sqlite3_column_int64 (stmt, col));
          break;
        case SPIRE_FIELD_REAL:
          g_value_init (&v, G_TYPE_DOUBLE);
          g_value_set_double (&v, null ? NAN : sqlite3_column_double (stmt, col));
          break;
        case SPIRE_FIELD_BOOL:
          g_value_init (&v, G_TYPE_BOOLEAN);
          g_value_set_boolean (&v, sqlite3_column_int (stmt, col) != 0);
          break;
        default:
          g_value_init (&v, G_TYPE_STRING);
          g_value_set_static_string (&v, (const char *) sqlite3_column_text (stmt, col));
          break;
        }
      spire_record_set_value (record, i, &v);
      g_value_unset (&v);
    }
  return record;
}

/* Reading */

gboolean
spire_store_exists (SpireStore *self, const SpireKind *kind, const char *uuid)
{
  sqlite3_stmt *stmt = _spire_store_prepare (self, kind_sql (kind, "exists"), NULL);
  gboolean found;

  if (stmt == NULL || uuid == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

SpireRecord *
spire_store_get (SpireStore *self, const SpireKind *kind, const char *uuid, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE uuid = ?", kind_sql (kind, "select"));
  sqlite3_stmt *stmt = _spire_store_prepare (self, sql, error);
  SpireRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _spire_store_read_row (kind, stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *word = spire_kind_word (kind);

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("There is no %s with the UUID %s."), word, uuid);
    }
  else
    _spire_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return record;
}

typedef struct
{
  char *key;
  const char *text, *uuid;
  SpireRecord *record;
} Keyed;

static int
compare_keyed (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Keyed *x = a, *y = b;
  int r = strcmp (x->key, y->key);

  if (r == 0)
    r = g_strcmp0 (x->text, y->text);
  return r != 0 ? r : g_strcmp0 (x->uuid, y->uuid);
}

void
_spire_store_sort_norwegian (GPtrArray *records, const char *field, GPtrArray *keys)
{
  Keyed *keyed = g_new (Keyed, records->len);

  for (guint i = 0; i < records->len; i++)
    {
      keyed[i].record = records->pdata[i];
      keyed[i].text = spire_record_get_text (keyed[i].record, field);
      keyed[i].uuid = spire_record_get_uuid (keyed[i].record);
      keyed[i].key = spire_collate_key (keyed[i].text);
    }
  g_qsort_with_data (keyed, records->len, sizeof (Keyed), compare_keyed, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      records->pdata[i] = keyed[i].record;
      if (keys)
        g_ptr_array_add (keys, keyed[i].key);
      else
        g_free (keyed[i].key);
    }
  g_free (keyed);
}

static GPtrArray *
list_where (SpireStore *self, const SpireKind *kind, const char *field, const char *value,
            const char *field2, const char *value2, GPtrArray **keys_out, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) keys = NULL;
  g_autofree char *sql = NULL;
  const SpireField *order = spire_kind_field (kind, kind->display_field);
  gboolean text_order = order && order->type == SPIRE_FIELD_TEXT;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (field == NULL || spire_kind_field (kind, field) != NULL, NULL);
  g_return_val_if_fail (field2 == NULL || (field && spire_kind_field (kind, field2) != NULL), NULL);

  /* Text is put in Norwegian order below, one key per record: a collation
   * in SQL would build two keys per comparison.  It is read in the table's
   * own order (or its index's): ORDER BY uuid fetched each row from a
   * random page (70 000 startups: 0.2 s against 0.03 s in order), or
   * sorted whole rows in temporary files (a 40 000-application cohort). */
  sql = g_strdup_printf ("%s%s%s%s%s%s%s%s%s%s", kind_sql (kind, "select"),
                         field ? " WHERE " : "", field ? field : "", field ? " IS ?" : "",
                         field2 ? " AND " : "", field2 ? field2 : "", field2 ? " IS ?" : "",
                         text_order ? "" : " ORDER BY ", text_order ? "" : kind->display_field,
                         text_order ? "" : ", uuid");
  stmt = _spire_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (field)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (field2)
    sqlite3_bind_text (stmt, 2, value2, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, _spire_store_read_row (kind, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  if (keys_out && text_order)
    keys = g_ptr_array_new_full (out->len, g_free);
  if (text_order)
    _spire_store_sort_norwegian (out, order->name, keys);
  if (keys_out)
    *keys_out = g_steal_pointer (&keys);
  return g_steal_pointer (&out);
}

GPtrArray *
_spire_store_list_keyed (SpireStore *self, const SpireKind *kind, const char *field,
                         const char *value, GPtrArray **keys_out, GError **error)
{
  return list_where (self, kind, field, value, NULL, NULL, keys_out, error);
}

GPtrArray *
spire_store_list (SpireStore *self, const SpireKind *kind, const char *field, const char *value,
                  GError **error)
{
  return list_where (self, kind, field, value, NULL, NULL, NULL, error);
}

GPtrArray *
spire_store_list_both (SpireStore *self, const SpireKind *kind, const char *field,
                       const char *value, const char *field2, const char *value2, GError **error)
{
  g_return_val_if_fail (field != NULL && field2 != NULL, NULL);

  return list_where (self, kind, field, value, field2, value2, NULL, error);
}

gint64
spire_store_count (SpireStore *self, const SpireKind *kind, const char *field, const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s%s%s%s", kind->table,
                                          field ? " WHERE " : "", field ? field : "",
                                          field ? " IS ?" : "");
  sqlite3_stmt *stmt = _spire_store_prepare (self, sql, NULL);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  if (field)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

GHashTable *
spire_store_count_by (SpireStore *self, const SpireKind *kind, const char *group_field,
                      const char *field, const char *value, GError **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (spire_kind_field (kind, group_field) != NULL, NULL);
  g_return_val_if_fail (field == NULL || spire_kind_field (kind, field) != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s, count(*) FROM %s%s%s%s GROUP BY 1", group_field,
                         kind->table, field ? " WHERE " : "", field ? field : "",
                         field ? " IS ?" : "");
  stmt = _spire_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (field)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *k = (const char *) sqlite3_column_text (stmt, 0);

      g_hash_table_insert (out, g_strdup (k ? k : ""),
                           GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
spire_store_is_empty (SpireStore *self)
{
  return spire_store_count (self, spire_kind_lookup ("programs"), NULL, NULL) <= 0 &&
         spire_store_count (self, spire_kind_lookup ("startups"), NULL, NULL) <= 0 &&
         spire_store_count (self, spire_kind_lookup ("public_bodies"), NULL, NULL) <= 0;
}

GPtrArray *
_spire_store_query_records (SpireStore *self, const SpireKind *kind, const char *alias,
                            GError **error, const char *from, guint n_params, ...)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  va_list ap;
  int rc;

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, "%s%s%s%s", i ? ", " : "", alias ? alias : "", alias ? "." : "",
                            kind->fields[i].name);
  g_string_append_printf (sql, " %s", from);
  stmt = _spire_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  va_start (ap, n_params);
  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_text (stmt, (int) i + 1, va_arg (ap, const char *), -1, SQLITE_TRANSIENT);
  va_end (ap);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, _spire_store_read_row (kind, stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static char *
record_json (SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);
  g_autoptr (JsonNode) node = spire_record_to_json (record, TRUE);

  /* The history keeps what was shared in confidence, but never a key. */
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SPIRE_FIELD_SECRET)
      json_object_remove_member (json_node_get_object (node), kind->fields[i].name);

  return json_to_string (node, FALSE);
}

/* Organisation numbers are stored as their 9 digits. */
static void
normalise (SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);

  if (spire_kind_field (kind, "orgnr") != NULL)
    {
      g_autofree char *digits = spire_orgnr_digits (spire_record_get_text (record, "orgnr"));

      if (digits != NULL && strlen (digits) == 9)
        spire_record_set_text (record, "orgnr", digits);
    }
}

static gboolean
check_references (SpireStore *self, SpireRecord *record, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const char *uuid;
      const SpireKind *target;

      if (f->type != SPIRE_FIELD_REF)
        continue;
      uuid = spire_record_get_text (record, f->name);
      if (uuid == NULL)
        continue;
      target = spire_kind_lookup (f->ref_table);
      if (!spire_store_exists (self, target, uuid))
        {
          g_autofree char *word = spire_kind_word (target);

          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_REFERENCE,
                       /* TRANSLATORS: "Startup: there is no startup with the UUID …" */
                       _("%s: there is no %s with the UUID %s"), _(f->label),
                       word, uuid);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
spire_store_save (SpireStore *self, SpireRecord *record, SpireSaveFlags flags,
                  gboolean *inserted_out, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);
  g_autoptr (SpireRecord) before = NULL;
  g_autofree char *now = spire_now_utc ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt;
  gboolean inserted;
  int rc;

  g_return_val_if_fail (SPIRE_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPIRE_IS_RECORD (record), FALSE);

  if (spire_record_get_uuid (record) == NULL)
    {
      g_autofree char *uuid = spire_uuid_new ();
      spire_record_set_text (record, "uuid", uuid);
    }
  normalise (record);
  if (!(flags & SPIRE_SAVE_NO_VALIDATE))
    {
      if (!spire_record_validate (record, NULL, error))
        return FALSE;
    }

  if (!spire_store_begin (self, error))
    return FALSE;

  if (!(flags & SPIRE_SAVE_NO_VALIDATE) && !check_references (self, record, error))
    goto fail;

  if (!(flags & SPIRE_SAVE_NO_AUDIT))
    {
      before = spire_store_get (self, kind, spire_record_get_uuid (record), NULL);
      inserted = before == NULL;
    }
  else
    inserted = !spire_store_exists (self, kind, spire_record_get_uuid (record));

  if (!(flags & SPIRE_SAVE_KEEP_TIMES) || spire_record_is_null (record, "created_at"))
    {
      if (before != NULL)
        spire_record_set_text (record, "created_at", spire_record_get_text (before, "created_at"));
      else if (inserted || spire_record_is_null (record, "created_at"))
        spire_record_set_text (record, "created_at", now);
    }
  if (!(flags & SPIRE_SAVE_KEEP_TIMES) || spire_record_is_null (record, "updated_at"))
    spire_record_set_text (record, "updated_at", now);

  stmt = _spire_store_prepare (self, kind_sql (kind, "upsert"), error);
  if (stmt == NULL)
    goto fail;
  _spire_store_bind_record (stmt, record);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      goto fail;
    }

  if (!(flags & SPIRE_SAVE_NO_AUDIT))
    {
      before_json = before ? record_json (before) : NULL;
      after_json = record_json (record);
      if (!spire_store_audit (self, kind->name, spire_record_get_uuid (record),
                              inserted ? "create" : "update", before_json, after_json, error))
        goto fail;
    }

  _spire_store_mark_changed (self, kind->table);
  if (inserted_out)
    *inserted_out = inserted;
  return spire_store_commit (self, error);

fail:
  spire_store_rollback (self);
  return FALSE;
}

gboolean
spire_store_insert (SpireStore *self, SpireRecord *record, GError **error)
{
  const char *uuid = spire_record_get_uuid (record);

  if (uuid != NULL && spire_store_exists (self, spire_record_get_kind (record), uuid))
    {
      g_autofree char *word = spire_kind_word (spire_record_get_kind (record));

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                   _("There is already a %s with the UUID %s."), word, uuid);
      return FALSE;
    }
  return spire_store_save (self, record, SPIRE_SAVE_DEFAULT, NULL, error);
}

gboolean
spire_store_update (SpireStore *self, SpireRecord *record, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);
  const char *uuid = spire_record_get_uuid (record);

  if (uuid == NULL || !spire_store_exists (self, kind, uuid))
    {
      g_autofree char *word = spire_kind_word (kind);

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("There is no %s with the UUID %s."), word, uuid ? uuid : "");
      return FALSE;
    }
  return spire_store_save (self, record, SPIRE_SAVE_DEFAULT, NULL, error);
}

/* What refers to @record through a foreign key that is not ON DELETE CASCADE
 * or SET NULL: those would block the delete. */
char *
spire_store_describe_dependents (SpireStore *self, SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);
  const char *uuid = spire_record_get_uuid (record);
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT \"from\", on_delete FROM pragma_foreign_key_list ('%s') WHERE \"table\" = ?",
        kinds[k]->table);
      sqlite3_stmt *fk = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &fk, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_text (fk, 1, kind->table, -1, SQLITE_STATIC);
      while (sqlite3_step (fk) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (fk, 0);
          const char *on_delete = (const char *) sqlite3_column_text (fk, 1);
          gint64 n;

          if (g_strcmp0 (on_delete, "CASCADE") == 0 || g_strcmp0 (on_delete, "SET NULL") == 0)
            continue;
          n = spire_store_count (self, kinds[k], column, uuid);
          if (n > 0)
            {
              g_autofree char *what = g_utf8_strdown (
                n == 1 ? _(kinds[k]->label) : _(kinds[k]->label_plural), -1);

              if (out->len)
                g_string_append (out, ", ");
              g_string_append_printf (out, "%" G_GINT64_FORMAT " %s", n, what);
            }
        }
      sqlite3_finalize (fk);
    }
  return out->len ? g_strdup (out->str) : NULL;
}

gboolean
spire_store_delete (SpireStore *self, SpireRecord *record, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);
  g_autofree char *dependents = NULL;
  g_autofree char *before_json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPIRE_IS_STORE (self), FALSE);

  if (!spire_store_begin (self, error))
    return FALSE;
  dependents = spire_store_describe_dependents (self, record);
  if (dependents != NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE,
                   /* TRANSLATORS: "“Nordlys AS” cannot be deleted: 3 applications depend on it." */
                   _("“%s” cannot be deleted: %s depend on it."),
                   spire_record_get_display_name (record), dependents);
      goto fail;
    }
  stmt = _spire_store_prepare (self, kind_sql (kind, "delete"), error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, spire_record_get_uuid (record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (self, rc, error);
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *word = spire_kind_word (kind);

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("There is no %s with the UUID %s."), word,
                   spire_record_get_uuid (record));
      goto fail;
    }
  before_json = record_json (record);
  if (!spire_store_audit (self, kind->name, spire_record_get_uuid (record), "delete",
                          before_json, NULL, error))
    goto fail;
  _spire_store_mark_changed (self, kind->table);
  return spire_store_commit (self, error);

fail:
  spire_store_rollback (self);
  return FALSE;
}
