/* spire-csv-import.h — being written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"
