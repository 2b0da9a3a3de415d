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
/* Shows @cohort (NULL: nothing) and reads its applications in a worker
 * (spire_cohort_listing_async): another cohort's rows give way to a spinner
 * at once, a load still running is cancelled, and an error is shown in a
 * dialog when the rows fail to come.  Always TRUE (@error is kept for the
 * callers; nothing is read here). */
gboolean spire_cohort_page_set_cohort (SpireCohortPage *self, SpireCohort *cohort,
                                       GError **error);
/* TRUE while the cohort's applications are being read. */
gboolean spire_cohort_page_is_loading (SpireCohortPage *self);
SpireCohort *spire_cohort_page_get_cohort (SpireCohortPage *self);
/* Moves the keyboard focus to the search entry, its text selected. */
void spire_cohort_page_focus_search (SpireCohortPage *self);

/* What the list shows, in its order, with its selection (SpireApplication
 * items): select in it as a user would. */
GtkSelectionModel *spire_cohort_page_get_model (SpireCohortPage *self);
/* Every application of the cohort, shown or not. */
GListModel *spire_cohort_page_get_applications (SpireCohortPage *self);
/* The filters ("cohort.filter-status", "cohort.filter-challenge"): a status
 * value or NULL; a challenge UUID, "" for none, or NULL. */
const char *spire_cohort_page_get_status_filter (SpireCohortPage *self);
const char *spire_cohort_page_get_challenge_filter (SpireCohortPage *self);
/* TRUE while "cohort.export-csv-to" writes (property "exporting"). */
gboolean spire_cohort_page_get_exporting (SpireCohortPage *self);

G_END_DECLS
