/* test-text.c — Norwegian order, search, formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-store-private.h"
#include "test-helpers.h"

#define NBSP "\xc2\xa0"

static void
test_collate (void)
{
  g_assert_cmpint (spire_collate ("Zeta", "Ærlig"), <, 0);
  g_assert_cmpint (spire_collate ("Ærlig", "Ørsta"), <, 0);
  g_assert_cmpint (spire_collate ("Ørsta", "Åsen"), <, 0);
  g_assert_cmpint (spire_collate ("aker", "Bygg"), <, 0);   /* case-insensitive */
  g_assert_cmpint (spire_collate ("Élan", "Epsilon"), <, 0); /* é sorts as e */
  g_assert_cmpint (spire_collate ("Aasen", "Zeta"), >, 0);  /* aa is å */
  g_assert_cmpint (spire_collate ("Aasen", "Åsen"), !=, 0); /* but they are not the same */
  g_assert_cmpint (spire_collate (NULL, "A"), <, 0);
  /* Digits by their value, not digit by digit. */
  g_assert_cmpint (spire_collate ("Kull 2", "Kull 10"), <, 0);
  g_assert_cmpint (spire_collate ("Runde 9", "Runde 10"), <, 0);
  g_assert_cmpint (spire_collate ("Kull 10 vår", "Kull 9 vår"), >, 0);
  g_assert_cmpint (spire_collate ("Høst 2025", "Høst 2026"), <, 0);
  g_assert_cmpint (spire_collate ("Kull 100", "Kull 99"), >, 0);
}

/* Norwegian names in the order ICU's Norwegian collator gives (CLDR):
 * letters first, case and accents ignored there (é = e, a = A), then
 * accents, then case; Æ Ø Å after Z, Ä with Æ, Ö with Ø, "aa" with Å;
 * numbers by their value (Kull 2 before Kull 10). */
static const char *const norwegian_order[] = {
  "aker", "Bygg", "Élan", "Emil", "Emile", "Émile", "Epsilon", "Hakon", "Haakon", "Kull 1",
  "Kull 2", "Kull 10", "Kull 11", "Kull 100", "Ost", "Runde 9", "Runde 10", "Saab", "zeta", "Zorro", "Ænes", "Ängel", "Ærlig", "Ødegård", "Ödegaard", "Øst", "Østen",
  "Östen", "Øyvind", "Åland", "Aaland", "åse", "Åse", "Aase",
};

static int
compare_keys_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GHashTable *keys = user_data;
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  int r = strcmp (g_hash_table_lookup (keys, x), g_hash_table_lookup (keys, y));

  return r != 0 ? r : strcmp (x, y);
}

/* The names shuffled (a fixed shuffle, so that a failure repeats). */
static GPtrArray *
shuffled_names (void)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < G_N_ELEMENTS (norwegian_order); i++)
    g_ptr_array_add (names, (gpointer) norwegian_order[i]);
  for (guint i = names->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer t = names->pdata[i];

      names->pdata[i] = names->pdata[j];
      names->pdata[j] = t;
    }
  return names;
}

static void
assert_norwegian_order (GPtrArray *names)
{
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (norwegian_order));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, norwegian_order[i]);
}

/* Keys made once per text, compared with strcmp (as the lists do). */
static void
test_collate_key_order (void)
{
  g_autoptr (GPtrArray) names = shuffled_names ();
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < names->len; i++)
    g_hash_table_insert (keys, names->pdata[i], spire_collate_key (names->pdata[i]));
  g_ptr_array_sort_with_data (names, compare_keys_cb, keys);
  assert_norwegian_order (names);

  /* Each key agrees with spire_collate, pair by pair. */
  for (guint i = 0; i < G_N_ELEMENTS (norwegian_order); i++)
    for (guint j = 0; j < G_N_ELEMENTS (norwegian_order); j++)
      {
        int by_key = strcmp (g_hash_table_lookup (keys, norwegian_order[i]),
                             g_hash_table_lookup (keys, norwegian_order[j]));
        int by_text = spire_collate (norwegian_order[i], norwegian_order[j]);

        g_assert_cmpint ((i > j) - (i < j), ==, (by_text > 0) - (by_text < 0));
        g_assert_cmpint ((by_key > 0) - (by_key < 0), ==, (by_text > 0) - (by_text < 0));
      }

  /* Decomposed text (e + U+0301) sorts as the composed one. */
  g_assert_cmpint (spire_collate ("E\xcc\x81mile", "Émile"), !=, 0);
  {
    g_autofree char *composed = spire_collate_key ("Émile");
    g_autofree char *decomposed = spire_collate_key ("E\xcc\x81mile");

    g_assert_cmpstr (composed, ==, decomposed);
  }
  /* NULL and "" come first; bytes that are not UTF-8 still get a key. */
  {
    g_autofree char *none = spire_collate_key (NULL);
    g_autofree char *bad = spire_collate_key ("Ab\xff");
    g_autofree char *a = spire_collate_key ("A");

    g_assert_cmpstr (none, ==, "");
    g_assert_cmpint (strcmp (none, a), <, 0);
    g_assert_cmpint (strcmp (a, bad), <, 0);
  }
}

/* SQL's COLLATE NB puts the same names in the same order. */
static void
test_collate_sql_order (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (GPtrArray) names = shuffled_names ();
  g_autoptr (GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  db = _spire_store_get_db (store);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TABLE t (name TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?1)", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < names->len; i++)
    {
      sqlite3_bind_text (stmt, 1, names->pdata[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM t ORDER BY name COLLATE NB", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (sorted, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  assert_norwegian_order (sorted);
}

static gpointer
keys_in_thread (gpointer data)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; n < 200; n++)
    for (guint i = 0; i < G_N_ELEMENTS (norwegian_order); i++)
      {
        char *key = spire_collate_key (norwegian_order[i]);

        if (n == 0)
          g_ptr_array_add (keys, key);
        else
          {
            g_assert_cmpstr (key, ==, keys->pdata[i]);
            g_free (key);
          }
      }
  return keys;
}

/* Threads (the job workers) each use their own collator and get the same
 * keys as the main thread. */
static void
test_collate_threads (void)
{
  GThread *threads[4];

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("collate", keys_in_thread, NULL);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_autoptr (GPtrArray) keys = g_thread_join (threads[t]);

      for (guint i = 0; i < G_N_ELEMENTS (norwegian_order); i++)
        {
          g_autofree char *key = spire_collate_key (norwegian_order[i]);

          g_assert_cmpstr (key, ==, keys->pdata[i]);
        }
    }
}

static void
test_search (void)
{
  g_assert_true (spire_search_matches ("Ålesund kommune", "aalesund"));
  g_assert_true (spire_search_matches ("Aalesund kommune", "ålesund"));
  g_assert_true (spire_search_matches ("Grünerløkka", "grunerlokka"));
  g_assert_true (spire_search_matches ("Café Nordlys", "CAFE"));
  g_assert_true (spire_search_matches ("Sætre Bakeri", "saetre"));
  g_assert_true (spire_search_matches ("Tromsø", "tromsø"));
  g_assert_false (spire_search_matches ("Bergen", "Oslo"));
  g_assert_true (spire_search_matches ("Bergen", ""));
}

static void
test_dates (void)
{
  g_autofree char *nb = spire_format_date ("2026-11-23", SPIRE_LANGUAGE_NB);
  g_autofree char *nn = spire_format_date ("2026-01-05", SPIRE_LANGUAGE_NN);
  g_autofree char *en = spire_format_date ("2026-11-23", SPIRE_LANGUAGE_EN);
  g_autofree char *none = spire_format_date (NULL, SPIRE_LANGUAGE_NB);
  g_autofree char *p1 = spire_parse_date ("23.11.2026", NULL);
  g_autofree char *p2 = spire_parse_date ("2026-11-23", NULL);
  g_autofree char *p3 = NULL;
  g_autofree char *p4 = spire_parse_date ("31.02.2026", NULL);
  g_autofree char *p5 = spire_parse_date ("23/11/2026", NULL);
  gboolean had_time = FALSE;

  g_assert_cmpstr (nb, ==, "23.11.2026");
  g_assert_cmpstr (nn, ==, "05.01.2026");
  g_assert_cmpstr (en, ==, "23 Nov 2026");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (p1, ==, "2026-11-23");
  g_assert_cmpstr (p2, ==, "2026-11-23");
  /* 14:05 in Oslo in November (CET, UTC+1) is 13:05 UTC. */
  p3 = spire_parse_date ("23.11.2026 14:05", &had_time);
  g_assert_true (had_time);
  g_assert_cmpstr (p3, ==, "2026-11-23T13:05:00Z");
  g_assert_null (p4);
  g_assert_null (p5);
  {
    g_autofree char *z = spire_parse_date ("2026-11-23T14:05:00Z", NULL);
    g_autofree char *offset = spire_parse_date ("2026-11-23T14:05:00+05:00", NULL);
    g_autofree char *junk = spire_parse_date ("2026-11-23 14:05 tomorrow", NULL);
    g_autofree char *summer = spire_parse_date ("01.07.2026 08:00:30", NULL);

    g_assert_cmpstr (z, ==, "2026-11-23T14:05:00Z");
    g_assert_cmpstr (offset, ==, "2026-11-23T09:05:00Z");
    g_assert_null (junk);
    g_assert_cmpstr (summer, ==, "2026-07-01T06:00:30Z"); /* CEST, UTC+2 */
  }
}

static void
test_money (void)
{
  g_autofree char *a = spire_format_money (123456700, SPIRE_LANGUAGE_NB);
  g_autofree char *b = spire_format_money (123456750, SPIRE_LANGUAGE_NN);
  g_autofree char *c = spire_format_money (123456700, SPIRE_LANGUAGE_EN);
  g_autofree char *d = spire_format_money (1500000, SPIRE_LANGUAGE_NB);
  g_autofree char *e = spire_format_money (0, SPIRE_LANGUAGE_NB);
  gint64 ore = 0;

  g_assert_cmpstr (a, ==, "1" NBSP "234" NBSP "567" NBSP "kr");
  g_assert_cmpstr (b, ==, "1" NBSP "234" NBSP "567,50" NBSP "kr");
  g_assert_cmpstr (c, ==, "NOK" NBSP "1,234,567");
  g_assert_cmpstr (d, ==, "15" NBSP "000" NBSP "kr");
  g_assert_cmpstr (e, ==, "0" NBSP "kr");

  g_assert_true (spire_parse_money ("1 234 567", &ore));
  g_assert_cmpint (ore, ==, 123456700);
  g_assert_true (spire_parse_money ("1234567,5 kr", &ore));
  g_assert_cmpint (ore, ==, 123456750);
  g_assert_true (spire_parse_money ("NOK 10.25", &ore));
  g_assert_cmpint (ore, ==, 1025);
  g_assert_false (spire_parse_money ("mange penger", &ore));
  g_assert_false (spire_parse_money ("1,234", &ore));
}

static void
test_numbers_and_orgnr (void)
{
  g_autofree char *nb = spire_format_number (5.3333, 2, SPIRE_LANGUAGE_NB);
  g_autofree char *en = spire_format_number (5.3333, 2, SPIRE_LANGUAGE_EN);
  g_autofree char *na = spire_format_number (NAN, 2, SPIRE_LANGUAGE_EN);
  g_autofree char *o1 = spire_format_orgnr ("923609016");
  g_autofree char *o2 = spire_format_orgnr ("923 609016");
  g_autofree char *o3 = spire_format_orgnr ("12345");

  g_assert_cmpstr (nb, ==, "5,33");
  g_assert_cmpstr (en, ==, "5.33");
  g_assert_cmpstr (na, ==, "–");
  g_assert_cmpstr (o1, ==, "923 609 016");
  g_assert_cmpstr (o2, ==, "923 609 016");
  g_assert_cmpstr (o3, ==, "12345");
}

/* Counts: digits alone below 1 000, then grouped in threes with a no-break
 * space (nb, nn) or a comma (en). */
static void
test_count (void)
{
  static const struct
  {
    gint64 n;
    const char *nb, *en;
  } cases[] = {
    { 0, "0", "0" },
    { 7, "7", "7" },
    { 999, "999", "999" },
    { 1000, "1" NBSP "000", "1,000" },
    { 4000, "4" NBSP "000", "4,000" },
    { 40000, "40" NBSP "000", "40,000" },
    { 100000, "100" NBSP "000", "100,000" },
    { 1234567, "1" NBSP "234" NBSP "567", "1,234,567" },
    { -1500, "−1" NBSP "500", "−1,500" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *nb = spire_format_count (cases[i].n, SPIRE_LANGUAGE_NB);
      g_autofree char *nn = spire_format_count (cases[i].n, SPIRE_LANGUAGE_NN);
      g_autofree char *en = spire_format_count (cases[i].n, SPIRE_LANGUAGE_EN);

      g_assert_cmpstr (nb, ==, cases[i].nb);
      g_assert_cmpstr (nn, ==, cases[i].nb);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
  {
    g_autofree char *max = spire_format_count (G_MAXINT64, SPIRE_LANGUAGE_EN);
    g_autofree char *min = spire_format_count (G_MININT64, SPIRE_LANGUAGE_EN);

    g_assert_cmpstr (max, ==, "9,223,372,036,854,775,807");
    g_assert_cmpstr (min, ==, "−9,223,372,036,854,775,808");
  }
}

static void
test_languages (void)
{
  g_assert_cmpint (spire_language_from_code ("nb_NO.UTF-8"), ==, SPIRE_LANGUAGE_NB);
  g_assert_cmpint (spire_language_from_code ("no"), ==, SPIRE_LANGUAGE_NB);
  g_assert_cmpint (spire_language_from_code ("nn"), ==, SPIRE_LANGUAGE_NN);
  g_assert_cmpint (spire_language_from_code ("de"), ==, SPIRE_LANGUAGE_EN);
  g_assert_cmpstr (spire_language_code (SPIRE_LANGUAGE_NN), ==, "nn");
  /* No translation is loaded in this test: English. */
  g_assert_cmpint (spire_language_current (), ==, SPIRE_LANGUAGE_EN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/collate", test_collate);
  g_test_add_func ("/text/collate-key-order", test_collate_key_order);
  g_test_add_func ("/text/collate-sql-order", test_collate_sql_order);
  g_test_add_func ("/text/collate-threads", test_collate_threads);
  g_test_add_func ("/text/search", test_search);
  g_test_add_func ("/text/dates", test_dates);
  g_test_add_func ("/text/money", test_money);
  g_test_add_func ("/text/numbers-orgnr", test_numbers_and_orgnr);
  g_test_add_func ("/text/count", test_count);
  g_test_add_func ("/text/languages", test_languages);
  return g_test_run ();
}
