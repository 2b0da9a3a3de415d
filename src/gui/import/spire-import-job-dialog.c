/* spire-import-job-dialog.c — a file imported in one go
 *
 * Brønnøysund JSON (asks how to take the units), a Spire backup (asks
 * before merging) and a score sheet (imported at once).  The import is
 * core's _async of each (spire-import-jobs.h, spire_package_import_sheets_async),
 * on a connection of its own; then the dialog tells what was done, or why
 * nothing was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-import"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-widget.h"
#include "spire-import-job-dialog.h"
#include "spire-import-dialog-private.h"
#include "spire-import-resources.h"

struct _SpireImportJobDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *run_button;
  GtkWidget *close_button;
  GtkStack *stack;
  AdwStatusPage *ask_page;
  GtkWidget *as_group;
  AdwComboRow *as_row;
  AdwStatusPage *working_page;
  GtkProgressBar *progress_bar;
  GtkWidget *stop_button;
  AdwStatusPage *result_page;
  GtkListBox *details_list;

  SpireImportKind kind;
  SpireStore *store;
  GFile *file;
  char *name;

  gboolean running;
  gboolean succeeded;
  GCancellable *cancellable;
  guint pulse_source;
  GPtrArray *details;     /* the result's detail lines */
  gboolean disposed;
};

G_DEFINE_FINAL_TYPE (SpireImportJobDialog, spire_import_job_dialog, ADW_TYPE_WINDOW)

/* What the import did, for show_success. */
typedef struct
{
  SpireImportKind kind;
  SpireBrregStats brreg;
  SpireImportStats backup;
  SpireSheetStats sheet;
} Job;

static void
job_clear (Job *job)
{
  spire_brreg_stats_clear (&job->brreg);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

static void
update_actions (SpireImportJobDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean asking = g_strcmp0 (page, "ask") == 0;
  gboolean done = g_strcmp0 (page, "result") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-job.run",
                                 asking && !self->running && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-job.cancel",
                                 self->running && self->cancellable != NULL
                                 && self->kind == SPIRE_IMPORT_KIND_BACKUP);
  gtk_widget_set_visible (self->run_button, asking);
  gtk_widget_set_visible (self->cancel_button, asking);
  gtk_widget_set_visible (self->close_button, done);
  gtk_widget_set_visible (self->stop_button, self->kind == SPIRE_IMPORT_KIND_BACKUP);
  gtk_window_set_deletable (GTK_WINDOW (self), !self->running);
  /* Enter imports (not Cancel, where GTK put the focus), then closes */
  spire_window_set_default_button (GTK_WINDOW (self), asking ? self->run_button
                                                      : done ? self->close_button : NULL);
}

static void
on_job_progress_cb (double fraction, gpointer user_data)
{
  SpireImportJobDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static gboolean
pulse_cb (gpointer user_data)
{
  SpireImportJobDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
add_detail (SpireImportJobDialog *self, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_append (self->details_list, label);
  gtk_widget_set_visible (GTK_WIDGET (self->details_list), TRUE);
  g_ptr_array_add (self->details, g_strdup (text));
}

static void
set_result (SpireImportJobDialog *self, gboolean ok, const char *title, const char *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  self->succeeded = ok;
  adw_status_page_set_icon_name (self->result_page,
                                 ok ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
show_success (SpireImportJobDialog *self, Job *job)
{
  SpireLanguage lang = spire_language_current ();
  g_autofree char *counts = NULL;
  g_autofree char *n1 = NULL;
  g_autofree char *n2 = NULL;
  g_autofree char *n3 = NULL;

  switch (job->kind)
    {
    case SPIRE_IMPORT_KIND_BRREG:
      /* Translators: what an import from Enhetsregisteret did */
      n1 = spire_format_count (job->brreg.created, lang);
      n2 = spire_format_count (job->brreg.updated, lang);
      n3 = spire_format_count (job->brreg.unchanged, lang);
      counts = g_strdup_printf (_("Created: %s · Updated: %s · Unchanged: %s"), n1, n2, n3);
      set_result (self, TRUE, _("Imported from Enhetsregisteret"), counts);
      for (guint i = 0; job->brreg.deleted && i < job->brreg.deleted->len; i++)
        {
          SpireBrregNote *note = g_ptr_array_index (job->brreg.deleted, i);
          g_autofree char *orgnr = spire_format_orgnr (note->orgnr);
          g_autofree char *text = g_strdup_printf (
              _("%s (%s) is deleted in the register and was not imported"), note->name, orgnr);

          add_detail (self, text);
        }
      for (guint i = 0; job->brreg.notes && i < job->brreg.notes->len; i++)
        {
          SpireBrregNote *note = g_ptr_array_index (job->brreg.notes, i);

          add_detail (self, note->message);
        }
      break;

    case SPIRE_IMPORT_KIND_BACKUP:
      n1 = spire_format_count (job->backup.added, lang);
      n2 = spire_format_count (job->backup.updated, lang);
      n3 = spire_format_count (job->backup.unchanged, lang);
      counts = g_strdup_printf (_("Added: %s · Updated: %s · Unchanged: %s"), n1, n2, n3);
      set_result (self, TRUE, _("Backup Merged"), counts);
      break;

    case SPIRE_IMPORT_KIND_SHEET:
      n1 = spire_format_count (job->sheet.added, lang);
      n2 = spire_format_count (job->sheet.updated, lang);
      n3 = spire_format_count (job->sheet.unchanged, lang);
      counts = g_strdup_printf (_("Reviews added: %s · Updated: %s · Unchanged: %s"), n1, n2, n3);
      set_result (self, TRUE, _("Score Sheet Imported"), counts);
      if (job->sheet.kept > 0)
        {
          g_autofree char *n_kept = spire_format_count (job->sheet.kept, lang);
          g_autofree char *kept = g_strdup_printf (
              ngettext ("%s review was changed here after the sheet was made and is left as it is",
                        "%s reviews were changed here after the sheet was made and are left as "
                        "they are",
                        job->sheet.kept),
              n_kept);
          add_detail (self, kept);
        }
      break;

    default:
      break;
    }
}

/* Reads what the import of @self->kind did; FALSE with @error when nothing was. */
static gboolean
finish_job (SpireImportJobDialog *self, SpireStore *store, GAsyncResult *result, Job *job,
            GError **error)
{
  switch (self->kind)
    {
    case SPIRE_IMPORT_KIND_BRREG:
      return spire_brreg_import_file_finish (store, result, &job->brreg, error);
    case SPIRE_IMPORT_KIND_BACKUP:
      return spire_exchange_import_file_finish (store, result, &job->backup, error);
    case SPIRE_IMPORT_KIND_SHEET:
      {
        g_autoptr (GPtrArray) outcomes = spire_package_import_sheets_finish (store, result, error);
        SpireSheetOutcome *outcome;

        if (outcomes == NULL || outcomes->len == 0)
          return FALSE;
        outcome = g_ptr_array_index (outcomes, 0);
        if (outcome->error)
          {
            g_propagate_error (error, g_error_copy (outcome->error));
            return FALSE;
          }
        job->sheet = outcome->stats;
        return TRUE;
      }
    default:
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_FAILED,
                           _("Spire does not know this kind of file"));
      return FALSE;
    }
}

static void
on_job_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireImportJobDialog) self = user_data;
  g_auto (Job) job = { self->kind };
  g_autoptr (GError) error = NULL;
  gboolean ok = finish_job (self, SPIRE_STORE (source), result, &job, &error);

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->disposed)
    return;

  if (ok)
    show_success (self, &job);
  else
    set_result (self, FALSE, _("Nothing Was Imported"), error->message);
  update_actions (self);
}

static SpireBrregAs
brreg_as (SpireImportJobDialog *self)
{
  switch (adw_combo_row_get_selected (self->as_row))
    {
    case 1:
      return SPIRE_BRREG_AS_STARTUPS;
    case 2:
      return SPIRE_BRREG_AS_PUBLIC_BODIES;
    default:
      return SPIRE_BRREG_AS_AUTO;
    }
}

static void
run_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireImportJobDialog *self = SPIRE_IMPORT_JOB_DIALOG (widget);
  g_autofree char *path = NULL;

  if (self->running || self->store == NULL || self->file == NULL)
    return;

  path = g_file_get_path (self->file);
  if (path == NULL || (self->kind != SPIRE_IMPORT_KIND_BACKUP && self->kind != SPIRE_IMPORT_KIND_SHEET
                       && self->kind != SPIRE_IMPORT_KIND_BRREG))
    {
      set_result (self, FALSE, _("Nothing Was Imported"), _("Spire does not know this kind of file"));
      update_actions (self);
      return;
    }
  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "working");
  update_actions (self);

  switch (self->kind)
    {
    case SPIRE_IMPORT_KIND_BACKUP:
      spire_exchange_import_file_async (self->store, path, self->cancellable,
                                        on_job_progress_cb, self, on_job_done_cb,
                                        g_object_ref (self));
      break;
    case SPIRE_IMPORT_KIND_SHEET:
      {
        const char *paths[] = { path, NULL };

        self->pulse_source = g_timeout_add (100, pulse_cb, self);
        spire_package_import_sheets_async (self->store, paths, self->cancellable, NULL, NULL,
                                           on_job_done_cb, g_object_ref (self));
      }
      break;
    case SPIRE_IMPORT_KIND_BRREG:
    default:
      self->pulse_source = g_timeout_add (100, pulse_cb, self);
      spire_brreg_import_file_async (self->store, path, brreg_as (self), self->cancellable,
                                     on_job_done_cb, g_object_ref (self));
      break;
    }
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireImportJobDialog *self = SPIRE_IMPORT_JOB_DIALOG (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

/* Escape closes; while a backup merges it stops the merge, as the Stop
 * button does (Escape went to "window.close", which is off while the
 * window may not be closed: it did nothing, and Stop had no focus).  The
 * other imports cannot be stopped and are waited for. */
static void
escape_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireImportJobDialog *self = SPIRE_IMPORT_JOB_DIALOG (widget);

  if (!self->running)
    gtk_window_close (GTK_WINDOW (self));
  else if (self->cancellable != NULL && self->kind == SPIRE_IMPORT_KIND_BACKUP)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
spire_import_job_dialog_close_request (GtkWindow *window)
{
  SpireImportJobDialog *self = SPIRE_IMPORT_JOB_DIALOG (window);

  if (self->running)
    return TRUE; /* all or nothing: wait for it, or stop it */
  return GTK_WINDOW_CLASS (spire_import_job_dialog_parent_class)->close_request (window);
}

static void
spire_import_job_dialog_dispose (GObject *object)
{
  SpireImportJobDialog *self = SPIRE_IMPORT_JOB_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_IMPORT_JOB_DIALOG);
  G_OBJECT_CLASS (spire_import_job_dialog_parent_class)->dispose (object);
}

static void
spire_import_job_dialog_finalize (GObject *object)
{
  SpireImportJobDialog *self = SPIRE_IMPORT_JOB_DIALOG (object);

  g_clear_pointer (&self->details, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_free (self->name);
  G_OBJECT_CLASS (spire_import_job_dialog_parent_class)->finalize (object);
}

static void
spire_import_job_dialog_class_init (SpireImportJobDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  (void) spire_import_get_resource ();

  object_class->dispose = spire_import_job_dialog_dispose;
  object_class->finalize = spire_import_job_dialog_finalize;
  window_class->close_request = spire_import_job_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/import/spire-import-job-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, ask_page);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, as_group);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, as_row);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, SpireImportJobDialog, details_list);

  gtk_widget_class_install_action (widget_class, "import-job.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import-job.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import-job.escape", NULL, escape_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import-job.escape", NULL);
}

static void
spire_import_job_dialog_init (SpireImportJobDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->details = g_ptr_array_new_with_free_func (g_free);
  gtk_stack_set_visible_child_name (self->stack, "ask");
  update_actions (self);
}

/* Public API */

SpireImportJobDialog *
spire_import_job_dialog_new (GtkWindow *parent, SpireStore *store, GFile *file, int kind)
{
  SpireImportJobDialog *self;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind == SPIRE_IMPORT_KIND_BRREG || kind == SPIRE_IMPORT_KIND_BACKUP
                            || kind == SPIRE_IMPORT_KIND_SHEET,
                        NULL);

  self = g_object_new (SPIRE_TYPE_IMPORT_JOB_DIALOG, "transient-for", parent, NULL);
  self->kind = kind;
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->name = g_file_get_basename (file);
  escaped = g_markup_escape_text (self->name, -1);
  adw_window_title_set_subtitle (self->window_title, self->name);

  switch (kind)
    {
    case SPIRE_IMPORT_KIND_BRREG:
      adw_window_title_set_title (self->window_title, _("Import from Enhetsregisteret"));
      adw_status_page_set_title (self->ask_page, _("Units from Enhetsregisteret"));
      description = g_strdup_printf (
          _("Each unit in “%s” becomes a startup or a public body. One that Spire already "
            "knows by its organisation number is updated. Units deleted in the register are "
            "left out. If anything is wrong in the file, nothing is imported."),
          escaped);
      adw_status_page_set_description (self->ask_page, description);
      gtk_button_set_label (GTK_BUTTON (self->run_button), _("_Import"));
      break;

    case SPIRE_IMPORT_KIND_BACKUP:
      {
        g_autofree char *title = g_strdup_printf (_("Merge “%s” into this database?"), self->name);

        adw_window_title_set_title (self->window_title, _("Merge Backup"));
        adw_status_page_set_title (self->ask_page, title);
        adw_status_page_set_description (self->ask_page,
                                         _("Records with the same identity are updated; records "
                                           "only this database has are kept. If anything in the "
                                           "backup is wrong, nothing is merged."));
        gtk_widget_set_visible (self->as_group, FALSE);
        gtk_button_set_label (GTK_BUTTON (self->run_button), _("_Merge"));
      }
      break;

    case SPIRE_IMPORT_KIND_SHEET:
      adw_window_title_set_title (self->window_title, _("Import Score Sheet"));
      gtk_widget_set_visible (self->as_group, FALSE);
      update_actions (self);
      /* Nothing to ask: a sheet either matches its package or is refused. */
      gtk_widget_activate_action (GTK_WIDGET (self), "import-job.run", NULL);
      break;

    default:
      break;
    }
  update_actions (self);
  return self;
}

/* Test hooks */

const char *
_spire_import_job_dialog_get_page (SpireImportJobDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

SpireImportKind
_spire_import_job_dialog_get_kind (SpireImportJobDialog *self)
{
  return self->kind;
}

AdwComboRow *
_spire_import_job_dialog_get_as_row (SpireImportJobDialog *self)
{
  return self->as_row;
}

gboolean
_spire_import_job_dialog_is_stopping (SpireImportJobDialog *self)
{
  return self->running && self->cancellable != NULL
         && g_cancellable_is_cancelled (self->cancellable);
}

gboolean
_spire_import_job_dialog_succeeded (SpireImportJobDialog *self)
{
  return self->succeeded;
}

char *
_spire_import_job_dialog_get_result_text (SpireImportJobDialog *self)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n%s", adw_status_page_get_title (self->result_page),
                          adw_status_page_get_description (self->result_page));
  for (guint i = 0; i < self->details->len; i++)
    g_string_append_printf (out, "\n%s", (const char *) g_ptr_array_index (self->details, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
