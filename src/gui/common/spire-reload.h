/* spire-reload.h — a page that reads its data again in core's worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Kept in the page's struct (zeroed with it), stopped in its dispose. */
typedef struct
{
  GCancellable *cancellable; /* the load running, else NULL */
  guint idle;                /* a reload queued, else 0 */
  gboolean loading;
  void (*reload) (gpointer page);
  gpointer page;
} SpireReload;

/* @reload reads the page again (it calls spire_reload_start). */
void spire_reload_init (SpireReload *self, void (*reload) (gpointer page), gpointer page);
/* Drops the queued reload and cancels the load running: nothing loads. */
void spire_reload_stop (SpireReload *self);
/* A new load (the last one cancelled): its cancellable, for core's _async. */
GCancellable *spire_reload_start (SpireReload *self);
/* The load's end, with its @error: FALSE when it was cancelled (a newer
 * load runs, or the page has gone: touch nothing but the page's ref). */
gboolean spire_reload_finish (SpireReload *self, const GError *error);
/* The store changed: one reload in an idle, however many changes come. */
void spire_reload_queue (SpireReload *self);
/* A load runs or is queued. */
gboolean spire_reload_is_busy (SpireReload *self);

G_END_DECLS
