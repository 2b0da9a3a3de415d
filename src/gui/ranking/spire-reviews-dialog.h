/* spire-reviews-dialog.h — every review of one application of the ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_REVIEWS_DIALOG (spire_reviews_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireReviewsDialog, spire_reviews_dialog, SPIRE, REVIEWS_DIALOG, AdwWindow)

/* @reviews: spire_ranking_list_reviews() of @row's application. */
GtkWidget *spire_reviews_dialog_new (GtkWindow *parent, SpireRanking *ranking, SpireRankRow *row,
                                     GListModel *reviews);
/* How many reviews it lists (drafts included). */
guint spire_reviews_dialog_get_n_reviews (SpireReviewsDialog *self);

G_END_DECLS
