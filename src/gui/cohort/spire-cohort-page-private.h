/* spire-cohort-page-private.h — what tests may look at that the public API
 * does not show: the search entry (to type as a user), the list and the
 * details pane (their own public API), the "12 of 80" text, the tiles'
 * counts, the number of filter items and which details pane is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-application-details.h"
#include "spire-application-list.h"
#include "spire-cohort-page.h"

G_BEGIN_DECLS

GtkEditable *_spire_cohort_page_get_search_entry (SpireCohortPage *self);
SpireApplicationList *_spire_cohort_page_get_list (SpireCohortPage *self);
SpireApplicationDetails *_spire_cohort_page_get_details (SpireCohortPage *self);
/* "12 of 80 applications" */
const char *_spire_cohort_page_get_shown_text (SpireCohortPage *self);
/* The number shown for a status value ("received"), or -1. */
int _spire_cohort_page_get_status_count (SpireCohortPage *self, const char *status);
/* How many items the status or the challenge dropdown offers. */
guint _spire_cohort_page_get_n_filter_items (SpireCohortPage *self, gboolean challenges);
/* "none", "one" or "many" */
const char *_spire_cohort_page_get_details_state (SpireCohortPage *self);

G_END_DECLS
