/* spire-kommune.c — kommunenummer to name and fylke
 *
 * Rule: a kommune is shown by its name everywhere, and stored by its
 * number (GLOSSARY.md: four digits, the first two the fylke).  The table is
 * spire-kommune-data.h, SSB's 2024 list; a binary search finds a number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-kommune"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "spire-kommune.h"

typedef struct
{
  const char *number;
  const char *name;
} SpireKommuneEntry;

#include "spire-kommune-data.h"

static int
compare_number (const void *key, const void *entry)
{
  return strcmp (key, ((const SpireKommuneEntry *) entry)->number);
}

static const SpireKommuneEntry *
find (const SpireKommuneEntry *table, gsize n, const char *number)
{
  if (number == NULL)
    return NULL;
  return bsearch (number, table, n, sizeof *table, compare_number);
}

guint
spire_kommune_count (void)
{
  return G_N_ELEMENTS (kommune_table);
}

const char *
spire_kommune_nth (guint index, const char **name)
{
  if (index >= G_N_ELEMENTS (kommune_table))
    return NULL;
  if (name)
    *name = kommune_table[index].name;
  return kommune_table[index].number;
}

const char *
spire_kommune_name (const char *number)
{
  const SpireKommuneEntry *e = find (kommune_table, G_N_ELEMENTS (kommune_table), number);

  return e ? e->name : number;
}

gboolean
spire_kommune_is_known (const char *number)
{
  return find (kommune_table, G_N_ELEMENTS (kommune_table), number) != NULL;
}

const char *
spire_kommune_number_for_name (const char *name)
{
  g_autofree char *want = NULL;

  if (name == NULL)
    return NULL;
  want = g_utf8_casefold (name, -1);
  g_strstrip (want);
  for (guint i = 0; i < G_N_ELEMENTS (kommune_table); i++)
    {
      g_autofree char *have = g_utf8_casefold (kommune_table[i].name, -1);

      if (g_str_equal (have, want))
        return kommune_table[i].number;
    }
  return NULL;
}

const char *
spire_fylke_name (const char *kommunenummer)
{
  char two[3];
  const SpireKommuneEntry *e;

  if (kommunenummer == NULL || strlen (kommunenummer) < 2)
    return NULL;
  two[0] = kommunenummer[0];
  two[1] = kommunenummer[1];
  two[2] = '\0';
  e = find (fylke_table, G_N_ELEMENTS (fylke_table), two);
  return e ? e->name : NULL;
}
