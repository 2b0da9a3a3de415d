/* spire-exchange-private.h — what the exchange files share, and nobody else
 *
 * One copy of each helper that the JSON backup, Brønnøysund, the CSV import,
 * evaluation packages and score sheets used to keep for themselves: reading
 * JSON members of a given type, building small JSON objects, where a JSON
 * syntax error is, "Cancelled", reading and writing private files, tokens
 * and signatures, and the head of a package or score sheet file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "spire-exchange.h"
#include "spire-store-private.h"

G_BEGIN_DECLS

/* Column @i of a row from _spire_store_query (). */
#define COL SPIRE_ROW_TEXT

/* Reading JSON (spire-exchange-json.c): NULL when @o is NULL, the member is
 * missing or of another type. */
JsonNode   *_spire_json_member (JsonObject *o, const char *name);
const char *_spire_json_member_string (JsonObject *o, const char *name);
JsonObject *_spire_json_member_object (JsonObject *o, const char *name);
JsonArray  *_spire_json_member_array (JsonObject *o, const char *name);
/* A number member: TRUE with *@value set (NAN for null when @null_ok),
 * FALSE when it is missing or not a number. */
gboolean _spire_json_member_number (JsonObject *o, const char *name, gboolean null_ok,
                                    double *value);
/* The object that element @index of @array is, or NULL. */
JsonObject *_spire_json_array_object (JsonArray *array, guint index);

/* No file that Spire reads is nested deeper than this; real ones stay
 * below 10. */
#define SPIRE_JSON_MAX_DEPTH 64
/* FALSE with SPIRE_ERROR_PARSE ("@name: nested too deeply at line L") when
 * the JSON text @data nests arrays and objects more than @max_depth deep:
 * asked before any untrusted JSON reaches json-glib's parser, which
 * recurses once per level.  Strings are skipped. */
gboolean _spire_json_check_depth (const char *data, gsize length, guint max_depth,
                                  const char *name, GError **error);
/* The same, piece by piece: @state (SPIRE_JSON_DEPTH_INIT at the start)
 * carries what is open from one piece to the next.  With @max_string set,
 * a string of more bytes is refused too (SPIRE_ERROR_INVALID): the backup
 * is read as a stream, and yajl would keep a string of any length whole. */
typedef struct
{
  gboolean in_string;
  gboolean escaped;
  guint depth;
  guint line;
  gsize string_bytes; /* of the string that is open */
  gsize max_string;   /* 0: any */
} SpireJsonDepth;
#define SPIRE_JSON_DEPTH_INIT { FALSE, FALSE, 0, 1, 0, 0 }
/* No text a field holds is written with more bytes than this: the longest
 * (SPIRE_LENGTH_JSON characters) with every character escaped as
 * "\uD83D\uDE00", twelve bytes for one. */
#define SPIRE_JSON_MAX_STRING (12 * (gsize) SPIRE_LENGTH_JSON + 16)
gboolean _spire_json_depth_feed (SpireJsonDepth *state, const char *data, gsize length,
                                 guint max_depth, const char *name, GError **error);

/* Writing JSON: a string member (null for NULL), an integer member, and
 * the text of a tree (two spaces when @pretty). */
void  _spire_json_add_string (JsonBuilder *b, const char *name, const char *value);
void  _spire_json_add_int (JsonBuilder *b, const char *name, gint64 value);
char *_spire_json_text (JsonNode *root, gboolean pretty);

/* Where json-glib's @json_error says the syntax error is (json-glib 1.6
 * says "<data>:3:14: Parse error: unexpected …"), and what it says
 * without the place. */
const char *_spire_json_error_place (JsonParser *parser, const GError *json_error, guint *line,
                                     guint *column);

/* Errors and files */
gboolean _spire_exchange_cancelled (GError **error);
/* TRUE when @error is about the database (busy, damaged, full disk, no
 * permission) rather than the file being read: such a message names the
 * database, and a place in the file ("line 7") would send the user to
 * the wrong file. */
gboolean _spire_exchange_error_is_database (const GError *error);
/* FALSE with SPIRE_ERROR_IO when @st is a device (/dev/zero, a disk),
 * which a reader would read without end; @name names it. */
gboolean _spire_exchange_check_not_device (const GStatBuf *st, const char *name,
                                           GError **error);
/* The whole file; a message names it @name (or @path's base name when
 * @name is NULL).
 * A device, or a file larger than spire_exchange_read_limit (@kind), is
 * refused before it is read (spire-exchange-read.c). */
char    *_spire_exchange_read_file (const char *path, const char *name, SpireReadKind kind,
                                    gsize *length, GError **error);
/* FALSE with the message of a file of @kind that is @size bytes (0: more
 * than the limit, a pipe's size not being known). */
gboolean _spire_exchange_too_large (const char *name, guint64 size, SpireReadKind kind,
                                    GError **error);
/* What a file that is not JSON seems to be, from its first bytes: FALSE
 * with SPIRE_ERROR_FORMAT saying so and what imports it ("“x.csv” looks
 * like a CSV file, not a Spire backup. …") when @head (the first @length
 * bytes, a byte order mark skipped) is a CSV or other text, a PDF, a
 * database, a spreadsheet, an archive or other binary data; TRUE when it
 * may be JSON. */
gboolean _spire_exchange_check_backup_head (const char *head, gsize length, const char *name,
                                            GError **error);
/* FALSE, with the place of the first one in *@line and *@column, when the
 * JSON text @data holds a NUL character in a string (an escaped "\u0000"):
 * json-glib 1.6 cuts such a string at the NUL without a word. */
gboolean _spire_json_check_no_nul (const char *data, gsize length, guint *line, guint *column);
/* Readable by the owner only: packages and sheets hold tokens and scores. */
gboolean _spire_exchange_write_private_file (const char *path, const char *text, GError **error);

/* Tokens and signatures (spire-signature.c) */
#define SPIRE_TOKEN_BYTES 32
char    *_spire_token_new (GError **error);
gboolean _spire_token_decode (const char *token, guint8 key[SPIRE_TOKEN_BYTES]);
/* A score sheet's signature: HMAC-SHA256 as 64 lower-case hex digits,
 * exactly (upper case is not the same signature). */
#define SPIRE_SIGNATURE_HEX_DIGITS 64
gboolean _spire_signature_is_well_formed (const char *signature);
gboolean _spire_signature_equal (const char *a, const char *b);

/* Package and score sheet files (spire-package-format.c).  Messages name
 * the kind of file in the sentence (not pieced together: the words change
 * with the kind in Norwegian). */
typedef enum
{
  SPIRE_FILE_PACKAGE,
  SPIRE_FILE_SHEET,
} SpireFileKind;

JsonObject *_spire_package_parse (const char *data, gssize length, JsonParser *parser,
                                  const char *name, SpireFileKind kind, GError **error);
gboolean    _spire_package_check_format (JsonObject *o, SpireFileKind kind, const char *name,
                                         GError **error);

G_END_DECLS
