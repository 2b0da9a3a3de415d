/* spire-csv-import-private.h — the CSV import's insides, for its files
 *
 * SpireCsvImport is read in spire-csv-import.c (libcsv, encodings, the
 * header mapping), its rows are checked and planned in spire-csv-prepare.c
 * and spire-csv-rows.c, and the plan is written in spire-csv-commit.c.
 * This header is what those files share; nothing outside them includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-csv-import.h"
#include "spire-store.h"

G_BEGIN_DECLS

/* How often (in rows) progress is reported and cancellation looked at. */
#define SPIRE_CSV_STEP 64

typedef enum
{
  T_STARTUP_NAME,
  T_STARTUP_ORGNR,
  T_STARTUP_WEBSITE,
  T_PERSON_NAME,
  T_PERSON_EMAIL,
  T_PERSON_PHONE,
  T_APPLICATION_TITLE,
  T_APPLICATION_PITCH,
  T_APPLICATION_SOLUTION,
  T_APPLICATION_CHALLENGE,
  T_APPLICATION_SUBMITTED_AT,
  T_IGNORE,
  N_TARGETS
} TargetIndex;

typedef struct
{
  guint line;
  guint n_values;
  char **values;
} Row;

struct _SpireCsvImport
{
  GObject parent_instance;

  char *name;
  char separator;
  GPtrArray *columns; /* char* */
  GPtrArray *rows;    /* Row* */
  int *mapping;       /* per column: a TargetIndex, or -1 */
};

int _spire_csv_target_index (const char *id);
/* A name compared as people would (for startups without an orgnr). */
char *_spire_csv_name_key (const char *name);

/* The preview and its plan */

typedef struct
{
  SpireRecord *record;
  guint line;
} Write;

typedef struct
{
  SpireCsvPreview pub; /* first: a SpireCsvPreview* is a Plan* */
  gatomicrefcount ref;
  GPtrArray *writes; /* Write*: startups, then persons, then applications */
} Plan;

/* Preparing */

typedef struct
{
  SpireRecord *record; /* owned: a new record, or a copy of the stored one */
  SpireCsvMatch match; /* NEW or KNOWN */
  gboolean queued;     /* already among the writes */
  gboolean dirty;      /* a known record that the import completes */
  guint line;          /* the row that made or first used it */
} Planned;

typedef struct
{
  SpireCsvImport *self;
  SpireStore *store;
  Plan *plan;
  const char *cohort_uuid;
  GTimeZone *oslo;
  int col[N_TARGETS];
  char **extra_keys;           /* per column: its key among the extra answers */
  gboolean no_startup_columns; /* neither name nor orgnr mapped */

  GPtrArray *keep;             /* SpireRecord*: owns what the tables below borrow */
  GHashTable *db_startup_by_orgnr; /* digits → SpireRecord* */
  GHashTable *db_startup_by_name;  /* name_key → SpireRecord* */
  GHashTable *db_persons;          /* "startup uuid\nkey" → SpireRecord* */
  GHashTable *db_applications;     /* "startup\nchallenge\ntitle" → itself */
  GHashTable *challenges;          /* name_key (title) → SpireRecord* */
  GString *challenge_titles;       /* “A”, “B” — for messages */

  GPtrArray *planned;              /* Planned*: owns */
  GHashTable *startup_by_orgnr;    /* digits → Planned* */
  GHashTable *startup_by_name;     /* name_key → Planned* */
  GHashTable *person_by_key;       /* "startup uuid\nkey" → Planned* */
  GPtrArray *startup_writes, *person_writes, *application_writes; /* Write* */
  GHashTable *planned_by_uuid;     /* uuid → Planned* */
  GHashTable *file_applications;   /* "startup\nchallenge\ntitle" → the line planning it */
} Prep;

/* The plan of @self's rows for the cohort, or NULL with @error set. */
Plan *_spire_csv_prepare (SpireCsvImport *self, SpireStore *store, const char *cohort_uuid,
                          GCancellable *cancellable, GError **error);
void _spire_csv_prepare_row (Prep *p, guint index);
/* Takes @message. */
void _spire_csv_add_problem (Prep *p, SpireCsvRow *row, guint line, int column, char *message);
char *_spire_csv_application_key (const char *startup, const char *challenge, const char *title);
char *_spire_csv_person_key (const char *startup, const char *email, const char *name);

/* What an _async job of the import holds. */
typedef struct
{
  SpireCsvImport *import;
  char *cohort;
} CsvJob;

CsvJob *_spire_csv_job_new (SpireCsvImport *import, const char *cohort_uuid);
void _spire_csv_job_free (gpointer data);

G_END_DECLS
