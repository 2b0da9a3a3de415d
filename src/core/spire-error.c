/* spire-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-error"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"

G_DEFINE_QUARK (spire-error-quark, spire_error)
