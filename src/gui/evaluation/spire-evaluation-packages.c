/* spire-evaluation-packages.c — the offline packages part: export packages, import score sheets
 *
 * A panel member without Spire gets an evaluation package (a file with
 * what they may see) and sends back a score sheet.  Importing sheets is
 * the core's long work (spire_package_import_sheets_async: each file all
 * or nothing on its own); the part then says what came of each file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-packages.h"
#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "spire-package-row.h"
#include "common/spire-toast.h"

struct _SpireEvaluationPackages
{
  SpireEvaluationPart parent_instance;

  GtkListBox *offline_list;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationPackages, spire_evaluation_packages, SPIRE_TYPE_EVALUATION_PART)

#define STORE(self) spire_evaluation_part_get_store (SPIRE_EVALUATION_PART (self))
#define COHORT(self) spire_evaluation_part_get_cohort_uuid (SPIRE_EVALUATION_PART (self))

static void
spire_evaluation_packages_reload (SpireEvaluationPart *part)
{
  SpireEvaluationPackages *self = SPIRE_EVALUATION_PACKAGES (part);
  g_autoptr (GPtrArray) panel = spire_panel_list (STORE (self), COHORT (self), NULL);

  _spire_evaluation_clear_list (self->offline_list);
  if (panel == NULL || panel->len == 0)
    gtk_list_box_append (self->offline_list,
                         _spire_evaluation_placeholder_row (_("No panel members yet")));
  for (guint i = 0; panel && i < panel->len; i++)
    gtk_list_box_append (self->offline_list, spire_package_row_new (STORE (self), panel->pdata[i]));
}

static void
spire_evaluation_packages_update_actions (SpireEvaluationPart *part)
{
  gboolean has_cohort = spire_evaluation_part_get_cohort_uuid (part) != NULL;
  g_autoptr (SpireRecord) rubric = has_cohort ? spire_rubric_get_for_cohort (
                                                  spire_evaluation_part_get_store (part),
                                                  spire_evaluation_part_get_cohort_uuid (part), NULL)
                                              : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (part), "evaluation.export-package", rubric != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (part), "evaluation.import-sheets", has_cohort);
}

/* Export */

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser, int response,
                               SpireEvaluationPackages *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (chooser), "spire-uuid");
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path && !spire_evaluation_packages_export_to (self, uuid, path, &error))
        spire_error_dialog_show (GTK_WIDGET (self), _("The Package Could Not Be Exported"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_package_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPackages *self = SPIRE_EVALUATION_PACKAGES (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autofree char *who = _spire_evaluation_evaluator_name (STORE (self), uuid);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;

  /* Translators: the default file name of an evaluation package */
  file_name = g_strdup_printf (_("%s – %s.json"), who,
                               spire_record_get_display_name (SPIRE_RECORD (
                                 spire_evaluation_part_get_cohort (SPIRE_EVALUATION_PART (self)))));
  g_strdelimit (file_name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Export Evaluation Package"),
                                         spire_widget_get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The member the file is for: one string, not a struct of widgets. */
  g_object_set_data_full (G_OBJECT (chooser), "spire-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import */

static char *
import_summary (GPtrArray *outcomes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < outcomes->len; i++)
    {
      SpireSheetOutcome *o = outcomes->pdata[i];
      g_autofree char *base = g_path_get_basename (o->path);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      if (o->error == NULL)
        {
          SpireLanguage lang = spire_language_current ();
          g_autofree char *n1 = spire_format_count (o->stats.added, lang);
          g_autofree char *n2 = spire_format_count (o->stats.updated, lang);
          g_autofree char *n3 = spire_format_count (o->stats.unchanged, lang);
          g_autofree char *n4 = spire_format_count (o->stats.kept, lang);

          /* Translators: the outcome of importing one score sheet */
          g_string_append_printf (text,
                                  _("%s: %s new, %s updated, %s unchanged, %s kept as they are here"),
                                  base, n1, n2, n3, n4);
        }
      else
        g_string_append_printf (text, _("%s was not imported: %s"), base, o->error->message);
    }
  return g_string_free (text, FALSE);
}

static void
on_imported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (SpireEvaluationPackages) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) outcomes = spire_package_import_sheets_finish (SPIRE_STORE (source), result,
                                                                       &error);
  g_autofree char *summary = NULL;
  AdwMessageDialog *dialog;

  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self), NULL);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return; /* gone meanwhile */
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (self));
  if (outcomes == NULL)
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("Score Sheets"), error);
      return;
    }
  summary = import_summary (outcomes);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (spire_widget_get_window (GTK_WIDGET (self)),
                                                       _("Score Sheets"), summary));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser, int response,
                               SpireEvaluationPackages *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) f = g_list_model_get_item (files, i);
          char *path = g_file_get_path (f);

          if (path)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      spire_evaluation_packages_import (self, (const char *const *) paths->pdata);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_sheets_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Score Sheets"),
                                         spire_widget_get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Score sheets (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), widget,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Class */

static void
spire_evaluation_packages_dispose (GObject *object)
{
  /* The bin\'s child may be a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_EVALUATION_PACKAGES);
  G_OBJECT_CLASS (spire_evaluation_packages_parent_class)->dispose (object);
}

static void
spire_evaluation_packages_class_init (SpireEvaluationPackagesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpireEvaluationPartClass *part_class = SPIRE_EVALUATION_PART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_evaluation_packages_dispose;
  part_class->reload = spire_evaluation_packages_reload;
  part_class->update_actions = spire_evaluation_packages_update_actions;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-packages.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPackages, offline_list);
  gtk_widget_class_install_action (widget_class, "evaluation.export-package", "s", export_package_action);
  gtk_widget_class_install_action (widget_class, "evaluation.import-sheets", NULL, import_sheets_action);
}

static void
spire_evaluation_packages_init (SpireEvaluationPackages *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
}

/* Public API */

gboolean
spire_evaluation_packages_export_to (SpireEvaluationPackages *self, const char *evaluator_uuid,
                                     const char *path, GError **error)
{
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SPIRE_IS_EVALUATION_PACKAGES (self), FALSE);

  if (!spire_package_export_file (STORE (self), COHORT (self), evaluator_uuid, path, error))
    return FALSE;
  who = _spire_evaluation_evaluator_name (STORE (self), evaluator_uuid);
  text = g_strdup_printf (_("Evaluation package for %s exported"), who);
  spire_toast_show (GTK_WIDGET (self), text);
  return TRUE;
}

void
spire_evaluation_packages_import (SpireEvaluationPackages *self, const char *const *paths)
{
  g_return_if_fail (SPIRE_IS_EVALUATION_PACKAGES (self));

  if (STORE (self) == NULL || spire_evaluation_part_get_busy (SPIRE_EVALUATION_PART (self)))
    return;
  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self), _("Importing score sheets…"));
  spire_package_import_sheets_async (STORE (self), paths, NULL, NULL, NULL, on_imported_cb,
                                     g_object_ref (self));
}
