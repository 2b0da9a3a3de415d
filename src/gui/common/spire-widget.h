/* spire-widget.h — small things every feature asks of a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The window @widget is in (to be transient for), or NULL. */
GtkWindow *spire_widget_get_window (GtkWidget *widget);

G_END_DECLS
