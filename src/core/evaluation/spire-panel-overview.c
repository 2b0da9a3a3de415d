/* spire-panel-overview.c — what the Panel part shows, read as long work
 *
 * The members with their names and loads, and the conflicts of interest
 * with the names their rows show, in a few queries on a worker through the
 * one job mechanism (spire-job-private.h): issue 11, "nothing that takes
 * longer than a frame runs on the main thread" (the Panel part read the
 * panel, the conflicts and a name or two per row on the main thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"
#include "spire-job-private.h"
#include "spire-panel-overview.h"

void
spire_panel_overview_free (SpirePanelOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->members, g_ptr_array_unref);
  g_clear_pointer (&overview->member_names, g_ptr_array_unref);
  g_clear_pointer (&overview->loads, g_hash_table_unref);
  g_clear_pointer (&overview->conflicts, g_ptr_array_unref);
  g_clear_pointer (&overview->conflict_members, g_ptr_array_unref);
  g_clear_pointer (&overview->conflict_parties, g_ptr_array_unref);
  g_free (overview);
}

gboolean
spire_conflict_is_pending (SpireRecord *conflict)
{
  return spire_record_is_null (conflict, "dismissed_at") &&
         !spire_record_get_bool (conflict, "confirmed");
}

static int
pending_first (gconstpointer a, gconstpointer b)
{
  gboolean pa = spire_conflict_is_pending (*(SpireRecord **) a);
  gboolean pb = spire_conflict_is_pending (*(SpireRecord **) b);

  return pb - pa;
}

/* The display name of the record of @kind, read once per UUID. */
static const char *
name_of (SpireStore *store, GHashTable *names, const SpireKind *kind, const char *uuid)
{
  char *name;

  if (uuid == NULL)
    return "";
  name = g_hash_table_lookup (names, uuid);
  if (name == NULL)
    {
      g_autoptr (SpireRecord) r = spire_store_get (store, kind, uuid, NULL);

      name = g_strdup (r ? spire_record_get_display_name (r) : "");
      g_hash_table_insert (names, g_strdup (uuid), name);
    }
  return name;
}

/* The names of @conflicts' members and parties; @person_names: evaluator
 * UUID → the person's name. */
static void
name_conflicts (SpireStore *store, SpirePanelOverview *o, GHashTable *person_names)
{
  g_autoptr (GHashTable) parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);

  o->conflict_members = g_ptr_array_new_full (o->conflicts->len, g_free);
  o->conflict_parties = g_ptr_array_new_full (o->conflicts->len, g_free);
  for (guint i = 0; i < o->conflicts->len; i++)
    {
      SpireRecord *c = o->conflicts->pdata[i];
      const char *evaluator = spire_record_get_text (c, "evaluator");
      const char *member = evaluator ? g_hash_table_lookup (person_names, evaluator) : NULL;
      const char *app = spire_record_get_text (c, "application");

      g_ptr_array_add (o->conflict_members, g_strdup (member ? member : ""));
      g_ptr_array_add (o->conflict_parties,
                       g_strdup (app ? name_of (store, parties, &spire_kind_application, app)
                                     : name_of (store, parties, &spire_kind_startup,
                                                spire_record_get_text (c, "startup"))));
    }
}

SpirePanelOverview *
spire_panel_overview_read (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (SpirePanelOverview) o = g_new0 (SpirePanelOverview, 1);
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GHashTable) person_names = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (cohort_uuid != NULL, NULL);

  o->members = spire_panel_list (store, cohort_uuid, error);
  if (o->members == NULL)
    return NULL;
  names = _spire_store_query (store, error,
                              "SELECT e.uuid, p.name FROM evaluators e "
                              "JOIN persons p ON p.uuid = e.person WHERE e.cohort = ?",
                              1, cohort_uuid);
  if (names == NULL)
    return NULL;
  for (guint i = 0; i < names->len; i++)
    g_hash_table_insert (person_names, (gpointer) COL (names->pdata[i], 0),
                         (gpointer) COL (names->pdata[i], 1));
  o->member_names = g_ptr_array_new_full (o->members->len, g_free);
  for (guint i = 0; i < o->members->len; i++)
    {
      const char *name = g_hash_table_lookup (person_names,
                                              spire_record_get_uuid (o->members->pdata[i]));

      g_ptr_array_add (o->member_names, g_strdup (name ? name : ""));
    }
  o->loads = spire_panel_loads (store, cohort_uuid, error);
  if (o->loads == NULL)
    return NULL;
  o->conflicts = spire_conflicts_list (store, cohort_uuid, error);
  if (o->conflicts == NULL)
    return NULL;
  /* Pending first, then the others (a stable sort keeps their order). */
  g_ptr_array_sort (o->conflicts, pending_first);
  while (o->n_pending < o->conflicts->len &&
         spire_conflict_is_pending (o->conflicts->pdata[o->n_pending]))
    o->n_pending++;
  name_conflicts (store, o, person_names);
  return g_steal_pointer (&o);
}

static gboolean
overview_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  *result = spire_panel_overview_read (store, data, error);
  return *result != NULL;
}

void
spire_panel_overview_async (SpireStore *store, const char *cohort_uuid,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_panel_overview_async, overview_job, g_strdup (cohort_uuid),
                  g_free, (GDestroyNotify) spire_panel_overview_free, cancellable, NULL, NULL,
                  callback, user_data);
}

SpirePanelOverview *
spire_panel_overview_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer overview = NULL;

  _spire_job_finish (store, result, spire_panel_overview_async, &overview, error);
  return overview;
}
