/* spire-evaluation-page.c — the cohort's rubric, panel, conflicts of interest, assignments and reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-evaluation-page.h"
#include "spire-evaluation-page-private.h"
#include "spire-evaluation-resources.h"
#include "spire-evaluation-util.h"
#include "spire-review-form.h"

struct _SpireEvaluationPage
{
  AdwBin parent_instance;

  GtkRevealer *busy_revealer;
  GtkSpinner *busy_spinner;
  GtkLabel *busy_label;
  GtkStack *stack;
  AdwPreferencesPage *prefs_page;
  GtkWidget *create_rubric_button;
  AdwActionRow *frozen_row;
  GtkWidget *scale_row;
  GtkSpinButton *scale_min_spin;
  GtkSpinButton *scale_max_spin;
  AdwComboRow *aggregation_row;
  AdwComboRow *normalisation_row;
  GtkWidget *threshold_row;
  GtkSpinButton *threshold_spin;
  AdwPreferencesGroup *rubric_group;
  AdwPreferencesGroup *criteria_group;
  GtkListBox *criteria_list;
  GtkListBox *panel_list;
  GtkListBox *conflicts_list;
  AdwActionRow *assignment_row;
  AdwPreferencesGroup *screening_group;
  GtkListBox *screening_list;
  GtkListBox *hand_list;
  AdwComboRow *hand_app_row;
  GtkListBox *offline_list;
  GtkListBox *reviews_list;
  AdwComboRow *score_as_row;
  GtkLabel *review_heading;
  SpireReviewForm *review_form;

  SpireStore *store;
  SpireCohort *cohort;
  SpireRecord *rubric;       /* or NULL */
  GPtrArray *criteria;       /* SpireCriterion */
  GPtrArray *panel;          /* SpireEvaluator */
  GPtrArray *scorers;        /* SpireEvaluator: chairs and members, as in score_as_row */
  char *score_as;            /* evaluator uuid */
  char *assignment_summary;
  char *screening_summary;
  GPtrArray *assignable;     /* SpireApplication: in hand_app_row's order */
  char *hand_app;            /* application uuid chosen for assignment by hand */
  gboolean loading;
  gboolean busy;             /* a worker has the database: everything waits */
  guint reload_id;
  AdwMessageDialog *dialog;
};

G_DEFINE_FINAL_TYPE (SpireEvaluationPage, spire_evaluation_page, ADW_TYPE_BIN)

static void reload (SpireEvaluationPage *self);

/* Helpers */

static const SpireEnumValue *
enum_values (const SpireKind *kind, const char *field)
{
  return spire_kind_field (kind, field)->values;
}

static GtkStringList *
enum_model (const SpireEnumValue *values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (const SpireEnumValue *v = values; v->value; v++)
    gtk_string_list_append (list, _(v->label));
  return list;
}

static guint
enum_index (const SpireEnumValue *values, const char *value)
{
  for (guint i = 0; values[i].value; i++)
    if (g_strcmp0 (values[i].value, value) == 0)
      return i;
  return 0;
}

static const char *
enum_label (const SpireKind *kind, const char *field, const char *value)
{
  const char *label = value ? spire_field_value_label (spire_kind_field (kind, field), value)
                            : NULL;

  return label ? _(label) : "";
}

static const char *
cohort_uuid (SpireEvaluationPage *self)
{
  return self->cohort ? spire_record_get_uuid (SPIRE_RECORD (self->cohort)) : NULL;
}

static void
show_error (SpireEvaluationPage *self, const char *heading, const GError *error)
{
  _spire_evaluation_show_error (GTK_WIDGET (self), heading, error);
}

static void
toast (SpireEvaluationPage *self, const char *text)
{
  _spire_evaluation_toast (GTK_WIDGET (self), text);
}

static AdwMessageDialog *
new_dialog (SpireEvaluationPage *self, const char *heading, const char *body,
            const char *response, const char *label, AdwResponseAppearance appearance)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->dialog, dialog);
  return dialog;
}

static void
present (AdwMessageDialog *dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
dialog_list (AdwMessageDialog *dialog)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (dialog, list);
  return list;
}

static GtkWidget *
dialog_field (AdwMessageDialog *dialog, const char *name)
{
  return g_object_get_data (G_OBJECT (dialog), name);
}

static GtkWidget *
add_entry_field (AdwMessageDialog *dialog, GtkWidget *list, const char *name, const char *title,
                 const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), name, row);
  return row;
}

static GtkWidget *
add_combo_field (AdwMessageDialog *dialog, GtkWidget *list, const char *name, const char *title,
                 GtkStringList *model, guint selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (model)))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_unref (model);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), name, row);
  return row;
}

static GtkWidget *
add_spin_field (AdwMessageDialog *dialog, GtkWidget *list, const char *name, const char *title,
                double lower, double upper, double step, guint digits, double value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), name, spin);
  return spin;
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static guint
combo_selected (GtkWidget *combo)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (combo));
}

static SpireRecord *
find_in (GPtrArray *array, const char *uuid)
{
  for (guint i = 0; array && i < array->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (array->pdata[i]), uuid) == 0)
      return array->pdata[i];
  return NULL;
}

static char *
evaluator_name (SpireEvaluationPage *self, const char *evaluator_uuid)
{
  char *name = spire_evaluator_get_name (self->store, evaluator_uuid);

  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("Unknown person"));
    }
  return name;
}

static char *
startup_name (SpireEvaluationPage *self, const char *startup_uuid)
{
  g_autoptr (SpireRecord) s = startup_uuid ? spire_store_get (self->store, &spire_kind_startup,
                                                              startup_uuid, NULL)
                                           : NULL;

  return g_strdup (s ? spire_record_get_display_name (s) : "");
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static GtkWidget *
text_button (const char *label, const char *action, const char *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static gboolean
is_frozen (SpireEvaluationPage *self)
{
  return self->rubric != NULL && spire_rubric_is_frozen (self->rubric);
}

/* Loading */

static void
load_rubric (SpireEvaluationPage *self)
{
  gboolean has = self->rubric != NULL;
  gboolean frozen = is_frozen (self);

  gtk_widget_set_visible (self->create_rubric_button, !has);
  gtk_widget_set_visible (self->scale_row, has);
  gtk_widget_set_visible (GTK_WIDGET (self->aggregation_row), has);
  gtk_widget_set_visible (GTK_WIDGET (self->normalisation_row), has);
  gtk_widget_set_visible (self->threshold_row, has);
  gtk_widget_set_visible (GTK_WIDGET (self->frozen_row), frozen);
  adw_preferences_group_set_description (
    self->rubric_group,
    has ? NULL : _("This cohort has no rubric yet. Create one with the usual settings, or copy "
                   "the rubric of another cohort."));

  if (has)
    {
      gtk_spin_button_set_value (self->scale_min_spin,
                                 (double) spire_record_get_int (self->rubric, "scale_min"));
      gtk_spin_button_set_value (self->scale_max_spin,
                                 (double) spire_record_get_int (self->rubric, "scale_max"));
      adw_combo_row_set_selected (
        self->aggregation_row,
        enum_index (enum_values (&spire_kind_rubric, "aggregation"),
                    spire_record_get_text (self->rubric, "aggregation")));
      adw_combo_row_set_selected (
        self->normalisation_row,
        enum_index (enum_values (&spire_kind_rubric, "normalisation"),
                    spire_record_get_text (self->rubric, "normalisation")));
      gtk_spin_button_set_value (self->threshold_spin,
                                 spire_record_is_null (self->rubric, "disagreement_threshold")
                                   ? SPIRE_DEFAULT_DISAGREEMENT_THRESHOLD
                                   : spire_record_get_real (self->rubric,
                                                            "disagreement_threshold"));
    }
  if (frozen)
    {
      const char *at = spire_record_get_text (self->rubric, "frozen_at");
      g_autofree char *day = g_strndup (at, 10);
      g_autofree char *date = spire_format_date (day, spire_language_current ());
      g_autofree char *title = g_strdup_printf (_("Frozen since %s"), date ? date : day);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->frozen_row), title);
      adw_action_row_set_subtitle (self->frozen_row,
                                   _("Reviews have been submitted: the scale and the criteria "
                                     "can no longer change."));
    }
  gtk_widget_set_sensitive (self->scale_row, has && !frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->aggregation_row), has && !frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->normalisation_row), has && !frozen);
}

static void
load_criteria (SpireEvaluationPage *self)
{
  gboolean frozen = is_frozen (self);

  _spire_evaluation_clear_list (self->criteria_list);
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_group), self->rubric != NULL);
  if (self->criteria == NULL || self->criteria->len == 0)
    {
      gtk_list_box_append (self->criteria_list, placeholder_row (_("No criteria yet")));
      return;
    }
  for (guint i = 0; i < self->criteria->len; i++)
    {
      SpireRecord *c = self->criteria->pdata[i];
      const char *uuid = spire_record_get_uuid (c);
      const char *guidance = spire_record_get_text (c, "guidance");
      g_autofree char *weight = spire_format_number (spire_record_get_real (c, "weight"), 1,
                                                     spire_language_current ());
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up, *down;

      /* Translators: weight, kind of criterion and its guidance */
      subtitle = g_strdup_printf (_("Weight %s · %s%s%s"), weight,
                                  enum_label (&spire_kind_criterion, "kind",
                                              spire_record_get_text (c, "kind")),
                                  guidance ? " · " : "", guidance ? guidance : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spire_record_get_display_name (c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      up = icon_button ("go-up-symbolic", _("Move Up"), "evaluation.move-criterion-up", uuid);
      down = icon_button ("go-down-symbolic", _("Move Down"), "evaluation.move-criterion-down",
                          uuid);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < self->criteria->len);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-edit-symbolic", _("Edit…"),
                                              "evaluation.edit-criterion", uuid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", _("Remove"),
                                              "evaluation.remove-criterion", uuid));
      gtk_widget_set_sensitive (row, !frozen);
      g_object_set_data_full (G_OBJECT (row), "spire-uuid", g_strdup (uuid), g_free);
      gtk_list_box_append (self->criteria_list, row);
    }
}

typedef struct
{
  guint assigned;
  guint submitted;
} Load;

static Load
evaluator_load (SpireEvaluationPage *self, const char *evaluator_uuid)
{
  g_autoptr (GPtrArray) assignments = spire_store_list (self->store, &spire_kind_assignment,
                                                        "evaluator", evaluator_uuid, NULL);
  Load load = { 0, 0 };

  for (guint i = 0; assignments && i < assignments->len; i++)
    {
      const char *state = spire_record_get_text (assignments->pdata[i], "state");

      if (g_strcmp0 (state, "declined") == 0)
        continue;
      load.assigned++;
      if (g_strcmp0 (state, "submitted") == 0)
        load.submitted++;
    }
  return load;
}

static void
on_role_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireEvaluationPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "spire-uuid");
  const SpireEnumValue *roles = enum_values (&spire_kind_evaluator, "role");
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  if (!spire_panel_set_role (self->store, uuid, roles[adw_combo_row_get_selected (row)].value,
                             &error))
    {
      show_error (self, _("The Role Could Not Be Changed"), error);
      reload (self);
    }
}

static void
load_panel (SpireEvaluationPage *self)
{
  const SpireEnumValue *roles = enum_values (&spire_kind_evaluator, "role");
  guint n_scorers = 0, lo = G_MAXUINT, hi = 0;
  g_autofree char *loads = NULL;

  _spire_evaluation_clear_list (self->panel_list);
  _spire_evaluation_clear_list (self->offline_list);
  if (self->panel == NULL || self->panel->len == 0)
    {
      gtk_list_box_append (self->panel_list, placeholder_row (_("No panel members yet")));
      gtk_list_box_append (self->offline_list, placeholder_row (_("No panel members yet")));
    }
  for (guint i = 0; self->panel && i < self->panel->len; i++)
    {
      SpireRecord *ev = self->panel->pdata[i];
      const char *uuid = spire_record_get_uuid (ev);
      const char *role = spire_record_get_text (ev, "role");
      g_autofree char *name = evaluator_name (self, uuid);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_combo_row_new ();
      Load load = evaluator_load (self, uuid);
      GtkWidget *progress;

      if (g_strcmp0 (role, "observer") == 0)
        subtitle = g_strdup (_("Observes; does not score"));
      else
        {
          /* Translators: a panel member's progress */
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u review submitted",
                                                   "%u of %u reviews submitted", load.assigned),
                                      load.submitted, load.assigned);
          n_scorers++;
          lo = MIN (lo, load.assigned);
          hi = MAX (hi, load.assigned);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (enum_model (roles)));
      g_object_unref (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), enum_index (roles, role));
      g_object_set_data_full (G_OBJECT (row), "spire-uuid", g_strdup (uuid), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_role_selected_cb), self, 0);
      if (load.assigned > 0)
        {
          progress = gtk_level_bar_new_for_interval (0, load.assigned);
          gtk_level_bar_set_value (GTK_LEVEL_BAR (progress), load.submitted);
          gtk_widget_set_size_request (progress, 80, -1);
          gtk_widget_set_valign (progress, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), progress);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", _("Remove from Panel"),
                                              "evaluation.remove-member", uuid));
      gtk_list_box_append (self->panel_list, row);

      /* Offline packages */
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (g_strcmp0 (role, "observer") == 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Observers get no package"));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   text_button (_("_Export Evaluation Package…"),
                                                "evaluation.export-package", uuid));
      gtk_list_box_append (self->offline_list, row);
    }

  g_clear_pointer (&self->assignment_summary, g_free);
  if (n_scorers == 0)
    self->assignment_summary = g_strdup (_("No panel members who score"));
  else if (lo == hi)
    {
      /* Translators: "4 members, 20 applications each" */
      g_autofree char *members = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_scorers), n_scorers);
      self->assignment_summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s, %u application each", "%s, %u applications each", hi),
        members, hi);
    }
  else
    {
      g_autofree char *members = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_scorers), n_scorers);
      /* Translators: "4 members, 20–21 applications each" */
      self->assignment_summary = g_strdup_printf (_("%s, %u–%u applications each"), members, lo,
                                                  hi);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->assignment_row),
                                 self->assignment_summary);
  adw_action_row_set_subtitle (self->assignment_row,
                               _("Observers are never assigned, nor anyone with a conflict of "
                                 "interest."));
}

static void
load_conflicts (SpireEvaluationPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = spire_conflicts_list (self->store, cohort_uuid (self), &error);
  guint n = 0;

  _spire_evaluation_clear_list (self->conflicts_list);
  /* Pending first, then the others. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; conflicts && i < conflicts->len; i++)
      {
        SpireRecord *c = conflicts->pdata[i];
        const char *uuid = spire_record_get_uuid (c);
        gboolean dismissed = !spire_record_is_null (c, "dismissed_at");
        gboolean pending = !dismissed && !spire_record_get_bool (c, "confirmed");
        g_autofree char *member = evaluator_name (self, spire_record_get_text (c, "evaluator"));
        g_autofree char *party = NULL;
        g_autofree char *title = NULL;
        g_autofree char *subtitle = NULL;
        const char *reason = spire_record_get_text (c, "reason");
        GtkWidget *row;

        if ((pass == 0) != pending)
          continue;
        if (spire_record_get_text (c, "application"))
          {
            g_autoptr (SpireRecord) app = spire_store_get (
              self->store, &spire_kind_application, spire_record_get_text (c, "application"), NULL);
            party = g_strdup (app ? spire_record_get_display_name (app) : "");
          }
        else
          party = startup_name (self, spire_record_get_text (c, "startup"));
        /* Translators: panel member — application or startup */
        title = g_strdup_printf (_("%s — %s"), member, party);
        if (pending)
          subtitle = g_strdup_printf (_("Detected: %s"), reason ? reason : "");
        else if (dismissed)
          subtitle = g_strdup_printf (_("Dismissed: %s"),
                                      spire_record_get_text (c, "dismiss_reason")
                                        ? spire_record_get_text (c, "dismiss_reason")
                                        : "");
        else
          subtitle = g_strdup_printf ("%s · %s · %s",
                                      enum_label (&spire_kind_conflict, "origin",
                                                  spire_record_get_text (c, "origin")),
                                      enum_label (&spire_kind_conflict, "kind",
                                                  spire_record_get_text (c, "kind")),
                                      reason ? reason : "");
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        if (pending)
          {
            adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       text_button (_("_Confirm"), "evaluation.confirm-conflict",
                                                    uuid));
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       text_button (_("_Dismiss…"), "evaluation.dismiss-conflict",
                                                    uuid));
          }
        else if (dismissed)
          gtk_widget_add_css_class (row, "dim-label");
        gtk_list_box_append (self->conflicts_list, row);
        n++;
      }
  if (n == 0)
    gtk_list_box_append (self->conflicts_list,
                         placeholder_row (_("No conflicts of interest on record")));
}

static void
load_reviews (SpireEvaluationPage *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;
  GtkWidget *child;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every row but the "Score as" one. */
  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->score_as_row))) != NULL)
    gtk_list_box_remove (self->reviews_list, child);

  g_clear_pointer (&self->scorers, g_ptr_array_unref);
  self->scorers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->panel && i < self->panel->len; i++)
    {
      SpireRecord *ev = self->panel->pdata[i];
      g_autofree char *name = NULL;

      if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
        continue;
      name = evaluator_name (self, spire_record_get_uuid (ev));
      if (g_strcmp0 (spire_record_get_uuid (ev), self->score_as) == 0)
        selected = self->scorers->len;
      g_ptr_array_add (self->scorers, g_object_ref (ev));
      gtk_string_list_append (names, name);
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->scorers->len > 0)
    selected = 0;
  g_free (self->score_as);
  self->score_as = selected != GTK_INVALID_LIST_POSITION
                     ? g_strdup (spire_record_get_uuid (self->scorers->pdata[selected]))
                     : NULL;
  adw_combo_row_set_model (self->score_as_row, G_LIST_MODEL (names));
  g_object_unref (names);
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->score_as_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->score_as_row), self->scorers->len > 0);

  if (self->score_as == NULL)
    {
      gtk_list_box_append (self->reviews_list,
                           placeholder_row (_("Add panel members who score first")));
      return;
    }
  if (self->rubric == NULL)
    {
      gtk_list_box_append (self->reviews_list, placeholder_row (_("Create the rubric first")));
      return;
    }
  apps = spire_panel_list_visible_applications (self->store, self->score_as, NULL);
  reviews = spire_store_list (self->store, &spire_kind_review, "evaluator", self->score_as, NULL);
  for (guint i = 0; reviews && i < reviews->len; i++)
    g_hash_table_insert (states, (gpointer) spire_record_get_text (reviews->pdata[i], "application"),
                         (gpointer) spire_record_get_text (reviews->pdata[i], "state"));
  if (apps == NULL || apps->len == 0)
    gtk_list_box_append (self->reviews_list,
                         placeholder_row (_("No applications assigned to this member")));
  for (guint i = 0; apps && i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      const char *uuid = spire_record_get_uuid (app);
      const char *state = g_hash_table_lookup (states, uuid);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spire_record_get_display_name (app));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   state == NULL ? _("Not started")
                                   : g_strcmp0 (state, "submitted") == 0 ? _("Submitted")
                                                                         : _("Draft"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "evaluation.open-review");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uuid);
      gtk_list_box_append (self->reviews_list, row);
    }
}

/* Screening: eligibility gates answered by the office */

static GPtrArray *
gate_criteria (SpireEvaluationPage *self)
{
  GPtrArray *gates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->criteria && i < self->criteria->len; i++)
    if (g_strcmp0 (spire_record_get_text (self->criteria->pdata[i], "kind"), "gate") == 0)
      g_ptr_array_add (gates, g_object_ref (self->criteria->pdata[i]));
  return gates;
}

static int
compare_by_title (gconstpointer a, gconstpointer b)
{
  SpireRecord *ra = *(SpireRecord **) a;
  SpireRecord *rb = *(SpireRecord **) b;

  return spire_collate (spire_record_get_display_name (ra), spire_record_get_display_name (rb));
}

/* The cohort's applications but the withdrawn ones, by title. */
static GPtrArray *
cohort_applications (SpireEvaluationPage *self, gboolean assignable_only)
{
  g_autoptr (GPtrArray) all = spire_store_list (self->store, &spire_kind_application, "cohort",
                                                cohort_uuid (self), NULL);
  GPtrArray *apps = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all && i < all->len; i++)
    {
      const char *status = spire_record_get_text (all->pdata[i], "status");

      if (g_strcmp0 (status, "withdrawn") == 0 ||
          (assignable_only && g_strcmp0 (status, "ineligible") == 0))
        continue;
      g_ptr_array_add (apps, g_object_ref (all->pdata[i]));
    }
  g_ptr_array_sort (apps, compare_by_title);
  return apps;
}

static gboolean
can_screen (SpireRecord *app)
{
  const char *status = spire_record_get_text (app, "status");

  return g_strcmp0 (status, "received") == 0 || g_strcmp0 (status, "in_review") == 0;
}

static void
load_screening (SpireEvaluationPage *self)
{
  g_autoptr (GPtrArray) gates = gate_criteria (self);
  g_autoptr (GPtrArray) apps = NULL;
  guint n_screened = 0, n_ineligible = 0;

  _spire_evaluation_clear_list (self->screening_list);
  g_clear_pointer (&self->screening_summary, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->screening_group), gates->len > 0);
  if (gates->len == 0)
    return;
  apps = cohort_applications (self, FALSE);
  if (apps->len == 0)
    gtk_list_box_append (self->screening_list, placeholder_row (_("No applications yet")));
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      const char *uuid = spire_record_get_uuid (app);
      g_autoptr (GPtrArray) answers = spire_screening_list_answers (self->store, uuid, NULL);
      g_autofree char *startup = startup_name (self, spire_record_get_text (app, "startup"));
      gboolean ineligible = g_strcmp0 (spire_record_get_text (app, "status"), "ineligible") == 0;
      GString *subtitle = g_string_new (startup);
      guint n_answered = 0;
      GtkWidget *row = adw_action_row_new ();

      for (guint g = 0; g < gates->len; g++)
        {
          const char *gate = spire_record_get_uuid (gates->pdata[g]);
          const char *state = _("not answered");

          for (guint a = 0; answers && a < answers->len; a++)
            {
              SpireScreeningAnswer *answer = answers->pdata[a];

              if (g_strcmp0 (answer->criterion, gate) == 0)
                {
                  state = answer->passed ? _("passed") : _("failed");
                  n_answered++;
                }
            }
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: a gate criterion and its state, e.g. "Norwegian company: passed" */
          g_string_append_printf (subtitle, _("%s: %s"),
                                  spire_record_get_display_name (gates->pdata[g]), state);
        }
      if (ineligible || n_answered == gates->len)
        n_screened++;
      if (ineligible)
        n_ineligible++;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spire_record_get_display_name (app));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      g_string_free (subtitle, TRUE);
      if (ineligible)
        {
          adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "action-unavailable-symbolic");
          gtk_widget_set_tooltip_text (row, _("Ineligible"));
        }
      else if (n_answered == gates->len)
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "emblem-ok-symbolic");
      if (can_screen (app))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "evaluation.screen");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uuid);
        }
      g_object_set_data_full (G_OBJECT (row), "spire-uuid", g_strdup (uuid), g_free);
      gtk_list_box_append (self->screening_list, row);
    }
  /* Translators: "12 of 25 screened, 2 ineligible" */
  self->screening_summary = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u of %u screened, %u ineligible",
                 "%u of %u screened, %u ineligible", apps->len),
    n_screened, apps->len, n_ineligible);
  adw_preferences_group_set_description (self->screening_group, self->screening_summary);
}

static void
update_screen_dialog (AdwMessageDialog *dialog)
{
  GPtrArray *gates = g_object_get_data (G_OBJECT (dialog), "spire-gates");
  gboolean ok = FALSE;

  for (guint i = 0; i < gates->len; i++)
    {
      const char *gate = spire_record_get_uuid (gates->pdata[i]);
      g_autofree char *key_pass = g_strconcat ("pass:", gate, NULL);
      g_autofree char *key_fail = g_strconcat ("fail:", gate, NULL);
      g_autofree char *key_note = g_strconcat ("note:", gate, NULL);
      g_autofree char *note = entry_text (dialog_field (dialog, key_note));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dialog_field (dialog, key_fail))))
        {
          if (note[0] == '\0')
            {
              ok = FALSE;
              break;
            }
          ok = TRUE;
        }
      else if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dialog_field (dialog, key_pass))))
        ok = TRUE;
    }
  adw_message_dialog_set_response_enabled (dialog, "save", ok);
}

static gboolean
save_answer (SpireEvaluationPage *self, const char *app_uuid, GPtrArray *answers,
             const char *gate, gboolean passed, const char *note, GError **error)
{
  /* An answer that did not change is not given again. */
  for (guint a = 0; answers && a < answers->len; a++)
    {
      SpireScreeningAnswer *answer = answers->pdata[a];

      if (g_strcmp0 (answer->criterion, gate) == 0 && answer->passed == passed &&
          g_strcmp0 (answer->note ? answer->note : "", note) == 0)
        return TRUE;
    }
  return spire_screening_answer (self->store, app_uuid, gate, passed, note[0] ? note : NULL,
                                 error);
}

static void
on_screen_response_cb (AdwMessageDialog *dialog, const char *response, SpireEvaluationPage *self)
{
  GPtrArray *gates = g_object_get_data (G_OBJECT (dialog), "spire-gates");
  const char *app_uuid = g_object_get_data (G_OBJECT (dialog), "spire-uuid");
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (GError) error = NULL;
  SpireRecord *failed = NULL;
  g_autofree char *failed_note = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  answers = spire_screening_list_answers (self->store, app_uuid, NULL);
  /* The passed gates first: a failed one makes the application ineligible,
   * and an ineligible application is no longer screened. */
  for (guint i = 0; i < gates->len && error == NULL; i++)
    {
      const char *gate = spire_record_get_uuid (gates->pdata[i]);
      g_autofree char *key_pass = g_strconcat ("pass:", gate, NULL);
      g_autofree char *key_fail = g_strconcat ("fail:", gate, NULL);
      g_autofree char *key_note = g_strconcat ("note:", gate, NULL);
      g_autofree char *note = entry_text (dialog_field (dialog, key_note));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dialog_field (dialog, key_fail))))
        {
          if (failed == NULL)
            {
              failed = gates->pdata[i];
              failed_note = g_steal_pointer (&note);
            }
        }
      else if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dialog_field (dialog, key_pass))))
        save_answer (self, app_uuid, answers, gate, TRUE, note, &error);
    }
  if (error == NULL && failed != NULL)
    save_answer (self, app_uuid, answers, spire_record_get_uuid (failed), FALSE, failed_note,
                 &error);
  if (error != NULL)
    {
      AdwMessageDialog *shown = _spire_evaluation_show_error (
        GTK_WIDGET (self), _("The Screening Could Not Be Saved"), error);
      g_set_weak_pointer (&self->dialog, shown);
    }
  else if (failed != NULL)
    {
      g_autofree char *text = NULL;

      app = spire_store_get (self->store, &spire_kind_application, app_uuid, NULL);
      /* Translators: an application and the eligibility gate it failed */
      text = g_strdup_printf (_("“%s” is ineligible: %s"),
                              app ? spire_record_get_display_name (app) : "",
                              spire_record_get_display_name (failed));
      toast (self, text);
    }
  else
    toast (self, _("Screening saved"));
  reload (self);
}

static void
on_screen_toggled_cb (GtkToggleButton *button, AdwMessageDialog *dialog)
{
  update_screen_dialog (dialog);
}

static void
on_screen_note_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  update_screen_dialog (dialog);
}

static void
screen_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  const char *app_uuid = g_variant_get_string (param, NULL);
  g_autoptr (SpireRecord) app = spire_store_get (self->store, &spire_kind_application, app_uuid,
                                                 NULL);
  g_autoptr (GPtrArray) answers = NULL;
  GPtrArray *gates = gate_criteria (self);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  if (app == NULL || gates->len == 0)
    {
      g_ptr_array_unref (gates);
      return;
    }
  answers = spire_screening_list_answers (self->store, app_uuid, NULL);
  /* Translators: heading of the screening dialog; %s is an application */
  heading = g_strdup_printf (_("Screen “%s”"), spire_record_get_display_name (app));
  dialog = new_dialog (self, heading,
                       _("Answer each eligibility criterion. A failed criterion makes the "
                         "application ineligible; the note says why and becomes part of the "
                         "written reason."),
                       "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "spire-gates", gates,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "spire-uuid", g_strdup (app_uuid), g_free);
  list = dialog_list (dialog);
  for (guint i = 0; i < gates->len; i++)
    {
      SpireRecord *gate = gates->pdata[i];
      const char *uuid = spire_record_get_uuid (gate);
      g_autofree char *key_pass = g_strconcat ("pass:", uuid, NULL);
      g_autofree char *key_fail = g_strconcat ("fail:", uuid, NULL);
      g_autofree char *key_note = g_strconcat ("note:", uuid, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *pass = gtk_toggle_button_new_with_mnemonic (_("_Pass"));
      GtkWidget *fail = gtk_toggle_button_new_with_mnemonic (_("_Fail"));
      GtkWidget *note;
      SpireScreeningAnswer *answer = NULL;

      for (guint a = 0; answers && a < answers->len; a++)
        if (g_strcmp0 (((SpireScreeningAnswer *) answers->pdata[a])->criterion, uuid) == 0)
          answer = answers->pdata[a];

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spire_record_get_display_name (gate));
      if (spire_record_get_text (gate, "guidance"))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), spire_record_get_text (gate, "guidance"));
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (fail), GTK_TOGGLE_BUTTON (pass));
      gtk_box_append (GTK_BOX (box), pass);
      gtk_box_append (GTK_BOX (box), fail);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_object_set_data (G_OBJECT (dialog), key_pass, pass);
      g_object_set_data (G_OBJECT (dialog), key_fail, fail);

      /* Translators: the note on one eligibility criterion */
      note = add_entry_field (dialog, list, key_note, _("Note"),
                              answer && answer->note ? answer->note : NULL);
      if (answer)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (answer->passed ? pass : fail), TRUE);
      g_signal_connect_object (pass, "toggled", G_CALLBACK (on_screen_toggled_cb), dialog, 0);
      g_signal_connect_object (fail, "toggled", G_CALLBACK (on_screen_toggled_cb), dialog, 0);
      g_signal_connect_object (note, "changed", G_CALLBACK (on_screen_note_changed_cb), dialog, 0);
    }
  update_screen_dialog (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_screen_response_cb), self, 0);
  present (dialog);
}

/* Assignment by hand */

static void load_hand_rows (SpireEvaluationPage *self);

static gboolean
is_assigned (SpireStore *store, const char *evaluator_uuid, const char *app_uuid)
{
  g_autoptr (GPtrArray) assignments = spire_store_list (store, &spire_kind_assignment,
                                                        "application", app_uuid, NULL);

  for (guint i = 0; assignments && i < assignments->len; i++)
    if (g_strcmp0 (spire_record_get_text (assignments->pdata[i], "evaluator"), evaluator_uuid) == 0 &&
        g_strcmp0 (spire_record_get_text (assignments->pdata[i], "state"), "declined") != 0)
      return TRUE;
  return FALSE;
}

static void
show_tracked_error (SpireEvaluationPage *self, const char *heading, const GError *error)
{
  AdwMessageDialog *shown = _spire_evaluation_show_error (GTK_WIDGET (self), heading, error);

  g_set_weak_pointer (&self->dialog, shown);
}

static void
load_hand (SpireEvaluationPage *self)
{
  GtkStringList *titles = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->assignable, g_ptr_array_unref);
  self->assignable = cohort_applications (self, TRUE);
  for (guint i = 0; i < self->assignable->len; i++)
    {
      SpireRecord *app = self->assignable->pdata[i];
      g_autofree char *startup = startup_name (self, spire_record_get_text (app, "startup"));
      g_autofree char *label = NULL;

      if (g_strcmp0 (spire_record_get_uuid (app), self->hand_app) == 0)
        selected = i;
      /* Translators: application title — startup */
      label = startup[0] ? g_strdup_printf (_("%s — %s"), spire_record_get_display_name (app),
                                            startup)
                         : g_strdup (spire_record_get_display_name (app));
      gtk_string_list_append (titles, label);
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->assignable->len > 0)
    selected = 0;
  g_free (self->hand_app);
  self->hand_app = selected != GTK_INVALID_LIST_POSITION
                     ? g_strdup (spire_record_get_uuid (self->assignable->pdata[selected]))
                     : NULL;
  adw_combo_row_set_model (self->hand_app_row, G_LIST_MODEL (titles));
  g_object_unref (titles);
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->hand_app_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hand_app_row), self->assignable->len > 0);
  load_hand_rows (self);
}

static void
load_hand_rows (SpireEvaluationPage *self)
{
  const SpireKind *kind = &spire_kind_assignment;
  g_autoptr (GPtrArray) assignments = NULL;
  GtkWidget *child, *row;
  guint n = 0;

  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->hand_app_row))) != NULL)
    gtk_list_box_remove (self->hand_list, child);
  if (self->hand_app == NULL)
    {
      gtk_list_box_append (self->hand_list,
                           placeholder_row (_("No applications that can be assigned")));
      return;
    }
  assignments = spire_store_list (self->store, kind, "application", self->hand_app, NULL);
  for (guint i = 0; assignments && i < assignments->len; i++)
    {
      SpireRecord *a = assignments->pdata[i];
      const char *ev = spire_record_get_text (a, "evaluator");
      g_autofree char *who = evaluator_name (self, ev);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), who);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   enum_label (kind, "state", spire_record_get_text (a, "state")));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("list-remove-symbolic", _("Remove Assignment"),
                                              "evaluation.unassign", ev));
      gtk_list_box_append (self->hand_list, row);
      n++;
    }
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 n == 0 ? _("No panel members assigned") : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             text_button (_("_Assign…"), "evaluation.assign-member",
                                          self->hand_app));
  gtk_list_box_append (self->hand_list, row);
}

static void
on_hand_app_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireEvaluationPage *self)
{
  guint i = adw_combo_row_get_selected (row);

  if (self->loading || self->assignable == NULL || i >= self->assignable->len)
    return;
  g_free (self->hand_app);
  self->hand_app = g_strdup (spire_record_get_uuid (self->assignable->pdata[i]));
  self->loading = TRUE;
  load_hand_rows (self);
  self->loading = FALSE;
}

/* Chairs and members (not observers) of the panel. */
static GPtrArray *
scoring_members (SpireEvaluationPage *self)
{
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->panel && i < self->panel->len; i++)
    if (g_strcmp0 (spire_record_get_text (self->panel->pdata[i], "role"), "observer") != 0)
      g_ptr_array_add (members, g_object_ref (self->panel->pdata[i]));
  return members;
}

static void
on_assign_member_response_cb (AdwMessageDialog *dialog, const char *response,
                              SpireEvaluationPage *self)
{
  GPtrArray *members = g_object_get_data (G_OBJECT (dialog), "spire-members");
  const char *app_uuid = g_object_get_data (G_OBJECT (dialog), "spire-uuid");
  g_autoptr (GError) error = NULL;
  const char *ev;

  if (g_strcmp0 (response, "assign") != 0 || members->len == 0)
    return;
  ev = spire_record_get_uuid (members->pdata[combo_selected (dialog_field (dialog, "member"))]);
  if (!spire_assign (self->store, ev, app_uuid, &error))
    show_tracked_error (self, _("The Application Could Not Be Assigned"), error);
  else
    {
      g_autofree char *who = evaluator_name (self, ev);
      g_autofree char *text = g_strdup_printf (_("%s assigned"), who);

      toast (self, text);
    }
  reload (self);
}

static void
assign_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  const char *app_uuid = g_variant_get_string (param, NULL);
  g_autoptr (SpireRecord) app = spire_store_get (self->store, &spire_kind_application, app_uuid,
                                                 NULL);
  g_autoptr (GPtrArray) scorers = scoring_members (self);
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  for (guint i = 0; i < scorers->len; i++)
    {
      const char *ev = spire_record_get_uuid (scorers->pdata[i]);
      g_autofree char *who = NULL;

      if (is_assigned (self->store, ev, app_uuid) ||
          spire_conflict_blocks (self->store, ev, app_uuid, NULL))
        continue;
      who = evaluator_name (self, ev);
      gtk_string_list_append (names, who);
      g_ptr_array_add (members, g_object_ref (scorers->pdata[i]));
    }
  /* Translators: %s is an application */
  heading = g_strdup_printf (_("Assign “%s”"), app ? spire_record_get_display_name (app) : "");
  dialog = new_dialog (self, heading,
                       members->len ? _("Panel members with a conflict of interest and observers "
                                        "are not listed.")
                                    : _("Every panel member who scores is assigned already or has "
                                        "a conflict of interest."),
                       "assign", _("_Assign"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "assign", members->len > 0);
  g_object_set_data_full (G_OBJECT (dialog), "spire-members", members,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "spire-uuid", g_strdup (app_uuid), g_free);
  list = dialog_list (dialog);
  add_combo_field (dialog, list, "member", _("Panel member"), names, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_member_response_cb), self, 0);
  present (dialog);
}

static void
unassign_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  const char *ev = g_variant_get_string (param, NULL);
  g_autoptr (GError) error = NULL;

  if (self->hand_app == NULL)
    return;
  if (!spire_unassign (self->store, ev, self->hand_app, &error))
    show_tracked_error (self, _("The Assignment Could Not Be Removed"), error);
  else
    {
      g_autofree char *who = evaluator_name (self, ev);
      g_autofree char *text = g_strdup_printf (_("%s is no longer assigned"), who);

      toast (self, text);
    }
  reload (self);
}

static void
update_several_dialog (AdwMessageDialog *dialog)
{
  GPtrArray *apps = g_object_get_data (G_OBJECT (dialog), "spire-apps");
  GPtrArray *members = g_object_get_data (G_OBJECT (dialog), "spire-members");
  gboolean any = FALSE;

  for (guint i = 0; i < apps->len && !any; i++)
    {
      g_autofree char *key = g_strconcat ("app:", spire_record_get_uuid (apps->pdata[i]), NULL);

      any = gtk_check_button_get_active (GTK_CHECK_BUTTON (dialog_field (dialog, key)));
    }
  adw_message_dialog_set_response_enabled (dialog, "assign", any && members->len > 0);
}

static void
on_several_toggled_cb (GtkCheckButton *button, AdwMessageDialog *dialog)
{
  update_several_dialog (dialog);
}

static void
on_assign_several_response_cb (AdwMessageDialog *dialog, const char *response,
                               SpireEvaluationPage *self)
{
  GPtrArray *apps = g_object_get_data (G_OBJECT (dialog), "spire-apps");
  GPtrArray *members = g_object_get_data (G_OBJECT (dialog), "spire-members");
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *ev[2] = { NULL, NULL };
  guint n_added = 0;

  if (g_strcmp0 (response, "assign") != 0 || members->len == 0)
    return;
  ev[0] = spire_record_get_uuid (members->pdata[combo_selected (dialog_field (dialog, "member"))]);
  for (guint i = 0; i < apps->len; i++)
    {
      const char *uuid = spire_record_get_uuid (apps->pdata[i]);
      g_autofree char *key = g_strconcat ("app:", uuid, NULL);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (dialog_field (dialog, key))))
        g_ptr_array_add (chosen, (gpointer) uuid);
    }
  g_ptr_array_add (chosen, NULL);
  if (!spire_assign_many (self->store, ev, (const char *const *) chosen->pdata, &n_added, &error))
    show_tracked_error (self, _("The Applications Could Not Be Assigned"), error);
  else
    {
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u assignment added", "%u assignments added", n_added),
        n_added);
      toast (self, text);
    }
  reload (self);
}

static void
assign_several_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  GPtrArray *members = scoring_members (self);
  GPtrArray *apps = cohort_applications (self, TRUE);
  GtkStringList *names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *box, *list, *scroller, *apps_list;

  for (guint i = 0; i < members->len; i++)
    {
      g_autofree char *who = evaluator_name (self, spire_record_get_uuid (members->pdata[i]));
      gtk_string_list_append (names, who);
    }
  dialog = new_dialog (self, _("Assign Several Applications"),
                       _("Choose the applications and the panel member who gets them all. If "
                         "the member has a conflict of interest with any of them, nothing is "
                         "assigned."),
                       "assign", _("_Assign"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "spire-members", members,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "spire-apps", apps,
                          (GDestroyNotify) g_ptr_array_unref);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  add_combo_field (dialog, list, "member", _("Panel member"), names, 0);

  apps_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (apps_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (apps_list, "boxed-list");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), apps_list);
  gtk_box_append (GTK_BOX (box), scroller);
  if (apps->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (apps_list),
                         placeholder_row (_("No applications that can be assigned")));
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      g_autofree char *key = g_strconcat ("app:", spire_record_get_uuid (app), NULL);
      g_autofree char *startup = startup_name (self, spire_record_get_text (app, "startup"));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spire_record_get_display_name (app));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), startup);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (apps_list), row);
      g_object_set_data (G_OBJECT (dialog), key, check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_several_toggled_cb), dialog, 0);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  update_several_dialog (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_several_response_cb), self,
                           0);
  present (dialog);
}

static void
update_actions (SpireEvaluationPage *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean has_cohort = self->cohort != NULL && self->store != NULL;
  gboolean has = has_cohort && self->rubric != NULL;
  gboolean editable = has && !is_frozen (self);

  gtk_widget_action_set_enabled (w, "evaluation.create-rubric", has_cohort && self->rubric == NULL);
  gtk_widget_action_set_enabled (w, "evaluation.copy-rubric", has_cohort && !is_frozen (self));
  gtk_widget_action_set_enabled (w, "evaluation.unfreeze", has && is_frozen (self));
  gtk_widget_action_set_enabled (w, "evaluation.add-criterion", editable);
  gtk_widget_action_set_enabled (w, "evaluation.edit-criterion", editable);
  gtk_widget_action_set_enabled (w, "evaluation.remove-criterion", editable);
  gtk_widget_action_set_enabled (w, "evaluation.move-criterion-up", editable);
  gtk_widget_action_set_enabled (w, "evaluation.move-criterion-down", editable);
  for (const char *const *a = (const char *const[]){ "evaluation.add-member",
                                                     "evaluation.remove-member",
                                                     "evaluation.detect-conflicts",
                                                     "evaluation.declare-conflict",
                                                     "evaluation.confirm-conflict",
                                                     "evaluation.dismiss-conflict",
                                                     "evaluation.assign-auto",
                                                     "evaluation.assign-member",
                                                     "evaluation.unassign",
                                                     "evaluation.assign-several",
                                                     "evaluation.import-sheets", NULL };
       *a; a++)
    gtk_widget_action_set_enabled (w, *a, has_cohort);
  gtk_widget_action_set_enabled (w, "evaluation.export-package", has);
  gtk_widget_action_set_enabled (w, "evaluation.open-review", has);
  gtk_widget_action_set_enabled (w, "evaluation.screen", has);

  if (self->busy)
    {
      const char *action, *property;
      const GVariantType *param_type;
      GType owner;

      /* GTK 4.8 fills every out argument: none may be NULL. */
      for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (w), i, &owner, &action,
                                                       &param_type, &property);
           i++)
        if (g_str_has_prefix (action, "evaluation."))
          gtk_widget_action_set_enabled (w, action, FALSE);
    }
}

static void
reload (SpireEvaluationPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->rubric);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->panel, g_ptr_array_unref);

  if (self->store == NULL || self->cohort == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      update_actions (self);
      return;
    }
  self->loading = TRUE;
  self->rubric = spire_rubric_get_for_cohort (self->store, cohort_uuid (self), NULL);
  if (self->rubric)
    self->criteria = spire_rubric_list_criteria (self->store, spire_record_get_uuid (self->rubric),
                                                 NULL);
  self->panel = spire_panel_list (self->store, cohort_uuid (self), NULL);
  load_rubric (self);
  load_criteria (self);
  load_panel (self);
  load_conflicts (self);
  load_reviews (self);
  load_screening (self);
  load_hand (self);
  update_actions (self);
  self->loading = FALSE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "none") == 0)
    gtk_stack_set_visible_child_name (self->stack, "overview");
}

static gboolean
reload_idle_cb (gpointer data)
{
  SpireEvaluationPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (SpireStore *store, const char *table, SpireEvaluationPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* Rubric settings */

static void
save_rubric (SpireEvaluationPage *self, SpireRecord *changed)
{
  g_autoptr (GError) error = NULL;

  if (!spire_rubric_update (self->store, changed, &error))
    {
      show_error (self, _("The Rubric Could Not Be Saved"), error);
      reload (self);
    }
}

static void
on_scale_changed_cb (SpireEvaluationPage *self)
{
  g_autoptr (SpireRecord) copy = NULL;
  gint64 min, max;

  if (self->loading || self->rubric == NULL)
    return;
  min = gtk_spin_button_get_value_as_int (self->scale_min_spin);
  max = gtk_spin_button_get_value_as_int (self->scale_max_spin);
  if (min == spire_record_get_int (self->rubric, "scale_min") &&
      max == spire_record_get_int (self->rubric, "scale_max"))
    return;
  copy = spire_record_copy (self->rubric);
  spire_record_set_int (copy, "scale_min", min);
  spire_record_set_int (copy, "scale_max", max);
  /* The labels name the default steps; they no longer fit another scale. */
  spire_record_set_null (copy, "scale_labels");
  save_rubric (self, copy);
}

static void
on_enum_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireEvaluationPage *self)
{
  const char *field = row == self->aggregation_row ? "aggregation" : "normalisation";
  const SpireEnumValue *values = enum_values (&spire_kind_rubric, field);
  g_autoptr (SpireRecord) copy = NULL;
  const char *value = values[adw_combo_row_get_selected (row)].value;

  if (self->loading || self->rubric == NULL || value == NULL ||
      g_strcmp0 (value, spire_record_get_text (self->rubric, field)) == 0)
    return;
  copy = spire_record_copy (self->rubric);
  spire_record_set_text (copy, field, value);
  save_rubric (self, copy);
}

static void
on_threshold_changed_cb (SpireEvaluationPage *self)
{
  g_autoptr (SpireRecord) copy = NULL;
  double value = gtk_spin_button_get_value (self->threshold_spin);

  if (self->loading || self->rubric == NULL ||
      fabs (value - spire_record_get_real (self->rubric, "disagreement_threshold")) < 1e-9)
    return;
  copy = spire_record_copy (self->rubric);
  spire_record_set_real (copy, "disagreement_threshold", value);
  save_rubric (self, copy);
}

/* Actions: rubric */

static void
create_rubric_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = spire_rubric_create (self->store, cohort_uuid (self), &error);

  if (rubric == NULL)
    show_error (self, _("The Rubric Could Not Be Created"), error);
  else
    toast (self, _("Rubric created; add its criteria"));
  reload (self);
}

static void
on_copy_response_cb (AdwMessageDialog *dialog, const char *response, SpireEvaluationPage *self)
{
  GPtrArray *cohorts = g_object_get_data (G_OBJECT (dialog), "spire-cohorts");
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  guint i;

  if (g_strcmp0 (response, "copy") != 0 || cohorts->len == 0)
    return;
  i = combo_selected (dialog_field (dialog, "cohort"));
  rubric = spire_rubric_copy (self->store, spire_record_get_uuid (cohorts->pdata[i]),
                              cohort_uuid (self), &error);
  if (rubric == NULL)
    show_error (self, _("The Rubric Could Not Be Copied"), error);
  else
    toast (self, _("Rubric copied"));
  reload (self);
}

static void
copy_rubric_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  g_autoptr (GPtrArray) all = spire_store_list (self->store, &spire_kind_cohort, NULL, NULL, NULL);
  GPtrArray *cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkStringList *names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *list;

  for (guint i = 0; all && i < all->len; i++)
    {
      SpireRecord *c = all->pdata[i];
      g_autoptr (SpireRecord) rubric = NULL;
      g_autoptr (SpireRecord) program = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (spire_record_get_uuid (c), cohort_uuid (self)) == 0)
        continue;
      rubric = spire_rubric_get_for_cohort (self->store, spire_record_get_uuid (c), NULL);
      if (rubric == NULL)
        continue;
      program = spire_store_get (self->store, &spire_kind_program,
                                 spire_record_get_text (c, "program"), NULL);
      label = g_strdup_printf ("%s — %s", program ? spire_record_get_display_name (program) : "",
                               spire_record_get_display_name (c));
      gtk_string_list_append (names, label);
      g_ptr_array_add (cohorts, g_object_ref (c));
    }
  dialog = new_dialog (self, _("Copy Rubric?"),
                       cohorts->len > 0
                         ? _("The scale, settings and criteria of the chosen cohort’s rubric "
                             "replace those of this cohort.")
                         : _("No other cohort has a rubric to copy."),
                       "copy", _("C_opy"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "copy", cohorts->len > 0);
  g_object_set_data_full (G_OBJECT (dialog), "spire-cohorts", cohorts,
                          (GDestroyNotify) g_ptr_array_unref);
  list = dialog_list (dialog);
  add_combo_field (dialog, list, "cohort", _("Cohort"), names, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_response_cb), self, 0);
  present (dialog);
}

static guint
count_reviews_to_stale (SpireEvaluationPage *self)
{
  guint n = 0;

  for (guint i = 0; self->panel && i < self->panel->len; i++)
    {
      g_autoptr (GPtrArray) reviews = spire_store_list (self->store, &spire_kind_review,
                                                        "evaluator",
                                                        spire_record_get_uuid (self->panel->pdata[i]),
                                                        NULL);

      for (guint j = 0; reviews && j < reviews->len; j++)
        if (!spire_record_get_bool (reviews->pdata[j], "stale") &&
            g_strcmp0 (spire_record_get_text (reviews->pdata[j], "state"), "submitted") == 0)
          n++;
    }
  return n;
}

static void
on_unfreeze_response_cb (AdwMessageDialog *dialog, const char *response, SpireEvaluationPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  guint n_stale = 0;

  if (g_strcmp0 (response, "unfreeze") != 0 || self->rubric == NULL)
    return;
  reason = entry_text (dialog_field (dialog, "reason"));
  if (!spire_rubric_unfreeze (self->store, spire_record_get_uuid (self->rubric), reason, &n_stale,
                              &error))
    show_error (self, _("The Rubric Could Not Be Unfrozen"), error);
  else
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Rubric unfrozen; %u review is stale",
                                           "Rubric unfrozen; %u reviews are stale", n_stale),
                              n_stale);
      toast (self, text);
    }
  reload (self);
}

static void
unfreeze_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  guint n = count_reviews_to_stale (self);
  g_autofree char *body = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u submitted review will be marked stale: its evaluator must score again "
                 "under the changed rubric. Say why the rubric must change; the reason is kept "
                 "in the history.",
                 "%u submitted reviews will be marked stale: their evaluators must score again "
                 "under the changed rubric. Say why the rubric must change; the reason is kept "
                 "in the history.",
                 n),
    n);
  GtkEditable *entry = NULL;
  AdwMessageDialog *dialog = _spire_evaluation_reason_dialog (
    widget, _("Unfreeze Rubric?"), body, "unfreeze", _("_Unfreeze"), TRUE, &entry);

  g_set_weak_pointer (&self->dialog, dialog);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unfreeze_response_cb), self, 0);
  present (dialog);
}

/* Actions: criteria */

static void
on_criterion_response_cb (AdwMessageDialog *dialog, const char *response,
                          SpireEvaluationPage *self)
{
  const SpireEnumValue *kinds = enum_values (&spire_kind_criterion, "kind");
  SpireRecord *existing = g_object_get_data (G_OBJECT (dialog), "spire-criterion");
  g_autofree char *cname = NULL;
  g_autofree char *guidance = NULL;
  double weight;
  const char *kind;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0)
    return;
  cname = entry_text (dialog_field (dialog, "name"));
  guidance = entry_text (dialog_field (dialog, "guidance"));
  weight = gtk_spin_button_get_value (GTK_SPIN_BUTTON (dialog_field (dialog, "weight")));
  kind = kinds[combo_selected (dialog_field (dialog, "kind"))].value;

  if (existing == NULL)
    {
      g_autoptr (SpireRecord) c = spire_rubric_add_criterion (
        self->store, spire_record_get_uuid (self->rubric), cname,
        guidance[0] ? guidance : NULL, weight, kind, &error);
      ok = c != NULL;
    }
  else
    {
      g_autoptr (SpireRecord) c = spire_record_copy (existing);

      spire_record_set_text (c, "name", cname);
      if (guidance[0])
        spire_record_set_text (c, "guidance", guidance);
      else
        spire_record_set_null (c, "guidance");
      spire_record_set_real (c, "weight", weight);
      spire_record_set_text (c, "kind", kind);
      ok = spire_rubric_update_criterion (self->store, c, &error);
    }
  if (!ok)
    show_error (self, _("The Criterion Could Not Be Saved"), error);
  reload (self);
}

static void
on_criterion_name_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = entry_text (GTK_WIDGET (entry));

  adw_message_dialog_set_response_enabled (dialog, "save", text[0] != '\0');
}

static void
criterion_dialog (SpireEvaluationPage *self, SpireRecord *existing)
{
  const SpireEnumValue *kinds = enum_values (&spire_kind_criterion, "kind");
  AdwMessageDialog *dialog = new_dialog (self, existing ? _("Edit Criterion") : _("Add Criterion"),
                                         NULL, "save", existing ? _("_Save") : _("_Add"),
                                         ADW_RESPONSE_SUGGESTED);
  GtkWidget *list = dialog_list (dialog);
  GtkWidget *name_row;

  name_row = add_entry_field (dialog, list, "name", _("Name"),
                              existing ? spire_record_get_text (existing, "name") : NULL);
  add_entry_field (dialog, list, "guidance", _("Guidance for the panel"),
                   existing ? spire_record_get_text (existing, "guidance") : NULL);
  add_spin_field (dialog, list, "weight", _("Weight"), 0, 100, 0.5, 1,
                  existing ? spire_record_get_real (existing, "weight") : 1.0);
  add_combo_field (dialog, list, "kind", _("Kind"), enum_model (kinds),
                   existing ? enum_index (kinds, spire_record_get_text (existing, "kind")) : 0);
  if (existing)
    g_object_set_data_full (G_OBJECT (dialog), "spire-criterion", g_object_ref (existing),
                            g_object_unref);
  adw_message_dialog_set_response_enabled (dialog, "save", existing != NULL);
  g_signal_connect_object (name_row, "changed", G_CALLBACK (on_criterion_name_changed_cb), dialog,
                           0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_criterion_response_cb), self, 0);
  present (dialog);
  gtk_widget_grab_focus (name_row);
}

static void
add_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);

  if (self->rubric)
    criterion_dialog (self, NULL);
}

static void
edit_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  SpireRecord *c = find_in (self->criteria, g_variant_get_string (param, NULL));

  if (c)
    criterion_dialog (self, c);
}

static void
remove_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!spire_rubric_remove_criterion (self->store, g_variant_get_string (param, NULL), &error))
    show_error (self, _("The Criterion Could Not Be Removed"), error);
  reload (self);
}

static void
move_criterion (SpireEvaluationPage *self, const char *uuid, int delta)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int at = -1;

  for (guint i = 0; self->criteria && i < self->criteria->len; i++)
    {
      g_ptr_array_add (order, (gpointer) spire_record_get_uuid (self->criteria->pdata[i]));
      if (g_strcmp0 (order->pdata[i], uuid) == 0)
        at = i;
    }
  if (at < 0 || at + delta < 0 || at + delta >= (int) order->len)
    return;
  order->pdata[at] = order->pdata[at + delta];
  order->pdata[at + delta] = (gpointer) uuid;
  g_ptr_array_add (order, NULL);
  if (!spire_rubric_reorder_criteria (self->store, spire_record_get_uuid (self->rubric),
                                      (const char *const *) order->pdata, &error))
    show_error (self, _("The Criteria Could Not Be Reordered"), error);
  reload (self);
}

static void
move_criterion_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_criterion (SPIRE_EVALUATION_PAGE (widget), g_variant_get_string (param, NULL),
                  g_str_has_suffix (name, "-up") ? -1 : 1);
}

/* Actions: panel */

static void
on_add_member_response_cb (AdwMessageDialog *dialog, const char *response,
                           SpireEvaluationPage *self)
{
  GPtrArray *persons = g_object_get_data (G_OBJECT (dialog), "spire-persons");
  const SpireEnumValue *roles = enum_values (&spire_kind_evaluator, "role");
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  guint i;

  if (g_strcmp0 (response, "add") != 0 || persons->len == 0)
    return;
  i = combo_selected (dialog_field (dialog, "person"));
  ev = spire_panel_add (self->store, cohort_uuid (self), spire_record_get_uuid (persons->pdata[i]),
                        roles[combo_selected (dialog_field (dialog, "role"))].value, &error);
  if (ev == NULL)
    show_error (self, _("The Panel Member Could Not Be Added"), error);
  reload (self);
}

static void
add_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  const SpireEnumValue *roles = enum_values (&spire_kind_evaluator, "role");
  g_autoptr (GPtrArray) all = spire_store_list (self->store, &spire_kind_person, NULL, NULL, NULL);
  g_autoptr (GHashTable) on_panel = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *persons = g_ptr_array_new_with_free_func (g_object_unref);
  GtkStringList *names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *list;

  for (guint i = 0; self->panel && i < self->panel->len; i++)
    g_hash_table_add (on_panel, (gpointer) spire_record_get_text (self->panel->pdata[i], "person"));
  for (guint i = 0; all && i < all->len; i++)
    {
      SpireRecord *p = all->pdata[i];
      const char *org = spire_record_get_text (p, "organisation");
      g_autofree char *label = NULL;

      if (g_hash_table_contains (on_panel, spire_record_get_uuid (p)))
        continue;
      label = org ? g_strdup_printf ("%s (%s)", spire_record_get_display_name (p), org)
                  : g_strdup (spire_record_get_display_name (p));
      gtk_string_list_append (names, label);
      g_ptr_array_add (persons, g_object_ref (p));
    }
  dialog = new_dialog (self, _("Add Panel Member"),
                       persons->len ? NULL : _("Everyone on record is on the panel already. Add "
                                               "the person under People first."),
                       "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", persons->len > 0);
  g_object_set_data_full (G_OBJECT (dialog), "spire-persons", persons,
                          (GDestroyNotify) g_ptr_array_unref);
  list = dialog_list (dialog);
  add_combo_field (dialog, list, "person", _("Person"), names, 0);
  add_combo_field (dialog, list, "role", _("Role"), enum_model (roles),
                   enum_index (roles, "member"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_member_response_cb), self, 0);
  present (dialog);
}

static void
on_remove_member_response_cb (AdwMessageDialog *dialog, const char *response,
                              SpireEvaluationPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "spire-uuid");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!spire_panel_remove (self->store, uuid, &error))
    show_error (self, _("The Panel Member Could Not Be Removed"), error);
  reload (self);
}

static void
remove_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autofree char *who = evaluator_name (self, uuid);
  g_autofree char *heading = g_strdup_printf (_("Remove %s from the Panel?"), who);
  AdwMessageDialog *dialog = new_dialog (
    self, heading,
    _("Their assignments and conflicts of interest are removed too. A member who has written "
      "reviews cannot be removed; make them an observer instead."),
    "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);

  g_object_set_data_full (G_OBJECT (dialog), "spire-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_member_response_cb), self, 0);
  present (dialog);
}

/* Work in a thread
 *
 * Automatic assignment, conflict detection and importing score sheets take
 * a while on a large cohort.  They run in a worker on its own connection to
 * the same database file (a SpireStore is one thread's at a time); the page
 * shows what it is doing and takes no input meanwhile.  The worker's
 * connection announces its changes, not the window's store: when it is done
 * the page emits "changed" on the window's store for each table the worker
 * changed, so the window, the sidebar and the other pages refresh as after
 * any other change.  An in-memory store has no file to share: the work runs
 * in place. */

typedef enum
{
  JOB_ASSIGN,
  JOB_DETECT,
  JOB_IMPORT,
} JobKind;

typedef struct
{
  JobKind kind;
  SpireStore *store;  /* the page's, only touched on the main thread */
  char *path;         /* its file, or NULL: run in place */
  char *cohort;
  guint k;
  GStrv files;
  gboolean show_dialog;
  GHashTable *tables; /* interned names of the tables the worker changed */
  /* What came of it */
  gboolean ok;
  guint n;            /* assignments added, conflicts found */
  char *summary;      /* import */
  GError *error;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->store);
  g_free (job->path);
  g_free (job->cohort);
  g_strfreev (job->files);
  g_hash_table_destroy (job->tables);
  g_free (job->summary);
  g_clear_error (&job->error);
  g_free (job);
}

/* Runs in the worker, or in place for an in-memory store. */
static void
job_run (Job *job, SpireStore *store)
{
  switch (job->kind)
    {
    case JOB_ASSIGN:
      job->ok = spire_assign_auto (store, job->cohort, job->k, &job->n, &job->error);
      break;
    case JOB_DETECT:
      {
        g_autoptr (GPtrArray) found = spire_conflicts_detect (store, job->cohort, &job->error);

        job->ok = found != NULL;
        job->n = found ? found->len : 0;
      }
      break;
    case JOB_IMPORT:
      {
        GString *text = g_string_new (NULL);

        job->ok = TRUE;
        for (guint i = 0; job->files && job->files[i]; i++)
          {
            g_autofree char *base = g_path_get_basename (job->files[i]);
            g_autoptr (GError) error = NULL;
            SpireSheetStats stats = { 0 };

            if (text->len > 0)
              g_string_append (text, "\n\n");
            if (spire_package_import_sheet_file (store, job->files[i], &stats, &error))
              /* Translators: the outcome of importing one score sheet */
              g_string_append_printf (text, _("%s: %u new, %u updated, %u unchanged, %u kept as they are here"),
                                      base, stats.added, stats.updated, stats.unchanged, stats.kept);
            else
              {
                job->ok = FALSE;
                g_string_append_printf (text, _("%s was not imported: %s"), base, error->message);
              }
          }
        job->summary = g_string_free (text, FALSE);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Runs in the worker, on its own connection. */
static void
on_job_store_changed_cb (SpireStore *store, const char *table, Job *job)
{
  g_hash_table_add (job->tables, (gpointer) g_intern_string (table));
}

static void
job_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr (SpireStore) store = spire_store_open (job->path, &job->error);

  if (store)
    {
      gulong id = g_signal_connect (store, "changed", G_CALLBACK (on_job_store_changed_cb), job);

      job_run (job, store);
      g_signal_handler_disconnect (store, id);
    }
  else if (job->kind == JOB_IMPORT)
    {
      /* Every file is refused for the same reason. */
      GString *text = g_string_new (NULL);

      for (guint i = 0; job->files && job->files[i]; i++)
        {
          g_autofree char *base = g_path_get_basename (job->files[i]);

          if (text->len > 0)
            g_string_append (text, "\n\n");
          g_string_append_printf (text, _("%s was not imported: %s"), base, job->error->message);
        }
      job->summary = g_string_free (text, FALSE);
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (SpireEvaluationPage *self, const char *doing)
{
  self->busy = doing != NULL;
  if (doing)
    gtk_label_set_label (self->busy_label, doing);
  gtk_revealer_set_reveal_child (self->busy_revealer, self->busy);
  gtk_spinner_set_spinning (self->busy_spinner, self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !self->busy);
  update_actions (self);
}

static void
show_import_summary (SpireEvaluationPage *self, const char *summary)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Score Sheets"), summary));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->dialog, dialog);
  present (dialog);
}

static void
job_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GList) tables = g_hash_table_get_keys (job->tables);

  /* Tell everyone who watches the window's store what the worker changed. */
  for (GList *l = tables; l; l = l->next)
    {
      g_autofree char *detailed = g_strconcat ("changed::", (const char *) l->data, NULL);

      g_signal_emit_by_name (job->store, detailed, l->data);
    }
  if (self->stack == NULL)
    return; /* disposed meanwhile */

  set_busy (self, NULL);
  reload (self);
  switch (job->kind)
    {
    case JOB_ASSIGN:
      if (!job->ok)
        show_error (self, _("Applications Could Not Be Assigned"), job->error);
      else
        {
          g_autofree char *text = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u assignment added", "%u assignments added", job->n),
            job->n);
          toast (self, text);
        }
      break;
    case JOB_DETECT:
      if (!job->ok)
        show_error (self, _("Conflicts Could Not Be Detected"), job->error);
      else if (job->n == 0)
        toast (self, _("No new conflicts of interest found"));
      else
        {
          g_autofree char *text = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u possible conflict of interest found; confirm or dismiss it",
                         "%u possible conflicts of interest found; confirm or dismiss them", job->n),
            job->n);
          toast (self, text);
        }
      break;
    case JOB_IMPORT:
      if (job->show_dialog)
        show_import_summary (self, job->summary);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Takes @job; returns the task (unref it). */
static GTask *
job_start (SpireEvaluationPage *self, Job *job, const char *doing)
{
  GTask *task = g_task_new (self, NULL, job_done_cb, NULL);

  job->store = g_object_ref (self->store);
  job->path = g_strdup (spire_store_get_path (self->store));
  job->cohort = g_strdup (cohort_uuid (self));
  job->tables = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_task_set_task_data (task, job, job_free);
  g_task_set_source_tag (task, job_start);
  set_busy (self, doing);
  if (job->path)
    g_task_run_in_thread (task, job_thread);
  else
    {
      job_run (job, self->store);
      g_task_return_boolean (task, TRUE);
    }
  return task;
}

/* Actions: conflicts */

static void
detect_conflicts_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_DETECT;
  g_object_unref (job_start (self, job, _("Looking for conflicts of interest…")));
}

static void
confirm_conflict_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!spire_conflict_confirm (self->store, g_variant_get_string (param, NULL), &error))
    show_error (self, _("The Conflict Could Not Be Confirmed"), error);
  else
    toast (self, _("Conflict of interest confirmed"));
  reload (self);
}

static void
on_dismiss_response_cb (AdwMessageDialog *dialog, const char *response, SpireEvaluationPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "spire-uuid");
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "dismiss") != 0)
    return;
  reason = entry_text (dialog_field (dialog, "reason"));
  if (!spire_conflict_dismiss (self->store, uuid, reason, &error))
    show_error (self, _("The Conflict Could Not Be Dismissed"), error);
  reload (self);
}

static void
dismiss_conflict_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  GtkEditable *entry = NULL;
  AdwMessageDialog *dialog = _spire_evaluation_reason_dialog (
    widget, _("Dismiss Conflict?"),
    _("The panel member may then be assigned the application. Say why this is not a conflict "
      "of interest; the reason is kept on record."),
    "dismiss", _("_Dismiss"), TRUE, &entry);

  g_set_weak_pointer (&self->dialog, dialog);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  g_object_set_data_full (G_OBJECT (dialog), "spire-uuid",
                          g_strdup (g_variant_get_string (param, NULL)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dismiss_response_cb), self, 0);
  present (dialog);
}

static void
on_declare_response_cb (AdwMessageDialog *dialog, const char *response, SpireEvaluationPage *self)
{
  GPtrArray *apps = g_object_get_data (G_OBJECT (dialog), "spire-apps");
  const SpireEnumValue *kinds = enum_values (&spire_kind_conflict, "kind");
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) c = NULL;
  guint m, a;

  if (g_strcmp0 (response, "declare") != 0)
    return;
  m = combo_selected (dialog_field (dialog, "member"));
  a = combo_selected (dialog_field (dialog, "application"));
  reason = entry_text (dialog_field (dialog, "reason"));
  c = spire_conflict_declare (self->store, spire_record_get_uuid (self->panel->pdata[m]),
                              spire_record_get_uuid (apps->pdata[a]), NULL,
                              kinds[combo_selected (dialog_field (dialog, "kind"))].value, reason,
                              &error);
  if (c == NULL)
    show_error (self, _("The Conflict Could Not Be Declared"), error);
  else
    toast (self, _("Conflict of interest declared"));
  reload (self);
}

static void
on_declare_reason_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = entry_text (GTK_WIDGET (entry));
  gboolean ready = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "spire-ready"));

  adw_message_dialog_set_response_enabled (dialog, "declare", ready && text[0] != '\0');
}

static void
declare_conflict_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  const SpireEnumValue *kinds = enum_values (&spire_kind_conflict, "kind");
  GPtrArray *apps = spire_store_list (self->store, &spire_kind_application, "cohort",
                                      cohort_uuid (self), NULL);
  GtkStringList *members = gtk_string_list_new (NULL);
  GtkStringList *titles = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *list, *reason;
  gboolean ready;

  if (apps == NULL)
    apps = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->panel && i < self->panel->len; i++)
    {
      g_autofree char *n = evaluator_name (self, spire_record_get_uuid (self->panel->pdata[i]));
      gtk_string_list_append (members, n);
    }
  for (guint i = 0; i < apps->len; i++)
    gtk_string_list_append (titles, spire_record_get_display_name (apps->pdata[i]));
  ready = apps->len > 0 && self->panel && self->panel->len > 0;
  dialog = new_dialog (self, _("Declare Conflict of Interest"),
                       ready ? _("The panel member will not be assigned the application.")
                             : _("The cohort needs panel members and applications first."),
                       "declare", _("_Declare"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "spire-apps", apps, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "spire-ready", GINT_TO_POINTER (ready));
  list = dialog_list (dialog);
  add_combo_field (dialog, list, "member", _("Panel member"), members, 0);
  add_combo_field (dialog, list, "application", _("Application"), titles, 0);
  add_combo_field (dialog, list, "kind", _("Kind"), enum_model (kinds), enum_index (kinds, "other"));
  reason = add_entry_field (dialog, list, "reason", _("Reason"), NULL);
  adw_message_dialog_set_response_enabled (dialog, "declare", FALSE);
  g_signal_connect_object (reason, "changed", G_CALLBACK (on_declare_reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_declare_response_cb), self, 0);
  present (dialog);
}

/* Actions: assignment */

static void
on_assign_response_cb (AdwMessageDialog *dialog, const char *response, SpireEvaluationPage *self)
{
  Job *job;

  if (g_strcmp0 (response, "assign") != 0 || self->busy || self->store == NULL)
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_ASSIGN;
  job->k = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (dialog_field (dialog, "k")));
  g_object_unref (job_start (self, job, _("Assigning applications to the panel…")));
}

static void
assign_auto_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  AdwMessageDialog *dialog = new_dialog (
    self, _("Assign Automatically"),
    _("Every application that can be evaluated gets this many panel members, keeping the "
      "assignments it has. Loads are kept even, and conflicts of interest are respected."),
    "assign", _("_Assign"), ADW_RESPONSE_SUGGESTED);
  GtkWidget *list = dialog_list (dialog);

  add_spin_field (dialog, list, "k", _("Evaluators per application"), 1, 20, 1, 0,
                  SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_response_cb), self, 0);
  present (dialog);
}

/* Actions: offline */

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser, int response, SpireEvaluationPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (chooser), "spire-uuid");
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path && !_spire_evaluation_page_export_package_to (self, uuid, path, &error))
        show_error (self, _("The Package Could Not Be Exported"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_package_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *who = evaluator_name (self, uuid);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;

  /* Translators: the default file name of an evaluation package */
  file_name = g_strdup_printf (_("%s – %s.json"), who,
                               spire_record_get_display_name (SPIRE_RECORD (self->cohort)));
  g_strdelimit (file_name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Export Evaluation Package"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "spire-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser, int response, SpireEvaluationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GPtrArray *paths = g_ptr_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) f = g_list_model_get_item (files, i);
          char *path = g_file_get_path (f);

          if (path)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      if (!self->busy && self->store != NULL)
        {
          Job *job = g_new0 (Job, 1);

          job->kind = JOB_IMPORT;
          job->files = (GStrv) g_ptr_array_free (paths, FALSE);
          job->show_dialog = TRUE;
          g_object_unref (job_start (self, job, _("Importing score sheets…")));
        }
      else
        g_strfreev ((GStrv) g_ptr_array_free (paths, FALSE));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_sheets_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Score Sheets"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Score sheets (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Actions: reviews */

static void
on_score_as_selected_cb (AdwComboRow *row, GParamSpec *pspec, SpireEvaluationPage *self)
{
  guint i = adw_combo_row_get_selected (row);

  if (self->loading || self->scorers == NULL || i >= self->scorers->len)
    return;
  g_free (self->score_as);
  self->score_as = g_strdup (spire_record_get_uuid (self->scorers->pdata[i]));
  self->loading = TRUE;
  load_reviews (self);
  self->loading = FALSE;
}

static void
open_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *heading = NULL;

  if (self->score_as == NULL)
    return;
  if (!spire_review_form_load (self->review_form, self->store, self->score_as,
                               g_variant_get_string (param, NULL), &error))
    {
      show_error (self, _("The Review Could Not Be Opened"), error);
      return;
    }
  who = evaluator_name (self, self->score_as);
  /* Translators: heading of a review keyed in for a panel member */
  heading = g_strdup_printf (_("Review by %s"), who);
  gtk_label_set_label (self->review_heading, heading);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "review") != 0)
    return;
  if (!spire_review_form_save_now (self->review_form, &error))
    {
      show_error (self, _("The Draft Could Not Be Saved"), error);
      return;
    }
  spire_review_form_load (self->review_form, NULL, NULL, NULL, NULL);
  reload (self);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

/* Class */

static void
spire_evaluation_page_dispose (GObject *object)
{
  SpireEvaluationPage *self = SPIRE_EVALUATION_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_weak_pointer (&self->dialog);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* The stack is in the bin's child and a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_EVALUATION_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);
  g_clear_object (&self->rubric);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->panel, g_ptr_array_unref);
  g_clear_pointer (&self->scorers, g_ptr_array_unref);
  g_clear_pointer (&self->score_as, g_free);
  g_clear_pointer (&self->assignment_summary, g_free);
  g_clear_pointer (&self->screening_summary, g_free);
  g_clear_pointer (&self->assignable, g_ptr_array_unref);
  g_clear_pointer (&self->hand_app, g_free);

  G_OBJECT_CLASS (spire_evaluation_page_parent_class)->dispose (object);
}

static void
spire_evaluation_page_class_init (SpireEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Using the feature's resource links it in from the static library;
   * it registers itself. */
  (void) spire_evaluation_get_resource ();
  g_type_ensure (SPIRE_TYPE_REVIEW_FORM);

  object_class->dispose = spire_evaluation_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, busy_label);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, prefs_page);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, create_rubric_button);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, frozen_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, scale_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, scale_min_spin);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, scale_max_spin);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, aggregation_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, normalisation_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, rubric_group);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, panel_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, assignment_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, screening_group);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, screening_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, hand_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, hand_app_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, offline_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, score_as_row);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, review_heading);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPage, review_form);

  gtk_widget_class_install_action (widget_class, "evaluation.create-rubric", NULL, create_rubric_action);
  gtk_widget_class_install_action (widget_class, "evaluation.copy-rubric", NULL, copy_rubric_action);
  gtk_widget_class_install_action (widget_class, "evaluation.unfreeze", NULL, unfreeze_action);
  gtk_widget_class_install_action (widget_class, "evaluation.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.edit-criterion", "s", edit_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.remove-criterion", "s", remove_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.move-criterion-up", "s", move_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.move-criterion-down", "s", move_criterion_action);
  gtk_widget_class_install_action (widget_class, "evaluation.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "evaluation.remove-member", "s", remove_member_action);
  gtk_widget_class_install_action (widget_class, "evaluation.detect-conflicts", NULL, detect_conflicts_action);
  gtk_widget_class_install_action (widget_class, "evaluation.declare-conflict", NULL, declare_conflict_action);
  gtk_widget_class_install_action (widget_class, "evaluation.confirm-conflict", "s", confirm_conflict_action);
  gtk_widget_class_install_action (widget_class, "evaluation.dismiss-conflict", "s", dismiss_conflict_action);
  gtk_widget_class_install_action (widget_class, "evaluation.assign-auto", NULL, assign_auto_action);
  gtk_widget_class_install_action (widget_class, "evaluation.screen", "s", screen_action);
  gtk_widget_class_install_action (widget_class, "evaluation.assign-member", "s", assign_member_action);
  gtk_widget_class_install_action (widget_class, "evaluation.unassign", "s", unassign_action);
  gtk_widget_class_install_action (widget_class, "evaluation.assign-several", NULL, assign_several_action);
  gtk_widget_class_install_action (widget_class, "evaluation.export-package", "s", export_package_action);
  gtk_widget_class_install_action (widget_class, "evaluation.import-sheets", NULL, import_sheets_action);
  gtk_widget_class_install_action (widget_class, "evaluation.open-review", "s", open_review_action);
  gtk_widget_class_install_action (widget_class, "evaluation.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "evaluation.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "evaluation.back", NULL);
}

static void
spire_evaluation_page_init (SpireEvaluationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->aggregation_row,
                           G_LIST_MODEL (enum_model (enum_values (&spire_kind_rubric, "aggregation"))));
  g_object_unref (adw_combo_row_get_model (self->aggregation_row));
  adw_combo_row_set_model (self->normalisation_row,
                           G_LIST_MODEL (enum_model (enum_values (&spire_kind_rubric, "normalisation"))));
  g_object_unref (adw_combo_row_get_model (self->normalisation_row));
  spire_review_form_set_can_reopen (self->review_form, TRUE);

  g_signal_connect_object (self->scale_min_spin, "value-changed", G_CALLBACK (on_scale_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_max_spin, "value-changed", G_CALLBACK (on_scale_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->threshold_spin, "value-changed",
                           G_CALLBACK (on_threshold_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->aggregation_row, "notify::selected",
                           G_CALLBACK (on_enum_selected_cb), self, 0);
  g_signal_connect_object (self->normalisation_row, "notify::selected",
                           G_CALLBACK (on_enum_selected_cb), self, 0);
  g_signal_connect_object (self->score_as_row, "notify::selected",
                           G_CALLBACK (on_score_as_selected_cb), self, 0);
  g_signal_connect_object (self->hand_app_row, "notify::selected",
                           G_CALLBACK (on_hand_app_selected_cb), self, 0);
  update_actions (self);
}

/* Public API */

GtkWidget *
spire_evaluation_page_new (void)
{
  return g_object_new (SPIRE_TYPE_EVALUATION_PAGE, NULL);
}

void
spire_evaluation_page_set_store (SpireEvaluationPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_EVALUATION_PAGE (self));

  if (self->store == store)
    return;
  spire_review_form_load (self->review_form, NULL, NULL, NULL, NULL);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->cohort);
  if (store)
    g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "none");
  reload (self);
}

gboolean
spire_evaluation_page_set_cohort (SpireEvaluationPage *self, SpireCohort *cohort, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_PAGE (self), FALSE);

  if (self->cohort != cohort)
    {
      g_autoptr (GError) save_error = NULL;

      if (!spire_review_form_save_now (self->review_form, &save_error))
        show_error (self, _("The Draft Could Not Be Saved"), save_error);
      spire_review_form_load (self->review_form, NULL, NULL, NULL, NULL);
      g_clear_pointer (&self->score_as, g_free);
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
  g_set_object (&self->cohort, cohort);
  reload (self);
  return TRUE;
}

/* Test hooks and what the file choosers lead to */

void
_spire_evaluation_page_reload_now (SpireEvaluationPage *self)
{
  reload (self);
}

const char *
_spire_evaluation_page_get_view (SpireEvaluationPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwMessageDialog *
_spire_evaluation_page_get_dialog (SpireEvaluationPage *self)
{
  return self->dialog;
}

GtkWidget *
_spire_evaluation_page_get_dialog_field (SpireEvaluationPage *self, const char *name)
{
  return self->dialog ? dialog_field (self->dialog, name) : NULL;
}

GtkWidget *
_spire_evaluation_page_get_criterion_row (SpireEvaluationPage *self, const char *criterion_uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "spire-uuid"), criterion_uuid) == 0)
      return child;
  return NULL;
}

SpireReviewForm *
_spire_evaluation_page_get_review_form (SpireEvaluationPage *self)
{
  return self->review_form;
}

gboolean
_spire_evaluation_page_set_score_as (SpireEvaluationPage *self, const char *evaluator_uuid)
{
  for (guint i = 0; self->scorers && i < self->scorers->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (self->scorers->pdata[i]), evaluator_uuid) == 0)
      {
        adw_combo_row_set_selected (self->score_as_row, i);
        return g_strcmp0 (self->score_as, evaluator_uuid) == 0;
      }
  return FALSE;
}

const char *
_spire_evaluation_page_get_assignment_summary (SpireEvaluationPage *self)
{
  return self->assignment_summary;
}

gboolean
_spire_evaluation_page_export_package_to (SpireEvaluationPage *self, const char *evaluator_uuid,
                                          const char *path, GError **error)
{
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;

  if (!spire_package_export_file (self->store, cohort_uuid (self), evaluator_uuid, path, error))
    return FALSE;
  who = evaluator_name (self, evaluator_uuid);
  text = g_strdup_printf (_("Evaluation package for %s exported"), who);
  toast (self, text);
  return TRUE;
}

gboolean
_spire_evaluation_page_import_sheets (SpireEvaluationPage *self, const char *const *paths,
                                      char **summary)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_val_if_fail (self->store != NULL && !self->busy, FALSE);

  job = g_new0 (Job, 1);
  job->kind = JOB_IMPORT;
  job->files = g_strdupv ((char **) paths);
  task = job_start (self, job, _("Importing score sheets…"));
  while (!g_task_get_completed (task))
    g_main_context_iteration (NULL, TRUE);
  if (summary)
    *summary = g_strdup (job->summary);
  return job->ok;
}

gboolean
_spire_evaluation_page_is_busy (SpireEvaluationPage *self)
{
  return self->busy;
}

const char *
_spire_evaluation_page_get_screening_summary (SpireEvaluationPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->screening_group)) ? self->screening_summary
                                                                     : NULL;
}

GtkWidget *
_spire_evaluation_page_get_screening_row (SpireEvaluationPage *self, const char *application_uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->screening_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "spire-uuid"), application_uuid) == 0)
      return child;
  return NULL;
}

gboolean
_spire_evaluation_page_set_hand_application (SpireEvaluationPage *self,
                                             const char *application_uuid)
{
  for (guint i = 0; self->assignable && i < self->assignable->len; i++)
    if (g_strcmp0 (spire_record_get_uuid (self->assignable->pdata[i]), application_uuid) == 0)
      {
        adw_combo_row_set_selected (self->hand_app_row, i);
        return g_strcmp0 (self->hand_app, application_uuid) == 0;
      }
  return FALSE;
}
