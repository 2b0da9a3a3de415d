/* spire-sidebar.c — programs and, under each, its cohorts
 *
 * A GtkListBox in the navigation-sidebar style: one heading row per program
 * (not selectable), then a row per cohort of that program.  Programs and
 * cohorts come in Norwegian order from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-sidebar.h"
#include "spire-sidebar-private.h"

struct _SpireSidebar
{
  AdwBin parent_instance;

  GtkListBox *list;

  SpireStore *store;
  SpireCohort *selected;
  GHashTable *program_names; /* uuid → name */
  gboolean rebuilding;
};

G_DEFINE_FINAL_TYPE (SpireSidebar, spire_sidebar, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SELECTED_COHORT,
  N_PROPS
};

enum
{
  COHORT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ROW_COHORT "spire-cohort"
#define ROW_PROGRAM "spire-program"

static void
set_selected (SpireSidebar *self, SpireCohort *cohort)
{
  g_set_object (&self->selected, cohort);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_COHORT]);
}

static void
remove_all_rows (SpireSidebar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static GtkWidget *
program_row_new (SpireRecord *program, gboolean first)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (spire_record_get_display_name (program));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, first ? 6 : 18);
  gtk_widget_set_tooltip_text (label, spire_record_get_display_name (program));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "spire-program-row");
  g_object_set_data_full (G_OBJECT (row), ROW_PROGRAM,
                          g_strdup (spire_record_get_uuid (program)), g_free);
  return row;
}

static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
cohort_row_new (SpireRecord *cohort, guint n_applications)
{
  const SpireField *phase_field = spire_kind_field (&spire_kind_cohort, "phase");
  const char *phase = spire_field_value_label (phase_field, spire_record_get_text (cohort, "phase"));
  g_autofree char *count = g_strdup_printf (ngettext ("%u application", "%u applications",
                                                      n_applications),
                                            n_applications);
  /* TRANSLATORS: a cohort's phase and its number of applications, e.g. "Evaluation · 80 applications" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), phase, count);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (spire_record_get_display_name (cohort));
  GtkWidget *sub = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, spire_record_get_display_name (cohort));
  g_object_set_data_full (G_OBJECT (row), ROW_COHORT, g_object_ref (cohort), g_object_unref);
  return row;
}

static GtkListBoxRow *
find_cohort_row (SpireSidebar *self, const char *uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      SpireRecord *cohort = g_object_get_data (G_OBJECT (child), ROW_COHORT);

      if (cohort && (uuid == NULL || g_strcmp0 (spire_record_get_uuid (cohort), uuid) == 0))
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* Callbacks */

static void
on_list_row_selected_cb (SpireSidebar *self, GtkListBoxRow *row, GtkListBox *list)
{
  SpireCohort *cohort = row ? g_object_get_data (G_OBJECT (row), ROW_COHORT) : NULL;

  if (self->rebuilding || cohort == self->selected)
    return;
  set_selected (self, cohort);
}

static void
on_list_row_activated_cb (SpireSidebar *self, GtkListBoxRow *row, GtkListBox *list)
{
  SpireCohort *cohort = g_object_get_data (G_OBJECT (row), ROW_COHORT);

  if (cohort)
    g_signal_emit (self, signals[COHORT_ACTIVATED], 0, cohort);
}

/* GObject */

static void
spire_sidebar_dispose (GObject *object)
{
  SpireSidebar *self = SPIRE_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_SIDEBAR);
  g_clear_object (&self->store);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->program_names, g_hash_table_unref);

  G_OBJECT_CLASS (spire_sidebar_parent_class)->dispose (object);
}

static void
spire_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireSidebar *self = SPIRE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_COHORT:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_sidebar_class_init (SpireSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_sidebar_dispose;
  object_class->get_property = spire_sidebar_get_property;

  properties[PROP_SELECTED_COHORT] =
    g_param_spec_object ("selected-cohort", NULL, NULL, SPIRE_TYPE_COHORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpireSidebar::cohort-activated:
   * @cohort: the cohort whose row was activated
   *
   * The user chose a cohort (click, Enter): a folded window shows it.
   */
  signals[COHORT_ACTIVATED] = g_signal_new ("cohort-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, SPIRE_TYPE_COHORT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/sidebar/spire-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireSidebar, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
}

static void
spire_sidebar_init (SpireSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->program_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

GtkWidget *
spire_sidebar_new (void)
{
  return g_object_new (SPIRE_TYPE_SIDEBAR, NULL);
}

void
spire_sidebar_set_store (SpireSidebar *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_SIDEBAR (self));

  if (g_set_object (&self->store, store))
    spire_sidebar_clear (self);
}

void
spire_sidebar_clear (SpireSidebar *self)
{
  g_return_if_fail (SPIRE_IS_SIDEBAR (self));

  self->rebuilding = TRUE;
  remove_all_rows (self);
  g_hash_table_remove_all (self->program_names);
  self->rebuilding = FALSE;
  if (self->selected)
    set_selected (self, NULL);
}

gboolean
spire_sidebar_reload (SpireSidebar *self, GError **error)
{
  g_autoptr (GPtrArray) programs = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GHashTable) by_program = NULL; /* program uuid → GPtrArray of cohorts */
  g_autofree char *keep = NULL;
  GtkListBoxRow *row;

  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), FALSE);

  if (self->store == NULL)
    {
      spire_sidebar_clear (self);
      return TRUE;
    }

  programs = spire_store_list (self->store, &spire_kind_program, NULL, NULL, error);
  if (programs == NULL)
    return FALSE;
  cohorts = spire_store_list (self->store, &spire_kind_cohort, NULL, NULL, error);
  if (cohorts == NULL)
    return FALSE;
  counts = spire_store_count_by (self->store, &spire_kind_application, "cohort", NULL, NULL,
                                 error);
  if (counts == NULL)
    return FALSE;

  by_program = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < cohorts->len; i++)
    {
      SpireRecord *cohort = g_ptr_array_index (cohorts, i);
      const char *program = spire_record_get_text (cohort, "program");
      GPtrArray *list = g_hash_table_lookup (by_program, program);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_program, (gpointer) program, list);
        }
      g_ptr_array_add (list, cohort);
    }

  if (self->selected)
    keep = g_strdup (spire_record_get_uuid (SPIRE_RECORD (self->selected)));

  self->rebuilding = TRUE;
  remove_all_rows (self);
  g_hash_table_remove_all (self->program_names);
  for (guint i = 0; i < programs->len; i++)
    {
      SpireRecord *program = g_ptr_array_index (programs, i);
      GPtrArray *list = g_hash_table_lookup (by_program, spire_record_get_uuid (program));

      g_hash_table_insert (self->program_names, g_strdup (spire_record_get_uuid (program)),
                           g_strdup (spire_record_get_display_name (program)));
      gtk_list_box_append (self->list, program_row_new (program, i == 0));
      if (list == NULL || list->len == 0)
        {
          gtk_list_box_append (self->list, placeholder_row_new (_("No cohorts yet")));
          continue;
        }
      for (guint j = 0; j < list->len; j++)
        {
          SpireRecord *cohort = g_ptr_array_index (list, j);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, spire_record_get_uuid (cohort)));

          gtk_list_box_append (self->list, cohort_row_new (cohort, n));
        }
    }

  row = keep ? find_cohort_row (self, keep) : NULL;
  if (row == NULL)
    row = find_cohort_row (self, NULL);
  gtk_list_box_select_row (self->list, row);
  self->rebuilding = FALSE;

  /* Always tell: the record is a fresh copy, its data may have changed. */
  set_selected (self, row ? g_object_get_data (G_OBJECT (row), ROW_COHORT) : NULL);
  return TRUE;
}

SpireCohort *
spire_sidebar_get_selected_cohort (SpireSidebar *self)
{
  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), NULL);

  return self->selected;
}

gboolean
spire_sidebar_select_cohort (SpireSidebar *self, const char *uuid)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  row = find_cohort_row (self, uuid);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list, row);
  return TRUE;
}

const char *
spire_sidebar_get_program_name (SpireSidebar *self, const char *program_uuid)
{
  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), NULL);

  return program_uuid ? g_hash_table_lookup (self->program_names, program_uuid) : NULL;
}

/* Private API */

void
_spire_sidebar_count_rows (SpireSidebar *self, guint *n_programs, guint *n_cohorts)
{
  guint p = 0, c = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), ROW_PROGRAM))
        p++;
      else if (g_object_get_data (G_OBJECT (child), ROW_COHORT))
        c++;
    }
  if (n_programs)
    *n_programs = p;
  if (n_cohorts)
    *n_cohorts = c;
}

GtkListBox *
_spire_sidebar_get_list (SpireSidebar *self)
{
  return self->list;
}
