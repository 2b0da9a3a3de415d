/* spire-screening-rows.c — the screening list, read as long work
 *
 * The Evaluation view's screening list: every application of a cohort but
 * the withdrawn ones, with its answers to the rubric's gates, made into
 * small row objects (SpireScreeningItem) on a worker through the one job
 * mechanism (spire-job-private.h).  Three queries whatever the size — the
 * gates, the applications with their startups' names, every answer of the
 * cohort — instead of three per application, so that a 40 000-application
 * cohort is read in a fraction of a second and the window never waits for
 * it (issue 11).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"
#include "spire-job-private.h"

G_DEFINE_FINAL_TYPE (SpireScreeningItem, spire_screening_item, G_TYPE_OBJECT)

static void
spire_screening_item_finalize (GObject *object)
{
  SpireScreeningItem *self = SPIRE_SCREENING_ITEM (object);

  g_free (self->application);
  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (spire_screening_item_parent_class)->finalize (object);
}

static void
spire_screening_item_class_init (SpireScreeningItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_screening_item_finalize;
}

static void
spire_screening_item_init (SpireScreeningItem *self)
{
}

typedef struct
{
  const char *passed; /* "1", "0" (SQL text), or NULL when not answered */
  const char *note;
} Answer;

/* "Startup · Gate: state (note) · …"; counts the gates answered. */
static char *
subtitle_of (const char *startup, GPtrArray *gates, const Answer *answers, guint *n_answered)
{
  GString *subtitle = g_string_new (startup);

  *n_answered = 0;
  for (guint g = 0; g < gates->len; g++)
    {
      const char *state = _("not answered");

      if (answers != NULL && answers[g].passed != NULL)
        {
          state = g_strcmp0 (answers[g].passed, "0") != 0 ? _("passed") : _("failed");
          (*n_answered)++;
        }
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: a gate criterion and its state, e.g. "Norwegian company: passed" */
      g_string_append_printf (subtitle, _("%s: %s"),
                              spire_record_get_display_name (gates->pdata[g]), state);
      if (answers != NULL && answers[g].passed != NULL && answers[g].note != NULL)
        /* Translators: after a gate's state, the screener's note */
        g_string_append_printf (subtitle, _(" (%s)"), answers[g].note);
    }
  return g_string_free (subtitle, FALSE);
}

static GPtrArray *
gates_of_cohort (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (SpireRecord) rubric = spire_rubric_get_for_cohort (store, cohort_uuid, NULL);
  g_autoptr (GPtrArray) criteria = NULL;
  GPtrArray *gates = g_ptr_array_new_with_free_func (g_object_unref);

  if (rubric == NULL)
    return gates;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (criteria == NULL)
    {
      g_ptr_array_unref (gates);
      return NULL;
    }
  for (guint i = 0; i < criteria->len; i++)
    if (g_strcmp0 (spire_record_get_text (criteria->pdata[i], "kind"), "gate") == 0)
      g_ptr_array_add (gates, g_object_ref (criteria->pdata[i]));
  return gates;
}

/* Every answer of the cohort's applications, application → Answer[gates]. */
static GHashTable *
answers_of_cohort (SpireStore *store, const char *cohort_uuid, GPtrArray *gates,
                   GPtrArray **rows, GError **error)
{
  g_autoptr (GHashTable) gate_index = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint g = 0; g < gates->len; g++)
    g_hash_table_insert (gate_index, (gpointer) spire_record_get_uuid (gates->pdata[g]),
                         GUINT_TO_POINTER (g + 1));
  *rows = _spire_store_query (store, error,
                              "SELECT sc.application, sc.criterion, sc.passed, sc.note "
                              "FROM screenings sc JOIN applications a ON a.uuid = sc.application "
                              "WHERE a.cohort = ?",
                              1, cohort_uuid);
  if (*rows == NULL)
    {
      g_hash_table_unref (answers);
      return NULL;
    }
  for (guint i = 0; i < (*rows)->len; i++)
    {
      GPtrArray *row = (*rows)->pdata[i];
      guint g = GPOINTER_TO_UINT (g_hash_table_lookup (gate_index, COL (row, 1)));
      Answer *a;

      if (g == 0)
        continue; /* a gate of an earlier rubric */
      a = g_hash_table_lookup (answers, COL (row, 0));
      if (a == NULL)
        {
          a = g_new0 (Answer, gates->len);
          g_hash_table_insert (answers, (gpointer) COL (row, 0), a);
        }
      a[g - 1].passed = COL (row, 2) ? COL (row, 2) : "0";
      a[g - 1].note = COL (row, 3);
    }
  return answers;
}

GPtrArray *
spire_screening_rows_read (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) gates = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) answer_rows = NULL;
  g_autoptr (GHashTable) answers = NULL;
  GPtrArray *items;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);

  gates = gates_of_cohort (store, cohort_uuid, error);
  if (gates == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (gates->len == 0)
    return items;
  apps = _spire_store_query (store, error,
                             "SELECT a.uuid, a.title, a.status, s.name FROM applications a "
                             "LEFT JOIN startups s ON s.uuid = a.startup "
                             "WHERE a.cohort = ? AND a.status IS NOT 'withdrawn' "
                             "ORDER BY a.title COLLATE NB, a.uuid",
                             1, cohort_uuid);
  answers = apps ? answers_of_cohort (store, cohort_uuid, gates, &answer_rows, error) : NULL;
  if (answers == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  for (guint i = 0; i < apps->len; i++)
    {
      GPtrArray *row = apps->pdata[i];
      SpireScreeningItem *item = g_object_new (SPIRE_TYPE_SCREENING_ITEM, NULL);
      const char *status = COL (row, 2);
      guint n_answered;

      item->application = g_strdup (COL (row, 0));
      item->title = g_strdup (COL (row, 1) ? COL (row, 1) : "");
      item->subtitle = subtitle_of (COL (row, 3) ? COL (row, 3) : "", gates,
                                    g_hash_table_lookup (answers, COL (row, 0)), &n_answered);
      item->ineligible = g_strcmp0 (status, "ineligible") == 0;
      item->screened = item->ineligible || n_answered == gates->len;
      item->can_screen = g_strcmp0 (status, "received") == 0 ||
                         g_strcmp0 (status, "in_review") == 0;
      g_ptr_array_add (items, item);
    }
  return items;
}

static gboolean
rows_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  *result = spire_screening_rows_read (store, data, error);
  return *result != NULL;
}

void
spire_screening_rows_async (SpireStore *store, const char *cohort_uuid,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_screening_rows_async, rows_job, g_strdup (cohort_uuid), g_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

GPtrArray *
spire_screening_rows_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer rows = NULL;

  _spire_job_finish (store, result, spire_screening_rows_async, &rows, error);
  return rows;
}
