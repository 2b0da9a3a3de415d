/* spire-error.h — the SPIRE_ERROR domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SPIRE_ERROR (spire_error_quark ())

/* Codes a test can match. Messages are translated and say what to do. */
typedef enum
{
  SPIRE_ERROR_FAILED,        /* anything else */
  SPIRE_ERROR_INVALID,       /* a field value is not acceptable */
  SPIRE_ERROR_NOT_FOUND,     /* no record with that UUID */
  SPIRE_ERROR_NEWER_VERSION, /* database written by a newer Spire */
  SPIRE_ERROR_NOT_SPIRE,     /* a file that is not a Spire database */
  SPIRE_ERROR_CORRUPT,       /* damaged or truncated database */
  SPIRE_ERROR_BUSY,          /* another program is writing the database */
  SPIRE_ERROR_IO,            /* disk full, no permission, cannot open */
  SPIRE_ERROR_PARSE,         /* a file's syntax is wrong (line, column) */
  SPIRE_ERROR_FORMAT,        /* a well-formed file with wrong content */
  SPIRE_ERROR_REFERENCE,     /* a reference to an unknown record */
  SPIRE_ERROR_IN_USE,        /* other records depend on this one */
  SPIRE_ERROR_NOT_EMPTY,     /* the database already holds data */
  SPIRE_ERROR_CANCELLED,     /* the user cancelled */
  SPIRE_ERROR_SIGNATURE,     /* a score sheet's signature does not match */
} SpireErrorCode;

GQuark spire_error_quark (void);

/* Sets @error (when not NULL) to a SPIRE_ERROR with @code and returns FALSE,
 * so that a failing function can end with `return spire_fail (…);`. */
gboolean spire_fail (GError **error, SpireErrorCode code, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

G_END_DECLS
