/* spire-preferences-window.h — Preferences: a group per feature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_PREFERENCES_WINDOW (spire_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SpirePreferencesWindow, spire_preferences_window, SPIRE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

SpirePreferencesWindow *spire_preferences_window_new (void);

/* Test hooks: the widget that edits @key ("operator-name": an AdwEntryRow,
 * "report-language": an AdwComboRow, "stale-deal-days": a GtkSpinButton). */
GtkWidget *_spire_preferences_window_get_editor (SpirePreferencesWindow *self, const char *key);

G_END_DECLS
