/* spire-rubric.c — rubrics and their criteria: the defaults, copying,
 * freezing on the first submitted review and unfreezing with a reason (which
 * marks older reviews stale), and criteria edits refused while frozen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-deletion-private.h"
#include "spire-evaluation-private.h"
#include "spire-job-private.h"

static const char *const default_scale_labels[] = {
  N_("Very weak"), N_("Weak"), N_("Somewhat weak"), N_("Adequate"),
  N_("Good"), N_("Very good"), N_("Excellent"),
};

SpireRecord *
spire_rubric_get_for_cohort (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  rows = _spire_store_query (store, error, "SELECT uuid FROM rubrics WHERE cohort = ?", 1,
                             cohort_uuid);
  if (rows == NULL)
    return NULL;
  if (rows->len > 0)
    return spire_store_get (store, &spire_kind_rubric, COL (rows->pdata[0], 0), error);
  if (!spire_store_exists (store, &spire_kind_cohort, cohort_uuid))
    {
      g_autofree char *word = spire_kind_word (&spire_kind_cohort);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("There is no %s with the UUID %s."), word,
            cohort_uuid ? cohort_uuid : "");
      return NULL;
    }
  name = _spire_cohort_name (store, cohort_uuid);
  spire_fail (error, SPIRE_ERROR_NOT_FOUND,
        _("“%s” has no rubric yet. Create one, or copy one from another cohort."), name);
  return NULL;
}

gboolean
spire_rubric_is_frozen (SpireRecord *rubric)
{
  return !spire_record_is_null (rubric, "frozen_at");
}

static gboolean
refuse_frozen (SpireStore *store, SpireRecord *rubric, GError **error)
{
  g_autofree char *name = _spire_cohort_name (store, spire_record_get_text (rubric, "cohort"));
  g_autofree char *when = _spire_format_time (spire_record_get_text (rubric, "frozen_at"));

  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("The rubric of “%s” is frozen since %s, when its first review was submitted, "
                 "so its criteria and scale cannot change. Unfreeze it (with a reason) to "
                 "change them; the reviews made so far will then be marked stale."),
               name, when);
}

static char *
default_labels_json (void)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (default_scale_labels); i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", SPIRE_DEFAULT_SCALE_MIN + i);

      json_builder_set_member_name (b, key);
      json_builder_add_string_value (b, _(default_scale_labels[i]));
    }
  json_builder_end_object (b);
  return _spire_json_string_of (b);
}

static SpireRecord *
new_rubric (const char *cohort_uuid)
{
  SpireRecord *r = spire_record_new (&spire_kind_rubric);
  g_autofree char *labels = default_labels_json ();

  spire_record_set_text (r, "cohort", cohort_uuid);
  spire_record_set_int (r, "scale_min", SPIRE_DEFAULT_SCALE_MIN);
  spire_record_set_int (r, "scale_max", SPIRE_DEFAULT_SCALE_MAX);
  spire_record_set_text (r, "scale_labels", labels);
  spire_record_set_text (r, "aggregation", "mean");
  spire_record_set_text (r, "normalisation", "none");
  spire_record_set_real (r, "disagreement_threshold", SPIRE_DEFAULT_DISAGREEMENT_THRESHOLD);
  spire_record_set_int (r, "version", 1);
  return r;
}

SpireRecord *
spire_rubric_create (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) rubric = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  cohort = _spire_get_record (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return NULL;
  if (spire_store_count (store, &spire_kind_rubric, "cohort", cohort_uuid) > 0)
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("“%s” already has a rubric. Change that one instead of creating another."),
            spire_record_get_display_name (cohort));
      return NULL;
    }
  rubric = new_rubric (cohort_uuid);
  if (!spire_store_insert (store, rubric, error))
    return NULL;
  return g_steal_pointer (&rubric);
}

static int
compare_position (gconstpointer a, gconstpointer b)
{
  SpireRecord *x = *(SpireRecord **) a, *y = *(SpireRecord **) b;
  gint64 px = spire_record_get_int (x, "position"), py = spire_record_get_int (y, "position");

  if (px != py)
    return px < py ? -1 : 1;
  return g_strcmp0 (spire_record_get_uuid (x), spire_record_get_uuid (y));
}

GPtrArray *
spire_rubric_list_criteria (SpireStore *store, const char *rubric_uuid, GError **error)
{
  GPtrArray *list;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  list = spire_store_list (store, &spire_kind_criterion, "rubric", rubric_uuid, error);
  if (list != NULL)
    g_ptr_array_sort (list, compare_position);
  return list;
}

/* Deletes a criterion and the scores given to it (inside a transaction). */
static gboolean
delete_criterion (SpireStore *store, SpireRecord *criterion, GError **error)
{
  g_autoptr (GPtrArray) scores = spire_store_list (store, &spire_kind_score, "criterion",
                                                   spire_record_get_uuid (criterion), error);

  if (scores == NULL)
    return FALSE;
  for (guint i = 0; i < scores->len; i++)
    if (!spire_store_delete (store, scores->pdata[i], error))
      return FALSE;
  return spire_store_delete (store, criterion, error);
}

static gboolean
renumber_criteria (SpireStore *store, GPtrArray *criteria, GError **error)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      SpireRecord *c = criteria->pdata[i];

      if (spire_record_get_int (c, "position") == (gint64) i)
        continue;
      spire_record_set_int (c, "position", i);
      if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error))
        return FALSE;
    }
  return TRUE;
}

SpireRecord *
spire_rubric_copy (SpireStore *store, const char *from_cohort_uuid, const char *to_cohort_uuid,
                   GError **error)
{
  g_autoptr (SpireRecord) from = NULL;
  g_autoptr (SpireRecord) to_cohort = NULL;
  g_autoptr (SpireRecord) target = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  static const char *const settings[] = {
    "scale_min", "scale_max", "scale_labels", "aggregation", "normalisation",
    "disagreement_threshold",
  };

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (g_strcmp0 (from_cohort_uuid, to_cohort_uuid) == 0)
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("A rubric cannot be copied onto its own cohort. Choose another cohort."));
      return NULL;
    }
  to_cohort = _spire_get_record (store, &spire_kind_cohort, to_cohort_uuid, error);
  if (to_cohort == NULL)
    return NULL;
  from = spire_rubric_get_for_cohort (store, from_cohort_uuid, error);
  if (from == NULL)
    return NULL;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (from), error);
  if (criteria == NULL)
    return NULL;

  if (spire_store_count (store, &spire_kind_rubric, "cohort", to_cohort_uuid) > 0)
    {
      target = spire_rubric_get_for_cohort (store, to_cohort_uuid, error);
      if (target == NULL)
        return NULL;
      if (spire_rubric_is_frozen (target))
        {
          refuse_frozen (store, target, error);
          return NULL;
        }
    }

  if (!spire_store_begin (store, error))
    return NULL;
  if (target != NULL)
    {
      g_autoptr (GPtrArray) old = spire_rubric_list_criteria (store, spire_record_get_uuid (target),
                                                              error);

      if (old == NULL)
        goto fail;
      for (guint i = 0; i < old->len; i++)
        if (!delete_criterion (store, old->pdata[i], error))
          goto fail;
    }
  else
    {
      target = spire_record_new (&spire_kind_rubric);
      spire_record_set_text (target, "cohort", to_cohort_uuid);
      spire_record_set_int (target, "version", 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      int index = spire_kind_field_index (&spire_kind_rubric, settings[i]);

      spire_record_set_value (target, index, spire_record_get_value (from, index));
    }
  if (!spire_store_save (store, target, SPIRE_SAVE_DEFAULT, NULL, error))
    goto fail;
  for (guint i = 0; i < criteria->len; i++)
    {
      g_autoptr (SpireRecord) c = spire_record_copy (criteria->pdata[i]);
      g_autofree char *uuid = spire_uuid_new ();

      spire_record_set_text (c, "uuid", uuid);
      spire_record_set_null (c, "created_at");
      spire_record_set_null (c, "updated_at");
      spire_record_set_text (c, "rubric", spire_record_get_uuid (target));
      spire_record_set_int (c, "position", i);
      if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error))
        goto fail;
    }
  if (!spire_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&target);

fail:
  spire_store_rollback (store);
  return NULL;
}

gboolean
spire_rubric_update (SpireStore *store, SpireRecord *rubric, GError **error)
{
  g_autoptr (SpireRecord) stored = NULL;
  static const char *const fixed[] = { "cohort", "version", "frozen_at", "created_at" };
  static const char *const scale[] = {
    "scale_min", "scale_max", "scale_labels", "aggregation", "normalisation",
  };

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPIRE_IS_RUBRIC (rubric), FALSE);

  stored = _spire_get_record (store, &spire_kind_rubric, spire_record_get_uuid (rubric), error);
  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      int index = spire_kind_field_index (&spire_kind_rubric, fixed[i]);

      spire_record_set_value (rubric, index, spire_record_get_value (stored, index));
    }
  if (spire_rubric_is_frozen (stored))
    for (guint i = 0; i < G_N_ELEMENTS (scale); i++)
      {
        int index = spire_kind_field_index (&spire_kind_rubric, scale[i]);
        g_autoptr (SpireRecord) probe = spire_record_copy (stored);

        spire_record_set_value (probe, index, spire_record_get_value (rubric, index));
        if (!spire_record_equal (probe, stored))
          return refuse_frozen (store, stored, error);
      }
  return spire_store_save (store, rubric, SPIRE_SAVE_DEFAULT, NULL, error);
}

gboolean
_spire_rubric_freeze_record (SpireStore *store, SpireRecord *rubric, GError **error)
{
  g_autofree char *now = NULL;

  if (spire_rubric_is_frozen (rubric))
    return TRUE;
  now = spire_now_utc ();
  spire_record_set_text (rubric, "frozen_at", now);
  return spire_store_save (store, rubric, SPIRE_SAVE_DEFAULT, NULL, error);
}

gboolean
spire_rubric_freeze (SpireStore *store, const char *rubric_uuid, GError **error)
{
  g_autoptr (SpireRecord) rubric = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  rubric = _spire_get_record (store, &spire_kind_rubric, rubric_uuid, error);
  return rubric != NULL && _spire_rubric_freeze_record (store, rubric, error);
}

/* Marks stale every review of @cohort_uuid's applications not stale yet
 * and written under a version before @version, in one UPDATE; the number
 * marked, or -1 with @error.  What a save with SPIRE_SAVE_NO_AUDIT |
 * SPIRE_SAVE_KEEP_TIMES did per review: times kept (set only where none). */
static gint64
mark_stale (SpireStore *store, const char *cohort_uuid, gint64 version, GError **error)
{
  g_autofree char *now = spire_now_utc ();
  sqlite3_stmt *stmt = _spire_store_prepare (
    store,
    "UPDATE reviews SET stale = 1, created_at = coalesce (created_at, ?3), "
    "updated_at = coalesce (updated_at, ?3) "
    "WHERE stale = 0 AND (rubric_version IS NULL OR rubric_version < ?2) "
    "AND application IN (SELECT uuid FROM applications WHERE cohort = ?1)",
    error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, cohort_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _spire_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_changes (_spire_store_get_db (store));
}

gboolean
spire_rubric_unfreeze (SpireStore *store, const char *rubric_uuid, const char *reason,
                       guint *n_stale, GError **error)
{
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = _spire_stripped (reason);
  gint64 new_version;
  gint64 n;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (n_stale)
    *n_stale = 0;
  rubric = _spire_get_record (store, &spire_kind_rubric, rubric_uuid, error);
  if (rubric == NULL)
    return FALSE;
  if (!spire_rubric_is_frozen (rubric))
    {
      g_autofree char *name = _spire_cohort_name (store, spire_record_get_text (rubric, "cohort"));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("The rubric of “%s” is not frozen; its criteria can be changed as they are."),
                   name);
    }
  if (_spire_is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write why the rubric is unfrozen. The reason is kept in the history, "
                   "and the reviews made so far will be marked stale."));

  new_version = spire_record_get_int (rubric, "version") + 1;

  if (!spire_store_begin (store, error))
    return FALSE;
  spire_record_set_null (rubric, "frozen_at");
  spire_record_set_int (rubric, "version", new_version);
  if (!spire_store_save (store, rubric, SPIRE_SAVE_DEFAULT, NULL, error))
    goto fail;

  /* One set-based write (issue 11: at xlarge a save per review, thousands
   * on the main thread): the reviews keep their times and get no audit
   * entry of their own, as before; the rubric's entry counts them. */
  n = mark_stale (store, spire_record_get_text (rubric, "cohort"), new_version, error);
  if (n < 0)
    goto fail;

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, why);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, new_version);
  json_builder_set_member_name (b, "stale_reviews");
  json_builder_add_int_value (b, n);
  json_builder_end_object (b);
  after = _spire_json_string_of (b);
  if (!spire_store_audit (store, "rubric", rubric_uuid, "unfreeze", NULL, after, error))
    goto fail;
  _spire_store_mark_changed (store, spire_kind_review.table);
  if (!spire_store_commit (store, error))
    return FALSE;
  if (n_stale)
    *n_stale = (guint) n;
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_rubric_value_in_scale (SpireRecord *rubric, double value)
{
  return !isnan (value) && value >= (double) spire_record_get_int (rubric, "scale_min") &&
         value <= (double) spire_record_get_int (rubric, "scale_max");
}

gboolean
spire_rubric_value_is_step (SpireRecord *rubric, double value)
{
  return spire_rubric_value_in_scale (rubric, value) && value == floor (value);
}

char *
spire_rubric_get_scale_label (SpireRecord *rubric, gint64 step)
{
  const char *labels = spire_record_get_text (rubric, "scale_labels");
  g_autoptr (JsonParser) parser = NULL;
  JsonNode *root;

  if (labels == NULL)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, labels, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, step);
      JsonNode *n = json_object_get_member (json_node_get_object (root), key);

      if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (n));
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *a = json_node_get_array (root);
      gint64 i = step - spire_record_get_int (rubric, "scale_min");

      if (i >= 0 && i < json_array_get_length (a))
        {
          JsonNode *n = json_array_get_element (a, (guint) i);

          if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            return g_strdup (json_node_get_string (n));
        }
    }
  return NULL;
}

/* The rubric of @rubric_uuid, refused when frozen. */
static SpireRecord *
unfrozen_rubric (SpireStore *store, const char *rubric_uuid, GError **error)
{
  g_autoptr (SpireRecord) rubric =
      _spire_get_record (store, &spire_kind_rubric, rubric_uuid, error);

  if (rubric == NULL)
    return NULL;
  if (spire_rubric_is_frozen (rubric))
    {
      refuse_frozen (store, rubric, error);
      return NULL;
    }
  return g_steal_pointer (&rubric);
}

SpireRecord *
spire_rubric_add_criterion (SpireStore *store, const char *rubric_uuid, const char *name,
                            const char *guidance, double weight, const char *kind,
                            GError **error)
{
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) c = NULL;
  g_autofree char *clean = _spire_stripped (name);
  g_autofree char *max = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  rubric = unfrozen_rubric (store, rubric_uuid, error);
  if (rubric == NULL)
    return NULL;
  max = _spire_query_string (store, "SELECT max (position) FROM criteria WHERE rubric = ?", 1,
                             rubric_uuid);
  c = spire_record_new (&spire_kind_criterion);
  spire_record_set_text (c, "rubric", rubric_uuid);
  spire_record_set_int (c, "position", max ? g_ascii_strtoll (max, NULL, 10) + 1 : 0);
  spire_record_set_text (c, "name", clean);
  spire_record_set_text (c, "guidance", guidance);
  spire_record_set_real (c, "weight", weight);
  spire_record_set_text (c, "kind", kind ? kind : "scored");
  if (!spire_store_insert (store, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

gboolean
spire_rubric_update_criterion (SpireStore *store, SpireRecord *criterion, GError **error)
{
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (SpireRecord) rubric = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPIRE_IS_CRITERION (criterion), FALSE);

  stored =
      _spire_get_record (store, &spire_kind_criterion, spire_record_get_uuid (criterion), error);
  if (stored == NULL)
    return FALSE;
  rubric = unfrozen_rubric (store, spire_record_get_text (stored, "rubric"), error);
  if (rubric == NULL)
    return FALSE;
  spire_record_set_text (criterion, "rubric", spire_record_get_text (stored, "rubric"));
  spire_record_set_int (criterion, "position", spire_record_get_int (stored, "position"));
  return spire_store_save (store, criterion, SPIRE_SAVE_DEFAULT, NULL, error);
}

gboolean
spire_rubric_reorder_criteria (SpireStore *store, const char *rubric_uuid,
                               const char *const *criterion_uuids, GError **error)
{
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) ordered = NULL;
  guint n = criterion_uuids ? g_strv_length ((char **) criterion_uuids) : 0;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  rubric = unfrozen_rubric (store, rubric_uuid, error);
  if (rubric == NULL)
    return FALSE;
  criteria = spire_rubric_list_criteria (store, rubric_uuid, error);
  if (criteria == NULL)
    return FALSE;
  ordered = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      SpireRecord *found = NULL;

      for (guint j = 0; j < criteria->len && found == NULL; j++)
        if (g_strcmp0 (spire_record_get_uuid (criteria->pdata[j]), criterion_uuids[i]) == 0)
          found = criteria->pdata[j];
      if (found == NULL || g_ptr_array_find (ordered, found, NULL))
        break;
      g_ptr_array_add (ordered, found);
    }
  if (ordered->len != criteria->len || n != criteria->len)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 ngettext ("The new order must name the rubric's %u criterion exactly once.",
                           "The new order must name each of the rubric's %u criteria exactly once.",
                           criteria->len),
                 criteria->len);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!renumber_criteria (store, ordered, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

/* A removed criterion goes back only into a rubric still there and not
 * frozen since (scores given on a frozen rubric never counted it). */
static gboolean
check_unfrozen (SpireStore *store, gpointer rubric_uuid, GError **error)
{
  g_autoptr (SpireRecord) rubric = unfrozen_rubric (store, rubric_uuid, error);

  return rubric != NULL;
}

/* Deletes @criterion with its scores into @deletion, and moves the
 * criteria after it up (as they were, into @deletion too). */
static gboolean
remove_into (SpireStore *store, SpireRecord *criterion, const char *rubric_uuid,
             SpireDeletion *deletion, GError **error)
{
  g_autoptr (GPtrArray) scores = spire_store_list (store, &spire_kind_score, "criterion",
                                                   spire_record_get_uuid (criterion), error);
  g_autoptr (GPtrArray) rest = NULL;

  if (scores == NULL)
    return FALSE;
  /* put back in this order: the criterion before its scores */
  _spire_deletion_add_removed (deletion, criterion);
  for (guint i = 0; i < scores->len; i++)
    {
      _spire_deletion_add_removed (deletion, scores->pdata[i]);
      if (!spire_store_delete (store, scores->pdata[i], error))
        return FALSE;
    }
  if (!spire_store_delete (store, criterion, error))
    return FALSE;
  rest = spire_rubric_list_criteria (store, rubric_uuid, error);
  if (rest == NULL)
    return FALSE;
  for (guint i = 0; i < rest->len; i++)
    if (spire_record_get_int (rest->pdata[i], "position") != (gint64) i)
      {
        g_autoptr (SpireRecord) before = spire_record_copy (rest->pdata[i]);

        _spire_deletion_add_changed (deletion, before);
      }
  return renumber_criteria (store, rest, error);
}

SpireDeletion *
spire_rubric_remove_criterion_restorably (SpireStore *store, const char *criterion_uuid,
                                          GError **error)
{
  g_autoptr (SpireRecord) criterion = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireDeletion) deletion = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  criterion = _spire_get_record (store, &spire_kind_criterion, criterion_uuid, error);
  if (criterion == NULL)
    return NULL;
  rubric = unfrozen_rubric (store, spire_record_get_text (criterion, "rubric"), error);
  if (rubric == NULL)
    return NULL;
  /* TRANSLATORS: said after a rubric's criterion was removed, with Undo */
  description = g_strdup_printf (_("“%s” removed"), spire_record_get_display_name (criterion));
  deletion = _spire_deletion_new (store, description, 1);
  _spire_deletion_set_check (deletion, check_unfrozen,
                             g_strdup (spire_record_get_uuid (rubric)), g_free);
  if (!spire_store_begin (store, error))
    return NULL;
  if (!remove_into (store, criterion, spire_record_get_uuid (rubric), deletion, error))
    {
      spire_store_rollback (store);
      return NULL;
    }
  if (!spire_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&deletion);
}

gboolean
spire_rubric_remove_criterion (SpireStore *store, const char *criterion_uuid, GError **error)
{
  g_autoptr (SpireDeletion) deletion = spire_rubric_remove_criterion_restorably (store,
                                                                                 criterion_uuid,
                                                                                 error);

  return deletion != NULL;
}

/* The version of the cohort's rubric, or SPIRE_INT_NONE. */
gint64
_spire_rubric_version_of_cohort (SpireStore *store, const char *cohort_uuid)
{
  g_autofree char *v =
      _spire_query_string (store, "SELECT version FROM rubrics WHERE cohort = ?", 1, cohort_uuid);

  return v ? g_ascii_strtoll (v, NULL, 10) : SPIRE_INT_NONE;
}

gint64
spire_rubric_count_submitted (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), -1);

  rows = _spire_store_query (store, error,
                             "SELECT count(*) FROM reviews r JOIN evaluators e ON e.uuid = r.evaluator "
                             "WHERE e.cohort = ?1 AND r.stale = 0 AND r.state = 'submitted'",
                             1, cohort_uuid);
  if (rows == NULL)
    return -1;
  return rows->len > 0 ? g_ascii_strtoll (COL (rows->pdata[0], 0), NULL, 10) : 0;
}

static gboolean
count_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  gint64 n = spire_rubric_count_submitted (store, data, error);

  if (n < 0)
    return FALSE;
  *result = g_memdup2 (&n, sizeof n);
  return TRUE;
}

void
spire_rubric_count_submitted_async (SpireStore *store, const char *cohort_uuid,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_rubric_count_submitted_async, count_job, g_strdup (cohort_uuid),
                  g_free, g_free, cancellable, NULL, NULL, callback, user_data);
}

gint64
spire_rubric_count_submitted_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  g_autofree gint64 *n = NULL;

  if (!_spire_job_finish (store, result, spire_rubric_count_submitted_async, (gpointer *) &n,
                          error))
    return -1;
  return n ? *n : 0;
}

typedef struct
{
  char *rubric;
  char *reason;
} UnfreezeData;

static void
unfreeze_data_free (gpointer data)
{
  UnfreezeData *d = data;

  g_free (d->rubric);
  g_free (d->reason);
  g_free (d);
}

static gboolean
unfreeze_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
              GError **error)
{
  UnfreezeData *d = data;
  guint n = 0;

  if (!spire_rubric_unfreeze (store, d->rubric, d->reason, &n, error))
    return FALSE;
  *result = g_memdup2 (&n, sizeof n);
  return TRUE;
}

void
spire_rubric_unfreeze_async (SpireStore *store, const char *rubric_uuid, const char *reason,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  UnfreezeData *d;

  g_return_if_fail (rubric_uuid != NULL);

  d = g_new0 (UnfreezeData, 1);
  d->rubric = g_strdup (rubric_uuid);
  d->reason = g_strdup (reason);
  _spire_job_run (store, spire_rubric_unfreeze_async, unfreeze_job, d, unfreeze_data_free, g_free,
                  cancellable, NULL, NULL, callback, user_data);
}

gboolean
spire_rubric_unfreeze_finish (SpireStore *store, GAsyncResult *result, guint *n_stale,
                              GError **error)
{
  g_autofree guint *n = NULL;
  gboolean ok = _spire_job_finish (store, result, spire_rubric_unfreeze_async, (gpointer *) &n,
                                   error);

  if (n_stale)
    *n_stale = ok && n ? *n : 0;
  return ok;
}
