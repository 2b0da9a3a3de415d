/* spire-ranking-page.c — the cohort's ranking, the selection meeting and decisions
 *
 * The ranking is made by spire_rank_cohort_async() (a worker thread with its
 * own read connection), when the page is shown and again, debounced, when
 * the store says that reviews, scores, applications, rubrics or decisions
 * changed.  The page is a shell: a toolbar (a summary, the meeting order,
 * refresh; the buttons under the summary on a phone), the SpireRankingList, and the decision bar under it.  Decisions
 * are taken on the selected rows through the one SpireDecisionDialog (one
 * written reason, core's seats warning, spire_decide()).  Toasts and errors
 * come from gui/common.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking-page"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-decision-dialog.h"
#include "common/spire-error-dialog.h"
#include "common/spire-toast.h"
#include "common/spire-widget.h"
#include "spire-ranking-list.h"
#include "spire-ranking-page.h"
#include "spire-ranking-page-private.h"
#include "spire-ranking-resources.h"
#include "spire-reviews-dialog.h"

/* How long to wait after the last change before ranking again. */
#define RERANK_DELAY_MS 400

struct _SpireRankingPage
{
  AdwBin parent_instance;

  /* template */
  GtkWidget *toolbar;
  GtkToggleButton *meeting_button;
  GtkLabel *summary_label;
  GtkSpinner *spinner;
  GtkRevealer *meeting_revealer;
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_status;
  SpireRankingList *list;
  GtkRevealer *action_revealer;
  GtkLabel *selected_label;
  GtkWidget *decision_box;

  SpireStore *store;
  SpireCohort *cohort;
  char *cohort_uuid;
  SpireRanking *ranking;
  GCancellable *cancellable;
  guint debounce_source;
  gboolean running;
  gboolean dirty;

  SpireDecisionDialog *decision_dialog; /* weak */
  GtkWindow *reviews_dialog;            /* weak */
};

G_DEFINE_FINAL_TYPE (SpireRankingPage, spire_ranking_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MEETING_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_rank (SpireRankingPage *self, guint delay_ms);


/* Showing the ranking */

static void
update_selected (SpireRankingPage *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (spire_ranking_list_get_model (self->list));
  guint n = (guint) gtk_bitset_get_size (set);
  g_autofree char *n_text = spire_format_count (n, spire_language_current ());
  g_autofree char *text = g_strdup_printf (ngettext ("%s application selected",
                                                     "%s applications selected", n),
                                           n_text);

  gtk_label_set_text (self->selected_label, text);
  gtk_revealer_set_reveal_child (self->action_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.decide", n > 0);
}

static void
update_busy (SpireRankingPage *self)
{
  spire_spinner_set_spinning_later (self->spinner, self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->running);
  spire_spinner_set_spinning_later (self->loading_spinner, self->running);
}

static void
update_summary (SpireRankingPage *self)
{
  g_autofree char *text = NULL;
  guint n = 0, ranked = 0, disagree = 0;

  if (self->ranking)
    {
      n = spire_ranking_get_n_rows (self->ranking);
      for (guint i = 0; i < n; i++)
        {
          SpireRankRow *row = spire_ranking_get_row (self->ranking, i);

          ranked += spire_rank_row_get_rank (row) > 0;
          disagree += (spire_rank_row_get_flags (row) & SPIRE_RANK_FLAG_DISAGREEMENT) != 0;
        }
      SpireLanguage lang = spire_language_current ();
      g_autofree char *n_text = spire_format_count (n, lang);
      g_autofree char *ranked_text = spire_format_count (ranked, lang);
      g_autofree char *disagree_text = spire_format_count (disagree, lang);

      /* TRANSLATORS: "80 applications, 74 ranked, 6 with disagreement" */
      text = g_strdup_printf (ngettext ("%s application, %s ranked, %s with disagreement",
                                        "%s applications, %s ranked, %s with disagreement", n),
                              n_text, ranked_text, disagree_text);
    }
  gtk_label_set_text (self->summary_label, text ? text : "");
}

static void
show_ranking (SpireRankingPage *self, SpireRanking *ranking)
{
  gboolean any_reviews = FALSE;

  g_set_object (&self->ranking, ranking);
  spire_ranking_list_set_ranking (self->list, ranking);
  update_selected (self);
  update_summary (self);

  for (guint i = 0; ranking && i < spire_ranking_get_n_rows (ranking); i++)
    if (spire_rank_row_get_rank (spire_ranking_get_row (ranking, i)) > 0)
      {
        any_reviews = TRUE;
        break;
      }
  if (ranking == NULL)
    gtk_stack_set_visible_child_name (self->stack, "none");
  else if (!any_reviews)
    gtk_stack_set_visible_child_name (self->stack, "no-reviews");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.meeting-order", any_reviews);
}

static void
on_ranked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SpireRankingPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRanking) ranking = spire_rank_cohort_finish (SPIRE_STORE (source), result,
                                                               &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
    return; /* a newer ranking replaced it, or the page went away */
  if (self->store == NULL || self->cohort_uuid == NULL)
    return;
  if (ranking && g_strcmp0 (spire_ranking_get_cohort_uuid (ranking), self->cohort_uuid) != 0)
    return;

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  update_busy (self);

  if (ranking == NULL)
    {
      show_ranking (self, NULL);
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
        gtk_stack_set_visible_child_name (self->stack, "no-rubric");
      else
        {
          adw_status_page_set_description (self->error_status, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }
  show_ranking (self, ranking);
}

static void
start_rank (SpireRankingPage *self)
{
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->dirty = FALSE;
  if (self->store == NULL || self->cohort_uuid == NULL)
    return;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  update_busy (self);
  if (self->ranking == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  spire_rank_cohort_async (self->store, self->cohort_uuid, self->cancellable, on_ranked_cb,
                           g_object_ref (self));
}

static gboolean
debounce_cb (gpointer user_data)
{
  SpireRankingPage *self = user_data;

  self->debounce_source = 0;
  start_rank (self);
  return G_SOURCE_REMOVE;
}

/* Ranks now (@delay_ms 0) or after a quiet moment, when the page is shown;
 * a hidden page ranks when it is shown. */
static void
schedule_rank (SpireRankingPage *self, guint delay_ms)
{
  if (self->store == NULL || self->cohort_uuid == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (delay_ms == 0)
    {
      start_rank (self);
      return;
    }
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add (delay_ms, debounce_cb, self);
}

static gboolean
store_changed_idle_cb (gpointer user_data)
{
  SpireRankingPage *self = user_data;

  schedule_rank (self, RERANK_DELAY_MS);
  return G_SOURCE_REMOVE;
}

/* The store emits "changed" on its own thread (the main one): schedule, do not rank here. */
static void
on_store_changed_cb (SpireStore *store, const char *table, gpointer user_data)
{
  static const char *const tables[] = { "reviews",  "scores",     "applications", "rubrics",
                                        "criteria", "decisions",  "assignments",  "startups",
                                        "challenges", "evaluators", NULL };

  if (table != NULL && !g_strv_contains (tables, table))
    return;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, store_changed_idle_cb,
                              g_object_ref (user_data), g_object_unref);
}


static void
show_toast (SpireRankingPage *self, const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  spire_toast_add (GTK_WIDGET (self), toast);
}


/* Reviews */

static GtkWindow *
open_reviews (SpireRankingPage *self, SpireRankRow *row)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) reviews = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->ranking == NULL || self->store == NULL || row == NULL)
    return NULL;
  reviews = spire_ranking_list_reviews (self->ranking, self->store,
                                        spire_rank_row_get_application_uuid (row), &error);
  if (reviews == NULL)
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Reviews"), error);
      return NULL;
    }
  if (self->reviews_dialog)
    gtk_window_destroy (self->reviews_dialog);
  dialog = spire_reviews_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->ranking, row, reviews);
  g_set_weak_pointer (&self->reviews_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
show_reviews_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (widget);
  g_autoptr (GPtrArray) rows = spire_ranking_list_get_selected (self->list);

  if (rows->len > 0)
    open_reviews (self, rows->pdata[0]);
}


/* Decisions */

static char *
decision_toast (const char *status, guint n)
{
  g_autofree char *t = spire_format_count (n, spire_language_current ());

  if (g_str_equal (status, "shortlisted"))
    return g_strdup_printf (ngettext ("%s application shortlisted",
                                      "%s applications shortlisted", n), t);
  if (g_str_equal (status, "accepted"))
    return g_strdup_printf (ngettext ("%s application accepted", "%s applications accepted", n), t);
  if (g_str_equal (status, "waitlisted"))
    return g_strdup_printf (ngettext ("%s application waitlisted",
                                      "%s applications waitlisted", n), t);
  return g_strdup_printf (ngettext ("%s application rejected", "%s applications rejected", n), t);
}

static void
on_decision_response_cb (SpireDecisionDialog *dialog, const char *response,
                         SpireRankingPage *self)
{
  const char *status = spire_decision_dialog_get_status (dialog);
  guint n = g_strv_length ((GStrv) spire_decision_dialog_get_uuids (dialog));
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "apply") || self->store == NULL)
    return;
  if (!spire_decision_dialog_decide (dialog, GTK_WIDGET (self)))
    return;
  text = decision_toast (status, n);
  show_toast (self, text);
  if (g_str_equal (status, "accepted") && self->cohort_uuid)
    {
      g_autofree char *seats = spire_cohort_seats_warning (self->store, self->cohort_uuid);

      if (seats)
        show_toast (self, seats);
    }
  gtk_selection_model_unselect_all (spire_ranking_list_get_model (self->list));
  schedule_rank (self, 0);
}

/* The selected rows, listed in the dialog's body (five at most). */
static char *
decision_body (GPtrArray *rows)
{
  GString *body = g_string_new (NULL);
  guint n = rows->len;

  for (guint i = 0; i < MIN (n, 5u); i++)
    {
      SpireRankRow *row = rows->pdata[i];

      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, "%s — %s", spire_rank_row_get_title (row),
                              spire_rank_row_get_startup_name (row) ?: "");
    }
  if (n > 5)
    {
      g_autofree char *more = spire_format_count (n - 5, spire_language_current ());

      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("and %s more", "and %s more", n - 5), more);
    }
  return g_string_free (body, FALSE);
}

static void
decide_action (GtkWidget *widget, const char *name, GVariant *param)
{
  static const char *const offered[] = { "shortlisted", "accepted", "waitlisted", "rejected",
                                         NULL };
  SpireRankingPage *self = SPIRE_RANKING_PAGE (widget);
  const char *status = g_variant_get_string (param, NULL);
  g_autoptr (GPtrArray) rows = spire_ranking_list_get_selected (self->list);
  g_autoptr (GStrvBuilder) uuids = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) statuses = g_strv_builder_new ();
  g_auto (GStrv) uuidv = NULL;
  g_auto (GStrv) statusv = NULL;
  g_autofree char *body = NULL;
  SpireDecisionDialog *dialog;

  if (!g_strv_contains (offered, status) || self->store == NULL || rows->len == 0)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      const char *status_now = spire_rank_row_get_status (rows->pdata[i]);

      g_strv_builder_add (uuids, spire_rank_row_get_application_uuid (rows->pdata[i]));
      g_strv_builder_add (statuses, status_now ? status_now : "");
    }
  uuidv = g_strv_builder_end (uuids);
  statusv = g_strv_builder_end (statuses);

  if (self->decision_dialog)
    gtk_window_destroy (GTK_WINDOW (self->decision_dialog));
  dialog = spire_decision_dialog_new (widget, self->store, self->cohort_uuid,
                                      (const char *const *) uuidv, (const char *const *) statusv,
                                      status);
  body = decision_body (rows);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_decision_response_cb), self, 0);
  g_set_weak_pointer (&self->decision_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}


/* Meeting order: the list's; the page shows the explanation and the
 * toggle. */

static void
on_list_meeting_order_cb (SpireRankingPage *self, GParamSpec *pspec, SpireRankingList *list)
{
  gtk_revealer_set_reveal_child (self->meeting_revealer,
                                 spire_ranking_list_get_meeting_order (list));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ORDER]);
}

static void
on_list_row_activated_cb (SpireRankingPage *self, SpireRankRow *row, SpireRankingList *list)
{
  open_reviews (self, row);
}


static void
refresh_action (GtkWidget *widget, const char *name, GVariant *param)
{
  schedule_rank (SPIRE_RANKING_PAGE (widget), 0);
}

static void
on_selection_changed_cb (SpireRankingPage *self, guint position, guint n_items,
                         GtkSelectionModel *model)
{
  update_selected (self);
}

/* GtkWidget */

static void
spire_ranking_page_map (GtkWidget *widget)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (widget);

  GTK_WIDGET_CLASS (spire_ranking_page_parent_class)->map (widget);
  if (self->dirty)
    schedule_rank (self, 0);
}



/* GObject */

static void
spire_ranking_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEETING_ORDER:
      g_value_set_boolean (value, spire_ranking_list_get_meeting_order (self->list));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_ranking_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEETING_ORDER:
      spire_ranking_list_set_meeting_order (self->list, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_ranking_page_dispose (GObject *object)
{
  SpireRankingPage *self = SPIRE_RANKING_PAGE (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  if (self->decision_dialog)
    gtk_window_destroy (GTK_WINDOW (self->decision_dialog));
  if (self->reviews_dialog)
    gtk_window_destroy (self->reviews_dialog);
  g_clear_weak_pointer (&self->decision_dialog);
  g_clear_weak_pointer (&self->reviews_dialog);
  if (self->list)
    g_signal_handlers_disconnect_by_data (spire_ranking_list_get_model (self->list), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_RANKING_PAGE);
  g_clear_object (&self->ranking);
  g_clear_object (&self->store);
  g_clear_object (&self->cohort);
  g_clear_pointer (&self->cohort_uuid, g_free);

  G_OBJECT_CLASS (spire_ranking_page_parent_class)->dispose (object);
}

/* The decision bar's buttons in pairs (issue 12): both pairs on one line
 * when they fit at their natural width, else one pair above the other:
 * never "Accept" alone on a line. */

#define PAIR_SPACING 6

static gboolean
pairs_fit (GtkWidget *widget, int width, int *line_width)
{
  int total = 0, n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int nat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      total += nat + (n++ > 0 ? PAIR_SPACING : 0);
    }
  if (line_width)
    *line_width = total;
  return width < 0 || width >= total;
}

static void
pairs_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
               int *natural, int *minimum_baseline, int *natural_baseline)
{
  gboolean one_line = orientation == GTK_ORIENTATION_VERTICAL && pairs_fit (widget, for_size, NULL);
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      /* Side by side each at its natural width; one above the other, as wide
       * as the bar (their labels wrap) */
      gtk_widget_measure (c, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL && one_line ? -1 : for_size,
                          &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, min);
          *natural += nat + (n > 0 ? PAIR_SPACING : 0);
        }
      else if (one_line)
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          *minimum += min + (n > 0 ? PAIR_SPACING : 0);
          *natural += nat + (n > 0 ? PAIR_SPACING : 0);
        }
      n++;
    }
}

static void
pairs_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  int line_width = 0;
  gboolean one_line = pairs_fit (widget, width, &line_width);
  int x = one_line ? width - line_width : 0, y = 0;

  g_debug ("decision bar %d×%d, one line %d wide: %s", width, height, line_width,
           one_line ? "one line" : "two lines");

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int nat_w = 0, nat_h = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_w, NULL, NULL);
      gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, one_line ? nat_w : width, NULL, &nat_h,
                          NULL, NULL);
      if (one_line)
        {
          gtk_widget_size_allocate (c, &(GtkAllocation) { x, 0, nat_w, height }, -1);
          x += nat_w + PAIR_SPACING;
        }
      else
        {
          gtk_widget_size_allocate (c, &(GtkAllocation) { 0, y, width, nat_h }, -1);
          y += nat_h + PAIR_SPACING;
        }
    }
}

static GtkSizeRequestMode
pairs_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
setup_decision_layout (SpireRankingPage *self)
{
  gtk_widget_set_layout_manager (self->decision_box,
                                 gtk_custom_layout_new (pairs_request_mode, pairs_measure,
                                                        pairs_allocate));
}

static void
spire_ranking_page_class_init (SpireRankingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Using the feature's resource links it in from the static library;
   * it registers itself. */
  (void) spire_ranking_get_resource ();
  g_type_ensure (SPIRE_TYPE_REVIEWS_DIALOG);
  g_type_ensure (SPIRE_TYPE_RANKING_LIST);

  object_class->dispose = spire_ranking_page_dispose;
  object_class->get_property = spire_ranking_page_get_property;
  object_class->set_property = spire_ranking_page_set_property;
  widget_class->map = spire_ranking_page_map;

  properties[PROP_MEETING_ORDER] =
    g_param_spec_boolean ("meeting-order", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/ranking/spire-ranking-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, meeting_button);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, meeting_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, list);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, action_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, SpireRankingPage, decision_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_meeting_order_cb);

  gtk_widget_class_install_property_action (widget_class, "ranking.meeting-order",
                                            "meeting-order");
  gtk_widget_class_install_action (widget_class, "ranking.decide", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "ranking.show-reviews", NULL,
                                   show_reviews_action);
  gtk_widget_class_install_action (widget_class, "ranking.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "ranking.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "ranking.meeting-order", NULL);
}

static void
spire_ranking_page_init (SpireRankingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* on a phone the meeting order and Rank Again under the summary */
  spire_widget_stack_when_narrow (self->toolbar);
  setup_decision_layout (self);

  g_signal_connect_swapped (spire_ranking_list_get_model (self->list), "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.meeting-order", FALSE);
  update_busy (self);
  update_selected (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* Public API */

GtkWidget *
spire_ranking_page_new (void)
{
  return g_object_new (SPIRE_TYPE_RANKING_PAGE, NULL);
}

void
spire_ranking_page_set_store (SpireRankingPage *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_RANKING_PAGE (self));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  spire_ranking_page_set_cohort (self, NULL, NULL);
}

gboolean
spire_ranking_page_set_cohort (SpireRankingPage *self, SpireCohort *cohort, GError **error)
{
  const char *uuid;

  g_return_val_if_fail (SPIRE_IS_RANKING_PAGE (self), FALSE);
  g_return_val_if_fail (cohort == NULL || SPIRE_IS_COHORT (cohort), FALSE);

  g_set_object (&self->cohort, cohort);
  uuid = cohort ? spire_record_get_uuid (SPIRE_RECORD (cohort)) : NULL;
  /* The window calls this again on every reload: the same cohort is ranked
   * again by the store's "changed" signal, not here. */
  if (g_strcmp0 (uuid, self->cohort_uuid) == 0)
    return TRUE;

  g_free (self->cohort_uuid);
  self->cohort_uuid = g_strdup (uuid);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->running = FALSE;
  self->dirty = FALSE;
  update_busy (self);
  gtk_selection_model_unselect_all (spire_ranking_list_get_model (self->list));
  spire_ranking_list_set_meeting_order (self->list, FALSE);
  show_ranking (self, NULL);

  if (uuid != NULL && self->store != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      schedule_rank (self, 0);
    }
  return TRUE;
}

GtkSelectionModel *
spire_ranking_page_get_model (SpireRankingPage *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_PAGE (self), NULL);

  return spire_ranking_list_get_model (self->list);
}

SpireRanking *
spire_ranking_page_get_ranking (SpireRankingPage *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_PAGE (self), NULL);

  return self->ranking;
}

gboolean
spire_ranking_page_get_busy (SpireRankingPage *self)
{
  g_return_val_if_fail (SPIRE_IS_RANKING_PAGE (self), FALSE);

  return self->running || self->debounce_source != 0 || self->dirty ||
         spire_ranking_list_get_filling (self->list);
}

/* Private API: what a test cannot see through the public one */

const char *
_spire_ranking_page_get_state (SpireRankingPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

SpireRankingList *
_spire_ranking_page_get_list (SpireRankingPage *self)
{
  return self->list;
}
