/* test-csv-export.c — the CSV writer: quoting, BOM, separators, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-csv-export"

#include "config.h"

#include <string.h>

#include "spire-core.h"
#include "test-helpers.h"

#define BOM "\xEF\xBB\xBF"

static char *
field (const char *text, char sep)
{
  GString *out = g_string_new (NULL);

  spire_csv_append_field (out, text, sep);
  return g_string_free (out, FALSE);
}

static void
test_csv_quoting (void)
{
  struct { const char *in; char sep; const char *out; } cases[] = {
    { "plain", ',', "plain" },
    { "", ',', "" },
    { NULL, ',', "" },
    { "a,b", ',', "\"a,b\"" },
    { "a,b", ';', "a,b" },
    { "a;b", ';', "\"a;b\"" },
    { "a;b", ',', "a;b" },
    { "say \"hi\"", ',', "\"say \"\"hi\"\"\"" },
    { "\"", ';', "\"\"\"\"" },
    { "line 1\nline 2", ',', "\"line 1\nline 2\"" },
    { "cr\r\nlf", ';', "\"cr\r\nlf\"" },
    { "Ærlig Øst Ås", ';', "Ærlig Øst Ås" },
    { " spaces kept ", ',', " spaces kept " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = field (cases[i].in, cases[i].sep);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

/* OWASP's CSV injection: what a spreadsheet would run is written as text
 * (a ' first, inside quotes); plain numbers stay numbers. */
static void
test_csv_formulas (void)
{
  struct { const char *in; char sep; const char *out; } cases[] = {
    { "=HYPERLINK(\"http://x\",\"y\")", ';', "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "@SUM(1+1)*cmd|' /C calc'!A0", ',', "\"'@SUM(1+1)*cmd|' /C calc'!A0\"" },
    { "=1+2", ',', "\"'=1+2\"" },
    { "+47 22 00 00 00", ';', "\"'+47 22 00 00 00\"" },
    { "-2+3", ';', "\"'-2+3\"" },
    { "\t=1", ',', "\"'\t=1\"" },
    { "\r=1", ',', "\"'\r=1\"" },
    { "-", ',', "\"'-\"" },
    { "=a;b", ';', "\"'=a;b\"" },
    /* numbers, and formula characters later in the cell */
    { "-5", ',', "-5" },
    { "-1,5", ';', "-1,5" },
    { "-1,5", ',', "\"-1,5\"" },
    { "+3", ',', "+3" },
    { "-0.25", ',', "-0.25" },
    { "-1,", ';', "\"'-1,\"" },
    { "-1,5,5", ';', "\"'-1,5,5\"" },
    { "a=b", ',', "a=b" },
    { "x@y.no", ',', "x@y.no" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = field (cases[i].in, cases[i].sep);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_csv_separator (void)
{
  g_assert_cmpint (spire_csv_separator_for_language (SPIRE_LANGUAGE_EN), ==, ',');
  g_assert_cmpint (spire_csv_separator_for_language (SPIRE_LANGUAGE_NB), ==, ';');
  g_assert_cmpint (spire_csv_separator_for_language (SPIRE_LANGUAGE_NN), ==, ';');
}

static GPtrArray *
sample_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *r1[] = { "Smart søppel", "Fjord AS", "923609016", "2026-03-01", NULL };
  const char *r2[] = { "Quote \"this\"", "Berg; Vik", "", "", NULL };
  const char *r3[] = { "Two\nlines", "x,y", NULL, NULL };

  g_ptr_array_add (rows, g_strdupv ((char **) r1));
  g_ptr_array_add (rows, g_strdupv ((char **) r2));
  g_ptr_array_add (rows, g_strdupv ((char **) r3));
  return rows;
}

static void
test_csv_string (void)
{
  const char *header[] = { "Title", "Startup", "Organisation number", "Submitted", NULL };
  g_autoptr (GPtrArray) rows = sample_rows ();
  gsize len = 0;
  g_autofree char *semi = spire_csv_to_string (header, rows, ';', &len);
  g_autofree char *comma = spire_csv_to_string (header, rows, ',', NULL);

  g_assert_cmpuint (len, ==, strlen (semi));
  g_assert_true (g_str_has_prefix (semi, BOM));
  g_assert_true (g_utf8_validate (semi, -1, NULL));
  g_assert_cmpstr (semi, ==,
                   BOM "Title;Startup;Organisation number;Submitted\r\n"
                       "Smart søppel;Fjord AS;923609016;2026-03-01\r\n"
                       "\"Quote \"\"this\"\"\";\"Berg; Vik\";;\r\n"
                       "\"Two\nlines\";x,y\r\n");
  g_assert_cmpstr (comma, ==,
                   BOM "Title,Startup,Organisation number,Submitted\r\n"
                       "Smart søppel,Fjord AS,923609016,2026-03-01\r\n"
                       "\"Quote \"\"this\"\"\",Berg; Vik,,\r\n"
                       "\"Two\nlines\",\"x,y\"\r\n");

  /* No header, no rows: only the BOM. */
  {
    g_autofree char *empty = spire_csv_to_string (NULL, NULL, ',', NULL);

    g_assert_cmpstr (empty, ==, BOM);
  }
}

static void
test_csv_file (void)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "Høst 2026.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.csv", NULL);
  const char *header[] = { "Title", "Startup", "Organisation number", "Submitted", NULL };
  g_autoptr (GPtrArray) rows = sample_rows ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expect = spire_csv_to_string (header, rows, ';', NULL);

  g_assert_true (spire_csv_write_file (path, header, rows, ';', &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expect);

  /* Writing again replaces the file whole; nothing is left beside it. */
  g_ptr_array_set_size (rows, 1);
  g_assert_true (spire_csv_write_file (path, header, rows, ';', &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   BOM "Title;Startup;Organisation number;Submitted\r\n"
                       "Smart søppel;Fjord AS;923609016;2026-03-01\r\n");
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d))
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  /* A folder that does not exist: a clear error that names it. */
  g_assert_false (spire_csv_write_file (missing, header, rows, ';', &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-export/quoting", test_csv_quoting);
  g_test_add_func ("/csv-export/formulas", test_csv_formulas);
  g_test_add_func ("/csv-export/separator", test_csv_separator);
  g_test_add_func ("/csv-export/string", test_csv_string);
  g_test_add_func ("/csv-export/file", test_csv_file);

  return g_test_run ();
}
