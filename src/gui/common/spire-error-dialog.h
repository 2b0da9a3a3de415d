/* spire-error-dialog.h — the one way the GUI shows an error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @error (core's translated message, which says what is wrong and
 * what to do) in a modal dialog over @from's window, headed by @heading
 * ("The Import Failed").  Returns the dialog, already presented; it closes
 * itself. */
AdwMessageDialog *spire_error_dialog_show (GtkWidget *from, const char *heading,
                                           const GError *error);

/* The question a form asks when it is closed with changes not saved:
 * responses "cancel", "discard" and "save" (enabled when @can_save).
 * Modal over @parent; presented; it closes itself after a response. */
AdwMessageDialog *spire_save_changes_dialog_new (GtkWindow *parent, gboolean can_save);

/* What a form does with the answer: saves (@save; it closes itself when
 * that worked) or discards and closes. */
typedef void (*SpireSaveChangesAnswer) (GtkWindow *form, gboolean save);

/* The close-request of @form with changes not saved: asks the question
 * above (once: *@ask holds it, weakly, while it is open) and, after the
 * question has closed, calls @answer for Save or Discard; nothing for
 * Cancel.  Returns TRUE: @form stays open until @answer closes it. */
gboolean spire_save_changes_ask (GtkWindow *form, gboolean can_save, AdwMessageDialog **ask,
                                 SpireSaveChangesAnswer answer);

G_END_DECLS
