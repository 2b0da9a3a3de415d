/* spire-kommune.h — a kommunenummer as the name people know it: the
 * municipalities and counties of 2024 (SSB), looked up by number or name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many kommuner the table holds (357 from 2024). */
guint spire_kommune_count (void);
/* The @index'th kommune in number order: its number, and its name in
 * *@name.  NULL past the end. */
const char *spire_kommune_nth (guint index, const char **name);
/* The name of the kommune numbered @number ("3201" → "Bærum"); @number
 * itself when the table does not know it (an old or mistyped number), NULL
 * for NULL.  What a list, a details pane or a form shows for a kommune. */
const char *spire_kommune_name (const char *number);
/* TRUE when @number is one of the 2024 kommuner. */
gboolean spire_kommune_is_known (const char *number);
/* The number of the kommune called @name (case and accents as typed), or
 * NULL when no kommune has that name.  Two kommuner share a name (Herøy,
 * Våler): the first in number order is given. */
const char *spire_kommune_number_for_name (const char *name);
/* The fylke a kommune is in, from its first two digits ("3201" →
 * "Akershus"), or NULL when no 2024 fylke has that number. */
const char *spire_fylke_name (const char *kommunenummer);

G_END_DECLS
