/* spire-deal-new-dialog.c — records a new deal: an accepted application,
 * the buyer, the kind, the first stage, a value and a note
 *
 * DESIGN.md, "Follow-up": a deal is recorded when an accepted startup
 * starts talking with a buyer.  The rules (references that exist, a kind
 * and stage that are valid) are core's (spire_deal_create); this dialog
 * only asks, offering the cohort's (or the program's) accepted
 * applications and the public bodies on record, and says what to do when
 * there are none.  The kind, stage and value rows are the deal editor's
 * own (SpireFieldRow: the same labels, the same reading of "2 500 000").
 *
 * Each dropdown's first item is our own placeholder ("Choose…"):
 * with nothing chosen, GTK 4.8's dropdown shows its "(None)", which no
 * Norwegian translation of GTK has.  The buyer is chosen for the user as
 * the owner of the chosen application's challenge, while none is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-field-row.h"
#include "common/spire-widget.h"
#include "spire-deal-new-dialog.h"
#include "spire-followup-resources.h"

struct _SpireDealNewDialog
{
  AdwWindow parent_instance;

  GtkWidget *add_button;
  GtkStack *stack;
  AdwPreferencesGroup *group;
  AdwStatusPage *problem_page;

  SpireStore *store;
  GtkDropDown *application_dropdown;
  GtkDropDown *buyer_dropdown;
  GPtrArray *applications; /* UUIDs, in the order of the dropdown (0: none) */
  GPtrArray *owners;       /* each application's challenge's owner, or NULL */
  GPtrArray *buyers;       /* UUIDs (0: none) */
  gboolean buyer_auto;     /* the buyer was chosen by the application */
  gboolean choosing;
  GPtrArray *rows;         /* SpireFieldRow: kind, stage, value */
  AdwEntryRow *note_row;
  char *problem;
};

enum { DEAL_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpireDealNewDialog, spire_deal_new_dialog, ADW_TYPE_WINDOW)

/* The UUID chosen, or NULL (the placeholder, position 0, is none). */
static const char *
chosen (GtkDropDown *dropdown, GPtrArray *uuids)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  return pos < uuids->len ? g_ptr_array_index (uuids, pos) : NULL;
}

static gboolean
choose_uuid (GtkDropDown *dropdown, GPtrArray *uuids, const char *uuid)
{
  for (guint i = 1; uuid && i < uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (uuids, i), uuid) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}

static void
update_add (SpireDealNewDialog *self)
{
  gboolean ok = self->problem == NULL &&
                chosen (self->application_dropdown, self->applications) != NULL &&
                chosen (self->buyer_dropdown, self->buyers) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deal-new.add", ok);
  spire_window_set_default_button (GTK_WINDOW (self), self->problem ? NULL : self->add_button);
}

static void
on_row_changed_cb (SpireFieldRow *row, gpointer data)
{
  update_add (data);
}

/* The placeholder reads as one, in the button and in the list: the
 * model's first item (not the list's first row, which a search changes). */
static void
on_bind_placeholder_cb (GtkSignalListItemFactory *factory, GtkListItem *item,
                        GtkDropDown *dropdown)
{
  g_autoptr (GObject) placeholder = g_list_model_get_item (gtk_drop_down_get_model (dropdown), 0);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (gtk_list_item_get_item (item) == (gpointer) placeholder)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* The whole of what the dropdown shows cut, as its tooltip; an
 * application chosen brings its challenge's owner as the buyer, unless
 * the user chose one. */
static void
on_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, SpireDealNewDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  guint pos = gtk_drop_down_get_selected (dropdown);

  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown),
                               item && pos != 0 ? gtk_string_object_get_string (item) : NULL);
  if (dropdown == self->buyer_dropdown && !self->choosing)
    self->buyer_auto = FALSE;
  if (dropdown == self->application_dropdown && self->buyer_dropdown && pos < self->owners->len &&
      (self->buyer_auto || chosen (self->buyer_dropdown, self->buyers) == NULL))
    {
      self->choosing = TRUE;
      if (!choose_uuid (self->buyer_dropdown, self->buyers, g_ptr_array_index (self->owners, pos)))
        gtk_drop_down_set_selected (self->buyer_dropdown, 0);
      self->buyer_auto = chosen (self->buyer_dropdown, self->buyers) != NULL;
      self->choosing = FALSE;
    }
  update_add (self);
}

/* A searchable dropdown in a row titled @title, its placeholder shown. */
static GtkDropDown *
add_choice_row (SpireDealNewDialog *self, const char *title, GtkStringList *labels)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                           "string");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), expression);

  spire_drop_down_show_names (GTK_DROP_DOWN (dropdown));
  g_signal_connect_after (gtk_drop_down_get_factory (GTK_DROP_DOWN (dropdown)), "bind",
                          G_CALLBACK (on_bind_placeholder_cb), dropdown);
  g_signal_connect_after (gtk_drop_down_get_list_factory (GTK_DROP_DOWN (dropdown)), "bind",
                          G_CALLBACK (on_bind_placeholder_cb), dropdown);
  spire_drop_down_enable_search (GTK_DROP_DOWN (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  adw_preferences_group_add (self->group, row);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_selected_cb), self);
  return GTK_DROP_DOWN (dropdown);
}

/* The accepted applications of @cohort, as "Startup – title". */
/* The owner of @challenge (cached in @owners), or NULL. */
static const char *
challenge_owner (SpireDealNewDialog *self, const char *challenge, GHashTable *owners)
{
  g_autoptr (SpireRecord) c = NULL;

  if (challenge == NULL)
    return NULL;
  if (g_hash_table_contains (owners, challenge))
    return g_hash_table_lookup (owners, challenge);
  c = spire_store_get (self->store, &spire_kind_challenge, challenge, NULL);
  g_hash_table_insert (owners, g_strdup (challenge),
                       g_strdup (c ? spire_record_get_text (c, "owner") : NULL));
  return g_hash_table_lookup (owners, challenge);
}

static void
list_accepted (SpireDealNewDialog *self, const char *cohort, GtkStringList *labels,
               GHashTable *startups, GHashTable *owners)
{
  g_autoptr (GError) error = NULL;
  /* Only the accepted ones are read (a cohort may hold 40 000). */
  g_autoptr (GPtrArray) apps = spire_store_list_both (self->store, &spire_kind_application,
                                                      "cohort", cohort, "status", "accepted",
                                                      &error);

  if (apps == NULL)
    {
      g_warning ("Could not list the applications: %s", error->message);
      return;
    }
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      const char *startup = spire_record_get_text (app, "startup");
      const char *name;
      g_autofree char *label = NULL;

      if (g_strcmp0 (spire_record_get_text (app, "status"), "accepted") != 0)
        continue;
      name = g_hash_table_lookup (startups, startup ? startup : "");
      if (name == NULL && startup != NULL)
        {
          g_autoptr (SpireRecord) s = spire_store_get (self->store, &spire_kind_startup, startup,
                                                       NULL);

          name = s ? spire_record_get_display_name (s) : startup;
          g_hash_table_insert (startups, g_strdup (startup), g_strdup (name));
          name = g_hash_table_lookup (startups, startup);
        }
      /* TRANSLATORS: an accepted application: its startup, then its title */
      label = g_strdup_printf (_("%s – %s"), name ? name : "",
                               spire_record_get_display_name (app));
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->applications, g_strdup (spire_record_get_uuid (app)));
      g_ptr_array_add (self->owners,
                       g_strdup (challenge_owner (self, spire_record_get_text (app, "challenge"),
                                                  owners)));
    }
}

static void
fill_applications (SpireDealNewDialog *self, const char *cohort, const char *program,
                   GtkStringList *labels)
{
  g_autoptr (GHashTable) startups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  g_autoptr (GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  g_autoptr (GPtrArray) cohorts = NULL;

  /* TRANSLATORS: a dropdown with nothing chosen yet, beside its row's
   * title ("Application", "Buyer") */
  gtk_string_list_append (labels, _("Choose…"));
  g_ptr_array_add (self->applications, NULL);
  g_ptr_array_add (self->owners, NULL);
  if (cohort != NULL)
    {
      list_accepted (self, cohort, labels, startups, owners);
      return;
    }
  if (program == NULL)
    return;
  cohorts = spire_store_list (self->store, &spire_kind_cohort, "program", program, NULL);
  for (guint i = 0; cohorts && i < cohorts->len; i++)
    list_accepted (self, spire_record_get_uuid (cohorts->pdata[i]), labels, startups, owners);
}

static void
fill_buyers (SpireDealNewDialog *self, GtkStringList *labels)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) bodies = spire_store_list (self->store, &spire_kind_public_body, NULL,
                                                   NULL, &error);

  gtk_string_list_append (labels, _("Choose…"));
  g_ptr_array_add (self->buyers, NULL);
  if (bodies == NULL)
    {
      g_warning ("Could not list the public bodies: %s", error->message);
      return;
    }
  for (guint i = 0; i < bodies->len; i++)
    {
      gtk_string_list_append (labels, spire_record_get_display_name (bodies->pdata[i]));
      g_ptr_array_add (self->buyers, g_strdup (spire_record_get_uuid (bodies->pdata[i])));
    }
}

static void
show_problem (SpireDealNewDialog *self, const char *title, const char *description)
{
  self->problem = g_strdup (title);
  adw_status_page_set_title (self->problem_page, title);
  adw_status_page_set_description (self->problem_page, description);
  gtk_stack_set_visible_child_name (self->stack, "problem");
}

static void
build_form (SpireDealNewDialog *self, const char *cohort, const char *program)
{
  static const char *const fields[] = { "kind", "stage", "value" };
  g_autoptr (GtkStringList) apps = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) buyers = gtk_string_list_new (NULL);

  fill_applications (self, cohort, program, apps);
  fill_buyers (self, buyers);
  self->application_dropdown = add_choice_row (self, _("Application"), apps);
  self->buyer_dropdown = add_choice_row (self, _("Buyer"), buyers);
  /* the one application there is (its buyer with it) */
  if (self->applications->len == 2)
    gtk_drop_down_set_selected (self->application_dropdown, 1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const SpireField *f = spire_kind_field (&spire_kind_deal, fields[i]);
      SpireFieldRow *r = spire_field_row_new (f, self->store, &spire_kind_deal, NULL,
                                              on_row_changed_cb, self);

      g_ptr_array_add (self->rows, r);
      adw_preferences_group_add (self->group, r->row);
    }
  spire_field_row_set_text (spire_field_rows_find (self->rows, "stage"), "dialogue");
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note"));
  adw_preferences_group_add (self->group, GTK_WIDGET (self->note_row));

  if (self->applications->len <= 1)
    show_problem (self, _("No Accepted Applications"),
                  _("A deal is recorded for an accepted startup. Accept an application in the "
                    "cohort’s Applications view first."));
  else if (self->buyers->len <= 1)
    show_problem (self, _("No Public Bodies"),
                  _("A deal is made with a public body. Add the buyer under Public bodies "
                    "first."));
}

/* Adding */

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireDealNewDialog *self = SPIRE_DEAL_NEW_DIALOG (widget);
  g_autoptr (SpireRecord) work = spire_record_new (&spire_kind_deal);
  g_autoptr (SpireRecord) deal = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *note = NULL;
  SpireDealSpec spec = { 0 };
  SpireFieldRow *bad;

  if (self->problem != NULL || self->store == NULL)
    return;
  bad = spire_field_rows_read (self->rows, work, &message);
  for (guint i = 0; i < self->rows->len; i++)
    {
      SpireFieldRow *r = self->rows->pdata[i];

      if (r == bad)
        gtk_widget_add_css_class (r->row, "error");
      else
        gtk_widget_remove_css_class (r->row, "error");
    }
  if (bad != NULL)
    {
      g_set_error_literal (&error, SPIRE_ERROR, SPIRE_ERROR_INVALID, message);
      spire_error_dialog_show (widget, _("The Deal Was Not Added"), error);
      return;
    }
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  spec.application = chosen (self->application_dropdown, self->applications);
  spec.buyer = chosen (self->buyer_dropdown, self->buyers);
  spec.kind = spire_record_get_text (work, "kind");
  spec.stage = spire_record_get_text (work, "stage");
  spec.value = spire_record_is_null (work, "value") ? SPIRE_INT_NONE
                                                    : spire_record_get_int (work, "value");
  spec.note = *note ? note : NULL;
  if ((deal = spire_deal_create (self->store, &spec, &error)) == NULL)
    {
      spire_error_dialog_show (widget, _("The Deal Was Not Added"), error);
      return;
    }
  g_signal_emit (self, signals[DEAL_ADDED], 0, spire_record_get_uuid (deal));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Class */

static void
spire_deal_new_dialog_dispose (GObject *object)
{
  SpireDealNewDialog *self = SPIRE_DEAL_NEW_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_NEW_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spire_deal_new_dialog_parent_class)->dispose (object);
}

static void
spire_deal_new_dialog_finalize (GObject *object)
{
  SpireDealNewDialog *self = SPIRE_DEAL_NEW_DIALOG (object);

  g_ptr_array_unref (self->applications);
  g_ptr_array_unref (self->owners);
  g_ptr_array_unref (self->buyers);
  g_free (self->problem);
  G_OBJECT_CLASS (spire_deal_new_dialog_parent_class)->finalize (object);
}

static void
spire_deal_new_dialog_class_init (SpireDealNewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_new_dialog_dispose;
  object_class->finalize = spire_deal_new_dialog_finalize;

  /* The new deal's UUID, after core stored it. */
  signals[DEAL_ADDED] = g_signal_new ("deal-added", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                      G_TYPE_STRING);

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/no/spire/Spire/followup/spire-deal-new-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealNewDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, SpireDealNewDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireDealNewDialog, group);
  gtk_widget_class_bind_template_child (widget_class, SpireDealNewDialog, problem_page);
  gtk_widget_class_install_action (widget_class, "deal-new.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spire_deal_new_dialog_init (SpireDealNewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->applications = g_ptr_array_new_with_free_func (g_free);
  self->owners = g_ptr_array_new_with_free_func (g_free);
  self->buyers = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func (spire_field_row_free);
}

SpireDealNewDialog *
spire_deal_new_dialog_new (GtkWidget *from, SpireStore *store, const char *cohort_uuid,
                           const char *program_uuid)
{
  SpireDealNewDialog *self = g_object_new (SPIRE_TYPE_DEAL_NEW_DIALOG,
                                           "transient-for", from ? spire_widget_get_window (from)
                                                                 : NULL,
                                           NULL);

  self->store = g_object_ref (store);
  build_form (self, cohort_uuid, program_uuid);
  update_add (self);
  return self;
}

gboolean
spire_deal_new_dialog_choose (SpireDealNewDialog *self, const char *field, const char *uuid)
{
  GtkDropDown *dropdown;
  GPtrArray *uuids;

  g_return_val_if_fail (SPIRE_IS_DEAL_NEW_DIALOG (self), FALSE);

  if (g_str_equal (field, "application"))
    dropdown = self->application_dropdown, uuids = self->applications;
  else if (g_str_equal (field, "public_body"))
    dropdown = self->buyer_dropdown, uuids = self->buyers;
  else
    return FALSE;
  return choose_uuid (dropdown, uuids, uuid);
}

gboolean
spire_deal_new_dialog_set_field_text (SpireDealNewDialog *self, const char *field,
                                      const char *text)
{
  SpireFieldRow *r;

  g_return_val_if_fail (SPIRE_IS_DEAL_NEW_DIALOG (self), FALSE);

  if (g_str_equal (field, "note"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), text);
      return TRUE;
    }
  if ((r = spire_field_rows_find (self->rows, field)) == NULL)
    return FALSE;
  spire_field_row_set_text (r, text);
  return TRUE;
}

const char *
spire_deal_new_dialog_get_problem (SpireDealNewDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_DEAL_NEW_DIALOG (self), NULL);
  return self->problem;
}
