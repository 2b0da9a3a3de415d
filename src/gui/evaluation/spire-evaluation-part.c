/* spire-evaluation-part.c — what every part of the Evaluation view shares
 *
 * A part (rubric, screening, panel, assignment, packages, reviews) shows
 * one cohort of one store and installs its own "evaluation." actions.  The
 * shell hands it the store and the cohort and tells it to reload when the
 * store changes.  Long work (automatic assignment, conflict detection,
 * score-sheet import) runs through the core's _async/_finish pairs; while
 * it runs the part says what it is doing ("working") and the shell makes
 * every part busy: no action of any part may start meanwhile.
 *
 * A part loads only while it is shown (issue 11: six parts reading a
 * 4 000-application cohort at once froze the window): a change it misses
 * while hidden marks it stale, and it loads when it is next mapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-widget.h"
#include "spire-evaluation-part.h"

typedef struct
{
  SpireStore *store;
  SpireCohort *cohort;
  char *working;
  gboolean busy;
  /* The store or the cohort changed while the part was not shown: it
   * holds just the cohort and loads when it is next shown (issue 11). */
  gboolean stale;
  /* Shown narrow (the page folded to one part at a time): list rows wrap
   * their titles (spire_label_set_compact). */
  gboolean compact;
} SpireEvaluationPartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SpireEvaluationPart, spire_evaluation_part, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_WORKING,
  PROP_BUSY,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spire_evaluation_part_dispose (GObject *object)
{
  SpireEvaluationPart *self = SPIRE_EVALUATION_PART (object);
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_clear_object (&priv->store);
  g_clear_object (&priv->cohort);
  g_clear_pointer (&priv->working, g_free);
  G_OBJECT_CLASS (spire_evaluation_part_parent_class)->dispose (object);
}

static void
spire_evaluation_part_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  SpireEvaluationPart *self = SPIRE_EVALUATION_PART (object);

  switch (prop_id)
    {
    case PROP_WORKING:
      g_value_set_string (value, spire_evaluation_part_get_working (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, spire_evaluation_part_get_busy (self));
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, spire_evaluation_part_get_compact (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_evaluation_part_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  SpireEvaluationPart *self = SPIRE_EVALUATION_PART (object);

  switch (prop_id)
    {
    case PROP_WORKING:
      spire_evaluation_part_set_working (self, g_value_get_string (value));
      break;
    case PROP_BUSY:
      spire_evaluation_part_set_busy (self, g_value_get_boolean (value));
      break;
    case PROP_COMPACT:
      spire_evaluation_part_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shown: a part that missed a change loads now. */
static void
spire_evaluation_part_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (spire_evaluation_part_parent_class)->map (widget);
  spire_evaluation_part_ensure_loaded (SPIRE_EVALUATION_PART (widget));
}

static void
spire_evaluation_part_class_init (SpireEvaluationPartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = spire_evaluation_part_map;
  object_class->dispose = spire_evaluation_part_dispose;
  object_class->get_property = spire_evaluation_part_get_property;
  object_class->set_property = spire_evaluation_part_set_property;

  properties[PROP_WORKING] = g_param_spec_string (
    "working", NULL, NULL, NULL,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean (
    "busy", NULL, NULL, FALSE,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] = g_param_spec_boolean (
    "compact", NULL, NULL, FALSE,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spire_evaluation_part_init (SpireEvaluationPart *self)
{
}

/* Public API */

static gboolean
same_cohort (SpireCohort *a, SpireCohort *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (spire_record_get_uuid (SPIRE_RECORD (a)),
                    spire_record_get_uuid (SPIRE_RECORD (b))) == 0;
}

void
spire_evaluation_part_set_cohort (SpireEvaluationPart *self, SpireStore *store,
                                  SpireCohort *cohort)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_if_fail (SPIRE_IS_EVALUATION_PART (self));

  if (store == NULL)
    cohort = NULL;
  /* The same cohort as a fresh copy (the window reads the sidebar again
   * after every change, a draft saved too) is no other cohort: clearing
   * closed the review being keyed in at its first score. */
  if ((priv->store != store || !same_cohort (priv->cohort, cohort)) &&
      SPIRE_EVALUATION_PART_GET_CLASS (self)->clear)
    SPIRE_EVALUATION_PART_GET_CLASS (self)->clear (self);
  g_set_object (&priv->store, store);
  g_set_object (&priv->cohort, cohort);
  spire_evaluation_part_reload_when_shown (self);
}

void
spire_evaluation_part_reload_when_shown (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_if_fail (SPIRE_IS_EVALUATION_PART (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      spire_evaluation_part_reload (self);
      return;
    }
  priv->stale = TRUE;
  spire_evaluation_part_update_actions (self);
}

void
spire_evaluation_part_ensure_loaded (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_if_fail (SPIRE_IS_EVALUATION_PART (self));

  if (priv->stale)
    spire_evaluation_part_reload (self);
}

gboolean
spire_evaluation_part_is_stale (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_val_if_fail (SPIRE_IS_EVALUATION_PART (self), FALSE);
  return priv->stale;
}

gboolean
spire_evaluation_part_is_loading (SpireEvaluationPart *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_PART (self), FALSE);

  return SPIRE_EVALUATION_PART_GET_CLASS (self)->is_loading &&
         SPIRE_EVALUATION_PART_GET_CLASS (self)->is_loading (self);
}

void
spire_evaluation_part_reload (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_if_fail (SPIRE_IS_EVALUATION_PART (self));

  priv->stale = FALSE;
  if (priv->store && priv->cohort && SPIRE_EVALUATION_PART_GET_CLASS (self)->reload)
    SPIRE_EVALUATION_PART_GET_CLASS (self)->reload (self);
  spire_evaluation_part_update_actions (self);
}

SpireStore *
spire_evaluation_part_get_store (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_val_if_fail (SPIRE_IS_EVALUATION_PART (self), NULL);
  return priv->store;
}

SpireCohort *
spire_evaluation_part_get_cohort (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_val_if_fail (SPIRE_IS_EVALUATION_PART (self), NULL);
  return priv->cohort;
}

const char *
spire_evaluation_part_get_cohort_uuid (SpireEvaluationPart *self)
{
  SpireCohort *cohort = spire_evaluation_part_get_cohort (self);

  return cohort ? spire_record_get_uuid (SPIRE_RECORD (cohort)) : NULL;
}

void
spire_evaluation_part_set_working (SpireEvaluationPart *self, const char *doing)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_if_fail (SPIRE_IS_EVALUATION_PART (self));

  if (g_strcmp0 (priv->working, doing) == 0)
    return;
  g_free (priv->working);
  priv->working = g_strdup (doing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKING]);
}

const char *
spire_evaluation_part_get_working (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_val_if_fail (SPIRE_IS_EVALUATION_PART (self), NULL);
  return priv->working;
}

void
spire_evaluation_part_set_busy (SpireEvaluationPart *self, gboolean busy)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_if_fail (SPIRE_IS_EVALUATION_PART (self));

  busy = !!busy;
  if (priv->busy == busy)
    return;
  priv->busy = busy;
  spire_evaluation_part_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
spire_evaluation_part_get_busy (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv = spire_evaluation_part_get_instance_private (self);

  g_return_val_if_fail (SPIRE_IS_EVALUATION_PART (self), FALSE);
  return priv->busy || priv->working != NULL;
}

void
spire_evaluation_part_set_compact (SpireEvaluationPart *self, gboolean compact)
{
  SpireEvaluationPartPrivate *priv;

  g_return_if_fail (SPIRE_IS_EVALUATION_PART (self));
  priv = spire_evaluation_part_get_instance_private (self);
  if (priv->compact == !!compact)
    return;
  priv->compact = !!compact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
spire_evaluation_part_get_compact (SpireEvaluationPart *self)
{
  SpireEvaluationPartPrivate *priv;

  g_return_val_if_fail (SPIRE_IS_EVALUATION_PART (self), FALSE);
  priv = spire_evaluation_part_get_instance_private (self);
  return priv->compact;
}

void
spire_evaluation_part_update_actions (SpireEvaluationPart *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  const char *action, *property;
  const GVariantType *param_type;
  GType owner;

  if (SPIRE_EVALUATION_PART_GET_CLASS (self)->update_actions)
    SPIRE_EVALUATION_PART_GET_CLASS (self)->update_actions (self);
  if (!spire_evaluation_part_get_busy (self))
    return;
  /* GTK 4.8 fills every out argument: none may be NULL. */
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (w), i, &owner, &action,
                                                   &param_type, &property);
       i++)
    if (g_str_has_prefix (action, "evaluation."))
      gtk_widget_action_set_enabled (w, action, FALSE);
}

/* Helpers */

GtkStringList *
_spire_evaluation_enum_model (const SpireKind *kind, const char *field)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (const SpireEnumValue *v = spire_kind_field (kind, field)->values; v->value; v++)
    gtk_string_list_append (list, _(v->label));
  return list;
}

guint
_spire_evaluation_enum_index (const SpireKind *kind, const char *field, const char *value)
{
  const SpireEnumValue *values = spire_kind_field (kind, field)->values;

  for (guint i = 0; values[i].value; i++)
    if (g_strcmp0 (values[i].value, value) == 0)
      return i;
  return 0;
}

const char *
_spire_evaluation_enum_value (const SpireKind *kind, const char *field, guint index)
{
  const SpireEnumValue *values = spire_kind_field (kind, field)->values;

  for (guint i = 0; values[i].value; i++)
    if (i == index)
      return values[i].value;
  return NULL;
}

const char *
_spire_evaluation_enum_label (const SpireKind *kind, const char *field, const char *value)
{
  const char *label = value ? spire_field_value_label (spire_kind_field (kind, field), value)
                            : NULL;

  return label ? _(label) : "";
}

char *
_spire_evaluation_evaluator_name (SpireStore *store, const char *evaluator_uuid)
{
  char *name = spire_evaluator_get_name (store, evaluator_uuid);

  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("Unknown person"));
    }
  return name;
}

char *
_spire_evaluation_startup_name (SpireStore *store, const char *startup_uuid)
{
  g_autoptr (SpireRecord) s = startup_uuid ? spire_store_get (store, &spire_kind_startup,
                                                              startup_uuid, NULL)
                                           : NULL;

  return g_strdup (s ? spire_record_get_display_name (s) : "");
}

char *
_spire_evaluation_application_label (SpireStore *store, SpireRecord *app)
{
  g_autofree char *startup = _spire_evaluation_startup_name (store,
                                                             spire_record_get_text (app, "startup"));

  /* Translators: application title — startup */
  return startup[0] ? g_strdup_printf (_("%s — %s"), spire_record_get_display_name (app), startup)
                    : g_strdup (spire_record_get_display_name (app));
}

void
_spire_evaluation_clear_list (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

GtkWidget *
_spire_evaluation_placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

GtkWidget *
_spire_evaluation_spinner_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_margin_top (spinner, 12);
  gtk_widget_set_margin_bottom (spinner, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), spinner);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "loading");
  return row;
}

GPtrArray *
_spire_evaluation_scoring_members (GPtrArray *panel)
{
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; panel && i < panel->len; i++)
    if (g_strcmp0 (spire_record_get_text (panel->pdata[i], "role"), "observer") != 0)
      g_ptr_array_add (members, g_object_ref (panel->pdata[i]));
  return members;
}

GtkStringList *
_spire_evaluation_member_names (SpireStore *store, GPtrArray *members)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < members->len; i++)
    {
      g_autofree char *who = _spire_evaluation_evaluator_name (
        store, spire_record_get_uuid (members->pdata[i]));

      gtk_string_list_append (names, who);
    }
  return names;
}

void
_spire_evaluation_dropdown_set_label (GtkDropDown *dropdown, GCallback label)
{
  gtk_drop_down_set_expression (dropdown, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                       label, NULL, NULL));
  spire_drop_down_show_names (dropdown);
}

void
_spire_evaluation_dropdown_set_model (GtkDropDown *dropdown, GListModel *model)
{
  GtkWidget *view;
  GtkSelectionModel *selection;
  GListModel *filtered = NULL;

  gtk_drop_down_set_model (dropdown, model);
  /* GTK 4.8's drop-down filters its popup's rows through a filter model of
   * its own: filtered a batch at a time, typing in the search never waits
   * for all 70 000 rows (issue 11). */
  view = spire_widget_find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW);
  selection = view ? gtk_list_view_get_model (GTK_LIST_VIEW (view)) : NULL;
  if (GTK_IS_SINGLE_SELECTION (selection))
    filtered = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  if (GTK_IS_FILTER_LIST_MODEL (filtered))
    gtk_filter_list_model_set_incremental (GTK_FILTER_LIST_MODEL (filtered), TRUE);
}
