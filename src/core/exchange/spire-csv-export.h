/* spire-csv-export.h — a small, general CSV writer (RFC 4180)
 *
 * What it writes:
 * - fields that contain the separator, a double quote, CR or LF are put in
 *   double quotes, and quotes inside are doubled ("say ""hi""");
 *   other fields are written as they are;
 * - records end with CRLF, as RFC 4180 says (newlines inside a quoted field
 *   are kept as they are);
 * - UTF-8 with a byte order mark (EF BB BF) first, so that Excel opens
 *   Norwegian letters (æ ø å) right;
 * - the separator is a parameter.  Excel reads CSV with the list separator
 *   of the user's region: "," in English, ";" in Norway (where "," is the
 *   decimal comma).  spire_csv_separator_for_language() picks it: ',' for
 *   English, ';' for Bokmål and Nynorsk.
 *
 * Values are written as given: callers write dates as ISO 8601
 * ("2026-03-01"), which every program reads the same, not as people read
 * them.
 *
 * The file is written to a temporary file beside it and renamed over the
 * target, so a failed write never leaves half a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "spire-text.h"

G_BEGIN_DECLS

/* ',' for English, ';' for Bokmål and Nynorsk (what Excel expects there). */
char spire_csv_separator_for_language (SpireLanguage lang);

/* Appends @field (NULL as empty), quoted when it must be; a cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first; not a
 * plain number like -1,5) is written "'=…" so that it shows as text. */
void spire_csv_append_field (GString *out, const char *field, char separator);
/* Appends one record of @n_fields fields and its CRLF.  @n_fields -1: @fields
 * is NULL-terminated. */
void spire_csv_append_record (GString *out, const char *const *fields, int n_fields,
                              char separator);

/* The whole file's text: BOM, @header (NULL-terminated; may be NULL for
 * none), then @rows (GPtrArray of NULL-terminated string arrays). */
char *spire_csv_to_string (const char *const *header, GPtrArray *rows, char separator,
                           gsize *length);

/* Writes spire_csv_to_string() to @path (temporary file, then rename).
 * Errors: SPIRE_ERROR_IO with a translated message that names the file or
 * folder and says what to do (a folder that does not exist, no permission,
 * disk full). */
gboolean spire_csv_write_file (const char *path, const char *const *header, GPtrArray *rows,
                               char separator, GError **error);

G_END_DECLS
