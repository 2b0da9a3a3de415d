/* spire-field-row.c — one row of a record form (the record editor, the deal editor)
 *
 * The widget is chosen by the field's type: a switch for a yes/no, a combo
 * row for a short choice (and Brønnøysund's forms of organisation), a
 * dropdown that searches as you type for a reference or a kommune (chosen by
 * name, stored as its number, its fylke shown under it), a text view for
 * the long texts, an entry row otherwise, with a calendar in a popover for
 * a date.  Text is read back by the field's type with the user's locale
 * (23.11.2026, 250 000, 1,5); what does not read gives a message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "spire-field-row.h"
#include "spire-widget.h"

/* Which text fields get several lines. */
static const char *const multiline_fields[] = {
  "pitch", "solution", "need", "description", "guidance", "summary", "note",
  "confidential", "reason", "comment", "dismiss_reason", "procedure", NULL
};

static gboolean
is_orgnr (const SpireField *f)
{
  return g_str_equal (f->name, "orgnr");
}

static gboolean
is_kommune (const SpireField *f)
{
  return g_str_equal (f->name, "kommunenummer");
}

static gboolean
is_orgform (const SpireField *f)
{
  return g_str_equal (f->name, "organisasjonsform");
}

gboolean
spire_field_row_is_orgnr (SpireFieldRow *r)
{
  return is_orgnr (r->field);
}

void
spire_field_row_free (gpointer data)
{
  SpireFieldRow *r = data;

  g_clear_pointer (&r->values, g_ptr_array_unref);
  g_free (r->text);
  g_free (r);
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

static guint
choice_get (SpireFieldRow *r)
{
  if (r->widget_kind == SPIRE_FIELD_DROPDOWN)
    return gtk_drop_down_get_selected (GTK_DROP_DOWN (r->widget));
  return adw_combo_row_get_selected (ADW_COMBO_ROW (r->widget));
}

static void
choice_set (SpireFieldRow *r, guint pos)
{
  if (r->widget_kind == SPIRE_FIELD_DROPDOWN)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (r->widget), pos);
  else
    adw_combo_row_set_selected (ADW_COMBO_ROW (r->widget), pos);
}

static char *
say_wrong (const SpireField *f, const char *what)
{
  /* TRANSLATORS: "<field label>: <what is wrong>" */
  return g_strdup_printf (_("%s: %s"), _(f->label), what);
}

gboolean
spire_field_row_read (SpireFieldRow *r, SpireRecord *work, char **message)
{
  const SpireField *f = r->field;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;

  switch (r->widget_kind)
    {
    case SPIRE_FIELD_SWITCH:
      spire_record_set_bool (work, f->name, gtk_switch_get_active (GTK_SWITCH (r->widget)));
      return TRUE;
    case SPIRE_FIELD_COMBO:
    case SPIRE_FIELD_DROPDOWN:
      {
        guint pos = choice_get (r);
        const char *value = pos < r->values->len ? g_ptr_array_index (r->values, pos) : NULL;

        if (value)
          spire_record_set_text (work, f->name, value);
        else
          spire_record_set_null (work, f->name);
        return TRUE;
      }
    case SPIRE_FIELD_TEXT_VIEW:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (r->widget));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
      break;
    case SPIRE_FIELD_ENTRY:
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
        spire_record_set_text (work, f->name, r->widget_kind == SPIRE_FIELD_TEXT_VIEW ? text : clean);
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

/* The widgets */

static void
on_entry_changed_cb (GtkEditable *editable, SpireFieldRow *r)
{
  r->changed (r, r->data);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer, SpireFieldRow *r)
{
  r->changed (r, r->data);
}

static void
on_switch_active_cb (GtkSwitch *sw, GParamSpec *pspec, SpireFieldRow *r)
{
  r->changed (r, r->data);
}

static void
on_combo_selected_cb (GObject *widget, GParamSpec *pspec, SpireFieldRow *r)
{
  /* A kommune shows its fylke, from its number. */
  if (is_kommune (r->field) && r->widget_kind == SPIRE_FIELD_DROPDOWN)
    {
      guint pos = choice_get (r);
      const char *value = pos < r->values->len ? g_ptr_array_index (r->values, pos) : NULL;
      const char *fylke = spire_fylke_name (value);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (r->row), fylke ? fylke : "");
    }
  r->changed (r, r->data);
}

/* A date's calendar: it opens on the entry's date and writes the day
 * picked into the entry as the user would type it. */

static void
on_calendar_show_cb (GtkWidget *popover, SpireFieldRow *r)
{
  g_autofree char *iso = spire_parse_date (gtk_editable_get_text (GTK_EDITABLE (r->widget)), NULL);
  g_autoptr (GDateTime) date = NULL;
  int y, m, d;

  if (iso && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    date = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();
  r->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (r->calendar), date);
  r->syncing = FALSE;
}

static void
on_day_selected_cb (GtkCalendar *calendar, SpireFieldRow *r)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;
  SpireLanguage lang = spire_language_current ();

  if (r->syncing)
    return;
  date = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  /* As value_to_text shows a date: the English format is not one people
   * type back, so English keeps the ISO form. */
  text = lang == SPIRE_LANGUAGE_EN ? g_strdup (iso) : spire_format_date (iso, lang);
  gtk_editable_set_text (GTK_EDITABLE (r->widget), text);
  gtk_popover_popdown (GTK_POPOVER (r->popover));
}

static void
add_calendar (SpireFieldRow *r)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a date"), -1);
  r->calendar = gtk_calendar_new ();
  r->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (r->popover), r->calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), r->popover);
  g_signal_connect (r->popover, "show", G_CALLBACK (on_calendar_show_cb), r);
  g_signal_connect (r->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), r);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->row), button);
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
fill_ref_choices (SpireFieldRow *r, SpireStore *store, const SpireKind *kind, SpireRecord *record,
                  GtkStringList *labels)
{
  const SpireKind *ref = spire_kind_lookup (r->field->ref_table);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  gboolean parent_of_body = kind == &spire_kind_public_body &&
                            g_str_equal (r->field->name, "parent");

  if (ref == NULL || store == NULL)
    return;
  /* A city district is part of a municipality: only those are offered. */
  records = parent_of_body ? spire_store_list (store, ref, "kind", "municipality", &error)
                           : spire_store_list (store, ref, NULL, NULL, &error);
  if (records == NULL)
    {
      g_warning ("Could not list %s: %s", ref->table, error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      SpireRecord *rec = g_ptr_array_index (records, i);

      if (g_strcmp0 (spire_record_get_uuid (rec), spire_record_get_uuid (record)) == 0)
        continue; /* not part of itself */
      gtk_string_list_append (labels, spire_record_get_display_name (rec));
      g_ptr_array_add (r->values, g_strdup (spire_record_get_uuid (rec)));
    }
}

static int
compare_kommune_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  int c = spire_collate (spire_kommune_name (*(const char *const *) a),
                         spire_kommune_name (*(const char *const *) b));

  return c != 0 ? c : strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The 2024 kommuner by name, in Norwegian order; a name two kommuner
 * share (Herøy, Våler) says its fylke. */
static void
fill_kommune_choices (SpireFieldRow *r, GtkStringList *labels)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) shared = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < spire_kommune_count (); i++)
    {
      const char *name = NULL;

      g_ptr_array_add (order, (gpointer) spire_kommune_nth (i, &name));
      if (!g_hash_table_add (seen, (gpointer) name))
        g_hash_table_add (shared, (gpointer) name);
    }
  g_ptr_array_sort_with_data (order, compare_kommune_cb, NULL);
  for (guint i = 0; i < order->len; i++)
    {
      const char *number = g_ptr_array_index (order, i);
      const char *name = spire_kommune_name (number);

      if (g_hash_table_contains (shared, name))
        {
          /* TRANSLATORS: a kommune whose name another has: "Herøy (Nordland)" */
          g_autofree char *label = g_strdup_printf (_("%s (%s)"), name, spire_fylke_name (number));

          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, name);
      g_ptr_array_add (r->values, g_strdup (number));
    }
}

/* Brønnøysund's codes with their names: "AS – Aksjeselskap". */
static void
fill_orgform_choices (SpireFieldRow *r, GtkStringList *labels)
{
  for (guint i = 0; i < spire_orgform_count (); i++)
    {
      const char *name = NULL;
      const char *code = spire_orgform_nth (i, &name);
      g_autofree char *label = g_strdup_printf ("%s – %s", code, name);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (r->values, g_strdup (code));
    }
}

/* A value the choices do not hold (an old kommune number, a rarer form
 * from an import) stays a choice, shown as it is, so that opening and
 * saving the form keeps it. */
static void
keep_unknown_value (SpireFieldRow *r, SpireRecord *record, GtkStringList *labels)
{
  const char *value;

  if (record == NULL || spire_record_is_null (record, r->field->name))
    return;
  value = spire_record_get_text (record, r->field->name);
  for (guint i = 0; i < r->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (r->values, i), value) == 0)
      return;
  gtk_string_list_append (labels, value);
  g_ptr_array_add (r->values, g_strdup (value));
}

static void
set_combo_value (SpireFieldRow *r, const char *value)
{
  for (guint i = 0; i < r->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (r->values, i), value) == 0)
      {
        choice_set (r, i);
        return;
      }
  choice_set (r, 0);
}

/* A choice: a combo row for a short list, a dropdown that searches as
 * the user types for the long ones (references, kommuner). */
static void
build_choice (SpireFieldRow *r, const char *title, SpireStore *store, const SpireKind *kind,
              SpireRecord *record)
{
  const SpireField *f = r->field;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean searchable = f->type == SPIRE_FIELD_REF || is_kommune (f);

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
  else if (is_kommune (f))
    fill_kommune_choices (r, labels);
  else if (is_orgform (f))
    fill_orgform_choices (r, labels);
  else
    fill_ref_choices (r, store, kind, record, labels);
  if (f->type != SPIRE_FIELD_REF)
    keep_unknown_value (r, record, labels);

  if (searchable)
    {
      GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      r->widget_kind = SPIRE_FIELD_DROPDOWN;
      r->row = adw_action_row_new ();
      r->widget = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), expression);
      spire_drop_down_enable_search (GTK_DROP_DOWN (r->widget));
      gtk_widget_set_valign (r->widget, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (r->widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(f->label), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), r->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (r->row), r->widget);
    }
  else
    {
      r->widget_kind = SPIRE_FIELD_COMBO;
      r->row = adw_combo_row_new ();
      r->widget = r->row;
      /* a choice's whole name ("Utfordringsdrevet akselerator" was cut
       * to 20 characters, even in a wide form); the title wraps */
      spire_combo_row_show_value_whole (ADW_COMBO_ROW (r->row));
      adw_combo_row_set_model (ADW_COMBO_ROW (r->row), G_LIST_MODEL (labels));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
  g_signal_connect (r->widget, "notify::selected", G_CALLBACK (on_combo_selected_cb), r);
}

/* A long text: a labelled text view in a frame, a row of its own. */
static void
build_text_view (SpireFieldRow *r, const char *title, gboolean confidential)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer;

  r->widget_kind = SPIRE_FIELD_TEXT_VIEW;
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
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(r->field->label), -1);
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
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), r);
}

SpireFieldRow *
spire_field_row_new (const SpireField *f, SpireStore *store, const SpireKind *kind,
                      SpireRecord *record, SpireFieldRowChanged changed, gpointer data)
{
  SpireFieldRow *r = g_new0 (SpireFieldRow, 1);
  gboolean confidential = (f->flags & SPIRE_FIELD_CONFIDENTIAL) != 0;
  g_autofree char *title = g_strdup_printf ((f->flags & SPIRE_FIELD_REQUIRED) && f->type != SPIRE_FIELD_BOOL
                                              /* TRANSLATORS: a form row's label for a field that must be filled in */
                                              ? _("%s (required)") : "%s",
                                            _(f->label));

  r->field = f;
  r->changed = changed;
  r->data = data;
  switch (f->type)
    {
    case SPIRE_FIELD_BOOL:
      r->widget_kind = SPIRE_FIELD_SWITCH;
      r->row = adw_action_row_new ();
      r->widget = gtk_switch_new ();
      gtk_widget_set_valign (r->widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), r->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (r->row), r->widget);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
      g_signal_connect (r->widget, "notify::active", G_CALLBACK (on_switch_active_cb), r);
      break;

    case SPIRE_FIELD_ENUM:
    case SPIRE_FIELD_REF:
      build_choice (r, title, store, kind, record);
      break;

    case SPIRE_FIELD_TEXT:
      if (g_strv_contains (multiline_fields, f->name))
        {
          build_text_view (r, title, confidential);
          break;
        }
      if (is_kommune (f) || is_orgform (f))
        {
          build_choice (r, title, store, kind, record);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      r->widget_kind = SPIRE_FIELD_ENTRY;
      r->row = adw_entry_row_new ();
      r->widget = r->row;
      /* Enter in a field presses the form's default button (its Save). */
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (r->row), TRUE);
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
      if (f->type == SPIRE_FIELD_DATE)
        add_calendar (r);
      if (confidential)
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->row), lock_icon_new ());
      g_signal_connect (r->widget, "changed", G_CALLBACK (on_entry_changed_cb), r);
      break;
    }
  if (confidential && r->widget_kind != SPIRE_FIELD_ENTRY && r->widget_kind != SPIRE_FIELD_TEXT_VIEW)
    adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), lock_icon_new ());
  return r;
}

void
spire_field_row_set_from_record (SpireFieldRow *r, SpireRecord *record)
{
  const SpireField *f = r->field;

  switch (r->widget_kind)
    {
    case SPIRE_FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (r->widget), spire_record_get_bool (record, f->name));
      break;
    case SPIRE_FIELD_COMBO:
    case SPIRE_FIELD_DROPDOWN:
      set_combo_value (r, spire_record_is_null (record, f->name)
                            ? NULL : spire_record_get_text (record, f->name));
      break;
    case SPIRE_FIELD_TEXT_VIEW:
      {
        g_autofree char *text = value_to_text (record, f);

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (r->widget)), text, -1);
      }
      break;
    case SPIRE_FIELD_ENTRY:
      {
        g_autofree char *text = value_to_text (record, f);

        gtk_editable_set_text (GTK_EDITABLE (r->widget), text);
      }
      break;
    }
}


void
spire_field_row_set_text (SpireFieldRow *r, const char *text)
{
  switch (r->widget_kind)
    {
    case SPIRE_FIELD_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (r->widget), text);
      break;
    case SPIRE_FIELD_TEXT_VIEW:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (r->widget)), text, -1);
      break;
    case SPIRE_FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (r->widget), g_str_equal (text, "true"));
      break;
    case SPIRE_FIELD_COMBO:
    case SPIRE_FIELD_DROPDOWN:
      set_combo_value (r, text && *text ? text : NULL);
      break;
    }
}

const char *
spire_field_row_get_text (SpireFieldRow *r)
{
  g_clear_pointer (&r->text, g_free);
  if (r->widget_kind == SPIRE_FIELD_ENTRY)
    r->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->widget)));
  else if (r->widget_kind == SPIRE_FIELD_COMBO || r->widget_kind == SPIRE_FIELD_DROPDOWN)
    {
      guint pos = choice_get (r);

      r->text = g_strdup (pos < r->values->len ? g_ptr_array_index (r->values, pos) : NULL);
    }
  return r->text;
}

/* A form's rows */

SpireFieldRow *
spire_field_rows_find (GPtrArray *rows, const char *field)
{
  for (guint i = 0; rows && field && i < rows->len; i++)
    {
      SpireFieldRow *r = g_ptr_array_index (rows, i);

      if (g_str_equal (r->field->name, field))
        return r;
    }
  return NULL;
}

SpireFieldRow *
spire_field_rows_read (GPtrArray *rows, SpireRecord *work, char **message)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SpireFieldRow *r = g_ptr_array_index (rows, i);

      if (!spire_field_row_read (r, work, message))
        return r;
    }
  return NULL;
}

void
spire_field_rows_show_error (GPtrArray *rows, SpireFieldRow *bad, GtkLabel *label,
                             const char *message)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SpireFieldRow *r = g_ptr_array_index (rows, i);

      if (r == bad)
        gtk_widget_add_css_class (r->row, "error");
      else
        gtk_widget_remove_css_class (r->row, "error");
    }
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}
