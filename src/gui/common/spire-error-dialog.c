/* spire-error-dialog.c — the one way the GUI shows an error
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
