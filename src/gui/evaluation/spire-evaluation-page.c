/* spire-evaluation-page.c — the Evaluation view: a shell of six parts
 *
 * The cohort's evaluation has six parts, each its own widget: the rubric,
 * screening, the panel and its conflicts of interest, assignment, the
 * offline packages and the reviews keyed in at the office.  The shell shows
 * one at a time, chosen in a list beside it (folded to the list with a back
 * button when the window is narrow, as GNOME Settings does), hands every
 * part the store and the cohort, reloads them when the store changes, and
 * shows the long work one part runs while making every part wait.  Only
 * the part in sight loads; the others hold the cohort until shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-page.h"
#include "spire-evaluation-resources.h"
#include "spire-evaluation-part.h"
#include "spire-evaluation-rubric.h"
#include "spire-evaluation-screening.h"
#include "spire-evaluation-panel.h"
#include "spire-evaluation-assignment.h"
#include "spire-evaluation-packages.h"
#include "spire-evaluation-reviews.h"

#define N_PARTS 6

struct _SpireEvaluationPage
{
  AdwBin parent_instance;

  GtkRevealer *busy_revealer;
  GtkSpinner *busy_spinner;
  GtkLabel *busy_label;
  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkListBox *part_list;
  GtkRevealer *back_revealer;
  GtkLabel *part_title;
  GtkStack *part_stack;
  SpireEvaluationPart *rubric;
  SpireEvaluationPart *screening;
  SpireEvaluationPart *panel;
  SpireEvaluationPart *assignment;
  SpireEvaluationPart *packages;
  SpireEvaluationPart *reviews;

  SpireStore *store;
  SpireCohort *cohort;
  guint reload_id;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationPage, spire_evaluation_page, ADW_TYPE_BIN)

static SpireEvaluationPart **
parts (SpireEvaluationPage *self, SpireEvaluationPart *out[N_PARTS])
{
  out[0] = self->rubric;
  out[1] = self->screening;
  out[2] = self->panel;
  out[3] = self->assignment;
  out[4] = self->packages;
  out[5] = self->reviews;
  return out;
}

static void
reload (SpireEvaluationPage *self)
{
  SpireEvaluationPart *all[N_PARTS];

  g_clear_handle_id (&self->reload_id, g_source_remove);
  parts (self, all);
  for (guint i = 0; i < N_PARTS; i++)
    spire_evaluation_part_reload_when_shown (all[i]);
}

static void
hand_over (SpireEvaluationPage *self)
{
  SpireEvaluationPart *all[N_PARTS];

  g_clear_handle_id (&self->reload_id, g_source_remove);
  parts (self, all);
  for (guint i = 0; i < N_PARTS; i++)
    spire_evaluation_part_set_cohort (all[i], self->store, self->cohort);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->store && self->cohort ? "parts" : "none");
}

static gboolean
reload_idle_cb (gpointer data)
{
  SpireEvaluationPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (SpireStore *store, const char *table, SpireEvaluationPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* One part works: all of them wait, and the shell says what is being done. */
static void
on_part_working_cb (SpireEvaluationPart *part, GParamSpec *pspec, SpireEvaluationPage *self)
{
  SpireEvaluationPart *all[N_PARTS];
  const char *doing = NULL;

  parts (self, all);
  for (guint i = 0; i < N_PARTS && doing == NULL; i++)
    doing = spire_evaluation_part_get_working (all[i]);
  for (guint i = 0; i < N_PARTS; i++)
    spire_evaluation_part_set_busy (all[i], doing != NULL);
  if (doing)
    gtk_label_set_label (self->busy_label, doing);
  gtk_revealer_set_reveal_child (self->busy_revealer, doing != NULL);
  gtk_spinner_set_spinning (self->busy_spinner, doing != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), doing == NULL);
}

static void
select_row (SpireEvaluationPage *self, const char *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->part_list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      {
        GtkWidget *label = gtk_list_box_row_get_child (row);

        gtk_label_set_label (self->part_title, gtk_label_get_label (GTK_LABEL (label)));
        if (!adw_leaflet_get_folded (self->leaflet))
          gtk_list_box_select_row (self->part_list, row);
        return;
      }
}

static void
on_folded_cb (SpireEvaluationPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  SpireEvaluationPart *all[N_PARTS];

  parts (self, all);
  for (guint i = 0; i < N_PARTS; i++)
    spire_evaluation_part_set_compact (all[i], folded);
  gtk_revealer_set_reveal_child (self->back_revealer, folded);
  /* Folded, the list only leads on: nothing stays selected in it. */
  gtk_list_box_set_selection_mode (self->part_list,
                                   folded ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);
  select_row (self, gtk_stack_get_visible_child_name (self->part_stack));
}

static void
show_part (SpireEvaluationPage *self, const char *name)
{
  if (gtk_stack_get_child_by_name (self->part_stack, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->part_stack, name);
  select_row (self, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_part_row_activated_cb (SpireEvaluationPage *self, GtkListBoxRow *row)
{
  show_part (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
show_part_action (GtkWidget *widget, const char *name, GVariant *param)
{
  show_part (SPIRE_EVALUATION_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
show_parts_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
spire_evaluation_page_dispose (GObject *object)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* The stack is in the bin's child and a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
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
  (void) spire_evaluation_get_resource ();
  g_type_ensure (SPIRE_TYPE_EVALUATION_RUBRIC);
  g_type_ensure (SPIRE_TYPE_EVALUATION_SCREENING);
  g_type_ensure (SPIRE_TYPE_EVALUATION_PANEL);
  g_type_ensure (SPIRE_TYPE_EVALUATION_ASSIGNMENT);
  g_type_ensure (SPIRE_TYPE_EVALUATION_PACKAGES);
  g_type_ensure (SPIRE_TYPE_EVALUATION_REVIEWS);

  object_class->dispose = spire_evaluation_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, busy_label);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, content);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, part_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, part_title);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, part_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, rubric);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, screening);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, panel);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, assignment);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, packages);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, reviews);
  gtk_widget_class_bind_template_callback (widget_class, on_part_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "evaluation.show-part", "s", show_part_action);
  gtk_widget_class_install_action (widget_class, "evaluation.show-parts", NULL, show_parts_action);
}

static void
spire_evaluation_page_init (SpireEvaluationPage *self)
{
  SpireEvaluationPart *all[N_PARTS];

  gtk_widget_init_template (GTK_WIDGET (self));
  parts (self, all);
  for (guint i = 0; i < N_PARTS; i++)
    g_signal_connect_object (all[i], "notify::working", G_CALLBACK (on_part_working_cb), self, 0);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_cb), self,
                           G_CONNECT_SWAPPED);
  show_part (self, "rubric");
  on_folded_cb (self);
}

/* Public API */

GtkWidget *
spire_evaluation_page_new (void)
{
  return g_object_new (SPIRE_TYPE_EVALUATION_PAGE, NULL);
}

void
spire_evaluation_page_set_store (SpireEvaluationPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_EVALUATION_PAGE (self));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->cohort);
  if (store)
    g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  hand_over (self);
}

gboolean
spire_evaluation_page_set_cohort (SpireEvaluationPage *self, SpireCohort *cohort, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_PAGE (self), FALSE);

  g_set_object (&self->cohort, cohort);
  hand_over (self);
  return TRUE;
}

void
spire_evaluation_page_show_part (SpireEvaluationPage *self, const char *name)
{
  g_return_if_fail (SPIRE_IS_EVALUATION_PAGE (self));

  show_part (self, name);
}
