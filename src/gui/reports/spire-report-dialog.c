/* spire-report-dialog.c — the one export dialog for every report
 *
 * The dialog asks the language (Preferences' report language, else the window's), the options (for
 * a cohort's letters the statuses) and where to write, then writes through
 * core's spire_report_write_async (long work in core's worker: no thread
 * here) with a progress bar; Cancel cancels the writing (core leaves no
 * file).  Letters for a selection are written one after the other into the
 * folder chosen, named by applicant.  When done, a toast on the widget the
 * dialog came from offers to open the file (the folder for letters).
 *
 * Print (its button, Ctrl+P) builds the same reports in the language
 * chosen through core's spire_report_build_async, with the same progress
 * bar and Cancel, then hands the paginated reports to the print dialog
 * (spire-report-print.c): the main thread only draws pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-file-chooser.h"
#include "common/spire-toast.h"
#include "common/spire-widget.h"
#include "preferences/spire-preferences.h"
#include "spire-report-dialog.h"
#include "spire-report-print.h"

GResource *spire_reports_get_resource (void);

struct _SpireReportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *export_button;
  GtkWidget *print_button;
  GtkWidget *form_box;
  AdwComboRow *language_row;
  AdwActionRow *path_row;
  GtkWidget *choose_button;
  GtkWidget *status_group;
  GtkCheckButton *accepted_check;
  GtkCheckButton *waitlisted_check;
  GtkCheckButton *rejected_check;
  GtkCheckButton *ineligible_check;
  GtkProgressBar *progress_bar;

  GtkWidget *from; /* weak: where the toast goes */
  SpireStore *store;
  SpireReportKind kind;
  char *uuid;
  char *name;
  char **applications; /* letters for a selection: their UUIDs … */
  char **applicants;   /* … and the names the files take */
  char *path;

  GCancellable *cancellable; /* while writing or building for print */
  gboolean printing;
  char *print_path;          /* printing to PDF without the print dialog */
  guint next;                /* the selection's next letter */
  GPtrArray *written;
  GHashTable *file_names;    /* the selection's names taken */
};

G_DEFINE_FINAL_TYPE (SpireReportDialog, spire_report_dialog, ADW_TYPE_WINDOW)

static gboolean
writes_folder (SpireReportDialog *self)
{
  return self->kind == SPIRE_REPORT_KIND_LETTERS || self->applications != NULL;
}

static void
update (SpireReportDialog *self)
{
  gboolean writing = self->cancellable != NULL;

  adw_action_row_set_subtitle (self->path_row, self->path ? self->path : _("Not chosen yet"));
  gtk_widget_set_sensitive (self->form_box, !writing);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), writing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", !writing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", !writing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.choose", !writing);
}

/* Where to write */

static void
on_chosen_cb (GtkWidget *self, const char *path)
{
  spire_report_dialog_set_path (SPIRE_REPORT_DIALOG (self), path);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireReportDialog *self = SPIRE_REPORT_DIALOG (widget);
  g_autofree char *name = NULL;

  if (writes_folder (self))
    {
      spire_file_chooser_folder (widget, _("Choose a Folder for the Letters"), _("_Select"),
                                 on_chosen_cb);
      return;
    }
  name = g_strdup_printf ("%s.pdf", self->name ? self->name : "report");
  spire_file_chooser_save (widget, _("Export as PDF"), SPIRE_FILE_FORMAT_PDF, name, on_chosen_cb);
}

/* Done */

static void
show_done_toast (SpireReportDialog *self)
{
  g_autofree char *text = NULL;

  if (self->from == NULL || gtk_widget_get_root (self->from) == NULL)
    return;
  if (writes_folder (self))
    {
      g_autofree char *n_text = spire_format_count (self->written->len, spire_language_current ());

      text = g_strdup_printf (ngettext ("%s letter written", "%s letters written",
                                        self->written->len),
                              n_text);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (self->path);

      text = g_strdup_printf (_("“%s” written"), base);
    }
  spire_toast_show_file (self->from, text, self->path);
}

static void
finish (SpireReportDialog *self, GError *error)
{
  g_clear_object (&self->cancellable);
  /* Destroyed while writing (with its window): nothing to show. */
  if (self->progress_bar == NULL)
    return;
  if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && !g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
    {
      update (self);
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Export the Report"), error);
      return;
    }
  if (error == NULL)
    show_done_toast (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_progress_cb (double fraction, gpointer user_data)
{
  SpireReportDialog *self = user_data;
  double done = fraction;

  if (self->progress_bar == NULL)
    return;
  if (self->applications && !self->printing)
    done = (self->next - 1 + fraction) / g_strv_length (self->applications);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (done, 0.0, 1.0));
}

static void write_next_letter (SpireReportDialog *self);

static void
on_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireReportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = spire_report_write_finish (SPIRE_STORE (source), result, &error);

  if (paths)
    for (guint i = 0; i < paths->len; i++)
      g_ptr_array_add (self->written, g_strdup (paths->pdata[i]));
  if (paths && self->applications && self->applications[self->next] != NULL
      && self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable))
    write_next_letter (self);
  else
    finish (self, error);
}

/* The selection's next letter, as "<applicant>.pdf" ("<applicant> 2.pdf"
 * when two share a name). */
static void
write_next_letter (SpireReportDialog *self)
{
  guint i = self->next++;
  g_autofree char *file_name = spire_report_letter_file_name (self->applicants[i]);
  g_autofree char *path = NULL;

  for (guint n = 2; g_hash_table_contains (self->file_names, file_name); n++)
    {
      g_autofree char *stem = g_strdup_printf ("%s %u", self->applicants[i], n);

      g_free (file_name);
      file_name = spire_report_letter_file_name (stem);
    }
  g_hash_table_add (self->file_names, g_strdup (file_name));
  path = g_build_filename (self->path, file_name, NULL);
  spire_report_write_async (self->store, SPIRE_REPORT_KIND_LETTER, self->applications[i], NULL,
                            spire_report_dialog_get_language (self), path, self->cancellable,
                            on_progress_cb, self, on_written_cb, g_object_ref (self));
}

static GStrv
chosen_statuses (SpireReportDialog *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (gtk_check_button_get_active (self->accepted_check))
    g_strv_builder_add (builder, "accepted");
  if (gtk_check_button_get_active (self->waitlisted_check))
    g_strv_builder_add (builder, "waitlisted");
  if (gtk_check_button_get_active (self->rejected_check))
    g_strv_builder_add (builder, "rejected");
  if (gtk_check_button_get_active (self->ineligible_check))
    g_strv_builder_add (builder, "ineligible");
  return g_strv_builder_end (builder);
}

void
spire_report_dialog_export (SpireReportDialog *self)
{
  g_auto (GStrv) statuses = NULL;

  g_return_if_fail (SPIRE_IS_REPORT_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  if (self->path == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "report.choose", NULL);
      return;
    }
  if (writes_folder (self))
    g_mkdir_with_parents (self->path, 0700);
  self->cancellable = g_cancellable_new ();
  g_ptr_array_set_size (self->written, 0);
  g_hash_table_remove_all (self->file_names);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Writing…"));
  update (self);
  if (self->applications)
    {
      self->next = 0;
      write_next_letter (self);
      return;
    }
  if (self->kind == SPIRE_REPORT_KIND_LETTERS)
    statuses = chosen_statuses (self);
  spire_report_write_async (self->store, self->kind, self->uuid, (const char *const *) statuses,
                            spire_report_dialog_get_language (self), self->path,
                            self->cancellable, on_progress_cb, self, on_written_cb,
                            g_object_ref (self));
}

/* Print */

static void
on_built_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireReportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = spire_report_build_finish (SPIRE_STORE (source), result,
                                                             &error);
  g_autofree char *path = g_steal_pointer (&self->print_path);
  GtkWindow *parent;

  g_clear_object (&self->cancellable);
  self->printing = FALSE;
  /* Destroyed while building (with its window): nothing to print. */
  if (self->progress_bar == NULL)
    return;
  if (reports == NULL)
    {
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      update (self);
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Print the Report"), error);
      return;
    }
  /* The print dialog takes the dialog's place. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (!spire_report_print_reports (parent, reports, path, &error))
    {
      GtkWidget *from = self->from ? self->from : GTK_WIDGET (parent);

      if (from)
        spire_error_dialog_show (from, _("Could Not Print the Report"), error);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
spire_report_dialog_print (SpireReportDialog *self, const char *export_path)
{
  g_auto (GStrv) statuses = NULL;
  const char *one[] = { self->uuid, NULL };

  g_return_if_fail (SPIRE_IS_REPORT_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->printing = TRUE;
  g_free (self->print_path);
  self->print_path = g_strdup (export_path);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Preparing pages…"));
  update (self);
  if (self->kind == SPIRE_REPORT_KIND_LETTERS)
    statuses = chosen_statuses (self);
  spire_report_build_async (self->store, self->kind,
                            self->applications ? (const char *const *) self->applications : one,
                            (const char *const *) statuses,
                            spire_report_dialog_get_language (self), self->cancellable,
                            on_progress_cb, self, on_built_cb, g_object_ref (self));
}

void
spire_report_dialog_cancel (SpireReportDialog *self)
{
  g_return_if_fail (SPIRE_IS_REPORT_DIALOG (self));

  spire_dialog_cancel_or_close (GTK_WINDOW (self), self->cancellable);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  spire_report_dialog_export (SPIRE_REPORT_DIALOG (widget));
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  spire_report_dialog_print (SPIRE_REPORT_DIALOG (widget), NULL);
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  spire_report_dialog_cancel (SPIRE_REPORT_DIALOG (widget));
}

/* GObject */

static gboolean
close_request (GtkWindow *window)
{
  /* Closing while writing cancels; the window goes when core says so. */
  return spire_dialog_close_request_cancels (SPIRE_REPORT_DIALOG (window)->cancellable);
}

static void
spire_report_dialog_dispose (GObject *object)
{
  SpireReportDialog *self = SPIRE_REPORT_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->from);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_REPORT_DIALOG);
  G_OBJECT_CLASS (spire_report_dialog_parent_class)->dispose (object);
}

static void
spire_report_dialog_finalize (GObject *object)
{
  SpireReportDialog *self = SPIRE_REPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->uuid);
  g_free (self->name);
  g_free (self->path);
  g_free (self->print_path);
  g_strfreev (self->applications);
  g_strfreev (self->applicants);
  g_ptr_array_unref (self->written);
  g_hash_table_unref (self->file_names);
  G_OBJECT_CLASS (spire_report_dialog_parent_class)->finalize (object);
}

static void
spire_report_dialog_class_init (SpireReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_report_dialog_dispose;
  object_class->finalize = spire_report_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;

  (void) spire_reports_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/reports/spire-report-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpireReportDialog, name)
  BIND (window_title);
  BIND (export_button);
  BIND (print_button);
  BIND (form_box);
  BIND (language_row);
  BIND (path_row);
  BIND (choose_button);
  BIND (status_group);
  BIND (accepted_check);
  BIND (waitlisted_check);
  BIND (rejected_check);
  BIND (ineligible_check);
  BIND (progress_bar);
#undef BIND

  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "report.choose", NULL, choose_action);
}

static void
spire_report_dialog_init (SpireReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* its choices whole at 360 px, the title wrapping beside them */
  spire_combo_row_show_value_whole (self->language_row);
  self->written = g_ptr_array_new_with_free_func (g_free);
  self->file_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  spire_report_dialog_set_language (self, spire_preferences_get_report_language ());
}

/* Public API */

static const char *
kind_title (SpireReportKind kind)
{
  switch (kind)
    {
    case SPIRE_REPORT_KIND_COHORT:
      return _("Export Cohort Report");
    case SPIRE_REPORT_KIND_LETTER:
    case SPIRE_REPORT_KIND_LETTERS:
      return _("Export Feedback Letters");
    case SPIRE_REPORT_KIND_IMPACT:
      return _("Export Impact Report");
    case SPIRE_REPORT_KIND_REFERENCE:
      return _("Export Reference Sheet");
    default:
      g_return_val_if_reached (NULL);
    }
}

static SpireReportDialog *
dialog_new (GtkWidget *from, SpireStore *store, SpireReportKind kind)
{
  SpireReportDialog *self = g_object_new (SPIRE_TYPE_REPORT_DIALOG, NULL);

  g_set_weak_pointer (&self->from, from);
  self->store = g_object_ref (store);
  self->kind = kind;
  gtk_window_set_transient_for (GTK_WINDOW (self), spire_widget_get_window (from));
  gtk_window_set_title (GTK_WINDOW (self), kind_title (kind));
  adw_window_title_set_title (self->window_title, kind_title (kind));
  return self;
}

SpireReportDialog *
spire_report_dialog_new (GtkWidget *from, SpireStore *store, SpireReportKind kind,
                         const char *uuid, const char *name)
{
  SpireReportDialog *self;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  self = dialog_new (from, store, kind);
  self->uuid = g_strdup (uuid);
  self->name = g_strdup (name);
  adw_window_title_set_subtitle (self->window_title, name ? name : "");
  gtk_widget_set_visible (self->status_group, kind == SPIRE_REPORT_KIND_LETTERS);
  update (self);
  return self;
}

SpireReportDialog *
spire_report_dialog_new_letters (GtkWidget *from, SpireStore *store,
                                 const char *const *application_uuids,
                                 const char *const *applicants)
{
  SpireReportDialog *self;
  guint n;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (application_uuids != NULL && applicants != NULL, NULL);
  n = g_strv_length ((char **) application_uuids);
  g_return_val_if_fail (n > 0 && n == g_strv_length ((char **) applicants), NULL);

  self = dialog_new (from, store, SPIRE_REPORT_KIND_LETTER);
  self->applications = g_strdupv ((char **) application_uuids);
  self->applicants = g_strdupv ((char **) applicants);
  if (n == 1)
    subtitle = g_strdup (applicants[0]);
  else
    {
      g_autofree char *n_text = spire_format_count (n, spire_language_current ());

      subtitle = g_strdup_printf (ngettext ("%s applicant", "%s applicants", n), n_text);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);
  update (self);
  return self;
}

void
spire_report_dialog_set_language (SpireReportDialog *self, SpireLanguage lang)
{
  g_return_if_fail (SPIRE_IS_REPORT_DIALOG (self));

  spire_language_row_set_language (self->language_row, lang);
}

SpireLanguage
spire_report_dialog_get_language (SpireReportDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_REPORT_DIALOG (self), SPIRE_LANGUAGE_EN);
  return spire_language_row_get_language (self->language_row);
}

void
spire_report_dialog_set_path (SpireReportDialog *self, const char *path)
{
  g_return_if_fail (SPIRE_IS_REPORT_DIALOG (self));

  g_free (self->path);
  self->path = g_strdup (path);
  update (self);
}

const char *
spire_report_dialog_get_path (SpireReportDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_REPORT_DIALOG (self), NULL);
  return self->path;
}

void
spire_report_dialog_set_statuses (SpireReportDialog *self, const char *const *statuses)
{
  g_return_if_fail (SPIRE_IS_REPORT_DIALOG (self));

  gtk_check_button_set_active (self->accepted_check,
                               g_strv_contains (statuses, "accepted"));
  gtk_check_button_set_active (self->waitlisted_check,
                               g_strv_contains (statuses, "waitlisted"));
  gtk_check_button_set_active (self->rejected_check, g_strv_contains (statuses, "rejected"));
  gtk_check_button_set_active (self->ineligible_check,
                               g_strv_contains (statuses, "ineligible"));
}

gboolean
spire_report_dialog_get_writing (SpireReportDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_REPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
