/* spire-backup-private.h — what the backup's import shares between its files
 *
 * spire-backup-reader.c reads a "spire-backup" document as a stream (never
 * whole in memory) and hands each record, typed and checked as
 * spire_record_from_json () would, to spire-backup-import.c, which merges
 * it.  The reader keeps the order in which a broken file is refused:
 * nesting too deep, then not JSON (or cut short), then the head (format,
 * version, unknown members), then the first wrong record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-record.h"
#include "spire-store.h"

G_BEGIN_DECLS

typedef struct _SpireBackupReader SpireBackupReader;

/* A table's list begins: the merge looks at what the table holds. */
typedef gboolean (*SpireBackupTableFunc) (const SpireKind *kind, gpointer data, GError **error);

/* One record of the document, in the file's order, element @index of its
 * table's list; @given[i] says whether the file has field i at all (a
 * backup without secrets leaves them out).  FALSE with @error set refuses
 * the file (the reader reads on only to find a worse fault; a
 * SPIRE_ERROR_CANCELLED stops it at once). */
typedef gboolean (*SpireBackupRecordFunc) (const SpireKind *kind, SpireRecord *record, int index,
                                           const gboolean *given, gpointer data, GError **error);

/* @name names the document in messages; @size is its length in bytes
 * (0 when unknown: no progress in between).  Progress is the part of the
 * document read; cancellation is looked at every few hundred records. */
SpireBackupReader *_spire_backup_reader_new (const char *name, guint64 size,
                                             SpireBackupTableFunc on_table,
                                             SpireBackupRecordFunc on_record, gpointer data,
                                             SpireProgressFunc progress, gpointer progress_data,
                                             GCancellable *cancellable);
void _spire_backup_reader_free (SpireBackupReader *reader);

/* Feeds the next @length bytes of the document; FALSE once the reader
 * knows the file is refused and has nothing more to find out (then
 * _finish says why). */
gboolean _spire_backup_reader_feed (SpireBackupReader *reader, const char *data, gsize length);
/* The end of the document: TRUE when it was read whole and every record
 * was taken, or FALSE with the error that refuses it. */
gboolean _spire_backup_reader_finish (SpireBackupReader *reader, GError **error);

/* "applications[12].startup": technical names, not translated. */
gboolean _spire_backup_fail_at (GError **error, int code, const char *name, const char *table,
                                int index, const char *field, const char *what);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireBackupReader, _spire_backup_reader_free)

G_END_DECLS
