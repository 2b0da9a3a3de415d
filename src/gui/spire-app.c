/* spire-app.c — the GtkApplication: app actions, accelerators, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-app"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "common/spire-widget.h"
#include "preferences/spire-preferences.h"
#include "spire-app.h"
#include "spire-window.h"

struct _SpireApp
{
  AdwApplication parent_instance;

  GSettings *settings; /* what core reads from Preferences, followed */
};

G_DEFINE_FINAL_TYPE (SpireApp, spire_app, ADW_TYPE_APPLICATION)

static const struct
{
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.open-database", { "<Control>o", NULL } },
  { "win.new-database", { "<Control><Shift>n", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
};

static gpointer
copy_ref (gconstpointer object, gpointer data)
{
  return g_object_ref ((gpointer) object);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                                     copy_ref, NULL);

  /* Close the windows, so that each saves its size; the application ends
   * when the last one is gone. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Spire"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Spire developers"),
                         "comments", _("Run startup programs with the public sector, from "
                                       "application to signed agreement"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* TRANSLATORS: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  spire_preferences_present (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

static SpireWindow *
new_window (SpireApp *self)
{
  return spire_window_new (self);
}

static void
spire_app_startup (GApplication *app)
{
  G_APPLICATION_CLASS (spire_app_parent_class)->startup (app);
  spire_icons_keep_alive ();

  /* GTK reads the icon theme in a thread of its own when it is first asked
   * for (GtkApplication's startup), but adding the application's icon path
   * right after (the same startup) marks it stale, and the window's first
   * icon read it all again on the main thread: 6 % of the instructions to
   * the first frame (issue 11).  Telling that the theme's name changed
   * (it did not) has GTK read it again in its thread now, beside the
   * window being made. */
  g_object_notify (G_OBJECT (gtk_settings_get_default ()), "gtk-icon-theme-name");

  gtk_window_set_default_icon_name (APP_ID);
  SPIRE_APP (app)->settings = g_settings_new (APP_ID);
  spire_preferences_watch (SPIRE_APP (app)->settings);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
}

/* SPIRE_QUIT_WHEN_SHOWN=1 (the launch test of build-aux/run.sh): quit as
 * soon as the first window is on screen. */
static gboolean
quit_when_shown_cb (gpointer app)
{
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
on_window_map_cb (GtkWidget *window, gpointer app)
{
  g_print ("spire: window shown\n");
  g_idle_add_full (G_PRIORITY_LOW, quit_when_shown_cb, g_object_ref (app), g_object_unref);
}

static void
spire_app_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (new_window (SPIRE_APP (app)));
      if (g_strcmp0 (g_getenv ("SPIRE_QUIT_WHEN_SHOWN"), "1") == 0)
        g_signal_connect_after (window, "map", G_CALLBACK (on_window_map_cb), app);
      /* First the window, so that an error dialog comes above it. */
      gtk_window_present (window);
      spire_window_open_last (SPIRE_WINDOW (window));
      return;
    }
  gtk_window_present (window);
}

/* A JSON file (an evaluation package, a score sheet, Brønnøysund data) is
 * imported, not opened as a database: it starts with "{" or "[", where a
 * SQLite database starts with "SQLite format 3". */
static gboolean
is_json_file (GFile *file)
{
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, NULL);
  char head[64] = { 0 };
  gsize n = 0;

  if (in == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head - 1, &n, NULL, NULL))
    return FALSE;
  if (n >= 15 && memcmp (head, "SQLite format 3", 15) == 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if ((guchar) head[i] == 0xEF && i + 2 < n && (guchar) head[i + 1] == 0xBB &&
          (guchar) head[i + 2] == 0xBF)
        {
          i += 2; /* a byte order mark */
          continue;
        }
      if (g_ascii_isspace (head[i]))
        continue;
      return head[i] == '{' || head[i] == '[';
    }
  return FALSE;
}

/* `spire FILE…`: the first database in the window there is, others in new
 * ones; a JSON file (`spire package.json`) goes to the import code, which
 * opens an evaluation package in the evaluator window. */
static void
spire_app_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  gboolean first_db = TRUE;

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
      gboolean json = is_json_file (files[i]);

      if (!json && !first_db)
        window = NULL;
      if (window == NULL || !SPIRE_IS_WINDOW (window))
        {
          window = GTK_WINDOW (new_window (SPIRE_APP (app)));
          gtk_window_present (window);
          if (json)
            spire_window_open_last (SPIRE_WINDOW (window));
        }
      gtk_window_present (window);
      if (json)
        spire_window_import_file (SPIRE_WINDOW (window), files[i]);
      else
        {
          first_db = FALSE;
          spire_window_open_file (SPIRE_WINDOW (window), files[i]);
        }
    }
}

static void
spire_app_finalize (GObject *object)
{
  g_clear_object (&SPIRE_APP (object)->settings);

  G_OBJECT_CLASS (spire_app_parent_class)->finalize (object);
}

static void
spire_app_class_init (SpireAppClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = spire_app_finalize;
  app_class->startup = spire_app_startup;
  app_class->activate = spire_app_activate;
  app_class->open = spire_app_open;
}

static void
spire_app_init (SpireApp *self)
{
}

SpireApp *
spire_app_new (const char *application_id, GApplicationFlags flags)
{
  return g_object_new (SPIRE_TYPE_APP,
                       "application-id", application_id,
                       "flags", flags,
                       /* the same resources for the Devel profile's id */
                       "resource-base-path", "/no/spire/Spire",
                       NULL);
}
