/* spire-first-frame.c — work held back until a window's first frame
 *
 * Issue 11's start: what the first frame does not need (the cohort's
 * listing, read in a worker) starts right after it, so that the frame is
 * not made to wait for it, nor to lay out and draw what it brings, and the
 * worker's memory is not held beside it.  The wait follows the window's
 * frame clock: its "after-paint" once, or the clock going away (the window
 * unrealized before its first frame), whichever comes first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-first-frame.h"

struct _SpireFirstFrameWait
{
  GdkFrameClock *clock; /* weakly referenced */
  gulong handler;
  SpireFirstFrameFunc func;
  gpointer data;
};

static void on_clock_gone (gpointer user_data, GObject *where_the_clock_was);

static void
wait_free (SpireFirstFrameWait *wait)
{
  if (wait->clock)
    {
      g_signal_handler_disconnect (wait->clock, wait->handler);
      g_object_weak_unref (G_OBJECT (wait->clock), on_clock_gone, wait);
    }
  g_free (wait);
}

static void
fire (SpireFirstFrameWait *wait)
{
  SpireFirstFrameFunc func = wait->func;
  gpointer data = wait->data;

  wait_free (wait);
  func (data);
}

static void
on_after_paint_cb (GdkFrameClock *clock, SpireFirstFrameWait *wait)
{
  fire (wait);
}

static void
on_clock_gone (gpointer user_data, GObject *where_the_clock_was)
{
  SpireFirstFrameWait *wait = user_data;

  wait->clock = NULL;
  fire (wait);
}

SpireFirstFrameWait *
_spire_first_frame_wait (GtkWidget *widget, SpireFirstFrameFunc func, gpointer data)
{
  GtkNative *native = gtk_widget_get_native (widget);
  SpireFirstFrameWait *wait;
  GdkFrameClock *clock;

  if (native == NULL || !gtk_widget_get_realized (GTK_WIDGET (native)))
    return NULL;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (native));
  /* No timings yet: no frame begun */
  if (clock == NULL || gdk_frame_clock_get_current_timings (clock) != NULL)
    return NULL;
  wait = g_new0 (SpireFirstFrameWait, 1);
  wait->clock = clock;
  wait->func = func;
  wait->data = data;
  g_object_weak_ref (G_OBJECT (clock), on_clock_gone, wait);
  wait->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), wait);
  return wait;
}

void
_spire_first_frame_wait_cancel (SpireFirstFrameWait *wait)
{
  if (wait != NULL)
    wait_free (wait);
}
