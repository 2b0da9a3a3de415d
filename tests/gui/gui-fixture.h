/* gui-fixture.h — data and helpers for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* A few programs, cohorts, challenges, startups and @n_applications
 * applications spread over the cohorts, made through spire_store_insert.
 * Includes a program without cohorts and a cohort without applications. */
gboolean gui_fixture_fill_by_hand (SpireStore *store, guint n_applications, GError **error);
/* spire_demo_fill (seed 1, small) when it works, else gui_fixture_fill_by_hand. */
gboolean gui_fixture_fill (SpireStore *store, GError **error);
/* One cohort holding @n applications (for timing). Returns the cohort's UUID. */
char *gui_fixture_fill_large_cohort (SpireStore *store, guint n, GError **error);
/* Inserts an application into @cohort_uuid with its own new startup. */
gboolean gui_fixture_add_application (SpireStore *store, const char *cohort_uuid,
                                      const char *title, const char *startup_name,
                                      const char *status, GError **error);

/* Runs the main loop until @cond (polled) is TRUE or @timeout_ms passed. */
gboolean gui_fixture_wait (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms);
void gui_fixture_spin (guint ms);
/* Waits (up to 10 s, else fails) until @page, a SpireCohortPage, has read
 * its cohort's applications: it reads them in a worker. */
void gui_fixture_wait_cohort (gpointer page);
/* A SpireWindow of @app (a SpireApp) on @store, 1200 × 800, shown, with
 * @cohort_uuid chosen in its sidebar (fails when it cannot be). */
gpointer gui_fixture_window_on_cohort (gpointer app, SpireStore *store, const char *cohort_uuid);

/* A temporary folder for files and the XDG folders; call before gtk_test_init. */
char *gui_fixture_isolate (void);
/* The language the test runs in: SPIRE_TEST_LANGUAGE ("nb"; NULL: English),
 * with Spire's translations from SPIRE_LOCALEDIR; call before gtk_test_init. */
const char *gui_fixture_language (void);

/* The newest AdwMessageDialog on screen (an error, a question), or NULL:
 * what a user would see, found without reaching into a feature. */
AdwMessageDialog *gui_fixture_find_message_dialog (void);
/* Inserts a record of @kind from "field", "text value" pairs (NULL-terminated);
 * the record, a new reference. */
SpireRecord *gui_fixture_insert (SpireStore *store, const SpireKind *kind, ...) G_GNUC_NULL_TERMINATED;
/* The newest window of @type on screen (a form, an import dialog), or NULL. */
GtkWindow *gui_fixture_find_window (GType type);

/* Shared by test-window.c and test-window-narrow.c. */
/* A new in-memory store, filled with gui_fixture_fill. */
SpireStore *gui_fixture_filled_store (void);
/* The UUID of the cohort with the most applications (@n_out: how many). */
char *gui_fixture_busiest_cohort (SpireStore *store, guint *n_out);
/* The first label saying @text in @widget or inside it (only a drawn one
 * if @mapped), or NULL. */
GtkWidget *gui_fixture_find_label (GtkWidget *widget, const char *text, gboolean mapped);
/* Closes @window (a GtkWindow) and the message dialog on screen, if any. */
void gui_fixture_close_window (gpointer window);

G_END_DECLS
