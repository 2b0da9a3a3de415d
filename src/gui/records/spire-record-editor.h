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

/* Deletes @record through the store and shows an "Undo" toast on @window;
 * when other records depend on it, explains what does in a dialog instead
 * (the store's SPIRE_ERROR_IN_USE message) and deletes nothing. */
void spire_record_delete_with_undo (GtkWindow *window, SpireStore *store, SpireRecord *record);
/* The same for several records (all or none): one toast, one undo. */
void spire_records_delete_with_undo (GtkWindow *window, SpireStore *store, GPtrArray *records);
/* Puts back what the last delete on @window took away (same UUIDs, with
 * the parts that went with it), while its toast is shown.  FALSE when
 * there is nothing to undo. */
gboolean spire_record_undo_delete (GtkWindow *window);
gboolean spire_record_can_undo_delete (GtkWindow *window);

G_END_DECLS
