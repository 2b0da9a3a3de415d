/* spire-cli-rank.c — rank: a cohort's applications ranked by their reviews
 *
 * The ranking is core's (spire_rank_cohort); this prints it as a table,
 * with what it was ranked by above and what the marks mean below, or as
 * JSON streamed to standard output (spire_ranking_write_json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "spire-cli-private.h"

/* rank */

enum
{
  RANK_COL_RANK,
  RANK_COL_TITLE,
  RANK_COL_STARTUP,
  RANK_COL_SCORE,
  RANK_COL_PERCENT,
  RANK_COL_SPREAD,
  RANK_COL_RANGE,
  RANK_COL_REVIEWS,
  RANK_COL_MISSING,
  RANK_COL_FLAGS,
  N_RANK_COLS
};

static char *
rank_flags_text (SpireRankFlags flags)
{
  g_autoptr (GString) text = g_string_new (NULL);
  /* TRANSLATORS: short flags in the table of "spire-cli rank", as its help names them */
  const struct { SpireRankFlags flag; const char *word; } words[] = {
    { SPIRE_RANK_FLAG_DISAGREEMENT, C_("rank flag", "disagreement") },
    { SPIRE_RANK_FLAG_MISSING_REVIEWS, C_("rank flag", "missing") },
    { SPIRE_RANK_FLAG_STALE_REVIEWS, C_("rank flag", "stale") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (flags & words[i].flag)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, words[i].word);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The cells of one row of the table. */
static char **
rank_row_cells (SpireRankRow *row, gboolean any_tied, gboolean on_terminal, SpireLanguage lang)
{
  char **cells = g_new0 (char *, N_RANK_COLS + 1);
  guint rank = spire_rank_row_get_rank (row);
  double percent = spire_rank_row_get_percent (row);
  g_autofree char *rank_text = spire_format_count (rank, lang);

  /* With ties, "2=" and "3 " keep the numbers in one column. */
  if (rank == 0)
    cells[RANK_COL_RANK] = g_strdup (any_tied ? "– " : "–");
  else if (spire_rank_row_get_tied (row))
    /* TRANSLATORS: a rank shared with other applications: "2=" */
    cells[RANK_COL_RANK] = g_strdup_printf (C_("rank", "%s="), rank_text);
  else
    cells[RANK_COL_RANK] = g_strdup_printf (any_tied ? "%s " : "%s", rank_text);
  cells[RANK_COL_TITLE] = cli_one_line (spire_rank_row_get_title (row)
                                          ? spire_rank_row_get_title (row) : "");
  cells[RANK_COL_STARTUP] = cli_one_line (spire_rank_row_get_startup_name (row)
                                            ? spire_rank_row_get_startup_name (row) : "");
  if (on_terminal)
    for (guint c = RANK_COL_TITLE; c <= RANK_COL_STARTUP; c++)
      {
        char *cut = cli_text_truncate (cells[c], 40);

        g_free (cells[c]);
        cells[c] = cut;
      }
  cells[RANK_COL_SCORE] = spire_format_number (spire_rank_row_get_shown_score (row), 2, lang);
  if (isnan (percent))
    cells[RANK_COL_PERCENT] = g_strdup ("–");
  else
    {
      g_autofree char *number = spire_format_number (percent, 0, lang);

      /* TRANSLATORS: a percent of the scale: "72%" (nb and nn: "72 %") */
      cells[RANK_COL_PERCENT] = g_strdup_printf (_("%s%%"), number);
    }
  cells[RANK_COL_SPREAD] = spire_format_number (spire_rank_row_get_spread (row), 2, lang);
  cells[RANK_COL_RANGE] = spire_format_number (spire_rank_row_get_range (row), 2, lang);
  cells[RANK_COL_REVIEWS] = cli_format_count (spire_rank_row_get_n_reviews (row));
  cells[RANK_COL_MISSING] = cli_format_count (spire_rank_row_get_n_missing (row));
  cells[RANK_COL_FLAGS] = rank_flags_text (spire_rank_row_get_flags (row));
  return cells;
}

static void
print_ranking_table (SpireRanking *ranking)
{
  SpireLanguage lang = spire_language_current ();
  guint n_rows = spire_ranking_get_n_rows (ranking);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[N_RANK_COLS] = {
    /* TRANSLATORS: column headers of "spire-cli rank"; keep them short */
    [RANK_COL_RANK] = C_("rank column", "Rank"),
    [RANK_COL_TITLE] = C_("rank column", "Title"),
    [RANK_COL_STARTUP] = C_("rank column", "Startup"),
    [RANK_COL_SCORE] = C_("rank column", "Score"),
    [RANK_COL_PERCENT] = C_("rank column", "%"),
    /* TRANSLATORS: the population standard deviation of the review scores */
    [RANK_COL_SPREAD] = C_("rank column", "σ"),
    [RANK_COL_RANGE] = C_("rank column", "Max−min"),
    [RANK_COL_REVIEWS] = C_("rank column", "Reviews"),
    /* TRANSLATORS: assigned reviews not yet submitted */
    [RANK_COL_MISSING] = C_("rank column", "Missing"),
    [RANK_COL_FLAGS] = C_("rank column", "Flags"),
  };
  const gboolean numeric[N_RANK_COLS] = {
    [RANK_COL_RANK] = TRUE,    [RANK_COL_SCORE] = TRUE,   [RANK_COL_PERCENT] = TRUE,
    [RANK_COL_SPREAD] = TRUE,  [RANK_COL_RANGE] = TRUE,   [RANK_COL_REVIEWS] = TRUE,
    [RANK_COL_MISSING] = TRUE,
  };
  gboolean on_terminal = isatty (STDOUT_FILENO);
  gboolean any_tied = FALSE;

  for (guint r = 0; r < n_rows; r++)
    any_tied = any_tied || spire_rank_row_get_tied (spire_ranking_get_row (ranking, r));
  for (guint r = 0; r < n_rows; r++)
    g_ptr_array_add (rows, rank_row_cells (spire_ranking_get_row (ranking, r), any_tied,
                                           on_terminal, lang));
  cli_print_rows (headers, numeric, N_RANK_COLS, rows);
}

/* What the ranking is by, above the table. */
static void
print_ranking_intro (SpireRanking *ranking, const char *name)
{
  SpireLanguage lang = spire_language_current ();
  double min = spire_ranking_get_scale_min (ranking);
  double max = spire_ranking_get_scale_max (ranking);
  g_autofree char *low = spire_format_number (min, min == floor (min) ? 0 : 2, lang);
  g_autofree char *high = spire_format_number (max, max == floor (max) ? 0 : 2, lang);
  double threshold = spire_ranking_get_disagreement_threshold (ranking);

  if (spire_ranking_get_aggregation (ranking) == SPIRE_AGGREGATION_MEDIAN)
    /* TRANSLATORS: "Ranking of “Høst 2026”: the median of the submitted reviews, on a scale of 1–7." */
    g_print (_("Ranking of “%s”: the median of the submitted reviews, on a scale of %s–%s.\n"),
             name, low, high);
  else
    g_print (_("Ranking of “%s”: the mean of the submitted reviews, on a scale of %s–%s.\n"),
             name, low, high);
  if (spire_ranking_get_normalised (ranking))
    g_print ("%s\n", _("Each evaluator’s scores are normalised first, so that harsh and "
                       "generous evaluators weigh the same."));
  if (!isnan (threshold))
    {
      g_autofree char *text = spire_format_number (threshold, 2, lang);

      /* TRANSLATORS: "disagreement" as the rank flag; σ is the population standard deviation */
      g_print (_("“disagreement”: σ of the review scores above %s.\n"), text);
    }
  g_print ("\n");
}

/* What the marks in the table mean, and what was left unranked, below it. */
static void
print_ranking_notes (SpireRanking *ranking, const char *name)
{
  guint n_rows = spire_ranking_get_n_rows (ranking);
  guint n_ranked = 0, n_tied = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      SpireRankRow *row = spire_ranking_get_row (ranking, i);

      if (spire_rank_row_get_rank (row) > 0)
        n_ranked++;
      if (spire_rank_row_get_tied (row))
        n_tied++;
    }

  if (n_tied > 0)
    g_print ("%s\n", _("“=”: applications that share a rank; neither their scores nor the "
                       "tie-break separates them."));
  if (n_ranked == 0)
    g_print (_("No application of “%s” has a submitted review with a score yet, so none is "
               "ranked.\n"),
             name);
  else if (n_ranked < n_rows)
    {
      g_autofree char *n_text = spire_format_count (n_rows - n_ranked, spire_language_current ());

      g_print (ngettext ("%s application has no submitted review with a score yet and is not "
                         "ranked (–).\n",
                         "%s applications have no submitted review with a score yet and are not "
                         "ranked (–).\n",
                         n_rows - n_ranked),
               n_text);
    }
}

int
cmd_rank (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort_uuid = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort_uuid,
      N_("The cohort to rank (required)"), N_("UUID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write the ranking as JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRanking) ranking = NULL;
  const char *name;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return cli_missing_cohort (command);

  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  cohort = cli_find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;
  name = spire_record_get_display_name (cohort);

  ranking = spire_rank_cohort (cli->store, cohort_uuid, NULL, &error);
  if (ranking == NULL)
    {
      /* The cohort is there (see above), so NOT_FOUND is its rubric. */
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
        return cli_refused_message (_("The cohort “%s” has no rubric yet, so there is nothing to "
                                      "rank by. Set up its criteria in Spire, and let the panel "
                                      "submit its reviews, before ranking."),
                                    name);
      return cli_refused (error);
    }

  if (json)
    {
      /* Streamed as it is made: no tree, no whole string (a cohort may
       * have 40 000 applications). */
      g_autoptr (GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      fflush (stdout);
      if (!spire_ranking_write_json (ranking, out, NULL, &error) ||
          !g_output_stream_write_all (out, "\n", 1, NULL, NULL, &error))
        return cli_refused (error);
      return EXIT_OK;
    }

  if (spire_ranking_get_n_rows (ranking) == 0)
    {
      g_print (_("The cohort “%s” has no applications to rank (ineligible and withdrawn ones "
                 "are left out).\n"),
               name);
      return EXIT_OK;
    }
  print_ranking_intro (ranking, name);
  print_ranking_table (ranking);
  print_ranking_notes (ranking, name);
  return EXIT_OK;
}
