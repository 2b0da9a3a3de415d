/* spire-audit-page.h — the audit trail as a window page: who changed what,
 * when, before and after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_AUDIT_PAGE (spire_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (SpireAuditPage, spire_audit_page, SPIRE, AUDIT_PAGE, AdwBin)

GtkWidget *spire_audit_page_new (void);

void spire_audit_page_set_store (SpireAuditPage *self, SpireStore *store);
/* The entries about the record @record_uuid of @kind (both NULL: every
 * record) and about the person @person_uuid (NULL: everyone); the date and
 * the search are cleared.  Reads the entries again. */
void spire_audit_page_set_filter (SpireAuditPage *self, const SpireKind *kind,
                                  const char *record_uuid, const char *person_uuid);
/* Entries on or after @date (as typed: "23.11.2026" or "2026-11-23"; NULL
 * or "" for any day). */
void spire_audit_page_set_since (SpireAuditPage *self, const char *date);
/* Reads the entries again (off the main thread); "loading" is TRUE until
 * they are shown. */
void spire_audit_page_reload (SpireAuditPage *self);
gboolean spire_audit_page_get_loading (SpireAuditPage *self);
/* The entries shown, after the search, newest first: SpireAuditEntry. */
GListModel *spire_audit_page_get_entries (SpireAuditPage *self);
/* The page's title: "Audit Trail", or "History of …" for a record. */
const char *spire_audit_page_get_title (SpireAuditPage *self);

G_END_DECLS
