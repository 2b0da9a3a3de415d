/* spire-sidebar-private.h — what tests may look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-sidebar.h"

G_BEGIN_DECLS

/* Rows shown: program headings and cohort rows. */
void _spire_sidebar_count_rows (SpireSidebar *self, guint *n_programs, guint *n_cohorts);
GtkListBox *_spire_sidebar_get_list (SpireSidebar *self);

G_END_DECLS
