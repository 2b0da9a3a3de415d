/* spire-review-row.h — one application in the list of reviews keyed in at the office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_REVIEW_ROW (spire_review_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireReviewRow, spire_review_row, SPIRE, REVIEW_ROW, AdwActionRow)

/* An application a panel member reviews, titled @label ("title —
 * startup"; NULL: the title), with the review's state (@state: NULL not
 * started, "draft", "submitted"); activating it opens the review
 * ("evaluation.open-review"). */
GtkWidget *spire_review_row_new (SpireRecord *application, const char *label, const char *state);

G_END_DECLS
