/* spire-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-demo.h"

/* Being written: see the header for what each function does. */

gboolean
spire_demo_fill (SpireStore *store, guint32 seed, SpireDemoSize size, gboolean force,
                 SpireProgressFunc progress, gpointer progress_data, GCancellable *cancellable,
                 GError **error)
{
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_FAILED, "not written yet");
  return FALSE;
}
