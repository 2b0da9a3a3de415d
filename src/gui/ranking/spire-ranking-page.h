/* spire-ranking-page.h — the cohort's ranking, the selection meeting and decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_RANKING_PAGE (spire_ranking_page_get_type ())
G_DECLARE_FINAL_TYPE (SpireRankingPage, spire_ranking_page, SPIRE, RANKING_PAGE, AdwBin)

GtkWidget *spire_ranking_page_new (void);

void spire_ranking_page_set_store (SpireRankingPage *self, SpireStore *store);
/* Shows @cohort (NULL: nothing).  Called when the sidebar's selection changes. */
gboolean spire_ranking_page_set_cohort (SpireRankingPage *self, SpireCohort *cohort, GError **error);

/* The rows as shown, in their order, with the selection (SpireRankRow
 * items): select in it as a user would, then "ranking.decide". */
GtkSelectionModel *spire_ranking_page_get_model (SpireRankingPage *self);
/* The ranking shown, or NULL. */
SpireRanking *spire_ranking_page_get_ranking (SpireRankingPage *self);
/* TRUE while a ranking runs or is scheduled (a hidden page ranks when it
 * is shown), or while its rows are still being put in the list. */
gboolean spire_ranking_page_get_busy (SpireRankingPage *self);

G_END_DECLS
