/* spire-evaluation-assignment.h — the assignment part: automatic and by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-evaluation-part.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_ASSIGNMENT (spire_evaluation_assignment_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluationAssignment, spire_evaluation_assignment, SPIRE, EVALUATION_ASSIGNMENT, SpireEvaluationPart)

/* "4 members, 20–21 applications each" */
const char *spire_evaluation_assignment_get_summary (SpireEvaluationAssignment *self);

G_END_DECLS
