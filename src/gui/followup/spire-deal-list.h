/* spire-deal-list.h — the Follow-up page's deals as a list: search, a
 * stage filter, sorting by every column and CSV export of what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_LIST (spire_deal_list_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealList, spire_deal_list, SPIRE, DEAL_LIST, GtkBox)

/* Signals:
 *   deal-activated (const char *uuid)   Enter or a double click on a row */

GtkWidget *spire_deal_list_new (void);
/* Shows @cards (SpireDealCard; a reference is taken on each). */
void spire_deal_list_set_cards (SpireDealList *self, GPtrArray *cards);
/* What the list shows, filtered and in its order (SpireDealCard). */
GListModel *spire_deal_list_get_model (SpireDealList *self);
/* Search as you type; "" or NULL shows every deal. */
void spire_deal_list_set_search (SpireDealList *self, const char *text);
/* Only the deals in @stage; NULL for every stage. */
void spire_deal_list_set_stage (SpireDealList *self, const char *stage);
/* Writes the shown rows to @path as CSV (spire_csv_export_async);
 * finish with spire_csv_export_finish. */
void spire_deal_list_export_async (SpireDealList *self, const char *path,
                                   GAsyncReadyCallback callback, gpointer user_data);

G_END_DECLS
