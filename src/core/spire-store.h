/* spire-store.h — the one owner of the SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-record.h"

G_BEGIN_DECLS

#define SPIRE_SCHEMA_VERSION 5

/* Long work reports how far it is, from 0.0 to 1.0 (may be called from a worker thread). */
typedef void (*SpireProgressFunc) (double fraction, gpointer user_data);

#define SPIRE_TYPE_STORE (spire_store_get_type ())
G_DECLARE_FINAL_TYPE (SpireStore, spire_store, SPIRE, STORE, GObject)

/* A store is used from one thread at a time: its prepared statements are
 * shared.  Work in a worker thread (GTask) either has the store to itself
 * while the window waits, or opens a connection of its own. */

/* $XDG_DATA_HOME/spire/spire.db */
char *spire_store_default_path (void);

/* Opens (creating when missing, with mode 0600) and migrates the database
 * at @path, or the default one when @path is NULL.  A file that is not a
 * Spire database, a damaged one, or one from a newer Spire is refused and
 * left exactly as it was.  Before migrating an older file, a copy is taken
 * beside it ("spire.db.backup-v1-20261123T101500Z"). */
SpireStore *spire_store_open (const char *path, GError **error);
/* An in-memory database (tests, evaluator scratch). */
SpireStore *spire_store_new_memory (GError **error);

const char *spire_store_get_path (SpireStore *self);
/* Where the last migration put its backup copy, or NULL. */
const char *spire_store_get_migration_backup (SpireStore *self);
/* Every copy a migration left beside the database file, by its name
 * ("spire.db.backup-v1-20261123T101500Z", "…Z-2"): full paths, sorted; an
 * empty array for an in-memory store or when there is none. */
GPtrArray *spire_store_list_migration_copies (SpireStore *self);
/* A sentence for the user when opening made the database file, its -wal or
 * its -shm private (0600) because others could read it; NULL otherwise.
 * Files Spire creates are private from the start, so this is said once. */
const char *spire_store_get_tightened (SpireStore *self);
/* How long a write waits for another program before giving up (ms). */
void spire_store_set_busy_timeout (SpireStore *self, int ms);
/* Who is named in audit entries and decisions; defaults to the system
 * user's real name; never empty (NULL or "" gives the login name). */
void spire_store_set_actor (SpireStore *self, const char *actor);
const char *spire_store_get_actor (SpireStore *self);

/* Transactions nest: only the outermost one commits or rolls back. */
gboolean spire_store_begin (SpireStore *self, GError **error);
gboolean spire_store_commit (SpireStore *self, GError **error);
void spire_store_rollback (SpireStore *self);

/* Validates (spire_record_validate), checks references, fills uuid and
 * created_at/updated_at when missing, writes, and records an audit entry.
 * Errors: SPIRE_ERROR_INVALID, _REFERENCE, _BUSY, _IO … */
gboolean spire_store_insert (SpireStore *self, SpireRecord *record, GError **error);
gboolean spire_store_update (SpireStore *self, SpireRecord *record, GError **error);
/* Refuses with SPIRE_ERROR_IN_USE and a message that says what depends on
 * the record (e.g. "3 applications") unless nothing does.  Owned parts
 * (a rubric's criteria, a review's scores, a deal's events) go with it. */
gboolean spire_store_delete (SpireStore *self, SpireRecord *record, GError **error);

typedef enum
{
  SPIRE_SAVE_DEFAULT = 0,
  SPIRE_SAVE_NO_AUDIT = 1 << 0,      /* bulk work records one entry of its own */
  SPIRE_SAVE_KEEP_TIMES = 1 << 1,    /* keep created_at/updated_at as given */
  SPIRE_SAVE_NO_VALIDATE = 1 << 2,   /* the caller validated already */
} SpireSaveFlags;

/* Inserts, or updates the record with the same UUID.  *@inserted tells which. */
gboolean spire_store_save (SpireStore *self, SpireRecord *record, SpireSaveFlags flags,
                           gboolean *inserted, GError **error);

SpireRecord *spire_store_get (SpireStore *self, const SpireKind *kind, const char *uuid,
                              GError **error);
gboolean spire_store_exists (SpireStore *self, const SpireKind *kind, const char *uuid);
/* Records of @kind, all or those whose @field equals @value (a UUID for a
 * reference), in Norwegian order of the display field (equal names in the
 * order of their UUIDs). */
GPtrArray *spire_store_list (SpireStore *self, const SpireKind *kind, const char *field,
                             const char *value, GError **error);
/* The same for two fields ("cohort" and "status": the accepted
 * applications of a cohort read through their index, not the cohort's all). */
GPtrArray *spire_store_list_both (SpireStore *self, const SpireKind *kind, const char *field,
                                  const char *value, const char *field2, const char *value2,
                                  GError **error);
gint64 spire_store_count (SpireStore *self, const SpireKind *kind, const char *field,
                          const char *value);
/* Applications of a cohort counted per status: status value → count. */
GHashTable *spire_store_count_by (SpireStore *self, const SpireKind *kind,
                                  const char *group_field, const char *field,
                                  const char *value, GError **error);
/* "3 applications, 1 deal" — what refers to the record, or NULL. */
char *spire_store_describe_dependents (SpireStore *self, SpireRecord *record);

/* Writes an audit entry (inside the current transaction, if any). */
gboolean spire_store_audit (SpireStore *self, const char *entity, const char *entity_uuid,
                            const char *action, const char *before_json,
                            const char *after_json, GError **error);
/* Audit entries, newest first: GPtrArray of GHashTable (column → string). */
GPtrArray *spire_store_list_audit (SpireStore *self, const char *entity_uuid, guint limit,
                                   GError **error);

/* A consistent copy (SQLite backup API) while others may write. */
gboolean spire_store_backup (SpireStore *self, const char *dest, GError **error);
/* integrity_check and foreign_key_check: TRUE when all is well; otherwise
 * *@problems lists what is wrong, one line each. */
gboolean spire_store_check (SpireStore *self, char ***problems, GError **error);

gboolean spire_store_is_empty (SpireStore *self);

/* Emitted after a change is committed; the detail is the kind's table.
 * Always in the thread that made the store: at once from that thread, from
 * the main loop when a worker thread committed. */
/* signal: void changed (SpireStore *store, const char *table) */

G_END_DECLS
