/* test-job.c — long work in core (the _async/_finish pairs on one
 * mechanism) and the rules that the GUI and the CLI share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "spire-core.h"
#include "test-helpers.h"

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
  GPtrArray *events;   /* "changed::programs", "progress", "done", in order */
  double last_fraction;
  guint n_progress;
  gboolean backwards;
} Watch;

static GThread *main_thread;

static void
watch_init (Watch *w)
{
  w->loop = g_main_loop_new (NULL, FALSE);
  w->events = g_ptr_array_new_with_free_func (g_free);
}

static void
watch_clear (Watch *w)
{
  g_main_loop_unref (w->loop);
  g_clear_object (&w->result);
  g_ptr_array_unref (w->events);
}

static void
on_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Watch *w = data;

  g_ptr_array_add (w->events, g_strdup ("done"));
  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static void
on_result_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
on_progress_cb (double fraction, gpointer data)
{
  Watch *w = data;

  g_assert_true (g_thread_self () == main_thread);
  if (fraction < w->last_fraction)
    w->backwards = TRUE;
  w->last_fraction = fraction;
  w->n_progress++;
}

static void
on_changed_cb (SpireStore *store, const char *table, gpointer data)
{
  Watch *w = data;

  g_assert_true (g_thread_self () == main_thread);
  if (g_str_equal (table, "programs"))
    g_ptr_array_add (w->events, g_strdup ("changed::programs"));
}

static gboolean
has_event (Watch *w, const char *name, guint *index)
{
  return g_ptr_array_find_with_equal_func (w->events, name, g_str_equal, index);
}

/* Sample data made in a worker on a connection of its own: progress comes
 * in the main thread, the window's store announces the new programs before
 * the callback, and the data is there. */
static void
test_demo_async_file (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "job.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  guint changed_at = 0, done_at = 0;
  Watch w = { 0 };

  g_assert_no_error (error);
  watch_init (&w);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &w);
  spire_demo_fill_async (store, 3, SPIRE_DEMO_SMALL, FALSE, NULL, on_progress_cb, &w,
                         on_done_cb, &w);
  g_assert_cmpuint (w.events->len, ==, 0); /* nothing happens before the main loop runs */
  g_main_loop_run (w.loop);

  g_assert_true (spire_demo_fill_finish (store, w.result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (spire_store_count (store, &spire_kind_program, NULL, NULL), >, 0);
  g_assert_true (has_event (&w, "changed::programs", &changed_at));
  g_assert_true (has_event (&w, "done", &done_at));
  g_assert_cmpuint (changed_at, <, done_at);
  g_assert_cmpuint (w.n_progress, >, 0);
  g_assert_false (w.backwards);

  watch_clear (&w);
  g_clear_object (&store);
  test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_demo_async_cancelled (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "job.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_open (path, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Watch w = { 0 };

  g_assert_no_error (error);
  watch_init (&w);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &w);
  g_cancellable_cancel (cancellable);
  spire_demo_fill_async (store, 3, SPIRE_DEMO_SMALL, FALSE, cancellable, NULL, NULL, on_done_cb,
                         &w);
  g_main_loop_run (w.loop);

  g_assert_false (spire_demo_fill_finish (store, w.result, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED);
  g_assert_true (spire_store_is_empty (store));
  g_assert_false (has_event (&w, "changed::programs", NULL));

  watch_clear (&w);
  g_clear_object (&store);
  test_tmpdir_free (g_steal_pointer (&dir));
}

/* An in-memory store has no file to open twice: the work runs on it, and
 * the result still comes from the main loop. */
static void
test_demo_async_memory (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  Watch w = { 0 };

  g_assert_no_error (error);
  watch_init (&w);
  spire_demo_fill_async (store, 3, SPIRE_DEMO_SMALL, FALSE, NULL, on_progress_cb, &w,
                         on_done_cb, &w);
  g_assert_cmpuint (w.events->len, ==, 0);
  g_main_loop_run (w.loop);
  g_assert_true (spire_demo_fill_finish (store, w.result, &error));
  g_assert_no_error (error);
  g_assert_false (spire_store_is_empty (store));
  watch_clear (&w);
}

/* The import window's long work: what a file is, a backup and Brønnøysund
 * data imported on a connection of their own, a list written as CSV. */

static void
test_import_jobs (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *source_path = g_build_filename (dir, "source.db", NULL);
  g_autofree char *target_path = g_build_filename (dir, "target.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.json", NULL);
  g_autofree char *brreg = g_test_build_filename (G_TEST_DIST, "data", "brreg-enhet.json", NULL);
  g_autofree char *csv_in = g_test_build_filename (G_TEST_DIST, "data", "nettskjema-80.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) source = spire_store_open (source_path, &error);
  g_autoptr (SpireStore) target = spire_store_open (target_path, &error);
  g_autoptr (SpireCsvImport) csv = NULL;
  SpireImportStats stats = { 0 };
  SpireBrregStats brreg_stats = { 0 };
  gint64 startups;
  Watch w = { 0 };

  g_assert_no_error (error);
  g_assert_true (spire_demo_fill (source, 5, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error));
  g_assert_true (spire_exchange_export_file (source, backup, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* What each file is, found from its content */
  {
    g_autoptr (GFile) file = g_file_new_for_path (backup);

    watch_init (&w);
    spire_import_detect_async (file, NULL, on_done_cb, &w);
    g_main_loop_run (w.loop);
    g_assert_cmpint (spire_import_detect_finish (w.result, NULL, &error), ==,
                     SPIRE_IMPORT_KIND_BACKUP);
    watch_clear (&w);
  }
  {
    g_autoptr (GFile) file = g_file_new_for_path (csv_in);

    watch_init (&w);
    spire_import_detect_async (file, NULL, on_done_cb, &w);
    g_main_loop_run (w.loop);
    g_assert_cmpint (spire_import_detect_finish (w.result, &csv, &error), ==,
                     SPIRE_IMPORT_KIND_CSV);
    g_assert_nonnull (csv);
    watch_clear (&w);
  }

  /* The backup into an empty file: the window's store announces it */
  watch_init (&w);
  g_signal_connect (target, "changed", G_CALLBACK (on_changed_cb), &w);
  spire_exchange_import_file_async (target, backup, NULL, on_progress_cb, &w, on_done_cb, &w);
  g_main_loop_run (w.loop);
  g_assert_true (spire_exchange_import_file_finish (target, w.result, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, >, 0);
  g_assert_true (has_event (&w, "changed::programs", NULL));
  g_assert_cmpint (spire_store_count (target, &spire_kind_program, NULL, NULL), ==,
                   spire_store_count (source, &spire_kind_program, NULL, NULL));
  g_signal_handlers_disconnect_by_data (target, &w);
  watch_clear (&w);

  /* Brønnøysund: one more startup or public body */
  startups = spire_store_count (target, &spire_kind_startup, NULL, NULL) +
             spire_store_count (target, &spire_kind_public_body, NULL, NULL);
  watch_init (&w);
  spire_brreg_import_file_async (target, brreg, SPIRE_BRREG_AS_AUTO, NULL, on_done_cb, &w);
  g_main_loop_run (w.loop);
  g_assert_true (spire_brreg_import_file_finish (target, w.result, &brreg_stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (brreg_stats.created + brreg_stats.updated + brreg_stats.unchanged, ==, 1);
  g_assert_cmpint (spire_store_count (target, &spire_kind_startup, NULL, NULL) +
                     spire_store_count (target, &spire_kind_public_body, NULL, NULL),
                   ==, startups + brreg_stats.created);
  spire_brreg_stats_clear (&brreg_stats);
  watch_clear (&w);

  /* A list written as CSV in the background */
  {
    g_autofree char *out = g_build_filename (dir, "list.csv", NULL);
    const char *header[] = { "Navn", "Beløp", NULL };
    GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    g_autofree char *written = NULL;
    guint n = 0;

    g_ptr_array_add (rows, g_strsplit ("Kvitravn Analyse AS;1 234 567 kr", ";", -1));
    g_ptr_array_add (rows, g_strsplit ("Æra Helse AS;12 kr", ";", -1));
    watch_init (&w);
    /* header and rows are taken */
    spire_csv_export_write_async (out, g_strdupv ((char **) header), rows, ';', NULL, on_done_cb,
                                  &w);
    g_main_loop_run (w.loop);
    g_assert_true (spire_csv_export_write_finish (w.result, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (g_file_get_contents (out, &written, NULL, &error));
    g_assert_nonnull (strstr (written, "Navn;"));
    g_assert_nonnull (strstr (written, "Æra Helse AS"));
    watch_clear (&w);
  }
  g_clear_object (&source);
  g_clear_object (&target);
  test_tmpdir_free (g_steal_pointer (&dir));
}

/* The shared rules, against the records they describe. */

static const char *
largest_cohort (SpireStore *store, GPtrArray *keep)
{
  g_autoptr (GPtrArray) cohorts = spire_store_list (store, &spire_kind_cohort, NULL, NULL, NULL);
  const char *best = NULL;
  gint64 most = -1;

  for (guint i = 0; i < cohorts->len; i++)
    {
      const char *uuid = spire_record_get_uuid (cohorts->pdata[i]);
      gint64 n = spire_store_count (store, &spire_kind_evaluator, "cohort", uuid);

      if (n > most)
        {
          most = n;
          best = uuid;
        }
    }
  g_ptr_array_add (keep, g_strdup (best));
  return keep->pdata[keep->len - 1];
}

/* /rules/assignable-loads-order: checks of the rules on one demo cohort, a
 * rules_* function each. */

/* Assignable: everyone but the ineligible and the withdrawn. */
static void
rules_assignable (SpireStore *store, const char *cohort)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) apps = spire_store_list (store, &spire_kind_application, "cohort",
                                                 cohort, NULL);
  gint64 assignable = 0;

  for (guint i = 0; i < apps->len; i++)
    {
      const char *status = spire_record_get_text (apps->pdata[i], "status");
      gboolean expected = g_strcmp0 (status, "ineligible") != 0 &&
                          g_strcmp0 (status, "withdrawn") != 0;

      g_assert_cmpint (spire_application_is_assignable (apps->pdata[i]), ==, expected);
      assignable += expected;
    }
  g_assert_cmpint (spire_cohort_count_assignable (store, cohort, &error), ==, assignable);
  g_assert_no_error (error);
}

/* Status order: as the field table lists them. */
static void
rules_status_order (void)
{
  g_assert_cmpint (spire_application_status_order ("received"), ==, 0);
  g_assert_cmpint (spire_application_status_order ("received"), <,
                   spire_application_status_order ("accepted"));
  g_assert_cmpint (spire_application_status_order ("accepted"), <,
                   spire_application_status_order ("withdrawn"));
  g_assert_cmpint (spire_application_status_order (NULL), ==, G_MAXINT);
}

/* Loads in one query equal the assignments counted one member at a time
 * (@panel is the cohort's members).  Returns the loads. */
static GHashTable *
rules_loads (SpireStore *store, const char *cohort, GPtrArray *panel)
{
  g_autoptr (GError) error = NULL;
  GHashTable *loads = spire_panel_loads (store, cohort, &error);
  guint busy = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (loads), ==, panel->len);
  for (guint i = 0; i < panel->len; i++)
    {
      const char *ev = spire_record_get_uuid (panel->pdata[i]);
      g_autoptr (GPtrArray) list = spire_store_list (store, &spire_kind_assignment, "evaluator",
                                                     ev, NULL);
      SpirePanelLoad *load = g_hash_table_lookup (loads, ev);
      guint assigned = 0, submitted = 0;

      for (guint j = 0; j < list->len; j++)
        {
          const char *state = spire_record_get_text (list->pdata[j], "state");

          assigned += g_strcmp0 (state, "declined") != 0;
          submitted += g_strcmp0 (state, "submitted") == 0;
        }
      g_assert_nonnull (load);
      g_assert_cmpuint (load->assigned, ==, assigned);
      g_assert_cmpuint (load->submitted, ==, submitted);
      busy += assigned > 0;
    }
  g_assert_cmpuint (busy, >, 0);
  return loads;
}

/* The same on a worker (the Panel and Assignment parts read them so). */
static void
rules_loads_async (SpireStore *store, const char *cohort, GPtrArray *panel, GHashTable *loads)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GHashTable) async_loads = NULL;

  spire_panel_loads_async (store, cohort, NULL, on_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  async_loads = spire_panel_loads_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (async_loads), ==, g_hash_table_size (loads));
  for (guint i = 0; i < panel->len; i++)
    {
      const char *ev = spire_record_get_uuid (panel->pdata[i]);
      SpirePanelLoad *a = g_hash_table_lookup (async_loads, ev);
      SpirePanelLoad *b = g_hash_table_lookup (loads, ev);

      g_assert_cmpuint (a->assigned, ==, b->assigned);
      g_assert_cmpuint (a->submitted, ==, b->submitted);
    }
}

/* What the Panel part shows, read at once on a worker: the members in
 * spire_panel_list's order with their names and loads, the conflicts
 * (pending ones first) with their members' names. */
static void
rules_panel_overview (SpireStore *store, const char *cohort, GHashTable *loads)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (SpirePanelOverview) o = NULL;
  g_autoptr (GPtrArray) members = spire_panel_list (store, cohort, &error);
  g_autoptr (GPtrArray) conflicts = spire_conflicts_list (store, cohort, &error);
  gboolean seen_settled = FALSE;
  guint n_pending = 0;

  g_assert_no_error (error);
  spire_panel_overview_async (store, cohort, NULL, on_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  o = spire_panel_overview_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (o);
  g_assert_cmpuint (o->members->len, ==, members->len);
  g_assert_cmpuint (o->member_names->len, ==, members->len);
  for (guint i = 0; i < members->len; i++)
    {
      const char *ev = spire_record_get_uuid (members->pdata[i]);
      g_autofree char *name = spire_evaluator_get_name (store, ev);
      SpirePanelLoad *load = g_hash_table_lookup (o->loads, ev);

      g_assert_cmpstr (spire_record_get_uuid (o->members->pdata[i]), ==, ev);
      g_assert_cmpstr (o->member_names->pdata[i], ==, name);
      g_assert_cmpuint (load->assigned, ==, ((SpirePanelLoad *) g_hash_table_lookup (loads, ev))->assigned);
    }
  g_assert_cmpuint (conflicts->len, >, 0);
  g_assert_cmpuint (o->conflicts->len, ==, conflicts->len);
  g_assert_cmpuint (o->conflict_members->len, ==, conflicts->len);
  g_assert_cmpuint (o->conflict_parties->len, ==, conflicts->len);
  for (guint i = 0; i < o->conflicts->len; i++)
    {
      SpireRecord *c = o->conflicts->pdata[i];
      g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_text (c, "evaluator"));

      g_assert_cmpstr (o->conflict_members->pdata[i], ==, name);
      g_assert_cmpstr (o->conflict_parties->pdata[i], !=, "");
      if (!spire_conflict_is_pending (c))
        seen_settled = TRUE;
      else
        g_assert_false (seen_settled);
    }
  /* The count the part shows: every pending conflict of the cohort. */
  for (guint i = 0; i < conflicts->len; i++)
    n_pending += spire_conflict_is_pending (conflicts->pdata[i]);
  g_assert_cmpuint (o->n_pending, ==, n_pending);
}

static void
test_rules (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) panel = NULL;
  g_autoptr (GHashTable) loads = NULL;
  const char *cohort;

  g_assert_no_error (error);
  g_assert_true (spire_demo_fill (store, 5, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error));
  cohort = largest_cohort (store, keep);

  rules_assignable (store, cohort);
  rules_status_order ();
  panel = spire_store_list (store, &spire_kind_evaluator, "cohort", cohort, NULL);
  loads = rules_loads (store, cohort, panel);
  rules_loads_async (store, cohort, panel, loads);
  rules_panel_overview (store, cohort, loads);
}

static void
test_seats_warning_after (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  g_autoptr (SpireRecord) program = test_make (store, &spire_kind_program, "name", "Program",
                                               "kind", "accelerator", NULL);
  g_autoptr (SpireRecord) cohort = test_make (store, &spire_kind_cohort, "program",
                                              spire_record_get_uuid (program), "name", "Kull 2026", "phase", "decided",
                                              "seats", (gint64) 2, NULL);
  const char *c = spire_record_get_uuid (cohort);
  g_autofree char *none = NULL;
  g_autofree char *fits = NULL;
  g_autofree char *over = NULL;

  none = spire_cohort_seats_warning_after (store, c, 0);
  g_assert_null (none);
  fits = spire_cohort_seats_warning_after (store, c, 2);
  g_assert_null (fits);
  over = spire_cohort_seats_warning_after (store, c, 3);
  g_assert_nonnull (over);
  g_assert_nonnull (strstr (over, "3"));
  g_assert_nonnull (strstr (over, "2 seats"));
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();
  g_test_add_func ("/job/demo-async-file", test_demo_async_file);
  g_test_add_func ("/job/demo-async-cancelled", test_demo_async_cancelled);
  g_test_add_func ("/job/demo-async-memory", test_demo_async_memory);
  g_test_add_func ("/job/import-jobs", test_import_jobs);
  g_test_add_func ("/rules/assignable-loads-order", test_rules);
  g_test_add_func ("/rules/seats-warning-after", test_seats_warning_after);
  return g_test_run ();
}
