/* spire-review-form-private.h — test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-review-form.h"

G_BEGIN_DECLS

/* The toggle button for @value of criterion @criterion_uuid, or NULL. */
GtkToggleButton *_spire_review_form_get_value_button (SpireReviewForm *self,
                                                      const char *criterion_uuid, int value);
GtkCheckButton *_spire_review_form_get_na_button (SpireReviewForm *self,
                                                  const char *criterion_uuid);
GtkEditable *_spire_review_form_get_comment (SpireReviewForm *self, const char *criterion_uuid);
/* "yes", "maybe" or "no" */
GtkToggleButton *_spire_review_form_get_recommendation (SpireReviewForm *self,
                                                        const char *value);
GtkTextBuffer *_spire_review_form_get_summary (SpireReviewForm *self);
/* TRUE when the form is locked (submitted). */
gboolean _spire_review_form_is_locked (SpireReviewForm *self);
/* TRUE while a draft waits to be saved. */
gboolean _spire_review_form_is_dirty (SpireReviewForm *self);
/* Number of other evaluators' reviews shown. */
guint _spire_review_form_get_n_others (SpireReviewForm *self);

G_END_DECLS
