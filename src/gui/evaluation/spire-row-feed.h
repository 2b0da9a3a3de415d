/* spire-row-feed.h — rows of list boxes made a slice a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes row @index (0 … n - 1) and puts it in its list. */
typedef void (*SpireRowFeedFunc) (guint index, gpointer data);

typedef struct _SpireRowFeed SpireRowFeed;

/* Makes @n rows with @make: a first slice now, then one a frame while
 * @owner (the widget that shows them) is shown, in idles while it is
 * hidden; each slice as many rows as are made in @slice_us.  @data is
 * freed with @data_free when the last row is in or the feed is freed. */
SpireRowFeed *_spire_row_feed_new (GtkWidget *owner, guint n, gint64 slice_us,
                                   SpireRowFeedFunc make, gpointer data,
                                   GDestroyNotify data_free);
/* TRUE while rows are still to come. */
gboolean _spire_row_feed_is_running (SpireRowFeed *feed);
/* Stops making rows (those made stay); NULL is allowed. */
void _spire_row_feed_free (SpireRowFeed *feed);

G_END_DECLS
