/* spire-evaluation-rubric.h — the rubric part: scale, settings and criteria
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-evaluation-part.h"
#include "spire-criterion-row.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_RUBRIC (spire_evaluation_rubric_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluationRubric, spire_evaluation_rubric, SPIRE, EVALUATION_RUBRIC, SpireEvaluationPart)

/* The row of criterion @uuid in the criteria list, or NULL. */
SpireCriterionRow *spire_evaluation_rubric_get_row (SpireEvaluationRubric *self, const char *uuid);

G_END_DECLS
