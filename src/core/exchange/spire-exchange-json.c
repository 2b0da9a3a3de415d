/* spire-exchange-json.c — the helpers every exchange format shares
 *
 * Reading JSON members of one type, the nesting depth of untrusted JSON
 * (checked before json-glib's parser, which recurses once per level), small
 * JSON objects, the place of a syntax error, "Cancelled", and private
 * files: once, for the backup, Brønnøysund, the CSV import, packages and
 * score sheets (spire-exchange-private.h).  What Spire writes never goes
 * over a database or its -wal, -shm or -journal (an export written over
 * the database it was made from replaced the database with its text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-exchange.h"

/* Reading JSON */

JsonNode *
_spire_json_member (JsonObject *o, const char *name)
{
  return o && name ? json_object_get_member (o, name) : NULL;
}

const char *
_spire_json_member_string (JsonObject *o, const char *name)
{
  JsonNode *n = _spire_json_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

JsonObject *
_spire_json_member_object (JsonObject *o, const char *name)
{
  JsonNode *n = _spire_json_member (o, name);

  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

JsonArray *
_spire_json_member_array (JsonObject *o, const char *name)
{
  JsonNode *n = _spire_json_member (o, name);

  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

gboolean
_spire_json_member_number (JsonObject *o, const char *name, gboolean null_ok, double *value)
{
  JsonNode *n = _spire_json_member (o, name);
  GType     t;

  if (n != NULL && JSON_NODE_HOLDS_NULL (n) && null_ok)
    {
      *value = NAN;
      return TRUE;
    }
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  t = json_node_get_value_type (n);
  if (t == G_TYPE_INT64)
    *value = (double) json_node_get_int (n);
  else if (t == G_TYPE_DOUBLE)
    *value = json_node_get_double (n);
  else
    return FALSE;
  return TRUE;
}

JsonObject *
_spire_json_array_object (JsonArray *array, guint index)
{
  JsonNode *n =
      array && index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

/* Nesting depth.  json-glib's parser calls itself once per level, so a
 * file of nothing but "[" overflows the stack: every JSON importer asks
 * here first.  Strings (and the escapes in them) are skipped; a bracket
 * in a string is text.  Whether the brackets match is the parser's to say.
 * The backup's import reads its document in pieces: the state carries
 * from one to the next. */
gboolean
_spire_json_depth_feed (SpireJsonDepth *state, const char *data, gsize length, guint max_depth,
                        const char *name, GError **error)
{
  gboolean in_string = state->in_string;
  gboolean escaped = state->escaped;
  guint    depth = state->depth;
  guint    line = state->line;
  gboolean ok = TRUE;

  for (gsize i = 0; data != NULL && i < length; i++)
    {
      char c = data[i];

      if (escaped)
        {
          escaped = FALSE; /* the character after a backslash, even a newline */
          continue;
        }
      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          /* An escape counts its two bytes here: the second is skipped above. */
          state->string_bytes += c == '\\' ? 2 : 1;
          if (state->max_string > 0 && state->string_bytes > state->max_string)
            {
              g_autofree char *most = g_format_size (state->max_string);

              g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID,
                           /* TRANSLATORS: "backup.json: line 3: a text of more than 12.0 MB,
                            * longer than any field holds." */
                           _("%s: line %u: a text of more than %s, longer than any field "
                             "holds. Nothing was changed."),
                           name, line, most);
              ok = FALSE;
              break;
            }
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          state->string_bytes = 0;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                           /* TRANSLATORS: "backup.json: nested too deeply at line 3 (more
                            * than 64 levels)." */
                           _("%s: nested too deeply at line %u (more than %u levels). Nothing "
                             "was changed."),
                           name, line, max_depth);
              ok = FALSE;
              break;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  state->in_string = in_string;
  state->escaped = escaped;
  state->depth = depth;
  state->line = line;
  return ok;
}

gboolean
_spire_json_check_depth (const char *data, gsize length, guint max_depth, const char *name,
                         GError **error)
{
  SpireJsonDepth state = SPIRE_JSON_DEPTH_INIT;

  return _spire_json_depth_feed (&state, data, length, max_depth, name, error);
}

/* Writing JSON */

void
_spire_json_add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
_spire_json_add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

char *
_spire_json_text (JsonNode *root, gboolean pretty)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

const char *
_spire_json_error_place (JsonParser *parser, const GError *json_error, guint *line, guint *column)
{
  const char *detail = json_error->message;
  int         consumed = 0;

  *line = 0;
  *column = 0;
  if (sscanf (json_error->message, "%*[^:]:%u:%u:%n", line, column, &consumed) >= 2 && consumed > 0)
    {
      detail = json_error->message + consumed;
      while (*detail == ' ')
        detail++;
    }
  else
    {
      *line = json_parser_get_current_line (parser);
      *column = json_parser_get_current_pos (parser);
    }
  return detail;
}

/* Errors and files */

gboolean
_spire_exchange_cancelled (GError **error)
{
  g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED,
                       _("Cancelled. Nothing was changed."));
  return FALSE;
}

gboolean
_spire_exchange_error_is_database (const GError *error)
{
  return error != NULL && error->domain == SPIRE_ERROR &&
         (error->code == SPIRE_ERROR_BUSY || error->code == SPIRE_ERROR_IO ||
          error->code == SPIRE_ERROR_CORRUPT || error->code == SPIRE_ERROR_NOT_SPIRE ||
          error->code == SPIRE_ERROR_NEWER_VERSION || error->code == SPIRE_ERROR_CANCELLED);
}

/* TRUE when @path is a file that starts as every SQLite database does. */
static gboolean
is_database (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char head[sizeof magic];
  ssize_t n;
  int fd;

  /* Not blocking: a FIFO is not a database and must not hold us up. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  do
    n = read (fd, head, sizeof head);
  while (n < 0 && errno == EINTR);
  close (fd);
  return n == (ssize_t) sizeof head && memcmp (head, magic, sizeof magic) == 0;
}

gboolean
spire_exchange_check_destination (const char *path, GError **error)
{
  static const char *const companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_equal (path, "-"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (g_str_has_suffix (path, companions[i]))
      {
        g_autofree char *db = g_strndup (path, strlen (path) - strlen (companions[i]));

        if (!is_database (db))
          continue;
        display = g_filename_display_name (path);
        return spire_fail (error, SPIRE_ERROR_IO,
                           /* TRANSLATORS: %s is a file such as “spire.db-wal” */
                           _("“%s” belongs to a database: writing there would damage the "
                             "database. Nothing was written; choose another name."),
                           display);
      }
  if (!is_database (path))
    return TRUE;
  display = g_filename_display_name (path);
  return spire_fail (error, SPIRE_ERROR_IO,
                     _("“%s” is a database: writing there would replace it. Nothing was "
                       "written; choose another name."),
                     display);
}

gboolean
_spire_exchange_check_not_device (const GStatBuf *st, const char *name, GError **error)
{
  /* /dev/zero or a disk: read to its end, it never ends. */
  if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    return spire_fail (error, SPIRE_ERROR_IO,
                       _("“%s” is a device, not a file: Spire would read it without end. "
                         "Choose a file."),
                       name);
  return TRUE;
}

gboolean
_spire_exchange_write_private_file (const char *path, const char *text, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!spire_exchange_check_destination (path, error))
    return FALSE;
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 &local))
    return spire_fail (error, SPIRE_ERROR_IO, _("Spire cannot write “%s”: %s"), path,
                       local->message);
  return TRUE;
}
