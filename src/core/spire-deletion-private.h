/* spire-deletion-private.h — restorable removals made by a core rule
 *
 * spire_store_delete_with_parts () finds what goes with a record by
 * itself.  A rule that removes in its own way (a rubric's criterion: its
 * scores go, the criteria after it move up) builds the SpireDeletion with
 * these, so that the same Undo puts all of it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-deletion.h"

G_BEGIN_DECLS

/* Whether a deletion may still be put back (the rule that made it, asked
 * again at restore: a criterion only goes back into a rubric not frozen
 * since). */
typedef gboolean (*SpireDeletionCheck) (SpireStore *store, gpointer data, GError **error);

/* An empty deletion: the caller deletes, and tells it what it did. */
SpireDeletion *_spire_deletion_new (SpireStore *store, const char *description, guint n_asked);
/* @record (as it was) is put back by a restore, in the order added. */
void _spire_deletion_add_removed (SpireDeletion *self, SpireRecord *record);
/* @before (a copy as it was before the change) is saved back by a restore,
 * before any removed record is put back. */
void _spire_deletion_add_changed (SpireDeletion *self, SpireRecord *before);
void _spire_deletion_set_check (SpireDeletion *self, SpireDeletionCheck check, gpointer data,
                                GDestroyNotify destroy);

G_END_DECLS
