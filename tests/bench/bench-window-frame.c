/* bench-window-frame.c — the start's first frame: what Spire's shows,
 * drawn from stock widgets (bench-window's second floor), and what a first
 * frame was (bench_frame_keep: its widgets, render nodes, memory, picture)
 *
 * The mock is built from GTK's and libadwaita's own widgets in plain C
 * calls, with no database, no templates and none of Spire's code.
 * The bare window (the first floor) draws no text, no icon and no button.
 * This window draws what Spire's first frame draws on the large demo (its
 * screenshot, 7 Dec 2026): the sidebar's header, directory and the first
 * programs' cohorts, each with its menu; the content's header with the
 * four views; the cohort's name, program and facts, the eight status tiles,
 * the search, the "+" and menu buttons and the two filters. It is what
 * a plain GTK 4.8 program pays to show that frame, so it tells how much
 * of Spire's start is Spire's own and how much is the frame itself. */

#include <adwaita.h>

#include "bench-window-frame.h"

#include <string.h>

/* Menus made when first opened, as Spire's are (spire_menu_button_set_lazy_menu) */
static void
no_popup (GtkMenuButton *button, gpointer user_data)
{
}

static GtkWidget *
menu_button (void)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), no_popup, NULL, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
label (const char *text, const char *class1, const char *class2)
{
  GtkWidget *widget = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
  if (class1)
    gtk_widget_add_css_class (widget, class1);
  if (class2)
    gtk_widget_add_css_class (widget, class2);
  return widget;
}

static void
add_row (GtkListBox *list, GtkWidget *child, gboolean selectable)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), selectable);
  gtk_list_box_append (list, row);
}

static void
add_heading (GtkListBox *list, const char *text, gboolean menu)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = label (text, "heading", "dim-label");

  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), heading);
  if (menu)
    gtk_box_append (GTK_BOX (box), menu_button ());
  add_row (list, box, FALSE);
}

static void
add_cohort (GtkListBox *list, const char *name, const char *period, const char *subtitle)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (title), label (name, NULL, NULL));
  gtk_box_append (GTK_BOX (title), label (period, "dim-label", NULL));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label (subtitle, "dim-label", "caption"));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (outer), box);
  gtk_box_append (GTK_BOX (outer), menu_button ());
  gtk_widget_set_tooltip_text (outer, name);
  add_row (list, outer, TRUE);
}

static GtkWidget *
sidebar_new (void)
{
  static const char *const directory[][2] = {
    { "system-users-symbolic", "Startups" },         { "mark-location-symbolic", "Public bodies" },
    { "avatar-default-symbolic", "People" },         { "dialog-question-symbolic", "Challenges" },
    { "document-open-recent-symbolic", "Audit Trail" },
  };
  static const char *const cohorts[][4] = {
    { "Behovsløftet", "Behovsløftet", "høst 2025", "Running · 380 applications" },
    { NULL, "Behovsløftet", "vår 2022", "Closed · 260 applications" },
    { NULL, "Behovsløftet", "vår 2023", "Closed · 320 applications" },
    { NULL, "Behovsløftet", "vår 2026", "Open for applications · 60 applications" },
    { "Grønn omstilling Nord", "Grønn omstilling Nord", "vår 2023", "Closed · 400 applications" },
    { NULL, "Grønn omstilling Nord", "vår 2024", "Follow-up · 2,165 applications" },
    { NULL, "Grønn omstilling Nord", "vår 2026", "Evaluation · 500 applications" },
    { "Helseinnovasjon Vest", "Helseinnovasjon Vest", "høst 2025", "Decided · 350 applications" },
    { NULL, "Helseinnovasjon Vest", "vår 2023", "Closed · 250 applications" },
    { NULL, "Helseinnovasjon Vest", "vår 2024", "Closed · 300 applications" },
    { "Leverandørutvikling – innovative anskaffelser", "Leverandørutvikling", "vår 2024",
      "Closed · 280 applications" },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Spire", "large.db"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu), no_popup, NULL, NULL);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_add_css_class (list, "navigation-sidebar");
  add_heading (GTK_LIST_BOX (list), "Directory", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (directory); i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name (directory[i][0]));
      gtk_box_append (GTK_BOX (row), label (directory[i][1], NULL, NULL));
      add_row (GTK_LIST_BOX (list), row, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cohorts); i++)
    {
      if (cohorts[i][0])
        add_heading (GTK_LIST_BOX (list), cohorts[i][0], TRUE);
      add_cohort (GTK_LIST_BOX (list), cohorts[i][1], cohorts[i][2], cohorts[i][3]);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), list);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (box), scroll);
  gtk_widget_set_size_request (box, 270, -1);
  return box;
}

static GtkWidget *
facts_new (void)
{
  static const char *const facts[][2] = {
    { "Phase", "Running" }, { "Application deadline", "22 May 2025" }, { "Start", "1 Aug 2025" },
    { "End", "27 Jan 2026" }, { "Seats", "8" },
  };
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 24);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 5);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 5);
  gtk_widget_set_valign (flow, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

      gtk_box_append (GTK_BOX (box), label (facts[i][0], "caption-heading", "dim-label"));
      gtk_box_append (GTK_BOX (box), label (facts[i][1], NULL, NULL));
      gtk_flow_box_append (GTK_FLOW_BOX (flow), box);
    }
  return flow;
}

static GtkWidget *
tiles_new (void)
{
  static const char *const statuses[] = { "Received",    "Ineligible", "In review", "Shortlisted",
                                          "Accepted",    "Waitlisted", "Rejected",  "Withdrawn" };
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 8);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      GtkWidget *tile = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *number = gtk_label_new ("–");

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (number, "title-3");
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), label (statuses[i], "caption", "dim-label"));
      gtk_button_set_child (GTK_BUTTON (tile), box);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), tile);
    }
  return flow;
}

static GtkWidget *
filters_new (void)
{
  const char *const all_statuses[] = { "All statuses", "Received", "Ineligible", "In review", NULL };
  const char *const all_challenges[] = { "All challenges", NULL };
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *more = menu_button ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  g_object_set (search, "placeholder-text", "Search applications", NULL);
  gtk_widget_set_size_request (search, 250, -1);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), label ("Reading the applications…", "dim-label", NULL));
  gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("list-add-symbolic"));
  gtk_widget_remove_css_class (more, "flat");
  gtk_box_append (GTK_BOX (box), more);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), box);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), gtk_drop_down_new_from_strings (all_statuses));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), gtk_drop_down_new_from_strings (all_challenges));
  return flow;
}

/* The mock's list: empty in the first frame, as Spire's is until the
 * cohort's rows come; bench_frame_mock_set_rows fills it (one mock a
 * process). */
static GtkWidget *mock_list;

static GtkWidget *
cohort_new (void)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_scrolled_window_new ();

  gtk_box_append (GTK_BOX (names), label ("Behovsløftet høst 2025", "title-2", NULL));
  gtk_box_append (GTK_BOX (names), label ("Behovsløftet", "dim-label", NULL));
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (header), names);
  gtk_box_append (GTK_BOX (header), facts_new ());
  gtk_box_append (GTK_BOX (top), header);
  gtk_box_append (GTK_BOX (counts), label ("Applications by Status", "heading", NULL));
  gtk_box_append (GTK_BOX (counts), tiles_new ());
  gtk_box_append (GTK_BOX (top), counts);
  gtk_box_append (GTK_BOX (top), filters_new ());
  g_object_set (top, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 12,
                NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  /* As Spire's top_scroll at 1 280 px (spire_cohort_page_size_allocate
   * gives it its height for the width; a flow box's natural height is the
   * one for its narrowest width): the list below takes what is left. */
  gtk_widget_set_vexpand (scroll, FALSE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 231);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), top);
  gtk_box_append (GTK_BOX (page), scroll);
  gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_vexpand (list, TRUE);
  gtk_box_append (GTK_BOX (page), list);
  mock_list = list;
  return page;
}

static GtkWidget *
content_new (void)
{
  static const char *const views[][2] = {
    { "view-list-bullet-symbolic", "Applications" },
    { "document-edit-symbolic", "Evaluation" },
    { "view-sort-descending-symbolic", "Ranking" },
    { "emblem-ok-symbolic", "Follow-up" },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *title = adw_view_switcher_title_new ();

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child = i == 0 ? cohort_new () : gtk_label_new (views[i][1]);

      adw_view_stack_add_titled (ADW_VIEW_STACK (stack), child, views[i][1], views[i][1]);
      adw_view_stack_page_set_icon_name (adw_view_stack_get_page (ADW_VIEW_STACK (stack), child),
                                         views[i][0]);
    }
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), stack);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

GtkWidget *
bench_frame_mock_new (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *leaflet = adw_leaflet_new ();

  adw_leaflet_append (ADW_LEAFLET (leaflet), sidebar_new ());
  adw_leaflet_append (ADW_LEAFLET (leaflet), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_append (ADW_LEAFLET (leaflet), content_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), leaflet);
  return window;
}

/* The cohort's rows in the mock */

/* Spire's application list's columns: titles, how many characters each
 * asks for (spire-application-list.c's setup_columns) and which share the
 * width that is left */
static const struct
{
  const char *title;
  int min_chars, nat_chars;
  gboolean expand;
} columns[] = {
  { "Title", 20, 60, TRUE },     { "Startup", 6, 20, FALSE }, { "Challenge", 6, 22, TRUE },
  { "Status", 6, 14, FALSE },    { "Submitted", 6, 11, FALSE },
};

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), columns[column].min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), columns[column].nat_chars);
  gtk_list_item_set_child (item, cell);
}

/* A row is its cells' texts, tab-separated */
static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  const char *cell = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *end;
  g_autofree char *text = NULL;

  for (guint i = 0; i < column && cell != NULL; i++)
    cell = (end = strchr (cell, '\t')) ? end + 1 : NULL;
  if (cell == NULL)
    cell = "";
  end = strchr (cell, '\t');
  text = end ? g_strndup (cell, end - cell) : g_strdup (cell);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

/* Puts @rows (a GtkStringList, a row's cells tab-separated) into the
 * mock's list, in a stock column view of Spire's five columns with its
 * style class; returns the column view. */
GtkWidget *
bench_frame_mock_set_rows (GListModel *rows)
{
  GtkWidget *view;

  g_return_val_if_fail (mock_list != NULL, NULL);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (rows))));
  gtk_widget_add_css_class (view, "data-table");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (columns[i].title, factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (mock_list), view);
  return view;
}

/* What a first frame was */

/* What the first frame draws: BENCH_WINDOW_NODES=FILE keeps the render
 * nodes of the window (GTK's text format, as the inspector saves them), to
 * tell which of the renderer's programs the first frame needs. */
static void
write_nodes (GtkWidget *window)
{
  const char *path = g_getenv ("BENCH_WINDOW_NODES");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (path == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  bytes = gsk_render_node_serialize (node);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
}

static void
tree_lines (GtkWidget *widget, guint depth, GString *out, guint *made, guint *drawn)
{
  (*made)++;
  if (gtk_widget_get_mapped (widget))
    (*drawn)++;
  g_string_append_printf (out, "%*s%c %s\n", (int) depth * 2, "",
                          gtk_widget_get_mapped (widget) ? '+' : '-', G_OBJECT_TYPE_NAME (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    tree_lines (child, depth + 1, out, made, drawn);
}

static void
write_tree (GtkWidget *window, const char *path)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint made = 0, drawn = 0;

  tree_lines (window, 0, out, &made, &drawn);
  g_string_append_printf (out, "%u widgets made, %u of them drawn\n", made, drawn);
  g_file_set_contents (path, out->str, out->len, NULL);
}

/* What the first frame was, kept for whoever asks, in any phase:
 * BENCH_WINDOW_SMAPS=FILE the memory (/proc/self/smaps), BENCH_WINDOW_SHOT=
 * FILE.png a screenshot of the display (ImageMagick's import),
 * BENCH_WINDOW_TREE=FILE the window's widgets, a widget a line ("+" drawn,
 * "-" made but not drawn) and their counts, BENCH_WINDOW_NODES=FILE its
 * render nodes. */
void
bench_frame_keep (GtkWidget *window)
{
  const char *smaps = g_getenv ("BENCH_WINDOW_SMAPS");
  g_autofree char *contents = NULL;

  if (smaps && g_file_get_contents ("/proc/self/smaps", &contents, NULL, NULL))
    g_file_set_contents (smaps, contents, -1, NULL);
  if (g_getenv ("BENCH_WINDOW_SHOT"))
    {
      const char *argv[] = { "import", "-window", "root", g_getenv ("BENCH_WINDOW_SHOT"), NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                    NULL);
    }
  if (g_getenv ("BENCH_WINDOW_TREE"))
    write_tree (window, g_getenv ("BENCH_WINDOW_TREE"));
  write_nodes (window);
}
