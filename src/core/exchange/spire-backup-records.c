/* spire-backup-records.c — the backup reader's records: head, slots, checks
 *
 * The second half of the streaming reader (spire-backup-reader.c feeds
 * yajl and follows the document's shape).  Here each value is taken where
 * it stands: the head (format, version, members Spire does not know), a
 * table's list, a record's fields into slots; when a record closes its
 * slots are typed and checked as spire_record_from_json () does and the
 * record is handed to the merge (spire-backup-import.c).  The first wrong
 * list or record refuses the file (all or nothing); the reader then reads
 * on only to find a worse fault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-backup-reader-private.h"
#include "spire-error.h"
#include "spire-exchange.h"

/* How often (in records) progress is reported and cancellation looked at. */
#define STEP 500

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
gboolean
_spire_backup_head_fault (SpireBackupReader *r, GError **error)
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
  if (_spire_backup_head_fault (r, NULL))
    r->refused = TRUE;
}

/* Slots: the record being read */

void
_spire_backup_slot_clear (Slot *slot)
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
    _spire_backup_slot_clear (&r->slots[i]);
  g_clear_pointer (&r->unknown_field, g_free);
  r->field = -1;
}

/* A member name of the record: the next field in kind order first (an
 * export's order), then any. */
void
_spire_backup_record_key (SpireBackupReader *r, const char *key, gsize len)
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

void
_spire_backup_record_value (SpireBackupReader *r, const Value *v)
{
  Slot *slot;

  if (r->field < 0)
    {
      r->skip_next = IS_CONTAINER (v);
      return;
    }
  slot = &r->slots[r->field];
  _spire_backup_slot_clear (slot);
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
      r->json_bytes = 0;
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

/* A NUL character (JSON's \u0000) in a text of @field, the field's own
 * or a string in its JSON value: C and SQLite would cut the text
 * there, so the file is refused. */
void
_spire_backup_nul_fault (SpireBackupReader *r, guint field)
{
  record_fault (r, r->kind->fields[field].name, _("a text may not hold a NUL character"));
}

void
_spire_backup_json_too_big (SpireBackupReader *r)
{
  g_autofree char *most = g_format_size (SPIRE_JSON_MAX_STRING);
  /* TRANSLATORS: "backup.json: applications[3].extra: a JSON value of more than 12.0 MB,
   * longer than the field holds" */
  g_autofree char *what = g_strdup_printf (_("a JSON value of more than %s, longer than the "
                                             "field holds"), most);

  record_fault (r, r->kind->fields[r->field].name, what);
  g_clear_object (&r->json);
  r->skip_from = r->json_from;
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
      if (memchr (slot->s->str, '\0', slot->s->len) != NULL)
        {
          _spire_backup_nul_fault (r, i);
          return FALSE;
        }
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
gboolean
_spire_backup_end_record (SpireBackupReader *r)
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

gboolean
_spire_backup_root_value (SpireBackupReader *r, const Value *v)
{
  r->root_is_object = v->type == V_MAP;
  if (!r->root_is_object)
    {
      r->refused = TRUE;
      r->skip_next = IS_CONTAINER (v);
    }
  return TRUE;
}

gboolean
_spire_backup_member_value (SpireBackupReader *r, const Value *v)
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

gboolean
_spire_backup_element_value (SpireBackupReader *r, const Value *v)
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
