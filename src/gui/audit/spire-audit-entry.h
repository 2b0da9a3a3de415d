/* spire-audit-entry.h — one entry of the audit trail, as the audit page
 * shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-core.h"

G_BEGIN_DECLS

typedef enum
{
  SPIRE_AUDIT_COLUMN_WHEN,
  SPIRE_AUDIT_COLUMN_WHO,
  SPIRE_AUDIT_COLUMN_RECORD,
  SPIRE_AUDIT_COLUMN_ACTION,
  SPIRE_AUDIT_N_COLUMNS,
} SpireAuditColumn;

/* One changed field: its label and its value before and after, readable
 * ("—" for none). */
typedef struct
{
  char *label;
  char *before;
  char *after;
} SpireAuditChange;

#define SPIRE_TYPE_AUDIT_ENTRY (spire_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (SpireAuditEntry, spire_audit_entry, SPIRE, AUDIT_ENTRY, GObject)

/* @row is one of spire_audit_query's entries (referenced). */
SpireAuditEntry *spire_audit_entry_new (GHashTable *row);

/* A column of the row as spire_audit_query gives it ("id", "at", …). */
const char *spire_audit_entry_get (SpireAuditEntry *self, const char *column);
/* The text shown in @column: local time, who, "Startup: Kvitravn AS", "Changed". */
const char *spire_audit_entry_get_text (SpireAuditEntry *self, SpireAuditColumn column);
/* TRUE when every word of @casefolded_query is in the entry's texts. */
gboolean spire_audit_entry_matches (SpireAuditEntry *self, const char *casefolded_query);
/* The fields that changed, from the before/after JSON: GPtrArray of
 * SpireAuditChange, in the kind's field order (then other keys).  With
 * @store (may be NULL) a reference shows its record's name where it still
 * exists, else its UUID. */
GPtrArray *spire_audit_entry_get_changes (SpireAuditEntry *self, SpireStore *store);

G_END_DECLS
