/* spire-evaluator-window.c — evaluator mode: one panel member's package,
 * scored offline in a database of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluator"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "evaluation/spire-review-form.h"
#include "spire-evaluator-resources.h"
#include "spire-evaluator-window.h"
#include "spire-evaluator-window-private.h"

struct _SpireEvaluatorWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkListBox *app_list;
  GtkWidget *content;
  AdwWindowTitle *window_title;
  AdwWindowTitle *sidebar_title;
  GtkRevealer *banner;
  SpireReviewForm *review_form;

  SpireStore *store;
  char *evaluator;
  char *member_name;
  GPtrArray *applications; /* as the panel sees them */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (SpireEvaluatorWindow, spire_evaluator_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
progress_text (SpireEvaluatorWindow *self, const char *application_uuid)
{
  g_autoptr (GPtrArray) reviews = spire_store_list (self->store, &spire_kind_review, "application",
                                                    application_uuid, NULL);

  for (guint i = 0; reviews && i < reviews->len; i++)
    if (g_strcmp0 (spire_record_get_text (reviews->pdata[i], "evaluator"), self->evaluator) == 0)
      {
        if (g_strcmp0 (spire_record_get_text (reviews->pdata[i], "state"), "submitted") == 0)
          return _("Submitted");
        return spire_record_get_bool (reviews->pdata[i], "stale") ? _("Draft — score again")
                                                                  : _("Draft");
      }
  return _("Not started");
}

static void
fill_list (SpireEvaluatorWindow *self)
{
  const char *current = spire_review_form_get_application (self->review_form);
  GtkListBoxRow *select = NULL;
  guint n_done = 0;
  g_autofree char *n_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *subtitle = NULL;

  self->filling = TRUE;
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->app_list)));)
    gtk_list_box_remove (self->app_list, child);
  for (guint i = 0; self->applications && i < self->applications->len; i++)
    {
      SpireRecord *app = self->applications->pdata[i];
      const char *progress = progress_text (self, spire_record_get_uuid (app));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spire_record_get_display_name (app));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), progress);
      g_object_set_data_full (G_OBJECT (row), "spire-uuid",
                              g_strdup (spire_record_get_uuid (app)), g_free);
      gtk_list_box_append (self->app_list, row);
      if (g_strcmp0 (current, spire_record_get_uuid (app)) == 0)
        select = GTK_LIST_BOX_ROW (row);
      if (g_strcmp0 (progress, _("Submitted")) == 0)
        n_done++;
    }
  if (select)
    gtk_list_box_select_row (self->app_list, select);
  n_text = spire_format_count (n_done, spire_language_current ());
  total_text = spire_format_count (self->applications ? self->applications->len : 0,
                                   spire_language_current ());
  /* Translators: progress in the evaluator window's sidebar */
  subtitle = g_strdup_printf (_("%s of %s submitted"), n_text, total_text);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
  self->filling = FALSE;
}

static void
on_store_changed_cb (SpireStore *store, const char *table, SpireEvaluatorWindow *self)
{
  if (g_strcmp0 (table, "reviews") == 0 || g_strcmp0 (table, "assignments") == 0)
    fill_list (self);
}

static void
on_row_selected_cb (GtkListBox *box, GtkListBoxRow *row, SpireEvaluatorWindow *self)
{
  g_autoptr (GError) error = NULL;
  const char *uuid;

  if (self->filling || row == NULL)
    return;
  uuid = g_object_get_data (G_OBJECT (row), "spire-uuid");
  if (g_strcmp0 (uuid, spire_review_form_get_application (self->review_form)) == 0)
    return;
  if (!spire_review_form_load (self->review_form, self->store, self->evaluator, uuid, &error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Review Could Not Be Opened"), error);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Actions */

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, SpireEvaluatorWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path && !_spire_evaluator_window_export_sheet_to (self, path, &error))
        spire_error_dialog_show (GTK_WIDGET (self), _("The Score Sheet Could Not Be Exported"),
                                      error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_sheet_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluatorWindow *self = SPIRE_EVALUATOR_WINDOW (widget);
  /* Translators: the default file name of a score sheet */
  g_autofree char *file_name = g_strdup_printf (_("%s – scores.json"), self->member_name);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("Export Score Sheet"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
    _("_Cancel"));

  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
hide_banner_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_revealer_set_reveal_child (SPIRE_EVALUATOR_WINDOW (widget)->banner, FALSE);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  adw_leaflet_navigate (SPIRE_EVALUATOR_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Class */

static gboolean
spire_evaluator_window_close_request (GtkWindow *window)
{
  SpireEvaluatorWindow *self = SPIRE_EVALUATOR_WINDOW (window);
  g_autoptr (GError) error = NULL;

  if (!spire_review_form_save_now (self->review_form, &error))
    g_warning ("Draft not saved: %s", error->message);
  return GTK_WINDOW_CLASS (spire_evaluator_window_parent_class)->close_request (window);
}

static void
spire_evaluator_window_dispose (GObject *object)
{
  SpireEvaluatorWindow *self = SPIRE_EVALUATOR_WINDOW (object);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->evaluator, g_free);
  g_clear_pointer (&self->member_name, g_free);
  g_clear_pointer (&self->applications, g_ptr_array_unref);

  G_OBJECT_CLASS (spire_evaluator_window_parent_class)->dispose (object);
}

static void
spire_evaluator_window_class_init (SpireEvaluatorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  (void) spire_evaluator_get_resource ();
  g_type_ensure (SPIRE_TYPE_REVIEW_FORM);

  object_class->dispose = spire_evaluator_window_dispose;
  window_class->close_request = spire_evaluator_window_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluator/spire-evaluator-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, app_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluatorWindow, review_form);

  gtk_widget_class_install_action (widget_class, "evaluator.export-sheet", NULL, export_sheet_action);
  gtk_widget_class_install_action (widget_class, "evaluator.hide-banner", NULL, hide_banner_action);
  gtk_widget_class_install_action (widget_class, "evaluator.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "evaluator.export-sheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
spire_evaluator_window_init (SpireEvaluatorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->app_list, "row-selected", G_CALLBACK (on_row_selected_cb), self, 0);
}

static gboolean
setup (SpireEvaluatorWindow *self, SpireStore *store, GError **error)
{
  g_autofree char *cohort_uuid = NULL;
  g_autofree char *evaluator = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autofree char *title = NULL;

  if (!spire_package_get_info (store, NULL, &cohort_uuid, &evaluator, error))
    return FALSE;
  self->applications = spire_panel_list_visible_applications (store, evaluator, error);
  if (self->applications == NULL)
    return FALSE;
  cohort = spire_store_get (store, &spire_kind_cohort, cohort_uuid, NULL);
  self->store = g_object_ref (store);
  self->evaluator = g_steal_pointer (&evaluator);
  self->member_name = spire_evaluator_get_name (store, self->evaluator);
  if (self->member_name == NULL || self->member_name[0] == '\0')
    {
      g_free (self->member_name);
      self->member_name = g_strdup (_("Panel member"));
    }
  /* Translators: the evaluator window's title: cohort — panel member */
  title = g_strdup_printf (_("%s — %s"), cohort ? spire_record_get_display_name (cohort) : "",
                           self->member_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title,
                              cohort ? spire_record_get_display_name (cohort) : "");
  adw_window_title_set_subtitle (self->window_title, self->member_name);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  fill_list (self);
  if (self->applications->len > 0)
    gtk_list_box_select_row (self->app_list, gtk_list_box_get_row_at_index (self->app_list, 0));
  return TRUE;
}

/* Public API */

gboolean
spire_evaluator_window_open (GtkApplication *app, GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (SpireStore) store = NULL;
  SpireEvaluatorWindow *self;

  if (path == NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Only packages on this computer can be opened. Save the file locally first."));
      return FALSE;
    }
  store = spire_package_open_file (path, NULL, error);
  if (store == NULL)
    return FALSE;
  self = g_object_new (SPIRE_TYPE_EVALUATOR_WINDOW, "application", app, NULL);
  if (!setup (self, store, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }
  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}

/* Test hooks */

SpireStore *
_spire_evaluator_window_get_store (SpireEvaluatorWindow *self)
{
  return self->store;
}

const char *
_spire_evaluator_window_get_evaluator (SpireEvaluatorWindow *self)
{
  return self->evaluator;
}

SpireReviewForm *
_spire_evaluator_window_get_form (SpireEvaluatorWindow *self)
{
  return self->review_form;
}

guint
_spire_evaluator_window_get_n_applications (SpireEvaluatorWindow *self)
{
  return self->applications ? self->applications->len : 0;
}

gboolean
_spire_evaluator_window_select (SpireEvaluatorWindow *self, const char *application_uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->app_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "spire-uuid"), application_uuid) == 0)
      {
        gtk_list_box_select_row (self->app_list, GTK_LIST_BOX_ROW (child));
        return g_strcmp0 (spire_review_form_get_application (self->review_form),
                          application_uuid) == 0;
      }
  return FALSE;
}

gboolean
_spire_evaluator_window_export_sheet_to (SpireEvaluatorWindow *self, const char *path,
                                         GError **error)
{
  g_autoptr (GError) save_error = NULL;

  if (!spire_review_form_save_now (self->review_form, &save_error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Draft Could Not Be Saved"), save_error);
  if (!spire_package_export_sheet_file (self->store, path, error))
    return FALSE;
  spire_toast_show (GTK_WIDGET (self),
                    _("Score sheet exported; send it to the program manager"));
  return TRUE;
}
