/* spire-window-private.h — the window's struct, shared by spire-window.c
 * and spire-window-actions.c (gnome-text-editor's split), and the hooks the
 * tests use where nothing public can do it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-window.h"
#include "audit/spire-audit-page.h"
#include "cohort/spire-cohort-page.h"
#include "common/spire-undo.h"
#include "evaluation/spire-evaluation-page.h"
#include "followup/spire-followup-page.h"
#include "followup/spire-program-overview.h"
#include "ranking/spire-ranking-page.h"
#include "records/spire-record-list-page.h"
#include "sidebar/spire-sidebar.h"

G_BEGIN_DECLS

struct _SpireWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_pane;
  AdwWindowTitle *sidebar_title;
  SpireSidebar *sidebar;
  GtkWidget *content_pane;
  AdwViewSwitcherTitle *content_title;
  AdwViewStack *cohort_views;
  AdwViewStack *program_views;
  GtkBox *cohort_box, *program_box; /* the views and their switcher bars */
  GtkStack *content_stack;
  SpireCohortPage *cohort_page;
  /* The pages not in sight when the window opens are made when first
   * needed (issue 11: the first frame waits only for what it shows), each
   * into its place holder in the template: the _spire_window_get_*
   * functions below make them. */
  AdwBin *evaluation_bin, *ranking_bin, *followup_bin;
  AdwBin *overview_bin, *board_bin, *directory_bin, *audit_bin;
  SpireEvaluationPage *evaluation_page; /* NULL until made, and so on */
  SpireRankingPage *ranking_page;
  SpireFollowupPage *followup_page;
  SpireProgramOverview *program_overview;
  SpireFollowupPage *program_board;
  SpireRecordListPage *directory_page;
  SpireAuditPage *audit_page;
  /* The "empty" and "error" pages' widgets: NULL until the page is first
   * shown (ensure_page in spire-window.c). */
  AdwWindowTitle *empty_title;
  AdwStatusPage *empty_status;
  GtkWidget *empty_create_button; /* has the focus when the page is shown */
  GtkWidget *progress_box;
  GtkProgressBar *progress_bar;
  AdwStatusPage *error_status;
  /* The menu buttons get their menus when first opened (lazy_menu). */
  GtkMenuButton *new_button, *primary_button, *empty_menu_button, *error_menu_button;
  GMenuModel *new_menu, *primary_menu;
  gulong first_paint_handler; /* on the frame clock until the first frame is painted */

  GSettings *settings;
  SpireStore *store;
  SpireUndo *undo;
  guint reload_source;
  GtkNativeDialog *chooser;
  AdwMessageDialog *error_dialog; /* weak */

  /* Loading sample data (spire_demo_fill_async): set while it runs. */
  GCancellable *loading;

  /* The cohort the cohort's views show, and which of them were given it
   * (bit i: applications, evaluation, ranking, follow-up): give_cohort. */
  SpireCohort *views_cohort;
  guint views_given;
};

/* spire-window.c, for the actions */
void _spire_window_show_error (SpireWindow *self, const char *heading, const GError *error);
void _spire_window_reload (SpireWindow *self);
void _spire_window_open_path (SpireWindow *self, const char *path, gboolean creating);
/* The audit page for one record (@kind_name "startup" or a table; a
 * person's: every entry about them). */
void _spire_window_show_history (SpireWindow *self, const char *kind_name, const char *uuid);
/* TRUE while the leaflet's main page (sidebar + content) is shown. */
gboolean _spire_window_showing_main (SpireWindow *self);

/* spire-window-actions.c */
void _spire_window_class_add_actions (GtkWidgetClass *widget_class);
/* After the template and self->undo are made. */
void _spire_window_init_actions (SpireWindow *self);
/* Enables what can be done now (not while sample data is loading). */
void _spire_window_update_actions (SpireWindow *self);

/* Test hooks */

/* Shows @store (may be NULL) without remembering it in the settings. */
void _spire_window_set_store (SpireWindow *self, SpireStore *store);
/* Runs a reload that a "changed" signal scheduled, now. */
void _spire_window_reload_now (SpireWindow *self);

/* "loading", "main", "empty" or "error" */
const char *_spire_window_get_page (SpireWindow *self);
/* The stack of those pages (its "visible-child-name" tells each change). */
GtkStack *_spire_window_get_main_stack (SpireWindow *self);
/* "none", "no-cohorts", "cohort", "program", "directory" or "audit" */
const char *_spire_window_get_content_page (SpireWindow *self);
/* The error page's description. */
const char *_spire_window_get_error_text (SpireWindow *self);

SpireSidebar *_spire_window_get_sidebar (SpireWindow *self);
SpireCohortPage *_spire_window_get_cohort_page (SpireWindow *self);
AdwLeaflet *_spire_window_get_leaflet (SpireWindow *self);
/* These make the page if it was not made yet. */
SpireEvaluationPage *_spire_window_get_evaluation_page (SpireWindow *self);
SpireRankingPage *_spire_window_get_ranking_page (SpireWindow *self);
SpireFollowupPage *_spire_window_get_followup_page (SpireWindow *self);
SpireRecordListPage *_spire_window_get_directory_page (SpireWindow *self);
SpireAuditPage *_spire_window_get_audit_page (SpireWindow *self);
SpireProgramOverview *_spire_window_get_program_overview (SpireWindow *self);
SpireFollowupPage *_spire_window_get_program_board (SpireWindow *self);

G_END_DECLS
