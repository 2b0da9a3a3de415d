/* bench-dialogs.c — do the Panel part's dialogs keep the window live?
 *
 *   bench-dialogs [-n N] DATABASE
 *
 * Issue 11 ("nothing that takes longer than a frame runs on the main
 * thread"), the Evaluation tab's Panel part on the largest cohort of
 * DATABASE, under a display (Xvfb):
 *
 *   member    "Add Panel Member…": until the dialog is on screen, until
 *             the people (read on a worker) are in its choice, and the
 *             longest frame gap of the window meanwhile, with the main
 *             thread's CPU time in it;
 *   conflict  "Declare Conflict…": the same, with the cohort's
 *             applications;
 *   floor     a bare AdwMessageDialog with an empty drop-down, shown and
 *             closed the same way: what any new dialog costs (its first
 *             frame, a GL context under llvmpipe);
 *   search    the choice opened and "mar" ("dig") typed in its search a
 *             letter every two frames, and how many rows match: the longest frame gap then (GTK filters every row);
 *   old       what the dialogs did on the main thread before they showed
 *             until 7 Dec 2026 (every person read and labelled; every
 *             application of the cohort read with its startup and
 *             labelled), timed here on the main thread: the freeze they
 *             had.
 *
 * Each figure is the median of N runs (default 3); the dialogs' gaps are
 * printed beside the floor's with the ratio of the main thread's CPU in
 * them (the figure that holds on a shared machine).
 *
 *   GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory \
 *   xvfb-run -a -s "-screen 0 1280x800x24" _build/tests/bench/bench-dialogs /tmp/large.db
 *
 * BENCH_DIALOGS_SHOTS=DIR keeps a PNG of each dialog as it is first shown
 * and once filled (DIR/member-shown.png, …), BENCH_DIALOGS_WIDTH=360 makes
 * the window that narrow: to look at them (in Bokmål with LANGUAGE=nb and
 * SPIRE_LOCALEDIR=_build/po).
 *
 * It measures, it does not judge: exit status 0 unless something fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-dialogs"

#include "bench-store.h"
#include "bench-util.h"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/spire-widget.h"
#include "evaluation/spire-conflict-dialog.h"
#include "evaluation/spire-evaluation-page.h"
#include "evaluation/spire-evaluation-panel.h"
#include "evaluation/spire-evaluation-part.h"
#include "evaluation/spire-panel-member-dialog.h"

#define TIMEOUT_MS 120000

static gint64 last_tick;
static gint64 max_gap;
static double last_tick_cpu;
static double max_cpu_gap;
static guint64 n_dialog_frames;

/* Every frame of the window while a dialog is measured: a main thread busy
 * for 0.3 s shows as a 0.3 s gap between two ticks. */
static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  double cpu = bench_thread_cpu_ms ();

  if (last_tick != 0)
    {
      max_gap = MAX (max_gap, now - last_tick);
      max_cpu_gap = MAX (max_cpu_gap, cpu - last_tick_cpu);
    }
  last_tick = now;
  last_tick_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
dialog_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  n_dialog_frames++;
  return G_SOURCE_CONTINUE;
}

/* BENCH_DIALOGS_SHOTS=DIR: @window as drawn now, to DIR/@what-@when.png. */
static void
shot (gpointer window, const char *what, const char *when)
{
  const char *dir = g_getenv ("BENCH_DIALOGS_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  int w, h;

  if (dir == NULL || window == NULL)
    return;
  w = gtk_widget_get_width (GTK_WIDGET (window));
  h = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  name = g_strdup_printf ("%s-%s.png", what, when);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* @n frames of the dialog after now. */
static void
wait_dialog_frames (guint n)
{
  guint64 until = n_dialog_frames + n;

  while (n_dialog_frames < until)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GtkWindow *window;
  SpireEvaluationPart *panel;
  GtkWindow *dialog;
  gboolean (*loading) (GtkWindow *dialog);
} Drive;

/* The main loop for @ms (a picture's frames drawn; not a measure). */
static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* BENCH_DIALOGS_SHOTS: the Panel part as loaded (panel-top.png) and
 * scrolled to its end, the conflicts (panel-end.png). */
static void
shot_panel (Drive *d)
{
  GtkWidget *scrolled = spire_widget_find_descendant (GTK_WIDGET (d->panel), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;

  if (g_getenv ("BENCH_DIALOGS_SHOTS") == NULL || scrolled == NULL)
    return;
  settle (500);
  shot (d->window, "panel", "top");
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  settle (500);
  shot (d->window, "panel", "end");
}

static gboolean
panel_ready (gpointer data)
{
  Drive *d = data;

  return gtk_widget_get_mapped (GTK_WIDGET (d->panel)) &&
         !spire_evaluation_part_is_loading (d->panel) && !spire_evaluation_part_is_stale (d->panel);
}

static GtkWindow *
newest_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = w;
    }
  return found;
}

static gboolean
dialog_mapped (gpointer data)
{
  Drive *d = data;

  return d->dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (d->dialog));
}

static gboolean
dialog_filled (gpointer data)
{
  Drive *d = data;

  return d->loading == NULL || !d->loading (d->dialog);
}

static gboolean
member_loading (GtkWindow *dialog)
{
  return spire_panel_member_dialog_is_loading (SPIRE_PANEL_MEMBER_DIALOG (dialog));
}

static gboolean
conflict_loading (GtkWindow *dialog)
{
  return spire_conflict_dialog_is_loading (SPIRE_CONFLICT_DIALOG (dialog));
}

/* What any dialog costs: one with a heading, two answers and an empty
 * drop-down in a boxed list, as the Panel's dialogs. */
static GtkWindow *
bare_dialog (GtkWindow *parent)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, "Add Panel Member",
                                                                         NULL));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog, "cancel", "_Cancel", "add", "_Add", NULL);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Person");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (dialog, list);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
add_figure (GHashTable *figures, const char *what, const char *key, double v)
{
  g_autofree char *name = g_strdup_printf ("%s_%s", what, key);

  bench_figure_add (figures, name, v);
}

static const char *searched;

/* The search typed is the one filtered (the entry waits a moment before it
 * says the text changed), and every row is filtered. */
static gboolean
filter_done (gpointer filtered)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (filtered);

  return GTK_IS_STRING_FILTER (filter) &&
         g_strcmp0 (gtk_string_filter_get_search (GTK_STRING_FILTER (filter)), searched) == 0 &&
         gtk_filter_list_model_get_pending (filtered) == 0;
}

/* The choice opened and a name typed in its search, as a user picks from
 * tens of thousands: "<what>_search_gap", "<what>_search_cpu_gap" (the
 * window's longest frame gap from the first letter until 10 frames after
 * the last). */
static void
search (const char *what, Drive *d, GHashTable *figures)
{
  GtkWidget *dropdown = spire_widget_find_descendant (GTK_WIDGET (d->dialog), GTK_TYPE_DROP_DOWN);
  GtkWidget *entry;
  gint64 t0;
  /* Prefixes the demo has many of: "Marte …", "Digital …". */
  const char *word = g_str_equal (what, "member") ? "mar" : "dig";

  searched = word;

  if (dropdown == NULL || !gtk_widget_get_visible (dropdown) ||
      !gtk_drop_down_get_enable_search (GTK_DROP_DOWN (dropdown)))
    return;
  g_signal_emit_by_name (dropdown, "activate");
  wait_dialog_frames (3);
  entry = spire_widget_find_descendant (dropdown, GTK_TYPE_SEARCH_ENTRY);
  if (entry == NULL)
    return;
  max_gap = 0;
  max_cpu_gap = 0;
  last_tick = g_get_monotonic_time ();
  last_tick_cpu = bench_thread_cpu_ms ();
  t0 = g_get_monotonic_time ();
  for (guint i = 1; i <= strlen (word); i++)
    {
      g_autofree char *typed = g_strndup (word, i);

      gtk_editable_set_text (GTK_EDITABLE (entry), typed);
      wait_dialog_frames (2);
    }
  /* Until every row is filtered (a batch at a time), and a frame after. */
  {
    GtkWidget *view = spire_widget_find_descendant (dropdown, GTK_TYPE_LIST_VIEW);
    GtkSelectionModel *selection = view ? gtk_list_view_get_model (GTK_LIST_VIEW (view)) : NULL;
    GListModel *filtered = GTK_IS_SINGLE_SELECTION (selection)
                             ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))
                             : NULL;

    if (GTK_IS_FILTER_LIST_MODEL (filtered) && !bench_wait_for (filter_done, filtered, TIMEOUT_MS))
      g_error ("%s: the search did not end", what);
  }
  add_figure (figures, what, "search_done", bench_ms_since (t0));
  wait_dialog_frames (10);
  add_figure (figures, what, "search_gap", max_gap / 1000.0);
  add_figure (figures, what, "search_cpu_gap", max_cpu_gap);
  shot (d->dialog, what, "search");
  {
    GtkWidget *view = spire_widget_find_descendant (dropdown, GTK_TYPE_LIST_VIEW);
    GListModel *rows = view ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))) : NULL;

    add_figure (figures, what, "search_matches", rows ? g_list_model_get_n_items (rows) : 0);
  }
  shot (spire_widget_find_descendant (dropdown, GTK_TYPE_POPOVER), what, "search-popup");
}

/* Opens a dialog (@action of the Panel part, or the bare one when NULL)
 * and prints "<what>_shown", "<what>_filled", "<what>_gap" and
 * "<what>_cpu_gap" (ms) into @figures. */
static void
measure (const char *what, Drive *d, const char *action, gboolean (*loading) (GtkWindow *),
         GHashTable *figures)
{
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (d->window), tick_cb, NULL, NULL);
  double shown, filled;
  guint dialog_id;
  gint64 t0;
  const char *keys[4] = { "shown", "filled", "gap", "cpu_gap" };
  double v[4];

  for (int i = 0; i < 3; i++)
    g_main_context_iteration (NULL, TRUE);
  max_gap = 0;
  max_cpu_gap = 0;
  last_tick = g_get_monotonic_time ();
  last_tick_cpu = bench_thread_cpu_ms ();
  t0 = g_get_monotonic_time ();
  d->loading = loading;
  if (action == NULL)
    d->dialog = bare_dialog (d->window);
  else
    {
      if (!gtk_widget_activate_action (GTK_WIDGET (d->panel), action, NULL))
        g_error ("%s: no action", action);
      d->dialog = newest_dialog ();
    }
  if (d->dialog == NULL)
    g_error ("%s: no dialog", what);
  dialog_id = gtk_widget_add_tick_callback (GTK_WIDGET (d->dialog), dialog_tick_cb, NULL, NULL);
  if (!bench_wait_for (dialog_mapped, d, TIMEOUT_MS))
    g_error ("%s: not shown after %d ms", what, TIMEOUT_MS);
  wait_dialog_frames (1);
  shown = bench_ms_since (t0);
  shot (d->dialog, what, "shown");
  if (!bench_wait_for (dialog_filled, d, TIMEOUT_MS))
    g_error ("%s: not filled after %d ms", what, TIMEOUT_MS);
  wait_dialog_frames (1);
  filled = bench_ms_since (t0);
  /* Whatever filling leaves for later (a frame measuring the choice). */
  wait_dialog_frames (10);
  shot (d->dialog, what, "filled");
  v[2] = max_gap / 1000.0;
  v[3] = max_cpu_gap;
  search (what, d, figures);
  gtk_widget_remove_tick_callback (GTK_WIDGET (d->dialog), dialog_id);
  gtk_widget_remove_tick_callback (GTK_WIDGET (d->window), id);
  gtk_window_destroy (d->dialog);
  d->dialog = NULL;
  v[0] = shown;
  v[1] = filled;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    add_figure (figures, what, keys[i], v[i]);
}

/* The old dialogs' reads, on the main thread as they were (issue 11). */
static void
measure_old (SpireStore *store, const char *cohort, GHashTable *figures)
{
  gint64 t0 = g_get_monotonic_time ();
  double c0 = bench_thread_cpu_ms ();
  double v[4];
  const char *keys[4] = { "old_member", "old_member_cpu", "old_conflict", "old_conflict_cpu" };

  {
    g_autoptr (GPtrArray) all = spire_store_list (store, &spire_kind_person, NULL, NULL, NULL);
    g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

    for (guint i = 0; i < all->len; i++)
      {
        SpireRecord *p = all->pdata[i];
        const char *org = spire_record_get_text (p, "organisation");
        g_autofree char *label = org ? g_strdup_printf ("%s (%s)", spire_record_get_display_name (p),
                                                        org)
                                     : g_strdup (spire_record_get_display_name (p));

        gtk_string_list_append (names, label);
      }
    v[0] = bench_ms_since (t0);
    v[1] = bench_thread_cpu_ms () - c0;
  }
  t0 = g_get_monotonic_time ();
  c0 = bench_thread_cpu_ms ();
  {
    g_autoptr (GPtrArray) apps = spire_store_list (store, &spire_kind_application, "cohort",
                                                   cohort, NULL);
    g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

    for (guint i = 0; i < apps->len; i++)
      {
        g_autofree char *label = _spire_evaluation_application_label (store, apps->pdata[i]);

        gtk_string_list_append (titles, label);
      }
    v[2] = bench_ms_since (t0);
    v[3] = bench_thread_cpu_ms () - c0;
  }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    bench_figure_add (figures, keys[i], v[i]);
}

/* The median of @dialog's figure @what ("member" and "shown": "member_shown"). */
static double
median_of (GHashTable *f, const char *dialog, const char *what)
{
  g_autofree char *key = g_strdup_printf ("%s_%s", dialog, what);

  return bench_figure_median (f, key);
}

/* One dialog's lines: @dialog's figures ("member", "conflict"), its
 * @title, what it fills in (@filled) and the search @typed. */
static void
report_dialog (GHashTable *f, const char *dialog, const char *title, const char *filled,
               const char *typed, double floor_cpu)
{
  g_autofree char *old_cpu = g_strdup_printf ("%s_cpu", dialog); /* "old_member_cpu" */

  g_print ("  %s: shown %.1f, %s in %.1f, longest frame gap %.1f (CPU %.1f), ratio %.2f\n",
           title, median_of (f, dialog, "shown"), filled, median_of (f, dialog, "filled"),
           median_of (f, dialog, "gap"), median_of (f, dialog, "cpu_gap"),
           median_of (f, dialog, "cpu_gap") / floor_cpu);
  g_print ("    before (7 Dec 2026) the main thread read them first: %.1f (CPU %.1f)\n",
           median_of (f, "old", dialog), median_of (f, "old", old_cpu));
  g_print ("    typing \"%s\" in its search: %.0f matches in %.1f, longest frame gap %.1f "
           "(CPU %.1f)\n",
           typed, median_of (f, dialog, "search_matches"), median_of (f, dialog, "search_done"),
           median_of (f, dialog, "search_gap"), median_of (f, dialog, "search_cpu_gap"));
}

static void
report (GHashTable *f, const char *database, guint n, guint n_apps, gint64 n_persons)
{
  double floor_cpu = bench_figure_median (f, "floor_cpu_gap");

  g_print ("bench-dialogs: %s, the Panel part of the cohort of %u applications, "
           "%" G_GINT64_FORMAT " people; median of %u runs (ms)\n",
           database, n_apps, n_persons, n);
  g_print ("  floor (a bare dialog): shown %.1f, longest frame gap %.1f (main-thread CPU %.1f)\n",
           bench_figure_median (f, "floor_shown"), bench_figure_median (f, "floor_gap"), floor_cpu);
  report_dialog (f, "member", "Add Panel Member", "people", "mar", floor_cpu);
  report_dialog (f, "conflict", "Declare Conflict", "applications", "dig", floor_cpu);
  g_print ("  (goal: no gap over 100 ms; load average when done: %s)\n", bench_load_average ());
}

int
main (int argc, char **argv)
{
  int n = 3;
  GOptionEntry entries[] = {
    { "repetitions", 'n', 0, G_OPTION_ARG_INT, &n, "Runs of each (3)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) figures = NULL;
  g_autoptr (SpireStore) store = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autofree char *cohort_uuid = NULL;
  SpireEvaluationPage *page;
  Drive d = { 0 };
  guint n_apps = 0;

  spire_locale_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n < 1)
    {
      g_printerr ("usage: bench-dialogs [-n N] DATABASE\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  store = spire_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s: %s", argv[1], error->message);
  cohort_uuid = bench_largest_cohort (store, &n_apps);
  cohort = spire_store_get (store, &spire_kind_cohort, cohort_uuid, &error);
  if (cohort == NULL)
    g_error ("%s", error->message);

  d.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (d.window, g_getenv ("BENCH_DIALOGS_WIDTH")
                                            ? atoi (g_getenv ("BENCH_DIALOGS_WIDTH"))
                                            : 1200,
                               800);
  page = SPIRE_EVALUATION_PAGE (spire_evaluation_page_new ());
  gtk_window_set_child (d.window, GTK_WIDGET (page));
  spire_evaluation_page_set_store (page, store);
  if (!spire_evaluation_page_set_cohort (page, SPIRE_COHORT (cohort), &error))
    g_error ("%s", error->message);
  gtk_window_present (d.window);
  spire_evaluation_page_show_part (page, "panel");
  {
    GtkWidget *w = GTK_WIDGET (page);

    /* The Panel part, found as a user sees it. */
    for (GtkWidget *c = w; c && d.panel == NULL;)
      {
        if (SPIRE_IS_EVALUATION_PANEL (c))
          d.panel = SPIRE_EVALUATION_PART (c);
        else if (gtk_widget_get_first_child (c))
          c = gtk_widget_get_first_child (c);
        else
          {
            while (c && c != w && gtk_widget_get_next_sibling (c) == NULL)
              c = gtk_widget_get_parent (c);
            c = c && c != w ? gtk_widget_get_next_sibling (c) : NULL;
          }
      }
  }
  if (d.panel == NULL)
    g_error ("no Panel part");
  if (!bench_wait_for (panel_ready, &d, TIMEOUT_MS))
    g_error ("the Panel part did not load");
  shot_panel (&d);

  figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (int i = 0; i < n; i++)
    {
      measure ("floor", &d, NULL, NULL, figures);
      measure ("member", &d, "evaluation.add-member", member_loading, figures);
      measure ("conflict", &d, "evaluation.declare-conflict", conflict_loading, figures);
      measure_old (store, cohort_uuid, figures);
    }
  report (figures, argv[1], n, n_apps, spire_store_count (store, &spire_kind_person, NULL, NULL));
  gtk_window_destroy (d.window);
  return 0;
}
