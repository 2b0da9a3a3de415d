/* spire-cohort-page.h — one cohort: facts, counts and its applications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_COHORT_PAGE (spire_cohort_page_get_type ())
G_DECLARE_FINAL_TYPE (SpireCohortPage, spire_cohort_page, SPIRE, COHORT_PAGE, AdwBin)

GtkWidget *spire_cohort_page_new (void);

void spire_cohort_page_set_store (SpireCohortPage *self, SpireStore *store);
/* Shows @cohort (NULL: nothing) and reads its applications from the store. */
gboolean spire_cohort_page_set_cohort (SpireCohortPage *self, SpireCohort *cohort,
                                       GError **error);
SpireCohort *spire_cohort_page_get_cohort (SpireCohortPage *self);
/* Moves the keyboard focus to the search entry, its text selected. */
void spire_cohort_page_focus_search (SpireCohortPage *self);

G_END_DECLS
