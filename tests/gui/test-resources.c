/* test-resources.c — every .ui in the GResource loads; every template instantiates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-resources"

#include "config.h"

#include <string.h>

#include "audit/spire-audit-page.h"
#include "audit/spire-innsyn-dialog.h"
#include "preferences/spire-preferences-window.h"
#include "start/spire-first-steps.h"
#include "cohort/spire-answer-row.h"
#include "cohort/spire-application-details.h"
#include "cohort/spire-application-list.h"
#include "cohort/spire-cohort-page.h"
#include "cohort/spire-decision-row.h"
#include "cohort/spire-status-tile.h"
#include "common/spire-decision-dialog.h"
#include "common/spire-reason-dialog.h"
#include "evaluation/spire-application-check-row.h"
#include "evaluation/spire-assign-auto-dialog.h"
#include "evaluation/spire-assign-dialog.h"
#include "evaluation/spire-assign-several-dialog.h"
#include "evaluation/spire-assignment-row.h"
#include "evaluation/spire-conflict-dialog.h"
#include "evaluation/spire-conflict-row.h"
#include "evaluation/spire-criterion-dialog.h"
#include "evaluation/spire-criterion-row.h"
#include "evaluation/spire-evaluation-assignment.h"
#include "evaluation/spire-evaluation-packages.h"
#include "evaluation/spire-evaluation-page.h"
#include "evaluation/spire-evaluation-panel.h"
#include "evaluation/spire-evaluation-reviews.h"
#include "evaluation/spire-evaluation-rubric.h"
#include "evaluation/spire-evaluation-screening.h"
#include "evaluation/spire-gate-row.h"
#include "evaluation/spire-package-row.h"
#include "evaluation/spire-panel-member-dialog.h"
#include "evaluation/spire-panel-member-row.h"
#include "evaluation/spire-review-row.h"
#include "evaluation/spire-rubric-copy-dialog.h"
#include "evaluation/spire-score-row.h"
#include "evaluation/spire-screening-dialog.h"
#include "evaluation/spire-screening-row.h"
#include "evaluation/spire-review-form.h"
#include "evaluator/spire-evaluator-window.h"
#include "followup/spire-deal-card-row.h"
#include "followup/spire-deal-column.h"
#include "followup/spire-deal-move-dialog.h"
#include "followup/spire-deal-new-dialog.h"
/* fu-editor */
#include "followup/spire-deal-editor.h"
#include "followup/spire-deal-gain-dialog.h"
#include "followup/spire-deal-list.h"
#include "followup/spire-deal-phase-dialog.h"
#include "followup/spire-deal-phase-row.h"
/* end fu-editor */
#include "followup/spire-followup-page.h"
#include "followup/spire-program-overview.h"
#include "followup/spire-solution-row.h"
#include "ranking/spire-ranking-list.h"
#include "ranking/spire-ranking-page.h"
#include "ranking/spire-reviews-dialog.h"
#include "gui-fixture.h"
#include "import/spire-csv-import-dialog.h"
#include "import/spire-import-job-dialog.h"
#include "records/spire-records-private.h"
#include "reports/spire-report-dialog.h"
#include "sidebar/spire-sidebar.h"
#include "spire-app.h"
#include "spire-window.h"

#define BASE "/no/spire/Spire/"

static void
collect (const char *path, GPtrArray *out)
{
  g_auto (GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children && children[i]; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect (child, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

/* The class a template file defines, or NULL. */
static char *
template_class (const char *xml)
{
  const char *p = strstr (xml, "<template class=\"");
  const char *end;

  if (p == NULL)
    return NULL;
  p += strlen ("<template class=\"");
  end = strchr (p, '"');
  return g_strndup (p, end - p);
}

static void
test_resources_ui (void)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint n_ui = 0, n_templates = 0;

  /* Types the templates name. */
  g_type_ensure (SPIRE_TYPE_WINDOW);
  g_type_ensure (SPIRE_TYPE_FIRST_STEPS);
  g_type_ensure (SPIRE_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (SPIRE_TYPE_REASON_DIALOG);
  g_type_ensure (SPIRE_TYPE_FOLLOWUP_PAGE);
  g_type_ensure (SPIRE_TYPE_AUDIT_PAGE);
  g_type_ensure (SPIRE_TYPE_INNSYN_DIALOG);
  g_type_ensure (SPIRE_TYPE_DEAL_COLUMN);
  g_type_ensure (SPIRE_TYPE_DEAL_CARD_ROW);
  g_type_ensure (SPIRE_TYPE_DEAL_MOVE_DIALOG);
  g_type_ensure (SPIRE_TYPE_DEAL_NEW_DIALOG);
  g_type_ensure (SPIRE_TYPE_DEAL_EDITOR);
  g_type_ensure (SPIRE_TYPE_DEAL_GAIN_DIALOG);
  g_type_ensure (SPIRE_TYPE_DEAL_LIST);
  g_type_ensure (SPIRE_TYPE_DEAL_PHASE_DIALOG);
  g_type_ensure (SPIRE_TYPE_DEAL_PHASE_ROW);
  g_type_ensure (SPIRE_TYPE_PROGRAM_OVERVIEW);
  g_type_ensure (SPIRE_TYPE_SOLUTION_ROW);
  g_type_ensure (SPIRE_TYPE_REPORT_DIALOG);
  g_type_ensure (SPIRE_TYPE_SIDEBAR);
  g_type_ensure (SPIRE_TYPE_COHORT_PAGE);
  g_type_ensure (SPIRE_TYPE_APPLICATION_LIST);
  g_type_ensure (SPIRE_TYPE_APPLICATION_DETAILS);
  g_type_ensure (SPIRE_TYPE_DECISION_ROW);
  g_type_ensure (SPIRE_TYPE_ANSWER_ROW);
  g_type_ensure (SPIRE_TYPE_STATUS_TILE);
  g_type_ensure (SPIRE_TYPE_DECISION_DIALOG);
  g_type_ensure (SPIRE_TYPE_RANKING_LIST);
  g_type_ensure (SPIRE_TYPE_EVALUATION_PAGE);
  g_type_ensure (SPIRE_TYPE_REVIEW_FORM);
  g_type_ensure (SPIRE_TYPE_APPLICATION_CHECK_ROW);
  g_type_ensure (SPIRE_TYPE_ASSIGN_AUTO_DIALOG);
  g_type_ensure (SPIRE_TYPE_ASSIGN_DIALOG);
  g_type_ensure (SPIRE_TYPE_ASSIGN_SEVERAL_DIALOG);
  g_type_ensure (SPIRE_TYPE_ASSIGNMENT_ROW);
  g_type_ensure (SPIRE_TYPE_CONFLICT_DIALOG);
  g_type_ensure (SPIRE_TYPE_CONFLICT_ROW);
  g_type_ensure (SPIRE_TYPE_CRITERION_DIALOG);
  g_type_ensure (SPIRE_TYPE_CRITERION_ROW);
  g_type_ensure (SPIRE_TYPE_EVALUATION_ASSIGNMENT);
  g_type_ensure (SPIRE_TYPE_EVALUATION_PACKAGES);
  g_type_ensure (SPIRE_TYPE_EVALUATION_PANEL);
  g_type_ensure (SPIRE_TYPE_EVALUATION_REVIEWS);
  g_type_ensure (SPIRE_TYPE_EVALUATION_RUBRIC);
  g_type_ensure (SPIRE_TYPE_EVALUATION_SCREENING);
  g_type_ensure (SPIRE_TYPE_GATE_ROW);
  g_type_ensure (SPIRE_TYPE_PACKAGE_ROW);
  g_type_ensure (SPIRE_TYPE_PANEL_MEMBER_DIALOG);
  g_type_ensure (SPIRE_TYPE_PANEL_MEMBER_ROW);
  g_type_ensure (SPIRE_TYPE_REVIEW_ROW);
  g_type_ensure (SPIRE_TYPE_RUBRIC_COPY_DIALOG);
  g_type_ensure (SPIRE_TYPE_SCORE_ROW);
  g_type_ensure (SPIRE_TYPE_SCREENING_DIALOG);
  g_type_ensure (SPIRE_TYPE_SCREENING_ROW);
  g_type_ensure (SPIRE_TYPE_EVALUATOR_WINDOW);
  g_type_ensure (SPIRE_TYPE_RANKING_PAGE);
  g_type_ensure (SPIRE_TYPE_RECORD_EDITOR);
  g_type_ensure (SPIRE_TYPE_RECORD_LIST_PAGE);
  g_type_ensure (SPIRE_TYPE_REVIEWS_DIALOG);
  g_type_ensure (SPIRE_TYPE_CSV_IMPORT_DIALOG);
  g_type_ensure (SPIRE_TYPE_IMPORT_JOB_DIALOG);

  collect (BASE, files);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *klass = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_str_has_suffix (path, ".ui"))
        continue;
      n_ui++;
      bytes = g_resources_lookup_data (path, 0, &error);
      g_assert_no_error (error);
      xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      klass = template_class (xml);
      g_test_message ("%s: %s", path, klass ? klass : "builder file");

      if (klass)
        {
          GType type = g_type_from_name (klass);
          GObject *object;

          g_assert_true (type != G_TYPE_INVALID);
          g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
          object = g_object_ref_sink (g_object_new (type, NULL));
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          g_object_unref (object);
          n_templates++;
        }
      else
        {
          g_autoptr (GtkBuilder) builder = gtk_builder_new ();
          GSList *objects;

          gtk_builder_add_from_resource (builder, path, &error);
          g_assert_no_error (error);
          objects = gtk_builder_get_objects (builder);
          g_assert_nonnull (objects);
          for (GSList *l = objects; l; l = l->next)
            if (GTK_IS_WINDOW (l->data))
              gtk_window_destroy (GTK_WINDOW (l->data));
          g_slist_free (objects);
        }
    }
  g_assert_cmpuint (n_ui, >=, 4);
  g_assert_cmpuint (n_templates, >=, 3);
}

static void
test_resources_css (void)
{
  g_autoptr (GBytes) css = g_resources_lookup_data (BASE "style.css", 0, NULL);
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  g_assert_nonnull (css);
  /* A parse error would be a warning, and warnings are fatal here. */
  gtk_css_provider_load_from_resource (provider, BASE "style.css");
}

/* Whether a file chooser is still there, shown or hidden. */
static gboolean
has_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (w))
        return TRUE;
    }
  return FALSE;
}

static gboolean
chooser_gone (gpointer data)
{
  return !has_chooser ();
}

static gboolean
has_help_overlay (gpointer window)
{
  return gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL;
}

static void
test_resources_shortcuts (void)
{
  g_autoptr (SpireApp) app = spire_app_new ("no.spire.Spire.ResourceTests",
                                            G_APPLICATION_NON_UNIQUE);
  static const char *const actions[] = {
    "app.quit", "win.open-database", "win.new-database", "win.search", "win.show-help-overlay",
  };
  SpireWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     actions[i]);
      g_assert_nonnull (accels);
      g_assert_nonnull (accels[0]);
    }
  window = spire_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  /* The help overlay (Ctrl+?) is made after the window's first frame. */
  g_assert_true (gui_fixture_wait (has_help_overlay, window, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  /* app.about shows the about window over ours. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gtk_window_destroy (gui_fixture_wait_window (ADW_TYPE_ABOUT_WINDOW));
  /* File → Open asks for a file. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-database", NULL);
  g_assert_nonnull (gui_fixture_wait_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  /* (the window closes its chooser when it goes) */

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (gui_fixture_wait (chooser_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_false (has_chooser ());
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = gui_fixture_isolate ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/resources/ui", test_resources_ui);
  g_test_add_func ("/resources/css", test_resources_css);
  g_test_add_func ("/resources/actions", test_resources_shortcuts);
  return g_test_run ();
}
