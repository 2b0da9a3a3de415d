/* spire-report-page.c — paginate first, draw second
 *
 * Pagination walks the blocks with a cursor y on the page: a heading keeps
 * with what follows it (keep_with_next) or moves to the next page, a text that does
 * not fit breaks between its lines, a table between its rows with the
 * header row repeated on the next page, a chart moves whole.  The pieces
 * it makes are all that drawing needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "spire-report-private.h"

typedef struct
{
  SpireReport *self;
  guint page;
  double y;
} Cursor;

static void
add_piece (Cursor *c, guint block, guint from, guint to, gboolean header)
{
  Piece piece = { block, c->page, from, to, c->y, header };

  g_array_append_val (c->self->pieces, piece);
}

static void
new_page (Cursor *c)
{
  c->page++;
  c->y = TOP;
}

/* The line extents of a layout: tops[i] and the total height. */
static void
paginate_text (Cursor *c, guint index, const Block *b)
{
  g_autoptr (PangoLayout) layout = _spire_report_block_layout (c->self->measure, b);
  int n_lines = pango_layout_get_line_count (layout);
  g_autofree double *bottoms = g_new0 (double, n_lines);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0, from = 0;
  double top = 0; /* the layout's y at the start of this piece */

  do
    {
      PangoRectangle rect;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      bottoms[i++] = (double) (rect.y + rect.height) / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter) && i < n_lines);
  pango_layout_iter_free (iter);

  for (i = 0; i < n_lines; i++)
    if (c->y + bottoms[i] - top > BOTTOM && i > from)
      {
        add_piece (c, index, from, i, FALSE);
        new_page (c);
        top = bottoms[i - 1];
        from = i;
      }
    else if (c->y + bottoms[i] - top > BOTTOM && c->y > TOP)
      {
        new_page (c);
      }
  add_piece (c, index, from, n_lines, FALSE);
  c->y += bottoms[n_lines - 1] - top + BLOCK_GAP;
}

/* Measures every row once (the heights stay with the block for drawing)
 * and breaks the table between rows. */
static void
paginate_table (Cursor *c, guint index, Block *b)
{
  PangoContext *context = c->self->measure;
  g_autoptr (GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint from = 0;
  double y;

  b->header_height = b->headers ? _spire_report_row_height (context, b, b->headers, TRUE, NULL)
                                : 0;
  g_free (b->heights);
  b->heights = g_new (double, MAX (b->rows->len, 1));
  if (c->y + b->header_height + 30 > BOTTOM && c->y > TOP)
    new_page (c);
  y = c->y + b->header_height;
  for (guint r = 0; r < b->rows->len; r++)
    {
      double h = _spire_report_row_height (context, b, g_ptr_array_index (b->rows, r), FALSE,
                                           cache);

      b->heights[r] = h;
      if (y + h > BOTTOM && r > from)
        {
          add_piece (c, index, from, r, b->headers != NULL);
          new_page (c);
          from = r;
          y = c->y + b->header_height;
        }
      y += h;
    }
  add_piece (c, index, from, b->rows->len, b->headers != NULL);
  c->y = y + BLOCK_GAP;
}

/* What a heading at @index keeps with it on its page: the headings and
 * short text that follow it, and the first table row or the whole chart
 * after them. */
static double
keep_with_next (SpireReport *self, guint index)
{
  double need = 0;

  for (guint j = index; j < self->blocks->len; j++)
    {
      const Block *b = g_ptr_array_index (self->blocks, j);

      switch (b->kind)
        {
        case BLOCK_HEADING:
          need += b->level == 1 ? 34 : 22;
          continue;
        case BLOCK_TEXT:
          {
            g_autoptr (PangoLayout) layout = _spire_report_block_layout (self->measure, b);
            int h;

            pango_layout_get_size (layout, NULL, &h);
            need += MIN ((double) h / PANGO_SCALE, 80) + BLOCK_GAP;
            continue;
          }
        case BLOCK_TABLE:
          if (b->headers)
            need += _spire_report_row_height (self->measure, b, b->headers, TRUE, NULL);
          if (b->rows->len > 0)
            need += _spire_report_row_height (self->measure, b, g_ptr_array_index (b->rows, 0),
                                              FALSE, NULL);
          break;
        case BLOCK_BARS:
        case BLOCK_BOXES:
        case BLOCK_SPACE:
          need += b->height;
          break;
        case BLOCK_COVER:
        case BLOCK_BREAK:
          break;
        }
      break;
    }
  return MIN (need, BOTTOM - TOP);
}

static void
paginate (SpireReport *self)
{
  Cursor c = { self, 0, TOP };

  self->measure = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  _spire_report_setup_context (self->measure);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (b->kind == BLOCK_TABLE)
        _spire_report_fit_columns (self->measure, b);
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      switch (b->kind)
        {
        case BLOCK_COVER:
          c.y = TOP + 140;
          add_piece (&c, i, 0, 0, FALSE);
          c.y = BOTTOM; /* the cover is a page of its own */
          break;
        case BLOCK_HEADING:
          if (c.y + keep_with_next (self, i) > BOTTOM && c.y > TOP)
            new_page (&c);
          else if (c.y > TOP)
            c.y += b->level == 1 ? 10 : 4;
          add_piece (&c, i, 0, 0, FALSE);
          c.y += (b->level == 1 ? 24 : 18);
          break;
        case BLOCK_TEXT:
          paginate_text (&c, i, b);
          break;
        case BLOCK_SPACE:
          c.y += b->height;
          break;
        case BLOCK_BREAK:
          if (c.y > TOP)
            new_page (&c);
          break;
        case BLOCK_TABLE:
          paginate_table (&c, i, b);
          break;
        case BLOCK_BARS:
        case BLOCK_BOXES:
          if (c.y + b->height > BOTTOM && c.y > TOP)
            new_page (&c);
          add_piece (&c, i, 0, 0, FALSE);
          c.y += b->height + BLOCK_GAP;
          break;
        }
      if (c.y >= BOTTOM && i + 1 < self->blocks->len)
        {
          const Block *next = g_ptr_array_index (self->blocks, i + 1);

          if (next->kind != BLOCK_BREAK)
            new_page (&c);
        }
    }
  self->n_pages = c.page + 1;
  /* Drawing makes its own context: a report paginated in a worker thread
   * keeps no pango object of that thread's font map. */
  g_clear_object (&self->measure);
}

guint
spire_report_get_n_pages (SpireReport *self)
{
  g_return_val_if_fail (SPIRE_IS_REPORT (self), 0);
  if (self->pieces == NULL)
    paginate (self);
  return self->n_pages;
}

/* Drawing */

static void
draw_frame (SpireReport *self, cairo_t *cr, PangoContext *context, guint page)
{
  SpireReportText *t = self->text;
  g_autofree char *header = g_markup_escape_text (self->header ? self->header : "", -1);
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autofree char *date = spire_report_text_date (t, self->data_date);
  /* TRANSLATORS: the footer of a report page: the date the data is from */
  g_autofree char *data = g_markup_printf_escaped (_r (t, "Data as of %s"), date);
  /* TRANSLATORS: the footer of a report page: "Page 3 of 12" */
  g_autofree char *of = g_strdup_printf (_r (t, "Page %u of %u"), page + 1, self->n_pages);
  g_autoptr (PangoLayout) left = NULL, right = NULL, foot_left = NULL, foot_right = NULL;

  left = _spire_report_layout (context, header, SMALL_SIZE, FALSE, TEXT_WIDTH * 0.6,
                               PANGO_ALIGN_LEFT);
  right = _spire_report_layout (context, title, SMALL_SIZE, FALSE, TEXT_WIDTH * 0.4,
                                PANGO_ALIGN_RIGHT);
  foot_left = _spire_report_layout (context, data, SMALL_SIZE, FALSE, TEXT_WIDTH * 0.6,
                                    PANGO_ALIGN_LEFT);
  foot_right = _spire_report_layout (context, of, SMALL_SIZE, FALSE, TEXT_WIDTH * 0.4,
                                     PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.35, 0.37, 0.4);
  cairo_move_to (cr, MARGIN, 36);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN + TEXT_WIDTH * 0.6, 36);
  pango_cairo_show_layout (cr, right);
  cairo_move_to (cr, MARGIN, BOTTOM + 26);
  pango_cairo_show_layout (cr, foot_left);
  cairo_move_to (cr, MARGIN + TEXT_WIDTH * 0.6, BOTTOM + 26);
  pango_cairo_show_layout (cr, foot_right);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, 52);
  cairo_rel_line_to (cr, TEXT_WIDTH, 0);
  cairo_move_to (cr, MARGIN, BOTTOM + 20);
  cairo_rel_line_to (cr, TEXT_WIDTH, 0);
  cairo_stroke (cr);
}

static void
add_bookmark (SpireReport *self, cairo_t *cr, const Block *b, guint page, double y)
{
  cairo_surface_t *surface = cairo_get_target (cr);
  g_autofree char *link = NULL;
  int id;

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF || b->bookmark == NULL)
    return;
  link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) MARGIN, (int) y);
  id = cairo_pdf_surface_add_outline (surface,
                                      b->level == 1 ? CAIRO_PDF_OUTLINE_ROOT
                                                    : self->outline_level1,
                                      b->bookmark, link, 0);
  if (b->level == 1)
    self->outline_level1 = id;
}

static void
draw_text_lines (cairo_t *cr, PangoLayout *layout, guint from, guint to, double y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint i = 0;
  double top = -1;

  do
    {
      if (i >= from && i < to)
        {
          PangoRectangle rect;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          if (top < 0)
            top = (double) rect.y / PANGO_SCALE;
          cairo_move_to (cr, MARGIN + (double) rect.x / PANGO_SCALE, y + baseline - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_piece (SpireReport *self, cairo_t *cr, PangoContext *context, const Piece *p,
            GHashTable *layouts)
{
  const Block *b = g_ptr_array_index (self->blocks, p->block);
  double y = p->y;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  switch (b->kind)
    {
    case BLOCK_COVER:
    case BLOCK_HEADING:
      {
        g_autoptr (PangoLayout) layout = _spire_report_layout (context, b->text, BODY_SIZE,
                                                               FALSE, TEXT_WIDTH,
                                                               PANGO_ALIGN_LEFT);

        add_bookmark (self, cr, b, p->page, y);
        cairo_move_to (cr, MARGIN, y);
        pango_cairo_show_layout (cr, layout);
      }
      break;
    case BLOCK_TEXT:
      {
        g_autoptr (PangoLayout) layout = _spire_report_block_layout (context, b);

        draw_text_lines (cr, layout, p->from, p->to, y);
      }
      break;
    case BLOCK_TABLE:
      if (p->header)
        {
          _spire_report_draw_row (cr, context, b, b->headers, TRUE, y, b->header_height, 0,
                                  layouts);
          y += b->header_height;
        }
      for (guint r = p->from; r < p->to; r++)
        {
          char **cells = g_ptr_array_index (b->rows, r);

          _spire_report_draw_row (cr, context, b, cells, FALSE, y, b->heights[r], r, layouts);
          y += b->heights[r];
        }
      break;
    case BLOCK_BARS:
      _spire_report_draw_bars (cr, context, b, y);
      break;
    case BLOCK_BOXES:
      _spire_report_draw_boxes (cr, context, b, y);
      break;
    case BLOCK_SPACE:
    case BLOCK_BREAK:
      break;
    }
}

void
spire_report_draw_page (SpireReport *self, cairo_t *cr, guint page)
{
  PangoContext *context;
  /* The cell layouts of this page only: memory stays one page's. */
  g_autoptr (GHashTable) layouts = NULL;

  g_return_if_fail (SPIRE_IS_REPORT (self));
  if (page >= spire_report_get_n_pages (self))
    return;
  layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  context = pango_cairo_create_context (cr);
  _spire_report_setup_context (context);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_frame (self, cr, context, page);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *p = &g_array_index (self->pieces, Piece, i);

      if (p->page == page)
        draw_piece (self, cr, context, p, layouts);
      else if (p->page > page)
        break;
    }
  cairo_restore (cr);
  g_clear_pointer (&layouts, g_hash_table_unref);
  g_object_unref (context);
}
