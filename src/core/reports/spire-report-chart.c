/* spire-report-chart.c — charts drawn as vectors, with their numbers on them
 *
 * Two kinds serve every chart of the reports: horizontal bars (the
 * funnel, applicants by challenge and by county, load per evaluator) and a
 * box plot (scores per criterion: the box from the first to the third
 * quartile, the median a line in it, whiskers to the minimum and the
 * maximum, the five numbers written at their places).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-report-private.h"

#define LABEL_WIDTH (TEXT_WIDTH * 0.34)
#define VALUE_WIDTH 90.0

#define NUMBER_WIDTH 24.0 /* a box's number, centred on its place */
#define BOX_HALF 7.0       /* half a box's height */

static void
show_text_sized (cairo_t *cr, PangoContext *context, const char *text, double size, double x,
                 double y, double width, PangoAlignment align)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  g_autoptr (PangoLayout) layout = _spire_report_layout (context, e, size, FALSE, width, align);
  int h;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (layout, NULL, &h);
  cairo_move_to (cr, x, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
show_text (cairo_t *cr, PangoContext *context, const char *text, double x, double y,
           double width, PangoAlignment align)
{
  show_text_sized (cr, context, text, TABLE_SIZE, x, y, width, align);
}

void
_spire_report_draw_bars (cairo_t *cr, PangoContext *context, const Block *b, double y)
{
  double max = 0;
  double x0 = MARGIN + LABEL_WIDTH + 6;
  double span = TEXT_WIDTH - LABEL_WIDTH - 6 - VALUE_WIDTH;

  for (guint i = 0; i < b->n; i++)
    max = MAX (max, b->values[i]);
  for (guint i = 0; i < b->n; i++)
    {
      double mid = y + 4 + i * BAR_ROW + BAR_ROW / 2;
      double w = max > 0 ? span * b->values[i] / max : 0;

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      show_text (cr, context, b->labels[i], MARGIN, mid, LABEL_WIDTH, PANGO_ALIGN_RIGHT);
      cairo_set_source_rgb (cr, 0.2, 0.42, 0.68);
      cairo_rectangle (cr, x0, mid - BAR_ROW * 0.35, MAX (w, 0.8), BAR_ROW * 0.7);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      show_text (cr, context, b->value_texts[i], x0 + w + 4, mid, VALUE_WIDTH, PANGO_ALIGN_LEFT);
    }
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x0, y + 4);
  cairo_line_to (cr, x0, y + 4 + b->n * BAR_ROW);
  cairo_stroke (cr);
}

/* The numbers under a box (minimum, first and third quartile, maximum) at
 * their places, moved apart just enough not to overlap, inside the chart. */
static void
spread_numbers (double *xs, guint n, double left, double right)
{
  for (guint k = 1; k < n; k++)
    xs[k] = MAX (xs[k], xs[k - 1] + NUMBER_WIDTH);
  xs[n - 1] = MIN (xs[n - 1], right);
  for (guint k = n - 1; k > 0; k--)
    xs[k - 1] = MIN (xs[k - 1], xs[k] - NUMBER_WIDTH);
  xs[0] = MAX (xs[0], left);
}

static void
draw_box (cairo_t *cr, PangoContext *context, const Block *b, guint i, double x0, double span,
          double mid)
{
  const SpireReportBox *box = &b->boxes[i];
  char *const *texts = b->value_texts + 5 * i;
  double range = b->max > b->min ? b->max - b->min : 1;
  double x_min = x0 + span * (box->min - b->min) / range;
  double x_q1 = x0 + span * (box->q1 - b->min) / range;
  double x_median = x0 + span * (box->median - b->min) / range;
  double x_q3 = x0 + span * (box->q3 - b->min) / range;
  double x_max = x0 + span * (box->max - b->min) / range;
  double xs[] = { x_min, x_q1, x_q3, x_max };
  const char *below[] = { texts[0], texts[1], texts[3], texts[4] };

  /* Whiskers, with a cap at each end */
  cairo_set_source_rgb (cr, 0.3, 0.32, 0.36);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x_min, mid);
  cairo_line_to (cr, x_q1, mid);
  cairo_move_to (cr, x_q3, mid);
  cairo_line_to (cr, x_max, mid);
  cairo_move_to (cr, x_min, mid - BOX_HALF / 2);
  cairo_line_to (cr, x_min, mid + BOX_HALF / 2);
  cairo_move_to (cr, x_max, mid - BOX_HALF / 2);
  cairo_line_to (cr, x_max, mid + BOX_HALF / 2);
  cairo_stroke (cr);
  /* The box */
  cairo_rectangle (cr, x_q1, mid - BOX_HALF, MAX (x_q3 - x_q1, 0.8), 2 * BOX_HALF);
  cairo_set_source_rgb (cr, 0.78, 0.85, 0.93);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.2, 0.42, 0.68);
  cairo_stroke (cr);
  /* The median */
  cairo_set_source_rgb (cr, 0.75, 0.2, 0.15);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x_median, mid - BOX_HALF);
  cairo_line_to (cr, x_median, mid + BOX_HALF);
  cairo_stroke (cr);
  show_text_sized (cr, context, texts[2], SMALL_SIZE, x_median - NUMBER_WIDTH / 2,
                   mid - BOX_HALF - 6, NUMBER_WIDTH, PANGO_ALIGN_CENTER);
  /* The other four numbers under the box */
  spread_numbers (xs, G_N_ELEMENTS (xs), x0 - NUMBER_WIDTH / 2, x0 + span + NUMBER_WIDTH / 2);
  cairo_set_source_rgb (cr, 0.25, 0.27, 0.3);
  for (guint k = 0; k < G_N_ELEMENTS (xs); k++)
    show_text_sized (cr, context, below[k], SMALL_SIZE, xs[k] - NUMBER_WIDTH / 2,
                     mid + BOX_HALF + 7, NUMBER_WIDTH, PANGO_ALIGN_CENTER);
}

void
_spire_report_draw_boxes (cairo_t *cr, PangoContext *context, const Block *b, double y)
{
  double x0 = MARGIN + LABEL_WIDTH + 6 + NUMBER_WIDTH / 2;
  double span = TEXT_WIDTH - LABEL_WIDTH - 6 - NUMBER_WIDTH;
  double range = b->max > b->min ? b->max - b->min : 1;
  double bottom = y + b->n * BOX_ROW + 4;

  /* The scale: a line and its number at each whole step */
  cairo_set_line_width (cr, 0.3);
  for (double v = ceil (b->min); v <= b->max + 1e-9; v += 1)
    {
      double x = x0 + span * (v - b->min) / range;
      g_autofree char *n = g_strdup_printf ("%g", v);

      cairo_set_source_rgb (cr, 0.8, 0.8, 0.82);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_text (cr, context, n, x - 10, bottom + 8, 20, PANGO_ALIGN_CENTER);
    }
  for (guint i = 0; i < b->n; i++)
    {
      double mid = y + i * BOX_ROW + BOX_ROW / 2;

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      show_text (cr, context, b->labels[i], MARGIN, mid, LABEL_WIDTH, PANGO_ALIGN_RIGHT);
      if (b->boxes[i].n > 0)
        draw_box (cr, context, b, i, x0, span, mid);
    }
}
