/* spire-record-list-page.c — a directory page: the records of one kind
 *
 * GListStore → GtkFilterListModel (search) → GtkSortListModel (the column
 * view's sorter) → GtkMultiSelection → GtkColumnView, with the selected
 * record's fields beside the list (an AdwFlap that folds on narrow windows).
 * Each row's cell texts, their collation keys and the text searched are made
 * once when the records are read, as the cohort page does, so that sorting
 * and searching never query the store.  Export as CSV is in
 * spire-record-list-export.c; the struct in spire-record-list-page-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record-list-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-column-width.h"
#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "spire-list-util.h"
#include "spire-record-editor.h"
#include "spire-record-list-page.h"
#include "spire-records-private.h"
#include "spire-records-resources.h"
#include "common/spire-undo.h"
#include "spire-record-list-page-private.h"

static const PageSpec page_specs[] = {
  { &spire_kind_startup,
    { { "name", NULL, NULL, 28 }, { "orgnr", NULL, N_("Org. no."), 12 },
      { "kommunenummer", NULL, N_("Municipality"), 8 }, { "sector", NULL, NULL, 14 },
      { "employees", NULL, NULL, 6 }, { "founded", NULL, NULL, 11 } },
    N_("No Startups Yet"),
    N_("Startups come in with their applications, from a Brønnøysund import, or added by hand."),
    N_("_Add a Startup") },
  { &spire_kind_public_body,
    { { "name", NULL, NULL, 28 }, { "kind", NULL, NULL, 14 }, { "orgnr", NULL, N_("Org. no."), 12 },
      { "kommunenummer", NULL, N_("Municipality"), 8 }, { "parent", NULL, NULL, 20 } },
    N_("No Public Bodies Yet"),
    N_("Municipalities, county councils and agencies that post challenges or sign deals."),
    N_("_Add a Public Body") },
  { &spire_kind_person,
    { { "name", NULL, NULL, 22 }, { "email", NULL, NULL, 22 }, { "phone", NULL, NULL, 12 },
      { "organisation", NULL, NULL, 18 }, { "startup", "public_body", N_("Works for"), 20 } },
    N_("No People Yet"),
    N_("Contact persons of startups and public bodies, and the members of the panels."),
    N_("_Add a Person") },
  { &spire_kind_challenge,
    { { "title", NULL, NULL, 34 }, { "cohort", NULL, NULL, 18 }, { "owner", NULL, NULL, 20 },
      { "budget_hint", NULL, NULL, 12 } },
    N_("No Challenges Yet"),
    N_("The needs public bodies bring to a cohort, for startups to solve."),
    N_("_Add a Challenge") },
};

G_DEFINE_FINAL_TYPE (SpireRecordListPage, spire_record_list_page, ADW_TYPE_BIN)

GQuark _spire_record_list_row_info_quark;

static void update_details (SpireRecordListPage *self);
static void update_flap (SpireRecordListPage *self);

static const PageSpec *
spec_for (const SpireKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_specs); i++)
    if (page_specs[i].kind == kind)
      return &page_specs[i];
  return NULL;
}

static SortKind
sort_kind_of (const SpireField *f)
{
  if (f == NULL)
    return SORT_TEXT;
  switch (f->type)
    {
    case SPIRE_FIELD_INT:
    case SPIRE_FIELD_MONEY:
      return SORT_NUMBER;
    case SPIRE_FIELD_DATE:
    case SPIRE_FIELD_TIME:
      return SORT_RAW;
    default:
      return SORT_TEXT;
    }
}

/* Sorting */

static int
compare_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint column = GPOINTER_TO_UINT (user_data) & 0xff;
  SortKind kind = GPOINTER_TO_UINT (user_data) >> 8;
  RowInfo *ia = g_object_get_qdata ((GObject *) a, _spire_record_list_row_info_quark);
  RowInfo *ib = g_object_get_qdata ((GObject *) b, _spire_record_list_row_info_quark);
  int r;

  if (ia == NULL || ib == NULL)
    return GTK_ORDERING_EQUAL;
  if (kind == SORT_NUMBER)
    {
      gint64 na = ia->numbers[column], nb = ib->numbers[column];

      /* Empty comes last. */
      if (na == SPIRE_INT_NONE || nb == SPIRE_INT_NONE)
        return na == nb ? GTK_ORDERING_EQUAL
               : na == SPIRE_INT_NONE ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
      return na < nb ? GTK_ORDERING_SMALLER : na > nb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  if (*ia->keys[column] == '\0' || *ib->keys[column] == '\0')
    return *ia->keys[column] == *ib->keys[column] ? GTK_ORDERING_EQUAL
           : *ia->keys[column] == '\0' ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  r = strcmp (ia->keys[column], ib->keys[column]);
  if (r == 0)
    r = g_strcmp0 (ia->texts[column], ib->texts[column]);
  return gtk_ordering_from_cmpfunc (r);
}

/* Filtering */

static gboolean
filter_cb (gpointer item, gpointer user_data)
{
  SpireRecordListPage *self = user_data;
  RowInfo *info;

  if (self->query == NULL || *self->query == '\0')
    return TRUE;
  info = g_object_get_qdata (item, _spire_record_list_row_info_quark);
  return info != NULL && spire_search_matches (info->haystack, self->query);
}

/* Cells */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory),
                                                                      "spire-nat-chars")));
  gtk_list_item_set_child (item, label);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  RowInfo *info = g_object_get_qdata (gtk_list_item_get_item (item), _spire_record_list_row_info_quark);
  const char *text = info ? info->texts[column] : "";

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  spire_widget_set_cell_tooltip (label, text);
}

/* Showing */

static guint
n_selected (SpireRecordListPage *self, SpireRecord **only)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = (guint) gtk_bitset_get_size (set);

  if (only)
    *only = n == 1 ? g_list_model_get_item (G_LIST_MODEL (self->selection),
                                            gtk_bitset_get_minimum (set))
                   : NULL;
  return n;
}

static GPtrArray *
selected_records (SpireRecordListPage *self)
{
  return spire_selection_get_items (GTK_SELECTION_MODEL (self->selection));
}

static char *
count_text (SpireRecordListPage *self, guint shown, guint total)
{
  const SpireKind *kind = self->spec ? self->spec->kind : NULL;
  g_autofree char *s = spire_format_count (shown, spire_language_current ());
  g_autofree char *t = spire_format_count (total, spire_language_current ());

  if (shown == total)
    {
      if (kind == &spire_kind_startup)
        return g_strdup_printf (ngettext ("%s startup", "%s startups", total), t);
      if (kind == &spire_kind_public_body)
        return g_strdup_printf (ngettext ("%s public body", "%s public bodies", total), t);
      if (kind == &spire_kind_person)
        return g_strdup_printf (ngettext ("%s person", "%s people", total), t);
      return g_strdup_printf (ngettext ("%s challenge", "%s challenges", total), t);
    }
  /* TRANSLATORS: "12 of 120 startups"; the plural follows the second number */
  if (kind == &spire_kind_startup)
    return g_strdup_printf (ngettext ("%s of %s startup", "%s of %s startups", total), s, t);
  if (kind == &spire_kind_public_body)
    return g_strdup_printf (ngettext ("%s of %s public body", "%s of %s public bodies", total),
                            s, t);
  if (kind == &spire_kind_person)
    return g_strdup_printf (ngettext ("%s of %s person", "%s of %s people", total), s, t);
  return g_strdup_printf (ngettext ("%s of %s challenge", "%s of %s challenges", total), s, t);
}

static void
update_count (SpireRecordListPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->records));
  g_autofree char *text = count_text (self, shown, total);

  gtk_label_set_text (self->count_label, text);
  spire_spinner_set_spinning_later (self->loading_spinner, self->loading != NULL && total == 0);
  gtk_stack_set_visible_child_name (self->stack, total > 0         ? "list"
                                                 : self->loading ? "loading"
                                                                 : "empty");
  /* A search that finds nothing says so, not an empty table. */
  gtk_widget_set_visible (self->no_results_status, total > 0 && shown == 0);
}

static void
update_actions (SpireRecordListPage *self)
{
  guint n = n_selected (self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.edit", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.delete", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.new", self->spec != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.export-csv", self->spec != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.show-history", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.erase-person",
                                 n == 1 && self->spec && self->spec->kind == &spire_kind_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.retention",
                                 self->spec && self->spec->kind == &spire_kind_person);
}

static void
update_details (SpireRecordListPage *self)
{
  g_autoptr (SpireRecord) record = NULL;
  guint n = n_selected (self, &record);
  GtkWidget *child;
  const SpireKind *kind;
  RowInfo *info;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_list))) != NULL)
    gtk_list_box_remove (self->details_list, child);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->details_stack, n == 0 ? "none" : "details");
  update_flap (self);

  if (record == NULL)
    {
      g_autofree char *n_text = spire_format_count (n, spire_language_current ());
      g_autofree char *text = n > 1 ? g_strdup_printf (ngettext ("%s selected", "%s selected", n),
                                                       n_text)
                                    : g_strdup (_("Nothing selected"));

      gtk_label_set_text (self->details_title, text);
      gtk_widget_set_visible (GTK_WIDGET (self->details_list), FALSE);
      gtk_widget_set_visible (self->details_buttons, n > 1);
      return;
    }

  kind = spire_record_get_kind (record);
  info = g_object_get_qdata (G_OBJECT (record), _spire_record_list_row_info_quark);
  gtk_label_set_text (self->details_title, spire_record_get_display_name (record));
  gtk_widget_set_visible (GTK_WIDGET (self->details_list), TRUE);
  gtk_widget_set_visible (self->details_buttons, TRUE);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      GHashTable *names = g_object_get_data (G_OBJECT (self), "spire-names");
      g_autofree char *text = NULL;
      GtkWidget *row;

      if ((f->flags & (SPIRE_FIELD_SYSTEM | SPIRE_FIELD_SECRET)) || f->type == SPIRE_FIELD_JSON)
        continue;
      text = spire_listing_field_text (f, record, f->type == SPIRE_FIELD_REF && names
                                      ? g_hash_table_lookup (names, f->ref_table) : NULL);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(f->label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *text ? text : "–");
      gtk_widget_add_css_class (row, "property");
      if (f->flags & SPIRE_FIELD_CONFIDENTIAL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

          gtk_widget_set_tooltip_text (icon, _("Shared in confidence: left out of exports meant for sharing"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (self->details_list, row);
    }
  (void) info;
}

/* Reading
 *
 * The records, the names their fields refer to and each row's texts, sort
 * keys and search text are made in a worker (spire_kind_listing_async), so
 * that no frame waits for 7 000 startups (issue 11): the rows go to the
 * model at once when they are there. */

#define FIRST_MIN_WIDTH 140

static void
setup_columns (SpireRecordListPage *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      gtk_column_view_remove_column (self->column_view, self->columns[i]);
      g_clear_object (&self->columns[i]);
    }
  self->n_columns = 0;
  if (self->spec == NULL)
    return;

  for (guint i = 0; i < MAX_COLUMNS && self->spec->columns[i].field; i++)
    {
      const ColumnSpec *c = &self->spec->columns[i];
      const SpireField *f = spire_kind_field (self->spec->kind, c->field);
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkSorter) sorter = NULL;
      guint data = i | (sort_kind_of (c->field2 ? NULL : f) << 8);

      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (data), NULL));
      g_object_set_data (G_OBJECT (factory), "spire-column", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (factory), "spire-nat-chars", GUINT_TO_POINTER (c->nat_chars));
      g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
      self->columns[i] = gtk_column_view_column_new (c->title ? _(c->title) : _(f->label),
                                                     g_object_ref (factory));
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      /* The others are fitted to their content (fit_columns); the first
       * takes the rest, from this much. */
      gtk_column_view_column_set_fixed_width (self->columns[i], i == 0 ? FIRST_MIN_WIDTH
                                                                       : (int) c->nat_chars * 8 + 16);
      gtk_column_view_column_set_expand (self->columns[i], i == 0);
      gtk_column_view_append_column (self->column_view, self->columns[i]);
      self->n_columns++;
    }
  gtk_column_view_sort_by_column (self->column_view, self->columns[0], GTK_SORT_ASCENDING);
}

/* Widths (issue 12): the first column (a name, a title) takes the rest;
 * every other is as wide as its widest text and its title, so that numbers,
 * dates, organisation numbers, phones and amounts are never cut; a column
 * of names or e-mail addresses stops at NAME_MAX_WIDTH (its tooltip has the
 * whole text). */
#define NAME_MAX_WIDTH 240
#define COHORT_MAX_WIDTH 400

static void
fit_columns (SpireRecordListPage *self, GPtrArray *records)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  g_autoptr (GPtrArray) infos = g_ptr_array_sized_new (records ? records->len : 0);

  /* Each row's texts looked up once, not once a column: a lookup of a
   * record's qdata takes a lock, and at 70 000 startups the lookups of
   * every column were a 100 ms freeze (issue 11). */
  for (guint i = 0; records && i < records->len; i++)
    {
      RowInfo *info = g_object_get_qdata (records->pdata[i], _spire_record_list_row_info_quark);

      if (info)
        g_ptr_array_add (infos, info);
    }

  for (guint c = 1; c < self->n_columns; c++)
    {
      const SpireField *f = spire_kind_field (self->spec->kind, self->spec->columns[c].field);
      gboolean names = f && (f->type == SPIRE_FIELD_REF || f->type == SPIRE_FIELD_TEXT) &&
                       !g_str_equal (f->name, "orgnr") && !g_str_equal (f->name, "phone") &&
                       !g_str_equal (f->name, "kommunenummer");
      /* A cohort's name says which one: never cut (there are few). */
      int max_width = !names                                           ? 0
                      : g_strcmp0 (f->ref_table, "cohorts") == 0 ? COHORT_MAX_WIDTH
                                                                       : NAME_MAX_WIDTH;

      g_ptr_array_set_size (texts, 0);
      for (guint i = 0; i < infos->len; i++)
        g_ptr_array_add (texts, ((RowInfo *) infos->pdata[i])->texts[c]);
      spire_column_fit (self->columns[c], GTK_WIDGET (self->column_view),
                        (const char *const *) texts->pdata, (int) texts->len,
                        max_width);
    }
}

typedef struct
{
  SpireRecordListPage *self; /* a reference */
  GCancellable *cancellable;
  SpireListingColumn columns[MAX_COLUMNS];
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->cancellable);
  g_object_unref (load->self);
  g_free (load);
}

static void
stop_loading (SpireRecordListPage *self)
{
  g_clear_handle_id (&self->start_id, g_source_remove);
  g_clear_pointer (&self->pending, load_free);
  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->fill, spire_list_fill_free);
  g_clear_pointer (&self->keep_uuids, g_hash_table_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->fill_progress), FALSE);
}

static void
select_kept (SpireRecordListPage *self)
{
  g_autoptr (GHashTable) keep_uuids = g_steal_pointer (&self->keep_uuids);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; keep_uuids && i < n; i++)
    {
      g_autoptr (SpireRecord) r = g_list_model_get_item (model, i);

      if (g_hash_table_contains (keep_uuids, spire_record_get_uuid (r)))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
    }
}

static void
on_fill_step (gpointer user_data, guint done, guint total)
{
  SpireRecordListPage *self = user_data;

  gtk_widget_set_visible (GTK_WIDGET (self->fill_progress), done < total);
  gtk_progress_bar_set_fraction (self->fill_progress, total ? (double) done / total : 1.0);
  if (done < total)
    return;
  select_kept (self);
  update_count (self);
  update_details (self);
}

/* The rows, made in the worker: into the model in slices (a long
 * directory: spire_list_fill_start), with what was selected selected again
 * when they are all there. */
static void
show_listing (SpireRecordListPage *self, SpireKindListing *listing)
{
  GPtrArray *records = listing->records;
  g_autoptr (GPtrArray) keep = selected_records (self);

  /* Each record's row is its qdata already (set in the worker). */
  g_object_set_data_full (G_OBJECT (self), "spire-names", g_hash_table_ref (listing->names),
                          (GDestroyNotify) g_hash_table_unref);
  g_clear_pointer (&self->keep_uuids, g_hash_table_unref);
  if (keep->len > 0)
    {
      self->keep_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < keep->len; i++)
        g_hash_table_add (self->keep_uuids,
                          g_strdup (spire_record_get_uuid (g_ptr_array_index (keep, i))));
    }

  fit_columns (self, records);
  g_clear_pointer (&self->fill, spire_list_fill_free);
  self->fill = spire_list_fill_start (self->records, records, on_fill_step, self);
  update_count (self);
  update_details (self);
}

static void
on_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Load *load = user_data;
  SpireRecordListPage *self = load->self;
  g_autoptr (GError) error = NULL;
  SpireKindListing *listing = spire_kind_listing_finish (SPIRE_STORE (source), result, &error);

  if (self->loading == load->cancellable)
    {
      if (listing == NULL)
        {
          g_clear_object (&self->loading);
          update_count (self);
          spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Database"), error);
        }
      else
        {
          g_clear_object (&self->loading);
          show_listing (self, listing);
        }
    }
  g_clear_pointer (&listing, spire_kind_listing_free);
  load_free (load);
}

static gboolean
start_load_cb (gpointer user_data)
{
  SpireRecordListPage *self = user_data;
  Load *load = g_steal_pointer (&self->pending);

  self->start_id = 0;
  spire_kind_listing_async (self->store, self->spec->kind, load->columns, MAX_COLUMNS,
                            load->cancellable, on_listed_cb, load);
  return G_SOURCE_REMOVE;
}

static gboolean
load (SpireRecordListPage *self, GError **error)
{
  Load *load;

  stop_loading (self);
  if (self->store == NULL || self->spec == NULL)
    {
      g_list_store_remove_all (self->records);
      return TRUE;
    }
  self->loading = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->cancellable = g_object_ref (self->loading);
  for (guint c = 0; c < MAX_COLUMNS; c++)
    {
      load->columns[c].field = self->spec->columns[c].field;
      load->columns[c].field2 = self->spec->columns[c].field2;
    }
  /* Started once this dispatch is over, before the next frame: a second
   * load asked meanwhile replaces this one before any worker reads (a
   * cancelled worker reads on to the end: 70 000 startups twice). */
  self->pending = load;
  self->start_id = g_idle_add_full (G_PRIORITY_HIGH, start_load_cb, self, NULL);
  update_count (self);
  return TRUE;
}

/* Callbacks */

static void
on_search_entry_search_changed_cb (SpireRecordListPage *self, GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *old = g_steal_pointer (&self->query);

  self->query = g_strstrip (g_strdup (text));
  if (old && self->query && g_str_has_prefix (self->query, old))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (old && self->query && g_str_has_prefix (old, self->query))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_entry_stop_search_cb (SpireRecordListPage *self, GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* The details beside the list (issue 12): only when something is selected
 * and the user has not hidden them (the toggle button, remembered).  Folded
 * (a narrow window) the button only opens them over the list. */
static gboolean
on_flap_laid_out_cb (GtkWidget *flap, GdkFrameClock *clock, gpointer data)
{
  SpireRecordListPage *self = data;

  if (gtk_widget_get_width (flap) == 0)
    return G_SOURCE_CONTINUE;
  self->flap_wait = 0;
  update_flap (self);
  return G_SOURCE_REMOVE;
}

static void
update_flap (SpireRecordListPage *self)
{
  if (adw_flap_get_folded (self->flap))
    return;
  /* libadwaita 1.2 starts the reveal's spring at a velocity divided by the
   * details' width, which is 0 until the flap is first laid out: 0 / 0,
   * and the details were allocated a width of -2147483648 (a selection
   * made while the page was being shown).  Until then the reveal waits. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->flap)) &&
      gtk_widget_get_width (GTK_WIDGET (self->flap)) == 0)
    {
      if (self->flap_wait == 0)
        self->flap_wait = gtk_widget_add_tick_callback (GTK_WIDGET (self->flap),
                                                        on_flap_laid_out_cb, self, NULL);
      return;
    }
  self->updating_flap = TRUE;
  adw_flap_set_reveal_flap (self->flap, self->details_wanted && n_selected (self, NULL) > 0);
  self->updating_flap = FALSE;
}

static void
on_details_toggled_cb (SpireRecordListPage *self, GtkToggleButton *button)
{
  if (self->updating_flap || adw_flap_get_folded (self->flap))
    return;
  self->details_wanted = gtk_toggle_button_get_active (button);
  if (self->settings)
    g_settings_set_boolean (self->settings, "directory-details", self->details_wanted);
}

static void
restore_details_shown (SpireRecordListPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID,
                                                                                 TRUE)
                                              : NULL;

  self->details_wanted = TRUE;
  if (schema == NULL || !g_settings_schema_has_key (schema, "directory-details"))
    return;
  self->settings = g_settings_new (APP_ID);
  self->details_wanted = g_settings_get_boolean (self->settings, "directory-details");
}

static void
on_filtered_items_changed_cb (SpireRecordListPage *self, guint position, guint removed,
                              guint added, GListModel *model)
{
  update_count (self);
}

static void
on_selection_changed_cb (SpireRecordListPage *self, guint position, guint n_items,
                         GtkSelectionModel *model)
{
  update_details (self);
}

static void
edit_record (SpireRecordListPage *self, SpireRecord *record)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (self->store && record)
    spire_record_editor_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 spire_record_get_kind (record), record, NULL);
}

static void
on_column_view_activate_cb (SpireRecordListPage *self, guint position, GtkColumnView *view)
{
  g_autoptr (SpireRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  edit_record (self, record);
}

/* Actions */

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  spire_record_list_page_add (SPIRE_RECORD_LIST_PAGE (widget));
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (widget);
  g_autoptr (SpireRecord) record = NULL;

  if (n_selected (self, &record) == 1)
    edit_record (self, record);
}

/* "Show History": the window's audit page for the selected record (for a
 * person: every entry about them). */
static void
show_history_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (widget);
  g_autoptr (SpireRecord) record = NULL;

  if (n_selected (self, &record) == 1 && self->spec)
    gtk_widget_activate_action (widget, "win.show-history", "(ss)", self->spec->kind->name,
                                spire_record_get_uuid (record));
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (widget);
  g_autoptr (GPtrArray) records = selected_records (self);

  if (self->store && records->len)
    spire_delete_with_undo (widget, self->store, records);
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  spire_record_list_page_focus_search (SPIRE_RECORD_LIST_PAGE (widget));
}

/* GObject */

static void
spire_record_list_page_dispose (GObject *object)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (object);

  if (self->filtered)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  stop_loading (self);
  if (self->flap_wait != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->flap), self->flap_wait);
  self->flap_wait = 0;
  gtk_column_view_set_model (self->column_view, NULL);
  for (guint i = 0; i < self->n_columns; i++)
    g_clear_object (&self->columns[i]);
  self->n_columns = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_RECORD_LIST_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->records);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (spire_record_list_page_parent_class)->dispose (object);
}

static void
spire_record_list_page_class_init (SpireRecordListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_record_list_page_dispose;
  _spire_record_list_row_info_quark = spire_listing_row_quark ();

  (void) spire_records_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/records/spire-record-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, fill_progress);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, flap);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, details_buttons);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, SpireRecordListPage, no_results_status);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_details_toggled_cb);

  gtk_widget_class_install_action (widget_class, "records.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "records.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "records.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "records.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "records.export-csv", NULL,
                                   _spire_record_list_page_export_csv_action);
  gtk_widget_class_install_action (widget_class, "records.erase-person", NULL,
                                   _spire_record_list_page_erase_person_action);
  gtk_widget_class_install_action (widget_class, "records.show-history", NULL,
                                   show_history_action);
  gtk_widget_class_install_action (widget_class, "records.retention", NULL,
                                   _spire_record_list_page_retention_action);
}

static void
spire_record_list_page_init (SpireRecordListPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: dispose_template would unparent it under AdwBin's feet. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->records = g_list_store_new (SPIRE_TYPE_RECORD);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->records)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (update_details), self);

  /* Delete deletes what is selected (not in the search entry: there it
   * deletes text). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("records.delete")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                      gtk_named_action_new ("records.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  restore_details_shown (self);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (update_flap), self);
  update_count (self);
  update_details (self);
}

/* Public API */

GtkWidget *
spire_record_list_page_new (void)
{
  return g_object_new (SPIRE_TYPE_RECORD_LIST_PAGE, NULL);
}

void
spire_record_list_page_set_store (SpireRecordListPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_RECORD_LIST_PAGE (self));

  if (g_set_object (&self->store, store))
    {
      stop_loading (self);
      g_list_store_remove_all (self->records);
    }
}

gboolean
spire_record_list_page_set_kind (SpireRecordListPage *self, const SpireKind *kind, GError **error)
{
  const PageSpec *spec;

  g_return_val_if_fail (SPIRE_IS_RECORD_LIST_PAGE (self), FALSE);

  spec = kind ? spec_for (kind) : NULL;
  if (spec != self->spec)
    {
      self->spec = spec;
      g_list_store_remove_all (self->records);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->query, g_free);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      setup_columns (self);
      if (spec)
        {
          adw_status_page_set_title (self->empty_status, _(spec->empty_title));
          adw_status_page_set_description (self->empty_status, _(spec->empty_description));
          gtk_button_set_label (GTK_BUTTON (adw_status_page_get_child (self->empty_status)),
                                _(spec->add_label));
        }
    }
  return load (self, error);
}

const SpireKind *
spire_record_list_page_get_kind (SpireRecordListPage *self)
{
  g_return_val_if_fail (SPIRE_IS_RECORD_LIST_PAGE (self), NULL);

  return self->spec ? self->spec->kind : NULL;
}

const char *
spire_record_list_page_get_title (SpireRecordListPage *self)
{
  g_return_val_if_fail (SPIRE_IS_RECORD_LIST_PAGE (self), NULL);

  return self->spec ? _(self->spec->kind->label_plural) : "";
}

void
spire_record_list_page_focus_search (SpireRecordListPage *self)
{
  g_return_if_fail (SPIRE_IS_RECORD_LIST_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
spire_record_list_page_add (SpireRecordListPage *self)
{
  GtkWidget *root;

  g_return_if_fail (SPIRE_IS_RECORD_LIST_PAGE (self));

  if (self->store == NULL || self->spec == NULL)
    return;
  root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  spire_record_editor_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                               self->spec->kind, NULL, NULL);
}

/* Test hooks */

GListModel *
_spire_record_list_page_get_shown (SpireRecordListPage *self)
{
  return G_LIST_MODEL (self->selection);
}

GtkEditable *
_spire_record_list_page_get_search_entry (SpireRecordListPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

const char *
_spire_record_list_page_get_count_text (SpireRecordListPage *self)
{
  return gtk_label_get_text (self->count_label);
}

GtkSelectionModel *
_spire_record_list_page_get_selection (SpireRecordListPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

const char *
_spire_record_list_page_get_cell (SpireRecordListPage *self, guint row, guint column)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), row);
  RowInfo *info = item ? g_object_get_qdata (item, _spire_record_list_row_info_quark) : NULL;

  return info && column < MAX_COLUMNS ? info->texts[column] : NULL;
}

GtkColumnView *
_spire_record_list_page_get_column_view (SpireRecordListPage *self)
{
  return self->column_view;
}

void
_spire_record_list_page_export_csv (SpireRecordListPage *self, const char *path)
{
  _spire_record_list_page_export_to_path (self, path);
}

gboolean
_spire_record_list_page_is_exporting (SpireRecordListPage *self)
{
  return self->exporting > 0;
}

const char *
_spire_record_list_page_get_last_toast (SpireRecordListPage *self)
{
  return self->last_toast;
}

gboolean
_spire_record_list_page_is_loading (SpireRecordListPage *self)
{
  g_return_val_if_fail (SPIRE_IS_RECORD_LIST_PAGE (self), FALSE);

  return self->loading != NULL || spire_list_fill_is_running (self->fill);
}
