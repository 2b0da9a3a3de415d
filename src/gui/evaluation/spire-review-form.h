/* spire-review-form.h — one panel member's review of one application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_REVIEW_FORM (spire_review_form_get_type ())
G_DECLARE_FINAL_TYPE (SpireReviewForm, spire_review_form, SPIRE, REVIEW_FORM, AdwBin)

GtkWidget *spire_review_form_new (void);

/* Shows the review of @evaluator_uuid for @application_uuid (the stored one
 * or a new draft; spire_review_open).  NULL @store clears the form.  Saves
 * a pending draft of the review shown before. */
gboolean spire_review_form_load (SpireReviewForm *self, SpireStore *store,
                                 const char *evaluator_uuid, const char *application_uuid,
                                 GError **error);
/* The program manager may send a submitted review back (review.reopen). */
void spire_review_form_set_can_reopen (SpireReviewForm *self, gboolean can_reopen);
/* Writes a pending draft now (drafts are otherwise saved a second after
 * the last change).  FALSE with @error when the store refuses. */
gboolean spire_review_form_save_now (SpireReviewForm *self, GError **error);

const char *spire_review_form_get_application (SpireReviewForm *self);

G_END_DECLS
