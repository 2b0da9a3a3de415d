/* test-counts.c — counts of a thousand and more as a user reads them in the
 * window: grouped in threes ("1,008" in English, "1 008" with a no-break
 * space in Bokmål, spire_format_count), in the cohort's header tiles, its
 * count of applications, the status list and the sidebar's row.
 * test-gui-counts-nb runs it again in Bokmål from the build tree's
 * translations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-counts"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cohort/spire-cohort-page-private.h"
#include "gui-fixture.h"
#include "spire-app.h"
#include "spire-window-private.h"

#define NBSP "\xc2\xa0"

static SpireApp *app;
static gboolean bokmal;

/* A label under @widget whose text is @text, or ends with it (@suffix). */
static gboolean
find_label (GtkWidget *widget, const char *text, gboolean suffix)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (label && (suffix ? g_str_has_suffix (label, text) : g_str_equal (label, text)))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text, suffix))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget *widget;
  const char *text;
} Wanted;

static gboolean
sidebar_says_cb (gpointer data)
{
  Wanted *w = data;

  return find_label (w->widget, w->text, TRUE);
}

static gboolean
page_shows_cb (gpointer data)
{
  Wanted *w = data;

  return !spire_cohort_page_is_loading (SPIRE_COHORT_PAGE (w->widget)) &&
         g_strcmp0 (_spire_cohort_page_get_shown_text (SPIRE_COHORT_PAGE (w->widget)), w->text) == 0;
}

/* A cohort of 1 008 applications, 1 001 of them received: its header, its
 * count, the status list and the sidebar say so with the thousands apart. */
static void
test_counts_cohort (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autofree char *cohort = NULL;
  SpireWindow *window;
  SpireCohortPage *page;
  const char *shown = bokmal ? "1" NBSP "008 søknader" : "1,008 applications";
  const char *received = bokmal ? "1" NBSP "001" : "1,001";
  const char *all = bokmal ? "Alle statuser (1" NBSP "008)" : "All statuses (1,008)";
  Wanted sidebar = { NULL, bokmal ? " · 1" NBSP "008 søknader" : " · 1,008 applications" };

  g_assert_no_error (error);
  /* Eight applications, one of each status, then a thousand received. */
  cohort = gui_fixture_fill_large_cohort (store, 8, &error);
  g_assert_no_error (error);
  g_assert_true (spire_store_begin (store, &error));
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Søknad %u", i);
      g_autofree char *startup = g_strdup_printf ("Bedrift %u AS", i);

      g_assert_true (gui_fixture_add_application (store, cohort, title, startup, "received",
                                                  &error));
      g_assert_no_error (error);
    }
  g_assert_true (spire_store_commit (store, &error));
  g_assert_cmpint (spire_store_count (store, &spire_kind_application, "cohort", cohort), ==, 1008);

  window = gui_fixture_window_on_cohort (app, store, cohort);
  page = _spire_window_get_cohort_page (window);
  /* Read in a worker and handed over in slices: wait until all are in
   * (generously: AddressSanitizer is many times slower). */
  {
    Wanted read = { GTK_WIDGET (page), shown };

    if (!gui_fixture_wait (page_shows_cb, &read, 60000))
      g_assert_cmpstr (_spire_cohort_page_get_shown_text (page), ==, shown);
  }
  g_assert_true (find_label (_spire_cohort_page_get_tile (page, "received"), received, FALSE));
  /* Below a thousand: the digits alone. */
  g_assert_true (find_label (_spire_cohort_page_get_tile (page, "accepted"), "1", FALSE));
  g_assert_true (find_label (GTK_WIDGET (page), all, FALSE));
  /* The sidebar's rows are made in idles: wait for the cohort's. */
  sidebar.widget = GTK_WIDGET (_spire_window_get_sidebar (window));
  g_assert_true (gui_fixture_wait (sidebar_says_cb, &sidebar, GUI_FIXTURE_TIMEOUT_MS));

  gui_fixture_destroy_window (window);
}

int
main (int argc, char **argv)
{
  const char *language;
  g_autofree char *tmpdir = NULL;
  int ret;

  tmpdir = gui_fixture_isolate ();
  language = gui_fixture_language ();
  bokmal = g_strcmp0 (language, "nb") == 0;
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.GuiTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/counts/cohort", test_counts_cohort);
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
