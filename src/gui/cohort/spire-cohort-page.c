/* spire-cohort-page.c — one cohort: facts, counts and its applications
 *
 * A shell of smaller widgets: the cohort's facts, one SpireStatusTile per
 * application status, the search and filter bar, the SpireApplicationList
 * (columns, filters, sorting, search) and, beside it or under it when the
 * page is narrow, the SpireApplicationDetails of the one selected
 * application with its decision history.  Several selected can change
 * status together through the one SpireDecisionDialog (spire_decide, one
 * written reason for all); what the list shows can be exported as CSV
 * (spire-cohort-export.h).  Toasts, errors and undo come from gui/common.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "spire-cohort-page-private.h"
#include "spire-first-frame.h"
#include "spire-cohort-resources.h"
#include "spire-status-tile.h"

/* The struct is in spire-cohort-page-private.h (the actions are in
 * spire-cohort-page-actions.c). */

G_DEFINE_FINAL_TYPE (SpireCohortPage, spire_cohort_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SpireField *
status_field (void)
{
  return spire_kind_field (&spire_kind_application, "status");
}

/* Facts */

static void
set_fact (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text && *text ? text : "–");
}

/* The header names the cohort and its program; when the page is narrow
 * (compact) the phase joins the program's name and the facts fold away. */
static void
update_header (SpireCohortPage *self)
{
  SpireRecord *c = SPIRE_RECORD (self->cohort);
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  const char *program_uuid = c ? spire_record_get_text (c, "program") : NULL;

  if (program_uuid && self->store)
    program = spire_store_get (self->store, &spire_kind_program, program_uuid, NULL);
  if (program)
    g_string_append (subtitle, spire_record_get_display_name (program));
  if (c && self->compact)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle,
                       spire_field_value_label (spire_kind_field (&spire_kind_cohort, "phase"),
                                                spire_record_get_text (c, "phase")));
    }
  gtk_label_set_text (self->cohort_title, c ? spire_record_get_display_name (c) : "");
  /* Compact (a phone's width, where no tooltip is at hand) both wrap, so
   * that the name is read whole and a long program's name never cuts away
   * the phase after it; wide, each is one line (issue 11: the start). */
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = i == 0 ? self->cohort_title : self->program_label;

      gtk_label_set_wrap (label, self->compact);
      gtk_label_set_ellipsize (label, self->compact ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    }
  gtk_label_set_text (self->program_label, subtitle->str);
  /* Another name may take more lines, or fewer: the top's height is
   * fitted again (update_top_height, after the next allocation). */
  self->top_width = 0;
  /* Both are cut at their end when the page is narrower than they are
   * long; the tooltips have them whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cohort_title),
                               c ? spire_record_get_display_name (c) : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->program_label), subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->cohort_title), c != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->program_label), subtitle->len > 0);
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

  if (c != NULL)
    {
      deadline = spire_format_date (spire_record_get_text (c, "application_deadline"), lang);
      start = spire_format_date (spire_record_get_text (c, "starts_on"), lang);
      end = spire_format_date (spire_record_get_text (c, "ends_on"), lang);
      if (!spire_record_is_null (c, "seats"))
        seats = g_strdup_printf ("%" G_GINT64_FORMAT, spire_record_get_int (c, "seats"));
    }
  set_fact (self->phase_label,
            c ? spire_field_value_label (spire_kind_field (&spire_kind_cohort, "phase"),
                                         spire_record_get_text (c, "phase"))
              : NULL);
  set_fact (self->deadline_label, deadline);
  set_fact (self->start_label, start);
  set_fact (self->end_label, end);
  set_fact (self->seats_label, seats);
  update_header (self);
}

/* Counts and filters */

static void
update_counts (SpireCohortPage *self, GHashTable *counts)
{
  GHashTableIter iter;
  gpointer status, tile;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &status, &tile))
    spire_status_tile_set_count (tile, counts ? GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                       status))
                                              : 0);
}

/* The status dropdown's items: every status with its count. */
static void
update_status_items (SpireCohortPage *self, GHashTable *counts)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *filter = spire_application_list_get_status_filter (self->list);
  guint total = 0, pos = 0, i = 1;

  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    {
      guint n = counts ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, v->value)) : 0;
      g_autofree char *n_text = spire_format_count (n, spire_language_current ());

      total += n;
      /* TRANSLATORS: a status and how many applications have it: "Received (12)" */
      g_ptr_array_add (labels, counts ? g_strdup_printf (_("%s (%s)"), _(v->label), n_text)
                                      : g_strdup (_(v->label)));
      if (g_strcmp0 (filter, v->value) == 0)
        pos = i;
    }
  {
    g_autofree char *total_text = spire_format_count (total, spire_language_current ());

    g_ptr_array_insert (labels, 0, counts ? g_strdup_printf (_("All statuses (%s)"), total_text)
                                           : g_strdup (_("All statuses")));
  }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->status_items, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->status_items)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->status_dropdown, pos);
}

/* The challenge dropdown's items: the cohort's challenges, and "No
 * challenge" when an application has none. */
static void
update_challenge_items (SpireCohortPage *self, GPtrArray *challenges, gboolean without)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *filter = spire_application_list_get_challenge_filter (self->list);
  guint pos = 0;

  g_ptr_array_set_size (self->challenge_values, 0);
  g_ptr_array_add (labels, g_strdup (_("All challenges")));
  g_ptr_array_add (self->challenge_values, NULL);
  for (guint c = 0; challenges && c < challenges->len; c++)
    {
      SpireRecord *r = g_ptr_array_index (challenges, c);

      g_ptr_array_add (labels, g_strdup (spire_record_get_display_name (r)));
      g_ptr_array_add (self->challenge_values, g_strdup (spire_record_get_uuid (r)));
    }
  if (without || g_strcmp0 (filter, "") == 0)
    {
      g_ptr_array_add (labels, g_strdup (_("No challenge")));
      g_ptr_array_add (self->challenge_values, g_strdup (""));
    }
  for (guint c = 1; filter && c < self->challenge_values->len; c++)
    if (g_str_equal (self->challenge_values->pdata[c], filter))
      pos = c;
  if (pos == 0) /* the challenge is gone */
    spire_application_list_set_challenge_filter (self->list, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->challenge_items, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->challenge_items)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->challenge_dropdown, pos);
}

static void
update_shown (SpireCohortPage *self)
{
  guint total = g_list_model_get_n_items (spire_application_list_get_applications (self->list));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (spire_application_list_get_model (self->list)));
  g_autofree char *shown_text = spire_format_count (shown, spire_language_current ());
  g_autofree char *total_text = spire_format_count (total, spire_language_current ());
  g_autofree char *text = NULL;

  if (spire_application_list_is_filtered (self->list))
    /* TRANSLATORS: "12 of 80 applications"; the plural follows the second number */
    text = g_strdup_printf (ngettext ("%s of %s application", "%s of %s applications", total),
                            shown_text, total_text);
  else
    text = g_strdup_printf (ngettext ("%s application", "%s applications", total), total_text);
  gtk_label_set_text (self->shown_label, text);
}

/* Changes the status filter (NULL: all) and shows it in the dropdown and
 * the tiles. */
void
_spire_cohort_page_set_status_filter (SpireCohortPage *self, const char *status)
{
  GHashTableIter iter;
  gpointer key, tile;
  guint pos = 0, i = 1;

  if (status && *status == '\0')
    status = NULL;
  spire_application_list_set_status_filter (self->list, status);

  self->updating_filters = TRUE;
  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    if (g_strcmp0 (status, v->value) == 0)
      pos = i;
  gtk_drop_down_set_selected (self->status_dropdown, pos);
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, &tile))
    gtk_toggle_button_set_active (tile, g_strcmp0 (key, status) == 0);
  gtk_widget_set_visible (self->show_all_button, status != NULL);
  self->updating_filters = FALSE;
  update_shown (self);
}

void
_spire_cohort_page_set_challenge_filter (SpireCohortPage *self, const char *challenge)
{
  guint pos = 0;

  for (guint i = 1; challenge && i < self->challenge_values->len; i++)
    if (g_str_equal (self->challenge_values->pdata[i], challenge))
      pos = i;
  spire_application_list_set_challenge_filter (self->list, pos > 0 ? challenge : NULL);
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->challenge_dropdown, pos);
  self->updating_filters = FALSE;
  update_shown (self);
}

/* Selection and details */

/* An empty details pane would only take room from the list. */
static void
update_details_visible (SpireCohortPage *self)
{
  gboolean under = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) ==
                   GTK_ORIENTATION_VERTICAL;
  gboolean empty = g_strcmp0 (gtk_stack_get_visible_child_name (self->details_stack), "none") == 0;

  /* Beside it too: the list gets the room until something is selected
   * (issue 12). */
  (void) under;
  gtk_widget_set_visible (GTK_WIDGET (self->details_stack), !empty);
}

/* The details of one application are made when first shown: the first
 * frame, with nothing selected, does not show them (issue 11). */
static SpireApplicationDetails *
ensure_details (SpireCohortPage *self)
{
  if (self->details == NULL)
    {
      self->details =
        SPIRE_APPLICATION_DETAILS (g_object_new (SPIRE_TYPE_APPLICATION_DETAILS, NULL));
      adw_bin_set_child (self->details_bin, GTK_WIDGET (self->details));
    }
  return self->details;
}

/* The page for several selected, the same (spire-cohort-page-many.ui). */
static AdwStatusPage *
ensure_many (SpireCohortPage *self)
{
  g_autoptr (GtkBuilder) builder = spire_stack_add_page_once (
    self->details_stack, "many", "/no/spire/Spire/cohort/spire-cohort-page-many.ui",
    "details_many");

  if (builder)
    self->details_many = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "details_many"));
  return self->details_many;
}

/* Shows the selection in the details pane and the actions. */
static void
update_selection (SpireCohortPage *self, gboolean force)
{
  guint n = spire_application_list_get_n_selected (self->list);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.edit-application", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.change-status", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.set-status", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.delete-applications", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.export-selected-letters", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.innsyn-application", n == 1);

  if (n == 1)
    {
      g_autoptr (GPtrArray) apps = spire_application_list_get_selected (self->list);
      SpireRecord *app = g_ptr_array_index (apps, 0);

      ensure_details (self);
      if (force || g_strcmp0 (spire_application_details_get_uuid (self->details),
                              spire_record_get_uuid (app)) != 0)
        {
          g_autofree char *startup = spire_application_list_cell_text (
            self->list, app, SPIRE_APPLICATION_COLUMN_STARTUP);
          g_autofree char *challenge = spire_application_list_cell_text (
            self->list, app, SPIRE_APPLICATION_COLUMN_CHALLENGE);

          spire_application_details_set_application (self->details, self->store, app, startup,
                                                     challenge);
        }
      gtk_stack_set_visible_child_name (self->details_stack, "one");
    }
  else
    {
      if (self->details)
        spire_application_details_set_application (self->details, NULL, NULL, NULL, NULL);
      if (n == 0)
        gtk_stack_set_visible_child_name (self->details_stack, "none");
      else
        {
          g_autofree char *n_text = spire_format_count (n, spire_language_current ());
          g_autofree char *title = g_strdup_printf (ngettext ("%s Application Selected",
                                                              "%s Applications Selected", n),
                                                    n_text);

          adw_status_page_set_title (ensure_many (self), title);
          gtk_stack_set_visible_child_name (self->details_stack, "many");
        }
    }
  update_details_visible (self);
}

static void
on_selection_changed_cb (SpireCohortPage *self, guint position, guint n_items,
                         GtkSelectionModel *model)
{
  update_selection (self, FALSE);
}

static void
on_list_application_activated_cb (SpireCohortPage *self, SpireRecord *app,
                                  SpireApplicationList *list)
{
  _spire_cohort_page_edit (self, app);
}

static void
on_shown_items_changed_cb (SpireCohortPage *self, guint position, guint removed, guint added,
                           GListModel *model)
{
  update_shown (self);
}

/* The search and the dropdowns */

static void
on_search_entry_search_changed_cb (SpireCohortPage *self, GtkSearchEntry *entry)
{
  spire_application_list_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
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
  _spire_cohort_page_set_status_filter (self, pos == 0 ? NULL : status_field ()->values[pos - 1].value);
}

static void
on_challenge_dropdown_selected_cb (SpireCohortPage *self, GParamSpec *pspec,
                                   GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filters || pos == GTK_INVALID_LIST_POSITION ||
      pos >= self->challenge_values->len)
    return;
  _spire_cohort_page_set_challenge_filter (self, self->challenge_values->pdata[pos]);
}
/* Narrow: the details fold under the list. */
#define NARROW_WIDTH 900
/* Narrower: the facts fold into the header and the status dropdown goes
 * (the tiles filter): the list keeps the room. */
#define COMPACT_WIDTH 600

static void
update_compact (SpireCohortPage *self, int width)
{
  gboolean compact = width > 0 && width < COMPACT_WIDTH;
  GHashTableIter iter;
  gpointer tile;

  if (compact == self->compact)
    return;
  self->compact = compact;
  gtk_widget_set_visible (self->facts_box, !compact);
  gtk_widget_set_visible (self->counts_heading, !compact);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->status_dropdown),
                                                   GTK_TYPE_FLOW_BOX_CHILD),
                          !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->shown_label), !compact);
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &tile))
    spire_status_tile_set_compact (tile, compact);
  /* A flow box flows at its children's natural width: four to a line,
   * where the captions wrap. */
  gtk_flow_box_set_homogeneous (self->counts_box, compact);
  gtk_flow_box_set_min_children_per_line (self->counts_box, compact ? 4 : 2);
  update_header (self);
}

/* The top is as high as it needs at this width, and scrolls only when
 * the window is lower than that (a scrolled window would otherwise ask
 * for the height its content needs at its narrowest). */
static void
update_top_height (SpireCohortPage *self, int width)
{
  int natural = 0;

  if (width <= 0 || width == self->top_width)
    return;
  self->top_width = width;
  gtk_widget_measure (self->top_box, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  gtk_scrolled_window_set_max_content_height (self->top_scroll, MAX (natural, 60));
}

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
      /* Under the list both share the height; beside it the list takes
       * what the window gains. */
      gtk_paned_set_resize_end_child (self->paned, want == GTK_ORIENTATION_VERTICAL);
      /* The details may shrink either way: the page's minimum width is
       * the list's, so the window folds to 360 px (a paned's minimum is
       * its children's together). */
      gtk_paned_set_shrink_end_child (self->paned, TRUE);
      gtk_paned_set_position (self->paned, want == GTK_ORIENTATION_HORIZONTAL
                                             ? MAX (width - 380, 300)
                                             : MAX (gtk_widget_get_height (GTK_WIDGET (self->paned)) / 2, 200));
      g_debug ("page %d×%d, paned height %d: %s at %d", width,
               gtk_widget_get_height (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self->paned)),
               want == GTK_ORIENTATION_HORIZONTAL ? "side by side" : "details under the list",
               gtk_paned_get_position (self->paned));
    }
  update_compact (self, width);
  update_top_height (self, width);
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
  if ((vertical != (width < NARROW_WIDTH) || self->compact != (width < COMPACT_WIDTH) ||
       width != self->top_width || !self->position_done) &&
      self->orientation_idle == 0)
    self->orientation_idle = g_idle_add (update_orientation_cb, self);
}

static void
spire_cohort_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->exporting > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void stop_waiting (SpireCohortPage *self);

static void
spire_cohort_page_dispose (GObject *object)
{
  SpireCohortPage *self = SPIRE_COHORT_PAGE (object);

  if (self->list)
    g_signal_handlers_disconnect_by_data (spire_application_list_get_model (self->list), self);
  g_clear_handle_id (&self->orientation_idle, g_source_remove);
  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  stop_waiting (self);
  if (self->decision_dialog)
    gtk_window_destroy (GTK_WINDOW (self->decision_dialog));
  g_clear_weak_pointer (&self->decision_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_COHORT_PAGE);
  g_clear_object (&self->status_items);
  g_clear_object (&self->challenge_items);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);
  g_clear_pointer (&self->challenge_values, g_ptr_array_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);

  G_OBJECT_CLASS (spire_cohort_page_parent_class)->dispose (object);
}


static void
spire_cohort_page_class_init (SpireCohortPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = spire_cohort_page_get_property;
  object_class->dispose = spire_cohort_page_dispose;
  widget_class->measure = spire_cohort_page_measure;
  widget_class->size_allocate = spire_cohort_page_size_allocate;

  /* TRUE while a CSV export is being written. */
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Using the feature's resource links it in from the static library;
   * it registers itself. */
  (void) spire_cohort_get_resource ();
  g_type_ensure (SPIRE_TYPE_APPLICATION_LIST);
  g_type_ensure (SPIRE_TYPE_APPLICATION_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/cohort/spire-cohort-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpireCohortPage, name)
  BIND (top_scroll);
  BIND (page_menu_button);
  BIND (page_menu);
  BIND (top_box);
  BIND (cohort_title);
  BIND (program_label);
  BIND (facts_box);
  BIND (counts_heading);
  BIND (show_all_button);
  BIND (phase_label);
  BIND (deadline_label);
  BIND (start_label);
  BIND (end_label);
  BIND (seats_label);
  BIND (counts_box);
  BIND (search_entry);
  BIND (status_dropdown);
  BIND (challenge_dropdown);
  BIND (shown_label);
  BIND (paned);
  BIND (details_stack);
  BIND (details_bin);
  BIND (header_box);
  BIND (list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_challenge_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_application_activated_cb);
  _spire_cohort_page_class_install_actions (widget_class);
}

static void
spire_cohort_page_init (SpireCohortPage *self)
{
  GtkSelectionModel *model;

  gtk_widget_init_template (GTK_WIDGET (self));
  spire_widget_stack_when_narrow (self->header_box);
  /* measure and size_allocate are the page's own (see size_allocate). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  /* "More Actions" is not in the first frame */
  spire_menu_button_set_lazy_menu (self->page_menu_button, self->page_menu);

  self->challenge_values = g_ptr_array_new_with_free_func (g_free);
  self->tiles = g_hash_table_new (g_str_hash, g_str_equal);
  for (const SpireEnumValue *v = status_field ()->values; v->value; v++)
    {
      GtkWidget *tile = spire_status_tile_new (v->value, _(v->label));

      GtkWidget *child = gtk_flow_box_child_new ();

      /* Tab goes to the tile itself, a toggle button. */
      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), tile);
      gtk_flow_box_append (self->counts_box, child);
      g_hash_table_insert (self->tiles, (gpointer) v->value, tile);
    }

  self->status_items = gtk_string_list_new (NULL);
  self->challenge_items = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (self->status_items));
  gtk_drop_down_set_model (self->challenge_dropdown, G_LIST_MODEL (self->challenge_items));

  model = spire_application_list_get_model (self->list);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_shown_items_changed_cb), self);
  g_signal_connect_swapped (model, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                            self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_facts (self);
  update_counts (self, NULL);
  self->updating_filters = TRUE;
  update_status_items (self, NULL);
  update_challenge_items (self, NULL, FALSE);
  self->updating_filters = FALSE;
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

/* Another cohort starts without a search or filters; the same one (a
 * reload) keeps them, and returns what was selected. */
static GHashTable *
keep_or_reset_filters (SpireCohortPage *self, SpireCohort *cohort)
{
  g_autoptr (GPtrArray) selected = NULL;
  GHashTable *keep;

  if (cohort == NULL || self->cohort == NULL ||
      g_strcmp0 (spire_record_get_uuid (SPIRE_RECORD (cohort)),
                 spire_record_get_uuid (SPIRE_RECORD (self->cohort))) != 0)
    {
      spire_application_list_set_status_filter (self->list, NULL);
      spire_application_list_set_challenge_filter (self->list, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      spire_application_list_set_query (self->list, NULL);
      return NULL;
    }
  selected = spire_application_list_get_selected (self->list);
  keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < selected->len; i++)
    g_hash_table_add (keep, g_strdup (spire_record_get_uuid (selected->pdata[i])));
  return keep;
}

/* What was read (NULL: nothing, or it failed) into the widgets. */
static void
show_listing (SpireCohortPage *self, SpireCohortListing *listing, GHashTable *keep_selected)
{
  gboolean without_challenge = FALSE;
  GPtrArray *apps = listing ? listing->applications : NULL;
  GHashTable *counts = listing ? listing->status_counts : NULL;

  for (guint i = 0; apps && i < apps->len && !without_challenge; i++)
    {
      const char *challenge = spire_record_get_text (apps->pdata[i], "challenge");

      without_challenge = challenge == NULL || *challenge == '\0';
    }

  update_facts (self);
  update_counts (self, counts);
  self->updating_filters = TRUE;
  update_status_items (self, counts);
  update_challenge_items (self, listing ? listing->challenges : NULL, without_challenge);
  self->updating_filters = FALSE;
  _spire_cohort_page_set_status_filter (self, spire_application_list_get_status_filter (self->list));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-application", self->cohort != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.export-csv", self->cohort != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.export-report", self->cohort != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.export-letters", self->cohort != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.print", self->cohort != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.print-to", self->cohort != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.innsyn", self->cohort != NULL);
  if (listing)
    spire_application_list_set_listing (self->list, listing);
  else
    spire_application_list_set_applications (self->list, NULL, NULL, NULL);
  spire_application_list_select_uuids (self->list, keep_selected);
  update_shown (self);
  update_selection (self, TRUE);
}

typedef struct
{
  SpireCohortPage *self; /* a reference */
  GCancellable *cancellable;
  GHashTable *keep_selected;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->cancellable);
  g_clear_pointer (&load->keep_selected, g_hash_table_unref);
  g_free (load);
}

static void
on_listing_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Load *load = user_data;
  SpireCohortPage *self = load->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireCohortListing) listing = spire_cohort_listing_finish (SPIRE_STORE (source),
                                                                        result, &error);

  /* Another cohort (or none) was chosen meanwhile: that load shows. */
  if (self->loading != load->cancellable)
    {
      load_free (load);
      return;
    }
  g_clear_object (&self->loading);
  if (listing == NULL)
    {
      g_clear_object (&self->cohort);
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Cohort"), error);
    }
  show_listing (self, listing, load->keep_selected);
  load_free (load);
}

static void
start_listing (SpireCohortPage *self, GHashTable *keep_selected)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->cancellable = g_object_ref (self->loading);
  load->keep_selected = keep_selected;
  spire_cohort_listing_async (self->store, spire_record_get_uuid (SPIRE_RECORD (self->cohort)),
                              self->loading, on_listing_cb, load);
  spire_application_list_reading_started (self->list);
}

static void
stop_waiting (SpireCohortPage *self)
{
  g_clear_pointer (&self->wait, _spire_first_frame_wait_cancel);
  g_clear_pointer (&self->wait_keep, g_hash_table_unref);
}

static void
on_first_frame (gpointer data)
{
  SpireCohortPage *self = data;
  GHashTable *keep = g_steal_pointer (&self->wait_keep);

  self->wait = NULL; /* it freed itself */
  if (self->loading && self->cohort && self->store)
    start_listing (self, keep);
  else
    g_clear_pointer (&keep, g_hash_table_unref);
}

/* Before the window has begun its first frame (the start), the listing's
 * worker starts right after that frame, which shows the cohort's header
 * and the list's loading indication (spire-first-frame.c): read beside it,
 * the rows came before it (the worker ~150 ms at large), and the frame
 * then laid out and drew them too, with the worker's connection (its 8 MiB
 * page cache) alive: 0.2 × a bare window's CPU and +9 MiB (issue 11).  The
 * rows follow a few frames later.  FALSE: no first frame to wait for. */
static gboolean
start_after_first_frame (SpireCohortPage *self, GHashTable *keep_selected)
{
  stop_waiting (self);
  self->wait = _spire_first_frame_wait (GTK_WIDGET (self), on_first_frame, self);
  if (self->wait == NULL)
    return FALSE;
  self->wait_keep = keep_selected;
  return TRUE;
}

gboolean
spire_cohort_page_set_cohort (SpireCohortPage *self, SpireCohort *cohort, GError **error)
{
  g_autoptr (GHashTable) keep_selected = NULL;
  gboolean same, had;

  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), FALSE);
  g_return_val_if_fail (cohort == NULL || SPIRE_IS_COHORT (cohort), FALSE);

  keep_selected = keep_or_reset_filters (self, cohort);
  same = keep_selected != NULL;
  had = self->cohort != NULL;
  g_set_object (&self->cohort, cohort);
  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  stop_waiting (self);

  if (cohort == NULL || self->store == NULL)
    {
      /* No cohort before either (a database given to the page, which the
       * window follows with its first cohort): nothing to clear, and the
       * list's "empty" page is not made for a moment no one sees. */
      if (had)
        show_listing (self, NULL, NULL);
      return TRUE;
    }
  /* Read in a worker (spire_cohort_listing_async): another cohort's rows
   * give way to a spinner at once; the same cohort read again (a reload)
   * keeps its rows until the new ones are there. */
  if (!same)
    {
      GHashTableIter iter;
      gpointer tile;

      update_facts (self);
      spire_application_list_set_loading (self->list);
      update_selection (self, TRUE);
      /* Not the last cohort's counts, nor "0 applications", meanwhile */
      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, NULL, &tile))
        spire_status_tile_set_unknown (tile);
      gtk_label_set_text (self->shown_label, _("Reading the applications…"));
      self->updating_filters = TRUE;
      update_status_items (self, NULL);
      self->updating_filters = FALSE;
    }
  self->loading = g_cancellable_new ();
  if (!start_after_first_frame (self, keep_selected))
    start_listing (self, keep_selected);
  keep_selected = NULL; /* given */
  return TRUE;
}

gboolean
spire_cohort_page_is_loading (SpireCohortPage *self)
{
  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), FALSE);

  return self->loading != NULL || spire_application_list_is_filling (self->list);
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

GtkSelectionModel *
spire_cohort_page_get_model (SpireCohortPage *self)
{
  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), NULL);

  return spire_application_list_get_model (self->list);
}

GListModel *
spire_cohort_page_get_applications (SpireCohortPage *self)
{
  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), NULL);

  return spire_application_list_get_applications (self->list);
}

const char *
spire_cohort_page_get_status_filter (SpireCohortPage *self)
{
  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), NULL);

  return spire_application_list_get_status_filter (self->list);
}

const char *
spire_cohort_page_get_challenge_filter (SpireCohortPage *self)
{
  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), NULL);

  return spire_application_list_get_challenge_filter (self->list);
}

gboolean
spire_cohort_page_get_exporting (SpireCohortPage *self)
{
  g_return_val_if_fail (SPIRE_IS_COHORT_PAGE (self), FALSE);

  return self->exporting > 0;
}

/* Private API: what a test cannot see through the public one */

GtkEditable *
_spire_cohort_page_get_search_entry (SpireCohortPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

SpireApplicationList *
_spire_cohort_page_get_list (SpireCohortPage *self)
{
  return self->list;
}

SpireApplicationDetails *
_spire_cohort_page_get_details (SpireCohortPage *self)
{
  return ensure_details (self);
}
