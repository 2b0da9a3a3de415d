/* spire-screening-row.c — one application in screening, with its gates' answers
 *
 * A row of the screening list view (issue 11: a widget per shown row,
 * recycled, instead of one per application): the title, a subtitle with
 * the startup and each gate and its answer, an icon saying whether the
 * application is screened or ineligible, and an arrow while it can be
 * screened (received or in review: only then does activating the row open
 * the dialog).  The item is made on a worker (spire_screening_rows_async);
 * binding only sets texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-screening-row.h"
#include "common/spire-widget.h"

struct _SpireScreeningRow
{
  GtkBox parent_instance;

  GtkImage *icon;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkWidget *arrow;

  SpireScreeningItem *item;
};

G_DEFINE_FINAL_TYPE (SpireScreeningRow, spire_screening_row, GTK_TYPE_BOX)

static void
spire_screening_row_dispose (GObject *object)
{
  g_clear_object (&SPIRE_SCREENING_ROW (object)->item);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_SCREENING_ROW);
  G_OBJECT_CLASS (spire_screening_row_parent_class)->dispose (object);
}

static void
spire_screening_row_class_init (SpireScreeningRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_screening_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-screening-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireScreeningRow, icon);
  gtk_widget_class_bind_template_child (widget_class, SpireScreeningRow, title);
  gtk_widget_class_bind_template_child (widget_class, SpireScreeningRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpireScreeningRow, arrow);
}

static void
spire_screening_row_init (SpireScreeningRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_screening_row_new (void)
{
  return g_object_new (SPIRE_TYPE_SCREENING_ROW, NULL);
}

/* Compact (a narrow window): the title and the gates' answers wrap to two
 * lines each; else one line each, cut at its end, whole in its tooltip. */
void
spire_screening_row_set_compact (SpireScreeningRow *self, gboolean compact)
{
  g_return_if_fail (SPIRE_IS_SCREENING_ROW (self));

  spire_label_set_compact (self->title, compact, 2);
  spire_label_set_compact (self->subtitle, compact, 2);
}

void
spire_screening_row_bind (SpireScreeningRow *self, SpireScreeningItem *item)
{
  g_return_if_fail (SPIRE_IS_SCREENING_ROW (self));

  g_set_object (&self->item, item);
  gtk_label_set_label (self->title, item ? item->title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), item ? item->title : NULL);
  gtk_label_set_label (self->subtitle, item ? item->subtitle : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle), item ? item->subtitle : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), item && item->subtitle[0]);
  /* The icon keeps its place (opacity) so that the titles line up. */
  gtk_image_set_from_icon_name (self->icon, item && item->ineligible ? "action-unavailable-symbolic"
                                                                     : "emblem-ok-symbolic");
  gtk_widget_set_opacity (GTK_WIDGET (self->icon), item && item->screened ? 1.0 : 0.0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               item && item->ineligible ? _("Ineligible") : NULL);
  gtk_widget_set_opacity (self->arrow, item && item->can_screen ? 1.0 : 0.0);
}

SpireScreeningItem *
spire_screening_row_get_item (SpireScreeningRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SCREENING_ROW (self), NULL);
  return self->item;
}
