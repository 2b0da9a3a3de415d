/* spire-orgform.c — Brønnøysund's organisasjonsform codes and their names
 *
 * Rule: a form of organisation is stored as Brønnøysund's code (what its
 * register and an import give) and shown with its name.  The list holds
 * the forms a startup or its partner has; a code not in it (an import of
 * a rarer form) is kept as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-orgform"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-orgform.h"

static const struct
{
  const char *code;
  const char *name;
} forms[] = {
  /* TRANSLATORS: Brønnøysund's names of the forms of organisation; in
   * Norwegian use the register's own (Aksjeselskap, Enkeltpersonforetak …) */
  { "AS", N_("Private limited company") },
  { "ASA", N_("Public limited company") },
  { "ENK", N_("Sole proprietorship") },
  { "NUF", N_("Norwegian-registered foreign enterprise") },
  { "SA", N_("Cooperative") },
  { "DA", N_("Partnership with shared liability") },
  { "ANS", N_("General partnership") },
  { "KS", N_("Limited partnership") },
  { "BA", N_("Company with limited liability") },
  { "SE", N_("European company") },
  { "STI", N_("Foundation") },
  { "FLI", N_("Association") },
};

guint
spire_orgform_count (void)
{
  return G_N_ELEMENTS (forms);
}

const char *
spire_orgform_nth (guint index, const char **name)
{
  if (index >= G_N_ELEMENTS (forms))
    return NULL;
  if (name)
    *name = _(forms[index].name);
  return forms[index].code;
}

const char *
spire_orgform_name (const char *code)
{
  for (guint i = 0; code && i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (forms[i].code, code))
      return _(forms[i].name);
  return NULL;
}
