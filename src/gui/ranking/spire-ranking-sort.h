/* spire-ranking-sort.h — how the ranking list's columns sort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"
#include "spire-ranking-list.h"

G_BEGIN_DECLS

/* The GtkCustomSorter function of the fixed column @column
 * (SPIRE_RANKING_COLUMN_*), for two SpireRankRow. */
GCompareDataFunc spire_ranking_compare_func (guint column);
/* By the mean of the criterion whose ranking index is
 * GPOINTER_TO_UINT (@index); no value last. */
int spire_ranking_compare_criterion (gconstpointer a, gconstpointer b, gpointer index);

G_END_DECLS
