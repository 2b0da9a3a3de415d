/* spire-evaluator-window.h — evaluator mode: one panel member's package,
 * scored offline in a database of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATOR_WINDOW (spire_evaluator_window_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluatorWindow, spire_evaluator_window, SPIRE, EVALUATOR_WINDOW,
                      AdwApplicationWindow)

/* Opens the evaluation package @file (spire_package_open_file) in a window of
 * its own on @app.  FALSE with @error when the file is not a package. */
gboolean spire_evaluator_window_open (GtkApplication *app, GFile *file, GError **error);

G_END_DECLS
