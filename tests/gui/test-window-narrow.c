/* test-window-narrow.c — the main window at a phone's width (360 px)
 *
 * Every view opened in turn as a user opens it, each measured: nothing
 * keeps the window wider than 360 px, and what must be read whole is
 * (the rubric's "Criteria" heading, the chosen value of every combo row:
 * "Gjennomsnitt" was cut to "Gj…").  test-gui-window-narrow-nb and -nn
 * run it again in Bokmål and Nynorsk, whose words are longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window-narrow"

#include "config.h"

#include <glib/gi18n.h>

#include "audit/spire-innsyn-dialog.h"
#include "common/spire-toast.h"
#include "followup/spire-deal-editor.h"
#include "followup/spire-deal-new-dialog.h"
#include "gui-fixture.h"
#include "preferences/spire-preferences.h"
#include "records/spire-records-private.h"
#include "reports/spire-report-dialog.h"
#include "sidebar/spire-sidebar-private.h"
#include "spire-app.h"
#include "spire-window-private.h"

static SpireApp *app;

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* The widgets as wide as @limit or wider at their minimum whose children
 * are all narrower: what keeps the window from a phone's width. */
static void
report_wide (GtkWidget *widget, int limit, GString *out)
{
  int minimum = 0;
  gboolean child_wide = FALSE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int m = 0;

      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
      if (m > limit)
        {
          child_wide = TRUE;
          report_wide (c, limit, out);
        }
    }
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (!child_wide && minimum > limit)
    {
      g_string_append_printf (out, " %s (%s, %d px", G_OBJECT_TYPE_NAME (widget),
                              gtk_widget_get_name (widget), minimum);
      if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
        g_string_append_printf (out, ", “%s”", gtk_button_get_label (GTK_BUTTON (widget)));
      /* where it is: the nearest ancestors' types */
      for (GtkWidget *a = gtk_widget_get_parent (widget); a; a = gtk_widget_get_parent (a))
        if (g_str_has_prefix (G_OBJECT_TYPE_NAME (a), "Spire"))
          {
            g_string_append_printf (out, ", in %s", G_OBJECT_TYPE_NAME (a));
            break;
          }
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        {
          int m = 0;

          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
          g_string_append_printf (out, " [%s %d%s%s]", G_OBJECT_TYPE_NAME (c), m,
                                  GTK_IS_LABEL (c) ? " " : "",
                                  GTK_IS_LABEL (c) ? gtk_label_get_label (GTK_LABEL (c)) : "");
        }
      g_string_append (out, ")");
    }
}

/* The chosen values of the combo rows drawn in @widget that are cut
 * (narrower than their text), added to @out. */
static void
report_cut_values (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW) != NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL)
    {
      int natural = 0;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (gtk_widget_get_width (widget) < natural)
        g_string_append_printf (out, " “%s” (%d px of %d, in “%s”)",
                                gtk_label_get_text (GTK_LABEL (widget)),
                                gtk_widget_get_width (widget), natural,
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                                  gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW))));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    report_cut_values (c, out);
}

/* The drawn wrapping labels in @widget narrower than one of their words,
 * which is then broken ("Ahm-ed Jense-n", "Smart-Oslo Akse-lerator"),
 * added to @out. */
static void
report_broken_words (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_label_get_wrap (GTK_LABEL (widget)))
    {
      g_auto (GStrv) words = g_strsplit_set (gtk_label_get_text (GTK_LABEL (widget)), " \n", -1);

      for (guint i = 0; words[i]; i++)
        {
          g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, words[i]);
          int width = 0;

          pango_layout_get_pixel_size (layout, &width, NULL);
          if (width > gtk_widget_get_width (widget))
            {
              g_string_append_printf (out, " “%s” (%d px of %d, in “%s”)", words[i],
                                      gtk_widget_get_width (widget), width,
                                      gtk_label_get_text (GTK_LABEL (widget)));
              for (GtkWidget *a = gtk_widget_get_parent (widget); a; a = gtk_widget_get_parent (a))
                if (g_str_has_prefix (G_OBJECT_TYPE_NAME (a), "Spire"))
                  {
                    g_string_append_printf (out, " in %s", G_OBJECT_TYPE_NAME (a));
                    break;
                  }
              break;
            }
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    report_broken_words (c, out);
}

static gboolean
texts_whole (gpointer content)
{
  g_autoptr (GString) found = g_string_new ("");

  report_cut_values (content, found);
  report_broken_words (content, found);
  return found->len == 0;
}

/* Fails with the widgets that keep the window's content wider than @limit
 * with @what shown; and the window itself must not have grown past it.
 * Every combo row's chosen value shown is whole ("Gjennomsnitt" was cut
 * to "Gj…" beside "Sammenstilling" and its subtitle), and no word of a
 * wrapping label is broken. */
static void
assert_narrow (gpointer window, const char *what, int limit)
{
  g_autoptr (GString) wide = g_string_new ("");
  g_autoptr (GString) cut = g_string_new ("");
  g_autoptr (GString) broken = g_string_new ("");
  /* The window's content: its frame and shadow are the desktop's. */
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
  int minimum = 0;

  gui_fixture_drain ();
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  report_wide (content, limit, wide);
  if (minimum > limit || gtk_widget_get_width (content) > limit)
    g_test_message ("%s: %d px wide at least, %d px now; too wide:%s", what, minimum,
                    gtk_widget_get_width (content), wide->str);
  g_assert_cmpint (minimum, <=, limit);
  g_assert_cmpint (gtk_widget_get_width (content), <=, limit);
  /* once laid out: a leaflet folding slides its pages in, narrower */
  gui_fixture_wait (texts_whole, content, 20000);
  report_cut_values (content, cut);
  if (cut->len > 0)
    g_test_message ("%s: values cut:%s", what, cut->str);
  g_assert_cmpstr (cut->str, ==, "");
  report_broken_words (content, broken);
  if (broken->len > 0)
    g_test_message ("%s: words broken:%s", what, broken->str);
  g_assert_cmpstr (broken->str, ==, "");
}

static gboolean
criteria_heading_shown (gpointer page)
{
  GtkWidget *heading = gui_fixture_find_label (page, _("Criteria"), TRUE);

  return heading != NULL && gtk_widget_get_width (heading) > 0;
}

/* @text without its mnemonic's underscore */
static char *
mnemonic_free (const char *text)
{
  GString *out = g_string_new ("");

  for (const char *p = text; *p; p++)
    if (*p != '_')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GtkWidget *widget;
  const char *text;
} LabelWait;

/* A drawn label saying @text in @widget, as wide as its text. */
static gboolean
label_whole (gpointer data)
{
  LabelWait *w = data;
  GtkWidget *label = gui_fixture_find_label (w->widget, w->text, TRUE);
  int natural = 0;

  if (label == NULL)
    return FALSE;
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return gtk_widget_get_width (label) >= natural;
}

/* A drawn label saying @text in @widget, not cut: whole inside the window,
 * neither ellipsized nor shorter than its lines (a toast's title). */
static gboolean
label_not_cut (gpointer data)
{
  LabelWait *w = data;
  GtkWidget *label = gui_fixture_find_label (w->widget, w->text, TRUE);
  graphene_rect_t bounds;
  int height = 0;

  if (label == NULL || !gtk_widget_compute_bounds (label, w->widget, &bounds))
    return FALSE;
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label), &height,
                      NULL, NULL, NULL);
  return !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))) &&
         gtk_widget_get_height (label) >= height && bounds.origin.x >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (w->widget);
}

static gboolean
label_gone (gpointer data)
{
  LabelWait *w = data;

  return gui_fixture_find_label (w->widget, w->text, TRUE) == NULL;
}

static gboolean
ranking_ready (gpointer data)
{
  return spire_ranking_page_get_ranking (data) != NULL && !spire_ranking_page_get_busy (data);
}

/* A switcher bar under the views is shown: on a phone the views are
 * switched there (the header has room only for the title). */
static gboolean
switcher_bar_shown (gpointer widget)
{
  if (ADW_IS_VIEW_SWITCHER_BAR (widget))
    return gtk_widget_get_mapped (widget) &&
           adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (switcher_bar_shown (child))
      return TRUE;
  return FALSE;
}

static void
test_window_narrow (void)
{
  static const char *const parts[] = { "rubric", "screening", "panel", "assignment", "packages",
                                       "reviews" };
  g_autoptr (SpireStore) store = gui_fixture_filled_store ();
  g_autofree char *cohort = gui_fixture_busiest_cohort (store, NULL);
  SpireWindow *window = spire_window_new (app);
  AdwLeaflet *leaflet = _spire_window_get_leaflet (window);
  SpireSidebar *sidebar;
  const char *program;

  {
    /* a name that takes two lines at a phone's width */
    g_autoptr (SpireRecord) c = spire_store_get (store, &spire_kind_cohort, cohort, NULL);

    spire_record_set_text (c, "name", "Innovasjonspartnerskap helse og omsorg vår 2026");
    g_assert_true (spire_store_update (store, c, NULL));
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  _spire_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_fixture_wait (is_folded, leaflet, GUI_FIXTURE_TIMEOUT_MS));
  sidebar = _spire_window_get_sidebar (window);

  /* A phone is 360 pixels wide: the window, with every view, fits. */
  assert_narrow (window, "sidebar", 360);
  {
    /* A long toast wraps ("Andre på denne datamaskina …") */
    static const char *const text = "Others on this computer could read the database "
                                    "“/home/kari/Dokumenter/spire.db”; Spire has made it "
                                    "readable by you only.";

    AdwToast *toast = g_object_ref (adw_toast_new (text));
    LabelWait w = { GTK_WIDGET (window), text };

    spire_toast_add (GTK_WIDGET (window), toast);
    g_assert_true (gui_fixture_wait (label_not_cut, &w, 20000));
    adw_toast_dismiss (toast);
    g_object_unref (toast);
    g_assert_true (gui_fixture_wait (label_gone, &w, 20000));
  }

  /* The sidebar first; Ctrl+F goes to the cohort. */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (sidebar),
                                         adw_leaflet_get_visible_child (leaflet)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (_spire_window_get_cohort_page (window)),
                                         adw_leaflet_get_visible_child (leaflet)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (sidebar),
                                         adw_leaflet_get_visible_child (leaflet)));

  /* Each view in turn, as a user opens it from the sidebar */
  g_assert_true (spire_sidebar_select_cohort (sidebar, cohort));
  adw_leaflet_set_visible_child (leaflet, window->content_pane);
  adw_view_stack_set_visible_child_name (window->cohort_views, "applications");
  assert_narrow (window, "applications", 360);
  {
    /* A phone's width: the cohort's name is read whole (it wraps), and
     * its tooltip has it too */
    g_autoptr (SpireRecord) c = spire_store_get (store, &spire_kind_cohort, cohort, NULL);
    const char *name = spire_record_get_display_name (c);
    GtkLabel *title = GTK_LABEL (
      gui_fixture_find_label (GTK_WIDGET (_spire_window_get_cohort_page (window)), name, FALSE));
    const char *phase = spire_field_value_label (spire_kind_field (&spire_kind_cohort, "phase"),
                                                 spire_record_get_text (c, "phase"));
    GtkLabel *subtitle = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title)));

    g_assert_nonnull (title);
    g_assert_true (gtk_label_get_wrap (title));
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (title)));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), ==, name);
    /* Narrow, the phase follows the program's name: that line wraps, and
     * is never cut */
    g_assert_true (gtk_label_get_wrap (subtitle));
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (subtitle)));
    g_assert_true (g_str_has_suffix (gtk_label_get_text (subtitle), phase));
    /* and the tiles come under it, not over it */
    {
      GtkWidget *caption = gui_fixture_find_label (
        GTK_WIDGET (_spire_window_get_cohort_page (window)),
        spire_field_value_label (spire_kind_field (&spire_kind_application, "status"), "received"),
        TRUE);
      graphene_point_t under, tile;

      g_assert_nonnull (caption);
      gui_fixture_wait_frame (window);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (subtitle), GTK_WIDGET (window),
                                               &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (GTK_WIDGET (subtitle))),
                                               &under));
      g_assert_true (gtk_widget_compute_point (caption, GTK_WIDGET (window),
                                               &GRAPHENE_POINT_INIT (0, 0), &tile));
      g_assert_cmpfloat (tile.y, >, under.y);
    }
  }
  g_assert_true (gui_fixture_wait (switcher_bar_shown, window->content_pane,
                                   GUI_FIXTURE_TIMEOUT_MS));
  adw_view_stack_set_visible_child_name (window->cohort_views, "evaluation");
  assert_narrow (window, "evaluation", 360);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      spire_evaluation_page_show_part (_spire_window_get_evaluation_page (window), parts[i]);
      assert_narrow (window, parts[i], 360);
      if (g_str_equal (parts[i], "rubric"))
        {
          /* Its "Criteria" heading whole beside or above its button
           * ("Vurderingskriterier" was cut to "Vurde…") */
          GtkWidget *page = GTK_WIDGET (_spire_window_get_evaluation_page (window)), *heading;
          int natural = 0;

          g_assert_true (gui_fixture_wait (criteria_heading_shown, page, GUI_FIXTURE_TIMEOUT_MS));
          heading = gui_fixture_find_label (page, _("Criteria"), TRUE);
          gtk_widget_measure (heading, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          g_assert_cmpint (gtk_widget_get_width (heading), >=, natural);
        }
    }
  adw_view_stack_set_visible_child_name (window->cohort_views, "ranking");
  g_assert_true (gui_fixture_wait (ranking_ready, _spire_window_get_ranking_page (window), GUI_FIXTURE_TIMEOUT_MS));
  assert_narrow (window, "ranking", 360);
  {
    /* Its meeting order button whole, under the summary ("Rekkefølge f…") */
    g_autofree char *text = mnemonic_free (_("Selection _Meeting Order"));

    g_assert_true (gui_fixture_wait (label_whole, &(LabelWait){ GTK_WIDGET (window), text }, 20000));
  }
  gtk_widget_activate_action (GTK_WIDGET (_spire_window_get_ranking_page (window)), "ranking.meeting-order", NULL);
  assert_narrow (window, "ranking, meeting order", 360);
  adw_view_stack_set_visible_child_name (window->cohort_views, "followup");
  spire_followup_page_show_view (_spire_window_get_followup_page (window), "board");
  assert_narrow (window, "follow-up board", 360);
  /* Its "Deals" heading whole beside the switcher ("Avta…") */
  g_assert_true (gui_fixture_wait (label_whole, &(LabelWait){ GTK_WIDGET (window), _("Deals") }, 20000));
  spire_followup_page_show_view (_spire_window_get_followup_page (window), "list");
  assert_narrow (window, "follow-up list", 360);

  program = spire_sidebar_get_current_program (sidebar);
  g_assert_nonnull (program);
  g_assert_true (spire_sidebar_select_program (sidebar, program));
  adw_view_stack_set_visible_child_name (window->program_views, "overview");
  assert_narrow (window, "program overview", 360);
  adw_view_stack_set_visible_child_name (window->program_views, "board");
  assert_narrow (window, "program board", 360);

  g_assert_true (spire_sidebar_select_directory (sidebar, "startups"));
  assert_narrow (window, "startups", 360);
  g_assert_true (spire_sidebar_select_directory (sidebar, "audit"));
  assert_narrow (window, "audit", 360);
  gui_fixture_close_window (window);
}

static gboolean
is_narrow (gpointer window)
{
  return gtk_widget_get_width (window) > 0 && gtk_widget_get_width (window) <= 360;
}

/* @dialog at a phone's width: it fits, its texts whole. */
static void
assert_dialog_narrow (GtkWindow *dialog, const char *what)
{
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (dialog, 360, 640);
  gtk_window_present (dialog);
  g_assert_true (gui_fixture_wait (is_narrow, dialog, 20000));
  assert_narrow (dialog, what, 360);
  gtk_window_destroy (dialog);
}

/* The dialogs a narrow window opens: the preferences ("Språk i rapporter"
 * showed "S…"), a form's choices ("Utfordringsdrevet aks…"), innsyn, a
 * report's export, a deal, a new deal (its choices' placeholders). */
static void
test_window_narrow_dialogs (void)
{
  g_autoptr (SpireStore) store = gui_fixture_filled_store ();
  g_autofree char *cohort = gui_fixture_busiest_cohort (store, NULL);
  g_autoptr (GPtrArray) deals = spire_store_list (store, &spire_kind_deal, NULL, NULL, NULL);
  SpireWindow *window = spire_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  _spire_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_fixture_wait (is_folded, _spire_window_get_leaflet (window), 20000));

  assert_dialog_narrow (spire_preferences_present (GTK_WINDOW (window)), "preferences");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-program", NULL);
  assert_dialog_narrow (gui_fixture_find_window (SPIRE_TYPE_RECORD_EDITOR), "new program");
  assert_dialog_narrow (GTK_WINDOW (spire_innsyn_dialog_new_cohort (GTK_WIDGET (window), store,
                                                                    cohort, "Kull")),
                        "innsyn");
  assert_dialog_narrow (GTK_WINDOW (spire_report_dialog_new (GTK_WIDGET (window), store,
                                                             SPIRE_REPORT_KIND_COHORT, cohort,
                                                             "Kull")),
                        "cohort report");
  g_assert_cmpuint (deals->len, >, 0);
  assert_dialog_narrow (GTK_WINDOW (spire_deal_editor_present (GTK_WIDGET (window), store,
                                                               spire_record_get_uuid (deals->pdata[0]))),
                        "deal");
  {
    g_autoptr (GPtrArray) accepted = spire_store_list (store, &spire_kind_application, "status",
                                                       "accepted", NULL);
    SpireDealNewDialog *dialog;

    g_assert_cmpuint (accepted->len, >, 0);
    dialog = spire_deal_new_dialog_new (GTK_WIDGET (window), store,
                                        spire_record_get_text (accepted->pdata[0], "cohort"),
                                        NULL);
    g_assert_null (spire_deal_new_dialog_get_problem (dialog));
    assert_dialog_narrow (GTK_WINDOW (dialog), "new deal");
  }
  gui_fixture_close_window (window);
}

int
main (int argc, char **argv)
{
  int ret;

  g_free (gui_fixture_isolate ());
  gui_fixture_language ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.GuiTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/narrow-dialogs", test_window_narrow_dialogs);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
