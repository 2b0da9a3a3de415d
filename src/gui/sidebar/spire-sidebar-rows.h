/* spire-sidebar-rows.h — the sidebar's rows (spire-sidebar-rows.c), for
 * spire-sidebar.c only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* What a row is, as object data on the GtkListBoxRow */
#define ROW_COHORT "spire-cohort"        /* the SpireCohort */
#define ROW_PROGRAM "spire-program"      /* the program's uuid */
#define ROW_DIRECTORY "spire-directory"  /* the table (static) */
#define ROW_MENU "spire-menu-button"     /* the row's "⋮" GtkMenuButton */

/* The order a cohort goes through (NULL-terminated) */
extern const char *const _spire_sidebar_phase_order[9];
/* @phase's place in that order, -1 if none */
int _spire_sidebar_phase_index (const char *phase);

GtkWidget *_spire_sidebar_heading_row_new (const char *text, gboolean first);
/* @text: N_() or NULL for the kind's plural */
GtkWidget *_spire_sidebar_directory_row_new (const char *table, const char *icon_name,
                                             const char *text);
GtkWidget *_spire_sidebar_program_row_new (SpireRecord *program, gboolean first);
GtkWidget *_spire_sidebar_placeholder_row_new (const char *text);
/* Where the end of a cohort's @name that tells it from its siblings
 * starts ("vår 2024" of "SmartOslo Akselerator vår 2024"); NULL if none. */
const char *_spire_sidebar_name_period (const char *name);
GtkWidget *_spire_sidebar_cohort_row_new (SpireRecord *cohort, gint64 n_applications);

G_END_DECLS
