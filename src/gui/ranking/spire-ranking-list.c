/* spire-ranking-list.c — the ranked applications: columns, the criteria's
 * columns, rows a screenful at a time and the selection meeting order (the
 * columns' comparisons: spire-ranking-sort.c)
 *
 * The rows go GListStore → GtkSortListModel (the column view's sorter) →
 * GtkMultiSelection → GtkColumnView, with GtkInscription cells as in the
 * cohort page.  The "Selection Meeting Order" lists the rows as
 * spire_ranking_get_meeting_order() gives them (most disagreement first)
 * without sorting them.  The status column sorts in core's status order
 * (spire_application_status_order).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "common/spire-widget.h"
#include "spire-ranking-list.h"
#include "spire-column-width.h"
#include "spire-list-util.h"
#include "spire-ranking-resources.h"
#include "spire-ranking-sort.h"

struct _SpireRankingList
{
  AdwBin parent_instance;

  GtkColumnView *column_view;
  GtkColumnViewColumn *columns[SPIRE_RANKING_N_FIXED_COLUMNS];

  GListStore *rows;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;
  GPtrArray *criterion_columns; /* GtkColumnViewColumn, one per criterion shown */
  GArray *criterion_index;      /* guint: the ranking's index of each of those */
  char *criteria_signature;
  SpireRanking *ranking;
  GPtrArray *items;    /* SpireRankRow: every row, in the order shown */
  SpireListFill *fill; /* @items going to @rows in slices */
  guint n_fitted;      /* how many columns are fitted to all of @items */
  gboolean fit_pending; /* a new ranking's columns, fitted to its first rows only */
  GArray *widths;       /* int: each column's width, as measured */
  GPtrArray *keep;     /* char *: the UUIDs to select again once all are in */
  guint fit_source;    /* fitting the columns to all rows, one an idle */
  gboolean meeting;
  gboolean changing_sort;
};

G_DEFINE_FINAL_TYPE (SpireRankingList, spire_ranking_list, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MEETING_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


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

/* A cell's text as core made it (spire_rank_row_get_text: in the worker
 * that ranked), for every column but the applicant's and the flags'. */
static const char *
cell_text_const (SpireRankingList *self, SpireRankRow *row, guint column)
{
  switch (column)
    {
    case SPIRE_RANKING_COLUMN_RANK:
      return spire_rank_row_get_text (row, SPIRE_RANK_TEXT_RANK);
    case SPIRE_RANKING_COLUMN_CHALLENGE:
      return spire_rank_row_get_challenge_title (row) ?: "";
    case SPIRE_RANKING_COLUMN_STATUS:
      return spire_field_value_label (status_field (), spire_rank_row_get_status (row));
    case SPIRE_RANKING_COLUMN_SCORE:
      return spire_rank_row_get_text (row, SPIRE_RANK_TEXT_SCORE);
    case SPIRE_RANKING_COLUMN_SPREAD:
      return spire_rank_row_get_text (row, SPIRE_RANK_TEXT_SPREAD);
    case SPIRE_RANKING_COLUMN_RANGE:
      return spire_rank_row_get_text (row, SPIRE_RANK_TEXT_RANGE);
    case SPIRE_RANKING_COLUMN_REVIEWS:
      return spire_rank_row_get_text (row, SPIRE_RANK_TEXT_REVIEWS);
    case SPIRE_RANKING_COLUMN_APPLICANT:
    case SPIRE_RANKING_COLUMN_FLAGS:
      return NULL;
    default:
      {
        guint c = column - SPIRE_RANKING_N_FIXED_COLUMNS;

        g_return_val_if_fail (self->criterion_index && c < self->criterion_index->len, NULL);
        return spire_rank_row_get_criterion_text (row,
                                                  g_array_index (self->criterion_index, guint, c));
      }
    }
}

char *
spire_ranking_list_cell_text (SpireRankingList *self, SpireRankRow *row, guint column)
{
  switch (column)
    {
    case SPIRE_RANKING_COLUMN_APPLICANT:
      return g_strdup_printf ("%s\n%s", spire_rank_row_get_title (row),
                              spire_rank_row_get_startup_name (row) ?: "");
    case SPIRE_RANKING_COLUMN_FLAGS:
      {
        g_auto (GStrv) nicks = spire_rank_flags_to_strv (spire_rank_row_get_flags (row));
        return g_strjoinv (" ", nicks);
      }
    default:
      return g_strdup (cell_text_const (self, row, column));
    }
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

      spire_widget_set_cell_tooltip (disagree, tip);
    }
  if (flags & SPIRE_RANK_FLAG_MISSING_REVIEWS)
    {
      guint n = spire_rank_row_get_n_missing (row);
      g_autofree char *tip = g_strdup_printf (
        ngettext ("%u assigned review is not submitted yet",
                  "%u assigned reviews are not submitted yet", n), n);

      spire_widget_set_cell_tooltip (missing, tip);
    }
  if (flags & SPIRE_RANK_FLAG_STALE_REVIEWS)
    {
      guint n = spire_rank_row_get_n_stale (row);
      g_autofree char *tip = g_strdup_printf (
        ngettext ("%u review is stale (the rubric changed since); ask for a new review",
                  "%u reviews are stale (the rubric changed since); ask for new reviews", n),
        n);

      spire_widget_set_cell_tooltip (stale, tip);
    }
  if (flags & SPIRE_RANK_FLAG_CONFLICTED_REVIEWS)
    {
      guint n = spire_rank_row_get_n_conflicted (row);
      g_autofree char *tip = g_strdup_printf (
        ngettext ("%u review by a panel member with a conflict of interest was left out",
                  "%u reviews by panel members with a conflict of interest were left out", n),
        n);

      spire_widget_set_cell_tooltip (conflicted, tip);
    }
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SpireRankingList *self = user_data;
  guint column = factory_column (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *child = gtk_list_item_get_child (item);
  SpireRankRow *row = gtk_list_item_get_item (item);
  const char *text;

  if (column == SPIRE_RANKING_COLUMN_FLAGS)
    {
      bind_flags (child, row, self->ranking);
      return;
    }
  if (column == SPIRE_RANKING_COLUMN_APPLICANT)
    {
      GtkWidget *title = gtk_widget_get_first_child (child);
      GtkWidget *startup = gtk_widget_get_next_sibling (title);
      g_autofree char *tip = spire_ranking_list_cell_text (self, row, column);

      gtk_inscription_set_text (GTK_INSCRIPTION (title), spire_rank_row_get_title (row));
      gtk_inscription_set_text (GTK_INSCRIPTION (startup), spire_rank_row_get_startup_name (row));
      spire_widget_set_cell_tooltip (child, tip);
      return;
    }

  text = cell_text_const (self, row, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  switch (column)
    {
    case SPIRE_RANKING_COLUMN_RANK:
      spire_widget_set_cell_tooltip (
        child, spire_rank_row_get_tied (row) ? _("Tied: the scores and the score lists are equal")
               : spire_rank_row_get_rank (row) == 0
                 ? _("Not ranked: no submitted review with a score")
                 : NULL);
      break;
    case SPIRE_RANKING_COLUMN_CHALLENGE:
      spire_widget_set_cell_tooltip (child, text);
      break;
    default:
      break;
    }
}

static GtkListItemFactory *
new_factory (SpireRankingList *self, guint column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "spire-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  return factory;
}

/* Criterion columns: one per criterion of the ranking that is not a gate. */

static void
set_header_tooltips (SpireRankingList *self)
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
update_criterion_columns (SpireRankingList *self)
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
      sorter = GTK_SORTER (gtk_custom_sorter_new (spire_ranking_compare_criterion, GUINT_TO_POINTER (c),
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

/* Rows come in slices between frames (spire_list_fill_start: issue 11,
 * no main-thread pause over 100 ms; GTK 4.8's column view makes the row
 * widgets of every row it may show, up to 200, a cell per column, and a
 * large cohort's ranking at once was a 230 ms pause).  So the rows are put
 * in the order they are shown (the column view's sorter, or the meeting
 * order), and the selection is given back when the last are in.  Then the
 * columns are fitted to all rows, one column an idle. */
static guint n_columns (SpireRankingList *self);
static gboolean fit_next_column (SpireRankingList *self);

static int
compare_sorter_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return (int) gtk_sorter_compare (user_data, *(gpointer *) a, *(gpointer *) b);
}

/* A ranking comes in rank order, the list's usual one: one pass to see that
 * it need not be sorted (sorting 40 000 rows through the column view's
 * sorter took 25 ms). */
static gboolean
in_order (GPtrArray *items, GtkSorter *sorter)
{
  for (guint i = 1; i < items->len; i++)
    if (gtk_sorter_compare (sorter, items->pdata[i - 1], items->pdata[i]) == GTK_ORDERING_LARGER)
      return FALSE;
  return TRUE;
}

static void
select_kept (SpireRankingList *self)
{
  g_autoptr (GtkBitset) set = gtk_bitset_new_empty ();
  g_autoptr (GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (self->keep == NULL || self->keep->len == 0)
    return;
  for (guint i = 0; i < self->keep->len; i++)
    g_hash_table_add (wanted, self->keep->pdata[i]);
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr (SpireRankRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_hash_table_contains (wanted, spire_rank_row_get_application_uuid (row)))
        gtk_bitset_add (set, i);
    }
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, set);
}

static gboolean
fit_idle_cb (gpointer user_data)
{
  SpireRankingList *self = user_data;

  if (fit_next_column (self))
    return G_SOURCE_CONTINUE;
  self->fit_source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_fill_step (gpointer user_data, guint done, guint total)
{
  SpireRankingList *self = user_data;

  if (done < total)
    return;
  select_kept (self);
  g_clear_pointer (&self->keep, g_ptr_array_unref);
  if (self->fit_pending && self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fit_idle_cb, self, NULL);
}

static void
fill_rows (SpireRankingList *self)
{
  g_autoptr (GListModel) meeting = NULL;
  GListModel *source = NULL;
  GtkSorter *sorter;
  guint n;

  /* Keep the selection across a new ranking (another cohort starts with
   * none selected); while rows are still coming, the one kept before. */
  if (!spire_list_fill_is_running (self->fill))
    {
      g_autoptr (GtkBitset) selected =
        gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

      g_clear_pointer (&self->keep, g_ptr_array_unref);
      self->keep = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; self->ranking && i < gtk_bitset_get_size (selected); i++)
        {
          g_autoptr (SpireRankRow) row =
            g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, i));

          if (row)
            g_ptr_array_add (self->keep, g_strdup (spire_rank_row_get_application_uuid (row)));
        }
    }
  g_clear_pointer (&self->fill, spire_list_fill_free);
  g_clear_handle_id (&self->fit_source, g_source_remove);

  if (self->ranking)
    {
      if (self->meeting)
        source = meeting = spire_ranking_get_meeting_order (self->ranking);
      else
        source = G_LIST_MODEL (self->ranking);
    }
  n = source ? g_list_model_get_n_items (source) : 0;
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (source, i));
  sorter = gtk_sort_list_model_get_sorter (self->sorted);
  if (sorter && !in_order (self->items, sorter))
    g_ptr_array_sort_with_data (self->items, compare_sorter_cb, sorter);

  self->fill = spire_list_fill_start (self->rows, self->items, on_fill_step, self);
  /* A row is a dozen columns of cells, 5 ms to make: at 16 rows a slice
   * (the fewest for other lists), an 80 ms pause on the xlarge demo. */
  if (self->fill != NULL)
    spire_list_fill_set_min_slice (self->fill, 2);
}

gboolean
spire_ranking_list_get_filling (SpireRankingList *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_LIST (self), FALSE);

  return spire_list_fill_is_running (self->fill) || self->fit_source != 0;
}

/* Meeting order */

/* To the top while the list still holds the rows it has laid out: GTK 4.8
 * warns ("failed to scroll to given position") when a list view is scrolled
 * to rows it has not yet laid out, as right after new rows came in. */
static void
scroll_to_top (SpireRankingList *self)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (vadj && gtk_widget_get_mapped (GTK_WIDGET (self->column_view)) &&
      gtk_adjustment_get_value (vadj) > gtk_adjustment_get_lower (vadj))
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
}

void
spire_ranking_list_set_meeting_order (SpireRankingList *self, gboolean meeting)
{
  meeting = !!meeting;
  if (self->meeting == meeting)
    return;
  self->meeting = meeting;

  scroll_to_top (self);
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
  fill_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ORDER]);
}

/* A click on a column header leaves the meeting order for that column's. */
static void
on_sorter_changed_cb (SpireRankingList *self, GtkSorterChange change, GtkSorter *sorter)
{
  if (!self->meeting || self->changing_sort)
    return;
  self->meeting = FALSE;
  gtk_sort_list_model_set_sorter (self->sorted, sorter);
  fill_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ORDER]);
}

static void
on_column_view_activate_cb (SpireRankingList *self, guint position, GtkColumnView *view)
{
  g_autoptr (SpireRankRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row)
    g_signal_emit (self, signals[SIGNAL_ROW_ACTIVATED], 0, row);
}

/* GObject */

static void
spire_ranking_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireRankingList *self = SPIRE_RANKING_LIST (object);

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
spire_ranking_list_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  SpireRankingList *self = SPIRE_RANKING_LIST (object);

  switch (prop_id)
    {
    case PROP_MEETING_ORDER:
      spire_ranking_list_set_meeting_order (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_ranking_list_dispose (GObject *object)
{
  SpireRankingList *self = SPIRE_RANKING_LIST (object);

  if (self->column_view)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_clear_pointer (&self->fill, spire_list_fill_free);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_RANKING_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->criterion_columns, g_ptr_array_unref);
  g_clear_pointer (&self->criterion_index, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->widths, g_array_unref);
  g_clear_pointer (&self->keep, g_ptr_array_unref);
  g_clear_pointer (&self->criteria_signature, g_free);
  g_clear_object (&self->ranking);

  G_OBJECT_CLASS (spire_ranking_list_parent_class)->dispose (object);
}

static void
spire_ranking_list_class_init (SpireRankingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_ranking_list_dispose;
  object_class->get_property = spire_ranking_list_get_property;
  object_class->set_property = spire_ranking_list_set_property;

  properties[PROP_MEETING_ORDER] =
    g_param_spec_boolean ("meeting-order", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Activated (double click, Enter): the page shows the row's reviews. */
  signals[SIGNAL_ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, SPIRE_TYPE_RANK_ROW);


  (void) spire_ranking_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/ranking/spire-ranking-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireRankingList, column_view);
#define BIND_COLUMN(name, index)                                                                   \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,                            \
                                             G_STRUCT_OFFSET (SpireRankingList, columns[index]))
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
}

static void
spire_ranking_list_init (SpireRankingList *self)
{
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
  self->criterion_index = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->widths = g_array_new (FALSE, TRUE, sizeof (int));
  for (guint i = 0; i < SPIRE_RANKING_N_FIXED_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = new_factory (self, i);
      g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (spire_ranking_compare_func (i), self, NULL));

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
  set_header_tooltips (self);
}

/* Widths (issue 12): the applicant takes the rest; every other column is
 * as wide as its widest cell and its title (the challenge up to
 * CHALLENGE_MAX_WIDTH, its tooltip has the whole title), measured once per
 * ranking. */
#define CHALLENGE_MAX_WIDTH 200
#define APPLICANT_MIN_WIDTH 220
#define FLAGS_MIN_WIDTH 100

static guint
n_columns (SpireRankingList *self)
{
  return SPIRE_RANKING_N_FIXED_COLUMNS + self->criterion_columns->len;
}

/* Only the longest texts (by bytes) are measured (spire-column-width.c
 * measures its N_MEASURED longest): pick as many in two passes over the
 * rows, without sorting 40 000 of them. */
#define N_LONGEST 24
#define MAX_COUNTED_LENGTH 128

static void
add_longest (SpireRankingList *self, guint c, guint n_rows, GPtrArray *texts)
{
  guint count[MAX_COUNTED_LENGTH + 1] = { 0 };
  guint n = MIN (n_rows, self->items->len), want = 0, threshold = MAX_COUNTED_LENGTH;

  for (guint i = 0; i < n; i++)
    count[MIN (strlen (cell_text_const (self, self->items->pdata[i], c)), MAX_COUNTED_LENGTH)]++;
  /* The shortest length among the N_LONGEST longest */
  while (threshold > 0 && want + count[threshold] < N_LONGEST)
    want += count[threshold--];
  /* Longer than the threshold first (fewer than N_LONGEST), then of it */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n && (pass == 0 || want < N_LONGEST); i++)
      {
        const char *text = cell_text_const (self, self->items->pdata[i], c);
        gsize len = MIN (strlen (text), MAX_COUNTED_LENGTH);

        if (pass == 0 ? len > threshold : len == threshold)
          {
            g_ptr_array_add (texts, (gpointer) text);
            want += pass;
          }
      }
}

static GtkColumnViewColumn *
column_at (SpireRankingList *self, guint c)
{
  return c < SPIRE_RANKING_N_FIXED_COLUMNS
           ? self->columns[c]
           : self->criterion_columns->pdata[c - SPIRE_RANKING_N_FIXED_COLUMNS];
}

/* How wide column @c should be: as its title and its texts in the first
 * @n_rows rows shown (the status column: every status's label) */
static int
column_width (SpireRankingList *self, guint c, guint n_rows)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  const char *title = gtk_column_view_column_get_title (column_at (self, c));
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  int width;

  if (c == SPIRE_RANKING_COLUMN_APPLICANT)
    return APPLICANT_MIN_WIDTH;
  if (c == SPIRE_RANKING_COLUMN_FLAGS)
    return MAX (FLAGS_MIN_WIDTH, spire_column_width_measure (view, title, NULL, 0));
  if (c == SPIRE_RANKING_COLUMN_STATUS)
    for (const SpireEnumValue *v = status_field ()->values; v->value; v++)
      g_ptr_array_add (texts, (gpointer) spire_field_value_label (status_field (), v->value));
  else
    add_longest (self, c, n_rows, texts);
  width = spire_column_width_measure (view, title, (const char *const *) texts->pdata,
                                      (int) texts->len);
  return c == SPIRE_RANKING_COLUMN_CHALLENGE ? MIN (width, CHALLENGE_MAX_WIDTH) : width;
}

/* Each change of a column's width lays out every row the column view has
 * made (40 ms at 200 rows of 14 columns): the widths are set together. */
static void
apply_widths (SpireRankingList *self)
{
  for (guint c = 0; c < n_columns (self) && c < self->widths->len; c++)
    {
      GtkColumnViewColumn *column = column_at (self, c);
      int width = g_array_index (self->widths, int, c);

      if (c != SPIRE_RANKING_COLUMN_APPLICANT)
        gtk_column_view_column_set_expand (column, FALSE);
      if (gtk_column_view_column_get_fixed_width (column) != width)
        gtk_column_view_column_set_fixed_width (column, width);
    }
}

/* fit_idle_cb, once all rows are in: the next column's width for all
 * rows, set when the last is known.  FALSE when done. */
static gboolean
fit_next_column (SpireRankingList *self)
{
  if (!self->fit_pending)
    return FALSE;
  if (self->n_fitted < n_columns (self))
    {
      g_array_index (self->widths, int, self->n_fitted) =
        column_width (self, self->n_fitted, self->items->len);
      self->n_fitted++;
      return TRUE;
    }
  apply_widths (self);
  self->fit_pending = FALSE;
  return FALSE;
}

/* Every column fitted to the rows in the list now: all of a small
 * ranking's, the first screenful of a large one's (fit_idle_cb measures
 * its columns for all rows once they are in, a column per idle, and sets
 * them together). */
static void
fit_columns (SpireRankingList *self)
{
  g_array_set_size (self->widths, n_columns (self));
  for (guint c = 0; c < n_columns (self); c++)
    g_array_index (self->widths, int, c) =
      column_width (self, c, g_list_model_get_n_items (G_LIST_MODEL (self->rows)));
  apply_widths (self);
  self->n_fitted = 0;
  self->fit_pending = spire_list_fill_is_running (self->fill);
}

/* Public API */

void
spire_ranking_list_set_ranking (SpireRankingList *self, SpireRanking *ranking)
{
  g_return_if_fail (SPIRE_IS_RANKING_LIST (self));

  g_set_object (&self->ranking, ranking);
  update_criterion_columns (self);
  fill_rows (self);
  fit_columns (self);
}

SpireRanking *
spire_ranking_list_get_ranking (SpireRankingList *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_LIST (self), NULL);

  return self->ranking;
}

GtkSelectionModel *
spire_ranking_list_get_model (SpireRankingList *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_LIST (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GPtrArray *
spire_ranking_list_get_selected (SpireRankingList *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < gtk_bitset_get_size (set); i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                  gtk_bitset_get_nth (set, i)));
  return rows;
}

gboolean
spire_ranking_list_get_meeting_order (SpireRankingList *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_LIST (self), FALSE);

  return self->meeting;
}

GtkColumnView *
spire_ranking_list_get_column_view (SpireRankingList *self)
{
  return self->column_view;
}
