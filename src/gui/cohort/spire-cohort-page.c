/* spire-cohort-page.c — one cohort: facts, counts and its applications
 *
 * The applications go GListStore → GtkFilterListModel (status, challenge
 * and search) → GtkSortListModel (the column view's sorter) →
 * GtkMultiSelection → GtkColumnView.  Startup names and challenge titles
 * are read once per load into hash tables, and each application's folded
 * search text is made once per load, so that binding, filtering and sorting
 * never query the store (4 000 applications filter as you type).
 *
 * Beside the list, a details pane shows the one selected application with
 * its decision history; several selected can change status together
 * (spire_decide, one written reason for all).  What the list shows can be
 * exported as CSV (spire-csv-export.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "spire-list-util.h"
#include "spire-cohort-page.h"
#include "spire-cohort-page-private.h"

#include "../records/spire-record-editor.h"
#include "../spire-window.h"

enum
{
  COLUMN_TITLE,
  COLUMN_STARTUP,
  COLUMN_CHALLENGE,
  COLUMN_STATUS,
  COLUMN_SUBMITTED,
  N_COLUMNS
};

struct _SpireCohortPage
{
  AdwBin parent_instance;

  GtkFlowBox *facts_box;
  GtkLabel *phase_label;
  GtkLabel *deadline_label;
  GtkLabel *start_label;
  GtkLabel *end_label;
  GtkLabel *seats_label;
  GtkBox *counts_box;
  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkDropDown *challenge_dropdown;
  GtkLabel *shown_label;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkPaned *paned;
  GtkRevealer *action_revealer;
  GtkLabel *selection_label;
  GtkStack *details_stack;
  AdwStatusPage *details_many;
  GtkBox *details_box;
  GMenuModel *context_menu;
  GtkWidget *context_popover;

  GListStore *applications;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;

  GtkStringList *status_items;    /* "All statuses", "Received (12)" … */
  GtkStringList *challenge_items; /* "All challenges", titles … */
  GPtrArray *challenge_values;    /* per challenge item: uuid, "" (none) or NULL (all) */
  char *status_filter;            /* a status value, or NULL for all */
  char *challenge_filter;         /* a challenge uuid, "" for none, or NULL for all */
  char *folded_query;             /* spire_search_fold of the query */
  gboolean updating_filters;
  GHashTable *status_buttons;     /* status value → GtkToggleButton */

  char *details_uuid;             /* the application shown in the details pane */
  GPtrArray *history_texts;       /* what the history rows say, for tests */
  AdwMessageDialog *status_dialog;
  char *last_toast;
  guint exporting;
  guint orientation_idle;
  gboolean position_done;

  SpireStore *store;
  SpireCohort *cohort;
  GHashTable *startup_names;    /* uuid → name */
  GHashTable *challenge_titles; /* uuid → title */
  GHashTable *status_counts;    /* status value → GtkLabel showing the number */
  GHashTable *name_keys;        /* startup/challenge uuid → spire_collate_key of its name */
  GHashTable *startup_orgnrs;   /* startup uuid → orgnr */
  char *query;
};

G_DEFINE_FINAL_TYPE (SpireCohortPage, spire_cohort_page, ADW_TYPE_BIN)

/* The text searched for each application: title, startup, challenge,
 * folded (spire_search_fold) once per load. */
static GQuark haystack_quark;
/* spire_collate_key of an application's title, made when first sorted. */
static GQuark title_key_quark;

static const SpireField *
status_field (void)
{
  return spire_kind_field (&spire_kind_application, "status");
}

static int
status_rank (const char *value)
{
  const SpireField *f = status_field ();
  int i = 0;

  if (value == NULL)
    return G_MAXINT;
  for (const SpireEnumValue *v = f->values; v->value; v++, i++)
    if (g_str_equal (v->value, value))
      return i;
  return G_MAXINT - 1;
}

static const char *
lookup_name (GHashTable *names, const char *uuid)
{
  const char *name = uuid ? g_hash_table_lookup (names, uuid) : NULL;

  return name ? name : "";
}

/* "2026-03-01T09:12:00Z" → the local day, as people write it. */
static char *
format_submitted (const char *iso_utc)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (iso_utc == NULL || *iso_utc == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return spire_format_date (iso_utc, spire_language_current ());
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  return spire_format_date (day, spire_language_current ());
}

static char *
cell_text (SpireCohortPage *self, SpireRecord *app, guint column)
{
  switch (column)
    {
    case COLUMN_TITLE:
      return g_strdup (spire_record_get_text (app, "title"));
    case COLUMN_STARTUP:
      return g_strdup (lookup_name (self->startup_names, spire_record_get_text (app, "startup")));
    case COLUMN_CHALLENGE:
      return g_strdup (lookup_name (self->challenge_titles,
                                    spire_record_get_text (app, "challenge")));
    case COLUMN_STATUS:
      return g_strdup (spire_field_value_label (status_field (),
                                                spire_record_get_text (app, "status")));
    case COLUMN_SUBMITTED:
      return format_submitted (spire_record_get_text (app, "submitted_at"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Sorting
 *
 * The order is spire_collate()'s (Norwegian: Æ Ø Å after Z, "aa" as Å), but
 * each text's collation key is made once and kept, not twice per comparison:
 * 4 000 rows sort at once. */

static int
collate_keyed (const char *key_a, const char *a, const char *key_b, const char *b)
{
  int r = strcmp (key_a, key_b);

  return r != 0 ? r : g_strcmp0 (a, b);
}

static const char *
title_key (SpireRecord *app)
{
  char *key = g_object_get_qdata (G_OBJECT (app), title_key_quark);

  if (key == NULL)
    {
      key = spire_collate_key (spire_record_get_text (app, "title"));
      g_object_set_qdata_full (G_OBJECT (app), title_key_quark, key, g_free);
    }
  return key;
}

static const char *
name_key (SpireCohortPage *self, GHashTable *names, const char *uuid)
{
  char *key;

  if (uuid == NULL)
    return "";
  key = g_hash_table_lookup (self->name_keys, uuid);
  if (key == NULL)
    {
      key = spire_collate_key (lookup_name (names, uuid));
      g_hash_table_insert (self->name_keys, g_strdup (uuid), key);
    }
  return key;
}

static int
compare_title_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireRecord *ra = (SpireRecord *) a, *rb = (SpireRecord *) b;

  return gtk_ordering_from_cmpfunc (collate_keyed (title_key (ra),
                                                   spire_record_get_text (ra, "title"),
                                                   title_key (rb),
                                                   spire_record_get_text (rb, "title")));
}

static int
compare_names (SpireCohortPage *self, GHashTable *names, const char *field, SpireRecord *a,
               SpireRecord *b)
{
  const char *ua = spire_record_get_text (a, field);
  const char *ub = spire_record_get_text (b, field);

  return gtk_ordering_from_cmpfunc (collate_keyed (name_key (self, names, ua),
                                                   lookup_name (names, ua),
                                                   name_key (self, names, ub),
                                                   lookup_name (names, ub)));
}

static int
compare_startup_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireCohortPage *self = user_data;

  return compare_names (self, self->startup_names, "startup", (SpireRecord *) a,
                        (SpireRecord *) b);
}

static int
compare_challenge_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SpireCohortPage *self = user_data;

  return compare_names (self, self->challenge_titles, "challenge", (SpireRecord *) a,
                        (SpireRecord *) b);
}

/* In the order an application moves through: received → … → withdrawn. */
static int
compare_status_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  int ra = status_rank (spire_record_get_text ((SpireRecord *) a, "status"));
  int rb = status_rank (spire_record_get_text ((SpireRecord *) b, "status"));

  return ra < rb ? GTK_ORDERING_SMALLER : ra > rb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* ISO timestamps in UTC sort as text; not submitted comes last. */
static int
compare_submitted_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *sa = spire_record_get_text ((SpireRecord *) a, "submitted_at");
  const char *sb = spire_record_get_text ((SpireRecord *) b, "submitted_at");

  if (sa == NULL || sb == NULL)
    return sa == sb ? GTK_ORDERING_EQUAL : sa == NULL ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  return gtk_ordering_from_cmpfunc (strcmp (sa, sb));
}

/* Filtering */

static gboolean
filter_cb (gpointer item, gpointer user_data)
{
  SpireCohortPage *self = user_data;
  SpireRecord *app = item;
  const char *haystack;

  if (self->status_filter != NULL &&
      g_strcmp0 (spire_record_get_text (app, "status"), self->status_filter) != 0)
    return FALSE;
  if (self->challenge_filter != NULL)
    {
      const char *challenge = spire_record_get_text (app, "challenge");

      if (*self->challenge_filter == '\0' ? (challenge != NULL && *challenge != '\0')
                                          : g_strcmp0 (challenge, self->challenge_filter) != 0)
        return FALSE;
    }
  if (self->folded_query == NULL || *self->folded_query == '\0')
    return TRUE;
  haystack = g_object_get_qdata (item, haystack_quark);
  return haystack != NULL && strstr (haystack, self->folded_query) != NULL;
}

static gboolean
is_filtered (SpireCohortPage *self)
{
  return (self->query && *self->query) || self->status_filter || self->challenge_filter;
}

/* Cells */

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SpireCohortPage *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  /* For the context menu: which row was clicked. */
  g_object_set_data (G_OBJECT (label), "spire-list-item", item);
  if (column == COLUMN_TITLE || column == COLUMN_STARTUP || column == COLUMN_CHALLENGE)
    gtk_widget_set_tooltip_text (label, text);
  if (column == COLUMN_SUBMITTED)
    gtk_widget_add_css_class (label, "numeric");
}

/* Showing */

static void
set_fact (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text && *text ? text : "–");
}

static void
update_facts (SpireCohortPage *self)
{
  SpireRecord *c = SPIRE_RECORD (self->cohort);
  SpireLanguage lang = spire_language_current ();
  g_autofree char *deadline = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *seats = NULL;

  if (c == NULL)
    {
      set_fact (self->phase_label, NULL);
      set_fact (self->deadline_label, NULL);
      set_fact (self->start_label, NULL);
      set_fact (self->end_label, NULL);
      set_fact (self->seats_label, NULL);
      return;
    }
  deadline = spire_format_date (spire_record_get_text (c, "application_deadline"), lang);
  start = spire_format_date (spire_record_get_text (c, "starts_on"), lang);
  end = spire_format_date (spire_record_get_text (c, "ends_on"), lang);
  if (!spire_record_is_null (c, "seats"))
    seats = g_strdup_printf ("%" G_GINT64_FORMAT, spire_record_get_int (c, "seats"));

  set_fact (self->phase_label,
            spire_field_value_label (spire_kind_field (&spire_kind_cohort, "phase"),
                                     spire_record_get_text (c, "phase")));
  set_fact (self->deadline_label, deadline);
  set_fact (self->start_label, start);
  set_fact (self->end_label, end);
  set_fact (self->seats_label, seats);
}

static void
update_counts (SpireCohortPage *self, GHashTable *counts)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_box_remove (self->counts_box, child);
  g_hash_table_remove_all (self->status_counts);
  g_hash_table_remove_all (self->status_buttons);

  for (const SpireEnumValue *v = status_field ()->values; v->value; v++)
    {
      guint n = counts ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, v->value)) : 0;
      g_autofree char *number = g_strdup_printf ("%u", n);
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *num = gtk_label_new (number);
      GtkWidget *caption = gtk_label_new (_(v->label));

      gtk_widget_add_css_class (num, "title-3");
      gtk_widget_add_css_class (num, "numeric");
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), num);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "spire-count");
      if (n == 0)
        gtk_widget_add_css_class (num, "dim-label");
      /* TRANSLATORS: tooltip of a status count, e.g. "Show only Rejected" */
      tooltip = g_strdup_printf (_("Show only “%s”"), _(v->label));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    g_strcmp0 (self->status_filter, v->value) == 0);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "cohort.toggle-status");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", v->value);

      gtk_widget_set_hexpand (button, TRUE);
      gtk_box_append (self->counts_box, button);
      g_hash_table_insert (self->status_counts, (gpointer) v->value, num);
      g_hash_table_insert (self->status_buttons, (gpointer) v->value, button);
    }
}

/* The dropdowns' items: statuses with their counts, the cohort's challenges. */
static void
update_filter_items (SpireCohortPage *self, GHashTable *counts, GPtrArray *challenges,
                     gboolean without_challenge)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint total = 0, status_pos = 0, challenge_pos = 0, i = 1;

  self->updating_filters = TRUE;

  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    {
      guint n = counts ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, v->value)) : 0;

      total += n;
      /* TRANSLATORS: a status and how many applications have it: "Received (12)" */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (%u)"), _(v->label), n));
      if (g_strcmp0 (self->status_filter, v->value) == 0)
        status_pos = i;
    }
  g_ptr_array_insert (labels, 0, g_strdup_printf (_("All statuses (%u)"), total));
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->status_items, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->status_items)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->status_dropdown, status_pos);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (self->challenge_values, 0);
  g_ptr_array_add (labels, g_strdup (_("All challenges")));
  g_ptr_array_add (self->challenge_values, NULL);
  for (guint c = 0; challenges && c < challenges->len; c++)
    {
      SpireRecord *r = g_ptr_array_index (challenges, c);

      g_ptr_array_add (labels, g_strdup (spire_record_get_display_name (r)));
      g_ptr_array_add (self->challenge_values, g_strdup (spire_record_get_uuid (r)));
    }
  if (without_challenge || g_strcmp0 (self->challenge_filter, "") == 0)
    {
      g_ptr_array_add (labels, g_strdup (_("No challenge")));
      g_ptr_array_add (self->challenge_values, g_strdup (""));
    }
  for (guint c = 1; self->challenge_filter && c < self->challenge_values->len; c++)
    if (g_str_equal (self->challenge_values->pdata[c], self->challenge_filter))
      challenge_pos = c;
  if (challenge_pos == 0)
    g_clear_pointer (&self->challenge_filter, g_free); /* the challenge is gone */
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->challenge_items, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->challenge_items)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->challenge_dropdown, challenge_pos);

  self->updating_filters = FALSE;
}

static void
update_shown (SpireCohortPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->applications));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (is_filtered (self))
    /* TRANSLATORS: "12 of 80 applications"; the plural follows the second number */
    text = g_strdup_printf (ngettext ("%u of %u application", "%u of %u applications", total),
                            shown, total);
  else
    text = g_strdup_printf (ngettext ("%u application", "%u applications", total), total);
  gtk_label_set_text (self->shown_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

/* Changes the status filter (NULL: all) and shows it in the dropdown and
 * the count buttons. */
static void
set_status_filter (SpireCohortPage *self, const char *status)
{
  GHashTableIter iter;
  gpointer key, button;
  guint pos = 0, i = 1;
  GtkFilterChange change;

  if (g_strcmp0 (status, self->status_filter) == 0)
    return;
  change = self->status_filter == NULL ? GTK_FILTER_CHANGE_MORE_STRICT
           : status == NULL            ? GTK_FILTER_CHANGE_LESS_STRICT
                                       : GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->status_filter);
  self->status_filter = g_strdup (status);

  self->updating_filters = TRUE;
  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    if (g_strcmp0 (status, v->value) == 0)
      pos = i;
  gtk_drop_down_set_selected (self->status_dropdown, pos);
  g_hash_table_iter_init (&iter, self->status_buttons);
  while (g_hash_table_iter_next (&iter, &key, &button))
    gtk_toggle_button_set_active (button, g_strcmp0 (key, status) == 0);
  self->updating_filters = FALSE;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_shown (self);
}

static void
set_challenge_filter (SpireCohortPage *self, const char *challenge)
{
  GtkFilterChange change;

  if (g_strcmp0 (challenge, self->challenge_filter) == 0)
    return;
  change = self->challenge_filter == NULL ? GTK_FILTER_CHANGE_MORE_STRICT
           : challenge == NULL            ? GTK_FILTER_CHANGE_LESS_STRICT
                                          : GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->challenge_filter);
  self->challenge_filter = g_strdup (challenge);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_shown (self);
}

/* Selection */

/* The selected applications, in the list's order (new references). */
static GPtrArray *
selected_applications (SpireCohortPage *self)
{
  return spire_selection_get_items (GTK_SELECTION_MODEL (self->selection));
}

static guint
n_selected (SpireCohortPage *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (set);
}

static GtkWindow *
window_of (SpireCohortPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (SpireCohortPage *self, const char *text)
{
  GtkWindow *window = window_of (self);

  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  if (window && SPIRE_IS_WINDOW (window))
    spire_window_add_toast (SPIRE_WINDOW (window), adw_toast_new (text));
}

static void
show_error (SpireCohortPage *self, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Details */

static GtkWidget *
details_row (const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "–");
  gtk_widget_add_css_class (row, "property");
  return row;
}

static const char *
field_label (const SpireKind *kind, const char *field)
{
  return _(spire_kind_field (kind, field)->label);
}

static GtkWidget *
details_group (SpireCohortPage *self, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->details_box, group);
  return group;
}

static GtkWidget *
text_block (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static void
add_text_group (SpireCohortPage *self, const char *title, const char *text)
{
  GtkWidget *group;

  if (text == NULL || *text == '\0')
    return;
  group = details_group (self, title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_block (text));
}

static int
compare_decisions_newest_first (gconstpointer a, gconstpointer b)
{
  SpireRecord *da = *(SpireRecord **) a, *db = *(SpireRecord **) b;
  int r = g_strcmp0 (spire_record_get_text (db, "decided_at"),
                     spire_record_get_text (da, "decided_at"));

  return r != 0 ? r : g_strcmp0 (spire_record_get_text (db, "created_at"),
                                 spire_record_get_text (da, "created_at"));
}

static void
add_history (SpireCohortPage *self, const char *uuid)
{
  const SpireField *from = spire_kind_field (&spire_kind_decision, "from_status");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = spire_store_list (self->store, &spire_kind_decision,
                                                      "application", uuid, &error);
  GtkWidget *group = details_group (self, _("History"));
  GtkWidget *list;

  if (decisions == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  if (decisions->len == 0)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("No decisions yet."));
      return;
    }
  g_ptr_array_sort (decisions, compare_decisions_newest_first);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < decisions->len; i++)
    {
      SpireRecord *d = g_ptr_array_index (decisions, i);
      const char *from_value = spire_record_get_text (d, "from_status");
      g_autofree char *when = spire_format_timestamp (spire_record_get_text (d, "decided_at"),
                                                      spire_language_current ());
      g_autofree char *change = NULL;
      g_autofree char *meta = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *label;

      if (from_value && *from_value)
        /* TRANSLATORS: a status change in an application's history: "Received → Rejected" */
        change = g_strdup_printf (_("%s → %s"), spire_field_value_label (from, from_value),
                                  spire_field_value_label (from, spire_record_get_text (d, "to_status")));
      else
        change = g_strdup (spire_field_value_label (from, spire_record_get_text (d, "to_status")));
      /* TRANSLATORS: who decided and when: "Kari Nordmann · 23.11.2026 14:05" */
      meta = g_strdup_printf (_("%s · %s"), spire_record_get_text (d, "decided_by"), when);

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 9);
      gtk_widget_set_margin_bottom (box, 9);
      label = gtk_label_new (change);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (meta);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), text_block (spire_record_get_text (d, "reason")));
      gtk_list_box_append (GTK_LIST_BOX (list), box);

      g_ptr_array_add (self->history_texts,
                       g_strjoin ("\n", change, meta, spire_record_get_text (d, "reason"), NULL));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
}

static void
add_extra_answers (SpireCohortPage *self, const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  GtkWidget *group = NULL;
  JsonObjectIter iter;
  const char *question;
  JsonNode *answer;

  if (json == NULL || *json == '\0' || !json_parser_load_from_data (parser, json, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &question, &answer))
    {
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (answer))
        {
          GValue v = G_VALUE_INIT;
          GValue s = G_VALUE_INIT;

          json_node_get_value (answer, &v);
          g_value_init (&s, G_TYPE_STRING);
          if (g_value_transform (&v, &s))
            text = g_value_dup_string (&s);
          g_value_unset (&v);
          g_value_unset (&s);
        }
      else if (!JSON_NODE_HOLDS_NULL (answer))
        text = json_to_string (answer, FALSE);
      if (group == NULL)
        group = details_group (self, field_label (&spire_kind_application, "extra"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), details_row (question, text));
    }
}

static void
fill_details (SpireCohortPage *self, SpireRecord *app)
{
  const SpireKind *k = &spire_kind_application;
  SpireLanguage lang = spire_language_current ();
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (SpireRecord) contact = NULL;
  g_autofree char *submitted = NULL;
  const char *ref, *confidential;
  GtkWidget *child, *group, *box, *button, *label;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))) != NULL)
    gtk_box_remove (self->details_box, child);
  g_ptr_array_set_size (self->history_texts, 0);

  /* Title and what can be done */
  label = gtk_label_new (spire_record_get_text (app, "title"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-2");
  gtk_box_append (self->details_box, label);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "cohort.edit-application");
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_with_mnemonic (_("C_hange Status…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "cohort.change-status");
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "cohort.delete-applications");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (self->details_box, box);

  /* The startup */
  ref = spire_record_get_text (app, "startup");
  if (ref && self->store)
    startup = spire_store_get (self->store, &spire_kind_startup, ref, NULL);
  group = details_group (self, field_label (k, "startup"));
  if (startup)
    {
      g_autofree char *orgnr = spire_record_is_null (startup, "orgnr")
                                 ? NULL
                                 : spire_format_orgnr (spire_record_get_text (startup, "orgnr"));
      const char *web = spire_record_get_text (startup, "website");
      GtkWidget *row;

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 details_row (field_label (&spire_kind_startup, "name"),
                                              spire_record_get_text (startup, "name")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 details_row (field_label (&spire_kind_startup, "orgnr"), orgnr));
      row = details_row (field_label (&spire_kind_startup, "website"), NULL);
      if (web && *web)
        {
          g_autofree char *uri = strstr (web, "://") ? g_strdup (web)
                                                      : g_strconcat ("https://", web, NULL);
          g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, web);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         field_label (&spire_kind_startup, "website"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               details_row (field_label (&spire_kind_startup, "name"),
                                            lookup_name (self->startup_names, ref)));

  /* The application */
  group = details_group (self, _("Application"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             details_row (field_label (k, "challenge"),
                                          lookup_name (self->challenge_titles,
                                                       spire_record_get_text (app, "challenge"))));
  ref = spire_record_get_text (app, "contact");
  if (ref && *ref && self->store)
    contact = spire_store_get (self->store, &spire_kind_person, ref, NULL);
  {
    g_autofree char *who = NULL;

    if (contact)
      {
        const char *email = spire_record_get_text (contact, "email");

        who = email && *email
                /* TRANSLATORS: a contact person: "Kari Nordmann <kari@example.no>" */
                ? g_strdup_printf (_("%s <%s>"), spire_record_get_text (contact, "name"), email)
                : g_strdup (spire_record_get_text (contact, "name"));
      }
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               details_row (field_label (k, "contact"), who));
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             details_row (field_label (k, "status"),
                                          spire_field_value_label (status_field (),
                                                                   spire_record_get_text (app, "status"))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             details_row (field_label (k, "stage"),
                                          spire_field_value_label (spire_kind_field (k, "stage"),
                                                                   spire_record_get_text (app, "stage"))));
  submitted = spire_format_timestamp (spire_record_get_text (app, "submitted_at"), lang);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             details_row (field_label (k, "submitted_at"), submitted));

  add_text_group (self, field_label (k, "pitch"), spire_record_get_text (app, "pitch"));
  add_text_group (self, field_label (k, "solution"), spire_record_get_text (app, "solution"));
  add_extra_answers (self, spire_record_get_text (app, "extra"));

  /* Shared in confidence: marked as such */
  confidential = spire_record_get_text (app, "confidential");
  if (confidential && *confidential)
    {
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Confidential: never in exports or evaluation packages"));
      gtk_box_append (GTK_BOX (header), icon);
      label = gtk_label_new (_("Shared in confidence"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (header), label);
      gtk_widget_add_css_class (header, "dim-label");
      gtk_box_append (GTK_BOX (frame), header);
      gtk_box_append (GTK_BOX (frame), text_block (confidential));
      gtk_widget_add_css_class (frame, "card");
      gtk_widget_add_css_class (frame, "spire-count");
      gtk_box_append (self->details_box, frame);
    }

  add_history (self, spire_record_get_uuid (app));
}

/* Shows the selection in the details pane, the action bar and the actions. */
static void update_details_visible (SpireCohortPage *self);

static void
update_selection (SpireCohortPage *self, gboolean force)
{
  guint n = n_selected (self);
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.edit-application", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.change-status", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.delete-applications", n > 0);
  /* One is handled in the details pane. */
  gtk_revealer_set_reveal_child (self->action_revealer, n > 1);
  text = g_strdup_printf (ngettext ("%u application selected", "%u applications selected", n), n);
  gtk_label_set_text (self->selection_label, text);

  if (n == 1)
    {
      g_autoptr (GPtrArray) apps = selected_applications (self);
      SpireRecord *app = g_ptr_array_index (apps, 0);

      if (force || g_strcmp0 (self->details_uuid, spire_record_get_uuid (app)) != 0)
        {
          g_free (self->details_uuid);
          self->details_uuid = g_strdup (spire_record_get_uuid (app));
          fill_details (self, app);
        }
      gtk_stack_set_visible_child_name (self->details_stack, "one");
      update_details_visible (self);
      return;
    }
  g_clear_pointer (&self->details_uuid, g_free);
  g_ptr_array_set_size (self->history_texts, 0);
  if (n == 0)
    gtk_stack_set_visible_child_name (self->details_stack, "none");
  else
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Application Selected",
                                                          "%u Applications Selected", n), n);

      adw_status_page_set_title (self->details_many, title);
      gtk_stack_set_visible_child_name (self->details_stack, "many");
    }
  update_details_visible (self);
}

/* Under the list, an empty details pane would only take room from it. */
static void
update_details_visible (SpireCohortPage *self)
{
  gboolean under = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) ==
                   GTK_ORIENTATION_VERTICAL;
  gboolean empty = g_strcmp0 (gtk_stack_get_visible_child_name (self->details_stack), "none") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->details_stack), !(under && empty));
}

static void
on_selection_changed_cb (SpireCohortPage *self, guint position, guint n_items,
                         GtkSelectionModel *model)
{
  update_selection (self, FALSE);
}

/* Selects the applications whose UUIDs are in @uuids (after a reload). */
static void
select_uuids (SpireCohortPage *self, GHashTable *uuids)
{
  g_autoptr (GtkBitset) set = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  if (uuids == NULL || g_hash_table_size (uuids) == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRecord) app = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (g_hash_table_contains (uuids, spire_record_get_uuid (app)))
        gtk_bitset_add (set, i);
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, mask);
}

/* Changing the status of the selection */

typedef struct
{
  GStrv uuids;
  GStrv statuses; /* each application's status when the dialog opened */
  GtkDropDown *status;
  GtkTextBuffer *reason;
  GtkLabel *warning;
} StatusDialog;

static void
status_dialog_free (gpointer data)
{
  StatusDialog *d = data;

  g_strfreev (d->uuids);
  g_strfreev (d->statuses);
  g_free (d);
}

static const char *
status_at (guint pos)
{
  return status_field ()->values[pos].value;
}

static guint
n_changing (StatusDialog *d, const char *status)
{
  guint n = 0;

  for (guint i = 0; d->statuses[i]; i++)
    if (g_strcmp0 (d->statuses[i], status) != 0)
      n++;
  return n;
}

static char *
reason_text (StatusDialog *d)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (d->reason, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (d->reason, &start, &end, FALSE));
}

/* Apply only with a reason, and when something would change; a warning when
 * more would be accepted than the cohort has seats (not a refusal). */
static void
status_dialog_update (SpireCohortPage *self)
{
  StatusDialog *d;
  const char *status;
  g_autofree char *reason = NULL;
  g_autofree char *warning = NULL;

  if (self->status_dialog == NULL)
    return;
  d = g_object_get_data (G_OBJECT (self->status_dialog), "spire-status-dialog");
  status = status_at (gtk_drop_down_get_selected (d->status));
  reason = reason_text (d);
  adw_message_dialog_set_response_enabled (self->status_dialog, "apply",
                                           *reason != '\0' && n_changing (d, status) > 0);

  if (g_strcmp0 (status, "accepted") == 0 && self->store && self->cohort)
    {
      const char *cohort = spire_record_get_uuid (SPIRE_RECORD (self->cohort));
      gint64 seats = SPIRE_INT_NONE;
      gint64 accepted = spire_cohort_count_accepted (self->store, cohort, &seats, NULL);
      gint64 after = accepted + n_changing (d, status);

      if (accepted >= 0 && seats != SPIRE_INT_NONE && after > seats)
        warning = g_strdup_printf (ngettext ("After this change %d application will be accepted, "
                                             "but the cohort has %d seats.",
                                             "After this change %d applications will be accepted, "
                                             "but the cohort has %d seats.",
                                             (gulong) after),
                                   (int) after, (int) seats);
      else if (seats != SPIRE_INT_NONE)
        warning = spire_cohort_seats_warning (self->store, cohort);
    }
  gtk_label_set_text (d->warning, warning ? warning : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (d->warning)), warning != NULL);
}

static void
on_status_dialog_response_cb (AdwMessageDialog *dialog, const char *response,
                              SpireCohortPage *self)
{
  StatusDialog *d = g_object_get_data (G_OBJECT (dialog), "spire-status-dialog");
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  const char *status;
  guint n;

  if (self->status_dialog == dialog)
    self->status_dialog = NULL;
  if (g_strcmp0 (response, "apply") != 0 || self->store == NULL)
    return;

  status = status_at (gtk_drop_down_get_selected (d->status));
  reason = reason_text (d);
  n = n_changing (d, status);
  if (!spire_decide (self->store, (const char *const *) d->uuids, status, reason, &error))
    {
      show_error (self, _("Could Not Change the Status"), error);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (ngettext ("Status of %u application changed",
                                                       "Status of %u applications changed", n),
                                             n);
    toast (self, text);
  }
}

static void
change_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GPtrArray) apps = selected_applications (self);
  g_autoptr (GStrvBuilder) uuids = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) statuses = g_strv_builder_new ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  StatusDialog *d;
  GtkWidget *dialog, *box, *label, *scroller, *view, *warning_box;
  guint pos = 0, i = 0;

  if (apps->len == 0 || self->store == NULL)
    return;
  if (self->status_dialog)
    gtk_window_destroy (GTK_WINDOW (self->status_dialog));

  for (guint a = 0; a < apps->len; a++)
    {
      g_strv_builder_add (uuids, spire_record_get_uuid (apps->pdata[a]));
      g_strv_builder_add (statuses, spire_record_get_text (apps->pdata[a], "status"));
    }
  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    {
      gtk_string_list_append (labels, _(v->label));
      if (g_strcmp0 (v->value, spire_record_get_text (apps->pdata[0], "status")) == 0)
        pos = i;
    }

  if (apps->len == 1)
    heading = g_strdup_printf (_("Change Status of “%s”"),
                               spire_record_get_display_name (apps->pdata[0]));
  else
    heading = g_strdup_printf (ngettext ("Change Status of %u Application",
                                         "Change Status of %u Applications", apps->len),
                               apps->len);
  dialog = adw_message_dialog_new (window_of (self), heading,
                                   _("The reason is recorded with the decision on each "
                                     "application, with your name and the time. Public bodies "
                                     "must be able to show why."));
  d = g_new0 (StatusDialog, 1);
  d->uuids = g_strv_builder_end (uuids);
  d->statuses = g_strv_builder_end (statuses);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("New _status"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  d->status = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_drop_down_set_selected (d->status, pos);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (d->status));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->status));

  label = gtk_label_new_with_mnemonic (_("_Reason (required)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  d->reason = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);

  warning_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (warning_box, 6);
  gtk_box_append (GTK_BOX (warning_box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (warning_box), label);
  gtk_widget_add_css_class (warning_box, "warning");
  gtk_widget_set_visible (warning_box, FALSE);
  d->warning = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), warning_box);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "spire-status-dialog", d, status_dialog_free);

  self->status_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->status_dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_status_dialog_response_cb), self, 0);
  g_signal_connect_object (d->reason, "changed", G_CALLBACK (status_dialog_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (d->status, "notify::selected", G_CALLBACK (status_dialog_update),
                           self, G_CONNECT_SWAPPED);
  status_dialog_update (self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* Editing, deleting, adding */

static void
edit_application_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GPtrArray) apps = selected_applications (self);

  if (apps->len == 1 && self->store)
    spire_record_editor_present (window_of (self), self->store, &spire_kind_application,
                                 apps->pdata[0], NULL);
}

static void
on_column_view_activate_cb (SpireCohortPage *self, guint position, GtkColumnView *view)
{
  g_autoptr (SpireRecord) app = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (app && self->store)
    spire_record_editor_present (window_of (self), self->store, &spire_kind_application, app,
                                 NULL);
}

static void
new_application_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GHashTable) defaults = NULL;

  if (self->store == NULL || self->cohort == NULL)
    return;
  defaults = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (defaults, (gpointer) "cohort",
                       (gpointer) spire_record_get_uuid (SPIRE_RECORD (self->cohort)));
  spire_record_editor_present (window_of (self), self->store, &spire_kind_application, NULL,
                               defaults);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog, const char *response,
                              SpireCohortPage *self)
{
  GPtrArray *apps = g_object_get_data (G_OBJECT (dialog), "spire-applications");

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;
  for (guint i = 0; i < apps->len; i++)
    spire_record_delete_with_undo (window_of (self), self->store, apps->pdata[i]);
}

static void
delete_applications_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GPtrArray) apps = selected_applications (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (apps->len == 0 || self->store == NULL)
    return;
  if (apps->len == 1)
    {
      /* One at a time: the toast's Undo is enough. */
      spire_record_delete_with_undo (window_of (self), self->store, apps->pdata[0]);
      return;
    }
  heading = g_strdup_printf (ngettext ("Delete %u Application?", "Delete %u Applications?",
                                       apps->len),
                             apps->len);
  dialog = adw_message_dialog_new (window_of (self), heading,
                                   _("Their decisions and reviews may keep some from being "
                                     "deleted; you will be told which."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "spire-applications", g_ptr_array_ref (apps),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Filters as actions (the count buttons) */

static void
toggle_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  const char *status = g_variant_get_string (parameter, NULL);

  set_status_filter (self, g_strcmp0 (status, self->status_filter) == 0 ? NULL : status);
}

static void
clear_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);

  set_status_filter (self, NULL);
  gtk_drop_down_set_selected (self->challenge_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Export as CSV */

/* "2026-03-01T09:12:00Z" → the local day as ISO "2026-03-01" (for programs). */
static char *
iso_day (const char *iso_utc)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso_utc == NULL || *iso_utc == '\0')
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return g_strdup (iso_utc);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_rows = 0;

  self->exporting--;
  if (!spire_csv_export_finish (result, &n_rows, &name, &error))
    {
      if (gtk_widget_get_root (GTK_WIDGET (self)))
        show_error (self, _("Could Not Export the Applications"), error);
      else
        g_warning ("%s", error->message);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (ngettext ("Exported %u application to “%s”",
                                                       "Exported %u applications to “%s”",
                                                       n_rows),
                                             n_rows, name);
    toast (self, text);
  }
}

/* What the list shows, in its order and columns; never confidential fields. */
static void
export_to_path (SpireCohortPage *self, const char *path)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (shown);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_full (n, (GDestroyNotify) g_strfreev);
  const char *header[] = {
    _("Title"), _("Startup"), _("Organisation number"), _("Challenge"), _("Status"),
    _("Submitted"), NULL,
  };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRecord) app = g_list_model_get_item (shown, i);
      const char *startup = spire_record_get_text (app, "startup");
      const char *orgnr = startup ? g_hash_table_lookup (self->startup_orgnrs, startup) : NULL;
      char **row = g_new0 (char *, 7);

      row[0] = cell_text (self, app, COLUMN_TITLE);
      row[1] = cell_text (self, app, COLUMN_STARTUP);
      row[2] = g_strdup (orgnr ? orgnr : "");
      row[3] = cell_text (self, app, COLUMN_CHALLENGE);
      row[4] = cell_text (self, app, COLUMN_STATUS);
      row[5] = iso_day (spire_record_get_text (app, "submitted_at"));
      if (row[5] == NULL)
        row[5] = g_strdup ("");
      g_ptr_array_add (rows, row);
    }

  self->exporting++;
  spire_csv_export_async (self, path, g_strdupv ((char **) header), g_steal_pointer (&rows),
                          export_done_cb, NULL);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser, int response, SpireCohortPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        export_to_path (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->cohort == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Applications as CSV"), window_of (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* A file name cannot hold "/". */
  name = g_strdup_printf ("%s.csv", spire_record_get_display_name (SPIRE_RECORD (self->cohort)));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Context menu */

static GtkListItem *
list_item_at (GtkWidget *widget)
{
  for (; widget; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "spire-list-item");

      if (item == NULL && child)
        item = g_object_get_data (G_OBJECT (child), "spire-list-item");
      if (item)
        return item;
      if (GTK_IS_COLUMN_VIEW (widget))
        break;
    }
  return NULL;
}

static void
on_context_click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y,
                             SpireCohortPage *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkListItem *item = list_item_at (gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT));
  double px, py;

  if (item == NULL)
    return;
  if (!gtk_list_item_get_selected (item))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                     gtk_list_item_get_position (item), TRUE);
  gtk_widget_translate_coordinates (view, GTK_WIDGET (self), x, y, &px, &py);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover),
                               &(GdkRectangle) { (int) px, (int) py, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Callbacks */

static void
on_filtered_items_changed_cb (SpireCohortPage *self, guint position, guint removed, guint added,
                              GListModel *model)
{
  update_shown (self);
}

static void
on_search_entry_search_changed_cb (SpireCohortPage *self, GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *query = g_strstrip (g_strdup (text));

  if (g_strcmp0 (query, self->query ? self->query : "") == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  g_free (self->folded_query);
  self->folded_query = spire_search_fold (self->query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

static void
on_search_entry_stop_search_cb (SpireCohortPage *self, GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_status_dropdown_selected_cb (SpireCohortPage *self, GParamSpec *pspec, GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filters || pos == GTK_INVALID_LIST_POSITION)
    return;
  set_status_filter (self, pos == 0 ? NULL : status_at (pos - 1));
}

static void
on_challenge_dropdown_selected_cb (SpireCohortPage *self, GParamSpec *pspec,
                                   GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filters || pos == GTK_INVALID_LIST_POSITION ||
      pos >= self->challenge_values->len)
    return;
  set_challenge_filter (self, self->challenge_values->pdata[pos]);
}

/* Narrow: the details fold under the list. */
#define NARROW_WIDTH 900

static gboolean
update_orientation_cb (gpointer user_data)
{
  SpireCohortPage *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GtkOrientation want = width > 0 && width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                                 : GTK_ORIENTATION_HORIZONTAL;

  self->orientation_idle = 0;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != want ||
      !self->position_done)
    {
      self->position_done = TRUE;
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), want);
      gtk_widget_set_size_request (GTK_WIDGET (self->details_stack),
                                   want == GTK_ORIENTATION_HORIZONTAL ? 320 : -1, -1);
      /* Under the list both share the height; beside it the list takes
       * what the window gains. */
      gtk_paned_set_resize_end_child (self->paned, want == GTK_ORIENTATION_VERTICAL);
      gtk_paned_set_shrink_end_child (self->paned, want == GTK_ORIENTATION_VERTICAL);
      gtk_paned_set_position (self->paned, want == GTK_ORIENTATION_HORIZONTAL
                                             ? MAX (width - 380, 300)
                                             : MAX (gtk_widget_get_height (GTK_WIDGET (self->paned)) / 2, 200));
      g_debug ("page %d×%d, paned height %d: %s at %d", width,
               gtk_widget_get_height (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self->paned)),
               want == GTK_ORIENTATION_HORIZONTAL ? "side by side" : "details under the list",
               gtk_paned_get_position (self->paned));
    }
  update_details_visible (self);
  return G_SOURCE_REMOVE;
}

/* GObject */

static void
spire_cohort_page_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline,
                           int *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
spire_cohort_page_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (widget);
  gboolean vertical = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) ==
                      GTK_ORIENTATION_VERTICAL;

  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  /* The page allocates itself (no layout manager) to see its width. */
  if (child && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (self->context_popover)
    gtk_popover_present (GTK_POPOVER (self->context_popover));
  if ((vertical != (width < NARROW_WIDTH) || !self->position_done) && self->orientation_idle == 0)
    self->orientation_idle = g_idle_add (update_orientation_cb, self);
}

static void
spire_cohort_page_dispose (GObject *object)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (object);

  if (self->filtered)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_handle_id (&self->orientation_idle, g_source_remove);
  if (self->status_dialog)
    gtk_window_destroy (GTK_WINDOW (self->status_dialog));
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_COHORT_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->applications);
  g_clear_object (&self->status_items);
  g_clear_object (&self->challenge_items);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);
  g_clear_pointer (&self->challenge_values, g_ptr_array_unref);
  g_clear_pointer (&self->history_texts, g_ptr_array_unref);
  g_clear_pointer (&self->startup_names, g_hash_table_unref);
  g_clear_pointer (&self->challenge_titles, g_hash_table_unref);
  g_clear_pointer (&self->status_counts, g_hash_table_unref);
  g_clear_pointer (&self->status_buttons, g_hash_table_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  g_clear_pointer (&self->startup_orgnrs, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->folded_query, g_free);
  g_clear_pointer (&self->status_filter, g_free);
  g_clear_pointer (&self->challenge_filter, g_free);
  g_clear_pointer (&self->details_uuid, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (spire_cohort_page_parent_class)->dispose (object);
}

static void
spire_cohort_page_class_init (SpireCohortPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_cohort_page_dispose;
  widget_class->measure = spire_cohort_page_measure;
  widget_class->size_allocate = spire_cohort_page_size_allocate;

  haystack_quark = g_quark_from_static_string ("spire-cohort-page-haystack");
  title_key_quark = g_quark_from_static_string ("spire-cohort-page-title-key");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/cohort/spire-cohort-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, facts_box);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, start_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, end_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, seats_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, challenge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, paned);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, action_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, details_many);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, context_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "title_column", FALSE,
                                             G_STRUCT_OFFSET (SpireCohortPage, columns[COLUMN_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "startup_column", FALSE,
                                             G_STRUCT_OFFSET (SpireCohortPage, columns[COLUMN_STARTUP]));
  gtk_widget_class_bind_template_child_full (widget_class, "challenge_column", FALSE,
                                             G_STRUCT_OFFSET (SpireCohortPage, columns[COLUMN_CHALLENGE]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (SpireCohortPage, columns[COLUMN_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "submitted_column", FALSE,
                                             G_STRUCT_OFFSET (SpireCohortPage, columns[COLUMN_SUBMITTED]));
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_challenge_dropdown_selected_cb);

  /* Ctrl+N is the window's (new cohort): a new application has the page's
   * "+" button and this action. */
  gtk_widget_class_install_action (widget_class, "win.new-application", NULL,
                                   new_application_action);
  gtk_widget_class_install_action (widget_class, "cohort.edit-application", NULL,
                                   edit_application_action);
  gtk_widget_class_install_action (widget_class, "cohort.change-status", NULL,
                                   change_status_action);
  gtk_widget_class_install_action (widget_class, "cohort.delete-applications", NULL,
                                   delete_applications_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "cohort.toggle-status", "s",
                                   toggle_status_action);
  gtk_widget_class_install_action (widget_class, "cohort.clear-filters", NULL,
                                   clear_filters_action);
}

static void
spire_cohort_page_init (SpireCohortPage *self)
{
  static const GCompareDataFunc compare[N_COLUMNS] = {
    compare_title_cb, compare_startup_cb, compare_challenge_cb, compare_status_cb,
    compare_submitted_cb,
  };
  /* How wide each column would like to be: the title matters most. */
  static const guint nat_chars[N_COLUMNS] = { 60, 20, 22, 14, 11 };
  static const guint min_chars[N_COLUMNS] = { 20, 6, 6, 6, 6 };
  GtkEventController *shortcuts;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* measure and size_allocate are the page's own (see size_allocate). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->startup_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->challenge_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->status_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->status_buttons = g_hash_table_new (g_str_hash, g_str_equal);
  self->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->startup_orgnrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->challenge_values = g_ptr_array_new_with_free_func (g_free);
  self->history_texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = spire_inscription_factory_new (
        i, min_chars[i], nat_chars[i], G_CALLBACK (on_factory_bind_cb), self);
      g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare[i], self, NULL));
      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
    }

  self->applications = g_list_store_new (SPIRE_TYPE_APPLICATION);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->applications)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* On GTK 4.8 the column view's sorter is a plain GtkSorter. */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_TITLE],
                                  GTK_SORT_ASCENDING);

  self->status_items = gtk_string_list_new (NULL);
  self->challenge_items = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (self->status_items));
  gtk_drop_down_set_model (self->challenge_dropdown, G_LIST_MODEL (self->challenge_items));

  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate",
                            G_CALLBACK (on_column_view_activate_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* Delete in the list deletes the selection (Ctrl+A, Shift and Ctrl
   * clicks are the column view's own). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("cohort.delete-applications")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("cohort.delete-applications")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_context_click_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  self->context_popover = gtk_popover_menu_new_from_model (self->context_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
  gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));

  update_facts (self);
  update_counts (self, NULL);
  update_filter_items (self, NULL, NULL, FALSE);
  update_shown (self);
  update_selection (self, TRUE);
}

/* Public API */

GtkWidget *
spire_cohort_page_new (void)
{
  return g_object_new (SPIRE_TYPE_COHORT_PAGE, NULL);
}

void
spire_cohort_page_set_store (SpireCohortPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_COHORT_PAGE (self));

  if (g_set_object (&self->store, store))
    spire_cohort_page_set_cohort (self, NULL, NULL);
}

static void
fill_names (GHashTable *names, GPtrArray *records)
{
  g_hash_table_remove_all (names);
  for (guint i = 0; records && i < records->len; i++)
    {
      SpireRecord *r = g_ptr_array_index (records, i);

      g_hash_table_insert (names, g_strdup (spire_record_get_uuid (r)),
                           g_strdup (spire_record_get_display_name (r)));
    }
}

gboolean
spire_cohort_page_set_cohort (SpireCohortPage *self, SpireCohort *cohort, GError **error)
{
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) challenges = NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GHashTable) keep_selected = NULL;
  gboolean without_challenge = FALSE;
  const char *uuid;

  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), FALSE);
  g_return_val_if_fail (cohort == NULL || SPIRE_IS_COHORT (cohort), FALSE);

  /* Another cohort starts without a search or filters; the same one (a
   * reload) keeps them, and keeps what was selected. */
  if (cohort == NULL || self->cohort == NULL ||
      g_strcmp0 (spire_record_get_uuid (SPIRE_RECORD (cohort)),
                 spire_record_get_uuid (SPIRE_RECORD (self->cohort))) != 0)
    {
      g_clear_pointer (&self->query, g_free);
      g_clear_pointer (&self->folded_query, g_free);
      g_clear_pointer (&self->status_filter, g_free);
      g_clear_pointer (&self->challenge_filter, g_free);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }
  else
    {
      g_autoptr (GPtrArray) selected = selected_applications (self);

      keep_selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < selected->len; i++)
        g_hash_table_add (keep_selected, g_strdup (spire_record_get_uuid (selected->pdata[i])));
    }

  g_set_object (&self->cohort, cohort);

  if (cohort != NULL && self->store != NULL)
    {
      uuid = spire_record_get_uuid (SPIRE_RECORD (cohort));
      apps = spire_store_list (self->store, &spire_kind_application, "cohort", uuid, error);
      if (apps != NULL)
        startups = spire_store_list (self->store, &spire_kind_startup, NULL, NULL, error);
      if (startups != NULL)
        challenges = spire_store_list (self->store, &spire_kind_challenge, "cohort", uuid, error);
      if (challenges != NULL)
        counts = spire_store_count_by (self->store, &spire_kind_application, "status", "cohort",
                                       uuid, error);
      if (counts == NULL)
        {
          g_clear_object (&self->cohort);
          g_clear_pointer (&apps, g_ptr_array_unref);
        }
    }

  fill_names (self->startup_names, startups);
  fill_names (self->challenge_titles, challenges);
  g_hash_table_remove_all (self->name_keys);
  g_hash_table_remove_all (self->startup_orgnrs);
  for (guint i = 0; startups && i < startups->len; i++)
    {
      SpireRecord *s = g_ptr_array_index (startups, i);

      if (!spire_record_is_null (s, "orgnr"))
        g_hash_table_insert (self->startup_orgnrs, g_strdup (spire_record_get_uuid (s)),
                             g_strdup (spire_record_get_text (s, "orgnr")));
    }

  for (guint i = 0; apps && i < apps->len; i++)
    {
      SpireRecord *app = g_ptr_array_index (apps, i);
      const char *challenge = spire_record_get_text (app, "challenge");
      g_autofree char *text = g_strjoin ("\n", spire_record_get_display_name (app),
                                         lookup_name (self->startup_names,
                                                      spire_record_get_text (app, "startup")),
                                         lookup_name (self->challenge_titles, challenge),
                                         NULL);

      g_object_set_qdata_full (G_OBJECT (app), haystack_quark, spire_search_fold (text), g_free);
      if (challenge == NULL || *challenge == '\0')
        without_challenge = TRUE;
    }

  update_facts (self);
  update_counts (self, counts);
  update_filter_items (self, counts, challenges, without_challenge);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-application", self->cohort != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.export-csv", self->cohort != NULL);
  g_list_store_splice (self->applications, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->applications)),
                       apps ? apps->pdata : NULL, apps ? apps->len : 0);
  select_uuids (self, keep_selected);
  update_shown (self);
  update_selection (self, TRUE);

  return cohort == NULL || self->cohort != NULL;
}

SpireCohort *
spire_cohort_page_get_cohort (SpireCohortPage *self)
{
  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), NULL);

  return self->cohort;
}

void
spire_cohort_page_focus_search (SpireCohortPage *self)
{
  g_return_if_fail (SPIRE_IS_COHORT_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Private API */

GListModel *
_spire_cohort_page_get_applications (SpireCohortPage *self)
{
  return G_LIST_MODEL (self->applications);
}

GListModel *
_spire_cohort_page_get_filtered (SpireCohortPage *self)
{
  return G_LIST_MODEL (self->filtered);
}

GListModel *
_spire_cohort_page_get_sorted (SpireCohortPage *self)
{
  return G_LIST_MODEL (self->sorted);
}

GtkEditable *
_spire_cohort_page_get_search_entry (SpireCohortPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkColumnView *
_spire_cohort_page_get_column_view (SpireCohortPage *self)
{
  return self->column_view;
}

GtkColumnViewColumn *
_spire_cohort_page_get_column (SpireCohortPage *self, guint i)
{
  g_return_val_if_fail (i < N_COLUMNS, NULL);

  return self->columns[i];
}

const char *
_spire_cohort_page_get_shown_text (SpireCohortPage *self)
{
  return gtk_label_get_text (self->shown_label);
}

int
_spire_cohort_page_get_status_count (SpireCohortPage *self, const char *status)
{
  GtkLabel *label = g_hash_table_lookup (self->status_counts, status);

  return label ? atoi (gtk_label_get_text (label)) : -1;
}

const char *
_spire_cohort_page_get_list_state (SpireCohortPage *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

char *
_spire_cohort_page_cell_text (SpireCohortPage *self, SpireRecord *item, guint i)
{
  g_return_val_if_fail (i < N_COLUMNS, NULL);

  return cell_text (self, item, i);
}

GtkSelectionModel *
_spire_cohort_page_get_selection (SpireCohortPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

void
_spire_cohort_page_filter_status (SpireCohortPage *self, const char *status)
{
  guint pos = 0, i = 1;

  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    if (g_strcmp0 (status, v->value) == 0)
      pos = i;
  g_return_if_fail (status == NULL || pos > 0);
  gtk_drop_down_set_selected (self->status_dropdown, pos);
}

void
_spire_cohort_page_filter_challenge (SpireCohortPage *self, const char *challenge_uuid)
{
  guint pos = 0;

  for (guint i = 1; challenge_uuid && i < self->challenge_values->len; i++)
    if (g_str_equal (self->challenge_values->pdata[i], challenge_uuid))
      pos = i;
  g_return_if_fail (challenge_uuid == NULL || pos > 0);
  gtk_drop_down_set_selected (self->challenge_dropdown, pos);
}

GtkDropDown *
_spire_cohort_page_get_status_dropdown (SpireCohortPage *self)
{
  return self->status_dropdown;
}

GtkDropDown *
_spire_cohort_page_get_challenge_dropdown (SpireCohortPage *self)
{
  return self->challenge_dropdown;
}

GtkToggleButton *
_spire_cohort_page_get_status_button (SpireCohortPage *self, const char *status)
{
  return g_hash_table_lookup (self->status_buttons, status);
}

AdwMessageDialog *
_spire_cohort_page_get_status_dialog (SpireCohortPage *self)
{
  return self->status_dialog;
}

void
_spire_cohort_page_status_dialog_fill (SpireCohortPage *self, const char *status,
                                       const char *reason)
{
  StatusDialog *d;
  guint i = 0;

  g_return_if_fail (self->status_dialog != NULL);
  d = g_object_get_data (G_OBJECT (self->status_dialog), "spire-status-dialog");
  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    if (g_strcmp0 (status, v->value) == 0)
      gtk_drop_down_set_selected (d->status, i);
  gtk_text_buffer_set_text (d->reason, reason, -1);
}

const char *
_spire_cohort_page_status_dialog_get_warning (SpireCohortPage *self)
{
  StatusDialog *d;

  g_return_val_if_fail (self->status_dialog != NULL, NULL);
  d = g_object_get_data (G_OBJECT (self->status_dialog), "spire-status-dialog");
  return gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (d->warning)))
           ? gtk_label_get_text (d->warning)
           : NULL;
}

const char *
_spire_cohort_page_get_details_state (SpireCohortPage *self)
{
  return gtk_stack_get_visible_child_name (self->details_stack);
}

const char *
_spire_cohort_page_get_details_uuid (SpireCohortPage *self)
{
  return self->details_uuid;
}

guint
_spire_cohort_page_get_n_history (SpireCohortPage *self)
{
  return self->history_texts->len;
}

const char *
_spire_cohort_page_get_history (SpireCohortPage *self, guint i)
{
  g_return_val_if_fail (i < self->history_texts->len, NULL);

  return self->history_texts->pdata[i];
}

void
_spire_cohort_page_export_csv (SpireCohortPage *self, const char *path)
{
  export_to_path (self, path);
}

gboolean
_spire_cohort_page_is_exporting (SpireCohortPage *self)
{
  return self->exporting > 0;
}

const char *
_spire_cohort_page_get_last_toast (SpireCohortPage *self)
{
  return self->last_toast;
}

gboolean
_spire_cohort_page_action_bar_shown (SpireCohortPage *self)
{
  return gtk_revealer_get_reveal_child (self->action_revealer);
}
