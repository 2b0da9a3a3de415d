/* spire-sidebar.h — programs and, under each, its cohorts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_SIDEBAR (spire_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (SpireSidebar, spire_sidebar, SPIRE, SIDEBAR, AdwBin)

GtkWidget *spire_sidebar_new (void);

void spire_sidebar_set_store (SpireSidebar *self, SpireStore *store);
/* Reads the programs and cohorts again; keeps the selected cohort, program
 * or directory row when it is still there, else selects the first cohort. */
gboolean spire_sidebar_reload (SpireSidebar *self, GError **error);
void spire_sidebar_clear (SpireSidebar *self);

SpireCohort *spire_sidebar_get_selected_cohort (SpireSidebar *self);
gboolean spire_sidebar_select_cohort (SpireSidebar *self, const char *uuid);
/* Selects the directory row of @table ("startups", "public_bodies",
 * "persons", "challenges", or "audit": the audit trail). */
gboolean spire_sidebar_select_directory (SpireSidebar *self, const char *table);
/* Selects the program's heading row: the window shows its overview.  The
 * "selected-program" property (a UUID or NULL) tells; "selection-changed"
 * is emitted once a choice, after the three properties hold it. */
gboolean spire_sidebar_select_program (SpireSidebar *self, const char *uuid);
const char *spire_sidebar_get_selected_program (SpireSidebar *self);
/* The table of the directory row selected, or NULL. */
const char *spire_sidebar_get_selected_directory (SpireSidebar *self);
/* The selected program, else the selected cohort's, else the first program,
 * or NULL. */
const char *spire_sidebar_get_current_program (SpireSidebar *self);
/* Opens the form for a new cohort in @program_uuid (NULL: the current program). */
void spire_sidebar_new_cohort (SpireSidebar *self, const char *program_uuid);
/* The name of a program listed in the sidebar, or NULL. */
const char *spire_sidebar_get_program_name (SpireSidebar *self, const char *program_uuid);

G_END_DECLS
