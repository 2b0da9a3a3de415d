/* spire-evaluation-util.h — forwarding for src/gui/evaluator/ only (to be deleted)
 *
 * The evaluation views use gui/common/ directly.  The evaluator window
 * (another folder) still includes this header; until it includes
 * common/spire-error-dialog.h itself, these forward to common/.  No window,
 * no copy of a helper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "common/spire-error-dialog.h"
#include "spire-evaluation-part.h"

G_BEGIN_DECLS

static inline AdwMessageDialog *
_spire_evaluation_show_error (GtkWidget *widget, const char *heading, const GError *error)
{
  return spire_error_dialog_show (widget, heading, error);
}

G_END_DECLS
