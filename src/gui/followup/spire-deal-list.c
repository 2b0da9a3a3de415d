/* spire-deal-list.c — the Follow-up page's deals as a list: search, a
 * stage filter, sorting by every column and CSV export of what it shows
 *
 * The same SpireDealCards as the board (core's spire_deal_cards_async),
 * shown in a GtkColumnView whose cells are GtkInscriptions, so that 2 000
 * deals scroll smoothly.  Search folds the query as core folds the card's
 * text (spire_search_fold); the export writes the rows as they are shown,
 * filtered and sorted, through spire_csv_export_async.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-deal-list.h"
#include "spire-followup-resources.h"
#include "spire-list-util.h"

typedef enum
{
  COLUMN_STARTUP,
  COLUMN_BUYER,
  COLUMN_KIND,
  COLUMN_STAGE,
  COLUMN_VALUE,
  COLUMN_WEIGHTED,
  COLUMN_DAYS,
  COLUMN_STALE,
  COLUMN_HINT,
  N_COLUMNS
} DealColumn;

struct _SpireDealList
{
  GtkBox parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *stage_dropdown;
  GtkColumnView *column_view;

  GListStore *cards;
  GtkFilter *filter;
  GtkSortListModel *sorted;
  char *query;  /* folded */
  char *stage;  /* NULL: every stage */
};

G_DEFINE_FINAL_TYPE (SpireDealList, spire_deal_list, GTK_TYPE_BOX)

enum
{
  DEAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Cells */

static const char *
enum_label (const char *field, const char *value)
{
  return spire_field_value_label (spire_kind_field (&spire_kind_deal, field), value);
}

static char *
money_text (gint64 ore)
{
  return ore == SPIRE_INT_NONE ? g_strdup ("")
                               : spire_format_money (ore, spire_language_current ());
}

/* What a cell shows, and what the export writes. */
static char *
cell_text (SpireDealCard *card, DealColumn column)
{
  switch (column)
    {
    case COLUMN_STARTUP:
      return g_strdup (spire_deal_card_get_startup (card));
    case COLUMN_BUYER:
      return g_strdup (spire_deal_card_get_buyer (card));
    case COLUMN_KIND:
      return g_strdup (enum_label ("kind", spire_deal_card_get_kind (card)));
    case COLUMN_STAGE:
      return g_strdup (enum_label ("stage", spire_deal_card_get_stage (card)));
    case COLUMN_VALUE:
      return money_text (spire_deal_card_get_value (card));
    case COLUMN_WEIGHTED:
      return money_text (spire_deal_card_get_weighted_value (card));
    case COLUMN_DAYS:
      return g_strdup_printf ("%d", spire_deal_card_get_days_in_stage (card));
    case COLUMN_STALE:
      return g_strdup (spire_deal_card_get_stale (card) ? C_("deal", "Stale") : "");
    case COLUMN_HINT:
      /* TRANSLATORS: the mark of a deal with a procedure hint */
      return g_strdup (spire_deal_card_get_hint (card) ? _("Check procedure") : "");
    case N_COLUMNS:
    default:
      break;
    }
  return g_strdup ("");
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SpireDealList *self)
{
  DealColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  SpireDealCard *card = gtk_list_item_get_item (item);
  g_autofree char *text = cell_text (card, column);
  gboolean number = column == COLUMN_VALUE || column == COLUMN_WEIGHTED || column == COLUMN_DAYS;

  gtk_inscription_set_text (cell, text);
  gtk_inscription_set_xalign (cell, number ? 1.0f : 0.0f);
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell),
                               column == COLUMN_HINT ? spire_deal_card_get_hint (card) : NULL);
}

/* Sorting: text by Norwegian order, numbers as numbers. */

static int
compare_int (gint64 a, gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  DealColumn column = GPOINTER_TO_UINT (data);
  SpireDealCard *x = (SpireDealCard *) a;
  SpireDealCard *y = (SpireDealCard *) b;

  switch (column)
    {
    case COLUMN_VALUE:
      return compare_int (spire_deal_card_get_value (x), spire_deal_card_get_value (y));
    case COLUMN_WEIGHTED:
      return compare_int (spire_deal_card_get_weighted_value (x),
                          spire_deal_card_get_weighted_value (y));
    case COLUMN_DAYS:
      return compare_int (spire_deal_card_get_days_in_stage (x),
                          spire_deal_card_get_days_in_stage (y));
    case COLUMN_STALE:
      return compare_int (spire_deal_card_get_stale (x), spire_deal_card_get_stale (y));
    case COLUMN_HINT:
      return compare_int (spire_deal_card_get_hint (x) != NULL,
                          spire_deal_card_get_hint (y) != NULL);
    case COLUMN_STAGE:
      {
        const char *const *stages = spire_deal_stages ();
        int i = 0, j = 0;

        while (stages[i] && g_strcmp0 (stages[i], spire_deal_card_get_stage (x)) != 0)
          i++;
        while (stages[j] && g_strcmp0 (stages[j], spire_deal_card_get_stage (y)) != 0)
          j++;
        return compare_int (i, j);
      }
    default:
      {
        g_autofree char *s = cell_text (x, column);
        g_autofree char *t = cell_text (y, column);

        return spire_collate (s, t);
      }
    }
}

/* Filtering */

static gboolean
filter_cb (gpointer item, gpointer data)
{
  SpireDealList *self = data;
  SpireDealCard *card = item;

  if (self->stage && g_strcmp0 (spire_deal_card_get_stage (card), self->stage) != 0)
    return FALSE;
  if (self->query && *self->query)
    return strstr (spire_deal_card_get_search_text (card), self->query) != NULL;
  return TRUE;
}

static void
on_search_changed_cb (SpireDealList *self)
{
  g_free (self->query);
  self->query = spire_search_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stage_selected_cb (SpireDealList *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);
  const char *const *stages = spire_deal_stages ();

  g_clear_pointer (&self->stage, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= g_strv_length ((char **) stages))
    self->stage = g_strdup (stages[selected - 1]);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_activate_cb (SpireDealList *self, guint position)
{
  g_autoptr (SpireDealCard) card = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (card)
    g_signal_emit (self, signals[DEAL_ACTIVATED], 0, spire_deal_card_get_uuid (card));
}

/* Class */

static void
setup_columns (SpireDealList *self)
{
  const char *titles[N_COLUMNS] = {
    _("Startup"), _("Buyer"), _("Kind"), _("Stage"), _("Value"), _("Weighted Value"),
    _("Days in Stage"), C_("deal", "Stale"), C_("deal list column", "Procedure"),
  };
  static const guint nat_chars[N_COLUMNS] = { 18, 18, 14, 11, 15, 15, 5, 8, 16 };
  static const guint min_chars[N_COLUMNS] = { 8, 8, 6, 6, 13, 13, 3, 3, 6 };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = spire_inscription_factory_new (
        i, min_chars[i], nat_chars[i], G_CALLBACK (on_bind_cb), self);
      g_autoptr (GtkSorter) sorter =
        GTK_SORTER (gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (i), NULL));
      g_autoptr (GtkColumnViewColumn) column = gtk_column_view_column_new (titles[i], NULL);

      gtk_column_view_column_set_factory (column, factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i <= COLUMN_BUYER);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
setup_stages (SpireDealList *self)
{
  const char *const *stages = spire_deal_stages ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("All Stages"));
  for (guint i = 0; stages[i]; i++)
    gtk_string_list_append (labels, enum_label ("stage", stages[i]));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
}

static void
spire_deal_list_dispose (GObject *object)
{
  SpireDealList *self = SPIRE_DEAL_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_LIST);
  g_clear_object (&self->sorted);
  g_clear_object (&self->cards);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (spire_deal_list_parent_class)->dispose (object);
}

static void
spire_deal_list_finalize (GObject *object)
{
  SpireDealList *self = SPIRE_DEAL_LIST (object);

  g_free (self->query);
  g_free (self->stage);
  G_OBJECT_CLASS (spire_deal_list_parent_class)->finalize (object);
}

static void
spire_deal_list_class_init (SpireDealListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_list_dispose;
  object_class->finalize = spire_deal_list_finalize;

  signals[DEAL_ACTIVATED] = g_signal_new ("deal-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          1, G_TYPE_STRING);

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/followup/spire-deal-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealList, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpireDealList, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
spire_deal_list_init (SpireDealList *self)
{
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_list_store_new (SPIRE_TYPE_DEAL_CARD);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_cb, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->cards)),
                                        g_object_ref (self->filter));
  setup_columns (self);
  /* GTK 4.8: the view's sorter is a GtkSorter made of the columns'. */
  self->sorted = gtk_sort_list_model_new (
    G_LIST_MODEL (filtered), g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  setup_stages (self);
}

GtkWidget *
spire_deal_list_new (void)
{
  return g_object_new (SPIRE_TYPE_DEAL_LIST, NULL);
}

void
spire_deal_list_set_cards (SpireDealList *self, GPtrArray *cards)
{
  g_return_if_fail (SPIRE_IS_DEAL_LIST (self));

  g_list_store_splice (self->cards, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cards)),
                       cards ? cards->pdata : NULL, cards ? cards->len : 0);
}

GListModel *
spire_deal_list_get_model (SpireDealList *self)
{
  g_return_val_if_fail (SPIRE_IS_DEAL_LIST (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
spire_deal_list_set_search (SpireDealList *self, const char *text)
{
  g_return_if_fail (SPIRE_IS_DEAL_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search_changed_cb (self); /* at once, not after the entry's delay */
}

void
spire_deal_list_set_stage (SpireDealList *self, const char *stage)
{
  const char *const *stages = spire_deal_stages ();
  guint position = 0;

  g_return_if_fail (SPIRE_IS_DEAL_LIST (self));

  for (guint i = 0; stage && stages[i]; i++)
    if (g_str_equal (stages[i], stage))
      position = i + 1;
  gtk_drop_down_set_selected (self->stage_dropdown, position);
  on_stage_selected_cb (self);
}

void
spire_deal_list_export_async (SpireDealList *self, const char *path,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (shown);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_full (n, (GDestroyNotify) g_strfreev);
  g_autoptr (GStrvBuilder) header = g_strv_builder_new ();
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      g_strv_builder_add (header, gtk_column_view_column_get_title (column));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireDealCard) card = g_list_model_get_item (shown, i);
      char **row = g_new0 (char *, N_COLUMNS + 1);

      for (guint c = 0; c < N_COLUMNS; c++)
        row[c] = cell_text (card, c);
      g_ptr_array_add (rows, row);
    }
  spire_csv_export_async (self, path, g_strv_builder_end (header), g_steal_pointer (&rows),
                          callback, user_data);
}
