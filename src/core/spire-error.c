/* spire-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-error"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"

G_DEFINE_QUARK (spire-error-quark, spire_error)

gboolean
spire_fail (GError **error, SpireErrorCode code, const char *format, ...)
{
  va_list ap;

  if (error == NULL)
    return FALSE;
  va_start (ap, format);
  g_propagate_error (error, g_error_new_valist (SPIRE_ERROR, code, format, ap));
  va_end (ap);
  return FALSE;
}
