/* spire-scoring.c — being written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-scoring"

#include "config.h"

#include "spire-scoring.h"
