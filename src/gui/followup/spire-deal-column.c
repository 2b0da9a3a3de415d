/* spire-deal-column.c — one stage's column on the board: its head (count,
 * sum and weighted sum) and its cards; a card dropped on it asks to move
 * there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-deal-card-row.h"
#include "spire-deal-column.h"
#include "spire-followup-resources.h"

struct _SpireDealColumn
{
  GtkBox parent_instance;

  GtkLabel *title_label;
  GtkLabel *sum_label;
  GtkListView *list_view;

  char *stage;
  int probability;
  GListStore *cards;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (SpireDealColumn, spire_deal_column, GTK_TYPE_BOX)

enum
{
  DEAL_SELECTED,
  DEAL_DROPPED,
  DEAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, spire_deal_card_row_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  spire_deal_card_row_set_card (SPIRE_DEAL_CARD_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  spire_deal_card_row_set_card (SPIRE_DEAL_CARD_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_selection_changed_cb (SpireDealColumn *self)
{
  SpireDealCard *card = gtk_single_selection_get_selected_item (self->selection);

  if (card)
    g_signal_emit (self, signals[DEAL_SELECTED], 0, spire_deal_card_get_uuid (card));
}

static void
on_list_activate_cb (SpireDealColumn *self, guint position)
{
  g_autoptr (SpireDealCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), position);

  if (card)
    g_signal_emit (self, signals[DEAL_ACTIVATED], 0, spire_deal_card_get_uuid (card));
}

static gboolean
on_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y,
            SpireDealColumn *self)
{
  if (!G_VALUE_HOLDS_STRING (value) || g_value_get_string (value) == NULL)
    return FALSE;
  g_signal_emit (self, signals[DEAL_DROPPED], 0, g_value_get_string (value));
  return TRUE;
}

static void
update_head (SpireDealColumn *self)
{
  SpireLanguage lang = spire_language_current ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  gint64 sum = 0, weighted = 0;
  g_autofree char *sum_text = NULL;
  g_autofree char *weighted_text = NULL;
  g_autofree char *n_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireDealCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (spire_deal_card_get_value (card) != SPIRE_INT_NONE)
        sum += spire_deal_card_get_value (card);
      if (spire_deal_card_get_weighted_value (card) != SPIRE_INT_NONE)
        weighted += spire_deal_card_get_weighted_value (card);
    }
  sum_text = spire_format_money (sum, lang);
  weighted_text = spire_format_money (weighted, lang);
  n_text = spire_format_count (n, lang);
  /* TRANSLATORS: a board column's head: "3 deals · 1 200 000 kr · weighted 600 000 kr" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal · %s · weighted %s",
                                       "%s deals · %s · weighted %s", n),
                          n_text, sum_text, weighted_text);
  gtk_label_set_text (self->sum_label, text);
}

static void
spire_deal_column_dispose (GObject *object)
{
  SpireDealColumn *self = SPIRE_DEAL_COLUMN (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_COLUMN);
  g_clear_object (&self->selection);
  g_clear_object (&self->cards);
  G_OBJECT_CLASS (spire_deal_column_parent_class)->dispose (object);
}

static void
spire_deal_column_finalize (GObject *object)
{
  g_free (SPIRE_DEAL_COLUMN (object)->stage);
  G_OBJECT_CLASS (spire_deal_column_parent_class)->finalize (object);
}

static void
spire_deal_column_class_init (SpireDealColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_column_dispose;
  object_class->finalize = spire_deal_column_finalize;

  for (guint i = 0; i < N_SIGNALS; i++)
    signals[i] = g_signal_new (i == DEAL_SELECTED ? "deal-selected"
                               : i == DEAL_DROPPED ? "deal-dropped"
                                                   : "deal-activated",
                               G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                               NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/followup/spire-deal-column.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealColumn, sum_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealColumn, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
spire_deal_column_init (SpireDealColumn *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_list_store_new (SPIRE_TYPE_DEAL_CARD);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->cards)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
spire_deal_column_new (const char *stage, int probability)
{
  SpireDealColumn *self = g_object_new (SPIRE_TYPE_DEAL_COLUMN, NULL);
  const SpireField *field = spire_kind_field (&spire_kind_deal, "stage");
  g_autofree char *title = NULL;

  self->stage = g_strdup (stage);
  self->probability = probability;
  /* TRANSLATORS: a board column: "Negotiation (50 %)", the stage and its probability */
  title = g_strdup_printf (_("%s (%d %%)"), spire_field_value_label (field, stage), probability);
  gtk_label_set_text (self->title_label, title);
  update_head (self);
  return GTK_WIDGET (self);
}

const char *
spire_deal_column_get_stage (SpireDealColumn *self)
{
  g_return_val_if_fail (SPIRE_IS_DEAL_COLUMN (self), NULL);
  return self->stage;
}

void
spire_deal_column_set_cards (SpireDealColumn *self, GPtrArray *cards)
{
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();

  g_return_if_fail (SPIRE_IS_DEAL_COLUMN (self));

  for (guint i = 0; cards && i < cards->len; i++)
    if (g_strcmp0 (spire_deal_card_get_stage (cards->pdata[i]), self->stage) == 0)
      g_ptr_array_add (mine, cards->pdata[i]);
  g_list_store_splice (self->cards, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cards)),
                       mine->pdata, mine->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_head (self);
}

GListModel *
spire_deal_column_get_model (SpireDealColumn *self)
{
  g_return_val_if_fail (SPIRE_IS_DEAL_COLUMN (self), NULL);
  return G_LIST_MODEL (self->cards);
}

gboolean
spire_deal_column_select (SpireDealColumn *self, const char *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireDealCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (g_strcmp0 (spire_deal_card_get_uuid (card), uuid) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
spire_deal_column_unselect (SpireDealColumn *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}
