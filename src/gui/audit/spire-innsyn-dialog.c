/* spire-innsyn-dialog.c — answer an innsyn request from the window
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": the request is
 * recorded (who asked, when it was received) and answered with the
 * requested documents as a PDF in the chosen language, every confidential
 * field replaced by the mark of its legal basis.  All of that is core's
 * spire_innsyn_export_async (long work in core's worker: no thread here),
 * with a progress bar; Cancel cancels it (core leaves no file and records
 * nothing).  When done, a toast on the widget the dialog came from offers
 * to open the file.  The date is checked as it is typed: Export waits for
 * a real day that is not after today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-innsyn-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "common/spire-error-dialog.h"
#include "common/spire-file-chooser.h"
#include "common/spire-toast.h"
#include "common/spire-widget.h"
#include "spire-innsyn-dialog.h"

GResource *spire_audit_get_resource (void);

struct _SpireInnsynDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *form_box;
  AdwEntryRow *requester_row;
  AdwEntryRow *received_row;
  AdwComboRow *language_row;
  AdwActionRow *path_row;
  GtkProgressBar *progress_bar;

  GtkWidget *from; /* weak: where the toast goes */
  SpireStore *store;
  char *application;
  char *cohort;
  char *name;
  char *path;
  GCancellable *cancellable; /* while writing */
};

G_DEFINE_FINAL_TYPE (SpireInnsynDialog, spire_innsyn_dialog, ADW_TYPE_WINDOW)

/* The day typed, when it is a real day and not after today. */
static gboolean
received_is_valid (SpireInnsynDialog *self)
{
  const char *day = gtk_editable_get_text (GTK_EDITABLE (self->received_row));
  g_autofree char *today = spire_today ();

  return spire_date_is_valid (day) && strcmp (day, today) <= 0;
}

static void
update (SpireInnsynDialog *self)
{
  gboolean writing = self->cancellable != NULL;
  gboolean valid = received_is_valid (self);

  adw_action_row_set_subtitle (self->path_row, self->path ? self->path : _("Not chosen yet"));
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->received_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->received_row), "error");
  gtk_widget_set_sensitive (self->form_box, !writing);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), writing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "innsyn.export", !writing && valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "innsyn.choose", !writing);
}

static void
on_received_changed_cb (SpireInnsynDialog *self)
{
  update (self);
}

/* Where to write */

static void
on_chosen_cb (GtkWidget *self, const char *path)
{
  spire_innsyn_dialog_set_path (SPIRE_INNSYN_DIALOG (self), path);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireInnsynDialog *self = SPIRE_INNSYN_DIALOG (widget);
  /* TRANSLATORS: the file name proposed for an innsyn answer; %s names
   * the application or the cohort */
  g_autofree char *name = g_strdup_printf (_("Innsyn %s.pdf"), self->name ? self->name : "");

  spire_file_chooser_save (widget, _("Export as PDF"), SPIRE_FILE_FORMAT_PDF, name, on_chosen_cb);
}

/* Done */

static void
show_done_toast (SpireInnsynDialog *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *text = NULL;

  if (self->from == NULL || gtk_widget_get_root (self->from) == NULL)
    return;
  /* TRANSLATORS: %s is the PDF's file name */
  text = g_strdup_printf (_("Innsyn answered and recorded: “%s”"), base);
  spire_toast_show_file (self->from, text, self->path);
}

static void
on_progress_cb (double fraction, gpointer user_data)
{
  SpireInnsynDialog *self = user_data;

  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireInnsynDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = spire_innsyn_export_finish (SPIRE_STORE (source), result, &error);

  g_clear_object (&self->cancellable);
  /* Destroyed while writing (with its window): nothing to show. */
  if (self->progress_bar == NULL)
    return;
  if (error && !g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
    {
      update (self);
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Answer the Innsyn Request"),
                               error);
      return;
    }
  if (uuid != NULL)
    show_done_toast (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
spire_innsyn_dialog_export (SpireInnsynDialog *self)
{
  g_autofree char *requester = NULL;
  SpireInnsynParams request = { 0 };

  g_return_if_fail (SPIRE_IS_INNSYN_DIALOG (self));

  if (self->cancellable != NULL || !received_is_valid (self))
    return;
  if (self->path == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "innsyn.choose", NULL);
      return;
    }
  requester = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->requester_row))));
  request.application = self->application;
  request.cohort = self->cohort;
  request.requester = requester[0] ? requester : NULL;
  request.received_on = gtk_editable_get_text (GTK_EDITABLE (self->received_row));
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Writing…"));
  update (self);
  spire_innsyn_export_async (self->store, &request, spire_innsyn_dialog_get_language (self),
                             self->path, self->cancellable, on_progress_cb, self,
                             on_exported_cb, g_object_ref (self));
}

void
spire_innsyn_dialog_cancel (SpireInnsynDialog *self)
{
  g_return_if_fail (SPIRE_IS_INNSYN_DIALOG (self));

  spire_dialog_cancel_or_close (GTK_WINDOW (self), self->cancellable);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  spire_innsyn_dialog_export (SPIRE_INNSYN_DIALOG (widget));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  spire_innsyn_dialog_cancel (SPIRE_INNSYN_DIALOG (widget));
}

/* GObject */

static gboolean
close_request (GtkWindow *window)
{
  /* Closing while writing cancels; the window goes when core says so. */
  return spire_dialog_close_request_cancels (SPIRE_INNSYN_DIALOG (window)->cancellable);
}

static void
spire_innsyn_dialog_dispose (GObject *object)
{
  SpireInnsynDialog *self = SPIRE_INNSYN_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->from);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_INNSYN_DIALOG);
  G_OBJECT_CLASS (spire_innsyn_dialog_parent_class)->dispose (object);
}

static void
spire_innsyn_dialog_finalize (GObject *object)
{
  SpireInnsynDialog *self = SPIRE_INNSYN_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->application);
  g_free (self->cohort);
  g_free (self->name);
  g_free (self->path);
  G_OBJECT_CLASS (spire_innsyn_dialog_parent_class)->finalize (object);
}

static void
spire_innsyn_dialog_class_init (SpireInnsynDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_innsyn_dialog_dispose;
  object_class->finalize = spire_innsyn_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;

  (void) spire_audit_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/audit/spire-innsyn-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpireInnsynDialog, name)
  BIND (window_title);
  BIND (form_box);
  BIND (requester_row);
  BIND (received_row);
  BIND (language_row);
  BIND (path_row);
  BIND (progress_bar);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_received_changed_cb);

  gtk_widget_class_install_action (widget_class, "innsyn.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "innsyn.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "innsyn.choose", NULL, choose_action);
}

static void
spire_innsyn_dialog_init (SpireInnsynDialog *self)
{
  g_autofree char *today = spire_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* its choices whole at 360 px, the title wrapping beside them */
  spire_combo_row_show_value_whole (self->language_row);
  spire_innsyn_dialog_set_language (self, spire_language_current ());
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), today);
}

/* Public API */

static SpireInnsynDialog *
dialog_new (GtkWidget *from, SpireStore *store, const char *name)
{
  SpireInnsynDialog *self = g_object_new (SPIRE_TYPE_INNSYN_DIALOG, NULL);

  g_set_weak_pointer (&self->from, from);
  self->store = g_object_ref (store);
  self->name = g_strdup (name);
  gtk_window_set_transient_for (GTK_WINDOW (self), spire_widget_get_window (from));
  adw_window_title_set_subtitle (self->window_title, name ? name : "");
  return self;
}

SpireInnsynDialog *
spire_innsyn_dialog_new_application (GtkWidget *from, SpireStore *store,
                                     const char *application_uuid, const char *name)
{
  SpireInnsynDialog *self;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (application_uuid != NULL, NULL);

  self = dialog_new (from, store, name);
  self->application = g_strdup (application_uuid);
  update (self);
  return self;
}

SpireInnsynDialog *
spire_innsyn_dialog_new_cohort (GtkWidget *from, SpireStore *store, const char *cohort_uuid,
                                const char *name)
{
  SpireInnsynDialog *self;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);

  self = dialog_new (from, store, name);
  self->cohort = g_strdup (cohort_uuid);
  update (self);
  return self;
}

void
spire_innsyn_dialog_set_requester (SpireInnsynDialog *self, const char *requester)
{
  g_return_if_fail (SPIRE_IS_INNSYN_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->requester_row), requester ? requester : "");
}

void
spire_innsyn_dialog_set_received_on (SpireInnsynDialog *self, const char *day)
{
  g_return_if_fail (SPIRE_IS_INNSYN_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), day ? day : "");
}

void
spire_innsyn_dialog_set_language (SpireInnsynDialog *self, SpireLanguage lang)
{
  g_return_if_fail (SPIRE_IS_INNSYN_DIALOG (self));

  spire_language_row_set_language (self->language_row, lang);
}

SpireLanguage
spire_innsyn_dialog_get_language (SpireInnsynDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_INNSYN_DIALOG (self), SPIRE_LANGUAGE_EN);
  return spire_language_row_get_language (self->language_row);
}

void
spire_innsyn_dialog_set_path (SpireInnsynDialog *self, const char *path)
{
  g_return_if_fail (SPIRE_IS_INNSYN_DIALOG (self));

  g_free (self->path);
  self->path = g_strdup (path);
  update (self);
}

const char *
spire_innsyn_dialog_get_path (SpireInnsynDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_INNSYN_DIALOG (self), NULL);
  return self->path;
}

gboolean
spire_innsyn_dialog_get_writing (SpireInnsynDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_INNSYN_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
