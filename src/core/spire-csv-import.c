/* spire-csv-import.c — being written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-csv-import"

#include "config.h"

#include "spire-csv-import.h"
