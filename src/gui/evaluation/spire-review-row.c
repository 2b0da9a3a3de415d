/* spire-review-row.c — one application in the list of reviews keyed in at the office
 *
 * A row of the reviews list view (issue 11: a widget per shown row,
 * recycled, instead of one per application): the application and the
 * state of the chosen member's review of it; activating the row opens the
 * review (the list view's "activate").  The item is made on a worker
 * (spire_review_queue_async); binding only sets texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-review-row.h"
#include "common/spire-widget.h"

struct _SpireReviewRow
{
  GtkBox parent_instance;

  GtkLabel *title;
  GtkLabel *subtitle;
};

G_DEFINE_FINAL_TYPE (SpireReviewRow, spire_review_row, GTK_TYPE_BOX)

static void
spire_review_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_REVIEW_ROW);
  G_OBJECT_CLASS (spire_review_row_parent_class)->dispose (object);
}

static void
spire_review_row_class_init (SpireReviewRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_review_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-review-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireReviewRow, title);
  gtk_widget_class_bind_template_child (widget_class, SpireReviewRow, subtitle);
}

static void
spire_review_row_init (SpireReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_review_row_new (void)
{
  return g_object_new (SPIRE_TYPE_REVIEW_ROW, NULL);
}

/* Compact (a narrow window): the title wraps to two lines; else one line,
 * cut at its end, whole in its tooltip. */
void
spire_review_row_set_compact (SpireReviewRow *self, gboolean compact)
{
  g_return_if_fail (SPIRE_IS_REVIEW_ROW (self));

  spire_label_set_compact (self->title, compact, 2);
}

void
spire_review_row_bind (SpireReviewRow *self, SpireReviewQueueItem *item)
{
  const char *state = item ? item->state : NULL;
  const char *title = item == NULL ? ""
                      : item->label ? item->label
                                    : spire_record_get_display_name (item->application);

  g_return_if_fail (SPIRE_IS_REVIEW_ROW (self));

  gtk_label_set_label (self->title, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), *title ? title : NULL);
  gtk_label_set_label (self->subtitle,
                       item == NULL ? ""
                       : state == NULL ? _("Not started")
                       : g_strcmp0 (state, "submitted") == 0 ? _("Submitted")
                                                             : _("Draft"));
}
