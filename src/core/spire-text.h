/* spire-text.h — Norwegian order, search folding, and formats people read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Norwegian order is ICU's collator for Bokmål (CLDR's tailoring, the same
 * for Nynorsk), at three levels: letters first (Æ Ø Å after Z, "aa" as Å,
 * Ä with Æ, Ö with Ø, accents and case ignored: é = e, a = A; digits by
 * their value: "Kull 2" before "Kull 10"), then accents, then case.  The same order in SQL (COLLATE NB), in lists (the
 * key) and in reports (spire_collate), in any process locale and thread.
 *
 * A key that sorts with strcmp() in that order: make it once per row and
 * keep it (ICU's sort key, NUL-terminated; "" for NULL). */
char *spire_collate_key (const char *text);
/* Norwegian order; texts the collator finds equal fall back to their
 * bytes, so that the order is total.  NULL first. */
int spire_collate (const char *a, const char *b);
/* The same on @la / @lb bytes (-1: NUL-terminated); SQL's NB collation. */
int spire_collate_n (const char *a, gssize la, const char *b, gssize lb);

/* A form of @text for matching as people search: lower case, accents gone,
 * å → aa, æ → ae, ø → o.  Matching is strstr() of two folded texts. */
char *spire_search_fold (const char *text);
gboolean spire_search_matches (const char *text, const char *query);

typedef enum
{
  SPIRE_LANGUAGE_EN,
  SPIRE_LANGUAGE_NB,
  SPIRE_LANGUAGE_NN,
} SpireLanguage;

/* The language of the translation in use (for formats that follow it). */
SpireLanguage spire_language_current (void);
SpireLanguage spire_language_from_code (const char *code); /* "nb", "nn", "en", … */
const char *spire_language_code (SpireLanguage lang);

/* "23.11.2026" (nb, nn) or "23 Nov 2026" (en); NULL or invalid gives "". */
char *spire_format_date (const char *iso_date, SpireLanguage lang);
/* A UTC timestamp in local time: "23.11.2026 14:05" / "23 Nov 2026 14:05". */
char *spire_format_timestamp (const char *iso_utc, SpireLanguage lang);
/* Money in øre: "1 234 567 kr" (nb, nn; "1 234 567,50 kr" with øre) or
 * "NOK 1,234,567" (en).  The spaces are no-break spaces (U+00A0). */
char *spire_format_money (gint64 ore, SpireLanguage lang);
/* A number with @decimals decimals: decimal comma in nb and nn. */
char *spire_format_number (double value, int decimals, SpireLanguage lang);
/* A count (or a rank) as people read it: "40 000" (nb, nn) or "40,000"
 * (en); below 1 000 the digits alone.  The nb/nn separator is a no-break
 * space (U+00A0, as in money), so that "40 000" never breaks across lines.
 * Where a count chooses a plural form, ngettext() still gets the number and
 * the message takes this text as a %s. */
char *spire_format_count (gint64 n, SpireLanguage lang);
/* "923 609 016" from any spacing; other text is returned as it is. */
char *spire_format_orgnr (const char *orgnr);
/* Reads "23.11.2026", "2026-11-23", with an optional time, into ISO
 * ("2026-11-23" or "2026-11-23T14:05:00Z" when a time was given, read as
 * Europe/Oslo local time).  NULL when it is not a date. */
char *spire_parse_date (const char *text, gboolean *had_time);
/* Money as people write it ("1 234 567", "1234567,50 kr") into øre. */
gboolean spire_parse_money (const char *text, gint64 *ore);

G_END_DECLS
