/* spire-evaluation-screening.c — the screening part: eligibility gates answered by the office
 *
 * Before the panel sees them the office answers each application's gate
 * criteria.  The passed gates are saved first: a failed one makes the
 * application ineligible (core rule, with the note as written reason), and
 * an ineligible application is no longer screened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-screening.h"
#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "spire-row-model.h"
#include "spire-screening-dialog.h"
#include "common/spire-toast.h"

struct _SpireEvaluationScreening
{
  SpireEvaluationPart parent_instance;

  GtkStack *stack;
  GtkStack *list_stack;
  GtkLabel *summary_label;
  GtkListView *screening_view;

  GPtrArray *gates;  /* SpireRecord: the rubric's gate criteria */
  char *summary;
  /* The rows (SpireScreeningItem) read on a worker and shown by a list
   * view that makes widgets only for the rows on screen (issue 11: a
   * widget per application took 17 s for 4 000); a newer load cancels. */
  SpireRowModel *items;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationScreening, spire_evaluation_screening, SPIRE_TYPE_EVALUATION_PART)

#define STORE(self) spire_evaluation_part_get_store (SPIRE_EVALUATION_PART (self))
#define COHORT(self) spire_evaluation_part_get_cohort_uuid (SPIRE_EVALUATION_PART (self))

static GPtrArray *
gate_criteria (SpireStore *store, const char *cohort_uuid)
{
  GPtrArray *gates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (store, cohort_uuid, NULL);
  g_autoptr (GPtrArray) criteria = rubric ? spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), NULL)
                                          : NULL;

  for (guint i = 0; criteria && i < criteria->len; i++)
    if (g_strcmp0 (spire_record_get_text (criteria->pdata[i], "kind"), "gate") == 0)
      g_ptr_array_add (gates, g_object_ref (criteria->pdata[i]));
  return gates;
}

static void
cancel_load (SpireEvaluationScreening *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
spire_evaluation_screening_clear (SpireEvaluationPart *part)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (part);

  cancel_load (self);
  g_clear_pointer (&self->gates, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  if (self->items)
    spire_row_model_set_rows (self->items, NULL);
  if (self->summary_label)
    gtk_label_set_label (self->summary_label, "");
}

/* Rows handed to the shown view a slice a frame (issue 11:
 * spire_row_model_set_rows_sliced) */
#define SLICE_ROWS 24

/* The worker's rows replace the ones shown: at once if the view is not
 * shown, else a slice a frame. */
static void
show_items (SpireEvaluationScreening *self, GPtrArray *items)
{
  guint n_screened = 0, n_ineligible = 0;

  for (guint i = 0; i < items->len; i++)
    {
      SpireScreeningItem *item = items->pdata[i];

      n_screened += item->screened;
      n_ineligible += item->ineligible;
    }
  g_free (self->summary);
  {
    SpireLanguage lang = spire_language_current ();
    g_autofree char *n1 = spire_format_count (n_screened, lang);
    g_autofree char *n2 = spire_format_count (items->len, lang);
    g_autofree char *n3 = spire_format_count (n_ineligible, lang);

    /* Translators: "12 of 25 screened, 2 ineligible" */
    self->summary = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%s of %s screened, %s ineligible",
                   "%s of %s screened, %s ineligible", items->len),
      n1, n2, n3);
  }
  gtk_label_set_label (self->summary_label, self->summary);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "rows" : "empty");
  /* Half a slice in the frame that also shows the list. */
  spire_row_model_set_rows_sliced (self->items, items, GTK_WIDGET (self->screening_view),
                                   SLICE_ROWS / 2, SLICE_ROWS);
}

typedef struct
{
  SpireEvaluationScreening *self;
  GCancellable *cancellable;
} LoadData;

static void
on_rows_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadData *d = user_data;
  SpireEvaluationScreening *self = d->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = spire_screening_rows_finish (SPIRE_STORE (source), result, &error);

  /* A newer load (or another cohort) took the list over: this one is dropped. */
  if (d->cancellable == self->cancellable && !g_cancellable_is_cancelled (d->cancellable))
    {
      g_clear_object (&self->cancellable);
      if (items != NULL)
        show_items (self, items);
      else
        {
          g_warning ("Screening not read: %s", error->message);
          gtk_stack_set_visible_child_name (self->list_stack, "empty");
        }
    }
  g_object_unref (d->cancellable);
  g_object_unref (d->self);
  g_free (d);
}

static void
spire_evaluation_screening_reload (SpireEvaluationPart *part)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (part);
  LoadData *d;

  cancel_load (self);
  g_clear_pointer (&self->gates, g_ptr_array_unref);
  self->gates = gate_criteria (STORE (self), COHORT (self));
  gtk_stack_set_visible_child_name (self->stack, self->gates->len > 0 ? "list" : "none");
  if (self->gates->len == 0)
    {
      g_clear_pointer (&self->summary, g_free);
      spire_row_model_set_rows (self->items, NULL);
      return;
    }
  /* The rows shown stay until the new ones are in (a reload after a
   * screening); the first load shows a spinner. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  self->cancellable = g_cancellable_new ();
  d = g_new0 (LoadData, 1);
  d->self = g_object_ref (self);
  d->cancellable = g_object_ref (self->cancellable);
  spire_screening_rows_async (STORE (self), COHORT (self), self->cancellable, on_rows_read_cb, d);
}

/* TRUE while the rows are read (the summary is not there yet). */
gboolean
spire_evaluation_screening_is_loading (SpireEvaluationScreening *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_SCREENING (self), FALSE);
  return self->cancellable != NULL || spire_row_model_is_slicing (self->items);
}

static gboolean
screening_is_loading (SpireEvaluationPart *part)
{
  return spire_evaluation_screening_is_loading (SPIRE_EVALUATION_SCREENING (part));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  gtk_list_item_set_child (list_item, spire_screening_row_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  SpireScreeningItem *item = gtk_list_item_get_item (list_item);

  spire_screening_row_set_compact (SPIRE_SCREENING_ROW (gtk_list_item_get_child (list_item)),
                                   spire_evaluation_part_get_compact (data));
  spire_screening_row_bind (SPIRE_SCREENING_ROW (gtk_list_item_get_child (list_item)), item);
  /* Only a received or in-review application leads to the dialog. */
  gtk_list_item_set_activatable (list_item, item->can_screen);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  spire_screening_row_bind (SPIRE_SCREENING_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* A click, or Enter on the focused row. */
static void
on_row_activate_cb (SpireEvaluationScreening *self, guint position)
{
  g_autoptr (SpireScreeningItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL && item->can_screen)
    gtk_widget_activate_action (GTK_WIDGET (self), "evaluation.screen", "s", item->application);
}

static void
spire_evaluation_screening_update_actions (SpireEvaluationPart *part)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (part);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.screen",
                                 COHORT (self) != NULL && self->gates && self->gates->len > 0);
}

static gboolean
save_answer (SpireEvaluationScreening *self, const char *app_uuid, GPtrArray *answers,
             const char *gate, gboolean passed, const char *note, GError **error)
{
  /* An answer that did not change is not given again. */
  for (guint a = 0; answers && a < answers->len; a++)
    {
      SpireScreeningAnswer *answer = answers->pdata[a];

      if (g_strcmp0 (answer->criterion, gate) == 0 && answer->passed == passed &&
          g_strcmp0 (answer->note ? answer->note : "", note) == 0)
        return TRUE;
    }
  return spire_screening_answer (STORE (self), app_uuid, gate, passed, note[0] ? note : NULL,
                                 error);
}

static void
on_screen_response_cb (SpireScreeningDialog *dialog, const char *response,
                       SpireEvaluationScreening *self)
{
  GPtrArray *gates = spire_screening_dialog_get_gates (dialog);
  const char *app_uuid = spire_screening_dialog_get_application (dialog);
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (GError) error = NULL;
  SpireRecord *failed = NULL;
  g_autofree char *failed_note = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  answers = spire_screening_list_answers (STORE (self), app_uuid, NULL);
  /* The passed gates first: a failed one makes the application ineligible,
   * and an ineligible application is no longer screened. */
  for (guint i = 0; i < gates->len && error == NULL; i++)
    {
      const char *gate = spire_record_get_uuid (gates->pdata[i]);
      g_autofree char *note = NULL;
      int state = spire_screening_dialog_get_answer (dialog, gate, &note);

      if (state == 0 && failed == NULL)
        {
          failed = gates->pdata[i];
          failed_note = g_steal_pointer (&note);
        }
      else if (state == 1)
        save_answer (self, app_uuid, answers, gate, TRUE, note, &error);
    }
  if (error == NULL && failed != NULL)
    save_answer (self, app_uuid, answers, spire_record_get_uuid (failed), FALSE, failed_note,
                 &error);
  if (error != NULL)
    spire_error_dialog_show (GTK_WIDGET (self), _("The Screening Could Not Be Saved"), error);
  else if (failed != NULL)
    {
      g_autoptr (SpireRecord) app = spire_store_get (STORE (self), &spire_kind_application,
                                                     app_uuid, NULL);
      /* Translators: an application and the eligibility gate it failed */
      g_autofree char *text = g_strdup_printf (_("“%s” is ineligible: %s"),
                                               app ? spire_record_get_display_name (app) : "",
                                               spire_record_get_display_name (failed));
      spire_toast_show (GTK_WIDGET (self), text);
    }
  else
    spire_toast_show (GTK_WIDGET (self), _("Screening saved"));
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (self));
}

static void
screen_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (widget);
  g_autoptr (SpireRecord) app = spire_store_get (STORE (self), &spire_kind_application,
                                                 g_variant_get_string (param, NULL), NULL);
  SpireScreeningDialog *dialog;

  if (app == NULL || self->gates == NULL || self->gates->len == 0)
    return;
  dialog = spire_screening_dialog_new (widget, STORE (self), app, self->gates);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_screen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
spire_evaluation_screening_dispose (GObject *object)
{
  SpireEvaluationScreening *self = SPIRE_EVALUATION_SCREENING (object);

  cancel_load (self);
  g_clear_pointer (&self->gates, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  /* The bin\'s child may be a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_EVALUATION_SCREENING);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (spire_evaluation_screening_parent_class)->dispose (object);
}

static void
spire_evaluation_screening_class_init (SpireEvaluationScreeningClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpireEvaluationPartClass *part_class = SPIRE_EVALUATION_PART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_evaluation_screening_dispose;
  part_class->reload = spire_evaluation_screening_reload;
  part_class->update_actions = spire_evaluation_screening_update_actions;
  part_class->clear = spire_evaluation_screening_clear;
  part_class->is_loading = screening_is_loading;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-screening.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationScreening, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationScreening, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationScreening, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationScreening, screening_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate_cb);
  gtk_widget_class_install_action (widget_class, "evaluation.screen", "s", screen_action);
}

static void
spire_evaluation_screening_init (SpireEvaluationScreening *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = spire_row_model_new (SPIRE_TYPE_SCREENING_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  gtk_list_view_set_factory (self->screening_view, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self, "notify::compact", G_CALLBACK (spire_list_view_rebind),
                            self->screening_view);
  gtk_list_view_set_model (self->screening_view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                   g_object_ref (G_LIST_MODEL (self->items)))));
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
}

const char *
spire_evaluation_screening_get_summary (SpireEvaluationScreening *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_SCREENING (self), NULL);
  return self->summary;
}

SpireScreeningItem *
spire_evaluation_screening_get_item (SpireEvaluationScreening *self, const char *application_uuid)
{
  guint n;

  g_return_val_if_fail (SPIRE_IS_EVALUATION_SCREENING (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireScreeningItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (item->application, application_uuid) == 0)
        return item; /* the store holds it */
    }
  return NULL;
}
