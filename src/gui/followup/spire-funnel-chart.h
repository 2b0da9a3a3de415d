/* spire-funnel-chart.h — the funnel from application to signed agreement,
 * drawn with cairo, its numbers on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_FUNNEL_CHART (spire_funnel_chart_get_type ())
G_DECLARE_FINAL_TYPE (SpireFunnelChart, spire_funnel_chart, SPIRE, FUNNEL_CHART, GtkWidget)

GtkWidget *spire_funnel_chart_new (void);
/* NULL clears it. */
void spire_funnel_chart_set_funnel (SpireFunnelChart *self, const SpireFunnel *funnel);

G_END_DECLS
