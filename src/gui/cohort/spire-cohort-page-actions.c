/* spire-cohort-page-actions.c — what can be done on the cohort page
 *
 * The page's actions: change the status of the selection through the one
 * SpireDecisionDialog (cohort.change-status, cohort.set-status), edit, add
 * and delete applications (deletes through spire_delete_with_undo), the
 * filters (the status tiles, the empty list's button, tests) and the CSV
 * export (cohort.export-csv asks where, cohort.export-csv-to writes); the
 * reports (cohort.export-report, cohort.export-letters for the cohort by
 * status, cohort.export-selected-letters for the selection, cohort.print
 * for the cohort report through the print dialog; src/gui/reports/);
 * innsyn for the cohort or the application selected (cohort.innsyn,
 * cohort.innsyn-application; src/gui/audit/).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-decision-dialog.h"
#include "common/spire-widget.h"
#include "common/spire-toast.h"
#include "common/spire-undo.h"
#include "spire-cohort-export.h"
#include "spire-cohort-page-private.h"

#include "../audit/spire-innsyn-dialog.h"
#include "../records/spire-record-editor.h"
#include "../reports/spire-report-dialog.h"
#include "../reports/spire-report-print.h"

/* Changing the status of the selection */

static void
on_decision_dialog_response_cb (SpireDecisionDialog *dialog, const char *response,
                                SpireCohortPage *self)
{
  g_autofree char *text = NULL;
  guint n;

  if (g_strcmp0 (response, "apply") != 0 || self->store == NULL)
    return;
  n = spire_decision_dialog_get_n_changing (dialog);
  if (!spire_decision_dialog_decide (dialog, GTK_WIDGET (self)))
    return;
  {
    g_autofree char *n_text = spire_format_count (n, spire_language_current ());

    text = g_strdup_printf (ngettext ("Status of %s application changed",
                                      "Status of %s applications changed", n),
                            n_text);
  }
  spire_toast_show (GTK_WIDGET (self), text);
}

/* Opens the decision dialog for the selection, with @status chosen (NULL:
 * the first application's). */
static void
open_decision_dialog (SpireCohortPage *self, const char *status)
{
  g_autoptr (GPtrArray) apps = spire_application_list_get_selected (self->list);
  g_autoptr (GStrvBuilder) uuids = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) statuses = g_strv_builder_new ();
  g_auto (GStrv) uuidv = NULL;
  g_auto (GStrv) statusv = NULL;
  SpireDecisionDialog *dialog;

  if (apps->len == 0 || self->store == NULL)
    return;
  if (self->decision_dialog)
    gtk_window_destroy (GTK_WINDOW (self->decision_dialog));
  for (guint i = 0; i < apps->len; i++)
    {
      const char *status_now = spire_record_get_text (apps->pdata[i], "status");

      g_strv_builder_add (uuids, spire_record_get_uuid (apps->pdata[i]));
      g_strv_builder_add (statuses, status_now ? status_now : "");
    }
  uuidv = g_strv_builder_end (uuids);
  statusv = g_strv_builder_end (statuses);
  dialog = spire_decision_dialog_new (GTK_WIDGET (self), self->store,
                                      self->cohort ? spire_record_get_uuid (SPIRE_RECORD (self->cohort))
                                                   : NULL,
                                      (const char *const *) uuidv, (const char *const *) statusv,
                                      NULL);
  if (status)
    spire_decision_dialog_set_status (dialog, status);
  g_set_weak_pointer (&self->decision_dialog, dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_decision_dialog_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_decision_dialog (SPIRE_COHORT_PAGE (widget), NULL);
}

static void
set_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_decision_dialog (SPIRE_COHORT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* Editing, deleting, adding */

static void
edit_application_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GPtrArray) apps = spire_application_list_get_selected (self->list);

  if (apps->len == 1 && self->store)
    spire_record_editor_present (spire_widget_get_window (GTK_WIDGET (self)), self->store, &spire_kind_application,
                                 apps->pdata[0], NULL);
}

void
_spire_cohort_page_edit (SpireCohortPage *self, SpireRecord *app)
{
  if (self->store)
    spire_record_editor_present (spire_widget_get_window (GTK_WIDGET (self)), self->store, &spire_kind_application, app,
                                 NULL);
}

static void
new_application_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GHashTable) defaults = NULL;

  if (self->store == NULL || self->cohort == NULL)
    return;
  defaults = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (defaults, (gpointer) "cohort",
                       (gpointer) spire_record_get_uuid (SPIRE_RECORD (self->cohort)));
  spire_record_editor_present (spire_widget_get_window (GTK_WIDGET (self)), self->store, &spire_kind_application, NULL,
                               defaults);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog, const char *response,
                              SpireCohortPage *self)
{
  GPtrArray *apps = g_object_get_data (G_OBJECT (dialog), "spire-applications");

  if (g_strcmp0 (response, "delete") == 0 && self->store != NULL)
    spire_delete_with_undo (GTK_WIDGET (self), self->store, apps);
}

static void
delete_applications_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GPtrArray) apps = spire_application_list_get_selected (self->list);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (apps->len == 0 || self->store == NULL)
    return;
  if (apps->len == 1)
    {
      /* One at a time: the toast's Undo is enough. */
      spire_delete_with_undo (widget, self->store, apps);
      return;
    }
  {
    g_autofree char *n_text = spire_format_count (apps->len, spire_language_current ());

    heading = g_strdup_printf (ngettext ("Delete %s Application?", "Delete %s Applications?",
                                         apps->len),
                               n_text);
  }
  dialog = adw_message_dialog_new (spire_widget_get_window (GTK_WIDGET (self)), heading,
                                   _("Their decisions and reviews may keep them from being "
                                     "deleted; then none is deleted and you will be told why."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The records the question is about, kept with the question. */
  g_object_set_data_full (G_OBJECT (dialog), "spire-applications", g_ptr_array_ref (apps),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Filters as actions (the tiles, the empty list's button, tests) */

static void
toggle_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  const char *status = g_variant_get_string (parameter, NULL);

  _spire_cohort_page_set_status_filter (self, g_strcmp0 (status, spire_application_list_get_status_filter (self->list)) == 0
                             ? NULL
                             : status);
}

static void
filter_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _spire_cohort_page_set_status_filter (SPIRE_COHORT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
filter_challenge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GVariant *maybe = g_variant_get_maybe (parameter);

  _spire_cohort_page_set_challenge_filter (SPIRE_COHORT_PAGE (widget),
                        maybe ? g_variant_get_string (maybe, NULL) : NULL);
  g_clear_pointer (&maybe, g_variant_unref);
}

static void
clear_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);

  _spire_cohort_page_set_status_filter (self, NULL);
  _spire_cohort_page_set_challenge_filter (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Export as CSV */

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (source);

  spire_cohort_export_finish (GTK_WIDGET (self), result);
  self->exporting--;
  if (self->exporting == 0)
    g_object_notify (G_OBJECT (self), "exporting");
}

static void
export_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);

  if (self->cohort != NULL)
    spire_cohort_export_choose (widget,
                                spire_record_get_display_name (SPIRE_RECORD (self->cohort)));
}

/* What the list shows, to the file at the path given. */
static void
export_csv_to_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);

  if (self->exporting++ == 0)
    g_object_notify (G_OBJECT (self), "exporting");
  /* Every row the list will show, not only those in so far. */
  spire_application_list_complete_fill (self->list);
  spire_cohort_export_async (widget, self->list, g_variant_get_string (parameter, NULL),
                             export_done_cb, NULL);
}

/* Reports (PDF and print) */

static void
present_report_dialog (SpireCohortPage *self, SpireReportKind kind)
{
  SpireReportDialog *dialog;

  if (self->cohort == NULL || self->store == NULL)
    return;
  dialog = spire_report_dialog_new (GTK_WIDGET (self), self->store, kind,
                                    spire_record_get_uuid (SPIRE_RECORD (self->cohort)),
                                    spire_record_get_display_name (SPIRE_RECORD (self->cohort)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  present_report_dialog (SPIRE_COHORT_PAGE (widget), SPIRE_REPORT_KIND_COHORT);
}

static void
export_letters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  present_report_dialog (SPIRE_COHORT_PAGE (widget), SPIRE_REPORT_KIND_LETTERS);
}

/* One letter per selected application, named by its startup. */
static void
export_selected_letters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GPtrArray) apps = spire_application_list_get_selected (self->list);
  g_autoptr (GStrvBuilder) uuids = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) uuidv = NULL;
  g_auto (GStrv) namev = NULL;
  SpireReportDialog *dialog;

  if (apps->len == 0 || self->store == NULL)
    return;
  for (guint i = 0; i < apps->len; i++)
    {
      g_autofree char *name = spire_application_list_cell_text (self->list, apps->pdata[i],
                                                                SPIRE_APPLICATION_COLUMN_STARTUP);

      g_strv_builder_add (uuids, spire_record_get_uuid (apps->pdata[i]));
      g_strv_builder_add (names, name);
    }
  uuidv = g_strv_builder_end (uuids);
  namev = g_strv_builder_end (names);
  dialog = spire_report_dialog_new_letters (widget, self->store, (const char *const *) uuidv,
                                            (const char *const *) namev);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Innsyn (src/gui/audit/): for the cohort, or for the one application
 * selected. */
static void
innsyn_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  SpireInnsynDialog *dialog = NULL;

  if (self->cohort == NULL || self->store == NULL)
    return;
  if (g_str_equal (action_name, "cohort.innsyn"))
    dialog = spire_innsyn_dialog_new_cohort (
      widget, self->store, spire_record_get_uuid (SPIRE_RECORD (self->cohort)),
      spire_record_get_display_name (SPIRE_RECORD (self->cohort)));
  else
    {
      g_autoptr (GPtrArray) apps = spire_application_list_get_selected (self->list);
      g_autofree char *name = NULL;

      if (apps->len != 1)
        return;
      name = spire_application_list_cell_text (self->list, apps->pdata[0],
                                               SPIRE_APPLICATION_COLUMN_STARTUP);
      dialog = spire_innsyn_dialog_new_application (widget, self->store,
                                                    spire_record_get_uuid (apps->pdata[0]), name);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The cohort report through the print dialog; with a path (tests), to
 * that PDF without a dialog. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);

  if (self->cohort == NULL || self->store == NULL)
    return;
  spire_report_print (widget, self->store, SPIRE_REPORT_KIND_COHORT,
                      spire_record_get_uuid (SPIRE_RECORD (self->cohort)),
                      g_str_equal (action_name, "cohort.print-to")
                        ? g_variant_get_string (parameter, NULL)
                        : NULL);
}

void
_spire_cohort_page_class_install_actions (GtkWidgetClass *widget_class)
{
  /* Ctrl+N is the window's (new cohort): a new application has the page's
   * "+" button and this action. */
  gtk_widget_class_install_action (widget_class, "win.new-application", NULL,
                                   new_application_action);
  gtk_widget_class_install_action (widget_class, "cohort.edit-application", NULL,
                                   edit_application_action);
  gtk_widget_class_install_action (widget_class, "cohort.change-status", NULL,
                                   change_status_action);
  /* The same dialog, with the new status already chosen. */
  gtk_widget_class_install_action (widget_class, "cohort.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "cohort.delete-applications", NULL,
                                   delete_applications_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-csv-to", "s",
                                   export_csv_to_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-report", NULL,
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-letters", NULL,
                                   export_letters_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-selected-letters", NULL,
                                   export_selected_letters_action);
  gtk_widget_class_install_action (widget_class, "cohort.innsyn", NULL, innsyn_action);
  gtk_widget_class_install_action (widget_class, "cohort.innsyn-application", NULL,
                                   innsyn_action);
  /* Ctrl+P reaches it through win.print. */
  gtk_widget_class_install_action (widget_class, "cohort.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "cohort.print-to", "s", print_action);
  gtk_widget_class_install_action (widget_class, "cohort.toggle-status", "s",
                                   toggle_status_action);
  /* A status value, "" for all. */
  gtk_widget_class_install_action (widget_class, "cohort.filter-status", "s",
                                   filter_status_action);
  /* A challenge UUID, "" for applications without one, nothing for all. */
  gtk_widget_class_install_action (widget_class, "cohort.filter-challenge", "ms",
                                   filter_challenge_action);
  gtk_widget_class_install_action (widget_class, "cohort.clear-filters", NULL,
                                   clear_filters_action);
}
