/* spire-audit-trail.c — the audit trail made visible: by record, by
 * person, since a day
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail".  A person's entries are
 * those about the person, about every record that refers to them (a
 * reference field to persons: an application's contact, a panel member …)
 * and any whose before/after names them (name, e-mail, phone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-privacy"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-privacy-private.h"
#include "spire-records.h"
#include "spire-store-private.h"

static const char *const audit_columns[] = {
  "id", "at", "who", "entity", "entity_uuid", "action", "before", "after"
};

/* The person's UUID and those of the records that refer to them, as a JSON
 * array of strings. */
static char *
person_records (SpireStore *store, const char *person, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);

  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, person);
  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      {
        const SpireField *f = &kinds[k]->fields[i];
        g_autofree char *sql = NULL;
        g_autoptr (GPtrArray) rows = NULL;

        if (f->type != SPIRE_FIELD_REF || g_strcmp0 (f->ref_table, "persons") != 0)
          continue;
        sql = g_strdup_printf ("SELECT uuid FROM %s WHERE \"%s\" = ?1", kinds[k]->table, f->name);
        if ((rows = _spire_store_query (store, error, sql, 1, person)) == NULL)
          return NULL;
        for (guint r = 0; r < rows->len; r++)
          json_builder_add_string_value (builder, SPIRE_ROW_TEXT (rows->pdata[r], 0));
      }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

GPtrArray *
spire_audit_query (SpireStore *store, const SpireAuditFilter *filter, GError **error)
{
  static const SpireAuditFilter everything = { 0 };
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) needles = NULL;
  g_autofree char *records = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *names = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (filter == NULL)
    filter = &everything;
  if (filter->person != NULL)
    {
      g_autoptr (SpireRecord) person = spire_store_get (store, &spire_kind_person, filter->person,
                                                        error);

      if (person == NULL || (records = person_records (store, filter->person, error)) == NULL)
        return NULL;
      needles = _spire_person_needles (store, person);
      names = _spire_needles_to_json (needles);
    }
  _spire_case_fold_register (store);
  limit = g_strdup_printf ("%d", filter->limit ? (int) MIN (filter->limit, G_MAXINT) : -1);
  rows = _spire_store_query (
    store, error,
    "SELECT id, at, who, entity, entity_uuid, action, before, after FROM audit"
    " WHERE (?1 IS NULL OR entity_uuid = ?1) AND (?2 IS NULL OR at >= ?2)"
    " AND (?3 IS NULL OR entity_uuid IN (SELECT value FROM json_each(?3))"
    "      OR EXISTS (SELECT 1 FROM json_each(?4) n WHERE"
    "                 instr(spire_case_fold(coalesce(before, '') || ' ' || coalesce(after, '')), n.value) > 0))"
    " ORDER BY id DESC LIMIT CAST(?5 AS INTEGER)",
    5, filter->record, filter->since, records, names, limit);
  if (rows == NULL)
    return NULL;
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = rows->pdata[r];
      GHashTable *entry = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      for (guint c = 0; c < G_N_ELEMENTS (audit_columns) && c < row->len; c++)
        g_hash_table_insert (entry, (gpointer) g_intern_static_string (audit_columns[c]),
                             g_strdup (SPIRE_ROW_TEXT (row, c)));
      g_ptr_array_add (out, entry);
    }
  return g_steal_pointer (&out);
}
