/* spire-phases.c — the phases of an innovation partnership or a
 * pre-commercial procurement, and the purchase option at the end
 *
 * DESIGN.md: each phase has sub-goals, a maximum cost and the right to
 * stop; the purchase option may only be used when every phase was passed
 * and the maximum cost was kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-followup-private.h"
#include "spire-text.h"
#include "spire-validate.h"

SpireRecord *
spire_deal_add_phase (SpireStore *store, const char *deal_uuid, const char *name,
                      const char *planned_on, gint64 max_cost, GError **error)
{
  g_autoptr (SpireRecord) deal = NULL;
  g_autoptr (SpireRecord) phase = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if ((deal = spire_store_get (store, &spire_kind_deal, deal_uuid, error)) == NULL)
    return NULL;
  rows = _spire_store_query (store, error,
                             "SELECT coalesce (max (position), 0) + 1 FROM deal_phases"
                             " WHERE deal = ?",
                             1, deal_uuid);
  if (rows == NULL)
    return NULL;
  phase = spire_record_new (&spire_kind_deal_phase);
  spire_record_set_text (phase, "deal", deal_uuid);
  spire_record_set_int (phase, "position", _spire_col_int (_SPIRE_COL (rows->pdata[0], 0)));
  spire_record_set_text (phase, "name", name);
  spire_record_set_text (phase, "planned_on", planned_on);
  if (max_cost != SPIRE_INT_NONE)
    spire_record_set_int (phase, "max_cost", max_cost);
  spire_record_set_text (phase, "state", "planned");
  if (!spire_store_insert (store, phase, error))
    return NULL;
  return g_steal_pointer (&phase);
}

gboolean
spire_deal_phase_set_state (SpireStore *store, const char *phase_uuid, const char *state,
                            const char *actual_on, gint64 cost, GError **error)
{
  g_autoptr (SpireRecord) phase = NULL;
  g_autofree char *today = spire_today ();

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if ((phase = spire_store_get (store, &spire_kind_deal_phase, phase_uuid, error)) == NULL)
    return FALSE;
  spire_record_set_text (phase, "state", state);
  spire_record_set_text (phase, "actual_on", actual_on ? actual_on : today);
  if (cost != SPIRE_INT_NONE)
    spire_record_set_int (phase, "cost", cost);
  return spire_store_update (store, phase, error);
}

char *
spire_deal_option_refusal (SpireStore *store, const char *deal_uuid, GError **error)
{
  g_autoptr (SpireRecord) deal = NULL;
  g_autoptr (GPtrArray) phases = NULL;
  SpireLanguage lang = spire_language_current ();
  gint64 cost = 0, max_cost = 0;
  gboolean any_max = FALSE;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if ((deal = spire_store_get (store, &spire_kind_deal, deal_uuid, error)) == NULL)
    return NULL;
  if (spire_record_is_null (deal, "option_value"))
    return g_strdup (_("The deal has no purchase option."));
  if (spire_record_get_bool (deal, "option_exercised"))
    return g_strdup (_("The purchase option was used already."));
  phases = _spire_store_query (store, error,
                               "SELECT name, state, max_cost, cost FROM deal_phases"
                               " WHERE deal = ? ORDER BY position",
                               1, deal_uuid);
  if (phases == NULL)
    return NULL;
  for (guint i = 0; i < phases->len; i++)
    {
      GPtrArray *row = phases->pdata[i];

      if (g_strcmp0 (_SPIRE_COL (row, 1), "passed") != 0)
        /* TRANSLATORS: "… while the phase “Prototype” is not passed." */
        return g_strdup_printf (_("The purchase option cannot be used while the phase “%s” is "
                                  "not passed."),
                                _SPIRE_COL (row, 0));
      if (_SPIRE_COL (row, 2) != NULL)
        {
          max_cost += _spire_col_int (_SPIRE_COL (row, 2));
          any_max = TRUE;
        }
      cost += _spire_col_int (_SPIRE_COL (row, 3));
    }
  if (any_max && cost > max_cost)
    {
      g_autofree char *cost_text = spire_format_money (cost, lang);
      g_autofree char *max_text = spire_format_money (max_cost, lang);

      return g_strdup_printf (_("The purchase option cannot be used: the phases cost %s, more "
                                "than their maximum of %s."),
                              cost_text, max_text);
    }
  return NULL;
}

gboolean
spire_deal_exercise_option (SpireStore *store, const char *deal_uuid, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *refusal = spire_deal_option_refusal (store, deal_uuid, &local);
  g_autoptr (SpireRecord) deal = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (refusal != NULL)
    return spire_fail (error, SPIRE_ERROR_INVALID, "%s", refusal);
  if ((deal = spire_store_get (store, &spire_kind_deal, deal_uuid, error)) == NULL)
    return FALSE;
  spire_record_set_bool (deal, "option_exercised", TRUE);
  return spire_store_update (store, deal, error);
}
