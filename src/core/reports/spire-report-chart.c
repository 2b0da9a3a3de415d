/* spire-report-chart.c — charts drawn as vectors, with their numbers on them
 *
 * Two kinds serve every chart of the reports: horizontal bars (the
 * funnel, applicants by challenge and by county, load per evaluator) and a
 * dot plot (scores per criterion: each value a dot, the mean a bar).
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

static void
show_text (cairo_t *cr, PangoContext *context, const char *text, double x, double y,
           double width, PangoAlignment align)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  g_autoptr (PangoLayout) layout = _spire_report_layout (context, e, TABLE_SIZE, FALSE, width,
                                                         align);
  int h;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (layout, NULL, &h);
  cairo_move_to (cr, x, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
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

void
_spire_report_draw_dots (cairo_t *cr, PangoContext *context, const Block *b, double y)
{
  double x0 = MARGIN + LABEL_WIDTH + 6;
  double span = TEXT_WIDTH - LABEL_WIDTH - 16;
  double range = b->max > b->min ? b->max - b->min : 1;
  double bottom = y + b->n * DOT_ROW + 4;

  /* The scale: a tick and its number at each whole step */
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
      GArray *values = g_ptr_array_index (b->series, i);
      double mid = y + i * DOT_ROW + DOT_ROW / 2;
      double sum = 0;

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      show_text (cr, context, b->labels[i], MARGIN, mid, LABEL_WIDTH, PANGO_ALIGN_RIGHT);
      cairo_set_source_rgba (cr, 0.2, 0.42, 0.68, 0.35);
      for (guint k = 0; k < values->len; k++)
        {
          double v = g_array_index (values, double, k);
          /* A small deterministic jitter keeps equal values apart. */
          double dy = ((double) (k % 7) - 3) * 1.1;

          sum += v;
          cairo_arc (cr, x0 + span * (v - b->min) / range, mid + dy, 1.8, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      if (values->len > 0)
        {
          double x = x0 + span * (sum / values->len - b->min) / range;

          cairo_set_source_rgb (cr, 0.75, 0.2, 0.15);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x, mid - DOT_ROW * 0.4);
          cairo_line_to (cr, x, mid + DOT_ROW * 0.4);
          cairo_stroke (cr);
        }
    }
}
