/* spire-evaluation-reviews.c — the reviews part: reviews keyed in at the office
 *
 * Reviews given on paper or in a meeting are keyed in on behalf of a
 * panel member ("Score as"): the member's applications (those the core
 * lets them see), each opening the review form.  The program manager may
 * send a submitted review back from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-reviews.h"
#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "spire-row-model.h"
#include "spire-review-row.h"

struct _SpireEvaluationReviews
{
  SpireEvaluationPart parent_instance;

  GtkStack *stack;
  AdwComboRow *score_as_row;
  GtkListBox *reviews_list;  /* a spinner, or why there are no rows */
  GtkWidget *reviews_scroller;
  GtkListView *reviews_view;
  GtkLabel *review_heading;
  SpireReviewForm *review_form;

  GPtrArray *scorers;  /* SpireEvaluator: chairs and members, as in score_as_row */
  char *score_as;      /* evaluator uuid */
  gboolean has_rubric;
  gboolean loading;
  /* The list being read on a worker (issue 11); cancelled by a newer load. */
  GCancellable *cancellable;
  /* The worker's rows (SpireReviewQueueItem), shown by a list view that
   * makes widgets only for the rows on screen (issue 11: a widget per
   * application took 4 s for a 4 000-application queue). */
  SpireRowModel *items;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationReviews, spire_evaluation_reviews, SPIRE_TYPE_EVALUATION_PART)

#define STORE(self) spire_evaluation_part_get_store (SPIRE_EVALUATION_PART (self))
#define COHORT(self) spire_evaluation_part_get_cohort_uuid (SPIRE_EVALUATION_PART (self))

static void
load_scorers (SpireEvaluationReviews *self)
{
  g_autoptr (GPtrArray) panel = spire_panel_list (STORE (self), COHORT (self), NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->scorers, g_ptr_array_unref);
  self->scorers = _spire_evaluation_scoring_members (panel);
  for (guint i = 0; i < self->scorers->len; i++)
    {
      const char *uuid = spire_record_get_uuid (self->scorers->pdata[i]);
      g_autofree char *name = _spire_evaluation_evaluator_name (STORE (self), uuid);

      if (g_strcmp0 (uuid, self->score_as) == 0)
        selected = i;
      gtk_string_list_append (names, name);
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->scorers->len > 0)
    selected = 0;
  g_free (self->score_as);
  self->score_as = selected != GTK_INVALID_LIST_POSITION
                     ? g_strdup (spire_record_get_uuid (self->scorers->pdata[selected]))
                     : NULL;
  adw_combo_row_set_model (self->score_as_row, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->score_as_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->score_as_row), self->scorers->len > 0);
}

static void
cancel_load (SpireEvaluationReviews *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Shows @message (a spinner when NULL) instead of the rows. */
static void
show_message (SpireEvaluationReviews *self, const char *message)
{
  _spire_evaluation_clear_list (self->reviews_list);
  gtk_list_box_append (self->reviews_list,
                       message ? _spire_evaluation_placeholder_row (message) : _spire_evaluation_spinner_row ());
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_list), TRUE);
  gtk_widget_set_visible (self->reviews_scroller, FALSE);
  spire_row_model_set_rows (self->items, NULL);
}

/* The worker's rows: a slice a frame while the view makes their widgets
 * (a member's 600 reviews at once were one frame of 135–140 ms of CPU on
 * the large demo: issue 11). */
#define SLICE_ROWS 24

static void
show_items (SpireEvaluationReviews *self, GPtrArray *items)
{
  _spire_evaluation_clear_list (self->reviews_list);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_list), FALSE);
  gtk_widget_set_visible (self->reviews_scroller, TRUE);
  spire_row_model_set_rows_sliced (self->items, items, GTK_WIDGET (self->reviews_view),
                                   SLICE_ROWS / 2, SLICE_ROWS);
}

typedef struct
{
  SpireEvaluationReviews *self;
  GCancellable *cancellable;
} LoadData;

static void
on_queue_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadData *d = user_data;
  SpireEvaluationReviews *self = d->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) queue = spire_review_queue_finish (SPIRE_STORE (source), result, &error);

  /* A newer load (or another cohort) took the list over: this one is dropped. */
  if (d->cancellable == self->cancellable && !g_cancellable_is_cancelled (d->cancellable))
    {
      g_clear_object (&self->cancellable);
      if (queue == NULL || queue->len == 0)
        show_message (self, _("No applications assigned to this member"));
      else
        show_items (self, queue);
    }
  g_object_unref (d->cancellable);
  g_object_unref (d->self);
  g_free (d);
}

static void
load_reviews (SpireEvaluationReviews *self)
{
  LoadData *d;

  cancel_load (self);
  if (self->score_as == NULL)
    {
      show_message (self, _("Add panel members who score first"));
      return;
    }
  if (!self->has_rubric)
    {
      show_message (self, _("Create the rubric first"));
      return;
    }
  /* The member's applications are read on a worker: a spinner meanwhile
   * (the rows shown stay while the same member's list is read again). */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    show_message (self, NULL);
  self->cancellable = g_cancellable_new ();
  d = g_new0 (LoadData, 1);
  d->self = g_object_ref (self);
  d->cancellable = g_object_ref (self->cancellable);
  spire_review_queue_async (STORE (self), self->score_as, self->cancellable, on_queue_read_cb, d);
}

/* TRUE while the member's list is read or made into rows. */
gboolean
spire_evaluation_reviews_is_loading (SpireEvaluationReviews *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_REVIEWS (self), FALSE);
  return self->cancellable != NULL || spire_row_model_is_slicing (self->items);
}

static gboolean
reviews_is_loading (SpireEvaluationPart *part)
{
  return spire_evaluation_reviews_is_loading (SPIRE_EVALUATION_REVIEWS (part));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  gtk_list_item_set_child (list_item, spire_review_row_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  SpireReviewRow *row = SPIRE_REVIEW_ROW (gtk_list_item_get_child (list_item));

  spire_review_row_set_compact (row, spire_evaluation_part_get_compact (data));
  spire_review_row_bind (row, gtk_list_item_get_item (list_item));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  spire_review_row_bind (SPIRE_REVIEW_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* A click, or Enter on the focused row: the review opens. */
static void
on_row_activate_cb (SpireEvaluationReviews *self, guint position)
{
  g_autoptr (SpireReviewQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items),
                                                                 position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "evaluation.open-review", "s",
                                spire_record_get_uuid (item->application));
}

static void
on_score_as_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireEvaluationReviews *self)
{
  guint i = adw_combo_row_get_selected (row);

  if (self->loading || self->scorers == NULL || i >= self->scorers->len)
    return;
  g_free (self->score_as);
  self->score_as = g_strdup (spire_record_get_uuid (self->scorers->pdata[i]));
  /* Another member's list: not the rows of the one before meanwhile. */
  spire_row_model_set_rows (self->items, NULL);
  load_reviews (self);
}

static void
spire_evaluation_reviews_clear (SpireEvaluationPart *part)
{
  SpireEvaluationReviews *self = SPIRE_EVALUATION_REVIEWS (part);
  g_autoptr (GError) error = NULL;

  cancel_load (self);
  /* Another cohort or store: the draft shown is saved first. */
  if (!spire_review_form_save_now (self->review_form, &error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Draft Could Not Be Saved"), error);
  spire_review_form_load (self->review_form, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->scorers, g_ptr_array_unref);
  g_clear_pointer (&self->score_as, g_free);
  if (self->items)
    spire_row_model_set_rows (self->items, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
spire_evaluation_reviews_reload (SpireEvaluationPart *part)
{
  SpireEvaluationReviews *self = SPIRE_EVALUATION_REVIEWS (part);
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (STORE (self), COHORT (self), NULL);

  self->loading = TRUE;
  self->has_rubric = rubric != NULL;
  load_scorers (self);
  load_reviews (self);
  self->loading = FALSE;
}

static void
spire_evaluation_reviews_update_actions (SpireEvaluationPart *part)
{
  SpireEvaluationReviews *self = SPIRE_EVALUATION_REVIEWS (part);
  gboolean has = COHORT (self) != NULL && self->has_rubric;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.open-review", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.score-as", COHORT (self) != NULL);
}

/* Actions */

static void
score_as_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationReviews *self = SPIRE_EVALUATION_REVIEWS (widget);
  const char *uuid = g_variant_get_string (param, NULL);

  for (guint i = 0; self->scorers && i < self->scorers->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (self->scorers->pdata[i]), uuid) == 0)
      adw_combo_row_set_selected (self->score_as_row, i);
}

static void
open_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationReviews *self = SPIRE_EVALUATION_REVIEWS (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *heading = NULL;

  if (self->score_as == NULL)
    return;
  if (!spire_review_form_load (self->review_form, STORE (self), self->score_as,
                               g_variant_get_string (param, NULL), &error))
    {
      spire_error_dialog_show (widget, _("The Review Could Not Be Opened"), error);
      return;
    }
  who = _spire_evaluation_evaluator_name (STORE (self), self->score_as);
  /* Translators: heading of a review keyed in for a panel member */
  heading = g_strdup_printf (_("Review by %s"), who);
  gtk_label_set_label (self->review_heading, heading);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationReviews *self = SPIRE_EVALUATION_REVIEWS (widget);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "review") != 0)
    return;
  if (!spire_review_form_save_now (self->review_form, &error))
    {
      spire_error_dialog_show (widget, _("The Draft Could Not Be Saved"), error);
      return;
    }
  spire_review_form_load (self->review_form, NULL, NULL, NULL, NULL);
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (self));
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Class */

static void
spire_evaluation_reviews_dispose (GObject *object)
{
  SpireEvaluationReviews *self = SPIRE_EVALUATION_REVIEWS (object);

  cancel_load (self);
  g_clear_pointer (&self->scorers, g_ptr_array_unref);
  g_clear_pointer (&self->score_as, g_free);
  /* The bin\'s child may be a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_EVALUATION_REVIEWS);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (spire_evaluation_reviews_parent_class)->dispose (object);
}

static void
spire_evaluation_reviews_class_init (SpireEvaluationReviewsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpireEvaluationPartClass *part_class = SPIRE_EVALUATION_PART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_evaluation_reviews_dispose;
  part_class->reload = spire_evaluation_reviews_reload;
  part_class->update_actions = spire_evaluation_reviews_update_actions;
  part_class->clear = spire_evaluation_reviews_clear;
  part_class->is_loading = reviews_is_loading;

  g_type_ensure (SPIRE_TYPE_REVIEW_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-reviews.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationReviews, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationReviews, score_as_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationReviews, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationReviews, reviews_scroller);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationReviews, reviews_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationReviews, review_heading);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationReviews, review_form);
  gtk_widget_class_bind_template_callback (widget_class, on_score_as_selected_cb);

  gtk_widget_class_install_action (widget_class, "evaluation.score-as", "s", score_as_action);
  gtk_widget_class_install_action (widget_class, "evaluation.open-review", "s", open_review_action);
  gtk_widget_class_install_action (widget_class, "evaluation.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "evaluation.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "evaluation.back", NULL);
}

static void
spire_evaluation_reviews_init (SpireEvaluationReviews *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = spire_row_model_new (SPIRE_TYPE_REVIEW_QUEUE_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  gtk_list_view_set_factory (self->reviews_view, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self, "notify::compact", G_CALLBACK (spire_list_view_rebind),
                            self->reviews_view);
  gtk_list_view_set_model (self->reviews_view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                 g_object_ref (G_LIST_MODEL (self->items)))));
  gtk_widget_set_visible (self->reviews_scroller, FALSE);
  spire_review_form_set_can_reopen (self->review_form, TRUE);
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
}

SpireReviewForm *
spire_evaluation_reviews_get_form (SpireEvaluationReviews *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_REVIEWS (self), NULL);
  return self->review_form;
}
