/* spire-thresholds.c — procurement thresholds in force on a date, and the
 * procedure hint
 *
 * GLOSSARY.md: the regulation applies from 100 000 NOK; the national
 * threshold is 1.3 MNOK; the EEA thresholds are 1.49 MNOK for central
 * government and 2.3 MNOK for municipalities, counties and other bodies
 * (goods and services); building works 57.8 MNOK; health and social
 * services 7.8 MNOK — all excl. VAT, in force from 2024.  Those are built
 * in; a row of procurement_thresholds adds a value from its date on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-followup-private.h"
#include "spire-text.h"

static const struct
{
  const char *scope;
  gint64 amount; /* øre */
} builtin[] = {
  { "regulation", 10000000 },
  { "national", 130000000 },
  { "eea_state", 149000000 },
  { "eea_other", 230000000 },
  { "building_works", 5780000000 },
  { "health_social", 780000000 },
};

gint64
spire_threshold_on (SpireStore *store, const char *scope, const char *date)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), SPIRE_INT_NONE);

  rows = _spire_store_query (store, NULL,
                             "SELECT amount FROM procurement_thresholds"
                             " WHERE scope = ? AND valid_from <= ?"
                             " ORDER BY valid_from DESC LIMIT 1",
                             2, scope, date);
  if (rows && rows->len > 0)
    return _spire_col_int (_SPIRE_COL (rows->pdata[0], 0));
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    if (g_strcmp0 (builtin[i].scope, scope) == 0)
      return builtin[i].amount;
  return SPIRE_INT_NONE;
}

/* "for a municipality", "for a state agency" … as the hint says it. */
static const char *
buyer_words (const char *kind)
{
  if (g_strcmp0 (kind, "municipality") == 0)
    return _("for a municipality");
  if (g_strcmp0 (kind, "city_district") == 0)
    return _("for a city district");
  if (g_strcmp0 (kind, "county") == 0)
    return _("for a county");
  if (g_strcmp0 (kind, "state_agency") == 0)
    return _("for a state agency");
  if (g_strcmp0 (kind, "health_trust") == 0)
    return _("for a health trust");
  return _("for this buyer");
}

/* What the hint measures: an innovation partnership's value is its maximum
 * development cost plus the estimated purchase (GLOSSARY.md). */
static gint64
value_for_thresholds (SpireStore *store, SpireRecord *deal)
{
  gint64 value = spire_record_is_null (deal, "value") ? 0 : spire_record_get_int (deal, "value");
  g_autoptr (GPtrArray) rows = NULL;
  gint64 phases;

  if (g_strcmp0 (spire_record_get_text (deal, "kind"), "innovation_partnership") != 0)
    return value;
  rows = _spire_store_query (store, NULL,
                             "SELECT coalesce (sum (max_cost), 0) FROM deal_phases WHERE deal = ?",
                             1, spire_record_get_uuid (deal));
  phases = rows && rows->len > 0 ? _spire_col_int (_SPIRE_COL (rows->pdata[0], 0)) : 0;
  if (!spire_record_is_null (deal, "option_value"))
    phases += spire_record_get_int (deal, "option_value");
  return MAX (value, phases);
}

typedef struct
{
  gint64 value, national, eea;
  char *value_text, *national_text, *eea_text, *date_text;
  const char *buyer;
} HintFacts;

static void
hint_facts_clear (HintFacts *f)
{
  g_free (f->value_text);
  g_free (f->national_text);
  g_free (f->eea_text);
  g_free (f->date_text);
}

/* A procedure fits when the value allows it: a direct award (or a
 * need-first MVP contract) only up to the national threshold, and none
 * chosen yet is worth a word once the value passes it.  The procedures of
 * the regulation's part III (open, restricted, with negotiation,
 * innovation partnership, …) fit any value. */
static void
add_hints (GPtrArray *hints, const char *procedure, const HintFacts *f)
{
  gboolean direct = g_strcmp0 (procedure, "direct_award") == 0;
  gboolean mvp = g_strcmp0 (procedure, "mvp_contract") == 0;

  if (direct && f->value > f->eea)
    g_ptr_array_add (hints, g_strdup_printf (_("A direct award of %s %s is above the EEA "
                                               "threshold of %s (in force on %s): it must be "
                                               "announced as a competition in Doffin and TED."),
                                             f->value_text, f->buyer, f->eea_text, f->date_text));
  else if (direct && f->value > f->national)
    /* TRANSLATORS: "A direct award of 2 000 000 kr for a municipality is above
     * the national threshold of 1 300 000 kr (in force on 01.03.2026): …" */
    g_ptr_array_add (hints, g_strdup_printf (_("A direct award of %s %s is above the national "
                                               "threshold of %s (in force on %s): it must be "
                                               "announced as a competition in Doffin."),
                                             f->value_text, f->buyer, f->national_text,
                                             f->date_text));
  else if (mvp && f->value > f->eea)
    g_ptr_array_add (hints, g_strdup_printf (_("An MVP contract of %s %s is above the EEA "
                                               "threshold of %s (in force on %s): it must be "
                                               "announced as a competition in Doffin and TED."),
                                             f->value_text, f->buyer, f->eea_text, f->date_text));
  else if (mvp && f->value > f->national)
    g_ptr_array_add (hints, g_strdup_printf (_("An MVP contract of %s %s is above the national "
                                               "threshold of %s (in force on %s): it must be "
                                               "announced as a competition in Doffin."),
                                             f->value_text, f->buyer, f->national_text,
                                             f->date_text));
  else if (procedure == NULL && f->value > f->eea)
    g_ptr_array_add (hints, g_strdup_printf (_("%s %s is above the EEA threshold of %s (in "
                                               "force on %s): choose a procedure of the "
                                               "regulation's part III, announced in Doffin and "
                                               "TED."),
                                             f->value_text, f->buyer, f->eea_text, f->date_text));
  else if (procedure == NULL && f->value > f->national)
    g_ptr_array_add (hints, g_strdup_printf (_("%s %s is above the national threshold of %s (in "
                                               "force on %s): choose a procedure that is "
                                               "announced in Doffin."),
                                             f->value_text, f->buyer, f->national_text,
                                             f->date_text));
}

GPtrArray *
spire_deal_hints (SpireStore *store, SpireRecord *deal, GError **error)
{
  g_autoptr (GPtrArray) hints = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (SpireRecord) buyer = NULL;
  g_autofree char *date = NULL;
  SpireLanguage lang = spire_language_current ();
  const char *procedure = spire_record_get_text (deal, "procedure");
  const char *kind;
  HintFacts f = { 0 };

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (SPIRE_IS_RECORD (deal), NULL);

  buyer = spire_store_get (store, &spire_kind_public_body,
                           spire_record_get_text (deal, "public_body"), error);
  if (buyer == NULL)
    return NULL;
  kind = spire_record_get_text (buyer, "kind");
  date = _spire_deal_date (store, deal);
  f.value = value_for_thresholds (store, deal);
  f.national = spire_threshold_on (store, "national", date);
  f.eea = spire_threshold_on (store, g_strcmp0 (kind, "state_agency") == 0 ? "eea_state"
                                                                          : "eea_other",
                              date);
  if (f.value <= f.national && f.value <= f.eea)
    return g_steal_pointer (&hints);

  f.value_text = spire_format_money (f.value, lang);
  f.national_text = spire_format_money (f.national, lang);
  f.eea_text = spire_format_money (f.eea, lang);
  f.date_text = spire_format_date (date, lang);
  f.buyer = buyer_words (kind);
  add_hints (hints, procedure, &f);
  hint_facts_clear (&f);
  return g_steal_pointer (&hints);
}
