/* spire-evaluator-window.c — being written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluator"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-evaluator-window.h"

gboolean
spire_evaluator_window_open (GtkApplication *app, GFile *file, GError **error)
{
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_FAILED, "being written");
  return FALSE;
}
