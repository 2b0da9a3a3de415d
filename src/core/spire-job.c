/* spire-job.c — the one shape of long work in core (see spire-job-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-job"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-job-private.h"

struct _SpireJob
{
  gatomicrefcount ref;
  SpireStore *store;  /* the caller's */
  char *path;         /* NULL: in memory, the work runs on @store itself */
  char *actor;
  SpireJobFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  GCancellable *cancellable;
  GMainContext *context; /* the caller's */
  SpireProgressFunc progress;
  gpointer progress_data;
  int fraction;          /* × 10 000, atomic */
  int progress_pending;  /* atomic */
  gboolean done;         /* main thread only */
  GMutex lock;
  GHashTable *tables;    /* interned names of the tables the work changed */
};

typedef struct
{
  gpointer value;
  GDestroyNotify free;
} JobResult;

static SpireJob *
job_ref (SpireJob *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
job_unref (gpointer data)
{
  SpireJob *job = data;

  if (!g_atomic_ref_count_dec (&job->ref))
    return;
  if (job->data_free && job->data)
    job->data_free (job->data);
  g_clear_object (&job->store);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->tables, g_hash_table_unref);
  g_mutex_clear (&job->lock);
  g_free (job->path);
  g_free (job->actor);
  g_free (job);
}

static void
job_result_free (gpointer data)
{
  JobResult *r = data;

  if (r->free && r->value)
    r->free (r->value);
  g_free (r);
}

/* Progress: the latest fraction, delivered once per main-loop turn */

static gboolean
deliver_progress_cb (gpointer data)
{
  SpireJob *job = data;

  g_atomic_int_set (&job->progress_pending, 0);
  if (!job->done && job->progress)
    job->progress (g_atomic_int_get (&job->fraction) / 10000.0, job->progress_data);
  return G_SOURCE_REMOVE;
}

void
_spire_job_progress (double fraction, gpointer data)
{
  SpireJob *job = data;
  g_autoptr (GSource) source = NULL;

  if (job->progress == NULL)
    return;
  g_atomic_int_set (&job->fraction, (int) (CLAMP (fraction, 0.0, 1.0) * 10000));
  if (job->path == NULL)
    {
      job->progress (fraction, job->progress_data);
      return;
    }
  if (!g_atomic_int_compare_and_exchange (&job->progress_pending, 0, 1))
    return;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress_cb, job_ref (job), job_unref);
  g_source_attach (source, job->context);
}

GCancellable *
_spire_job_get_cancellable (SpireJob *job)
{
  return job->cancellable;
}

/* The work */

/* Runs in the worker thread, where the worker's store emits "changed". */
static void
on_worker_store_changed_cb (SpireStore *store, const char *table, gpointer data)
{
  SpireJob *job = data;

  g_mutex_lock (&job->lock);
  g_hash_table_add (job->tables, (gpointer) g_intern_string (table));
  g_mutex_unlock (&job->lock);
}

/* Work cancelled before it starts does not start (SPIRE_ERROR_CANCELLED);
 * once started, the work itself says what cancelling means (nothing
 * changed), and work that finished is reported as done. */
static gboolean
job_work (SpireJob *job, SpireStore *store, gpointer *value, GError **error)
{
  if (g_cancellable_is_cancelled (job->cancellable))
    {
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                           _("Cancelled. Nothing was changed."));
      return FALSE;
    }
  return job->func (job, store, job->data, value, error);
}

static void
job_thread_cb (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SpireJob *job = task_data;
  g_autoptr (SpireStore) own = NULL;
  g_autoptr (GError) error = NULL;
  gpointer value = NULL;
  JobResult *r;

  own = spire_store_open (job->path, &error);
  if (own != NULL)
    {
      spire_store_set_actor (own, job->actor);
      g_signal_connect (own, "changed", G_CALLBACK (on_worker_store_changed_cb), job);
      job_work (job, own, &value, &error);
      g_signal_handlers_disconnect_by_data (own, job);
    }
  if (error != NULL)
    {
      if (value && job->result_free)
        job->result_free (value);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  r = g_new0 (JobResult, 1);
  r->value = value;
  r->free = job->result_free;
  g_task_return_pointer (task, r, job_result_free);
}

/* In the caller's thread: the caller's store tells what changed, then the
 * caller hears the result. */
static void
on_inner_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) outer = user_data;
  SpireJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GList) tables = NULL;
  JobResult *r;

  job->done = TRUE;
  g_mutex_lock (&job->lock);
  tables = g_hash_table_get_keys (job->tables);
  g_mutex_unlock (&job->lock);
  for (GList *l = tables; l; l = l->next)
    {
      g_autofree char *detailed = g_strconcat ("changed::", (const char *) l->data, NULL);

      g_signal_emit_by_name (job->store, detailed, l->data);
    }

  /* The caller's store is let go here, in its own thread: the worker may
   * hold the inner task (and the job) a moment after this, and a store held
   * there would outlive what its owner expects (a test that checks the store
   * is gone right after the callback failed at random under load). */
  g_clear_object (&job->store);

  r = g_task_propagate_pointer (G_TASK (result), &error);
  if (r == NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_pointer (outer, r, job_result_free);
}

void
_spire_job_run (SpireStore *store, gpointer source_tag, SpireJobFunc func, gpointer data,
                GDestroyNotify data_free, GDestroyNotify result_free, GCancellable *cancellable,
                SpireProgressFunc progress, gpointer progress_data,
                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) outer = NULL;
  g_autoptr (GTask) inner = NULL;
  SpireJob *job;

  g_return_if_fail (SPIRE_IS_STORE (store));
  g_return_if_fail (func != NULL);

  job = g_new0 (SpireJob, 1);
  g_atomic_ref_count_init (&job->ref);
  job->store = g_object_ref (store);
  job->path = g_strdup (spire_store_get_path (store));
  job->actor = g_strdup (spire_store_get_actor (store));
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->tables = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_mutex_init (&job->lock);

  outer = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (outer, source_tag);
  g_task_set_check_cancellable (outer, FALSE); /* the work reports its own cancelling */
  g_task_set_task_data (outer, job_ref (job), job_unref);

  /* No source object: the worker's last hold on the inner task must not be
   * one on the caller's store (see on_inner_done_cb). */
  inner = g_task_new (NULL, NULL, on_inner_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, _spire_job_run);
  g_task_set_task_data (inner, job, job_unref);

  if (job->path != NULL)
    {
      g_task_run_in_thread (inner, job_thread_cb);
      return;
    }

  /* In memory: the caller's store, now; the result from the main loop. */
  {
    g_autoptr (GError) error = NULL;
    gpointer value = NULL;
    JobResult *r;

    if (!job_work (job, store, &value, &error))
      {
        if (value && result_free)
          result_free (value);
        g_task_return_error (inner, g_steal_pointer (&error));
        return;
      }
    r = g_new0 (JobResult, 1);
    r->value = value;
    r->free = result_free;
    g_task_return_pointer (inner, r, job_result_free);
  }
}

gboolean
_spire_job_finish (SpireStore *store, GAsyncResult *result, gpointer source_tag,
                   gpointer *value, GError **error)
{
  JobResult *r;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  if (value)
    *value = NULL;
  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return FALSE;
  if (value)
    {
      *value = r->value;
      r->value = NULL;
    }
  job_result_free (r);
  return TRUE;
}
