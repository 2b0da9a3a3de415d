/* spire-window-actions.c — what the window's "win." actions do
 *
 * The window's actions (gnome-text-editor's split: the struct is in
 * spire-window-private.h): databases, sample data, new records, import,
 * undo, search and navigation.  Loading sample data is core's
 * spire_demo_fill_async: its work runs off the main thread in core, its
 * progress and the store's "changed" come back here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "import/spire-import-dialog.h"
#include "records/spire-record-editor.h"
#include "start/spire-first-steps.h"
#include "spire-window-private.h"

/* Sample data */

static void
on_sample_data_progress_cb (double fraction, gpointer user_data)
{
  SpireWindow *self = user_data;

  if (self->progress_bar == NULL)
    return;
  if (fraction > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

static void
set_loading (SpireWindow *self, GCancellable *loading)
{
  g_set_object (&self->loading, loading);
  if (self->progress_box) /* on the "empty" page, made when first shown */
    {
      gtk_widget_set_visible (self->progress_box, loading != NULL);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
    }
  _spire_window_update_actions (self);
}

static void
on_sample_data_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok = spire_demo_fill_finish (SPIRE_STORE (source), result, &error);

  if (self->loading == NULL)
    return; /* the window was closed meanwhile */
  set_loading (self, NULL);
  if (!ok)
    {
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwToast *toast =
            adw_toast_new (_("Loading sample data was cancelled; nothing was added"));

          adw_toast_set_timeout (toast, 6);
          spire_toast_add (GTK_WIDGET (self), toast);
        }
      else
        _spire_window_show_error (self, _("Could Not Load Sample Data"), error);
    }
  _spire_window_reload (self);
}

/* Actions */

static void
load_sample_data_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);
  g_autoptr (GCancellable) cancellable = NULL;

  if (self->store == NULL || self->loading)
    return;
  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);
  spire_demo_fill_async (self->store, 1, SPIRE_DEMO_SMALL, FALSE, cancellable,
                         on_sample_data_progress_cb, self, on_sample_data_done_cb,
                         g_object_ref (self));
}

static void
cancel_loading_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (self->loading)
    g_cancellable_cancel (self->loading);
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
          _spire_window_show_error (self, _("Could Not Open the Database"), error);
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
          _spire_window_open_path (self, path, creating);
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

/* The first steps are over: show what they made. */
static void
on_first_steps_finished_cb (SpireFirstSteps *steps, const char *program, const char *cohort,
                            SpireWindow *self)
{
  if (program == NULL || self->store == NULL)
    return;
  _spire_window_reload (self);
  if (cohort != NULL && spire_sidebar_select_cohort (self->sidebar, cohort))
    {
      SpireRecord *shown = SPIRE_RECORD (spire_sidebar_get_selected_cohort (self->sidebar));
      /* TRANSLATORS: %s is the new cohort's name */
      g_autofree char *text = g_strdup_printf (_("“%s” is open for applications"),
                                               spire_record_get_display_name (shown));

      adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
      spire_toast_add (GTK_WIDGET (self), adw_toast_new (text));
    }
  else
    spire_sidebar_select_program (self->sidebar, program);
}

/* The first program walks on to its first cohort and challenge; later
 * ones are made in the program form. */
static void
new_program_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);
  SpireFirstSteps *steps;

  if (self->store == NULL || self->loading)
    return;
  if (spire_store_count (self->store, &spire_kind_program, NULL, NULL) > 0)
    {
      spire_record_editor_present (GTK_WINDOW (self), self->store, &spire_kind_program, NULL,
                                   NULL);
      return;
    }
  steps = spire_first_steps_present (GTK_WINDOW (self), self->store);
  g_signal_connect_object (steps, "finished", G_CALLBACK (on_first_steps_finished_cb), self, 0);
}

static void
new_cohort_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (!_spire_window_showing_main (self))
    return;
  /* A cohort belongs to a program: without one, make the program first. */
  if (spire_sidebar_get_current_program (self->sidebar) == NULL)
    new_program_action (widget, name, param);
  else
    spire_sidebar_new_cohort (self->sidebar, NULL);
}

/* Ctrl+N: on an empty database the first program; else a new record of
 * the directory shown, else a new cohort. */
static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (self->store != NULL && !self->loading &&
      g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "empty"))
    new_program_action (widget, name, param);
  else if (_spire_window_showing_main (self) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "directory"))
    spire_record_list_page_add (_spire_window_get_directory_page (self));
  else
    new_cohort_action (widget, name, param);
}

static void
import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (self->store == NULL || self->loading)
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
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "main"))
    return;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "directory"))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
      spire_record_list_page_focus_search (_spire_window_get_directory_page (self));
      return;
    }
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "cohort"))
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  spire_cohort_page_focus_search (self->cohort_page);
}

/* Ctrl+P: the cohort shown, its report through the print dialog. */
static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "main")
      || !g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "cohort"))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->cohort_page), "cohort.print", NULL);
}

static void
go_back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireWindow *self = SPIRE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_can_undo_changed_cb (SpireUndo *undo, GParamSpec *pspec, SpireWindow *self)
{
  _spire_window_update_actions (self);
}

/* Setup */

void
_spire_window_update_actions (SpireWindow *self)
{
  gboolean busy = self->loading != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-database", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-database", !busy);
  /* Enabled while a delete's toast offers to undo it (so that Ctrl+Z
   * otherwise stays with the text being edited). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->undo && spire_undo_get_can_undo (self->undo));
}

void
_spire_window_init_actions (SpireWindow *self)
{
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (on_can_undo_changed_cb),
                           self, 0);
  _spire_window_update_actions (self);
}

/* "win.show-history" ("(ss)": a kind's name or table, a record's UUID):
 * the records pages' "Show History". */
static void
show_history_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  const char *kind = NULL, *uuid = NULL;

  g_variant_get (param, "(&s&s)", &kind, &uuid);
  _spire_window_show_history (SPIRE_WINDOW (widget), kind, uuid);
}

void
_spire_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
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
  gtk_widget_class_install_action (widget_class, "win.show-history", "(ss)", show_history_action);
}
