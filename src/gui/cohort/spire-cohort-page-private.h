/* spire-cohort-page-private.h — what tests may look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-cohort-page.h"

G_BEGIN_DECLS

/* Every application of the cohort (GListStore of SpireApplication). */
GListModel *_spire_cohort_page_get_applications (SpireCohortPage *self);
/* The applications that match the filters and the search, before sorting. */
GListModel *_spire_cohort_page_get_filtered (SpireCohortPage *self);
/* What the column view shows, in its order. */
GListModel *_spire_cohort_page_get_sorted (SpireCohortPage *self);
GtkEditable *_spire_cohort_page_get_search_entry (SpireCohortPage *self);
GtkColumnView *_spire_cohort_page_get_column_view (SpireCohortPage *self);
/* Column @i (0 Title, 1 Startup, 2 Challenge, 3 Status, 4 Submitted). */
GtkColumnViewColumn *_spire_cohort_page_get_column (SpireCohortPage *self, guint i);
/* "12 of 80 applications" */
const char *_spire_cohort_page_get_shown_text (SpireCohortPage *self);
/* The number shown for a status value ("received"), or -1. */
int _spire_cohort_page_get_status_count (SpireCohortPage *self, const char *status);
/* "list", "empty" or "no-results" */
const char *_spire_cohort_page_get_list_state (SpireCohortPage *self);
/* The text of a cell as bound for @item in column @i. */
char *_spire_cohort_page_cell_text (SpireCohortPage *self, SpireRecord *item, guint i);

/* The column view's selection (a GtkMultiSelection over the sorted model). */
GtkSelectionModel *_spire_cohort_page_get_selection (SpireCohortPage *self);
/* Choose in the status / challenge dropdown (NULL: all; "" for the
 * challenge: applications without one), as a user would. */
void _spire_cohort_page_filter_status (SpireCohortPage *self, const char *status);
void _spire_cohort_page_filter_challenge (SpireCohortPage *self, const char *challenge_uuid);
GtkDropDown *_spire_cohort_page_get_status_dropdown (SpireCohortPage *self);
GtkDropDown *_spire_cohort_page_get_challenge_dropdown (SpireCohortPage *self);
/* The count button of a status (toggles the status filter). */
GtkToggleButton *_spire_cohort_page_get_status_button (SpireCohortPage *self, const char *status);

/* The "Change Status…" dialog while it is open (responses "cancel", "apply"). */
AdwMessageDialog *_spire_cohort_page_get_status_dialog (SpireCohortPage *self);
/* Chooses @status and types @reason in the open dialog. */
void _spire_cohort_page_status_dialog_fill (SpireCohortPage *self, const char *status,
                                            const char *reason);
/* The seats warning the dialog shows, or NULL. */
const char *_spire_cohort_page_status_dialog_get_warning (SpireCohortPage *self);

/* "none", "one" or "many" */
const char *_spire_cohort_page_get_details_state (SpireCohortPage *self);
/* The application in the details pane, or NULL. */
const char *_spire_cohort_page_get_details_uuid (SpireCohortPage *self);
/* The details pane's history rows, newest first: "from → to\nwho · when\nreason". */
guint _spire_cohort_page_get_n_history (SpireCohortPage *self);
const char *_spire_cohort_page_get_history (SpireCohortPage *self, guint i);
gboolean _spire_cohort_page_action_bar_shown (SpireCohortPage *self);

/* As Export as CSV… after the file chooser; runs in a thread. */
void _spire_cohort_page_export_csv (SpireCohortPage *self, const char *path);
gboolean _spire_cohort_page_is_exporting (SpireCohortPage *self);
/* The text of the last toast the page showed. */
const char *_spire_cohort_page_get_last_toast (SpireCohortPage *self);

G_END_DECLS
