/* spire-report-private.h — what the parts of the report framework share
 *
 * spire-report.c builds the blocks and writes the PDF; spire-report-page.c
 * paginates and draws pages; spire-report-chart.c draws the charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "spire-report.h"
#include "spire-store.h"

G_BEGIN_DECLS

/* Geometry, in points */
#define MARGIN 56.0
#define TEXT_WIDTH (SPIRE_REPORT_PAGE_WIDTH - 2 * MARGIN)
#define TOP 78.0                                        /* below the header */
#define BOTTOM (SPIRE_REPORT_PAGE_HEIGHT - 64.0)        /* above the footer */
#define BODY_SIZE 9.5
#define TABLE_SIZE 8.0
#define SMALL_SIZE 7.5
#define CELL_PAD 3.5
#define BLOCK_GAP 7.0
#define BAR_ROW 17.0
#define BOX_ROW 44.0

typedef enum
{
  BLOCK_COVER,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_SPACE,
  BLOCK_BREAK,
  BLOCK_TABLE,
  BLOCK_BARS,
  BLOCK_BOXES,
} BlockKind;

typedef struct
{
  BlockKind kind;
  int level;       /* cover, heading: the bookmark's level */
  char *text;      /* markup */
  char *bookmark;  /* cover, heading */
  double height;   /* space, charts */
  /* tables */
  guint n_columns;
  char **headers;
  double *widths;  /* points */
  gboolean *numeric;
  GPtrArray *rows; /* char ** */
  double header_height; /* measured by pagination, for drawing */
  double *heights;      /* rows->len of them, likewise */
  /* charts */
  guint n;
  char **labels;
  char **value_texts;
  double *values;
  SpireReportBox *boxes; /* n of them; value_texts holds 5 per box */
  double min, max;
} Block;

/* A block's part on one page: lines [from, to) of a text, rows [from, to)
 * of a table (with its header row first when @header). */
typedef struct
{
  guint block;
  guint page;
  guint from, to;
  double y;
  gboolean header;
} Piece;

struct _SpireReport
{
  GObject parent_instance;
  SpireReportText *text;
  char *title, *subject, *header, *data_date, *author;
  GPtrArray *blocks;
  GArray *pieces;    /* Piece, in page order; NULL before pagination */
  guint n_pages;
  PangoContext *measure; /* while paginating */
  int outline_level1; /* the last level-1 bookmark while drawing */
};

/* spire_report_write_pdf with progress per page drawn. */
gboolean _spire_report_write_pdf_full (SpireReport *self, const char *path,
                                       GCancellable *cancellable, SpireProgressFunc progress,
                                       gpointer progress_data, GError **error);
void _spire_report_setup_context (PangoContext *context);
PangoLayout *_spire_report_layout (PangoContext *context, const char *markup, double size,
                                   gboolean bold, double width, PangoAlignment align);
PangoLayout *_spire_report_block_layout (PangoContext *context, const Block *b);
/* @cache (may be NULL) maps a cell (its column, weight and text) to its
 * height: a table repeats its numbers and words in every row. */
void _spire_report_fit_columns (PangoContext *context, Block *b);
double _spire_report_row_height (PangoContext *context, const Block *b, char **cells,
                                 gboolean header, GHashTable *cache);
/* @layouts (may be NULL) keeps the page's cell layouts by block, column,
 * weight and text: a page repeats its numbers and words. */
void _spire_report_draw_row (cairo_t *cr, PangoContext *context, const Block *b, char **cells,
                             gboolean header, double y, double height, guint index,
                             GHashTable *layouts);
void _spire_report_draw_bars (cairo_t *cr, PangoContext *context, const Block *b, double y);
void _spire_report_draw_boxes (cairo_t *cr, PangoContext *context, const Block *b, double y);

G_END_DECLS
