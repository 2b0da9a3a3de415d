/* spire-import-dialog.h — bring a file in: CSV applications, Brønnøysund
 * JSON, a Spire backup, a score sheet, or an evaluation package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* Looks at @file and shows the right dialog over @parent: the CSV mapping
 * and preview (into @cohort; asks for one when NULL), the Brønnøysund
 * import, a Spire backup merge, a score-sheet import; an evaluation package
 * opens the evaluator window instead.  Long work runs off the main thread
 * with progress and cancel; every refusal is shown with its message. */
void spire_import_file_present (GtkWindow *parent, SpireStore *store, SpireCohort *cohort,
                                GFile *file);
/* A file chooser for the files above, then spire_import_file_present(). */
void spire_import_choose_file (GtkWindow *parent, SpireStore *store, SpireCohort *cohort);

G_END_DECLS
