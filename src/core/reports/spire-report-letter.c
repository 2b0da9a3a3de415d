/* spire-report-letter.c — the feedback letter to an applicant
 *
 * A reasoned individual decision (forvaltningsloven §§ 24–25): the
 * decision and its recorded reason; per criterion its weight, the panel's
 * aggregated score with the scale's words, and the gate results; the total
 * against the lowest accepted total and the cohort's average; the rules
 * (the rubric's criteria, its version); the right to complain and its
 * deadline (3 weeks from notice, § 29) and the right of access (innsyn).
 *
 * What it never shows: a confidential field (it reads named columns, never
 * applications.confidential), a reviewer's comment or summary, a screening
 * note, or an evaluator's name (the cohort has no setting that allows it
 * yet).  The numbers are core's ranking (spire-ranking.h), as `spire-cli
 * rank --json` gives them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "spire-error.h"
#include "spire-followup.h"
#include "spire-ranking.h"
#include "spire-report-data-private.h"
#include "spire-reports.h"
#include "spire-screening.h"
#include "spire-store-private.h"

typedef struct
{
  char *uuid, *title, *status, *cohort, *applicant;
  char *decision, *decided_at, *reason; /* the latest decision, or NULLs */
} LetterApplication;

static void
letter_application_clear (LetterApplication *a)
{
  g_free (a->uuid);
  g_free (a->title);
  g_free (a->status);
  g_free (a->cohort);
  g_free (a->applicant);
  g_free (a->decision);
  g_free (a->decided_at);
  g_free (a->reason);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LetterApplication, letter_application_clear)

static gboolean
read_application (SpireStore *store, const char *uuid, LetterApplication *out, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *row;

  rows = _spire_store_query (store, error,
                             "SELECT a.title, a.status, a.cohort, s.name, d.to_status,"
                             " d.decided_at, d.reason"
                             " FROM applications a JOIN startups s ON s.uuid = a.startup"
                             " LEFT JOIN decisions d ON d.id = (SELECT d2.id FROM decisions d2"
                             "   WHERE d2.application = a.uuid"
                             "   ORDER BY d2.decided_at DESC, d2.id DESC LIMIT 1)"
                             " WHERE a.uuid = ?",
                             1, uuid);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND,
                   _("No application has the UUID %s."), uuid);
      return FALSE;
    }
  row = g_ptr_array_index (rows, 0);
  out->uuid = g_strdup (uuid);
  out->title = g_strdup (SPIRE_ROW_TEXT (row, 0));
  out->status = g_strdup (SPIRE_ROW_TEXT (row, 1));
  out->cohort = g_strdup (SPIRE_ROW_TEXT (row, 2));
  out->applicant = g_strdup (SPIRE_ROW_TEXT (row, 3));
  out->decision = g_strdup (SPIRE_ROW_TEXT (row, 4));
  out->decided_at = g_strdup (SPIRE_ROW_TEXT (row, 5));
  out->reason = g_strdup (SPIRE_ROW_TEXT (row, 6));
  return TRUE;
}

static void
add_fact (SpireReportTable *table, const char *label, const char *value)
{
  const char *cells[] = { label, value };

  spire_report_table_add_row (table, cells);
}

static SpireReportTable *
add_facts (SpireReport *report)
{
  static const double widths[] = { 0.32, 0.68 };

  return spire_report_add_table (report, 2, NULL, widths, NULL);
}

static void
letter_decision (SpireReport *report, const LetterApplication *a, const ReportCohort *cohort)
{
  SpireReportText *t = spire_report_get_text (report);
  SpireReportTable *facts;
  g_autofree char *date = spire_report_text_date (t, a->decided_at ? a->decided_at : NULL);
  const char *status = a->decision ? a->decision : a->status;
  g_autofree char *where = g_strdup_printf ("%s, %s", cohort->program_name, cohort->name);

  spire_report_add_heading (report, 1, _r (t, "Decision on your application"));
  facts = add_facts (report);
  add_fact (facts, _r (t, "Applicant"), a->applicant);
  add_fact (facts, _r (t, "Application"), a->title);
  add_fact (facts, _r (t, "Program and cohort"), where);
  add_fact (facts, _r (t, "Decision"), _spire_report_status_word (t, status));
  if (a->decided_at)
    add_fact (facts, _r (t, "Date of the decision"), date);
  add_fact (facts, _r (t, "Reason"),
            a->reason ? a->reason : _r (t, "No decision has been recorded yet."));
}

/* Per criterion: weight, the panel's score and its word; then the gates. */
static void
letter_scores (SpireReport *report, SpireRanking *ranking, SpireRankRow *row,
               const ReportRubric *rubric, GPtrArray *gates)
{
  SpireReportText *t = spire_report_get_text (report);
  const char *headers[] = { _r (t, "Criterion"), _r (t, "Weight"), _r (t, "Panel’s score"),
                            _r (t, "In words") };
  static const double widths[] = { 0.42, 0.12, 0.18, 0.28 };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE, FALSE };
  g_autofree char *low = _spire_report_weight (t, rubric->scale_min);
  g_autofree char *high = _spire_report_weight (t, rubric->scale_max);
  SpireReportTable *table;

  spire_report_add_heading (report, 1, _r (t, "How your application was assessed"));
  if (row == NULL || spire_rank_row_get_n_reviews (row) == 0)
    {
      spire_report_add_text (report, _r (t, "Your application was not scored by the panel."));
    }
  else
    {
      guint n = spire_rank_row_get_n_reviews (row);
      g_autofree char *intro = g_strdup_printf (
        _rn (t, "The panel scored your application on a scale from %s to %s; %u review counts. "
                "Your score per criterion is the mean of the panel’s scores.",
             "The panel scored your application on a scale from %s to %s; %u reviews count. "
             "Your score per criterion is the mean of the panel’s scores.", n),
        low, high, n);

      spire_report_add_text (report, intro);
      table = spire_report_add_table (report, 4, headers, widths, numeric);
      for (guint c = 0; c < spire_ranking_get_n_criteria (ranking); c++)
        {
          const SpireRankCriterion *criterion = spire_ranking_get_criterion (ranking, c);
          double mean;
          char **cells;

          if (criterion->kind != SPIRE_CRITERION_SCORED)
            continue;
          mean = spire_rank_row_get_criterion_mean (row, c, NULL);
          cells = g_new0 (char *, 5);
          cells[0] = g_strdup (criterion->name);
          cells[1] = _spire_report_weight (t, criterion->weight);
          cells[2] = _spire_report_score (t, mean);
          cells[3] = _spire_report_scale_word (t, rubric, mean);
          if (cells[3] == NULL)
            cells[3] = g_strdup ("");
          spire_report_table_take_row (table, cells);
        }
    }

  if (gates != NULL && gates->len > 0)
    {
      const char *gate_headers[] = { _r (t, "Eligibility requirement"), _r (t, "Result") };
      static const double gate_widths[] = { 0.7, 0.3 };

      spire_report_add_heading (report, 2, _r (t, "Eligibility requirements"));
      table = spire_report_add_table (report, 2, gate_headers, gate_widths, NULL);
      for (guint i = 0; i < gates->len; i++)
        {
          SpireScreeningAnswer *answer = g_ptr_array_index (gates, i);
          const char *cells[] = { answer->criterion_name,
                                  answer->passed ? _r (t, "Met") : _r (t, "Not met") };

          spire_report_table_add_row (table, cells);
        }
    }
}

/* The total against the lowest accepted and the cohort's average. */
static void
letter_total (SpireReport *report, SpireRanking *ranking, SpireRankRow *row)
{
  SpireReportText *t = spire_report_get_text (report);
  double lowest_accepted = NAN, sum = 0;
  guint n_scored = 0, n_ranked = 0;
  SpireReportTable *facts;

  if (row == NULL || isnan (spire_rank_row_get_score (row)))
    return;
  for (guint i = 0; i < spire_ranking_get_n_rows (ranking); i++)
    {
      SpireRankRow *r = spire_ranking_get_row (ranking, i);
      double score = spire_rank_row_get_score (r);

      if (isnan (score))
        continue;
      n_scored++;
      sum += score;
      if (spire_rank_row_get_rank (r) > 0)
        n_ranked++;
      if (g_strcmp0 (spire_rank_row_get_status (r), "accepted") == 0 &&
          (isnan (lowest_accepted) || score < lowest_accepted))
        lowest_accepted = score;
    }

  spire_report_add_heading (report, 2, _r (t, "Your total compared with the cohort"));
  facts = add_facts (report);
  {
    g_autofree char *total = _spire_report_score (t, spire_rank_row_get_score (row));
    g_autofree char *place = spire_report_text_count (t, spire_rank_row_get_rank (row));
    g_autofree char *of = spire_report_text_count (t, n_ranked);
    /* TRANSLATORS: a place in the ranking of how many ranked, "1 234 of 4 000" */
    g_autofree char *rank = g_strdup_printf (_r (t, "%s of %s"), place, of);
    g_autofree char *lowest = _spire_report_score (t, lowest_accepted);
    g_autofree char *average = _spire_report_score (t, n_scored ? sum / n_scored : NAN);

    add_fact (facts, _r (t, "Your total"), total);
    add_fact (facts, _r (t, "Your place in the ranking"), rank);
    add_fact (facts, _r (t, "Lowest total accepted"), lowest);
    add_fact (facts, _r (t, "Average total of the cohort"), average);
  }
}

/* The rules the decision was made under: the rubric as frozen. */
static gboolean
letter_rules (SpireReport *report, SpireStore *store, const char *cohort_uuid,
              const ReportRubric *rubric, GError **error)
{
  SpireReportText *t = spire_report_get_text (report);
  g_autoptr (GPtrArray) rows = NULL;
  const char *headers[] = { _r (t, "Criterion"), _r (t, "Kind"), _r (t, "Weight"),
                            _r (t, "What the panel looked for") };
  static const double widths[] = { 0.26, 0.16, 0.1, 0.48 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, FALSE };
  g_autofree char *frozen = spire_report_text_date (t, rubric->frozen_at);
  g_autofree char *intro = NULL;
  SpireReportTable *table;

  rows = _spire_store_query (store, error,
                             "SELECT c.name, c.kind, c.weight, c.guidance FROM criteria c"
                             " JOIN rubrics r ON r.uuid = c.rubric WHERE r.cohort = ?"
                             " ORDER BY c.position",
                             1, cohort_uuid);
  if (rows == NULL)
    return FALSE;
  spire_report_add_heading (report, 1, _r (t, "The rules the decision was made under"));
  if (rubric->frozen_at)
    intro = g_strdup_printf (_r (t, "The cohort’s criteria, version %d, fixed on %s before "
                                    "the panel scored."),
                             (int) rubric->version, frozen);
  else
    intro = g_strdup_printf (_r (t, "The cohort’s criteria, version %d."), (int) rubric->version);
  spire_report_add_text (report, intro);
  if (g_strcmp0 (rubric->aggregation, "median") == 0)
    spire_report_add_text (report, _r (t, "An application’s total is the median of the "
                                          "panel’s weighted scores."));
  else
    spire_report_add_text (report, _r (t, "An application’s total is the mean of the "
                                          "panel’s weighted scores."));
  if (g_strcmp0 (rubric->normalisation, "per_evaluator") == 0)
    spire_report_add_text (report, _r (t, "Each panel member’s scores are normalised first, "
                                          "so that strict and generous members weigh the same."));
  table = spire_report_add_table (report, 4, headers, widths, numeric);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      const char *kind = SPIRE_ROW_TEXT (row, 1);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup (SPIRE_ROW_TEXT (row, 0));
      cells[1] = g_strdup (g_strcmp0 (kind, "gate") == 0  ? _r (t, "requirement")
                           : g_strcmp0 (kind, "scored") == 0 ? _r (t, "scored")
                                                            : _r (t, "not counted"));
      cells[2] = _spire_report_weight (t, g_ascii_strtod (SPIRE_ROW_TEXT (row, 2), NULL));
      cells[3] = g_strdup (SPIRE_ROW_TEXT (row, 3) ? SPIRE_ROW_TEXT (row, 3) : "");
      spire_report_table_take_row (table, cells);
    }
  return TRUE;
}

static void
letter_rights (SpireReport *report, const ReportCohort *cohort)
{
  SpireReportText *t = spire_report_get_text (report);
  const char *who = cohort->operator_ ? cohort->operator_ : cohort->program_name;
  g_autofree char *complain = NULL;

  spire_report_add_heading (report, 1, _r (t, "Your right to complain"));
  complain = g_strdup_printf (
    _r (t, "You may complain about this decision (forvaltningsloven § 28). The deadline "
           "for complaints is 3 weeks from the day you received this letter (forvaltningsloven "
           "§ 29). Send your complaint to %s. Say which decision you complain about, what you "
           "want changed and why. If the decision is not changed, your complaint is sent on "
           "to the body that handles complaints."),
    who);
  spire_report_add_text (report, complain);
  spire_report_add_heading (report, 1, _r (t, "Your right of access"));
  spire_report_add_text (report,
                         _r (t, "You have the right to see the documents of your case "
                                "(innsyn, forvaltningsloven §§ 18 and 19), with the exceptions "
                                "the law makes, such as other applicants’ business secrets."));
}

static SpireReport *
letter_build (SpireStore *store, SpireRanking *ranking, const char *application_uuid,
              SpireReportText *t, GError **error)
{
  g_auto (LetterApplication) a = { 0 };
  g_auto (ReportCohort) cohort = { 0 };
  g_auto (ReportRubric) rubric = { 0 };
  g_autoptr (GPtrArray) gates = NULL;
  g_autoptr (SpireReport) report = NULL;
  g_autoptr (SpireRanking) own = NULL;
  g_autofree char *header = NULL;
  g_autofree char *subject = NULL;
  gboolean has_rubric;

  if (!read_application (store, application_uuid, &a, error) ||
      !_spire_report_read_cohort (store, a.cohort, &cohort, error))
    return NULL;
  has_rubric = _spire_report_read_rubric (store, a.cohort, &rubric, NULL);
  if (ranking == NULL && has_rubric)
    {
      own = spire_rank_cohort (store, a.cohort, NULL, error);
      if (own == NULL)
        return NULL;
      ranking = own;
    }
  if (has_rubric)
    {
      gates = spire_screening_list_answers (store, application_uuid, error);
      if (gates == NULL)
        return NULL;
    }

  header = _spire_report_cohort_header (&cohort);
  /* TRANSLATORS: the PDF's subject: "Feedback letter to Nordlys Robotikk AS" */
  subject = g_strdup_printf (_r (t, "Feedback letter to %s"), a.applicant);
  report = spire_report_new (t, _r (t, "Feedback letter"), subject, header, cohort.data_date);
  spire_report_set_author (report, cohort.operator_);
  {
    g_autofree char *to = g_strdup_printf (_r (t, "To %s"), a.applicant);
    g_autofree char *today = spire_today ();
    g_autofree char *date = spire_report_text_date (t, today);
    g_autofree char *dated = g_strdup_printf (_r (t, "Date: %s"), date);
    g_autofree char *title = g_markup_printf_escaped (
      "<span size='16pt' weight='bold'>%s</span>\n\n%s\n%s", _r (t, "Feedback letter"), to,
      dated);

    spire_report_add_markup (report, title);
  }
  letter_decision (report, &a, &cohort);
  if (has_rubric)
    {
      SpireRankRow *row = spire_ranking_lookup (ranking, application_uuid);

      letter_scores (report, ranking, row, &rubric, gates);
      letter_total (report, ranking, row);
      if (!letter_rules (report, store, a.cohort, &rubric, error))
        return NULL;
    }
  letter_rights (report, &cohort);
  return g_steal_pointer (&report);
}

SpireReport *
spire_report_letter (SpireStore *store, const char *application_uuid, SpireLanguage lang,
                     GError **error)
{
  g_autoptr (SpireReportText) t = spire_report_text_new (lang);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  return letter_build (store, NULL, application_uuid, t, error);
}

char *
spire_report_letter_file_name (const char *applicant)
{
  g_autoptr (GString) name = g_string_new (NULL);

  for (const char *p = applicant; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
          c == '>' || c == '|' || g_unichar_iscntrl (c))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0 || name->str[0] == '.')
    g_string_prepend (name, "letter");
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* A path in @dir for @applicant that no letter of this run has taken. */
static char *
letter_path (const char *dir, const char *applicant, GHashTable *taken)
{
  g_autofree char *file = spire_report_letter_file_name (applicant);
  g_autofree char *stem = g_strndup (file, strlen (file) - 4);
  char *path = g_build_filename (dir, file, NULL);

  for (guint n = 2; g_hash_table_contains (taken, path); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s (%u).pdf", stem, n);

      g_free (path);
      path = g_build_filename (dir, numbered, NULL);
    }
  g_hash_table_add (taken, g_strdup (path));
  return path;
}

/* Builds the letter of every application of @cohort_uuid whose status is
 * one of @statuses, in the order of their applicants' names, and hands each
 * to @func with its applicant; stops at the first error or a cancel. */
gboolean
_spire_report_letters_foreach (SpireStore *store, const char *cohort_uuid,
                               const char *const *statuses, SpireLanguage lang,
                               GCancellable *cancellable, ReportLetterFunc func, gpointer data,
                               GError **error)
{
  static const char *const decided[] = { "accepted", "waitlisted", "rejected", "ineligible",
                                         NULL };
  g_autoptr (SpireReportText) t = spire_report_text_new (lang);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (SpireRanking) ranking = NULL;
  g_auto (ReportCohort) cohort = { 0 };
  g_autoptr (GError) local = NULL;
  guint n = 0, done = 0;

  if (!_spire_report_read_cohort (store, cohort_uuid, &cohort, error))
    return FALSE;
  rows = _spire_store_query (store, error,
                             "SELECT a.uuid, s.name, a.status FROM applications a"
                             " JOIN startups s ON s.uuid = a.startup WHERE a.cohort = ?"
                             " ORDER BY s.name COLLATE NB, a.uuid",
                             1, cohort_uuid);
  if (rows == NULL)
    return FALSE;
  /* A cohort without a rubric has no ranking: its letters say so. */
  ranking = spire_rank_cohort (store, cohort_uuid, cancellable, &local);
  if (ranking == NULL && !g_error_matches (local, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    if (g_strv_contains (statuses ? statuses : decided,
                         SPIRE_ROW_TEXT (g_ptr_array_index (rows, i), 2)))
      n++;
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      g_autoptr (SpireReport) report = NULL;

      if (!g_strv_contains (statuses ? statuses : decided, SPIRE_ROW_TEXT (row, 2)))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                               _("Writing the report was cancelled."));
          return FALSE;
        }
      report = letter_build (store, ranking, SPIRE_ROW_TEXT (row, 0), t, error);
      if (report == NULL || !func (report, SPIRE_ROW_TEXT (row, 1), ++done, n, data, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *dir;
  GCancellable *cancellable;
  GHashTable *taken;
  GPtrArray *written;
} WriteLetters;

static gboolean
write_letter (SpireReport *report, const char *applicant, guint done, guint n, gpointer data,
              GError **error)
{
  WriteLetters *w = data;
  g_autofree char *path = letter_path (w->dir, applicant, w->taken);

  if (!spire_report_write_pdf (report, path, w->cancellable, error))
    return FALSE;
  g_ptr_array_add (w->written, g_steal_pointer (&path));
  return TRUE;
}

GPtrArray *
spire_report_letters_write (SpireStore *store, const char *cohort_uuid,
                            const char *const *statuses, SpireLanguage lang, const char *dir,
                            GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  WriteLetters w = { dir, cancellable, taken, written };
  g_auto (ReportCohort) cohort = { 0 };

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  /* An unknown cohort makes no folder. */
  if (!_spire_report_read_cohort (store, cohort_uuid, &cohort, error))
    return NULL;
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Cannot write “%s”: %s"), dir,
                   g_strerror (saved));
      return NULL;
    }
  if (!_spire_report_letters_foreach (store, cohort_uuid, statuses, lang, cancellable,
                                      write_letter, &w, error))
    return NULL;
  return g_steal_pointer (&written);
}
