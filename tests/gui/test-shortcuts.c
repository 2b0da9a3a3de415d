/* test-shortcuts.c — the Keyboard Shortcuts window lists every key Spire
 * answers to: the application's accelerators and the keys its pages and
 * dialogs bind (F5, Ctrl+M on the ranking, Ctrl+Return to submit a review,
 * Alt+←/→ on the board… were not listed, so no one found them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-shortcuts"

#include "config.h"

#include "cohort/spire-application-list.h"
#include "evaluation/spire-evaluation-reviews.h"
#include "evaluation/spire-review-form.h"
#include "evaluator/spire-evaluator-window.h"
#include "followup/spire-deal-editor.h"
#include "followup/spire-followup-page.h"
#include "gui-fixture.h"
#include "import/spire-csv-import-dialog.h"
#include "import/spire-import-job-dialog.h"
#include "ranking/spire-ranking-page.h"
#include "reports/spire-report-dialog.h"
#include "spire-app.h"

static SpireApp *app;

/* "keyval:modifiers" of a key, as a set key. */
static char *
key_name (guint keyval, GdkModifierType mods)
{
  return g_strdup_printf ("%u:%u", gdk_keyval_to_lower (keyval),
                          (guint) (mods & gtk_accelerator_get_default_mod_mask ()));
}

static void
collect_listed (GtkWidget *widget, GHashTable *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accels = NULL;
      g_auto (GStrv) each = NULL;

      g_object_get (widget, "accelerator", &accels, NULL);
      each = g_strsplit (accels ? accels : "", " ", -1);
      for (guint i = 0; each[i]; i++)
        {
          guint keyval = 0;
          GdkModifierType mods = 0;

          if (each[i][0] == '\0')
            continue;
          g_assert_true (gtk_accelerator_parse (each[i], &keyval, &mods));
          g_hash_table_add (listed, key_name (keyval, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* The keys the Keyboard Shortcuts window lists. */
static GHashTable *
listed_keys (void)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (
    "/no/spire/Spire/spire-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (window);
  collect_listed (GTK_WIDGET (window), listed);
  gtk_window_destroy (window);
  return listed;
}

static void
test_app_accels_listed (void)
{
  g_autoptr (GHashTable) listed = listed_keys ();
  g_auto (GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  g_assert_nonnull (actions[0]);
  for (guint i = 0; actions[i]; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     actions[i]);

      for (guint j = 0; accels[j]; j++)
        {
          guint keyval = 0;
          GdkModifierType mods = 0;
          g_autofree char *key = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          key = key_name (keyval, mods);
          if (!g_hash_table_contains (listed, key))
            g_error ("%s (%s) is not in the Keyboard Shortcuts window", accels[j], actions[i]);
        }
    }
}

/* Every key @widget's class binds is listed. */
static void
assert_class_keys_listed (GtkWidget *widget, GHashTable *listed)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n_keys = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *key = NULL;

          /* Spire binds keys to actions; GTK's own (Tab, Space on the
           * focus, the inspector) are signals and callbacks. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)))
            continue;
          n_keys++;
          key = key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          if (!g_hash_table_contains (listed, key))
            {
              g_autofree char *text = gtk_shortcut_trigger_to_string (trigger);

              g_error ("%s of %s is not in the Keyboard Shortcuts window", text,
                       G_OBJECT_TYPE_NAME (widget));
            }
        }
    }
  g_assert_cmpuint (n_keys, >, 0);
}

static void
test_bound_keys_listed (void)
{
  g_autoptr (GHashTable) listed = listed_keys ();
  GType widgets[] = { SPIRE_TYPE_RANKING_PAGE, SPIRE_TYPE_REVIEW_FORM,
                      SPIRE_TYPE_EVALUATION_REVIEWS, SPIRE_TYPE_FOLLOWUP_PAGE,
                      SPIRE_TYPE_APPLICATION_LIST };
  GType windows[] = { SPIRE_TYPE_EVALUATOR_WINDOW, SPIRE_TYPE_CSV_IMPORT_DIALOG,
                      SPIRE_TYPE_IMPORT_JOB_DIALOG, SPIRE_TYPE_DEAL_EDITOR,
                      SPIRE_TYPE_REPORT_DIALOG };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (widgets[i], NULL));

      assert_class_keys_listed (widget, listed);
      g_object_unref (widget);
    }
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      GtkWindow *window = g_object_new (windows[i], NULL);

      assert_class_keys_listed (GTK_WIDGET (window), listed);
      gtk_window_destroy (window);
    }
  gui_fixture_drain ();
}

int
main (int argc, char **argv)
{
  g_autofree char *tmpdir = NULL;
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.ShortcutsTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/shortcuts/app-accels-listed", test_app_accels_listed);
  g_test_add_func ("/shortcuts/bound-keys-listed", test_bound_keys_listed);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
