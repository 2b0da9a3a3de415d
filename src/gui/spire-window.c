/* spire-window.c — the main window
 *
 * One database at a time.  The window shows one of four pages: "loading"
 * (from its start until the first database is open: empty, as that is
 * before the first frame), "main" (a leaflet
 * with the programs and cohorts on the left and the selected cohort on the
 * right), "empty" (a database without programs: create the first one,
 * import, or sample data) and "error" (no database could be opened: offers
 * File → Open / New).  The
 * actions are in spire-window-actions.c, the struct in spire-window-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "common/spire-undo.h"
#include "common/spire-widget.h"
#include "import/spire-import-dialog.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-resources.h"
#include "spire-window-private.h"

static void spire_window_undo_host_init (SpireUndoHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpireWindow, spire_window, ADW_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (SPIRE_TYPE_UNDO_HOST,
                                                      spire_window_undo_host_init))

static void reload (SpireWindow *self);
static void update_titles (SpireWindow *self);

/* Messages */

/* One error dialog at a time: a new one replaces the one shown. */
void
_spire_window_show_error (SpireWindow *self, const char *heading, const GError *error)
{
  g_debug ("%s: %s", heading, error->message);
  if (self->error_dialog)
    gtk_window_destroy (GTK_WINDOW (self->error_dialog));
  g_set_weak_pointer (&self->error_dialog,
                      spire_error_dialog_show (GTK_WIDGET (self), heading, error));
}

static void
toast (SpireWindow *self, const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  spire_toast_add (GTK_WIDGET (self), t);
}

#define PAGES_UI "/no/spire/Spire/spire-window-pages.ui"

/* The "empty" and "error" pages are made when first shown, from
 * spire-window-pages.ui: a database with programs never shows them, and
 * made and styled with the window they were part of its first frame's cost
 * (issue 11). */
static void
ensure_page (SpireWindow *self, const char *name)
{
  gboolean empty = g_str_equal (name, "empty");
  g_autoptr (GtkBuilder) builder = NULL;

  if (!empty && !g_str_equal (name, "error"))
    return;
  builder = spire_stack_add_page_once (self->main_stack, name, PAGES_UI,
                                       empty ? "empty_page" : "error_page");
  if (builder == NULL)
    return;
  if (empty)
    {
      self->empty_title = ADW_WINDOW_TITLE (gtk_builder_get_object (builder, "empty_title"));
      self->empty_status = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "empty_status"));
      self->empty_create_button = GTK_WIDGET (gtk_builder_get_object (builder, "create_button"));
      self->progress_box = GTK_WIDGET (gtk_builder_get_object (builder, "progress_box"));
      self->progress_bar = GTK_PROGRESS_BAR (gtk_builder_get_object (builder, "progress_bar"));
      self->empty_menu_button =
        GTK_MENU_BUTTON (gtk_builder_get_object (builder, "empty_menu_button"));
      spire_menu_button_set_lazy_menu (self->empty_menu_button, self->primary_menu);
      gtk_widget_set_visible (self->progress_box, self->loading != NULL);
      update_titles (self);
    }
  else
    {
      self->error_status = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_status"));
      self->error_menu_button =
        GTK_MENU_BUTTON (gtk_builder_get_object (builder, "error_menu_button"));
      spire_menu_button_set_lazy_menu (self->error_menu_button, self->primary_menu);
    }
}

/* Shows the content's "none" or "no-cohorts" page, made when first shown
 * (spire-window-pages.ui), or another of its pages. */
static void
show_content_page (SpireWindow *self, const char *name)
{
  if (g_str_equal (name, "none") || g_str_equal (name, "no-cohorts"))
    {
      g_autoptr (GtkBuilder) builder = spire_stack_add_page_once (
        self->content_stack, name, PAGES_UI,
        g_str_equal (name, "none") ? "none_page" : "no_cohorts_page");
    }
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

/* Shows one of the window's pages ("main", "empty", "error"): cross-faded
 * from another, but at once from "loading", which a database opened before
 * the first frame never needs to show (a cross-fade would make the first
 * frames draw both pages, the one wanted nearly transparent). */
static void
show_page (SpireWindow *self, const char *name)
{
  gboolean from_loading =
    g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0;

  ensure_page (self, name);
  gtk_stack_set_visible_child_full (self->main_stack, name,
                                    from_loading ? GTK_STACK_TRANSITION_TYPE_NONE
                                                 : gtk_stack_get_transition_type (self->main_stack));
  /* A new database: Enter creates the first program (the focus was nowhere,
   * two Tabs from it). */
  if (g_str_equal (name, "empty"))
    gtk_root_set_focus (GTK_ROOT (self), self->empty_create_button);
}

static void
show_error_page (SpireWindow *self, const GError *error)
{
  ensure_page (self, "error");
  adw_status_page_set_description (self->error_status, error->message);
  show_page (self, "error");
}

/* The database */

static gboolean
is_default_path (const char *path)
{
  g_autofree char *def = spire_store_default_path ();

  return path != NULL && g_str_equal (path, def);
}

static gboolean
same_file (const char *a, const char *b)
{
  g_autoptr (GFile) fa = NULL;
  g_autoptr (GFile) fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_file_new_for_path (a);
  fb = g_file_new_for_path (b);
  return g_file_equal (fa, fb);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SpireWindow *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* The store announces what changed in the main thread, also what a worker
 * wrote (then once it is done): reload when the main loop is idle. */
static void
on_store_changed_cb (SpireStore *store, const char *table, gpointer user_data)
{
  SpireWindow *self = user_data;

  if (self->reload_source == 0 && self->loading == NULL)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
update_titles (SpireWindow *self)
{
  const char *path = self->store ? spire_store_get_path (self->store) : NULL;
  g_autofree char *name = path ? g_path_get_basename (path) : NULL;

  adw_window_title_set_subtitle (self->sidebar_title, name ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), path);
  if (self->empty_title == NULL)
    return; /* made when first shown (ensure_page) */
  adw_window_title_set_subtitle (self->empty_title, name ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->empty_title), path);
}

static void
set_store (SpireWindow *self, SpireStore *store)
{
  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  spire_sidebar_set_store (self->sidebar, store);
  spire_cohort_page_set_store (self->cohort_page, store);
  /* The pages not made yet are given it when made (lazy_page). */
  if (self->evaluation_page)
    spire_evaluation_page_set_store (self->evaluation_page, store);
  if (self->ranking_page)
    spire_ranking_page_set_store (self->ranking_page, store);
  if (self->followup_page)
    spire_followup_page_set_store (self->followup_page, store);
  if (self->program_overview)
    spire_program_overview_set_store (self->program_overview, store);
  if (self->program_board)
    spire_followup_page_set_store (self->program_board, store);
  if (self->directory_page)
    spire_record_list_page_set_store (self->directory_page, store);
  if (self->audit_page)
    spire_audit_page_set_store (self->audit_page, store);
  update_titles (self);
  reload (self);
}

static void
remember (SpireWindow *self, const char *path)
{
  g_settings_set_string (self->settings, "last-database",
                         path == NULL || is_default_path (path) ? "" : path);
}

/* Opens @path (NULL: the default database) in place of the current one;
 * on failure the current one stays. */
static gboolean
open_store (SpireWindow *self, const char *path, GError **error)
{
  g_autoptr (SpireStore) store = spire_store_open (path, error);
  const char *backup;

  if (store == NULL)
    return FALSE;
  set_store (self, store);
  remember (self, spire_store_get_path (store));
  backup = spire_store_get_migration_backup (store);
  if (backup != NULL)
    {
      g_autofree char *name = g_path_get_basename (backup);
      g_autofree char *text = g_strdup_printf (_("The database was updated for this version of "
                                                 "Spire; the old one was kept as “%s”"),
                                               name);
      toast (self, text);
    }
  if (spire_store_get_tightened (store) != NULL)
    toast (self, spire_store_get_tightened (store));
  return TRUE;
}

void
_spire_window_open_path (SpireWindow *self, const char *path, gboolean creating)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gboolean existed;
  GStatBuf st;

  if (self->loading)
    return;
  if (self->store && same_file (path, spire_store_get_path (self->store)))
    {
      if (creating)
        {
          g_autofree char *text = g_strdup_printf (_("“%s” is the database open now; "
                                                     "it was not replaced"), name);
          toast (self, text);
        }
      return;
    }

  existed = g_stat (path, &st) == 0 && st.st_size > 0;
  if (!open_store (self, path, &error))
    {
      if (self->store == NULL)
        show_error_page (self, error);
      _spire_window_show_error (self,
                  creating ? _("Could Not Create the Database") : _("Could Not Open the Database"),
                  error);
      return;
    }
  if (creating && existed)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” already held a Spire database; it was "
                                                 "opened, not replaced"), name);
      toast (self, text);
    }
}

/* Pages made when first needed */

typedef void (*SetStoreFunc) (gpointer page, SpireStore *store);

/* Makes the page of @type into @bin, given the store, unless *@slot holds
 * it already (issue 11: building every page at start doubled the time to
 * the first frame). */
static gpointer
lazy_page (SpireWindow *self, gpointer *slot, AdwBin *bin, GType type, SetStoreFunc set_store)
{
  if (*slot == NULL)
    {
      *slot = g_object_new (type, NULL);
      adw_bin_set_child (bin, GTK_WIDGET (*slot));
      set_store (*slot, self->store);
    }
  return *slot;
}

SpireEvaluationPage *
_spire_window_get_evaluation_page (SpireWindow *self)
{
  return lazy_page (self, (gpointer *) &self->evaluation_page, self->evaluation_bin,
                    SPIRE_TYPE_EVALUATION_PAGE, (SetStoreFunc) spire_evaluation_page_set_store);
}

SpireRankingPage *
_spire_window_get_ranking_page (SpireWindow *self)
{
  return lazy_page (self, (gpointer *) &self->ranking_page, self->ranking_bin,
                    SPIRE_TYPE_RANKING_PAGE, (SetStoreFunc) spire_ranking_page_set_store);
}

SpireFollowupPage *
_spire_window_get_followup_page (SpireWindow *self)
{
  return lazy_page (self, (gpointer *) &self->followup_page, self->followup_bin,
                    SPIRE_TYPE_FOLLOWUP_PAGE, (SetStoreFunc) spire_followup_page_set_store);
}

SpireRecordListPage *
_spire_window_get_directory_page (SpireWindow *self)
{
  return lazy_page (self, (gpointer *) &self->directory_page, self->directory_bin,
                    SPIRE_TYPE_RECORD_LIST_PAGE, (SetStoreFunc) spire_record_list_page_set_store);
}

SpireAuditPage *
_spire_window_get_audit_page (SpireWindow *self)
{
  return lazy_page (self, (gpointer *) &self->audit_page, self->audit_bin, SPIRE_TYPE_AUDIT_PAGE,
                    (SetStoreFunc) spire_audit_page_set_store);
}

SpireProgramOverview *
_spire_window_get_program_overview (SpireWindow *self)
{
  return lazy_page (self, (gpointer *) &self->program_overview, self->overview_bin,
                    SPIRE_TYPE_PROGRAM_OVERVIEW, (SetStoreFunc) spire_program_overview_set_store);
}

SpireFollowupPage *
_spire_window_get_program_board (SpireWindow *self)
{
  return lazy_page (self, (gpointer *) &self->program_board, self->board_bin,
                    SPIRE_TYPE_FOLLOWUP_PAGE, (SetStoreFunc) spire_followup_page_set_store);
}

/* Reading it into the widgets */

static void
show_directory (SpireWindow *self, const char *table)
{
  SpireRecordListPage *page = _spire_window_get_directory_page (self);
  g_autoptr (GError) error = NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, FALSE);
  if (!spire_record_list_page_set_kind (page, spire_kind_lookup (table), &error))
    _spire_window_show_error (self, _("Could Not Read the Database"), error);
  adw_view_switcher_title_set_title (self->content_title, spire_record_list_page_get_title (page));
  adw_view_switcher_title_set_subtitle (self->content_title, _("Directory"));
  gtk_stack_set_visible_child_name (self->content_stack, "directory");
}

/* The audit trail (the sidebar's "Audit Trail"): the whole database when
 * it is first shown, else read again as it was filtered. */
static void
show_audit (SpireWindow *self)
{
  SpireAuditPage *page = _spire_window_get_audit_page (self);

  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, FALSE);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "audit") != 0)
    spire_audit_page_set_filter (page, NULL, NULL, NULL);
  else
    spire_audit_page_reload (page);
  adw_view_switcher_title_set_title (self->content_title, spire_audit_page_get_title (page));
  adw_view_switcher_title_set_subtitle (self->content_title, _("Directory"));
  gtk_stack_set_visible_child_name (self->content_stack, "audit");
}

void
_spire_window_show_history (SpireWindow *self, const char *kind_name, const char *uuid)
{
  const SpireKind *kind = spire_kind_lookup (kind_name);
  SpireAuditPage *page;

  if (self->store == NULL || !spire_sidebar_select_directory (self->sidebar, "audit"))
    return;
  page = _spire_window_get_audit_page (self);
  if (kind == &spire_kind_person)
    spire_audit_page_set_filter (page, NULL, NULL, uuid);
  else
    spire_audit_page_set_filter (page, kind, uuid, NULL);
  adw_view_switcher_title_set_title (self->content_title, spire_audit_page_get_title (page));
}

/* A program's overview and its board (all its deals), when its heading is
 * selected in the sidebar. */
static void
show_program (SpireWindow *self, const char *program)
{
  SpireProgramOverview *overview = _spire_window_get_program_overview (self);

  adw_view_switcher_title_set_stack (self->content_title, self->program_views);
  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, TRUE);
  if (g_strcmp0 (spire_program_overview_get_program (overview), program) != 0)
    {
      spire_program_overview_set_program (overview, program);
      spire_followup_page_set_program (_spire_window_get_program_board (self), program);
      adw_view_stack_set_visible_child_name (self->program_views, "overview");
    }
  adw_view_switcher_title_set_title (self->content_title,
                                     spire_sidebar_get_program_name (self->sidebar, program));
  adw_view_switcher_title_set_subtitle (self->content_title, _("Program"));
  gtk_stack_set_visible_child_name (self->content_stack, "program");
}

/* The cohort's views (Applications, Evaluation, Ranking, Follow-up) are
 * given the cohort when shown, not all at once: issue 11 (a 4 000-application
 * cohort loaded into four pages froze the window for seconds).  FALSE after
 * an error (shown). */
static gboolean
give_cohort (SpireWindow *self)
{
  static const char *const views[] = { "applications", "evaluation", "ranking", "followup" };
  const char *name = adw_view_stack_get_visible_child_name (self->cohort_views);
  SpireCohort *cohort = self->views_cohort;
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;
  guint i;

  if (cohort == NULL)
    return TRUE;
  for (i = 0; i < G_N_ELEMENTS (views) && g_strcmp0 (name, views[i]) != 0; i++)
    ;
  if (i == G_N_ELEMENTS (views) || (self->views_given & (1u << i)) != 0)
    return TRUE;
  self->views_given |= 1u << i;
  switch (i)
    {
    case 0:
      ok = spire_cohort_page_set_cohort (self->cohort_page, cohort, &error);
      break;
    case 1: /* the page is made when first shown */
      ok = spire_evaluation_page_set_cohort (_spire_window_get_evaluation_page (self), cohort,
                                             &error);
      break;
    case 2:
      ok = spire_ranking_page_set_cohort (_spire_window_get_ranking_page (self), cohort, &error);
      break;
    default:
      ok = spire_followup_page_set_cohort (_spire_window_get_followup_page (self), cohort, &error);
      break;
    }
  if (!ok)
    {
      _spire_window_show_error (self, _("Could Not Read the Cohort"), error);
      show_content_page (self, "none");
    }
  return ok;
}

static void
on_cohort_view_shown_cb (SpireWindow *self)
{
  give_cohort (self);
}

static void
show_cohort (SpireWindow *self)
{
  SpireCohort *cohort = spire_sidebar_get_selected_cohort (self->sidebar);
  const char *table = spire_sidebar_get_selected_directory (self->sidebar);
  guint n_cohorts = 0;

  if (spire_sidebar_get_selected_program (self->sidebar) != NULL)
    {
      show_program (self, spire_sidebar_get_selected_program (self->sidebar));
      return;
    }
  if (self->program_overview != NULL &&
      spire_program_overview_get_program (self->program_overview) != NULL)
    {
      /* Left: the program's deals need not be kept, nor read again. */
      spire_program_overview_set_program (self->program_overview, NULL);
      spire_followup_page_set_program (self->program_board, NULL);
    }
  if (g_strcmp0 (table, "audit") == 0)
    {
      show_audit (self);
      return;
    }
  if (table != NULL)
    {
      show_directory (self, table);
      return;
    }
  adw_view_switcher_title_set_stack (self->content_title, self->cohort_views);
  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, TRUE);
  if (cohort == NULL)
    {
      g_clear_object (&self->views_cohort);
      self->views_given = 0;
      spire_cohort_page_set_cohort (self->cohort_page, NULL, NULL);
      if (self->evaluation_page)
        spire_evaluation_page_set_cohort (self->evaluation_page, NULL, NULL);
      if (self->ranking_page)
        spire_ranking_page_set_cohort (self->ranking_page, NULL, NULL);
      if (self->followup_page)
        spire_followup_page_set_cohort (self->followup_page, NULL, NULL);
      _spire_sidebar_count_rows (self->sidebar, NULL, &n_cohorts);
      show_content_page (self, n_cohorts ? "none" : "no-cohorts");
      adw_view_switcher_title_set_title (self->content_title, "");
      adw_view_switcher_title_set_subtitle (self->content_title, "");
      return;
    }

  /* Only the view in sight reads the cohort now (each reads it in a
   * worker); the others read it when first shown (give_cohort). */
  g_set_object (&self->views_cohort, cohort);
  self->views_given = 0;
  if (!give_cohort (self))
    return;
  adw_view_switcher_title_set_title (self->content_title,
                                     spire_record_get_display_name (SPIRE_RECORD (cohort)));
  adw_view_switcher_title_set_subtitle (
    self->content_title,
    spire_sidebar_get_program_name (self->sidebar,
                                    spire_record_get_text (SPIRE_RECORD (cohort), "program")));
  gtk_stack_set_visible_child_name (self->content_stack, "cohort");
}

void
_spire_window_reload (SpireWindow *self)
{
  reload (self);
}

gboolean
_spire_window_showing_main (SpireWindow *self)
{
  return self->store != NULL && self->loading == NULL &&
         g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "main");
}

static void
reload (SpireWindow *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->loading)
    return;

  if (self->store == NULL)
    {
      spire_sidebar_clear (self->sidebar);
      show_page (self, "error");
      return;
    }
  if (spire_store_is_empty (self->store))
    {
      spire_sidebar_clear (self->sidebar);
      show_page (self, "empty");
      return;
    }
  show_page (self, "main");
  /* The sidebar tells what it selects: show_cohort follows. */
  if (!spire_sidebar_reload (self->sidebar, &error))
    _spire_window_show_error (self, _("Could Not Read the Database"), error);
}

/* Callbacks */

/* Once a choice (the sidebar tells a choice once). */
static void
on_sidebar_selection_changed_cb (SpireWindow *self, SpireSidebar *sidebar)
{
  if (self->sidebar == NULL)
    return; /* the window's template is being disposed */
  show_cohort (self);
}

static void
on_sidebar_cohort_activated_cb (SpireWindow *self, SpireCohort *cohort, SpireSidebar *sidebar)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static gboolean
on_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, SpireWindow *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      file = files ? files->data : NULL;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL || self->store == NULL || self->loading)
    return FALSE;
  spire_window_import_file (self, file);
  return TRUE;
}

/* SpireUndoHost */

static SpireUndo *
spire_window_get_undo (SpireUndoHost *host)
{
  return SPIRE_WINDOW (host)->undo;
}

static void
spire_window_undo_host_init (SpireUndoHostInterface *iface)
{
  iface->get_undo = spire_window_get_undo;
}

/* After the first frame */

/* What the first frame does not show is made after it: the keyboard
 * shortcuts window (Ctrl+?), 2 % of the instructions to the first frame. */
static gboolean
after_first_frame_cb (gpointer user_data)
{
  SpireWindow *self = user_data;
  g_autoptr (GtkBuilder) builder = NULL;

  /* (not for a window closed meanwhile) */
  if (gtk_widget_get_realized (GTK_WIDGET (self)) &&
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) == NULL)
    {
      builder = gtk_builder_new_from_resource ("/no/spire/Spire/spire-shortcuts-window.ui");
      gtk_application_window_set_help_overlay (
        GTK_APPLICATION_WINDOW (self),
        GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  return G_SOURCE_REMOVE;
}

static void
on_first_paint_cb (GdkFrameClock *clock, SpireWindow *self)
{
  g_clear_signal_handler (&self->first_paint_handler, clock);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, after_first_frame_cb, g_object_ref (self),
                   g_object_unref);
}

/* GtkWindow */

static void
spire_window_realize (GtkWidget *widget)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  GTK_WIDGET_CLASS (spire_window_parent_class)->realize (widget);
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) == NULL &&
      self->first_paint_handler == 0)
    self->first_paint_handler = g_signal_connect (gtk_widget_get_frame_clock (widget),
                                                  "after-paint",
                                                  G_CALLBACK (on_first_paint_cb), self);
}

static void
spire_window_unrealize (GtkWidget *widget)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  g_clear_signal_handler (&self->first_paint_handler, gtk_widget_get_frame_clock (widget));
  GTK_WIDGET_CLASS (spire_window_parent_class)->unrealize (widget);
}

static gboolean
spire_window_close_request (GtkWindow *window)
{
  SpireWindow *self = SPIRE_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  if (self->loading)
    g_cancellable_cancel (self->loading);

  return GTK_WINDOW_CLASS (spire_window_parent_class)->close_request (window);
}

/* GObject */

static void
spire_window_dispose (GObject *object)
{
  SpireWindow *self = SPIRE_WINDOW (object);

  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->chooser)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_clear_weak_pointer (&self->error_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->views_cohort);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (spire_window_parent_class)->dispose (object);
}

static void
spire_window_class_init (SpireWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = spire_window_dispose;
  widget_class->realize = spire_window_realize;
  widget_class->unrealize = spire_window_unrealize;
  window_class->close_request = spire_window_close_request;

  /* Links the GResource (registered by its constructor) from the static library. */
  (void) spire_get_resource ();
  g_type_ensure (SPIRE_TYPE_SIDEBAR);
  g_type_ensure (SPIRE_TYPE_COHORT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/no/spire/Spire/spire-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, cohort_views);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, evaluation_bin);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, ranking_bin);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, followup_bin);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, program_views);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, program_box);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, cohort_box);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, board_bin);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, cohort_page);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, directory_bin);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, audit_bin);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, new_menu);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_cohort_activated_cb);

  _spire_window_class_add_actions (widget_class);
}

static void
spire_window_init (SpireWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->cohort_views, "notify::visible-child-name",
                           G_CALLBACK (on_cohort_view_shown_cb), self, G_CONNECT_SWAPPED);
  spire_menu_button_set_lazy_menu (self->new_button, self->new_menu);
  spire_menu_button_set_lazy_menu (self->primary_button, self->primary_menu);
  spire_view_switcher_bar_when_narrow (self->cohort_box, self->cohort_views, self->content_title);
  spire_view_switcher_bar_when_narrow (self->program_box, self->program_views, self->content_title);
  /* The help overlay (Ctrl+?) is made after the first frame. */

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->undo = spire_undo_new ();
  _spire_window_init_actions (self);

  {
    GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
    GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

    gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
    g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  update_titles (self);
  /* Until a database is open (or could not be): no error before there is one. */
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

/* Public API */

SpireWindow *
spire_window_new (SpireApp *app)
{
  return g_object_new (SPIRE_TYPE_WINDOW, "application", app, NULL);
}

void
spire_window_open_last (SpireWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *last = NULL;
  gboolean missing;

  g_return_if_fail (SPIRE_IS_WINDOW (self));

  last = g_settings_get_string (self->settings, "last-database");
  missing = *last != '\0' && !g_file_test (last, G_FILE_TEST_EXISTS);
  if (!open_store (self, *last && !missing ? last : NULL, &error))
    {
      show_error_page (self, error);
      _spire_window_show_error (self, _("Could Not Open the Database"), error);
      return;
    }
  if (missing)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” is no longer there; the default "
                                                 "database was opened"), last);
      toast (self, text);
    }
}

void
spire_window_open_file (SpireWindow *self, GFile *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SPIRE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (
        SPIRE_ERROR, SPIRE_ERROR_IO,
        _("Spire can only use databases on this computer; choose a file in a local folder."));

      if (self->store == NULL)
        show_error_page (self, error);
      _spire_window_show_error (self, _("Could Not Open the Database"), error);
      return;
    }
  _spire_window_open_path (self, path, FALSE);
}

void
spire_window_import_file (SpireWindow *self, GFile *file)
{
  g_return_if_fail (SPIRE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (
        SPIRE_ERROR, SPIRE_ERROR_IO,
        _("No database is open to import into. Open or create a database first."));

      _spire_window_show_error (self, _("Could Not Import"), error);
      return;
    }
  spire_import_file_present (GTK_WINDOW (self), self->store,
                             spire_sidebar_get_selected_cohort (self->sidebar), file);
}

SpireStore *
spire_window_get_store (SpireWindow *self)
{
  g_return_val_if_fail (SPIRE_IS_WINDOW (self), NULL);

  return self->store;
}

/* Private API */

void
_spire_window_set_store (SpireWindow *self, SpireStore *store)
{
  set_store (self, store);
}

void
_spire_window_reload_now (SpireWindow *self)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (self->reload_source)
    reload (self);
}

const char *
_spire_window_get_page (SpireWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

GtkStack *
_spire_window_get_main_stack (SpireWindow *self)
{
  return self->main_stack;
}

const char *
_spire_window_get_content_page (SpireWindow *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
_spire_window_get_error_text (SpireWindow *self)
{
  return self->error_status ? adw_status_page_get_description (self->error_status) : NULL;
}

SpireSidebar *
_spire_window_get_sidebar (SpireWindow *self)
{
  return self->sidebar;
}

SpireCohortPage *
_spire_window_get_cohort_page (SpireWindow *self)
{
  return self->cohort_page;
}

AdwLeaflet *
_spire_window_get_leaflet (SpireWindow *self)
{
  return self->leaflet;
}

void
spire_window_add_toast (SpireWindow *self, AdwToast *toast)
{
  g_return_if_fail (SPIRE_IS_WINDOW (self));

  spire_toast_add (GTK_WIDGET (self), toast);
}