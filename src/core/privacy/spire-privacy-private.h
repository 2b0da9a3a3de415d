/* spire-privacy-private.h — what the files of src/core/privacy share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-privacy.h"

G_BEGIN_DECLS

/* A person being erased, with what their erase needs. */
typedef struct
{
  SpireRecord *record;
  GPtrArray *needles;          /* _spire_person_needles */
  SpirePersonTraces *traces;   /* ->person, ->pseudonym, and where the erase wrote */
} SpireErasePerson;

void _spire_person_add_trace (SpirePersonTraces *traces, const char *table, const char *uuid,
                              const char *field);

/* The erase of each of @person_uuids (UUIDs) in the caller's transaction,
 * with one scan of every text for all of them (_spire_people_scan): the
 * same file as their erases one after another, in this order, and the
 * same "erase" audit entry for each.  @cancellable is checked while
 * scanning (G_IO_ERROR_CANCELLED: the caller rolls back); @progress goes
 * to 0.5 (the rest is the caller's VACUUM).  @traces: a SpirePersonTraces
 * per person, in order. */
gboolean _spire_people_erase_in_transaction (SpireStore *store, GPtrArray *person_uuids,
                                             gboolean dry_run, GCancellable *cancellable,
                                             SpireProgressFunc progress, gpointer progress_data,
                                             GPtrArray **traces, GError **error);

/* Every text of every record and of the audit trail read once: each text
 * that names any of @people (SpireErasePerson) gets their pseudonyms, as
 * their erases one after another would write it; traces for each.
 * Progress (rows read) from 0 to @progress_to. */
gboolean _spire_people_scan (SpireStore *store, GPtrArray *people, gboolean dry_run,
                             GCancellable *cancellable, SpireProgressFunc progress,
                             gpointer progress_data, double progress_to, GError **error);

/* The erase without its own transaction and without the clean-up of the
 * file: the caller holds a transaction.  The batch of one. */
gboolean _spire_person_erase_in_transaction (SpireStore *store, const char *person_uuid,
                                             gboolean dry_run, SpirePersonTraces **traces,
                                             GError **error);
/* After a committed erase: VACUUM rewrites the free pages away and a
 * TRUNCATE checkpoint empties the WAL (nothing for an in-memory store). */
gboolean _spire_store_leave_no_trace (SpireStore *store, GError **error);

/* Removes each of @copies (full paths: spire_store_list_migration_copies)
 * and a -wal or -shm beside it.  NULL when every one went; else the lines
 * ("\n“path”: why", translated) naming each file that could not be removed,
 * for the caller's sentence. */
char *_spire_privacy_remove_copies (GPtrArray *copies);

/* spire_retention_apply with a cancellable checked while the texts are
 * read (the transaction is rolled back: SPIRE_ERROR_CANCELLED) and
 * progress over the rows read. */
gboolean _spire_retention_apply_full (SpireStore *store, const char *today,
                                      GCancellable *cancellable, SpireProgressFunc progress,
                                      gpointer progress_data, SpireRetentionResult **result,
                                      GError **error);

/* @text in lower case, letter by letter, every letter and not only ASCII
 * ("SYNNØVE" → "synnøve"); the SQL function spire_case_fold (registered on
 * @store's connection by _spire_case_fold_register) gives the same. */
char *_spire_case_fold (const char *text);
void _spire_case_fold_register (SpireStore *store);

/* The strings that name @person: its personal fields (name, e-mail, phone,
 * also without spaces) as they are and as the person's audit entries say
 * they were, case-folded (_spire_case_fold), longest first. */
GPtrArray *_spire_person_needles (SpireStore *store, SpireRecord *person);
/* @needles as a JSON array, for json_each() in SQL. */
char *_spire_needles_to_json (GPtrArray *needles);

/* spire_innsyn_export with cancel and progress (pages drawn): cancelled,
 * it leaves nothing at @path and records nothing (SPIRE_ERROR_CANCELLED). */
gboolean _spire_innsyn_export_full (SpireStore *store, const SpireInnsynParams *request,
                                    SpireLanguage lang, const char *path,
                                    GCancellable *cancellable, SpireProgressFunc progress,
                                    gpointer progress_data, char **request_uuid,
                                    GError **error);

G_END_DECLS
