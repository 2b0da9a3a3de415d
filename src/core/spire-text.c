/* spire-text.c — Norwegian order (ICU), search folding, and formats people read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "spire-text.h"

#define NBSP "\xc2\xa0"

/* Appends the base letter of @c without accents (é → e), or @c itself. */
static void
append_base (GString *out, gunichar c)
{
  gunichar decomposed[8];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  if (n > 0 && decomposed[0] < 0x80)
    g_string_append_c (out, (char) decomposed[0]);
  else
    g_string_append_unichar (out, c);
}

/* Norwegian order: ICU's collator for Bokmål (CLDR's Norwegian tailoring,
 * the same for nb and nn): Æ Ø Å after Z, "aa" as Å, accents and case
 * second and third.  A collator is one thread's: each thread opens its own
 * on first use and closes it when the thread ends (the job workers,
 * spire-job.c, run on threads of their own). */

static GPrivate thread_collator = G_PRIVATE_INIT ((GDestroyNotify) ucol_close);

static UCollator *
collator (void)
{
  UCollator *coll = g_private_get (&thread_collator);
  UErrorCode err = U_ZERO_ERROR;

  if (coll != NULL)
    return coll;
  coll = ucol_open ("nb", &err);
  if (U_FAILURE (err))
    {
      /* ICU's data lacks Norwegian: its root order is still a stable one. */
      g_warning ("ICU has no Norwegian collation (%s)", u_errorName (err));
      err = U_ZERO_ERROR;
      coll = ucol_open ("", &err);
      if (U_FAILURE (err))
        g_error ("ICU cannot open a collator: %s", u_errorName (err));
    }
  /* Decomposed text (é as e + ◌́) sorts as its composed form. */
  ucol_setAttribute (coll, UCOL_NORMALIZATION_MODE, UCOL_ON, &err);
  /* Digits by their value: "Kull 2" before "Kull 10" (ICU's numeric
   * collation; a run of digits is one number, leading zeros aside). */
  ucol_setAttribute (coll, UCOL_NUMERIC_COLLATION, UCOL_ON, &err);
  ucol_setStrength (coll, UCOL_TERTIARY);
  g_private_set (&thread_collator, coll);
  return coll;
}

char *
spire_collate_key (const char *text)
{
  UCollator *coll = collator ();
  UChar stack_text[256];
  guint8 stack_key[512];
  UChar *utext = stack_text;
  g_autofree UChar *heap_text = NULL;
  UErrorCode err = U_ZERO_ERROR;
  int32_t ulen = 0, klen;
  char *key;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  /* UTF-8 to UTF-16 (bad bytes become U+FFFD), then the key: bytes that
   * compare with strcmp() as the collator compares the texts, and hold no
   * NUL but the one that ends them. */
  u_strFromUTF8WithSub (stack_text, G_N_ELEMENTS (stack_text), &ulen, text, -1, 0xFFFD, NULL,
                        &err);
  if (err == U_BUFFER_OVERFLOW_ERROR)
    {
      err = U_ZERO_ERROR;
      utext = heap_text = g_new (UChar, ulen + 1);
      u_strFromUTF8WithSub (heap_text, ulen + 1, &ulen, text, -1, 0xFFFD, NULL, &err);
    }
  if (U_FAILURE (err))
    return g_strdup (text);
  klen = ucol_getSortKey (coll, utext, ulen, stack_key, sizeof stack_key);
  if (klen <= (int32_t) sizeof stack_key)
    return g_memdup2 (stack_key, klen);
  key = g_malloc (klen);
  ucol_getSortKey (coll, utext, ulen, (guint8 *) key, klen);
  return key;
}

int
spire_collate_n (const char *a, gssize la, const char *b, gssize lb)
{
  UErrorCode err = U_ZERO_ERROR;
  gsize na, nb;
  int r;

  if (a == NULL || b == NULL)
    return a == b ? 0 : (a == NULL ? -1 : 1);
  r = ucol_strcollUTF8 (collator (), a, (int32_t) la, b, (int32_t) lb, &err);
  if (U_SUCCESS (err) && r != UCOL_EQUAL)
    return r == UCOL_LESS ? -1 : 1;
  /* Equal to the collator: their bytes decide, so that the order is total. */
  na = la < 0 ? strlen (a) : (gsize) la;
  nb = lb < 0 ? strlen (b) : (gsize) lb;
  r = memcmp (a, b, MIN (na, nb));
  if (r != 0)
    return r;
  return (na > nb) - (na < nb);
}

int
spire_collate (const char *a, const char *b)
{
  return spire_collate_n (a, -1, b, -1);
}

char *
spire_search_fold (const char *text)
{
  g_autofree char *norm = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (norm == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (norm, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00E5)
        g_string_append (out, "aa");
      else if (c == 0x00E6)
        g_string_append (out, "ae");
      else if (c == 0x00F8)
        g_string_append_c (out, 'o');
      else
        append_base (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
spire_search_matches (const char *text, const char *query)
{
  g_autofree char *t = spire_search_fold (text);
  g_autofree char *q = spire_search_fold (query);

  return strstr (t, q) != NULL;
}

SpireLanguage
spire_language_from_code (const char *code)
{
  if (code == NULL)
    return SPIRE_LANGUAGE_EN;
  if (g_str_has_prefix (code, "nn"))
    return SPIRE_LANGUAGE_NN;
  if (g_str_has_prefix (code, "nb") || g_str_has_prefix (code, "no"))
    return SPIRE_LANGUAGE_NB;
  return SPIRE_LANGUAGE_EN;
}

const char *
spire_language_code (SpireLanguage lang)
{
  switch (lang)
    {
    case SPIRE_LANGUAGE_NB:
      return "nb";
    case SPIRE_LANGUAGE_NN:
      return "nn";
    case SPIRE_LANGUAGE_EN:
    default:
      return "en";
    }
}

SpireLanguage
spire_language_current (void)
{
  /* TRANSLATORS: not words: the code of this translation's language, "nb" or "nn". */
  return spire_language_from_code (C_("language code", "en"));
}

static const char *const months_en[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

char *
spire_format_date (const char *iso, SpireLanguage lang)
{
  int y, m, d;

  if (iso == NULL || strlen (iso) < 10 || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      m < 1 || m > 12)
    return g_strdup ("");
  if (lang == SPIRE_LANGUAGE_EN)
    return g_strdup_printf ("%d %s %04d", d, months_en[m - 1], y);
  return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
}

char *
spire_format_timestamp (const char *iso_utc, SpireLanguage lang)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;

  if (iso_utc == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  date = spire_format_date (day, lang);
  return g_strdup_printf ("%s %02d:%02d", date, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

static char *
group_digits (guint64 n, const char *sep)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  size_t len = strlen (digits);
  GString *out = g_string_new (NULL);

  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
spire_format_money (gint64 ore, SpireLanguage lang)
{
  gboolean negative = ore < 0;
  guint64 abs_ore = negative ? (guint64) (-(ore + 1)) + 1 : (guint64) ore;
  guint64 kroner = abs_ore / 100, rest = abs_ore % 100;
  g_autofree char *whole = NULL;

  if (lang == SPIRE_LANGUAGE_EN)
    {
      whole = group_digits (kroner, ",");
      if (rest)
        return g_strdup_printf ("%sNOK%s%s.%02u", negative ? "−" : "", NBSP, whole, (guint) rest);
      return g_strdup_printf ("%sNOK%s%s", negative ? "−" : "", NBSP, whole);
    }
  whole = group_digits (kroner, NBSP);
  if (rest)
    return g_strdup_printf ("%s%s,%02u%skr", negative ? "−" : "", whole, (guint) rest, NBSP);
  return g_strdup_printf ("%s%s%skr", negative ? "−" : "", whole, NBSP);
}

char *
spire_format_number (double value, int decimals, SpireLanguage lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[8];

  if (isnan (value))
    return g_strdup ("–");
  g_snprintf (fmt, sizeof fmt, "%%.%df", CLAMP (decimals, 0, 9));
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  if (lang != SPIRE_LANGUAGE_EN)
    {
      char *dot = strchr (buf, '.');
      if (dot)
        *dot = ',';
    }
  if (buf[0] == '-')
    return g_strdup_printf ("−%s", buf + 1);
  return g_strdup (buf);
}

char *
spire_format_count (gint64 n, SpireLanguage lang)
{
  guint64 abs_n = n < 0 ? (guint64) (-(n + 1)) + 1 : (guint64) n;
  g_autofree char *digits = group_digits (abs_n, lang == SPIRE_LANGUAGE_EN ? "," : NBSP);

  return n < 0 ? g_strdup_printf ("−%s", digits) : g_steal_pointer (&digits);
}

char *
spire_format_orgnr (const char *orgnr)
{
  GString *d;

  if (orgnr == NULL)
    return g_strdup ("");
  d = g_string_new (NULL);
  for (const char *p = orgnr; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (d, *p);
    else if (*p != ' ')
      {
        g_string_free (d, TRUE);
        return g_strdup (orgnr);
      }
  if (d->len != 9)
    {
      g_string_free (d, TRUE);
      return g_strdup (orgnr);
    }
  g_string_insert_c (d, 6, ' ');
  g_string_insert_c (d, 3, ' ');
  return g_string_free (d, FALSE);
}

char *
spire_parse_date (const char *text, gboolean *had_time)
{
  g_autofree char *s = NULL;
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0, n = 0, consumed = 0;
  const char *rest;

  if (had_time)
    *had_time = FALSE;
  if (text == NULL)
    return NULL;
  s = g_strstrip (g_strdup (text));
  if (sscanf (s, "%4d-%2d-%2d%n", &y, &m, &d, &consumed) == 3 && consumed == 10)
    ;
  else if (sscanf (s, "%2d.%2d.%4d%n", &d, &m, &y, &consumed) == 3 && consumed >= 8)
    ;
  else
    return NULL;
  if (y < 1000 || !g_date_valid_dmy (d, m, y))
    return NULL;
  rest = s + consumed;
  while (*rest == ' ' || *rest == 'T' || *rest == ',')
    rest++;
  if (*rest == '\0')
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  n = sscanf (rest, "%2d:%2d%n", &hh, &mm, &consumed);
  if (n < 2 || hh > 23 || mm > 59)
    return NULL;
  rest += consumed;
  if (rest[0] == ':')
    {
      if (!g_ascii_isdigit (rest[1]) || !g_ascii_isdigit (rest[2]))
        return NULL;
      ss = (rest[1] - '0') * 10 + (rest[2] - '0');
      rest += 3;
      if (ss > 60)
        return NULL;
    }
  if (rest[0] == '.') /* fractions of a second are dropped */
    for (rest++; g_ascii_isdigit (*rest); rest++)
      ;
  while (*rest == ' ')
    rest++;
  {
    g_autoptr (GTimeZone) zone = NULL;
    g_autoptr (GDateTime) local = NULL;
    g_autoptr (GDateTime) utc = NULL;

    /* Only nothing (Oslo time), Z, or an offset ±HH:MM may follow. */
    if (*rest == '\0')
      zone = g_time_zone_new_identifier ("Europe/Oslo");
    else if (g_str_equal (rest, "Z"))
      zone = g_time_zone_new_utc ();
    else if ((rest[0] == '+' || rest[0] == '-') && strlen (rest) == 6 && rest[3] == ':' &&
             g_ascii_isdigit (rest[1]) && g_ascii_isdigit (rest[2]) && g_ascii_isdigit (rest[4]) &&
             g_ascii_isdigit (rest[5]))
      zone = g_time_zone_new_identifier (rest);
    else
      return NULL;
    if (zone == NULL)
      zone = g_time_zone_new_utc ();
    local = g_date_time_new (zone, y, m, d, hh, mm, ss);
    if (local == NULL)
      return NULL;
    utc = g_date_time_to_utc (local);
    if (had_time)
      *had_time = TRUE;
    return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
}

gboolean
spire_parse_money (const char *text, gint64 *ore)
{
  GString *digits = g_string_new (NULL);
  int decimals = -1;
  gboolean ok = TRUE, negative = FALSE;
  guint64 v;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) && c < 0x80)
        {
          if (decimals >= 0)
            {
              if (decimals == 2)
                {
                  ok = FALSE;
                  break;
                }
              decimals++;
            }
          g_string_append_c (digits, (char) c);
        }
      else if ((c == ',' || c == '.') && decimals < 0)
        decimals = 0;
      else if (c == '-' || c == 0x2212)
        negative = TRUE;
      else if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;
      else if (g_str_has_prefix (p, "kr") || g_str_has_prefix (p, "NOK"))
        p += (*p == 'k' ? 1 : 2);
      else
        {
          ok = FALSE;
          break;
        }
    }
  if (!ok || digits->len == 0 || digits->len > 16)
    {
      g_string_free (digits, TRUE);
      return FALSE;
    }
  v = g_ascii_strtoull (digits->str, NULL, 10);
  for (int i = decimals < 0 ? 0 : decimals; i < 2; i++)
    v *= 10;
  g_string_free (digits, TRUE);
  *ore = negative ? -(gint64) v : (gint64) v;
  return TRUE;
}
