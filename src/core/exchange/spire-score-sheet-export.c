/* spire-score-sheet-export.c — a panel member's score sheet
 *
 * The panel member's side of offline evaluation: their reviews and scores
 * in the evaluator database, as a score sheet (spire-package.h draws it)
 * signed with the token their package brought, so that the manager's
 * import can tell it was not changed on the way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-package"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-error.h"
#include "spire-evaluation.h"
#include "spire-exchange-private.h"
#include "spire-package.h"
#include "spire-records.h"
#include "spire-store-private.h"


static void
add_review (SpireStore *store, JsonBuilder *b, SpireRecord *review, GPtrArray *scores)
{
  json_builder_begin_object (b);
  _spire_json_add_string (b, "uuid", spire_record_get_uuid (review));
  _spire_json_add_string (b, "application", spire_record_get_text (review, "application"));
  _spire_json_add_string (b, "state", spire_record_get_text (review, "state"));
  _spire_json_add_string (b, "recommendation", spire_record_get_text (review, "recommendation"));
  _spire_json_add_string (b, "summary", spire_record_get_text (review, "summary"));
  _spire_json_add_string (b, "submitted_at", spire_record_get_text (review, "submitted_at"));
  _spire_json_add_string (b, "created_at", spire_record_get_text (review, "created_at"));
  _spire_json_add_string (b, "updated_at", spire_record_get_text (review, "updated_at"));
  json_builder_set_member_name (b, "rubric_version");
  if (spire_record_is_null (review, "rubric_version"))
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, spire_record_get_int (review, "rubric_version"));
  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  for (guint i = 0; i < scores->len; i++)
    {
      SpireRecord *s = scores->pdata[i];
      double       v = spire_record_get_real (s, "value");

      json_builder_begin_object (b);
      _spire_json_add_string (b, "criterion", spire_record_get_text (s, "criterion"));
      json_builder_set_member_name (b, "value");
      if (isnan (v))
        json_builder_add_null_value (b);
      else
        json_builder_add_double_value (b, v);
      _spire_json_add_string (b, "comment", spire_record_get_text (s, "comment"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
spire_package_export_sheet (SpireStore *store, GError **error)
{
  g_autofree char *package = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *evaluator = NULL;
  g_autofree char *now = NULL;
  g_autofree char *signature = NULL;
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) rubric = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonBuilder) b = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (!spire_package_get_info (store, &package, &cohort, &evaluator, error))
    return NULL;
  ev = spire_store_get (store, &spire_kind_evaluator, evaluator, error);
  if (ev == NULL)
    return NULL;
  rubric = spire_rubric_get_for_cohort (store, cohort, error);
  if (rubric == NULL)
    return NULL;
  criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (rubric), error);
  if (criteria == NULL)
    return NULL;
  rows =
      _spire_store_query (store, error,
                          "SELECT r.uuid FROM reviews r JOIN assignments s "
                          "ON s.evaluator = r.evaluator AND s.application = r.application "
                          "WHERE r.evaluator = ? AND s.state <> 'declined' ORDER BY r.application",
                          1, evaluator);
  if (rows == NULL)
    return NULL;
  now = spire_now_utc ();

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, SPIRE_SHEET_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, SPIRE_SHEET_VERSION);
  _spire_json_add_string (b, "package", package);
  _spire_json_add_string (b, "cohort", cohort);
  _spire_json_add_string (b, "evaluator", evaluator);
  _spire_json_add_string (b, "exported_at", now);
  json_builder_set_member_name (b, "rubric");
  json_builder_begin_object (b);
  _spire_json_add_string (b, "uuid", spire_record_get_uuid (rubric));
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, spire_record_get_int (rubric, "version"));
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (guint i = 0; i < criteria->len; i++)
    json_builder_add_string_value (b, spire_record_get_uuid (criteria->pdata[i]));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "reviews");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (SpireRecord) review =
          spire_store_get (store, &spire_kind_review, COL (rows->pdata[i], 0), error);
      g_autoptr (GPtrArray) scores = NULL;

      if (review == NULL)
        return NULL;
      scores = spire_review_list_scores (store, spire_record_get_uuid (review), error);
      if (scores == NULL)
        return NULL;
      add_review (store, b, review, scores);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  signature = spire_package_sign (json_node_get_object (root), spire_record_get_text (ev, "token"));
  if (signature == NULL)
    {
      spire_fail (error, SPIRE_ERROR_FORMAT,
                  _("The package's token is missing from this database, so the score sheet cannot "
                     "be signed. Open the package again."));
      return NULL;
    }
  json_object_set_string_member (json_node_get_object (root), "signature", signature);
  return _spire_json_text (root, TRUE);
}

gboolean
spire_package_export_sheet_file (SpireStore *store, const char *path, GError **error)
{
  g_autofree char *text = spire_package_export_sheet (store, error);

  return text != NULL && _spire_exchange_write_private_file (path, text, error);
}
