/* spire-backup-reader.c — a "spire-backup" document read as a stream
 *
 * json-glib 1.6 has no streaming parser: it builds the whole tree (695
 * MiB for a 124 MB backup).  The reader feeds the document piece by piece
 * to yajl, a streaming tokenizer (Debian's libyajl), and keeps only the
 * record it is in, each field in a slot, typed and checked as
 * spire_record_from_json () does when the record closes, then handed to
 * the merge (spire-backup-import.c; the head, the slots and the checks
 * are in spire-backup-records.c, this file the tokenizer's side: yajl,
 * the document's shape, places and syntax).  yajl rather than JsonReader
 * over bounded pieces: cutting the document into records for JsonReader
 * would take a tokenizer of our own anyway, and a tree per record costs as
 * much as the tree of all; yajl checks the syntax and the UTF-8 and gives
 * each value once.  Only a JSON field's value (an application's extra answers)
 * becomes a small json-glib tree, to be kept as text the way json-glib
 * writes it.
 *
 * What refuses a file, in the order the whole-document import had:
 * nesting deeper than SPIRE_JSON_MAX_DEPTH (the same scan, piece by
 * piece), not JSON or cut short (line and column), the head (not an
 * object, format, version, members Spire does not know), then the first
 * wrong list or record.  After the first fault the reader goes on to the
 * end without importing, to find a worse one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "spire-backup-reader-private.h"
#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-exchange.h"

/* Places */

/* Line and column of the character that ends at @off in the current
 * piece (the first character when @off is 0). */
static void
place (SpireBackupReader *r, gsize off, guint *line, guint *column)
{
  const char *p = r->piece;
  const char *nl = NULL;
  guint l = r->line;
  guint c;

  for (const char *q = p; q != NULL && q < p + off;)
    {
      q = memchr (q, '\n', (gsize) (p + off - q));
      if (q == NULL)
        break;
      l++;
      nl = q++;
    }
  c = nl ? 0 : r->column;
  for (const char *q = nl ? nl + 1 : p; q < p + off; q++)
    if (((guchar) *q & 0xc0) != 0x80) /* characters, not bytes */
      c++;
  *line = l;
  *column = MAX (c, 1);
}

/* After a piece: where the next one starts, and its last non-blank
 * character. */
static void
advance (SpireBackupReader *r)
{
  const char *p = r->piece;
  gsize n = r->piece_length;
  const char *last_nl = NULL;

  for (gsize k = n; k > 0; k--)
    if (!g_ascii_isspace (p[k - 1]))
      {
        place (r, k, &r->end_line, &r->end_column);
        r->any_text = TRUE;
        break;
      }
  for (const char *q = p; (q = memchr (q, '\n', (gsize) (p + n - q))) != NULL; q++)
    {
      r->line++;
      last_nl = q;
    }
  if (last_nl != NULL)
    r->column = 0;
  for (const char *q = last_nl ? last_nl + 1 : p; q < p + n; q++)
    if (((guchar) *q & 0xc0) != 0x80)
      r->column++;
  r->offset += n;
}

static void
json_value (SpireBackupReader *r, const Value *v)
{
  r->json_bytes += (v->type == V_STRING ? v->len : 0) + 8;
  if (r->json_bytes > SPIRE_JSON_MAX_STRING)
    {
      _spire_backup_json_too_big (r);
      return;
    }
  switch (v->type)
    {
    case V_NULL:
      json_builder_add_null_value (r->json);
      break;
    case V_BOOL:
      json_builder_add_boolean_value (r->json, v->b);
      break;
    case V_INT:
      json_builder_add_int_value (r->json, v->i);
      break;
    case V_DOUBLE:
      json_builder_add_double_value (r->json, v->d);
      break;
    case V_STRING:
      {
        g_autofree char *s = g_strndup (v->s, v->len);

        if (memchr (v->s, '\0', v->len) != NULL)
          _spire_backup_nul_fault (r, (guint) r->field);
        json_builder_add_string_value (r->json, s);
      }
      break;
    case V_MAP:
      json_builder_begin_object (r->json);
      break;
    case V_ARRAY:
      json_builder_begin_array (r->json);
      break;
    }
}

/* Every value, scalar or the start of an object or list. */
static int
on_value (SpireBackupReader *r, const Value *v)
{
  gboolean go_on = TRUE;

  if (r->skip_from > 0)
    ;
  else if (r->json != NULL)
    json_value (r, v);
  else
    switch (r->depth)
      {
      case 0:
        go_on = _spire_backup_root_value (r, v);
        break;
      case 1:
        go_on = _spire_backup_member_value (r, v);
        break;
      case 2:
        if (r->kind != NULL)
          go_on = _spire_backup_element_value (r, v);
        else
          r->skip_next = IS_CONTAINER (v);
        break;
      default:
        if (r->refused)
          r->skip_next = IS_CONTAINER (v);
        else
          _spire_backup_record_value (r, v);
        break;
      }
  if (IS_CONTAINER (v))
    {
      r->depth++;
      if (r->skip_next && r->skip_from == 0)
        r->skip_from = r->depth;
      r->skip_next = FALSE;
    }
  return go_on;
}

static int
on_end (SpireBackupReader *r, gboolean map)
{
  guint closing = r->depth--;

  if (r->skip_from > 0)
    {
      if (closing == r->skip_from)
        r->skip_from = 0;
      return TRUE;
    }
  if (r->json != NULL)
    {
      if (map)
        json_builder_end_object (r->json);
      else
        json_builder_end_array (r->json);
      if (closing == r->json_from)
        {
          Slot *slot = &r->slots[r->field];

          slot->node = json_builder_get_root (r->json);
          g_clear_object (&r->json);
        }
      return TRUE;
    }
  if (closing == 2)
    r->kind = NULL; /* the end of a table's list */
  else if (closing == 3 && r->kind != NULL && !r->refused)
    return _spire_backup_end_record (r);
  return TRUE;
}

/* yajl's callbacks */

static int
on_null_cb (void *ctx)
{
  return on_value (ctx, &(Value) { .type = V_NULL });
}

static int
on_boolean_cb (void *ctx, int b)
{
  return on_value (ctx, &(Value) { .type = V_BOOL, .b = b != 0 });
}

/* Numbers as text, read here: yajl's own strtod follows the locale's
 * decimal comma.  A whole number too large for 64 bits is a double. */
static int
on_number_cb (void *ctx, const char *s, size_t len)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *big = NULL;
  const char *text = s;
  gint64 i;

  if (len < sizeof buf)
    {
      memcpy (buf, s, len);
      buf[len] = '\0';
      text = buf;
    }
  else
    text = big = g_strndup (s, len);
  if (strpbrk (text, ".eE") == NULL)
    {
      errno = 0;
      i = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        return on_value (ctx, &(Value) { .type = V_INT, .i = i });
    }
  return on_value (ctx, &(Value) { .type = V_DOUBLE, .d = g_ascii_strtod (text, NULL) });
}

static int
on_string_cb (void *ctx, const unsigned char *s, size_t len)
{
  return on_value (ctx, &(Value) { .type = V_STRING, .s = (const char *) s, .len = len });
}

static int
on_start_map_cb (void *ctx)
{
  return on_value (ctx, &(Value) { .type = V_MAP });
}

static int
on_start_array_cb (void *ctx)
{
  return on_value (ctx, &(Value) { .type = V_ARRAY });
}

static int
on_end_map_cb (void *ctx)
{
  return on_end (ctx, TRUE);
}

static int
on_end_array_cb (void *ctx)
{
  return on_end (ctx, FALSE);
}

static int
on_map_key_cb (void *ctx, const unsigned char *key, size_t len)
{
  SpireBackupReader *r = ctx;

  if (r->skip_from > 0)
    return TRUE;
  if (r->json != NULL && (r->json_bytes += len + 8) > SPIRE_JSON_MAX_STRING)
    _spire_backup_json_too_big (r);
  else if (r->json != NULL)
    {
      g_autofree char *name = g_strndup ((const char *) key, len);

      if (memchr (key, '\0', len) != NULL)
        _spire_backup_nul_fault (r, (guint) r->field);
      json_builder_set_member_name (r->json, name);
    }
  else if (r->depth == 1)
    {
      g_free (r->member);
      r->member = g_strndup ((const char *) key, len);
    }
  else if (r->depth == 3 && r->kind != NULL && !r->refused)
    _spire_backup_record_key (r, (const char *) key, len);
  return TRUE;
}

static const yajl_callbacks callbacks = {
  on_null_cb, on_boolean_cb, NULL, NULL, on_number_cb, on_string_cb,
  on_start_map_cb, on_map_key_cb, on_end_map_cb, on_start_array_cb, on_end_array_cb,
};

/* Syntax */

/* yajl's own words, on one line ("parse error: object key and value must
 * be separated by a colon (':')"). */
static char *
yajl_words (SpireBackupReader *r)
{
  unsigned char *raw = yajl_get_error (r->yajl, 0, NULL, 0);
  char *words = g_strstrip (g_strdup ((const char *) raw));

  yajl_free_error (r->yajl, raw);
  return words;
}

/* yajl stopped at line:column (placed at the end). */
static void
syntax_fault (SpireBackupReader *r, guint line, guint column)
{
  r->syntax_detail = yajl_words (r);
  r->syntax_line = line;
  r->syntax_column = column;
  r->yajl_done = TRUE;
  r->refused = TRUE;
}

/* Not JSON at line:column, or — when the file stops inside a string, list
 * or object and the fault is on its last lines — cut short. */
static gboolean
syntax_error (SpireBackupReader *r, GError **error)
{
  if ((r->raw.in_string || r->raw.depth > 0) && r->syntax_line + 1 >= r->end_line)
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                 /* TRANSLATORS: "backup.json: line 202, column 34: the file ends before
                  * the backup is complete." */
                 _("%s: line %u, column %u: the file ends before the backup is complete. "
                   "It was probably cut short; export it again."),
                 r->name, r->end_line, r->end_column);
  else
    g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                 /* TRANSLATORS: "backup.json: line 3, column 14: the file is not valid
                  * JSON (<what the JSON reader said>)." */
                 _("%s: line %u, column %u: the file is not valid JSON (%s). It may have been "
                   "edited by hand; export it again."),
                 r->name, r->syntax_line, r->syntax_column, r->syntax_detail);
  return FALSE;
}

/* Public (to the import) */

SpireBackupReader *
_spire_backup_reader_new (const char *name, guint64 size, SpireBackupTableFunc on_table,
                          SpireBackupRecordFunc on_record, gpointer data,
                          SpireProgressFunc progress, gpointer progress_data,
                          GCancellable *cancellable)
{
  SpireBackupReader *r = g_new0 (SpireBackupReader, 1);

  r->name = g_strdup (name);
  r->size = size;
  r->on_table = on_table;
  r->on_record = on_record;
  r->data = data;
  r->progress = progress;
  r->progress_data = progress_data;
  r->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  r->raw = (SpireJsonDepth) SPIRE_JSON_DEPTH_INIT;
  r->raw.max_string = SPIRE_JSON_MAX_STRING;
  r->line = 1;
  r->end_line = 1;
  r->end_column = 1;
  r->yajl = yajl_alloc (&callbacks, NULL, r);
  /* json-glib, which read backups before, skips comments too */
  yajl_config (r->yajl, yajl_allow_comments, 1);
  return r;
}

void
_spire_backup_reader_free (SpireBackupReader *r)
{
  if (r == NULL)
    return;
  yajl_free (r->yajl);
  for (guint i = 0; i < r->n_slots; i++)
    {
      _spire_backup_slot_clear (&r->slots[i]);
      g_string_free (r->slots[i].s, TRUE);
    }
  g_free (r->slots);
  g_free (r->given);
  g_clear_object (&r->json);
  g_clear_object (&r->cancellable);
  g_clear_error (&r->depth_error);
  g_free (r->syntax_detail);
  g_clear_error (&r->record_error);
  g_free (r->unknown_field);
  g_free (r->unknown_member);
  g_free (r->format);
  g_free (r->member);
  g_free (r->name);
  g_free (r);
}

gboolean
_spire_backup_reader_feed (SpireBackupReader *r, const char *data, gsize length)
{
  if (r->depth_error != NULL || r->cancelled)
    return FALSE;
  r->piece = data;
  r->piece_length = length;

  /* A CSV file, a PDF or a database given as a backup: said so, not "not
   * valid JSON (lexical error: invalid char in json text)". */
  if (r->offset == 0 && !_spire_exchange_check_backup_head (data, length, r->name,
                                                            &r->depth_error))
    return FALSE;

  /* The depth first, over the whole piece: deeper than the limit, yajl
   * never sees it. */
  if (!_spire_json_depth_feed (&r->raw, data, length, SPIRE_JSON_MAX_DEPTH, r->name,
                               &r->depth_error))
    return FALSE;
  if (!r->yajl_done)
    {
      yajl_status status = yajl_parse (r->yajl, (const unsigned char *) data, length);

      if (status == yajl_status_client_canceled)
        return FALSE;
      if (status == yajl_status_error)
        {
          gsize off = yajl_get_bytes_consumed (r->yajl);
          guint line, column;

          place (r, MIN (off, length), &line, &column);
          advance (r);
          syntax_fault (r, line, column);
          return TRUE; /* the depth scan reads on */
        }
    }
  advance (r);
  return TRUE;
}

gboolean
_spire_backup_reader_finish (SpireBackupReader *r, GError **error)
{
  if (r->cancelled)
    return _spire_exchange_cancelled (error);
  if (r->depth_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->depth_error));
      return FALSE;
    }
  if (!r->yajl_done && yajl_complete_parse (r->yajl) == yajl_status_error)
    {
      if (!r->any_text)
        {
          g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                       _("%s: line 1, column 1: the file is empty. Choose a file made with "
                         "Spire’s export."), r->name);
          return FALSE;
        }
      syntax_fault (r, r->end_line, r->end_column);
    }
  if (r->cancelled)
    return _spire_exchange_cancelled (error);
  if (r->syntax_detail != NULL)
    return syntax_error (r, error);
  if (_spire_backup_head_fault (r, error))
    return FALSE;
  if (r->record_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->record_error));
      return FALSE;
    }
  return TRUE;
}
