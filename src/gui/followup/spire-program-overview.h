/* spire-program-overview.h — what a program gave: invested, signed, the
 * pipeline, gains and their ratio, its funnel, deals per procedure, and its
 * solutions with their buyers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_PROGRAM_OVERVIEW (spire_program_overview_get_type ())
G_DECLARE_FINAL_TYPE (SpireProgramOverview, spire_program_overview, SPIRE, PROGRAM_OVERVIEW,
                      AdwBin)

/* Actions (on the page, "program."):
 *   reload   read the program again */

GtkWidget *spire_program_overview_new (void);
void spire_program_overview_set_store (SpireProgramOverview *self, SpireStore *store);
/* Shows the program (NULL: nothing), read in a worker; a spinner shows
 * until it is read.  The page reads it again when the store changes. */
void spire_program_overview_set_program (SpireProgramOverview *self, const char *program_uuid);
const char *spire_program_overview_get_program (SpireProgramOverview *self);
/* TRUE while the program is being read. */
gboolean spire_program_overview_is_loading (SpireProgramOverview *self);
/* The impact shown (core's spire_program_impact), or NULL before it is read. */
const SpireImpact *spire_program_overview_get_impact (SpireProgramOverview *self);

G_END_DECLS
