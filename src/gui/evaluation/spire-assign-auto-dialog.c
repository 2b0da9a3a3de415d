/* spire-assign-auto-dialog.c — asks how many panel members each application gets
 *
 * The assignment part then runs spire_assign_auto_async with that number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-assign-auto-dialog.h"
#include "spire-evaluation-part.h"

struct _SpireAssignAutoDialog
{
  AdwMessageDialog parent_instance;

  GtkSpinButton *k_spin;
};

G_DEFINE_FINAL_TYPE (SpireAssignAutoDialog, spire_assign_auto_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
spire_assign_auto_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_ASSIGN_AUTO_DIALOG);
  G_OBJECT_CLASS (spire_assign_auto_dialog_parent_class)->dispose (object);
}

static void
spire_assign_auto_dialog_class_init (SpireAssignAutoDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_assign_auto_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-assign-auto-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireAssignAutoDialog, k_spin);
}

static void
spire_assign_auto_dialog_init (SpireAssignAutoDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->k_spin, SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION);
}

SpireAssignAutoDialog *
spire_assign_auto_dialog_new (GtkWidget *from)
{
  return g_object_new (SPIRE_TYPE_ASSIGN_AUTO_DIALOG, "transient-for",
                       _spire_evaluation_window_of (from), NULL);
}

guint
spire_assign_auto_dialog_get_k (SpireAssignAutoDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_ASSIGN_AUTO_DIALOG (self), 0);
  return gtk_spin_button_get_value_as_int (self->k_spin);
}

void
spire_assign_auto_dialog_set_k (SpireAssignAutoDialog *self, guint k)
{
  g_return_if_fail (SPIRE_IS_ASSIGN_AUTO_DIALOG (self));
  gtk_spin_button_set_value (self->k_spin, k);
}
