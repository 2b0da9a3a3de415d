/* spire-column-width.h — columns as wide as what they hold
 *
 * A column of dates, statuses, numbers, organisation numbers or phone
 * numbers is never cut: it gets a fixed width measured with pango from its
 * widest value and its title (issue 12).  Titles and names take the rest
 * (expand) and show their whole text in a tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spire-core.h"

G_BEGIN_DECLS

/* The width in pixels that shows each of @texts (@n_texts, or -1 when
 * NULL-terminated) in a cell of @widget's column view, and @title in its
 * header, whole.  Only the longest texts are measured: thousands cost
 * little. */
int spire_column_width_measure (GtkWidget *widget, const char *title, const char *const *texts,
                                int n_texts);

/* Gives @column a fixed width that shows @texts and its title whole (see
 * above); @max_width > 0 caps it (a name column). */
void spire_column_fit (GtkColumnViewColumn *column, GtkWidget *widget, const char *const *texts,
                       int n_texts, int max_width);

/* The same for a column of @field's value labels (a status), or of dates
 * as spire_format_date writes them in the language in use. */
void spire_column_fit_values (GtkColumnViewColumn *column, GtkWidget *widget,
                              const SpireField *field);
void spire_column_fit_dates (GtkColumnViewColumn *column, GtkWidget *widget);

/* Only the column's title, whole (a column of short numbers). */
void spire_column_fit_title (GtkColumnViewColumn *column, GtkWidget *widget);

G_END_DECLS
