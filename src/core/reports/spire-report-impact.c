/* spire-report-impact.c — the impact report and a solution's reference sheet
 *
 * Impact (DESIGN.md, Reports): per program across cohorts — invested,
 * signed value, realised gains and the ratio (spire_program_impact, as
 * `spire-cli impact --json`); conversion through the funnel per cohort;
 * deals by stage (count and kroner); contract value per year by
 * procedure; won and lost with reasons; scaling per solution; gains
 * expected vs realised per year; definitions.  The program's deals are
 * follow-up's (SPIRE_PROGRAM_DEALS_SQL).
 *
 * Reference sheet: a solution, its startup, its buyers over time
 * (spire_solution_reach) and the gains of its deals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-error.h"
#include "spire-followup-private.h"
#include "spire-followup.h"
#include "spire-records.h"
#include "spire-report-data-private.h"
#include "spire-reports.h"
#include "spire-store-private.h"

static gint64
to_int (const char *text)
{
  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static char *
ratio_text (SpireReportText *t, double ratio)
{
  return isnan (ratio) ? g_strdup ("–") : spire_report_text_number (t, ratio, 2);
}

typedef struct
{
  SpireStore *store;
  SpireReport *report;
  SpireReportText *t;
  const char *program;
} Impact;

static void
impact_key_figures (Impact *b, const SpireImpact *impact)
{
  SpireReportText  *t = b->t;
  SpireReportTable *facts;

  spire_report_add_heading (b->report, 1, _r (t, "Key figures"));
  facts = _spire_report_add_key_figures (b->report);
  _spire_report_add_fact (facts, _r (t, "Invested"), spire_report_text_money (t, impact->invested));
  _spire_report_add_fact (facts, _r (t, "Signed value"),
                          spire_report_text_money (t, impact->signed_value));
  _spire_report_add_fact (facts, _r (t, "Open weighted pipeline"),
                          spire_report_text_money (t, impact->weighted_pipeline));
  _spire_report_add_fact (facts, _r (t, "Gains expected"),
                          spire_report_text_money (t, impact->gains_expected));
  _spire_report_add_fact (facts, _r (t, "Gains realised"),
                          spire_report_text_money (t, impact->gains_realised));
  _spire_report_add_fact (facts, _r (t, "Realised gains per krone invested"),
                          ratio_text (t, impact->ratio_realised));
  _spire_report_add_fact (facts, _r (t, "Deals"), spire_report_text_count (t, impact->n_deals));
  _spire_report_add_fact (facts, _r (t, "Signed deals"),
                          spire_report_text_count (t, impact->n_signed));
}

static gboolean
impact_cohorts (Impact *b, GError **error)
{
  SpireReportText *t = b->t;
  const char *headers[] = { _r (t, "Cohort"), _r (t, "Applied"), _r (t, "Eligible"),
                            _r (t, "Evaluated"), _r (t, "Accepted"), _r (t, "Negotiating"),
                            _r (t, "Signed") };
  static const double widths[] = { 2.2, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1 };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr (GPtrArray) rows = NULL;
  SpireReportTable *table;

  rows = _spire_store_query (b->store, error,
                             "SELECT uuid, name FROM cohorts WHERE program = ?"
                             " ORDER BY coalesce (application_deadline, ''), name",
                             1, b->program);
  if (rows == NULL)
    return FALSE;
  spire_report_add_heading (b->report, 1, _r (t, "Conversion per cohort"));
  table = spire_report_add_table (b->report, 7, headers, widths, numeric);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      SpireFunnel f;
      char **cells;

      if (!spire_funnel_for_cohort (b->store, SPIRE_ROW_TEXT (row, 0), &f, error))
        return FALSE;
      cells = g_new0 (char *, 8);
      cells[0] = g_strdup (SPIRE_ROW_TEXT (row, 1));
      cells[1] = spire_report_text_count (t, f.applied);
      cells[2] = spire_report_text_count (t, f.eligible);
      cells[3] = spire_report_text_count (t, f.evaluated);
      cells[4] = spire_report_text_count (t, f.accepted);
      cells[5] = spire_report_text_count (t, f.negotiating);
      cells[6] = spire_report_text_count (t, f.signed_);
      spire_report_table_take_row (table, cells);
    }
  return TRUE;
}

/* Deals by stage: a bar per stage, its count and kroner. */
static gboolean
impact_stages (Impact *b, GError **error)
{
  SpireReportText *t = b->t;
  const char *const *stages = spire_deal_stages ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  rows = _spire_store_query (b->store, error,
                             "SELECT d.stage, count (*), coalesce (sum (d.value), 0) FROM deals d"
                             " WHERE d.uuid IN (" SPIRE_PROGRAM_DEALS_SQL ") GROUP BY d.stage",
                             1, b->program);
  if (rows == NULL)
    return FALSE;
  for (guint s = 0; stages[s]; s++)
    for (guint i = 0; i < rows->len; i++)
      {
        GPtrArray *row = g_ptr_array_index (rows, i);
        g_autofree char *money = NULL;
        double n;

        if (g_strcmp0 (SPIRE_ROW_TEXT (row, 0), stages[s]) != 0)
          continue;
        n = (double) to_int (SPIRE_ROW_TEXT (row, 1));
        money = spire_report_text_money (t, to_int (SPIRE_ROW_TEXT (row, 2)));
        g_ptr_array_add (labels, (gpointer) _spire_report_enum_word (t, &spire_kind_deal, "stage",
                                                                     stages[s]));
        g_array_append_val (values, n);
        g_ptr_array_add (texts, g_strdup_printf ("%s · %s", SPIRE_ROW_TEXT (row, 1), money));
      }
  spire_report_add_heading (b->report, 1, _r (t, "Deals by stage"));
  spire_report_add_text (b->report, _r (t, "The number of deals in each stage, with their "
                                           "value."));
  spire_report_add_bars (b->report, labels->len, (const char *const *) labels->pdata,
                         (const double *) values->data, (const char *const *) texts->pdata);
  return TRUE;
}

/* Contract value per year by procedure: the signed deals. */
static gboolean
impact_years (Impact *b, GError **error)
{
  SpireReportText *t = b->t;
  const char *headers[] = { _r (t, "Year"), _r (t, "Procedure"), _r (t, "Deals"),
                            _r (t, "Contract value") };
  static const double widths[] = { 0.5, 2, 0.6, 1.2 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) years = NULL;
  SpireReportTable *table;

  rows = _spire_store_query (b->store, error,
                             "SELECT substr (coalesce (d.signed_on, d.started_on), 1, 4),"
                             " d.procedure, count (*), coalesce (sum (d.value), 0) FROM deals d"
                             " WHERE d.uuid IN (" SPIRE_PROGRAM_DEALS_SQL ")"
                             " AND d.stage IN ('signed', 'delivering', 'scaled')"
                             " GROUP BY 1, 2 ORDER BY 1, 2",
                             1, b->program);
  if (rows == NULL)
    return FALSE;
  years = _spire_store_query (b->store, error,
                              "SELECT substr (coalesce (d.signed_on, d.started_on), 1, 4),"
                              " coalesce (sum (d.value), 0) FROM deals d"
                              " WHERE d.uuid IN (" SPIRE_PROGRAM_DEALS_SQL ")"
                              " AND d.stage IN ('signed', 'delivering', 'scaled')"
                              " GROUP BY 1 ORDER BY 1",
                              1, b->program);
  if (years == NULL)
    return FALSE;
  spire_report_add_heading (b->report, 1, _r (t, "Contract value per year"));
  if (rows->len == 0)
    {
      spire_report_add_text (b->report, _r (t, "No deal has been signed yet."));
      return TRUE;
    }
  {
    g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < years->len; i++)
      {
        GPtrArray *row = g_ptr_array_index (years, i);
        gint64 ore = to_int (SPIRE_ROW_TEXT (row, 1));
        double v = (double) ore;

        g_ptr_array_add (labels, g_strdup (SPIRE_ROW_TEXT (row, 0) ? SPIRE_ROW_TEXT (row, 0)
                                                                   : "–"));
        g_ptr_array_add (texts, spire_report_text_money (t, ore));
        g_array_append_val (values, v);
      }
    spire_report_add_bars (b->report, labels->len, (const char *const *) labels->pdata,
                           (const double *) values->data, (const char *const *) texts->pdata);
  }
  table = spire_report_add_table (b->report, 4, headers, widths, numeric);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup (SPIRE_ROW_TEXT (row, 0) ? SPIRE_ROW_TEXT (row, 0) : "–");
      cells[1] = g_strdup (SPIRE_ROW_TEXT (row, 1)
                             ? _spire_report_enum_word (t, &spire_kind_deal, "procedure",
                                                        SPIRE_ROW_TEXT (row, 1))
                             : _r (t, "Not chosen"));
      cells[2] = g_strdup (SPIRE_ROW_TEXT (row, 2));
      cells[3] = spire_report_text_money (t, to_int (SPIRE_ROW_TEXT (row, 3)));
      spire_report_table_take_row (table, cells);
    }
  return TRUE;
}

/* Gains expected vs realised per year, from @sql (one parameter). */
static gboolean
add_gains (SpireReport *report, SpireStore *store, const char *sql, const char *param,
           GError **error)
{
  SpireReportText *t = spire_report_get_text (report);
  const char *headers[] = { _r (t, "Year"), _r (t, "Expected"), _r (t, "Realised") };
  static const double widths[] = { 1, 1.5, 1.5 };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE };
  g_autoptr (GPtrArray) rows = _spire_store_query (store, error, sql, 1, param);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  SpireReportTable *table;

  if (rows == NULL)
    return FALSE;
  spire_report_add_heading (report, 1, _r (t, "Gains expected and realised per year"));
  if (rows->len == 0)
    {
      spire_report_add_text (report, _r (t, "No gains have been recorded."));
      return TRUE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      for (guint k = 0; k < 2; k++)
        {
          gint64 ore = to_int (SPIRE_ROW_TEXT (row, 1 + k));
          double v = (double) ore;

          /* TRANSLATORS: a bar's label in a chart: "2026, expected" */
          g_ptr_array_add (labels, g_strdup_printf (k == 0 ? _r (t, "%s, expected")
                                                           : _r (t, "%s, realised"),
                                                    SPIRE_ROW_TEXT (row, 0)));
          g_ptr_array_add (texts, spire_report_text_money (t, ore));
          g_array_append_val (values, v);
        }
    }
  spire_report_add_bars (report, labels->len, (const char *const *) labels->pdata,
                         (const double *) values->data, (const char *const *) texts->pdata);
  table = spire_report_add_table (report, 3, headers, widths, numeric);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      char **cells = g_new0 (char *, 4);

      cells[0] = g_strdup (SPIRE_ROW_TEXT (row, 0));
      cells[1] = spire_report_text_money (t, to_int (SPIRE_ROW_TEXT (row, 1)));
      cells[2] = spire_report_text_money (t, to_int (SPIRE_ROW_TEXT (row, 2)));
      spire_report_table_take_row (table, cells);
    }
  return TRUE;
}

static gboolean
impact_lost (Impact *b, GError **error)
{
  SpireReportText *t = b->t;
  const char *headers[] = { _r (t, "Startup"), _r (t, "Buyer"), _r (t, "Why there was no deal") };
  static const double widths[] = { 1, 1, 2 };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) won = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *n_won = NULL, *n_lost = NULL;
  SpireReportTable *table;

  won = _spire_store_query (b->store, error,
                            "SELECT count (*) FROM deals d WHERE d.uuid IN ("
                            SPIRE_PROGRAM_DEALS_SQL ") AND d.stage IN ('signed', 'delivering',"
                            " 'scaled')",
                            1, b->program);
  if (won == NULL)
    return FALSE;
  rows = _spire_store_query (b->store, error,
                             "SELECT s.name, p.name, coalesce (d.lost_reason, '') FROM deals d"
                             " JOIN startups s ON s.uuid = d.startup"
                             " JOIN public_bodies p ON p.uuid = d.public_body"
                             " WHERE d.uuid IN (" SPIRE_PROGRAM_DEALS_SQL ")"
                             " AND d.stage = 'no_deal'"
                             " ORDER BY s.name COLLATE NB, p.name COLLATE NB",
                             1, b->program);
  if (rows == NULL)
    return FALSE;
  n_won = spire_report_text_count (t, to_int (SPIRE_ROW_TEXT (g_ptr_array_index (won, 0), 0)));
  n_lost = spire_report_text_count (t, rows->len);
  spire_report_add_heading (b->report, 1, _r (t, "Won and lost"));
  /* TRANSLATORS: counts of deals: "Signed: 4. Ended without a deal: 2." */
  summary = g_strdup_printf (_r (t, "Signed: %s. Ended without a deal: %s."), n_won, n_lost);
  spire_report_add_text (b->report, summary);
  if (rows->len == 0)
    return TRUE;
  table = spire_report_add_table (b->report, 3, headers, widths, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      const char *cells[] = { SPIRE_ROW_TEXT (row, 0), SPIRE_ROW_TEXT (row, 1),
                              SPIRE_ROW_TEXT (row, 2) };

      spire_report_table_add_row (table, cells);
    }
  return TRUE;
}

static char *
days_text (SpireReportText *t, int days)
{
  return days < 0 ? g_strdup ("–") : spire_report_text_number (t, days, 0);
}

static void
impact_solutions (Impact *b, const SpireImpact *impact)
{
  SpireReportText *t = b->t;
  const char *headers[] = { _r (t, "Solution"), _r (t, "Startup"), _r (t, "Buyers"),
                            _r (t, "Days to the 2nd buyer"), _r (t, "Value per buyer") };
  static const double widths[] = { 1.6, 1.4, 0.6, 0.9, 1.1 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE, TRUE };
  SpireReportTable *table;

  spire_report_add_heading (b->report, 1, _r (t, "Scaling per solution"));
  if (impact->solutions->len == 0)
    {
      spire_report_add_text (b->report, _r (t, "No solutions have been recorded."));
      return;
    }
  table = spire_report_add_table (b->report, 5, headers, widths, numeric);
  for (guint i = 0; i < impact->solutions->len; i++)
    {
      SpireSolutionReach *r = g_ptr_array_index (impact->solutions, i);
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup (r->name);
      cells[1] = g_strdup (r->startup_name);
      cells[2] = spire_report_text_count (t, r->buyers->len);
      cells[3] = days_text (t, r->days_to_2nd);
      cells[4] = spire_report_text_money (t, r->value_per_buyer);
      spire_report_table_take_row (table, cells);
    }
}

#define GAINS_OF_PROGRAM_SQL                                                                  \
  "SELECT g.year, coalesce (sum (g.expected), 0), coalesce (sum (g.realised), 0) FROM gains g" \
  " WHERE g.deal IN (" SPIRE_PROGRAM_DEALS_SQL ") GROUP BY g.year ORDER BY g.year"

SpireReport *
spire_report_impact (SpireStore *store, const char *program_uuid, SpireLanguage lang,
                     GError **error)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (lang);
  g_autoptr (SpireImpact) impact = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (SpireReport) report = NULL;
  GPtrArray *program;
  Impact b = { store, NULL, t, program_uuid };
  const char *lines[3] = { NULL };

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  rows = _spire_store_query (store, error,
                             "SELECT p.name, p.operator, substr (max (p.updated_at,"
                             " coalesce ((SELECT max (d.updated_at) FROM deals d WHERE d.uuid IN ("
                             SPIRE_PROGRAM_DEALS_SQL ")), ''),"
                             " coalesce ((SELECT max (g.updated_at) FROM gains g WHERE g.deal IN ("
                             SPIRE_PROGRAM_DEALS_SQL ")), '')), 1, 10)"
                             " FROM programs p WHERE p.uuid = ?1",
                             1, program_uuid);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND, _("No program has the UUID %s."),
                   program_uuid);
      return NULL;
    }
  program = g_ptr_array_index (rows, 0);
  if ((impact = spire_program_impact (store, program_uuid, error)) == NULL)
    return NULL;

  report = spire_report_new (t, _r (t, "Impact report"), SPIRE_ROW_TEXT (program, 0),
                             SPIRE_ROW_TEXT (program, 0), SPIRE_ROW_TEXT (program, 2));
  spire_report_set_author (report, SPIRE_ROW_TEXT (program, 1));
  b.report = report;
  lines[0] = SPIRE_ROW_TEXT (program, 0);
  lines[1] = SPIRE_ROW_TEXT (program, 1);
  spire_report_add_cover (report, _r (t, "Impact report"), lines);
  impact_key_figures (&b, impact);
  if (!impact_cohorts (&b, error) || !impact_stages (&b, error) || !impact_years (&b, error) ||
      !add_gains (report, store, GAINS_OF_PROGRAM_SQL, program_uuid, error) ||
      !impact_lost (&b, error))
    return NULL;
  impact_solutions (&b, impact);
  spire_report_add_heading (report, 1, _r (t, "Definitions and caveats"));
  spire_report_add_text (report,
                         _r (t, "Signed value is the value of deals that are signed, delivering "
                                "or scaled. The weighted pipeline is the value of open deals "
                                "times the probability of their stage. Gains are what the buyers "
                                "recorded, expected and realised, per year; the ratio is realised "
                                "gains over what the program invested. A program’s deals are "
                                "those of its cohorts’ applications, and later deals of the "
                                "startups it accepted. Deals without a value count as zero."));
  return g_steal_pointer (&report);
}

SpireReport *
spire_report_reference (SpireStore *store, const char *solution_uuid, SpireLanguage lang,
                        GError **error)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (lang);
  g_autoptr (SpireSolutionReach) reach = NULL;
  g_autoptr (SpireRecord) solution = NULL;
  g_autoptr (SpireReport) report = NULL;
  g_autoptr (GPtrArray) date = NULL;
  const char *headers[] = { _r (t, "Buyer"), _r (t, "First signed"), _r (t, "Value") };
  static const double widths[] = { 2, 1, 1 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE };
  SpireReportTable *table;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  if ((solution = spire_store_get (store, &spire_kind_solution, solution_uuid, error)) == NULL)
    return NULL;
  if ((reach = spire_solution_reach (store, solution_uuid, error)) == NULL)
    return NULL;
  date = _spire_store_query (store, error,
                             "SELECT substr (max (s.updated_at, coalesce ((SELECT max (d.updated_at)"
                             " FROM deals d WHERE d.solution = s.uuid), '')), 1, 10)"
                             " FROM solutions s WHERE s.uuid = ?",
                             1, solution_uuid);
  if (date == NULL)
    return NULL;
  report = spire_report_new (t, _r (t, "Reference sheet"), reach->name, reach->startup_name,
                             SPIRE_ROW_TEXT (g_ptr_array_index (date, 0), 0));
  {
    g_autofree char *title = g_markup_printf_escaped (
      "<span size='20pt' weight='bold'>%s</span>\n<span size='12pt'>%s — %s</span>",
      reach->name, _r (t, "Reference sheet"), reach->startup_name);

    spire_report_add_markup (report, title);
  }
  if (spire_record_get_text (solution, "description"))
    spire_report_add_text (report, spire_record_get_text (solution, "description"));
  spire_report_add_heading (report, 1, _r (t, "In use"));
  {
    SpireReportTable *facts = _spire_report_add_key_figures (report);

    _spire_report_add_fact (facts, _r (t, "Buyers"),
                            spire_report_text_count (t, reach->buyers->len));
    _spire_report_add_fact (facts, _r (t, "Days to the 2nd buyer"),
                            days_text (t, reach->days_to_2nd));
    _spire_report_add_fact (facts, _r (t, "Days to the 10th buyer"),
                            days_text (t, reach->days_to_10th));
    _spire_report_add_fact (facts, _r (t, "Value per buyer"),
                            spire_report_text_money (t, reach->value_per_buyer));
  }
  if (reach->buyers->len > 0)
    {
      spire_report_add_heading (report, 2, _r (t, "Buyers"));
      table = spire_report_add_table (report, 3, headers, widths, numeric);
      for (guint i = 0; i < reach->buyers->len; i++)
        {
          SpireBuyer *buyer = g_ptr_array_index (reach->buyers, i);
          char **cells = g_new0 (char *, 4);

          cells[0] = g_strdup (buyer->body_name);
          cells[1] = spire_report_text_date (t, buyer->first_signed);
          cells[2] = spire_report_text_money (t, buyer->value);
          spire_report_table_take_row (table, cells);
        }
    }
  if (!add_gains (report, store,
                  "SELECT g.year, coalesce (sum (g.expected), 0), coalesce (sum (g.realised), 0)"
                  " FROM gains g JOIN deals d ON d.uuid = g.deal WHERE d.solution = ?"
                  " GROUP BY g.year ORDER BY g.year",
                  solution_uuid, error))
    return NULL;
  return g_steal_pointer (&report);
}
