/* spire-screening.c — screening: the office answers the gate criteria of
 * the rubric per application; a failed gate makes the application
 * ineligible through a decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"

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
  g_autofree char *uuid = _spire_query_string (store,
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
  g_autofree char *clean_note = _spire_stripped (note);
  g_autofree char *now = NULL;
  const char *status;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  app = _spire_get_record (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return FALSE;
  criterion = _spire_get_record (store, &spire_kind_criterion, criterion_uuid, error);
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
  if (_spire_is_blank (clean_note))
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
  after = _spire_json_string_of (b);

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
      if (!_spire_decide_one (store, app, "ineligible", reason,
                              spire_record_get_int (rubric, "version"), error))
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

  app = _spire_get_record (store, &spire_kind_application, application_uuid, error);
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

  app = _spire_get_record (store, &spire_kind_application, application_uuid, error);
  if (app == NULL)
    return FALSE;
  rubric = spire_rubric_get_for_cohort (store, spire_record_get_text (app, "cohort"), NULL);
  if (rubric == NULL)
    return TRUE;
  {
    g_autofree char *n = _spire_query_string (
        store, "SELECT count(*) FROM criteria WHERE rubric = ? AND kind = 'gate'", 1,
        spire_record_get_uuid (rubric));
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
