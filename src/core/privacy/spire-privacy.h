/* spire-privacy.h — erase a person, retention, the audit trail made visible
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": a person's personal
 * fields are cleared or replaced by a stable pseudonym everywhere they
 * occur, the audit trail's before/after included, with no copy left in the
 * database file or its WAL; a cohort's retention erases the personal data of
 * applicants not accepted some months after it closes; the audit trail can
 * be read by record, by person and by date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-report.h"
#include "spire-store.h"

G_BEGIN_DECLS

/* One place a person's data occurs. */
typedef struct
{
  const char *table; /* a kind's table, or "audit" (static) */
  char *uuid;        /* the record's UUID, or the audit entry's id */
  const char *field; /* the field, or "who", "before", "after" (static) */
} SpirePersonTrace;

typedef struct
{
  char *person;     /* the person's UUID */
  char *pseudonym;  /* what replaces the name: "Erased person 3F2A" */
  GPtrArray *items; /* SpirePersonTrace */
  /* The copies a migration left beside the database file
   * (spire_store_list_migration_copies, full paths): made before an
   * upgrade, they can still hold the person.  An erase removes them. */
  GPtrArray *copies;
  /* After an erase: a sentence naming each copy that could not be removed
   * and why, for the user; NULL when every one went. */
  char *copies_problem;
} SpirePersonTraces;

void spire_person_traces_free (SpirePersonTraces *traces);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpirePersonTraces, spire_person_traces_free)

/* The pseudonym that replaces the person's name: the same for the same
 * UUID ("Erased person 3F2A", from its first hex digits). */
char *spire_person_pseudonym (const char *person_uuid);

/* Erases the person @person_uuid: the person's name becomes the pseudonym,
 * e-mail and phone are cleared, and every text field of every record and
 * every audit entry (who, before, after) that holds the name, e-mail or
 * phone has it replaced by the pseudonym, in one transaction; one audit
 * entry "erase" records that it happened (with no personal data).  Then
 * the file is vacuumed and the WAL emptied, and the copies migrations left
 * beside the file are removed (DESIGN.md: no trace left; a copy that
 * cannot be removed does not undo the erase: it is named in
 * (*@traces)->copies_problem).  With @dry_run nothing changes.
 * *@traces (may be NULL) lists where the data occurred and the copies.
 * JSON backups exported earlier are outside Spire's reach.
 * Errors: SPIRE_ERROR_NOT_FOUND for an unknown person, the store's. */
gboolean spire_person_erase (SpireStore *store, const char *person_uuid, gboolean dry_run,
                             SpirePersonTraces **traces, GError **error);

/* Retention: one person due to be erased. */
typedef struct
{
  char *person;      /* UUID */
  char *name;        /* the person's name now */
  char *cohort;      /* UUID of the cohort whose retention makes it due */
  char *cohort_name;
  char *closed_on;   /* when the cohort closed, "YYYY-MM-DD" */
  char *due_on;      /* closed_on + the cohort's retention_months */
} SpireRetentionItem;

void spire_retention_item_free (SpireRetentionItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireRetentionItem, spire_retention_item_free)

/* The day @cohort closed, "YYYY-MM-DD": its ends_on, or else the day its
 * phase became "closed" (from the audit trail; its updated_at when the trail
 * does not say); NULL while it is open. */
char *spire_cohort_closed_on (SpireStore *store, SpireRecord *cohort);

/* The people due on @today ("YYYY-MM-DD"; NULL for today, UTC): the contact
 * persons and the people of the startups of applications not accepted, in
 * cohorts with a retention whose closed_on + retention_months is on or
 * before @today — unless they also belong to an application that is not
 * due (accepted, or in a cohort still kept), are a panel member or a public
 * body's person, or were erased already.  GPtrArray of SpireRetentionItem,
 * one per person. */
GPtrArray *spire_retention_due (SpireStore *store, const char *today, GError **error);
/* What spire_retention_apply did. */
typedef struct
{
  guint n_erased;   /* how many people */
  /* The copies migrations left beside the file (full paths), removed after
   * the erase (none when nobody was due), as for spire_person_erase. */
  GPtrArray *copies;
  /* A sentence naming each copy that could not be removed and why, for the
   * user; NULL when every one went.  The erase in the database stands. */
  char *copies_problem;
} SpireRetentionResult;

void spire_retention_result_free (SpireRetentionResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireRetentionResult, spire_retention_result_free)

/* Erases everyone spire_retention_due lists, in one transaction, then
 * leaves no trace as spire_person_erase does: the file vacuumed, the WAL
 * emptied, the migrations' copies removed.  *@result (may be NULL) says
 * how many and which copies. */
gboolean spire_retention_apply (SpireStore *store, const char *today,
                                SpireRetentionResult **result, GError **error);

/* The erases as long work (spire-job-private.h), for the window: on the
 * job's own connection, so the VACUUM does not hold up the caller; the
 * caller's store emits "changed::<table>" for the tables changed.
 * Cancelled before it starts, nothing changes; retention checks while it
 * reads the texts (between columns and every few thousand rows) and rolls
 * back (SPIRE_ERROR_CANCELLED), and reports progress over the rows read up
 * to one half (the rest is the VACUUM).  The results are
 * spire_person_erase's traces (never a dry run) and spire_retention_apply's
 * result. */
void spire_person_erase_async (SpireStore *store, const char *person_uuid,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
SpirePersonTraces *spire_person_erase_finish (SpireStore *store, GAsyncResult *result,
                                              GError **error);
/* spire_person_erase's dry run (what the confirmation lists) on a worker:
 * on a large file it reads every text of every record. */
void spire_person_erase_preview_async (SpireStore *store, const char *person_uuid,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
SpirePersonTraces *spire_person_erase_preview_finish (SpireStore *store, GAsyncResult *result,
                                                      GError **error);
void spire_retention_apply_async (SpireStore *store, const char *today,
                                  GCancellable *cancellable, SpireProgressFunc progress,
                                  gpointer progress_data, GAsyncReadyCallback callback,
                                  gpointer user_data);
SpireRetentionResult *spire_retention_apply_finish (SpireStore *store, GAsyncResult *result,
                                                    GError **error);

/* The audit trail: which entries to list (every member may be NULL). */
typedef struct
{
  const char *record; /* entries about the record with this UUID */
  const char *person; /* entries about the person, about records that refer to
                       * them (applications, panel members …) and any whose
                       * before/after names them */
  const char *since;  /* "YYYY-MM-DD": entries on or after that day (UTC) */
  guint limit;        /* 0: all */
} SpireAuditFilter;

/* Audit entries, newest first: GPtrArray of GHashTable (column → string),
 * as spire_store_list_audit gives them (id, at, who, entity, entity_uuid,
 * action, before, after). */
GPtrArray *spire_audit_query (SpireStore *store, const SpireAuditFilter *filter, GError **error);

/* spire_audit_query on the job's own connection (spire-audit-query-async.c);
 * each entry also has "name": its record's display name now, when the
 * record still exists.  @filter is copied. */
void spire_audit_query_async (SpireStore *store, const SpireAuditFilter *filter,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data);
GPtrArray *spire_audit_query_finish (SpireStore *store, GAsyncResult *result, GError **error);

/* Innsyn (offentleglova, forvaltningsloven § 18): a request for access to
 * one application's or a whole cohort's documents (exactly one of
 * @application and @cohort).  @requester NULL: not named; @received_on
 * "YYYY-MM-DD", NULL for today. */
typedef struct
{
  const char *application;
  const char *cohort;
  const char *requester;
  const char *received_on;
} SpireInnsynParams;

/* The legal basis that marks each withheld field, in @t's language:
 * "[Unntatt offentlighet: offl. § 13, jf. fvl. § 13 første ledd nr. 2]". */
const char *spire_innsyn_mark (SpireReportText *t);

/* The innsyn report: per application its fields (every confidential field
 * replaced by spire_innsyn_mark, the contact person left out), its
 * submitted reviews' scores and summaries (panel members numbered, never
 * named: no cohort setting allows naming them), its decisions with their
 * reasons.  *@given and *@withheld (may be NULL) get what it gives and
 * what it withholds as JSON arrays ([{"table","uuid"}],
 * [{"table","uuid","field","basis"}]).  SPIRE_ERROR_NOT_FOUND for an
 * unknown application or cohort, SPIRE_ERROR_INVALID for a bad request. */
SpireReport *spire_innsyn_report (SpireStore *store, const SpireInnsynParams *request,
                                  SpireLanguage lang, char **given, char **withheld,
                                  GError **error);
/* Writes the innsyn report as a PDF at @path (atomically) and records the
 * request (an innsyn_request: who asked, received, answered today, what was
 * given and withheld).  Nothing at @path and nothing recorded after an
 * error.  *@request_uuid (may be NULL) gets the request's UUID. */
gboolean spire_innsyn_export (SpireStore *store, const SpireInnsynParams *request,
                              SpireLanguage lang, const char *path, char **request_uuid,
                              GError **error);
/* spire_innsyn_export as long work (spire-job-private.h): drawn and written
 * on the job's own connection, with progress and cancel (nothing written,
 * nothing recorded then); the caller's store emits
 * "changed::innsyn_requests".  The result is the request's UUID.
 * @request is copied. */
void spire_innsyn_export_async (SpireStore *store, const SpireInnsynParams *request,
                                SpireLanguage lang, const char *path, GCancellable *cancellable,
                                SpireProgressFunc progress, gpointer progress_data,
                                GAsyncReadyCallback callback, gpointer user_data);
char *spire_innsyn_export_finish (SpireStore *store, GAsyncResult *result, GError **error);

G_END_DECLS
