/* spire-answer-row.c — an answer to one of the call's own questions
 *
 * An application's "extra" field holds the answers to the questions a call
 * asks beyond the standard fields (a JSON object); the details pane shows
 * each as one of these rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-answer-row.h"
#include "spire-cohort-resources.h"

struct _SpireAnswerRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SpireAnswerRow, spire_answer_row, ADW_TYPE_ACTION_ROW)

static void
spire_answer_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_ANSWER_ROW);
  G_OBJECT_CLASS (spire_answer_row_parent_class)->dispose (object);
}

static void
spire_answer_row_class_init (SpireAnswerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_answer_row_dispose;

  (void) spire_cohort_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/cohort/spire-answer-row.ui");
}

static void
spire_answer_row_init (SpireAnswerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_answer_row_new (const char *question, const char *answer)
{
  return g_object_new (SPIRE_TYPE_ANSWER_ROW,
                       "title", question,
                       "subtitle", answer && *answer ? answer : "–",
                       NULL);
}
