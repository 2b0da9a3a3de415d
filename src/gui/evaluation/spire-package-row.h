/* spire-package-row.h — one panel member's offline evaluation package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_PACKAGE_ROW (spire_package_row_get_type ())
G_DECLARE_FINAL_TYPE (SpirePackageRow, spire_package_row, SPIRE, PACKAGE_ROW, GtkListBoxRow)

/* A panel member and the button that exports their evaluation package
 * ("evaluation.export-package"); observers get none. */
GtkWidget *spire_package_row_new (SpireStore *store, SpireRecord *evaluator);

G_END_DECLS
