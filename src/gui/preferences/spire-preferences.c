/* spire-preferences.c — from the settings to core
 *
 * The settings are the schema's (data/no.spire.Spire.gschema.xml.in); the
 * ones core's rules read are handed to core here (spire-settings.h), so
 * that core never reads GSettings and the CLI keeps core's defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-preferences-window.h"
#include "spire-preferences.h"

static void
on_settings_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  if (key == NULL || g_str_equal (key, "operator-name"))
    {
      g_autofree char *name = g_settings_get_string (settings, "operator-name");

      spire_settings_set_author (name);
    }
  if (key == NULL || g_str_equal (key, "stale-deal-days"))
    spire_settings_set_stale_days (g_settings_get_int (settings, "stale-deal-days"));
}

void
spire_preferences_watch (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_signal_connect (settings, "changed", G_CALLBACK (on_settings_changed_cb), NULL);
  on_settings_changed_cb (settings, NULL, NULL);
}

SpireLanguage
spire_preferences_get_report_language (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *code = g_settings_get_string (settings, "report-language");

  return *code ? spire_language_from_code (code) : spire_language_current ();
}

GtkWindow *
spire_preferences_present (GtkWindow *parent)
{
  GtkWindow *window = GTK_WINDOW (spire_preferences_window_new ());

  /* Modal: one at a time over its window. */
  gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
  return window;
}
