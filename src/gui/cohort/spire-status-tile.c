/* spire-status-tile.c — how many applications have one status; a toggle
 * that shows only those
 *
 * The cohort page shows one tile per application status, in the order of
 * the status field; a click filters the list by that status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cohort-resources.h"
#include "spire-status-tile.h"
#include "spire-text.h"

struct _SpireStatusTile
{
  GtkToggleButton parent_instance;

  GtkLabel *number_label;
  GtkLabel *caption_label;
  char *status;
  guint count;
};

G_DEFINE_FINAL_TYPE (SpireStatusTile, spire_status_tile, GTK_TYPE_TOGGLE_BUTTON)

static void
spire_status_tile_dispose (GObject *object)
{
  SpireStatusTile *self = SPIRE_STATUS_TILE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_STATUS_TILE);
  g_clear_pointer (&self->status, g_free);
  G_OBJECT_CLASS (spire_status_tile_parent_class)->dispose (object);
}

static void
spire_status_tile_class_init (SpireStatusTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_status_tile_dispose;

  (void) spire_cohort_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/cohort/spire-status-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireStatusTile, number_label);
  gtk_widget_class_bind_template_child (widget_class, SpireStatusTile, caption_label);
}

static void
spire_status_tile_init (SpireStatusTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_status_tile_new (const char *value, const char *label)
{
  SpireStatusTile *self = g_object_new (SPIRE_TYPE_STATUS_TILE, NULL);
  /* TRANSLATORS: tooltip of a status count, e.g. "Show only Rejected" */
  g_autofree char *tooltip = g_strdup_printf (_("Show only “%s”"), label);

  self->status = g_strdup (value);
  gtk_label_set_text (self->caption_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", value);
  spire_status_tile_set_count (self, 0);
  return GTK_WIDGET (self);
}

const char *
spire_status_tile_get_status (SpireStatusTile *self)
{
  g_return_val_if_fail (SPIRE_IS_STATUS_TILE (self), NULL);

  return self->status;
}

void
spire_status_tile_set_count (SpireStatusTile *self, guint count)
{
  g_autofree char *number = spire_format_count (count, spire_language_current ());

  g_return_if_fail (SPIRE_IS_STATUS_TILE (self));

  self->count = count;
  gtk_label_set_text (self->number_label, number);
  if (count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->number_label), "dim-label");
}

void
spire_status_tile_set_unknown (SpireStatusTile *self)
{
  g_return_if_fail (SPIRE_IS_STATUS_TILE (self));

  self->count = 0;
  gtk_label_set_text (self->number_label, "–");
  gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "dim-label");
}

guint
spire_status_tile_get_count (SpireStatusTile *self)
{
  g_return_val_if_fail (SPIRE_IS_STATUS_TILE (self), 0);

  return self->count;
}

void
spire_status_tile_set_compact (SpireStatusTile *self, gboolean compact)
{
  g_return_if_fail (SPIRE_IS_STATUS_TILE (self));

  /* The caption may wrap between its words: four tiles to a line at 360 px,
   * none cut. */
  gtk_label_set_wrap (self->caption_label, compact);
  gtk_label_set_justify (self->caption_label, GTK_JUSTIFY_CENTER);
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  if (compact)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->number_label), "title-3");
      gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "title-4");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->number_label), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "title-3");
    }
}
