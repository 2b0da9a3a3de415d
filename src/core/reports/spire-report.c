/* spire-report.c — blocks, pagination and drawing of a report
 *
 * Paginate first, draw second: spire_report_get_n_pages() measures every
 * block once with a layout context at 72 dpi without hinting (the metrics
 * of a PDF surface) and cuts the blocks into pieces, each on one page at a
 * known height; spire_report_draw_page() draws the pieces of one page, so
 * the page count is known when "Side 1 av N" is drawn and only one page is
 * ever drawn at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-core"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "spire-error.h"
#include "spire-exchange.h"
#include "spire-report-private.h"
#include "spire-settings.h"

G_DEFINE_FINAL_TYPE (SpireReport, spire_report, G_TYPE_OBJECT)

static void
block_free (Block *b)
{
  g_free (b->text);
  g_free (b->bookmark);
  g_strfreev (b->headers);
  g_free (b->widths);
  g_free (b->numeric);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_free (b->heights);
  g_clear_pointer (&b->labels, g_strfreev);
  g_clear_pointer (&b->value_texts, g_strfreev);
  g_free (b->values);
  g_free (b->boxes);
  g_free (b);
}

static void
spire_report_finalize (GObject *object)
{
  SpireReport *self = SPIRE_REPORT (object);

  g_clear_object (&self->text);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->header);
  g_free (self->data_date);
  g_free (self->author);
  g_ptr_array_unref (self->blocks);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_object (&self->measure);
  G_OBJECT_CLASS (spire_report_parent_class)->finalize (object);
}

static void
spire_report_class_init (SpireReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_report_finalize;
}

static void
spire_report_init (SpireReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

SpireReport *
spire_report_new (SpireReportText *text, const char *title, const char *subject,
                  const char *header, const char *data_date)
{
  SpireReport *self = g_object_new (SPIRE_TYPE_REPORT, NULL);

  self->text = g_object_ref (text);
  self->title = g_strdup (title);
  self->subject = g_strdup (subject);
  self->header = g_strdup (header);
  self->data_date = g_strdup (data_date);
  return self;
}

SpireReportText *
spire_report_get_text (SpireReport *self)
{
  return self->text;
}

void
spire_report_set_author (SpireReport *self, const char *author)
{
  g_free (self->author);
  self->author = g_strdup (author);
}

static Block *
add_block (SpireReport *self, BlockKind kind)
{
  Block *b = g_new0 (Block, 1);

  /* A block added after pagination: paginate again when asked. */
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_object (&self->measure);
  b->kind = kind;
  g_ptr_array_add (self->blocks, b);
  return b;
}

void
spire_report_add_cover (SpireReport *self, const char *title, const char *const *lines)
{
  Block *b = add_block (self, BLOCK_COVER);
  g_autoptr (GString) m = g_string_new (NULL);

  b->level = 1;
  b->bookmark = g_strdup (title);
  g_string_append_printf (m, "<span size='24pt' weight='bold'>%s</span>\n", title);
  for (guint i = 0; lines && lines[i]; i++)
    {
      g_autofree char *e = g_markup_escape_text (lines[i], -1);

      g_string_append_printf (m, "\n<span size='13pt'>%s</span>", e);
    }
  b->text = g_string_free (g_steal_pointer (&m), FALSE);
}

void
spire_report_add_heading (SpireReport *self, int level, const char *text)
{
  Block *b = add_block (self, BLOCK_HEADING);

  b->level = CLAMP (level, 1, 2);
  b->bookmark = g_strdup (text);
  b->text = g_markup_printf_escaped (level == 1 ? "<span size='15pt' weight='bold'>%s</span>"
                                                : "<span size='11.5pt' weight='bold'>%s</span>",
                                     text);
}

void
spire_report_add_markup (SpireReport *self, const char *markup)
{
  add_block (self, BLOCK_TEXT)->text = g_strdup (markup);
}

void
spire_report_add_text (SpireReport *self, const char *text)
{
  add_block (self, BLOCK_TEXT)->text = g_markup_escape_text (text ? text : "", -1);
}

void
spire_report_add_space (SpireReport *self, double points)
{
  add_block (self, BLOCK_SPACE)->height = points;
}

void
spire_report_add_page_break (SpireReport *self)
{
  add_block (self, BLOCK_BREAK);
}

SpireReportTable *
spire_report_add_table (SpireReport *self, guint n_columns, const char *const *headers,
                        const double *widths, const gboolean *numeric)
{
  Block *b = add_block (self, BLOCK_TABLE);
  double sum = 0;

  b->n_columns = n_columns;
  if (headers)
    {
      b->headers = g_new0 (char *, n_columns + 1);
      for (guint c = 0; c < n_columns; c++)
        b->headers[c] = g_strdup (headers[c]);
    }
  b->widths = g_new0 (double, n_columns);
  b->numeric = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns; c++)
    sum += widths ? widths[c] : 1.0;
  for (guint c = 0; c < n_columns; c++)
    {
      b->widths[c] = TEXT_WIDTH * (widths ? widths[c] : 1.0) / sum;
      b->numeric[c] = numeric ? numeric[c] : FALSE;
    }
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return (SpireReportTable *) b;
}

void
spire_report_table_take_row (SpireReportTable *table, char **cells)
{
  Block *b = (Block *) table;

  g_ptr_array_add (b->rows, cells);
}

void
spire_report_table_add_row (SpireReportTable *table, const char *const *cells)
{
  Block *b = (Block *) table;
  char **copy = g_new0 (char *, b->n_columns + 1);

  for (guint c = 0; c < b->n_columns; c++)
    copy[c] = g_strdup (cells[c] ? cells[c] : "");
  spire_report_table_take_row (table, copy);
}

void
spire_report_add_bars (SpireReport *self, guint n, const char *const *labels,
                       const double *values, const char *const *value_texts)
{
  Block *b = add_block (self, BLOCK_BARS);

  b->n = n;
  b->labels = g_new0 (char *, n + 1);
  b->value_texts = g_new0 (char *, n + 1);
  b->values = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      b->labels[i] = g_strdup (labels[i]);
      b->value_texts[i] = g_strdup (value_texts[i]);
      b->values[i] = values[i];
    }
  b->height = n * BAR_ROW + 8;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The p-quantile of @sorted: linear between the values around p·(n − 1). */
static double
quantile (const double *sorted, guint n, double p)
{
  double position = p * (n - 1);
  guint below = (guint) position;
  double fraction = position - below;

  if (below + 1 >= n)
    return sorted[n - 1];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

void
spire_report_box_compute (const double *values, guint n, SpireReportBox *box)
{
  g_autofree double *sorted = NULL;

  g_return_if_fail (box != NULL);
  box->n = n;
  if (n == 0)
    {
      box->min = box->q1 = box->median = box->q3 = box->max = NAN;
      return;
    }
  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);
  box->min = sorted[0];
  box->q1 = quantile (sorted, n, 0.25);
  box->median = quantile (sorted, n, 0.5);
  box->q3 = quantile (sorted, n, 0.75);
  box->max = sorted[n - 1];
}

void
spire_report_add_boxes (SpireReport *self, guint n, const char *const *labels,
                        const SpireReportBox *boxes, double min, double max)
{
  Block *b = add_block (self, BLOCK_BOXES);

  b->n = n;
  b->min = min;
  b->max = max;
  b->labels = g_new0 (char *, n + 1);
  b->value_texts = g_new0 (char *, 5 * n + 1);
  b->boxes = g_new0 (SpireReportBox, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const double five[] = { boxes[i].min, boxes[i].q1, boxes[i].median, boxes[i].q3,
                              boxes[i].max };

      b->labels[i] = g_strdup (labels[i]);
      b->boxes[i] = boxes[i];
      for (guint k = 0; k < 5; k++)
        b->value_texts[5 * i + k] = boxes[i].n > 0
                                      ? spire_report_text_number (self->text, five[k], 2)
                                      : g_strdup ("");
    }
  b->height = n * BOX_ROW + 26;
}

/* Layouts */

void
_spire_report_setup_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
}

PangoLayout *
_spire_report_layout (PangoContext *context, const char *markup, double size, gboolean bold,
                      double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, SPIRE_REPORT_FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* The table's fonts, made once: a cell's layout takes its text as it is
 * (no markup to escape and parse again), the most made layout of all. */
static const PangoFontDescription *
cell_font (gboolean header)
{
  static PangoFontDescription *fonts[2];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < 2; i++)
        {
          fonts[i] = pango_font_description_new ();
          pango_font_description_set_family_static (fonts[i], SPIRE_REPORT_FONT_FAMILY);
          pango_font_description_set_size (fonts[i], (int) (TABLE_SIZE * PANGO_SCALE));
          if (i == 1)
            pango_font_description_set_weight (fonts[i], PANGO_WEIGHT_BOLD);
        }
      g_once_init_leave (&done, 1);
    }
  return fonts[header ? 1 : 0];
}

static PangoLayout *
cell_layout (PangoContext *context, const Block *b, guint column, const char *text,
             gboolean header)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, cell_font (header));
  pango_layout_set_width (layout, (int) ((b->widths[column] - 2 * CELL_PAD) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, b->numeric[column] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
cell_height (PangoContext *context, const Block *b, guint column, const char *text,
             gboolean header)
{
  g_autoptr (PangoLayout) layout = cell_layout (context, b, column, text, header);
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* The width of a header's longest word, with the cell's padding. */
static double
longest_header_word (PangoContext *context, const char *header)
{
  g_auto (GStrv) words = g_strsplit_set (header ? header : "", " \n", -1);
  g_autoptr (PangoLayout) layout = pango_layout_new (context);
  double longest = 0;

  pango_layout_set_font_description (layout, cell_font (TRUE));
  for (guint i = 0; words[i] != NULL; i++)
    {
      int w;

      if (*words[i] == '\0')
        continue;
      pango_layout_set_text (layout, words[i], -1);
      pango_layout_get_size (layout, &w, NULL);
      longest = MAX (longest, (double) w / PANGO_SCALE);
    }
  return longest > 0 ? longest + 2 * CELL_PAD + 0.5 : 0;
}

/* A column is at least as wide as its header's longest word: a header
 * broken inside a word ("Plas-s", "Poeng-sum" in Bokmål) reads badly.
 * The width comes from the columns with room to spare beyond their own
 * header, in proportion to that room; the table keeps its width. */
void
_spire_report_fit_columns (PangoContext *context, Block *b)
{
  g_autofree double *need = NULL;
  double short_by = 0, room = 0, take;

  if (b->headers == NULL)
    return;
  need = g_new0 (double, b->n_columns);
  for (guint c = 0; c < b->n_columns; c++)
    {
      need[c] = longest_header_word (context, b->headers[c]);
      if (need[c] > b->widths[c])
        short_by += need[c] - b->widths[c];
      else
        room += b->widths[c] - need[c];
    }
  if (short_by <= 0 || room <= 0)
    return;
  take = MIN (short_by, room);
  for (guint c = 0; c < b->n_columns; c++)
    if (need[c] > b->widths[c])
      b->widths[c] += (need[c] - b->widths[c]) * take / short_by;
    else
      b->widths[c] -= (b->widths[c] - need[c]) * take / room;
}

/* The height of a table row (header when @cells is the header). */
double
_spire_report_row_height (PangoContext *context, const Block *b, char **cells,
                          gboolean header, GHashTable *cache)
{
  double height = 0;

  for (guint c = 0; c < b->n_columns; c++)
    {
      const char *text = cells[c] ? cells[c] : "";
      double h;

      if (cache)
        {
          g_autofree char *key = g_strdup_printf ("%u %d %s", c, header, text);
          gpointer value;

          if (g_hash_table_lookup_extended (cache, key, NULL, &value))
            h = *(double *) value;
          else
            {
              double *stored = g_new (double, 1);

              *stored = h = cell_height (context, b, c, text, header);
              g_hash_table_insert (cache, g_steal_pointer (&key), stored);
            }
        }
      else
        h = cell_height (context, b, c, text, header);
      height = MAX (height, h);
    }
  return height + 2 * CELL_PAD;
}

void
_spire_report_draw_row (cairo_t *cr, PangoContext *context, const Block *b, char **cells,
                        gboolean header, double y, double height, guint index,
                        GHashTable *layouts)
{
  double x = MARGIN;

  if (header)
    {
      cairo_set_source_rgb (cr, 0.88, 0.90, 0.93);
      cairo_rectangle (cr, MARGIN, y, TEXT_WIDTH, height);
      cairo_fill (cr);
    }
  else if (b->headers && index % 2 == 1)
    {
      cairo_set_source_rgb (cr, 0.965, 0.97, 0.975);
      cairo_rectangle (cr, MARGIN, y, TEXT_WIDTH, height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  for (guint c = 0; c < b->n_columns; c++)
    {
      const char *text = cells[c] ? cells[c] : "";
      g_autofree char *key = NULL;
      PangoLayout *layout = NULL;

      if (layouts)
        {
          key = g_strdup_printf ("%p %u %d %s", (gpointer) b, c, header, text);
          layout = g_hash_table_lookup (layouts, key);
        }
      if (layout == NULL)
        {
          layout = cell_layout (context, b, c, text, header);
          if (layouts)
            g_hash_table_insert (layouts, g_steal_pointer (&key), layout);
        }
      cairo_move_to (cr, x + CELL_PAD, y + CELL_PAD);
      pango_cairo_show_layout (cr, layout);
      if (layouts == NULL)
        g_object_unref (layout);
      x += b->widths[c];
    }
  cairo_set_source_rgb (cr, 0.75, 0.77, 0.8);
  cairo_set_line_width (cr, header ? 0.8 : 0.3);
  cairo_move_to (cr, MARGIN, y + height);
  cairo_rel_line_to (cr, TEXT_WIDTH, 0);
  cairo_stroke (cr);
}

PangoLayout *
_spire_report_block_layout (PangoContext *context, const Block *b)
{
  return _spire_report_layout (context, b->text, BODY_SIZE, FALSE, TEXT_WIDTH,
                               PANGO_ALIGN_LEFT);
}

/* Writing */

typedef struct
{
  int fd;
  GCancellable *cancellable;
  gboolean failed;
  int error_number;
} Sink;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  if (sink->failed || g_cancellable_is_cancelled (sink->cancellable))
    return CAIRO_STATUS_WRITE_ERROR;
  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->failed = TRUE;
          sink->error_number = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (SpireReport *self, cairo_surface_t *surface)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  /* The operator's name from Preferences, else the report's (the program's operator). */
  g_autofree char *author = spire_settings_dup_author ();

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  self->subject ? self->subject : "");
  if (author == NULL && self->author && *self->author)
    author = g_strdup (self->author);
  if (author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Spire");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

gboolean
spire_report_write_pdf (SpireReport *self, const char *path, GCancellable *cancellable,
                        GError **error)
{
  return _spire_report_write_pdf_full (self, path, cancellable, NULL, NULL, error);
}

gboolean
_spire_report_write_pdf_full (SpireReport *self, const char *path, GCancellable *cancellable,
                              SpireProgressFunc progress, gpointer progress_data, GError **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  Sink sink = { -1, cancellable, FALSE, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;

  /* A report saved over the database would replace it */
  if (!spire_exchange_check_destination (path, error))
    return FALSE;
  n_pages = spire_report_get_n_pages (self);
  sink.fd = g_mkstemp_full (tmp, O_WRONLY, 0644);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, SPIRE_REPORT_PAGE_WIDTH,
                                                 SPIRE_REPORT_PAGE_HEIGHT);
  set_metadata (self, surface);
  for (guint p = 0; p < n_pages && !g_cancellable_is_cancelled (cancellable); p++)
    {
      cairo_t *cr = cairo_create (surface);

      spire_report_draw_page (self, cr, p);
      cairo_destroy (cr);
      cairo_surface_show_page (surface);
      if (progress)
        progress ((double) (p + 1) / n_pages, progress_data);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!g_cancellable_is_cancelled (cancellable) && status == CAIRO_STATUS_SUCCESS &&
      !sink.failed && fsync (sink.fd) != 0)
    {
      sink.failed = TRUE;
      sink.error_number = errno;
    }
  if (close (sink.fd) != 0 && !sink.failed)
    {
      sink.failed = TRUE;
      sink.error_number = errno;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_unlink (tmp);
      g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                           _("Writing the report was cancelled."));
      return FALSE;
    }
  if (sink.failed || status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   sink.failed ? g_strerror (sink.error_number) : cairo_status_to_string (status));
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
