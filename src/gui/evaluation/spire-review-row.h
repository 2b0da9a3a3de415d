/* spire-review-row.h — one application in the list of reviews keyed in at the office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_REVIEW_ROW (spire_review_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireReviewRow, spire_review_row, SPIRE, REVIEW_ROW, GtkBox)

/* A row of the reviews list view, recycled: bound to one item at a time. */
GtkWidget *spire_review_row_new (void);
/* Shows @item: its label ("title — startup") and the member's review
 * state ("Not started", "Draft", "Submitted"); NULL: nothing. */
void spire_review_row_bind (SpireReviewRow *self, SpireReviewQueueItem *item);
void spire_review_row_set_compact (SpireReviewRow *self, gboolean compact);

G_END_DECLS
