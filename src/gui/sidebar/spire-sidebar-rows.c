/* spire-sidebar-rows.c — the sidebar's rows: a heading, a directory, a
 * program's heading with its menu, "No cohorts yet", a cohort with its
 * phase, count and menu; a cohort's name with its period apart
 *
 * Split from spire-sidebar.c, which orders them and follows the selection.
 * A row's menu is a "⋮" button; right click, long press and the Menu key
 * open the same menu, made into a popover when first opened (issue 11).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "common/spire-widget.h"
#include "spire-sidebar-rows.h"

/* The order a cohort goes through. */
const char *const _spire_sidebar_phase_order[] = {
  "planning", "open", "screening", "evaluation", "decided", "running", "follow_up", "closed", NULL
};

int
_spire_sidebar_phase_index (const char *phase)
{
  for (int i = 0; _spire_sidebar_phase_order[i]; i++)
    if (g_strcmp0 (_spire_sidebar_phase_order[i], phase) == 0)
      return i;
  return -1;
}

static void
append_item (GMenu *menu, const char *label, const char *action, const char *uuid)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (uuid));
  g_menu_append_item (menu, item);
}

/* A "⋮" button with the row's menu; right click, long press and the Menu
 * key open the same menu. */
static GtkWidget *
menu_button_new (GMenuModel *model, const char *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  spire_menu_button_set_lazy_menu (GTK_MENU_BUTTON (button), model);
  spire_widget_set_tooltip (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "spire-row-menu");
  return button;
}

static void
on_row_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, GtkWidget *row)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), ROW_MENU);

  if (button)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    }
}

static void
on_row_long_pressed_cb (GtkGestureLongPress *gesture, double x, double y, GtkWidget *row)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), ROW_MENU);

  if (button)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    }
}

static void
add_context_menu (GtkWidget *row, GtkWidget *button)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  g_object_set_data (G_OBJECT (row), ROW_MENU, button);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_row_pressed_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_row_long_pressed_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (press));
}

GtkWidget *
_spire_sidebar_heading_row_new (const char *text, gboolean first)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, first ? 6 : 18);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

GtkWidget *
_spire_sidebar_directory_row_new (const char *table, const char *icon_name, const char *text)
{
  const SpireKind *kind = spire_kind_lookup (table);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text ? _(text) : _(kind->label_plural));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), ROW_DIRECTORY, (gpointer) table);
  return row;
}

GtkWidget *
_spire_sidebar_program_row_new (SpireRecord *program, gboolean first)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (spire_record_get_display_name (program));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* One line, cut at its end, as the cohorts' names below it (its tooltip
   * has it whole): wrapping at words, each heading was shaped 170–390
   * times before the first frame, once per break tried at each width the
   * list measured (issue 11). */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, first ? 6 : 18);
  {
    /* TRANSLATORS: tooltip of a program's heading in the sidebar */
    g_autofree char *tip = g_strdup_printf (_("%s: overview of the program"),
                                            spire_record_get_display_name (program));

    spire_widget_set_tooltip (label, tip);
  }
  gtk_widget_set_hexpand (label, TRUE);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    g_autoptr (GMenu) menu = g_menu_new ();
    g_autoptr (GMenu) section = g_menu_new ();
    const char *uuid = spire_record_get_uuid (program);
    GtkWidget *button;

    append_item (menu, _("New _Cohort…"), "sidebar.new-cohort", uuid);
    append_item (menu, _("_Edit Program…"), "sidebar.edit-program", uuid);
    append_item (section, _("_Delete Program"), "sidebar.delete-program", uuid);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    button = menu_button_new (G_MENU_MODEL (menu), _("Program Menu"));
    gtk_widget_set_margin_top (button, first ? 0 : 12);
    gtk_box_append (GTK_BOX (box), label);
    gtk_box_append (GTK_BOX (box), button);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    add_context_menu (row, button);
  }
  gtk_widget_add_css_class (row, "spire-program-row");
  g_object_set_data_full (G_OBJECT (row), ROW_PROGRAM,
                          g_strdup (spire_record_get_uuid (program)), g_free);
  return row;
}

GtkWidget *
_spire_sidebar_placeholder_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

/* Words that name a term: a cohort's name often ends with one and a year. */
static const char *const term_words[] = {
  "vår", "høst", "sommar", "sommer", "vinter", "haust", "spring", "summer", "autumn", "fall",
  "winter", "h", "v", NULL
};

static gboolean
is_period_word (const char *word, gsize len)
{
  g_autofree char *lower = g_utf8_strdown (word, (gssize) len);

  for (gsize i = 0; i < len; i++)
    if (g_ascii_isdigit (word[i]))
      return TRUE; /* "2027", "2026/27", "H25", "3" */
  return g_strv_contains (term_words, lower);
}

/* Where the end of @name that tells a program's cohorts apart starts: its
 * last words (up to three) that name a period, a term or a number ("vår
 * 2024", "2027 høst", "Kull 3"); NULL when there is none, or when it would
 * be the whole name. */
const char *
_spire_sidebar_name_period (const char *name)
{
  const char *start = NULL;
  const char *end = name + strlen (name);

  for (int n = 0; n < 3; n++)
    {
      const char *word = end;

      while (word > name && word[-1] == ' ')
        word--;
      end = word;
      while (word > name && word[-1] != ' ')
        word--;
      if (word == end || !is_period_word (word, (gsize) (end - word)))
        break;
      start = word;
      end = word;
    }
  if (start == NULL)
    return NULL;
  while (start > name && start[-1] == ' ')
    start--;
  if (start == name)
    return NULL;
  while (*start == ' ')
    start++;
  return start;
}

/* The cohort's name on one line: its start ellipsized at the end, and its
 * period (_spire_sidebar_name_period) beside it as a dim label that is
 * never cut, so that "Bergen kommune – Kli… 2027 høst" still says which
 * cohort.  Single-line labels: a label that wraps is laid out three or
 * four times to be measured, and the sidebar measures every row; with 200
 * cohorts that was most of the time to the first frame (issue 11). */
static GtkWidget *
cohort_title_new (const char *name)
{
  const char *period = _spire_sidebar_name_period (name);
  GtkWidget *box, *head, *tail;
  g_autofree char *start = NULL;

  if (period == NULL)
    {
      head = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (head), 0);
      gtk_label_set_ellipsize (GTK_LABEL (head), PANGO_ELLIPSIZE_END);
      return head;
    }
  start = g_strndup (name, (gsize) (period - name));
  g_strchomp (start);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  head = gtk_label_new (start);
  tail = gtk_label_new (period);
  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_label_set_ellipsize (GTK_LABEL (head), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (tail, "dim-label");
  gtk_widget_add_css_class (tail, "spire-cohort-period");
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), tail);
  return box;
}

GtkWidget *
_spire_sidebar_cohort_row_new (SpireRecord *cohort, gint64 n_applications)
{
  const SpireField *phase_field = spire_kind_field (&spire_kind_cohort, "phase");
  const char *phase = spire_field_value_label (phase_field, spire_record_get_text (cohort, "phase"));
  g_autofree char *n_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;

  if (n_applications >= 0)
    {
      n_text = spire_format_count (n_applications, spire_language_current ());
      count = g_strdup_printf (ngettext ("%s application", "%s applications",
                                         (gulong) n_applications),
                               n_text);
      /* TRANSLATORS: a cohort's phase and its number of applications, e.g. "Evaluation · 80 applications" */
      subtitle = g_strdup_printf (_("%s · %s"), phase, count);
    }
  else
    subtitle = g_strdup (phase); /* the count could not be read */
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = cohort_title_new (spire_record_get_display_name (cohort));
  GtkWidget *sub = gtk_label_new (subtitle);

  /* One line each (the row's tooltip has the whole name) */
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_hexpand (box, TRUE);
  {
    GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    g_autoptr (GMenu) menu = g_menu_new ();
    g_autoptr (GMenu) phases = g_menu_new ();
    g_autoptr (GMenu) section = g_menu_new ();
    const char *uuid = spire_record_get_uuid (cohort);
    int index = _spire_sidebar_phase_index (spire_record_get_text (cohort, "phase"));
    GtkWidget *button;

    append_item (menu, _("_Edit Cohort…"), "sidebar.edit-cohort", uuid);
    if (index >= 0 && _spire_sidebar_phase_order[index + 1] != NULL)
      append_item (phases, _("Move to _Next Phase"), "sidebar.next-phase", uuid);
    if (index > 0)
      append_item (phases, _("Move to _Previous Phase"), "sidebar.previous-phase", uuid);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (phases));
    append_item (section, _("_Delete Cohort"), "sidebar.delete-cohort", uuid);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    button = menu_button_new (G_MENU_MODEL (menu), _("Cohort Menu"));
    gtk_box_append (GTK_BOX (outer), box);
    gtk_box_append (GTK_BOX (outer), button);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
    add_context_menu (row, button);
  }
  spire_widget_set_tooltip (row, spire_record_get_display_name (cohort));
  g_object_set_data_full (G_OBJECT (row), ROW_COHORT, g_object_ref (cohort), g_object_unref);
  return row;
}
