/* spire-record-list-page.h — a directory page: the records of one kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_RECORD_LIST_PAGE (spire_record_list_page_get_type ())
G_DECLARE_FINAL_TYPE (SpireRecordListPage, spire_record_list_page, SPIRE, RECORD_LIST_PAGE, AdwBin)

GtkWidget *spire_record_list_page_new (void);

void spire_record_list_page_set_store (SpireRecordListPage *self, SpireStore *store);
/* Shows the records of @kind (startups, public bodies, people or
 * challenges), read again from the store; keeps the search and the
 * selection when @kind is the one shown. */
gboolean spire_record_list_page_set_kind (SpireRecordListPage *self, const SpireKind *kind,
                                          GError **error);
const SpireKind *spire_record_list_page_get_kind (SpireRecordListPage *self);
/* The plural name of what is shown, translated ("Startups"). */
const char *spire_record_list_page_get_title (SpireRecordListPage *self);
void spire_record_list_page_focus_search (SpireRecordListPage *self);
/* Opens the form for a new record of the kind shown. */
void spire_record_list_page_add (SpireRecordListPage *self);

/* Test hooks */
GListModel *_spire_record_list_page_get_shown (SpireRecordListPage *self);
GtkEditable *_spire_record_list_page_get_search_entry (SpireRecordListPage *self);
const char *_spire_record_list_page_get_count_text (SpireRecordListPage *self);
/* TRUE while the records are read and their rows made (off the main thread
 * and in slices): wait for FALSE before looking at the rows. */
gboolean _spire_record_list_page_is_loading (SpireRecordListPage *self);
GtkSelectionModel *_spire_record_list_page_get_selection (SpireRecordListPage *self);
/* The text of cell (@row, @column) as shown. */
const char *_spire_record_list_page_get_cell (SpireRecordListPage *self, guint row, guint column);
GtkColumnView *_spire_record_list_page_get_column_view (SpireRecordListPage *self);

G_END_DECLS
