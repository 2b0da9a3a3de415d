/* spire-evaluation-screening.h — the screening part: eligibility gates answered by the office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-evaluation-part.h"
#include "spire-screening-row.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_SCREENING (spire_evaluation_screening_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluationScreening, spire_evaluation_screening, SPIRE, EVALUATION_SCREENING, SpireEvaluationPart)

/* "12 of 25 screened, 2 ineligible", or NULL when the rubric has no gates. */
const char *spire_evaluation_screening_get_summary (SpireEvaluationScreening *self);
/* TRUE while the rows are read on a worker: the summary and the rows come
 * when it is FALSE. */
gboolean spire_evaluation_screening_is_loading (SpireEvaluationScreening *self);
/* The row shown for @application_uuid (owned by the list), or NULL. */
SpireScreeningItem *spire_evaluation_screening_get_item (SpireEvaluationScreening *self,
                                                         const char *application_uuid);

G_END_DECLS
