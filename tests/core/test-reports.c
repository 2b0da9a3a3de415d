/* test-reports.c — the report core: its words, its pages, its PDFs
 *
 * The words come from the chosen language's .mo even when LANGUAGE says
 * another; pages break with the table header repeated; the PDFs have A4
 * pages, embedded fonts, bookmarks and metadata; the letter never shows a
 * confidential field, a comment or an evaluator's name; the same data
 * gives the same text; nothing is written for an unknown UUID or after a
 * cancel.  PDFs are read with poppler-utils (pdftotext, pdfinfo,
 * pdffonts); those checks are skipped when they are not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "spire-core.h"
#include "spire-reports.h"
#include "test-helpers.h"
#include "spire-store-private.h"

/* Running poppler-utils */

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("poppler-utils (pdftotext) is not installed");
  return path != NULL;
}

static char *
run_tool (const char *tool, const char *pdf, gboolean to_stdout)
{
  const char *argv[] = { tool, pdf, to_stdout ? "-" : NULL, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *pdf)
{
  return run_tool ("pdftotext", pdf, TRUE);
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf, FALSE);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* @text as pdftotext gives it: no-break spaces become spaces. */
static char *
as_extracted (char *text /* transfer full */)
{
  g_auto (GStrv) parts = g_strsplit (text, "\u00a0", -1);

  g_free (text);
  return g_strjoinv (" ", parts);
}

/* @needle in @len bytes that may hold NULs */
static const char *
find_bytes (const char *bytes, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return bytes + i;
  return NULL;
}

/* The language chosen, not LANGUAGE */

static void
test_text_language (void)
{
  static const SpireLanguage langs[] = { SPIRE_LANGUAGE_NB, SPIRE_LANGUAGE_NN, SPIRE_LANGUAGE_EN };
  static const char *const pages[] = { "Side %u av %u", "Side %u av %u", "Page %u of %u" };
  static const char *const letters[] = { "Tilbakemeldingsbrev", "Tilbakemeldingsbrev",
                                         "Feedback letter" };
  static const char *const scored[] = { "Søker", "Søkjar", "Applicant" };

  /* The window's language is another one: LANGUAGE must not win. */
  g_setenv ("LANGUAGE", "nn:en", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr (SpireReportText) t = spire_report_text_new (langs[i]);
      g_autofree char *money = spire_report_text_money (t, 123456700);
      g_autofree char *date = spire_report_text_date (t, "2026-11-23");

      g_assert_cmpint (spire_report_text_get_language (t), ==, langs[i]);
      g_assert_cmpstr (_r (t, "Page %u of %u"), ==, pages[i]);
      g_assert_cmpstr (_r (t, "Feedback letter"), ==, letters[i]);
      g_assert_cmpstr (_r (t, "Applicant"), ==, scored[i]);
      g_assert_cmpstr (_r (t, "a text nobody translated"), ==, "a text nobody translated");
      if (langs[i] == SPIRE_LANGUAGE_EN)
        {
          g_assert_cmpstr (money, ==, "NOK\u00a01,234,567");
          g_assert_cmpstr (date, ==, "23 Nov 2026");
        }
      else
        {
          g_assert_cmpstr (money, ==, "1\u00a0234\u00a0567\u00a0kr");
          g_assert_cmpstr (date, ==, "23.11.2026");
        }
    }
  g_unsetenv ("LANGUAGE");
}

static void
test_text_plural_context (void)
{
  g_autoptr (SpireReportText) nb = spire_report_text_new (SPIRE_LANGUAGE_NB);
  g_autoptr (SpireReportText) en = spire_report_text_new (SPIRE_LANGUAGE_EN);
  const char *one = "%s application had scores that disagree more than the rubric’s threshold "
                    "allows (standard deviation σ).";
  const char *many = "%s applications had scores that disagree more than the rubric’s "
                     "threshold allows (standard deviation σ).";

  g_assert_true (g_str_has_prefix (_rn (nb, one, many, 1), "%s søknad fikk"));
  g_assert_true (g_str_has_prefix (_rn (nb, one, many, 0), "%s søknader fikk"));
  g_assert_true (g_str_has_prefix (_rn (nb, one, many, 2), "%s søknader fikk"));
  g_assert_cmpstr (_rn (en, one, many, 1), ==, one);
  g_assert_cmpstr (_rn (en, one, many, 3), ==, many);
  /* A message with a context (C_ in spire-cli-rank.c) */
  g_assert_cmpstr (_rp (nb, "rank column", "Rank"), !=, "Rank");
  g_assert_cmpstr (_rp (en, "rank column", "Rank"), ==, "Rank");
}

static void
test_text_bad_file (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.mo", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireReportText) t = NULL;

  g_assert_true (g_file_set_contents (path, "not a catalogue at all, but long enough", -1, NULL));
  t = spire_report_text_new_from_file (SPIRE_LANGUAGE_NB, path, &error);
  g_assert_null (t);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_unlink (path);
  test_tmpdir_free (g_steal_pointer (&dir));
}

static gpointer
text_in_thread (gpointer data)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (GPOINTER_TO_INT (data));

  return g_strdup (_r (t, "Page %u of %u"));
}

static void
test_text_threads (void)
{
  GThread *nn, *en;
  g_autofree char *a = NULL, *b = NULL;

  g_setenv ("LANGUAGE", "nb", TRUE);
  nn = g_thread_new ("nn", text_in_thread, GINT_TO_POINTER (SPIRE_LANGUAGE_NN));
  en = g_thread_new ("en", text_in_thread, GINT_TO_POINTER (SPIRE_LANGUAGE_EN));
  a = g_thread_join (nn);
  b = g_thread_join (en);
  g_assert_cmpstr (a, ==, "Side %u av %u");
  g_assert_cmpstr (b, ==, "Page %u of %u");
  g_unsetenv ("LANGUAGE");
}

/* The framework */

static SpireReport *
long_table_report (SpireLanguage lang, guint n_rows)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (lang);
  SpireReport *report = spire_report_new (t, "Tabelltest", "Emne", "Program — Kull",
                                          "2026-11-23");
  const char *headers[] = { "Kolonne Æ", "Kolonne Ø", "Kolonne Å" };
  SpireReportTable *table;

  spire_report_add_heading (report, 1, "Første del");
  spire_report_add_text (report, "Tromsø, Bodø og Ålesund: æ ø å Æ Ø Å.");
  spire_report_add_heading (report, 2, "Tabellen");
  table = spire_report_add_table (report, 3, headers, NULL, NULL);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *a = g_strdup_printf ("rad %u", i + 1);
      const char *cells[] = { a, "Sørlandet", "Et langt felt som må brytes over flere linjer "
                                              "fordi det ikke får plass i én kolonne." };

      spire_report_table_add_row (table, cells);
    }
  return report;
}

/* A narrow column's header keeps its word whole ("Plass", not "Plas-" and
 * "s" on two lines), the width taken from a column with room to spare;
 * the table keeps its width and every cell is still drawn. */
static void
test_table_header_words (void)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (SPIRE_LANGUAGE_NB);
  g_autoptr (SpireReport) report = spire_report_new (t, "Tabelltest", "Emne", "Program — Kull",
                                                     "2026-11-23");
  const char *headers[] = { "Plass", "Søker", "Poengsum", "K1", "K2", "K3", "K4",
                            "K5", "K6", "K7", "K8", "Gjennomføringsevne" };
  static const double widths[] = { 0.3, 2.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6 };
  const char *cells[] = { "12", "Bølgesense Energy AS Energistyring i kommunale bygg", "6,90",
                          "7,00", "6,33", "7,00", "7,00", "7,00", "6,33", "6,33", "6,67", "Ja" };
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "overskrift.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  SpireReportTable *table;

  if (!have_poppler ())
    return;
  table = spire_report_add_table (report, G_N_ELEMENTS (headers), headers, widths, NULL);
  spire_report_table_add_row (table, cells);
  g_assert_true (spire_report_write_pdf (report, path, NULL, &error));
  g_assert_no_error (error);
  text = as_extracted (pdf_text (path));
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    g_assert_nonnull (strstr (text, headers[i]));
  g_assert_null (strstr (text, "Plas-"));
  g_assert_null (strstr (text, "Poeng-"));
  g_assert_nonnull (strstr (text, "Bølgesense"));
  g_assert_nonnull (strstr (text, "Ja"));
}

static void
test_table_spans_pages (void)
{
  g_autoptr (SpireReport) report = long_table_report (SPIRE_LANGUAGE_NB, 150);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "tabell.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL, *fonts = NULL, *info = NULL, *last = NULL;
  guint n_pages = spire_report_get_n_pages (report);

  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpuint (spire_report_get_n_pages (report), ==, n_pages); /* paginated once */
  g_assert_true (spire_report_write_pdf (report, path, NULL, &error));
  g_assert_no_error (error);
  if (have_poppler ())
    {
      text = pdf_text (path);
      g_assert_cmpuint (pdf_pages (path), ==, n_pages);
      /* The header row on every page of the table */
      g_assert_cmpuint (count (text, "Kolonne Ø"), ==, n_pages);
      g_assert_cmpuint (count (text, "Side 1 av"), ==, 1);
      last = g_strdup_printf ("Side %u av %u", n_pages, n_pages);
      g_assert_nonnull (strstr (text, last));
      g_assert_nonnull (strstr (text, "rad 150"));
      g_assert_nonnull (strstr (text, "Tromsø, Bodø og Ålesund: æ ø å Æ Ø Å."));
      g_assert_nonnull (strstr (text, "Data per 23.11.2026"));
      /* Every font embedded, and it is the named family */
      fonts = run_tool ("pdffonts", path, FALSE);
      g_assert_nonnull (strstr (fonts, "DejaVuSans"));
      {
        g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);

        for (guint i = 2; lines[i]; i++)
          if (*lines[i])
            g_assert_nonnull (strstr (lines[i], " yes "));
      }
      info = run_tool ("pdfinfo", path, FALSE);
      g_assert_nonnull (strstr (info, "Title:           Tabelltest"));
      g_assert_nonnull (strstr (info, "Creator:         Spire"));
      g_assert_nonnull (strstr (info, "Subject:         Emne"));
      g_assert_nonnull (strstr (info, "A4"));
    }
  {
    /* Bookmarks: the PDF has an outline with the headings. */
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
    g_assert_nonnull (find_bytes (bytes, len, "/Type /Outlines"));
    g_assert_nonnull (find_bytes (bytes, len, "/Title"));
  }
  g_unlink (path);
  test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_write_atomic (void)
{
  g_autoptr (SpireReport) report = long_table_report (SPIRE_LANGUAGE_EN, 40);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "folder", "report.pdf", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = NULL;

  g_assert_false (spire_report_write_pdf (report, nowhere, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (spire_report_write_pdf (report, path, cancellable, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* No temporary file left either */
  d = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d));
  test_tmpdir_free (g_steal_pointer (&dir));
}

/* A report saved over a database (a slip in the file chooser) is refused:
 * the database is kept as it was. */
static void
test_write_not_over_database (void)
{
  g_autoptr (SpireReport) report = long_table_report (SPIRE_LANGUAGE_EN, 5);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "spire.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize n_before, n_after;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);

  g_assert_no_error (error);
  g_clear_object (&store); /* the file whole, as a database at rest */
  g_assert_true (g_file_get_contents (path, &before, &n_before, NULL));
  g_assert_false (spire_report_write_pdf (report, path, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is a database"));
  g_assert_true (g_file_get_contents (path, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
  test_tmpdir_free (g_steal_pointer (&dir));
}

/* The reports on sample data */

typedef struct
{
  SpireStore *store;
  char *dir;
  char *cohort;      /* the decided cohort with most applications */
  char *rejected;    /* a rejected application of it, with a score */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  f->store = spire_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (spire_demo_fill (f->store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error));
  f->dir = test_tmpdir_new ();
  rows = _spire_store_query (f->store, &error,
                             "SELECT a.cohort, a.uuid FROM applications a"
                             " JOIN cohorts c ON c.uuid = a.cohort"
                             " WHERE a.status = 'rejected' AND c.phase IN ('follow_up', 'closed')"
                             " AND EXISTS (SELECT 1 FROM reviews r WHERE r.application = a.uuid"
                             "             AND r.state = 'submitted')"
                             " ORDER BY (SELECT count (*) FROM applications b WHERE b.cohort = c.uuid) DESC,"
                             " c.name, a.uuid LIMIT 1",
                             0);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  f->cohort = g_strdup (SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 0));
  f->rejected = g_strdup (SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 1));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->store);
  test_tmpdir_free (f->dir);
  g_free (f->cohort);
  g_free (f->rejected);
}

static char *
write_and_read (Fixture *f, SpireReport *report, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *text;

  g_assert_nonnull (report);
  g_assert_true (spire_report_write_pdf (report, path, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_cmpuint (pdf_pages (path), ==, spire_report_get_n_pages (report));
  return text;
}

static void
test_cohort_report (Fixture *f, gconstpointer data)
{
  static const SpireLanguage langs[] = { SPIRE_LANGUAGE_NB, SPIRE_LANGUAGE_NN, SPIRE_LANGUAGE_EN };
  static const char *const first[] = { "Side 1 av ", "Side 1 av ", "Page 1 of " };
  static const char *const received[] = { "Søknader mottatt", "Søknader mottekne",
                                          "Applications received" };
  static const char *const ranking_head[] = { "Plass", "Plass", "Rank" };
  SpireFunnel funnel;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) ranking = NULL;

  if (!have_poppler ())
    return;
  g_assert_true (spire_funnel_for_cohort (f->store, f->cohort, &funnel, &error));
  ranking = spire_rank_cohort (f->store, f->cohort, NULL, &error);
  g_assert_no_error (error);

  g_setenv ("LANGUAGE", "nb", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr (SpireReport) report = spire_report_cohort (f->store, f->cohort, langs[i], NULL,
                                                            &error);
      g_autofree char *name = g_strdup_printf ("cohort-%u.pdf", i);
      g_autofree char *text = NULL, *again = NULL;
      g_autofree char *applied = g_strdup_printf ("%s\n", received[i]);
      g_autofree char *page = NULL;
      g_autofree char *score = NULL;
      guint n_pages;

      g_assert_no_error (error);
      text = write_and_read (f, report, name);
      n_pages = spire_report_get_n_pages (report);
      page = g_strdup_printf ("%s%u", first[i], n_pages);
      g_assert_nonnull (strstr (text, page));
      g_assert_nonnull (strstr (text, received[i]));
      /* The funnel's count as a bar's number */
      {
        g_autofree char *n = g_strdup_printf ("\n%" G_GINT64_FORMAT "\n", funnel.applied);
        g_autofree char *accepted = spire_format_number ((double) funnel.accepted, 0, langs[i]);

        g_assert_nonnull (strstr (text, n));
        g_assert_nonnull (strstr (text, accepted));
      }
      /* The first row's total as the ranking gives it */
      score = spire_format_number (spire_rank_row_get_score (spire_ranking_get_row (ranking, 0)),
                                   2, langs[i]);
      g_assert_nonnull (strstr (text, score));
      /* The ranking's header on each of its pages: more than once when it spans pages */
      g_assert_cmpuint (count (text, ranking_head[i]), >=, 1);
      g_assert_cmpuint (n_pages, >, 4);
      /* The same data, the same text */
      {
        g_autoptr (SpireReport) second = spire_report_cohort (f->store, f->cohort, langs[i], NULL,
                                                              &error);
        g_autofree char *name2 = g_strdup_printf ("cohort-%u-again.pdf", i);

        again = write_and_read (f, second, name2);
        g_assert_cmpstr (text, ==, again);
      }
    }
  g_unsetenv ("LANGUAGE");
}

static void
test_cohort_ranking_repeats_header (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) ranking = spire_rank_cohort (f->store, f->cohort, NULL, &error);
  g_autoptr (SpireReport) report = NULL;
  g_autofree char *text = NULL;
  const char *ranking_part, *decisions_part;
  g_autofree char *part = NULL;
  guint n_rows;

  if (!have_poppler ())
    return;
  n_rows = spire_ranking_get_n_rows (ranking);
  report = spire_report_cohort (f->store, f->cohort, SPIRE_LANGUAGE_EN, NULL, &error);
  text = write_and_read (f, report, "ranking.pdf");
  ranking_part = strstr (text, "Applications in rank order");
  g_assert_nonnull (ranking_part);
  decisions_part = strstr (ranking_part, "\nDecisions\n");
  g_assert_nonnull (decisions_part);
  part = g_strndup (ranking_part, decisions_part - ranking_part);
  /* With 3 applications per 100 points of page, a ranking this long spans
   * pages; its header ("Status" last) is on each of them. */
  g_assert_cmpuint (n_rows, >, 30);
  g_assert_cmpuint (count (part, "Page "), >=, 1);
  g_assert_cmpuint (count (part, "Status"), >=, 2);
  g_assert_cmpuint (count (part, "Status"), ==, count (part, "Page ") + 1);
}

static void
test_letter (Fixture *f, gconstpointer data)
{
  static const SpireLanguage langs[] = { SPIRE_LANGUAGE_NB, SPIRE_LANGUAGE_NN, SPIRE_LANGUAGE_EN };
  static const char *const words[] = { "Klagefristen", "Klagefristen", "complaints" };
  static const char *const innsyn[] = { "innsyn", "innsyn", "innsyn" };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) ranking = spire_rank_cohort (f->store, f->cohort, NULL, &error);
  SpireRankRow *row = spire_ranking_lookup (ranking, f->rejected);
  g_autoptr (SpireRecord) application = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  guint scored = 0;

  if (!have_poppler ())
    return;
  g_assert_nonnull (row);
  /* A confidential field and a comment on a score that must not show */
  application = spire_store_get (f->store, &spire_kind_application, f->rejected, &error);
  spire_record_set_text (application, "confidential", "HEMMELIG-PRISMODELL-4711");
  g_assert_true (spire_store_update (f->store, application, &error));
  reviews = spire_store_list (f->store, &spire_kind_review, "application", f->rejected, &error);
  g_assert_cmpuint (reviews->len, >, 0);
  {
    g_autoptr (GPtrArray) scores = spire_store_list (f->store, &spire_kind_score, "review",
                                                     spire_record_get_uuid (g_ptr_array_index (reviews, 0)),
                                                     &error);

    g_assert_cmpuint (scores->len, >, 0);
    spire_record_set_text (g_ptr_array_index (scores, 0), "comment", "INTERN-KOMMENTAR-0815");
    g_assert_true (spire_store_update (f->store, g_ptr_array_index (scores, 0), &error));
    g_assert_true (spire_store_update (f->store, g_ptr_array_index (reviews, 0), &error));
  }
  names = _spire_store_query (f->store, &error,
                              "SELECT p.name FROM evaluators e JOIN persons p ON p.uuid = e.person"
                              " WHERE e.cohort = ?",
                              1, f->cohort);
  g_assert_cmpuint (names->len, >, 0);
  g_clear_object (&ranking);
  ranking = spire_rank_cohort (f->store, f->cohort, NULL, &error);
  row = spire_ranking_lookup (ranking, f->rejected);

  g_setenv ("LANGUAGE", "en", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr (SpireReport) report = spire_report_letter (f->store, f->rejected, langs[i],
                                                            &error);
      g_autoptr (SpireReport) second = spire_report_letter (f->store, f->rejected, langs[i],
                                                            &error);
      g_autofree char *name = g_strdup_printf ("letter-%u.pdf", i);
      g_autofree char *name2 = g_strdup_printf ("letter-%u-again.pdf", i);
      g_autofree char *text = write_and_read (f, report, name);
      g_autofree char *again = write_and_read (f, second, name2);
      g_autofree char *total = spire_format_number (spire_rank_row_get_score (row), 2, langs[i]);

      g_assert_cmpstr (text, ==, again);
      g_assert_nonnull (strstr (text, spire_rank_row_get_startup_name (row)));
      g_assert_nonnull (strstr (text, total));
      g_assert_nonnull (strstr (text, words[i]));
      g_assert_nonnull (strstr (text, innsyn[i]));
      g_assert_nonnull (strstr (text, "§ 29"));
      /* Each scored criterion's mean as the ranking gives it */
      scored = 0;
      for (guint c = 0; c < spire_ranking_get_n_criteria (ranking); c++)
        if (spire_ranking_get_criterion (ranking, c)->kind == SPIRE_CRITERION_SCORED)
          {
            g_autofree char *mean = spire_format_number (spire_rank_row_get_criterion_mean (row, c,
                                                                                           NULL),
                                                         2, langs[i]);

            g_assert_nonnull (strstr (text, mean));
            g_assert_nonnull (strstr (text, spire_ranking_get_criterion (ranking, c)->name));
            scored++;
          }
      g_assert_cmpuint (scored, >, 0);
      g_assert_null (strstr (text, "HEMMELIG-PRISMODELL-4711"));
      g_assert_null (strstr (text, "INTERN-KOMMENTAR-0815"));
      for (guint n = 0; n < names->len; n++)
        g_assert_null (strstr (text, SPIRE_ROW_TEXT (g_ptr_array_index (names, n), 0)));
    }
  g_unsetenv ("LANGUAGE");
}

static void
test_letters_and_unknown (Fixture *f, gconstpointer data)
{
  static const char *const rejected[] = { "rejected", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autofree char *out = g_build_filename (f->dir, "brev", NULL);
  gint64 n_rejected;
  g_autoptr (GPtrArray) rows = NULL;

  rows = _spire_store_query (f->store, &error,
                             "SELECT count (*) FROM applications WHERE cohort = ?"
                             " AND status = 'rejected'",
                             1, f->cohort);
  n_rejected = g_ascii_strtoll (SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 0), NULL, 10);
  written = spire_report_letters_write (f->store, f->cohort, rejected, SPIRE_LANGUAGE_NN, out,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written->len, ==, n_rejected);
  for (guint i = 0; i < written->len; i++)
    {
      const char *path = g_ptr_array_index (written, i);

      g_assert_true (g_str_has_suffix (path, ".pdf"));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_unlink (path);
    }
  g_rmdir (out);

  g_assert_null (spire_report_letter (f->store, "00000000-0000-4000-8000-000000000000",
                                      SPIRE_LANGUAGE_NB, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (spire_report_cohort (f->store, "00000000-0000-4000-8000-000000000000",
                                      SPIRE_LANGUAGE_NB, NULL, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
}

static void
test_impact_reference (Fixture *f, gconstpointer data)
{
  static const SpireLanguage langs[] = { SPIRE_LANGUAGE_NB, SPIRE_LANGUAGE_NN, SPIRE_LANGUAGE_EN };
  static const char *const titles[] = { "Effektrapport", "Effektrapport", "Impact report" };
  static const char *const sheets[] = { "Referanseark", "Referanseark", "Reference sheet" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  const char *program, *solution;

  if (!have_poppler ())
    return;
  rows = _spire_store_query (f->store, &error,
                             "SELECT c.program, (SELECT d.solution FROM deals d"
                             "   WHERE d.solution IS NOT NULL GROUP BY d.solution"
                             "   ORDER BY count (*) DESC, d.solution LIMIT 1)"
                             " FROM cohorts c WHERE c.uuid = ?",
                             1, f->cohort);
  g_assert_no_error (error);
  program = SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 0);
  solution = SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 1);
  g_assert_nonnull (solution);

  g_setenv ("LANGUAGE", "nn", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr (SpireImpact) impact = spire_program_impact (f->store, program, &error);
      g_autoptr (SpireSolutionReach) reach = spire_solution_reach (f->store, solution, &error);
      g_autoptr (SpireReport) report = spire_report_impact (f->store, program, langs[i], &error);
      g_autoptr (SpireReport) sheet = spire_report_reference (f->store, solution, langs[i],
                                                              &error);
      g_autofree char *name = g_strdup_printf ("impact-%u.pdf", i);
      g_autofree char *name2 = g_strdup_printf ("reference-%u.pdf", i);
      g_autofree char *text = NULL, *sheet_text = NULL;
      g_autofree char *signed_value = as_extracted (spire_format_money (impact->signed_value,
                                                                        langs[i]));
      g_autofree char *invested = as_extracted (spire_format_money (impact->invested, langs[i]));
      g_autofree char *per_buyer = as_extracted (spire_format_money (reach->value_per_buyer,
                                                                     langs[i]));

      g_assert_no_error (error);
      text = write_and_read (f, report, name);
      sheet_text = write_and_read (f, sheet, name2);
      g_assert_nonnull (strstr (text, titles[i]));
      g_assert_nonnull (strstr (text, signed_value));
      g_assert_nonnull (strstr (text, invested));
      g_assert_nonnull (strstr (sheet_text, sheets[i]));
      g_assert_nonnull (strstr (sheet_text, reach->name));
      g_assert_nonnull (strstr (sheet_text, per_buyer));
    }
  g_unsetenv ("LANGUAGE");
  g_assert_null (spire_report_impact (f->store, "00000000-0000-4000-8000-000000000000",
                                      SPIRE_LANGUAGE_EN, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
}

static void
on_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_progress (double fraction, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_write_async (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "async.pdf", NULL);
  g_autofree char *cancelled = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  double last = 0;

  spire_report_write_async (f->store, SPIRE_REPORT_KIND_COHORT, f->cohort, NULL,
                            SPIRE_LANGUAGE_NN, path, NULL, on_progress, &last, on_written,
                            &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  paths = spire_report_write_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (last, ==, 1.0);
  g_unlink (path);

  g_clear_object (&result);
  g_clear_pointer (&paths, g_ptr_array_unref);
  g_cancellable_cancel (cancellable);
  spire_report_write_async (f->store, SPIRE_REPORT_KIND_LETTER, f->rejected, NULL,
                            SPIRE_LANGUAGE_EN, cancelled, cancellable, NULL, NULL, on_written,
                            &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  paths = spire_report_write_finish (f->store, result, &error);
  g_assert_null (paths);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
}

/* Built and paginated as long work, for the print dialog: the same pages
 * as built at once; letters by status, one report each. */
static void
test_build_async (Fixture *f, gconstpointer data)
{
  const char *cohort[] = { f->cohort, NULL };
  const char *rejected[] = { "rejected", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireReport) direct = spire_report_cohort (f->store, f->cohort, SPIRE_LANGUAGE_NB,
                                                        NULL, NULL);
  g_autoptr (SpireReport) letter = spire_report_letter (f->store, f->rejected,
                                                        SPIRE_LANGUAGE_NB, NULL);
  gboolean found = FALSE;
  double last = 0;

  spire_report_build_async (f->store, SPIRE_REPORT_KIND_COHORT, cohort, NULL, SPIRE_LANGUAGE_NB,
                            NULL, on_progress, &last, on_written, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  reports = spire_report_build_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpuint (spire_report_get_n_pages (reports->pdata[0]), ==,
                    spire_report_get_n_pages (direct));
  g_assert_cmpfloat (last, ==, 1.0);

  g_clear_object (&result);
  g_clear_pointer (&reports, g_ptr_array_unref);
  rows = _spire_store_query (f->store, &error,
                             "SELECT count (*) FROM applications"
                             " WHERE cohort = ? AND status = 'rejected'", 1, f->cohort);
  g_assert_no_error (error);
  spire_report_build_async (f->store, SPIRE_REPORT_KIND_LETTERS, cohort, rejected,
                            SPIRE_LANGUAGE_NB, NULL, NULL, NULL, on_written, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  reports = spire_report_build_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==,
                    g_ascii_strtoull (SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 0), NULL, 10));
  /* The rejected application's letter among them, with its pages. */
  for (guint i = 0; i < reports->len; i++)
    {
      SpireReport *r = reports->pdata[i];

      g_assert_cmpuint (spire_report_get_n_pages (r), >=, 1);
      if (spire_report_get_n_pages (r) == spire_report_get_n_pages (letter))
        found = TRUE;
    }
  g_assert_true (found);

  g_clear_object (&result);
  g_clear_pointer (&reports, g_ptr_array_unref);
  {
    const char *unknown[] = { "00000000-0000-4000-8000-000000000000", NULL };

    spire_report_build_async (f->store, SPIRE_REPORT_KIND_IMPACT, unknown, NULL,
                              SPIRE_LANGUAGE_EN, NULL, NULL, NULL, on_written, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    reports = spire_report_build_finish (f->store, result, &error);
    g_assert_null (reports);
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
  }
}

/* A box plot's five numbers: quartiles interpolated between the sorted
 * values (R's default, QUARTILE.INC), the values left as they were. */
static void
test_box_numbers (void)
{
  const double four[] = { 4, 1, 3, 2 };
  const double five[] = { 7, 1, 3, 5, 9 };
  const double one[] = { 2.5 };
  SpireReportBox box;

  spire_report_box_compute (four, 4, &box);
  g_assert_cmpuint (box.n, ==, 4);
  g_assert_cmpfloat_with_epsilon (box.min, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.q1, 1.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.median, 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.q3, 3.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.max, 4.0, 1e-12);
  g_assert_cmpfloat (four[0], ==, 4); /* not sorted in place */

  spire_report_box_compute (five, 5, &box);
  g_assert_cmpfloat_with_epsilon (box.min, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.q1, 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.median, 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.q3, 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (box.max, 9.0, 1e-12);

  spire_report_box_compute (one, 1, &box);
  g_assert_cmpfloat (box.min, ==, 2.5);
  g_assert_cmpfloat (box.q1, ==, 2.5);
  g_assert_cmpfloat (box.median, ==, 2.5);
  g_assert_cmpfloat (box.max, ==, 2.5);

  spire_report_box_compute (NULL, 0, &box);
  g_assert_cmpuint (box.n, ==, 0);
  g_assert_true (isnan (box.median) && isnan (box.q1) && isnan (box.max));
}

static void
test_letter_file_name (void)
{
  g_autofree char *a = spire_report_letter_file_name ("Nordlys Robotikk AS");
  g_autofree char *b = spire_report_letter_file_name ("A/S Ærlig: \"Øl\"");
  g_autofree char *c = spire_report_letter_file_name ("..");

  g_assert_cmpstr (a, ==, "Nordlys Robotikk AS.pdf");
  g_assert_cmpstr (b, ==, "A_S Ærlig_ _Øl_.pdf");
  g_assert_true (c[0] != '.');
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports/text/language", test_text_language);
  g_test_add_func ("/reports/text/plural-context", test_text_plural_context);
  g_test_add_func ("/reports/text/bad-file", test_text_bad_file);
  g_test_add_func ("/reports/text/threads", test_text_threads);
  g_test_add_func ("/reports/pdf/table-spans-pages", test_table_spans_pages);
  g_test_add_func ("/reports/pdf/table-header-words", test_table_header_words);
  g_test_add_func ("/reports/pdf/atomic", test_write_atomic);
  g_test_add_func ("/reports/pdf/not-over-database", test_write_not_over_database);
  g_test_add_func ("/reports/letter/file-name", test_letter_file_name);
  g_test_add_func ("/reports/chart/box-numbers", test_box_numbers);
  g_test_add ("/reports/cohort", Fixture, NULL, fixture_set_up, test_cohort_report,
              fixture_tear_down);
  g_test_add ("/reports/cohort/ranking-header", Fixture, NULL, fixture_set_up,
              test_cohort_ranking_repeats_header, fixture_tear_down);
  g_test_add ("/reports/letter", Fixture, NULL, fixture_set_up, test_letter, fixture_tear_down);
  g_test_add ("/reports/letters-unknown", Fixture, NULL, fixture_set_up,
              test_letters_and_unknown, fixture_tear_down);
  g_test_add ("/reports/impact-reference", Fixture, NULL, fixture_set_up,
              test_impact_reference, fixture_tear_down);
  g_test_add ("/reports/write-async", Fixture, NULL, fixture_set_up, test_write_async,
              fixture_tear_down);
  g_test_add ("/reports/build-async", Fixture, NULL, fixture_set_up, test_build_async,
              fixture_tear_down);
  return g_test_run ();
}
