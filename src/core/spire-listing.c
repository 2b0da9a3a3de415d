/* spire-listing.c — what the window's lists show, read off the main thread
 *
 * A list of thousands of rows is read, and its sort keys and search texts
 * made, in a worker (the one shape of long work, spire-job-private.h), so
 * that the main thread only hands ready rows to a model: issue 11's rule
 * that nothing longer than a frame runs there.  Each key is made once per
 * row, never in a comparison.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-listing"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-error.h"
#include "spire-job-private.h"
#include "spire-kommune.h"
#include "spire-listing.h"
#include "spire-orgform.h"
#include "spire-text.h"

/* Any kind's records */

typedef struct
{
  const SpireKind *kind;
  char *field, *value;
} ListJob;

static void
list_job_free (gpointer data)
{
  ListJob *d = data;

  g_free (d->field);
  g_free (d->value);
  g_free (d);
}

static gboolean
list_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  ListJob *d = data;
  GPtrArray *records = spire_store_list (store, d->kind, d->field, d->value, error);

  *result = records;
  return records != NULL;
}

void
spire_store_list_async (SpireStore *store, const SpireKind *kind, const char *field,
                        const char *value, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  ListJob *d;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (kind != NULL);

  d = g_new0 (ListJob, 1);
  d->kind = kind;
  d->field = g_strdup (field);
  d->value = g_strdup (value);
  _spire_job_run (store, spire_store_list_async, list_job, d, list_job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

GPtrArray *
spire_store_list_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer records = NULL;

  _spire_job_finish (store, result, spire_store_list_async, &records, error);
  return records;
}

/* A directory */

char *
spire_listing_field_text (const SpireField *f, SpireRecord *record, GHashTable *names)
{
  SpireLanguage lang = spire_language_current ();
  const char *text = NULL;

  if (f == NULL || spire_record_is_null (record, f->name))
    return g_strdup ("");
  if (f->type != SPIRE_FIELD_INT && f->type != SPIRE_FIELD_MONEY && f->type != SPIRE_FIELD_REAL &&
      f->type != SPIRE_FIELD_BOOL)
    text = spire_record_get_text (record, f->name);
  switch (f->type)
    {
    case SPIRE_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, spire_record_get_int (record, f->name));
    case SPIRE_FIELD_MONEY:
      return spire_format_money (spire_record_get_int (record, f->name), lang);
    case SPIRE_FIELD_REAL:
      return spire_format_number (spire_record_get_real (record, f->name), 2, lang);
    case SPIRE_FIELD_BOOL:
      return g_strdup (spire_record_get_bool (record, f->name) ? _("Yes") : _("No"));
    case SPIRE_FIELD_DATE:
      return spire_format_date (text, lang);
    case SPIRE_FIELD_TIME:
      return spire_format_timestamp (text, lang);
    case SPIRE_FIELD_ENUM:
      return g_strdup (spire_field_value_label (f, text));
    case SPIRE_FIELD_REF:
      {
        const char *name = names ? g_hash_table_lookup (names, text) : NULL;

        return g_strdup (name ? name : "");
      }
    case SPIRE_FIELD_TEXT:
      if (g_str_equal (f->name, "orgnr"))
        return spire_format_orgnr (text);
      if (g_str_equal (f->name, "kommunenummer"))
        return g_strdup (spire_kommune_name (text));
      if (g_str_equal (f->name, "organisasjonsform") && spire_orgform_name (text))
        return g_strdup_printf ("%s – %s", text, spire_orgform_name (text));
      return g_strdup (text ? text : "");
    default:
      return g_strdup (text ? text : "");
    }
}

void
spire_listing_row_free (SpireListingRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < SPIRE_LISTING_MAX_COLUMNS; i++)
    {
      g_free (row->texts[i]);
      g_free (row->keys[i]);
    }
  g_free (row->haystack);
  g_free (row);
}

static char *
column_text (const SpireKind *kind, const SpireField *f, SpireRecord *record, GHashTable *names)
{
  return spire_listing_field_text (f, record, f && f->type == SPIRE_FIELD_REF
                                                ? g_hash_table_lookup (names, f->ref_table)
                                                : NULL);
}

static SpireListingRow *
make_row (const SpireKind *kind, const SpireListingColumn *columns, guint n_columns,
          SpireRecord *record, GHashTable *names)
{
  SpireListingRow *row = g_new0 (SpireListingRow, 1);
  GString *haystack = g_string_new (NULL);

  for (guint c = 0; c < SPIRE_LISTING_MAX_COLUMNS; c++)
    {
      const SpireField *f = c < n_columns && columns[c].field
                              ? spire_kind_field (kind, columns[c].field) : NULL;
      g_autofree char *text = NULL;

      row->numbers[c] = SPIRE_INT_NONE;
      if (f == NULL)
        {
          row->texts[c] = g_strdup ("");
          row->keys[c] = g_strdup ("");
          continue;
        }
      text = column_text (kind, f, record, names);
      if (*text == '\0' && columns[c].field2)
        {
          g_free (text);
          text = column_text (kind, spire_kind_field (kind, columns[c].field2), record, names);
        }
      if ((f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_MONEY) &&
          !spire_record_is_null (record, f->name))
        row->numbers[c] = spire_record_get_int (record, f->name);
      if (f->type == SPIRE_FIELD_DATE)
        row->keys[c] = g_strdup (spire_record_is_null (record, f->name)
                                   ? "" : spire_record_get_text (record, f->name));
      else
        row->keys[c] = spire_collate_key (text);
      if (*text)
        {
          g_string_append (haystack, text);
          g_string_append_c (haystack, '\n');
        }
      row->texts[c] = g_steal_pointer (&text);
    }
  /* The organisation number is found with or without its spaces. */
  if (spire_kind_field (kind, "orgnr") && !spire_record_is_null (record, "orgnr"))
    g_string_append (haystack, spire_record_get_text (record, "orgnr"));
  row->haystack = g_string_free (haystack, FALSE);
  return row;
}

void
spire_kind_listing_free (SpireKindListing *listing)
{
  if (listing == NULL)
    return;
  g_clear_pointer (&listing->records, g_ptr_array_unref);
  g_clear_pointer (&listing->names, g_hash_table_unref);
  g_clear_pointer (&listing->rows, g_ptr_array_unref);
  g_free (listing);
}

/* UUID → display name of every record of @table. */
static GHashTable *
names_of (SpireStore *store, const char *table, GError **error)
{
  const SpireKind *kind = spire_kind_lookup (table);
  g_autoptr (GPtrArray) records = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (kind == NULL)
    return names;
  records = spire_store_list (store, kind, NULL, NULL, error);
  if (records == NULL)
    {
      g_hash_table_unref (names);
      return NULL;
    }
  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (names, g_strdup (spire_record_get_uuid (records->pdata[i])),
                         g_strdup (spire_record_get_display_name (records->pdata[i])));
  return names;
}

/* A directory's first order: by its first column as the list sorts a
 * text (its key, empty last, then the text), made here so that the
 * window's sort finds the rows in order.  Stable. */
static int
compare_first_column (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GPtrArray *rows = user_data;
  const SpireListingRow *x = rows->pdata[*(const guint *) a];
  const SpireListingRow *y = rows->pdata[*(const guint *) b];
  int r;

  if (*x->keys[0] == '\0' || *y->keys[0] == '\0')
    return (*x->keys[0] == '\0') - (*y->keys[0] == '\0');
  r = strcmp (x->keys[0], y->keys[0]);
  return r != 0 ? r : g_strcmp0 (x->texts[0], y->texts[0]);
}

static void
sort_by_first_column (SpireKindListing *listing, const SpireKind *kind,
                      const SpireListingColumn *columns, guint n_columns)
{
  const SpireField *f = n_columns > 0 && columns[0].field
                          ? spire_kind_field (kind, columns[0].field) : NULL;
  guint n = listing->records->len;
  g_autofree guint *order = NULL;
  g_autofree gpointer *records = NULL;
  g_autofree gpointer *rows = NULL;

  /* Numbers sort as numbers: left to the list. */
  if (f == NULL || f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_MONEY)
    return;
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_first_column, listing->rows);
  records = g_memdup2 (listing->records->pdata, n * sizeof (gpointer));
  rows = g_memdup2 (listing->rows->pdata, n * sizeof (gpointer));
  for (guint i = 0; i < n; i++)
    {
      listing->records->pdata[i] = records[order[i]];
      listing->rows->pdata[i] = rows[order[i]];
    }
}

SpireKindListing *
spire_kind_listing_read (SpireStore *store, const SpireKind *kind,
                         const SpireListingColumn *columns, guint n_columns, GError **error)
{
  g_autoptr (SpireKindListing) listing = g_new0 (SpireKindListing, 1);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  listing->records = spire_store_list (store, kind, NULL, NULL, error);
  if (listing->records == NULL)
    return NULL;
  listing->names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      GHashTable *table;

      if (f->type != SPIRE_FIELD_REF || g_hash_table_contains (listing->names, f->ref_table))
        continue;
      table = names_of (store, f->ref_table, error);
      if (table == NULL)
        return NULL;
      g_hash_table_insert (listing->names, (gpointer) f->ref_table, table);
    }
  listing->rows = g_ptr_array_sized_new (listing->records->len);
  for (guint i = 0; i < listing->records->len; i++)
    {
      SpireListingRow *row = make_row (kind, columns, n_columns, listing->records->pdata[i],
                                       listing->names);

      g_object_set_qdata_full (listing->records->pdata[i], spire_listing_row_quark (), row,
                               (GDestroyNotify) spire_listing_row_free);
      g_ptr_array_add (listing->rows, row);
    }
  sort_by_first_column (listing, kind, columns, n_columns);
  return g_steal_pointer (&listing);
}

typedef struct
{
  const SpireKind *kind;
  SpireListingColumn columns[SPIRE_LISTING_MAX_COLUMNS];
  guint n_columns;
} KindJob;

static gboolean
kind_listing_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
                  GError **error)
{
  KindJob *d = data;
  SpireKindListing *listing = spire_kind_listing_read (store, d->kind, d->columns, d->n_columns,
                                                       error);

  /* A listing no one waits for any more is freed here, not on the main
   * thread (tens of thousands of records). */
  if (listing && g_cancellable_is_cancelled (_spire_job_get_cancellable (job)))
    {
      spire_kind_listing_free (listing);
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED, _("Cancelled"));
      return FALSE;
    }
  *result = listing;
  return listing != NULL;
}

void
spire_kind_listing_async (SpireStore *store, const SpireKind *kind,
                          const SpireListingColumn *columns, guint n_columns,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  KindJob *d;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (n_columns <= SPIRE_LISTING_MAX_COLUMNS);

  d = g_new0 (KindJob, 1);
  d->kind = kind;
  d->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    d->columns[i] = columns[i];
  _spire_job_run (store, spire_kind_listing_async, kind_listing_job, d, g_free,
                  (GDestroyNotify) spire_kind_listing_free, cancellable, NULL, NULL, callback,
                  user_data);
}

SpireKindListing *
spire_kind_listing_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer listing = NULL;

  _spire_job_finish (store, result, spire_kind_listing_async, &listing, error);
  return listing;
}

/* A cohort's applications */

void
spire_cohort_listing_free (SpireCohortListing *listing)
{
  if (listing == NULL)
    return;
  g_clear_pointer (&listing->applications, g_ptr_array_unref);
  g_clear_pointer (&listing->challenges, g_ptr_array_unref);
  g_clear_pointer (&listing->status_counts, g_hash_table_unref);
  g_clear_pointer (&listing->search_texts, g_ptr_array_unref);
  g_clear_pointer (&listing->title_keys, g_ptr_array_unref);
  g_clear_pointer (&listing->name_keys, g_hash_table_unref);
  g_clear_pointer (&listing->startup_names, g_hash_table_unref);
  g_clear_pointer (&listing->challenge_titles, g_hash_table_unref);
  g_clear_pointer (&listing->startup_orgnrs, g_hash_table_unref);
  g_free (listing);
}

G_DEFINE_QUARK (spire-listing-row, spire_listing_row)
G_DEFINE_QUARK (spire-listing-search-text, spire_listing_search_text)
G_DEFINE_QUARK (spire-listing-submitted, spire_listing_submitted)

char *
spire_listing_format_day (const char *iso_utc)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (iso_utc == NULL || *iso_utc == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return spire_format_date (iso_utc, spire_language_current ());
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  return spire_format_date (day, spire_language_current ());
}
G_DEFINE_QUARK (spire-listing-title-key, spire_listing_title_key)

static const char *
name_of (GHashTable *by_uuid, const char *uuid)
{
  SpireRecord *record = uuid ? g_hash_table_lookup (by_uuid, uuid) : NULL;

  return record ? spire_record_get_display_name (record) : "";
}

/* The startups the applications name, each once, and every name's key. */
static void
keep_named (SpireCohortListing *listing, GPtrArray *named, GHashTable *startups,
            GHashTable *challenges)
{
  for (guint i = 0; i < listing->applications->len; i++)
    {
      SpireRecord *app = listing->applications->pdata[i];
      const char *startup = spire_record_get_text (app, "startup");

      if (startup && g_hash_table_contains (startups, startup) &&
          !g_hash_table_contains (listing->name_keys, startup))
        {
          g_ptr_array_add (named, g_hash_table_lookup (startups, startup));
          g_hash_table_insert (listing->name_keys, g_strdup (startup),
                               spire_collate_key (name_of (startups, startup)));
        }
    }
  for (guint i = 0; i < listing->challenges->len; i++)
    {
      SpireRecord *challenge = listing->challenges->pdata[i];

      g_hash_table_insert (listing->name_keys, g_strdup (spire_record_get_uuid (challenge)),
                           spire_collate_key (spire_record_get_display_name (challenge)));
    }
  for (guint i = 0; i < listing->applications->len; i++)
    {
      SpireRecord *app = listing->applications->pdata[i];
      g_autofree char *text = g_strjoin ("\n", spire_record_get_display_name (app),
                                         name_of (startups, spire_record_get_text (app, "startup")),
                                         name_of (challenges,
                                                  spire_record_get_text (app, "challenge")),
                                         NULL);
      char *folded = spire_search_fold (text);
      char *key = spire_collate_key (spire_record_get_text (app, "title"));

      g_object_set_qdata_full (G_OBJECT (app), spire_listing_search_text_quark (), folded, g_free);
      g_object_set_qdata_full (G_OBJECT (app), spire_listing_title_key_quark (), key, g_free);
      g_object_set_qdata_full (G_OBJECT (app), spire_listing_submitted_quark (),
                               spire_listing_format_day (spire_record_get_text (app,
                                                                                "submitted_at")),
                               g_free);
      g_ptr_array_add (listing->search_texts, folded);
      g_ptr_array_add (listing->title_keys, key);
    }
}

/* What the list looks names up in, made here rather than per load on the
 * main thread (40 000 rows name as many startups). */
static void
make_lookups (SpireCohortListing *listing, GPtrArray *named)
{
  listing->startup_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listing->challenge_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listing->startup_orgnrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < named->len; i++)
    {
      SpireRecord *s = named->pdata[i];

      g_hash_table_insert (listing->startup_names, g_strdup (spire_record_get_uuid (s)),
                           g_strdup (spire_record_get_display_name (s)));
      if (!spire_record_is_null (s, "orgnr"))
        g_hash_table_insert (listing->startup_orgnrs, g_strdup (spire_record_get_uuid (s)),
                             g_strdup (spire_record_get_text (s, "orgnr")));
    }
  for (guint i = 0; i < listing->challenges->len; i++)
    g_hash_table_insert (listing->challenge_titles,
                         g_strdup (spire_record_get_uuid (listing->challenges->pdata[i])),
                         g_strdup (spire_record_get_display_name (listing->challenges->pdata[i])));
}

/* The list's first order (by title, as its column sorts: the key, then
 * the text), made here so that the window's sort finds the rows in order
 * and moves none.  Stable: equal titles stay in the store's order. */
typedef struct
{
  const char *key, *title;
  guint index;
} TitleOrder;

static int
compare_title_order (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const TitleOrder *x = a, *y = b;
  int r = strcmp (x->key, y->key);

  return r != 0 ? r : g_strcmp0 (x->title, y->title);
}

static void
sort_by_title (SpireCohortListing *listing)
{
  guint n = listing->applications->len;
  g_autofree TitleOrder *order = g_new (TitleOrder, n);
  g_autofree gpointer *apps = g_memdup2 (listing->applications->pdata, n * sizeof (gpointer));
  g_autofree gpointer *texts = g_memdup2 (listing->search_texts->pdata, n * sizeof (gpointer));
  g_autofree gpointer *keys = g_memdup2 (listing->title_keys->pdata, n * sizeof (gpointer));

  for (guint i = 0; i < n; i++)
    order[i] = (TitleOrder) { keys[i], spire_record_get_text (apps[i], "title"), i };
  g_qsort_with_data (order, (gint) n, sizeof (TitleOrder),
                     compare_title_order, NULL);
  for (guint i = 0; i < n; i++)
    {
      listing->applications->pdata[i] = apps[order[i].index];
      listing->search_texts->pdata[i] = texts[order[i].index];
      listing->title_keys->pdata[i] = keys[order[i].index];
    }
}

static GHashTable *
by_uuid (GPtrArray *records)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (table, (gpointer) spire_record_get_uuid (records->pdata[i]),
                         records->pdata[i]);
  return table;
}

SpireCohortListing *
spire_cohort_listing_read (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                           GError **error)
{
  g_autoptr (SpireCohortListing) listing = g_new0 (SpireCohortListing, 1);
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GHashTable) startup_table = NULL;
  g_autoptr (GHashTable) challenge_table = NULL;
  g_autoptr (GPtrArray) named = NULL; /* the startups named, borrowed from @startups */

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);

  listing->applications = spire_store_list (store, &spire_kind_application, "cohort", cohort_uuid,
                                            error);
  if (listing->applications == NULL)
    return NULL;
  listing->challenges = spire_store_list (store, &spire_kind_challenge, "cohort", cohort_uuid,
                                          error);
  if (listing->challenges == NULL)
    return NULL;
  listing->status_counts = spire_store_count_by (store, &spire_kind_application, "status",
                                                 "cohort", cohort_uuid, error);
  if (listing->status_counts == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  startups = spire_store_list (store, &spire_kind_startup, NULL, NULL, error);
  if (startups == NULL)
    return NULL;
  startup_table = by_uuid (startups);
  challenge_table = by_uuid (listing->challenges);
  named = g_ptr_array_new ();
  listing->search_texts = g_ptr_array_sized_new (listing->applications->len);
  listing->title_keys = g_ptr_array_sized_new (listing->applications->len);
  listing->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  keep_named (listing, named, startup_table, challenge_table);
  sort_by_title (listing);
  make_lookups (listing, named);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&listing);
}

static gboolean
cohort_listing_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
                    GError **error)
{
  g_autoptr (GError) local = NULL;

  *result = spire_cohort_listing_read (store, data, _spire_job_get_cancellable (job), &local);
  if (*result != NULL)
    return TRUE;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED, local->message);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

void
spire_cohort_listing_async (SpireStore *store, const char *cohort_uuid,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_cohort_listing_async, cohort_listing_job, g_strdup (cohort_uuid),
                  g_free, (GDestroyNotify) spire_cohort_listing_free, cancellable, NULL, NULL,
                  callback, user_data);
}

SpireCohortListing *
spire_cohort_listing_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer listing = NULL;

  _spire_job_finish (store, result, spire_cohort_listing_async, &listing, error);
  return listing;
}

static void
unref_thread_cb (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_ptr_array_unref (data);
  g_task_return_boolean (task, TRUE);
}

void
spire_listing_unref_in_worker (GPtrArray *array)
{
  g_autoptr (GTask) task = NULL;

  if (array == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, array, NULL);
  g_task_run_in_thread (task, unref_thread_cb);
}
