/* spire-review-row.c — one application in the list of reviews keyed in at the office
 *
 * The application and the state of the chosen member's review of it;
 * activating the row opens the review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-review-row.h"

struct _SpireReviewRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SpireReviewRow, spire_review_row, ADW_TYPE_ACTION_ROW)

static void
spire_review_row_class_init (SpireReviewRowClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/no/spire/Spire/evaluation/spire-review-row.ui");
}

static void
spire_review_row_init (SpireReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_review_row_new (SpireRecord *app, const char *label, const char *state)
{
  SpireReviewRow *self = g_object_new (SPIRE_TYPE_REVIEW_ROW, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 label ? label : spire_record_get_display_name (app));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               state == NULL ? _("Not started")
                               : g_strcmp0 (state, "submitted") == 0 ? _("Submitted")
                                                                     : _("Draft"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", spire_record_get_uuid (app));
  return GTK_WIDGET (self);
}
