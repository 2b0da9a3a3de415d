/* spire-app.h — the GtkApplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_APP (spire_app_get_type ())
G_DECLARE_FINAL_TYPE (SpireApp, spire_app, SPIRE, APP, AdwApplication)

SpireApp *spire_app_new (const char *application_id, GApplicationFlags flags);

G_END_DECLS
