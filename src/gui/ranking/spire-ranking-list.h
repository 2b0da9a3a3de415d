/* spire-ranking-list.h — the ranked applications: columns, sorting, the
 * criteria's columns and the selection meeting order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

enum
{
  SPIRE_RANKING_COLUMN_RANK,
  SPIRE_RANKING_COLUMN_APPLICANT,
  SPIRE_RANKING_COLUMN_CHALLENGE,
  SPIRE_RANKING_COLUMN_STATUS,
  SPIRE_RANKING_COLUMN_SCORE,
  SPIRE_RANKING_COLUMN_SPREAD,
  SPIRE_RANKING_COLUMN_RANGE,
  SPIRE_RANKING_COLUMN_REVIEWS,
  SPIRE_RANKING_COLUMN_FLAGS,
  SPIRE_RANKING_N_FIXED_COLUMNS
};

#define SPIRE_TYPE_RANKING_LIST (spire_ranking_list_get_type ())
G_DECLARE_FINAL_TYPE (SpireRankingList, spire_ranking_list, SPIRE, RANKING_LIST, AdwBin)

/* Shows the rows of @ranking (NULL: none), keeping the applications
 * selected, with one column per criterion that is not a gate. */
void spire_ranking_list_set_ranking (SpireRankingList *self, SpireRanking *ranking);
SpireRanking *spire_ranking_list_get_ranking (SpireRankingList *self);
/* The rows as shown, in their order, with the selection (SpireRankRow). */
GtkSelectionModel *spire_ranking_list_get_model (SpireRankingList *self);
/* The selected rows, in the list's order (new references). */
GPtrArray *spire_ranking_list_get_selected (SpireRankingList *self);
/* The meeting order lists the rows as spire_ranking_get_meeting_order()
 * gives them, unsorted; a click on a column header leaves it (property
 * "meeting-order"). */
void spire_ranking_list_set_meeting_order (SpireRankingList *self, gboolean meeting);
gboolean spire_ranking_list_get_meeting_order (SpireRankingList *self);
/* The text a cell shows; @column may be past the fixed ones for the
 * criteria. */
char *spire_ranking_list_cell_text (SpireRankingList *self, SpireRankRow *row, guint column);
GtkColumnView *spire_ranking_list_get_column_view (SpireRankingList *self);
/* TRUE while a large ranking's rows are still being put in the list, a
 * screenful at a time from an idle (the selection is given back after). */
gboolean spire_ranking_list_get_filling (SpireRankingList *self);

G_END_DECLS
