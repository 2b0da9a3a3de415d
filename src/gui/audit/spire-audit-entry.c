/* spire-audit-entry.c — one entry of the audit trail made readable: when in
 * local time, who, which record, what was done, and the fields that changed
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": the trail is shown as it
 * is stored (personal data included; erasing a person rewrites it in core).
 * The changes are computed from the entry's before/after JSON: a field is
 * listed when its value differs, with the kind's label and its value as the
 * forms show it (dates, money, choices).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-audit-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "spire-audit-entry.h"

struct _SpireAuditEntry
{
  GObject parent_instance;

  GHashTable *row;
  char *texts[SPIRE_AUDIT_N_COLUMNS];
  char *haystack;
};

G_DEFINE_FINAL_TYPE (SpireAuditEntry, spire_audit_entry, G_TYPE_OBJECT)

static void
spire_audit_entry_finalize (GObject *object)
{
  SpireAuditEntry *self = SPIRE_AUDIT_ENTRY (object);

  g_clear_pointer (&self->row, g_hash_table_unref);
  for (guint i = 0; i < SPIRE_AUDIT_N_COLUMNS; i++)
    g_free (self->texts[i]);
  g_free (self->haystack);
  G_OBJECT_CLASS (spire_audit_entry_parent_class)->finalize (object);
}

static void
spire_audit_entry_class_init (SpireAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_audit_entry_finalize;
}

static void
spire_audit_entry_init (SpireAuditEntry *self)
{
}

/* "Created", "Changed" … for the actions core writes; others as they are. */
static const char *
action_label (const char *action)
{
  static const struct
  {
    const char *action, *label;
  } labels[] = {
    /* TRANSLATORS: actions in the audit trail (endringslogg) */
    { "create", N_("Created") },
    { "update", N_("Changed") },
    { "delete", N_("Deleted") },
    { "erase", N_("Personal data erased") },
    { "screening", N_("Screened") },
    { "reopen", N_("Reopened") },
    { "unfreeze", N_("Unfrozen") },
    { "dismiss", N_("Dismissed") },
    { "auto-assign", N_("Assigned automatically") },
    { "import", N_("Imported") },
    { "import-csv", N_("Imported from CSV") },
    { "import-brreg", N_("Imported from Brønnøysund") },
    { "import-sheet", N_("Score sheet imported") },
    { "create-token", N_("Signing key made") },
    { "export-package", N_("Evaluation package exported") },
    { "demo", N_("Sample data loaded") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);
  return action ? action : "";
}

static char *
record_text (GHashTable *row)
{
  const char *entity = g_hash_table_lookup (row, "entity");
  const char *uuid = g_hash_table_lookup (row, "entity_uuid");
  const char *name = g_hash_table_lookup (row, "name");
  const SpireKind *kind = entity ? spire_kind_lookup (entity) : NULL;
  const char *label = kind ? _(kind->label) : g_strcmp0 (entity, "database") == 0
                                                ? _("Database")
                                                : (entity ? entity : "");

  if (name != NULL)
    /* TRANSLATORS: a record in the audit trail: "Startup: Kvitravn AS" */
    return g_strdup_printf (_("%s: %s"), label, name);
  if (uuid != NULL && *uuid)
    return g_strdup_printf (_("%s: %.8s"), label, uuid);
  return g_strdup (label);
}

SpireAuditEntry *
spire_audit_entry_new (GHashTable *row)
{
  SpireAuditEntry *self = g_object_new (SPIRE_TYPE_AUDIT_ENTRY, NULL);
  g_autofree char *joined = NULL;
  const char *who = g_hash_table_lookup (row, "who");
  const char *before, *after;

  self->row = g_hash_table_ref (row);
  self->texts[SPIRE_AUDIT_COLUMN_WHEN] =
    spire_format_timestamp (g_hash_table_lookup (row, "at"), spire_language_current ());
  self->texts[SPIRE_AUDIT_COLUMN_WHO] = g_strdup (who ? who : "");
  self->texts[SPIRE_AUDIT_COLUMN_RECORD] = record_text (row);
  self->texts[SPIRE_AUDIT_COLUMN_ACTION] =
    g_strdup (action_label (g_hash_table_lookup (row, "action")));
  before = g_hash_table_lookup (row, "before");
  after = g_hash_table_lookup (row, "after");
  joined = g_strjoin (" ", self->texts[0], self->texts[1], self->texts[2], self->texts[3],
                      before ? before : "", after ? after : "", NULL);
  self->haystack = g_utf8_casefold (joined, -1);
  return self;
}

const char *
spire_audit_entry_get (SpireAuditEntry *self, const char *column)
{
  g_return_val_if_fail (SPIRE_IS_AUDIT_ENTRY (self), NULL);
  return g_hash_table_lookup (self->row, column);
}

const char *
spire_audit_entry_get_text (SpireAuditEntry *self, SpireAuditColumn column)
{
  g_return_val_if_fail (SPIRE_IS_AUDIT_ENTRY (self), NULL);
  g_return_val_if_fail (column < SPIRE_AUDIT_N_COLUMNS, NULL);
  return self->texts[column];
}

gboolean
spire_audit_entry_matches (SpireAuditEntry *self, const char *casefolded_query)
{
  g_auto (GStrv) words = g_strsplit (casefolded_query ? casefolded_query : "", " ", -1);

  for (guint i = 0; words[i]; i++)
    if (*words[i] && strstr (self->haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The changes */

static JsonObject *
parse_object (const char *text, JsonParser *parser)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* A value as the forms show it; "—" for none; a reference by its record's
 * name when @store has it. */
static char *
value_text (SpireStore *store, const SpireField *field, JsonNode *node)
{
  SpireLanguage lang = spire_language_current ();

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      if (field != NULL && field->type == SPIRE_FIELD_DATE)
        return spire_format_date (s, lang);
      if (field != NULL && field->type == SPIRE_FIELD_TIME)
        return spire_format_timestamp (s, lang);
      if (field != NULL && field->type == SPIRE_FIELD_REF && store != NULL)
        {
          const SpireKind *kind = spire_kind_lookup (field->ref_table);
          g_autoptr (SpireRecord) record = kind ? spire_store_get (store, kind, s, NULL) : NULL;

          if (record != NULL)
            return g_strdup (spire_record_get_display_name (record));
        }
      if (field != NULL && field->type == SPIRE_FIELD_ENUM && field->values)
        for (const SpireEnumValue *v = field->values; v->value; v++)
          if (g_strcmp0 (v->value, s) == 0)
            return g_strdup (_(v->label));
      return g_strdup (*s ? s : "—");
    }
  if (field != NULL && field->type == SPIRE_FIELD_MONEY &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    return spire_format_money (json_node_get_int (node), lang);
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN ||
      (field != NULL && field->type == SPIRE_FIELD_BOOL))
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  return json_to_string (node, FALSE);
}

static gboolean
same_value (JsonNode *a, JsonNode *b)
{
  g_autofree char *sa = a ? json_to_string (a, FALSE) : NULL;
  g_autofree char *sb = b ? json_to_string (b, FALSE) : NULL;

  if (a && JSON_NODE_HOLDS_NULL (a))
    g_clear_pointer (&sa, g_free);
  if (b && JSON_NODE_HOLDS_NULL (b))
    g_clear_pointer (&sb, g_free);
  return g_strcmp0 (sa, sb) == 0;
}

static void
spire_audit_change_free (SpireAuditChange *change)
{
  g_free (change->label);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static void
add_change (GPtrArray *out, SpireStore *store, const SpireKind *kind, const char *key,
            JsonObject *before, JsonObject *after)
{
  const SpireField *field = kind ? spire_kind_field (kind, key) : NULL;
  JsonNode *b = before && json_object_has_member (before, key)
                  ? json_object_get_member (before, key) : NULL;
  JsonNode *a = after && json_object_has_member (after, key)
                  ? json_object_get_member (after, key) : NULL;
  SpireAuditChange *change;

  if (same_value (b, a))
    return;
  change = g_new0 (SpireAuditChange, 1);
  change->label = g_strdup (field ? _(field->label) : key);
  change->before = value_text (store, field, b);
  change->after = value_text (store, field, a);
  g_ptr_array_add (out, change);
}

static gboolean
is_bookkeeping (const char *key)
{
  return g_str_equal (key, "uuid") || g_str_equal (key, "created_at") ||
         g_str_equal (key, "updated_at");
}

GPtrArray *
spire_audit_entry_get_changes (SpireAuditEntry *self, SpireStore *store)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) spire_audit_change_free);
  g_autoptr (JsonParser) pb = json_parser_new ();
  g_autoptr (JsonParser) pa = json_parser_new ();
  const char *entity = g_hash_table_lookup (self->row, "entity");
  const SpireKind *kind = entity ? spire_kind_lookup (entity) : NULL;
  JsonObject *before = parse_object (g_hash_table_lookup (self->row, "before"), pb);
  JsonObject *after = parse_object (g_hash_table_lookup (self->row, "after"), pa);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SPIRE_IS_AUDIT_ENTRY (self), out);

  /* The kind's fields in their order, then any other key */
  for (guint i = 0; kind && i < kind->n_fields; i++)
    {
      const char *key = kind->fields[i].name;

      g_hash_table_add (seen, (gpointer) key);
      if (!is_bookkeeping (key))
        add_change (out, store, kind, key, before, after);
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      JsonObject *obj = pass == 0 ? before : after;
      g_autoptr (GList) members = obj ? json_object_get_members (obj) : NULL;

      for (GList *l = members; l; l = l->next)
        if (!g_hash_table_contains (seen, l->data) && !is_bookkeeping (l->data))
          {
            g_hash_table_add (seen, l->data);
            add_change (out, store, kind, l->data, before, after);
          }
    }
  return out;
}
