/* spire-record-editor.c — a form for any record kind, from its field table
 *
 * One generic form: a row per field of the kind (system fields left out),
 * the row's widget chosen by the field's type.  Every change reads the form
 * into a copy of the record and validates it (spire_record_validate), so
 * that the row in error is marked and the message is shown under the form
 * while the user types; Save stays disabled until the form is valid.
 *
 * The rows themselves (a widget per field type, text into values) are
 * spire-field-row.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "common/spire-undo.h"
#include "common/spire-field-row.h"
#include "common/spire-widget.h"
#include "spire-record-editor.h"
#include "spire-records-private.h"
#include "spire-records-resources.h"

struct _SpireRecordEditor
{
  AdwWindow parent_instance;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwPreferencesGroup *group;
  GtkLabel *message_label;
  AdwPreferencesGroup *extra_group;

  SpireStore *store;
  const SpireKind *kind;
  SpireRecord *record;   /* as it was opened (a copy) */
  SpireRecord *baseline; /* the form read right after it was filled */
  SpireRecord *work;     /* the form read last; NULL when a row does not parse */
  gboolean is_new;
  GPtrArray *rows;       /* SpireFieldRow */
  gboolean valid;
  gboolean dirty;
  gboolean closing;      /* saved or discarded: close without asking */
  gboolean filling;
  gboolean save_all;     /* show every row's error (after a Save attempt) */
  AdwMessageDialog *ask_dialog; /* weak */
};

G_DEFINE_FINAL_TYPE (SpireRecordEditor, spire_record_editor, ADW_TYPE_WINDOW)


static void update_state (SpireRecordEditor *self);

static gboolean
is_hidden (SpireRecordEditor *self, const SpireField *f)
{
  if (f->flags & SPIRE_FIELD_SYSTEM)
    return TRUE;
  if (f->flags & SPIRE_FIELD_SECRET)
    return TRUE;
  if (f->type == SPIRE_FIELD_JSON || f->type == SPIRE_FIELD_TIME)
    return TRUE; /* JSON is shown read-only; times are set by what happens */
  /* Status changes are decisions, with a reason, made on the cohort page. */
  if (self->kind == &spire_kind_application && g_str_equal (f->name, "status"))
    return TRUE;
  return FALSE;
}

/* The form */

/* Reads the whole form into a new record; NULL (with the failing row and
 * message) when a row does not read. */
static SpireRecord *
read_form (SpireRecordEditor *self, SpireFieldRow **bad, char **message)
{
  g_autoptr (SpireRecord) work = spire_record_copy (self->record);

  *bad = spire_field_rows_read (self->rows, work, message);
  return *bad ? NULL : g_steal_pointer (&work);
}

static void
update_state (SpireRecordEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  SpireFieldRow *bad = NULL;
  const char *bad_field = NULL;
  gboolean shown;

  if (self->filling)
    return;

  g_clear_object (&self->work);
  self->work = read_form (self, &bad, &message);
  if (self->work && !spire_record_validate (self->work, &bad_field, &error))
    {
      bad = spire_field_rows_find (self->rows, bad_field);
      message = g_strdup (error->message);
    }
  self->valid = self->work != NULL && message == NULL;
  self->dirty = self->work == NULL || self->baseline == NULL ||
                !spire_record_equal (self->work, self->baseline);

  /* An error in a row not yet filled in would only nag. */
  shown = bad == NULL || bad->touched || self->save_all;
  spire_field_rows_show_error (self->rows, shown ? bad : NULL, self->message_label,
                               shown ? message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid);
  if (self->ask_dialog)
    adw_message_dialog_set_response_enabled (self->ask_dialog, "save", self->valid);
}

/* A row changed: mark it touched (unless the form is being filled) and
 * validate the form again. */
static void
on_row_changed_cb (SpireFieldRow *r, gpointer data)
{
  SpireRecordEditor *self = data;

  /* An organisation number is shown as "923 609 016" once it is valid. */
  if (spire_field_row_is_orgnr (r) && r->widget_kind == SPIRE_FIELD_ENTRY && !self->filling)
    {
      GtkEditable *editable = GTK_EDITABLE (r->widget);
      const char *text = gtk_editable_get_text (editable);
      g_autofree char *digits = spire_orgnr_digits (text);

      if (digits && spire_orgnr_is_valid (digits))
        {
          g_autofree char *formatted = spire_format_orgnr (digits);

          if (!g_str_equal (formatted, text))
            {
              r->touched = TRUE;
              gtk_editable_set_text (editable, formatted); /* comes back here */
              gtk_editable_set_position (editable, -1);
              return;
            }
        }
    }
  if (!self->filling)
    r->touched = TRUE;
  update_state (self);
}

static void
add_row (SpireRecordEditor *self, SpireFieldRow *r)
{
  adw_preferences_group_add (self->group, r->row);
  g_ptr_array_add (self->rows, r);
}

/* "question: answer" rows for an application's extra answers */
static void
show_extra (SpireRecordEditor *self)
{
  const SpireField *f = spire_kind_field (self->kind, "extra");
  const char *json = f ? spire_record_get_text (self->record, "extra") : NULL;
  g_autoptr (JsonParser) parser = NULL;
  JsonNode *root;

  if (json == NULL || *json == '\0')
    return;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  {
    JsonObject *object = json_node_get_object (root);
    g_autoptr (GList) members = json_object_get_members (object);

    for (GList *l = members; l; l = l->next)
      {
        JsonNode *node = json_object_get_member (object, l->data);
        GtkWidget *row = adw_action_row_new ();
        g_autofree char *answer = NULL;

        if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
          answer = g_strdup (json_node_get_string (node));
        else
          answer = json_to_string (node, FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), l->data);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), answer);
        adw_preferences_group_add (self->extra_group, row);
        gtk_widget_set_visible (GTK_WIDGET (self->extra_group), TRUE);
      }
  }
}

static void
build_form (SpireRecordEditor *self)
{
  SpireFieldRow *first = NULL;

  self->filling = TRUE;
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const SpireField *f = &self->kind->fields[i];
      SpireFieldRow *r;

      if (is_hidden (self, f))
        continue;
      r = spire_field_row_new (f, self->store, self->kind, self->record, on_row_changed_cb, self);
      add_row (self, r);
      spire_field_row_set_from_record (r, self->record);
      if (first == NULL)
        first = r;
    }
  show_extra (self);
  self->filling = FALSE;

  {
    SpireFieldRow *bad = NULL;
    g_autofree char *message = NULL;

    self->baseline = read_form (self, &bad, &message);
  }
  update_state (self);
  if (first)
    gtk_widget_grab_focus (first->widget);
}

/* Saving and closing */

static void
save (SpireRecordEditor *self)
{
  g_autoptr (GError) error = NULL;
  gboolean inserted = FALSE;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  update_state (self);
  if (!self->valid)
    {
      self->save_all = TRUE;
      update_state (self);
      return;
    }
  if (!spire_store_save (self->store, self->work, SPIRE_SAVE_DEFAULT, &inserted, &error))
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Save"), error);
      return;
    }
  if (parent)
    {
      g_autofree char *text = g_strdup_printf (inserted ? _("“%s” added") : _("“%s” saved"),
                                               spire_record_get_display_name (self->work));
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 4);
      spire_toast_add (GTK_WIDGET (parent), toast);
    }
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* The answer to "Save Changes?": Save closes the form when it saved. */
static void
on_ask_answer_cb (GtkWindow *window, gboolean save_changes)
{
  SpireRecordEditor *self = SPIRE_RECORD_EDITOR (window);

  if (save_changes)
    {
      save (self);
      return;
    }
  self->closing = TRUE;
  gtk_window_close (window);
}

static gboolean
spire_record_editor_close_request (GtkWindow *window)
{
  SpireRecordEditor *self = SPIRE_RECORD_EDITOR (window);

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (spire_record_editor_parent_class)->close_request (window);
  return spire_save_changes_ask (window, self->valid, &self->ask_dialog, on_ask_answer_cb);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  save (SPIRE_RECORD_EDITOR (widget));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject */

static void
spire_record_editor_dispose (GObject *object)
{
  SpireRecordEditor *self = SPIRE_RECORD_EDITOR (object);

  g_clear_weak_pointer (&self->ask_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_RECORD_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->baseline);
  g_clear_object (&self->work);

  G_OBJECT_CLASS (spire_record_editor_parent_class)->dispose (object);
}

static void
spire_record_editor_class_init (SpireRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = spire_record_editor_dispose;
  window_class->close_request = spire_record_editor_close_request;

  (void) spire_records_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/records/spire-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordEditor, group);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordEditor, extra_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
spire_record_editor_init (SpireRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (spire_field_row_free);
  /* Enter in a field saves (while Save may: an insensitive default does nothing). */
  spire_window_set_default_button (GTK_WINDOW (self), self->save_button);
}

/* The one delete wrapper left, for the cohort page (common/'s
 * spire_delete_with_undo is what new code calls). */

void
spire_record_delete_with_undo (GtkWindow *window, SpireStore *store, SpireRecord *record)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new ();

  g_return_if_fail (SPIRE_IS_RECORD (record));

  g_ptr_array_add (records, record);
  spire_delete_with_undo (GTK_WIDGET (window), store, records);
}

/* Titles in the user's words: "New Startup", "Edit Kvitravn Analyse AS". */

static const struct
{
  const SpireKind *kind;
  const char *title;
} new_titles[] = {
  { &spire_kind_public_body, N_("New Public Body") },
  { &spire_kind_program, N_("New Program") },
  { &spire_kind_cohort, N_("New Cohort") },
  { &spire_kind_challenge, N_("New Challenge") },
  { &spire_kind_startup, N_("New Startup") },
  { &spire_kind_person, N_("New Person") },
  { &spire_kind_application, N_("New Application") },
  { &spire_kind_criterion, N_("New Criterion") },
  { &spire_kind_evaluator, N_("New Panel Member") },
  { &spire_kind_conflict, N_("New Conflict of Interest") },
  { &spire_kind_deal, N_("New Deal") },
  { &spire_kind_solution, N_("New Solution") },
  { &spire_kind_gain, N_("New Gain") },
  { &spire_kind_threshold, N_("New Procurement Threshold") },
  { &spire_kind_innsyn_request, N_("New Innsyn Request") },
};

static char *
editor_title (const SpireKind *kind, SpireRecord *record)
{
  const char *name = record ? spire_record_get_display_name (record) : NULL;

  if (record == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (new_titles); i++)
        if (new_titles[i].kind == kind)
          return g_strdup (_(new_titles[i].title));
      /* TRANSLATORS: the title of a form for a new record of a kind
       * without a title of its own, e.g. "New Rubric" */
      return g_strdup_printf (_("New %s"), _(kind->label));
    }
  /* TRANSLATORS: the title of the form that edits a record, with the
   * record's name: "Edit Kvitravn Analyse AS" */
  return g_strdup_printf (_("Edit %s"), name && *name ? name : _(kind->label));
}

/* Public API */

void
spire_record_editor_present (GtkWindow *parent, SpireStore *store, const SpireKind *kind,
                             SpireRecord *record, GHashTable *defaults)
{
  SpireRecordEditor *self;
  g_autofree char *title = NULL;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (kind != NULL || record != NULL);

  if (record)
    kind = spire_record_get_kind (record);
  self = g_object_new (SPIRE_TYPE_RECORD_EDITOR, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->is_new = record == NULL;
  self->record = record ? spire_record_copy (record) : spire_record_new (kind);

  if (self->is_new)
    {
      if (kind == &spire_kind_application)
        spire_record_set_text (self->record, "status", "received");
      if (kind == &spire_kind_cohort)
        spire_record_set_text (self->record, "phase", "planning");
      if (defaults)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, defaults);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              const SpireField *f = spire_kind_field (kind, key);

              if (f == NULL || value == NULL)
                continue;
              switch (f->type)
                {
                case SPIRE_FIELD_INT:
                case SPIRE_FIELD_MONEY:
                  spire_record_set_int (self->record, key, g_ascii_strtoll (value, NULL, 10));
                  break;
                case SPIRE_FIELD_REAL:
                  spire_record_set_real (self->record, key, g_ascii_strtod (value, NULL));
                  break;
                case SPIRE_FIELD_BOOL:
                  spire_record_set_bool (self->record, key,
                                         g_str_equal (value, "true") || g_str_equal (value, "1"));
                  break;
                default:
                  spire_record_set_text (self->record, key, value);
                }
            }
        }
    }
  title = editor_title (kind, record);
  adw_window_title_set_title (self->window_title, title);
  /* What kind of record an existing one is, under its name. */
  adw_window_title_set_subtitle (self->window_title, record ? _(kind->label) : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);

  build_form (self);
  gtk_window_present (GTK_WINDOW (self));
}

/* Private API */

void
_spire_record_editor_set_text (SpireRecordEditor *self, const char *field, const char *text)
{
  SpireFieldRow *r = spire_field_rows_find (self->rows, field);

  g_return_if_fail (r != NULL);
  r->touched = TRUE;
  spire_field_row_set_text (r, text);
  update_state (self);
}

const char *
_spire_record_editor_get_text (SpireRecordEditor *self, const char *field)
{
  SpireFieldRow *r = spire_field_rows_find (self->rows, field);

  g_return_val_if_fail (r != NULL, NULL);
  return spire_field_row_get_text (r);
}

GtkWidget *
_spire_record_editor_get_row (SpireRecordEditor *self, const char *field)
{
  SpireFieldRow *r = spire_field_rows_find (self->rows, field);

  return r ? r->row : NULL;
}

GtkWidget *
_spire_record_editor_get_widget (SpireRecordEditor *self, const char *field)
{
  SpireFieldRow *r = spire_field_rows_find (self->rows, field);

  return r ? r->widget : NULL;
}

GtkCalendar *
_spire_record_editor_get_calendar (SpireRecordEditor *self, const char *field)
{
  SpireFieldRow *r = spire_field_rows_find (self->rows, field);

  if (r == NULL || r->calendar == NULL)
    return NULL;
  /* As a click on the row's calendar button opens it. */
  gtk_popover_popup (GTK_POPOVER (r->popover));
  return GTK_CALENDAR (r->calendar);
}

gboolean
_spire_record_editor_can_save (SpireRecordEditor *self)
{
  return gtk_widget_is_sensitive (self->save_button) && self->valid;
}

const char *
_spire_record_editor_get_message (SpireRecordEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
           ? gtk_label_get_text (self->message_label) : NULL;
}
