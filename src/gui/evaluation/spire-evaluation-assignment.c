/* spire-evaluation-assignment.c — the assignment part: automatic and by hand
 *
 * Who reviews what.  Automatic assignment is the core's
 * (spire_assign_auto_async: even loads, conflicts respected, long work on
 * a large cohort); by hand one application at a time or several to one
 * member (all or nothing).  Who can be assigned is the core's rule
 * (spire_application_is_assignable); the loads come from spire_panel_loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-assignment.h"
#include "spire-assign-auto-dialog.h"
#include "spire-assign-dialog.h"
#include "spire-assign-several-dialog.h"
#include "spire-assignment-row.h"
#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "spire-row-model.h"

struct _SpireEvaluationAssignment
{
  SpireEvaluationPart parent_instance;

  AdwActionRow *summary_row;
  AdwComboRow *hand_app_row;
  GtkListBox *hand_list;
  AdwActionRow *assign_row;

  GPtrArray *panel;       /* SpireEvaluator */
  GPtrArray *assignable;  /* SpireReviewQueueItem: in hand_app_row's order */
  SpireRowModel *choices; /* the same, as hand_app_row's model */
  /* The loads and the assignable applications are read on workers
   * (issue 11: a second on the main thread at xlarge); a newer load
   * cancels; n_pending counts the reads not in yet. */
  GCancellable *cancellable;
  guint n_pending;
  char *hand_app;         /* application uuid chosen for assignment by hand */
  char *summary;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationAssignment, spire_evaluation_assignment, SPIRE_TYPE_EVALUATION_PART)

#define STORE(self) spire_evaluation_part_get_store (SPIRE_EVALUATION_PART (self))
#define COHORT(self) spire_evaluation_part_get_cohort_uuid (SPIRE_EVALUATION_PART (self))

static void
reload_now (SpireEvaluationAssignment *self)
{
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (self));
}

/* "4 members, 20–21 applications each" */
static char *
summary_text (guint n_scorers, guint lo, guint hi)
{
  g_autofree char *members = NULL;
  g_autofree char *n_lo = spire_format_count (lo, spire_language_current ());
  g_autofree char *n_hi = spire_format_count (hi, spire_language_current ());

  if (n_scorers == 0)
    return g_strdup (_("No panel members who score"));
  /* Translators: "4 members, 20 applications each" */
  members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_scorers),
                             n_scorers);
  if (lo == hi)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s application each",
                                         "%s, %s applications each", hi),
                            members, n_hi);
  /* Translators: "4 members, 20–21 applications each" */
  return g_strdup_printf (_("%s, %s–%s applications each"), members, n_lo, n_hi);
}

static void
load_summary (SpireEvaluationAssignment *self, GHashTable *loads)
{
  g_autoptr (GPtrArray) scorers = _spire_evaluation_scoring_members (self->panel);
  guint lo = G_MAXUINT, hi = 0;

  for (guint i = 0; i < scorers->len; i++)
    {
      const SpirePanelLoad *load = loads ? g_hash_table_lookup (loads,
                                                                spire_record_get_uuid (scorers->pdata[i]))
                                         : NULL;
      guint assigned = load ? load->assigned : 0;

      lo = MIN (lo, assigned);
      hi = MAX (hi, assigned);
    }
  g_free (self->summary);
  self->summary = summary_text (scorers->len, lo, hi);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), self->summary);
}

static void
load_hand_rows (SpireEvaluationAssignment *self)
{
  g_autoptr (GPtrArray) assignments = NULL;
  guint n = 0;

  _spire_evaluation_clear_list (self->hand_list);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_row), self->hand_app != NULL);
  if (self->hand_app == NULL)
    {
      gtk_list_box_append (self->hand_list, _spire_evaluation_placeholder_row (
                                              _("No applications that can be assigned")));
      return;
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->assign_row), "s", self->hand_app);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->assign_row), "evaluation.assign-member");
  assignments = spire_store_list (STORE (self), &spire_kind_assignment, "application",
                                  self->hand_app, NULL);
  for (guint i = 0; assignments && i < assignments->len; i++, n++)
    gtk_list_box_append (self->hand_list,
                         spire_assignment_row_new (STORE (self), assignments->pdata[i]));
  if (n == 0)
    gtk_list_box_append (self->hand_list,
                         _spire_evaluation_placeholder_row (_("No panel members assigned")));
}

static void
load_hand (SpireEvaluationAssignment *self, GPtrArray *assignable)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->assignable, g_ptr_array_unref);
  self->assignable = g_ptr_array_ref (assignable);
  for (guint i = 0; i < assignable->len && selected == GTK_INVALID_LIST_POSITION; i++)
    {
      SpireReviewQueueItem *item = assignable->pdata[i];

      if (g_strcmp0 (spire_record_get_uuid (item->application), self->hand_app) == 0)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && assignable->len > 0)
    selected = 0;
  g_free (self->hand_app);
  self->hand_app = selected != GTK_INVALID_LIST_POSITION
                     ? g_strdup (spire_record_get_uuid (
                         ((SpireReviewQueueItem *) assignable->pdata[selected])->application))
                     : NULL;
  self->loading = TRUE;
  spire_row_model_set_rows (self->choices, assignable);
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->hand_app_row, selected);
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->hand_app_row), assignable->len > 0);
  load_hand_rows (self);
}

static void
on_hand_app_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireEvaluationAssignment *self)
{
  guint i = adw_combo_row_get_selected (row);

  if (self->loading || self->assignable == NULL || i >= self->assignable->len)
    return;
  g_free (self->hand_app);
  self->hand_app = g_strdup (spire_record_get_uuid (
    ((SpireReviewQueueItem *) self->assignable->pdata[i])->application));
  load_hand_rows (self);
}

static void
spire_evaluation_assignment_clear (SpireEvaluationPart *part)
{
  SpireEvaluationAssignment *self = SPIRE_EVALUATION_ASSIGNMENT (part);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->n_pending = 0;
  g_clear_pointer (&self->panel, g_ptr_array_unref);
  g_clear_pointer (&self->assignable, g_ptr_array_unref);
  g_clear_pointer (&self->hand_app, g_free);
  g_clear_pointer (&self->summary, g_free);
}

typedef struct
{
  SpireEvaluationAssignment *self;
  GCancellable *cancellable;
} LoadData;

static LoadData *
load_data_new (SpireEvaluationAssignment *self)
{
  LoadData *d = g_new0 (LoadData, 1);

  d->self = g_object_ref (self);
  d->cancellable = g_object_ref (self->cancellable);
  return d;
}

/* TRUE when @d's load is still the one wanted; the last read in ends it. */
static gboolean
load_data_finish (LoadData *d)
{
  SpireEvaluationAssignment *self = d->self;
  gboolean current = d->cancellable == self->cancellable &&
                     !g_cancellable_is_cancelled (d->cancellable);

  if (current && --self->n_pending == 0)
    g_clear_object (&self->cancellable);
  return current;
}

static void
load_data_free (LoadData *d)
{
  g_object_unref (d->cancellable);
  g_object_unref (d->self);
  g_free (d);
}

static void
on_loads_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadData *d = user_data;
  g_autoptr (GHashTable) loads = spire_panel_loads_finish (SPIRE_STORE (source), result, NULL);

  if (load_data_finish (d))
    load_summary (d->self, loads);
  load_data_free (d);
}

static void
on_assignable_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadData *d = user_data;
  g_autoptr (GPtrArray) assignable = spire_assignable_queue_finish (SPIRE_STORE (source), result,
                                                                    NULL);

  if (load_data_finish (d))
    {
      if (assignable == NULL)
        assignable = g_ptr_array_new ();
      load_hand (d->self, assignable);
    }
  load_data_free (d);
}

static void
spire_evaluation_assignment_reload (SpireEvaluationPart *part)
{
  SpireEvaluationAssignment *self = SPIRE_EVALUATION_ASSIGNMENT (part);
  g_autofree char *hand_app = g_strdup (self->hand_app);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->panel, g_ptr_array_unref);
  self->panel = spire_panel_list (STORE (self), COHORT (self), NULL);
  self->cancellable = g_cancellable_new ();
  self->n_pending = 2;
  spire_panel_loads_async (STORE (self), COHORT (self), self->cancellable, on_loads_read_cb,
                           load_data_new (self));
  spire_assignable_queue_async (STORE (self), COHORT (self), self->cancellable,
                                on_assignable_read_cb, load_data_new (self));
}

static gboolean
assignment_is_loading (SpireEvaluationPart *part)
{
  return SPIRE_EVALUATION_ASSIGNMENT (part)->cancellable != NULL;
}

/* The label the combo row shows of the chosen application. */
static char *
choice_label (SpireReviewQueueItem *item, gpointer data)
{
  return g_strdup (item ? item->label : "");
}

static void
spire_evaluation_assignment_update_actions (SpireEvaluationPart *part)
{
  static const char *const actions[] = { "evaluation.assign-auto", "evaluation.assign-member",
                                         "evaluation.unassign", "evaluation.assign-several",
                                         "evaluation.show-application" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (part), actions[i],
                                   spire_evaluation_part_get_cohort_uuid (part) != NULL);
}

/* Actions: automatic assignment */

static void
on_assigned_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (SpireEvaluationAssignment) self = data;
  g_autoptr (GError) error = NULL;
  guint n = 0;
  gboolean ok = spire_assign_auto_finish (SPIRE_STORE (source), result, &n, &error);

  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self), NULL);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return; /* gone meanwhile */
  reload_now (self);
  if (!ok)
    spire_error_dialog_show (GTK_WIDGET (self), _("Applications Could Not Be Assigned"), error);
  else
    {
      g_autofree char *n_text = spire_format_count (n, spire_language_current ());
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s assignment added", "%s assignments added", n), n_text);
      spire_toast_show (GTK_WIDGET (self), text);
    }
}

static void
on_assign_auto_response_cb (SpireAssignAutoDialog *dialog, const char *response,
                            SpireEvaluationAssignment *self)
{
  if (g_strcmp0 (response, "assign") != 0 ||
      spire_evaluation_part_get_busy (SPIRE_EVALUATION_PART (self)) || STORE (self) == NULL)
    return;
  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self),
                                     _("Assigning applications to the panel…"));
  spire_assign_auto_async (STORE (self), COHORT (self), spire_assign_auto_dialog_get_k (dialog),
                           NULL, on_assigned_cb, g_object_ref (self));
}

/* Says why nothing can be assigned (no one who scores, no application
 * that can be evaluated) and returns TRUE, rather than asking how, then
 * saying "0 assignments added". */
static gboolean
explain_nothing_to_assign (SpireEvaluationAssignment *self)
{
  g_autoptr (GPtrArray) scorers = _spire_evaluation_scoring_members (self->panel);
  g_autoptr (GError) error = NULL;
  const char *heading;

  if (scorers->len == 0)
    {
      heading = _("No Panel Members Who Score");
      error = g_error_new_literal (SPIRE_ERROR, SPIRE_ERROR_FAILED,
                                   _("Add panel members under Panel and Conflicts first. "
                                     "Observers are never assigned."));
    }
  else if (self->assignable != NULL && self->assignable->len == 0)
    {
      heading = _("No Applications to Assign");
      error = g_error_new_literal (SPIRE_ERROR, SPIRE_ERROR_FAILED,
                                   _("Every application that is neither ineligible nor "
                                     "withdrawn can be assigned, and this cohort has none. "
                                     "Import or add applications first."));
    }
  else
    return FALSE;
  spire_error_dialog_show (GTK_WIDGET (self), heading, error);
  return TRUE;
}

static void
assign_auto_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireAssignAutoDialog *dialog;

  if (explain_nothing_to_assign (SPIRE_EVALUATION_ASSIGNMENT (widget)))
    return;
  dialog = spire_assign_auto_dialog_new (widget);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_auto_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions: by hand */

static void
show_application_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationAssignment *self = SPIRE_EVALUATION_ASSIGNMENT (widget);
  const char *uuid = g_variant_get_string (param, NULL);

  for (guint i = 0; self->assignable && i < self->assignable->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (
                     ((SpireReviewQueueItem *) self->assignable->pdata[i])->application),
                   uuid) == 0)
      adw_combo_row_set_selected (self->hand_app_row, i);
}

static gboolean
is_assigned (SpireStore *store, const char *evaluator_uuid, const char *app_uuid)
{
  g_autoptr (GPtrArray) assignments = spire_store_list (store, &spire_kind_assignment,
                                                        "application", app_uuid, NULL);

  for (guint i = 0; assignments && i < assignments->len; i++)
    if (g_strcmp0 (spire_record_get_text (assignments->pdata[i], "evaluator"), evaluator_uuid) == 0 &&
        g_strcmp0 (spire_record_get_text (assignments->pdata[i], "state"), "declined") != 0)
      return TRUE;
  return FALSE;
}

static void
on_assign_member_response_cb (SpireAssignDialog *dialog, const char *response,
                              SpireEvaluationAssignment *self)
{
  const char *ev = spire_assign_dialog_get_member (dialog);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "assign") != 0 || ev == NULL)
    return;
  if (!spire_assign (STORE (self), ev, spire_assign_dialog_get_application (dialog), &error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Application Could Not Be Assigned"), error);
  else
    {
      g_autofree char *who = _spire_evaluation_evaluator_name (STORE (self), ev);
      g_autofree char *text = g_strdup_printf (_("%s assigned"), who);

      spire_toast_show (GTK_WIDGET (self), text);
    }
  reload_now (self);
}

static void
assign_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationAssignment *self = SPIRE_EVALUATION_ASSIGNMENT (widget);
  const char *app_uuid = g_variant_get_string (param, NULL);
  g_autoptr (SpireRecord) app = spire_store_get (STORE (self), &spire_kind_application, app_uuid,
                                                 NULL);
  g_autoptr (GPtrArray) scorers = _spire_evaluation_scoring_members (self->panel);
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  SpireAssignDialog *dialog;

  if (app == NULL || !spire_application_is_assignable (app))
    return;
  for (guint i = 0; i < scorers->len; i++)
    {
      const char *ev = spire_record_get_uuid (scorers->pdata[i]);

      if (!is_assigned (STORE (self), ev, app_uuid) &&
          !spire_conflict_blocks (STORE (self), ev, app_uuid, NULL))
        g_ptr_array_add (members, g_object_ref (scorers->pdata[i]));
    }
  dialog = spire_assign_dialog_new (widget, STORE (self), app, members);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unassign_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationAssignment *self = SPIRE_EVALUATION_ASSIGNMENT (widget);
  const char *ev = g_variant_get_string (param, NULL);
  g_autoptr (GError) error = NULL;

  if (self->hand_app == NULL)
    return;
  if (!spire_unassign (STORE (self), ev, self->hand_app, &error))
    spire_error_dialog_show (widget, _("The Assignment Could Not Be Removed"), error);
  else
    {
      g_autofree char *who = _spire_evaluation_evaluator_name (STORE (self), ev);
      g_autofree char *text = g_strdup_printf (_("%s is no longer assigned"), who);

      spire_toast_show (widget, text);
    }
  reload_now (self);
}

static void
on_assign_several_response_cb (SpireAssignSeveralDialog *dialog, const char *response,
                               SpireEvaluationAssignment *self)
{
  const char *ev[2] = { spire_assign_several_dialog_get_member (dialog), NULL };
  g_autofree const char **chosen = NULL;
  g_autoptr (GError) error = NULL;
  guint n_added = 0;

  if (g_strcmp0 (response, "assign") != 0 || ev[0] == NULL)
    return;
  chosen = spire_assign_several_dialog_get_chosen (dialog);
  if (!spire_assign_many (STORE (self), ev, chosen, &n_added, &error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Applications Could Not Be Assigned"), error);
  else
    {
      g_autofree char *n_text = spire_format_count (n_added, spire_language_current ());
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s assignment added", "%s assignments added", n_added),
        n_text);
      spire_toast_show (GTK_WIDGET (self), text);
    }
  reload_now (self);
}

static void
assign_several_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationAssignment *self = SPIRE_EVALUATION_ASSIGNMENT (widget);
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  SpireAssignSeveralDialog *dialog;

  if (explain_nothing_to_assign (self))
    return;
  members = _spire_evaluation_scoring_members (self->panel);
  /* The assignable applications read on a worker for the choice by hand;
   * read here only if that read is not in yet. */
  apps = self->assignable ? g_ptr_array_ref (self->assignable)
                          : spire_assignable_queue_read (STORE (self), COHORT (self), NULL);
  dialog = spire_assign_several_dialog_new (widget, STORE (self), members, apps ? apps : none);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_several_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Class */

static void
spire_evaluation_assignment_dispose (GObject *object)
{
  spire_evaluation_assignment_clear (SPIRE_EVALUATION_PART (object));
  /* The bin\'s child may be a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_EVALUATION_ASSIGNMENT);
  g_clear_object (&SPIRE_EVALUATION_ASSIGNMENT (object)->choices);
  G_OBJECT_CLASS (spire_evaluation_assignment_parent_class)->dispose (object);
}

static void
spire_evaluation_assignment_class_init (SpireEvaluationAssignmentClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpireEvaluationPartClass *part_class = SPIRE_EVALUATION_PART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_evaluation_assignment_dispose;
  part_class->reload = spire_evaluation_assignment_reload;
  part_class->update_actions = spire_evaluation_assignment_update_actions;
  part_class->clear = spire_evaluation_assignment_clear;
  part_class->is_loading = assignment_is_loading;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-assignment.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationAssignment, summary_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationAssignment, hand_app_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationAssignment, hand_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationAssignment, assign_row);
  gtk_widget_class_bind_template_callback (widget_class, on_hand_app_selected_cb);

  gtk_widget_class_install_action (widget_class, "evaluation.assign-auto", NULL, assign_auto_action);
  gtk_widget_class_install_action (widget_class, "evaluation.show-application", "s", show_application_action);
  gtk_widget_class_install_action (widget_class, "evaluation.assign-member", "s", assign_member_action);
  gtk_widget_class_install_action (widget_class, "evaluation.unassign", "s", unassign_action);
  gtk_widget_class_install_action (widget_class, "evaluation.assign-several", NULL, assign_several_action);
}

/* The applications' popup shows each "title — startup" whole, wrapped:
 * the default one cuts them to the same "Adaptiv lesestøtte for …". */
static void
on_app_item_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
on_app_item_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  SpireReviewQueueItem *choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), choice ? choice->label : "");
}

static void
setup_app_popup (SpireEvaluationAssignment *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_app_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_app_item_bind_cb), NULL);
  adw_combo_row_set_list_factory (self->hand_app_row, factory);
  /* The worker's rows as they are (issue 11: no 40 000 string objects). */
  self->choices = spire_row_model_new (SPIRE_TYPE_REVIEW_QUEUE_ITEM);
  adw_combo_row_set_expression (self->hand_app_row,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (choice_label), NULL,
                                                             NULL));
  adw_combo_row_set_model (self->hand_app_row, G_LIST_MODEL (self->choices));
}

static void
spire_evaluation_assignment_init (SpireEvaluationAssignment *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_app_popup (self);
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
}

const char *
spire_evaluation_assignment_get_summary (SpireEvaluationAssignment *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_ASSIGNMENT (self), NULL);
  return self->summary;
}
