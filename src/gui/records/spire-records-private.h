/* spire-records-private.h — test hooks for the record editor, deleting with
 * undo and the directory pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-record-editor.h"
#include "spire-record-list-page.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_RECORD_EDITOR (spire_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpireRecordEditor, spire_record_editor, SPIRE, RECORD_EDITOR, AdwWindow)

/* Types @text into the row of @field as a person would: entry text, the
 * value (not the label) of a choice ("" for None), "true"/"false" for a switch. */
void _spire_record_editor_set_text (SpireRecordEditor *self, const char *field, const char *text);
const char *_spire_record_editor_get_text (SpireRecordEditor *self, const char *field);
GtkWidget *_spire_record_editor_get_row (SpireRecordEditor *self, const char *field);
/* The widget a person uses for @field: the entry row, the switch, the
 * combo row or the GtkDropDown of a choice that searches. */
GtkWidget *_spire_record_editor_get_widget (SpireRecordEditor *self, const char *field);
/* The calendar in the popover of a date's row, or NULL. */
GtkCalendar *_spire_record_editor_get_calendar (SpireRecordEditor *self, const char *field);
gboolean _spire_record_editor_can_save (SpireRecordEditor *self);
/* The message under the form, or NULL. */
const char *_spire_record_editor_get_message (SpireRecordEditor *self);

/* As "Export as CSV…" after the file chooser: writes what @self shows to
 * @path in a thread. */
void _spire_record_list_page_export_csv (SpireRecordListPage *self, const char *path);
gboolean _spire_record_list_page_is_exporting (SpireRecordListPage *self);
/* The toast shown last by @self ("Exported 3 startups to …"), or NULL. */
const char *_spire_record_list_page_get_last_toast (SpireRecordListPage *self);

G_END_DECLS
