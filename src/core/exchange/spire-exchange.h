/* spire-exchange.h — the whole database as one JSON document ("spire-backup")
 *
 * Written by spire-backup-export.c, merged back by spire-backup-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-store.h"

G_BEGIN_DECLS

#define SPIRE_BACKUP_FORMAT "spire-backup"
#define SPIRE_BACKUP_VERSION 1

/* { "format": "spire-backup", "version": 1, "exported_at": "…Z",
 *   "<table>": [ {record}, … ], … } with every kind of spire_kinds() in that
 * order, each list sorted by uuid, each record's fields in kind order, so
 * that two exports of the same database differ only in "exported_at".
 * The audit log is local history and is not exported. */
char *spire_exchange_export_string (SpireStore *store, GError **error);
/* @path "-" writes to standard output.  Writes a temporary file and renames
 * it, so a failed export never leaves half a file; the file is the owner's
 * alone (0600): it holds confidential fields.  With its secrets. */
gboolean spire_exchange_export_file (SpireStore *store, const char *path,
                                     SpireProgressFunc progress, gpointer progress_data,
                                     GCancellable *cancellable, GError **error);

/* Secrets: the evaluators' package tokens (the SPIRE_FIELD_SECRET fields),
 * the keys that sign score sheets.  A backup with any of them says
 * "contains_secrets": true and why in "secrets_note" (after "exported_at");
 * one made SPIRE_EXPORT_WITHOUT_SECRETS leaves those fields out and says
 * "contains_secrets": false.  An import of such a file keeps the tokens a
 * database already has; packages whose token it lacks cannot verify score
 * sheets until they are exported again (SpireImportStats.without_secrets). */
typedef enum
{
  SPIRE_EXPORT_DEFAULT = 0,
  SPIRE_EXPORT_WITHOUT_SECRETS = 1 << 0,
} SpireExportFlags;

/* spire_exchange_export_file() with @flags; @n_secrets (may be NULL)
 * receives how many secret values the file holds. */
/* FALSE with SPIRE_ERROR_IO when @path is a database, or the -wal, -shm
 * or -journal of one: every export, package, sheet and CSV file is asked
 * this before it is written, so that none goes over a database.  "-"
 * (standard output) and a file that does not exist are fine. */
gboolean spire_exchange_check_destination (const char *path, GError **error);

gboolean spire_exchange_export_file_full (SpireStore *store, const char *path,
                                          SpireExportFlags flags, guint *n_secrets,
                                          SpireProgressFunc progress, gpointer progress_data,
                                          GCancellable *cancellable, GError **error);

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint without_secrets; /* records whose secret the file left out and the
                          * database did not have */
} SpireImportStats;

/* Merges a spire-backup document by UUID, all or nothing, in one
 * transaction.  A syntax error names line and column
 * (SPIRE_ERROR_PARSE); a wrong or missing field names its place, e.g.
 * "applications[12].startup: there is no startup with the UUID …"
 * (SPIRE_ERROR_FORMAT, _REFERENCE, _INVALID); a document of a newer format
 * version is refused.  On any error the database is exactly as before.
 * @name names the file in messages. */
gboolean spire_exchange_import_data (SpireStore *store, const char *data, gssize length,
                                     const char *name, SpireImportStats *stats,
                                     SpireProgressFunc progress, gpointer progress_data,
                                     GCancellable *cancellable, GError **error);
gboolean spire_exchange_import_file (SpireStore *store, const char *path,
                                     SpireImportStats *stats, SpireProgressFunc progress,
                                     gpointer progress_data, GCancellable *cancellable,
                                     GError **error);

/* Files read whole (CSV, Brønnøysund, packages, score sheets; the backup
 * is read as a stream) are refused above a size that no real file of its
 * kind reaches, before anything is read: a video or disk image chosen by
 * mistake would otherwise fill the memory.  The limits and their reasons
 * are in spire-exchange-read.c. */
typedef enum
{
  SPIRE_READ_CSV,     /* an application list */
  SPIRE_READ_BRREG,   /* units from Enhetsregisteret */
  SPIRE_READ_PACKAGE, /* an evaluation package */
  SPIRE_READ_SHEET,   /* a score sheet */
  SPIRE_READ_ANY,     /* any of these, not yet known which */
} SpireReadKind;

/* The most Spire reads of a file of @kind, in bytes. */
guint64 spire_exchange_read_limit (SpireReadKind kind);
/* All of @fd (a file or a pipe, such as standard input), NUL-terminated,
 * with *@length set; NULL with SPIRE_ERROR_IO when it is a device, cannot
 * be read, or holds more than spire_exchange_read_limit (@kind) ("“x.csv”
 * is 5.2 GB; Spire reads application lists up to 512 MB. Nothing was
 * imported.").  A file's size is asked of @fd before reading.  @name names
 * it in messages. */
char *spire_exchange_read_fd (int fd, const char *name, SpireReadKind kind, gsize *length,
                              GError **error);

G_END_DECLS
