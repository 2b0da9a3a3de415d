/* spire-window-private.h — test hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-window.h"
#include "cohort/spire-cohort-page.h"
#include "records/spire-record-list-page.h"
#include "sidebar/spire-sidebar.h"

G_BEGIN_DECLS

/* Shows @store (may be NULL) without remembering it in the settings. */
void _spire_window_set_store (SpireWindow *self, SpireStore *store);
/* As File → Open (@creating FALSE) or File → New (TRUE) after the chooser. */
void _spire_window_open_path (SpireWindow *self, const char *path, gboolean creating);
/* Runs a reload that a "changed" signal scheduled, now. */
void _spire_window_reload_now (SpireWindow *self);

/* "main", "empty" or "error" */
const char *_spire_window_get_page (SpireWindow *self);
/* "none", "no-cohorts" or "cohort" */
const char *_spire_window_get_content_page (SpireWindow *self);
/* TRUE while sample data is being loaded. */
gboolean _spire_window_is_busy (SpireWindow *self);
/* The error dialog shown last, while it is open. */
AdwMessageDialog *_spire_window_get_error_dialog (SpireWindow *self);
/* The error page's description. */
const char *_spire_window_get_error_text (SpireWindow *self);

SpireSidebar *_spire_window_get_sidebar (SpireWindow *self);
SpireCohortPage *_spire_window_get_cohort_page (SpireWindow *self);
AdwLeaflet *_spire_window_get_leaflet (SpireWindow *self);
SpireRecordListPage *_spire_window_get_directory_page (SpireWindow *self);

G_END_DECLS
