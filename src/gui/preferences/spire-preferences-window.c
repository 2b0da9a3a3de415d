/* spire-preferences-window.c — Preferences: a group per feature
 *
 * Every row is bound to its key in the settings (g_settings_bind): the
 * change is the setting, saved at once, with nothing to apply.  Reports:
 * your name (the PDF author) and the report language; Follow-up: the days
 * before a deal is stale.  What core reads from them is handed to core by
 * spire_preferences_watch ().  A feature adds its group to the .ui and
 * binds it in init (HACKING.md, "Preferences").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-preferences"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-preferences-resources.h"
#include "spire-preferences-window.h"

struct _SpirePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template */
  AdwEntryRow *operator_row;
  AdwComboRow *language_row;
  GtkSpinButton *stale_spin;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (SpirePreferencesWindow, spire_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The language row's items, in order: "" is the window's language. */
static const char *const language_codes[] = { "", "nb", "nn", "en" };

static gboolean
language_to_row (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_str_equal (code, language_codes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
language_from_row (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (i < G_N_ELEMENTS (language_codes) ? language_codes[i] : "");
}

/* GObject */

static void
spire_preferences_window_dispose (GObject *object)
{
  SpirePreferencesWindow *self = SPIRE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (spire_preferences_window_parent_class)->dispose (object);
}

static void
spire_preferences_window_class_init (SpirePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_preferences_window_dispose;

  (void) spire_preferences_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/no/spire/Spire/preferences/spire-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpirePreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, SpirePreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, SpirePreferencesWindow, stale_spin);
}

static void
spire_preferences_window_init (SpirePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* its choices whole at 360 px, the title wrapping beside them */
  spire_combo_row_show_value_whole (self->language_row);

  self->settings = g_settings_new (APP_ID);
  /* Reports */
  g_settings_bind (self->settings, "operator-name", self->operator_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "report-language", self->language_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, language_to_row,
                                language_from_row, NULL, NULL);
  /* Follow-up */
  g_settings_bind (self->settings, "stale-deal-days", self->stale_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/* Public API */

SpirePreferencesWindow *
spire_preferences_window_new (void)
{
  return g_object_new (SPIRE_TYPE_PREFERENCES_WINDOW, NULL);
}

GtkWidget *
_spire_preferences_window_get_editor (SpirePreferencesWindow *self, const char *key)
{
  g_return_val_if_fail (SPIRE_IS_PREFERENCES_WINDOW (self), NULL);

  if (g_str_equal (key, "operator-name"))
    return GTK_WIDGET (self->operator_row);
  if (g_str_equal (key, "report-language"))
    return GTK_WIDGET (self->language_row);
  if (g_str_equal (key, "stale-deal-days"))
    return GTK_WIDGET (self->stale_spin);
  g_return_val_if_reached (NULL);
}
