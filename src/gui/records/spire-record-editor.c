/* spire-record-editor.c — a form for any record kind, from its field table
 *
 * One generic form: a row per field of the kind (system fields left out),
 * the row's widget chosen by the field's type.  Every change reads the form
 * into a copy of the record and validates it (spire_record_validate), so
 * that the row in error is marked and the message is shown under the form
 * while the user types; Save stays disabled until the form is valid.
 *
 * Deleting with undo lives here too: what the store would delete with the
 * record (ON DELETE CASCADE parts) is read first, so that Undo can put all
 * of it back with the same UUIDs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-record-editor.h"
#include "spire-records-private.h"
#include "spire-records-resources.h"
#include "common/spire-error-dialog.h"
#include "common/spire-undo.h"
#include "spire-window.h"

typedef enum
{
  WIDGET_ENTRY,
  WIDGET_TEXT_VIEW,
  WIDGET_SWITCH,
  WIDGET_COMBO,
} WidgetKind;

typedef struct
{
  const SpireField *field;
  WidgetKind widget_kind;
  GtkWidget *row;     /* gets the "error" style */
  GtkWidget *widget;  /* AdwEntryRow, GtkTextView, GtkSwitch or AdwComboRow */
  GPtrArray *values;  /* combo: the value of each position, NULL for None */
  gboolean touched;
  char *text;         /* for _spire_record_editor_get_text */
} FieldRow;

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
  GPtrArray *rows;       /* FieldRow */
  gboolean valid;
  gboolean dirty;
  gboolean closing;      /* saved or discarded: close without asking */
  gboolean filling;
  gboolean save_all;     /* show every row's error (after a Save attempt) */
  AdwMessageDialog *ask_dialog; /* weak */
};

G_DEFINE_FINAL_TYPE (SpireRecordEditor, spire_record_editor, ADW_TYPE_WINDOW)

static SpireRecordEditor *last_editor;      /* weak */
static AdwMessageDialog *last_dialog;       /* weak */

static void update_state (SpireRecordEditor *self);

/* Which text fields get several lines. */
static const char *const multiline_fields[] = {
  "pitch", "solution", "need", "description", "guidance", "summary", "note",
  "confidential", "reason", "comment", "dismiss_reason", "procedure", NULL
};

static void
field_row_free (gpointer data)
{
  FieldRow *r = data;

  g_clear_pointer (&r->values, g_ptr_array_unref);
  g_free (r->text);
  g_free (r);
}

static void
show_dialog (GtkWindow *parent, const char *heading, const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_set_weak_pointer (&last_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_orgnr (const SpireField *f)
{
  return g_str_equal (f->name, "orgnr");
}

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

/* Values into text, text into values */

static char *
value_to_text (SpireRecord *record, const SpireField *f)
{
  SpireLanguage lang = spire_language_current ();

  if (spire_record_is_null (record, f->name))
    return g_strdup ("");
  switch (f->type)
    {
    case SPIRE_FIELD_TEXT:
      if (is_orgnr (f))
        return spire_format_orgnr (spire_record_get_text (record, f->name));
      return g_strdup (spire_record_get_text (record, f->name));
    case SPIRE_FIELD_DATE:
      /* The English format ("23 Nov 2026") is not one people type back. */
      if (lang == SPIRE_LANGUAGE_EN)
        return g_strdup (spire_record_get_text (record, f->name));
      return spire_format_date (spire_record_get_text (record, f->name), lang);
    case SPIRE_FIELD_MONEY:
      {
        gint64 ore = spire_record_get_int (record, f->name);

        if (lang != SPIRE_LANGUAGE_EN)
          return spire_format_money (ore, lang);
        if (ore % 100 == 0)
          return g_strdup_printf ("%" G_GINT64_FORMAT, ore / 100);
        return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", ore / 100, (int) ABS (ore % 100));
      }
    case SPIRE_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, spire_record_get_int (record, f->name));
    case SPIRE_FIELD_REAL:
      return spire_format_number (spire_record_get_real (record, f->name), 2, lang);
    default:
      return g_strdup (spire_record_get_text (record, f->name));
    }
}

static char *
strip_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static char *
say_wrong (const SpireField *f, const char *what)
{
  /* TRANSLATORS: "<field label>: <what is wrong>" */
  return g_strdup_printf (_("%s: %s"), _(f->label), what);
}

/* Reads one row into @work; FALSE with *@message when the text does not
 * read as the field's type. */
static gboolean
read_row (FieldRow *r, SpireRecord *work, char **message)
{
  const SpireField *f = r->field;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;

  switch (r->widget_kind)
    {
    case WIDGET_SWITCH:
      spire_record_set_bool (work, f->name, gtk_switch_get_active (GTK_SWITCH (r->widget)));
      return TRUE;
    case WIDGET_COMBO:
      {
        guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (r->widget));
        const char *value = pos < r->values->len ? g_ptr_array_index (r->values, pos) : NULL;

        if (value)
          spire_record_set_text (work, f->name, value);
        else
          spire_record_set_null (work, f->name);
        return TRUE;
      }
    case WIDGET_TEXT_VIEW:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (r->widget));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
      break;
    case WIDGET_ENTRY:
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->widget)));
      break;
    }

  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      spire_record_set_null (work, f->name);
      return TRUE;
    }

  switch (f->type)
    {
    case SPIRE_FIELD_TEXT:
      if (is_orgnr (f))
        {
          g_autofree char *digits = spire_orgnr_digits (clean);

          spire_record_set_text (work, f->name,
                                 digits && spire_orgnr_is_valid (digits) ? digits : clean);
        }
      else
        spire_record_set_text (work, f->name, r->widget_kind == WIDGET_TEXT_VIEW ? text : clean);
      return TRUE;
    case SPIRE_FIELD_DATE:
      {
        gboolean had_time = FALSE;
        g_autofree char *iso = spire_parse_date (clean, &had_time);

        if (iso == NULL || had_time)
          {
            *message = say_wrong (f, _("not a date; write it as 23.11.2026"));
            return FALSE;
          }
        spire_record_set_text (work, f->name, iso);
        return TRUE;
      }
    case SPIRE_FIELD_MONEY:
      {
        gint64 ore = 0;

        if (!spire_parse_money (clean, &ore))
          {
            *message = say_wrong (f, _("not an amount; write kroner as 250 000 or 250000,50"));
            return FALSE;
          }
        spire_record_set_int (work, f->name, ore);
        return TRUE;
      }
    case SPIRE_FIELD_INT:
      {
        g_autofree char *digits = strip_spaces (clean);
        gint64 v = 0;

        if (!g_ascii_string_to_signed (digits, 10, G_MININT64 + 1, G_MAXINT64, &v, NULL))
          {
            *message = say_wrong (f, _("not a whole number; write it with digits, as 12"));
            return FALSE;
          }
        spire_record_set_int (work, f->name, v);
        return TRUE;
      }
    case SPIRE_FIELD_REAL:
      {
        g_autofree char *digits = strip_spaces (clean);
        char *end = NULL;
        double v;

        g_strdelimit (digits, ",", '.');
        v = g_ascii_strtod (digits, &end);
        if (end == digits || *end != '\0' || !isfinite (v))
          {
            *message = say_wrong (f, _("not a number; write it as 1,5"));
            return FALSE;
          }
        spire_record_set_real (work, f->name, v);
        return TRUE;
      }
    default:
      spire_record_set_text (work, f->name, clean);
      return TRUE;
    }
}

/* The form */

static FieldRow *
find_row (SpireRecordEditor *self, const char *field)
{
  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      FieldRow *r = g_ptr_array_index (self->rows, i);

      if (field && g_str_equal (r->field->name, field))
        return r;
    }
  return NULL;
}

/* Reads the whole form into a new record; NULL (with the failing row and
 * message) when a row does not read. */
static SpireRecord *
read_form (SpireRecordEditor *self, FieldRow **bad, char **message)
{
  g_autoptr (SpireRecord) work = spire_record_copy (self->record);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *r = g_ptr_array_index (self->rows, i);

      if (!read_row (r, work, message))
        {
          *bad = r;
          return NULL;
        }
    }
  return g_steal_pointer (&work);
}

static void
update_state (SpireRecordEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  FieldRow *bad = NULL;
  const char *bad_field = NULL;

  if (self->filling)
    return;

  g_clear_object (&self->work);
  self->work = read_form (self, &bad, &message);
  if (self->work && !spire_record_validate (self->work, &bad_field, &error))
    {
      bad = find_row (self, bad_field);
      message = g_strdup (error->message);
    }
  self->valid = self->work != NULL && message == NULL;
  self->dirty = self->work == NULL || self->baseline == NULL ||
                !spire_record_equal (self->work, self->baseline);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *r = g_ptr_array_index (self->rows, i);

      if (r == bad && (r->touched || self->save_all))
        gtk_widget_add_css_class (r->row, "error");
      else
        gtk_widget_remove_css_class (r->row, "error");
    }
  /* A message about a row not yet filled in would only nag. */
  if (message && (bad == NULL || bad->touched || self->save_all))
    {
      gtk_label_set_text (self->message_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
    }
  else
    {
      gtk_label_set_text (self->message_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid);
  if (self->ask_dialog)
    adw_message_dialog_set_response_enabled (self->ask_dialog, "save", self->valid);
}

static void
touch (SpireRecordEditor *self, GtkWidget *widget)
{
  FieldRow *r = g_object_get_data (G_OBJECT (widget), "spire-field-row");

  if (r && !self->filling)
    r->touched = TRUE;
  update_state (self);
}

static void
on_entry_changed_cb (GtkEditable *editable, SpireRecordEditor *self)
{
  FieldRow *r = g_object_get_data (G_OBJECT (editable), "spire-field-row");

  /* An organisation number is shown as "923 609 016" once it is valid. */
  if (r && is_orgnr (r->field) && !self->filling)
    {
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
  touch (self, GTK_WIDGET (editable));
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer, SpireRecordEditor *self)
{
  touch (self, g_object_get_data (G_OBJECT (buffer), "spire-view"));
}

static void
on_switch_active_cb (GtkSwitch *sw, GParamSpec *pspec, SpireRecordEditor *self)
{
  touch (self, GTK_WIDGET (sw));
}

static void
on_combo_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireRecordEditor *self)
{
  touch (self, GTK_WIDGET (row));
}

static GtkWidget *
lock_icon_new (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  gtk_widget_set_tooltip_text (icon, _("Shared in confidence: left out of exports meant for sharing"));
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "dim-label");
  return icon;
}

/* The choices of a REF field: records of the referenced kind, in Norwegian
 * order of their names. */
static void
fill_ref_choices (SpireRecordEditor *self, FieldRow *r, GtkStringList *labels)
{
  const SpireKind *ref = spire_kind_lookup (r->field->ref_table);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  gboolean parent_of_body = self->kind == &spire_kind_public_body &&
                            g_str_equal (r->field->name, "parent");

  if (ref == NULL || self->store == NULL)
    return;
  /* A city district is part of a municipality: only those are offered. */
  records = parent_of_body ? spire_store_list (self->store, ref, "kind", "municipality", &error)
                           : spire_store_list (self->store, ref, NULL, NULL, &error);
  if (records == NULL)
    {
      g_warning ("Could not list %s: %s", ref->table, error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      SpireRecord *rec = g_ptr_array_index (records, i);

      if (g_strcmp0 (spire_record_get_uuid (rec), spire_record_get_uuid (self->record)) == 0)
        continue; /* not part of itself */
      gtk_string_list_append (labels, spire_record_get_display_name (rec));
      g_ptr_array_add (r->values, g_strdup (spire_record_get_uuid (rec)));
    }
}

static void
set_combo_value (FieldRow *r, const char *value)
{
  for (guint i = 0; i < r->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (r->values, i), value) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (r->widget), i);
        return;
      }
  adw_combo_row_set_selected (ADW_COMBO_ROW (r->widget), 0);
}

static FieldRow *
add_row (SpireRecordEditor *self, const SpireField *f)
{
  FieldRow *r = g_new0 (FieldRow, 1);
  gboolean confidential = (f->flags & SPIRE_FIELD_CONFIDENTIAL) != 0;
  g_autofree char *title = g_strdup_printf ((f->flags & SPIRE_FIELD_REQUIRED) && f->type != SPIRE_FIELD_BOOL
                                              /* TRANSLATORS: a form row's label for a field that must be filled in */
                                              ? _("%s (required)") : "%s",
                                            _(f->label));

  r->field = f;
  switch (f->type)
    {
    case SPIRE_FIELD_BOOL:
      r->widget_kind = WIDGET_SWITCH;
      r->row = adw_action_row_new ();
      r->widget = gtk_switch_new ();
      gtk_widget_set_valign (r->widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), r->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (r->row), r->widget);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
      g_signal_connect (r->widget, "notify::active", G_CALLBACK (on_switch_active_cb), self);
      break;

    case SPIRE_FIELD_ENUM:
    case SPIRE_FIELD_REF:
      {
        g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

        r->widget_kind = WIDGET_COMBO;
        r->values = g_ptr_array_new_with_free_func (g_free);
        if (!(f->flags & SPIRE_FIELD_REQUIRED))
          {
            /* TRANSLATORS: the choice for an optional field left empty */
            gtk_string_list_append (labels, C_("choice", "None"));
            g_ptr_array_add (r->values, NULL);
          }
        if (f->type == SPIRE_FIELD_ENUM)
          for (const SpireEnumValue *v = f->values; v && v->value; v++)
            {
              gtk_string_list_append (labels, spire_field_value_label (f, v->value));
              g_ptr_array_add (r->values, g_strdup (v->value));
            }
        else
          fill_ref_choices (self, r, labels);
        r->row = adw_combo_row_new ();
        r->widget = r->row;
        adw_combo_row_set_model (ADW_COMBO_ROW (r->row), G_LIST_MODEL (labels));
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
        g_signal_connect (r->widget, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
      }
      break;

    case SPIRE_FIELD_TEXT:
      if (g_strv_contains (multiline_fields, f->name))
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *label = gtk_label_new (title);
          GtkWidget *frame = gtk_frame_new (NULL);
          GtkTextBuffer *buffer;

          r->widget_kind = WIDGET_TEXT_VIEW;
          r->row = gtk_list_box_row_new ();
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r->row), FALSE);
          gtk_widget_set_focusable (r->row, FALSE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_set_hexpand (label, TRUE);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "caption");
          gtk_box_append (GTK_BOX (head), label);
          if (confidential)
            gtk_box_append (GTK_BOX (head), lock_icon_new ());
          r->widget = gtk_text_view_new ();
          gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (r->widget), GTK_WRAP_WORD_CHAR);
          gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (r->widget), FALSE);
          gtk_text_view_set_top_margin (GTK_TEXT_VIEW (r->widget), 6);
          gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (r->widget), 6);
          gtk_text_view_set_left_margin (GTK_TEXT_VIEW (r->widget), 6);
          gtk_text_view_set_right_margin (GTK_TEXT_VIEW (r->widget), 6);
          gtk_widget_set_size_request (r->widget, -1, 90);
          gtk_accessible_update_property (GTK_ACCESSIBLE (r->widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _(f->label), -1);
          gtk_frame_set_child (GTK_FRAME (frame), r->widget);
          gtk_widget_add_css_class (frame, "view");
          gtk_box_append (GTK_BOX (box), head);
          gtk_box_append (GTK_BOX (box), frame);
          gtk_widget_set_margin_start (box, 12);
          gtk_widget_set_margin_end (box, 12);
          gtk_widget_set_margin_top (box, 8);
          gtk_widget_set_margin_bottom (box, 12);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r->row), box);
          buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (r->widget));
          g_object_set_data (G_OBJECT (buffer), "spire-view", r->widget);
          g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      r->widget_kind = WIDGET_ENTRY;
      r->row = adw_entry_row_new ();
      r->widget = r->row;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
      if (f->type == SPIRE_FIELD_DATE)
        gtk_widget_set_tooltip_text (r->row, _("Write a date as 23.11.2026 or 2026-11-23"));
      else if (f->type == SPIRE_FIELD_MONEY)
        gtk_widget_set_tooltip_text (r->row, _("In kroner, as 250 000"));
      else if (is_orgnr (f))
        gtk_widget_set_tooltip_text (r->row, _("Nine digits, as 923 609 016"));
      if (f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_REAL || f->type == SPIRE_FIELD_MONEY)
        gtk_editable_set_alignment (GTK_EDITABLE (r->row), 0);
      if (f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_MONEY)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (r->row), GTK_INPUT_PURPOSE_NUMBER);
      if (confidential)
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->row), lock_icon_new ());
      g_signal_connect (r->widget, "changed", G_CALLBACK (on_entry_changed_cb), self);
      break;
    }
  if (confidential && r->widget_kind != WIDGET_ENTRY && r->widget_kind != WIDGET_TEXT_VIEW)
    adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), lock_icon_new ());
  g_object_set_data (G_OBJECT (r->widget), "spire-field-row", r);
  g_object_set_data (G_OBJECT (r->row), "spire-field-row", r);
  adw_preferences_group_add (self->group, r->row);
  g_ptr_array_add (self->rows, r);
  return r;
}

static void
set_row_from_record (FieldRow *r, SpireRecord *record)
{
  const SpireField *f = r->field;

  switch (r->widget_kind)
    {
    case WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (r->widget), spire_record_get_bool (record, f->name));
      break;
    case WIDGET_COMBO:
      set_combo_value (r, spire_record_is_null (record, f->name)
                            ? NULL : spire_record_get_text (record, f->name));
      break;
    case WIDGET_TEXT_VIEW:
      {
        g_autofree char *text = value_to_text (record, f);

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (r->widget)), text, -1);
      }
      break;
    case WIDGET_ENTRY:
      {
        g_autofree char *text = value_to_text (record, f);

        gtk_editable_set_text (GTK_EDITABLE (r->widget), text);
      }
      break;
    }
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
  FieldRow *first = NULL;

  self->filling = TRUE;
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const SpireField *f = &self->kind->fields[i];
      FieldRow *r;

      if (is_hidden (self, f))
        continue;
      r = add_row (self, f);
      set_row_from_record (r, self->record);
      if (first == NULL)
        first = r;
    }
  show_extra (self);
  self->filling = FALSE;

  {
    FieldRow *bad = NULL;
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
      show_dialog (GTK_WINDOW (self), _("Could Not Save"), error->message);
      return;
    }
  if (parent && SPIRE_IS_WINDOW (parent))
    {
      g_autofree char *text = g_strdup_printf (inserted ? _("“%s” added") : _("“%s” saved"),
                                               spire_record_get_display_name (self->work));
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 4);
      spire_window_add_toast (SPIRE_WINDOW (parent), toast);
    }
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
discard_idle_cb (gpointer data)
{
  SpireRecordEditor *self = data;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static gboolean
save_idle_cb (gpointer data)
{
  save (SPIRE_RECORD_EDITOR (data));
  return G_SOURCE_REMOVE;
}

/* The question closes itself after its response: the form closes after it. */
static void
on_ask_response_cb (AdwMessageDialog *dialog, const char *response, SpireRecordEditor *self)
{
  if (g_str_equal (response, "discard"))
    g_idle_add_full (G_PRIORITY_DEFAULT, discard_idle_cb, g_object_ref (self), g_object_unref);
  else if (g_str_equal (response, "save"))
    g_idle_add_full (G_PRIORITY_DEFAULT, save_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
spire_record_editor_close_request (GtkWindow *window)
{
  SpireRecordEditor *self = SPIRE_RECORD_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (spire_record_editor_parent_class)->close_request (window);
  if (self->ask_dialog)
    return TRUE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    window, _("Save Changes?"),
    _("The changes in this form are not saved yet. Discarded changes cannot be brought back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", self->valid);
  adw_message_dialog_set_default_response (dialog, self->valid ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_ask_response_cb), self, 0);
  g_set_weak_pointer (&self->ask_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
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
  self->rows = g_ptr_array_new_with_free_func (field_row_free);
}

/* Deleting with undo: core's deletion, the window's undo (common/) */

void
spire_records_delete_with_undo (GtkWindow *window, SpireStore *store, GPtrArray *records)
{
  spire_delete_with_undo (GTK_WIDGET (window), store, records);
}

void
spire_record_delete_with_undo (GtkWindow *window, SpireStore *store, SpireRecord *record)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new ();

  g_return_if_fail (SPIRE_IS_RECORD (record));

  g_ptr_array_add (records, record);
  spire_records_delete_with_undo (window, store, records);
}

gboolean
spire_record_can_undo_delete (GtkWindow *window)
{
  SpireUndo *undo = spire_undo_for_widget (GTK_WIDGET (window));

  return undo && spire_undo_get_can_undo (undo);
}

gboolean
spire_record_undo_delete (GtkWindow *window)
{
  SpireUndo *undo = spire_undo_for_widget (GTK_WIDGET (window));
  g_autoptr (GError) error = NULL;

  if (undo == NULL || !spire_undo_get_can_undo (undo))
    return FALSE;
  if (!spire_undo_undo (undo, &error))
    {
      spire_error_dialog_show (GTK_WIDGET (window), _("Could Not Undo"), error);
      return FALSE;
    }
  return TRUE;
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
      /* TRANSLATORS: the title of a form for a new record, e.g. "New Startup" */
      title = g_strdup_printf (_("New %s"), _(kind->label));
    }
  else
    title = g_strdup_printf (_("Edit %s"), _(kind->label));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 record ? spire_record_get_display_name (record) : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);

  build_form (self);
  g_set_weak_pointer (&last_editor, self);
  gtk_window_present (GTK_WINDOW (self));
}

/* Private API */

SpireRecordEditor *
_spire_record_editor_get_last (void)
{
  return last_editor;
}

void
_spire_record_editor_set_text (SpireRecordEditor *self, const char *field, const char *text)
{
  FieldRow *r = find_row (self, field);

  g_return_if_fail (r != NULL);
  r->touched = TRUE;
  switch (r->widget_kind)
    {
    case WIDGET_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (r->widget), text);
      break;
    case WIDGET_TEXT_VIEW:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (r->widget)), text, -1);
      break;
    case WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (r->widget), g_str_equal (text, "true"));
      break;
    case WIDGET_COMBO:
      set_combo_value (r, text && *text ? text : NULL);
      break;
    }
  update_state (self);
}

const char *
_spire_record_editor_get_text (SpireRecordEditor *self, const char *field)
{
  FieldRow *r = find_row (self, field);

  g_return_val_if_fail (r != NULL, NULL);
  g_clear_pointer (&r->text, g_free);
  if (r->widget_kind == WIDGET_ENTRY)
    r->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->widget)));
  else if (r->widget_kind == WIDGET_COMBO)
    {
      guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (r->widget));

      r->text = g_strdup (pos < r->values->len ? g_ptr_array_index (r->values, pos) : NULL);
    }
  return r->text;
}

GtkWidget *
_spire_record_editor_get_row (SpireRecordEditor *self, const char *field)
{
  FieldRow *r = find_row (self, field);

  return r ? r->row : NULL;
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

AdwMessageDialog *
_spire_record_editor_get_ask_dialog (SpireRecordEditor *self)
{
  return self->ask_dialog;
}

AdwMessageDialog *
_spire_records_get_last_dialog (void)
{
  return last_dialog;
}
