/* spire-evaluation-panel.h — the panel part: members, roles and conflicts of interest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-evaluation-part.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_PANEL (spire_evaluation_panel_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluationPanel, spire_evaluation_panel, SPIRE, EVALUATION_PANEL, SpireEvaluationPart)



G_END_DECLS
