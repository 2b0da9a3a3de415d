/* spire-deal-card-row.c — one deal on the board: the startup, the buyer,
 * the value, the days in its stage, and marks when it is stale or a
 * procedure hint applies (its text in the tooltip)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-deal-card-row.h"
#include "spire-followup-resources.h"

struct _SpireDealCardRow
{
  GtkBox parent_instance;

  GtkLabel *startup_label;
  GtkImage *hint_icon;
  GtkLabel *buyer_label;
  GtkLabel *value_label;
  GtkLabel *days_label;
  GtkLabel *stale_label;

  SpireDealCard *card;
};

G_DEFINE_FINAL_TYPE (SpireDealCardRow, spire_deal_card_row, GTK_TYPE_BOX)

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source, double x, double y, SpireDealCardRow *self)
{
  if (self->card == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, spire_deal_card_get_uuid (self->card));
}

static void
spire_deal_card_row_dispose (GObject *object)
{
  SpireDealCardRow *self = SPIRE_DEAL_CARD_ROW (object);

  g_clear_object (&self->card);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_CARD_ROW);
  G_OBJECT_CLASS (spire_deal_card_row_parent_class)->dispose (object);
}

static void
spire_deal_card_row_class_init (SpireDealCardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_card_row_dispose;

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/followup/spire-deal-card-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealCardRow, startup_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealCardRow, hint_icon);
  gtk_widget_class_bind_template_child (widget_class, SpireDealCardRow, buyer_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealCardRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealCardRow, days_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealCardRow, stale_label);
}

static void
spire_deal_card_row_init (SpireDealCardRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
spire_deal_card_row_new (void)
{
  return g_object_new (SPIRE_TYPE_DEAL_CARD_ROW, NULL);
}

void
spire_deal_card_row_set_card (SpireDealCardRow *self, SpireDealCard *card)
{
  SpireLanguage lang = spire_language_current ();
  g_autofree char *value = NULL;
  g_autofree char *days = NULL;
  g_autofree char *n_days = NULL;
  gint64 money;

  g_return_if_fail (SPIRE_IS_DEAL_CARD_ROW (self));

  g_set_object (&self->card, card);
  if (card == NULL)
    return;
  money = spire_deal_card_get_value (card);
  value = money == SPIRE_INT_NONE ? g_strdup ("") : spire_format_money (money, lang);
  n_days = spire_format_count (spire_deal_card_get_days_in_stage (card), lang);
  /* TRANSLATORS: days a deal has been in its stage, on a card: "30 d" */
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days",
                                       spire_deal_card_get_days_in_stage (card)),
                          n_days);
  gtk_label_set_text (self->startup_label, spire_deal_card_get_startup (card));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->startup_label), spire_deal_card_get_title (card));
  gtk_label_set_text (self->buyer_label, spire_deal_card_get_buyer (card));
  gtk_label_set_text (self->value_label, value);
  gtk_label_set_text (self->days_label, days);
  gtk_widget_set_visible (GTK_WIDGET (self->stale_label), spire_deal_card_get_stale (card));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_icon), spire_deal_card_get_hint (card) != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hint_icon), spire_deal_card_get_hint (card));
}
