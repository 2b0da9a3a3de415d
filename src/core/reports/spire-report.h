/* spire-report.h — one drawing code for a report: PDF, print dialog, CLI
 *
 * A report is built as a list of blocks (a cover, headings, text, tables,
 * charts), then paginated once on A4 and drawn one page at a time: the
 * same spire_report_draw_page() serves the PDF writer and
 * GtkPrintOperation's draw-page (with the unit set to points).  Every page
 * has a header (the program and the cohort, the report's title) and a
 * footer (the date of the data, "Side 3 av 12" / "Page 3 of 12"); tables
 * break across pages with their header row repeated; text wraps, and long
 * text breaks between lines.  Headings are the PDF's bookmarks.  The font
 * family is named (DejaVu Sans) and embedded by cairo as subsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "spire-report-text.h"

G_BEGIN_DECLS

#define SPIRE_REPORT_FONT_FAMILY "DejaVu Sans"
#define SPIRE_REPORT_PAGE_WIDTH 595.275590551 /* A4 in points */
#define SPIRE_REPORT_PAGE_HEIGHT 841.88976378

#define SPIRE_TYPE_REPORT (spire_report_get_type ())
G_DECLARE_FINAL_TYPE (SpireReport, spire_report, SPIRE, REPORT, GObject)

/* @title and @subject for the PDF's metadata and the header; @header the
 * program and cohort ("SmartOslo — Høst 2026"); @data_date the ISO date
 * of the data (the footer). */
SpireReport *spire_report_new (SpireReportText *text, const char *title, const char *subject,
                               const char *header, const char *data_date);
SpireReportText *spire_report_get_text (SpireReport *self);
/* The PDF's author: the operator, when known. */
void spire_report_set_author (SpireReport *self, const char *author);

/* Blocks, in order.  Texts are plain (escaped here). */
void spire_report_add_cover (SpireReport *self, const char *title, const char *const *lines);
/* Level 1 or 2; a bookmark each. */
void spire_report_add_heading (SpireReport *self, int level, const char *text);
void spire_report_add_text (SpireReport *self, const char *text);
/* Pango markup (the caller escapes what it did not write). */
void spire_report_add_markup (SpireReport *self, const char *markup);
void spire_report_add_space (SpireReport *self, double points);
void spire_report_add_page_break (SpireReport *self);

/* A table: @widths are relative (they are scaled to the text width);
 * @headers NULL for a table without a header row (facts: label, value). */
typedef struct _SpireReportTable SpireReportTable;
SpireReportTable *spire_report_add_table (SpireReport *self, guint n_columns,
                                          const char *const *headers, const double *widths,
                                          const gboolean *numeric);
/* @cells: n_columns texts (NULL is empty); copied. */
void spire_report_table_add_row (SpireReportTable *table, const char *const *cells);
/* The same taking the cells (a NULL-ended array of n_columns). */
void spire_report_table_take_row (SpireReportTable *table, char **cells);

/* A horizontal bar chart: a bar per label, its value text at its end. */
void spire_report_add_bars (SpireReport *self, guint n, const char *const *labels,
                            const double *values, const char *const *value_texts);
/* The five numbers of a box plot, and how many values gave them. */
typedef struct
{
  guint n;
  double min, q1, median, q3, max;
} SpireReportBox;

/* The five numbers of @values (@n of them, in any order; not changed):
 * the quartiles interpolate linearly between the sorted values (the
 * p-quantile at position p·(n − 1), as R's default and a spreadsheet's
 * QUARTILE.INC).  All NaN when @n is 0. */
void spire_report_box_compute (const double *values, guint n, SpireReportBox *box);

/* A box plot: per label its box (first to third quartile, the median a
 * line in it, whiskers to the minimum and the maximum) on a scale from
 * @min to @max, with the five numbers on it in the report's language. */
void spire_report_add_boxes (SpireReport *self, guint n, const char *const *labels,
                             const SpireReportBox *boxes, double min, double max);

/* Paginates (once; later calls return the same) and gives the page count. */
guint spire_report_get_n_pages (SpireReport *self);
/* Draws page @page (0-based) on @cr in points, (0, 0) the page's top left.
 * On a PDF surface it also adds the page's bookmarks. */
void spire_report_draw_page (SpireReport *self, cairo_t *cr, guint page);
/* Writes the PDF atomically: into a temporary file next to @path, synced
 * and renamed into place; nothing at @path after an error or a cancel. */
gboolean spire_report_write_pdf (SpireReport *self, const char *path, GCancellable *cancellable,
                                 GError **error);

G_END_DECLS
