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

guint spire_evaluation_panel_get_n_conflicts (SpireEvaluationPanel *self, guint *n_in_list);
GtkListView *spire_evaluation_panel_get_conflicts_view (SpireEvaluationPanel *self);



G_END_DECLS
