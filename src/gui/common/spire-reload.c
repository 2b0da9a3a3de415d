/* spire-reload.c — a page that reads its data again in core's worker
 *
 * The follow-up board and the program overview read what they show with a
 * core _async call (no thread in src/gui); a change in the store queues
 * one reload in an idle (a burst of changes reads once), a new load
 * cancels the one running, and a cancelled load's answer changes nothing.
 * The page keeps what it shows (a spinner, the last data) itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-reload"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-core.h"
#include "spire-reload.h"

void
spire_reload_init (SpireReload *self, void (*reload) (gpointer page), gpointer page)
{
  self->reload = reload;
  self->page = page;
}

void
spire_reload_stop (SpireReload *self)
{
  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
}

GCancellable *
spire_reload_start (SpireReload *self)
{
  spire_reload_stop (self);
  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

gboolean
spire_reload_finish (SpireReload *self, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
    return FALSE;
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  return TRUE;
}

static gboolean
reload_idle_cb (gpointer data)
{
  SpireReload *self = data;

  self->idle = 0;
  self->reload (self->page);
  return G_SOURCE_REMOVE;
}

void
spire_reload_queue (SpireReload *self)
{
  if (self->idle == 0)
    self->idle = g_idle_add (reload_idle_cb, self);
}

gboolean
spire_reload_is_busy (SpireReload *self)
{
  return self->loading || self->idle != 0;
}
