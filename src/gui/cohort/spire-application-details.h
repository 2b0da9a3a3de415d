/* spire-application-details.h — one application, its startup and its
 * decision history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_APPLICATION_DETAILS (spire_application_details_get_type ())
G_DECLARE_FINAL_TYPE (SpireApplicationDetails, spire_application_details, SPIRE,
                      APPLICATION_DETAILS, AdwBin)

/* Shows @application (NULL: nothing), reading its startup, contact and
 * decisions from @store.  @startup_name and @challenge_title are shown when
 * the store has no such record. */
void spire_application_details_set_application (SpireApplicationDetails *self,
                                                SpireStore *store, SpireRecord *application,
                                                const char *startup_name,
                                                const char *challenge_title);
/* The UUID of the application shown, or NULL. */
const char *spire_application_details_get_uuid (SpireApplicationDetails *self);
/* The history rows, newest first, as they read:
 * "from → to\nwho · when\nreason". */
guint spire_application_details_get_n_history (SpireApplicationDetails *self);
char *spire_application_details_get_history (SpireApplicationDetails *self, guint i);

G_END_DECLS
