/* spire-funnel.c — from application to signed agreement, one query each
 *
 * The steps: applied (every application), eligible (not ineligible, not
 * withdrawn), evaluated (eligible, with at least one submitted review — an
 * application withdrawn after its reviews is not counted), accepted, and then
 * by each accepted application's furthest deal stage: in dialogue or
 * pilot, negotiating, signed (signed, delivering or scaled).  A deal of
 * no_deal does not count, nor a deal of an application that was not
 * accepted (each step is part of the one before).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-error.h"
#include "spire-followup-private.h"

/* ?1 the cohort or program; @apps chooses the applications. */
#define FUNNEL_SQL(apps)                                                             \
  "WITH apps AS (" apps "),"                                                         \
  " far AS (SELECT d.application AS uuid, max (CASE d.stage"                         \
  "          WHEN 'dialogue' THEN 1 WHEN 'pilot' THEN 1 WHEN 'negotiation' THEN 2"   \
  "          WHEN 'signed' THEN 3 WHEN 'delivering' THEN 3 WHEN 'scaled' THEN 3"      \
  "          ELSE 0 END) AS s"                                                        \
  "         FROM deals d JOIN apps ON apps.uuid = d.application"                      \
  "         WHERE apps.status = 'accepted' GROUP BY d.application)"                      \
  " SELECT count (*),"                                                               \
  "  coalesce (sum (apps.status NOT IN ('ineligible', 'withdrawn')), 0),"             \
  "  (SELECT count (*) FROM apps WHERE apps.status NOT IN ('ineligible', 'withdrawn')" \
  "     AND EXISTS (SELECT 1 FROM reviews r"                                           \
  "     WHERE r.application = apps.uuid AND r.state = 'submitted')),"                \
  "  coalesce (sum (apps.status = 'accepted'), 0),"                                   \
  "  (SELECT count (*) FROM far WHERE s = 1),"                                        \
  "  (SELECT count (*) FROM far WHERE s = 2),"                                        \
  "  (SELECT count (*) FROM far WHERE s = 3)"                                         \
  " FROM apps"

static const char sql_cohort[] =
  FUNNEL_SQL ("SELECT uuid, status FROM applications WHERE cohort = ?1");
static const char sql_program[] =
  FUNNEL_SQL ("SELECT a.uuid, a.status FROM applications a"
              " JOIN cohorts c ON c.uuid = a.cohort WHERE c.program = ?1");

static gboolean
read_funnel (SpireStore *store, const char *sql, const SpireKind *kind, const char *uuid,
             SpireFunnel *out, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *row;

  if (!spire_store_exists (store, kind, uuid))
    {
      g_autoptr (SpireRecord) missing = spire_store_get (store, kind, uuid, error);
      return FALSE;
    }
  if ((rows = _spire_store_query (store, error, sql, 1, uuid)) == NULL)
    return FALSE;
  row = rows->pdata[0];
  out->applied = _spire_col_int (_SPIRE_COL (row, 0));
  out->eligible = _spire_col_int (_SPIRE_COL (row, 1));
  out->evaluated = _spire_col_int (_SPIRE_COL (row, 2));
  out->accepted = _spire_col_int (_SPIRE_COL (row, 3));
  out->in_dialogue = _spire_col_int (_SPIRE_COL (row, 4));
  out->negotiating = _spire_col_int (_SPIRE_COL (row, 5));
  out->signed_ = _spire_col_int (_SPIRE_COL (row, 6));
  return TRUE;
}

gboolean
spire_funnel_for_cohort (SpireStore *store, const char *cohort_uuid, SpireFunnel *out,
                         GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return read_funnel (store, sql_cohort, &spire_kind_cohort, cohort_uuid, out, error);
}

gboolean
spire_funnel_for_program (SpireStore *store, const char *program_uuid, SpireFunnel *out,
                          GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return read_funnel (store, sql_program, &spire_kind_program, program_uuid, out, error);
}

const char *const *
spire_funnel_steps (void)
{
  static const char *const steps[] = {
    "applied", "eligible", "evaluated", "accepted", "in_dialogue", "negotiating", "signed", NULL
  };

  return steps;
}

const char *
spire_funnel_step_label (guint i)
{
  static const char *const labels[] = {
    N_("Applied"), N_("Eligible"), N_("Evaluated"), N_("Accepted"),
    N_("In dialogue or pilot"), N_("Negotiating"), N_("Signed"),
  };

  g_return_val_if_fail (i < G_N_ELEMENTS (labels), "");
  return labels[i];
}

static double
ratio (gint64 part, gint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : NAN;
}

void
spire_funnel_values (const SpireFunnel *f, gint64 counts[7], double conversion[7])
{
  counts[0] = f->applied;
  counts[1] = f->eligible;
  counts[2] = f->evaluated;
  counts[3] = f->accepted;
  counts[4] = f->in_dialogue;
  counts[5] = f->negotiating;
  counts[6] = f->signed_;
  conversion[0] = f->applied > 0 ? 1.0 : NAN;
  conversion[1] = ratio (f->eligible, f->applied);
  conversion[2] = ratio (f->evaluated, f->eligible);
  conversion[3] = ratio (f->accepted, f->evaluated);
  conversion[4] = ratio (f->in_dialogue, f->accepted);
  conversion[5] = ratio (f->negotiating, f->accepted);
  conversion[6] = ratio (f->signed_, f->accepted);
}
