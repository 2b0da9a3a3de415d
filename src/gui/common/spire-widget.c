/* spire-widget.c — small things every feature asks of a widget
 *
 * Rule: a number is shown with the decimal mark of the user's language
 * (GLOSSARY.md: decimal comma in Norwegian), also in a spin button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-core.h"
#include "spire-widget.h"

GtkWindow *
spire_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin, gpointer data)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autofree char *text = spire_format_number (gtk_adjustment_get_value (adjustment),
                                               (int) gtk_spin_button_get_digits (spin),
                                               spire_language_current ());

  /* GTK 4.8 drops text set on the spin button itself: set its GtkText's. */
  GtkEditable *editable = gtk_editable_get_delegate (GTK_EDITABLE (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (editable)) != 0)
    gtk_editable_set_text (editable, text);
  return TRUE;
}

static int
on_spin_input_cb (GtkSpinButton *spin, double *value, gpointer data)
{
  g_autoptr (GString) text = g_string_new (gtk_editable_get_text (GTK_EDITABLE (spin)));
  char *end = NULL;
  double v;

  g_string_replace (text, "−", "-", 0); /* as spire_format_number writes a minus */
  g_strstrip (text->str);
  g_strdelimit (text->str, ",", '.');
  v = g_ascii_strtod (text->str, &end);
  if (end == text->str || *end != '\0')
    return GTK_INPUT_ERROR;
  *value = v;
  return TRUE;
}

void
spire_spin_button_follow_language (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input_cb), NULL);
  on_spin_output_cb (spin, NULL);
}

/* Cell tooltips
 *
 * gtk_widget_set_tooltip_text () asks the display server where the pointer
 * is, every time (GTK 4.8: one round trip to X per call): in a list's bind,
 * that was one round trip per cell per row bound, and most of the CPU of
 * showing and scrolling a long list.  The text is kept on the cell instead
 * and handed over only when GTK asks for the tooltip. */

static gboolean
on_cell_query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                          gpointer user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "spire-cell-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
spire_widget_set_cell_tooltip (GtkWidget *widget, const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_get_has_tooltip (widget))
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), "spire-cell-tooltip", g_strdup (text), g_free);
}

/* gtk_widget_set_tooltip_text () asks where the pointer is only for a
 * visible widget: a widget in no window is hidden for the call, which
 * costs nothing but the "visible" notifications. */
void
spire_widget_set_tooltip (GtkWidget *widget, const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_root (widget) != NULL || !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}

static void
create_popup_cb (GtkMenuButton *button, gpointer model)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

void
spire_menu_button_set_lazy_menu (GtkMenuButton *button, GMenuModel *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_popup_cb, g_object_ref (model),
                                         g_object_unref);
}

/* GTK 4.8 loads a widget's icons in GIO's thread pool, a task each that
 * holds the icon.  When the widget goes while its icon still loads (a
 * dialog or a window closed at once), the icon's last reference goes in
 * the worker thread; a lookup of the same icon on the main thread at that
 * moment finds it in GtkIconTheme's cache while it is being finalized
 * ("g_object_ref: assertion '!object_already_finalized'", then a freed
 * icon in use).  Seen on loaded test runs; a core dump showed the worker in
 * the icon's finalize waiting for the cache's lock and the main thread in
 * gtk_icon_theme_lookup_icon.  Keeping every icon GTK makes means none is
 * finalized: a few hundred icons at most (Spire's own and the symbolic
 * ones it shows, each at the sizes it shows them), most 16 pixels. */
static GMutex icons_lock;
static GPtrArray *icons_kept;
static void (*icon_constructed) (GObject *object);

static void
keep_icon_constructed (GObject *object)
{
  if (icon_constructed)
    icon_constructed (object);
  g_mutex_lock (&icons_lock);
  g_ptr_array_add (icons_kept, g_object_ref (object));
  g_mutex_unlock (&icons_lock);
}

void
spire_icons_keep_alive (void)
{
  GObjectClass *klass;

  g_mutex_lock (&icons_lock);
  if (icons_kept == NULL)
    {
      klass = g_type_class_ref (GTK_TYPE_ICON_PAINTABLE);
      icons_kept = g_ptr_array_new ();
      icon_constructed = klass->constructed;
      klass->constructed = keep_icon_constructed;
    }
  g_mutex_unlock (&icons_lock);
}

/* The combo row's value, whole (spire_combo_row_show_value_whole).
 * libadwaita 1.2's own factory ellipsizes it, so beside a title and a
 * subtitle at 360 px "Gjennomsnitt" was shown as "Gj…".  For short
 * values (a field's choices), not for names of any length. */
static void
on_whole_value_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* Neither cut nor wrapped: the row's GtkListView gives its item one
   * line's height, so a second line would be clipped ("Per" over half of
   * "jurymedlem"). */
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, label);
}

static void
on_whole_value_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, AdwComboRow *row)
{
  GObject *value = gtk_list_item_get_item (item);
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_autofree char *text = NULL;

  if (expression != NULL)
    {
      GValue v = G_VALUE_INIT;

      if (gtk_expression_evaluate (expression, value, &v))
        text = g_value_dup_string (&v);
      g_value_unset (&v);
    }
  else if (GTK_IS_STRING_OBJECT (value))
    text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (value)));
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

void
spire_combo_row_show_value_whole (AdwComboRow *row)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = adw_combo_row_get_list_factory (row);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* The popover keeps libadwaita's rows (with the check mark). */
  if (list_factory == NULL)
    adw_combo_row_set_list_factory (row, adw_combo_row_get_factory (row));
  g_signal_connect (factory, "setup", G_CALLBACK (on_whole_value_setup_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (on_whole_value_bind_cb), row);
  adw_combo_row_set_factory (row, factory);
}

/* spire_drop_down_show_names: a choice's label, on the button cut (a
 * name of any length beside its row's title: at 360 px "Application"
 * broke beside a name 20 characters long), in the list whole, wrapped,
 * at least 30 characters wide (the popover is as narrow as its button,
 * and a name broke a word every line: "Fyllingssenso-rer"). */
static void
on_name_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (in_list))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, GtkDropDown *dropdown)
{
  g_auto (GValue) value = G_VALUE_INIT;
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  gpointer row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  if (row != NULL && expression != NULL && gtk_expression_evaluate (expression, row, &value))
    gtk_label_set_text (label, g_value_get_string (&value));
  else
    gtk_label_set_text (label, "");
}

void
spire_drop_down_show_names (GtkDropDown *dropdown)
{
  g_autoptr (GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_signal_connect (button, "setup", G_CALLBACK (on_name_setup_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (button, "bind", G_CALLBACK (on_name_bind_cb), dropdown);
  g_signal_connect (list, "setup", G_CALLBACK (on_name_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (list, "bind", G_CALLBACK (on_name_bind_cb), dropdown);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

GtkWidget *
spire_widget_find_descendant (GtkWidget *widget, GType type)
{
  GtkWidget *found = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c && !found;
       c = gtk_widget_get_next_sibling (c))
    found = spire_widget_find_descendant (c, type);
  return found;
}

/* spire_drop_down_enable_search: GTK 4.8's dropdown opens its popover
 * with the focus on the list, not in the search entry, and the list does
 * nothing with a letter: a user who opened "Application" and typed
 * "Nordvei" found nothing typed and nothing found.  The popover (the
 * entry and the list inside it) is made the entry's key-capture widget:
 * what is typed anywhere in it goes into the entry, while the list keeps
 * the arrow keys and Enter. */
void
spire_drop_down_enable_search (GtkDropDown *dropdown)
{
  GtkWidget *entry;
  GtkWidget *popover;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_enable_search (dropdown, TRUE);
  entry = spire_widget_find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_SEARCH_ENTRY);
  popover = entry ? gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER) : NULL;
  g_return_if_fail (popover != NULL);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (entry), popover);
}

/* spire_widget_stack_when_narrow: a widget's two children (a heading and
 * its button, a name and its button) on one line, the second at the end,
 * when the first's whole text fits beside the second; else the second
 * under the first, at the start.  "Vurderingskriterier" was cut beside
 * "Legg til vurderingskriterium …", a program's name broken into
 * "Smart-Oslo Akse-lerator" beside "Eksporter effektrapport …". */
#define STACK_SPACING_ACROSS 12
#define STACK_SPACING_DOWN 6

static gboolean
stack_fits (GtkWidget *widget, int width)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  int first_natural = 0, second_natural = 0;

  if (!gtk_widget_should_layout (second))
    return TRUE;
  gtk_widget_measure (first, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &first_natural, NULL, NULL);
  gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &second_natural, NULL, NULL);
  return width < 0 || first_natural + STACK_SPACING_ACROSS + second_natural <= width;
}

static void
stack_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
               int *natural, int *minimum_baseline, int *natural_baseline)
{
  gboolean one_line = orientation == GTK_ORIENTATION_VERTICAL && stack_fits (widget, for_size);
  GtkWidget *second = gtk_widget_get_next_sibling (gtk_widget_get_first_child (widget));
  int second_width = -1;

  /* On one line, each is as tall as it is at the width it gets there (a
   * flow box of facts is taller when narrow): the second its natural
   * width, the first the rest (stack_allocate). */
  if (one_line && for_size >= 0 && gtk_widget_should_layout (second))
    gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &second_width, NULL, NULL);
  *minimum = *natural = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int m = 0, n = 0, size = -1;

      if (!gtk_widget_should_layout (c))
        continue;
      /* a wrapping first child is as tall as its text at the width it gets */
      if (orientation == GTK_ORIENTATION_VERTICAL && (!one_line || second_width < 0))
        size = for_size; /* under each other, or alone (the second hidden) */
      else if (second_width >= 0)
        size = c == second ? second_width
                           : MAX (0, for_size - second_width - STACK_SPACING_ACROSS);
      gtk_widget_measure (c, orientation, size, &m, &n, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* At least the wider of the two (one under the other); at best
           * both side by side. */
          *minimum = MAX (*minimum, m);
          *natural += n + (*natural > 0 ? STACK_SPACING_ACROSS : 0);
        }
      else if (one_line)
        {
          *minimum = MAX (*minimum, m);
          *natural = MAX (*natural, n);
        }
      else
        {
          *minimum += m + (*minimum > 0 ? STACK_SPACING_DOWN : 0);
          *natural += n + (*natural > 0 ? STACK_SPACING_DOWN : 0);
        }
    }
  *minimum_baseline = *natural_baseline = -1;
}

/* Its height depends on its width (one line or two). */
static GtkSizeRequestMode
stack_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
stack_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  int first_height = 0, second_width = 0, second_height = 0;

  if (!gtk_widget_should_layout (second))
    {
      gtk_widget_size_allocate (first, &(GtkAllocation){ 0, 0, width, height }, -1);
      return;
    }
  gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &second_width, NULL, NULL);
  if (stack_fits (widget, width))
    {
      gtk_widget_measure (second, GTK_ORIENTATION_VERTICAL, second_width, NULL, &second_height,
                          NULL, NULL);
      second_height = MIN (second_height, height);
      gtk_widget_size_allocate (first,
                                &(GtkAllocation){ 0, 0, width - second_width - STACK_SPACING_ACROSS,
                                                  height }, -1);
      /* the second in the middle of the line, as a button beside a heading */
      gtk_widget_size_allocate (second,
                                &(GtkAllocation){ width - second_width, (height - second_height) / 2,
                                                  second_width, second_height }, -1);
      return;
    }
  second_width = MIN (second_width, width);
  gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, width, NULL, &first_height, NULL, NULL);
  gtk_widget_measure (second, GTK_ORIENTATION_VERTICAL, second_width, NULL, &second_height, NULL,
                      NULL);
  gtk_widget_size_allocate (first, &(GtkAllocation){ 0, 0, width, first_height }, -1);
  gtk_widget_size_allocate (second,
                            &(GtkAllocation){ 0, first_height + STACK_SPACING_DOWN, second_width,
                                              second_height }, -1);
}

void
spire_widget_stack_when_narrow (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_layout_manager (widget,
                                 gtk_custom_layout_new (stack_request_mode, stack_measure,
                                                        stack_allocate));
}

/* The switcher bar (spire_view_switcher_bar_when_narrow): made in an idle
 * after @title first shows its title, which it does while it is allocated
 * (a widget added then would be allocated before it was measured). */
typedef struct
{
  GtkBox *box;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *title;
  guint idle;
} SwitcherBar;

static void
switcher_bar_free (gpointer data)
{
  SwitcherBar *bar = data;

  g_clear_handle_id (&bar->idle, g_source_remove);
  g_free (bar);
}

static gboolean
switcher_bar_make_cb (gpointer data)
{
  SwitcherBar *bar = data;
  GtkWidget *widget = adw_view_switcher_bar_new ();

  bar->idle = 0;
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (widget), bar->stack);
  g_object_bind_property (bar->title, "title-visible", widget, "reveal", G_BINDING_SYNC_CREATE);
  gtk_box_append (bar->box, widget);
  g_signal_handlers_disconnect_by_data (bar->title, bar->box);
  /* Frees @bar: it is the box's data. */
  g_object_set_data (G_OBJECT (bar->box), "spire-switcher-bar", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_title_visible_cb (AdwViewSwitcherTitle *title, GParamSpec *pspec, GtkBox *box)
{
  SwitcherBar *bar = g_object_get_data (G_OBJECT (box), "spire-switcher-bar");

  if (bar && bar->idle == 0 && adw_view_switcher_title_get_title_visible (title))
    bar->idle = g_idle_add (switcher_bar_make_cb, bar);
}

void
spire_view_switcher_bar_when_narrow (GtkBox *box, AdwViewStack *stack, AdwViewSwitcherTitle *title)
{
  SwitcherBar *bar = g_new0 (SwitcherBar, 1);

  g_return_if_fail (GTK_IS_BOX (box));
  bar->box = box;
  bar->stack = stack;
  bar->title = title;
  g_object_set_data_full (G_OBJECT (box), "spire-switcher-bar", bar, switcher_bar_free);
  /* Disconnected when @box goes (or the bar is made). */
  g_signal_connect_object (title, "notify::title-visible", G_CALLBACK (on_title_visible_cb), box, 0);
  on_title_visible_cb (title, NULL, box);
}

/* The language rows' order (the items of their GtkStringList). */
static const SpireLanguage row_languages[] = {
  SPIRE_LANGUAGE_NB,
  SPIRE_LANGUAGE_NN,
  SPIRE_LANGUAGE_EN,
};

void
spire_language_row_set_language (AdwComboRow *row, SpireLanguage lang)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; i < G_N_ELEMENTS (row_languages); i++)
    if (row_languages[i] == lang)
      adw_combo_row_set_selected (row, i);
}

SpireLanguage
spire_language_row_get_language (AdwComboRow *row)
{
  guint i;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), SPIRE_LANGUAGE_EN);
  i = adw_combo_row_get_selected (row);
  return i < G_N_ELEMENTS (row_languages) ? row_languages[i] : SPIRE_LANGUAGE_EN;
}

void
spire_dialog_cancel_or_close (GtkWindow *dialog, GCancellable *cancellable)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  if (cancellable)
    g_cancellable_cancel (cancellable);
  else
    gtk_window_destroy (dialog);
}

gboolean
spire_dialog_close_request_cancels (GCancellable *cancellable)
{
  if (cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (cancellable);
  return TRUE;
}

/* The default button of a dialog */

static gboolean
focus_is_incidental (GtkWidget *focus, GtkWidget *button)
{
  if (focus == NULL || !gtk_widget_is_visible (focus) || !gtk_widget_is_sensitive (focus))
    return TRUE;
  return focus != button && GTK_IS_BUTTON (focus)
         && gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR) != NULL;
}

void
spire_window_set_default_button (GtkWindow *window, GtkWidget *button)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (button == NULL || GTK_IS_WIDGET (button));

  gtk_window_set_default_widget (window, button);
  if (button == NULL || !gtk_widget_get_visible (button) || !gtk_widget_is_sensitive (button))
    return;
  if (focus_is_incidental (gtk_window_get_focus (window), button))
    gtk_widget_grab_focus (button);
}

/* A stack's page made when first needed */

GtkBuilder *
spire_stack_add_page_once (GtkStack *stack, const char *name, const char *resource,
                           const char *id)
{
  g_autoptr (GtkBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);

  if (gtk_stack_get_child_by_name (stack, name) != NULL)
    return NULL;
  builder = gtk_builder_new ();
  if (!gtk_builder_add_objects_from_resource (builder, resource, (const char *[]) { id, NULL },
                                              &error))
    g_error ("%s: %s", resource, error->message); /* the resource is the program's own */
  gtk_stack_add_named (stack, GTK_WIDGET (gtk_builder_get_object (builder, id)), name);
  return g_steal_pointer (&builder);
}

/* A spinner started later */

#define SPINNER_DELAY_MS 250
#define SPINNER_LATER "spire-spinner-later"

static void
remove_source (gpointer id)
{
  g_source_remove (GPOINTER_TO_UINT (id));
}

static gboolean
on_spinner_later_cb (gpointer data)
{
  GtkSpinner *spinner = data;

  /* The source is going: forget it without removing it. */
  g_object_steal_data (G_OBJECT (spinner), SPINNER_LATER);
  gtk_spinner_set_spinning (spinner, TRUE);
  return G_SOURCE_REMOVE;
}

void
spire_spinner_set_spinning_later (GtkSpinner *spinner, gboolean spinning)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  if (!spinning)
    {
      g_object_set_data (G_OBJECT (spinner), SPINNER_LATER, NULL);
      gtk_spinner_set_spinning (spinner, FALSE);
      return;
    }
  if (gtk_spinner_get_spinning (spinner) || g_object_get_data (G_OBJECT (spinner), SPINNER_LATER))
    return;
  /* The source goes with the spinner (its data's destroy notify). */
  g_object_set_data_full (G_OBJECT (spinner), SPINNER_LATER,
                          GUINT_TO_POINTER (g_timeout_add (SPINNER_DELAY_MS, on_spinner_later_cb,
                                                           spinner)),
                          remove_source);
}

/* A list row's label on a wide and on a narrow window */

void
spire_label_set_compact (GtkLabel *label, gboolean compact, int lines)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (gtk_label_get_wrap (label) == compact)
    return;
  gtk_label_set_wrap (label, compact);
  gtk_label_set_lines (label, compact ? lines : -1);
}

void
spire_list_view_rebind (GtkListView *view)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  g_return_if_fail (GTK_IS_LIST_VIEW (view));

  factory = gtk_list_view_get_factory (view);
  if (factory == NULL)
    return;
  g_object_ref (factory);
  gtk_list_view_set_factory (view, NULL);
  gtk_list_view_set_factory (view, factory);
}
