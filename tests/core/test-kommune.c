/* test-kommune.c — the 2024 kommune table: its size, known pairs, names
 * for numbers and back, the fylke from a number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-helpers.h"

static void
test_count_and_unique (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *previous = "";

  g_assert_cmpuint (spire_kommune_count (), ==, 357);
  for (guint i = 0; i < spire_kommune_count (); i++)
    {
      const char *name = NULL;
      const char *number = spire_kommune_nth (i, &name);

      g_assert_nonnull (number);
      g_assert_cmpuint (strlen (number), ==, 4);
      g_assert_true (name && *name);
      g_assert_cmpstr (previous, <, number); /* in order: the lookup relies on it */
      g_assert_false (g_hash_table_contains (seen, number));
      g_hash_table_add (seen, (gpointer) number);
      /* every kommune lies in a 2024 fylke, and passes the number rule */
      g_assert_nonnull (spire_fylke_name (number));
      g_assert_true (spire_kommunenummer_is_valid (number));
      previous = number;
    }
  g_assert_null (spire_kommune_nth (357, NULL));
}

static void
test_known_pairs (void)
{
  g_assert_cmpstr (spire_kommune_name ("0301"), ==, "Oslo");
  g_assert_cmpstr (spire_kommune_name ("3201"), ==, "Bærum");
  g_assert_cmpstr (spire_kommune_name ("4601"), ==, "Bergen");
  g_assert_cmpstr (spire_kommune_name ("5001"), ==, "Trondheim");
  g_assert_cmpstr (spire_kommune_name ("1103"), ==, "Stavanger");
  g_assert_cmpstr (spire_kommune_name ("5501"), ==, "Tromsø");
  g_assert_cmpstr (spire_kommune_name ("1508"), ==, "Ålesund");
  g_assert_cmpstr (spire_kommune_name ("1580"), ==, "Haram");
  g_assert_cmpstr (spire_kommune_name ("5636"), ==, "Nesseby");
  /* an unknown or old number (Bærum was 3024 in 2020–2023) shows as it is */
  g_assert_cmpstr (spire_kommune_name ("3024"), ==, "3024");
  g_assert_false (spire_kommune_is_known ("3024"));
  g_assert_true (spire_kommune_is_known ("3201"));
  g_assert_null (spire_kommune_name (NULL));

  g_assert_cmpstr (spire_kommune_number_for_name ("Bærum"), ==, "3201");
  g_assert_cmpstr (spire_kommune_number_for_name ("  bærum "), ==, "3201");
  g_assert_cmpstr (spire_kommune_number_for_name ("Herøy"), ==, "1515");
  g_assert_null (spire_kommune_number_for_name ("Atlantis"));
}

static void
test_fylke (void)
{
  g_assert_cmpstr (spire_fylke_name ("0301"), ==, "Oslo");
  g_assert_cmpstr (spire_fylke_name ("3201"), ==, "Akershus");
  g_assert_cmpstr (spire_fylke_name ("3301"), ==, "Buskerud");
  g_assert_cmpstr (spire_fylke_name ("3101"), ==, "Østfold");
  g_assert_cmpstr (spire_fylke_name ("4601"), ==, "Vestland");
  g_assert_cmpstr (spire_fylke_name ("1505"), ==, "Møre og Romsdal");
  g_assert_cmpstr (spire_fylke_name ("5601"), ==, "Finnmark");
  g_assert_cmpstr (spire_fylke_name ("5501"), ==, "Troms");
  g_assert_null (spire_fylke_name ("3001")); /* Viken, gone in 2024 */
  g_assert_null (spire_fylke_name ("5"));
  g_assert_null (spire_fylke_name (NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kommune/count-and-unique", test_count_and_unique);
  g_test_add_func ("/kommune/known-pairs", test_known_pairs);
  g_test_add_func ("/kommune/fylke", test_fylke);
  return g_test_run ();
}
