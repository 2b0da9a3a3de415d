/* spire-evaluation-util.h — small helpers the evaluation views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @error (the core's translated message) in a dialog over @widget's
 * window, headed by @heading.  Returns the dialog. */
AdwMessageDialog *_spire_evaluation_show_error (GtkWidget *widget, const char *heading,
                                                const GError *error);
/* A toast over @widget's window (its nearest AdwToastOverlay). */
void _spire_evaluation_toast (GtkWidget *widget, const char *text);
/* Removes every row of @box. */
void _spire_evaluation_clear_list (GtkListBox *box);
/* A dialog asking for a reason: heading, body, the response id and label
 * that does it (destructive when @destructive).  *@entry_out gets its entry. */
AdwMessageDialog *_spire_evaluation_reason_dialog (GtkWidget *widget, const char *heading,
                                                   const char *body, const char *response,
                                                   const char *response_label,
                                                   gboolean destructive,
                                                   GtkEditable **entry_out);

G_END_DECLS
