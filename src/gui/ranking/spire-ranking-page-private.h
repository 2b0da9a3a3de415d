/* spire-ranking-page-private.h — test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-ranking-page.h"

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

/* The rows as shown (sorted), a GtkMultiSelection of SpireRankRow. */
GtkSelectionModel *_spire_ranking_page_get_selection (SpireRankingPage *self);
/* The ranking shown, or NULL. */
SpireRanking *_spire_ranking_page_get_ranking (SpireRankingPage *self);
/* TRUE while a ranking runs or is scheduled. */
gboolean _spire_ranking_page_is_busy (SpireRankingPage *self);
/* "none", "loading", "no-rubric", "no-reviews", "error" or "list" */
const char *_spire_ranking_page_get_state (SpireRankingPage *self);
/* The text a cell shows (free it); @column may be past the fixed ones for
 * the criteria. */
char *_spire_ranking_page_cell_text (SpireRankingPage *self, SpireRankRow *row, guint column);
GtkColumnView *_spire_ranking_page_get_column_view (SpireRankingPage *self);
/* The decision dialog open now, and its reason. */
AdwMessageDialog *_spire_ranking_page_get_decide_dialog (SpireRankingPage *self);
GtkTextBuffer *_spire_ranking_page_get_reason_buffer (SpireRankingPage *self);
/* Opens the reviews of the row at @position (as shown); returns the dialog. */
GtkWindow *_spire_ranking_page_open_reviews (SpireRankingPage *self, guint position);
/* The titles of the toasts shown so far (char *). */
GPtrArray *_spire_ranking_page_get_toasts (SpireRankingPage *self);

G_END_DECLS
