/* spire-first-steps.h — a new program, then its first cohort, then its
 * first challenge, one page after the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_FIRST_STEPS (spire_first_steps_get_type ())
G_DECLARE_FINAL_TYPE (SpireFirstSteps, spire_first_steps, SPIRE, FIRST_STEPS, AdwWindow)

/* A modal window over @parent that creates a program in @store, then walks
 * on to its first cohort (open for applications from today) and its first
 * challenge.  Each step saves through core (spire_store_insert) when its
 * button is pressed; "Skip" ends the walk with what was made.  When it
 * closes it emits "finished" (program UUID or NULL, cohort UUID or NULL). */
SpireFirstSteps *spire_first_steps_present (GtkWindow *parent, SpireStore *store);

/* "program", "cohort" or "challenge" */
const char *spire_first_steps_get_step (SpireFirstSteps *self);

/* Test hooks: the entry row or combo row of a field ("program-name",
 * "program-kind", "operator", "cohort-name", "deadline", "seats",
 * "challenge-title", "owner", "owner-kind", "need"), and the message shown
 * when a step could not be saved (or NULL). */
GtkWidget *_spire_first_steps_get_row (SpireFirstSteps *self, const char *name);
const char *_spire_first_steps_get_message (SpireFirstSteps *self);

G_END_DECLS
