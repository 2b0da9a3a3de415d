/* spire-undo.c — undo of deletions (see spire-undo.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error-dialog.h"
#include "spire-toast.h"
#include "spire-undo.h"

struct _SpireUndo
{
  GObject parent_instance;

  SpireDeletion *deletion;
  AdwToast *toast; /* weak */
};

G_DEFINE_FINAL_TYPE (SpireUndo, spire_undo, G_TYPE_OBJECT)
G_DEFINE_INTERFACE (SpireUndoHost, spire_undo_host, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spire_undo_host_default_init (SpireUndoHostInterface *iface)
{
}

static void
set_deletion (SpireUndo *self, SpireDeletion *deletion, AdwToast *toast)
{
  gboolean before = self->deletion != NULL;

  if (self->toast)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  g_set_object (&self->deletion, deletion);
  g_set_weak_pointer (&self->toast, toast);
  if (before != (self->deletion != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* The Undo button dismisses its toast too; its action runs first. */
static void
on_toast_dismissed_cb (AdwToast *toast, SpireUndo *self)
{
  if (self->toast == toast)
    set_deletion (self, NULL, NULL);
}

static void
spire_undo_dispose (GObject *object)
{
  SpireUndo *self = SPIRE_UNDO (object);

  if (self->toast)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  g_clear_weak_pointer (&self->toast);
  g_clear_object (&self->deletion);
  G_OBJECT_CLASS (spire_undo_parent_class)->dispose (object);
}

static void
spire_undo_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireUndo *self = SPIRE_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->deletion != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_undo_class_init (SpireUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spire_undo_dispose;
  object_class->get_property = spire_undo_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spire_undo_init (SpireUndo *self)
{
}

SpireUndo *
spire_undo_new (void)
{
  return g_object_new (SPIRE_TYPE_UNDO, NULL);
}

gboolean
spire_undo_get_can_undo (SpireUndo *self)
{
  g_return_val_if_fail (SPIRE_IS_UNDO (self), FALSE);
  return self->deletion != NULL;
}

void
spire_undo_push (SpireUndo *self, SpireDeletion *deletion, AdwToast *toast)
{
  g_return_if_fail (SPIRE_IS_UNDO (self));
  g_return_if_fail (SPIRE_IS_DELETION (deletion));

  set_deletion (self, deletion, toast);
  if (toast)
    g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
}

gboolean
spire_undo_undo (SpireUndo *self, GError **error)
{
  g_autoptr (SpireDeletion) deletion = NULL;
  AdwToast *toast;

  g_return_val_if_fail (SPIRE_IS_UNDO (self), FALSE);

  if (self->deletion == NULL)
    return TRUE;
  /* Take it first: the toast's dismissal must not drop it under us. */
  deletion = g_object_ref (self->deletion);
  toast = self->toast;
  set_deletion (self, NULL, NULL);
  /* Not adw_toast_dismiss(): libadwaita 1.2 aborts when the dismissal
   * brings back a toast that is still hiding.  The toast says what
   * happened instead and goes at its time. */
  if (toast)
    {
      adw_toast_set_button_label (toast, NULL);
      adw_toast_set_action_name (toast, NULL);
      adw_toast_set_title (toast, _("Restored"));
    }
  return spire_deletion_restore (deletion, error);
}

SpireUndo *
spire_undo_for_widget (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  /* A dialog: the window it belongs to. */
  for (GtkWindow *w = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL; w;
       w = gtk_window_get_transient_for (w))
    if (SPIRE_IS_UNDO_HOST (w))
      return SPIRE_UNDO_HOST_GET_IFACE (w)->get_undo (SPIRE_UNDO_HOST (w));
  return NULL;
}

void
spire_undo_offer (GtkWidget *from, SpireDeletion *deletion)
{
  AdwToast *toast;
  SpireUndo *undo;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (SPIRE_IS_DELETION (deletion));

  toast = adw_toast_new (spire_deletion_get_description (deletion));
  undo = spire_undo_for_widget (from);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_timeout (toast, 8);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      spire_undo_push (undo, deletion, toast);
    }
  spire_toast_add (from, toast);
}

gboolean
spire_delete_with_undo (GtkWidget *from, SpireStore *store, GPtrArray *records)
{
  g_autoptr (SpireDeletion) deletion = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (records == NULL || records->len == 0)
    return FALSE;
  deletion = spire_store_delete_with_parts (store, records, &error);
  if (deletion == NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE) && records->len == 1)
        heading = g_strdup_printf (_("“%s” Is in Use"),
                                   spire_record_get_display_name (records->pdata[0]));
      spire_error_dialog_show (from, heading ? heading : _("Could Not Delete"), error);
      return FALSE;
    }

  spire_undo_offer (from, deletion);
  return TRUE;
}
