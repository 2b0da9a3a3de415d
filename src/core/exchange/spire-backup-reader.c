/* spire-backup-reader.c — a "spire-backup" document read as a stream
 *
 * json-glib 1.6 has no streaming parser: it builds the whole tree (695
 * MiB for a 124 MB backup).  The reader feeds the document piece by piece
 * to yajl, a streaming tokenizer (Debian's libyajl), and keeps only the
 * record it is in, each field in a slot, typed and checked as
 * spire_record_from_json () does when the record closes, then handed to
 * the merge (spire-backup-import.c).  yajl rather than JsonReader over
 * bounded pieces: cutting the document into records for JsonReader would
 * take a tokenizer of our own anyway, and a tree per record costs as much
 * as the tree of all; yajl checks the syntax and the UTF-8 and gives each
 * value once.  Only a JSON field's value (an application's extra answers)
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

#include "spire-backup-private.h"
#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-exchange.h"

/* How often (in records) progress is reported and cancellation looked at. */
#define STEP 500

typedef enum
{
  SLOT_ABSENT,
  SLOT_NULL,
  SLOT_BOOL,
  SLOT_INT,
  SLOT_DOUBLE,
  SLOT_STRING,
  SLOT_CONTAINER, /* an object or a list: @node for a JSON field */
} SlotType;

/* One field of the record being read. */
typedef struct
{
  SlotType type;
  gboolean b;
  gint64 i;
  double d;
  GString *s;
  JsonNode *node;
} Slot;

/* A value as yajl gives it. */
typedef enum
{
  V_NULL,
  V_BOOL,
  V_INT,
  V_DOUBLE,
  V_STRING,
  V_MAP,
  V_ARRAY,
} ValueType;

typedef struct
{
  ValueType type;
  gboolean b;
  gint64 i;
  double d;
  const char *s;
  gsize len;
} Value;

#define IS_CONTAINER(v) ((v)->type == V_MAP || (v)->type == V_ARRAY)

typedef enum
{
  VERSION_ABSENT,
  VERSION_INT,
  VERSION_OTHER,
} VersionState;

struct _SpireBackupReader
{
  char *name;
  guint64 size;
  SpireBackupTableFunc on_table;
  SpireBackupRecordFunc on_record;
  gpointer data;
  SpireProgressFunc progress;
  gpointer progress_data;
  GCancellable *cancellable;

  yajl_handle yajl;
  gboolean yajl_done; /* a syntax error stopped it */
  SpireJsonDepth raw; /* the depth scan, ahead of yajl */

  /* Where the current piece starts, and the last non-blank character so
   * far (a file cut short is placed there). */
  const char *piece;
  gsize piece_length;
  guint64 offset;
  guint line;
  guint column; /* characters since the last newline */
  guint end_line, end_column;
  gboolean any_text;

  /* The document's shape: depth of open objects and lists; a value
   * skipped to the end (from depth skip_from); a JSON field being built. */
  guint depth;
  guint skip_from;
  gboolean skip_next;
  JsonBuilder *json;
  guint json_from;

  /* The head */
  gboolean root_is_object;
  char *member; /* the root member whose value comes next */
  gboolean has_format;
  char *format; /* NULL: not a string */
  VersionState version_state;
  gint64 version;
  char *unknown_member;
  gboolean head_checked;

  /* The current table and record */
  const SpireKind *kind;
  int index;
  Slot *slots;
  gboolean *given;
  guint n_slots;
  int field;            /* the field whose value comes next; -1 not known */
  char *unknown_field;  /* the first member of this record Spire does not know */
  guint n_records;

  /* Faults, worst first */
  GError *depth_error;
  char *syntax_detail; /* NULL: no syntax error */
  guint syntax_line, syntax_column;
  GError *record_error;
  gboolean cancelled;
  gboolean refused; /* no more importing: read on to find a worse fault */
};

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

/* Faults */

/* A wrong list or record: the first one counts. */
static void
refuse_record (SpireBackupReader *r, GError *error)
{
  if (r->record_error == NULL)
    r->record_error = error;
  else
    g_error_free (error);
  r->refused = TRUE;
}

static void
record_fault (SpireBackupReader *r, const char *field, const char *what)
{
  GError *error = NULL;

  _spire_backup_fail_at (&error, SPIRE_ERROR_FORMAT, r->name, r->kind->table, r->index, field,
                         what);
  refuse_record (r, error);
}

/* Format, version and unknown members, as far as they are known. */
static gboolean
head_fault (SpireBackupReader *r, GError **error)
{
  if (!r->root_is_object)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                   _("%s is not a Spire backup: it does not hold a JSON object. "
                     "Choose a file made with Spire’s export."), r->name);
      return TRUE;
    }
  if (r->format == NULL || !g_str_equal (r->format, SPIRE_BACKUP_FORMAT))
    {
      if (r->format != NULL)
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                     /* TRANSLATORS: the second %s is the file's "format", the third is "spire-backup" */
                     _("%s is not a Spire backup: its format is “%s”, not “%s”. "
                       "Choose a file made with Spire’s export."),
                     r->name, r->format, SPIRE_BACKUP_FORMAT);
      else
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                     /* TRANSLATORS: %s is "spire-backup" */
                     _("%s is not a Spire backup: it does not say “format”: “%s”. "
                       "Choose a file made with Spire’s export."),
                     r->name, SPIRE_BACKUP_FORMAT);
      return TRUE;
    }
  if (r->version_state != VERSION_INT || r->version < 1)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                   _("%s: the backup has no valid “version”, so Spire cannot tell how to "
                     "read it. Nothing was imported."), r->name);
      return TRUE;
    }
  if (r->version > SPIRE_BACKUP_VERSION)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Spire (backup version %d; this "
                     "Spire reads up to %d). Nothing was imported; update Spire to import it."),
                   r->name, (int) MIN (r->version, G_MAXINT), SPIRE_BACKUP_VERSION);
      return TRUE;
    }
  if (r->unknown_member != NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                   _("%s: Spire does not know “%s”, so importing the file would lose it. "
                     "Nothing was imported; update Spire or remove “%s” from the file."),
                   r->name, r->unknown_member, r->unknown_member);
      return TRUE;
    }
  return FALSE;
}

/* Records before the head is complete are read (a hand-made file may put
 * "version" last); once format and version are known a wrong head stops
 * the import. */
static void
check_head (SpireBackupReader *r)
{
  if (r->head_checked || !r->has_format || r->version_state == VERSION_ABSENT)
    return;
  r->head_checked = TRUE;
  if (head_fault (r, NULL))
    r->refused = TRUE;
}

/* Slots: the record being read */

static void
slot_clear (Slot *slot)
{
  slot->type = SLOT_ABSENT;
  g_clear_pointer (&slot->node, json_node_unref);
}

static void
begin_record (SpireBackupReader *r)
{
  guint n = r->kind->n_fields;

  if (r->n_slots < n)
    {
      r->slots = g_renew (Slot, r->slots, n);
      r->given = g_renew (gboolean, r->given, n);
      for (guint i = r->n_slots; i < n; i++)
        r->slots[i] = (Slot) { SLOT_ABSENT, FALSE, 0, 0.0, g_string_new (NULL), NULL };
      r->n_slots = n;
    }
  for (guint i = 0; i < n; i++)
    slot_clear (&r->slots[i]);
  g_clear_pointer (&r->unknown_field, g_free);
  r->field = -1;
}

/* A member name of the record: the next field in kind order first (an
 * export's order), then any. */
static void
record_key (SpireBackupReader *r, const char *key, gsize len)
{
  const SpireKind *kind = r->kind;
  guint next = (guint) (r->field + 1);

  for (guint k = 0; k < kind->n_fields; k++)
    {
      guint i = (next + k) % kind->n_fields;
      const char *name = kind->fields[i].name;

      if (strncmp (name, key, len) == 0 && name[len] == '\0')
        {
          r->field = (int) i;
          return;
        }
    }
  r->field = -1;
  if (r->unknown_field == NULL)
    r->unknown_field = g_strndup (key, len);
}

static void
record_value (SpireBackupReader *r, const Value *v)
{
  Slot *slot;

  if (r->field < 0)
    {
      r->skip_next = IS_CONTAINER (v);
      return;
    }
  slot = &r->slots[r->field];
  slot_clear (slot);
  switch (v->type)
    {
    case V_NULL:
      slot->type = SLOT_NULL;
      break;
    case V_BOOL:
      slot->type = SLOT_BOOL;
      slot->b = v->b;
      break;
    case V_INT:
      slot->type = SLOT_INT;
      slot->i = v->i;
      break;
    case V_DOUBLE:
      slot->type = SLOT_DOUBLE;
      slot->d = v->d;
      break;
    case V_STRING:
      slot->type = SLOT_STRING;
      g_string_truncate (slot->s, 0);
      g_string_append_len (slot->s, v->s, (gssize) v->len);
      break;
    case V_MAP:
    case V_ARRAY:
      slot->type = SLOT_CONTAINER;
      if (r->kind->fields[r->field].type != SPIRE_FIELD_JSON)
        {
          r->skip_next = TRUE;
          break;
        }
      /* A JSON field: built until its object or list closes. */
      r->json = json_builder_new_immutable ();
      r->json_from = r->depth + 1;
      if (v->type == V_MAP)
        json_builder_begin_object (r->json);
      else
        json_builder_begin_array (r->json);
      break;
    }
}

static gboolean
wrong_type (SpireBackupReader *r, const SpireField *f, const char *expected)
{
  /* TRANSLATORS: %s is the kind of value expected, e.g. "a number" */
  g_autofree char *what = g_strdup_printf (_("expected %s"), expected);

  record_fault (r, f->name, what);
  return FALSE;
}

/* One field from its slot, by spire_record_from_json ()'s rules. */
static gboolean
set_field (SpireBackupReader *r, SpireRecord *record, guint i)
{
  const SpireField *f = &r->kind->fields[i];
  Slot *slot = &r->slots[i];
  g_auto (GValue) v = G_VALUE_INIT;

  if (slot->type == SLOT_ABSENT || slot->type == SLOT_NULL)
    {
      if ((f->flags & SPIRE_FIELD_REQUIRED) && (!(f->flags & SPIRE_FIELD_SYSTEM) || i == 0))
        {
          record_fault (r, f->name, slot->type == SLOT_NULL ? _("must not be empty")
                                                            : _("is missing"));
          return FALSE;
        }
      return TRUE;
    }
  if (slot->type == SLOT_CONTAINER && f->type != SPIRE_FIELD_JSON)
    return wrong_type (r, f, _("a single value"));
  switch (f->type)
    {
    case SPIRE_FIELD_INT:
    case SPIRE_FIELD_MONEY:
      if (slot->type != SLOT_INT)
        return wrong_type (r, f, _("a whole number"));
      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, slot->i);
      break;
    case SPIRE_FIELD_REAL:
      if (slot->type != SLOT_INT && slot->type != SLOT_DOUBLE)
        return wrong_type (r, f, _("a number"));
      g_value_init (&v, G_TYPE_DOUBLE);
      g_value_set_double (&v, slot->type == SLOT_INT ? (double) slot->i : slot->d);
      break;
    case SPIRE_FIELD_BOOL:
      if (slot->type != SLOT_BOOL)
        return wrong_type (r, f, _("true or false"));
      g_value_init (&v, G_TYPE_BOOLEAN);
      g_value_set_boolean (&v, slot->b);
      break;
    case SPIRE_FIELD_JSON:
      if (slot->type != SLOT_CONTAINER || slot->node == NULL)
        return wrong_type (r, f, _("an object or a list"));
      g_value_init (&v, G_TYPE_STRING);
      g_value_take_string (&v, json_to_string (slot->node, FALSE));
      break;
    default:
      if (slot->type != SLOT_STRING)
        return wrong_type (r, f, _("text"));
      g_value_init (&v, G_TYPE_STRING);
      g_value_set_static_string (&v, slot->s->str);
      break;
    }
  spire_record_set_value (record, i, &v);
  return TRUE;
}

static gboolean
progress_step (SpireBackupReader *r)
{
  if (g_cancellable_is_cancelled (r->cancellable))
    {
      r->cancelled = TRUE;
      return FALSE;
    }
  if (r->progress != NULL && r->size > 0)
    {
      guint64 at = r->offset + yajl_get_bytes_consumed (r->yajl);

      r->progress (MIN ((double) at / (double) r->size, 1.0), r->progress_data);
    }
  return TRUE;
}

/* The record closed: typed, checked, handed on.  FALSE stops the reading
 * (cancelled). */
static gboolean
end_record (SpireBackupReader *r)
{
  const SpireKind *kind = r->kind;
  g_autoptr (SpireRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  /* A field this Spire does not know would be lost without a word. */
  if (r->unknown_field != NULL)
    {
      record_fault (r, r->unknown_field,
                    _("Spire does not know this field, so importing would lose it"));
      return TRUE;
    }
  record = spire_record_new (kind);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (!set_field (r, record, i))
        return TRUE;
      r->given[i] = r->slots[i].type != SLOT_ABSENT;
    }
  if (!r->on_record (kind, record, r->index, r->given, r->data, &error))
    {
      if (g_error_matches (error, SPIRE_ERROR, SPIRE_ERROR_CANCELLED))
        {
          r->cancelled = TRUE;
          return FALSE;
        }
      refuse_record (r, g_steal_pointer (&error));
      return TRUE;
    }
  if (++r->n_records % STEP == 0)
    return progress_step (r);
  return TRUE;
}

/* Values where they stand */

static gboolean
root_value (SpireBackupReader *r, const Value *v)
{
  r->root_is_object = v->type == V_MAP;
  if (!r->root_is_object)
    {
      r->refused = TRUE;
      r->skip_next = IS_CONTAINER (v);
    }
  return TRUE;
}

static gboolean
member_value (SpireBackupReader *r, const Value *v)
{
  const char *m = r->member;
  const SpireKind *kind;
  g_autoptr (GError) error = NULL;

  r->skip_next = IS_CONTAINER (v);
  if (g_str_equal (m, "format"))
    {
      r->has_format = TRUE;
      g_clear_pointer (&r->format, g_free);
      if (v->type == V_STRING)
        r->format = g_strndup (v->s, v->len);
      check_head (r);
      return TRUE;
    }
  if (g_str_equal (m, "version"))
    {
      r->version_state = v->type == V_INT ? VERSION_INT : VERSION_OTHER;
      r->version = v->i;
      check_head (r);
      return TRUE;
    }
  if (g_str_equal (m, "exported_at") || g_str_equal (m, "contains_secrets") ||
      g_str_equal (m, "secrets_note"))
    return TRUE;

  kind = spire_kind_lookup (m);
  if (kind == NULL || !g_str_equal (kind->table, m))
    {
      if (r->unknown_member == NULL)
        r->unknown_member = g_strdup (m);
      r->refused = TRUE;
      return TRUE;
    }
  if (r->refused)
    return TRUE;
  if (v->type != V_ARRAY)
    {
      r->kind = kind;
      r->index = -1;
      record_fault (r, NULL, _("expected a list of records"));
      r->kind = NULL;
      return TRUE;
    }
  check_head (r);
  if (r->refused)
    return TRUE;
  if (!r->on_table (kind, r->data, &error))
    {
      r->kind = kind;
      r->index = -1;
      refuse_record (r, g_steal_pointer (&error));
      r->kind = NULL;
      return TRUE;
    }
  r->skip_next = FALSE;
  r->kind = kind;
  r->index = -1;
  return TRUE;
}

static gboolean
element_value (SpireBackupReader *r, const Value *v)
{
  r->index++;
  if (r->refused)
    {
      r->skip_next = IS_CONTAINER (v);
      return TRUE;
    }
  if (v->type != V_MAP)
    {
      record_fault (r, NULL, _("expected a record (a JSON object)"));
      r->skip_next = IS_CONTAINER (v);
      return TRUE;
    }
  begin_record (r);
  return TRUE;
}

static void
json_value (SpireBackupReader *r, const Value *v)
{
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
        go_on = root_value (r, v);
        break;
      case 1:
        go_on = member_value (r, v);
        break;
      case 2:
        if (r->kind != NULL)
          go_on = element_value (r, v);
        else
          r->skip_next = IS_CONTAINER (v);
        break;
      default:
        if (r->refused)
          r->skip_next = IS_CONTAINER (v);
        else
          record_value (r, v);
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
    return end_record (r);
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
  if (r->json != NULL)
    {
      g_autofree char *name = g_strndup ((const char *) key, len);

      json_builder_set_member_name (r->json, name);
    }
  else if (r->depth == 1)
    {
      g_free (r->member);
      r->member = g_strndup ((const char *) key, len);
    }
  else if (r->depth == 3 && r->kind != NULL && !r->refused)
    record_key (r, (const char *) key, len);
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
      slot_clear (&r->slots[i]);
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
  if (head_fault (r, error))
    return FALSE;
  if (r->record_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->record_error));
      return FALSE;
    }
  return TRUE;
}
