/* spire-followup-page.c — a cohort's deals: the funnel and the board
 *
 * The board has a column per stage (dialogue → scaled, and no deal); its
 * cards come from core's spire_deal_cards_async, read on a connection of
 * its own, so a program with thousands of deals never freezes the window.
 * A card moves to another column by dragging it there or with Alt+→ and
 * Alt+← ("followup.move-next", "followup.move-previous"); either way the
 * date, a note and, for "no deal", the reason are asked, and core's
 * spire_deal_move records the move as an event (and refuses what it must).
 *
 * Beside the board, the same cards as a list (SpireDealList: search, a
 * stage filter, sorting, CSV export of what it shows); a card or a row
 * opens the deal editor (SpireDealEditor, "followup.open-deal").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-file-chooser.h"
#include "common/spire-reload.h"
#include "common/spire-toast.h"
#include "common/spire-widget.h"
#include "spire-deal-column.h"
#include "spire-deal-editor.h"
#include "spire-deal-list.h"
#include "spire-list-util.h"
#include "spire-deal-move-dialog.h"
#include "spire-deal-new-dialog.h"
#include "spire-followup-page.h"
#include "spire-followup-resources.h"
#include "spire-funnel-chart.h"

struct _SpireFollowupPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkSpinner *spinner;
  SpireFunnelChart *empty_funnel;
  SpireFunnelChart *funnel;
  GtkWidget *deals_header;
  GtkBox *columns_box;
  GtkStack *views;
  SpireDealList *list;

  SpireStore *store;
  char *cohort;
  char *program;
  GPtrArray *columns;       /* SpireDealColumn, in the order of the stages */
  SpireReload reload;       /* the cards, read in core's worker */
  char *selected;           /* the selected deal's UUID */
  char *moving;             /* the deal a dialog asks about */
  char *moving_to;
  guint exporting;
};

G_DEFINE_FINAL_TYPE (SpireFollowupPage, spire_followup_page, ADW_TYPE_BIN)

static void reload (SpireFollowupPage *self);

/* Loading */

static void
show_cards (SpireFollowupPage *self, GPtrArray *cards)
{
  SpireFunnel funnel = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean have_funnel = self->cohort
                           ? spire_funnel_for_cohort (self->store, self->cohort, &funnel, &error)
                           : spire_funnel_for_program (self->store, self->program, &funnel,
                                                       &error);

  spire_funnel_chart_set_funnel (self->funnel, have_funnel ? &funnel : NULL);
  spire_funnel_chart_set_funnel (self->empty_funnel, have_funnel ? &funnel : NULL);
  for (guint i = 0; i < self->columns->len; i++)
    spire_deal_column_set_cards (self->columns->pdata[i], cards);
  spire_deal_list_set_cards (self->list, cards);
  gtk_stack_set_visible_child_name (self->stack, cards->len > 0 ? "board" : "empty");
  if (self->selected && !spire_followup_page_select_deal (self, self->selected))
    g_clear_pointer (&self->selected, g_free);
}

static void
on_cards_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireFollowupPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cards = spire_deal_cards_finish (SPIRE_STORE (source), result, &error);

  if (!spire_reload_finish (&self->reload, error))
    {
      g_object_unref (self);
      return;
    }
  gtk_spinner_stop (self->spinner);
  if (cards == NULL)
    spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Deals"), error);
  else if (self->store && (self->cohort || self->program))
    show_cards (self, cards);
  g_object_unref (self);
}

static void
reload (SpireFollowupPage *self)
{
  /* a deal is added to the cohort or program shown */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.new-deal",
                                 self->store && (self->cohort || self->program));
  spire_reload_stop (&self->reload);
  if (self->store == NULL || (self->cohort == NULL && self->program == NULL))
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "board") != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  spire_deal_cards_async (self->store, self->cohort, self->cohort ? NULL : self->program,
                          spire_reload_start (&self->reload), on_cards_cb,
                          g_object_ref (self));
}

static void
reload_cb (gpointer self)
{
  reload (self);
}

static void
on_store_changed_cb (SpireStore *store, const char *table, SpireFollowupPage *self)
{
  if (self->cohort != NULL || self->program != NULL)
    spire_reload_queue (&self->reload);
}

/* Moving a deal */

static const char *
stage_label (const char *stage)
{
  return spire_field_value_label (spire_kind_field (&spire_kind_deal, "stage"), stage);
}

static void
on_move_response_cb (SpireDealMoveDialog *dialog, const char *response, SpireFollowupPage *self)
{
  g_autofree char *date = spire_deal_move_dialog_get_date (dialog);
  g_autofree char *note = spire_deal_move_dialog_get_note (dialog);
  g_autofree char *reason = spire_deal_move_dialog_get_reason (dialog);
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "move") && self->store && self->moving)
    {
      if (!spire_deal_move (self->store, self->moving, self->moving_to, date,
                            *note ? note : NULL, *reason ? reason : NULL, &error))
        spire_error_dialog_show (GTK_WIDGET (self), _("The Deal Was Not Moved"), error);
      else
        {
          g_autofree char *text = g_strdup_printf (_("Moved to %s"),
                                                   stage_label (self->moving_to));

          g_free (self->selected);
          self->selected = g_strdup (self->moving);
          spire_toast_show (GTK_WIDGET (self), text);
        }
    }
  g_clear_pointer (&self->moving, g_free);
  g_clear_pointer (&self->moving_to, g_free);
}

static SpireDealCard *
find_card (SpireFollowupPage *self, const char *uuid)
{
  for (guint c = 0; uuid && c < self->columns->len; c++)
    {
      GListModel *model = spire_deal_column_get_model (self->columns->pdata[c]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (SpireDealCard) card = g_list_model_get_item (model, i);

          if (g_str_equal (spire_deal_card_get_uuid (card), uuid))
            return card;
        }
    }
  return NULL;
}

static void
ask_move (SpireFollowupPage *self, const char *uuid, const char *stage)
{
  SpireDealCard *card = find_card (self, uuid);
  g_autofree char *name = NULL;
  SpireDealMoveDialog *dialog;

  if (card == NULL || self->moving != NULL || !spire_deal_stage_is_valid (stage) ||
      g_str_equal (spire_deal_card_get_stage (card), stage))
    return;
  /* TRANSLATORS: a deal for people: "Nordlys AS – Oslo kommune" */
  name = g_strdup_printf (_("%s – %s"), spire_deal_card_get_startup (card),
                          spire_deal_card_get_buyer (card));
  self->moving = g_strdup (uuid);
  self->moving_to = g_strdup (stage);
  dialog = spire_deal_move_dialog_new (GTK_WIDGET (self), name, stage_label (stage),
                                       g_str_equal (stage, "no_deal"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_deal_selected_cb (SpireDealColumn *column, const char *uuid, SpireFollowupPage *self)
{
  g_free (self->selected);
  self->selected = g_strdup (uuid);
  for (guint i = 0; i < self->columns->len; i++)
    if (self->columns->pdata[i] != column)
      spire_deal_column_unselect (self->columns->pdata[i]);
}

static void
on_deal_dropped_cb (SpireDealColumn *column, const char *uuid, SpireFollowupPage *self)
{
  ask_move (self, uuid, spire_deal_column_get_stage (column));
}

/* Opening a deal */

static void
on_deal_activated_cb (GtkWidget *from, const char *uuid, SpireFollowupPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "followup.open-deal", "s", uuid);
}

static void
open_deal_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireFollowupPage *self = SPIRE_FOLLOWUP_PAGE (widget);

  if (self->store)
    spire_deal_editor_present (widget, self->store, g_variant_get_string (param, NULL));
}

/* A new deal */

static void
on_deal_added_cb (SpireDealNewDialog *dialog, const char *uuid, SpireFollowupPage *self)
{
  g_free (self->selected);
  self->selected = g_strdup (uuid);
  spire_toast_show (GTK_WIDGET (self), _("Deal added"));
  if (self->store)
    spire_deal_editor_present (GTK_WIDGET (self), self->store, uuid);
}

static void
new_deal_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireFollowupPage *self = SPIRE_FOLLOWUP_PAGE (widget);
  SpireDealNewDialog *dialog;

  if (self->store == NULL || (self->cohort == NULL && self->program == NULL))
    return;
  dialog = spire_deal_new_dialog_new (widget, self->store, self->cohort,
                                      self->cohort ? NULL : self->program);
  g_signal_connect_object (dialog, "deal-added", G_CALLBACK (on_deal_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export of what the list shows */

static void
on_chosen_cb (GtkWidget *self, const char *path)
{
  gtk_widget_activate_action (self, "followup.export-csv-to", "s", path);
}

static void
export_csv_action (GtkWidget *widget, const char *name, GVariant *param)
{
  spire_file_chooser_save (widget, _("Export Deals as CSV"), SPIRE_FILE_FORMAT_CSV,
                           /* TRANSLATORS: the file name the export proposes */
                           _("deals.csv"), on_chosen_cb);
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireFollowupPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_rows = 0;

  self->exporting--;
  if (!spire_csv_export_finish (result, &n_rows, &name, &error))
    {
      if (gtk_widget_get_root (GTK_WIDGET (self)))
        spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Export the Deals"), error);
    }
  else
    {
      g_autofree char *n_text = spire_format_count (n_rows, spire_language_current ());
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Exported %s deal to “%s”", "Exported %s deals to “%s”",
                     n_rows),
        n_text, name);

      spire_toast_show (GTK_WIDGET (self), text);
    }
  g_object_unref (self);
}

static void
export_csv_to_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireFollowupPage *self = SPIRE_FOLLOWUP_PAGE (widget);

  self->exporting++;
  spire_deal_list_export_async (self->list, g_variant_get_string (param, NULL), on_exported_cb,
                                g_object_ref (self));
}

/* Actions */

static void
move_deal_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireFollowupPage *self = SPIRE_FOLLOWUP_PAGE (widget);

  ask_move (self, self->selected, g_variant_get_string (param, NULL));
}

/* The stage @step places from the selected deal's, in the board's order
 * (no deal is reached only by name). */
static void
move_by (SpireFollowupPage *self, int step)
{
  const char *const *stages = spire_deal_stages ();
  SpireDealCard *card = find_card (self, self->selected);
  int n = (int) g_strv_length ((char **) stages) - 1; /* without no_deal */

  if (card == NULL)
    return;
  for (int i = 0; i < n; i++)
    if (g_str_equal (stages[i], spire_deal_card_get_stage (card)) && i + step >= 0 &&
        i + step < n)
      {
        ask_move (self, self->selected, stages[i + step]);
        return;
      }
}

static void
move_next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_by (SPIRE_FOLLOWUP_PAGE (widget), 1);
}

static void
move_previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_by (SPIRE_FOLLOWUP_PAGE (widget), -1);
}

static void
reload_action (GtkWidget *widget, const char *name, GVariant *param)
{
  reload (SPIRE_FOLLOWUP_PAGE (widget));
}

/* Class */

static void
build_columns (SpireFollowupPage *self)
{
  const char *const *stages = spire_deal_stages ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  g_ptr_array_set_size (self->columns, 0);
  for (guint i = 0; stages[i]; i++)
    {
      GtkWidget *column = spire_deal_column_new (
        stages[i], self->store ? spire_stage_probability (self->store, self->program, stages[i])
                               : spire_deal_stage_default_probability (stages[i]));

      g_signal_connect_object (column, "deal-selected", G_CALLBACK (on_deal_selected_cb), self,
                               0);
      g_signal_connect_object (column, "deal-dropped", G_CALLBACK (on_deal_dropped_cb), self, 0);
      g_signal_connect_object (column, "deal-activated", G_CALLBACK (on_deal_activated_cb), self,
                               0);
      gtk_box_append (self->columns_box, column);
      g_ptr_array_add (self->columns, column);
    }
}

static void
spire_followup_page_dispose (GObject *object)
{
  SpireFollowupPage *self = SPIRE_FOLLOWUP_PAGE (object);

  spire_reload_stop (&self->reload);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_FOLLOWUP_PAGE);
  G_OBJECT_CLASS (spire_followup_page_parent_class)->dispose (object);
}

static void
spire_followup_page_finalize (GObject *object)
{
  SpireFollowupPage *self = SPIRE_FOLLOWUP_PAGE (object);

  g_free (self->cohort);
  g_free (self->program);
  g_free (self->selected);
  g_free (self->moving);
  g_free (self->moving_to);
  G_OBJECT_CLASS (spire_followup_page_parent_class)->finalize (object);
}

static void
spire_followup_page_class_init (SpireFollowupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_followup_page_dispose;
  object_class->finalize = spire_followup_page_finalize;

  g_type_ensure (SPIRE_TYPE_FUNNEL_CHART);
  g_type_ensure (SPIRE_TYPE_DEAL_LIST);
  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/followup/spire-followup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, deals_header);
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, empty_funnel);
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, funnel);
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, columns_box);
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, views);
  gtk_widget_class_bind_template_child (widget_class, SpireFollowupPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_deal_activated_cb);

  gtk_widget_class_install_action (widget_class, "followup.move-deal", "s", move_deal_action);
  gtk_widget_class_install_action (widget_class, "followup.move-next", NULL, move_next_action);
  gtk_widget_class_install_action (widget_class, "followup.move-previous", NULL,
                                   move_previous_action);
  gtk_widget_class_install_action (widget_class, "followup.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "followup.open-deal", "s", open_deal_action);
  gtk_widget_class_install_action (widget_class, "followup.new-deal", NULL, new_deal_action);
  gtk_widget_class_install_action (widget_class, "followup.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "followup.export-csv-to", "s",
                                   export_csv_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "followup.move-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "followup.move-previous", NULL);
}

static void
spire_followup_page_init (SpireFollowupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  spire_reload_init (&self->reload, reload_cb, self);
  /* on a phone the board/list switcher under the "Deals" heading */
  spire_widget_stack_when_narrow (self->deals_header);
  self->columns = g_ptr_array_new ();
  build_columns (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.new-deal", FALSE);
}

GtkWidget *
spire_followup_page_new (void)
{
  return g_object_new (SPIRE_TYPE_FOLLOWUP_PAGE, NULL);
}

void
spire_followup_page_set_store (SpireFollowupPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    {
      g_signal_connect_object (store, "changed::deals", G_CALLBACK (on_store_changed_cb), self,
                               0);
      g_signal_connect_object (store, "changed::deal_events", G_CALLBACK (on_store_changed_cb),
                               self, 0);
    }
  g_clear_pointer (&self->cohort, g_free);
  g_clear_pointer (&self->program, g_free);
  reload (self);
}

gboolean
spire_followup_page_set_cohort (SpireFollowupPage *self, SpireCohort *cohort, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self), FALSE);

  g_clear_pointer (&self->cohort, g_free);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->selected, g_free);
  if (cohort != NULL)
    {
      self->cohort = g_strdup (spire_record_get_uuid (SPIRE_RECORD (cohort)));
      self->program = g_strdup (spire_record_get_text (SPIRE_RECORD (cohort), "program"));
    }
  build_columns (self);
  if (cohort == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  reload (self);
  return TRUE;
}

/* A program's board: all its deals (core's spire_deal_cards with the
 * program) and its funnel. */
void
spire_followup_page_set_program (SpireFollowupPage *self, const char *program_uuid)
{
  g_return_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self));

  g_clear_pointer (&self->cohort, g_free);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->selected, g_free);
  self->program = g_strdup (program_uuid);
  build_columns (self);
  if (program_uuid == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  reload (self);
}

gboolean
spire_followup_page_is_loading (SpireFollowupPage *self)
{
  g_return_val_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self), FALSE);
  return spire_reload_is_busy (&self->reload);
}

GListModel *
spire_followup_page_get_stage_model (SpireFollowupPage *self, const char *stage)
{
  g_return_val_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (spire_deal_column_get_stage (self->columns->pdata[i]), stage) == 0)
      return spire_deal_column_get_model (self->columns->pdata[i]);
  return NULL;
}

gboolean
spire_followup_page_select_deal (SpireFollowupPage *self, const char *deal_uuid)
{
  g_autofree char *uuid = g_strdup (deal_uuid); /* may be self->selected */

  g_return_val_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self), FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    if (spire_deal_column_select (self->columns->pdata[i], uuid))
      {
        g_free (self->selected);
        self->selected = g_steal_pointer (&uuid);
        return TRUE;
      }
  return FALSE;
}

SpireDealList *
spire_followup_page_get_list (SpireFollowupPage *self)
{
  g_return_val_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self), NULL);
  return self->list;
}

void
spire_followup_page_show_view (SpireFollowupPage *self, const char *view)
{
  g_return_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self));
  gtk_stack_set_visible_child_name (self->views, view);
}

gboolean
spire_followup_page_is_exporting (SpireFollowupPage *self)
{
  g_return_val_if_fail (SPIRE_IS_FOLLOWUP_PAGE (self), FALSE);
  return self->exporting > 0;
}
