/* spire-evaluation-reviews.h — the reviews part: reviews keyed in at the office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-evaluation-part.h"
#include "spire-review-form.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_REVIEWS (spire_evaluation_reviews_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluationReviews, spire_evaluation_reviews, SPIRE, EVALUATION_REVIEWS, SpireEvaluationPart)

/* The form reviews are keyed in with. */
SpireReviewForm *spire_evaluation_reviews_get_form (SpireEvaluationReviews *self);
/* TRUE while the member's applications are read on a worker (a spinner shows). */
gboolean spire_evaluation_reviews_is_loading (SpireEvaluationReviews *self);

G_END_DECLS
