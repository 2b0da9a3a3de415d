/* spire-cohort-page-private.h — the page's struct, shared with its actions
 * (spire-cohort-page-actions.c), and what tests may look at that the public
 * API does not show: the search entry (to type as a user), the list and
 * the details pane (their own public API), the "12 of 80" text, the tiles'
 * counts, the number of filter items and which details pane is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-application-details.h"
#include "spire-application-list.h"
#include "spire-cohort-page.h"
#include "common/spire-decision-dialog.h"

G_BEGIN_DECLS

struct _SpireCohortPage
{
  AdwBin parent_instance;

  GtkScrolledWindow *top_scroll;
  GtkWidget *top_box;
  int top_width;          /* the width top_scroll's height was fitted to */
  GtkLabel *cohort_title;
  GtkLabel *program_label;
  GtkWidget *header_box;  /* the name, then the facts beside or under it */
  GtkWidget *facts_box;
  GtkWidget *counts_heading;
  GtkWidget *show_all_button;
  GtkLabel *phase_label;
  GtkLabel *deadline_label;
  GtkLabel *start_label;
  GtkLabel *end_label;
  GtkLabel *seats_label;
  GtkFlowBox *counts_box;
  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkDropDown *challenge_dropdown;
  GtkLabel *shown_label;
  GtkMenuButton *page_menu_button; /* its menu is made when first opened */
  GMenuModel *page_menu;
  GtkPaned *paned;
  GtkStack *details_stack;
  AdwStatusPage *details_many; /* NULL until several are selected (ensure_many) */
  AdwBin *details_bin;
  SpireApplicationDetails *details; /* NULL until one application is selected */
  SpireApplicationList *list;

  GtkStringList *status_items;    /* "All statuses", "Received (12)" … */
  GtkStringList *challenge_items; /* "All challenges", titles … */
  GPtrArray *challenge_values;    /* per challenge item: uuid, "" (none) or NULL (all) */
  gboolean updating_filters;
  GHashTable *tiles;              /* status value → SpireStatusTile */

  SpireDecisionDialog *decision_dialog; /* weak */
  guint exporting;
  guint orientation_idle;
  gboolean position_done;
  gboolean compact;       /* narrow: the facts fold into the header */

  SpireStore *store;
  SpireCohort *cohort;
  GCancellable *loading; /* while the cohort's listing is read */
  /* Before the window's first frame the listing's worker waits for it
   * (start_after_first_frame): the wait (a SpireFirstFrameWait) and what
   * to keep selected. */
  gpointer wait;
  GHashTable *wait_keep;
};

/* The page's own, between its two files */
void _spire_cohort_page_class_install_actions (GtkWidgetClass *widget_class);
void _spire_cohort_page_set_status_filter (SpireCohortPage *self, const char *status);
void _spire_cohort_page_set_challenge_filter (SpireCohortPage *self, const char *challenge);
void _spire_cohort_page_edit (SpireCohortPage *self, SpireRecord *application);

/* For tests */

GtkEditable *_spire_cohort_page_get_search_entry (SpireCohortPage *self);
SpireApplicationList *_spire_cohort_page_get_list (SpireCohortPage *self);
SpireApplicationDetails *_spire_cohort_page_get_details (SpireCohortPage *self);
/* "12 of 80 applications" */
const char *_spire_cohort_page_get_shown_text (SpireCohortPage *self);
/* The number shown for a status value ("received"), or -1. */
int _spire_cohort_page_get_status_count (SpireCohortPage *self, const char *status);
/* How many items the status or the challenge dropdown offers. */
guint _spire_cohort_page_get_n_filter_items (SpireCohortPage *self, gboolean challenges);
/* The header: the cohort's name and its program's */
const char *_spire_cohort_page_get_title (SpireCohortPage *self);
const char *_spire_cohort_page_get_subtitle (SpireCohortPage *self);
/* The tile of a status value, a GtkToggleButton */
GtkWidget *_spire_cohort_page_get_tile (SpireCohortPage *self, const char *status);
/* "none", "one" or "many" */
const char *_spire_cohort_page_get_details_state (SpireCohortPage *self);

G_END_DECLS
