/* spire-panel-view.h — what the panel sees
 *
 * Part of the evaluation API; include "spire-evaluation.h" (which says how
 * each thing is represented in the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------
 * What the panel sees
 * ------------------------------------------------------------------------- */

/* TRUE when @evaluator_uuid may see other evaluators' reviews of the
 * application: they have submitted their own (observers, who do not
 * score, may when they have no conflict with it). */
gboolean spire_review_can_see_others (SpireStore *store, const char *evaluator_uuid,
                                      const char *application_uuid);
/* The reviews of the application that @evaluator_uuid may see: their own,
 * and the others' submitted ones once spire_review_can_see_others().
 * Nothing when they have a conflict with it. */
GPtrArray *spire_review_list_visible (SpireStore *store, const char *evaluator_uuid,
                                      const char *application_uuid, GError **error);
/* The application as the panel sees it: never the confidential fields; in
 * a blind cohort without the applicant's identity (startup and contact
 * are NULL), and with the startup's name (also without its legal form " AS",
 * " ASA", " SA", " ANS", " DA", " ENK"), website host (with and without
 * "www.") and organisation number (spaces allowed) replaced by
 * "[the applicant]" (translated) in title, pitch, solution and the extra
 * answers' strings: case-insensitive over Unicode (Æ Ø Å), whole words only
 * ("Nordlys-teamet" is replaced, "Nordlysfestivalen" is not).  A copy, not
 * to be saved. */
SpireRecord *spire_application_for_panel (SpireStore *store, const char *application_uuid,
                                          GError **error);
/* The applications @evaluator_uuid works on, as the panel sees them: for a
 * chair or member those assigned (not declined), for an observer every
 * assignable application of the cohort; never one they have a conflict
 * with.  In title order. */
GPtrArray *spire_panel_list_visible_applications (SpireStore *store, const char *evaluator_uuid,
                                                  GError **error);

G_END_DECLS
