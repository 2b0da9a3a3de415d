/* spire-cohort-page.c — one cohort: facts, counts and its applications
 *
 * The applications go GListStore → GtkFilterListModel (search) →
 * GtkSortListModel (the column view's sorter) → GtkNoSelection →
 * GtkColumnView.  Startup names and challenge titles are read once per load
 * into hash tables, so that binding and sorting never query the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "spire-cohort-page.h"
#include "spire-cohort-page-private.h"

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
  GtkLabel *shown_label;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  GListStore *applications;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  SpireStore *store;
  SpireCohort *cohort;
  GHashTable *startup_names;    /* uuid → name */
  GHashTable *challenge_titles; /* uuid → title */
  GHashTable *status_counts;    /* status value → GtkLabel showing the number */
  GHashTable *name_keys;        /* startup/challenge uuid → spire_collate_key of its name */
  char *query;
};

G_DEFINE_FINAL_TYPE (SpireCohortPage, spire_cohort_page, ADW_TYPE_BIN)

/* The text searched for each application: title, startup, challenge. */
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
  const char *haystack;

  if (self->query == NULL || *self->query == '\0')
    return TRUE;
  haystack = g_object_get_qdata (item, haystack_quark);
  return haystack != NULL && spire_search_matches (haystack, self->query);
}

/* Cells */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  /* GtkInscription: a label made for list cells (GTK 4.8 makes up to 200
   * rows of a long list at once, so cells should be light). */
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                                      "spire-min-chars")));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                                      "spire-nat-chars")));
  gtk_list_item_set_child (item, label);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SpireCohortPage *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
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

  for (const SpireEnumValue *v = status_field ()->values; v->value; v++)
    {
      guint n = counts ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, v->value)) : 0;
      g_autofree char *number = g_strdup_printf ("%u", n);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *num = gtk_label_new (number);
      GtkWidget *caption = gtk_label_new (_(v->label));

      gtk_widget_add_css_class (num, "title-3");
      gtk_widget_add_css_class (num, "numeric");
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), num);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "spire-count");
      if (n == 0)
        gtk_widget_add_css_class (box, "spire-count-zero");
      gtk_widget_set_tooltip_text (box, _(v->label));

      gtk_widget_set_hexpand (box, TRUE);
      gtk_box_append (self->counts_box, box);
      g_hash_table_insert (self->status_counts, (gpointer) v->value, num);
    }
}

static void
update_shown (SpireCohortPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->applications));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (self->query && *self->query)
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
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

static void
on_search_entry_stop_search_cb (SpireCohortPage *self, GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* GObject */

static void
spire_cohort_page_dispose (GObject *object)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (object);

  if (self->filtered)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_COHORT_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->applications);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);
  g_clear_pointer (&self->startup_names, g_hash_table_unref);
  g_clear_pointer (&self->challenge_titles, g_hash_table_unref);
  g_clear_pointer (&self->status_counts, g_hash_table_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (spire_cohort_page_parent_class)->dispose (object);
}

static void
spire_cohort_page_class_init (SpireCohortPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_cohort_page_dispose;

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
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, column_view);
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
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->startup_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->challenge_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->status_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare[i], self, NULL));

      g_object_set_data (G_OBJECT (factory), "spire-column", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (factory), "spire-nat-chars", GUINT_TO_POINTER (nat_chars[i]));
      g_object_set_data (G_OBJECT (factory), "spire-min-chars", GUINT_TO_POINTER (min_chars[i]));
      g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
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
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_TITLE],
                                  GTK_SORT_ASCENDING);

  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_facts (self);
  update_counts (self, NULL);
  update_shown (self);
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
  const char *uuid;

  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), FALSE);
  g_return_val_if_fail (cohort == NULL || SPIRE_IS_COHORT (cohort), FALSE);

  /* Another cohort starts without a search; the same one (a reload) keeps it. */
  if (cohort == NULL || self->cohort == NULL ||
      g_strcmp0 (spire_record_get_uuid (SPIRE_RECORD (cohort)),
                 spire_record_get_uuid (SPIRE_RECORD (self->cohort))) != 0)
    {
      g_clear_pointer (&self->query, g_free);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
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

  for (guint i = 0; apps && i < apps->len; i++)
    {
      SpireRecord *app = g_ptr_array_index (apps, i);
      char *haystack = g_strjoin ("\n", spire_record_get_display_name (app),
                                  lookup_name (self->startup_names,
                                               spire_record_get_text (app, "startup")),
                                  lookup_name (self->challenge_titles,
                                               spire_record_get_text (app, "challenge")),
                                  NULL);

      g_object_set_qdata_full (G_OBJECT (app), haystack_quark, haystack, g_free);
    }

  update_facts (self);
  update_counts (self, counts);
  g_list_store_splice (self->applications, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->applications)),
                       apps ? apps->pdata : NULL, apps ? apps->len : 0);
  update_shown (self);

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
