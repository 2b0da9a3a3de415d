/* spire-csv-import-dialog.c — applications from a form tool's CSV export
 *
 * Two pages and a third while it works: the cohort and what each column
 * fills ("columns"), then what the import would do with the problems that
 * stop it ("preview"), then the import itself ("progress").  The check
 * (spire_csv_import_prepare_async) runs again whenever the mapping or the
 * cohort changes; the mapping shown is this dialog's own and is handed to
 * the SpireCsvImport only while no check reads it.  The import is core's
 * spire_csv_import_commit_async, on a connection of its own, with progress
 * and Stop; the store announces what changed when it is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "common/spire-widget.h"
#include "spire-list-util.h"
#include "spire-csv-import-dialog.h"
#include "spire-csv-import-preview.h"
#include "spire-import-dialog-private.h"
#include "spire-import-resources.h"

#define MAX_PROBLEMS_SHOWN 200
#define N_SAMPLES 3

struct _SpireCsvImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkWidget *import_button;
  GtkStack *stack;
  AdwComboRow *cohort_row;
  AdwPreferencesGroup *columns_group;
  GtkStack *preview_stack;
  GtkSpinner *checking_spinner;
  AdwStatusPage *failed_page;
  GtkLabel *summary_label;
  GtkWidget *problems_box;
  GtkLabel *problems_heading;
  GtkListBox *problems_list;
  GtkColumnView *rows_view;
  AdwStatusPage *progress_page;
  GtkProgressBar *progress_bar;

  SpireStore *store;
  SpireCsvImport *import;
  GPtrArray *cohorts;        /* SpireCohort*, in the order of cohort_row */
  GPtrArray *choices;        /* target ids of the column rows' items; NULL: extra answer */
  GtkStringList *choice_labels;
  GPtrArray *column_rows;    /* AdwComboRow*, one per column */
  const char **targets;      /* what each column fills, as shown (static ids or NULL) */
  gboolean updating;         /* rows are being set from code */

  SpireCsvPreview *preview;
  GListStore *rows;          /* SpireCsvRowItem */
  GtkStringList *problems;   /* every problem, as shown */
  gboolean preparing;
  gboolean prepare_pending;
  GCancellable *prepare_cancellable;
  char *error_text;

  gboolean committing;
  GCancellable *commit_cancellable;

  gboolean closing;          /* closed while a check ran */
  gboolean disposed;
};

G_DEFINE_FINAL_TYPE (SpireCsvImportDialog, spire_csv_import_dialog, ADW_TYPE_WINDOW)

static void start_prepare (SpireCsvImportDialog *self);

static const char *
current_page (SpireCsvImportDialog *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  return name ? name : "columns";
}

static void
update_actions (SpireCsvImportDialog *self)
{
  const char *page = current_page (self);
  gboolean on_columns = g_str_equal (page, "columns");
  gboolean on_preview = g_str_equal (page, "preview");
  gboolean on_progress = g_str_equal (page, "progress");
  gboolean ready = self->preview != NULL && !self->preparing && !self->prepare_pending;
  gboolean can_import = on_preview && ready && self->preview->problems->len == 0
                        && !self->committing && self->import != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.next",
                                 on_columns && self->import != NULL && self->cohorts->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.back",
                                 on_preview && !self->committing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.import", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.cancel", self->committing);

  gtk_widget_set_visible (self->next_button, on_columns);
  gtk_widget_set_visible (self->back_button, on_preview);
  gtk_widget_set_visible (self->import_button, on_preview);
  gtk_widget_set_visible (self->cancel_button, !on_progress);
  gtk_window_set_deletable (GTK_WINDOW (self), !self->committing);
  /* Enter goes on (not Cancel, where GTK put the focus: the columns chosen
   * were lost) */
  spire_window_set_default_button (GTK_WINDOW (self), on_columns   ? self->next_button
                                                      : on_preview ? self->import_button
                                                                   : NULL);
}

static const char *
cohort_uuid (SpireCsvImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->cohort_row);

  if (i == GTK_INVALID_LIST_POSITION || i >= self->cohorts->len)
    return NULL;
  return spire_record_get_uuid (g_ptr_array_index (self->cohorts, i));
}

/* The preview */

static void
clear_problems_list (SpireCsvImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))))
    gtk_list_box_remove (self->problems_list, child);
}

static void
add_problem_row (SpireCsvImportDialog *self, const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_append (self->problems_list, label);
}

static void
show_preview (SpireCsvImportDialog *self)
{
  SpireCsvPreview *preview = self->preview;
  g_autofree char *summary = NULL;
  g_autoptr (GPtrArray) items = NULL;
  guint n_problems;

  g_list_store_remove_all (self->rows);
  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)), NULL);
  clear_problems_list (self);
  if (preview == NULL)
    return;

  summary = _spire_csv_describe_counts (preview);
  gtk_label_set_text (self->summary_label, summary);

  n_problems = preview->problems->len;
  for (guint i = 0; i < n_problems; i++)
    {
      g_autofree char *text = _spire_csv_problem_text (g_ptr_array_index (preview->problems, i));

      gtk_string_list_append (self->problems, text);
      if (i < MAX_PROBLEMS_SHOWN)
        add_problem_row (self, text, FALSE);
    }
  if (n_problems > MAX_PROBLEMS_SHOWN)
    {
      g_autofree char *n_text = spire_format_count (n_problems - MAX_PROBLEMS_SHOWN,
                                                    spire_language_current ());
      g_autofree char *more = g_strdup_printf (ngettext ("… and %s more problem",
                                                         "… and %s more problems",
                                                         n_problems - MAX_PROBLEMS_SHOWN),
                                               n_text);
      add_problem_row (self, more, TRUE);
    }
  if (n_problems > 0)
    {
      g_autofree char *n_text = spire_format_count (n_problems, spire_language_current ());
      g_autofree char *heading = g_strdup_printf (
          ngettext ("%s problem stops the import. Fix it in the file and open it again, "
                    "or change the mapping.",
                    "%s problems stop the import. Fix these in the file and open it again, "
                    "or change the mapping.",
                    n_problems),
          n_text);
      gtk_label_set_text (self->problems_heading, heading);
    }
  gtk_widget_set_visible (self->problems_box, n_problems > 0);

  items = g_ptr_array_new_full (preview->rows->len, g_object_unref);
  for (guint i = 0; i < preview->rows->len; i++)
    {
      g_ptr_array_add (items, _spire_csv_row_item_new (preview, i));
    }
  g_list_store_splice (self->rows, 0, 0, items->pdata, items->len);
}

/* Checking: core's spire_csv_import_prepare_async */

static void
on_prepare_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireCsvImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  SpireCsvPreview *preview = spire_csv_import_prepare_finish (SPIRE_STORE (source), result, &error);

  self->preparing = FALSE;
  g_clear_object (&self->prepare_cancellable);
  if (self->closing || self->disposed)
    {
      g_clear_pointer (&preview, spire_csv_preview_unref);
      return;
    }
  if (self->prepare_pending)
    {
      g_clear_pointer (&preview, spire_csv_preview_unref);
      start_prepare (self);
      return;
    }
  gtk_spinner_stop (self->checking_spinner);
  if (preview == NULL)
    {
      g_free (self->error_text);
      self->error_text = g_strdup (error->message);
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "failed");
    }
  else
    {
      self->preview = preview;
      show_preview (self);
      gtk_stack_set_visible_child_name (self->preview_stack, "ready");
    }
  update_actions (self);
}

/* Hands the mapping shown to the import: only while no worker reads it. */
static void
apply_mapping (SpireCsvImportDialog *self)
{
  guint n = spire_csv_import_get_n_columns (self->import);

  spire_csv_import_clear_mapping (self->import);
  for (guint c = 0; c < n; c++)
    if (self->targets[c])
      spire_csv_import_set_mapping (self->import, c, self->targets[c]);
}

static void
start_prepare (SpireCsvImportDialog *self)
{
  if (self->import == NULL || self->store == NULL || self->closing || self->committing)
    return;
  g_clear_pointer (&self->preview, spire_csv_preview_unref);
  show_preview (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "checking");
  gtk_spinner_start (self->checking_spinner);
  if (self->preparing)
    {
      /* The worker reads the mapping: start again when it has stopped. */
      self->prepare_pending = TRUE;
      g_cancellable_cancel (self->prepare_cancellable);
      update_actions (self);
      return;
    }
  if (cohort_uuid (self) == NULL)
    {
      update_actions (self);
      return;
    }

  apply_mapping (self);
  self->prepare_pending = FALSE;
  self->preparing = TRUE;
  g_clear_pointer (&self->error_text, g_free);
  self->prepare_cancellable = g_cancellable_new ();
  spire_csv_import_prepare_async (self->import, self->store, cohort_uuid (self),
                                  self->prepare_cancellable, on_prepare_done_cb,
                                  g_object_ref (self));
  update_actions (self);
}

/* Importing: core's spire_csv_import_commit_async, with progress */

static void
on_commit_progress_cb (double fraction, gpointer user_data)
{
  SpireCsvImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
on_commit_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireCsvImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  SpireCsvCounts stats = { 0 };

  self->committing = FALSE;
  g_clear_object (&self->commit_cancellable);

  if (spire_csv_import_commit_finish (SPIRE_STORE (source), result, &stats, &error))
    {
      g_autofree char *text = NULL;
      g_autofree char *n_text = spire_format_count (stats.applications_new,
                                                    spire_language_current ());

      if (stats.applications_new > 0)
        text = g_strdup_printf (ngettext ("%s application imported",
                                          "%s applications imported",
                                          stats.applications_new),
                                n_text);
      else
        text = g_strdup (_("No new applications: all of them were imported before"));
      _spire_import_toast (parent, text);
      if (!self->disposed)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->disposed)
    return;
  g_free (self->error_text);
  self->error_text = g_strdup (error->message);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_actions (self);
  if (!g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
    _spire_import_show_message (GTK_WINDOW (self), _("Nothing was imported"), error->message);
  else
    start_prepare (self);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCsvImportDialog *self = SPIRE_CSV_IMPORT_DIALOG (widget);

  if (self->committing || self->preparing || self->preview == NULL
      || self->preview->problems->len > 0)
    return;

  self->committing = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  update_actions (self);

  self->commit_cancellable = g_cancellable_new ();
  spire_csv_import_commit_async (self->import, self->store, cohort_uuid (self),
                                 self->commit_cancellable, on_commit_progress_cb, self,
                                 on_commit_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCsvImportDialog *self = SPIRE_CSV_IMPORT_DIALOG (widget);

  if (self->commit_cancellable)
    g_cancellable_cancel (self->commit_cancellable);
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCsvImportDialog *self = SPIRE_CSV_IMPORT_DIALOG (widget);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  if (self->preview == NULL && !self->preparing)
    start_prepare (self);
  update_actions (self);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCsvImportDialog *self = SPIRE_CSV_IMPORT_DIALOG (widget);

  gtk_stack_set_visible_child_name (self->stack, "columns");
  update_actions (self);
}

/* The columns */

static guint
choice_index (SpireCsvImportDialog *self, const char *target)
{
  for (guint i = 0; i < self->choices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->choices, i), target) == 0)
      return i;
  return self->choices->len - 2; /* extra answer */
}

static void
on_column_selected_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  SpireCsvImportDialog *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "spire-column"));
  guint selected = adw_combo_row_get_selected (row);
  const char *target;

  if (self->updating || selected >= self->choices->len)
    return;
  target = g_ptr_array_index (self->choices, selected);
  if (g_strcmp0 (target, self->targets[column]) == 0)
    return;

  /* A target holds one column (leaving out holds any number). */
  self->updating = TRUE;
  if (target && !g_str_equal (target, SPIRE_CSV_TARGET_IGNORE))
    for (guint c = 0; c < self->column_rows->len; c++)
      if (c != column && g_strcmp0 (self->targets[c], target) == 0)
        {
          self->targets[c] = NULL;
          adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c),
                                      choice_index (self, NULL));
        }
  self->targets[column] = target;
  self->updating = FALSE;
  start_prepare (self);
}

static char *
column_samples (SpireCsvImport *import, guint column)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n_rows = spire_csv_import_get_n_rows (import);
  guint found = 0;

  for (guint r = 0; r < n_rows && found < N_SAMPLES; r++)
    {
      const char *value = spire_csv_import_get_value (import, r, column);
      g_autofree char *one = NULL;

      if (value == NULL || *value == '\0')
        continue;
      one = g_strdup (value);
      g_strdelimit (one, "\r\n\t", ' ');
      if (g_utf8_strlen (one, -1) > 40)
        {
          char *end = g_utf8_offset_to_pointer (one, 39);
          char *cut;

          *end = '\0';
          cut = g_strconcat (one, "…", NULL);
          g_free (one);
          one = cut;
        }
      if (found > 0)
        g_string_append (out, " · ");
      g_string_append (out, one);
      found++;
    }
  if (found == 0)
    g_string_append (out, _("(empty)"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
build_column_rows (SpireCsvImportDialog *self)
{
  guint n = spire_csv_import_get_n_columns (self->import);

  self->targets = g_new0 (const char *, n);
  self->updating = TRUE;
  for (guint c = 0; c < n; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *samples = column_samples (self->import, c);
      const char *mapped = spire_csv_import_get_mapping (self->import, c);

      /* Headers and values are the file's text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     spire_csv_import_get_column (self->import, c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_combo_row_set_model (row, G_LIST_MODEL (self->choice_labels));
      /* The ids are static strings of the core's target table. */
      self->targets[c] = mapped ? g_ptr_array_index (self->choices, choice_index (self, mapped)) : NULL;
      adw_combo_row_set_selected (row, choice_index (self, mapped));
      g_object_set_data (G_OBJECT (row), "spire-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
  self->updating = FALSE;
}

static void
build_choices (SpireCsvImportDialog *self)
{
  guint n_targets = 0;
  const SpireCsvTarget *targets = spire_csv_targets (&n_targets);

  for (guint i = 0; i < n_targets; i++)
    {
      if (g_str_equal (targets[i].id, SPIRE_CSV_TARGET_IGNORE))
        continue;
      g_ptr_array_add (self->choices, (gpointer) targets[i].id);
      gtk_string_list_append (self->choice_labels, _(targets[i].label));
    }
  g_ptr_array_add (self->choices, NULL);
  gtk_string_list_append (self->choice_labels, _("Keep as extra answer"));
  g_ptr_array_add (self->choices, (gpointer) SPIRE_CSV_TARGET_IGNORE);
  gtk_string_list_append (self->choice_labels, _("Ignore"));
}

static void
on_cohort_selected_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  SpireCsvImportDialog *self = user_data;

  if (!self->updating)
    start_prepare (self);
}

static void
build_cohorts (SpireCsvImportDialog *self, SpireCohort *preselect)
{
  g_autoptr (GPtrArray) programs = spire_store_list (self->store, &spire_kind_program, NULL, NULL, NULL);
  g_autoptr (GHashTable) program_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) cohorts = spire_store_list (self->store, &spire_kind_cohort, NULL, NULL, NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; programs && i < programs->len; i++)
    g_hash_table_insert (program_names,
                         (gpointer) spire_record_get_uuid (g_ptr_array_index (programs, i)),
                         (gpointer) spire_record_get_text (g_ptr_array_index (programs, i), "name"));
  for (guint i = 0; cohorts && i < cohorts->len; i++)
    {
      SpireRecord *cohort = g_ptr_array_index (cohorts, i);
      const char *program = g_hash_table_lookup (program_names,
                                                 spire_record_get_text (cohort, "program"));
      g_autofree char *label = NULL;

      if (program)
        /* Translators: a cohort in a list: “cohort — its program” */
        label = g_strdup_printf (_("%s — %s"), spire_record_get_text (cohort, "name"), program);
      else
        label = g_strdup (spire_record_get_text (cohort, "name"));
      gtk_string_list_append (labels, label);
      if (preselect && g_strcmp0 (spire_record_get_uuid (cohort),
                                  spire_record_get_uuid (SPIRE_RECORD (preselect))) == 0)
        selected = self->cohorts->len;
      g_ptr_array_add (self->cohorts, g_object_ref (cohort));
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->cohort_row, G_LIST_MODEL (labels));
  if (self->cohorts->len > 0)
    adw_combo_row_set_selected (self->cohort_row, selected);
  self->updating = FALSE;
}

/* Class */

static gboolean
spire_csv_import_dialog_close_request (GtkWindow *window)
{
  SpireCsvImportDialog *self = SPIRE_CSV_IMPORT_DIALOG (window);

  if (self->committing)
    return TRUE; /* "Stop Importing" first */
  if (self->preparing)
    {
      /* The check runs on a connection of its own: stop it, and close. */
      self->closing = TRUE;
      g_cancellable_cancel (self->prepare_cancellable);
    }
  return GTK_WINDOW_CLASS (spire_csv_import_dialog_parent_class)->close_request (window);
}

static void
spire_csv_import_dialog_dispose (GObject *object)
{
  SpireCsvImportDialog *self = SPIRE_CSV_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->prepare_cancellable)
    g_cancellable_cancel (self->prepare_cancellable);
  if (self->commit_cancellable)
    g_cancellable_cancel (self->commit_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_CSV_IMPORT_DIALOG);
  G_OBJECT_CLASS (spire_csv_import_dialog_parent_class)->dispose (object);
}

static void
spire_csv_import_dialog_finalize (GObject *object)
{
  SpireCsvImportDialog *self = SPIRE_CSV_IMPORT_DIALOG (object);

  g_clear_pointer (&self->preview, spire_csv_preview_unref);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_free);
  g_clear_pointer (&self->error_text, g_free);
  g_clear_object (&self->choice_labels);
  g_clear_object (&self->rows);
  g_clear_object (&self->problems);
  g_clear_object (&self->prepare_cancellable);
  g_clear_object (&self->commit_cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spire_csv_import_dialog_parent_class)->finalize (object);
}

static void
spire_csv_import_dialog_class_init (SpireCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  (void) spire_import_get_resource ();

  object_class->dispose = spire_csv_import_dialog_dispose;
  object_class->finalize = spire_csv_import_dialog_finalize;
  window_class->close_request = spire_csv_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/import/spire-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, checking_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, rows_view);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, SpireCsvImportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "csv-import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "csv-import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "csv-import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "csv-import.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "csv-import.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "csv-import.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "csv-import.import", NULL);
}

static void
spire_csv_import_dialog_init (SpireCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  self->choices = g_ptr_array_new ();
  self->choice_labels = gtk_string_list_new (NULL);
  self->column_rows = g_ptr_array_new ();
  self->rows = g_list_store_new (SPIRE_TYPE_CSV_ROW_ITEM);
  self->problems = gtk_string_list_new (NULL);
  build_choices (self);
  _spire_csv_preview_add_columns (self->rows_view, G_LIST_MODEL (self->rows));
  g_signal_connect_object (self->cohort_row, "notify::selected",
                           G_CALLBACK (on_cohort_selected_cb), self, 0);
  gtk_stack_set_visible_child_name (self->stack, "columns");
  update_actions (self);
}

/* Public API */

SpireCsvImportDialog *
spire_csv_import_dialog_new (GtkWindow *parent, SpireStore *store, SpireCohort *cohort,
                             SpireCsvImport *import)
{
  SpireCsvImportDialog *self;
  g_autofree char *subtitle = NULL;
  g_autofree char *n_text = NULL;
  guint n_rows;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (SPIRE_IS_CSV_IMPORT (import), NULL);

  if (spire_store_count (store, &spire_kind_cohort, NULL, NULL) == 0)
    return NULL;

  self = g_object_new (SPIRE_TYPE_CSV_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = g_object_ref (import);
  n_rows = spire_csv_import_get_n_rows (import);
  n_text = spire_format_count (n_rows, spire_language_current ());
  /* Translators: the file's name and how many rows it has */
  subtitle = g_strdup_printf (ngettext ("%s, %s row", "%s, %s rows", n_rows),
                              spire_csv_import_get_name (import), n_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  build_cohorts (self, cohort);
  build_column_rows (self);
  update_actions (self);
  /* Check at once, so that the preview is ready when it is asked for. */
  start_prepare (self);
  return self;
}

/* Test hooks */

SpireCsvImport *
_spire_csv_import_dialog_get_import (SpireCsvImportDialog *self)
{
  return self->import;
}

const char *
_spire_csv_import_dialog_get_page (SpireCsvImportDialog *self)
{
  return current_page (self);
}

AdwComboRow *
_spire_csv_import_dialog_get_column_row (SpireCsvImportDialog *self, guint column)
{
  g_return_val_if_fail (column < self->column_rows->len, NULL);
  return g_ptr_array_index (self->column_rows, column);
}

const char *
_spire_csv_import_dialog_get_row_target (SpireCsvImportDialog *self, guint column)
{
  AdwComboRow *row = _spire_csv_import_dialog_get_column_row (self, column);

  return g_ptr_array_index (self->choices, adw_combo_row_get_selected (row));
}

AdwComboRow *
_spire_csv_import_dialog_get_cohort_row (SpireCsvImportDialog *self)
{
  return self->cohort_row;
}

const char *
_spire_csv_import_dialog_get_cohort_uuid (SpireCsvImportDialog *self)
{
  return cohort_uuid (self);
}

gboolean
_spire_csv_import_dialog_is_busy (SpireCsvImportDialog *self)
{
  return self->preparing || self->prepare_pending || self->committing;
}

SpireCsvPreview *
_spire_csv_import_dialog_get_preview (SpireCsvImportDialog *self)
{
  return self->preview;
}

GtkWidget *
_spire_csv_import_dialog_get_import_button (SpireCsvImportDialog *self)
{
  return self->import_button;
}

const char *
_spire_csv_import_dialog_get_summary (SpireCsvImportDialog *self)
{
  return gtk_label_get_text (self->summary_label);
}

GListModel *
_spire_csv_import_dialog_get_problems (SpireCsvImportDialog *self)
{
  return G_LIST_MODEL (self->problems);
}

GListModel *
_spire_csv_import_dialog_get_rows (SpireCsvImportDialog *self)
{
  return G_LIST_MODEL (self->rows);
}

const char *
_spire_csv_import_dialog_get_error (SpireCsvImportDialog *self)
{
  return self->error_text;
}
