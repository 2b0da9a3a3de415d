/* spire-package.h — panels that work offline, by file
 *
 * The program manager exports an evaluation package per panel member; the
 * panel member opens it in an evaluator database of their own, writes
 * reviews there with the functions of spire-evaluation.h, and exports a
 * score sheet signed under the package's token; the manager imports it.
 * In that order: spire-package-export.c, spire-package-install.c,
 * spire-score-sheet-export.c, spire-score-sheet-import.c; the signature is
 * spire-signature.c's.
 *
 * Evaluation package (JSON):
 *   { "format": "spire-evaluation-package", "version": 1,
 *     "package": "<uuid>", "exported_at": "…Z", "exported_by": "…",
 *     "token": "<64 hex digits>",
 *     "program": {program}, "cohort": {cohort},
 *     "evaluator": {evaluator without token, "name": "…"},
 *     "person": {"uuid": "…", "name": "…"},
 *     "rubric": {rubric}, "criteria": [ {criterion}, … ],
 *     "applications": [ { "assignment": "<uuid>",
 *                         "application": {application, never confidential},
 *                         "startup": {startup}, "contact": {person} | null,
 *                         "challenge": {challenge} | null,
 *                         "owner": {public body} | null }, … ] }
 *   Only the evaluator's assigned applications, never those they have a
 *   conflict of interest with.  In a blind cohort "startup" is a stand-in
 *   ({"uuid": <pseudonym>, "name": "Applicant 4F2A9C"}) and "contact" is
 *   null.  The token is random (32 bytes, as hex), kept on the evaluator
 *   record (created on the first export) and the same for every package to
 *   that evaluator.  Each export is recorded in the manager's database as
 *   a package record (kind "package": uuid = the package id, evaluator,
 *   cohort, rubric_version, criteria and applications as lists of UUIDs,
 *   exported_by, exported_at): that is how an imported sheet's package is
 *   known, and it travels with a spire-backup.  The audit log keeps the
 *   history (entity "evaluator", action "export-package", after =
 *   {"package", "cohort", "rubric", "rubric_version", "exported_at",
 *   "criteria", "applications"}).  A package holds a secret: the file is
 *   written with mode 0600.
 *
 * Score sheet (JSON):
 *   { "format": "spire-score-sheet", "version": 1, "package": "<uuid>",
 *     "cohort": "<uuid>", "evaluator": "<uuid>", "exported_at": "…Z",
 *     "rubric": { "uuid": "…", "version": 1, "criteria": ["<uuid>", …] },
 *     "reviews": [ { "uuid", "application", "state", "recommendation",
 *                    "summary", "submitted_at", "created_at", "updated_at",
 *                    "rubric_version",
 *                    "scores": [ { "criterion", "value" (number or null
 *                                  for N/A), "comment" }, … ] }, … ],
 *     "signature": "<64 lower-case hex digits>" }
 *
 * What is signed: the signature is HMAC-SHA256 with the 32 bytes the token's
 * hex digits stand for as key, over the UTF-8 bytes of the canonical
 * serialisation of the sheet object without its "signature" member:
 *   - no white space anywhere;
 *   - objects: "{" members sorted by the bytes of their names (strcmp),
 *     each as name ":" value, joined by "," "}"; arrays: "[" values
 *     joined by "," "]"; null, true, false as such;
 *   - strings (names too): '"', the UTF-8 bytes as they are except '"'
 *     as \" , '\' as \\ and bytes below 0x20 as \u00XX (lower-case hex),
 *     '"';
 *   - numbers: a whole number of magnitude up to 2^53 in decimal digits
 *     with "-" when negative and no fraction or exponent ("5", not "5.0");
 *     any other as C's "%.17g" with "." as decimal point.
 * The signature is written as the lower-case hex of the 32-byte MAC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "spire-store.h"

G_BEGIN_DECLS

#define SPIRE_PACKAGE_FORMAT "spire-evaluation-package"
#define SPIRE_PACKAGE_VERSION 1
#define SPIRE_SHEET_FORMAT "spire-score-sheet"
#define SPIRE_SHEET_VERSION 1

/* Manager: the package for one panel member of the cohort as JSON text;
 * *@package_id (may be NULL) receives its UUID.  Creates the evaluator's
 * token when missing and records the export.  Refused for observers, a
 * cohort without rubric or criteria, and a member of another cohort. */
char *spire_package_export (SpireStore *store, const char *cohort_uuid,
                            const char *evaluator_uuid, char **package_id, GError **error);
/* The same, written to @path (mode 0600, all or nothing). */
gboolean spire_package_export_file (SpireStore *store, const char *cohort_uuid,
                                    const char *evaluator_uuid, const char *path,
                                    GError **error);

/* Panel member: fills @store, a database of its own, with what the package
 * holds (and nothing else).  A database holding anything but earlier
 * packages of the same panel member and cohort is refused
 * (SPIRE_ERROR_NOT_EMPTY).  Opening a newer package of the same member
 * keeps their reviews; reviews made under an older rubric version become
 * stale drafts to be submitted again.  @name names the file in messages. */
gboolean spire_package_install (SpireStore *store, const char *data, gssize length,
                                const char *name, GError **error);
/* How many applications the package file at @path holds (read as
 * spire_package_open_file () reads it: bounded, checked), or -1 when it
 * cannot be read. */
gint64 spire_package_file_count_applications (const char *path);
/* Where spire_package_open_file() keeps an evaluator database by default:
 * $XDG_DATA_HOME/spire/evaluations/<cohort>-<evaluator>.db */
char *spire_package_default_db_path (const char *cohort_uuid, const char *evaluator_uuid);
/* Opens (creating when missing) the evaluator database @db_path, or the
 * default one when NULL, and installs the package at @package_path in it. */
SpireStore *spire_package_open_file (const char *package_path, const char *db_path,
                                     GError **error);
/* What an evaluator database was made from: the last package opened in it.
 * Any out-argument may be NULL.  SPIRE_ERROR_NOT_FOUND for another kind of
 * database. */
gboolean spire_package_get_info (SpireStore *store, char **package_id, char **cohort_uuid,
                                 char **evaluator_uuid, GError **error);

/* Panel member: the signed score sheet of the evaluator database, with the
 * member's review (draft or submitted) of each assigned application that
 * has one. */
char *spire_package_export_sheet (SpireStore *store, GError **error);
gboolean spire_package_export_sheet_file (SpireStore *store, const char *path, GError **error);

typedef struct
{
  guint added;     /* reviews new to this database */
  guint updated;   /* reviews the sheet brought up to date */
  guint unchanged; /* reviews that were as the sheet has them */
  guint kept;      /* reviews changed later here than in the sheet: left as they are */
} SpireSheetStats;

/* Manager: imports a score sheet, all or nothing.  Refused, changing
 * nothing, when:
 *   - it is not a score sheet (SPIRE_ERROR_PARSE, _FORMAT, _NEWER_VERSION);
 *   - its package was not exported from this database (SPIRE_ERROR_NOT_FOUND);
 *   - it names another panel member than its package (SPIRE_ERROR_REFERENCE);
 *   - its signature does not match (SPIRE_ERROR_SIGNATURE);
 *   - the rubric's version or criteria changed since (SPIRE_ERROR_INVALID);
 *   - a value lies outside the scale (SPIRE_ERROR_INVALID);
 *   - it reviews an application the member is not assigned, or has a
 *     conflict of interest with (SPIRE_ERROR_REFERENCE).
 * A review here that changed later than the sheet's (submitted_at of a
 * submitted review, else updated_at) is never overwritten.  Importing the
 * same sheet again changes nothing. */
gboolean spire_package_import_sheet (SpireStore *store, const char *data, gssize length,
                                     const char *name, SpireSheetStats *stats, GError **error);
gboolean spire_package_import_sheet_file (SpireStore *store, const char *path,
                                          SpireSheetStats *stats, GError **error);

/* The canonical serialisation described above (of @node as it is). */
char *spire_package_canonical_json (JsonNode *node);
/* The signature of @sheet (its "signature" member left out) under @token
 * (64 hex digits), or NULL when the token is not 64 hex digits. */
char *spire_package_sign (JsonObject *sheet, const char *token);

/* What came of one score sheet of spire_package_import_sheets_async (). */
typedef struct
{
  char *path;
  SpireSheetStats stats;
  GError *error; /* NULL when it was imported */
} SpireSheetOutcome;

/* Imports each file with spire_package_import_sheet_file (), each all or
 * nothing on its own, as long work (spire-job-private.h): in a worker
 * thread on a connection of its own, progress per file; @store announces
 * what changed before @callback runs. */
void spire_package_import_sheets_async (SpireStore *store, const char *const *paths,
                                        GCancellable *cancellable, SpireProgressFunc progress,
                                        gpointer progress_data, GAsyncReadyCallback callback,
                                        gpointer user_data);
/* A SpireSheetOutcome for every file, in order; NULL with @error only when
 * the database could not be opened or the work was cancelled. */
GPtrArray *spire_package_import_sheets_finish (SpireStore *store, GAsyncResult *result,
                                               GError **error);

G_END_DECLS
