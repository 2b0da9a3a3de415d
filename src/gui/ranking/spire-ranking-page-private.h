/* spire-ranking-page-private.h — what tests may look at that the public
 * API does not show: which state the page shows, and the list (its own
 * public API: the cells' text, the column view to sort by a header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-ranking-list.h"
#include "spire-ranking-page.h"

G_BEGIN_DECLS

/* "none", "loading", "no-rubric", "no-reviews", "error" or "list" */
const char *_spire_ranking_page_get_state (SpireRankingPage *self);
SpireRankingList *_spire_ranking_page_get_list (SpireRankingPage *self);

G_END_DECLS
