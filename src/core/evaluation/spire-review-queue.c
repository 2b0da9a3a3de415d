/* spire-review-queue.c — what one evaluator has to review, read as long work
 *
 * The Evaluation view's reviews list: the applications an evaluator sees
 * (never more than spire_panel_list_visible_applications gives), each with
 * its "title — startup" label and the evaluator's review state, read in
 * one go off the main thread through the one job mechanism
 * (spire-job-private.h), so that a 4 000-application cohort does not
 * freeze the window (issue 11).  Plain data out: records and strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"
#include "spire-review-queue.h"
#include "spire-job-private.h"

G_DEFINE_FINAL_TYPE (SpireReviewQueueItem, spire_review_queue_item, G_TYPE_OBJECT)

static void
spire_review_queue_item_finalize (GObject *object)
{
  SpireReviewQueueItem *item = SPIRE_REVIEW_QUEUE_ITEM (object);

  g_clear_object (&item->application);
  g_free (item->label);
  g_free (item->state);
  g_free (item->startup);
  G_OBJECT_CLASS (spire_review_queue_item_parent_class)->finalize (object);
}

static void
spire_review_queue_item_class_init (SpireReviewQueueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_review_queue_item_finalize;
}

static void
spire_review_queue_item_init (SpireReviewQueueItem *item)
{
}

void
spire_review_queue_item_free (SpireReviewQueueItem *item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* The startup's name, read once per startup. */
static const char *
startup_name (SpireStore *store, GHashTable *names, const char *uuid)
{
  char *name;

  if (uuid == NULL)
    return "";
  name = g_hash_table_lookup (names, uuid);
  if (name == NULL)
    {
      g_autoptr (SpireRecord) s = spire_store_get (store, &spire_kind_startup, uuid, NULL);

      name = g_strdup (s ? spire_record_get_display_name (s) : "");
      g_hash_table_insert (names, g_strdup (uuid), name);
    }
  return name;
}

GPtrArray *
spire_review_queue_read (SpireStore *store, const char *evaluator_uuid, GError **error)
{
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *queue;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (evaluator_uuid != NULL, NULL);

  apps = spire_panel_list_visible_applications (store, evaluator_uuid, error);
  if (apps == NULL)
    return NULL;
  reviews = spire_store_list (store, &spire_kind_review, "evaluator", evaluator_uuid, NULL);
  for (guint i = 0; reviews && i < reviews->len; i++)
    g_hash_table_insert (states, (gpointer) spire_record_get_text (reviews->pdata[i], "application"),
                         (gpointer) spire_record_get_text (reviews->pdata[i], "state"));
  queue = g_ptr_array_new_full (apps->len, (GDestroyNotify) spire_review_queue_item_free);
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      SpireReviewQueueItem *item = g_object_new (SPIRE_TYPE_REVIEW_QUEUE_ITEM, NULL);
      const char *startup = startup_name (store, names, spire_record_get_text (app, "startup"));

      item->application = g_object_ref (app);
      /* Translators: application title — startup */
      item->label = startup[0] ? g_strdup_printf (_("%s — %s"), spire_record_get_display_name (app),
                                                  startup)
                               : g_strdup (spire_record_get_display_name (app));
      item->state = g_strdup (g_hash_table_lookup (states, spire_record_get_uuid (app)));
      item->startup = g_strdup (startup);
      g_ptr_array_add (queue, item);
    }
  return queue;
}

static gboolean
queue_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  *result = spire_review_queue_read (store, data, error);
  return *result != NULL;
}

void
spire_review_queue_async (SpireStore *store, const char *evaluator_uuid,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_return_if_fail (evaluator_uuid != NULL);

  _spire_job_run (store, spire_review_queue_async, queue_job, g_strdup (evaluator_uuid), g_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

GPtrArray *
spire_review_queue_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer queue = NULL;

  _spire_job_finish (store, result, spire_review_queue_async, &queue, error);
  return queue;
}

/* The cohort's applications (only the assignable ones when
 * @assignable_only) by title, each with its "title — startup" label. */
static GPtrArray *
cohort_queue_read (SpireStore *store, const char *cohort_uuid, gboolean assignable_only,
                   GError **error)
{
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *queue;

  apps = _spire_store_query_records (store, &spire_kind_application, "a", error,
                                     assignable_only
                                       ? "FROM applications a WHERE a.cohort = ?1 "
                                         "AND a.status NOT IN ('ineligible', 'withdrawn') "
                                         "ORDER BY a.title COLLATE NB, a.uuid"
                                       : "FROM applications a WHERE a.cohort = ?1 "
                                         "ORDER BY a.title COLLATE NB, a.uuid",
                                     1, cohort_uuid);
  startups = apps ? _spire_store_query (store, error,
                                        "SELECT uuid, name FROM startups WHERE uuid IN "
                                        "(SELECT startup FROM applications WHERE cohort = ?1)",
                                        1, cohort_uuid)
                  : NULL;
  if (startups == NULL)
    return NULL;
  for (guint i = 0; i < startups->len; i++)
    g_hash_table_insert (names, (gpointer) COL (startups->pdata[i], 0),
                         (gpointer) COL (startups->pdata[i], 1));
  queue = g_ptr_array_new_full (apps->len, g_object_unref);
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *app = apps->pdata[i];
      SpireReviewQueueItem *item = g_object_new (SPIRE_TYPE_REVIEW_QUEUE_ITEM, NULL);
      const char *startup_uuid = spire_record_get_text (app, "startup");
      const char *startup = startup_uuid ? g_hash_table_lookup (names, startup_uuid) : NULL;

      item->application = g_object_ref (app);
      /* Translators: application title — startup */
      item->label = startup && startup[0]
                      ? g_strdup_printf (_("%s — %s"), spire_record_get_display_name (app), startup)
                      : g_strdup (spire_record_get_display_name (app));
      item->startup = g_strdup (startup ? startup : "");
      g_ptr_array_add (queue, item);
    }
  return queue;
}

/* Both queues as long work: one job, the kind of queue in its data. */
typedef struct
{
  char    *cohort;
  gboolean assignable;
} CohortQueueJob;

static void
cohort_queue_job_free (gpointer data)
{
  CohortQueueJob *q = data;

  g_free (q->cohort);
  g_free (q);
}

static gboolean
cohort_queue_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  CohortQueueJob *q = data;

  *result = cohort_queue_read (store, q->cohort, q->assignable, error);
  return *result != NULL;
}

static void
cohort_queue_run (SpireStore *store, gpointer source_tag, const char *cohort_uuid,
                  gboolean assignable, GCancellable *cancellable, GAsyncReadyCallback callback,
                  gpointer user_data)
{
  CohortQueueJob *q = g_new0 (CohortQueueJob, 1);

  q->cohort = g_strdup (cohort_uuid);
  q->assignable = assignable;
  _spire_job_run (store, source_tag, cohort_queue_job, q, cohort_queue_job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL, callback, user_data);
}

static GPtrArray *
cohort_queue_finish (SpireStore *store, GAsyncResult *result, gpointer source_tag, GError **error)
{
  gpointer queue = NULL;

  _spire_job_finish (store, result, source_tag, &queue, error);
  return queue;
}

GPtrArray *
spire_assignable_queue_read (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);

  return cohort_queue_read (store, cohort_uuid, TRUE, error);
}

void
spire_assignable_queue_async (SpireStore *store, const char *cohort_uuid, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  cohort_queue_run (store, spire_assignable_queue_async, cohort_uuid, TRUE, cancellable, callback,
                    user_data);
}

GPtrArray *
spire_assignable_queue_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  return cohort_queue_finish (store, result, spire_assignable_queue_async, error);
}

GPtrArray *
spire_application_queue_read (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);

  return cohort_queue_read (store, cohort_uuid, FALSE, error);
}

void
spire_application_queue_async (SpireStore *store, const char *cohort_uuid,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  cohort_queue_run (store, spire_application_queue_async, cohort_uuid, FALSE, cancellable, callback,
                    user_data);
}

GPtrArray *
spire_application_queue_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  return cohort_queue_finish (store, result, spire_application_queue_async, error);
}
