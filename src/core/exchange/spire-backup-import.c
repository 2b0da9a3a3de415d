/* spire-backup-import.c — a "spire-backup" document merged into the database
 *
 * The document is read as a stream (spire-backup-reader.c: never whole in
 * memory), and every record is merged by UUID as it comes, inside one
 * transaction, so that any error leaves the database as it was.  A
 * reference may point to a record further down the file (a district
 * before its municipality): what is neither in the file so far nor in the
 * database is looked for again at the end.  A syntax error names its line
 * and column, a wrong field its place ("applications[12].startup").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spire-backup-private.h"
#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-exchange.h"
#include "spire-store-private.h"
#include "spire-uuid-set-private.h"
#include "spire-validate.h"

/* The document is read in pieces of this size. */
#define PIECE (1024 * 1024)

/* A reference to a record that was neither in the file so far nor in the
 * database: the rest of the file may hold it. */
typedef struct
{
  const SpireKind *kind;
  int index;
  const char *field;
  const char *uuid; /* in Merge.strings */
} Pending;

typedef struct
{
  SpireStore *store;
  const char *name;
  SpireImportStats counts;
  gboolean fresh;      /* the table was empty when its list began */
  gboolean keep_uuids; /* the table's UUIDs go into its set (uuids_of) */
  GHashTable *uuids;   /* table → the SpireUuidSet of UUIDs the file has so far */
  GStringChunk *strings;
  GArray *pending;     /* of Pending */
  GHashTable *inserts; /* kind → its INSERT statement */
  char *now;
  GPtrArray *indexes;  /* the CREATE INDEX of each index set aside */
} Merge;

gboolean
_spire_backup_fail_at (GError **error, int code, const char *name, const char *table, int index,
                       const char *field, const char *what)
{
  GString *path = g_string_new (table);

  if (index >= 0)
    g_string_append_printf (path, "[%d]", index);
  if (field != NULL)
    g_string_append_printf (path, ".%s", field);
  g_set_error (error, SPIRE_ERROR, code,
               /* TRANSLATORS: "<file>: <place in the file>: <what is wrong>", e.g.
                * "backup.json: applications[12].startup: there is no startup with the UUID …" */
               _("%s: %s: %s"), name, path->str, what);
  g_string_free (path, TRUE);
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

/* UUIDs in lower case, as Spire writes them: "0A1B…" is the same record
 * as "0a1b…" (RFC 4122), not a new one beside it, and a reference in upper
 * case finds its record. */
static void
normalise_uuids (SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const char *text;

      if (f->type != SPIRE_FIELD_REF && strcmp (f->name, "uuid") != 0)
        continue;
      text = spire_record_get_text (record, f->name);
      for (const char *p = text; p && *p; p++)
        if (g_ascii_isupper (*p))
          {
            g_autofree char *lower = g_ascii_strdown (text, -1);

            spire_record_set_text (record, f->name, lower);
            break;
          }
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
keep_secrets (const SpireKind *kind, const gboolean *given, SpireRecord *record,
              SpireRecord *existing, SpireImportStats *stats)
{
  gboolean missing = FALSE;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *field = kind->fields[i].name;

      if (!(kind->fields[i].flags & SPIRE_FIELD_SECRET) || given[i])
        continue;
      if (existing != NULL && !spire_record_is_null (existing, field))
        spire_record_set_text (record, field, spire_record_get_text (existing, field));
      else
        missing = TRUE;
    }
  if (missing)
    stats->without_secrets++;
}

static SpireUuidSet *
uuids_of (Merge *m, const char *table)
{
  SpireUuidSet *set = g_hash_table_lookup (m->uuids, table);

  if (set == NULL)
    {
      set = _spire_uuid_set_new ();
      g_hash_table_insert (m->uuids, (gpointer) table, set);
    }
  return set;
}

static gboolean
no_such_record (Merge *m, const SpireKind *kind, int index, const char *field, const char *uuid,
                GError **error)
{
  const SpireKind *target = spire_kind_lookup (spire_kind_field (kind, field)->ref_table);
  g_autofree char *label = g_utf8_strdown (_(target->label), -1);
  g_autofree char *what = g_strdup_printf (
    /* TRANSLATORS: "there is no startup with the UUID 0b8f…", neither
     * in the file nor in the database */
    _("there is no %s with the UUID %s"), label, uuid);

  return _spire_backup_fail_at (error, SPIRE_ERROR_REFERENCE, m->name, kind->table, index, field,
                                what);
}

/* References to records the file has so far or the database has; the
 * others wait for the end of the file. */
static void
check_references (Merge *m, SpireRecord *record, int index)
{
  const SpireKind *kind = spire_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const char *uuid;
      SpireUuidSet *in_file;
      Pending p;

      if (f->type != SPIRE_FIELD_REF)
        continue;
      uuid = spire_record_get_text (record, f->name);
      if (uuid == NULL)
        continue;
      in_file = g_hash_table_lookup (m->uuids, f->ref_table);
      if (in_file != NULL && _spire_uuid_set_contains (in_file, uuid))
        continue;
      if (spire_store_exists (m->store, spire_kind_lookup (f->ref_table), uuid))
        continue;
      p = (Pending) { kind, index, f->name, g_string_chunk_insert (m->strings, uuid) };
      g_array_append_val (m->pending, p);
    }
}

/* At the end of the file: what was waiting must be in it now. */
static gboolean
check_pending (Merge *m, GError **error)
{
  for (guint i = 0; i < m->pending->len; i++)
    {
      Pending *p = &g_array_index (m->pending, Pending, i);
      const char *table = spire_kind_field (p->kind, p->field)->ref_table;
      SpireUuidSet *in_file = g_hash_table_lookup (m->uuids, table);

      if (in_file == NULL || !_spire_uuid_set_contains (in_file, p->uuid))
        return no_such_record (m, p->kind, p->index, p->field, p->uuid, error);
    }
  return TRUE;
}

/* The import checks every reference itself (check_references, above).
 * SQLite checking each row's keys again as it is written looks each parent
 * up at random through the file: a third of the import's time at xlarge.
 * So keys are off while the import writes, and checked here once, a pass
 * over each table the file has, before the commit: the database keeps its
 * own guard. */
static gboolean
check_keys (Merge *m, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer table;

  g_hash_table_iter_init (&iter, m->uuids);
  while (found->len == 0 && g_hash_table_iter_next (&iter, &table, NULL))
    if (!_spire_store_check_keys (m->store, table, found, error))
      return FALSE;
  if (found->len == 0)
    return TRUE;
  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_REFERENCE, "%s: %s", m->name,
               (const char *) found->pdata[0]);
  return FALSE;
}

static void
finalize_cb (gpointer data)
{
  sqlite3_finalize (data);
}

/* A new record: spire_store_save () less what the import has done already
 * (checked the record and its references, found it is new), one prepared
 * INSERT per kind: a third of the time of a save per record.  As with
 * SPIRE_SAVE_KEEP_TIMES, a missing created_at or updated_at is now. */
static gboolean
insert_record (Merge *m, SpireRecord *record, gboolean *twice, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (record);
  sqlite3 *db = _spire_store_get_db (m->store);
  sqlite3_stmt *stmt = g_hash_table_lookup (m->inserts, kind);
  int rc;

  if (stmt == NULL)
    {
      GString *sql = g_string_new (NULL);

      g_string_append_printf (sql, "INSERT INTO %s (", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        g_string_append_printf (sql, "%s%s", i ? ", " : "", kind->fields[i].name);
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < kind->n_fields; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, ")");
      rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
      g_string_free (sql, TRUE);
      if (rc != SQLITE_OK)
        return _spire_store_set_error (m->store, rc, error);
      g_hash_table_insert (m->inserts, (gpointer) kind, stmt);
      _spire_store_mark_changed (m->store, kind->table);
    }
  if (spire_record_is_null (record, "created_at"))
    spire_record_set_text (record, "created_at", m->now);
  if (spire_record_is_null (record, "updated_at"))
    spire_record_set_text (record, "updated_at", m->now);

  _spire_store_bind_record (stmt, record);
  rc = sqlite3_step (stmt);
  /* "UNIQUE constraint failed: scores.uuid": the file has it twice */
  *twice = sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE &&
           g_str_has_suffix (sqlite3_errmsg (db), ".uuid");
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (m->store, rc, error);
  return TRUE;
}

/* An empty table's indexes that only speed up reading (not its UNIQUE
 * ones, which refuse a duplicate) are set aside while the file fills it
 * and made again at the end, from all its rows at once, as sqlite3 replays
 * a dump: kept up row by row, each new row's place in them is a look-up at
 * random, and at xlarge that reads from the disk.  The import looks
 * records up by UUID only.  Inside the import's transaction: a refused
 * import leaves them as they were. */
static gboolean
set_indexes_aside (Merge *m, const SpireKind *kind, GError **error)
{
  sqlite3 *db = _spire_store_get_db (m->store);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                           "AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, kind->table, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (m->indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (m->store, rc, error);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (sqlite3_exec (db, drop, NULL, NULL, NULL) != SQLITE_OK)
        return _spire_store_set_error (m->store, sqlite3_errcode (db), error);
    }
  return TRUE;
}

static gboolean
make_indexes_again (Merge *m, GError **error)
{
  sqlite3 *db = _spire_store_get_db (m->store);

  for (guint i = 0; i < m->indexes->len; i++)
    if (sqlite3_exec (db, m->indexes->pdata[i], NULL, NULL, NULL) != SQLITE_OK)
      return _spire_store_set_error (m->store, sqlite3_errcode (db), error);
  return TRUE;
}

/* Whether a record of some kind may refer to one of @kind. */
static gboolean
is_referenced (const SpireKind *kind)
{
  guint n_kinds = 0;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      if (kinds[k]->fields[i].type == SPIRE_FIELD_REF &&
          g_strcmp0 (kinds[k]->fields[i].ref_table, kind->table) == 0)
        return TRUE;
  return FALSE;
}

static gboolean
on_table_cb (const SpireKind *kind, gpointer data, GError **error)
{
  Merge *m = data;

  /* A table that was empty: its records are new (the file holds each UUID
   * once), nothing to compare with. */
  m->fresh = spire_store_count (m->store, kind, NULL, NULL) == 0;
  /* Nothing refers to its records (scores): the set would only find a
   * UUID the file has twice, and the table's UNIQUE uuid finds that as
   * the record is written (insert_record).  The 2.2 million scores' set
   * was 64 MiB of the import's 147 at xlarge (96 while it grew). */
  m->keep_uuids = !m->fresh || is_referenced (kind);
  uuids_of (m, kind->table); /* the table is in the file: check_keys */
  return !m->fresh || set_indexes_aside (m, kind, error);
}

static gboolean
twice_in_file (Merge *m, const SpireKind *kind, int index, const char *uuid, GError **error)
{
  g_autofree char *what = g_strdup_printf (
    _("the UUID %s is in the file twice; each record must have its own"), uuid);

  return _spire_backup_fail_at (error, SPIRE_ERROR_FORMAT, m->name, kind->table, index, "uuid",
                                what);
}

/* One record of the file, typed and checked as spire_record_from_json ()
 * does (spire-backup-reader.c). */
static gboolean
on_record_cb (const SpireKind *kind, SpireRecord *record, int index, const gboolean *given,
              gpointer data, GError **error)
{
  Merge *m = data;
  g_autoptr (SpireRecord) existing = NULL;
  g_autoptr (GError) local = NULL;
  SpireUuidSet *seen = uuids_of (m, kind->table);
  const char *uuid;
  const char *field = NULL;
  gboolean inserted = FALSE;
  gboolean twice = FALSE;

  normalise_uuids (record);
  uuid = spire_record_get_uuid (record);
  if (m->keep_uuids && !_spire_uuid_set_add (seen, uuid))
    return twice_in_file (m, kind, index, uuid, error);

  normalise_orgnr (record);
  if (!spire_record_validate (record, &field, &local))
    return _spire_backup_fail_at (error,
                                  local->domain == SPIRE_ERROR ? local->code
                                                               : SPIRE_ERROR_INVALID,
                                  m->name, kind->table, index, field, local->message);
  check_references (m, record, index);

  if (!m->fresh)
    {
      existing = spire_store_get (m->store, kind, uuid, &local);
      if (existing == NULL)
        {
          if (_spire_exchange_error_is_database (local))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          if (!g_error_matches (local, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
            return _spire_backup_fail_at (error, local->code, m->name, kind->table, index, NULL,
                                          local->message);
          g_clear_error (&local);
        }
    }
  keep_secrets (kind, given, record, existing, &m->counts);
  if (existing != NULL && same_as_stored (record, existing))
    {
      m->counts.unchanged++;
      return TRUE;
    }

  if (existing == NULL)
    inserted = TRUE;
  if (existing == NULL ? !insert_record (m, record, &twice, &local)
                       : !spire_store_save (m->store, record,
                                            SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES |
                                              SPIRE_SAVE_NO_VALIDATE,
                                            &inserted, &local))
    {
      if (twice)
        return twice_in_file (m, kind, index, uuid, error);
      if (_spire_exchange_error_is_database (local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      return _spire_backup_fail_at (error,
                                    local->domain == SPIRE_ERROR ? local->code
                                                                 : SPIRE_ERROR_FAILED,
                                    m->name, kind->table, index, NULL, local->message);
    }
  if (inserted)
    m->counts.added++;
  else
    m->counts.updated++;
  return TRUE;
}

static void
uuid_set_free_cb (gpointer data)
{
  _spire_uuid_set_free (data);
}

/* Where the document comes from: a buffer, or a file descriptor read in
 * pieces. */
typedef struct
{
  const char *data;
  gsize length;
  int fd;
  const char *display; /* names the file in a read error */
} Source;

/* The length of the UTF-8 byte order mark @data starts with (an editor
 * may add one when a backup is saved), else 0. */
static gsize
bom_length (const char *data, gsize length)
{
  return length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

static gboolean
read_all (SpireBackupReader *reader, const Source *src, GError **error)
{
  g_autofree char *piece = NULL;
  gboolean first = TRUE;

  if (src->data != NULL)
    {
      for (gsize at = bom_length (src->data, src->length); at < src->length; at += PIECE)
        if (!_spire_backup_reader_feed (reader, src->data + at, MIN (PIECE, src->length - at)))
          break;
      return TRUE;
    }
  piece = g_malloc (PIECE);
  for (;;)
    {
      gssize got = read (src->fd, piece, PIECE);
      gsize skip = 0;

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved = errno;

          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"),
                       src->display, g_strerror (saved));
          return FALSE;
        }
      if (first && got > 0)
        skip = bom_length (piece, (gsize) got);
      first = FALSE;
      if (got == 0 || !_spire_backup_reader_feed (reader, piece + skip, (gsize) got - skip))
        return TRUE;
    }
}

static gboolean
write_summary (Merge *m, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) summary = NULL;
  g_autofree char *summary_json = NULL;

  json_builder_begin_object (builder);
  _spire_json_add_string (builder, "file", m->name);
  _spire_json_add_int (builder, "added", m->counts.added);
  _spire_json_add_int (builder, "updated", m->counts.updated);
  _spire_json_add_int (builder, "unchanged", m->counts.unchanged);
  _spire_json_add_int (builder, "without_secrets", m->counts.without_secrets);
  json_builder_end_object (builder);
  summary = json_builder_get_root (builder);
  summary_json = _spire_json_text (summary, FALSE);
  return spire_store_audit (m->store, "database", NULL, "import", NULL, summary_json, error);
}

/* A file nobody else has open (a backup restored into a new file with
 * spire-cli) is written through a rollback journal, as sqlite3 replays a
 * dump: in WAL mode the transaction's pages spill into the WAL and every
 * page read looks there first, through an index that grows with the file
 * (at xlarge a fifth of the import's time).  While others have it open
 * (the window and its workers) SQLite keeps WAL and says so.  TRUE when
 * the mode changed; it goes back to WAL at the end. */
static gboolean
journal_alone (sqlite3 *db, const char *mode)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  gboolean changed = FALSE;

  if (!sqlite3_get_autocommit (db))
    return FALSE;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    changed = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  return changed;
}

static void
set_cache (sqlite3 *db, int cache_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

  sqlite3_exec (db, sql, NULL, NULL, NULL);
}

/* The page cache while the import writes the rows: a sixteenth of the
 * document, at least the store's own (8 MiB), at most 64 MiB.  A table
 * with two UNIQUE indexes (scores: uuid, and review with criterion) gets
 * one of them in the file's order and the other at random places, read
 * from the cache or from the disk; with one size of cache for every file
 * the part read from the disk grew with the file (scores' rows 17× from
 * large to xlarge).  Before the indexes are made again it goes back to
 * the store's (SQLite's sorter takes as much memory as the cache).
 * Returns the store's cache_size, 0 when unchanged. */
static int
cache_for (sqlite3 *db, guint64 size)
{
  sqlite3_stmt *stmt = NULL;
  int before = 0;
  gint64 kib = CLAMP ((gint64) (size / 16 / 1024), 8 * 1024, 64 * 1024);

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    before = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (before >= 0 || -before >= kib)
    return 0;
  set_cache (db, (int) -kib);
  return before;
}

/* The rows are in: the store's cache again. */
static gboolean
cache_back (sqlite3 *db, int *cache)
{
  if (*cache != 0)
    set_cache (db, *cache);
  *cache = 0;
  return TRUE;
}

/* Reads and merges the document, all or nothing. */
static gboolean
import_from (SpireStore *store, const Source *src, guint64 size, const char *name,
             SpireImportStats *stats, SpireProgressFunc progress, gpointer progress_data,
             GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        uuid_set_free_cb);
  g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr (GHashTable) inserts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          finalize_cb);
  g_autofree char *now = spire_now_utc ();
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  GStringChunk *strings = g_string_chunk_new (64 * 1024);
  Merge m = { store, name, { 0, 0, 0, 0 }, FALSE, FALSE, uuids, strings, pending, inserts, now,
              indexes };
  g_autoptr (SpireBackupReader) reader = NULL;
  sqlite3 *db = _spire_store_get_db (store);
  gboolean alone;
  gboolean ok = FALSE;
  int cache;

  /* Keys off while the import writes (check_keys says why); the pragma
   * only takes effect outside a transaction.  Indexes made again at the
   * end sort on the disk, not in memory. */
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF; PRAGMA temp_store = FILE", NULL, NULL, NULL);
  alone = journal_alone (db, "delete");
  cache = cache_for (db, size);
  if (!spire_store_begin (store, error))
    goto out;
  /* Where keys stay on (an outer transaction): a key may point to a record
   * further down the file (a district before its municipality). */
  if (sqlite3_exec (db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      _spire_store_set_error (store, sqlite3_errcode (db), error);
      goto fail;
    }

  reader = _spire_backup_reader_new (name, size, on_table_cb, on_record_cb, &m, progress,
                                     progress_data, cancellable);
  if (!read_all (reader, src, error) || !_spire_backup_reader_finish (reader, error) ||
      !check_pending (&m, error) || !cache_back (db, &cache) ||
      !make_indexes_again (&m, error) || !check_keys (&m, error) ||
      !write_summary (&m, error))
    goto fail;

  if (!spire_store_commit (store, error))
    {
      if (!_spire_exchange_error_is_database (error ? *error : NULL))
        g_prefix_error (error, "%s: ", name);
      goto out;
    }
  if (stats)
    *stats = m.counts;
  if (progress)
    progress (1.0, progress_data);
  ok = TRUE;
  goto out;

fail:
  spire_store_rollback (store);
out:
  sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  cache_back (db, &cache);
  if (alone && !journal_alone (db, "wal"))
    g_warning ("%s: the database stayed in rollback-journal mode", name);
  g_string_chunk_free (strings);
  return ok;
}

/* Public API */

gboolean
spire_exchange_import_data (SpireStore *store, const char *data, gssize length, const char *name,
                            SpireImportStats *stats, SpireProgressFunc progress,
                            gpointer progress_data, GCancellable *cancellable, GError **error)
{
  Source src = { data ? data : "", 0, -1, NULL };

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length <= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = _("The backup");
  if (stats)
    *stats = (SpireImportStats) { 0, 0, 0, 0 };
  if (progress)
    progress (0.0, progress_data);
  if (g_cancellable_is_cancelled (cancellable))
    return _spire_exchange_cancelled (error);

  src.length = length < 0 ? strlen (src.data) : (gsize) length;
  return import_from (store, &src, src.length, name, stats, progress, progress_data,
                      cancellable, error);
}

gboolean
spire_exchange_import_file (SpireStore *store, const char *path, SpireImportStats *stats,
                            SpireProgressFunc progress, gpointer progress_data,
                            GCancellable *cancellable, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  Source src = { NULL, 0, -1, NULL };
  GStatBuf st;
  guint64 size = 0;
  gboolean ok;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats)
    *stats = (SpireImportStats) { 0, 0, 0, 0 };
  if (progress)
    progress (0.0, progress_data);
  if (g_cancellable_is_cancelled (cancellable))
    return _spire_exchange_cancelled (error);

  /* Read in pieces, not mapped: mapped pages of a large file would count
   * as the import's memory. */
  if (g_str_equal (path, "-"))
    {
      name = g_strdup (_("standard input"));
      display = g_strdup (name);
      src.fd = STDIN_FILENO;
    }
  else
    {
      name = g_filename_display_basename (path);
      display = g_filename_display_name (path);
      src.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (src.fd < 0)
        {
          int saved = errno;

          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Spire cannot read “%s”: %s"),
                       display, g_strerror (saved));
          return FALSE;
        }
    }
  src.display = display;
  if (fstat (src.fd, &st) == 0 && S_ISREG (st.st_mode))
    size = (guint64) st.st_size;
  else if (src.fd != STDIN_FILENO && fstat (src.fd, &st) == 0 &&
           !_spire_exchange_check_not_device (&st, display, error))
    {
      close (src.fd);
      return FALSE;
    }

  ok = import_from (store, &src, size, name, stats, progress, progress_data, cancellable,
                    error);
  if (src.fd != STDIN_FILENO)
    close (src.fd);
  return ok;
}
