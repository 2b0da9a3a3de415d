/* spire-error-dialog.c — the one way the GUI shows an error, and the one
 * "Save Changes?" question of a form
 *
 * A form (the record editor, the deal editor) closes after the question
 * has closed itself (in an idle), not inside its response: a dialog whose
 * parent went while it answered left criticals behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-error"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error-dialog.h"
#include "spire-widget.h"

AdwMessageDialog *
spire_error_dialog_show (GtkWidget *from, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (spire_widget_get_window (from), heading,
                                              error ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

AdwMessageDialog *
spire_save_changes_dialog_new (GtkWindow *parent, gboolean can_save)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    parent, _("Save Changes?"),
    _("The changes in this form are not saved yet. Discarded changes cannot be brought back.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", can_save);
  adw_message_dialog_set_default_response (dialog, can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

typedef struct
{
  GWeakRef form;
  SpireSaveChangesAnswer answer;
} Asking;

typedef struct
{
  GtkWindow *form;
  SpireSaveChangesAnswer answer;
  gboolean save;
} Answer;

static void
asking_free (gpointer data, GClosure *closure)
{
  Asking *asking = data;

  g_weak_ref_clear (&asking->form);
  g_free (asking);
}

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_object_unref (answer->form);
  g_free (answer);
}

static gboolean
answer_idle_cb (gpointer data)
{
  Answer *answer = data;

  answer->answer (answer->form, answer->save);
  return G_SOURCE_REMOVE;
}

/* The question closes itself after its response: the form answers after it. */
static void
on_save_changes_response_cb (AdwMessageDialog *dialog, const char *response, Asking *asking)
{
  g_autoptr (GtkWindow) form = g_weak_ref_get (&asking->form);
  Answer *answer;

  if (form == NULL || !(g_str_equal (response, "save") || g_str_equal (response, "discard")))
    return;
  answer = g_new0 (Answer, 1);
  answer->form = g_steal_pointer (&form);
  answer->answer = asking->answer;
  answer->save = g_str_equal (response, "save");
  g_idle_add_full (G_PRIORITY_DEFAULT, answer_idle_cb, answer, answer_free);
}

gboolean
spire_save_changes_ask (GtkWindow *form, gboolean can_save, AdwMessageDialog **ask,
                        SpireSaveChangesAnswer answer)
{
  AdwMessageDialog *dialog;
  Asking *asking;

  g_return_val_if_fail (GTK_IS_WINDOW (form), FALSE);
  g_return_val_if_fail (ask != NULL && answer != NULL, FALSE);

  if (*ask)
    return TRUE;
  dialog = spire_save_changes_dialog_new (form, can_save);
  asking = g_new0 (Asking, 1);
  g_weak_ref_init (&asking->form, form);
  asking->answer = answer;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_save_changes_response_cb), asking,
                         asking_free, 0);
  g_set_weak_pointer (ask, dialog);
  return TRUE;
}
