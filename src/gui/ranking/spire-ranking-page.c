/* spire-ranking-page.c — the cohort's ranking, the selection meeting and decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-ranking-page.h"
#include "spire-ranking-resources.h"

struct _SpireRankingPage
{
  AdwBin parent_instance;

  SpireStore *store;
  SpireCohort *cohort;
};

G_DEFINE_FINAL_TYPE (SpireRankingPage, spire_ranking_page, ADW_TYPE_BIN)

static void
spire_ranking_page_dispose (GObject *object)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_RANKING_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);

  G_OBJECT_CLASS (spire_ranking_page_parent_class)->dispose (object);
}

static void
spire_ranking_page_class_init (SpireRankingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Using the feature's resource links it in from the static library;
   * it registers itself. */
  g_assert (spire_ranking_get_resource () != NULL);

  object_class->dispose = spire_ranking_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/ranking/spire-ranking-page.ui");
}

static void
spire_ranking_page_init (SpireRankingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_ranking_page_new (void)
{
  return g_object_new (SPIRE_TYPE_RANKING_PAGE, NULL);
}

void
spire_ranking_page_set_store (SpireRankingPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_RANKING_PAGE (self));

  g_set_object (&self->store, store);
}

gboolean
spire_ranking_page_set_cohort (SpireRankingPage *self, SpireCohort *cohort, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_PAGE (self), FALSE);

  g_set_object (&self->cohort, cohort);
  return TRUE;
}
