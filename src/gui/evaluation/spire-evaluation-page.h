/* spire-evaluation-page.h — the cohort's rubric, panel, conflicts of interest, assignments and reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_PAGE (spire_evaluation_page_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluationPage, spire_evaluation_page, SPIRE, EVALUATION_PAGE, AdwBin)

GtkWidget *spire_evaluation_page_new (void);

void spire_evaluation_page_set_store (SpireEvaluationPage *self, SpireStore *store);
/* Shows @cohort (NULL: nothing).  Called when the sidebar's selection changes. */
gboolean spire_evaluation_page_set_cohort (SpireEvaluationPage *self, SpireCohort *cohort, GError **error);
/* Shows the part named @name ("rubric", "screening", "panel", "assignment",
 * "packages", "reviews"); it loads then, as only the part shown does. */
void spire_evaluation_page_show_part (SpireEvaluationPage *self, const char *name);

G_END_DECLS
