/* spire-audit-page.c — the audit trail as a window page: who changed what,
 * when, before and after
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": the trail is read
 * through core's spire_audit_query_async (off the main thread), newest
 * first, by record, by person and since a day, a page of entries at a time
 * ("Show More"); the search filters what was read.  The selected entry's
 * changed fields are shown below the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-audit-entry.h"
#include "spire-audit-page.h"
#include "spire-audit-resources.h"
#include "spire-list-util.h"

#define PAGE_SIZE 200

struct _SpireAuditPage
{
  AdwBin parent_instance;

  /* template */
  GtkWidget *record_bar;
  GtkLabel *record_label;
  GtkSearchEntry *search_entry;
  GtkDropDown *person_dropdown;
  GtkEntry *since_entry;
  GtkStack *stack;
  AdwStatusPage *empty_status;
  GtkColumnView *column_view;
  GtkWidget *more_button;
  GtkLabel *details_title;
  GtkLabel *details_subtitle;
  GtkListBox *changes_list;

  GListStore *entries;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  SpireStore *store;
  GCancellable *cancellable;
  GCancellable *persons_cancellable;
  char *record;  /* UUID or NULL */
  char *person;  /* UUID or NULL */
  char *since;   /* ISO or NULL */
  char *query;   /* casefolded */
  char *title;
  GPtrArray *person_uuids; /* the dropdown's: NULL first, for everyone */
  guint limit;
  gboolean loading;
  gboolean quiet; /* while the page sets its own entries */
};

G_DEFINE_FINAL_TYPE (SpireAuditPage, spire_audit_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (SpireAuditPage *self, gboolean loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The list, or the empty state that says why it is empty */
static void
update_stack (SpireAuditPage *self)
{
  gboolean filtered = self->record || self->person || self->since ||
                      (self->query && *self->query);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  adw_status_page_set_title (self->empty_status, filtered ? _("No Matching Changes")
                                                          : _("No Changes Recorded"));
  adw_status_page_set_description (
    self->empty_status,
    filtered ? _("No entry of the audit trail matches the person, the date or the search.")
             : _("Every change made to this database is recorded here: who made it, when, "
                 "and what it was before and after."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Reading */

/* A read: the page and the cancellable it was started with (a read that
 * finished after another was started is dropped, cancelled or not). */
typedef struct
{
  SpireAuditPage *self;
  GCancellable *cancellable;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->cancellable);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Load) load = user_data;
  SpireAuditPage *self = load->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = spire_audit_query_finish (SPIRE_STORE (source), result, &error);
  g_autoptr (GPtrArray) items = NULL;

  if (g_cancellable_is_cancelled (load->cancellable) || load->cancellable != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  if (rows == NULL)
    {
      g_list_store_remove_all (self->entries);
      adw_status_page_set_title (self->empty_status, _("Could Not Read the Audit Trail"));
      adw_status_page_set_description (self->empty_status, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, spire_audit_entry_new (rows->pdata[i]));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->more_button, rows->len == self->limit);
  update_stack (self);
}

void
spire_audit_page_reload (SpireAuditPage *self)
{
  SpireAuditFilter filter = { 0 };
  Load *load;

  g_return_if_fail (SPIRE_IS_AUDIT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->entries);
      set_loading (self, FALSE);
      update_stack (self);
      return;
    }
  filter.record = self->record;
  filter.person = self->person;
  filter.since = self->since;
  filter.limit = self->limit;
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->cancellable = g_object_ref (self->cancellable);
  spire_audit_query_async (self->store, &filter, self->cancellable, on_loaded_cb, load);
}

/* The person picker: "Everyone", then the people by name.  The people are
 * listed off the main thread when the page is first shown (set_filter), not
 * when the window opens: until they come, the picker holds "Everyone" and
 * the person filtered by, if any (issue 11, start to the first window). */
static void
show_persons (SpireAuditPage *self, GPtrArray *persons)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (SpireRecord) current = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->person_uuids, 0);
  g_ptr_array_add (self->person_uuids, NULL);
  /* TRANSLATORS: the audit trail's person filter: entries about anyone */
  gtk_string_list_append (names, _("Everyone"));
  if (persons == NULL && self->person && self->store)
    current = spire_store_get (self->store, &spire_kind_person, self->person, NULL);
  if (current)
    {
      selected = 1;
      g_ptr_array_add (self->person_uuids, g_strdup (self->person));
      gtk_string_list_append (names, spire_record_get_display_name (current));
    }
  for (guint i = 0; persons && i < persons->len; i++)
    {
      const char *uuid = spire_record_get_uuid (persons->pdata[i]);

      if (g_strcmp0 (uuid, self->person) == 0)
        selected = self->person_uuids->len;
      g_ptr_array_add (self->person_uuids, g_strdup (uuid));
      gtk_string_list_append (names, spire_record_get_display_name (persons->pdata[i]));
    }
  self->quiet = TRUE;
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->person_dropdown, selected);
  self->quiet = FALSE;
}

static void
on_persons_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Load) load = user_data;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GError) error = NULL;

  persons = spire_store_list_finish (SPIRE_STORE (source), result, &error);
  if (g_cancellable_is_cancelled (load->cancellable) ||
      load->cancellable != load->self->persons_cancellable)
    return;
  if (persons == NULL)
    {
      /* The picker keeps "Everyone"; the entries still load. */
      g_warning ("Could not list the people: %s", error->message);
      return;
    }
  show_persons (load->self, persons);
}

static void
load_persons (SpireAuditPage *self)
{
  Load *load;

  g_cancellable_cancel (self->persons_cancellable);
  g_clear_object (&self->persons_cancellable);
  show_persons (self, NULL);
  if (self->store == NULL)
    return;
  self->persons_cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->cancellable = g_object_ref (self->persons_cancellable);
  spire_store_list_async (self->store, &spire_kind_person, NULL, NULL,
                          self->persons_cancellable, on_persons_cb, load);
}

static void
on_person_selected_cb (SpireAuditPage *self)
{
  guint i = gtk_drop_down_get_selected (self->person_dropdown);
  const char *uuid = i < self->person_uuids->len ? self->person_uuids->pdata[i] : NULL;

  if (self->quiet || g_strcmp0 (uuid, self->person) == 0)
    return;
  g_free (self->person);
  self->person = g_strdup (uuid);
  self->limit = PAGE_SIZE;
  spire_audit_page_reload (self);
}

static void
on_since_changed_cb (SpireAuditPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->since_entry));
  g_autofree char *iso = NULL;

  if (self->quiet)
    return;
  if (*text && (iso = spire_parse_date (text, NULL)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->since_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->since_entry), "error");
  if (g_strcmp0 (iso, self->since) == 0)
    return;
  g_free (self->since);
  self->since = g_steal_pointer (&iso);
  self->limit = PAGE_SIZE;
  spire_audit_page_reload (self);
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  SpireAuditPage *self = user_data;

  return self->query == NULL || spire_audit_entry_matches (item, self->query);
}

static void
on_search_changed_cb (SpireAuditPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->query);
  self->query = *text ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (!self->loading)
    update_stack (self);
}

/* The selected entry's details */

static void
update_details (SpireAuditPage *self)
{
  SpireAuditEntry *entry = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GPtrArray) changes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);
  if (entry == NULL)
    {
      gtk_label_set_text (self->details_title, "");
      gtk_label_set_text (self->details_subtitle, "");
      gtk_widget_set_visible (GTK_WIDGET (self->changes_list), FALSE);
      return;
    }
  /* TRANSLATORS: an audit entry's heading: "Changed — Startup: Kvitravn AS" */
  title = g_strdup_printf (_("%s — %s"),
                           spire_audit_entry_get_text (entry, SPIRE_AUDIT_COLUMN_ACTION),
                           spire_audit_entry_get_text (entry, SPIRE_AUDIT_COLUMN_RECORD));
  /* TRANSLATORS: when and by whom: "06.12.2026 14:05 by ola" */
  subtitle = g_strdup_printf (_("%s by %s"),
                              spire_audit_entry_get_text (entry, SPIRE_AUDIT_COLUMN_WHEN),
                              spire_audit_entry_get_text (entry, SPIRE_AUDIT_COLUMN_WHO));
  gtk_label_set_text (self->details_title, title);
  gtk_label_set_text (self->details_subtitle, subtitle);
  changes = spire_audit_entry_get_changes (entry, self->store);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), changes->len > 0);
  for (guint i = 0; i < changes->len; i++)
    {
      SpireAuditChange *change = changes->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = g_markup_escape_text (change->label, -1);
      /* TRANSLATORS: a changed field in the audit trail: before → after */
      g_autofree char *text = g_strdup_printf (_("%s → %s"), change->before, change->after);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->changes_list, row);
    }
}

/* Actions */

static void
show_all_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  spire_audit_page_set_filter (SPIRE_AUDIT_PAGE (widget), NULL, NULL, NULL);
}

static void
show_more_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  SpireAuditPage *self = SPIRE_AUDIT_PAGE (widget);

  self->limit += PAGE_SIZE;
  spire_audit_page_reload (self);
}

/* The columns */

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
  SpireAuditEntry *entry = gtk_list_item_get_item (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            spire_audit_entry_get_text (entry, column));
}

static void
add_columns (SpireAuditPage *self)
{
  static const struct
  {
    const char *title;
    guint min_chars, nat_chars;
    gboolean expand;
  } columns[] = {
    [SPIRE_AUDIT_COLUMN_WHEN] = { N_("When"), 10, 16, FALSE },
    [SPIRE_AUDIT_COLUMN_WHO] = { N_("Who"), 6, 12, FALSE },
    [SPIRE_AUDIT_COLUMN_RECORD] = { N_("Record"), 10, 30, TRUE },
    [SPIRE_AUDIT_COLUMN_ACTION] = { N_("Action"), 8, 14, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = spire_inscription_factory_new (
        i, columns[i].min_chars, columns[i].nat_chars, G_CALLBACK (on_bind_cb), self);
      g_autoptr (GtkColumnViewColumn) column =
        gtk_column_view_column_new (_(columns[i].title), factory);

      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* The object */

static void
spire_audit_page_dispose (GObject *object)
{
  SpireAuditPage *self = SPIRE_AUDIT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->persons_cancellable);
  g_clear_object (&self->persons_cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_AUDIT_PAGE);
  G_OBJECT_CLASS (spire_audit_page_parent_class)->dispose (object);
}

static void
spire_audit_page_finalize (GObject *object)
{
  SpireAuditPage *self = SPIRE_AUDIT_PAGE (object);

  g_clear_object (&self->entries);
  g_clear_object (&self->filtered);
  g_clear_object (&self->selection);
  g_free (self->record);
  g_free (self->person);
  g_free (self->since);
  g_free (self->query);
  g_free (self->title);
  g_ptr_array_unref (self->person_uuids);
  G_OBJECT_CLASS (spire_audit_page_parent_class)->finalize (object);
}

static void
spire_audit_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireAuditPage *self = SPIRE_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_audit_page_class_init (SpireAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_audit_page_dispose;
  object_class->finalize = spire_audit_page_finalize;
  object_class->get_property = spire_audit_page_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                     G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Links the GResource (registered by its constructor) from the static library. */
  (void) spire_audit_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/audit/spire-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, record_bar);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, record_label);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, details_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpireAuditPage, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_since_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "audit.show-more", NULL, show_more_action);
}

static void
spire_audit_page_init (SpireAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->limit = PAGE_SIZE;
  self->title = g_strdup (_("Audit Trail"));
  self->person_uuids = g_ptr_array_new_with_free_func (g_free);
  self->entries = g_list_store_new (SPIRE_TYPE_AUDIT_ENTRY);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (update_details), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  show_persons (self, NULL);
  update_stack (self);
  update_details (self);
}

GtkWidget *
spire_audit_page_new (void)
{
  return g_object_new (SPIRE_TYPE_AUDIT_PAGE, NULL);
}

void
spire_audit_page_set_store (SpireAuditPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_AUDIT_PAGE (self));

  if (self->store == store)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  g_set_object (&self->store, store);
  g_list_store_remove_all (self->entries);
  g_clear_pointer (&self->record, g_free);
  g_clear_pointer (&self->person, g_free);
  g_cancellable_cancel (self->persons_cancellable);
  g_clear_object (&self->persons_cancellable);
  show_persons (self, NULL);
  update_stack (self);
  /* Read when it is shown (spire_audit_page_set_filter or _reload), the
   * people too. */
}

static void
set_text_quietly (SpireAuditPage *self, GtkEditable *editable, const char *text)
{
  self->quiet = TRUE;
  gtk_editable_set_text (editable, text);
  self->quiet = FALSE;
}

void
spire_audit_page_set_filter (SpireAuditPage *self, const SpireKind *kind,
                             const char *record_uuid, const char *person_uuid)
{
  g_autoptr (SpireRecord) record = NULL;

  g_return_if_fail (SPIRE_IS_AUDIT_PAGE (self));

  g_free (self->record);
  self->record = g_strdup (record_uuid);
  g_free (self->person);
  self->person = g_strdup (person_uuid);
  g_clear_pointer (&self->since, g_free);
  g_clear_pointer (&self->query, g_free);
  self->limit = PAGE_SIZE;
  set_text_quietly (self, GTK_EDITABLE (self->since_entry), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->since_entry), "error");
  set_text_quietly (self, GTK_EDITABLE (self->search_entry), "");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);

  g_free (self->title);
  if (kind && record_uuid && self->store)
    record = spire_store_get (self->store, kind, record_uuid, NULL);
  if (record_uuid)
    /* TRANSLATORS: the audit page's title when it shows one record's entries */
    self->title = g_strdup_printf (_("History of “%s”"),
                                   record ? spire_record_get_display_name (record)
                                          : record_uuid);
  else
    self->title = g_strdup (_("Audit Trail"));
  gtk_label_set_text (self->record_label, self->title);
  gtk_widget_set_visible (self->record_bar, record_uuid != NULL);
  load_persons (self);
  spire_audit_page_reload (self);
}

void
spire_audit_page_set_since (SpireAuditPage *self, const char *date)
{
  g_return_if_fail (SPIRE_IS_AUDIT_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), date ? date : "");
}

gboolean
spire_audit_page_get_loading (SpireAuditPage *self)
{
  g_return_val_if_fail (SPIRE_IS_AUDIT_PAGE (self), FALSE);
  return self->loading;
}

GListModel *
spire_audit_page_get_entries (SpireAuditPage *self)
{
  g_return_val_if_fail (SPIRE_IS_AUDIT_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

const char *
spire_audit_page_get_title (SpireAuditPage *self)
{
  g_return_val_if_fail (SPIRE_IS_AUDIT_PAGE (self), NULL);
  return self->title;
}
