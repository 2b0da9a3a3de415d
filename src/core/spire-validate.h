/* spire-validate.h — Norwegian identifiers and other field rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The 9 digits of an organisasjonsnummer with spaces removed, or NULL when
 * @text holds anything but digits and spaces. */
char *spire_orgnr_digits (const char *text);
/* MOD11 (GLOSSARY.md).  On failure @why (translated) says what is wrong. */
gboolean spire_orgnr_check (const char *text, char **why);
gboolean spire_orgnr_is_valid (const char *text);
/* The check digit for 8 digits, or -1 when no digit makes them valid. */
int spire_orgnr_check_digit (const char *eight_digits);

gboolean spire_kommunenummer_check (const char *text, char **why);
gboolean spire_kommunenummer_is_valid (const char *text);

gboolean spire_email_is_valid (const char *text);
gboolean spire_url_is_valid (const char *text);
/* A web address as registers and forms give it, completed:
 * "www.nordlys.no" → "https://www.nordlys.no"; NULL for an empty text. */
char *spire_url_complete (const char *text);
gboolean spire_date_is_valid (const char *iso_date);      /* YYYY-MM-DD, a real day */
gboolean spire_timestamp_is_valid (const char *iso_time); /* YYYY-MM-DDTHH:MM:SSZ */

G_END_DECLS
