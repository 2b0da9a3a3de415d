/* spire-evaluator-window-private.h — test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-evaluator-window.h"
#include "evaluation/spire-review-form.h"

G_BEGIN_DECLS

SpireStore *_spire_evaluator_window_get_store (SpireEvaluatorWindow *self);
const char *_spire_evaluator_window_get_evaluator (SpireEvaluatorWindow *self);
SpireReviewForm *_spire_evaluator_window_get_form (SpireEvaluatorWindow *self);
guint _spire_evaluator_window_get_n_applications (SpireEvaluatorWindow *self);
gboolean _spire_evaluator_window_select (SpireEvaluatorWindow *self, const char *application_uuid);
/* What the save dialog leads to. */
gboolean _spire_evaluator_window_export_sheet_to (SpireEvaluatorWindow *self, const char *path,
                                                  GError **error);

G_END_DECLS
