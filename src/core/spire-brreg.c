/* spire-brreg.c — being written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-brreg"

#include "config.h"

#include "spire-brreg.h"
