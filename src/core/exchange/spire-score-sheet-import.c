/* spire-score-sheet-import.c — a panel member's score sheet, back at the office
 *
 * A sheet is taken whole or not at all: it is parsed, its package found
 * among those exported from here (and the panel member it was made for),
 * its signature checked with that member's token, its rubric, reviews and
 * values checked against the rubric in force — all before anything is
 * written.  Then each review is merged: the later change wins, and a
 * review made under the rubric in force beats one made under an older one.
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
#include "spire-job-private.h"
#include "spire-package.h"
#include "spire-records.h"
#include "spire-store-private.h"

/* One sheet on its way in: what it says, and what it was checked against. */
typedef struct
{
  const char  *name; /* of the file */
  JsonObject  *root;
  const char  *package;
  const char  *evaluator;
  JsonArray   *criteria_a; /* rubric.criteria */
  JsonArray   *reviews_a;
  double       version; /* rubric.version */
  SpireRecord *registered;
  const char  *cohort; /* of the package */
  char        *person; /* the panel member's name, for messages */
  SpireRecord *rubric;
  GPtrArray   *criteria;
  GHashTable  *criteria_by_uuid;
  GPtrArray   *reviews; /* SheetReview*, checked */
} Sheet;

static gboolean
enum_allowed_state (const char *state)
{
  return state != NULL &&
         spire_field_value_is_allowed (spire_kind_field (&spire_kind_review, "state"), state);
}

typedef struct
{
  JsonObject  *o; /* the sheet's review */
  SpireRecord *app;
  GHashTable  *scores; /* criterion uuid → JsonObject */
} SheetReview;

static void
sheet_review_free (SheetReview *r)
{
  g_clear_object (&r->app);
  g_clear_pointer (&r->scores, g_hash_table_unref);
  g_free (r);
}

/* When a review last changed: submitted_at for a submitted one, else updated_at. */
static const char *
changed_at (const char *state, const char *submitted_at, const char *updated_at)
{
  return g_strcmp0 (state, "submitted") == 0 && submitted_at ? submitted_at : updated_at;
}

static gboolean
office_equals_sheet (SpireRecord *office, GPtrArray *office_scores, SheetReview *r)
{
  static const char *const texts[] = { "state", "recommendation", "summary", "submitted_at" };
  double                   rv = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *a = spire_record_get_text (office, texts[i]);
      const char *b = _spire_json_member_string (r->o, texts[i]);

      /* An empty text is no text, as in records. */
      if (b && *b == '\0')
        b = NULL;
      if (g_strcmp0 (a, b) != 0)
        return FALSE;
    }
  if (_spire_json_member_number (r->o, "rubric_version", TRUE, &rv) &&
      !(isnan (rv) ? spire_record_is_null (office, "rubric_version")
                   : spire_record_get_int (office, "rubric_version") == (gint64) rv))
    return FALSE;
  if (office_scores->len != g_hash_table_size (r->scores))
    return FALSE;
  for (guint i = 0; i < office_scores->len; i++)
    {
      SpireRecord *s = office_scores->pdata[i];
      JsonObject  *so = g_hash_table_lookup (r->scores, spire_record_get_text (s, "criterion"));
      double       v = NAN, ov = spire_record_get_real (s, "value");
      const char  *comment;

      if (so == NULL)
        return FALSE;
      _spire_json_member_number (so, "value", TRUE, &v);
      if (!((isnan (v) && isnan (ov)) || v == ov))
        return FALSE;
      comment = _spire_json_member_string (so, "comment");
      if (comment && *comment == '\0')
        comment = NULL;
      if (g_strcmp0 (comment, spire_record_get_text (s, "comment")) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_assignment (SpireStore *store, const char *evaluator, const char *application,
                const char *state, GError **error)
{
  g_autoptr (GPtrArray) rows = _spire_store_query (store, error,
                                                   "SELECT uuid, state FROM assignments "
                                                   "WHERE evaluator = ? AND application = ?",
                                                   2, evaluator, application);
  g_autoptr (SpireRecord) a = NULL;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0 || g_strcmp0 (COL (rows->pdata[0], 1), state) == 0)
    return TRUE;
  a = spire_store_get (store, &spire_kind_assignment, COL (rows->pdata[0], 0), error);
  if (a == NULL)
    return FALSE;
  spire_record_set_text (a, "state", state);
  return spire_store_save (store, a, SPIRE_SAVE_NO_AUDIT, NULL, error);
}

/* Writes the sheet's review over @office (or as a new review). */
static gboolean
apply_review (SpireStore *store, const char *evaluator, SheetReview *r, SpireRecord *office,
              GPtrArray *office_scores, GError **error)
{
  g_autoptr (SpireRecord) review =
      office ? g_object_ref (office) : spire_record_new (&spire_kind_review);
  const char    *state = _spire_json_member_string (r->o, "state");
  const char    *uuid = _spire_json_member_string (r->o, "uuid");
  double         rv = NAN;
  GHashTableIter iter;
  gpointer       key, value;

  if (office == NULL)
    {
      g_autofree char *fresh = NULL;

      if (uuid == NULL || !g_uuid_string_is_valid (uuid) ||
          spire_store_exists (store, &spire_kind_review, uuid))
        uuid = fresh = spire_uuid_new ();
      spire_record_set_text (review, "uuid", uuid);
      spire_record_set_text (review, "evaluator", evaluator);
      spire_record_set_text (review, "application", spire_record_get_uuid (r->app));
      spire_record_set_text (review, "created_at", _spire_json_member_string (r->o, "created_at"));
    }
  _spire_json_member_number (r->o, "rubric_version", TRUE, &rv);
  spire_record_set_text (review, "state", state);
  spire_record_set_text (review, "recommendation",
                         _spire_json_member_string (r->o, "recommendation"));
  spire_record_set_text (review, "summary", _spire_json_member_string (r->o, "summary"));
  spire_record_set_text (review, "submitted_at", _spire_json_member_string (r->o, "submitted_at"));
  spire_record_set_text (review, "updated_at", _spire_json_member_string (r->o, "updated_at"));
  spire_record_set_int (review, "rubric_version", isnan (rv) ? SPIRE_INT_NONE : (gint64) rv);
  spire_record_set_bool (review, "stale", FALSE);
  if (!spire_store_save (store, review, SPIRE_SAVE_KEEP_TIMES, NULL, error))
    return FALSE;

  for (guint i = 0; office_scores && i < office_scores->len; i++)
    {
      SpireRecord *s = office_scores->pdata[i];

      if (!g_hash_table_contains (r->scores, spire_record_get_text (s, "criterion")) &&
          !spire_store_delete (store, s, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, r->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (SpireRecord) s = NULL;
      double v = NAN;

      for (guint i = 0; office_scores && i < office_scores->len && s == NULL; i++)
        if (g_strcmp0 (spire_record_get_text (office_scores->pdata[i], "criterion"), key) == 0)
          s = g_object_ref (office_scores->pdata[i]);
      if (s == NULL)
        {
          s = spire_record_new (&spire_kind_score);
          spire_record_set_text (s, "review", spire_record_get_uuid (review));
          spire_record_set_text (s, "criterion", key);
        }
      _spire_json_member_number (value, "value", TRUE, &v);
      spire_record_set_real (s, "value", v);
      spire_record_set_text (s, "comment", _spire_json_member_string (value, "comment"));
      if (!spire_store_save (store, s, SPIRE_SAVE_DEFAULT, NULL, error))
        return FALSE;
    }
  return set_assignment (store, evaluator, spire_record_get_uuid (r->app),
                         g_strcmp0 (state, "submitted") == 0 ? "submitted" : "drafted", error);
}

static void
sheet_clear (Sheet *s)
{
  g_clear_object (&s->registered);
  g_clear_pointer (&s->person, g_free);
  g_clear_object (&s->rubric);
  g_clear_pointer (&s->criteria_by_uuid, g_hash_table_unref);
  g_clear_pointer (&s->criteria, g_ptr_array_unref);
  g_clear_pointer (&s->reviews, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

/* Step 1: parse, and find every member the import needs. */
static gboolean
read_sheet (Sheet *s, const char *data, gssize length, JsonParser *parser, GError **error)
{
  JsonObject *rubric_o;
  const char *signature;

  s->root = _spire_package_parse (data, length, parser, s->name, SPIRE_FILE_SHEET, error);
  if (s->root == NULL)
    return FALSE;
  if (!_spire_package_check_format (s->root, SPIRE_FILE_SHEET, s->name, error))
    return FALSE;
  s->package = _spire_json_member_string (s->root, "package");
  s->evaluator = _spire_json_member_string (s->root, "evaluator");
  rubric_o = _spire_json_member_object (s->root, "rubric");
  s->criteria_a = _spire_json_member_array (rubric_o, "criteria");
  s->reviews_a = _spire_json_member_array (s->root, "reviews");
  signature = _spire_json_member_string (s->root, "signature");
  if (s->package == NULL || s->evaluator == NULL || rubric_o == NULL || s->criteria_a == NULL ||
      s->reviews_a == NULL || signature == NULL ||
      !_spire_json_member_number (rubric_o, "version", FALSE, &s->version))
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                       _("“%s” is not a valid score sheet: %s is missing."), s->name,
                       s->package == NULL      ? "package"
                       : s->evaluator == NULL  ? "evaluator"
                       : rubric_o == NULL      ? "rubric"
                       : s->criteria_a == NULL ? "rubric.criteria"
                       : s->reviews_a == NULL  ? "reviews"
                       : signature == NULL     ? "signature"
                                               : "rubric.version");
  if (!_spire_signature_is_well_formed (signature))
    return spire_fail (error, SPIRE_ERROR_SIGNATURE,
                       /* TRANSLATORS: %d is 64 */
                       _("“%s” is not a valid score sheet: its signature is not %d lower-case "
                         "hexadecimal digits. Nothing was imported; ask the panel member to "
                         "export the score sheet again."),
                       s->name, SPIRE_SIGNATURE_HEX_DIGITS);
  return TRUE;
}

/* Step 2: which package, which panel member. */
static gboolean
find_package (SpireStore *store, Sheet *s, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) history = NULL;

  s->registered = spire_store_get (store, &spire_kind_package, s->package, &local);
  if (s->registered != NULL)
    return TRUE;
  if (!g_error_matches (local, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* Exported from here once, but its panel member has left the panel
   * since (the record of their packages went with them): the history
   * says so, for the message only. */
  history = _spire_store_query (store, NULL,
                                "SELECT 1 FROM audit WHERE entity = 'evaluator' "
                                "AND action = 'export-package' "
                                "AND json_valid (after) "
                                "AND json_extract (after, '$.package') = ? "
                                "LIMIT 1",
                                1, s->package);
  if (history != NULL && history->len > 0)
    return spire_fail (error, SPIRE_ERROR_REFERENCE,
                       _("The panel member “%s” comes from is no longer on the panel. Nothing "
                          "was imported."),
                       s->name);
  return spire_fail (error, SPIRE_ERROR_NOT_FOUND,
                     _("“%s” answers an evaluation package that was not exported from this "
                        "database (package %s). Import it into the database the package came "
                        "from. Nothing was imported."),
                     s->name, s->package);
}

/* Step 3: the sheet comes from the member its package was made for, and
 * is signed with their token. */
static gboolean
check_signature (SpireStore *store, Sheet *s, GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autofree char *signature = NULL;

  s->cohort = spire_record_get_text (s->registered, "cohort");
  if (g_strcmp0 (spire_record_get_text (s->registered, "evaluator"), s->evaluator) != 0)
    {
      g_autofree char *meant =
          spire_evaluator_get_name (store, spire_record_get_text (s->registered, "evaluator"));
      g_autofree char *other = spire_evaluator_get_name (store, s->evaluator);

      return spire_fail (error, SPIRE_ERROR_REFERENCE,
                         _("“%s” says it comes from %s, but its package was made for %s. A "
                            "score sheet must come from the panel member the package was made "
                            "for. Nothing was imported."),
                         s->name, *other ? other : _("another panel member"), meant);
    }
  ev = spire_store_get (store, &spire_kind_evaluator, s->evaluator, NULL);
  if (ev == NULL)
    return spire_fail (error, SPIRE_ERROR_REFERENCE,
                       _("The panel member “%s” comes from is no longer on the panel. Nothing "
                          "was imported."),
                       s->name);
  s->person = spire_evaluator_get_name (store, s->evaluator);

  signature = spire_package_sign (s->root, spire_record_get_text (ev, "token"));
  if (signature == NULL ||
      !_spire_signature_equal (signature, _spire_json_member_string (s->root, "signature")))
    return spire_fail (error, SPIRE_ERROR_SIGNATURE,
                       _("The signature of “%s” does not match: the sheet was changed after "
                          "%s exported it, or it was not made from their package. Nothing was "
                          "imported; ask them to export the score sheet again."),
                       s->name, s->person);
  return TRUE;
}

static gboolean
fail_criteria_changed (Sheet *s, GError **error)
{
  return spire_fail (error, SPIRE_ERROR_INVALID,
                     _("The criteria of the rubric have changed since %s's package was made, "
                        "so the scores in “%s” no longer fit them. Send %s a new package. "
                        "Nothing was imported."),
                     s->person, s->name, s->person);
}

/* Step 4a: the sheet was scored under the rubric in force, criterion by
 * criterion. */
static gboolean
check_rubric (SpireStore *store, Sheet *s, GError **error)
{
  gboolean criteria_match;

  s->rubric = spire_rubric_get_for_cohort (store, s->cohort, error);
  if (s->rubric == NULL)
    return FALSE;
  s->criteria = spire_rubric_list_criteria (store, spire_record_get_uuid (s->rubric), error);
  if (s->criteria == NULL)
    return FALSE;
  s->criteria_by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < s->criteria->len; i++)
    g_hash_table_insert (s->criteria_by_uuid,
                         (gpointer) spire_record_get_uuid (s->criteria->pdata[i]),
                         s->criteria->pdata[i]);
  criteria_match = json_array_get_length (s->criteria_a) == s->criteria->len;
  for (guint i = 0; criteria_match && i < json_array_get_length (s->criteria_a); i++)
    {
      JsonNode *n = json_array_get_element (s->criteria_a, i);

      criteria_match = JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
                       g_hash_table_contains (s->criteria_by_uuid, json_node_get_string (n));
    }
  if ((gint64) s->version != spire_record_get_int (s->rubric, "version"))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("The rubric has changed since %s's package was made: the sheet “%s” "
                          "was scored under version %d of the rubric, which is now at version "
                          "%d. Send %s a new package. Nothing was imported."),
                       s->person, s->name, (int) s->version,
                       (int) spire_record_get_int (s->rubric, "version"), s->person);
  if (!criteria_match)
    return fail_criteria_changed (s, error);
  return TRUE;
}

/* Step 4b: a review's fields are there and allowed. */
static gboolean
review_complete (JsonObject *o)
{
  const char *state = _spire_json_member_string (o, "state");
  const char *recommendation = _spire_json_member_string (o, "recommendation");

  return o != NULL && _spire_json_member_string (o, "application") != NULL &&
         _spire_json_member_array (o, "scores") != NULL && enum_allowed_state (state) &&
         !(recommendation && *recommendation &&
           !spire_field_value_is_allowed (spire_kind_field (&spire_kind_review, "recommendation"),
                                          recommendation)) &&
         _spire_json_member_string (o, "updated_at") != NULL &&
         !(g_strcmp0 (state, "submitted") == 0 &&
           _spire_json_member_string (o, "submitted_at") == NULL);
}

/* Step 4c: the member may review the application: it is in the cohort,
 * assigned to them, with no conflict, and a submitted review was scored
 * under the rubric in force. */
static gboolean
check_review_application (SpireStore *store, Sheet *s, SheetReview *r, GError **error)
{
  const char *app_uuid = _spire_json_member_string (r->o, "application");
  g_autoptr (GPtrArray) rows = NULL;
  const char *astate;
  double      rv = NAN;

  r->app = spire_store_get (store, &spire_kind_application, app_uuid, NULL);
  if (r->app == NULL || g_strcmp0 (spire_record_get_text (r->app, "cohort"), s->cohort) != 0)
    return spire_fail (error, SPIRE_ERROR_REFERENCE,
                       _("“%s” holds a review of an application that is not in this cohort "
                          "(%s). Nothing was imported."),
                       s->name, app_uuid);
  rows = _spire_store_query (store, error,
                             "SELECT state FROM assignments "
                             "WHERE evaluator = ? AND application = ?",
                             2, s->evaluator, app_uuid);
  if (rows == NULL)
    return FALSE;
  astate = rows->len ? COL (rows->pdata[0], 0) : NULL;
  if (spire_conflict_blocks (store, s->evaluator, app_uuid, NULL))
    return spire_fail (error, SPIRE_ERROR_REFERENCE,
                       _("%s has a conflict of interest with “%s”, so their review of it in "
                          "“%s” cannot be imported. Nothing was imported."),
                       s->person, spire_record_get_display_name (r->app), s->name);
  if (astate == NULL || g_str_equal (astate, "declined"))
    return spire_fail (error, SPIRE_ERROR_REFERENCE,
                       _("%s is not assigned “%s” (any more), so their review of it in “%s” "
                          "cannot be imported. Assign it to them again, or ask for a sheet "
                          "without it. Nothing was imported."),
                       s->person, spire_record_get_display_name (r->app), s->name);
  if (g_strcmp0 (_spire_json_member_string (r->o, "state"), "submitted") == 0 &&
      (!_spire_json_member_number (r->o, "rubric_version", FALSE, &rv) ||
       (gint64) rv != spire_record_get_int (s->rubric, "version")))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("%s's review of “%s” in “%s” was scored under another version of the "
                          "rubric. Send %s a new package. Nothing was imported."),
                       s->person, spire_record_get_display_name (r->app), s->name, s->person);
  return TRUE;
}

/* Step 4d: reviews[@i].scores[@j] scores a criterion of the rubric once,
 * within the scale, and no gate. */
static gboolean
check_score (Sheet *s, SheetReview *r, JsonArray *scores, guint i, guint j, GError **error)
{
  JsonObject  *so = _spire_json_array_object (scores, j);
  const char  *cu = _spire_json_member_string (so, "criterion");
  SpireRecord *c = cu ? g_hash_table_lookup (s->criteria_by_uuid, cu) : NULL;
  double       v = NAN;
  char         buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (so == NULL || cu == NULL || !_spire_json_member_number (so, "value", TRUE, &v))
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                       _("“%s” is not a valid score sheet: reviews[%u].scores[%u] is "
                          "incomplete."),
                       s->name, i, j);
  if (c == NULL)
    return fail_criteria_changed (s, error);
  if (g_hash_table_contains (r->scores, cu))
    return spire_fail (error, SPIRE_ERROR_FORMAT,
                       _("“%s” is not a valid score sheet: reviews[%u] scores “%s” twice."),
                       s->name, i, spire_record_get_display_name (c));
  if (!isnan (v) && g_strcmp0 (spire_record_get_text (c, "kind"), "gate") == 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("%s's review of “%s” in “%s” scores “%s”, an eligibility gate that "
                          "reviews do not score. Nothing was imported."),
                       s->person, spire_record_get_display_name (r->app), s->name,
                       spire_record_get_display_name (c));
  if (!isnan (v) && spire_rubric_value_in_scale (s->rubric, v) &&
      !spire_rubric_value_is_step (s->rubric, v))
    /* The rubric's scale goes in whole steps (a label per step). */
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("%s's score %s for “%s” in their review of “%s” (in “%s”) is not a "
                         "step of the scale, which goes in whole steps from %d to %d. Nothing "
                         "was imported."),
                       s->person, g_ascii_formatd (buf, sizeof buf, "%g", v),
                       spire_record_get_display_name (c), spire_record_get_display_name (r->app),
                       s->name, (int) spire_record_get_int (s->rubric, "scale_min"),
                       (int) spire_record_get_int (s->rubric, "scale_max"));
  if (!isnan (v) && !spire_rubric_value_in_scale (s->rubric, v))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                       _("%s's score %s for “%s” in their review of “%s” (in “%s”) is "
                          "outside the scale, which goes from %d to %d. Nothing was "
                          "imported."),
                       s->person, g_ascii_formatd (buf, sizeof buf, "%g", v),
                       spire_record_get_display_name (c), spire_record_get_display_name (r->app),
                       s->name, (int) spire_record_get_int (s->rubric, "scale_min"),
                       (int) spire_record_get_int (s->rubric, "scale_max"));
  g_hash_table_insert (r->scores, (gpointer) cu, so);
  return TRUE;
}

/* Step 4: every review, checked before anything is written. */
static gboolean
check_reviews (SpireStore *store, Sheet *s, GError **error)
{
  g_autoptr (GHashTable) reviewed = g_hash_table_new (g_str_hash, g_str_equal);

  s->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_review_free);
  for (guint i = 0; i < json_array_get_length (s->reviews_a); i++)
    {
      JsonObject  *o = _spire_json_array_object (s->reviews_a, i);
      JsonArray   *scores = _spire_json_member_array (o, "scores");
      SheetReview *r;

      if (!review_complete (o))
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                           _("“%s” is not a valid score sheet: reviews[%u] is incomplete."),
                           s->name, i);
      r = g_new0 (SheetReview, 1);
      r->o = o;
      r->scores = g_hash_table_new (g_str_hash, g_str_equal);
      g_ptr_array_add (s->reviews, r);
      if (!check_review_application (store, s, r, error))
        return FALSE;
      /* One review per application: two would leave which counts to chance. */
      if (!g_hash_table_add (reviewed, (gpointer) spire_record_get_uuid (r->app)))
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                           _("“%s” is not a valid score sheet: reviews[%u] reviews “%s” a second "
                             "time. Nothing was imported; ask the panel member to export the "
                             "score sheet again."),
                           s->name, i, spire_record_get_display_name (r->app));
      for (guint j = 0; j < json_array_get_length (scores); j++)
        if (!check_score (s, r, scores, i, j, error))
          return FALSE;
    }
  return TRUE;
}

/* Step 5: applying */

/* Whether the office's review @office stays as it is.  The office keeps
 * what changed later there; on the same second a submission here still
 * beats a draft in the sheet, and a submission in the sheet beats a draft
 * here.  A review here made under an older rubric version gives way to
 * one made under the version in force, whenever it was written. */
static gboolean
office_wins (Sheet *s, SpireRecord *office, SheetReview *r)
{
  const char *state = _spire_json_member_string (r->o, "state");
  const char *office_time, *sheet_time;
  gint64      version = spire_record_get_int (s->rubric, "version");
  double      sheet_rv = NAN;
  gboolean    office_outdated;

  office_time = changed_at (spire_record_get_text (office, "state"),
                            spire_record_get_text (office, "submitted_at"),
                            spire_record_get_text (office, "updated_at"));
  sheet_time = changed_at (state, _spire_json_member_string (r->o, "submitted_at"),
                           _spire_json_member_string (r->o, "updated_at"));
  _spire_json_member_number (r->o, "rubric_version", TRUE, &sheet_rv);
  office_outdated = (spire_record_get_bool (office, "stale") ||
                     spire_record_get_int (office, "rubric_version") < version) &&
                    !isnan (sheet_rv) && (gint64) sheet_rv == version;
  if (office_outdated)
    return FALSE;
  return g_strcmp0 (office_time, sheet_time) > 0 ||
         (g_strcmp0 (office_time, sheet_time) == 0 &&
          (g_strcmp0 (spire_record_get_text (office, "state"), "submitted") == 0 ||
           g_strcmp0 (state, "submitted") != 0));
}

/* Merges one review of the sheet, counting what happened in @counts. */
static gboolean
merge_review (SpireStore *store, Sheet *s, SheetReview *r, SpireSheetStats *counts, GError **error)
{
  g_autoptr (SpireRecord) office = NULL;
  g_autoptr (GPtrArray) office_scores = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  const char *state = _spire_json_member_string (r->o, "state");

  rows = _spire_store_query (store, error,
                             "SELECT uuid FROM reviews WHERE evaluator = ? AND application = ?", 2,
                             s->evaluator, spire_record_get_uuid (r->app));
  if (rows == NULL)
    return FALSE;
  if (rows->len > 0)
    {
      const char *office_uuid = COL (rows->pdata[0], 0);

      office = spire_store_get (store, &spire_kind_review, office_uuid, error);
      office_scores = office ? spire_review_list_scores (store, office_uuid, error) : NULL;
      if (office_scores == NULL)
        return FALSE;
      if (office_equals_sheet (office, office_scores, r))
        {
          counts->unchanged++;
          return TRUE;
        }
      if (office_wins (s, office, r))
        {
          counts->kept++;
          return TRUE;
        }
    }
  if (!apply_review (store, s->evaluator, r, office, office_scores, error))
    return FALSE;
  if (g_strcmp0 (state, "submitted") == 0 && !spire_rubric_is_frozen (s->rubric))
    {
      g_autofree char *now = spire_now_utc ();

      spire_record_set_text (s->rubric, "frozen_at", now);
      if (!spire_store_save (store, s->rubric, SPIRE_SAVE_DEFAULT, NULL, error))
        return FALSE;
    }
  if (office)
    counts->updated++;
  else
    counts->added++;
  return TRUE;
}

static gboolean
audit_sheet (SpireStore *store, Sheet *s, const SpireSheetStats *counts, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *after = NULL;

  json_builder_begin_object (b);
  _spire_json_add_string (b, "package", s->package);
  _spire_json_add_string (b, "file", s->name);
  _spire_json_add_int (b, "added", counts->added);
  _spire_json_add_int (b, "updated", counts->updated);
  _spire_json_add_int (b, "kept", counts->kept);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  after = _spire_json_text (node, FALSE);
  return spire_store_audit (store, "evaluator", s->evaluator, "import-sheet", NULL, after, error);
}

/* Step 5: every review merged, in one transaction. */
static gboolean
apply_sheet (SpireStore *store, Sheet *s, SpireSheetStats *counts, GError **error)
{
  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < s->reviews->len; i++)
    if (!merge_review (store, s, s->reviews->pdata[i], counts, error))
      goto fail;
  if (counts->added + counts->updated > 0 && !audit_sheet (store, s, counts, error))
    goto fail;
  return spire_store_commit (store, error);

fail:
  spire_store_rollback (store);
  return FALSE;
}

/* Public API */

gboolean
spire_package_import_sheet (SpireStore *store, const char *data, gssize length, const char *name,
                            SpireSheetStats *stats, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (Sheet) s = { 0 };
  SpireSheetStats counts = { 0, 0, 0, 0 };

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (stats)
    *stats = counts;
  s.name = name ? name : "";
  if (!read_sheet (&s, data, length, parser, error) || !find_package (store, &s, error) ||
      !check_signature (store, &s, error) || !check_rubric (store, &s, error) ||
      !check_reviews (store, &s, error) || !apply_sheet (store, &s, &counts, error))
    return FALSE;
  if (stats)
    *stats = counts;
  return TRUE;
}


gboolean
spire_package_import_sheet_file (SpireStore *store, const char *path, SpireSheetStats *stats,
                                 GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  gsize            length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  data = _spire_exchange_read_file (path, NULL, SPIRE_READ_SHEET, &length, error);
  if (data == NULL)
    return FALSE;
  base = g_path_get_basename (path);
  return spire_package_import_sheet (store, data, (gssize) length, base, stats, error);
}

/* Async: several sheets */

static void
sheet_outcome_free (gpointer data)
{
  SpireSheetOutcome *o = data;

  g_free (o->path);
  g_clear_error (&o->error);
  g_free (o);
}

static gboolean
import_sheets_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result,
                   GError **error)
{
  char     **paths = data;
  guint      n = g_strv_length (paths);
  GPtrArray *outcomes = g_ptr_array_new_with_free_func (sheet_outcome_free);

  for (guint i = 0; i < n; i++)
    {
      SpireSheetOutcome *o = g_new0 (SpireSheetOutcome, 1);

      if (g_cancellable_is_cancelled (_spire_job_get_cancellable (job)))
        {
          g_free (o);
          break;
        }
      o->path = g_strdup (paths[i]);
      spire_package_import_sheet_file (store, paths[i], &o->stats, &o->error);
      g_ptr_array_add (outcomes, o);
      _spire_job_progress ((double) (i + 1) / n, job);
    }
  *result = outcomes;
  return TRUE;
}

void
spire_package_import_sheets_async (SpireStore *store, const char *const *paths,
                                   GCancellable *cancellable, SpireProgressFunc progress,
                                   gpointer progress_data, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (paths != NULL);

  _spire_job_run (store, spire_package_import_sheets_async, import_sheets_job,
                  g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, progress, progress_data,
                  callback, user_data);
}

GPtrArray *
spire_package_import_sheets_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer outcomes = NULL;

  _spire_job_finish (store, result, spire_package_import_sheets_async, &outcomes, error);
  return outcomes;
}
