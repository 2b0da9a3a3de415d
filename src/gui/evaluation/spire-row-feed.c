/* spire-row-feed.c — rows of list boxes made a slice a frame
 *
 * Issue 11, "nothing that takes longer than a frame runs on the main
 * thread": a list box of a few hundred rows (the Panel part's members,
 * each an AdwComboRow, and conflicts) made at once froze the window, and
 * the frame after it measures every new row, which costs several times
 * making them.  So the rows come a slice at a time: the first at once (a
 * short list is shown whole), then one slice in each frame's tick while
 * the list is shown, so that a frame lays out only one slice's rows; when
 * the list is hidden (no frames tick) the slices go on in idles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-row-feed.h"

struct _SpireRowFeed
{
  GtkWidget *owner; /* weak: it holds the feed */
  guint n;
  guint next;
  gint64 slice_us;
  SpireRowFeedFunc make;
  gpointer data;
  GDestroyNotify data_free;
  guint tick;
  guint idle;
  gulong map_handler;
  gulong unmap_handler;
};

static void
stop (SpireRowFeed *feed)
{
  if (feed->tick)
    gtk_widget_remove_tick_callback (feed->owner, feed->tick);
  feed->tick = 0;
  g_clear_handle_id (&feed->idle, g_source_remove);
  g_clear_signal_handler (&feed->map_handler, feed->owner);
  g_clear_signal_handler (&feed->unmap_handler, feed->owner);
  if (feed->data_free)
    g_clear_pointer (&feed->data, feed->data_free);
  feed->data = NULL;
}

/* One slice; TRUE while rows are still to come. */
static gboolean
add_slice (SpireRowFeed *feed)
{
  gint64 end = g_get_monotonic_time () + feed->slice_us;

  while (feed->next < feed->n && g_get_monotonic_time () < end)
    {
      guint i = feed->next++;

      feed->make (i, feed->data);
    }
  if (feed->next < feed->n)
    return TRUE;
  return FALSE;
}

static gboolean
idle_cb (gpointer user_data)
{
  SpireRowFeed *feed = user_data;

  if (add_slice (feed))
    return G_SOURCE_CONTINUE;
  feed->idle = 0;
  stop (feed);
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  SpireRowFeed *feed = user_data;

  if (add_slice (feed))
    return G_SOURCE_CONTINUE;
  feed->tick = 0;
  stop (feed);
  return G_SOURCE_REMOVE;
}

static void
go_on (SpireRowFeed *feed)
{
  if (gtk_widget_get_mapped (feed->owner))
    feed->tick = gtk_widget_add_tick_callback (feed->owner, tick_cb, feed, NULL);
  else
    feed->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_cb, feed, NULL);
}

/* Shown or hidden between slices: frames or idles from now on. */
static void
on_map_changed_cb (GtkWidget *owner, SpireRowFeed *feed)
{
  if (feed->tick)
    gtk_widget_remove_tick_callback (owner, feed->tick);
  feed->tick = 0;
  g_clear_handle_id (&feed->idle, g_source_remove);
  go_on (feed);
}

SpireRowFeed *
_spire_row_feed_new (GtkWidget *owner, guint n, gint64 slice_us, SpireRowFeedFunc make,
                     gpointer data, GDestroyNotify data_free)
{
  SpireRowFeed *feed = g_new0 (SpireRowFeed, 1);

  feed->owner = owner;
  feed->n = n;
  feed->slice_us = slice_us;
  feed->make = make;
  feed->data = data;
  feed->data_free = data_free;
  if (!add_slice (feed))
    {
      stop (feed);
      return feed;
    }
  feed->map_handler = g_signal_connect (owner, "map", G_CALLBACK (on_map_changed_cb), feed);
  feed->unmap_handler = g_signal_connect (owner, "unmap", G_CALLBACK (on_map_changed_cb), feed);
  go_on (feed);
  return feed;
}

gboolean
_spire_row_feed_is_running (SpireRowFeed *feed)
{
  return feed != NULL && feed->next < feed->n;
}

void
_spire_row_feed_free (SpireRowFeed *feed)
{
  if (feed == NULL)
    return;
  stop (feed);
  g_free (feed);
}
