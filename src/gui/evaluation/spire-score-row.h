/* spire-score-row.h — one criterion of a review: a score on the scale, N/A, a comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_SCORE_ROW (spire_score_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireScoreRow, spire_score_row, SPIRE, SCORE_ROW, AdwBin)

/* @criterion scored on @rubric's scale.  Emits "changed" when the score,
 * N/A or the comment changes. */
GtkWidget *spire_score_row_new (SpireRecord *criterion, SpireRecord *rubric);
const char *spire_score_row_get_criterion (SpireScoreRow *self);
/* TRUE when answered: *@value is the score, or NAN for N/A. */
gboolean spire_score_row_get_score (SpireScoreRow *self, double *value);
/* @value NAN: N/A. */
void spire_score_row_set_score (SpireScoreRow *self, double value);
const char *spire_score_row_get_comment (SpireScoreRow *self);
void spire_score_row_set_comment (SpireScoreRow *self, const char *comment);

/* The widgets a test drives (spire-review-form-private.h's hooks). */
GtkToggleButton *_spire_score_row_get_value_button (SpireScoreRow *self, int value);
GtkCheckButton *_spire_score_row_get_na_button (SpireScoreRow *self);
GtkEditable *_spire_score_row_get_comment (SpireScoreRow *self);

G_END_DECLS
