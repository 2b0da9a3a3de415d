/* bench-window-runs.h — bench-window's parent: the phases run N times and
 * their medians reported (bench-window-runs.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int bench_window_runs (const char *self, const char *database, int n, gboolean start_only,
                       gboolean lists_only);

G_END_DECLS
