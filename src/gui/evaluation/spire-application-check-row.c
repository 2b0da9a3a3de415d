/* spire-application-check-row.c — an application with a check button
 *
 * A row of "Assign Several"'s list view (a GtkListView: 40 000 rows in a
 * cohort at xlarge, issue 11), bound to an assignable application (its
 * title, its startup below).  Emits "toggled" when the user ticks or
 * unticks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-application-check-row.h"
#include "spire-evaluation-part.h"

struct _SpireApplicationCheckRow
{
  GtkBox parent_instance;

  GtkCheckButton *check;
  GtkLabel *title;
  GtkLabel *subtitle;

  char *uuid;
  gboolean binding;
};

G_DEFINE_FINAL_TYPE (SpireApplicationCheckRow, spire_application_check_row, GTK_TYPE_BOX)

enum
{
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_toggled_cb (SpireApplicationCheckRow *self)
{
  if (!self->binding)
    g_signal_emit (self, signals[TOGGLED], 0);
}

static void
spire_application_check_row_finalize (GObject *object)
{
  g_free (SPIRE_APPLICATION_CHECK_ROW (object)->uuid);
  G_OBJECT_CLASS (spire_application_check_row_parent_class)->finalize (object);
}

static void
spire_application_check_row_class_init (SpireApplicationCheckRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = spire_application_check_row_finalize;
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-application-check-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationCheckRow, check);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationCheckRow, title);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationCheckRow, subtitle);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled_cb);
}

static void
spire_application_check_row_init (SpireApplicationCheckRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_application_check_row_new (void)
{
  return g_object_new (SPIRE_TYPE_APPLICATION_CHECK_ROW, NULL);
}

void
spire_application_check_row_bind (SpireApplicationCheckRow *self, SpireReviewQueueItem *item,
                                  gboolean active)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_CHECK_ROW (self));

  g_free (self->uuid);
  self->uuid = item ? g_strdup (spire_record_get_uuid (item->application)) : NULL;
  gtk_label_set_label (self->title, item ? spire_record_get_display_name (item->application) : "");
  gtk_label_set_label (self->subtitle, item && item->startup ? item->startup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), item && item->startup && item->startup[0]);
  self->binding = TRUE;
  gtk_check_button_set_active (self->check, active);
  self->binding = FALSE;
}

const char *
spire_application_check_row_get_uuid (SpireApplicationCheckRow *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_CHECK_ROW (self), NULL);
  return self->uuid;
}

gboolean
spire_application_check_row_get_active (SpireApplicationCheckRow *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_CHECK_ROW (self), FALSE);
  return gtk_check_button_get_active (self->check);
}

void
spire_application_check_row_set_active (SpireApplicationCheckRow *self, gboolean active)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_CHECK_ROW (self));
  gtk_check_button_set_active (self->check, active);
}

void
spire_application_check_row_toggle (SpireApplicationCheckRow *self)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_CHECK_ROW (self));
  gtk_check_button_set_active (self->check, !gtk_check_button_get_active (self->check));
}
