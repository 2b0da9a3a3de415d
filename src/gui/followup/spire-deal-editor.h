/* spire-deal-editor.h — one deal: its fields, its stage history, the
 * procedure hints, its phases and purchase option, and its gains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DEAL_EDITOR (spire_deal_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpireDealEditor, spire_deal_editor, SPIRE, DEAL_EDITOR, AdwWindow)

/* Actions (on the editor, "deal."):
 *   save                  store the fields (Ctrl+S); off while they are not valid
 *   add-phase             ask a new phase's name, planned date and maximum cost
 *   set-phase-state (ss)  a phase's UUID and "passed" or "stopped": ask the
 *                         date and the cost
 *   exercise-option       exercise the purchase option, or say why not
 *   add-gain              ask a gain for a year
 * Escape closes (asking first when the fields have unsaved changes). */

/* Opens the editor of @deal_uuid over @from's window; NULL (with an error
 * dialog) when the deal cannot be read. */
SpireDealEditor *spire_deal_editor_present (GtkWidget *from, SpireStore *store,
                                            const char *deal_uuid);
const char *spire_deal_editor_get_deal (SpireDealEditor *self);
/* Sets a field's row as a person types it ("value" → "2 500 000"); FALSE
 * when the editor has no row for @field. */
gboolean spire_deal_editor_set_field_text (SpireDealEditor *self, const char *field,
                                           const char *text);
/* TRUE when the fields are valid (Save is on). */
gboolean spire_deal_editor_is_valid (SpireDealEditor *self);

G_END_DECLS
