/* spire-evaluation-page.c — the cohort's rubric, panel, conflicts of interest, assignments and reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-page.h"
#include "spire-evaluation-resources.h"

struct _SpireEvaluationPage
{
  AdwBin parent_instance;

  SpireStore *store;
  SpireCohort *cohort;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationPage, spire_evaluation_page, ADW_TYPE_BIN)

static void
spire_evaluation_page_dispose (GObject *object)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_EVALUATION_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);

  G_OBJECT_CLASS (spire_evaluation_page_parent_class)->dispose (object);
}

static void
spire_evaluation_page_class_init (SpireEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Using the feature's resource links it in from the static library;
   * it registers itself. */
  g_assert (spire_evaluation_get_resource () != NULL);

  object_class->dispose = spire_evaluation_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-page.ui");
}

static void
spire_evaluation_page_init (SpireEvaluationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_evaluation_page_new (void)
{
  return g_object_new (SPIRE_TYPE_EVALUATION_PAGE, NULL);
}

void
spire_evaluation_page_set_store (SpireEvaluationPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_EVALUATION_PAGE (self));

  g_set_object (&self->store, store);
}

gboolean
spire_evaluation_page_set_cohort (SpireEvaluationPage *self, SpireCohort *cohort, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_PAGE (self), FALSE);

  g_set_object (&self->cohort, cohort);
  return TRUE;
}
