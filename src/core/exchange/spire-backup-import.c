/* spire-backup-import.c — a "spire-backup" document merged into the database
 *
 * Import parses the document (json-glib has no streaming parser), checks
 * its head, gathers the UUIDs it holds per table, then merges every record
 * by UUID inside one transaction, so that any error leaves the database as
 * it was.  A syntax error names its line and column, a wrong field its
 * place ("applications[12].startup").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-exchange.h"
#include "spire-store-private.h"
#include "spire-validate.h"

/* How often (in records) progress is reported and cancellation looked at. */
#define STEP 1000

/* "applications[12].startup" — technical names, not translated: they are
 * the keys people find in the file. */
static char *
make_path (const char *table, int index, const char *field)
{
  GString *s = g_string_new (table);

  if (index >= 0)
    g_string_append_printf (s, "[%d]", index);
  if (field != NULL)
    g_string_append_printf (s, ".%s", field);
  return g_string_free (s, FALSE);
}

static gboolean
fail_at (GError **error, int code, const char *name, const char *table, int index,
         const char *field, const char *what)
{
  g_autofree char *path = make_path (table, index, field);

  g_set_error (error, SPIRE_ERROR, code,
               /* TRANSLATORS: "<file>: <place in the file>: <what is wrong>", e.g.
                * "backup.json: applications[12].startup: there is no startup with the UUID …" */
               _("%s: %s: %s"), name, path, what);
  return FALSE;
}

/* Statics: import */

static char *
canonical_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      json_parser_get_root (parser) == NULL)
    return g_strdup (text);
  return _spire_json_text (json_parser_get_root (parser), FALSE);
}

/* Organisation numbers are stored as their 9 digits (as the store does). */
static void
normalise_orgnr (SpireRecord *record)
{
  if (spire_kind_field (spire_record_get_kind (record), "orgnr") != NULL)
    {
      g_autofree char *digits = spire_orgnr_digits (spire_record_get_text (record, "orgnr"));

      if (digits != NULL && strlen (digits) == 9)
        spire_record_set_text (record, "orgnr", digits);
    }
}

/* Compares @incoming with the stored @existing as the user would: a
 * missing timestamp keeps the stored one, and JSON fields compare by their
 * content, not their spacing. */
static gboolean
same_as_stored (SpireRecord *incoming, SpireRecord *existing)
{
  const SpireKind *kind = spire_record_get_kind (incoming);
  gboolean no_updated_at = spire_record_is_null (incoming, "updated_at");

  if (spire_record_is_null (incoming, "created_at"))
    spire_record_set_text (incoming, "created_at",
                           spire_record_get_text (existing, "created_at"));
  if (no_updated_at)
    spire_record_set_text (incoming, "updated_at",
                           spire_record_get_text (existing, "updated_at"));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const char *a, *b;

      if (f->type != SPIRE_FIELD_JSON)
        continue;
      a = spire_record_get_text (incoming, f->name);
      b = spire_record_get_text (existing, f->name);
      if (a != NULL && b != NULL && strcmp (a, b) != 0)
        {
          g_autofree char *canonical = canonical_json (b);

          spire_record_set_text (existing, f->name, canonical);
        }
    }

  if (spire_record_equal (incoming, existing))
    return TRUE;
  /* A change without a time of change is stamped now by the store. */
  if (no_updated_at)
    spire_record_set_null (incoming, "updated_at");
  return FALSE;
}

/* A backup made without secrets (spire-exchange.h) leaves the SECRET fields
 * out: the database keeps the one it has; a record that has none is
 * counted, its packages cannot verify score sheets until exported again. */
static void
keep_secrets (const SpireKind *kind, JsonObject *object, SpireRecord *record,
              SpireRecord *existing, SpireImportStats *stats)
{
  gboolean missing = FALSE;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *field = kind->fields[i].name;

      if (!(kind->fields[i].flags & SPIRE_FIELD_SECRET) || json_object_has_member (object, field))
        continue;
      if (existing != NULL && !spire_record_is_null (existing, field))
        spire_record_set_text (record, field, spire_record_get_text (existing, field));
      else
        missing = TRUE;
    }
  if (missing)
    stats->without_secrets++;
}

/* The document's own UUIDs per table, so that a reference may point to a
 * record anywhere in the file (a district before its municipality). */
static gboolean
collect_uuids (JsonObject *root, const char *name, GHashTable *uuids, guint *total,
               GError **error)
{
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);

  *total = 0;
  for (guint k = 0; k < n_kinds; k++)
    {
      const SpireKind *kind = kinds[k];
      JsonNode *node = json_object_get_member (root, kind->table);
      JsonArray *array;
      GHashTable *set;
      guint n;

      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail_at (error, SPIRE_ERROR_FORMAT, name, kind->table, -1, NULL,
                        _("expected a list of records"));
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      set = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (uuids, (gpointer) kind->table, set);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonNode *uuid;
          const char *s;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            return fail_at (error, SPIRE_ERROR_FORMAT, name, kind->table, (int) i, NULL,
                            _("expected a record (a JSON object)"));
          uuid = json_object_get_member (json_node_get_object (element), "uuid");
          if (uuid == NULL || json_node_get_value_type (uuid) != G_TYPE_STRING)
            continue; /* reported when the record is read */
          s = json_node_get_string (uuid);
          if (g_hash_table_contains (set, s))
            {
              g_autofree char *what = g_strdup_printf (
                _("the UUID %s is in the file twice; each record must have its own"), s);
              return fail_at (error, SPIRE_ERROR_FORMAT, name, kind->table, (int) i, "uuid",
                              what);
            }
          g_hash_table_add (set, (gpointer) s);
        }
      *total += n;
    }
  return TRUE;
}

static gboolean
check_references (SpireStore *store, SpireRecord *record, GHashTable *uuids, const char *name,
                  int index, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const char *uuid;
      GHashTable *in_file;
      const SpireKind *target;

      if (f->type != SPIRE_FIELD_REF)
        continue;
      uuid = spire_record_get_text (record, f->name);
      if (uuid == NULL)
        continue;
      in_file = g_hash_table_lookup (uuids, f->ref_table);
      if (in_file != NULL && g_hash_table_contains (in_file, uuid))
        continue;
      target = spire_kind_lookup (f->ref_table);
      if (!spire_store_exists (store, target, uuid))
        {
          g_autofree char *label = g_utf8_strdown (_(target->label), -1);
          g_autofree char *what = g_strdup_printf (
            /* TRANSLATORS: "there is no startup with the UUID 0b8f…", neither
             * in the file nor in the database */
            _("there is no %s with the UUID %s"), label, uuid);

          return fail_at (error, SPIRE_ERROR_REFERENCE, name, kind->table, index, f->name,
                          what);
        }
    }
  return TRUE;
}

/* @fresh: the table was empty when the import began (so the record is new:
 * the file holds each UUID once). */
static gboolean
import_record (SpireStore *store, const SpireKind *kind, JsonNode *element, int index,
               gboolean fresh, GHashTable *uuids, const char *name, SpireImportStats *stats,
               GError **error)
{
  JsonObject *object = json_node_get_object (element);
  g_autoptr (SpireRecord) record = NULL;
  g_autoptr (SpireRecord) existing = NULL;
  g_autoptr (GError) local = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *child;
  const char *field = NULL;
  gboolean inserted = FALSE;

  /* A field this Spire does not know would be lost without a word. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &child))
    if (spire_kind_field_index (kind, member) < 0)
      return fail_at (error, SPIRE_ERROR_FORMAT, name, kind->table, index, member,
                      _("Spire does not know this field, so importing would lose it"));

  record = spire_record_from_json (kind, object, &field, &local);
  if (record == NULL)
    return fail_at (error, SPIRE_ERROR_FORMAT, name, kind->table, index, field,
                    local->message);

  normalise_orgnr (record);
  if (!spire_record_validate (record, &field, &local))
    return fail_at (error, local->domain == SPIRE_ERROR ? local->code : SPIRE_ERROR_INVALID,
                    name, kind->table, index, field, local->message);

  if (!check_references (store, record, uuids, name, index, error))
    return FALSE;

  if (!fresh)
    {
      existing = spire_store_get (store, kind, spire_record_get_uuid (record), &local);
      if (existing == NULL)
        {
          if (!g_error_matches (local, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
            return fail_at (error, local->code, name, kind->table, index, NULL,
                            local->message);
          g_clear_error (&local);
        }
    }
  keep_secrets (kind, object, record, existing, stats);
  if (existing != NULL && same_as_stored (record, existing))
    {
      stats->unchanged++;
      return TRUE;
    }

  if (!spire_store_save (store, record,
                         SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES | SPIRE_SAVE_NO_VALIDATE,
                         &inserted, &local))
    return fail_at (error, local->domain == SPIRE_ERROR ? local->code : SPIRE_ERROR_FAILED,
                    name, kind->table, index, NULL, local->message);
  if (inserted)
    stats->added++;
  else
    stats->updated++;
  return TRUE;
}

/* Whether @data stops inside a string or with a list or object still
 * open (a file cut short), and where its last non-blank character is. */
static gboolean
ends_early (const char *data, gsize length, guint *end_line, guint *end_column)
{
  guint line = 1, column = 0, depth = 0;
  gboolean in_string = FALSE, escaped = FALSE;

  *end_line = 1;
  *end_column = 1;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        {
          line++;
          column = 0;
          continue;
        }
      if (((guchar) c & 0xc0) != 0x80) /* count characters, not bytes */
        column++;
      if (!g_ascii_isspace (c))
        {
          *end_line = line;
          *end_column = column;
        }
      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return in_string || depth > 0;
}

/* json-glib 1.6 says "<data>:3:14: Parse error: unexpected …"; at the end
 * of a file cut short it names the last token it could read, often one
 * before the end, so a file cut short is recognised here. */
static gboolean
set_parse_error (GError **error, const char *name, JsonParser *parser, const GError *json_error,
                 const char *data, gsize length)
{
  guint line, column, end_line, end_column;
  const char *detail = _spire_json_error_place (parser, json_error, &line, &column);

  if (ends_early (data, length, &end_line, &end_column) && line + 1 >= end_line)
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                 /* TRANSLATORS: "backup.json: line 202, column 34: the file ends before
                  * the backup is complete." */
                 _("%s: line %u, column %u: the file ends before the backup is complete. "
                   "It was probably cut short; export it again."),
                 name, end_line, end_column);
  else
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                 /* TRANSLATORS: "backup.json: line 3, column 14: the file is not valid
                  * JSON (<what the JSON reader said>)." */
                 _("%s: line %u, column %u: the file is not valid JSON (%s). It may have been "
                   "edited by hand; export it again."),
                 name, line, column, detail);
  return FALSE;
}

/* Checks the document's head: format, version, and that every member is
 * known. */
static gboolean
check_head (JsonNode *root_node, const char *name, GError **error)
{
  JsonObject *root;
  JsonNode *format, *version;
  JsonObjectIter iter;
  const char *member;
  JsonNode *child;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                   _("%s is not a Spire backup: it does not hold a JSON object. "
                     "Choose a file made with Spire’s export."), name);
      return FALSE;
    }
  root = json_node_get_object (root_node);

  format = json_object_get_member (root, "format");
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), SPIRE_BACKUP_FORMAT) != 0)
    {
      if (format != NULL && json_node_get_value_type (format) == G_TYPE_STRING)
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                     /* TRANSLATORS: the second %s is the file's "format", the third is "spire-backup" */
                     _("%s is not a Spire backup: its format is “%s”, not “%s”. "
                       "Choose a file made with Spire’s export."),
                     name, json_node_get_string (format), SPIRE_BACKUP_FORMAT);
      else
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                     /* TRANSLATORS: %s is "spire-backup" */
                     _("%s is not a Spire backup: it does not say “format”: “%s”. "
                       "Choose a file made with Spire’s export."),
                     name, SPIRE_BACKUP_FORMAT);
      return FALSE;
    }

  version = json_object_get_member (root, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                   _("%s: the backup has no valid “version”, so Spire cannot tell how to "
                     "read it. Nothing was imported."), name);
      return FALSE;
    }
  if (json_node_get_int (version) > SPIRE_BACKUP_VERSION)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Spire (backup version %d; this "
                     "Spire reads up to %d). Nothing was imported; update Spire to import it."),
                   name, (int) MIN (json_node_get_int (version), G_MAXINT), SPIRE_BACKUP_VERSION);
      return FALSE;
    }

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &member, &child))
    {
      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, "exported_at") || g_str_equal (member, "contains_secrets") ||
          g_str_equal (member, "secrets_note"))
        continue;
      if (spire_kind_lookup (member) == NULL || !g_str_equal (spire_kind_lookup (member)->table,
                                                              member))
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                       _("%s: Spire does not know “%s”, so importing the file would lose it. "
                         "Nothing was imported; update Spire or remove “%s” from the file."),
                       name, member, member);
          return FALSE;
        }
    }
  return TRUE;
}

static void
hash_table_unref_cb (gpointer data)
{
  g_hash_table_unref (data);
}

static gboolean
parse_document (JsonParser *parser, const char *data, gsize length, const char *name,
                GError **error)
{
  g_autoptr (GError) json_error = NULL;

  if (!_spire_json_check_depth (data, length, SPIRE_JSON_MAX_DEPTH, name, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data ? data : "", (gssize) length, &json_error))
    return set_parse_error (error, name, parser, json_error, data ? data : "", length);
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                   _("%s: line 1, column 1: the file is empty. Choose a file made with "
                     "Spire’s export."), name);
      return FALSE;
    }
  return TRUE;
}

/* Merges the parsed document @root_node, all or nothing. */
static gboolean
import_document (SpireStore *store, JsonNode *root_node, const char *name,
                 SpireImportStats *stats, SpireProgressFunc progress, gpointer progress_data,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) uuids = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) summary = NULL;
  g_autofree char *summary_json = NULL;
  SpireImportStats counts = { 0, 0, 0 };
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  sqlite3 *db = _spire_store_get_db (store);
  JsonObject *root;
  guint total = 0, done = 0;

  if (!check_head (root_node, name, error))
    return FALSE;
  root = json_node_get_object (root_node);

  uuids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, hash_table_unref_cb);
  if (!collect_uuids (root, name, uuids, &total, error))
    return FALSE;

  if (g_cancellable_is_cancelled (cancellable))
    return _spire_exchange_cancelled (error);

  if (!spire_store_begin (store, error))
    return FALSE;
  /* A foreign key may point to a record further down the file (a district
   * sorted before its municipality): check keys at commit. */
  if (sqlite3_exec (db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      _spire_store_set_error (store, sqlite3_errcode (db), error);
      spire_store_rollback (store);
      return FALSE;
    }

  for (guint k = 0; k < n_kinds; k++)
    {
      const SpireKind *kind = kinds[k];
      JsonNode *node = json_object_get_member (root, kind->table);
      JsonArray *array;
      gboolean fresh;
      guint n;

      if (node == NULL)
        continue;
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      fresh = spire_store_count (store, kind, NULL, NULL) == 0;
      for (guint i = 0; i < n; i++)
        {
          if (!import_record (store, kind, json_array_get_element (array, i), (int) i, fresh,
                              uuids, name, &counts, error))
            goto fail;
          if (++done % STEP == 0)
            {
              if (g_cancellable_is_cancelled (cancellable))
                {
                  _spire_exchange_cancelled (error);
                  goto fail;
                }
              if (progress && total > 0)
                progress ((double) done / (double) total, progress_data);
            }
        }
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _spire_json_add_string (builder, "file", name);
  _spire_json_add_int (builder, "added", counts.added);
  _spire_json_add_int (builder, "updated", counts.updated);
  _spire_json_add_int (builder, "unchanged", counts.unchanged);
  _spire_json_add_int (builder, "without_secrets", counts.without_secrets);
  json_builder_end_object (builder);
  summary = json_builder_get_root (builder);
  summary_json = _spire_json_text (summary, FALSE);
  if (!spire_store_audit (store, "database", NULL, "import", NULL, summary_json, error))
    goto fail;

  if (!spire_store_commit (store, error))
    {
      g_prefix_error (error, "%s: ", name);
      goto out;
    }
  if (stats)
    *stats = counts;
  if (progress)
    progress (1.0, progress_data);
  return TRUE;

fail:
  spire_store_rollback (store);
out:
  return FALSE;
}

/* Public API */

gboolean
spire_exchange_import_data (SpireStore *store, const char *data, gssize length, const char *name,
                            SpireImportStats *stats, SpireProgressFunc progress,
                            gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length <= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = _("The backup");
  if (stats)
    *stats = (SpireImportStats) { 0, 0, 0 };
  if (progress)
    progress (0.0, progress_data);
  if (g_cancellable_is_cancelled (cancellable))
    return _spire_exchange_cancelled (error);

  if (data == NULL)
    data = "";
  if (!parse_document (parser, data, length < 0 ? strlen (data) : (gsize) length, name, error))
    return FALSE;
  return import_document (store, json_parser_get_root (parser), name, stats, progress,
                          progress_data, cancellable, error);
}

gboolean
spire_exchange_import_file (SpireStore *store, const char *path, SpireImportStats *stats,
                            SpireProgressFunc progress, gpointer progress_data,
                            GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *name = NULL;
  g_autoptr (GError) local = NULL;
  gboolean parsed;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats)
    *stats = (SpireImportStats) { 0, 0, 0 };
  if (progress)
    progress (0.0, progress_data);
  if (g_cancellable_is_cancelled (cancellable))
    return _spire_exchange_cancelled (error);

  if (g_str_equal (path, "-"))
    {
      g_autoptr (GString) in = g_string_new (NULL);
      char chunk[65536];
      size_t got;

      name = g_strdup (_("standard input"));
      while ((got = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_string_append_len (in, chunk, (gssize) got);
      if (ferror (stdin))
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"),
                       name, g_strerror (errno));
          return FALSE;
        }
      parsed = parse_document (parser, in->str, in->len, name, error);
    }
  else
    {
      /* Mapped, not copied, and let go of once parsed: the document's tree
       * is what the import needs. */
      g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, &local);

      name = g_filename_display_basename (path);
      if (mapped == NULL)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"),
                       display, local->message);
          return FALSE;
        }
      parsed = parse_document (parser, g_mapped_file_get_contents (mapped),
                               g_mapped_file_get_length (mapped), name, error);
    }
  if (!parsed)
    return FALSE;
  return import_document (store, json_parser_get_root (parser), name, stats, progress,
                          progress_data, cancellable, error);
}
