/* spire-record-private.h — for the kinds table and the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-record.h"

G_BEGIN_DECLS

void _spire_record_class_set_kind (SpireRecordClass *klass, const SpireKind *kind);
void _spire_record_set_invalid_field (SpireRecord *self, const char *field);

G_END_DECLS
