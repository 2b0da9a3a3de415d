/* spire-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-app.h"
#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_WINDOW (spire_window_get_type ())
G_DECLARE_FINAL_TYPE (SpireWindow, spire_window, SPIRE, WINDOW, AdwApplicationWindow)

SpireWindow *spire_window_new (SpireApp *app);

/* Opens the database used last time, or the default one.  A database that
 * cannot be opened is reported in a dialog and on the window's status page. */
void spire_window_open_last (SpireWindow *self);
/* Opens @file in place of the current database; errors go to a dialog and
 * the current database stays open. */
void spire_window_open_file (SpireWindow *self, GFile *file);

/* Brings @file in (CSV, Brønnøysund JSON, backup, score sheet, evaluation
 * package) through the import dialogs, into the selected cohort. */
void spire_window_import_file (SpireWindow *self, GFile *file);

SpireStore *spire_window_get_store (SpireWindow *self);
/* Shows @toast over the window's content: spire_toast_add () (common/),
 * kept for the features that still call it; new code calls common/. */
void spire_window_add_toast (SpireWindow *self, AdwToast *toast);

G_END_DECLS
