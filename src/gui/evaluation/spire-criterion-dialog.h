/* spire-criterion-dialog.h — adds or edits a criterion of the rubric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_CRITERION_DIALOG (spire_criterion_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpireCriterionDialog, spire_criterion_dialog, SPIRE, CRITERION_DIALOG, AdwMessageDialog)

/* Adds a criterion (@existing NULL) or edits @existing; modal over @from. */
SpireCriterionDialog *spire_criterion_dialog_new (GtkWidget *from, SpireRecord *existing);
/* The criterion edited, or NULL when adding. */
SpireRecord *spire_criterion_dialog_get_criterion (SpireCriterionDialog *self);
/* The fields: @kind is a value of criteria.kind ("scored", "gate"…). */
void spire_criterion_dialog_set_values (SpireCriterionDialog *self, const char *name,
                                        const char *guidance, double weight, const char *kind);
char *spire_criterion_dialog_get_name (SpireCriterionDialog *self);
char *spire_criterion_dialog_get_guidance (SpireCriterionDialog *self);
double spire_criterion_dialog_get_weight (SpireCriterionDialog *self);
const char *spire_criterion_dialog_get_kind (SpireCriterionDialog *self);

G_END_DECLS
