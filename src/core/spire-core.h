/* spire-core.h — everything the GUI, the CLI and the tests use from core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-brreg.h"
#include "spire-csv-export-job.h"
#include "spire-csv-export.h"
#include "spire-csv-import.h"
#include "spire-deletion.h"
#include "spire-demo.h"
#include "spire-error.h"
#include "spire-evaluation.h"
#include "spire-followup.h"
#include "spire-exchange.h"
#include "spire-import-jobs.h"
#include "spire-kommune.h"
#include "spire-orgform.h"
#include "spire-locale.h"
#include "spire-listing.h"
#include "spire-package.h"
#include "spire-privacy.h"
#include "spire-ranking.h"
#include "spire-record.h"
#include "spire-records.h"
#include "spire-scoring.h"
#include "spire-settings.h"
#include "spire-store.h"
#include "spire-text.h"
#include "spire-validate.h"
