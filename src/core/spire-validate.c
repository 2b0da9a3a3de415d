/* spire-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "spire-validate.h"

char *
spire_orgnr_digits (const char *text)
{
  GString *digits;

  if (text == NULL)
    return NULL;
  digits = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '\t' && *p != '.' && *p != '-')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  return g_string_free (digits, FALSE);
}

int
spire_orgnr_check_digit (const char *eight)
{
  static const int weights[] = { 3, 2, 7, 6, 5, 4, 3, 2 };
  int sum = 0, r;

  for (int i = 0; i < 8; i++)
    {
      if (!g_ascii_isdigit (eight[i]))
        return -1;
      sum += (eight[i] - '0') * weights[i];
    }
  r = sum % 11;
  if (r == 0)
    return 0;
  if (r == 1)
    return -1;
  return 11 - r;
}

gboolean
spire_orgnr_check (const char *text, char **why)
{
  g_autofree char *d = spire_orgnr_digits (text);
  int check;

  if (d == NULL || strlen (d) != 9)
    {
      if (why)
        *why = g_strdup (_("an organisation number has 9 digits"));
      return FALSE;
    }
  check = spire_orgnr_check_digit (d);
  if (check < 0 || check != d[8] - '0')
    {
      if (why)
        *why = g_strdup (_("the check digit is wrong; look for a mistyped digit"));
      return FALSE;
    }
  return TRUE;
}

gboolean
spire_orgnr_is_valid (const char *text)
{
  return spire_orgnr_check (text, NULL);
}

gboolean
spire_kommunenummer_check (const char *text, char **why)
{
  /* The fylker from 2024 (GLOSSARY.md). */
  static const char *const fylker[] = {
    "03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56",
  };

  if (text == NULL || strlen (text) != 4 || !g_ascii_isdigit (text[0]) ||
      !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    {
      if (why)
        *why = g_strdup (_("a municipality number has 4 digits"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fylker); i++)
    if (strncmp (text, fylker[i], 2) == 0)
      return TRUE;
  if (why)
    *why = g_strdup_printf (_("no county has the number %.2s"), text);
  return FALSE;
}

gboolean
spire_kommunenummer_is_valid (const char *text)
{
  return spire_kommunenummer_check (text, NULL);
}

gboolean
spire_email_is_valid (const char *text)
{
  const char *at, *dot;

  if (text == NULL || strchr (text, ' ') || strchr (text, '\t'))
    return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@'))
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' && dot[-1] != '.';
}

gboolean
spire_url_is_valid (const char *text)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme, *host;

  if (text == NULL || strchr (text, ' '))
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && strchr (host, '.') != NULL;
}

char *
spire_url_complete (const char *text)
{
  g_autofree char *s = NULL;

  if (text == NULL)
    return NULL;
  s = g_strstrip (g_strdup (text));
  if (*s == '\0')
    return NULL;
  if (strstr (s, "://") != NULL)
    return g_steal_pointer (&s);
  if (g_str_has_prefix (s, "//"))
    return g_strconcat ("https:", s, NULL);
  return g_strconcat ("https://", s, NULL);
}

static gboolean
digits_at (const char *s, int from, int n)
{
  for (int i = from; i < from + n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
spire_date_is_valid (const char *s)
{
  int y, m, d;

  if (s == NULL || strlen (s) != 10 || !digits_at (s, 0, 4) || s[4] != '-' ||
      !digits_at (s, 5, 2) || s[7] != '-' || !digits_at (s, 8, 2))
    return FALSE;
  y = atoi (s);
  m = atoi (s + 5);
  d = atoi (s + 8);
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

gboolean
spire_timestamp_is_valid (const char *s)
{
  g_autofree char *day = NULL;

  if (s == NULL || strlen (s) != 20 || s[10] != 'T' || s[19] != 'Z' ||
      !digits_at (s, 11, 2) || s[13] != ':' || !digits_at (s, 14, 2) || s[16] != ':' ||
      !digits_at (s, 17, 2))
    return FALSE;
  day = g_strndup (s, 10);
  return spire_date_is_valid (day) && atoi (s + 11) < 24 && atoi (s + 14) < 60 &&
         atoi (s + 17) < 61;
}
