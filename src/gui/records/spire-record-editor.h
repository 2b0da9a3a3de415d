/* spire-record-editor.h — a form for any record kind, from its field table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* Opens a form over @parent to edit @record, or to create a new record of
 * @kind when @record is NULL, its fields first set from @defaults (field name
 * → text, e.g. "cohort" → a UUID; may be NULL).  Validates as the user types,
 * saves through the store (spire_store_save), asks before closing with
 * unsaved changes.  The store's "changed" signal tells the rest of the window. */
void spire_record_editor_present (GtkWindow *parent, SpireStore *store, const SpireKind *kind,
                                  SpireRecord *record, GHashTable *defaults);

/* spire_delete_with_undo (common/) for one record. */
void spire_record_delete_with_undo (GtkWindow *window, SpireStore *store, SpireRecord *record);

G_END_DECLS
