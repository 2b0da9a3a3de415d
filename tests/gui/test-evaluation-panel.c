/* test-evaluation-panel.c — the Evaluation page's Panel part and "Assign
 * Several" as a user sees them once their reads moved to workers (issue 11)
 *
 * The members and the conflicts of interest show after the worker's read,
 * with their names, the pending conflicts first; choosing another cohort
 * while a read is under way shows the new cohort's panel, never the old
 * one's; many conflicts are counted and come as their list is scrolled,
 * the last one's Confirm works; "Assign Several", a list view over
 * every assignable application, keeps a tick for a row not shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-evaluation-panel"

#include "config.h"

#include <string.h>

#include "evaluation/spire-application-check-row.h"
#include "evaluation/spire-assign-several-dialog.h"
#include "evaluation/spire-evaluation-assignment.h"
#include "evaluation/spire-conflict-dialog.h"
#include "evaluation/spire-conflict-row.h"
#include "evaluation/spire-evaluation-page.h"
#include "evaluation/spire-evaluation-panel.h"
#include "evaluation/spire-panel-member-dialog.h"
#include "evaluation/spire-panel-member-row.h"
#include "gui-fixture.h"
#include "spire-app.h"

static SpireApp *app;
static char *tmpdir;
static guint n_db;

typedef struct
{
  SpireStore *store;
  SpireCohort *cohorts[2];
  GtkWindow *window;
  SpireEvaluationPage *page;
  SpireEvaluationPart *panel;
} Fixture;

static SpireCohort *
add_cohort (Fixture *f, const char *program, const char *name)
{
  SpireCohort *cohort = SPIRE_COHORT (spire_record_new (&spire_kind_cohort));
  g_autoptr (GError) error = NULL;

  spire_record_set_text (SPIRE_RECORD (cohort), "program", program);
  spire_record_set_text (SPIRE_RECORD (cohort), "name", name);
  spire_record_set_text (SPIRE_RECORD (cohort), "phase", "evaluation");
  spire_record_set_int (SPIRE_RECORD (cohort), "seats", 3);
  g_assert_true (spire_store_insert (f->store, SPIRE_RECORD (cohort), &error));
  g_assert_no_error (error);
  return cohort;
}

/* Puts @name on the cohort's panel; returns the evaluator's UUID. */
static char *
add_member (Fixture *f, SpireCohort *cohort, const char *name, const char *role)
{
  g_autofree char *email = g_strdup_printf ("%s@gmail.com", name);
  g_autoptr (SpireRecord) p = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (GError) error = NULL;

  g_strdelimit (email, " ", '.');
  p = gui_fixture_insert (f->store, &spire_kind_person, "name", name, "email", email, NULL);
  ev = spire_panel_add (f->store, spire_record_get_uuid (SPIRE_RECORD (cohort)),
                        spire_record_get_uuid (p), role, &error);
  g_assert_no_error (error);
  return g_strdup (spire_record_get_uuid (ev));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/panel-%u.db", tmpdir, ++n_db);
  g_autoptr (SpireRecord) program = NULL;
  GtkWidget *overlay;

  f->store = spire_store_open (path, &error);
  g_assert_no_error (error);
  program = gui_fixture_insert (f->store, &spire_kind_program, "name", "SmartOslo", "kind", "accelerator",
                    NULL);
  f->cohorts[0] = add_cohort (f, spire_record_get_uuid (program), "Høst 2026");
  f->cohorts[1] = add_cohort (f, spire_record_get_uuid (program), "Vår 2027");

  f->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (f->window, 1000, 700);
  overlay = adw_toast_overlay_new ();
  f->page = SPIRE_EVALUATION_PAGE (spire_evaluation_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  spire_evaluation_page_set_store (f->page, f->store);
  gtk_window_present (f->window);
  gui_fixture_wait_allocated (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GList *copy = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *i = copy; i; i = i->next)
    if (i->data != f->window)
      gtk_window_destroy (i->data);
  g_list_free (copy);
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->cohorts[0]);
  g_clear_object (&f->cohorts[1]);
  g_clear_object (&f->store);
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The titles of the rows of @type under @widget, in order, one string
 * ("a|b|c"). */
static void
collect_titles (GtkWidget *widget, GType type, GString *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_string_append_printf (out, "%s%s", out->len ? "|" : "",
                              SPIRE_IS_CONFLICT_ROW (widget)
                                ? spire_conflict_row_get_title (SPIRE_CONFLICT_ROW (widget))
                                : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_titles (c, type, out);
}

static char *
titles (Fixture *f, GType type)
{
  GString *out = g_string_new (NULL);

  collect_titles (GTK_WIDGET (f->panel), type, out);
  return g_string_free (out, FALSE);
}

static gboolean
panel_loaded (gpointer data)
{
  Fixture *f = data;

  return !spire_evaluation_part_is_loading (f->panel) && !spire_evaluation_part_is_stale (f->panel);
}

static void
show_panel_of (Fixture *f, SpireCohort *cohort)
{
  g_assert_true (spire_evaluation_page_set_cohort (f->page, cohort, NULL));
  spire_evaluation_page_show_part (f->page, "panel");
  f->panel = SPIRE_EVALUATION_PART (find_type (GTK_WIDGET (f->page), SPIRE_TYPE_EVALUATION_PANEL));
  g_assert_nonnull (f->panel);
}

static void
collect_type (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_type (c, type, out);
}

/* Every conflict row is laid out and its list is tall enough for all of
 * them: a few conflicts are not hidden behind a scrollbar. */
static gboolean
conflicts_all_in_sight (gpointer data)
{
  Fixture *f = data;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *list;
  int sum = 0;

  collect_type (GTK_WIDGET (f->panel), SPIRE_TYPE_CONFLICT_ROW, rows);
  if (rows->len == 0)
    return FALSE;
  list = gtk_widget_get_ancestor (rows->pdata[0], GTK_TYPE_SCROLLED_WINDOW);
  for (guint i = 0; i < rows->len; i++)
    {
      if (gtk_widget_get_height (rows->pdata[i]) <= 0)
        return FALSE;
      sum += gtk_widget_get_height (rows->pdata[i]);
    }
  return list != NULL && gtk_widget_get_height (list) >= sum;
}

/* The members and conflicts show after the worker's read, with their
 * names; pending conflicts come first. */
static void
test_panel_shows (Fixture *f, gconstpointer data)
{
  const char *cohort = spire_record_get_uuid (SPIRE_RECORD (f->cohorts[0]));
  g_autofree char *kari = add_member (f, f->cohorts[0], "Kari Nordmann", "member");
  g_autofree char *aase = add_member (f, f->cohorts[0], "Åse Berg", "chair");
  g_autofree char *ola = add_member (f, f->cohorts[0], "Ola Hansen", "observer");
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (SpireRecord) declared = NULL;
  g_autoptr (SpireRecord) detected = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *members = NULL;
  g_autofree char *conflicts = NULL;

  g_assert_true (gui_fixture_add_application (f->store, cohort, "Søknad 1", "Nordlys AS",
                                              "received", &error));
  g_assert_no_error (error);
  apps = spire_store_list (f->store, &spire_kind_application, "cohort", cohort, NULL);
  declared = spire_conflict_declare (f->store, kari, spire_record_get_uuid (apps->pdata[0]), NULL,
                                     "family", "Her brother applies", &error);
  g_assert_no_error (error);
  detected = gui_fixture_insert (f->store, &spire_kind_conflict, "evaluator", ola, "startup",
                     spire_record_get_text (apps->pdata[0], "startup"), "origin", "detected",
                     "kind", "other", "reason", "Same e-mail domain", NULL);

  show_panel_of (f, f->cohorts[0]);
  /* Read on a worker: a spinner until it is in. */
  g_assert_true (spire_evaluation_part_is_loading (f->panel));
  g_assert_nonnull (find_type (GTK_WIDGET (f->panel), GTK_TYPE_SPINNER));
  g_assert_true (gui_fixture_wait (panel_loaded, f, 30000));
  g_assert_null (find_type (GTK_WIDGET (f->panel), GTK_TYPE_SPINNER));

  /* By name, Norwegian order (Å after O). */
  members = titles (f, SPIRE_TYPE_PANEL_MEMBER_ROW);
  g_assert_cmpstr (members, ==, "Kari Nordmann|Ola Hansen|Åse Berg");
  /* The detected one waits for the office: first, though it came later. */
  conflicts = titles (f, SPIRE_TYPE_CONFLICT_ROW);
  g_assert_cmpstr (conflicts, ==, "Ola Hansen — Nordlys AS|Kari Nordmann — Søknad 1");
  g_assert_true (spire_conflict_row_is_pending (detected));
  /* Two conflicts: both in sight, no scrolling inside their list. */
  g_assert_true (gui_fixture_wait (conflicts_all_in_sight, f, 30000));
}

typedef struct
{
  Fixture *f;
  const char *old_name;
  gboolean old_seen;
} Watch;

/* Loaded; meanwhile, was @old_name ever on screen? */
static gboolean
loaded_without_old (gpointer data)
{
  Watch *w = data;
  g_autofree char *members = titles (w->f, SPIRE_TYPE_PANEL_MEMBER_ROW);

  if (strstr (members, w->old_name) != NULL)
    w->old_seen = TRUE;
  return panel_loaded (w->f);
}

static gboolean
spin_without_old (gpointer data)
{
  Watch *w = data;

  loaded_without_old (w);
  return FALSE;
}

/* Another cohort chosen while the first one's panel is read: the new
 * cohort's panel shows, never the old one's, not even for a moment. */
static void
test_panel_switch (Fixture *f, gconstpointer data)
{
  Watch watch = { f, "Kari Nordmann", FALSE };
  g_autofree char *a = add_member (f, f->cohorts[0], "Kari Nordmann", "member");
  g_autofree char *b = add_member (f, f->cohorts[1], "Per Olsen", "chair");
  g_autofree char *members = NULL;

  show_panel_of (f, f->cohorts[0]);
  g_assert_true (spire_evaluation_part_is_loading (f->panel));
  /* No spinning of the main loop: the first read cannot be in yet. */
  show_panel_of (f, f->cohorts[1]);
  g_assert_true (gui_fixture_wait (loaded_without_old, &watch, 30000));
  /* The first read's answer comes too, before or after: it is dropped. */
  g_assert_false (gui_fixture_wait (spin_without_old, &watch, 300));
  g_assert_false (watch.old_seen);
  members = titles (f, SPIRE_TYPE_PANEL_MEMBER_ROW);
  g_assert_cmpstr (members, ==, "Per Olsen");
  g_assert_cmpstr (spire_evaluation_part_get_cohort_uuid (f->panel), ==,
                   spire_record_get_uuid (SPIRE_RECORD (f->cohorts[1])));

  /* And back: the first cohort's members, not the second's. */
  show_panel_of (f, f->cohorts[0]);
  g_assert_true (gui_fixture_wait (panel_loaded, f, 30000));
  g_free (members);
  members = titles (f, SPIRE_TYPE_PANEL_MEMBER_ROW);
  g_assert_cmpstr (members, ==, "Kari Nordmann");
}

static guint
count_type (GtkWidget *widget, GType type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_type (c, type);
  return n;
}

/* The conflict row titled @title among those the list view made, or NULL. */
static GtkWidget *
conflict_row_titled (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_type (GTK_WIDGET (f->panel), SPIRE_TYPE_CONFLICT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_parent (rows->pdata[i]) != NULL &&
        g_strcmp0 (spire_conflict_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

/* The conflicts' list scrolled to its end, a frame at a time, until the
 * row titled @title is made (rows come as the list nears their end). */
typedef struct
{
  Fixture *f;
  const char *title;
} ScrollTo;

static gboolean
scrolled_to_row (gpointer data)
{
  ScrollTo *s = data;
  GtkListView *view = spire_evaluation_panel_get_conflicts_view (SPIRE_EVALUATION_PANEL (s->f->panel));
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  return conflict_row_titled (s->f, s->title) != NULL;
}

static GtkWidget *
find_button_with_action (GtkWidget *widget, const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_with_action (c, action);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
conflicts_count_reads (gpointer data)
{
  Fixture *f = data;
  GtkWidget *group = gtk_widget_get_ancestor (
    GTK_WIDGET (spire_evaluation_panel_get_conflicts_view (SPIRE_EVALUATION_PANEL (f->panel))),
    ADW_TYPE_PREFERENCES_GROUP);

  return panel_loaded (f) &&
         g_strcmp0 (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                    "60 conflicts of interest on record, 59 to confirm or dismiss") == 0;
}

/* Many conflicts: the part says how many (and how many wait for the
 * office); the list holds those in sight and about a list's height more
 * (GTK 4.8 makes a widget for each of a list view's first ~200 items,
 * 5–8 ms each: issue 11), every one comes as the list is scrolled to its
 * end, and the last one's Confirm confirms it. */
static void
test_panel_many (Fixture *f, gconstpointer data)
{
  const char *cohort = spire_record_get_uuid (SPIRE_RECORD (f->cohorts[0]));
  g_autofree char *kari = add_member (f, f->cohorts[0], "Kari Nordmann", "member");
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *last_title = NULL;
  GtkWidget *group, *last, *confirm;
  ScrollTo scroll = { f, NULL };
  guint n_in_list = 0;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Søknad %u", i + 1);
      g_autofree char *startup = g_strdup_printf ("Startup %u AS", i + 1);

      g_assert_true (gui_fixture_add_application (f->store, cohort, title, startup, "received",
                                                  &error));
      g_assert_no_error (error);
    }
  apps = spire_store_list (f->store, &spire_kind_application, "cohort", cohort, NULL);
  for (guint i = 0; i < apps->len; i++)
    {
      g_autoptr (SpireRecord) c = gui_fixture_insert (f->store, &spire_kind_conflict, "evaluator", kari,
                                          "application", spire_record_get_uuid (apps->pdata[i]),
                                          "origin", "detected", "kind", "other", "reason",
                                          "Same e-mail domain", NULL);
    }
  show_panel_of (f, f->cohorts[0]);
  /* A few rows a frame: a minute is for AddressSanitizer's build. */
  g_assert_true (gui_fixture_wait (panel_loaded, f, 60000));
  g_assert_cmpuint (count_type (GTK_WIDGET (f->panel), SPIRE_TYPE_PANEL_MEMBER_ROW), ==, 1);
  g_assert_cmpuint (spire_evaluation_panel_get_n_conflicts (SPIRE_EVALUATION_PANEL (f->panel),
                                                            &n_in_list), ==, 60);
  /* More than the list shows (five or six of 420 px), fewer than all. */
  g_assert_cmpuint (n_in_list, >=, 8);
  g_assert_cmpuint (n_in_list, <, 60);
  group = gtk_widget_get_ancestor (
    GTK_WIDGET (spire_evaluation_panel_get_conflicts_view (SPIRE_EVALUATION_PANEL (f->panel))),
    ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "60 conflicts of interest on record, 60 to confirm or dismiss");

  /* Scrolled to the end: every conflict comes, the last one too. */
  conflicts = spire_conflicts_list (f->store, cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 60);
  {
    g_autoptr (SpireRecord) app = spire_store_get (
      f->store, &spire_kind_application,
      spire_record_get_text (conflicts->pdata[59], "application"), &error);

    last_title = g_strdup_printf ("Kari Nordmann — %s", spire_record_get_text (app, "title"));
  }
  scroll.title = last_title;
  g_assert_true (gui_fixture_wait (scrolled_to_row, &scroll, 60000));
  spire_evaluation_panel_get_n_conflicts (SPIRE_EVALUATION_PANEL (f->panel), &n_in_list);
  g_assert_cmpuint (n_in_list, ==, 60);
  g_assert_cmpuint (count_type (GTK_WIDGET (f->panel), SPIRE_TYPE_CONFLICT_ROW), ==, 60);

  /* Its Confirm works as on the first rows: confirmed on record, counted. */
  last = conflict_row_titled (f, last_title);
  confirm = find_button_with_action (last, "evaluation.confirm-conflict");
  g_assert_nonnull (confirm);
  g_signal_emit_by_name (confirm, "clicked");
  {
    g_autoptr (SpireRecord) c = spire_store_get (f->store, &spire_kind_conflict,
                                                 spire_record_get_uuid (conflicts->pdata[59]),
                                                 &error);

    g_assert_no_error (error);
    g_assert_false (spire_conflict_is_pending (c));
  }
  g_assert_true (gui_fixture_wait (conflicts_count_reads, f, 60000));
}

static gboolean
part_loaded (gpointer data)
{
  return !spire_evaluation_part_is_loading (data) && !spire_evaluation_part_is_stale (data);
}

static gboolean
several_filled (gpointer data)
{
  return !spire_assign_several_dialog_is_loading (data);
}

/* The first check row the list view made, and its application. */
static SpireApplicationCheckRow *
first_check_row (GtkWidget *widget)
{
  if (SPIRE_IS_APPLICATION_CHECK_ROW (widget) &&
      spire_application_check_row_get_uuid (SPIRE_APPLICATION_CHECK_ROW (widget)) != NULL)
    return SPIRE_APPLICATION_CHECK_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      SpireApplicationCheckRow *row = first_check_row (c);

      if (row)
        return row;
    }
  return NULL;
}

static gboolean
has_check_row (gpointer dialog)
{
  return first_check_row (dialog) != NULL;
}

/* "Assign Several" offers every assignable application in a list that
 * makes rows only for what it shows: a tick is kept for a row not shown,
 * a row ticked by the user counts, and Assign assigns exactly those. */
static void
test_assign_several_many (Fixture *f, gconstpointer data)
{
  const char *cohort = spire_record_get_uuid (SPIRE_RECORD (f->cohorts[0]));
  g_autofree char *kari = add_member (f, f->cohorts[0], "Kari Nordmann", "member");
  g_autoptr (GPtrArray) queue = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree const char **chosen = NULL;
  const char *last;
  SpireEvaluationPart *assignment;
  SpireAssignSeveralDialog *dialog;
  SpireApplicationCheckRow *row;
  const char *shown;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Søknad %03u", i + 1);
      g_autofree char *startup = g_strdup_printf ("Startup %u AS", i + 1);

      g_assert_true (gui_fixture_add_application (f->store, cohort, title, startup, "received",
                                                  &error));
      g_assert_no_error (error);
    }
  queue = spire_assignable_queue_read (f->store, cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 300);
  last = spire_record_get_uuid (((SpireReviewQueueItem *) queue->pdata[299])->application);

  g_assert_true (spire_evaluation_page_set_cohort (f->page, f->cohorts[0], NULL));
  spire_evaluation_page_show_part (f->page, "assignment");
  assignment = SPIRE_EVALUATION_PART (find_type (GTK_WIDGET (f->page),
                                                 SPIRE_TYPE_EVALUATION_ASSIGNMENT));
  g_assert_true (gui_fixture_wait (part_loaded, assignment, 30000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assignment), "evaluation.assign-several",
                                             NULL));
  dialog = SPIRE_ASSIGN_SEVERAL_DIALOG (gui_fixture_find_message_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (SPIRE_IS_ASSIGN_SEVERAL_DIALOG (dialog));
  g_assert_cmpuint (spire_assign_several_dialog_get_n_offered (dialog), ==, 300);
  g_assert_true (gui_fixture_wait (several_filled, dialog, 30000));
  /* The list view makes its rows when it is laid out, on a frame. */
  g_assert_true (gui_fixture_wait (has_check_row, dialog, GUI_FIXTURE_TIMEOUT_MS));
  /* Fewer rows made than offered. */
  g_test_message ("%u check rows made", count_type (GTK_WIDGET (dialog), SPIRE_TYPE_APPLICATION_CHECK_ROW));
  g_assert_cmpuint (count_type (GTK_WIDGET (dialog), SPIRE_TYPE_APPLICATION_CHECK_ROW), <, 300);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign"));

  /* The last one, far below what is shown, ticked by the caller. */
  g_assert_true (spire_assign_several_dialog_set_chosen (dialog, last, TRUE));
  /* The first one ticked as a user does, on its row. */
  row = first_check_row (GTK_WIDGET (dialog));
  g_assert_nonnull (row);
  shown = spire_application_check_row_get_uuid (row);
  spire_application_check_row_toggle (row);
  g_assert_true (spire_application_check_row_get_active (row));
  g_assert_true (spire_assign_several_dialog_select_member (dialog, kari));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign"));
  chosen = spire_assign_several_dialog_get_chosen (dialog);
  g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 2);
  g_assert_true (g_strv_contains (chosen, last));
  g_assert_true (g_strv_contains (chosen, shown));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_fixture_drain ();
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "evaluator", kari), ==, 2);
  g_assert_cmpint (spire_store_count (f->store, &spire_kind_assignment, "application", last), ==, 1);
}

/* The visible spinner under @widget, or NULL. */
static GtkSpinner *
shown_spinner (GtkWidget *widget)
{
  GtkWidget *found = NULL;

  if (GTK_IS_SPINNER (widget) && gtk_widget_get_visible (widget))
    return GTK_SPINNER (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c && !found;
       c = gtk_widget_get_next_sibling (c))
    found = GTK_WIDGET (shown_spinner (c));
  return GTK_SPINNER (found);
}

/* The popup's rows of a drop-down (its own filter model, behind the
 * search). */
static GListModel *
popup_rows (GtkDropDown *dropdown)
{
  GtkWidget *view = find_type (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
}

static gboolean
one_match (gpointer data)
{
  return g_list_model_get_n_items (popup_rows (data)) == 1;
}

static gboolean
member_dialog_filled (gpointer data)
{
  return !spire_panel_member_dialog_is_loading (data);
}

static gboolean
conflict_dialog_filled (gpointer data)
{
  return !spire_conflict_dialog_is_loading (data);
}

/* The text the drop-down shows for its item @i. */
static char *
dropdown_text (GtkDropDown *dropdown, guint i)
{
  g_autoptr (GObject) item = g_list_model_get_item (gtk_drop_down_get_model (dropdown), i);
  g_auto (GValue) value = G_VALUE_INIT;

  g_assert_nonnull (item);
  g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (dropdown), item, &value));
  return g_value_dup_string (&value);
}

/* "Add Panel Member" shows at once with a spinner while the people are
 * read on a worker (issue 11: 70 600 read on the main thread froze the
 * window), then offers those not on the panel, in Norwegian order, and
 * the one picked joins the panel. */
static void
test_add_member_reads (Fixture *f, gconstpointer data)
{
  g_autofree char *kari = add_member (f, f->cohorts[0], "Kari Nordmann", "member");
  g_autoptr (SpireRecord) aase = gui_fixture_insert (f->store, &spire_kind_person, "name",
                                                     "Åse Berg", "organisation", "SINTEF", NULL);
  g_autoptr (SpireRecord) ola = gui_fixture_insert (f->store, &spire_kind_person, "name",
                                                    "Ola Hansen", NULL);
  g_autoptr (GPtrArray) panel = NULL;
  SpirePanelMemberDialog *dialog;
  GtkDropDown *dropdown;
  GtkSpinner *spinner;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  show_panel_of (f, f->cohorts[0]);
  g_assert_true (gui_fixture_wait (panel_loaded, f, 30000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->panel), "evaluation.add-member", NULL));
  dialog = SPIRE_PANEL_MEMBER_DIALOG (gui_fixture_find_message_dialog ());
  g_assert_true (SPIRE_IS_PANEL_MEMBER_DIALOG (dialog));
  /* Before the worker's answer: a spinner, nobody to pick, no Add. */
  g_assert_true (spire_panel_member_dialog_is_loading (dialog));
  spinner = shown_spinner (GTK_WIDGET (dialog));
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (spinner));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_null (spire_panel_member_dialog_get_person (dialog));

  g_assert_true (gui_fixture_wait (member_dialog_filled, dialog, 30000));
  g_assert_null (shown_spinner (GTK_WIDGET (dialog)));
  dropdown = GTK_DROP_DOWN (find_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  g_assert_true (gtk_drop_down_get_enable_search (dropdown));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 2);
  first = dropdown_text (dropdown, 0);
  second = dropdown_text (dropdown, 1);
  g_assert_cmpstr (first, ==, "Ola Hansen");
  g_assert_cmpstr (second, ==, "Åse Berg (SINTEF)");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  /* Its search shows the matches. */
  g_assert_cmpuint (g_list_model_get_n_items (popup_rows (dropdown)), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (find_type (GTK_WIDGET (dropdown), GTK_TYPE_SEARCH_ENTRY)),
                         "åse");
  g_assert_true (gui_fixture_wait (one_match, dropdown, 30000));
  {
    g_autoptr (SpireRecord) match = g_list_model_get_item (popup_rows (dropdown), 0);

    g_assert_cmpstr (spire_record_get_uuid (match), ==, spire_record_get_uuid (aase));
  }
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpstr (spire_panel_member_dialog_get_person (dialog), ==, spire_record_get_uuid (aase));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  panel = spire_panel_list (f->store, spire_record_get_uuid (SPIRE_RECORD (f->cohorts[0])), NULL);
  g_assert_cmpuint (panel->len, ==, 2);
  g_assert_true (g_strcmp0 (spire_record_get_text (panel->pdata[0], "person"),
                            spire_record_get_uuid (aase)) == 0 ||
                 g_strcmp0 (spire_record_get_text (panel->pdata[1], "person"),
                            spire_record_get_uuid (aase)) == 0);
  g_assert_true (gui_fixture_wait (panel_loaded, f, 30000));
  (void) ola;
  (void) kari;
}

/* "Declare Conflict of Interest" shows at once with a spinner while the
 * cohort's applications are read on a worker (issue 11: 40 000 rows and a
 * startup read each on the main thread), then offers every application
 * of the cohort (a withdrawn one too, none of another cohort) by title
 * with its startup, and declares the one picked. */
static void
test_declare_conflict_reads (Fixture *f, gconstpointer data)
{
  const char *cohort = spire_record_get_uuid (SPIRE_RECORD (f->cohorts[0]));
  g_autofree char *kari = add_member (f, f->cohorts[0], "Kari Nordmann", "member");
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  SpireConflictDialog *dialog;
  GtkDropDown *dropdown;
  GtkSpinner *spinner;
  static const char *const statuses[] = { "received", "withdrawn", "received", "received" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *title = g_strdup_printf ("Søknad %u", 4 - i);
      g_autofree char *startup = g_strdup_printf ("Startup %u AS", 4 - i);

      g_assert_true (gui_fixture_add_application (f->store, cohort, title, startup, statuses[i],
                                                  &error));
      g_assert_no_error (error);
    }
  g_assert_true (gui_fixture_add_application (
    f->store, spire_record_get_uuid (SPIRE_RECORD (f->cohorts[1])), "Annen søknad", "Annen AS",
    "received", &error));
  g_assert_no_error (error);

  show_panel_of (f, f->cohorts[0]);
  g_assert_true (gui_fixture_wait (panel_loaded, f, 30000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->panel), "evaluation.declare-conflict",
                                             NULL));
  dialog = SPIRE_CONFLICT_DIALOG (gui_fixture_find_message_dialog ());
  g_assert_true (SPIRE_IS_CONFLICT_DIALOG (dialog));
  g_assert_true (spire_conflict_dialog_is_loading (dialog));
  spinner = shown_spinner (GTK_WIDGET (dialog));
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (spinner));
  g_assert_null (spire_conflict_dialog_get_application (dialog));
  /* A reason alone does not enable Declare while the applications come. */
  gtk_editable_set_text (GTK_EDITABLE (find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)),
                         "Former employer");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "declare"));

  g_assert_true (gui_fixture_wait (conflict_dialog_filled, dialog, 30000));
  g_assert_null (shown_spinner (GTK_WIDGET (dialog)));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "declare"));
  dropdown = GTK_DROP_DOWN (find_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  g_assert_true (gtk_drop_down_get_enable_search (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = dropdown_text (dropdown, i);
      g_autofree char *want = g_strdup_printf ("Søknad %u — Startup %u AS", i + 1, i + 1);

      g_assert_cmpstr (text, ==, want);
    }
  gtk_drop_down_set_selected (dropdown, 2); /* Søknad 3: the withdrawn one */
  g_assert_cmpstr (spire_conflict_dialog_get_evaluator (dialog), ==, kari);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "declare");
  gtk_window_destroy (GTK_WINDOW (dialog));
  conflicts = spire_store_list (f->store, &spire_kind_conflict, "evaluator", kari, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  {
    g_autoptr (SpireRecord) app = spire_store_get (
      f->store, &spire_kind_application, spire_record_get_text (conflicts->pdata[0], "application"),
      NULL);

    g_assert_cmpstr (spire_record_get_display_name (app), ==, "Søknad 3");
    g_assert_cmpstr (spire_record_get_text (app, "status"), ==, "withdrawn");
  }
  g_assert_cmpstr (spire_record_get_text (conflicts->pdata[0], "reason"), ==, "Former employer");
  g_assert_true (gui_fixture_wait (panel_loaded, f, 30000));
}

int
main (int argc, char **argv)
{
  int ret;

  tmpdir = gui_fixture_isolate ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = spire_app_new ("no.spire.Spire.EvaluationPanelTests", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/evaluation-panel/shows", Fixture, NULL, fixture_set_up, test_panel_shows,
              fixture_tear_down);
  g_test_add ("/evaluation-panel/switch", Fixture, NULL, fixture_set_up, test_panel_switch,
              fixture_tear_down);
  g_test_add ("/evaluation-panel/many", Fixture, NULL, fixture_set_up, test_panel_many,
              fixture_tear_down);

  g_test_add ("/evaluation-panel/assign-several-many", Fixture, NULL, fixture_set_up,
              test_assign_several_many, fixture_tear_down);
  g_test_add ("/evaluation-panel/add-member-reads", Fixture, NULL, fixture_set_up,
              test_add_member_reads, fixture_tear_down);
  g_test_add ("/evaluation-panel/declare-conflict-reads", Fixture, NULL, fixture_set_up,
              test_declare_conflict_reads, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
