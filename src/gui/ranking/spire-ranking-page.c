/* spire-ranking-page.c — the cohort's ranking, the selection meeting and decisions
 *
 * The ranking is made by spire_rank_cohort_async() (a worker thread with its
 * own read connection), when the page is shown and again, debounced, when
 * the store says that reviews, scores, applications, rubrics or decisions
 * changed.  Its rows go GListStore → GtkSortListModel (the column view's
 * sorter) → GtkMultiSelection → GtkColumnView, with GtkInscription cells
 * as in the cohort page.  The "Selection Meeting Order" lists the rows as
 * spire_ranking_get_meeting_order() gives them (most disagreement first)
 * without sorting them.  Decisions are taken on the selected rows with one
 * written reason (spire_decide()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-ranking-page.h"
#include "spire-ranking-page-private.h"
#include "spire-ranking-resources.h"
#include "spire-reviews-dialog.h"
#include "spire-window.h"

/* How long to wait after the last change before ranking again. */
#define RERANK_DELAY_MS 400

struct _SpireRankingPage
{
  AdwBin parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkToggleButton *meeting_button;
  GtkLabel *summary_label;
  GtkSpinner *spinner;
  GtkRevealer *meeting_revealer;
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_status;
  GtkColumnView *column_view;
  GtkColumnViewColumn *columns[SPIRE_RANKING_N_FIXED_COLUMNS];
  GtkRevealer *action_revealer;
  GtkLabel *selected_label;

  GListStore *rows;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;
  GPtrArray *criterion_columns; /* GtkColumnViewColumn, one per criterion shown */
  GArray *criterion_index;      /* guint: the ranking's index of each of those */
  char *criteria_signature;

  SpireStore *store;
  SpireCohort *cohort;
  char *cohort_uuid;
  SpireRanking *ranking;
  GCancellable *cancellable;
  guint debounce_source;
  gboolean running;
  gboolean dirty;
  gboolean meeting;
  gboolean changing_sort;

  AdwMessageDialog *decide_dialog; /* weak */
  GtkWindow *reviews_dialog;       /* weak */
  GPtrArray *toasts; /* their titles, for the tests */
};

G_DEFINE_FINAL_TYPE (SpireRankingPage, spire_ranking_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MEETING_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* spire_collate_key of a row's title and challenge, made when first sorted. */
static GQuark title_key_quark;
static GQuark challenge_key_quark;

static void schedule_rank (SpireRankingPage *self, guint delay_ms);
static void set_meeting_order (SpireRankingPage *self, gboolean meeting);

/* Text */

static char *
format_number (double value, int decimals)
{
  if (isnan (value))
    return g_strdup ("–");
  return spire_format_number (value, decimals, spire_language_current ());
}

static const SpireField *
status_field (void)
{
  return spire_kind_field (&spire_kind_application, "status");
}

static int
status_rank (const char *value)
{
  int i = 0;

  if (value == NULL)
    return G_MAXINT;
  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    if (g_str_equal (v->value, value))
      return i;
  return G_MAXINT - 1;
}

static char *
rank_text (SpireRankRow *row)
{
  guint rank = spire_rank_row_get_rank (row);

  if (rank == 0)
    return g_strdup ("–");
  if (spire_rank_row_get_tied (row))
    /* TRANSLATORS: a rank shared with another application, "2=" */
    return g_strdup_printf (_("%u="), rank);
  return g_strdup_printf ("%u", rank);
}

static char *
score_text (SpireRankRow *row)
{
  double score = spire_rank_row_get_score (row);
  g_autofree char *s = NULL;
  g_autofree char *p = NULL;

  if (isnan (score))
    return g_strdup ("–");
  s = format_number (score, 2);
  p = format_number (spire_rank_row_get_percent (row), 0);
  /* TRANSLATORS: the score and its percentage of the scale, "4.33 (72 %)" */
  return g_strdup_printf (_("%s (%s %%)"), s, p);
}

static char *
reviews_text (SpireRankRow *row)
{
  guint n = spire_rank_row_get_n_reviews (row);
  guint missing = spire_rank_row_get_n_missing (row);

  if (missing == 0)
    return g_strdup_printf ("%u", n);
  /* TRANSLATORS: submitted reviews of those expected, "2 of 3" */
  return g_strdup_printf (_("%u of %u"), n, n + missing);
}

static char *
cell_text (SpireRankingPage *self, SpireRankRow *row, guint column)
{
  switch (column)
    {
    case SPIRE_RANKING_COLUMN_RANK:
      return rank_text (row);
    case SPIRE_RANKING_COLUMN_APPLICANT:
      return g_strdup_printf ("%s\n%s", spire_rank_row_get_title (row),
                              spire_rank_row_get_startup_name (row) ?: "");
    case SPIRE_RANKING_COLUMN_CHALLENGE:
      return g_strdup (spire_rank_row_get_challenge_title (row) ?: "");
    case SPIRE_RANKING_COLUMN_STATUS:
      return g_strdup (spire_field_value_label (status_field (), spire_rank_row_get_status (row)));
    case SPIRE_RANKING_COLUMN_SCORE:
      return score_text (row);
    case SPIRE_RANKING_COLUMN_SPREAD:
      return format_number (spire_rank_row_get_n_reviews (row) ? spire_rank_row_get_spread (row)
                                                               : NAN, 2);
    case SPIRE_RANKING_COLUMN_RANGE:
      return format_number (spire_rank_row_get_n_reviews (row) ? spire_rank_row_get_range (row)
                                                               : NAN, 2);
    case SPIRE_RANKING_COLUMN_REVIEWS:
      return reviews_text (row);
    case SPIRE_RANKING_COLUMN_FLAGS:
      {
        g_auto (GStrv) nicks = spire_rank_flags_to_strv (spire_rank_row_get_flags (row));
        return g_strjoinv (" ", nicks);
      }
    default:
      {
        guint c = column - SPIRE_RANKING_N_FIXED_COLUMNS;

        g_return_val_if_fail (self->criterion_index && c < self->criterion_index->len, NULL);
        return format_number (spire_rank_row_get_criterion_mean (
                                row, g_array_index (self->criterion_index, guint, c), NULL),
                              2);
      }
    }
}

/* Sorting: collation keys are made once per row and kept. */

static const char *
row_key (SpireRankRow *row, GQuark quark, const char *text)
{
  char *key = g_object_get_qdata (G_OBJECT (row), quark);

  if (key == NULL)
    {
      key = spire_collate_key (text ? text : "");
      g_object_set_qdata_full (G_OBJECT (row), quark, key, g_free);
    }
  return key;
}

static int
order (int r)
{
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Ascending; no value (NaN) after every value. */
static int
compare_doubles (double a, double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b) ? GTK_ORDERING_EQUAL
           : isnan (a)            ? GTK_ORDERING_LARGER
                                  : GTK_ORDERING_SMALLER;
  return order ((a > b) - (a < b));
}

static int
compare_rank_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint ra = spire_rank_row_get_rank ((SpireRankRow *) a);
  guint rb = spire_rank_row_get_rank ((SpireRankRow *) b);

  /* Unranked (0) last. */
  ra = ra ? ra : G_MAXUINT;
  rb = rb ? rb : G_MAXUINT;
  return order ((ra > rb) - (ra < rb));
}

static int
compare_title_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireRankRow *ra = (SpireRankRow *) a, *rb = (SpireRankRow *) b;
  int r = strcmp (row_key (ra, title_key_quark, spire_rank_row_get_title (ra)),
                  row_key (rb, title_key_quark, spire_rank_row_get_title (rb)));

  return order (r);
}

static int
compare_challenge_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireRankRow *ra = (SpireRankRow *) a, *rb = (SpireRankRow *) b;
  int r = strcmp (row_key (ra, challenge_key_quark, spire_rank_row_get_challenge_title (ra)),
                  row_key (rb, challenge_key_quark, spire_rank_row_get_challenge_title (rb)));

  return order (r);
}

static int
compare_status_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  int ra = status_rank (spire_rank_row_get_status ((SpireRankRow *) a));
  int rb = status_rank (spire_rank_row_get_status ((SpireRankRow *) b));

  return order ((ra > rb) - (ra < rb));
}

static int
compare_score_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_doubles (spire_rank_row_get_score ((SpireRankRow *) a),
                          spire_rank_row_get_score ((SpireRankRow *) b));
}

static double
spread_of (SpireRankRow *row)
{
  return spire_rank_row_get_n_reviews (row) ? spire_rank_row_get_spread (row) : NAN;
}

static double
range_of (SpireRankRow *row)
{
  return spire_rank_row_get_n_reviews (row) ? spire_rank_row_get_range (row) : NAN;
}

static int
compare_spread_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_doubles (spread_of ((SpireRankRow *) a), spread_of ((SpireRankRow *) b));
}

static int
compare_range_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_doubles (range_of ((SpireRankRow *) a), range_of ((SpireRankRow *) b));
}

static int
compare_reviews_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint na = spire_rank_row_get_n_reviews ((SpireRankRow *) a);
  guint nb = spire_rank_row_get_n_reviews ((SpireRankRow *) b);

  if (na == nb)
    {
      na = spire_rank_row_get_n_missing ((SpireRankRow *) b);
      nb = spire_rank_row_get_n_missing ((SpireRankRow *) a);
    }
  return order ((na > nb) - (na < nb));
}

/* More flags first when descending: by how many, then which. */
static int
compare_flags_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint fa = spire_rank_row_get_flags ((SpireRankRow *) a) & ~SPIRE_RANK_FLAG_UNSCORED;
  guint fb = spire_rank_row_get_flags ((SpireRankRow *) b) & ~SPIRE_RANK_FLAG_UNSCORED;
  guint ca = 0, cb = 0;

  for (guint bit = 1; bit <= SPIRE_RANK_FLAG_CONFLICTED_REVIEWS; bit <<= 1)
    {
      ca += (fa & bit) != 0;
      cb += (fb & bit) != 0;
    }

  if (ca != cb)
    return order ((ca > cb) - (ca < cb));
  return order ((fa > fb) - (fa < fb));
}

static int
compare_criterion_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);

  return compare_doubles (spire_rank_row_get_criterion_mean ((SpireRankRow *) a, index, NULL),
                          spire_rank_row_get_criterion_mean ((SpireRankRow *) b, index, NULL));
}

/* Cells */

static GtkWidget *
new_inscription (guint min_chars, guint nat_chars, float xalign)
{
  /* GtkInscription: a label made for list cells (GTK 4.8 makes up to 200
   * rows of a long list at once, so cells should be light). */
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), nat_chars);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static guint
factory_column (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  guint column = factory_column (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *child;

  switch (column)
    {
    case SPIRE_RANKING_COLUMN_APPLICANT:
      {
        GtkWidget *title = new_inscription (16, 40, 0);
        GtkWidget *startup = new_inscription (10, 30, 0);

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
        gtk_widget_add_css_class (startup, "caption");
        gtk_widget_add_css_class (startup, "dim-label");
        gtk_box_append (GTK_BOX (child), title);
        gtk_box_append (GTK_BOX (child), startup);
        break;
      }
    case SPIRE_RANKING_COLUMN_FLAGS:
      {
        static const char *const icons[] = { "dialog-warning-symbolic",
                                             "content-loading-symbolic",
                                             "document-open-recent-symbolic",
                                             "action-unavailable-symbolic" };

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_set_size_request (child, 88, -1);
        for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
          {
            GtkWidget *image = gtk_image_new_from_icon_name (icons[i]);

            if (i == 0 || i == 3)
              gtk_widget_add_css_class (image, "warning");
            else
              gtk_widget_add_css_class (image, "dim-label");
            gtk_box_append (GTK_BOX (child), image);
          }
        break;
      }
    case SPIRE_RANKING_COLUMN_CHALLENGE:
      child = new_inscription (8, 24, 0);
      break;
    case SPIRE_RANKING_COLUMN_STATUS:
      child = new_inscription (6, 12, 0);
      break;
    case SPIRE_RANKING_COLUMN_SCORE:
      child = new_inscription (6, 12, 1);
      gtk_widget_add_css_class (child, "numeric");
      break;
    case SPIRE_RANKING_COLUMN_RANK:
      child = new_inscription (3, 5, 1);
      gtk_widget_add_css_class (child, "numeric");
      break;
    default:
      child = new_inscription (4, 6, 1);
      gtk_widget_add_css_class (child, "numeric");
      break;
    }
  gtk_list_item_set_child (item, child);
}

static void
bind_flags (GtkWidget *box, SpireRankRow *row, SpireRanking *ranking)
{
  SpireRankFlags flags = spire_rank_row_get_flags (row);
  GtkWidget *disagree = gtk_widget_get_first_child (box);
  GtkWidget *missing = gtk_widget_get_next_sibling (disagree);
  GtkWidget *stale = gtk_widget_get_next_sibling (missing);
  GtkWidget *conflicted = gtk_widget_get_next_sibling (stale);

  gtk_widget_set_visible (disagree, flags & SPIRE_RANK_FLAG_DISAGREEMENT);
  gtk_widget_set_visible (missing, flags & SPIRE_RANK_FLAG_MISSING_REVIEWS);
  gtk_widget_set_visible (stale, flags & SPIRE_RANK_FLAG_STALE_REVIEWS);
  gtk_widget_set_visible (conflicted, flags & SPIRE_RANK_FLAG_CONFLICTED_REVIEWS);
  if (flags & SPIRE_RANK_FLAG_DISAGREEMENT)
    {
      g_autofree char *spread = format_number (spire_rank_row_get_spread (row), 2);
      g_autofree char *limit = format_number (
        ranking ? spire_ranking_get_disagreement_threshold (ranking) : NAN, 2);
      g_autofree char *tip = g_strdup_printf (
        _("The reviewers disagree: the spread σ %s is above the threshold %s"), spread, limit);

      gtk_widget_set_tooltip_text (disagree, tip);
    }
  if (flags & SPIRE_RANK_FLAG_MISSING_REVIEWS)
    {
      guint n = spire_rank_row_get_n_missing (row);
      g_autofree char *tip = g_strdup_printf (
        ngettext ("%u assigned review is not submitted yet",
                  "%u assigned reviews are not submitted yet", n), n);

      gtk_widget_set_tooltip_text (missing, tip);
    }
  if (flags & SPIRE_RANK_FLAG_STALE_REVIEWS)
    {
      guint n = spire_rank_row_get_n_stale (row);
      g_autofree char *tip = g_strdup_printf (
        ngettext ("%u review is stale (the rubric changed since); ask for a new review",
                  "%u reviews are stale (the rubric changed since); ask for new reviews", n),
        n);

      gtk_widget_set_tooltip_text (stale, tip);
    }
  if (flags & SPIRE_RANK_FLAG_CONFLICTED_REVIEWS)
    {
      guint n = spire_rank_row_get_n_conflicted (row);
      g_autofree char *tip = g_strdup_printf (
        ngettext ("%u review by a panel member with a conflict of interest was left out",
                  "%u reviews by panel members with a conflict of interest were left out", n),
        n);

      gtk_widget_set_tooltip_text (conflicted, tip);
    }
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SpireRankingPage *self = user_data;
  guint column = factory_column (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *child = gtk_list_item_get_child (item);
  SpireRankRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (column == SPIRE_RANKING_COLUMN_FLAGS)
    {
      bind_flags (child, row, self->ranking);
      return;
    }
  if (column == SPIRE_RANKING_COLUMN_APPLICANT)
    {
      GtkWidget *title = gtk_widget_get_first_child (child);
      GtkWidget *startup = gtk_widget_get_next_sibling (title);

      gtk_inscription_set_text (GTK_INSCRIPTION (title), spire_rank_row_get_title (row));
      gtk_inscription_set_text (GTK_INSCRIPTION (startup), spire_rank_row_get_startup_name (row));
      text = cell_text (self, row, column);
      gtk_widget_set_tooltip_text (child, text);
      return;
    }

  text = cell_text (self, row, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  switch (column)
    {
    case SPIRE_RANKING_COLUMN_RANK:
      gtk_widget_set_tooltip_text (
        child, spire_rank_row_get_tied (row) ? _("Tied: the scores and the score lists are equal")
               : spire_rank_row_get_rank (row) == 0
                 ? _("Not ranked: no submitted review with a score")
                 : NULL);
      break;
    case SPIRE_RANKING_COLUMN_CHALLENGE:
      gtk_widget_set_tooltip_text (child, text);
      break;
    default:
      break;
    }
}

static GtkListItemFactory *
new_factory (SpireRankingPage *self, guint column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "spire-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  return factory;
}

/* Criterion columns: one per criterion of the ranking that is not a gate. */

static void
set_header_tooltips (SpireRankingPage *self)
{
  /* GTK 4.8 has no API for a column header's tooltip: the header is the
   * column view's first child and holds one title per visible column, in
   * order.  Best effort; the cells say the same. */
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;

  for (guint i = 0; title && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      gtk_widget_set_tooltip_text (title, g_object_get_data (G_OBJECT (column),
                                                             "spire-tooltip"));
      title = gtk_widget_get_next_sibling (title);
    }
}

static void
update_criterion_columns (SpireRankingPage *self)
{
  g_autoptr (GString) signature = g_string_new (NULL);
  SpireRanking *r = self->ranking;
  guint n = r ? spire_ranking_get_n_criteria (r) : 0;

  for (guint c = 0; c < n; c++)
    {
      const SpireRankCriterion *criterion = spire_ranking_get_criterion (r, c);

      g_string_append_printf (signature, "%s\t%s\t%d\t%g\n", criterion->uuid, criterion->name,
                              criterion->kind, criterion->weight);
    }
  if (g_strcmp0 (signature->str, self->criteria_signature ?: "") == 0)
    return;
  g_free (self->criteria_signature);
  self->criteria_signature = g_strdup (signature->str);

  for (guint i = 0; i < self->criterion_columns->len; i++)
    gtk_column_view_remove_column (self->column_view,
                                   g_ptr_array_index (self->criterion_columns, i));
  g_ptr_array_set_size (self->criterion_columns, 0);
  g_array_set_size (self->criterion_index, 0);

  for (guint c = 0; c < n; c++)
    {
      const SpireRankCriterion *criterion = spire_ranking_get_criterion (r, c);
      g_autoptr (GtkListItemFactory) factory = NULL;
      g_autoptr (GtkSorter) sorter = NULL;
      g_autofree char *weight = NULL;
      GtkColumnViewColumn *column;
      char *tooltip;

      if (criterion->kind == SPIRE_CRITERION_GATE)
        continue;
      factory = new_factory (self, SPIRE_RANKING_N_FIXED_COLUMNS + self->criterion_columns->len);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_criterion_cb, GUINT_TO_POINTER (c),
                                                  NULL));
      column = gtk_column_view_column_new (criterion->name, g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 120);
      weight = format_number (criterion->weight, 2);
      if (criterion->kind == SPIRE_CRITERION_NOT_COUNTED)
        tooltip = g_strdup_printf (_("%s: the mean of the reviews’ values; not counted in the "
                                     "score"),
                                   criterion->name);
      else
        tooltip = g_strdup_printf (_("%s: the mean of the reviews’ values; weight %s"),
                                   criterion->name, weight);
      g_object_set_data_full (G_OBJECT (column), "spire-tooltip", tooltip, g_free);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->criterion_columns, column);
      g_array_append_val (self->criterion_index, c);
    }
  set_header_tooltips (self);
}

/* Showing the ranking */

static void
update_selected (SpireRankingPage *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = (guint) gtk_bitset_get_size (set);
  g_autofree char *text = g_strdup_printf (ngettext ("%u application selected",
                                                     "%u applications selected", n),
                                           n);

  gtk_label_set_text (self->selected_label, text);
  gtk_revealer_set_reveal_child (self->action_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.decide", n > 0);
}

static void
update_busy (SpireRankingPage *self)
{
  gtk_spinner_set_spinning (self->spinner, self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->running);
  gtk_spinner_set_spinning (self->loading_spinner, self->running);
}

static void
update_summary (SpireRankingPage *self)
{
  g_autofree char *text = NULL;
  guint n = 0, ranked = 0, disagree = 0;

  if (self->ranking)
    {
      n = spire_ranking_get_n_rows (self->ranking);
      for (guint i = 0; i < n; i++)
        {
          SpireRankRow *row = spire_ranking_get_row (self->ranking, i);

          ranked += spire_rank_row_get_rank (row) > 0;
          disagree += (spire_rank_row_get_flags (row) & SPIRE_RANK_FLAG_DISAGREEMENT) != 0;
        }
      /* TRANSLATORS: "80 applications, 74 ranked, 6 with disagreement" */
      text = g_strdup_printf (ngettext ("%u application, %u ranked, %u with disagreement",
                                        "%u applications, %u ranked, %u with disagreement", n),
                              n, ranked, disagree);
    }
  gtk_label_set_text (self->summary_label, text ? text : "");
}

static void
fill_rows (SpireRankingPage *self)
{
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GtkBitset) selected = NULL;
  g_autoptr (GListModel) meeting = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *source = NULL;
  guint n;

  /* Keep the selection across a new ranking of the same cohort. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < gtk_bitset_get_size (selected); i++)
    {
      g_autoptr (SpireRankRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                            gtk_bitset_get_nth (selected, i));

      if (row && g_strcmp0 (spire_ranking_get_cohort_uuid (self->ranking), self->cohort_uuid) == 0)
        g_ptr_array_add (keep, g_strdup (spire_rank_row_get_application_uuid (row)));
    }

  if (self->ranking)
    {
      if (self->meeting)
        source = meeting = spire_ranking_get_meeting_order (self->ranking);
      else
        source = G_LIST_MODEL (self->ranking);
    }
  n = source ? g_list_model_get_n_items (source) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (source, i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  if (keep->len > 0)
    {
      g_autoptr (GtkBitset) set = gtk_bitset_new_empty ();
      g_autoptr (GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      for (guint i = 0; i < keep->len; i++)
        g_hash_table_add (wanted, keep->pdata[i]);
      for (guint i = 0; i < shown; i++)
        {
          g_autoptr (SpireRankRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          if (g_hash_table_contains (wanted, spire_rank_row_get_application_uuid (row)))
            gtk_bitset_add (set, i);
        }
      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, set);
    }
  update_selected (self);
}

static void
show_ranking (SpireRankingPage *self, SpireRanking *ranking)
{
  gboolean any_reviews = FALSE;

  g_set_object (&self->ranking, ranking);
  update_criterion_columns (self);
  fill_rows (self);
  update_summary (self);

  for (guint i = 0; ranking && i < spire_ranking_get_n_rows (ranking); i++)
    if (spire_rank_row_get_rank (spire_ranking_get_row (ranking, i)) > 0)
      {
        any_reviews = TRUE;
        break;
      }
  if (ranking == NULL)
    gtk_stack_set_visible_child_name (self->stack, "none");
  else if (!any_reviews)
    gtk_stack_set_visible_child_name (self->stack, "no-reviews");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.meeting-order", any_reviews);
}

static void
on_ranked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireRankingPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) ranking = spire_rank_cohort_finish (SPIRE_STORE (source), result,
                                                               &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
    return; /* a newer ranking replaced it, or the page went away */
  if (self->store == NULL || self->cohort_uuid == NULL)
    return;
  if (ranking && g_strcmp0 (spire_ranking_get_cohort_uuid (ranking), self->cohort_uuid) != 0)
    return;

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  update_busy (self);

  if (ranking == NULL)
    {
      show_ranking (self, NULL);
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
        gtk_stack_set_visible_child_name (self->stack, "no-rubric");
      else
        {
          adw_status_page_set_description (self->error_status, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }
  show_ranking (self, ranking);
}

static void
start_rank (SpireRankingPage *self)
{
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->dirty = FALSE;
  if (self->store == NULL || self->cohort_uuid == NULL)
    return;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  update_busy (self);
  if (self->ranking == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  spire_rank_cohort_async (self->store, self->cohort_uuid, self->cancellable, on_ranked_cb,
                           g_object_ref (self));
}

static gboolean
debounce_cb (gpointer user_data)
{
  SpireRankingPage *self = user_data;

  self->debounce_source = 0;
  start_rank (self);
  return G_SOURCE_REMOVE;
}

/* Ranks now (@delay_ms 0) or after a quiet moment, when the page is shown;
 * a hidden page ranks when it is shown. */
static void
schedule_rank (SpireRankingPage *self, guint delay_ms)
{
  if (self->store == NULL || self->cohort_uuid == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (delay_ms == 0)
    {
      start_rank (self);
      return;
    }
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add (delay_ms, debounce_cb, self);
}

static gboolean
store_changed_idle_cb (gpointer user_data)
{
  SpireRankingPage *self = user_data;

  schedule_rank (self, RERANK_DELAY_MS);
  return G_SOURCE_REMOVE;
}

/* May run in a worker thread: only schedule work for the main loop. */
static void
on_store_changed_cb (SpireStore *store, const char *table, gpointer user_data)
{
  static const char *const tables[] = { "reviews",  "scores",     "applications", "rubrics",
                                        "criteria", "decisions",  "assignments",  "startups",
                                        "challenges", "evaluators", NULL };

  if (table != NULL && !g_strv_contains (tables, table))
    return;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, store_changed_idle_cb,
                              g_object_ref (user_data), g_object_unref);
}

/* Toasts and errors */

static void
add_toast (SpireRankingPage *self, const char *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast = adw_toast_new (text);

  g_ptr_array_add (self->toasts, g_strdup (text));
  adw_toast_set_timeout (toast, 5);
  if (SPIRE_IS_WINDOW (root))
    spire_window_add_toast (SPIRE_WINDOW (root), toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (SpireRankingPage *self, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reviews */

static GtkWindow *
open_reviews (SpireRankingPage *self, SpireRankRow *row)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) reviews = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->ranking == NULL || self->store == NULL || row == NULL)
    return NULL;
  reviews = spire_ranking_list_reviews (self->ranking, self->store,
                                        spire_rank_row_get_application_uuid (row), &error);
  if (reviews == NULL)
    {
      show_error (self, _("Could Not Read the Reviews"), error);
      return NULL;
    }
  if (self->reviews_dialog)
    gtk_window_destroy (self->reviews_dialog);
  dialog = spire_reviews_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->ranking, row, reviews);
  g_set_weak_pointer (&self->reviews_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_column_view_activate_cb (SpireRankingPage *self, guint position, GtkColumnView *view)
{
  g_autoptr (SpireRankRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_reviews (self, row);
}

static void
show_reviews_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (widget);
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr (SpireRankRow) row = NULL;

  if (gtk_bitset_is_empty (set))
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (set));
  open_reviews (self, row);
}

/* Decisions */

typedef struct
{
  const char *status;
  const char *verb; /* the Apply button */
  AdwResponseAppearance appearance;
} Decision;

static const Decision decisions[] = {
  { "shortlisted", N_("_Shortlist"), ADW_RESPONSE_SUGGESTED },
  { "accepted", N_("_Accept"), ADW_RESPONSE_SUGGESTED },
  { "waitlisted", N_("_Waitlist"), ADW_RESPONSE_SUGGESTED },
  { "rejected", N_("_Reject"), ADW_RESPONSE_DESTRUCTIVE },
};

static const Decision *
lookup_decision (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    if (g_str_equal (decisions[i].status, status))
      return &decisions[i];
  return NULL;
}

static char *
decision_heading (const Decision *d, guint n)
{
  if (g_str_equal (d->status, "shortlisted"))
    return g_strdup_printf (ngettext ("Shortlist %u Application?", "Shortlist %u Applications?", n), n);
  if (g_str_equal (d->status, "accepted"))
    return g_strdup_printf (ngettext ("Accept %u Application?", "Accept %u Applications?", n), n);
  if (g_str_equal (d->status, "waitlisted"))
    return g_strdup_printf (ngettext ("Waitlist %u Application?", "Waitlist %u Applications?", n), n);
  return g_strdup_printf (ngettext ("Reject %u Application?", "Reject %u Applications?", n), n);
}

static char *
decision_toast (const Decision *d, guint n)
{
  if (g_str_equal (d->status, "shortlisted"))
    return g_strdup_printf (ngettext ("%u application shortlisted", "%u applications shortlisted", n), n);
  if (g_str_equal (d->status, "accepted"))
    return g_strdup_printf (ngettext ("%u application accepted", "%u applications accepted", n), n);
  if (g_str_equal (d->status, "waitlisted"))
    return g_strdup_printf (ngettext ("%u application waitlisted", "%u applications waitlisted", n), n);
  return g_strdup_printf (ngettext ("%u application rejected", "%u applications rejected", n), n);
}

static char *
reason_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
on_reason_changed_cb (GtkTextBuffer *buffer, AdwMessageDialog *dialog)
{
  g_autofree char *text = reason_text (buffer);

  adw_message_dialog_set_response_enabled (dialog, "apply", *text != '\0');
}

static void
on_decide_response_cb (AdwMessageDialog *dialog, const char *response, SpireRankingPage *self)
{
  g_autoptr (GError) error = NULL;
  GStrv uuids = g_object_get_data (G_OBJECT (dialog), "spire-uuids");
  const Decision *d = g_object_get_data (G_OBJECT (dialog), "spire-decision");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "spire-reason");
  g_autofree char *reason = reason_text (buffer);
  g_autofree char *text = NULL;
  g_autofree char *seats = NULL;
  guint n = g_strv_length (uuids);

  if (!g_str_equal (response, "apply") || self->store == NULL)
    return;
  if (!spire_decide (self->store, (const char *const *) uuids, d->status, reason, &error))
    {
      show_error (self, _("Could Not Record the Decision"), error);
      return;
    }
  text = decision_toast (d, n);
  add_toast (self, text);
  if (g_str_equal (d->status, "accepted") && self->cohort_uuid)
    {
      seats = spire_cohort_seats_warning (self->store, self->cohort_uuid);
      if (seats)
        add_toast (self, seats);
    }
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  schedule_rank (self, 0);
}

/* What accepting these would do to the seats, or NULL. */
static char *
seats_warning (SpireRankingPage *self, GPtrArray *rows)
{
  gint64 seats = -1, accepted, adding = 0;
  g_autofree char *current = NULL;

  if (self->cohort_uuid == NULL)
    return NULL;
  accepted = spire_cohort_count_accepted (self->store, self->cohort_uuid, &seats, NULL);
  for (guint i = 0; i < rows->len; i++)
    adding += g_strcmp0 (spire_rank_row_get_status (rows->pdata[i]), "accepted") != 0;
  if (accepted >= 0 && seats >= 0 && accepted + adding > seats)
    return g_strdup_printf (ngettext ("%d application would be accepted, but the cohort has "
                                      "%d seats.",
                                      "%d applications would be accepted, but the cohort has "
                                      "%d seats.",
                                      (gulong) (accepted + adding)),
                            (int) (accepted + adding), (int) seats);
  current = spire_cohort_seats_warning (self->store, self->cohort_uuid);
  return g_steal_pointer (&current);
}

static void
decide_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (widget);
  const Decision *d = lookup_decision (g_variant_get_string (param, NULL));
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GStrvBuilder) uuids = g_strv_builder_new ();
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *warning = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *box, *label, *scrolled, *view;
  GtkTextBuffer *buffer;
  guint n;

  if (d == NULL || self->store == NULL || gtk_bitset_is_empty (set))
    return;
  for (guint i = 0; i < gtk_bitset_get_size (set); i++)
    {
      SpireRankRow *row = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                 gtk_bitset_get_nth (set, i));

      g_ptr_array_add (rows, row);
      g_strv_builder_add (uuids, spire_rank_row_get_application_uuid (row));
    }
  n = rows->len;

  heading = decision_heading (d, n);
  for (guint i = 0; i < MIN (n, 5u); i++)
    {
      SpireRankRow *row = rows->pdata[i];

      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, "%s — %s", spire_rank_row_get_title (row),
                              spire_rank_row_get_startup_name (row) ?: "");
    }
  if (n > 5)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", n - 5), n - 5);
    }

  if (self->decide_dialog)
    gtk_window_destroy (GTK_WINDOW (self->decide_dialog));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply",
                                    _(d->verb), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              d->appearance);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (g_str_equal (d->status, "accepted") && (warning = seats_warning (self, rows)) != NULL)
    {
      /* A label alone: a wrapping label beside an icon in a horizontal box
       * upsets GTK 4.8's height-for-width in the dialog. */
      GtkWidget *text = gtk_label_new (warning);

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_add_css_class (text, "warning");
      gtk_widget_add_css_class (text, "heading");
      gtk_widget_set_margin_bottom (text, 6);
      gtk_box_append (GTK_BOX (box), text);
      g_object_set_data_full (G_OBJECT (dialog), "spire-warning", g_strdup (warning), g_free);
    }
  label = gtk_label_new_with_mnemonic (_("_Reason, recorded with each decision"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 320, 96);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_reason_changed_cb), dialog, 0);
  g_object_set_data_full (G_OBJECT (dialog), "spire-uuids", g_strv_builder_end (uuids),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (dialog), "spire-decision", (gpointer) d);
  g_object_set_data_full (G_OBJECT (dialog), "spire-reason", g_object_ref (buffer),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_decide_response_cb), self, 0);
  g_set_weak_pointer (&self->decide_dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
refresh_action (GtkWidget *widget, const char *name, GVariant *param)
{
  schedule_rank (SPIRE_RANKING_PAGE (widget), 0);
}

/* Meeting order */

/* After the list took its new rows in (scrolling a list view before that
 * makes GTK 4.8 warn). */
static gboolean
scroll_to_top_cb (gpointer user_data)
{
  SpireRankingPage *self = user_data;
  GtkAdjustment *vadj;

  if (self->column_view == NULL)
    return G_SOURCE_REMOVE;
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  if (vadj && gtk_widget_get_mapped (GTK_WIDGET (self->column_view)) &&
      gtk_adjustment_get_value (vadj) > gtk_adjustment_get_lower (vadj))
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
  return G_SOURCE_REMOVE;
}

static void
scroll_to_top (SpireRankingPage *self)
{
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_top_cb, g_object_ref (self), g_object_unref);
}

static void
set_meeting_order (SpireRankingPage *self, gboolean meeting)
{
  meeting = !!meeting;
  if (self->meeting == meeting)
    return;
  self->meeting = meeting;

  self->changing_sort = TRUE;
  if (meeting)
    {
      /* Listed as the ranking gives them, not sorted. */
      gtk_sort_list_model_set_sorter (self->sorted, NULL);
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
    }
  else
    {
      gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
      gtk_column_view_sort_by_column (self->column_view,
                                      self->columns[SPIRE_RANKING_COLUMN_RANK], GTK_SORT_ASCENDING);
    }
  self->changing_sort = FALSE;
  gtk_revealer_set_reveal_child (self->meeting_revealer, meeting);
  fill_rows (self);
  scroll_to_top (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ORDER]);
}

/* A click on a column header leaves the meeting order for that column's. */
static void
on_sorter_changed_cb (SpireRankingPage *self, GtkSorterChange change, GtkSorter *sorter)
{
  if (!self->meeting || self->changing_sort)
    return;
  self->meeting = FALSE;
  gtk_sort_list_model_set_sorter (self->sorted, sorter);
  gtk_revealer_set_reveal_child (self->meeting_revealer, FALSE);
  fill_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ORDER]);
}

static void
on_selection_changed_cb (SpireRankingPage *self, guint position, guint n_items,
                         GtkSelectionModel *model)
{
  update_selected (self);
}

/* GtkWidget */

static void
spire_ranking_page_map (GtkWidget *widget)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (widget);

  GTK_WIDGET_CLASS (spire_ranking_page_parent_class)->map (widget);
  if (self->dirty)
    schedule_rank (self, 0);
}

/* GObject */

static void
spire_ranking_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEETING_ORDER:
      g_value_set_boolean (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_ranking_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEETING_ORDER:
      set_meeting_order (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_ranking_page_dispose (GObject *object)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  if (self->decide_dialog)
    gtk_window_destroy (GTK_WINDOW (self->decide_dialog));
  if (self->reviews_dialog)
    gtk_window_destroy (self->reviews_dialog);
  g_clear_weak_pointer (&self->decide_dialog);
  g_clear_weak_pointer (&self->reviews_dialog);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

  /* The toast overlay is both a template child and the bin's child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_RANKING_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->criterion_columns, g_ptr_array_unref);
  g_clear_pointer (&self->criterion_index, g_array_unref);
  g_clear_pointer (&self->criteria_signature, g_free);
  g_clear_object (&self->ranking);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);
  g_clear_pointer (&self->cohort_uuid, g_free);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);

  G_OBJECT_CLASS (spire_ranking_page_parent_class)->dispose (object);
}

static void
spire_ranking_page_class_init (SpireRankingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Using the feature's resource links it in from the static library;
   * it registers itself. */
  (void) spire_ranking_get_resource ();
  g_type_ensure (SPIRE_TYPE_REVIEWS_DIALOG);

  object_class->dispose = spire_ranking_page_dispose;
  object_class->get_property = spire_ranking_page_get_property;
  object_class->set_property = spire_ranking_page_set_property;
  widget_class->map = spire_ranking_page_map;

  properties[PROP_MEETING_ORDER] =
    g_param_spec_boolean ("meeting-order", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  title_key_quark = g_quark_from_static_string ("spire-ranking-page-title-key");
  challenge_key_quark = g_quark_from_static_string ("spire-ranking-page-challenge-key");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/ranking/spire-ranking-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, meeting_button);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, meeting_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, action_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, selected_label);
#define BIND_COLUMN(name, index)                                                                   \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,                            \
                                             G_STRUCT_OFFSET (SpireRankingPage, columns[index]))
  BIND_COLUMN ("rank_column", SPIRE_RANKING_COLUMN_RANK);
  BIND_COLUMN ("applicant_column", SPIRE_RANKING_COLUMN_APPLICANT);
  BIND_COLUMN ("challenge_column", SPIRE_RANKING_COLUMN_CHALLENGE);
  BIND_COLUMN ("status_column", SPIRE_RANKING_COLUMN_STATUS);
  BIND_COLUMN ("score_column", SPIRE_RANKING_COLUMN_SCORE);
  BIND_COLUMN ("spread_column", SPIRE_RANKING_COLUMN_SPREAD);
  BIND_COLUMN ("range_column", SPIRE_RANKING_COLUMN_RANGE);
  BIND_COLUMN ("reviews_column", SPIRE_RANKING_COLUMN_REVIEWS);
  BIND_COLUMN ("flags_column", SPIRE_RANKING_COLUMN_FLAGS);
#undef BIND_COLUMN
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "ranking.meeting-order",
                                            "meeting-order");
  gtk_widget_class_install_action (widget_class, "ranking.decide", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "ranking.show-reviews", NULL,
                                   show_reviews_action);
  gtk_widget_class_install_action (widget_class, "ranking.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "ranking.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "ranking.meeting-order", NULL);
}

static void
spire_ranking_page_init (SpireRankingPage *self)
{
  static const GCompareDataFunc compare[SPIRE_RANKING_N_FIXED_COLUMNS] = {
    compare_rank_cb,   compare_title_cb, compare_challenge_cb, compare_status_cb,
    compare_score_cb,  compare_spread_cb, compare_range_cb,    compare_reviews_cb,
    compare_flags_cb,
  };
  /* Starting widths (resizable): the applicant matters most. */
  static const int widths[SPIRE_RANKING_N_FIXED_COLUMNS] = { 64, 280, 170, 110, 120, 90, 96, 80, 80 };
  static const char *const tooltips[SPIRE_RANKING_N_FIXED_COLUMNS] = {
    N_("The place by score; “2=” is shared with another application"),
    N_("The application’s title and the startup"),
    NULL,
    N_("The application’s status now"),
    N_("The aggregate of the reviews’ scores, and its percentage of the scale"),
    N_("How much the reviews’ scores differ: their standard deviation"),
    N_("The highest review score minus the lowest"),
    N_("Submitted reviews, of those assigned"),
    N_("Disagreement above the rubric’s threshold, missing reviews, stale reviews"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->criterion_columns = g_ptr_array_new ();
  self->toasts = g_ptr_array_new_with_free_func (g_free);
  self->criterion_index = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < SPIRE_RANKING_N_FIXED_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = new_factory (self, i);
      g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare[i], self, NULL));

      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      gtk_column_view_column_set_fixed_width (self->columns[i], widths[i]);
      if (tooltips[i])
        g_object_set_data (G_OBJECT (self->columns[i]), "spire-tooltip", (gpointer) _(tooltips[i]));
    }

  self->rows = g_list_store_new (SPIRE_TYPE_RANK_ROW);
  /* On GTK 4.8 the column view's sorter is a plain GtkSorter. */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[SPIRE_RANKING_COLUMN_RANK],
                                  GTK_SORT_ASCENDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sorter_changed_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  set_header_tooltips (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.meeting-order", FALSE);
  update_busy (self);
  update_selected (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* Public API */

GtkWidget *
spire_ranking_page_new (void)
{
  return g_object_new (SPIRE_TYPE_RANKING_PAGE, NULL);
}

void
spire_ranking_page_set_store (SpireRankingPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_RANKING_PAGE (self));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  spire_ranking_page_set_cohort (self, NULL, NULL);
}

gboolean
spire_ranking_page_set_cohort (SpireRankingPage *self, SpireCohort *cohort, GError **error)
{
  const char *uuid;

  g_return_val_if_fail (SPIRE_IS_RANKING_PAGE (self), FALSE);
  g_return_val_if_fail (cohort == NULL || SPIRE_IS_COHORT (cohort), FALSE);

  g_set_object (&self->cohort, cohort);
  uuid = cohort ? spire_record_get_uuid (SPIRE_RECORD (cohort)) : NULL;
  /* The window calls this again on every reload: the same cohort is ranked
   * again by the store's "changed" signal, not here. */
  if (g_strcmp0 (uuid, self->cohort_uuid) == 0)
    return TRUE;

  g_free (self->cohort_uuid);
  self->cohort_uuid = g_strdup (uuid);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->running = FALSE;
  self->dirty = FALSE;
  update_busy (self);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (self->meeting)
    set_meeting_order (self, FALSE);
  show_ranking (self, NULL);

  if (uuid != NULL && self->store != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      schedule_rank (self, 0);
    }
  return TRUE;
}

/* Private API */

GtkSelectionModel *
_spire_ranking_page_get_selection (SpireRankingPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

SpireRanking *
_spire_ranking_page_get_ranking (SpireRankingPage *self)
{
  return self->ranking;
}

gboolean
_spire_ranking_page_is_busy (SpireRankingPage *self)
{
  return self->running || self->debounce_source != 0 || self->dirty;
}

const char *
_spire_ranking_page_get_state (SpireRankingPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

char *
_spire_ranking_page_cell_text (SpireRankingPage *self, SpireRankRow *row, guint column)
{
  return cell_text (self, row, column);
}

GtkColumnView *
_spire_ranking_page_get_column_view (SpireRankingPage *self)
{
  return self->column_view;
}

AdwMessageDialog *
_spire_ranking_page_get_decide_dialog (SpireRankingPage *self)
{
  return self->decide_dialog;
}

GtkTextBuffer *
_spire_ranking_page_get_reason_buffer (SpireRankingPage *self)
{
  if (self->decide_dialog == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (self->decide_dialog), "spire-reason");
}

GtkWindow *
_spire_ranking_page_open_reviews (SpireRankingPage *self, guint position)
{
  g_autoptr (SpireRankRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  return open_reviews (self, row);
}

GPtrArray *
_spire_ranking_page_get_toasts (SpireRankingPage *self)
{
  return self->toasts;
}
