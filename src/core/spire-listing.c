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
#include "spire-store-private.h"
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

/* spire_listing_field_text () in @lang (a directory asks once, not per
 * cell). */
static char *
field_text_in (const SpireField *f, SpireRecord *record, GHashTable *names, SpireLanguage lang)
{
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

char *
spire_listing_field_text (const SpireField *f, SpireRecord *record, GHashTable *names)
{
  return field_text_in (f, record, names, spire_language_current ());
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

/* What the rows of one directory are made with: each column's fields
 * (looked up once, not per row), the language, the names referred to.  A
 * column's texts repeat (a municipality, a sector, a head count): each
 * distinct text's key is made once (@key_cache, per column: text → key). */
typedef struct
{
  const SpireKind *kind;
  const SpireField *fields[SPIRE_LISTING_MAX_COLUMNS];
  const SpireField *fields2[SPIRE_LISTING_MAX_COLUMNS];
  GHashTable *names;
  SpireLanguage lang;
  gboolean has_orgnr;
  GHashTable *key_cache[SPIRE_LISTING_MAX_COLUMNS];
} RowMaker;

static void
row_maker_init (RowMaker *m, const SpireKind *kind, const SpireListingColumn *columns,
                guint n_columns, GHashTable *names)
{
  *m = (RowMaker) { .kind = kind, .names = names, .lang = spire_language_current () };
  for (guint c = 0; c < n_columns && c < SPIRE_LISTING_MAX_COLUMNS; c++)
    {
      m->fields[c] = columns[c].field ? spire_kind_field (kind, columns[c].field) : NULL;
      m->fields2[c] = columns[c].field2 ? spire_kind_field (kind, columns[c].field2) : NULL;
    }
  m->has_orgnr = spire_kind_field (kind, "orgnr") != NULL;
}

static void
row_maker_clear (RowMaker *m)
{
  for (guint c = 0; c < SPIRE_LISTING_MAX_COLUMNS; c++)
    g_clear_pointer (&m->key_cache[c], g_hash_table_unref);
}

static char *
column_text (RowMaker *m, const SpireField *f, SpireRecord *record)
{
  return field_text_in (f, record, f && f->type == SPIRE_FIELD_REF
                                     ? g_hash_table_lookup (m->names, f->ref_table) : NULL,
                        m->lang);
}

static char *
cached_key (RowMaker *m, guint c, const char *text)
{
  const char *key;

  if (*text == '\0')
    return g_strdup ("");
  if (m->key_cache[c] == NULL)
    m->key_cache[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  key = g_hash_table_lookup (m->key_cache[c], text);
  if (key == NULL)
    {
      key = spire_collate_key (text);
      g_hash_table_insert (m->key_cache[c], g_strdup (text), (char *) key);
    }
  return g_strdup (key);
}

/* @first_key: the key of the first column's text when the store made it
 * for its sort (that column is the display field), or NULL. */
static SpireListingRow *
make_row (RowMaker *m, SpireRecord *record, const char *first_key)
{
  SpireListingRow *row = g_new0 (SpireListingRow, 1);
  GString *haystack = g_string_new (NULL);

  for (guint c = 0; c < SPIRE_LISTING_MAX_COLUMNS; c++)
    {
      const SpireField *f = m->fields[c];
      g_autofree char *text = NULL;

      row->numbers[c] = SPIRE_INT_NONE;
      if (f == NULL)
        {
          row->texts[c] = g_strdup ("");
          row->keys[c] = g_strdup ("");
          continue;
        }
      text = column_text (m, f, record);
      if (*text == '\0' && m->fields2[c])
        {
          g_free (text);
          text = column_text (m, m->fields2[c], record);
        }
      if ((f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_MONEY) &&
          !spire_record_is_null (record, f->name))
        row->numbers[c] = spire_record_get_int (record, f->name);
      if (f->type == SPIRE_FIELD_DATE)
        row->keys[c] = g_strdup (spire_record_is_null (record, f->name)
                                   ? "" : spire_record_get_text (record, f->name));
      else if (c == 0 && first_key && *text)
        row->keys[c] = g_strdup (first_key);
      else
        row->keys[c] = cached_key (m, c, text);
      if (*text)
        {
          g_string_append (haystack, text);
          g_string_append_c (haystack, '\n');
        }
      row->texts[c] = g_steal_pointer (&text);
    }
  /* The organisation number is found with or without its spaces. */
  if (m->has_orgnr && !spire_record_is_null (record, "orgnr"))
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

/* UUID → display name of every record of @table: those two columns only,
 * not every record whole. */
static GHashTable *
names_of (SpireStore *store, const char *table, GError **error)
{
  const SpireKind *kind = spire_kind_lookup (table);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (kind == NULL)
    return g_steal_pointer (&names);
  sql = g_strdup_printf ("SELECT uuid, %s FROM %s", kind->display_field, kind->table);
  stmt = _spire_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      g_hash_table_insert (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup (name ? name : ""));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
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
  guint k;

  /* Numbers sort as numbers: left to the list. */
  if (f == NULL || f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_MONEY)
    return;
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* The store's order is mostly this one already (by the display name):
   * then there is nothing to move. */
  for (k = 1; k < n; k++)
    if (compare_first_column (&order[k - 1], &order[k], listing->rows) > 0)
      break;
  if (k >= n)
    return;
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
  g_autoptr (GPtrArray) keys = NULL; /* the display names' keys, from the store's sort */
  RowMaker maker;
  gboolean first_is_name;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  listing->records = _spire_store_list_keyed (store, kind, NULL, NULL, &keys, error);
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
  row_maker_init (&maker, kind, columns, n_columns, listing->names);
  /* A first column that shows the display name as it is (text) has the
   * key the store sorted by. */
  first_is_name = keys != NULL && n_columns > 0 && columns[0].field &&
                  g_str_equal (columns[0].field, kind->display_field) &&
                  spire_kind_field (kind, kind->display_field)->type == SPIRE_FIELD_TEXT &&
                  !g_str_equal (kind->display_field, "orgnr") &&
                  !g_str_equal (kind->display_field, "kommunenummer") &&
                  !g_str_equal (kind->display_field, "organisasjonsform");
  listing->rows = g_ptr_array_sized_new (listing->records->len);
  for (guint i = 0; i < listing->records->len; i++)
    {
      SpireListingRow *row = make_row (&maker, listing->records->pdata[i],
                                       first_is_name ? keys->pdata[i] : NULL);

      g_object_set_qdata_full (listing->records->pdata[i], spire_listing_row_quark (), row,
                               (GDestroyNotify) spire_listing_row_free);
      g_ptr_array_add (listing->rows, row);
    }
  row_maker_clear (&maker);
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

/* @iso_utc's local day in @tz, as people read it. */
static char *
format_day_in (const char *iso_utc, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (iso_utc == NULL || *iso_utc == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return spire_format_date (iso_utc, spire_language_current ());
  local = g_date_time_to_timezone (utc, tz);
  day = g_date_time_format (local, "%Y-%m-%d");
  return spire_format_date (day, spire_language_current ());
}

char *
spire_listing_format_day (const char *iso_utc)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();

  return format_day_in (iso_utc, tz);
}
G_DEFINE_QUARK (spire-listing-title-key, spire_listing_title_key)

/* The cohort's applications, each with its startup's display name and
 * organisation number, in one query joined on the cohort: only the
 * startups the cohort names (not every startup of the file: 70 000 records
 * at xlarge, to name 40 000), only what the list shows of them.  Each
 * startup's name and its key go in the listing's tables once. */
static gboolean
read_applications (SpireStore *store, SpireCohortListing *listing, const char *cohort_uuid,
                   GError **error)
{
  const SpireKind *kind = &spire_kind_application;
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, "%sa.%s", i ? ", " : "", kind->fields[i].name);
  g_string_append_printf (sql, ", s.%s, s.orgnr FROM applications a"
                               " LEFT JOIN startups s ON s.uuid = a.startup"
                               " WHERE a.cohort IS ?", spire_kind_startup.display_field);
  stmt = _spire_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cohort_uuid, -1, SQLITE_STATIC);
  listing->applications = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpireRecord *app = _spire_store_read_row (kind, stmt);
      const char *startup = spire_record_get_text (app, "startup");
      const char *name = (const char *) sqlite3_column_text (stmt, (int) kind->n_fields);
      const char *orgnr = (const char *) sqlite3_column_text (stmt, (int) kind->n_fields + 1);

      g_ptr_array_add (listing->applications, app);
      if (startup == NULL || name == NULL ||
          g_hash_table_contains (listing->startup_names, startup))
        continue;
      g_hash_table_insert (listing->startup_names, g_strdup (startup), g_strdup (name));
      g_hash_table_insert (listing->name_keys, g_strdup (startup), spire_collate_key (name));
      if (orgnr && *orgnr)
        g_hash_table_insert (listing->startup_orgnrs, g_strdup (startup), g_strdup (orgnr));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  /* The list's first order, by title (the key, then the text, then the
   * UUID, as spire_store_list): the window's sort finds the rows in order
   * and moves none.  The keys are kept as the rows' title keys. */
  listing->title_keys = g_ptr_array_new_full (listing->applications->len, g_free);
  _spire_store_sort_norwegian (listing->applications, kind->display_field, listing->title_keys);
  return TRUE;
}

/* The cohort's challenges: titles and their keys. */
static void
name_challenges (SpireCohortListing *listing)
{
  for (guint i = 0; i < listing->challenges->len; i++)
    {
      SpireRecord *challenge = listing->challenges->pdata[i];
      const char *uuid = spire_record_get_uuid (challenge);
      const char *title = spire_record_get_display_name (challenge);

      g_hash_table_insert (listing->challenge_titles, g_strdup (uuid), g_strdup (title));
      g_hash_table_insert (listing->name_keys, g_strdup (uuid), spire_collate_key (title));
    }
}

/* spire_search_fold (@text), the same bytes: text that is all ASCII folds
 * to its lower case (normalising, case folding and taking off accents
 * change nothing else there), a tenth of the cost; 40 000 rows' texts are
 * mostly ASCII. */
static char *
search_fold (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return spire_search_fold (text);
  return g_ascii_strdown (text, -1);
}

static const char *
name_of (GHashTable *names, const char *uuid)
{
  const char *name = uuid ? g_hash_table_lookup (names, uuid) : NULL;

  return name ? name : "";
}

/* Each application's search text and submitted day (its title key came
 * with the store's sort), set as qdata so that the window sets nothing per
 * row.  One time zone for all: the local one looked up per row cost three
 * system calls each. */
static void
make_row_texts (SpireCohortListing *listing)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();

  for (guint i = 0; i < listing->applications->len; i++)
    {
      SpireRecord *app = listing->applications->pdata[i];
      g_autofree char *text = g_strjoin ("\n", spire_record_get_display_name (app),
                                         name_of (listing->startup_names,
                                                  spire_record_get_text (app, "startup")),
                                         name_of (listing->challenge_titles,
                                                  spire_record_get_text (app, "challenge")),
                                         NULL);
      char *folded = search_fold (text);

      g_object_set_qdata_full (G_OBJECT (app), spire_listing_search_text_quark (), folded, g_free);
      g_object_set_qdata_full (G_OBJECT (app), spire_listing_title_key_quark (),
                               listing->title_keys->pdata[i], g_free);
      g_object_set_qdata_full (G_OBJECT (app), spire_listing_submitted_quark (),
                               format_day_in (spire_record_get_text (app, "submitted_at"), tz),
                               g_free);
      g_ptr_array_add (listing->search_texts, folded);
    }
  /* The keys are the applications' now. */
  g_ptr_array_set_free_func (listing->title_keys, NULL);
}

SpireCohortListing *
spire_cohort_listing_read (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                           GError **error)
{
  g_autoptr (SpireCohortListing) listing = g_new0 (SpireCohortListing, 1);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);

  listing->startup_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listing->challenge_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listing->startup_orgnrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listing->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!read_applications (store, listing, cohort_uuid, error))
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
  name_challenges (listing);
  listing->search_texts = g_ptr_array_sized_new (listing->applications->len);
  make_row_texts (listing);
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
