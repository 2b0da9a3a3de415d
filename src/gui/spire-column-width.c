/* spire-column-width.c — columns as wide as what they hold
 *
 * Implements issue 12's rule for lists: a column of dates, statuses,
 * numbers or identifiers has a fixed width measured with pango from its
 * widest value and its title, so nothing in it is cut; the columns that
 * expand (titles, names) take what is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-column-width"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-column-width.h"

/* Adwaita's cell: 6 px padding on either side; its header: the same, the
 * sort arrow (16 px) and the box's spacing.  A few pixels spare for the
 * tabular figures of .numeric cells. */
#define CELL_EXTRA 20
#define HEADER_EXTRA 36
/* Only this many of the longest texts are measured. */
#define N_MEASURED 24

static int
text_width (GtkWidget *widget, const char *text, gboolean bold)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width = 0;

  if (bold)
    {
      g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The N_MEASURED longest of @texts by bytes, longest first, in one pass
 * (a directory has tens of thousands: no sort of them all). */
static guint
longest_texts (const char *const *texts, int n_texts, const char **longest, gsize *lengths)
{
  guint n = 0;

  for (int i = 0; i < n_texts; i++)
    {
      gsize len = texts[i] ? strlen (texts[i]) : 0;
      guint at;

      if (len == 0 || (n == N_MEASURED && len <= lengths[n - 1]))
        continue;
      if (n < N_MEASURED)
        n++;
      for (at = n - 1; at > 0 && lengths[at - 1] < len; at--)
        {
          longest[at] = longest[at - 1];
          lengths[at] = lengths[at - 1];
        }
      longest[at] = texts[i];
      lengths[at] = len;
    }
  return n;
}

int
spire_column_width_measure (GtkWidget *widget, const char *title, const char *const *texts,
                            int n_texts)
{
  const char *longest[N_MEASURED];
  gsize lengths[N_MEASURED];
  guint n;
  int width = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  if (n_texts < 0)
    for (n_texts = 0; texts && texts[n_texts]; n_texts++)
      ;
  /* By bytes first: a long text is wide, and pango only sees a few. */
  n = longest_texts (texts, n_texts, longest, lengths);
  for (guint i = 0; i < n; i++)
    width = MAX (width, text_width (widget, longest[i], FALSE) + CELL_EXTRA);
  if (title && *title)
    width = MAX (width, text_width (widget, title, TRUE) + HEADER_EXTRA);
  return width;
}

void
spire_column_fit (GtkColumnViewColumn *column, GtkWidget *widget, const char *const *texts,
                  int n_texts, int max_width)
{
  int width;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  width = spire_column_width_measure (widget, gtk_column_view_column_get_title (column), texts,
                                      n_texts);
  if (max_width > 0)
    width = MIN (width, max_width);
  gtk_column_view_column_set_expand (column, FALSE);
  gtk_column_view_column_set_fixed_width (column, width);
}

void
spire_column_fit_values (GtkColumnViewColumn *column, GtkWidget *widget, const SpireField *field)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  g_return_if_fail (field != NULL);

  for (const SpireEnumValue *v = field->values; v && v->value; v++)
    g_ptr_array_add (labels, (gpointer) spire_field_value_label (field, v->value));
  spire_column_fit (column, widget, (const char *const *) labels->pdata, (int) labels->len, 0);
}

void
spire_column_fit_dates (GtkColumnViewColumn *column, GtkWidget *widget)
{
  /* The widest days there are: two-digit days and months, and (in
   * English) the longest month names. */
  static const char *const days[] = { "2028-12-28", "2028-09-30", "2028-11-28", "2028-08-28",
                                      "2028-03-28", "2028-05-28" };
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_ptr_array_add (texts, spire_format_date (days[i], spire_language_current ()));
  spire_column_fit (column, widget, (const char *const *) texts->pdata, (int) texts->len, 0);
}

void
spire_column_fit_title (GtkColumnViewColumn *column, GtkWidget *widget)
{
  spire_column_fit (column, widget, NULL, 0, 0);
}
