/* spire-backup-reader-private.h — the backup reader's insides, for its two files
 *
 * spire-backup-reader.c feeds the document to yajl and follows its shape
 * (depth, skipped values, JSON fields, where a fault stands, syntax);
 * spire-backup-records.c checks the head and builds each record from its
 * slots by spire_record_from_json ()'s rules, and refuses the first wrong
 * list or record.  This header is what those two files share; nothing
 * else includes it (the import uses spire-backup-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <yajl/yajl_parse.h>

#include "spire-backup-private.h"
#include "spire-exchange-private.h"

G_BEGIN_DECLS

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
  gsize json_bytes; /* of the JSON field so far: bounded, as strings are */

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

/* spire-backup-records.c */

/* Format, version and unknown members, as far as they are known: TRUE
 * (with @error set when asked) when the head refuses the file. */
gboolean _spire_backup_head_fault (SpireBackupReader *r, GError **error);
void _spire_backup_slot_clear (Slot *slot);
/* A value where it stands: the root, a root member's, a table's element,
 * a record's field.  FALSE stops the reading. */
gboolean _spire_backup_root_value (SpireBackupReader *r, const Value *v);
gboolean _spire_backup_member_value (SpireBackupReader *r, const Value *v);
gboolean _spire_backup_element_value (SpireBackupReader *r, const Value *v);
void _spire_backup_record_value (SpireBackupReader *r, const Value *v);
/* A member name of the record being read. */
void _spire_backup_record_key (SpireBackupReader *r, const char *key, gsize len);
/* A NUL character in a text of the record's field @field (its index):
 * the file is refused. */
void _spire_backup_nul_fault (SpireBackupReader *r, guint field);
/* The JSON field being built is more than SPIRE_JSON_MAX_STRING: refused,
 * and the rest of its value skipped (a tree of any size would be kept). */
void _spire_backup_json_too_big (SpireBackupReader *r);
/* The record closed: typed, checked, handed on.  FALSE stops the reading
 * (cancelled). */
gboolean _spire_backup_end_record (SpireBackupReader *r);

G_END_DECLS
