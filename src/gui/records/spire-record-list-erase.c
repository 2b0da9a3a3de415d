/* spire-record-list-erase.c — the People page's "Erase Personal Data…" and
 * "Erase Expired Personal Data…"
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": before a person is
 * erased, the confirmation lists where their data occurs (core's dry run,
 * spire_person_erase_preview_async, on a worker); before retention erases, it lists who would go
 * (spire_retention_due), and both name the copies migrations left beside
 * the file, which go too.  Erasing is core's and cannot be undone; it runs
 * as long work (spire_person_erase_async, spire_retention_apply_async: the
 * VACUUM of a large file takes seconds) while a modal window says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "common/spire-widget.h"
#include "spire-list-util.h"
#include "spire-record-list-page-private.h"

/* What the erase does beyond the database: the copies migrations left
 * beside the file go too; backups exported earlier are out of reach. */
static char *
describe_copies (GPtrArray *copies)
{
  GString *out = g_string_new (NULL);

  if (copies->len > 0)
    {
      g_autofree char *n_text = spire_format_count (copies->len, spire_language_current ());

      g_string_append_printf (out,
                              ngettext ("%s older copy of the database, made before an upgrade, "
                                        "can still hold this data. It is removed too:",
                                        "%s older copies of the database, made before upgrades, "
                                        "can still hold this data. They are removed too:",
                                        copies->len),
                              n_text);
      for (guint i = 0; i < copies->len; i++)
        {
          g_autofree char *name = g_path_get_basename (copies->pdata[i]);

          g_string_append_printf (out, "\n%s", name);
        }
      g_string_append (out, "\n\n");
    }
  g_string_append (out, _("Backups exported earlier (Spire’s JSON backup files) are beyond "
                          "Spire’s reach: whoever keeps them must delete them. Spire cannot know "
                          "where they are."));
  return g_string_free (out, FALSE);
}

/* "Application — Pitch (2)", one line per kind and field. */
static char *
describe_traces (SpirePersonTraces *traces)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < traces->items->len; i++)
    {
      SpirePersonTrace *t = traces->items->pdata[i];
      const SpireKind *kind = spire_kind_lookup (t->table);
      const SpireField *field = kind ? spire_kind_field (kind, t->field) : NULL;
      char *line = g_strdup_printf ("%s — %s",
                                    /* TRANSLATORS: where a person's data occurs: one entry of the audit trail (endringslogg) */
                                    kind ? _(kind->label) : _("Audit entry"),
                                    field ? _(field->label) : t->field);
      gpointer n = g_hash_table_lookup (counts, line);

      if (n == NULL)
        g_ptr_array_add (order, line);
      g_hash_table_replace (counts, line, GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }
  for (guint i = 0; i < order->len; i++)
    g_string_append_printf (out, "\n%s (%u)", (const char *) order->pdata[i],
                            GPOINTER_TO_UINT (g_hash_table_lookup (counts, order->pdata[i])));
  return g_string_free (out, FALSE);
}

static void
set_margins (GtkWidget *widget, int vertical, int horizontal)
{
  gtk_widget_set_margin_top (widget, vertical);
  gtk_widget_set_margin_bottom (widget, vertical);
  gtk_widget_set_margin_start (widget, horizontal);
  gtk_widget_set_margin_end (widget, horizontal);
}

/* While an erase runs: a modal window with a spinner, which cannot be
 * closed, so nothing else starts.  With @cancellable (retention, which
 * can stop while it reads the texts) it also has a progress bar and
 * Cancel. */
#define BUSY_KEY "spire-erase-busy"

static gboolean
on_busy_close_request_cb (GtkWindow *window, gpointer data)
{
  return TRUE;
}

static void
on_busy_cancel_cb (GtkButton *button, GCancellable *cancellable)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  g_cancellable_cancel (cancellable);
}

static void
on_busy_progress_cb (double fraction, gpointer data)
{
  GtkWidget *window = g_object_get_data (data, BUSY_KEY);
  GtkProgressBar *bar = window ? g_object_get_data (G_OBJECT (window), "spire-bar") : NULL;

  if (bar != NULL)
    gtk_progress_bar_set_fraction (bar, fraction);
}

static void
busy_add_cancel (GtkWidget *window, GtkBox *box, GCancellable *cancellable)
{
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (box, bar);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  gtk_box_append (box, cancel);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (on_busy_cancel_cb), cancellable, 0);
  g_object_set_data (G_OBJECT (window), "spire-bar", bar);
  g_object_set_data_full (G_OBJECT (window), "spire-cancellable", g_object_ref (cancellable),
                          g_object_unref);
}

/* The modal window that says long work runs: @title, @text and a spinner
 * (a progress bar and Cancel with @cancellable). */
static void
busy_show_with (SpireRecordListPage *self, GCancellable *cancellable, const char *title,
                const char *text)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 40);
  set_margins (box, 32, 32);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  if (cancellable != NULL)
    busy_add_cancel (window, GTK_BOX (box), cancellable);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), spire_widget_get_window (GTK_WIDGET (self)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  g_signal_connect (window, "close-request", G_CALLBACK (on_busy_close_request_cb), NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  g_object_set_data_full (G_OBJECT (self), BUSY_KEY, g_object_ref (window), g_object_unref);
  gtk_window_present (GTK_WINDOW (window));
}

static void
busy_show (SpireRecordListPage *self, GCancellable *cancellable)
{
  busy_show_with (self, cancellable, _("Erasing Personal Data…"),
                  _("The data is removed and the database file is cleaned. "
                    "On a large database this can take a while."));
}

/* The erase is over: the busy window goes.  FALSE when the page has left
 * its window meanwhile (nothing to show then). */
static gboolean
busy_done (SpireRecordListPage *self)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (self), BUSY_KEY);

  if (window != NULL)
    {
      gtk_window_destroy (window);
      g_object_set_data (G_OBJECT (self), BUSY_KEY, NULL); /* its reference */
    }
  return gtk_widget_get_root (GTK_WIDGET (self)) != NULL;
}

/* The database is erased but a copy could not be removed (@problem, core's
 * message naming each): not "was not erased", since it was. */
static void
show_copies_problem (SpireRecordListPage *self, const char *problem)
{
  g_autoptr (GError) left = g_error_new_literal (SPIRE_ERROR, SPIRE_ERROR_IO, problem);

  spire_error_dialog_show (GTK_WIDGET (self), _("Some Older Copies Were Not Removed"), left);
}

static void
on_person_erased_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireRecordListPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpirePersonTraces) traces = spire_person_erase_finish (SPIRE_STORE (source), result,
                                                                    &error);

  if (!busy_done (self))
    return;
  if (traces == NULL)
    spire_error_dialog_show (GTK_WIDGET (self), _("The Personal Data Was Not Erased"), error);
  else if (traces->copies_problem != NULL)
    show_copies_problem (self, traces->copies_problem);
  else
    spire_toast_show (GTK_WIDGET (self), _("Personal data erased"));
}

static void
on_erase_response_cb (AdwMessageDialog *dialog, const char *response, SpireRecordListPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "spire-person");

  if (g_strcmp0 (response, "erase") != 0 || self->store == NULL ||
      g_object_get_data (G_OBJECT (self), BUSY_KEY) != NULL)
    return;
  busy_show (self, NULL);
  spire_person_erase_async (self->store, uuid, NULL, on_person_erased_cb, g_object_ref (self));
}

/* The confirmation of a person's erase, with the places the preview
 * (@traces) found. */
static void
show_erase_confirmation (SpireRecordListPage *self, const char *name, const char *uuid,
                         SpirePersonTraces *traces)
{
  g_autofree char *places = describe_traces (traces);
  g_autofree char *copies = describe_copies (traces->copies);
  g_autofree char *main_text = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* TRANSLATORS: %1$s is the person's name, %2$s the pseudonym ("Erased person 3F2A"), %3$s the list of places, one a line */
  main_text = g_strdup_printf (
    _("“%1$s” is replaced by “%2$s”, and the e-mail and phone are cleared, "
      "here:\n%3$s\n\nNo copy is kept. This cannot be undone."),
    name, traces->pseudonym, places);
  body = g_strconcat (main_text, "\n\n", copies, NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    spire_widget_get_window (GTK_WIDGET (self)), _("Erase Personal Data?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "erase", _("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "spire-person", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Set on the page while a preview runs: the action waits for it. */
#define PREVIEW_KEY "spire-erase-preview"
/* A preview that takes longer shows the busy window (issue 11: progress
 * where work takes over a quarter second). */
#define PREVIEW_BUSY_MS 250

typedef struct
{
  SpireRecordListPage *self; /* a reference */
  char *name;
  char *uuid;
  guint busy_id;
} Preview;

static void
preview_free (Preview *p)
{
  g_clear_handle_id (&p->busy_id, g_source_remove);
  g_object_unref (p->self);
  g_free (p->name);
  g_free (p->uuid);
  g_free (p);
}

static gboolean
on_preview_slow_cb (gpointer data)
{
  Preview *p = data;

  p->busy_id = 0;
  busy_show_with (p->self, NULL, _("Looking for Personal Data…"),
                  _("Every record is read for the person’s name, e-mail and phone. "
                    "On a large database this can take a while."));
  return G_SOURCE_REMOVE;
}

static void
on_preview_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Preview *p = user_data;
  SpireRecordListPage *self = p->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpirePersonTraces) traces = spire_person_erase_preview_finish (SPIRE_STORE (source),
                                                                            result, &error);

  g_clear_handle_id (&p->busy_id, g_source_remove);
  g_object_set_data (G_OBJECT (self), PREVIEW_KEY, NULL);
  /* Not when the page left its window or shows another file meanwhile */
  if (busy_done (self) && self->store == SPIRE_STORE (source))
    {
      if (traces == NULL)
        spire_error_dialog_show (GTK_WIDGET (self), _("The Personal Data Was Not Erased"), error);
      else
        show_erase_confirmation (self, p->name, p->uuid, traces);
    }
  preview_free (p);
}

void
_spire_record_list_page_erase_person_action (GtkWidget *widget, const char *action_name,
                                             GVariant *param)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (widget);
  g_autoptr (GPtrArray) records = spire_selection_get_items (GTK_SELECTION_MODEL (self->selection));
  Preview *p;

  if (self->store == NULL || records->len != 1 ||
      spire_record_get_kind (records->pdata[0]) != &spire_kind_person ||
      g_object_get_data (G_OBJECT (self), BUSY_KEY) != NULL ||
      g_object_get_data (G_OBJECT (self), PREVIEW_KEY) != NULL)
    return;
  p = g_new0 (Preview, 1);
  p->self = g_object_ref (self);
  p->name = g_strdup (spire_record_get_display_name (records->pdata[0]));
  p->uuid = g_strdup (spire_record_get_uuid (records->pdata[0]));
  p->busy_id = g_timeout_add (PREVIEW_BUSY_MS, on_preview_slow_cb, p);
  g_object_set_data (G_OBJECT (self), PREVIEW_KEY, GINT_TO_POINTER (1));
  /* The dry run reads every text of every record: a worker's */
  spire_person_erase_preview_async (self->store, p->uuid, NULL, on_preview_cb, p);
}

/* Retention */

static void
on_retention_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireRecordListPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRetentionResult) done = spire_retention_apply_finish (SPIRE_STORE (source),
                                                                       result, &error);
  g_autofree char *n_text = NULL;
  g_autofree char *text = NULL;

  if (!busy_done (self))
    return;
  if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
    {
      spire_toast_show (GTK_WIDGET (self), error->message); /* "Nothing was changed" */
      return;
    }
  if (done == NULL)
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("The Personal Data Was Not Erased"), error);
      return;
    }
  if (done->copies_problem != NULL)
    {
      show_copies_problem (self, done->copies_problem);
      return;
    }
  n_text = spire_format_count (done->n_erased, spire_language_current ());
  text = g_strdup_printf (ngettext ("Personal data of %s person erased",
                                    "Personal data of %s people erased", done->n_erased),
                          n_text);
  spire_toast_show (GTK_WIDGET (self), text);
}

static void
on_retention_response_cb (AdwMessageDialog *dialog, const char *response,
                          SpireRecordListPage *self)
{
  g_autoptr (GCancellable) cancellable = NULL;

  if (g_strcmp0 (response, "erase") != 0 || self->store == NULL ||
      g_object_get_data (G_OBJECT (self), BUSY_KEY) != NULL)
    return;
  cancellable = g_cancellable_new ();
  busy_show (self, cancellable);
  spire_retention_apply_async (self->store, NULL, cancellable, on_busy_progress_cb, self,
                               on_retention_done_cb, g_object_ref (self));
}

/* The people due, one a line, in a list that scrolls when they are many
 * (the dialog's buttons stay on screen). */
static GtkWidget *
due_list_new (GPtrArray *due)
{
  g_autoptr (GString) list = g_string_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label;

  for (guint i = 0; i < due->len; i++)
    {
      SpireRetentionItem *item = due->pdata[i];
      g_autofree char *day = spire_format_date (item->due_on, spire_language_current ());

      /* TRANSLATORS: one line of the list: a person, the cohort, the day it was due */
      g_string_append_printf (list, _("\n%s (%s, kept until %s)"), item->name, item->cohort_name,
                              day);
    }
  label = gtk_label_new (list->str + 1); /* without the first line's \n */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  set_margins (label, 8, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

void
_spire_record_list_page_retention_action (GtkWidget *widget, const char *action_name,
                                          GVariant *param)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (widget);
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) copy_paths = NULL;
  g_autofree char *n_text = NULL;
  g_autofree char *copies = NULL;
  g_autofree char *main_text = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->store == NULL || g_object_get_data (G_OBJECT (self), BUSY_KEY) != NULL)
    return;
  if ((due = spire_retention_due (self->store, NULL, &error)) == NULL)
    {
      spire_error_dialog_show (widget, _("The Personal Data Was Not Erased"), error);
      return;
    }
  if (due->len == 0)
    {
      spire_toast_show (widget, _("No personal data is due to be erased."));
      return;
    }
  copy_paths = spire_store_list_migration_copies (self->store);
  copies = describe_copies (copy_paths);
  n_text = spire_format_count (due->len, spire_language_current ());
  main_text = g_strdup_printf (
    ngettext ("This applicant was not accepted, and the cohort’s time to keep personal data is "
              "up. The name becomes a pseudonym and the e-mail and phone are cleared. This "
              "cannot be undone.",
              "These %s applicants were not accepted, and their cohorts’ time to keep personal "
              "data is up. Their names become pseudonyms and their e-mail and phone are cleared. "
              "This cannot be undone.",
              due->len),
    n_text);
  body = g_strconcat (main_text, "\n\n", copies, NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (spire_widget_get_window (widget),
                                                       _("Erase Expired Personal Data?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "erase", _("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, due_list_new (due));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_retention_response_cb), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}
