/* spire-csv-import-preview.h — what the CSV import dialog's preview shows:
 * its rows, their cells and the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* A row of the preview, for the column view. */
#define SPIRE_TYPE_CSV_ROW_ITEM (spire_csv_row_item_get_type ())
G_DECLARE_FINAL_TYPE (SpireCsvRowItem, spire_csv_row_item, SPIRE, CSV_ROW_ITEM, GObject)

SpireCsvRowItem *_spire_csv_row_item_new (SpireCsvPreview *preview, guint index);

/* "Line 4, “Organisasjonsnummer”: …" */
char *_spire_csv_problem_text (const SpireCsvProblem *problem);
/* "3 new applications from 3 startups; …" */
char *_spire_csv_describe_counts (SpireCsvPreview *preview);
/* Line, startup, application, challenge and what Spire makes of it, for
 * @rows (SpireCsvRowItem). */
void _spire_csv_preview_add_columns (GtkColumnView *view, GListModel *rows);

G_END_DECLS
