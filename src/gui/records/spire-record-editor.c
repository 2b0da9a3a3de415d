/* spire-record-editor.c — being written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-record-editor.h"

void
spire_record_editor_present (GtkWindow *parent, SpireStore *store, const SpireKind *kind,
                             SpireRecord *record, GHashTable *defaults)
{
  g_warning ("The record editor is being written.");
}

void
spire_record_delete_with_undo (GtkWindow *window, SpireStore *store, SpireRecord *record)
{
  g_warning ("Deleting with undo is being written.");
}
