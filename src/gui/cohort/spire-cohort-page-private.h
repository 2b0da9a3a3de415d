/* spire-cohort-page-private.h — what tests may look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-cohort-page.h"

G_BEGIN_DECLS

/* Every application of the cohort (GListStore of SpireApplication). */
GListModel *_spire_cohort_page_get_applications (SpireCohortPage *self);
/* The applications that match the search, before sorting. */
GListModel *_spire_cohort_page_get_filtered (SpireCohortPage *self);
/* What the column view shows, in its order. */
GListModel *_spire_cohort_page_get_sorted (SpireCohortPage *self);
GtkEditable *_spire_cohort_page_get_search_entry (SpireCohortPage *self);
GtkColumnView *_spire_cohort_page_get_column_view (SpireCohortPage *self);
/* Column @i (0 Title, 1 Startup, 2 Challenge, 3 Status, 4 Submitted). */
GtkColumnViewColumn *_spire_cohort_page_get_column (SpireCohortPage *self, guint i);
/* "12 of 80 applications" */
const char *_spire_cohort_page_get_shown_text (SpireCohortPage *self);
/* The number shown for a status value ("received"), or -1. */
int _spire_cohort_page_get_status_count (SpireCohortPage *self, const char *status);
/* "list", "empty" or "no-results" */
const char *_spire_cohort_page_get_list_state (SpireCohortPage *self);
/* The text of a cell as bound for @item in column @i. */
char *_spire_cohort_page_cell_text (SpireCohortPage *self, SpireRecord *item, guint i);

G_END_DECLS
