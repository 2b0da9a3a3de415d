/* spire-followup-page.h — a cohort's deals: the funnel and the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-deal-list.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_FOLLOWUP_PAGE (spire_followup_page_get_type ())
G_DECLARE_FINAL_TYPE (SpireFollowupPage, spire_followup_page, SPIRE, FOLLOWUP_PAGE, AdwBin)

/* Actions (on the page, "followup."):
 *   move-deal (s)   move the selected deal to the stage given; asks the date,
 *                   a note and, for no_deal, the reason
 *   move-next       the same to the next stage (Alt+→)
 *   move-previous   the same to the stage before (Alt+←)
 *   reload          read the deals again
 *   new-deal        ask a new deal of an accepted application of the cohort
 *                   (or the program) with a buyer; then a toast and its editor
 *   open-deal (s)   open the deal editor of the deal given (a card or a
 *                   row activated does this)
 *   export-csv      ask where, then export-csv-to
 *   export-csv-to (s)  write what the list shows (search, stage, order)
 *                   to the path given as CSV; a toast says how many */

GtkWidget *spire_followup_page_new (void);
void spire_followup_page_set_store (SpireFollowupPage *self, SpireStore *store);
gboolean spire_followup_page_set_cohort (SpireFollowupPage *self, SpireCohort *cohort,
                                         GError **error);
/* Shows all the deals of a program (NULL: none) in place of a cohort's. */
void spire_followup_page_set_program (SpireFollowupPage *self, const char *program_uuid);
/* TRUE while the deals are being read. */
gboolean spire_followup_page_is_loading (SpireFollowupPage *self);
/* The cards the board shows in @stage's column (SpireDealCard). */
GListModel *spire_followup_page_get_stage_model (SpireFollowupPage *self, const char *stage);
/* Selects the deal's card; FALSE when the board does not show it. */
gboolean spire_followup_page_select_deal (SpireFollowupPage *self, const char *deal_uuid);

/* The list view of the same deals (search, stage filter, order). */
SpireDealList *spire_followup_page_get_list (SpireFollowupPage *self);
/* "board" or "list". */
void spire_followup_page_show_view (SpireFollowupPage *self, const char *view);
/* TRUE while "followup.export-csv-to" writes. */
gboolean spire_followup_page_is_exporting (SpireFollowupPage *self);

G_END_DECLS
