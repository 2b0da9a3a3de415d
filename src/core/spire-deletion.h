/* spire-deletion.h — deleting records with their parts, restorably
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-store.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_DELETION (spire_deletion_get_type ())
G_DECLARE_FINAL_TYPE (SpireDeletion, spire_deletion, SPIRE, DELETION, GObject)

/* Deletes @records (SpireRecord) in one transaction, with what goes with
 * them (their ON DELETE CASCADE parts, and the references to them that are
 * cleared), and returns what was deleted so that it can be put back.
 * Refused before anything is touched, with SPIRE_ERROR_IN_USE, when other
 * records depend on one of them; the message says what depends on it and
 * what to do instead ("“Nordlys AS” cannot be deleted: 3 applications
 * depend on it.\n\nWithdraw its applications instead: …"). */
SpireDeletion *spire_store_delete_with_parts (SpireStore *store, GPtrArray *records,
                                              GError **error);

/* "“Nordlys AS” deleted", "3 records deleted" */
const char *spire_deletion_get_description (SpireDeletion *self);
/* The records that were asked for (not their parts). */
guint spire_deletion_get_n_records (SpireDeletion *self);
/* Puts every deleted record back, with its UUID and times, in one
 * transaction.  A deletion is restored once; a second call does nothing
 * and returns TRUE. */
gboolean spire_deletion_restore (SpireDeletion *self, GError **error);

G_END_DECLS
