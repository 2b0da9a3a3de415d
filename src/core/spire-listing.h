/* spire-listing.h — what the window's lists show, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-records.h"
#include "spire-store.h"

G_BEGIN_DECLS

/* spire_store_list () as long work: the records of @kind (where @field is
 * @value when @field is given), in the store's order, read on the job's
 * own connection.  _finish returns a GPtrArray of SpireRecord (owned). */
void spire_store_list_async (SpireStore *store, const SpireKind *kind, const char *field,
                             const char *value, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *spire_store_list_finish (SpireStore *store, GAsyncResult *result, GError **error);

#define SPIRE_LISTING_MAX_COLUMNS 6

/* A directory's column: the field shown, and the one shown when it is
 * empty (NULL: none).  A column without a field shows "". */
typedef struct
{
  const char *field;
  const char *field2;
} SpireListingColumn;

/* One record as a directory shows it, per column: the text people see,
 * its sort key (spire_collate_key, or the ISO date as stored) and, for
 * whole numbers and money, the number (SPIRE_INT_NONE otherwise); and the
 * folded-free search text (the texts one a line, and the organisation
 * number without spaces). */
typedef struct
{
  char *texts[SPIRE_LISTING_MAX_COLUMNS];
  char *keys[SPIRE_LISTING_MAX_COLUMNS];
  gint64 numbers[SPIRE_LISTING_MAX_COLUMNS];
  char *haystack;
} SpireListingRow;

void spire_listing_row_free (SpireListingRow *row);

/* The text people see for @field of @record, in the current language; a
 * reference is named from @names (UUID → display name; NULL: ""). */
char *spire_listing_field_text (const SpireField *field, SpireRecord *record, GHashTable *names);

/* A directory: every record of a kind, for each table its fields refer to
 * every record's display name by UUID, and the rows as shown. */
typedef struct
{
  GPtrArray *records; /* SpireRecord, by the first column (text or date) */
  GHashTable *names;  /* table name (static) → (UUID → display name) */
  /* SpireListingRow, parallel to records, borrowed: each record owns its
   * row as qdata (spire_listing_row_quark ()), set in the worker so that
   * the window sets nothing per row. */
  GPtrArray *rows;
} SpireKindListing;

GQuark spire_listing_row_quark (void);

void spire_kind_listing_free (SpireKindListing *listing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireKindListing, spire_kind_listing_free)

/* @columns: @n_columns (≤ SPIRE_LISTING_MAX_COLUMNS) column specs; their
 * field names must be static (the kind's or literals). */
SpireKindListing *spire_kind_listing_read (SpireStore *store, const SpireKind *kind,
                                           const SpireListingColumn *columns, guint n_columns,
                                           GError **error);
void spire_kind_listing_async (SpireStore *store, const SpireKind *kind,
                               const SpireListingColumn *columns, guint n_columns,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
SpireKindListing *spire_kind_listing_finish (SpireStore *store, GAsyncResult *result,
                                             GError **error);

/* A cohort's application list, ready to show: everything is made once per
 * row here (in the worker), so that the window only hands it to a model. */
typedef struct
{
  GPtrArray *applications;  /* SpireApplication, by title (as the list sorts first) */
  GPtrArray *challenges;    /* the cohort's SpireChallenge */
  GHashTable *status_counts; /* status → count (GUINT_TO_POINTER), as spire_store_count_by */
  /* Parallel to applications: the folded search text (spire_search_fold of
   * title, startup name and challenge title, one per line) and the
   * spire_collate_key of the title.  Borrowed: each application owns its
   * two as qdata (spire_listing_search_text_quark (),
   * spire_listing_title_key_quark ()), set here so that the window sets
   * nothing per row. */
  GPtrArray *search_texts;
  GPtrArray *title_keys;
  /* startup and challenge UUID → spire_collate_key of its display name */
  GHashTable *name_keys;
  /* UUID → display name of the startups the applications name (each
   * once: read in the applications' own query, joined on the cohort, not
   * every startup of the file) and of the challenges; startup UUID →
   * organisation number (where it has one).  Only these, not the startups'
   * records: 40 000 records freed on the main thread would hold a frame. */
  GHashTable *startup_names;
  GHashTable *challenge_titles;
  GHashTable *startup_orgnrs;
} SpireCohortListing;

void spire_cohort_listing_free (SpireCohortListing *listing);
GQuark spire_listing_search_text_quark (void);
/* An application's submitted_at as the local day people read (qdata,
 * made in the worker: the list binds rows as they scroll into view). */
GQuark spire_listing_submitted_quark (void);
/* "2026-03-01T09:12:00Z" → the local day in the current language's way;
 * "" for none. */
char *spire_listing_format_day (const char *iso_utc);
GQuark spire_listing_title_key_quark (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireCohortListing, spire_cohort_listing_free)

/* Reads the listing of @cohort_uuid at once (the work of the _async). */
SpireCohortListing *spire_cohort_listing_read (SpireStore *store, const char *cohort_uuid,
                                               GCancellable *cancellable, GError **error);
void spire_cohort_listing_async (SpireStore *store, const char *cohort_uuid,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
SpireCohortListing *spire_cohort_listing_finish (SpireStore *store, GAsyncResult *result,
                                                 GError **error);

/* Drops a reference to @array (of records, say) in a worker thread, so that
 * the last references to its items are dropped there: freeing 40 000
 * records held the main thread 0.1 s and more.  Nothing else may use the
 * items that only @array holds. */
void spire_listing_unref_in_worker (GPtrArray *array);

G_END_DECLS
