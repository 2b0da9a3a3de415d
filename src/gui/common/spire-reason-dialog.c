/* spire-reason-dialog.c — asks for the written reason a change needs
 *
 * Decisions, reopened reviews, unfrozen rubrics and dismissed conflicts all
 * need one written reason (DESIGN.md: decisions with written reasons); this
 * is the one dialog that asks for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-reason"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-reason-dialog.h"
#include "spire-widget.h"
#include "spire-common-resources.h"

struct _SpireReasonDialog
{
  AdwMessageDialog parent_instance;

  GtkEntry *entry;
  GtkLabel *warning;
};

G_DEFINE_FINAL_TYPE (SpireReasonDialog, spire_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_entry_changed_cb (SpireReasonDialog *self)
{
  g_autofree char *reason = spire_reason_dialog_get_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", *reason != '\0');
}

static void
spire_reason_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_REASON_DIALOG);
  G_OBJECT_CLASS (spire_reason_dialog_parent_class)->dispose (object);
}

static void
spire_reason_dialog_class_init (SpireReasonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_reason_dialog_dispose;

  (void) spire_common_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/common/spire-reason-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireReasonDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, SpireReasonDialog, warning);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
spire_reason_dialog_init (SpireReasonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpireReasonDialog *
spire_reason_dialog_new (GtkWidget *from, const char *heading, const char *body,
                         const char *apply_label, gboolean destructive)
{
  SpireReasonDialog *self = g_object_new (SPIRE_TYPE_REASON_DIALOG,
                                          "heading", heading,
                                          "body", body,
                                          "transient-for", spire_widget_get_window (from),
                                          NULL);

  if (apply_label)
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply", apply_label);
  if (destructive)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply",
                                                ADW_RESPONSE_DESTRUCTIVE);
  return self;
}

char *
spire_reason_dialog_get_reason (SpireReasonDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_REASON_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

void
spire_reason_dialog_set_reason (SpireReasonDialog *self, const char *reason)
{
  g_return_if_fail (SPIRE_IS_REASON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), reason ? reason : "");
}

void
spire_reason_dialog_set_warning (SpireReasonDialog *self, const char *warning)
{
  g_return_if_fail (SPIRE_IS_REASON_DIALOG (self));

  gtk_label_set_text (self->warning, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning), warning != NULL && *warning != '\0');
}
