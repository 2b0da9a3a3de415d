/* spire-toast.h — toasts through the nearest AdwToastOverlay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @toast (taking it) in the AdwToastOverlay that holds @from, or,
 * when @from is in a dialog, in the one of the window the dialog belongs
 * to.  With no overlay anywhere the title goes to the log.  A feature never
 * needs to know which window it is in. */
void spire_toast_add (GtkWidget *from, AdwToast *toast);
/* A plain toast with @text. */
void spire_toast_show (GtkWidget *from, const char *text);
/* A toast with @text and an "Open" button that opens @path (a file or a
 * folder just written) with the user's application for it. */
void spire_toast_show_file (GtkWidget *from, const char *text, const char *path);

G_END_DECLS
