/* spire-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-app.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_WINDOW (spire_window_get_type ())
G_DECLARE_FINAL_TYPE (SpireWindow, spire_window, SPIRE, WINDOW, AdwApplicationWindow)

SpireWindow *spire_window_new (SpireApp *app);

G_END_DECLS
