/* spire-package-row.c — one panel member's offline evaluation package
 *
 * The member and a button that exports their package; observers score
 * nothing and get none.  On a phone the button goes under the name
 * (spire_widget_stack_when_narrow), which stays whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-widget.h"
#include "spire-package-row.h"
#include "spire-evaluation-part.h"

struct _SpirePackageRow
{
  GtkListBoxRow parent_instance;

  GtkWidget *header;
  GtkLabel *name_label;
  GtkWidget *note_label;
  GtkWidget *export_button;
};

G_DEFINE_FINAL_TYPE (SpirePackageRow, spire_package_row, GTK_TYPE_LIST_BOX_ROW)

static void
spire_package_row_class_init (SpirePackageRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-package-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpirePackageRow, header);
  gtk_widget_class_bind_template_child (widget_class, SpirePackageRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SpirePackageRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, SpirePackageRow, export_button);
}

static void
spire_package_row_init (SpirePackageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  spire_widget_stack_when_narrow (self->header);
}

GtkWidget *
spire_package_row_new (SpireStore *store, SpireRecord *ev)
{
  SpirePackageRow *self = g_object_new (SPIRE_TYPE_PACKAGE_ROW, NULL);
  g_autofree char *name = _spire_evaluation_evaluator_name (store, spire_record_get_uuid (ev));

  gtk_label_set_text (self->name_label, name);
  if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
    {
      gtk_widget_set_visible (self->note_label, TRUE);
      gtk_widget_set_visible (self->export_button, FALSE);
    }
  else
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->export_button), "s",
                                        spire_record_get_uuid (ev));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button),
                                      "evaluation.export-package");
    }
  return GTK_WIDGET (self);
}
