/* test-text.c — Norwegian order, search, formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

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
  g_test_add_func ("/text/search", test_search);
  g_test_add_func ("/text/dates", test_dates);
  g_test_add_func ("/text/money", test_money);
  g_test_add_func ("/text/numbers-orgnr", test_numbers_and_orgnr);
  g_test_add_func ("/text/languages", test_languages);
  return g_test_run ();
}
