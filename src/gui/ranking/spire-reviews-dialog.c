/* spire-reviews-dialog.c — every review of one application of the ranking
 *
 * One group per review (submitted ones first, then drafts, which the
 * ranking does not count): the evaluator, their role, the state, the score,
 * the recommendation and summary, then each criterion's value and comment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-reviews-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-ranking-resources.h"
#include "spire-reviews-dialog.h"

struct _SpireReviewsDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwPreferencesPage *page;
  AdwActionRow *score_row;
  AdwActionRow *reviews_row;

  guint n_reviews;
};

G_DEFINE_FINAL_TYPE (SpireReviewsDialog, spire_reviews_dialog, ADW_TYPE_WINDOW)

static char *
format_value (double value, int decimals)
{
  if (isnan (value))
    return g_strdup ("–");
  return spire_format_number (value, decimals, spire_language_current ());
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
text_row (const char *title, const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text && *text ? text : "–");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
add_review (SpireReviewsDialog *self, SpireRanking *ranking, SpireRankReview *review)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *role = NULL;
  g_autofree char *recommendation = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *score = NULL;
  g_autofree char *description = NULL;
  const char *role_label, *state_label, *rec_label;
  double value = spire_rank_review_get_score (review);

  g_object_get (review, "role", &role, "recommendation", &recommendation, "summary", &summary,
                NULL);
  role_label = spire_field_value_label (spire_kind_field (&spire_kind_evaluator, "role"), role);
  if (spire_rank_review_get_conflict_kind (review) != NULL)
    state_label = _("Submitted, not counted: conflict of interest");
  else if (!spire_rank_review_get_counted (review))
    state_label = _("Draft, not counted");
  else if (spire_rank_review_get_stale (review))
    state_label = _("Submitted, stale");
  else
    state_label = _("Submitted");
  score = format_value (value, 2);
  /* TRANSLATORS: under an evaluator's name: "Chair · Submitted · Score 5.33" */
  description = g_strdup_printf (_("%s · %s · Score %s"), role_label ? role_label : "",
                                 state_label, score);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   spire_rank_review_get_evaluator_name (review));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (spire_rank_review_get_conflict_kind (review) != NULL)
    {
      GtkWidget *badge = gtk_label_new (_("Not counted: conflict of interest"));

      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, "error");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, _("The evaluator has a conflict of interest with this "
                                            "application: the review is left out of the "
                                            "score, the spread and the ranking"));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), badge);
    }
  else if (!spire_rank_review_get_counted (review))
    {
      GtkWidget *badge = gtk_label_new (_("Not counted"));

      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, "warning");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, _("A draft: it is not part of the ranking until the "
                                            "evaluator submits it"));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), badge);
    }

  rec_label = recommendation ? spire_field_value_label (spire_kind_field (&spire_kind_review,
                                                                          "recommendation"),
                                                        recommendation)
                             : NULL;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             text_row (_("Recommendation"), rec_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (_("Summary"), summary));

  for (guint c = 0; c < spire_ranking_get_n_criteria (ranking); c++)
    {
      const SpireRankCriterion *criterion = spire_ranking_get_criterion (ranking, c);
      double v = spire_rank_review_get_value (review, c);
      const char *comment = spire_rank_review_get_comment (review, c);
      g_autofree char *text = isnan (v) ? g_strdup (_("N/A")) : format_value (v, 0);
      GtkWidget *row;

      if (criterion->kind == SPIRE_CRITERION_GATE)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), criterion->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (comment && *comment)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), comment);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label (text));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  self->n_reviews++;
}

static void
spire_reviews_dialog_class_init (SpireReviewsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  (void) spire_ranking_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/ranking/spire-reviews-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireReviewsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewsDialog, page);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewsDialog, score_row);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewsDialog, reviews_row);
}

static void
spire_reviews_dialog_init (SpireReviewsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_reviews_dialog_new (GtkWindow *parent, SpireRanking *ranking, SpireRankRow *row,
                          GListModel *reviews)
{
  SpireReviewsDialog *self;
  g_autofree char *score = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *rank = NULL;
  g_autofree char *score_text = NULL;
  g_autofree char *reviews_text = NULL;
  guint n_drafts = 0, n;

  g_return_val_if_fail (SPIRE_IS_RANKING (ranking), NULL);
  g_return_val_if_fail (SPIRE_IS_RANK_ROW (row), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (reviews), NULL);

  self = g_object_new (SPIRE_TYPE_REVIEWS_DIALOG, "transient-for", parent, NULL);
  adw_window_title_set_title (self->window_title, spire_rank_row_get_title (row));
  adw_window_title_set_subtitle (self->window_title, spire_rank_row_get_startup_name (row));
  gtk_window_set_title (GTK_WINDOW (self), spire_rank_row_get_title (row));

  if (isnan (spire_rank_row_get_score (row)))
    score_text = g_strdup (_("Not ranked: no submitted review with a score"));
  else
    {
      score = format_value (spire_rank_row_get_shown_score (row), 2);
      percent = format_value (spire_rank_row_get_percent (row), 0);
      rank = spire_format_count (spire_rank_row_get_rank (row), spire_language_current ());
      if (spire_rank_row_get_tied (row))
        /* TRANSLATORS: "4.33 (72 %), rank 2=" — the = marks a tie */
        score_text = g_strdup_printf (_("%s (%s %%), rank %s="), score, percent, rank);
      else
        /* TRANSLATORS: "4.33 (72 %), rank 2" */
        score_text = g_strdup_printf (_("%s (%s %%), rank %s"), score, percent, rank);
    }
  adw_action_row_set_subtitle (self->score_row, score_text);

  n = g_list_model_get_n_items (reviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRankReview) review = g_list_model_get_item (reviews, i);

      if (g_strcmp0 (spire_rank_review_get_state (review), "submitted") != 0)
        n_drafts++;
      add_review (self, ranking, review);
    }
  if (n == 0)
    reviews_text = g_strdup (_("No reviews yet"));
  else
    /* TRANSLATORS: "3 submitted, 1 draft" */
    reviews_text = g_strdup_printf (ngettext ("%u submitted, %u draft", "%u submitted, %u drafts",
                                               n_drafts),
                                     n - n_drafts, n_drafts);
  adw_action_row_set_subtitle (self->reviews_row, reviews_text);

  return GTK_WIDGET (self);
}

guint
spire_reviews_dialog_get_n_reviews (SpireReviewsDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_REVIEWS_DIALOG (self), 0);

  return self->n_reviews;
}
