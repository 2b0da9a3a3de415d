/* spire-followup-private.h — what the follow-up files share, core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spire-followup.h"
#include "spire-records.h"
#include "spire-store-private.h"

G_BEGIN_DECLS

#define _SPIRE_COL SPIRE_ROW_TEXT

/* The program a deal belongs to (through its application's cohort), or
 * NULL. */
char *_spire_deal_program (SpireStore *store, SpireRecord *deal);
/* The deal's date for thresholds: started_on, else its first event's, else
 * today. */
char *_spire_deal_date (SpireStore *store, SpireRecord *deal);
/* Money from a column ("" or NULL: 0). */
gint64 _spire_col_int (const char *text);

/* SQL: the deals of a program — through its applications, and later deals
 * of the startups it accepted.  ?1 is the program. */
#define SPIRE_PROGRAM_DEALS_SQL                                                 \
  "SELECT d.uuid FROM deals d"                                                  \
  " WHERE d.application IN (SELECT a.uuid FROM applications a"                  \
  "                         JOIN cohorts c ON c.uuid = a.cohort"                \
  "                         WHERE c.program = ?1)"                              \
  " OR (d.application IS NULL AND d.startup IN"                                 \
  "     (SELECT a.startup FROM applications a JOIN cohorts c ON c.uuid = a.cohort" \
  "      WHERE c.program = ?1 AND a.status = 'accepted'))"

G_END_DECLS
