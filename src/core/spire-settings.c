/* spire-settings.c — the choices core reads (spire-settings.h)
 *
 * Process-wide, as the language is: a report's author and the follow-up's
 * stale threshold are the person's, not the database's.  Guarded by a
 * mutex because long work reads them in its worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-followup.h"
#include "spire-settings.h"

static GMutex lock;
static char *author;
static int stale_days = SPIRE_STALE_DAYS;

void
spire_settings_set_author (const char *name)
{
  g_mutex_lock (&lock);
  g_free (author);
  author = name && *name ? g_strstrip (g_strdup (name)) : NULL;
  if (author && *author == '\0')
    g_clear_pointer (&author, g_free);
  g_mutex_unlock (&lock);
}

char *
spire_settings_dup_author (void)
{
  char *copy;

  g_mutex_lock (&lock);
  copy = g_strdup (author);
  g_mutex_unlock (&lock);
  return copy;
}

void
spire_settings_set_stale_days (int days)
{
  g_atomic_int_set (&stale_days, MAX (days, 1));
}

int
spire_settings_get_stale_days (void)
{
  return g_atomic_int_get (&stale_days);
}
