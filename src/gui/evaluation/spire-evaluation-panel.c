/* spire-evaluation-panel.c — the panel part: members, roles and conflicts of interest
 *
 * The cohort's panel with each member's role and progress, and the
 * conflicts of interest (read on a worker with every name the rows show:
 * spire_panel_overview_async; the member rows made a slice a frame, the
 * conflicts a list view of their own, 370 at xlarge, whose model grows
 * as it is scrolled: GTK 4.8 makes a widget for each of a list view's
 * first ~200 items, and each conflict row costs 5–8 ms to make and
 * measure, so only a page or so past what is in sight is in it): declared
 * by hand, or detected by the core (spire_conflicts_detect_async, long work
 * on a large cohort) and then confirmed or dismissed with a reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-panel.h"
#include "spire-conflict-dialog.h"
#include "spire-conflict-row.h"
#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "spire-panel-member-dialog.h"
#include "spire-panel-member-row.h"
#include "spire-row-feed.h"
#include "spire-row-model.h"
#include "common/spire-reason-dialog.h"
#include "common/spire-toast.h"

struct _SpireEvaluationPanel
{
  SpireEvaluationPart parent_instance;

  AdwPreferencesGroup *conflicts_group; /* its description counts them */
  GtkListBox *panel_list;
  GtkListBox *conflicts_list;     /* the spinner or "no conflicts" only */
  GtkWidget *conflicts_scroller;  /* bounded height: the page scrolls around it */
  GtkListView *conflicts_view;
  SpireRowModel *conflicts;       /* overview->conflicts, shown a slice a frame */

  GPtrArray *panel;  /* SpireEvaluator */
  /* The panel, the members' loads, the conflicts and every name their rows
   * show are read on a worker (issue 11: on the main thread with a query
   * per row, the part froze the window 117 ms at 4 000 applications);
   * cancelled by a newer load. */
  GCancellable *cancellable;
  /* What the worker read, while its rows are made: the member rows (each
   * an AdwComboRow, ~2 ms) and the conflict rows (370 at 40 000
   * applications) a slice a frame (spire-row-feed.c); the conflict rows
   * are bound from it by position (conflict_members, conflict_parties). */
  SpirePanelOverview *overview;
  SpireRowFeed *feed;
  guint more_tick; /* more conflicts into the model while near its end */
};

G_DEFINE_FINAL_TYPE (SpireEvaluationPanel, spire_evaluation_panel, SPIRE_TYPE_EVALUATION_PART)

#define STORE(self) spire_evaluation_part_get_store (SPIRE_EVALUATION_PART (self))
#define COHORT(self) spire_evaluation_part_get_cohort_uuid (SPIRE_EVALUATION_PART (self))

/* A slice of rows: the frame after it measures them, several times the
 * cost of making them. */
#define ROW_SLICE_US 2000

static void
reload_now (SpireEvaluationPanel *self)
{
  spire_evaluation_part_reload (SPIRE_EVALUATION_PART (self));
}

static void
show_error (SpireEvaluationPanel *self, const char *heading, const GError *error)
{
  spire_error_dialog_show (GTK_WIDGET (self), heading, error);
}

static const char *
name_or_unknown (const char *name)
{
  return name && name[0] ? name : _("Unknown person");
}

/* More conflicts than fit in CONFLICTS_HEIGHT px (rows of ~60–80 px). */
#define FEW_CONFLICTS 5
#define CONFLICTS_HEIGHT 420

/* A list view makes a widget for each of its first ~200 items (GTK 4.8),
 * whether in sight or not: 370 conflicts made 256 row widgets, 5–8 ms of
 * the main thread each (issue 11: the part took 5 s to fill at xlarge,
 * 17–20 ms of every frame meanwhile).  So its model holds what is in
 * sight and about a list's height more: the feed puts the first
 * FIRST_CONFLICTS in (the 420 px list shows five or six), and more come
 * while the list is scrolled near their end (more_conflicts). */
#define FIRST_CONFLICTS 12

static guint
n_fed_conflicts (SpirePanelOverview *o)
{
  return MIN (o->conflicts->len, FIRST_CONFLICTS);
}

/* Row @i of the feed: the members first, then the conflicts (one feed: a
 * frame lays out one slice of rows, not one of each list). */
static void
add_row (guint i, gpointer data)
{
  SpireEvaluationPanel *self = data;
  SpirePanelOverview *o = self->overview;
  SpireRecord *ev;

  if (i >= o->members->len)
    {
      spire_row_model_show_more (self->conflicts, 1);
      return;
    }
  ev = o->members->pdata[i];
  gtk_list_box_append (self->panel_list,
                       spire_panel_member_row_new (ev, name_or_unknown (o->member_names->pdata[i]),
                                                   g_hash_table_lookup (o->loads,
                                                                        spire_record_get_uuid (ev))));
}

static void
setup_conflict_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, spire_conflict_row_new_empty ());
}

/* The row of conflict @position: its names are the overview's (the model
 * holds overview->conflicts, replaced together). */
static void
bind_conflict_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  SpireEvaluationPanel *self = data;
  SpirePanelOverview *o = self->overview;
  guint i = gtk_list_item_get_position (item);

  g_return_if_fail (o != NULL && i < o->conflicts->len);
  spire_conflict_row_set (SPIRE_CONFLICT_ROW (gtk_list_item_get_child (item)),
                          gtk_list_item_get_item (item),
                          name_or_unknown (o->conflict_members->pdata[i]),
                          o->conflict_parties->pdata[i]);
}

/* TRUE while conflicts wait and less than a list's height of rows is
 * below what is in sight (a list not laid out yet has no height). */
static gboolean
wants_more_conflicts (SpireEvaluationPanel *self)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->conflicts_view));
  SpirePanelOverview *o = self->overview;
  double page;

  if (o == NULL || _spire_row_feed_is_running (self->feed) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)) >= o->conflicts->len ||
      adj == NULL || (page = gtk_adjustment_get_page_size (adj)) <= 0)
    return FALSE;
  return gtk_adjustment_get_upper (adj) - gtk_adjustment_get_value (adj) - page < page;
}

/* A slice of rows a frame, as the feed makes them: the frame after it
 * lays out only those. */
static gboolean
more_conflicts_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);
  gint64 end = g_get_monotonic_time () + ROW_SLICE_US;

  if (!wants_more_conflicts (self))
    {
      self->more_tick = 0;
      return G_SOURCE_REMOVE;
    }
  do
    spire_row_model_show_more (self->conflicts, 1);
  while (g_get_monotonic_time () < end &&
         g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)) < self->overview->conflicts->len);
  return G_SOURCE_CONTINUE;
}

/* The list scrolled, laid out or filled: more rows when it nears their
 * end (after the frame's layout, in the next frame's tick). */
static void
more_conflicts (SpireEvaluationPanel *self)
{
  if (self->more_tick == 0 && wants_more_conflicts (self))
    self->more_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), more_conflicts_tick_cb,
                                                    NULL, NULL);
}

static void
stop_more_conflicts (SpireEvaluationPanel *self)
{
  if (self->more_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->more_tick);
  self->more_tick = 0;
}

/* "12 conflicts of interest on record, 3 to confirm or dismiss": the
 * list shows only the rows near those in sight, so it says how many. */
static void
set_conflicts_count (SpireEvaluationPanel *self, SpirePanelOverview *o)
{
  g_autofree char *text = NULL;

  if (o != NULL && o->conflicts->len > 0)
    {
      SpireLanguage lang = spire_language_current ();
      g_autofree char *n = spire_format_count (o->conflicts->len, lang);
      g_autofree char *n_pending = spire_format_count (o->n_pending, lang);

      if (o->n_pending == 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conflict of interest on record",
                                             "%s conflicts of interest on record",
                                             o->conflicts->len),
                                n);
      else
        /* Translators: the conflicts of interest on record, then those detected
         * and not yet confirmed or dismissed */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s conflict of interest on record, %s to confirm or dismiss",
                                             "%s conflicts of interest on record, %s to confirm or dismiss",
                                             o->conflicts->len),
                                n, n_pending);
    }
  adw_preferences_group_set_description (self->conflicts_group, text);
}

/* The conflicts shown: none (the list view's rows unbound) or the
 * overview's, none of them in the model yet (add_row puts them in). */
static void
set_conflicts (SpireEvaluationPanel *self, SpirePanelOverview *o)
{
  guint n = o ? o->conflicts->len : 0;

  stop_more_conflicts (self);
  set_conflicts_count (self, o);
  spire_row_model_set_rows_shown (self->conflicts, o ? o->conflicts : NULL, 0);
  /* A few rows take their height (the list view's minimum, all rows);
   * many scroll inside a list of a bounded height. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->conflicts_scroller), GTK_POLICY_NEVER,
                                  n > FEW_CONFLICTS ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->conflicts_scroller),
                                              n > FEW_CONFLICTS ? CONFLICTS_HEIGHT : -1);
  gtk_widget_set_visible (self->conflicts_scroller, n > 0);
}

/* The rows of what the worker read replace those shown. */
static void
show_overview (SpireEvaluationPanel *self, SpirePanelOverview *overview)
{
  g_clear_pointer (&self->feed, _spire_row_feed_free);
  set_conflicts (self, NULL);
  g_clear_pointer (&self->overview, spire_panel_overview_free);
  self->overview = overview;
  g_clear_pointer (&self->panel, g_ptr_array_unref);
  self->panel = g_ptr_array_ref (overview->members);
  _spire_evaluation_clear_list (self->panel_list);
  _spire_evaluation_clear_list (self->conflicts_list);
  if (overview->members->len == 0)
    gtk_list_box_append (self->panel_list,
                         _spire_evaluation_placeholder_row (_("No panel members yet")));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_list), overview->conflicts->len == 0);
  if (overview->conflicts->len == 0)
    gtk_list_box_append (self->conflicts_list,
                         _spire_evaluation_placeholder_row (_("No conflicts of interest on record")));
  set_conflicts (self, overview);
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
  self->feed = _spire_row_feed_new (GTK_WIDGET (self),
                                    overview->members->len + n_fed_conflicts (overview),
                                    ROW_SLICE_US, add_row, self, NULL);
}

static void
drop_load (SpireEvaluationPanel *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->feed, _spire_row_feed_free);
  g_clear_pointer (&self->panel, g_ptr_array_unref);
  if (self->conflicts)
    set_conflicts (self, NULL);
  g_clear_pointer (&self->overview, spire_panel_overview_free);
}

/* Another cohort (or store): its rows are not the old one's. */
static void
spire_evaluation_panel_clear (SpireEvaluationPart *part)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (part);

  drop_load (self);
  _spire_evaluation_clear_list (self->panel_list);
  _spire_evaluation_clear_list (self->conflicts_list);
}

typedef struct
{
  SpireEvaluationPanel *self;
  GCancellable *cancellable;
} LoadData;

static void
on_overview_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadData *d = user_data;
  SpireEvaluationPanel *self = d->self;
  g_autoptr (GError) error = NULL;
  SpirePanelOverview *overview = spire_panel_overview_finish (SPIRE_STORE (source), result,
                                                              &error);

  /* A newer load (or another cohort) took over: this one is dropped. */
  if (d->cancellable == self->cancellable && !g_cancellable_is_cancelled (d->cancellable))
    {
      g_clear_object (&self->cancellable);
      if (overview == NULL)
        {
          /* The database failed: nothing to show, and why. */
          g_warning ("The panel could not be read: %s", error->message);
          overview = g_new0 (SpirePanelOverview, 1);
          overview->members = g_ptr_array_new ();
          overview->conflicts = g_ptr_array_new ();
        }
      show_overview (self, g_steal_pointer (&overview));
    }
  spire_panel_overview_free (overview);
  g_object_unref (d->cancellable);
  g_object_unref (d->self);
  g_free (d);
}

static void
spire_evaluation_panel_reload (SpireEvaluationPart *part)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (part);
  LoadData *d;

  /* The rows shown stay until the new ones are in (a spinner the first
   * time); the actions that need the members wait for them too. */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->panel_list)) == NULL)
    gtk_list_box_append (self->panel_list, _spire_evaluation_spinner_row ());
  if (gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list)) == NULL &&
      !gtk_widget_get_visible (self->conflicts_scroller))
    {
      gtk_list_box_append (self->conflicts_list, _spire_evaluation_spinner_row ());
      gtk_widget_set_visible (GTK_WIDGET (self->conflicts_list), TRUE);
    }
  self->cancellable = g_cancellable_new ();
  d = g_new0 (LoadData, 1);
  d->self = g_object_ref (self);
  d->cancellable = g_object_ref (self->cancellable);
  spire_panel_overview_async (STORE (self), COHORT (self), self->cancellable,
                              on_overview_read_cb, d);
}

static gboolean
panel_is_loading (SpireEvaluationPart *part)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (part);

  return self->cancellable != NULL || _spire_row_feed_is_running (self->feed);
}

static void
spire_evaluation_panel_update_actions (SpireEvaluationPart *part)
{
  static const char *const actions[] = { "evaluation.add-member", "evaluation.remove-member",
                                         "evaluation.set-role", "evaluation.detect-conflicts",
                                         "evaluation.declare-conflict",
                                         "evaluation.confirm-conflict",
                                         "evaluation.dismiss-conflict" };

  gboolean has_cohort = spire_evaluation_part_get_cohort_uuid (part) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (part), actions[i], has_cohort);
  /* These offer whoever is not on the panel yet: once the panel is in. */
  gtk_widget_action_set_enabled (GTK_WIDGET (part), "evaluation.add-member",
                                 has_cohort && SPIRE_EVALUATION_PANEL (part)->panel != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (part), "evaluation.declare-conflict",
                                 has_cohort && SPIRE_EVALUATION_PANEL (part)->panel != NULL);
}

/* Actions: panel */

static void
set_role_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);
  g_autoptr (GError) error = NULL;
  const char *uuid, *role;

  g_variant_get (param, "(&s&s)", &uuid, &role);
  if (!spire_panel_set_role (STORE (self), uuid, role, &error))
    show_error (self, _("The Role Could Not Be Changed"), error);
  reload_now (self);
}

static void
on_add_member_response_cb (SpirePanelMemberDialog *dialog, const char *response,
                           SpireEvaluationPanel *self)
{
  const char *person = spire_panel_member_dialog_get_person (dialog);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) ev = NULL;

  if (g_strcmp0 (response, "add") != 0 || person == NULL)
    return;
  ev = spire_panel_add (STORE (self), COHORT (self), person,
                        spire_panel_member_dialog_get_role (dialog), &error);
  if (ev == NULL)
    show_error (self, _("The Panel Member Could Not Be Added"), error);
  reload_now (self);
}

/* A dialog waiting for a worker's read: dropped when the dialog goes. */
typedef struct
{
  SpireEvaluationPanel *self;
  GtkWidget *dialog;
  GCancellable *cancellable;
} DialogRead;

static DialogRead *
dialog_read_new (SpireEvaluationPanel *self, GtkWidget *dialog)
{
  DialogRead *d = g_new0 (DialogRead, 1);

  d->self = g_object_ref (self);
  d->dialog = g_object_ref (dialog);
  d->cancellable = g_cancellable_new ();
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (g_cancellable_cancel), d->cancellable,
                           G_CONNECT_SWAPPED);
  return d;
}

static void
dialog_read_free (DialogRead *d)
{
  g_signal_handlers_disconnect_by_data (d->dialog, d->cancellable);
  g_object_unref (d->cancellable);
  g_object_unref (d->dialog);
  g_object_unref (d->self);
  g_free (d);
}

/* TRUE when the dialog still waits for what was read. */
static gboolean
dialog_read_wanted (DialogRead *d, GObject *source)
{
  return !g_cancellable_is_cancelled (d->cancellable) &&
         STORE (d->self) == SPIRE_STORE (source);
}

static void
on_persons_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DialogRead *d = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = spire_store_list_finish (SPIRE_STORE (source), result, &error);
  g_autoptr (GHashTable) on_panel = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) persons = NULL;
  SpireEvaluationPanel *self = d->self;

  if (!dialog_read_wanted (d, source))
    {
      dialog_read_free (d);
      return;
    }
  if (all == NULL)
    g_warning ("The people could not be read: %s", error->message);
  persons = g_ptr_array_new_full (all ? all->len : 0, g_object_unref);
  for (guint i = 0; self->panel && i < self->panel->len; i++)
    g_hash_table_add (on_panel, (gpointer) spire_record_get_text (self->panel->pdata[i], "person"));
  for (guint i = 0; all && i < all->len; i++)
    if (!g_hash_table_contains (on_panel, spire_record_get_uuid (all->pdata[i])))
      g_ptr_array_add (persons, g_object_ref (all->pdata[i]));
  spire_panel_member_dialog_set_n_on_panel (SPIRE_PANEL_MEMBER_DIALOG (d->dialog),
                                            g_hash_table_size (on_panel));
  spire_panel_member_dialog_set_persons (SPIRE_PANEL_MEMBER_DIALOG (d->dialog), persons);
  dialog_read_free (d);
}

/* The dialog shows at once; the people are read on a worker (issue 11:
 * 70 600 at xlarge, read on the main thread, froze the window). */
static void
add_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);
  SpirePanelMemberDialog *dialog = spire_panel_member_dialog_new_loading (widget);
  DialogRead *d = dialog_read_new (self, GTK_WIDGET (dialog));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  spire_store_list_async (STORE (self), &spire_kind_person, NULL, NULL, d->cancellable,
                          on_persons_read_cb, d);
}

static void
on_remove_member_response_cb (AdwMessageDialog *dialog, const char *response,
                              SpireEvaluationPanel *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "spire-uuid");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!spire_panel_remove (STORE (self), uuid, &error))
    show_error (self, _("The Panel Member Could Not Be Removed"), error);
  reload_now (self);
}

static void
remove_member_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autofree char *who = _spire_evaluation_evaluator_name (STORE (self), uuid);
  g_autofree char *heading = g_strdup_printf (_("Remove %s from the Panel?"), who);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    spire_widget_get_window (widget), heading,
    _("Their assignments and conflicts of interest are removed too. A member who has written "
      "reviews cannot be removed; make them an observer instead.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* The member the question is about: one string, not a struct of widgets. */
  g_object_set_data_full (G_OBJECT (dialog), "spire-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions: conflicts */

static void
on_detected_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (SpireEvaluationPanel) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = spire_conflicts_detect_finish (SPIRE_STORE (source), result, &error);
  guint n = found ? found->len : 0;

  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self), NULL);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return; /* gone meanwhile */
  reload_now (self);
  if (found == NULL)
    show_error (self, _("Conflicts Could Not Be Detected"), error);
  else if (n == 0)
    spire_toast_show (GTK_WIDGET (self), _("No new conflicts of interest found"));
  else
    {
      g_autofree char *n_text = spire_format_count (n, spire_language_current ());
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s possible conflict of interest found; confirm or dismiss it",
                     "%s possible conflicts of interest found; confirm or dismiss them", n),
        n_text);
      spire_toast_show (GTK_WIDGET (self), text);
    }
}

static void
detect_conflicts_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);

  spire_evaluation_part_set_working (SPIRE_EVALUATION_PART (self),
                                     _("Looking for conflicts of interest…"));
  spire_conflicts_detect_async (STORE (self), COHORT (self), NULL, on_detected_cb,
                                g_object_ref (self));
}

static void
confirm_conflict_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);
  g_autoptr (GError) error = NULL;

  if (!spire_conflict_confirm (STORE (self), g_variant_get_string (param, NULL), &error))
    show_error (self, _("The Conflict Could Not Be Confirmed"), error);
  else
    spire_toast_show (widget, _("Conflict of interest confirmed"));
  reload_now (self);
}

static void
on_dismiss_response_cb (SpireReasonDialog *dialog, const char *response, SpireEvaluationPanel *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "spire-uuid");
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  reason = spire_reason_dialog_get_reason (dialog);
  if (!spire_conflict_dismiss (STORE (self), uuid, reason, &error))
    show_error (self, _("The Conflict Could Not Be Dismissed"), error);
  reload_now (self);
}

static void
dismiss_conflict_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);
  SpireReasonDialog *dialog = spire_reason_dialog_new (
    widget, _("Dismiss Conflict?"),
    _("The panel member may then be assigned the application. Say why this is not a conflict "
      "of interest; the reason is kept on record."),
    _("_Dismiss"), TRUE);

  /* The conflict the reason is about: one string, not a struct of widgets. */
  g_object_set_data_full (G_OBJECT (dialog), "spire-uuid",
                          g_strdup (g_variant_get_string (param, NULL)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dismiss_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_declare_response_cb (SpireConflictDialog *dialog, const char *response,
                        SpireEvaluationPanel *self)
{
  g_autofree char *reason = spire_conflict_dialog_get_reason (dialog);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) c = NULL;

  if (g_strcmp0 (response, "declare") != 0)
    return;
  c = spire_conflict_declare (STORE (self), spire_conflict_dialog_get_evaluator (dialog),
                              spire_conflict_dialog_get_application (dialog), NULL,
                              spire_conflict_dialog_get_kind (dialog), reason, &error);
  if (c == NULL)
    show_error (self, _("The Conflict Could Not Be Declared"), error);
  else
    spire_toast_show (GTK_WIDGET (self), _("Conflict of interest declared"));
  reload_now (self);
}

static void
on_applications_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DialogRead *d = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) queue = spire_application_queue_finish (SPIRE_STORE (source), result,
                                                                &error);

  if (dialog_read_wanted (d, source))
    {
      if (queue == NULL)
        {
          g_warning ("The applications could not be read: %s", error->message);
          queue = g_ptr_array_new ();
        }
      spire_conflict_dialog_set_applications (SPIRE_CONFLICT_DIALOG (d->dialog), queue);
    }
  dialog_read_free (d);
}

/* The dialog shows at once; the cohort's applications and their labels
 * are read on a worker (issue 11: 40 000 at xlarge, a startup read each,
 * froze the window). */
static void
declare_conflict_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (widget);
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  SpireConflictDialog *dialog = spire_conflict_dialog_new_loading (widget, STORE (self),
                                                                   self->panel ? self->panel
                                                                               : none);
  DialogRead *d = dialog_read_new (self, GTK_WIDGET (dialog));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_declare_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  spire_application_queue_async (STORE (self), COHORT (self), d->cancellable,
                                 on_applications_read_cb, d);
}

/* Class */

static void
spire_evaluation_panel_dispose (GObject *object)
{
  SpireEvaluationPanel *self = SPIRE_EVALUATION_PANEL (object);

  drop_load (self);
  stop_more_conflicts (self);
  if (self->conflicts_view)
    gtk_list_view_set_model (self->conflicts_view, NULL);
  g_clear_object (&self->conflicts);
  /* The bin\'s child may be a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_EVALUATION_PANEL);
  G_OBJECT_CLASS (spire_evaluation_panel_parent_class)->dispose (object);
}

static void
spire_evaluation_panel_class_init (SpireEvaluationPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpireEvaluationPartClass *part_class = SPIRE_EVALUATION_PART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spire_evaluation_panel_dispose;
  part_class->reload = spire_evaluation_panel_reload;
  part_class->update_actions = spire_evaluation_panel_update_actions;
  part_class->clear = spire_evaluation_panel_clear;
  part_class->is_loading = panel_is_loading;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-evaluation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPanel, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPanel, panel_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPanel, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPanel, conflicts_scroller);
  gtk_widget_class_bind_template_child (widget_class, SpireEvaluationPanel, conflicts_view);

  gtk_widget_class_install_action (widget_class, "evaluation.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "evaluation.remove-member", "s", remove_member_action);
  gtk_widget_class_install_action (widget_class, "evaluation.set-role", "(ss)", set_role_action);
  gtk_widget_class_install_action (widget_class, "evaluation.detect-conflicts", NULL, detect_conflicts_action);
  gtk_widget_class_install_action (widget_class, "evaluation.declare-conflict", NULL, declare_conflict_action);
  gtk_widget_class_install_action (widget_class, "evaluation.confirm-conflict", "s", confirm_conflict_action);
  gtk_widget_class_install_action (widget_class, "evaluation.dismiss-conflict", "s", dismiss_conflict_action);
}

static void
spire_evaluation_panel_init (SpireEvaluationPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkSelectionModel) model = NULL;
  GtkAdjustment *adj;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->conflicts = spire_row_model_new (SPIRE_TYPE_RECORD);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_conflict_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_conflict_cb), self);
  gtk_list_view_set_factory (self->conflicts_view, factory);
  g_object_unref (factory);
  model = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->conflicts))));
  gtk_list_view_set_model (self->conflicts_view, model);
  /* Scrolled, laid out with more rows, or shown again: more rows if near
   * their end (the scrolled window gave the view its adjustment). */
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->conflicts_view));
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (more_conflicts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adj, "changed", G_CALLBACK (more_conflicts), self, G_CONNECT_SWAPPED);
  spire_evaluation_part_update_actions (SPIRE_EVALUATION_PART (self));
}

/* The conflicts of interest read for the cohort shown (0 while reading),
 * and how many of them the conflicts' list view holds now: those in
 * sight and about a list's height more (the rest come as it is
 * scrolled). */
guint
spire_evaluation_panel_get_n_conflicts (SpireEvaluationPanel *self, guint *n_in_list)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_PANEL (self), 0);

  if (n_in_list)
    *n_in_list = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  return self->overview ? self->overview->conflicts->len : 0;
}

/* The list view of the conflicts of interest (tests and benchmarks
 * scroll it). */
GtkListView *
spire_evaluation_panel_get_conflicts_view (SpireEvaluationPanel *self)
{
  g_return_val_if_fail (SPIRE_IS_EVALUATION_PANEL (self), NULL);
  return self->conflicts_view;
}
