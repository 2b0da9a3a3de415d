/* spire-application-list.c — a cohort's applications: columns, filters,
 * sorting, search and selection
 *
 * The applications go GListStore → GtkFilterListModel (status, challenge
 * and search) → GtkSortListModel (the column view's sorter) →
 * GtkMultiSelection → GtkColumnView.  Startup names and challenge titles
 * are read once per load into hash tables, and each application's folded
 * search text is made once per load, so that binding, filtering and sorting
 * never query the store (4 000 applications filter as you type).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "common/spire-widget.h"
#include "spire-application-list.h"
#include "spire-cohort-resources.h"
#include "spire-column-width.h"
#include "spire-list-util.h"

struct _SpireApplicationList
{
  AdwBin parent_instance;

  GtkStack *list_stack;
  GtkSpinner *loading_spinner;
  GtkColumnView *column_view;
  GtkColumnViewColumn *columns[SPIRE_APPLICATION_N_COLUMNS];
  GtkRevealer *action_revealer;
  GtkLabel *selection_label;
  GMenuModel *context_menu;
  GtkWidget *context_popover;

  GListStore *applications;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;

  char *status_filter;    /* a status value, or NULL for all */
  char *challenge_filter; /* a challenge uuid, "" for none, or NULL for all */
  char *query;
  char *folded_query; /* spire_search_fold of the query */

  GHashTable *startup_names;    /* uuid → name */
  GHashTable *challenge_titles; /* uuid → title */
  GHashTable *name_keys;        /* startup/challenge uuid → spire_collate_key of its name */
  GHashTable *startup_orgnrs;   /* startup uuid → orgnr */
  gboolean loading;             /* rows are being read: a spinner, not "empty" */
  gboolean columns_fitted;      /* status and date columns fitted (first rows) */
  /* The rows go to the model in slices across frames (a long list); what
   * to select when they are all there. */
  SpireListFill *fill;
  GtkProgressBar *fill_progress;
  GHashTable *select_when_filled; /* uuid set */
};

G_DEFINE_FINAL_TYPE (SpireApplicationList, spire_application_list, ADW_TYPE_BIN)

enum
{
  SIGNAL_APPLICATION_ACTIVATED,
  SIGNAL_FILLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text searched for each application: title, startup, challenge,
 * folded (spire_search_fold) once per load, in the worker (spire-listing.c)
 * or in set_applications. */
static GQuark haystack_quark;
/* spire_collate_key of an application's title, made in the worker or when
 * first sorted. */
static GQuark title_key_quark;

static const SpireField *
status_field (void)
{
  return spire_kind_field (&spire_kind_application, "status");
}

static const char *
lookup_name (GHashTable *names, const char *uuid)
{
  const char *name = uuid ? g_hash_table_lookup (names, uuid) : NULL;

  return name ? name : "";
}

/* "2026-03-01T09:12:00Z" → the local day, as people write it: made in
 * the worker for a listing (spire_listing_submitted_quark), else here. */
static char *
format_submitted (SpireRecord *app)
{
  const char *day = g_object_get_qdata (G_OBJECT (app), spire_listing_submitted_quark ());

  return day ? g_strdup (day)
             : spire_listing_format_day (spire_record_get_text (app, "submitted_at"));
}

/* Sorting
 *
 * The order is spire_collate()'s (Norwegian: Æ Ø Å after Z, "aa" as Å), but
 * each text's collation key is made once and kept, not twice per comparison:
 * 4 000 rows sort at once. */

static int
collate_keyed (const char *key_a, const char *a, const char *key_b, const char *b)
{
  int r = strcmp (key_a, key_b);

  return r != 0 ? r : g_strcmp0 (a, b);
}

static const char *
title_key (SpireRecord *app)
{
  char *key = g_object_get_qdata (G_OBJECT (app), title_key_quark);

  if (key == NULL)
    {
      key = spire_collate_key (spire_record_get_text (app, "title"));
      g_object_set_qdata_full (G_OBJECT (app), title_key_quark, key, g_free);
    }
  return key;
}

static const char *
name_key (SpireApplicationList *self, GHashTable *names, const char *uuid)
{
  char *key;

  if (uuid == NULL)
    return "";
  key = g_hash_table_lookup (self->name_keys, uuid);
  if (key == NULL)
    {
      key = spire_collate_key (lookup_name (names, uuid));
      g_hash_table_insert (self->name_keys, g_strdup (uuid), key);
    }
  return key;
}

static int
compare_title_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireRecord *ra = (SpireRecord *) a, *rb = (SpireRecord *) b;

  return gtk_ordering_from_cmpfunc (collate_keyed (title_key (ra),
                                                   spire_record_get_text (ra, "title"),
                                                   title_key (rb),
                                                   spire_record_get_text (rb, "title")));
}

static int
compare_names (SpireApplicationList *self, GHashTable *names, const char *field,
               SpireRecord *a, SpireRecord *b)
{
  const char *ua = spire_record_get_text (a, field);
  const char *ub = spire_record_get_text (b, field);

  return gtk_ordering_from_cmpfunc (collate_keyed (name_key (self, names, ua),
                                                   lookup_name (names, ua),
                                                   name_key (self, names, ub),
                                                   lookup_name (names, ub)));
}

static int
compare_startup_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireApplicationList *self = user_data;

  return compare_names (self, self->startup_names, "startup", (SpireRecord *) a,
                        (SpireRecord *) b);
}

static int
compare_challenge_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireApplicationList *self = user_data;

  return compare_names (self, self->challenge_titles, "challenge", (SpireRecord *) a,
                        (SpireRecord *) b);
}

/* In the order an application moves through: received → … → withdrawn. */
static int
compare_status_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  int ra = spire_application_status_order (spire_record_get_text ((SpireRecord *) a, "status"));
  int rb = spire_application_status_order (spire_record_get_text ((SpireRecord *) b, "status"));

  return ra < rb ? GTK_ORDERING_SMALLER : ra > rb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* ISO timestamps in UTC sort as text; not submitted comes last. */
static int
compare_submitted_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *sa = spire_record_get_text ((SpireRecord *) a, "submitted_at");
  const char *sb = spire_record_get_text ((SpireRecord *) b, "submitted_at");

  if (sa == NULL || sb == NULL)
    return sa == sb ? GTK_ORDERING_EQUAL : sa == NULL ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  return gtk_ordering_from_cmpfunc (strcmp (sa, sb));
}

/* Filtering */

static gboolean
filter_cb (gpointer item, gpointer user_data)
{
  SpireApplicationList *self = user_data;
  SpireRecord *app = item;
  const char *haystack;

  if (self->status_filter != NULL &&
      g_strcmp0 (spire_record_get_text (app, "status"), self->status_filter) != 0)
    return FALSE;
  if (self->challenge_filter != NULL)
    {
      const char *challenge = spire_record_get_text (app, "challenge");

      if (*self->challenge_filter == '\0' ? (challenge != NULL && *challenge != '\0')
                                          : g_strcmp0 (challenge, self->challenge_filter) != 0)
        return FALSE;
    }
  if (self->folded_query == NULL || *self->folded_query == '\0')
    return TRUE;
  haystack = g_object_get_qdata (item, haystack_quark);
  return haystack != NULL && strstr (haystack, self->folded_query) != NULL;
}

static GtkFilterChange
filter_change (const char *before, const char *after)
{
  return before == NULL  ? GTK_FILTER_CHANGE_MORE_STRICT
         : after == NULL ? GTK_FILTER_CHANGE_LESS_STRICT
                         : GTK_FILTER_CHANGE_DIFFERENT;
}

/* Cells */

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SpireApplicationList *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = spire_application_list_cell_text (self, gtk_list_item_get_item (item),
                                                            column);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  /* For the context menu: which row was clicked. */
  g_object_set_data (G_OBJECT (label), "spire-list-item", item);
  if (column == SPIRE_APPLICATION_COLUMN_TITLE || column == SPIRE_APPLICATION_COLUMN_STARTUP ||
      column == SPIRE_APPLICATION_COLUMN_CHALLENGE)
    spire_widget_set_cell_tooltip (label, text);
  if (column == SPIRE_APPLICATION_COLUMN_SUBMITTED)
    gtk_widget_add_css_class (label, "numeric");
}

/* Showing */

/* The "empty" and "no-results" pages are made when first shown: a cohort
 * with applications never shows them, and made with the list they were
 * part of the window's first frame (issue 11). */
static void
ensure_status_page (SpireApplicationList *self, const char *name)
{
  g_autoptr (GtkBuilder) builder = spire_stack_add_page_once (
    self->list_stack, name, "/no/spire/Spire/cohort/spire-application-list-pages.ui",
    g_str_equal (name, "empty") ? "empty_page" : "no_results_page");
}

static void
update_state (SpireApplicationList *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->applications));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  const char *name = self->loading ? "loading"
                     : total == 0  ? "empty"
                     : shown == 0  ? "no-results"
                                   : "list";

  if (!self->loading)
    spire_spinner_set_spinning_later (self->loading_spinner, FALSE);
  if (g_str_equal (name, "empty") || g_str_equal (name, "no-results"))
    ensure_status_page (self, name);
  gtk_stack_set_visible_child_name (self->list_stack, name);
}

static void
on_filtered_items_changed_cb (SpireApplicationList *self, guint position, guint removed,
                              guint added, GListModel *model)
{
  update_state (self);
}

/* One is handled in the details pane; several in the action bar. */
static void
on_selection_changed_cb (SpireApplicationList *self, guint position, guint n_items,
                         GtkSelectionModel *model)
{
  guint n = spire_application_list_get_n_selected (self);
  g_autofree char *n_text = spire_format_count (n, spire_language_current ());
  g_autofree char *text = g_strdup_printf (ngettext ("%s application selected",
                                                     "%s applications selected", n),
                                           n_text);

  gtk_revealer_set_reveal_child (self->action_revealer, n > 1);
  gtk_label_set_text (self->selection_label, text);
}

static void
on_column_view_activate_cb (SpireApplicationList *self, guint position, GtkColumnView *view)
{
  g_autoptr (SpireRecord) app = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (app)
    g_signal_emit (self, signals[SIGNAL_APPLICATION_ACTIVATED], 0, app);
}

/* Context menu */

static GtkListItem *
list_item_at (GtkWidget *widget)
{
  for (; widget; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "spire-list-item");

      if (item == NULL && child)
        item = g_object_get_data (G_OBJECT (child), "spire-list-item");
      if (item)
        return item;
      if (GTK_IS_COLUMN_VIEW (widget))
        break;
    }
  return NULL;
}

/* The list item of the row @widget (focused: a row, its cells below). */
static GtkListItem *
list_item_in (GtkWidget *widget, guint depth)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "spire-list-item");

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c && !item && depth < 4;
       c = gtk_widget_get_next_sibling (c))
    item = list_item_in (c, depth + 1);
  return item;
}

/* The row menu of @item (selected first, as a click selects), pointing
 * at (@x, @y) in @from. */
static void
popup_context_menu (SpireApplicationList *self, GtkListItem *item, GtkWidget *from, double x,
                    double y)
{
  double px, py;

  if (!gtk_list_item_get_selected (item))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                     gtk_list_item_get_position (item), TRUE);
  gtk_widget_translate_coordinates (from, GTK_WIDGET (self), x, y, &px, &py);
  /* The menu is made when first opened: made with the list it was part of
   * the window's first frame (issue 11). */
  if (self->context_popover == NULL)
    {
      self->context_popover = gtk_popover_menu_new_from_model (self->context_menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
      gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover),
                               &(GdkRectangle) { (int) px, (int) py, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
}

static void
on_context_click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y,
                             SpireApplicationList *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkListItem *item = list_item_at (gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT));

  if (item == NULL)
    return;
  popup_context_menu (self, item, view, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The Menu key or Shift+F10 (as in the sidebar): the focused row's menu,
 * below the row's start. */
static void
context_menu_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireApplicationList *self = SPIRE_APPLICATION_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkListItem *item;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    return;
  item = list_item_at (focus);
  if (item == NULL)
    item = list_item_in (focus, 0);
  if (item == NULL)
    return;
  popup_context_menu (self, item, focus, 12, gtk_widget_get_height (focus));
}

/* GObject */

static void
spire_application_list_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  SpireApplicationList *self = SPIRE_APPLICATION_LIST (widget);

  GTK_WIDGET_CLASS (spire_application_list_parent_class)->size_allocate (widget, width, height,
                                                                         baseline);
  if (self->context_popover)
    gtk_popover_present (GTK_POPOVER (self->context_popover));
}

static void
spire_application_list_dispose (GObject *object)
{
  SpireApplicationList *self = SPIRE_APPLICATION_LIST (object);

  if (self->filtered)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer (&self->fill, spire_list_fill_free);
  g_clear_pointer (&self->select_when_filled, g_hash_table_unref);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_APPLICATION_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->applications);
  g_clear_pointer (&self->startup_names, g_hash_table_unref);
  g_clear_pointer (&self->challenge_titles, g_hash_table_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  g_clear_pointer (&self->startup_orgnrs, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->folded_query, g_free);
  g_clear_pointer (&self->status_filter, g_free);
  g_clear_pointer (&self->challenge_filter, g_free);

  G_OBJECT_CLASS (spire_application_list_parent_class)->dispose (object);
}

static void
spire_application_list_class_init (SpireApplicationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_application_list_dispose;
  widget_class->size_allocate = spire_application_list_size_allocate;

  /* Activated (double click, Enter): the page opens the editor. */
  signals[SIGNAL_APPLICATION_ACTIVATED] =
    g_signal_new ("application-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SPIRE_TYPE_RECORD);
  /* The last rows of a load are in the model (they come in slices). */
  signals[SIGNAL_FILLED] = g_signal_new ("filled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "applications.context-menu", NULL,
                                   context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "applications.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "applications.context-menu", NULL);

  haystack_quark = spire_listing_search_text_quark ();
  title_key_quark = spire_listing_title_key_quark ();

  (void) spire_cohort_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/cohort/spire-application-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationList, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationList, fill_progress);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationList, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationList, action_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationList, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SpireApplicationList, context_menu);
#define BIND_COLUMN(name, i)                                                                       \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,                            \
                                             G_STRUCT_OFFSET (SpireApplicationList, columns[i]))
  BIND_COLUMN ("title_column", SPIRE_APPLICATION_COLUMN_TITLE);
  BIND_COLUMN ("startup_column", SPIRE_APPLICATION_COLUMN_STARTUP);
  BIND_COLUMN ("challenge_column", SPIRE_APPLICATION_COLUMN_CHALLENGE);
  BIND_COLUMN ("status_column", SPIRE_APPLICATION_COLUMN_STATUS);
  BIND_COLUMN ("submitted_column", SPIRE_APPLICATION_COLUMN_SUBMITTED);
#undef BIND_COLUMN
}

static void
setup_columns (SpireApplicationList *self)
{
  static const GCompareDataFunc compare[SPIRE_APPLICATION_N_COLUMNS] = {
    compare_title_cb, compare_startup_cb, compare_challenge_cb, compare_status_cb,
    compare_submitted_cb,
  };
  /* How wide each column would like to be: the title matters most. */
  static const guint nat_chars[SPIRE_APPLICATION_N_COLUMNS] = { 60, 20, 22, 14, 11 };
  static const guint min_chars[SPIRE_APPLICATION_N_COLUMNS] = { 20, 6, 6, 6, 6 };

  for (guint i = 0; i < SPIRE_APPLICATION_N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = spire_inscription_factory_new (
        i, min_chars[i], nat_chars[i], G_CALLBACK (on_factory_bind_cb), self);
      g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare[i], self, NULL));

      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
    }
}

/* Widths (issue 12): status and day never cut, the startup as wide as its
 * longest name (up to a limit), title and challenge share the rest. */
static void
fit_columns (SpireApplicationList *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);

  spire_column_fit_values (self->columns[SPIRE_APPLICATION_COLUMN_STATUS], view, status_field ());
  spire_column_fit_dates (self->columns[SPIRE_APPLICATION_COLUMN_SUBMITTED], view);
}

#define STARTUP_MAX_WIDTH 260

/* From the names of the startups the applications name (each once). */
static void
fit_name_columns (SpireApplicationList *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, self->startup_names);
  while (g_hash_table_iter_next (&iter, NULL, &name))
    g_ptr_array_add (names, name);
  spire_column_fit (self->columns[SPIRE_APPLICATION_COLUMN_STARTUP],
                    GTK_WIDGET (self->column_view), (const char *const *) names->pdata,
                    (int) names->len, STARTUP_MAX_WIDTH);
}

static void
setup_keys_and_menu (SpireApplicationList *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  /* Delete in the list deletes the selection (Ctrl+A, Shift and Ctrl
   * clicks are the column view's own). */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("cohort.delete-applications")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("cohort.delete-applications")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_context_click_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}

static void
spire_application_list_init (SpireApplicationList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->startup_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->challenge_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->startup_orgnrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  setup_columns (self);

  self->applications = g_list_store_new (SPIRE_TYPE_APPLICATION);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->applications)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* On GTK 4.8 the column view's sorter is a plain GtkSorter. */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view,
                                  self->columns[SPIRE_APPLICATION_COLUMN_TITLE],
                                  GTK_SORT_ASCENDING);

  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate",
                            G_CALLBACK (on_column_view_activate_cb), self);
  setup_keys_and_menu (self);
  /* Until its applications are given: nothing to say yet (not "No
   * Applications Yet"). */
  self->loading = TRUE;
  update_state (self);
  on_selection_changed_cb (self, 0, 0, NULL);
}

/* Filling: rows in slices (spire_list_fill_start), a bar while it lasts */

static void select_uuids (SpireApplicationList *self, GHashTable *uuids);

static void
on_fill_step (gpointer user_data, guint done, guint total)
{
  SpireApplicationList *self = user_data;

  gtk_widget_set_visible (GTK_WIDGET (self->fill_progress), done < total);
  gtk_progress_bar_set_fraction (self->fill_progress, total ? (double) done / total : 1.0);
  if (done < total)
    return;
  if (self->select_when_filled)
    {
      g_autoptr (GHashTable) uuids = g_steal_pointer (&self->select_when_filled);

      select_uuids (self, uuids);
    }
  g_signal_emit (self, signals[SIGNAL_FILLED], 0);
}

/* Public API */

static void
fill_names (GHashTable *names, GPtrArray *records)
{
  g_hash_table_remove_all (names);
  for (guint i = 0; records && i < records->len; i++)
    {
      SpireRecord *r = g_ptr_array_index (records, i);

      g_hash_table_insert (names, g_strdup (spire_record_get_uuid (r)),
                           g_strdup (spire_record_get_display_name (r)));
    }
}

/* The names shown and searched, from the records that carry them. */
static void
fill_lookups (SpireApplicationList *self, GPtrArray *startups, GPtrArray *challenges)
{
  fill_names (self->startup_names, startups);
  fill_names (self->challenge_titles, challenges);
  g_hash_table_remove_all (self->name_keys);
  g_hash_table_remove_all (self->startup_orgnrs);
  for (guint i = 0; startups && i < startups->len; i++)
    {
      SpireRecord *s = g_ptr_array_index (startups, i);

      if (!spire_record_is_null (s, "orgnr"))
        g_hash_table_insert (self->startup_orgnrs, g_strdup (spire_record_get_uuid (s)),
                             g_strdup (spire_record_get_text (s, "orgnr")));
    }
}

static void
show_rows (SpireApplicationList *self, GPtrArray *apps)
{
  self->loading = FALSE;
  /* The status and date columns are fitted when the first rows come, not
   * with the window (nor for no cohort, as at the start): the first frame
   * shows the list's spinner, and it is counted (issue 11). */
  if (!self->columns_fitted && apps != NULL && apps->len > 0)
    {
      fit_columns (self);
      self->columns_fitted = TRUE;
    }
  fit_name_columns (self);
  g_clear_pointer (&self->fill, spire_list_fill_free);
  gtk_widget_set_visible (GTK_WIDGET (self->fill_progress), FALSE);
  self->fill = spire_list_fill_start (self->applications, apps, on_fill_step, self);
  update_state (self);
}

void
spire_application_list_set_applications (SpireApplicationList *self, GPtrArray *apps,
                                         GPtrArray *startups, GPtrArray *challenges)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  fill_lookups (self, startups, challenges);
  for (guint i = 0; apps && i < apps->len; i++)
    {
      SpireRecord *app = g_ptr_array_index (apps, i);
      g_autofree char *text = g_strjoin ("\n", spire_record_get_display_name (app),
                                         lookup_name (self->startup_names,
                                                      spire_record_get_text (app, "startup")),
                                         lookup_name (self->challenge_titles,
                                                      spire_record_get_text (app, "challenge")),
                                         NULL);

      g_object_set_qdata_full (G_OBJECT (app), haystack_quark, spire_search_fold (text), g_free);
    }
  show_rows (self, apps);
}

/* The old table goes to @old, to be freed in a worker: a 40 000-row
 * cohort's tables took 36 ms of the main thread to free (issue 11). */
static void
take_table (GHashTable **to, GHashTable **from, GPtrArray *old)
{
  g_ptr_array_add (old, g_steal_pointer (to));
  *to = g_steal_pointer (from);
}

void
spire_application_list_set_listing (SpireApplicationList *self, SpireCohortListing *listing)
{
  GPtrArray *old;

  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));
  g_return_if_fail (listing != NULL);

  /* Made in the worker, once per row (the keys and search texts are each
   * application's qdata): taken over, not made again. */
  old = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  take_table (&self->startup_names, &listing->startup_names, old);
  take_table (&self->challenge_titles, &listing->challenge_titles, old);
  take_table (&self->startup_orgnrs, &listing->startup_orgnrs, old);
  take_table (&self->name_keys, &listing->name_keys, old);
  show_rows (self, listing->applications);
  spire_listing_unref_in_worker (old);
}

void
spire_application_list_set_loading (SpireApplicationList *self)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  self->loading = TRUE;
  g_clear_pointer (&self->fill, spire_list_fill_free);
  g_clear_pointer (&self->select_when_filled, g_hash_table_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->fill_progress), FALSE);
  spire_list_store_remove_all (self->applications);
  update_state (self);
}

void
spire_application_list_reading_started (SpireApplicationList *self)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  if (self->loading)
    spire_spinner_set_spinning_later (self->loading_spinner, TRUE);
}

GListModel *
spire_application_list_get_applications (SpireApplicationList *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_LIST (self), NULL);

  return G_LIST_MODEL (self->applications);
}

GtkSelectionModel *
spire_application_list_get_model (SpireApplicationList *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_LIST (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GPtrArray *
spire_application_list_get_selected (SpireApplicationList *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_LIST (self), NULL);

  return spire_selection_get_items (GTK_SELECTION_MODEL (self->selection));
}

guint
spire_application_list_get_n_selected (SpireApplicationList *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (set);
}

gboolean
spire_application_list_is_filling (SpireApplicationList *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_LIST (self), FALSE);

  return spire_list_fill_is_running (self->fill);
}

void
spire_application_list_complete_fill (SpireApplicationList *self)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  spire_list_fill_complete (self->fill);
}

void
spire_application_list_select_uuids (SpireApplicationList *self, GHashTable *uuids)
{
  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  g_clear_pointer (&self->select_when_filled, g_hash_table_unref);
  if (uuids == NULL || g_hash_table_size (uuids) == 0)
    return;
  if (spire_list_fill_is_running (self->fill))
    self->select_when_filled = g_hash_table_ref (uuids);
  else
    select_uuids (self, uuids);
}

static void
select_uuids (SpireApplicationList *self, GHashTable *uuids)
{
  g_autoptr (GtkBitset) set = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRecord) app = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (g_hash_table_contains (uuids, spire_record_get_uuid (app)))
        gtk_bitset_add (set, i);
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, mask);
}

void
spire_application_list_set_status_filter (SpireApplicationList *self, const char *status)
{
  GtkFilterChange change;

  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  if (g_strcmp0 (status, self->status_filter) == 0)
    return;
  change = filter_change (self->status_filter, status);
  g_free (self->status_filter);
  self->status_filter = g_strdup (status);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

const char *
spire_application_list_get_status_filter (SpireApplicationList *self)
{
  return self->status_filter;
}

void
spire_application_list_set_challenge_filter (SpireApplicationList *self, const char *challenge)
{
  GtkFilterChange change;

  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  if (g_strcmp0 (challenge, self->challenge_filter) == 0)
    return;
  change = filter_change (self->challenge_filter, challenge);
  g_free (self->challenge_filter);
  self->challenge_filter = g_strdup (challenge);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

const char *
spire_application_list_get_challenge_filter (SpireApplicationList *self)
{
  return self->challenge_filter;
}

void
spire_application_list_set_query (SpireApplicationList *self, const char *text)
{
  g_autofree char *query = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (SPIRE_IS_APPLICATION_LIST (self));

  if (g_strcmp0 (query, self->query ? self->query : "") == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  g_free (self->folded_query);
  self->folded_query = spire_search_fold (self->query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
spire_application_list_is_filtered (SpireApplicationList *self)
{
  return (self->query && *self->query) || self->status_filter || self->challenge_filter;
}

const char *
spire_application_list_get_state (SpireApplicationList *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

char *
spire_application_list_cell_text (SpireApplicationList *self, SpireRecord *app, guint column)
{
  switch (column)
    {
    case SPIRE_APPLICATION_COLUMN_TITLE:
      return g_strdup (spire_record_get_text (app, "title"));
    case SPIRE_APPLICATION_COLUMN_STARTUP:
      return g_strdup (lookup_name (self->startup_names, spire_record_get_text (app, "startup")));
    case SPIRE_APPLICATION_COLUMN_CHALLENGE:
      return g_strdup (lookup_name (self->challenge_titles,
                                    spire_record_get_text (app, "challenge")));
    case SPIRE_APPLICATION_COLUMN_STATUS:
      return g_strdup (spire_field_value_label (status_field (),
                                                spire_record_get_text (app, "status")));
    case SPIRE_APPLICATION_COLUMN_SUBMITTED:
      return format_submitted (app);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
spire_application_list_get_startup_orgnr (SpireApplicationList *self, const char *startup_uuid)
{
  return startup_uuid ? g_hash_table_lookup (self->startup_orgnrs, startup_uuid) : NULL;
}

GtkColumnView *
spire_application_list_get_column_view (SpireApplicationList *self)
{
  return self->column_view;
}

GtkColumnViewColumn *
spire_application_list_get_column (SpireApplicationList *self, guint i)
{
  g_return_val_if_fail (i < SPIRE_APPLICATION_N_COLUMNS, NULL);

  return self->columns[i];
}

gboolean
spire_application_list_get_bar_revealed (SpireApplicationList *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_LIST (self), FALSE);

  return gtk_revealer_get_reveal_child (self->action_revealer);
}
