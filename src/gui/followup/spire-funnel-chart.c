/* spire-funnel-chart.c — the funnel from application to signed agreement,
 * drawn with cairo, its numbers on it
 *
 * One bar per step (core's spire_funnel_values: applied, eligible,
 * evaluated, accepted, in dialogue or pilot, negotiating, signed), its
 * length relative to the applications, the count and the conversion from
 * the step before written on it.  Colours follow the theme's foreground.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-funnel-chart.h"

#define ROW_HEIGHT 22
#define LABEL_WIDTH 150

struct _SpireFunnelChart
{
  GtkWidget parent_instance;

  gboolean has_funnel;
  gint64 counts[7];
  double conversion[7];
};

G_DEFINE_FINAL_TYPE (SpireFunnelChart, spire_funnel_chart, GTK_TYPE_WIDGET)

static const char *
step_label (guint i)
{
  return _(spire_funnel_step_label (i));
}

static void
draw_text (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y, int width,
           PangoAlignment align)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_row (SpireFunnelChart *self, cairo_t *cr, PangoLayout *layout, guint i, int width,
          const GdkRGBA *fg)
{
  SpireLanguage lang = spire_language_current ();
  double y = i * ROW_HEIGHT;
  double bar_width = width - LABEL_WIDTH - 8;
  double share = self->counts[0] > 0 ? (double) self->counts[i] / (double) self->counts[0] : 0;
  g_autofree char *text = NULL;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha);
  draw_text (cr, layout, step_label (i), 0, y + 2, LABEL_WIDTH - 8, PANGO_ALIGN_RIGHT);

  /* Signed in green, the deal steps in blue, the selection in grey. */
  if (i == 6)
    cairo_set_source_rgba (cr, 0.18, 0.76, 0.49, 0.85);
  else if (i >= 4)
    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.75);
  else
    cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.18);
  cairo_rectangle (cr, LABEL_WIDTH, y + 2, MAX (2.0, bar_width * share), ROW_HEIGHT - 4);
  cairo_fill (cr);

  if (i == 0 || isnan (self->conversion[i]))
    text = spire_format_count (self->counts[i], lang);
  else
    {
      g_autofree char *count = spire_format_count (self->counts[i], lang);
      g_autofree char *percent = spire_format_number (self->conversion[i] * 100.0, 0, lang);

      /* TRANSLATORS: a bar of the funnel: "4 (5 %)", the count and its share */
      text = g_strdup_printf (_("%s (%s %%)"), count, percent);
    }
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha);
  draw_text (cr, layout, text, LABEL_WIDTH + 6, y + 2, MAX (1, (int) bar_width - 6),
             PANGO_ALIGN_LEFT);
}

static void
spire_funnel_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  SpireFunnelChart *self = SPIRE_FUNNEL_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr (PangoLayout) layout = NULL;
  GdkRGBA fg;
  cairo_t *cr;

  if (!self->has_funnel || width <= LABEL_WIDTH)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = gtk_widget_create_pango_layout (widget, NULL);
  for (guint i = 0; i < 7; i++)
    draw_row (self, cr, layout, i, width, &fg);
  cairo_destroy (cr);
}

static void
spire_funnel_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                            int *minimum, int *natural, int *minimum_baseline,
                            int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + 120;
      *natural = LABEL_WIDTH + 420;
    }
  else
    *minimum = *natural = 7 * ROW_HEIGHT;
}

static void
spire_funnel_chart_class_init (SpireFunnelChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = spire_funnel_chart_snapshot;
  widget_class->measure = spire_funnel_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "funnelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
spire_funnel_chart_init (SpireFunnelChart *self)
{
}

GtkWidget *
spire_funnel_chart_new (void)
{
  return g_object_new (SPIRE_TYPE_FUNNEL_CHART, NULL);
}

void
spire_funnel_chart_set_funnel (SpireFunnelChart *self, const SpireFunnel *funnel)
{
  g_autoptr (GString) description = g_string_new (NULL);

  g_return_if_fail (SPIRE_IS_FUNNEL_CHART (self));

  self->has_funnel = funnel != NULL;
  if (funnel)
    {
      spire_funnel_values (funnel, self->counts, self->conversion);
      for (guint i = 0; i < 7; i++)
        {
          g_autofree char *count = spire_format_count (self->counts[i], spire_language_current ());

          g_string_append_printf (description, "%s%s: %s", i ? ", " : "", step_label (i), count);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
