/* spire-rubric-copy-dialog.h — chooses the cohort whose rubric is copied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_RUBRIC_COPY_DIALOG (spire_rubric_copy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireRubricCopyDialog, spire_rubric_copy_dialog, SPIRE, RUBRIC_COPY_DIALOG, AdwMessageDialog)

/* Offers the rubrics of the cohorts in @cohorts (SpireRecord, each with a
 * rubric); response "copy". */
SpireRubricCopyDialog *spire_rubric_copy_dialog_new (GtkWidget *from, SpireStore *store,
                                                     GPtrArray *cohorts);
/* The UUID of the cohort chosen, or NULL. */
const char *spire_rubric_copy_dialog_get_cohort (SpireRubricCopyDialog *self);

G_END_DECLS
