/* spire-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-exchange.h"

/* Being written: see the header for what each function does. */

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_FAILED, "not written yet");
  return FALSE;
}

char *
spire_exchange_export_string (SpireStore *store, GError **error)
{
  not_yet (error);
  return NULL;
}

gboolean
spire_exchange_export_file (SpireStore *store, const char *path, SpireProgressFunc progress,
                            gpointer progress_data, GCancellable *cancellable, GError **error)
{
  return not_yet (error);
}

gboolean
spire_exchange_import_data (SpireStore *store, const char *data, gssize length, const char *name,
                            SpireImportStats *stats, SpireProgressFunc progress,
                            gpointer progress_data, GCancellable *cancellable, GError **error)
{
  return not_yet (error);
}

gboolean
spire_exchange_import_file (SpireStore *store, const char *path, SpireImportStats *stats,
                            SpireProgressFunc progress, gpointer progress_data,
                            GCancellable *cancellable, GError **error)
{
  return not_yet (error);
}
