/* spire-status-tile.h — how many applications have one status; a toggle
 * that shows only those
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_STATUS_TILE (spire_status_tile_get_type ())
G_DECLARE_FINAL_TYPE (SpireStatusTile, spire_status_tile, SPIRE, STATUS_TILE, GtkToggleButton)

/* A tile for the status @value ("received"), labelled @label (translated);
 * it activates "cohort.toggle-status" with @value. */
GtkWidget *spire_status_tile_new (const char *value, const char *label);
const char *spire_status_tile_get_status (SpireStatusTile *self);
void spire_status_tile_set_count (SpireStatusTile *self, guint count);
/* A dash until the count is known (a cohort being read). */
void spire_status_tile_set_unknown (SpireStatusTile *self);
guint spire_status_tile_get_count (SpireStatusTile *self);
/* Compact: a smaller number, and the caption wraps (a narrow page). */
void spire_status_tile_set_compact (SpireStatusTile *self, gboolean compact);

G_END_DECLS
