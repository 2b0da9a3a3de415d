/* spire-application-check-row.h — an application with a check button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"


G_BEGIN_DECLS

#define SPIRE_TYPE_APPLICATION_CHECK_ROW (spire_application_check_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireApplicationCheckRow, spire_application_check_row, SPIRE, APPLICATION_CHECK_ROW, AdwActionRow)

/* An application to tick in "Assign Several". */
GtkWidget *spire_application_check_row_new (SpireStore *store, SpireRecord *application);
const char *spire_application_check_row_get_uuid (SpireApplicationCheckRow *self);
gboolean spire_application_check_row_get_active (SpireApplicationCheckRow *self);
void spire_application_check_row_set_active (SpireApplicationCheckRow *self, gboolean active);

G_END_DECLS
