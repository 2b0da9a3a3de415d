/* test-listing.c — the window's lists read off the main thread give what
 * the store gives, with each row's keys made once, and stop when cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-helpers.h"

static void
on_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The cohort with the most applications. */
static char *
busiest (SpireStore *store)
{
  g_autoptr (GHashTable) counts = spire_store_count_by (store, &spire_kind_application, "cohort",
                                                        NULL, NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint n = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > n)
      {
        n = GPOINTER_TO_UINT (value);
        best = key;
      }
  return g_strdup (best);
}

static const char *
name_in (GPtrArray *records, const char *uuid)
{
  for (guint i = 0; uuid && i < records->len; i++)
    if (g_str_equal (spire_record_get_uuid (records->pdata[i]), uuid))
      return spire_record_get_display_name (records->pdata[i]);
  return "";
}

/* What a person sees in a cohort's list: each row names its own startup
 * (the startup record's name, organisation number and key) and its
 * challenge, is found by the words it shows, and shows its submitted day;
 * the listing names exactly the startups the cohort's applications name,
 * and its rows come in the order spire_store_list () gives them. */
static void
check_listing_names (SpireStore *store, SpireCohortListing *listing, GPtrArray *apps)
{
  g_autoptr (GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer uuid;

  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = listing->applications->pdata[i];
      const char *startup_uuid = spire_record_get_text (app, "startup");
      const char *challenge_uuid = spire_record_get_text (app, "challenge");
      g_autoptr (SpireRecord) startup = spire_store_get (store, &spire_kind_startup, startup_uuid,
                                                         NULL);
      const char *challenge = challenge_uuid
                                ? g_hash_table_lookup (listing->challenge_titles, challenge_uuid)
                                : NULL;
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *day = spire_listing_format_day (spire_record_get_text (app,
                                                                              "submitted_at"));

      g_assert_cmpstr (spire_record_get_uuid (app), ==, spire_record_get_uuid (apps->pdata[i]));
      g_assert_nonnull (startup);
      g_hash_table_add (named, (gpointer) startup_uuid);
      g_assert_cmpstr (g_hash_table_lookup (listing->startup_names, startup_uuid), ==,
                       spire_record_get_display_name (startup));
      g_assert_cmpstr (g_hash_table_lookup (listing->startup_orgnrs, startup_uuid), ==,
                       spire_record_get_text (startup, "orgnr"));
      text = g_strjoin ("\n", spire_record_get_display_name (app),
                        spire_record_get_display_name (startup), challenge ? challenge : "", NULL);
      folded = spire_search_fold (text);
      g_assert_cmpstr (listing->search_texts->pdata[i], ==, folded);
      g_assert_cmpstr (g_object_get_qdata (G_OBJECT (app), spire_listing_submitted_quark ()), ==,
                       day);
    }
  g_assert_cmpuint (g_hash_table_size (listing->startup_names), ==, g_hash_table_size (named));
  g_hash_table_iter_init (&iter, listing->startup_names);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    g_assert_true (g_hash_table_contains (named, uuid));
  for (guint i = 0; i < listing->challenges->len; i++)
    {
      SpireRecord *challenge = listing->challenges->pdata[i];

      g_assert_cmpstr (g_hash_table_lookup (listing->challenge_titles,
                                            spire_record_get_uuid (challenge)),
                       ==, spire_record_get_display_name (challenge));
    }
}

static void
check_listing (SpireStore *store, const char *cohort, SpireCohortListing *listing)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) apps = spire_store_list (store, &spire_kind_application, "cohort", cohort,
                                                 &error);
  g_autoptr (GPtrArray) challenges = spire_store_list (store, &spire_kind_challenge, "cohort",
                                                       cohort, &error);
  g_autoptr (GHashTable) counts = spire_store_count_by (store, &spire_kind_application, "status",
                                                        "cohort", cohort, &error);

  g_autoptr (GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  for (guint i = 0; i < apps->len; i++)
    g_hash_table_add (uuids, (gpointer) spire_record_get_uuid (apps->pdata[i]));
  g_assert_cmpuint (listing->applications->len, ==, apps->len);
  g_assert_cmpuint (listing->challenges->len, ==, challenges->len);
  g_assert_cmpuint (listing->search_texts->len, ==, apps->len);
  g_assert_cmpuint (listing->title_keys->len, ==, apps->len);
  g_assert_cmpuint (g_hash_table_size (listing->status_counts), ==, g_hash_table_size (counts));
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = listing->applications->pdata[i];
      const char *startup = spire_record_get_text (app, "startup");
      const char *startup_name = g_hash_table_lookup (listing->startup_names, startup);
      g_autofree char *key = spire_collate_key (spire_record_get_text (app, "title"));
      g_autofree char *name = spire_search_fold (startup_name);
      g_autofree char *title = spire_search_fold (spire_record_get_display_name (app));
      g_autofree char *name_key = spire_collate_key (startup_name);

      /* The same records, by title as the list shows them first (the
       * key, then the text): the window's sort finds them in order. */
      g_assert_true (g_hash_table_contains (uuids, spire_record_get_uuid (app)));
      if (i > 0)
        {
          int r = strcmp (listing->title_keys->pdata[i - 1], listing->title_keys->pdata[i]);

          g_assert_cmpint (r, <=, 0);
          if (r == 0)
            g_assert_cmpint (g_strcmp0 (spire_record_get_text (listing->applications->pdata[i - 1],
                                                               "title"),
                                        spire_record_get_text (app, "title")), <=, 0);
        }
      g_assert_cmpstr (listing->title_keys->pdata[i], ==, key);
      /* Each application carries its key and search text for the list. */
      g_assert_true (g_object_get_qdata (G_OBJECT (app), spire_listing_title_key_quark ()) ==
                     listing->title_keys->pdata[i]);
      g_assert_true (g_object_get_qdata (G_OBJECT (app), spire_listing_search_text_quark ()) ==
                     listing->search_texts->pdata[i]);
      /* Found by its startup's name and its title. */
      g_assert_nonnull (strstr (listing->search_texts->pdata[i], name));
      g_assert_nonnull (strstr (listing->search_texts->pdata[i], title));
      /* Every startup named is there, with its key. */
      g_assert_cmpstr (startup_name, !=, NULL);
      g_assert_cmpstr (g_hash_table_lookup (listing->name_keys, startup), ==, name_key);
    }
  /* Only the startups named: not every startup in the file. */
  g_assert_cmpint (g_hash_table_size (listing->startup_names), <, spire_store_count (store, &spire_kind_startup,
                                                                 NULL, NULL));
  check_listing_names (store, listing, apps);
}

/* The persons' directory: a name column, and one naming the startup a
 * person works for (else the public body): the names are the records'. */
static void
check_kind_listing (SpireStore *store)
{
  static const SpireListingColumn columns[] = { { "name", NULL }, { "startup", "public_body" },
                                                { NULL, NULL } };
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (SpireKindListing) listing = NULL;
  g_autoptr (GPtrArray) startups = spire_store_list (store, &spire_kind_startup, NULL, NULL, NULL);
  g_autoptr (GPtrArray) bodies = spire_store_list (store, &spire_kind_public_body, NULL, NULL, NULL);
  guint n_named = 0;

  spire_kind_listing_async (store, &spire_kind_person, columns, G_N_ELEMENTS (columns), NULL,
                            on_done_cb, &result);
  listing = spire_kind_listing_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (listing->records->len, ==, spire_store_count (store, &spire_kind_person, NULL,
                                                                 NULL));
  g_assert_cmpuint (listing->rows->len, ==, listing->records->len);
  for (guint i = 0; i < listing->records->len; i++)
    {
      SpireRecord *person = listing->records->pdata[i];
      SpireListingRow *row = listing->rows->pdata[i];
      const char *startup = spire_record_get_text (person, "startup");
      const char *body = spire_record_get_text (person, "public_body");
      const char *expect = startup && *startup ? name_in (startups, startup) : name_in (bodies, body);
      g_autofree char *key = spire_collate_key (spire_record_get_text (person, "name"));

      g_assert_cmpstr (row->texts[0], ==, spire_record_get_text (person, "name"));
      g_assert_cmpstr (row->keys[0], ==, key);
      g_assert_cmpstr (row->texts[1], ==, expect);
      g_assert_cmpstr (row->texts[2], ==, "");
      g_assert_nonnull (strstr (row->haystack, row->texts[0]));
      /* The record carries its row; the rows come by the first column. */
      g_assert_true (g_object_get_qdata (G_OBJECT (person), spire_listing_row_quark ()) == row);
      if (i > 0)
        g_assert_cmpint (strcmp (((SpireListingRow *) listing->rows->pdata[i - 1])->keys[0],
                                 row->keys[0]), <=, 0);
      n_named += *expect != '\0';
    }
  g_assert_cmpuint (n_named, >, 0);
}

/* The Startups directory as its page asks for it: every cell shows the
 * text the record's field shows, sorts by that text's key (a date by its
 * ISO form), and the rows come by the first column; a municipality or a
 * sector shared by many startups sorts the same in each. */
static void
check_startup_directory (SpireStore *store)
{
  static const SpireListingColumn columns[] = { { "name", NULL }, { "orgnr", NULL },
                                                { "kommunenummer", NULL }, { "sector", NULL },
                                                { "employees", NULL }, { "founded", NULL } };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireKindListing) listing = spire_kind_listing_read (store, &spire_kind_startup,
                                                                 columns, G_N_ELEMENTS (columns),
                                                                 &error);
  g_autoptr (GPtrArray) startups = spire_store_list (store, &spire_kind_startup, NULL, NULL, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (listing->records->len, ==, startups->len);
  for (guint i = 0; i < listing->records->len; i++)
    {
      SpireRecord *startup = listing->records->pdata[i];
      SpireListingRow *row = listing->rows->pdata[i];

      /* By name, as the store gives them. */
      g_assert_cmpstr (spire_record_get_uuid (startup), ==,
                       spire_record_get_uuid (startups->pdata[i]));
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const SpireField *f = spire_kind_field (&spire_kind_startup, columns[c].field);
          g_autofree char *text = spire_listing_field_text (f, startup, NULL);
          g_autofree char *key = f->type == SPIRE_FIELD_DATE
                                   ? g_strdup (spire_record_is_null (startup, f->name)
                                                 ? "" : spire_record_get_text (startup, f->name))
                                   : spire_collate_key (text);

          g_assert_cmpstr (row->texts[c], ==, text);
          g_assert_cmpstr (row->keys[c], ==, key);
        }
      g_assert_true (g_object_get_qdata (G_OBJECT (startup), spire_listing_row_quark ()) == row);
    }
}

/* Startups of the same name come in the order of their UUIDs, among the
 * others in Norwegian order (Æ Ø Å after Z; "Aa" as Å, so Aase after Øst),
 * in a list and in a directory alike. */
static void
test_equal_names (void)
{
  static const char *const uuids[] = { "30000000-0000-4000-8000-000000000000",
                                       "10000000-0000-4000-8000-000000000000",
                                       "20000000-0000-4000-8000-000000000000" };
  static const SpireListingColumn columns[] = { { "name", NULL } };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (SpireKindListing) listing = NULL;
  const char *expect[] = { "Zeta AS", "Øst AS", "10000000", "20000000", "30000000" };

  g_assert_no_error (error);
  g_object_unref (test_make (store, &spire_kind_startup, "name", "Øst AS", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    g_object_unref (test_make (store, &spire_kind_startup, "uuid", uuids[i], "name", "Aase AS",
                               NULL));
  g_object_unref (test_make (store, &spire_kind_startup, "name", "Zeta AS", NULL));
  list = spire_store_list (store, &spire_kind_startup, NULL, NULL, &error);
  g_assert_no_error (error);
  listing = spire_kind_listing_read (store, &spire_kind_startup, columns, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < list->len; i++)
    {
      SpireRecord *a = list->pdata[i];
      SpireRecord *b = listing->records->pdata[i];

      if (i < 2)
        g_assert_cmpstr (spire_record_get_display_name (a), ==, expect[i]);
      else
        g_assert_true (g_str_has_prefix (spire_record_get_uuid (a), expect[i]));
      g_assert_true (a == b || g_str_equal (spire_record_get_uuid (a), spire_record_get_uuid (b)));
    }
}

static void
run (SpireStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *cohort = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) list_result = NULL;
  g_autoptr (GAsyncResult) cancelled_result = NULL;
  g_autoptr (SpireCohortListing) listing = NULL;
  g_autoptr (SpireCohortListing) none = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  g_assert_true (spire_demo_fill (store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  cohort = busiest (store);

  spire_cohort_listing_async (store, cohort, NULL, on_done_cb, &result);
  listing = spire_cohort_listing_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  check_listing (store, cohort, listing);

  spire_store_list_async (store, &spire_kind_startup, NULL, NULL, NULL, on_done_cb, &list_result);
  startups = spire_store_list_finish (store, wait_result (&list_result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (startups->len, ==, spire_store_count (store, &spire_kind_startup, NULL, NULL));
  check_kind_listing (store);
  check_startup_directory (store);

  /* Another cohort was chosen: the load gives nothing, and says why. */
  g_cancellable_cancel (cancellable);
  spire_cohort_listing_async (store, cohort, cancellable, on_done_cb, &cancelled_result);
  none = spire_cohort_listing_finish (store, wait_result (&cancelled_result), &error);
  g_assert_null (none);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
}

static void
test_memory (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);

  g_assert_no_error (error);
  run (store);
}

static void
test_file (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "listing.spire", NULL);
  SpireStore *store = spire_store_open (path, &error);

  g_assert_no_error (error);
  run (store);
  g_object_unref (store);
  test_tmpdir_free (dir);
}

/* A list let go in a worker: its records are freed (there), none kept. */
static void
test_unref_in_worker (void)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  gpointer watch[3];
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean all_gone = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (watch); i++)
    {
      SpireRecord *record = spire_record_new (&spire_kind_startup);

      watch[i] = record;
      g_object_add_weak_pointer (G_OBJECT (record), &watch[i]);
      g_ptr_array_add (records, record);
    }
  spire_listing_unref_in_worker (records);
  while (!all_gone && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      all_gone = g_atomic_pointer_get (&watch[0]) == NULL &&
                 g_atomic_pointer_get (&watch[1]) == NULL &&
                 g_atomic_pointer_get (&watch[2]) == NULL;
    }
  g_assert_true (all_gone);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/listing/memory", test_memory);
  g_test_add_func ("/listing/file", test_file);
  g_test_add_func ("/listing/unref-in-worker", test_unref_in_worker);
  g_test_add_func ("/listing/equal-names", test_equal_names);
  return g_test_run ();
}
