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

/* How long a test waits for what it waits on: generous, as CI runs the
 * suite on two loaded cores and once under AddressSanitizer (~10× slower).
 * A wait ends as soon as its condition holds, so a long one costs nothing. */
#define GUI_FIXTURE_TIMEOUT_MS 20000

/* Runs the main loop until @cond (polled) is TRUE or @timeout_ms passed. */
gboolean gui_fixture_wait (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms);
/* Runs the main loop for @ms whatever happens: only to see that something
 * does NOT happen within a while (no hook tells when it could have). */
void gui_fixture_spin (guint ms);
/* Runs what the main loop has ready now (idles, the store's change
 * notifications, a destroyed window's clean-up) without waiting for
 * anything: after synchronous work, never for a worker or a frame. */
void gui_fixture_drain (void);
/* Destroys @window and waits (else fails) until it is finalized: what it
 * left to run (idles, workers' answers holding it) has run, before the
 * next test makes its own. */
void gui_fixture_destroy_window (gpointer window);
/* Waits (GUI_FIXTURE_TIMEOUT_MS, else fails) until @page, a SpireCohortPage,
 * has read its cohort's applications: it reads them in a worker. */
void gui_fixture_wait_cohort (gpointer page);
/* Waits (else fails) until @page, a SpireRecordListPage, has read its
 * records (a worker) and handed them all to its list (idles). */
void gui_fixture_wait_records (gpointer page);
/* Types @text into @entry, a GtkSearchEntry, as a user does, and waits
 * (else fails) for its "search-changed" (it waits a moment first): the
 * page's own handler, connected before, has searched by then. */
void gui_fixture_search (GtkEditable *entry, const char *text);
/* Waits (else fails) until @widget is mapped (@mapped) or not: a page
 * shown or hidden, its transitions done. */
void gui_fixture_wait_mapped (gpointer widget, gboolean mapped);
/* Waits (else fails) until @widget is mapped and has a size: a frame laid
 * it out (a window shown, a list's rows made). */
void gui_fixture_wait_allocated (gpointer widget);
/* Waits (else fails) until @widget's window has drawn a whole frame since
 * the call (one is asked for): what was changed before is laid out. */
void gui_fixture_wait_frame (gpointer widget);
/* Waits (else fails) until a label under @widget (a window: its toasts,
 * banners, dialogs' texts) contains @text; TRUE. */
gboolean gui_fixture_wait_label (gpointer widget, const char *text);
/* Whether a label under @widget contains @text, as a user reads it. */
gboolean gui_fixture_label_shows (GtkWidget *widget, const char *text);
/* Waits (else fails) until @window, a shown SpireWindow, shows its store as
 * a user first sees it: laid out, the sidebar read, and the cohort it
 * chose (if any) with its applications in (a worker reads them). */
void gui_fixture_wait_window_read (gpointer window);
/* A SpireWindow of @app (a SpireApp) on @store, 1200 × 800, shown, with
 * @cohort_uuid chosen in its sidebar (fails when it cannot be). */
gpointer gui_fixture_window_on_cohort (gpointer app, SpireStore *store, const char *cohort_uuid);

/* A temporary folder for a test's files.  The XDG folders are the
 * process's own, set before main (gui-fixture.c, isolate_process). */
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
/* Waits (GUI_FIXTURE_TIMEOUT_MS, else fails) until a window of @type is on
 * screen (a dialog a worker's answer opens, or one shown at once), and
 * returns the newest. */
GtkWindow *gui_fixture_wait_window (GType type);
/* gui_fixture_wait_window (ADW_TYPE_MESSAGE_DIALOG). */
AdwMessageDialog *gui_fixture_wait_message_dialog (void);

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
