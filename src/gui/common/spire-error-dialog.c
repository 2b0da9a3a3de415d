/* spire-error-dialog.c — the one way the GUI shows an error, and the one
 * "Save Changes?" question of a form
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
