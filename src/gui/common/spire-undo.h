/* spire-undo.h — undo of deletions: an object the window owns, reached by
 * features through their root and the "win.undo" action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_UNDO (spire_undo_get_type ())
G_DECLARE_FINAL_TYPE (SpireUndo, spire_undo, SPIRE, UNDO, GObject)

/* A window that keeps an undo (the main window, the evaluator window)
 * implements this and installs "win.undo", which calls spire_undo_undo ()
 * and is enabled while "can-undo" is TRUE. */
#define SPIRE_TYPE_UNDO_HOST (spire_undo_host_get_type ())
G_DECLARE_INTERFACE (SpireUndoHost, spire_undo_host, SPIRE, UNDO_HOST, GtkWidget)

struct _SpireUndoHostInterface
{
  GTypeInterface parent_iface;

  SpireUndo *(*get_undo) (SpireUndoHost *self);
};

SpireUndo *spire_undo_new (void);
/* Whether there is a deletion to undo (property "can-undo"). */
gboolean spire_undo_get_can_undo (SpireUndo *self);
/* Keeps @deletion as the one to undo while @toast is shown (the toast may
 * be NULL: then until the next push). */
void spire_undo_push (SpireUndo *self, SpireDeletion *deletion, AdwToast *toast);
/* Restores the last deletion; its toast then says "Restored".  TRUE when
 * there was nothing to undo. */
gboolean spire_undo_undo (SpireUndo *self, GError **error);

/* The undo of the window @widget is in, or NULL. */
SpireUndo *spire_undo_for_widget (GtkWidget *widget);

/* A toast over @from that says what @deletion removed and offers Undo
 * ("win.undo", Ctrl+Z) while it is shown; for a removal made by a core
 * rule of its own (a rubric's criterion). */
void spire_undo_offer (GtkWidget *from, SpireDeletion *deletion);

/* What every "Delete" in the GUI does: core deletes @records with their
 * parts; a refusal (in use) is shown in the error dialog; otherwise a toast
 * over @from says what was deleted and offers Undo ("win.undo", Ctrl+Z).
 * Returns whether anything was deleted. */
gboolean spire_delete_with_undo (GtkWidget *from, SpireStore *store, GPtrArray *records);

G_END_DECLS
