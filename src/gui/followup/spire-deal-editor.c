/* spire-deal-editor.c — one deal: its fields, its stage history, the
 * procedure hints, its phases and purchase option, and its gains
 *
 * Every rule is core's: the fields are read into a copy of the deal and
 * validated as the user types (spire_record_validate: the row in error is
 * marked, the message shown under the fields, Save off until valid) and
 * saved with spire_store_update; the history, days in stage and hints come
 * from spire_deal_get_status; phases are added and closed with
 * spire_deal_add_phase and spire_deal_phase_set_state; the purchase option
 * is refused or exercised by spire_deal_option_refusal and
 * spire_deal_exercise_option; a gain is a spire_kind_gain record inserted
 * with spire_store_insert.  The rows of the fields are the record editor's
 * (common/spire-field-row.h), so a deal's fields read as any record's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "common/spire-field-row.h"
#include "common/spire-widget.h"
#include "spire-deal-editor.h"
#include "spire-deal-gain-dialog.h"
#include "spire-deal-phase-dialog.h"
#include "spire-deal-phase-row.h"
#include "spire-followup-resources.h"

/* The deal's fields the editor shows, in order. */
static const char *const editor_fields[] = {
  "title", "kind", "value", "procedure", "solution", "started_on", "signed_on",
  "lost_reason", "option_value",
};

struct _SpireDealEditor
{
  AdwWindow parent_instance;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwPreferencesGroup *hints_group;
  GtkLabel *hints_label;
  AdwPreferencesGroup *fields_group;
  GtkLabel *message_label;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *phases_group;
  GtkWidget *phases_empty;
  AdwActionRow *option_row;
  GtkWidget *exercise_button;
  AdwPreferencesGroup *gains_group;
  GtkWidget *gains_empty;

  SpireStore *store;
  char *uuid;
  SpireRecord *record;  /* the deal as stored last */
  SpireRecord *work;    /* the fields read last; NULL when a row does not read */
  GPtrArray *rows;      /* SpireFieldRow */
  GPtrArray *shown;     /* rows added to the history, phases and gains groups */
  gboolean valid;
  gboolean dirty;       /* a field changed since it was filled or saved */
  gboolean filling;
  gboolean closing;
  guint refresh_source;
  char *phase;          /* the phase a dialog asks about */
  char *phase_state;
  AdwMessageDialog *ask_dialog; /* weak */
};

G_DEFINE_FINAL_TYPE (SpireDealEditor, spire_deal_editor, ADW_TYPE_WINDOW)

/* The fields */

static void
update_state (SpireDealEditor *self)
{
  g_autoptr (SpireRecord) work = spire_record_copy (self->record);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  SpireFieldRow *bad = NULL;
  const char *bad_field = NULL;

  if (self->filling)
    return;
  bad = spire_field_rows_read (self->rows, work, &message);
  if (bad == NULL && !spire_record_validate (work, &bad_field, &error))
    {
      bad = spire_field_rows_find (self->rows, bad_field);
      message = g_strdup (error->message);
    }
  g_clear_object (&self->work);
  if (message == NULL)
    self->work = g_steal_pointer (&work);
  self->valid = message == NULL;
  spire_field_rows_show_error (self->rows, bad, self->message_label, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal.save", self->valid && self->dirty);
  if (self->ask_dialog)
    adw_message_dialog_set_response_enabled (self->ask_dialog, "save", self->valid);
}

static void
on_row_changed_cb (SpireFieldRow *r, gpointer data)
{
  SpireDealEditor *self = data;

  if (self->filling)
    return;
  r->touched = TRUE;
  self->dirty = TRUE;
  update_state (self);
}

static void
build_fields (SpireDealEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (editor_fields); i++)
    {
      const SpireField *f = spire_kind_field (&spire_kind_deal, editor_fields[i]);
      SpireFieldRow *r = spire_field_row_new (f, self->store, &spire_kind_deal, self->record,
                                               on_row_changed_cb, self);

      adw_preferences_group_add (self->fields_group, r->row);
      g_ptr_array_add (self->rows, r);
    }
}

static void
fill_fields (SpireDealEditor *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      SpireFieldRow *r = self->rows->pdata[i];

      spire_field_row_set_from_record (r, self->record);
      r->touched = FALSE;
    }
  self->filling = FALSE;
  self->dirty = FALSE;
  update_state (self);
}

/* The sections read from the store: hints, history, phases, option, gains */

static void
clear_shown (SpireDealEditor *self)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *row = self->shown->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->shown, 0);
}

static void
add_shown (SpireDealEditor *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->shown, row);
}

/* A line of the timeline or of the gains: an AdwActionRow with its text. */
static GtkWidget *
text_row (const char *title, const char *subtitle)
{
  return g_object_new (ADW_TYPE_ACTION_ROW, "title", title, "subtitle", subtitle,
                       "use-markup", FALSE, "subtitle-lines", 4, NULL);
}

static void
show_history (SpireDealEditor *self, SpireDealStatus *status)
{
  SpireLanguage lang = spire_language_current ();
  const SpireField *stage = spire_kind_field (&spire_kind_deal, "stage");

  for (guint i = 0; i < status->steps->len; i++)
    {
      SpireDealStep *step = status->steps->pdata[i];
      g_autofree char *date = spire_format_date (step->date, lang);
      g_autofree char *n_days = spire_format_count (step->days, lang);
      g_autofree char *days = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", step->days), n_days);
      g_autofree char *subtitle = step->note && *step->note
                                    ? g_strdup_printf ("%s · %s · %s", date, days, step->note)
                                    : g_strdup_printf ("%s · %s", date, days);

      add_shown (self, self->history_group,
                 text_row (spire_field_value_label (stage, step->stage), subtitle));
    }
}

static void
show_hints (SpireDealEditor *self, SpireDealStatus *status)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < status->hints->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n\n" : "", (char *) status->hints->pdata[i]);
  gtk_label_set_text (self->hints_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->hints_group), status->hints->len > 0);
}

static int
compare_by_int_cb (gconstpointer a, gconstpointer b, gpointer field)
{
  gint64 x = spire_record_get_int (*(SpireRecord **) a, field);
  gint64 y = spire_record_get_int (*(SpireRecord **) b, field);

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The deal's records of @kind, by @order (an INT field). */
static GPtrArray *
list_of_deal (SpireDealEditor *self, const SpireKind *kind, const char *order)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records = spire_store_list (self->store, kind, "deal", self->uuid, &error);

  if (records == NULL)
    g_warning ("%s", error->message);
  else
    g_ptr_array_sort_with_data (records, compare_by_int_cb, (gpointer) order);
  return records;
}

static void
show_phases (SpireDealEditor *self)
{
  g_autoptr (GPtrArray) phases = list_of_deal (self, &spire_kind_deal_phase, "position");

  for (guint i = 0; phases && i < phases->len; i++)
    add_shown (self, self->phases_group, spire_deal_phase_row_new (phases->pdata[i]));
  gtk_widget_set_visible (self->phases_empty, phases == NULL || phases->len == 0);
}

static void
show_option (SpireDealEditor *self)
{
  gint64 value = spire_record_get_int (self->record, "option_value");
  g_autofree char *refusal = spire_deal_option_refusal (self->store, self->uuid, NULL);
  g_autofree char *money = NULL;
  g_autofree char *title = NULL;

  if (value == SPIRE_INT_NONE)
    title = g_strdup (_("No purchase option"));
  else
    {
      money = spire_format_money (value, spire_language_current ());
      /* TRANSLATORS: "Purchase option of 4 000 000 kr" */
      title = g_strdup_printf (_("Purchase option of %s"), money);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->option_row), title);
  if (spire_record_get_bool (self->record, "option_exercised"))
    adw_action_row_set_subtitle (self->option_row, _("Exercised"));
  else
    adw_action_row_set_subtitle (self->option_row,
                                 refusal ? refusal : _("Every phase has passed: it can be "
                                                       "exercised."));
  gtk_widget_set_sensitive (self->exercise_button,
                            value != SPIRE_INT_NONE &&
                              !spire_record_get_bool (self->record, "option_exercised"));
}

static char *
gain_text (SpireRecord *gain)
{
  SpireLanguage lang = spire_language_current ();
  static const char *const money[] = { "baseline", "expected", "realised" };
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *owner = spire_record_get_text (gain, "owner");

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    if (!spire_record_is_null (gain, money[i]))
      {
        g_autofree char *m = spire_format_money (spire_record_get_int (gain, money[i]), lang);

        /* TRANSLATORS: "Baseline 100 000 kr", "Expected …", "Realised …" */
        g_ptr_array_add (parts, i == 0   ? g_strdup_printf (_("Baseline %s"), m)
                                : i == 1 ? g_strdup_printf (_("Expected %s"), m)
                                         : g_strdup_printf (_("Realised %s"), m));
      }
  if (owner && *owner)
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), owner));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_gains (SpireDealEditor *self)
{
  g_autoptr (GPtrArray) gains = list_of_deal (self, &spire_kind_gain, "year");
  const SpireField *kind = spire_kind_field (&spire_kind_gain, "kind");

  for (guint i = 0; gains && i < gains->len; i++)
    {
      SpireRecord *gain = gains->pdata[i];
      const char *description = spire_record_get_text (gain, "description");
      g_autofree char *title = g_strdup_printf (
        "%" G_GINT64_FORMAT " · %s%s%s", spire_record_get_int (gain, "year"),
        spire_field_value_label (kind, spire_record_get_text (gain, "kind")),
        description && *description ? " · " : "", description ? description : "");
      g_autofree char *subtitle = gain_text (gain);

      add_shown (self, self->gains_group, text_row (title, subtitle));
    }
  gtk_widget_set_visible (self->gains_empty, gains == NULL || gains->len == 0);
}

/* Reads the deal again and shows what the store says; the fields are
 * refilled only when the user has not changed them. */
static gboolean
refresh (SpireDealEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireDealStatus) status = spire_deal_get_status (self->store, self->uuid, NULL,
                                                              &error);

  if (status == NULL)
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Deal"), error);
      return FALSE;
    }
  g_set_object (&self->record, status->deal);
  adw_window_title_set_title (self->window_title, spire_record_get_display_name (self->record));
  adw_window_title_set_subtitle (
    self->window_title,
    spire_field_value_label (spire_kind_field (&spire_kind_deal, "stage"),
                             spire_record_get_text (self->record, "stage")));
  if (!self->dirty)
    fill_fields (self);
  else
    update_state (self);
  clear_shown (self);
  show_hints (self, status);
  show_history (self, status);
  show_phases (self);
  show_option (self);
  show_gains (self);
  return TRUE;
}

static gboolean
refresh_cb (gpointer data)
{
  SpireDealEditor *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (SpireStore *store, const char *table, SpireDealEditor *self)
{
  static const char *const tables[] = { "deals", "deal_events", "deal_phases", "gains" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i]) == 0 && self->refresh_source == 0)
      self->refresh_source = g_idle_add (refresh_cb, self);
}

/* Saving and closing */

static gboolean
save (SpireDealEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) work = NULL;

  update_state (self);
  if (!self->valid || self->work == NULL)
    return FALSE;
  work = g_object_ref (self->work);
  if (!spire_store_update (self->store, work, &error))
    {
      const char *field = NULL;
      g_autoptr (GError) again = NULL;
      SpireFieldRow *bad = NULL;

      /* A rule the store checks: shown where it belongs, as typing does. */
      if (!spire_record_validate (work, &field, &again))
        bad = spire_field_rows_find (self->rows, field);
      if (bad)
        gtk_widget_add_css_class (bad->row, "error");
      gtk_label_set_text (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return FALSE;
    }
  g_set_object (&self->record, work);
  self->dirty = FALSE;
  update_state (self);
  spire_toast_show (GTK_WIDGET (self), _("Deal saved"));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  save (SPIRE_DEAL_EDITOR (widget));
}

/* The answer to "Save Changes?": the editor closes unless Save failed. */
static void
on_ask_answer_cb (GtkWindow *window, gboolean save_changes)
{
  SpireDealEditor *self = SPIRE_DEAL_EDITOR (window);

  if (save_changes && !save (self))
    return;
  self->closing = TRUE;
  gtk_window_close (window);
}

static gboolean
spire_deal_editor_close_request (GtkWindow *window)
{
  SpireDealEditor *self = SPIRE_DEAL_EDITOR (window);

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (spire_deal_editor_parent_class)->close_request (window);
  return spire_save_changes_ask (window, self->valid, &self->ask_dialog, on_ask_answer_cb);
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Phases */

static void
on_phase_response_cb (SpireDealPhaseDialog *dialog, const char *response, SpireDealEditor *self)
{
  g_autofree char *date = spire_deal_phase_dialog_get_date (dialog);
  g_autofree char *name = spire_deal_phase_dialog_get_name (dialog);
  gint64 cost = spire_deal_phase_dialog_get_cost (dialog);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) added = NULL;

  if (!g_str_equal (response, "save"))
    ;
  else if (self->phase == NULL)
    {
      added = spire_deal_add_phase (self->store, self->uuid, name, date, cost, &error);
      if (added == NULL)
        spire_error_dialog_show (GTK_WIDGET (self), _("The Phase Was Not Added"), error);
    }
  else if (!spire_deal_phase_set_state (self->store, self->phase, self->phase_state, date, cost,
                                        &error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Phase Was Not Changed"), error);
  g_clear_pointer (&self->phase, g_free);
  g_clear_pointer (&self->phase_state, g_free);
}

static void
ask_phase (SpireDealEditor *self, const char *phase_uuid, const char *state)
{
  g_autoptr (SpireRecord) phase = NULL;
  SpireDealPhaseDialog *dialog;

  if (self->phase_state != NULL || self->phase != NULL)
    return;
  if (phase_uuid)
    {
      phase = spire_store_get (self->store, &spire_kind_deal_phase, phase_uuid, NULL);
      if (phase == NULL)
        return;
    }
  dialog = spire_deal_phase_dialog_new (GTK_WIDGET (self),
                                        phase ? spire_record_get_text (phase, "name") : NULL,
                                        state);
  self->phase = g_strdup (phase_uuid);
  self->phase_state = g_strdup (state ? state : "");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_phase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_phase_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_phase (SPIRE_DEAL_EDITOR (widget), NULL, NULL);
}

static void
set_phase_state_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *phase = NULL;
  const char *state = NULL;

  g_variant_get (param, "(&s&s)", &phase, &state);
  if (g_str_equal (state, "passed") || g_str_equal (state, "stopped"))
    ask_phase (SPIRE_DEAL_EDITOR (widget), phase, state);
}

/* The purchase option */

static void
exercise_option_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireDealEditor *self = SPIRE_DEAL_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (!spire_deal_exercise_option (self->store, self->uuid, &error))
    spire_error_dialog_show (widget, _("The Option Cannot Be Exercised"), error);
  else
    spire_toast_show (widget, _("Purchase option exercised"));
}

/* Gains */

static void
on_gain_response_cb (SpireDealGainDialog *dialog, const char *response, SpireDealEditor *self)
{
  g_autoptr (SpireRecord) gain = spire_deal_gain_dialog_get_gain (dialog, self->uuid);
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "add") || gain == NULL)
    return;
  if (!spire_store_insert (self->store, gain, &error))
    spire_error_dialog_show (GTK_WIDGET (self), _("The Gain Was Not Added"), error);
  else
    spire_toast_show (GTK_WIDGET (self), _("Gain added"));
}

static void
add_gain_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireDealGainDialog *dialog = spire_deal_gain_dialog_new (widget);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_gain_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
spire_deal_editor_dispose (GObject *object)
{
  SpireDealEditor *self = SPIRE_DEAL_EDITOR (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_weak_pointer (&self->ask_dialog);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_DEAL_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->work);
  G_OBJECT_CLASS (spire_deal_editor_parent_class)->dispose (object);
}

static void
spire_deal_editor_finalize (GObject *object)
{
  SpireDealEditor *self = SPIRE_DEAL_EDITOR (object);

  g_free (self->uuid);
  g_free (self->phase);
  g_free (self->phase_state);
  G_OBJECT_CLASS (spire_deal_editor_parent_class)->finalize (object);
}

static void
spire_deal_editor_class_init (SpireDealEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = spire_deal_editor_dispose;
  object_class->finalize = spire_deal_editor_finalize;
  window_class->close_request = spire_deal_editor_close_request;

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/followup/spire-deal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, hints_group);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, hints_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, phases_group);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, option_row);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, exercise_button);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, gains_group);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, phases_empty);
  gtk_widget_class_bind_template_child (widget_class, SpireDealEditor, gains_empty);

  gtk_widget_class_install_action (widget_class, "deal.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "deal.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "deal.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "deal.set-phase-state", "(ss)",
                                   set_phase_state_action);
  gtk_widget_class_install_action (widget_class, "deal.exercise-option", NULL,
                                   exercise_option_action);
  gtk_widget_class_install_action (widget_class, "deal.add-gain", NULL, add_gain_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "deal.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "deal.close", NULL);
}

static void
spire_deal_editor_init (SpireDealEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (spire_field_row_free);
  self->shown = g_ptr_array_new ();
  /* Enter in a field saves (while Save may: an insensitive default does nothing). */
  spire_window_set_default_button (GTK_WINDOW (self), self->save_button);
}

SpireDealEditor *
spire_deal_editor_present (GtkWidget *from, SpireStore *store, const char *deal_uuid)
{
  GtkRoot *root = from ? gtk_widget_get_root (from) : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) deal = NULL;
  SpireDealEditor *self;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  deal = spire_store_get (store, &spire_kind_deal, deal_uuid, &error);
  if (deal == NULL)
    {
      spire_error_dialog_show (from, _("Could Not Read the Deal"), error);
      return NULL;
    }
  self = g_object_new (SPIRE_TYPE_DEAL_EDITOR, "transient-for",
                       GTK_IS_WINDOW (root) ? root : NULL, NULL);
  self->store = g_object_ref (store);
  self->uuid = g_strdup (deal_uuid);
  self->record = g_steal_pointer (&deal);
  build_fields (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

const char *
spire_deal_editor_get_deal (SpireDealEditor *self)
{
  g_return_val_if_fail (SPIRE_IS_DEAL_EDITOR (self), NULL);
  return self->uuid;
}

gboolean
spire_deal_editor_set_field_text (SpireDealEditor *self, const char *field, const char *text)
{
  SpireFieldRow *r;

  g_return_val_if_fail (SPIRE_IS_DEAL_EDITOR (self), FALSE);

  r = spire_field_rows_find (self->rows, field);
  if (r == NULL)
    return FALSE;
  spire_field_row_set_text (r, text);
  return TRUE;
}

gboolean
spire_deal_editor_is_valid (SpireDealEditor *self)
{
  g_return_val_if_fail (SPIRE_IS_DEAL_EDITOR (self), FALSE);
  return self->valid;
}
