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
