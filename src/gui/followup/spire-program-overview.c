/* spire-program-overview.c — what a program gave: invested, signed, the
 * pipeline, gains and their ratio, its funnel, deals per procedure, and its
 * solutions with their buyers
 *
 * Issue 8's one line: did the open call lead to real agreements?  Every
 * number comes from core: spire_program_impact (read in a worker with
 * spire_program_impact_async, so a program with thousands of deals never
 * freezes the window) and spire_funnel_for_program (one query).  The ratio
 * is realised gains per krone invested, beside the expected one; without
 * an investment the page says where to record it (the cohort's "Invested").
 * On a phone its name is whole, the export button under it
 * (spire_widget_stack_when_narrow; it was "Smart-Oslo Akse-lerator").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "common/spire-error-dialog.h"
#include "common/spire-reload.h"
#include "common/spire-widget.h"
#include "spire-followup-resources.h"
#include "spire-funnel-chart.h"
#include "../reports/spire-report-dialog.h"
#include "spire-program-overview-private.h"
#include "spire-solution-row.h"

struct _SpireProgramOverview
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkSpinner *spinner;
  GtkScrolledWindow *scroller;
  GtkWidget *name_header;
  GtkLabel *name_label;
  GtkLabel *kind_label;
  GtkLabel *invested_label;
  GtkLabel *signed_label;
  GtkLabel *pipeline_label;
  GtkLabel *expected_label;
  GtkLabel *realised_label;
  GtkLabel *ratio_label;
  GtkLabel *ratio_caption;
  GtkWidget *invested_hint;
  GtkWidget *new_cohort_button;
  SpireFunnelChart *funnel;
  GtkWidget *no_deals_label;
  GtkWidget *deals_box;
  GtkListBox *procedures;
  GtkWidget *no_solutions_label;
  GtkListBox *solutions;

  SpireStore *store;
  char *program;
  SpireImpact *impact;
  SpireReload reload; /* the impact, read in core's worker */
};

G_DEFINE_FINAL_TYPE (SpireProgramOverview, spire_program_overview, ADW_TYPE_BIN)

/* Showing what was read */

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_money (GtkLabel *label, gint64 ore, SpireLanguage lang)
{
  g_autofree char *text = spire_format_money (ore, lang);

  gtk_label_set_text (label, text);
}

static void
show_ratio (SpireProgramOverview *self, SpireLanguage lang)
{
  const SpireImpact *impact = self->impact;

  if (isnan (impact->ratio_realised))
    {
      /* TRANSLATORS: no ratio: nothing is recorded as invested */
      gtk_label_set_text (self->ratio_label, _("No ratio"));
      gtk_label_set_text (self->ratio_caption, _("Realised gains per krone invested"));
    }
  else
    {
      g_autofree char *realised = spire_format_number (impact->ratio_realised, 2, lang);
      g_autofree char *expected = spire_format_number (impact->ratio_expected, 2, lang);
      /* TRANSLATORS: the impact ratio beside the expected one */
      g_autofree char *caption = g_strdup_printf (_("Realised gains per krone invested "
                                                    "(expected %s)"), expected);

      gtk_label_set_text (self->ratio_label, realised);
      gtk_label_set_text (self->ratio_caption, caption);
    }
  gtk_widget_set_visible (self->invested_hint, impact->invested <= 0);
}

/* Where to record an investment: the cohorts' menus, or — with no cohort,
 * so no cohort's menu in the sidebar — a first cohort (its editor has the
 * "Invested" field). */
static void
show_invested_hint (SpireProgramOverview *self)
{
  gboolean no_cohorts = spire_store_count (self->store, &spire_kind_cohort, "program",
                                           self->program) == 0;

  if (no_cohorts)
    gtk_label_set_text (GTK_LABEL (self->invested_hint),
                        _("This program has no cohorts yet, so nothing is invested in it. Add "
                          "its first cohort here or with New Cohort… in the program’s menu in "
                          "the sidebar, and record what it cost in its “Invested” field."));
  else
    gtk_label_set_text (GTK_LABEL (self->invested_hint),
                        _("No investment is recorded for this program, so there is no ratio "
                          "yet. Record what each cohort cost in its “Invested” field: choose "
                          "Edit Cohort… in the cohort’s menu in the sidebar."));
  gtk_widget_set_visible (self->new_cohort_button, no_cohorts);
}

typedef struct
{
  const char *code;
  guint n;
} ProcedureCount;

static int
compare_counts (gconstpointer a, gconstpointer b)
{
  const ProcedureCount *x = a, *y = b;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  return g_strcmp0 (x->code, y->code);
}

static void
show_procedures (SpireProgramOverview *self)
{
  const SpireField *field = spire_kind_field (&spire_kind_deal, "procedure");
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (ProcedureCount));
  GHashTableIter iter;
  gpointer key, value;

  remove_rows (self->procedures);
  g_hash_table_iter_init (&iter, self->impact->by_procedure);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ProcedureCount c = { key, GPOINTER_TO_UINT (value) };

      g_array_append_val (counts, c);
    }
  g_array_sort (counts, compare_counts);
  for (guint i = 0; i < counts->len; i++)
    {
      const ProcedureCount *c = &g_array_index (counts, ProcedureCount, i);
      const char *title = *c->code ? spire_field_value_label (field, c->code)
                                   : _("No procedure chosen yet");
      g_autofree char *share = spire_format_number (100.0 * c->n / self->impact->n_deals, 0,
                                                    spire_language_current ());
      g_autofree char *n_text = spire_format_count (c->n, spire_language_current ());
      /* TRANSLATORS: deals of one procedure and their share of the program's, "12 deals · 40 %" */
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%s deal · %s %%",
                                                             "%s deals · %s %%", c->n),
                                                   n_text, share);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "title", title, "subtitle", subtitle,
                                     "activatable", FALSE, NULL);

      gtk_list_box_append (self->procedures, row);
    }
}

static void
show_solutions (SpireProgramOverview *self)
{
  remove_rows (self->solutions);
  for (guint i = 0; i < self->impact->solutions->len; i++)
    gtk_list_box_append (self->solutions,
                         spire_solution_row_new (self->impact->solutions->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->solutions), self->impact->solutions->len > 0);
  gtk_widget_set_visible (self->no_solutions_label, self->impact->solutions->len == 0);
}

static void
show_program (SpireProgramOverview *self, GError **error)
{
  SpireLanguage lang = spire_language_current ();
  g_autoptr (SpireRecord) program = spire_store_get (self->store, &spire_kind_program,
                                                     self->program, error);
  SpireFunnel funnel = { 0 };
  const SpireImpact *impact = self->impact;

  if (program == NULL)
    return;
  gtk_label_set_text (self->name_label, spire_record_get_display_name (program));
  gtk_label_set_text (self->kind_label,
                      spire_field_value_label (spire_kind_field (&spire_kind_program, "kind"),
                                               spire_record_get_text (program, "kind")));
  set_money (self->invested_label, impact->invested, lang);
  set_money (self->signed_label, impact->signed_value, lang);
  set_money (self->pipeline_label, impact->weighted_pipeline, lang);
  set_money (self->expected_label, impact->gains_expected, lang);
  set_money (self->realised_label, impact->gains_realised, lang);
  show_ratio (self, lang);
  show_invested_hint (self);
  if (!spire_funnel_for_program (self->store, self->program, &funnel, error))
    return;
  spire_funnel_chart_set_funnel (self->funnel, &funnel);
  gtk_widget_set_visible (self->no_deals_label, impact->n_deals == 0);
  gtk_widget_set_visible (self->deals_box, impact->n_deals > 0);
  show_procedures (self);
  show_solutions (self);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

/* Loading */

static void
on_impact_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireProgramOverview *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireImpact) impact = spire_program_impact_finish (SPIRE_STORE (source), result,
                                                                &error);

  if (!spire_reload_finish (&self->reload, error))
    {
      g_object_unref (self);
      return;
    }
  gtk_spinner_stop (self->spinner);
  if (impact != NULL && self->store && self->program)
    {
      g_clear_pointer (&self->impact, spire_impact_free);
      self->impact = g_steal_pointer (&impact);
      show_program (self, &error);
    }
  if (error != NULL && !g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
    spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Program"), error);
  g_object_unref (self);
}

static void
reload (SpireProgramOverview *self)
{
  spire_reload_stop (&self->reload);
  if (self->store == NULL || self->program == NULL)
    return;
  if (self->impact == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  spire_program_impact_async (self->store, self->program, spire_reload_start (&self->reload),
                              on_impact_cb, g_object_ref (self));
}

static void
reload_cb (gpointer self)
{
  reload (self);
}

static void
on_store_changed_cb (SpireStore *store, const char *table, SpireProgramOverview *self)
{
  if (self->program != NULL)
    spire_reload_queue (&self->reload);
}

static void
reload_action (GtkWidget *widget, const char *name, GVariant *param)
{
  reload (SPIRE_PROGRAM_OVERVIEW (widget));
}

/* Reports: the impact report, a solution's reference sheet (src/gui/reports/) */

static void
export_impact_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireProgramOverview *self = SPIRE_PROGRAM_OVERVIEW (widget);
  SpireReportDialog *dialog;

  if (self->store == NULL || self->program == NULL)
    return;
  dialog = spire_report_dialog_new (widget, self->store, SPIRE_REPORT_KIND_IMPACT, self->program,
                                    gtk_label_get_text (self->name_label));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @param: the solution's UUID (its row's button). */
static void
export_reference_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireProgramOverview *self = SPIRE_PROGRAM_OVERVIEW (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  const char *solution = NULL;
  SpireReportDialog *dialog;

  if (self->store == NULL)
    return;
  for (guint i = 0; self->impact && i < self->impact->solutions->len; i++)
    {
      const SpireSolutionReach *reach = self->impact->solutions->pdata[i];

      if (g_strcmp0 (reach->uuid, uuid) == 0)
        solution = reach->name;
    }
  dialog = spire_report_dialog_new (widget, self->store, SPIRE_REPORT_KIND_REFERENCE, uuid,
                                    solution);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Class */

static void
spire_program_overview_dispose (GObject *object)
{
  SpireProgramOverview *self = SPIRE_PROGRAM_OVERVIEW (object);

  spire_reload_stop (&self->reload);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->impact, spire_impact_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_PROGRAM_OVERVIEW);
  G_OBJECT_CLASS (spire_program_overview_parent_class)->dispose (object);
}

static void
spire_program_overview_finalize (GObject *object)
{
  g_free (SPIRE_PROGRAM_OVERVIEW (object)->program);
  G_OBJECT_CLASS (spire_program_overview_parent_class)->finalize (object);
}

static void
spire_program_overview_class_init (SpireProgramOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_program_overview_dispose;
  object_class->finalize = spire_program_overview_finalize;

  g_type_ensure (SPIRE_TYPE_FUNNEL_CHART);
  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/no/spire/Spire/followup/spire-program-overview.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpireProgramOverview, name)
  BIND (stack);
  BIND (spinner);
  BIND (scroller);
  BIND (name_header);
  BIND (name_label);
  BIND (kind_label);
  BIND (invested_label);
  BIND (signed_label);
  BIND (pipeline_label);
  BIND (expected_label);
  BIND (realised_label);
  BIND (ratio_label);
  BIND (ratio_caption);
  BIND (invested_hint);
  BIND (new_cohort_button);
  BIND (funnel);
  BIND (no_deals_label);
  BIND (deals_box);
  BIND (procedures);
  BIND (no_solutions_label);
  BIND (solutions);
#undef BIND

  gtk_widget_class_install_action (widget_class, "program.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "program.export-impact", NULL,
                                   export_impact_action);
  gtk_widget_class_install_action (widget_class, "program.export-reference", "s",
                                   export_reference_action);
}

static void
spire_program_overview_init (SpireProgramOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  spire_reload_init (&self->reload, reload_cb, self);
  /* its name whole on a phone, the export button under it */
  spire_widget_stack_when_narrow (self->name_header);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API */

GtkWidget *
spire_program_overview_new (void)
{
  return g_object_new (SPIRE_TYPE_PROGRAM_OVERVIEW, NULL);
}

void
spire_program_overview_set_store (SpireProgramOverview *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_PROGRAM_OVERVIEW (self));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  spire_program_overview_set_program (self, NULL);
}

void
spire_program_overview_set_program (SpireProgramOverview *self, const char *program_uuid)
{
  g_return_if_fail (SPIRE_IS_PROGRAM_OVERVIEW (self));

  if (g_strcmp0 (self->program, program_uuid) == 0)
    return;
  g_free (self->program);
  self->program = g_strdup (program_uuid);
  g_clear_pointer (&self->impact, spire_impact_free);
  /* Another program starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  reload (self);
}

const char *
spire_program_overview_get_program (SpireProgramOverview *self)
{
  g_return_val_if_fail (SPIRE_IS_PROGRAM_OVERVIEW (self), NULL);
  return self->program;
}

gboolean
spire_program_overview_is_loading (SpireProgramOverview *self)
{
  g_return_val_if_fail (SPIRE_IS_PROGRAM_OVERVIEW (self), FALSE);
  return spire_reload_is_busy (&self->reload);
}

const SpireImpact *
spire_program_overview_get_impact (SpireProgramOverview *self)
{
  g_return_val_if_fail (SPIRE_IS_PROGRAM_OVERVIEW (self), NULL);
  return self->impact;
}

/* Private API */

const char *
_spire_program_overview_get_number (SpireProgramOverview *self, const char *key)
{
  static const char *const keys[] = { "invested", "signed", "pipeline", "expected", "realised",
                                      "ratio" };
  GtkLabel *labels[] = { self->invested_label, self->signed_label, self->pipeline_label,
                         self->expected_label, self->realised_label, self->ratio_label };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return gtk_label_get_text (labels[i]);
  return NULL;
}

SpireSolutionRow *
_spire_program_overview_find_solution (SpireProgramOverview *self, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->solutions)); child;
       child = gtk_widget_get_next_sibling (child))
    if (SPIRE_IS_SOLUTION_ROW (child) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), name) == 0)
      return SPIRE_SOLUTION_ROW (child);
  return NULL;
}

guint
_spire_program_overview_count_procedures (SpireProgramOverview *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->procedures)); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

gboolean
_spire_program_overview_get_hint_visible (SpireProgramOverview *self)
{
  return gtk_widget_get_visible (self->invested_hint);
}

gboolean
_spire_program_overview_get_no_deals_visible (SpireProgramOverview *self)
{
  return gtk_widget_get_visible (self->no_deals_label);
}
