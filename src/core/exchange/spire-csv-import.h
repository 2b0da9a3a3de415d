/* spire-csv-import.h — applications from a form tool's CSV export
 *
 * Form tools (Nettskjema, Google Forms, Microsoft Forms, Excel) export the
 * answers to a call for applications as CSV.  Importing one takes two steps,
 * so that a person can look before anything is written:
 *
 *   1. spire_csv_import_new_from_file () reads the file: the columns (the
 *      header line) and the rows.  spire_csv_import_guess_mapping () maps the
 *      columns whose headers it recognises (English and Norwegian) to the
 *      fields they fill; spire_csv_import_set_mapping () changes that.
 *      spire_csv_import_prepare () then checks everything against the
 *      database, writes nothing, and returns a SpireCsvPreview: the problems
 *      (each with its line and column), what each row would create, and the
 *      counts.
 *   2. spire_csv_import_commit () prepares again and, when no problem is
 *      left, writes all of it in one transaction — or nothing at all.
 *
 * The file: UTF-8 with or without a byte order mark (UTF-16 with a BOM and
 * Windows-1252, as older Excel writes, are converted), “,” “;” or tab as the
 * separator (found from the header line), values in double quotes may hold
 * the separator, line breaks and doubled quotes (""), CRLF or LF line ends.
 * Rows where every value is empty are skipped.
 *
 * What a row makes: a startup (reused when the database already knows its
 * organisation number — or, for a row without one, its name — and made once
 * for all the rows of the file that name it), its contact person (reused by
 * e-mail, or else by name, within the startup), and an application to the
 * cohort with status “received”, that person as contact, and the values of
 * the columns mapped to nothing as its extra answers ({header: value},
 * empty values left out).  An application the cohort already has (same
 * startup, challenge and title) is left as it is, so importing a newer
 * export of the same form adds only the new rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-store.h"

G_BEGIN_DECLS

/* Targets: what a column can fill.  The ids are stable (the CLI's --map
 * option uses them). */
#define SPIRE_CSV_TARGET_IGNORE "ignore" /* left out: not even kept as an extra answer */
#define SPIRE_CSV_STARTUP_NAME "startup.name"
#define SPIRE_CSV_STARTUP_ORGNR "startup.orgnr"
#define SPIRE_CSV_STARTUP_WEBSITE "startup.website"
#define SPIRE_CSV_PERSON_NAME "person.name"
#define SPIRE_CSV_PERSON_EMAIL "person.email"
#define SPIRE_CSV_PERSON_PHONE "person.phone"
#define SPIRE_CSV_APPLICATION_TITLE "application.title"
#define SPIRE_CSV_APPLICATION_PITCH "application.pitch"
#define SPIRE_CSV_APPLICATION_SOLUTION "application.solution"
#define SPIRE_CSV_APPLICATION_CHALLENGE "application.challenge" /* a challenge's title */
#define SPIRE_CSV_APPLICATION_SUBMITTED_AT "application.submitted_at"

typedef struct
{
  const char *id;    /* "startup.orgnr" */
  const char *label; /* N_(): show with _(), e.g. “Organisation number of the startup” */
} SpireCsvTarget;

/* Every target, SPIRE_CSV_TARGET_IGNORE last. */
const SpireCsvTarget *spire_csv_targets (guint *n_targets);
/* The translated label of a target id, or NULL for an unknown id. */
const char *spire_csv_target_label (const char *id);

#define SPIRE_TYPE_CSV_IMPORT (spire_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (SpireCsvImport, spire_csv_import, SPIRE, CSV_IMPORT, GObject)

/* Reads the file.  Errors: SPIRE_ERROR_IO (cannot read), SPIRE_ERROR_PARSE
 * (empty, a quote that is never closed or stands where it may not — with
 * the line), SPIRE_ERROR_FORMAT (not text, e.g. a spreadsheet saved as
 * .xlsx).  A row with the wrong number of values is not an error here: the
 * preview reports it with its line. */
SpireCsvImport *spire_csv_import_new_from_file (const char *path, GError **error);
/* @name names the data in messages and in the audit entry (e.g. the file's
 * name); NULL gives “The CSV file”. */
SpireCsvImport *spire_csv_import_new_from_data (const char *data, gssize length,
                                                const char *name, GError **error);

const char *spire_csv_import_get_name (SpireCsvImport *self);
/* ',' ';' or '\t' */
char spire_csv_import_get_separator (SpireCsvImport *self);

/* The header line's names, one per column (an empty header is named
 * “Column 3”). */
guint spire_csv_import_get_n_columns (SpireCsvImport *self);
const char *spire_csv_import_get_column (SpireCsvImport *self, guint column);
/* The first column with this header (compared as people would: case,
 * accents and punctuation do not matter), or -1. */
int spire_csv_import_find_column (SpireCsvImport *self, const char *header);

/* The data rows, not counting the header line. */
guint spire_csv_import_get_n_rows (SpireCsvImport *self);
/* The line of the file where the row starts (the header is line 1; a value
 * with line breaks makes a row span several lines). */
guint spire_csv_import_get_row_line (SpireCsvImport *self, guint row);
/* How many values the row has (should be the number of columns). */
guint spire_csv_import_get_row_n_values (SpireCsvImport *self, guint row);
/* The value as written (line breaks as "\n"), "" for an empty one, NULL past
 * the end of a short row. */
const char *spire_csv_import_get_value (SpireCsvImport *self, guint row, guint column);

/* Maps every column whose header it recognises and that is not mapped yet
 * ("Bedriftsnavn", "Org.nr", "E-post", "Innsendt", "Company", "Email" …); a
 * target already taken by an earlier column is not given twice.  Returns
 * how many columns it mapped. */
guint spire_csv_import_guess_mapping (SpireCsvImport *self);
/* Maps @column to @target (a SPIRE_CSV_* id), or to nothing (NULL: the
 * column's values become extra answers).  A target holds one column: a
 * column that had it before is mapped to nothing.  FALSE (and no change)
 * for an unknown target. */
gboolean spire_csv_import_set_mapping (SpireCsvImport *self, guint column, const char *target);
/* The column's target id, or NULL. */
const char *spire_csv_import_get_mapping (SpireCsvImport *self, guint column);
/* The column mapped to @target, or -1. */
int spire_csv_import_get_target_column (SpireCsvImport *self, const char *target);
void spire_csv_import_clear_mapping (SpireCsvImport *self);

/* The preview */

typedef struct
{
  guint line;     /* where the row starts; 0 for the file as a whole */
  int column;     /* the column, or -1 when no one column is at fault */
  char *header;   /* that column's header, or NULL */
  char *message;  /* what is wrong and what to do (translated) */
  char *text;     /* all of it: “line 7, “Organisasjonsnummer”: the check digit is wrong; …” */
} SpireCsvProblem;

typedef enum
{
  SPIRE_CSV_MATCH_NONE,    /* nothing: the row names no contact person */
  SPIRE_CSV_MATCH_NEW,     /* will be created by this row */
  SPIRE_CSV_MATCH_EARLIER, /* will be created by an earlier row of the file */
  SPIRE_CSV_MATCH_KNOWN,   /* already in the database: reused (an application: left as it is) */
} SpireCsvMatch;

typedef struct
{
  guint row;                 /* index into the import's rows */
  guint line;
  SpireCsvMatch startup;
  char *startup_name;
  char *startup_orgnr;       /* 9 digits, or NULL */
  SpireCsvMatch person;
  char *person_name;
  char *person_email;
  SpireCsvMatch application; /* NEW, or KNOWN when the cohort already has it */
  char *title;
  char *challenge;           /* the challenge's title as Spire knows it, or NULL */
  char *submitted_at;        /* "YYYY-MM-DDTHH:MM:SSZ", or NULL */
  guint n_problems;          /* problems on this row (the row is not counted below) */
} SpireCsvRow;

typedef struct
{
  guint rows;               /* data rows read */
  guint startups_new;       /* startups that will be (or were) created */
  guint startups_known;     /* startups found in the database (by orgnr, or by name) */
  guint startups_completed; /* known startups whose empty website is filled in */
  guint persons_new;
  guint persons_known;
  guint applications_new;
  guint applications_known; /* already in the cohort: left as they are */
} SpireCsvCounts;

typedef struct _SpireCsvPreview SpireCsvPreview;

struct _SpireCsvPreview
{
  SpireCsvCounts counts;
  GPtrArray *problems; /* SpireCsvProblem*: the file's own first, then by line */
  GPtrArray *rows;     /* SpireCsvRow*: one per row of the file, in order */
};

#define SPIRE_TYPE_CSV_PREVIEW (spire_csv_preview_get_type ())
GType spire_csv_preview_get_type (void);
SpireCsvPreview *spire_csv_preview_ref (SpireCsvPreview *preview);
void spire_csv_preview_unref (SpireCsvPreview *preview);
/* “3 new startups, 2 already known, 5 new people, 5 applications” (translated) */
char *spire_csv_preview_describe (SpireCsvPreview *preview);

/* Checks every row against @store and the cohort @cohort_uuid (its
 * challenges) without writing anything.  Returns NULL only when the check
 * could not be made (no such cohort: SPIRE_ERROR_NOT_FOUND; the database
 * failed; cancelled: SPIRE_ERROR_CANCELLED); problems in the file are in the
 * preview. */
SpireCsvPreview *spire_csv_import_prepare (SpireCsvImport *self, SpireStore *store,
                                           const char *cohort_uuid,
                                           GCancellable *cancellable, GError **error);

/* Prepares again and, when there is no problem, creates the startups,
 * people and applications in one transaction with one audit entry (entity
 * "cohort", action "import-csv").  Refuses with SPIRE_ERROR_INVALID (the
 * first problems and how many there are) when a problem remains; on any
 * error, cancellation (SPIRE_ERROR_CANCELLED) included, the database is
 * exactly as before.  @stats (may be NULL) receives what was done.  The
 * import itself is not changed, so this may run in a worker thread while
 * nothing else changes the mapping. */
gboolean spire_csv_import_commit (SpireCsvImport *self, SpireStore *store,
                                  const char *cohort_uuid, SpireCsvCounts *stats,
                                  SpireProgressFunc progress, gpointer progress_data,
                                  GCancellable *cancellable, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireCsvPreview, spire_csv_preview_unref)

/* spire_csv_import_prepare () and _commit () as long work
 * (spire-job-private.h): in a worker thread on a connection of their own,
 * with progress (commit) and cancel; @store announces what changed before
 * @callback runs.  Nothing may change @self's mapping meanwhile. */
void spire_csv_import_prepare_async (SpireCsvImport *self, SpireStore *store,
                                     const char *cohort_uuid, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data);
SpireCsvPreview *spire_csv_import_prepare_finish (SpireStore *store, GAsyncResult *result,
                                                  GError **error);
void spire_csv_import_commit_async (SpireCsvImport *self, SpireStore *store,
                                    const char *cohort_uuid, GCancellable *cancellable,
                                    SpireProgressFunc progress, gpointer progress_data,
                                    GAsyncReadyCallback callback, gpointer user_data);
gboolean spire_csv_import_commit_finish (SpireStore *store, GAsyncResult *result,
                                         SpireCsvCounts *stats, GError **error);

G_END_DECLS
