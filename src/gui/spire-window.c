/* spire-window.c — the main window
 *
 * One database at a time.  The window shows one of three pages: "main" (a
 * leaflet with the programs and cohorts on the left and the selected
 * cohort on the right), "empty" (a new database: offers sample data) and
 * "error" (no database could be opened: offers File → Open / New).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evaluation/spire-evaluation-page.h"
#include "import/spire-import-dialog.h"
#include "ranking/spire-ranking-page.h"
#include "records/spire-record-editor.h"
#include "records/spire-record-list-page.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-resources.h"
#include "common/spire-error-dialog.h"
#include "common/spire-undo.h"
#include "spire-window.h"
#include "spire-window-private.h"

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
  SpireEvaluationPage *evaluation_page;
  SpireRankingPage *ranking_page;
  GtkStack *content_stack;
  SpireCohortPage *cohort_page;
  SpireRecordListPage *directory_page;
  AdwWindowTitle *empty_title;
  AdwStatusPage *empty_status;
  GtkWidget *progress_box;
  GtkProgressBar *progress_bar;
  AdwStatusPage *error_status;

  GSettings *settings;
  SpireStore *store;
  SpireUndo *undo;
  guint reload_source;
  GtkNativeDialog *chooser;
  AdwMessageDialog *error_dialog; /* weak */

  /* loading sample data */
  gint busy; /* atomic: read from the worker's "changed" emissions */
  GTask *task;
  GCancellable *cancellable;
  guint progress_source;
  gboolean disposed;
};

static void spire_window_undo_host_init (SpireUndoHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpireWindow, spire_window, ADW_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (SPIRE_TYPE_UNDO_HOST,
                                                      spire_window_undo_host_init))

typedef struct
{
  SpireStore *store;
  gint permille; /* atomic */
} SampleData;

static void reload (SpireWindow *self);

static void
sample_data_free (gpointer data)
{
  SampleData *d = data;

  g_clear_object (&d->store);
  g_free (d);
}

/* Messages */

static void
show_error (SpireWindow *self, const char *heading, const GError *error)
{
  AdwMessageDialog *dialog;

  g_debug ("%s: %s", heading, error->message);
  if (self->error_dialog)
    gtk_window_destroy (GTK_WINDOW (self->error_dialog));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_set_weak_pointer (&self->error_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (SpireWindow *self, const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
show_error_page (SpireWindow *self, const GError *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
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

static void
on_store_changed_cb (SpireStore *store, const char *table, gpointer user_data);

static gboolean
reload_idle_cb (gpointer user_data)
{
  SpireWindow *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static gboolean
schedule_reload_cb (gpointer user_data)
{
  SpireWindow *self = user_data;

  if (self->reload_source == 0 && self->store != NULL && !g_atomic_int_get (&self->busy))
    self->reload_source = g_idle_add (reload_idle_cb, self);
  return G_SOURCE_REMOVE;
}

/* May run in a worker thread: only schedule work for the main loop. */
static void
on_store_changed_cb (SpireStore *store, const char *table, gpointer user_data)
{
  SpireWindow *self = user_data;

  if (g_atomic_int_get (&self->busy))
    return; /* the worker's own writes: reloaded when it is done */
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, schedule_reload_cb,
                              g_object_ref (self), g_object_unref);
}

static void
update_titles (SpireWindow *self)
{
  const char *path = self->store ? spire_store_get_path (self->store) : NULL;
  g_autofree char *name = path ? g_path_get_basename (path) : NULL;

  adw_window_title_set_subtitle (self->sidebar_title, name ? name : "");
  adw_window_title_set_subtitle (self->empty_title, name ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), path);
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
  spire_evaluation_page_set_store (self->evaluation_page, store);
  spire_ranking_page_set_store (self->ranking_page, store);
  spire_record_list_page_set_store (self->directory_page, store);
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
  return TRUE;
}

static void
open_path (SpireWindow *self, const char *path, gboolean creating)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gboolean existed;
  GStatBuf st;

  if (g_atomic_int_get (&self->busy))
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
      show_error (self,
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

/* Reading it into the widgets */

static void
show_directory (SpireWindow *self, const char *table)
{
  g_autoptr (GError) error = NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, FALSE);
  if (!spire_record_list_page_set_kind (self->directory_page, spire_kind_lookup (table), &error))
    show_error (self, _("Could Not Read the Database"), error);
  adw_view_switcher_title_set_title (self->content_title,
                                     spire_record_list_page_get_title (self->directory_page));
  adw_view_switcher_title_set_subtitle (self->content_title, _("Directory"));
  gtk_stack_set_visible_child_name (self->content_stack, "directory");
}

static void
show_cohort (SpireWindow *self)
{
  SpireCohort *cohort = spire_sidebar_get_selected_cohort (self->sidebar);
  const char *table = spire_sidebar_get_selected_directory (self->sidebar);
  g_autoptr (GError) error = NULL;
  guint n_cohorts = 0;

  if (table != NULL)
    {
      show_directory (self, table);
      return;
    }
  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, TRUE);
  if (cohort == NULL)
    {
      spire_cohort_page_set_cohort (self->cohort_page, NULL, NULL);
      spire_evaluation_page_set_cohort (self->evaluation_page, NULL, NULL);
      spire_ranking_page_set_cohort (self->ranking_page, NULL, NULL);
      _spire_sidebar_count_rows (self->sidebar, NULL, &n_cohorts);
      gtk_stack_set_visible_child_name (self->content_stack, n_cohorts ? "none" : "no-cohorts");
      adw_view_switcher_title_set_title (self->content_title, "");
      adw_view_switcher_title_set_subtitle (self->content_title, "");
      return;
    }

  if (!spire_cohort_page_set_cohort (self->cohort_page, cohort, &error) ||
      !spire_evaluation_page_set_cohort (self->evaluation_page, cohort, &error) ||
      !spire_ranking_page_set_cohort (self->ranking_page, cohort, &error))
    {
      show_error (self, _("Could Not Read the Cohort"), error);
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      return;
    }
  adw_view_switcher_title_set_title (self->content_title,
                                     spire_record_get_display_name (SPIRE_RECORD (cohort)));
  adw_view_switcher_title_set_subtitle (
    self->content_title,
    spire_sidebar_get_program_name (self->sidebar,
                                    spire_record_get_text (SPIRE_RECORD (cohort), "program")));
  gtk_stack_set_visible_child_name (self->content_stack, "cohort");
}

static void
reload (SpireWindow *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (g_atomic_int_get (&self->busy))
    return;

  if (self->store == NULL)
    {
      spire_sidebar_clear (self->sidebar);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  if (spire_store_is_empty (self->store))
    {
      spire_sidebar_clear (self->sidebar);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  /* The sidebar tells what it selects: show_cohort follows. */
  if (!spire_sidebar_reload (self->sidebar, &error))
    show_error (self, _("Could Not Read the Database"), error);
}

/* Sample data, off the main thread */

static void
sample_data_progress_cb (double fraction, gpointer user_data)
{
  SampleData *d = user_data;

  g_atomic_int_set (&d->permille, (int) CLAMP (fraction * 1000, 0, 1000));
}

static void
sample_data_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SampleData *d = task_data;
  GError *error = NULL;

  if (spire_demo_fill (d->store, 1, SPIRE_DEMO_SMALL, FALSE, sample_data_progress_cb, d,
                       cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  SpireWindow *self = user_data;
  SampleData *d = self->task ? g_task_get_task_data (self->task) : NULL;
  int permille = d ? g_atomic_int_get (&d->permille) : 0;

  if (permille > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (SpireWindow *self, gboolean busy)
{
  g_atomic_int_set (&self->busy, busy);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-database", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-database", !busy);
  if (busy)
    self->progress_source = g_timeout_add (100, update_progress_cb, self);
  else
    g_clear_handle_id (&self->progress_source, g_source_remove);
}

static void
on_sample_data_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireWindow *self = SPIRE_WINDOW (source);
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);
  g_atomic_int_set (&self->busy, FALSE);
  if (self->disposed)
    return; /* the window was closed meanwhile */
  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Loading sample data was cancelled; nothing was added"));
      else
        show_error (self, _("Could Not Load Sample Data"), error);
    }
  reload (self);
}

/* Actions */

static void
load_sample_data_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);
  SampleData *d;

  if (self->store == NULL || g_atomic_int_get (&self->busy))
    return;

  d = g_new0 (SampleData, 1);
  d->store = g_object_ref (self->store);
  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (self, self->cancellable, on_sample_data_done_cb, NULL);
  g_task_set_source_tag (self->task, load_sample_data_action);
  g_task_set_task_data (self->task, d, sample_data_free);
  set_busy (self, TRUE);
  /* From here until the task is done the UI does not touch the store. */
  g_task_run_in_thread (self->task, sample_data_thread);
}

static void
cancel_loading_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static GtkFileFilter *
db_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spire Databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  return filter;
}

static void
on_chooser_response_cb (GtkNativeDialog *native, int response, gpointer user_data)
{
  SpireWindow *self = user_data;
  gboolean creating = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "spire-creating"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        {
          g_autoptr (GError) error = g_error_new_literal (
            SPIRE_ERROR, SPIRE_ERROR_IO,
            _("Spire can only use databases on this computer; choose a file in a local folder."));
          show_error (self, _("Could Not Open the Database"), error);
        }
      else
        {
          if (creating)
            {
              g_autofree char *base = g_path_get_basename (path);

              if (strchr (base, '.') == NULL)
                {
                  char *with_ext = g_strconcat (path, ".db", NULL);

                  g_free (path);
                  path = with_ext;
                }
            }
          open_path (self, path, creating);
        }
    }
  gtk_native_dialog_destroy (native);
  if (self->chooser == native)
    g_clear_object (&self->chooser);
}

static void
run_chooser (SpireWindow *self, gboolean creating)
{
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) dbs = db_filter ();

  if (self->chooser)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  native = gtk_file_chooser_native_new (creating ? _("New Database") : _("Open Database"),
                                        GTK_WINDOW (self),
                                        creating ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                 : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        creating ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), dbs);
  if (!creating)
    {
      g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
    }
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), dbs);
  if (self->store && spire_store_get_path (self->store))
    {
      g_autofree char *dir = g_path_get_dirname (spire_store_get_path (self->store));
      g_autoptr (GFile) folder = g_file_new_for_path (dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  if (creating)
    /* TRANSLATORS: the file name suggested for a new database */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("cohorts.db"));

  g_object_set_data (G_OBJECT (native), "spire-creating", GINT_TO_POINTER (creating));
  g_signal_connect_object (native, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}

static void
open_database_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_chooser (SPIRE_WINDOW (widget), FALSE);
}

static void
new_database_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_chooser (SPIRE_WINDOW (widget), TRUE);
}

static gboolean
showing_main (SpireWindow *self)
{
  return self->store != NULL && !g_atomic_int_get (&self->busy) &&
         g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "main");
}

static void
new_program_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (self->store == NULL || g_atomic_int_get (&self->busy))
    return;
  spire_record_editor_present (GTK_WINDOW (self), self->store, &spire_kind_program, NULL, NULL);
}

static void
new_cohort_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (!showing_main (self))
    return;
  /* A cohort belongs to a program: without one, make the program first. */
  if (spire_sidebar_get_current_program (self->sidebar) == NULL)
    new_program_action (widget, name, param);
  else
    spire_sidebar_new_cohort (self->sidebar, NULL);
}

/* Ctrl+N: a new record of the directory shown, else a new cohort. */
static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (showing_main (self) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "directory"))
    spire_record_list_page_add (self->directory_page);
  else
    new_cohort_action (widget, name, param);
}

static void
import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (self->store == NULL || g_atomic_int_get (&self->busy))
    return;
  spire_import_choose_file (GTK_WINDOW (self), self->store,
                            spire_sidebar_get_selected_cohort (self->sidebar));
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!spire_undo_undo (self->undo, &error))
    spire_error_dialog_show (widget, _("Could Not Undo"), error);
}

static void
on_can_undo_changed_cb (SpireUndo *undo, GParamSpec *pspec, SpireWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", spire_undo_get_can_undo (undo));
}

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

static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "main"))
    return;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "directory"))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
      spire_record_list_page_focus_search (self->directory_page);
      return;
    }
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "cohort"))
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  spire_cohort_page_focus_search (self->cohort_page);
}

static void
go_back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Callbacks */

static void
on_sidebar_selected_cohort_cb (SpireWindow *self, GParamSpec *pspec, SpireSidebar *sidebar)
{
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
  if (file == NULL || self->store == NULL || g_atomic_int_get (&self->busy))
    return FALSE;
  spire_window_import_file (self, file);
  return TRUE;
}

/* GtkWindow */

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

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (spire_window_parent_class)->close_request (window);
}

/* GObject */

static void
spire_window_dispose (GObject *object)
{
  SpireWindow *self = SPIRE_WINDOW (object);

  self->disposed = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
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
  g_clear_object (&self->settings);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (spire_window_parent_class)->dispose (object);
}

static void
spire_window_finalize (GObject *object)
{
  SpireWindow *self = SPIRE_WINDOW (object);

  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (spire_window_parent_class)->finalize (object);
}

static void
spire_window_class_init (SpireWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = spire_window_dispose;
  object_class->finalize = spire_window_finalize;
  window_class->close_request = spire_window_close_request;

  /* Links the GResource (registered by its constructor) from the static library. */
  (void) spire_get_resource ();
  g_type_ensure (SPIRE_TYPE_SIDEBAR);
  g_type_ensure (SPIRE_TYPE_COHORT_PAGE);
  g_type_ensure (SPIRE_TYPE_EVALUATION_PAGE);
  g_type_ensure (SPIRE_TYPE_RANKING_PAGE);
  g_type_ensure (SPIRE_TYPE_RECORD_LIST_PAGE);

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
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, evaluation_page);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, ranking_page);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, cohort_page);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, directory_page);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, empty_title);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, empty_status);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SpireWindow, error_status);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_selected_cohort_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_cohort_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL,
                                   load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL,
                                   cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-program", NULL, new_program_action);
  gtk_widget_class_install_action (widget_class, "win.new-cohort", NULL, new_cohort_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
}

static void
spire_window_init (SpireWindow *self)
{
  g_autoptr (GtkBuilder) builder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  builder = gtk_builder_new_from_resource ("/no/spire/Spire/spire-shortcuts-window.ui");
  gtk_application_window_set_help_overlay (
    GTK_APPLICATION_WINDOW (self),
    GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", FALSE);
  /* Enabled while a delete's toast offers to undo it (so that Ctrl+Z
   * otherwise stays with the text being edited). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  self->undo = spire_undo_new ();
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (on_can_undo_changed_cb),
                           self, 0);

  {
    GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
    GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

    gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
    g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  update_titles (self);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  adw_status_page_set_description (self->error_status, NULL);
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
      show_error (self, _("Could Not Open the Database"), error);
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
      show_error (self, _("Could Not Open the Database"), error);
      return;
    }
  open_path (self, path, FALSE);
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

      show_error (self, _("Could Not Import"), error);
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
_spire_window_open_path (SpireWindow *self, const char *path, gboolean creating)
{
  open_path (self, path, creating);
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

const char *
_spire_window_get_content_page (SpireWindow *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

gboolean
_spire_window_is_busy (SpireWindow *self)
{
  return g_atomic_int_get (&self->busy);
}

AdwMessageDialog *
_spire_window_get_error_dialog (SpireWindow *self)
{
  return self->error_dialog;
}

const char *
_spire_window_get_error_text (SpireWindow *self)
{
  return adw_status_page_get_description (self->error_status);
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

SpireRecordListPage *
_spire_window_get_directory_page (SpireWindow *self)
{
  return self->directory_page;
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

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
