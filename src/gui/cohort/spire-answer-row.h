/* spire-answer-row.h — an answer to one of the call's own questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPIRE_TYPE_ANSWER_ROW (spire_answer_row_get_type ())
G_DECLARE_FINAL_TYPE (SpireAnswerRow, spire_answer_row, SPIRE, ANSWER_ROW, AdwActionRow)

/* @question as the title, @answer (NULL or empty: "–") under it. */
GtkWidget *spire_answer_row_new (const char *question, const char *answer);

G_END_DECLS
