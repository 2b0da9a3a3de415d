/* spire-report-cohort.c — the cohort report (DESIGN.md, Reports)
 *
 * Cover; key figures (the funnel of spire_funnel_for_cohort, the panel,
 * reviews, conflicts declared, days from the deadline to the decisions);
 * the funnel chart; applicants by challenge and by county (the fylke of the
 * startup's kommunenummer); scores per criterion as a box plot,
 * disagreement and load per panel member; the ranking with per-criterion
 * scores (core's ranking, as `spire-cli rank --json`); decisions with
 * reasons; the pipeline (spire_deal_cards); method and confidentiality.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-error.h"
#include "spire-followup.h"
#include "spire-ranking.h"
#include "spire-records.h"
#include "spire-report-data-private.h"
#include "spire-reports.h"
#include "spire-store-private.h"

typedef struct
{
  SpireStore *store;
  SpireReport *report;
  SpireReportText *t;
  const ReportCohort *cohort;
  SpireRanking *ranking; /* NULL without a rubric */
  SpireFunnel funnel;
} Build;

static gint64
count_one (Build *b, const char *sql, GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (b->store, error, sql, 1, b->cohort->uuid);
  const char *value;

  if (rows == NULL)
    return -1;
  value = rows->len ? SPIRE_ROW_TEXT (g_ptr_array_index (rows, 0), 0) : NULL;
  return value ? g_ascii_strtoll (value, NULL, 10) : G_MININT64;
}

static char *
count_text (Build *b, gint64 n)
{
  if (n == G_MININT64)
    return g_strdup ("–");
  return spire_report_text_count (b->t, n);
}

static gboolean
cohort_key_figures (Build *b, GError **error)
{
  SpireReportText *t = b->t;
  SpireReportTable *facts;
  gint64 panel, reviews, conflicts, days;

  panel = count_one (b, "SELECT count (*) FROM evaluators WHERE cohort = ?", error);
  reviews = count_one (b, "SELECT count (*) FROM reviews r JOIN applications a"
                          " ON a.uuid = r.application WHERE a.cohort = ? AND r.state = 'submitted'",
                       error);
  conflicts = count_one (b, "SELECT count (*) FROM conflicts k JOIN evaluators e"
                            " ON e.uuid = k.evaluator WHERE e.cohort = ? AND k.origin = 'declared'",
                         error);
  days = count_one (b, "SELECT CAST (julianday (substr (max (d.decided_at), 1, 10))"
                       " - julianday (c.application_deadline) AS INTEGER)"
                       " FROM decisions d JOIN applications a ON a.uuid = d.application"
                       " JOIN cohorts c ON c.uuid = a.cohort WHERE a.cohort = ?"
                       " AND d.to_status IN ('accepted', 'rejected', 'waitlisted')"
                       " AND c.application_deadline IS NOT NULL",
                    error);
  if (panel < 0 && panel != G_MININT64)
    return FALSE;
  if (reviews == -1 || conflicts == -1 || days == -1)
    return FALSE;

  spire_report_add_heading (b->report, 1, _r (t, "Key figures"));
  facts = _spire_report_add_key_figures (b->report);
  _spire_report_add_fact (facts, _r (t, "Applications received"),
                          count_text (b, b->funnel.applied));
  _spire_report_add_fact (facts, _r (t, "Eligible"), count_text (b, b->funnel.eligible));
  _spire_report_add_fact (facts, _r (t, "Evaluated"), count_text (b, b->funnel.evaluated));
  _spire_report_add_fact (facts, _r (t, "Accepted"), count_text (b, b->funnel.accepted));
  _spire_report_add_fact (facts, _r (t, "Negotiating an agreement"),
                          count_text (b, b->funnel.negotiating));
  _spire_report_add_fact (facts, _r (t, "Signed an agreement"), count_text (b, b->funnel.signed_));
  _spire_report_add_fact (facts, _r (t, "Panel members"), count_text (b, panel));
  _spire_report_add_fact (facts, _r (t, "Reviews submitted"), count_text (b, reviews));
  _spire_report_add_fact (facts, _r (t, "Conflicts of interest declared"),
                          count_text (b, conflicts));
  _spire_report_add_fact (facts, _r (t, "Days from the deadline to the decisions"),
                          count_text (b, days));
  return TRUE;
}

static void
cohort_funnel (Build *b)
{
  SpireReportText *t = b->t;
  const char *labels[7];
  gint64 counts[7];
  double conversion[7], values[7];
  g_auto (GStrv) texts = g_new0 (char *, 8);

  spire_funnel_values (&b->funnel, counts, conversion);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *n = spire_report_text_count (t, counts[i]);

      labels[i] = _r (t, spire_funnel_step_label (i));
      values[i] = (double) counts[i];
      if (i == 0 || isnan (conversion[i]))
        texts[i] = g_steal_pointer (&n);
      else
        {
          g_autofree char *pct = spire_report_text_number (t, 100 * conversion[i], 0);

          /* TRANSLATORS: a funnel step's count and its share of the step before: "12 (75 %)" */
          texts[i] = g_strdup_printf (_r (t, "%s (%s%%)"), n, pct);
        }
    }
  spire_report_add_heading (b->report, 1, _r (t, "From application to agreement"));
  spire_report_add_text (b->report,
                         _r (t, "Each step counts the applications that reached it, with its "
                                "share of the step before; the agreement steps are shares of "
                                "the accepted applications, each counted once by its furthest "
                                "deal."));
  spire_report_add_bars (b->report, 7, (const char *const *) labels, values,
                         (const char *const *) texts);
}

/* Bars from rows of (label, count). */
static void
add_count_bars (Build *b, GPtrArray *rows, const char *none)
{
  guint n = rows->len;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      labels[i] = SPIRE_ROW_TEXT (row, 0) ? SPIRE_ROW_TEXT (row, 0) : none;
      values[i] = g_ascii_strtod (SPIRE_ROW_TEXT (row, 1), NULL);
      g_ptr_array_add (texts, spire_report_text_count (b->t, (gint64) values[i]));
    }
  spire_report_add_bars (b->report, n, labels, values, (const char *const *) texts->pdata);
}

static gboolean
cohort_applicants (Build *b, GError **error)
{
  SpireReportText *t = b->t;
  g_autoptr (GPtrArray) by_challenge = NULL, by_kommune = NULL, by_fylke = NULL;
  g_autoptr (GHashTable) fylker = g_hash_table_new (g_str_hash, g_str_equal);
  const char *unknown = _r (t, "Not known");

  by_challenge = _spire_store_query (b->store, error,
                                     "SELECT ch.title, count (*) FROM applications a"
                                     " LEFT JOIN challenges ch ON ch.uuid = a.challenge"
                                     " WHERE a.cohort = ? GROUP BY ch.uuid"
                                     " ORDER BY count (*) DESC, ch.title",
                                     1, b->cohort->uuid);
  if (by_challenge == NULL)
    return FALSE;
  by_kommune = _spire_store_query (b->store, error,
                                   "SELECT substr (s.kommunenummer, 1, 2), count (*)"
                                   " FROM applications a JOIN startups s ON s.uuid = a.startup"
                                   " WHERE a.cohort = ? GROUP BY 1 ORDER BY count (*) DESC, 1",
                                   1, b->cohort->uuid);
  if (by_kommune == NULL)
    return FALSE;

  /* Fylker: several codes could name one fylke; merge them in order. */
  by_fylke = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < by_kommune->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (by_kommune, i);
      const char *name = _spire_report_fylke (SPIRE_ROW_TEXT (row, 0));
      GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (out, g_strdup (name ? name : unknown));
      g_ptr_array_add (out, g_strdup (SPIRE_ROW_TEXT (row, 1)));
      g_ptr_array_add (by_fylke, out);
    }

  spire_report_add_heading (b->report, 1, _r (t, "Applicants"));
  spire_report_add_heading (b->report, 2, _r (t, "By challenge"));
  add_count_bars (b, by_challenge, _r (t, "No challenge named"));
  spire_report_add_heading (b->report, 2, _r (t, "By county"));
  spire_report_add_text (b->report, _r (t, "The county of the startup’s registered address "
                                           "(kommunenummer, 2024 counties)."));
  add_count_bars (b, by_fylke, unknown);
  return TRUE;
}

/* Disagreement as bars: the applications by their reviews' σ, in steps of
 * a quarter of the rubric's threshold up to it and of a half beyond it,
 * the last step open. */
static void
add_spread_bars (Build *b)
{
  SpireRanking *ranking = b->ranking;
  static const double edges[] = { 0, 0.25, 0.5, 0.75, 1, 1.5, 2 };
  const guint n_bins = G_N_ELEMENTS (edges);
  double threshold = spire_ranking_get_disagreement_threshold (ranking);
  double counts[G_N_ELEMENTS (edges)] = { 0 };
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  if (!(threshold > 0))
    return;
  for (guint r = 0; r < spire_ranking_get_n_rows (ranking); r++)
    {
      double spread = spire_rank_row_get_spread (spire_ranking_get_row (ranking, r));
      guint k = 0;

      if (isnan (spread))
        continue;
      /* A step holds what is above its lower edge up to its upper edge. */
      while (k + 1 < n_bins && spread > edges[k + 1] * threshold + 1e-9)
        k++;
      counts[k]++;
    }
  for (guint k = 0; k < n_bins; k++)
    {
      g_autofree char *from = spire_report_text_number (b->t, edges[k] * threshold, 2);

      if (k + 1 < n_bins)
        {
          g_autofree char *to = spire_report_text_number (b->t, edges[k + 1] * threshold, 2);

          g_ptr_array_add (labels, g_strdup_printf ("σ %s–%s", from, to));
        }
      else
        g_ptr_array_add (labels, g_strdup_printf ("σ > %s", from));
      g_ptr_array_add (texts, spire_report_text_count (b->t, (gint64) counts[k]));
    }
  spire_report_add_text (b->report,
                         _r (b->t, "The applications by how much their reviews disagree (σ); "
                                   "the rubric’s threshold is the upper end of the fourth bar."));
  spire_report_add_bars (b->report, n_bins, (const char *const *) labels->pdata, counts,
                         (const char *const *) texts->pdata);
}

/* Scores per criterion (a box plot of the applications' means on each
 * criterion, its five numbers computed here once), disagreement, and load
 * per panel member. */
static gboolean
cohort_quality (Build *b, GError **error)
{
  SpireReportText *t = b->t;
  SpireRanking *ranking = b->ranking;
  guint n_criteria = spire_ranking_get_n_criteria (ranking);
  guint n_rows = spire_ranking_get_n_rows (ranking);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (SpireReportBox));
  g_autofree double *values = g_new (double, MAX (n_rows, 1));
  g_autoptr (GPtrArray) load = NULL;
  guint n_disagree = 0;
  g_autofree char *n_text = NULL;
  g_autofree char *disagree = NULL;

  for (guint c = 0; c < n_criteria; c++)
    {
      const SpireRankCriterion *criterion = spire_ranking_get_criterion (ranking, c);
      SpireReportBox box;
      guint n = 0;

      if (criterion->kind != SPIRE_CRITERION_SCORED)
        continue;
      for (guint r = 0; r < n_rows; r++)
        {
          double mean = spire_rank_row_get_criterion_mean (spire_ranking_get_row (ranking, r), c,
                                                           NULL);

          if (!isnan (mean))
            values[n++] = mean;
        }
      spire_report_box_compute (values, n, &box);
      g_ptr_array_add (labels, criterion->name);
      g_array_append_val (boxes, box);
    }
  for (guint r = 0; r < n_rows; r++)
    if (spire_rank_row_get_flags (spire_ranking_get_row (ranking, r)) &
        SPIRE_RANK_FLAG_DISAGREEMENT)
      n_disagree++;

  load = _spire_store_query (b->store, error,
                             "SELECT p.name, (SELECT count (*) FROM reviews r"
                             "  WHERE r.evaluator = e.uuid AND r.state = 'submitted')"
                             " FROM evaluators e JOIN persons p ON p.uuid = e.person"
                             " WHERE e.cohort = ? ORDER BY 2 DESC, p.name",
                             1, b->cohort->uuid);
  if (load == NULL)
    return FALSE;

  spire_report_add_heading (b->report, 1, _r (t, "Evaluation quality"));
  spire_report_add_heading (b->report, 2, _r (t, "Scores per criterion"));
  spire_report_add_text (b->report,
                         _r (t, "The applications’ mean scores on each criterion: the box spans "
                                "the middle half of them, from the first to the third quartile; "
                                "the red line is the median; the whiskers reach the lowest and "
                                "the highest."));
  spire_report_add_boxes (b->report, labels->len, (const char *const *) labels->pdata,
                          (const SpireReportBox *) boxes->data,
                          spire_ranking_get_scale_min (ranking),
                          spire_ranking_get_scale_max (ranking));
  spire_report_add_heading (b->report, 2, _r (t, "Disagreement"));
  n_text = spire_report_text_count (t, n_disagree);
  disagree = g_strdup_printf (_rn (t, "%s application had scores that disagree more than the "
                                      "rubric’s threshold allows (standard deviation σ).",
                                   "%s applications had scores that disagree more than the "
                                   "rubric’s threshold allows (standard deviation σ).",
                                   n_disagree),
                              n_text);
  spire_report_add_text (b->report, disagree);
  add_spread_bars (b);
  spire_report_add_heading (b->report, 2, _r (t, "Reviews per panel member"));
  add_count_bars (b, load, "");
  return TRUE;
}

/* The ranking with per-criterion scores: a table that spans pages. */
static void
cohort_ranking (Build *b)
{
  SpireReportText *t = b->t;
  SpireRanking *ranking = b->ranking;
  guint n_criteria = spire_ranking_get_n_criteria (ranking);
  g_autoptr (GArray) scored = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) headers = g_ptr_array_new ();
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) numeric = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) legend = g_string_new (NULL);
  SpireReportTable *table;
  gboolean right;
  double w;

  for (guint c = 0; c < n_criteria; c++)
    if (spire_ranking_get_criterion (ranking, c)->kind == SPIRE_CRITERION_SCORED)
      g_array_append_val (scored, c);

#define COLUMN(title, width, num)                                                             \
  G_STMT_START                                                                                \
  {                                                                                           \
    g_ptr_array_add (headers, (gpointer) (title));                                            \
    w = (width);                                                                              \
    g_array_append_val (widths, w);                                                           \
    right = (num);                                                                            \
    g_array_append_val (numeric, right);                                                      \
  }                                                                                           \
  G_STMT_END
  COLUMN (_r (t, "Rank"), 0.6, TRUE);
  COLUMN (_r (t, "Applicant"), 2.2, FALSE);
  COLUMN (_r (t, "Total"), 0.8, TRUE);
  COLUMN ("σ", 0.7, TRUE);
  for (guint i = 0; i < scored->len; i++)
    {
      /* TRANSLATORS: a criterion's short name in a table's header: "C1" (nb, nn: "K1") */
      char *name = g_strdup_printf (_r (t, "C%u"), i + 1);

      g_ptr_array_add (numbers, name);
      COLUMN (name, MIN (0.7, 4.0 / scored->len), TRUE);
    }
  COLUMN (_r (t, "Status"), 1.1, FALSE);
#undef COLUMN

  spire_report_add_heading (b->report, 1, _r (t, "Ranking"));
  spire_report_add_text (b->report, _r (t, "Applications in rank order with their total and "
                                           "their mean score per criterion. “=” marks a shared "
                                           "rank; “–” an application without a score."));
  for (guint i = 0; i < scored->len; i++)
    g_string_append_printf (legend, "%s%s: %s", i ? "  ·  " : "",
                            (const char *) g_ptr_array_index (numbers, i),
                            spire_ranking_get_criterion (ranking,
                                                         g_array_index (scored, guint, i))->name);
  if (legend->len > 0)
    spire_report_add_text (b->report, legend->str);
  table = spire_report_add_table (b->report, headers->len, (const char *const *) headers->pdata,
                                  (const double *) widths->data, (const gboolean *) numeric->data);
  for (guint r = 0; r < spire_ranking_get_n_rows (ranking); r++)
    {
      SpireRankRow *row = spire_ranking_get_row (ranking, r);
      char **cells = g_new0 (char *, headers->len + 1);
      guint k = 0, rank = spire_rank_row_get_rank (row);

      if (rank == 0)
        cells[k++] = g_strdup ("–");
      else
        {
          g_autofree char *rank_text = spire_report_text_count (t, rank);

          cells[k++] = g_strdup_printf (spire_rank_row_get_tied (row) ? "%s=" : "%s", rank_text);
        }
      cells[k++] = g_strdup_printf ("%s\n%s", spire_rank_row_get_startup_name (row),
                                    spire_rank_row_get_title (row));
      cells[k++] = _spire_report_score (t, spire_rank_row_get_score (row));
      cells[k++] = _spire_report_score (t, spire_rank_row_get_spread (row));
      for (guint i = 0; i < scored->len; i++)
        cells[k++] = _spire_report_score (
          t, spire_rank_row_get_criterion_mean (row, g_array_index (scored, guint, i), NULL));
      cells[k++] = g_strdup (_spire_report_status_word (t, spire_rank_row_get_status (row)));
      spire_report_table_take_row (table, cells);
    }
}

static gboolean
cohort_decisions (Build *b, GError **error)
{
  SpireReportText *t = b->t;
  const char *headers[] = { _r (t, "Applicant"), _r (t, "Decision"), _r (t, "Date"),
                            _r (t, "Reason") };
  static const double widths[] = { 0.25, 0.14, 0.13, 0.48 };
  g_autoptr (GPtrArray) rows = NULL;
  SpireReportTable *table;

  rows = _spire_store_query (b->store, error,
                             "SELECT s.name, d.to_status, d.decided_at, d.reason"
                             " FROM applications a JOIN startups s ON s.uuid = a.startup"
                             " JOIN decisions d ON d.id = (SELECT d2.id FROM decisions d2"
                             "   WHERE d2.application = a.uuid"
                             "   ORDER BY d2.decided_at DESC, d2.id DESC LIMIT 1)"
                             " WHERE a.cohort = ? ORDER BY CASE d.to_status WHEN 'accepted' THEN 0"
                             "   WHEN 'waitlisted' THEN 1 WHEN 'rejected' THEN 2"
                             "   WHEN 'ineligible' THEN 3 ELSE 4 END, s.name, a.uuid",
                             1, b->cohort->uuid);
  if (rows == NULL)
    return FALSE;
  spire_report_add_heading (b->report, 1, _r (t, "Decisions"));
  if (rows->len == 0)
    {
      spire_report_add_text (b->report, _r (t, "No decisions have been recorded yet."));
      return TRUE;
    }
  table = spire_report_add_table (b->report, 4, headers, widths, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup (SPIRE_ROW_TEXT (row, 0));
      cells[1] = g_strdup (_spire_report_status_word (t, SPIRE_ROW_TEXT (row, 1)));
      cells[2] = spire_report_text_date (t, SPIRE_ROW_TEXT (row, 2));
      cells[3] = g_strdup (SPIRE_ROW_TEXT (row, 3));
      spire_report_table_take_row (table, cells);
    }
  return TRUE;
}

static char *
money_or_dash (SpireReportText *t, gint64 ore)
{
  return ore == SPIRE_INT_NONE ? g_strdup ("–") : spire_report_text_money (t, ore);
}

static gboolean
cohort_pipeline (Build *b, GError **error)
{
  SpireReportText *t = b->t;
  const char *headers[] = { _r (t, "Startup"), _r (t, "Buyer"), _r (t, "Procedure"),
                            _r (t, "Stage"), _r (t, "Value"), _r (t, "Weighted value"),
                            _r (t, "Days in stage") };
  static const double widths[] = { 0.17, 0.16, 0.2, 0.11, 0.13, 0.13, 0.1 };
  static const gboolean numeric[] = { FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, TRUE };
  g_autofree char *today = spire_today ();
  g_autoptr (GPtrArray) cards = spire_deal_cards (b->store, b->cohort->uuid, NULL, today, error);
  SpireReportTable *table;

  if (cards == NULL)
    return FALSE;
  spire_report_add_heading (b->report, 1, _r (t, "Pipeline"));
  if (cards->len == 0)
    {
      spire_report_add_text (b->report, _r (t, "No deals have been recorded for this cohort."));
      return TRUE;
    }
  spire_report_add_text (b->report, _r (t, "Deals between the cohort’s startups and public "
                                           "bodies; the weighted value is the value times the "
                                           "stage’s probability."));
  table = spire_report_add_table (b->report, 7, headers, widths, numeric);
  for (guint i = 0; i < cards->len; i++)
    {
      SpireDealCard *card = g_ptr_array_index (cards, i);
      char **cells = g_new0 (char *, 8);

      cells[0] = g_strdup (spire_deal_card_get_startup (card));
      cells[1] = g_strdup (spire_deal_card_get_buyer (card));
      cells[2] = g_strdup (_spire_report_enum_word (t, &spire_kind_deal, "procedure",
                                                   spire_deal_card_get_procedure (card)));
      cells[3] = g_strdup (_spire_report_enum_word (t, &spire_kind_deal, "stage",
                                                   spire_deal_card_get_stage (card)));
      cells[4] = money_or_dash (t, spire_deal_card_get_value (card));
      cells[5] = money_or_dash (t, spire_deal_card_get_weighted_value (card));
      cells[6] = spire_report_text_number (t, spire_deal_card_get_days_in_stage (card), 0);
      spire_report_table_take_row (table, cells);
    }
  return TRUE;
}

static void
cohort_method (Build *b)
{
  SpireReportText *t = b->t;

  spire_report_add_heading (b->report, 1, _r (t, "Method and confidentiality"));
  spire_report_add_text (b->report,
                         _r (t, "The ranking counts submitted reviews only; a review by a panel "
                                "member with a conflict of interest is left out. An "
                                "application’s total is the mean or median of its reviews’ "
                                "weighted scores, as the cohort’s rubric says; applications "
                                "without a submitted review are not ranked. Ineligible and "
                                "withdrawn applications are counted as applied but not ranked."));
  spire_report_add_text (b->report,
                         _r (t, "This report holds no confidential information from the "
                                "applications and no comments of the panel. It names panel "
                                "members in the load per member and is meant for the program’s "
                                "own use; check it before giving it out under innsyn."));
}

SpireReport *
spire_report_cohort (SpireStore *store, const char *cohort_uuid, SpireLanguage lang,
                     GCancellable *cancellable, GError **error)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (lang);
  g_auto (ReportCohort) cohort = { 0 };
  g_autoptr (SpireReport) report = NULL;
  g_autoptr (SpireRanking) ranking = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *header = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *deadline_line = NULL;
  const char *lines[5] = { NULL };
  guint n = 0;
  Build b = { store, NULL, t, &cohort, NULL, { 0 } };

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  if (!_spire_report_read_cohort (store, cohort_uuid, &cohort, error) ||
      !spire_funnel_for_cohort (store, cohort_uuid, &b.funnel, error))
    return NULL;
  ranking = spire_rank_cohort (store, cohort_uuid, cancellable, &local);
  if (ranking == NULL && !g_error_matches (local, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  b.ranking = ranking;

  header = _spire_report_cohort_header (&cohort);
  report = spire_report_new (t, _r (t, "Cohort report"), header, header, cohort.data_date);
  spire_report_set_author (report, cohort.operator_);
  b.report = report;

  lines[n++] = cohort.name;
  lines[n++] = cohort.program_name;
  if (cohort.operator_)
    lines[n++] = cohort.operator_;
  if (cohort.deadline)
    {
      deadline = spire_report_text_date (t, cohort.deadline);
      deadline_line = g_strdup_printf (_r (t, "Application deadline: %s"), deadline);
      lines[n++] = deadline_line;
    }
  spire_report_add_cover (report, _r (t, "Cohort report"), lines);
  if (!cohort_key_figures (&b, error))
    return NULL;
  cohort_funnel (&b);
  if (!cohort_applicants (&b, error))
    return NULL;
  if (ranking != NULL)
    {
      if (!cohort_quality (&b, error))
        return NULL;
      cohort_ranking (&b);
    }
  if (!cohort_decisions (&b, error) || !cohort_pipeline (&b, error))
    return NULL;
  cohort_method (&b);
  return g_steal_pointer (&report);
}
