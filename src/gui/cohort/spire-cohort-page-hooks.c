/* spire-cohort-page-hooks.c — what a test sees of the cohort page
 *
 * The page's private API for tests (spire-cohort-page-private.h): the
 * texts, counts, tiles and filter items as the user sees them.  Apart from
 * the page's own file, which holds what the page does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cohort-page-private.h"
#include "spire-status-tile.h"

const char *
_spire_cohort_page_get_shown_text (SpireCohortPage *self)
{
  return gtk_label_get_text (self->shown_label);
}

int
_spire_cohort_page_get_status_count (SpireCohortPage *self, const char *status)
{
  SpireStatusTile *tile = g_hash_table_lookup (self->tiles, status);

  return tile ? (int) spire_status_tile_get_count (tile) : -1;
}

guint
_spire_cohort_page_get_n_filter_items (SpireCohortPage *self, gboolean challenges)
{
  return g_list_model_get_n_items (G_LIST_MODEL (challenges ? self->challenge_items
                                                            : self->status_items));
}

const char *
_spire_cohort_page_get_details_state (SpireCohortPage *self)
{
  return gtk_stack_get_visible_child_name (self->details_stack);
}

const char *
_spire_cohort_page_get_title (SpireCohortPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->cohort_title))
           ? gtk_label_get_text (self->cohort_title)
           : NULL;
}

const char *
_spire_cohort_page_get_subtitle (SpireCohortPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->program_label))
           ? gtk_label_get_text (self->program_label)
           : NULL;
}

GtkWidget *
_spire_cohort_page_get_tile (SpireCohortPage *self, const char *status)
{
  return g_hash_table_lookup (self->tiles, status);
}
