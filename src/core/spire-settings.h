/* spire-settings.h — what the person using Spire chose that core's rules
 * read: the author written into reports, the days after which a deal is
 * stale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The GUI sets these from its Preferences (GSettings) at start and when
 * they change; the CLI and the tests keep the defaults.  Safe to read from
 * a worker thread. */

/* The reports' PDF author: @name, or when NULL or "" the program's
 * operator as before. */
void spire_settings_set_author (const char *name);
/* The author set, or NULL. */
char *spire_settings_dup_author (void);

/* A deal in an open stage with no event for this many days is stale
 * (SPIRE_STALE_DAYS, 90, by default); at least 1. */
void spire_settings_set_stale_days (int days);
int spire_settings_get_stale_days (void);

G_END_DECLS
