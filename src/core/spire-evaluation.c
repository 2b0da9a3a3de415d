/* spire-evaluation.c — rubrics, screening, decisions, the panel, conflicts of
 * interest, assignment and reviews
 *
 * See spire-evaluation.h for how each thing is represented in the schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "spire-error.h"
#include "spire-evaluation.h"
#include "spire-records.h"
#include "spire-job-private.h"
#include "spire-store-private.h"
#include "spire-text.h"

/* Small helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
stripped (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

#define COL SPIRE_ROW_TEXT


/* The first column of the first row, or NULL. */
static char *
query_string (SpireStore *store, const char *sql, guint n_params, ...)
{
  g_autoptr (GPtrArray) rows = NULL;
  va_list ap;

  va_start (ap, n_params);
  rows = _spire_store_vquery (store, NULL, sql, n_params, ap);
  va_end (ap);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (COL (rows->pdata[0], 0));
}

static SpireRecord *
get (SpireStore *store, const SpireKind *kind, const char *uuid, GError **error)
{
  if (uuid == NULL)
    {
      g_autofree char *word = spire_kind_word (kind);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("No %s was given."), word);
      return NULL;
    }
  return spire_store_get (store, kind, uuid, error);
}

static char *
json_string_of (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static char *
format_time (const char *iso)
{
  return spire_format_timestamp (iso, spire_language_current ());
}

static char *
format_value (double value)
{
  return spire_format_number (value, value == floor (value) ? 0 : 2, spire_language_current ());
}

static char *
cohort_name (SpireStore *store, const char *cohort_uuid)
{
  char *name = query_string (store, "SELECT name FROM cohorts WHERE uuid = ?", 1, cohort_uuid);

  return name ? name : g_strdup ("");
}

static char *
startup_name_of_application (SpireStore *store, SpireRecord *app)
{
  char *name = query_string (store, "SELECT name FROM startups WHERE uuid = ?", 1,
                             spire_record_get_text (app, "startup"));

  return name ? name : g_strdup ("");
}

char *
spire_evaluator_get_name (SpireStore *store, const char *evaluator_uuid)
{
  char *name = query_string (store,
                             "SELECT p.name FROM evaluators e JOIN persons p ON p.uuid = e.person "
                             "WHERE e.uuid = ?",
                             1, evaluator_uuid);

  return name ? name : g_strdup ("");
}

#define status_is_assignable spire_application_status_is_assignable

static gboolean
enum_allowed (const SpireKind *kind, const char *field, const char *value)
{
  return value != NULL && spire_field_value_is_allowed (spire_kind_field (kind, field), value);
}

/* Deletes the assignments whose UUIDs are column 0 of @rows. */
static gboolean
delete_assignment_rows (SpireStore *store, GPtrArray *rows, GError **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (SpireRecord) a = spire_store_get (store, &spire_kind_assignment,
                                                   COL (rows->pdata[i], 0), error);

      if (a == NULL || !spire_store_delete (store, a, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
delete_assignments_of_application (SpireStore *store, const char *application_uuid,
                                   GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                      "SELECT uuid FROM assignments WHERE application = ?", 1,
                                      application_uuid);

  return rows != NULL && delete_assignment_rows (store, rows, error);
}

/* Removes the evaluator's assignments that a conflict with @application_uuid
 * or @startup_uuid blocks. */
static gboolean
delete_blocked_assignments (SpireStore *store, const char *evaluator_uuid,
                            const char *application_uuid, const char *startup_uuid,
                            GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (
    store, error,
    "SELECT s.uuid FROM assignments s JOIN applications a ON a.uuid = s.application "
    "WHERE s.evaluator = ?1 AND (a.uuid = ?2 OR a.startup = ?3)",
    3, evaluator_uuid, application_uuid, startup_uuid);

  return rows != NULL && delete_assignment_rows (store, rows, error);
}

/* Rubrics */

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

  rows = _spire_store_query (store, error, "SELECT uuid FROM rubrics WHERE cohort = ?", 1, cohort_uuid);
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
  name = cohort_name (store, cohort_uuid);
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
  g_autofree char *name = cohort_name (store, spire_record_get_text (rubric, "cohort"));
  g_autofree char *when = format_time (spire_record_get_text (rubric, "frozen_at"));

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
  return json_string_of (b);
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

  cohort = get (store, &spire_kind_cohort, cohort_uuid, error);
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
  to_cohort = get (store, &spire_kind_cohort, to_cohort_uuid, error);
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

  stored = get (store, &spire_kind_rubric, spire_record_get_uuid (rubric), error);
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

static gboolean
freeze (SpireStore *store, SpireRecord *rubric, GError **error)
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

  rubric = get (store, &spire_kind_rubric, rubric_uuid, error);
  return rubric != NULL && freeze (store, rubric, error);
}

gboolean
spire_rubric_unfreeze (SpireStore *store, const char *rubric_uuid, const char *reason,
                       guint *n_stale, GError **error)
{
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = stripped (reason);
  g_autofree char *version = NULL;
  gint64 new_version;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (n_stale)
    *n_stale = 0;
  rubric = get (store, &spire_kind_rubric, rubric_uuid, error);
  if (rubric == NULL)
    return FALSE;
  if (!spire_rubric_is_frozen (rubric))
    {
      g_autofree char *name = cohort_name (store, spire_record_get_text (rubric, "cohort"));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("The rubric of “%s” is not frozen; its criteria can be changed as they are."),
                   name);
    }
  if (is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write why the rubric is unfrozen. The reason is kept in the history, "
                   "and the reviews made so far will be marked stale."));

  new_version = spire_record_get_int (rubric, "version") + 1;
  version = g_strdup_printf ("%" G_GINT64_FORMAT, new_version);

  if (!spire_store_begin (store, error))
    return FALSE;
  spire_record_set_null (rubric, "frozen_at");
  spire_record_set_int (rubric, "version", new_version);
  if (!spire_store_save (store, rubric, SPIRE_SAVE_DEFAULT, NULL, error))
    goto fail;

  stale = _spire_store_query (store, error,
                 "SELECT r.uuid FROM reviews r JOIN applications a ON a.uuid = r.application "
                 "WHERE a.cohort = ?1 AND r.stale = 0 "
                 "AND (r.rubric_version IS NULL OR r.rubric_version < CAST (?2 AS INTEGER))",
                 2, spire_record_get_text (rubric, "cohort"), version);
  if (stale == NULL)
    goto fail;
  for (guint i = 0; i < stale->len; i++)
    {
      g_autoptr (SpireRecord) review = spire_store_get (store, &spire_kind_review,
                                                        COL (stale->pdata[i], 0), error);

      if (review == NULL)
        goto fail;
      spire_record_set_bool (review, "stale", TRUE);
      if (!spire_store_save (store, review, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_KEEP_TIMES, NULL,
                             error))
        goto fail;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, why);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, new_version);
  json_builder_set_member_name (b, "stale_reviews");
  json_builder_add_int_value (b, stale->len);
  json_builder_end_object (b);
  after = json_string_of (b);
  if (!spire_store_audit (store, "rubric", rubric_uuid, "unfreeze", NULL, after, error))
    goto fail;
  _spire_store_mark_changed (store, spire_kind_review.table);
  if (!spire_store_commit (store, error))
    return FALSE;
  if (n_stale)
    *n_stale = stale->len;
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
  g_autoptr (SpireRecord) rubric = get (store, &spire_kind_rubric, rubric_uuid, error);

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
  g_autofree char *clean = stripped (name);
  g_autofree char *max = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  rubric = unfrozen_rubric (store, rubric_uuid, error);
  if (rubric == NULL)
    return NULL;
  max = query_string (store, "SELECT max (position) FROM criteria WHERE rubric = ?", 1,
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

  stored = get (store, &spire_kind_criterion, spire_record_get_uuid (criterion), error);
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

gboolean
spire_rubric_remove_criterion (SpireStore *store, const char *criterion_uuid, GError **error)
{
  g_autoptr (SpireRecord) criterion = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) rest = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  criterion = get (store, &spire_kind_criterion, criterion_uuid, error);
  if (criterion == NULL)
    return FALSE;
  rubric = unfrozen_rubric (store, spire_record_get_text (criterion, "rubric"), error);
  if (rubric == NULL)
    return FALSE;
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!delete_criterion (store, criterion, error))
    goto fail;
  rest = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (rest == NULL || !renumber_criteria (store, rest, error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

/* The version of the cohort's rubric, or SPIRE_INT_NONE. */
static gint64
rubric_version_of_cohort (SpireStore *store, const char *cohort_uuid)
{
  g_autofree char *v = query_string (store, "SELECT version FROM rubrics WHERE cohort = ?", 1,
                                     cohort_uuid);

  return v ? g_ascii_strtoll (v, NULL, 10) : SPIRE_INT_NONE;
}

/* Decisions */

/* Inside a transaction; @app is changed and saved. */
static gboolean
decide_one (SpireStore *store, SpireRecord *app, const char *status, const char *reason,
            gint64 rubric_version, GError **error)
{
  g_autofree char *from = g_strdup (spire_record_get_text (app, "status"));
  g_autofree char *now = spire_now_utc ();
  g_autoptr (SpireRecord) d = spire_record_new (&spire_kind_decision);

  spire_record_set_text (app, "status", status);
  if (!spire_store_save (store, app, SPIRE_SAVE_DEFAULT, NULL, error))
    return FALSE;
  spire_record_set_text (d, "application", spire_record_get_uuid (app));
  spire_record_set_text (d, "from_status", from);
  spire_record_set_text (d, "to_status", status);
  spire_record_set_text (d, "decided_by", spire_store_get_actor (store));
  spire_record_set_text (d, "decided_at", now);
  spire_record_set_text (d, "reason", reason);
  spire_record_set_int (d, "rubric_version", rubric_version);
  if (!spire_store_save (store, d, SPIRE_SAVE_DEFAULT, NULL, error))
    return FALSE;
  if (!status_is_assignable (status) &&
      !delete_assignments_of_application (store, spire_record_get_uuid (app), error))
    return FALSE;
  return TRUE;
}

gboolean
spire_decide (SpireStore *store, const char *const *application_uuids, const char *new_status,
              const char *reason, GError **error)
{
  g_autofree char *why = stripped (reason);
  g_autoptr (GHashTable) versions = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (application_uuids == NULL || application_uuids[0] == NULL)
    return spire_fail (error, SPIRE_ERROR_INVALID, _("Choose at least one application to decide on."));
  if (!enum_allowed (&spire_kind_application, "status", new_status))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is not a status an application can have."),
                 new_status ? new_status : "");
  if (is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write the reason for the decision. Public bodies must be able to show "
                   "why each application was decided as it was."));

  versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; application_uuids[i]; i++)
    {
      g_autoptr (SpireRecord) app = get (store, &spire_kind_application, application_uuids[i],
                                         error);
      const char *cohort;
      gint64 *version;

      if (app == NULL)
        goto fail;
      if (g_strcmp0 (spire_record_get_text (app, "status"), new_status) == 0)
        continue;
      cohort = spire_record_get_text (app, "cohort");
      version = g_hash_table_lookup (versions, cohort);
      if (version == NULL)
        {
          version = g_new (gint64, 1);
          *version = rubric_version_of_cohort (store, cohort);
          g_hash_table_insert (versions, g_strdup (cohort), version);
        }
      if (!decide_one (store, app, new_status, why, *version, error))
        goto fail;
    }
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

gint64
spire_cohort_count_accepted (SpireStore *store, const char *cohort_uuid, gint64 *seats,
                             GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), -1);

  cohort = get (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return -1;
  if (seats)
    *seats = spire_record_get_int (cohort, "seats");
  rows = _spire_store_query (store, error,
                "SELECT count(*) FROM applications WHERE cohort = ? AND status = 'accepted'", 1,
                cohort_uuid);
  if (rows == NULL)
    return -1;
  return g_ascii_strtoll (COL (rows->pdata[0], 0), NULL, 10);
}

char *
spire_cohort_seats_warning (SpireStore *store, const char *cohort_uuid)
{
  gint64 seats = 0;
  gint64 accepted = spire_cohort_count_accepted (store, cohort_uuid, &seats, NULL);
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;

  if (accepted < 0 || seats == SPIRE_INT_NONE || seats < 0 || accepted <= seats)
    return NULL;
  name = cohort_name (store, cohort_uuid);
  first = g_strdup_printf (ngettext ("%d application is accepted",
                                     "%d applications are accepted", (gulong) accepted),
                           (int) accepted);
  /* TRANSLATORS: "5 applications are accepted, but “Kull 2026” has 4 seats." */
  return g_strdup_printf (ngettext ("%s, but “%s” has %d seat.", "%s, but “%s” has %d seats.",
                                    (gulong) seats),
                          first, name, (int) seats);
}

char *
spire_cohort_seats_warning_after (SpireStore *store, const char *cohort_uuid, guint adding)
{
  gint64 seats = SPIRE_INT_NONE;
  gint64 accepted, after;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (adding == 0)
    return spire_cohort_seats_warning (store, cohort_uuid);
  accepted = spire_cohort_count_accepted (store, cohort_uuid, &seats, NULL);
  if (accepted < 0 || seats == SPIRE_INT_NONE || seats < 0)
    return NULL;
  after = accepted + adding;
  if (after > seats)
    return g_strdup_printf (ngettext ("After this change %d application will be accepted, "
                                      "but the cohort has %d seats.",
                                      "After this change %d applications will be accepted, "
                                      "but the cohort has %d seats.",
                                      (gulong) after),
                            (int) after, (int) seats);
  return spire_cohort_seats_warning (store, cohort_uuid);
}

/* Who takes part */

gboolean
spire_application_status_is_assignable (const char *status)
{
  return g_strcmp0 (status, "ineligible") != 0 && g_strcmp0 (status, "withdrawn") != 0;
}

gboolean
spire_application_is_assignable (SpireRecord *application)
{
  g_return_val_if_fail (SPIRE_IS_RECORD (application), FALSE);

  return spire_application_status_is_assignable (spire_record_get_text (application, "status"));
}

gint64
spire_cohort_count_assignable (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), -1);

  rows = _spire_store_query (store, error,
                             "SELECT count(*) FROM applications WHERE cohort = ?"
                             " AND status NOT IN ('ineligible', 'withdrawn')",
                             1, cohort_uuid);
  if (rows == NULL)
    return -1;
  return g_ascii_strtoll (COL (rows->pdata[0], 0), NULL, 10);
}

int
spire_application_status_order (const char *status)
{
  const SpireField *field = spire_kind_field (&spire_kind_application, "status");
  int i = 0;

  if (status == NULL)
    return G_MAXINT;
  for (const SpireEnumValue *v = field->values; v->value; v++, i++)
    if (g_str_equal (v->value, status))
      return i;
  return G_MAXINT - 1;
}

GHashTable *
spire_panel_loads (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GHashTable *loads;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  rows = _spire_store_query (store, error,
                             "SELECT e.uuid,"
                             " count(g.uuid),"
                             " coalesce(sum(g.state = 'submitted'), 0)"
                             " FROM evaluators e"
                             " LEFT JOIN assignments g ON g.evaluator = e.uuid"
                             "  AND g.state <> 'declined'"
                             " WHERE e.cohort = ?"
                             " GROUP BY e.uuid",
                             1, cohort_uuid);
  if (rows == NULL)
    return NULL;
  loads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SpirePanelLoad *load = g_new0 (SpirePanelLoad, 1);

      load->assigned = (guint) g_ascii_strtoull (COL (rows->pdata[i], 1), NULL, 10);
      load->submitted = (guint) g_ascii_strtoull (COL (rows->pdata[i], 2), NULL, 10);
      g_hash_table_insert (loads, g_strdup (COL (rows->pdata[i], 0)), load);
    }
  return loads;
}

/* Screening */

void
spire_screening_answer_free (SpireScreeningAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->criterion);
  g_free (answer->criterion_name);
  g_free (answer->note);
  g_free (answer->by);
  g_free (answer->at);
  g_free (answer->uuid);
  g_free (answer);
}

/* The screening record of @application_uuid × @criterion_uuid, or NULL. */
static SpireRecord *
find_screening (SpireStore *store, const char *application_uuid, const char *criterion_uuid)
{
  g_autofree char *uuid = query_string (store,
                                        "SELECT uuid FROM screenings "
                                        "WHERE application = ? AND criterion = ?",
                                        2, application_uuid, criterion_uuid);

  return uuid ? spire_store_get (store, &spire_kind_screening, uuid, NULL) : NULL;
}

gboolean
spire_screening_answer (SpireStore *store, const char *application_uuid,
                        const char *criterion_uuid, gboolean passed, const char *note,
                        GError **error)
{
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) criterion = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (SpireRecord) screening = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autofree char *after = NULL;
  g_autofree char *clean_note = stripped (note);
  g_autofree char *now = NULL;
  const char *status;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  app = get (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return FALSE;
  criterion = get (store, &spire_kind_criterion, criterion_uuid, error);
  if (criterion == NULL)
    return FALSE;
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), error);
  if (rubric == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (criterion, "rubric"), spire_record_get_uuid (rubric)) != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is not a criterion of the rubric of this application's cohort."),
                 spire_record_get_display_name (criterion));
  if (g_strcmp0 (spire_record_get_text (criterion, "kind"), "gate") != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is not a gate (pass/fail) criterion; the panel scores it in its "
                   "reviews."),
                 spire_record_get_display_name (criterion));
  status = spire_record_get_text (app, "status");
  if (g_strcmp0 (status, "ineligible") == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is already ineligible. To screen it again, first set its status "
                   "back to Received with a decision."),
                 spire_record_get_display_name (app));
  if (g_strcmp0 (status, "received") != 0 && g_strcmp0 (status, "in_review") != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is %s; eligibility is screened while an application is received or "
                   "in review."),
                 spire_record_get_display_name (app),
                 spire_field_value_label (spire_kind_field (&spire_kind_application, "status"),
                                          status));
  if (is_blank (clean_note))
    g_clear_pointer (&clean_note, g_free);

  /* The answer on record: one per application and gate, the latest. */
  screening = find_screening (store, application_uuid, criterion_uuid);
  if (screening == NULL)
    {
      screening = spire_record_new (&spire_kind_screening);
      spire_record_set_text (screening, "application", application_uuid);
      spire_record_set_text (screening, "criterion", criterion_uuid);
    }
  now = spire_now_utc ();
  spire_record_set_bool (screening, "passed", passed);
  spire_record_set_text (screening, "note", clean_note);
  spire_record_set_text (screening, "decided_by", spire_store_get_actor (store));
  spire_record_set_text (screening, "decided_at", now);
  spire_record_set_int (screening, "rubric_version", spire_record_get_int (rubric, "version"));

  /* The application's history shows each answer given. */
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "criterion");
  json_builder_add_string_value (b, criterion_uuid);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, spire_record_get_display_name (criterion));
  json_builder_set_member_name (b, "passed");
  json_builder_add_boolean_value (b, passed);
  json_builder_set_member_name (b, "note");
  if (clean_note == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, clean_note);
  json_builder_set_member_name (b, "rubric_version");
  json_builder_add_int_value (b, spire_record_get_int (rubric, "version"));
  json_builder_end_object (b);
  after = json_string_of (b);

  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, screening, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !spire_store_audit (store, "application", application_uuid, "screening", NULL, after,
                          error))
    goto fail;
  if (!passed)
    {
      g_autofree char *reason = NULL;

      if (clean_note == NULL)
        reason = g_strdup_printf (_("Did not pass the eligibility criterion “%s”."),
                                  spire_record_get_display_name (criterion));
      else
        /* TRANSLATORS: the first %s is a criterion, the second the screener's note */
        reason = g_strdup_printf (_("Did not pass the eligibility criterion “%s”: %s"),
                                  spire_record_get_display_name (criterion), clean_note);
      if (!decide_one (store, app, "ineligible", reason, spire_record_get_int (rubric, "version"),
                       error))
        goto fail;
    }
  _spire_store_mark_changed (store, spire_kind_application.table);
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

GPtrArray *
spire_screening_list_answers (SpireStore *store, const char *application_uuid, GError **error)
{
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) screenings = NULL;
  g_autoptr (GPtrArray) out = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  app = get (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) spire_screening_answer_free);
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), NULL);
  if (rubric == NULL)
    return g_steal_pointer (&out);
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  screenings = spire_store_list (store, &spire_kind_screening, "application", application_uuid,
                                 error);
  if (criteria == NULL || screenings == NULL)
    return NULL;

  for (guint i = 0; i < criteria->len; i++)
    {
      SpireRecord *c = criteria->pdata[i];

      if (g_strcmp0 (spire_record_get_text (c, "kind"), "gate") != 0)
        continue;
      for (guint j = 0; j < screenings->len; j++)
        {
          SpireRecord *sc = screenings->pdata[j];
          SpireScreeningAnswer *answer;

          if (g_strcmp0 (spire_record_get_text (sc, "criterion"), spire_record_get_uuid (c)) != 0)
            continue;
          answer = g_new0 (SpireScreeningAnswer, 1);
          answer->criterion = g_strdup (spire_record_get_uuid (c));
          answer->criterion_name = g_strdup (spire_record_get_display_name (c));
          answer->passed = spire_record_get_bool (sc, "passed");
          answer->note = g_strdup (spire_record_get_text (sc, "note"));
          answer->by = g_strdup (spire_record_get_text (sc, "decided_by"));
          answer->at = g_strdup (spire_record_get_text (sc, "decided_at"));
          answer->rubric_version = spire_record_get_int (sc, "rubric_version");
          answer->uuid = g_strdup (spire_record_get_uuid (sc));
          g_ptr_array_add (out, answer);
          break;
        }
    }
  return g_steal_pointer (&out);
}

gboolean
spire_screening_all_passed (SpireStore *store, const char *application_uuid, GError **error)
{
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) answers = NULL;
  gint64 n_gates;

  app = get (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return FALSE;
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), NULL);
  if (rubric == NULL)
    return TRUE;
  {
    g_autofree char *n = query_string (store,
                                       "SELECT count(*) FROM criteria WHERE rubric = ? AND kind = 'gate'",
                                       1, spire_record_get_uuid (rubric));
    n_gates = n ? g_ascii_strtoll (n, NULL, 10) : 0;
  }
  answers = spire_screening_list_answers (store, application_uuid, error);
  if (answers == NULL)
    return FALSE;
  if ((gint64) answers->len < n_gates)
    return FALSE;
  for (guint i = 0; i < answers->len; i++)
    if (!((SpireScreeningAnswer *) answers->pdata[i])->passed)
      return FALSE;
  return TRUE;
}

/* The panel */

static gboolean
check_role (const char *role, GError **error)
{
  if (enum_allowed (&spire_kind_evaluator, "role", role))
    return TRUE;
  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("“%s” is not a panel role; choose chair, member or observer."),
               role ? role : "");
}

static gint64
count_active_assignments (SpireStore *store, const char *evaluator_uuid)
{
  g_autofree char *n = query_string (store,
                                     "SELECT count(*) FROM assignments WHERE evaluator = ? "
                                     "AND state <> 'declined'",
                                     1, evaluator_uuid);

  return n ? g_ascii_strtoll (n, NULL, 10) : 0;
}

gboolean
spire_panel_set_role (SpireStore *store, const char *evaluator_uuid, const char *role,
                      GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  gint64 n;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (!check_role (role, error))
    return FALSE;
  ev = get (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (ev, "role"), role) == 0)
    return TRUE;
  if (g_str_equal (role, "observer") && (n = count_active_assignments (store, evaluator_uuid)) > 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);

      return spire_fail (error, SPIRE_ERROR_IN_USE,
                   ngettext ("%s has %d assignment; remove it first, since observers are "
                             "never assigned applications.",
                             "%s has %d assignments; remove them first, since observers are "
                             "never assigned applications.",
                             (gulong) n),
                   name, (int) n);
    }
  {
    g_autoptr (JsonNode) before = spire_record_to_json (ev, FALSE);
    g_autoptr (JsonNode) after = NULL;
    g_autofree char *before_text = json_to_string (before, FALSE);
    g_autofree char *after_text = NULL;

    spire_record_set_text (ev, "role", role);
    after = spire_record_to_json (ev, FALSE);
    after_text = json_to_string (after, FALSE);
    /* Our own audit entry: the store's would copy the package token into
     * the history. */
    if (!spire_store_begin (store, error))
      return FALSE;
    if (!spire_store_save (store, ev, SPIRE_SAVE_NO_AUDIT, NULL, error) ||
        !spire_store_audit (store, "evaluator", evaluator_uuid, "update", before_text, after_text,
                            error))
      {
        spire_store_rollback (store);
        return FALSE;
      }
    return spire_store_commit (store, error);
  }
}

SpireRecord *
spire_panel_add (SpireStore *store, const char *cohort_uuid, const char *person_uuid,
                 const char *role, GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) person = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autofree char *existing = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (role == NULL)
    role = "member";
  if (!check_role (role, error))
    return NULL;
  cohort = get (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return NULL;
  person = get (store, &spire_kind_person, person_uuid, error);
  if (person == NULL)
    return NULL;
  existing = query_string (store, "SELECT uuid FROM evaluators WHERE cohort = ? AND person = ?",
                           2, cohort_uuid, person_uuid);
  if (existing != NULL)
    {
      if (!spire_panel_set_role (store, existing, role, error))
        return NULL;
      return spire_store_get (store, &spire_kind_evaluator, existing, error);
    }
  ev = spire_record_new (&spire_kind_evaluator);
  spire_record_set_text (ev, "cohort", cohort_uuid);
  spire_record_set_text (ev, "person", person_uuid);
  spire_record_set_text (ev, "role", role);
  if (!spire_store_insert (store, ev, error))
    return NULL;
  return g_steal_pointer (&ev);
}

gboolean
spire_panel_remove (SpireStore *store, const char *evaluator_uuid, GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (GPtrArray) assignments = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) packages = NULL;
  gint64 n_reviews;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  ev = get (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return FALSE;
  n_reviews = spire_store_count (store, &spire_kind_review, "evaluator", evaluator_uuid);
  if (n_reviews > 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);

      return spire_fail (error, SPIRE_ERROR_IN_USE,
                   ngettext ("%s has written %d review, which stays on record, so they cannot "
                             "be removed from the panel. Make them an observer instead.",
                             "%s has written %d reviews, which stay on record, so they cannot "
                             "be removed from the panel. Make them an observer instead.",
                             (gulong) n_reviews),
                   name, (int) n_reviews);
    }
  if (!spire_store_begin (store, error))
    return FALSE;
  assignments = _spire_store_query (store, error, "SELECT uuid FROM assignments WHERE evaluator = ?", 1,
                       evaluator_uuid);
  if (assignments == NULL || !delete_assignment_rows (store, assignments, error))
    goto fail;
  conflicts = spire_store_list (store, &spire_kind_conflict, "evaluator", evaluator_uuid, error);
  if (conflicts == NULL)
    goto fail;
  for (guint i = 0; i < conflicts->len; i++)
    if (!spire_store_delete (store, conflicts->pdata[i], error))
      goto fail;
  packages = spire_store_list (store, &spire_kind_package, "evaluator", evaluator_uuid, error);
  if (packages == NULL)
    goto fail;
  for (guint i = 0; i < packages->len; i++)
    if (!spire_store_delete (store, packages->pdata[i], error))
      goto fail;
  /* The deletion's audit entry is made from this copy: no token in the history */
  spire_record_set_null (ev, "token");
  if (!spire_store_delete (store, ev, error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

GPtrArray *
spire_panel_list (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return _spire_store_query_records (store, &spire_kind_evaluator, "e", error,
                                     "FROM evaluators e JOIN persons p ON p.uuid = e.person "
                                     "WHERE e.cohort = ? ORDER BY p.name COLLATE NB, e.uuid",
                                     1, cohort_uuid);
}

/* Conflicts of interest */

static const char *const public_mail_domains[] = {
  "aol.com", "broadpark.no", "c2i.net", "chello.no", "fastmail.com", "frisurf.no",
  "getmail.no", "gmail.com", "gmx.com", "gmx.net", "googlemail.com", "hey.com", "hotmail.co.uk",
  "hotmail.com", "hotmail.no", "icloud.com", "live.com", "live.no", "lyse.net", "mac.com",
  "mail.com", "me.com", "msn.com", "online.no", "outlook.com", "outlook.no", "pm.me",
  "proton.me", "protonmail.com", "start.no", "tuta.io", "tutanota.com", "yahoo.co.uk",
  "yahoo.com", "yahoo.no", "yandex.com", "ymail.com", "zoho.com",
};

gboolean
spire_email_domain_is_public (const char *domain)
{
  if (domain == NULL || *domain == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (public_mail_domains); i++)
    if (g_ascii_strcasecmp (domain, public_mail_domains[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The lower-case domain of an e-mail address, or NULL. */
static char *
email_domain (const char *email)
{
  const char *at = email ? strrchr (email, '@') : NULL;
  char *domain;

  if (at == NULL || at[1] == '\0')
    return NULL;
  domain = g_ascii_strdown (at + 1, -1);
  g_strstrip (domain);
  if (*domain != '\0' && domain[strlen (domain) - 1] == '.')
    domain[strlen (domain) - 1] = '\0';
  if (*domain == '\0')
    g_clear_pointer (&domain, g_free);
  return domain;
}

/* The lower-case host of a website without "www.", or NULL. */
static char *
website_host (const char *website)
{
  g_autoptr (GUri) uri = NULL;
  const char *host;

  if (website == NULL || *website == '\0')
    return NULL;
  uri = g_uri_parse (website, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_autofree char *with = g_strconcat ("https://", website, NULL);

      g_clear_pointer (&uri, g_uri_unref);
      uri = g_uri_parse (with, G_URI_FLAGS_NONE, NULL);
    }
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    return NULL;
  if (g_ascii_strncasecmp (host, "www.", 4) == 0)
    host += 4;
  return g_ascii_strdown (host, -1);
}

gboolean
spire_conflict_blocks (SpireStore *store, const char *evaluator_uuid,
                       const char *application_uuid, SpireRecord **conflict_out)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (conflict_out)
    *conflict_out = NULL;
  uuid = query_string (store,
                       "SELECT c.uuid FROM conflicts c, applications a "
                       "WHERE a.uuid = ?2 AND c.evaluator = ?1 AND c.dismissed_at IS NULL "
                       "AND (c.application = a.uuid OR c.startup = a.startup) "
                       "ORDER BY c.confirmed DESC, c.created_at LIMIT 1",
                       2, evaluator_uuid, application_uuid);
  if (uuid == NULL)
    return FALSE;
  if (conflict_out)
    *conflict_out = spire_store_get (store, &spire_kind_conflict, uuid, NULL);
  return TRUE;
}

SpireRecord *
spire_conflict_declare (SpireStore *store, const char *evaluator_uuid,
                        const char *application_uuid, const char *startup_uuid,
                        const char *kind, const char *reason, GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) conflict = NULL;
  g_autofree char *why = stripped (reason);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (kind == NULL)
    kind = "other";
  if (!enum_allowed (&spire_kind_conflict, "kind", kind))
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("“%s” is not a kind of conflict of interest; choose owner, employee, family, "
              "competitor or other."),
            kind);
      return NULL;
    }
  if (application_uuid == NULL && startup_uuid == NULL)
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("Say which application or startup the conflict of interest concerns."));
      return NULL;
    }
  if (is_blank (why))
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("Write what the conflict of interest is; the reason is kept on record."));
      return NULL;
    }
  ev = get (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return NULL;
  if (application_uuid != NULL)
    {
      g_autoptr (SpireRecord) app = get (store, &spire_kind_application, application_uuid, error);

      if (app == NULL)
        return NULL;
      if (g_strcmp0 (spire_record_get_text (app, "cohort"), spire_record_get_text (ev, "cohort")) != 0)
        {
          g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);

          spire_fail (error, SPIRE_ERROR_INVALID,
                _("“%s” was sent to another cohort than the one %s is a panel member of."),
                spire_record_get_display_name (app), name);
          return NULL;
        }
      if (startup_uuid != NULL &&
          g_strcmp0 (spire_record_get_text (app, "startup"), startup_uuid) != 0)
        {
          spire_fail (error, SPIRE_ERROR_INVALID,
                _("“%s” was not sent by that startup; name either the application or the "
                  "startup."),
                spire_record_get_display_name (app));
          return NULL;
        }
    }
  else if (!spire_store_exists (store, &spire_kind_startup, startup_uuid))
    {
      g_autofree char *word = spire_kind_word (&spire_kind_startup);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("There is no %s with the UUID %s."), word,
            startup_uuid);
      return NULL;
    }

  conflict = spire_record_new (&spire_kind_conflict);
  spire_record_set_text (conflict, "evaluator", evaluator_uuid);
  spire_record_set_text (conflict, "application", application_uuid);
  spire_record_set_text (conflict, "startup", startup_uuid);
  spire_record_set_text (conflict, "origin", "declared");
  spire_record_set_text (conflict, "kind", kind);
  spire_record_set_text (conflict, "reason", why);
  spire_record_set_bool (conflict, "confirmed", TRUE);

  if (!spire_store_begin (store, error))
    return NULL;
  if (!spire_store_insert (store, conflict, error) ||
      !delete_blocked_assignments (store, evaluator_uuid, application_uuid, startup_uuid, error))
    {
      spire_store_rollback (store);
      return NULL;
    }
  if (!spire_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&conflict);
}

typedef struct
{
  char *startup;
  char *startup_name;
  char *what; /* the contact's name or the website */
  char *detail; /* the contact's e-mail or the website host */
} Clue;

static void
clue_free (Clue *c)
{
  g_free (c->startup);
  g_free (c->startup_name);
  g_free (c->what);
  g_free (c->detail);
  g_free (c);
}

static void
add_clue (GHashTable *map, const char *key, const char *startup, const char *startup_name,
          const char *what, const char *detail)
{
  GPtrArray *list;
  Clue *c;

  if (key == NULL || *key == '\0')
    return;
  list = g_hash_table_lookup (map, key);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) clue_free);
      g_hash_table_insert (map, g_strdup (key), list);
    }
  c = g_new0 (Clue, 1);
  c->startup = g_strdup (startup);
  c->startup_name = g_strdup (startup_name);
  c->what = g_strdup (what);
  c->detail = g_strdup (detail);
  g_ptr_array_add (list, c);
}

static char *
pair_key (const char *evaluator, const char *startup)
{
  return g_strconcat (evaluator ? evaluator : "", "|", startup ? startup : "", NULL);
}

GPtrArray *
spire_conflicts_detect (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) evaluators = NULL;
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) contacts = NULL;
  g_autoptr (GPtrArray) known = NULL;
  g_autoptr (GHashTable) by_person = NULL;  /* person uuid → clues */
  g_autoptr (GHashTable) by_orgnr = NULL;   /* orgnr → clues */
  g_autoptr (GHashTable) by_contact_domain = NULL;
  g_autoptr (GHashTable) by_web_domain = NULL;
  g_autoptr (GHashTable) seen = NULL;       /* "evaluator|startup" */
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  cohort = get (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return NULL;

  evaluators = _spire_store_query (store, error,
                      "SELECT e.uuid, p.uuid, p.name, p.email, p.orgnr FROM evaluators e "
                      "JOIN persons p ON p.uuid = e.person WHERE e.cohort = ? ORDER BY e.uuid",
                      1, cohort_uuid);
  startups = _spire_store_query (store, error,
                    "SELECT s.uuid, s.name, s.orgnr, s.website FROM startups s WHERE s.uuid IN "
                    "(SELECT startup FROM applications WHERE cohort = ?) ORDER BY s.uuid",
                    1, cohort_uuid);
  contacts = _spire_store_query (store, error,
                    "SELECT s.uuid, s.name, p.uuid, p.name, p.email FROM persons p "
                    "JOIN startups s ON s.uuid = p.startup "
                    "WHERE s.uuid IN (SELECT startup FROM applications WHERE cohort = ?1) "
                    "UNION "
                    "SELECT s.uuid, s.name, p.uuid, p.name, p.email FROM applications a "
                    "JOIN startups s ON s.uuid = a.startup JOIN persons p ON p.uuid = a.contact "
                    "WHERE a.cohort = ?1 ORDER BY 1, 3",
                    1, cohort_uuid);
  /* Every conflict on record, dismissed ones too: a pair that has one is
   * never proposed again. */
  known = _spire_store_query (store, error,
                 "SELECT c.evaluator, coalesce (c.startup, a.startup) FROM conflicts c "
                 "JOIN evaluators e ON e.uuid = c.evaluator "
                 "LEFT JOIN applications a ON a.uuid = c.application WHERE e.cohort = ?",
                 1, cohort_uuid);
  if (!evaluators || !startups || !contacts || !known)
    return NULL;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < known->len; i++)
    g_hash_table_add (seen, pair_key (COL (known->pdata[i], 0), COL (known->pdata[i], 1)));

  by_person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  by_orgnr = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  by_contact_domain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  by_web_domain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < startups->len; i++)
    {
      GPtrArray *s = startups->pdata[i];
      g_autofree char *host = website_host (COL (s, 3));

      add_clue (by_orgnr, COL (s, 2), COL (s, 0), COL (s, 1), NULL, COL (s, 2));
      if (host != NULL && !spire_email_domain_is_public (host))
        add_clue (by_web_domain, host, COL (s, 0), COL (s, 1), COL (s, 3), host);
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      GPtrArray *c = contacts->pdata[i];
      g_autofree char *domain = email_domain (COL (c, 4));

      add_clue (by_person, COL (c, 2), COL (c, 0), COL (c, 1), COL (c, 3), NULL);
      if (domain != NULL && !spire_email_domain_is_public (domain))
        add_clue (by_contact_domain, domain, COL (c, 0), COL (c, 1), COL (c, 3), COL (c, 4));
    }

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < evaluators->len; i++)
    {
      GPtrArray *e = evaluators->pdata[i];
      const char *ev_uuid = COL (e, 0), *name = COL (e, 2), *email = COL (e, 3);
      const char *orgnr = COL (e, 4);
      g_autofree char *domain = email_domain (email);
      struct
      {
        GHashTable *map;
        const char *key;
        const char *kind;
        int rule;
      } rules[] = {
        { by_person, COL (e, 1), "employee", 0 },
        { by_orgnr, orgnr, "employee", 1 },
        { by_contact_domain, domain, "other", 2 },
        { by_web_domain, domain, "other", 3 },
      };

      if (domain != NULL && spire_email_domain_is_public (domain))
        rules[2].key = rules[3].key = NULL;

      for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
        {
          GPtrArray *clues = rules[r].key ? g_hash_table_lookup (rules[r].map, rules[r].key) : NULL;

          for (guint j = 0; clues && j < clues->len; j++)
            {
              Clue *c = clues->pdata[j];
              g_autofree char *key = pair_key (ev_uuid, c->startup);
              g_autofree char *reason = NULL;
              g_autofree char *pretty = NULL;
              SpireRecord *conflict;

              if (g_hash_table_contains (seen, key))
                continue;
              switch (rules[r].rule)
                {
                case 0:
                  reason = g_strdup_printf (_("%s is registered as a contact person of “%s”."),
                                            name, c->startup_name);
                  break;
                case 1:
                  pretty = spire_format_orgnr (c->detail);
                  reason = g_strdup_printf (_("%s belongs to the organisation with organisation "
                                              "number %s, which is “%s” itself."),
                                            name, pretty, c->startup_name);
                  break;
                case 2:
                  reason = g_strdup_printf (_("The e-mail address of %s (%s) has the same domain "
                                              "as that of %s (%s), a contact person of “%s”."),
                                            name, email, c->what, c->detail, c->startup_name);
                  break;
                default:
                  reason = g_strdup_printf (_("The e-mail address of %s (%s) has the same domain "
                                              "as the website of “%s” (%s)."),
                                            name, email, c->startup_name, c->what);
                  break;
                }
              conflict = spire_record_new (&spire_kind_conflict);
              spire_record_set_text (conflict, "evaluator", ev_uuid);
              spire_record_set_text (conflict, "startup", c->startup);
              spire_record_set_text (conflict, "origin", "detected");
              spire_record_set_text (conflict, "kind", rules[r].kind);
              spire_record_set_text (conflict, "reason", reason);
              spire_record_set_bool (conflict, "confirmed", FALSE);
              g_ptr_array_add (found, conflict);
              g_hash_table_add (seen, g_steal_pointer (&key));
            }
        }
    }

  if (found->len == 0)
    return g_steal_pointer (&found);
  if (!spire_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      SpireRecord *c = found->pdata[i];

      if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error) ||
          !delete_blocked_assignments (store, spire_record_get_text (c, "evaluator"), NULL,
                                       spire_record_get_text (c, "startup"), error))
        {
          spire_store_rollback (store);
          return NULL;
        }
    }
  if (!spire_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&found);
}

static GPtrArray *
list_conflicts (SpireStore *store, const char *cohort_uuid, gboolean pending_only,
                GError **error)
{
  return _spire_store_query_records (
    store, &spire_kind_conflict, "c", error,
    "FROM conflicts c JOIN evaluators e ON e.uuid = c.evaluator "
    "WHERE e.cohort = ?1 AND (?2 IS NULL OR (c.origin = 'detected' AND c.confirmed = 0 "
    "AND c.dismissed_at IS NULL)) "
    "ORDER BY c.created_at, c.uuid",
    2, cohort_uuid, pending_only ? "1" : NULL);
}

GPtrArray *
spire_conflicts_list_pending (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return list_conflicts (store, cohort_uuid, TRUE, error);
}

GPtrArray *
spire_conflicts_list (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return list_conflicts (store, cohort_uuid, FALSE, error);
}

gboolean
spire_conflict_confirm (SpireStore *store, const char *conflict_uuid, GError **error)
{
  g_autoptr (SpireRecord) c = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  c = get (store, &spire_kind_conflict, conflict_uuid, error);
  if (c == NULL)
    return FALSE;
  if (spire_record_get_bool (c, "confirmed"))
    return TRUE;
  if (!spire_record_is_null (c, "dismissed_at"))
    {
      g_autofree char *when = format_time (spire_record_get_text (c, "dismissed_at"));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("This conflict of interest was dismissed (%s) and stays on record as "
                     "dismissed. If it is a conflict after all, declare it."),
                   when ? when : spire_record_get_text (c, "dismissed_at"));
    }
  spire_record_set_bool (c, "confirmed", TRUE);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !delete_blocked_assignments (store, spire_record_get_text (c, "evaluator"),
                                   spire_record_get_text (c, "application"),
                                   spire_record_get_text (c, "startup"), error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

gboolean
spire_conflict_dismiss (SpireStore *store, const char *conflict_uuid, const char *reason,
                        GError **error)
{
  g_autoptr (SpireRecord) c = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = stripped (reason);
  g_autofree char *now = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  c = get (store, &spire_kind_conflict, conflict_uuid, error);
  if (c == NULL)
    return FALSE;
  if (!spire_record_is_null (c, "dismissed_at"))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("This conflict of interest was dismissed already."));
  if (g_strcmp0 (spire_record_get_text (c, "origin"), "detected") != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("A declared conflict of interest cannot be dismissed; it stays on record."));
  if (spire_record_get_bool (c, "confirmed"))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("This conflict of interest has been confirmed and stays on record."));
  if (is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write why this is not a conflict of interest; the reason is kept in the "
                   "history."));

  now = spire_now_utc ();
  spire_record_set_text (c, "dismissed_at", now);
  spire_record_set_text (c, "dismissed_by", spire_store_get_actor (store));
  spire_record_set_text (c, "dismiss_reason", why);
  node = spire_record_to_json (c, FALSE);
  after = json_to_string (node, FALSE);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !spire_store_audit (store, "conflict", conflict_uuid, "dismiss", NULL, after, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

/* Assignment */

static gboolean
refuse_conflict (SpireStore *store, SpireRecord *ev, SpireRecord *app, SpireRecord *conflict,
                 gboolean review, GError **error)
{
  g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));
  g_autofree char *startup = startup_name_of_application (store, app);
  const char *reason = conflict ? spire_record_get_text (conflict, "reason") : NULL;

  if (review)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("%s has a conflict of interest with “%s” (%s) and cannot review its "
                   "application “%s”."),
                 name, startup, reason ? reason : _("no reason given"),
                 spire_record_get_display_name (app));
  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("%s has a conflict of interest with “%s” (%s) and cannot be assigned its "
                 "application “%s”."),
               name, startup, reason ? reason : _("no reason given"),
               spire_record_get_display_name (app));
}

static gboolean
check_assignable (SpireStore *store, SpireRecord *ev, SpireRecord *app, GError **error)
{
  g_autoptr (SpireRecord) conflict = NULL;
  const char *status = spire_record_get_text (app, "status");

  if (g_strcmp0 (spire_record_get_text (ev, "cohort"), spire_record_get_text (app, "cohort")) != 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("“%s” was sent to another cohort than the one %s is a panel member of."),
                   spire_record_get_display_name (app), name);
    }
  if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("%s is an observer on the panel; observers are never assigned "
                     "applications. Make them a member first."),
                   name);
    }
  if (!status_is_assignable (status))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("“%s” is %s and is not evaluated, so it cannot be assigned."),
                 spire_record_get_display_name (app),
                 spire_field_value_label (spire_kind_field (&spire_kind_application, "status"),
                                          status));
  if (spire_conflict_blocks (store, spire_record_get_uuid (ev), spire_record_get_uuid (app),
                             &conflict))
    return refuse_conflict (store, ev, app, conflict, FALSE, error);
  return TRUE;
}

gboolean
spire_assign_many (SpireStore *store, const char *const *evaluator_uuids,
                   const char *const *application_uuids, guint *n_added, GError **error)
{
  g_autoptr (GPtrArray) evs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) apps = g_ptr_array_new_with_free_func (g_object_unref);
  guint added = 0;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (n_added)
    *n_added = 0;
  for (guint i = 0; evaluator_uuids && evaluator_uuids[i]; i++)
    {
      SpireRecord *ev = get (store, &spire_kind_evaluator, evaluator_uuids[i], error);

      if (ev == NULL)
        return FALSE;
      g_ptr_array_add (evs, ev);
    }
  for (guint i = 0; application_uuids && application_uuids[i]; i++)
    {
      SpireRecord *app = get (store, &spire_kind_application, application_uuids[i], error);

      if (app == NULL)
        return FALSE;
      g_ptr_array_add (apps, app);
    }
  for (guint i = 0; i < evs->len; i++)
    for (guint j = 0; j < apps->len; j++)
      if (!check_assignable (store, evs->pdata[i], apps->pdata[j], error))
        return FALSE;

  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < evs->len; i++)
    for (guint j = 0; j < apps->len; j++)
      {
        const char *ev_uuid = spire_record_get_uuid (evs->pdata[i]);
        const char *app_uuid = spire_record_get_uuid (apps->pdata[j]);
        g_autofree char *existing = query_string (
          store, "SELECT uuid FROM assignments WHERE evaluator = ? AND application = ?", 2,
          ev_uuid, app_uuid);
        g_autoptr (SpireRecord) a = NULL;

        if (existing != NULL)
          {
            a = spire_store_get (store, &spire_kind_assignment, existing, error);
            if (a == NULL)
              goto fail;
            if (g_strcmp0 (spire_record_get_text (a, "state"), "declined") != 0)
              continue;
          }
        else
          {
            a = spire_record_new (&spire_kind_assignment);
            spire_record_set_text (a, "evaluator", ev_uuid);
            spire_record_set_text (a, "application", app_uuid);
          }
        spire_record_set_text (a, "state", "assigned");
        if (!spire_store_save (store, a, SPIRE_SAVE_DEFAULT, NULL, error))
          goto fail;
        added++;
      }
  if (!spire_store_commit (store, error))
    return FALSE;
  if (n_added)
    *n_added = added;
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_assign (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
              GError **error)
{
  const char *evs[] = { evaluator_uuid, NULL };
  const char *apps[] = { application_uuid, NULL };

  if (evaluator_uuid == NULL || application_uuid == NULL)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Choose a panel member and an application to assign."));
  return spire_assign_many (store, evs, apps, NULL, error);
}

gboolean
spire_unassign (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
                GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  rows = _spire_store_query (store, error,
                "SELECT uuid FROM assignments WHERE evaluator = ? AND application = ?", 2,
                evaluator_uuid, application_uuid);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);
      g_autofree char *title = query_string (store, "SELECT title FROM applications WHERE uuid = ?",
                                             1, application_uuid);

      return spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("%s is not assigned “%s”."), name,
                   title ? title : "");
    }
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!delete_assignment_rows (store, rows, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

/* Automatic assignment */

enum
{
  CELL_FREE,
  CELL_BLOCKED,  /* a conflict of interest */
  CELL_DECLINED,
  CELL_EXISTING, /* assigned before */
  CELL_PLANNED,  /* assigned now */
};

typedef struct
{
  guint app;
  guint ev;
} Pair;

typedef struct
{
  guint n_ev, n_app, k;
  GPtrArray *evs;   /* rows: uuid, name, public body */
  GPtrArray *apps;  /* rows: uuid, title, startup, startup name, challenge owner */
  guint8 *cell;     /* n_app × n_ev */
  guint *load;
  guint *need;
  gboolean *owner_required; /* needs a panel member of its challenge's owner */
  GArray *planned;  /* Pair */
} Plan;

#define CELL(p, a, e) ((p)->cell[(gsize) (a) * (p)->n_ev + (e)])
#define EV_BODY(p, e) COL ((p)->evs->pdata[e], 2)
#define APP_OWNER(p, a) COL ((p)->apps->pdata[a], 4)

static gboolean
is_owner_member (Plan *p, guint a, guint e)
{
  return APP_OWNER (p, a) != NULL && g_strcmp0 (EV_BODY (p, e), APP_OWNER (p, a)) == 0;
}

/* Has the application a member of its owner among its evaluators,
 * leaving out @except (or G_MAXUINT)? */
static gboolean
owner_satisfied (Plan *p, guint a, guint except)
{
  for (guint e = 0; e < p->n_ev; e++)
    if (e != except && (CELL (p, a, e) == CELL_EXISTING || CELL (p, a, e) == CELL_PLANNED) &&
        is_owner_member (p, a, e))
      return TRUE;
  return FALSE;
}

static guint
count_free (Plan *p, guint a)
{
  guint n = 0;

  for (guint e = 0; e < p->n_ev; e++)
    if (CELL (p, a, e) == CELL_FREE)
      n++;
  return n;
}

static int
compare_apps_for_greedy (gconstpointer x, gconstpointer y, gpointer data)
{
  Plan *p = data;
  guint a = *(const guint *) x, b = *(const guint *) y;
  gboolean oa = p->owner_required[a] && !owner_satisfied (p, a, G_MAXUINT);
  gboolean ob = p->owner_required[b] && !owner_satisfied (p, b, G_MAXUINT);
  guint fa = count_free (p, a), fb = count_free (p, b);

  if (oa != ob)
    return oa ? -1 : 1;
  if (fa != fb)
    return fa < fb ? -1 : 1;
  return a < b ? -1 : (a > b);
}

static void
plan_free (Plan *p)
{
  g_clear_pointer (&p->evs, g_ptr_array_unref);
  g_clear_pointer (&p->apps, g_ptr_array_unref);
  g_free (p->cell);
  g_free (p->load);
  g_free (p->need);
  g_free (p->owner_required);
  g_clear_pointer (&p->planned, g_array_unref);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static char *
body_name (SpireStore *store, const char *uuid)
{
  char *name = query_string (store, "SELECT name FROM public_bodies WHERE uuid = ?", 1, uuid);

  return name ? name : g_strdup ("");
}

/* Moves planned assignments from the most to the least loaded evaluators
 * until the loads are within one, or nothing can move. */
static void
balance (Plan *p)
{
  for (guint round = 0; round < p->planned->len + 1000; round++)
    {
      guint max = 0, min = G_MAXUINT;
      gboolean moved = FALSE;

      for (guint e = 0; e < p->n_ev; e++)
        {
          max = MAX (max, p->load[e]);
          min = MIN (min, p->load[e]);
        }
      if (max - min <= 1)
        return;
      for (guint i = 0; i < p->planned->len && !moved; i++)
        {
          Pair *pair = &g_array_index (p->planned, Pair, i);
          guint a = pair->app, h = pair->ev, best = G_MAXUINT;
          gboolean owner_needed;

          if (p->load[h] != max)
            continue;
          owner_needed = p->owner_required[a] && is_owner_member (p, a, h) &&
                         !owner_satisfied (p, a, h);
          for (guint l = 0; l < p->n_ev; l++)
            {
              if (p->load[l] + 2 > max || CELL (p, a, l) != CELL_FREE)
                continue;
              if (owner_needed && !is_owner_member (p, a, l))
                continue;
              if (best == G_MAXUINT || p->load[l] < p->load[best])
                best = l;
            }
          if (best == G_MAXUINT)
            continue;
          CELL (p, a, h) = CELL_FREE;
          CELL (p, a, best) = CELL_PLANNED;
          p->load[h]--;
          p->load[best]++;
          pair->ev = best;
          moved = TRUE;
        }
      if (!moved)
        return;
    }
}

gboolean
spire_assign_auto (SpireStore *store, const char *cohort_uuid, guint k, guint *n_added,
                   GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (Plan) p = NULL;
  g_autoptr (GPtrArray) assignments = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GHashTable) ev_index = NULL;
  g_autoptr (GHashTable) app_index = NULL;
  g_autoptr (GHashTable) startup_apps = NULL;
  g_autoptr (GArray) order = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autofree char *after = NULL;
  gboolean owner_on_panel;
  guint64 total = 0, total_need = 0;
  guint hi, lo;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (n_added)
    *n_added = 0;
  if (k == 0)
    k = SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION;
  cohort = get (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL)
    return FALSE;
  owner_on_panel = spire_record_get_bool (cohort, "owner_on_panel");

  p = g_new0 (Plan, 1);
  p->k = k;
  p->evs = _spire_store_query (store, error,
                  "SELECT e.uuid, p.name, p.public_body FROM evaluators e "
                  "JOIN persons p ON p.uuid = e.person "
                  "WHERE e.cohort = ? AND e.role <> 'observer' ORDER BY e.uuid",
                  1, cohort_uuid);
  if (p->evs == NULL)
    return FALSE;
  p->apps = _spire_store_query (store, error,
                   "SELECT a.uuid, a.title, a.startup, s.name, c.owner FROM applications a "
                   "JOIN startups s ON s.uuid = a.startup "
                   "LEFT JOIN challenges c ON c.uuid = a.challenge "
                   "WHERE a.cohort = ? AND a.status NOT IN ('ineligible', 'withdrawn') "
                   "ORDER BY a.uuid",
                   1, cohort_uuid);
  if (p->apps == NULL)
    return FALSE;
  assignments = _spire_store_query (store, error,
                       "SELECT s.evaluator, s.application, s.state FROM assignments s "
                       "JOIN evaluators e ON e.uuid = s.evaluator WHERE e.cohort = ?",
                       1, cohort_uuid);
  conflicts = _spire_store_query (store, error,
                     "SELECT c.evaluator, c.application, c.startup FROM conflicts c "
                     "JOIN evaluators e ON e.uuid = c.evaluator "
                     "WHERE e.cohort = ? AND c.dismissed_at IS NULL",
                     1, cohort_uuid);
  if (assignments == NULL || conflicts == NULL)
    return FALSE;

  p->n_ev = p->evs->len;
  p->n_app = p->apps->len;
  if (p->n_app == 0)
    return TRUE;
  if (p->n_ev == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("The panel of “%s” has no members who can review applications (observers "
                   "are never assigned). Add panel members first."),
                 spire_record_get_display_name (cohort));

  p->cell = g_new0 (guint8, (gsize) p->n_app * p->n_ev);
  p->load = g_new0 (guint, p->n_ev);
  p->need = g_new0 (guint, p->n_app);
  p->owner_required = g_new0 (gboolean, p->n_app);
  p->planned = g_array_new (FALSE, FALSE, sizeof (Pair));

  ev_index = g_hash_table_new (g_str_hash, g_str_equal);
  app_index = g_hash_table_new (g_str_hash, g_str_equal);
  startup_apps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_array_unref);
  for (guint e = 0; e < p->n_ev; e++)
    g_hash_table_insert (ev_index, (gpointer) COL (p->evs->pdata[e], 0), GUINT_TO_POINTER (e + 1));
  for (guint a = 0; a < p->n_app; a++)
    {
      const char *startup = COL (p->apps->pdata[a], 2);
      GArray *list = g_hash_table_lookup (startup_apps, startup);

      g_hash_table_insert (app_index, (gpointer) COL (p->apps->pdata[a], 0),
                           GUINT_TO_POINTER (a + 1));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (startup_apps, (gpointer) startup, list);
        }
      g_array_append_val (list, a);
    }

  for (guint i = 0; i < assignments->len; i++)
    {
      GPtrArray *row = assignments->pdata[i];
      guint e = GPOINTER_TO_UINT (g_hash_table_lookup (ev_index, COL (row, 0)));
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (app_index, COL (row, 1)));

      if (e-- == 0)
        continue;
      if (g_strcmp0 (COL (row, 2), "declined") == 0)
        {
          if (a-- > 0)
            CELL (p, a, e) = CELL_DECLINED;
          continue;
        }
      p->load[e]++;
      if (a-- > 0)
        CELL (p, a, e) = CELL_EXISTING;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      GPtrArray *row = conflicts->pdata[i];
      guint e = GPOINTER_TO_UINT (g_hash_table_lookup (ev_index, COL (row, 0)));
      guint a = COL (row, 1) ? GPOINTER_TO_UINT (g_hash_table_lookup (app_index, COL (row, 1))) : 0;
      GArray *list = COL (row, 2) ? g_hash_table_lookup (startup_apps, COL (row, 2)) : NULL;

      if (e-- == 0)
        continue;
      if (a-- > 0 && CELL (p, a, e) != CELL_EXISTING)
        CELL (p, a, e) = CELL_BLOCKED;
      for (guint j = 0; list && j < list->len; j++)
        {
          guint b2 = g_array_index (list, guint, j);

          if (CELL (p, b2, e) != CELL_EXISTING)
            CELL (p, b2, e) = CELL_BLOCKED;
        }
    }

  /* What each application needs, and whether it can get it at all. */
  for (guint a = 0; a < p->n_app; a++)
    {
      guint have = 0, ok = 0, declined = 0;
      gboolean owner_available = FALSE;

      for (guint e = 0; e < p->n_ev; e++)
        {
          guint8 c = CELL (p, a, e);

          have += c == CELL_EXISTING;
          ok += c == CELL_EXISTING || c == CELL_FREE;
          declined += c == CELL_DECLINED;
          if ((c == CELL_EXISTING || c == CELL_FREE) && is_owner_member (p, a, e))
            owner_available = TRUE;
        }
      if (ok < k)
        {
          const char *startup = COL (p->apps->pdata[a], 3);

          if (p->n_ev < k)
            return spire_fail (error, SPIRE_ERROR_INVALID,
                         ngettext ("The panel of “%s” has %u member who can review "
                                   "applications (observers are never assigned); %u are "
                                   "needed for each application.",
                                   "The panel of “%s” has %u members who can review "
                                   "applications (observers are never assigned); %u are "
                                   "needed for each application.",
                                   p->n_ev),
                         spire_record_get_display_name (cohort), p->n_ev, k);
          if (declined > 0)
            return spire_fail (error, SPIRE_ERROR_INVALID,
                         ngettext ("“%s” has only %u panel member who has neither a conflict "
                                   "of interest nor declined it; %u are needed.",
                                   "“%s” has only %u panel members who have neither a conflict "
                                   "of interest nor declined it; %u are needed.",
                                   ok),
                         startup, ok, k);
          return spire_fail (error, SPIRE_ERROR_INVALID,
                       ngettext ("“%s” has only %u panel member without a conflict of "
                                 "interest; %u are needed.",
                                 "“%s” has only %u panel members without a conflict of "
                                 "interest; %u are needed.",
                                 ok),
                       startup, ok, k);
        }
      p->need[a] = have >= k ? 0 : k - have;
      p->owner_required[a] = owner_on_panel && owner_available;
      total_need += p->need[a];
    }
  if (total_need == 0)
    return TRUE;

  for (guint e = 0; e < p->n_ev; e++)
    total += p->load[e];
  total += total_need;
  hi = (guint) ((total + p->n_ev - 1) / p->n_ev);
  lo = (guint) (total / p->n_ev);

  /* Plain reasons first: they name who or what stands in the way. */
  for (guint e = 0; e < p->n_ev; e++)
    {
      guint capacity = p->load[e];

      if (p->load[e] > hi)
        return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("%s already has %u assignments, more than an even share (%u). Remove "
                       "some of them, or assign the rest by hand."),
                     COL (p->evs->pdata[e], 1), p->load[e], hi);
      for (guint a = 0; a < p->n_app; a++)
        capacity += p->need[a] > 0 && CELL (p, a, e) == CELL_FREE;
      if (capacity < lo)
        return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("%s can be given at most %u applications (conflicts of interest and "
                       "declined assignments rule out the others), but an even share is %u. "
                       "Assign fewer evaluators per application, or assign by hand."),
                     COL (p->evs->pdata[e], 1), capacity, lo);
    }
  if (owner_on_panel)
    {
      g_autoptr (GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer key, value;

      for (guint a = 0; a < p->n_app; a++)
        if (p->owner_required[a] && !owner_satisfied (p, a, G_MAXUINT) && p->need[a] > 0)
          {
            guint n = GPOINTER_TO_UINT (g_hash_table_lookup (wanted, APP_OWNER (p, a)));

            g_hash_table_insert (wanted, (gpointer) APP_OWNER (p, a), GUINT_TO_POINTER (n + 1));
          }
      g_hash_table_iter_init (&iter, wanted);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint slots = 0, members = 0, n = GPOINTER_TO_UINT (value);

          for (guint e = 0; e < p->n_ev; e++)
            if (g_strcmp0 (EV_BODY (p, e), key) == 0)
              {
                members++;
                slots += hi > p->load[e] ? hi - p->load[e] : 0;
              }
          if (n > slots)
            {
              g_autofree char *body = body_name (store, key);

              return spire_fail (error, SPIRE_ERROR_INVALID,
                           _("%u applications to challenges of “%s” each need one of its "
                             "panel members, but its %u panel members can take only %u more "
                             "with an even share (%u each). Add panel members from “%s”, or "
                             "turn off “Challenge owner on the panel”."),
                           n, body, members, slots, hi, body);
            }
        }
    }

  /* Greedy: the most constrained applications first, each slot to the
   * least loaded evaluator who may take it; ties rotate with the
   * application so that panels mix. */
  order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint a = 0; a < p->n_app; a++)
    if (p->need[a] > 0)
      g_array_append_val (order, a);
  g_array_sort_with_data (order, compare_apps_for_greedy, p);

  for (guint i = 0; i < order->len; i++)
    {
      guint a = g_array_index (order, guint, i);

      for (guint slot = 0; slot < p->need[a]; slot++)
        {
          gboolean owner_pick = p->owner_required[a] && !owner_satisfied (p, a, G_MAXUINT);
          guint best = G_MAXUINT;
          guint best_key[3] = { 0, 0, 0 };

          for (guint e = 0; e < p->n_ev; e++)
            {
              guint key[3];

              if (CELL (p, a, e) != CELL_FREE || (owner_pick && !is_owner_member (p, a, e)))
                continue;
              key[0] = p->load[e] >= hi;
              key[1] = p->load[e];
              key[2] = (e + p->n_ev - a % p->n_ev) % p->n_ev;
              if (best == G_MAXUINT || key[0] < best_key[0] ||
                  (key[0] == best_key[0] &&
                   (key[1] < best_key[1] || (key[1] == best_key[1] && key[2] < best_key[2]))))
                {
                  best = e;
                  memcpy (best_key, key, sizeof key);
                }
            }
          if (best == G_MAXUINT)
            break; /* the check below reports it */
          CELL (p, a, best) = CELL_PLANNED;
          p->load[best]++;
          g_array_append_val (p->planned, ((Pair) { a, best }));
        }
    }
  balance (p);

  /* Verify before writing anything. */
  {
    guint max = 0, min = G_MAXUINT, e_max = 0, e_min = 0;

    for (guint a = 0; a < p->n_app; a++)
      {
        guint n = 0;

        for (guint e = 0; e < p->n_ev; e++)
          n += CELL (p, a, e) == CELL_EXISTING || CELL (p, a, e) == CELL_PLANNED;
        if (n < k || (p->owner_required[a] && !owner_satisfied (p, a, G_MAXUINT)))
          return spire_fail (error, SPIRE_ERROR_FAILED,
                       _("Spire could not find evaluators for “%s” that meet every rule. "
                         "Resolve conflicts of interest, add panel members, or assign it by "
                         "hand."),
                       COL (p->apps->pdata[a], 3));
      }
    for (guint e = 0; e < p->n_ev; e++)
      {
        if (p->load[e] > max)
          max = p->load[e], e_max = e;
        if (p->load[e] < min)
          min = p->load[e], e_min = e;
      }
    if (max - min > 1)
      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("Spire could not spread the applications evenly over the panel: %s would "
                     "review %u and %s %u. Conflicts of interest, declined assignments or the "
                     "challenge owners' panel members stand in the way; resolve conflicts, "
                     "assign fewer evaluators per application, or assign by hand."),
                   COL (p->evs->pdata[e_max], 1), max, COL (p->evs->pdata[e_min], 1), min);
  }

  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < p->planned->len; i++)
    {
      Pair *pair = &g_array_index (p->planned, Pair, i);
      g_autoptr (SpireRecord) r = spire_record_new (&spire_kind_assignment);
      g_autofree char *uuid = spire_uuid_new ();

      spire_record_set_text (r, "uuid", uuid);
      spire_record_set_text (r, "evaluator", COL (p->evs->pdata[pair->ev], 0));
      spire_record_set_text (r, "application", COL (p->apps->pdata[pair->app], 0));
      spire_record_set_text (r, "state", "assigned");
      if (!spire_store_save (store, r, SPIRE_SAVE_NO_AUDIT | SPIRE_SAVE_NO_VALIDATE, NULL, error))
        goto fail;
    }
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "evaluators_per_application");
  json_builder_add_int_value (b, k);
  json_builder_set_member_name (b, "added");
  json_builder_add_int_value (b, p->planned->len);
  json_builder_end_object (b);
  after = json_string_of (b);
  if (!spire_store_audit (store, "cohort", cohort_uuid, "auto-assign", NULL, after, error))
    goto fail;
  if (!spire_store_commit (store, error))
    return FALSE;
  if (n_added)
    *n_added = p->planned->len;
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

/* Reviews */

static char *
find_review (SpireStore *store, const char *evaluator_uuid, const char *application_uuid)
{
  return query_string (store, "SELECT uuid FROM reviews WHERE evaluator = ? AND application = ?",
                       2, evaluator_uuid, application_uuid);
}

static char *
assignment_of (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
               char **state)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, NULL,
                                      "SELECT uuid, state FROM assignments "
                                      "WHERE evaluator = ? AND application = ?",
                                      2, evaluator_uuid, application_uuid);

  if (state)
    *state = NULL;
  if (rows == NULL || rows->len == 0)
    return NULL;
  if (state)
    *state = g_strdup (COL (rows->pdata[0], 1));
  return g_strdup (COL (rows->pdata[0], 0));
}

/* The evaluator may work on the application: assigned, not declined, no
 * conflict of interest. */
static gboolean
check_may_review (SpireStore *store, SpireRecord *ev, SpireRecord *app, GError **error)
{
  g_autoptr (SpireRecord) conflict = NULL;
  g_autofree char *state = NULL;
  g_autofree char *assignment = assignment_of (store, spire_record_get_uuid (ev),
                                               spire_record_get_uuid (app), &state);

  if (spire_conflict_blocks (store, spire_record_get_uuid (ev), spire_record_get_uuid (app),
                             &conflict))
    return refuse_conflict (store, ev, app, conflict, TRUE, error);
  if (assignment == NULL || g_strcmp0 (state, "declined") == 0)
    {
      g_autofree char *name = spire_evaluator_get_name (store, spire_record_get_uuid (ev));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("%s is not assigned “%s”, so they cannot review it. The program manager "
                     "assigns applications to the panel."),
                   name, spire_record_get_display_name (app));
    }
  return TRUE;
}

/* Moves the evaluator's assignment of the application to @state (no audit:
 * the review's own entries tell the story). */
static gboolean
set_assignment_state (SpireStore *store, const char *evaluator_uuid,
                      const char *application_uuid, const char *from, const char *state,
                      GError **error)
{
  g_autofree char *current = NULL;
  g_autofree char *uuid = assignment_of (store, evaluator_uuid, application_uuid, &current);
  g_autoptr (SpireRecord) a = NULL;

  if (uuid == NULL || g_strcmp0 (current, state) == 0 ||
      (from != NULL && g_strcmp0 (current, from) != 0))
    return TRUE;
  a = spire_store_get (store, &spire_kind_assignment, uuid, error);
  if (a == NULL)
    return FALSE;
  spire_record_set_text (a, "state", state);
  return spire_store_save (store, a, SPIRE_SAVE_NO_AUDIT, NULL, error);
}

SpireRecord *
spire_review_open (SpireStore *store, const char *evaluator_uuid, const char *application_uuid,
                   GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *uuid = NULL;
  SpireRecord *review;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  ev = get (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return NULL;
  app = get (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return NULL;
  if (!check_may_review (store, ev, app, error))
    return NULL;
  existing = find_review (store, evaluator_uuid, application_uuid);
  if (existing != NULL)
    return spire_store_get (store, &spire_kind_review, existing, error);

  uuid = spire_uuid_new ();
  review = spire_record_new (&spire_kind_review);
  spire_record_set_text (review, "uuid", uuid);
  spire_record_set_text (review, "evaluator", evaluator_uuid);
  spire_record_set_text (review, "application", application_uuid);
  spire_record_set_text (review, "state", "draft");
  spire_record_set_int (review, "rubric_version",
                        rubric_version_of_cohort (store, spire_record_get_text (app, "cohort")));
  spire_record_set_bool (review, "stale", FALSE);
  return review;
}

GPtrArray *
spire_review_list_scores (SpireStore *store, const char *review_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return _spire_store_query_records (store, &spire_kind_score, "s", error,
                                     "FROM scores s JOIN criteria c ON c.uuid = s.criterion "
                                     "WHERE s.review = ? ORDER BY c.position, s.uuid",
                                     1, review_uuid);
}

static gboolean
refuse_submitted (SpireStore *store, SpireRecord *review, GError **error)
{
  g_autofree char *title = query_string (store, "SELECT title FROM applications WHERE uuid = ?", 1,
                                         spire_record_get_text (review, "application"));
  g_autofree char *when = format_time (spire_record_get_text (review, "submitted_at"));

  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("The review of “%s” was submitted on %s and is locked. The program manager "
                 "can reopen it if it must change."),
               title ? title : "", when);
}

static gboolean
refuse_out_of_scale (SpireRecord *rubric, SpireRecord *criterion, double value, GError **error)
{
  g_autofree char *v = format_value (value);

  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("The score %s for “%s” is outside the scale, which goes from %d to %d."), v,
               spire_record_get_display_name (criterion),
               (int) spire_record_get_int (rubric, "scale_min"),
               (int) spire_record_get_int (rubric, "scale_max"));
}

static gboolean
refuse_gate_score (SpireRecord *criterion, GError **error)
{
  return spire_fail (error, SPIRE_ERROR_INVALID,
               _("“%s” is an eligibility gate, answered in the screening; reviews do not score "
                 "it."),
               spire_record_get_display_name (criterion));
}

static gboolean
scores_equal (SpireRecord *a, SpireRecord *b)
{
  double x = spire_record_get_real (a, "value"), y = spire_record_get_real (b, "value");

  return ((isnan (x) && isnan (y)) || x == y) &&
         g_strcmp0 (spire_record_get_text (a, "comment"), spire_record_get_text (b, "comment")) == 0;
}

static gboolean
review_fields_equal (SpireRecord *a, SpireRecord *b)
{
  static const char *const texts[] = {
    "evaluator", "application", "state", "recommendation", "summary", "submitted_at",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (spire_record_get_text (a, texts[i]), spire_record_get_text (b, texts[i])) != 0)
      return FALSE;
  return spire_record_get_int (a, "rubric_version") == spire_record_get_int (b, "rubric_version") &&
         !spire_record_get_bool (a, "stale") == !spire_record_get_bool (b, "stale");
}

gboolean
spire_review_save_draft (SpireStore *store, SpireRecord *review, GPtrArray *scores,
                         GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) stored = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GHashTable) by_uuid = NULL;
  g_autoptr (GHashTable) given = NULL;
  g_autoptr (GPtrArray) old_scores = NULL;
  const char *review_uuid;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPIRE_IS_REVIEW (review), FALSE);

  if (spire_record_get_uuid (review) != NULL)
    stored = spire_store_get (store, &spire_kind_review, spire_record_get_uuid (review), NULL);
  if (stored != NULL &&
      (g_strcmp0 (spire_record_get_text (stored, "evaluator"),
                  spire_record_get_text (review, "evaluator")) != 0 ||
       g_strcmp0 (spire_record_get_text (stored, "application"),
                  spire_record_get_text (review, "application")) != 0))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("A review cannot move to another panel member or application."));
  ev = get (store, &spire_kind_evaluator, spire_record_get_text (review, "evaluator"), error);
  if (ev == NULL)
    return FALSE;
  app = get (store, &spire_kind_application, spire_record_get_text (review, "application"),
             error);
  if (app == NULL)
    return FALSE;
  if (stored == NULL)
    {
      g_autofree char *existing = find_review (store, spire_record_get_uuid (ev),
                                               spire_record_get_uuid (app));

      if (existing != NULL)
        {
          stored = spire_store_get (store, &spire_kind_review, existing, error);
          if (stored == NULL)
            return FALSE;
          spire_record_set_text (review, "uuid", existing);
        }
    }
  if (stored != NULL && g_strcmp0 (spire_record_get_text (stored, "state"), "submitted") == 0)
    return refuse_submitted (store, stored, error);
  if (!check_may_review (store, ev, app, error))
    return FALSE;
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), error);
  if (rubric == NULL)
    return FALSE;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (criteria == NULL)
    return FALSE;
  by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < criteria->len; i++)
    g_hash_table_insert (by_uuid, (gpointer) spire_record_get_uuid (criteria->pdata[i]),
                         criteria->pdata[i]);

  given = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; scores && i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];
      const char *cu = spire_record_get_text (s, "criterion");
      SpireRecord *c = cu ? g_hash_table_lookup (by_uuid, cu) : NULL;
      double v = spire_record_get_real (s, "value");

      if (c == NULL)
        return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("A score refers to a criterion that is not in the rubric of this cohort "
                       "(it may have been removed). Open the review again."));
      if (g_hash_table_contains (given, cu))
        return spire_fail (error, SPIRE_ERROR_INVALID, _("“%s” is scored twice; keep one of them."),
                     spire_record_get_display_name (c));
      if (g_strcmp0 (spire_record_get_text (c, "kind"), "gate") == 0)
        return refuse_gate_score (c, error);
      if (!isnan (v) && !spire_rubric_value_in_scale (rubric, v))
        return refuse_out_of_scale (rubric, c, v, error);
      g_hash_table_add (given, (gpointer) cu);
    }

  spire_record_set_text (review, "state", "draft");
  spire_record_set_null (review, "submitted_at");
  spire_record_set_int (review, "rubric_version", spire_record_get_int (rubric, "version"));
  spire_record_set_bool (review, "stale", FALSE);
  if (!spire_record_validate (review, NULL, error))
    return FALSE;
  review_uuid = spire_record_get_uuid (review);

  if (!spire_store_begin (store, error))
    return FALSE;
  if (stored == NULL || !review_fields_equal (stored, review))
    {
      if (!spire_store_save (store, review, SPIRE_SAVE_NO_AUDIT, NULL, error))
        goto fail;
    }
  else
    {
      spire_record_set_text (review, "created_at", spire_record_get_text (stored, "created_at"));
      spire_record_set_text (review, "updated_at", spire_record_get_text (stored, "updated_at"));
    }
  review_uuid = spire_record_get_uuid (review);

  if (scores != NULL)
    {
      g_autoptr (GHashTable) old_by_criterion = g_hash_table_new (g_str_hash, g_str_equal);

      old_scores = spire_store_list (store, &spire_kind_score, "review", review_uuid, error);
      if (old_scores == NULL)
        goto fail;
      for (guint i = 0; i < old_scores->len; i++)
        g_hash_table_insert (old_by_criterion,
                             (gpointer) spire_record_get_text (old_scores->pdata[i], "criterion"),
                             old_scores->pdata[i]);
      for (guint i = 0; i < scores->len; i++)
        {
          SpireRecord *s = scores->pdata[i];
          SpireRecord *old = g_hash_table_lookup (old_by_criterion,
                                                  spire_record_get_text (s, "criterion"));

          spire_record_set_text (s, "review", review_uuid);
          if (old != NULL)
            {
              spire_record_set_text (s, "uuid", spire_record_get_uuid (old));
              if (scores_equal (old, s))
                {
                  spire_record_set_text (s, "created_at", spire_record_get_text (old, "created_at"));
                  spire_record_set_text (s, "updated_at", spire_record_get_text (old, "updated_at"));
                  continue;
                }
            }
          if (!spire_store_save (store, s, SPIRE_SAVE_NO_AUDIT, NULL, error))
            goto fail;
        }
      for (guint i = 0; i < old_scores->len; i++)
        if (!g_hash_table_contains (given, spire_record_get_text (old_scores->pdata[i], "criterion")) &&
            !spire_store_delete (store, old_scores->pdata[i], error))
          goto fail;
    }
  if (!set_assignment_state (store, spire_record_get_uuid (ev), spire_record_get_uuid (app),
                             "assigned", "drafted", error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_review_submit (SpireStore *store, const char *review_uuid, GError **error)
{
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) app = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GHashTable) by_criterion = NULL;
  g_autofree char *now = NULL;
  guint n_scored = 0, n_valued = 0;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  review = get (store, &spire_kind_review, review_uuid, error);
  if (review == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (review, "state"), "submitted") == 0)
    return refuse_submitted (store, review, error);
  ev = get (store, &spire_kind_evaluator, spire_record_get_text (review, "evaluator"), error);
  app = ev ? get (store, &spire_kind_application, spire_record_get_text (review, "application"),
                  error)
           : NULL;
  if (app == NULL || !check_may_review (store, ev, app, error))
    return FALSE;
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), error);
  if (rubric == NULL)
    return FALSE;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  scores = criteria ? spire_review_list_scores (store, review_uuid, error) : NULL;
  if (scores == NULL)
    return FALSE;
  by_criterion = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < scores->len; i++)
    g_hash_table_insert (by_criterion, (gpointer) spire_record_get_text (scores->pdata[i], "criterion"),
                         scores->pdata[i]);

  for (guint i = 0; i < criteria->len; i++)
    {
      SpireRecord *c = criteria->pdata[i];
      SpireRecord *s = g_hash_table_lookup (by_criterion, spire_record_get_uuid (c));
      const char *kind = spire_record_get_text (c, "kind");
      double v = s ? spire_record_get_real (s, "value") : NAN;

      if (g_strcmp0 (kind, "gate") == 0)
        {
          if (s != NULL && !isnan (v))
            return refuse_gate_score (c, error);
          continue;
        }
      if (s == NULL)
        return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("“%s” has no answer yet. Give it a score or mark it not applicable, then "
                       "submit."),
                     spire_record_get_display_name (c));
      if (!isnan (v) && !spire_rubric_value_in_scale (rubric, v))
        return refuse_out_of_scale (rubric, c, v, error);
      if (g_strcmp0 (kind, "scored") == 0)
        {
          n_scored++;
          n_valued += !isnan (v);
        }
    }
  if (n_scored == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("The rubric has no scored criteria yet, so there is nothing to submit. The "
                   "program manager adds the criteria."));
  if (n_valued == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Give at least one scored criterion a score; a review where every criterion "
                   "is marked not applicable cannot be counted."));

  now = spire_now_utc ();
  spire_record_set_text (review, "state", "submitted");
  spire_record_set_text (review, "submitted_at", now);
  spire_record_set_int (review, "rubric_version", spire_record_get_int (rubric, "version"));
  spire_record_set_bool (review, "stale", FALSE);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, review, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !set_assignment_state (store, spire_record_get_uuid (ev), spire_record_get_uuid (app), NULL,
                             "submitted", error) ||
      !freeze (store, rubric, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

gboolean
spire_review_reopen (SpireStore *store, const char *review_uuid, const char *reason,
                     GError **error)
{
  g_autoptr (SpireRecord) review = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = stripped (reason);

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  review = get (store, &spire_kind_review, review_uuid, error);
  if (review == NULL)
    return FALSE;
  if (g_strcmp0 (spire_record_get_text (review, "state"), "submitted") != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("This review is a draft already; the panel member can go on changing it."));
  if (is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write why the review is reopened; the reason is kept in the history."));
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, why);
  json_builder_set_member_name (b, "submitted_at");
  json_builder_add_string_value (b, spire_record_get_text (review, "submitted_at"));
  json_builder_end_object (b);
  after = json_string_of (b);

  spire_record_set_text (review, "state", "draft");
  spire_record_set_null (review, "submitted_at");
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, review, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !spire_store_audit (store, "review", review_uuid, "reopen", NULL, after, error) ||
      !set_assignment_state (store, spire_record_get_text (review, "evaluator"),
                             spire_record_get_text (review, "application"), "submitted",
                             "drafted", error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

/* What the panel sees */

gboolean
spire_review_can_see_others (SpireStore *store, const char *evaluator_uuid,
                             const char *application_uuid)
{
  g_autofree char *role = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  role = query_string (store, "SELECT role FROM evaluators WHERE uuid = ?", 1, evaluator_uuid);
  if (role == NULL || spire_conflict_blocks (store, evaluator_uuid, application_uuid, NULL))
    return FALSE;
  if (g_str_equal (role, "observer"))
    return TRUE;
  state = query_string (store,
                        "SELECT state FROM reviews WHERE evaluator = ? AND application = ?", 2,
                        evaluator_uuid, application_uuid);
  return g_strcmp0 (state, "submitted") == 0;
}

GPtrArray *
spire_review_list_visible (SpireStore *store, const char *evaluator_uuid,
                           const char *application_uuid, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (!spire_store_exists (store, &spire_kind_evaluator, evaluator_uuid))
    {
      g_autofree char *word = spire_kind_word (&spire_kind_evaluator);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("There is no %s with the UUID %s."), word,
            evaluator_uuid ? evaluator_uuid : "");
      return NULL;
    }
  if (spire_conflict_blocks (store, evaluator_uuid, application_uuid, NULL))
    return g_ptr_array_new_with_free_func (g_object_unref);
  return _spire_store_query_records (
    store, &spire_kind_review, NULL, error,
    "FROM reviews WHERE application = ?1 "
    "AND (evaluator = ?2 OR (?3 IS NOT NULL AND state = 'submitted')) "
    "ORDER BY evaluator <> ?2, submitted_at, uuid",
    3, application_uuid, evaluator_uuid,
    spire_review_can_see_others (store, evaluator_uuid, application_uuid) ? "1" : NULL);
}

/* Blind mode: the applicant's name in the free text.
 *
 * In a blind cohort the panel must not learn who applied from the title,
 * pitch, solution or extra answers either.  Replaced there by
 * "[the applicant]": the startup's name (also without a trailing legal form
 * " AS", " ASA", " SA", " ANS", " DA", " ENK"), its website host with and
 * without "www.", and its organisation number with or without spaces
 * between the digits.
 *
 * Matching compares case-folded characters (g_utf8_casefold() per
 * character of the NFC-normalised text, so "NORDLYS ÆØÅ" matches "Nordlys
 * æøå") and only whole words: a match must neither start right after nor
 * end right before a letter, digit or combining mark.  So "Nordlys" is
 * replaced in "Nordlys har", "(Nordlys)", "Nordlys-teamet" and
 * "nordlys.no", but not inside "Nordlysfestivalen" or "Sørnordlys" — a
 * compound may leave a trace, but ordinary words that merely contain the
 * name are left alone.  Longer terms are tried first ("Nordlys AS" before
 * "Nordlys"). */

typedef struct
{
  gunichar *chars; /* case-folded, NFC */
  glong len;
  gboolean loose; /* white space allowed between the characters (orgnr) */
} RedactTerm;

static void
redact_term_free (gpointer data)
{
  RedactTerm *t = data;

  g_free (t->chars);
  g_free (t);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static void
add_redact_term (GPtrArray *terms, const char *text, gboolean loose)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  RedactTerm *t;

  if (text == NULL)
    return;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return;
  g_strstrip (nfc);
  if (g_utf8_strlen (nfc, -1) < 2)
    return; /* one letter would wipe out ordinary words */
  folded = g_utf8_casefold (nfc, -1);
  for (guint i = 0; i < terms->len; i++)
    {
      RedactTerm *other = terms->pdata[i];
      g_autofree char *o = g_ucs4_to_utf8 (other->chars, other->len, NULL, NULL, NULL);

      if (other->loose == loose && g_strcmp0 (o, folded) == 0)
        return;
    }
  t = g_new0 (RedactTerm, 1);
  t->chars = g_utf8_to_ucs4_fast (folded, -1, &t->len);
  t->loose = loose;
  g_ptr_array_add (terms, t);
}

static int
compare_terms_cb (gconstpointer a, gconstpointer b)
{
  const RedactTerm *ta = *(RedactTerm *const *) a;
  const RedactTerm *tb = *(RedactTerm *const *) b;

  return (tb->len > ta->len) - (tb->len < ta->len); /* longest first */
}

/* The name without a trailing legal form, or NULL when it has none. */
static char *
name_without_legal_form (const char *name)
{
  static const char *const forms[] = { " ASA", " AS", " SA", " ANS", " DA", " ENK" };
  g_autofree char *copy = g_strstrip (g_strdup (name));
  gsize len = strlen (copy);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      gsize n = strlen (forms[i]);

      if (len > n && g_ascii_strcasecmp (copy + len - n, forms[i]) == 0)
        {
          copy[len - n] = '\0';
          return g_strstrip (g_strdup (copy));
        }
    }
  return NULL;
}

/* The terms that name the startup @startup_uuid; NULL when there is none. */
static GPtrArray *
redact_terms_for (SpireStore *store, const char *startup_uuid)
{
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (redact_term_free);
  g_autofree char *bare = NULL;
  g_autofree char *host = NULL;
  const char *name;

  if (startup_uuid == NULL)
    return NULL;
  startup = spire_store_get (store, &spire_kind_startup, startup_uuid, NULL);
  if (startup == NULL)
    return NULL;
  name = spire_record_get_text (startup, "name");
  add_redact_term (terms, name, FALSE);
  if (name != NULL && (bare = name_without_legal_form (name)) != NULL)
    add_redact_term (terms, bare, FALSE);
  host = website_host (spire_record_get_text (startup, "website"));
  if (host != NULL)
    {
      g_autofree char *www = g_strconcat ("www.", host, NULL);

      add_redact_term (terms, www, FALSE);
      add_redact_term (terms, host, FALSE);
    }
  add_redact_term (terms, spire_record_get_text (startup, "orgnr"), TRUE);
  if (terms->len == 0)
    return NULL;
  g_ptr_array_sort (terms, compare_terms_cb);
  return g_steal_pointer (&terms);
}

/* Whether @t matches at @p (before @end); *@match_end receives where the
 * match ends.  Each character of the text is case-folded on its own (it
 * may fold to several: "ß" → "ss") and compared with the folded term. */
static gboolean
redact_match_at (const char *p, const char *end, const RedactTerm *t, const char **match_end)
{
  glong k = 0;
  const char *q = p;

  while (k < t->len)
    {
      const char *next;
      gunichar c;
      char buf[8];
      g_autofree char *fold = NULL;

      if (q >= end)
        return FALSE;
      c = g_utf8_get_char (q);
      next = g_utf8_next_char (q);
      if (t->loose && k > 0 && is_space_char (c))
        {
          q = next;
          continue;
        }
      if (c < 0x80)
        {
          /* the common case without an allocation */
          if ((gunichar) g_ascii_tolower ((char) c) != t->chars[k])
            return FALSE;
          k++;
          q = next;
          continue;
        }
      memcpy (buf, q, next - q);
      fold = g_utf8_casefold (buf, next - q);
      for (const char *f = fold; *f != '\0'; f = g_utf8_next_char (f))
        {
          if (k >= t->len || g_utf8_get_char (f) != t->chars[k])
            return FALSE;
          k++;
        }
      q = next;
    }
  *match_end = q;
  return TRUE;
}

/* @text with every whole-word match of @terms replaced by the placeholder;
 * NULL when nothing was replaced. */
static char *
redact_text (const char *text, GPtrArray *terms)
{
  g_autofree char *nfc = NULL;
  g_autoptr (GString) out = NULL;
  const char *placeholder;
  const char *p, *end;
  gunichar prev = 0;
  gboolean replaced = FALSE;

  if (text == NULL || *text == '\0' || terms == NULL)
    return NULL;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return NULL; /* not UTF-8: cannot happen for a stored record */
  /* TRANSLATORS: stands for the startup's name, website or organisation
   * number in the texts a blind panel reads */
  placeholder = _("[the applicant]");
  out = g_string_sized_new (strlen (nfc));
  end = nfc + strlen (nfc);
  for (p = nfc; *p != '\0';)
    {
      const char *match_end = NULL;

      if (!is_word_char (prev))
        {
          for (guint i = 0; i < terms->len; i++)
            {
              if (redact_match_at (p, end, terms->pdata[i], &match_end) &&
                  (*match_end == '\0' || !is_word_char (g_utf8_get_char (match_end))))
                break;
              match_end = NULL;
            }
        }
      if (match_end != NULL)
        {
          g_string_append (out, placeholder);
          prev = g_utf8_get_char (g_utf8_prev_char (match_end));
          p = match_end;
          replaced = TRUE;
          continue;
        }
      prev = g_utf8_get_char (p);
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return replaced ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* The string values of a JSON tree (the extra answers), redacted in place;
 * TRUE when something was replaced. */
static gboolean
redact_json (JsonNode *node, GPtrArray *terms)
{
  gboolean replaced = FALSE;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          replaced |= redact_json (member, terms);
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          replaced |= redact_json (json_array_get_element (array, i), terms);
        break;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *text = redact_text (json_node_get_string (node), terms);

          if (text != NULL)
            {
              json_node_set_string (node, text);
              replaced = TRUE;
            }
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  return replaced;
}

static void
redact_record (SpireRecord *copy, GPtrArray *terms)
{
  static const char *const fields[] = { "title", "pitch", "solution" };
  const char *extra;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = redact_text (spire_record_get_text (copy, fields[i]), terms);

      if (text != NULL)
        spire_record_set_text (copy, fields[i], text);
    }

  extra = spire_record_get_text (copy, "extra");
  if (extra != NULL && *extra != '\0')
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, extra, -1, NULL) &&
          json_parser_get_root (parser) != NULL)
        {
          JsonNode *root = json_parser_get_root (parser);

          if (redact_json (root, terms))
            {
              g_autofree char *json = json_to_string (root, FALSE);

              spire_record_set_text (copy, "extra", json);
            }
        }
      else
        {
          /* not JSON after all (cannot be stored so): hide it rather than leak */
          spire_record_set_null (copy, "extra");
        }
    }
}

static SpireRecord *
for_panel (SpireStore *store, SpireRecord *app, gboolean blind)
{
  const SpireKind *kind = &spire_kind_application;
  SpireRecord *copy = spire_record_copy (app);

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SPIRE_FIELD_CONFIDENTIAL)
      spire_record_set_null (copy, kind->fields[i].name);
  if (blind)
    {
      g_autoptr (GPtrArray) terms = redact_terms_for (store, spire_record_get_text (app,
                                                                                   "startup"));

      if (terms != NULL)
        redact_record (copy, terms);
      spire_record_set_null (copy, "startup");
      spire_record_set_null (copy, "contact");
    }
  return copy;
}

static gboolean
cohort_is_blind (SpireStore *store, const char *cohort_uuid)
{
  g_autofree char *blind = query_string (store, "SELECT blind FROM cohorts WHERE uuid = ?", 1,
                                         cohort_uuid);

  /* An unknown cohort hides rather than shows. */
  return blind == NULL || g_strcmp0 (blind, "0") != 0;
}

SpireRecord *
spire_application_for_panel (SpireStore *store, const char *application_uuid, GError **error)
{
  g_autoptr (SpireRecord) app = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  app = get (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return NULL;
  return for_panel (store, app, cohort_is_blind (store, spire_record_get_text (app, "cohort")));
}

GPtrArray *
spire_panel_list_visible_applications (SpireStore *store, const char *evaluator_uuid,
                                       GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  gboolean blind;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  ev = get (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return NULL;
  blind = cohort_is_blind (store, spire_record_get_text (ev, "cohort"));
  if (g_strcmp0 (spire_record_get_text (ev, "role"), "observer") == 0)
    apps = _spire_store_query_records (store, &spire_kind_application, "a", error,
                  "FROM applications a WHERE a.cohort = ?2 "
                  "AND a.status NOT IN ('ineligible', 'withdrawn') "
                  "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                  "AND c.dismissed_at IS NULL "
                  "AND (c.application = a.uuid OR c.startup = a.startup)) "
                  "ORDER BY a.title COLLATE NB, a.uuid",
                  2, evaluator_uuid, spire_record_get_text (ev, "cohort"));
  else
    apps = _spire_store_query_records (store, &spire_kind_application, "a", error,
                  "FROM assignments s JOIN applications a ON a.uuid = s.application "
                  "WHERE s.evaluator = ?1 AND s.state <> 'declined' "
                  "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.evaluator = ?1 "
                  "AND c.dismissed_at IS NULL "
                  "AND (c.application = a.uuid OR c.startup = a.startup)) "
                  "ORDER BY a.title COLLATE NB, a.uuid",
                  1, evaluator_uuid);
  if (apps == NULL)
    return NULL;
  for (guint i = 0; i < apps->len; i++)
    {
      SpireRecord *copy = for_panel (store, apps->pdata[i], blind);

      g_object_unref (apps->pdata[i]);
      apps->pdata[i] = copy;
    }
  return g_steal_pointer (&apps);
}

/* Async */

typedef struct
{
  char *cohort;
  guint k;
} CohortJob;

static void
cohort_job_free (gpointer data)
{
  CohortJob *d = data;

  g_free (d->cohort);
  g_free (d);
}

static CohortJob *
cohort_job_new (const char *cohort_uuid, guint k)
{
  CohortJob *d = g_new0 (CohortJob, 1);

  d->cohort = g_strdup (cohort_uuid);
  d->k = k;
  return d;
}

static gboolean
assign_auto_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
                 GError **error)
{
  CohortJob *d = data;
  guint n = 0;

  if (!spire_assign_auto (store, d->cohort, d->k, &n, error))
    return FALSE;
  *result = GUINT_TO_POINTER (n + 1); /* never NULL */
  return TRUE;
}

void
spire_assign_auto_async (SpireStore *store, const char *cohort_uuid, guint k,
                         GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_assign_auto_async, assign_auto_job,
                  cohort_job_new (cohort_uuid, k), cohort_job_free, NULL, cancellable, NULL,
                  NULL, callback, user_data);
}

gboolean
spire_assign_auto_finish (SpireStore *store, GAsyncResult *result, guint *n_added,
                          GError **error)
{
  gpointer n = NULL;

  if (!_spire_job_finish (store, result, spire_assign_auto_async, &n, error))
    return FALSE;
  if (n_added)
    *n_added = GPOINTER_TO_UINT (n) - 1;
  return TRUE;
}

static gboolean
detect_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  CohortJob *d = data;

  *result = spire_conflicts_detect (store, d->cohort, error);
  return *result != NULL;
}

void
spire_conflicts_detect_async (SpireStore *store, const char *cohort_uuid,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_conflicts_detect_async, detect_job,
                  cohort_job_new (cohort_uuid, 0), cohort_job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL, callback,
                  user_data);
}

GPtrArray *
spire_conflicts_detect_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer found = NULL;

  _spire_job_finish (store, result, spire_conflicts_detect_async, &found, error);
  return found;
}
