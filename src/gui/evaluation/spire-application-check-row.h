/* spire-application-check-row.h — an application with a check button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_APPLICATION_CHECK_ROW (spire_application_check_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireApplicationCheckRow, spire_application_check_row, SPIRE, APPLICATION_CHECK_ROW, GtkBox)

/* A row of "Assign Several"'s list view, shown empty until bound. */
GtkWidget *spire_application_check_row_new (void);
/* Shows @item (NULL: none) ticked or not; "toggled" is emitted only when
 * the user ticks or unticks it, not for this. */
void spire_application_check_row_bind (SpireApplicationCheckRow *self, SpireReviewQueueItem *item,
                                       gboolean active);
/* The application shown, or NULL. */
const char *spire_application_check_row_get_uuid (SpireApplicationCheckRow *self);
gboolean spire_application_check_row_get_active (SpireApplicationCheckRow *self);
void spire_application_check_row_set_active (SpireApplicationCheckRow *self, gboolean active);
/* Ticks or unticks it as the user would ("toggled" is emitted). */
void spire_application_check_row_toggle (SpireApplicationCheckRow *self);

G_END_DECLS
