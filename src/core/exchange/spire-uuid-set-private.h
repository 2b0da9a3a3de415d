/* spire-uuid-set-private.h — a compact set of UUIDs (spire-uuid-set.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpireUuidSet SpireUuidSet;

SpireUuidSet *_spire_uuid_set_new (void);
void _spire_uuid_set_free (SpireUuidSet *self);
/* FALSE when @uuid was in the set already.  Strings compare exactly:
 * "ABC…" and "abc…" are two members, as they are two keys in SQLite. */
gboolean _spire_uuid_set_add (SpireUuidSet *self, const char *uuid);
gboolean _spire_uuid_set_contains (const SpireUuidSet *self, const char *uuid);
gsize _spire_uuid_set_size (const SpireUuidSet *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpireUuidSet, _spire_uuid_set_free)

G_END_DECLS
