/* spire-evaluation-packages.h — the offline packages part: export packages, import score sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-evaluation-part.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_PACKAGES (spire_evaluation_packages_get_type ())
G_DECLARE_FINAL_TYPE (SpireEvaluationPackages, spire_evaluation_packages, SPIRE, EVALUATION_PACKAGES, SpireEvaluationPart)

/* What the file choosers lead to.  Exports @evaluator_uuid's package to
 * @path (a toast says so). */
gboolean spire_evaluation_packages_export_to (SpireEvaluationPackages *self,
                                              const char *evaluator_uuid, const char *path,
                                              GError **error);
/* Imports the score sheets in @paths (spire_package_import_sheets_async);
 * the part is busy meanwhile and then shows what came of each file. */
void spire_evaluation_packages_import (SpireEvaluationPackages *self, const char *const *paths);

G_END_DECLS
