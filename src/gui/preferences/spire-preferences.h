/* spire-preferences.h — the settings a person chooses (GSettings, the
 * Preferences window) and how they reach core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* Hands what core reads (operator-name → the reports' author,
 * stale-deal-days → the follow-up's stale deals) to core now and whenever
 * it changes, for as long as @settings lives.  SpireApp calls it once. */
void spire_preferences_watch (GSettings *settings);

/* The language a report is exported in by default: the "report-language"
 * setting, else the window's. */
SpireLanguage spire_preferences_get_report_language (void);

/* The Preferences window, modal over @parent. */
GtkWindow *spire_preferences_present (GtkWindow *parent);

G_END_DECLS
